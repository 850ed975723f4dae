"""The validator on hand-made messages: tolerance, each fault's answer, the SDP guard, caps, responses."""

from __future__ import annotations

import random

import pytest

from voice.sip.validator import Action, ValidatorConfig, build_response, parse, validate

SDP = ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
       "m=audio 40000 RTP/AVP 9 0 8 101\r\na=rtpmap:9 G722/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
       "a=fmtp:101 0-16\r\na=sendrecv\r\n")


def invite(sdp: str = SDP, *, extra: str = "", method: str = "INVITE", uri: str = "sip:shop@127.0.0.1:5060",
           ctype: str = "application/sdp", via: str = "SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-t1;rport") -> bytes:
    body = sdp.encode("latin-1")
    head = (f"{method} {uri} SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n"
            f"From: \"Ann\" <sip:ann@127.0.0.1>;tag=a1\r\nTo: <sip:shop@127.0.0.1>\r\nCall-ID: c1@127.0.0.1\r\n"
            f"CSeq: 1 {method}\r\nContact: <sip:ann@127.0.0.1:5099>\r\n{extra}")
    if body:
        head += f"Content-Type: {ctype}\r\n"
    return (head + f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1") + body


def verdict(data: bytes) -> str | int:
    v = validate(data)
    return v.status if v.action is Action.REPLY else v.action.value


def test_a_plain_invite_passes_unchanged() -> None:
    data = invite()
    v = validate(data)
    assert v.action is Action.PASS and v.data == data


def test_tolerant_parsing() -> None:
    data = (b"\r\n\r\nOPTIONS sip:shop@127.0.0.1 SIP/2.0\r\nv : SIP / 2.0\r\n  / UDP 127.0.0.1:5099;branch=z9hG4bK9\r\n"
            b"f: <sip:a@127.0.0.1>;tag=1\r\nt: sip:shop@127.0.0.1\r\ni: x@y\r\ncseq: 0009\r\n  OPTIONS\r\n"
            b"X-Odd-!%*_+`'~: ;;,,\r\nl: 0\r\n\r\nGARBAGE AFTER THE MESSAGE")
    v = validate(data)
    assert v.action is Action.PASS, v
    assert v.data.endswith(b"l: 0\r\n\r\n")  # trailing octets after Content-Length cut off
    msg = parse(data.lstrip())
    assert msg.first("cseq") == "0009 OPTIONS" and msg.first("call-id") == "x@y"


@pytest.mark.parametrize(("mutate", "code", "words"), [
    (lambda d: d.replace(b"SIP/2.0\r\n", b"SIP/3.0\r\n", 1), 505, "Version"),
    (lambda d: d.replace(b"sip:shop@127.0.0.1:5060", b"xmpp:shop@example.com", 1), 416, "Scheme"),
    (lambda d: d.replace(b"Max-Forwards: 70", b"Require: foo, 100rel"), 420, "Extension"),
    (lambda d: d.replace(b"application/sdp", b"text/html"), 415, "Media Type"),
    (lambda d: d.replace(b"CSeq: 1 INVITE", b"CSeq: 1 BYE"), 400, "CSeq"),
    (lambda d: d.replace(b"CSeq: 1 INVITE", b"CSeq: 4294967296 INVITE"), 400, "CSeq"),
    (lambda d: d.replace(b"Content-Length: ", b"Content-Length: 9"), 400, "Content-Length"),
    (lambda d: d.replace(b"Content-Length: ", b"Content-Length: -"), 400, "Negative"),
    (lambda d: d.replace(b"Call-ID: c1@127.0.0.1\r\n", b""), 400, "Call-ID"),
    (lambda d: d.replace(b"To: <sip:shop@127.0.0.1>", b"To: \"Shop <sip:shop@127.0.0.1>"), 400, "Quoted"),
    (lambda d: d.replace(b"Max-Forwards: 70", b"Max-Forwards: 70\r\nDate: Fri, 01 Jan 2010 16:00:00 EST"), 400,
     "Date"),
    (lambda d: d.replace(b"Max-Forwards: 70", b"Max-Forwards: 70\r\nNo colon here"), 400, "Header Line"),
    (lambda d: d.replace(b"Max-Forwards: 70", b"Max-Forwards: 70\r\nAccept: text/plain"), 406, "Acceptable"),
    (lambda d: d.replace(b"INVITE sip", b"FROBNICATE sip").replace(b"1 INVITE", b"1 FROBNICATE"), 501,
     "Implemented"),
    (lambda d: d.replace(b"INVITE sip", b"REGISTER sip").replace(b"1 INVITE", b"1 REGISTER"), 405, "Allowed"),
    (lambda d: d.replace(b"127.0.0.1:5099;branch", b"h" * 300 + b";branch"), 400, "Host Name Too Long"),
    (lambda d: d.replace(b"127.0.0.1:5099;branch", b"127.0.0.1:99999;branch"), 400, "Port"),
])
def test_each_fault_gets_its_answer(mutate, code: int, words: str) -> None:  # type: ignore[no-untyped-def]
    v = validate(mutate(invite()))
    assert (v.action, v.status) == (Action.REPLY, code), v
    assert words.lower() in v.reason.lower()


@pytest.mark.parametrize(("sdp", "code"), [
    (SDP.replace("c=IN IP4 127.0.0.1", "c=IN IP4 " + "a" * 254), 488),  # PJSIP asserts on 254+ (issue 16)
    (SDP.replace("o=- 1 1 IN IP4 127.0.0.1", "o=- 1 1 IN IP4 " + "b" * 300), 488),
    (SDP.replace("c=IN IP4 127.0.0.1", "c=IN IP4 bad_host!"), 400),
    (SDP.replace("m=audio 40000", "m=audio 70000"), 400),
    (SDP.replace("m=audio 40000", "m=audio -5"), 400),
    (SDP.replace("RTP/AVP 9 0 8 101", "RTP/AVP 9 0 8 300"), 400),
    (SDP.replace("RTP/AVP 9 0 8 101", "RTP/AVP " + " ".join(str(i) for i in range(40))), 488),
    (SDP + "m=audio 4000 RTP/AVP 0\r\n" * 9, 488),
    (SDP + "a=x-foo\r\n" * 60, 488),
    (SDP.replace("a=sendrecv", "a=" + "z" * 600), 400),
    (SDP.replace("a=rtpmap:9 G722/8000", "a=rtpmap:900 G722/8000"), 400),
    (SDP.replace("a=rtpmap:9 G722/8000", "a=rtcp:99999"), 400),
    (SDP.replace("a=rtpmap:9 G722/8000", "a=rtcp:4001 IN IP4 " + "c" * 260), 488),
    ("x" + SDP, 400),
])
def test_sdp_guard(sdp: str, code: int) -> None:
    v = validate(invite(sdp))
    assert (v.action, v.status) == (Action.REPLY, code), v
    assert "SDP" in v.reason or "Not Acceptable" in v.reason


def test_sdp_within_limits_passes_and_253_chars_is_still_a_host() -> None:
    host = ".".join(["a" * 63] * 3) + "." + "b" * 61  # 253 characters
    assert verdict(invite(SDP.replace("c=IN IP4 127.0.0.1", f"c=IN IP4 {host}"))) == "pass"
    assert verdict(invite(SDP.replace("c=IN IP4 127.0.0.1", "c=IN IP6 ::1"))) == "pass"


def test_caps() -> None:
    big = invite(extra="X-Pad: " + "p" * 1500 + "\r\n" + "X-Pad2: " + "p" * 1900 + "\r\n" + "X-Pad3: " + "p" * 900 + "\r\n")
    assert len(big) > 4000 and verdict(big) == 513
    assert verdict(invite(extra="X-Long: " + "l" * 2100 + "\r\n")) == 400
    assert verdict(invite(extra="X-N: 1\r\n" * 120)) == 400
    small = ValidatorConfig(max_message=300)
    assert validate(invite(), small).status == 513


def test_what_is_dropped() -> None:
    assert verdict(b"") == "drop" and verdict(b"\r\n\r\n") == "drop"
    assert verdict(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03") == "drop"  # a TLS hello: no Via
    assert verdict(invite().replace(b"Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-t1;rport\r\n", b"")) == "drop"
    ack = invite(method="ACK").replace(b"SIP/2.0\r\n", b"SIP/9.0\r\n", 1)
    assert verdict(ack) == "drop"  # never answer an ACK
    assert verdict(b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP x;branch=z9hG4bK1\r\nCSeq: 99999999999 INVITE\r\n\r\n") == "drop"
    ok = b"SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP x;branch=z9hG4bK1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
    assert verdict(ok) == "pass"


def test_response_copies_the_dialog_headers_and_adds_a_to_tag() -> None:
    data = invite().replace(b"Max-Forwards: 70", b"Require: zzz")
    v = validate(data)
    out = build_response(v, ("10.1.2.3", 40000)).decode()
    lines = out.split("\r\n")
    assert lines[0] == "SIP/2.0 420 Bad Extension"
    assert "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-t1;rport=40000;received=10.1.2.3" in lines
    assert 'From: "Ann" <sip:ann@127.0.0.1>;tag=a1' in lines
    to = next(ln for ln in lines if ln.startswith("To: "))
    assert to.startswith("To: <sip:shop@127.0.0.1>;tag=vf")
    assert "Call-ID: c1@127.0.0.1" in lines and "CSeq: 1 INVITE" in lines and "Unsupported: zzz" in lines
    assert out == build_response(validate(data), ("10.1.2.3", 40000)).decode()  # retransmission: same answer


def test_response_keeps_an_existing_to_tag_and_a_via_without_rport() -> None:
    data = invite(via="SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-t2").replace(
        b"To: <sip:shop@127.0.0.1>", b"To: <sip:shop@127.0.0.1>;tag=given").replace(b"SIP/2.0\r\n", b"SIP/2.1\r\n", 1)
    out = build_response(validate(data), ("127.0.0.1", 5099)).decode()
    assert "To: <sip:shop@127.0.0.1>;tag=given\r\n" in out
    assert "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-t2\r\n" in out


def test_mutations_never_raise_and_passed_messages_are_complete() -> None:
    """Seeded mutation fuzzing of SIP and SDP: every datagram gets a verdict, nothing raises, and what passes
    has its required header fields and an SDP within the guard's limits."""
    rng = random.Random(16)
    base = [invite(), invite(method="OPTIONS", sdp=""), invite(method="BYE", sdp="")]
    counts = {"pass": 0, "reply": 0, "drop": 0}
    for _ in range(3000):
        b = bytearray(rng.choice(base))
        for _ in range(rng.randint(1, 6)):
            op = rng.randrange(4)
            i = rng.randrange(len(b))
            if op == 0:
                b[i] = rng.randrange(256)
            elif op == 1:
                del b[i: i + rng.randint(1, 20)]
            elif op == 2:
                b[i:i] = rng.choice([b" ", b"\r\n", b";", b":", b"\"", b"<", b"%00", b"9" * 12, b"a" * 300])
            else:
                b[i:i] = bytes(b[rng.randrange(len(b)):][:40])
        v = validate(bytes(b))
        counts[v.action.value] += 1
        if v.action is Action.REPLY:
            assert build_response(v, ("127.0.0.1", 1)).startswith(b"SIP/2.0 ")
        if v.action is Action.PASS and v.message is not None and v.message.is_request:
            for name in ("to", "from", "call-id", "cseq", "via"):
                assert v.message.first(name) is not None
    assert all(counts.values()), counts
