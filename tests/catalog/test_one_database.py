"""One database, one truth: config validated at load, the catalog a database holds is recorded and checked,
disks that are full or read-only are said plainly, output survives a closed pipe, the file is private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.bundled import open_store
from catalog.errors import CatalogError
from catalog.models import Product
from catalog.sqlite_store import SQLiteStore
from voice.cli import main
from voice.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cfg = tmp_path / "voicecart.toml"
    cfg.write_text("")
    db = tmp_path / "data" / "shop.sqlite3"
    monkeypatch.setenv("VOICECART_CONFIG", str(cfg))
    monkeypatch.setenv("VOICECART_DB", str(db))
    monkeypatch.setenv("VOICECART_DATA_DIR", str(tmp_path / "data"))
    for name in ("VOICECART_CATALOG", "VOICECART_TAX_PERCENT"):
        monkeypatch.delenv(name, raising=False)
    return db


@pytest.mark.parametrize(("toml", "message"), [
    ('[voicecart]\ntax_percent = "abc"\n', "tax_percent 'abc' is not a percentage"),
    ('[voicecart]\ntax_percent = "8.255"\n', "at most two decimals"),
    ('[voicecart]\ntax_precent = "8"\n', "unknown key [voicecart] tax_precent"),
    ('[voicecart]\ncurrency = "dollars"\n', "currency 'dollars' must be a three-letter code"),
    ('[voicecart]\ndatabase = "mysql://x/y"\n', "only a file path or a postgresql:// URL"),
    ('[voicecart]\ncatalog = 3.5e0\n[shop]\nname = ["a"]\n', "[shop] name must be text"),
    ('[shoop]\nname = "x"\n', "unknown table [shoop]"),
    ('[shop]\nopening = "9-5"\n', "unknown key [shop] opening"),
    ('[voice]\nvad_end_silence = 800\n', "unknown key [voice] vad_end_silence"),
    ('[voice]\nasr_bias = "loud"\n', "asr_bias must be one of"),
    ("voicecart = 3\n", "[voicecart] must be a table"),
])
def test_bad_config_names_the_key(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as err:
        load_config(path, env={})
    assert message in str(err.value) and str(path) in str(err.value)


def test_config_command_exit_2_on_bad_value(env: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICECART_TAX_PERCENT", "abc")
    assert main(["config"]) == 2
    assert "VOICECART_TAX_PERCENT: tax_percent 'abc'" in capsys.readouterr().err


def test_good_config_and_postgres_url_without_password_shown(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[voicecart]\ndatabase = "postgresql://shop:s3cret@db.example/shop"\ncurrency = "jpy"\n'
                    'tax_percent = "8.25"\n[voice]\nvad_end_silence_ms = 800\n[shop]\nname = "Tea"\n'
                    'faq = {wifi = "yes"}\n')
    cfg = load_config(path, env={})
    assert cfg.store_location == "postgresql://shop:s3cret@db.example/shop" and cfg.currency == "JPY"
    assert cfg.store_display == "postgresql://shop:***@db.example/shop" and not cfg.catalog_set


def test_switching_catalogs_is_explicit(env: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["catalog", "show", "LATTE"]) == 0  # a new database gets the default cafe
    assert main(["catalog", "search", "latte", "--catalog", "cafe"]) == 0
    assert main(["catalog", "search", "latte", "--catalog", "store"]) == 1
    monkeypatch.setenv("VOICECART_CATALOG", "store")
    capsys.readouterr()
    assert main(["catalog", "search", "shoes"]) == 1  # not silently the cafe
    err = capsys.readouterr().err
    assert "holds the catalog 'cafe'" in err and "voicecart catalog import store --replace" in err
    assert main(["catalog", "import", "store", "--replace"]) == 0
    assert main(["catalog", "search", "running shoes", "--json"]) == 0
    assert '"sku"' in capsys.readouterr().out
    assert main(["catalog", "show", "LATTE"]) == 1  # the cafe is gone, in the one database
    with SQLiteStore(env) as store:
        assert store.catalog_source() == "store"


def test_open_store_checks_only_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    with open_store(db, catalog="cafe") as store:
        assert store.catalog_source() == "cafe"
    with open_store(db, catalog="store") as store:  # default behaviour: an existing catalog stays
        assert store.get_product("LATTE") is not None
    with pytest.raises(CatalogError, match="holds the catalog 'cafe'"):
        open_store(db, catalog="store", check_catalog=True)


def test_database_file_private_in_private_folder(tmp_path: Path) -> None:
    db = tmp_path / "new" / "deeper" / "shop.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert_products([Product(sku="A", name="apple", price_cents=1)])
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if extra.exists():
            assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0


def test_full_disk_is_said_plainly_and_changes_nothing(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        store.upsert_products([Product(sku="A", name="apple", price_cents=1)])
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up after two pages
        many = [Product(sku=f"P{i}", name=f"product number {i}", price_cents=i, description="x" * 400)
                for i in range(2000)]
        with pytest.raises(CatalogError, match="the disk is full; nothing was changed"):
            store.upsert_products(many)
        assert [p.sku for p in store.products()] == ["A"]


def test_read_only_database_is_said_plainly(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert_products([Product(sku="A", name="apple", price_cents=1)])
    with pytest.raises(CatalogError, match="the disk or file is read-only"):
        with SQLiteStore(f"file:{db}?mode=ro") as ro:
            ro.upsert_products([Product(sku="B", name="banana", price_cents=1)])
    with SQLiteStore(db) as store:
        assert [p.sku for p in store.products()] == ["A"]


def test_unusable_folder_is_an_error_not_a_traceback(env: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("VOICECART_DB", str(blocker / "sub" / "shop.sqlite3"))  # a folder inside a file
    assert main(["catalog", "show", "LATTE"]) == 1
    err = capsys.readouterr().err
    assert "cannot open the catalog database" in err and "Not a directory" in err


def test_output_survives_a_closed_pipe(env: Path) -> None:
    assert main(["catalog", "search", "latte"]) == 0
    script = (f"{sys.executable} -m voice.cli catalog search '' --limit 400 --json | head -c 10 >/dev/null; "
              f"echo \"rc=${{PIPESTATUS[0]}}\"")
    out = subprocess.run(["bash", "-c", script], cwd=REPO, env=dict(os.environ), capture_output=True, text=True,
                         timeout=60)
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr, out.stderr
    assert out.stdout.strip() == "rc=0"


def test_cli_on_either_backend(location: str, env: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The same commands on SQLite and PostgreSQL: import an export, search it, order from it, see the order."""
    from catalog.bundled import open_database

    monkeypatch.setenv("VOICECART_DB", location)
    export = Path(__file__).resolve().parent / "exports" / "woocommerce_clothing.csv"
    assert main(["catalog", "import", str(export)]) == 0
    assert "imported 7 products" in capsys.readouterr().out
    assert main(["catalog", "search", "zip hoody", "--json"]) == 0
    assert '"sku": "woo-hoodie"' in capsys.readouterr().out
    assert main(["catalog", "show", "woo-hoodie-blue-m"]) == 0  # the shop's SKU
    assert "shop SKU woo-hoodie-blue-m" in capsys.readouterr().out
    with open_database(location) as store:
        hoodie = store.get_product("woo-hoodie")
        assert hoodie is not None and store.catalog_source() == str(export)
        cart = store.new_cart()
        from catalog.models import SelectedOption

        cart.add(hoodie, 1, [SelectedOption("color", "blue"), SelectedOption("size", "m")])
        number = store.place_order(cart, customer="kiosk", idempotency_key="cli-1").number
    assert main(["orders", "show", number]) == 0
    assert "Zip Hoodie" in capsys.readouterr().out
    assert main(["catalog", "import", str(Path(__file__).resolve().parent / "bad" / "utf16.csv")]) == 2
