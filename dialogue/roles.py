"""The role of each catalog mention in a sentence: a product (an item), a choice of an item, a choice group, or
nothing to order ("for the kids", "a roll of tape", "i'm making a baby quilt").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from itertools import islice

from dialogue.amounts import qualifier_before
from dialogue.attach import named_owner, needed, offered_here
from dialogue.corrections import swap_frame
from dialogue.item_words import (
    BASE_PREPS,
    HOLDER_PREPS,
    LIST_ARTICLES,
    MEASURES,
    PACKAGES,
    PURPOSE_LEADS,
    WITH,
    WITH_LIST,
)
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention
from dialogue.numbers import COUNT_UNITS
from dialogue.owners import MANY_OWNERS
from dialogue.packaging import shoppers_own
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE, SEPARATORS, quantity_token
from dialogue.turn_words import LEAD_FILL

_FILLED_OF = words("filled_of")
_FILLERS = words("fillers")
_FILLERS_OR_THEN = _FILLERS | words("sequence_fillers")
_MORE_AFTER_COUNT = frozenset({"more", "additional", "extra"}) & words("more_after_count")


_DEFINITE_LINE = words("definite_line")


def _line_said_short(toks: Sequence[str], m: Mention, lines: AbstractSet[str]) -> bool:
    """"swap the turkey for a blt": a word that names several products, said with "the" ("my", "that") right
    before it as what a swap takes out, of which the cart holds exactly one: that line, named short (not a word
    that sums up the other products named with it)."""
    frame = swap_frame(toks)
    if frame is None or m.start < 1 or toks[m.start - 1] not in _DEFINITE_LINE \
            or len({t.sku for t in m.products} & lines) != 1:
        return False
    start, at, new_first = frame
    return at < m.start if new_first else start <= m.start and m.end <= at


def _opens_after_and(toks: Sequence[str], k: int) -> bool:
    """The word at ``k`` opens a phrase after "and" (past words that may open one: "and actually the ...")."""
    j = k - 1
    while j >= 0 and toks[j] in LEAD_FILL and toks[j] not in SEPARATORS:
        j -= 1
    return j >= 0 and toks[j] in SEPARATORS


def _package_of_next(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], n: int) -> bool:
    """A product named by one package word ("box") said right before "of" and another product ("a box of romex
    staples"): the package that product comes in, no item of its own (nor, when that product offers it, its choice:
    left to be read so)."""
    m = mentions[n]
    if not (m.end - m.start == 1 and toks[m.start] in PACKAGES and m.end + 1 < len(toks) and toks[m.end] == "of"
            and n + 1 < len(mentions) and mentions[n + 1].start == m.end + 1 and mentions[n + 1].exact_products):
        return False
    nxt = {t.sku for t in mentions[n + 1].products}
    return not {t.sku for t in m.products} & nxt \
        and not any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in nxt)


def _head_of_its_choice(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], n: int) -> bool:
    """A word of one product's name said right after a choice only that product offers ("the eagle peak map"): the
    noun of an item made so, not a word summing up the products said after it."""
    m = mentions[n]
    skus = {t.sku for t in m.products}
    prev = mentions[n - 1] if n else None
    if len(skus) == 1 and prev is not None and prev.end == m.start and bool(prev.options) \
            and not prev.products and all(lex.option_skus.get((t.group, t.value), set()) == skus for t in prev.options):
        return True
    # "the eucalyptus spa crystals" of "spa aromatherapy crystals": choice words right before it, each a word of
    # its name too or a choice only it offers, one of them such a choice
    product = lex.products.get(next(iter(skus))) if len(skus) == 1 else None
    if product is None:
        return False
    name_words = {w for name in (product.name, *product.aliases) for w in phrase_of(name)}
    own, end, k = False, m.start, n - 1
    while k >= 0 and mentions[k].end == end and mentions[k].options and not mentions[k].products:
        p = mentions[k]
        if all(lex.option_skus.get((t.group, t.value), set()) == skus for t in p.options):
            own = True
        elif not set(toks[p.start:p.end]) <= name_words:
            break
        end, k = p.start, k - 1
    return own
_SAID_RIGHT_AFTER = 4  # words from a kind to the product that says which it is ("a gift a bottle of jameson")


def _counted_kind(toks: Sequence[str], mentions: Sequence[Mention], n: int, breaks: frozenset[int] = frozenset(),
                  lex: Lexicon | None = None) -> bool:
    """A generic mention ("pizza") with its own article or count before it (past option words), and no
    product of its kind named right after it (then it sums them up: "two pies, one pepperoni and ...")."""
    m = mentions[n]
    own_after = m.end < len(toks) and toks[m.end] == "of" and n + 1 < len(mentions) \
        and mentions[n + 1].start == m.end + 1 and not mentions[n + 1].products and bool(mentions[n + 1].options) \
        and lex is not None and len({t.sku for t in m.products for o in mentions[n + 1].options
                                     if t.sku in lex.option_skus.get((o.group, o.value), ())}) == 1
    if m.end < len(toks) and toks[m.end] == "of" and not own_after:
        return False  # "two bags of penne", "a roll of tape": a container of what follows (but "two pots of
        # chilli": the one product of that kind with that choice, said after "of", an item of its own; "two rolls
        # of yellow" where ribbons and streamers come in yellow stays a container of what was said before)
    option_at = {i for o in mentions[:n] if o.options for i in range(o.start, o.end)}
    k = m.start - 1
    while k >= 0 and (k in option_at or toks[k] in _FILLERS):
        k -= 1
    if k >= 2 and toks[k] == "of" and any(o.products and o.start <= k - 1 < o.end for o in mentions[:n]):
        k -= 2  # "and a roll of tape" ("roll" is part of some product's name): the container's count
    elif k >= 2 and toks[k] == "the" and toks[k - 1] == "of" and toks[k - 2].isdigit():
        k -= 2  # "and two of the small canisters": that count of them
    elif k >= 1 and toks[k] == "the" and toks[m.end:m.end + 1] in (["one"], ["ones"]) and _opens_after_and(toks, k):
        return True  # "a squeeze filter and actually the pump one too": another item, "one" its noun
    if k >= 1 and toks[k] in COUNT_UNITS and toks[k - 1].isdigit():
        k -= 1  # "a dozen dumplings" ("12 dozen"): counted by the unit said
    if (k < 0 or not (toks[k] in ("a", "an", "another", "one") or toks[k].isdigit())) and m.end - m.start > 1 \
            and toks[m.start].isdigit():
        k = m.start  # "two eggs and a coffee": names that open with their number ("two eggs any style"), counted by it
    if k < 0 or not (toks[k] in ("a", "an", "another", "one") or toks[k].isdigit()):
        return False
    if own_after:
        return True
    kinds = {t.sku for t in m.products}
    later = [o for o in mentions[n + 1:] if o.exact_products]
    if later and later[0].start > 0 and toks[later[0].start - 1] == "the" \
            and any(b in breaks for b in range(m.end, later[0].start)) \
            and not any(t in SEPARATORS for t in toks[m.end:later[0].start]):
        return False  # "a hot tea please. Let's try the peppermint rose": the next sentence says which one
    if len(kinds) == 1 and m.end < len(toks) and toks[m.end] in ("a", "an") and any(
            {t.sku for t in o.products} == kinds for o in mentions[n + 1:]
            if m.end <= o.start and (not later or o.start <= later[0].start)):
        return True  # one product said again with an article of its own is another of it ("a US 7 circular a US 6
        # circular and ...")
    if later and m.end < later[0].start <= m.end + _SAID_RIGHT_AFTER and toks[m.end] in ("a", "an") \
            and not any(t in SEPARATORS for t in toks[m.end:later[0].start]):
        return False  # "a gift a bottle of jameson": the item said right after it says which thing that is
    if later and later[0].options and later[0].start > 0 and toks[later[0].start - 1] in WITH:
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
        if toks[k] in LIST_ARTICLES:
            articles.append(k)
            k -= 1
        elif k in option_at or toks[k] in WITH_LIST:
            k -= 1
        elif q is not None and q.amount != "none":
            k = q.start - 1
        else:
            break
    if k < 0 or lex is None:
        return False
    filled = toks[k] in _FILLED_OF and any(o.products and o.end == k for o in mentions[:n])  # "a growler of ipa"
    if toks[k] not in WITH and toks[k] not in BASE_PREPS and toks[k] not in HOLDER_PREPS and not filled:
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
        if not named and o.end <= k and (owner := named_owner(lex, toks, o)) is not None:
            named = {owner}
        if named and o.end <= k:
            earlier.append(named)
    if not earlier:
        # "and another one with pepperoni", "the other with pudding": the line in focus
        return k > 0 and toks[k - 1] in ("one", "ones", "other", "others")
    skus = earlier[-1]
    offered = [(sku, t) for t in m.options for sku in skus if sku in lex.option_skus.get((t.group, t.value), ())]
    given = {t.group for o in mentions[:n] if k < o.start < m.start for t in o.options}
    return any(not _one_choice_taken(lex, sku, t.group, given) and (not counted or needed(lex, sku, t.group))
               for sku, t in offered)


def _one_choice_taken(lex: Lexicon, sku: str, group: str, said: set[str]) -> bool:
    """"a growler of the ipa and the lager": a one-choice group whose value the list already gave takes no second
    one; the word is an item of its own (not the growler's beer, changed)."""
    product = lex.products.get(sku)
    g = product.group(group) if product is not None else None
    return g is not None and not g.multiple and group in said


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


def containers_in_plural(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
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


def mention_roles(toks: Sequence[str], mentions: Sequence[Mention], breaks: frozenset[int] = frozenset(),
           lex: Lexicon | None = None, lines: AbstractSet[str] = frozenset()) -> list[str]:
    """What each mention is in this sentence: "product", "option", "group" or "ignore"."""
    product_only = sum(1 for m in mentions if m.exact_products and not m.options)
    any_exact = any(m.exact_products for m in mentions)
    roles: list[str] = []
    for n, m in enumerate(mentions):
        nxt_product = n + 1 < len(mentions) and mentions[n + 1].start == m.end and bool(mentions[n + 1].products) \
            and m.end not in breaks
        if m.exact_products and lex is not None and _package_of_next(lex, toks, mentions, n):
            roles.append("ignore")  # "a box of romex staples": the staples' box, though "box" names a product too
        elif m.exact_products and lex is not None and _worked_on_own(lex, toks, mentions, roles, n):
            roles.append("ignore")  # "a full tune on my skis": the shopper's skis, not a pair rented
        elif m.exact_products and not m.options and shoppers_own(toks, m):
            roles.append("ignore")  # "i brought my own jar": the shopper's jar, none sold
        elif m.exact_products and m.options and _topping_of_earlier(lex, toks, mentions, n, roles):
            roles.append("option")
        elif m.exact_products and m.options and _choice_said_again(toks, mentions, n):
            roles.append("product")  # "argan oil and the argan oil shampoo": the oil, then the shampoo's formula
        elif m.exact_products and m.options and _swapped_with_choice(toks, mentions, n, lex, lines, roles):
            roles.append("option")  # "sticky rice instead of jasmine": the rice of a dish, no side of sticky rice
        elif m.exact_products and m.options and _after_its_group(mentions, n, roles):
            roles.append("option")  # "one of them half pepperoni": the half's pepperoni, no pepperoni slice
        elif m.exact_products and m.options and lex is not None and _unit_of_split(lex, toks, mentions, n, roles):
            roles.append("option")  # "three mochi one mango one strawberry and one green tea": the third flavour
        elif m.exact_products and m.options:
            option_at = {i for o in mentions[:n] if o.options and not o.exact_products for i in range(o.start, o.end)}
            k = m.start - 1
            while k >= 0 and (toks[k] in _FILLERS_OR_THEN or k in option_at):
                k -= 1  # "a um medium mocha": past fillers and other modifiers to the article
            if k >= 1 and toks[k] in _MORE_AFTER_COUNT and toks[k - 1].isdigit():
                k -= 1  # "plus two more festival": the count before "more"
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
            elif not counted and lex is not None and _choice_of_product_before(lex, mentions, roles, n):
                roles.append("option")  # "a large curry goat rice and peas": the meal's side (its name a choice too)
            elif not counted and product_only and lex is not None and not offered_here(lex, mentions, m):
                roles.append("product")  # "a hot dog and fries": no product named here has fries as a choice
            elif counted and lex is not None and _needed_in_with_list(lex, toks, mentions, roles, n):
                roles.append("option")  # "a tenders combo with fries and a lemonade": the drink the combo needs
            elif not counted and lex is not None and _listed_with_line_choice(lex, toks, mentions, roles, n, lines):
                roles.append("option")  # "put cucumber and edamame" to a bowl: its mix-ins, no side of edamame
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
            elif _line_said_short(toks, m, lines):
                roles.append("product")  # "swap the turkey for a blt": the turkey sandwich of the cart, by a word
            elif _plain_unit_of_split(toks, mentions, n, roles):
                roles.append("ignore")  # "two drip coffees one black and one with skim": a unit as it comes, no
                # black coffee (a word only of other products' names)
            elif lex is not None and _head_of_its_choice(lex, toks, mentions, n):
                roles.append("product")  # "the eagle peak map and a spork": the map said with its area
            elif _named_after_its_kind(toks, mentions, roles, n):
                roles.append("product")  # "four tires the michelins and a gauge": which of the tires, by a word
            elif lex is not None and _opening_of_a_name(lex, toks, m, mentions):
                roles.append("product")  # "three bags of cal hypo and a clarifier": the opening words of one
                # product's name ("cal hypo shock"), a short name of it, not a word of a kind
            else:
                roles.append("product" if not any_exact or _counted_kind(toks, mentions, n, breaks, lex) else "ignore")
        else:
            roles.append("group")
    return roles


def _named_after_its_kind(toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str], n: int) -> bool:
    """"four tires two oh five fifty five sixteen the michelins": a word of a product's name said with "the" right
    after a word of a kind of goods that product is one of (past choices said with it): which one of that kind."""
    m = mentions[n]
    if m.start == 0 or toks[m.start - 1] != "the":
        return False
    end = m.start - 1
    for k in range(n - 1, -1, -1):
        o = mentions[k]
        if o.end != end:
            return False
        if roles[k] == "option":
            end = o.start
            continue
        own = {t.sku for t in m.products}
        return roles[k] == "product" and not o.exact_products and own < {t.sku for t in o.products}
    return False


def _opening_of_a_name(lex: Lexicon, toks: Sequence[str], m: Mention, mentions: Sequence[Mention] = ()) -> bool:
    """Two or more words that open the name (or an alias) of exactly one product, and are not all of it ("cal hypo"
    of "cal hypo shock", "chicken tikka" of "chicken tikka masala"), counted (a count or an article before them, or
    before their package: "three bags of cal hypo"): that product said short. (Not "the muffin should be chocolate
    chip": what a line is made, no chocolate chip cookie.)"""
    said = tuple(toks[m.start:m.end])
    skus = {t.sku for t in m.products}
    product = lex.products.get(next(iter(skus))) if len(said) >= 2 and len(skus) == 1 else None
    if product is None:
        return False
    names = [phrase_of(product.name), *(phrase_of(a) for a in product.aliases)]
    if not any(len(name) > len(said) and name[:len(said)] == said for name in names):
        return False
    k = m.start - 1
    while k >= 0 and toks[k] in _FILLERS:
        k -= 1
    measure = next((o for o in mentions if o.end == k and o.options and not o.products), None)
    if k >= 2 and toks[k] == "of" and measure is not None:
        k = measure.start - 1  # "a full stack of banana pecan": its measure said as a choice of several words
    elif k >= 2 and toks[k] == "of" and toks[k - 1].isalpha():
        k -= 2  # "three bags of": the count of its package
    return k >= 0 and (toks[k] in ("a", "an", "another", "one") or toks[k].isdigit())


def _choice_of_product_before(lex: Lexicon, mentions: Sequence[Mention], roles: Sequence[str], n: int) -> bool:
    """"a large curry goat rice and peas and cabbage": the last product read before mention ``n``, whose name is also
    some choice ("curry goat", a roti's filling), so that no product-only name is said, offers a choice ``n`` names
    ("rice and peas", a side of its): that choice, not a side order (as after "a curry goat meal")."""
    before = [i for i, r in enumerate(roles[:n]) if r == "product"]
    if not before or any(m.exact_products and not m.options for m in mentions):
        return False
    prev = mentions[before[-1]]
    skus = {t.sku for t in prev.exact_products}
    return bool(prev.options) and any(sku in lex.option_skus.get((t.group, t.value), ())
                                      for t in mentions[n].options for sku in skus)


def _swapped_with_choice(toks: Sequence[str], mentions: Sequence[Mention], n: int, lex: Lexicon | None = None,
                         lines: AbstractSet[str] = frozenset(), roles: Sequence[str] = ()) -> bool:
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
        before = [o for o in mentions if start <= o.start and o.end <= at]
        other = next((o for o in before if o.options and not o.exact_products), None) \
            or next((o for o in before if o.options), None) if before and not before[0].options else \
            (before[0] if before else None)  # ("a basket with hush puppies instead of the fries": past the basket)
    else:
        return False
    if other is None or not other.options or other.products and not _taken_as_choice(mentions, other, roles):
        return False  # (a word for a product too counts when it was read as the choice already: "a basket with hush
    # puppies instead of the fries", where the shop sells hush puppies and fries alone as well)
    shared = {t.group for t in m.options} & {t.group for t in other.options}
    return bool(shared) and not (lex is not None and _names_a_line(lex, mentions, n, other, shared, lines))


def _taken_as_choice(mentions: Sequence[Mention], other: Mention, roles: Sequence[str]) -> bool:
    """``other``, said earlier in the sentence, was read as a choice ("option") already."""
    k = next((i for i, o in enumerate(mentions) if o is other), -1)
    return 0 <= k < len(roles) and roles[k] == "option"


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


def _choice_said_again(toks: Sequence[str], mentions: Sequence[Mention], n: int) -> bool:
    """"a bottle of argan oil and the argan oil shampoo": a product's name that is also a choice, said again after
    "and" as the very same choice right before a product named that offers it: the first is the product itself (one
    item never takes one choice twice)."""
    m = mentions[n]
    for j in range(n + 1, len(mentions) - 1):
        again, head = mentions[j], mentions[j + 1]
        if set(again.options) == set(m.options) and head.start == again.end and head.exact_products \
                and not head.options and "and" in toks[m.end:again.start]:
            return True
    return False


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


def _plain_unit_of_split(toks: Sequence[str], mentions: Sequence[Mention], n: int, roles: Sequence[str]) -> bool:
    """"two small drip coffees one black and one with a splash of skim": after a product said with a count of two or
    more, a unit's count ("one", "2") and a word that is only a part of other products' names ("black" of "black
    coffee", "black tea") says how that unit is made (as it comes), not one more product; while the units said do
    not outnumber the count."""
    m = mentions[n]
    if m.exact_products or m.options or m.start == 0 or _unit_count(toks, m) is None:
        return False
    head = next((o for o, r in zip(reversed(mentions[:n]), reversed(roles), strict=False) if r == "product"), None)
    if head is None or {t.sku for t in head.products} & {t.sku for t in m.products}:
        return False  # ("two coffees one black": the same product either way, read as ever)
    option_at = {i for o, r in zip(mentions[:n], roles, strict=False) if r == "option" for i in range(o.start, o.end)}
    k = head.start - 1
    while k >= 0 and k in option_at:
        k -= 1  # "two small drip coffees": past the choices said before it, to its count
    if k < 0 or not toks[k].isdigit() or int(toks[k]) < 2:
        return False
    units = [j for j in range(head.end, len(toks)) if toks[j] == "one" or toks[j].isdigit()]
    return 2 <= len(units) and sum(1 if toks[j] == "one" else int(toks[j]) for j in units) <= int(toks[k])


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
    return unit not in MEASURES and (unit in GLUE or unit in PACKAGES or k - 1 in option_at) and unit not in (
        "a", "an", "the", "of")


_POSSESSIVES = words("possessives")
_OWNERS = words("people_owners")  # the possessives and "the" ("for the kids")
_PEOPLE = words("people")


def _purpose(toks: Sequence[str], m: Mention) -> bool:
    """"a quart of white semi gloss for the trim": only a part of a product's name ("trim" of "trim nails"), said
    right after "for the" (or "for my"), is what the order is for, not an item of its own."""
    return not m.exact_products and (any(tuple(toks[max(0, m.start - len(p)):m.start]) == p for p in PURPOSE_LEADS)
                                     or _goods_counted_for(toks, m))


_GOODS_LEADS = frozenset({"the", "my", "our", "those", "these", "all", "his", "her", "their"})


def _goods_counted_for(toks: Sequence[str], m: Mention) -> bool:
    """"the disposal fee for four old tires": a part of a product's name after "for" and a count (past a
    possessive, up to two words before it) is the goods the order is for, not an item of its own."""
    for f in range(max(0, m.start - 6), m.start - 1):
        if toks[f] != "for":
            continue
        d = f + 1
        while d < m.start and toks[d] in _GOODS_LEADS:
            d += 1
        between = toks[d + 1:m.start]
        if d < m.start and toks[d].isdigit() and len(between) <= 2 \
                and not any(t.isdigit() or t in SEPARATORS for t in between):
            return True
    return False


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


_MAKING_VERBS = words("making_verbs")


def project(toks: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
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


def _listed_with_line_choice(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                             n: int, lines: AbstractSet[str]) -> bool:
    """"put cucumber and edamame" to a bowl in the cart, no product said before: a word naming both a product and a
    choice, joined by "and" to a word that is only a choice of the same group, is that choice too, when a line of
    the cart offers it."""
    m = mentions[n]
    if n < 1 or "product" in roles or m.start < 1 or toks[m.start - 1] != "and":
        return False
    prev = mentions[n - 1]
    if prev.products or prev.end != m.start - 1 or roles[n - 1] != "option":
        return False
    shared = {(t.group, t.value) for t in m.options if t.group in {o.group for o in prev.options}}
    return any(sku in lex.option_skus.get(gv, ()) for gv in shared for sku in lines)


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
    return any(toks[i] in WITH for i in between) and all(  # ("two footlongs one with chili and two with cheese")
        toks[i] in WITH or toks[i] in WITH_LIST or toks[i] in LIST_ARTICLES or quantity_token(toks, i) is not None
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
    if not any(toks[i] in WITH for i in between) or not all(
            toks[i] in WITH or toks[i] in WITH_LIST or toks[i] in LIST_ARTICLES for i in between):
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


_WORKED_ON_LEADS = phrases("worked_on_leads")  # "on my", "on our": what follows is the shopper's own thing


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
