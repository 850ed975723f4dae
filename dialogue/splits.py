"""One noun phrase split into several lines by the counts and articles said with it: "two lattes, one with oat and
one with almond", "a small and a large fries", "three tuna cans and three salmon ones".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from catalog.models import Product
from dialogue.item_words import SUB_WORDS, glue_only
from dialogue.lexicon import Lexicon
from dialogue.matcher import Mention
from dialogue.numbers import COUNT_UNITS
from dialogue.phrasebook import words
from dialogue.quantity import (
    FILLER_WORDS,
    GLUE,
    PREPOSITION_UNITS,
    in_units,
    packs_of,
    piece_count,
    quantity_token,
    read_quantity,
    said_plural,
    unit_choice,
)
from dialogue.several_items import own_names
from dialogue.specs import ItemSpec, OptionSpec

_PLAIN_PART = words("plain_part")
_MAX_PART = 1000
_PART_PREPS = words("part_preps")
_SIDE_OF_CHOICE = words("side_of_choice")
_PLURAL_REFS = words("plural_refs")


def _markers(toks: Sequence[str], a: int, b: int, covered: set[int], articles: bool = False) -> list[tuple[int, int]]:
    """Positions that start a sub-item ("one", "2", "another", "the other"; with ``articles`` "a" and "an" too) in
    [a, b), with quantity."""
    out: list[tuple[int, int]] = []
    for i in range(a, b):
        if i in covered:
            continue
        if articles and toks[i] in ("a", "an"):
            if i > 0 and toks[i - 1] in _PART_PREPS:
                continue  # "one on a wrap": the article of the part's choice, not one more part
            out.append((i, 1))
        elif toks[i] == "another" or (toks[i] == "other" and i > 0 and toks[i - 1] == "the"):
            out.append((i, 1))
        elif toks[i] == "one" and i > 0 and toks[i - 1] in ("other", "another"):
            continue
        elif toks[i] == "one" and i >= 2 and toks[i - 1] == "the" and toks[i - 2] in _PERSON_ONE_LEADS:
            continue  # "i'm the one stuck with the group order": a person, no part
        elif toks[i] == "one" and _article_one(toks, i, covered):
            continue  # "two hot cocoas and a large one with whipped cream": the "one" of "a large one", no part
        elif toks[i] == "one" and a < i and all(j in covered for j in range(a, i)) and "one" not in toks[i + 1:b] \
                and not _of_them(toks, i):
            continue  # "two of the latte big one with oat milk": "<item> <choices> one" says the item again, no part
        elif (toks[i] == "one" or toks[i].isdigit()) and quantity_token(toks, i) is not None:
            out.append((i, int(toks[i]) if toks[i].isdigit() else 1))
        elif toks[i].isdigit() and 0 < int(toks[i]) < _MAX_PART and i + 1 in covered and toks[i + 1] in PREPOSITION_UNITS:
            out.append((i, int(toks[i])))  # "two in coco bread": the "in" opens a choice said, it is no inch
    return out


_PERSON_ONE_LEADS = words("person_one_leads")


def _of_them(toks: Sequence[str], i: int) -> bool:
    """"one of them": the "one" at ``i`` picks out some units of the counted item, a part of it."""
    return toks[i + 1:i + 2] == ["of"] and i + 2 < len(toks) and toks[i + 2] in _PLURAL_REFS


def _article_one(toks: Sequence[str], i: int, covered: set[int]) -> bool:
    """The "one" at ``i`` closes "a <choices> one" ("a large one"): it stands for the product, it counts nothing."""
    j = i - 1
    while j >= 0 and j in covered:
        j -= 1
    return j < i - 1 and j >= 0 and toks[j] in ("a", "an", "another")


def split(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention], roles: list[str],
           covered: set[int], summaries: Sequence[Mention] = ()) -> list[ItemSpec]:
    """"two lattes, one with oat and one with almond", "one decaf and one regular mocha" -> lines.
    "two large pies, one pepperoni and one hawaiian": the count before a summing-up word ("pies") is the
    total, not a line; its options ("large") go to each product of that kind named after it."""
    opt_pos = [m.start for m, r in zip(mentions, roles, strict=True) if r == "option"]
    lead: list[tuple[Mention, list[OptionSpec]]] = []
    out: list[ItemSpec] = []
    prev_end = 0
    for k, item in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        limit = nxt.start if nxt is not None else len(toks)
        post = []
        counted = _counted_as_choice(toks, item)  # "a dozen gold balloons", "sixteen plates" (two 8 packs)
        plural = item.quantity is None and said_plural(lex, toks, item) and not counted
        listed = not plural and not counted and _listed_parts(toks, item, limit, covered, opt_pos)
        plural = plural or listed  # "kitchen cotton four white and two ombre": shared out as a plural is
        # "two fruit teas, a mango and a grapefruit"; "beam wiper blades a 24 inch and a 19 inch"
        many = (item.quantity is not None and item.quantity >= 2) or plural or counted
        for pos, qty in _markers(toks, item.end, limit, covered, True):
            if not many and toks[pos] in ("a", "an") and not _another_made(lex, toks, item, pos, limit, covered):
                continue  # an article starts a part only of a counted item, or one made otherwise after "and"
            if pos == item.end and item.quantity is not None and pos + 1 < len(toks) and toks[pos + 1] in COUNT_UNITS \
                    and read_quantity(toks, item.start, prev_end, covered)[0] is None:
                continue  # "hem two pairs of pants with cuffs": the count and its unit right after the item (no
                # count before it, with its unit or not: "two dozen eggs one dozen brown" has one) is its own count
            seg_end = min([p for p, _ in _markers(toks, pos + 1, limit, covered, many)] + [limit])
            has_opt = any(pos < p < seg_end for p in opt_pos)
            if toks[pos] in ("a", "an") and not has_opt:
                continue
            if nxt is not None and (not any(pos < p < nxt.start for p in opt_pos)
                                    or (glue_only(toks, pos + 1, nxt.start, covered)
                                        and not _counted_again(toks, pos, nxt.start, covered, many))):
                continue  # the next item's own quantity (and its modifiers; but in "two samosa chaats one mild four
                # samosas" the samosas have their own count, and "one mild" is a part of the chaats)
            generic = toks[pos] in ("one", "a", "an") or toks[pos].isdigit()
            if generic and item.quantity is None and not plural and not counted \
                    and not _more_ones(toks, item, pos, seg_end) and not _another_made(lex, toks, item, pos, limit, covered):
                continue  # "a latte ... just one": no second line
            if generic and not has_opt and not any(t in SUB_WORDS for t in toks[pos + 1:seg_end]):
                continue
            post.append((pos, qty))
        if plural and any(toks[pos] in ("a", "an") for pos, _ in post):
            post = [(pos, q) for pos, q in post if toks[pos] != "one"]  # "hoodies a black one ... a grey one"
        if plural and len(post) < 2:
            post = []  # uncounted "wiper blades" are shared out by two or more parts ("a 24 inch and a 19 inch")
        if not plural and any(toks[pos] in ("a", "an") for pos, _ in post) and sum(q for _, q in post) != item.quantity:
            # "a mango and a grapefruit" share out "two fruit teas" only when they add up to it; "two 6 foot cords
            # and a 100 foot one" is one more
            post = [(pos, q) for pos, q in post if toks[pos] not in ("a", "an")
                    or item.quantity is None and _another_made(lex, toks, item, pos, limit, covered)]
        post = _in_units(lex, toks, item, post)
        pre = _pre_markers(lex, toks, prev_end, item, covered, opt_pos, mentions)
        for summary in summaries:
            total = [(pos, q) for pos, q in pre if pos < summary.start]
            if total and summary.end <= item.start and any(pos >= summary.end for pos, _ in pre):
                cut = total[-1][0]
                lead.append((summary, [o for o in item.options if cut <= o.pos < summary.end]))
                item = ItemSpec(item.skus, item.quantity, [o for o in item.options if not cut <= o.pos < summary.end],
                                item.start, item.end, item.exact)
                pre = [(pos, q) for pos, q in pre if pos >= summary.end]
        prev_end = max(item.end, post[-1][0] + 1) if post else item.end  # (a part of this item, "two adult and
        # one child", is no part of the next one: "three lift tickets two adult and one child a kids group lesson")
        keep = []
        own_pos = _offered_at(lex, item, mentions, opt_pos)  # ("two samosa chaats one mild four samosas": the
        # mild is no samosa's, so "one mild" is no part of the samosas)
        for j, (pos, qty) in enumerate(pre):
            seg_end = pre[j + 1][0] if j + 1 < len(pre) else item.start
            if j == len(pre) - 1 or any(pos < p < seg_end for p in own_pos) \
                    or any(t in SUB_WORDS for t in toks[pos + 1:seg_end]):
                keep.append((pos, qty))
        pre = _in_units(lex, toks, item, keep) if len(keep) >= 2 else []  # "a dozen pink and a dozen blue balloons"
        if not post and not pre:
            out.append(item)
            continue
        bounds = [p for p, _ in pre] + [p for p, _ in post]
        qtys = [q for _, q in pre] + [q for _, q in post]
        head_end = post[0][0] if post else item.end
        shared: list[OptionSpec] = []
        subs: list[ItemSpec] = []
        apart = not pre and _own_lines(lex, toks, item, post, limit, head_end)
        if apart:  # "three tuna cat food cans and three salmon ones": more lines, the first keeps its count
            subs.append(ItemSpec(item.skus, item.quantity, [o for o in item.options if o.pos < head_end],
                                 item.start, item.end, item.exact))
        elif not pre:
            head = [o for o in item.options if o.pos < head_end]
            if (item.quantity is not None and item.quantity >= 2) or listed or _plural_shared(lex, toks, item, post):
                shared = head  # "two lattes with oat milk, one with vanilla ..."
            else:
                subs.append(ItemSpec(item.skus, item.quantity, head, item.start, item.end, item.exact))
        for j, start in enumerate(bounds):
            end = bounds[j + 1] if j + 1 < len(bounds) else limit
            if pre and j == len(pre) - 1:
                end = head_end if post else limit  # the last pre segment runs through the product itself (and
                # what is said after it: "a chocolate and a vanilla shake, both large")
            mine = [o for o in item.options if start <= o.pos < end] or \
                (_plain_choice(lex, toks, item, start, end, head_end) if apart else [])
            if apart:
                mine += _noun_modifiers_kept(lex, item, mine)
            subs.append(ItemSpec(item.skus, qtys[j], [*shared, *mine], start, end, item.exact))
        if pre:
            _share_noun_modifiers(subs[:len(pre)], head_end)
            _share_after_noun(lex, subs[:len(pre)], item.end, head_end if post else limit)
        said = sum(s.quantity or 1 for s in subs) + _last_part_named(toks, item, nxt, post)
        if apart:
            pass
        elif item.quantity is not None and not pre and said < item.quantity and shared:
            subs.append(ItemSpec(item.skus, item.quantity - said, list(shared), item.start, item.end, item.exact))
        elif item.quantity is not None and not pre and said < item.quantity and not shared and item.quantity >= 2:
            subs.append(ItemSpec(item.skus, item.quantity - said, [], item.start, item.end, item.exact))
        if counted:
            subs = [_counted_in_packs(lex, sub) for sub in subs]
        out.extend(subs)
    for summary, opts in lead:  # the summed-up kind's options on every line of that kind after it
        kinds = {t.sku for t in summary.products} or {sku for t in summary.options for sku in lex.option_skus.get(
            (t.group, t.value), ())}  # "two pints, one ipa and one lager": what comes in pints
        for it in out:
            narrowed = tuple(sku for sku in it.skus if sku in kinds)
            if it.start >= summary.end and len(it.skus) > 1 and narrowed:
                it.skus = _of_kind(lex, toks, it, narrowed, summary)  # "three pizzas, ... and one cheese"
            if it.start >= summary.end and set(it.skus) & kinds:
                have = {t.group for o in it.options for t in o.targets}
                it.options.extend(o for o in opts if not {t.group for t in o.targets} & have)
    return out


def _another_made(lex: Lexicon, toks: Sequence[str], item: ItemSpec, pos: int, limit: int, covered: set[int]) -> bool:
    """"six piece jerk wings pineapple jerk and a twenty piece plain jerk extra hot": "and", an article or a count,
    then a choice of a one-choice group the item chose already, another value of it (in the words up to the next
    part): one more of that product, made otherwise, not the item's own count said again."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None or pos < 1 or toks[pos - 1] != "and":
        return False
    end = min([p for p, _ in _markers(toks, pos + 1, limit, covered, True)] + [limit])

    def single(o: OptionSpec) -> set[tuple[str, str]]:
        return {(t.group, t.value) for t in o.targets if (g := product.group(t.group)) is not None
                and not g.multiple and g.value(t.value) is not None}

    chosen = {gv for o in item.options if o.pos < pos for gv in single(o)}
    said = {gv for o in item.options if pos < o.pos < end for gv in single(o)}
    first = min((o.pos for o in item.options if pos < o.pos < end), default=end)
    if any(t in _SIDE_OF_CHOICE for t in toks[pos + 1:first]):
        return False  # "and a side of spicy mayo" to a poke bowl with ponzu: a side of the sauce, no second bowl
    return any(g == g2 and v != v2 for g, v in said for g2, v2 in chosen) and not said & chosen


def _last_part_named(toks: Sequence[str], item: ItemSpec, nxt: ItemSpec | None, post: Sequence[tuple[int, int]]) -> int:
    """"three slices one pepperoni one mushroom and one plain", where "plain" names the sliced product itself: the
    part counted right before the next item, of the item's own product, is one of its parts (its count, to take off
    the rest); 0 when there is none."""
    if nxt is None or not post or nxt.skus != item.skus or nxt.quantity is None or nxt.start < 1 \
            or not (toks[nxt.start - 1] == "one" or toks[nxt.start - 1].isdigit()):
        return 0
    return nxt.quantity if "and" in toks[post[-1][0]:nxt.start] or nxt.start - 1 == post[-1][0] + 2 else 0


def _listed_parts(toks: Sequence[str], item: ItemSpec, limit: int, covered: set[int], opt_pos: Sequence[int]) -> bool:
    """"kitchen cotton please four white and two of the ombre": a product named bare (no count, no article), then
    right after it (past fillers) two or more counts each with a choice of its own, is shared out among them as a
    product said in the plural is; no line of its own besides."""
    if item.quantity is not None or (item.start > 0 and toks[item.start - 1] in ("a", "an", "another")):
        return False
    marks = [pos for pos, _ in _markers(toks, item.end, limit, covered)]
    if len(marks) < 2 or not all(t in FILLER_WORDS for t in toks[item.end:marks[0]]):
        return False
    bounds = [*marks, limit]
    return all(any(bounds[j] < p < bounds[j + 1] for p in opt_pos) for j in range(len(marks)))


def _counted_again(toks: Sequence[str], pos: int, end: int, covered: set[int], articles: bool) -> bool:
    """Another count or article that starts a sub-item lies after the count at ``pos``, past a choice, before
    ``end``: the count at ``pos`` is not the one of what starts at ``end``."""
    return any(covered & set(range(pos + 1, p)) for p, _ in _markers(toks, pos + 1, end, covered, articles))


def _offered_at(lex: Lexicon, item: ItemSpec, mentions: Sequence[Mention], opt_pos: Sequence[int]) -> list[int]:
    """Where the choices said that some product of ``item`` comes in start (of ``opt_pos``)."""
    return [m.start for m in mentions if m.start in opt_pos and any(
        sku in lex.option_skus.get((t.group, t.value), ()) for sku in item.skus for t in m.options)]


def _in_units(lex: Lexicon, toks: Sequence[str], item: ItemSpec, marks: list[tuple[int, int]]
              ) -> list[tuple[int, int]]:
    """"two dozen cupcakes, a dozen vanilla and a dozen red velvet": a part's count said with a unit ("12 dozen")
    that names the product's own choice (its "dozen" pack) counts that choice, as for the item (one of it), not
    twelve of them; "a pair of navy socks and a pair of grey ones": a pair of a product sold by the pair is one."""
    out = []
    for pos, qty in marks:
        unit = unit_choice(lex, toks, pos + 2, pos, item.skus, qty) if toks[pos + 1:pos + 2] \
            and toks[pos + 1] in COUNT_UNITS else None
        out.append((pos, unit[0] if unit is not None else qty if toks[pos + 1:pos + 2] != ["pair"]
                    else in_units(lex, toks, pos + 2, pos, item.skus, qty) or qty))  # "and a pair of grey ones": one pair
    return out


def _counted_as_choice(toks: Sequence[str], item: ItemSpec) -> bool:
    """"a dozen gold balloons" sold by the dozen, "twenty plates" in packs of twenty: a count said before the
    item (past its own choices) that became its pack choice; the item is counted, one of that pack."""
    said = {k for o in item.options if 0 <= o.pos < item.start for k in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    j = item.start - 1
    while j >= 0 and (j in said or toks[j] in COUNT_UNITS):
        j -= 1
    return j >= 0 and toks[j].isdigit() and any(o.pos < 0 for o in item.options)


def _counted_in_packs(lex: Lexicon, sub: ItemSpec) -> ItemSpec:
    """"twenty white plates and fifty pink ones" for plates in packs of 8, 20 or 50: a part counted as the item was,
    its count a pack size (one of that pack) or a whole number of one (that many of it); as it was otherwise."""
    groups = {t.group for o in sub.options for t in o.targets}
    pieces = piece_count(lex, sub.skus, sub.quantity)
    if pieces is not None and not groups & {t.group for t in pieces.targets}:
        return ItemSpec(sub.skus, None, [pieces, *sub.options], sub.start, sub.end, sub.exact)
    packs = packs_of(lex, sub.skus, sub.quantity)
    if packs is not None and not groups & {t.group for t in packs[1].targets}:
        return ItemSpec(sub.skus, packs[0], [packs[1], *sub.options], sub.start, sub.end, sub.exact)
    return sub


def _more_ones(toks: Sequence[str], item: ItemSpec, pos: int, seg_end: int) -> bool:
    """"a hot latte and two iced ones", "a 24 inch wiper for my truck and two 19 inch ones": after an item said with
    an article, "and" then a count, choices and "ones" is more of that product made otherwise (as
    :func:`_own_lines` tells), not the item's own count said again."""
    said = {k for o in item.options if 0 <= o.pos < item.start for k in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    j = item.start - 1
    while j in said:
        j -= 1  # past the item's choices said before it ("a 24 inch wiper")
    return j >= 0 and toks[j] in ("a", "an") and "and" in toks[item.end:pos] and pos + 1 < seg_end \
        and toks[pos] != "one" and "ones" in toks[pos + 1:seg_end]


def _plural_shared(lex: Lexicon, toks: Sequence[str], item: ItemSpec, post: Sequence[tuple[int, int]]) -> bool:
    """"two egg breakfasts one scrambled and one over easy" (the "two egg breakfast": its "two" is of its name), "lattes,
    one with oat milk and one with vanilla": a product said in the plural with no count of its own, split into two
    or more units, is shared out among them; no line of its own besides (one counted as one where its number is of its
    name is said in the plural all the same)."""
    return item.quantity in (None, 1) and len(post) >= 2 and said_plural(lex, toks, item)


def _own_lines(lex: Lexicon, toks: Sequence[str], item: ItemSpec, post: Sequence[tuple[int, int]], limit: int,
               head_end: int) -> bool:
    """"three tuna cat food cans and three salmon ones": counted parts joined to an item by "and" that give another
    value of a one-choice group the item already has ("tuna", then "salmon"), or that count more than the item
    ("two organic lemons and four regular ones"), are lines of their own, not a share-out
    of the item's count (as in "two lattes with oat milk, one with vanilla and one with caramel", or "two large
    lattes, one small", said without "and")."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None or not post or "and" not in toks[item.end:post[0][0]]:
        return False
    if item.quantity is not None and (sum(q for _, q in post) > item.quantity
                                      or len(post) == 1 and post[0][1] >= item.quantity):
        return True  # "two organic lemons and four regular ones": more than the item's count, no share of it
    head = _head_groups(product, item, head_end)
    bounds = [p for p, _ in post] + [limit]
    return all(any(t.group in head and (g := product.group(t.group)) is not None and g.value(t.value) is not None
                   for o in item.options if bounds[j] <= o.pos < bounds[j + 1] for t in o.targets)
               or _said_plain(toks, item, bounds[j], bounds[j + 1]) and bool(head)
               for j in range(len(post)))


def _head_groups(product: Product, item: ItemSpec, head_end: int) -> set[str]:
    """The one-choice groups the item's own words chose ("garlic" of "two garlic naans")."""
    return {t.group for o in item.options if o.pos < head_end for t in o.targets
            if (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None}


def _said_plain(toks: Sequence[str], item: ItemSpec, start: int, end: int) -> bool:
    """A part said as a count and a plain word only ("... and one plain"): nothing of its own chosen."""
    said = [t for t in toks[start + 1:end] if t not in ("one", "ones")]
    return bool(said) and all(t in _PLAIN_PART for t in said) \
        and not any(start <= o.pos < end for o in item.options)


def _plain_choice(lex: Lexicon, toks: Sequence[str], item: ItemSpec, start: int, end: int,
                  head_end: int) -> list[OptionSpec]:
    """"two garlic naans and one plain": the value of a group the item chose that the plain word names for that
    product ("plain naan"); none (the product's default) when no value answers to it."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None or not _said_plain(toks, item, start, end):
        return []
    head = _head_groups(product, item, head_end)
    for k in range(start + 1, end):
        own = tuple(t for t in lex.guarded.get(toks[k], ()) if t.group in head
                    and (g := product.group(t.group)) is not None and g.value(t.value) is not None)
        if len({(t.group, t.value) for t in own}) == 1:
            return [OptionSpec(own[:1], pos=k, said=toks[k])]
    return []


def _noun_modifiers_kept(lex: Lexicon, item: ItemSpec, mine: Sequence[OptionSpec]) -> list[OptionSpec]:
    """"two white 14 inch zippers and two black ones": "ones" stands for what follows the choice it changes ("14
    inch zippers"), so a line of its own takes the item's one-choice choices said between that choice and the
    noun, of groups it does not say itself; not those said before it or after the noun ("two large lattes with oat
    and two small ones": no oat)."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None:
        return []

    def groups(o: OptionSpec) -> set[str]:
        return {t.group for t in o.targets if (g := product.group(t.group)) is not None and not g.multiple
                and g.value(t.value) is not None}

    said = {c for o in mine for c in groups(o)}
    head = [o for o in item.options if 0 <= o.pos < item.start and o not in mine]
    pivot = max((o.pos for o in head if groups(o) & said), default=None)
    if pivot is None:
        return _before_choice_after_noun(item, mine, groups, said)
    return [o for o in head if o.pos > pivot and len(groups(o)) == 1 and not groups(o) & said]


def _before_choice_after_noun(item: ItemSpec, mine: Sequence[OptionSpec], groups: Callable[[OptionSpec], set[str]],
                              said: set[str]) -> list[OptionSpec]:
    """"two merino dk in sea glass and two in the oatmeal": a part that changes a choice said after the noun ("in sea
    glass") says the item again up to that choice, so it takes the item's one-choice choices said before it ("dk"),
    of groups it does not say itself."""
    late = [o for o in item.options if o.pos >= item.end and o not in mine]
    pivot = min((o.pos for o in late if groups(o) & said), default=None)
    if pivot is None:
        return []
    return [o for o in item.options if 0 <= o.pos < pivot and o not in mine and len(groups(o)) == 1
            and not groups(o) & said]


def _share_noun_modifiers(subs: Sequence[ItemSpec], head_end: int) -> None:
    """"a large and a small cola soda": the sub-items before a product differ by a group they all name ("large",
    "small"); a choice of another group said after the last of those, right before the product ("cola"), modifies
    the noun they share, so every sub-item gets it (one that chose that group itself keeps its own). A choice said
    before the last differing one ("a chocolate and a large vanilla shake") stays where it was said."""
    if len(subs) < 2:
        return

    def groups(opts: Iterable[OptionSpec]) -> set[str]:
        return {t.group for o in opts for t in o.targets}

    common = set.intersection(*(groups(s.options) for s in subs))
    last = subs[-1]
    pivot = max((o.pos for o in last.options if groups([o]) & common), default=None)
    if pivot is None:
        return
    tail = [o for o in last.options if pivot < o.pos < head_end and not groups([o]) & common]
    for sub in subs[:-1]:
        have = groups(sub.options)
        sub.options.extend(o for o in tail if not groups([o]) & have)


def _share_after_noun(lex: Lexicon, subs: Sequence[ItemSpec], noun_end: int, end: int) -> None:
    """"a dozen purple and a dozen yellow balloons with helium", "a three and a zero foil balloon 34 inch": the
    sub-items before a product they share the noun of; a choice said after that noun (up to ``end``) is of the noun,
    so every sub-item gets it, but one that chose that group itself (the last holds them as said)."""
    if len(subs) < 2:
        return
    product = lex.products.get(subs[-1].skus[0]) if len(subs[-1].skus) == 1 else None
    tail = [o for o in subs[-1].options if noun_end <= o.pos < end]
    if product is None or not tail:
        return
    for sub in subs[:-1]:
        have = {t.group for o in sub.options for t in o.targets}
        sub.options.extend(o for o in tail if not {t.group for t in o.targets} & have)


def _pre_markers(lex: Lexicon, toks: Sequence[str], a: int, item: ItemSpec, covered: set[int],
                 opt_pos: Sequence[int], mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The sub-item starts before ``item``; "a mango and a strawberry slush", "a small and a large fries": an
    article before each of two or more values of one group, said before the product, starts a sub-item too."""
    plain = _markers(toks, a, item.start, covered)
    marks = _markers(toks, a, item.start, covered, articles=True)
    if len(marks) < 2 or marks == plain:
        return plain
    groups: list[set[str]] = []
    apart = _counts_apart(toks, marks)
    offered = {g.code for sku in item.skus if (prod := lex.products.get(sku)) is not None for g in prod.option_groups}
    for j, (pos, _) in enumerate(marks):
        end = marks[j + 1][0] if j + 1 < len(marks) else item.start
        said = {t.group for m in mentions if pos < m.start < end and m.start in opt_pos for t in m.options}
        if not said and not (apart and j == len(marks) - 1):
            return plain
        if said and not said & offered:
            apart = False  # "a regular udon in the shoyu with pork and two lemon sodas": choices of another
            # product (a dish said by its parts), no line of the sodas
        groups.append(said)
    return marks if apart or set.intersection(*groups) else plain


def _counts_apart(toks: Sequence[str], marks: Sequence[tuple[int, int]]) -> bool:
    """"a roll of super 33 and two rolls of white tape": counts that differ, each phrase after the first opened
    right after "and", start a line each, though their choices are of different groups (groups of the item's own
    product, see :func:`_pre_markers`) (the last phrase's choice
    may be said in the product's own words)."""
    return len({q for _, q in marks}) > 1 and all(pos > 0 and toks[pos - 1] == "and" for pos, _ in marks[1:])


def _of_kind(lex: Lexicon, toks: Sequence[str], item: ItemSpec, skus: tuple[str, ...], summary: Mention) -> tuple[str, ...]:
    """The products of the summed-up kind an item may be; the one named by the item's words plus the kind's
    noun when there is exactly one ("one cheese" of "three pizzas" is the cheese pizza, not the four cheese)."""
    kind_words = {w for t in toks[summary.start:summary.end] for w in (t, t[:-1] if t.endswith("s") else t)}
    said = tuple(t for t in toks[item.start:item.end] if t not in GLUE and not t.isdigit() and t != "one")
    exact = [sku for sku in skus if sku in lex.products and any(
        tuple(w for w in name if w not in kind_words) == said for name in own_names(lex.products[sku]))]
    return (exact[0],) if len(exact) == 1 else skus



def parts_of_them(toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"two full stacks of the buttermilk one of them with real maple syrup" said with no product word (choices
    only): "one of them" (a count, "of", "them"/"those") after the counted item's choices takes that many out as a
    line of its own, made as the rest and with the choices said after it."""
    if len(items) != 1 or items[0].quantity is None or items[0].quantity < 2:
        return items
    item = items[0]
    total = item.quantity
    first = min((o.pos for o in item.options), default=len(toks))
    cut = next((i for i in range(first + 1, len(toks) - 2) if _of_them(toks, i)
                and (toks[i] == "one" or toks[i].isdigit())), None)
    if cut is None:
        return items
    part = 1 if toks[cut] == "one" else int(toks[cut])
    head = [o for o in item.options if o.pos < cut]
    tail = [o for o in item.options if o.pos > cut]
    if total is None or part >= total or not tail:
        return items
    changed = {t.group for o in tail for t in o.targets}
    kept = [o for o in head if not {t.group for t in o.targets} & changed]
    return [ItemSpec(item.skus, total - part, head, item.start, cut, item.exact),
            ItemSpec(item.skus, part, [*kept, *tail], cut, item.end, item.exact)]
