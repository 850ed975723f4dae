"""The LLM fallback on a catalog too large to list in every request: each request carries only the turn's
candidates (the catalog's search for its words, the cart's products, the one talked about), read through the
indexed lexicon without reading every product. The real ``openai`` client and the stub HTTP server on 127.0.0.1
(scripted answers stand in for the model, as in ``test_llm_understanding``)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog.models import Product
from catalog.sqlite_store import SQLiteStore
from dialogue import llm
from dialogue.lexicon import IndexedLexicon, Lexicon
from dialogue.llm import LLMSettings, LLMUnderstanding, catalog_prompt, turn_prompt
from dialogue.parse_records import Context
from dialogue.understanding import RuleUnderstanding
from tests.dialogue.counting import Counting
from tests.llm.stub_server import StubServer, by_turn, tool

NOUNS = ["mug", "kettle", "lamp", "vase", "rug", "clock", "candle", "cushion", "blanket", "scarf"]
ADJECTIVES = ["classic", "organic", "mini", "vintage", "rustic", "soft", "wooden", "ceramic", "cotton", "bamboo"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    rng = random.Random(3)
    st = SQLiteStore(tmp_path_factory.mktemp("llm-large") / "shop.sqlite3")
    products = [Product(f"P{i:04d}", f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}", 500 + i, category="home")
                for i in range(600)]
    products.append(Product("WALNUT-CLOCK", "Zanzibar Walnut Clock", 4500, category="clock"))
    st.import_products(products)
    yield st
    st.close()


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llm, "PROMPT_WHOLE_CATALOG", 100)  # 601 products: more than a request may list


def _skus_in(req: dict[str, Any]) -> list[str]:
    item = req["tools"][0]["function"]["parameters"]["properties"]["items"]["items"]
    return list(item["properties"]["sku"]["enum"])


def test_each_request_lists_only_the_turns_candidates(store: SQLiteStore, small_limit: None) -> None:
    counted = Counting(store)
    lex = Lexicon.for_store(counted, mode="indexed")  # type: ignore[arg-type]
    assert isinstance(lex, IndexedLexicon) and catalog_prompt(lex) is None
    ctx = Context(line_skus=("P0007",), topic="P0100")
    prompt = turn_prompt(lex, "something zanzibar for the wall", ctx)
    assert {"WALNUT-CLOCK", "P0007", "P0100"} <= prompt.skus
    assert len(prompt.skus) <= llm.TURN_CANDIDATES + 2
    assert "WALNUT-CLOCK | Zanzibar Walnut Clock" in prompt.system
    assert counted.calls["products"] == 0 and counted.products_read < 100, counted.products_read


def test_the_model_gets_the_candidates_and_a_turn_with_none_stays_with_the_rules(
        store: SQLiteStore, small_limit: None, tmp_path: Path) -> None:
    lex = Lexicon.for_store(store, mode="indexed")
    with StubServer() as srv:
        srv.script = by_turn({"i want that zanzibar thing": tool("add_items", {"items": [
            {"sku": "WALNUT-CLOCK", "quantity": 1}]})})
        u = LLMUnderstanding(RuleUnderstanding(lex), lex, LLMSettings(base_url=srv.base_url, model="stub-model"))
        req = u.request("i want that zanzibar thing", Context())
        assert "WALNUT-CLOCK" in _skus_in(req) and len(_skus_in(req)) <= llm.TURN_CANDIDATES
        assert json.loads(req["messages"][1]["content"])["shopper_said"] == "i want that zanzibar thing"
        with pytest.raises(llm.LLMError):
            u.request("gimme the usual", Context())  # no product answers to any of its words: nothing to ask
        u.parse("gimme the usual", Context())
        assert srv.chat_requests() == [] and u.stats.errors == 1


def test_a_shop_sized_catalog_is_listed_whole_once(store: SQLiteStore, tmp_path: Path) -> None:
    small = SQLiteStore(tmp_path / "small.sqlite3")
    small.import_products([Product("TEA", "green tea", 300), Product("CAKE", "carrot cake", 450)])
    lex = Lexicon.for_store(small)
    prompt = catalog_prompt(lex)
    assert prompt is not None and prompt.skus == {"TEA", "CAKE"} and catalog_prompt(lex) is prompt
    small.close()
