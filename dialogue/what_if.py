"""What-if questions about the price ("is it cheaper if i get the twelve pack", "how much more is a large", "how
much to add feta", "how much is a bowl of it"): price questions however they are worded, which never order nor
change the cart. About a line in the cart made otherwise, the answer is what that line would cost so and an offer
to change it; only the shopper's go-ahead ("ok do that", "ok a bowl then") changes that line (a yes never adds a
second one), and a no ("nah leave it") leaves the cart as it is (:meth:`dialogue.policy.Policy._change_offered`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from catalog.cart import resolve_options, unit_price
from catalog.errors import CatalogError
from catalog.models import CartLine, Product, SelectedOption
from dialogue import intents as cue
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.numbers import say_price
from dialogue.owners import offers_choice
from dialogue.parse_records import Context, Parse, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE
from dialogue.replies import describe_options
from dialogue.resolve import options_for
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.state import Outcome, Pending, PendingKind, State
from dialogue.turn_words import ONTO_PREPS

_CUES = phrases("what_if_price")
_KEEP = phrases("keep_as_is")
_DEFINITE = words("definite")
_EVERY = frozenset({"both", "all", "each"})  # "on both rolls", "on all of them"
_NEW_ONE = frozenset({"a", "an", "another", "one", "some"})  # "how much is a large latte": one more, not this one
_ASKED_REFS = frozenset({"cheaper", "pricier", "more", "only", "all", "other"})


def asked(toks: Sequence[str]) -> bool:
    """The turn asks what a choice would cost ("is it cheaper if i get ...", "how much more is a large"), with no
    order request before the asking ("is it cheaper if i get the six pack" asks; its "i get" orders nothing)."""
    at = cue.find(toks, _CUES)
    if at < 0:
        return False
    request = cue.order_request(toks)
    return request < 0 or request > at


def read(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """Make the draft the price question it is: nothing ordered or held, no "the cheaper one" picked, no order
    number in "the thousand piece"; choices said with no product ask about the line in the cart that offers them
    all (the line in focus first, else the latest)."""
    p.question, p.ordering, p.hold = True, False, False
    p.order_number = None
    p.quantity = None
    if p.ref in _ASKED_REFS:
        p.ref = "it" if any(t in ("it", "them", "that", "those") for t in toks) else None
    onto = [it for it in p.items if _choice_onto_lines(lex, toks, it, ctx)]
    if onto and len(onto) == len(p.items):  # "with brown rice on the rolls": the rolls' rice, no side of rice
        p.options, p.items = sorted([*p.options, *(o for it in onto for o in it.options)], key=lambda o: o.pos), []
    p.items = [_of_the_cart(it, ctx) for it in p.items]
    if p.items or not p.options:
        return
    picks = [o for o in p.options if _picks_a_line(toks, o)]  # "on the ham one": which line, no change
    asked_for = [o for o in p.options if o not in picks]
    if picks and not asked_for:  # "is the salmon one much more": no line is so, the choice is asked about
        picks, asked_for = [], list(p.options)
    sku = _line_offering(lex, asked_for, picks, ctx) if asked_for else None
    if sku is not None:
        start = min(o.pos for o in asked_for)
        p.items = [ItemSpec((sku,), None, asked_for, start, max(o.pos for o in asked_for) + 1)]
        p.options = []


def _choice_onto_lines(lex: Lexicon, toks: Sequence[str], item: ItemSpec, ctx: Context) -> bool:
    """"How much would it be with brown rice on the rolls": an item of no cart line's product, said only by the
    words of its choices ("brown rice", also the side of rice's), then "on the" (or "on both") and a word: those
    choices put on the cart's lines that offer them all, asked about, no item of its own."""
    if not item.options or item.quantity is not None or set(item.skus) & set(ctx.line_skus):
        return False
    said = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + len(phrase_of(o.said)))}
    if any(i not in said and toks[i] not in GLUE for i in range(item.start, item.end)):
        return False  # a product's own name said too ("a side of brown rice")
    at = item.end
    if not (at + 1 < len(toks) and toks[at] in ONTO_PREPS and (toks[at + 1] in _DEFINITE or toks[at + 1] in _EVERY)):
        return False
    return any(all(offers_choice(lex, sku, o) for o in item.options) for sku in ctx.line_skus)


def _of_the_cart(item: ItemSpec, ctx: Context) -> ItemSpec:
    """"Would it be cheaper to get the twelve pack of cans": of the products the words may name, the one in the cart
    (a what-if is about what is being bought)."""
    held = [s for s in item.skus if s in ctx.line_skus]
    if len(item.skus) > 1 and len(held) == 1:
        return ItemSpec((held[0],), item.quantity, item.options, item.start, item.end, item.exact)
    return item


def _picks_a_line(toks: Sequence[str], o: OptionSpec) -> bool:
    end = o.pos + len(o.said.split())
    return 0 < o.pos and toks[o.pos - 1] in _DEFINITE and end < len(toks) and toks[end] in ("one", "ones")


def _line_offering(lex: Lexicon, specs: Sequence[OptionSpec], picks: Sequence[OptionSpec], ctx: Context) -> str | None:
    """The product of the cart line the choices asked about are for: one offering them all, of those the words
    "the ham one" pick (a line with that choice, or whose name says it) when said, the line in focus first."""
    skus = list(dict.fromkeys([*(s for s in (ctx.last_sku,) if s), *reversed(ctx.line_skus)]))
    if picks:
        held = {(ctx.line_skus[k], g) for k, opts in enumerate(ctx.line_options) for g in opts}
        skus = [s for s in skus if all(any((s, (t.group, t.value)) in held for t in o.targets)
                                       or set(o.said.split()) <= set(lex.products[s].name.lower().split())
                                       for o in picks if s in lex.products)]
    for sku in skus:
        if all(offers_choice(lex, sku, o) for o in specs):
            return sku
    return None


def offer(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """A price question about a line in the cart made otherwise: what it would cost so, against what it costs now,
    and an offer to change that line (pending; nothing changes yet). None when the question is not of that kind
    (then it is a price question about one more, answered as ever)."""
    if len(parse.items) != 1 or len(parse.items[0].skus) != 1 or parse.items[0].quantity is not None:
        return None
    item = parse.items[0]
    product = lex.products.get(item.skus[0])
    line = _line_of(state, item.skus[0])
    if product is None or line is None or not _about_the_line(parse, item):
        return None
    opts, _, missing = options_for(product, item.options, line.options)
    if not opts or missing:
        return None
    if all(o in line.options for o in opts):
        return _already_on(state, product, line, opts, out) if asked(parse.tokens) else None
    singles = {o.group for o in opts if (g := product.group(o.group)) is not None and not g.multiple}
    made = [o for o in line.options if o.group not in singles] + [o for o in opts if o not in line.options]
    cents = _unit_cents(product, made)
    if cents is None:
        return None
    state.focus_line = line.line_id
    state.topic = product.sku
    state.pending = Pending(PendingKind.OFFER, item=ItemSpec((line.sku,), None, list(item.options)),
                            line_id=line.line_id)
    many = line.quantity > 1
    diff = cents - line.unit_price_cents
    each = " each" if many else ""
    if diff > 0:
        by = f"{say_price(diff, product.currency)} more{each} than yours"
    elif diff < 0:
        by = f"{say_price(-diff, product.currency)} less{each} than yours"
    else:
        by = "the same as yours"
    pre, post = describe_options(product, opts)
    said = " ".join(x for x in (pre, product.name) if x) + post
    return out.say(f"{_article(said)} {said} is {say_price(cents, product.currency)}, {by}.",
                   f"Would you like me to change {'them' if many else 'it'}?")


def _already_on(state: State, product: Product, line: CartLine, opts: Sequence[SelectedOption],
                out: Outcome) -> Outcome | None:
    """"How much extra is the maple" about a line already made with it: what that choice adds to the line (its
    price against the line without it); nothing offered nor changed, the line stays as it is. None when the line
    cannot be priced without it (a choice it must have)."""
    cents = _unit_cents(product, [o for o in line.options if o not in opts])
    if cents is None:
        return None
    diff = line.unit_price_cents - cents
    state.focus_line = line.line_id
    state.topic = product.sku
    pre, post = describe_options(product, opts, skip_defaults=False)
    said = " ".join(x for x in (pre, product.name) if x) + post
    each = " each" if line.quantity > 1 else ""
    by = f"{say_price(diff, product.currency)} more{each}" if diff > 0 else \
        f"{say_price(-diff, product.currency)} less{each}" if diff < 0 else "no extra"
    return out.say(f"{_article(said)} {said} is {say_price(line.unit_price_cents, product.currency)}, {by} than "
                   "without. Your order has it that way.")


def _article(said: str) -> str:
    return "An" if said[:1].lower() in "aeiou" else "A"


def _line_of(state: State, sku: str) -> CartLine | None:
    mine = [ln for ln in state.cart.lines if ln.sku == sku]
    if not mine:
        return None
    focus = state.focus()
    return focus if focus in mine else mine[-1]


def _about_the_line(parse: Parse, item: ItemSpec) -> bool:
    """A what-if, "it", or the product said with no article or count before it ("how much for organic grapes")
    or with a definite one ("how much would the shake be ..."): about the line; "how much is a large latte" is about
    one more."""
    if asked(parse.tokens) or parse.ref == "it":
        return True
    first = min([item.start, *(o.pos for o in item.options if o.pos >= 0)])
    before = list(parse.tokens[max(0, first - 2):first])
    if before and before[-1] in _DEFINITE:
        return True
    return not (before and (before[-1] in _NEW_ONE or before[-1].isdigit()))


def _unit_cents(product: Product, chosen: Sequence[SelectedOption]) -> int | None:
    try:
        return unit_price(product, resolve_options(product, chosen))[0]
    except CatalogError:
        return None


def keeps(parse: Parse, skus: Collection[str]) -> bool:
    """To an offer of a change or of something else: a no or "leave it as it is", naming at most products of the
    cart (``skus``) with no count nor choice ("hmm nah never mind just the dogs", "ok leave the highlighters as they
    are then"): the order stays as it is. A turn that takes a named line off ("yikes never mind the halibut",
    "forget the halibut then") is that removal, not a keep."""
    if not (parse.deny or cue.has(parse.tokens, _KEEP)) or parse.quantity is not None or parse.options:
        return False
    if parse.intent == cue.Intent.REMOVE and parse.items:
        return False
    return all(len(it.skus) == 1 and it.skus[0] in skus and it.quantity is None and not it.options
               for it in parse.items)
