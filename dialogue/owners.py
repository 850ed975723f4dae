"""Which product a choice names when no product is said ("and a sprite", "a pumpernickel", "a coke" on a menu
where a fountain drink, a 2-liter bottle and a combo all offer coke).

The one product offering every choice said; of several, the ones those choices complete; then, for a choice said
as an item of its own, not a meal made of products sold alone, the product whose list the choice is most at home
in, and the plainest (the fountain drink, not the bottle); for a choice said where the noun goes, the product it
is the choosing of. Nothing is guessed when no one product stands out or too many offer the choice.

:func:`offers_choice` tells whether a product offers a choice said; :func:`stands_as_item` whether a choice is said
where an item stands (so a value named by its very words is the item of that value's product);
:func:`said_in_what_for` whether it is said as what something is for ("for my daughter's birthday"), no item.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from catalog.models import OptionGroup
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import words_run
from dialogue.phrasebook import words
from dialogue.quantity import FILLER_WORDS, quantity_token
from dialogue.specs import ItemSpec, OptionSpec

MANY_OWNERS = 64  # products read to find the one a choice names; more than that, none is meant


def value_owner(lex: Lexicon, specs: Sequence[OptionSpec], *, as_noun: bool = False, alone: bool = False,
                by_name: bool = True) -> str | None:
    """The one product that offers every choice said; of several, the one those choices complete (each of its
    required groups without a default is given a value): "a coke" is the soda whose flavour is coke, not the
    meal that also needs its burger chosen; ``as_noun`` (said where the noun goes, "a pumpernickel"): of several,
    the one it is the choosing of (:func:`_chosen_by`); ``alone`` (an item of its own, "and a sprite"): of
    several, not a meal made of products sold alone (:func:`_among_products`), and the one whose value is named by
    the very words said unless ``by_name`` is False (the choice not said where an item stands, :func:`stands_as_item`).
    None when no one product is meant."""
    owners: set[str] | None = None
    for spec in specs:
        skus: set[str] = set()
        for t in spec.targets:
            skus |= set(islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1))
        if len(skus) > MANY_OWNERS:
            return None  # a choice so many products offer ("large" in a big catalog) names no one of them
        owners = skus if owners is None else owners & skus
    if not owners:
        return None
    if len(owners) == 1:
        return next(iter(owners))
    complete = []
    for sku in sorted(owners):
        product = lex.products.get(sku)
        if product is None:
            continue
        said = {t.group for s in specs for t in s.targets if sku in lex.option_skus.get((t.group, t.value), ())}
        if all(g.code in said or g.default is not None or not g.required for g in product.option_groups):
            complete.append(sku)
    if len(complete) > 1 and alone:  # "and a sprite": the soda of that flavour, not a meal whose drink it would be
        complete = [sku for sku in complete if not _among_products(lex, specs, sku, complete)] or complete
        complete = _said_as_its_own(lex, specs, complete) if len(complete) > 1 else complete
        complete = _by_value_name(lex, specs, complete) if len(complete) > 1 and by_name else complete
        complete = _most_at_home(lex, specs, complete) if len(complete) > 1 else complete
        complete = _plainest(lex, complete) if len(complete) > 1 else complete
    if len(complete) > 1 and as_noun:
        complete = _chosen_by(lex, specs, complete)
    return complete[0] if len(complete) == 1 else None


_MADE_FOR = words("made_for_preps")  # "a cake for a birthday": what the item is for, no item
_POSSESSIVES = words("possessives")  # "for my daughter's birthday"
_ARTICLES = ("a", "an", "the")


def _before_the_choices(toks: Sequence[str], specs: Sequence[OptionSpec]) -> int | None:
    """The position of the last word before the first choice said, past fillers (-1 at the turn's start); None when
    no choice was said in this turn."""
    said = [s.pos for s in specs if s.pos >= 0 and s.said]
    if not said:
        return None
    k = min(said) - 1
    while k >= 0 and toks[k] in FILLER_WORDS:
        k -= 1
    return k


def said_in_what_for(toks: Sequence[str], specs: Sequence[OptionSpec]) -> bool:
    """"a cake for my daughter's birthday", "something for a birthday", "for my birthday": the choices said (from the
    first) are what something is for ("for", then an article, a possessive or a possessive and one word), no item."""
    k = _before_the_choices(toks, specs)
    if k is None:
        return False
    if k >= 0 and (toks[k] in _ARTICLES or toks[k] in _POSSESSIVES):
        k -= 1
    elif k >= 1 and toks[k - 1] in _POSSESSIVES:
        k -= 2  # "my daughter's"
    return k >= 0 and toks[k] in _MADE_FOR


def stands_as_item(toks: Sequence[str], specs: Sequence[OptionSpec]) -> bool:
    """"a green tea", "three cans of green tea": the choices said (from the first) stand where an item stands, after
    an article or a count, or a count and its package ("a can of"), that is not itself after "for" ("a cake for a
    birthday"). Not "a cake for my daughter's birthday": a choice inside what another item is for."""
    k = _before_the_choices(toks, specs)
    if k is None:
        return False
    if k >= 1 and toks[k] == "of" and toks[k - 1].isalpha() and toks[k - 1] not in ("a", "an", "one"):
        k -= 2  # "a can of", "three cans of": the count of the package
    return k >= 0 and quantity_token(toks, k) is not None and not (k >= 1 and toks[k - 1] in _MADE_FOR)


FEW_OWNERS = 3  # products offering the same choices said without a noun that are worth asking between


def owners_to_ask(lex: Lexicon, specs: Sequence[OptionSpec]) -> tuple[str, ...]:
    """"a 50 piece" where the bone-in and the boneless wings both come by the 50: the few products (two or three)
    that offer every choice said, to ask between; empty when one, none or many do."""
    owners: set[str] | None = None
    for spec in specs:
        skus = {sku for t in spec.targets for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1)}
        owners = skus if owners is None else owners & skus
    return tuple(sorted(owners)) if owners is not None and 1 < len(owners) <= FEW_OWNERS else ()


def owner_by_name_word(lex: Lexicon, specs: Sequence[OptionSpec]) -> tuple[str, list[OptionSpec]] | None:
    """"childrens tylenol grape" to an empty cart, where "childrens" is a choice of other products and a word of the
    name of "children's acetaminophen", the one product offering the other choices said: that product, with those
    other choices (the name word is no choice of it). None unless exactly one product fits."""
    found: set[tuple[str, int]] = set()
    for k, spec in enumerate(specs):
        said = phrase_of(spec.said) if spec.said else ()
        rest = [s for i, s in enumerate(specs) if i != k]
        if not said or not rest:
            continue
        owners: set[str] | None = None
        for s in rest:
            skus = {sku for t in s.targets for sku in islice(lex.option_skus.get((t.group, t.value), ()),
                                                                 MANY_OWNERS + 1)}
            owners = skus if owners is None else owners & skus
        for sku in sorted(owners or ()):
            product = lex.products.get(sku)
            if product is not None and not any(sku in lex.option_skus.get((t.group, t.value), ())
                                               for t in spec.targets) \
                    and any(words_run(said, phrase_of(n)) for n in (product.name, *product.aliases)):
                found.add((sku, k))
    if len({sku for sku, _ in found}) != 1 or len(found) != 1:
        return None
    sku, k = next(iter(found))
    return sku, [s for i, s in enumerate(specs) if i != k]


def _said_groups(lex: Lexicon, specs: Sequence[OptionSpec], sku: str) -> list[OptionGroup]:
    """The groups of ``sku`` that hold a value said."""
    product = lex.products.get(sku)
    return [g for s in specs for t in s.targets if product is not None and (g := product.group(t.group)) is not None
            and g.value(t.value) is not None]


def _said_as_its_own(lex: Lexicon, specs: Sequence[OptionSpec], skus: Sequence[str]) -> list[str]:
    """"four root beers" where a lollipop, a candy stick and a soda all come in root beer: the one product whose
    value lists the very words said in the plural ("root beers": a drink counted, not a flavour of candy); all of
    ``skus`` when not one (and for words said in the singular, a flavour's name as much as a thing's)."""
    said = [ph for s in specs if s.said and (ph := phrase_of(s.said)) and ph[-1].endswith("s")]
    if not said:
        return list(skus)
    own = [sku for sku in skus if (product := lex.products.get(sku)) is not None and any(
        (g := product.group(t.group)) is not None and (v := g.value(t.value)) is not None
        and any(phrase_of(n) in said for n in (v.name, *v.aliases)) for s in specs for t in s.targets)]
    return own if len(own) == 1 else list(skus)


def _by_value_name(lex: Lexicon, specs: Sequence[OptionSpec], skus: Sequence[str]) -> list[str]:
    """"a green tea" where the canned tea has a tea named "green tea" and the mochi a flavour "matcha" also called
    green tea: the one product whose value is named by the very words said (not by an alias); all of ``skus``
    when not one."""
    said = {ph for s in specs if s.said and (ph := phrase_of(s.said))}
    own = [sku for sku in skus if (product := lex.products.get(sku)) is not None and any(
        (g := product.group(t.group)) is not None and (v := g.value(t.value)) is not None and phrase_of(v.name) in said
        for s in specs for t in s.targets)]
    return own if len(own) == 1 else list(skus)


def _most_at_home(lex: Lexicon, specs: Sequence[OptionSpec], skus: Sequence[str]) -> list[str]:
    """"a coke" said as an item, where both the fountain drink (flavours coke, sprite, fanta...) and the icee (blue
    raspberry, cherry, coke) offer it: the product whose list the value is at home in, the one sharing most of that
    list with the other products' choices (the combos' drinks are the fountain drink's flavours, not the icee's);
    all of ``skus`` when no one stands out."""
    def offered_elsewhere(sku: str, name: str) -> bool:  # through the phrase index: never every product read
        return any(lex.option_skus.get((t.group, t.value), set()) - {sku}
                   for t in lex.phrases.get(phrase_of(name), ()) if t.kind == "option")

    def shared_count(sku: str) -> int:
        names = {v.name for g in _said_groups(lex, specs, sku) for v in g.values}
        return sum(offered_elsewhere(sku, name) for name in names)

    shared = {sku: shared_count(sku) for sku in skus}
    best = max(shared.values())
    top = [sku for sku in skus if shared[sku] == best]
    return top if len(top) == 1 else list(skus)


def _plainest(lex: Lexicon, skus: Sequence[str]) -> list[str]:
    """"a coke", where the fountain soda (aliases "soda", "fountain drink") and the "2 liter soda" both come in coke:
    the plain one, whose name is said inside the others' names ("soda" in "2 liter soda": they are it, made
    bigger or bottled), as a clerk pours the fountain drink unless the bottle is said; all of ``skus`` when no one
    is plainer than every other."""
    def names(sku: str) -> list[tuple[str, ...]]:
        product = lex.products.get(sku)
        return [ph for n in ((product.name, *product.aliases) if product is not None else ()) if (ph := phrase_of(n))]

    def inside(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))

    def plainer(a: str, b: str) -> bool:
        return any(inside(x, y) for x in names(a) for y in names(b)) \
            and not any(inside(y, x) for x in names(a) for y in names(b))

    plain = [a for a in skus if all(plainer(a, b) for b in skus if b != a)]
    return plain if len(plain) == 1 else list(skus)


def _among_products(lex: Lexicon, specs: Sequence[OptionSpec], sku: str, owners: Sequence[str] = ()) -> bool:
    """A choice said of ``sku`` is of a group whose values include products sold on their own (a meal's drink:
    coke, sprite, lemonade, sweet tea), or of a group the meal cannot be ordered without (required, no default)
    named by another of the ``owners`` ("which soda" of a combo, where the can of soda comes in the same flavours):
    the meal is made of products, and the value said alone is not that meal. A group that merely has a default
    ("a double shot": the latte's shots, single unless said, named "espresso shots") makes no product of it."""
    product = lex.products.get(sku)
    groups = {g for s in specs for t in s.targets if product is not None and (g := product.group(t.group)) is not None
              and g.value(t.value) is not None}
    if any(t.kind == "product" and t.exact for g in groups for v in g.values
           for t in lex.phrases.get(phrase_of(v.name), ())):
        return True
    others = set(owners) - {sku}
    return any(t.kind == "product" and t.exact and t.sku in others for g in groups
               if g.required and g.default is None for n in (g.name, *g.aliases)
               for t in lex.phrases.get(phrase_of(n), ()))


def _chosen_by(lex: Lexicon, specs: Sequence[OptionSpec], skus: Sequence[str]) -> list[str]:
    """"a pumpernickel": of several products offering what was said, those it is the choosing of: a value of a
    group they cannot be ordered without (required, one choice, no default: "which bagel?" of the bagel), not of
    one that merely has it (the sandwich made on a plain bagel by default, the box of mixed kinds)."""
    out = []
    for sku in skus:
        product = lex.products.get(sku)
        groups = [product.group(t.group) for s in specs for t in s.targets] if product is not None else []
        if any(g is not None and g.required and g.default is None and not g.multiple for g in groups):
            out.append(sku)
    return out


def offers_choice(lex: Lexicon, sku: str, spec: OptionSpec) -> bool:
    """Whether that product has any of the choices ``spec`` may mean."""
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in spec.targets)


def the_one_in_the_cart(lex: Lexicon, item: ItemSpec, line_skus: Sequence[str]) -> ItemSpec:
    """"Two gallons of the interior paint" - "and a quart of pure white semi gloss": an item that several products
    fit, each offering every choice said, of which exactly one is in the cart and is complete with those choices:
    one more of that product (what the shopper is buying already), not a question between them."""
    if len(item.skus) < 2 or not item.options:
        return item
    held = [s for s in item.skus if s in line_skus]
    if len(held) != 1 or not all(all(offers_choice(lex, s, o) for o in item.options) for s in item.skus):
        return item
    product = lex.products.get(held[0])
    said = {t.group for o in item.options for t in o.targets if held[0] in lex.option_skus.get((t.group, t.value), ())}
    if product is None or any(g.required and g.default is None and g.code not in said for g in product.option_groups):
        return item
    return ItemSpec((held[0],), item.quantity, item.options, item.start, item.end, item.exact)
