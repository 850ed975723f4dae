"""Follow-ups in a running order (round 18): a catalog's own "everything" choice, named with an article ("the
lot", "the works") or said with "but" ("with everything but onions": onions left off, not added), and a line of
several shared into parts when the last is "the other one plain" (where "plain" also shortens a product's
name, a "plain brat"). A catalog written here (a sausage stand)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_TOPPINGS = {"code": "toppings", "name": "toppings", "multiple": True, "amounts": True, "values": [
    {"code": "all", "name": "everything", "aliases": ["the lot", "the works", "all the toppings"]},
    {"code": "onion", "name": "onions", "aliases": ["onion"]},
    {"code": "kraut", "name": "sauerkraut", "aliases": ["kraut"]},
    {"code": "mustard", "name": "mustard"},
    {"code": "ketchup", "name": "ketchup"},
    {"code": "peppers", "name": "peppers", "aliases": ["pepper"]}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {"toppings": _TOPPINGS},
    "products": [
        {"sku": "BRAT", "name": "bratwurst", "price": "6.00", "stock": 50,
         "aliases": ["brat", "brats", "plain brat"], "options": ["toppings"]},
        {"sku": "KIELBASA", "name": "kielbasa", "price": "7.00", "stock": 50, "options": ["toppings"]},
        {"sku": "SODA", "name": "soda", "price": "2.00", "stock": 50},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat) -> list[tuple[str, int, frozenset[str]]]:
    """(sku, count, the choices on it) per line, those turned down ("no onions") left out."""
    return [(ln.sku, ln.quantity, frozenset(o.value for o in ln.options if o.amount != "none"))
            for ln in chat.session.cart.lines]


@pytest.mark.parametrize(("said", "want"), [
    ("a brat with the works", [("BRAT", 1, frozenset({"all"}))]),
    ("can i get a kielbasa with the lot", [("KIELBASA", 1, frozenset({"all"}))]),
    ("two brats with the lot and a soda", [("BRAT", 2, frozenset({"all"})), ("SODA", 1, frozenset())]),
    ("the works on a kielbasa please", [("KIELBASA", 1, frozenset({"all"}))]),
])
def test_a_choice_named_with_its_article_is_that_choice(chat: Chat, said: str,
                                                        want: list[tuple[str, int, frozenset[str]]]) -> None:
    chat.say(said)
    assert _lines(chat) == want, chat.replies[-1].text


@pytest.mark.parametrize(("said", "want"), [
    ("a brat with everything but onions", frozenset({"all"})),
    ("a kielbasa with the works except kraut", frozenset({"all"})),
    ("a brat with the lot except onions and peppers", frozenset({"all"})),
    ("one brat with everything except the onions", frozenset({"all"})),
])
def test_the_catalogs_everything_choice_but_some_leaves_those_off(chat: Chat, said: str, want: frozenset[str]) -> None:
    chat.say(said)
    lines = _lines(chat)
    assert len(lines) == 1 and lines[0][2] == want, chat.replies[-1].text
    left = [o.value for o in chat.session.cart.lines[0].options if o.amount == "none"]
    assert left, chat.replies[-1].text  # what was left out is said as left out, not dropped


def test_everything_and_a_topping_still_adds_it(chat: Chat) -> None:
    chat.say("a brat with everything and onions")
    assert _lines(chat) == [("BRAT", 1, frozenset({"all", "onion"}))], chat.replies[-1].text


@pytest.mark.parametrize("parts", [
    "one with ketchup one with mustard and the other one plain",
    "one with ketchup one with mustard and the other plain",
    "one with kraut, one with onions, the other one plain",
])
def test_the_other_one_plain_shares_the_line(chat: Chat, parts: str) -> None:
    chat.say("three brats")
    chat.say(parts)
    got = sorted(_lines(chat), key=lambda x: sorted(x[2]))
    assert sum(n for _, n, _ in got) == 3, chat.replies[-1].text
    assert len(got) == 3 and all(n == 1 and sku == "BRAT" for sku, n, _ in got), chat.replies[-1].text
    assert frozenset() in [c for _, _, c in got], chat.replies[-1].text


def test_the_other_two_plain_keeps_two_as_they_are(chat: Chat) -> None:
    chat.say("three brats")
    chat.say("one with peppers and the other two plain")
    assert sorted(_lines(chat), key=lambda x: x[1]) == [("BRAT", 1, frozenset({"peppers"})),
                                                       ("BRAT", 2, frozenset())], chat.replies[-1].text


@pytest.mark.parametrize(("more", "change"), [
    ("and one more for my husband", "his with kraut"),
    ("another one for my wife", "make hers with onions"),
    ("one more of those for my son please", "his with mustard"),
])
def test_one_more_for_someone_is_theirs_when_changed(chat: Chat, more: str, change: str) -> None:
    """"A brat with peppers" - "one more for my husband" - "his with kraut": only the husband's brat changes."""
    chat.say("a brat with peppers")
    chat.say(more)
    assert _lines(chat) == [("BRAT", 2, frozenset({"peppers"}))], chat.replies[-1].text
    chat.say(change)
    got = sorted(_lines(chat), key=lambda x: len(x[2]))
    assert [n for _, n, _ in got] == [1, 1] and got[0][2] == frozenset({"peppers"}), chat.replies[-1].text


@pytest.mark.parametrize("put", [
    "and add onions to the brat",
    "put kraut on the bratwurst please",
    "add peppers and mustard to the brat",
    "can you add ketchup onto the brat",
])
def test_choices_put_onto_a_line_named_after_another_change_that_line(chat: Chat, put: str) -> None:
    """"A brat" - "a kielbasa" - "two sodas" - "and add onions to the brat": the brat line, no second brat."""
    chat.say("a brat")
    chat.say("a kielbasa")
    chat.say("two sodas")
    chat.say(put)
    assert chat.counts == {"BRAT": 1, "KIELBASA": 1, "SODA": 2}, chat.replies[-1].text
    brat = next(c for sku, _, c in _lines(chat) if sku == "BRAT")
    assert brat, chat.replies[-1].text


def test_another_one_with_a_choice_is_still_more(chat: Chat) -> None:
    chat.say("a brat")
    chat.say("two sodas")
    chat.say("add another brat with onions")
    assert chat.counts == {"BRAT": 2, "SODA": 2}, chat.replies[-1].text
