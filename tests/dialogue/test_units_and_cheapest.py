"""A bare number after "make it" is a count, the cheapest of a named noun, the price of the line in focus, unit
words ("one stick"), irregular plurals ("mice") and codes of the shopper's own ("ps5") (session 18, fx18h)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue.conftest import Chat, chat_of

_HARDWARE: dict[str, Any] = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "shop": {"name": "Rope and Rigging"},
    "products": [
        {"sku": "ROPE", "name": "nylon rope", "price_cents": 500, "category": "rope and cord",
         "options": [{"code": "length", "name": "length", "default": "5m",
                      "values": [{"code": "2m", "name": "2 m"}, {"code": "5m", "name": "5 m", "price_delta_cents": 300},
                                 {"code": "10m", "name": "10 m", "price_delta_cents": 700}]}]},
        {"sku": "CORD", "name": "bungee cord", "price_cents": 300, "category": "rope and cord"},
        {"sku": "GOOSE", "name": "decoy goose", "price_cents": 2500, "category": "decoys"},
        {"sku": "CLEAT", "name": "deck cleat", "price_cents": 900, "category": "hardware"},
        {"sku": "GLOVES", "name": "rigging gloves", "price_cents": 1500, "category": "hardware",
         "aliases": ["work pair"]},
    ],
}


def _said(c: Chat, *groups: str) -> list[tuple[str, int, dict[str, str]]]:
    """The cart's lines with only the choices of ``groups`` (not the defaults the catalog fills in)."""
    return [(sku, n, {g: v for g, v in opts.items() if g in groups}) for sku, n, opts in c.lines]


def _placed(c: Chat) -> bool:
    return bool(c.session.state.placed)


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _HARDWARE)


# --- a bare number after "make it" ------------------------------------------------------------------------

@pytest.mark.parametrize("turn", ["make it three", "yes but make it three", "make them three please"])
def test_bare_number_after_make_it_counts_the_line(shop: Callable[[str], Chat], turn: str) -> None:
    c = shop("pcparts")
    c.say("two ten foot hdmi cables")
    c.say("that's all")
    reply = c.say(turn)
    assert _said(c, "length") == [("HDMI-CABLE", 3, {"length": "10ft"})]
    assert "three 10 ft" in reply.text.lower()
    assert not _placed(c)


@pytest.mark.parametrize("turn", ["make it three foot", "make it the three", "make it a three"])
def test_number_with_its_unit_or_article_is_the_choice(shop: Callable[[str], Chat], turn: str) -> None:
    c = shop("pcparts")
    c.say("two ten foot hdmi cables")
    c.say(turn)
    assert _said(c, "length") == [("HDMI-CABLE", 2, {"length": "3ft"})]


def test_bare_number_answering_the_choice_asked_is_the_choice(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("a cat six cable")  # the length is asked for
    c.say("make it three")
    assert [(sku, n, o.get("length")) for sku, n, o in c.lines] == [("ETH-CABLE", 1, "3ft")]


def test_make_it_two_of_a_measured_line_in_another_shop(rig: Chat) -> None:
    rig.say("a ten m nylon rope")
    rig.say("make it two")
    assert _said(rig, "length") == [("ROPE", 2, {"length": "10m"})]


# --- the cheapest of a noun, the price of the line in focus -------------------------------------------------

def test_cheapest_keyboard_is_a_keyboard(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("a twenty four inch monitor")
    text = c.say("what's the cheapest keyboard you have").text.lower()
    assert "keyboard" in text and "optical mouse" not in text
    assert _said(c, "size") == [("MONITOR", 1, {"size": "24"})]


def test_cheapest_monitor_is_no_monitor_arm(shop: Callable[[str], Chat]) -> None:
    text = shop("pcparts").say("what's the cheapest monitor").text
    assert "IPS monitor" in text and "arm" not in text


def test_cheapest_of_a_noun_in_another_shop(rig: Chat) -> None:
    text = rig.say("what's your cheapest cord").text
    assert "bungee cord" in text
    assert "the cheapest" in rig.say("what's the cheapest thing you have").text.lower()


def test_how_much_is_that_says_the_line_before_tax(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("a two by eight ddr4 kit")
    text = c.say("how much is that").text
    assert "thirty nine ninety nine before tax" in text
    assert _said(c, "kit") == [("RAM-DDR4", 1, {"kit": "2x8"})]
    assert not _placed(c)


def test_how_much_is_that_each_and_for_the_line(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("two ten foot hdmi cables")
    text = c.say("how much is that").text
    assert "sixteen ninety nine each" in text and "thirty three ninety eight for the two" in text


# --- unit words, irregular plurals, codes of the shopper's own ---------------------------------------------------

def test_one_stick_counts_the_ram_named_before(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("thirty two gigs of ddr5 laptop ram just one stick and the hardware install")
    assert c.counts == {"RAM-LAPTOP": 1, "INSTALL": 1}


def test_two_sticks_recounts_the_line_in_focus(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("ddr5 laptop ram sixteen gig")
    c.say("actually make it two sticks")
    assert c.counts == {"RAM-LAPTOP": 2}


def test_unit_word_of_another_shop_counts_the_product_named(rig: Chat) -> None:
    rig.say("a deck cleat just one pair")
    assert rig.counts == {"CLEAT": 1}


@pytest.mark.parametrize("turn", ["i'm setting up a small office so five wired optical mice", "five optical mice"])
def test_irregular_plural_names_the_product(shop: Callable[[str], Chat], turn: str) -> None:
    c = shop("pcparts")
    text = c.say(turn).text
    assert c.counts == {"MOUSE": 5}
    assert "mice" in text


def test_irregular_plural_in_another_shop(rig: Chat) -> None:
    assert "decoy geese" in rig.say("three decoy geese").text
    assert rig.counts == {"GOOSE": 3}


@pytest.mark.parametrize("turn", ["a one tb nvme with the heatsink it's going in a ps5",
                                  "a one tb nvme with the heatsink for my xb1"])
def test_code_the_catalog_does_not_print_is_no_count(shop: Callable[[str], Chat], turn: str) -> None:
    c = shop("pcparts")
    c.say(turn)
    assert _said(c, "capacity", "heatsink") == [("NVME-SSD", 1, {"capacity": "1tb", "heatsink": "heatsink"})]


def test_code_the_catalog_prints_still_splits(shop: Callable[[str], Chat]) -> None:
    c = shop("pcparts")
    c.say("two ddr5 laptop ram sixteen gig")
    assert _said(c, "type", "capacity") == [("RAM-LAPTOP", 2, {"type": "ddr5", "capacity": "16gb"})]
