"""Multi-turn changes left over from the older corpus (session 16): a part of a line named by a noun the line's
name holds, "one less" (not "one less sweet": a choice of a part), a line named by a word of its category, "can the
<line> have ...", a choice swapped on the line that has what goes, "her <choice> one with X instead of Y", "make hers
a whole", "and no <word>" where the word names a product and a choice of the line, a count said as packs, "ok three
<items>" after how many are left (but "two more": added to the line), "actually add X too", "two of those with
<choice>", and "one white one navy both large". Said with other shops' words than the corpus conversations that
found them."""

from __future__ import annotations

from collections.abc import Callable

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _units(chat: Chat, sku: str, group: str) -> dict[str, int]:
    """Units of ``sku`` by the value of ``group`` across its lines."""
    out: dict[str, int] = {}
    for s, n, opts in chat.lines:
        if s == sku:
            out[opts.get(group, "")] = out.get(opts.get(group, ""), 0) + n
    return out


def _values(chat: Chat, sku: str, group: str) -> list[set[str]]:
    """The values of a multi-choice ``group`` on each line of ``sku`` (those taken off left out)."""
    return [{o.value for o in ln.options if o.group == group and o.amount != "none"}
            for ln in chat.session.cart.lines if ln.sku == sku]


# A part of a line named by a noun of another product its name holds ("one of the notebooks" to spiral notebooks)

def test_one_of_the_nouns_held_by_a_line_is_a_part_of_it(shop: Shop) -> None:
    chat = shop("stationery")
    chat.say("four spiral notebooks three subject")
    chat.say("one of the notebooks should be graph paper")
    assert chat.counts == {"SPIRAL": 4}
    assert _units(chat, "SPIRAL", "ruling") == {"ruled": 3, "grid": 1}


def test_two_of_the_nouns_held_by_a_line_made_so(shop: Shop) -> None:
    chat = shop("stationery")
    chat.say("five spiral notebooks five subject")
    chat.say("make two of the notebooks graph paper")
    assert chat.counts == {"SPIRAL": 5}
    assert _units(chat, "SPIRAL", "ruling") == {"ruled": 3, "grid": 2}


# "One less", "two fewer": that many units off, never one more

def test_one_less_takes_a_unit_off(cafe_chat: Chat) -> None:
    cafe_chat.say("three lattes and a muffin")
    cafe_chat.say("one less latte")
    assert cafe_chat.counts["LATTE"] == 2


def test_two_fewer_of_the_line_takes_two_off(shop: Shop) -> None:
    chat = shop("bagels")
    chat.say("five everything bagels")
    chat.say("two fewer of the bagels")
    assert chat.counts == {"BAGEL": 3}


def test_one_less_of_the_line_made_so(shop: Shop) -> None:
    chat = shop("bobashop")
    chat.say("two classic milk teas with oat milk and a taro milk tea")
    chat.say("one less of the oat milk")
    assert chat.counts == {"CLASSIC-MILK-TEA": 1, "TARO-MILK-TEA": 1}
    assert _units(chat, "CLASSIC-MILK-TEA", "milk") == {"oat": 1}


def test_one_less_opening_a_choice_is_that_choice_on_a_part(shop: Shop) -> None:
    chat = shop("thaitakeout")
    chat.say("a pad see ew with beef")
    chat.say("and two thai iced teas one less sweet")
    assert chat.counts == {"PAD-SEE-EW": 1, "THAI-TEA": 2}
    assert _units(chat, "THAI-TEA", "sweetness") == {"less": 1, "regular": 1}


def test_one_less_ice_of_three_is_a_part_made_so(shop: Shop) -> None:
    chat = shop("bobashop")
    chat.say("three taro milk teas one less ice")
    assert chat.counts == {"TARO-MILK-TEA": 3}
    assert _units(chat, "TARO-MILK-TEA", "ice") == {"less": 1, "regular": 2}


def test_two_classic_one_less_sweet_keeps_both(shop: Shop) -> None:
    chat = shop("bobashop")
    chat.say("two classic milk teas one less sweet")
    assert chat.counts == {"CLASSIC-MILK-TEA": 2}
    assert _units(chat, "CLASSIC-MILK-TEA", "sugar") == {"75": 1, "100": 1}


def test_make_the_bigger_one_less_ice_puts_the_choice_on(shop: Shop) -> None:
    chat = shop("bobashop")
    chat.say("a large brown sugar boba milk")
    chat.say("actually make the bigger one less ice")
    assert chat.counts == {"BROWN-SUGAR-MILK": 1}
    assert _units(chat, "BROWN-SUGAR-MILK", "ice") == {"less": 1}
    assert _units(chat, "BROWN-SUGAR-MILK", "size") == {"large": 1}


def test_less_than_is_a_price_not_a_count_off(cafe_chat: Chat) -> None:
    cafe_chat.say("two lattes")
    cafe_chat.say("anything less than three dollars")
    assert cafe_chat.counts == {"LATTE": 2}


# The one line a word of its category names ("the pho" for a beef pho, the tea in focus)

def test_category_word_names_the_line_not_the_focus(shop: Shop) -> None:
    chat = shop("phoshop")
    chat.say("a chicken pho")
    chat.say("and a taro bubble tea")
    chat.say("make the pho a large")
    sizes = {sku: opts.get("size") for sku, _, opts in chat.lines}
    assert sizes["CHICKEN-PHO"] == "large"
    assert sizes["BUBBLE-TEA"] != "large"


# "Can the <line> have ...": a modal said bare before a line named asks; it is no can of drink

def test_bare_can_before_a_line_is_no_can_of_drink(shop: Shop) -> None:
    chat = shop("fishchips")
    chat.say("a kids meal with chicken nuggets")
    chat.say("and a large cod")
    chat.say("can the kids meal have peas instead of beans")
    assert "CAN" not in chat.counts
    assert _units(chat, "KIDS-MEAL", "side") == {"peas": 1}


# A choice swapped on the line that has what goes, when the line in focus offers neither

def test_swap_goes_to_the_line_holding_what_goes(shop: Shop) -> None:
    chat = shop("falafel")
    chat.say("a wrap combo with a chicken shawarma wrap and a coke")
    chat.say("and a chicken shawarma plate half rice half salad")
    chat.say("and a fattoush")
    chat.say("hummus instead of fries")
    assert _units(chat, "COMBO", "side") == {"hummus": 1}
    assert chat.counts == {"COMBO": 1, "PLATE": 1, "FATTOUSH": 1}


# "her <choice> one with X instead of Y", "the <choice> one with X instead of the Y": the line made so

def test_her_choice_one_with_another_choice(shop: Shop) -> None:
    chat = shop("thaitakeout")
    chat.say("a lunch special red curry with beef")
    chat.say("and a pad see ew with chicken")
    chat.say("oh and she wants her red curry one with shrimp instead of beef")
    assert "RED-CURRY" not in chat.counts
    assert [opts.get("protein") for sku, _, opts in chat.lines if sku == "LUNCH-COMBO"] == ["shrimp"]


def test_the_choice_one_picks_the_line_for_a_swap(shop: Shop) -> None:
    chat = shop("thaitakeout")
    chat.say("a lunch special pad thai with shrimp")
    chat.say("another lunch special green curry with chicken")
    chat.say("and a thai iced tea")
    chat.say("the pad thai one with the soup instead of the spring roll")
    made = {opts.get("entree"): (opts.get("protein"), opts.get("side")) for sku, _, opts in chat.lines
            if sku == "LUNCH-COMBO"}
    assert made == {"pad_thai": ("shrimp", "soup"), "green_curry": ("chicken", "spring_roll")}


def test_his_choice_one_picks_the_line_for_a_swap(shop: Shop) -> None:
    chat = shop("chinesetakeout")
    chat.say("a kung pao chicken lunch special")
    chat.say("a sesame chicken lunch special")
    chat.say("and an orange chicken lunch special")
    chat.say("oh his kung pao one with hot and sour soup instead of the egg roll")
    made = [(opts.get("entree"), opts.get("side")) for sku, _, opts in chat.lines if sku == "LUNCH-SPECIAL"]
    assert made == [("kung_pao", "hot_sour"), ("sesame", "egg_roll"), ("orange", "egg_roll")]


# "Make hers a whole": a possessive before the line's new choice

def test_make_hers_a_whole(shop: Shop) -> None:
    chat = shop("bakery")
    chat.say("a tuna melt on sourdough for kevin")
    chat.say("and a half veggie sandwich with avocado for lena")
    chat.say("make hers a whole")
    assert {sku: opts.get("size") for sku, _, opts in chat.lines} == {"TUNA-MELT": "whole", "VEGGIE-SANDWICH": "whole"}


# "and no <word>": a word naming a product and a choice of the line in focus is that choice taken off

def test_no_word_naming_a_product_and_a_topping_takes_the_topping_off(shop: Shop) -> None:
    chat = shop("saladbar")
    chat.say("a caesar salad with tomato")
    chat.say("actually make it large and no tomato")
    assert chat.counts == {"CAESAR-SALAD": 1}
    assert _values(chat, "CAESAR-SALAD", "toppings") == [set()]


def test_without_word_naming_a_product_takes_the_choice_off(shop: Shop) -> None:
    chat = shop("deli")
    chat.say("a blt on white")
    chat.say("make it toasted without tomato")
    assert chat.counts == {"BLT": 1}
    assert "tomato" not in _values(chat, "BLT", "toppings")[0]


# A count said as packs of a product that comes in no such pack

def test_plural_packs_are_the_line_count(shop: Shop) -> None:
    chat = shop("hardware")
    chat.say("a sixteen foot tape measure")
    chat.say("and wood screws number eight by two inch the hundred pack")
    chat.say("make the tape measures two packs")
    assert chat.counts == {"TAPE-MEASURE": 2, "WOOD-SCREWS": 1}


# "Ok two <items>" to "we have five left, how many would you like?": the line's count

def test_count_with_the_item_to_how_many_left_sets_the_line(shop: Shop) -> None:
    chat = shop("juicebar")
    chat.say("a green juice")
    chat.say("how many of those do you have")
    chat.say("ok two green juices")
    assert chat.counts == {"GREEN-DETOX": 2}


def test_more_with_the_item_to_how_many_left_adds_to_the_line(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("a soft pretzel with cheese")
    chat.say("how many pretzels you got left")
    chat.say("ok two more pretzels")
    assert chat.counts == {"PRETZEL": 3}


def test_more_of_the_juice_to_how_many_left_adds(shop: Shop) -> None:
    chat = shop("juicebar")
    chat.say("a green juice")
    chat.say("how many of those do you have")
    chat.say("ok two more green juices")
    assert chat.counts == {"GREEN-DETOX": 3}


def test_bare_count_more_to_how_many_left_adds(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("a soft pretzel with cheese")
    chat.say("how many pretzels you got left")
    chat.say("two more please")
    assert chat.counts == {"PRETZEL": 3}


def test_bare_count_to_how_many_left_still_sets_the_line(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("a soft pretzel with cheese")
    chat.say("how many pretzels you got left")
    chat.say("ok two")
    assert chat.counts == {"PRETZEL": 2}


# "Actually add X too": one more choice beside the one just put, none taken back

def test_actually_add_too_keeps_the_choice_just_put(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("a large cheese pizza with mushrooms")
    pizzeria_chat.say("actually add olives too")
    assert _values(pizzeria_chat, "CHEESE-PIZZA", "toppings") == [{"mushroom", "olives"}]


def test_actually_with_another_still_takes_the_choice_back(pizzeria_chat: Chat) -> None:
    pizzeria_chat.say("a large cheese pizza with mushrooms")
    pizzeria_chat.say("no wait with olives")
    assert _values(pizzeria_chat, "CHEESE-PIZZA", "toppings") == [{"olives"}]


# "Two of those with <choice>": some of the line in focus, the choice said by words that also name a product

def test_some_of_those_with_a_choice_named_like_a_product(shop: Shop) -> None:
    chat = shop("falafel")
    chat.say("three falafel plates")
    chat.say("one of those with hummus")
    assert chat.counts == {"PLATE": 3}
    assert sorted("hummus" in v for v in _values(chat, "PLATE", "extras")) == [False, True]


# "One white one navy both large": a line shared into parts, with a choice every part takes

def test_parts_with_a_choice_for_both(shop_store: object, new_chat: type[Chat]) -> None:
    chat = new_chat(shop_store)  # type: ignore[arg-type]
    chat.say("two crew neck t-shirts white in large")
    chat.say("actually one white one navy both medium")
    assert sorted((opts["colour"], opts["size"], n) for _, n, opts in chat.lines) == [("navy", "m", 1), ("white", "m", 1)]


# "Put a hash brown in the sandwich too": a thing that is also a choice of the line named by a word of its name or
# category (or "it", the line in focus) goes on that line, no product of its own, no second line

def test_put_a_choice_on_the_line_named_by_its_noun(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("a brat")
    chat.say("and a lemonade")
    chat.say("actually put some chili on the sausage too")
    assert chat.counts == {"BRAT": 1, "LEMONADE": 1}
    assert _values(chat, "BRAT", "extras") == [{"chili"}]


def test_put_a_choice_in_it(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("a lemonade")
    chat.say("a brat")
    chat.say("put chili in it")
    assert chat.counts == {"LEMONADE": 1, "BRAT": 1}
    assert _values(chat, "BRAT", "extras") == [{"chili"}]


def test_put_in_it_of_a_line_without_that_choice_is_one_more_item(shop: Shop) -> None:
    chat = shop("hotdogs")
    chat.say("a brat")
    chat.say("and a lemonade")
    chat.say("put chili in it")
    assert chat.counts.get("BRAT") == 1
    assert _values(chat, "BRAT", "extras") == [set()]
