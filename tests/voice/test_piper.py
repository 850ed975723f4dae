"""The natural voice (``voice.piper``): the real Piper process with the packaged, checksummed voice, heard back by
the real Whisper model. ``scripts/setup.sh`` installs Piper into ``.venv-piper``; without it these tests skip,
except in CI (``CI=true``), where a missing Piper is a failure."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.asr import clean_text
from voice.audio import AudioChunk
from voice.tts import SynthesisError, default_synthesizer


@pytest.fixture(scope="module")
def piper() -> Iterator[Any]:
    from voice.piper import PiperSynthesizer

    try:
        synth = PiperSynthesizer()
    except SynthesisError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Piper must be installed in CI: {exc}")
        pytest.skip(str(exc))
    yield synth
    synth.close()


def _words(text: str) -> set[str]:
    return set(clean_text(text).lower().replace(".", " ").replace(",", " ").replace("?", " ").split())


def test_piper_speaks_a_reply_that_whisper_hears_back(piper: Any, whisper: Any) -> None:
    chunk = piper.synthesize("Two large lattes with oat milk. Is that right?", 16000)
    assert isinstance(chunk, AudioChunk) and chunk.rate == 16000 and chunk.width == 2 and chunk.channels == 1
    assert 1.5 < chunk.seconds < 8.0
    samples = np.frombuffer(chunk.audio, dtype=np.int16)
    assert np.abs(samples).max() > 3000  # speech, not silence
    heard = _words(whisper.transcribe(chunk).text)
    assert {"large", "oat", "milk", "right"} <= heard, heard


def test_piper_output_at_the_phone_rate_and_cached(piper: Any) -> None:
    first = piper.synthesize("Anything else?", 8000)
    assert first.rate == 8000 and first.frames > 0
    assert piper.synthesize("Anything else?", 8000) is first  # replies repeat: served from the cache
    assert piper.synthesize("   ", 8000).frames == 0
    starts = piper.starts
    for nothing in ("...", "?", " - "):  # no words: silence, and Piper is not crashed by a line without audio
        assert piper.synthesize(nothing, 8000).frames == 0
    assert piper.synthesize("Okay.", 8000).frames > 0 and piper.starts == starts


def test_a_crashed_piper_is_replaced_on_the_next_sentence(piper: Any) -> None:
    piper.synthesize("Hello there.", 16000)
    assert piper._proc is not None
    piper._proc.kill()
    piper._proc.wait(10)
    chunk = piper.synthesize("Your order number is twelve.", 16000)  # not cached: a new process speaks it
    assert chunk.frames > 0 and piper.starts >= 2


def test_piper_keeps_no_files_and_its_directory_is_private(piper: Any) -> None:
    piper.synthesize("Thank you, goodbye.", 16000)
    directory: Path = piper._dir
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert list(directory.iterdir()) == []  # each WAV is read, then removed


def test_a_missing_piper_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError, match="Piper is not installed"):
        default_synthesizer({"tts": "piper", "piper_python": str(tmp_path / "nowhere" / "python")})


def test_a_voice_file_that_is_not_the_pinned_one_is_refused(piper: Any, tmp_path: Path) -> None:
    from voice.piper import DEFAULT_VOICE, PiperVoice, packaged_model

    wrong = PiperVoice(DEFAULT_VOICE.package, DEFAULT_VOICE.module, DEFAULT_VOICE.version, DEFAULT_VOICE.filename,
                       "0" * 64)
    with pytest.raises(SynthesisError, match="not the pinned"):
        packaged_model(piper.python, wrong)
    assert packaged_model(piper.python).name == DEFAULT_VOICE.filename  # the installed file matches its pin


def test_unknown_tts_names_the_choices() -> None:
    with pytest.raises(SynthesisError, match="'piper'"):
        default_synthesizer({"tts": "festival"})


def test_piper_is_not_imported_into_this_process(piper: Any) -> None:
    import sys

    piper.synthesize("Yes.", 16000)
    assert "piper" not in sys.modules  # GPL code stays in its own process
    assert shutil.which(str(piper.python)) is not None


def test_piper_says_one_reply_the_same_way_every_time(piper: Any) -> None:
    # Piper's sampled noise is off: a reply sounds the same each time (and the test above hears the same audio)
    first = piper.synthesize("Three small mochas with soy milk.", 16000)
    piper._cache = type(piper._cache)(8)  # past the cache: a second render by the Piper process
    again = piper.synthesize("Three small mochas with soy milk.", 16000)
    assert again is not first and again.frames > 0 and again.audio == first.audio
