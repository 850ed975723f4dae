"""Orders read off a list others sent (mt33): "my sister sent me what everybody wants, a small hot chocolate ...",
changes relayed from them ("she says two cookies not three", "she says no tomato on hers"), a person's line made
into another product keeping its choices ("she wants hers as a bowl"), counts said apart from the item ("the two
kids each want a wrap combo", "chicken tenders so two of the three piece"), and a British "yes mate" that is a yes,
never a misheard "meat"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat


@pytest.mark.parametrize("turn", [
    "hey so my sister sent me what everybody wants um a small hot chocolate with whipped cream",
    "my mom texted me what the kids want a small hot chocolate with whipped cream",
    "ok here's what my little sister wants a small hot chocolate with whipped cream",
])
def test_what_someone_wants_told_is_an_order(cafe_chat: Chat, turn: str) -> None:
    cafe_chat.say(turn)
    assert [(sku, n, opts.get("size"), opts.get("whip")) for sku, n, opts in cafe_chat.lines] \
        == [("HOT-CHOCOLATE", 1, "small", "whip")]


def test_what_someone_wants_asked_is_still_a_question(cafe_chat: Chat) -> None:
    cafe_chat.say("what do the kids usually want")
    assert cafe_chat.lines == []


@pytest.mark.parametrize("change", [
    "she says two cookies not three",
    "she says two cookies not three they had cake at school",
    "two cookies not three",
    "two not three",
    "oh he says two not three",
])
def test_a_count_said_against_the_lines_count_sets_it(cafe_chat: Chat, change: str) -> None:
    cafe_chat.say("a flat white and three chocolate chip cookies")
    cafe_chat.say(change)
    assert cafe_chat.counts == {"FLAT-WHITE": 1, "COOKIE": 2}


def test_a_count_said_against_another_count_changes_nothing(cafe_chat: Chat) -> None:
    cafe_chat.say("three chocolate chip cookies and a flat white")
    cafe_chat.say("two not three")  # the flat white in focus is one: no count of any line is said
    assert cafe_chat.counts == {"COOKIE": 3, "FLAT-WHITE": 1}


@pytest.mark.parametrize("yes", ["yes mate", "yeah cheers mate", "yes pal go ahead"])
def test_yes_mate_places_the_order_and_adds_nothing(shop: Callable[[str], Chat], yes: str) -> None:
    chat = shop("curry")
    chat.say("a lamb rogan josh")
    chat.say("that's all")
    reply = chat.say(yes)
    assert "placed" in reply.text
    assert [[(ln.sku, ln.quantity) for ln in o.lines] for o in chat.session.orders] == [[("ROGAN-JOSH", 1)]]


@pytest.mark.parametrize("change", [
    "actually my sister changed her mind she wants hers as a bowl",
    "make my sister's a bowl",
    "she says make hers a bowl",
    "oh make hers a bowl instead",
])
def test_a_persons_line_made_into_another_product_keeps_its_choices(shop: Callable[[str], Chat], change: str) -> None:
    chat = shop("taqueria")
    chat.say("a carnitas bowl")
    chat.say("a veggie burrito no beans for my sister")
    chat.say("three tamales two pork one chicken")
    chat.say(change)
    assert chat.counts == {"BOWL": 2, "TAMALE": 3}
    hers = [opts for sku, _, opts in chat.lines if sku == "BOWL" and opts.get("protein") == "veggie"]
    assert len(hers) == 1 and hers[0].get("beans") == "none"


def test_his_line_made_into_another_dish_keeps_its_protein(shop: Callable[[str], Chat]) -> None:
    chat = shop("curry")
    chat.say("a chicken tikka masala")
    chat.say("a lamb rogan josh and a prawn vindaloo for steve")
    chat.say("two garlic naans")
    chat.say("oh steve says he's not brave enough make his a madras instead")
    assert chat.counts == {"TIKKA-MASALA": 1, "ROGAN-JOSH": 1, "MADRAS": 1, "NAAN": 2}
    assert [opts["protein"] for sku, _, opts in chat.lines if sku == "MADRAS"] == ["prawn"]


def test_no_topping_on_hers_relayed(shop: Callable[[str], Chat]) -> None:
    chat = shop("deli")
    chat.say("a half turkey sandwich toasted for my mom with lettuce and tomato")
    chat.say("two grilled cheeses")
    reply = chat.say("she says no tomato on hers")
    assert chat.counts == {"TURKEY": 1, "GRILLED-CHEESE": 2}
    assert "no tomato" in reply.text


def test_a_change_relayed_with_no_pronoun_is_read_as_said(shop: Callable[[str], Chat]) -> None:
    chat = shop("deli")
    chat.say("a half turkey sandwich toasted for my mom with lettuce and tomato")
    chat.say("two grilled cheeses")
    chat.say("she says no lettuce")  # "she": the mom's sandwich, not the grilled cheeses in focus
    assert chat.counts == {"TURKEY": 1, "GRILLED-CHEESE": 2}
    assert "no lettuce" in chat.replies[-1].text.split("Your order")[0]


@pytest.mark.parametrize(("turn", "count"), [
    ("hey so the two kids each want a wrap combo with a falafel wrap and a sprite", 2),
    ("my three boys each want a wrap combo with a falafel wrap and a sprite", 3),
    ("the 2 girls each want a wrap combo with a falafel wrap and a sprite", 2),
])
def test_people_counted_each_want_that_many(shop: Callable[[str], Chat], turn: str, count: int) -> None:
    chat = shop("falafel")
    chat.say(turn)
    assert [(sku, n, opts.get("main"), opts.get("drink")) for sku, n, opts in chat.lines] \
        == [("COMBO", count, "falafel", "sprite")]


def test_each_without_a_count_of_people_counts_nothing(shop: Callable[[str], Chat]) -> None:
    chat = shop("falafel")
    chat.say("the kids each want a wrap combo with a falafel wrap and a sprite")
    assert chat.counts == {"COMBO": 1}


@pytest.mark.parametrize(("turn", "count"), [
    ("hi um the kids each want chicken tenders so two of the three piece with ranch", 2),
    ("chicken tenders please three of the three piece with ranch", 3),
])
def test_a_count_said_with_a_choice_after_the_item_counts_it(shop: Callable[[str], Chat], turn: str,
                                                              count: int) -> None:
    chat = shop("burgerjoint")
    chat.say(turn)
    assert [(sku, n, opts.get("pieces"), opts.get("dip")) for sku, n, opts in chat.lines] \
        == [("TENDERS", count, "3", "ranch")]
