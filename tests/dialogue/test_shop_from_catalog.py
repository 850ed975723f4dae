"""The catalog's ``shop`` block answers the shop questions wherever the ``[shop]`` configuration leaves a field
unset; a field the configuration sets wins (``dialogue.shop.shop_table``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue.session import Session
from dialogue.shop import ShopInfo
from tests.dialogue.conftest import corpus_catalog, store_of
from voice.cli import main

KEBAB = Path(__file__).resolve().parent.parent / "corpus" / "catalogs" / "kebabhouse.json"


def _catalog() -> dict[str, object]:
    return {"format": "voicecart-catalog", "currency": "USD",
            "shop": {"name": "Tea Room", "phone": "555 0199", "hours": "eight to four, every day",
                     "address": "3 Quay Lane"},
            "products": [{"sku": "TEA", "name": "tea", "price": "2.00"}]}


def test_the_catalog_answers_what_time_do_you_close(tmp_path: Path) -> None:
    store = store_of(tmp_path, _catalog())
    try:
        session = Session(store, shop=ShopInfo.for_store({}, store))
        assert "Tea Room" in session.greeting().text
        assert "eight to four, every day" in session.handle("what time do you close").text
        assert "555 0199" in session.handle("what's your phone number").text
        assert "3 Quay Lane" in session.handle("what's your address").text
        assert not session.cart.lines
    finally:
        store.close()


def test_configuration_wins_over_the_catalog(tmp_path: Path) -> None:
    store = store_of(tmp_path, _catalog())
    try:
        shop = ShopInfo.for_store({"hours": "nine to five, weekdays", "name": "", "returns": "No returns."}, store)
        assert (shop.name, shop.hours, shop.phone, shop.returns) == (
            "Tea Room", "nine to five, weekdays", "555 0199", "No returns.")  # an empty name is unset
        session = Session(store, shop=shop)
        reply = session.handle("what time do you close").text
        assert "nine to five" in reply and "eight to four" not in reply
    finally:
        store.close()


def test_a_catalog_without_a_block_changes_nothing(tmp_path: Path) -> None:
    catalog = _catalog()
    del catalog["shop"]
    store = store_of(tmp_path, catalog)
    try:
        assert ShopInfo.for_store({"hours": "ten to two"}, store) == ShopInfo.from_config({"hours": "ten to two"})
        assert ShopInfo.for_store({}, store) == ShopInfo()
    finally:
        store.close()


def test_a_corpus_catalog_through_the_chat_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The configured catalog file's shop block reaches `voicecart chat`; [shop] hours, when set, win."""
    assert corpus_catalog("kebabhouse")["shop"]
    script = tmp_path / "talk.txt"
    script.write_text("what time do you close\nwhat's your phone number\n", encoding="utf-8")
    base = f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\ncatalog = "{KEBAB}"\n'
    cfg = tmp_path / "voicecart.toml"
    cfg.write_text(base, encoding="utf-8")
    assert main(["--config", str(cfg), "chat", "--script", str(script)]) == 0
    out = capsys.readouterr().out
    assert "Ali Baba Kebab House" in out and "5pm to 3am every day" in out and "(555) 014-3306" in out
    cfg.write_text(base + '[shop]\nhours = "noon to midnight"\n', encoding="utf-8")
    assert main(["--config", str(cfg), "chat", "--script", str(script)]) == 0
    out = capsys.readouterr().out
    assert "noon to midnight" in out and "5pm to 3am" not in out and "(555) 014-3306" in out


def test_open_conversation_uses_the_catalog_shop(tmp_path: Path) -> None:
    from voice.cli import Context
    from voice.commands import open_conversation
    from voice.config import load_config

    config = tmp_path / "shop.toml"
    config.write_text(f'[voicecart]\ndata_dir = "{tmp_path / "data"}"\ncatalog = "{KEBAB}"\n'
                      '[shop]\nname = "Kebab Corner"\n', encoding="utf-8")
    ctx = Context(load_config(config))
    try:
        session = open_conversation(ctx)
        assert "Kebab Corner" in session.greeting().text  # configured
        assert "5pm to 3am" in session.handle("when do you close tonight").text  # from the catalog
    finally:
        ctx.close()
