"""Which cart line a turn is about: named, by ordinal, "the cheaper one", "the grey one", the line in focus
when it offers the change said, else the latest line that does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.models import CartLine, Product, SelectedOption
from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target, phrase_of, singulars
from dialogue.parse_records import Parse
from dialogue.phrasebook import words as word_list
from dialogue.references import wants_more
from dialogue.resolve import options_for
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.state import State
from dialogue.turn_words import DEFINITE, ONES

_SAME = word_list("same_choice")
_PLAIN = frozenset(word_list("plain_part"))
_EDIT_VERBS = frozenset(word_list("edit_verbs"))


def target_lines(state: State, lex: Lexicon, parse: Parse) -> list[CartLine]:
    """The lines a modify/remove turn is about: by ordinal, by product named, else the line in focus."""
    lines = state.cart.lines
    if not lines:
        return []
    if parse.ordinal is not None and not parse.items:
        idx = parse.ordinal - 1 if parse.ordinal > 0 else len(lines) - 1
        return [lines[idx]] if 0 <= idx < len(lines) else []
    if parse.ref in ("cheaper", "pricier") and not parse.items and len(lines) > 1:
        pick = min if parse.ref == "cheaper" else max
        return [pick(lines, key=lambda ln: ln.unit_price_cents)]
    if parse.items:
        found: list[CartLine] = []
        for spec in parse.items:
            same = [line for line in lines if line.sku in spec.skus]
            if not same:  # "the mocha" for an iced mocha: a line whose name holds the words said
                said = [set(phrase_of(lex.products[s].name)) for s in spec.skus if s in lex.products]
                same = [line for line in lines if any(w <= set(phrase_of(line.name)) for w in said)]
            if len(same) > 1 and spec.options:
                narrowed = [line for line in same if line_has(line, lex, spec.options)] or _made_as_named(
                    same, lex, spec)
                same = narrowed or same
            found.extend(line for line in same if line not in found)
        return found
    focus = state.focus()
    return [focus] if focus else []


def _made_as_named(lines: Sequence[CartLine], lex: Lexicon, spec: ItemSpec) -> list[CartLine]:
    """"make the chicken salad small" with a chicken and a falafel salad in the cart: the choices said before the
    product's noun name the line (the chicken one); those after it are the change."""
    before = [o for o in spec.options if 0 <= o.pos < spec.start]
    return [line for line in lines if line_has(line, lex, before)] if before else []


def named_apart(state: State, lex: Lexicon, line: CartLine, spec: ItemSpec) -> bool:
    """"make the navy cotton three yards" with a navy and a gingham cotton in the cart: the choices said before the
    product's noun are the line's and no other line's of its product, so they single it out (a count said is that
    line's, not all of them)."""
    before = [o for o in spec.options if 0 <= o.pos < spec.start]
    return bool(before) and line_has(line, lex, before) and not any(
        line_has(ln, lex, before) for ln in state.cart.lines if ln.sku == line.sku and ln.line_id != line.line_id)


def unit_by_ordinal(state: State, parse: Parse) -> CartLine | None:
    """"Two cappuccinos" (one line) - "make the second one large": an ordinal past the cart's lines, with no product
    named, counts the units of a line that has that many (the one in focus first): that line, for one unit."""
    lines = state.cart.lines
    if parse.items or parse.ordinal is None or not 0 < len(lines) < parse.ordinal:
        return None
    focus = state.focus()
    if focus is not None and focus.quantity >= parse.ordinal:
        return focus
    holding = [ln for ln in lines if ln.quantity >= parse.ordinal]
    return holding[0] if len(holding) == 1 else None


def line_has(line: CartLine, lex: Lexicon, specs: Sequence[OptionSpec]) -> bool:
    """The line is made as said: every choice said is one its product offers and the line has ("the purple one"
    is a purple corsage, never the boutonniere that comes in no purple)."""
    product = lex.products.get(line.sku)
    if product is None:
        return False
    wanted, removals, unavailable = options_for(product, specs)
    have = {(o.group, o.value) for o in line.options}
    if unavailable or not (wanted or removals):
        return False
    return all((o.group, o.value) in have for o in wanted) and not any(r in have for r in removals)


def lines_named(state: State, lex: Lexicon, parse: Parse) -> list[CartLine]:
    """The lines "the <words> one(s)" / "make the <words> <change>" points at: "make the purple one pink" (the
    corsage made purple), "make the unicorn large" (the plush made a unicorn, with another change said after it),
    "make the chicken one large" (the chicken pho: a word of one line's product name, when no line is made so).
    The choice's lines, else the one line whose name holds the words ("ones": every such line); else none."""
    sel = list(parse.selector) or _said_after_the(parse)
    if not sel:
        return []
    made = [ln for ln in state.cart.lines if line_has(ln, lex, sel)]
    if made:
        return made
    toks, at = parse.tokens, min(o.pos for o in sel)
    end, stop = at, min((o.pos for o in parse.options if o.pos > at), default=len(toks))
    while end < stop and end in parse.option_at and toks[end] not in ("one", "ones"):
        end += 1
    words = set(toks[at:end])
    named = [ln for ln in state.cart.lines if words and words <= set(phrase_of(ln.name))]
    plural = end < len(toks) and toks[end] == "ones"
    return named if len(named) == 1 or plural else []


def _said_after_the(parse: Parse) -> list[OptionSpec]:
    """"make the unicorn large": the choice said right after "make the", when another choice follows it (the
    line it names, the rest its change)."""
    toks = parse.tokens
    for spec in parse.options:
        at = spec.pos
        if at >= 2 and toks[at - 1] == "the" and toks[at - 2] in _EDIT_VERBS \
                and any(o.pos > at and o is not spec for o in parse.options):
            return [spec]
    return []


def modify_target(state: State, lex: Lexicon, parse: Parse) -> CartLine | None:
    """The line a change is for: the product named (the one in focus, else the latest of it), the ordinal,
    else the line in focus when it offers what was said, else the latest line that does ("make them iced"
    after "two lattes and a muffin" is about the lattes)."""
    focus = state.focus()
    if parse.replaces is not None:  # "a mocha instead of the latte": the latte's line (the one in focus first)
        named = [ln for ln in state.cart.lines if ln.sku in parse.replaces.skus]
        if parse.selector:  # "a root beer instead of the coke": the drink line that is the coke
            named = [ln for ln in named if line_has(ln, lex, parse.selector)] or named
        return focus if focus in named else (named[-1] if named else None)
    if parse.replace:
        chosen = [ln for ln in state.cart.lines if line_has(ln, lex, parse.selector)
                  and (parse.portion is None or ln.quantity >= parse.portion)] if parse.selector else []
        if chosen:  # "swap two of the baked ones for chicken": units of the line made so
            return focus if focus in chosen else chosen[-1]
        if parse.portion is not None and focus is not None and focus.quantity <= parse.portion:
            more = [ln for ln in state.cart.lines if ln.quantity > parse.portion]  # "make one of them a hawaiian"
            return more[-1] if more else focus  # after "two pepperonis and a coke": one of the pizzas, not the coke
        return focus
    made = lines_named(state, lex, parse)  # "make the mango one half sugar": the line made so (the one in focus
    if made:  # first)
        return focus if focus in made else made[-1]
    if parse.ref == "other" and focus is not None:  # "the other with oat": same product, not the one just made
        others = [ln for ln in state.cart.lines if ln.sku == focus.sku and ln.line_id != focus.line_id]
        return others[-1] if others else focus
    nth = nth_line_of_kind(state, lex, parse)
    if nth is not None:  # "put avocado on the first sandwich": the first of the sandwich lines
        return nth
    by_noun = line_by_noun(state, lex, parse)
    if by_noun is not None:  # "make the pho a large": the one line that is a pho, not the tea in focus
        return by_noun
    lines = target_lines(state, lex, parse)
    if parse.portion is not None:  # "one of them": a line with more than that many
        lines = [ln for ln in lines if ln.quantity > parse.portion] or lines
    if not lines:
        return None
    if parse.items or parse.ordinal is not None or parse.ref in ("cheaper", "pricier"):
        return focus if focus in lines else lines[-1]
    specs = list(parse.options)
    if not specs or focus is None:
        return lines[0]
    held = _holding_what_is_taken_off(state, lex, focus, specs)
    if held is not None:
        return held
    product = lex.products.get(focus.sku)
    takes = product is not None and not options_for(product, specs)[2]
    if takes and (parse.portion is None or focus.quantity > parse.portion):
        return focus
    if product is not None and variant_product(lex, product, specs) is not None and parse.portion is None:
        return focus  # "make it iced" on a mocha: the iced mocha
    offering = [ln for ln in state.cart.lines if (p := lex.products.get(ln.sku)) is not None
                and not options_for(p, specs)[2]]
    if parse.portion is not None:
        offering = [ln for ln in offering if ln.quantity > parse.portion] or offering
    return offering[-1] if offering else focus


def nth_line_of_kind(state: State, lex: Lexicon, parse: Parse) -> CartLine | None:
    """"Put avocado on the first sandwich" with a turkey sandwich, a reuben and soups in the cart: an ordinal said
    with a noun that several lines answer to (a word of their products' names, aliases or category) counts among
    those lines, oldest first ("the last sandwich": the latest of them). None when fewer than two lines answer to
    the noun or the ordinal is past them."""
    if parse.ordinal is None or len(parse.items) != 1:
        return None
    item, toks = parse.items[0], parse.tokens
    chosen = {o.pos + k for o in item.options if o.pos >= 0 for k in range(max(len(o.said.split()), 1))}
    said = [t for k, t in enumerate(toks[item.start:item.end], item.start) if k not in chosen]
    if not said:
        return None

    def answers_to(line: CartLine) -> bool:
        product = lex.products.get(line.sku)
        if product is None:
            return False
        own = {f for text in (product.name, *product.aliases, product.category or "") for w in phrase_of(text)
               for f in singulars(w)}
        return all(singulars(w) & own for w in said)

    kind = [ln for ln in state.cart.lines if answers_to(ln)]
    idx = parse.ordinal - 1 if parse.ordinal > 0 else len(kind) - 1
    return kind[idx] if len(kind) > 1 and 0 <= idx < len(kind) else None


def line_by_noun(state: State, lex: Lexicon, parse: Parse) -> CartLine | None:
    """"Make the pho a large" with a beef pho and a bubble tea in the cart: with no product heard, a word said right
    after "the" (no choice's word) that is a word of the name, an alias or the category of the product of one cart
    line only, and that line's product offers the choices said, is that line. None otherwise."""
    if parse.items or parse.ordinal is not None or parse.selector or not parse.options:
        return None
    toks = parse.tokens
    found: list[CartLine] = []
    for k in range(1, len(toks)):
        word = toks[k]
        if toks[k - 1] != "the" or k in parse.option_at or not word.isalpha() or len(word) < 3:
            continue
        forms = singulars(word)
        answer = [ln for ln in state.cart.lines if (product := lex.products.get(ln.sku)) is not None
                  and forms & {f for text in (product.name, *product.aliases, product.category or "")
                               for w in phrase_of(text) for f in singulars(w)}]
        found.extend(ln for ln in answer if ln not in found)
    if len(found) != 1:
        return None
    product = lex.products.get(found[0].sku)
    return found[0] if product is not None and not options_for(product, list(parse.options))[2] else None


def _holding_what_is_taken_off(state: State, lex: Lexicon, focus: CartLine,
                               specs: Sequence[OptionSpec]) -> CartLine | None:
    """"an acai bowl with banana", "two ginger shots" - "take off the banana": a choice taken off is taken off the
    line that has it (the latest such), not the line in focus that never had it. None when the focus has it, when
    anything but a taking off is said, or when no line has it."""
    if not specs or any(s.amount != "none" for s in specs):
        return None
    had = [OptionSpec(s.targets, "regular", s.qualifier) for s in specs]
    if line_has(focus, lex, had):
        return None
    holding = [ln for ln in state.cart.lines if line_has(ln, lex, had)]
    return holding[-1] if holding else None


def variant_product(lex: Lexicon, product: Product, specs: Sequence[OptionSpec]) -> Product | None:
    """A product named like this one with the option said in front ("iced" + "mocha" -> "iced mocha"; "chocolate"
    + "croissant", an alias of the butter croissant -> the pain au chocolat, aliased "chocolate croissant"). The
    product's own name is tried before its aliases."""
    for base in (phrase_of(product.name), *(phrase_of(a) for a in product.aliases)):
        for spec in specs:
            for t in spec.targets:
                group = lex.groups.get(t.group)
                value = group.value(t.value) if group else None
                words = phrase_of(value.name) if value else phrase_of(t.value)  # "almond milk" is no "almond"
                for target in lex.phrases.get((*words, *base), ()):
                    if target.kind == "product" and target.exact and target.sku != product.sku:
                        return lex.products.get(target.sku)
    return None


def lines_by_option(state: State, lex: Lexicon, parse: Parse) -> list[CartLine]:
    """Lines picked out by how they are made ("the grey one", "the large ones"), not an option to take off
    ("remove the sugar"): the option word is followed by "one", or it cannot be taken off (a required
    choice with no default). A line whose product does not offer the option is not made that way ("remove the
    coke" with only nachos in the cart picks no line). So are choices said after a count and "of the" ("one less of
    the cream and sugar": some units of the line made so)."""
    toks = parse.tokens
    first = min((o.pos for o in parse.options if o.pos >= 0), default=-1)
    of_the = parse.portion is not None and first >= 2 and tuple(toks[first - 2:first]) == ("of", "the")
    said = list(parse.options)
    for n, spec in enumerate(parse.options if not of_the else ()):
        near = toks[spec.pos + 1:spec.pos + 4] if spec.pos >= 0 else []
        groups = [lex.groups.get(t.group) for t in spec.targets]
        groups += [g for ln in state.cart.lines if (product := lex.products.get(ln.sku)) is not None
                   for t in spec.targets if (g := product.group(t.group)) is not None and g.value(t.value) is not None]
        fixed = any(g is not None and g.required and g.default is None for g in groups)  # (the group of the
        # products in the cart that offer it: "scratch the grape" to grape lollipops, their flavour asked for)
        if not ("one" in near or "ones" in near or fixed):
            return []
        if fixed and spec.amount == "none":  # "skip the repose gray": the line made so (a colour that must be
            said[n] = replace(spec, amount="regular")  # chosen is never taken off a line), not the lines without it
    return [ln for ln in state.cart.lines if line_has(ln, lex, said) and _offers(ln, lex, said)]


def _offers(line: CartLine, lex: Lexicon, specs: Sequence[OptionSpec]) -> bool:
    """The line's product offers every option said ("coke" is no choice of nachos)."""
    product = lex.products.get(line.sku)
    return product is not None and not options_for(product, specs)[2]


def offers_all(lex: Lexicon, line: CartLine, specs: Sequence[OptionSpec]) -> bool:
    """The line's product offers every option said."""
    return _offers(line, lex, specs)


def lines_offering(state: State, lex: Lexicon, specs: Sequence[OptionSpec]) -> list[CartLine]:
    """The cart lines whose product offers every option said: none for "remove the coke" with only nachos in the
    cart, so that nothing else is taken off."""
    return [ln for ln in state.cart.lines if _offers(ln, lex, specs)]


def lines_by_selector(state: State, lex: Lexicon, selector: Sequence[OptionSpec]) -> list[CartLine]:
    """The lines made as "the almond ones" / "the 2 liter ones" says (every option of it on the line)."""
    return [ln for ln in state.cart.lines if line_has(ln, lex, selector)]


def like_before(state: State, lex: Lexicon, parse: Parse, spec: ItemSpec) -> ItemSpec:
    """"Another latte", "three more lattes": more of the latest latte line, made the same way; "one more plain pie"
    or "one more california roll just plain" (a word of plain said with it) of the latest line of it made with the
    fewest choices (not the one with pepperoni on half), without the add-ons of a group taking several (no eel
    sauce: plain is none of them)."""
    if spec.options or not wants_more(parse.tokens, spec):
        return spec
    lines = [ln for ln in state.cart.lines if ln.sku in spec.skus]
    if not lines:
        return spec
    line = lines[-1]
    toks = parse.tokens
    after = spec.end + 1 if spec.end < len(toks) and toks[spec.end] in ("just", "only") else spec.end
    plain = any(t in _PLAIN for t in toks[max(0, spec.start - 1):spec.end]) \
        or after < len(toks) and toks[after] in _PLAIN
    kept = list(line.options)
    if plain:
        line = min(reversed(lines), key=lambda ln: len(ln.options))
        product = lex.products.get(line.sku)
        kept = [o for o in line.options if product is None or (g := product.group(o.group)) is None or not g.multiple]
    same = [OptionSpec((Target("option", group=o.group, value=o.value),), o.amount, o.qualifier) for o in kept]
    return ItemSpec((line.sku,), spec.quantity, same, spec.start, spec.end, True)


def matching(state: State, lex: Lexicon, parse: Parse, items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """"A bath towel in grey" - "and a hand towel to match" / "and a matching hand towel": an item said with "to
    match" takes the choices the shopper made on the line before (the one in focus) that its product offers too,
    unless the turn sets them; the words "to match" name no item themselves (not the box of matches a store sells).
    Without them, "same size" / "the same milk" takes that one choice (see :func:`_same_choice`). An item said
    earlier in the same turn is the line before ("two 29 inch tires and two tubes to match" / "and two tubes the
    same size": 29 inch tubes)."""
    toks = parse.tokens
    at = cue.find(toks, cue.TO_MATCH)
    out: list[ItemSpec] = []
    if at < 0 or not items:
        for it in items:
            out.append(_same_choice(state, lex, toks, it, _said_before(lex, out)))
        return out
    end = at + max(len(ph) for ph in cue.TO_MATCH if tuple(toks[at:at + len(ph)]) == ph)
    for it in items:
        if not (at <= it.start and it.end <= end):
            out.append(_made_to_match(state, lex, it, _said_before(lex, out)))
    return out


Source = tuple[Product, Sequence[SelectedOption]]


def _said_before(lex: Lexicon, done: Sequence[ItemSpec]) -> Source | None:
    """The product and choices of the item said just before in this turn ("two 29 inch tires and ..."), if it
    names one product."""
    spec = done[-1] if done else None
    product = lex.products.get(spec.skus[0]) if spec is not None and len(spec.skus) == 1 else None
    if spec is None or product is None:
        return None
    return product, options_for(product, spec.options)[0]


def _line_source(lex: Lexicon, line: CartLine | None) -> Source | None:
    product = lex.products.get(line.sku) if line is not None else None
    return (product, line.options) if line is not None and product is not None else None


def _made_to_match(state: State, lex: Lexicon, spec: ItemSpec, before: Source | None = None) -> ItemSpec:
    """``spec`` with the choices of the item said before it in the turn, else of the line in focus (else the
    latest), that its product offers and it does not set."""
    source = before or _line_source(lex, state.focus() or (state.cart.lines[-1] if state.cart.lines else None))
    product = lex.products.get(spec.skus[0]) if len(spec.skus) == 1 else None
    if source is None or product is None or source[0].sku == product.sku:
        return spec
    was, options = source
    said = {t.group for o in spec.options for t in o.targets}
    copied = [OptionSpec((Target("option", group=o.group, value=o.value),), o.amount, o.qualifier)
              for o in options
              if o.group not in said and (g := product.group(o.group)) is not None and g.value(o.value) is not None
              and ((w := was.group(o.group)) is None or w.default != o.value)]
    return replace(spec, options=[*spec.options, *copied]) if copied else spec


def _same_choice(state: State, lex: Lexicon, toks: Sequence[str], spec: ItemSpec, before: Source | None = None
                 ) -> ItemSpec:
    """"Running shoes" in size 10 - "and a pair of flip flops same size" / "in the same colour": the choice named
    after "same" (by its group's name, code or alias) made as on the item said before it in the turn, else the
    latest line that has it, when the product said offers that value and the turn does not set the choice itself."""
    product = lex.products.get(spec.skus[0]) if len(spec.skus) == 1 else None
    if product is None:
        return spec
    same_at = {i for i, t in enumerate(toks) if t in _SAME}
    after = {i + 1 for i in same_at}
    kept = [o for o in spec.options if o.pos not in after]  # "the same milk": "milk" names the choice, not a value
    aside = [o for o in kept if o.pos in same_at]  # "same day", a value's own name too (today): the group named
    kept = [o for o in kept if o not in aside]
    said = {t.group for o in kept for t in o.targets}
    copied: list[OptionSpec] = []
    for i in sorted(after):
        if i >= len(toks):
            continue
        for group in product.option_groups:
            names = {group.code, *(phrase_of(n)[-1] for n in (group.name, *group.aliases) if phrase_of(n))}
            if toks[i] not in names or group.code in said:
                continue
            sources = [*([before[1]] if before is not None else []), *(ln.options for ln in reversed(state.cart.lines))]
            options = next((opts for opts in sources
                            if any(o.group == group.code and group.value(o.value) is not None for o in opts)), None)
            if options is None:
                continue
            copied += [OptionSpec((Target("option", group=o.group, value=o.value),), o.amount, o.qualifier)
                       for o in options if o.group == group.code]
            said.add(group.code)
    kept += [o for o in aside if not any(t.group in said for t in o.targets)]  # no line to copy from: the value
    return replace(spec, options=[*kept, *copied]) if copied else spec


_LINE_LEAD = word_list("place_lead") | DEFINITE


def line_said_at(state: State, lex: Lexicon, parse: Parse, start: int, glue: frozenset[str]) -> CartLine | None:
    """The one line of the cart the words at ``start`` name ("the falafel one", "the green machine", "the plush",
    "the shoes"): a product said there (made as said, when it has several lines), a choice one line holds, else
    words of one line's product name, alias or category; None when no line or more than one is named."""
    toks = parse.tokens
    at = start
    while at < len(toks) and toks[at] in _LINE_LEAD:
        at += 1
    if at >= len(toks):
        return None
    lines = state.cart.lines
    item = next((it for it in parse.items if it.start == at), None)
    if item is not None:
        found = [ln for ln in lines if ln.sku in item.skus]
        if item.options and len(found) > 1:
            found = [ln for ln in found if line_has(ln, lex, item.options)] or found
        return found[0] if len(found) == 1 else None
    specs = [o for o in (*parse.options, *parse.selector) if o.pos == at]
    if specs:
        found = [ln for ln in lines if line_has(ln, lex, specs[:1])]
        return found[0] if len(found) == 1 else None
    chosen = {o.pos for o in (*parse.options, *(o for it in parse.items for o in it.options))}
    end = at
    while end < len(toks) and toks[end] not in ONES and toks[end] not in glue and end not in chosen and end - at < 3:
        end += 1
    said = set(toks[at:end])

    def names(line: CartLine) -> bool:
        product = lex.products.get(line.sku)
        known = [line.name, *(product.aliases if product is not None else ()),
                 *((product.category,) if product is not None and product.category else ())]
        return any(said <= set(phrase_of(n)) for n in known)

    found = [ln for ln in lines if said and names(ln)]
    return found[0] if len({ln.sku for ln in found}) == 1 and len(found) == 1 else None

