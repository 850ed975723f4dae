"""Sounds-like repair of a transcript that names no product: a product whose spelling and sound part ways
(a French "croissant" said "kwa-sa", heard "quaso" or "glass off") is found by comparing sounds, not letters.

``SoundsLike(names)`` turns each product name into phonemes with espeak-ng (``espeak-ng -q -x --ipa``, the
speech engine the project already needs), once. ``repair(text)`` phonemizes the transcript's words (one
espeak-ng call), compares every span of one to three words (spans made only of common function words are
skipped: ``voice/data/function_words.txt``) with every name by a weighted phoneme edit distance (similar
sounds cost less: voiced/voiceless pairs, vowels for vowels), and returns the transcript with the closest span
replaced by the name when the distance per phoneme is at most ``threshold``. The dialogue then reads the order
back, so a wrong guess is heard and corrected before anything is placed.

``respell(text, placed)`` is the same comparison for a turn that *did* name something: only spans holding a
word the catalog and the dialogue do not place (``placed(word)`` False: "a smoke with sugar", "half coffee")
are compared, with every catalog phrase it was built with (products and option values), and each such span
whose closest phrase is within ``threshold`` is replaced (closest first, spans never overlapping). A word of
the span that *is* placed must survive in the phrase ("dice coffee" may become "iced coffee", never "latte"),
and everything outside the replaced spans (digits, punctuation) is kept as written.

Bounded: at most ``max_names`` names (a catalog beyond that is not indexed: ``available`` is False), at most
``max_words`` words of a transcript. Without espeak-ng it is off (``available`` False), never an error.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z']+")
_TOKEN = re.compile(r"[a-z0-9']+")
_MARKS = re.compile("[ˈˌːˑ̩̯̃̆‿'ʰ.\\-]")
_UNITS = ("tʃ", "dʒ", "eɪ", "aɪ", "ɔɪ", "aʊ", "əʊ", "oʊ", "ɪə", "eə", "ʊə")
_VOWELS = frozenset("aeiouɑɐɒɔəɛɜɪʊʌæɚɝy") | frozenset(u for u in _UNITS if u[0] in "aeoɔəɪʊ")
# consonants that sound alike (place or manner shared, or voicing only differs)
_KIN = ({"p", "b"}, {"t", "d", "ɾ", "ʔ"}, {"k", "ɡ", "g"}, {"f", "v"}, {"θ", "ð", "f"}, {"s", "z"}, {"ʃ", "ʒ"},
        {"tʃ", "dʒ", "ʃ"}, {"m", "n", "ŋ"}, {"l", "ɹ", "r", "w", "ɫ"}, {"j", "i"}, {"w", "u"})


@dataclass(frozen=True)
class Costs:
    """Weights of the phoneme edit distance (one table: see the module docstring)."""

    vowel_for_vowel: float = 0.4
    kin_consonant: float = 0.4
    other: float = 1.0
    drop_vowel: float = 0.5
    drop_consonant: float = 0.7


def phonemes(ipa: str) -> tuple[str, ...]:
    """An espeak-ng IPA string as phoneme units, without stress, length or nasal marks."""
    s = _MARKS.sub("", ipa.replace(" ", ""))
    out: list[str] = []
    i = 0
    while i < len(s):
        pair = s[i : i + 2]
        if pair in _UNITS:
            out.append(pair)
            i += 2
        else:
            out.append(s[i])
            i += 1
    return tuple(out)


@cache
def _sub(a: str, b: str, costs: Costs) -> float:
    if a == b:
        return 0.0
    va, vb = a in _VOWELS, b in _VOWELS
    if va and vb:
        return costs.vowel_for_vowel
    if not va and not vb and any(a in k and b in k for k in _KIN):
        return costs.kin_consonant
    return costs.other


def distance(a: Sequence[str], b: Sequence[str], costs: Costs = Costs()) -> float:
    """Weighted edit distance between two phoneme sequences, divided by the longer length (0 = the same)."""
    if not a or not b:
        return 1.0

    def drop(p: str) -> float:
        return costs.drop_vowel if p in _VOWELS else costs.drop_consonant

    prev = [0.0]
    for y in b:
        prev.append(prev[-1] + drop(y))
    for x in a:
        cur = [prev[0] + drop(x)]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + drop(x), cur[j - 1] + drop(y), prev[j - 1] + _sub(x, y, costs)))
        prev = cur
    return prev[-1] / max(len(a), len(b))


def _function_words() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "function_words.txt"
    words = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


class SoundsLike:
    """Sounds-like lookup of product names (see the module docstring)."""

    def __init__(self, names: Iterable[str], *, threshold: float = 0.3, max_names: int = 2000, max_words: int = 40,
                 voice: str = "en-us", costs: Costs = Costs()):
        self.threshold = threshold
        self.max_words = max_words
        self.min_overlap = 0.7
        self.voice = voice
        self.costs = costs
        self._function = _function_words()
        self._names: list[tuple[str, tuple[str, ...], int]] = []
        self._words: frozenset[str] = frozenset()
        unique = list(dict.fromkeys(" ".join(_WORD.findall(str(n).lower())) for n in names))
        unique = [n for n in unique if n]
        self.available = shutil.which("espeak-ng") is not None and 0 < len(unique) <= max_names
        if not self.available:
            return
        ipa = self._ipa(unique)
        if ipa is None:
            self.available = False
            return
        self._words = frozenset(w for n in unique for w in n.split())
        for name, sound in zip(unique, ipa, strict=True):
            ph = phonemes(sound)
            if len(ph) >= 3:  # very short names match too much
                self._names.append((name, ph, len(name.split())))

    def _ipa(self, lines: Sequence[str]) -> list[str] | None:
        """One espeak-ng call; one line of IPA per input line (None if espeak-ng fails or miscounts)."""
        try:
            out = subprocess.run(["espeak-ng", "-q", "-x", "--ipa", "-v", self.voice], input="\n".join(lines) + "\n",
                                 capture_output=True, text=True, timeout=30, check=True).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("espeak-ng phonemes unavailable: %s", exc)
            return None
        got = [line.strip() for line in out.splitlines() if line.strip()]
        return got if len(got) == len(lines) else None

    def best(self, text: str, keep: Callable[[str], bool] | None = None) -> tuple[str, int, int, float] | None:
        """(name, first word, end word, distance) of the closest span of ``text`` within the threshold; a span
        made only of function words and words ``keep`` says stay ("brew a": a catalog word) is not compared."""
        if not self.available or not self._names:
            return None
        words = _WORD.findall(text.lower())[: self.max_words]
        if not words:
            return None
        sounds = self._ipa(words)
        if sounds is None:
            return None
        ph = [phonemes(s) for s in sounds]
        found: tuple[str, int, int, float] | None = None
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 3) + 1):
                if all(w in self._function or (keep is not None and keep(w)) for w in words[i:j]):
                    continue
                span = tuple(p for k in range(i, j) for p in ph[k])
                for name, nph, _n in self._names:
                    if min(len(span), len(nph)) < self.min_overlap * max(len(span), len(nph)):
                        continue  # "off" is not "coffee": the lengths must be alike
                    d = distance(span, nph, self.costs)
                    if d <= self.threshold and (found is None or d < found[3]):
                        found = (name, i, j, d)
        return found

    def repair(self, text: str, keep: Callable[[str], bool] | None = None) -> str | None:
        """``text`` with its closest-sounding span replaced by the product name, or None."""
        hit = self.best(text, keep)
        if hit is None:
            return None
        name, i, j, _d = hit
        words = _WORD.findall(text.lower())
        return " ".join([*words[:i], name, *words[j:]])

    def respell(self, text: str, placed: Callable[[str], bool], *, max_unplaced: int = 6,
                may_use: Callable[[str, Sequence[str]], bool] | None = None,
                looser: Callable[[Sequence[str], int, str], float | None] | None = None) -> tuple[str, list[Respelling]]:
        """``text`` with each span holding an unplaced word replaced by the catalog phrase it sounds like (see the
        module docstring), and what was replaced; ``text`` unchanged and ``[]`` when nothing was. ``may_use(name,
        kept)`` may refuse a phrase for a span whose placed words are ``kept``; ``looser(words, start, name)`` may
        give a higher threshold for ``name`` at a span starting at word ``start`` (the context predicts it)."""
        if not self.available or not self._names:
            return text, []
        low = text.lower()
        if len(low) != len(text):
            text = low  # offsets must match the text they cut
        tokens = list(_TOKEN.finditer(low))[: self.max_words]
        words = [m.group(0) for m in tokens]
        loose = [i for i, w in enumerate(words)
                 if w.isalpha() and w not in self._function and w not in self._words and not placed(w)]
        if not loose or len(loose) > max_unplaced:
            return text, []
        sounds = self._ipa(words)
        if sounds is None:
            return text, []
        ph = [phonemes(s) for s in sounds]
        found: list[Respelling] = []
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 3) + 1):
                if not any(i <= k < j for k in loose) or any(not w.isalpha() for w in words[i:j]):
                    continue
                if words[i] in self._function and i not in loose:
                    continue  # a span starts and ends on a content word ("a smoke" is "smoke")
                span = tuple(p for k in range(i, j) for p in ph[k])
                if len(span) < 4:
                    continue  # three sounds ("sell", "light") are too little to tell a phrase by (either side)
                kept = [w for k, w in enumerate(words[i:j], i) if k not in loose and w not in self._function]
                for name, nph, _n in self._names:
                    if len(nph) < 4 or min(len(span), len(nph)) < self.min_overlap * max(len(span), len(nph)):
                        continue
                    parts = name.split()
                    if not all(any(p.startswith(w) or w.startswith(p) for p in parts) for w in kept):
                        continue  # a word the dialogue placed stays in the phrase
                    if len(parts) <= len(kept) or tuple(parts) == tuple(words[i:j]):
                        continue  # the unknown word must become words of the phrase, not be dropped from it
                    if may_use is not None and not may_use(name, kept):
                        continue
                    d = distance(span, nph, self.costs)
                    limit = self.threshold
                    if d > limit and looser is not None:
                        limit = max(limit, looser(words, i, name) or 0.0)
                    if d <= limit:
                        found.append(Respelling(i, j, " ".join(words[i:j]), name, d))
        chosen: list[Respelling] = []
        # closest first; a tie in sound goes to the phrase spelled most like what was written ("dice coffee":
        # "iced coffee" before "house coffee")
        for r in sorted(found, key=lambda r: (round(r.distance, 6), -SequenceMatcher(None, r.heard, r.name).ratio(),
                                              -(r.end - r.start))):
            if all(r.end <= c.start or r.start >= c.end for c in chosen):
                chosen.append(r)
        if not chosen:
            return text, []
        out = text
        for r in sorted(chosen, key=lambda r: -r.start):
            out = out[: tokens[r.start].start()] + r.name + out[tokens[r.end - 1].end():]
        return out, sorted(chosen, key=lambda r: r.start)


@dataclass(frozen=True)
class Respelling:
    """One replaced span: words ``start``..``end`` of the transcript (``heard``) became ``name``."""

    start: int
    end: int
    heard: str
    name: str
    distance: float
