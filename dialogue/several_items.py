"""What is said once for several items of a sentence: choices for all of them ("both large", "halves please",
"for it too", "one for each"), and a kind's noun that sums items up ("three pizzas, two pepperoni and a cheese") or
narrows a name several products share.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import Product
from dialogue.attach import needed
from dialogue.intents import EVERY_LINE, find
from dialogue.item_words import BASE_PREPS, EDIT_THEM, HOLDER_PREPS
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.phrasebook import phrases, words
from dialogue.quantity import FILLER_WORDS, GLUE, SEPARATORS, read_quantity
from dialogue.specs import ItemSpec, OptionSpec


def choice_totals(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                   items: Sequence[ItemSpec], covered: set[int]) -> list[Mention]:
    """"two pints, one ipa and one lager", "three halves: two stouts and a porter": a count of a choice said as a
    noun (a choice that names no product), followed by items that offer it whose counts add up to that count,
    sums them up; the choice goes to each of them and the count makes no line of its own."""
    out: list[Mention] = []
    floor = 0
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or m.products or not m.options:
            if role == "product":
                floor = m.end
            continue
        qty, explicit = read_quantity(toks, m.start, floor, covered)
        if not explicit or qty is None or qty < 2:
            continue
        total, parts = 0, 0
        for it in (it for it in items if it.start >= m.end):
            if total >= qty or len(it.skus) != 1 or not any(
                    it.skus[0] in lex.option_skus.get((t.group, t.value), ()) for t in m.options):
                break
            total += it.quantity or 1
            parts += 1
        if parts >= 2 and total == qty:
            out.append(m)
    return out


_EVERY_BEFORE = words("every_before")
_EVERY_AFTER = phrases("every_after")


def narrow(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"two large pepperoni pizzas and a large cheese": a part of several names ("cheese": cheese pizza, four
    cheese pizza, cheese bread) is the product that offers the choices said with it, named by those words and
    its kind's noun ("cheese" + "pizza"), of the kind of the other items said with it."""
    for it in items:
        if len(it.skus) < 2 or it.exact:
            continue
        products = [lex.products[s] for s in it.skus if s in lex.products]
        said = tuple(t for t in toks[it.start:it.end] if t not in GLUE and not t.isdigit())
        offer = [p for p in products if all(any((g := p.group(t.group)) is not None and g.value(t.value) is not None
                                                for t in o.targets) for o in it.options)]
        products = offer or products
        named = [p for p in products if any(n[:-1] == said for n in own_names(p))]
        if not _kind_noun(said, products):
            products = named or products
        if len(products) > 1:
            heads = {n[-1] for other in items if other is not it and len(other.skus) == 1 and other.skus[0] in lex.products
                     for n in own_names(lex.products[other.skus[0]]) if n}
            kin = [p for p in products if any(n and n[-1] in heads for n in own_names(p))]
            products = kin or products
        if len(products) < len(it.skus):
            it.skus = tuple(p.sku for p in products)


def _kind_noun(said: Sequence[str], products: Sequence[Product]) -> bool:
    """A word said alone that ends the names of two or more of the products it may be is their kind's noun ("a
    crepe" where the shop has a nutella crepe, a ham and cheese crepe, ...): a "which one?", not the one product
    whose name merely starts with it ("crepe suzette")."""
    if len(said) != 1:
        return False
    forms = {said[0], said[0] + "s", said[0].removesuffix("s")}
    return sum(1 for p in products if any(n and n[-1] in forms for n in own_names(p))) >= 2


def all_of_one_kind(toks: Sequence[str], items: list[ItemSpec], summaries: Sequence[Mention]) -> None:
    """"three medium pizzas all pepperoni", "two large pies, both hawaiian": a count before a kind's noun, then
    "all" / "both" and the one product of that kind: that many of it."""
    for summary in summaries:
        k = summary.start - 1
        while k >= 0 and not toks[k].isdigit() and k >= summary.start - 4:
            k -= 1
        if k < 0 or not toks[k].isdigit() or int(toks[k]) < 2:
            continue
        after = [it for it in items if it.start >= summary.end]
        kinds = {t.sku for t in summary.products}
        if len(after) != 1 or after[0].quantity is not None or not set(after[0].skus) & kinds:
            continue
        between = toks[summary.end:after[0].start]
        if any(t in ("all", "both", "each") for t in between) and not any(t in SEPARATORS for t in between):
            after[0].quantity = int(toks[k])


def shared_head(toks: Sequence[str], items: list[ItemSpec], summaries: Sequence[Mention]) -> None:
    """"two large smoothies, a green machine and a mocha": choices said before a kind's noun that the items after it
    then name one by one belong to each of them (both large), not only to the first. An item's own choice of the
    same group wins ("two large smoothies, a green machine and a small mocha")."""
    for summary in summaries:
        kinds = {t.sku for t in summary.products}
        parts: list[ItemSpec] = []
        for it in items:
            if it.start < summary.end:
                continue
            if not set(it.skus) <= kinds:
                break
            parts.append(it)
        if len(parts) < 2:
            continue
        k = summary.start - 1
        while k >= 0 and summary.start - k <= 4 and not toks[k].isdigit():
            k -= 1
        if k >= 0 and toks[k].isdigit() and int(toks[k]) != sum(it.quantity or 1 for it in parts):
            continue  # "three large smoothies, a green machine and a mocha": the count does not add up
        head = [o for it in parts for o in it.options if 0 <= o.pos < summary.start]
        for it in parts:
            own = {t.group for o in it.options if o.pos >= summary.end for t in o.targets}
            for o in head:
                if o not in it.options and not own & {t.group for t in o.targets}:
                    it.options.append(o)


def summed_up(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"three burgers, two cheeseburgers and a hamburger": a count of a word that names a kind (a product's own
    name, but also its category, tag or part of its name) followed by two or more items of that kind whose counts
    add up to it sums them up; it is no item of its own."""
    out = list(items)
    for k, item in enumerate(items):
        n = item.quantity or 1
        said = [t for t in toks[item.start:item.end] if t not in GLUE and not t.isdigit()]
        if n < 2 or item.options or not said or len(items) - k - 1 < 2:
            continue
        if any(t in GLUE and t not in _SUM_ARTICLES for t in toks[item.start:item.end]):
            continue  # "two plain slices a pepperoni slice a sicilian square": a kind made so, named in full
        kind: set[str] | None = None
        for w in said:
            skus = set(lex.search_index.get(w, ()))
            kind = skus if kind is None else kind & skus
        parts: list[ItemSpec] = []
        total = 0
        for later in items[k + 1:]:
            if total >= n or not kind or not set(later.skus) <= kind:
                break
            parts.append(later)
            total += later.quantity or 1
        if len(parts) >= 2 and total == n:
            out.remove(item)
    return out


_SUM_ARTICLES = frozenset(("a", "an", "the", "of"))


def every(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"a chicken pho and a beef pho, both large": options said after "both" / "all of them" go to every item
    named before it whose product offers them, not only to the last one."""
    at = find(toks, EVERY_LINE)
    last = max((it.end for it in items), default=len(toks))
    if at < 0:  # "two taros and a thai tea, all large": a bare "all" right before choices after the last item (or
        # before how they come: "all in pitta")
        at = next((i for i in range(last, len(toks) - 1) if toks[i] in _EVERY_BEFORE
                   and any(i < o.pos <= i + 2 and all(toks[j] in GLUE or toks[j] in BASE_PREPS or toks[j] in HOLDER_PREPS
                                                      for j in range(i + 1, o.pos))
                           for it in items for o in it.options)), -1)
    trailing = next((i for i in range(last, len(toks)) if any(  # "an oolong and a jasmine tea, no sugar in either",
        tuple(toks[i:i + len(ph)]) == ph for ph in _EVERY_AFTER)), -1)  # "pickles on both": the choices before it
    if trailing >= 0 and any(last <= o.pos < trailing for it in items for o in it.options):
        at = last
    else:
        trailing = -1
    before = [it for it in items if it.start < at] if at >= 0 else []  # the last may run past "both"
    if len(before) < 2:
        return
    cue_end = at + max((len(ph) for ph in EVERY_LINE if tuple(toks[at:at + len(ph)]) == ph), default=0)
    moved = [o for o in before[-1].options if o.pos >= at and (trailing < 0 or o.pos < trailing)
             and not at <= o.pos < cue_end]  # ("a bacon egg and cheese on everything": the bagel said, no cue)
    for it in before[:-1]:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        if product is None:
            continue
        it.options.extend(o for o in moved if o not in it.options and any(
            (g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets))


_SHARED_LEADS = words("shared_leads")
_SAME_AS_BEFORE = phrases("same_as_before")


def needed_for_all(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"a lens protector and a clear case for the pixel 8": a choice said after "for" past the last of several
    items goes also to each earlier one that cannot be made without it (a required choice with no default, none
    of its group said), where otherwise it would have to be asked; and "skis and poles for a half day", "a snowboard
    and a helmet for the week": a choice of one kind (not an add-on) goes to each earlier one that offers it and has
    no choice of its group said."""
    if len(items) < 2:
        return
    last = items[-1]
    for o in [o for o in last.options if o.pos >= last.end]:
        if not any(toks[i] in _SHARED_LEADS for i in range(max(last.end, o.pos - 2), o.pos)):
            continue
        given = [_give_needed(lex, it, o) or _give_shared(lex, it, o) for it in items[:-1]]
        product = lex.products.get(last.skus[0]) if len(last.skus) == 1 else None
        if any(given) and product is not None and not any(
                (g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets):
            last.options.remove(o)  # "a screen protector and installation for an iphone 15": not the install's


def _give_needed(lex: Lexicon, it: ItemSpec, o: OptionSpec) -> bool:
    """Give item ``it`` the choice ``o`` when its one product cannot be made without that choice's group and none of
    the group was said for it; whether it was given."""
    product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
    if product is None or o in it.options:
        return False
    for t in o.targets:
        g = product.group(t.group)
        if g is not None and g.value(t.value) is not None and needed(lex, product.sku, t.group) \
                and not any(own.group == t.group for spec in it.options for own in spec.targets):
            it.options.append(o)
            return True
    return False


def _give_shared(lex: Lexicon, it: ItemSpec, o: OptionSpec) -> bool:
    """Give item ``it`` the choice ``o`` of a group of one value its product offers, when none of that group was
    said for it; whether it was given."""
    product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
    if product is None or o in it.options:
        return False
    for t in o.targets:
        g = product.group(t.group) if t.kind == "option" else None
        if g is not None and not g.multiple and g.value(t.value) is not None \
                and not any(own.group == t.group for spec in it.options for own in spec.targets):
            it.options.append(o)
            return True
    return False


def same_as_before(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"a black case for an iphone 15 pro max and a privacy protector for it too": an item followed by "for it" is
    for what the item before was for: it takes the choices it cannot be made without from the nearest item before
    that was given them."""
    for n, it in enumerate(items[1:], start=1):
        stop = items[n + 1].start if n + 1 < len(items) else len(toks)
        if not any(tuple(toks[i:i + len(ph)]) == ph for i in range(it.end, stop) for ph in _SAME_AS_BEFORE):
            continue
        for before in reversed(items[:n]):
            if any([_give_needed(lex, it, o) for o in before.options]):
                break


def _said_in_plural(lex: Lexicon, o: OptionSpec) -> bool:
    """The choice was said in the plural of one of its own names ("halves" of "half", "pints" of "pint")."""
    said = tuple(o.said.split())
    last = said[-1] if said else ""
    if len(last) < 4 or not last.endswith("s") or last.endswith("ss"):
        return False
    stems = {last[:-1], last[:-2], last[:-3] + "y", last[:-3] + "f", last[:-3] + "fe"}
    targets = set(o.targets)
    return any(targets & set(lex.phrases.get((*said[:-1], stem), ())) for stem in stems)


def plural_for_all(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], breaks: frozenset[int]) -> None:
    """"a stout and a porter, halves please": a choice said in the plural as a piece of its own after the last of
    several items (or right after a last item of one, "a stout and a porter halves please") goes to each of them
    that offers it and has no value of its group said, not only to the last (as "both halves" would)."""
    if len(items) < 2:
        return
    last = items[-1]
    for o in [o for o in last.options if o.pos >= last.end]:
        opened = [b for b in breaks if last.end <= b <= o.pos]
        lead = range(opened[-1], o.pos) if opened else range(last.end, o.pos)
        if not _said_in_plural(lex, o) or not all(
                toks[i] in FILLER_WORDS or toks[i] in EDIT_THEM or (opened and toks[i] in GLUE) for i in lead):
            continue  # "..., halves please", "..., make them halves"
        if not opened and last.quantity not in (None, 1):
            continue  # "a stout and two porters halves": the plural may be the porters' alone
        groups = {t.group for t in o.targets}
        for it in items[:-1]:
            product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
            if product is None or any(t.group in groups for own in it.options for t in own.targets):
                continue
            if any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets):
                it.options.append(o)


def own_names(product: Product) -> set[tuple[str, ...]]:
    names = {phrase_of(product.name), *(phrase_of(a) for a in product.aliases)}
    return names | {(*n[:-1], n[-1] + "s") for n in names if n}


_EACH_BEFORE = phrases("each_before")
_EACH_AFTER = phrases("each_after")


def per_item(toks: Sequence[str], items: Sequence[ItemSpec], outside: int = 0) -> None:
    """"a madras and a vindaloo both with pilau rice", "two kormas and a plain naan with each": a product said
    right after "both with" or right before "for each" is one for each item named before it in the turn (their
    count), or, none being named, one for each of ``outside`` (the units of the lines in focus: "and a plain naan
    for each" after two kormas), not one in all."""
    for k, it in enumerate(items):
        before = sum(p.quantity or 1 for p in items[:k] if p.skus != it.skus)
        n = before or outside
        if n < 2:
            continue
        start = min([it.start, *(o.pos for o in it.options if 0 <= o.pos < it.start)])
        while start > 0 and toks[start - 1] in ("a", "an", "1"):
            start -= 1
        lead = before > 0 and any(tuple(toks[start - len(p):start]) == p for p in _EACH_BEFORE)
        nxt = items[k + 1].start if k + 1 < len(items) else len(toks)
        tail = it.end < nxt and any(tuple(toks[it.end:it.end + len(p)]) == p for p in _EACH_AFTER)
        if lead or tail:
            it.quantity = (it.quantity or 1) * n

