"""The catalog and orders subcommands, run through the real ``voicecart`` entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.bundled import open_store
from catalog.models import SelectedOption
from voice.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cfg = tmp_path / "voicecart.toml"
    cfg.write_text("")
    db = tmp_path / "data" / "shop.sqlite3"
    monkeypatch.setenv("VOICECART_CONFIG", str(cfg))
    monkeypatch.setenv("VOICECART_DB", str(db))
    monkeypatch.setenv("VOICECART_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("VOICECART_CATALOG", raising=False)
    return db


def test_search_json_oat_milk_latte_subprocess(env: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "voice.cli", "catalog", "search", "oat milk latte", "--json"],
                         cwd=REPO, env=dict(os.environ), capture_output=True, text=True, timeout=60, check=True)
    hits = json.loads(out.stdout)
    assert hits[0]["sku"] == "LATTE" and hits[0]["name"] == "latte" and hits[0]["price_cents"] == 425
    assert hits[0]["score"] >= hits[-1]["score"]


def test_search_filters_show_and_errors(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "search", "latte", "--max-price", "4.40", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(h["price_cents"] <= 440 for h in hits)
    assert main(["catalog", "search", "", "--option", "milk=oat milk", "--category", "tea", "--json"]) == 0
    assert {h["sku"] for h in json.loads(capsys.readouterr().out)} == {"CHAI-LATTE", "MATCHA-LATTE", "LONDON-FOG", "TEA"}
    assert main(["catalog", "search", "latte", "--option", "milk"]) == 1
    assert "GROUP=VALUE" in capsys.readouterr().err
    assert main(["catalog", "search", "croissant"]) == 0
    assert "12 left" in capsys.readouterr().out
    assert main(["catalog", "show", "LATTE"]) == 0
    shown = capsys.readouterr().out
    assert "oat milk +$0.70" in shown and "12 ounce" in shown
    assert main(["catalog", "show", "NOPE"]) == 1
    assert "no product with SKU 'NOPE'" in capsys.readouterr().err


def test_import_into_fresh_db_then_replace(env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "shop.csv"
    csv.write_text("sku,name,price,stock\nPEN,blue pen,1.20,10\nPAD,notepad,3.00,\n")
    assert main(["catalog", "import", str(csv)]) == 0
    assert "imported 2 products" in capsys.readouterr().out
    assert main(["catalog", "search", "pen", "--json"]) == 0
    assert [h["sku"] for h in json.loads(capsys.readouterr().out)] == ["PEN"]
    assert main(["catalog", "search", "latte", "--json"]) == 0  # the cafe was never loaded
    assert json.loads(capsys.readouterr().out) == []
    broken = tmp_path / "broken.csv"
    broken.write_text("sku,name,price\nINK,ink,free\n")
    assert main(["catalog", "import", str(broken), "--replace"]) == 2  # bad input
    err = capsys.readouterr().err
    assert "line 2" in err and "'price'" in err
    csv.write_text("sku,name,price\nPEN,red pen,1.30\n")
    assert main(["catalog", "import", str(csv), "--replace"]) == 0
    capsys.readouterr()
    assert main(["catalog", "show", "PAD"]) == 1


def test_orders_list_show_status_cancel(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(env, catalog="cafe") as store:
        cart = store.new_cart()
        croissant = store.get_product("CROISSANT")
        latte = store.get_product("LATTE")
        assert croissant is not None and latte is not None
        cart.add(croissant, 2)
        cart.add(latte, 1, [SelectedOption("milk", "oat", "light", "a little")])
        order = store.place_order(cart, customer="Ann", idempotency_key="t1")
        second = store.place_order(cart, customer="Bo", idempotency_key="t2")
    assert main(["orders", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {o["number"] for o in listed} == {order.number, second.number}
    assert main(["orders", "show", order.number]) == 0
    shown = capsys.readouterr().out
    assert "2 x croissant" in shown and "a little milk:oat" in shown
    assert main(["orders", "status", second.number, "ready"]) == 0
    assert main(["orders", "cancel", second.number]) == 1
    assert "can no longer be cancelled" in capsys.readouterr().err
    assert main(["orders", "cancel", order.number]) == 0
    assert main(["orders", "list", "--status", "cancelled", "--json"]) == 0
    out = capsys.readouterr().out
    assert [o["number"] for o in json.loads(out[out.index("["):])] == [order.number]
    assert main(["orders", "show", "99999"]) == 1
