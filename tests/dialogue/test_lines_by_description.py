"""Counter-style follow-ups that name a cart line by a description, or change a count loosely: "just the bagels and
the tub" (the line whose name holds "bagels"), "scratch one of the macs", "two bags actually", "no peonies make it
four lilies", "lose the kids one" (the line ordered for the kid, though "kids" is also a drink size), "bbq chips
with the tuna one" and "onion rings instead of fries on the sprite one" (the line named by one of its choices),
"two of them one with cherry one plain" (to "how many would you like?"), "and one white small for my daughter"
(one more of the line in focus, made so). Corpus catalogs and the bundled cafe."""

from __future__ import annotations

from tests.dialogue.conftest import Chat


def _skus(chat: Chat) -> list[tuple[str, int]]:
    return [(sku, n) for sku, n, _ in chat.lines]


# --- "just X and Y": the lines named stay, a product's name standing for the line that holds it -------------------
def test_just_the_bagels_and_the_tub_keeps_those_lines(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("bagels")
    chat.say("a half dozen bagels assorted")
    chat.say("and a tub of scallion cream cheese")
    chat.say("ok then a lox on pumpernickel")
    chat.say("actually no just the bagels and the tub")
    assert _skus(chat) == [("HALF-DOZEN", 1), ("CC-TUB", 1)]


def test_only_the_lox_and_the_bagels_said_otherwise(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("bagels")
    chat.say("a lox on an everything bagel")
    chat.say("a tub of plain cream cheese")
    chat.say("and a half dozen bagels assorted")
    chat.say("no wait only the lox and the bagels")
    assert _skus(chat) == [("LOX", 1), ("HALF-DOZEN", 1)]


# --- "scratch one of the macs": one unit off, nothing added --------------------------------------------------------
def test_scratch_one_of_the_macs(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("smokehouse")
    chat.say("a pound of brisket lean")
    chat.say("and two large mac and cheese")
    chat.say("scratch one of the macs")
    assert chat.lines[-1] == ("MAC-CHEESE", 1, {"size": "large"})
    assert len(chat.lines) == 2


def test_lose_one_of_the_lattes(chat: Chat) -> None:
    chat.say("three lattes")
    chat.say("and a muffin")
    chat.say("lose one of the lattes")
    assert chat.counts == {"LATTE": 2, "BLUEBERRY-MUFFIN": 1}


def test_scratch_the_lattes_still_takes_the_line_off(chat: Chat) -> None:
    chat.say("three lattes")
    chat.say("and a muffin")
    chat.say("scratch the lattes")
    assert chat.counts == {"BLUEBERRY-MUFFIN": 1}


# --- "two bags actually": a count with only a package word, corrected after -----------------------------------------
def test_two_bags_actually(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("garden")
    chat.say("a bag of potting mix")
    chat.say("two bags actually")
    assert chat.counts == {"POTTING-MIX": 2}


def test_three_orders_actually(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("pizzeria")
    chat.say("an order of garlic knots")
    chat.say("three orders actually")
    assert chat.counts == {"GARLIC-KNOTS": 3}


def test_two_bags_alone_sets_the_count_of_the_line_just_ordered(shop) -> None:  # type: ignore[no-untyped-def]
    # Round mt28 (terse shoppers, written by others): "cough drops cherry", "two bags" is two bags of them; this test
    # said until then that "two bags" alone changed nothing.
    chat = shop("garden")
    chat.say("a bag of potting mix")
    chat.say("two bags")
    assert chat.counts == {"POTTING-MIX": 2}


# --- "no peonies make it four lilies": a product let go that was never ordered, then the line's new count ---------
def test_no_peonies_make_it_four_lilies(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("florist")
    chat.say("ok three bunches of white lilies")
    chat.say("and do you have peonies")
    chat.say("ok then no peonies make it four lilies")
    assert chat.lines == [("LILIES", 4, {"colour": "white", "wrap": "paper"})]


def test_no_muffin_make_it_two_lattes(chat: Chat) -> None:
    chat.say("a latte")
    chat.say("no muffin make it two lattes")
    assert chat.counts == {"LATTE": 2}


# --- "lose the kids one": the line ordered for that person, though the word is also a catalog word ---------------
def test_lose_the_kids_one(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("hotdogs")
    chat.say("two hot dogs with everything")
    chat.say("and a chicago dog for my husband")
    chat.say("and a plain hot dog for the kid")
    chat.say("and three lemonades")
    chat.say("lose the kids one")
    assert _skus(chat) == [("HOT-DOG", 2), ("CHICAGO-DOG", 1), ("LEMONADE", 3)]


def test_remove_my_wifes_one(chat: Chat) -> None:
    chat.say("a latte for my wife and a mocha for me")
    chat.say("remove my wife's one")
    assert chat.counts == {"MOCHA": 1}


def test_a_kids_lemonade_is_still_a_size(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("hotdogs")
    chat.say("a plain hot dog for the kid")
    chat.say("and a kids lemonade")
    assert chat.lines[-1][0] == "LEMONADE" and chat.lines[-1][2]["size"] == "small"
    assert chat.counts == {"HOT-DOG": 1, "LEMONADE": 1}


# --- "bbq chips with the tuna one", "onion rings instead of fries on the sprite one": the line by its choice ------
def test_bbq_chips_with_the_tuna_one(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("subshop")
    chat.say("two meal deals")
    chat.say("one spicy italian one tuna")
    chat.say("cokes for both")
    chat.say("bbq chips with the tuna one")
    sides = {opts["sub"]: opts["side"] for sku, _, opts in chat.lines}
    assert sides == {"spicy_italian": "classic_chips", "tuna": "bbq_chips"}


def test_onion_rings_with_the_sprite_one(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("burgerjoint")
    chat.say("ok two combos both cheeseburger")
    chat.say("one with a coke and one with a sprite")
    chat.say("onion rings with the sprite one")
    sides = {opts["drink"]: opts["side"] for sku, _, opts in chat.lines}
    assert sides == {"coke": "fries", "sprite": "rings"}


def test_onion_rings_instead_of_fries_on_the_sprite_one(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("burgerjoint")
    chat.say("ok two combos both cheeseburger")
    chat.say("one with a coke and one with a sprite")
    chat.say("and onion rings instead of fries on the sprite one")
    sides = {opts["drink"]: opts["side"] for sku, _, opts in chat.lines}
    assert sides == {"coke": "fries", "sprite": "rings"}


def test_a_product_with_the_tuna_one_changes_no_meal(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("subshop")
    chat.say("two meal deals")
    chat.say("one spicy italian one tuna")
    chat.say("cokes for both")
    chat.say("a brownie with the tuna one")
    assert [opts["side"] for sku, _, opts in chat.lines if sku == "MEAL"] == ["classic_chips", "classic_chips"]
    assert chat.counts["BROWNIE"] == 1


# --- "two of them, one with cherry one plain" to "how many would you like?" --------------------------------------
def test_two_of_them_one_with_cherry_one_plain(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("cakeshop")
    chat.say("ok what about the cheesecake how many")
    chat.say("two of them one with cherry one plain")
    chat.say("and a happy anniversary message on the cherry one")
    assert sorted((n, opts.get("topping"), opts.get("message")) for _, n, opts in chat.lines) == [
        (1, "cherry", "happy_anniversary"), (1, "plain", None)]


def test_two_of_them_one_warmed_one_plain(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("bakery")
    chat.say("how many croissants do you have")
    chat.say("two of them one warmed one plain")
    assert sorted(opts["warmed"] for _, _, opts in chat.lines) == ["no", "yes"]


def test_two_of_them_all_cherry(shop) -> None:  # type: ignore[no-untyped-def]
    chat = shop("cakeshop")
    chat.say("ok what about the cheesecake how many")
    chat.say("two of them with cherry")
    assert chat.lines == [("CHEESECAKE", 2, {"topping": "cherry"})]


# --- "and one white small for my daughter": one more of the line in focus, made so ---------------------------------
def test_one_white_small_for_my_daughter(shop_store) -> None:  # type: ignore[no-untyped-def]
    chat = Chat(shop_store)
    chat.say("two black t shirts medium")
    chat.say("and one white small for my daughter")
    assert [(sku, n, opts.get("colour"), opts.get("size")) for sku, n, opts in chat.lines] == [
        ("CREW-NECK-T-SHIRT", 2, "black", "m"), ("CREW-NECK-T-SHIRT", 1, "white", "s")]


def test_one_small_for_my_son(chat: Chat) -> None:
    chat.say("two large lattes")
    chat.say("and one small for my son")
    assert [(n, opts["size"]) for _, n, opts in chat.lines] == [(2, "large"), (1, "small")]


def test_a_belt_said_by_name_is_a_belt(shop_store) -> None:  # type: ignore[no-untyped-def]
    chat = Chat(shop_store)
    chat.say("two black t shirts medium")
    chat.say("and a small leather belt")
    assert [sku for sku, _, _ in chat.lines] == ["CREW-NECK-T-SHIRT", "LEATHER-BELT"]
