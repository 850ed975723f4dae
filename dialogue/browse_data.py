"""The phrasings of questions about what the shop has (``dialogue/data/browse.toml``), loaded and validated.

Kept apart from :mod:`dialogue.browse` (which answers them) so that the understanding can ask whether a turn
is such a question without importing the answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dialogue import intents as cue
from dialogue.datafiles import PhraseDataError, read_toml
from dialogue.normalize import tokens

DATA = Path(__file__).resolve().parent / "data" / "browse.toml"
KINDS = ("menu", "popular", "cheapest", "priciest", "stock_count")


class BrowseDataError(PhraseDataError):
    """The browse phrase file is malformed (raised at start, never in a conversation)."""


@dataclass(frozen=True)
class BrowsePhrases:
    kinds: dict[str, tuple[tuple[str, ...], ...]]
    featured_tags: frozenset[str]

    @classmethod
    def load(cls, path: Path = DATA) -> BrowsePhrases:
        raw = read_toml(path)
        kinds: dict[str, tuple[tuple[str, ...], ...]] = {}
        for kind in KINDS:
            entries = raw.get(kind, {}).get("phrases")
            if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
                raise BrowseDataError(f"{path}: [{kind}] needs a list of phrases")
            kinds[kind] = tuple(sorted({tuple(tokens(e)) for e in entries}, key=len, reverse=True))
        tags = raw.get("featured_tags", {}).get("tags", [])
        if not isinstance(tags, list):
            raise BrowseDataError(f"{path}: [featured_tags] needs a list 'tags'")
        unknown = set(raw) - set(KINDS) - {"featured_tags"}
        if unknown:
            raise BrowseDataError(f"{path}: unknown tables {sorted(unknown)}")
        return cls(kinds, frozenset(" ".join(tokens(t)) for t in tags))

    def asks(self, kind: str, toks: Sequence[str]) -> bool:
        return cue.has(toks, self.kinds[kind])


@cache
def phrases() -> BrowsePhrases:
    return BrowsePhrases.load()


def superlative(toks: Sequence[str]) -> bool:
    """"the cheapest pastry", "what's most expensive": a question about prices, never an order by itself."""
    return phrases().asks("cheapest", toks) or phrases().asks("priciest", toks)
