"""What to do with a parse: answer the open question first, then act on the intent.

Rules: a missing required option -> ask (at most three choices); several products fit -> ask which;
low ASR confidence on an order-changing turn -> confirm first; an order is placed only on an explicit
yes to a read-back of the order and total in this session (never by anything else), with one
idempotency key per checkout so a repeated yes never places twice; a no to the read-back returns to
editing (and takes back a change not yet confirmed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from catalog.cart import Cart
from catalog.errors import CatalogError, OutOfStock
from catalog.models import OptionGroup, Product, SelectedOption
from catalog.store import Store
from dialogue import (
    again,
    answers,
    browse,
    browse_data,
    choice_owner,
    conditional,
    confirm,
    echo,
    editing,
    excepted,
    likewise,
    moves,
    normalize,
    people,
    placed,
    put_back,
    said_back,
    side_folded,
    totals_said,
    undo,
    what_if,
)
from dialogue import intents as cue
from dialogue.answers_by_choice import answers_by_choice
from dialogue.asked_meanwhile import asked_aside, choice_asked_of
from dialogue.compared import compare_reply, values_compared
from dialogue.confirm import Also, Verdict
from dialogue.counts import LIMITS, CountIssue, pack_size
from dialogue.intents import Intent
from dialogue.items import halves_of_line
from dialogue.lexicon import Lexicon, Target, phrase_of, singulars
from dialogue.line_refs import nth_line_for_more
from dialogue.multiples import said_again
from dialogue.numbers import say_number
from dialogue.offer_held import held_line
from dialogue.other_group_said import other_choice_named
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.placed import say_digits
from dialogue.quantity import GLUE, SEPARATORS
from dialogue.readback import ORDER_TYPES, PLACE_QUESTION, YES_OR_NO, read_back
from dialogue.references import count_instead_of, count_of, one_unit_said, parts_after, parts_of, pick_shown
from dialogue.replies import describe_line, group_name, plural, say_list
from dialogue.resolve import options_for, resolve_item, toward_asked
from dialogue.shop import ShopInfo
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.state import Outcome, Pending, PendingKind, State
from dialogue.targets import (
    like_before,
    line_has,
    lines_by_selector,
    matching,
    modify_target,
    offers_all,
    target_lines,
)
from dialogue.turn_words import ANOTHER_ORDINALS, DEFINITE, MORE_WORDS
from dialogue.types import Action, TurnMeta
from dialogue.unheard import sorry_unheard

log = logging.getLogger(__name__)
_NAMES_AN_ORDER = phrases("names_an_order")
_TAKES_CHANGE_BACK = phrases("takes_change_back")
_LEAD_FILL = words("lead_fill")
_ADDING_LEADS = words("adding_leads")
_ALSO = phrases("also")
_ANOTHER_ONE = phrases("another_one")
_ALL_LEFT = phrases("all_left")
READBACK_KINDS = (PendingKind.CHECKOUT, PendingKind.CONFIRM_CHANGE)
_REMAKE = words("remake_verbs")
_PLAIN_PART = words("plain_part")
_WITH = words("with_words")
CHANGING = frozenset({Intent.ADD, Intent.MODIFY, Intent.REMOVE, Intent.CLEAR, Intent.CANCEL_ORDER})
_OFFER_ASKED = "Would you like one?"
_ANSWERS = frozenset({Intent.SEARCH, Intent.OPTIONS, Intent.PRICE, Intent.STOCK, Intent.DESCRIBE})
# Turns a question about what there is may hide in (the menu, a tag, the cheapest, how many are left).
_BROWSABLE = frozenset({Intent.SEARCH, Intent.OUT_OF_SCOPE, Intent.STOCK, Intent.PRICE, Intent.GREET, Intent.OPTIONS,
                        Intent.DESCRIBE, Intent.SHOP_INFO})
# After a read-back, a turn with one of these intents is acted on as itself (it never places).
_ACTED_ON = CHANGING | _ANSWERS | frozenset({
    Intent.HUMAN, Intent.GOODBYE, Intent.ORDER_TYPE, Intent.ORDER_STATUS, Intent.SHOP_INFO, Intent.HELP,
    Intent.REPEAT, Intent.GREET})


def _with_choice(lex: Lexicon, item: ItemSpec, group: str, chosen: list[OptionSpec]) -> ItemSpec:
    """``item`` with the choice just given for another item, when its product has that group, offers the value
    and has no choice of that group said yet."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    g = product.group(group) if product is not None else None
    if g is None or any(t.group == group for o in item.options for t in o.targets) \
            or not all(any(g.value(t.value) is not None for t in o.targets) for o in chosen):
        return item
    return ItemSpec(item.skus, item.quantity, [*item.options, *chosen], item.start, item.end, item.exact)


_ECHO_JOINS = frozenset(("with", "in", "on"))
_ECHO_FRAME = words("echo_frame")
_VERDICT_JOINS = words("verdict_joins")


_COUNTED_REFS = words("counted_refs")


def _offered_as_those(parse: Parse, offer: ItemSpec) -> tuple[ItemSpec, ...]:
    """The items of an order with the choices of the product offered given to the one said as "two of those" (the
    large of "how much is a large cold brew?" - "ok two of those and a croissant"); the others as said."""
    if parse.intent != Intent.ADD or not offer.options:
        return parse.items
    toks = parse.tokens
    return tuple(ItemSpec(it.skus, it.quantity, list(offer.options), it.start, it.end, it.exact)
                 if it.skus == offer.skus and not it.options and it.end - it.start == 3
                 and toks[it.start + 1:it.end] == ("of", toks[it.end - 1]) and toks[it.end - 1] in _COUNTED_REFS
                 else it for it in parse.items)


def _answered_for_the_rest(parse: Parse, asked: str, rest: list[ItemSpec], besides: list[ItemSpec]
                           ) -> tuple[list[ItemSpec], list[ItemSpec]]:
    """"Which pack for the AA batteries?" with AAA batteries waiting too - "an eight pack of the double a's and a
    four pack of the triple a's": an item of the answer that names a waiting item's product (not said as one more
    besides it, or said with "the") gives that waiting item its choices, not a line of its own nor nothing."""
    toks = parse.tokens
    for it in parse.items:
        if asked in it.skus or not it.options:
            continue
        k = next((i for i, r in enumerate(rest) if set(it.skus) & set(r.skus)), None)
        if k is None or it in besides and not (it.start > 0 and toks[it.start - 1] in DEFINITE):
            continue
        r = rest[k]
        said = {t.group for o in it.options for t in o.targets}
        kept = [o for o in r.options if not {t.group for t in o.targets} & said]
        rest[k] = ItemSpec(r.skus, it.quantity or r.quantity, [*kept, *it.options], r.start, r.end, r.exact)
        besides = [b for b in besides if b is not it]
    return rest, besides


def _count_named_as_product(parse: Parse) -> int | None:
    """The count said when every product heard is named by a number alone: "ok six then" to "would you like six?"
    where a product is called "half dozen" (numbers are read as digits, so the name and the count sound alike)."""
    if not parse.items or parse.deny or parse.question:
        return None
    spans = [parse.tokens[s.start:s.end] for s in parse.items]
    if not all(span and all(t.isdigit() for t in span) for span in spans) or len(spans) != 1 or len(spans[0]) != 1:
        return None
    count = int(spans[0][0])
    return count if 0 < count < 100 else None


_MORE_JOINS = frozenset(("and", "plus", "also"))


def _yes_and_more(parse: Parse, offered: ItemSpec, held: Collection[str] = ()) -> bool:
    """A yes to an offer joined to other products ("yes and a half dozen bagels", "sure, plus a latte"): the offer
    is taken and the others added too. A reply naming the offered product again is read as said. An offer of a
    product the cart already holds (``held``: its skus; "how much is the roller" about the roller ordered) is no
    second one: "ok and two brushes" takes the price in and orders the brushes."""
    if not (parse.affirm and parse.items) or parse.deny or parse.question or parse.intent != Intent.ADD:
        return False
    if set(offered.skus) & set(held):
        return False
    if any(set(offered.skus) & set(it.skus) for it in parse.items):
        return False
    return bool(_MORE_JOINS & set(parse.tokens[:parse.items[0].start]))


def _only_yes_besides(parse: Parse, order_type: str | None) -> bool:
    """The words of a reply that are not the items and choices it names make a clear yes on their own ("yes, one
    latte with oat milk": "yes"; "sure, I would like a latte to go" when the order is to go); any other word
    ("throw in", "apart from", "make it") says something else. Choices said with no product take a yes said
    before them ("yes, with oat milk"): one said after them is a word on the choice ("pate is fine", "oat milk
    sounds good"), not a yes to the order."""
    toks = parse.tokens
    spans = [(it.start, it.end) for it in parse.items]
    spans += [(o.pos, o.pos + max(1, len(o.said.split()))) for it in parse.items for o in it.options]
    spans += [(o.pos, o.pos + max(1, len(o.said.split()))) for o in parse.options]
    gone = {i for a, b in spans for i in range(a, b)}
    gone |= {a - 1 for a, _ in spans[len(parse.items):] if a > 0 and toks[a - 1] in _ECHO_JOINS}
    gone |= {a - 1 for a, _ in spans if a > 1 and toks[a - 1] == "and" and a - 2 in gone}  # "a latte and a muffin"
    if order_type is not None and parse.order_type == order_type:  # "to go" said again, as the order has it
        for table in (cue.TOGO, cue.HERE, cue.DELIVERY):
            k = cue.find(toks, table)
            while k >= 0:
                size = max(len(p) for p in table if tuple(toks[k:k + len(p)]) == p)
                gone |= set(range(k, k + size))
                k = cue.find(toks, table, k + size)
    if not parse.items and parse.options and not any(i < min(a for a, _ in spans) for i in confirm.said_as_yes(toks)):
        return False  # "pate is fine", "oat milk sounds good", "blue's ok": a word on the choice, not a yes to the order
    rest = [t for i, t in enumerate(toks) if i not in gone and t not in _ECHO_FRAME]
    return echo.yes_besides(rest, named=bool(parse.items))


def _clear_yes(c: confirm.Confirmation, parse: Parse) -> bool:
    """A yes that places: one read past an aside only when the turn names no product, option, count or order type."""
    return c.places and not (c.aside and (parse.items or parse.options or parse.quantity is not None
                                          or parse.order_type or parse.order_number or parse.question))


def _hedged(parse: Parse) -> bool:
    """A yes word said with a hedge, and no yes after it: "ok hmm let me think about it", "yeah maybe later",
    "sure, let me see" to "would you like one?" accept nothing (the hedge phrases of confirm.toml)."""
    return Also.HEDGES in confirm.decide(parse.text, parse.tokens).also


def _held(parse: Parse) -> bool:
    """A reply to an offer that names nothing to order and hedges or holds ("ok hold that thought", "sure, let me
    ask my wife", "ok one sec... three then?", "yeah hang on"): nothing is taken, whatever yes or count came before
    the hold. A reply naming a product or a choice is read as said ("wait, make it iced")."""
    return not parse.items and not parse.options and not parse.deny and _hedged(parse)


def _only_taken_back(toks: Sequence[str]) -> bool:
    """"no actually never mind", "forget it": the whole turn takes back what was just read back, lead words aside;
    not "never mind i'm running late" or "forget it i'll come back later", which leave the whole order."""
    at = next((k for k in range(len(toks)) for ph in _TAKES_CHANGE_BACK if tuple(toks[k:k + len(ph)]) == ph), -1)
    if at < 0:
        return False
    end = at + next(len(ph) for ph in _TAKES_CHANGE_BACK if tuple(toks[at:at + len(ph)]) == ph)
    return all(t in _LEAD_FILL for t in toks[:at]) and all(t in _LEAD_FILL or t == "please" for t in toks[end:])


def _yes_as_said(parse: Parse) -> Parse:
    """The parse with its tokens as said when a misheard-word correction changed only words of a yes idiom ("yeah
    grand" heard as the size "grande", "jolly good" as "jelly", "si por favor" as "flavor"; "ah no you're grand" as
    a no): a word of a yes or of a no idiom is no mishearing. A reply that is a clear yes as said and in which the reading finds no product, choice or count
    ("yes chief" heard as the choice "chive" and dropped, "works for me yes" read short) is read as said too.
    Else the parse as it is."""
    raw = tuple(normalize.tokens(parse.text))
    if raw == parse.tokens:
        return parse
    if not parse.items and not parse.options and parse.quantity is None and parse.intent == Intent.AFFIRM \
            and confirm.decide(parse.text, raw).places:
        return replace(parse, tokens=raw)
    if len(raw) != len(parse.tokens):
        return parse
    changed = {i for i, (a, b) in enumerate(zip(raw, parse.tokens, strict=True)) if a != b}
    return replace(parse, tokens=raw) if changed <= confirm.said_as_idiom(raw) else parse


def _per_line_verdict(parse: Parse, cart_skus: set[str]) -> bool:
    """Whether a reply read as an order gives the lines read back a yes and a no each: "lattes yes, muffin no",
    "yes to the lattes, no to the muffin" (each product named is a line of the cart, said with no count, with a yes
    or a no right before or after it, and both a yes and a no are said)."""
    said = confirm.verdicts(parse.tokens)
    if parse.intent != Intent.ADD or not parse.items or set(said.values()) != {"affirm", "deny"}:
        return False
    ends = set()
    for _, e in said:
        ends.add(e)
        while e < len(parse.tokens) and parse.tokens[e] in _VERDICT_JOINS:
            e += 1
            ends.add(e)
    starts = {s for s, _ in said}
    return all(it.quantity is None and set(it.skus) & cart_skus and (it.end in starts or it.start in ends)
               for it in parse.items)


def _named_outside_yes(parse: Parse, spans: Sequence[tuple[int, int]], *, idiom: bool = False) -> bool:
    """Whether some product or choice of ``spans`` is named by words other than a yes idiom: "yeah grand" names
    no size grande, "cool beans" no roast, "let's roll" no cinnamon roll (the words are the yes), but "everything
    please" chooses the topping "everything" and "yes duck" may order one (a filler word names it). With ``idiom``, the
    words of a no idiom count too ("red light" names no light roast), and only phrases of two words or more: a reply
    that is no yes and names only "sweet" ("and make it sweet") chooses it, where "green light on the whole lot" names
    no green tea."""
    yes = confirm.said_as_idiom(parse.tokens, shortest=2) if idiom else confirm.said_as_yes(parse.tokens)
    return any(not set(range(a, max(b, a + 1))) <= yes for a, b in spans)


def _option_spans(options: Sequence[OptionSpec]) -> list[tuple[int, int]]:
    return [(o.pos, o.pos + max(1, len(o.said.split()))) for o in options]


class Policy:
    def __init__(self, store: Store, lex: Lexicon, shop: ShopInfo, state: State, *, low_confidence: float = 0.5):
        self.store, self.lex, self.shop, self.state = store, lex, shop, state
        self.low_confidence = low_confidence
        confirm.phrases()  # a malformed phrase file fails here, at start, not in a shopper's turn
        browse_data.phrases()

    def turn(self, parse: Parse, meta: TurnMeta) -> Outcome:
        st, out = self.state, Outcome()
        st.people_said = people.people_of_items(self.lex, parse.text, parse.items) \
            or people.still_asked(st.people_said, st.pending)  # "... for my wife", or the question's turn's
        if parse.order_type:
            st.order_type = parse.order_type
        pending = st.pending
        low = meta.asr_confidence is not None and meta.asr_confidence < self.low_confidence
        if low and parse.intent in CHANGING:
            st.pending = Pending(PendingKind.LOW_CONF, parse=parse, rest=[])
            heard = " ".join(parse.text.split())[:140].rstrip(".?!")
            return out.say(f"I think you said: {heard}. Is that right?")
        if low and pending is not None and pending.kind in READBACK_KINDS \
                and confirm.decide(parse.text, parse.tokens).verdict != Verdict.DENY:
            return self._checkout(out.say("Sorry, I didn't catch that clearly"), question=YES_OR_NO)
        if parse.order_number and parse.intent in (Intent.ADD, Intent.MODIFY, Intent.REMOVE) \
                and cue.has(parse.tokens, _NAMES_AN_ORDER):
            # "change order 2465 to a chocolate cake": a placed order is not edited by voice
            out.say("I can't change an order that's already placed")
            return placed.ask_cancel(self.store, st, self.lex, parse.order_number, out)
        if parse.count_issue is not None and parse.intent in (Intent.ADD, Intent.MODIFY) and parse.items:
            return self._ask_count(parse, out)
        taken = self._take_left(parse, out)
        if taken is not None:
            return taken
        moved = editing.move_change(st, self.lex, parse, out) if parse.intent in (Intent.ADD, Intent.MODIFY) else None
        if moved is not None:  # "no, the other one, the tikka masala": the change just made moves there
            return moved
        same = likewise.handle(st, self.lex, parse, out)
        if same is not None:  # "make the shoes burgundy and the polish too": the one change on both lines
            return same
        shifted = moves.handle(st, self.lex, parse, out)
        if shifted is not None:  # "move the feta over to the falafel one": off the line that had it, onto that one
            return shifted
        owned = choice_owner.handle(st, self.lex, parse, out)
        if owned is not None:  # "just the green machine gets the protein": off the other line that had it
            return owned
        undone = undo.handle(st, self.lex, parse, out)
        if undone is not None:  # "no sorry, everything bagel was right for that one": the change just made undone
            return undone
        back = put_back.handle(st, self.lex, parse, out)
        if back is not None:  # "put the cannolis back on": the line taken off, as it was; "put the candle back on
            return back  # the shelf": the candle off
        if pending is not None and parse.intent == Intent.REPEAT and st.last_reply is not None:
            if st.readback is not None and st.readback_current():  # a read-back said again is read in this
                st.readback = replace(st.readback, turn=st.turns)  # turn: a yes next places it
            return out.say(st.last_reply.text)  # "sorry, say that again": said again, and the question stays open
        if pending is not None and pending.kind == PendingKind.CLARIFY_OPTION and pending.item is not None \
                and asked_aside(parse):
            return self._asked_while_waiting(pending, parse, out)  # "are the chemex ones more expensive": answered
        if pending is not None:
            handled = self._answer_pending(pending, parse, out)
            if handled is not None:
                return handled
        side = side_folded.side_line(st, self.lex, parse)
        if side is not None:  # "put the hash brown in the sandwich instead of on the side": the side line off
            result = side_folded.fold(st, self.lex, side, lambda: self._dispatch(parse, out), out)
        else:
            result = self._dispatch(parse, out)
        if pending is not None and pending.kind == PendingKind.CLARIFY_OPTION and st.pending is None \
                and parse.intent in _ANSWERS and pending.item is not None and st.listed is not None \
                and st.listed[2] == st.turns and st.listed[0] in pending.item.skus:
            st.pending = pending  # "what main for the bento?" - "what are the choices?": listed, and still asked
        if parse.hold and parse.intent in _ANSWERS and st.pending is None:
            return answers.hold(st, self.lex, parse, out)
        if st.pending is None and parse.intent in _ANSWERS and out.shown and len(out.shown) == 1 \
                and out.parts and out.parts[-1].endswith("Would you like one?"):
            opts = [o for it in parse.items for o in it.options] + list(parse.options)
            if pending is not None and pending.kind == PendingKind.OFFER and pending.item is not None \
                    and pending.item.skus == (out.shown[0],):  # "a group 35 battery?" - "how much is it": still
                said = {t.group for o in opts for t in o.targets}  # the group 35 one offered
                opts = [o for o in pending.item.options if not {t.group for t in o.targets} & said] + opts
            st.pending = Pending(PendingKind.OFFER, item=ItemSpec((out.shown[0],), None, opts))
        return result

    def _take_left(self, parse: Parse, out: Outcome) -> Outcome | None:
        """"We have two left. How many would you like?": "both", "ill take them all" are that many, "ok two then"
        two; of that product added, or, when it has a line in the cart, that line's new count ("two more": the
        line's count and two). None when the turn is no such answer."""
        st, told = self.state, self.state.told_left
        if told is not None and parse.items and all(all(t.isdigit() for t in parse.tokens[it.start:it.end])
                                                    for it in parse.items):
            parse = replace(parse, items=())  # "all six" to "we have six left": the count, not a product named "6"
        if told is not None and len(parse.items) == 1 and parse.items[0].skus == (told[1],) \
                and parse.items[0].quantity and not parse.items[0].options and parse.quantity is None \
                and not any(t in MORE_WORDS for t in parse.tokens):
            parse = replace(parse, items=(), quantity=parse.items[0].quantity)  # "ok three celery juices": three
            # (not "ok two more pretzels": more, added to the line)
        if told is None or told[0] != st.turns - 1 or parse.items or parse.question or parse.deny or _held(parse):
            return None  # (nor "ok let me ask her, two maybe?": a hold, no count taken)
        toks = parse.tokens
        chosen = [o for o in parse.options if 0 <= o.pos < len(toks) and not toks[o.pos].isdigit()]
        if chosen and not cue.has(toks, _ALL_LEFT):
            return None  # ("two large ones": a choice said too, read as ever; "both of them in large": all, so)
        count = told[2] if cue.has(toks, _ALL_LEFT) else next(
            (int(t) for t in toks if t.isdigit() and 0 < int(t) < 100), None) if parse.quantity is None else parse.quantity
        if count is None or "both" in toks and count != 2:  # "both" of four left: not a count to guess
            return None
        sku, item = told[1], ItemSpec((told[1],), count, list(chosen))
        st.told_left = None
        line = next((ln for ln in reversed(st.cart.lines) if ln.sku == sku), None)
        if line is None:
            st.pending = None
            return editing.add_items(st, self.lex, [item], out)
        st.focus_line = line.line_id
        if any(t in MORE_WORDS for t in toks) and not cue.has(toks, _ALL_LEFT):
            count = line.quantity + count  # "two more please": the line's count and two
            item = replace(item, quantity=count)
        change = replace(parse, intent=Intent.MODIFY, items=(item,), options=(), quantity=count, ref=None,
                         replace=False, replaces=None, portion=None, ordinal=None)
        return editing.modify(st, self.lex, change, out)

    def _ask_count(self, parse: Parse, out: Outcome) -> Outcome:
        """A count that cannot be a line as said: change nothing, say what is possible, ask how many."""
        issue = parse.count_issue
        item = parse.items[0]
        if issue == CountIssue.PACKS:  # "lace wig glue and two wig caps": the caps sold in packs are asked of
            item = next((it for it in parse.items if len(it.skus) == 1 and (it.quantity or 0) > 1
                         and it.skus[0] in self.lex.products
                         and (pack_size(phrase_of(self.lex.products[it.skus[0]].name)) or 0) > 1), item)
        product = self.lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
        name = plural(product.name, 2) if product else "of those"
        if issue == CountIssue.TOO_MANY:
            most = LIMITS.most(product.price_cents if product is not None else None)
            said = (f"That's more than I can take in one order here: at most {say_number(most)} "
                    "of one item. For a bigger order, please ask for a person")
        elif issue == CountIssue.PACKS and product is not None:
            words = phrase_of(product.name)
            size = pack_size(words) or 1
            base = " ".join(words[:next((i for i, w in enumerate(words) if w.isdigit()), len(words))]) or product.name
            self.state.pending = Pending(PendingKind.OFFER, item=ItemSpec((product.sku,), None, list(item.options)))
            self.state.shown, out.shown = [product.sku], [product.sku]
            return out.say(f"The {base} come in packs of {say_number(size)}", "How many packs would you like?")
        elif issue == CountIssue.FRACTION:
            said = f"Sorry, I can only add whole {name}"
        elif issue == CountIssue.VAGUE:
            said = "Sure"
        else:
            said = "Sorry, I can only add one or more"
        if product is not None:
            self.state.pending = Pending(PendingKind.OFFER, item=ItemSpec((product.sku,), None, list(item.options)))
            self.state.shown, out.shown = [product.sku], [product.sku]
        return out.say(said, f"How many {name} would you like?" if product else "How many would you like?")

    # --- the open question ------------------------------------------------------------------------
    def _pure_yes(self, parse: Parse) -> bool:
        return (parse.intent == Intent.AFFIRM and not parse.items and not parse.options and not parse.question
                and not cue.has(parse.tokens, cue.BROWSE))

    def _echo(self, parse: Parse, *, need_yes: bool = True) -> bool:
        """A yes that repeats what is already in the cart ("yes, a latte with oat milk"): a confirmation,
        not a second order. ``need_yes=False``: the whole order said again, word for word, without a yes."""
        if (need_yes and not parse.affirm) or parse.question or parse.deny or parse.intent not in (Intent.ADD, Intent.MODIFY) or parse.replace \
                or not (parse.items or parse.options) or cue.has(parse.tokens, cue.BROWSE):
            return False
        lines = self.state.cart.lines
        toks = parse.tokens
        joined = [("and" in toks[max(0, it.start - 2):it.start]) for it in parse.items]
        if not lines or joined[:1] == [True] or any(t in ("also", "another", "more", "plus", "too") for t in toks) \
                or any(a in ("a", "an") and b in ANOTHER_ORDINALS for a, b in zip(toks, toks[1:], strict=False)):
            return False  # "yes, and another latte", "a second bowl exactly the same" order more
        if need_yes and not _only_yes_besides(parse, self.state.order_type):
            return False  # "yes and throw in a muffin", "yes apart from the muffin", "yes and make it large"
        matched: set[int] = set()
        for spec in parse.items:
            ok = False
            for line in lines:
                product = self.lex.products.get(line.sku)
                if product is None or line.sku not in spec.skus or not echo.named_by_its_words(
                        self.lex, line, toks, set(range(spec.start, spec.end)), spec.options):
                    continue  # "yes, a banana muffin" to a blueberry muffin: another product said
                wanted, _, missing = options_for(product, spec.options)
                if missing:
                    continue  # "yes, a muffin with bacon": not what the line has
                have = {(o.group, o.value) for o in line.options}
                if all((o.group, o.value) in have for o in wanted) and (spec.quantity or 1) == line.quantity \
                        and line.line_id not in matched:
                    ok = True
                    matched.add(line.line_id)
                    break
            if not ok:
                return False
        focus = self.state.focus()
        if parse.options:
            product = self.lex.products.get(focus.sku) if focus else None
            if focus is None or product is None:
                return False
            have = {(o.group, o.value) for o in focus.options}
            wanted, _, missing = options_for(product, parse.options)
            if missing or not all((o.group, o.value) in have for o in wanted) \
                    or len({o.group for o in wanted}) < len(parse.options):
                return False  # a choice the line does not take is no echo of it ("yes and make it large"), nor
                # are parts ("one large and one medium")
        whole = len(matched) == len(lines) == len(parse.items) if parse.items else need_yes and len(lines) == 1
        if any(joined) and not whole:
            return False  # "yes, a latte and a muffin" naming only some of the lines: more of them
        if not need_yes or not whole:
            return whole  # "yes, just the latte" to a latte and a muffin read back: not the order as it stands
        return parse.affirm  # saying the order again without a yes is not a yes

    def _answer_pending(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """The turn as an answer to the question asked last: one handler per kind of question
        (:class:`PendingKind`); None when the turn is no answer to it (it is then handled as itself)."""
        handler = _PENDING_HANDLERS[pending.kind]
        return handler(self, pending, parse, out)

    def _asked_while_waiting(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome:
        """"What fit for the paper filters?" - "are the chemex ones more expensive": the question answered, no choice
        made by it, and the waiting item asked about again (:mod:`dialogue.asked_meanwhile`)."""
        st = self.state
        item = pending.item
        assert item is not None
        self._dispatch(parse, out)
        st.pending = pending
        shown = out.shown or []
        pending.asked_about = shown[0] if len(shown) == 1 and shown[0] not in item.skus else None
        if out.parts and out.parts[-1].endswith(_OFFER_ASKED):  # one question at a time: the waiting one
            out.parts[-1] = out.parts[-1][:-len(_OFFER_ASKED)].rstrip()
            out.parts = [part for part in out.parts if part]
        product = self.lex.products.get(item.skus[0])
        group = product.group(pending.group or "") if product is not None else None
        if product is not None and group is not None:
            values = say_list([v.name for v in group.values[:3]], "or")
            out.say(f"And what {group_name(group)} would you like for the {product.name}: {values}?")
        return out

    def _answer_low_conf(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"I think you said: ... Is that right?": a yes acts on what was heard, a no asks again."""
        self.state.pending = None
        if self._pure_yes(parse) and pending.parse is not None:
            return self._dispatch(pending.parse, out)
        if parse.intent == Intent.DENY:
            return out.say("Sorry about that. Please say it again.")
        return None

    def _answer_readback_kind(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"Is that right? Say yes to place the order" / "Shall I place the order?": the confirmation slot."""
        return self._answer_readback(pending.kind, parse, out)

    def _answer_offer(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"Would you like one?": a yes adds it (with a count said); "make it iced" adds it made so."""
        st = self.state
        if pending.item is None:
            return None
        st.pending = None
        if _held(parse):  # "ok hmm let me think about it", "hm ok hold that thought my wife's calling", "ok let me
            return out.say("Sure, take your time")  # call my husband and make sure it's a three": no yes to take
        if pending.line_id is not None:
            return self._change_offered(pending, pending.item, parse, out)
        if st.cart.lines and what_if.keeps(parse, {ln.sku for ln in st.cart.lines}) and not parse.affirm:
            return out.say("Okay, I'll leave your order as it is.")  # "nah never mind just the dogs" to a combo
        if not parse.items and cue.has(parse.tokens, cue.CHECKOUT):  # "ok that's all": the offer declined, and
            return self._checkout(out) if st.cart.lines else None  # the order ends (a closing changes no cart)
        recounted = self._offer_recount(pending.item, parse, out)
        if recounted is not None:
            return recounted
        if self._pure_yes(parse):
            yes_count = count_of(parse.tokens, parse.option_at)  # (not "sure, it's a 35": what it is, no count)
            qty = yes_count if yes_count is not None and yes_count < 100 else pending.item.quantity
            item = ItemSpec(pending.item.skus, qty, pending.item.options)
            return editing.add_items(st, self.lex, [item], out)
        count = _count_named_as_product(parse)
        if count is not None:  # "ok six then" to "would you like six?" where "half dozen" names a product
            return editing.add_items(st, self.lex, [ItemSpec(pending.item.skus, count, pending.item.options)], out)
        if _yes_and_more(parse, pending.item, {ln.sku for ln in st.cart.lines}):  # "yes and a plain bagel" to "would you like six?": both
            offer = ItemSpec(pending.item.skus, pending.item.quantity, pending.item.options)
            return editing.add_items(st, self.lex, [offer, *parse.items], out)
        those = _offered_as_those(parse, pending.item)
        if those != parse.items:  # "two of those and a croissant" to "a large cold brew is ..., would you like one?"
            return self._dispatch(replace(parse, items=those), out)
        offered = self.lex.products.get(pending.item.skus[0])
        takes = parse.intent == Intent.MODIFY and bool(parse.options) and offered is not None \
            and not options_for(offered, parse.options)[2] \
            and all(ln.sku != offered.sku for ln in st.cart.lines) \
            and (parse.ref == "it" or not st.cart.lines) \
            and not (parse.selector and lines_by_selector(st, self.lex, parse.selector))  # "make it iced" to
        # "would you like one?" (not "make the red velvet ones cream cheese frosting": the cart's red velvet line)
        if takes or parse.intent == Intent.ADD and not parse.items and parse.ref == "it" and parse.ordinal is None:
            # "I'll take it in medium" after "is the blue one in medium": blue and medium; "ok three then"
            said = parse.tokens[:min((o.pos for o in parse.options if o.pos >= 0), default=len(parse.tokens))]
            qty = parse.quantity or next((int(t) for t in said if t.isdigit() and 0 < int(t) < 100), None)
            shared = _offer_shared(offered, pending.item, parse) if offered is not None else []
            if shared:  # "do you have tamales" - "two of the red pork and one chicken": a line each
                return editing.add_items(st, self.lex, shared, out)
            item = ItemSpec(pending.item.skus, qty, [*pending.item.options, *parse.options])
            return editing.add_items(st, self.lex, [item], out)
        return None

    def _offer_recount(self, item: ItemSpec, parse: Parse, out: Outcome) -> Outcome | None:
        """"Would you like one?" about a product the cart holds in one line - "ok two of them": that line's count
        (:mod:`dialogue.offer_held`); None when the turn is no bare count to it."""
        if parse.items or parse.options or parse.deny or parse.question \
                or not (self._pure_yes(parse) or parse.intent == Intent.ADD and parse.ref == "it"):
            return None
        count = parse.quantity or count_of(parse.tokens, parse.option_at)
        line = held_line(self.state, self.lex, item, parse.tokens) if count is not None and 0 < count < 100 else None
        if line is None:
            return None
        self.state.focus_line = line.line_id
        recount = replace(parse, intent=Intent.MODIFY, items=(), options=(), quantity=count, ref="it", replace=False,
                          replaces=None, portion=None)
        return editing.modify(self.state, self.lex, recount, out)

    def _change_offered(self, pending: Pending, item: ItemSpec, parse: Parse, out: Outcome) -> Outcome | None:
        """"Would you like it warmed?" about a line in the cart: a yes ("yeah warm it up please") changes that
        line, never adds a second one, and so does naming the choice offered ("warm it up please"); anything else
        is read as said."""
        line = next((ln for ln in self.state.cart.lines if ln.line_id == pending.line_id), None)
        if item.quantity is not None and line is not None and not parse.deny and not parse.items and not parse.question:
            said = [int(t) for t in parse.tokens if t.isdigit() and 0 < int(t) < 1000]
            if parse.affirm or said:  # "only five in stock, would you like five?" - "ok then all five you've got"
                self.state.focus_line = line.line_id
                recount = replace(parse, intent=Intent.MODIFY, items=(), options=(), quantity=said[-1] if said
                                  else item.quantity, ref="it", replace=False, replaces=None, portion=None)
                return editing.modify(self.state, self.lex, recount, out)
        offered = {t.group for o in item.options for t in o.targets}
        if line is not None and what_if.keeps(parse, (line.sku,)):
            self.state.focus_line = line.line_id  # "nah leave it", "ok leave the highlighters as they are then"
            return out.say("Okay, I'll leave it as it is.")
        chosen = [o for it in parse.items for o in it.options]
        have = set(line.options) if line is not None else set()
        product = self.lex.products.get(line.sku) if line is not None else None
        kept = [o for o in parse.options if product is not None and (
            now := options_for(product, [o])[0]) and all(x in have for x in now)]  # "... instead of the six"
        named = line is not None and bool(parse.items) and all(
            it.skus == (line.sku,) and it.quantity is None for it in parse.items) \
            and all(any(t.group in offered for t in o.targets) for o in chosen)  # "ok a bowl then": that line, so
        if line is None or parse.deny or parse.items and not named or parse.question or parse.ref == "all" \
                or not (parse.affirm or named or parse.groups and set(parse.groups) <= offered):
            return None
        self.state.focus_line = line.line_id
        first = min((o.pos for o in parse.options if o.pos >= 0), default=-1)
        counted = count_instead_of(parse.tokens, line.quantity, first) if first >= 0 else None
        change = replace(parse, intent=Intent.MODIFY, items=(ItemSpec((line.sku,), None, [
            *item.options, *chosen, *(o for o in parse.options if o not in kept)]),),
                         options=(), quantity=counted, ref=None, replace=False, replaces=None, portion=None)
        # ("a twelve pack instead of the six" to six cans: one case, not six of them)
        return editing.modify(self.state, self.lex, change, out)

    def _answer_option(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"What milk would you like for the latte?": the choice fills the item waiting for it."""
        return self._fill_option(pending, parse, out) if pending.item is not None else None

    def _answer_product(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"Which one would you like: ...?": the product picked (or several, one each)."""
        return self._pick_product(pending, parse, out)

    def _answer_cancel_order(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"Order 4512 is ... Shall I cancel it?": only a clear yes cancels."""
        if not pending.order_number:
            return None
        self.state.pending = None
        if _clear_yes(confirm.decide(parse.text, parse.tokens), parse):
            return placed.cancel(self.store, self.state, pending.order_number, out)
        if parse.intent == Intent.DENY:
            return out.say("Okay, I won't cancel it.")
        return None

    def _answer_order_number(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        """"What's your order number?": the digits said, for a status or a cancellation."""
        self.state.pending = None
        if parse.order_number and parse.intent not in CHANGING:
            return placed.ask_cancel(self.store, self.state, self.lex, parse.order_number, out) \
                if pending.group == "cancel" else placed.status(self.store, self.state, parse.order_number, out)
        return None

    def _answer_readback(self, kind: PendingKind, parse: Parse, out: Outcome) -> Outcome | None:
        """The reply to a read-back that asked to place the order: a confirmation slot.

        Only a clear yes (:func:`dialogue.confirm.decide`) places; a no or a cancel does not place and
        keeps the cart (a plain no to a change just read back takes that change off); a change, an
        addition or a question is handled as itself; anything else reads the order again and asks yes or no.
        """
        st = self.state
        said = _yes_as_said(parse)
        c = confirm.decide(said.text, said.tokens)
        if said is not parse and c.places:
            parse = said  # "yeah grand": a yes, not the size grande
        if said is not parse and c.plain_no and kind == PendingKind.CHECKOUT:
            st.pending = None  # "ah no you're grand": a no, and no size grande; nothing placed, nothing changed
            return out.say("Okay, the order is not placed. What would you like to change?")
        if said is not parse and not c.places and parse.intent in (Intent.ADD, Intent.MODIFY) and not _named_outside_yes(
                said, [(it.start, it.end) for it in said.items] + _option_spans(said.options)):
            # "confirm plus chop but wait": "chop" of a yes idiom heard as a chocolate chip cookie orders none; no yes
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        # "everything please": a choice, no yes; "yeah grand": a yes, no choice of the size grande
        choice = parse.intent == Intent.MODIFY and _named_outside_yes(parse, _option_spans(parse.options))
        named = _named_outside_yes(parse, [(it.start, it.end) for it in parse.items])
        if _clear_yes(c, parse) and not choice and not named:
            return self._place(out)
        if c.elsewhere:  # "no not you honey": said to someone else; no honey in the lattes, the question again
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if conditional.on_yes(parse.tokens):
            # "if it's oat milk then yes", "if that includes a tea for me then yes": a yes on a condition the read-back
            # did not say; what it names is asked about, no change, and nothing placed (round 20)
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if c.plain_no and kind == PendingKind.CHECKOUT and Also.CANCELS not in c.also \
                and parse.intent in (Intent.ADD, Intent.MODIFY) and not (parse.items or parse.options or parse.groups) \
                and parse.quantity is None:
            st.pending = None  # "thanks all the same but no": a no and a courtesy, no "the same again" (round 20)
            return out.say("Okay, the order is not placed. What would you like to change?")
        if (group := excepted.group_excepted(parse)) is not None:
            st.pending = None  # "yes apart from the milk": which milk is not said; no choice made, nothing placed
            return out.say(f"Okay, the order is not placed. What would you like for the {group}?")
        if kind == PendingKind.CHECKOUT and said_back.not_added(parse):
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)  # "yes don't add the
            # muffin": nothing added, nothing placed (round 20)
        if kind == PendingKind.CHECKOUT and (rest := said_back.reminded(parse, st.cart.lines)) is not None:
            # "yes and don't forget the muffin": a reminder of a line the order holds, nothing taken off; a yes
            # besides places, else the question again (round 20)
            if rest and confirm.decide(" ".join(rest), rest).places:
                return self._place(out)
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if parse.intent in (Intent.ADD, Intent.MODIFY) and (parse.items or parse.options) and not _named_outside_yes(
                parse, [(it.start, it.end) for it in parse.items] + _option_spans(parse.options), idiom=True):
            # "red light" (no light roast), "green light on the whole lot" (no green tea), "yes place it and stay warm
            # out there" (no warmed muffin): every product or choice heard is a word of an idiom, no order (round 19)
            if c.plain_no and kind == PendingKind.CHECKOUT:
                st.pending = None
                return out.say("Okay, the order is not placed. What would you like to change?")
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if kind == PendingKind.CHECKOUT and said_back.prepared(parse, st.cart.lines):
            # "yes and heat the muffin up", "yes and cut the muffin in half": the line made another way, not one more
            # of it; nothing added, the question again (round 19)
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if _per_line_verdict(parse, {ln.sku for ln in st.cart.lines}):  # "lattes yes, muffin no": no order
            return self._checkout(out.say("Sorry, was that a yes or a no to the whole order?"), question=YES_OR_NO)
        if echo.restates(parse, st.cart.lines, self.lex, st.cart.total_cents, st.order_type, c):
            return self._place(out)  # "yes two lattes and a muffin", "thirteen eighty yes", "yes all three"
        if c.places and not choice or c.story_then_yes and parse.intent in CHANGING:
            # a yes after an aside that names a product, an option or a count ("sorry, I was asking for coffee -
            # yes"), or a story that drops what it names ("a scone too but honestly yeah, go ahead"): neither
            # placed nor added; the order is read again
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if c.verdict == Verdict.AFFIRM and c.also == {Also.MORE} and self._echo(parse):
            return self._place(out)  # "yes, one latte with oat milk": a yes and the order as it stands, nothing else
        if parse.intent in (Intent.ADD, Intent.MODIFY) and self._echo(parse, need_yes=False):
            return self._checkout(out.say("That's what I have"))  # the order said again: no second one
        if cue.has(parse.tokens, cue.CHECKOUT) and not parse.items and not parse.options \
                and c.verdict != Verdict.AFFIRM and Also.CANCELS not in c.also:
            return self._checkout(out)  # "nope, that's all": nothing more, not "that's wrong"
        if kind == PendingKind.CONFIRM_CHANGE and parse.deny and parse.intent in _ANSWERS and not parse.groups \
                and not parse.options:
            st.pending = None  # "no - what teas do you have?": take the change back, then answer
            undone = st.revert()
            if undone:
                out.act(Action.CART_CHANGED).say(f"Okay, I've taken the {say_list([ln.name for ln in undone])} off")
            return None
        whole = kind == PendingKind.CHECKOUT and parse.intent == Intent.REMOVE and c.verdict == Verdict.DENY \
            and not parse.items and not parse.options and parse.ordinal is None and parse.portion is None \
            and parse.quantity is None and parse.ref in (None, "it") and len(st.cart.lines) > 1
        if whole:  # "cancel that", "no I don't want that" to the whole order read back: the order or its last line?
            # (with one line both readings agree, and it is taken off as asked); not placed, and nothing lost
            st.pending = None
            return out.say("Okay, I won't place the order. Your cart is kept: tell me what to change, "
                           "or say clear the cart")
        if c.verdict == Verdict.AFFIRM and parse.intent in (Intent.ADD, Intent.MODIFY) and (
                said_back.remark(as_said := normalize.tokens(parse.text), parse)
                or said_back.again_differently(parse, st.cart.lines, as_said)):
            # "yes two regular lattes", "yes one medium latte and a muffin": the order said back otherwise, nothing
            # added again or dropped; "yes and give the barista two quid", "yes use my points for the muffin": a tip or
            # a loyalty remark, no count, choice or product. Not placed, nothing changed: the question again
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if (again := said_back.restated(parse, st.cart.lines)) and c.verdict != Verdict.DENY:
            # "two large lattes please" to a read-back of two large lattes: those lines said back, not two more
            names = say_list([describe_line(ln, self.lex.products.get(ln.sku)) for ln in again])
            st.focus_line = again[-1].line_id  # "two more" next is more of it
            return self._checkout(out.say(f"Your order has {names} already. To add more, say how many more"),
                                  question=YES_OR_NO)
        if kind == PendingKind.CHECKOUT and (c.verdict != Verdict.AFFIRM and said_back.named_again(parse, st.cart.lines)
                                             or said_back.only_of_none_held(parse, st.cart.lines)):
            # "blueberry", "i'm not sure if she wanted the muffin", "the muffin you can leave off": a product the order
            # holds named, or talked about, with no count and no word of more: no second one; "yes just the coffees" to
            # lattes: no line it keeps, nothing to add; the question again
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        vague = not parse.items and not parse.options and parse.quantity is None and not parse.groups \
            and parse.intent not in (Intent.REMOVE, Intent.CLEAR, Intent.HUMAN)  # "never mind, remove it", "actually
        # could i speak to someone" say what to do; "uh what cushions are there" asks of a group
        if parse.intent in _ACTED_ON and not (parse.intent == Intent.CANCEL_ORDER and not parse.order_number) \
                and not (Also.HEDGES in c.also and vague):
            st.pending = None
            if kind == PendingKind.CONFIRM_CHANGE and parse.intent == Intent.ADD:
                st.commit()  # carrying on ordering accepts what was read back
            return None  # a change, an addition, a question: handled as itself
        if kind == PendingKind.CONFIRM_CHANGE and c.verdict == Verdict.DENY and Also.CANCELS in c.also \
                and _only_taken_back(parse.tokens) and not parse.items and not parse.options:
            st.pending = None  # "could i add a bubble machine" - "no actually never mind": that addition back off
            undone = st.revert()
            if undone:
                out.act(Action.CART_CHANGED).say(f"Okay, I've taken the {say_list([ln.name for ln in undone])} back off")
                return self._checkout(out)
            return out.say("Okay, I won't place the order. Your cart is kept: tell me what to change, "
                           "or say clear the cart")
        if c.verdict == Verdict.DENY and Also.CANCELS in c.also or parse.intent == Intent.CANCEL_ORDER:
            st.pending = None  # "ok cancel", "forget it": not placed, and nothing is lost
            return out.say("Okay, I won't place the order. Your cart is kept: tell me what to change, "
                           "or say clear the cart")
        if c.plain_no or parse.intent == Intent.DENY:
            st.pending = None
            if kind == PendingKind.CONFIRM_CHANGE:
                undone = st.revert()
                if undone:
                    out.act(Action.CART_CHANGED)
                    names = say_list([ln.name for ln in undone])
                    return out.say(f"Sorry about that. I've taken the {names} back off. What would you like instead?")
            return out.say("Okay, the order is not placed. What would you like to change?")
        if parse.intent == Intent.CART:  # "read it back": the read-back, and the question again ("how much is
            return self._checkout(out.say(answers.focus_price(st, self.lex, parse.tokens)))  # that": the line's first)
        if parse.intent in (Intent.OUT_OF_SCOPE, Intent.SEARCH) and c.verdict == Verdict.UNCLEAR and not parse.items \
                and (told := browse.answer(st, self.lex, self.store, parse, Outcome())) is not None:
            st.pending = None  # "what's vegan?": what the shop has, answered; nothing placed, the cart as it was
            out.parts.extend(told.parts)
            for action in told.actions:
                out.act(action)
            return out
        if Also.HEDGES in c.also:
            return self._checkout(out.say("Sure, take your time"), question=YES_OR_NO)
        if c.verdict == Verdict.UNCLEAR and not c.also:
            return self._checkout(out.say("Sorry, was that a yes or a no?"), question=YES_OR_NO)
        if parse.intent == Intent.THANKS or not c.also - {Also.MORE}:
            lead = "You're welcome!" if parse.intent == Intent.THANKS else "Sorry, I didn't get that"
            return self._checkout(out.say(lead), question=YES_OR_NO)
        return self._checkout(out.say("Sorry, I need a clear yes or no"), question=YES_OR_NO)

    def _for_line_just_made(self, product: Product, opts: Sequence[SelectedOption]) -> bool:
        """Choices said to the question about a waiting item are for the line of the same product the turn before
        put in the cart (said with the waiting item, and in focus), when they would change it: "a single scoop of
        strawberry in a cup" - "with rainbow sprinkles on hers", "the first is a build your own with spinach" -
        "with balsamic on the side" (the second salad's greens asked); not for the waiting item."""
        st = self.state
        added = st.added
        line = st.focus()
        return added is not None and added[0] == st.turns - 1 and line is not None \
            and line.line_id == added[1] and line.sku == product.sku \
            and any((o.group, o.value) not in {(c.group, c.value) for c in line.options} for o in opts)

    def _fill_option(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        item = pending.item
        assert item is not None
        product = self.lex.products.get(item.skus[0])
        group = product.group(pending.group or "") if product else None
        if product is None or group is None:
            self.state.pending = None
            return None
        specs = list(parse.options)
        besides: list[ItemSpec] = []  # items said besides the answer ("earl grey, and add a muffin")
        recount: int | None = None  # a count said of the waiting item by its choices ("i meant two gallons")
        taken: list[ItemSpec] = []  # items of the turn that are choices of the waiting item ("sides ... cabbage")
        for it in parse.items:
            if product.sku in it.skus or not it.exact:
                specs.extend(it.options)
            elif it.quantity and it.options and not self._product_said(parse.tokens, it) \
                    and all(_offers_spec(product, o) for o in it.options):
                specs.extend(it.options)  # "six gallons of deck stain" - "which colour?" - "i meant two gallons": the
                recount = it.quantity  # stain's gallons, counted anew (not the glue that comes by the gallon too)
            elif (it.quantity is None or (item.quantity or 1) >= 2) \
                    and (named := self._value_named(product, group, parse.tokens, it)) is not None:
                specs.append(named)  # "which burger for the meal?" - "cheeseburger": the choice, not a product
                specs.extend(o for o in it.options if o.pos != named.pos)
            elif (named := self._part_named(product, parse.tokens, it)) is not None:
                specs.append(named)  # "which main for the bento?" - "katsu with a spicy tuna roll": its roll
                specs.extend(o for o in it.options if o.pos != named.pos)
            elif (named := other_choice_named(product, group, parse, it, item, self._value_named)) is not None:
                specs.append(named)  # "what meal size?" - "sides mac and cheese and cabbage": the meal's sides
                taken.append(it)
            elif it.quantity is None and not it.options and not _ordered_besides(parse, it) \
                    and self._asked_answered_besides(product, group, parse, it) \
                    and (named := self._part_named(product, parse.tokens, it, loose=True)) is not None:
                specs.append(named)  # "which drink for the combo?" - "onion rings and a root beer": its side too
            elif not self._product_said(parse.tokens, it) and any(
                    t.group == group.code and group.value(t.value) is not None for o in it.options for t in o.targets):
                specs.extend(it.options)  # "which drink for the meal?" - "cola for both": no soda, the drink
            elif _said_besides(parse, it) or pending.asked_about in it.skus:
                besides.append(it)  # ("what's in the ginger shot?" - "two of those and the kombucha berry")
        if pending.rest and (by_choice := answers_by_choice(self.lex, parse.tokens, item, pending.rest, specs)):
            self.state.pending = None  # "the keiki strawberry and the large li hing mui": each waiting one its part
            return editing.add_items(self.state, self.lex, [*by_choice, *besides], out)
        specs = toward_asked(product, group.code, specs)
        opts = options_for(product, specs)[0]
        unit = one_unit_said(parse.tokens, item.quantity) if any(o.group == group.code for o in opts) else None
        if unit is not None and not cue.has(parse.tokens, cue.EVERY_LINE):
            # "two poke bowls" - "the first one on brown rice with salmon": that one unit made so, the others
            # still waiting for their own answer (asked again)
            self.state.pending = None
            made = ItemSpec(item.skus, 1, [*item.options, *specs], item.start, item.end, True)
            left = ItemSpec(item.skus, (item.quantity or 2) - 1, list(item.options), item.start, item.end, True)
            return editing.add_items(self.state, self.lex, [made, left, *pending.rest, *besides], out)
        if not any(o.group == group.code for o in opts) and parse.ordinal and 0 < parse.ordinal <= len(group.values):
            specs.append(OptionSpec((Target("option", group=group.code, value=group.values[parse.ordinal - 1].code),)))
            opts = options_for(product, specs)[0]
        if not any(o.group == group.code for o in opts) and (said := _common_word_answer(group, self.lex, parse.tokens)):
            specs.extend(said)  # "which bagel?" - "everything"
            opts = options_for(product, specs)[0]
        if not any(o.group == group.code for o in opts) and not parse.items \
                and (said := _number_answer(group, parse.tokens)):
            specs.extend(said)  # "which serves: for two, for four or for six?" - "six"
            opts = options_for(product, specs)[0]
        if not any(o.group == group.code for o in opts):
            if parse.intent == Intent.OPTIONS and not parse.items and not parse.options \
                    and (not parse.groups or group.code in parse.groups):  # "what kinds are there?": still asked
                names = say_list([v.name for v in group.values], limit=8)
                return out.say(f"For the {product.name}, we have {names}. Which would you like?")
            c = confirm.decide(parse.text, parse.tokens)
            if (parse.deny or c.verdict == Verdict.DENY or parse.intent == Intent.REMOVE
                    or cue.has(parse.tokens, cue.REMOVE)) and (any(product.sku in it.skus for it in parse.items) or (
                    parse.intent == Intent.REMOVE and not parse.items and not parse.options
                    and parse.ordinal is None)):  # "remove that": the item the question is about
                self.state.pending = None  # "no dog collar", "forget the collar": the waiting item is left out
                out.say(f"Okay, no {product.name}")
                return editing.add_items(self.state, self.lex, pending.rest, out) if pending.rest \
                    else self._checkout(out) if self.state.cart.lines else out.say("What would you like?")
            if cue.has(parse.tokens, cue.CHECKOUT) and not pending.asked_again:
                pending.asked_again = True  # "that's all" before the size: the item is not dropped unasked
                values = say_list([v.name for v in group.values[:3]], "or")
                return out.say(f"The {product.name} still needs a {group_name(group)}: {values}? "
                               f"Or say no {product.name}")
            if cue.has(parse.tokens, cue.CHECKOUT):  # "just check me out" again: leave the unfinished item
                self.state.pending = None
                out.say(f"Okay, without the {product.name}")
                if pending.rest:  # ... but not the items said with it ("dog food and a leash": the leash)
                    return editing.add_items(self.state, self.lex, pending.rest, out)  # read back, or the
                return self._checkout(out)  # next question
            count = _count_of_them(parse) if recount is None else recount
            if count is not None:  # "some 2x6s" - "what length?" - "ten of them": how many; the length still asked
                pending.item = ItemSpec(item.skus, count, [*item.options, *specs], item.start, item.end, item.exact)
                values = say_list([v.name for v in group.values[:3]], "or")
                return out.say(f"Okay, {say_number(count)}. And what {group_name(group)} would you like for the "
                               f"{product.name}: {values}?")
            if (parse.intent == Intent.REMOVE or parse.intent == Intent.MODIFY and cue.has(parse.tokens, cue.REMOVE)) \
                    and (parse.items or parse.options):  # "remove the coke": not the item waiting
                return self._removed_aside(pending, product, group, parse, out)
            # "three meal deals" - "what sub?" - "can the meal be a footlong": the waiting item named, made so
            waiting_named = _names_the_waiting(parse, product.sku) or bool(parse.items) and all(
                it.skus == (product.sku,) and it.quantity is None and not self._product_said(parse.tokens, it)
                for it in parse.items)  # "boneless if you can": a choice only the waiting product offers, not one more
            said_besides = [it for it in parse.items if all(it is not t for t in taken)]
            if parse.intent in (Intent.ADD, Intent.MODIFY) and said_besides and not waiting_named:
                aside = self._added_aside(pending, product, group, parse, out)
                if aside is not None:
                    return aside
                self.state.pending = None
                return None
            if parse.intent in (Intent.AFFIRM, Intent.OUT_OF_SCOPE, Intent.EMPTY):
                return out.say(f"Which {group_name(group)} would you like: {say_list([v.name for v in group.values[:3]], 'or')}?")
            if opts and not parse.items and choice_asked_of(parse) and not options_for(product, specs)[2]:
                # "what type for the wall plate?" - "do you have them in stainless": the waiting item's other choice
                # asked about, answered for it (never for a line in the cart); it still waits for its type
                offered = say_list([v.name for o in opts if (g := product.group(o.group)) is not None
                                    and (v := g.value(o.value)) is not None])
                values = say_list([v.name for v in group.values[:3]], "or")
                return out.say(f"Yes, the {product.name} comes in {offered}. And what {group_name(group)} would you "
                               f"like for the {product.name}: {values}?")
            if opts and (not said_besides or waiting_named) and not parse.question and not options_for(product, specs)[2] \
                    and not self._for_line_just_made(product, opts):
                # "what drink for the meal deal?" - "footlong" (or "can the meal be a footlong"): another choice of the
                # waiting item; it is made so, its count kept, and the question is put again (the item is never
                # dropped unasked)
                pending.item = ItemSpec(item.skus, item.quantity, [*item.options, *specs], item.start, item.end,
                                        item.exact)
                values = say_list([v.name for v in group.values[:3]], "or")
                made_so = say_list([v.name for o in opts if (g := product.group(o.group)) is not None
                                    and (v := g.value(o.value)) is not None])
                return out.say(f"Okay, {made_so}. And what {group_name(group)} would you like for the {product.name}: "
                               f"{values}?")
            if choice_asked_of(parse) and not parse.items and not options_for(product, specs)[0]:
                return self._asked_while_waiting(pending, parse, out)  # "do they run small or are they true to
                # size": a question of no choice the item has, answered, and its size still asked
            self.state.pending = None
            return None
        compared = values_compared(product, group, specs, parse)
        if compared and not parse.items:  # "what's the difference between the four way and the seven way": no pick
            values = say_list([v.name for v in group.values[:3]], "or")
            return out.say(f"{compare_reply(product, group, compared)}. Which {group_name(group)} would you like: "
                           f"{values}?")
        rest, besides = _answered_for_the_rest(parse, product.sku, list(pending.rest), besides)
        self.state.pending = None
        quantity = item.quantity if recount is None else recount
        for it in parse.items:
            if product.sku in it.skus and it.quantity:
                quantity = it.quantity
        split = _parted(specs, parse.tokens, item.quantity)
        if split:  # "two flights" - "one with the ipa and the lager and the other with the stout": a line each
            return editing.add_items(self.state, self.lex, [
                ItemSpec(item.skus, n, [*item.options, *mine], item.start, item.end, True) for n, mine in split
            ] + list(rest), out)
        parts = _shares(product, group.code, specs, parse.tokens, item.quantity)
        if parts:  # "two bubble teas" - "one taro and one matcha": a line each
            others = [s for s in specs if all(s is not spec for _, spec in parts)]
            lines = [ItemSpec(item.skus, n, [*item.options, *others, spec], item.start, item.end, True)
                     for n, spec in parts]
            return editing.add_items(self.state, self.lex, [*lines, *rest], out)
        spec = ItemSpec(item.skus, quantity, [*item.options, *specs], item.start, item.end, True)
        if cue.has(parse.tokens, cue.EVERY_LINE):  # "chicken for both": the waiting items that ask the same; "both
            # large in wraps": every choice said, to each waiting item that has none of its group yet
            by_group: dict[str, list[OptionSpec]] = {}
            for s in specs:
                if (code := next((t.group for t in s.targets if product.group(t.group) is not None), None)):
                    by_group.setdefault(code, []).append(s)
            for code, chosen in by_group.items():
                rest = [_with_choice(self.lex, it, code, chosen) for it in rest]
        return editing.add_items(self.state, self.lex, [spec, *rest, *besides], out)

    def _added_aside(self, pending: Pending, product: Product, group: OptionGroup, parse: Parse,
                     out: Outcome) -> Outcome | None:
        """"Some dog food" - "what size for the dog food?" - "and a red leash": another item said while an item
        waits for a required choice joins the items said with it, and the waiting item is asked about again (it is
        never dropped unasked); "the leash should be blue" changes such an item still waiting. None when the turn
        is something else (a product swapped, a question, a change of what is in the cart)."""
        if parse.question or parse.replace or parse.replaces is not None or parse.ref in ("more", "all", "other"):
            return None
        rest = list(pending.rest)
        toks = parse.tokens
        changes = rest and all(any(set(it.skus) & set(r.skus) for r in rest) and it.options and (
            parse.intent == Intent.MODIFY or 0 < it.start <= len(toks) and toks[it.start - 1] in ("the", "that"))
            for it in parse.items)  # "the leash should be blue": the leash said with it; "and a blue leash": another
        lead = next((t for t in toks if t not in _LEAD_FILL or t in _ADDING_LEADS), "")
        more = lead in _ADDING_LEADS or cue.has(toks, _ALSO)  # "oh and a red leash", "a leash too": besides it
        # ("a white claw then", "a cobb and a caesar": the waiting item's answer or its replacement, not more)
        if parse.intent == Intent.ADD and more and not changes and all(product.sku not in it.skus for it in parse.items):
            if all((r := resolve_item(self.lex, it)).product is not None and r.missing is None for it in parse.items):
                done = editing.add_items(self.state, self.lex, parse.items, Outcome())  # complete: in the cart now
                self.state.pending = pending
                said = " ".join(done.parts[:done.readback_at] if done.readback_at is not None else done.parts[:1])
                said = said.rstrip(".") or "Sure"
            else:
                rest.extend(parse.items)  # each asks a choice of its own: after this one
                said = "Sure, and the " + say_list([self.lex.products[it.skus[0]].name for it in parse.items
                                                    if len(it.skus) == 1 and it.skus[0] in self.lex.products] or ["rest"])
        elif changes:
            for it in parse.items:  # "a leash, red" waiting - "the leash should be blue": blue, not red
                k = next(i for i, r in enumerate(rest) if set(it.skus) & set(r.skus))
                said_groups = {t.group for o in it.options for t in o.targets}
                kept = [o for o in rest[k].options if not {t.group for t in o.targets} & said_groups]
                rest[k] = ItemSpec(rest[k].skus, it.quantity or rest[k].quantity, [*kept, *it.options],
                                   rest[k].start, rest[k].end, rest[k].exact)
            said = "Okay, I've changed that"
        else:
            return None
        pending.rest = rest
        values = say_list([v.name for v in group.values[:3]], "or")
        return out.say(f"{said}. And what {group_name(group)} would you like for the {product.name}: {values}?")

    def _removed_aside(self, pending: Pending, product: Product, group: OptionGroup, parse: Parse,
                       out: Outcome) -> Outcome:
        """"Six wings and a sprite" - "what sauce for the wings?" - "remove the sprite": a removal of something
        else while an item waits for a choice is done where the cart has it, and the waiting item is asked about
        again: a line waiting for a required answer is never dropped unasked."""
        st = self.state
        lines = target_lines(st, self.lex, parse) if parse.items else \
            [ln for ln in st.cart.lines if (made := self.lex.products.get(ln.sku)) is not None
             and options_for(made, parse.options)[0] and line_has(ln, self.lex, parse.options)]
        if lines:
            st.pending = None
            editing.remove(st, self.lex, parse, out)
        else:
            out.say("I couldn't find that in your cart")
        st.pending = pending
        values = say_list([v.name for v in group.values[:3]], "or")
        return out.say(f"What {group_name(group)} would you like for the {product.name}: {values}?")

    def _product_said(self, toks: Sequence[str], item: ItemSpec) -> bool:
        """Some name of the item's product is said in its words (not only a choice that product offers)."""
        window = toks[item.start:item.end]
        return any(t.kind == "product" and t.sku in item.skus for a in range(len(window))
                   for b in range(a + 1, min(len(window), a + self.lex.max_len) + 1)
                   for t in self.lex.phrases.get(tuple(window[a:b]), ()))

    def _value_named(self, product: Product, group: OptionGroup, toks: Sequence[str], item: ItemSpec) -> OptionSpec | None:
        """The value of ``group`` said with the words that also name the product of ``item``, if any."""
        for fill in (frozenset(("one",)), _PART_FILL):  # the words as said ("steak and cheese"), then without a
            # part's words ("... and the other one orange")
            at = [i for i in range(item.start, item.end)
                  if toks[i] not in GLUE and toks[i] not in fill and not toks[i].isdigit()]
            if not at:
                continue
            for last in sorted(singulars(toks[at[-1]]), key=lambda w: w != toks[at[-1]]):
                # the words as said, then the last one as its singular ("two italian bmts": the sub italian bmt)
                said = (*(toks[i] for i in at[:-1]), last)
                targets = tuple(t for t in self.lex.phrases.get(said, ()) if t.kind == "option"
                                and t.group == group.code and group.value(t.value) is not None)
                if targets:
                    return OptionSpec(targets, pos=at[0])
        return None

    def _part_named(self, product: Product, toks: Sequence[str], item: ItemSpec, *, loose: bool = False
                    ) -> OptionSpec | None:
        """"which main for the bento box?" - "chicken katsu with a spicy tuna roll": a product said after "with" (and
        an article) in the answer that is also a value of another group of the product asked about is that
        choice of it, not a product of its own (``loose``: said anywhere in the answer)."""
        k = item.start - 1 - (item.start >= 1 and toks[item.start - 1] in ("a", "an", "the"))
        if not loose and (k < 0 or toks[k] not in _WITH):
            return None
        for group in product.option_groups:
            found = self._value_named(product, group, toks, item)
            if found is not None:
                return found
        return None

    def _asked_answered_besides(self, product: Product, group: OptionGroup, parse: Parse, item: ItemSpec) -> bool:
        """The choice asked about is said in the answer by something other than ``item`` ("which drink for the
        combo?" - "onion rings and a root beer": the root beer): the answer is a list of the waiting item's choices."""
        def answers(spec: OptionSpec) -> bool:
            return any(t.kind == "option" and t.group == group.code and group.value(t.value) is not None
                       for t in spec.targets)
        return any(answers(o) for o in parse.options) or any(
            it is not item and (any(answers(o) for o in it.options)
                                or self._value_named(product, group, parse.tokens, it) is not None)
            for it in parse.items)

    def _pick_product(self, pending: Pending, parse: Parse, out: Outcome) -> Outcome | None:
        cands = [self.lex.products[s] for s in pending.candidates if s in self.lex.products]
        several = _one_built_up(self.lex, pending, parse) or _several_picked(pending, parse)
        if several:  # "two ramens" - "a tonkotsu and a miso": both, one each
            self.state.pending = None
            return editing.add_items(self.state, self.lex, [*several, *pending.rest], out)
        chosen = None
        for it in parse.items:
            hit = [s for s in it.skus if s in pending.candidates]
            if len(hit) == 1:
                chosen = hit[0]
        if chosen is None and cands and (parse.ordinal is not None or parse.ref in ("cheaper", "pricier")
                                         or (parse.options and not parse.items)):
            pick, _ = pick_shown(self.lex, [c.sku for c in cands], parse, None)
            chosen = pick.sku if pick is not None else None
        named = _named_without_noun(cands, parse.options) if not parse.items else None
        chosen = chosen or named
        self.state.pending = None
        if chosen is None:
            return None
        item = pending.item or ItemSpec((chosen,))  # ("honey" for the honey galette: its name, no honey on it)
        extra = [o for it in parse.items for o in it.options] + ([] if named == chosen else list(parse.options))
        spec = ItemSpec((chosen,), item.quantity, [*item.options, *extra], item.start, item.end, True)
        return editing.add_items(self.state, self.lex, [spec, *pending.rest], out)

    # --- acting on the intent ---------------------------------------------------------------------
    def _dispatch(self, p: Parse, out: Outcome) -> Outcome:
        st, lex = self.state, self.lex
        i = p.intent
        if i in _BROWSABLE and p.ref != "next" and not p.ordering:
            answered = browse.answer(st, lex, self.store, p, out)
            if answered is not None:
                return answered
        if i == Intent.ADD and p.asked_about and cue.has(p.tokens, cue.QUESTION_PRICE):
            out.say(answers.prices_asked(lex, p.asked_about))  # "how much is a muffin, and I'll have a latte"
        if i == Intent.EMPTY:
            return out.say("Sorry, I didn't hear anything. What would you like?")
        if i == Intent.GREET:
            return out.say(f"Hi, welcome to {self.shop.name}. What can I get you?")
        if i == Intent.HUMAN:
            return out.act(Action.HANDOFF).say("Okay, I'll get a person to help you. One moment please.")
        if i == Intent.GOODBYE:
            out.act(Action.END)
            if st.cart.lines:
                return out.say("Your order was not placed. Goodbye, and thanks for stopping by!")
            return out.say("Goodbye, and thanks for stopping by!")
        if i == Intent.THANKS:
            return out.say("You're welcome! Anything else?")
        if i == Intent.HELP:
            return out.say(answers.HELP)
        if i == Intent.REPEAT:
            return out.say(st.last_reply.text if st.last_reply else "I haven't said anything yet. What would you like?")
        if i == Intent.SEARCH:
            return answers.more_of_list(st, lex, out) if p.ref == "next" else answers.search(st, lex, p, out)
        if i == Intent.PRICE:  # about a line in the cart made otherwise: an offer to change it, else one more
            return what_if.offer(st, lex, p, out) or answers.price(st, lex, p, out)
        if i == Intent.STOCK:
            return answers.stock(st, lex, self.store, p, out)
        if i == Intent.OPTIONS:
            return answers.options(st, lex, self.store, p, out)
        if i == Intent.DESCRIBE:
            return answers.describe(st, lex, p, out)
        if i in (Intent.MODIFY, Intent.ADD) and (total := self._total_said(p, out)) is not None:
            return total  # "there should be three yo-yos, add a glow in the dark one": the one missing
        if (i == Intent.MODIFY or i == Intent.ADD and (cue.has(p.tokens, cue.CORRECTION) or _REMAKE & set(p.tokens[:2])
                                                       or self._parts_of_line(p))) \
                and (shared := self._shared_line(p, out)) is not None:
            return shared  # "actually two garlic and one plain" to three naans: those three, shared
        if i == Intent.ADD:
            return self._add(p, out)
        if i == Intent.MODIFY and (excepted := editing.all_but(st, lex, p, out)) is not None:
            return excepted  # "all with white rice except kevin's sesame he wants lo mein"
        if i == Intent.MODIFY:
            return editing.modify_every(st, lex, p, out) if p.ref == "all" else editing.modify(st, lex, p, out)
        if i == Intent.REMOVE:
            return editing.remove(st, lex, p, out)
        if i == Intent.CLEAR:
            return editing.clear(st, out)
        if i == Intent.CART:
            return answers.cart(st, lex, out.say(answers.focus_price(st, lex, p.tokens)))
        if i == Intent.CHECKOUT or (i == Intent.AFFIRM and st.cart.lines):
            return self._checkout(out)
        if i == Intent.AFFIRM:
            if st.placed:
                return out.say(f"Your order number {say_digits(st.placed[-1].number)} is already placed. Anything else?")
            return out.say("Great. What would you like?")
        if i == Intent.DENY:
            return out.say("Okay. What would you like?")
        if i == Intent.ORDER_STATUS:
            number = p.order_number or (st.placed[-1].number if st.placed else None)
            if number is None:
                st.pending = Pending(PendingKind.ORDER_NUMBER, group="status")
                return out.say("What's your order number?")
            return placed.status(self.store, st, number, out)
        if i == Intent.CANCEL_ORDER:
            number = p.order_number or (st.placed[-1].number if st.placed else None)
            if number is None and st.cart.lines:
                return editing.clear(st, out)
            if number is None:
                st.pending = Pending(PendingKind.ORDER_NUMBER, group="cancel")
                return out.say("What's the order number you'd like to cancel?")
            return placed.ask_cancel(self.store, st, self.lex, number, out)
        if i == Intent.ORDER_TYPE:
            out.say(f"Okay, {ORDER_TYPES.get(st.order_type or '', 'noted')}")
            if st.cart.lines:
                return editing.readback(st, lex, out)
            return out.say("What would you like?")
        if i == Intent.SHOP_INFO:
            return answers.shop_info(self.shop, p, out)
        faq = self.shop.answer(p.text)
        if faq:
            return out.say(faq)
        return out.say(f"Sorry, I can only help with {self.shop.name} and your order. "
                       "You can ask what we have, or tell me what you'd like")

    def _shared_line(self, p: Parse, out: Outcome) -> Outcome | None:
        """"Two notebooks" - "one grid and one lined", "three rolls of tape" - "actually two clear and one brown": a
        change that shares the line of several among parts, each with its own count and choices, the counts adding
        up to the line's (see :func:`_parted`); None when the turn says no such parts."""
        specs = [*p.options, *p.rest_options, *(o for it in p.items for o in it.options)]
        all_but = p.ref == "all" and (parts_of(p.tokens)[:1] or [(0, 0)])[0][1] is None  # "all ... except one ..."
        every = _every_after_parts(p.tokens, {o.pos for o in specs}) if p.ref == "all" and not all_but else -1
        shared = [o for o in specs if every >= 0 and o.pos > every]  # "one white one navy both large": each part's
        specs = [o for o in specs if o not in shared]
        line = modify_target(self.state, self.lex, replace(p, ref=None)) if specs and (p.ref != "all" or all_but or shared) \
            and not p.replace else None
        if line is None or any(it.skus != (line.sku,) for it in p.items):
            return None  # "three rolls of tape" - "two clear and one brown": "brown" may name the tape itself
        at = {o.pos for o in specs}  # "one hot one iced": a part opens at a "one" right before a choice
        start = p.items[0].end if len(p.items) == 1 and all(o.pos >= p.items[0].end for o in specs) else 0
        # ("make the avocados two ripe and two firm": the parts are said after the line's name)
        counts = {a for a, _ in parts_of(p.tokens, start, choices=at)}  # a part's count is no choice (not a "2 ring"
        parts = _parted([o for o in specs if o.pos not in counts], p.tokens, line.quantity, plain=True, start=start,
                        choices=at) \
            or _restated_parts(p) or halves_of_line(self.lex, p.tokens, line.sku, line.quantity, specs)
        parts = [(n, [*mine, *shared]) for n, mine in parts]
        return editing.share_line(self.state, self.lex, line, parts, out) if parts else None

    def _parts_of_line(self, p: Parse) -> bool:
        """"Three cheese pizzas" - "one with mushrooms, one with sausage and one plain": items said only by their
        counts and choices (the product is the line's, never named), with no word of more ("and", "also",
        "another"), are parts of the line in focus when their counts add up to it (:meth:`_shared_line`), not
        more of it."""
        lead = next((t for t in p.tokens if t not in _LEAD_FILL or t in _ADDING_LEADS), "")
        return bool(p.items) and not any(self._product_said(p.tokens, it) and not _said_plain(p.tokens, it)
                                         for it in p.items) \
            and len(parts_of(p.tokens)) > 1 and p.ref != "more" \
            and lead not in _ADDING_LEADS and not cue.has(p.tokens, _ALSO)

    def _add(self, p: Parse, out: Outcome) -> Outcome:
        st = self.state
        if p.items and (theirs := people.someones_again(st, self.lex, p.tokens, p.items)) is not None:
            return editing.more_of(st, self.lex, theirs, replace(p, items=(), options=tuple(p.items[0].options)), out)
            # ("one more of my son's smoothie": his line again)
        if p.items:
            self._change_focus_first(p, out)
            items = people.each_of_us(st, p.tokens, p.items)  # "a miso soup for each of us"
            filled = editing.fill_announced(st, self.lex, p.tokens, items, out)  # "i want to order a pie" - "a large"
            if filled is not None:
                return filled
            out.say(sorry_unheard(p))  # "a bottle of advil and a box of tissues": the tissues said as not found
            done = editing.add_items(st, self.lex, matching(st, self.lex, p, [like_before(st, self.lex, p, spec) for spec in items]),
                                     out)
            editing.note_announced(st, p.tokens, items)
            return done
        line = st.focus()
        if p.ref == "all" and p.quantity:  # "one more of everything"
            return again.more_of_lines(st, self.lex, [(ln, p.quantity) for ln in st.cart.lines], out)
        if p.ref == "more" and not p.options and said_again(p.tokens) and (ordered := again.last_order(st)):
            return again.more_of_lines(st, self.lex, ordered, out)  # "cod and chips" - "the same again"
        nth = nth_line_for_more(p.tokens, p.ordinal, len(st.cart.lines)) if p.ref == "more" else None
        if nth is not None:  # "one more of the first one": the first line of the cart, not the one in focus
            return editing.more_of(st, self.lex, st.cart.lines[nth], p, out, _parts_of_more(p))
        if p.ref == "more" and p.selector and len(chosen := lines_by_selector(st, self.lex, p.selector)) == 1:
            line = chosen[0]  # "one more of the cones": the line in the waffle cone
        if p.ref == "more" and p.options and said_again(p.tokens) \
                and (remade := again.again_made_so(st, self.lex, p.options)):
            return again.lines_made_again(st, self.lex, remade, out)  # "same again in blue": the red set, in blue
        if p.ref == "more" and p.options and line is not None and not line_has(line, self.lex, list(p.options)):
            made = [ln for ln in st.cart.lines if line_has(ln, self.lex, list(p.options))]
            if offers_all(self.lex, line, p.options) and cue.find(p.tokens, _ANOTHER_ONE) >= 0:
                made = [ln for ln in made if ln.sku == line.sku]  # (not "and another one for him, a kids one" after
                # a lift ticket, a kids snowboard in the cart: one more ticket, made for kids)
            line = made[-1] if made else line  # "two more honeycrisp" with eggs in focus: the honeycrisp apples
        if p.ref == "more" and line is not None and line.sku in self.lex.products:
            return editing.more_of(st, self.lex, line, p, out, _parts_of_more(p))
        if st.shown and (p.ref in ("it", "cheaper", "pricier") or p.ordinal is not None or p.options):
            pick, among = pick_shown(self.lex, st.shown, p, st.topic, st.said)
            if pick is not None:
                each = _counted_values(pick, list(p.options), p.tokens)
                each = each if p.quantity is None or any(n == p.quantity for n, _ in each) else []
                each = each or _parts_of_count(p)  # "two of them, one with cherry one plain"
                return editing.add_items(st, self.lex, [ItemSpec((pick.sku,), n, specs) for n, specs in each]
                                         or [ItemSpec((pick.sku,), p.quantity, list(p.options))], out)
            if among:  # "that one" right after a list of several: which?
                if p.ref in ("cheaper", "pricier"):
                    out.say("Those are the same price")
                spec = ItemSpec(tuple(c.sku for c in among), p.quantity, list(p.options))
                return editing.ask_product(st, spec, among, [], out)
        return out.say("Sure. What would you like?")

    def _total_said(self, p: Parse, out: Outcome) -> Outcome | None:
        """"There should be three pies", "there should be two pints, the pistachio and a butter pecan": the units
        the cart holds count toward the total said (:mod:`dialogue.totals_said`); None when the turn is no such
        total."""
        st = self.state
        said = totals_said.missing(self.lex, st.cart.lines, p.tokens, p.items) if st.cart.lines else None
        if said is None:
            return None
        line, total, new = said
        if line is None:
            return editing.add_items(st, self.lex, new, out)
        st.focus_line = line.line_id
        recount = replace(p, intent=Intent.MODIFY, items=(), options=(), quantity=total, ref="it", replace=False,
                          replaces=None, portion=None)
        return editing.modify(st, self.lex, recount, out)

    def _change_focus_first(self, p: Parse, out: Outcome) -> None:
        """"A latte" - "large, and a cookie too", "oat please and also a muffin": choices said on their own before
        the new items (no item of the turn took them) change the line in focus when it offers them all, and the
        change is said before the items are added; the read-back after the items covers both."""
        st = self.state
        line = st.focus()
        product = self.lex.products.get(line.sku) if line is not None else None
        if not p.options or product is None or p.ref == "all":
            return
        opts, removals, unavailable = options_for(product, p.options, line.options if line else ())
        if unavailable or not (opts or removals):
            return
        if st.pending is not None and st.pending.kind == PendingKind.CONFIRM_CHANGE:
            st.commit()  # carrying on ordering accepts what was read back, as when only items are added
        scratch = Outcome()
        editing.modify(st, self.lex, replace(p, intent=Intent.MODIFY, items=(), quantity=None, selector=()), scratch)
        st.pending = None
        out.parts.extend(scratch.parts[:1])  # "Okay, one large latte"; the read-back comes after the items
        for action in scratch.actions:
            out.act(action)

    def _checkout(self, out: Outcome, *, question: str = PLACE_QUESTION) -> Outcome:
        return read_back(self.state, self.lex, out, question=question)

    def _place(self, out: Outcome) -> Outcome:
        """Place the cart as an order: only right after a complete read-back of exactly this cart."""
        st = self.state
        if not st.cart.lines:
            st.pending = None
            return out.say("Your cart is empty. What would you like?")
        if not st.readback_current():
            return self._checkout(out)  # read it back (again) and ask; never place what was not read
        st.pending = None
        metadata = {"channel": st.channel, "session": st.session_id}
        if st.order_type:
            metadata["order_type"] = st.order_type
        try:
            order = self.store.place_order(st.cart, customer=st.customer or "walk-in",
                                           idempotency_key=st.idempotency_key(), metadata=metadata)
        except OutOfStock as exc:
            return out.say(f"Sorry, {exc.name} is {'sold out' if exc.available <= 0 else f'down to {exc.available}'}. "
                           "What would you like instead?")
        except CatalogError:
            log.exception("placing an order failed")
            return out.say("Sorry, I couldn't place the order just now. Your cart is kept; "
                           "please try again in a moment, or ask for a person")
        st.commit()
        st.readback = None
        st.placed.append(order)
        st.checkouts += 1
        st.cart = Cart(currency=st.cart.currency, tax_rate_bp=st.cart.tax_rate_bp)
        st.focus_line, st.shown = None, []
        st.owners = {}  # the new cart numbers its lines from 1 again: no mark is left to fall on them
        out.order_number = order.number
        return out.act(Action.ORDER_PLACED).act(Action.CART_CHANGED).say(
            f"Thank you! Your order is placed. Your order number is {say_digits(order.number)}")


_PendingHandler = Callable[[Policy, Pending, Parse, Outcome], "Outcome | None"]
# One handler per question the assistant may have asked (every PendingKind has one: checked at import).
_PENDING_HANDLERS: dict[PendingKind, _PendingHandler] = {
    PendingKind.LOW_CONF: Policy._answer_low_conf,
    PendingKind.CHECKOUT: Policy._answer_readback_kind,
    PendingKind.CONFIRM_CHANGE: Policy._answer_readback_kind,
    PendingKind.OFFER: Policy._answer_offer,
    PendingKind.CLARIFY_OPTION: Policy._answer_option,
    PendingKind.CLARIFY_PRODUCT: Policy._answer_product,
    PendingKind.CANCEL_ORDER: Policy._answer_cancel_order,
    PendingKind.ORDER_NUMBER: Policy._answer_order_number,
}
assert set(_PENDING_HANDLERS) == set(PendingKind), "a PendingKind without a handler"


def _shares(product: Product, group_code: str, specs: list[OptionSpec], toks: Sequence[str],
            quantity: int | None) -> list[tuple[int, OptionSpec]]:
    """An answer that shares a line of several among values of the one-choice group just asked about ("one
    taro and one matcha" for two bubble teas): (count, value) per part when the parts add up to the line's
    count, each value's count said just before it (none said: one); else nothing. A line whose count was not said
    ("i need wiper blades" - "a 24 and an 18") is shared so when every part has its own count or article, or when
    the values are said as a list joined by "and" ("i need some herbs" - "basil and um rosemary": one of each, as
    one line cannot hold two choices of a one-choice group)."""
    group = product.group(group_code)
    if quantity is not None and quantity < 2 or group is None or group.multiple and quantity is None:
        return []  # (a group of several choices is shared only by a count said before each: "three ice creams" -
    # "one mango sorbet one chocolate and one mint chip", never "mango and chocolate": two flavours of one)
    mine = [s for s in specs if s.pos >= 0 and any(t.group == group.code and group.value(t.value) is not None
                                                    for t in s.targets)]
    if len(mine) < 2 or len({s.pos for s in mine}) < len(mine):
        return []
    mine.sort(key=lambda s: s.pos)
    listed = quantity is None and _listed(mine, toks)
    parts: list[tuple[int, OptionSpec]] = []
    for s in mine:
        k = s.pos - 1
        while k >= 0 and toks[k] in ("of", "the", "with", "in", "as") or k >= 0 and listed and toks[k] in _FILLERS:
            k -= 1
        said = toks[k] if 0 <= k < len(toks) else ""
        if (quantity is None or group.multiple) and not (said.isdigit() or said in _A_COUNT or listed and not group.multiple):
            return []
        parts.append((int(said) if said.isdigit() else 1, s))
    return parts if quantity is None or sum(n for n, _ in parts) == quantity else []


def _offer_shared(product: Product, offered: ItemSpec, parse: Parse) -> list[ItemSpec]:
    """"Would you like one?" about tamales - "two of the red pork and one chicken": values of one of the product's
    one-choice groups, each with its own count said before it, are a line each (the other choices said on every
    line); empty when the answer is not so shared."""
    for group in product.option_groups:
        if group.multiple:
            continue
        parts = _shares(product, group.code, list(parse.options), parse.tokens, None)
        if parts:
            others = [s for s in parse.options if all(s is not spec for _, spec in parts)]
            return [ItemSpec(offered.skus, n, [*offered.options, *others, spec]) for n, spec in parts]
    return []


_A_COUNT = frozenset({"a", "an", "one"})
_FILLERS = words("fillers")
_LIST_GAP = _FILLERS | _A_COUNT | {"and", "the"}


def _listed(values: Sequence[OptionSpec], toks: Sequence[str]) -> bool:
    """The values (in the order said) are said as a list, "basil and um rosemary", "16, 18 and 22 inch": nothing
    but fillers, articles and "and" between them, and "and" before the last."""
    gaps = [toks[a.pos + max(len(a.said.split()), 1):b.pos] for a, b in zip(values, values[1:], strict=False)]
    return all(t in _LIST_GAP for gap in gaps for t in gap) and "and" in gaps[-1]


def _counted_values(product: Product, specs: list[OptionSpec], toks: Sequence[str]) -> list[tuple[int, list[OptionSpec]]]:
    """"What kind of banh mi do you have" - "two grilled pork and a lemongrass chicken": values of one one-choice
    group of the product talked about, each with its own count or article right before it, are that many lines
    each (a number the product offers no choice for is the count, not a choice of another product, "2" pieces
    of spring rolls); choices said after a value are its line's, before the first every line's. Else nothing
    (one line, as said)."""
    def offered(s: OptionSpec) -> bool:
        return any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in s.targets)

    groups = {t.group for s in specs if s.pos >= 0 and offered(s) for t in s.targets
              if (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None}
    for code in groups:
        mine = sorted((s for s in specs if s.pos >= 0 and any(t.group == code and offered(s) for t in s.targets)),
                      key=lambda s: s.pos)
        if not mine or len({s.pos for s in mine}) < len(mine):
            continue
        counts = [toks[s.pos - 1] if s.pos > 0 else "" for s in mine]
        if not all(c.isdigit() or c in _A_COUNT for c in counts):
            continue
        starts = [s.pos - 1 for s in mine] + [len(toks)]
        kept = [s for s in specs if offered(s) or s.pos not in starts]
        if any(not offered(s) for s in kept):
            return []
        common = [s for s in kept if s.pos < starts[0]]
        return [(int(c) if c.isdigit() else 1, [*common, *(s for s in kept if starts[k] < s.pos < starts[k + 1])])
                for k, c in enumerate(counts)]
    return []


def _ordered_besides(parse: Parse, item: ItemSpec) -> bool:
    """"Which main for the lunch box?" - "chicken and a miso soup": a product said after the answer, joined to it by
    "and" and with an article of its own, is ordered as a product, a line of its own (not the waiting item's other
    choice, as the bare "onion rings" in "onion rings and a root beer" or "... and make it tater tots" are)."""
    return item.start >= 1 and parse.tokens[item.start - 1] in ("a", "an") and _said_besides(parse, item)


def _said_besides(parse: Parse, item: ItemSpec) -> bool:
    """"Which tea?" - "earl grey and add a blueberry muffin", "jasmine, plus a basket of har gow": an item said
    after the answer and joined to it by "and", "plus" or "also" is ordered besides the item asked about (a
    choice of that item said before it would have been taken by it)."""
    said = [o.pos for o in (*parse.options, *(o for it in parse.items if it is not item for o in it.options))
            if 0 <= o.pos < item.start]  # (the answer said as an item of its own: "a coke and two onion rings")
    return bool(said) and any(t in SEPARATORS for t in parse.tokens[max(said):item.start])


def _said_plain(toks: Sequence[str], item: ItemSpec) -> bool:
    """"... and the other one plain": an item said only as its count and a word of plain is a part said plain,
    even when "plain" also stands for a product (a "plain dog")."""
    said = [t for t in toks[item.start:item.end] if t not in _PART_FILL and not t.isdigit()]
    return bool(said) and all(t in _PLAIN_PART for t in said)


_PART_FILL = frozenset({"and", "the", "other", "one", "ones", "rest", "last"})


def _every_after_parts(toks: Sequence[str], choices: Collection[int]) -> int:
    """"Actually one white one navy both large": a word for every line ("both", "all") said after two parts or
    more: where it is (what follows is every part's), else -1."""
    parts = parts_of(toks, choices=choices)
    if len(parts) < 2 or any(n is None for _, n in parts):
        return -1
    return next((k for k in range(parts[-1][0] + 1, len(toks)) if cue.has(toks[k:k + 1], cue.EVERY_LINE)), -1)


def _parted(specs: Sequence[OptionSpec], toks: Sequence[str], quantity: int | None,
            *, plain: bool = False, start: int = 0, choices: Collection[int] = ()) -> list[tuple[int, list[OptionSpec]]]:
    """An answer that shares a line of several into parts, each with its own count and its own choices, any
    number of them and of any group ("two collars" - "one small pink and the other large black"; "two flights" -
    "one with the ipa and the lager and the other with the stout and the porter"): (count, choices) per part
    when the counts add up to the line's ("the other": what is left) and every part has a choice of its own (or,
    with ``plain``, is said plain: "... and one plain" is the line as it is; and with ``plain`` the counts may add
    up to less, the rest staying as it is); choices said before the first part (from token ``start`` on) are every
    part's. Else nothing."""
    parts = parts_of(toks, start, choices) or parts_after(toks, start)  # "nutella on one and blueberries on the other"
    if not quantity or quantity < 2 or not parts:
        return []
    said = sum(n or 0 for _, n in parts)
    counts = [n if n is not None else quantity - said for _, n in parts]
    if any(n < 1 for n in counts) or sum(counts) > quantity or sum(counts) < quantity and not plain:
        return []
    starts = [a for a, _ in parts] + [len(toks)]
    common = [s for s in specs if start <= s.pos < starts[0]]
    out = [(n, [*common, *(s for s in specs if starts[k] <= s.pos < starts[k + 1])]) for k, n in enumerate(counts)]
    own = [len(mine) > len(common) or plain and any(t in _PLAIN_PART for t in toks[starts[k]:starts[k + 1]])
           for k, (_, mine) in enumerate(out)]
    if not all(own) or not any(len(mine) > len(common) for _, mine in out):
        return []
    if sum(counts) < quantity:  # "three chais" - "one with oat and one with soy": the third stays as it is
        out.append((quantity - sum(counts), common))
    return out


def _restated_parts(p: Parse) -> list[tuple[int, list[OptionSpec]]]:
    """"A mango mochi" - "make it two mochi, one mango one strawberry": the line's product said again with a new
    count after a word of change ("make it", "actually"), then parts of that count, each with its own choices: the
    line becomes those parts (the count said is the whole, the parts share it), not the parts added to it. Nothing
    unless the parts (two or more, each with choices) add up to the count said."""
    toks = p.tokens
    if not (_REMAKE & set(toks[:2]) or cue.has(toks, cue.CORRECTION)):
        return []
    counted = next((k for k, t in enumerate(toks) if t.isdigit()), -1)
    first = next((k for k in range(counted + 1, len(toks)) if toks[k] == "one" or toks[k].isdigit()), -1) \
        if counted >= 0 else -1
    specs = [*p.options, *(o for it in p.items for o in it.options)]
    if first < 0 or any(counted <= o.pos < first for o in specs) or int(toks[counted]) < 2:
        return []  # the whole: a count and the product's noun, no choice of its own ("two mochi")
    total = int(toks[counted])
    if not p.items:  # "make it two mochi, one mango and one strawberry"
        return _parted(p.options, toks, total, start=first)
    if len(p.items) < 2 or any(not it.options or it.start < first for it in p.items):
        return []
    parts = [(it.quantity or 1, list(it.options)) for it in sorted(p.items, key=lambda it: it.start)]
    return parts if sum(n for n, _ in parts) == total else []


def _parts_of_more(p: Parse) -> list[tuple[int, list[OptionSpec]]]:
    """"Two more, one with figs and one plain": the more said shared into parts (see :func:`_parted`), from the
    words after "more"; nothing when there are no such parts."""
    at = next((k for k, t in enumerate(p.tokens) if t == "more"), -1)
    if at < 0 or not p.quantity:
        return []
    return _parted(p.options, p.tokens, p.quantity, plain=True, start=at + 1)


def _parts_of_count(p: Parse) -> list[tuple[int, list[OptionSpec]]]:
    """"Two of them, one with cherry one plain": the count said first shared into parts (see :func:`_parted`),
    from the first "one" (or count) after it; nothing when there are no such parts."""
    toks = p.tokens
    counted = next((k for k, t in enumerate(toks) if t.isdigit()), -1)
    first = next((k for k in range(counted + 1, len(toks)) if toks[k] == "one" or toks[k].isdigit()), -1) \
        if counted >= 0 else -1
    if first < 0 or not p.quantity or any(o.pos < first for o in p.options):
        return []
    return _parted(p.options, toks, p.quantity, plain=True, start=first)


def _common_word_answer(group: OptionGroup, lex: Lexicon, toks: Sequence[str]) -> list[OptionSpec]:
    """"Which bagel would you like?" - "everything", "uh all everything", "which plate size?" - "regular": the asked
    group's choices named by their own name or an alias where that is a common word (kept out of the catalog's
    phrases, see ``Lexicon.guarded``)."""
    out = []
    for i, tok in enumerate(toks):
        targets = tuple(t for t in lex.guarded.get(tok, ()) if t.group == group.code
                        and (value := group.value(t.value)) is not None
                        and (tok,) in {phrase_of(n) for n in (value.name, *value.aliases)})
        if targets:
            out.append(OptionSpec(targets, pos=i, said=tok))
    return out


def _offers_spec(product: Product, spec: OptionSpec) -> bool:
    """The product offers a choice ``spec`` names."""
    return any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in spec.targets)


_OF_THEM = (("of", "them"), ("of", "those"), ("of", "these"))


def _names_the_waiting(parse: Parse, sku: str) -> bool:
    """Every item of the turn is the product waiting for a choice, named with "the"/"that" and no count ("can the
    meal be a footlong" while three meal deals wait for their sub): the waiting item itself, not one more."""
    toks = parse.tokens
    return bool(parse.items) and all(
        it.skus == (sku,) and it.quantity is None and 0 < it.start <= len(toks) and toks[it.start - 1] in DEFINITE
        for it in parse.items)


def _count_of_them(parse: Parse) -> int | None:
    """"Ten of them" (fillers aside, nothing named): how many of the thing talked about, as a whole answer."""
    said = [t for t in parse.tokens if t not in _LEAD_FILL and t not in _FILLERS]
    if parse.items or parse.options or len(said) != 3 or not said[0].isdigit() or tuple(said[1:]) not in _OF_THEM:
        return None
    return int(said[0]) if 0 < int(said[0]) < 1000 else None


def _number_answer(group: OptionGroup, toks: Sequence[str]) -> list[OptionSpec]:
    """"Which serves would you like: for two, for four or for six?" - "six": a number said alone (the answer's only
    number) picks the one choice of the asked group whose name or aliases hold that number."""
    nums = [i for i, tok in enumerate(toks) if tok.isdigit()]
    if len(nums) != 1 or tuple(toks[nums[0] + 1:nums[0] + 3]) in _OF_THEM:
        return []  # ("ten of them": how many, not the "10 foot" choice)
    tok = toks[nums[0]]
    hits = [v for v in group.values if any(tok in phrase_of(n) for n in (v.name, *v.aliases))]
    if len(hits) != 1:
        return []
    return [OptionSpec((Target("option", group=group.code, value=hits[0].code),), pos=nums[0], said=tok)]


def _one_built_up(lex: Lexicon, pending: Pending, parse: Parse) -> list[ItemSpec]:
    """"two large pizzas" - "one pepperoni and one sausage": a part of the answer whose own words name no product
    offered, only choices (toppings), is the plainest of those offered built up with them; the others are the
    product they name."""
    item = pending.item
    if item is None or len(parse.items) != 2 or any(len(it.skus) != 1 or it.skus[0] not in pending.candidates
                                                    for it in parse.items):
        return []
    out: list[ItemSpec] = []
    cands = [lex.products[s] for s in pending.candidates if s in lex.products]
    rebuilt = False
    for it in parse.items:
        product = lex.products.get(it.skus[0])
        said = set(parse.tokens[it.start:it.end])
        names = [phrase_of(n) for n in (product.name, *product.aliases)] if product is not None else []
        named = any(name and set(name) <= said for name in names)
        bare = None if named or not it.options else _named_without_noun(cands, it.options)
        if bare is not None:  # "two crepes" - "one nutella and one lemon sugar": the nutella crepe, no nutella added
            out.append(ItemSpec((bare,), it.quantity, list(item.options), it.start, it.end, True))
            rebuilt = True
        elif named or not it.options:
            out.append(ItemSpec(it.skus, it.quantity, [*item.options, *it.options], it.start, it.end, True))
        else:
            out.append(ItemSpec(tuple(pending.candidates), it.quantity, [*item.options, *it.options],
                                it.start, it.end, False))
    return out if (rebuilt or any(not o.exact for o in out)) and sum(o.quantity or 1 for o in out) == item.quantity \
        else []


def _named_without_noun(cands: Sequence[Product], options: Sequence[OptionSpec]) -> str | None:
    """"Which one would you like: nutella crepe, lemon sugar crepe, ...?" - "nutella", "the nutella one": a product
    offered said without its head noun (the noun of the question), though the word alone is also a choice (a
    nutella filling): the one offered product named by those words and one more."""
    if len(options) != 1 or not options[0].said:
        return None
    said = tuple(options[0].said.split())
    names = {p.sku: {n for n in (phrase_of(p.name), *(phrase_of(a) for a in p.aliases)) if n} for p in cands}
    ends = [{n[-1].removesuffix("s") for n in own} for own in names.values()]
    nouns = {w for own in ends for w in own if sum(w in e for e in ends) >= 2}  # "crepe": the question's noun
    hits = {sku for sku, own in names.items() for n in own
            if len(n) == len(said) + 1 and n[:-1] == said and n[-1].removesuffix("s") in nouns}
    return next(iter(hits)) if len(hits) == 1 else None


def _several_picked(pending: Pending, parse: Parse) -> list[ItemSpec]:
    """An answer to "which one?" that names several of the products offered, each with its own count (none
    said: one), adding up to the count asked about when one was said ("two ramens" - "a tonkotsu and a miso"):
    a line each, with what was said of the whole ("two large ramens": large on each); else nothing."""
    item = pending.item
    if item is None or len(parse.items) < 2 or any(len(it.skus) != 1 or it.skus[0] not in pending.candidates
                                                   for it in parse.items):
        return []
    if len({it.skus[0] for it in parse.items}) < len(parse.items):
        return []
    if (item.quantity or 1) > 1 and sum(it.quantity or 1 for it in parse.items) != item.quantity:
        return []  # "three ramens" - "a tonkotsu and a miso": not shared out on a guess
    return [ItemSpec(it.skus, it.quantity, [*item.options, *it.options], it.start, it.end, True) for it in parse.items]
