"""Items out of one utterance: which products, how many, with which options.

Works over catalog mentions (:mod:`dialogue.matcher`): options attach to the product they sit next to
("a large iced latte with oat milk and a mocha"), quantities are read just before a product ("two",
"a couple of", "another"), "two lattes, one with oat and one with almond" splits into lines, and a
correction mid-sentence ("a latte, no, a mocha") drops the corrected item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from itertools import islice

from catalog.models import Product
from dialogue.amounts import qualifier_before
from dialogue.everything import with_everything
from dialogue.intents import CORRECTION, EVERY_LINE, find
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention, _person_at, words_run
from dialogue.named_groups import place_by_group_named
from dialogue.notes import mark_notes
from dialogue.numbers import COUNT_UNITS
from dialogue.owners import MANY_OWNERS, value_owner
from dialogue.phrasebook import phrases, words
from dialogue.quantity import (
    COUNT_NOUNS,
    FILLER_WORDS,
    GLUE,
    SEPARATORS,
    _said_plural,
    count_after,
    count_closing,
    count_of_pieces,
    counted_choice,
    group_count,
    in_units,
    numbered_choice,
    pair_count,
    piece_count,
    quantity_token,
    read_quantity,
    times_over,
    times_said,
    unit_choice,
)
from dialogue.specs import ItemSpec, OptionSpec

# Measures that make the next product an ingredient ("a shot of espresso"), not an item.
_MEASURES = words("measures")
_CONTAINERS = words("containers")
_SUB_WORDS = words("sub_words")
_PLAIN_PART = words("plain_part")
_PART_PREPS = words("part_preps")
_REFINE = words("refine")
_WITH = words("with_words")
_BASE_PREPS = words("base_preps")
_HOLDER_PREPS = words("holder_preps")
_WITH_LIST = words("with_list")
_LIST_ARTICLES = words("list_articles")
_FILLED_OF = words("filled_of")
# Nouns that make a product word a modifier of something else ("the coffee bar", "coffee beans").
_NOT_ITEM_HEADS = words("not_item_heads")
_SHARES = words("mix_shares")
_JOIN_FILL = words("fillers") | {"and"}
_ONTO_IT = phrases("onto_it")


def _counted_kind(toks: Sequence[str], mentions: Sequence[Mention], n: int, breaks: frozenset[int] = frozenset()
                  ) -> bool:
    """A generic mention ("pizza") with its own article or count before it (past option words), and no
    product of its kind named right after it (then it sums them up: "two pies, one pepperoni and ...")."""
    m = mentions[n]
    if m.end < len(toks) and toks[m.end] == "of":
        return False  # "two bags of penne", "a roll of tape": a container of what follows
    option_at = {i for o in mentions[:n] if o.options for i in range(o.start, o.end)}
    k = m.start - 1
    while k >= 0 and (k in option_at or toks[k] in ("please", "just", "uh", "um", "er", "like")):
        k -= 1
    if k >= 2 and toks[k] == "of" and any(o.products and o.start <= k - 1 < o.end for o in mentions[:n]):
        k -= 2  # "and a roll of tape" ("roll" is part of some product's name): the container's count
    if k < 0 or not (toks[k] in ("a", "an", "another", "one") or toks[k].isdigit()):
        return False
    kinds = {t.sku for t in m.products}
    later = [o for o in mentions[n + 1:] if o.exact_products]
    if later and later[0].start > 0 and toks[later[0].start - 1] == "the" \
            and any(b in breaks for b in range(m.end, later[0].start)) \
            and not any(t in SEPARATORS for t in toks[m.end:later[0].start]):
        return False  # "a hot tea please. Let's try the peppermint rose": the next sentence says which one
    if later and m.end < later[0].start and toks[m.end] in ("a", "an") \
            and not any(t in SEPARATORS for t in toks[m.end:later[0].start]):
        return False  # "a gift a bottle of jameson": the item said right after it says which thing that is
    if later and later[0].options and later[0].start > 0 and toks[later[0].start - 1] in _WITH:
        return True  # "a large pie with pepperoni": a pie with that topping, not the pepperoni pizza summed up
    if later and not toks[k].isdigit() and any(t in SEPARATORS for t in toks[m.end:later[0].start]):
        return True  # "a medium sausage pizza and a large veggie": one pizza, then another item of its kind
    return not (later and {t.sku for t in later[0].exact_products} & kinds)


def _topping_of_earlier(lex: Lexicon | None, toks: Sequence[str], mentions: Sequence[Mention], n: int,
                        roles: Sequence[str] = ()) -> bool:
    """"a medium pizza with pepperoni, mushrooms and ...", "an extra large pepperoni with extra pepperoni": a word
    that names a product and a choice, said after "with" (past other choices, "and" and amount words) on a
    product named before it that offers that choice, is the choice. So too after an article, "the" included, that
    opens the list and each choice of it ("a flight with the sour and the porter", "with the ipa the hazy and the
    stout"), after a base preposition ("an egg and cheese on a bagel": the sandwich's bread, though "bagel" is also
    sold on its own; "... on a croissant and a bagel" keeps the second a product, the bread being given), after a holder
    preposition ("can the roses come in a vase": the bouquet's vase, though a vase is also sold), and after a
    word of what fills the product said right after its name ("a growler of the hazy").
    ``roles``: those of the mentions before it; one taken as a choice names no product ("two flights, one with the
    ipa and the other with the stout": the flight's, not the ipa's)."""
    m = mentions[n]
    option_at = {i for o in mentions[:n] if o.options for i in range(o.start, o.end)}
    k = m.start - 1
    articles: list[int] = []
    while k >= 0:
        q = qualifier_before(toks, k + 1)
        if toks[k] in _LIST_ARTICLES:
            articles.append(k)
            k -= 1
        elif k in option_at or toks[k] in _WITH_LIST:
            k -= 1
        elif q is not None and q.amount != "none":
            k = q.start - 1
        else:
            break
    if k < 0 or lex is None:
        return False
    filled = toks[k] in _FILLED_OF and any(o.products and o.end == k for o in mentions[:n])  # "a growler of ipa"
    if toks[k] not in _WITH and toks[k] not in _BASE_PREPS and toks[k] not in _HOLDER_PREPS and not filled:
        return False
    counted = False  # "with fries and a lemonade": counted, yet the choice the item cannot be made without
    for j, a in enumerate(articles):  # "with a card", "with a card and a ribbon"; not "with cream and a medium mocha"
        ends = (m.start,) if j == 0 else (articles[j - 1], articles[j - 1] - 1)
        heads = a + 1 == m.start if j == 0 else any(  # "with the ipa the hazy and the stout": each its own choice
            o.options and o.start == a + 1 and o.end in ends and (o.end == ends[0] or toks[o.end] == "and")
            for o in mentions[:n])
        listed = (toks[a - 1] == "and" or a - 1 in option_at) and heads and toks[k + 1] == toks[a]
        if a - 1 != k and not listed:
            if len(articles) > 1 or not heads or toks[a - 1] != "and":
                return False
            counted = True
    # the product named before it, also inside a choice's words ("a new growler filled with the lager")
    chosen = {j for j, r in enumerate(roles) if r == "option"}
    earlier: list[set[str]] = []
    for j, o in enumerate(mentions[:n]):
        named = {t.sku for t in o.products} if j not in chosen else set()
        if not named and o.end <= k and (owner := _named_owner(lex, toks, o)) is not None:
            named = {owner}
        if named and o.end <= k:
            earlier.append(named)
    if not earlier:
        # "and another one with pepperoni", "the other with pudding": the line in focus
        return k > 0 and toks[k - 1] in ("one", "ones", "other", "others")
    skus = earlier[-1]
    offered = [(sku, t) for t in m.options for sku in skus if sku in lex.option_skus.get((t.group, t.value), ())]
    given = {t.group for o in mentions[:n] if k < o.start < m.start for t in o.options}
    return any(not _one_choice_taken(lex, sku, t.group, given) and (not counted or _needed(lex, sku, t.group))
               for sku, t in offered)


def _needed(lex: Lexicon, sku: str, group: str) -> bool:
    """A choice ``sku`` cannot be made without: one value, required, no default (a meal's drink). Said with the
    item's "with" list, "and a lemonade" is that choice though counted and the name of a product too."""
    product = lex.products.get(sku)
    g = product.group(group) if product is not None else None
    return g is not None and g.required and g.default is None and not g.multiple


def _one_choice_taken(lex: Lexicon, sku: str, group: str, said: set[str]) -> bool:
    """"a growler of the ipa and the lager": a one-choice group whose value the list already gave takes no second
    one; the word is an item of its own (not the growler's beer, changed)."""
    product = lex.products.get(sku)
    g = product.group(group) if product is not None else None
    return g is not None and not g.multiple and group in said


def _offered_here(lex: Lexicon, mentions: Sequence[Mention], m: Mention) -> bool:
    """Some other product named in the sentence offers a choice ``m`` names."""
    skus = {t.sku for o in mentions if o is not m and not o.options for t in o.exact_products}
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in skus)


def _offered_before(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], m: Mention) -> bool:
    """Some product named in the sentence, or inside a choice's words before ``m`` ("two short stacks": the
    pancakes), offers a choice ``m`` names: "one blueberry" after it is of those, not a product of its own."""
    skus = {sku for o in mentions if o.end <= m.start and (sku := _named_owner(lex, toks, o)) is not None}
    return _offered_here(lex, mentions, m) or any(
        sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in skus)


def _not_a_choice_of_next(lex: Lexicon, mentions: Sequence[Mention], n: int) -> bool:
    """"Brisket pulled pork and turkey": a product name that is also a choice elsewhere, right before a product named
    exactly that offers none of its choices, is an item of its own in a bare list, not a modifier of the next."""
    nxt = mentions[n + 1]
    skus = {t.sku for t in nxt.exact_products}
    return bool(skus) and len(nxt.exact_products) == len(nxt.products) and not any(
        sku in lex.option_skus.get((t.group, t.value), ()) for t in mentions[n].options for sku in skus)


def _choice_as_container(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], n: int) -> bool:
    """"four bowls of lentil soup", "a cup of the soup": a product's name counted as the container of the product
    named right after "of" (its "the" aside), when that product offers a choice so named: the choice."""
    m = mentions[n]
    if n + 1 >= len(mentions) or m.end >= len(toks) or toks[m.end] != "of":
        return False
    nxt = mentions[n + 1]
    gap = toks[m.end + 1:nxt.start]
    skus = {t.sku for t in nxt.exact_products}
    return bool(skus) and all(w in ("the", "your", "that") for w in gap) and any(
        sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in skus)


def _containers_in_plural(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
    """"four bowls of lentil soup": a product's name in the plural, the soup's "bowl" size in the singular (a plural
    the lexicon leaves to the product), right before "of" and a product offering that choice, names the choice too
    (read then as :func:`_choice_as_container`)."""
    out = list(mentions)
    for n, m in enumerate(mentions):
        last = toks[m.end - 1] if m.end <= len(toks) else ""
        if m.options or not m.exact_products or not last.endswith("s") or m.end >= len(toks) or toks[m.end] != "of":
            continue
        single = (*toks[m.start:m.end - 1], last[:-1])
        options = tuple(t for t in lex.phrases.get(single, ()) if t.kind == "option")
        if options:
            widened = Mention(m.start, m.end, (*m.targets, *options), m.part)
            if _choice_as_container(lex, toks, [*out[:n], widened, *out[n + 1:]], n):
                out[n] = widened
    return out


def _choice_before_choice(lex: Lexicon, mentions: Sequence[Mention], n: int, breaks: frozenset[int]) -> bool:
    """"a mint chip cone and a coffee cone": a word naming a product and a choice, said right before a choice
    (only a choice) that the product named does not offer but a product offering both choices does, is that
    choice."""
    m = mentions[n]
    if n + 1 >= len(mentions) or m.end in breaks:
        return False
    nxt = mentions[n + 1]
    if nxt.start != m.end or not nxt.options or nxt.products:
        return False

    def owners(targets: Iterable[Target]) -> set[str]:
        return {sku for t in targets for sku in lex.option_skus.get((t.group, t.value), ())}

    named = {t.sku for t in m.exact_products}
    head = owners(nxt.options)
    return not (named & head) and bool(owners(m.options) & head)


def _head_of_own_choices(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], n: int,
                         option_at: set[int]) -> bool:
    """"five quarts of 5w-20 synthetic one oil filter": a word naming a product and a choice of other products (the
    filter's "synthetic"), said right after choices that all fit its own product and some of which no product
    whose choice it names offers (the oil's grade), heads that noun phrase: the product keeps its name."""
    m = mentions[n]
    own = {t.sku for t in m.exact_products}
    others: set[str] = set()
    for t in m.options:
        others.update(islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1))
        if len(others) > MANY_OWNERS:
            return False
    others -= own
    said = [o for o in mentions[:n] if o.end <= m.start and o.start in option_at]
    before, k = [], m.start
    for o in reversed(said):
        if o.end != k:
            break
        before.append(o)
        k = o.start

    def offered(o: Mention, skus: set[str]) -> bool:
        return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in o.options for sku in skus)

    return bool(before) and bool(others) and all(offered(o, own) for o in before) \
        and any(not offered(o, others) for o in before)


def _roles(toks: Sequence[str], mentions: Sequence[Mention], breaks: frozenset[int] = frozenset(),
           lex: Lexicon | None = None, lines: AbstractSet[str] = frozenset()) -> list[str]:
    """What each mention is in this sentence: "product", "option", "group" or "ignore"."""
    product_only = sum(1 for m in mentions if m.exact_products and not m.options)
    any_exact = any(m.exact_products for m in mentions)
    roles: list[str] = []
    for n, m in enumerate(mentions):
        nxt_product = n + 1 < len(mentions) and mentions[n + 1].start == m.end and bool(mentions[n + 1].products) \
            and m.end not in breaks
        if m.exact_products and lex is not None and _worked_on_own(lex, toks, mentions, roles, n):
            roles.append("ignore")  # "a full tune on my skis": the shopper's skis, not a pair rented
        elif m.exact_products and m.options and _topping_of_earlier(lex, toks, mentions, n, roles):
            roles.append("option")
        elif m.exact_products and m.options and _swapped_with_choice(toks, mentions, n, lex, lines):
            roles.append("option")  # "sticky rice instead of jasmine": the rice of a dish, no side of sticky rice
        elif m.exact_products and m.options and _after_its_group(mentions, n, roles):
            roles.append("option")  # "one of them half pepperoni": the half's pepperoni, no pepperoni slice
        elif m.exact_products and m.options and lex is not None and _unit_of_split(lex, toks, mentions, n, roles):
            roles.append("option")  # "three mochi one mango one strawberry and one green tea": the third flavour
        elif m.exact_products and m.options:
            option_at = {i for o in mentions[:n] if o.options and not o.exact_products for i in range(o.start, o.end)}
            k = m.start - 1
            while k >= 0 and (toks[k] in ("please", "just", "uh", "um", "er", "then", "like") or k in option_at):
                k -= 1  # "a um medium mocha": past fillers and other modifiers to the article
            counted = k >= 0 and (toks[k] in ("a", "an", "another", "one", "the") or toks[k].isdigit()) \
                and not _ends_a_name(mentions[:n], k)  # "a meal for one madras": the deal's curry, not one madras
            counted = counted or _measure_after_and(toks, k, option_at)  # "and a cup of tomato": the soup
            if counted and lex is not None and _choice_as_container(lex, toks, mentions, n):
                roles.append("option")  # "four bowls of lentil soup": the soup's bowl size, not the burrito bowl
            elif not nxt_product and lex is not None and _head_of_own_choices(lex, toks, mentions, n, option_at):
                roles.append("product")  # "five quarts of 5w-20 synthetic one oil filter": the synthetic oil
            elif nxt_product and not (lex is not None and _not_a_choice_of_next(lex, mentions, n)):
                roles.append("option")  # "a hot latte": a modifier of the product that follows
            elif lex is not None and _choice_before_choice(lex, mentions, n, breaks):
                roles.append("option")  # "a coffee cone": a choice with the choice that heads the item
            elif not counted and product_only and lex is not None and not _offered_here(lex, mentions, m):
                roles.append("product")  # "a hot dog and fries": no product named here has fries as a choice
            elif counted and lex is not None and _needed_in_with_list(lex, toks, mentions, roles, n):
                roles.append("option")  # "a tenders combo with fries and a lemonade": the drink the combo needs
            elif not counted and _joined_not_with(toks, mentions, roles, n):
                roles.append("product")  # "a lamb gyro and fries": an order of fries, not the gyro's fries inside
            elif not counted and lex is not None and _with_bare_choice(lex, toks, mentions, roles, n):
                roles.append("option")  # "a footlong with chili": the hot dog's chili, not a cup of chili
            else:
                roles.append("product" if counted or not product_only else "option")
        elif m.exact_products and lex is not None and _group_noun(lex, toks, mentions, n, roles):
            roles.append("ignore")  # "a sundae with chocolate ice cream": its flavour, said with the group's noun
        elif m.exact_products:
            roles.append("product")
        elif m.options and _in_person_said(toks, m):
            roles.append("ignore")  # "supplies for my two kids": who it is for, not the kids size
        elif m.options:
            roles.append("option")  # a sub-phrase of some product name that is also an option: the option
        elif m.products:
            # "two coffees, a mocha and ...": a category word summing up the products named after it; but
            # "a medium mushroom pizza and a root beer": a counted kind of its own
            container = m.end + 1 < len(toks) and toks[m.end] == "of" and n + 1 < len(mentions) \
                and mentions[n + 1].start == m.end + 1 and bool(mentions[n + 1].products)
            if container:
                roles.append("ignore")  # "a roll of tape": a container of the product that follows
            elif _purpose(toks, m) or _own_thing(toks, m):
                roles.append("ignore")  # "for the trim": what it is for, not the trim nails; "redoing my beds"
            else:
                roles.append("product" if not any_exact or _counted_kind(toks, mentions, n, breaks) else "ignore")
        else:
            roles.append("group")
    return roles


def _swapped_with_choice(toks: Sequence[str], mentions: Sequence[Mention], n: int, lex: Lexicon | None = None,
                         lines: AbstractSet[str] = frozenset()) -> bool:
    """"sticky rice instead of jasmine with the curry", "swap the jasmine for sticky rice": a product's name that is
    also a choice, swapped with a word that is only a choice of the same group (the first thing said on the other
    side of the swap), is that choice. Not when the other word names a cart line by another group's choice and
    no cart line nor product said offers the shared group ("a lemonade instead of the coke" with a coke soda in
    the cart and no meal: the lemonade replaces that line, it is no meal's drink). ``lines``: the cart's products."""
    frame = swap_frame(toks)
    if frame is None:
        return False
    start, at, _new_first = frame
    m = mentions[n]
    if start <= m.start and m.end <= at:
        other = next((o for o in mentions if o.start >= at), None)
    elif m.start >= at:
        other = next((o for o in mentions if start <= o.start and o.end <= at), None)
    else:
        return False
    if other is None or not other.options or other.products:
        return False
    shared = {t.group for t in m.options} & {t.group for t in other.options}
    return bool(shared) and not (lex is not None and _names_a_line(lex, mentions, n, other, shared, lines))


def _names_a_line(lex: Lexicon, mentions: Sequence[Mention], n: int, other: Mention, shared: AbstractSet[str],
                  lines: AbstractSet[str]) -> bool:
    """The choice word ``other`` names a cart line (a choice of a group other than ``shared`` that a line's product
    offers) while no line and no other product said offers a choice of ``shared``: the swap is of that line."""
    if not lines:
        return False
    owners = set(lines) | {t.sku for k, o in enumerate(mentions) if k != n for t in o.products}
    if any(owners & lex.option_skus.get((t.group, t.value), set()) for t in other.options if t.group in shared):
        return False
    return any(lines & lex.option_skus.get((t.group, t.value), set()) for t in other.options
               if t.group not in shared)


def _after_its_group(mentions: Sequence[Mention], n: int, roles: Sequence[str]) -> bool:
    """A product's name that is also a choice, said right after the name of a group that choice is in ("half
    pepperoni", where "half" names the toppings on one half of a pie): that group's choice."""
    prev = mentions[n - 1] if n else None
    if prev is None or roles[n - 1] != "group" or prev.end != mentions[n].start:
        return False
    codes = {t.group for t in prev.groups}
    return any(t.group in codes for t in mentions[n].options)


def _unit_of_split(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], n: int, roles: Sequence[str]) -> bool:
    """"three mochi one mango one strawberry and one green tea" ("green tea" also a tea of its own): after a count of
    a product split into units ("one mango", "two strawberry") of one group's choices, "one" and a choice of that
    group that is also a product's name is the next unit's choice, while the units said do not outnumber the count."""
    m = mentions[n]
    if m.start == 0 or toks[m.start - 1] != "one":
        return False
    groups = {t.group for t in m.options}
    head = next((o for o, r in zip(reversed(mentions[:n]), reversed(roles), strict=False) if r == "product"), None)
    if head is None or head.start == 0 or not toks[head.start - 1].isdigit():
        return False
    skus = {t.sku for t in head.products}
    if not any(skus & set(lex.option_skus.get((t.group, t.value), ())) for t in m.options):
        return False
    units = [o for o, r in zip(mentions[:n], roles, strict=False) if r == "option" and o.start > head.end
             and _unit_count(toks, o) is not None and groups & {t.group for t in o.options}]
    units += [o for o in mentions[n + 1:] if o.options and not o.exact_products and _unit_count(toks, o) is not None
              and groups & {t.group for t in o.options}]  # ("three mochi one green tea one mango and ...")
    return bool(units) and sum(_unit_count(toks, o) or 0 for o in (*units, m)) <= int(toks[head.start - 1])


def _unit_count(toks: Sequence[str], m: Mention) -> int | None:
    """The count of a unit of a share-out said right before its choice ("one mango", "two mango"), else None."""
    said = toks[m.start - 1] if m.start > 0 else ""
    return 1 if said == "one" else int(said) if said.isdigit() else None


def _measure_after_and(toks: Sequence[str], k: int, option_at: set[int]) -> bool:
    """"a house salad and a cup of tomato": after "and", an article or a count, a measure or package word ("cup",
    "bowl", "box") and "of" before ``k + 1`` open a new item; the word after them is counted (the soup), not the
    choice of the item before (the salad's tomatoes). Not an ingredient's measure ("and a shot of espresso")."""
    if k < 3 or toks[k] != "of" or toks[k - 3] not in SEPARATORS or quantity_token(toks, k - 2) is None:
        return False
    unit = toks[k - 1]
    return unit not in _MEASURES and (unit in GLUE or unit in _PACKAGES or k - 1 in option_at) and unit not in (
        "a", "an", "the", "of")


_PURPOSE_LEADS = phrases("purpose_leads")
_WORKED_ON_LEADS = phrases("worked_on_leads")
_POSSESSIVES = words("possessives")
_OWNERS = words("people_owners")  # the possessives and "the" ("for the kids")
_PEOPLE = words("people")


def _purpose(toks: Sequence[str], m: Mention) -> bool:
    """"a quart of white semi gloss for the trim": only a part of a product's name ("trim" of "trim nails"), said
    right after "for the" (or "for my"), is what the order is for, not an item of its own."""
    return not m.exact_products and any(tuple(toks[max(0, m.start - len(p)):m.start]) == p for p in _PURPOSE_LEADS)


def _in_person_said(toks: Sequence[str], m: Mention) -> bool:
    """"school supplies for my two kids", "two hot cocoas for the kids": a choice word inside "for" + a possessive
    (or "the") + (a count) + a word for a person is who the order is for, not a choice ("kids" size, a "2" ring
    binder); "scissors for kids" stays one."""
    for k in range(max(0, m.start - 3), m.start + 1):
        if toks[k] != "for" or k + 2 >= len(toks) or toks[k + 1] not in _OWNERS:
            continue
        j = k + 2 + int(toks[k + 2].isdigit() and k + 3 < len(toks))
        if toks[j] in _PEOPLE and k + 2 <= m.start and m.end <= j + 1:
            return True
    return False


def _worked_on_own(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str], n: int
                   ) -> bool:
    """"a full tune on my skis please": a product said right after "on my" (or "on our", ...) past an item of the
    sentence is the shopper's own thing the item is done on, not an item of its own; but a choice the product named
    before offers stays its choice ("a case on my iphone 15" where the case comes for that phone)."""
    m = mentions[n]
    if not any(tuple(toks[max(0, m.start - len(p)):m.start]) == p for p in _WORKED_ON_LEADS):
        return False
    before = [o for o, r in zip(mentions[:n], roles, strict=False) if r in ("product", "option")]
    skus = {t.sku for o in before for t in o.exact_products}
    return bool(before) and not any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options
                                    for sku in skus)


def _for_what(toks: Sequence[str], at: int, before: Sequence[ItemSpec]) -> bool:
    """"a zipper for a dress", "a separating zipper for a jacket": a choice said right after "for a" (or "for the",
    "for my") past an item says what that item is for: a choice of it when it offers that choice, else nothing
    unless one item of the sentence offers it ("a screen protector and installation for an iphone 15": the screen
    protector's model); never an item of its own (not in a swap: "swap the toast for a biscuit")."""
    return bool(before) and any(tuple(toks[max(0, at - len(p)):at]) == p for p in _PURPOSE_LEADS) \
        and find(toks, _SWAP) < 0 and swap_frame(toks) is None


_MAKING_VERBS = words("making_verbs")


def _project(toks: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
    """"hi i'm making a baby quilt": the words right after a making verb and an article or a possessive, up to the
    first word that is no part of a name, name what the shopper makes, not an item, unless a product is said there
    by its full name; those mentions go."""
    out = list(mentions)
    for v, tok in enumerate(toks[:-2]):
        if tok not in _MAKING_VERBS or toks[v + 1] not in ("a", "an", "the", "some") and toks[v + 1] not in _POSSESSIVES:
            continue
        span: list[Mention] = []
        at = v + 2
        while (m := next((o for o in out if o.start == at), None)) is not None:
            span.append(m)
            at = m.end
        if span and not any(m.exact_products and not m.options for m in span) and (
                at == len(toks) or toks[at] in SEPARATORS or toks[at] in _PROJECT_ENDS):
            out = [m for m in out if m not in span]
    return out


_PROJECT_ENDS = frozenset({"so", "and", "for", "with", "but", "then"})


def _own_thing(toks: Sequence[str], m: Mention) -> bool:
    """"i'm redoing my front beds so i need mulch": only a part of a product's name ("beds" of "raised bed soil"),
    said after a possessive (past a word or two) that follows a verb in -ing, is the shopper's own thing they are
    working on, not an item."""
    if m.exact_products:
        return False
    for k in range(m.start - 1, max(-1, m.start - 4), -1):
        if toks[k] in _POSSESSIVES:
            verb = toks[k - 1] if k else ""
            return len(verb) > 4 and verb.endswith("ing")
        if toks[k] in ("a", "an", "the") or toks[k] in SEPARATORS or toks[k].isdigit():
            return False
    return False


def _joined_not_with(toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str], n: int) -> bool:
    """Mention ``n`` follows "and" right after a product, with no "with" (or other choice) between them: "a lamb gyro
    and fries" joins a second thing to the order, where "a gyro with lettuce and fries" lists the gyro's choices."""
    before = [k for k in range(n) if roles[k] == "product"]
    if not before or n < 1 or mentions[n].start < 1 or toks[mentions[n].start - 1] != "and":
        return False
    prev = mentions[before[-1]]
    return prev.end == mentions[n].start - 1 and all(roles[k] != "option" for k in range(before[-1] + 1, n))


def _with_bare_choice(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                      n: int) -> bool:
    """"a footlong with chili and cheese", "two footlongs with chili": an item said by a choice alone (the length
    of a hot dog, no product named), then "with" and a word naming both a product and a choice that the products
    offering the first choice offer too: that choice of the item, not a separate product."""
    m = mentions[n]
    j = max((k for k in range(n) if roles[k] != "option" or not mentions[k].products), default=-1)
    if j < 0 or roles[j] != "option" or mentions[j].products or mentions[j].start < 1 \
            or quantity_token(toks, mentions[j].start - 1) is None:
        return False  # the last mention before that is no option (and the choices after it) is a bare choice,
        # said as an item, right after an article or a count (not "a cheeseburger extra pickles with fries")
    owners = {sku for t in mentions[j].options for sku in lex.option_skus.get((t.group, t.value), ())}
    if not any(sku in owners for t in m.options for sku in lex.option_skus.get((t.group, t.value), ())):
        return False
    listed = {i for k in range(j, n) for i in range(mentions[k].start, mentions[k].end)}
    between = [i for i in range(mentions[j].end, m.start) if i not in listed]
    return any(toks[i] in _WITH for i in between) and all(  # ("two footlongs one with chili and two with cheese")
        toks[i] in _WITH or toks[i] in _WITH_LIST or toks[i] in _LIST_ARTICLES or quantity_token(toks, i) is not None
        for i in between)


def _needed_in_with_list(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                         n: int) -> bool:
    """"a tenders combo with fries and a lemonade": a product's name that is also a choice, said with an article in
    the list of choices that "with" opens after a product, is that product's choice when the product must be asked
    for it (the group is required, with no default) and the list has not given it yet."""
    m = mentions[n]
    j = max((k for k in range(n) if roles[k] == "product" and mentions[k].exact_products), default=-1)
    if j < 0:
        return False
    head = mentions[j]
    listed = [mentions[k] for k in range(j + 1, n) if roles[k] == "option"]
    covered = {i for o in listed for i in range(o.start, o.end)}
    between = [i for i in range(head.end, m.start) if i not in covered]
    if not any(toks[i] in _WITH for i in between) or not all(
            toks[i] in _WITH or toks[i] in _WITH_LIST or toks[i] in _LIST_ARTICLES for i in between):
        return False
    given = {t.group for o in listed for t in o.options}
    for sku in {t.sku for t in head.exact_products}:
        product = lex.products.get(sku)
        for t in m.options:
            g = product.group(t.group) if product is not None else None
            if g is not None and g.required and g.default is None and t.group not in given \
                    and g.value(t.value) is not None:
                return True
    return False


def _ends_a_name(before: Sequence[Mention], k: int) -> bool:
    """Token ``k`` ("one" of "meal for one", "2" of "meal for 2") is the end of a product's name said just before,
    not a count of what follows it."""
    return any(o.products and o.end == k + 1 for o in before)


def _group_noun(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], n: int, roles: Sequence[str]) -> bool:
    """Is mention ``n``, a product's name that is also the name of a choice group ("ice cream" for a sundae's
    flavour), that group's noun after one of its values, for a product named before it ("a hot fudge sundae
    with chocolate ice cream")? Not when the value is counted ("and a chocolate ice cream": a product)."""
    m = mentions[n]
    codes = {t.group for t in m.targets if t.kind == "group"}
    if not codes or n < 1:
        return False
    before = n
    if not _group_noun_before_value(toks, mentions, n, codes):
        before = n - 1
        if n < 2 or roles[n - 1] != "option" or mentions[n - 1].end != m.start:
            return False
        value = mentions[n - 1]
        if not any(t.kind == "option" and t.group in codes for t in value.targets):
            return False
        k = value.start - 1
        if k >= 0 and (toks[k] in ("a", "an", "one", "another") or toks[k].isdigit()):
            return False
    return any(r == "product" and any((prod := lex.products.get(t.sku)) is not None and any(
        prod.group(c) is not None for c in codes) for t in mentions[j].products)
        for j, r in enumerate(roles[:before]))


def _group_noun_before_value(toks: Sequence[str], mentions: Sequence[Mention], n: int, codes: set[str]) -> bool:
    """"steak and eggs medium rare with the eggs over easy": a group's name after "the" (or "with"), right before
    one of that group's values, names the group (of a product named before it), not a product of the same name."""
    m = mentions[n]
    value = next((o for o in mentions[n + 1:] if o.start == m.end), None)
    return m.start > 0 and toks[m.start - 1] in ("the", "with") and value is not None \
        and any(t.kind == "option" and t.group in codes for t in value.targets)


def _glue_only(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """Only glue, counts (with their unit: "12 dozen" from "a dozen"), other mentions, or packaging followed by
    "of" ("a family size bag of bbq chips")."""
    return all(i in covered or toks[i] in GLUE or quantity_token(toks, i) is not None
               or (toks[i] in COUNT_UNITS and i >= 1 and toks[i - 1].isdigit())
               or (toks[i] in _PACKAGES and i + 1 < b and toks[i + 1] == "of") for i in range(a, b))


def _choices_joined(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """"a red and a yellow pepper and half a watermelon": a choice joined by "and" or "or" to another choice said
    right before a product (articles and counts between) is a choice of that product too, one line each."""
    joins = [i for i in range(a, b) if toks[i] in ("and", "or")]
    return bool(joins) and any(i in covered for i in range(joins[-1], b)) and all(
        i in covered or i in joins or quantity_token(toks, i) is not None for i in range(a, b))


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


def _count_between(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """A count or an article in [a, b), not part of a mention ("a purple four foot leash"): what comes after it is
    a new noun phrase."""
    return any(i not in covered and quantity_token(toks, i) is not None for i in range(a, b))


def _option_spec(toks: Sequence[str], m: Mention, floor: int) -> OptionSpec:
    if m.end < len(toks) and toks[m.end] == "free":
        return OptionSpec(m.options, "none", "", m.start)  # "make it sugar free"
    end = m.start - 1 if m.start - 1 >= floor and toks[m.start - 1] == "added" else m.start  # "no added sugar"
    q = qualifier_before(toks, end, floor)
    said = " ".join(toks[m.start:m.end])
    if m.part:  # "half glazed": the kind, its share said with it
        return OptionSpec(m.options, pos=m.start, said=said, part=True)
    if q is None:
        return OptionSpec(m.options, pos=m.start, said=said)
    return OptionSpec(m.options, q.amount, q.words, m.start, said)


def extract_items(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention],
                  breaks: frozenset[int] = frozenset(),
                  lines: AbstractSet[str] = frozenset()) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """Items (in spoken order) and options that belong to no product in this utterance. ``breaks``: token
    positions where the text had a comma or a new sentence ("penne pasta, canola oil": two products)."""
    mentions = _containers_in_plural(lex, toks, _project(toks, mentions))
    roles = _roles(toks, mentions, breaks, lex, lines)
    mark_notes(lex, toks, mentions, roles)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    times = times_said(toks, {i for m in mentions if m.products for i in range(m.start, m.end)}, breaks)
    if times is not None:  # "cod and chips times two": the "2" counts the list, it names no choice
        keep = [k for k, m in enumerate(mentions) if not times[0] <= m.start < times[1]]
        mentions, roles = [mentions[k] for k in keep], [roles[k] for k in keep]
        covered = {i for m in mentions for i in range(m.start, m.end)}
    prods = [m for m, r in zip(mentions, roles, strict=True) if r == "product"
             and not (m.end < len(toks) and toks[m.end] in _NOT_ITEM_HEADS)]
    items: list[ItemSpec] = []
    prev_end = 0
    if len(prods) > 1:  # "a mocha with a shot of espresso", "in a cappuccino cup": ingredients, containers
        for m in list(prods):
            k, follower = m.start - 1, toks[m.end] if m.end < len(toks) else ""
            if (k >= 1 and toks[k] == "of" and toks[k - 1] in _MEASURES) or follower in _CONTAINERS \
                    or (k >= 0 and toks[k] == "half" and not _half_size_of(lex, toks, mentions, m)) or (k >= 1 and toks[k] == "the" and toks[k - 1] in ("on", "in")) \
                    or _measure_of_itself(toks, mentions, prods, m):
                prods.remove(m)
    prods = _one_noun_phrase(prods, breaks, toks)
    counted: set[int] = set()  # where a count read before a piece count was said ("two three piece combos")
    for m in prods:
        skus = tuple(dict.fromkeys(t.sku for t in m.products))
        if len(skus) > 1:  # "earl grey" when the menu has "earl grey" and "earl gray": the one named as said
            said = tuple(toks[m.start:m.end])
            named = [s for s in skus if s in lex.products and said in _own_names(lex.products[s])]
            skus = (named[0],) if len(named) == 1 else skus
        qty, explicit = read_quantity(toks, m.start, prev_end, covered)
        said_qty = qty
        qty = in_units(lex, toks, m.start, prev_end, skus, qty)
        contained = m.start >= 2 and toks[m.start - 1] == "of" and toks[m.start - 2] not in COUNT_NOUNS
        pieces = piece_count(lex, skus, qty) if explicit and not contained and qty == said_qty else None
        # (not "3 orders of"; nor "a dozen siu mai" read as 3 baskets of 4: the pieces were counted already)
        count = count_of_pieces(toks, m.start, prev_end, qty) if pieces and qty else None
        unit = unit_choice(lex, toks, m.start, prev_end, skus, qty) if explicit and not contained and not pieces \
            else None  # "two dozen eggs": two of the eggs' "dozen"
        items.append(ItemSpec(skus, count[1] if count else None if pieces else unit[0] if unit else
                              qty if explicit else None,
                              [pieces] if pieces else [unit[1]] if unit else _own_choice(lex, toks, m, skus),
                              m.start, m.end, exact=all(t.exact for t in m.products)))
        if count:
            counted.add(count[0])
        prev_end = m.end
    pair_count(lex, toks, items, breaks)
    grouped = group_count(lex, toks, items, mentions)
    count_after(lex, toks, items, mentions, breaks)
    numbered = numbered_choice(lex, toks, items, mentions)
    made = _value_items(lex, toks, mentions, roles, items, covered, breaks) | counted | grouped | numbered \
        | count_closing(lex, toks, items, mentions, numbered)
    made |= _choices_name_item(lex, toks, mentions, roles, items, covered, made, breaks)
    made |= _choice_in_name(lex, toks, mentions, roles, items, covered, made)
    frame = swap_frame(toks)
    loose: list[OptionSpec] = []
    prev_mention_end = 0
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or m.start in made:
            prev_mention_end = m.end
            continue
        spec = _option_spec(toks, m, prev_mention_end)
        floor = prev_mention_end
        prev_mention_end = m.end
        if _for_what(toks, m.start, before := [it for it in items if it.end <= m.start]) and not _offers(lex, before[-1], m):
            offering = [it for it in items if _offers(lex, it, m)]
            if len(offering) != 1:
                continue  # "a zipper for a dress": what it is for
            # "a screen protector and installation for an iphone 15": the choice of the one item of the sentence
            # that offers it (the installation is for that phone too)
        own = None if m.part else _named_owner(lex, toks, m)  # ("a dozen 6 everything": no half dozen)
        if own is not None and _with_earlier(lex, toks, items, m):
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
            < after[0].start and _offers(lex, before[-1], m)  # "with fruit instead of the hash browns": the item
        # before's choice, not the hash browns' (so "and sub fruit for the hash browns")
        if after and (_glue_only(toks, m.end, after[0].start, covered) or _choices_joined(toks, m.end, after[0].start,
                                                                                          covered)) and not swap_next:
            if not before or any(toks[i] in SEPARATORS or quantity_token(toks, i) is not None
                                 for i in range(before[-1].end, m.start)) \
                    or find(toks[before[-1].end:m.start], _SWAP) >= 0 \
                    or toks[m.end:m.end + 1] == ["of"] and _offers(lex, after[0], m):
                target = after[0]  # "... instead of the strawberry shake"; "make it two pounds of chicken thighs"
        if target is not None and not _offers(lex, target, m) and _container_of_next(toks, m, before, target):
            continue  # "a bag of carrots and a bunch of kale": the kale's bunch, no choice of the carrots
        if target is not None and before and _offers(lex, before[-1], m) \
                and (not _offers(lex, target, m) or _count_between(toks, m.end, target.start, covered)):
            target = before[-1]  # a choice only the item before offers ("a flight with the wheat and the cider a
            # pretzel ...": the flight's, not the pretzel's), or one said before a count or an article, which starts
            # the next noun phrase ("a bowl with salmon and shrimp three musubis": the bowl's shrimp)
        if target is None and before and not after and _swapped_right_after(toks, before[-1].end, m.start) \
                and len(before[-1].skus) == 1 and any(before[-1].skus[0] in lex.option_skus.get((t.group, t.value), ())
                                                      for t in spec.targets):
            # "a vanilla shake instead of the strawberry": the choice names the old line, of the same product
            items.append(ItemSpec(before[-1].skus, None, [spec], m.start, m.end))
            continue
        if target is None and before:
            target = before[-1]
        if target is None and after and _glue_only(toks, m.end, after[0].start, covered):
            target = after[0]
        if target is None and len(items) == 1 and (_offers(lex, items[0], m) or not _answer_before(toks, m, items[0])):
            target = items[0]  # one item in the sentence: its options may come anywhere
        if target is None:
            loose.append(spec)
        else:
            target.options.append(spec)
    loose = _before_its_owner(lex, toks, items, loose, covered)
    _narrow(lex, toks, items)
    place_by_group_named(lex, toks, mentions, roles, items, loose)
    _ones_of_package(lex, toks, items, covered)
    summaries = [m for m, r in zip(mentions, roles, strict=True) if r == "ignore" and m.products]
    totals = _choice_totals(lex, toks, mentions, roles, items, covered)
    selecting = {o for a in range(len(toks)) if (sel := _one_said_at(lex, toks, items, covered, a)) for o in sel[0]}
    items = _rebalance(lex, _parts(lex, toks, _parts_of_noun(lex, toks, _split(lex, toks, items, mentions, roles,
                                                                          covered | selecting, [*summaries, *totals]))))
    items = _halves(lex, toks, items)
    items = _each_value(lex, toks, _one_each(lex, items))
    items = _another_one(lex, toks, items, covered)
    items = _another_unnamed(lex, toks, items, covered)
    _the_one_said(lex, toks, items, covered)
    items = _named_again(toks, items)
    _all_of_one_kind(toks, items, summaries)
    _shared_head(toks, items, summaries)
    items = _summed_up(lex, toks, items)
    _every(lex, toks, items)
    _needed_for_all(lex, toks, items)
    _same_as_before(lex, toks, items)
    _plural_for_all(lex, toks, items, breaks)
    with_everything(lex, toks, items, mentions)
    items = _corrections(lex, toks, _choice_gone(lex, toks, items))
    _counts_repaired(toks, items)
    items = _choice_of_the_one_before(lex, toks, items)
    if times is not None:
        times_over(items, times, breaks)
    return items, loose


def _before_its_owner(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], loose: list[OptionSpec],
                      covered: set[int]) -> list[OptionSpec]:
    """"two pounds of roma tomatoes": a choice said before "of" and an item named only by a choice of its own
    (made after the choice was read) is that item's choice when its product offers it, as before a product named
    ("two pounds of tomatoes"). The loose choices left."""
    out: list[OptionSpec] = []
    for o in loose:
        end = o.pos + max(1, len(o.said.split()))
        nxt = next((it for it in items if it.start >= end), None)
        if nxt is not None and toks[end:end + 1] == ["of"] and _glue_only(toks, end, nxt.start, covered) and any(
                sku in lex.option_skus.get((t.group, t.value), ()) for t in o.targets for sku in nxt.skus):
            nxt.options.insert(0, o)
        else:
            out.append(o)
    return out


def _choice_of_the_one_before(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"A kids meal with fish bites and peas and a water", "a bento with brown rice and a cucumber roll in it": a
    product named alone (no count, no choice) that the item before offers as a choice of a group not chosen yet is
    that item's choice, not a line of its own, when it goes on in the list of that item's choices after "with" or
    is said with "in it" / "with it" right after it. "A burger with cheese and a coke": the burger has no drink."""
    out: list[ItemSpec] = []
    for it in items:
        before = out[-1] if out else None
        choice = _choice_of(lex, toks, before, it) if before is not None else None
        if before is not None and choice is not None:
            before.options.append(choice)
            continue
        out.append(it)
    return out


def _choice_of(lex: Lexicon, toks: Sequence[str], before: ItemSpec, it: ItemSpec) -> OptionSpec | None:
    product = lex.products.get(before.skus[0]) if len(before.skus) == 1 else None
    if product is None or it.quantity is not None or it.options or it.start < before.end:
        return None
    said = tuple(toks[it.start:it.end])
    chosen = {t.group for o in before.options for t in o.targets}
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and t.group not in chosen
                    and (g := product.group(t.group)) is not None and g.value(t.value) is not None)
    if not targets:
        return None
    after = [o for o in before.options if o.pos >= before.end]
    last = max((o.pos + max(len(o.said.split()), 1) for o in after), default=-1)
    listed = bool(after) and any(t in _WITH for t in toks[before.end:min(o.pos for o in after)]) \
        and 0 <= last <= it.start and all(t in ("and", *_LIST_ARTICLES) for t in toks[last:it.start]) \
        and "and" in toks[last:it.start]
    if not listed and not any(tuple(toks[it.end:it.end + len(ph)]) == ph for ph in _ONTO_IT):
        return None
    return OptionSpec(targets, pos=it.start, said=" ".join(said))


def _choice_gone(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"the big breakfast with fruit instead of the hash browns": after "instead of", words naming a choice of the
    group the item before it was just given a value of (here the side) name the choice that goes, not a product
    sold on its own ("hash browns" is also a side dish) nor a second value of that group; they are dropped."""
    frame = swap_frame(toks)
    if frame is None or not frame[2]:
        return items
    at = frame[1]
    hosts = [it for it in items if it.end <= at]
    host = hosts[-1] if hosts else None
    product = lex.products.get(host.skus[0]) if host is not None and len(host.skus) == 1 else None
    if host is None or product is None:
        return items

    def groups(targets: Iterable[Target]) -> set[str]:
        return {t.group for t in targets if t.kind == "option" and (g := product.group(t.group)) is not None
                and g.value(t.value) is not None}

    given = {g for o in host.options if o.pos < at for g in groups(o.targets)}
    if not given:
        return items
    host.options[:] = [o for o in host.options if o.pos < at or not groups(o.targets) & given]
    gone = next((it for it in items if it.start > at), None)  # the one said right after it
    said = tuple(t for t in toks[gone.start:gone.end] if t not in GLUE) if gone is not None else ()
    if gone is None or gone.quantity is not None or gone.options or not groups(lex.phrases.get(said, ())) & given:
        return items
    return [it for it in items if it is not gone]


def swapped_within(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> bool:
    """"and a chicken plate on the salad instead of rice": the "instead of" swaps a choice of the item said before it
    (what comes after it names a value of a group the item was just given a value of), no line of the cart."""
    frame = swap_frame(toks)
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if frame is None or not frame[2] or product is None or item.end > frame[1]:
        return False
    at = frame[1]
    given = {t.group for o in item.options if o.pos < at for t in o.targets
             if t.kind == "option" and (g := product.group(t.group)) is not None and g.value(t.value) is not None}
    for a in range(at + 1, min(at + 4, len(toks))):
        for b in range(a + 1, min(a + 5, len(toks) + 1)):
            if any(t.kind == "option" and t.group in given and (g := product.group(t.group)) is not None
                   and g.value(t.value) is not None for t in lex.phrases.get(tuple(toks[a:b]), ())):
                return True
    return False


def _own_choice(lex: Lexicon, toks: Sequence[str], m: Mention, skus: Sequence[str]) -> list[OptionSpec]:
    """"a crowler of the hazy" where "crowler" names the growler fill and its size: a product named by a word that
    is also a value of one of its own one-choice groups is made with that value."""
    product = lex.products.get(skus[0]) if len(skus) == 1 else None
    if product is None:
        return []
    own = tuple(t for t in m.options if (g := product.group(t.group)) is not None and not g.multiple
                and g.value(t.value) is not None)
    return [OptionSpec(own, pos=m.start, said=" ".join(toks[m.start:m.end]))] if len(own) == 1 else []


def _choice_totals(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
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


def _with_earlier(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], m: Mention) -> bool:
    """"a pumpernickel with lox spread", "egg and cheese on an egg bagel": a choice said right after "with" or a
    base preposition goes on the item before it when that item offers it, though its words name a product. So
    too further on in the list that "with" opens ("a denver omelette with egg whites and rye toast": the rye
    toast is the omelette's, though "toast" names a side), past the item's own choices, list words and articles."""
    before = [it for it in items if it.end <= m.start]
    if not before:
        return False
    j = m.start - 1 if m.start > 0 and toks[m.start - 1] in ("a", "an", "the") else m.start
    said_with = toks[m.start] in _WITH or (j > 0 and (toks[j - 1] in _WITH or toks[j - 1] in _BASE_PREPS))
    if not said_with:
        k = m.start - 1
        chosen = {i for o in before[-1].options for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
        while k >= before[-1].end and (k in chosen or toks[k] in _WITH_LIST or toks[k] in _LIST_ARTICLES):
            k -= 1  # "with egg whites and rye toast", "with a lamb jalfrezi and garlic naan": past its choices, "and"
        said_with = k >= before[-1].end and k < m.start - 1 and toks[k] in _WITH
    return said_with and _offers(lex, before[-1], m)


def _after_separator(toks: Sequence[str], items: Sequence[ItemSpec], start: int, at: int) -> bool:
    """An item was named before ``start`` and a separating word ("and", "plus") sits between its end and ``at``:
    what is said at ``at`` opens something new ("hash browns with onions and a cup of decaf")."""
    ends = [it.end for it in items if it.end <= start]
    return bool(ends) and any(t in SEPARATORS for t in toks[ends[-1]:at])


_SWAP_IN_FOR = phrases("swap_in_for")
_SWAP_OUT_FOR = phrases("swap_out_for")
_SWAP_JOINS = words("swap_joins")
_SWAP_LEAD = words("swap_lead") | words("lead_fill")


def swap_frame(toks: Sequence[str]) -> tuple[int, int, bool] | None:
    """Where a turn swaps one thing for another: (start, at, new_first). The new thing is said in
    ``toks[start:at]`` and what goes after ``at`` when ``new_first`` ("fruit instead of the hash browns", "sub fruit
    for the hash browns"); the other way round otherwise ("swap the hash browns for fruit", "replace the white toast
    with rye"). A swap verb counts at the start of the turn (past request words) or after "and"; None: no swap."""
    at = find(toks, _SWAP)
    if at >= 0:
        return 0, at, True
    for v in range(len(toks)):
        if v and not (all(t in _SWAP_LEAD for t in toks[:v]) or toks[v - 1] in ("and", "then", "but")):
            continue
        verbs = [ph for ph in (*_SWAP_IN_FOR, *_SWAP_OUT_FOR) if tuple(toks[v:v + len(ph)]) == ph]
        if not verbs:
            continue
        verb = max(verbs, key=len)
        join = next((j for j in range(v + len(verb) + 1, len(toks)) if toks[j] in _SWAP_JOINS), -1)
        if join < 0 or join + 1 >= len(toks) or toks[join + 1] in ("me", "us", "him", "her", "you", "them"):
            continue
        new_first = toks[join] == "for" and verb in _SWAP_IN_FOR
        if not new_first and verb not in _SWAP_OUT_FOR:
            continue
        return v + len(verb), join, new_first
    return None


def _swapped_right_after(toks: Sequence[str], a: int, b: int) -> bool:
    """Only "instead of" (and "the") between the end of a product's name and a choice: "a vanilla shake instead of
    the strawberry" (not "a latte with almond milk instead of whole milk and caramel")."""
    at = find(toks[a:b], _SWAP)
    if at != 0:
        return False
    rest = [t for t in toks[a:b] if t not in ("the", "my", "that")]
    return any(tuple(rest) == ph for ph in _SWAP)


def _fits_later_choices(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                        m: Mention, in_items: set[int]) -> bool:
    """"a vanilla and chocolate double scoop in a cake cone": a choice said first is an item of its own only if
    some product it names (:func:`value_owner`, ``alone``) offers the choices said after it outside other items."""
    owner = value_owner(lex, [OptionSpec(m.options)], alone=True)
    later = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and o.options and o.start >= m.end
             and o.start not in in_items]
    return owner is not None and all(any(owner in lex.option_skus.get((t.group, t.value), ()) for t in o.options)
                                     for o in later)


def _half_size_of(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], m: Mention) -> bool:
    """"a turkey club and a half reuben": "half" after an article, a choice the product named right after it offers
    (its half size), makes that product half; it is no ingredient share ("a latte with half oat milk")."""
    k = m.start - 1
    return k >= 1 and toks[k - 1] in ("a", "an") and any(
        o.start == k and o.end == m.start and any(t.sku in lex.option_skus.get((v.group, v.value), ())
                                                  for v in o.options for t in m.products) for o in mentions)


def _offers(lex: Lexicon, item: ItemSpec, m: Mention) -> bool:
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in item.skus)


def _another_of(lex: Lexicon, toks: Sequence[str], item: ItemSpec, m: Mention, said: Sequence[Mention] = (),
                own: Sequence[Mention] = (), between: Sequence[Mention] = ()) -> str | None:
    """"two dr peppers and a sprite", "a three piece tenders with buffalo and a five piece with ranch": a counted
    choice of a one-choice group that the item next to it already has a value of (among its options or the
    choices ``said`` with it) is another item of that product; else None (the choice is that item's). So is a
    counted choice said with the product's own noun ("two moscow mules and a kentucky mule", "a gin martini and
    a vodka martini": the choice's name holds "mule", "martini"), counted after the item's words, unless a choice
    of its group said ``between`` them shares the item's count out ("four cans two cokes and two orange sodas": the
    four cans are the cokes and the orange sodas)."""
    skus = [s for s in item.skus if any(s in lex.option_skus.get((t.group, t.value), ()) for t in m.options)]
    product = lex.products.get(skus[0]) if len(skus) == 1 else None  # ("a tropical fish food and a betta food":
    if product is None:  # of the foods said, the one that comes in betta)
        return None
    groups = {t.group for t in m.options}
    if item.end <= m.start and any(quantity_token(toks, i) is not None for i in range(item.end, m.start)) \
            and not any(groups & {t.group for t in o.options} for o in between) and _own_noun_said(toks, m, product):  # (not "a dirty vodka martini": one martini, its choices)
        return product.sku
    taken = {t.group for o in item.options for t in o.targets} | {t.group for o in said for t in o.options}
    for t in (*m.options, *(t for o in own for t in o.options)):  # its own choices said before it count too
        group = product.group(t.group)
        if group is not None and not group.multiple and group.value(t.value) is not None and t.group in taken:
            return product.sku
    return None


def _own_noun_said(toks: Sequence[str], m: Mention, product: Product) -> bool:
    """The last word of ``product``'s name or of one of its aliases (its noun: "mule", "martini") is among the
    words of choice ``m``, said as its last word."""
    last = toks[m.end - 1]
    nouns = {n.split()[-1] for n in (product.name, *product.aliases) if n.split()}
    return m.end - m.start > 1 and any(last in (w, w + "s", w + "es") or w in (last + "s", last + "es")
                                       for w in nouns)


def _group_named_before(mentions: Sequence[Mention], m: Mention, k: int) -> bool:
    """"his drink an apple juice", "the side a salad": a choice's own group named right before its article."""
    groups = {t.group for t in m.options}
    return any(o.end == k and not o.products and not o.options and groups & {t.group for t in o.groups}
               for o in mentions)


def _value_items(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                 items: list[ItemSpec], covered: set[int], breaks: frozenset[int]) -> set[int]:
    """"three burgers and three cokes", "a hot dog and a large root beer": a choice said as an item of its own (an
    article or a count before it, past other choices) that the products named next to it do not offer is an item
    of the product it names (:func:`value_owner`). Adds those items; returns where their words start."""
    made: set[int] = set()
    in_items = {i for it in items for i in range(it.start, it.end)}
    floor = 0
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or not m.options or m.start in in_items:
            if role != "option" and not (role in ("group", "ignore") and _package_word(toks, m)):
                floor = m.end  # (a package word that is also a choice's group name or a part of a product's name,
                # "a pack of", "two packets of basil seeds", stays in reach)
            continue
        if toks[m.start] in _WITH or m.part:
            continue  # "a plain bagel with butter": a choice said with "with" is of what comes before it (and a
            # box's kind is of its box)
        k = m.start - 1
        while k >= floor and (not toks[k].isdigit() or _ends_choice(mentions, k)) and (
                (k in covered and k not in in_items) or toks[k] in FILLER_WORDS or _determiner_of_package(toks, k, floor)
                or (toks[k] in COUNT_UNITS and k - 1 >= floor and toks[k - 1].isdigit())):
            k -= 1  # past other choices said before it ("a large diet coke"), fillers, "the" in "bags of the", the
            # unit of a count ("and a dozen duck eggs": "12 dozen")
        held: list[OptionSpec] = []
        measured = False  # the package word is a choice of other products, not of this one: taken as its package
        wrapper: Mention | None = None  # the package word, when it is (part of) a product's name: "packets"
        package = k - 1 >= floor and toks[k] == "of" and toks[k - 1] in _PACKAGES \
            and not any(o.options and o.end == k for o in mentions) and (  # not "a six pack of": a choice
                not (before_end := [it.end for it in items if it.end <= m.start])
                or any(t in SEPARATORS for t in toks[before_end[-1]:k - 1])
                or (k - 2 >= before_end[-1] and toks[k - 2].isdigit()))  # "a hydrangea in blue five bags of mulch"
        served = k - 1 >= floor and toks[k] == "of" and toks[k - 1] in _CONTAINERS and _after_separator(
            toks, items, m.start, k - 1)  # "hash browns with cheese and a cup of decaf": a coffee of its own
        if k - 1 >= floor and toks[k] == "of" and (toks[k - 1] in _CONTAINERS or package) \
                and toks[k - 1] not in _MEASURES and (package or served or not any(it.end <= m.start for it in items)):
            # "a cup of vanilla" (nothing named before it): the choice in a container that is a choice too;
            # "and a tube of colgate", "a pack of triple a": a package of the product the choice names
            container = {toks[k - 1], toks[k - 1][:-1] if toks[k - 1].endswith("s") else toks[k - 1]}  # "two cups of"
            held = [OptionSpec(tuple(dict.fromkeys(t for w in sorted(container) for t in (
                *lex.phrases.get((w,), ()), *lex.guarded.get(w, ())) if t.kind == "option")), pos=k - 1)]
            held = [h for h in held if h.targets]
            if served and held and value_owner(lex, [OptionSpec(m.options), *held]) is None:
                held = []  # the cup is no choice of the product the choice names: only its container
            wrapper = next((o for o in mentions if o.products and o.start == k - 1 and o.end == k), None) \
                if package else None
            k -= 2 if held or package or served else 0
        elif k - 1 >= floor and toks[k] == "of" and (pack := next((o for o, r in zip(mentions, roles, strict=True)
                                                                   if r == "option" and o.options and o.end == k
                                                                   and o.start >= floor), None)) is not None:
            # "a six pack of coke", "a 2 liter of ginger ale": a choice said as the container of another choice
            held = [OptionSpec(pack.options, pos=pack.start, said=" ".join(toks[pack.start:pack.end]))]
            if (value_owner(lex, [OptionSpec(m.options), *held]) or _named_owner_of_held(lex, toks, m, held)) is None:
                package = measured = pack.end - pack.start == 1 and toks[pack.start] in _PACKAGES \
                    and value_owner(lex, [OptionSpec(m.options)], alone=True) is not None  # "a bottle of aleve"
                held, k = (held, pack.start - 1) if package else ([], k)
            else:
                k = pack.start - 1
        j = k - 1 if k - 1 >= floor and toks[k] == "the" and k not in covered else k
        if j - 1 >= floor and toks[j] == "of" and toks[j - 1] not in ("a", "an") and j - 1 not in covered \
                and quantity_token(toks, j - 1) is not None and any(it.end <= m.start for it in items):
            k = j - 1  # "six cans of chicken dog food and six of the lamb": a count of the choice, after an item
        if k < floor or quantity_token(toks, k) is None:
            continue
        if toks[k] in ("a", "an") and k > 0 and (toks[k - 1] in _BASE_PREPS or toks[k - 1] in _HOLDER_PREPS
                                                 or _for_what(toks, k + 1, [it for it in items if it.end <= m.start])):
            continue  # "on a croissant", "in a gift box": the base or holder of the item before it or of the line
            # in focus, no item of its own
        if toks[k] in ("a", "an") and _group_named_before(mentions, m, k):
            continue  # "make his drink an apple juice": the value of the group just named, no item of its own
        if toks[k].isdigit() and any(o.options and o.start == k < o.end - 1 for o in mentions):
            continue  # "three scoops in a cup": "3" begins a choice ("3 scoops"), it counts no item
        if k - 1 >= 0 and (toks[k - 1] in ("the", "this", "that")
                           or (k - 1 in covered and not toks[k].isdigit() and toks[k] not in ("a", "an"))):
            continue  # "make the mango one half sugar": "one" stands for a line, it counts nothing (but an article
            # after a choice starts the next item of a list said without "and": "a basil plant a mint plant")
        if toks[k] == "one" and "other" in toks[m.end:]:
            continue  # "one sourdough and the other white": a unit of a line each, no new item
        if _refined_choice(toks, items, k):
            continue  # "back to tamarind but a large": the line in focus, described further, no new item
        nxt = m.end
        before = [it for it in items if it.end <= m.start][-1:]
        after = [it for it in items if it.start >= m.end][:1]
        offering = [it for it in (*before, *after) if _offers(lex, it, m)]
        # (a choice said with "with" after it heads nothing: "a plain bagel with butter")
        chosen_next = any(o.start == nxt and o.options and toks[o.start] not in _WITH for o in mentions)
        first = not any(it.start < m.start for it in items) and not (k > 0 and toks[k - 1] in _WITH) \
            and _fits_later_choices(lex, toks, mentions, roles, m, in_items)
        alone = _after_separator(toks, items, m.start, k) or first
        if chosen_next and not _sized_after(lex, m, next(o for o in mentions if o.start == nxt and o.options), alone) \
                and (offering or value_owner(lex, [OptionSpec(next(  # ("a large chocolate": the shake)
                o.options for o in mentions if o.start == nxt and o.options))], alone=alone) is not None):
            continue  # "a large horchata and a small jamaica", "a large cola": a modifier of the choice after it,
            # which heads the item (not "a diet coke large": "large" alone names no one product)
        if nxt < len(toks) and (toks[nxt] in ("one", "1", "ones") or nxt in in_items) \
                and not _each_said_after(toks, k, nxt):
            continue  # "make that a large one", "a small taro tea": a line or product made so, no item of its own
        if nxt < len(toks) and not chosen_next and nxt not in breaks and quantity_token(toks, nxt) is None and toks[nxt] not in _ITEM_ENDS \
                and toks[nxt] not in SEPARATORS and toks[nxt] not in _WITH and toks[nxt] not in FILLER_WORDS \
                and not _ones_said_after(toks, covered, nxt) and not _owner_noun_after(lex, toks, m):
            continue  # "two and a half bowls of ramen": a word of something else follows, not an item of its own
        if toks[nxt:nxt + 1] == ["and"] and any(o.options and o.start == nxt + 1 and _needed_pair(lex, m, o)
                                                 for o in mentions):
            continue  # "a jack and coke": one item of the product both name (:func:`_choices_name_item`)
        if offering:
            low = max([it.end for it in items if it.end <= offering[0].start] + [0])
            said = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and offering[0] in before
                    and ((low <= o.start < offering[0].start  # "a three piece tenders ... and a five piece"
                          and not any(t in SEPARATORS for t in toks[o.end:offering[0].start]))  # (not "a bud
                         # light twelve pack and a coke zero two liter": the beer's pack, not the cola's)
                         or (o.start == offering[0].end + 1 < m.start and toks[o.start - 1] in ("of", "with")))]
            # ("three cans of coke and a diet coke": the cans' own flavour, said right after them)
            own = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and k < o.start < m.start
                   and o.start >= offering[0].end]
            between = [o for o, r in zip(mentions, roles, strict=True) if r == "option"
                       and offering[0].end <= o.start and o.end <= k]
            owner = _another_of(lex, toks, offering[0], m, said, own, between)  # "a snickers and a reeses king size": reeses
            named = _named_owner(lex, toks, m) if package else None
            if named is not None and named not in offering[0].skus:
                owner = named  # "a red planter and four bags of white gravel": the gravel its words name
        else:
            owner = value_owner(lex, [OptionSpec(m.options), *held]) or _named_owner_of_held(lex, toks, m, held) \
                or _package_owner(lex, wrapper, m)
            # ("an apple juice and an orange juice": the juice, whose name is said in the choice, though the
            # pie comes in apple too)
            if owner is None and not _offered_before(lex, toks, mentions, m):
                owner = value_owner(lex, [OptionSpec(m.options), *held], as_noun=True)
            if owner is None and alone:  # "wings and a sprite" (not "with a"), "two cokes" said first
                owner = value_owner(lex, [OptionSpec(m.options, said=" ".join(toks[m.start:m.end])), *held],
                                    alone=True)
            if owner is None and held and package:  # "a bottle of aleve": the package only holds the product the
                owner = value_owner(lex, [OptionSpec(m.options)], alone=True)  # choice names, no choice of it
        if owner is None:
            continue
        if toks[k].isdigit():  # "three cokes": the count, though "3" is some other product's choice ("3 piece")
            qty: int | None = int(toks[k])
            made.update(o.start for o in mentions if o.start == k and o.end == k + 1)
        else:
            qty, explicit = read_quantity(toks, m.start, floor, covered)
            qty = qty if explicit else None
        kept = [OptionSpec(tuple(t for t in h.targets if owner in lex.option_skus.get((t.group, t.value), ())), pos=h.pos)
                for h in held]  # "a cup of vanilla": the cup too
        qty, counted = counted_choice(lex, toks, m.start, floor, (owner,), qty, [OptionSpec(m.options)],
                                       _named_owner(lex, toks, m) == owner) if qty else (qty, [])  # ("a half dozen duck eggs": one of the eggs' "half dozen", as for "a half dozen
        # eggs"; but "two vanilla cones" are two cones, not one of two scoops)
        items.append(ItemSpec((owner,), qty, [*counted, *(h for h in kept if h.targets), _option_spec(toks, m, floor)],
                              m.start, m.end))
        items.sort(key=lambda it: it.start)
        made.add(m.start)
        made.update(h.pos for h in kept if h.targets and h.said)  # the container choice is taken too
        made.update(h.pos for h in held if measured)
    return made


def _each_said_after(toks: Sequence[str], k: int, nxt: int) -> bool:
    """"two footlongs one with chili and one with cheese": "one" right after a choice counted more than once
    ("two ...") begins what each of them has; the choice is an item of its own, not "a large one"."""
    return toks[nxt] in ("one", "1") and (quantity_token(toks, k) or 0) > 1 and nxt + 1 < len(toks) \
        and toks[nxt + 1] in _WITH


def _refined_choice(toks: Sequence[str], items: Sequence[ItemSpec], k: int) -> bool:
    """"go back to tamarind but a large", "the oat milk but a small": "a <choice>" right after a refining word
    ("but"), with no product named before it in the turn, says the same thing further (the line in focus), not an
    item of the product the choice alone would name."""
    return toks[k] in ("a", "an") and k > 0 and toks[k - 1] in _REFINE and not any(it.start < k for it in items)


def _owner_noun_after(lex: Lexicon, toks: Sequence[str], m: Mention) -> bool:
    """"a bucket of bricks and a castle set" (the "castle" theme of the "building set"): the word right after a
    choice is the head noun of a product offering it (the last word of its name or an alias, singular or plural):
    the choice and that noun name an item of that product, not a choice of the item before."""
    if m.end >= len(toks):
        return False
    word = toks[m.end]
    forms = {word, word.removesuffix("s"), word.removesuffix("es")}
    for t in m.options:
        for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1):
            product = lex.products.get(sku)
            if product is not None and any((n := phrase_of(name)) and n[-1] in forms
                                           for name in (product.name, *product.aliases)):
                return True
    return False


def _sized_after(lex: Lexicon, m: Mention, nxt: Mention, alone: bool) -> bool:
    """"a coke zero two liter": a choice that names a product by itself ("coke zero", the cola's kind), followed by
    a choice of another group that product comes in ("2 liter"), heads the item: the next choice is its size, said
    after the noun, though alone it would name another product (the club soda's "2 liter")."""
    own = value_owner(lex, [OptionSpec(m.options)], alone=alone)
    if own is None or {t.group for t in m.options} & {t.group for t in nxt.options}:
        return False
    return any(own in lex.option_skus.get((t.group, t.value), ()) for t in nxt.options) \
        and value_owner(lex, [OptionSpec(nxt.options)], alone=alone) != own


_FEW_OWNERS = 3  # products offering the same choices said without a noun that are worth asking between


def _needed_pair(lex: Lexicon, a: Mention, b: Mention) -> bool:
    """"a gin and tonic", "two jack and cokes": ``a`` and ``b`` name values of two different needed groups
    (required, no default: :func:`_needed`) of one product, so "a and b" makes that one item, not two."""
    for t in a.options:
        owners = set(islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1))
        for u in b.options:
            if u.group == t.group:
                continue
            for sku in islice(lex.option_skus.get((u.group, u.value), ()), MANY_OWNERS + 1):
                if sku in owners and _needed(lex, sku, t.group) and _needed(lex, sku, u.group):
                    return True
    return False


def _choice_runs(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                 taken: set[int]) -> list[list[Mention]]:
    """Runs of choices said one after the other ("a gallon of eggshell white": gallon, eggshell, white), joined by
    nothing or an "of", or by one "and" between values of two needed groups of one product (:func:`_needed_pair`:
    "a gin and tonic"), none of them taken by an item."""
    runs: list[list[Mention]] = []
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or not m.options or m.start in taken:
            continue
        if runs and (all(toks[i] == "of" for i in range(runs[-1][-1].end, m.start))
                     or (toks[runs[-1][-1].end:m.start] == ["and"] and _needed_pair(lex, runs[-1][-1], m))):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _noun_shared(lex: Lexicon, skus: Sequence[str]) -> str | None:
    """"a gallon of white flat" where interior and exterior paint both offer it: the one of them the head noun
    their names share ("paint") names by itself, as if it had been said; else None (ask which)."""
    names = [lex.products[s].name.split() for s in skus if s in lex.products]
    if len(names) != len(skus) or len({n[-1] for n in names if n}) != 1:
        return None
    named = {t.sku for t in lex.phrases.get(phrase_of(names[0][-1]), ()) if t.kind == "product" and t.exact}
    named &= set(skus)
    return next(iter(named)) if len(named) == 1 else None


def _choices_name_item(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                       items: list[ItemSpec], covered: set[int], made: set[int], breaks: frozenset[int]) -> set[int]:
    """"three 4 packs of 60 watt soft white", "a gallon of eggshell white": choices said together after a count,
    with no product noun, name the product that offers them all together (a count said first, "three", counts
    it, though "3" is some choice too). Of several, the one the noun their names share names ("paint": the
    interior paint), else all of them, so the shopper is asked which. Adds those items; returns where their
    words start."""
    in_items = {i for it in items for i in range(it.start, it.end)}
    out: set[int] = set()
    named: list[ItemSpec] = []
    for run in _choice_runs(lex, toks, mentions, roles, made | in_items):
        qty: int | None = None
        start = run[0].start
        if len(run) > 2 and run[0].end == start + 1 and toks[start].isdigit():
            qty, run = int(toks[start]), run[1:]  # "three 4 packs of ...": "3" counts them
        else:
            start -= 1
            q = quantity_token(toks, start) if start >= 0 and start not in covered else None
            if q is None:
                continue
            qty = q if toks[start] not in ("a", "an") else None
        end = run[-1].end
        if len(run) < 2 or (start > 0 and toks[start - 1] in ("the", "this", "that", *_WITH, *_BASE_PREPS, *_EDIT_THEM)):
            continue  # one choice is for :func:`_value_items`; "make it a large oat": the line's, no new item
        if toks[end:end + 1] == ["no"] or not (
                end == len(toks) or end in breaks or toks[end] in SEPARATORS or toks[end] in _ITEM_ENDS
                or toks[end] in FILLER_WORDS or (end not in covered and quantity_token(toks, end) is not None)):
            continue  # "a gallon of white paint": the product said after them heads the item ("two large cokes no
            # ice": a choice follows, read as a whole below)
        before = [it for it in items if it.end <= start][-1:]
        if toks[start] == "one" and (before or start - 1 in covered) and not any(it.end == start for it in named):
            continue  # "two plain bagels one toasted with butter and one ...": a unit of the item before, split
        if before and all(_offers(lex, before[0], m) for m in run) and not any(before[0] is it for it in named):
            continue  # "two lattes one large oat ...": choices of the item named before (not of one named so too:
            # "a gallon of beige eggshell and a quart of white semi gloss")
        owners: set[str] | None = None
        for m in run:
            skus: set[str] = set()
            for t in m.options:
                skus |= set(islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1))
            owners = skus if owners is None else owners & skus
        if not owners or len(owners) > _FEW_OWNERS:
            continue
        specs = [OptionSpec(m.options) for m in run]
        owner = value_owner(lex, specs) or value_owner(lex, specs, alone=True) or _noun_shared(lex, sorted(owners))
        named.append(ItemSpec((owner,) if owner else tuple(sorted(owners)), qty,
                              [_option_spec(toks, m, start) for m in run], run[0].start, end))
        items.append(named[-1])
        items.sort(key=lambda it: it.start)
        out |= {m.start for m in run} | {start}  # (the count, when it is some choice too)
    return out


def _name_with_choice(lex: Lexicon, toks: Sequence[str], m: Mention) -> tuple[str, int] | None:
    """"a side of ranch" where the shop sells a "side of dressing" that comes in ranch: the words said before a
    choice and the name of its group make a product's name (the choice said in its group's place; "two sides of
    ranch" in the plural); that product and where its words start, else None."""
    found: set[tuple[str, int]] = set()
    for t in m.options:
        for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1):
            product = lex.products.get(sku)
            group = product.group(t.group) if product is not None else None
            if product is None or group is None:
                continue
            for name in (product.name, *product.aliases):
                words_ = tuple(name.split())
                for said in {phrase_of(n) for n in (group.name, *group.aliases)}:
                    prefix = words_[:-len(said)] if said and words_[-len(said):] == said else ()
                    at = m.start - len(prefix)
                    if prefix and at >= 0 and all(toks[at + i] in (w, w + "s", w + "es") for i, w in enumerate(prefix)):
                        found.add((sku, at))
    return next(iter(found)) if len(found) == 1 else None


def _choice_in_name(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                    items: list[ItemSpec], covered: set[int], made: set[int]) -> set[int]:
    """"a house salad with no dressing and a side of ranch": a counted choice said in the place of its group's name
    in a product's name (:func:`_name_with_choice`) is an item of that product, not a choice of the item before.
    Adds those items; returns where their words start."""
    in_items = {i for it in items for i in range(it.start, it.end)}
    out: set[int] = set()
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or not m.options or m.start in made or m.start in in_items:
            continue
        named = _name_with_choice(lex, toks, m)
        if named is None or named[1] < 1 or any(i in covered for i in range(named[1] - 1, m.start)) \
                or (qty := quantity_token(toks, named[1] - 1)) is None:
            continue  # (not "two pieces of haddock" where "pieces" names the piece of fish: its choice)
        items.append(ItemSpec((named[0],), qty if toks[named[1] - 1] not in ("a", "an") else None,
                              [_option_spec(toks, m, named[1])], named[1] - 1, m.end))
        items.sort(key=lambda it: it.start)
        out.add(m.start)
    return out


_PACKAGES = words("packages")
_PACKAGE_DETERMINERS = words("package_determiners")
_EVERY_BEFORE = words("every_before")
_EVERY_AFTER = phrases("every_after")
_ITEM_ENDS = words("item_ends")
_EDIT_THEM = words("edit_verbs") | words("ref_it")


def _ends_choice(mentions: Sequence[Mention], k: int) -> bool:
    """"a box of 100 window envelopes": a number inside a choice's words ("box of 100") is that choice, not a count
    of what follows it."""
    return any(o.options and o.start < k < o.end for o in mentions)


def _package_word(toks: Sequence[str], m: Mention) -> bool:
    """A mention that is one package word followed by "of" ("two packets of basil seeds", where "packets" is also
    part of a product's name): it counts what follows, so a count before it still reaches the choice after it."""
    return m.end - m.start == 1 and toks[m.start] in _PACKAGES and m.end < len(toks) and toks[m.end] == "of"


def _determiner_of_package(toks: Sequence[str], k: int, floor: int) -> bool:
    """Is ``toks[k]`` a determiner between a package's "of" and what it holds ("three bags of the black mulch",
    "two boxes of your glazed")? Then the count before the package still counts what follows."""
    return toks[k] in _PACKAGE_DETERMINERS and k - 2 >= floor and toks[k - 1] == "of" \
        and (toks[k - 2] in _PACKAGES or toks[k - 2] in _CONTAINERS)


def _narrow(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
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
        named = [p for p in products if any(n[:-1] == said for n in _own_names(p))]
        if not _kind_noun(said, products):
            products = named or products
        if len(products) > 1:
            heads = {n[-1] for other in items if other is not it and len(other.skus) == 1 and other.skus[0] in lex.products
                     for n in _own_names(lex.products[other.skus[0]]) if n}
            kin = [p for p in products if any(n and n[-1] in heads for n in _own_names(p))]
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
    return sum(1 for p in products if any(n and n[-1] in forms for n in _own_names(p))) >= 2


def _all_of_one_kind(toks: Sequence[str], items: list[ItemSpec], summaries: Sequence[Mention]) -> None:
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


def _shared_head(toks: Sequence[str], items: list[ItemSpec], summaries: Sequence[Mention]) -> None:
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


def _summed_up(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"three burgers, two cheeseburgers and a hamburger": a count of a word that names a kind (a product's own
    name, but also its category, tag or part of its name) followed by two or more items of that kind whose counts
    add up to it sums them up; it is no item of its own."""
    out = list(items)
    for k, item in enumerate(items):
        n = item.quantity or 1
        said = [t for t in toks[item.start:item.end] if t not in GLUE and not t.isdigit()]
        if n < 2 or item.options or not said or len(items) - k - 1 < 2:
            continue
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


def _named_owner_of_held(lex: Lexicon, toks: Sequence[str], m: Mention, held: Sequence[OptionSpec]) -> str | None:
    """The product named inside the choice's words (:func:`_named_owner`) when it also offers the choice said as
    its container ("six big bags of red mulch": the mulch, in its big bag, though pots come in red and big too)."""
    owner = _named_owner(lex, toks, m)
    if owner is None or all(any(owner in lex.option_skus.get((t.group, t.value), ()) for t in h.targets) for h in held):
        return owner
    return None


def _ones_said_after(toks: Sequence[str], covered: set[int], at: int) -> int | None:
    """"six bags of red mulch the big ones": an article, choice words and "one(s)" right after an item say that
    item again with those choices; where the "one(s)" is, else None."""
    if at >= len(toks) or toks[at] not in _LIST_ARTICLES:
        return None
    o = at + 1
    while o < len(toks) and o in covered:
        o += 1
    return o if o > at + 1 and o < len(toks) and toks[o] in ("one", "ones") else None


def _ones_of_package(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> None:
    """"six bags of red mulch, the big ones": "ones" stands for the package counted ("bags"), so the choice is the
    one the product names "big bag", though "big" alone is another product's size."""
    for it in items:
        k = it.start - 1
        while k > 0 and (k in covered or toks[k] in _PACKAGE_DETERMINERS) and toks[k] != "of":
            k -= 1
        if not (k > 0 and toks[k] == "of" and toks[k - 1] in _PACKAGES) or len(it.skus) != 1:
            continue
        package = toks[k - 1]
        for n, spec in enumerate(it.options):
            if not spec.said or spec.pos <= it.start:
                continue
            end = spec.pos + len(spec.said.split())
            if end >= len(toks) or toks[end] not in ("one", "ones"):
                continue
            forms = {package, package[:-1] if package.endswith("s") else package + "s"}
            targets = tuple(t for w in sorted(forms) for t in lex.phrases.get((*spec.said.split(), w), ())
                            if t.kind == "option" and it.skus[0] in lex.option_skus.get((t.group, t.value), ()))
            if targets:
                it.options[n] = OptionSpec(targets, spec.amount, spec.qualifier, spec.pos, f"{spec.said} {package}")


def _package_owner(lex: Lexicon, wrapper: Mention | None, m: Mention) -> str | None:
    """"two packets of basil" where "packets" is part of the seed packet's name and basil is both a seed and a herb:
    the one product the package word names that offers the choice, else None."""
    if wrapper is None:
        return None
    skus = {t.sku for t in wrapper.products if any(t.sku in lex.option_skus.get((o.group, o.value), ())
                                                    for o in m.options)}
    return next(iter(skus)) if len(skus) == 1 else None


def _named_owner(lex: Lexicon, toks: Sequence[str], m: Mention) -> str | None:
    """The one product offering this choice whose own name is said inside the choice's words ("raspberry
    danish" is a flavour of the danish, though macarons come in raspberry too), else None."""
    said = tuple(toks[m.start:m.end])
    if len(said) < 2:
        return None
    named = {t.sku for a in range(len(said)) for b in range(a + 1, len(said) + 1) if (a, b) != (0, len(said))
             for t in lex.phrases.get(said[a:b], ()) if t.kind == "product" and t.exact}
    named = {sku for sku in named if any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options)}
    return next(iter(named)) if len(named) == 1 else None  # membership only: never lists a value's products


def _every(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"a chicken pho and a beef pho, both large": options said after "both" / "all of them" go to every item
    named before it whose product offers them, not only to the last one."""
    at = find(toks, EVERY_LINE)
    last = max((it.end for it in items), default=len(toks))
    if at < 0:  # "two taros and a thai tea, all large": a bare "all" right before choices after the last item
        at = next((i for i in range(last, len(toks) - 1) if toks[i] in _EVERY_BEFORE
                   and any(i < o.pos <= i + 2 and all(toks[j] in GLUE for j in range(i + 1, o.pos))
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
    moved = [o for o in before[-1].options if o.pos >= at and (trailing < 0 or o.pos < trailing)]
    for it in before[:-1]:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        if product is None:
            continue
        it.options.extend(o for o in moved if o not in it.options and any(
            (g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets))


_SHARED_LEADS = words("shared_leads")
_SAME_AS_BEFORE = phrases("same_as_before")


def _needed_for_all(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
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
        if g is not None and g.value(t.value) is not None and _needed(lex, product.sku, t.group) \
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


def _same_as_before(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
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


def _plural_for_all(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], breaks: frozenset[int]) -> None:
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
                toks[i] in FILLER_WORDS or toks[i] in _EDIT_THEM or (opened and toks[i] in GLUE) for i in lead):
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
        elif toks[i] == "one" and _article_one(toks, i, covered):
            continue  # "two hot cocoas and a large one with whipped cream": the "one" of "a large one", no part
        elif (toks[i] == "one" or toks[i].isdigit()) and quantity_token(toks, i) is not None:
            out.append((i, int(toks[i]) if toks[i].isdigit() else 1))
    return out


def _article_one(toks: Sequence[str], i: int, covered: set[int]) -> bool:
    """The "one" at ``i`` closes "a <choices> one" ("a large one"): it stands for the product, it counts nothing."""
    j = i - 1
    while j >= 0 and j in covered:
        j -= 1
    return j < i - 1 and j >= 0 and toks[j] in ("a", "an", "another")


def _appositive(toks: Sequence[str], prev: ItemSpec, a: int, moved: Sequence[OptionSpec]) -> bool:
    """"a watering can a red one", "a latte, a large one": "a <choices> one" right after a single item, with no
    word between, says that item again with its choices, not one more; unless the item already has another value
    of the same choice ("a red watering can a blue one": two cans)."""
    if toks[a] not in ("a", "an") or prev.end != a or prev.quantity not in (None, 1):
        return False
    kept = {t.group for o in prev.options if not a <= o.pos for t in o.targets}
    return not any(t.group in kept for o in moved for t in o.targets)


def _another_one(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> list[ItemSpec]:
    """"a medium pepperoni and a large one with mushrooms", "a black t-shirt in medium and a red one in
    small": "a <options> one" after an item is one more of that product, made as said after the article."""
    out = list(items)
    for a, tok in enumerate(toks):
        measured = _measured_ones(toks, covered, a)  # "and half a pound of heirloom ones"
        if (tok not in ("a", "an", "another") and not (tok.isdigit() and 1 < int(tok) < 100) or a in covered) \
                and not measured:
            continue
        o = a + 1
        plain = False
        while o < len(toks) and (o in covered or toks[o] in _SUB_WORDS or toks[o] == "of" and o - 1 in covered
                                 and o + 1 in covered):  # "and a kilo of roma ones"
            plain = plain or o not in covered  # "two regular ones": made the plain way
            o += 1  # past the option words
        if o >= len(toks) or toks[o] not in ("one", "1", "ones") or o in covered or tok.isdigit() and toks[o] != "ones":
            continue
        before = [it for it in out if it.end <= a]
        after = [it for it in out if it.start > o]
        if not before or (after and after[0].start <= o + 1):
            continue
        prev = before[-1]
        end = after[0].start if after else len(toks)
        moved = [opt for opt in prev.options if a <= opt.pos < end]
        if any(a <= it.start <= o for it in out):
            continue  # a line already made of these words ("and two mango ones", split by _split)
        if not moved and not plain or tok.isdigit() and moved:
            continue  # "a latte and a ... one" with nothing said of it: no new line on a guess (and "two mango
            # ones" is a split of the line before, made by _split)
        if prev.quantity in (None, 1) and any(toks[i] in _REFINE for i in range(prev.end, a)):
            continue  # "a mocha but a decaf one": that mocha, made so (its options stay on it)
        if _appositive(toks, prev, a, moved):
            continue  # "a watering can, a red one, and a hose": that watering can, said again with its colour
        prev.options[:] = [opt for opt in prev.options if not a <= opt.pos < end]
        count = int(tok) if tok.isdigit() else None
        out.insert(out.index(prev) + 1, ItemSpec(prev.skus, count, [*_kind_of(lex, prev, moved), *moved], a, o + 1,
                                                 prev.exact))
    return out


def _another_unnamed(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> list[ItemSpec]:
    """"a quart of black exterior paint and a quart of white", "a roll of painters tape the one inch and a roll of
    the two inch": after "and", an article or a count followed only by choice words (and glue) that give another
    value of a one-choice group the item before already has is one more line of that product, with the noun left
    out, not a change of the first one."""
    out = list(items)
    for a in range(1, len(toks)):
        if a in covered or toks[a - 1] not in SEPARATORS or quantity_token(toks, a) is None:
            continue
        before = [it for it in out if it.end <= a]
        after = [it for it in out if it.start >= a]
        end = after[0].start if after else len(toks)
        end = next((j for j in range(a + 1, end) if toks[j] == "for" and _person_at(lex, toks, j + 1) > j + 1), end)
        # ("and a small penguin for my nephew": who it is for closes it)
        if not before or len(before[-1].skus) != 1 or (product := lex.products.get(before[-1].skus[0])) is None:
            continue
        prev = before[-1]
        opening = set(toks[before[-2].end if len(before) > 1 else 0:a])
        if any(toks[i] in _REFINE for i in range(prev.end, a)) or not all(
                i in covered or toks[i] in ("a", "an", "the") or toks[i] in opening and (toks[i] in GLUE or toks[i] in
                                                                                         _PACKAGES)
                for i in range(a + 1, end)):
            continue  # only choice words, articles and the item's own glue or packaging again ("a roll of"): no noun
            # of its own ("and a side of ranch" is no second salad)
        moved = [o for o in prev.options if a < o.pos < end]
        if not _other_value(product, [o for o in prev.options if o.pos < a], moved):
            continue
        prev.options[:] = [o for o in prev.options if not a < o.pos < end]
        out.insert(out.index(prev) + 1, ItemSpec(prev.skus, int(toks[a]) if toks[a].isdigit() else None,
                                                 [*_kind_of(lex, prev, moved), *moved], a, end, prev.exact))
    return out


def _other_value(product: Product, had: Sequence[OptionSpec], said: Sequence[OptionSpec]) -> bool:
    """Whether ``said`` gives a one-choice group of ``product`` another value than ``had`` gave it ("white" after
    "black" for a paint's colour; "two inch" after "one inch" for a tape's width)."""
    def values(specs: Sequence[OptionSpec]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for o in specs:
            for t in o.targets:
                if (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None:
                    out.setdefault(g.code, set()).add(t.value)
        return out

    old, new = values(had), values(said)
    return any(code in old and not vals & old[code] for code, vals in new.items())


def _measured_ones(toks: Sequence[str], covered: set[int], a: int) -> bool:
    """"a pound of roma tomatoes and half a pound of heirloom ones": after "and", choice words (a measure, a kind)
    running up to "ones" say one more line of the product before, as "a red one" does, though no article or count
    opens them."""
    if a == 0 or a not in covered or a - 1 in covered or toks[a - 1] not in SEPARATORS:
        return False
    o = a
    while o < len(toks) and (o in covered or toks[o] == "of" and o > a):
        o += 1  # ("half a kilo of roma ones")
    return o > a + 1 and o < len(toks) and toks[o] == "ones"


def _kind_of(lex: Lexicon, prev: ItemSpec, moved: Sequence[OptionSpec]) -> list[OptionSpec]:
    """"a large apple juice and a small one": "one" stands for the apple juice, so the new line takes the earlier
    one's answers to the product's required single choices (its flavour) that are not said again; not its optional
    or several-at-once choices ("a medium pepperoni and a large one with mushrooms": no pepperoni)."""
    if len(prev.skus) != 1 or (product := lex.products.get(prev.skus[0])) is None:
        return []
    said = {t.group for o in moved for t in o.targets}
    required = {g.code for g in product.option_groups if g.required and g.default is None and not g.multiple}
    return [o for o in prev.options if len({t.group for t in o.targets} & required - said) == 1
            and len({t.group for t in o.targets}) == 1]


def _one_said_at(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], covered: set[int], a: int
                 ) -> tuple[tuple[int, ...], ItemSpec, list[tuple[ItemSpec, OptionSpec]]] | None:
    """"the peach one" at ``a`` after the items: the item said with that choice ("a peach fruit tea and a grapefruit
    one"), or the one whose product's name holds those words ("one classic ahi and one salmon lover, the salmon
    one"): (the "one" words' positions, that item, the selecting choices with the items they sit on); None when
    the words there select no single item said before."""
    if toks[a] != "the" or a in covered:
        return None
    o = a + 1
    while o < len(toks) and o in covered:
        o += 1
    if o == a + 1 or o >= len(toks) or toks[o] not in ("one", "ones") or any(it.start > a for it in items):
        return None
    chosen = [(it, opt) for it in items for opt in it.options if a < opt.pos < o]
    picked = {(t.group, t.value) for _, opt in chosen for t in opt.targets}
    named = [it for it in items if any(opt.pos < a and {(t.group, t.value) for t in opt.targets} & picked
                                       for opt in it.options)]
    if not named:
        said = tuple(toks[a + 1:o])
        named = [it for it in items if len(it.skus) == 1 and (p := lex.products.get(it.skus[0])) is not None
                 and any(words_run(said, phrase_of(n)) for n in (p.name, *p.aliases))]
    return ((o,), named[0], chosen) if len(named) == 1 else None


def _the_one_said(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> None:
    """"a peach fruit tea and a grapefruit one, the peach one large", "one classic ahi and one salmon lover, the
    salmon one on quinoa": after the items, "the <choice> one" or "the <part of a name> one" names that item
    (:func:`_one_said_at`); the choices said after it go on that item (and the selecting words on none)."""
    for a in range(len(toks)):
        said = _one_said_at(lex, toks, items, covered, a)
        if said is None:
            continue
        (o,), named, chosen = said
        for it, opt in chosen:
            it.options.remove(opt)
        later = [(it, opt) for it in items for opt in it.options if opt.pos > o]
        for it, opt in later:
            it.options.remove(opt)
            named.options.append(opt)


def _named_again(toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"two hot dogs and a coke, the hot dogs with relish": a product said again with "the" and no count, after an
    item of that product in the same sentence, is that item; what is said with it goes on it."""
    out: list[ItemSpec] = []
    for item in items:
        same = [it for it in out if it.skus == item.skus]
        if same and item.quantity is None and item.start > 0 and toks[item.start - 1] == "the" \
                and find(toks[same[-1].end:item.start], _SWAP) < 0:  # not "a vanilla shake instead of the strawberry shake"
            same[-1].options.extend(o for o in item.options if o not in same[-1].options)
            continue
        out.append(item)
    return out


def _split(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention], roles: list[str],
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
        plural = item.quantity is None and _said_plural(lex, toks, item)
        # "two fruit teas, a mango and a grapefruit"; "beam wiper blades a 24 inch and a 19 inch"
        many = (item.quantity is not None and item.quantity >= 2) or plural
        for pos, qty in _markers(toks, item.end, limit, covered, many):
            seg_end = min([p for p, _ in _markers(toks, pos + 1, limit, covered, many)] + [limit])
            has_opt = any(pos < p < seg_end for p in opt_pos)
            if toks[pos] in ("a", "an") and not has_opt:
                continue
            if nxt is not None and (not any(pos < p < nxt.start for p in opt_pos)
                                    or _glue_only(toks, pos + 1, nxt.start, covered)):
                continue  # the next item's own quantity (and its modifiers)
            generic = toks[pos] in ("one", "a", "an") or toks[pos].isdigit()
            if generic and item.quantity is None and not plural and not _more_ones(toks, item, pos, seg_end):
                continue  # "a latte ... just one": no second line
            if generic and not has_opt and not any(t in _SUB_WORDS for t in toks[pos + 1:seg_end]):
                continue
            post.append((pos, qty))
        if plural and any(toks[pos] in ("a", "an") for pos, _ in post):
            post = [(pos, q) for pos, q in post if toks[pos] != "one"]  # "hoodies a black one ... a grey one"
        if plural and len(post) < 2:
            post = []  # uncounted "wiper blades" are shared out by two or more parts ("a 24 inch and a 19 inch")
        if not plural and any(toks[pos] in ("a", "an") for pos, _ in post) and sum(q for _, q in post) != item.quantity:
            # "a mango and a grapefruit" share out "two fruit teas" only when they add up to it; "two 6 foot cords
            # and a 100 foot one" is one more
            post = [(pos, q) for pos, q in post if toks[pos] not in ("a", "an")]
        post = _in_units(lex, toks, item, post)
        pre = _pre_markers(toks, prev_end, item, covered, opt_pos, mentions)
        for summary in summaries:
            total = [(pos, q) for pos, q in pre if pos < summary.start]
            if total and summary.end <= item.start and any(pos >= summary.end for pos, _ in pre):
                cut = total[-1][0]
                lead.append((summary, [o for o in item.options if cut <= o.pos < summary.end]))
                item = ItemSpec(item.skus, item.quantity, [o for o in item.options if not cut <= o.pos < summary.end],
                                item.start, item.end, item.exact)
                pre = [(pos, q) for pos, q in pre if pos >= summary.end]
        prev_end = item.end
        keep = []
        for j, (pos, qty) in enumerate(pre):
            seg_end = pre[j + 1][0] if j + 1 < len(pre) else item.start
            if j == len(pre) - 1 or any(pos < p < seg_end for p in opt_pos) \
                    or any(t in _SUB_WORDS for t in toks[pos + 1:seg_end]):
                keep.append((pos, qty))
        pre = keep if len(keep) >= 2 else []
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
            if (item.quantity is not None and item.quantity >= 2) or _plural_shared(lex, toks, item, post):
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
        said = sum(s.quantity or 1 for s in subs)
        if apart:
            pass
        elif item.quantity is not None and not pre and said < item.quantity and shared:
            subs.append(ItemSpec(item.skus, item.quantity - said, list(shared), item.start, item.end, item.exact))
        elif item.quantity is not None and not pre and said < item.quantity and not shared and item.quantity >= 2:
            subs.append(ItemSpec(item.skus, item.quantity - said, [], item.start, item.end, item.exact))
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
    return item.quantity in (None, 1) and len(post) >= 2 and _said_plural(lex, toks, item)


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
        return []
    return [o for o in head if o.pos > pivot and len(groups(o)) == 1 and not groups(o) & said]


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


def _pre_markers(toks: Sequence[str], a: int, item: ItemSpec, covered: set[int], opt_pos: Sequence[int],
                 mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The sub-item starts before ``item``; "a mango and a strawberry slush", "a small and a large fries": an
    article before each of two or more values of one group, said before the product, starts a sub-item too."""
    plain = _markers(toks, a, item.start, covered)
    marks = _markers(toks, a, item.start, covered, articles=True)
    if len(marks) < 2 or marks == plain:
        return plain
    groups: list[set[str]] = []
    for j, (pos, _) in enumerate(marks):
        end = marks[j + 1][0] if j + 1 < len(marks) else item.start
        said = {t.group for m in mentions if pos < m.start < end and m.start in opt_pos for t in m.options}
        if not said:
            return plain
        groups.append(said)
    return marks if set.intersection(*groups) else plain


def _of_kind(lex: Lexicon, toks: Sequence[str], item: ItemSpec, skus: tuple[str, ...], summary: Mention) -> tuple[str, ...]:
    """The products of the summed-up kind an item may be; the one named by the item's words plus the kind's
    noun when there is exactly one ("one cheese" of "three pizzas" is the cheese pizza, not the four cheese)."""
    kind_words = {w for t in toks[summary.start:summary.end] for w in (t, t[:-1] if t.endswith("s") else t)}
    said = tuple(t for t in toks[item.start:item.end] if t not in GLUE and not t.isdigit() and t != "one")
    exact = [sku for sku in skus if sku in lex.products and any(
        tuple(w for w in name if w not in kind_words) == said for name in _own_names(lex.products[sku]))]
    return (exact[0],) if len(exact) == 1 else skus


def _parts(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
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


def _halves(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
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
                or any(t not in _JOIN_FILL for t in toks[first.pos + max(len(first.said.split()), 1):at[1]]):
            out.append(item)
            continue
        rest = [o for o in item.options if o.pos not in at and o is not first and o is not second]
        out.append(ItemSpec(item.skus, n // 2, [*rest, first], item.start, item.end, item.exact))
        out.append(ItemSpec(item.skus, n // 2, [*rest, second], at[1], second.pos + 1, item.exact))
    return out


def halves_of_line(lex: Lexicon, toks: Sequence[str], sku: str, quantity: int, specs: Sequence[OptionSpec]
                   ) -> list[tuple[int, list[OptionSpec]]]:
    """"A dozen pistachio macarons" - "half pistachio half raspberry": the shares of :func:`_halves` said alone
    of a line of ``quantity``, as (count, choices) per half; empty when the turn says no such halves."""
    halves = _halves(lex, toks, [ItemSpec((sku,), quantity, list(specs), 0, 0, True)])
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


def _parts_of_noun(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
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


def _own_names(product: Product) -> set[tuple[str, ...]]:
    names = {phrase_of(product.name), *(phrase_of(a) for a in product.aliases)}
    return names | {(*n[:-1], n[-1] + "s") for n in names if n}


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
    bare_first = prev.start == 0 or toks[prev.start - 1] not in _LIST_ARTICLES and not toks[prev.start - 1].isdigit()
    counted = nxt.start == m.end + 2 and (toks[m.end + 1] in _LIST_ARTICLES or toks[m.end + 1].isdigit())
    return (nxt.start == m.end + 1 or bare_first and counted) and m.end < len(toks) and toks[m.end] == "and"


def _one_each(lex: Lexicon, items: list[ItemSpec]) -> list[ItemSpec]:
    """"three fruit teas mango peach and lychee": as many values of one one-choice group said after a counted item
    as its count, one of each (the item's other choices on each: "two snowboard packages for two days sizes nine
    and eleven")."""
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
        out.extend(ItemSpec(it.skus, 1, [*rest, o], it.start, it.end, it.exact) for o in each)
    return out


_OF_EACH = phrases("of_each")
_EACH_BEFORE = phrases("each_before")
_EACH_AFTER = phrases("each_after")


def _said_end(o: OptionSpec) -> int:
    """Where the words of a choice said in this turn end ("pilau rice" at 9: 11)."""
    return o.pos + max(1, len(o.said.split()))


def _joined_values(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> list[OptionSpec]:
    """Two or more values of one one-choice group of the item's product said in a row, the last after "and"
    ("black and blue", "red, green and blue"); none when there are no such values."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None:
        return []
    said = sorted((o for o in item.options if o.pos >= 0 and o.said), key=lambda o: o.pos)
    for code in dict.fromkeys(t.group for o in said for t in o.targets):
        group = product.group(code)
        if group is None or group.multiple:
            continue
        run = [o for o in said if any(t.group == code and group.value(t.value) is not None for t in o.targets)]
        gaps = [toks[_said_end(a):b.pos] for a, b in zip(run, run[1:], strict=False)]
        if len(run) > 1 and all(not g or list(g) == ["and"] for g in gaps) and gaps[-1] == ["and"]:
            return run
    return []


def _each_value(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"black and blue biros", "red and green pens, a pack of each": values of one one-choice group joined by
    "and" with a noun in the plural (or before "of each") are a line each, not the last value alone; a count said
    before "of each" ("two of each") is each line's."""
    out: list[ItemSpec] = []
    for k, it in enumerate(items):
        run = _joined_values(lex, toks, it)
        if not run:
            out.append(it)
            continue
        nxt = items[k + 1].start if k + 1 < len(items) else len(toks)
        tail = max(it.end, _said_end(run[-1]))
        each = next((i for i in range(tail, min(nxt, tail + 4)) if any(
            tuple(toks[i:i + len(p)]) == p for p in _OF_EACH)), -1)
        word = toks[it.end - 1]
        plural = word.endswith("s") and not word.endswith("ss") and all(o.pos < it.end - 1 for o in run)
        if each < 0 and not (plural and it.quantity in (None, len(run))):  # not "nachos with verde and chipotle"
            out.append(it)
            continue
        count = next((q for i in range(each - 1, max(tail, each - 3) - 1, -1)
                      if (q := quantity_token(toks, i)) is not None), 1) if each >= 0 else 1
        rest = [o for o in it.options if o not in run]
        out.extend(ItemSpec(it.skus, count, [*rest, o], it.start, it.end, it.exact) for o in run)
    return out


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


def _rebalance(lex: Lexicon, items: list[ItemSpec]) -> list[ItemSpec]:
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


_SWAP = phrases("swap")


_CORRECTION_WORDS = frozenset(w for p in CORRECTION for w in p) | words("fillers")


def _trailing_cue(toks: Sequence[str], prev: ItemSpec) -> int:
    """Where the words closing ``prev``'s span begin when they are only a correction ("a large, no sorry, a small
    apple juice": the sub-item "a large" ran up to the next article), else ``prev.end``."""
    own = max((o.pos for o in prev.options if prev.start <= o.pos < prev.end), default=prev.start)
    i = prev.end
    while i - 1 > own and toks[i - 1] in _CORRECTION_WORDS:
        i -= 1
    return i if i < prev.end and find(toks[i:prev.end], CORRECTION) >= 0 else prev.end


def _corrections(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"a latte, no, a mocha": the later item replaces the earlier one. "A large apple juice, no sorry, a small
    one": the same product said again as "one" keeps what the earlier one had of the other choices. "A beanie the
    red one sorry the mustard one": words said as "the ... one" that name a choice of the product being corrected
    are that choice of it, not another product those words name on their own (the mustard sauce)."""
    out: list[ItemSpec] = []
    for item in items:
        if out:
            prev = out[-1]
            gap_start = max([_trailing_cue(toks, prev)] + [o.pos + len(o.said.split()) for o in prev.options
                                                            if o.pos < item.start])  # not "no" of "no sugar"
            cue = find(toks[:item.start], CORRECTION, gap_start)
            joined = any(t in ("and", "plus", "also", "with") for t in toks[gap_start:item.start])
            swap = find(toks[gap_start:item.start], _SWAP) >= 0  # "a mocha instead of the latte": both stay
            if cue >= 0 and not joined and not swap and item.start - gap_start <= 6:
                item = _choice_of_corrected(lex, toks, prev, item)
                if item.quantity is None:
                    item.quantity = prev.quantity
                if item.skus == prev.skus and toks[item.end - 1] in ("one", "ones"):
                    said = {t.group for o in item.options for t in o.targets}
                    item.options[:0] = [o for o in prev.options if not said & {t.group for t in o.targets}]
                out[-1] = item
                continue
        out.append(item)
    return out


def _choice_of_corrected(lex: Lexicon, toks: Sequence[str], prev: ItemSpec, item: ItemSpec) -> ItemSpec:
    """``item``, said as "the <words> one" right after a correction of ``prev``, as ``prev``'s product with the
    choice those words name when that product offers it; ``item`` itself otherwise."""
    product = lex.products.get(prev.skus[0]) if len(prev.skus) == 1 else None
    if product is None or item.skus == prev.skus or item.options or item.quantity is not None \
            or toks[item.end:item.end + 1] not in (["one"], ["ones"]) or item.start == 0 \
            or toks[item.start - 1] not in _LIST_ARTICLES:
        return item
    said = tuple(toks[item.start:item.end])
    values = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                   and product.sku in lex.option_skus.get((t.group, t.value), ()))
    if not values:
        return item
    return ItemSpec(prev.skus, None, [OptionSpec(values, "regular", "", item.start, " ".join(said))],
                    item.start, item.end + 1, True)


_COUNT_REPAIR_ENDS = words("count_repair_ends") | words("containers") | words("packages")
_NEXT_ITEM_LEADS = _JOIN_FILL | _LIST_ARTICLES


def _counts_repaired(toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"two bags of potatoes no just one", "three lattes, sorry, two please": a correction and a bare count right
    after an item, before the next item or the end of the turn, repair that item's count (the words after the count
    say nothing more than ``count_repair_ends``)."""
    for k, item in enumerate(items):
        end = max([item.end] + [o.pos + max(len(o.said.split()), 1) for o in item.options])
        stop = items[k + 1].start if k + 1 < len(items) else len(toks)
        gap = list(toks[end:stop])
        while k + 1 < len(items) and gap and gap[-1] in _NEXT_ITEM_LEADS:
            gap.pop()  # "..., sorry, two please and a muffin": the words that open the next item
        cue = find(gap, CORRECTION)
        if cue < 0 or any(t not in _CORRECTION_WORDS for t in gap[:cue]):
            continue
        at = next((i for i in range(cue, len(gap)) if gap[i] not in _CORRECTION_WORDS), len(gap))
        said = gap[at] if at < len(gap) else ""
        count = int(said) if said.isdigit() else 1 if said == "one" else 0
        if not 0 < count < 1000 or count == item.quantity or any(t not in _COUNT_REPAIR_ENDS for t in gap[at + 1:]):
            continue
        item.quantity = count


def one_of_the_kind(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], last_sku: str | None) -> list[ItemSpec]:
    """"A pulled pork sandwich" - "and a brisket one": a product name said before "one" stands for the product of
    that kind named before (earlier in the turn, else the line last touched): the product named with its words in
    front of that one's head ("brisket" + "sandwich" -> the brisket sandwich), else that product with the choice
    the words name ("a sandwich combo and a brisket one": a combo with the brisket)."""
    out: list[ItemSpec] = []
    for it in items:
        before = [o for o in out if o.end <= it.start]
        ref = before[-1].skus[0] if before and len(before[-1].skus) == 1 else last_sku
        ones = it.end < len(toks) and toks[it.end] in ("one", "ones") and it.start > 0 \
            and (toks[it.start - 1] in ("a", "an", "another") or toks[it.start - 1].isdigit())
        product = lex.products.get(ref or "")
        if not ones or product is None or ref in it.skus or it.options:
            out.append(it)
            continue
        out.append(_kind_of_ref(lex, tuple(toks[it.start:it.end]), product, it))
    return out


def choice_one_of_the_line(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], last_sku: str | None
                           ) -> tuple[list[ItemSpec], list[OptionSpec], int | None]:
    """"Two black ink cartridges" - "and one colour one": choice words said as "a/one <choice> one" with no product
    named, every one of them a choice the product of the line last touched offers, are one more like that line,
    made so (its printer kept), not the other product those words would name on their own (the "coloured" paper
    clips). Gives the items left, the choices for the line and the count said; ``items`` unchanged otherwise."""
    product = lex.products.get(last_sku or "")
    if product is None or len(items) != 1 or items[0].skus == (last_sku,) or not items[0].options:
        return items, [], None
    it = items[0]
    said = tuple(toks[it.start:it.end])
    lead = toks[it.start - 1] if it.start > 0 else ""
    ones = said[-1:] in (("one",), ("ones",)) or it.end < len(toks) and toks[it.end] in ("one", "ones")
    if not ones or not (lead in ("a", "an", "another", "one") or lead.isdigit()):
        return items, [], None
    if any(t.kind == "product" for a in range(len(said)) for b in range(a + 1, len(said) + 1)
           for t in lex.phrases.get(said[a:b], ())):
        return items, [], None  # a product's own words ("a chicken one"): :func:`one_of_the_kind`
    if not all(any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets)
               for o in it.options):
        return items, [], None
    return [], list(it.options), it.quantity


def kind_named_alone(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], ref_sku: str | None) -> list[ItemSpec]:
    """"Do you have the cast iron teapot" (sold out) - "ok the glass one then": words that name no item on their
    own, said between "the"/"a" and "one", stand for the product of the kind talked about (``ref_sku``, one not in
    the cart) named with those words in front of that one's head ("glass" + "teapot" -> the glass teapot);
    ``items`` when the turn names any item or no such product is named."""
    product = lex.products.get(ref_sku or "")
    if items or product is None:
        return items
    for i, tok in enumerate(toks):
        if tok not in ("one", "ones"):
            continue
        for j in range(max(0, i - 3), i):
            if j == 0 or toks[j - 1] not in ("the", "a", "an", "another"):
                continue
            it = _kind_of_ref(lex, tuple(toks[j:i]), product, ItemSpec((product.sku,), None, [], j, i + 1))
            if it.skus != (product.sku,) and not it.options:
                return [it]
    return items


def _kind_of_ref(lex: Lexicon, said: tuple[str, ...], product: Product, it: ItemSpec) -> ItemSpec:
    """``it`` (said as ``said`` + "one") as a kind of ``product``; ``it`` itself when no product or choice fits."""
    name = phrase_of(product.name)
    for k in range(1, len(name)):
        named = [t.sku for t in lex.phrases.get((*said, *name[k:]), ()) if t.kind == "product" and t.exact]
        if len(set(named)) == 1 and named[0] != product.sku:
            return ItemSpec((named[0],), it.quantity, [], it.start, it.end, True)
    values = [t for t in lex.phrases.get(said, ()) if t.kind == "option"
              and product.sku in lex.option_skus.get((t.group, t.value), ())]
    if values:
        return ItemSpec((product.sku,), it.quantity, [OptionSpec(tuple(values), "regular", "", it.start, " ".join(said))],
                        it.start, it.end, True)
    return it
