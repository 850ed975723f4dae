"""Checks for the optional backend tables: ``[llm]`` (an OpenAI-compatible chat model for the turns the rules
cannot read), ``[asr]`` and ``[tts]`` (``backend = "local"`` or ``"openai"``: an OpenAI-compatible speech
server). :func:`check_backends` is called by :func:`voice.config.load_config`; every problem is a message
naming the table and key. Nothing here imports ``openai`` or touches the network.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

LLM_KEYS = ("base_url", "model", "api_key_env", "timeout_s", "mode", "stream", "questions", "max_tokens")
ASR_KEYS = ("backend", "base_url", "model", "api_key_env", "timeout_s", "fallback", "response_format", "language",
            "retry_after_s")
TTS_KEYS = ("backend", "base_url", "model", "voice", "api_key_env", "timeout_s", "fallback", "retry_after_s")
BACKENDS = ("local", "openai")
FALLBACKS = ("local", "none")


def _url(table: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"[{table}] base_url must be an http(s) URL like \"http://127.0.0.1:8080/v1\""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"[{table}] base_url {value!r} must be an http(s) URL like \"http://127.0.0.1:8080/v1\""
    return None


def _number(table: str, key: str, value: Any, low: float, high: float) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= float(value) <= high:
        return f"[{table}] {key} must be a number from {low:g} to {high:g}, not {value!r}"
    return None


def _text(table: str, key: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"[{table}] {key} must be non-empty text, not {value!r}"
    return None


def _env_name(table: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value or not all(c.isalnum() or c == "_" for c in value):
        return f"[{table}] api_key_env must name an environment variable (like OPENAI_API_KEY), not {value!r}"
    return None


def check_llm(table: dict[str, Any]) -> str | None:
    for key in table:
        if key not in LLM_KEYS:
            return f"unknown key [llm] {key} (known: {', '.join(LLM_KEYS)})"
    for key in ("base_url", "model"):
        if key not in table:
            return f"[llm] needs {key} (or remove the [llm] table to keep understanding fully offline)"
    problem = _url("llm", table["base_url"]) or _text("llm", "model", table["model"])
    if problem:
        return problem
    if "api_key_env" in table and (problem := _env_name("llm", table["api_key_env"])):
        return problem
    if "timeout_s" in table and (problem := _number("llm", "timeout_s", table["timeout_s"], 0.05, 60)):
        return problem
    if table.get("mode", "tools") not in ("tools", "json", "json_object"):
        return f"[llm] mode must be tools, json or json_object, not {table['mode']!r}"
    for key in ("stream", "questions"):
        if key in table and not isinstance(table[key], bool):
            return f"[llm] {key} must be true or false"
    mt = table.get("max_tokens", 256)
    if isinstance(mt, bool) or not isinstance(mt, int) or not 16 <= mt <= 4096:
        return f"[llm] max_tokens must be a whole number from 16 to 4096, not {mt!r}"
    return None


def check_speech(name: str, table: dict[str, Any]) -> str | None:
    known = ASR_KEYS if name == "asr" else TTS_KEYS
    for key in table:
        if key not in known:
            return f"unknown key [{name}] {key} (known: {', '.join(known)})"
    backend = table.get("backend", "local")
    if backend not in BACKENDS:
        return f"[{name}] backend must be one of {', '.join(BACKENDS)}, not {backend!r}"
    if backend == "local":
        extra = sorted(set(table) - {"backend"})
        return f"[{name}] {extra[0]} is only used with backend = \"openai\"" if extra else None
    for key in ("base_url", "model"):
        if key not in table:
            return f"[{name}] backend = \"openai\" needs {key}"
    problem = _url(name, table["base_url"]) or _text(name, "model", table["model"])
    if problem:
        return problem
    if "api_key_env" in table and (problem := _env_name(name, table["api_key_env"])):
        return problem
    if "timeout_s" in table and (problem := _number(name, "timeout_s", table["timeout_s"], 0.05, 120)):
        return problem
    if "retry_after_s" in table and (problem := _number(name, "retry_after_s", table["retry_after_s"], 0, 3600)):
        return problem
    if table.get("fallback", "local") not in FALLBACKS:
        return f"[{name}] fallback must be local or none, not {table['fallback']!r}"
    if name == "asr" and table.get("response_format", "verbose_json") not in ("verbose_json", "json"):
        return f"[asr] response_format must be verbose_json or json, not {table['response_format']!r}"
    for key in ("voice", "language"):
        if key in table and (problem := _text(name, key, table[key])):
            return problem
    return None


def check_backends(raw: dict[str, Any]) -> str | None:
    """The first problem with ``[llm]``, ``[asr]`` or ``[tts]`` in a parsed TOML document, or None."""
    if "llm" in raw and (problem := check_llm(raw["llm"])):
        return problem
    for name in ("asr", "tts"):
        if name in raw and (problem := check_speech(name, raw[name])):
            return problem
    return None
