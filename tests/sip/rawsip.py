"""A raw-socket SIP caller (UDP, loopback only) for soak and policy tests: every byte it sends is visible here.

``RawCaller`` speaks just enough RFC 3261 for a UAC: INVITE with an SDP offer (PCMU + telephone-event),
provisional and final responses, ACK (2xx and non-2xx), CANCEL, BYE, in-dialog re-INVITE and REFER, and
out-of-dialog OPTIONS / MESSAGE / SUBSCRIBE / PUBLISH. Requests are retransmitted on the RFC's T1 schedule
until a final answer arrives; requests the bridge sends to the caller (BYE, NOTIFY, ...) are answered 200 and
recorded. No sleeps stand in for events: every wait is for a datagram, bounded by a timeout.
"""

from __future__ import annotations

import ipaddress
import itertools
import random
import socket
import struct
import time
from dataclasses import dataclass, field

T1 = 0.5
_ids = itertools.count(1)


def _loopback(host: str) -> None:
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"raw SIP peers only talk to loopback addresses, not {host}")


@dataclass
class Message:
    start: str
    headers: list[tuple[str, str]]
    body: str
    raw: bytes

    @property
    def is_response(self) -> bool:
        return self.start.startswith("SIP/2.0 ")

    @property
    def status(self) -> int:
        try:
            return int(self.start.split()[1]) if self.is_response else 0
        except (IndexError, ValueError):
            return 0

    @property
    def method(self) -> str:
        return "" if self.is_response else self.start.split(" ", 1)[0]

    def header(self, name: str) -> str:
        compact = {"via": "v", "from": "f", "to": "t", "call-id": "i", "contact": "m", "content-type": "c",
                   "content-length": "l", "refer-to": "r", "event": "o"}
        names = {name.lower(), compact.get(name.lower(), name.lower())}
        for k, v in self.headers:
            if k.lower() in names:
                return v
        return ""

    @property
    def cseq(self) -> tuple[int, str]:
        num, _, method = self.header("CSeq").partition(" ")
        try:
            return int(num), method.strip()
        except ValueError:
            return 0, method.strip()

    @property
    def branch(self) -> str:
        via = self.header("Via")
        for p in via.split(";")[1:]:
            k, _, v = p.strip().partition("=")
            if k.lower() == "branch":
                return v
        return ""


def parse(data: bytes) -> Message | None:
    text = data.decode("utf-8", errors="replace")
    head, _, body = text.partition("\r\n\r\n")
    lines = head.split("\r\n")
    if not lines or not lines[0]:
        return None
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and headers:
            k, v = headers[-1]
            headers[-1] = (k, v + " " + line.strip())
        elif ":" in line:
            k, _, v = line.partition(":")
            headers.append((k.strip(), v.strip()))
    return Message(lines[0], headers, body, data)


def tag_of(value: str) -> str:
    for p in value.split(";")[1:]:
        k, _, v = p.strip().partition("=")
        if k.lower() == "tag":
            return v
    return ""


def uri_of(value: str) -> str:
    if "<" in value and ">" in value:
        return value[value.index("<") + 1 : value.index(">")]
    return value.split(";", 1)[0].strip()


def sdp_offer(host: str, rtp_port: int, *, direction: str = "sendrecv", version: int = 1,
              c_addr: str | None = None, o_addr: str | None = None) -> str:
    return (
        f"v=0\r\no=raw 1 {version} IN IP4 {o_addr or host}\r\ns=-\r\nc=IN IP4 {c_addr or host}\r\nt=0 0\r\n"
        f"m=audio {rtp_port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
        f"a=fmtp:101 0-15\r\na=ptime:20\r\na={direction}\r\n"
    )


@dataclass
class Dialog:
    call_id: str
    local_tag: str
    remote_tag: str = ""
    remote_target: str = ""
    cseq: int = 1
    invite_cseq: int = 1  # the latest INVITE's: an ACK carries it (RFC 3261 13.2.2.4), not the dialog's counter
    invite_branch: str = ""
    request_uri: str = ""


@dataclass
class Outcome:
    """What happened to one INVITE: the responses seen, and the final status (0 when none came)."""

    responses: list[int] = field(default_factory=list)
    final: int = 0
    sdp: str = ""


class RawCaller:
    def __init__(self, bridge: tuple[str, int], *, host: str = "127.0.0.1", user: str = "caller",
                 seed: int | None = None):
        _loopback(bridge[0])
        _loopback(host)
        self.bridge = bridge
        self.host = host
        self.user = user
        self.rng = random.Random(seed)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 0))
        self.port = self.sock.getsockname()[1]
        self.rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.rtp.bind((host, 0))
        self.rtp_port = self.rtp.getsockname()[1]
        self.received: list[Message] = []  # requests the bridge sent us
        self.dialog: Dialog | None = None
        self._pending: list[Message] = []

    def close(self) -> None:
        self.sock.close()
        self.rtp.close()

    def __enter__(self) -> RawCaller:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- building ---------------------------------------------------------------------------------
    def _branch(self) -> str:
        return f"z9hG4bK-raw{next(_ids)}-{self.rng.randrange(1 << 30):x}"

    def request(self, method: str, uri: str, *, branch: str, call_id: str, from_tag: str, to_tag: str = "",
                cseq: int = 1, cseq_method: str | None = None, body: str = "", ctype: str = "application/sdp",
                extra: str = "") -> bytes:
        to = f"<sip:shop@{self.bridge[0]}:{self.bridge[1]}>" + (f";tag={to_tag}" if to_tag else "")
        return (
            f"{method} {uri} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {self.host}:{self.port};branch={branch};rport\r\n"
            f"Max-Forwards: 70\r\n"
            f"From: <sip:{self.user}@{self.host}:{self.port}>;tag={from_tag}\r\n"
            f"To: {to}\r\n"
            f"Call-ID: {call_id}\r\n"
            f"CSeq: {cseq} {cseq_method or method}\r\n"
            f"Contact: <sip:{self.user}@{self.host}:{self.port}>\r\n"
            f"{extra}"
            + (f"Content-Type: {ctype}\r\n" if body else "")
            + f"Content-Length: {len(body.encode())}\r\n\r\n{body}"
        ).encode()

    def send(self, data: bytes) -> None:
        self.sock.sendto(data, self.bridge)

    # --- receiving --------------------------------------------------------------------------------
    def _answer_request(self, msg: Message) -> None:
        """Requests from the bridge: recorded and answered (200, or 200 + SDP for a re-INVITE; ACK ignored)."""
        self.received.append(msg)
        if msg.method == "ACK":
            return
        body = sdp_offer(self.host, self.rtp_port) if msg.method == "INVITE" else ""
        lines = ["SIP/2.0 200 OK"]
        for k, v in msg.headers:
            if k.lower() in ("via", "v", "from", "f", "call-id", "i", "cseq"):
                lines.append(f"{k}: {v}")
            elif k.lower() in ("to", "t"):
                lines.append(f"{k}: {v}" + ("" if tag_of(v) else f";tag=raw{self.port}"))
        lines.append(f"Contact: <sip:{self.user}@{self.host}:{self.port}>")
        if body:
            lines.append("Content-Type: application/sdp")
        lines.append(f"Content-Length: {len(body)}")
        self.send(("\r\n".join(lines) + "\r\n\r\n" + body).encode())

    def recv(self, timeout: float) -> Message | None:
        """The next response (requests from the bridge are answered on the way); None after ``timeout``."""
        if self._pending:
            return self._pending.pop(0)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                data, _ = self.sock.recvfrom(65535)
            except TimeoutError:
                return None
            msg = parse(data)
            if msg is None:
                continue
            if msg.is_response:
                return msg
            self._answer_request(msg)

    def transaction(self, data: bytes, branch: str, method: str, *, timeout: float = 32.0,
                    on_provisional: object = None, after_send: object = None) -> Outcome:
        """Send and retransmit (T1 doubling) until a final response with this branch and method arrives."""
        out = Outcome()
        self.send(data)
        if callable(after_send):
            after_send()
        interval = T1
        next_tx = time.monotonic() + interval
        deadline = time.monotonic() + timeout
        provisional = False
        while time.monotonic() < deadline:
            wait = min(next_tx, deadline) - time.monotonic()
            msg = self.recv(max(0.0, wait))
            if msg is None:
                if time.monotonic() >= next_tx and not (method == "INVITE" and provisional):
                    self.send(data)
                    interval = min(interval * 2, 4.0)
                    next_tx = time.monotonic() + interval
                elif time.monotonic() >= next_tx:
                    next_tx = time.monotonic() + 4.0
                continue
            if msg.branch != branch or msg.cseq[1] != method:
                if msg.cseq[1] == "INVITE" and msg.status >= 200 and self.dialog is not None:
                    self._late_invite_final(msg)  # a 200 retransmitted while we do something else
                continue
            out.responses.append(msg.status)
            if msg.status < 200:
                provisional = True
                if callable(on_provisional):
                    on_provisional(msg)
                continue
            out.final = msg.status
            out.sdp = msg.body
            if method == "INVITE":
                self._invite_final(msg)
            return out
        return out

    # --- INVITE dialogs --------------------------------------------------------------------------
    def _invite_final(self, msg: Message) -> None:
        d = self.dialog
        assert d is not None
        d.remote_tag = tag_of(msg.header("To"))
        if 200 <= msg.status < 300:
            d.remote_target = uri_of(msg.header("Contact")) or d.request_uri

    def _late_invite_final(self, msg: Message) -> None:
        d = self.dialog
        assert d is not None
        if 200 <= msg.status < 300:
            self.ack(msg)

    def ack(self, final: Message | None = None) -> None:
        d = self.dialog
        assert d is not None
        cseq = final.cseq[0] if final is not None and final.cseq[0] else d.invite_cseq
        if final is not None and final.status >= 300:  # non-2xx: same branch, hop by hop
            self.send(self.request("ACK", d.request_uri, branch=d.invite_branch, call_id=d.call_id,
                                   from_tag=d.local_tag, to_tag=tag_of(final.header("To")), cseq=cseq))
            return
        self.send(self.request("ACK", d.remote_target or d.request_uri, branch=self._branch(), call_id=d.call_id,
                               from_tag=d.local_tag, to_tag=d.remote_tag, cseq=cseq))

    def invite(self, *, timeout: float = 32.0, sdp: str | None = None, on_provisional: object = None,
               after_send: object = None, ack: bool = True) -> Outcome:
        """Send an INVITE; a 2xx is ACKed (unless ``ack`` is False), a failure final response always is."""
        call_id = f"raw-{next(_ids)}-{self.rng.randrange(1 << 40):x}@{self.host}"
        uri = f"sip:shop@{self.bridge[0]}:{self.bridge[1]}"
        d = Dialog(call_id=call_id, local_tag=f"t{self.rng.randrange(1 << 30):x}", request_uri=uri)
        d.invite_branch = self._branch()
        self.dialog = d
        body = sdp if sdp is not None else sdp_offer(self.host, self.rtp_port)
        data = self.request("INVITE", uri, branch=d.invite_branch, call_id=call_id, from_tag=d.local_tag,
                            cseq=d.cseq, body=body)
        out = self.transaction(data, d.invite_branch, "INVITE", timeout=timeout, on_provisional=on_provisional,
                               after_send=after_send)
        if out.final >= 300:
            self.send(self.request("ACK", uri, branch=d.invite_branch, call_id=call_id, from_tag=d.local_tag,
                                   to_tag=d.remote_tag, cseq=d.cseq))
        elif out.final and ack:
            self.ack()
        return out

    def cancel(self) -> bytes:
        d = self.dialog
        assert d is not None
        data = self.request("CANCEL", d.request_uri, branch=d.invite_branch, call_id=d.call_id,
                            from_tag=d.local_tag, cseq=d.cseq)
        self.send(data)
        return data

    def in_dialog(self, method: str, *, body: str = "", ctype: str = "application/sdp", extra: str = "",
                  timeout: float = 32.0) -> Outcome:
        d = self.dialog
        assert d is not None
        d.cseq += 1
        if method == "INVITE":
            d.invite_cseq = d.cseq
        branch = self._branch()
        data = self.request(method, d.remote_target or d.request_uri, branch=branch, call_id=d.call_id,
                            from_tag=d.local_tag, to_tag=d.remote_tag, cseq=d.cseq, body=body, ctype=ctype,
                            extra=extra)
        out = self.transaction(data, branch, method, timeout=timeout)
        if method == "INVITE" and 200 <= out.final < 300:
            self.ack()
        return out

    def bye(self, timeout: float = 32.0) -> Outcome:
        return self.in_dialog("BYE", timeout=timeout)

    def reinvite(self, direction: str, version: int) -> Outcome:
        return self.in_dialog("INVITE", body=sdp_offer(self.host, self.rtp_port, direction=direction, version=version))

    def refer(self, target: str, timeout: float = 32.0) -> Outcome:
        return self.in_dialog("REFER", extra=f"Refer-To: <{target}>\r\nReferred-By: <sip:{self.user}@{self.host}>\r\n",
                              timeout=timeout)

    def out_of_dialog(self, method: str, *, body: str = "", ctype: str = "text/plain", extra: str = "",
                      timeout: float = 8.0) -> Outcome:
        call_id = f"raw-{next(_ids)}-{self.rng.randrange(1 << 40):x}@{self.host}"
        branch = self._branch()
        uri = f"sip:shop@{self.bridge[0]}:{self.bridge[1]}"
        data = self.request(method, uri, branch=branch, call_id=call_id, from_tag=f"t{next(_ids)}", body=body,
                            ctype=ctype, extra=extra)
        return self.transaction(data, branch, method, timeout=timeout)

    def send_rtp(self, dest: tuple[str, int], packets: int = 5) -> None:
        _loopback(dest[0])
        ssrc = self.rng.randrange(1 << 32)
        for n in range(packets):
            hdr = struct.pack("!BBHII", 0x80, 0, n & 0xFFFF, n * 160, ssrc)
            self.rtp.sendto(hdr + b"\xff" * 160, dest)


def rtp_dest(sdp: str) -> tuple[str, int] | None:
    host = port = None
    for line in sdp.splitlines():
        if line.startswith("c=IN IP4 "):
            host = line.split()[-1]
        elif line.startswith("m=audio "):
            try:
                port = int(line.split()[1])
            except (IndexError, ValueError):
                return None
    if host is None or port is None:
        return None
    return host, port
