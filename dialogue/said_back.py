"""A yes to the read-back said with the order over again, differently, or with a remark (round 17).

"yes two regular lattes", "yes one medium latte and a muffin", "that's right two medium iced lattes and the muffin":
a yes with products the read-back already holds, said with another count or choice, is the order said back wrong,
not more of it (an exact echo places, dialogue/echo.py). Nothing is added again and nothing dropped: the question is
asked again. Words that ask for more ("another", "one more", "add", "too"), or a join before the first product ("yes
and a grande tea": more after the yes), make it an addition as ever. A request whose only yes is its courtesy ("one
large pie with pepperoni please": confirm.toml [request] ``polite``) is no yes: it asks for the change, as ever.

"yes and give the barista two quid", "yes use my points for the muffin", "yes and can i redeem my free coffee": a tip,
money or a loyalty scheme mentioned with the yes is never a count, a choice or a product (words.toml
``remark_words``); the reply changes nothing and the question is asked again.

"two large lattes please" to a read-back of two large lattes and a muffin: a request that names only lines the
read-back holds, each with the count and choices that line has, is those lines said back, not two more of them
(:func:`restated`). Nothing is added; the shopper is told they are in the order already and asked again.

Round 18: a reply to the read-back that is no yes and names only products the read-back holds, with no count and no
word that asks for more ("blueberry", "the muffin you can leave off", "i'm not sure if she wanted the muffin", "so we
were going to do the muffin and the lattes ... can you do it for later"), or "a large one" of no product, names what is
there or talks about it: no second muffin, no third latte. The question is asked again (:func:`named_again`). So is
"yes just the coffees" with lattes read back: "just the" keeps lines it names (dialogue/removals.py), and a product
no line holds is none of them, no addition (:func:`only_of_none_held`).

Round 20: a yes then products, each one the read-back holds or said as if it were ("the", "both" or a count of two or
more: "yes the lattes and the croissant", "yes two coffees", "yes the two flat whites and the muffin") is the order
described otherwise: nothing added, the question again. "yes and don't forget the muffin": a taking-off verb after
"do not" (words.toml ``reminders``) before lines the read-back holds reminds of them, takes nothing off
(:func:`reminded`).

Round 19: "yes and heat the muffin up", "yes and cut the muffin in half": a verb of making a line another way (words.toml
``prepare_verbs``) before "the" and a product the read-back holds asks for that line made so, not one more of it
(:func:`prepared`); nothing is added and the question is asked again.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine
from dialogue import confirm, normalize
from dialogue import intents as cue
from dialogue.intents import Intent
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec
from dialogue.turn_words import LINE_DETERMINERS, MORE_WORDS

_REMARK = words("remark_words")
_JOINS = words("echo_joins")
_KEEP_ONLY = phrases("keep_only")
_PREPARE = words("prepare_verbs")
_REMINDERS = phrases("reminders")
_NOT_ADDED = phrases("negated_adds")
_ARTICLES = frozenset({"a", "an", "any", "another", "one", "more"})
_DESCRIBED = words("described_lines")
_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "both"}) - _DESCRIBED


def remark(toks: Sequence[str], parse: Parse | None = None) -> bool:
    """The reply mentions a tip, money handed over or a loyalty scheme; with ``parse``, not by a word of a choice it
    names ("fine tip" to gel pens read back: the pens' tip, no tip for the clerk)."""
    chosen = {w for o in (*parse.options, *(o for it in parse.items for o in it.options)) for w in o.said.split()} \
        if parse is not None else set()
    return any(t in _REMARK and t not in chosen for t in toks)


def _more_asked(parse: Parse) -> bool:
    """The reply asks for more: a join before its first product ("and a muffin", "yes and a grande tea") or a word
    that asks for more anywhere ("another", "one more", "too")."""
    first = min((it.start for it in parse.items), default=len(parse.tokens))
    # a choice said first as a line the order holds ("yes the two mediums and the muffin") is where the order starts
    first = min([first, *(o.pos for o in parse.options if 0 <= o.pos < first and _before_described(parse, o.pos))])
    # "yes one flat fix with a new tube": a word of a choice said ("new", "extra") asks for no more of the product
    chosen = {k for o in (*parse.options, *(o for it in parse.items for o in it.options)) if o.pos >= 0
              for k in range(o.pos, o.pos + max(1, len(o.said.split())))}
    toks = _unrepeated([t for k, t in enumerate(parse.tokens) if k not in chosen])
    # ("say again all after lattes": the "again" of a request to repeat asks no more)
    return any(t in _JOINS for t in parse.tokens[:first]) or any(t in MORE_WORDS for t in toks) \
        or cue.has(toks, cue.MORE)


def _unrepeated(toks: Sequence[str]) -> list[str]:
    """The words with each request to hear the order again ("say again", "come again") left out (round 19)."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        n = max((len(p) for p in cue.REPEAT if tuple(toks[i:i + len(p)]) == p), default=0)
        out += [] if n else [toks[i]]
        i += n or 1
    return out


def restated(parse: Parse, lines: Sequence[CartLine]) -> tuple[CartLine, ...]:
    """The lines of the read-back that the reply says over again exactly: every product named is one line's, with
    that line's count (a count not said is one) and only choices that line holds, with no word that asks for more and
    nothing joined before it ("and two large lattes" asks for more). Empty when the reply is anything else."""
    if parse.intent != Intent.ADD or not parse.items or not lines or parse.options or parse.question:
        return ()
    if _more_asked(parse):
        return ()
    said: list[CartLine] = []
    for it in parse.items:
        same = [ln for ln in lines if (ln.sku,) == tuple(it.skus) and ln.quantity == (it.quantity or 1)
                and all(any(o.group == t.group and o.value == t.value for o in ln.options for t in spec.targets)
                        for spec in it.options)]
        if len(same) != 1 or same[0] in said:
            return ()
        said.append(same[0])
    return tuple(said)


def again_differently(parse: Parse, lines: Sequence[CartLine], said: Sequence[str]) -> bool:
    """The reply names only products the read-back holds, adding them, with no word that asks for more: the order said
    back (wrongly, or it would have been an echo), not an addition ("yes and a grande tea" joins more to the yes)."""
    if parse.intent != Intent.ADD or not parse.items or not lines:
        return False
    if confirm.phrases().only_polite(said):
        return False  # "one large pie with pepperoni please": a request said politely, no yes said with it
    held = {ln.sku for ln in lines}
    apart = yes_apart(parse)  # "two sweet teas": the "sweet" of the product's name is no yes; an order, added
    return all(set(it.skus) & held or apart and _described(parse, it) for it in parse.items) \
        and not _more_asked(parse)


def yes_apart(parse: Parse) -> bool:
    """Whether a yes is said apart from the names of the products and choices heard: "yes two coffees" says one,
    "two sweet teas" and "three sweet teas please" do not (the yes word is part of a name said with it, the rest a
    request's courtesy). True when no yes word is found at all, so that a yes read otherwise is never weakened."""
    yeses = [span for span, table in confirm.verdicts(parse.tokens).items() if table == "affirm"]
    named: set[int] = {k for it in parse.items for k in range(it.start, it.end)}
    named |= {k for o in parse.options if o.pos >= 0 for k in range(o.pos, o.pos + max(1, len(o.said.split())))}
    polite = confirm.phrases().polite
    return not yeses or any(not set(range(a, b)) <= named and tuple(parse.tokens[a:b]) not in polite
                            for a, b in yeses)


def _described(parse: Parse, item: ItemSpec) -> bool:
    """A product no line holds said as one the shopper takes to be there: "the" or "both" before it, or a count of
    two or more ("yes the lattes and the croissant", "yes two coffees", "yes the two flat whites and the muffin": the
    order described otherwise, round 20), not "a croissant", which may be asked for."""
    return bool(item.quantity and item.quantity >= 2) or _before_described(parse, item.start)


def _before_described(parse: Parse, at: int) -> bool:
    """"the", "both" (words.toml ``described_lines``) right before ``at``, past counts."""
    before = [t for t in parse.tokens[:at] if not t.isdigit() and t not in _COUNT_WORDS]
    return bool(before) and before[-1] in _DESCRIBED


def reminded(parse: Parse, lines: Sequence[CartLine]) -> list[str] | None:
    """A reminder of lines the read-back holds ("yes and don't forget the muffin", "make sure the muffin is in there"):
    a taking-off verb said with "do not" is no taking off (words.toml ``reminders``). The reply without the reminder
    and what it names, or None when it is no such reminder: a product named no line holds, a count or a choice."""
    if parse.intent != Intent.REMOVE or not parse.items or not lines or parse.options or parse.quantity is not None \
            or any(it.quantity or it.options for it in parse.items):
        return None
    held = {ln.sku for ln in lines}
    first, last = min(it.start for it in parse.items), max(it.end for it in parse.items)
    toks = list(parse.tokens)
    at = next((k for k in range(first) for r in _REMINDERS if tuple(toks[k:k + len(r)]) == r
               and all(t in LINE_DETERMINERS or t in _JOINS for t in toks[k + len(r):first])), None)
    if at is None or not all(set(it.skus) <= held for it in parse.items):
        return None
    while at and toks[at - 1] in _JOINS:
        at -= 1
    return toks[:at] + toks[last:]


def not_added(parse: Parse) -> bool:
    """A reply that says not to add what it names ("yes don't add the muffin", "don't put in a cookie": words.toml
    ``negated_adds`` right before the first product, past a determiner or a count): nothing to add (round 20)."""
    if parse.intent != Intent.ADD or not parse.items:
        return False
    first = min(it.start for it in parse.items)
    toks = list(parse.tokens)
    return any(tuple(toks[k:k + len(n)]) == n and all(t in LINE_DETERMINERS or t in _ARTICLES or t.isdigit()
                                                      for t in toks[k + len(n):first])
               for n in _NOT_ADDED for k in range(first))


def named_again(parse: Parse, lines: Sequence[CartLine]) -> bool:
    """The reply adds only products the read-back holds, with no count, no choice, no join before the first product and
    no word that asks for more, or "a ... one" of no product named: it names (or talks about) what is there, no
    addition."""
    if parse.intent != Intent.ADD or not lines or parse.quantity is not None or any(it.quantity for it in parse.items):
        return False
    if not parse.items and not (parse.ref == "more" and parse.options):
        return False
    if parse.items and (parse.options or any(it.options for it in parse.items)):
        return False  # "a black boot in size 10": choices said, a change or more as ever
    if confirm.phrases().only_polite(normalize.tokens(parse.text)):
        return False  # "a muffin please": asked for
    held = {ln.sku for ln in lines}
    return all(set(it.skus) <= held for it in parse.items) and not _more_asked(parse)


def only_of_none_held(parse: Parse, lines: Sequence[CartLine]) -> bool:
    """The reply keeps only what it names ("just the", "only the": words.toml ``keep_only``), and names a product no
    line of the read-back holds ("yes just the coffees" to two lattes and a muffin): which lines it means is not
    said, and it asks for nothing more."""
    if parse.intent != Intent.ADD or not parse.items or not lines or any(it.quantity for it in parse.items):
        return False
    lead = list(parse.tokens[:min(it.start for it in parse.items)])
    if not lead or lead[-1] not in LINE_DETERMINERS:
        return False
    bare = lead[:-1]
    held = {ln.sku for ln in lines}
    return any(len(k) <= len(bare) and tuple(bare[len(bare) - len(k):]) == k for k in _KEEP_ONLY) \
        and not any(set(it.skus) & held for it in parse.items)


def prepared(parse: Parse, lines: Sequence[CartLine]) -> bool:
    """The reply adds only products the read-back holds, each said as "<verb> [up] the <product>" with a verb of making
    it another way ("heat the muffin up", "cut up the muffin", "toast my bagel") and no count: the lines, not more."""
    if parse.intent != Intent.ADD or not parse.items or not lines or parse.quantity is not None:
        return False
    held = {ln.sku for ln in lines}
    toks = parse.tokens
    return all(not it.quantity and set(it.skus) <= held and it.start >= 2 and toks[it.start - 1] in LINE_DETERMINERS
               and _PREPARE & set(toks[max(0, it.start - 3):it.start - 1]) for it in parse.items)
