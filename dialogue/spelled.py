"""A word spelled out in a product sold one letter at a time: "letter balloons j a c k", "letter balloons to
spell out sam", "for the name ava" (two A's and a V).

Everything comes from the catalog: a product with a one-choice group whose every value is named by a single
letter (a foil letter balloon's "letter", a block's "letter") takes a run of single letters said after it, or a
word said after a cue of spelling ("spell out", "for the name"), as one line per letter, each counted as often
as the letter comes, with the item's other choices on every line ("the big ones in blue").
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import OptionGroup, Product
from dialogue.lexicon import Lexicon, Target
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec, OptionSpec

_SPELL_CUES = phrases("spell_cues")
_SPELL_JOINS = words("spell_joins")
_LONGEST_WORD = 15
_FEWEST_LETTERS = 10  # a group of a few letters is sizes or grades ("S", "M", "L"; cup "A" to "D"), not an alphabet


def _letter_group(product: Product) -> tuple[OptionGroup, dict[str, str]] | None:
    """The product's one-choice group whose values are all single letters (an alphabet, of ten letters or more),
    and its letters to value codes."""
    for group in product.option_groups:
        if group.multiple or len(group.values) < _FEWEST_LETTERS:
            continue
        names = {v.name.strip().lower(): v.code for v in group.values}
        if all(len(n) == 1 and n.isalpha() for n in names):
            return group, names
    return None


def _letter_run(toks: Sequence[str], start: int, end: int, letters: dict[str, str]) -> list[int]:
    """Where a run of two or more single letters said from ``start`` stands ("j a c k", "a b and c")."""
    at: list[int] = []
    k = start
    while k < end:
        if len(toks[k]) == 1 and toks[k] in letters:
            at.append(k)
        elif not (at and toks[k] in _SPELL_JOINS and k + 1 < end and len(toks[k + 1]) == 1):
            break
        k += 1
    return at if len(at) >= 2 else []


def _spelled_word(lex: Lexicon, toks: Sequence[str], start: int, end: int, letters: dict[str, str]
                  ) -> tuple[int, str] | None:
    """(where, word) of a word said right after a cue of spelling in ``[start, end)`` ("to spell out sam", "for the
    name ava"): letters only, every one of them a value, and no word the shop's catalog knows."""
    for k in range(start, end):
        for cue in sorted(_SPELL_CUES, key=len, reverse=True):
            w = k + len(cue)
            if tuple(toks[k:w]) != cue or w >= end:
                continue
            word = toks[w]
            if 1 < len(word) <= _LONGEST_WORD and word.isalpha() and all(c in letters for c in word) \
                    and (word,) not in lex.phrases:
                return w, word
    return None


def spelled_out(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """Each item of a product sold by the letter with a word spelled after it, as one line per letter said; the
    items as they were otherwise (and when the count said is not one per letter)."""
    out: list[ItemSpec] = []
    for n, item in enumerate(items):
        product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
        found = _letter_group(product) if product is not None else None
        if found is None:
            out.append(item)
            continue
        group, letters = found
        end = items[n + 1].start if n + 1 < len(items) else len(toks)
        run = next((r for k in range(item.end, end) if (r := _letter_run(toks, k, end, letters))), [])
        said = [toks[k] for k in run]
        where = run
        if not run and (word := _spelled_word(lex, toks, item.end, end, letters)) is not None:
            said, where = list(word[1]), [word[0]] * len(word[1])
        if not said or item.quantity not in (None, 1, len(said)):
            out.append(item)
            continue
        rest = [o for o in item.options if not any(t.group == group.code for t in o.targets)]
        for letter in dict.fromkeys(said):
            spec = OptionSpec((Target("option", group=group.code, value=letters[letter]),),
                              pos=where[said.index(letter)], said=letter)
            out.append(ItemSpec(item.skus, said.count(letter), [*rest, spec], item.start, item.end, item.exact))
    return out
