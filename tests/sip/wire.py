"""RFC 4475's torture messages and mutated SDP offers sent on the wire to a running bridge (front + PJSIP).

Run only inside a private network namespace (``run_scenario.py`` checks). Every wait is for a datagram,
bounded by a timeout; "no answer" is established with a barrier: an OPTIONS sent after the message goes through
the same front thread and PJSIP thread, so once its 200 is back, whatever the message was going to get
synchronously has been sent.

``rfc4475(bridge)`` sends each message's exact bytes from 127.0.0.1:5060 (the port most of their Vias name) and
listens on every port their Vias name (answers go where the Via says, RFC 3261 18.2.2). The verdict of one
message: the status of the front's own answer (it carries ``Server:``), ``"pass"`` when PJSIP answered it, or
``"drop"`` when nothing came. A 2xx to a torture INVITE is ACKed and the call hung up (BYE along the route
set), so the lines are free afterwards.

``sdp_fuzz(bridge, cases, seed)`` sends INVITEs whose SDP offer is mutated (addresses, ports, payload types,
counts, attributes, transports, crypto/ICE lines, truncation, byte flips), at most ``rate`` per second, ACKs
and hangs up what is answered, CANCELs what only rings, and counts the final answers.
"""

from __future__ import annotations

import random
import select
import socket
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.sip.rawsip import RawCaller, sdp_offer
from voice.sip.validator import parse

RFC = Path(__file__).with_name("rfc4475")
LISTEN_PORTS = (5060, 5050)  # 5060: the Vias without a port; 5050: quotbal's Via


def _call_id(data: bytes) -> bytes | None:
    for line in data.split(b"\r\n\r\n")[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"call-id", b"i") and value.strip():
            return value.strip()
    return None


def _branch(data: bytes) -> bytes | None:
    for line in data.split(b"\r\n\r\n")[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"via", b"v") and b"branch=" in value:
            return value.split(b"branch=", 1)[1].split(b";")[0].split(b",")[0].strip()
    return None


class _Ear:
    """Sockets on 127.0.0.1 at ``LISTEN_PORTS``; sends from the first."""

    def __init__(self) -> None:
        self.socks = []
        for port in LISTEN_PORTS:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("127.0.0.1", port))
            self.socks.append(s)
        self.backlog: list[bytes] = []

    def close(self) -> None:
        for s in self.socks:
            s.close()

    def send(self, data: bytes, dest: tuple[str, int]) -> None:
        self.socks[0].sendto(data, dest)

    def recv(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select(self.socks, [], [], max(0.0, timeout))
        if not ready:
            return None
        data, _ = ready[0].recvfrom(65535)
        return data


def _status(data: bytes) -> int:
    try:
        return int(data[8:11]) if data.startswith(b"SIP/2.0 ") else 0
    except ValueError:
        return 0


def _options(n: int, port: int) -> bytes:
    return (f"OPTIONS sip:shop@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-bar{n};rport"
            f"\r\nMax-Forwards: 70\r\nFrom: <sip:harness@127.0.0.1>;tag=b{n}\r\nTo: <sip:shop@127.0.0.1>\r\n"
            f"Call-ID: barrier-{n}@harness\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()


def _hang_up(ear: _Ear, bridge: tuple[str, int], request: bytes, ok: bytes, n: int) -> int | None:
    """ACK a 2xx to a torture INVITE and send BYE along its route set; the BYE's final status."""
    req, resp = parse(request), parse(ok)
    to = resp.first("to") or ""
    frm = req.first("from") or "<sip:harness@127.0.0.1>"
    target = (resp.first("contact") or "").split(">")[0].strip(" <")
    routes = "".join(f"Route: {r.strip()}\r\n" for rr in reversed(resp.all("record-route")) for r in
                     reversed(rr.split(",")))
    call_id = req.first("call-id") or ""
    cseq = (req.first("cseq") or "1").split()[0]
    common = f"Max-Forwards: 70\r\nFrom: {frm}\r\nTo: {to}\r\nCall-ID: {call_id}\r\n{routes}"
    ack = (f"ACK {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-ack{n};rport\r\n{common}"
           f"CSeq: {cseq} ACK\r\nContent-Length: 0\r\n\r\n")
    bye = (f"BYE {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-bye{n};rport\r\n{common}"
           f"CSeq: {int(cseq) + 1 if cseq.isdigit() else 2} BYE\r\nContent-Length: 0\r\n\r\n")
    ear.send(ack.encode(), bridge)
    ear.send(bye.encode(), bridge)
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline:
        got = ear.recv(deadline - time.monotonic())
        if got is None:
            break
        if f"z9hG4bK-bye{n}".encode() in got and _status(got) >= 200:
            return _status(got)
    return None


def rfc4475(bridge: tuple[str, int], timeout: float = 8.0) -> dict[str, Any]:
    """Verdicts of the 49 messages (see the module docstring), plus the hang-ups of answered INVITEs."""
    ear = _Ear()
    verdicts: dict[str, str | int] = {}
    hangups: dict[str, int | None] = {}
    try:
        for n, path in enumerate(sorted(RFC.glob("*.dat"))):
            data = path.read_bytes()
            cid = _call_id(data) or _branch(data)  # insuf has no Call-ID: its answer still echoes the Via
            expect_pjsip = data.lstrip(b"\r\n").split(b" ", 1)[0] == b"INVITE"
            ear.send(data, bridge)
            barrier = _options(n, bridge[1])
            ear.send(barrier, bridge)
            verdict: str | int = "drop"
            barrier_back = False
            final: bytes | None = None
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                got = ear.recv(deadline - time.monotonic())
                if got is None:
                    break
                if not got.startswith(b"SIP/2.0 "):
                    continue  # a request to us (e.g. a BYE after an unanswered 200): not a verdict
                if f"barrier-{n}@harness".encode() in got:
                    barrier_back = True
                elif cid is not None and cid in got and _status(got):
                    if b"\r\nServer: " in got.split(b"\r\n\r\n")[0]:
                        verdict = _status(got) if verdict == "drop" else verdict
                    else:
                        verdict = "pass"
                        if _status(got) >= 200:
                            final = got
                # an INVITE that passed is answered on PJSIP's next loop turn: wait for its final answer
                if barrier_back and (not expect_pjsip or isinstance(verdict, int) or final is not None):
                    break
            verdicts[path.stem] = verdict
            if final is not None and 200 <= _status(final) < 300 and expect_pjsip:
                hangups[path.stem] = _hang_up(ear, bridge, data, final, n)
    finally:
        ear.close()
    return {"verdicts": verdicts, "hangups": hangups}


# --- SDP mutation ----------------------------------------------------------------------------------------
def _long(rng: random.Random, lo: int, hi: int) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789.-") for _ in range(rng.randint(lo, hi)))


def _weird_number(rng: random.Random) -> str:
    return rng.choice(["0", "1", "-1", "65535", "65536", "99999", "4294967296", "18446744073709551616", "1e3",
                       "0x10", "", " ", "007", str(rng.randint(0, 1 << 20)), "9" * rng.randint(6, 40)])


def _addr(rng: random.Random) -> str:
    return rng.choice([
        "127.0.0.1", "0.0.0.0", "255.255.255.255", "224.2.1.1/127/3", "::1", "fe80::1%eth0", "[::1]",
        "999.1.1.1", "1.2.3", "localhost", "a" * rng.choice([63, 64, 200, 253, 254, 255, 300, 1000]),
        _long(rng, 1, 300), "", "127.0.0.1/", "127.0.0.1/300", "%00", "127.0.0.1\x00x", "例え.jp",
    ])


def _mutate_line(rng: random.Random, line: str) -> list[str]:
    kind = line[:2]
    r = rng.random()
    if kind == "c=":
        return [rng.choice([f"c=IN IP4 {_addr(rng)}", f"c=IN IP6 {_addr(rng)}", f"c=XX IP4 {_addr(rng)}",
                            "c=IN IP4", "c=IN", "c=", f"c=IN IP4 {_addr(rng)} extra"])]
    if kind == "o=":
        return [rng.choice([f"o=- {_weird_number(rng)} {_weird_number(rng)} IN IP4 {_addr(rng)}",
                            f"o={_long(rng, 0, 400)} 1 1 IN IP4 127.0.0.1", "o=- 1 1 IN IP4", "o="])]
    if kind == "m=":
        fmts = " ".join(rng.choice(["0", "8", "9", "101", "127", "128", "255", "-1", "abc", _weird_number(rng)])
                        for _ in range(rng.choice([0, 1, 3, 24, 25, 40, 200])))
        proto = rng.choice(["RTP/AVP", "RTP/SAVP", "RTP/SAVPF", "UDP/TLS/RTP/SAVPF", "udp", "TCP/RTP/AVP", "",
                            "RTP/AVP/TCP", _long(rng, 1, 40)])
        media = rng.choice(["audio", "video", "image", "application", "text", "message", "", _long(rng, 1, 50)])
        port = rng.choice([_weird_number(rng), f"{rng.randint(1, 65535)}/{_weird_number(rng)}", "0", "4000"])
        return [f"m={media} {port} {proto} {fmts}".rstrip()]
    if kind == "a=" and r < 0.5:
        return [f"a={_attr(rng)}"]
    if kind == "t=":
        return [rng.choice(["t=0 0", f"t={_weird_number(rng)} {_weird_number(rng)}", "t=", "t=0"])]
    if kind == "v=":
        return [rng.choice(["v=1", "v=", "v=00", "v=0 0"])]
    return [line]


def _attr(rng: random.Random) -> str:
    pt = rng.choice(["0", "8", "9", "101", "127", "128", "300", "-5", "x", _weird_number(rng)])
    return rng.choice([
        f"rtpmap:{pt} {rng.choice(['PCMU', 'G722', 'telephone-event', 'opus', '', _long(rng, 1, 80)])}"
        f"/{_weird_number(rng)}" + rng.choice(["", "/1", "/2", "/9", "/999", f"/{_weird_number(rng)}"]),
        f"rtpmap:{pt}", f"fmtp:{pt} {_long(rng, 0, 600)}", f"fmtp:{pt} 0-{_weird_number(rng)}",
        f"rtcp:{_weird_number(rng)}", f"rtcp:{rng.randint(1, 65535)} IN IP4 {_addr(rng)}",
        f"rtcp:{rng.randint(1, 65535)} IN IP6 {_addr(rng)}", "rtcp-mux", "rtcp-fb:* nack",
        f"ptime:{_weird_number(rng)}", f"maxptime:{_weird_number(rng)}",
        rng.choice(["sendrecv", "sendonly", "recvonly", "inactive"]),
        f"crypto:{_weird_number(rng)} AES_CM_128_HMAC_SHA1_80 inline:{_long(rng, 0, 200)}",
        f"crypto:1 {_long(rng, 0, 60)} inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:32",
        f"ice-ufrag:{_long(rng, 0, 300)}", f"ice-pwd:{_long(rng, 0, 300)}",
        f"candidate:1 1 UDP {_weird_number(rng)} {_addr(rng)} {_weird_number(rng)} typ host",
        f"candidate:{_long(rng, 0, 100)}", f"ssrc:{_weird_number(rng)} cname:{_long(rng, 0, 300)}",
        f"mid:{_long(rng, 0, 100)}", f"group:BUNDLE {_long(rng, 0, 100)}", f"setup:{_long(rng, 0, 20)}",
        f"fingerprint:sha-256 {_long(rng, 0, 200)}", f"{_long(rng, 1, 40)}:{_long(rng, 0, 200)}",
        f"x-{_long(rng, 1, 20)}", "", ":", "rtpmap:", "fmtp:",
    ])


def mutate_sdp(rng: random.Random, base: str) -> str:
    """One mutated offer: 1-4 operations on the lines of ``base``, sometimes bytes flipped or truncated."""
    lines = base.replace("\r\n", "\n").rstrip("\n").split("\n")
    for _ in range(rng.choice([1, 1, 1, 2, 3])):  # mostly one change: more offers get as far as PJSIP
        op = rng.random()
        i = rng.randrange(len(lines)) if lines else 0
        if op < 0.45 and lines:
            lines[i:i + 1] = _mutate_line(rng, lines[i])
        elif op < 0.55 and lines:
            del lines[i]
        elif op < 0.65 and lines:
            lines[i:i] = [lines[i]] * rng.choice([1, 2, 8, 16, 70])
        elif op < 0.75:
            lines.insert(i, f"a={_attr(rng)}")
        elif op < 0.82:
            lines.extend(rng.choice([["m=video 4002 RTP/AVP 31", "a=rtpmap:31 H261/90000"],
                                     ["m=image 4004 udptl t38", "a=T38FaxVersion:0"],
                                     ["m=audio 4006 RTP/AVP 0", "c=IN IP6 ::1"],
                                     [f"b=AS:{_weird_number(rng)}"], [f"b={_long(rng, 0, 40)}"],
                                     [f"k=clear:{_long(rng, 0, 100)}"], ["z=0 0"], ["r=7d 1h 0 25h"]]))
        elif op < 0.9 and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif rng.random() < 0.5:
            text = "\r\n".join(lines)
            b = bytearray(text.encode("utf-8", "replace"))
            for _ in range(rng.randint(1, 6)):
                if b:
                    b[rng.randrange(len(b))] = rng.randrange(256)
            if rng.random() < 0.3 and b:
                b = b[: rng.randrange(len(b))]
            lines = b.decode("latin-1").split("\r\n")
        else:
            lines.insert(i, f"a={_attr(rng)}")
    end = rng.choice(["\r\n", "\r\n", "\n", ""])
    return "\r\n".join(lines) + end


def sdp_fuzz(bridge: tuple[str, int], cases: int, seed: int = 1, rate: float = 8.0) -> dict[str, Any]:
    """``cases`` INVITEs with mutated offers (see the module docstring); counts of the final answers."""
    rng = random.Random(seed)
    finals: Counter[str] = Counter()
    answered = hung_up = 0
    with RawCaller(bridge, user="fuzzer", seed=seed) as caller:
        base = sdp_offer(caller.host, caller.rtp_port)
        last = 0.0
        for _ in range(cases):
            wait = last + 1.0 / rate - time.monotonic()  # pacing, not waiting for an event: the bridge admits
            if wait > 0:  # at most 12 new calls a second and would answer the rest 486
                time.sleep(wait)
            last = time.monotonic()
            offer = mutate_sdp(rng, base)
            out = caller.invite(sdp=offer, timeout=8.0)
            finals[str(out.final)] += 1
            if 200 <= out.final < 300:
                answered += 1
                if caller.bye(timeout=8.0).final == 200:
                    hung_up += 1
            elif out.final == 0 and out.responses:
                caller.cancel()
                caller.recv(2.0)
    return {"cases": cases, "finals": dict(finals), "answered": answered, "hung_up": hung_up}
