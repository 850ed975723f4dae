"""The live kiosk loop: greet, listen, answer aloud, let the shopper interrupt.

``KioskLoop(turns, source, sink, settings).run()`` where ``turns`` is a :class:`~voice.pipeline.TurnProcessor`,
``source`` has ``read(timeout) -> AudioChunk | None`` (a :class:`~voice.devices.Microphone`) and ``sink`` has
``play(chunk, stop_event, on_start) -> ms_played`` (a :class:`~voice.devices.Speaker`).

* The greeting cannot be interrupted; afterwards, speech that starts while a reply plays (barge-in) stops
  playback within one 40 ms output chunk and the new utterance is heard.
* While the assistant speaks, the endpointer runs in strict mode (a raised energy floor and start trigger)
  and ignores speech for ``echo_warmup_ms`` after playback starts: a kiosk microphone hears its speaker.
  ``half_duplex=True`` instead stops listening while speaking (for speakerphones with strong echo).
* At a short pause the utterance is decoded speculatively; if the pause becomes the endpoint the result is
  reused, which hides most of Whisper's decode time.
* A false interruption (the barge-in turns out to be a cough or clatter: the endpointer drops it as a burst or
  Whisper hears no words) resumes the interrupted reply from shortly before where it stopped, instead of
  answering "sorry, I didn't catch that".
* After ``idle_reprompt_s`` of silence it asks once whether the shopper is still there.
* Each turn prints the transcript and latency and writes a JSON-lines trace (:mod:`voice.trace`).
* Ctrl-C (or a reply that ends the conversation) stops cleanly.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from voice.audio import AudioChunk
from voice.pipeline import Speculation, TurnProcessor, TurnResult
from voice.trace import TraceWriter, TurnTrace
from voice.vad import EndpointConfig, Endpointer

IDLE_PROMPT = "Are you still there? Just tell me what you'd like."


class AudioSource(Protocol):
    def read(self, timeout: float | None = 1.0) -> AudioChunk | None: ...


class AudioSink(Protocol):
    def play(
        self, chunk: AudioChunk, stop: threading.Event | None = None, on_start: Callable[[], None] | None = None
    ) -> float: ...


@dataclass
class LoopSettings:
    endpoint: EndpointConfig = EndpointConfig()
    half_duplex: bool = False
    echo_warmup_ms: float = 300.0
    idle_reprompt_s: float = 30.0
    max_turns: int | None = None  # stop after this many shopper turns (tests, demos)
    max_seconds: float | None = None  # stop after this long (tests)


class KioskLoop:
    def __init__(
        self,
        turns: TurnProcessor,
        source: AudioSource,
        sink: AudioSink,
        settings: LoopSettings | None = None,
        *,
        trace: TraceWriter | None = None,
        echo: Callable[[str], None] = print,
    ):
        self.turns = turns
        self.source = source
        self.sink = sink
        self.settings = settings or LoopSettings()
        self.trace = trace or TraceWriter(None)
        self.echo = echo
        self.endpointer = Endpointer(self.settings.endpoint)
        self._play_q: queue.Queue[tuple[TurnResult, bool] | None] = queue.Queue()
        self._stop_play = threading.Event()
        self._speaking = threading.Event()
        self._interruptible = False
        self._play_started = 0.0
        self._done = threading.Event()
        self._closing = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="turn")
        self._pending: Future[TurnResult] | None = None
        self._last_activity = time.monotonic()
        self._reprompted = False
        self.results: list[TurnResult] = []
        self.barge_ins = 0
        self.false_interruptions = 0
        self._interrupted: tuple[TurnResult, float] | None = None  # the reply a barge-in cut, ms played

    # -- playback thread -------------------------------------------------------------------------------
    def _player(self) -> None:
        while True:
            item = self._play_q.get()
            if item is None:
                return
            result, interruptible = item
            self._stop_play.clear()
            self._interruptible = interruptible
            self._speaking.set()
            self._play_started = time.monotonic()

            if self._closing:
                continue

            def started(r: TurnResult = result) -> None:
                r.trace.mark("first_audio")  # the moment the first 40 ms left for the speaker

            try:
                played = self.sink.play(result.audio, self._stop_play, started)
            finally:
                self._speaking.clear()
                self._last_activity = time.monotonic()
            if played + 1 < result.audio.milliseconds and not self._closing:
                result.trace.barged_in = True
                self._interrupted = (result, played)
            if result.trace.turn > 0:
                self.trace.write(result.trace)
            if result.reply.ends_conversation:
                self._done.set()

    def _say(self, result: TurnResult, interruptible: bool = True) -> None:
        self._play_q.put((result, interruptible))

    def _resume(self, trace: TurnTrace | None = None) -> bool:
        """Replay the rest of the reply a false interruption cut (rewound 300 ms); False if there is none."""
        if self._interrupted is None:
            return False
        cut, played = self._interrupted
        self._interrupted = None
        rest = cut.audio.slice_ms(max(0.0, played - 300.0))
        if rest.frames == 0:
            return False
        self.false_interruptions += 1
        t = trace if trace is not None else TurnTrace(turn=cut.trace.turn, session=cut.trace.session)
        t.resumed = True
        t.reply = cut.reply.text
        self.echo("assistant: (resuming the interrupted reply)")
        self._say(TurnResult(cut.reply, rest, cut.transcript, t))
        return True

    # -- turn handling ---------------------------------------------------------------------------------
    def _report(self, fut: Future[TurnResult]) -> None:
        try:
            result = fut.result()
        except Exception as exc:  # noqa: BLE001
            self.echo(f"[error] {exc}")
            return
        self.results.append(result)
        if result.transcript is not None and result.transcript.empty and self._resume(result.trace):
            return
        self._interrupted = None  # a real new turn: the cut reply is superseded
        t = result.trace
        lat = t.since_speech_end("reply")
        heard = result.transcript.text if result.transcript is not None else ""
        self.echo(f"you: {heard or '(not understood)'}")
        self.echo(
            f"assistant: {result.reply.text}    [{lat:.0f} ms to reply, decode {t.decode_ms:.0f} ms, "
            f"speculative {t.speculative}]"
            if lat is not None
            else f"assistant: {result.reply.text}"
        )
        self._say(result)

    def _on_event_end(self, audio: AudioChunk, delay_ms: float, early: Speculation | None) -> None:
        now = time.perf_counter()
        fut = self._worker.submit(
            self.turns.process, audio, endpoint_delay_ms=delay_ms, early=early, endpoint_at=now
        )
        fut.add_done_callback(self._report)
        self._pending = fut

    def _check_idle(self) -> None:
        if self.settings.idle_reprompt_s <= 0 or self._reprompted or self._speaking.is_set():
            return
        if self.endpointer.in_speech or (self._pending is not None and not self._pending.done()):
            return
        if time.monotonic() - self._last_activity >= self.settings.idle_reprompt_s:
            self._reprompted = True
            r = self.turns.say(IDLE_PROMPT)
            self.echo(f"assistant: {IDLE_PROMPT}")
            self._say(r)

    def run(self) -> int:
        player = threading.Thread(target=self._player, name="playback", daemon=True)
        player.start()
        started = time.monotonic()
        spoken_turns = 0
        early: Speculation | None = None
        try:
            greet = self.turns.greeting()
            self.echo(f"assistant: {greet.reply.text}")
            self._say(greet, interruptible=False)
            while not self._done.is_set():
                if self.settings.max_seconds is not None and time.monotonic() - started > self.settings.max_seconds:
                    break
                if self.settings.max_turns is not None and spoken_turns >= self.settings.max_turns:
                    if self._pending is None or self._pending.done():
                        if self._play_q.empty() and not self._speaking.is_set():
                            break
                chunk = self.source.read(timeout=0.2)
                self._check_idle()
                if chunk is None:
                    continue
                speaking = self._speaking.is_set()
                if speaking and (self.settings.half_duplex or not self._interruptible):
                    self.endpointer.reset()
                    continue
                self.endpointer.strict = speaking
                for ev in self.endpointer.feed(chunk):
                    self._last_activity = time.monotonic()
                    self._reprompted = False
                    if ev.kind == "speech_start":
                        in_warmup = (time.monotonic() - self._play_started) * 1000 < self.settings.echo_warmup_ms
                        if self._speaking.is_set() and self._interruptible and not in_warmup:
                            self._stop_play.set()
                            self.barge_ins += 1
                    elif ev.kind == "speculative_pause" and ev.utterance is not None:
                        early = self.turns.speculate(ev.utterance.audio)
                    elif ev.kind == "speech_resumed":
                        early = None
                    elif ev.kind == "speech_end" and ev.utterance is not None:
                        spoken_turns += 1
                        u = ev.utterance
                        self._on_event_end(u.audio, ev.at_ms - u.end_ms, early)
                        early = None
                    elif ev.kind == "discarded":
                        early = None
                        if not self._speaking.is_set():
                            self._resume()
        except KeyboardInterrupt:
            self.echo("\n(stopping)")
        finally:
            self._closing = True
            self._stop_play.set()
            self._worker.shutdown(wait=True)
            self._play_q.put(None)
            player.join(timeout=5)
        return 0
