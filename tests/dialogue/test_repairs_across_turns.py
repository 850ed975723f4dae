"""Repairs of what the clerk understood, said a turn or two later: two lines said again righted in one breath ("no
sorry the other way around large chai medium fog", "i got that backwards red tulips and pink roses") change those
lines and add none; "medium for the chai and large for the fog" is two changes, one of each line; a choice said to
belong on another line moves there ("the boba goes on the thai tea", "the thai tea is the half sugar one not the
taro") or stays on that line alone ("just the taro gets the boba"). A catalog written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "default": "medium", "values": [
    {"code": "small", "name": "small"}, {"code": "medium", "name": "medium"}, {"code": "large", "name": "large"}]}
_SUGAR = {"code": "sugar", "name": "sugar", "default": "full", "values": [
    {"code": "half", "name": "half sugar"}, {"code": "full", "name": "full sugar"}]}
_TOPPINGS = {"code": "toppings", "name": "toppings", "multiple": True, "values": [
    {"code": "boba", "name": "boba", "price_delta": "0.75"}, {"code": "jelly", "name": "lychee jelly",
                                                                "aliases": ["jelly"], "price_delta": "0.75"}]}
_COLOUR = {"code": "colour", "name": "colour", "required": True, "values": [
    {"code": "red", "name": "red"}, {"code": "pink", "name": "pink"}, {"code": "white", "name": "white"}]}
_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "CHAI", "name": "chai latte", "aliases": ["chai"], "price": "5.00", "options": [_SIZE]},
        {"sku": "FOG", "name": "london fog", "aliases": ["fog"], "price": "5.00", "options": [_SIZE]},
        {"sku": "TARO", "name": "taro milk tea", "aliases": ["taro", "taro tea"], "price": "6.00",
         "options": [_SIZE, _SUGAR, _TOPPINGS]},
        {"sku": "THAI", "name": "thai milk tea", "aliases": ["thai tea"], "price": "6.00",
         "options": [_SIZE, _SUGAR, _TOPPINGS]},
        {"sku": "ROSES", "name": "rose bouquet", "aliases": ["roses"], "price": "40.00", "options": [_COLOUR]},
        {"sku": "TULIPS", "name": "tulip bunch", "aliases": ["tulips"], "price": "25.00", "options": [_COLOUR]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _sizes(chat: Chat) -> list[tuple[str, int, str]]:
    return sorted((sku, n, opts.get("size", "")) for sku, n, opts in chat.lines)


@pytest.mark.parametrize("said", [
    "medium for the chai and large for the fog",
    "um medium for the chai and then large for the fog please",
])
def test_a_choice_for_each_line_is_two_changes(chat: Chat, said: str) -> None:
    chat.say("a small chai latte and a london fog")
    chat.say(said)
    assert _sizes(chat) == [("CHAI", 1, "medium"), ("FOG", 1, "large")], chat.replies[-1].text


def test_an_order_for_people_is_no_pair_of_changes(chat: Chat) -> None:
    chat.say("a chai latte")
    chat.say("a large fog for the kid and a small taro for the road")
    assert sorted(sku for sku, _, _ in chat.lines) == ["CHAI", "FOG", "TARO"], chat.replies[-1].text


@pytest.mark.parametrize("said", [
    "no sorry the other way around large chai medium fog",
    "no the other way round large chai and medium fog",
    "sorry i got that backwards the chai large and the fog medium",
    "i said a large chai and a medium fog",
    "you got them mixed up large chai medium fog",
])
def test_lines_said_again_righted_are_changed_not_added(chat: Chat, said: str) -> None:
    chat.say("a chai latte and a london fog")
    chat.say("medium for the chai and large for the fog")
    chat.say(said)
    assert _sizes(chat) == [("CHAI", 1, "large"), ("FOG", 1, "medium")], chat.replies[-1].text


def test_colours_said_the_other_way_round(chat: Chat) -> None:
    chat.say("roses and tulips")
    chat.say("pink tulips and red roses")
    chat.say("no i got that backwards red tulips and pink roses")
    assert sorted(chat.lines) == [("ROSES", 1, {"colour": "pink"}), ("TULIPS", 1, {"colour": "red"})], \
        chat.replies[-1].text


def test_more_said_after_a_correction_word_is_still_more(chat: Chat) -> None:
    chat.say("a chai latte and a london fog")
    chat.say("the other way around and also a large chai and a medium fog")
    assert chat.counts == {"CHAI": 2, "FOG": 2}, chat.replies[-1].text


def test_a_line_of_two_said_again_is_not_guessed(chat: Chat) -> None:
    chat.say("a small chai latte and a medium chai latte and a london fog")
    chat.say("no the other way around large chai small fog")
    assert _sizes(chat)[:2] != [("CHAI", 1, "large"), ("CHAI", 1, "large")], chat.replies[-1].text


def _toppings(chat: Chat) -> dict[str, str]:
    return {sku: opts.get("toppings", "") for sku, _, opts in chat.lines}


@pytest.mark.parametrize("said", [
    "no sorry the boba goes on the thai tea",
    "the boba belongs on the thai tea one",
    "the thai tea should have the boba",
    "the thai tea is the one with boba not the taro",
])
def test_a_choice_said_to_belong_on_the_other_line_moves(chat: Chat, said: str) -> None:
    chat.say("a taro milk tea and a thai milk tea")
    chat.say("put boba on the taro")
    assert _toppings(chat) == {"TARO": "boba", "THAI": ""}, chat.replies[-1].text
    chat.say(said)
    assert _toppings(chat) == {"TARO": "", "THAI": "boba"}, chat.replies[-1].text


def test_a_single_choice_moves_and_the_line_it_left_is_as_by_default(chat: Chat) -> None:
    chat.say("a large taro milk tea and a thai tea")
    chat.say("half sugar on the taro")
    chat.say("wait no i got that mixed up the thai tea is the half sugar one not the taro")
    assert sorted(chat.lines) == [("TARO", 1, {"size": "large", "sugar": "full"}),
                                  ("THAI", 1, {"size": "medium", "sugar": "half"})], chat.replies[-1].text


@pytest.mark.parametrize("said", [
    "no wait just the taro gets the boba",
    "only the taro gets boba",
    "actually just the taro one has the boba",
])
def test_a_choice_kept_on_one_line_alone_comes_off_the_others(chat: Chat, said: str) -> None:
    chat.say("a taro milk tea and a thai milk tea")
    chat.say("boba on both")
    assert _toppings(chat) == {"TARO": "boba", "THAI": "boba"}, chat.replies[-1].text
    chat.say(said)
    assert _toppings(chat) == {"TARO": "boba", "THAI": ""}, chat.replies[-1].text


@pytest.mark.parametrize("said", ["the taro is great", "does the thai tea get boba", "the taro gets boba too"])
def test_talk_about_a_line_moves_nothing(chat: Chat, said: str) -> None:
    chat.say("a taro milk tea and a thai milk tea")
    chat.say("put boba on the taro")
    chat.say(said)
    assert _toppings(chat)["TARO"] == "boba", chat.replies[-1].text
    assert len(chat.lines) == 2, chat.replies[-1].text


_COMBO_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "COMBO", "name": "combo meal", "aliases": ["combo"], "price": "12.00", "options": [
            {"code": "main", "name": "burger", "required": True, "values": [
                {"code": "hamburger", "name": "hamburger"}, {"code": "cheeseburger", "name": "cheeseburger"}]},
            {"code": "side", "name": "side", "default": "fries", "values": [
                {"code": "fries", "name": "fries"}, {"code": "rings", "name": "onion rings", "aliases": ["rings"]},
                {"code": "tots", "name": "tater tots", "aliases": ["tots"]}]},
            {"code": "drink", "name": "drink", "required": True, "values": [
                {"code": "coke", "name": "coke"}, {"code": "sprite", "name": "sprite"},
                {"code": "root_beer", "name": "root beer"}]}]},
        {"sku": "RINGS", "name": "onion rings", "price": "4.00"},
        {"sku": "TOTS", "name": "tater tots", "price": "4.00"},
        {"sku": "SODA", "name": "soda", "price": "2.00", "options": [
            {"code": "drink", "name": "flavour", "required": True, "values": [
                {"code": "coke", "name": "coke"}, {"code": "sprite", "name": "sprite"},
                {"code": "root_beer", "name": "root beer"}]}]},
    ],
}


@pytest.fixture
def combo_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _COMBO_SHOP)


@pytest.mark.parametrize(("said", "side", "drink"), [
    ("uh onion rings and a root beer", "rings", "root_beer"),
    ("tater tots and a sprite please", "tots", "sprite"),
    ("a coke and make it tater tots", "tots", "coke"),
])
def test_an_answer_that_names_another_choice_of_the_waiting_item(combo_chat: Chat, said: str, side: str,
                                                                  drink: str) -> None:
    combo_chat.say("a cheeseburger combo meal")
    assert "drink" in combo_chat.replies[-1].text, combo_chat.replies[-1].text
    combo_chat.say(said)
    assert combo_chat.lines == [("COMBO", 1, {"main": "cheeseburger", "side": side, "drink": drink})], \
        combo_chat.replies[-1].text


def test_a_counted_product_said_with_the_answer_is_a_line_of_its_own(combo_chat: Chat) -> None:
    combo_chat.say("a cheeseburger combo meal")
    combo_chat.say("a coke and two onion rings")
    assert combo_chat.counts == {"COMBO": 1, "RINGS": 2}, combo_chat.replies[-1].text
    assert combo_chat.lines[0][2]["side"] == "fries", combo_chat.replies[-1].text


_SHOE_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BOOT", "name": "ankle boot", "aliases": ["ankle boots", "boots"], "price": "120.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "7", "name": "size 7", "aliases": ["7", "seven"]},
                {"code": "7.5", "name": "size 7 and a half", "aliases": ["7 and a half", "seven and a half", "7.5"]},
                {"code": "8", "name": "size 8", "aliases": ["8", "eight"]}]}]},
    ],
}


@pytest.mark.parametrize("said", [
    "if you have it down as a seven that's wrong it's seven and a half",
    "no it's seven and a half",
    "that's wrong it is 7 and a half",
])
def test_a_size_of_several_words_said_after_is(tmp_path: Path, said: str) -> None:
    for chat in chat_of(tmp_path, _SHOE_SHOP):
        chat.say("ankle boots size seven")
        chat.say(said)
        assert chat.lines == [("BOOT", 1, {"size": "7.5"})], chat.replies[-1].text


def test_a_price_said_after_is_is_still_no_size(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _SHOE_SHOP):
        chat.say("ankle boots size eight")
        chat.say("is it 7 dollars")
        assert chat.lines == [("BOOT", 1, {"size": "8"})], chat.replies[-1].text


_SLICE_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SLICE", "name": "cheese slice", "aliases": ["cheese slices", "slice"], "price": "3.50"},
        {"sku": "KNOTS", "name": "garlic knots", "price": "4.00"},
        {"sku": "SALAD", "name": "garden salad", "aliases": ["salad"], "price": "6.00", "options": [
            {"code": "dressing", "name": "dressing", "default": "italian", "values": [
                {"code": "italian", "name": "italian"}, {"code": "ranch", "name": "ranch"}]}]},
        {"sku": "COOKIE", "name": "cookie", "price": "2.00"},
    ],
}


@pytest.fixture
def slice_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SLICE_SHOP)


@pytest.mark.parametrize("said", [
    "i didn't ask for garlic knots",
    "i didn't ask for garlic knots if that's what you put just the salad",
    "i never ordered garlic knots, only the salad",
])
def test_a_product_never_asked_for_is_not_added(slice_chat: Chat, said: str) -> None:
    slice_chat.say("two cheese slices")
    slice_chat.say("and a garden salad")
    slice_chat.say(said)
    assert slice_chat.counts == {"SLICE": 2, "SALAD": 1}, slice_chat.replies[-1].text


@pytest.mark.parametrize("said", ["i didn't ask for the cookie", "i never ordered a cookie",
                                  "i did not order the cookie just the salad"])
def test_a_line_never_asked_for_comes_off(slice_chat: Chat, said: str) -> None:
    slice_chat.say("a garden salad and a cookie")
    slice_chat.say(said)
    assert slice_chat.counts == {"SALAD": 1}, slice_chat.replies[-1].text


def test_a_guess_at_the_mistake_leaves_the_correction(slice_chat: Chat) -> None:
    slice_chat.say("two cheese slices and a garden salad")
    slice_chat.say("if you put italian on the salad that's wrong i said ranch")
    assert ("SALAD", 1, {"dressing": "ranch"}) in slice_chat.lines, slice_chat.replies[-1].text
    assert slice_chat.counts == {"SLICE": 2, "SALAD": 1}, slice_chat.replies[-1].text


@pytest.mark.parametrize("said", ["if you have ranch i'll take it on the salad", "if you put it in a bag that's fine"])
def test_an_if_that_is_no_guess_is_read_as_ever(slice_chat: Chat, said: str) -> None:
    from dialogue.supposed import without_guesses
    assert without_guesses(said) == said


_TUBE_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "TUBE", "name": "inner tube", "aliases": ["inner tubes", "tubes", "tube"], "price": "9.00", "options": [
            {"code": "wheel", "name": "wheel size", "required": True, "values": [
                {"code": "700c", "name": "700c", "aliases": ["700 c"]}, {"code": "26", "name": "26 inch"}]},
            {"code": "colour", "name": "colour", "default": "black", "values": [
                {"code": "black", "name": "black"}, {"code": "red", "name": "red"}]}]},
        {"sku": "KIT", "name": "patch kit", "aliases": ["patch kits"], "price": "5.00"},
    ],
}


@pytest.mark.parametrize("said", [
    "inner tubes for 700c two of them",
    "inner tubes for 700c, two of them",
    "inner tubes in red for 700c three of them",
])
def test_a_count_after_the_item_and_its_choice_said_with_a_preposition(tmp_path: Path, said: str) -> None:
    for chat in chat_of(tmp_path, _TUBE_SHOP):
        chat.say(said)
        n = 3 if "three" in said else 2
        assert chat.counts == {"TUBE": n}, chat.replies[-1].text
        assert chat.lines[0][2]["wheel"] == "700c", chat.replies[-1].text


def test_a_count_of_another_item_is_not_moved_back(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _TUBE_SHOP):
        chat.say("an inner tube for 700c and two patch kits")
        assert chat.counts == {"TUBE": 1, "KIT": 2}, chat.replies[-1].text


_WEIGHED_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BONELESS", "name": "boneless chicken", "aliases": ["boneless"], "price": "17.00", "options": [
            {"code": "weight", "name": "weight", "default": "1lb", "values": [
                {"code": "1lb", "name": "one pound", "aliases": ["a pound", "1 pound", "pound"]},
                {"code": "2lb", "name": "two pounds", "aliases": ["2 pounds", "two pound"], "price_delta": "15.00"}]},
            {"code": "sauce", "name": "sauce", "default": "original", "values": [
                {"code": "original", "name": "original"}, {"code": "honey", "name": "honey butter"}]}]},
        {"sku": "FRIES", "name": "french fries", "aliases": ["fries"], "price": "4.00"},
    ],
}


@pytest.mark.parametrize("said", [
    "oh no wait not two pounds just the one pound",
    "not two pounds one pound",
    "no sorry not 2 pounds, just one pound",
])
def test_a_choice_said_not_wanted_with_another_rights_the_line(tmp_path: Path, said: str) -> None:
    for chat in chat_of(tmp_path, _WEIGHED_SHOP):
        chat.say("one boneless chicken honey butter two pounds")
        chat.say("and fries")
        chat.say(said)
        assert sorted(chat.lines) == [("BONELESS", 1, {"weight": "1lb", "sauce": "honey"}), ("FRIES", 1, {})], \
            chat.replies[-1].text


def test_another_weight_asked_for_with_no_word_against_the_first_is_one_more(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, _WEIGHED_SHOP):
        chat.say("one boneless chicken two pounds")
        chat.say("and another boneless one pound")
        assert chat.counts == {"BONELESS": 2}, chat.replies[-1].text



def _sized_toppings(chat: Chat) -> list[tuple[str, str, str]]:
    """Each line's product, size and every topping on it (a dict of the line's choices keeps one of several)."""
    return sorted((ln.sku, next((o.value for o in ln.options if o.group == "size"), ""),
                   "+".join(sorted(o.value for o in ln.options if o.group == "toppings")))
                  for ln in chat.session.cart.lines)


@pytest.mark.parametrize("said", [
    "and the large one gets lychee jelly instead of the boba",
    "the large one gets jelly rather than boba",
    "the large one gets the jelly in place of the boba",
])
def test_a_choice_swapped_on_one_line_leaves_the_other_line_alone(chat: Chat, said: str) -> None:
    chat.say("two taro milk teas with boba")
    chat.say("make one of them large")
    assert _sized_toppings(chat) == [("TARO", "large", "boba"), ("TARO", "medium", "boba")], chat.replies[-1].text
    chat.say(said)
    assert _sized_toppings(chat) == [("TARO", "large", "jelly"), ("TARO", "medium", "boba")], chat.replies[-1].text


def test_a_choice_said_to_belong_on_a_line_instead_of_another_moves(chat: Chat) -> None:
    chat.say("a taro milk tea and a thai milk tea")
    chat.say("put boba on the taro")
    chat.say("the thai tea gets the boba instead of the taro")
    assert _sized_toppings(chat) == [("TARO", "medium", ""), ("THAI", "medium", "boba")], chat.replies[-1].text


_BACON = {"code": "toppings", "name": "toppings", "multiple": True, "values": [
    {"code": "bacon", "name": "bacon", "price_delta": "2.00"}, {"code": "egg", "name": "fried egg"}]}
_BURGERS = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HAMBURGER", "name": "hamburger", "aliases": ["burger", "plain burger"], "category": "burgers",
         "price": "8.50", "options": [_BACON]},
        {"sku": "CHEESEBURGER", "name": "cheeseburger", "aliases": ["cheese burger"], "category": "burgers",
         "price": "9.25", "options": [_BACON]},
        {"sku": "FRIES", "name": "french fries", "aliases": ["fries"], "price": "3.50"},
    ],
}


@pytest.fixture
def burger_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BURGERS)


@pytest.mark.parametrize("said", [
    "oh and bacon on the burger",
    "add bacon to the burger",
    "and can i get bacon on the burger",
    "oh and put a fried egg and bacon on the burger",
])
def test_a_choice_put_on_the_line_named_by_a_word_of_its_name_adds_nothing(burger_chat: Chat, said: str) -> None:
    burger_chat.say("a cheeseburger and fries")
    burger_chat.say(said)
    lines = sorted((ln.sku, ln.quantity, tuple(sorted(o.value for o in ln.options)))
                   for ln in burger_chat.session.cart.lines)
    assert lines[0][0] == "CHEESEBURGER" and "bacon" in lines[0][2], burger_chat.replies[-1].text
    assert [sku for sku, _, _ in lines] == ["CHEESEBURGER", "FRIES"], burger_chat.replies[-1].text


@pytest.mark.parametrize("said", ["and a burger with bacon", "oh and a plain burger with bacon too"])
def test_a_burger_ordered_with_a_choice_is_still_added(burger_chat: Chat, said: str) -> None:
    burger_chat.say("a cheeseburger and fries")
    burger_chat.say(said)
    assert burger_chat.counts == {"CHEESEBURGER": 1, "FRIES": 1, "HAMBURGER": 1}, burger_chat.replies[-1].text
