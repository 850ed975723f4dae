"""Configuration: one TOML file plus ``VOICECART_*`` environment overrides, with sane defaults.

Lookup order for the file: ``--config PATH``, ``$VOICECART_CONFIG``, ``<config dir>/voicecart.toml``.
Environment variables override single settings: ``VOICECART_DATA_DIR``, ``VOICECART_DB``,
``VOICECART_CATALOG``, ``VOICECART_TAX_PERCENT``, ``VOICECART_WHISPER_MODEL``.

Everything is checked when it is loaded: an unknown table or key, or a value of the wrong kind, is a
:class:`ConfigError` naming the file (or variable) and the key, so a typo never passes silently.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import platformdirs


class ConfigError(Exception):
    """The configuration file or an override is not usable; the message says which setting."""


GENERAL_KEYS = ("data_dir", "database", "catalog", "currency", "tax_percent")
SHOP_KEYS = ("name", "hours", "address", "phone", "returns", "faq")
VOICE_KEYS = ("whisper_model", "whisper_beam_size", "whisper_cpu_threads", "whisper_max_concurrent",
              "whisper_encoder_pad_s", "whisper_initial_prompt", "asr_bias", "half_duplex", "tts", "tts_voice",
              "tts_wpm", "whisper_nbest", "whisper_nbest_weight", "whisper_nbest_amounts", "asr_second_pass",
              "piper_python", "piper_model")
ASR_BIAS = ("prompt", "hotwords", "both", "none")
TABLES = ("voicecart", "shop", "voice", "sip", "llm", "asr", "tts")


@dataclass
class Config:
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("voicecart")))
    db_path: Path | None = None  # default: <data_dir>/voicecart.sqlite3
    database_url: str | None = None  # postgresql://... when the store is PostgreSQL
    catalog: str = "cafe"  # bundled name (cafe, store) or a path
    catalog_set: bool = False  # named by the file or VOICECART_CATALOG (not the default)
    currency: str = "USD"
    tax_percent: str = "0"
    shop: dict[str, Any] = field(default_factory=dict)  # name, hours, address, returns, faq (win over the catalog's)
    voice: dict[str, Any] = field(default_factory=dict)  # whisper_model, vad settings, ...
    sip: dict[str, Any] = field(default_factory=dict)
    llm: dict[str, Any] = field(default_factory=dict)  # empty: no model, nothing leaves the machine
    asr: dict[str, Any] = field(default_factory=dict)  # backend = "local" (default) or "openai"
    tts: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None  # the file it came from, if any

    @property
    def database(self) -> Path:
        """The SQLite file (when the store is PostgreSQL: where a SQLite file would be; see ``store_location``)."""
        return self.db_path if self.db_path is not None else self.data_dir / "voicecart.sqlite3"

    @property
    def store_location(self) -> str:
        """What ``catalog.bundled.open_store`` opens: the PostgreSQL URL, else the SQLite file's path."""
        return self.database_url or str(self.database)

    @property
    def store_display(self) -> str:
        """``store_location`` with any password replaced by ``***``."""
        from urllib.parse import urlsplit, urlunsplit

        if not self.database_url:
            return str(self.database)
        parts = urlsplit(self.database_url)
        if parts.password is None:
            return self.database_url
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return urlunsplit(parts._replace(netloc=netloc))


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir("voicecart")) / "voicecart.toml"


def _vad_keys() -> set[str]:
    try:
        from voice.vad import EndpointConfig
    except Exception:  # pragma: no cover - the voice extras are missing; VAD keys are then not checked
        return set()
    return {f"vad_{name}" for name in EndpointConfig.__dataclass_fields__}


def _text(where: str, key: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ConfigError(f"{where}: {key} must be text, not {type(value).__name__}")
    return str(value)


def _check_tax(where: str, text: str) -> str:
    try:
        value = Decimal(text.strip().rstrip("%")) * 100
    except InvalidOperation:
        raise ConfigError(f"{where}: tax_percent {text!r} is not a percentage (write it like \"8.25\")") from None
    if not value.is_finite() or value != value.to_integral_value() or value < 0 or value > 10000:
        raise ConfigError(f"{where}: tax_percent {text!r} must be 0 to 100 with at most two decimals")
    return text.strip().rstrip("%")


def _check_currency(where: str, text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not (code.isascii() and code.isalpha()):
        raise ConfigError(f"{where}: currency {text!r} must be a three-letter code like USD")
    return code


def _set_database(cfg: Config, where: str, text: str) -> None:
    text = text.strip()
    if not text:
        raise ConfigError(f"{where}: database must not be empty")
    if text.startswith(("postgresql://", "postgres://")):
        cfg.database_url, cfg.db_path = text, None
    elif "://" in text:
        raise ConfigError(f"{where}: database {text!r}: only a file path or a postgresql:// URL is supported")
    else:
        cfg.database_url, cfg.db_path = None, Path(text).expanduser()


def _check_voice(where: str, table: dict[str, Any]) -> None:
    vad = _vad_keys()
    known = set(VOICE_KEYS) | vad
    for key in table:
        if key not in known and not (key.startswith("vad_") and not vad):
            raise ConfigError(f"{where}: unknown key [voice] {key} (known: {', '.join(sorted(known))})")
    bias = table.get("asr_bias")
    if bias is not None and bias not in ASR_BIAS:
        raise ConfigError(f"{where}: [voice] asr_bias must be one of {', '.join(ASR_BIAS)}, not {bias!r}")
    for flag in ("half_duplex", "asr_second_pass"):
        if flag in table and not isinstance(table[flag], bool):
            raise ConfigError(f"{where}: [voice] {flag} must be true or false")
    if vad and any(key in vad for key in table):
        from voice.vad import EndpointConfig

        try:  # a bad endpointer setting (vad_engine = "silro", a threshold out of range) fails here, not mid-call
            EndpointConfig.from_settings(table)
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{where}: [voice] vad_*: {exc}") from None
    for key in ("whisper_beam_size", "whisper_cpu_threads", "whisper_max_concurrent", "tts_wpm"):
        value = table.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ConfigError(f"{where}: [voice] {key} must be a whole number of at least 1, not {value!r}")


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
        except OSError as exc:
            raise ConfigError(f"{file}: cannot read it: {exc.strerror or exc}") from exc
    elif explicit:
        raise ConfigError(f"configuration file {file} does not exist")
    cfg = Config(source=file if file.exists() else None)
    where = str(file)
    for table in raw:
        if table not in TABLES:
            raise ConfigError(f"{where}: unknown table [{table}] (known: {', '.join(f'[{t}]' for t in TABLES)})")
        if not isinstance(raw[table], dict):
            raise ConfigError(f"{where}: [{table}] must be a table")
    general = raw.get("voicecart", {})
    for key in general:
        if key not in GENERAL_KEYS:
            raise ConfigError(f"{where}: unknown key [voicecart] {key} (known: {', '.join(GENERAL_KEYS)})")
    if "data_dir" in general:
        cfg.data_dir = Path(_text(where, "data_dir", general["data_dir"])).expanduser()
    if "database" in general:
        _set_database(cfg, where, _text(where, "database", general["database"]))
    if "catalog" in general:
        cfg.catalog, cfg.catalog_set = _text(where, "catalog", general["catalog"]).strip(), True
    if "currency" in general:
        cfg.currency = _check_currency(where, _text(where, "currency", general["currency"]))
    if "tax_percent" in general:
        cfg.tax_percent = _check_tax(where, _text(where, "tax_percent", general["tax_percent"]))
    shop = raw.get("shop", {})
    for key, value in shop.items():
        if key not in SHOP_KEYS:
            raise ConfigError(f"{where}: unknown key [shop] {key} (known: {', '.join(SHOP_KEYS)})")
        if key != "faq":
            _text(where, f"[shop] {key}", value)
        elif not isinstance(value, dict | list):
            raise ConfigError(f"{where}: [shop] faq must be a table of questions and answers or a list of {{q, a}}")
    _check_voice(where, raw.get("voice", {}))
    from voice.backend_config import check_backends

    if problem := check_backends(raw):
        raise ConfigError(f"{where}: {problem}")
    for section in ("shop", "voice", "sip", "llm", "asr", "tts"):
        setattr(cfg, section, dict(raw.get(section, {})))
    if env.get("VOICECART_DATA_DIR"):
        cfg.data_dir = Path(env["VOICECART_DATA_DIR"]).expanduser()
    if env.get("VOICECART_DB"):
        _set_database(cfg, "VOICECART_DB", env["VOICECART_DB"])
    if env.get("VOICECART_CATALOG"):
        cfg.catalog, cfg.catalog_set = env["VOICECART_CATALOG"].strip(), True
    if env.get("VOICECART_TAX_PERCENT"):
        cfg.tax_percent = _check_tax("VOICECART_TAX_PERCENT", env["VOICECART_TAX_PERCENT"])
    if env.get("VOICECART_WHISPER_MODEL"):
        cfg.voice["whisper_model"] = env["VOICECART_WHISPER_MODEL"]
    if not cfg.catalog:
        raise ConfigError(f"{where}: catalog must not be empty")
    return cfg
