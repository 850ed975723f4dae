"""Questions about what the shop has, answered from the catalog and never changing the cart."""

from __future__ import annotations

from typing import Any


def test_menu_lists_the_catalogs_categories(chat: Any) -> None:
    for said in ("menu please", "hello, what do you sell?", "what do you have"):
        r = chat.say(said)
        assert "espresso drinks" in r.text and "pastries" in r.text, said
    assert chat.lines == []


def test_cheapest_answers_and_adds_nothing(chat: Any) -> None:
    r = chat.say("what's the cheapest drink you have?")
    assert "cheapest is the" in r.text and chat.lines == []
    r = chat.say("cheapest pastry")
    assert "cheapest is the" in r.text and chat.lines == []
    r = chat.say("what's the most expensive")
    assert "most expensive is the" in r.text and chat.lines == []


def test_a_price_limit_uses_what_would_be_charged(chat: Any) -> None:
    r = chat.say("something under three dollars")
    assert chat.lines == [] and "Would you like one of those" in r.text
    assert "coffee at two twenty five" not in r.text  # a medium coffee is two seventy five


def test_how_many_are_left(chat: Any, cafe: Any) -> None:
    left = cafe.stock("CROISSANT")
    r = chat.say("how many croissants are left?")
    assert chat.lines == []
    if left is not None:
        from dialogue.numbers import say_number
        assert say_number(left) in r.text


def test_tags_come_from_the_catalog(tmp_path: Any, new_chat: Any) -> None:
    from catalog.bundled import open_store

    store = open_store(tmp_path / "bakery.sqlite3", catalog="bakery")
    tagged = [p for p in store.products() if "vegan" in p.tags]
    assert tagged  # the bakery catalog marks its vegan products
    chat = new_chat(store)
    r = chat.say("what's vegan?")
    assert chat.lines == [] and "For vegan, we have" in r.text
    assert any(p.name in r.text for p in tagged)
    r = chat.say("do you have anything gluten free")
    assert chat.lines == [] and ("gluten free" in r.text.lower())
    store.close()


def test_popular_reads_the_order_history(chat: Any, new_chat: Any, cafe: Any) -> None:
    chat.say("two mochas")
    assert chat.say("yes").order_number
    other = new_chat(cafe)
    r = other.say("what's popular")
    assert "mocha" in r.text and other.lines == []


def test_phone_number_from_the_shop_table(cafe: Any) -> None:
    from dialogue.session import Session
    from dialogue.shop import ShopInfo

    s = Session(cafe, shop=ShopInfo.from_config({"name": "Corner Cafe", "phone": "555 0100"}))
    assert "555 0100" in s.handle("what's your phone number?").text
