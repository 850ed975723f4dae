"""The order said back with a yes at the read-back: "yes two lattes and a muffin", "thirteen eighty yes", "yes all three".

:func:`dialogue.confirm.decide` reads a reply without the cart: a yes said with words of no table is an echo
candidate (``Confirmation.echo``), never a place. Here the session checks it against what was read back: the
reply places only when every word besides a clear yes restates the cart — products named as the lines have them
(their count said or not, "the lattes"; their choices, when said, the ones the line has), the total read back, or
the number of things in the order. Anything that does not match (another count, a product not in the cart, a
choice the line does not have, another amount, another number of things) is no echo: the yes holds. Naming only
some lines ("yes the lattes") holds too, as the rounds before label it.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine, Product
from dialogue import confirm
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon, product_forms
from dialogue.numbers import PRICE_WORDS, amount_at
from dialogue.parse_records import Parse
from dialogue.phrasebook import words
from dialogue.quantity import said_plural
from dialogue.resolve import options_for
from dialogue.specs import OptionSpec

_ONE = words("echo_one")
_TWO = words("echo_two")
_UNITS = words("echo_units")
_ONLY = words("echo_only")
_JOINS = words("echo_joins")
_ACK = words("echo_acknowledgments")
_ARTICLES = frozenset(("the", "my", "those", "these", "all", "our"))  # before a product or a number: any count
# (round 18: a total said back with a remark, "thirteen eighty that's what i worked out too yes", reads as no intent of
# the shop; every word must still be a yes or the order said back)
_ECHOED = (Intent.ADD, Intent.MODIFY, Intent.AFFIRM, Intent.OUT_OF_SCOPE)


def _span(o: OptionSpec) -> range:
    return range(o.pos, o.pos + max(1, len(o.said.split())))


def _has(lex: Lexicon, line: CartLine, specs: Sequence[OptionSpec]) -> bool:
    """Every choice of ``specs`` is one ``line`` has (and none is one its product does not take or a removal)."""
    product = lex.products.get(line.sku)
    if product is None:
        return False
    wanted, removals, missing = options_for(product, specs)
    have = {(o.group, o.value) for o in line.options}
    return not missing and not removals and len(wanted) >= len(specs) \
        and all((o.group, o.value) in have for o in wanted)


def _forms(product: Product) -> frozenset[tuple[str, ...]]:
    exact, partial = product_forms(product)
    return exact | partial


def named_by_its_words(lex: Lexicon, line: CartLine, toks: Sequence[str], at: set[int],
                       options: Sequence[OptionSpec] = ()) -> bool:
    """Every word at ``at`` (a product as the reply names it, without its count; its choices are read past) is a word
    of the line's product's names, or an article: "the blueberry muffin", "muffin" name the blueberry muffin of the cart, while
    "banana muffin", which the reading resolved to it, names another muffin (round 15)."""
    product = lex.products.get(line.sku)
    if product is None:
        return False
    known = {w for form in _forms(product) for w in form}
    chosen = {i for o in options for i in _span(o)}
    return all(toks[i] in known or toks[i] in _ARTICLES for i in at - chosen if i < len(toks))


def _count_before(toks: Sequence[str], start: int, gone: set[int]) -> tuple[list[int], int | None] | None:
    """The words before a product named at ``start`` that count it, and the count they say (None: not said); None
    when a word there counts it in a way no line could match (kept out by the caller)."""
    j = start - 1
    while j >= 0 and j in gone:
        j -= 1
    used: list[int] = []
    count: int | None = None
    if j >= 0 and (toks[j].isdigit() or toks[j] in _ONE or toks[j] in _TWO):
        count = int(toks[j]) if toks[j].isdigit() else 1 if toks[j] in _ONE else 2
        used.append(j)
        j -= 1
    if j >= 0 and toks[j] in _ARTICLES:
        used.append(j)
    return used, count


def restates(parse: Parse, lines: Sequence[CartLine], lex: Lexicon, total_cents: int, order_type: str | None,
             c: confirm.Confirmation) -> bool:
    """Whether a reply to the read-back of ``lines`` (total ``total_cents``) is a clear yes and the order said back:
    every word of it is a yes, or restates the cart (see the module docstring)."""
    if not c.echo or not lines or parse.intent not in _ECHOED or parse.question or parse.deny or parse.replace \
            or parse.replaces is not None or parse.ref == "more" or parse.count_issue is not None \
            or parse.portion is not None or parse.rest_options or parse.selector \
            or parse.order_type is not None and parse.order_type != order_type:
        return False
    toks = list(parse.tokens)
    gone: set[int] = set()
    said = False  # something of the order was said back
    for o in [*parse.options, *(o for it in parse.items for o in it.options)]:
        gone |= set(_span(o))
    matched: set[int] = set()
    item_words: set[int] = set()
    for it in parse.items:
        counted = _count_before(toks, it.start, gone)
        if counted is None:
            return False
        used, count = counted
        if it.quantity is not None:
            count = it.quantity
        one = count is None and not said_plural(lex, toks, it)  # "the latte": one of them, said in the singular
        line = next((ln for ln in lines if ln.line_id not in matched and ln.sku in it.skus
                     and (count is None or count == ln.quantity) and not (one and ln.quantity > 1)
                     and _has(lex, ln, it.options)), None)
        if line is None:
            return False  # another count, a product not in the cart, a choice the line does not have
        words_of = set(range(it.start, max(it.end, it.start + 1))) | set(used) \
            | {i for o in it.options for i in _span(o)}
        if not named_by_its_words(lex, line, toks, words_of - set(used), it.options):
            return False  # "a banana muffin" read as the blueberry muffin of the cart: another product said
        matched.add(line.line_id)
        item_words |= words_of
        gone |= words_of
        said = True
    # a line named by a word of its product's name the reading took for no product ("yes the pizza and the cokes" to a
    # large pepperoni pizza and two cokes): the words name that one line of the cart only
    yes_words = confirm.said_as_yes(toks)
    i = 0
    while i < len(toks):
        if i in gone or i in yes_words:
            i += 1
            continue
        named = None
        for size in (3, 2, 1):
            run = tuple(toks[i:i + size])
            if len(run) < size or any(k in gone or k in yes_words for k in range(i, i + size)):
                continue
            fits = [ln for ln in lines if ln.line_id not in matched and ln.sku in lex.products
                    and run in _forms(lex.products[ln.sku])]
            if fits:
                named = (size, fits)
                break
        if named is None:
            i += 1
            continue
        size, fits = named
        counted = _count_before(toks, i, gone)
        used, count = counted if counted is not None else ([], None)
        if len(fits) != 1 or count is not None and count != fits[0].quantity:
            return False  # "yes the two pizzas" to one pizza, or words that name two lines
        matched.add(fits[0].line_id)
        item_words |= set(range(i, i + size)) | set(used)
        gone |= set(range(i, i + size)) | set(used)
        said = True
        i += size
    for o in parse.options:  # a choice said with no product: some line of the cart has it
        if not any(_has(lex, ln, [o]) for ln in lines):
            return False
        item_words |= set(_span(o))
        said = True
    # joins between two things said back ("two lattes and a muffin", "... plus a blueberry muffin")
    for i, t in enumerate(toks):
        if t in _JOINS and i - 1 in item_words and i + 1 in item_words:
            gone.add(i)
    units = sum(ln.quantity for ln in lines)
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in gone or not (t.isdigit() or "." in t and t.replace(".", "", 1).isdigit()):
            i += 1
            continue
        cents, end = amount_at(toks, i)
        if cents is None:
            return False
        after = toks[end] if end < len(toks) else ""
        money = end - i > 1 or "." in t or toks[i + 1:i + 2] and toks[i + 1] in PRICE_WORDS
        before = i - 1 if i > 0 and toks[i - 1] in _ARTICLES and i - 1 not in gone else None
        if money:
            if cents != total_cents:
                return False  # "yes thirteen fifty": not the total read back
            if end >= len(toks) and i - 1 in yes_words:
                return False  # "yes thirteen eighty" with nothing after: the total said last reads as a check
            gone |= set(range(i, end))
        elif after in _UNITS or before is not None:
            if int(t) != units:
                return False  # "yes four items": not the number of things in the order
            gone.add(i)
            k = i + 1
            while k < len(toks) and toks[k] in _UNITS:
                gone.add(k)
                k += 1
            if before is not None:
                gone.add(before)
            end = k
        else:
            return False  # a bare number: a count of something, or an amount, it cannot be told which
        said = True
        i = end
    if not said:
        return False
    if item_words and len(matched) < len(lines):
        return False  # "yes the lattes", "yes just the lattes": some lines only (the rounds before label them hold)
    rest = [t for k, t in enumerate(toks) if k not in gone]
    # (a join inside a yes phrase joins nothing: "yes thirteen eighty happy with that")
    if any(t in _JOINS for k, t in enumerate(toks) if k not in gone and k not in yes_words) \
            or rest[:1] and (rest[0],) in confirm.phrases().aside.joins:
        return False  # "and the muffin yes": more; "so that's two lattes and one muffin right": a check, asked
    return yes_besides(rest, named=bool(item_words))


def yes_besides(rest: Sequence[str], *, named: bool) -> bool:
    """The words of a reply left once what it says back of the order is read past (``rest``) are a clear yes, with
    no aside, that places. When a line of the order was named (``named``), acknowledgement words alone ("ok",
    "alright", words.toml ``echo_acknowledgments``) are what was heard said back, not a yes to placing it: "ok one
    king comforter" holds. Both echo readers share this: :func:`restates` here and the policy's read of a reply
    whose products the parse found."""
    if named and all(t in _ACK for t in rest):
        return False
    yes = confirm.decide(" ".join(rest), rest)
    return yes.places and not yes.aside  # "sorry my wife was saying a muffin, yes": an aside may name more
