"""One person ordering for a group, the lines named by whose they are: "a turkey sandwich for ben" then "ben wants
his toasted", "two in large for the leaders" then "one of the leaders wants a medium instead of a large", "sam's
the decaf and he wants it large". A name (a word no catalog and no common talk knows, said right after "for" or
"for the") marks the units it is said of, as "for my wife" does; a later change naming that person changes only
their units. A name says no one's sex: a lone "he" never stands for a person known only by name."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat


def test_change_named_by_a_name_goes_to_that_persons_line(shop: Callable[[str], Chat]) -> None:
    chat = shop("bakery")
    chat.say("a turkey sandwich on wheat for ben")
    chat.say("a reuben for carla and a blt on sourdough for me")
    chat.say("oh ben wants his toasted with avocado")
    made = {sku: opts for sku, _, opts in chat.lines}
    assert made["TURKEY-SANDWICH"].get("toasted") == "toasted"
    assert made["TURKEY-SANDWICH"].get("extras") == "avocado"
    assert "extras" not in made["BLT"] and "toasted" not in made["BLT"]


def test_name_possessive_on_another_catalog(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("a large pepperoni pizza for maya")
    pizzeria_chat.say("and a medium cheese pizza for leo")
    pizzeria_chat.say("maya's should be thin crust")
    crusts = {sku: opts.get("crust") for sku, _, opts in pizzeria_chat.lines}
    assert crusts == {"PEPPERONI-PIZZA": "thin", "CHEESE-PIZZA": "regular"}


def test_name_of_an_earlier_line_not_the_last(cafe_chat: Chat) -> None:
    cafe_chat.say("a latte for jordan")
    cafe_chat.say("and a mocha for me")
    cafe_chat.say("jordan wants his large")
    sizes = {sku: opts.get("size") for sku, _, opts in cafe_chat.lines}
    assert sizes == {"LATTE": "large", "MOCHA": "medium"}


def test_one_of_a_group_splits_off(shop: Callable[[str], Chat]) -> None:
    chat = shop("store")
    chat.say("six navy t shirts in medium")
    chat.say("and two in large for the leaders")
    chat.say("actually one of the leaders wants a medium instead of a large")
    sizes = sorted((opts.get("size", ""), qty) for sku, qty, opts in chat.lines)
    assert sizes == [("l", 1), ("m", 7)]


def test_one_of_a_group_on_another_catalog(cafe_chat: Chat) -> None:
    cafe_chat.say("three medium lattes for the interns")
    cafe_chat.say("and a mocha for me")
    cafe_chat.say("one of the interns wants it iced")
    lattes = sorted((opts.get("temperature", ""), qty) for sku, qty, opts in cafe_chat.lines if sku == "LATTE")
    assert lattes == [("hot", 2), ("iced", 1)]


def test_possessive_then_the_line_by_its_choice(cafe_chat: Chat) -> None:
    cafe_chat.say("a large latte with oat milk for me")
    cafe_chat.say("then two medium drip coffees one of them decaf")
    cafe_chat.say("and a hot chocolate with whipped cream for priya")
    cafe_chat.say("oh wait sam's the decaf and he wants it large actually")
    coffees = sorted((opts.get("caffeine", ""), opts.get("size", ""), qty)
                     for sku, qty, opts in cafe_chat.lines if sku == "DRIP-COFFEE")
    assert coffees == [("decaf", "large", 1), ("regular", "medium", 1)]
    assert dict((sku, opts.get("size")) for sku, _, opts in cafe_chat.lines)["HOT-CHOCOLATE"] == "medium"


def test_a_pronoun_is_not_a_person_known_by_name(cafe_chat: Chat) -> None:
    """"He" after "a hot chocolate for priya" and a latte: the latte in focus changes, not priya's drink."""
    cafe_chat.say("a hot chocolate for priya")
    cafe_chat.say("and a latte")
    cafe_chat.say("he wants it large")
    sizes = {sku: opts.get("size") for sku, _, opts in cafe_chat.lines}
    assert sizes == {"HOT-CHOCOLATE": "medium", "LATTE": "large"}


def test_what_an_order_is_for_is_no_name(cafe_chat: Chat) -> None:
    """"For the table", "for lunch": no one's name; an unknown name changes the line in focus as before."""
    cafe_chat.say("a latte for the table")
    cafe_chat.say("and a mocha for lunch")
    cafe_chat.say("ben wants his large")
    sizes = {sku: opts.get("size") for sku, _, opts in cafe_chat.lines}
    assert sizes == {"LATTE": "medium", "MOCHA": "large"}
    assert not any(cafe_chat.session.state.owners.values()) or all(
        p in ("", "me") for marks in cafe_chat.session.state.owners.values() for p in marks)


def test_all_but_the_line_named_by_its_choice(shop: Callable[[str], Chat]) -> None:
    chat = shop("chinesetakeout")
    chat.say("five lunch specials")
    chat.say("two general tso one sesame one orange and one beef with broccoli")
    chat.say("all with white rice except kevin's sesame he wants lo mein")
    rice = {opts["entree"]: opts.get("rice") for _, _, opts in chat.lines}
    assert rice == {"general_tso": "white", "sesame": "lo_mein", "orange": "white", "beef_broccoli": "white"}


def test_all_but_the_line_named_by_its_product(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("two large pepperoni pizzas and a medium cheese pizza")
    pizzeria_chat.say("all with thin crust except the cheese one")
    crusts = {sku: opts.get("crust") for sku, _, opts in pizzeria_chat.lines}
    assert crusts == {"PEPPERONI-PIZZA": "thin", "CHEESE-PIZZA": "regular"}


def test_all_but_one_unit_of_a_line(cafe_chat: Chat) -> None:
    cafe_chat.say("four lattes")
    cafe_chat.say("all with oat milk except one with almond")
    milks = sorted((opts.get("milk", ""), qty) for _, qty, opts in cafe_chat.lines)
    assert milks == [("almond", 1), ("oat", 3)]


def test_all_but_one_said_to_a_question(shop: Callable[[str], Chat]) -> None:
    chat = shop("chicken")
    chat.say("five chicken combos")
    chat.say("all with coke except one diet coke")
    drinks = sorted((opts.get("drink", ""), qty) for _, qty, opts in chat.lines)
    assert drinks == [("coke", 4), ("diet_coke", 1)]


def test_all_with_no_exception_changes_every_unit(cafe_chat: Chat) -> None:
    cafe_chat.say("four lattes")
    cafe_chat.say("all with oat milk")
    assert cafe_chat.lines == [("LATTE", 4, {**cafe_chat.lines[0][2], "milk": "oat"})]
    assert len(cafe_chat.lines) == 1


def test_item_for_a_persons_line_is_its_choice(shop: Callable[[str], Chat]) -> None:
    chat = shop("curry")
    chat.say("a meal for two with chicken korma and butter chicken")
    chat.say("and a meal for one for my son lamb madras")
    chat.say("he wants garlic naan with his instead of plain")
    breads = {sku: opts.get("bread") for sku, _, opts in chat.lines}
    assert breads == {"MEAL-FOR-TWO": "plain_naan", "MEAL-FOR-ONE": "garlic_naan"}


def test_person_of_a_persons_name_is_that_other_person(shop: Callable[[str], Chat]) -> None:
    """"The groom's mom": the mom, not the groom's own boutonniere."""
    chat = shop("florist")
    chat.say("we need five white boutonnieres for the groomsmen")
    chat.say("and a pink one for the groom")
    chat.say("then corsages for the two moms")
    chat.say("one white and one purple")
    chat.say("oh wait the groom's mom just texted she wants pink not purple")
    made = sorted((sku, opts.get("colour", ""), qty) for sku, qty, opts in chat.lines)
    assert made == [("BOUTONNIERE", "pink", 1), ("BOUTONNIERE", "white", 5), ("CORSAGE", "pink", 1),
                    ("CORSAGE", "white", 1)]


def test_one_of_the_kids_has_one_of_their_line(shop: Callable[[str], Chat]) -> None:
    chat = shop("deli")
    chat.say("can we get two grilled cheeses for the kids")
    chat.say("and a cobb salad for my mom")
    chat.say("oh wait my daughter wants a ham and swiss instead of her grilled cheese")
    assert chat.counts == {"GRILLED-CHEESE": 1, "COBB-SALAD": 1, "HAM-SWISS": 1}


def test_each_of_the_kids_on_another_catalog(cafe_chat: Chat) -> None:
    cafe_chat.say("two hot chocolates for the kids")
    cafe_chat.say("and a latte for me")
    cafe_chat.say("my daughter wants hers large")
    cafe_chat.say("and my son wants his with oat milk")
    cocoas = sorted((opts.get("size", ""), opts.get("milk", "")) for sku, _, opts in cafe_chat.lines
                    if sku == "HOT-CHOCOLATE")
    assert cocoas == [("large", "whole"), ("medium", "oat")]


def test_a_person_of_no_group_leaves_the_groups_line(cafe_chat: Chat) -> None:
    """"My wife" is none of the kids: their two hot chocolates stay as they are."""
    cafe_chat.say("two hot chocolates for the kids")
    cafe_chat.say("and a latte")
    cafe_chat.say("my wife wants hers large")
    assert ("HOT-CHOCOLATE", 2, {"size": "medium", "milk": "whole"}) in [
        (sku, qty, {k: v for k, v in opts.items() if k in ("size", "milk")}) for sku, qty, opts in cafe_chat.lines]


def test_the_line_named_by_a_products_word_wants_a_choice(shop: Callable[[str], Chat]) -> None:
    """"The sausage one wants wheat toast": the breakfast made with sausage gets wheat toast; no side of sausage
    nor side of toast is added."""
    chat = shop("diner")
    chat.say("two two egg breakfasts both scrambled")
    chat.say("one with bacon and one with sausage")
    chat.say("and the sausage one wants wheat toast")
    toast = sorted((opts.get("meat", ""), opts.get("toast", "")) for sku, _, opts in chat.lines)
    assert toast == [("bacon", "white"), ("sausage_links", "wheat")]


def test_a_side_said_plainly_is_still_added(shop: Callable[[str], Chat]) -> None:
    chat = shop("diner")
    chat.say("two two egg breakfasts both scrambled")
    chat.say("one with bacon and one with sausage")
    chat.say("and a side of wheat toast")
    assert chat.counts.get("SIDE-TOAST") == 1


def test_a_choice_said_with_another_product_swaps_the_persons_line(shop: Callable[[str], Chat]) -> None:
    """"She wants a half of cider instead" to her half of stout: the cider in a half, not the stout made half
    (taproom-multi-turn-mt12-001)."""
    chat = shop("taproom")
    chat.say("ok so a pint of ipa for me a half of the stout for my wife and two root beers for the kids")
    chat.say("oh my wife changed her mind she wants a half of cider instead")
    assert chat.counts == {"IPA": 1, "CIDER": 1, "ROOT-BEER": 2}
    assert [opts.get("size") for sku, _, opts in chat.lines if sku == "CIDER"] == ["half"]
