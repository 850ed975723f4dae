"""Option words that are notes, not the option they name: "double the milk", "some ice cubes", "hazelnut as
my sugar", "a splash of cherry syrup" (a syrup the shop does not have), "chocolate shavings"."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from dialogue.amounts import qualifier_before
from dialogue.intents import cue_words
from dialogue.lexicon import Lexicon
from dialogue.matcher import Mention
from dialogue.owners import MANY_OWNERS
from dialogue.words import COMMON

_SEPARATORS = frozenset({"and", "plus", "also", "then", "another", "one"})
_CUES = cue_words()
# Things made of an option word that are not the option ("chocolate shavings", "vanilla cold foam").
_OTHER_HEADS = frozenset("shavings shaving chips chip whipped cream foam cake cakes cookie cookies crumble crumbles "
                         "flakes bar bars beans".split())
_HEAD_ADJECTIVES = frozenset({"cold", "sweet", "whipped", "light"})


def mark_notes(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: list[str]) -> None:
    """Turn the role of option mentions that are notes into "note" (in place)."""
    _multiplier_notes(lex, toks, mentions, roles)
    _ice_notes(toks, mentions, roles)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for n, m in enumerate(mentions):
        if roles[n] != "option":
            continue
        if _as_role(toks, m, covered) or _other_head(toks, m, covered) or _unknown_kind(lex, toks, m, covered):
            roles[n] = "note"


_MULTIPLIERS = frozenset({"single", "double", "triple", "quadruple", "quad"})
_MULTIPLIED = frozenset({"shot", "shots", "espresso", "espressos"})


def _multiplier_notes(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: list[str]) -> None:
    """"double the milk", "triple foam", "double chocolate": a multiplier word that is not about the drink's
    shots is a note on something else, not the option it names ("double" shots). Not when a modifier after it
    names the needed choice of a product that offers it ("a double jameson and ginger ale": the pour of the
    mixed drink whose spirit is the jameson)."""
    starts = {m.start: n for n, m in enumerate(mentions)}
    for n, m in enumerate(mentions):
        if roles[n] != "option" or m.end - m.start != 1 or toks[m.start] not in _MULTIPLIERS:
            continue
        k = m.end
        followed: list[Mention] = []
        while k in starts and roles[starts[k]] == "option":  # "double oat milk latte": follow the modifiers
            followed.append(mentions[starts[k]])
            k = mentions[starts[k]].end
        if any(_multiplied_choice(lex, m, o) for o in followed):
            continue
        if k == m.end and (k >= len(toks) or toks[k] in _SEPARATORS or toks[k] in ("please", "with", "only")):
            continue  # "a latte, double please"
        if k < len(toks) and toks[k] in _MULTIPLIED:
            continue
        if k in starts and roles[starts[k]] == "product":
            continue
        roles[n] = "note"


def _multiplied_choice(lex: Lexicon, multiplier: Mention, m: Mention) -> bool:
    """``m`` names a needed choice (required, no default) of a product that offers the value ``multiplier``
    names: "double jameson" is a double pour of the whiskey chosen."""
    offered = {sku for t in multiplier.options for sku in islice(lex.option_skus.get((t.group, t.value), ()),
                                                                 MANY_OWNERS + 1)}
    for t in m.options:
        for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1):
            product = lex.products.get(sku) if sku in offered else None
            g = product.group(t.group) if product is not None else None
            if g is not None and g.required and g.default is None:
                return True
    return False


def _ice_notes(toks: Sequence[str], mentions: Sequence[Mention], roles: list[str]) -> None:
    """"ice" names the iced option only as a (misheard) adjective right before a drink or its modifiers
    ("an ice latte"); as a noun ("with some ice", "two ice cubes", "ice cream") it is a note."""
    starts = {m.start for m in mentions if m.exact_products or m.options}  # "ice cold": "cold" is no drink
    for n, m in enumerate(mentions):
        if roles[n] == "option" and m.end - m.start == 1 and toks[m.start] == "ice" and m.end not in starts:
            roles[n] = "note"


def _as_role(toks: Sequence[str], m: Mention, covered: set[int]) -> bool:
    """"hazelnut as my sugar", "caramel as the sugar substitute", "instead of sugar": the word names a role. Not
    when "as" ends a name said ("the double as the eight pack": "double a's", heard "double as")."""
    before = tuple(toks[max(0, m.start - 2):m.start])
    if m.start >= 2 and m.start - 2 in covered:
        return False
    return before in (("as", "my"), ("as", "the"), ("as", "your"), ("instead", "of"))


def _other_head(toks: Sequence[str], m: Mention, covered: set[int]) -> bool:
    k = m.end
    if k < len(toks) and toks[k] in _HEAD_ADJECTIVES and k not in covered:
        k += 1
    return k < len(toks) and k not in covered and toks[k] in _OTHER_HEADS


def _unknown_kind(lex: Lexicon, toks: Sequence[str], m: Mention, covered: set[int]) -> bool:
    """"cherry syrup", "cinnamon dolce syrup": a class word ("syrup" = the generic sweetener) after a modifier
    the catalog does not know names something the shop does not have, not the generic value."""
    if m.end - m.start != 1 or m.start == 0:
        return False
    prev = toks[m.start - 1]
    if m.start - 1 in covered or not prev.isalpha() or lex.known(prev) or prev in COMMON or prev in _CUES \
            or qualifier_before(toks, m.start) is not None or len(prev) < 3:
        return False
    for t in m.options:
        group = lex.groups.get(t.group)
        value = group.value(t.value) if group else None
        if group is None or value is None:
            continue
        word = value.name.lower().split()
        if len(word) == 1 and sum(1 for v in group.values if v.name.lower().split()[-1:] == word and v is not value) >= 2:
            return True
    return False
