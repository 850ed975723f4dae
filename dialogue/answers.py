"""Answers to questions: browse and search with price limits, price, stock, options, what's in a drink,
shop information, help. Nothing here changes the cart."""

from __future__ import annotations

from collections.abc import Sequence

from catalog.cart import match_variant, resolve_options, unit_price
from catalog.errors import CatalogError
from catalog.models import CartLine, OptionGroup, OptionValue, Product, SelectedOption
from catalog.store import Store
from dialogue import intents as cue
from dialogue.kinds import kind_group
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.numbers import say_number, say_price
from dialogue.parse_records import Parse
from dialogue.phrasebook import words
from dialogue.references import line_holding, pick_shown
from dialogue.replies import (
    MAX_LIST,
    agree,
    describe_cart,
    describe_options,
    group_name,
    plural,
    say_list,
    total_sentence,
)
from dialogue.resolve import option_names, options_for, resolve_item
from dialogue.shop import ShopInfo
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.state import Outcome, Pending, PendingKind, State
from dialogue.turn_words import LEAD_FILL
from dialogue.unsold_refs import unsold_noun
from dialogue.words import STOPWORDS

_DEFINITE = words("definite")
_IS_IT = words("is_it")

HELP = ("You can ask what we have, ask for prices, and order things like two large lattes with oat milk. "
        "Say what's in my cart to hear your order, and check out when you're done. "
        "You can also ask for a person at any time")
_PRICE_WORDS = frozenset({"dollars", "dollar", "bucks", "under", "over", "below", "above", "less", "more", "than",
                          "between", "cheaper", "cheap", "price", "cost", "have", "you", "do", "any", "what"})


def _subject(state: State, lex: Lexicon, parse: Parse) -> Product | None:
    """The product a question is about: named, else "it" = the line in focus or the first one shown."""
    if parse.items:
        r = resolve_item(lex, parse.items[0])
        if r.product is not None:
            return r.product
        if r.candidates:
            return None
    if state.shown and (parse.ordinal is not None or parse.ref in ("cheaper", "pricier")):
        pick, among = pick_shown(lex, state.shown, parse, None, state.said)
        if pick is not None or among:
            return pick or among[0]
    topic = lex.products.get(state.topic) if state.topic else None
    if state.shown and len(state.shown) > 1 and parse.options and "one" in parse.tokens \
            and (topic is None or options_for(topic, parse.options)[2]):
        pick, _ = pick_shown(lex, state.shown, parse, None)  # "is the blue one in medium": the listed one in blue
        if pick is not None:
            return pick
    if topic is not None:
        return topic
    focus = state.focus()
    if focus is not None:
        return lex.products.get(focus.sku)
    if state.shown:
        return lex.products.get(state.shown[0])
    return None


def more_of_list(state: State, lex: Lexicon, out: Outcome) -> Outcome:
    """"What else?" right after a list: the next three of it (ordinals keep counting through the list)."""
    rest = [lex.products[s] for s in state.shown[state.said:state.said + MAX_LIST] if s in lex.products]
    if not rest:
        return out.say("That's all of them. Would you like one of those?")
    state.said += len(rest)
    out.shown = state.shown[:10]
    spoken = [f"the {p.name} at {quote(p, [], span=False)}" for p in rest]
    return out.say(f"We also have {say_list(spoken)}. Would you like one of those?")


def search(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome:
    words = [t for t in parse.tokens if t.isalpha() and t not in STOPWORDS and t not in _PRICE_WORDS]
    named = [s for it in parse.items if it.exact for s in it.skus]
    if not named:  # "do you have the 4060": one product named by a part of its name alone (its model number)
        named = [it.skus[0] for it in parse.items if len(it.skus) == 1 and any(
            t.isdigit() for t in parse.tokens[it.start:it.end])]
    asked = [lex.products[s] for s in dict.fromkeys(named) if s in lex.products]
    asked += [p for p in _kind_of(lex, parse) if p not in asked]
    def fits(p: Product) -> bool:  # price limits hold for what the shopper would pay, not a base price
        cents = default_cents(p)
        return (parse.max_cents is None or cents <= parse.max_cents) and (parse.min_cents is None or cents >= parse.min_cents)

    hits = [p for p in asked if fits(p)]
    if asked and not hits and len(asked) <= 2:  # "running shoes under eighty dollars": they cost more
        out.say(*(f"The {p.name} {agree(p.name, 'is', 'are')} {quote(p, [], span=False)}" for p in asked))
    if not hits:
        hits = [p for p in lex.search(words, min_cents=parse.min_cents, max_cents=parse.max_cents) if fits(p)]
    if not hits and not words and parse.max_cents is None and parse.min_cents is None:
        hits = lex.catalog_view().first(10, by_name=True)
    if not hits:
        unsold = unsold_noun(lex, parse.tokens, 0, len(parse.tokens), set())  # "do you have lipstick" - "a red one"
        said = tuple(parse.not_sold) or ((parse.tokens[unsold],) if unsold is not None else ())
        if said:
            state.unsold = (said, state.turns)
        limit = f" under {say_price(parse.max_cents)}" if parse.max_cents is not None else ""
        return out.say(f"Sorry, I couldn't find anything like that{limit}. "
                       "You can ask me what we have, or name a product")
    gone_said = False  # the named product's being sold out was said: no "yes" for what is offered instead
    if len(hits) > 1:  # a list offers what can be had: sold-out products go to the end
        hits = sorted(hits, key=lambda p: _sold_out(state, p))
        short = [it.skus[0] for it in parse.items if not it.exact and len(it.skus) == 1]  # "the flamingo float":
        left = _named_sold_out(state, out, hits, named or short)  # one product's name said short, that one asked
        hits, gone_said = (left, True) if left else (hits, False)
    state.shown = [p.sku for p in hits]
    state.said = min(len(hits), MAX_LIST)
    out.shown = state.shown[:10]
    if asked and not any(p in hits for p in asked) and parse.max_cents is not None:
        spoken = [f"the {p.name} at {quote(p, [], span=False)}" for p in hits[:3]]
        more = f" I found {say_number(len(hits))} in all." if len(hits) > 3 else ""
        return out.say(f"Under {say_price(parse.max_cents)}, we have {say_list(spoken)}.{more} "
                       "Would you like one of those?")
    if len(hits) == 1:
        p = hits[0]
        if _sold_out(state, p):  # "do you have lava cake": not a yes for what cannot be had
            state.removed_turn = state.turns  # ("never mind then, a brownie instead": an addition, no swap)
            return out.say(f"Sorry, the {p.name} {agree(p.name, 'is', 'are')} sold out right now")
        kinds = _kinds_group(p, parse) if p in asked else None
        if kinds is not None:  # "what danishes do you have": its flavours, not "yes, we have the danish"
            return _kinds(state, p, kinds, out)
        return out.say(f"{'We do have' if gone_said else 'Yes, we have'} the {p.name}, {quote(p, [], span=False)}. "
                       "Would you like one?")
    spoken = [f"the {p.name} at {quote(p, [], span=False)}" for p in hits[:3]]
    more = f" I found {say_number(len(hits))} in all." if len(hits) > 3 else ""
    return out.say(f"We have {say_list(spoken)}.{more} Would you like one of those?")


def _named_sold_out(state: State, out: Outcome, hits: list[Product], named: list[str]) -> list[Product]:
    """"do you have soup bones" (the sold-out marrow bones' alias) with other products found beside it: the named
    products being sold out is said first, and only what can be had is offered after it (never a "we have" for
    them). Returns the products left to offer; empty when the named ones are not all sold out."""
    gone = [p for p in hits if p.sku in named and _sold_out(state, p)]
    if not gone or {p.sku for p in gone} != {s for s in named if any(p.sku == s for p in hits)}:
        return []
    state.removed_turn = state.turns  # what was asked for cannot be had: "... X instead" then adds
    out.say(f"Sorry, the {say_list([p.name for p in gone], 'and')} "
            f"{agree(gone[0].name, 'is', 'are') if len(gone) == 1 else 'are'} sold out right now")
    return [p for p in hits if not _sold_out(state, p)]


def _talk_about(state: State, out: Outcome, product: Product) -> None:
    """An answer about one product: it is on screen; a list it was picked from stays for "the second one"."""
    if product.sku not in state.shown:
        state.shown = [product.sku]
    out.shown = [product.sku]


def _which_offer(state: State, lex: Lexicon, out: Outcome, group: OptionGroup, code: str, name: str) -> Outcome:
    """"Do you have claritin" when claritin is a choice, not a product: the products that come with it, and
    whether they can be had (never a plain yes for a choice of a sold-out product)."""
    owners = [p for sku in sorted(lex.option_skus.get((group.code, code), ())) if (p := lex.products.get(sku))]
    if not owners:
        return out.say(f"Sorry, we don't have {name}")
    available = [p for p in owners if not _sold_out(state, p)]
    if not available:
        names = say_list([p.name for p in owners[:3]], "and")
        verb = agree(owners[0].name, "is", "are") if len(owners) == 1 else "are"
        return out.say(f"Sorry, {name} comes with the {names}, which {verb} sold out right now")
    if len(available) == 1:
        product = available[0]
        _talk_about(state, out, product)
        return out.say(f"Yes, the {product.name} {agree(product.name, 'comes', 'come')} with {name}. "
                       f"Would you like one?")
    return out.say(f"Yes, we have {name} with the {say_list([p.name for p in available[:4]])}. Which would you like?")


def _sold_out(state: State, product: Product) -> bool:
    if state.stock_of is None or product.variants:
        return False
    try:
        left = state.stock_of(product.sku, None)
    except Exception:  # an unknown stock is no reason to hide a product
        return False
    return left is not None and left <= 0


def _kind_of(lex: Lexicon, parse: Parse) -> list[Product]:
    """"Do you have any t-shirts" when one product answers to "t-shirt": every product of that kind."""
    items = [it for it in parse.items if it.exact and len(it.skus) == 1 and it.skus[0] in lex.products]
    if len(items) != 1:
        return []
    said = tuple(parse.tokens[items[0].start:items[0].end])
    own = lex.products[items[0].skus[0]]
    if not said or said in {phrase_of(own.name), (*phrase_of(own.name)[:-1], phrase_of(own.name)[-1] + "s")}:
        return []  # the full name: that product
    stems = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in said]
    def fits(p: Product) -> bool:
        words = lex.search_words(p)
        return all(w in words or w + "s" in words for w in stems)

    return lex.catalog_view().of_kind(own, stems, fits)


def price(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome:
    named = [lex.products[s] for s in dict.fromkeys(it.skus[0] for it in parse.items
                                                     if len(it.skus) == 1 and it.skus[0] in lex.products)]
    if len(named) > 1:  # "how much are the mocha and the flat white": each, for "the cheaper one" next
        state.shown = [p.sku for p in named[:3]]
        state.said = min(len(state.shown), 3)
        out.shown = list(state.shown)
        each = [f"a {p.name} is {quote(p, [])}" for p in named[:3]]
        return out.say(say_list(each), "Would you like one of those?")
    product = _subject(state, lex, parse)
    if product is None:
        return search(state, lex, parse, out)
    opts = options_for(product, parse.items[0].options)[0] if parse.items else []
    _talk_about(state, out, product)
    pre, post = describe_options(product, opts)
    said = " ".join(x for x in (pre, product.name) if x) + post
    return out.say(f"A {said} is {quote(product, opts)}. Would you like one?")


def prices_asked(lex: Lexicon, items: Sequence[ItemSpec]) -> str:
    """"How much is a muffin, and I'll have a latte": the price of each product only asked about, said before the
    order is read back ("A blueberry muffin is three twenty five.")."""
    said = []
    for item in items:
        product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
        if product is None:
            continue
        opts = options_for(product, item.options)[0]
        pre, post = describe_options(product, opts)
        said.append(f"a {' '.join(x for x in (pre, product.name) if x) + post} is {quote(product, opts, span=False)}")
    return f"A{say_list(said[:3])[1:]}." if said else ""


def default_cents(product: Product) -> int:
    """What one of ``product`` costs as the shopper would get it without choosing anything (its defaults)."""
    try:
        return unit_price(product, resolve_options(product, []))[0]
    except CatalogError:
        return product.price_cents  # a required choice is open: the catalog's base price


def _price_neutral_fill(product: Product, said: set[str]) -> list[SelectedOption]:
    """For pricing only: a value of each required group not chosen yet whose choices all cost the same ("how much is
    a 34 inch number balloon": any digit; the price is the 34 inch one's; "a twenty piece boneless": any flavour,
    though a box takes several), so that what was said still prices."""
    return [SelectedOption(g.code, g.values[0].code) for g in product.option_groups
            if g.required and g.default is None and g.code not in said and g.values
            and len({v.price_delta_cents for v in g.values}) == 1]


def quote(product: Product, chosen: Sequence[SelectedOption], *, span: bool = True) -> str:
    """The price of what the shopper would get: the options said plus the defaults, as the cart charges it;
    with "from ... to ..." over a choice not made yet that changes the price ("four seventy five for a
    medium, from four twenty five to five twenty five by size")."""
    said_groups = {o.group for o in chosen}
    chosen = [*chosen, *_price_neutral_fill(product, said_groups)]
    try:
        cents, _ = unit_price(product, resolve_options(product, chosen))
    except CatalogError:
        cents = None  # a required choice is still open
    for group in product.option_groups:
        if group.code in said_groups or group.multiple or not any(v.price_delta_cents for v in group.values):
            continue
        prices = []
        for value in group.values:
            try:
                prices.append(unit_price(product, resolve_options(
                    product, [*chosen, SelectedOption(group.code, value.code)]))[0])
            except CatalogError:
                continue
        if len(set(prices)) < 2:
            continue
        spread = f"from {say_price(min(prices), product.currency)} to {say_price(max(prices), product.currency)} by {group_name(group)}"
        default = group.value(group.default) if group.default else None
        if cents is not None and default is not None:
            return f"{say_price(cents, product.currency)} for a {default.name}" + (f", {spread}" if span else "")
        return spread if span else f"from {say_price(min(prices), product.currency)}"
    return say_price(cents if cents is not None else product.price_cents, product.currency)


_KINDS_ASKED = words("kinds_asked")


def _kinds_group(product: Product, parse: Parse) -> OptionGroup | None:
    """"What danishes do you have", "which bagels have you got": asked for the kinds of one product, the group
    that says its kind (:func:`dialogue.kinds.kind_group`). None when the question is not one, or no group says
    a kind."""
    toks = parse.tokens
    if not toks or toks[0] not in _KINDS_ASKED or parse.items and parse.items[0].options:
        return None
    return kind_group(product)


def _kinds(state: State, product: Product, group: OptionGroup, out: Outcome) -> Outcome:
    """The kinds of ``product`` said as the choices of ``group``, kept as just listed ("the cherry one" next)."""
    state.listed = (product.sku, group.code, state.turns)
    _talk_about(state, out, product)
    names = say_list([v.name for v in group.values], limit=8)
    return out.say(f"The {product.name} {agree(product.name, 'comes', 'come')} with a choice of {group_name(group)}: {names}")


def stock(state: State, lex: Lexicon, store: Store, parse: Parse, out: Outcome) -> Outcome:
    product = _subject(state, lex, parse)
    if product is None:
        return search(state, lex, parse, out)
    kinds = _kinds_group(product, parse)
    if kinds is not None:  # "what danishes do you have": the flavours, then "the cherry one" is that choice
        return _kinds(state, product, kinds, out)
    opts = options_for(product, parse.items[0].options)[0] if parse.items else []
    variant = match_variant(product, opts) if product.variants else None
    try:
        left = store.stock(product.sku, variant.sku if variant else None)
    except Exception:
        left = None
    _talk_about(state, out, product)
    if len(parse.items) > 1 and all(it.skus == (product.sku,) and it.options for it in parse.items):
        state.asked = (state.turns, tuple(parse.items))  # "have you got steak and kidney and chicken and mushroom
        # pies": those kinds, for "one of each then"
    if left is None:
        return out.say(f"Yes, the {product.name} {agree(product.name, 'is', 'are')} available. Would you like one?")
    if left <= 0:
        state.removed_turn = state.turns  # "is the kulfi available" - "a gulab jamun then": an addition, no swap
        return out.say(f"Sorry, the {product.name} {agree(product.name, 'is', 'are')} sold out")
    return out.say(f"Yes, we have {say_number(left)} of the {product.name} in stock. Would you like one?" if left < 20
                   else f"Yes, the {product.name} {agree(product.name, 'is', 'are')} in stock. Would you like one?")


def _group_named(lex: Lexicon, toks: Sequence[str], code: str) -> OptionGroup | None:
    """"What flavor shots do you have" where a muffin's "flavor" and a coffee's "flavor shots" share one code: the
    one group of that code named by the longest words said, else the first group of that code."""
    best: OptionGroup | None = None
    size = 0
    for a in range(len(toks)):
        for b in range(len(toks), a + size, -1):
            named = [g for g in lex.named_groups.get(tuple(toks[a:b]), ()) if g.code == code]
            if len(named) == 1:
                best, size = named[0], b - a
                break
    return best or lex.groups.get(code)


def _own_group_named(lex: Lexicon, toks: Sequence[str], product: Product | None) -> str | None:
    """"What sizes do the inner tubes come in" where the tube's "wheel size" has the alias "size" but the words
    were read as another product's "size": the one group of this product any of the words said name."""
    if product is None:
        return None
    own = {g.code for a in range(len(toks)) for b in range(a + 1, len(toks) + 1)
           for g in lex.named_groups.get(tuple(toks[a:b]), ()) if product.group(g.code) is not None}
    return own.pop() if len(own) == 1 else None


def options(state: State, lex: Lexicon, store: Store, parse: Parse, out: Outcome) -> Outcome:
    """"What milks do you have", "does the latte come in large", "is the blue one in medium"."""
    product = _subject(state, lex, parse) if (parse.items or parse.ref) else None
    if product is None and parse.groups and parse.options and any(t in _DEFINITE for t in parse.tokens) \
            and (line := state.focus()) is not None and (owner := lex.products.get(line.sku)) is not None:
        asked = [o for o in parse.options if any(t.group in parse.groups and owner.group(t.group) is not None
                                                 for t in o.targets)]
        if asked:  # "is the beer cass" of a chimaek set in the cart: how that line is made
            return _line_choice_asked(state, out, line, owner, asked)
    if parse.groups:  # the group of that product the words name ("extras" may name another product's toppings too)
        code = next((c for c in parse.groups if product is not None and product.group(c) is not None),
                    _own_group_named(lex, parse.tokens, product) or parse.groups[0])
        group = product.group(code) if product is not None else _group_named(lex, parse.tokens, code)
        if group is None:
            if product is not None:
                _talk_about(state, out, product)  # "are the filled goody bags priced per bag" - "six unicorn ones"
            return out.say(f"The {product.name if product else 'item'} has no choice of {code}")
        names = say_list([v.name for v in group.values], limit=8)  # every choice: "extra large" too
        if product is not None:
            state.listed = (product.sku, group.code, state.turns)  # "matcha" next: that choice (parse.Context.listed)
            _talk_about(state, out, product)  # "a small one please" next: that product
            return out.say(f"The {product.name} {agree(product.name, 'comes', 'come')} with a choice of {group_name(group)}: {names}")
        line = state.focus()  # "what salsas do you have" with a taco in the cart: "the green one" is the taco's
        owner = lex.products.get(line.sku) if line is not None else None
        if owner is not None and owner.group(code) is not None:
            state.listed = (owner.sku, code, state.turns)
        return out.say(f"For {group_name(group)}, we have {names}")
    specs = parse.items[0].options if parse.items else parse.options
    if product is None:
        values = [(lex.groups[t.group], t.value) for s in specs for t in s.targets if t.group in lex.groups]
        if not values:
            return search(state, lex, parse, out)
        group, code = values[0]
        said = group.value(code)
        name = said.name if said is not None else code
        if parse.tokens and parse.tokens[0] in ("what", "which"):  # "what sweeteners are there": all of that kind
            head = phrase_of(name)[-1]
            kind = [v.name for v in group.values if head in phrase_of(v.name)]
            if len(kind) > 1:
                return out.say(f"We have {say_list(kind)}")
        return _which_offer(state, lex, out, group, code, name)
    line = _line_asked(state, lex, product, parse)
    product = lex.products.get(line.sku, product) if line is not None else product  # "the bagel": the sesame one
    _talk_about(state, out, product)
    opts, _, missing = options_for(product, specs)
    if missing and not opts:
        return out.say(f"Sorry, the {product.name} {agree(product.name, 'does', 'do')}n't come with "
                       f"{say_list(option_names(lex, missing), 'or')}")
    variant = match_variant(product, opts) if product.variants else None
    if variant is not None or not product.variants:  # "do you have scientific calculators": none left of any
        try:
            left = store.stock(product.sku, variant.sku if variant is not None else None)
        except Exception:
            left = None
        if left is not None and left <= 0:
            return out.say(f"The {product.name} {agree(product.name, 'comes', 'come')} in that, but it's sold out right now")
    chosen = [(g, g.value(o.value)) for o in opts if (g := product.group(o.group)) is not None]
    spoken = [v.name for _, v in chosen if v is not None]
    if line is not None and spoken and not missing and not all(o in line.options for o in opts):
        return _offer_change(state, out, line, chosen, spoken, specs)
    word = "with" if any(g.amounts or g.multiple for g, _ in chosen) else "in"
    but = f", but not {say_list(option_names(lex, missing), 'or')}" if missing else ""
    usual = [d.name for g, v in chosen if not g.multiple and g.default and v is not None and v.code != g.default
             and (d := g.value(g.default)) is not None]
    if usual and not missing and parse.tokens and parse.tokens[0] in _IS_IT:  # "is the croissant warm": not unasked
        return out.say(f"The {product.name} {agree(product.name, 'comes', 'come')} {say_list(usual)} unless you ask, "
                       f"but I can make it {say_list(spoken)}. Would you like one?")
    return out.say(f"Yes, the {product.name} {agree(product.name, 'comes', 'come')} {word} {say_list(spoken)}{but}. Would you like one?")


def _line_asked(state: State, lex: Lexicon, product: Product, parse: Parse) -> CartLine | None:
    """"Is the croissant warm" with a croissant in the cart: the question is about that line (the one in focus,
    else the latest of that product, or of the one product in the cart whose name holds the name said), not
    about one more."""
    if parse.items and not any(t in _DEFINITE for t in parse.tokens[:parse.items[0].start]):
        return None
    sku = line_holding(lex, (product.sku,), [ln.sku for ln in state.cart.lines])
    mine = [ln for ln in state.cart.lines if ln.sku == sku]
    if not mine:
        return None
    focus = state.focus()
    return focus if focus in mine else mine[-1]


def _line_choice_asked(state: State, out: Outcome, line: CartLine, product: Product, specs: Sequence[OptionSpec]
                       ) -> Outcome:
    """"Is the beer cass" with a chimaek set in the cart, "the beer" its group: yes when the line is made so, else
    how it is made and an offer to change it (never one more of it)."""
    opts, _, _ = options_for(product, specs)
    chosen = [(g, g.value(o.value)) for o in opts if (g := product.group(o.group)) is not None]
    spoken = [v.name for _, v in chosen if v is not None]
    if not spoken:
        return out.say(f"Sorry, the {product.name} {agree(product.name, 'does', 'do')}n't come with that")
    if not all(o in line.options for o in opts):
        return _offer_change(state, out, line, chosen, spoken, specs)
    state.focus_line = line.line_id
    many = line.quantity > 1
    return out.say(f"Yes, your {plural(line.name, line.quantity)} {'come' if many else 'comes'} with "
                   f"{say_list(spoken)}.")


def _offer_change(state: State, out: Outcome, line: CartLine, chosen: Sequence[tuple[OptionGroup, OptionValue | None]],
                  spoken: list[str], specs: Sequence[OptionSpec]) -> Outcome:
    """"Is the croissant warm" about a croissant in the cart: how that line is made, and an offer to change it
    (a yes changes the line, it adds none)."""
    codes = {g.code for g, _ in chosen if not g.multiple}
    now = [v.name for o in line.options if o.group in codes and (g := next(
        (g for g, _ in chosen if g.code == o.group), None)) is not None and (v := g.value(o.value)) is not None]
    state.focus_line = line.line_id
    state.pending = Pending(PendingKind.OFFER, item=ItemSpec((line.sku,), None, list(specs)), line_id=line.line_id)
    many = line.quantity > 1
    lead = f"Your {plural(line.name, line.quantity)} {'are' if many else 'is'} {say_list(now)} right now. " if now else ""
    word = "with " if any(g.amounts or g.multiple for g, _ in chosen) else ""
    return out.say(f"{lead}Would you like {'them' if many else 'it'} {word}{say_list(spoken)}?")


def describe(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome:
    """"What's in a cortado", "the difference between a latte and a cappuccino": up to three products."""
    named = [lex.products[s] for s in dict.fromkeys(s for it in parse.items if len(it.skus) == 1 for s in it.skus)
             if s in lex.products]  # by SKU: a product with metadata is not hashable
    products = named[:3] or [p for p in [_subject(state, lex, parse)] if p is not None]
    if not products:
        return search(state, lex, parse, out)
    state.shown = [p.sku for p in products]
    state.said = min(len(state.shown), 3)
    out.shown = list(state.shown)
    for product in products:
        text = product.description.strip().rstrip(".") if product.description \
            else f"one of our {product.category or 'items'}"
        lead = f"The {product.name}: " if len(products) > 1 else ""
        out.say(f"{lead}{text}. It's {say_price(product.price_cents, product.currency)}")
    return out


def hold(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome:
    """An order followed by a question about it, once the question is answered: the item waits for the
    answer (an option asked about) or a yes (anything else); it is not in the cart yet."""
    spec = next((it for it in parse.items if len(it.skus) == 1), None)
    product = lex.products.get(spec.skus[0]) if spec is not None else None
    if spec is None or product is None or (out.shown and len(out.shown) > 1):
        return out
    group = next((g for code in parse.groups if (g := product.group(code)) is not None), None)
    if group is None and state.listed is not None and state.listed[0] == product.sku and state.listed[2] == state.turns:
        group = product.group(state.listed[1])  # "and a flight what beers can i put in it": the beers just listed
    if group is not None and not any(o.targets[0].group == group.code for o in spec.options if o.targets):
        state.pending = Pending(PendingKind.CLARIFY_OPTION, item=spec, group=group.code)
        return out.say(f"Which {group_name(group)} would you like in the {product.name}?")
    state.pending = Pending(PendingKind.OFFER, item=spec)
    if not (out.parts and out.parts[-1].endswith("?")):
        out.say(f"Would you like the {product.name}?")
    return out


_OPENERS = LEAD_FILL  # "ok how much is that", "um how much is that"


def focus_price(state: State, lex: Lexicon, toks: Sequence[str]) -> str:
    """"how much is that" (the whole turn) with a line in focus: that line's price before tax, each and for the
    line ("The 10 ft HDMI 2.1 cables are eighteen ninety nine each, thirty seven ninety eight for the two, before
    tax."); "" when the turn asks something else or no line is in focus."""
    k = 0
    while k < len(toks) and toks[k] in _OPENERS:
        k += 1
    line = state.focus()
    if line is None or tuple(toks[k:]) not in cue.PRICE_OF_FOCUS:
        return ""
    product = lex.products.get(line.sku)
    pre, post = describe_options(product, line.options)
    name = " ".join(x for x in (pre, plural(line.name, line.quantity)) if x) + post
    each = say_price(line.unit_price_cents, state.cart.currency)
    if line.quantity == 1:
        return f"The {name} is {each} before tax."
    whole = say_price(line.total_cents, state.cart.currency)
    return f"The {name} are {each} each, {whole} for the {say_number(line.quantity)}, before tax."


def cart(state: State, lex: Lexicon, out: Outcome) -> Outcome:
    if not state.cart.lines:
        return out.say("Your cart is empty. What would you like?")
    return out.say(f"You have {describe_cart(state.cart, lex.products)}", total_sentence(state.cart))


def shop_info(shop: ShopInfo, parse: Parse, out: Outcome) -> Outcome:
    ans = shop.answer(parse.text)
    if ans:
        return out.say(ans)
    return out.say("Sorry, I don't have that information. I can help you find products and place an order")
