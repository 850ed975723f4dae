"""Normalisation, spoken numbers, prices, amounts and speakable replies."""

from __future__ import annotations

import pytest

from dialogue.amounts import qualifier_before
from dialogue.asking import is_question
from dialogue.normalize import tokens
from dialogue.numbers import digit_string, price_range, say_price, to_digits
from dialogue.replies import say_list, sentence


@pytest.mark.parametrize(("text", "expected"), [
    ("Two 12-oz Cappucino's, 2% milk!", ["two", "12", "oz", "cappucinos", "2", "percent", "milk"]),
    ("twelve-ounce", ["twelve", "oz"]),
    ("I'd like that's it", ["i", "would", "like", "that", "is", "it"]),
    ("thats what i ordered", ["that", "is", "what", "i", "ordered"]),
    ("Café  AU   lait", ["cafe", "au", "lait"]),
    ("goood", ["good"]),
    ("less than $20", ["less", "than", "20", "dollars"]),
    ("", []),
])
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(("words", "digits"), [
    ("twenty four lattes", ["24", "lattes"]),
    ("a couple of mochas", ["2", "mochas"]),
    ("half a dozen muffins", ["6", "muffins"]),
    ("one hundred twenty three", ["123"]),
    ("that one", ["that", "one"]),
    ("four fifty", ["4", "50"]),
])
def test_spoken_numbers(words: str, digits: list[str]) -> None:
    assert to_digits(words.split()) == digits


@pytest.mark.parametrize(("words", "number"), [
    ("order four five one two", "4512"), ("forty five twelve", "4512"), ("four oh five one", "4051"),
    ("number 7 7 3 1", "7731"), ("my latte", None),
])
def test_digit_strings(words: str, number: str | None) -> None:
    assert digit_string(tokens(words)) == number


@pytest.mark.parametrize(("query", "limits"), [
    ("running shoes under eighty dollars", (None, 8000)),
    ("anything under fifty bucks", (None, 5000)),
    ("less than $20", (None, 2000)),
    ("between ten and twenty dollars", (1000, 2000)),
    ("over a hundred dollars", (10000, None)),
    ("cheaper than four fifty", (None, 450)),
    ("a latte", (None, None)),
])
def test_price_limits(query: str, limits: tuple[int | None, int | None]) -> None:
    assert price_range(tokens(query)) == limits


@pytest.mark.parametrize(("cents", "spoken"), [
    (450, "four fifty"), (400, "four dollars"), (100, "one dollar"), (99, "ninety nine cents"), (1, "one cent"),
    (1205, "twelve oh five"), (2000, "twenty dollars"), (12345, "one hundred twenty three dollars and forty five cents"),
])
def test_prices_as_people_say_them(cents: int, spoken: str) -> None:
    assert say_price(cents) == spoken


@pytest.mark.parametrize(("text", "amount", "words"), [
    ("a little bit of cream", "light", "a little bit of"), ("lots of sugar", "extra", "lots of"),
    ("a lot of milk", "extra", "a lot of"), ("some milk", "regular", "some"), ("a bit of milk", "light", "a bit of"),
    ("extra shot", "extra", "extra"), ("no sugar", "none", "no"), ("without cream", "none", "without"),
])
def test_amount_qualifiers(text: str, amount: str, words: str) -> None:
    toks = tokens(text)
    q = qualifier_before(toks, len(toks) - 1)
    assert q is not None and (q.amount, q.words) == (amount, words)


def test_questions_and_requests() -> None:
    assert is_question("what milks do you have")
    assert is_question("Do you have running shoes?")
    assert not is_question("can I get a latte")
    assert not is_question("is it possible to make a decaf mocha")
    assert not is_question("just what I ordered")
    assert not is_question("how are you")


def test_speakable_lists_and_sentences() -> None:
    assert say_list(["a", "b", "c", "d", "e"]) == "a, b, c, and two more"
    assert say_list(["a", "b"], "or") == "a or b"
    assert sentence("  **one** latte  ") == "One latte."


@pytest.mark.parametrize(("text", "question"), [
    ("I wonder what type of syrup you have", True), ("can you tell me which teas you have", True),
    ("what's up, I'd like a mocha please", False), ("how about a latte", False),
    ("do you think I can get a decaf cappuccino", False), ("is it at all possible to make it iced", False),
])
def test_lead_ins_and_polite_requests(text: str, question: bool) -> None:
    assert is_question(text) is question
