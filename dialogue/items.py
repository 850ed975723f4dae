"""Items out of one utterance: which products, how many, with which options.

Works over catalog mentions (:mod:`dialogue.matcher`): options attach to the product they sit next to
("a large iced latte with oat milk and a mocha"), quantities are read just before a product ("two",
"a couple of", "another"), "two lattes, one with oat and one with almond" splits into lines, and a
correction mid-sentence ("a latte, no, a mocha") drops the corrected item.

:func:`extract_items` runs the steps; each lives in the module of its concept: :mod:`dialogue.roles` (what each
mention is), :mod:`dialogue.attach` (which item a choice belongs to), :mod:`dialogue.choice_items` (choices said as
items), :mod:`dialogue.splits` and :mod:`dialogue.parts` (one noun phrase or counted item into several lines),
:mod:`dialogue.ones` ("a large one", "the peach one"), :mod:`dialogue.several_items` (what is said once for several
items), :mod:`dialogue.corrections` (corrections and swaps), :mod:`dialogue.item_words` (the word tables they share).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from dialogue.attach import (
    before_its_owner,
    choice_of_the_one_before,
    for_what,
    named_for_it,
    named_owner,
    offers,
    ones_of_package,
    option_spec,
    own_choice,
    with_earlier,
)
from dialogue.choice_items import choice_ending_in_product, choice_in_name, choices_name_item, value_items
from dialogue.corrections import (
    SWAP,
    choice_gone,
    corrections,
    counts_repaired,
    swap_frame,
    swapped_right_after,
    swapped_within,
    taken_back,
)
from dialogue.counted_for import count_for_goods
from dialogue.everything import with_everything
from dialogue.intents import find
from dialogue.item_words import CONTAINERS, LIST_ARTICLES, MEASURES, glue_only
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.named_by_choice import named_by_choice
from dialogue.named_groups import group_said_as_item, place_by_group_named
from dialogue.notes import mark_notes
from dialogue.numbers import COUNT_UNITS
from dialogue.ones import (
    another_one,
    another_unnamed,
    choice_named_kind,
    choice_one_of_the_line,
    kind_named_alone,
    named_again,
    one_of_the_kind,
    one_said_at,
    the_one_said,
)
from dialogue.owners import value_owner
from dialogue.package_choices import package_choice
from dialogue.packaging import choice_package_of_next, package_counted_after, package_of_next
from dialogue.parts import (
    each_value,
    halves_of_line,
    in_halves,
    one_each,
    parts_as_choices,
    parts_named_again,
    parts_of_noun,
    rebalance,
)
from dialogue.phrasebook import words
from dialogue.quantity import (
    COUNT_NOUNS,
    SEPARATORS,
    count_after,
    count_closing,
    count_of_described,
    count_of_pieces,
    count_of_those,
    counted_choice,
    group_count,
    in_units,
    numbered_choice,
    packs_of,
    pair_count,
    piece_count,
    quantity_token,
    read_quantity,
    times_over,
    times_said,
    unit_choice,
)
from dialogue.roles import containers_in_plural, mention_roles, project
from dialogue.several_items import (
    all_of_one_kind,
    choice_totals,
    every,
    narrow,
    needed_for_all,
    own_names,
    per_item,
    plural_for_all,
    same_as_before,
    shared_head,
    summed_up,
)
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.splits import split
from dialogue.words import STOPWORDS

__all__ = [  # the entry point, and what callers import from here
    "choice_named_kind",
    "choice_one_of_the_line",
    "extract_items",
    "halves_of_line",
    "kind_named_alone",
    "one_of_the_kind",
    "per_item",
    "swap_frame",
    "swapped_within",
]

# Nouns that make a product word a modifier of something else ("the coffee bar", "coffee beans").
_NOT_ITEM_HEADS = words("not_item_heads")
_POSSESSIVES = words("possessives")


def _own_choice_next(lex: Lexicon, mentions: Sequence[Mention], m: Mention) -> bool:
    """"naproxen store brand", "ibuprofen house brand": the word after the product starts a choice that product
    offers, so it names the product's choice, not a place or thing the product is a word of ("a coffee shop")."""
    return any(n.start == m.end and n.options and not n.products
               and any(t.sku in lex.option_skus.get((o.group, o.value), ()) for o in n.options for t in m.products)
               for n in mentions)


def _choices_joined(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """"a red and a yellow pepper and half a watermelon": a choice joined by "and" or "or" to another choice said
    right before a product (articles and counts between) is a choice of that product too, one line each."""
    joins = [i for i in range(a, b) if toks[i] in ("and", "or")]
    return bool(joins) and any(i in covered for i in range(joins[-1], b)) and all(
        i in covered or i in joins or quantity_token(toks, i) is not None
        or toks[i] in COUNT_UNITS and toks[i - 1].isdigit() for i in range(a, b))  # ("a dozen pink and a dozen blue")


def _container_of_next(toks: Sequence[str], m: Mention, before: Sequence[ItemSpec], target: ItemSpec) -> bool:
    """"a bag of carrots and a bunch of organic kale": a choice word said as the container of the item after it (an
    article or a count, the word, "of"), past a separator from the item before, is only that item's measure,
    though the item before offers a choice so named ("bunch" carrots)."""
    at = m.start - 1
    return bool(before) and m.end < target.start and toks[m.end] == "of" and at >= before[-1].end \
        and quantity_token(toks, at) is not None and any(t in SEPARATORS for t in toks[before[-1].end:at])


def _answer_before(toks: Sequence[str], m: Mention, item: ItemSpec) -> bool:
    """"earl grey and add a blueberry muffin", "oat please, and also a muffin": a choice said before the one item
    of the turn and parted from it by "and" or a separator is said on its own (an answer to the question asked, or
    a change of the line in focus), not a choice of that item when the item does not offer it."""
    return m.end < item.start and any(t in SEPARATORS for t in toks[m.end:item.start])


def _own_word_before(lex: Lexicon, toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """"a sixteen inch coated tom head": one word the catalog does not know, said right before the product (the
    shopper's own name for its kind: "tom", "snare"), with only glue before it, joins the choices to the product as
    glue would."""
    last = b - 1
    return a <= last and last not in covered and toks[last].isalpha() and len(toks[last]) >= 3 \
        and not lex.known(toks[last]) and toks[last] not in STOPWORDS and toks[last] not in SEPARATORS \
        and glue_only(toks, a, last, covered)


def _of_what_was_said(toks: Sequence[str], m: Mention) -> bool:
    """"four fat quarters of that": the choice is said of what was said before ("of that", "of those", "of it")."""
    return said_of_what_was_said(toks) and all(t in _TAIL_FILL for t in toks[m.end + 2:])


def said_of_what_was_said(toks: Sequence[str]) -> bool:
    """The turn ends "of that" / "of those please" / "of it": what it says is of what was said before."""
    end = len(toks)
    while end > 0 and toks[end - 1] in _TAIL_FILL:
        end -= 1
    return end >= 2 and toks[end - 2] == "of" and toks[end - 1] in _POINTING_BACK


_TAIL_FILL = frozenset({"please", "too", "then", "thanks"})


_POINTING_BACK = words("said_before_pointers")


def _count_between(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """A count or an article in [a, b), not part of a mention ("a purple four foot leash"): what comes after it is
    a new noun phrase."""
    return any(i not in covered and quantity_token(toks, i) is not None for i in range(a, b))


def _counted_out(toks: Sequence[str], at: int, after: Sequence[ItemSpec]) -> bool:
    """"Two footlongs one turkey and one italian bmt", "three large two pepperoni one cheese": the count said at
    ``at`` (before a choice) is made up by the counts of two or more of the items said next, each counted: those
    items are the units counted, the choice theirs."""
    said = quantity_token(toks, at)
    if said is None or said < 2:
        return False
    total = 0
    for n, it in enumerate(after):
        if it.quantity is None:
            return False
        total += it.quantity
        if total >= said:
            return total == said and n >= 1
    return False


def extract_items(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention],
                  breaks: frozenset[int] = frozenset(),
                  lines: AbstractSet[str] = frozenset()) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """Items (in spoken order) and options that belong to no product in this utterance. ``breaks``: token
    positions where the text had a comma or a new sentence ("penne pasta, canola oil": two products)."""
    mentions = containers_in_plural(lex, toks, project(toks, mentions))
    roles = mention_roles(toks, mentions, breaks, lex, lines)
    mark_notes(lex, toks, mentions, roles)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    times = times_said(toks, {i for m in mentions if m.products for i in range(m.start, m.end)}, breaks)
    if times is not None:  # "cod and chips times two": the "2" counts the list, it names no choice
        keep = [k for k, m in enumerate(mentions) if not times[0] <= m.start < times[1]]
        mentions, roles = [mentions[k] for k in keep], [roles[k] for k in keep]
        covered = {i for m in mentions for i in range(m.start, m.end)}
    prods = [m for m, r in zip(mentions, roles, strict=True) if r == "product"
             and not (m.end < len(toks) and toks[m.end] in _NOT_ITEM_HEADS
                      and not _own_choice_next(lex, mentions, m))]
    items: list[ItemSpec] = []
    prev_end = 0
    if len(prods) > 1:  # "a mocha with a shot of espresso", "in a cappuccino cup": ingredients, containers
        for m in list(prods):
            k, follower = m.start - 1, toks[m.end] if m.end < len(toks) else ""
            if (k >= 1 and toks[k] == "of" and toks[k - 1] in MEASURES) or follower in CONTAINERS \
                    or (k >= 0 and toks[k] == "half" and not _half_size_of(lex, toks, mentions, m)) or (k >= 1 and toks[k] == "the" and toks[k - 1] in ("on", "in")) \
                    or _measure_of_itself(toks, mentions, prods, m) or package_of_next(lex, toks, mentions, m) \
                    or package_counted_after(toks, mentions, prods, m):
                prods.remove(m)  # ("a jar of fresh peanut butter": the nut butter's jar, no mason jar)
    prods = _one_noun_phrase(prods, breaks, toks)
    counted: set[int] = set()  # where a count read before a piece count was said ("two three piece combos")
    for m in prods:
        skus = tuple(dict.fromkeys(t.sku for t in m.products))
        if len(skus) > 1:  # "earl grey" when the menu has "earl grey" and "earl gray": the one named as said
            said = tuple(toks[m.start:m.end])
            named = [s for s in skus if s in lex.products and said in own_names(lex.products[s])]
            skus = (named[0],) if len(named) == 1 else skus
        qty, explicit = read_quantity(toks, m.start, prev_end, covered)
        if qty is None and (described := count_of_described(toks, m.start, m.end, prev_end, covered)) is not None:
            qty, explicit = described, True  # "two of the long french ones"
        said_qty = qty
        qty = in_units(lex, toks, m.start, prev_end, skus, qty)
        contained = m.start >= 2 and toks[m.start - 1] == "of" and toks[m.start - 2] not in COUNT_NOUNS
        measured = m.end - m.start >= 3 and toks[m.start + 1] == "of" and toks[m.start].endswith("s")  # "three
        # sides of bacon": the name's measure said in the plural, counted, not three of the bacon's strips (but "a 64
        # box of crayons", "a twenty pack of markers": the measure in the singular, its number the piece choice)
        pieces = piece_count(lex, skus, qty) if explicit and not contained and not measured and qty == said_qty \
            else None
        if pieces is not None and any(o.options and prev_end <= o.start < m.start and o.start not in counted
                                      and {t.group for t in o.options} & {t.group for t in pieces.targets}
                                      and not toks[o.start:o.end] == [str(qty)] for o in mentions):
            pieces = None  # "two packs of the three port connectors": the piece choice is said after the count
        # (not "3 orders of"; nor "a dozen siu mai" read as 3 baskets of 4: the pieces were counted already)
        count = count_of_pieces(toks, m.start, prev_end, qty) if pieces and qty else None
        unit = unit_choice(lex, toks, m.start, prev_end, skus, qty) if explicit and not contained and not pieces \
            else None  # "two dozen eggs": two of the eggs' "dozen"
        if unit is None and explicit and not contained and not pieces and qty == said_qty:
            unit = packs_of(lex, skus, qty)  # "a hundred plates" sold 20 or 50 to a pack: two of the 50
        items.append(ItemSpec(skus, count[1] if count else None if pieces else unit[0] if unit else
                              qty if explicit else None,
                              [pieces] if pieces else [unit[1]] if unit else own_choice(lex, toks, m, skus),
                              m.start, m.end, exact=all(t.exact for t in m.products)))
        if count:
            counted.add(count[0])
        if not pieces and not unit and (boxed := package_choice(lex, toks, m.start, prev_end, skus, covered)):
            items[-1].options.append(boxed)  # "a box of alto reeds": their "box of 10"
        prev_end = m.end
    pair_count(lex, toks, items, breaks)
    grouped = group_count(lex, toks, items, mentions)
    count_after(lex, toks, items, mentions, breaks)
    count_for_goods(lex, toks, items, mentions, breaks)  # "the disposal fee for the four old tires"
    count_of_those(lex, toks, items)
    numbered = numbered_choice(lex, toks, items, mentions)
    made = value_items(lex, toks, mentions, roles, items, covered, breaks) | counted | grouped | numbered \
        | count_closing(lex, toks, items, mentions, numbered)
    made |= choices_name_item(lex, toks, mentions, roles, items, covered, made, breaks)
    made |= choice_in_name(lex, toks, mentions, roles, items, covered, made)
    made |= choice_ending_in_product(lex, toks, mentions, roles, items, covered, made)
    frame = swap_frame(toks)
    loose: list[OptionSpec] = []
    prev_mention_end = 0
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or m.start in made:
            prev_mention_end = m.end
            continue
        spec = option_spec(toks, m, prev_mention_end)
        floor = prev_mention_end
        prev_mention_end = m.end
        if for_what(toks, m.start, before := [it for it in items if it.end <= m.start]) and not offers(lex, before[-1], m):
            offering = [it for it in items if offers(lex, it, m)]
            if len(offering) != 1:
                continue  # "a zipper for a dress": what it is for
            # "a screen protector and installation for an iphone 15": the choice of the one item of the sentence
            # that offers it (the installation is for that phone too)
        own = None if m.part or _of_what_was_said(toks, m) else named_owner(lex, toks, m)  # ("a dozen 6
        # everything": no half dozen; "four fat quarters of that": of the line said before, no new one)
        if own is not None and choice_package_of_next(lex, toks, mentions, m) not in (None, own):
            own = None  # "a small jar of the honey roasted peanut butter": the size of the nut butter's jar
        if own is not None and with_earlier(lex, toks, items, m):
            own = None  # "an everything with lox spread": the spread on the bagel, though "lox" names a sandwich
        if own is not None and not any(own in it.skus for it in items):
            qty, explicit = read_quantity(toks, m.start, floor, covered)  # "a raspberry danish": the danish
            counted_qty, counted_opts = counted_choice(lex, toks, m.start, floor, (own,), qty, [spec]) if explicit \
                else (qty, [])  # "a dozen free range eggs": one of the "dozen", as for "a dozen eggs"
            items.append(ItemSpec((own,), counted_qty if explicit else None, [*counted_opts, spec], m.start, m.end))
            items.sort(key=lambda it: it.start)
            continue
        before = [it for it in items if it.end <= m.start]
        after = [it for it in items if it.start >= m.end]
        target: ItemSpec | None = None
        swap_next = bool(before) and after and frame is not None and frame[2] and m.start < frame[1] \
            < after[0].start and offers(lex, before[-1], m)  # "with fruit instead of the hash browns": the item
        # before's choice, not the hash browns' (so "and sub fruit for the hash browns")
        counted_apart = m.start > floor and quantity_token(toks, m.start - 1) is not None \
            and m.end < len(toks) and m.end not in covered and quantity_token(toks, m.end) is not None \
            and not _counted_out(toks, m.start - 1, after) if after else False  # "one ube one matcha":
        # two noun phrases, each counted, not a ube matcha (but "two footlongs one turkey and one italian bmt": the
        # footlongs counted out, each of them a footlong)
        if after and (glue_only(toks, m.end, after[0].start, covered) or _choices_joined(toks, m.end, after[0].start,
                                                                                          covered)
                      or _own_word_before(lex, toks, m.end, after[0].start, covered)) and not swap_next \
                and not counted_apart:
            if not before or any(toks[i] in SEPARATORS or quantity_token(toks, i) is not None
                                 for i in range(before[-1].end, m.start)) \
                    or find(toks[before[-1].end:m.start], SWAP) >= 0 \
                    or (toks[m.end:m.end + 1] == ["of"] or toks[m.end - 1] == "of") and offers(lex, after[0], m):
                target = after[0]  # "... instead of the strawberry shake"; "make it two pounds of chicken thighs"
        if target is not None and not offers(lex, target, m) and _container_of_next(toks, m, before, target):
            continue  # "a bag of carrots and a bunch of kale": the kale's bunch, no choice of the carrots
        if target is not None and before and offers(lex, before[-1], m) \
                and (not offers(lex, target, m) or _count_between(toks, m.end, target.start, covered)):
            target = before[-1]  # a choice only the item before offers ("a flight with the wheat and the cider a
            # pretzel ...": the flight's, not the pretzel's), or one said before a count or an article, which starts
            # the next noun phrase ("a bowl with salmon and shrimp three musubis": the bowl's shrimp)
        if target is None and before and not after and swapped_right_after(toks, before[-1].end, m.start) \
                and len(before[-1].skus) == 1 and any(before[-1].skus[0] in lex.option_skus.get((t.group, t.value), ())
                                                      for t in spec.targets):
            # "a vanilla shake instead of the strawberry": the choice names the old line, of the same product
            items.append(ItemSpec(before[-1].skus, None, [spec], m.start, m.end))
            continue
        if target is None and before and (again := _measure_of_its_own(lex, toks, before[-1], m, covered)):
            items.append(ItemSpec((again,), None, [spec], m.start, m.end))
            items.sort(key=lambda it: it.start)
            continue  # "a coffee with oat milk and a pot of decaf": one more coffee, by the pot
        if target is None and before and after and glue_only(toks, m.end, after[0].start, covered) \
                and not offers(lex, before[-1], m) and offers(lex, after[0], m):
            target = after[0]  # "a quart of algaecide the seven way strips": the strips' choice, the item before
            # has no such choice
        if target is None and before and not offers(lex, before[-1], m) \
                and (owner := _own_item_apart(lex, toks, before[-1], m, spec, covered)) is not None:
            qty, explicit = read_quantity(toks, m.start, floor, covered)
            items.append(ItemSpec((owner,), qty if explicit else None, [spec], m.start, m.end))
            items.sort(key=lambda it: it.start)
            continue
        if target is None and before:
            target = before[-1]
        if target is None and after and glue_only(toks, m.end, after[0].start, covered) and not counted_apart:
            target = after[0]
        if target is None and len(items) == 1 and (offers(lex, items[0], m) or not _answer_before(toks, m, items[0])):
            target = items[0]  # one item in the sentence: its options may come anywhere
        if target is not None and target.start >= m.end and not (before and offers(lex, before[-1], m)) \
                and (owner := _own_item_ahead(lex, toks, target, m, spec, covered)) is not None:
            qty, explicit = read_quantity(toks, m.start, floor, covered)
            items.append(ItemSpec((owner,), qty if explicit else None, [spec], m.start, m.end))
            items.sort(key=lambda it: it.start)
            continue  # "a two fifty roll of twelve two six twenty amp outlets": the cable's, no outlet's
        if target is None:
            loose.append(spec)
        else:
            target.options.append(spec)
    loose = named_for_it(lex, toks, items, before_its_owner(lex, toks, items, loose, covered))
    narrow(lex, toks, items)
    place_by_group_named(lex, toks, mentions, roles, items, loose)
    ones_of_package(lex, toks, items, covered)
    summaries = [m for m, r in zip(mentions, roles, strict=True) if r == "ignore" and m.products]
    totals = choice_totals(lex, toks, mentions, roles, items, covered)
    selecting = {o for a in range(len(toks)) if (sel := one_said_at(lex, toks, items, covered, a)) for o in sel[0]}
    items = rebalance(lex, parts_named_again(lex, toks, parts_of_noun(lex, toks, split(lex, toks, items, mentions, roles,
                                                                          covered | selecting, [*summaries, *totals]))))
    items = parts_as_choices(lex, toks, items)  # "two meal for ones, one tikka masala and one rogan josh"
    items = in_halves(lex, toks, items)
    items = each_value(lex, toks, one_each(lex, items, toks))
    items = another_one(lex, toks, items, covered)
    items = another_unnamed(lex, toks, items, covered)
    the_one_said(lex, toks, items, covered)
    items = named_again(lex, toks, taken_back(toks, items))
    all_of_one_kind(toks, items, summaries)
    shared_head(toks, items, summaries)
    items = summed_up(lex, toks, items)
    every(lex, toks, items)
    needed_for_all(lex, toks, items)
    same_as_before(lex, toks, items)
    plural_for_all(lex, toks, items, breaks)
    with_everything(lex, toks, items, mentions)
    items = group_said_as_item(lex, toks, items)  # "a family pack ... with a two liter of pepsi": the pack's drink
    items = corrections(lex, toks, choice_gone(lex, toks, items))
    counts_repaired(toks, items)
    items = named_by_choice(lex, toks, choice_of_the_one_before(lex, toks, items))
    if times is not None:
        times_over(items, times, breaks)
    return items, loose


def _measure_of_its_own(lex: Lexicon, toks: Sequence[str], before: ItemSpec, m: Mention, covered: set[int]) -> str:
    """"a coffee with oat milk ... and a pot of decaf": a choice of the item before whose own name says it is a
    measure of that very product ("pot of coffee"), said as a measure ("and a <choice> of ...") in a phrase of its
    own, is one more item of that product so measured; "" when it is no such choice."""
    if len(before.skus) != 1 or toks[m.end:m.end + 1] != ["of"] or m.start < 2 or toks[m.start - 2] != "and" \
            or m.start - 1 in covered or quantity_token(toks, m.start - 1) is None:
        return ""
    product = lex.products.get(before.skus[0])
    if product is None:
        return ""
    said = tuple(toks[m.start:m.end])
    names = {phrase_of(n) for n in (product.name, *product.aliases)}
    for t in m.options:
        group = product.group(t.group)
        value = group.value(t.value) if group is not None else None
        if group is not None and value is not None and not group.multiple and any(
                (p := phrase_of(n))[:len(said) + 1] == (*said, "of") and p[len(said) + 1:] in names
                for n in (value.name, *value.aliases)):
            return product.sku
    return ""


def _opened_by_count(toks: Sequence[str], start: int, covered: set[int]) -> bool:
    """The choice at ``start`` opens a noun phrase of its own: an article or a count right before it (or before its
    measure: "a set of dive sticks", "a bag of the push in"), not said of people ("my two kids")."""
    k = start - 1
    if k >= 0 and toks[k] == "the":
        k -= 1
    if k >= 2 and toks[k] == "of" and k - 1 not in covered:
        k -= 2
    return k >= 0 and k not in covered and quantity_token(toks, k) is not None \
        and not (k > 0 and toks[k - 1] in _POSSESSIVES)


def _own_item_apart(lex: Lexicon, toks: Sequence[str], before: ItemSpec, m: Mention, spec: OptionSpec,
                    covered: set[int]) -> str | None:
    """"a unicorn float and a set of dive sticks": a choice said in a noun phrase of its own (a count or an article
    after the item before), which no product of that item offers, names the one product that offers it (the dive
    toys), an item of its own; None when it is no such choice."""
    if not _count_between(toks, before.end, m.start, covered) or "and" not in toks[before.end:m.start] \
            or not _opened_by_count(toks, m.start, covered) \
            or spec.amount == "none" or (before.quantity or 1) > 1 or toks[m.end:m.end + 1] in (["one"], ["ones"]):
        return None  # (not "no cheese", nor a part of a counted item: "two coffees ... and a small black one")
    owner = value_owner(lex, [spec], alone=True)
    return owner if owner is not None and owner not in before.skus else None


def _own_item_ahead(lex: Lexicon, toks: Sequence[str], after: ItemSpec, m: Mention, spec: OptionSpec,
                    covered: set[int]) -> str | None:
    """A choice said before an item that lacks it, with a count between them (the item's own: "a two fifty roll of
    twelve two six twenty amp outlets") or a swap ("instead of"), names the one product that offers it, an item of its own; None when it is
    no such choice."""
    swap = find(toks[m.end:after.start], SWAP) >= 0
    if offers(lex, after, m) or spec.amount == "none" or not (swap or _opened_by_count(toks, m.start, covered)) \
            or not (swap or _count_between(toks, m.end, after.start, covered)):
        return None  # ("a leaf rake instead of the brush": the rake, named by its choice, for the brush)
    owner = value_owner(lex, [spec], alone=True)
    return owner if owner is not None and owner not in after.skus else None


def _half_size_of(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], m: Mention) -> bool:
    """"a turkey club and a half reuben": "half" after an article, a choice the product named right after it offers
    (its half size), makes that product half; it is no ingredient share ("a latte with half oat milk")."""
    k = m.start - 1
    return k >= 1 and toks[k - 1] in ("a", "an") and any(
        o.start == k and o.end == m.start and any(t.sku in lex.option_skus.get((v.group, v.value), ())
                                                  for v in o.options for t in m.products) for o in mentions)


def _measure_of_itself(toks: Sequence[str], mentions: Sequence[Mention], prods: Sequence[Mention], m: Mention) -> bool:
    """"a spool of black thread", "ten skeins of embroidery floss in red", "1 spool grey thread": a product's name
    (one of its aliases is its unit) said before "of" and, past the item's own words, a name of that same product
    (or said right before that name and only its choices, or a bare name then a number: "laminate one sheet") is
    only the measure of that item, counted there, not an item of its own."""
    nxt = next((p for p in prods if p.start >= m.end), None)
    counted = nxt is not None and nxt.start == m.end + 1 and (toks[m.end].isdigit() or toks[m.end] == "one") \
        and quantity_token(toks, m.end) is not None and (m.start == 0 or quantity_token(toks, m.start - 1) is None)
    # ("laminate one sheet": the product's own word said as a verb, then how many of it)
    if nxt is None or nxt.start - m.end > 5 or not counted and any(toks[k] in SEPARATORS for k in range(m.end, nxt.start)):
        return False
    mine, its = {t.sku for t in m.products}, {t.sku for t in (nxt.exact_products or nxt.products)}
    if not its or not its <= mine:
        return False
    if counted:
        return True
    if m.end < len(toks) and toks[m.end] == "of":
        return True
    choices = {k for o in mentions if o.options and not o.products for k in range(o.start, o.end)}
    return nxt.start > m.end and all(k in choices for k in range(m.end, nxt.start))


def _one_noun_phrase(prods: list[Mention], breaks: frozenset[int] = frozenset(),
                     toks: Sequence[str] = ()) -> list[Mention]:
    """Two product names back to back are one drink ("a chai tea latte", "an english breakfast black tea"):
    the first when it is a full name (the more specific one), else the head ("black coffee" -> the coffee).
    Not in a list said without commas (:func:`_listed_bare`): "cod chips and mushy peas" is three items."""
    out: list[Mention] = []
    for n, m in enumerate(prods):
        if out and out[-1].end == m.start and m.start not in breaks \
                and not _listed_bare(toks, out[-1], m, prods[n + 1] if n + 1 < len(prods) else None):
            prev = out[-1]
            keep = prev if prev.exact_products else m
            out[-1] = Mention(prev.start, m.end, keep.targets)
            continue
        out.append(m)
    return out


def _listed_bare(toks: Sequence[str], prev: Mention, m: Mention, nxt: Mention | None) -> bool:
    """Two full names of different products back to back, the second followed by "and" and a third name with no
    count or article before it, are items of a list said without commas ("a pie chips and gravy", "cod chips and
    mushy peas"), not one name modifying the next. The third may have an article or a count when the first has none
    either ("milk eggs and a loaf of bread": a bare list, where "an earl grey black tea and a scone" is one tea)."""
    if nxt is None or not prev.exact_products or not m.exact_products \
            or {t.sku for t in prev.exact_products} & {t.sku for t in m.exact_products}:
        return False
    bare_first = prev.start == 0 or toks[prev.start - 1] not in LIST_ARTICLES and not toks[prev.start - 1].isdigit()
    counted = nxt.start == m.end + 2 and (toks[m.end + 1] in LIST_ARTICLES or toks[m.end + 1].isdigit())
    return (nxt.start == m.end + 1 or bare_first and counted) and m.end < len(toks) and toks[m.end] == "and"

