"""A word that names both a choice group and one of its values, said as the heading of values of that group
("salad yeah just lettuce and onions no tomato": the salad asked about, not the mixed salad whose alias is "salad").
Joined to the next value as one more of a list ("gift wrap it with a card", "the wrapping and the card") it is no
heading but the value it names.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.phrasebook import words
from dialogue.specs import OptionSpec

_LIST_JOINS = frozenset(words("heading_list_joins"))


def _group_of(lex: Lexicon, o: OptionSpec) -> str | None:
    """The group ``o``'s words name as a group, when they also name a value of that very group."""
    said = tuple(o.said.split())
    groups = {t.group for t in lex.phrases.get(said, ()) if t.kind == "group"}
    values = {t.group for t in o.targets if t.kind == "option"}
    both = groups & values
    return next(iter(both)) if len(both) == 1 else None


def _joined(toks: Sequence[str], o: OptionSpec, other: OptionSpec) -> bool:
    """Whether a joining word ("and", "with") comes between ``o`` and the later ``other``: a list, not a heading."""
    return any(w in _LIST_JOINS for w in toks[o.pos + len(o.said.split()):other.pos])


def headings_dropped(lex: Lexicon, toks: Sequence[str], options: list[OptionSpec]) -> list[OptionSpec]:
    """``options`` without those said as a heading: words that name a group and a value of it, followed in the turn
    by another value of that group that is wanted (not "no tomato") and not joined on to it as a list."""
    out = []
    for o in options:
        group = _group_of(lex, o) if o.said and o.amount != "none" and o.pos >= 0 else None
        if group is not None and any(
                other.pos > o.pos and other.amount != "none" and not _joined(toks, o, other) and any(
                    t.kind == "option" and t.group == group and all(t.value != v.value for v in o.targets)
                    for t in other.targets) for other in options):
            continue
        out.append(o)
    return out


def without_headings(lex: Lexicon, toks: Sequence[str], options: list[OptionSpec],
                     item_options: Sequence[list[OptionSpec]]) -> list[OptionSpec]:
    """:func:`headings_dropped` on the turn's loose choices and, in place, on each item's."""
    for opts in item_options:
        opts[:] = headings_dropped(lex, toks, opts)
    return headings_dropped(lex, toks, options)
