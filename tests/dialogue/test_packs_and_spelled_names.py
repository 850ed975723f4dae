"""Counts against packs, choices shared by coordinated items, a product named around its own choice, words spelled
into one line per letter, and a few repairs, on a small party shop written here (and the corpus party shop):

- "a hundred napkins" for napkins sold 10 or 25 to a pack is four packs of 25 (a whole number of the largest pack
  that divides it); "two dozen sparkler candles" is two of the 12 pack; "two packs of twenty five" counts packs;
  "one pack please" to an offer adds one;
- "a dozen red and a dozen blue balloons all with helium": one dozen each, both with helium; "a 3 and a 0 number
  balloon 34 inch with helium": both so; "a big number 4 and a big number 0 balloon in silver" is two number
  balloons (no plain balloon for "silver");
- "eight filled pirate treat bags" is the filled treat bag in pirate, not the empty treat bags;
- "letter blocks m a x", "to spell out anna", "for the name bo": a line per letter (two A's: one line of two);
- "could i add a bubble machine" - "never mind" takes the machine back off; "just one blue" sets that line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_COLOURS = [{"code": c, "name": c} for c in ("red", "blue", "green", "yellow", "pink", "white", "gold", "silver")]
_FILL = {"code": "fill", "name": "fill", "default": "flat", "values": [
    {"code": "flat", "name": "not inflated", "aliases": ["flat", "no helium"]},
    {"code": "helium", "name": "helium filled", "aliases": ["helium", "with helium", "filled with helium"],
     "price_delta": "3.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "colour": {"code": "colour", "name": "colour", "required": True, "values": _COLOURS},
        "fill": _FILL,
    },
    "products": [
        {"sku": "NAPKINS", "name": "paper napkins", "aliases": ["napkins", "napkin"], "price": "3.00", "options": [
            "colour",
            {"code": "pack", "name": "pack size", "default": "25", "values": [
                {"code": "10", "name": "10 count", "aliases": ["10 pack", "pack of 10"], "price_delta": "-1.00"},
                {"code": "25", "name": "25 count", "aliases": ["25 pack", "pack of 25"]}]}]},
        {"sku": "BALLOONS", "name": "latex balloons", "aliases": ["balloons", "balloon"], "price": "6.00", "options": [
            "colour",
            {"code": "pack", "name": "pack size", "default": "dozen", "values": [
                {"code": "dozen", "name": "dozen", "aliases": ["a dozen", "12 pack", "pack of 12"]},
                {"code": "50", "name": "bag of 50", "aliases": ["50 pack", "bag of 50"], "price_delta": "12.00"}]},
            "fill"]},
        {"sku": "NUMBER-BALLOON", "name": "foil number balloon", "price": "5.00",
         "aliases": ["number balloon", "number balloons", "foil number balloons"], "options": [
            {"code": "digit", "name": "number", "required": True, "values": [
                {"code": str(n), "name": str(n), "aliases": [w, f"number {n}"]}
                for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])]},
            {"code": "size", "name": "size", "default": "16", "values": [
                {"code": "16", "name": "16 inch", "aliases": ["small", "16 in"]},
                {"code": "34", "name": "34 inch", "aliases": ["big", "large", "34 in"], "price_delta": "6.00"}]},
            {"code": "colour", "name": "colour", "default": "gold", "values": [
                {"code": "gold", "name": "gold"}, {"code": "silver", "name": "silver"}]},
            "fill"]},
        {"sku": "LETTER-BLOCK", "name": "wooden letter block", "price": "2.00",
         "aliases": ["letter block", "letter blocks", "wooden letter blocks"], "options": [
            {"code": "letter", "name": "letter", "required": True, "values": [
                {"code": c, "name": c.upper(), "aliases": [f"letter {c}"]} for c in "abcdefghijklmnopqrstuvwxyz"]},
            {"code": "finish", "name": "finish", "default": "natural", "values": [
                {"code": "natural", "name": "natural", "aliases": ["plain wood"]},
                {"code": "painted", "name": "painted", "price_delta": "1.00"}]}]},
        {"sku": "TREAT-BAGS", "name": "treat bags", "aliases": ["treat bag"], "price": "3.00", "options": [
            {"code": "colour", "name": "colour", "default": "white", "values": _COLOURS}]},
        {"sku": "FILLED-TREAT-BAG", "name": "filled treat bag", "price": "5.00",
         "aliases": ["filled treat bags"], "options": [
            {"code": "theme", "name": "theme", "required": True, "values": [
                {"code": "pirate", "name": "pirate", "aliases": ["pirates"]},
                {"code": "fairy", "name": "fairy", "aliases": ["fairies"]}]}]},
        {"sku": "SPARKLERS", "name": "sparkler candles", "aliases": ["sparkler candle", "sparklers"], "price": "4.00",
         "options": [{"code": "pack", "name": "pack size", "default": "4", "values": [
             {"code": "4", "name": "pack of 4", "aliases": ["4 pack"]},
             {"code": "12", "name": "pack of 12", "aliases": ["12 pack"], "price_delta": "5.00"}]}]},
        {"sku": "RIBBON", "name": "curling ribbon", "aliases": ["ribbon", "ribbons"], "price": "2.00",
         "options": ["colour"]},
        {"sku": "BUBBLES", "name": "bubble machine", "price": "25.00", "options": []},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


def _lines(chat: Chat, *groups: str) -> list[tuple[str, int, tuple[str, ...]]]:
    return sorted((sku, q, tuple(o.get(g, "") for g in groups)) for sku, q, o in chat.lines)


# --- counts against packs -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("said", "count", "pack"), [
    ("a hundred red napkins", 4, "25"), ("fifty red napkins", 2, "25"), ("thirty red napkins", 3, "10"),
    ("i need seventy five red napkins for the party", 3, "25"), ("twenty five red napkins", 1, "25"),
    ("ten red napkins", 1, "10")])
def test_a_count_of_pieces_is_packs_of_the_largest_pack_that_fits(chat: Chat, said: str, count: int,
                                                                  pack: str) -> None:
    chat.say(said)
    assert _lines(chat, "colour", "pack") == [("NAPKINS", count, ("red", pack))]


def test_a_count_no_pack_fits_stays_as_said(chat: Chat) -> None:
    chat.say("seven red napkins")
    assert _lines(chat, "colour", "pack") == [("NAPKINS", 7, ("red", "25"))]


@pytest.mark.parametrize("said", ["two dozen sparkler candles", "24 sparkler candles", "two dozen sparklers please"])
def test_dozens_of_a_product_in_packs_of_four_or_twelve(chat: Chat, said: str) -> None:
    chat.say(said)  # (twenty four candles either way: two of the 12 pack, or six of the 4 pack it comes in)
    assert _lines(chat, "pack") in ([("SPARKLERS", 2, ("12",))], [("SPARKLERS", 6, ("4",))])


def test_packs_counted_with_the_word_pack(chat: Chat) -> None:
    chat.say("fifty red napkins")
    chat.say("actually two packs of ten")
    assert _lines(chat, "colour", "pack") == [("NAPKINS", 2, ("red", "10"))]


@pytest.mark.parametrize(("said", "count"), [("one pack please", 1), ("two boxes", 2), ("a pack", 1)])
def test_packs_said_to_an_offer_add_the_product_offered(chat: Chat, said: str, count: int) -> None:
    chat.say("do you have sparkler candles")
    chat.say(said)
    assert _lines(chat, "pack") == [("SPARKLERS", count, ("4",))]


def test_make_it_two_dozen_of_a_line_sold_by_the_dozen(chat: Chat) -> None:
    chat.say("a dozen red balloons")
    assert _lines(chat, "colour", "pack") == [("BALLOONS", 1, ("red", "dozen"))]
    chat.say("actually make it two dozen")
    assert _lines(chat, "colour", "pack") == [("BALLOONS", 2, ("red", "dozen"))]


def test_a_dozen_more_said_with_ones_is_one_dozen(chat: Chat) -> None:
    chat.say("a dozen gold balloons with helium")
    chat.say("a dozen white ones with helium too")
    assert _lines(chat, "colour", "fill") == [("BALLOONS", 1, ("gold", "helium")), ("BALLOONS", 1, ("white", "helium"))]


def test_a_count_with_its_unit_is_no_count_of_the_item_before(chat: Chat) -> None:
    chat.say("a gold number six balloon two dozen green balloons")
    assert _lines(chat, "digit", "colour") == [("BALLOONS", 2, ("", "green")), ("NUMBER-BALLOON", 1, ("6", "gold"))]


# --- choices shared by coordinated items ------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["a dozen red and a dozen blue balloons all with helium",
                                  "a dozen red and a dozen blue balloons with helium please",
                                  "one dozen red and one dozen blue balloons filled with helium"])
def test_a_choice_after_a_shared_noun_is_every_part_s(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _lines(chat, "colour", "pack", "fill") == [("BALLOONS", 1, ("blue", "dozen", "helium")),
                                                      ("BALLOONS", 1, ("red", "dozen", "helium"))]


def test_coordinated_parts_with_another_item_after(chat: Chat) -> None:
    chat.say("a dozen pink and a dozen yellow balloons with helium and two blue ribbons")
    assert _lines(chat, "colour", "fill") == [("BALLOONS", 1, ("pink", "helium")), ("BALLOONS", 1, ("yellow", "helium")),
                                              ("RIBBON", 2, ("blue", ""))]


def test_a_dozen_then_a_dozen_more_ones_made_otherwise(chat: Chat) -> None:
    chat.say("a dozen gold balloons filled with helium and a dozen red ones not filled")
    assert _lines(chat, "colour", "fill") == [("BALLOONS", 1, ("gold", "helium")), ("BALLOONS", 1, ("red", "flat"))]


@pytest.mark.parametrize("said", ["a three and a zero number balloon 34 inch with helium",
                                  "a number three and a number zero balloon both the big 34 inch ones with helium"])
def test_digits_of_one_noun_share_its_size_and_fill(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _lines(chat, "digit", "size", "fill") == [("NUMBER-BALLOON", 1, ("0", "34", "helium")),
                                                     ("NUMBER-BALLOON", 1, ("3", "34", "helium"))]


@pytest.mark.parametrize("said", ["a big number four and a big number zero balloon in silver",
                                  "a big silver number four balloon"])
def test_a_big_number_balloon_is_the_number_balloon(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines and all(sku == "NUMBER-BALLOON" and o["size"] == "34" for sku, _, o in chat.lines)
    assert any(o["colour"] == "silver" for _, _, o in chat.lines)


def test_the_big_one_after_the_line_was_ordered_makes_it_big(chat: Chat) -> None:
    chat.say("i need a number balloon")
    chat.say("a seven")
    chat.say("the big one in silver please")
    assert _lines(chat, "digit", "size", "colour") == [("NUMBER-BALLOON", 1, ("7", "34", "silver"))]


# --- a product named around its own choice ----------------------------------------------------------------------

@pytest.mark.parametrize(("said", "count"), [("eight filled pirate treat bags", 8),
                                             ("five of the filled pirate treat bags", 5),
                                             ("a filled pirate treat bag", 1)])
def test_a_name_said_around_its_choice_is_that_product(chat: Chat, said: str, count: int) -> None:
    chat.say(said)
    assert _lines(chat, "theme") == [("FILLED-TREAT-BAG", count, ("pirate",))]


def test_the_shorter_name_of_a_line_s_product_takes_one_off_it(chat: Chat) -> None:
    chat.say("five filled fairy treat bags")
    chat.say("remove one of the treat bags")
    assert _lines(chat, "theme") == [("FILLED-TREAT-BAG", 4, ("fairy",))]


def test_plain_treat_bags_stay_plain(chat: Chat) -> None:
    chat.say("eight red treat bags")
    assert _lines(chat, "colour") == [("TREAT-BAGS", 8, ("red",))]


# --- words spelled into one line per letter ---------------------------------------------------------------------

@pytest.mark.parametrize(("said", "letters"), [
    ("wooden letter blocks m a x", {"m": 1, "a": 1, "x": 1}),
    ("letter blocks to spell out anna", {"a": 2, "n": 2}),
    ("can i get letter blocks for the name bo", {"b": 1, "o": 1}),
    ("letter blocks that spell zoe painted", {"z": 1, "o": 1, "e": 1})])
def test_a_word_spelled_is_a_line_per_letter(chat: Chat, said: str, letters: dict[str, int]) -> None:
    chat.say(said)
    assert {o["letter"]: q for sku, q, o in chat.lines if sku == "LETTER-BLOCK"} == letters
    assert len(chat.lines) == len(letters)


def test_a_spelled_word_s_lines_share_the_choices_said(chat: Chat) -> None:
    chat.say("letter blocks j a c k painted")
    assert _lines(chat, "letter", "finish") == [("LETTER-BLOCK", 1, (c, "painted")) for c in "acjk"]


def test_a_choice_said_next_goes_on_every_letter_line(chat: Chat) -> None:
    chat.say("letter blocks for the name ava")
    chat.say("painted please")
    assert _lines(chat, "letter", "finish") == [("LETTER-BLOCK", 1, ("v", "painted")),
                                                ("LETTER-BLOCK", 2, ("a", "painted"))]


def test_one_letter_asked_for_is_one_line(chat: Chat) -> None:
    chat.say("a letter block")
    chat.say("the letter b")
    assert _lines(chat, "letter") == [("LETTER-BLOCK", 1, ("b",))]


# --- repairs -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["no actually never mind", "never mind", "forget it", "scratch that"])
def test_never_mind_to_a_change_takes_only_that_change_back(chat: Chat, said: str) -> None:
    chat.say("two red ribbons")
    chat.say("could i add a bubble machine")
    chat.say(said)
    assert _lines(chat, "colour") == [("RIBBON", 2, ("red",))]
    assert chat.session.orders == []


@pytest.mark.parametrize(("said", "blue"), [("just one blue", 1), ("only one of the blue ones please", 1),
                                            ("just three blue", 3)])
def test_just_a_count_of_a_line_named_by_its_choice(chat: Chat, said: str, blue: int) -> None:
    chat.say("four red ribbons and two blue ribbons")
    chat.say(said)
    assert _lines(chat, "colour") == [("RIBBON", blue, ("blue",)), ("RIBBON", 4, ("red",))]


def test_the_price_of_a_choice_with_a_required_choice_open(chat: Chat) -> None:
    reply = chat.say("how much is a big number balloon")
    assert "eleven" in reply.text.lower()  # 5.00 + 6.00 for the 34 inch, whatever the digit
    assert chat.lines == []


def test_some_of_a_product_just_asked_about(chat: Chat) -> None:
    chat.say("two red ribbons")
    chat.say("are the filled treat bags sold by the pack")
    chat.say("six pirate ones then")
    assert _lines(chat, "colour", "theme") == [("FILLED-TREAT-BAG", 6, ("", "pirate")), ("RIBBON", 2, ("red", ""))]


# --- the corpus party shop ---------------------------------------------------------------------------------------

def test_party_shop_spelled_name_in_a_colour(shop: Callable[[str], Chat]) -> None:
    chat = shop("partysupply")
    chat.say("i need letter balloons to spell out sam in silver please")
    assert sorted((o["letter"], o["colour"]) for _, _, o in chat.lines) == [("a", "silver"), ("m", "silver"),
                                                                            ("s", "silver")]


def test_party_shop_red_heart_balloons_are_the_heart_shape(shop: Callable[[str], Chat]) -> None:
    chat = shop("partysupply")
    chat.say("two red heart balloons filled with helium")
    assert chat.lines == [("FOIL-SHAPE", 2, {"shape": "heart", "fill": "helium"})]
