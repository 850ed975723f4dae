"""Orders for several people with the cart checked mid-order (mt43): "one more of the first one", a question put to
someone beside the caller ("hold on let me ask my brother if he wants fries"), a total said as what the cart should
hold ("no that's wrong there should be three pies"), a person's line changed ("my wife's should be a double"), a line
opened by its choice ("the diet coke with no ice"), "the kids packs both with gummy worms", "one more of my son's
smoothie"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _made(chat: Chat, sku: str) -> list[tuple[int, dict[str, str]]]:
    return [(n, opts) for s, n, opts in chat.lines if s == sku]


# -- "one more of the first one": the cart line said by its place ----------------------------------------------------

@pytest.mark.parametrize("said", ["and one more of the first one", "another of the first one",
                                  "one more of the first thing please"])
def test_more_of_the_first_line(shop: Shop, said: str) -> None:
    c = shop("bobashop")
    c.say("a taro milk tea with boba")
    c.say("and a thai milk tea half sugar")
    c.say("and a large matcha latte with oat milk")
    c.say(said)
    assert c.counts == {"TARO-MILK-TEA": 2, "THAI-MILK-TEA": 1, "MATCHA-LATTE": 1}


def test_more_of_the_second_line_on_another_shop(shop: Shop) -> None:
    c = shop("burgerjoint")
    c.say("a bacon cheeseburger")
    c.say("a cheeseburger")
    c.say("two chocolate shakes")
    c.say("and one more of the second one")
    assert c.counts == {"BACON-CHEESEBURGER": 1, "CHEESEBURGER": 2, "SHAKE": 2}


def test_more_of_the_first_line_made_otherwise(shop: Shop) -> None:
    c = shop("koreanchicken")
    c.say("a half chicken soy garlic")
    c.say("and two cans of coke")
    c.say("and one more of the first one but honey butter")
    assert sorted(o["sauce"] for _, o in _made(c, "HALF-CHICKEN")) == ["honey_butter", "soy_garlic"]
    assert c.counts["SODA"] == 2


# -- a question put to someone beside the caller orders nothing ------------------------------------------------------

@pytest.mark.parametrize("said", [
    "hold on let me ask my brother if he wants fries",
    "hmm let me check with her if she wants a beer too hold on",
    "let me ask the kids whether they want lemonade",
    "hold on i'll ask my wife if she'd like fries",
    "hang on let me see if the others want something",
])
def test_asking_someone_else_adds_nothing(shop: Shop, said: str) -> None:
    c = shop("hotdogs")
    c.say("a chicago dog for my brother")
    reply = c.say(said)
    assert c.counts == {"CHICAGO-DOG": 1}
    assert "take your time" in reply.text.lower()


def test_a_want_said_after_a_hold_still_orders(shop: Shop) -> None:
    c = shop("hotdogs")
    c.say("a chicago dog")
    c.say("hold on he wants fries")
    assert c.counts == {"CHICAGO-DOG": 1, "FRIES": 1}


# -- a total said as what the cart should hold ---------------------------------------------------------------------

def test_total_with_the_held_one_named_adds_the_other(shop: Shop) -> None:
    c = shop("creamery")
    c.say("a pint of pistachio to take home")
    c.say("wait what did i order")
    c.say("no that's wrong there should be two pints the pistachio and a butter pecan")
    assert sorted((n, o["flavour"]) for n, o in _made(c, "PINT")) == [(1, "butter_pecan"), (1, "pistachio")]


def test_total_with_a_new_one_described_adds_it(shop: Shop) -> None:
    c = shop("toystore")
    c.say("can i get two yo-yos one red one blue for the twins")
    c.say("no that's wrong there should be three yo-yos add a glow in the dark one for the neighbor's kid")
    assert sorted(o["colour"] for _, o in _made(c, "YOYO")) == ["blue", "glow", "red"]
    assert c.counts == {"YOYO": 3}


@pytest.mark.parametrize("said", [
    "no that's wrong there should be three pies my brother's coming too",
    "there should be three pies my dad is joining us",
    "sorry there are supposed to be three pies",
])
def test_total_of_one_line_recounts_it(shop: Shop, said: str) -> None:
    c = shop("fishchips")
    c.say("two steak and kidney pies one for me and one for my dad")
    c.say("and a curry sauce")
    c.say("read that back")
    c.say(said)
    assert c.lines[0][:2] == ("PIE", 3)
    assert c.counts == {"PIE": 3, "CURRY-SAUCE": 1}


def test_total_of_a_choice_recounts_that_line(shop: Shop) -> None:
    c = shop("koreanchicken")
    c.say("two cans of coke and a sprite")
    c.say("no that's wrong there should be three cokes")
    assert sorted((n, o["flavour"]) for n, o in _made(c, "SODA")) == [(1, "sprite"), (3, "coke")]


def test_total_said_with_who_it_is_for(shop: Shop) -> None:
    c = shop("bagels")
    c.say("a black and white cookie for my son")
    c.say("no that's wrong there should be two cookies one for my daughter too")
    assert c.counts == {"BLACK-WHITE": 2}


def test_total_not_above_the_cart_adds_nothing(shop: Shop) -> None:
    c = shop("fishchips")
    c.say("three steak and kidney pies")
    c.say("there should be three pies")
    assert c.counts == {"PIE": 3}


# -- a person's line ------------------------------------------------------------------------------------------------

def test_someones_line_should_be_a_choice(shop: Shop) -> None:
    c = shop("burgerjoint")
    c.say("a bacon cheeseburger medium well for me")
    c.say("a cheeseburger for my wife with pickles")
    c.say("actually my wife's should be a double")
    assert c.counts == {"BACON-CHEESEBURGER": 1, "CHEESEBURGER": 1}
    assert _made(c, "CHEESEBURGER")[0][1]["patty"] == "double"
    assert _made(c, "BACON-CHEESEBURGER")[0][1]["patty"] == "single"


def test_the_one_for_me(shop: Shop) -> None:
    c = shop("hotdogs")
    c.say("three hot dogs one for me with everything and the kids want two plain ones just ketchup")
    c.say("and a large fries to share")
    c.say("ok and the one for me make it a footlong")
    made = {o["toppings"]: (n, o["length"]) for n, o in _made(c, "HOT-DOG")}
    assert made == {"everything": (1, "footlong"), "ketchup": (2, "regular")}


def test_her_line_named_by_its_product(shop: Shop) -> None:
    c = shop("juicebar")
    c.say("two ginger shots for me and my coworker")
    c.say("and a green detox for her with extra lemon")
    c.say("and make her green detox a large")
    assert _made(c, "GREEN-DETOX")[0][1]["size"] == "large"
    assert c.counts == {"GINGER-SHOT": 2, "GREEN-DETOX": 1}


@pytest.mark.parametrize("said", ["my wife's diet coke with no ice please", "the diet coke with no ice please",
                                  "her diet coke no ice"])
def test_line_opened_by_its_choice(shop: Shop, said: str) -> None:
    c = shop("cinema")
    c.say("two medium sodas a diet coke for my wife and a coke zero for me")
    c.say(said)
    made = sorted((o["flavour"], o["ice"]) for _, o in _made(c, "SODA"))
    assert made == [("coke_zero", "regular"), ("diet_coke", "no_ice")]


@pytest.mark.parametrize("said", ["and the kids packs both with gummy worms", "the kids packs all with gummy worms"])
def test_product_lines_both_changed(shop: Shop, said: str) -> None:
    c = shop("cinema")
    c.say("two kids packs one with apple juice and one with fruit punch")
    c.say("and a medium soda coke zero")
    c.say(said)
    assert sorted(o["treat"] for _, o in _made(c, "KIDS-PACK")) == ["gummy_worms", "gummy_worms"]


def test_someones_units_both_changed_not_every_line(shop: Shop) -> None:
    c = shop("bobashop")
    c.say("can i get two mango slushes for the kids")
    c.say("and a brown sugar boba milk for me no ice")
    c.say("oh ok um the kids ones both with popping boba")
    assert _made(c, "SLUSH")[0][1].get("toppings") == "popping"
    assert "toppings" not in _made(c, "BROWN-SUGAR-MILK")[0][1]


def test_more_of_someones_line(shop: Shop) -> None:
    c = shop("juicebar")
    c.say("a large green machine for me")
    c.say("and a small strawberry banana for my son with oat milk")
    c.say("and for my wife an acai bowl with granola")
    c.say("and one more of my son's smoothie for his brother")
    assert c.counts == {"GREEN-MACHINE": 1, "STRAWBERRY-BANANA": 2, "ACAI-BOWL": 1}


def test_last_one_off_with_a_reason_told(shop: Shop) -> None:
    c = shop("bobashop")
    c.say("can i get two mango slushes for the kids")
    c.say("and a brown sugar boba milk for me")
    c.say("and my husband wants a classic milk tea")
    c.say("actually remove that last one he says he's fine")
    assert c.counts == {"SLUSH": 2, "BROWN-SUGAR-MILK": 1}


# -- a person's line made into another product while the cart holds another of that product (fu-loss3) ----------------

@pytest.mark.parametrize("said", ["actually my sister changed her mind she wants hers as a bowl",
                                  "my sister wants hers as a bowl", "make hers a bowl"])
def test_hers_made_a_product_another_line_holds(shop: Shop, said: str) -> None:
    c = shop("taqueria")
    c.say("a bowl with al pastor cilantro lime rice and black beans")
    c.say("a veggie burrito no beans for my sister")
    c.say("and three tamales two pork one chicken")
    c.say(said)
    bowls = sorted((o["protein"], o["beans"]) for _, o in _made(c, "BOWL"))
    assert bowls == [("pastor", "black"), ("veggie", "none")]
    assert c.counts == {"BOWL": 2, "TAMALE": 3}


# -- what another person's one is, said while no line of theirs is held: one more line (fu-loss3) ----------------------

@pytest.mark.parametrize("first,said,kid", [
    ("i want a helmet for me and one for my daughter", "hers is a kids one pink", "pink"),
    ("a helmet for me and one for my son", "his should be a kids one blue", "blue"),
])
def test_someone_elses_one_said_adds_it(shop: Shop, first: str, said: str, kid: str) -> None:
    c = shop("bikeshop")
    c.say(first)
    c.say("mine medium black")
    c.say(said)
    assert c.counts == {"HELMET": 1, "KIDS-HELMET": 1}
    assert _made(c, "HELMET")[0][1] == {"size": "medium", "colour": "black"}
    assert _made(c, "KIDS-HELMET")[0][1]["colour"] == kid


def test_hers_said_of_her_line_still_changes_it(shop: Shop) -> None:
    c = shop("bikeshop")
    c.say("a helmet for my daughter")
    c.say("hers is a kids one pink")
    assert c.counts == {"KIDS-HELMET": 1}
