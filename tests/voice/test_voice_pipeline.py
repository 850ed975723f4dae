"""One voice turn through the real recognizer, the real dialogue over the café catalog, and real TTS."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

from dialogue.session import Session
from voice.audio import AudioChunk, concat, silence
from voice.pipeline import NO_AUDIO, NOT_HEARD, TOO_LONG, VoicePipeline, catalog_prompt
from voice.tts import EspeakSynthesizer

pytestmark = pytest.mark.slow


@pytest.fixture
def pipeline(whisper: Any, cafe_store: Any) -> Any:
    p = VoicePipeline(whisper, EspeakSynthesizer(), output_rate=8000, prompt=catalog_prompt(cafe_store.products()))
    yield p
    p.close()


def test_a_spoken_order_lands_in_the_cart(pipeline: Any, cafe_store: Any, speak: Any) -> None:
    session = Session(cafe_store)
    turns = pipeline.session(session, channel="kiosk", session_id="t1")
    greet = turns.greeting()
    assert greet.audio.rate == 8000 and greet.audio.seconds > 1
    result = turns.process(speak("I would like a large latte with oat milk"), endpoint_delay_ms=600)
    assert result.transcript is not None and "latte" in result.transcript.text.lower()
    lines = session.cart.lines
    assert len(lines) == 1 and lines[0].name == "latte"
    assert {(o.group, o.value) for o in lines[0].options} >= {("size", "large"), ("milk", "oat")}
    assert result.reply.text and result.audio.rate == 8000 and result.audio.seconds > 1
    d = result.trace.to_dict()
    assert d["transcript"] == result.transcript.text and d["turn"] == 1
    assert d["first_audio_ms"] >= d["transcript_ms"] >= 600  # measured from the end of speech


def test_speculative_result_is_reused_only_for_identical_audio(pipeline: Any, cafe_store: Any, speak: Any) -> None:
    turns = pipeline.session(Session(cafe_store))
    audio = speak("a small coffee please")
    early = turns.speculate(audio)
    r = turns.process(audio, early=early)
    assert r.trace.speculative == "reused" and "coffee" in r.trace.transcript.lower()
    longer = concat([audio, speak("with soy milk", 0, 600)])
    r2 = turns.process(longer, early=turns.speculate(audio))
    assert r2.trace.speculative == "discarded" and "soy" in r2.trace.transcript.lower()


def test_bad_audio_gets_a_spoken_answer_not_a_crash(pipeline: Any, cafe_store: Any) -> None:
    session = Session(cafe_store)
    turns = pipeline.session(session)
    r = turns.process(silence(1500))
    assert r.reply.text == NO_AUDIO and r.audio.seconds > 1 and r.trace.error
    hiss = AudioChunk.from_float32(np.random.default_rng(3).normal(0, 0.1, 24000).astype(np.float32), 16000)
    r = turns.process(hiss)
    assert r.reply.text == NOT_HEARD and r.trace.rejected
    long = AudioChunk.from_float32(np.full(16000 * 40, 0.01, dtype=np.float32), 16000)
    assert turns.process(long).reply.text == TOO_LONG
    assert session.cart.is_empty()


def test_two_calls_share_one_recognizer_from_two_threads(pipeline: Any, cafe_store: Any, speak: Any) -> None:
    clips = [speak("a medium mocha please"), speak("an espresso please")]
    out: dict[int, str] = {}

    def call(i: int) -> None:
        turns = pipeline.session(Session(cafe_store), channel="phone", caller_id=f"+1555000{i}")
        out[i] = turns.process(clips[i]).trace.transcript.lower()

    threads = [threading.Thread(target=call, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert "mocha" in out[0] and "espresso" in out[1]
