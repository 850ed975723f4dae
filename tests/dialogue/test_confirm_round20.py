"""Replies to "Shall I place the order?" (confirmation round 20): holds that placed, cart changes nobody asked for.

"yes as in yes i heard you" only says heard (the meaning after "as in" is the answer) and "es place" leaves no yes word
whole: neither places. A condition on the yes ("if it's oat milk then yes", "if that includes a tea for me then yes")
changes nothing and places nothing; "thanks all the same but no" is a no, not "the same again"; "yes and don't forget
the muffin" takes nothing off; "yes don't add the muffin" adds none; a yes with the order described otherwise ("yes the
lattes and the croissant", "yes two coffees", "yes the two mediums and the muffin") adds nothing and asks again; "yes
apart from the milk" chooses no milk. The round's yeses (the answer named as a thing, a wish to have it placed, a don't
that asks nothing new, a yes to all of it, praise and politeness, conditions the read-back meets, split words) place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dialogue.conditional import on_yes
from dialogue.confirm import Also, decide
from dialogue.normalize import tokens
from tests.dialogue.conftest import CAFE_READ_BACK, Chat, cafe_read_back, chat_of

# Round 20's first run: two holds placed, twelve holds changed the cart unasked (and more of each family).
UNCHANGED = [
    # a yes explained as "heard"; a clipped start before a lone act word
    "yes as in yes i heard you", "yes meaning i'm listening", "yeah as in i got it", "es place", "ure place",
    # a condition the read-back did not say
    "if it's oat milk then yes", "if that includes a tea for me then yes", "if it's large then go ahead",
    "as long as the lattes are large go ahead", "provided the muffin is warm yes", "if you have oat milk then go ahead",
    "only if it's decaf then yes",
    # a no with thanks
    "thanks all the same but no", "thank you all the same but no",
    # the order described otherwise after a yes
    "yes the two flat whites and the muffin", "yes the lattes and the croissant", "yes the two lattes and the cookie",
    "yes two coffees", "yes the lattes and the banana bread", "yes the two mediums and the muffin",
    "yes both coffees and the muffin", "yes the two larges and the muffin",
    # a don't before a line: no taking off, no adding
    "yes don't add the muffin", "don't put in a cookie", "don't forget the muffin",
    # an exception naming a group, not a choice
    "yes apart from the milk", "yes except the size",
]


@pytest.mark.parametrize("reply", UNCHANGED)
def test_these_change_nothing_and_place_nothing(reply: str, chat: Any, cafe: Any) -> None:
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.lines == before, (r.text, chat.lines)


@pytest.mark.parametrize("reply", ["yes and don't forget the muffin", "yep and don't forget about the lattes",
                                   "yes please don't leave out the muffin"])
def test_a_reminder_of_a_line_with_a_yes_places_the_order_as_read(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert r.order_number and len(cafe.orders()) == 1, r.text
    assert [(ln.sku, ln.quantity) for ln in cafe.orders()[0].lines] == CAFE_READ_BACK


@pytest.mark.parametrize(("reply", "counts"), [("yes minus one latte", {"LATTE": 1, "BLUEBERRY-MUFFIN": 1}),
                                               ("yes and a croissant", {"LATTE": 2, "BLUEBERRY-MUFFIN": 1,
                                                                        "CROISSANT": 1})])
def test_a_change_asked_for_is_still_made_and_not_placed(reply: str, counts: dict[str, int], chat: Any,
                                                         cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.counts == counts


YESES = [
    # the answer named as a thing
    "my answer's yes", "put me down as a yes", "take that as a yes", "i'm going with yes", "yes is my answer",
    "count that as a yes", "consider that a yes go ahead", "there i said it yes", "that's a definite yes",
    # a wish or permission to place
    "i want it placed", "i'd like it placed please", "it can go through", "let it go through", "you're good to place it",
    "we'll go with that", "yes i'll take all of it",
    # a don't that asks for nothing new, a hurry
    "yes don't change anything", "yes don't add anything else", "yes don't touch a thing", "yes don't worry about a bag",
    "yes don't bother with napkins", "don't keep me waiting go ahead", "yes place it and don't ask me again",
    # a yes to all of it
    "yes as it stands", "yes as is", "yes the whole thing", "yes to both", "yes every word of it", "yes the entire order",
    "yes all of the above",
    # praise and politeness
    "good robot yes", "clever thing yes please", "that's impressive yes place it", "that would be marvellous thank you",
    "that'd be ace", "that would be just the ticket", "with pleasure yes", "yes kindly do",
    # conditions the read-back meets
    "in that case yes", "if that's the full order then yes", "if there's nothing else then yes",
    "since that's everything yes", "seeing as that's it yes please",
    # explained, clipped, split and drawn-out yeses; slang with a catalog word in it
    "yes as in place it", "y es please", "yes ple ase", "sure thing go aheadd", "es please", "it's lit send it",
    "yes i can cover that no bother", "yes the price is right go ahead",
]


@pytest.mark.parametrize("reply", YESES)
def test_a_yes_in_these_words_places(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert r.order_number and len(cafe.orders()) == 1, r.text
    assert [(ln.sku, ln.quantity) for ln in cafe.orders()[0].lines] == CAFE_READ_BACK
    assert all(o.value not in ("light", "large") for ln in cafe.orders()[0].lines for o in ln.options)


HOLDS = [
    "it's a soft yes", "what happens if i say yes", "i'd say yes but", "put me down as a maybe", "take that as a no",
    "i want it placed later", "yes to most of it", "yes bar the muffin", "yes don't place it yet", "good robot",
    "that's very good of you but no", "in that case no", "yes as in wait", "y es wait", "go aheadd but wait",
]


@pytest.mark.parametrize("reply", HOLDS)
def test_these_hold(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text


def test_the_new_readings_say_what_they_do() -> None:
    assert Also.HEDGES in decide("yes as in yes i heard you").also and decide("yes as in go ahead").places
    assert Also.HEDGES in decide("es place").also and decide("es please").places and decide("place").places
    assert decide("y es please").places and not decide("y es").also - {Also.MORE} and not decide("no w").places
    assert decide("thanks all the same but no").plain_no
    assert on_yes(tokens("if it's oat milk then yes")) and not on_yes(tokens("if you have oat milk"))
    assert not on_yes(tokens("yes please"))


_BAKERY = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "BAGEL", "name": "plain bagel", "aliases": ["bagel"], "price": "2.00", "options": [
            {"code": "toast", "name": "toast", "default": "untoasted", "values": [
                {"code": "untoasted", "name": "untoasted"}, {"code": "toasted", "name": "toasted"}]}]},
        {"sku": "SOURDOUGH", "name": "sourdough loaf", "aliases": ["sourdough"], "price": "6.50"},
        {"sku": "CROISSANT", "name": "butter croissant", "aliases": ["croissant"], "price": "3.00"},
    ],
}


@pytest.fixture
def bakery(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _BAKERY)


def _bakery_read_back(bakery: Chat) -> list[tuple[str, int, dict[str, str]]]:
    bakery.say("two bagels and a sourdough loaf")
    assert "place the order" in bakery.say("that's all").text
    assert bakery.counts == {"BAGEL": 2, "SOURDOUGH": 1}
    return list(bakery.lines)


@pytest.mark.parametrize("reply", ["if they're toasted then yes", "yes the bagels and the croissant",
                                   "yes two croissants", "yes don't add the croissant", "thanks all the same but no",
                                   "as long as the sourdough is fresh go ahead"])
def test_any_shop_these_change_nothing(reply: str, bakery: Chat) -> None:
    before = _bakery_read_back(bakery)
    r = bakery.say(reply)
    assert not r.order_number and bakery.lines == before, (r.text, bakery.lines)


@pytest.mark.parametrize("reply", ["yes and don't forget the sourdough", "take that as a yes", "yes to both",
                                   "in that case go ahead"])
def test_any_shop_these_place_as_read_back(reply: str, bakery: Chat) -> None:
    _bakery_read_back(bakery)
    r = bakery.say(reply)
    assert r.order_number, r.text
    assert bakery.counts == {}


# A yes to part of the order that names what to leave out: the line left out comes off and the order is read again,
# or nothing changes and the question is put again; never a latte more in the muffin's place (fu-trust: "yes to the
# lattes not the muffin" swapped the muffin for a third latte).
LEFT_OUT = [
    "yes to the lattes not the muffin", "yes to the lattes but not the muffin", "just the lattes not the muffin",
    "yes the lattes but not the muffin", "the lattes not the muffin", "yes to the latte not the muffin",
    "yes to my lattes not the muffin", "the two lattes not the muffin", "yes to two lattes not the muffin",
    "yes to the medium lattes not the muffin", "not the muffin just the lattes",
    "yes to the lattes, not the blueberry muffin", "yes to the lattes not the muffins",
    # the lattes said otherwise than read back: a yes to part of the order, still no latte more
    "yes to the three lattes not the muffin", "yes to the large lattes not the muffin", "a latte not the muffin",
]


@pytest.mark.parametrize("reply", LEFT_OUT)
def test_a_yes_to_part_takes_off_what_it_leaves_out_and_reads_again(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.counts == {"LATTE": 2}, (r.text, chat.lines)
    assert "place the order" in r.text and "instead" not in r.text, r.text
    assert all(opts.get("size") == "medium" for sku, _, opts in chat.lines), chat.lines


def test_the_order_left_after_a_yes_to_part_places_on_the_next_yes(chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    chat.say("yes to the lattes not the muffin")
    r = chat.say("yes")
    assert r.order_number and len(cafe.orders()) == 1, r.text
    assert [(ln.sku, ln.quantity) for ln in cafe.orders()[0].lines] == [("LATTE", 2)]


@pytest.mark.parametrize("reply", ["yes to the muffin not the lattes", "just the muffin not the lattes",
                                   "the muffin but not the lattes"])
def test_a_yes_to_the_other_part_takes_the_lattes_off(reply: str, chat: Any, cafe: Any) -> None:
    cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    assert chat.counts == {"BLUEBERRY-MUFFIN": 1}, (r.text, chat.lines)


@pytest.mark.parametrize("reply", [*LEFT_OUT, "the lattes yes the muffin no", "lattes yes muffin no",
                                   "yes for the lattes no to the muffin", "yes to the lattes and no to the muffin",
                                   "everything except the muffin", "yes to everything but the muffin",
                                   "all of it except the muffin", "the lattes are right but not the muffin",
                                   "yes to the lattes without the muffin", "keep the lattes drop the muffin"])
def test_a_yes_to_part_never_adds_and_never_places(reply: str, chat: Any, cafe: Any) -> None:
    before = cafe_read_back(chat)
    r = chat.say(reply)
    assert not r.order_number and cafe.orders() == [], r.text
    counts = dict(CAFE_READ_BACK)
    assert all(n <= counts.get(sku, 0) for sku, n in chat.counts.items()), (r.text, chat.lines)
    assert all(line in before for line in chat.lines), (r.text, chat.lines)


def test_while_ordering_the_line_named_as_it_is_stays_and_a_new_product_still_swaps(chat: Any) -> None:
    chat.say("two lattes and a blueberry muffin")
    chat.say("the lattes not the muffin")
    assert chat.counts == {"LATTE": 2}
    chat.say("and a blueberry muffin")
    chat.say("a croissant not the muffin")
    assert chat.counts == {"LATTE": 2, "CROISSANT": 1}


@pytest.mark.parametrize(("reply", "counts"), [("yes to the bagels not the sourdough", {"BAGEL": 2}),
                                               ("just the bagels but not the sourdough", {"BAGEL": 2}),
                                               ("yes to the sourdough not the bagels", {"SOURDOUGH": 1})])
def test_any_shop_a_yes_to_part_takes_off_what_it_leaves_out(reply: str, counts: dict[str, int],
                                                             bakery: Chat) -> None:
    _bakery_read_back(bakery)
    r = bakery.say(reply)
    assert not r.order_number and bakery.counts == counts, (r.text, bakery.lines)
    assert "place the order" in r.text, r.text


# A yes word that is part of a product's name said with it ("sweet" of "two sweet teas", "cool" of "cool ranch
# chips") is no yes: said at the read-back, such an order adds as any order does; with a yes apart from the names
# ("yes two sweet teas") the order described otherwise still adds nothing (fu-loss1).
_STAND = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "LEMONADE", "name": "lemonade", "price": "3.00"},
        {"sku": "SWEET-TEA", "name": "sweet tea", "price": "2.50", "options": [
            {"code": "size", "name": "size", "default": "medium", "values": [
                {"code": "medium", "name": "medium"}, {"code": "large", "name": "large", "price_delta": "1.00"}]}]},
        {"sku": "CHIPS", "name": "cool ranch chips", "price": "1.50"},
    ],
}


@pytest.fixture
def stand(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _STAND)


@pytest.mark.parametrize(("said", "added"), [("two sweet teas", ("SWEET-TEA", 2)),
                                             ("two large sweet teas", ("SWEET-TEA", 2)),
                                             ("three sweet teas please", ("SWEET-TEA", 3)),
                                             ("two cool ranch chips", ("CHIPS", 2))])
def test_a_yes_word_of_a_name_is_no_yes_at_the_read_back(said: str, added: tuple[str, int], stand: Chat) -> None:
    assert "Is that right" in stand.say("a lemonade").text
    r = stand.say(said)
    assert not r.order_number and "yes or a no" not in r.text, r.text
    assert stand.counts == {"LEMONADE": 1, added[0]: added[1]}


@pytest.mark.parametrize("reply", ["yes two sweet teas", "yes the two sweet teas", "sweet the two lemonades",
                                   "yeah two cool ranch chips"])
def test_a_yes_apart_from_the_names_still_adds_nothing(reply: str, stand: Chat) -> None:
    stand.say("a lemonade")
    assert "place the order" in stand.say("that's all").text
    r = stand.say(reply)
    assert not r.order_number and stand.counts == {"LEMONADE": 1}, (r.text, stand.lines)


@pytest.mark.parametrize(("catalog", "turns", "want"), [
    ("smokehouse", ["a turkey sandwich with pickles", "two sweet teas"], {"TURKEY-SANDWICH": 1, "SWEET-TEA": 2}),
    ("seafoodboil", ["a half catfish po'boy with slaw", "two large sweet teas"], {"CATFISH-POBOY": 1, "ICED-TEA": 2}),
])
def test_sweet_teas_ordered_mid_order_are_added(catalog: str, turns: list[str], want: dict[str, int],
                                                shop: Any) -> None:
    chat = shop(catalog)
    for t in turns:
        r = chat.say(t)
    assert not r.order_number and chat.counts == want, r.text
