"""Speech synthesis (the espeak-ng command line by default, pyttsx3 on request): rates, threads, a Whisper round trip."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from voice.audio import rms_dbfs
from voice.tts import EspeakSynthesizer, Pyttsx3Synthesizer, SynthesisError, default_synthesizer


@pytest.fixture(scope="module")
def tts() -> EspeakSynthesizer:
    """The default speech path (see ``default_synthesizer``)."""
    return EspeakSynthesizer(cache_size=0)


@pytest.mark.parametrize("rate", [8000, 16000, 48000])
def test_renders_at_the_requested_rate(tts: EspeakSynthesizer, rate: int) -> None:
    c = tts.synthesize("Your total is four dollars and fifty cents.", rate)
    assert (c.rate, c.width, c.channels) == (rate, 2, 1)
    assert 1.5 < c.seconds < 6 and rms_dbfs(c) > -40


def test_pyttsx3_on_request_always_gives_audio() -> None:
    """pyttsx3 (``tts = "pyttsx3"``) may lose an utterance under load; the reply is then still spoken by the
    command line."""
    p = Pyttsx3Synthesizer(cache_size=0)
    c = p.synthesize("Your total is four dollars and fifty cents.", 16000)
    assert 1.5 < c.seconds < 6 and rms_dbfs(c) > -40


def test_repeated_and_threaded_calls(tts: EspeakSynthesizer) -> None:
    results: dict[int, float] = {}

    def work(i: int) -> None:
        results[i] = tts.synthesize(f"Order number {i} is ready.", 16000).seconds

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6 and all(s > 1.0 for s in results.values())
    assert tts.synthesize("", 16000).frames == 0


def test_settings_choose_the_engine() -> None:
    assert isinstance(default_synthesizer({"tts": "pyttsx3"}), Pyttsx3Synthesizer)
    assert isinstance(default_synthesizer({}), EspeakSynthesizer)  # the one reliable path, see default_synthesizer
    with pytest.raises(SynthesisError, match="unknown tts"):
        default_synthesizer({"tts": "festival"})


@pytest.mark.slow
def test_round_trip_through_whisper(tts: EspeakSynthesizer, whisper: Any) -> None:
    t = whisper.transcribe(tts.synthesize("Would you like anything else?", 16000))
    assert "anything else" in t.text.lower(), t
