"""Configuration: one TOML file plus ``VOICECART_*`` environment overrides, with sane defaults.

Lookup order for the file: ``--config PATH``, ``$VOICECART_CONFIG``, ``<config dir>/voicecart.toml``.
Environment variables override single settings: ``VOICECART_DATA_DIR``, ``VOICECART_DB``,
``VOICECART_CATALOG``, ``VOICECART_TAX_PERCENT``, ``VOICECART_WHISPER_MODEL``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs


class ConfigError(Exception):
    """The configuration file or an override is not usable; the message says which setting."""


@dataclass
class Config:
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("voicecart")))
    db_path: Path | None = None  # default: <data_dir>/voicecart.sqlite3
    catalog: str = "cafe"  # bundled name (cafe, store) or a path
    currency: str = "USD"
    tax_percent: str = "0"
    shop: dict[str, Any] = field(default_factory=dict)  # name, hours, address, returns, faq
    voice: dict[str, Any] = field(default_factory=dict)  # whisper_model, vad settings, ...
    sip: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None  # the file it came from, if any

    @property
    def database(self) -> Path:
        return self.db_path if self.db_path is not None else self.data_dir / "voicecart.sqlite3"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir("voicecart")) / "voicecart.toml"


def load_config(path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Config:
    env = dict(os.environ) if env is None else env
    explicit = path or env.get("VOICECART_CONFIG")
    file = Path(explicit) if explicit else default_config_path()
    raw: dict[str, Any] = {}
    if file.exists():
        try:
            raw = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    elif explicit:
        raise ConfigError(f"configuration file {file} does not exist")
    cfg = Config(source=file if file.exists() else None)
    general = raw.get("voicecart", {})
    if "data_dir" in general:
        cfg.data_dir = Path(str(general["data_dir"])).expanduser()
    if "database" in general:
        cfg.db_path = Path(str(general["database"])).expanduser()
    cfg.catalog = str(general.get("catalog", cfg.catalog))
    cfg.currency = str(general.get("currency", cfg.currency)).upper()
    cfg.tax_percent = str(general.get("tax_percent", cfg.tax_percent))
    for section in ("shop", "voice", "sip"):
        value = raw.get(section, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{file}: [{section}] must be a table")
        setattr(cfg, section, dict(value))
    if env.get("VOICECART_DATA_DIR"):
        cfg.data_dir = Path(env["VOICECART_DATA_DIR"]).expanduser()
    if env.get("VOICECART_DB"):
        cfg.db_path = Path(env["VOICECART_DB"]).expanduser()
    if env.get("VOICECART_CATALOG"):
        cfg.catalog = env["VOICECART_CATALOG"]
    if env.get("VOICECART_TAX_PERCENT"):
        cfg.tax_percent = env["VOICECART_TAX_PERCENT"]
    if env.get("VOICECART_WHISPER_MODEL"):
        cfg.voice["whisper_model"] = env["VOICECART_WHISPER_MODEL"]
    return cfg
