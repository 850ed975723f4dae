"""From what was said (ItemSpec / OptionSpec) to catalog terms: a product and valid SelectedOptions.

Says what is still missing (a required option without a default), what is ambiguous (several products
answer to "tea") and what the product does not offer, so the policy can ask instead of guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from catalog.models import OptionGroup, Product, SelectedOption
from dialogue.group_refused import none_value
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec, OptionSpec

_SIZE_GROUPS = words("size_groups")
_BIG = words("big")
_SMALL = words("small")
_BIGGEST = words("biggest")
_SMALLEST = words("smallest")


@dataclass
class Resolved:
    product: Product | None
    quantity: int = 1
    options: list[SelectedOption] = field(default_factory=list)
    removals: list[tuple[str, str]] = field(default_factory=list)  # (group, value) said with "no"
    candidates: list[Product] = field(default_factory=list)  # when ambiguous
    missing: OptionGroup | None = None
    unavailable: list[OptionSpec] = field(default_factory=list)  # options said that this product does not have


def options_for(product: Product, specs: Iterable[OptionSpec], current: Sequence[SelectedOption] = ()
                ) -> tuple[list[SelectedOption], list[tuple[str, str]], list[OptionSpec]]:
    """Valid options of ``product`` among ``specs``: (options, removals, options it does not offer).

    Something said with "no"/"don't want" that the product does not have is not "unavailable": it is already
    without it ("no whipped cream" on a latte that has none).

    ``current``: the options the line has now. A bare "no" before a value of a one-choice group that the
    line does not have, or right after another value of that group, is an answer and a correction ("oat
    milk, no, almond milk"; "no, almond milk" to a read-back), not "without almond milk".
    """
    chosen: list[SelectedOption] = []
    removals: list[tuple[str, str]] = []
    unavailable: list[OptionSpec] = []
    for spec in specs:
        hit = _named_by_words(product, spec) or _group_taking(product, spec, chosen) or _plain_size(product, spec) \
            or _end_of_named_group(product, spec)
        if hit is None:
            if spec.targets and spec.amount != "none" and not _names_own_group(product, spec):
                unavailable.append(spec)
            continue
        group, value = hit
        if _rest_of_a_name(group, value, spec, chosen, specs):
            continue  # "sausage egg and cheese": the sausage one, "egg and cheese" (no meat) the rest of its name
        if spec.amount == "none" and spec.qualifier == "no" and not group.multiple:
            before = [o.value for o in chosen if o.group == group.code] or \
                [o.value for o in current if o.group == group.code and o.amount != "none"]
            if before and value not in before:
                spec = OptionSpec(spec.targets, "regular", "", spec.pos)
        held = [o.value for o in current if o.group == group.code and o.amount != "none"]
        if spec.amount == "none" and spec.qualifier and not group.multiple and value not in held and (
                [o.value for o in chosen if o.group == group.code and o.amount != "none"] or held) not in ([], [value]):
            continue  # "whole milk not oat": the one choice of the group is another value; "not oat" sets no oat
            # (while "not the soy, oat" to a line with soy takes the soy off)
        if spec.amount in ("light", "extra") and not group.amounts and not group.multiple and len(group.values) <= 2:
            continue  # "extra hot", "a little warm": a note on a two-state choice, not the choice itself
        if spec.amount == "none" and not group.amounts:
            removals.append((group.code, value))
            continue
        amount = spec.amount if group.amounts else "regular"
        qualifier = spec.qualifier if group.amounts else ""
        if not group.multiple:
            chosen = [o for o in chosen if o.group != group.code]
        else:  # "vanilla ... the sugar-free vanilla": the fuller name refines the earlier one
            words = set(_words(group, value))
            chosen = [o for o in chosen if o.group != group.code or spec.part or not set(_words(group, o.value)) < words]
        chosen.append(SelectedOption(group.code, value, amount, qualifier))
    return chosen, removals, unavailable


def _plain_size(product: Product, spec: OptionSpec) -> tuple[OptionGroup, str] | None:
    """"a bottle of tito's the big one": a plain size word said with "one" (another product's choice, which this
    one lacks) is the value of this product's one size group that has the word in its name ("big bottle"), or with
    none such, the biggest (smallest) of them in the catalog's order."""
    words_said = phrase_of(spec.said)
    said = [t for t in words_said if t not in ("one", "ones")]
    if len(said) == len(words_said):
        return None  # "the room's small": no size said ("the big one" is)
    end = -1 if said and said[0] in _BIG else 0 if said and said[0] in _SMALL else None
    groups = [g for g in product.option_groups if not g.multiple and len(g.values) > 1
              and _SIZE_GROUPS & {*phrase_of(g.code), *phrase_of(g.name)}]
    if len(said) != 1 or end is None or len(groups) != 1:
        return None
    group = groups[0]
    having = {v.code for v in group.values if any(said[0] in phrase_of(n) for n in (v.name, *v.aliases))}
    if len(having) > 1:
        return None
    return group, next(iter(having)) if having else group.values[end].code


def _rest_of_a_name(group: OptionGroup, value: str, spec: OptionSpec, chosen: Sequence[SelectedOption],
                    specs: Iterable[OptionSpec]) -> bool:
    """A one-choice group's value of none ("no meat") said by another name ("egg and cheese") right after another
    value of that group ("sausage egg and cheese"): the words finish the dish's name, the value said first holds."""
    v = group.value(value)
    if v is None or none_value(group) != value or spec.pos < 0 \
            or phrase_of(spec.said) == phrase_of(v.name):
        return False
    return any(o.pos >= 0 and o.pos + len(o.said.split()) == spec.pos and o is not spec
               and any(t.group == group.code and t.value != value for t in o.targets) for o in specs) \
        and any(c.group == group.code and c.value != value for c in chosen)


def _end_of_named_group(product: Product, spec: OptionSpec) -> tuple[OptionGroup, str] | None:
    """"alkalinity increaser the big bag": a size word said before a one-word name of one of ``product``'s one-choice
    groups (its "bag", a choice of some other product) is that group's biggest (smallest) value, where its values
    cost more as they go and no value has the size word in its name."""
    word = spec.size_word
    end = -1 if word in _BIG or word in _BIGGEST else 0 if word in _SMALL or word in _SMALLEST else None
    said = phrase_of(spec.said)
    if end is None or len(said) != 1:
        return None
    forms = {said[0], said[0].removesuffix("s")}
    groups = [g for g in product.option_groups if not g.multiple and len(g.values) > 1
              and any(phrase_of(n) in {(f,) for f in forms} for n in (g.name, g.code, *g.aliases))]
    if len(groups) != 1:
        return None
    group = groups[0]
    deltas = [v.price_delta_cents for v in group.values]
    if deltas != sorted(deltas) or len(set(deltas)) < len(deltas) \
            or any(word in phrase_of(n) for v in group.values for n in (v.name, *v.aliases)):
        return None
    return group, group.values[end].code


def _names_own_group(product: Product, spec: OptionSpec) -> bool:
    """"a bottle of tito's": words that are another product's choice but name a group of this product (its
    "bottle", or its "bottle size" said without the "size") only say what it comes in, no choice it lacks."""
    said = phrase_of(spec.said)
    names = {phrase_of(n) for g in product.option_groups for n in (g.name, *g.aliases)}
    return bool(said) and any(said == n or n[-1:] and n[-1] in _SIZE_GROUPS and said == n[:-1] for n in names)


def _named_by_words(product: Product, spec: OptionSpec) -> tuple[OptionGroup, str] | None:
    """The one value of ``product`` among the spec's targets whose own name or alias is the words said: "big bags"
    of mulch is the mulch's "big bag" (3 cubic feet), though "big" is some other bag size's name too."""
    said = tuple(spec.said.split())
    if len(said) < 2 or len(spec.targets) < 2:
        return None
    forms = {said, (*said[:-1], said[-1][:-1])} if said[-1].endswith("s") else {said}
    hits = []
    for t in spec.targets:
        group = product.group(t.group)
        value = group.value(t.value) if group is not None else None
        if group is not None and value is not None and forms & {phrase_of(n) for n in (value.name, *value.aliases)}:
            hits.append((group, t.value))
    return hits[0] if len(set(hits)) == 1 else None


def _group_taking(product: Product, spec: OptionSpec, chosen: Sequence[SelectedOption]
                  ) -> tuple[OptionGroup, str] | None:
    """Which of ``product``'s groups a value said takes, when the product has that value in several ("bbq" is both a
    wing sauce and a dip of the wings): a one-choice group not chosen yet in this turn, the required before the
    optional, before a many-choice one ("ten bbq wings": the sauce; "buffalo wings with bbq": the dip too)."""
    hits = [(g, t.value) for t in spec.targets
            if (g := product.group(t.group)) is not None and g.value(t.value) is not None]
    if len({g.code for g, _ in hits}) < 2:
        return _own_word_first(spec, hits)[0] if hits else None
    taken = {o.group for o in chosen}

    def rank(hit: tuple[OptionGroup, str]) -> int:
        g = hit[0]
        return 3 if g.code in taken and not g.multiple else 2 if g.multiple else 0 if g.required else 1

    return min(hits, key=rank)


def _own_word_first(spec: OptionSpec, hits: list[tuple[OptionGroup, str]]) -> list[tuple[OptionGroup, str]]:
    """Several values of the product's one group answer to the word said, each through some product's group of that
    code: "a small caesar" is the salad size's own "small", not its "regular" that a drink size calls "small" too.
    The values whose own name or alias (in this product's group) is the word said come first."""
    said = phrase_of(spec.said)
    if len(hits) < 2 or not said:
        return hits
    own = [(g, code) for g, code in hits
           if (v := g.value(code)) is not None and said in {phrase_of(n) for n in (v.name, *v.aliases)}]
    return own + [h for h in hits if h not in own]


def toward_asked(product: Product, code: str, specs: Sequence[OptionSpec]) -> list[OptionSpec]:
    """The answer to "what wing sauce would you like?" is a wing sauce, though the wings have "buffalo" as a dip
    too: the first value said that the asked group offers is that group's, not the product's other group's."""
    out = list(specs)
    for n, spec in enumerate(out):
        if any(t.group == code and (g := product.group(code)) is not None and g.value(t.value) is not None
               for t in spec.targets):
            out[n] = replace(spec, targets=tuple(t for t in spec.targets
                                                 if t.group == code or product.group(t.group) is None))
            break
    return out


def missing_group(product: Product, options: Sequence[SelectedOption]) -> OptionGroup | None:
    have = {o.group for o in options}
    for g in product.option_groups:
        if g.required and g.default is None and g.code not in have:
            return g
    return None


def _adds_toppings(products: Sequence[Product], spec: ItemSpec) -> bool:
    """The shopper builds the item up: some option said is an add-on (a many-choice group) on every candidate."""
    return any(all((g := p.group(t.group)) is not None and g.multiple and g.value(t.value) is not None
                   for p in products)
               for o in spec.options for t in o.targets)


def _plainest(products: Sequence[Product]) -> Product | None:
    """The candidate that costs least as it comes, when exactly one does."""
    ranked = sorted(products, key=lambda p: p.price_cents)
    return ranked[0] if ranked[0].price_cents < ranked[1].price_cents else None


def resolve_item(lex: Lexicon, spec: ItemSpec) -> Resolved:
    quantity = spec.quantity or 1
    products = [lex.products[s] for s in spec.skus if s in lex.products]
    if len(products) > 1:
        # options can settle it: keep the products that offer everything that was said
        fitting = [p for p in products if not options_for(p, spec.options)[2]]
        if spec.options and len(fitting) == 1:
            products = fitting
    if not products:
        return Resolved(None, quantity)
    if len(products) > 1 and not spec.exact and _adds_toppings(products, spec):
        base = _plainest(products)  # "a large pizza with mushrooms": the plain one, built up
        if base is not None:
            products = [base]
    if len(products) > 1:
        return Resolved(None, quantity, candidates=products)
    product = products[0]
    options, removals, unavailable = options_for(product, spec.options)
    return Resolved(product, quantity, options, removals, [], missing_group(product, options), unavailable)


def _words(group: OptionGroup, code: str) -> tuple[str, ...]:
    value = group.value(code)
    return phrase_of(value.name) if value else (code,)


def option_names(lex: Lexicon, specs: Iterable[OptionSpec]) -> list[str]:
    """How to say options back: the shopper's own words when known, else the value's name in the catalog (never
    its code), each once."""
    out: list[str] = []
    for spec in specs:
        name = (spec.said or _catalog_name(lex, spec.targets[0])) if spec.targets else spec.said
        if name and name not in out:
            out.append(name)
    return out


def _catalog_name(lex: Lexicon, t: Target) -> str:
    for sku in sorted(lex.option_skus.get((t.group, t.value), ())):
        product = lex.products.get(sku)
        group = product.group(t.group) if product is not None else None
        value = group.value(t.value) if group is not None else None
        if value is not None:
            return value.name
    return t.value.replace("_", " ")
