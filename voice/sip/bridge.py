"""One phone call running the shared voice pipeline: the per-call handler the SIP engine drives.

Per call: a dialogue ``Conversation`` (its own session), a ``TurnProcessor`` from the shared
``VoicePipeline`` (one Whisper model for all calls, decodes bounded by its semaphore), a webrtcvad
``Endpointer`` and a worker thread. PJSIP's media thread only enqueues caller frames and dequeues reply
frames, so a slow turn on one call never stalls another call's audio.

Phone rules: a short notice ("you are talking to an automated assistant") that cannot be interrupted, then
the greeting; DTMF 1 / 2 / 0 mean yes / no / a person (passed in ``TurnMeta.dtmf``); a hand-off is a REFER
to ``transfer_to``, or else the caller hears how to reach the shop; a silent caller is re-prompted, then
the call ends politely. Every turn's latency (end of the caller's speech -> first reply frame out) is
reported through ``on_event``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dialogue.types import Action, Conversation, Reply, TurnMeta
from voice.audio import AudioChunk
from voice.pipeline import Speculation, TurnProcessor, TurnResult, VoicePipeline
from voice.sip.handler import SAMPLE_RATE, CallControl, CallInfo
from voice.sip.playout import Playout
from voice.trace import TurnTrace
from voice.vad import EndpointConfig, Endpointer

log = logging.getLogger(__name__)

DTMF_WORDS = {"1": "yes", "2": "no", "0": "I would like to talk to a person"}
EventSink = Callable[..., None]


@dataclass(frozen=True)
class PhoneSettings:
    notice: str = "You are talking to an automated assistant."
    transfer_to: str | None = None
    reach_shop: str = "Please call the shop during opening hours to talk to a person."
    transfer_failed: str = "Sorry, nobody could take the call."
    reprompt: str = "Are you still there? Tell me what you would like to order."
    goodbye_silent: str = "I can't hear anything, so I will hang up now. Goodbye."
    silence_s: float = 9.0  # silence after the assistant stopped speaking before a re-prompt
    reprompts: int = 1  # re-prompts before hanging up
    max_call_s: float = 900.0
    speculative: bool = True
    endpoint: EndpointConfig = field(default_factory=EndpointConfig)


class PhoneCall:
    """``CallHandler`` for one call (see ``voice.sip.handler``)."""

    def __init__(
        self,
        pipeline: VoicePipeline,
        conversation: Conversation,
        info: CallInfo,
        settings: PhoneSettings,
        on_event: EventSink | None = None,
    ):
        self.info = info
        self.settings = settings
        self.conversation = conversation
        self.turns: TurnProcessor = pipeline.session(
            conversation, channel="phone", caller_id=info.caller_id, session_id=info.call_id
        )
        self.pipeline = pipeline
        self.playout = Playout()
        self.endpointer = Endpointer(settings.endpoint)
        # semantic endpointing, as at the kiosk: a whole turn (by the speculative transcript) ends at a short pause
        self.endpointer.complete = lambda: self._early is not None and self._early.complete()
        self._inbox: queue.Queue[tuple[str, Any, float]] = queue.Queue(maxsize=500)  # ~10 s of frames
        self._emit = on_event or (lambda event, **kw: None)
        self._control: CallControl | None = None
        self._thread: threading.Thread | None = None
        self._over = threading.Event()
        self._early: Speculation | None = None
        self._hanging_up = False
        self._before_notice = True  # until the notice is queued: the caller is not listened to yet
        self.orders: list[str] = []
        self.latencies_ms: list[float] = []

    # --- CallHandler (SIP / media threads: never block) -----------------------------------------
    def on_start(self, info: CallInfo, control: CallControl) -> None:
        self._control = control
        self._thread = threading.Thread(target=self._run, name=f"call-{info.call_id[:8]}", daemon=True)
        self._thread.start()

    def on_audio(self, pcm: bytes) -> None:
        # decided as the frame arrives, not when the worker reads it: a worker running late must not listen to
        # what the caller said over the notice because the notice has finished by the time it gets there
        if self._before_notice or self.playout.uninterruptible:
            return
        self._put(("audio", pcm, time.perf_counter()))

    def next_audio(self) -> bytes | None:
        return self.playout.next_frame()

    def on_dtmf(self, digit: str) -> None:
        self._put(("dtmf", digit, time.perf_counter()))

    def on_transfer_status(self, status_code: int, final: bool) -> None:
        if final:
            self._put(("transfer", status_code, time.perf_counter()))

    def on_hangup(self, reason: str) -> None:
        self._over.set()
        self.playout.clear()
        self._put(("hangup", reason, time.perf_counter()))

    def _put(self, item: tuple[str, Any, float]) -> None:
        try:
            self._inbox.put_nowait(item)
        except queue.Full:  # the worker is far behind: drop the oldest audio, keep control events
            try:
                self._inbox.get_nowait()
                self._inbox.put_nowait(item)
            except (queue.Empty, queue.Full):
                pass

    # --- worker thread ---------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            try:
                self._say(self.settings.notice, interruptible=False)
            finally:
                self._before_notice = False  # from here on the queued notice itself keeps the caller unheard
            greeting = self.turns.greeting()
            self._play(greeting, interruptible=True)  # only the notice is heard in full
            self._loop()
        except Exception:  # noqa: BLE001 - end this call politely, never the line
            log.exception("call %s failed", self.info.call_id)
            self._emit("call_error", call=self.info.call_id)
            try:
                self.playout.clear()
                self._say(f"Sorry, something went wrong on my side. {self.settings.reach_shop}")
            except Exception:  # noqa: BLE001
                log.exception("could not apologise on call %s", self.info.call_id)
            self._hang_up()

    def _loop(self) -> None:
        started = time.monotonic()
        quiet_since = time.monotonic()
        reprompts = 0
        while not self._over.is_set():
            if time.monotonic() - started > self.settings.max_call_s:
                self._say("This call has reached its time limit. Goodbye.")
                self._hang_up()
                return
            try:
                kind, value, at = self._inbox.get(timeout=0.1)
            except queue.Empty:
                kind, value, at = "tick", None, time.perf_counter()
            if kind == "hangup":
                return
            if self.playout.busy or self.endpointer.in_speech:
                quiet_since = time.monotonic()
            if kind == "audio":
                if self.playout.uninterruptible:
                    continue  # a goodbye is heard in full (audio over the notice never gets queued: on_audio)
                if self._on_audio(value, at):
                    reprompts = 0
                    quiet_since = time.monotonic()
            elif kind == "dtmf":
                reprompts = 0
                quiet_since = time.monotonic()
                self._on_dtmf(str(value), at)
            elif kind == "transfer":
                self._on_transfer_done(int(value))
                quiet_since = time.monotonic()
            if self._hanging_up:
                return
            if time.monotonic() - quiet_since >= self.settings.silence_s:
                if reprompts >= self.settings.reprompts:
                    self._emit("silent_caller", call=self.info.call_id)
                    self._say(self.settings.goodbye_silent)
                    self._hang_up()
                    return
                reprompts += 1
                self._emit("reprompt", call=self.info.call_id)
                self._say(self.settings.reprompt, interruptible=True)
                quiet_since = time.monotonic()

    def _on_audio(self, pcm: bytes, at: float) -> bool:
        """Feed the endpointer; returns True when the caller was heard."""
        self.endpointer.strict = self.playout.busy
        heard = False
        for ev in self.endpointer.feed(AudioChunk(SAMPLE_RATE, 2, 1, pcm)):
            if ev.kind == "speech_start":
                heard = True
                if self.playout.busy and self.playout.interrupt():
                    self._emit("barge_in", call=self.info.call_id)
            elif ev.kind == "speculative_pause" and ev.utterance is not None and self.settings.speculative:
                self._early = self.turns.speculate(ev.utterance.audio)
            elif ev.kind == "speech_resumed":
                if self._early is not None:
                    self._early.withdraw()  # the caller went on: its decode, if still waiting, never runs
                self._early = None
            elif ev.kind == "speech_end" and ev.utterance is not None:
                heard = True
                delay_ms = max(0.0, ev.at_ms - ev.utterance.end_ms)
                early, self._early = self._early, None
                result = self.turns.process(ev.utterance.audio, endpoint_delay_ms=delay_ms, early=early, endpoint_at=at)
                self._after_turn(result)
                self.endpointer.reset()
        return heard

    def _on_dtmf(self, digit: str, at: float) -> None:
        word = DTMF_WORDS.get(digit)
        if word is None:
            self._emit("dtmf_ignored", call=self.info.call_id, digit=digit)
            return
        trace = TurnTrace(turn=self.turns.turns, session=self.info.call_id, channel="phone")
        trace.mark("endpoint", at)
        trace.transcript = f"[dtmf {digit}] {word}"
        meta = TurnMeta(caller_id=self.info.caller_id, channel="phone", dtmf=digit)
        try:
            reply = self.conversation.handle(word, meta)
        except Exception:  # noqa: BLE001
            log.exception("dialogue failed on DTMF %s", digit)
            reply = Reply("Sorry, something went wrong on my side. Could you say that again?")
        trace.reply = reply.text
        trace.mark("reply")
        audio = self.pipeline.speak(reply.text, trace)
        self._after_turn(TurnResult(reply, audio, None, trace))

    def _after_turn(self, result: TurnResult) -> None:
        reply, trace = result.reply, result.trace
        if reply.order_number:
            self.orders.append(reply.order_number)
        handoff = Action.HANDOFF in reply.actions
        if handoff and not self.settings.transfer_to:
            # nobody to transfer to: tell the caller how to reach the shop instead, then end politely
            text = f"{self.settings.reach_shop} Goodbye."
            trace.reply = text
            result = TurnResult(Reply(text, reply.actions), self.pipeline.speak(text), result.transcript, trace)
        self._play(result, interruptible=not reply.ends_conversation, trace=trace)
        if handoff and self.settings.transfer_to:
            self.playout.wait_idle(30)
            if self._control is not None and not self._over.is_set():
                self._emit("transfer", call=self.info.call_id, target=self.settings.transfer_to)
                self._control.transfer(self.settings.transfer_to)
        elif reply.ends_conversation:
            self._hang_up()

    def _on_transfer_done(self, status: int) -> None:
        if 200 <= status < 300:
            return  # the engine hangs up our leg
        self._emit("transfer_failed", call=self.info.call_id, status=status)
        self._say(f"{self.settings.transfer_failed} {self.settings.reach_shop}")
        self._hang_up()

    # --- output ----------------------------------------------------------------------------------
    def _play(self, result: TurnResult, *, interruptible: bool = True, trace: TurnTrace | None = None) -> None:
        audio = result.audio
        if (audio.rate, audio.width, audio.channels) != (SAMPLE_RATE, 2, 1):
            audio = audio.convert(SAMPLE_RATE, 2, 1)
        trace = trace or result.trace
        self.playout.queue(audio.audio, interruptible=interruptible, on_first_frame=self._latency_mark(trace, result))

    def _latency_mark(self, trace: TurnTrace, result: TurnResult) -> Callable[[float], None]:
        def mark(at: float) -> None:
            trace.mark("first_rtp", at)
            latency = trace.since_speech_end("first_rtp")
            if latency is not None and trace.transcript:
                self.latencies_ms.append(latency)
            self._emit(
                "turn",
                kind="caller" if trace.transcript else "greeting",
                call=self.info.call_id,
                caller=self.info.caller_id,
                transcript=trace.transcript,
                reply=result.reply.text,
                order=result.reply.order_number,
                actions=[str(a) for a in result.reply.actions],
                latency_ms=None if latency is None or not trace.transcript else round(latency, 1),
                decode_ms=round(trace.decode_ms, 1),
                speculative=trace.speculative,
                second_pass=trace.second_pass,
                # where the latency went: each stage's time since the end of the caller's speech
                **{f"{stage}_ms": round(v, 1) for stage in ("endpoint", "transcript", "reply", "first_audio")
                   if (v := trace.since_speech_end(stage)) is not None and trace.transcript},
            )

        return mark

    def _say(self, text: str, *, interruptible: bool = False) -> None:
        audio = self.pipeline.speak(text).convert(SAMPLE_RATE, 2, 1)
        self.playout.queue(audio.audio, interruptible=interruptible)

    def _hang_up(self, *, after_playout: bool = True) -> None:
        if self._hanging_up:
            return
        self._hanging_up = True
        if after_playout:
            self.playout.wait_idle(30)
            time.sleep(0.3)  # let the last RTP packets leave before the BYE
        if self._control is not None and not self._over.is_set():
            self._control.hangup()
