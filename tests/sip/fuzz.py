"""Hostile traffic for robustness tests: mutated/truncated SIP datagrams and random RTP (loopback only).

Deterministic (seeded). Every generated request names 127.0.0.1 in its Via/Contact, and the senders refuse
any destination that is not a loopback address; the tests also run in a private network namespace.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import struct
import time
from typing import Any

SDP = (
    "v=0\r\no=fz 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
)


def _request(method: str, n: int, body: str = "") -> str:
    ctype = "Content-Type: application/sdp\r\n" if body else ""
    return (
        f"{method} sip:shop@127.0.0.1:5070 SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-fz{n};rport\r\n"
        f"Max-Forwards: 70\r\nFrom: <sip:fuzz{n}@127.0.0.1:9>;tag=t{n}\r\nTo: <sip:shop@127.0.0.1>\r\n"
        f"Call-ID: fuzz-{n}@127.0.0.1\r\nCSeq: {n % 1000 + 1} {method}\r\nContact: <sip:fuzz@127.0.0.1:9>\r\n"
        f"{ctype}Content-Length: {len(body)}\r\n\r\n{body}"
    )


TEMPLATES = ("INVITE", "OPTIONS", "REGISTER", "BYE", "CANCEL", "ACK", "INFO", "NOTIFY", "REFER", "SUBSCRIBE")


def mutate(rng: random.Random, n: int) -> bytes:
    method = rng.choice(TEMPLATES)
    msg = _request(method, n, SDP if method == "INVITE" else "").encode()
    kind = rng.randrange(10)
    if kind == 0:  # truncated anywhere
        return msg[: rng.randrange(len(msg))]
    if kind == 1:  # random byte flips
        b = bytearray(msg)
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    if kind == 2:  # pure noise
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 1400)))
    if kind == 3:  # lying Content-Length
        return msg.replace(b"Content-Length: ", b"Content-Length: " + str(rng.choice([-1, 99999, 2**40])).encode() + b"0")
    if kind == 4:  # a header line repeated / very long
        return msg.replace(b"Max-Forwards: 70", b"Max-Forwards: 70\r\nX-Long: " + b"A" * rng.randint(500, 1200))
    if kind == 5:  # header lines dropped
        lines = msg.split(b"\r\n")
        for _ in range(rng.randint(1, 4)):
            if len(lines) > 2:
                lines.pop(rng.randrange(1, len(lines) - 1))
        return b"\r\n".join(lines)
    if kind == 6:  # bad numbers and tokens
        return msg.replace(b"CSeq: ", b"CSeq: -" + str(rng.randrange(10**12)).encode()).replace(b"SIP/2.0\r\n", b"SIP/9.9\r\n", 1)
    if kind == 7:  # NULs and control characters in the middle
        i = rng.randrange(len(msg))
        return msg[:i] + b"\x00\r\n\x01\x7f" + msg[i:]
    if kind == 8:  # a broken SDP
        body = SDP.replace("m=audio 40000", "m=audio " + str(rng.choice([-5, 0, 70000, 2**33])))
        return _request("INVITE", n, body[: rng.randrange(len(body))]).encode()
    return msg  # an intact but foreign request


def _check(dest: tuple[str, int]) -> None:
    if not ipaddress.ip_address(dest[0]).is_loopback:
        raise ValueError(f"fuzzing only targets loopback addresses, not {dest[0]}")


def fuzz_sip(dest: tuple[str, int], *, count: int, seed: int, pace_s: float = 0.0005) -> dict[str, Any]:
    _check(dest)
    rng = random.Random(seed)
    sent = errors = 0
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        for n in range(count):
            try:
                s.sendto(mutate(rng, n)[:65000] or b"\r\n", dest)
                sent += 1
            except OSError:
                errors += 1
            if pace_s:
                time.sleep(pace_s)
    return {"sent": sent, "errors": errors}


def fuzz_rtp(dest: tuple[str, int], *, count: int, seed: int, pace_s: float = 0.001, burst: int = 32
             ) -> dict[str, Any]:
    """Random RTP-shaped packets (random PT, SSRC, sizes) and plain noise at a call's RTP port, in bursts of
    ``burst`` sent back to back (``pace_s`` apart on average), as an attacker would send them. ``received``
    counts the datagrams that came back to the sending socket: a bridge that lets a flood take over the call's
    media (PJSIP switches to a source that sends ten RTP packets in a row) sends the call's audio there."""
    _check(dest)
    rng = random.Random(seed)
    sent = received = 0
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        s.setblocking(False)
        for first in range(0, count, burst):
            packets = []
            for n in range(first, min(count, first + burst)):
                if n % 3 == 0:
                    packets.append(bytes(rng.randrange(256) for _ in range(rng.randint(0, 300))))
                else:
                    hdr = struct.pack("!BBHII", 0x80 | rng.randrange(16), rng.randrange(256), n & 0xFFFF,
                                      rng.randrange(2**32), rng.randrange(2**32))
                    packets.append(hdr + bytes(rng.randrange(256) for _ in range(rng.randint(0, 320))))
            for pkt in packets:
                try:
                    s.sendto(pkt, dest)
                    sent += 1
                except OSError:
                    pass
            while True:
                try:
                    s.recv(65535)
                    received += 1
                except OSError:  # nothing waiting (or an ICMP error from a closed port)
                    break
            if pace_s:
                time.sleep(pace_s * len(packets))
    return {"sent": sent, "received": received}


def options_ping(dest: tuple[str, int], timeout: float = 3.0) -> int | None:
    """Send a well-formed OPTIONS; return the status code of the answer (None: no answer)."""
    _check(dest)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        msg = _request("OPTIONS", 99999).replace("127.0.0.1:9", f"127.0.0.1:{port}")
        s.settimeout(timeout)
        s.sendto(msg.encode(), dest)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data, _ = s.recvfrom(65535)
            except TimeoutError:
                return None
            if data.startswith(b"SIP/2.0 ") and b"fuzz-99999" in data:
                try:
                    return int(data[8:11])
                except ValueError:
                    return None
    return None


def invite_probe(dest: tuple[str, int], timeout: float = 3.0) -> list[str]:
    """Send one well-formed INVITE and return the responses that come back within ``timeout`` seconds."""
    _check(dest)
    out: list[str] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        msg = _request("INVITE", 424242, SDP).replace("127.0.0.1:9", f"127.0.0.1:{port}")
        s.settimeout(0.2)
        s.sendto(msg.encode(), dest)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data, _ = s.recvfrom(65535)
            except TimeoutError:
                continue
            out.append(data.decode(errors="replace"))
            if data.startswith(b"SIP/2.0 200"):
                break
    return out
