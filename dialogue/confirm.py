"""The answer to "Shall I place the order?" as its own strict decision (a confirmation slot).

Only a reply that is nothing but a yes confirms: every word of it is an affirmation phrase or a filler
word, and there is no question mark. Anything that negates, hedges, asks, cancels, changes or adds —
anywhere in the reply — makes it something else, and the policy acts on it as what it is or asks again.
The phrasings are data (``dialogue/data/confirm.toml``), validated when loaded.

    >>> decide("yes please").places
    True
    >>> decide("yeah no").verdict
    <Verdict.UNCLEAR: 'unclear'>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dialogue.datafiles import PhraseDataError, read_toml
from dialogue.normalize import MAX_CHARS, tokens

DATA = Path(__file__).resolve().parent / "data" / "confirm.toml"


class Verdict(enum.StrEnum):
    AFFIRM = "affirm"  # says yes (and maybe more: see ``Confirmation.also``)
    DENY = "deny"  # says no or cancels, and no yes
    UNCLEAR = "unclear"  # neither, or both ("yeah no"), or a hedge or a question about the order


class Also(enum.StrEnum):
    """What else a reply does besides yes or no."""

    ASKS = "asks"  # a question ("yes?", "is that with tax")
    HEDGES = "hedges"  # "wait", "hang on", "maybe"
    CANCELS = "cancels"  # "cancel", "forget it", "too expensive"
    NEGATES = "negates"  # "not", "but", "except", "instead", "add", "more"
    MORE = "more"  # words of no table: a product, an option, a count — the turn says something else too


_TABLES = ("affirm", "deny", "cancel", "hedge", "pause", "ask", "negate", "acknowledge", "filler")
_FLAG = {"cancel": Also.CANCELS, "hedge": Also.HEDGES, "ask": Also.ASKS, "negate": Also.NEGATES}


@dataclass(frozen=True)
class Confirmation:
    """The reading of one reply to a read-back.

    ``places`` is the only thing that may place an order: a yes with nothing else in it.
    """

    verdict: Verdict
    also: frozenset[Also] = frozenset()

    @property
    def places(self) -> bool:
        return self.verdict == Verdict.AFFIRM and not self.also

    @property
    def plain_no(self) -> bool:
        """A no (or a cancel) and nothing more to act on."""
        return self.verdict == Verdict.DENY and Also.MORE not in self.also


@dataclass(frozen=True)
class Phrases:
    """Phrase tables by name; each phrase a tuple of normalised tokens."""

    tables: Mapping[str, frozenset[tuple[str, ...]]]
    longest: int
    unfinished: frozenset[str] = frozenset()  # a reply ending on one of these broke off ("yes and")

    @classmethod
    def load(cls, path: Path = DATA) -> Phrases:
        raw = read_toml(path)
        tables: dict[str, frozenset[tuple[str, ...]]] = {}
        seen: dict[tuple[str, ...], str] = {}
        for name in _TABLES:
            section = raw.get(name)
            key = "words" if name == "filler" else "phrases"
            if not isinstance(section, dict) or not isinstance(section.get(key), list):
                raise PhraseDataError(f"{path}: [{name}] needs a list '{key}'")
            entries: set[tuple[str, ...]] = set()
            for phrase in section[key]:
                if not isinstance(phrase, str) or not phrase.strip():
                    raise PhraseDataError(f"{path}: [{name}] has an empty or non-text entry {phrase!r}")
                toks = tuple(tokens(phrase))
                if " ".join(toks) != phrase.strip():
                    raise PhraseDataError(f"{path}: [{name}] {phrase!r} is not in normal form (write {' '.join(toks)!r})")
                if name == "filler" and len(toks) != 1:
                    raise PhraseDataError(f"{path}: [filler] takes single words, not {phrase!r}")
                if toks in seen:
                    where = f"twice in [{name}]" if seen[toks] == name else f"in both [{seen[toks]}] and [{name}]"
                    raise PhraseDataError(f"{path}: {phrase!r} is {where}")
                seen[toks] = name
                entries.add(toks)
            tables[name] = frozenset(entries)
        unknown = set(raw) - set(_TABLES) - {"unfinished"}
        if unknown:
            raise PhraseDataError(f"{path}: unknown tables {sorted(unknown)}")
        ends = raw.get("unfinished", {"words": []})
        if not isinstance(ends, dict) or not isinstance(ends.get("words"), list) \
                or not all(isinstance(w, str) and w and tokens(w) == [w] for w in ends["words"]):
            raise PhraseDataError(f"{path}: [unfinished] needs a list 'words' of single normalised words")
        return cls(tables, max(len(p) for p in seen), frozenset(ends["words"]))

    def cover(self, toks: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
        """The reply as (table, phrase) pieces: the reading with the fewest words of no table, then the
        fewest pieces (longer phrases win: "i do not" over "i do" + "not"). Words of no table come as
        ("", (word,))."""
        n = len(toks)
        # best[i] = (unknown words, pieces, piece) for the cheapest cover of toks[i:]
        best: list[tuple[int, int, tuple[str, tuple[str, ...]] | None]] = [(0, 0, None)] * (n + 1)
        for i in range(n - 1, -1, -1):
            unknown, count, _ = best[i + 1]
            choice: tuple[int, int, tuple[str, tuple[str, ...]] | None] = (unknown + 1, count + 1, ("", (toks[i],)))
            for size in range(1, min(self.longest, n - i) + 1):
                piece = tuple(toks[i:i + size])
                table = next((t for t in _TABLES if piece in self.tables[t]), None)
                if table is not None:
                    u, c, _ = best[i + size]
                    if (u, c + 1) <= choice[:2]:  # a tie goes to the longer phrase
                        choice = (u, c + 1, (table, piece))
            best[i] = choice
        out: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < n:
            step = best[i][2]
            assert step is not None
            out.append(step)
            i += len(step[1])
        return out


@cache
def phrases() -> Phrases:
    return Phrases.load()


# A contracted verb never ends a sentence ("yes I am" may, "yes I'm" may not): a reply ending on one broke off.
_CUT_OFF = re.compile(r"(?:\bi['’]m|\b\w+['’](?:re|ve|ll|d)|\b(?:it|that|there|here|what|he|she|who|let)['’]s)\W*$",
                      re.IGNORECASE)


def decide(text: str, toks: Sequence[str] | None = None) -> Confirmation:
    """Read a reply to "Shall I place the order?" (``toks``: its normalised tokens, if already made)."""
    if len(text) > MAX_CHARS:  # only the start would be read: a yes there says nothing of the rest
        return Confirmation(Verdict.UNCLEAR, frozenset({Also.MORE}))
    words = _undoubled(list(toks) if toks is not None else tokens(text))
    book = phrases()
    cover = book.cover(words)
    pieces = [table for table, _ in cover]
    last_yes = max((i for i, t in enumerate(pieces) if t == "affirm"), default=-1)
    # a pause followed by a yes is the shopper looking at the order ("ok, let me see... yes, correct");
    # one the reply ends on, with no yes after it, is a hedge ("yes... let me check")
    found = {("filler" if i < last_yes else "hedge") if t == "pause" else t for i, t in enumerate(pieces)}
    found = {"filler" if t == "acknowledge" else t for t in found}  # "got it", "oh okay": heard, not a yes
    also = {_FLAG[t] for t in found if t in _FLAG}
    said = [phrase for table, phrase in cover if table != "pause"]
    if (said and len(said[-1]) == 1 and said[-1][0] in book.unfinished or _CUT_OFF.search(text)) \
            and Also.ASKS not in also and "?" not in text:
        also.add(Also.HEDGES)  # "yes and", "ok the and um", "yes i'm": it breaks off before it is done
    if "" in found:
        also.add(Also.MORE)
    if "?" in text:
        also.add(Also.ASKS)
    yes, no = "affirm" in found, "deny" in found
    if "cancel" in found or no and not yes:  # "ok cancel", "okay forget it": a cancel outweighs an "ok"
        return Confirmation(Verdict.DENY, frozenset(also))
    if yes and no:  # "yeah no", "yes I mean no"
        return Confirmation(Verdict.UNCLEAR, frozenset(also))
    if yes and not also & {Also.HEDGES, Also.ASKS}:
        return Confirmation(Verdict.AFFIRM, frozenset(also))
    return Confirmation(Verdict.UNCLEAR, frozenset(also))


def _undoubled(words: list[str]) -> list[str]:
    """The reply without a stutter: a run of one to three words said twice in a row is read once ("yeah that's
    that's it", "the the order"), so a repeated word never splits a phrase into other ones."""
    out: list[str] = []
    for w in words:
        out.append(w)
        for n in (1, 2, 3):
            if len(out) >= 2 * n and out[-n:] == out[-2 * n:-n]:
                del out[-n:]
                break
    return out
