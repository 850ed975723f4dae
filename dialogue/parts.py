"""A counted item shared out into lines by what is said after it: parts naming the product again ("two lattes, one
latte with oat and the other latte with almond") or its noun ("two pies one plain and one pepperoni"), halves ("half
vanilla half chocolate"), one of each value ("three fruit teas mango peach and lychee", "black and blue biros").
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import Product
from dialogue.intents import find
from dialogue.item_words import JOIN_FILL
from dialogue.lexicon import Lexicon
from dialogue.phrasebook import phrases, words
from dialogue.quantity import quantity_token
from dialogue.specs import ItemSpec, OptionSpec

_SHARES = words("mix_shares")


def parts_named_again(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"two lattes, one latte with oat milk and the other latte with almond milk": the product named again
    for each part, with parts adding up to the count, says how the two are made; not four lattes. Not when the
    parts are made otherwise than the whole ("four salmon nigiri two tuna and two eel": more lines, see
    :func:`_made_otherwise`)."""
    out = list(items)
    k = 0
    while k < len(out):
        whole, parts, total = out[k], [], 0
        n = whole.quantity or 1
        for later in out[k + 1:]:
            lead = toks[max(0, later.start - 3):later.start]
            if n < 2 or later.skus != whole.skus or total >= n or not any(
                    t in ("one", "other", "another") or t.isdigit() for t in lead):
                break
            parts.append(later)
            total += later.quantity or 1
        if len(parts) >= 2 and total == n and not _made_otherwise(lex, whole, parts):
            for part in parts:
                part.options = [*whole.options, *part.options]
            del out[k]
            continue
        k += 1
    return out


def _one_choice_value(product: Product, o: OptionSpec) -> tuple[str, str] | None:
    """The one value of a one-choice group of ``product`` the spec names, or None."""
    hits = {(t.group, t.value) for t in o.targets
            if (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None}
    return next(iter(hits)) if len(hits) == 1 else None


def in_halves(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"twelve cupcakes half vanilla half chocolate", "a dozen oysters half blue points and half kumamotos": an even
    count of one product followed by two shares ("half") each right before another value of one of its one-choice
    groups is two lines of half the count each, one of each value. A share the product offers as a choice of its
    own (a half size) stays that choice; a box whose mix several kinds fill is read by :mod:`dialogue.mixes`."""
    out: list[ItemSpec] = []
    for k, item in enumerate(items):
        product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
        n = item.quantity
        limit = items[k + 1].start if k + 1 < len(items) else len(toks)
        at = [i for i in range(item.end, limit) if toks[i] in _SHARES]
        if product is None or n is None or n < 2 or n % 2 or len(at) != 2 or any(
                o.pos in at and _one_choice_value(product, o) is not None for o in item.options):
            out.append(item)
            continue
        parts = [next((o for o in item.options if o.pos == i + 1), None) for i in at]
        first, second = parts
        a = _one_choice_value(product, first) if first is not None else None
        b = _one_choice_value(product, second) if second is not None else None
        if first is None or second is None or a is None or b is None or a[0] != b[0] or a == b \
                or any(t not in JOIN_FILL for t in toks[first.pos + max(len(first.said.split()), 1):at[1]]):
            out.append(item)
            continue
        rest = [o for o in item.options if o.pos not in at and o is not first and o is not second]
        out.append(ItemSpec(item.skus, n // 2, [*rest, first], item.start, item.end, item.exact))
        out.append(ItemSpec(item.skus, n // 2, [*rest, second], at[1], second.pos + 1, item.exact))
    return out


def halves_of_line(lex: Lexicon, toks: Sequence[str], sku: str, quantity: int, specs: Sequence[OptionSpec]
                   ) -> list[tuple[int, list[OptionSpec]]]:
    """"A dozen pistachio macarons" - "half pistachio half raspberry": the shares of :func:`in_halves` said alone
    of a line of ``quantity``, as (count, choices) per half; empty when the turn says no such halves."""
    halves = in_halves(lex, toks, [ItemSpec((sku,), quantity, list(specs), 0, 0, True)])
    return [(h.quantity or 0, h.options) for h in halves] if len(halves) == 2 else []


def _made_otherwise(lex: Lexicon, whole: ItemSpec, parts: Sequence[ItemSpec]) -> bool:
    """Every part names another value of a one-choice group whose value the whole already said ("four salmon
    nigiri" then "two tuna and two eel"): the parts cannot be a share of the whole's count, they are lines of their
    own."""
    product = lex.products.get(whole.skus[0]) if len(whole.skus) == 1 else None
    if product is None:
        return False

    def single(spec: ItemSpec) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for o in spec.options:
            for t in o.targets:
                if (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None:
                    out.setdefault(t.group, set()).add(t.value)
        return out

    had = single(whole)
    return bool(had) and all(any(g in had and not vals & had[g] for g, vals in single(part).items())
                             for part in parts)


def _with_noun(lex: Lexicon, said: Sequence[str], noun: Sequence[str]) -> str | None:
    """The one product named by a part's bare words said with the counted item's noun ("plain" + "pies" -> the
    "plain pie"; "large pies" -> "pepperoni pie" by the head "pies"), in the noun's singular or plural form; None
    when no product or several are."""
    last = noun[-1]
    forms = {last, last[:-1] if last.endswith("s") else last + "s"}
    for j in range(len(noun)):
        skus = {t.sku for w in forms for t in lex.phrases.get((*said, *noun[j:-1], w), ()) if t.kind == "product"
                and t.exact}
        if skus:
            return next(iter(skus)) if len(skus) == 1 else None
    return None


def parts_of_noun(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"two pies one plain and one pepperoni", "three slices, one pepperoni, one mushroom and one plain", "two pies
    a plain and a white": bare words after "one" (or a count, or an article) that follow a counted item and add up
    to its count name products of the item's noun ("plain pie", "pepperoni pie"), not products of another kind ("pepperoni slice"); the parts
    take the item's place and its choices ("two large pies, ...": each large)."""
    out = list(items)
    k = 0
    while k < len(out):
        whole, parts, total = out[k], [], 0
        n = whole.quantity or 1
        noun = tuple(toks[whole.start:whole.end])
        for later in out[k + 1:]:
            lead = toks[later.start - 1] if later.start > 0 else ""
            article = lead in ("a", "an") and later.quantity in (None, 1)  # "two pies a plain and a white"
            if n < 2 or total >= n or not (lead == "one" or lead.isdigit() or article) \
                    or later.quantity is None and not article:
                break
            sku = _with_noun(lex, toks[later.start:later.end], noun)
            if sku is None:
                break
            parts.append((later, sku))
            total += later.quantity or 1
        if len(parts) >= 2 and total == n:
            for later, sku in parts:
                held = {t.group for o in later.options for t in o.targets}
                later.skus = (sku,)
                later.options = [*(o for o in whole.options if not {t.group for t in o.targets} & held),
                                 *later.options]
            del out[k]
            continue
        k += 1
    return out


def parts_as_choices(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"Two meal for ones, one tikka masala and one rogan josh": counted parts after a counted item, adding up to its
    count, each named by words that are a value of a one-choice group the item's product offers (its curry), though
    those words name products of their own too: the parts are that item made so, not curries of their own."""
    out = list(items)
    k = 0
    while k < len(out):
        whole = out[k]
        product = lex.products.get(whole.skus[0]) if len(whole.skus) == 1 else None
        n = whole.quantity or 1
        parts: list[tuple[ItemSpec, OptionSpec]] = []
        total = 0
        for later in out[k + 1:]:
            lead = toks[later.start - 1] if later.start > 0 else ""
            if product is None or n < 2 or total >= n or later.quantity is None or later.options \
                    or not (lead == "one" or lead.isdigit()) or product.sku in later.skus:
                break
            said = tuple(toks[later.start:later.end])
            own = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                        and (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None)
            if not own:
                break
            parts.append((later, OptionSpec(own, pos=later.start, said=" ".join(said))))
            total += later.quantity
        groups = {frozenset(t.group for t in o.targets) for _, o in parts}
        if product is not None and len(parts) >= 2 and total == n and len(groups) == 1:
            made = [ItemSpec((product.sku,), later.quantity, [*whole.options, o], later.start, later.end, True)
                    for later, o in parts]
            out[k:k + 1 + len(parts)] = made
            k += len(made)
            continue
        k += 1
    return out


def one_each(lex: Lexicon, items: list[ItemSpec], toks: Sequence[str] = ()) -> list[ItemSpec]:
    """"three fruit teas mango peach and lychee": as many values of one one-choice group said after a counted item
    as its count, one of each (the item's other choices on each: "two snowboard packages for two days sizes nine
    and eleven"; but a choice said after "and" past one of the values, before the next, is that next one's own:
    "two meals the beef stroganoff and a single serving of the chili mac")."""
    out: list[ItemSpec] = []
    for it in items:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        n = it.quantity or 1
        if product is None or n < 2:
            out.append(it)
            continue
        after = [o for o in it.options if o.pos >= it.end]
        codes = [{t.group for t in o.targets if (g := product.group(t.group)) is not None and g.value(t.value)}
                 for o in after]
        each = next((mine for code in dict.fromkeys(c for cs in codes for c in cs)
                     if len(mine := [o for o, cs in zip(after, codes, strict=True) if code in cs]) == n
                     and all(cs == {code} for o, cs in zip(after, codes, strict=True) if o in mine)
                     and (g := product.group(code)) is not None and not g.multiple), None)
        if each is None:
            out.append(it)
            continue
        rest = [o for o in it.options if all(o is not x for x in each)]
        own = {id(o): _next_value(toks, o, each) for o in rest}
        out.extend(ItemSpec(it.skus, 1, [*(r for r in rest if own[id(r)] in (None, o)), o], it.start, it.end, it.exact)
                   for o in each)
    return out


def _next_value(toks: Sequence[str], o: OptionSpec, each: Sequence[OptionSpec]) -> OptionSpec | None:
    """The value of ``each`` a choice said between two of them, after "and", belongs to (the one after it); None when
    it is said before them all or with no "and" between it and the value before it (a choice of every unit)."""
    before = [e for e in each if e.pos < o.pos]
    after = [e for e in each if e.pos > o.pos]
    if not before or not after or not toks:
        return None
    return after[0] if "and" in toks[_said_end(before[-1]):o.pos] else None


_OF_EACH = phrases("of_each")
_EACH_OTHER = phrases("each_other_value")


def _said_end(o: OptionSpec) -> int:
    """Where the words of a choice said in this turn end ("pilau rice" at 9: 11)."""
    return o.pos + max(1, len(o.said.split()))


def _joined_values(lex: Lexicon, toks: Sequence[str], item: ItemSpec, several: bool = False) -> list[OptionSpec]:
    """Two or more values of one one-choice group of the item's product said in a row, the last after "and"
    ("black and blue", "red, green and blue"); with ``several``, of a group taking several values too; none when
    there are no such values."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None:
        return []
    said = sorted((o for o in item.options if o.pos >= 0 and o.said), key=lambda o: o.pos)
    for code in dict.fromkeys(t.group for o in said for t in o.targets):
        group = product.group(code)
        if group is None or group.multiple and not several:
            continue
        run = [o for o in said if any(t.group == code and group.value(t.value) is not None for t in o.targets)]
        gaps = [toks[_said_end(a):b.pos] for a, b in zip(run, run[1:], strict=False)]
        if len(run) > 1 and all(not g or list(g) == ["and"] for g in gaps) and gaps[-1] == ["and"]:
            return run
    return []


def _each_before(toks: Sequence[str], first: int) -> int:
    """Where "each" stands right before the first of values joined by "and" ("a hundred feet each of red and black",
    "two each of the red and the blue"), a count said before it; -1 when it is not said so."""
    k = first - 1
    while k >= 0 and toks[k] in ("of", "the"):
        k -= 1
    if k < 1 or toks[k] != "each" or k == first - 1:
        return -1
    return k if any(quantity_token(toks, i) is not None for i in range(max(0, k - 2), k)) else -1


def each_value(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"black and blue biros", "red and green pens, a pack of each": values of one one-choice group joined by
    "and" with a noun in the plural (or before "of each") are a line each, not the last value alone; a count said
    before "of each" ("two of each") is each line's."""
    out: list[ItemSpec] = []
    for k, it in enumerate(items):
        run = _joined_values(lex, toks, it)
        nxt = items[k + 1].start if k + 1 < len(items) else len(toks)
        if not run and it.quantity is not None and it.quantity > 1 and find(toks[it.start:nxt], _EACH_OTHER) >= 0 \
                and len(several := _joined_values(lex, toks, it, several=True)) == it.quantity:
            rest = [o for o in it.options if o not in several]  # "three six piece wings each a different flavour
            out.extend(ItemSpec(it.skus, None, [*rest, o], it.start, it.end, it.exact) for o in several)  # hot mild and
            continue  # teriyaki": one of each, though a box takes several flavours
        if not run:
            out.append(it)
            continue
        tail = max(it.end, _said_end(run[-1]))
        each = next((i for i in range(tail, min(nxt, tail + 4)) if any(
            tuple(toks[i:i + len(p)]) == p for p in _OF_EACH)), -1)
        if each < 0:  # "a hundred feet each of red and black ten gauge thhn": "each (of)" said before the values
            each = _each_before(toks, run[0].pos)
        word = toks[it.end - 1]
        plural = word.endswith("s") and not word.endswith("ss") and all(o.pos < it.end - 1 for o in run)
        if each < 0 and not (plural and it.quantity in (None, len(run))):  # not "nachos with verde and chipotle"
            out.append(it)
            continue
        floor = tail if each >= tail else max(0, each - 3)
        count = next((q for i in range(each - 1, max(floor, each - 3) - 1, -1)
                      if (q := quantity_token(toks, i)) is not None), 1) if each >= 0 else 1
        rest = [o for o in it.options if o not in run]
        out.extend(ItemSpec(it.skus, count, [*rest, o], it.start, it.end, it.exact) for o in run)
    return out


def rebalance(lex: Lexicon, items: list[ItemSpec]) -> list[ItemSpec]:
    """"two lattes, one with oat, and let's do almond for the other": a split line that got two values of a
    one-choice group hands the later one to the next line of the same product when that has none."""
    for a, b in zip(items, items[1:], strict=False):
        if a.skus != b.skus:
            continue
        groups = [o.targets[0].group if o.targets else "" for o in a.options]
        for code in dict.fromkeys(groups):
            group = lex.groups.get(code)
            if group is None or group.multiple or groups.count(code) < 2:
                continue
            if any(o.targets and o.targets[0].group == code for o in b.options):
                continue
            last = max(i for i, g in enumerate(groups) if g == code)
            b.options.append(a.options.pop(last))
            groups.pop(last)
    return items

