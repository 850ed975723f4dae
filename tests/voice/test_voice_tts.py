"""Speech synthesis (pyttsx3 by default, the espeak-ng command line on request and as its fallback): rates, threads,
no lost utterance, a Whisper round trip."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from voice.audio import rms_dbfs
from voice.tts import EspeakSynthesizer, Pyttsx3Synthesizer, SynthesisError, default_synthesizer


@pytest.fixture(scope="module", params=["pyttsx3", "espeak"])
def tts(request: Any) -> Pyttsx3Synthesizer | EspeakSynthesizer:
    """Both local speech paths (``default_synthesizer`` picks pyttsx3)."""
    if request.param == "pyttsx3":
        return Pyttsx3Synthesizer(cache_size=0)
    return EspeakSynthesizer(cache_size=0)


@pytest.mark.parametrize("rate", [8000, 16000, 48000])
def test_renders_at_the_requested_rate(tts: Pyttsx3Synthesizer | EspeakSynthesizer, rate: int) -> None:
    c = tts.synthesize("Your total is four dollars and fifty cents.", rate)
    assert (c.rate, c.width, c.channels) == (rate, 2, 1)
    assert 1.5 < c.seconds < 6 and rms_dbfs(c) > -40


def test_pyttsx3_renders_every_sentence_itself(caplog: Any) -> None:
    """Completion comes from the driver's own notification, not a timer: 40 sentences in a row, the first one
    right after the engine is made, none lost, none spoken by the fallback, no warning."""
    p = Pyttsx3Synthesizer(cache_size=0)
    for i in range(40):
        c = p.synthesize(f"Your total is {i} dollars and fifty cents.", 16000)
        assert 1.5 < c.seconds < 6 and rms_dbfs(c) > -40
    assert (p.failures, p.used_fallback) == (0, False)
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


def test_pyttsx3_warm_up_then_a_reply() -> None:
    p = Pyttsx3Synthesizer(cache_size=0, warm=True)
    assert p.synthesize("Anything else?", 8000).seconds > 0.5 and p.failures == 0


def test_repeated_and_threaded_calls(tts: Pyttsx3Synthesizer | EspeakSynthesizer) -> None:
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
    assert isinstance(default_synthesizer({"tts": "espeak"}), EspeakSynthesizer)
    assert isinstance(default_synthesizer({}), Pyttsx3Synthesizer)  # see default_synthesizer and bench/tts.py
    with pytest.raises(SynthesisError, match="unknown tts"):
        default_synthesizer({"tts": "festival"})


@pytest.mark.slow
def test_round_trip_through_whisper(tts: Pyttsx3Synthesizer | EspeakSynthesizer, whisper: Any) -> None:
    t = whisper.transcribe(tts.synthesize("Would you like anything else?", 16000))
    assert "anything else" in t.text.lower(), t
