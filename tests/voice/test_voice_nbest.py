"""N-best catalog rescoring (pure functions) and the relevance-ordered catalog prompt."""

from __future__ import annotations

from typing import Any

from voice.asr import catalog_coverage, prompt_phrases, rescore
from voice.pipeline import catalog_prompt

PROMPT = "An order: latte, iced coffee, coffee; small, large; oat milk, skim milk."


def test_prompt_phrases_and_coverage() -> None:
    ph = prompt_phrases(PROMPT)
    assert ("iced", "coffee") in ph and ph[0] == max(ph, key=len)
    assert catalog_coverage("Get me a small iced coffee with oat milk.", ph) == 5
    assert catalog_coverage("Get me a small-laced coffee with milk.", ph) == 2


def test_a_lower_candidate_wins_only_by_enough_catalog_words() -> None:
    ph = prompt_phrases(PROMPT)
    hyps = [("a small laced coffee", -0.20), ("a small iced coffee", -0.25)]
    assert rescore(hyps, ph, 0.1) == 1
    assert rescore(hyps, ph, 0.01) == 0
    assert rescore([("yes", -0.1), ("yes latte", -0.9)], ph, 0.1) == 0  # no invented order from a weak candidate


def test_relevance_prompt_keeps_every_drink_and_shared_option(cafe_store: Any) -> None:
    p = catalog_prompt(cafe_store.products()).lower()
    assert len(p) <= 720
    for phrase in ("oat milk", "coconut milk", "half and half", "dark roast", "quad shot", "twenty ounce", "cortado"):
        assert phrase in p, phrase


def test_a_candidate_that_repeats_itself_gains_nothing() -> None:
    ph = prompt_phrases(PROMPT)
    assert catalog_coverage("a small latte, a small latte", ph) == catalog_coverage("a small latte", ph)
    assert rescore([("a small latte.", -0.2), ("a small latte, a small latte.", -0.21)], ph, 0.1) == 0


def test_amount_words_before_a_catalog_phrase_count_when_rescoring() -> None:
    ph = prompt_phrases("An order: mocha, latte; sugar, brown sugar; cream, whole milk.")
    misheard = "a mocha with latte brown sugar"
    said = "a mocha with lots of brown sugar"
    assert catalog_coverage(misheard, ph) > catalog_coverage(said, ph)  # "latte" is a catalog word
    assert catalog_coverage(said, ph, amounts=True) > catalog_coverage(misheard, ph, amounts=True)
    assert rescore([(misheard, -0.30), (said, -0.32)], ph, 0.1) == 1
    # a longer way of saying an amount gains nothing over a shorter one
    assert rescore([("a mocha with lots of sugar", -0.30), ("a mocha with a lot of sugar", -0.31)], ph, 0.1) == 0
    # amount words count only right before a catalog phrase, once per phrase
    assert catalog_coverage("lots of things", ph, amounts=True) == 0
    assert catalog_coverage("some sugar, some sugar", ph, amounts=True) == catalog_coverage("some sugar", ph, amounts=True)
