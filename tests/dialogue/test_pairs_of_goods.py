""""A pair of" said of goods that come as a pair counts pairs, whatever product the words go on to name: at a
tailor's counter "i need a pair of trousers hemmed" is one hemming (of one pair), "shorten two pairs of jeans" two;
a pair of something that is no paired good ("a pair of flat whites", "a pair of hemmings") is still two."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dialogue.conftest import Chat, chat_of

_SHOP: dict[str, Any] = {
    "format": "voicecart-catalog", "version": 1, "currency": "USD",
    "products": [
        {"sku": "HEM", "name": "hemming", "price": "12.00", "category": "alterations",
         "aliases": ["hem", "hems", "hemmed", "shorten", "shortened"],
         "option_groups": [{"code": "garment", "name": "garment", "default": "trousers", "values": [
             {"code": "trousers", "name": "trousers", "aliases": ["pants", "slacks"]},
             {"code": "jeans", "name": "jeans"}, {"code": "skirt", "name": "skirt"}]}]},
        {"sku": "PANTS", "name": "trousers", "price": "7.50", "category": "dry cleaning",
         "aliases": ["pants", "pair of pants", "slacks", "dress pants"]},
        {"sku": "RESOLE", "name": "resoling", "price": "40.00", "category": "repairs",
         "aliases": ["resole", "resoled", "new soles"]},
        {"sku": "FLAT-WHITE", "name": "flat white", "price": "3.50", "category": "coffee"},
    ],
}


@pytest.fixture
def tailor(tmp_path: Path) -> Iterator[Chat]:
    yield from chat_of(tmp_path, _SHOP)


@pytest.mark.parametrize(("said", "count"), [
    ("i need a pair of trousers hemmed", 1),
    ("a pair of jeans hemmed please", 1),
    ("can i get two pairs of pants hemmed", 2),
    ("a pair of boots resoled", 1),
])
def test_a_pair_of_paired_goods_counts_pairs(tailor: Chat, said: str, count: int) -> None:
    tailor.say(said)
    assert tailor.counts == {("RESOLE" if "resol" in said else "HEM"): count}, tailor.lines


@pytest.mark.parametrize(("said", "sku"), [("a pair of flat whites", "FLAT-WHITE"), ("a pair of hemmings", "HEM")])
def test_a_pair_of_other_things_is_two(tailor: Chat, said: str, sku: str) -> None:
    tailor.say(said)
    assert tailor.counts == {sku: 2}
