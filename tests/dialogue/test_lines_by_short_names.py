"""A cart line named by a shorter noun than its product's name, on a small catalog written here: "actually just
two scones" with cherry scones in the cart recounts the cherry scones (the plain scone is a product of its own,
but no line of it is there; "and two scones" still adds plain ones); "make the tofu wrap small" with a tofu and
a halloumi wrap picks the wrap made with tofu (the choices said before the noun name the line, those after it
are the change); and a choice spelled like a common word ("side") is that line's choice after "make the <line>
a", even when another product was said last; "make the honey a half pound" for a jar of honey is that jar, not
the honey a tea is sweetened with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "SCONE", "name": "scone", "aliases": ["plain scone"], "price": "3.00"},
        {"sku": "CHERRY-SCONE", "name": "cherry scone", "price": "3.50"},
        {"sku": "BROWNIE", "name": "walnut brownie", "price": "2.50"},
        {"sku": "WRAP", "name": "veggie wrap", "aliases": ["wrap"], "price": "9.00", "options": [
            {"code": "filling", "name": "filling", "values": [
                {"code": "tofu", "name": "tofu", "price_delta": "1.00"},
                {"code": "halloumi", "name": "halloumi", "price_delta": "2.00"}]},
            {"code": "portion", "name": "portion", "default": "whole", "values": [
                {"code": "side", "name": "side", "aliases": ["small", "half"], "price_delta": "-4.00"},
                {"code": "whole", "name": "whole", "aliases": ["large", "full"]}]}]},
        {"sku": "LEMONADE", "name": "lemonade", "price": "3.00"},
        {"sku": "TEA", "name": "tea", "price": "2.50", "options": [
            {"code": "sweetener", "name": "sweetener", "values": [
                {"code": "honey", "name": "honey"}, {"code": "sugar", "name": "sugar"}]}]},
        {"sku": "HONEY", "name": "jar of honey", "price": "8.00", "options": [
            {"code": "jar", "name": "jar size", "default": "small", "values": [
                {"code": "small", "name": "8 ounce", "aliases": ["half pound"]},
                {"code": "big", "name": "16 ounce", "aliases": ["pound", "1 pound"], "price_delta": "5.00"}]}]},
    ],
}


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize("said", ["actually just two scones", "actually two scones", "just two scones please",
                                  "only two scones", "no just two scones"])
def test_a_new_count_of_a_shorter_name_is_the_line_that_holds_it(chat: Chat, said: str) -> None:
    chat.say("three cherry scones and a lemonade")
    chat.say(said)
    assert chat.counts == {"CHERRY-SCONE": 2, "LEMONADE": 1}


@pytest.mark.parametrize("said", ["and two scones", "two more scones", "and also two plain scones"])
def test_a_product_of_its_own_said_to_add_is_still_added(chat: Chat, said: str) -> None:
    chat.say("three cherry scones")
    chat.say(said)
    assert chat.counts.get("CHERRY-SCONE") == 3 and chat.counts.get("SCONE") == 2


def test_a_count_for_a_product_not_in_the_cart_adds_it(chat: Chat) -> None:
    chat.say("a lemonade")
    chat.say("and two brownies")
    assert chat.counts == {"LEMONADE": 1, "BROWNIE": 2}


@pytest.mark.parametrize(("said", "made"), [("make the tofu wrap small", "tofu"),
                                            ("make the halloumi wrap small", "halloumi"),
                                            ("can you make the tofu wrap a half", "tofu"),
                                            ("make the tofu wrap a side", "tofu"),
                                            ("make the halloumi wrap a side please", "halloumi")])
def test_the_choice_before_the_noun_names_the_line(chat: Chat, said: str, made: str) -> None:
    chat.say("two veggie wraps one with tofu and one with halloumi")
    chat.say("and two lemonades")
    chat.say(said)
    wraps = sorted((o["filling"], o["portion"]) for sku, _, o in chat.lines if sku == "WRAP")
    other = "halloumi" if made == "tofu" else "tofu"
    assert wraps == sorted([(made, "side"), (other, "whole")])
    assert chat.counts == {"WRAP": 2, "LEMONADE": 2}


@pytest.mark.parametrize("said", ["make it a side", "make that a side", "make the wrap a side"])
def test_a_common_word_choice_after_a_is_the_change(chat: Chat, said: str) -> None:
    chat.say("a tofu wrap")
    chat.say(said)
    assert chat.lines == [("WRAP", 1, {"filling": "tofu", "portion": "side"})]


@pytest.mark.parametrize("said", ["make the honey a half pound", "ok actually make the honey 8 ounce",
                                  "change the honey to a half pound", "can you make the honey a half pound instead"])
def test_words_of_the_line_name_are_no_choice_of_another_product(chat: Chat, said: str) -> None:
    chat.say("a tea with sugar and a pound jar of honey")
    chat.say(said)
    assert sorted(chat.lines) == [("HONEY", 1, {"jar": "small"}), ("TEA", 1, {"sweetener": "sugar"})]
