"""Phone callers who mix questions and orders and point back at lines by position or description (corpus round
mt30): "one of those" after a product was described or priced, a choice said as "a cream one" or "the beef one"
right after a product's choices were listed, an item ordered in the same breath as a question about it ("and twelve
wings, what sauces do you have?"), "the first sandwich", "the cheese one", "all four danishes", "one of the brisket
guys", a part of a meal deal ("the rice on the meal"), two lines changed in one breath, and a few spoken forms (the
"two fifty gram bag", "medium not hot", "I'll pass on that")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.dialogue.conftest import Chat

Shop = Callable[[str], Chat]


def _made(chat: Chat) -> list[tuple[str, int, frozenset[str]]]:
    """The cart as (sku, count, every group=value), each value of a many-choice group kept."""
    return [(ln.sku, ln.quantity, frozenset(f"{o.group}={o.value}" for o in ln.options))
            for ln in chat.session.cart.lines]


def _has(chat: Chat, sku: str, qty: int, *choices: str) -> bool:
    return any(s == sku and q == qty and set(choices) <= made for s, q, made in _made(chat))


# --- "one of those" after a product was priced or described -------------------------------------------------

@pytest.mark.parametrize(("name", "asked", "said", "sku", "qty", "choice"), [
    ("cafe", "how much is a large cold brew", "ok um two of those and a chocolate croissant", "COLD-BREW", 2,
     "size=large"),
    ("cafe", "how much is a large cold brew", "great one of those and a cinnamon roll please", "COLD-BREW", 1,
     "size=large"),
    ("hardware", "how much for the five pound box of drywall screws", "ok one of those and a drill bit set",
     "DRYWALL-SCREWS", 1, "box=5lb"),
])
def test_those_offered_keep_the_choices_asked_about(shop: Shop, name: str, asked: str, said: str, sku: str,
                                                    qty: int, choice: str) -> None:
    chat = shop(name)
    chat.say(asked)
    chat.say(said)
    assert _has(chat, sku, qty, choice), (_made(chat), chat.replies[-1].text)
    assert len(chat.session.cart.lines) == 2, _made(chat)


@pytest.mark.parametrize("said", ["ok one of those and a nutella banana crepe", "two of those and a nutella banana crepe"])
def test_one_of_those_after_a_description_is_that_product(shop: Shop, said: str) -> None:
    chat = shop("creperie")
    chat.say("what's on the strawberries and cream crepe")
    chat.say(said)
    assert chat.counts.get("STRAWBERRY-CREPE") == (2 if said.startswith("two") else 1), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("NUTELLA-BANANA") == 1


# --- a choice said right after a product's choices were listed -----------------------------------------------

@pytest.mark.parametrize(("said", "qty", "colour"), [
    ("a cream one and uh a birthday card", 1, "colour=cream"),
    ("two brown ones and a birthday card please", 2, "colour=brown"),
])
def test_a_choice_one_said_with_another_item_is_the_product_talked_about(shop: Shop, said: str, qty: int,
                                                                         colour: str) -> None:
    chat = shop("store")
    chat.say("hey do you guys have teddy bears what colours")
    chat.say(said)
    assert _has(chat, "TEDDY-BEAR", qty, colour), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("BIRTHDAY-CARD") == 1


def test_no_to_an_offer_then_another_item_keeps_the_cart(shop: Shop) -> None:
    chat = shop("store")
    chat.say("a birthday card")
    chat.say("how much is the lego set")
    chat.say("hmm no that's a bit much um a toy car the blue one")
    assert chat.counts.get("BIRTHDAY-CARD") == 1, (_made(chat), chat.replies[-1].text)
    assert _has(chat, "TOY-CAR", 1, "colour=blue"), _made(chat)
    assert "BUILDING-BLOCKS-SET" not in chat.counts


def test_the_choice_one_after_a_listing_is_the_listed_product_not_a_line(shop: Shop) -> None:
    chat = shop("dimsum")
    chat.say("a regular siu mai and twelve pork and chive dumplings pan fried")
    chat.say("what fillings does the rice roll have")
    chat.say("the beef one with chili oil")
    assert _has(chat, "RICE-ROLL", 1, "filling=beef", "sauce=chili_oil"), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("PORK-DUMPLING") == 12


@pytest.mark.parametrize(("name", "first", "asked", "said", "sku", "choice"), [
    ("pizzeria", "a large cheese pizza with mushrooms", "what sauces do the wings come in", "honey garlic", "WINGS",
     "sauce=honey_garlic"),
    ("dimsum", "a regular siu mai", "what fillings does the rice roll have", "beef", "RICE-ROLL", "filling=beef"),
])
def test_a_bare_choice_after_a_listing_orders_the_listed_product(shop: Shop, name: str, first: str, asked: str,
                                                                 said: str, sku: str, choice: str) -> None:
    chat = shop(name)
    chat.say(first)
    before = _made(chat)
    chat.say(asked)
    chat.say(said)
    assert _has(chat, sku, 1, choice), (_made(chat), chat.replies[-1].text)
    assert all(line in _made(chat) for line in before), _made(chat)


def test_one_with_the_listed_choices_builds_that_product(shop: Shop) -> None:
    chat = shop("creperie")
    chat.say("hey what can i put in a build your own crepe")
    chat.say("ok one with turkey brie and spinach")
    assert _has(chat, "BYO-CREPE", 1, "fillings=turkey", "fillings=brie", "fillings=spinach"), \
        (_made(chat), chat.replies[-1].text)
    assert "TURKEY-BRIE" not in chat.counts


# --- an item ordered in the same breath as a question about it -----------------------------------------------

@pytest.mark.parametrize(("asked", "answer"), [
    ("and twelve wings what sauces do you have for those", "honey garlic"),
    ("and twelve wings which sauces do you have", "the honey garlic please"),
])
def test_an_item_said_before_its_question_waits_for_the_answer(pizzeria_chat: Chat, asked: str, answer: str) -> None:
    chat = pizzeria_chat
    chat.say("a large pepperoni pizza")
    chat.say(asked)
    assert "WINGS" not in chat.counts  # asked about first, not in the cart yet
    chat.say(answer)
    assert _has(chat, "WINGS", 1, "count=12", "sauce=honey_garlic"), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("PEPPERONI-PIZZA") == 1


def test_a_flight_asked_about_takes_the_beers_named_next(shop: Shop) -> None:
    chat = shop("taproom")
    chat.say("a dozen wings garlic parm with blue cheese")
    chat.say("and a flight what beers can i put in it")
    chat.say("the hazy the amber the stout and the cider")
    assert _has(chat, "FLIGHT", 1, "beers=hazy", "beers=amber", "beers=stout", "beers=cider"), \
        (_made(chat), chat.replies[-1].text)
    assert not {"HAZY", "AMBER", "STOUT", "CIDER"} & set(chat.counts)


def test_a_choice_question_asked_back_keeps_the_item_waiting(shop: Shop) -> None:
    chat = shop("sushi")
    chat.say("ok one dragon roll and two spicy tuna rolls one of them on brown rice")
    chat.say("and a bento box")
    chat.say("what are the choices for the bento")
    chat.say("salmon teriyaki with the spicy tuna roll in it")
    assert _has(chat, "BENTO", 1, "main=salmon_teriyaki", "roll=spicy_tuna"), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("SPICY-TUNA-ROLL") == 2
    assert not any("wrap=cucumber_wrap" in made for _, _, made in _made(chat))


def test_counts_of_one_product_by_its_choices_after_how_many(shop: Shop) -> None:
    chat = shop("sushi")
    chat.say("two miso soups")
    chat.say("how many mochi do you have")
    chat.say("four please two mango two green tea")
    assert _has(chat, "MOCHI", 2, "flavour=mango") and _has(chat, "MOCHI", 2, "flavour=green_tea"), \
        (_made(chat), chat.replies[-1].text)
    assert "GREEN-TEA" not in chat.counts


# --- lines pointed at by position, by a choice, by who they are for ------------------------------------------

@pytest.mark.parametrize(("said", "sku"), [
    ("and put avocado on the first sandwich", "TURKEY-SANDWICH"),
    ("add avocado to the last sandwich", "REUBEN"),
])
def test_an_ordinal_with_a_kind_counts_among_the_lines_of_that_kind(shop: Shop, said: str, sku: str) -> None:
    chat = shop("bakery")
    chat.say("ok a turkey on sourdough and a reuben")
    chat.say("alright and two cups of the tomato soup")
    chat.say(said)
    assert _has(chat, sku, 1, "extras=avocado"), (_made(chat), chat.replies[-1].text)
    assert sum("extras=avocado" in made for _, _, made in _made(chat)) == 1


@pytest.mark.parametrize("said", [
    "sweetie do you want the scone too no ok take off the cheese one she's not hungry",
    "honey did you want the scone oh ok take off the cheese one",
])
def test_an_aside_to_someone_by_name_then_a_removal(shop: Shop, said: str) -> None:
    chat = shop("cafe")
    chat.say("a small hot chocolate and one cranberry orange scone and one cheddar and chive scone")
    chat.say(said)
    assert _has(chat, "SCONE", 1, "flavor=cranberry_orange"), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("SCONE") == 1
    assert chat.counts.get("HOT-CHOCOLATE") == 1


@pytest.mark.parametrize("said", [
    "actually one of the brisket guys wants a coke",
    "make one of the brisket ones a coke",
])
def test_one_unit_of_a_combo_line_named_by_its_choice(shop: Shop, said: str) -> None:
    chat = shop("smokehouse")
    chat.say("two brisket sandwich combos with sweet tea and two pulled pork sandwich combos with sweet tea")
    chat.say(said)
    assert _has(chat, "SANDWICH-COMBO", 1, "sandwich=brisket", "drink=sweet_tea"), (_made(chat), chat.replies[-1].text)
    assert _has(chat, "SANDWICH-COMBO", 1, "sandwich=brisket", "drink=coke")
    assert _has(chat, "SANDWICH-COMBO", 2, "sandwich=pulled_pork", "drink=sweet_tea")
    assert not {"BRISKET", "SODA"} & set(chat.counts)


def test_more_of_a_choice_goes_to_the_line_made_so(shop: Shop) -> None:
    chat = shop("greengrocer")
    chat.say("six honeycrisp and four granny smith please")
    chat.say("and a dozen eggs free range")
    chat.say("wait take off the granny smiths and give me two more honeycrisp instead")
    assert _has(chat, "APPLE", 8, "variety=honeycrisp"), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("APPLE") == 8 and chat.counts.get("EGGS") == 1


# --- every unit of a product, a line shared out --------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "make all four danishes cheese",
    "make both danishes cheese",
    "great one challah and um actually make all four danishes cheese my brother in law hates cherry",
])
def test_all_of_a_product_made_one_way_becomes_one_line(shop: Shop, said: str) -> None:
    chat = shop("bakery")
    chat.say("two cherry danishes and two cheese danishes please")
    chat.say(said)
    danishes = [(q, made) for s, q, made in _made(chat) if s == "DANISH"]
    assert danishes == [(4, frozenset({"flavor=cheese"}))], (_made(chat), chat.replies[-1].text)


def test_all_with_a_count_that_is_not_the_lines_changes_nothing_of_them(shop: Shop) -> None:
    chat = shop("bakery")
    chat.say("two cherry danishes and two cheese danishes please")
    chat.say("make all six danishes cheese")
    assert not _has(chat, "DANISH", 4, "flavor=cheese"), _made(chat)


@pytest.mark.parametrize(("said", "ripe", "firm"), [
    ("actually make the avocados two ripe and two for the weekend", 2, 2),
    ("make the avocados one ripe and three firm", 1, 3),
])
def test_a_line_shared_out_by_counts_after_its_name(shop: Shop, said: str, ripe: int, firm: int) -> None:
    chat = shop("greengrocer")
    chat.say("great four avocados and a bunch of cilantro")
    chat.say(said)
    assert _has(chat, "AVOCADO", ripe, "ripeness=ripe") and _has(chat, "AVOCADO", firm, "ripeness=firm"), \
        (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("AVOCADO") == 4


def test_a_pass_on_an_offer_orders_nothing(shop: Shop) -> None:
    chat = shop("bakery")
    chat.say("a challah")
    chat.say("how much is the lemon tart")
    reply = chat.say("ok i'll pass on that that's all")
    assert [s for s, _, _ in _made(chat)] == ["CHALLAH"], (_made(chat), reply.text)
    assert "place the order" in reply.text.lower()


# --- a part of a line: a meal deal's choices, the line's own kind -------------------------------------------

@pytest.mark.parametrize("said", [
    "ok the meal for two with a tikka masala and a lamb rogan josh and garlic naan",
    "the meal for two with a lamb rogan josh and a tikka masala and garlic naan",
])
def test_a_deals_with_list_of_dishes_are_its_choices(shop: Shop, said: str) -> None:
    chat = shop("curry")
    chat.say(said)
    assert _has(chat, "MEAL-FOR-TWO", 1, "curries=chicken_tikka_masala", "curries=lamb_rogan_josh",
                "bread=garlic_naan"), (_made(chat), chat.replies[-1].text)
    assert len(chat.session.cart.lines) == 1


def test_a_group_of_a_deal_named_on_the_deal_is_its_choice(shop: Shop) -> None:
    chat = shop("curry")
    chat.say("the meal for two with a tikka masala and a korma")
    chat.say("oh can you change the rice on the meal to egg fried")
    assert _has(chat, "MEAL-FOR-TWO", 1, "rice=egg_fried"), (_made(chat), chat.replies[-1].text)
    assert "RICE" not in chat.counts


@pytest.mark.parametrize("said", ["and cancel the sweet lassi just the mango one", "drop the sweet lassi only the mango one"])
def test_the_one_kept_after_a_removal_stays(shop: Shop, said: str) -> None:
    chat = shop("curry")
    chat.say("a mango lassi and a sweet lassi")
    chat.say(said)
    assert _made(chat) == [("LASSI", 1, frozenset({"flavour=mango"}))], (_made(chat), chat.replies[-1].text)


@pytest.mark.parametrize("said", ["oh make the siu mai a six too", "make the siu mai a six"])
def test_a_number_after_a_names_the_lines_piece_count(shop: Shop, said: str) -> None:
    chat = shop("dimsum")
    chat.say("a basket of six har gow and a regular siu mai")
    chat.say(said)
    assert _has(chat, "SIU-MAI", 1, "pieces=6"), (_made(chat), chat.replies[-1].text)


def test_the_line_to_a_product_that_is_its_required_choice(shop: Shop) -> None:
    chat = shop("taproom")
    chat.say("a growler fill of the hazy i'm bringing my own growler")
    chat.say("and a big pretzel with beer cheese")
    chat.say("actually change the growler to the stout")
    assert _has(chat, "GROWLER", 1, "beer=stout"), (_made(chat), chat.replies[-1].text)
    assert "STOUT" not in chat.counts


def test_do_the_line_as_another_product_keeps_its_choice(shop: Shop) -> None:
    chat = shop("sushi")
    chat.say("four pieces of nigiri two salmon and two yellowtail")
    chat.say("actually do the yellowtail as sashimi instead of nigiri")
    assert _has(chat, "SASHIMI", 2, "fish=yellowtail") and _has(chat, "NIGIRI", 2, "fish=salmon"), \
        (_made(chat), chat.replies[-1].text)


def test_a_line_named_by_a_word_of_its_name_gets_a_choice_that_is_a_product_too(shop: Shop) -> None:
    chat = shop("creperie")
    chat.say("a liege waffle and a belgian waffle with strawberries")
    chat.say("wait take off the liege waffle")
    chat.say("and can the belgian one get ice cream too")
    assert _has(chat, "BELGIAN-WAFFLE", 1, "toppings=ice_cream", "toppings=strawberries"), \
        (_made(chat), chat.replies[-1].text)
    assert "ICE-CREAM" not in chat.counts


# --- two lines changed in one breath -------------------------------------------------------------------------

def test_two_lines_named_by_their_choices_each_changed(shop: Shop) -> None:
    chat = shop("taqueria")
    chat.say("three al pastor tacos and two carnitas tacos")
    chat.say("what salsas do you have")
    chat.say("the pastor ones with verde and the carnitas with the red one")
    assert _has(chat, "TACO", 3, "protein=pastor", "salsa=verde"), (_made(chat), chat.replies[-1].text)
    assert _has(chat, "TACO", 2, "protein=carnitas", "salsa=roja")
    chat.say("and a chicken burrito with black beans")
    chat.say("can you put guac in the burrito and do the carnitas ones on flour")
    assert _has(chat, "BURRITO", 1, "protein=pollo", "toppings=guac"), (_made(chat), chat.replies[-1].text)
    assert _has(chat, "TACO", 2, "protein=carnitas", "tortilla=flour")
    assert _has(chat, "TACO", 3, "protein=pastor", "tortilla=corn")


def test_the_second_item_answers_the_item_still_waiting(shop: Shop) -> None:
    chat = shop("hardware")
    chat.say("yeah hi i need double a batteries and triple a's")
    chat.say("eight pack of the double a's and a four pack of the triple a's")
    assert _has(chat, "AA-BATTERIES", 1, "pack=8") and _has(chat, "AAA-BATTERIES", 1, "pack=4"), \
        (_made(chat), chat.replies[-1].text)
    assert "pack size" not in chat.replies[-1].text.lower()  # nothing asked again


@pytest.mark.parametrize("said", ["two drill bit sets no just one", "two drill bit sets sorry just one"])
def test_a_count_corrected_with_just(shop: Shop, said: str) -> None:
    chat = shop("hardware")
    chat.say(said)
    assert chat.counts == {"DRILL-BITS": 1}, (_made(chat), chat.replies[-1].text)


# --- spoken forms ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "said", "sku", "choice"), [
    ("curry", "a bombay aloo and a chicken madras but medium not hot", "MADRAS", "spice=medium"),
    ("noodlebar", "and my boyfriend wants the spicy miso but not crazy spicy like medium", "SPICY-MISO",
     "spice=medium"),
])
def test_a_level_said_against_another(shop: Shop, name: str, said: str, sku: str, choice: str) -> None:
    chat = shop(name)
    chat.say(said)
    assert _has(chat, sku, 1, choice), (_made(chat), chat.replies[-1].text)


def test_a_size_said_as_hundreds_and_a_choice_forgotten(shop: Shop) -> None:
    chat = shop("teashop")
    chat.say("ok a hundred grams of earl grey in a tin")
    chat.say("actually make the earl grey the big two fifty gram bag and forget the tin")
    assert _made(chat) == [("EARL-GREY", 1, frozenset({"weight=250g", "packaging=bag"}))], \
        (_made(chat), chat.replies[-1].text)


def test_two_fifty_gram_bags_are_two_bags(shop: Shop) -> None:
    chat = shop("teashop")
    chat.say("two fifty gram bags of earl grey")
    assert _has(chat, "EARL-GREY", 2, "weight=50g"), (_made(chat), chat.replies[-1].text)


def test_a_two_fifty_gram_bag_is_the_250(shop: Shop) -> None:
    """"Two fifty" said of one bag ("a ... bag") is the 250 grams the catalog prints (dialogue/codes.py); said before
    a plural ("two fifty gram bags") it counts bags of the 50 (count_or_choice._counted_plural)."""
    chat = shop("teashop")
    chat.say("a two fifty gram bag of earl grey")
    assert _has(chat, "EARL-GREY", 1, "weight=250g"), (_made(chat), chat.replies[-1].text)


# --- "a <choice> one" beside another item: the product talked about, not another product of that choice ------------

@pytest.mark.parametrize(("said", "sku", "colour"), [
    ("a cream one and a birthday card", "TEDDY-BEAR", "colour=cream"),  # a knit scarf comes in cream too
    ("one brown one and a birthday card please", "TEDDY-BEAR", "colour=brown"),
    ("a cream scarf and a birthday card", "KNIT-SCARF", "colour=cream"),  # a product named: that product
])
def test_a_choice_one_beside_an_item_is_not_another_product_of_that_choice(shop: Shop, said: str, sku: str,
                                                                           colour: str) -> None:
    chat = shop("store")
    chat.say("do you have teddy bears what colours do they come in")
    chat.say(said)
    assert _has(chat, sku, 1, colour), (_made(chat), chat.replies[-1].text)
    assert chat.counts.get("BIRTHDAY-CARD") == 1
    assert len(chat.counts) == 2
