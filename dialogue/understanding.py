"""Understanding behind a small interface: ``parse(text, context) -> Parse``.

The default :class:`RuleUnderstanding` is rule based, deterministic and fast (a lexicon lookup and a few
phrase scans per turn). A later LLM-backed variant implements the same :class:`Understanding` Protocol
and returns the same :class:`Parse`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from catalog.models import OptionGroup, Product
from dialogue import confirm, redo
from dialogue import intents as cue
from dialogue.amounts import qualifier_before
from dialogue.attach import bought_for
from dialogue.browse_data import superlative
from dialogue.choice_items import choices_as_one_item
from dialogue.counts import CountIssue, count_issue, pack_size
from dialogue.intents import Intent
from dialogue.items import (
    choice_one_of_the_line,
    extract_items,
    kind_named_alone,
    one_of_the_kind,
    per_item,
    swap_frame,
    swapped_within,
)
from dialogue.kinds import kind_group
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import (
    Mention,
    alone_said,
    choices_in_a_name,
    choices_of_named_group,
    find_mentions,
    focus_choices,
    group_of_named_line,
    package_of_line,
    prepare,
    sold_alone,
)
from dialogue.normalize import clauses, is_question, pieces, tokens
from dialogue.numbers import (
    COUNT_UNITS,
    ORDINALS,
    PRICE_WORDS,
    TENS,
    UNITS,
    digit_string,
    price_range,
    to_digits,
)
from dialogue.ones import choice_one_of_the_topic, line_of_a_name_word
from dialogue.owners import owner_by_name_word, value_owner
from dialogue.people import same_for_someone, whose_said
from dialogue.phrasebook import phrases, rule, words
from dialogue.quantity import (
    GLUE,
    counted_by_unit,
    counted_in_units,
    each_of_values,
    measure_each,
    offered_pieces,
    packs_of,
    piece_count,
    sold_by_the_pair,
)
from dialogue.references import (
    a_time,
    as_it_was,
    choice_said_over,
    count_corrected,
    count_of,
    instead_split,
    line_holding,
    part_of_line,
    parts_of,
    portion,
    recount,
    the_other,
)
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.spelled import spelled_out
from dialogue.words import COMMON


@dataclass(frozen=True)
class Context:
    """What the session tells the understanding about the conversation so far."""

    pending: str | None = None  # "confirm_change", "checkout", "clarify_option", "clarify_product", ...
    expect_group: str | None = None  # the option group just asked about
    expect_sku: str | None = None  # the product whose choice of that group was just asked
    candidates: tuple[str, ...] = ()  # product SKUs just offered
    last_sku: str | None = None  # product of the line last touched
    has_lines: bool = False
    shown: tuple[str, ...] = ()  # products just listed or talked about
    line_skus: tuple[str, ...] = ()  # products of the cart lines, oldest first
    line_options: tuple[tuple[tuple[str, str], ...], ...] = ()  # (group, value) of each line's choices, as line_skus
    listing: bool = False  # several products were just listed and none picked since
    topic: str | None = None  # the one product talked about last
    listed: tuple[str, str] | None = None  # (sku, group): that product's choices of that group were just listed
    focus_units: int = 0  # units in the cart lines of the product in focus ("and a naan for each" of them)
    focus_options: tuple[tuple[str, str], ...] = ()  # (group, value) of each choice the line in focus holds
    focus_fresh: bool = False  # the line in focus was ordered or changed by the turn before
    focus_quantity: int = 0  # units of the line in focus itself ("double that": twice as many)


@dataclass(frozen=True)
class Parse:
    """What one turn says, as the policy reads it: frozen, so nothing downstream rewrites the reading (a change
    is a new record: ``dataclasses.replace``). Token positions (``ItemSpec.start``, ``OptionSpec.pos``,
    ``option_at``) index ``tokens``. Built by :meth:`ParseDraft.freeze` (the rules) or by the model stage
    (:mod:`dialogue.llm`)."""

    intent: Intent  # what the turn does (the policy dispatches on it)
    text: str = ""  # the turn as said
    tokens: tuple[str, ...] = ()  # normalised tokens: number words as digits, misheard words corrected
    items: tuple[ItemSpec, ...] = ()  # the products named, in spoken order, each with its count and choices
    options: tuple[OptionSpec, ...] = ()  # choices attached to no product named in this turn
    groups: tuple[str, ...] = ()  # option groups named ("what milks ...")
    quantity: int | None = None  # a bare quantity ("actually three")
    affirm: bool = False  # a yes somewhere in the turn (the confirmation slot reads the turn on its own)
    deny: bool = False  # a no somewhere in the turn
    question: bool = False  # some sentence of the turn is a question
    order_type: str | None = None  # "here" / "to go" when said
    min_cents: int | None = None  # "over five dollars"
    max_cents: int | None = None  # "under five dollars"
    order_number: str | None = None  # the digits of an order number said
    ordinal: int | None = None  # "the second one" (1-based, -1 = last)
    ref: str | None = None  # "it", "more" (another / same again), "cheaper", "pricier", "all", "other", "only"
    replace: bool = False  # "make that a mocha": swap the product of the line in focus
    replaces: ItemSpec | None = None  # "a mocha instead of the latte": the item whose line is swapped
    count_issue: CountIssue | None = None  # "0 scones", "-3 muffins", "2 1/2 lattes": asked, never altered
    search_words: tuple[str, ...] = ()  # the words a search is made of
    ordering: bool = False  # some item was named outside a question sentence
    hold: bool = False  # an order followed by a question: answer, then offer the item (not added yet)
    portion: int | None = None  # "make one of them iced": how many units of a line the change is for
    rest_options: tuple[OptionSpec, ...] = ()  # "... and the other one decaf"
    option_at: frozenset[int] = frozenset()  # token positions inside option mentions ("size 10")
    selector: tuple[OptionSpec, ...] = ()  # "make the mango one half sugar": how the line meant is made
    asked_about: tuple[ItemSpec, ...] = ()  # "how much is a muffin, and I'll have a latte": named only in a question


@dataclass
class ParseDraft:
    """The working record while the rules read a turn (the same fields as :class:`Parse`, mutable);
    :meth:`freeze` gives the :class:`Parse` the policy reads."""

    intent: Intent
    text: str = ""
    tokens: list[str] = field(default_factory=list)
    items: list[ItemSpec] = field(default_factory=list)
    options: list[OptionSpec] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    quantity: int | None = None
    affirm: bool = False
    deny: bool = False
    question: bool = False
    order_type: str | None = None
    min_cents: int | None = None
    max_cents: int | None = None
    order_number: str | None = None
    ordinal: int | None = None
    ref: str | None = None
    replace: bool = False
    replaces: ItemSpec | None = None
    count_issue: CountIssue | None = None
    search_words: list[str] = field(default_factory=list)
    ordering: bool = False
    hold: bool = False
    portion: int | None = None
    rest_options: list[OptionSpec] = field(default_factory=list)
    option_at: frozenset[int] = frozenset()
    selector: list[OptionSpec] = field(default_factory=list)
    asked_about: list[ItemSpec] = field(default_factory=list)

    def freeze(self) -> Parse:
        return Parse(
            self.intent, self.text, tuple(self.tokens), tuple(self.items), tuple(self.options), tuple(self.groups),
            self.quantity, self.affirm, self.deny, self.question, self.order_type, self.min_cents, self.max_cents,
            self.order_number, self.ordinal, self.ref, self.replace, self.replaces, self.count_issue,
            tuple(self.search_words), self.ordering, self.hold, self.portion, tuple(self.rest_options),
            self.option_at, tuple(self.selector), tuple(self.asked_about))


class Understanding(Protocol):
    def parse(self, text: str, context: Context) -> Parse: ...


_LEAD_FILL = words("lead_fill")
_CHEAPER = phrases("cheaper")
_PRICIER = phrases("pricier")
_REPEAT_ANYWHERE = phrases("repeat_anywhere")
_CALL_BACK = phrases("call_back")
_RULE_REST_OF_LIST = rule("rest_of_list")
_ASKS_FOR = phrases("asks_for")
_RULE_TAKE_SHOWN = rule("take_shown")
_NOT_CHECKOUT = phrases("not_checkout")
_RULE_PRICE_OF_TOPIC = rule("price_of_topic")
_RULE_CHOICES_ASKED = rule("choices_asked")
_PRICE_LIMIT = phrases("price_limit")
_COMES_IN = phrases("comes_in")
_MAKE_IT = phrases("make_it")
_COUNTED_PIECES = words("counted_pieces")
_AS_IT_COMES = words("as_it_comes")
_MAKE_THE = phrases("make_the")
_MAKE_THE_PAIRS = frozenset(ph for ph in _MAKE_THE if len(ph) == 2)
_REPLACE_LINE = phrases("replace_line")
_UNDO_LAST = phrases("undo_last")
_ADDING = phrases("adding")
_SETTLED = phrases("settled_for")
_ALSO = phrases("also")
_ADDABLE = phrases("addable")
_KIND_OF = phrases("kind_of")
_RECOUNT_LEADS = words("recount_leads")
_JUST_WORDS = words("just_count_leads")
_JUST_REST = words("just_count_rest")
_RECOUNT_AFTER = words("recount_after")
_COUNT_OF_THEM = phrases("count_of_them")
_LEAD_FILL = words("lead_fill")
_PACKAGES = words("packages")
_PACK_WORDS = words("pack_words")
_SERVINGS = words("servings")
_ONTO_LINE = phrases("onto_line")
_ONTO_LINE_LEAD = phrases("onto_line_lead")
_ONTO_LINE_VERBS = phrases("onto_line_verbs")
_SWAP_VERBS = words("swap_verbs")
_CHANGE_FILL = words("change_fill")
_IN_WORDS = words("in_words")
_ONES = ("one", "ones", "1")  # "the 500 one": "one" after a number is heard as the digit
_ASKING_WORDS = words("asking_words")
_NOT_ABOUT_GOODS = cue.CART + cue.QUESTION_PRICE + cue.SHOP_INFO + cue.STATUS + phrases("not_about_goods")
_GENERIC_GOODS = words("generic_goods")
_DRINK_CATEGORIES = words("drink_categories")
_EVERY_BEFORE = words("every_before")
_WANT_NOT = phrases("want_not")
_TAKE_OFF = words("take_off_verbs")
_REF_IT = words("ref_it")
_INSTEAD_OF = phrases("instead_of")
_BASE_PREPS = words("base_preps")
_HOLDER_PREPS = words("holder_preps")
_WITH_WORDS = words("with_words")
_KEEP_ONLY = phrases("keep_only")
_ALL_BUT = phrases("all_but")
_WHOLE_ORDER = words("whole_order")
_TAKING_OFF = words("taking_off")
_LINE_DETERMINERS = words("line_determiners")
_TO_BE = words("group_to_value")


@dataclass(frozen=True)
class Decision:
    """One row of the intent decision table: a turn for which ``when`` holds means ``intent``. Rows are tried in
    table order (the first that holds decides), before the readings that depend on the turn's items."""

    name: str
    intent: Intent
    when: Callable[[ParseDraft, Sequence[str], Context], bool]


def _off_topic_word(p: ParseDraft, toks: Sequence[str]) -> bool:
    """"play some music": an off-topic word, unless it is part of a product the catalog names in full ("play doh",
    "a deck of playing cards"): the catalog's names win over everyday words."""
    named = {k for it in p.items if it.exact for k in range(it.start, it.end)}
    at = cue.find(toks, cue.OFF_TOPIC)
    while at >= 0:
        if at not in named:
            return True
        at = cue.find(toks, cue.OFF_TOPIC, at + 1)
    return False


def _changing(p: ParseDraft) -> bool:
    return bool(p.items) or bool(p.options)


def _ends_with(toks: Sequence[str], phrases_: Sequence[tuple[str, ...]]) -> bool:
    return any(len(ph) <= len(toks) and tuple(toks[len(toks) - len(ph):]) == ph for ph in phrases_)


def _keeps_only(p: ParseDraft, toks: Sequence[str], ctx: Context, lex: Lexicon) -> bool:
    """"That's too much, just the sourdough", "actually only the dog bed", "take everything off except the
    eggs": of several cart lines, the ones named (no count, no choice said) stay and every other line comes
    off. "Just"/"only" must come right before "the" (or "my", "those") and the first product; "except"/"but"
    after a word for the whole order and a verb of taking off ("remove all but the yogurt"; so "you know what,
    take everything off except the eggs" is no question). A product named stands for the line that holds its
    name ("just the bagels and the tub" with a half dozen bagels in the cart: that line); the items are made
    those lines' products."""
    if not p.items or len(ctx.line_skus) < 2 or ctx.pending not in (None, "confirm_change", "checkout"):
        return False
    held = [line_holding(lex, it.skus, ctx.line_skus) for it in p.items]
    named = {s for s in held if s is not None}
    if any(it.quantity is not None or it.options or s is None for it, s in zip(p.items, held, strict=True)) \
            or not set(ctx.line_skus) - named and len(named) < max(2, len(p.items)):
        return False  # (every line named in a list of them, "just the polish and laces then": they stay, no more)
    lead = list(toks[:p.items[0].start])
    bare = lead[:-1] if lead and lead[-1] in _LINE_DETERMINERS else lead
    if len(bare) < len(lead) and _ends_with(bare, _KEEP_ONLY) and not p.question and not cue.has(toks, cue.REMOVE):
        return True
    if not _ends_with(bare, _ALL_BUT):
        return False
    return any(t in _WHOLE_ORDER for t in bare) and (
        any(t in _TAKING_OFF for t in bare) or cue.has(bare, cue.REMOVE) or cue.has(bare, cue.CLEAR))


def _taken_off(toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """"Take the onions off", "take the whip off please": "take" before the choices said and "off" (or "out")
    right after the last of them: a removal of those choices, not more of them."""
    first = min(o.pos for o in options)
    last = max(o.pos + max(len(o.said.split()), 1) for o in options)
    return first >= 0 and "take" in toks[:first] and any(t in ("off", "out") for t in toks[last:last + 2])


def _choice_instead(toks: Sequence[str], at: int, p: ParseDraft) -> bool:
    """"Shredded please, not the pate", "satin not the eggshell": the words at ``at`` that would take something off
    ("not the") name, right after them, a choice said not to be (amount "none") of a group another choice of the
    turn is said to be: the turn sets that group to the other value, it takes nothing off."""
    said = [*p.options, *(o for it in p.items for o in it.options)]
    gone = [o for o in said if o.amount == "none" and at < o.pos <= at + 3]
    groups = {t.group for o in gone for t in o.targets if t.kind == "option"}
    return bool(groups) and any(o.amount != "none" and not at <= o.pos <= at + 3
                                and groups & {t.group for t in o.targets if t.kind == "option"} for o in said)


def _drop_contrasted(p: ParseDraft, at: int) -> None:
    """The choices said not to be right after ``at`` (see :func:`_choice_instead`) leave the turn: "not the pate"
    only says what the shredded replaces, it takes nothing off."""
    def kept(o: OptionSpec) -> bool:
        return not (o.amount == "none" and at < o.pos <= at + 3)

    p.options = [o for o in p.options if kept(o)]
    for it in p.items:
        it.options[:] = [o for o in it.options if kept(o)]


def _count_taken_off(toks: Sequence[str]) -> tuple[int, int] | None:
    """"Take one off", "take 2 off the hot dogs", "take one of them out": "take", a count and "off" (or "out",
    "away") with at most "of them" between: (where "take" is, the count) - a removal of that many units."""
    for i, t in enumerate(toks[:-2]):
        if t not in _TAKE_OFF:
            continue
        n = 1 if toks[i + 1] == "one" else int(toks[i + 1]) if toks[i + 1].isdigit() and 0 < int(toks[i + 1]) < 100 \
            else None
        gap = toks[i + 2:i + 5]
        end = next((k for k, w in enumerate(gap) if w in ("off", "out", "away")), None)
        if n is not None and end is not None and all(w in ("of", "them", "those", "these") for w in gap[:end]):
            return i, n
    return None


_OFF_GLUE = frozenset({"off", "out", "away", "of", "them", "those", "please"})


def _count_off_of_named(toks: Sequence[str], at: int, items: Sequence[ItemSpec], line_skus: Collection[str]) -> bool:
    """"that's too many dumplings, take off four": one item said before the removal, with no count of its own and
    naming a cart line, and the removal ending on a bare count ("take off four", "remove two"): that many of the
    item's line off, not the removal of an unnamed line asked about."""
    if len(items) != 1 or items[0].end > at or not any(s in line_skus for s in items[0].skus):
        return False
    rest = [t for t in toks[at + 1:] if t not in _OFF_GLUE]  # (a count read as the item's, after it, is this one)
    return len(rest) == 1 and rest[0].isdigit() and 0 < int(rest[0]) < 100 \
        and items[0].quantity in (None, int(rest[0])) and not any(t.isdigit() for t in toks[:at])


def _named_then_taken_off(toks: Sequence[str], items: Sequence[ItemSpec], line_skus: Collection[str]) -> int:
    """"I'll try the oxford on first, take it off": the line of the one item said before, then taken off by a word
    that stands for it ("take it off", "take that out", "remove it"): where the removal starts; -1 when not so."""
    if len(items) != 1 or not any(s in line_skus for s in items[0].skus):
        return -1
    for k in range(items[0].end, len(toks) - 1):
        if toks[k] in _TAKE_OFF and toks[k + 1] in _REF_IT and toks[k + 2:k + 3] in (["off"], ["out"], ["away"]):
            return k
        if cue.find(toks[k:k + 1], cue.REMOVE) == 0 and toks[k + 1] in _REF_IT \
                and all(t in cue._FILL for t in toks[k + 2:]):
            return k
    return -1


_DECISIONS: tuple[Decision, ...] = (
    Decision("asks_for_a_person", Intent.HUMAN, lambda p, t, c: cue.human_request(t)),
    # "can you play some music in the coffee bar": no order
    Decision("off_topic", Intent.OUT_OF_SCOPE,
             lambda p, t, c: _off_topic_word(p, t) and cue.order_request(t) < 0),
    Decision("goodbye", Intent.GOODBYE, lambda p, t, c: not _changing(p) and (
        cue.whole(t, cue.GOODBYE, cue._FILL) or cue.has(t[-3:], cue.GOODBYE))),
    Decision("help", Intent.HELP,
             lambda p, t, c: not _changing(p) and cue.has(t, cue.HELP) and not cue.has(t, cue.HUMAN)),
    Decision("repeat", Intent.REPEAT, lambda p, t, c: not _changing(p) and (
        cue.whole(t, cue.REPEAT, cue._FILL) or cue.has(t, _REPEAT_ANYWHERE))),
    Decision("cancel_an_order", Intent.CANCEL_ORDER, lambda p, t, c: cue.has(t, cue._p("cancel")) and (
        cue.has(t, cue.CANCEL_ORDER) and not p.items or p.order_number is not None)),
    Decision("order_status", Intent.ORDER_STATUS, lambda p, t, c: not p.items and cue.has(t, cue.STATUS) and bool(
        p.order_number or cue.has(t, cue._p("order")))),
    Decision("order_number_asked", Intent.ORDER_STATUS,
             lambda p, t, c: not p.items and bool(p.order_number) and c.pending == "order_number"),
    Decision("clear_the_cart", Intent.CLEAR, lambda p, t, c: not p.items and cue.has(t, cue.CLEAR)),
)


def _singular(word: str) -> str:
    """"cookies" -> "cookie", "dishes" -> "dish": a noun said in the plural, compared with a product's name."""
    if word.endswith("es") and word[:-2].endswith(("sh", "ch", "x", "ss")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _line_after_of(toks: Sequence[str], item: ItemSpec, ctx: Context) -> bool:
    """"make one of the croissants chocolate": the item said as "of the <noun>" names a line in the cart (the one
    whose units change), not the product some of them become ("make one of them a hawaiian")."""
    return item.start >= 2 and toks[item.start - 1] in _DEFINITE and toks[item.start - 2] == "of" \
        and any(sku in ctx.line_skus for sku in item.skus)


def _nth_line(toks: Sequence[str], p: ParseDraft, ctx: Context) -> str | None:
    """The product of the cart line a swap names by its place ("change the second one to a shoyu", "make the
    last one a coke"): a swap verb, then "the" and the ordinal, then the one product it becomes."""
    if len(p.items) != 1 or p.ordinal is None or not ctx.line_skus or p.ordinal > len(ctx.line_skus):
        return None
    at = next((i for i, t in enumerate(toks) if t in ORDINALS), -1)
    verb = next((i for i in range(max(at, 0)) if toks[i] in _SWAP_VERBS), -1)
    if verb < 0 or toks[at - 1] != "the" or p.items[0].start <= at:
        return None
    return ctx.line_skus[p.ordinal - 1] if p.ordinal > 0 else ctx.line_skus[p.ordinal]


def _nth_of_kind(toks: Sequence[str], p: ParseDraft, ctx: Context) -> str | None:
    """"make the second pizza a large" with a pepperoni and a hawaiian in the cart: "the" and an ordinal right
    before a noun that names several products counts among the cart's lines of those products; the product of that
    line when it is the only line of it, and choices said after the noun (its change). None otherwise (a product
    named alone, "the second latte" among two latte lines: the ordinal as before)."""
    if len(p.items) != 1 or p.ordinal is None or p.ordinal < 0 or not ctx.line_skus:
        return None
    item = p.items[0]
    if item.quantity is not None or len(item.skus) < 2 or item.start < 2 or toks[item.start - 1] not in ORDINALS \
            or toks[item.start - 2] != "the" or not item.options or any(o.pos < item.end for o in item.options):
        return None
    kind = [sku for sku in ctx.line_skus if sku in item.skus]
    if p.ordinal > len(kind) or len(kind) < 2:
        return None
    sku = kind[p.ordinal - 1]
    return sku if kind.count(sku) == 1 else None


def _facts(p: ParseDraft | Parse, ctx: Context) -> dict[str, bool]:
    """The conditions the context rules of ``data/context.toml`` test (``dialogue.phrasebook.CONDITIONS``)."""
    return {"listing": ctx.listing, "shown": bool(ctx.shown), "has_lines": ctx.has_lines,
            "topic_apart": ctx.topic is not None and ctx.topic not in ctx.line_skus,
            "items": bool(p.items), "options": bool(p.options), "question": p.question, "deny": p.deny}


def _counts_what_follows(toks: Sequence[str], end: int) -> bool:
    """A number said before a unit ("12 dozen") or a container of what follows ("3 orders of", "two plates
    of"): a count, not a number-named option value of some product ("3 pieces")."""
    return end < len(toks) and (toks[end] in COUNT_UNITS or (
        end + 1 < len(toks) and toks[end + 1] == "of" and toks[end].isalpha()) or (
        toks[end] == "of" and tuple(toks[end + 1:end + 2]) in (("them",), ("those",), ("these",))))  # "ten of them"


_PLAIN_WORDS = words("sub_words")


def _counts_choice_after(toks: Sequence[str], found: Sequence[Mention], k: int) -> bool:
    """"twenty 2x4s treated and ten untreated", "make that twelve eight footers": a number that is some choice's
    short name ("10" of "10 foot") said right before another choice, with no article or group name before it, counts
    what that choice makes (ten untreated ones), it is no choice of its own."""
    m = found[k]
    nxt = found[k + 1] if k + 1 < len(found) else None
    if nxt is None or nxt.start != m.end or not nxt.options or nxt.products:
        return False
    return not (m.start > 0 and (toks[m.start - 1] in ("a", "an", "the")
                                 or any(o.end == m.start and o.groups and not o.options for o in found)))


def _ones_for(toks: Sequence[str], mentions: Sequence[Mention], k: int) -> Mention | None:
    """"three organic bananas and three regular ones": "ones" after a number and choice words stands for the
    product named before, so the number counts it as it would the product said again; that product's mention,
    placed at the "ones" (None when no "ones" comes next or no product was named before)."""
    o = mentions[k].end
    for m in mentions[k + 1:]:
        while o < m.start and toks[o] in _PLAIN_WORDS:
            o += 1  # "three regular ones"
        if m.start != o or m.products:
            break
        o = m.end
    while o < len(toks) and toks[o] in _PLAIN_WORDS:
        o += 1
    before = [m for m in mentions[:k] if m.exact_products]
    if o >= len(toks) or toks[o] != "ones" or not before:
        return None
    return Mention(o, o + 1, before[-1].exact_products)


def _pointed(toks: Sequence[str], o: OptionSpec) -> bool:
    """"the 20000 one": a choice said between "the" and "one", which points at a thing made so, not a count."""
    end = o.pos + len(o.said.split())
    return 0 < o.pos and toks[o.pos - 1] == "the" and end < len(toks) and toks[end] in ("one", "ones", "1")


def _value_with_words(group: OptionGroup, said: set[str]) -> str | None:
    """The code of the one choice of ``group`` whose name or an alias has every word of ``said`` ("cheddar" for
    "cheddar and chive", "green" for "salsa verde" alias "green salsa"); None when no choice, or more than one,
    has them."""
    hits = [v for v in group.values if any(said <= set(phrase_of(n)) for n in (v.name, *v.aliases))]
    return hits[0].code if len(hits) == 1 else None


def _made_so_in_cart(chosen: Sequence[OptionSpec], ctx: Context) -> bool:
    """Some cart line holds one of the choices each of ``chosen`` may mean ("the beef one": a line made with beef)."""
    return any(all(any((t.group, t.value) in held for t in o.targets) for o in chosen) for held in ctx.line_options)


def _listed_by_word(toks: Sequence[str], group: OptionGroup | None) -> tuple[int, str] | None:
    """"The cheddar one" just after a group's choices were listed: (position, value code) of the one choice whose
    name or alias has the word said between "the" and "one"; None when no choice, or more than one, has it."""
    if group is None:
        return None
    for k in range(len(toks) - 2):
        if toks[k] == "the" and toks[k + 2] in ("one", "ones"):
            code = _value_with_words(group, {toks[k + 1]})
            if code is not None:
                return k + 1, code
    return None


def _every_before(toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """A bare "all" / "each" right before the choices ("all large", "all on thin crust", "each in medium"): the
    choices are for every line."""
    glue = (*GLUE, *_BASE_PREPS, *_HOLDER_PREPS)
    return any(t in _EVERY_BEFORE and any(i < o.pos <= i + 2 and all(tok in glue for tok in toks[i + 1:o.pos])
                                          for o in options) for i, t in enumerate(toks))


def _counted_choices_at(toks: Sequence[str], items: Sequence[ItemSpec], mentions: Sequence[Mention]) -> frozenset[int]:
    """Where a choice read from a count said after its item ("the roses two dozen": the 24 stem bouquet) was said,
    outside every mention: those words are the choice, no count of the line."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return frozenset(o.pos + j for it in items for o in it.options if 0 <= o.pos < len(toks) and o.pos not in covered
                     and o.said and toks[o.pos].isdigit() for j in range(len(o.said.split())))


def _count_of_unit(toks: Sequence[str], options: Sequence[OptionSpec], lexicon: Lexicon | None = None) -> int | None:
    """"make the blush three yards" to a line of fabric sold by the yard: a number said right before a choice named
    by a plural unit alone ("yards" for the "one yard" cut) is how many of that unit the line is, its count (as "two
    yards of blush cotton" is two of the yard); None when no choice is said so. So is a count said inside a
    choice's own words when the unit alone names that very choice ("make the green one just one gallon": one of the
    gallon, not the "5 gallon" pail)."""
    for o in options:
        said = o.said.split()
        if len(said) == 1 and len(said[0]) > 3 and said[0].endswith("s") and not said[0].endswith("ss") \
                and 1 <= o.pos < len(toks) and toks[o.pos] == said[0] and toks[o.pos - 1].isdigit() \
                and 1 < int(toks[o.pos - 1]) < 1000:
            return int(toks[o.pos - 1])
        n = 1 if said[:1] == ["one"] else int(said[0]) if said and said[0].isdigit() and int(said[0]) < 1000 else 0
        if len(said) == 2 and n and lexicon is not None and set(o.targets) & set(lexicon.phrases.get((said[1],), ())):
            return n
        if o.pos >= 3 and toks[o.pos - 1] == "of" and toks[o.pos - 2] in _PACK_WORDS and toks[o.pos - 3].isdigit() \
                and 0 < int(toks[o.pos - 3]) < 100:
            return int(toks[o.pos - 3])  # "two packs of twenty": two of the pack of twenty
    return None


def _packages_alone(toks: Sequence[str]) -> int | None:
    """"one pack please", "a box", "two packs": a count and a package word, nothing else said (fillers aside), is a
    count of the product in the packages it comes in; None for any other turn."""
    said = [t for t in toks if t not in cue._FILL and t not in _LEAD_FILL and t != "please"]
    if len(said) != 2 or said[1] not in _PACK_WORDS:
        return None
    n = said[0]
    return 1 if n in ("a", "an", "one") else int(n) if n.isdigit() and 0 < int(n) < 100 else None


def _bare_quantity(toks: Sequence[str], skip: frozenset[int] = frozenset(), offset: int = 0) -> int | None:
    return count_of(toks, {i - offset for i in skip})


def _without_ones_said_not(toks: Sequence[str], items: Sequence[ItemSpec], ctx: Context) -> list[ItemSpec]:
    """"ok then no peonies make it four lilies": a product said after "no" (or "not"), in no line of the cart,
    with a line of the cart named after it and no "and" between: the shopper lets that product go and turns to
    the line; the product is no item of the turn (nothing to add, nothing to take off)."""
    out = list(items)
    for k, it in enumerate(items[:-1]):
        nxt = items[k + 1]
        if it.start > 0 and toks[it.start - 1] in ("no", "not") and it.quantity is None and not it.options \
                and not set(it.skus) & set(ctx.line_skus) and set(nxt.skus) & set(ctx.line_skus) \
                and "and" not in toks[it.end:nxt.start] and all(t in _LEAD_FILL for t in toks[:it.start - 1]):
            out.remove(it)
    last = out[-1] if out else None  # "ok no drill too expensive" after its price: that product declined
    if last is not None and len(out) == 1 and last.start > 0 and toks[last.start - 1] in ("no", "not") \
            and last.quantity is None and not last.options and not set(last.skus) & set(ctx.line_skus) \
            and ctx.topic in last.skus and all(t in _LEAD_FILL for t in toks[:last.start - 1]):
        out.remove(last)
    return out


def _onto_named_line(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], mentions: Sequence[Mention],
                     ctx: Context) -> list[ItemSpec]:
    """"add a card to the bouquet", "put a card on the hamper": one product said right before "to the" / "on the" and
    the name of a product of a line of the cart, the words of the first also a choice that line's product offers (of
    a group taking several): that choice put on the line, one item, never a second line of the product named as the
    place (nor a card of its own)."""
    what = items[0] if items else None
    if what is None or len(items) > 2 or what.quantity not in (None, 1) or what.options:
        return list(items)
    at = what.end
    while at < len(toks) and toks[at] in GLUE and toks[at] not in _ONTO_PREPS:
        at += 1
    if not (at + 2 < len(toks) and toks[at] in _ONTO_PREPS and toks[at + 1] in _DEFINITE):
        return list(items)
    place = next((m for m in mentions if m.start == at + 2 and m.exact_products
                  and all(t in GLUE for t in toks[m.end:])), None)
    skus = {t.sku for t in place.exact_products if t.sku in ctx.line_skus} if place is not None else set()
    if len(skus) != 1 or len(items) == 2 and (items[1].start != at + 2 or items[1].quantity not in (None, 1)):
        return list(items)
    sku = skus.pop()
    product = lex.products.get(sku)
    said = tuple(t for t in toks[what.start:what.end] if t not in GLUE)
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and product is not None
                    and (g := product.group(t.group)) is not None and g.multiple and g.value(t.value) is not None)
    if not targets or place is None:
        return list(items)
    spec = OptionSpec(targets, pos=what.start, said=" ".join(said))
    kept = items[1].options if len(items) == 2 else []
    return [ItemSpec((sku,), None, [spec, *kept], place.start, place.end, True)]


def _which_by_a_later_choice(toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """"i need the chews for cleaning the teeth for my dog he's a big dog": a product that may be several (the bully
    stick, the dental chews, the rope toy) and, later in the turn, a part of the name of only one of them ("teeth",
    of "teeth chews") or choices alone only it offers ("big dog"): that one product, one item with those choices,
    not a "which one?" and a second line."""
    out = list(items)
    for k in range(len(out) - 1):
        it, nxt = out[k], out[k + 1]
        said = {i for o in nxt.options if o.pos >= 0 for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
        only_choices = bool(nxt.options) and all(i in said or toks[i] in GLUE for i in range(nxt.start, nxt.end))
        if len(it.skus) < 2 or len(nxt.skus) != 1 or nxt.skus[0] not in it.skus or nxt.quantity is not None \
                or not (only_choices or not nxt.exact and toks[nxt.start - 1] not in ("a", "an", "and")):
            continue
        out[k] = ItemSpec(nxt.skus, it.quantity, [*it.options, *nxt.options], it.start, nxt.end, it.exact)
        del out[k + 1]
        break
    return out


def _described_not_chosen(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec]) -> None:
    """"the green smoothie the one with spinach i think": a choice said right after "the one with" (and the like)
    whose words the product's own description names (made with spinach) describes the product the shopper means;
    it is taken off the item (in place). A choice the description does not name ("the one with oat milk") stays."""
    for it in items:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        if product is None or not product.description:
            continue
        described = set(tokens(product.description))
        it.options = [o for o in it.options if not (
            o.pos > 0 and o.said and set(o.said.split()) <= described
            and any(tuple(toks[max(0, at - len(ph)):at]) == ph for ph in _DESCRIBED_WITH
                    for at in (o.pos, o.pos - 1) if at == o.pos or toks[at] in _DEFINITE))]


def _recount_said_after(toks: Sequence[str]) -> bool:
    """"two bags actually", "three boxes instead": a count, only words of packages or servings after it, and a
    word that corrects said last: a new count of the line in focus, as "actually two bags" is. So is the count
    with its package word alone ("cough drops cherry" - "two bags"): how many of the line, not a count on its
    own, which may answer anything."""
    corrected = len(toks) >= 2 and toks[-1] in _RECOUNT_AFTER
    body = [t for t in (toks[:-1] if corrected else toks) if t not in cue._FILL]
    return len(body) >= (1 if corrected else 2) and (body[0].isdigit() or body[0] == "one") \
        and all(t in _PACKAGES or t in _SERVINGS for t in body[1:])


def _count_of_those(toks: Sequence[str], ctx: Context) -> bool:
    """"Led bulbs the four pack daylight" - "two of those": a count and "of those" (or "of them") alone, with no
    product offered that the cart lacks, is how many of the line in focus (two in all, not two more)."""
    body = [t for t in toks if t not in cue._FILL]
    return ctx.pending != "offer" and (ctx.topic is None or ctx.topic in ctx.line_skus) and len(body) >= 2 \
        and (body[0].isdigit() or body[0] == "one") and tuple(body[1:]) in _COUNT_OF_THEM


def _of_a_noun_not_sold(lex: Lexicon, toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """"i'm getting school supplies": a choice word said right before a noun that names nothing the shop sells (nor an
    everyday word) modifies that noun; it names no product of the shop that comes that way ("school" scissors). A
    word that is itself part of another choice said ("tylenol rapid release gels", "brown rice spicy tuna"), or the
    amount words opening one ("spicy tuna extra avocado"), is no such noun: choices said one after another, with no
    product, still make the item they name."""
    said = {k for o in options if 0 <= o.pos for k in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    opened = {q.start for o in options if 0 <= o.pos and (q := qualifier_before(toks, o.pos)) is not None}
    for o in options:
        end = o.pos + max(len(o.said.split()), 1)
        if 0 <= o.pos and end < len(toks) and toks[end].isalpha() and len(toks[end]) > 3 \
                and end not in said and end not in opened \
                and toks[end] not in COMMON and not lex.phrases.get((toks[end],)) \
                and not lex.phrases.get((toks[end].removesuffix("s"),)):
            return True
    return False


def _made_after_said(toks: Sequence[str], item: ItemSpec) -> bool:
    """"and a korma with paneer and make it mild": a new item said with an article, and only after it a word of
    change ("make it"): the change is of that item, said in the same breath, not of the line before."""
    lead = [t for t in toks[:item.start] if t not in ("and", "also", "plus", "then")]
    said = cue.find(toks, cue.MODIFY)
    return said >= item.end and bool(lead) and lead[-1] in ("a", "an") and len(lead) == 1 \
        and not cue.has(toks, cue.CORRECTION)


def _opened_again(toks: Sequence[str], options: Sequence[OptionSpec]) -> list[tuple[int, int]]:
    """Choices said with no product, in phrases each opened by the same words, an article or a count and a noun
    ("a scoop of mango sorbet and a scoop of raspberry sorbet", "a bowl of X with Y and a bowl of Z"): one item per
    phrase, each with the choices said in it, not one item with them all. (start, end) of each phrase; empty when
    the opening words are not said again after "and" or a separator, or a phrase holds no choice."""
    if not options:
        return []
    first = min(o.pos for o in options)
    a = next((k for k in range(first - 1, max(-1, first - 4), -1)
              if toks[k] in ("a", "an", "one") or toks[k].isdigit()), -1)
    opener = tuple(toks[a:first]) if a >= 0 else ()
    if len(opener) < 2:
        return []
    starts = [a, *(b for b in range(first + 1, len(toks) - len(opener) + 1)
                   if tuple(toks[b:b + len(opener)]) == opener and (toks[b - 1] == "and" or toks[b - 1] in _SEPARATORS))]
    bounds = [*starts, len(toks)]
    spans = list(zip(bounds, bounds[1:], strict=False))
    if len(spans) < 2 or not all(any(x <= o.pos < y for o in options) for x, y in spans) \
            or any(o.pos < a for o in options):
        return []
    return spans


_COUNTED_REFS = words("counted_refs")
_SEPARATORS = words("separators")
_FILLERS = words("fillers")


def _offered_counted(toks: Sequence[str], items: list[ItemSpec], topic: str) -> list[ItemSpec]:
    """"great, two of those and a medium coffee" to "we have the boston cream, would you like one?": a count of
    "those" said before the other items named is that many of the product offered, a line of its own."""
    for i in range(len(toks) - 2):
        if not (toks[i + 1] == "of" and toks[i + 2] in _COUNTED_REFS and (toks[i].isdigit() or toks[i] == "one")):
            continue
        n = int(toks[i]) if toks[i].isdigit() else 1
        after = [it for it in items if it.start > i]
        upto = after[0].start if after else len(toks)
        before_all = not any(it.start < i for it in items)  # (after the items: "a coffee and two of those", only
        if 0 < n < 1000 and (before_all or (toks[i - 1] in _SEPARATORS and all(  # with nothing said of them)
                t in _SEPARATORS or t in _FILLERS or t in ("please", "too") for t in toks[i + 3:upto]))):
            return sorted([ItemSpec((topic,), n, [], i, i + 3), *items], key=lambda it: it.start)
    return items


def _group_of_those(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention],
                    topic: str) -> list[ItemSpec]:
    """"what comes with the big breakfast" - "ok one of those, eggs over easy": a count "of those" points at the
    product talked about; words right after it that name a product but also a group of choices of that product
    ("eggs") with a choice of it said after them are the product's choice, not the other product."""
    product = lex.products.get(topic)
    if product is None:
        return items
    own = {g.code for g in product.option_groups}
    out = []
    for it in items:
        k = it.start
        if topic not in it.skus and k >= 3 and toks[k - 2] == "of" and toks[k - 1] in _COUNTED_REFS \
                and (toks[k - 3].isdigit() or toks[k - 3] == "one") and it.options \
                and all(any(topic in lex.option_skus.get((t.group, t.value), ()) for t in o.targets) for o in it.options) \
                and any(m.start == k and m.end == it.end and any(t.kind == "group" and t.group in own for t in m.targets)
                        for m in mentions):
            n = int(toks[k - 3]) if toks[k - 3].isdigit() else 1
            it = ItemSpec((topic,), n if 0 < n < 1000 else it.quantity, it.options, k - 3, it.end, True)
        out.append(it)
    return out


_EDIT_VERBS = words("edit_verbs")
_RECOUNT_VERBS = words("recount_verbs")


def _dropped_for(toks: Sequence[str], at: int, items: Sequence[ItemSpec], line_skus: Sequence[str]) -> bool:
    """"forget the flat whites, make them cappuccinos", "drop the fries and swap them for onion rings", "scratch
    the cokes, sprites instead": a line taken off (the remove word at ``at``), then another product said with a
    word of a swap: that line becomes the other product, not a line off and nothing in its place."""
    if len(items) != 2 or not at < items[0].start or items[1].quantity is not None:
        return False
    old, new = items
    if not any(s in line_skus for s in old.skus) or any(s in line_skus for s in new.skus):
        return False
    between = toks[old.end:new.start]
    return any(t in _SWAP_VERBS for t in between) or cue.find(list(toks[old.end:]), _INSTEAD) >= 0


def _every_line_said(toks: Sequence[str]) -> bool:
    """"on all of them", "to both", "on all 3": every line that offers the choice said."""
    return cue.has(toks, cue.EVERY_LINE) or any(t == "all" and nxt.isdigit() and k + 2 == len(toks)
                                                for k, (t, nxt) in enumerate(zip(toks, toks[1:], strict=False)))


def _only_choices_said(item: ItemSpec) -> bool:
    """The item was heard from its choices' words alone, no name of its product said ("pudding" for the milk tea
    in focus)."""
    said = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(phrase_of(o.said)), 1))}
    return all(i in said for i in range(item.start, item.end))


def _singulars_of(word: str) -> set[str]:
    """"sandwiches" -> {"sandwiches", "sandwiche", "sandwich"}: the word and the words it may be the plural of."""
    out = {word}
    for end, stem in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            out.add(word[:-len(end)] + stem)
    return out


def _count_set_to(toks: Sequence[str], item: ItemSpec) -> int | None:
    """"drop the cokes to two", "cut the fries down to one", "bring the lattes back to 4": a verb of a count before
    the line, then "to" and a count after it: the line's new count (neither a removal nor one more), else None."""
    if not any(t in _RECOUNT_VERBS for t in toks[:item.start]):
        return None
    k = item.end
    while k < len(toks) and toks[k] in ("down", "back", "just", "only"):
        k += 1
    if k + 1 >= len(toks) or toks[k] != "to" or (k + 2 < len(toks) and toks[k + 2] in PRICE_WORDS):
        return None
    return 1 if toks[k + 1] == "one" else count_of(toks[k + 1:k + 2])
_DEFINITE = words("definite")
_USUAL_WORDS = words("plain_part")
_MORE_WORDS = words("more_words")
_ONTO_PREPS = words("onto_preps")
_DESCRIBED_WITH = phrases("described_with")
_NAME_TITLES = words("name_titles")
_NOT_EATEN = phrases("not_eaten")


def _not_eaten_before(toks: Sequence[str], at: int) -> bool:
    """"the kids who don't eat meat": a phrase of not eating (or drinking) ends right before ``at``, an article
    or "any" between allowed."""
    while at > 0 and toks[at - 1] in ("a", "an", "the", "any"):
        at -= 1
    return any(tuple(toks[max(0, at - len(ph)):at]) == ph for ph in _NOT_EATEN)
_FOR_SOMEONE = phrases("for_someone")
_ADDING_LEADS = words("adding_leads")
_PAIR_WORDS = ("pair", "pairs")
_BOTH_OF_LINE = ("both", "all")
_WITH = words("with_words")
_LIKEWISE = words("likewise")
_POSSESSIVES = words("possessives")


def _order_joined(toks: Sequence[str]) -> int:
    """Where an order request joined onto a question begins ("how much is a bagel and I'll have two", "is the
    french press in stock, I'll take one"): what follows the joining word orders; the length when none."""
    at = cue.order_request(toks)
    if at > 1 and toks[at - 1] in _ORDER_JOINS:
        return at - 1
    return at if at > 1 and _order_unjoined(toks, at) else len(toks)


def _order_unjoined(toks: Sequence[str], at: int) -> bool:
    """"how much are the garlic knots i'll take the twelve piece": a decided first-person request ("i'll take",
    "give me") run on after a question with no joining word starts an order of its own; not one said under
    "if"/"when" ("is it cheaper if I'll take two"), which still asks."""
    return cue.find(toks[at:], _ORDER_UNJOINED) == 0 and toks[at - 1] not in _ORDER_UNDER \
        and not any(t in _ORDER_UNDER for t in toks[max(0, at - 3):at])


_ORDER_JOINS = words("order_joins")
_ORDER_UNJOINED = phrases("order_unjoined")
_ORDER_UNDER = words("order_under")


def _restated(toks: Sequence[str], item: ItemSpec) -> bool:
    """"no I said a large cappuccino", "I meant two lattes": the shopper says again, righted, what is already
    ordered; the line of that product is changed to it, not joined by another."""
    at = cue.find(toks, _RESTATED)
    return 0 <= at < item.start and not cue.has(toks, _ADDING) and not any(t in _MORE_WORDS for t in toks)


_RESTATED = phrases("restated")


def _adverb_ordinal(toks: Sequence[str], i: int) -> bool:
    """"let me measure the yard first i'll come back": an ordinal with no article before it and a new clause's
    subject right after says when, not which line or choice ("the first i think" still picks)."""
    return i + 1 < len(toks) and toks[i + 1] in _SUBJECTS and (i == 0 or toks[i - 1] not in _DEFINITE)


_SUBJECTS = words("subject_pronouns")


def _changed_after(toks: Sequence[str], item: ItemSpec) -> bool:
    """"the turkey was supposed to be a footlong too", "the calzone needs sausage in it too": words right after
    "the <product>" that say how that line was meant to be - a change of it, as a verb of a change before it."""
    return item.start >= 1 and toks[item.start - 1] in _DEFINITE and cue.find(toks, _CHANGE_AFTER, item.end) == item.end


_CHANGE_AFTER = phrases("change_after_line")


def _counted_instead(toks: Sequence[str], item: ItemSpec, ctx: Context) -> bool:
    """"actually give me two lamb chops instead" after two pork chops: a counted product said with a bare
    "instead" (no "instead of ...") swaps the line in focus for that many of it, not a line more."""
    return cue.find(toks, _INSTEAD) >= 0 and cue.find(toks, _INSTEAD_OF) < 0 and not cue.has(toks, _ADDING) \
        and ctx.last_sku not in item.skus


_INSTEAD = phrases("instead")


_MORE_BEFORE = words("more_before_count")


def _more_count(toks: Sequence[str], option_at: frozenset[int]) -> int | None:
    """"another two", "another two in vanilla", "two more of those but cherry": the count of the more said with no
    product (not a choice's number, "another 2 liter one"); None when none was said (one more)."""
    for i, t in enumerate(toks):
        if i in option_at or not t.isdigit() or not 0 < int(t) < 1000:
            continue
        if i and toks[i - 1] in _MORE_BEFORE or i + 1 < len(toks) and toks[i + 1] == "more":
            return int(t)
    return None


def _topic_of_question(toks: Sequence[str], asked: Sequence[bool], item: ItemSpec) -> bool:
    """"(ok) the lentil soup how many bowls can you do", "the hummus, is it vegan": an item said with no count and no
    word of ordering, only lead words and an article before it, right before a question in the same breath: what
    the question is about, not an order."""
    if item.quantity is not None or not item.end < len(toks) or asked[item.start] or not asked[item.end]:
        return False
    before = [t for t in toks[:item.start] if t not in _LEAD_FILL]
    return before in ([], ["the"]) and cue.order_request(list(toks[:item.end])) < 0


def _a_new_one(toks: Sequence[str], option_at: frozenset[int]) -> bool:
    """"(and) a large one (with oat milk)": an article, option words, then "one" — a new item, not a change ("a
    regular mango one": a word of a choice as it comes goes with the choice after it)."""
    for a, tok in enumerate(toks):
        if tok in ("a", "an", "another") or (tok == "one" or tok.isdigit()) and a not in option_at:
            o = a + 1
            while o < len(toks) and (o in option_at or toks[o] in _AS_IT_COMES and o + 1 in option_at) \
                    and not (o > a + 2 and toks[o - 1] == "one"):
                o += 1
            if tok == "one" and o + 1 < len(toks) and toks[o] == "one" and o + 1 in option_at:
                continue  # "one hot one iced": parts of the line, each "one" opening its own
            if o > a + 1 and o < len(toks) and toks[o] == "one" or o > a + 2 and toks[o - 1] == "one":
                return True  # ("one colour one": the "one" may be a word of the choice's own name)
    return False


def _outside_choices(toks: Sequence[str], specs: Sequence[OptionSpec]) -> list[str]:
    """The words with those of the choices ``specs`` blanked: a cue read only where no choice's own words are ("and a
    single pistachio in a cup": "in a" is the cup's, no "in a large" change of the line in focus)."""
    covered = {k for o in specs if o.pos >= 0 for k in range(o.pos, o.pos + len(o.said.split()))}
    return ["" if k in covered else t for k, t in enumerate(toks)]


def _the_one_made(toks: Sequence[str], options: Sequence[OptionSpec], option_at: frozenset[int]) -> list[OptionSpec]:
    """The options of "the <options> one(s)" ("the mango one", "the large ones"): how the line meant is made."""
    for a, tok in enumerate(toks):
        if tok not in _DEFINITE:
            continue
        o = a + 1
        while o < len(toks) and o in option_at and not (o > a + 2 and toks[o - 1] in ("one", "ones")):
            o += 1
        if o > a + 1 and o < len(toks) and toks[o] in ("one", "ones") or o > a + 2 and toks[o - 1] in ("one", "ones"):
            return [spec for spec in options if a < spec.pos < o]  # ("the black ones": "black one" a name of black)
        if o > a + 1 and o < len(toks) and toks[o] == "and" and whose_said(toks, a - 1):
            return [spec for spec in options if a < spec.pos < o]  # "sam's the decaf and he wants it large"
    return []


def _narrowed_by_one(lexicon: Lexicon, options: Sequence[OptionSpec], chosen: Sequence[OptionSpec]
                     ) -> list[OptionSpec] | None:
    """"with protein, the plant one", "milk, the oat one": a choice said by a word several choices share, then "the
    <word> one" where that word and the choice's words together name a choice of the same group ("plant protein"):
    that one choice, said once (the options with the earlier one replaced by it), not a line picked by how it is
    made. None when not so."""
    if len(chosen) != 1:
        return None
    one = chosen[0]
    meant = {(t.group, t.value) for t in one.targets if t.kind == "option"}
    for o in options:
        if o is one or o.pos >= one.pos or not o.said or not one.said:
            continue
        for said in ((*one.said.split(), *o.said.split()), (*o.said.split(), *one.said.split())):
            named = {(t.group, t.value) for t in lexicon.phrases.get(said, ()) if t.kind == "option"}
            if named and named <= meant and {(t.group, t.value) for t in o.targets} - named:
                kept = dataclasses.replace(one, targets=tuple(t for t in one.targets if (t.group, t.value) in named), pos=o.pos)
                return [kept if x is o else x for x in options if x is not one]
    return None


def _the_made_made_so(toks: Sequence[str], items: Sequence[ItemSpec]) -> tuple[list[OptionSpec], list[OptionSpec]] | None:
    """"make the 18 a beam blade", "change the large an iced": a line named by how it is made ("the" and its
    choices, right after "make" or "change"), then "a" and other choices, with no product's name of its own said:
    (the choices picking the line, the choices it is made with now), else None."""
    if len(items) != 1 or not items[0].options:
        return None
    item = items[0]
    at = cue.find(toks, _MAKE_THE)
    if at < 0:
        return None
    a = at + 1  # "the"
    covered: dict[int, OptionSpec] = {}
    for o in item.options:
        for k in range(o.pos, o.pos + max(1, len(o.said.split()))):
            covered[k] = o
    b = a + 1
    while b in covered:
        b += 1
    if b == a + 1 or b >= len(toks) or toks[b] not in ("a", "an") or b + 1 not in covered:
        return None
    if any(k not in covered for k in range(b + 1, item.end)) or item.start < a:
        return None  # a product's own name said too: a new line, or a swap (other rules)
    pick = [o for o in item.options if o.pos < b]
    made = [o for o in item.options if o.pos > b]
    return (pick, made) if pick and made else None


def _recount_of_the_ones(toks: Sequence[str], options: Sequence[OptionSpec], option_at: frozenset[int]) -> int | None:
    """"actually make the almond ones three", "two of the 2 liter ones": a new count for the line picked out by
    how it is made, every option said being in "the <options> one(s)" (none a change of it) and the turn a
    correction ("actually", "make ..."), not more ("two more of the large ones"): the count, else None."""
    chosen = _the_one_made(toks, options, option_at)
    if not options or len(chosen) != len(options) or any(t in _MORE_WORDS for t in toks):
        return None
    first = next((i for i, t in enumerate(toks) if t not in _LEAD_FILL), len(toks))
    if not (any(t in _RECOUNT_LEADS for t in toks[:first + 1]) or cue.has(toks, _MAKE_IT) or cue.has(toks, _MAKE_THE)):
        return None
    return _bare_quantity(toks, option_at)


def _count_of_ones(toks: Sequence[str], options: Sequence[OptionSpec]) -> int | None:
    """"six unicorn ones then", "a red one please": a count, only choices, then "one(s)" (and a closing word): the
    count (one for "a"); None for any other turn."""
    lead = [(i, t) for i, t in enumerate(toks) if t not in _LEAD_FILL]
    if len(lead) < 3:
        return None
    at, said = lead[0]
    n = 1 if said in ("a", "an", "one") else int(said) if said.isdigit() and 0 < int(said) < 100 else None
    chosen = {i for o in options for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    k = at + 1
    while k < len(toks) and k in chosen:
        k += 1
    if n is None or k == at + 1 or k >= len(toks) or toks[k] not in ("one", "ones") \
            or any(t not in _JUST_REST for t in toks[k + 1:]):
        return None
    return n


def _just_count_of_made(toks: Sequence[str], options: Sequence[OptionSpec],
                        line_options: Sequence[Sequence[tuple[str, str]]]) -> int | None:
    """"just one yellow", "only two of the red" after lines made yellow and red: "just"/"only", a count, and only
    choices that some line of the cart is made with: that line's new count (none more of it); else None."""
    lead = [(i, t) for i, t in enumerate(toks) if t not in _LEAD_FILL]
    if len(lead) < 3 or lead[0][1] not in _JUST_WORDS or not options:
        return None
    at, said = lead[1]
    n = 1 if said == "one" else int(said) if said.isdigit() and 0 < int(said) < 100 else None
    chosen = {i for o in options for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    rest = [t for i, t in enumerate(toks[at + 1:], at + 1) if i not in chosen]
    held = {pair for line in line_options for pair in line}
    if n is None or any(t not in _JUST_REST for t in rest) \
            or not all(any((t.group, t.value) in held for t in o.targets) for o in options):
        return None
    return n


def _one_more_made(toks: Sequence[str], options: Sequence[OptionSpec], *, by_pair: bool = False) -> int | None:
    """"and one in small for my son", "and two with oat milk", "and two salmon": a count said first, with no
    product, then the choices (after "in", "with", or right after the count), joined on with "and" or said for
    someone: that many more like the line before, made so (not a change of its units). The count, else None."""
    first = next((i for i, t in enumerate(toks) if t not in _LEAD_FILL and t not in _ADDING_LEADS), len(toks))
    n = 1 if first < len(toks) and toks[first] == "one" else count_of(toks[first:first + 1])
    if n is None or not options or first + 1 >= len(toks):
        return None
    if toks[first + 1] in _PAIR_WORDS and first + 2 < len(toks):  # "and a pair of grape ones": two, said as a pair
        n, first = (max(1, n // 2) if by_pair else n), first + 1  # (of socks: one pair)
    if toks[first + 1] == "for" and first + 2 < len(toks) and toks[first + 2] not in ("a", "an") \
            and (_ADDING_LEADS & set(toks[:first]) or cue.has(toks, _FOR_SOMEONE) or cue.has(toks, _ALSO)):
        return n  # "and one for the little one too but a small and grey": one more, for someone else, made so
    if toks[first + 1] not in ("in", "with") or min(o.pos for o in options) != first + 2:
        # "and two salmon" after two yellowtail nigiri: two more, salmon - the choices right after the count and
        # nothing else said but them
        said = {i for o in options for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
        whom = cue.find(toks, _FOR_SOMEONE)  # ("and one white small for my daughter": who it is for said last)
        end = whom if whom > max(said, default=first) else len(toks)
        rest = [t for i, t in enumerate(toks[first + 1:end], first + 1) if i not in said]
        ones = max(said, default=first) + 1  # "and two grape ones": the "ones" after the choices, no word more
        if ones < end and toks[ones] in ("one", "ones"):
            rest = [t for i, t in enumerate(toks[first + 1:end], first + 1) if i not in said and i != ones]
        return n if _ADDING_LEADS & set(toks[:first]) and min(o.pos for o in options) == first + 1 \
            and all(t in ("and", "please", "too") for t in rest) else None
    return n if _ADDING_LEADS & set(toks[:first]) or cue.has(toks, _FOR_SOMEONE) else None


def _names_a_line(toks: Sequence[str], item: ItemSpec, edit_verb: bool) -> bool:
    """"the latte" for a product already in the cart, with no word that asks for more of it: the line. After a
    verb of a change, "too" / "also" say "as well as the other change" ("make the cheese one large too")."""
    if item.quantity not in (None, 1):
        return False
    k = item.start - 1
    option_words = {t for o in item.options if 0 <= o.pos < len(toks) for t in toks[o.pos:o.pos + 1]}
    placed = set()  # "the second bunch": a place among the units, not "a second" (one more)
    while k >= 0 and (toks[k] in option_words or toks[k] in ORDINALS):
        placed |= {k} if toks[k] in ORDINALS else set()
        k -= 1  # "make the small latte large": past the line's own modifiers to the article
    more = _MORE_WORDS - _LIKEWISE if edit_verb else _MORE_WORDS
    chosen = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    chosen |= placed
    if _put_onto(toks, item, k):
        return True
    return k >= 0 and (toks[k] in _DEFINITE or _owned(toks, k)) \
        and not any(t in more for i, t in enumerate(toks) if i not in chosen)  # "make it extra hot": a choice


def _put_onto(toks: Sequence[str], item: ItemSpec, k: int) -> bool:
    """"And add honeycomb to the board", "put bacon on the burger": choices said before "to the <product>" go on
    that line, even with a word of more ("add"); the article at ``k``."""
    said = [o.pos for o in item.options if o.pos >= 0]
    return k >= 1 and toks[k] in _DEFINITE and toks[k - 1] in _ONTO_PREPS and bool(said) \
        and all(pos < k - 1 for pos in said)


def _owned(toks: Sequence[str], k: int) -> bool:
    """"My daughter's biryani not spicy", "his curry extra hot": a line named by its owner (the apostrophe is
    gone: "my daughters") is that line, as "the biryani" is."""
    return toks[k] in _POSSESSIVES or k > 0 and toks[k - 1] in _POSSESSIVES and len(toks[k]) > 3 and toks[k][-1] == "s"


def _line_talked_of(ctx: Context) -> bool:
    """The cart line in focus was talked about after the products last shown ("do you have moussaka" - sold out -
    "then a spanakopita" - "make it two of those"): "it" is that line, not the product shown before it."""
    return ctx.topic is not None and ctx.topic == ctx.last_sku and ctx.topic not in ctx.shown


def _line_named(found: Sequence[Mention], ctx: Context) -> str | None:
    """The product whose line a change is about, for a common word that is its choice: the one product of a cart
    line the turn names ("make the falafel salad a side", the spanakopita said last), else the one in focus."""
    if not ctx.has_lines:
        return None
    named = {t.sku for m in found for t in m.exact_products if t.sku in ctx.line_skus}
    return named.pop() if len(named) == 1 else ctx.last_sku


def _the_line_of(lex: Lexicon, toks: Sequence[str], item: ItemSpec, ctx: Context) -> ItemSpec:
    """"only one of the croissants" with almond croissants in the cart, or "actually just two croissants" with
    chocolate croissants: a product that no line holds, named with "the" or with a new count, means the one line
    whose product's name holds its name (the shopper shortens the name; "and two croissants" still adds, see
    :func:`recount`); else the item as said."""
    named = item.start >= 1 and toks[item.start - 1] == "the" or item.quantity is not None
    if not named or any(s in ctx.line_skus for s in item.skus):
        return item
    held = line_holding(lex, item.skus, ctx.line_skus)
    if held is None:
        return item
    return ItemSpec((held,), item.quantity, item.options, item.start, item.end, item.exact)


def _onto_cue(toks: Sequence[str]) -> tuple[bool, bool]:
    """How a turn puts what it names on the line in focus: (cued, verb). Cued: "to it", "with it", or a turn that
    starts "with ..." - any choice of that line; verb: "add an egg" after an avocado toast - an add-on of that
    product (a choice of a multiple-choice group), not a second toast with an egg."""
    lead = [t for t in toks if t not in _LEAD_FILL]
    led = any(tuple(lead[:len(ph)]) == ph for ph in _ONTO_LINE_LEAD)  # "with pudding": on the line in focus
    cued = led or cue.find(toks, _ONTO_LINE) >= 0
    return cued, not cued and cue.find(toks, _ONTO_LINE_VERBS) >= 0


def _group_named_before(toks: Sequence[str], start: int, product: Product) -> str:
    """"Make the side mac and cheese", "change the drink to a lemonade": a verb of change, "the" and the name of a
    group of the line's product said right before the item: the code of that group (whose choice the item is, not
    a product of its own), else ""."""
    k = start
    while k > 0 and toks[k - 1] in _TO_BE:
        k -= 1
    for g in product.option_groups:
        for name in (g.name, *g.aliases):
            ph = phrase_of(name)
            at = k - len(ph)
            if ph and at >= 1 and tuple(toks[at:k]) == ph and toks[at - 1] in _LINE_DETERMINERS \
                    and any(t in _SWAP_VERBS for t in toks[:at - 1]):
                return g.code
    return ""


_FEW_ASKED = 8  # products of an item read to see whether a group asked about is theirs



def _number_word(w: str) -> bool:
    return w.isdigit() or w in UNITS or w in TENS

class RuleUnderstanding:
    """The default understanding: catalog lexicon + phrase cues, no model."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def _onto_line(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> list[OptionSpec] | None:
        """The items of "add pepperoni and olives to it" as choices of the line in focus, when every item named
        is also a choice that line's product offers and the turn puts them on it ("to it", "with it", "add"), takes
        them off it ("actually no vase": an add-on, when no line holds the vase sold alone) or names the group they
        are a choice of ("make the side mac and cheese"); else None."""
        product = self.lexicon.products.get(ctx.last_sku or "")
        if any(it.end in alone_said(toks) for it in p.items):
            return None  # "and a chili cheese dog on its own": sold alone, put on no line
        cued, verb = _onto_cue(toks)
        # "actually no vase" to a bouquet with a vase: its add-on taken off, not the bouquet swapped for a vase
        negated = not cued and not verb and p.deny and bool(p.items) and all(
            it.start > 0 and toks[it.start - 1] == "no" and not set(it.skus) & set(ctx.line_skus) for it in p.items)
        named = _group_named_before(toks, p.items[0].start, product) if product is not None and len(p.items) == 1 else ""
        if product is not None and p.items and not (cued or verb or negated or named):
            return self._refined_line(p, toks, ctx, product)
        if product is None or not p.items or not (cued or verb or negated or named):
            return None
        specs: list[OptionSpec] = []
        for it in p.items:
            said = tuple(toks[it.start:it.end])  # "mac and cheese": a name with "and" inside, as said
            if said not in self.lexicon.phrases:
                said = tuple(t for t in said if t not in GLUE and t != "and")
            targets = tuple(t for t in self.lexicon.phrases.get(said, ()) if t.kind == "option"
                            and (g := product.group(t.group)) is not None and g.value(t.value) is not None
                            and (g.code == named if named else cued or g.multiple))
            if it.quantity not in (None, 1) or not targets:
                return None
            if verb and any(t.kind == "product" for t in self.lexicon.phrases.get(said, ())):
                return None  # "add a pepperoni" at a pizzeria: the pepperoni pizza, another line
            if self._names_its_product(said, it.skus, product, targets):
                return None  # "add a blueberry muffin" to an iced coffee: the muffin, not a blueberry shot
            specs.append(OptionSpec(targets, "none" if negated else "regular", pos=it.start, said=" ".join(said)))
            specs.extend(o for o in it.options if o.pos != it.start)
        specs += p.options
        swap = cue.find(toks, _INSTEAD_OF)
        if swap >= 0:  # "that with sticky rice instead of jasmine": what comes after "instead of" is what goes
            specs = [o for o in specs if o.pos < swap]
        return specs if specs else None

    def _group_named_at(self, toks: Sequence[str], end: int, options: Sequence[OptionSpec],
                        line_skus: Sequence[str]) -> bool:
        """"make his drink an apple juice": the name of a said choice's own group ends right at ``end`` (before
        its article), a line of the cart offering that choice: the choice of that line's group, no item of its own."""
        groups = {t.group for o in options for t in o.targets if t.kind == "option"
                  and any(s in line_skus for s in self.lexicon.option_skus.get((t.group, t.value), ()))}
        return any(t.kind == "group" and t.group in groups for n in (1, 2, 3) if end - n >= 0
                   for t in self.lexicon.phrases.get(tuple(toks[end - n:end]), ()))

    def _refined_line(self, p: ParseDraft, toks: Sequence[str], ctx: Context, product: Product
                      ) -> list[OptionSpec] | None:
        """"I need a zipper" - "a 22 inch invisible one", a quilting cotton - "a half yard", a two egg breakfast -
        "and wheat toast and bacon": right after a line is ordered or changed, items said only in words of choices
        its product offers ("one" standing for the product), each of a group not chosen on the line yet and a value
        the line does not hold, refine that line before any other product is searched. A side stays a side when the
        line holds a choice of that group or offers none of those words; a product's own name said with "a" is one
        more line ("and a pepperoni" to a pizza), and one said with "the" names a line ("make the pepperoni a
        large"). None when any item is not such a choice, or the turn says a change of its own."""
        if not ctx.focus_fresh or p.question or p.deny or p.ref == "more" or cue.has(toks, cue.MORE) \
                or cue.has(toks, cue.MODIFY) or ctx.pending not in (None, "confirm_change", "checkout"):
            return None
        held = set(ctx.focus_options)
        held_groups = {g for g, _ in held}

        def open_(t: Target) -> bool:  # a value of the line's product, of a group still as it comes
            g = product.group(t.group) if t.kind == "option" else None
            if g is None or g.value(t.value) is None or (t.group, t.value) in held:
                return False
            return g.multiple or t.group not in held_groups or (t.group, g.default) in held

        specs: list[OptionSpec] = []
        for it in p.items:
            if it.quantity not in (None, 1):
                return None
            span = range(it.start, it.end)
            words = tuple(toks[i] for i in span if toks[i] not in GLUE and toks[i] not in _ONES and toks[i] != "and")
            if not words:
                return None
            whole = self.lexicon.phrases.get(words, ())
            first = min([it.start, *(o.pos for o in it.options)])  # "a small coffee": its size said before it
            while first > 0 and toks[first - 1] in GLUE and toks[first - 1] not in ("a", "an", *_DEFINITE):
                first -= 1  # "an order of onion rings": the measure said before it
            lead = toks[it.start - 1] if it.start > 0 else ""
            said_a = toks[first] in ("a", "an") or first > 0 and toks[first - 1] in ("a", "an")
            names = any(t.kind == "product" for t in whole)  # the words are also a product the shop sells
            if lead in _DEFINITE or names and said_a:
                return None  # "change the milk on the mocha": a line named, not a choice of one
            ofs = [i for i in range(first, it.end) if toks[i] == "of"]
            if said_a and ofs and (names or not all(i + 1 < len(toks) and _number_word(toks[i + 1]) for i in ofs)):
                return None  # "a side of hot sauce", "a pound of pulled pork": a measure of a product of its own
                # (not "of" and a number, a choice's own name: "a pack of forty sorry twenty five")
            if not said_a and (toks[first] in _ONES or first > 0 and toks[first - 1] in _ONES):
                return None  # "one iced": a count of the line's units ("one of them"), not "a ... one" for it
            targets = tuple(t for t in whole if open_(t))
            if targets and names and any(not any(open_(t) for t in o.targets) for o in it.options):
                return None  # "and large fries with zaatar" to a plate that has no size: the fries' own choices
            if targets:
                specs.append(OptionSpec(targets, pos=it.start, said=" ".join(words)))
                continue
            covered = {i for o in it.options for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
            if not it.options or any(i not in covered and toks[i] not in GLUE and toks[i] not in _ONES for i in span):
                return None
            for o in it.options:
                kept = tuple(t for t in o.targets if open_(t))
                if not kept:
                    return None
                specs.append(dataclasses.replace(o, targets=kept))
        return [*specs, *p.options]

    def _said_again_made_so(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
        """"a latte" - "a large one": right after a line of one unit is ordered, "a <choices> one" with no word of
        more ("and a large one too", "another large one") says that very item again, made so - each choice one of a
        single-choice group its product offers that the line holds only as it comes (the default). "A small latte"
        - "a large one" (a size chosen already) is one more, as is anything said with "and"."""
        product = self.lexicon.products.get(ctx.last_sku or "")
        if product is None or not ctx.focus_fresh or ctx.focus_units != 1 or not p.options \
                or ctx.pending not in (None, "confirm_change", "checkout") \
                or any(t in _MORE_WORDS or t == "and" for t in toks):
            return False
        held = dict(ctx.focus_options)

        def open_(t: Target) -> bool:
            g = product.group(t.group) if t.kind == "option" else None
            return g is not None and not g.multiple and g.value(t.value) is not None \
                and held.get(t.group, g.default) == g.default and held.get(t.group) != t.value

        return all(any(open_(t) for t in o.targets) for o in p.options)

    def _onto_focus(self, options: Sequence[OptionSpec], toks: Sequence[str], ctx: Context) -> bool:
        """Choices said alone that the turn puts on the line in focus ("can you add feta to that", "yes but add
        garlic sauce" to a wrap): every one a choice that line's product offers - of a multiple-choice group when
        only a verb of adding says so ("add"; with "to it", "with it" any group)."""
        product = self.lexicon.products.get(ctx.last_sku or "") if ctx.has_lines else None
        cued, verb = _onto_cue(toks)
        if product is None or not options or not (cued or verb):
            return False
        return all(any((g := product.group(t.group)) is not None and g.value(t.value) is not None
                       and (not verb or g.multiple) for t in o.targets) for o in options)

    def _names_its_product(self, said: Sequence[str], skus: Sequence[str], line: Product,
                           targets: Sequence[Target]) -> bool:
        """"A blueberry muffin": words that are a choice of the product named inside them (the muffin's flavour,
        said with "muffin") name that product, another than the line's, not a choice of the line (an iced coffee's
        "blueberry" shot, of the same codes but never called so). Not when the line's own choice is called by those
        very words ("with onion rings" to a combo whose side is "onion rings", "wheat toast" to an omelette)."""
        for t in targets:
            value = g.value(t.value) if (g := line.group(t.group)) is not None else None
            if value is not None and tuple(said) in {phrase_of(n) for n in (value.name, *value.aliases)}:
                return False
        return any(t.kind == "product" and t.exact and t.sku in skus and t.sku != line.sku
                   for a in range(len(said)) for b in range(a + 1, len(said) + 1) if (a, b) != (0, len(said))
                   for t in self.lexicon.phrases.get(tuple(said[a:b]), ()))

    def _counts_next(self, toks: Sequence[str], mentions: Sequence[Mention], k: int) -> bool:
        """A number before the product it counts ("six glazed donuts"), with only modifiers between, that no
        product named there offers as a choice: a count, not some other product's numbered choice ("6 inch"). So is
        one the product offers only with a unit ("ten large padded envelopes" for a "10 pack"), unless an article
        comes before it ("a 10 glue stick")."""
        m = mentions[k]
        ones = _ones_for(toks, mentions, k)
        nxt = next((o for o in mentions[k + 1:] if o.exact_products), None) or ones
        if nxt is None:
            return False
        covered = {i for o in mentions[k + 1:] if o.end <= nxt.start for i in range(o.start, o.end)}
        if not all(i in covered or toks[i] in GLUE or nxt is ones and toks[i] in _PLAIN_WORDS
                   for i in range(m.end, nxt.start)):
            return False
        if m.end < nxt.start and toks[m.end] in ("a", "an"):
            return False  # "sizes nine and eleven a kids snowboard package": an article opens the next item
        skus = {t.sku for t in nxt.exact_products}
        offered = [(sku, t) for t in m.options for sku in skus if sku in self.lexicon.option_skus.get((t.group, t.value), ())]
        return not offered or not (m.start > 0 and toks[m.start - 1] in ("a", "an")) and not any(
            self._named_by_number(toks[m.start], sku, t) for sku, t in offered)

    def _named_by_number(self, number: str, sku: str, target: Target) -> bool:
        """"ten large padded envelopes" for envelopes in a "10 pack", "ten big glue sticks" for a "10 g" stick: a
        number is that choice only when said with its unit ("10 pack", "a box of 100", "a 10 g"), or when the catalog
        names the choice by the number alone; else it is how many."""
        product = self.lexicon.products.get(sku)
        group = product.group(target.group) if product is not None else None
        value = group.value(target.value) if group is not None else None
        return value is not None and (number,) in {tuple(to_digits(tokens(n))) for n in (value.name, *value.aliases)}
        # (as written: "a three" for the a3 size is no bare "3")

    def _count_to_offer(self, toks: Sequence[str], spec: OptionSpec, sku: str) -> bool:
        """"ok three please" to "we have the lavender, would you like one?": a bare number (no article before it)
        is how many, though "3" is short for the lavender's "3 gallon"; a value the catalog names by the number
        alone ("12" for a dozen wings) stays that choice."""
        at = spec.pos
        if not (0 <= at < len(toks) and toks[at].isdigit() and spec.said == toks[at]) \
                or (at > 0 and toks[at - 1] in ("a", "an")):
            return False
        product = self.lexicon.products.get(sku)
        if product is None:
            return False
        for t in spec.targets:
            group = product.group(t.group)
            value = group.value(t.value) if group is not None else None
            if value is not None and (toks[at],) in {phrase_of(n) for n in (value.name, *value.aliases)}:
                return False
        return True

    def _count_not_choice(self, toks: Sequence[str], item: ItemSpec) -> ItemSpec:
        """"just one roll of electrical tape": words that name a choice of other products ("just one" for a
        single pack) but only a count ("just", "only" and a number), said of a product that has no such choice,
        are how many of it; so is a number of pieces said before "of" ("four pieces of salmon nigiri")."""
        if item.quantity is not None or len(item.skus) != 1:
            return item
        for o in item.options:
            said = to_digits(tokens(o.said))
            end = o.pos + len(o.said.split())
            pieces = len(said) == 2 and said[0].isdigit() and said[1] in _COUNTED_PIECES and toks[end:end + 1] == ["of"]
            if said and (said[-1] in ("one", *map(str, range(1, 100))) and all(t in ("just", "only") for t in said[:-1])
                         or pieces) and not self._offers(item.skus[0], o):
                count = 1 if said[-1] == "one" else int(said[0] if pieces else said[-1])
                rest = [x for x in item.options if x is not o]
                return ItemSpec(item.skus, count, rest, item.start, item.end, item.exact)
        return item

    def _loose_line(self, toks: Sequence[str], item: ItemSpec, ctx: Context) -> ItemSpec:
        """"another two of the cookies" after oatmeal cookies were added: "the <noun>" names the one cart line whose
        product's name holds every word said (an oatmeal raisin cookie), not another product that answers to that
        word alone (a vegan cookie aliased "cookie") and is not in the cart. A product said by its own name stays."""
        if not ctx.line_skus or any(s in ctx.line_skus for s in item.skus) or item.start < 1 \
                or toks[item.start - 1] not in _DEFINITE:
            return item
        chosen = {o.pos for o in item.options}
        said = {_singular(t) for i, t in enumerate(toks[item.start:item.end], item.start) if i not in chosen}
        holders = [sku for sku in dict.fromkeys(ctx.line_skus) if (product := self.lexicon.products.get(sku))
                   and said and said <= {_singular(w) for w in phrase_of(product.name)}]
        own = any((product := self.lexicon.products.get(s)) and said == {_singular(w) for w in phrase_of(product.name)}
                  for s in item.skus)  # "and the latte" for a latte, an iced latte in the cart: the latte itself
        if len(holders) != 1 or own:
            return item
        return ItemSpec((holders[0],), item.quantity, item.options, item.start, item.end, item.exact)

    def _name_not_choice(self, toks: Sequence[str], item: ItemSpec) -> ItemSpec:
        """"make the cream cheese a half pound" for a tub of cream cheese: a choice of other products (the cream
        cheese spread of a bagel) said in words of the product's own name, which the product does not offer,
        names the product, not a choice of it: the item starts where those words do."""
        product = self.lexicon.products.get(item.skus[0]) if len(item.skus) == 1 else None
        if product is None:
            return item
        name = set(phrase_of(product.name))
        kept = [o for o in item.options if not (
            0 <= o.pos and o.said and set(o.said.split()) <= name
            and not any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets))]
        if len(kept) == len(item.options):
            return item
        start = min([item.start, *(o.pos for o in item.options if o not in kept)])
        return ItemSpec(item.skus, item.quantity, kept, start, item.end, item.exact)

    def _count_as_pieces(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
        """"make it twelve" to an order of wings sold as 6 or 12 pieces, "no, a dozen is plenty" to two dozen roses:
        the line's piece-count choice, not twelve orders (a number the product has no such choice of stays the
        count); "make the siu mai a six": its basket of six)."""
        if p.intent == Intent.MODIFY and len(p.items) == 1 and not p.options and p.quantity \
                and (it := p.items[0]).quantity is None and not it.options and len(it.skus) == 1 \
                and it.skus[0] in ctx.line_skus and cue.has(toks, _MAKE_THE) \
                and any(toks[k - 1] in ("a", "an") and toks[k] == str(p.quantity) for k in range(it.end + 1, len(toks))):
            pieces = piece_count(self.lexicon, it.skus, p.quantity)  # "make the siu mai a six": its basket of six
            if pieces is not None:
                it.options, p.quantity = [pieces], None
            return
        in_units = any(t == str(p.quantity) and k + 1 < len(toks) and toks[k + 1] in COUNT_UNITS
                       for k, t in enumerate(toks))  # "no, a dozen is plenty" to two dozen roses: one dozen
        if p.intent != Intent.MODIFY or p.items or p.options or not p.quantity or not ctx.last_sku \
                or p.ref not in (None, "it") or not (cue.has(toks, _MAKE_IT) or in_units):
            return
        pieces = piece_count(self.lexicon, (ctx.last_sku,), p.quantity)
        if pieces is not None:
            p.options, p.quantity = [pieces], None
        elif any(t in COUNT_UNITS for t in toks) and (packs := packs_of(self.lexicon, (ctx.last_sku,), p.quantity)):
            p.quantity, p.options = packs[0], [packs[1]]  # "make it two dozen" of balloons by the dozen: two of it

    def _described_anew(self, p: ParseDraft, toks: Sequence[str], ctx: Context, chosen: Sequence[OptionSpec]) -> bool:
        """"the big one in pink please" to a line just ordered that no line of the cart is made big: a turn opened by
        "the <choice> one" (no verb of change) describes the line in focus as wanted, not a line to pick out by it,
        when no line is made so and the line in focus comes in it."""
        lead = [t for t in toks if t not in _LEAD_FILL]
        if not lead or lead[0] not in _DEFINITE or cue.has(toks, _MAKE_IT) or ctx.last_sku is None \
                or not ctx.focus_fresh:
            return False
        held = {pair for line in ctx.line_options for pair in line}
        return all(self._offers(ctx.last_sku, o) and not any((t.group, t.value) in held for t in o.targets)
                   for o in chosen)

    def _by_pair(self, sku: str | None) -> bool:
        """Whether one of that product is a pair ("and a pair of grey ones" after navy socks: one more)."""
        product = self.lexicon.products.get(sku) if sku is not None else None
        return product is not None and sold_by_the_pair(product)

    def _offers(self, sku: str, spec: OptionSpec) -> bool:
        """Whether that product has any of the choices ``spec`` may mean."""
        return any(sku in self.lexicon.option_skus.get((t.group, t.value), ()) for t in spec.targets)

    def _took_pieces(self, item: ItemSpec, n: int) -> bool:
        """The item holds the choice its product's size ``n`` names ("500 business cards": the box of 500)."""
        size = piece_count(self.lexicon, item.skus, n)
        return size is not None and any(set(size.targets) & set(o.targets) for o in item.options)

    def _price(self, sku: str) -> int | None:
        product = self.lexicon.products.get(sku)
        return product.price_cents if product is not None else None

    def _pack_size(self, sku: str) -> int | None:
        product = self.lexicon.products.get(sku)
        return pack_size(phrase_of(product.name)) if product is not None else None

    def parse(self, text: str, context: Context) -> Parse:
        toks, asked, info, parts, breaks = self._sentences(text)
        p = ParseDraft(Intent.EMPTY, text=text, tokens=toks)
        if not toks:
            return p.freeze()
        mix_for = (context.expect_sku, context.expect_group) if context.pending == "clarify_option" \
            and context.expect_sku and context.expect_group else None
        in_play = {sku for sku in (context.expect_sku, context.topic, *context.line_skus) if sku}
        found = find_mentions(self.lexicon, toks, mix_for, frozenset(in_play))
        found = sold_alone(toks, found)
        calling = [(k, k + len(ph)) for ph in _CALL_BACK for k in range(len(toks)) if tuple(toks[k:k + len(ph)]) == ph]
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in calling)  # "i'll ring back"
                 and not (m.start > 0 and toks[m.start - 1] in _NAME_TITLES)  # "my cat mister biscuits": a name
                 and not (m.products and not m.options and _not_eaten_before(toks, m.start))  # "who don't eat meat"
                 and not package_of_line(self.lexicon, toks, m, context.last_sku if context.has_lines else None)
                 and not (m.products and not m.options and bought_for(toks, m.start, found))]  # "for fence posts"
        named = _line_named(found, context)
        found = focus_choices(self.lexicon, toks, found, named)
        found = choices_of_named_group(self.lexicon, found, named)
        found = group_of_named_line(self.lexicon, toks, found, named, frozenset(context.line_skus))
        found = choices_in_a_name(self.lexicon, toks, found, named)
        found = choice_said_over(self.lexicon, toks, found, frozenset(in_play))  # "five hundred no two fifty"
        mentions = [m for k, m in enumerate(found)  # "12 dozen": a count, not the size "12 oz"
                    if not (m.options and not m.products and m.end == m.start + 1 and toks[m.start].isdigit()
                            and (_counts_what_follows(toks, m.end) or self._counts_next(toks, found, k)
                                 or a_time(toks, m.start)  # "in 10 minutes": a time, not the "10 inch"
                                 or _counts_choice_after(toks, found, k)))]
        p.items, p.options = extract_items(self.lexicon, toks, mentions, breaks, frozenset(context.line_skus))
        if p.items and p.options:
            p.items, p.options = choices_as_one_item(self.lexicon, toks, p.items, p.options, breaks)
        p.items = _without_ones_said_not(toks, p.items, context)
        p.items = _onto_named_line(self.lexicon, toks, p.items, mentions, context)
        _described_not_chosen(self.lexicon, toks, p.items)
        p.items = _which_by_a_later_choice(toks, p.items)
        p.options = measure_each(self.lexicon, toks, p.items, p.options)
        p.items = one_of_the_kind(self.lexicon, toks, p.items, context.last_sku if context.has_lines else None)
        p.items, p.options = line_of_a_name_word(self.lexicon, toks, p.items, p.options,
                                                  tuple(zip(context.line_skus, context.line_options, strict=True)))
        if context.has_lines and not p.options:
            p.items, like_line, said_count = choice_one_of_the_line(self.lexicon, toks, p.items, context.last_sku)
            p.options, p.quantity = like_line, said_count if like_line else p.quantity
        if context.topic not in context.line_skus:  # a product talked about, not in the cart ("make the chicken
            p.items = kind_named_alone(self.lexicon, toks, p.items, context.topic)  # one large": the cart's line)
            p.items, p.options = choice_one_of_the_topic(self.lexicon, toks, p.items, p.options, context.topic)
        p.items = [self._count_not_choice(toks, it) for it in p.items]
        p.items = [counted_in_units(self.lexicon, it) for it in p.items]
        p.items = [part for it in p.items for part in each_of_values(self.lexicon, toks, it)]
        p.items = [self._loose_line(toks, it, context) for it in p.items]
        p.items = [self._name_not_choice(toks, it) for it in p.items]
        p.items = spelled_out(self.lexicon, toks, p.items)  # "letter balloons j a c k": a line per letter
        per_item(toks, p.items, context.focus_units)
        if context.topic and context.topic not in context.line_skus and p.items:  # "one of those, eggs over easy"
            p.items = _group_of_those(self.lexicon, toks, p.items, mentions, context.topic)
        if context.topic and p.items and (context.pending == "offer" or context.topic not in context.line_skus):
            p.items = _offered_counted(toks, p.items, context.topic)  # (or talked about: "what's on the ...")
            p.items = [offered_pieces(self.lexicon, it) if it.skus == (context.topic,) else it for it in p.items]
        about = context.topic if context.pending == "offer" and context.topic else \
            context.last_sku if context.has_lines else None
        asked_of = context.expect_sku if context.pending == "clarify_option" else None
        if about:  # "actually two" / "two" to "how many?": a count, not the "2 meter" of another product
            p.options = [o for o in p.options  # (but "2 meter" to "which size for the cable?": the cable's, and
                         # "make that two six packs", "the 20000 one": the "6 pack" a line in the cart comes in, said
                         # with its noun or as "the ... one")
                         if not (0 <= o.pos < len(toks) and toks[o.pos].isdigit() and not self._offers(about, o)
                                 and not (asked_of and self._offers(asked_of, o))
                                 and not ((len(o.said.split()) > 1 or _pointed(toks, o))
                                          and any(self._offers(sku, o) for sku in context.line_skus)))]
        if context.pending == "offer" and context.topic and not p.items:
            p.options = [o for o in p.options if not self._count_to_offer(toks, o, context.topic)]
        was = as_it_was(toks, [*p.options, *(o for it in p.items for o in it.options)])
        if was:  # "a small not a large": the large is what the line was
            p.options = [o for o in p.options if o.pos not in was]
            for it in p.items:
                it.options = [o for o in it.options if o.pos not in was]
        p.count_issue = count_issue(text, toks, p.items, packs=self._pack_size, offers=self._offers,
                                    price=self._price,
                                    pieces=self._took_pieces)
        loose = {o.pos for o in p.options} | {o.pos for it in p.items for o in it.options}
        p.option_at = frozenset(i for m in mentions if m.options and not m.exact_products and m.start in loose
                                for i in range(m.start, m.end)) | _counted_choices_at(toks, p.items, mentions)
        p.groups = list(dict.fromkeys(t.group for m in mentions if not m.products and not m.options for t in m.groups))
        p.affirm, p.deny = cue.is_affirm(toks), cue.is_deny(toks)
        if not p.affirm and not p.items and not p.options and confirm.decide(text, toks).places:
            p.affirm = True  # a whole turn the confirmation slot takes for a yes ("please") is a yes here too
        if not p.affirm and not p.deny and len(parts) > 1:  # "Iced latte, almond milk. That all looks good."
            p.affirm = any(cue.is_affirm(pt) for pt in parts) and not any(cue.is_deny(pt) for pt in parts)
        p.question = any(asked)
        self._ordering(p, toks, asked, info)
        p.order_type = cue.order_type(toks)
        p.min_cents, p.max_cents = price_range(toks)
        p.order_number = digit_string(toks)
        p.ordinal = next((ORDINALS[t] for i, t in enumerate(toks) if t in ORDINALS and not _adverb_ordinal(toks, i)), None)
        if p.ordinal is None and context.shown and "order" not in toks:  # "I'll take number two"
            p.ordinal = next((int(toks[i + 1]) for i, t in enumerate(toks[:-1])
                              if t == "number" and toks[i + 1].isdigit() and 0 < int(toks[i + 1]) <= 10), None)
        self._choices_of_another(p, toks, context)
        if cue.has(toks, _CHEAPER):
            p.ref = "cheaper"
        elif cue.has(toks, _PRICIER):
            p.ref = "pricier"
        elif (at_more := cue.find(toks, cue.MORE)) >= 0 and not p.items and "not" not in toks[max(0, at_more - 10):at_more]:
            p.ref = "more"
            p.quantity = _more_count(toks, p.option_at)  # "another two", "two more of those but cherry"
        elif not p.items and same_for_someone(self.lexicon, toks):
            p.ref = "more"  # "and the same for my friend": one more like the line in focus, for them
        elif not p.items and (n_more := next((int(t) for t, nxt in zip(toks, toks[1:], strict=False)
                                              if t.isdigit() and nxt == "more" and 0 < int(t) < 1000), None)):
            p.ref, p.quantity = "more", n_more  # "three more", "two more, one with ...": more of the line in focus
        elif any(t in _REF_IT and not any(a <= i < b for a, b in alone_said(toks).items()) for i, t in enumerate(toks)):
            p.ref = "it"  # (not the "it" of "on its own")
        p.intent = self._intent(p, toks, context)
        self._count_as_pieces(p, toks, context)
        redo.read(self.lexicon, p, toks, context)  # "the other size", "double that", "just the one", ...
        p.items = [counted_by_unit(self.lexicon, toks, it) for it in p.items]  # "a dozen white ones": one dozen
        if p.intent == Intent.MODIFY and len(p.items) == 1 and not p.replace and p.items[0].options \
                and context.has_lines and _every_line_said(toks) and _only_choices_said(p.items[0]):
            p.options, p.items = list(p.items[0].options), []  # "add pudding to all of them" after "what toppings
            # do you have": the choice on every line that offers it, not on the line in focus only
        if p.intent == Intent.MODIFY and p.options and not p.items and p.ref in (None, "it") and context.has_lines \
                and _every_line_said(toks):
            p.ref = "all"  # "with slaw on both", "slaw on both of them": every line that offers it
        no_request = cue.order_request(toks) < 0
        if p.intent in (Intent.ADD, Intent.OUT_OF_SCOPE) and no_request and superlative(toks):
            p.intent, p.items, p.ordering = Intent.SEARCH, [], False  # "cheapest pastry", "what's most expensive"
        elif p.intent == Intent.ADD and no_request and not p.ordering and p.question:
            p.intent = Intent.SEARCH  # a question never orders by itself
        elif p.intent == Intent.OUT_OF_SCOPE and (p.max_cents is not None or p.min_cents is not None):
            p.intent = Intent.SEARCH  # "something under three dollars"
        return p.freeze()

    def _sentences(self, text: str) -> tuple[list[str], list[bool], list[bool], list[list[str]], frozenset[int]]:
        """Tokens of the turn; per token whether it sits in a question and in a question about what there is
        or what something is; the tokens per sentence; where each comma piece or sentence starts."""
        toks: list[str] = []
        asked: list[bool] = []  # per token: does it sit in a question?
        info: list[bool] = []  # per token: does it sit in a question about what there is / what it is?
        parts: list[list[str]] = []
        breaks: set[int] = set()
        for c in clauses(text):
            sentence: list[str] = []
            in_question = in_info = False
            for piece in pieces(c):
                ct = prepare(self.lexicon, piece)
                breaks.add(len(toks) + len(sentence))
                wants = cue.order_request(ct) >= 0
                q = is_question(piece)
                lead = [t for t in ct[:4] if t not in _LEAD_FILL]
                about = (cue.asks_info(ct) or q and bool(lead) and lead[0] in ("what", "which")) \
                    and not cue.has(ct, _NOT_ABOUT_GOODS)  # "what's my total", "what time do you close"
                q = q or about or (in_question and not wants)  # "what teas, do you serve?"
                about = about or (in_info and not wants)
                in_question, in_info = q, about
                told = _order_joined(ct) if q else len(ct)
                sentence.extend(ct)
                asked.extend([q] * told + [False] * (len(ct) - told))
                info.extend([about] * told + [False] * (len(ct) - told))
            if any(asked[len(toks):]) and self._polite_request(sentence):
                asked[len(toks):] = info[len(toks):] = [False] * len(sentence)  # "do you have an X, please?"
            parts.append(sentence)
            toks.extend(sentence)
        return toks, asked, info, parts, frozenset(breaks - {0})

    def _ordering(self, p: ParseDraft, toks: list[str], asked: list[bool], info: list[bool]) -> None:
        """Is an item named here being ordered (``p.ordering``), or held until a question is answered?"""
        for it in p.items:  # "ok the lentil soup how many bowls can you do": the item the question is about
            if _topic_of_question(toks, asked, it):
                asked[it.start:it.end] = [True] * (it.end - it.start)
        ordered = [it for it in p.items if not asked[min(it.start, len(asked) - 1)]]
        p.ordering = bool(ordered)
        if ordered and len(ordered) < len(p.items) and cue.order_request([t for t, a in zip(toks, asked, strict=True)
                                                                          if not a]) >= 0:
            p.asked_about = [it for it in p.items if it not in ordered]
            p.items = ordered  # "how much is a muffin, and I'll have a latte": the muffin was only asked about
        if p.items and not ordered:  # "Do you do iced mochas? I'd like that." / "..., and use oat milk please"
            later = [i for i in range(p.items[0].start, len(toks)) if not asked[i]]
            said = [toks[i] for i in later]
            placed_opts = any(o.pos in later for it in p.items for o in it.options)
            p.ordering = cue.order_request(said) >= 0 or (placed_opts and "please" in said)
            if p.ordering and len(p.items) == 1 and p.items[0].quantity is None:
                chosen = {k for k, i in enumerate(later) if i in p.option_at}  # "I'll take the 12 piece": a choice
                p.items[0].quantity = _bare_quantity(said, frozenset(chosen))  # "do you have croissants? I'll take two"
        if ordered and any(info[ordered[0].start:]):
            # an item named, then a question about what there is: without an order request the item was a
            # topic ("I'm into matcha. What matcha drinks are there?"); with one, a question about the item
            # ("I'd like a latte, but what milks do you have?") is answered first and the item waits for it
            said = [t for t, a in zip(toks, asked, strict=True) if not a]
            if cue.order_request(said) < 0 and "please" not in said:  # "a latte please, ..." asks for it
                p.ordering = False
            elif self._about(ordered[0], toks, info):
                p.ordering, p.hold = False, True

    def _of_the_noun(self, before: Sequence[str], toks: Sequence[str], item: ItemSpec) -> ItemSpec:
        """"make one of the sandwiches a pulled pork": the product said, named with the noun of the units it
        replaces ("pulled pork" + "sandwich"), when the catalog has one product so named (the pulled pork sandwich,
        not the pulled pork by the pound); else the item as said."""
        said = [tuple(toks[item.start:item.end])]  # as said, or by the name of the product it was heard as
        said += [phrase_of(self.lexicon.products[s].name) for s in item.skus if s in self.lexicon.products]
        for t in reversed(before):
            for noun in sorted(_singulars_of(t), key=len):
                found = {tg.sku for name in said if noun not in name for tg in self.lexicon.phrases.get((*name, noun), ())
                         if tg.kind == "product" and tg.exact}
                if len(found) == 1:
                    return ItemSpec((found.pop(),), item.quantity, item.options, item.start, item.end, item.exact)
        return item

    def _lines_of_kind(self, toks: Sequence[str], start: int, ctx: Context) -> tuple[tuple[str, ...], int] | None:
        """"forget the drinks", "take off the sides", "drop all the sandwiches": a plural noun from ``start`` on
        that ends the name of a category of the catalog ("Sides", "Espresso Drinks"), or a word for drinks in
        general, names the cart's lines of that kind: their products and where the noun was said, or None when
        no line is of it."""
        said = [i for i in range(start, len(toks)) if toks[i].endswith("s") and len(toks[i]) > 3
                and toks[i] not in ("those", "these", "this", "yes", "thanks", "please", "plus")]
        for at in said[:2]:
            word = toks[at]
            skus = []
            for sku in ctx.line_skus:
                product = self.lexicon.products.get(sku)
                cat = phrase_of(product.category) if product is not None else ()
                if cat and (cat[-1] == word or word in _GENERIC_GOODS and any(w in _DRINK_CATEGORIES for w in cat)):
                    skus.append(sku)
            if skus:
                return tuple(dict.fromkeys(skus)), at
        return None

    def _about(self, item: ItemSpec, toks: list[str], info: list[bool]) -> bool:
        """Does the question after ``item`` ask about it ("what milks", "what kinds", "the latte") rather than
        about other goods ("do you have any pastries")?"""
        asked = [t for t, i in zip(toks[item.end:], info[item.end:], strict=True) if i]
        mine = {w for s in item.skus if s in self.lexicon.products
                for w in self.lexicon.search_words(self.lexicon.products[s])}
        def other_goods(t: str) -> bool:
            if t not in self.lexicon.search_index or t in mine or t[:-1] in mine or t in _GENERIC_GOODS:
                return False
            return all(target.kind == "product" for target in self.lexicon.phrases.get((t,), ()))  # not "milk"

        return not any(other_goods(t) for t in asked)

    # ------------------------------------------------------------------------------------------
    def _intent(self, p: ParseDraft, toks: list[str], ctx: Context) -> Intent:
        if self._named_with_the_line(p, toks, ctx) or self._line_by_a_word_of_its_choice(p, toks, ctx):
            return Intent.MODIFY
        self._one_of_the_line(p, toks, ctx)
        self._choice_of_the_line(p, toks, ctx)
        self._base_of_the_line(p, toks, ctx)
        taking_off = cue.find(toks, cue.REMOVE + cue.CLEAR)
        if taking_off < 0 and "take" in toks and any(t in ("off", "out", "away") for t in toks):
            taking_off = toks.index("take")
        if taking_off >= 0 and not p.items and ctx.has_lines and not p.question and not p.options:
            kind = self._lines_of_kind(toks, taking_off + 1, ctx)
            if kind is not None:  # "forget the drinks", "remove all the sides": every line of that kind
                p.items = [ItemSpec(kind[0], None, [], kind[1], kind[1] + 1, False)]
        has_items = bool(p.items)
        changing = has_items or bool(p.options)
        for decision in _DECISIONS:  # the turns whose intent no item or option of theirs can change
            if decision.when(p, toks, ctx):
                return decision.intent
        if _keeps_only(p, toks, ctx, self.lexicon):
            p.ref = "only"  # "just the sourdough": every other line off
            p.items = [dataclasses.replace(it, skus=(held,)) if (held := line_holding(self.lexicon, it.skus,
                                                                                      ctx.line_skus)) else it
                       for it in p.items]
            return Intent.REMOVE
        at = cue.find(toks, cue.REMOVE)
        said_options = {o.pos for o in p.options} | {o.pos for it in p.items for o in it.options}
        while at >= 0 and (any(tuple(toks[at:at + len(ph) + 1]) == (*ph, "to") for ph in _WANT_NOT)
                           or tuple(toks[at:at + 2]) == ("hold", "the") and at + 2 in said_options):
            # "I don't want to wait": no removal; "hold the cream on the latte": the cream, not the latte
            at = cue.find(toks, cue.REMOVE, at + 1)
        while at >= 0 and _choice_instead(toks, at, p):  # "shredded please, not the pate": a choice for another
            _drop_contrasted(p, at)
            at = cue.find(toks, cue.REMOVE, at + 1)
        if at < 0 and has_items and (verb := next((t for t in toks[:p.items[0].start] if t in _TAKE_OFF), None)) \
                and any(t in ("off", "out", "away") for t in toks[p.items[0].end:p.items[0].end + 3]):
            at = toks.index(verb)  # "take one latte off", "take one of the ducks out", "knock one avocado off"
        if at < 0 and not has_items and p.options and _taken_off(toks, p.options):
            at = toks.index("take")  # "no wait take the onions off": those choices off the line
        if at >= 0 and ctx.has_lines and not p.question and _dropped_for(toks, at, p.items, ctx.line_skus):
            p.items, p.replaces, p.replace = [p.items[1]], p.items[0], True  # "forget the flat whites, make them
            return Intent.MODIFY  # cappuccinos": the line swapped, its count kept
        if at >= 0 and has_items and _count_set_to(toks, p.items[0]) is not None:
            at = -1  # "drop the cokes to two": the line's count, not the line off
        taken = _count_taken_off(toks) if at < 0 else None
        if taken is not None and not (has_items and p.items[0].start < taken[0]):
            at = taken[0]  # "take one off", "take two off the hot dogs": that many units off
        if at < 0 and len(p.items) == 1 and ctx.has_lines and p.items[0].start > 0 and toks[p.items[0].start - 1] == "no" \
                and p.items[0].quantity is None and any(s in ctx.line_skus for s in p.items[0].skus):
            at = p.items[0].start - 1  # "no actually no frisbee": the frisbee off
        if at < 0 and has_items:
            at = _named_then_taken_off(toks, p.items, ctx.line_skus)  # "i'll try the oxford on first take it off"
        named_before = at >= 0 and has_items and (_count_off_of_named(toks, at, p.items, ctx.line_skus)
                                                   or _named_then_taken_off(toks, p.items, ctx.line_skus) == at)
        if at >= 0 and ctx.has_lines and (changing or p.ref or p.ordinal or count_of(toks) is not None) and not p.question \
                and (named_before or not (has_items and p.items[0].start < at)):
            p.portion = portion(toks)  # "remove one of the lattes": one of them
            if p.portion is None and named_before:
                p.portion = count_of(toks[at:])  # "too many dumplings, take off four": four of them
            if p.portion is None and taken is not None and taken[0] == at:
                p.portion = taken[1]
            if p.portion is None and not has_items and p.ordinal is None:  # "remove one", "take two off"
                p.portion = count_of(toks) or next((1 for i, t in enumerate(toks[at:], at) if t == "one"
                                                    and toks[i - 1] not in ("the", "that", "this", "other")), None)
            p.items = [dataclasses.replace(it, skus=(held,)) if not set(it.skus) & set(ctx.line_skus)
                       and (held := line_holding(self.lexicon, it.skus, ctx.line_skus)) else it for it in p.items]
            # ("remove one of the goody bags" with filled goody bags in the cart, none plain: that line)
            return Intent.REMOVE
        if not has_items and cue.has(toks, cue.SHOP_INFO) and not p.groups and not p.options:
            return Intent.SHOP_INFO
        facts = _facts(p, ctx)
        rest = _RULE_REST_OF_LIST
        if rest.holds(toks, facts, ctx.pending):  # "what else?" right after a list: the rest of it
            p.ref = rest.ref
            return rest.intent
        if ctx.expect_group and not p.groups and _RULE_CHOICES_ASKED.holds(toks, facts, ctx.pending):
            p.groups = [ctx.expect_group]  # "what kinds do you have?" to "which flavour?": that group's choices
            return _RULE_CHOICES_ASKED.intent
        if p.question and not p.ordering and not (p.affirm and not has_items and not p.groups and not self._asks(toks)):
            q = self._question(p, toks, ctx)
            if q is not None:
                return q
        if has_items and (p.max_cents is not None or p.min_cents is not None or toks[0] in ("any", "anything")) \
                and not cue.has(toks, _ASKS_FOR):
            p.search_words = [t for t in toks if t not in cue._FILL and t.isalpha()]
            return Intent.SEARCH
        if ctx.has_lines and not p.question and self._choices_of_the_focus(p, ctx):
            has_items = False  # "and one white small for my daughter" after two black t-shirts: one more t-shirt
        more_n = _one_more_made(toks, p.options, by_pair=self._by_pair(ctx.last_sku)) \
            if ctx.has_lines and not has_items and not p.question else None
        if more_n is not None:  # "and one in small for my son": one more like the line in focus, made so
            p.ref, p.quantity = "more", more_n
            return Intent.ADD
        recount_n = _recount_of_the_ones(toks, p.options, p.option_at) if ctx.has_lines and not has_items \
            and not p.question else None
        if recount_n is None and ctx.has_lines and not has_items and not p.question:
            recount_n = _just_count_of_made(toks, p.options, ctx.line_options)  # "just one yellow"
        if recount_n is not None:  # "actually make the almond ones three": that line's count, nothing else
            p.selector, p.options, p.quantity = list(p.options), [], recount_n
            return Intent.MODIFY
        if ctx.has_lines and not p.question and p.ref != "more" and part_of_line(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "make one of them iced", "make one of the lattes decaf"
        if ctx.has_lines and not p.question and the_other(toks, p):
            p.ref = "other"  # "and the other with oat": the other line of that product
            return Intent.MODIFY
        if has_items and ctx.has_lines and not p.question and self._one_made_on(p, toks, ctx):
            return Intent.MODIFY  # "the chicken one on a wheat pita": the chicken gyro's bread
        if has_items and ctx.has_lines and not p.question and self._one_named_by_item(p, toks, ctx):
            return Intent.MODIFY  # "the sausage one wants wheat toast": the breakfast made with sausage, its toast
        if has_items and ctx.has_lines and not p.question and (made := _the_made_made_so(toks, p.items)) is not None:
            p.selector, p.options, p.items = made[0], [*made[1], *p.options], []
            return Intent.MODIFY  # "make the 18 a beam blade": the 18 inch line made beam, no third blade
        if has_items and ctx.has_lines and not p.question and self._ones_of_a_choice(p, toks, ctx):
            return Intent.MODIFY  # "make the red velvet ones cream cheese frosting": the red velvet cupcakes
        if has_items:
            return self._add_or_modify(p, toks, ctx)
        offered = ctx.pending == "offer" and ctx.topic is not None and ctx.topic not in ctx.line_skus \
            and bool(p.options) and all(self._offers(ctx.topic, o) for o in p.options)
        chosen = _the_one_made(toks, p.options, p.option_at) if ctx.has_lines and not p.question and not offered \
            else []  # (not "a six pack of the black ones" to socks offered: those socks, though a line is black)
        narrowed = _narrowed_by_one(self.lexicon, p.options, chosen)
        if narrowed is not None:  # "with protein, the plant one": the plant protein, no line made with it
            p.options, chosen = narrowed, []
        if chosen and len(chosen) < len(p.options) and self._described_anew(p, toks, ctx, chosen):
            chosen = []  # "i need a number balloon" - "a seven" - "the big one in pink": the line, made big and pink
        if chosen and ctx.listed is not None and not _made_so_in_cart(chosen, ctx) \
                and _listed_by_word(toks, self._listed_group(ctx)) is not None \
                and (listed := self._listed_choice(p, toks, ctx)) is not None:
            return listed  # "the beef one with chili oil" after the rice roll's fillings, no beef line in the cart
        if chosen and len(chosen) < len(p.options):  # "make the mango one half sugar": that line, changed
            swap = swap_frame(toks)  # "for the tuna one the greens instead of the rice": the rice is what it was
            gone = [o for o in p.options if swap is not None and swap[2] and o.pos > swap[1] and o not in chosen]
            p.selector = [*chosen, *gone] if len(gone) < len(p.options) - len(chosen) else chosen
            p.options = [o for o in p.options if o not in p.selector]
            if p.quantity is None:  # "make the green one just one gallon": one of the gallon
                p.quantity = _count_of_unit(toks, p.options, self.lexicon)
            return Intent.MODIFY
        if chosen and cue.has(toks, _MAKE_IT):
            return Intent.MODIFY  # "make it the one meter one": the line in focus, made so
        if chosen and len(chosen) == len(p.options) and not p.deny and cue.has(toks, _ALSO):
            p.ref = "more"  # "can I get the daytime one too": one more like the line in focus, made so
        if ctx.has_lines and not has_items and p.options and not p.question and not ctx.focus_fresh \
                and ctx.topic is not None and ctx.topic not in ctx.line_skus \
                and all(self._offers(ctx.topic, o) for o in p.options) \
                and (n := _count_of_ones(toks, p.options)) is not None:
            p.ref, p.quantity = "it", n  # "are the filled goody bags priced per bag" - "six unicorn ones then": the
            return Intent.ADD  # bags just talked about, not more of the cups in the cart (which come in unicorn too)
        if ctx.has_lines and not has_items and p.options and not p.question and _a_new_one(toks, p.option_at) \
                and not cue.has(toks, _MAKE_IT) and not p.deny and self._said_again_made_so(p, toks, ctx):
            p.ref = "it"  # "a latte" - "a large one": that latte, large (no second one)
            return Intent.MODIFY
        if ctx.has_lines and not has_items and p.options and not p.question and _a_new_one(toks, p.option_at) \
                and not cue.has(toks, _MAKE_IT) and not p.deny:  # "make that a large one", "no, a decaf one": a change
            p.ref = "more"  # "and a large one with oat milk": one more like the line in focus, made so
            if ctx.topic is not None and ctx.topic not in ctx.line_skus and ctx.last_sku is not None \
                    and all(self._offers(ctx.topic, o) for o in p.options) \
                    and not all(self._offers(ctx.last_sku, o) for o in p.options):
                p.ref = "it"  # "do you have remote control cars" - "ok a red one": the car talked about, in red,
                return Intent.ADD  # not one more of the plush in the cart, which comes in no red
        if p.ref == "more" and ctx.has_lines and not p.question:
            return Intent.ADD  # "another one of those", "same again but with oat milk": like the line in focus
        if (_RULE_TAKE_SHOWN.holds(toks, facts, ctx.pending) and not self._held_by_line(p, toks, ctx, ctx.shown) or (
                ctx.shown and p.ref == "it" and _bare_quantity(toks, p.option_at) is not None
                and cue.has(toks, cue.ADD_VERBS))) and not _line_talked_of(ctx) \
                and not (p.options and ctx.has_lines and _every_line_said(toks)):  # "gift wrap both of them": lines
            p.ref = p.ref if p.ref in ("cheaper", "pricier") else "it"
            p.quantity = _bare_quantity(toks, p.option_at)
            return Intent.ADD
        bare = _bare_quantity(toks, p.option_at)
        if bare is None and [t for t in toks if t not in cue._FILL and t not in _LEAD_FILL] in (["one"], ["a", "one"]):
            bare = 1  # "one please"
        packs = _packages_alone(toks) if ctx.pending == "offer" and not p.options else None
        if packs is not None:
            bare, p.groups = packs, []  # "one pack please", "two boxes": of the product offered, as it comes
        offered = ctx.topic is not None and (ctx.pending == "offer" or ctx.topic not in ctx.line_skus)
        if offered and not p.question and bare is not None and not p.options and p.ref in (None, "it") \
                and (cue.has(toks, cue.ADD_VERBS) or "please" in toks or packs is not None
                     or len([t for t in toks if t not in cue._FILL and t not in _LEAD_FILL]) <= 1):
            p.ref, p.quantity = "it", bare  # "how much is a scone?" - "I'll take two" / "one please"
            return Intent.ADD
        if ctx.listed is not None and _listed_by_word(toks, self._listed_group(ctx)) is not None \
                and (listed := self._listed_choice(p, toks, ctx)) is not None:
            return listed  # "the cheddar one warmed" after the scone's flavours: that flavour, warmed
        if p.options and ctx.shown and (not ctx.has_lines or ctx.listing and (
                p.ordinal is not None or p.ref in ("cheaper", "pricier"))) \
                and (any(all(self._offers(s, o) for o in p.options) for s in ctx.shown)
                     or owner_by_name_word(self.lexicon, p.options) is None):  # "the second one in large" (not
            # "the childrens tylenol grape" after a thermometer was talked of: a product named by its words)
            p.ref = p.ref if p.ref in ("cheaper", "pricier") else "it"
            if p.quantity is None:  # "ok six of the beef": six of the one offered (a count before the choices)
                p.quantity = _bare_quantity(toks[:min(o.pos for o in p.options)], p.option_at)
            return Intent.ADD
        swapped = self._choice_instead(p, toks, ctx)
        if swapped is None:  # "almond milk instead of the oat milk": the line's milk
            swapped = self._choices_swapped(p, toks, ctx)
        if swapped is not None:
            return swapped
        listed = self._listed_choice(p, toks, ctx)
        if listed is not None:
            return listed
        if self._left_as_usual(p, toks, ctx):  # "the wings, whatever sauce is usual": that line, as it comes
            return Intent.MODIFY
        unsold = _of_a_noun_not_sold(self.lexicon, toks, p.options)
        owner = self._sole_owner(p.options) if not unsold else None
        if owner is None and p.options and not ctx.has_lines and p.ref is None and not unsold \
                and not any(toks[o.pos].isdigit() for o in p.options if 0 <= o.pos < len(toks)):
            owner = value_owner(self.lexicon, p.options, alone=True)  # "sprite" to an empty cart: the soda, an item
            # (not "make it two": a count of something gone, never a "2 lb" of some product)
        if owner is None and p.ref is None and ctx.has_lines and self._held_by_line(p, toks, ctx) is False:
            owner = value_owner(self.lexicon, p.options, alone=True)  # "in a gift box" after a card: the bouquet
        named = owner_by_name_word(self.lexicon, p.options) if owner is None and not ctx.has_lines else None
        if named is not None:  # "childrens tylenol the grape one": "childrens" names the product, not a choice
            owner, p.options = named[0], named[1]
        if owner is not None and owner != ctx.last_sku and self._onto_focus(p.options, toks, ctx):
            owner = None  # "can you add feta to that" to a gyro: the gyro's feta, not the fries that come with feta
        if owner is not None and cue.has(toks, _MAKE_IT) and (owner in ctx.line_skus or ctx.last_sku is not None
                                                              and all(self._offers(ctx.last_sku, o) for o in p.options)):
            owner = None  # "make that a large one with half sugar": the line in focus, made so ("make that two six
            # packs": the line that comes in six packs)
        measured = self._measured_anew(p, toks, ctx) if owner is None else None
        if measured is not None:  # "so one gallon of white in flat" to a line of paint: one more line of it
            owner = measured
        first = min(o.pos for o in p.options) if p.options else 0
        new_item = measured is not None or any(t in ("a", "an") and not (i > 0 and toks[i - 1] in (*_BASE_PREPS, *_HOLDER_PREPS)
                                                  and owner == ctx.last_sku)
                       and not self._group_named_at(toks, i, p.options, ctx.line_skus)
                       or t.isdigit() or t == "and" and owner != ctx.last_sku
                       for i, t in enumerate(toks[:first]) if i >= first - 2)
        # "and steamed" to the gyoza just ordered: a change; "on a croissant" to the sandwich just ordered: its bread
        adding = cue.has(toks, cue.ADD_VERBS) and owner != ctx.last_sku  # "add chili" to the hot dog: a change
        if owner is not None and (not ctx.has_lines or adding or new_item or self._kind_of_no_line(p, ctx, owner)) \
                and not p.question:
            again = _opened_again(toks, p.options)  # "a scoop of mango and a scoop of lime": two of the product
            p.items = [ItemSpec((owner,), _bare_quantity(toks, p.option_at), list(p.options), 0, len(toks), True)] \
                if not again else [ItemSpec((owner,), int(toks[a]) if toks[a].isdigit() else None,
                                            [o for o in p.options if a <= o.pos < b], a, b, True) for a, b in again]
            p.options = []  # "an earl grey tea": only the hot tea has that choice
            return Intent.ADD
        if p.options:
            if ctx.has_lines and (cue.has(toks, cue.EVERY_LINE) or _every_before(toks, p.options)):
                p.ref = "all"  # "make both large", "all large": every line that offers it
            elif ctx.has_lines and p.quantity is None and cue.has(toks, _MAKE_IT):
                p.quantity = _bare_quantity(toks[:first], p.option_at)  # "make that two six packs": two, so made
            if ctx.has_lines and p.quantity is None and p.ref != "all":
                p.quantity = _count_of_unit(toks, p.options, self.lexicon)  # "make the blush three yards": three of the yard
            return Intent.MODIFY
        if p.ref == "more" and ctx.has_lines:
            return Intent.ADD
        lead = next((t for t in toks if t not in ("uh", "um", "er", "oh", "well", "so", "hmm")), "")
        if ctx.has_lines and (corrected := count_corrected(toks)) is not None:
            p.quantity = corrected  # "batteries double a" - "two no three": three of them
            return Intent.MODIFY
        if ctx.has_lines and (cue.has(toks, cue.MODIFY) or lead in _RECOUNT_LEADS or _recount_said_after(toks)
                              or _count_of_those(toks, ctx)):
            bare = _bare_quantity(toks, p.option_at)
            if bare is not None:
                p.quantity = bare
                return Intent.MODIFY
        if cue.has(toks, cue.WANT_TO_ORDER) and not p.question and not (p.affirm and ctx.has_lines):
            return Intent.ADD  # "I'd like to order": asked what they would like
        if p.affirm:
            return Intent.AFFIRM
        if p.deny:
            return Intent.DENY
        if cue.has(toks, cue.CHECKOUT) and not cue.has(toks, _NOT_CHECKOUT):
            return Intent.CHECKOUT
        if cue.has(toks, cue.CART):
            return Intent.CART
        if p.order_type:
            return Intent.ORDER_TYPE
        if ctx.pending == "order_number" and p.order_number:
            return Intent.ORDER_STATUS
        if p.ordinal is not None or p.ref in ("cheaper", "pricier"):
            return Intent.ADD if ctx.pending == "clarify_product" or ctx.shown else Intent.OUT_OF_SCOPE
        if p.question or p.groups:
            q = self._question(p, toks, ctx)
            if q is not None:
                return q
        if cue.whole(toks, cue.GREET, cue._FILL) or (len(toks) <= 6 and cue.has(toks[:2], cue.GREET)):
            return Intent.GREET
        thanks_words = {w for ph in cue.THANKS for w in ph}
        if any(t in ("thanks", "thank", "cheers", "appreciate", "appreciated") for t in toks) \
                and all(t in thanks_words or t in cue._FILL for t in toks):
            return Intent.THANKS
        if cue.has(toks, cue.SHOP_INFO):
            return Intent.SHOP_INFO
        return Intent.OUT_OF_SCOPE

    def _listed_choice(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> Intent | None:
        """"What flavours does the waffle come in?" - "matcha": a choice of the group just listed for that product,
        though its words also name another product (or are only part of the choice's name: "the green one" for
        "salsa verde", alias "green salsa"); the line of that product changed, or one added made so."""
        if ctx.listed is None:
            return None
        if _listed_by_word(toks, self._listed_group(ctx)) is None and (
                len(p.items) > 1 or p.items and p.items[0].quantity is not None
                or not p.items and (not p.options or p.question)):
            return None
        sku, code = ctx.listed
        product = self.lexicon.products.get(sku)
        group = product.group(code) if product is not None else None
        if group is None or any(sku in it.skus for it in p.items):
            return None
        word_pick = _listed_by_word(toks, group) if not p.question else None
        if word_pick is not None and not any(it.start <= word_pick[0] < it.end for it in p.items) \
                and not any(t.group == code and o.pos != word_pick[0] for o in p.options for t in o.targets):
            # "what scones do you have" - "the cheddar one warmed", "the cherry one and a coffee": a word of one
            # listed choice ("cheddar and chive", "cherry"), with the choices said with it
            at, value = word_pick
            p.options = [o for o in p.options if o.pos != at]
            mine = [] if p.items else list(p.options)
            count = p.quantity if p.quantity is not None else _bare_quantity(toks[:at - 1], p.option_at)
            p.items = [ItemSpec((sku,), count, [OptionSpec((Target("option", "", code, value, True),), pos=at), *mine],
                                at - 1, at + 2), *p.items]  # "two of the herbed ones": two
            p.options = [] if mine else p.options
            return Intent.MODIFY if sku in ctx.line_skus and len(p.items) == 1 else Intent.ADD
        if p.items:
            item = p.items[0]
            start, end, rest = item.start, item.end, list(item.options)
        else:  # only choices were heard ("the green one": the tamale's green filling)
            start, end, rest = min(o.pos for o in p.options), max(o.pos for o in p.options) + 1, []
            if any(self._offers(sku, o) for o in p.options):
                return None  # a choice of the listed product itself: the usual way
        said = tuple(t for t in toks[start:end] if t not in GLUE)
        targets = tuple(t for t in self.lexicon.phrases.get(said, ()) if t.kind == "option" and t.group == code
                        and group.value(t.value) is not None)
        words = set(said) - {"one", "ones"}
        if not targets and words and {"one", "ones"} & set(toks[start:end + 1]):
            hit = _value_with_words(group, words)
            if hit is not None:
                targets = (Target("option", "", code, hit, True),)
        if not targets:
            return None
        p.items = [ItemSpec((sku,), None, [OptionSpec(targets, pos=start), *rest], start, end)]
        p.options = []
        return Intent.MODIFY if sku in ctx.line_skus else Intent.ADD

    def _listed_group(self, ctx: Context) -> OptionGroup | None:
        if ctx.listed is None or (product := self.lexicon.products.get(ctx.listed[0])) is None:
            return None
        return product.group(ctx.listed[1])

    def _choices_of_the_focus(self, p: ParseDraft, ctx: Context) -> bool:
        """"and one white small for my daughter" after two black t-shirts: the one item heard from choices' words
        alone ("small" read as a belt) whose choices the product of the line in focus offers, every one, and
        that product does not: the choices are said of the line in focus (its items go to its options). True when
        so read."""
        if len(p.items) != 1 or ctx.last_sku is None or not _only_choices_said(p.items[0]):
            return False
        item = p.items[0]
        said = [*item.options, *p.options]
        if ctx.last_sku in item.skus or not item.options or not all(self._offers(ctx.last_sku, o) for o in said) \
                or all(self._offers(s, o) for s in item.skus for o in said) \
                or _one_more_made(p.tokens, said) is None:
            return False
        p.items, p.options = [], sorted(said, key=lambda o: o.pos)
        return True

    def _ones_of_a_choice(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
        """"Make the red velvet ones cream cheese frosting" with red velvet cupcakes in the cart: "the <words> one(s)"
        where the words name a product the cart has no line of and a choice some line has, with a change said (after
        it, or before it and joined by "with"/"on": "bbq chips with the tuna one"): that choice picks the line (the
        selector), the item's choices are the change. True when so read."""
        if len(p.items) != 1:
            return False
        item = p.items[0]
        if not (0 < item.start and toks[item.start - 1] in _DEFINITE and item.end < len(toks)
                and toks[item.end] in ("one", "ones")) or any(s in ctx.line_skus for s in item.skus):
            return False
        said = tuple(toks[item.start:item.end])
        targets = tuple(t for t in self.lexicon.phrases.get(said, ()) if t.kind == "option")
        spec = OptionSpec(targets, pos=item.start, said=" ".join(said))
        change = [o for o in (*item.options, *p.options) if o.pos > item.end]
        if not change and item.start >= 3 and (toks[item.start - 2] in _ONTO_PREPS or toks[item.start - 2] in _WITH):
            change = [o for o in (*item.options, *p.options) if 0 <= o.pos < item.start - 2]  # "bbq chips with the
            # tuna one", "onion rings on the sprite one": the change said first, joined to the line it is for
        if not targets or not change or not any(self._offers(sku, spec) for sku in ctx.line_skus):
            return False
        p.selector, p.options, p.items = [spec], change, []
        return True

    def _choice_of(self, said: Sequence[str], sku: str) -> OptionSpec | None:
        """The words of an item said as a choice of the product ``sku`` offers, when they are the name of that
        choice and of no product ("a sesame bagel" to a bacon egg and cheese that comes on a sesame bagel; never "a
        mocha", a product of its own); else None."""
        product = self.lexicon.products.get(sku)
        found = self.lexicon.phrases.get(tuple(said), ())
        if product is None or any(t.kind == "product" for t in found):
            return None
        targets = tuple(t for t in found if t.kind == "option" and (g := product.group(t.group)) is not None
                        and g.value(t.value) is not None)
        return OptionSpec(targets, said=" ".join(said)) if targets else None  # pos: the caller's

    def _line_by_word(self, toks: Sequence[str], p: ParseDraft, ctx: Context) -> str | None:
        """"... instead of the plain one": after "instead of", "the <word> one" names the one cart line whose
        product has that word in its name or aliases ("plain croissant")."""
        at = cue.find(toks, _INSTEAD_OF)
        if at < 0 or p.items[0].start > at:
            return None
        rest = toks[at:]
        for k in range(len(rest) - 2):
            if rest[k] == "the" and rest[k + 2] in ("one", "ones"):
                word = rest[k + 1]
                hits = {sku for sku in ctx.line_skus if sku in self.lexicon.products and any(
                    word in phrase_of(n) for n in (self.lexicon.products[sku].name, *self.lexicon.products[sku].aliases))}
                if not hits:  # "... instead of the mango one": the one line whose product has that choice
                    hits = {sku for sku in ctx.line_skus if sku in self.lexicon.products and any(
                        word in phrase_of(n) for g in self.lexicon.products[sku].option_groups for v in g.values
                        for n in (v.name, *v.aliases))}
                return hits.pop() if len(hits) == 1 else None
        return None

    def _choice_instead(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> Intent | None:
        """"a root beer instead of the coke" when both are choices of one product (the fountain drink): the one cart
        line of a product offering the choice said after "instead of" becomes one with the choice said before it."""
        at = cue.find(toks, _INSTEAD_OF)
        if at < 0 or not ctx.has_lines or p.question or not p.options:
            return None
        new = [o for o in p.options if o.pos < at]
        gone = [o for o in p.options if o.pos > at]
        owner = self._sole_owner(new) if new and gone else None
        lines = {sku for sku in ctx.line_skus for o in gone if self._offers(sku, o)}
        if owner is None or lines != {owner}:
            return None
        p.items, p.options = [ItemSpec((owner,), None, new, min(o.pos for o in new), at, True)], []
        p.replaces, p.replace, p.selector = ItemSpec((owner,)), True, gone
        return Intent.MODIFY

    def _as_choices(self, p: ParseDraft, toks: Sequence[str]) -> list[OptionSpec] | None:
        """Everything the turn names read as choices: its loose options, and each item whose words are also a
        choice ("fruit", "the hash browns" at a diner where both are sides and potato choices) with its own
        options; None when some item names only a product."""
        specs = list(p.options)
        for it in p.items:
            said = tuple(t for t in toks[it.start:it.end] if t not in GLUE)
            targets = tuple(t for t in self.lexicon.phrases.get(said, ()) if t.kind == "option")
            if not targets or it.quantity not in (None, 1):
                return None
            specs.append(OptionSpec(targets, pos=it.start, said=" ".join(said)))
            specs.extend(o for o in it.options if o.pos != it.start)
        return specs

    def _choices_swapped(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> Intent | None:
        """"fruit instead of the hash browns", "sub fruit for the hash browns", "swap the hash browns for fruit",
        "almond milk instead of the oat milk" (:func:`dialogue.corrections.swap_frame`): when what comes and what goes are
        choices that a cart line offers, each that goes of a group of one that comes (the line in focus first), that
        line's choice changes; what goes picks the line and is not set, though the words of either also name a
        product sold on its own (a side of hash browns, a fruit cup)."""
        frame = swap_frame(toks)
        if frame is None or not ctx.has_lines or p.question:
            return None
        specs = self._as_choices(p, toks)
        if not specs:
            return None
        start, at, new_first = frame
        said = [o for o in specs if (start if not new_first else 0) <= o.pos < at]
        new, gone = (said, [o for o in specs if o.pos > at]) if new_first else ([o for o in specs if o.pos > at], said)
        picked = _the_one_made(toks, new, p.option_at) if new_first else []
        if len(picked) < len(new):  # "for the chicken one, the spicy tuna roll instead of the california": "the
            new = [o for o in new if o not in picked]  # chicken one" picks the line, with what goes
        else:
            picked = []
        last = _the_one_made(toks, gone, p.option_at) if new_first else []
        if last and len(last) < len(gone):  # "onion rings instead of fries on the sprite one": "the sprite one",
            gone = [o for o in gone if o not in last]  # said last, picks the line too
            picked = [*picked, *last]
        if not new or not gone:
            return None

        def fits(sku: str) -> bool:
            product = self.lexicon.products.get(sku)
            if product is None:
                return False
            groups = [{t.group for t in o.targets if (g := product.group(t.group)) is not None
                       and g.value(t.value) is not None} for o in (*new, *gone)]
            coming = set().union(*groups[:len(new)])
            return all(groups) and all(g & coming for g in groups[len(new):])  # like for like: each goes for one

        lines = [sku for sku in dict.fromkeys(reversed(ctx.line_skus)) if fits(sku)]
        if not lines:
            return None
        sku = ctx.last_sku if ctx.last_sku in lines else lines[0] if len(lines) == 1 else None
        if sku is None:
            return None
        product = self.lexicon.products[sku]

        def own(o: OptionSpec) -> OptionSpec:
            kept = tuple(t for t in o.targets if (g := product.group(t.group)) is not None and g.value(t.value))
            return OptionSpec(kept, o.amount, o.qualifier, o.pos, o.said)

        p.items, p.options, p.selector = [], [own(o) for o in new], [own(o) for o in (*picked, *gone)]
        p.replaces, p.replace = None, False
        return Intent.MODIFY

    def _polite_request(self, toks: list[str]) -> bool:
        """"Do you have X, please?" / "Can you do me an X, please?": a yes-no question naming a product and
        saying please asks for it."""
        lead = [t for t in toks[:4] if t not in _LEAD_FILL]
        if "please" not in toks or len(lead) < 2 or lead[0] not in ("do", "can", "could", "would", "will") \
                or lead[1] != "you" or any(t in _ASKING_WORDS for t in toks):
            return False
        return any(m.exact_products for m in find_mentions(self.lexicon, toks))

    def _one_named_by_item(self, p: ParseDraft, toks: list[str], ctx: Context) -> bool:
        """"The sausage one wants wheat toast" to two breakfasts, one made with sausage links: "the <words> one"
        whose words name a product none of the cart's lines is (a side of sausage) and a choice a line's product
        offers names that line (the selector), and the items said after it whose words are choices of that product
        (wheat toast) are its change, not items. True when so read (the parse changed), else False."""
        lex = self.lexicon
        item = next((it for it in p.items if it.start > 0 and toks[it.start - 1] in _DEFINITE
                     and it.end < len(toks) and toks[it.end] in ("one", "ones")), None)
        if item is None or any(s in ctx.line_skus for s in item.skus) or any(it.start < item.start for it in p.items):
            return False

        def offered(t: Target) -> set[str]:
            return {s for s in ctx.line_skus if s in lex.option_skus.get((t.group, t.value), ())}

        words = toks[item.start:item.end]
        named = tuple(t for t in lex.phrases.get(tuple(words), ()) if t.kind == "option" and offered(t))
        skus = {s for t in named for s in offered(t)}
        change = [OptionSpec(kept, pos=o.pos, said=o.said) for it in p.items if it is not item for o in it.options
                  if (kept := tuple(t for t in o.targets if offered(t) & skus))]
        if not named or not (change or p.options) or any(not it.options for it in p.items if it is not item):
            return False
        p.selector = [OptionSpec(named, pos=item.start, said=" ".join(words))]
        p.options = [*p.options, *change]
        p.items = []
        return True

    def _one_made_on(self, p: ParseDraft, toks: list[str], ctx: Context) -> bool:
        """"the chicken one on a wheat pita" with gyros in the cart: "the <choice> one" names a line, and a product
        of the cart said after "on" / "in" with choices is that line's choice ("pita" names the gyro), not a new
        item. Moves those choices to the change and the ones said before "one" to the selector: True, else False."""
        if len(p.items) != 1:
            return False
        item = p.items[0]  # ("make the ham one on a seeded sub": "ham" may be read as the sub's own)
        chosen = _the_one_made(toks, [*p.options, *item.options], p.option_at)
        changes = [o for o in item.options if o not in chosen]
        if not chosen or not changes:
            return False
        sku = next((s for s in reversed(ctx.line_skus) if s in item.skus), None)
        prep = next((i for i in range(item.start - 1, max(o.pos for o in chosen), -1)
                     if toks[i] in (*_BASE_PREPS, *_HOLDER_PREPS)), None)
        if sku is None or prep is None or any(o.pos > prep and o not in item.options for o in p.options) \
                or not all(self._offers(sku, o) for o in chosen):
            return False
        p.selector = chosen
        p.options = [*(o for o in p.options if o not in chosen), *changes]
        p.items = []
        return True

    def _held_by_line(self, p: ParseDraft, toks: list[str], ctx: Context, among: Sequence[str] | None = None
                      ) -> bool | None:
        """"in a gift box" said alone: a choice said after a holding preposition and an article goes to a line of
        the cart that offers it (True: "put it in a gift bag" to the hamper just taken is that hamper's wrapping,
        no second hamper); when no line offers it (False: after a greeting card), it may name a product. None
        when the choice is not said so. ``among``: only the lines of those products."""
        first = min(o.pos for o in p.options) if p.options else 0
        if not (2 <= first and toks[first - 1] in ("a", "an") and toks[first - 2] in _HOLDER_PREPS):
            return None
        return any(all(self._offers(sku, o) for o in p.options) for sku in ctx.line_skus
                   if among is None or sku in among)

    def _measured_anew(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> str | None:
        """"so one gallon of white in flat", "and two quarts of the blue" with lines in the cart and no product named:
        a count and a unit said as the head of a noun phrase ("<count> <unit> of <choice>") order one more line of
        the cart's product that offers every choice said (the one in focus first), not a change of a line; None when
        the turn says a change ("make it one gallon of white"), asks, or no line's product offers them all."""
        if not ctx.has_lines or not p.options or p.question or p.items or p.ref in ("all", "more") \
                or cue.has(toks, _MAKE_IT) or cue.has(toks, cue.MODIFY):
            return None
        head = min(p.options, key=lambda o: o.pos)
        said = head.said.split()
        end = head.pos + len(said)
        counted = len(said) == 2 and (said[0] == "one" or said[0].isdigit()) \
            or len(said) == 1 and head.pos >= 1 and toks[head.pos - 1].isdigit()
        if not counted or toks[end:end + 1] != ["of"] or len(p.options) < 2:
            return None
        for sku in dict.fromkeys(s for s in (ctx.last_sku, *reversed(ctx.line_skus)) if s):
            if all(self._offers(sku, o) for o in p.options):
                return sku
        return None

    def _kind_of_no_line(self, p: ParseDraft, ctx: Context, owner: str) -> bool:
        """"coke large" to a cart of garlic knots: choices no line of the cart offers, one of them the kind of
        ``owner`` (a product not in the cart), name that product as one more item, not a change of a line."""
        product = self.lexicon.products.get(owner)
        kind = kind_group(product) if product is not None and owner not in ctx.line_skus else None
        return kind is not None and any(t.group == kind.code for o in p.options for t in o.targets) \
            and not any(self._offers(sku, o) for sku in dict.fromkeys(ctx.line_skus) for o in p.options)

    def _sole_owner(self, options: list[OptionSpec]) -> str | None:
        """The one product that offers every option said (of several, the one they complete), if there is one."""
        return value_owner(self.lexicon, options) if options else None

    def _focus_made_so(self, p: ParseDraft, ctx: Context) -> ItemSpec | None:
        """"how much for the 100 watt", "how much is the large" with a product in focus: choices said with no product,
        all of which the product in focus offers, ask about that product made so. None otherwise."""
        sku = ctx.topic or ctx.last_sku
        if sku is None or not p.options or not all(self._offers(sku, o) for o in p.options):
            return None
        return ItemSpec((sku,), None, list(p.options), min(o.pos for o in p.options), max(o.pos for o in p.options) + 1)

    @staticmethod
    def _asks(toks: list[str]) -> bool:
        return cue.has(toks, cue.BROWSE) or cue.has(toks, cue.QUESTION_PRICE)

    def _question(self, p: ParseDraft, toks: list[str], ctx: Context) -> Intent | None:
        products = [it for it in p.items]
        if cue.has(toks, cue.CART) and not products:
            price = _RULE_PRICE_OF_TOPIC
            if price.holds(toks, _facts(p, ctx), ctx.pending):
                return price.intent  # the product just offered, not the order
            return Intent.CART
        if cue.has(toks, cue.QUESTION_PRICE) and not cue.has(toks, _PRICE_LIMIT):
            if not products and p.ref in (None, "it") and (focus := self._focus_made_so(p, ctx)) is not None:
                p.items = [focus]  # "how much for the 100 watt" of the bulb in focus: that bulb made so
                return Intent.PRICE
            return Intent.PRICE if products or p.ref else Intent.SEARCH
        kinds = self._kinds_of(p, toks)
        if kinds is not None:  # "what kind of juice do you have": the juice's flavours
            p.groups = [kinds]
            return Intent.OPTIONS
        if cue.has(toks, cue.QUESTION_DESCRIBE) and (products or p.ref == "it"):  # "what's in it"
            return Intent.DESCRIBE
        if p.groups and products and not p.options and not any(it.options for it in products) and any(
                (prod := self.lexicon.products.get(sku)) is not None and prod.group(g) is not None
                for it in products for sku in it.skus[:_FEW_ASKED] for g in p.groups):
            return Intent.OPTIONS  # "what grades of synthetic oil do you carry": its grades, not whether it is sold
        if cue.has(toks, cue.QUESTION_STOCK) and (products or p.ref):
            return Intent.STOCK
        if p.groups or (p.options and not products and cue.has(toks, _COMES_IN)):
            return Intent.OPTIONS
        if products and cue.has(toks, _ADDABLE):  # "what can I add to a smoothie": its add-ons
            addable = [g.code for sku in p.items[0].skus if (prod := self.lexicon.products.get(sku))
                       for g in prod.option_groups if g.multiple]
            if addable:
                p.groups = list(dict.fromkeys(addable))
                return Intent.OPTIONS
        if p.options and not products:
            return Intent.OPTIONS
        if products and p.items[0].options:
            return Intent.OPTIONS
        if products or cue.has(toks, cue.BROWSE) or p.max_cents is not None or p.min_cents is not None:
            p.search_words = [t for t in toks if t not in cue._FILL and t.isalpha()]
            return Intent.SEARCH
        if cue.has(toks, cue.SHOP_INFO):
            return Intent.SHOP_INFO
        return None

    def _choice_of_the_line(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
        """"Make it brown rice" to a california roll: the roll's rice, not a side of rice. An item heard only from a
        choice's words (no name of its product said) in a turn that makes something so ("make it", "make one of
        them") is that choice of the line in focus when that line offers it."""
        if len(p.items) != 1 or ctx.last_sku is None or not p.items[0].options or p.question \
                or not (cue.has(toks, _MAKE_IT) or "make" in toks):
            self._choices_of_parts(p, toks, ctx)
            return
        item = p.items[0]
        if ctx.last_sku in item.skus or not all(self._offers(ctx.last_sku, o) for o in item.options):
            return
        span = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
        if not any(phrase_of(o.said) == span for o in item.options):
            return  # more than the choice's words: a product's name too ("make it a side of rice")
        p.options, p.items = [*item.options, *p.options], []

    def _choices_of_parts(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
        """"One on brown rice and the other on soy paper" to two california rolls: the units of the line in focus
        shared into parts ("one ... and the other ...", "one ... and one ..."), each made with choices that line
        offers; items heard only from such choices' words (no name of their product said: "brown rice" is no side
        of rice here, "in a spinach wrap" no new roll) are those choices."""
        if not p.items or ctx.last_sku is None or p.question or ctx.last_sku not in ctx.line_skus \
                or len(parts_of(toks)) < 2:
            return
        marks = {"one", "ones", "other", "others", "rest", "and", "in", *_BASE_PREPS, *_WITH_WORDS}
        for item in p.items:
            if not item.options or not all(self._offers(ctx.last_sku, o) for o in item.options):
                return
            said = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + len(phrase_of(o.said)))}
            if any(i not in said and toks[i] not in GLUE and toks[i] not in marks and not toks[i].isdigit()
                   for i in range(item.start, item.end)):
                return  # more than the choice's words: a product's name too ("one with a side of rice")
        p.options = sorted([*(o for it in p.items for o in it.options), *p.options], key=lambda o: o.pos)
        p.items = []

    def _choices_of_another(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
        """"A one meat plate with brisket mac and cheese and greens" - "and another one for my brother with pulled
        pork and slaw and beans": after "another one" and "with", products named with no count of their own, each
        also a choice the product of the line in focus offers, are how that other one is made (its meat and its
        sides), not items of their own; they become the turn's choices (one more like the line, made so)."""
        product = self.lexicon.products.get(ctx.last_sku or "") if ctx.has_lines else None
        at = cue.find(toks, cue.MORE)
        if product is None or at < 0 or not p.items or p.question or not all(self._offers(product.sku, o)
                                                                             for o in p.options):
            return
        with_at = next((i for i in range(at, p.items[0].start) if toks[i] in _WITH), -1)
        if with_at < 0:  # (a product named before the "with" is an item of its own: "another coffee with milk")
            return
        made: list[OptionSpec] = []
        for it in p.items:
            if it.quantity is not None or not all(self._offers(product.sku, o) for o in it.options):
                return
            made.extend(it.options)  # ("... with ribs and corn and rice": the rice heard with the corn)
            own = tuple(t for t in self.lexicon.phrases.get(tuple(toks[it.start:it.end]), ())
                        if t.kind == "option" and (g := product.group(t.group)) is not None and g.value(t.value))
            if not own:
                return
            made.append(OptionSpec(own, pos=it.start, said=" ".join(toks[it.start:it.end])))
        p.items, p.options = [], sorted([*p.options, *made], key=lambda o: o.pos)


    def _named_with_the_line(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
        """"In colour" to forty black and white copies, "fifty in colour double sided" to copies: the only words of
        the turn that are no count, no choice and no filler, put before the name (or an alias) of the line in
        focus, name another product (the "colour copies"): the line becomes that product, with the count and the
        choices said. True when so read."""
        sku = ctx.last_sku
        product = self.lexicon.products.get(sku or "")
        if product is None or sku is None or p.question or ctx.line_skus.count(sku) != 1 \
                or ctx.pending in ("clarify_option", "clarify_product"):  # an answer to a question asked
            return False
        if p.items and (len(p.items) > 1 or p.items[0].exact or cue.has(toks, _ADDING + _ALSO)
                        or any(t in ("a", "an", "and") for t in toks)):
            return False  # a product named, or more of something ("and a glossy"): no change of the line
        chosen = {i for o in p.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(phrase_of(o.said)), 1))}
        said = tuple(t for i, t in enumerate(toks) if i not in chosen and not t.isdigit() and t not in GLUE
                     and t not in _CHANGE_FILL and t not in _LEAD_FILL and t not in _IN_WORDS)
        if not said or len(said) > 2:
            return False
        other = next((t.sku for n in (product.name, *product.aliases)
                      for t in self.lexicon.phrases.get((*said, *phrase_of(n)), ())
                      if t.kind == "product" and t.exact and t.sku != sku), None)
        if other is None or p.items and other not in p.items[0].skus:
            return False  # (an item heard is that product, said short: "glossy" for the glossy photos)
        count = _bare_quantity(toks, p.option_at)
        p.items = [ItemSpec((other,), count, list(p.options), 0, len(toks), True)]
        p.options, p.replaces, p.replace = [], ItemSpec((sku,)), True
        return True

    def _line_by_a_word_of_its_choice(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
        """"make the gray three gallons" to a paint in agreeable gray: the words right after "make the" / "change
        the", read as no choice any line holds, are words of the name (or an alias) of a choice that one line of
        the cart holds - that line, picked by how it is made; what follows is its change (the choices its product
        offers, the count of a unit). True when so read (``selector``, ``options``, ``quantity`` set)."""
        if not ctx.has_lines or p.question or len(ctx.line_options) != len(ctx.line_skus):
            return False
        at = next((i + 2 for i in range(len(toks) - 2) if (toks[i], toks[i + 1]) in _MAKE_THE_PAIRS), -1)
        if at < 0:
            return False
        specs = [*p.options, *(o for it in p.items for o in it.options)]
        held = {c for opts in ctx.line_options for c in opts}
        if any(o.pos == at and any((t.group, t.value) in held for t in o.targets) for o in specs):
            return False  # "make the navy cotton ...": a choice a line holds, read as said
        if any(it.start == at and set(it.skus) & set(ctx.line_skus) for it in p.items):
            return False  # "make the latte large": a line named by its product
        for n in (2, 1):
            said = tuple(toks[at:at + n])
            if len(said) < n or any(t.isdigit() or t in GLUE or t in _ONES for t in said):
                continue
            found = [(sku, choice) for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=True)
                     for choice in opts if self._choice_named_within(sku, choice, said)]
            if len({c for c in found}) != 1 or len(found) != 1:
                continue
            sku, (group, value) = found[0]
            product = self.lexicon.products[sku]
            end = at + n + (1 if at + n < len(toks) and toks[at + n] in _ONES else 0)
            covered = {i for o in specs if o.pos >= end for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
            stop = next((i for i in range(end, len(toks)) if i not in covered and not toks[i].isdigit()
                         and toks[i] not in GLUE and toks[i] not in _CHANGE_FILL), len(toks))
            change = [dataclasses.replace(o, targets=kept) for o in specs if end <= o.pos < stop  # (not "the room
                      # is bigger than i thought" after it)
                      if (kept := tuple(t for t in o.targets if t.kind == "option" and (g := product.group(t.group))
                                        is not None and g.value(t.value) is not None))]
            count = _count_of_unit(toks, change, self.lexicon)
            if not change and count is None:
                return False
            p.selector = [OptionSpec((Target("option", group=group, value=value),), pos=at, said=" ".join(said))]
            p.options, p.items, p.quantity, p.ref = change, [], count, None
            return True
        return False

    def _choice_named_within(self, sku: str, choice: tuple[str, str], said: tuple[str, ...]) -> bool:
        """The words are a whole-word part of the name or an alias of that choice of the product ("gray" of
        "agreeable gray")."""
        product = self.lexicon.products.get(sku)
        group = product.group(choice[0]) if product is not None else None
        value = group.value(choice[1]) if group is not None else None
        if value is None or group is None or choice[1] == group.default:
            return False
        n = len(said)
        return any(tuple(words[k:k + n]) == said for name in (value.name, *value.aliases)
                   if (words := phrase_of(name)) for k in range(len(words) - n + 1))

    def _one_of_the_line(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
        """"The 500 one" to a box of business cards, "the colour one" to an ink cartridge: words between "the" and
        "one" that no product in the cart offers as said, naming one choice of the line in focus (the only line of
        its product) by its name or an alias (said with "one" or not), else by a name or alias having them all
        ("box of 500"), are that choice of the line; an item heard only from them (no product named) is no item."""
        sku = ctx.last_sku
        product = self.lexicon.products.get(sku or "")
        if product is None or sku is None or p.question or ctx.line_skus.count(sku) != 1 \
                or ctx.topic not in (None, sku):  # "how much is the hand pie" - "the green one": the pie's
            return
        k = next((i for i in range(len(toks) - 2) if toks[i] == "the"
                  and any(t in _ONES for t in toks[i + 2:i + 5])), -1)
        if k < 0:
            return
        j = next(i for i in range(k + 2, len(toks)) if toks[i] in _ONES)
        said = tuple(t for t in toks[k + 1:j] if t not in GLUE)
        if not said or any(it.exact or it.start < k or it.end > j for it in p.items) \
                or any(self._offers(s, o) for o in p.options if k < o.pos < j for s in ctx.line_skus):
            return
        hits = {(g.code, v.code) for g in product.option_groups for v in g.values
                if {said, (*said, toks[j])} & {phrase_of(n) for n in (v.name, *v.aliases)}}
        if not hits:
            hits = {(g.code, code) for g in product.option_groups
                    if (code := _value_with_words(g, set(said))) is not None}
        if len(hits) != 1:
            return
        ((group, code),) = hits
        spec = OptionSpec((Target("option", "", group, code, True),), pos=k + 1, said=" ".join(said))
        p.items = []
        p.options = [*(o for o in p.options if not k < o.pos < j), spec]

    def _line_made_by_words(self, p: ParseDraft, toks: Sequence[str], sku: str) -> None:
        """"Make the scone cheddar" (its "cheddar and chive"), "make the edamame spicy" (its "spicy garlic"): the
        words said after the line's name, when they are no choice that product offers as said, are the one choice
        of the product whose name or an alias has them all; else, put before the words that named the line, another
        product's name ("make the copies colour": the "colour copies"), which then replaces the line's product."""
        item = p.items[0]
        product = self.lexicon.products.get(sku)
        if product is None or any(self._offers(sku, o) for o in item.options):
            return
        end = next((i for i in range(item.end, len(toks)) if toks[i] == "and"), len(toks))
        at = [i for i in range(item.end, end) if toks[i] not in GLUE and toks[i] not in _CHANGE_FILL]
        said = tuple(toks[i] for i in at)
        if not said or len(said) > 3:
            return
        hits = {(g.code, code) for g in product.option_groups if (code := _value_with_words(g, set(said))) is not None}
        if len(hits) == 1:
            ((group, code),) = hits
            spec = OptionSpec((Target("option", "", group, code, True),), pos=at[0], said=" ".join(said))
            p.items[0] = ItemSpec(item.skus, item.quantity, [spec], item.start, item.end, item.exact)
            return
        named = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
        other = next((t.sku for t in self.lexicon.phrases.get((*said, *named), ())
                      if t.kind == "product" and t.exact and t.sku != sku), None)
        if other is not None:
            p.replaces, p.replace = ItemSpec((sku,)), True
            p.items[0] = ItemSpec((other,), None, [], item.start, item.end, True)

    def _base_of_the_line(self, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
        """"Put it on a bagel", "on a bagel please" to the egg and cheese just ordered: the sandwich's bread, though
        "bagel" is also sold on its own. The one item of a turn, said right after a base preposition (and an
        article), uncounted and with nothing else to it, whose words are also a choice the line in focus offers
        (but not its own product), is that choice of the line."""
        if len(p.items) != 1 or ctx.last_sku is None or p.options or p.question:
            return
        item = p.items[0]
        if ctx.last_sku in item.skus or item.quantity is not None or item.options:
            return
        k = item.start - 1 if item.start > 0 and toks[item.start - 1] in ("a", "an", "the") else item.start
        if k == 0 or toks[k - 1] not in _BASE_PREPS:
            return
        said = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
        targets = tuple(t for t in self.lexicon.phrases.get(said, ()) if t.kind == "option"
                        and ctx.last_sku in self.lexicon.option_skus.get((t.group, t.value), ()))
        if targets:
            p.items, p.options = [], [OptionSpec(targets, pos=item.start, said=" ".join(said))]

    def _kinds_of(self, p: ParseDraft, toks: Sequence[str]) -> str | None:
        """"What kind of juice do you have", "what kinds of bagels are there": a question about the variety of the
        one product named, answered with the group that says its kind (:func:`dialogue.kinds.kind_group`); "what
        kind of milk does the latte come with": the group named (here by the word that is also its plain value),
        not whether the latte comes with plain milk."""
        if len(p.items) != 1 or len(p.items[0].skus) != 1 or not p.items[0].exact or not cue.has(toks, _KIND_OF) \
                or p.deny:  # "no, I wanted a mocha... what kinds of tea?": a no to the change, then a search
            return None
        product = self.lexicon.products.get(p.items[0].skus[0])
        if product is None or any(product.group(c) is not None for c in p.groups):
            return None
        if p.items[0].options:
            named = {t.group for o in p.items[0].options for t in o.targets
                     if (g := product.group(t.group)) is not None and phrase_of(o.said) in (
                         phrase_of(g.name), *(phrase_of(a) for a in g.aliases))}
            return named.pop() if len(named) == 1 else None
        main = kind_group(product)
        return main.code if main is not None else None

    def _left_as_usual(self, p: ParseDraft, toks: list[str], ctx: Context) -> bool:
        """"the wings um whatever sauce is usual", "the fries, the normal size": a line of the cart named with "the",
        one of its choice groups named and a word of the usual way (``plain_part``), no choice of its own said: the
        line is to stay as it comes, not a second one. True when so (the item then holds those groups' defaults)."""
        if len(p.items) != 1 or p.options or not p.groups or p.quantity is not None:
            return False
        item = p.items[0]
        product = self.lexicon.products.get(item.skus[0]) if len(item.skus) == 1 else None
        if product is None or item.options or item.quantity is not None or product.sku not in ctx.line_skus \
                or not (0 < item.start and toks[item.start - 1] in _DEFINITE):
            return False
        usual = [OptionSpec((Target("option", group=g.code, value=g.default),), pos=item.end, said="")
                 for code in p.groups if (g := product.group(code)) is not None and g.default]
        if len(usual) != len(p.groups) or not any(t in _USUAL_WORDS for t in toks[item.end:]):
            return False
        p.items[0] = ItemSpec(item.skus, None, usual, item.start, item.end, item.exact)
        return True

    def _topic_swapped_in(self, p: ParseDraft, toks: list[str], ctx: Context) -> None:
        """"what's in the cucumber cooler" - "swap my mojito for one of those": a swap whose new side only points
        ("one of those", "that") at the product just talked about, which no line holds: that product is the new
        item (the line named on the other side is swapped for it)."""
        frame = swap_frame(toks)
        if frame is None or len(p.items) != 1 or ctx.topic is None or ctx.topic in ctx.line_skus \
                or ctx.topic in p.items[0].skus:
            return
        start, at, new_first = frame
        a, b = (start, at) if new_first else (at + 1, len(toks))
        said = [t for t in toks[a:b] if t not in _FILLERS]
        if not said or not any(t in _REF_IT for t in said) or any(t not in _REF_IT and t not in ("of", "the", "1")
                                                                   for t in said) \
                or a <= p.items[0].start < b:
            return
        p.items = sorted([*p.items, ItemSpec((ctx.topic,), None, [], a, b, True)], key=lambda it: it.start)

    def _add_or_modify(self, p: ParseDraft, toks: list[str], ctx: Context) -> Intent:
        """Items named: a new line, or a change to the line in focus ("make that a mocha")."""
        listed = self._listed_choice(p, toks, ctx)
        if listed is not None:
            return listed
        if self._left_as_usual(p, toks, ctx):  # "the wings, whatever sauce is usual": that line, as it comes
            return Intent.MODIFY
        swapped = self._choices_swapped(p, toks, ctx)
        if swapped is not None:  # "fruit instead of the hash browns": the line's side, not two sides
            return swapped
        onto = self._onto_line(p, toks, ctx) if ctx.has_lines else None
        if onto is not None:  # "add pepperoni and olives to it": toppings of the pizza, not a pepperoni pizza;
            p.items, p.options = [], onto  # "that with coconut rice instead of brown rice": the line's rice
            return Intent.MODIFY
        if ctx.has_lines:
            self._topic_swapped_in(p, toks, ctx)
        swap = instead_split(toks, p.items, ctx.line_skus) if ctx.has_lines else None
        if swap is not None:  # "a mocha instead of the latte", "make the muffin a scone instead"
            p.items, p.replaces, p.replace = [swap[0]], swap[1], True
            if swap[1].end <= len(toks):  # "swap one of the brisket sandwiches for a turkey": the turkey sandwich
                p.items[0] = self._of_the_noun(toks[swap[1].start:swap[1].end], toks, swap[0])
            held = line_holding(self.lexicon, swap[1].skus, ctx.line_skus)
            new = p.items[0]
            own = self._choice_of(toks[new.start:new.end], held) if held is not None else None
            if held is not None and own is not None:  # "switch my bacon egg and cheese to a sesame bagel": the sandwich's bagel, when
                p.items[0] = ItemSpec((held,), None, [OptionSpec(own.targets, pos=new.start, said=own.said)], new.start, new.end, True)
                p.replaces, p.replace = None, False  # the words name no product but a choice of the line's
                return Intent.MODIFY
            if held is not None and held in new.skus and len(new.skus) > 1 and new.options:
                # "the salad should be a full one": "one" of the line's own kind, made so; no other product
                p.items[0] = ItemSpec((held,), new.quantity, new.options, new.start, new.end, new.exact)
                p.replaces, p.replace = None, False
            if (share := portion(toks)) is not None and _line_after_of(toks, swap[1], ctx):
                p.portion = share  # "change one of the lattes to a mocha": one of the line's units swapped
            return Intent.MODIFY
        share = portion(toks) if len(p.items) == 1 and ctx.last_sku is not None else None
        if share is not None and any(t in _SWAP_VERBS for t in toks[:p.items[0].start]) \
                and ctx.last_sku not in p.items[0].skus and p.items[0].start > 0 \
                and not _line_after_of(toks, p.items[0], ctx) \
                and all(i < p.items[0].start for i, t in enumerate(toks) if t in ("of", "them", "those")):
            p.portion, p.replace = share, True  # "make one of them a hawaiian": those units become the other product
            p.items[0] = self._of_the_noun(toks[:p.items[0].start], toks, p.items[0])  # "one of the sandwiches a
            # pulled pork": the pulled pork sandwich
            return Intent.MODIFY
        named = self._line_by_word(toks, p, ctx) if ctx.has_lines and len(p.items) == 1 else None
        if named is not None:  # "an almond croissant instead of the plain one": the line of the plain croissant
            p.replaces, p.replace = ItemSpec((named,)), True
            at = cue.find(toks, _INSTEAD_OF)
            item = p.items[0]  # what is said after "instead of" describes the old line, not the new one
            p.items[0] = ItemSpec(item.skus, item.quantity, [o for o in item.options if o.pos < at], item.start,
                                  item.end, item.exact)
            return Intent.MODIFY
        kind_nth = _nth_of_kind(toks, p, ctx)
        if kind_nth is not None:  # "make the second pizza a large": the second pizza line, made so
            item = p.items[0]
            p.items[0] = ItemSpec((kind_nth,), None, item.options, item.start, item.end, True)
            p.ordinal, p.replaces, p.replace = None, None, False
            return Intent.MODIFY
        nth = _nth_line(toks, p, ctx)
        if nth is not None:  # "change the second one to a shoyu": that line swapped
            p.replaces, p.replace = ItemSpec((nth,)), True
            return Intent.MODIFY
        part_of_line = share is not None and bool(p.items and p.items[0].options) \
            and _line_after_of(toks, p.items[0], ctx)  # "one of the croissants chocolate", not "just 3 of the screws"
        if len(p.items) == 1 and ctx.has_lines and not part_of_line and recount(toks, _the_line_of(self.lexicon, toks, p.items[0], ctx),
                                                           ctx.line_skus):
            item = _the_line_of(self.lexicon, toks, p.items[0], ctx)  # "actually three lattes": the line's new count
            sku = next(s for s in reversed(ctx.line_skus) if s in item.skus)
            p.items[0] = ItemSpec((sku,), item.quantity, item.options, item.start, item.end, item.exact)
            p.quantity = item.quantity
            return Intent.MODIFY
        set_to = _count_set_to(toks, p.items[0]) if p.items else None  # "drop the cokes to two"
        edit_verb = any(t in _EDIT_VERBS for t in toks[:p.items[0].start]) or set_to is not None \
            or _changed_after(toks, p.items[0]) if p.items else False
        held = line_holding(self.lexicon, p.items[0].skus, ctx.line_skus) if len(p.items) == 1 and ctx.has_lines else None
        if held is not None and _restated(toks, p.items[0]):
            item = p.items[0]  # "no I said a large cappuccino": the cappuccino line made so, no second one
            p.items[0] = ItemSpec((held,), None, item.options, item.start, item.end, item.exact)
            p.quantity = item.quantity if item.quantity not in (None, 1) else None
            return Intent.MODIFY
        every_unit = held is not None and edit_verb and list(ctx.line_skus).count(held) == 1 \
            and 0 < p.items[0].start and toks[p.items[0].start - 1] in _BOTH_OF_LINE  # "make both bowls large" to
        # one line of two bowls: that line (not one more bowl)
        if held is not None and (p.items[0].options or edit_verb) and (every_unit or _names_a_line(toks, p.items[0],
                                                                                                    edit_verb)):
            item = p.items[0]  # "make the latte large", "can you warm up the muffin": that line, changed
            sku = held
            if part_of_line:  # "make one of the croissants chocolate": that many of the line's units change
                p.portion, item = share, ItemSpec(item.skus, None, item.options, item.start, item.end, item.exact)
            p.items[0] = ItemSpec((sku,), item.quantity, item.options, item.start, item.end, item.exact)
            if item.quantity is None and p.portion is None:
                p.quantity = _bare_quantity(toks[item.end:], p.option_at, item.end) or set_to
            if p.quantity is None and p.portion is None:
                self._line_made_by_words(p, toks, sku)
            return Intent.MODIFY
        if not ctx.has_lines or ctx.last_sku is None or len(p.items) != 1:
            return Intent.ADD
        item = p.items[0]
        lead = toks[:item.start]
        if not p.deny and "actually" not in lead and not cue.has(lead, cue.MODIFY) and not cue.has(lead, cue.CORRECTION) \
                and swapped_within(self.lexicon, toks, item):
            return Intent.ADD  # "and a chicken plate on the salad instead of rice": the plate's base, no swap
        if p.deny and cue.has(lead, _SETTLED) and not cue.has(lead, cue.MODIFY):
            return Intent.ADD  # "sorry, the moussaka is sold out" - "oh no ok then a lamb plate": one more line
        undo_at = cue.find(lead, _UNDO_LAST)
        undo_end = undo_at + max((len(ph) for ph in _UNDO_LAST if tuple(lead[undo_at:undo_at + len(ph)]) == ph),
                                 default=0)
        if undo_at >= 0 and undo_end == item.start and any(s in ctx.line_skus for s in item.skus) \
                and not cue.has(lead, _ADDING):
            return Intent.REMOVE  # "scratch that latte": the latte itself named, a removal (never one more)
        if undo_at >= 0 and undo_end < item.start and ctx.last_sku not in item.skus and not cue.has(lead, _ADDING):
            p.replace = True  # "scratch that, she wants a large iced mocha": the line just made swapped for it
            return Intent.MODIFY
        if p.deny and ctx.pending == "offer" and ctx.topic is not None and ctx.topic not in item.skus \
                and ctx.topic not in ctx.line_skus and not cue.has(toks, _REPLACE_LINE):
            return Intent.ADD  # "how much is the lego set? would you like one?" - "no that's a bit much, a toy car":
            # the offer turned down, one more line (the line in focus stays)
        modify_cue = cue.has(_outside_choices(toks, item.options), cue.MODIFY) or p.deny or toks[0] in ("actually",)
        if modify_cue and not p.deny and _made_after_said(toks, item):
            return Intent.ADD  # "and a korma for my daughter with paneer and make it mild": the korma said, made so
        if not modify_cue or item.quantity not in (None, 1) and not cue.has(toks, _MAKE_IT) \
                and not _counted_instead(toks, item, ctx):
            return Intent.ADD
        if ctx.last_sku in item.skus or p.ordinal is not None or not p.deny and cue.has(toks, _MAKE_THE):
            if ctx.last_sku in item.skus:
                p.items[0] = ItemSpec((ctx.last_sku,), item.quantity, item.options, item.start, item.end, item.exact)
            if item.quantity is None:
                p.quantity = _bare_quantity(toks[item.end:], p.option_at, item.end)
            return Intent.MODIFY
        if ctx.topic is not None and ctx.topic not in ctx.line_skus and ctx.topic not in item.skus \
                and cue.has(toks[item.end:], _INSTEAD) and not cue.has(lead, _REPLACE_LINE) and not p.deny:
            return Intent.ADD  # "is there any blue cheese" (sold out) - "then a brie instead": instead of what was
            # talked about, which no line holds: nothing to swap, one more line
        if cue.has(toks, _REPLACE_LINE) or p.deny and not cue.has(toks, _ADDING):
            p.replace = True  # "no, a mocha": the line in focus swapped; "no wait, add a mocha": one more line
            return Intent.MODIFY
        return Intent.ADD
