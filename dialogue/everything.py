""""With everything": every free value of the item's toppings-like group, said in one word.

"a falafel wrap with everything but no onions", "two hot dogs with the works", "a burger with all the toppings":
the item gets each value of its many-choice group named like toppings (the group's name or an alias in the
``everything_groups`` word list) that costs nothing, except those the shopper turned down or already said. A
catalog that has a choice spelled like the phrase ("an everything bagel") keeps it: the phrase is then a
mention of that choice, and this rule leaves it alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.models import OptionGroup, Product
from dialogue.intents import find
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention
from dialogue.normalize import tokens
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec, OptionSpec

_EVERYTHING = tuple(sorted(phrases("everything_said"), key=len, reverse=True))
_GROUPS = words("everything_groups")
_BUT = words("everything_but")
_BUT_FILL = _BUT | words("list_articles") | {"for", "the"}
_LIST_GLUE = words("list_articles") | {"and", "or", "nor"}


def _all_group(product: Product) -> OptionGroup | None:
    """The product's many-choice group named like toppings ("toppings", "fixings", "veggies"), if one."""
    for names in (lambda g: (g.name, g.code), lambda g: g.aliases):  # its own name first, then an alias
        named = [g for g in product.option_groups if g.multiple
                 and any(w in _GROUPS for n in names(g) for w in phrase_of(n))]
        if named:
            return named[0] if len(named) == 1 else None
    return None


def _offers_phrase(product: Product, said: tuple[str, ...]) -> bool:
    """The product has a choice spelled as said ("everything" of a bagel's kind)."""
    names = {phrase_of(n) for g in product.option_groups for v in g.values for n in (v.name, v.code, *v.aliases)}
    return any(p == said or said[-1:] == p for p in names)


def _left_off(toks: Sequence[str], item: ItemSpec, end: int) -> None:
    """"with everything but the pickles", "with the works except onions and tomato": the choices said right after
    the phrase, past a word that leaves out ("but", "except"), are turned down."""
    k = end
    while k < len(toks) and toks[k] in _BUT_FILL:
        k += 1
    if k == end or not any(toks[i] in _BUT for i in range(end, k)):
        return
    said = sorted((o for o in item.options if o.pos >= k), key=lambda o: o.pos)
    for n, o in enumerate(said):
        if n and any(toks[i] not in _LIST_GLUE for i in range(said[n - 1].pos + len(said[n - 1].said.split()), o.pos)):
            break  # past the list of what is left out
        if n == 0 and o.pos != k:
            break
        if o.amount == "regular":
            item.options[item.options.index(o)] = replace(o, amount="none")


def _all_value(lex: Lexicon, item: ItemSpec, target: Target) -> bool:
    """The choice is the catalog's own "everything" of the item's product: a name of it said after "with" is a
    phrase of everything ("everything", "the works", "all the toppings")."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    group = product.group(target.group) if product is not None else None
    value = group.value(target.value) if group is not None else None
    return value is not None and any(("with", *phrase_of(n)) in _EVERYTHING or ("with", *tokens(n)) in _EVERYTHING
                                     for n in (value.name, *value.aliases))


def _own_left_off(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention]) -> None:
    """"a hot dog with everything but onions", "with the works except kraut", where "everything" is the catalog's
    own choice: the item that got that choice still leaves out what is said after "but" / "except" (onions off,
    not added)."""
    for m in mentions:
        for item in items:
            if any(o.pos == m.start and any(_all_value(lex, item, t) for t in o.targets) for o in item.options):
                _left_off(toks, item, m.end)


def with_everything(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention]) -> None:
    """Give the item said before "with everything" every free value of its toppings group, but those said
    already (with any amount: "but no onions" keeps the onions off) ("a falafel wrap with everything but no
    onions": lettuce, tomato, cucumber, pickles, cabbage and turnips)."""
    _own_left_off(lex, toks, items, mentions)
    covered = {i for m in mentions if m.products or m.options for i in range(m.start, m.end)}  # not a group's name
    at = 0
    while (k := find(toks, _EVERYTHING, at)) >= 0:
        said = next(p for p in _EVERYTHING if tuple(toks[k:k + len(p)]) == p)
        at = k + len(said)
        if any(i in covered for i in range(k, at)):
            continue  # a mention of the catalog's own (an "everything" bagel): that choice, not this rule
        before = [it for it in items if it.end <= k and len(it.skus) == 1 and it.skus[0] in lex.products]
        if not before:
            continue
        item = before[-1]
        product = lex.products[item.skus[0]]
        group = _all_group(product)
        if group is None or _offers_phrase(product, said):
            continue
        _left_off(toks, item, at)
        had = {(t.group, t.value) for o in item.options for t in o.targets}
        for v in group.values:
            if v.price_delta_cents == 0 and (group.code, v.code) not in had:
                item.options.append(OptionSpec((Target("option", group=group.code, value=v.code),), pos=k,
                                                said=v.name))
