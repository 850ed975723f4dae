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
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from dialogue.types import Conversation, Reply, TurnMeta
from voice import priority
from voice.asr import Transcriber, Transcript, build_hotwords
from voice.audio import AudioChunk, AudioFormatError, concat
from voice.second_pass import SecondPass
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


def _grouped(values: list[str]) -> list[str]:
    """Option values that share their last word said once: "whole, skim, soy, oat or coconut milk"."""
    order: list[str] = []
    mods: dict[str, list[str]] = {}
    for v in values:
        words = v.split()
        head = words[-1] if len(words) >= 2 else v
        if head not in mods:
            mods[head] = []
            order.append(head)
        mods[head].append(" ".join(words[:-1]) if len(words) >= 2 else "")
    out: list[str] = []
    for head in order:
        m = [x for x in mods[head] if x]
        if not m:
            out.append(head)
            continue
        phrase = f"{m[0]} {head}" if len(m) == 1 else ", ".join(m[:-1]) + f" or {m[-1]} {head}"
        out.append((head + ", " if "" in mods[head] else "") + phrase)
    return out


def catalog_prompt(
    products: Iterable[object],
    max_chars: int = 900,
    min_share: float = 0.4,
    spell_numbers: bool = True,
    options: bool = True,
    compact: bool = True,
    grouped: bool = False,
) -> str:
    """A Whisper ``initial_prompt`` written like an order: product names, then option values, numbers spelled
    out as people say them. Measured on the barista set it biases the recognizer much more than ``hotwords``
    (see BENCHMARKS.md).

    ``compact`` (the default): parts are chosen by relevance within Whisper's prompt budget, never cut
    mid-list: the products that take the shared option groups (those at least ``min_share`` of the products
    have), then those groups whole (most products first), then the other products and groups while room is
    left. For the café every drink and every value of the seven shared groups is in — the previous prompt
    lost "oat milk", "coconut milk", "half and half" and "cream" to the budget. ``grouped`` also says phrases
    that share their last word once ("whole, skim or oat milk"): it fits more, but Whisper then wrote orders
    in that style ("double, shop, light, roast") and it measured worse (BENCHMARKS.md). ``compact=False`` is the
    previous prompt: values round-robin over the shared groups, products at most 40 % of the budget, trimmed
    by the transcriber from the end.
    """
    from dialogue.numbers import say_numbers_in

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
    order = sorted(groups, key=lambda c: -counts[c])

    def spell(name: str) -> str:
        return say_numbers_in(name) if spell_numbers else name

    if compact:
        # Whisper keeps 223 prompt tokens (about 3.4 characters a token for catalog words). Relevance order:
        # the products that take the shared options (the longest orders), the shared option groups (most
        # products first), the other products, the other groups; each part is in whole or left out.
        budget = min(max_chars, 720) - 12
        shared = [c for c in order if counts[c] >= min_share * max(1, len(items))]
        rest = [c for c in order if c not in shared]

        def takes_shared(p: object) -> bool:
            return any(g.code in shared for g in getattr(p, "option_groups", ()))

        # (names, whole): an option group is in whole or not at all; a product list may be cut between names
        parts: list[tuple[list[str], bool]] = [
            ([spell(str(getattr(p, "name", ""))) for p in ranked if takes_shared(p)], False),
            *(([spell(v) for v in groups[c]], True) for c in (shared if options else ())),
            ([spell(str(getattr(p, "name", ""))) for p in ranked if not takes_shared(p)], False),
            *(([spell(v) for v in groups[c]], True) for c in (rest if options else ())),
        ]
        body = ""
        seen: set[str] = set()
        for names, whole in parts:
            vals = [v for v in dict.fromkeys(names) if v and v.lower() not in seen]
            while vals:
                part = ", ".join(_grouped(vals) if grouped else vals)
                if len(body) + len(part) + 2 <= budget:
                    body = f"{body}; {part}" if body else part
                    seen.update(v.lower() for v in vals)
                    break
                vals = [] if whole else vals[:-1]
        return f"An order: {body}." if body else ""
    shared_vals = [groups[c] for c in order if counts[c] >= min_share * max(1, len(items))]
    # option values round-robin over the shared groups (one value of each group in turn), so every group
    # is represented when the budget runs out; products get at most 40 % of the budget
    options_part: list[str] = []
    for i in range(max((len(v) for v in shared_vals), default=0)) if options else ():
        options_part.extend(v[i] for v in shared_vals if i < len(v))
    products_part = [spell(n) for n in products_part]
    options_part = [spell(n) for n in options_part]
    budget = max_chars - 12
    first = build_hotwords(products_part, max_chars=budget * 2 // 5 if options_part else budget)
    rest_s = build_hotwords(options_part, max_chars=budget - len(first) - 2) if options_part else ""
    body = ", ".join(x for x in (first, rest_s) if x)
    return f"An order: {body}." if body else ""


class SpeculationWithdrawn(Exception):
    """A speculative decode given up before it ran (the caller went on talking)."""


@dataclass
class Speculation:
    """A decode started at a speculative pause; with a completeness check, ``complete()`` becomes True once
    the decode is done and the dialogue calls its text a whole turn (semantic endpointing)."""

    audio: AudioChunk
    future: Future[Transcript]
    started: float
    verdict: bool = False
    checked: threading.Event = field(default_factory=threading.Event)
    withdrawn: threading.Event = field(default_factory=threading.Event)

    def complete(self) -> bool:
        return self.checked.is_set() and self.verdict

    def withdraw(self) -> None:
        """Not needed any more: if it has not started (or waits for its turn at a transcriber that can drop
        it: ``transcribe_unless``), it never runs, so a busy line does not decode words it will not use."""
        self.withdrawn.set()
        self.future.cancel()


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
        self.second_pass: SecondPass | None = None  # set by voice.commands.build_pipeline
        self._pool = ThreadPoolExecutor(max_workers=speculative_workers, thread_name_prefix="asr-spec")

    def session(
        self, conversation: Conversation, *, channel: str = "kiosk", caller_id: str | None = None, session_id: str = ""
    ) -> TurnProcessor:
        return TurnProcessor(self, conversation, channel=channel, caller_id=caller_id, session_id=session_id)

    def transcribe(self, audio: AudioChunk) -> Transcript:
        if self.prompt:
            return self.transcriber.transcribe(audio, hotwords=self.hotwords, prompt=self.prompt)
        return self.transcriber.transcribe(audio, hotwords=self.hotwords)

    def speculate(self, audio: AudioChunk, check: Callable[[str], bool] | None = None) -> Speculation:
        """Decode ``audio`` in the background; ``check(text)`` (if given) then says whether it is a whole turn."""
        withdrawn = threading.Event()
        spec = Speculation(audio, self._pool.submit(self._speculative, audio, withdrawn), time.perf_counter(),
                           withdrawn=withdrawn)
        if check is not None:

            def judge(fut: Future[Transcript]) -> None:
                ok = False
                try:
                    if not fut.cancelled() and fut.exception() is None and not fut.result().empty:
                        ok = bool(check(fut.result().text))
                except Exception:  # noqa: BLE001 - a failed check only means "wait for the long silence"
                    log.exception("completeness check failed")
                spec.verdict = ok
                spec.checked.set()

            spec.future.add_done_callback(judge)
        return spec

    def _speculative(self, audio: AudioChunk, withdrawn: threading.Event) -> Transcript:
        if withdrawn.is_set():
            raise SpeculationWithdrawn()
        unless = getattr(self.transcriber, "transcribe_unless", None)  # a transcriber with a queue drops it there
        if unless is None:
            return self.transcribe(audio)
        return unless(audio, withdrawn, hotwords=self.hotwords, prompt=self.prompt)  # type: ignore[no-any-return]

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
        self.semantic = True  # speculative decodes are checked for a whole turn (semantic endpointing)
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
        return self.pipeline.speculate(audio, self.is_complete if self.semantic else None)

    def is_complete(self, text: str) -> bool:
        """Is ``text`` a whole turn for this conversation now (``dialogue.completeness.is_complete``)? Read-only;
        False for a conversation that is not a dialogue ``Session``."""
        from dialogue.completeness import is_complete
        from dialogue.session import Session

        conv = self.conversation
        if not isinstance(conv, Session) or not self._lock.acquire(blocking=False):
            return False  # a turn in flight is changing the session: wait for the long silence
        try:
            return is_complete(conv, text)
        finally:
            self._lock.release()

    def _transcribe(self, audio: AudioChunk, early: Speculation | None, trace: TurnTrace) -> Transcript:
        if early is not None:
            if early.audio.audio == audio.audio:
                trace.speculative = "reused"
                trace.speculative_started = early.started
                return early.future.result()
            early.withdraw()
            trace.speculative = "discarded"
        return self.pipeline.transcribe(audio)

    def _again(self, audio: AudioChunk, first: Transcript, trace: TurnTrace) -> Transcript:
        """``first``, or what the :class:`~voice.second_pass.SecondPass` hears instead (the caller holds the
        turn lock, so the dialogue is read directly)."""
        sp = self.pipeline.second_pass
        if sp is None:
            return first
        with priority.retry():  # behind other callers' first decodes (voice.priority)
            return sp.hear(self.pipeline.transcriber, self.conversation, audio, first, trace,
                           hotwords=self.pipeline.hotwords)

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
            trace.decode_ms = transcript.decode_ms
            try:
                transcript = self._again(audio, transcript, trace)
            except Exception:  # noqa: BLE001 - the first transcript stands
                log.exception("second pass failed")
            trace.mark("transcript")
            trace.transcript = transcript.text
            trace.raw_transcript = transcript.raw_text
            trace.confidence = transcript.confidence
            trace.rejected = transcript.rejected
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
