"""Sounds-like repair (``voice.phonetic``) with real espeak-ng phonemes: names whose spelling and sound part ways
are found from what Whisper wrote for them, and ordinary sentences are left alone."""

from __future__ import annotations

import shutil

import pytest

from voice.phonetic import SoundsLike, distance, phonemes

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (scripts/setup.sh)")

NAMES = ["croissant", "chocolate croissant", "almond croissant", "cortado", "banana bread", "cinnamon roll",
         "blueberry muffin", "brownie", "mocha", "latte", "coffee"]


@pytest.fixture(scope="module")
def sounds() -> SoundsLike:
    s = SoundsLike(NAMES)
    assert s.available
    return s


def test_phonemes_drop_stress_and_length_marks() -> None:
    assert phonemes("kwˈɑːsɑ̃") == ("k", "w", "ɑ", "s", "ɑ")
    assert phonemes("tʃˈɒklət") == ("tʃ", "ɒ", "k", "l", "ə", "t")


def test_distance_is_zero_for_the_same_and_small_for_alike_sounds() -> None:
    a = phonemes("kwˈɑːsɑ̃")
    assert distance(a, a) == 0.0
    assert distance(a, phonemes("kwˈeɪzəʊ")) < distance(a, phonemes("lˈɑːteɪ"))
    assert distance((), a) == 1.0


@pytest.mark.parametrize(("heard", "name"), [
    ("I'd like a quaso, please.", "croissant"),
    ("I'd like a quest, please.", "croissant"),
    ("I'd like a chocolate glass off, please.", "chocolate croissant"),
    ("i'd like a cortana", "cortado"),
])
def test_what_whisper_wrote_for_a_name_sounds_like_it(sounds: SoundsLike, heard: str, name: str) -> None:
    fixed = sounds.repair(heard)
    assert fixed is not None and name in fixed


@pytest.mark.parametrize("said", [
    "what's up, please?",
    "what are your opening hours",
    "I'd like to pay at the counter",
    "I'd like a glass of water",
    "yeah I don't think so",
    "off please",  # "off" is not "coffee": lengths must be alike
])
def test_ordinary_sentences_are_left_alone(sounds: SoundsLike, said: str) -> None:
    assert sounds.repair(said) is None


def test_bounded_and_off_without_names() -> None:
    assert not SoundsLike([]).available
    assert not SoundsLike(["item " + "x" * i for i in range(1, 31)], max_names=10).available
    long = SoundsLike(NAMES, max_words=3)
    assert long.repair("a b c quaso") is None  # only the first three words are read
