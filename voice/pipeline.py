"""One voice turn: utterance audio -> transcript -> ``Conversation.handle`` -> reply text -> reply audio.

API (shared by the kiosk loop, ``run-file``, ``demo``, the benchmark and the SIP bridge)::

    pipeline = VoicePipeline(transcriber, synthesizer, output_rate=8000, prompt=catalog_prompt(store.products()))
    turn = pipeline.session(conversation, channel="phone", caller_id="+15551234")  # one per call/shopper
    first = turn.greeting()                       # TurnResult: reply + audio at output_rate
    early = turn.speculate(utterance.audio)       # optional, at a speculative pause: decode in background
    result = turn.process(utterance.audio, endpoint_delay_ms=600, early=early)
    result.transcript, result.reply, result.audio, result.trace   # trace: voice.trace.TurnTrace
    turn.say("Are you still there?")              # a reply of the voice layer's own (not the dialogue's)

``voice.commands.build_pipeline(ctx, output_rate=8000)`` builds one from the configuration: the process-wide
shared Whisper (``voice.asr.shared_transcriber``, warmed up), the configured synthesizer, and the catalog
bias chosen by ``[voice] asr_bias`` (default: :func:`catalog_prompt`, measured best on the barista set).

One :class:`VoicePipeline` owns the shared, thread-safe transcriber (concurrent decodes bounded by the
transcriber's semaphore) and synthesizer, plus a small thread pool for speculative decodes; any number of
:class:`TurnProcessor` objects (one per conversation) may call it from their own threads. A turn never
raises for bad audio or a failing dialogue: it answers with a short spoken apology and records the error in
the trace. ``early`` is reused only if its audio is byte-identical to the final utterance.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from dialogue.types import Conversation, Reply, TurnMeta
from voice.asr import Transcriber, Transcript, build_hotwords
from voice.audio import AudioChunk, AudioFormatError, concat
from voice.trace import TurnTrace
from voice.tts import SynthesisError, Synthesizer

log = logging.getLogger(__name__)

NOT_HEARD = "Sorry, I didn't catch that. Could you say it again?"
TOO_LONG = "Sorry, that was too long for me. Could you say your order in a shorter sentence?"
NO_AUDIO = "I can't hear anything. Please check the microphone and try again."
FAILED = "Sorry, something went wrong on my side. Could you say that again?"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def catalog_hotwords(products: Iterable[object], max_chars: int = 400) -> str:
    """Hotwords from catalog products: names first, then option values and groups, then aliases."""
    names: list[str] = []
    later: list[str] = []
    for p in products:
        names.append(str(getattr(p, "name", "")))
        later.extend(str(a) for a in getattr(p, "aliases", ()))
        for g in getattr(p, "option_groups", ()):
            for v in g.values:
                names.append(str(v.name))
    return build_hotwords(names + later, max_chars=max_chars)


def catalog_prompt(
    products: Iterable[object],
    max_chars: int = 900,
    min_share: float = 0.4,
    spell_numbers: bool = True,
    options: bool = True,
) -> str:
    """A Whisper ``initial_prompt`` written like an order: product names, then the values of the option
    groups at least ``min_share`` of the products have (most shared first), numbers spelled out as people
    say them. Measured on the barista set it biases the recognizer much more than ``hotwords``
    (see BENCHMARKS.md). The transcriber trims a prompt to Whisper's 223-token budget from the end."""
    from dialogue.numbers import say_number

    items = list(products)
    # products with the most option groups first (the drinks of a café: the longest orders)
    ranked = sorted(items, key=lambda p: -len(getattr(p, "option_groups", ())))
    products_part = [str(getattr(p, "name", "")) for p in ranked]
    groups: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for p in items:
        for g in getattr(p, "option_groups", ()):
            counts[g.code] = counts.get(g.code, 0) + 1
            values = groups.setdefault(g.code, [])
            for v in g.values:
                if str(v.name) not in values:
                    values.append(str(v.name))
    shared = [groups[c] for c in sorted(groups, key=lambda c: -counts[c]) if counts[c] >= min_share * max(1, len(items))]
    # option values round-robin over the shared groups (one value of each group in turn), so every group
    # is represented when the budget runs out; products get at most 40 % of the budget
    options_part: list[str] = []
    for i in range(max((len(v) for v in shared), default=0)) if options else ():
        options_part.extend(v[i] for v in shared if i < len(v))
    if spell_numbers:

        def spell(name: str) -> str:
            return re.sub(r"\d+(?!\d|%)", lambda m: say_number(int(m.group(0))), name)

        products_part = [spell(n) for n in products_part]
        options_part = [spell(n) for n in options_part]
    budget = max_chars - 12
    first = build_hotwords(products_part, max_chars=budget * 2 // 5 if options_part else budget)
    rest = build_hotwords(options_part, max_chars=budget - len(first) - 2) if options_part else ""
    body = ", ".join(x for x in (first, rest) if x)
    return f"An order: {body}." if body else ""


@dataclass(frozen=True)
class Speculation:
    audio: AudioChunk
    future: Future[Transcript]
    started: float


@dataclass
class TurnResult:
    reply: Reply
    audio: AudioChunk
    transcript: Transcript | None = None
    trace: TurnTrace = field(default_factory=TurnTrace)


class VoicePipeline:
    """Shared recognizer + synthesizer + speculative-decode pool; hands out per-conversation processors."""

    def __init__(
        self,
        transcriber: Transcriber,
        synthesizer: Synthesizer,
        *,
        output_rate: int = 16000,
        hotwords: str | None = None,
        prompt: str | None = None,
        speculative_workers: int = 2,
    ):
        self.transcriber = transcriber
        self.synthesizer = synthesizer
        self.output_rate = output_rate
        self.hotwords = hotwords
        self.prompt = prompt
        self._pool = ThreadPoolExecutor(max_workers=speculative_workers, thread_name_prefix="asr-spec")

    def session(
        self, conversation: Conversation, *, channel: str = "kiosk", caller_id: str | None = None, session_id: str = ""
    ) -> TurnProcessor:
        return TurnProcessor(self, conversation, channel=channel, caller_id=caller_id, session_id=session_id)

    def transcribe(self, audio: AudioChunk) -> Transcript:
        if self.prompt:
            return self.transcriber.transcribe(audio, hotwords=self.hotwords, prompt=self.prompt)
        return self.transcriber.transcribe(audio, hotwords=self.hotwords)

    def speculate(self, audio: AudioChunk) -> Speculation:
        return Speculation(audio, self._pool.submit(self.transcribe, audio), time.perf_counter())

    def speak(self, text: str, trace: TurnTrace | None = None) -> AudioChunk:
        """Synthesize ``text`` sentence by sentence; the trace's ``first_audio`` mark is set after the first."""
        parts = [s for s in _SENTENCE.split(text.strip()) if s] or [""]
        chunks: list[AudioChunk] = []
        for part in parts:
            try:
                chunks.append(self.synthesizer.synthesize(part, self.output_rate))
            except SynthesisError as exc:
                log.error("speech synthesis failed: %s", exc)
                if trace is not None:
                    trace.error = f"tts: {exc}"
                break
            if trace is not None and "first_audio" not in trace.marks:
                trace.mark("first_audio")
        if trace is not None:
            trace.mark("tts")
        chunks = [c for c in chunks if c.frames] or [AudioChunk(self.output_rate, 2, 1, b"", 0)]
        return concat(chunks)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class TurnProcessor:
    """One conversation's turns. Not for concurrent use by several threads (one call = one processor)."""

    def __init__(
        self,
        pipeline: VoicePipeline,
        conversation: Conversation,
        *,
        channel: str = "kiosk",
        caller_id: str | None = None,
        session_id: str = "",
    ):
        self.pipeline = pipeline
        self.conversation = conversation
        self.channel = channel
        self.caller_id = caller_id
        self.session_id = session_id
        self.turns = 0
        self._lock = threading.Lock()

    def _trace(self) -> TurnTrace:
        return TurnTrace(turn=self.turns, session=self.session_id, channel=self.channel)

    def greeting(self) -> TurnResult:
        trace = self._trace()
        trace.mark("endpoint")
        reply = self.conversation.greeting()
        trace.reply = reply.text
        trace.mark("reply")
        return TurnResult(reply, self.pipeline.speak(reply.text, trace), None, trace)

    def speculate(self, audio: AudioChunk) -> Speculation:
        return self.pipeline.speculate(audio)

    def _transcribe(self, audio: AudioChunk, early: Speculation | None, trace: TurnTrace) -> Transcript:
        if early is not None:
            if early.audio.audio == audio.audio:
                trace.speculative = "reused"
                trace.speculative_started = early.started
                return early.future.result()
            early.future.cancel()
            trace.speculative = "discarded"
        return self.pipeline.transcribe(audio)

    def process(
        self,
        audio: AudioChunk,
        *,
        endpoint_delay_ms: float = 0.0,
        early: Speculation | None = None,
        endpoint_at: float | None = None,
    ) -> TurnResult:
        """Run one turn on an endpointed utterance (any format; converted for the recognizer)."""
        with self._lock:
            self.turns += 1
            trace = self._trace()
            trace.endpoint_delay_ms = endpoint_delay_ms
            trace.utterance_ms = audio.milliseconds
            trace.mark("endpoint", endpoint_at)
            transcript: Transcript | None = None
            try:
                transcript = self._transcribe(audio, early, trace)
            except AudioFormatError as exc:
                trace.error = f"audio: {exc}"
                text = TOO_LONG if "long" in str(exc) else NO_AUDIO if "zeros" in str(exc) else NOT_HEARD
                return self._local(text, trace)
            except Exception as exc:  # noqa: BLE001 - a turn must never take the kiosk down
                log.exception("transcription failed")
                trace.error = f"asr: {exc}"
                return self._local(FAILED, trace)
            trace.mark("transcript")
            trace.transcript = transcript.text
            trace.raw_transcript = transcript.raw_text
            trace.confidence = transcript.confidence
            trace.rejected = transcript.rejected
            trace.decode_ms = transcript.decode_ms
            if transcript.empty:
                return self._local(NOT_HEARD, trace, transcript)
            meta = TurnMeta(asr_confidence=transcript.confidence, caller_id=self.caller_id, channel=self.channel)
            try:
                reply = self.conversation.handle(transcript.text, meta)
            except Exception as exc:  # noqa: BLE001
                log.exception("the dialogue failed on %r", transcript.text)
                trace.error = f"dialogue: {exc}"
                return self._local(FAILED, trace, transcript)
            trace.reply = reply.text
            trace.mark("reply")
            return TurnResult(reply, self.pipeline.speak(reply.text, trace), transcript, trace)

    def say(self, text: str) -> TurnResult:
        """A reply of the voice layer's own (an idle re-prompt), not passed to the dialogue."""
        return self._local(text, self._trace())

    def _local(self, text: str, trace: TurnTrace, transcript: Transcript | None = None) -> TurnResult:
        reply = Reply(text=text)
        trace.reply = text
        trace.mark("reply")
        return TurnResult(reply, self.pipeline.speak(text, trace), transcript, trace)
