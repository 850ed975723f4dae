"""Word lists, phrase tables and context rules the rules read around catalog mentions, kept as data.

``dialogue/data/words.toml`` holds the word lists (``[words]``: single tokens) and phrase tables
(``[phrases]``); ``dialogue/data/context.toml`` holds phrasings that mean something only in a state of the
conversation, in the manner of hassil's ``requires_context``: each rule names its phrases, the conditions that
must hold (``requires``), those that must not (``rejects``), optionally the questions it answers (``pending``,
values of :class:`dialogue.pending.PendingKind`), and what the turn then is (``intent``, ``ref``). Both files
are read and checked once, at import: entries in normal form, single tokens in word lists, no duplicates, known
conditions, intents and pending kinds. A malformed file is a :class:`PhraseDataError` at start, never a fault in
a conversation; a table nobody reads is caught by the tests (:func:`unread`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dialogue.datafiles import PhraseDataError, read_toml
from dialogue.intents import Intent, find
from dialogue.normalize import tokens
from dialogue.pending import PendingKind

DATA = Path(__file__).resolve().parent / "data"
Phrases = tuple[tuple[str, ...], ...]

# What a context rule may require or reject (all booleans, computed by the understanding for each turn).
CONDITIONS = {
    "listing": "several products were just listed and none picked since",
    "shown": "products were just listed or talked about",
    "topic_apart": "one product was talked about last and it is not in the cart",
    "has_lines": "the cart has lines",
    "items": "the turn names products",
    "options": "the turn names options attached to no product",
    "question": "the turn is a question",
    "deny": "the turn says no",
}
REFS = frozenset({"it", "next", "more", "other", "all"})


def _entries(where: str, name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(e, str) and e.strip() for e in value):
        raise PhraseDataError(f"{where}: {name} needs a non-empty list of phrases")
    seen: set[str] = set()
    for e in value:
        if e.split() != tokens(e):  # a phrase the tokenizer never produces would never match
            raise PhraseDataError(f"{where}: {name}: {e!r} is not in normal form ({' '.join(tokens(e))!r})")
        if e in seen:
            raise PhraseDataError(f"{where}: {name}: {e!r} twice")
        seen.add(e)
    return value


def load_words(raw: Mapping[str, Any], where: str) -> tuple[dict[str, frozenset[str]], dict[str, Phrases]]:
    """The word lists and phrase tables of a parsed ``words.toml``, checked."""
    unknown = set(raw) - {"words", "phrases"}
    if unknown:
        raise PhraseDataError(f"{where}: unknown tables {sorted(unknown)} (only [words] and [phrases])")
    word_lists: dict[str, frozenset[str]] = {}
    for name, value in (raw.get("words") or {}).items():
        entries = _entries(where, f"words.{name}", value)
        several = [e for e in entries if len(e.split()) != 1]
        if several:
            raise PhraseDataError(f"{where}: words.{name}: {several[0]!r} is not one word (put phrases in [phrases])")
        word_lists[name] = frozenset(entries)
    phrase_tables = {name: tuple(tuple(e.split()) for e in _entries(where, f"phrases.{name}", value))
                     for name, value in (raw.get("phrases") or {}).items()}
    both = set(word_lists) & set(phrase_tables)
    if both:
        raise PhraseDataError(f"{where}: {sorted(both)} in both [words] and [phrases]")
    return word_lists, phrase_tables


@dataclass(frozen=True)
class ContextRule:
    """A phrasing that means ``intent`` (with ``ref``) only when every condition of ``requires`` holds, none of
    ``rejects`` does, and (when ``pending`` is given) the assistant's open question is one of those."""

    name: str
    phrases: Phrases
    intent: Intent
    ref: str | None = None
    requires: frozenset[str] = frozenset()
    rejects: frozenset[str] = frozenset()
    pending: frozenset[str] = frozenset()

    def holds(self, toks: Sequence[str], facts: Mapping[str, bool], pending: str | None = None) -> bool:
        if any(not facts[c] for c in self.requires) or any(facts[c] for c in self.rejects):
            return False
        if self.pending and pending not in self.pending:
            return False
        return find(toks, self.phrases) >= 0


def load_rules(raw: Mapping[str, Any], where: str) -> dict[str, ContextRule]:
    """The rules of a parsed ``context.toml``, checked."""
    if set(raw) - {"rule"}:
        raise PhraseDataError(f"{where}: unknown tables {sorted(set(raw) - {'rule'})} (only [[rule]])")
    rules: dict[str, ContextRule] = {}
    for n, entry in enumerate(raw.get("rule") or [], 1):
        name = entry.get("name")
        at = f"{where}: rule {n} ({name or 'no name'})"
        if not isinstance(name, str) or not name or name in rules:
            raise PhraseDataError(f"{at}: needs a name of its own")
        unknown = set(entry) - {"name", "phrases", "intent", "ref", "requires", "rejects", "pending"}
        if unknown:
            raise PhraseDataError(f"{at}: unknown keys {sorted(unknown)}")
        try:
            intent = Intent(entry.get("intent"))
        except ValueError:
            raise PhraseDataError(f"{at}: intent {entry.get('intent')!r} is not one of {[i.value for i in Intent]}") from None
        ref = entry.get("ref")
        if ref is not None and ref not in REFS:
            raise PhraseDataError(f"{at}: ref {ref!r} is not one of {sorted(REFS)}")
        conds = {}
        for key in ("requires", "rejects"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(c, str) and c in CONDITIONS for c in value):
                raise PhraseDataError(f"{at}: {key} must list conditions among {sorted(CONDITIONS)}")
            conds[key] = frozenset(value)
        if conds["requires"] & conds["rejects"]:
            raise PhraseDataError(f"{at}: {sorted(conds['requires'] & conds['rejects'])} both required and rejected")
        pending = entry.get("pending", [])
        kinds = {k.value for k in PendingKind}
        if not isinstance(pending, list) or not all(isinstance(k, str) and k in kinds for k in pending):
            raise PhraseDataError(f"{at}: pending must list questions among {sorted(kinds)}")
        phrases = tuple(tuple(e.split()) for e in _entries(at, "phrases", entry.get("phrases")))
        rules[name] = ContextRule(name, phrases, intent, ref, conds["requires"], conds["rejects"], frozenset(pending))
    return rules


_WORDS, _PHRASES = load_words(read_toml(DATA / "words.toml"), "data/words.toml")
_RULES = load_rules(read_toml(DATA / "context.toml"), "data/context.toml")
_READ: set[str] = set()


def words(name: str) -> frozenset[str]:
    """One word list of ``words.toml``."""
    if name not in _WORDS:
        raise PhraseDataError(f"data/words.toml: no [words] list {name!r}")
    _READ.add(f"words.{name}")
    return _WORDS[name]


def phrases(name: str) -> Phrases:
    """One phrase table of ``words.toml``, as token tuples."""
    if name not in _PHRASES:
        raise PhraseDataError(f"data/words.toml: no [phrases] table {name!r}")
    _READ.add(f"phrases.{name}")
    return _PHRASES[name]


def rule(name: str) -> ContextRule:
    """One rule of ``context.toml``."""
    if name not in _RULES:
        raise PhraseDataError(f"data/context.toml: no rule {name!r}")
    _READ.add(f"rule.{name}")
    return _RULES[name]


def unread() -> list[str]:
    """Tables and rules no module has asked for (after the engine is imported): typos or leftovers."""
    every = {f"words.{n}" for n in _WORDS} | {f"phrases.{n}" for n in _PHRASES} | {f"rule.{n}" for n in _RULES}
    return sorted(every - _READ)
