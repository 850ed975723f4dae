"""The live kiosk loop: greet, listen, answer aloud, let the shopper interrupt.

``KioskLoop(turns, source, sink, settings).run()`` where ``turns`` is a :class:`~voice.pipeline.TurnProcessor`,
``source`` has ``read(timeout) -> AudioChunk | None`` (a :class:`~voice.devices.Microphone`) and ``sink`` has
``start(chunk)``, ``stop()``, ``active``, ``played_ms`` and ``started_at`` (a :class:`~voice.devices.Speaker`:
playback never blocks the loop).

One thread reads the microphone, feeds the endpointer, starts, stops and finishes replies, and takes each
finished turn from the worker that decodes it; nothing else touches the loop's state. Every moment is
read from one ``clock`` (default ``time.perf_counter``, the trace's clock): the endpoint, the first reply
audio (the speaker's ``started_at``), the echo warm-up, the idle re-prompt, ``max_seconds``. The console's
"[N ms end of speech -> first audio]" is printed when that audio goes out and is the trace's
``first_audio_ms``. A simulated microphone and speaker can share a virtual clock (the tests do).

* The microphone is opened before the model loads (``voicecart listen``): what the shopper says meanwhile
  waits in its queue. At start the loop first takes everything already captured (nothing was playing, so
  no echo); if the shopper has spoken, that is answered and the greeting is skipped.
* Any reply can be interrupted, the greeting too: speech that starts while a reply plays (barge-in) stops
  it within one 40 ms output chunk and the new utterance is heard.
* While the assistant speaks, the endpointer runs in strict mode (a raised energy floor and start trigger)
  and a speech start in the first ``echo_warmup_ms`` of a reply does not stop it: a kiosk microphone hears
  its speaker. ``half_duplex=True`` instead stops listening while speaking (for speakerphones with strong echo).
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

import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
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
    def start(self, chunk: AudioChunk) -> None: ...

    def stop(self) -> None: ...

    @property
    def active(self) -> bool: ...

    @property
    def played_ms(self) -> float: ...

    @property
    def started_at(self) -> float | None: ...


@dataclass
class LoopSettings:
    endpoint: EndpointConfig = EndpointConfig()
    half_duplex: bool = False
    echo_warmup_ms: float = 300.0
    idle_reprompt_s: float = 30.0
    greet: bool = True
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
        clock: Callable[[], float] = time.perf_counter,
        on_state: Callable[[str], None] | None = None,
        replies: Callable[[], str | None] | None = None,
    ):
        self.turns = turns
        self.source = source
        self.sink = sink
        self.settings = settings or LoopSettings()
        self.trace = trace or TraceWriter(None)
        self.echo = echo
        self.clock = clock
        self.endpointer = Endpointer(self.settings.endpoint)
        # semantic endpointing: a whole turn (by the speculative transcript) ends at a short pause
        self.endpointer.complete = lambda: self._early is not None and self._early.complete()
        self._queue: deque[tuple[TurnResult, bool]] = deque()
        self._current: tuple[TurnResult, bool] | None = None
        self._first_marked = False
        self._play_started: float | None = None
        self._done = False
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="turn")
        self._pending: Future[TurnResult] | None = None
        self._early: Speculation | None = None
        self._last_activity = clock()
        self._reprompted = False
        self.spoken_turns = 0
        self.results: list[TurnResult] = []
        self.barge_ins = 0
        self.false_interruptions = 0
        self._interrupted: tuple[TurnResult, float] | None = None  # the reply a barge-in cut, ms played
        self._on_state = on_state  # listening, hearing, thinking, speaking, stopped (the kiosk screen)
        self._replies = replies  # replies to turns taken elsewhere (a button on the screen), to be said

    def _state(self, state: str | None = None) -> None:
        if self._on_state is None:
            return
        if state is None:
            state = "speaking" if self.speaking else "thinking" if self._pending is not None else (
                "hearing" if self.endpointer.in_speech else "listening")
        self._on_state(state)

    # -- what callers (and simulated devices) may look at ----------------------------------------------
    @property
    def speaking(self) -> bool:
        """A reply is playing (or about to: it has been started on the sink)."""
        return self._current is not None

    @property
    def playing_since(self) -> float | None:
        """``clock()`` when the reply now playing was started; None when silent."""
        return self._play_started if self._current is not None else None

    def wait_for_turn(self, timeout: float | None = None) -> None:
        """Block until the turn being decoded (if any) is finished. A simulated microphone calls this so no
        audio time passes while the computer thinks; a real microphone never does."""
        fut = self._pending
        if fut is not None:
            wait_futures([fut], timeout)

    def stop(self) -> None:
        self._done = True

    # -- playback ---------------------------------------------------------------------------------------
    def _say(self, result: TurnResult, interruptible: bool = True) -> None:
        self._queue.append((result, interruptible))
        self._drive()

    def _drive(self) -> None:
        """Note the first audio of the reply playing, finish it when it has ended, start the next one."""
        if self._current is not None:
            self._mark_first_audio()
            if not self.sink.active:
                self._finish(cut=False)
        if self._current is None and self._queue and not self._done:
            self._current = self._queue.popleft()
            self._first_marked = False
            self._play_started = self.clock()
            self.sink.start(self._current[0].audio)
            self._mark_first_audio()
            self._state()

    def _mark_first_audio(self) -> None:
        if self._current is None or self._first_marked:
            return
        at = self.sink.started_at
        if at is None:
            return
        self._first_marked = True
        result = self._current[0]
        result.trace.mark("first_audio", at)  # the moment the first piece went to the speaker
        lat = result.trace.since_speech_end("first_audio")
        if result.trace.turn > 0 and lat is not None and not result.trace.resumed:
            t = result.trace
            self.echo(
                f"           [{lat:.0f} ms from end of speech to first audio; decode {t.decode_ms:.0f} ms, "
                f"speculative {t.speculative}]"
            )

    def _finish(self, *, cut: bool) -> None:
        assert self._current is not None
        result, _ = self._current
        self._mark_first_audio()
        played = self.sink.played_ms
        self._current = None
        self._play_started = None
        self._last_activity = self.clock()
        if cut and played + 1 < result.audio.milliseconds:
            result.trace.barged_in = True
            self._interrupted = (result, played)
        if result.trace.turn > 0:
            self.trace.write(result.trace)
        if result.reply.ends_conversation and not cut:
            self._done = True
        self._state()

    def _barge_in(self) -> None:
        self.sink.stop()
        self.barge_ins += 1
        self._finish(cut=True)

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

    # -- turns ------------------------------------------------------------------------------------------
    def _collect(self) -> None:
        """Take a finished turn from the worker (on the loop's own thread) and queue its reply."""
        fut = self._pending
        if fut is None or not fut.done():
            return
        self._pending = None
        self._state()
        try:
            result = fut.result()
        except Exception as exc:  # noqa: BLE001 - the pipeline answers its own errors; this is a bug
            self.echo(f"[error] {exc}")
            return
        self.results.append(result)
        self._last_activity = self.clock()
        if result.transcript is not None and result.transcript.empty and self._resume(result.trace):
            return
        self._interrupted = None  # a real new turn: the cut reply is superseded
        heard = result.transcript.text if result.transcript is not None else ""
        self.echo(f"you: {heard or '(not understood)'}")
        self.echo(f"assistant: {result.reply.text}")
        self._say(result)

    def _submit(self, audio: AudioChunk, delay_ms: float, early: Speculation | None) -> None:
        if self._pending is not None:  # one turn at a time: the previous one finishes first
            self.wait_for_turn()
            self._collect()
        self.spoken_turns += 1
        self._pending = self._worker.submit(
            self.turns.process, audio, endpoint_delay_ms=delay_ms, early=early, endpoint_at=self.clock()
        )
        self._state()

    def _take_reply(self) -> None:
        """Say the reply to a turn taken on the screen (it replaces whatever was being said)."""
        text = self._replies() if self._replies is not None else None
        if not text:
            return
        self._queue.clear()
        if self._current is not None:
            self.sink.stop()
            self._finish(cut=False)
        self._last_activity = self.clock()
        self.echo("you: (pressed a button on the screen)")
        self.echo(f"assistant: {text}")
        self._say(self.turns.say(text))

    def _check_idle(self) -> None:
        if self.settings.idle_reprompt_s <= 0 or self._reprompted or self.speaking or self._queue:
            return
        if self.endpointer.in_speech or self._pending is not None:
            return
        if self.clock() - self._last_activity >= self.settings.idle_reprompt_s:
            self._reprompted = True
            r = self.turns.say(IDLE_PROMPT)
            self.echo(f"assistant: {IDLE_PROMPT}")
            self._say(r)

    def _feed(self, chunk: AudioChunk) -> bool:
        """Run one block through the endpointer; True if it held the start of speech."""
        if self.speaking and self.settings.half_duplex:
            self.endpointer.reset()
            self._early = None
            return False
        self.endpointer.strict = self.speaking
        heard = False
        for ev in self.endpointer.feed(chunk):
            self._last_activity = self.clock()
            self._reprompted = False
            if ev.kind == "speech_start":
                heard = True
                self._state("hearing")
                since = self.playing_since
                if since is not None and self._current is not None and self._current[1]:
                    if (self.clock() - since) * 1000 >= self.settings.echo_warmup_ms:
                        self._barge_in()
            elif ev.kind == "speculative_pause" and ev.utterance is not None:
                self._early = self.turns.speculate(ev.utterance.audio)
            elif ev.kind == "speech_resumed":
                if self._early is not None:
                    self._early.withdraw()  # the shopper went on: its decode, if not started, never runs
                self._early = None
            elif ev.kind == "speech_end" and ev.utterance is not None:
                u = ev.utterance
                self._submit(u.audio, ev.at_ms - u.end_ms, self._early)
                self._early = None
            elif ev.kind == "discarded":
                self._early = None
                self._state()
                if not self.speaking:
                    self._resume()
        return heard

    def _catch_up(self) -> bool:
        """Feed what the microphone captured before the loop started (while the model loaded); True if the
        shopper spoke in it."""
        heard = False
        while (chunk := self.source.read(timeout=0)) is not None:
            heard = self._feed(chunk) or heard
        return heard or self.endpointer.in_speech or self._pending is not None

    def run(self) -> int:
        started = self.clock()
        try:
            greet = self.turns.greeting() if self.settings.greet else None
            if self._catch_up():
                self.echo("(the shopper spoke while the assistant was starting: answering that, no greeting)")
            elif greet is not None:
                self.echo(f"assistant: {greet.reply.text}")
                self._say(greet)
            self._state()
            while not self._done:
                if self.settings.max_seconds is not None and self.clock() - started > self.settings.max_seconds:
                    break
                self._collect()
                self._take_reply()
                self._drive()
                if self.settings.max_turns is not None and self.spoken_turns >= self.settings.max_turns:
                    if self._pending is None and not self.speaking and not self._queue:
                        break
                chunk = self.source.read(timeout=0.2)
                self._check_idle()
                if chunk is not None:
                    self._feed(chunk)
        except KeyboardInterrupt:
            self.echo("\n(stopping)")
        finally:
            self._done = True
            self.sink.stop()
            self._worker.shutdown(wait=True)
            if self._on_state is not None:
                self._on_state("stopped")
        return 0
