"""The RTP guard's socket filter on real UDP sockets (loopback): only the locked peer's datagrams arrive.

Each check sends the stranger's datagram first and the peer's after it, then reads one: a filter that let the
stranger through would hand that one over first, so no timeout stands in for "nothing arrived"."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from voice.sip.rtp_guard import (
    Peer,
    RtpGuardError,
    attach,
    detach,
    filter_program,
    lock,
    udp_socket_on,
    unlock,
)


def _udp(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((host, port))
    s.settimeout(5.0)
    return s


@pytest.fixture
def trio() -> Iterator[tuple[socket.socket, socket.socket, socket.socket]]:
    receiver, peer, stranger = _udp(), _udp(), _udp()
    yield receiver, peer, stranger
    for s in (receiver, peer, stranger):
        s.close()


def _first_from(receiver: socket.socket, *senders: socket.socket) -> bytes:
    dest = receiver.getsockname()
    for n, sender in enumerate(senders):
        sender.sendto(f"from-{n}".encode(), dest)
    return receiver.recv(100)


def test_locked_socket_takes_only_the_peer(trio: tuple[socket.socket, socket.socket, socket.socket]) -> None:
    receiver, peer, stranger = trio
    assert _first_from(receiver, stranger, peer) == b"from-0"  # no filter: the stranger's arrives first
    assert receiver.recv(100) == b"from-1"
    attach(receiver, Peer("127.0.0.1", peer.getsockname()[1]))
    for _ in range(3):
        assert _first_from(receiver, stranger, peer) == b"from-1"
    detach(receiver)
    assert _first_from(receiver, stranger, peer) == b"from-0"


def test_host_only_lock_takes_any_port_of_the_peer_host() -> None:
    receiver, same_host, other_host = _udp(), _udp(), _udp("127.0.0.2")
    try:
        attach(receiver, Peer("127.0.0.1", 9), match_port=False)
        assert _first_from(receiver, other_host, same_host) == b"from-1"
    finally:
        for s in (receiver, same_host, other_host):
            s.close()


def test_lock_finds_this_process_socket_by_port_and_guards_rtcp_beside_it() -> None:
    rtp = rtcp = None
    for _ in range(50):  # an even/odd pair of free ports, as PJSIP allocates them
        rtp = _udp()
        port = rtp.getsockname()[1]
        try:
            rtcp = _udp(port=port + 1)
            break
        except OSError:
            rtp.close()
    assert rtp is not None and rtcp is not None
    peer, stranger = _udp(), _udp("127.0.0.2")
    try:
        port = rtp.getsockname()[1]
        lock(f"127.0.0.1:{port}", Peer("127.0.0.1", peer.getsockname()[1]))
        assert _first_from(rtp, stranger, peer) == b"from-1"
        assert _first_from(rtcp, stranger, peer) == b"from-1"  # RTCP: the peer's host, any port
        unlock(f"127.0.0.1:{port}")
        assert _first_from(rtp, stranger, peer) == b"from-0"
    finally:
        for s in (rtp, rtcp, peer, stranger):
            s.close()


def test_lookup_and_bad_addresses_fail_clearly() -> None:
    with _udp() as s:
        found = udp_socket_on(s.getsockname()[1])
        assert found is not None
        with found:
            assert found.getsockname() == s.getsockname()
    with pytest.raises(RtpGuardError):
        lock("127.0.0.1:1", Peer("127.0.0.1", 4000))  # nothing of ours on port 1
    for bad in ("", "4000", "host.example:4000", "[::1]:x"):
        with pytest.raises(RtpGuardError):
            Peer.parse(bad)
    assert Peer.parse("[::1]:4000") == Peer("::1", 4000)


def test_ipv6_and_mapped_programs() -> None:
    v4 = filter_program(Peer("127.0.0.1", 4000))
    assert filter_program(Peer("::ffff:127.0.0.1", 4000)) == v4
    assert len(v4) == 2 * 2 + 2  # address, port, accept, drop
    assert len(filter_program(Peer("2001:db8::1", 4000))) == 2 * 5 + 2
    if not socket.has_ipv6:
        return
    try:
        receiver = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        receiver.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    peer = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    peer.bind(("::1", 0))
    try:
        receiver.settimeout(5.0)
        attach(receiver, Peer("::1", peer.getsockname()[1]))
        stranger = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        stranger.bind(("::1", 0))
        with stranger:
            assert _first_from(receiver, stranger, peer) == b"from-1"
    finally:
        receiver.close()
        peer.close()
