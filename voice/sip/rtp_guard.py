"""Lock a call's RTP and RTCP sockets to the caller, so nobody else can take over the call's audio.

PJSIP follows the source of incoming RTP: after ten packets in a row from a new address it sends the call's
audio there instead ("symmetric RTP", meant for callers behind NAT; the pjsua2 wheel offers no switch to turn it
off). So anyone who can reach the RTP port can redirect what the assistant says — read-backs and order numbers —
to themselves by sending a burst of RTP-shaped packets, and the caller hears silence (the "RTP bleed" class of
attack). A packet flood of ours did exactly that during a call.

The guard attaches a classic BPF socket filter (``SO_ATTACH_FILTER``, no privileges needed on one's own socket)
to PJSIP's RTP and RTCP sockets, found by their local ports: the kernel then drops every datagram whose source
is not the caller before PJSIP sees it. Which source is the caller is ``voicecart sip --rtp-source``
(``RtpSource``): the first address RTP comes from (the default; callers behind NAT work), exactly the address
the caller's SDP names, or no guard (PJSIP's own behaviour).
"""

from __future__ import annotations

import enum
import ipaddress
import os
import socket
import stat
import struct
from dataclasses import dataclass

SO_ATTACH_FILTER = getattr(socket, "SO_ATTACH_FILTER", 26)
SO_DETACH_FILTER = getattr(socket, "SO_DETACH_FILTER", 27)
SKF_NET_OFF = -0x100000  # classic BPF: loads relative to the network (IP) header; offset 0 is the UDP header

# classic BPF opcodes
_LD_W_ABS = 0x20
_LD_H_ABS = 0x28
_JEQ_K = 0x15
_RET_K = 0x06


class RtpSource(enum.Enum):
    """Whose RTP a call accepts (``voicecart sip --rtp-source``)."""

    FIRST = "first"  # the first source RTP arrives from, then only it (like Asterisk's strictrtp)
    SDP = "sdp"  # only the address and port in the caller's SDP (SIP trunks, no NAT)
    ANY = "any"  # anyone; PJSIP switches to a new source after 10 packets in a row (NAT without an SBC)


class RtpGuardError(RuntimeError):
    """The filter could not be attached (no such socket, an address that does not parse, a kernel refusal)."""


@dataclass(frozen=True)
class Peer:
    """The one address a call's RTP may come from."""

    host: str
    port: int

    @classmethod
    def parse(cls, hostport: str) -> Peer:
        """From PJSIP's ``host:port`` or ``[v6]:port`` text."""
        host, sep, port = hostport.strip().rpartition(":")
        host = host.strip("[]")
        if not sep or not port.isdigit() or not host:
            raise RtpGuardError(f"not an address: {hostport!r}")
        try:
            ipaddress.ip_address(host)
        except ValueError as exc:
            raise RtpGuardError(f"not an IP address: {host!r}") from exc
        return cls(host, int(port))


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k & 0xFFFFFFFF)


def filter_program(peer: Peer, *, match_port: bool = True) -> list[bytes]:
    """The classic BPF program that accepts only UDP datagrams from ``peer`` (IPv4 or IPv6), as instructions."""
    addr = ipaddress.ip_address(peer.host)
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    if isinstance(addr, ipaddress.IPv4Address):
        words = [(12, int(addr))]  # IPv4 source address: bytes 12..15 of the IP header
    else:
        raw = addr.packed  # IPv6 source address: bytes 8..23
        words = [(8 + 4 * i, int.from_bytes(raw[4 * i:4 * i + 4], "big")) for i in range(4)]
    checks: list[tuple[int, int, int]] = [(_LD_W_ABS, SKF_NET_OFF + off, value) for off, value in words]
    if match_port:
        checks.append((_LD_H_ABS, 0, peer.port))  # the UDP source port
    prog: list[bytes] = []
    n = len(checks)
    for i, (load, off, value) in enumerate(checks):
        prog.append(_insn(load, 0, 0, off))
        # on a mismatch jump to the final "drop": past the remaining checks (2 instructions each) and "accept"
        prog.append(_insn(_JEQ_K, 0, 2 * (n - i - 1) + 1, value))
    prog.append(_insn(_RET_K, 0, 0, 0xFFFFFFFF))  # accept the whole datagram
    prog.append(_insn(_RET_K, 0, 0, 0))  # drop
    return prog


def attach(sock: socket.socket, peer: Peer, *, match_port: bool = True) -> None:
    """Let ``sock`` receive only from ``peer`` (replacing any filter it had)."""
    prog = b"".join(filter_program(peer, match_port=match_port))
    import ctypes

    buf = ctypes.create_string_buffer(prog, len(prog))
    fprog = struct.pack("HL", len(prog) // 8, ctypes.addressof(buf))
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)
    except OSError as exc:
        raise RtpGuardError(f"SO_ATTACH_FILTER: {exc}") from exc


def detach(sock: socket.socket) -> None:
    """Remove the filter: ``sock`` receives from anyone again."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_DETACH_FILTER, 0)
    except OSError:
        pass  # ENOENT: it had none


def udp_socket_on(port: int) -> socket.socket | None:
    """A duplicate of this process's UDP socket bound to local ``port`` (close it after use; the filter stays on
    the socket it duplicates), or None when there is none."""
    fd_dir = "/proc/self/fd"
    try:
        names = os.listdir(fd_dir)
    except OSError:
        return None
    for name in names:
        try:
            fd = int(name)
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            dup = os.dup(fd)
        except (ValueError, OSError):
            continue
        try:
            sock = socket.socket(fileno=dup)
        except OSError:
            os.close(dup)
            continue
        try:
            if sock.type == socket.SOCK_DGRAM and sock.family in (socket.AF_INET, socket.AF_INET6):
                if sock.getsockname()[1] == port:
                    return sock
        except OSError:
            pass
        sock.close()
    return None


def lock(local_rtp: str, peer: Peer) -> None:
    """Lock the RTP socket at ``local_rtp`` (``host:port``) to ``peer`` exactly and the RTCP socket beside it
    (port + 1, when there is one) to the peer's host."""
    local = Peer.parse(local_rtp)
    rtp = udp_socket_on(local.port)
    if rtp is None:
        raise RtpGuardError(f"no RTP socket on port {local.port}")
    with rtp:
        attach(rtp, peer)
    rtcp = udp_socket_on(local.port + 1)
    if rtcp is not None:
        with rtcp:
            attach(rtcp, peer, match_port=False)


def unlock(local_rtp: str) -> None:
    """Remove any lock from the RTP and RTCP sockets at ``local_rtp`` (a new call may reuse the ports)."""
    local = Peer.parse(local_rtp)
    for port in (local.port, local.port + 1):
        sock = udp_socket_on(port)
        if sock is not None:
            with sock:
                detach(sock)
