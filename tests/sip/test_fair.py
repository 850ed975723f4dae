"""Decodes scheduled across calls (``voice.sip.fair``): the gate's order, the machine-wide gate over a Unix socket,
and batched decoding with the real Whisper model. No sleeps: threads are released by the test holding the gate
and waiting (with a bound) until every request is queued."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from voice.audio import AudioChunk, AudioFormatError
from voice.sip.fair import FINAL, RETRY, SPECULATIVE, BatchingTranscriber, GateServer, LocalGate, RemoteGate

WAIT_S = 60.0  # bound on any wait for another thread (a loaded machine is slow, never stuck)


def _wait_until(cond: threading.Condition, pred: Any) -> None:
    with cond:
        assert cond.wait_for(pred, WAIT_S), "timed out waiting for the other threads"


def test_local_gate_grants_finals_then_speculative_then_retries_by_arrival() -> None:
    gate = LocalGate()
    order: list[str] = []
    seen = threading.Condition()
    threads = []

    def take(name: str, kind: int) -> None:
        with gate.turn(kind):
            with seen:
                order.append(name)

    with gate.turn(FINAL):  # held: everyone below queues
        for name, kind in (("r1", RETRY), ("s1", SPECULATIVE), ("f1", FINAL), ("s2", SPECULATIVE), ("f2", FINAL)):
            t = threading.Thread(target=take, args=(name, kind))
            t.start()
            threads.append(t)
            queued = len(threads)
            _wait_until(gate._cond, lambda queued=queued: len(gate._waiting) == queued)
    for t in threads:
        t.join(WAIT_S)
    assert order == ["f1", "f2", "s1", "s2", "r1"]
    assert gate.granted == {FINAL: 3, SPECULATIVE: 2, RETRY: 1}


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


def test_local_gate_with_two_slots_holds_two_and_queues_the_third() -> None:
    gate = LocalGate(slots=2)
    inside = threading.Semaphore(0)
    release = threading.Event()
    entered: list[str] = []

    def take(name: str) -> None:
        with gate.turn(FINAL):
            entered.append(name)
            inside.release()
            assert release.wait(WAIT_S)

    threads = [threading.Thread(target=take, args=(n,)) for n in ("a", "b", "c")]
    for t in threads:
        t.start()
    assert inside.acquire(timeout=WAIT_S) and inside.acquire(timeout=WAIT_S)  # two in at once
    _wait_until(gate._cond, lambda: gate._busy == 2 and len(gate._waiting) == 1)  # the third waits
    assert len(entered) == 2
    release.set()
    for t in threads:
        t.join(WAIT_S)
    assert sorted(entered) == ["a", "b", "c"] and gate._busy == 0


def test_gate_server_with_two_slots_grants_two_remote_holders_at_once(tmp_path: Path) -> None:
    server = GateServer(str(tmp_path / "decode.sock"), slots=2)
    server.start()
    try:
        inside = threading.Semaphore(0)
        release = threading.Event()
        third_in = threading.Event()

        def hold(gate: RemoteGate, mark: threading.Event | None) -> None:
            with gate.turn(FINAL):
                if mark is not None:
                    mark.set()
                inside.release()
                assert release.wait(WAIT_S)

        holders = [threading.Thread(target=hold, args=(RemoteGate(server.path), None)) for _ in range(2)]
        for t in holders:
            t.start()
        assert inside.acquire(timeout=WAIT_S) and inside.acquire(timeout=WAIT_S)  # both hold a turn
        third = threading.Thread(target=hold, args=(RemoteGate(server.path), third_in))
        third.start()
        assert not third_in.wait(0.3)  # bounded check: the third waits while two hold
        release.set()
        assert third_in.wait(WAIT_S)
        for t in [*holders, third]:
            t.join(WAIT_S)
    finally:
        server.stop()  # joins the server's thread: its count is final (it counts after sending the grant)
    assert server.granted[FINAL] == 3


@pytest.mark.parametrize(("bridges", "cores", "threads", "want"), [
    (2, 2, None, (2, 1)),   # two bridges on 2 cores: two one-thread decodes at once
    (1, 2, None, (1, 2)),   # one bridge: one decode with both threads
    (3, 2, None, (2, 1)),   # never more decodes at once than cores
    (2, 4, None, (2, 2)),
    (2, 2, 2, (1, 2)),      # [voice] whisper_cpu_threads = 2: one at a time
    (2, 1, None, (1, 1)),
])
def test_decode_slots_split_the_cores(bridges: int, cores: int, threads: int | None, want: tuple[int, int]) -> None:
    from voice.sip.lines import decode_slots

    assert decode_slots(bridges, cores, threads) == want


def test_a_withdrawn_speculation_is_dropped_unheard(whisper: Any, speak: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller went on talking while its speculative decode waited: the decode is not run, the others are."""
    from voice.pipeline import SpeculationWithdrawn

    bt = BatchingTranscriber(whisper, LocalGate())
    decoded: list[int] = []
    real = whisper.decode_batch

    def counting(reqs: Any) -> Any:
        decoded.append(len(reqs))
        return real(reqs)

    monkeypatch.setattr(bt, "inner", type("Inner", (), {"prepare": whisper.prepare, "decode_batch": staticmethod(counting)})())
    chunks = _orders(speak)[:2]
    gone = threading.Event()
    outcome: dict[str, Any] = {}

    def run(name: str, chunk: AudioChunk, withdrawn: threading.Event | None) -> None:
        try:
            outcome[name] = bt.transcribe_unless(chunk, withdrawn)
        except SpeculationWithdrawn as exc:
            outcome[name] = exc

    threads = [threading.Thread(target=run, args=("early", chunks[0], gone)),
               threading.Thread(target=run, args=("kept", chunks[1], None))]
    with bt.gate.turn(FINAL):  # both wait behind the held gate
        for t in threads:
            t.start()
        _wait_until(bt._cond, lambda: len(bt._queue) == 2)
        gone.set()
    for t in threads:
        t.join(WAIT_S)
    assert isinstance(outcome["early"], SpeculationWithdrawn)
    assert "espresso" in outcome["kept"].text.lower()
    assert decoded == [1] and bt.withdrawn == 1


def test_pipeline_withdraws_a_speculation_before_it_runs(whisper: Any, speak: Any) -> None:
    """``Speculation.withdraw`` on a decode still queued behind the gate: it never reaches the model."""
    from voice.pipeline import SpeculationWithdrawn, VoicePipeline

    class Silent:
        def synthesize(self, text: str, rate: int) -> AudioChunk:
            return AudioChunk(rate, 2, 1, b"")

    gate = LocalGate()
    bt = BatchingTranscriber(whisper, gate)
    pipeline = VoicePipeline(bt, Silent())  # type: ignore[arg-type]
    try:
        with gate.turn(FINAL):
            early = pipeline.speculate(_orders(speak)[0])
            _wait_until(bt._cond, lambda: len(bt._queue) == 1)
            early.withdraw()
        with pytest.raises(SpeculationWithdrawn):
            early.future.result(WAIT_S)
        assert bt.batches == [] and bt.withdrawn == 1
    finally:
        pipeline.close()


def test_a_batch_is_decoded_in_groups_of_one_window(whisper: Any, speak: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Utterances of different lengths waiting together are decoded per encoder window, so each transcript is
    what that utterance gives alone (a shared, longer window can change what Whisper hears)."""
    short = [speak("Yes, please.", lead_ms=200, trail_ms=300), speak("Yes, please.", lead_ms=400, trail_ms=100)]
    long = speak("Can I get a chocolate chip cookie and a large latte with oat milk please.", lead_ms=200,
                 trail_ms=2500)
    chunks = [short[0], long, short[1]]
    windows = [whisper._frames(whisper.prepare(c).samples) for c in chunks]
    assert windows[0] == windows[2] != windows[1]
    alone = [whisper.transcribe(c).text for c in chunks]
    bt = BatchingTranscriber(whisper, LocalGate())
    sizes: list[int] = []
    real = whisper.decode_batch

    def spy(reqs: Any) -> Any:
        sizes.append(len(reqs))
        return real(reqs)

    monkeypatch.setattr(whisper, "decode_batch", spy)
    results: dict[int, Any] = {}
    threads = [threading.Thread(target=lambda i=i, c=c: results.__setitem__(i, bt.transcribe(c)))
               for i, c in enumerate(chunks)]
    with bt.gate.turn(FINAL):
        for t in threads:
            t.start()
        _wait_until(bt._cond, lambda: len(bt._queue) == len(chunks))
    for t in threads:
        t.join(WAIT_S)
    assert bt.batches == [3] and sorted(sizes) == [1, 2]  # one turn at the gate, two window groups
    assert [results[i].text for i in range(3)] == alone


def test_two_workers_split_the_waiting_requests(whisper: Any, speak: Any) -> None:
    """A bridge with two workers (two gate slots, one thread a decode) takes the waiting requests one at a time
    on each worker, so two decode at once."""
    chunks = [*_orders(speak), speak("Yes, please.", lead_ms=200, trail_ms=300)]
    alone = [whisper.transcribe(c).text for c in chunks]
    gate = LocalGate(slots=2)
    bt = BatchingTranscriber(whisper, gate, workers=2)
    results: dict[int, Any] = {}
    threads = [threading.Thread(target=lambda i=i, c=c: results.__setitem__(i, bt.transcribe(c)))
               for i, c in enumerate(chunks)]
    with gate.turn(FINAL), gate.turn(FINAL):  # both slots held: both workers and all four requests wait
        for t in threads:
            t.start()
        _wait_until(bt._cond, lambda: len(bt._queue) == len(chunks))
        _wait_until(gate._cond, lambda: len(gate._waiting) == 2)
    for t in threads:
        t.join(WAIT_S)
    assert bt.batches == [1, 1, 1, 1]  # one each: both workers decode at once
    assert [results[i].text for i in range(len(chunks))] == alone


def test_a_second_pass_decode_is_a_retry_and_a_speculative_thread_is_speculative() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from voice import priority

    assert priority.current() == FINAL
    with priority.retry():
        assert priority.current() == RETRY
        with ThreadPoolExecutor(1, thread_name_prefix="asr-spec") as pool:  # another thread: its own class
            assert pool.submit(priority.current).result(WAIT_S) == SPECULATIVE
    assert priority.current() == FINAL


def test_the_gate_server_orders_retries_last(tmp_path: Path) -> None:
    server = GateServer(str(tmp_path / "decode.sock"))
    server.start()
    try:
        holder = RemoteGate(server.path)
        order: list[str] = []
        inside, release = threading.Event(), threading.Event()

        def hold() -> None:
            with holder.turn(FINAL):
                inside.set()
                assert release.wait(WAIT_S)

        def take(name: str, kind: int) -> None:
            with RemoteGate(server.path).turn(kind):
                order.append(name)

        first = threading.Thread(target=hold)
        first.start()
        assert inside.wait(WAIT_S)
        waiting = []
        for name, kind in (("r", RETRY), ("s", SPECULATIVE), ("f", FINAL)):
            t = threading.Thread(target=take, args=(name, kind))
            t.start()
            waiting.append(t)
            # each request is queued at the server before the next is sent (bounded wait, no sleep)
            deadline = threading.Event()
            for _ in range(2000):
                if len(server._waiting) == len(waiting):
                    break
                deadline.wait(0.005)
            assert len(server._waiting) == len(waiting)
        release.set()
        for t in [first, *waiting]:
            t.join(WAIT_S)
        assert order == ["f", "s", "r"]
    finally:
        server.stop()
