"""A word that names both a choice group and one of its values, said as the heading of values of that group
("salad yeah just lettuce and onions no tomato": the salad asked about, not the mixed salad whose alias is "salad").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.specs import OptionSpec


def _group_of(lex: Lexicon, o: OptionSpec) -> str | None:
    """The group ``o``'s words name as a group, when they also name a value of that very group."""
    said = tuple(o.said.split())
    groups = {t.group for t in lex.phrases.get(said, ()) if t.kind == "group"}
    values = {t.group for t in o.targets if t.kind == "option"}
    both = groups & values
    return next(iter(both)) if len(both) == 1 else None


def headings_dropped(lex: Lexicon, options: list[OptionSpec]) -> list[OptionSpec]:
    """``options`` without those said as a heading: words that name a group and a value of it, followed in the turn
    by another value of that group that is wanted (not "no tomato")."""
    out = []
    for o in options:
        group = _group_of(lex, o) if o.said and o.amount != "none" else None
        if group is not None and any(
                other.pos > o.pos and other.amount != "none" and any(
                    t.kind == "option" and t.group == group and all(t.value != v.value for v in o.targets)
                    for t in other.targets) for other in options):
            continue
        out.append(o)
    return out


def without_headings(lex: Lexicon, options: list[OptionSpec], item_options: Sequence[list[OptionSpec]]) -> list[OptionSpec]:
    """:func:`headings_dropped` on the turn's loose choices and, in place, on each item's."""
    for opts in item_options:
        opts[:] = headings_dropped(lex, opts)
    return headings_dropped(lex, options)
