"""Session 20, the plate lunch counter (tests/corpus/catalogs/platelunch.json) and the same families on a taqueria
written here:

- a choice whose alias is a common word ("regular" of the "regular plate" size) answers the question about its group,
  and is heard right after a product named by a part of its name ("the fried mahi regular with brown rice");
- a product sold on its own under a choice's name ("a regular kalua": the kalua pig plate, not the mixed plate with
  kalua among its mains; dialogue/dish_of_choice.py);
- a product named by how many choices it holds, given more ("a mixed plate with" three mains: the three choice plate;
  dialogue/counted_siblings.py), and "a three choice with ..." (the number begins a part of a name, no count);
- a cart line named by a word that is only another product's choice ("never mind the mochi": the butter mochi);
- a cart line named again beside a new item ("just the lau lau and a haupia then": only the haupia added;
  dialogue/kept_lines.py);
- "plus a <choice>" of a one-choice group the item before already has: another item of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SIZE = {"code": "size", "name": "size", "required": True, "values": [
    {"code": "small", "name": "small"}, {"code": "large", "name": "large", "price_delta": "2.00"}]}
_BOWL = {"code": "size", "name": "bowl size", "required": True, "values": [
    {"code": "regular", "name": "regular bowl", "aliases": ["regular"]},
    {"code": "large", "name": "large bowl", "price_delta": "2.00"}]}

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "option_sets": {
        "meats": {"code": "meats", "name": "meats", "required": True, "multiple": True, "values": [
            {"code": "chicken", "name": "grilled chicken", "aliases": ["chicken"]},
            {"code": "asada", "name": "carne asada", "aliases": ["asada"]},
            {"code": "carnitas", "name": "carnitas"}]},
    },
    "products": [
        {"sku": "CHICKEN-PLATE", "name": "grilled chicken plate", "price": "10.00", "options": [_SIZE]},
        {"sku": "ASADA-PLATE", "name": "carne asada plate", "price": "12.00", "options": [_SIZE]},
        {"sku": "COMBO-2", "name": "two meat combo", "aliases": ["combo", "combo plate"], "price": "14.00",
         "options": ["meats"]},
        {"sku": "COMBO-3", "name": "three meat combo", "price": "17.00", "options": ["meats"]},
        {"sku": "PORK-BOWL", "name": "spicy pork rice bowl", "price": "11.00", "options": [_BOWL]},
        {"sku": "CUP", "name": "ice cream cup", "price": "4.00", "options": [
            {"code": "size", "name": "size", "required": True, "values": [
                {"code": "kids", "name": "kids cup", "aliases": ["kids size", "kids"]},
                {"code": "large", "name": "large cup", "aliases": ["large"], "price_delta": "2.00"}]},
            {"code": "flavours", "name": "flavours", "required": True, "multiple": True, "values": [
                {"code": "vanilla", "name": "vanilla"}, {"code": "chocolate", "name": "chocolate"},
                {"code": "mango", "name": "mango"}]},
            {"code": "toppings", "name": "toppings", "multiple": True, "values": [
                {"code": "churro", "name": "churro bits", "aliases": ["churro"], "price_delta": "1.00"},
                {"code": "sprinkles", "name": "sprinkles"}]}]},
        {"sku": "CHURRO", "name": "cinnamon churro", "price": "3.00"},
        {"sku": "HORCHATA", "name": "horchata", "price": "3.00"},
        {"sku": "FLAN", "name": "caramel flan", "price": "4.00"},
        {"sku": "AGUA", "name": "agua fresca", "price": "3.50", "options": [
            {"code": "flavour", "name": "flavour", "required": True, "values": [
                {"code": "jamaica", "name": "jamaica"}, {"code": "tamarindo", "name": "tamarindo"}]}]},
        {"sku": "SPRITZ", "name": "jamaica spritz", "price": "5.00"},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.fixture
def plates(shop: Callable[[str], Chat]) -> Chat:
    return shop("platelunch")


def _all(chat: Chat) -> list[tuple[str, int, dict[str, tuple[str, ...]]]]:
    """The cart's lines with every value of a group of several choices."""
    out = []
    for ln in chat.session.cart.lines:
        opts: dict[str, tuple[str, ...]] = {}
        for o in ln.options:
            opts[o.group] = tuple(sorted((*opts.get(o.group, ()), o.value)))
        out.append((ln.sku, ln.quantity, opts))
    return out


def _sorted(lines: list[tuple[str, int, dict[str, str]]]) -> list[tuple[str, int, dict[str, str]]]:
    return sorted(lines, key=lambda ln: (ln[0], sorted(ln[2].items())))


# --- "regular" answers the size question; said after a product named in part ---------------------------------

@pytest.mark.parametrize("answer", ["regular", "uh regular", "regular please"])
def test_a_common_word_alias_answers_the_asked_group(plates: Chat, answer: str) -> None:
    plates.say("a teri beef plate")
    plates.say(answer)
    assert plates.lines == [("TERI-BEEF-PLATE", 1, {"size": "regular", "scoops": "rice_mac", "rice": "white"})]
    plates.say("oh and a spam musubi")
    assert [ln[0] for ln in plates.lines] == ["TERI-BEEF-PLATE", "SPAM-MUSUBI"]


def test_a_common_word_alias_answers_on_another_menu(chat: Chat) -> None:
    r = chat.say("a spicy pork rice bowl")
    assert "regular bowl or large bowl" in r.text
    chat.say("regular")
    assert chat.lines == [("PORK-BOWL", 1, {"size": "regular"})]


@pytest.mark.parametrize(("said", "options"), [
    ("uh the fried mahi regular with brown rice and extra mac",
     {"size": "regular", "scoops": "rice_mac", "rice": "brown", "add_ons": "extra_mac"}),
    ("a fried mahi regular", {"size": "regular", "scoops": "rice_mac", "rice": "white"}),
])
def test_a_common_word_choice_after_a_product_named_in_part(plates: Chat, said: str, options: dict[str, str]) -> None:
    plates.say(said)
    assert plates.lines == [("MAHI-PLATE", 1, options)]


@pytest.mark.parametrize("said", ["the spicy pork regular", "a pork bowl regular please"])
def test_a_common_word_choice_after_a_part_of_a_name_elsewhere(chat: Chat, said: str) -> None:
    chat.say(said)
    assert chat.lines == [("PORK-BOWL", 1, {"size": "regular"})]


# --- a product sold under a choice's name ---------------------------------------------------------------------

@pytest.mark.parametrize(("said", "lines"), [
    ("a regular kalua", [("KALUA-PLATE", 1, "regular")]),
    ("a mini kalua", [("KALUA-PLATE", 1, "mini")]),
    ("two mini kalua plates", [("KALUA-PLATE", 2, "mini")]),
    ("a regular mochiko", [("MOCHIKO-PLATE", 1, "regular")]),
    ("a regular katsu and a regular kalua", [("KATSU-PLATE", 1, "regular"), ("KALUA-PLATE", 1, "regular")]),
])
def test_a_choice_name_said_as_an_item_is_the_product_sold_so(plates: Chat, said: str,
                                                                lines: list[tuple[str, int, str]]) -> None:
    plates.say(said)
    assert [(sku, n, o["size"]) for sku, n, o in plates.lines] == lines


def test_the_choice_name_alone_asks_the_size_of_that_product(plates: Chat) -> None:
    r = plates.say("a kalua")
    assert "kalua pig and cabbage plate" in r.text and plates.lines == []


@pytest.mark.parametrize("said", ["a mixed plate with kalua and katsu", "a kalua and katsu mixed plate"])
def test_choices_of_the_product_named_stay_its_choices(plates: Chat, said: str) -> None:
    plates.say(said)
    assert [(sku, n, o["mains"]) for sku, n, o in _all(plates)] == [("MIXED-2", 1, ("chicken_katsu", "kalua_pig"))]


@pytest.mark.parametrize(("said", "sku", "size"), [
    ("a large asada", "ASADA-PLATE", "large"),
    ("one small chicken", "CHICKEN-PLATE", "small"),
    ("two large asada plates", "ASADA-PLATE", "large"),
])
def test_a_choice_name_said_as_an_item_on_another_menu(chat: Chat, said: str, sku: str, size: str) -> None:
    chat.say(said)
    assert [(s, o) for s, _, o in chat.lines] == [(sku, {"size": size})]


@pytest.mark.parametrize("said", ["a jamaica", "and a jamaica please"])
def test_a_kind_a_product_is_chosen_by_stays_that_product(chat: Chat, said: str) -> None:
    chat.say(said)  # (the agua fresca's flavour, one of a kind: not the "jamaica spritz" sold beside it)
    assert chat.lines == [("AGUA", 1, {"flavour": "jamaica"})]


def test_a_combo_with_those_choices_stays_the_combo(chat: Chat) -> None:
    chat.say("a combo with chicken and asada")
    assert [s for s, _, _ in chat.lines] == ["COMBO-2"]


# --- a product named by its count of choices, given more --------------------------------------------------------

@pytest.mark.parametrize(("said", "sku", "n"), [
    ("yeah can i get a mixed plate with kalua pig teri beef and mochiko chicken", "MIXED-3", 1),
    ("two mixed plates with katsu kalbi and mahi", "MIXED-3", 2),
    ("a mixed plate with kalua and katsu", "MIXED-2", 1),
    ("a three choice with kalua hamburger steak and mahi all mac", "MIXED-3", 1),
])
def test_the_count_of_choices_picks_the_plate(plates: Chat, said: str, sku: str, n: int) -> None:
    plates.say(said)
    assert [(s, q) for s, q, _ in plates.lines] == [(sku, n)]
    assert len(_all(plates)[0][2]["mains"]) == (3 if sku == "MIXED-3" else 2)


@pytest.mark.parametrize(("said", "sku"), [
    ("a combo with chicken asada and carnitas", "COMBO-3"),
    ("a combo plate with chicken and carnitas", "COMBO-2"),
    ("a three meat with chicken asada and carnitas", "COMBO-3"),
])
def test_the_count_of_choices_picks_the_combo(chat: Chat, said: str, sku: str) -> None:
    chat.say(said)
    assert [(s, q) for s, q, _ in chat.lines] == [(sku, 1)]


# --- a cart line named by a word that is another product's choice -----------------------------------------------

def test_never_mind_a_line_named_by_a_choice_word(plates: Chat) -> None:
    plates.say("two spam musubi")
    plates.say("could i add a butter mochi")
    plates.say("nah never mind the mochi")
    assert plates.lines == [("SPAM-MUSUBI", 2, {"spam": "classic", "rice": "white"})]


def test_remove_a_line_named_by_a_choice_word(plates: Chat) -> None:
    plates.say("a regular katsu and a regular kalua")
    plates.say("remove the katsu")
    assert [s for s, _, _ in plates.lines] == ["KALUA-PLATE"]


@pytest.mark.parametrize("said", ["never mind the churro", "take off the churro", "remove the churro"])
def test_a_line_named_by_a_choice_word_on_another_menu(chat: Chat, said: str) -> None:
    chat.say("a horchata and a cinnamon churro")
    chat.say(said)
    assert chat.lines == [("HORCHATA", 1, {})]


def test_a_choice_a_line_could_have_is_still_that_choice(chat: Chat) -> None:
    chat.say("a kids ice cream cup with vanilla and churro")
    chat.say("a cinnamon churro")
    chat.say("no churro on the cup")
    assert ("CHURRO", 1, {}) in chat.lines  # the churro line stays: the cup's topping is what was meant


# --- a line named again beside a new item ------------------------------------------------------------------------

def test_the_line_named_again_beside_a_new_item_is_kept(plates: Chat) -> None:
    plates.say("ok a regular lau lau plate")
    plates.say("and do you have lomi salmon")
    plates.say("ah ok just the lau lau and a haupia then")
    assert [(s, q) for s, q, _ in plates.lines] == [("LAULAU-PLATE", 1), ("HAUPIA", 1)]


@pytest.mark.parametrize("said", ["just the horchata and a caramel flan then", "the horchata and a flan"])
def test_the_line_named_again_on_another_menu(chat: Chat, said: str) -> None:
    chat.say("a horchata")
    chat.say(said)
    assert chat.lines == [("HORCHATA", 1, {}), ("FLAN", 1, {})]


def test_more_of_the_line_still_adds(chat: Chat) -> None:
    chat.say("a horchata")
    chat.say("another horchata and a flan")
    assert sum(q for s, q, _ in chat.lines if s == "HORCHATA") == 2


# --- "plus a <choice>" of a one-choice group already given -----------------------------------------------------

def test_plus_a_size_again_is_another_item(plates: Chat) -> None:
    plates.say("a keiki shave ice guava and coconut with azuki beans plus a kids size strawberry")
    assert _all(plates) == [
        ("SHAVE-ICE", 1, {"size": ("keiki",), "flavours": ("coconut", "guava"), "toppings": ("azuki",)}),
        ("SHAVE-ICE", 1, {"size": ("keiki",), "flavours": ("strawberry",)})]


@pytest.mark.parametrize("said", ["a kids ice cream cup vanilla plus a large mango",
                                  "a kids ice cream cup with vanilla plus a large mango"])
def test_plus_a_size_again_on_another_menu(chat: Chat, said: str) -> None:
    chat.say(said)
    assert _sorted(chat.lines) == _sorted([("CUP", 1, {"size": "kids", "flavours": "vanilla"}),
                                           ("CUP", 1, {"size": "large", "flavours": "mango"})])


def test_plus_a_topping_stays_on_the_item(chat: Chat) -> None:
    chat.say("a kids ice cream cup vanilla plus sprinkles")
    assert [(s, q) for s, q, _ in chat.lines] == [("CUP", 1)]


# --- one answer for several waiting items, each named by a choice it has ---------------------------------------

def test_each_waiting_item_takes_its_part_of_the_answer(plates: Chat) -> None:
    plates.say("two shave ice")
    plates.say("uh one keiki and one large")
    plates.say("the keiki strawberry and the large li hing mui and mango with ice cream")
    assert _all(plates) == [
        ("SHAVE-ICE", 1, {"size": ("keiki",), "flavours": ("strawberry",)}),
        ("SHAVE-ICE", 1, {"size": ("large",), "flavours": ("li_hing_mui", "mango"), "toppings": ("ice_cream",)})]


@pytest.mark.parametrize(("said", "kids", "large"), [
    ("the kids vanilla and the large mango with sprinkles", ("vanilla",), ("mango",)),
    ("the large chocolate and mango and the kids vanilla", ("vanilla",), ("chocolate", "mango")),
])
def test_each_waiting_item_on_another_menu(chat: Chat, said: str, kids: tuple[str, ...],
                                           large: tuple[str, ...]) -> None:
    chat.say("two ice cream cups")
    chat.say("one kids and one large")
    chat.say(said)
    assert sorted((o["size"], o["flavours"]) for _, _, o in _all(chat)) == [(("kids",), kids), (("large",), large)]


# --- only choices of the group the name counts count (fu-loss1) -------------------------------------------------

@pytest.mark.parametrize("said", [
    "can i do a two meat plate brisket and turkey with collards and potato salad and cornbread instead of the white "
    "bread",
    "a two meat plate with brisket and ribs with beans slaw and cornbread",
    "a 2 meat plate brisket turkey with mac and cheese fries and cornbread",
])
def test_sides_given_are_no_more_meats(shop: Callable[[str], Chat], said: str) -> None:
    smokehouse = shop("smokehouse")
    smokehouse.say(said)
    assert [(s, q) for s, q, _ in smokehouse.lines] == [("TWO-MEAT-PLATE", 1)], smokehouse.replies[-1].text
    assert len(_all(smokehouse)[0][2]["meats"]) == 2


def test_three_meats_to_the_two_meat_plate_still_make_the_three(shop: Callable[[str], Chat]) -> None:
    smokehouse = shop("smokehouse")
    smokehouse.say("a two meat plate with brisket turkey and ribs and beans and slaw")
    assert [(s, q) for s, q, _ in smokehouse.lines] == [("THREE-MEAT-PLATE", 1)]


# --- "with a <choice>" is the item's own choice, though its name holds a value of the group (fu-loss1) -----------

@pytest.mark.parametrize(("said", "dog", "side", "drink"), [
    ("a hot dog combo with a chicago dog onion rings and a sprite", "chicago", "rings", "sprite"),
    ("a hot dog combo with a chili cheese dog fries and a coke", "chili_cheese", "fries", "coke"),
    ("can i get a hot dog combo with a chicago dog onion rings and a coke", "chicago", "rings", "coke"),
])
def test_with_a_dog_fills_the_hot_dog_combo(shop: Callable[[str], Chat], said: str, dog: str, side: str,
                                            drink: str) -> None:
    hotdogs = shop("hotdogs")
    hotdogs.say(said)
    assert hotdogs.lines == [("COMBO", 1, {"dog": dog, "side": side, "drink": drink})], hotdogs.replies[-1].text
