"""Items out of one utterance: which products, how many, with which options.

Works over catalog mentions (:mod:`dialogue.matcher`): options attach to the product they sit next to
("a large iced latte with oat milk and a mocha"), quantities are read just before a product ("two",
"a couple of", "another"), "two lattes, one with oat and one with almond" splits into lines, and a
correction mid-sentence ("a latte, no, a mocha") drops the corrected item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dialogue.amounts import qualifier_before
from dialogue.intents import CORRECTION, find
from dialogue.lexicon import Lexicon, Target
from dialogue.matcher import Mention

_SIZE_UNITS = frozenset({"oz", "ml", "l", "percent", "g", "kg", "lb", "lbs", "in", "cm", "inch", "inches",
                         "dollars", "dollar", "bucks", "cents", "shot", "shots", "pump", "pumps", "am", "pm"})
# Words that may sit between a quantity and its product or between modifiers ("two cups of", "a 12 oz").
GLUE = frozenset("a an the of size sized cup cups glass glasses mug shot shots order orders serving servings "
                 "style kind sort type piping nice fresh big little with just really very extra some flavored "
                 "flavoured flavor flavour infused based topped made".split())
# Measures that make the next product an ingredient ("a shot of espresso"), not an item.
_MEASURES = frozenset("shot shots pump pumps splash dash drizzle scoop scoops spoonful spoonfuls squirt drop drops "
                      "hint touch bit".split())
_SEPARATORS = frozenset({"and", "plus", "also", "then", "another", "one"})


@dataclass(frozen=True)
class OptionSpec:
    targets: tuple[Target, ...]  # candidate (group, value) pairs; resolved against the product
    amount: str = "regular"
    qualifier: str = ""


@dataclass
class ItemSpec:
    skus: tuple[str, ...]  # candidate products: one means resolved, several mean "which one?"
    quantity: int | None = None  # None: not said (1)
    options: list[OptionSpec] = field(default_factory=list)
    start: int = 0
    end: int = 0
    exact: bool = True  # the product was named in full (not a sub-phrase like "tea")


def _quantity_token(toks: Sequence[str], i: int) -> int | None:
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if t.isdigit() and nxt not in _SIZE_UNITS and 0 < int(t) < 1000:
        return int(t)
    if t in ("one", "a", "an", "another"):
        return 1
    return None


def _read_quantity(toks: Sequence[str], start: int, floor: int, covered: set[int]) -> tuple[int | None, bool]:
    """Quantity said just before ``start`` (skipping modifiers): (value, explicit)."""
    i = start - 1
    steps = 0
    while i >= floor and steps < 8:
        if i in covered or toks[i] in GLUE and toks[i] not in ("a", "an"):
            i -= 1
            steps += 1
            continue
        q = _quantity_token(toks, i)
        if q is not None:
            explicit = toks[i] not in ("a", "an")
            # "a couple" was already turned into "2"; "a 2" does not happen
            return q, explicit
        if qualifier_before(toks, i + 1) is not None:
            i -= 1
            steps += 1
            continue
        return None, False
    return None, False


def _roles(mentions: Sequence[Mention]) -> list[str]:
    product_only = sum(1 for m in mentions if m.products and not m.options)
    any_exact = any(m.exact_products for m in mentions)
    roles = []
    for m in mentions:
        if m.products and not m.exact_products and any_exact:
            roles.append("ignore")  # "two coffees, a mocha and a cortado": the category word is no item
        elif m.products and m.options:
            roles.append("option" if product_only else "product")
        elif m.products:
            roles.append("product")
        elif m.options:
            roles.append("option")
        else:
            roles.append("group")
    return roles


def _glue_only(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    return all(i in covered or toks[i] in GLUE or _quantity_token(toks, i) is not None for i in range(a, b))


def _option_spec(toks: Sequence[str], m: Mention, floor: int) -> OptionSpec:
    q = qualifier_before(toks, m.start, floor)
    if q is None:
        return OptionSpec(m.options)
    return OptionSpec(m.options, q.amount, q.words)


def extract_items(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention]
                  ) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """Items (in spoken order) and options that belong to no product in this utterance."""
    del lex  # the mentions already carry everything; kept for a future lexicon-aware variant
    roles = _roles(mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    prods = [m for m, r in zip(mentions, roles, strict=True) if r == "product"]
    items: list[ItemSpec] = []
    prev_end = 0
    for m in list(prods):
        k = m.start - 1
        if len(prods) > 1 and k >= 1 and toks[k] == "of" and toks[k - 1] in _MEASURES:
            prods.remove(m)
    for m in prods:
        skus = tuple(dict.fromkeys(t.sku for t in m.products))
        qty, explicit = _read_quantity(toks, m.start, prev_end, covered)
        items.append(ItemSpec(skus, qty if explicit else None, [], m.start, m.end,
                              exact=all(t.exact for t in m.products)))
        prev_end = m.end
    loose: list[OptionSpec] = []
    prev_mention_end = 0
    for m, role in zip(mentions, roles, strict=True):
        if role != "option":
            prev_mention_end = m.end
            continue
        spec = _option_spec(toks, m, prev_mention_end)
        prev_mention_end = m.end
        before = [it for it in items if it.end <= m.start]
        after = [it for it in items if it.start >= m.end]
        target: ItemSpec | None = None
        if after and _glue_only(toks, m.end, after[0].start, covered):
            if not before or any(toks[i] in _SEPARATORS or _quantity_token(toks, i) is not None
                                 for i in range(before[-1].end, m.start)):
                target = after[0]
        if target is None and before:
            target = before[-1]
        if target is None and after and _glue_only(toks, m.end, after[0].start, covered):
            target = after[0]
        if target is None and len(items) == 1:
            target = items[0]  # one item in the sentence: its options may come anywhere
        if target is None:
            loose.append(spec)
        else:
            target.options.append(spec)
    items = _split(toks, items, mentions, roles, covered)
    return _corrections(toks, items), loose


def _split(toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention], roles: list[str],
           covered: set[int]) -> list[ItemSpec]:
    """"two lattes, one with oat and one with almond" -> two lines."""
    out: list[ItemSpec] = []
    for k, item in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        limit = nxt.start if nxt is not None else len(toks)
        markers: list[tuple[int, int]] = []
        i = item.end
        while i < limit:
            if i not in covered and not (nxt is not None and _glue_only(toks, i + 1, nxt.start, covered)):
                if toks[i] == "another" or toks[i] == "other" and i > 0 and toks[i - 1] == "the":
                    markers.append((i, 1))
                elif toks[i] == "one" and i > 0 and toks[i - 1] in ("other", "another"):
                    pass
                elif (toks[i] == "one" or toks[i].isdigit()) and _quantity_token(toks, i) is not None:
                    markers.append((i, int(toks[i]) if toks[i].isdigit() else 1))
            i += 1
        total = item.quantity or 1
        if not markers:
            out.append(item)
            continue
        if len(markers) == 1 and total < 2:
            if toks[markers[0][0]] in ("another", "other"):  # "a latte with oat and another with almond"
                opt_mentions = [m for m, r in zip(mentions, roles, strict=True)
                                if r == "option" and markers[0][0] <= m.start < limit]
                mine = [o for o in item.options if not any(o.targets == m.options for m in opt_mentions)]
                out.append(ItemSpec(item.skus, None, mine, item.start, item.end, item.exact))
                out.append(ItemSpec(item.skus, None, [_option_spec(toks, m, markers[0][0]) for m in opt_mentions],
                                    markers[0][0], limit, item.exact))
            else:
                out.append(item)
            continue
        opt_mentions = [m for m, r in zip(mentions, roles, strict=True) if r == "option" and item.end <= m.start < limit]
        first = markers[0][0]
        shared = [o for o in item.options if not any(o.targets == m.options and m.start >= first for m in opt_mentions)]
        subs: list[ItemSpec] = []
        for j, (pos, qty) in enumerate(markers):
            seg_end = markers[j + 1][0] if j + 1 < len(markers) else limit
            seg_opts = [_option_spec(toks, m, pos) for m in opt_mentions if pos <= m.start < seg_end]
            subs.append(ItemSpec(item.skus, qty, [*shared, *seg_opts], pos, seg_end, item.exact))
        said = sum(s.quantity or 1 for s in subs)
        if item.quantity is not None and said < item.quantity:
            subs.append(ItemSpec(item.skus, item.quantity - said, list(shared), item.start, item.end, item.exact))
        out.extend(subs)
    return out


def _corrections(toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"a latte, no, a mocha": the later item replaces the earlier one."""
    out: list[ItemSpec] = []
    for item in items:
        if out:
            prev = out[-1]
            gap_start = prev.end
            cue = find(toks[:item.start], CORRECTION, gap_start)
            joined = any(t in ("and", "plus", "also", "with") for t in toks[gap_start:item.start])
            if cue >= 0 and not joined and item.start - gap_start <= 6:
                if item.quantity is None:
                    item.quantity = prev.quantity
                out[-1] = item
                continue
        out.append(item)
    return out
