"""Semantic endpointing: the speculative transcript is checked with the dialogue's ``is_complete``; a whole
turn ends at the short pause, anything else waits for the long silence (stub recognizer, real dialogue)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from dialogue.session import Session
from voice.asr import Transcript
from voice.audio import AudioChunk, silence
from voice.pipeline import VoicePipeline
from voice.tts import EspeakSynthesizer


class Scripted:
    """A recognizer that hears ``text``; ``gate`` holds the decode until the test releases it."""

    def __init__(self, text: str):
        self.text = text
        self.gate = threading.Event()
        self.gate.set()

    def transcribe(self, chunk: AudioChunk, hotwords: str | None = None, prompt: str | None = None) -> Transcript:
        self.gate.wait(10)
        return Transcript(self.text, 0.95, raw_text=self.text)


@pytest.fixture
def turns(cafe_store: Any) -> Any:
    rec = Scripted("")
    p = VoicePipeline(rec, EspeakSynthesizer(), output_rate=16000)
    t = p.session(Session(cafe_store), session_id="s")
    t.recognizer = rec
    yield t
    p.close()


@pytest.mark.parametrize(
    ("heard", "whole"),
    [
        ("a small dark roast coffee", True),
        ("a large latte with", False),
        ("what's in my cart", True),
        ("can I get a", False),
    ],
)
def test_speculation_says_whether_the_turn_is_whole(turns: Any, heard: str, whole: bool) -> None:
    turns.recognizer.text = heard
    spec = turns.speculate(silence(500))
    spec.future.result(10)
    assert spec.checked.wait(10)
    assert spec.complete() is whole


def test_not_complete_until_the_decode_is_done(turns: Any) -> None:
    turns.recognizer.text = "a small dark roast coffee"
    turns.recognizer.gate.clear()
    spec = turns.speculate(silence(500))
    assert spec.complete() is False  # still decoding: the endpointer keeps waiting
    turns.recognizer.gate.set()
    spec.future.result(10)
    assert spec.checked.wait(10) and spec.complete()


def test_a_yes_to_the_read_back_is_whole(turns: Any) -> None:
    turns.recognizer.text = "a small dark roast coffee"
    turns.process(silence(500))
    turns.recognizer.text = "that's all"
    turns.process(silence(500))
    turns.recognizer.text = "yes"  # a lone "yes" may go on ("yes, please"): not whole yet
    spec = turns.speculate(silence(500))
    spec.future.result(10)
    assert spec.checked.wait(10) and not spec.complete()
    turns.recognizer.text = "yes please"
    spec = turns.speculate(silence(500))
    spec.future.result(10)
    assert spec.checked.wait(10) and spec.complete()


def test_off_when_the_processor_says_so(turns: Any) -> None:
    turns.semantic = False
    turns.recognizer.text = "a small dark roast coffee"
    spec = turns.speculate(silence(500))
    spec.future.result(10)
    assert not spec.checked.is_set() and spec.complete() is False
