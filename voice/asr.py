"""Speech recognition behind the :class:`Transcriber` protocol; the default is faster-whisper on CPU (int8).

``transcriber.transcribe(chunk, hotwords=None) -> Transcript`` takes any :class:`~voice.audio.AudioChunk`
(converted to 16 kHz mono) and returns the text, a 0..1 ``confidence`` for the dialogue, the segments,
``no_speech_prob``, the audio ``duration`` and ``decode_ms``. ``rejected`` says why a result was thrown
away (silence, noise, a known Whisper invention such as "Thank you." on silence, repetition) — the text is
then empty.

:class:`WhisperTranscriber` loads the model once (see :mod:`voice.model_path`: never a hub download),
is safe to share between threads (concurrent decodes are bounded by a semaphore, ``max_concurrent``),
and has ``warm_up()``. :func:`build_hotwords` turns catalog product and option names into the bounded
``hotwords`` string Whisper is biased with.
"""

from __future__ import annotations

import math
import os
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from voice.audio import AudioChunk, speech_input
from voice.model_path import resolve_whisper_model

os.environ.setdefault("HF_HUB_OFFLINE", "1")

# Whisper pads every input to 30 s of features, so a 3 s command costs a 30 s encoder pass. CTranslate2's
# encoder accepts shorter inputs, and faster-whisper 1.2.1 pads through ``transcribe.pad_or_trim``; this
# wrapper pads to a per-thread length instead while a WhisperTranscriber with ``encoder_pad_s`` is decoding
# (other callers are unaffected: without the thread-local the standard 3000 frames are used).
_pad_local = threading.local()


def _install_short_padding() -> bool:
    try:
        import faster_whisper.transcribe as fwt
    except ImportError:
        return False
    original = getattr(fwt, "pad_or_trim", None)
    if original is None:
        return False
    if getattr(original, "_voicecart", False):
        return True

    def pad_or_trim(array: Any, length: int = 3000, *, axis: int = -1) -> Any:
        frames = getattr(_pad_local, "frames", None)
        if frames is not None and length == 3000:
            length = frames
        return original(array, length, axis=axis)

    pad_or_trim._voicecart = True  # type: ignore[attr-defined]
    fwt.pad_or_trim = pad_or_trim
    return True

class _NBestModel:
    """Wraps faster-whisper's CTranslate2 model: while a decode asks for it (``_pad_local.nbest``), beam search
    returns its ``num_hypotheses`` best candidates; faster-whisper still reads the first one, the others are
    recorded (token ids and length-normalised log-probability) for catalog rescoring."""

    def __init__(self, inner: Any):
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def generate(self, *args: Any, **kwargs: Any) -> Any:
        want = getattr(_pad_local, "nbest", None)
        if want is None or int(kwargs.get("beam_size", 1)) < 2:
            return self._inner.generate(*args, **kwargs)
        kwargs["num_hypotheses"] = min(int(want["size"]), int(kwargs["beam_size"]))
        result = self._inner.generate(*args, **kwargs)
        want["calls"].append([(list(ids), float(sc)) for ids, sc in zip(result[0].sequences_ids, result[0].scores, strict=False)])
        return result


def prompt_phrases(prompt: str | None) -> list[tuple[str, ...]]:
    """The catalog phrases of a prompt written like "An order: a, b c, d." as word tuples."""
    if not prompt:
        return []
    body = prompt.split(":", 1)[1] if prompt.lower().startswith("an order:") else prompt
    out = {tuple(_normalise(p).split()) for p in re.split(r"[,;]|\bor\b", body)}
    return sorted((p for p in out if p), key=len, reverse=True)


def catalog_coverage(text: str, phrases: Sequence[tuple[str, ...]], *, amounts: bool = False) -> int:
    """The words of the distinct catalog phrases found in ``text`` (longest phrase first, no overlaps); a
    phrase said twice counts once, so a candidate that repeats itself gains nothing. With ``amounts`` the
    dialogue's amount words right before a phrase count too, as two words whatever their length ("lots of
    sugar": 3; "latte sugar", a misheard "lots of", only 2; "a lot of sugar" no more than "lots of sugar")."""
    words = _normalise(text).split()
    used = [False] * len(words)
    found: set[tuple[str, ...]] = set()
    extra = 0
    for ph in phrases:
        n = len(ph)
        for i in range(len(words) - n + 1):
            if not any(used[i : i + n]) and tuple(words[i : i + n]) == ph:
                for k in range(i, i + n):
                    used[k] = True
                if amounts and ph not in found:
                    extra += _amount_before(words, used, i)
                found.add(ph)
    return sum(len(ph) for ph in found) + extra


def _amount_before(words: list[str], used: list[bool], i: int) -> int:
    """2 when the dialogue's amount words ("a little bit of") end right before word ``i`` and are no catalog
    phrase's (they are marked used), 1 for a one-word amount ("some"), else 0."""
    from dialogue.amounts import qualifier_before

    floor = i
    while floor > 0 and not used[floor - 1]:
        floor -= 1
    q = qualifier_before(words, i, floor)
    if q is None:
        return 0
    for k in range(q.start, i):
        used[k] = True
    return min(2, i - q.start)


def rescore(hyps: Sequence[tuple[str, float]], phrases: Sequence[tuple[str, ...]], weight: float,
            amounts: bool = True) -> int:
    """Index of the beam candidate with the best log-probability + ``weight`` x catalog words covered (the
    amount words said before a catalog phrase included: :func:`catalog_coverage`)."""
    best, best_score = 0, float("-inf")
    for i, (text, score) in enumerate(hyps):
        total = score + weight * catalog_coverage(text, phrases, amounts=amounts)
        if total > best_score + 1e-9:
            best, best_score = i, total
    return best


# Phrases Whisper is known to produce on silence and noise (its subtitle training data).
NOISE_PHRASES = frozenset(
    {
        "thank you",
        "thank you very much",
        "thanks for watching",
        "thank you for watching",
        "please subscribe",
        "subscribe",
        "you",
        "bye",
        "oh",
        "hmm",
        "um",
        "uh",
        "so",
        "the end",
        "subtitles by the amaraorg community",
        "music",
        "applause",
        "silence",
        "blank audio",
    }
)
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+")
_WORDS = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Segment:
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float


@dataclass(frozen=True)
class Transcript:
    text: str
    confidence: float  # 0..1
    segments: tuple[Segment, ...] = ()
    no_speech_prob: float = 0.0
    duration: float = 0.0  # seconds of audio
    decode_ms: float = 0.0
    rejected: str | None = None  # why the recognizer's output was discarded, if it was
    raw_text: str = ""  # what Whisper said before the guards
    alternatives: tuple[str, ...] = ()  # the other beam candidates (N-best), best first

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class DecodeRequest:
    """Audio checked and converted for Whisper, with the prompt (already fitted) and hotwords to decode it with."""

    samples: np.ndarray  # 16 kHz mono float32
    seconds: float
    hotwords: str | None = None
    prompt: str | None = None


class Transcriber(Protocol):
    def transcribe(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> Transcript: ...


@dataclass(frozen=True)
class GuardConfig:
    """Thresholds of the hallucination guard (Whisper's own defaults where it has them)."""

    no_speech_threshold: float = 0.6
    logprob_threshold: float = -1.0
    reject_logprob: float = -1.6  # below this the text is thrown away whatever no_speech says
    compression_ratio_threshold: float = 2.4
    noise_phrase_no_speech: float = 0.15  # a known noise phrase is rejected above this no-speech probability
    noise_phrase_logprob: float = -0.6  # ... or below this log-probability


def _normalise(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower().replace("-", " ")))


def clean_text(text: str) -> str:
    """Drop bracketed sound descriptions and squeeze whitespace."""
    return " ".join(_BRACKETED.sub(" ", text).split())


def collapse_repeats(text: str) -> str:
    """Drop a sentence that repeats the one before it word for word: Whisper sometimes writes a short answer
    twice ("Yes, please. Yes, please."), and the dialogue would read it as two answers."""
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        if sentence and (not out or _normalise(sentence) != _normalise(out[-1]) or not _normalise(sentence)):
            out.append(sentence)
    return " ".join(out)


def judge(segments: Sequence[Segment], guard: GuardConfig = GuardConfig()) -> tuple[str, float, float, str | None]:
    """(text, confidence, no_speech_prob, rejected reason) for decoded segments."""
    raw = clean_text(" ".join(s.text.strip() for s in segments))
    if not segments:
        return "", 0.0, 1.0, "no speech"
    no_speech = max(s.no_speech_prob for s in segments)
    weights = [max(1, len(s.text)) for s in segments]
    logprob = sum(s.avg_logprob * w for s, w in zip(segments, weights, strict=True)) / sum(weights)
    ratio = max(s.compression_ratio for s in segments)
    norm = _normalise(raw)
    if not norm:
        return "", 0.0, no_speech, "empty or punctuation only"
    if no_speech > guard.no_speech_threshold and logprob < guard.logprob_threshold:
        return "", 0.0, no_speech, f"no speech (p={no_speech:.2f}, logprob={logprob:.2f})"
    if logprob < guard.reject_logprob:
        return "", 0.0, no_speech, f"unreliable (logprob={logprob:.2f})"
    if ratio > guard.compression_ratio_threshold:
        return "", 0.0, no_speech, f"repetitive output (compression ratio {ratio:.1f})"
    if norm in NOISE_PHRASES and (no_speech > guard.noise_phrase_no_speech or logprob < guard.noise_phrase_logprob):
        return "", 0.0, no_speech, f"known noise phrase {raw!r} (p={no_speech:.2f}, logprob={logprob:.2f})"
    # Whisper's average log-probability is low for one-word answers ("no": about -0.9) even when right;
    # a linear map keeps those above the dialogue's "did I hear that right?" threshold (0.5).
    confidence = (1.0 + min(0.0, logprob) / 2.0) * (1.0 - max(0.0, no_speech - 0.5))
    return collapse_repeats(raw), max(0.0, min(1.0, confidence)), no_speech, None


def _looks_repetitive(segments: Sequence[Segment]) -> bool:
    if any(s.compression_ratio > 2.0 for s in segments) or len(segments) > 1:
        return True
    words = _normalise(" ".join(s.text for s in segments)).split()
    n = len(words)
    for size in range(3, n // 2 + 1):  # the same run of words said twice in a row
        for i in range(0, n - 2 * size + 1):
            if words[i : i + size] == words[i + size : i + 2 * size]:
                return True
    return False


def build_hotwords(names: Iterable[str], max_chars: int = 400) -> str:
    """A comma-separated, de-duplicated list of names, cut at ``max_chars`` (Whisper's prompt is bounded)."""
    seen: set[str] = set()
    out: list[str] = []
    size = 0
    for name in names:
        n = " ".join(str(name).split())
        key = n.lower()
        if not n or key in seen:
            continue
        extra = len(n) + (2 if out else 0)
        if size + extra > max_chars:
            break
        seen.add(key)
        out.append(n)
        size += extra
    return ", ".join(out)


@dataclass
class WhisperSettings:
    model: str | None = None  # directory; None = resolve (see voice.model_path)
    beam_size: int = 5
    cpu_threads: int = 2
    max_concurrent: int = 1
    compute_type: str = "int8"
    language: str = "en"
    temperatures: tuple[float, ...] = (0.0,)
    initial_prompt: str | None = None
    hotwords: str | None = None  # default hotwords when the caller passes none
    max_seconds: float = 30.0
    # Encode only the audio plus this much padding instead of a full 30 s window (None: standard Whisper).
    encoder_pad_s: float | None = 8.0
    # N-best catalog rescoring: beam candidates (<= beam_size) rescored with ``nbest_weight`` per word that
    # lies in a catalog phrase of the prompt (0 or 1 candidate: off)
    nbest: int = 5
    nbest_weight: float = 0.1
    nbest_amounts: bool = True  # the dialogue's amount words before a catalog phrase count as catalog words
    guard: GuardConfig = field(default_factory=GuardConfig)

    @classmethod
    def from_settings(cls, voice: dict[str, Any]) -> WhisperSettings:
        s = cls()
        if voice.get("whisper_model"):
            s.model = str(voice["whisper_model"])
        for key in ("beam_size", "cpu_threads", "max_concurrent"):
            if f"whisper_{key}" in voice:
                setattr(s, key, int(voice[f"whisper_{key}"]))
        if "whisper_encoder_pad_s" in voice:
            pad = voice["whisper_encoder_pad_s"]
            s.encoder_pad_s = None if pad in (None, "", "off", False) else float(pad)
        if "whisper_nbest" in voice:
            s.nbest = int(voice["whisper_nbest"])
        if "whisper_nbest_weight" in voice:
            s.nbest_weight = float(voice["whisper_nbest_weight"])
        if "whisper_nbest_amounts" in voice:
            s.nbest_amounts = bool(voice["whisper_nbest_amounts"])
        if "whisper_initial_prompt" in voice:
            s.initial_prompt = str(voice["whisper_initial_prompt"]) or None
        return s


class WhisperTranscriber:
    """faster-whisper, loaded once; thread-safe with at most ``max_concurrent`` decodes at a time."""

    def __init__(self, settings: WhisperSettings | None = None, *, model_dir: str | Path | None = None):
        self.settings = settings or WhisperSettings()
        self.model_dir = resolve_whisper_model(model_dir or self.settings.model)
        from faster_whisper import WhisperModel  # imported late: it is heavy

        t0 = time.perf_counter()
        self._model = WhisperModel(
            str(self.model_dir),
            device="cpu",
            compute_type=self.settings.compute_type,
            cpu_threads=self.settings.cpu_threads,
            num_workers=self.settings.max_concurrent,
            local_files_only=True,
        )
        self.load_ms = (time.perf_counter() - t0) * 1000.0
        if self.settings.nbest > 1:
            self._model.model = _NBestModel(self._model.model)
        self.rescored = 0  # decodes where a lower-ranked beam candidate won on catalog words
        self._slots = threading.BoundedSemaphore(self.settings.max_concurrent)
        self.short_padding = self.settings.encoder_pad_s is not None and _install_short_padding()
        self.fallbacks = 0  # decodes redone with the full 30 s window
        self._prompts: dict[str, str] = {}
        self._prompt_lock = threading.Lock()

    def warm_up(self) -> float:
        """Run one decode on a second of faint noise so the first real turn is not slow; returns ms."""
        t0 = time.perf_counter()
        noise = np.random.default_rng(0).normal(0.0, 0.001, 16000).astype(np.float32)
        self._decode(noise, None)
        return (time.perf_counter() - t0) * 1000.0

    def _frames(self, samples: np.ndarray) -> int | None:
        pad = self.settings.encoder_pad_s
        if not self.short_padding or pad is None:
            return None
        seconds = len(samples) / 16000.0 + pad
        return int(min(3000, max(200, math.ceil(seconds) * 100)))

    def _decode(self, samples: np.ndarray, hotwords: str | None, prompt: str | None = None) -> list[Segment]:
        with self._slots:
            frames = self._frames(samples)
            _pad_local.frames = frames
            try:
                segs = self._run(samples, hotwords, prompt)
            finally:
                _pad_local.frames = None
            if frames is not None and frames < 3000 and _looks_repetitive(segs):
                # a short encoder window occasionally makes the decoder loop: decode the standard way
                self.fallbacks += 1
                segs = self._run(samples, hotwords, prompt)
            return segs

    def _run(self, samples: np.ndarray, hotwords: str | None, prompt: str | None = None) -> list[Segment]:
        s = self.settings
        _pad_local.nbest = {"size": s.nbest, "calls": []} if s.nbest > 1 else None
        try:
            segs = self._run_model(samples, hotwords, prompt)
            _pad_local.last_nbest = _pad_local.nbest["calls"] if _pad_local.nbest else []
            return segs
        finally:
            _pad_local.nbest = None

    def _candidates(self, calls: list[list[tuple[list[int], float]]]) -> list[tuple[str, float]]:
        if len(calls) != 1:  # several windows or a temperature fallback: keep the 1-best
            return []
        tok = self._model.hf_tokenizer
        eot = tok.token_to_id("<|endoftext|>")
        return [(tok.decode([t for t in ids if t < eot]).strip(), sc) for ids, sc in calls[0]]

    def _run_model(self, samples: np.ndarray, hotwords: str | None, prompt: str | None = None) -> list[Segment]:
        s = self.settings
        segments, _info = self._model.transcribe(
            samples,
            language=s.language,
            beam_size=s.beam_size,
            temperature=list(s.temperatures),
            without_timestamps=True,
            condition_on_previous_text=False,
            vad_filter=False,
            initial_prompt=prompt or s.initial_prompt,
            hotwords=hotwords or None,
            compression_ratio_threshold=s.guard.compression_ratio_threshold,
            log_prob_threshold=s.guard.logprob_threshold,
            no_speech_threshold=s.guard.no_speech_threshold,
        )
        return [Segment(x.text, x.avg_logprob, x.no_speech_prob, x.compression_ratio) for x in segments]

    def fit_prompt(self, prompt: str | None, max_tokens: int = 215) -> str | None:
        """``prompt`` cut at a comma so it fits Whisper's prompt budget (faster-whisper would otherwise
        keep only its *last* 223 tokens, dropping the beginning)."""
        if not prompt:
            return None
        with self._prompt_lock:
            hit = self._prompts.get(prompt)
            if hit is not None:
                return hit
            tok = self._model.hf_tokenizer
            text = prompt
            while len(tok.encode(" " + text).ids) > max_tokens and "," in text:
                text = text[: text.rindex(",")].rstrip() + "."
            self._prompts[prompt] = text
            return str(text)

    def transcribe(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> Transcript:
        """``hotwords`` bias the decoder through faster-whisper's hotword prefix; ``prompt`` is an
        ``initial_prompt`` (previous-text context) that overrides the configured one for this call."""
        return self.decode(self.prepare(chunk, hotwords, prompt))

    def prepare(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> DecodeRequest:
        """Check and convert ``chunk`` (raises :class:`~voice.audio.AudioFormatError`) and fit its prompt."""
        audio = speech_input(chunk, max_seconds=self.settings.max_seconds)
        return DecodeRequest(
            samples=audio.to_float32(),
            seconds=audio.seconds,
            hotwords=hotwords if hotwords is not None else self.settings.hotwords,
            prompt=self.fit_prompt(prompt) or self.settings.initial_prompt,
        )

    def decode(self, req: DecodeRequest) -> Transcript:
        """One prepared request, on its own."""
        t0 = time.perf_counter()
        _pad_local.last_nbest = []
        segs = self._decode(req.samples, req.hotwords, req.prompt)
        hyps = self._candidates(getattr(_pad_local, "last_nbest", []))
        return self._finish(req, segs, hyps, t0)

    def decode_batch(self, reqs: Sequence[DecodeRequest]) -> list[Transcript]:
        """Several prepared requests decoded together: each is encoded on its own (with the batch's longest
        window), then one beam search runs over all of them, which on 2 cores costs 5–25 % less CPU than one
        search each (BENCHMARKS.md). Requests with different prompts or hotwords are decoded in separate batches.
        The result for each request is what :meth:`decode` gives for it with that window."""
        out: list[Transcript | None] = [None] * len(reqs)
        groups: dict[tuple[str | None, str | None], list[int]] = {}
        for i, r in enumerate(reqs):
            groups.setdefault((r.prompt, r.hotwords), []).append(i)
        for (prompt, hotwords), idx in groups.items():
            if len(idx) == 1 or not self.short_padding:
                for i in idx:
                    out[i] = self.decode(reqs[i])
                continue
            t0 = time.perf_counter()
            with self._slots:
                results = self._run_batch([reqs[i].samples for i in idx], hotwords, prompt)
            for i, (segs, hyps) in zip(idx, results, strict=True):
                if _looks_repetitive(segs):  # as in _decode: this one again with the standard window
                    self.fallbacks += 1
                    with self._slots:
                        segs = self._run(reqs[i].samples, hotwords, prompt)
                    hyps = self._candidates(getattr(_pad_local, "last_nbest", []))
                out[i] = self._finish(reqs[i], segs, hyps, t0)
        done = [t for t in out if t is not None]
        if len(done) != len(reqs):  # never hand one call's words to another
            raise RuntimeError("a batched decode lost a result")
        return done

    def _run_batch(
        self, batch: Sequence[np.ndarray], hotwords: str | None, prompt: str | None
    ) -> list[tuple[list[Segment], list[tuple[str, float]]]]:
        """Mirrors faster-whisper 1.2.1's ``transcribe`` for one window per request (``without_timestamps``,
        temperature 0, beam search): the same prompt, suppressed tokens, scores and no-speech rule."""
        import ctranslate2
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_compression_ratio, get_suppressed_tokens

        s, m = self.settings, self._model
        frames = max(self._frames(x) or 3000 for x in batch)
        feats = []
        for x in batch:
            f = m.feature_extractor(x)[:, :-1][:, :frames]  # faster-whisper drops the last (partial) frame
            feats.append(np.pad(f, ((0, 0), (0, frames - f.shape[1]))))
        tok = Tokenizer(m.hf_tokenizer, m.model.is_multilingual, task="transcribe", language=s.language)
        previous = tok.encode(" " + prompt.strip()) if prompt else []
        seq = m.get_prompt(tok, previous, without_timestamps=True, hotwords=hotwords)
        inner = getattr(m.model, "_inner", m.model)
        encoded = [inner.encode(ctranslate2.StorageView.from_array(f[None].astype(np.float32)), to_cpu=False)
                   for f in feats]
        stacked = np.concatenate([np.asarray(e) for e in encoded], axis=0) if len(encoded) > 1 else np.asarray(encoded[0])
        nbest = min(max(1, s.nbest), s.beam_size)
        results = inner.generate(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(stacked)),
            [list(seq) for _ in batch],
            beam_size=s.beam_size,
            patience=1.0,
            num_hypotheses=nbest,
            length_penalty=1.0,
            repetition_penalty=1.0,
            no_repeat_ngram_size=0,
            max_length=m.max_length,
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=get_suppressed_tokens(tok, [-1]),
            max_initial_timestamp_index=int(round(1.0 / m.time_precision)),
        )
        out: list[tuple[list[Segment], list[tuple[str, float]]]] = []
        eot = m.hf_tokenizer.token_to_id("<|endoftext|>")
        for r in results:
            tokens = r.sequences_ids[0]
            avg_logprob = r.scores[0] * len(tokens) / (len(tokens) + 1)
            text = tok.decode(tokens).strip()
            skip = r.no_speech_prob > s.guard.no_speech_threshold and avg_logprob <= s.guard.logprob_threshold
            segs = [] if skip else [Segment(" " + text, avg_logprob, r.no_speech_prob, get_compression_ratio(text))]
            hyps = ([(m.hf_tokenizer.decode([t for t in ids if t < eot]).strip(), float(sc))
                     for ids, sc in zip(r.sequences_ids, r.scores, strict=False)] if nbest > 1 else [])
            out.append((segs, hyps))
        return out

    def _finish(self, req: DecodeRequest, segs: list[Segment], hyps: list[tuple[str, float]], t0: float) -> Transcript:
        alternatives = tuple(h for h, _ in hyps[1:])
        if len(hyps) > 1 and len(segs) == 1 and req.prompt:
            pick = rescore(hyps, prompt_phrases(req.prompt), self.settings.nbest_weight, self.settings.nbest_amounts)
            if pick:
                self.rescored += 1
                x = segs[0]
                segs = [Segment(hyps[pick][0], x.avg_logprob, x.no_speech_prob, x.compression_ratio)]
        decode_ms = (time.perf_counter() - t0) * 1000.0
        raw = clean_text(" ".join(s.text.strip() for s in segs))
        text, conf, no_speech, rejected = judge(segs, self.settings.guard)
        return Transcript(
            text=text,
            confidence=conf,
            segments=tuple(segs),
            no_speech_prob=no_speech,
            duration=req.seconds,
            decode_ms=decode_ms,
            rejected=rejected,
            raw_text=raw,
            alternatives=alternatives,
        )


_shared: dict[tuple[str, str], WhisperTranscriber] = {}
_shared_lock = threading.Lock()


def shared_transcriber(settings: WhisperSettings | None = None) -> WhisperTranscriber:
    """One transcriber per model and settings per process (the SIP bridge and the loop share it); a caller with
    other settings (hotwords, prompt, rescoring) gets its own, never the first caller's."""
    s = settings or WhisperSettings()
    path = resolve_whisper_model(s.model)
    key = (str(path), repr(replace(s, model=None)))
    with _shared_lock:
        if key not in _shared:
            _shared[key] = WhisperTranscriber(s, model_dir=path)
        return _shared[key]
