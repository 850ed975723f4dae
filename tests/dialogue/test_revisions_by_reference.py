"""Earlier lines revised by reference after they were ordered: a choice moved from one line to another ("move the
feta over to the falafel one", "take the sprinkles off the cone and put them on the shake instead"), one change for
two lines ("make the shoes burgundy and the polish too"), part of a line split off ("make one of the garlic naans a
peshwari", "make the second one onion rings", "make one of those tubes a regular tube"), a line named by the choice
it holds ("make the basil the one gallon"), more of a line made the same way ("another one of those taro ones same
way", "three more bags of the mulch"), and a count ordered with part of it made so ("two of those, one of them
large"). Corpus catalogs of several shops, and other shops' words for the same moves."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _no_order(chat: Chat) -> None:
    assert not chat.session.orders


# --- a choice moved from one line to another ------------------------------------------------------------------


def test_move_a_topping_to_the_line_named_by_its_choice(shop: Shop) -> None:
    chat = shop("gyro")
    chat.say("ok then a falafel gyro with hummus and a lamb gyro")
    chat.say("put feta on the lamb one")
    reply = chat.say("wait move the feta over to the falafel one")
    assert "moved the feta to the falafel gyro" in reply.text
    assert [(sku, o.get("protein"), o.get("toppings")) for sku, _, o in chat.lines] == [
        ("GYRO", "falafel", "feta"), ("GYRO", "lamb", None)]
    _no_order(chat)


def test_move_a_boost_to_a_line_named_by_product(shop: Shop) -> None:
    chat = shop("juicebar")
    chat.say("could i get a large green machine with oat milk")
    chat.say("and a small peanut butter banana")
    chat.say("and add protein to the peanut butter one")
    chat.say("actually move the protein over to the green machine")
    boosts = {sku: o.get("boosts") for sku, _, o in chat.lines}
    assert boosts == {"GREEN-MACHINE": "whey_protein", "PB-BANANA": None}


def test_take_off_one_line_and_put_on_another_instead(shop: Shop) -> None:
    chat = shop("creamery")
    chat.say("a double scoop of the mango sorbet in a waffle cone with rainbow sprinkles")
    chat.say("and a large chocolate milkshake")
    chat.say("actually take the sprinkles off the cone and put them on the shake instead")
    tops = {sku: o.get("toppings") for sku, _, o in chat.lines}
    assert tops == {"ICE-CREAM": None, "SHAKE": "rainbow_sprinkles"}
    assert [q for _, q, _ in chat.lines] == [1, 1]


def test_move_two_choices_and_a_choice_said_like_a_product(shop: Shop) -> None:
    toys = shop("toystore")
    toys.say("a dinosaur jigsaw the hundred piece and a dinosaur plush")
    toys.say("and gift wrap the puzzle with a card")
    toys.say("the plush is the birthday present so move the wrapping and the card to the plush")
    gift = {sku: o.get("gift") for sku, _, o in toys.lines}
    assert gift["JIGSAW"] is None and gift["PLUSH"] is not None
    flowers = shop("florist")
    flowers.say("a pink lily bouquet and a dozen red roses")
    flowers.say("put a card on the roses")
    flowers.say("actually move the card over to the lilies")
    assert [sku for sku, _, _ in flowers.lines] == ["LILIES", "ROSE-BOUQUET"]  # no card of its own
    assert {sku: o.get("extras") for sku, _, o in flowers.lines} == {"LILIES": "card", "ROSE-BOUQUET": None}


def test_move_in_other_shops_words(shop: Shop) -> None:
    pizza = shop("pizzeria")
    pizza.say("a large pepperoni pizza and a medium cheese pizza with mushrooms")
    pizza.say("actually move the mushrooms to the pepperoni one")
    assert {sku: o.get("toppings") for sku, _, o in pizza.lines} == {
        "PEPPERONI-PIZZA": "mushroom", "CHEESE-PIZZA": None}
    cafe = shop("cafe")
    cafe.say("a latte with oat milk")
    cafe.say("and a mocha")
    cafe.say("put the oat milk on the mocha instead")
    milk = {sku: o.get("milk") for sku, _, o in cafe.lines}
    assert milk == {"LATTE": "whole", "MOCHA": "oat"}
    assert sum(q for _, q, _ in cafe.lines) == 2


def test_a_default_choice_is_not_moved_off_its_line(shop: Shop) -> None:
    """The swiss a turkey sandwich comes with would come straight back: no move is said done."""
    chat = shop("deli")
    chat.say("a turkey sandwich with swiss")
    chat.say("and a roast beef sandwich")
    reply = chat.say("take the swiss off the turkey and put it on the roast beef")
    assert "moved" not in reply.text
    _no_order(chat)


def test_put_on_a_line_with_no_move_words_is_no_move(shop: Shop) -> None:
    chat = shop("gyro")
    chat.say("a falafel gyro with feta and a lamb gyro")
    chat.say("put feta on the lamb one")
    assert [o.get("toppings") for _, _, o in chat.lines] == ["feta", "feta"]  # both have it: nothing moved


# --- one change for two lines ---------------------------------------------------------------------------------


def test_make_one_line_so_and_another_too(shop: Shop) -> None:
    shoes = shop("shoestore")
    shoes.say("the oxford in a ten and a half wide in brown")
    shoes.say("and a tin of brown polish")
    reply = shoes.say("actually make the shoes burgundy and the polish too")
    assert "both changed" in reply.text
    assert {sku: o.get("colour") for sku, _, o in shoes.lines} == {"MENS-OXFORD": "burgundy", "POLISH": "burgundy"}
    cafe = shop("cafe")
    cafe.say("a latte and a mocha and a muffin")
    cafe.say("make the latte large and the mocha too")
    assert [(sku, q, o.get("size")) for sku, q, o in cafe.lines if sku != "BLUEBERRY-MUFFIN"] == [
        ("LATTE", 1, "large"), ("MOCHA", 1, "large")]
    assert len(cafe.lines) == 3  # nothing added
    pizza = shop("pizzeria")
    pizza.say("a large pepperoni pizza and a medium cheese pizza")
    pizza.say("make the pepperoni thin crust and the cheese one as well")
    assert [o.get("crust") for _, _, o in pizza.lines] == ["thin", "thin"]


# --- part of a line split off ---------------------------------------------------------------------------------


def test_one_of_the_line_said_by_its_choice_becomes_another_choice(shop: Shop) -> None:
    for said in ("swap one of the garlic naans for a peshwari", "make one of the garlic naans a peshwari"):
        chat = shop("curry")
        chat.say("a chicken korma and two garlic naans")
        chat.say(said)
        naans = sorted((q, o.get("type")) for sku, q, o in chat.lines if sku == "NAAN")
        assert naans == [(1, "garlic"), (1, "peshwari")], said


def test_one_of_those_becomes_another_product_as_made(shop: Shop) -> None:
    chat = shop("bikeshop")
    chat.say("two thorn resistant tubes twenty nine inch")
    chat.say("presta on both")
    chat.say("and a patch kit")
    chat.say("actually make one of those tubes a regular tube same size and valve")
    tubes = sorted((sku, q, o.get("wheel"), o.get("valve")) for sku, q, o in chat.lines if "TUBE" in sku)
    assert tubes == [("THORN-TUBE", 1, "29in", "presta"), ("TUBE", 1, "29in", "presta")]


def test_one_of_the_three_swapped(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("three lattes")
    chat.say("make one of the three lattes a mocha")
    assert chat.counts == {"LATTE": 2, "MOCHA": 1}


def test_the_second_one_gets_a_side_named_like_a_product(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("two combos both with a regular hot dog and a root beer")
    chat.say("make the second one onion rings")
    assert "ONION-RINGS" not in chat.counts
    assert sorted(o.get("side") for sku, _, o in chat.lines) == ["fries", "rings"]
    again = shop("hotdogs")
    again.say("two combos both with a regular hot dog and a root beer")
    again.say("make it onion rings")
    assert again.lines == [("COMBO", 2, {"dog": "hot_dog", "side": "rings", "drink": "root_beer"})]


def test_a_product_named_like_a_choice_the_line_has_none_of_still_swaps(shop: Shop) -> None:
    chat = shop("cafe")
    chat.say("a latte")
    chat.say("make it a mocha")
    assert chat.counts == {"MOCHA": 1}


# --- a line named by the choice it holds; more of a line ------------------------------------------------------


def test_make_the_choice_named_line_so(shop: Shop) -> None:
    chat = shop("garden")
    chat.say("a medium glazed pot in cobalt and a small terracotta pot")
    chat.say("and a basil plant and a rosemary plant")
    chat.say("put a saucer on the terracotta one too")
    chat.say("and make the basil the one gallon")
    herbs = [(o.get("herb"), o.get("size")) for sku, _, o in chat.lines if sku == "HERB"]
    assert herbs == [("basil", "1gal"), ("rosemary", "4in")]


def test_another_one_of_those_same_way(shop: Shop) -> None:
    chat = shop("bobashop")
    chat.say("two brown sugar boba milks")
    chat.say("and a taro milk tea with oat milk")
    chat.say("and another one of those taro ones same way")
    assert [(sku, q, o.get("milk")) for sku, q, o in chat.lines if sku == "TARO-MILK-TEA"] == [
        ("TARO-MILK-TEA", 2, "oat")]
    cafe = shop("cafe")
    cafe.say("a latte with oat milk")
    cafe.say("and two muffins")
    cafe.say("another one of those lattes")
    assert [(q, o.get("milk")) for sku, q, o in cafe.lines if sku == "LATTE"] == [(2, "oat")]


def test_more_packages_of_a_line(shop: Shop) -> None:
    chat = shop("garden")
    chat.say("two hydrangeas blue in three gallon pots")
    chat.say("and a bag of black mulch")
    chat.say("and three more bags of the mulch")
    assert [(q, o.get("colour")) for sku, q, o in chat.lines if sku == "MULCH"] == [(4, "black")]
    cafe = shop("cafe")
    cafe.say("a latte with oat milk")
    cafe.say("two more cups of the latte")
    assert [(q, o.get("milk")) for sku, q, o in cafe.lines] == [(3, "oat")]


def test_two_of_the_topic_one_of_them_made_so(shop: Shop) -> None:
    chat = shop("bobashop")
    chat.say("hi um quick question does the brown sugar boba milk have tea in it")
    assert not chat.lines  # a question orders nothing
    chat.say("oh good no tea then can i get two of those one of them large")
    assert sorted((q, o.get("size")) for _, q, o in chat.lines) == [(1, "large"), (1, "medium")]
    chat.say("and a taro milk tea with oat milk")
    chat.say("actually make the bigger one less ice")
    assert [(o.get("size"), o.get("ice")) for sku, _, o in chat.lines if sku == "BROWN-SUGAR-MILK"] == [
        ("large", "less"), ("medium", "regular")]
    cafe = shop("cafe")
    cafe.say("how much is a latte")
    cafe.say("ok two please one of them with oat milk")
    assert sorted((q, o.get("milk")) for _, q, o in cafe.lines) == [(1, "oat"), (1, "whole")]


def test_a_pair_of_goods_named_in_two_words_is_one_pair(shop: Shop) -> None:
    chat = shop("shoestore")
    chat.say("a pair of cedar shoe trees large")
    assert chat.counts == {"SHOE-TREES": 1}


# --- a line's part, a choice named like a product, a line named by its choice -----------------------------------


def test_a_choice_on_a_part_of_a_combo(shop: Shop) -> None:
    chat = shop("cinema")
    chat.say("one couples combo with a coke and a sprite and sour patch kids")
    chat.say("oh and extra butter on the popcorn")
    assert [(sku, o.get("butter")) for sku, _, o in chat.lines] == [("COUPLES-COMBO", "extra")]  # no popcorn added


def test_a_choice_said_with_the_line_named_after_with(shop: Shop) -> None:
    chat = shop("florist")
    chat.say("a pink lily bouquet and a dozen red roses")
    chat.say("and a vase with the lilies too")
    assert [sku for sku, _, _ in chat.lines] == ["LILIES", "ROSE-BOUQUET"]
    assert chat.lines[0][2].get("extras") == "vase"


def test_same_day_copies_the_day_of_the_line_before(shop: Shop) -> None:
    chat = shop("bikeshop")
    chat.say("ok book me a standard tune up for saturday")
    chat.say("and a brake adjustment too same day")
    assert [o.get("day") for _, _, o in chat.lines] == ["saturday", "saturday"]
    alone = shop("bikeshop")
    alone.say("a brake adjustment same day")
    assert [o.get("day") for _, _, o in alone.lines] == ["today"]


def test_can_the_named_one_have_one_choice_instead_of_another(shop: Shop) -> None:
    chat = shop("fishchips")
    chat.say("two chicken and mushroom and one steak please")
    chat.say("and a kids meal with nuggets")
    chat.say("can the kids one have peas instead of beans")
    assert "CAN" not in chat.counts and "MUSHY-PEAS" not in chat.counts and "BEANS" not in chat.counts
    assert [o.get("side") for sku, _, o in chat.lines if sku == "KIDS-MEAL"] == ["peas"]
    chat.say("oh and make the steak one a steak and kidney")
    assert sorted((q, o.get("filling")) for sku, q, o in chat.lines if sku == "PIE") == [
        (1, "steak_kidney"), (2, "chicken_mushroom")]


def test_a_swap_of_a_product_for_another_still_swaps(shop: Shop) -> None:
    chat = shop("deli")
    chat.say("a meatball sub and a coke")
    chat.say("a root beer instead of the coke")
    assert [o.get("flavour") for sku, _, o in chat.lines if sku == "FOUNTAIN-DRINK"] == ["root_beer"]


def test_the_choice_named_one_comes_with_a_product_that_is_its_choice(shop: Shop) -> None:
    chat = shop("sushi")
    chat.say("ok two bentos one chicken teriyaki and one salmon teriyaki")
    chat.say("can the salmon one come with the spicy tuna roll")
    assert "SPICY-TUNA-ROLL" not in chat.counts
    assert [(o.get("main"), o.get("roll")) for _, _, o in chat.lines] == [
        ("chicken_teriyaki", "california"), ("salmon_teriyaki", "spicy_tuna")]
    chat.say("and both of them with brown rice")
    assert [o.get("rice") for _, _, o in chat.lines] == ["brown", "brown"]


def test_the_line_named_by_a_two_word_choice_before_its_product(shop: Shop) -> None:
    chat = shop("petshop")
    chat.say("what sizes do the dental chews come in")
    chat.say("two packs of the large ones")
    chat.say("actually one for my big dog and one small for the little guy")
    chat.say("make the big dog's chews the value pack")
    assert sorted((o.get("size"), o.get("count")) for _, _, o in chat.lines) == [
        ("large", "27ct"), ("petite", "12ct")]


def test_counted_parts_named_by_choices_that_are_products_too(shop: Shop) -> None:
    said = shop("curry")
    said.say("two meal for ones please one tikka masala and one rogan josh")
    assert sorted(o.get("curry") for sku, _, o in said.lines) == ["rogan_josh", "tikka_masala"]
    assert set(said.counts) == {"MEAL-FOR-ONE"}
    topic = shop("curry")
    topic.say("what comes with the meal for one")
    topic.say("two of those please one tikka masala and one rogan josh")
    assert topic.counts == {"MEAL-FOR-ONE": 2}
    assert sorted(o.get("curry") for _, _, o in topic.lines) == ["rogan_josh", "tikka_masala"]


def test_another_one_made_so_is_more_of_the_line_in_focus(shop: Shop) -> None:
    chat = shop("rental")
    chat.say("two snowboard packages for the weekend one for me size 10 and a kids one for my son size 5")
    chat.say("and a lift ticket for the weekend for me")
    chat.say("and another one for him a kids one")
    assert chat.counts["SNOWBOARD-PACKAGE"] == 2
    assert sorted(o.get("age") for sku, _, o in chat.lines if sku == "LIFT-TICKET") == ["adult", "child"]
    apples = shop("greengrocer")
    apples.say("a dozen eggs and two honeycrisp apples")
    apples.say("two more honeycrisp")  # a choice the line in focus has not: the line made so
    assert apples.counts == {"EGGS": 1, "APPLE": 4}
    lattes = shop("cafe")
    lattes.say("four iced lattes two with oat milk and two with whole milk")
    lattes.say("make the oat milk ones large")
    lattes.say("and one more with whole milk")  # the line of that product made so, not the large oat one
    assert sorted((q, o.get("milk"), o.get("size")) for _, q, o in lattes.lines) == [
        (2, "oat", "large"), (3, "whole", "medium")]


def test_a_package_of_the_one_talked_about_beside_another_item(shop: Shop) -> None:
    chat = shop("petshop")
    chat.say("does the dry cat food come in a kitten formula")
    chat.say("ok a bag of the kitten one in chicken and a case of cat cans salmon")
    assert [(sku, o.get("formula"), o.get("flavour")) for sku, _, o in chat.lines] == [
        ("CAT-FOOD", "kitten", "chicken"), ("CAT-CANS", None, "salmon")]
