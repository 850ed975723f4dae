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


CATALOG = ["mocha", "iced mocha", "cappuccino", "iced coffee", "house coffee", "drip coffee", "coffee", "latte",
           "triple shot", "double shot", "sweetener", "skim milk", "whole milk", "twelve ounce"]
EVERYDAY = {"give", "me", "like", "don't", "when", "ice", "small", "lot", "brown", "sugar", "bit", "dark", "roast",
            "ounce", "twelve", "eight", "sixteen", "cream", "milk", "double", "shot", "triple", "coffee", "latte",
            "house", "iced", "sized", "light", "can", "get", "with", "an"}


@pytest.fixture(scope="module")
def catalog() -> SoundsLike:
    s = SoundsLike(CATALOG)
    assert s.available
    return s


@pytest.mark.parametrize(("heard", "said"), [
    ("I don't like a double shot and smoke with a bit of sugar.", "I don't like a double shot and mocha with a bit of sugar."),
    ("Give me a light roast, tepuccino, with a bit of sweetener.", "Give me a light roast, cappuccino, with a bit of sweetener."),
    ("Can I get an 8 ounce dice coffee?", "Can I get an 8 ounce iced coffee?"),  # a tie in sound: the spelling decides
    ("Give me a dark roast, ice haka, with cream.", "Give me a dark roast, iced mocha, with cream."),
])
def test_unplaced_words_are_respelled_as_the_catalog_phrase_they_sound_like(catalog: SoundsLike, heard: str,
                                                                            said: str) -> None:
    fixed, hits = catalog.respell(heard, lambda w: w in EVERYDAY)
    assert fixed == said  # digits and punctuation outside the span kept as written
    assert hits and all(h.distance <= catalog.threshold for h in hits)


@pytest.mark.parametrize("heard", [
    "a triple shot thick coffee",  # "triple shot thick" is not "triple shot" with a word dropped
    "a dark roast latte with cream",  # nothing unplaced
    "I'd like a glass of water",
    "a latte with a lot of sell",  # three sounds are too few to tell a phrase by
])
def test_placed_words_stay_and_unknown_ones_are_never_just_dropped(catalog: SoundsLike, heard: str) -> None:
    assert catalog.respell(heard, lambda w: w in EVERYDAY) == (heard, [])


def test_may_use_can_refuse_a_phrase(catalog: SoundsLike) -> None:
    heard = "a double shot and smoke"
    assert catalog.respell(heard, lambda w: w in EVERYDAY, may_use=lambda name, kept: name != "mocha")[0] == heard


def test_a_span_of_words_to_keep_is_not_repaired(sounds: SoundsLike) -> None:
    assert sounds.repair("I'd like a quaso, please.", keep=lambda w: w == "latte") is not None
    assert sounds.repair("a latte", keep=lambda w: w == "latte") is None
