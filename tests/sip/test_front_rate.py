"""The front's per-source rate limit: new requests are refused first; a call in progress keeps its ACKs and BYEs.

Pure: a virtual clock, no sockets. (The soak found it: with one address retrying INVITEs on busy lines, the
bucket dropped other calls' ACKs and BYEs; the 2xx was then retransmitted and the calls half set up.)
"""

from __future__ import annotations

from voice.sip.front import _Buckets, _in_dialog


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_new_requests_stop_at_the_burst_and_a_call_in_progress_gets_a_reserve() -> None:
    clock = Clock()
    b = _Buckets(rate=10.0, burst=5.0, max_sources=8, clock=clock)
    assert [b.take("10.0.0.1") for _ in range(6)] == [True] * 5 + [False]
    # the same address's ACKs/BYEs still pass, up to another burst
    assert [b.take("10.0.0.1", in_dialog=True) for _ in range(6)] == [True] * 5 + [False]
    # in debt: new requests wait until the bucket has refilled above one token, not just above zero
    clock.now += 0.5  # +5 tokens: back to 0
    assert not b.take("10.0.0.1")
    clock.now += 0.25  # +2.5
    assert b.take("10.0.0.1")
    # another address is not affected
    assert b.take("10.0.0.2")


def test_refill_is_capped_at_the_burst_so_dialog_traffic_cannot_bank_tokens() -> None:
    clock = Clock()
    b = _Buckets(rate=10.0, burst=3.0, max_sources=8, clock=clock)
    clock.now += 100.0
    assert sum(b.take("a", in_dialog=True) for _ in range(10)) == 6  # 3 + a reserve of 3, never more


def test_what_counts_as_in_dialog() -> None:
    invite = (b"INVITE sip:shop@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1\r\n"
              b"From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:shop@127.0.0.1>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n\r\n")
    assert not _in_dialog(invite)  # From has a tag, To has none: dialog-creating
    assert _in_dialog(invite.replace(b"To: <sip:shop@127.0.0.1>", b"t: <sip:shop@127.0.0.1> ; TAG=9"))
    assert _in_dialog(b"SIP/2.0 200 OK\r\n\r\n")
    assert _in_dialog(b"ACK sip:shop@127.0.0.1 SIP/2.0\r\n\r\n")
    # a tag in the body does not count, nor does a header merely ending in "to"
    assert not _in_dialog(invite + b"v=0\r\nTo: x;tag=1\r\n")
    assert not _in_dialog(invite.replace(b"Call-ID: x", b"Reply-To: <sip:r@h>;tag=2"))
    assert not _in_dialog(b"")
