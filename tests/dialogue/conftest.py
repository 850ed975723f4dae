"""Fixtures for the dialogue tests: real SQLite stores with the bundled catalogs, one session helper."""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from bench.conversations import catalog_source
from catalog.bundled import BUNDLED, bundled_path, open_store
from catalog.sqlite_store import SQLiteStore
from dialogue.lexicon import Lexicon
from dialogue.session import Session
from dialogue.shop import ShopInfo
from dialogue.types import Reply, TurnMeta

SHOP = ShopInfo(name="Corner Cafe", hours="seven to six, Monday to Saturday", address="12 Mill Street",
                returns="Unopened items can be returned within 30 days with a receipt.",
                faq={"do you have wifi": "Yes, the wifi password is on your receipt."})


# Loading a catalog into a new SQLite file (parse, write, index) takes about 60 ms; thousands of tests each want a
# fresh store of the same few catalogs. Each catalog is loaded once per test process into a template, and a test gets
# a copy of that file (a few ms): the store open_store would build, with nothing of another test in it (a catalog
# written in a test is keyed by its content; the copy records the first such file as its source).
_TEMPLATE_DIR = Path(tempfile.mkdtemp(prefix="voicecart-store-templates-"))
atexit.register(shutil.rmtree, _TEMPLATE_DIR, ignore_errors=True)
_TEMPLATES: dict[str, Path] = {}


def fresh_store(path: Path, catalog: str, *, tax_rate_bp: int = 825) -> SQLiteStore:
    """A new store at ``path`` (SQLite) holding ``catalog`` (a bundled name or a catalog file) and nothing else."""
    key = catalog if catalog in BUNDLED else hashlib.sha256(Path(catalog).read_bytes()).hexdigest()
    template = _TEMPLATES.get(key)
    if template is None:
        template = _TEMPLATE_DIR / f"{len(_TEMPLATES)}.sqlite3"
        open_store(template, catalog=catalog).close()  # closed: its write-ahead log is folded into the file
        _TEMPLATES[key] = template
    shutil.copyfile(template, path)
    store = open_store(path, catalog=catalog, tax_rate_bp=tax_rate_bp)
    assert isinstance(store, SQLiteStore)
    return store


def _store(tmp_path: Path, name: str) -> SQLiteStore:
    if name not in BUNDLED or not bundled_path(name).exists():
        pytest.skip(f"bundled catalog {name!r} is not there yet")
    return fresh_store(tmp_path / f"{name}.sqlite3", name)


def store_of(tmp_path: Path, catalog: Mapping[str, Any], *, tax_rate_bp: int = 0) -> SQLiteStore:
    """A store of a catalog written in a test (the ``voicecart-catalog`` JSON format); close it after use."""
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(catalog), encoding="utf-8")
    return fresh_store(tmp_path / "shop.sqlite3", str(path), tax_rate_bp=tax_rate_bp)


@pytest.fixture
def cafe(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = _store(tmp_path, "cafe")
    yield store
    store.close()


@pytest.fixture
def shop_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = _store(tmp_path, "store")
    yield store
    store.close()


def corpus_catalog(name: str) -> dict[str, Any]:
    """A catalog kept with the conversation corpus (``tests/corpus/catalogs/<name>.json``), as written."""
    return json.loads((Path(__file__).parents[1] / "corpus" / "catalogs" / f"{name}.json").read_text(encoding="utf-8"))


def chat_of(tmp_path: Path, catalog: Mapping[str, Any]) -> Iterator[Chat]:
    """A :class:`Chat` on a store of a catalog written in a test, closed afterwards: ``yield from`` it in a fixture."""
    store = store_of(tmp_path, catalog)
    try:
        yield Chat(store)
    finally:
        store.close()

@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Callable[[str], Chat]]:
    """Opens a :class:`Chat` on a bundled or corpus catalog by name (``shop("garden")``); all are closed after."""
    opened: list[SQLiteStore] = []

    def open_chat(name: str) -> Chat:
        store = fresh_store(tmp_path / f"{name}.sqlite3", catalog_source(name))
        opened.append(store)
        return Chat(store)

    yield open_chat
    for store in opened:
        store.close()

@pytest.fixture
def cafe_chat(cafe: SQLiteStore) -> Chat:
    """A :class:`Chat` on the bundled cafe."""
    return Chat(cafe)


@pytest.fixture
def pizzeria_chat(tmp_path: Path) -> Iterator[Chat]:
    """A :class:`Chat` on the pizzeria (bundled), closed afterwards."""
    store = fresh_store(tmp_path / "pizzeria.sqlite3", catalog_source("pizzeria"))
    yield Chat(store)
    store.close()




class Chat:
    """A session plus the replies it gave, for readable multi-turn tests."""

    def __init__(self, store: SQLiteStore, **kw: object):
        self.session = Session(store, shop=SHOP, **kw)  # type: ignore[arg-type]
        self.replies: list[Reply] = []

    def say(self, text: str, **meta: object) -> Reply:
        reply = self.session.handle(text, TurnMeta(**meta) if meta else None)  # type: ignore[arg-type]
        self.replies.append(reply)
        return reply

    @property
    def lines(self) -> list[tuple[str, int, dict[str, str]]]:
        return [(ln.sku, ln.quantity, {o.group: o.value for o in ln.options}) for ln in self.session.cart.lines]

    @property
    def counts(self) -> dict[str, int]:
        """Units in the cart by SKU, lines of one product added up."""
        out: dict[str, int] = {}
        for ln in self.session.cart.lines:
            out[ln.sku] = out.get(ln.sku, 0) + ln.quantity
        return out


@pytest.fixture
def chat(cafe: SQLiteStore) -> Chat:
    return Chat(cafe)


@pytest.fixture
def new_chat() -> type[Chat]:
    """The Chat class itself, for tests that need a second conversation or another store."""
    return Chat


@pytest.fixture
def cafe_lexicon(cafe: SQLiteStore) -> Lexicon:
    return Lexicon.for_store(cafe)


# The read-back every confirmation round starts from: "two lattes and a blueberry muffin", "that's all" at the cafe.
CAFE_READ_BACK = [("LATTE", 2), ("BLUEBERRY-MUFFIN", 1)]


def cafe_read_back(chat: Chat) -> list[tuple[str, int, dict[str, str]]]:
    """Order two lattes and a blueberry muffin, close, and check the order is read back for a yes; the lines then."""
    chat.say("two lattes and a blueberry muffin")
    r = chat.say("that's all")
    assert "place the order" in r.text, r.text
    assert [(sku, n) for sku, n, _ in chat.lines] == CAFE_READ_BACK
    return list(chat.lines)
