""""The other size", "actually the other size on the tub", "the other length please": a line switched to the other
choice of one of its option groups, the group named by its name or an alias ("size" may name a hot dog's length).

The line is the one the turn names ("on the tub"), else the line in focus. A group of two choices (its default
counted) has one other: the one the line does not hold now. With more choices, or none held and no default, the
turn asks which (the group's choices are listed). Read only when the turn names no choice of that group itself
("the other size 10" is a part said of a shared line, not this) and the group takes one choice at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.models import OptionGroup, Product
from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.phrasebook import phrases
from dialogue.specs import ItemSpec, OptionSpec

_OTHER = phrases("other_choice")


@dataclass(frozen=True)
class OtherChoice:
    """What "the other <group>" asks: ``spec`` the choice to make (None: ask which, ``group`` listed); ``item``
    the line's product as named in the turn (None: the line in focus)."""

    sku: str
    group: str
    spec: OptionSpec | None
    item: ItemSpec | None


def _group_at(product: Product, toks: Sequence[str], at: int) -> tuple[OptionGroup, int] | None:
    """The group of ``product`` whose name, code or an alias is said at ``at`` (the longest), and where it ends."""
    best: tuple[OptionGroup, int] | None = None
    for g in product.option_groups:
        for name in (g.name, g.code, *g.aliases):
            ph = phrase_of(name)
            if ph and tuple(toks[at:at + len(ph)]) == ph and (best is None or at + len(ph) > best[1]):
                best = (g, at + len(ph))
    return best


def _held(ctx_skus: Sequence[str], ctx_options: Sequence[tuple[tuple[str, str], ...]], sku: str,
          focus_sku: str | None, focus_options: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The choices the line of ``sku`` meant holds: the focus line's when it is of that product, else the latest
    line's of it."""
    if sku == focus_sku and focus_options:
        return focus_options
    at = max((k for k, s in enumerate(ctx_skus) if s == sku), default=-1)
    return ctx_options[at] if 0 <= at < len(ctx_options) else ()


def other_choice(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], options: Sequence[OptionSpec],
                 *, line_skus: Sequence[str], line_options: Sequence[tuple[tuple[str, str], ...]],
                 focus_sku: str | None, focus_options: tuple[tuple[str, str], ...]) -> OtherChoice | None:
    """What "the other <group>" of the turn asks of a cart line, or None when the turn says no such thing."""
    at = cue.find(toks, _OTHER)
    if at < 0 or not line_skus:
        return None
    end = at + next(len(p) for p in _OTHER if tuple(toks[at:at + len(p)]) == p)
    named = [it for it in items if len(it.skus) == 1 and it.skus[0] in line_skus]
    if len(named) != len(items) or len(named) > 1:
        return None  # a product not in the cart, or two lines named: no switch of one line
    item = named[0] if named else None
    sku = item.skus[0] if item is not None else focus_sku
    product = lex.products.get(sku or "")
    if product is None or sku is None:
        return None
    found = _group_at(product, toks, end)
    if found is None:
        return None
    group, after = found
    if group.multiple or (after < len(toks) and toks[after].isdigit()):
        return None  # "the other size 10": a choice said, not the other one
    said = [*options, *(o for it in items for o in it.options)]
    if any(t.group == group.code for o in said for t in o.targets):
        return None  # the turn names which choice itself
    held = dict(_held(line_skus, line_options, sku, focus_sku, focus_options)).get(group.code) or group.default
    others = [v for v in group.values if v.code != held]
    if held is not None and len(others) == 1:
        v = others[0]
        spec = OptionSpec((Target("option", group=group.code, value=v.code),), pos=at, said=v.name)
        return OtherChoice(sku, group.code, spec, item)
    return OtherChoice(sku, group.code, None, item)
