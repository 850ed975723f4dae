"""Speech over an OpenAI-compatible server, with the real ``openai`` client and a real loopback HTTP server.

The server (``stub_server``) answers ``/v1/audio/transcriptions`` with a scripted transcript and
``/v1/audio/speech`` with a generated tone: a stand-in for the speech *models*, not for the protocol.
The local fallbacks here are small recording stand-ins that implement the same Protocols.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest

from tests.llm.stub_server import StubServer
from voice.asr import Transcript
from voice.audio import AudioChunk
from voice.openai_speech import OpenAISynthesizer, OpenAITranscriber, SpeechServerSettings, speech_backends
from voice.tts import SynthesisError


def _speech(seconds: float = 1.0, rate: int = 8000) -> AudioChunk:
    t = np.arange(int(seconds * rate)) / rate
    return AudioChunk.from_float32((0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), rate)


class LocalASR:
    def __init__(self) -> None:
        self.calls: list[tuple[str | None, str | None]] = []

    def transcribe(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> Transcript:
        self.calls.append((hotwords, prompt))
        return Transcript("local words", 0.8, duration=chunk.seconds)


class LocalTTS:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def synthesize(self, text: str, rate: int) -> AudioChunk:
        self.calls.append(text)
        return AudioChunk(rate, 2, 1, b"\0\0" * (rate // 10), 0)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _settings(srv: StubServer, **kw: Any) -> SpeechServerSettings:
    return SpeechServerSettings(base_url=srv.base_url, model="whisper-1", **({"timeout_s": 2.0} | kw))


def test_transcription_sends_16k_wav_with_the_catalog_prompt_and_applies_the_guard(stub: StubServer) -> None:
    asr = OpenAITranscriber(_settings(stub), fallback=LocalASR())
    t = asr.transcribe(_speech(rate=8000), prompt="latte, cappuccino, oat milk")
    assert t.text == "two lattes please" and t.rejected is None and 0.5 < t.confidence <= 1.0
    assert t.segments and abs(t.duration - 1.0) < 0.01
    form = stub.requests[-1].form
    assert form["model"] == "whisper-1" and form["prompt"] == "latte, cappuccino, oat milk"
    assert form["response_format"] == "verbose_json" and form["language"] == "en"
    assert form["file"][:4] == b"RIFF"
    import io

    import soundfile as sf

    info = sf.info(io.BytesIO(form["file"]))
    assert (info.samplerate, info.channels, info.subtype) == (16000, 1, "PCM_16")


def test_hotwords_become_the_prompt_when_there_is_none(stub: StubServer) -> None:
    OpenAITranscriber(_settings(stub)).transcribe(_speech(), hotwords="mocha, chai")
    assert stub.requests[-1].form["prompt"] == "mocha, chai"


def test_the_hallucination_guard_applies_to_server_segments(stub: StubServer) -> None:
    stub.transcript_text = "Thank you."
    stub.transcript_segments = [{"id": 0, "text": "Thank you.", "avg_logprob": -0.9, "no_speech_prob": 0.7,
                                 "compression_ratio": 1.0, "start": 0.0, "end": 1.0}]
    t = OpenAITranscriber(_settings(stub)).transcribe(_speech())
    assert t.text == "" and t.rejected


def test_a_text_only_server(stub: StubServer) -> None:
    t = OpenAITranscriber(_settings(stub, response_format="json")).transcribe(_speech())
    assert t.text == "two lattes please" and t.confidence == 0.9 and t.segments == ()


def test_server_error_falls_back_to_the_local_model_then_waits_before_retrying(stub: StubServer) -> None:
    stub.asr_status = 500
    local, clock = LocalASR(), Clock()
    asr = OpenAITranscriber(_settings(stub, retry_after_s=30), fallback=local, clock=clock)
    assert asr.transcribe(_speech(), prompt="p").text == "local words"
    n = len(stub.requests)
    assert asr.transcribe(_speech()).text == "local words"  # within retry_after_s: the server is not asked
    assert len(stub.requests) == n and local.calls == [(None, "p"), (None, None)]
    stub.asr_status = 200
    clock.now = 31.0
    assert asr.transcribe(_speech()).text == "two lattes please"
    assert asr.failures == 1 and asr.fallbacks == 2


def test_a_slow_server_times_out_to_the_local_model(stub: StubServer) -> None:
    """The server holds its answer until released; the client's own timeout ends the wait."""
    stub.asr_block = True
    asr = OpenAITranscriber(_settings(stub, timeout_s=0.3), fallback=LocalASR())
    t0 = time.perf_counter()
    t = asr.transcribe(_speech())
    stub.release.set()
    assert t.text == "local words" and 0.3 <= time.perf_counter() - t0 < 3.0


def test_no_fallback_gives_an_empty_transcript_with_the_reason(stub: StubServer) -> None:
    stub.asr_status = 503
    t = OpenAITranscriber(_settings(stub)).transcribe(_speech())
    assert t.empty and "speech server failed" in (t.rejected or "")


def test_synthesis_returns_audio_at_the_rate_asked_and_is_cached(stub: StubServer) -> None:
    tts = OpenAISynthesizer(_settings(stub, voice="alloy"), fallback=LocalTTS())
    a = tts.synthesize("Two lattes with oat milk.", 8000)
    assert (a.rate, a.width, a.channels) == (8000, 2, 1) and 0.4 < a.seconds < 0.6  # five words, 100 ms each
    body = stub.requests[-1].json
    assert body == {"model": "whisper-1", "voice": "alloy", "input": "Two lattes with oat milk.",
                    "response_format": "wav"}
    n = len(stub.requests)
    assert tts.synthesize("Two lattes with oat milk.", 8000) is a and len(stub.requests) == n


@pytest.mark.parametrize("block", [False, True])
def test_synthesis_failure_or_timeout_uses_the_local_voice(stub: StubServer, block: bool) -> None:
    stub.speech_status, stub.tts_block = (200, True) if block else (500, False)
    local = LocalTTS()
    tts = OpenAISynthesizer(_settings(stub, timeout_s=0.3), fallback=local)
    chunk = tts.synthesize("Anything else?", 16000)
    stub.release.set()
    assert local.calls == ["Anything else?"] and chunk.rate == 16000


def test_synthesis_without_fallback_raises(stub: StubServer) -> None:
    stub.speech_status = 500
    with pytest.raises(SynthesisError):
        OpenAISynthesizer(_settings(stub)).synthesize("Hello", 16000)


def test_backends_from_config(stub: StubServer) -> None:
    local_asr, local_tts = LocalASR(), LocalTTS()
    asr, tts = speech_backends({}, {}, local_asr, lambda: local_tts)
    assert asr is local_asr and tts is local_tts  # no [asr]/[tts]: the local ones
    table = {"backend": "openai", "base_url": stub.base_url, "model": "m", "fallback": "none"}
    asr, tts = speech_backends(table, table, local_asr, lambda: local_tts)
    assert isinstance(asr, OpenAITranscriber) and asr.fallback is None
    assert isinstance(tts, OpenAISynthesizer) and tts.fallback is None
    asr, tts = speech_backends(table | {"fallback": "local"}, table | {"fallback": "local"}, local_asr,
                               lambda: local_tts)
    assert asr.fallback is local_asr and tts.fallback is local_tts  # type: ignore[union-attr]
