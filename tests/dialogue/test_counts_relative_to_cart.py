"""Counts and money relative to the cart, and what-if questions accepted or rejected (corpus mt39):

- a what-if about the price ("is it cheaper if i get the twelve pack", "how much more is a large", "how much to add
  layered butter", "how much is a bowl of it", "would a four pack of highlighters be cheaper") is a price question
  that never changes the cart nor asks for a choice; about a line in the cart made otherwise, it says what that line
  would cost so and offers the change;
- only the go-ahead changes the line ("ok do that", "sure do that", "ok a bowl then", "yeah organic then", "ok go with
  the thousand", "ok do the twelve instead of the six"), never adding a second one; a no ("nah leave it", "ok leave
  the highlighters as they are then", "hmm nah never mind just the dogs") leaves the order as it is;
- "how much is a large latte" (an article: one more) is still a question about one more, as before;
- "double the fries we're sharing", "double the two liters": that line twice as many, no question, no new line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dialogue.asking import is_question
from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _talk(chat: Chat, *turns: str) -> str:
    text = ""
    for t in turns:
        text = chat.say(t).text
    return text


@pytest.mark.parametrize(("catalog", "before", "question"), [
    ("gyro", ["two chicken souvlaki skewers", "and a cup of the avgolemono"], "how much is a bowl of it"),
    ("cinema", ["a large popcorn and a medium coke"], "how much to add layered butter"),
    ("toystore", ["a five hundred piece jigsaw the lighthouse one", "and a uno"], "how much more is the thousand piece"),
    ("bottleshop", ["can i get a six pack of modelo", "and a bag of ice"], "is it cheaper if i get the twelve pack"),
    ("stationery", ["a ten pack of black ballpoint pens", "and two yellow highlighters"],
     "would a four pack of highlighters be cheaper"),
    ("donuts", ["half a dozen donuts assorted", "and a medium iced coffee with oat milk"],
     "ooh is it cheaper per donut if i get a dozen"),
    ("creamery", ["a double scoop of mint chip in a waffle cone", "and a chocolate milkshake"],
     "how much would the shake be if i made it a large"),
    ("cafe", ["a latte"], "would it be cheaper with a small"),
    ("cafe", ["two lattes"], "how much extra for oat milk in them"),
])
def test_a_what_if_question_never_changes_the_cart(shop: Shop, catalog: str, before: list[str], question: str) -> None:
    chat = shop(catalog)
    _talk(chat, *before)
    lines = chat.lines
    reply = chat.say(question).text
    assert chat.lines == lines
    assert "What " not in reply and "Which " not in reply  # no choice asked for, as if ordering


@pytest.mark.parametrize(("catalog", "turns", "sku", "group", "value"), [
    ("gyro", ["two chicken souvlaki skewers", "and a cup of the avgolemono", "how much is a bowl of it",
              "ok a bowl then"], "SOUP", "size", "bowl"),
    ("cinema", ["a large popcorn and a medium coke", "how much to add layered butter", "sure do that"],
     "POPCORN", "butter", "layered"),
    ("toystore", ["a five hundred piece jigsaw the lighthouse one", "and a uno", "how much more is the thousand piece",
                  "ok go with the thousand"], "JIGSAW", "pieces", "1000"),
    ("greengrocer", ["six bananas and a pound of red grapes", "two more bananas", "how much for organic grapes",
                     "yeah organic then"], "GRAPES", "growing", "organic"),
    ("bottleshop", ["can i get a six pack of modelo", "and a bag of ice", "is it cheaper if i get the twelve pack",
                    "ok do the twelve instead of the six"], "MODELO", "pack", "12"),
    ("cafe", ["a latte", "how much more is a large", "yes please"], "LATTE", "size", "large"),
    ("cafe", ["a latte", "would it be cheaper with a small", "ok go on then"], "LATTE", "size", "small"),
    ("cafe", ["a latte", "how much to add oat milk", "ok do that"], "LATTE", "milk", "oat"),
])
def test_the_go_ahead_changes_the_line_asked_about(shop: Shop, catalog: str, turns: list[str], sku: str, group: str,
                                                   value: str) -> None:
    chat = shop(catalog)
    _talk(chat, *turns[:-2])
    units = chat.counts
    offer = chat.say(turns[-2]).text
    assert "more than yours" in offer or "less than yours" in offer or "same as yours" in offer
    assert chat.counts == units  # asked only
    chat.say(turns[-1])
    mine = [opts for s, _, opts in chat.lines if s == sku]
    assert len(mine) == 1 and mine[0].get(group) == value  # that line changed, none added
    assert chat.counts == units


def test_the_go_ahead_names_the_line_not_the_focus(shop: Shop) -> None:
    chat = shop("greengrocer")
    _talk(chat, "six bananas and a pound of red grapes", "two more bananas", "how much for organic grapes",
          "yeah organic then")
    banana = next(opts for s, _, opts in chat.lines if s == "BANANA")
    assert banana.get("growing") != "organic"


def test_the_line_picked_by_a_choice_word_is_no_change(shop: Shop) -> None:
    chat = shop("creperie")
    _talk(chat, "a nutella banana crepe and a ham and cheese crepe on buckwheat",
          "how much would it be with an egg on the ham one", "ok yeah add the egg")
    crepe = next(opts for s, _, opts in chat.lines if s == "HAM-CHEESE")
    assert crepe.get("extras") == "egg"  # "the ham one" picked the line; no extra ham


@pytest.mark.parametrize(("catalog", "turns"), [
    ("creamery", ["a double scoop of mint chip in a waffle cone", "and a chocolate milkshake",
                  "how much would the shake be if i made it a large", "nah leave it"]),
    ("stationery", ["a ten pack of black ballpoint pens", "and two yellow highlighters",
                    "would a four pack of highlighters be cheaper", "ok leave the highlighters as they are then"]),
    ("hotdogs", ["two chicago dogs", "and a large cheese fries", "is it cheaper if i get them as combos",
                 "hmm nah never mind just the dogs"]),
    ("cafe", ["a latte", "how much to add oat milk", "no thanks keep it as it is"]),
    ("cafe", ["two lattes", "how much more for large ones", "never mind leave them"]),
])
def test_a_no_to_the_what_if_leaves_the_order(shop: Shop, catalog: str, turns: list[str]) -> None:
    chat = shop(catalog)
    _talk(chat, *turns[:-2])
    lines = chat.lines
    _talk(chat, *turns[-2:])
    assert chat.lines == lines


@pytest.mark.parametrize(("catalog", "turns", "dropped"), [
    ("fishmonger", ["two salmon fillets a pound each skin off", "and some halibut a pound and a half",
                    "how much is the halibut", "yikes never mind the halibut"], "HALIBUT"),
    ("fishmonger", ["two salmon fillets a pound each skin off", "and some halibut a pound and a half",
                    "how much is the halibut", "hmm nevermind the halibut"], "HALIBUT"),
    ("cafe", ["a latte and a blueberry muffin", "how much is the muffin", "hmm never mind the muffin"],
     "BLUEBERRY-MUFFIN"),
    ("pizzeria", ["a large pepperoni pizza", "and garlic knots", "how much are the garlic knots",
                  "yikes never mind the garlic knots"], "GARLIC-KNOTS"),
])
def test_never_mind_a_line_after_its_price_takes_it_off(shop: Shop, catalog: str, turns: list[str],
                                                        dropped: str) -> None:
    chat = shop(catalog)
    _talk(chat, *turns[:-1])
    kept = [line for line in chat.lines if line[0] != dropped]
    assert len(kept) < len(chat.lines)
    reply = chat.say(turns[-1]).text
    assert chat.lines == kept  # the line named is taken off, the rest as it was: no "leave it as it is"
    assert "as it is" not in reply


def test_a_price_with_an_article_is_still_about_one_more(shop: Shop) -> None:
    chat = shop("cafe")
    _talk(chat, "a latte")
    assert "Would you like one" in chat.say("how much is a large latte").text
    chat.say("yes")
    assert chat.counts["LATTE"] == 2  # the offer was one more, as before


@pytest.mark.parametrize(("catalog", "turns", "sku", "units"), [
    ("burgerjoint", ["hi i want a cheeseburger medium rare with bacon", "and fries",
                     "actually double the fries we're sharing"], "FRIES", 2),
    ("sliceshop", ["let me get a medium cheese pie", "and a two liter of coke", "you know what double the two liters"],
     "TWO-LITER", 2),
    ("cafe", ["a latte and two blueberry muffins", "double the muffins"], "BLUEBERRY-MUFFIN", 4),
    ("cafe", ["a latte and a blueberry muffin", "can you double my latte"], "LATTE", 2),
])
def test_double_the_named_line(shop: Shop, catalog: str, turns: list[str], sku: str, units: int) -> None:
    chat = shop(catalog)
    _talk(chat, *turns)
    assert chat.counts[sku] == units
    assert len([s for s, _, _ in chat.lines if s == sku]) == 1
    assert len(chat.lines) == 2


@pytest.mark.parametrize("text", ["ok do that", "sure do it", "yeah do that then", "do this please"])
def test_do_that_is_a_go_ahead_not_a_question(text: str) -> None:
    assert not is_question(text)


def test_do_you_still_asks() -> None:
    assert is_question("do that come in large")
    assert is_question("do the wings come with ranch")


def test_a_choice_no_line_has_is_the_one_asked_about(shop: Shop) -> None:
    chat = shop("sushi")
    _talk(chat, "can i get a chicken teriyaki bento", "and a miso soup")
    reply = chat.say("is the salmon one much more").text
    assert "salmon teriyaki bento" in reply and "more than yours" in reply  # not the price of a miso soup
    assert [opts.get("main") for s, _, opts in chat.lines if s == "BENTO"] == ["chicken_teriyaki"]


def test_a_what_if_is_about_the_product_in_the_cart(shop: Shop) -> None:
    chat = shop("petshop")
    _talk(chat, "i need a bag of dry cat food salmon", "and six cans of wet cat food chicken")
    lines = chat.lines
    reply = chat.say("would it be cheaper to get the twelve pack of cans").text
    assert "canned cat food" in reply and "dog" not in reply  # the cans in the cart, no list of every can
    assert chat.lines == lines


def test_the_go_ahead_on_both_lines(shop: Shop) -> None:
    chat = shop("petshop")
    _talk(chat, "a red dog collar medium", "and a red leash", "and a blue leash", "how much is the padded handle",
          "ok padded handle on both leashes")
    assert [opts.get("extras") for s, _, opts in chat.lines if s == "LEASH"] == ["padded_handle", "padded_handle"]


@pytest.mark.parametrize(("catalog", "first", "again", "sku"), [
    ("poke", "a build your own bowl white rice with salmon", "and a second bowl exactly the same", "BUILD-BOWL"),
    ("cafe", "a large latte with oat milk", "a second latte exactly the same please", "LATTE"),
])
def test_a_second_one_exactly_the_same_is_one_more(shop: Shop, catalog: str, first: str, again: str,
                                                   sku: str) -> None:
    chat = shop(catalog)
    chat.say(first)
    made = chat.lines[0][2]
    chat.say(again)
    assert chat.lines == [(sku, 2, made)]  # one more of that line, made the same: no echo, no new plain one
