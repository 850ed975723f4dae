"""Fixtures for the LLM and speech-server tests: a real cafe store, the loopback stub server (a scripted
stand-in for the model, see ``stub_server``), and sessions whose understanding asks it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog.bundled import open_store
from catalog.sqlite_store import SQLiteStore
from dialogue.lexicon import Lexicon
from dialogue.llm import LLMSettings, LLMUnderstanding
from dialogue.session import Session
from dialogue.shop import ShopInfo
from dialogue.understanding import RuleUnderstanding
from tests.llm.stub_server import Script, StubServer

SHOP = ShopInfo(name="Corner Cafe")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_llm: against llama-cpp-python's server and a packaged GGUF "
                                       "(VOICECART_LLAMA_PYTHON; skipped without it, not built in CI)")


@pytest.fixture
def cafe(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = open_store(tmp_path / "cafe.sqlite3", catalog="cafe", tax_rate_bp=825)
    yield store
    store.close()


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with StubServer() as srv:
        yield srv


class LLMChat:
    """A session whose understanding falls back to the stub server; ``say`` returns the reply text."""

    def __init__(self, store: SQLiteStore, srv: StubServer, **settings: Any):
        self.store, self.srv = store, srv
        lex = Lexicon.for_store(store)
        self.settings = LLMSettings(base_url=srv.base_url, model="stub-model",
                                    **({"timeout_s": 2.0} | settings))
        self.understanding = LLMUnderstanding(RuleUnderstanding(lex), lex, self.settings)
        self.session = Session(store, shop=SHOP, lexicon=lex, understanding=self.understanding)
        self.replies: list[Any] = []

    def say(self, text: str, **meta: Any) -> str:
        from dialogue.types import TurnMeta

        reply = self.session.handle(text, TurnMeta(**meta) if meta else None)
        self.replies.append(reply)
        return reply.text

    @property
    def lines(self) -> list[tuple[str, int, dict[str, str], int]]:
        return [(ln.sku, ln.quantity, {o.group: o.value for o in ln.options}, ln.unit_price_cents)
                for ln in self.session.cart.lines]


@pytest.fixture
def make_chat(cafe: SQLiteStore, stub: StubServer) -> Any:
    def make(script: Script | None = None, **settings: Any) -> LLMChat:
        if script is not None:
            stub.script = script
        return LLMChat(cafe, stub, **settings)

    return make
