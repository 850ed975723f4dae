"""Whisper decodes scheduled fairly across calls (and across bridges on one machine).

Decoding is the shared bottleneck: on 2 cores one decode at a time with both threads is faster than two
fighting over them, and without an order a call whose turns keep arriving can starve another. So every decode
takes a turn from a gate: one decode per slot at a time, final decodes (the caller stopped talking and waits)
before speculative ones (a guess made during a pause), retries (a second decode of a turn) last
(``voice.priority``), first come first served within each class, no barging.

* ``LocalGate``: the gate inside one bridge process (its four calls).
* ``GateServer`` / ``RemoteGate``: ``voicecart sip --lines N`` runs the server in the supervising process on a
  Unix socket (0600, in a 0700 directory); each bridge process asks it for a turn per decode (connect, send
  ``F`` or ``S``, wait for ``G``; closing the connection ends the turn). Every bridge keeps its own Whisper
  model (one per process); the turn is what is shared.

``FairTranscriber(inner, gate)`` wraps the pipeline's transcriber; decodes on a thread whose name starts with
``asr-spec`` (``VoicePipeline.speculate``'s pool) are speculative. ``BatchingTranscriber(whisper, gate)`` does the
same for the local Whisper model and decodes together every request that waited for the turn (finals first, at
most ``max_batch``, in groups of the same encoder window so that nobody's transcript depends on who else spoke):
one beam search over several calls' utterances costs less than one each, so when calls speak at once the last in
line waits less.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import selectors
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from voice.priority import FINAL, RETRY, SPECULATIVE
from voice.priority import current as _kind

if TYPE_CHECKING:
    from voice.asr import DecodeRequest, Transcript, WhisperTranscriber
    from voice.audio import AudioChunk

log = logging.getLogger(__name__)

__all__ = ["FINAL", "RETRY", "SPECULATIVE", "BatchingTranscriber", "FairTranscriber", "GateServer", "LocalGate",
           "RemoteGate"]
_CLASS_BYTE = {FINAL: b"F", SPECULATIVE: b"S", RETRY: b"R"}  # a waiting bridge's class on the gate's socket
_WIRE = {v: k for k, v in _CLASS_BYTE.items()}


class LocalGate:
    """At most ``slots`` holders at a time (one by default); waiting requests granted by (kind, arrival)."""

    def __init__(self, slots: int = 1) -> None:
        self.slots = max(1, slots)
        self._cond = threading.Condition()
        self._busy = 0
        self._waiting: list[tuple[int, int]] = []
        self._seq = itertools.count()
        self.granted = {FINAL: 0, SPECULATIVE: 0, RETRY: 0}

    @contextlib.contextmanager
    def turn(self, kind: int = FINAL) -> Iterator[None]:
        ticket = (kind, next(self._seq))
        with self._cond:
            self._waiting.append(ticket)
            while self._busy >= self.slots or min(self._waiting) != ticket:
                self._cond.wait()
            self._waiting.remove(ticket)
            self._busy += 1
            self.granted[kind] += 1
        try:
            yield
        finally:
            with self._cond:
                self._busy -= 1
                self._cond.notify_all()


class RemoteGate:
    """A turn from the ``GateServer`` at ``path``; if the server is gone, decodes go ahead (logged once)."""

    def __init__(self, path: str):
        self.path = path
        self._warned = False

    @contextlib.contextmanager
    def turn(self, kind: int = FINAL) -> Iterator[None]:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            try:
                sock.connect(self.path)
                sock.sendall(_CLASS_BYTE[kind])
                if sock.recv(1) != b"G":
                    raise OSError("no grant")
            except OSError as exc:
                if not self._warned:
                    self._warned = True
                    log.warning("decode gate %s unavailable (%s): decoding without it", self.path, exc)
            yield
        finally:
            sock.close()


class GateServer:
    """The machine-wide gate: grants ``slots`` turns at a time (one by default) over a Unix socket (see the
    module docstring)."""

    def __init__(self, path: str, slots: int = 1):
        self.path = path
        self.slots = max(1, slots)
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            self._sock.bind(path)
        finally:
            os.umask(old)
        self._sock.listen(64)
        self._sock.setblocking(False)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="decode-gate", daemon=True)
        self._seq = itertools.count()
        self._waiting: list[tuple[int, int, socket.socket]] = []
        self._holders: set[socket.socket] = set()
        self.granted = {FINAL: 0, SPECULATIVE: 0, RETRY: 0}

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)

    def _grant(self, sel: selectors.BaseSelector) -> None:
        while len(self._holders) < self.slots and self._waiting:
            self._waiting.sort(key=lambda w: (w[0], w[1]))
            kind, _, conn = self._waiting.pop(0)
            try:
                conn.sendall(b"G")
            except OSError:
                self._drop(sel, conn)
                continue
            self._holders.add(conn)
            self.granted[kind] += 1

    def _drop(self, sel: selectors.BaseSelector, conn: socket.socket) -> None:
        with contextlib.suppress(KeyError, ValueError):
            sel.unregister(conn)
        conn.close()
        self._waiting = [w for w in self._waiting if w[2] is not conn]
        self._holders.discard(conn)

    def _run(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self._sock, selectors.EVENT_READ, None)
        try:
            while not self._stop.is_set():
                for key, _ in sel.select(0.2):
                    if key.data is None:
                        try:
                            conn, _ = self._sock.accept()
                        except OSError:
                            continue
                        sel.register(conn, selectors.EVENT_READ, "conn")
                        continue
                    conn = key.fileobj  # type: ignore[assignment]
                    assert isinstance(conn, socket.socket)
                    try:
                        data = conn.recv(1)
                    except OSError:
                        data = b""
                    if data in _WIRE and conn not in self._holders:
                        self._waiting.append((_WIRE[data], next(self._seq), conn))
                    else:  # closed (or anything else): that turn, or that wait, is over
                        self._drop(sel, conn)
                self._grant(sel)
        finally:
            sel.close()


class FairTranscriber:
    """The pipeline's transcriber, each decode taken in turn from ``gate``."""

    def __init__(self, inner: Any, gate: LocalGate | RemoteGate):
        self.inner = inner
        self.gate = gate

    def transcribe(self, chunk: Any, hotwords: str | None = None, prompt: str | None = None) -> Any:
        return self.transcribe_unless(chunk, None, hotwords, prompt)

    def transcribe_unless(self, chunk: Any, withdrawn: threading.Event | None, hotwords: str | None = None,
                          prompt: str | None = None) -> Any:
        """As ``transcribe``, but a decode withdrawn while it waited for its turn is not run
        (:class:`~voice.pipeline.SpeculationWithdrawn`)."""
        with self.gate.turn(_kind()):
            if withdrawn is not None and withdrawn.is_set():
                from voice.pipeline import SpeculationWithdrawn

                raise SpeculationWithdrawn()
            if prompt is None:
                return self.inner.transcribe(chunk, hotwords=hotwords)
            return self.inner.transcribe(chunk, hotwords=hotwords, prompt=prompt)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@dataclass
class _Job:
    req: DecodeRequest
    kind: int
    seq: int
    withdrawn: threading.Event | None = None
    result: Transcript | None = None
    error: BaseException | None = None


class BatchingTranscriber:
    """The local Whisper model behind ``gate``, with the requests that waited decoded as one batch.

    Each of ``workers`` threads takes the gate's turn for whatever waits (final if any waiting request is final),
    then takes the waiting requests in order (finals, speculative, retries; then by arrival) and decodes them
    with ``WhisperTranscriber.decode_batch``: one worker takes all that wait (at most ``max_batch``) as one
    batch; with several workers (the model loaded for as many concurrent decodes, one thread each) each takes
    one, so a bridge whose calls all speak at once keeps every slot of the gate busy. Audio is checked in the
    caller's thread, so a bad chunk fails its own turn only; a failed batch fails the turns in it, not the
    worker.
    """

    def __init__(self, inner: WhisperTranscriber, gate: LocalGate | RemoteGate, max_batch: int = 8,
                 workers: int = 1):
        self.inner = inner
        self.gate = gate
        self.max_batch = max(1, max_batch)
        self.workers = max(1, workers)
        self._cond = threading.Condition()
        self._queue: list[_Job] = []
        self._seq = itertools.count()
        self._threads: list[threading.Thread] = []
        self.batches: list[int] = []  # size of each batch decoded (the last 1,000)
        self.withdrawn = 0  # requests dropped unheard (withdrawn while they waited)

    def transcribe(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> Transcript:
        return self.transcribe_unless(chunk, None, hotwords, prompt)

    def transcribe_unless(self, chunk: AudioChunk, withdrawn: threading.Event | None, hotwords: str | None = None,
                          prompt: str | None = None) -> Transcript:
        """As ``transcribe``; a request withdrawn while it waits is dropped when the next batch is formed
        (:class:`~voice.pipeline.SpeculationWithdrawn`), so it costs no decode."""
        job = _Job(self.inner.prepare(chunk, hotwords, prompt), _kind(), next(self._seq), withdrawn)
        with self._cond:
            if not self._threads:
                self._threads = [threading.Thread(target=self._run, name=f"asr-batch-{i}", daemon=True)
                                 for i in range(self.workers)]
                for t in self._threads:
                    t.start()
            self._queue.append(job)
            self._cond.notify_all()
            while job.result is None and job.error is None:
                self._cond.wait()
        if job.error is not None:
            raise job.error
        assert job.result is not None
        return job.result

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue:
                    self._cond.wait()
                self._drop_withdrawn()
                if not self._queue:
                    continue
                kind = min(j.kind for j in self._queue)
            with self.gate.turn(kind):
                with self._cond:
                    self._drop_withdrawn()
                    self._queue.sort(key=lambda j: (j.kind, j.seq))
                    # one worker (one slot, all threads): everything waiting as one batch; several workers
                    # (a slot per core, one thread per decode): one each, so both cores work (two single decodes
                    # at once beat one batch of two on one core: BENCHMARKS.md, Phone)
                    share = min(self.max_batch, len(self._queue)) if self.workers == 1 else 1
                    batch, self._queue = self._queue[:share], self._queue[share:]
                if not batch:
                    continue
                try:
                    results: list[Transcript] | None = self._decode(batch)
                    error: BaseException | None = None
                except Exception as exc:  # noqa: BLE001 - the turns in this batch fail, the line goes on
                    log.exception("batched decode of %d failed", len(batch))
                    results, error = None, exc
            with self._cond:
                for i, job in enumerate(batch):
                    if results is not None:
                        job.result = results[i]
                    else:
                        job.error = error
                self.batches = [*self.batches[-999:], len(batch)]
                self._cond.notify_all()

    def _decode(self, batch: list[_Job]) -> list[Transcript]:
        """``batch`` decoded in groups of the same encoder window: a batch is encoded with its longest window,
        which can change what Whisper hears in a shorter utterance, so grouping keeps each caller's transcript
        the same whoever else is speaking (and encodes no padding another call brought)."""
        window = getattr(self.inner, "_frames", None)
        groups: dict[int | None, list[int]] = {}
        for i, job in enumerate(batch):
            groups.setdefault(window(job.req.samples) if window is not None else None, []).append(i)
        out: list[Transcript | None] = [None] * len(batch)
        for idx in groups.values():
            for i, result in zip(idx, self.inner.decode_batch([batch[i].req for i in idx]), strict=True):
                out[i] = result
        done = [r for r in out if r is not None]
        if len(done) != len(batch):  # never hand one call's words to another
            raise RuntimeError("a batched decode lost a result")
        return done

    def _drop_withdrawn(self) -> None:
        """Under ``self._cond``: fail the waiting requests that were withdrawn, without decoding them."""
        gone = [j for j in self._queue if j.withdrawn is not None and j.withdrawn.is_set()]
        if not gone:
            return
        from voice.pipeline import SpeculationWithdrawn

        for job in gone:
            job.error = SpeculationWithdrawn()
        self.withdrawn += len(gone)
        self._queue = [j for j in self._queue if j.error is None]
        self._cond.notify_all()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
