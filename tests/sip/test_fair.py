"""Decodes scheduled across calls (``voice.sip.fair``): the gate's order, the machine-wide gate over a Unix socket,
and batched decoding with the real Whisper model. No sleeps: threads are released by the test holding the gate
and waiting (with a bound) until every request is queued."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from voice.audio import AudioChunk, AudioFormatError
from voice.sip.fair import FINAL, SPECULATIVE, BatchingTranscriber, GateServer, LocalGate, RemoteGate

WAIT_S = 60.0  # bound on any wait for another thread (a loaded machine is slow, never stuck)


def _wait_until(cond: threading.Condition, pred: Any) -> None:
    with cond:
        assert cond.wait_for(pred, WAIT_S), "timed out waiting for the other threads"


def test_local_gate_grants_finals_before_speculative_then_by_arrival() -> None:
    gate = LocalGate()
    order: list[str] = []
    seen = threading.Condition()
    threads = []

    def take(name: str, kind: int) -> None:
        with gate.turn(kind):
            with seen:
                order.append(name)

    with gate.turn(FINAL):  # held: everyone below queues
        for name, kind in (("s1", SPECULATIVE), ("f1", FINAL), ("s2", SPECULATIVE), ("f2", FINAL)):
            t = threading.Thread(target=take, args=(name, kind))
            t.start()
            threads.append(t)
            queued = len(threads)
            _wait_until(gate._cond, lambda queued=queued: len(gate._waiting) == queued)
    for t in threads:
        t.join(WAIT_S)
    assert order == ["f1", "f2", "s1", "s2"]
    assert gate.granted == {FINAL: 3, SPECULATIVE: 2}


def test_gate_server_serialises_turns_of_remote_holders(tmp_path: Path) -> None:
    server = GateServer(str(tmp_path / "decode.sock"))
    server.start()
    try:
        assert (tmp_path / "decode.sock").stat().st_mode & 0o777 == 0o600
        a, b = RemoteGate(server.path), RemoteGate(server.path)
        inside = threading.Event()
        release = threading.Event()
        order: list[str] = []

        def first() -> None:
            with a.turn(FINAL):
                order.append("a-in")
                inside.set()
                assert release.wait(WAIT_S)
                order.append("a-out")

        t = threading.Thread(target=first)
        t.start()
        assert inside.wait(WAIT_S)
        second_done = threading.Event()

        def second() -> None:
            with b.turn(FINAL):
                order.append("b-in")
            second_done.set()

        t2 = threading.Thread(target=second)
        t2.start()
        assert not second_done.wait(0.3)  # bounded check that b is still waiting while a holds the turn
        release.set()
        t.join(WAIT_S)
        assert second_done.wait(WAIT_S)
        t2.join(WAIT_S)
        assert order == ["a-in", "a-out", "b-in"]
    finally:
        server.stop()


def test_remote_gate_without_server_still_decodes(tmp_path: Path) -> None:
    gate = RemoteGate(str(tmp_path / "missing.sock"))
    ran = []
    with gate.turn(FINAL):
        ran.append(1)
    assert ran == [1]


def _orders(speak: Any) -> list[AudioChunk]:
    return [speak(t, lead_ms=200, trail_ms=300) for t in (
        "I would like a large latte please.",
        "Can I get an espresso please.",
        "I'd like a blueberry muffin.",
    )]


def test_batched_decodes_match_single_decodes_and_are_batched(whisper: Any, speak: Any) -> None:
    chunks = _orders(speak)
    alone = [whisper.transcribe(c) for c in chunks]
    gate = LocalGate()
    bt = BatchingTranscriber(whisper, gate)
    results: dict[int, Any] = {}
    threads = [threading.Thread(target=lambda i=i, c=c: results.__setitem__(i, bt.transcribe(c)))
               for i, c in enumerate(chunks)]
    with gate.turn(FINAL):  # the worker waits for the gate while all three requests queue behind it
        for t in threads:
            t.start()
        _wait_until(bt._cond, lambda: len(bt._queue) == len(chunks))
    for t in threads:
        t.join(WAIT_S)
    assert bt.batches == [len(chunks)]
    for i, single in enumerate(alone):
        assert results[i].text == single.text, (results[i].text, single.text)
        assert results[i].text  # each was heard
    assert "latte" in results[0].text.lower() and "espresso" in results[1].text.lower()


def test_bad_audio_fails_only_its_own_turn(whisper: Any, speak: Any) -> None:
    bt = BatchingTranscriber(whisper, LocalGate())
    with pytest.raises(AudioFormatError):
        bt.transcribe(AudioChunk(16000, 2, 1, b"\x00\x00" * 16000))  # all zeros
    assert bt.transcribe(_orders(speak)[1]).text  # the worker is unaffected


def test_a_failed_batch_fails_its_turns_not_the_worker(whisper: Any, speak: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    bt = BatchingTranscriber(whisper, LocalGate())
    calls = []
    real = whisper.decode_batch

    def broken_once(reqs: Any) -> Any:
        calls.append(len(reqs))
        if len(calls) == 1:
            raise RuntimeError("decoder failed")
        return real(reqs)

    monkeypatch.setattr(bt, "inner", type("Inner", (), {"prepare": whisper.prepare, "decode_batch": staticmethod(broken_once)})())
    chunk = _orders(speak)[0]
    with pytest.raises(RuntimeError, match="decoder failed"):
        bt.transcribe(chunk)
    assert "latte" in bt.transcribe(chunk).text.lower()
    assert calls == [1, 1]
