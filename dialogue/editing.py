"""Cart edits from a parse: add (asking when something is missing or ambiguous), modify, remove, clear.

Every change is read back with the total and leaves a "confirm_change" question open: a yes places the
order (the read-back said so), a plain no takes the unconfirmed change back off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.cart import match_variant, resolve_options, unit_price
from catalog.errors import CatalogError
from catalog.models import CartLine, Product, SelectedOption
from dialogue import intents as cue
from dialogue import people
from dialogue.bundles import held_by_bundle
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.normalize import tokens
from dialogue.numbers import say_number
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.readback import CONFIRM_QUESTION, read_back
from dialogue.references import wants_more
from dialogue.removals import add_ons_said
from dialogue.replies import (
    agree,
    describe_line,
    group_choices,
    group_name,
    plural,
    say_list,
)
from dialogue.resolve import Resolved, option_names, options_for, resolve_item
from dialogue.sorry import sorry
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.state import Outcome, Pending, PendingKind, State
from dialogue.targets import (
    line_has,
    lines_by_option,
    lines_by_selector,
    lines_offering,
    modify_target,
    named_apart,
    target_lines,
    unit_by_ordinal,
    variant_product,
)
from dialogue.turn_words import DEFINITE
from dialogue.types import Action

_TWO_LINES = words("two_lines")
_OTHERS = words("others_than_focus")
_PLURAL_REFS = words("plural_refs")
_CHOICE_ALONE = words("choice_alone_words")
_WRONG_LINE = phrases("wrong_line")
_JUST_KEPT = words("echo_only")  # "just", "only"
_LIKEWISE = words("likewise")
_UNDO_LAST = phrases("undo_last")


def readback(state: State, lex: Lexicon, out: Outcome, *, just_said: str = "") -> Outcome:
    """The whole order (unless it is exactly what was just said) and the total, then the question."""
    if not state.cart.lines:
        state.pending = None
        state.readback = None
        return out.say("Your cart is empty now")
    return read_back(state, lex, out, question=CONFIRM_QUESTION, pending=PendingKind.CONFIRM_CHANGE, just_said=just_said)


def _ask_product(state: State, spec: ItemSpec, candidates: Sequence[Product], rest: list[ItemSpec],
                 out: Outcome) -> Outcome:
    names = [p.name for p in candidates]
    state.pending = Pending(PendingKind.CLARIFY_PRODUCT, item=spec, candidates=tuple(p.sku for p in candidates), rest=rest)
    state.shown = [p.sku for p in candidates]
    state.said = min(len(state.shown), 3)
    out.shown = state.shown[:3]
    return out.say(f"Which one would you like: {say_list(names[:3], 'or')}?")


def _ask_option(state: State, spec: ItemSpec, r: Resolved, rest: list[ItemSpec], out: Outcome) -> Outcome:
    assert r.product is not None and r.missing is not None
    fixed = ItemSpec((r.product.sku,), spec.quantity, spec.options, spec.start, spec.end, True)
    state.pending = Pending(PendingKind.CLARIFY_OPTION, item=fixed, group=r.missing.code, rest=rest)
    return out.say(f"What {group_name(r.missing)} would you like for the {r.product.name}: {group_choices(r.missing)}?")


ask_product = _ask_product


def add_items(state: State, lex: Lexicon, items: Sequence[ItemSpec], out: Outcome) -> Outcome:
    """Add the items in order; stop and ask at the first one that needs a choice."""
    if state.pending is not None and state.pending.kind == PendingKind.CONFIRM_CHANGE:
        state.commit()  # carrying on ordering accepts what was read back
    state.pending = None
    added: list[str] = []
    notes: list[str] = []
    queue = list(items)
    while queue:
        spec = queue.pop(0)
        r = resolve_item(lex, spec)
        if r.product is not None and r.unavailable and (other := variant_product(lex, r.product, spec.options)):
            named = set(phrase_of(other.name))  # "a mocha, iced": the iced mocha; "iced" is in its name
            opts = [o for o in spec.options if not options_for(other, [o])[2]
                    or not any(set(phrase_of(t.value)) <= named for t in o.targets)]
            spec = ItemSpec((other.sku,), spec.quantity, opts, spec.start, spec.end, True)
            r = resolve_item(lex, spec)
        if r.product is None:
            if r.candidates:
                _say_added(state, lex, out, added, notes, ask=True)
                return _ask_product(state, spec, r.candidates, queue, out)
            continue
        if r.unavailable:
            notes.append(f"The {r.product.name} {agree(r.product.name, 'does', 'do')}n't come with "
                         f"{say_list(option_names(lex, r.unavailable), 'or')}")
        if r.missing is not None:
            _say_added(state, lex, out, added, notes, ask=True)
            return _ask_option(state, spec, r, queue, out)
        line = add_line(state, r.product, r.quantity, r.options, notes)
        if line is not None and spec.start in state.people_said:  # "... for me and my sister"
            people.mark(state.owners, line.line_id, line.quantity, r.quantity, state.people_said[spec.start])
        if line is not None:
            state.note_ordered(line.line_id, r.quantity)
            added.append(describe_line(line, r.product) if line.quantity == r.quantity else
                         describe_line(replace(line, quantity=r.quantity), r.product))
    return _say_added(state, lex, out, added, notes, ask=False)


def note_announced(state: State, toks: Sequence[str], items: Sequence[ItemSpec]) -> None:
    """"Hey I want to order a pie for pickup": an announcement of what the shopper wants, one item said with no
    count and no choice, makes a line the next turn may fill in (see :func:`fill_announced`)."""
    plain = len(items) == 1 and not items[0].options and items[0].quantity in (None, 1)
    added = state.added
    state.announced = (state.turns, added[1]) if plain and cue.has(toks, cue.WANT_TO_ORDER) and added is not None \
        and added[0] == state.turns else None


def fill_announced(state: State, lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], out: Outcome
                   ) -> Outcome | None:
    """"I want to order a pie" - "a large pie half pepperoni half mushroom": the turn right after an announcement
    says that one item in full (the same product, one of it, with choices, not "another"): the announced line
    becomes it, no second line. None when the turn is anything else."""
    if state.announced is None or state.announced[0] != state.turns - 1 or len(items) != 1:
        return None
    spec = items[0]
    line = next((ln for ln in state.cart.lines if ln.line_id == state.announced[1]), None)
    if line is None or spec.skus != (line.sku,) or not spec.options or spec.quantity not in (None, 1) \
            or line.quantity != 1 or wants_more(toks, spec) or cue.has(toks, cue.MORE):
        return None
    r = resolve_item(lex, spec)
    if r.product is None or r.missing is not None or r.unavailable:
        return None
    state.announced = None
    return _swap(state, lex, line, spec, out)


def add_line(state: State, product: Product, qty: int, options: Sequence[SelectedOption],
              notes: list[str]) -> CartLine | None:
    try:
        resolved = resolve_options(product, options)
    except CatalogError as exc:
        notes.append(sorry(exc, product))
        return None
    left = _left(state, product, resolved)
    if left is not None and left < qty:  # say so now rather than at checkout
        if left <= 0:
            notes.append(f"Sorry, the {product.name} is sold out")
            return None
        notes.append(f"Sorry, there {'is' if left == 1 else 'are'} only {say_number(left)} of the {product.name} left. "
                     f"Would you like {say_number(left)}?")
        state.shown = [product.sku]  # "ok three then": the product stays the one talked about
        state.offer = ItemSpec((product.sku,), left, [OptionSpec((Target("option", group=o.group, value=o.value),), o.amount)
                                                      for o in resolved])
        return None
    state.begin_change()
    try:
        line = state.cart.add(product, qty, options)
    except CatalogError as exc:
        notes.append(sorry(exc, product))
        return None
    state.focus_line = line.line_id
    said = {(o.group, o.value) for o in options}
    state.added = (state.turns, line.line_id, tuple(o for o in line.options if (o.group, o.value) in said))
    return line


def _left(state: State, product: Product, options: Sequence[SelectedOption]) -> int | None:
    """Units still available beyond what the cart already holds; None means unlimited or unknown."""
    if state.stock_of is None:
        return None
    variant = match_variant(product, options) if product.variants else None
    try:
        stock = state.stock_of(product.sku, variant.sku if variant else None)
    except CatalogError:
        return None
    if stock is None:
        return None
    vsku = variant.sku if variant else None
    held = sum(ln.quantity for ln in state.cart.lines if ln.sku == product.sku and ln.variant_sku == vsku)
    return stock - held


def _say_added(state: State, lex: Lexicon, out: Outcome, added: list[str], notes: list[str], *, ask: bool) -> Outcome:
    if added:
        out.act(Action.CART_CHANGED)
        said = say_list(added, limit=None)
        out.say(f"{said[0].upper()}{said[1:]}")
    out.say(*notes)
    notes.clear()
    if not added and not ask:  # "rainbow cookie sold out" -> "never mind then a cannoli": an addition, the
        state.removed_turn = state.turns  # line before (not what failed) is no line to swap
    if added and not ask:
        readback(state, lex, out, just_said=say_list(added, limit=None))
    elif not added and not ask and state.offer is not None:
        out.shown = [state.offer.skus[0]]
        state.pending, state.offer = Pending(PendingKind.OFFER, item=ItemSpec(
            state.offer.skus, state.offer.quantity, state.offer.options)), None  # "yes" takes the three offered
    elif not added and not ask:
        out.say("Sorry, I couldn't add that. What would you like?")
    return out


def _rebuild(state: State, line: CartLine, product: Product, options: list[SelectedOption]) -> CartLine:
    resolved = resolve_options(product, options)
    price, variant = unit_price(product, resolved)
    idx = state.cart.lines.index(line)
    new = replace(line, options=resolved, unit_price_cents=price, variant_sku=variant)
    state.cart.lines[idx] = new
    return new


def _kept(line: CartLine, product: Product, opts: Sequence[SelectedOption], removals: Sequence[tuple[str, str]],
          setting: bool = False) -> list[SelectedOption]:
    """The line's options that stay when ``opts`` are chosen and ``removals`` taken off. ``setting``: the
    choices are said as what the line is to be ("make one of them chocolate", no "with" or "add"): a multi-choice
    group the product needs a value of (required, no default) gets the values said, not those added."""
    kept = [o for o in line.options if (o.group, o.value) not in removals]
    for o in opts:
        group = product.group(o.group)
        if group is not None and (not group.multiple or setting and group.required and group.default is None):
            kept = [k for k in kept if k.group != o.group]
    return kept


def _swapped_out(line: CartLine, product: Product, opts: Sequence[SelectedOption],
                 selector: Sequence[OptionSpec]) -> list[tuple[str, str]]:
    """"swap the pulled pork for burnt ends" on a plate of brisket and pulled pork: the choices of a multi-choice
    group that select the line and that the new choices of that group replace; the line's other values of the
    group stay."""
    held = {(o.group, o.value) for o in line.options}
    new = {o.group for o in opts}
    return [(t.group, t.value) for s in selector for t in s.targets if (t.group, t.value) in held and t.group in new
            and (g := product.group(t.group)) is not None and g.multiple]


def _all_of_count(toks: Sequence[str], qty: int) -> bool:
    """"all three", "both": the count said is every unit of the product's lines, all to be made so."""
    return any(t in _ALL_OF_COUNT and (i + 1 < len(toks) and toks[i + 1] == str(qty) or t == "both" and qty == 2)
               for i, t in enumerate(toks))


_ALL_OF_COUNT = words("all_of_count")
_ADDING = frozenset({"with", "add", "plus", "topped", "also", "extra", "more", "too", "another"})
_ALSO_ADDING = words("adding_beside")


def _corrected(state: State, line: CartLine, product: Product, opts: Sequence[SelectedOption],
               kept: list[SelectedOption], toks: Sequence[str]) -> list[SelectedOption]:
    """"A greek salad" - "with chicken" - "no wait, with tuna": a correction right after a turn that put a choice of
    a multi-choice group on this line takes that choice back (the last one of the group), not adds beside it; a
    choice said to go ("no wait, take the onions off") takes only itself off."""
    if state.added is None or state.added[0] != state.turns - 1 or state.added[1] != line.line_id \
            or not cue.has(toks, cue.CORRECTION) or _ALSO_ADDING.intersection(toks):
        return kept  # ("actually add strawberries to the bowl too": one more beside the banana, none taken back)
    for o in opts:
        group = product.group(o.group)
        if group is None or not group.multiple or o.amount == "none":
            continue
        last = next((a for a in reversed(state.added[2]) if a.group == o.group and a.value != o.value), None)
        if last is not None:
            kept = [k for k in kept if (k.group, k.value) != (last.group, last.value)]
    return kept


_Change = tuple[CartLine, Product, list[SelectedOption], list[tuple[str, str]]]


def _change_all(state: State, lex: Lexicon, changes: Sequence[_Change], out: Outcome) -> Outcome:
    """Make each of ``changes`` (line, product, options to set, removals; a line with neither stays as it is) as
    one change of the cart, and say so: "Okay, both changed", "Okay, all three changed"."""
    state.begin_change()
    state.pending = None
    try:
        made = [_rebuild(state, line, product, [*_kept(line, product, opts, removals), *opts]) if opts or removals
                else line for line, product, opts, removals in changes]
    except CatalogError as exc:
        return out.say(sorry(exc, changes[0][1]))
    out.act(Action.CART_CHANGED)
    if _merged(state, made):  # "make all four danishes cheese": the cherry and the cheese line now one
        return readback(state, lex, out.say("Okay"))
    out.say(f"Okay, all {say_number(len(changes))} changed" if len(changes) > 2 else "Okay, both changed")
    return readback(state, lex, out)


def _merged(state: State, made: Sequence[CartLine]) -> bool:
    """Lines just changed that are now made alike (product, choices, price) become one line of their units, the
    first of them kept; whose each unit is goes with it. True when any were."""
    merged = False
    made = list(made)
    for k, line in enumerate(made):
        at = next((j for j, m in enumerate(made[:k]) if m.sku == line.sku and m.options == line.options
                   and m.variant_sku == line.variant_sku and m.unit_price_cents == line.unit_price_cents
                   and m in state.cart.lines), None)
        if at is None or line not in state.cart.lines:
            continue
        keep = made[at]
        owners = state.owners.get(keep.line_id, ("",) * keep.quantity) + state.owners.get(line.line_id, ("",) * line.quantity)
        made[at] = replace(keep, quantity=keep.quantity + line.quantity)
        state.cart.lines[state.cart.lines.index(keep)] = made[at]
        state.cart.lines.remove(line)
        state.owners.pop(line.line_id, None)
        if any(owners):
            state.owners[keep.line_id] = owners
        if state.focus_line == line.line_id:
            state.focus_line = keep.line_id
        merged = True
    return merged


def modify_every(state: State, lex: Lexicon, parse: Parse, out: Outcome,
                 among: Sequence[CartLine] | None = None) -> Outcome:
    """"make both large", "all of them with oat milk": the change on every line that offers it (two or
    more; of ``among`` when given); with fewer, the ordinary change of one line. "Both": the last two lines that
    offer it."""
    if among is None and not parse.items and parse.ref == "all" \
            and (owned := people.owned_line(state, lex, tokens(parse.text))) is not None and owned[2] > 1:
        return modify(state, lex, replace(parse, ref="it"), out)  # "the kids ones both with popping boba": both
        # of the kids' units, not every line
    specs = list(parse.options)
    changes = []
    if among is None and parse.items:  # "make all the danishes cheese": the danish lines only
        among = [ln for ln in state.cart.lines if any(ln.sku in it.skus for it in parse.items)]
    for line in state.cart.lines if among is None else among:
        product = lex.products.get(line.sku)
        if product is None or not specs:
            continue
        opts, removals, unavailable = options_for(product, specs, line.options)
        if (opts or removals) and not unavailable:
            changes.append((line, product, opts, removals))
    focus = state.focus()
    if _OTHERS & set(parse.tokens) and focus is not None:  # "and sprinkles on both of the others": not the one
        changes = [c for c in changes if c[0].line_id != focus.line_id]  # just changed
    if _TWO_LINES & set(parse.tokens):
        changes = changes[-2:]
    if len(changes) < 2:
        return modify(state, lex, parse, out)
    return _change_all(state, lex, changes, out)


_ALL_BUT = words("everything_but")
_LEADS = words("other_lead")


def all_but(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """"All with white rice except kevin's sesame he wants lo mein", "all thin crust except the cheese one": one
    person ordering for a group, a change for every line that offers it but the ones named after "except" /
    "but" (by a choice they have, the sesame one, or their product), which get what is said after that instead
    (lo mein), or stay as they are. None (nothing done) unless the turn opens with "all" and a change, a line of
    the cart is named after "except", and two or more lines take the change."""
    toks = parse.tokens
    first = next((k for k, t in enumerate(toks) if t not in _LEADS), len(toks))
    k = next((k for k in range(first + 1, len(toks)) if toks[k] in _ALL_BUT), -1) \
        if first < len(toks) and toks[first] in _ALL_OF_COUNT else -1
    if k < 0 or len(parse.items) > 1 or any(it.start < k for it in parse.items):
        return None
    specs = [*parse.options, *(o for it in parse.items for o in it.options)]
    every = [o for o in specs if o.pos < k]
    after = sorted((o for o in specs if o.pos > k), key=lambda o: o.pos)
    picks = [o for o in after if any(line_has(ln, lex, [o]) or _names_product(lex, o, ln.sku)
                                      for ln in state.cart.lines)]
    named = set(parse.items[0].skus) if parse.items else set()
    last = max([p.pos for p in picks] + [it.start for it in parse.items] + [k])
    own = [o for o in after if o.pos > last]
    if not every or not (picks or named) or len(picks) + len(own) != len(after):
        return None

    def excepted(line: CartLine) -> bool:
        return line.sku in named or any(line_has(line, lex, [o]) or _names_product(lex, o, line.sku) for o in picks)

    changes = []
    for line in state.cart.lines:
        product = lex.products.get(line.sku)
        if product is None:
            continue
        opts, removals, unavailable = options_for(product, own if excepted(line) else every, line.options)
        if excepted(line) and own and (unavailable or not (opts or removals)):
            return None
        if (opts or removals) and not unavailable or excepted(line):
            changes.append((line, product, opts, removals))
    if len(changes) < 2 or not any(excepted(ln) for ln, *_ in changes):
        return None
    return _change_all(state, lex, changes, out)


def _names_product(lex: Lexicon, spec: OptionSpec, sku: str) -> bool:
    """The words of a choice said name the product ``sku`` too ("the mocha": the mocha syrup, and the mocha)."""
    return bool(spec.said) and any(t.kind == "product" and t.sku == sku for t in lex.phrases.get(phrase_of(spec.said), ()))


def modify(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome:
    """Change the line in focus: options, quantity, or the product itself ("make that a mocha"); a change naming
    a person ("make my sister's iced", "my wife wants small") changes that person's units (:mod:`dialogue.people`)."""
    owned = people.owned_line(state, lex, tokens(parse.text), _owned_skus(parse)) \
        if parse.ordinal is None and parse.portion is None and parse.ref != "all" else None
    if owned is not None and parse.replaces is not None and owned[0].sku not in parse.replaces.skus:
        owned = None  # ("my daughter wants a ham and swiss instead of her grilled cheese": her grilled cheese)
    if owned is not None and parse.selector and not line_has(owned[0], lex, parse.selector):
        owned = None  # "sam's the decaf and he wants it large": the decaf line, whoever "he" was taken for
    if owned is None and parse.replace and parse.replaces is None and len(parse.items) == 1 \
            and people.someones_said_to_be(lex, state, parse.tokens, parse.items[0].start):
        return add_items(state, lex, parse.items, out)  # "hers is a kids one pink", no line of hers held: hers
    if owned is None and (lines := _lines_of_them(state, parse) or _ordered_together(state, lex, parse)):
        return modify_every(state, lex, parse, out, among=lines)
    if owned is None:
        before = {ln.line_id for ln in state.cart.lines}
        done = _modify(state, lex, parse, out)
        split = next((ln for ln in state.cart.lines if ln.line_id == state.focus_line and ln.line_id not in before), None)
        if parse.portion is not None and split is not None:  # "one of them is for my son, make his ...": his
            people.mark_portion(state, lex, tokens(parse.text), split, parse.portion)
        return done
    line, key, units = owned
    parse = _choice_of_owned(lex, line, parse)
    marks = state.owners[line.line_id]
    done = _modify(state, lex, replace(parse, portion=units) if units < line.quantity else parse, out, line=line)
    people.moved(state, line, marks, key, units, people.named_person(lex, tokens(parse.text)))
    return done


def _owned_skus(parse: Parse) -> tuple[str, ...]:
    """The products that name which of a person's lines a change is about: the item said ("make her green detox a
    large"), or the one it replaces ("... instead of her grilled cheese"); none when the item said is the product
    swapped in ("she wants hers as a bowl" to her burrito, with another bowl in the cart: the bowl is no line of
    hers)."""
    if parse.replaces is not None:
        return parse.replaces.skus
    if parse.replace or not parse.items:
        return ()
    return parse.items[0].skus


def _choice_of_owned(lex: Lexicon, line: CartLine, parse: Parse) -> Parse:
    """"He wants garlic naan with his instead of plain" to a meal for one ordered for him: an item said for a
    person's line, of another product, whose words are a choice that line offers (the meal's bread), is that
    choice of the line, not a product swapped in. The parse as it is otherwise."""
    product = lex.products.get(line.sku)
    if product is None or len(parse.items) != 1 or line.sku in parse.items[0].skus:
        return parse
    item = parse.items[0]
    said = [OptionSpec(kept, pos=o.pos, said=o.said) for o in item.options
            if (kept := tuple(t for t in o.targets if (g := product.group(t.group)) is not None
                              and g.value(t.value) is not None))]
    # Only when the choice's words take in the item's own name ("garlic naan": the naan too); a choice merely
    # said with another product ("she wants a half of cider instead" to her half of stout) is that product's
    # choice, and the product is swapped in (taproom-multi-turn-mt12-001).
    if not any(o.pos < item.end <= o.pos + len(o.said.split()) for o in said):
        return parse
    return replace(parse, items=(), options=(*parse.options, *said), replace=False, replaces=None)


def _lines_of_them(state: State, parse: Parse) -> list[CartLine]:
    """"one white lily bouquet and one pink" - "wrap them in cellophane": a choice said of "them" when the line in
    focus is a single one of several lines of its product is about all of those lines; else none (the ordinary
    change of the line in focus: "make them large" to two lattes on one line)."""
    focus = state.focus()
    if focus is None or focus.quantity != 1 or parse.items or not parse.options or parse.ref != "it" \
            or parse.ordinal is not None or parse.portion is not None or parse.selector \
            or not _PLURAL_REFS & set(parse.tokens):
        return []
    same = [ln for ln in state.cart.lines if ln.sku == focus.sku]
    return same if len(same) > 1 else []


def _ordered_together(state: State, lex: Lexicon, parse: Parse) -> list[CartLine]:
    """"letter balloons for the name ava" (an A line and a V line) - "in rose gold please": a bare choice said right
    after the turn that added the line in focus and other lines of its product in one breath, all made alike in
    what the choice changes, is for all of those lines; else none (the change of the line in focus)."""
    focus = state.focus()
    if focus is None or state.baseline is None or state.baseline_turn != state.turns - 1 or parse.items \
            or not parse.options or parse.ref is not None or parse.ordinal is not None or parse.portion is not None \
            or parse.selector or parse.quantity is not None or parse.replace:
        return []
    said = {k for o in parse.options for k in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    if any(t not in _CHOICE_ALONE for k, t in enumerate(parse.tokens) if k not in said):
        return []  # ("make the lightning one ten foot", "his on a flour tortilla": a line picked out)
    before = {ln.line_id for ln in state.baseline}
    new = [ln for ln in state.cart.lines if ln.line_id not in before]
    product = lex.products.get(focus.sku)
    if product is None or len(new) < 2 or focus not in new or any(ln.sku != focus.sku for ln in new):
        return []
    opts, _, unavailable = options_for(product, list(parse.options), focus.options)
    if not opts or unavailable:
        return []
    groups = {o.group for o in opts}
    made = {tuple(sorted((o.group, o.value) for o in ln.options if o.group in groups)) for ln in new}
    return new if len(made) == 1 else []


def _modify(state: State, lex: Lexicon, parse: Parse, out: Outcome, *, line: CartLine | None = None) -> Outcome:
    """:func:`modify` of ``line`` when the change is known to be about it, else of the line it names."""
    if parse.replace and parse.replaces is None and parse.items and state.removed_turn in (state.turns - 1, state.turns):
        # "remove the muffin" / "a croissant instead", or both in one turn ("take the muffin off and give me a
        # croissant instead", dialogue/compound.py): an addition
        return add_items(state, lex, parse.items, out)
    if parse.selector and parse.quantity is not None and not parse.options and not parse.items \
            and not lines_by_selector(state, lex, parse.selector):  # "make the almond ones three", none made so
        return out.say("I couldn't find that in your cart.")
    line = line or modify_target(state, lex, parse)
    if line is None and (unit := unit_by_ordinal(state, parse)) is not None:
        line, parse = unit, replace(parse, portion=1)  # "make the second one large": one unit of a line of two
    if line is not None and parse.items and _unit_named(state, line, parse):
        parse = replace(parse, portion=1)  # "and the second bunch red" to two bunches on one line: one of them
    if line is None and parse.replaces is not None and parse.items:
        old = lex.products.get(parse.replaces.skus[0])
        new = lex.products.get(parse.items[0].skus[0])
        state.pending = Pending(PendingKind.OFFER, item=parse.items[0])
        return out.say(f"There's no {old.name if old else 'such item'} in your order. "
                       f"Would you like me to add {'the ' + new.name if new else 'it'}?")
    if line is None:
        if parse.items:
            return add_items(state, lex, parse.items, out)
        return out.say("There's nothing in your cart yet. What would you like?")
    product = lex.products.get(line.sku)
    if product is None:
        return out.say(f"Sorry, the {line.name} is no longer on the menu.")
    if parse.portion is not None and parse.portion > line.quantity and parse.quantity is None and not parse.replace:
        parse = replace(parse, portion=None, quantity=parse.portion)  # "fifty of them double sided" to a line of
        # one: more units than the line has are no part of it, but its count
    state.begin_change()
    state.pending = None
    in_all: int | None = None
    try:
        if parse.replace and parse.items:
            if parse.portion is not None and parse.portion < line.quantity:  # "make one of them a hawaiian"
                return _swap(state, lex, line, parse.items[0], out, units=parse.portion)
            return _swap(state, lex, line, parse.items[0], out, afresh=cue.has(parse.tokens, _UNDO_LAST),
                         bundle=parse.replaces is None)  # (no line named: a combo takes the place of what it holds)
        specs = list(parse.items[0].options) if parse.items else list(parse.options)
        qty_said = parse.quantity is not None or bool(parse.items and parse.items[0].quantity not in (None, 1))
        if not specs and not qty_said:  # "make the cold brew regular" with a word not understood: ask, change nothing
            return out.say(f"What would you like to change about the {line.name}?")
        opts, removals, unavailable = options_for(product, specs, line.options)
        if unavailable and not opts and not removals and (said_not := _line_said_not(state, lex, line, specs)):
            line, product, specs = said_not  # "the kids medicine, the cherry one not grape": the grape line
            opts, removals, unavailable = options_for(product, specs, line.options)
        said_count = _count_said(specs[0].said, product) if len(specs) == 1 else None
        if not qty_said and not parse.items and said_count is not None and opts \
                and not removals and all(o in line.options for o in opts):
            # "a two meter cable" - "actually make that two": the line has that choice already, so two of it; so
            # "just one deck" to two decks of cards, each a single deck: one of them
            parse, specs, opts = replace(parse, quantity=said_count, options=()), [], []
        if unavailable and not opts and not removals and parse.quantity is None:
            other = variant_product(lex, product, specs)
            if other is not None:  # "make it iced" on a mocha: the iced mocha
                spec = ItemSpec((other.sku,), None, [], 0, 0, True)
                part = parse.portion if parse.portion is not None and parse.portion < line.quantity else None
                return _swap(state, lex, line, spec, out, units=part)  # "make one of the croissants chocolate"
            return out.say(f"The {product.name} {agree(product.name, 'does', 'do')}n't come with "
                           f"{say_list(option_names(lex, unavailable), 'or')}.")
        if opts or removals:
            swapped = _swapped_out(line, product, opts, parse.selector)
            kept = _kept(line, product, opts, [*removals, *swapped], setting=not swapped and not _ADDING.intersection(
                parse.tokens))
            if not swapped:  # "actually change the rice to greek salad": what goes is said, nothing else taken back
                kept = _corrected(state, line, product, opts, kept, parse.tokens)
            state.added = (state.turns, line.line_id, tuple(o for o in opts if o not in line.options))
            if parse.portion is not None and parse.portion < line.quantity:
                if parse.rest_options:  # "... and the other one decaf": the units left change too
                    rest = options_for(product, parse.rest_options, line.options)[0]
                    redone = {o.group for o in rest if not (g := product.group(o.group)) or not g.multiple}
                    line = _rebuild(state, line, product, [o for o in line.options if o.group not in redone] + rest)
                return _split_off(state, lex, line, product, parse.portion, [*kept, *opts], out)
            line = _rebuild(state, line, product, [*kept, *opts])
        qty = parse.quantity if parse.quantity is not None else (parse.items[0].quantity if parse.items else None)
        if parse.portion is not None:
            qty = None  # "make one of them iced": the count says which units, not a new count
        elif qty is not None and parse.items and not parse.replace:  # "actually three lattes": in all
            others = sum(ln.quantity for ln in state.cart.lines if ln.sku == line.sku and ln.line_id != line.line_id)
            if others and named_apart(state, lex, line, parse.items[0]):
                others = 0  # "make the navy cotton three yards" beside a gingham one: that line's count
            in_all = qty if others and qty - others >= 1 else None
            if others and (opts or removals) and qty == others + line.quantity and _all_of_count(parse.tokens, qty):
                for dup in [ln for ln in state.cart.lines if ln.sku == line.sku and ln.line_id != line.line_id]:
                    state.cart.remove(dup.line_id)  # "make all three cherry": every unit made so, on one line
                others = 0
            qty = qty - others if qty - others >= 1 else qty
        if qty is not None and qty > line.quantity:
            left = _left(state, product, line.options)
            if left is not None and left < qty - line.quantity:
                have = left + line.quantity
                verb = "is" if have == 1 else "are"
                if have > line.quantity:  # "ok then all five you've got": the line made that many, no new one
                    state.focus_line = line.line_id
                    state.pending = Pending(PendingKind.OFFER, item=ItemSpec((line.sku,), have, []), line_id=line.line_id)
                    return out.say(f"Sorry, there {verb} only {say_number(have)} of the {product.name} in stock. "
                                   f"Would you like {say_number(have)}?")
                return out.say(f"Sorry, there {verb} only {say_number(have)} of the {product.name} in stock")
        if qty is not None and qty != line.quantity:
            changed = state.cart.set_quantity(line.line_id, qty)
            if changed is not None:
                line = changed
    except CatalogError as exc:
        return out.say(sorry(exc, product))
    state.focus_line = line.line_id
    out.act(Action.CART_CHANGED)
    said = describe_line(line, product)
    if in_all is not None:  # the count was for all of the lines of that product
        out.say(f"Okay, {say_number(in_all)} {plural(product.name, in_all)} in all")
        return readback(state, lex, out)
    out.say(f"Okay, {said}")
    return readback(state, lex, out, just_said=said)


def _line_said_not(state: State, lex: Lexicon, line: CartLine, specs: Sequence[OptionSpec]
                   ) -> tuple[CartLine, Product, list[OptionSpec]] | None:
    """"Actually the kids medicine, the cherry one not grape" when the line taken for it comes in neither: the one
    other line that is made as said not to be (grape) and offers the choice said for that group (cherry) is the line
    meant; the choices its product offers are the change. None when no such line is, or more than one."""
    negated = [o for o in specs if o.amount == "none"]
    found: list[tuple[CartLine, Product, list[OptionSpec]]] = []
    for ln in state.cart.lines if negated else ():
        product = lex.products.get(ln.sku)
        if ln.line_id == line.line_id or product is None:
            continue
        held = {t.group for o in negated if line_has(ln, lex, [replace(o, amount="regular")]) for t in o.targets}
        offered = [o for o in specs if not options_for(product, [o])[2]]
        if held and any(o.amount != "none" and held & {t.group for t in o.targets} for o in offered):
            found.append((ln, product, offered))
    return found[0] if len(found) == 1 else None


def _count_said(said: str, product: Product) -> int | None:
    """The count a choice's words say of the product itself: a number alone ("2"), or "one" before a word the
    product is named by ("one deck" of cards called a "deck of cards"; not "one shot" of a latte); else None."""
    words = said.split()
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if len(words) != 2 or words[0] != "one":
        return None
    names = {w for n in (product.name, *product.aliases) for w in phrase_of(n)}
    return 1 if words[1] in names else None


def _unit_named(state: State, line: CartLine, parse: Parse) -> bool:
    """"The second bunch" with two bunches on one line (and no second line of them): the ordinal counts the
    line's units, so the change is for one of them."""
    n = parse.ordinal
    if n is None or n < 2 or parse.portion is not None or parse.replace or parse.replaces is not None:
        return False
    same = [ln for ln in state.cart.lines if ln.sku == line.sku]
    return len(same) < n <= line.quantity


def share_line(state: State, lex: Lexicon, line: CartLine, parts: Sequence[tuple[int, Sequence[OptionSpec]]],
               out: Outcome) -> Outcome | None:
    """"Two notebooks" - "one grid and one lined": the line shared among the parts said, each count made with its
    own choices (the counts add up to the line's); the first part keeps the line, the others are lines of their
    own; a part with no choices at all (said plain) is the line as it is. None (nothing changed) when a part says
    no choice the product offers."""
    product = lex.products.get(line.sku)
    if product is None:
        return None
    made: list[tuple[int, list[SelectedOption]]] = []
    for count, specs in parts:
        if not specs:  # "... and one plain"
            made.append((count, list(line.options)))
            continue
        opts, removals, unavailable = options_for(product, list(specs), line.options)
        if not opts or unavailable:
            return None
        made.append((count, [*_kept(line, product, opts, removals, setting=True), *opts]))
    state.begin_change()
    state.pending = None
    said: list[str] = []
    try:
        first = _rebuild(state, line, product, made[0][1])
        first = state.cart.set_quantity(first.line_id, made[0][0]) or first
        said.append(describe_line(first, product))
        for count, options in made[1:]:
            new = state.cart.add(product, count, resolve_options(product, options))
            said.append(describe_line(replace(new, quantity=count), product))
    except CatalogError as exc:
        return out.say(sorry(exc, product))
    state.focus_line = first.line_id
    out.act(Action.CART_CHANGED).say(f"Okay, {say_list(said, limit=None)}")
    return readback(state, lex, out, just_said=say_list(said, limit=None))


def more_of(state: State, lex: Lexicon, line: CartLine, parse: Parse, out: Outcome,
            parts: Sequence[tuple[int, Sequence[OptionSpec]]] = ()) -> Outcome:
    """"Same again", "another one of those", "same again but with oat milk": more of ``line``, changed so; with
    ``parts`` ("two more, one with figs and one plain"), each part's count made with its own choices."""
    product = lex.products[line.sku]
    if state.pending is not None and state.pending.kind == PendingKind.CONFIRM_CHANGE:
        state.commit()
    state.begin_change()
    said: list[str] = []
    for count, specs in parts or [(parse.quantity or 1, parse.options)]:
        changed = options_for(product, list(specs), line.options)[0]
        held = {o.group: o.value for o in line.options}
        other_kind = any(not g.multiple and g.required and g.default is None and held.get(o.group, o.value) != o.value
                         for o in changed if (g := product.group(o.group)) is not None)
        redone = {o.group for o in changed if not (g := product.group(o.group)) or not g.multiple or g.required
                  or other_kind}
        # (a required choice of several, said again, is chosen anew: "another one with slaw and beans" - its two
        # sides; extras said are added to the ones it has, unless the new one is another kind of the product: "a
        # lamb gyro with tzatziki" - "and a chicken one with hot sauce" is made with hot sauce alone)
        options = [o for o in line.options if o.group not in redone] + changed
        try:
            grown = state.cart.add(product, count, options)
        except CatalogError as exc:
            return out.say(sorry(exc, product))
        state.focus_line = grown.line_id
        _mark_more(state, lex, parse, grown, count)
        made = grown if not parts else replace(grown, quantity=count)
        said.append(describe_line(made, product) if changed else f"{say_number(count)} more {plural(line.name, count)}")
    out.act(Action.CART_CHANGED).say(f"Okay, {say_list(said, limit=None)}")
    return readback(state, lex, out)


def _mark_more(state: State, lex: Lexicon, parse: Parse, grown: CartLine, count: int) -> None:
    """"One more for my husband": the units just added to the line are that person's, so a later "his with no
    cheese" changes only those (see :mod:`dialogue.people`)."""
    said = people.said_for(lex, parse.tokens)
    who = people.named_person(lex, parse.tokens)
    if said and grown.quantity >= count:  # "two in large for the leaders": a line of their own, theirs
        people.mark(state.owners, grown.line_id, grown.quantity, count, said)
    elif who is not None and grown.quantity > count:
        people.mark(state.owners, grown.line_id, grown.quantity, count, (who,))


def _split_off(state: State, lex: Lexicon, line: CartLine, product: Product, count: int,
               options: list[SelectedOption], out: Outcome) -> Outcome:
    """"Make one of them iced": ``count`` units leave the line and become a line of their own."""
    resolved = resolve_options(product, options)
    state.cart.set_quantity(line.line_id, line.quantity - count)
    new = state.cart.add(product, count, resolved)
    state.focus_line = new.line_id
    out.act(Action.CART_CHANGED)
    said = describe_line(new, product)
    out.say(f"Okay, {said}")
    return readback(state, lex, out, just_said=said)


def _swap(state: State, lex: Lexicon, line: CartLine, spec: ItemSpec, out: Outcome, *, units: int | None = None,
          afresh: bool = False, bundle: bool = False) -> Outcome:
    """The line becomes the product of ``spec`` (its choices kept where the new product has them); ``units``:
    only that many of its units do, the rest stay as they are. ``afresh``: the line was taken back ("scratch that,
    she wants a large iced mocha"), so nothing of it is kept, neither its choices nor its count. ``bundle``: no
    line was named, so a combo said instead takes the place of every line it holds (:mod:`dialogue.bundles`)."""
    r = resolve_item(lex, spec)
    if r.product is None:
        if r.candidates:
            return _ask_product(state, spec, r.candidates, [], out)
        return out.say("Sorry, I don't know that one.")
    was = lex.products.get(line.sku)
    chosen = [o for o in line.options  # what the shopper chose on the old line, not its product's defaults
              if was is None or (g := was.group(o.group)) is None or g.default != o.value or o.amount != "regular"]
    old = [o for o in chosen if (g := r.product.group(o.group)) is not None and g.value(o.value) is not None]
    new_groups = {o.group for o in r.options}
    options = [o for o in old if o.group not in new_groups and not afresh] + r.options
    held = held_by_bundle(lex, r.product, state.cart.lines) if bundle and units is None and not afresh else []
    if held and line.line_id not in {ln.line_id for ln in held}:
        line, held = held[-1], held[:-1]  # (the nachos in focus stay: the combo holds the popcorn and the drinks)
    else:
        held = [ln for ln in held if ln.line_id != line.line_id]
    qty = units or spec.quantity or (1 if afresh or held else line.quantity)  # (one combo for what it holds)
    before = list(state.cart.lines)
    if units is not None:
        state.cart.set_quantity(line.line_id, line.quantity - units)
    else:
        state.cart.remove(line.line_id)
    for other in held:  # "the couples combo instead" of popcorns and sodas: the popcorns go too
        state.cart.remove(other.line_id)
    if missing := (r.missing if not any(o.group == r.missing.code for o in options) else None) if r.missing else None:
        fixed = ItemSpec((r.product.sku,), qty, spec.options, spec.start, spec.end, True)
        state.pending = Pending(PendingKind.CLARIFY_OPTION, item=fixed, group=missing.code)
        return out.act(Action.CART_CHANGED).say(
            f"What {group_name(missing)} would you like for the {r.product.name}: {group_choices(missing)}?")
    notes: list[str] = []
    new = add_line(state, r.product, qty, options, notes)
    out.act(Action.CART_CHANGED).say(*notes)
    if new is None:  # "make the tape measure the ladder" with the ladder sold out: the tape measure stays
        state.cart.lines[:] = before
        return readback(state, lex, out)
    said = describe_line(new, r.product)
    gone = f" of the {say_list([plural(ln.name, ln.quantity) for ln in (line, *held)])}" if held else ""
    out.say(f"Okay, {said} instead{gone}")
    return readback(state, lex, out, just_said=said)


def _kept_after(parse: Parse) -> Parse:
    """"i didn't ask for garlic knots, just the salad": an item said after "just" / "only" (and "the") past the
    first item taken off is what the shopper keeps, never taken off with it; the parse without such items."""
    toks = parse.tokens
    first = parse.items[0].start if parse.items else 0

    def kept(it: ItemSpec) -> bool:
        k = it.start - 1 - (it.start >= 1 and toks[it.start - 1] in DEFINITE)
        return it.start > first and k >= 0 and toks[k] in _JUST_KEPT

    items = tuple(it for it in parse.items if not kept(it))
    return parse if len(items) == len(parse.items) else replace(parse, items=items)


def remove(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome:
    parse = _kept_after(parse)
    owned = people.owned_line(state, lex, parse.tokens) \
        if not parse.items and parse.ref != "only" and parse.ordinal is None else None  # ("remove that last one he
    # says": the last line, whoever "he" is)
    if owned is not None and (not parse.options or owned[0] not in lines_offering(state, lex, parse.options)):
        return _remove_units(state, lex, owned[0], owned[2], out)  # "lose the kids one": their units come off
    lines = target_lines(state, lex, parse)
    if parse.ref == "only" and lines:
        return keep_only(state, lex, lines, out)
    if parse.options and not parse.items and state.cart.lines and not lines_offering(state, lex, parse.options):
        state.removed_turn = state.turns  # "remove the coke" with none: "... a sprite instead" then adds
        said = " ".join(o.said for o in parse.options if o.said) or "that"
        return out.say(f"I couldn't find {said} in your order.")
    if not lines and parse.options:
        return modify(state, lex, _as_removal(parse), out)
    if not lines and parse.items and state.cart.lines and not parse.options and (add_ons := add_ons_said(
            lex, parse.tokens, parse.items, [[(o.group, o.value) for o in ln.options] for ln in state.cart.lines])):
        return modify(state, lex, _as_removal(replace(parse, items=(), options=tuple(add_ons))), out)  # "take off
        # the vase" to a bouquet made with one: the add-on comes off
    if not lines:
        return out.say("I couldn't find that in your cart." if state.cart.lines else "Your cart is already empty.")
    if parse.options and not parse.items:
        chosen = lines_by_option(state, lex, parse)
        if not chosen:
            return modify(state, lex, _as_removal(parse), out)
        lines = chosen[-1:]  # "remove the grey one": the latest line made that way
    count = parse.portion if parse.portion is not None else (parse.items[0].quantity if len(parse.items) == 1 else None)
    if count is None and len(parse.items) == 1 and parse.items[0].start \
            and parse.tokens[parse.items[0].start - 1] in ("a", "an"):
        count = 1  # "remove a latte" from three: one of them
    if parse.portion is not None and not parse.items:  # "one of them": of a line with more than one
        focus = state.focus()
        more = [ln for ln in state.cart.lines if ln.quantity > parse.portion]
        lines = [focus] if focus in more else more[-1:] or lines
    if count is not None and len(lines) == 1 and lines[0].quantity > count:  # "remove two of the three lattes"
        return _remove_units(state, lex, lines[0], count, out)
    state.begin_change()
    state.removed_turn = state.turns
    for line in lines:
        state.take_off(line)
    state.focus_line = state.cart.lines[-1].line_id if state.cart.lines else None
    said = say_list([plural(ln.name, ln.quantity) for ln in lines])
    out.act(Action.CART_CHANGED).say(f"Okay, I've taken off the {said}")
    return readback(state, lex, out)


def _remove_units(state: State, lex: Lexicon, line: CartLine, count: int, out: Outcome) -> Outcome:
    """``count`` units of ``line`` off: the line's count lowered, or the line off when that is all of it."""
    state.begin_change()
    if line.quantity <= count:
        state.removed_turn = state.turns
        state.take_off(line)
        state.focus_line = state.cart.lines[-1].line_id if state.cart.lines else None
        out.act(Action.CART_CHANGED).say(f"Okay, I've taken off the {plural(line.name, line.quantity)}")
        return readback(state, lex, out)
    state.take_off(line, count)
    line = next((ln for ln in state.cart.lines if ln.line_id == line.line_id), line)
    state.focus_line = line.line_id
    out.act(Action.CART_CHANGED).say(f"Okay, I've taken off {say_number(count)} {plural(line.name, count)}")
    return readback(state, lex, out)


def keep_only(state: State, lex: Lexicon, kept: Sequence[CartLine], out: Outcome) -> Outcome:
    """"That's too much, just the sourdough", "take everything off except the eggs": every line but the ones
    named comes off, said back by name; the kept lines are left as they were."""
    gone = [ln for ln in state.cart.lines if ln not in kept]
    if not gone:
        return readback(state, lex, out)
    state.begin_change()
    state.removed_turn = state.turns
    for line in gone:
        state.take_off(line)
    state.focus_line = kept[-1].line_id
    said = say_list([plural(ln.name, ln.quantity) for ln in gone])
    out.act(Action.CART_CHANGED).say(f"Okay, I've taken off the {said}")
    return readback(state, lex, out)


def move_change(state: State, lex: Lexicon, parse: Parse, out: Outcome) -> Outcome | None:
    """"Make the jalfrezi extra hot" - "no, the other one, the tikka masala"; "make the bottle black" - "i meant
    the mug": the choices the last turn put on one line go on the other line named now instead, and the first
    line is as it was. None when the turn is no such correction (a choice said, no other line of that product,
    "the mug too")."""
    added, toks = state.added, parse.tokens
    if added is None or added[0] != state.turns - 1 or not added[2] or state.baseline is None \
            or state.baseline_turn != state.turns - 1 or len(parse.items) != 1 or parse.options \
            or parse.items[0].options or parse.items[0].quantity not in (None, 1) \
            or not cue.has(toks, _WRONG_LINE) or _LIKEWISE.intersection(toks):
        return None
    item = parse.items[0]
    wrong = next((ln for ln in state.cart.lines if ln.line_id == added[1]), None)
    named = [ln for ln in state.cart.lines if ln.sku in item.skus and ln.line_id != added[1]]
    if wrong is None or wrong.sku in item.skus or len(named) != 1 \
            or [ln.line_id for ln in state.baseline] != [ln.line_id for ln in state.cart.lines]:
        return None
    specs = [OptionSpec((Target("option", group=o.group, value=o.value),), o.amount) for o in added[2]]
    state.revert()
    state.focus_line = named[0].line_id
    moved = replace(parse, intent=cue.Intent.MODIFY, items=(ItemSpec((named[0].sku,), None, specs),), options=(),
                    quantity=None, ref=None, replace=False, replaces=None, portion=None, ordinal=None, selector=())
    return modify(state, lex, moved, out.say(f"The {wrong.name} is as it was"))


def _as_removal(parse: Parse) -> Parse:
    """The same turn with its loose options taken off instead of chosen ("remove the oat milk"); a copy, the
    parse itself is left as it was read."""
    return replace(parse, options=tuple(OptionSpec(o.targets, "none", o.qualifier) for o in parse.options))


def clear(state: State, out: Outcome) -> Outcome:
    had = bool(state.cart.lines)
    state.cart.clear()
    state.commit()
    state.pending = None
    state.focus_line = None
    if had:
        out.act(Action.CART_CHANGED)
        return out.say("Okay, I've cleared your cart. What would you like?")
    return out.say("Your cart is already empty. What would you like?")
