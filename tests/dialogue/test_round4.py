"""Issue 11, round 4: general mechanisms found on two shops the engine had never seen (a bubble-tea shop and a
burger joint, ``tests/corpus/bobashop.jsonl`` and ``burgerjoint.jsonl``), each tested here on a small catalog
written for the test.

- A choice said as an item of its own ("a sandwich and two colas") is an item of the product whose choice it is;
  of several such products, the one the choice completes (the soda whose flavour is cola, not the meal that also
  needs its main chosen).
- "no wait, add X" adds X; "no, X" still swaps the line in focus.
- The answer to "which main for the meal?" naming a product that is also that choice is the choice.
- "what kinds do you have" to a choice just asked lists that group's values and keeps asking.
- "just two" / "only two" is the line's new count.
- "with jam (on all of them)" puts a choice also sold on its own on the line in focus.
- "X instead of the <choice> one" swaps the line that has that choice; the words after "instead of" describe the
  old line, not the new one.
- "what comes with the X" asks what the X is.
- "two colas and a ginger ale": a counted choice of a group the item before already has a value of is another item.
- "a cola and a ginger ale soda", "two sodas, a cola and a ginger ale": an article before each value of one group
  starts a line of its own, before the product or (when they add up to its count) after it.
- A value code that is an amount word ("extra" for "extra ice") is no name of the value.
- "the other with jam": a choice also sold on its own goes on the other unit of the line.
- "a pickle rye sandwich": a whole product name ("rye sandwich") beats a part of a longer one ("pickle rye") that
  overlaps it.
- "a club sandwich and chips": a word that names a product and a choice is the product when nothing named with it offers
  that choice.
- "three sandwiches, two rye sandwiches and a club sandwich": a count of a kind's word followed by items of that
  kind adding up to it sums them up.
- "what breads does the sandwich come in?" - "rye": the choice just listed, though "rye" also names a product.
- "one sourdough and the other white" to a line of two: one unit each.
- "do you have jam?" - "ok add jam" with a sandwich in focus: jam on that sandwich, no second sandwich.
- "never mind, remove it" after a read-back: the line is taken off (not read as a vague hedge).
- "two wraps and a sandwich, all with pickles": a bare "all" before choices after the last item puts them on every
  item.
- "a cola soda and a ginger ale soda, the cola one large": "the <choice> one" names the item said with that choice.
- "a small cola soda with ice and a large": a counted choice of a group the item's own modifiers already fill is
  another item; "a large tea and a small cola": "small" is the cola's.
- "with extra jam": an amount word and a choice, not a part of a longer product name ("extra jam on the side").
- "a wrap and a sandwich, pickles on both" / "no sugar in either": choices said after the last item and before such
  words go on every item.
- "two wraps and a tea, the wraps with jam": a product said again with "the" is the item said before.
- "two meal deals" - "which main?" - "one sandwich one wrap": a choice whose words also name a product, counted,
  shares out the line asked about.
- "three colas two ginger ales and a lemon lime": a count right after a choice item starts the next one.
- "three sodas cola ginger ale and lemon lime": as many values of a one-choice group as the count, one of each.
- A value named so in full ("lychee") beats one only shortened to it ("lychee" for "lychee jelly").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, store_of

_DRINKS = [{"code": "cola", "name": "cola", "aliases": ["colas"]},
           {"code": "lemon_lime", "name": "lemon lime"},
           {"code": "ginger_ale", "name": "ginger ale"}]

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "fillings": {"code": "fillings", "name": "fillings", "multiple": True, "amounts": True, "values": [
            {"code": "tomato", "name": "tomato"},
            {"code": "jam", "name": "jam", "price_delta": "0.50"},
            {"code": "pickles", "name": "pickles", "aliases": ["pickle"]}]},
        "cup": {"code": "size", "name": "size", "default": "medium", "values": [
            {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"},
            {"code": "large", "name": "large", "price_delta": "0.50"}]},
    },
    "products": [
        {"sku": "SANDWICH", "name": "sandwich", "aliases": ["sandwiches"], "price": "6.00", "category": "sandwiches",
         "options": [{"code": "bread", "name": "bread", "default": "white", "values": [
             {"code": "white", "name": "white"}, {"code": "rye", "name": "rye"}, {"code": "sourdough", "name": "sourdough"}]},
            "fillings"]},
        {"sku": "RYE-LOAF", "name": "rye", "aliases": ["rye loaf", "rye bread"], "price": "4.00"},
        {"sku": "WRAP", "name": "wrap", "aliases": ["wraps"], "price": "6.50", "options": ["fillings"]},
        {"sku": "MEAL-SIDE", "name": "side deal", "price": "3.00", "options": [
            {"code": "side", "name": "side", "required": True, "values": [{"code": "chips", "name": "chips"},
                                                                         {"code": "fruit", "name": "fruit cup"}]}]},
        {"sku": "SODA", "name": "soda", "aliases": ["sodas"], "price": "2.00", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": _DRINKS}, "cup"]},
        {"sku": "MEAL", "name": "meal deal", "aliases": ["meal", "combo"], "price": "9.00",
         "description": "a main of your choice and a drink", "options": [
            {"code": "main", "name": "main", "required": True, "values": [
                {"code": "sandwich", "name": "sandwich"}, {"code": "wrap", "name": "wrap"}]},
            {"code": "drink", "name": "drink", "required": True, "values": _DRINKS}]},
        {"sku": "JAM-POT", "name": "pot of jam", "aliases": ["jam"], "price": "2.50"},
        {"sku": "PICKLE-RYE-LOAF", "name": "dill pickle rye loaf", "price": "5.00", "category": "breads"},
        {"sku": "RYE-SANDWICH", "name": "rye sandwich", "aliases": ["rye sandwiches"], "price": "7.00",
         "category": "sandwiches", "options": ["fillings"]},
        {"sku": "CLUB", "name": "club sandwich", "price": "8.00", "category": "sandwiches"},
        {"sku": "CHIPS", "name": "chips", "price": "1.50"},
        {"sku": "FRUIT-CUP", "name": "fruit cup", "price": "3.00", "options": [
            {"code": "fruit", "name": "fruit", "default": "mango", "values": [
                {"code": "mango", "name": "mango"}, {"code": "lychee", "name": "lychee"}]},
            {"code": "jelly", "name": "jelly", "multiple": True, "values": [
                {"code": "lychee_jelly", "name": "lychee jelly"}, {"code": "grass_jelly", "name": "grass jelly"}]}]},
        {"sku": "JAM-SIDE", "name": "extra jam on the side", "price": "1.00"},
        {"sku": "TEA", "name": "tea", "price": "2.00", "options": [
            {"code": "sugar", "name": "sugar", "default": "full", "values": [
                {"code": "full", "name": "full sugar"}, {"code": "half", "name": "half sugar", "aliases": ["half"]}]},
            {"code": "ice", "name": "ice", "default": "regular", "values": [
                {"code": "regular", "name": "regular ice"}, {"code": "extra", "name": "extra ice"}]}, "fillings"]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    store = store_of(tmp_path, _SHOP)
    yield Chat(store)
    store.close()


_DEFAULTS = {("size", "medium"), ("sugar", "full"), ("bread", "white")}


def _cart(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    """The cart's lines, sorted, with single choices other than the defaults."""
    lines = [(sku, qty, {g: v for g, v in opts.items() if g not in ("fillings", "ice") and (g, v) not in _DEFAULTS})
             for sku, qty, opts in chat.lines]
    return sorted(lines, key=lambda ln: (ln[0], ln[1], sorted(ln[2].items())))


@pytest.mark.parametrize(("said", "want"), [
    ("two sandwiches and two colas", [("SANDWICH", 2, {}), ("SODA", 2, {"flavour": "cola"})]),
    ("a sandwich and a large ginger ale", [("SANDWICH", 1, {}), ("SODA", 1, {"flavour": "ginger_ale", "size": "large"})]),
    ("a wrap with pickles and a lemon lime please", [("SODA", 1, {"flavour": "lemon_lime"}), ("WRAP", 1, {})]),
])
def test_a_choice_said_as_an_item_is_an_item_of_the_product_it_completes(chat: Chat, said: str,
                                                                          want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _cart(chat) == want


def test_a_choice_the_product_next_to_it_offers_stays_its_choice(chat: Chat) -> None:
    chat.say("a meal with a wrap and a cola")
    assert _cart(chat) == [("MEAL", 1, {"drink": "cola", "main": "wrap"})]


def test_a_choice_after_the_one_standing_for_a_line_is_no_item(chat: Chat) -> None:
    chat.say("a sandwich and a tea")
    chat.say("make the tea one half sugar")
    assert sorted(sku for sku, _, _ in chat.lines) == ["SANDWICH", "TEA"]
    chat.say("two and a half sandwiches")
    assert sorted(sku for sku, _, _ in chat.lines) == ["SANDWICH", "TEA"]


def test_no_wait_add_adds_and_keeps_the_line(chat: Chat) -> None:
    chat.say("a wrap")
    chat.say("that's all")
    chat.say("no wait add a pot of jam")
    assert sorted(sku for sku, _, _ in chat.lines) == ["JAM-POT", "WRAP"]
    assert not chat.session.store.orders()


def test_no_with_a_product_still_swaps_the_line(chat: Chat) -> None:
    chat.say("a wrap")
    chat.say("no a sandwich")
    assert [sku for sku, _, _ in chat.lines] == ["SANDWICH"]


def test_an_answer_naming_a_product_that_is_a_choice_of_the_question_is_the_choice(chat: Chat) -> None:
    asked = chat.say("a meal deal")
    assert "main" in asked.text
    chat.say("sandwich")
    chat.say("ginger ale")
    assert _cart(chat) == [("MEAL", 1, {"drink": "ginger_ale", "main": "sandwich"})]


@pytest.mark.parametrize("question", ["what kinds do you have", "what are my options", "what flavours are there"])
def test_what_kinds_to_a_choice_asked_lists_that_choice_and_keeps_asking(chat: Chat, question: str) -> None:
    chat.say("a soda")
    reply = chat.say(question)
    assert all(name in reply.text for name in ("cola", "lemon lime", "ginger ale")), reply.text
    assert "sandwich" not in reply.text and not chat.lines
    chat.say("lemon lime")
    assert _cart(chat) == [("SODA", 1, {"flavour": "lemon_lime"})]


@pytest.mark.parametrize("said", ["just two", "only two", "actually two"])
def test_just_a_count_is_the_new_count_of_the_line(chat: Chat, said: str) -> None:
    chat.say("three wraps")
    chat.say(said)
    assert [(sku, qty) for sku, qty, _ in chat.lines] == [("WRAP", 2)]


@pytest.mark.parametrize("said", ["with jam on all of them", "with jam", "and with jam"])
def test_with_a_choice_that_is_also_sold_alone_goes_on_the_line_in_focus(chat: Chat, said: str) -> None:
    chat.say("three sandwiches")
    chat.say(said)
    assert [(sku, qty, opts.get("fillings")) for sku, qty, opts in chat.lines] == [("SANDWICH", 3, "jam")]


def test_a_pot_of_jam_said_as_an_item_is_still_the_item(chat: Chat) -> None:
    chat.say("three sandwiches")
    chat.say("and a pot of jam")
    assert sorted(sku for sku, _, _ in chat.lines) == ["JAM-POT", "SANDWICH"]


def test_instead_of_the_one_with_a_choice_swaps_that_line(chat: Chat) -> None:
    chat.say("a wrap and a cola soda")
    chat.say("a ginger ale soda instead of the cola one")
    assert _cart(chat) == [("SODA", 1, {"flavour": "ginger_ale"}), ("WRAP", 1, {})]


def test_what_comes_with_describes_the_product(chat: Chat) -> None:
    reply = chat.say("what comes with the meal deal")
    assert "main of your choice and a drink" in reply.text and not chat.lines


@pytest.mark.parametrize(("said", "want"), [
    ("two colas and a ginger ale", [("SODA", 1, {"flavour": "ginger_ale"}), ("SODA", 2, {"flavour": "cola"})]),
    ("four colas and two lemon limes", [("SODA", 2, {"flavour": "lemon_lime"}), ("SODA", 4, {"flavour": "cola"})]),
])
def test_a_second_value_of_a_one_choice_group_is_another_item(chat: Chat, said: str,
                                                             want: list[tuple[str, int, dict[str, str]]]) -> None:
    chat.say(said)
    assert _cart(chat) == want


@pytest.mark.parametrize("said", ["a cola and a ginger ale soda", "two sodas a cola and a ginger ale"])
def test_an_article_before_each_value_makes_a_line_each(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _cart(chat) == [("SODA", 1, {"flavour": "cola"}), ("SODA", 1, {"flavour": "ginger_ale"})]


def test_a_large_and_a_small_soda_is_two_sodas(chat: Chat) -> None:
    chat.say("a large and a small soda")
    chat.say("cola for both")
    assert sorted(opts["size"] for sku, _, opts in chat.lines if sku == "SODA") == ["large", "small"]


def test_articles_that_do_not_add_up_to_the_count_are_one_more(chat: Chat) -> None:
    chat.say("two large cola sodas and a small one")
    chat.say("ginger ale")
    assert sorted((qty, opts["size"]) for _, qty, opts in chat.lines) == [(1, "small"), (2, "large")]


def test_an_amount_word_code_is_no_name(chat: Chat) -> None:
    chat.say("a tea with extra jam")
    assert [(sku, opts.get("ice")) for sku, _, opts in chat.lines] == [("TEA", "regular")]


def test_the_other_with_a_choice_sold_alone_is_that_choice(chat: Chat) -> None:
    chat.say("two sandwiches")
    chat.say("one with pickles and the other with jam")
    assert sorted(opts.get("fillings", "") for _, _, opts in chat.lines) == ["jam", "pickles"]
    assert "JAM-POT" not in [sku for sku, _, _ in chat.lines]


def test_a_whole_name_beats_an_overlapping_part_of_a_longer_one(chat: Chat) -> None:
    chat.say("a pickle rye sandwich")
    assert [(sku, opts.get("fillings")) for sku, _, opts in chat.lines] == [("RYE-SANDWICH", "pickles")]


def test_a_product_that_is_also_a_choice_nobody_here_offers_is_the_product(chat: Chat) -> None:
    chat.say("a club sandwich and chips")
    assert sorted(sku for sku, _, _ in chat.lines) == ["CHIPS", "CLUB"]


def test_a_count_of_a_kind_followed_by_its_parts_sums_them_up(chat: Chat) -> None:
    chat.say("three sandwiches two rye sandwiches and a club sandwich")
    assert sorted((sku, qty) for sku, qty, _ in chat.lines) == [("CLUB", 1), ("RYE-SANDWICH", 2)]


def test_parts_that_do_not_add_up_are_items_of_their_own(chat: Chat) -> None:
    chat.say("two sandwiches two rye sandwiches and a club sandwich")
    assert sorted((sku, qty) for sku, qty, _ in chat.lines) == [("CLUB", 1), ("RYE-SANDWICH", 2), ("SANDWICH", 2)]


def test_a_choice_of_the_group_just_listed_is_that_choice(chat: Chat) -> None:
    chat.say("a sandwich")
    listed = chat.say("what breads does it come in")
    assert "sourdough" in listed.text
    chat.say("rye")
    assert [(sku, qty, opts.get("bread")) for sku, qty, opts in chat.lines] == [("SANDWICH", 1, "rye")]


def test_the_same_word_without_a_listing_is_the_product(chat: Chat) -> None:
    chat.say("a sandwich")
    chat.say("and a rye loaf")
    assert sorted(sku for sku, _, _ in chat.lines) == ["RYE-LOAF", "SANDWICH"]


def test_one_and_the_other_shares_a_line_of_two(chat: Chat) -> None:
    chat.say("two sandwiches")
    chat.say("one sourdough and the other white")
    assert sorted((sku, qty, opts.get("bread")) for sku, qty, opts in chat.lines) == [("SANDWICH", 1, "sourdough"),
                                                                                     ("SANDWICH", 1, "white")]


def test_add_a_choice_of_the_line_in_focus_changes_it(chat: Chat) -> None:
    chat.say("a wrap")
    chat.say("do you have pickles")
    chat.say("ok add pickles")
    assert [(sku, qty, opts.get("fillings")) for sku, qty, opts in chat.lines] == [("WRAP", 1, "pickles")]


def test_never_mind_remove_it_after_a_read_back_removes(chat: Chat) -> None:
    chat.say("a soda")
    chat.say("cola")
    chat.say("actually never mind remove it")
    assert chat.lines == [] and not chat.session.store.orders()


def test_all_before_choices_after_the_last_item_puts_them_on_every_item(chat: Chat) -> None:
    chat.say("two wraps and a sandwich, all with pickles")
    assert sorted((sku, qty, opts.get("fillings")) for sku, qty, opts in chat.lines) == [
        ("SANDWICH", 1, "pickles"), ("WRAP", 2, "pickles")]


def test_the_choice_one_names_the_item_said_with_that_choice(chat: Chat) -> None:
    chat.say("a cola soda and a ginger ale soda, the cola one large")
    assert _cart(chat) == [("SODA", 1, {"flavour": "cola", "size": "large"}), ("SODA", 1, {"flavour": "ginger_ale"})]


def test_a_counted_choice_its_own_modifiers_fill_is_another_item(chat: Chat) -> None:
    chat.say("a small cola soda and a large with ginger ale")
    assert _cart(chat) == [("SODA", 1, {"flavour": "cola", "size": "small"}),
                           ("SODA", 1, {"flavour": "ginger_ale", "size": "large"})]


def test_a_modifier_before_a_choice_item_is_that_items(chat: Chat) -> None:
    chat.say("a large tea and a small cola")
    assert _cart(chat) == [("SODA", 1, {"flavour": "cola", "size": "small"}), ("TEA", 1, {})]


def test_an_amount_and_a_choice_beat_part_of_a_longer_name(chat: Chat) -> None:
    chat.say("a sandwich with extra jam")
    assert [(sku, opts.get("fillings")) for sku, _, opts in chat.lines] == [("SANDWICH", "jam")]


@pytest.mark.parametrize("said", ["a wrap and a sandwich, pickles on both", "a wrap and a sandwich with pickles in either"])
def test_choices_then_on_both_go_on_every_item(chat: Chat, said: str) -> None:
    chat.say(said)
    assert sorted((sku, opts.get("fillings")) for sku, _, opts in chat.lines) == [("SANDWICH", "pickles"),
                                                                                 ("WRAP", "pickles")]


def test_a_product_said_again_with_the_is_the_item_before(chat: Chat) -> None:
    chat.say("two wraps and a tea, the wraps with jam")
    assert sorted((sku, qty, opts.get("fillings")) for sku, qty, opts in chat.lines) == [("TEA", 1, None),
                                                                                        ("WRAP", 2, "jam")]


def test_a_counted_choice_naming_a_product_shares_out_the_line_asked_about(chat: Chat) -> None:
    chat.say("two meal deals")
    chat.say("one sandwich one wrap")
    chat.say("cola for both")
    assert sorted(opts.get("main", "") for sku, _, opts in chat.lines if sku == "MEAL") == ["sandwich", "wrap"]
    assert {sku for sku, _, _ in chat.lines} == {"MEAL"}


def test_a_product_named_in_an_answer_is_not_taken_for_the_choice(chat: Chat) -> None:
    asked = chat.say("a meal deal with a wrap")
    assert "drink" in asked.text
    chat.say("and a ginger ale soda")
    assert ("SODA", 1, {"flavour": "ginger_ale"}) in _cart(chat)
    assert all(opts.get("drink") != "ginger_ale" for _, _, opts in chat.lines)


def test_a_count_after_a_choice_item_starts_the_next_item(chat: Chat) -> None:
    chat.say("three colas two ginger ales and a lemon lime")
    assert _cart(chat) == [("SODA", 1, {"flavour": "lemon_lime"}), ("SODA", 2, {"flavour": "ginger_ale"}),
                           ("SODA", 3, {"flavour": "cola"})]


def test_as_many_values_as_the_count_are_one_of_each(chat: Chat) -> None:
    chat.say("three sodas cola ginger ale and lemon lime")
    assert sorted(opts["flavour"] for _, qty, opts in chat.lines if qty == 1) == ["cola", "ginger_ale", "lemon_lime"]
    assert len(chat.lines) == 3



def test_a_value_named_in_full_beats_a_shortened_one(chat: Chat) -> None:
    lex = chat.session.lexicon
    assert {(t.group, t.value) for t in lex.phrases[("lychee",)] if t.kind == "option"} == {("fruit", "lychee")}
    assert ("jelly", "lychee_jelly") in {(t.group, t.value) for t in lex.phrases[("lychee", "jelly")]}
    assert ("jelly", "grass_jelly") in {(t.group, t.value) for t in lex.phrases[("grass",)]}
