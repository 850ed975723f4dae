"""The validating front: message rewriting (pure), then real sockets in a private network namespace.

Socket scenarios run in a child process under ``unshare -n`` (only ``lo`` up): this file is also the child's
script (``python tests/sip/test_front.py SCENARIO OUT.json``). Every wait is a bounded ``recvfrom`` timeout
on the datagram being waited for; datagram counts are fixed.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if __name__ == "__main__":
    sys.path.insert(0, str(REPO))

import pytest  # noqa: E402

from voice.sip.front import FrontConfig, SipFront, via_destination  # noqa: E402
from voice.sip.netns import in_private_netns, netns_usable, reexec_argv  # noqa: E402
from voice.sip.validator import Action, Verdict, build_response, parse, validate  # noqa: E402

RFC = Path(__file__).with_name("rfc4475")

INVITE = (
    "INVITE sip:shop@127.0.0.1:5080 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-c1;rport\r\n"
    "Max-Forwards: 70\r\nFrom: <sip:ann@127.0.0.1>;tag=a1\r\nTo: <sip:shop@127.0.0.1:5080>\r\n"
    "Call-ID: front-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:ann@127.0.0.1:5060>\r\n"
    "Content-Type: application/sdp\r\nContent-Length: {n}\r\n\r\n{sdp}"
)
SDP = ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
       "m=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n")


def invite(call_id: str = "front-1@127.0.0.1", rtp: int = 40000, uri_port: int = 5080) -> bytes:
    sdp = SDP.format(port=rtp)
    text = INVITE.format(n=len(sdp), sdp=sdp).replace("front-1@127.0.0.1", call_id)
    return text.replace("127.0.0.1:5080", f"127.0.0.1:{uri_port}").encode()


def front_offline(**kw: Any) -> SipFront:
    return SipFront(FrontConfig(public_host="127.0.0.1", public_port=5080, pjsip_port=5090, internal_port=5091,
                                **kw))


# --- pure rewriting ------------------------------------------------------------------------------------
def test_inbound_invite_gets_received_rport_the_front_via_and_two_record_routes() -> None:
    out = front_offline().inbound_request(invite(), ("10.9.8.7", 40123), "INVITE")
    msg = parse(out)
    vias = msg.all("via")
    assert vias[0].startswith("SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-vf")
    assert vias[1] == "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-c1;rport=40123;received=10.9.8.7"
    assert msg.all("record-route") == ["<sip:127.0.0.1:5091;lr>", "<sip:127.0.0.1:5080;lr>"]
    assert validate(out).action is Action.PASS
    # a CANCEL for that INVITE gets the same front branch, so PJSIP matches it to the INVITE
    cancel = invite().replace(b"CSeq: 1 INVITE", b"CSeq: 1 CANCEL").replace(b"INVITE sip", b"CANCEL sip")
    out2 = front_offline().inbound_request(cancel, ("10.9.8.7", 40123), "CANCEL")
    assert parse(out2).all("via")[0] == vias[0]
    assert not parse(out2).all("record-route")


def test_in_dialog_request_loses_the_routes_naming_the_front() -> None:
    bye = (b"BYE sip:shop@127.0.0.1:5090 SIP/2.0\r\nVia: SIP/2.0/UDP 10.9.8.7:5060;branch=z9hG4bK-b1\r\n"
           b"Route: <sip:127.0.0.1:5080;lr>, <sip:127.0.0.1:5091;lr>\r\nMax-Forwards: 70\r\n"
           b"From: <sip:ann@10.9.8.7>;tag=a1\r\nTo: <sip:shop@127.0.0.1>;tag=s1\r\nCall-ID: x\r\nCSeq: 2 BYE\r\n"
           b"Content-Length: 0\r\n\r\n")
    out = parse(front_offline().inbound_request(bye, ("10.9.8.7", 5060), "BYE"))
    assert out.all("route") == [] and out.all("record-route") == []


def test_outbound_response_goes_where_the_stamped_via_says() -> None:
    f = front_offline()
    inbound = f.inbound_request(invite(), ("10.9.8.7", 40123), "INVITE")
    resp = build_response(Verdict(Action.REPLY, 486, "Busy Here", message=parse(inbound)))
    out, dest = f.outbound_response(resp)
    assert dest == ("10.9.8.7", 40123) and out is not None
    assert parse(out).all("via") == [parse(inbound).all("via")[1]]
    # a response whose top Via is not the front's is dropped
    assert f.outbound_response(build_response(Verdict(Action.REPLY, 200, "OK", message=parse(invite())))) == (
        None, None)
    assert via_destination("SIP/2.0/UDP host.example;branch=z9hG4bK1;received=192.0.2.1") == ("192.0.2.1", 5060)


def test_outbound_request_follows_the_next_route_or_the_request_uri() -> None:
    f = front_offline()
    bye = (b"BYE sip:ann@10.9.8.7:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bKpj1;rport\r\n"
           b"Route: <sip:127.0.0.1:5091;lr>\r\nRoute: <sip:127.0.0.1:5080;lr>\r\nMax-Forwards: 70\r\n"
           b"From: <sip:shop@127.0.0.1>;tag=s1\r\nTo: <sip:ann@10.9.8.7>;tag=a1\r\nCall-ID: x\r\nCSeq: 1 BYE\r\n"
           b"Content-Length: 0\r\n\r\n")
    out, dest = f.outbound_request(bye)
    assert dest == ("10.9.8.7", 5062) and out is not None
    msg = parse(out)
    assert msg.all("route") == []
    assert msg.all("via")[0].startswith("SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-vf")
    via_pbx = bye.replace(b"Route: <sip:127.0.0.1:5080;lr>", b"Route: <sip:127.0.0.1:5080;lr>, <sip:10.0.0.1;lr>")
    assert f.outbound_request(via_pbx)[1] == ("10.0.0.1", 5060)


# --- sockets, in a private network namespace -------------------------------------------------------------
def run_in_netns(scenario: str, tmp_path: Path, timeout: float = 120.0) -> dict[str, Any]:
    reason = netns_usable()
    if reason is not None:
        pytest.skip(reason)
    out = tmp_path / f"{scenario}.json"
    argv = [sys.executable, str(Path(__file__)), scenario, str(out)]
    if not in_private_netns():
        argv = reexec_argv(argv)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0 and out.exists(), proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def expected_on_wire(name: str) -> int | None:
    """What a caller sees for an RFC message through the front: the front's own answer, 200 from the UAS
    behind it for a request that passes, nothing for a dropped message or a response."""
    v = validate((RFC / f"{name}.dat").read_bytes())
    if v.action is Action.REPLY:
        return v.status
    if v.action is Action.PASS and v.message is not None and v.message.is_request:
        return 200
    return None


def test_front_with_raw_sockets(tmp_path: Path) -> None:
    r = run_in_netns("raw", tmp_path)
    rfc = r["rfc"]
    assert len(rfc) == 49
    wrong = {n: (got, expected_on_wire(n)) for n, got in rfc.items() if got != expected_on_wire(n)}
    assert not wrong, wrong
    d = r["dialog"]
    assert d["invite_vias"][0].startswith("SIP/2.0/UDP 127.0.0.1:") and "received=127.0.0.1" in d["invite_vias"][1]
    assert len(d["invite_rr"]) == 2
    assert d["caller_got"] == 200 and d["caller_vias"] == 1
    assert d["bye_at_caller"] and d["bye_routes"] == 0 and d["bye_from_port"] == 5080
    assert d["uas_got_bye_answer"] == 200
    assert r["allow"] == 403
    assert r["rate"] == {"answers": 5, "rate_limited": 5}
    assert r["fuzz_alive"] and r["after_fuzz"] == 200


def test_front_before_a_real_pjsip_bridge(tmp_path: Path) -> None:
    pytest.importorskip("pjsua2")
    r = run_in_netns("pjsip", tmp_path)
    assert r["engine_alive"] and r["front_alive"]
    assert r["options"] == 200
    assert r["invite_final"] == 200 and r["bye"] == 200
    rfc = r["rfc"]
    # every RFC 4475 message the front answers or drops gets exactly that; what it passes gets PJSIP's answer
    for name, got in rfc.items():
        v = validate((RFC / f"{name}.dat").read_bytes())
        if v.action is Action.REPLY:
            assert got == v.status, (name, got)
        elif v.action is Action.DROP or not (v.message and v.message.is_request):
            assert got is None, (name, got)
        else:  # passed: PJSIP answers it, and not as malformed (wsinv gets 481: it carries an unknown To tag)
            assert got is not None and got != 400, (name, got)
    print("through the front to PJSIP:", json.dumps(rfc, sort_keys=True), r["front_stats"])


# --- the child process -----------------------------------------------------------------------------------
class Peer:
    """A UDP SIP peer on loopback with bounded waits. It sends from ``port`` and also listens on ``also``:
    answers go where the request's Via says (RFC 3261 18.2.2), and one RFC 4475 message names port 5050."""

    def __init__(self, port: int, also: tuple[int, ...] = ()):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", port))
        self.extra = []
        for p in also:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("127.0.0.1", p))
            self.extra.append(s)

    def send(self, data: bytes, dest: tuple[str, int]) -> None:
        assert dest[0] == "127.0.0.1"
        self.sock.sendto(data, dest)

    def recv(self, timeout: float) -> tuple[bytes, tuple[str, int]] | None:
        import select

        ready, _, _ = select.select([self.sock, *self.extra], [], [], timeout)
        if not ready:
            return None
        data, src = ready[0].recvfrom(65535)
        return data, (src[0], src[1])

    def final(self, timeout: float, call_id: bytes | None = None) -> tuple[int | None, bytes | None]:
        """Wait for a final response (skipping provisional ones and unrelated datagrams, e.g. answers to
        fuzzed requests that kept this peer's address in their Via)."""
        for _ in range(3000):
            got = self.recv(timeout)
            if got is None:
                return None, None
            data = got[0]
            if data.startswith(b"SIP/2.0 ") and (call_id is None or call_id in data):
                code = int(data[8:11])
                if code >= 200:
                    return code, data
        return None, None


def call_id_of(data: bytes) -> bytes | None:
    for line in data.split(b"\r\n\r\n")[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"call-id", b"i") and value.strip():
            return value.strip()
    return None


def ok_for(data: bytes, code: int = 200) -> bytes:
    msg = parse(data)
    extra = [("Record-Route", rr) for rr in msg.all("record-route")]
    return build_response(Verdict(Action.REPLY, code, "OK", extra, message=msg))


def scenario_raw() -> dict[str, Any]:
    uas = Peer(5090)
    caller = Peer(5060, also=(5050,))
    front = SipFront(FrontConfig(public_host="127.0.0.1", public_port=5080, pjsip_port=5090))
    front.start()
    seen: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:  # a minimal UAS: 200 to every request, remembers them
        while not stop.is_set():
            got = uas.recv(0.2)
            if got is None:
                continue
            data, src = got
            seen.append(data)
            if not data.startswith(b"SIP/2.0") and not data.startswith(b"ACK "):
                try:
                    uas.send(ok_for(data), src)
                except Exception:  # noqa: BLE001 - a relayed odd request this stand-in UAS cannot answer
                    continue

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    out: dict[str, Any] = {"rfc": {}}
    for path in sorted(RFC.glob("*.dat")):
        data = path.read_bytes()
        caller.send(data, ("127.0.0.1", 5080))
        code, _ = caller.final(0.4, call_id_of(data))
        out["rfc"][path.stem] = code
    # a dialog through the front: INVITE/200, then a BYE from the UAS side along the Record-Route
    caller.send(invite(), ("127.0.0.1", 5080))
    code, resp = caller.final(2.0, b"front-1@")
    inv = next(parse(d) for d in seen if d.startswith(b"INVITE") and b"front-1@" in d)
    dialog: dict[str, Any] = {"invite_vias": inv.all("via"), "invite_rr": inv.all("record-route"),
                              "caller_got": code, "caller_vias": len(parse(resp).all("via")) if resp else 0}
    stop.set()
    t.join()
    rr = inv.all("record-route")
    bye = ("BYE sip:ann@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bKuasbye;rport\r\n"
           + "".join(f"Route: {v}\r\n" for v in rr)
           + "Max-Forwards: 70\r\nFrom: <sip:shop@127.0.0.1>;tag=s1\r\nTo: <sip:ann@127.0.0.1>;tag=a1\r\n"
           "Call-ID: front-1@127.0.0.1\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n").encode()
    uas.send(bye, ("127.0.0.1", front.internal_port))
    got = caller.recv(2.0)
    dialog["bye_at_caller"] = bool(got and got[0].startswith(b"BYE "))
    if got:
        bye_msg = parse(got[0])
        dialog["bye_routes"] = len(bye_msg.all("route"))
        dialog["bye_from_port"] = got[1][1]
        dest = via_destination(bye_msg.all("via")[0])
        assert dest is not None
        caller.send(ok_for(got[0]), ("127.0.0.1", got[1][1]) if dest[0] == "127.0.0.1" else got[1])
        answer = uas.recv(2.0)
        dialog["uas_got_bye_answer"] = int(answer[0][8:11]) if answer else None
    out["dialog"] = dialog
    front.stop()
    # --allow: a request from outside the list is refused with 403
    f2 = SipFront(FrontConfig(public_host="127.0.0.1", public_port=5081, pjsip_port=5090, allow=("10.0.0.0/8",)))
    f2.start()
    caller.send(invite(uri_port=5081), ("127.0.0.1", 5081))
    out["allow"] = caller.final(2.0)[0]
    f2.stop()
    # rate limit: burst 5, (almost) no refill: 10 malformed requests -> exactly 5 answers
    f3 = SipFront(FrontConfig(public_host="127.0.0.1", public_port=5082, pjsip_port=5090, rate=1e-6, burst=5))
    f3.start()
    bad = invite(uri_port=5082).replace(b"SIP/2.0\r\n", b"SIP/3.0\r\n", 1)
    for _ in range(10):
        caller.send(bad, ("127.0.0.1", 5082))
    answers = 0
    while caller.recv(0.5) is not None:
        answers += 1
    out["rate"] = {"answers": answers, "rate_limited": f3.snapshot()["rate_limited"]}
    f3.stop()
    # 2,000 mutated datagrams, then a valid OPTIONS still gets its 200 from the UAS behind the front
    f4 = SipFront(FrontConfig(public_host="127.0.0.1", public_port=5083, pjsip_port=5090, rate=1e9, burst=1e9))
    f4.start()
    rng = random.Random(4475)
    base = invite(uri_port=5083)
    junk = Peer(5070)
    seen_before = len(seen)
    stop.clear()
    t = threading.Thread(target=serve, daemon=True)
    t.start()
    for batch in range(20):  # 100 at a time, each batch handled before the next (no socket buffer overflows)
        for _ in range(100):
            b = bytearray(base)
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            junk.send(bytes(b[: rng.randrange(1, len(b) + 1)]), ("127.0.0.1", 5083))
        handled = threading.Event()
        for _ in range(500):
            st = f4.snapshot()
            if st["relayed_in"] + st["answered"] + st["dropped"] >= 100 * (batch + 1):
                handled.set()
                break
            handled.wait(0.01)
        assert handled.is_set(), f4.snapshot()
    relayed = f4.snapshot()["relayed_in"]
    drained = threading.Event()
    for _ in range(1000):  # the UAS has read everything relayed to it (a loaded machine reads late)
        if len(seen) - seen_before >= relayed:
            drained.set()
            break
        drained.wait(0.01)
    for _ in range(5000):  # answers to the fuzzed requests that kept the caller's address in their Via
        if caller.recv(0.3) is None:
            break
    options = (b"OPTIONS sip:shop@127.0.0.1:5083 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKo1;rport\r\n"
               b"Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=o\r\nTo: <sip:shop@127.0.0.1>\r\n"
               b"Call-ID: opt-after-fuzz\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
    caller.send(options, ("127.0.0.1", 5083))
    out["after_fuzz"] = caller.final(10.0, b"opt-after-fuzz")[0]
    out["fuzz_alive"] = f4._thread is not None and f4._thread.is_alive()
    stop.set()
    t.join()
    f4.stop()
    return out


def scenario_pjsip() -> dict[str, Any]:
    from voice.sip.engine import SipEngine, SipSettings
    from voice.sip.handler import NullHandler

    front = SipFront(FrontConfig(public_host="127.0.0.1", public_port=5080, pjsip_port=5090))
    front.start()
    engine = SipEngine(SipSettings(host="127.0.0.1", port=5090, pjsip_log_level=0, front=False),
                       lambda info: NullHandler())
    engine.start()
    caller = Peer(5060, also=(5050,))
    out: dict[str, Any] = {"rfc": {}}
    try:
        for path in sorted(RFC.glob("*.dat")):
            data = path.read_bytes()
            caller.send(data, ("127.0.0.1", 5080))
            out["rfc"][path.stem] = caller.final(1.0, call_id_of(data))[0]
        options = (b"OPTIONS sip:shop@127.0.0.1:5080 SIP/2.0\r\n"
                   b"Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKopt1;rport\r\nMax-Forwards: 70\r\n"
                   b"From: <sip:a@127.0.0.1>;tag=o\r\nTo: <sip:shop@127.0.0.1>\r\nCall-ID: opt-pj\r\n"
                   b"CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
        caller.send(options, ("127.0.0.1", 5080))
        out["options"] = caller.final(3.0, b"opt-pj")[0]
        rtp = Peer(40000)
        caller.send(invite("call-pj@127.0.0.1"), ("127.0.0.1", 5080))
        code, resp = caller.final(10.0, b"call-pj@")
        out["invite_final"] = code
        if code == 200 and resp is not None:
            msg = parse(resp)
            to = msg.first("to") or ""
            routes = list(reversed([v for rr in msg.all("record-route") for v in rr.split(",")]))
            contact = (msg.first("contact") or "").strip("<> ")
            contact = contact.split(">")[0].strip("<")
            common = (f"Max-Forwards: 70\r\nFrom: <sip:ann@127.0.0.1>;tag=a1\r\nTo: {to}\r\n"
                      "Call-ID: call-pj@127.0.0.1\r\n" + "".join(f"Route: {r.strip()}\r\n" for r in routes))
            ack = (f"ACK {contact} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-ack1;rport\r\n"
                   f"{common}CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n")
            caller.send(ack.encode(), ("127.0.0.1", 5080))
            bye = (f"BYE {contact} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-bye1;rport\r\n"
                   f"{common}CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n")
            caller.send(bye.encode(), ("127.0.0.1", 5080))
            for _ in range(10):
                c, data = caller.final(5.0, b"call-pj@")
                if c is None or (data is not None and b" BYE" in data.split(b"CSeq:")[1][:30]):
                    out["bye"] = c
                    break
        rtp.sock.close()
        out["engine_alive"] = engine._thread is not None and engine._thread.is_alive()
        out["front_alive"] = front._thread is not None and front._thread.is_alive()
        out["front_stats"] = front.snapshot()
    finally:
        engine.stop()
        front.stop()
    return out


if __name__ == "__main__":
    if not in_private_netns():
        raise SystemExit("refusing to send SIP outside a private network namespace")
    scenario, dest = sys.argv[1], Path(sys.argv[2])
    result = {"raw": scenario_raw, "pjsip": scenario_pjsip}[scenario]()
    dest.write_text(json.dumps(result, indent=1, default=str))
