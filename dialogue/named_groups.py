"""A choice placed by the group named beside it: "a large pie half mushroom half sausage", "pepperoni on half",
"extra cheese on the whole thing", where one value is offered by several groups of the product (whole-pie
toppings, toppings on one half, toppings on the other half).

The group's words said right after the value with a linking word ("pepperoni on half", "olives on the other
half"), else right before it ("half mushroom"), keep the value in that group. The same group words said again
for another value ("half mushroom, half sausage") mean the next such group: the other group offering the value
whose name or aliases hold the words said ("toppings on the other half" holds "half").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention, words_run
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec, OptionSpec

_AND = words("list_joins")  # "and": the next item of a list
_WITH = words("with_words")
_LINKS = words("group_links")  # "on", "the", "for": between a value and the group named after it


def place_by_group_named(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                         items: Sequence[ItemSpec], loose: list[OptionSpec] | None = None) -> None:
    """Narrow, in place, each choice of ``items`` said beside a group's name to that group (see the module); so
    the choices said with no product (``loose``: "make one of them half sausage", of a line in the cart)."""
    named = [m for m, r in zip(mentions, roles, strict=True) if r == "group" and m.groups]
    if not named:
        return
    for options in [*(item.options for item in items), *([loose] if loose is not None else [])]:
        ends = [spec.pos + max(1, len(spec.said.split())) for spec in options]
        after = {k: g for k, spec in enumerate(options) if spec.pos >= 0
                 and (g := _linked_after(toks, named, ends[k])) is not None}
        used: dict[tuple[str, ...], set[str]] = {}  # group words said -> groups they already gave a value to
        for k, spec in enumerate(options):
            group = after.get(k) or next((m for m in named if m.end == spec.pos and m not in after.values()), None)
            if group is None or spec.pos < 0:
                continue
            said = tuple(toks[group.start:group.end])
            codes = {t.group for t in group.groups}
            offered = {t.group for t in spec.targets}
            if codes & used.get(said, set()):  # "half ... half ...": the other group of those words
                other = _other_group(lex, said, offered - codes)
                codes = {other} if other is not None else codes
            keep = tuple(t for t in spec.targets if t.group in codes)
            if keep and len(keep) < len(spec.targets):
                options[k] = replace(spec, targets=keep)
            used.setdefault(said, set()).update(t.group for t in keep)


def _linked_after(toks: Sequence[str], named: Sequence[Mention], end: int) -> Mention | None:
    """The group mention said after a value that ends at ``end``, past a linking word ("pepperoni on half",
    "sausage on the other half"); a group said right after a value with no linking word names the next one
    ("half mushroom half sausage")."""
    for m in named:
        between = toks[end:m.start]
        linked = set(between) - {"the"} or toks[m.start] in _LINKS - {"the"}  # "on half" may be the group's own name
        if m.start >= end and len(between) <= 3 and all(t in _LINKS for t in between) and linked:
            return m
    return None


def _other_group(lex: Lexicon, said: tuple[str, ...], codes: set[str]) -> str | None:
    """Of ``codes``, the one group whose name or an alias holds the words ``said``; None unless exactly one."""
    hits = []
    for code in sorted(codes):
        group = lex.groups.get(code)
        if group is None:
            continue
        names = [phrase_of(n) for n in (group.name, *group.aliases)]
        if any(words_run(said, n) for n in names):
            hits.append(code)
    return hits[0] if len(hits) == 1 else None


def group_said_as_item(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"a family pack half hot half garlic parmesan with a two liter of pepsi": an item said after "with" (and an
    article) right after another, whose words are the name of a group of that item's product ("2 liter", the pack's
    drink) and whose choices are all values of that group, is that group's choice of the item, not a product of its
    own (the 2 liter bottle sold alone). So too after "and" further on in that "with" list ("a kebab meal deal with
    a doner and a can of fanta"), when the item has no choice of that group yet."""
    out: list[ItemSpec] = []
    for it in items:
        host = out[-1] if out else None
        product = lex.products.get(host.skus[0]) if host is not None and len(host.skus) == 1 else None
        k = it.start - 1
        while k >= 0 and toks[k] in ("a", "an", "the"):
            k -= 1
        listed = k >= 0 and toks[k] in _AND and host is not None and any(
            w in _WITH for w in toks[host.end:k])  # "a meal deal with a doner and a can of fanta": still its list
        if product is None or host is None or k < host.start or not (toks[k] in _WITH or listed) or not it.options \
                or it.quantity not in (None, 1):
            out.append(it)
            continue
        said = tuple(toks[it.start:it.end])
        groups = [g for g in product.option_groups if any(phrase_of(n) == said for n in (g.name, *g.aliases))]
        kept = [replace(o, targets=keep) for o in it.options
                if (keep := tuple(t for t in o.targets if any(t.group == g.code and g.value(t.value) is not None
                                                               for g in groups)))]
        if len(groups) != 1 or len(kept) != len(it.options) \
                or listed and any(t.group == groups[0].code for o in host.options for t in o.targets):
            out.append(it)
            continue
        host.options.extend(kept)
    return out
