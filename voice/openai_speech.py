"""Speech over an OpenAI-compatible server: a :class:`~voice.asr.Transcriber` over
``/v1/audio/transcriptions`` and a :class:`~voice.tts.Synthesizer` over ``/v1/audio/speech``.

For deployments where several kiosks and phone bridges share one recognizer and one voice (a GPU box running
an OpenAI-compatible speech server, or OpenAI itself). Chosen with ``[asr] backend = "openai"`` and
``[tts] backend = "openai"``; the default stays the local faster-whisper and espeak-ng.

* **Transcriber**: each turn is sent as 16 kHz mono 16-bit WAV with the catalog prompt (the same bias the local
  Whisper gets: ``[voice] asr_bias``; hotwords go into the prompt when no prompt is given). With
  ``response_format = "verbose_json"`` (default) Whisper-style segments come back and the same hallucination
  guard and confidence as the local model apply (:func:`voice.asr.judge`); a server that returns only text
  gets ``text_confidence`` (0.9: above the read-back threshold, so a plain-text server never makes every turn
  "did I hear that right?").
* **Synthesizer**: WAV from the server, converted to the rate the output needs, cached per (text, rate).
* **Timeouts and fallback**: every request is bounded by ``timeout_s`` (the client's own timeout, no
  retries). On a timeout or an error the turn goes to ``fallback`` (the local model: ``fallback = "local"``,
  the default) and, for ``retry_after_s`` (30 s), so do the next turns before the server is tried again, so
  an outage costs one timeout, not one per turn. Without a fallback the transcript is empty with the reason
  in ``rejected`` (the kiosk then says it did not catch that) and synthesis raises :class:`SynthesisError`.

What leaves the machine: the audio of every turn and the catalog prompt (ASR); every reply's text (TTS).
"""

from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voice.asr import Segment, Transcriber, Transcript, clean_text, collapse_repeats, judge
from voice.audio import AudioChunk, speech_input
from voice.tts import SynthesisError, Synthesizer, _Cache, _speakable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpeechServerSettings:
    """``[asr]`` or ``[tts]`` with ``backend = "openai"``."""

    base_url: str
    model: str
    api_key_env: str = "VOICECART_SPEECH_API_KEY"
    timeout_s: float = 3.0
    fallback: str = "local"
    retry_after_s: float = 30.0
    response_format: str = "verbose_json"  # ASR only: or "json" (text only)
    language: str = "en"  # ASR only
    voice: str = "alloy"  # TTS only

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> SpeechServerSettings:
        keys = ("base_url", "model", "api_key_env", "timeout_s", "fallback", "retry_after_s", "response_format",
                "language", "voice")
        kw: dict[str, Any] = {k: table[k] for k in keys if k in table}
        for k in ("timeout_s", "retry_after_s"):
            if k in kw:
                kw[k] = float(kw[k])
        return cls(**kw)


def _make_client(s: SpeechServerSettings) -> Any:
    import os

    import openai

    client = openai.OpenAI(base_url=s.base_url, api_key=os.environ.get(s.api_key_env) or "no-key",
                           timeout=s.timeout_s, max_retries=0)
    _ = client.audio.transcriptions, client.audio.speech  # lazily imported parts, at start
    return client


class _Breaker:
    """After a failure, skip the server for ``retry_after_s`` (on an injectable clock)."""

    def __init__(self, retry_after_s: float, clock: Callable[[], float]):
        self.retry_after_s, self.clock = retry_after_s, clock
        self._until = float("-inf")
        self._lock = threading.Lock()

    def open(self) -> bool:
        with self._lock:
            return self.clock() < self._until

    def trip(self) -> None:
        with self._lock:
            self._until = self.clock() + self.retry_after_s


class OpenAITranscriber:
    """A :class:`Transcriber` over ``/v1/audio/transcriptions``, with a local fallback."""

    def __init__(self, settings: SpeechServerSettings, *, fallback: Transcriber | None = None, client: Any = None,
                 clock: Callable[[], float] = time.monotonic, text_confidence: float = 0.9):
        self.settings = settings
        self.fallback = fallback
        self.client = client if client is not None else _make_client(settings)
        self.text_confidence = text_confidence
        self._breaker = _Breaker(settings.retry_after_s, clock)
        self.failures = 0
        self.fallbacks = 0

    def transcribe(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> Transcript:
        if self._breaker.open():
            return self._fallback(chunk, hotwords, prompt, "the speech server failed recently")
        audio = speech_input(chunk)
        t0 = time.perf_counter()
        try:
            raw = self._request(audio, prompt or hotwords)
        except Exception as exc:  # a timeout, an HTTP error, an unreadable answer: the local model takes over
            self.failures += 1
            self._breaker.trip()
            log.warning("speech server transcription failed (%s: %s)", type(exc).__name__, str(exc)[:200])
            return self._fallback(chunk, hotwords, prompt, f"speech server failed: {type(exc).__name__}")
        decode_ms = (time.perf_counter() - t0) * 1000.0
        return self._transcript(raw, audio.seconds, decode_ms)

    def _request(self, audio: AudioChunk, prompt: str | None) -> Any:
        import soundfile as sf

        buf = io.BytesIO()
        sf.write(buf, audio.to_float32(), audio.rate, format="WAV", subtype="PCM_16")
        kw: dict[str, Any] = {"file": ("turn.wav", buf.getvalue(), "audio/wav"), "model": self.settings.model,
                              "response_format": self.settings.response_format, "temperature": 0.0,
                              "timeout": self.settings.timeout_s}
        if self.settings.language:
            kw["language"] = self.settings.language
        if prompt:
            kw["prompt"] = prompt
        return self.client.audio.transcriptions.create(**kw)

    def _transcript(self, raw: Any, seconds: float, decode_ms: float) -> Transcript:
        text = str(getattr(raw, "text", "") or "")
        segs_raw = getattr(raw, "segments", None)
        if segs_raw:
            segs = tuple(Segment(str(_get(s, "text", "")), float(_get(s, "avg_logprob", 0.0)),
                                 float(_get(s, "no_speech_prob", 0.0)), float(_get(s, "compression_ratio", 1.0)))
                         for s in segs_raw)
            final, conf, no_speech, rejected = judge(segs)
            return Transcript(final, conf, segs, no_speech, seconds, decode_ms, rejected, clean_text(text))
        final = collapse_repeats(clean_text(text))
        return Transcript(final, self.text_confidence if final else 0.0, (), 0.0, seconds, decode_ms,
                          None if final else "empty", clean_text(text))

    def _fallback(self, chunk: AudioChunk, hotwords: str | None, prompt: str | None, why: str) -> Transcript:
        if self.fallback is None:
            return Transcript("", 0.0, duration=chunk.seconds, rejected=why)
        self.fallbacks += 1
        return self.fallback.transcribe(chunk, hotwords=hotwords, prompt=prompt)


def _get(obj: Any, key: str, default: Any) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    value = getattr(obj, key, default)
    return default if value is None else value


class OpenAISynthesizer:
    """A :class:`Synthesizer` over ``/v1/audio/speech`` (WAV), cached, with a local fallback."""

    def __init__(self, settings: SpeechServerSettings, *, fallback: Synthesizer | None = None, client: Any = None,
                 clock: Callable[[], float] = time.monotonic, cache_size: int = 128):
        self.settings = settings
        self.fallback = fallback
        self.client = client if client is not None else _make_client(settings)
        self._breaker = _Breaker(settings.retry_after_s, clock)
        self._cache = _Cache(cache_size)
        self.failures = 0
        self.fallbacks = 0

    def synthesize(self, text: str, rate: int) -> AudioChunk:
        t = _speakable(text)
        cached = self._cache.get((t, rate))
        if cached is not None:
            return cached
        if not t:
            return AudioChunk(rate, 2, 1, b"", 0)
        if self._breaker.open():
            return self._fallback(t, rate, "the speech server failed recently")
        try:
            chunk = self._request(t).convert(rate, 2, 1)
        except Exception as exc:  # a timeout, an HTTP error, audio that cannot be read
            self.failures += 1
            self._breaker.trip()
            log.warning("speech server synthesis failed (%s: %s)", type(exc).__name__, str(exc)[:200])
            return self._fallback(t, rate, f"speech server failed: {type(exc).__name__}")
        self._cache.put((t, rate), chunk)
        return chunk

    def _request(self, text: str) -> AudioChunk:
        import soundfile as sf

        resp = self.client.audio.speech.create(model=self.settings.model, voice=self.settings.voice, input=text,
                                               response_format="wav", timeout=self.settings.timeout_s)
        data, sr = sf.read(io.BytesIO(resp.content), dtype="float32")
        if data.ndim > 1:
            data = data.mean(axis=1)
        return AudioChunk.from_float32(data, int(sr), timestamp=0)

    def _fallback(self, text: str, rate: int, why: str) -> AudioChunk:
        if self.fallback is None:
            raise SynthesisError(f"{why} and no local fallback is configured ([tts] fallback)")
        self.fallbacks += 1
        return self.fallback.synthesize(text, rate)


def speech_backends(asr: dict[str, Any], tts: dict[str, Any], local: Transcriber | None,
                    local_voice: Callable[[], Synthesizer]) -> tuple[Transcriber, Synthesizer]:
    """The recognizer and synthesizer ``[asr]`` and ``[tts]`` ask for: the local ones by default; with
    ``backend = "openai"`` a speech server, falling back to the local one unless ``fallback = "none"``."""
    transcriber: Transcriber | None = local
    if asr.get("backend") == "openai":
        transcriber = OpenAITranscriber(SpeechServerSettings.from_table(asr),
                                        fallback=local if asr.get("fallback", "local") == "local" else None)
    if transcriber is None:
        raise ValueError("no recognizer: [asr] names no speech server and the local model was not loaded")
    if tts.get("backend") != "openai":
        return transcriber, local_voice()
    fallback = local_voice() if tts.get("fallback", "local") == "local" else None
    return transcriber, OpenAISynthesizer(SpeechServerSettings.from_table(tts), fallback=fallback)
