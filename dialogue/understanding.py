"""Understanding behind a small interface: ``parse(text, context) -> Parse``.

The default :class:`RuleUnderstanding` is rule based, deterministic and fast (a lexicon lookup and a few
phrase scans per turn). A later LLM-backed variant implements the same :class:`Understanding` Protocol
and returns the same :class:`Parse`.

:meth:`RuleUnderstanding.parse` reads a turn and decides its intent (``_DECISIONS``, then ``_intent`` and
``_add_or_modify``); the readers it asks live in the module of their concept: :mod:`dialogue.parse_records`
(``Context``, ``Parse``, ``ParseDraft``, the ``Understanding`` Protocol), :mod:`dialogue.questions` (which words of
a turn ask, and what), :mod:`dialogue.reread_items` (the items read again against the turn and the conversation),
:mod:`dialogue.count_or_choice` (a number said: how many, or a choice's own number), :mod:`dialogue.recounts` (a
line's count taken off, set, said again or more), :mod:`dialogue.removals` (what a turn takes off),
:mod:`dialogue.line_refs` (which cart line a product named means, or a new one), :mod:`dialogue.lines_by_choice` (a
line picked by how it is made: "the mango one"), :mod:`dialogue.onto_line` (items heard as choices of a cart line),
:mod:`dialogue.choice_words` (a choice said by words of its name), :mod:`dialogue.choice_orders` (choices said with
no product that order one), :mod:`dialogue.swaps` (one thing for another on a line), :mod:`dialogue.turn_words` (the
word tables several of them share).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial

from dialogue import confirm, redo, what_if
from dialogue import intents as cue
from dialogue.asked_each import each_asked
from dialogue.attach import bought_for, choice_listed_for_topic, kind_said_for
from dialogue.browse_data import superlative
from dialogue.choice_items import choices_as_one_item, units_of_one_kind
from dialogue.choice_orders import (
    kind_of_no_line,
    measured_anew,
    of_a_noun_not_sold,
    opened_again,
    sole_owner,
    values_apart,
)
from dialogue.choice_refit import refit_choices
from dialogue.choice_words import (
    left_as_usual,
    line_made_by_words,
    listed_by_word,
    listed_choice,
    listed_group,
    listed_not_in_cart,
    one_of_the_line,
    toward_group_said,
)
from dialogue.corrections import corrected_line, repaired_as_said
from dialogue.count_follow import count_for_focus
from dialogue.count_or_choice import (
    count_before_choice,
    count_not_choice,
    count_to_offer,
    counted_choices_at,
    counts_next,
    counts_what_follows,
    packages_counted,
    pointed,
    recount_not_choice,
)
from dialogue.counted_siblings import counted_sibling
from dialogue.counts import count_issue, pack_size
from dialogue.dimensions import without_measure_words
from dialogue.each_counts import count_of_its_choice, each_counted
from dialogue.every_line import all_of_a_product
from dialogue.group_heading import without_headings
from dialogue.group_refused import refused_by_group
from dialogue.intents import Intent
from dialogue.items import (
    choice_named_kind,
    choice_one_of_the_line,
    extract_items,
    kind_named_alone,
    one_of_the_kind,
    per_item,
    said_of_what_was_said,
    swap_frame,
    swapped_within,
)
from dialogue.kept_lines import kept_beside_refused, lines_kept_beside_new
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.line_choice_said import line_choice_said
from dialogue.line_refs import (
    adverb_ordinal,
    changed_after,
    choice_for_line_named,
    count_of_line_shown,
    line_after_of,
    line_by_its_kind,
    line_by_word,
    line_named,
    line_talked_of,
    loose_line,
    made_after_said,
    names_a_line,
    nth_line,
    nth_of_kind,
    part_of_a_line,
    restated,
    restated_choice,
    righted_choice,
    the_line_of,
)
from dialogue.line_share import line_shared_out, topic_shared
from dialogue.lines_by_choice import (
    a_new_one,
    count_by_a_word_of_its_choice,
    held_after_make_the,
    line_by_a_word_of_its_choice,
    line_opened_by_its_choice,
    measure_of_a_choice,
    more_of_the_made,
    narrowed_by_one,
    offered_by_a_line,
    one_made_on,
    one_made_remade,
    one_made_with_item,
    one_named_by_item,
    ones_of_a_choice,
    recount_of_the_ones,
    selector_refines_focus,
    the_made_made_so,
    the_one_made,
)
from dialogue.made_for import for_the_line
from dialogue.matcher import (
    Mention,
    alone_said,
    choices_in_a_name,
    choices_of_named_group,
    find_mentions,
    focus_choices,
    package_of_line,
    refused_choices,
    sold_alone,
)
from dialogue.more_but import choices_of_more
from dialogue.more_in_choice import more_in_a_choice
from dialogue.numbers import COUNT_UNITS, ORDINALS, digit_string, order_number_span, price_range
from dialogue.one_and_all import some_then_all
from dialogue.ones import (
    choice_one_of_the_topic,
    choices_of_the_topic,
    line_of_a_name_word,
    one_with_the_listed,
    package_of_the_topic_one,
)
from dialogue.onto_line import (
    base_of_the_line,
    choice_of,
    choice_of_its_kind,
    choice_of_the_line,
    choices_of_another,
    choices_of_the_focus,
    choices_onto_named_line,
    every_before,
    every_line_said,
    group_named_at,
    held_by_line,
    named_again_made_so,
    not_for_the_focus,
    of_the_focus_kind,
    one_more_in_another,
    only_choices_said,
    onto_focus,
    onto_line,
    onto_named_line,
    onto_part_of_line,
    said_again_made_so,
)
from dialogue.owners import (
    offers_choice,
    owner_by_name_word,
    owners_to_ask,
    said_in_what_for,
    stands_as_item,
    the_one_in_the_cart,
    value_owner,
)
from dialogue.parse_records import Context, Parse, ParseDraft, Understanding, rule_facts
from dialogue.parts import parts_as_choices, parts_named_again
from dialogue.people import same_for_someone, someones_made_into
from dialogue.phrasebook import phrases, rule, words
from dialogue.plain_parts import plain_part_said
from dialogue.quantity import (
    counted_by_unit,
    counted_in_units,
    each_of_values,
    measure_each,
    offered_pieces,
    piece_count,
    sold_by_the_pair,
)
from dialogue.questions import asks, ordering, question, sentences
from dialogue.recount_by_choice import recounted_by_choice
from dialogue.recounts import (
    bare_quantity,
    count_as_pieces,
    count_made_after,
    count_of_unit,
    count_off_of_named,
    count_set_to,
    count_taken_off,
    counted_in_own_unit,
    more_count,
    one_more_made,
    recount_said_after,
    units_made_one_pack,
)
from dialogue.references import (
    a_time,
    as_it_was,
    choice_said_over,
    count_as_choice,
    count_corrected,
    count_instead_of,
    count_not,
    count_of,
    count_of_named_line,
    group_of_named_line,
    instead_split,
    line_holding,
    part_of_line,
    portion,
    recount,
    the_other,
    units_named,
)
from dialogue.removals import (
    choice_contrasted,
    drop_contrasted,
    keeps_only,
    kept_aside,
    kept_rather,
    lines_of_kind,
    taken_off,
)
from dialogue.reread_items import (
    described_not_chosen,
    group_of_those,
    name_not_choice,
    offered_counted,
    which_by_a_later_choice,
    without_ones_said_not,
)
from dialogue.shared_choices import shared_before_and
from dialogue.sold_by import units_said
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.spelled import spelled_out
from dialogue.split_choices import dish_by_parts
from dialogue.splits import parts_of_them
from dialogue.swaps import (
    choice_instead,
    choices_swapped,
    counted_instead,
    dropped_for,
    named_with_the_line,
    of_the_noun,
    same_kind_as_line,
    swapped_line_named,
    topic_swapped_in,
)
from dialogue.those_lines import others_of_those_off
from dialogue.turn_words import (
    ADDING,
    ALSO,
    BASE_PREPS,
    DEFINITE,
    HOLDER_PREPS,
    INSTEAD,
    INSTEAD_OF,
    LEAD_FILL,
    MAKE_IT,
    MAKE_THE,
    PACK_WORDS,
    RECOUNT_LEADS,
    REF_IT,
    SWAP_VERBS,
    TAKE_OFF,
)
from dialogue.unit_nouns import unit_of_named
from dialogue.unit_of_line import answered_for_asked, line_of_unit, unit_of_asked
from dialogue.unsold_refs import ones_of_unsold
from dialogue.value_swapped import value_swapped

__all__ = ["Context", "Parse", "RuleUnderstanding", "Understanding"]

_CHEAPER = phrases("cheaper")
_PRICIER = phrases("pricier")
_REPEAT_ANYWHERE = phrases("repeat_anywhere")
_CALL_BACK = phrases("call_back")
_RULE_REST_OF_LIST = rule("rest_of_list")
_ASKS_FOR = phrases("asks_for")
_RULE_TAKE_SHOWN = rule("take_shown")
_NOT_CHECKOUT = phrases("not_checkout")
_RULE_CHOICES_ASKED = rule("choices_asked")
_REPLACE_LINE = phrases("replace_line")
_UNDO_LAST = phrases("undo_last")
_SETTLED = phrases("settled_for")
_JUST_WORDS = words("just_count_leads")
_JUST_REST = words("just_count_rest")
_COUNT_OF_THEM = phrases("count_of_them")
_WANT_NOT = phrases("want_not")
_EDIT_VERBS = words("edit_verbs")
_NAME_TITLES = words("name_titles")
_NOT_EATEN = phrases("not_eaten")
_BOTH_OF_LINE = ("both", "all")


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


def _named_then_taken_off(toks: Sequence[str], items: Sequence[ItemSpec], line_skus: Collection[str]) -> int:
    """"I'll try the oxford on first, take it off": the line of the one item said before, then taken off by a word
    that stands for it ("take it off", "take that out", "remove it"): where the removal starts; -1 when not so."""
    if len(items) != 1 or not any(s in line_skus for s in items[0].skus):
        return -1
    for k in range(items[0].end, len(toks) - 1):
        if toks[k] in TAKE_OFF and toks[k + 1] in REF_IT and toks[k + 2:k + 3] in (["off"], ["out"], ["away"]):
            return k
        if cue.find(toks[k:k + 1], cue.REMOVE) == 0 and toks[k + 1] in REF_IT \
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


def _made_so_in_cart(chosen: Sequence[OptionSpec], ctx: Context) -> bool:
    """Some cart line holds one of the choices each of ``chosen`` may mean ("the beef one": a line made with beef)."""
    return any(all(any((t.group, t.value) in held for t in o.targets) for o in chosen) for held in ctx.line_options)


def _packages_alone(toks: Sequence[str]) -> int | None:
    """"one pack please", "a box", "two packs": a count and a package word, nothing else said (fillers aside), is a
    count of the product in the packages it comes in; None for any other turn."""
    said = [t for t in toks if t not in cue._FILL and t not in LEAD_FILL and t != "please"]
    if len(said) != 2 or said[1] not in PACK_WORDS:
        return None
    n = said[0]
    return 1 if n in ("a", "an", "one") else int(n) if n.isdigit() and 0 < int(n) < 100 else None


def _count_of_those(toks: Sequence[str], ctx: Context) -> bool:
    """"Led bulbs the four pack daylight" - "two of those": a count and "of those" (or "of them") alone, with no
    product offered that the cart lacks, is how many of the line in focus (two in all, not two more)."""
    body = [t for t in toks if t not in cue._FILL]
    return ctx.pending != "offer" and (ctx.topic is None or ctx.topic in ctx.line_skus) and len(body) >= 2 \
        and (body[0].isdigit() or body[0] == "one") and tuple(body[1:]) in _COUNT_OF_THEM


def _not_eaten_before(toks: Sequence[str], at: int) -> bool:
    """"the kids who don't eat meat": a phrase of not eating (or drinking) ends right before ``at``, an article
    or "any" between allowed."""
    while at > 0 and toks[at - 1] in ("a", "an", "the", "any"):
        at -= 1
    return any(tuple(toks[max(0, at - len(ph)):at]) == ph for ph in _NOT_EATEN)


def _outside_choices(toks: Sequence[str], specs: Sequence[OptionSpec]) -> list[str]:
    """The words with those of the choices ``specs`` blanked: a cue read only where no choice's own words are ("and a
    single pistachio in a cup": "in a" is the cup's, no "in a large" change of the line in focus)."""
    covered = {k for o in specs if o.pos >= 0 for k in range(o.pos, o.pos + len(o.said.split()))}
    return ["" if k in covered else t for k, t in enumerate(toks)]


def _count_of_ones(toks: Sequence[str], options: Sequence[OptionSpec]) -> int | None:
    """"six unicorn ones then", "a red one please": a count, only choices, then "one(s)" (and a closing word): the
    count (one for "a"); None for any other turn."""
    lead = [(i, t) for i, t in enumerate(toks) if t not in LEAD_FILL]
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
    lead = [(i, t) for i, t in enumerate(toks) if t not in LEAD_FILL]
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


class RuleUnderstanding:
    """The default understanding: catalog lexicon + phrase cues, no model."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def _described_anew(self, p: ParseDraft, toks: Sequence[str], ctx: Context, chosen: Sequence[OptionSpec]) -> bool:
        """"the big one in pink please" to a line just ordered that no line of the cart is made big: a turn opened by
        "the <choice> one" (no verb of change) describes the line in focus as wanted, not a line to pick out by it,
        when no line is made so and the line in focus comes in it."""
        lead = [t for t in toks if t not in LEAD_FILL]
        if not lead or lead[0] not in DEFINITE or cue.has(toks, MAKE_IT) or ctx.last_sku is None \
                or not ctx.focus_fresh:
            return False
        held = {pair for line in ctx.line_options for pair in line}
        return all(offers_choice(self.lexicon, ctx.last_sku, o) and not any((t.group, t.value) in held for t in o.targets)
                   for o in chosen)

    def _by_pair(self, sku: str | None) -> bool:
        """Whether one of that product is a pair ("and a pair of grey ones" after navy socks: one more)."""
        product = self.lexicon.products.get(sku) if sku is not None else None
        return product is not None and sold_by_the_pair(product)

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
        p = self._parse(text, context)
        if p.intent != Intent.MODIFY and not p.question \
                and (count := count_for_focus(self.lexicon, p.tokens, context)) is not None:
            return ParseDraft(Intent.MODIFY, text=text, tokens=list(p.tokens), quantity=count).freeze()  # "three
            # please" right after the poppadoms: three of them
        if not_for_the_focus(self.lexicon, p, context):  # "and a quart of beef with broccoli" to a lunch special:
            again = self._parse(text, context.without_the_cart())  # a dish of its own, not the special's entree
            return again if again.intent == Intent.ADD and again.items else p
        return p

    def _parse(self, text: str, context: Context) -> Parse:
        toks, asked, info, parts, breaks = sentences(self.lexicon, text)
        p = ParseDraft(Intent.EMPTY, text=text, tokens=toks)
        if not toks:
            return p.freeze()
        mix_for = (context.expect_sku, context.expect_group) if context.pending == "clarify_option" \
            and context.expect_sku and context.expect_group else None
        in_play = {sku for sku in (context.expect_sku, context.topic, *context.line_skus) if sku}
        found = find_mentions(self.lexicon, toks, mix_for, frozenset(in_play))
        found = count_before_choice(self.lexicon, toks, sold_alone(toks, found))  # "two quart mason jars"
        found = dish_by_parts(self.lexicon, toks, found, frozenset(in_play))  # "a penne marinara": pasta, sauce
        calling = [(k, k + len(ph)) for ph in _CALL_BACK for k in range(len(toks)) if tuple(toks[k:k + len(ph)]) == ph]
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in calling)  # "i'll ring back"
                 and not (m.start > 0 and toks[m.start - 1] in _NAME_TITLES)  # "my cat mister biscuits": a name
                 and not (m.products and not m.options and _not_eaten_before(toks, m.start))  # "who don't eat meat"
                 and not package_of_line(self.lexicon, toks, m, context.last_sku if context.has_lines else None)
                 and not (m.products and not m.options and bought_for(toks, m.start, found))  # "for fence posts"
                 and not kind_said_for(toks, m, found)]  # "socks for hiking": the hiking socks
        found = [m for k, m in enumerate(found) if not unit_of_named(
            toks, found, k, context.last_sku if context.has_lines else None)  # "one stick"
                 and not plain_part_said(toks, m, context.has_lines)]  # "two with oat milk and one plain"
        named = line_named(found, context)
        found = refused_choices(self.lexicon, toks, found, named)  # "and no tomato": the sandwich's, no soup
        found = focus_choices(self.lexicon, toks, found, named)
        found = choices_of_named_group(self.lexicon, found, named)
        found = group_of_named_line(self.lexicon, toks, found, named, frozenset(context.line_skus))
        found = choices_in_a_name(self.lexicon, toks, found, named)
        found = choice_said_over(self.lexicon, toks, found, frozenset(in_play))  # "five hundred no two fifty"
        found = without_measure_words(toks, found)  # "one inch wide": the one inch, not the tape called wide
        said_number = order_number_span(toks)  # "what's in order seven seven one six": no 6-piece
        found = [m for m in found if said_number is None or not (said_number.start <= m.start < said_number.stop)]
        mentions = [m for k, m in enumerate(found)  # "12 dozen": a count, not the size "12 oz"
                    if not (m.options and not m.products and m.end == m.start + 1 and toks[m.start].isdigit()
                            and (counts_what_follows(toks, m.end) or counts_next(self.lexicon, toks, found, k)
                                 or packages_counted(self.lexicon, toks, found, k)
                                 or a_time(toks, m.start)  # "in 10 minutes": a time, not the "10 inch"
                                 or _counts_choice_after(toks, found, k)))]
        p.items, p.options = extract_items(self.lexicon, toks, mentions, breaks, frozenset(context.line_skus))
        if p.options:  # (with no item named, a list of dishes named by their parts: "a penne vodka and two cokes")
            talked_of = context.topic if context.topic not in context.line_skus else None
            p.items, p.options = choices_as_one_item(self.lexicon, toks, p.items, p.options, breaks, talked_of,
                                                     answering=context.pending == "clarify_option",
                                                     has_lines=context.has_lines)
        p.items = without_ones_said_not(toks, p.items, context)
        p.items, p.not_sold = ones_of_unsold(self.lexicon, toks, p, context.unsold)  # "lipstick, a red one"
        p.items = shared_before_and(self.lexicon, toks, p.items)  # "dinosaur plates and napkins": dinosaur napkins
        if context.has_lines:
            p.items = line_by_its_kind(self.lexicon, toks, p.items, context)  # "gift wrap the wine": the cart's wine
            p.items = for_the_line(self.lexicon, toks, p.items, context)  # "a screen protector for it": its model
        p.items = onto_named_line(self.lexicon, toks, p.items, mentions, context)
        p.items = onto_part_of_line(self.lexicon, toks, p.items, context)  # "extra butter on the popcorn": the combo's
        described_not_chosen(self.lexicon, toks, p.items)
        refit_choices(self.lexicon, toks, p.items)  # "a group lesson for my kid": the lesson's "kid", not a rental's
        p.items = which_by_a_later_choice(toks, p.items)
        p.options = measure_each(self.lexicon, toks, p.items, p.options)
        p.items = one_of_the_kind(self.lexicon, toks, p.items, context.last_sku if context.has_lines else None)
        if context.has_lines:  # "and a single spinach one" after a half dozen empanadas: the spinach empanada
            p.items, p.options = choice_named_kind(self.lexicon, toks, p.items, p.options, context.last_sku)
        p.items, p.options = line_of_a_name_word(self.lexicon, toks, p.items, p.options,
                                                  tuple(zip(context.line_skus, context.line_options, strict=True)))
        if context.has_lines and (made_in := more_in_a_choice(self.lexicon, toks, p.items, context.last_sku)):
            p.items, p.options, p.ref = [], made_in, "more"  # "and one more in matcha": a mochi donut so made
        if context.has_lines and not p.options:
            p.items, like_line, said_count = choice_one_of_the_line(self.lexicon, toks, p.items, context.last_sku)
            p.options, p.quantity = like_line, said_count if like_line else p.quantity
        if context.topic not in context.line_skus:  # a product talked about, not in the cart ("make the chicken
            p.items, p.options = choice_listed_for_topic(self.lexicon, toks, p.items, p.options, context.topic)
            p.items = kind_named_alone(self.lexicon, toks, p.items, context.topic)  # one large": the cart's line)
            p.items, p.options = choice_one_of_the_topic(self.lexicon, toks, p.items, p.options, context.topic)
            p.items = choices_of_the_topic(self.lexicon, p.items, mentions, context.topic)  # "a ten piece lemon pepper"
            p.items, p.options = package_of_the_topic_one(self.lexicon, toks, p.items, p.options, context.topic)
        if (built := one_with_the_listed(self.lexicon, toks, context.listed, context.line_skus)) is not None:
            p.items, p.options = [built], []  # "ok one with turkey brie and spinach" after the crepe's fillings
        p.items = [count_not_choice(self.lexicon, toks, it) for it in p.items]
        p.items = [counted_sibling(self.lexicon, it) for it in p.items]  # "a mixed plate with" three mains
        p.items = [counted_in_units(self.lexicon, it) for it in p.items]
        p.items = [part for it in p.items for part in each_of_values(self.lexicon, toks, it)]
        p.items = units_of_one_kind(self.lexicon, toks, p.items)  # "two mango two green tea": mochi both
        p.items = [loose_line(self.lexicon, toks, it, context) for it in p.items]
        p.items = unit_of_asked(self.lexicon, toks, p.items, context)  # "the sea glass five skeins"
        p.items = [name_not_choice(self.lexicon, toks, it) for it in p.items]
        p.items = spelled_out(self.lexicon, toks, p.items)  # "letter balloons j a c k": a line per letter
        p.items = count_of_its_choice(toks, each_counted(toks, p.items))  # "the two kids each want a ..."
        per_item(toks, p.items, context.focus_units)
        if context.topic and context.topic not in context.line_skus and p.items:  # "one of those, eggs over easy"
            p.items = group_of_those(self.lexicon, toks, p.items, mentions, context.topic)
        mix_answered = context.pending == "clarify_option" and bool(p.options) and all(o.part for o in p.options) \
            and context.topic != context.expect_sku  # "two of those and for the bagels half and half ..."
        if context.topic and (p.items or mix_answered) and (context.pending == "offer" or context.topic not in context.line_skus
                                          and not any(context.topic in it.skus for it in p.items)):
            p.items = offered_counted(toks, p.items, context.topic)  # (or talked about: "what's on the ...", when
            # not named already: "one of those eggs over easy" is that one, made so)
            p.items = [offered_pieces(self.lexicon, it) if it.skus == (context.topic,) else it for it in p.items]
            p.items = parts_as_choices(self.lexicon, toks, p.items)  # "two of those, one tikka and one rogan josh"
            p.items = parts_named_again(self.lexicon, toks, p.items)  # "three of them one ube one matcha and one
            # strawberry": the three, shared out (each part heard as the donut offered, in its flavour)
        talked_about = context.topic if context.topic and not p.items and (
            context.pending == "offer" or context.pending is None and context.topic not in context.line_skus) else None
        about = talked_about or (context.last_sku if context.has_lines else None)  # ("what's the lobster tail run"
        # then "i'll take two": the product just answered about, though nothing was offered)
        asked_of = context.expect_sku if context.pending == "clarify_option" else None
        if about:  # "actually two" / "two" to "how many?": a count, not the "2 meter" of another product
            p.options = [o for o in p.options  # (but "2 meter" to "which size for the cable?": the cable's, and
                         # "make that two six packs", "the 20000 one": the "6 pack" a line in the cart comes in, said
                         # with its noun or as "the ... one")
                         if not (0 <= o.pos < len(toks) and toks[o.pos].isdigit() and not offers_choice(self.lexicon, about, o)
                                 and not (asked_of and offers_choice(self.lexicon, asked_of, o))
                                 and not ((len(o.said.split()) > 1 or pointed(toks, o))
                                          and any(offers_choice(self.lexicon, sku, o) for sku in context.line_skus)))
                         and not (context.has_lines and about == context.last_sku and not asked_of
                                  and recount_not_choice(self.lexicon, toks, o, about))]
        if talked_about:
            p.options = [o for o in p.options if not count_to_offer(self.lexicon, toks, o, talked_about)]
        p.options = without_headings(self.lexicon, toks, p.options, [it.options for it in p.items])  # "salad: just lettuce"
        contrasted = as_it_was(toks, [*p.options, *(o for it in p.items for o in it.options)])
        for it in p.items:  # "the spicy miso but not crazy spicy, like medium": the spice level's medium
            if len(it.skus) == 1 and (product := self.lexicon.products.get(it.skus[0])) is not None:
                wanted = [o for o in it.options if o.pos not in contrasted]  # (not the "spicy" of "not crazy spicy")
                it.options = [toward_group_said(toks, o, product, range(it.start, it.end), wanted)
                              for o in it.options]
        was = as_it_was(toks, [*p.options, *(o for it in p.items for o in it.options)])
        if was:  # "a small not a large": the large is what the line was
            p.options = [o for o in p.options if o.pos not in was]
            for it in p.items:
                it.options = [o for o in it.options if o.pos not in was]
        p.count_issue = count_issue(text, toks, p.items, packs=self._pack_size, offers=partial(offers_choice, self.lexicon),
                                    price=self._price,
                                    pieces=self._took_pieces)
        loose = {o.pos for o in p.options} | {o.pos for it in p.items for o in it.options}
        p.option_at = frozenset(i for m in mentions if m.options and not m.exact_products and m.start in loose
                                for i in range(m.start, m.end)) | counted_choices_at(toks, p.items, mentions)
        p.items, refused = refused_by_group(self.lexicon, toks, p.items, mentions)  # "with no dressing": its "plain"
        p.groups = list(dict.fromkeys(t.group for m in mentions if not m.products and not m.options for t in m.groups
                                      if t.group not in refused))
        p.affirm, p.deny = cue.is_affirm(toks), cue.is_deny(toks)
        if not p.affirm and not p.items and not p.options and confirm.decide(text, toks).places:
            p.affirm = True  # a whole turn the confirmation slot takes for a yes ("please") is a yes here too
        if not p.affirm and not p.deny and len(parts) > 1:  # "Iced latte, almond milk. That all looks good."
            p.affirm = any(cue.is_affirm(pt) for pt in parts) and not any(cue.is_deny(pt) for pt in parts)
        p.question = any(asked)
        ordering(self.lexicon, p, toks, asked, info)
        p.order_type = cue.order_type(toks)
        p.min_cents, p.max_cents = price_range(toks)
        p.order_number = digit_string(toks)
        p.ordinal = next((ORDINALS[t] for i, t in enumerate(toks) if t in ORDINALS and not adverb_ordinal(toks, i)), None)
        if p.ordinal is None and context.shown and "order" not in toks:  # "I'll take number two"
            p.ordinal = next((int(toks[i + 1]) for i, t in enumerate(toks[:-1])
                              if t == "number" and toks[i + 1].isdigit() and 0 < int(toks[i + 1]) <= 10), None)
        choices_of_another(self.lexicon, p, toks, context)
        choices_of_more(self.lexicon, p, toks, context)  # "same again but on an everything bagel": its bread
        if cue.has(toks, _CHEAPER):
            p.ref = "cheaper"
        elif cue.has(toks, _PRICIER):
            p.ref = "pricier"
        elif (at_more := cue.find(toks, cue.MORE)) >= 0 and not p.items and "not" not in toks[max(0, at_more - 10):at_more]:
            p.ref = "more"
            p.quantity = more_count(toks, p.option_at)  # "another two", "two more of those but cherry"
        elif not p.items and same_for_someone(self.lexicon, toks):
            p.ref = "more"  # "and the same for my friend": one more like the line in focus, for them
        elif not p.items and (n_more := next((int(t) for t, nxt in zip(toks, toks[1:], strict=False)
                                              if t.isdigit() and nxt == "more" and 0 < int(t) < 1000), None)):
            p.ref, p.quantity = "more", n_more  # "three more", "two more, one with ...": more of the line in focus
        elif any(t in REF_IT and not any(a <= i < b for a, b in alone_said(toks).items()) for i, t in enumerate(toks)):
            p.ref = "it"  # (not the "it" of "on its own")
        part_of_a_line(self.lexicon, p, toks, context)  # "change the rice on the meal to egg fried"
        p.intent = Intent.MODIFY if line_shared_out(p, toks, context) else self._intent(p, toks, context)
        recounted_by_choice(self.lexicon, p, toks, context)  # "i meant one order of the twelve": that line's count
        if p.intent == Intent.ADD:
            lines_kept_beside_new(self.lexicon, p, toks, context)  # "just the lau lau and a haupia then"
            topic_shared(p, toks, context)  # "can i get two of those, one of them large": one large, one as it comes
        if p.intent == Intent.MODIFY:
            value_swapped(self.lexicon, p, toks, context)  # "a gift bag instead of wrapping": the wrapping goes
            swapped_line_named(p, toks, context)  # "swap the black one for an iced coffee": the black coffee's line
        all_of_a_product(p, toks, context)  # "make all four danishes cheese": every danish line
        count_as_pieces(self.lexicon, p, toks, context)
        redo.read(self.lexicon, p, toks, context)  # "the other size", "double that", "just the one", ...
        p.items = [counted_by_unit(self.lexicon, toks, it) for it in p.items]  # "a dozen white ones": one dozen
        if not p.items:  # "ok gimme two dozen", "take off two dozen" of nightcrawlers sold by the dozen: two
            spoken_of = [self.lexicon.products[sku] for sku in dict.fromkeys((context.topic, context.last_sku))
                         if sku is not None and sku in self.lexicon.products]
            p.quantity = units_said(toks, p.quantity, spoken_of) if p.quantity else p.quantity
            p.portion = units_said(toks, p.portion, spoken_of) if p.portion else p.portion
        if p.intent == Intent.MODIFY and len(p.items) == 1 and not p.replace and p.items[0].options \
                and context.has_lines and every_line_said(toks) and only_choices_said(p.items[0]):
            p.options, p.items = list(p.items[0].options), []  # "add pudding to all of them" after "what toppings
            # do you have": the choice on every line that offers it, not on the line in focus only
        if p.intent == Intent.ADD and not p.items:
            more_of_the_made(self.lexicon, p, toks, context)  # "one more of the cones": the waffle cone line
        selector_refines_focus(self.lexicon, p, context)  # "the sixty watt daylight ones a four pack": the line
        # just ordered, made so
        if p.intent == Intent.MODIFY and p.options and not p.items and p.ref in (None, "it") and context.has_lines \
                and every_line_said(toks):
            p.ref = "all"  # "with slaw on both", "slaw on both of them": every line that offers it
        no_request = cue.order_request(toks) < 0
        if p.intent in (Intent.ADD, Intent.OUT_OF_SCOPE) and no_request and superlative(toks):
            p.intent, p.items, p.ordering = Intent.SEARCH, [], False  # "cheapest pastry", "what's most expensive"
        elif p.intent == Intent.ADD and no_request and not p.ordering and p.question:
            p.intent = Intent.SEARCH  # a question never orders by itself
        elif p.intent == Intent.OUT_OF_SCOPE and (p.max_cents is not None or p.min_cents is not None):
            p.intent = Intent.SEARCH  # "something under three dollars"
        if p.intent == Intent.ADD:  # "and a quart of pure white semi gloss" to interior paint: the interior paint
            p.items = [the_one_in_the_cart(self.lexicon, it, context.line_skus) for it in p.items]
        return p.freeze()

    # ------------------------------------------------------------------------------------------
    def _intent(self, p: ParseDraft, toks: list[str], ctx: Context) -> Intent:
        if what_if.asked(toks):  # "is it cheaper if i get the six pack": a price question, never an order
            what_if.read(self.lexicon, p, toks, ctx)
            return Intent.PRICE
        if named_with_the_line(self.lexicon, p, toks, ctx) or line_by_a_word_of_its_choice(self.lexicon, p, toks, ctx) \
                or count_by_a_word_of_its_choice(self.lexicon, p, toks, ctx) \
                or line_choice_said(self.lexicon, p, toks, ctx) \
                or line_opened_by_its_choice(self.lexicon, p, toks, ctx):  # "large cod" to a cod of no size said;
            return Intent.MODIFY  # "the diet coke with no ice" to a diet coke and a coke zero
        one_of_the_line(self.lexicon, p, toks, ctx)
        choice_of_the_line(self.lexicon, p, toks, ctx)
        choice_of_its_kind(self.lexicon, p, toks, ctx)
        base_of_the_line(self.lexicon, p, toks, ctx)
        taking_off = cue.find(toks, cue.REMOVE + cue.CLEAR)
        if taking_off < 0 and "take" in toks and any(t in ("off", "out", "away") for t in toks):
            taking_off = toks.index("take")
        if taking_off >= 0 and not p.items and ctx.has_lines and not p.question and not p.options:
            kind = lines_of_kind(self.lexicon, toks, taking_off + 1, ctx)
            if kind is not None:  # "forget the drinks", "remove all the sides": every line of that kind
                p.items = [ItemSpec(kind[0], None, [], kind[1], kind[1] + 1, False)]
        if p.not_sold and not p.items:  # "do you have lipstick, i'll take a red one": no product of the shop,
            p.options, p.ref, p.search_words = [], None, list(p.not_sold)  # asked for: said as not found
            return Intent.SEARCH
        has_items = bool(p.items)
        changing = has_items or bool(p.options)
        for decision in _DECISIONS:  # the turns whose intent no item or option of theirs can change
            if decision.when(p, toks, ctx):
                return decision.intent
        if ctx.has_lines and others_of_those_off(self.lexicon, p, toks, ctx):
            return Intent.REMOVE  # "just one of those, the ube one" to an ube and a black sesame: the other off
        if kept_rather(p, toks, ctx, self.lexicon):
            p.items = []  # "what about the crochet class" - "never mind, just the knitting then": the cart as it is
            return Intent.CART
        if keeps_only(p, toks, ctx, self.lexicon):
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
        while at >= 0 and choice_contrasted(toks, at, p):  # "shredded please, not the pate": a choice for another
            drop_contrasted(p, at)
            at = cue.find(toks, cue.REMOVE, at + 1)
        if at < 0 and has_items and (verb := next((t for t in toks[:p.items[0].start] if t in TAKE_OFF), None)) \
                and any(t in ("off", "out", "away") for t in toks[p.items[0].end:p.items[0].end + 3]):
            at = toks.index(verb)  # "take one latte off", "take one of the ducks out", "knock one avocado off"
        if at < 0 and not has_items and p.options and taken_off(toks, p.options):
            at = toks.index("take")  # "no wait take the onions off": those choices off the line
        if at >= 0 and ctx.has_lines and not p.question and dropped_for(toks, at, p.items, ctx.line_skus):
            p.items, p.replaces, p.replace = [p.items[1]], p.items[0], True  # "forget the flat whites, make them
            return Intent.MODIFY  # cappuccinos": the line swapped, its count kept
        if at >= 0 and has_items and count_set_to(toks, p.items[0]) is not None:
            at = -1  # "drop the cokes to two": the line's count, not the line off
        taken = count_taken_off(toks, said_options) if at < 0 else None
        if taken is not None and not (has_items and p.items[0].start < taken[0]):
            at = taken[0]  # "take one off", "take two off the hot dogs": that many units off
        if at < 0 and len(p.items) == 1 and ctx.has_lines and p.items[0].start > 0 and toks[p.items[0].start - 1] == "no" \
                and p.items[0].quantity is None and any(s in ctx.line_skus for s in p.items[0].skus):
            at = p.items[0].start - 1  # "no actually no frisbee": the frisbee off
        if at < 0 and has_items:
            at = _named_then_taken_off(toks, p.items, ctx.line_skus)  # "i'll try the oxford on first take it off"
        named_before = at >= 0 and has_items and (count_off_of_named(toks, at, p.items, ctx.line_skus)
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
            kept_aside(p, toks)  # "cancel the sweet lassi, just the mango one": the mango one stays
            p.items = [dataclasses.replace(it, skus=(held,)) if not set(it.skus) & set(ctx.line_skus)
                       and (held := line_holding(self.lexicon, it.skus, ctx.line_skus)) else it for it in p.items]
            # ("remove one of the goody bags" with filled goody bags in the cart, none plain: that line)
            return Intent.REMOVE
        if not has_items and cue.has(toks, cue.SHOP_INFO) and not p.groups and not p.options:
            return Intent.SHOP_INFO
        facts = rule_facts(p, ctx)
        rest = _RULE_REST_OF_LIST
        if rest.holds(toks, facts, ctx.pending):  # "what else?" right after a list: the rest of it
            p.ref = rest.ref
            return rest.intent
        if ctx.expect_group and not p.groups and _RULE_CHOICES_ASKED.holds(toks, facts, ctx.pending):
            p.groups = [ctx.expect_group]  # "what kinds do you have?" to "which flavour?": that group's choices
            return _RULE_CHOICES_ASKED.intent
        if p.question and not p.ordering and not (p.affirm and not has_items and not p.groups and not asks(toks)):
            q = question(self.lexicon, p, toks, ctx)
            if q is not None:
                return q
        if has_items and (p.max_cents is not None or p.min_cents is not None or toks[0] in ("any", "anything")) \
                and not cue.has(toks, _ASKS_FOR):
            p.search_words = [t for t in toks if t not in cue._FILL and t.isalpha()]
            return Intent.SEARCH
        if ctx.has_lines and not p.question and choices_of_the_focus(self.lexicon, p, ctx):
            has_items = False  # "and one white small for my daughter" after two black t-shirts: one more t-shirt
        more_n = one_more_made(toks, p.options, by_pair=self._by_pair(ctx.last_sku)) \
            if ctx.has_lines and not has_items and not p.question else None
        if more_n is not None:  # "and one in small for my son": one more like the line in focus, made so
            p.ref, p.quantity = "more", more_n
            return Intent.ADD
        recount_n = recount_of_the_ones(toks, p.options, p.option_at) if ctx.has_lines and not has_items \
            and not p.question else None
        if recount_n is None and ctx.has_lines and not has_items and not p.question:
            recount_n = _just_count_of_made(toks, p.options, ctx.line_options)  # "just one yellow"
        if recount_n is not None:  # "actually make the almond ones three": that line's count, nothing else
            p.selector, p.options, p.quantity = list(p.options), [], recount_n
            return Intent.MODIFY
        if some_then_all(self.lexicon, p, toks, ctx):  # "one decaf and both with oat milk" to two coffees
            return Intent.MODIFY
        if not p.question and not has_items and p.ref != "more" \
                and (unit_line := line_of_unit(self.lexicon, toks, p.options, ctx, p.option_at)) is not None:
            # "make it three sheets not four" to four sheets of plywood: that line's count ("sheets" no choice)
            p.items, p.options, p.selector = [ItemSpec((unit_line[0],), unit_line[1])], [], []
            p.quantity = unit_line[1]
            return Intent.MODIFY
        if ctx.has_lines and not p.question and not has_items and p.quantity is None and p.ref != "more" \
                and (against := count_not(toks, count_of_named_line(toks, p.options, ctx), p.option_at)) is not None:
            # "just one of the soft white packs not two": that line's count, not one of them made so
            p.selector, p.options, p.quantity = [o for o in p.options if not count_as_choice(toks, o)], [], against
            return Intent.MODIFY
        if ctx.has_lines and not p.question and p.ref != "more" and part_of_line(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "make one of them iced", "make one of the lattes decaf"
        if ctx.has_lines and not p.question and the_other(toks, p):
            p.ref = "other"  # "and the other with oat": the other line of that product
            return Intent.MODIFY
        if has_items and ctx.has_lines and one_made_with_item(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "can the salmon one come with the spicy tuna roll": that bento's roll
        if has_items and ctx.has_lines and not p.question and one_made_remade(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "make the steak one a steak and kidney": that pie's filling
        if has_items and ctx.has_lines and not p.question and one_made_on(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "the chicken one on a wheat pita": the chicken gyro's bread
        if has_items and ctx.has_lines and not p.question and one_named_by_item(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "the sausage one wants wheat toast": the breakfast made with sausage, its toast
        if has_items and ctx.has_lines and not p.question and (made := the_made_made_so(toks, p.items)) is not None:
            p.selector, p.options, p.items = made[0], [*made[1], *p.options], []
            return Intent.MODIFY  # "make the 18 a beam blade": the 18 inch line made beam, no third blade
        if has_items and ctx.has_lines and not p.question and ones_of_a_choice(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "make the red velvet ones cream cheese frosting": the red velvet cupcakes
        if has_items and ctx.has_lines and named_again_made_so(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "one flat fix" - "ok one flat fix with a new tube": that line, made so
        if has_items and ctx.has_lines and choice_for_line_named(self.lexicon, p, toks, ctx):
            return Intent.MODIFY  # "can the belgian one get ice cream too": the waffle's ice cream topping
        if has_items:
            return self._add_or_modify(p, toks, ctx)
        if each_asked(p, toks, ctx):  # "have you got ... and ... pies" - "one of each then"
            return Intent.ADD
        offered = ctx.pending == "offer" and ctx.topic is not None and ctx.topic not in ctx.line_skus \
            and bool(p.options) and all(offers_choice(self.lexicon, ctx.topic, o) for o in p.options)
        chosen = the_one_made(toks, p.options, p.option_at) if ctx.has_lines and not p.question and not offered \
            else []  # (not "a six pack of the black ones" to socks offered: those socks, though a line is black)
        if chosen and not offered_by_a_line(self.lexicon, chosen, ctx.line_skus):
            chosen = []  # "put half a pound of the sour ones instead" to a cart of jelly beans: no line is or could be
            # made so; the product whose choice it is (:func:`sole_owner`), one more item
        narrowed = narrowed_by_one(self.lexicon, p.options, chosen)
        if narrowed is not None:  # "with protein, the plant one": the plant protein, no line made with it
            p.options, chosen = narrowed, []
        if chosen and len(chosen) < len(p.options) and self._described_anew(p, toks, ctx, chosen):
            chosen = []  # "i need a number balloon" - "a seven" - "the big one in pink": the line, made big and pink
        if chosen and ctx.listed is not None and not _made_so_in_cart(chosen, ctx) \
                and listed_by_word(toks, listed_group(self.lexicon, ctx)) is not None \
                and (listed := listed_choice(self.lexicon, p, toks, ctx)) is not None:
            return listed  # "the beef one with chili oil" after the rice roll's fillings, no beef line in the cart
        if chosen and len(chosen) < len(p.options):  # "make the mango one half sugar": that line, changed
            swap = swap_frame(toks)  # "for the tuna one the greens instead of the rice": the rice is what it was
            gone = [o for o in p.options if swap is not None and swap[2] and o.pos > swap[1] and o not in chosen]
            p.selector = [*chosen, *gone] if len(gone) < len(p.options) - len(chosen) else chosen
            p.options = [o for o in p.options if o not in p.selector]
            if p.quantity is None:  # "make the green one just one gallon": one of the gallon
                p.quantity = count_of_unit(toks, p.options, self.lexicon)
            first = min(o.pos for o in chosen)
            if p.quantity is None and first >= 3 and toks[first - 1] in DEFINITE and toks[first - 2] == "of":
                p.portion = portion(toks[:first])  # "make one of the brisket ones a coke": one unit of that line
            return Intent.MODIFY
        if chosen and cue.has(toks, MAKE_IT):
            return Intent.MODIFY  # "make it the one meter one": the line in focus, made so
        if chosen and len(chosen) == len(p.options) and not p.deny and cue.has(toks, ALSO):
            p.ref = "more"  # "can I get the daytime one too": one more like the line in focus, made so
        if ctx.has_lines and not has_items and p.options and not p.question and not ctx.focus_fresh \
                and ctx.topic is not None and ctx.topic not in ctx.line_skus \
                and all(offers_choice(self.lexicon, ctx.topic, o) for o in p.options) \
                and (n := _count_of_ones(toks, p.options)) is not None:
            p.ref, p.quantity = "it", n  # "are the filled goody bags priced per bag" - "six unicorn ones then": the
            return Intent.ADD  # bags just talked about, not more of the cups in the cart (which come in unicorn too)
        if ctx.has_lines and not has_items and p.options and not p.question and not p.deny \
                and not cue.has(toks, MAKE_IT) and (cue.has(toks, ALSO) or cue.has(toks, ADDING)) \
                and measure_of_a_choice(toks, p.options) and ctx.last_sku is not None \
                and all(offers_choice(self.lexicon, ctx.last_sku, o) for o in p.options):
            p.ref = "more"  # "add two pounds of rye too" to a line of bread flour: a new line of rye
            return Intent.ADD
        if ctx.has_lines and not has_items and p.options and not p.question and a_new_one(toks, p.option_at) \
                and not cue.has(toks, MAKE_IT) and not p.deny and said_again_made_so(self.lexicon, p, toks, ctx):
            p.ref = "it"  # "a latte" - "a large one": that latte, large (no second one)
            return Intent.MODIFY
        if ctx.has_lines and not has_items and p.options and not p.question and a_new_one(toks, p.option_at) \
                and not cue.has(toks, MAKE_IT) and not p.deny:  # "make that a large one", "no, a decaf one": a change
            p.ref = "more"  # "and a large one with oat milk": one more like the line in focus, made so
            if ctx.topic is not None and ctx.topic not in ctx.line_skus and ctx.last_sku is not None \
                    and all(offers_choice(self.lexicon, ctx.topic, o) for o in p.options) \
                    and not all(offers_choice(self.lexicon, ctx.last_sku, o) for o in p.options):
                p.ref = "it"  # "do you have remote control cars" - "ok a red one": the car talked about, in red,
                return Intent.ADD  # not one more of the plush in the cart, which comes in no red
        if p.ref == "more" and ctx.has_lines and not p.question:
            return Intent.ADD  # "another one of those", "same again but with oat milk": like the line in focus
        if (_RULE_TAKE_SHOWN.holds(toks, facts, ctx.pending) and not held_by_line(self.lexicon, p, toks, ctx, ctx.shown) or (
                ctx.shown and p.ref == "it" and bare_quantity(toks, p.option_at) is not None
                and cue.has(toks, cue.ADD_VERBS) and not count_of_line_shown(toks, ctx))) and not line_talked_of(ctx) \
                and not (p.options and ctx.has_lines and every_line_said(toks)):  # "gift wrap both of them": lines
            p.ref = p.ref if p.ref in ("cheaper", "pricier") else "it"
            p.quantity = bare_quantity(toks, p.option_at)
            return Intent.ADD
        bare = bare_quantity(toks, p.option_at)
        if bare is None and [t for t in toks if t not in cue._FILL and t not in LEAD_FILL] in (["one"], ["a", "one"]):
            bare = 1  # "one please"
        packs = _packages_alone(toks) if ctx.pending == "offer" and not p.options else None
        if packs is not None:
            bare, p.groups = packs, []  # "one pack please", "two boxes": of the product offered, as it comes
        offered = ctx.topic is not None and (ctx.pending == "offer" or ctx.topic not in ctx.line_skus)
        if offered and not p.question and bare is not None and not p.options and p.ref in (None, "it") \
                and (cue.has(toks, cue.ADD_VERBS) or "please" in toks or packs is not None
                     or len([t for t in toks if t not in cue._FILL and t not in LEAD_FILL
                             and t not in COUNT_UNITS]) <= 1):  # ("ok five dozen then")
            p.ref, p.quantity = "it", bare  # "how much is a scone?" - "I'll take two" / "one please"
            return Intent.ADD
        if ctx.listed is not None and listed_by_word(toks, listed_group(self.lexicon, ctx)) is not None \
                and (listed := listed_choice(self.lexicon, p, toks, ctx)) is not None:
            return listed  # "the cheddar one warmed" after the scone's flavours: that flavour, warmed
        if p.options and ctx.shown and (not ctx.has_lines or ctx.listing and (
                p.ordinal is not None or p.ref in ("cheaper", "pricier")) or listed_not_in_cart(self.lexicon, p, ctx)) \
                and (any(all(offers_choice(self.lexicon, s, o) for o in p.options) for s in ctx.shown)
                     or owner_by_name_word(self.lexicon, p.options) is None):  # "the second one in large" (not
            # "the childrens tylenol grape" after a thermometer was talked of: a product named by its words)
            p.ref = p.ref if p.ref in ("cheaper", "pricier") else "it"
            if p.quantity is None:  # "ok six of the beef": six of the one offered (a count before the choices)
                p.quantity = bare_quantity(toks[:min(o.pos for o in p.options)], p.option_at)
            return Intent.ADD
        swapped = choice_instead(self.lexicon, p, toks, ctx)
        if swapped is None:  # "almond milk instead of the oat milk": the line's milk
            swapped = choices_swapped(self.lexicon, p, toks, ctx)
        if swapped is not None:
            return swapped
        listed = listed_choice(self.lexicon, p, toks, ctx)
        if listed is not None:
            return listed
        if left_as_usual(self.lexicon, p, toks, ctx):  # "the wings, whatever sauce is usual": that line, as it comes
            return Intent.MODIFY
        own_unit = counted_in_own_unit(self.lexicon, toks, p.options, ctx.last_sku) if ctx.has_lines else None
        if own_unit is not None:  # "make that two gallons" to washer fluid sold by the gallon: two of it
            p.options, p.quantity = [], own_unit
            return Intent.MODIFY
        unsold = of_a_noun_not_sold(self.lexicon, toks, p.options)
        owner = sole_owner(self.lexicon, p.options) if not unsold else None
        if owner is not None and owner != ctx.expect_sku and answered_for_asked(self.lexicon, p.options, ctx):
            owner = None  # "what flavour for the wing combo?" - "ten piece": the combo's ten, not ten piece tenders
        if owner is None and p.options and not ctx.has_lines and p.ref is None and not unsold \
                and not any(toks[o.pos].isdigit() for o in p.options if 0 <= o.pos < len(toks)) \
                and not said_in_what_for(toks, p.options):  # ("something for my daughter's birthday": no item)
            owner = value_owner(self.lexicon, p.options, alone=True, by_name=stands_as_item(toks, p.options))
            # "sprite" to an empty cart: the soda, an item (not "make it two": a count of something gone, never a "2 lb" of some product)
        if owner is None and p.ref is None and ctx.has_lines and held_by_line(self.lexicon, p, toks, ctx) is False:
            owner = value_owner(self.lexicon, p.options, alone=True)  # "in a gift box" after a card: the bouquet
        answers_asked = ctx.pending == "clarify_option" and ctx.expect_sku is not None \
            and all(offers_choice(self.lexicon, ctx.expect_sku, o) for o in p.options)  # ("cajun medium" to "which
        # sauce for the crawfish?": the crawfish's sauce and heat, not the "cajun fries" named by a word)
        named = owner_by_name_word(self.lexicon, p.options) if owner is None and not ctx.has_lines \
            and not answers_asked else None
        if named is not None:  # "childrens tylenol the grape one": "childrens" names the product, not a choice
            owner, p.options = named[0], named[1]
        if owner is not None and owner != ctx.last_sku and onto_focus(self.lexicon, p.options, toks, ctx):
            owner = None  # "can you add feta to that" to a gyro: the gyro's feta, not the fries that come with feta
        if owner is not None and owner == ctx.last_sku and said_of_what_was_said(toks):
            owner = None  # "can i get four fat quarters of that": the line in focus made so, no second one
            if p.quantity is None and p.options:
                p.quantity = bare_quantity(toks[:min(o.pos for o in p.options)], p.option_at)
        if owner is not None and not p.question and of_the_focus_kind(self.lexicon, owner, p.options, toks, ctx):
            owner = None  # "batteries double a" - "a four pack": the batteries' pack, not a play dough in its 4 pack
        if owner is not None and cue.has(toks, MAKE_IT) and (owner in ctx.line_skus or ctx.last_sku is not None
                                                              and all(offers_choice(self.lexicon, ctx.last_sku, o) for o in p.options)):
            owner = None  # "make that a large one with half sugar": the line in focus, made so ("make that two six
            # packs": the line that comes in six packs)
        if owner is not None and owner in ctx.line_skus and held_after_make_the(toks, p.options, ctx):
            owner = None  # "make the basil the one gallon": the basil plant's change, not one more plant
        measured = measured_anew(self.lexicon, p, toks, ctx) if owner is None else None
        if measured is not None:  # "so one gallon of white in flat" to a line of paint: one more line of it
            owner = measured
        first = min(o.pos for o in p.options) if p.options else 0
        restating = owner is not None and owner == ctx.last_sku and restated_choice(toks, first)
        if owner is not None and owner == ctx.last_sku and not p.question \
                and (counted := count_instead_of(toks, ctx.focus_quantity, first)) is not None:
            p.quantity = counted  # "a twelve pack instead of the six" to six cans: that line, one case of them
            return Intent.MODIFY
        new_item = measured is not None or not restating and any(t in ("a", "an") and not (i > 0 and toks[i - 1] in (*BASE_PREPS, *HOLDER_PREPS)
                                                  and owner == ctx.last_sku)
                       and not group_named_at(self.lexicon, toks, i, p.options, ctx.line_skus)
                       or t.isdigit() or t == "and" and owner != ctx.last_sku
                       for i, t in enumerate(toks[:first]) if i >= first - 2)
        # "and steamed" to the gyoza just ordered: a change; "on a croissant" to the sandwich just ordered: its bread
        adding = cue.has(toks, cue.ADD_VERBS) and owner != ctx.last_sku  # "add chili" to the hot dog: a change
        if owner is not None and not p.question and list(ctx.line_skus).count(owner) == 1 \
                and righted_choice(ItemSpec((owner,), None, list(p.options)),
                                   ctx.line_options[list(ctx.line_skus).index(owner)]):
            p.items = [ItemSpec((owner,), None, list(p.options), 0, len(toks), True)]  # "not two pounds just the
            p.options, p.quantity = [], None  # one pound": the line of two pounds righted, no second one
            return Intent.MODIFY
        if owner is not None and (not ctx.has_lines or adding or new_item or kind_of_no_line(self.lexicon, p, ctx, owner)) \
                and not p.question:
            again = opened_again(toks, p.options)  # "a scoop of mango and a scoop of lime": two of the product
            again = again or values_apart(self.lexicon, toks, owner, p.options)  # "dive rings and the torpedoes"
            p.items = [ItemSpec((owner,), bare_quantity(toks, p.option_at), list(p.options), 0, len(toks), True)] \
                if not again else [ItemSpec((owner,), int(toks[a]) if toks[a].isdigit() else None,
                                            [o for o in p.options if a <= o.pos < b], a, b, True) for a, b in again]
            p.items = parts_of_them(toks, p.items)  # "two full stacks of the buttermilk one of them with maple"
            p.options = []  # "an earl grey tea": only the hot tea has that choice
            return Intent.ADD
        if p.options and not ctx.has_lines and not p.question and first > 0 and toks[first - 1] in ("a", "an") \
                and (which := owners_to_ask(self.lexicon, p.options)):
            p.items = [ItemSpec(which, None, list(p.options), first, len(toks), True)]  # "a 50 piece": which of the
            p.options = []  # products that come so (no change of a cart that holds nothing)
            return Intent.ADD
        if p.options and one_more_in_another(self.lexicon, p, toks, ctx):
            p.ref = "more"  # "and alabaster too" to a sample pot of agreeable gray: one more pot, in alabaster
            return Intent.ADD
        if p.options:
            if ctx.has_lines and (cue.has(toks, cue.EVERY_LINE) or every_before(toks, p.options)):
                p.ref = "all"  # "make both large", "all large": every line that offers it
            elif ctx.has_lines and p.quantity is None \
                    and (against := count_not(toks, ctx.focus_quantity, p.option_at)) is not None:
                p.quantity = against  # "just one coke not three": the line named by its choice, cut to one
                p.options = [o for o in p.options if not count_as_choice(toks, o)]  # ("just one of the ...": no
                # choice of a single one)
            elif ctx.has_lines and p.quantity is None \
                    and (counted := count_instead_of(toks, ctx.focus_quantity, first)) is not None:
                p.quantity = counted  # "a twelve pack instead of the six": one pack, not six of them (a pack more
                # than one product has)
            elif ctx.has_lines and p.quantity is None \
                    and (one_pack := units_made_one_pack(toks, p.options, ctx.focus_quantity)) is not None:
                p.quantity = one_pack  # "twelve cans" - "the case of twelve instead": one case
            elif ctx.has_lines and p.quantity is None and cue.has(toks, MAKE_IT):
                p.quantity = bare_quantity(toks[:first], p.option_at)  # "make that two six packs": two, so made
                if p.quantity is None:  # "heavy then and make it two pairs"
                    p.quantity = count_made_after(toks, first, p.option_at)
            if ctx.has_lines and p.quantity is None and p.ref != "all":
                p.quantity = count_of_unit(toks, p.options, self.lexicon)  # "make the blush three yards": three of the yard
            return Intent.MODIFY
        if p.ref == "more" and ctx.has_lines:
            return Intent.ADD
        lead = next((t for t in toks if t not in ("uh", "um", "er", "oh", "well", "so", "hmm")), "")
        if ctx.has_lines and ((corrected := count_corrected(toks)) is not None
                              or (corrected := count_not(toks, ctx.focus_quantity)) is not None):
            p.quantity = corrected  # "batteries double a" - "two no three": three of them
            return Intent.MODIFY
        if ctx.has_lines and (cue.has(toks, cue.MODIFY) or lead in RECOUNT_LEADS or recount_said_after(toks)
                              or _count_of_those(toks, ctx)):
            bare = bare_quantity(toks, p.option_at)
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
            q = question(self.lexicon, p, toks, ctx)
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

    def _add_or_modify(self, p: ParseDraft, toks: list[str], ctx: Context) -> Intent:
        """Items named: a new line, or a change to the line in focus ("make that a mocha")."""
        if ctx.has_lines and len(p.items) == 1 and not any(  # "make it three gallons": the item named by a choice
                t.kind == "product" for t in self.lexicon.phrases.get(tuple(toks[p.items[0].start:p.items[0].end]), ())) \
                and (own_unit := counted_in_own_unit(self.lexicon, toks, p.items[0].options, ctx.last_sku)) is not None:
            p.items, p.options, p.quantity, p.replace = [], [], own_unit, False  # the washer fluid's own gallon
            return Intent.MODIFY
        listed = listed_choice(self.lexicon, p, toks, ctx)
        if listed is not None:
            return listed
        if left_as_usual(self.lexicon, p, toks, ctx):  # "the wings, whatever sauce is usual": that line, as it comes
            return Intent.MODIFY
        swapped = choices_swapped(self.lexicon, p, toks, ctx)
        if swapped is not None:  # "fruit instead of the hash browns": the line's side, not two sides
            return swapped
        named_onto = choices_onto_named_line(self.lexicon, p, toks, ctx) if ctx.has_lines else None
        if named_onto is not None:  # "brown rice on the spicy tuna": that roll's rice, no side of rice
            p.items = [named_onto]
            return Intent.MODIFY
        onto = onto_line(self.lexicon, p, toks, ctx) if ctx.has_lines else None
        if onto is not None:  # "add pepperoni and olives to it": toppings of the pizza, not a pepperoni pizza;
            p.items, p.options = [], onto  # "that with coconut rice instead of brown rice": the line's rice
            return Intent.MODIFY
        if ctx.has_lines:
            topic_swapped_in(p, toks, ctx)
        swap = instead_split(toks, p.items, ctx.line_skus) if ctx.has_lines else None
        if swap is not None and swap[0].instead_of is swap[1] \
                and kept_beside_refused(self.lexicon, toks, swap[0], swap[1], ctx):
            p.items, p.replaces, p.replace = [swap[1]], None, False  # "yes to the lattes not the muffin": the
            return Intent.REMOVE  # muffin comes off, no latte more in its place
        if swap is not None:  # "a mocha instead of the latte", "make the muffin a scone instead"
            p.items, p.replaces, p.replace = [swap[0]], swap[1], True
            if swap[1].end <= len(toks):  # "swap one of the brisket sandwiches for a turkey": the turkey sandwich
                p.items[0] = of_the_noun(self.lexicon, toks[swap[1].start:swap[1].end], toks, swap[0])
            held = line_holding(self.lexicon, swap[1].skus, ctx.line_skus)
            new = p.items[0]
            own = choice_of(self.lexicon, toks[new.start:new.end], held) if held is not None else None
            if held is not None and own is not None:  # "switch my bacon egg and cheese to a sesame bagel": the sandwich's bagel, when
                p.items[0] = ItemSpec((held,), None, [OptionSpec(own.targets, pos=new.start, said=own.said)], new.start, new.end, True)
                p.replaces, p.replace = None, False  # the words name no product but a choice of the line's
                return Intent.MODIFY
            if held is not None and held in new.skus and len(new.skus) > 1 and new.options:
                # "the salad should be a full one": "one" of the line's own kind, made so; no other product
                p.items[0] = ItemSpec((held,), new.quantity, new.options, new.start, new.end, new.exact)
                p.replaces, p.replace = None, False
            if (share := portion(toks[:swap[1].start])) is not None and line_after_of(toks, swap[1], ctx):
                p.portion = share  # "change one of the lattes to a mocha": one of the line's units swapped
            return Intent.MODIFY
        share = portion(toks) if len(p.items) == 1 and ctx.last_sku is not None else None
        if share is not None and any(t in SWAP_VERBS for t in toks[:p.items[0].start]) \
                and ctx.last_sku not in p.items[0].skus and p.items[0].start > 0 \
                and not line_after_of(toks, p.items[0], ctx) \
                and all(i < p.items[0].start for i, t in enumerate(toks) if t in ("of", "them", "those")):
            p.portion, p.replace = share, True  # "make one of them a hawaiian": those units become the other product
            p.items[0] = of_the_noun(self.lexicon, toks[:p.items[0].start], toks, p.items[0])  # "one of the sandwiches a
            # pulled pork": the pulled pork sandwich
            units_named(self.lexicon, p, toks, ctx)  # "swap two of the baked ones for chicken": of the baked line
            return Intent.MODIFY
        named = line_by_word(self.lexicon, toks, p, ctx) if ctx.has_lines and len(p.items) == 1 else None
        if named is not None:  # "an almond croissant instead of the plain one": the line of the plain croissant
            p.replaces, p.replace = ItemSpec((named,)), True
            at = cue.find(toks, INSTEAD_OF)
            item = p.items[0]  # what is said after "instead of" describes the old line, not the new one
            p.items[0] = ItemSpec(item.skus, item.quantity, [o for o in item.options if o.pos < at], item.start,
                                  item.end, item.exact)
            return Intent.MODIFY
        kind_nth = nth_of_kind(toks, p, ctx)
        if kind_nth is not None:  # "make the second pizza a large": the second pizza line, made so
            item = p.items[0]
            p.items[0] = ItemSpec((kind_nth,), None, item.options, item.start, item.end, True)
            p.ordinal, p.replaces, p.replace = None, None, False
            return Intent.MODIFY
        nth = nth_line(toks, p, ctx)
        if nth is not None:  # "change the second one to a shoyu": that line swapped
            p.replaces, p.replace = ItemSpec((nth,)), True
            return Intent.MODIFY
        part_of_line = share is not None and bool(p.items and p.items[0].options) \
            and line_after_of(toks, p.items[0], ctx)  # "one of the croissants chocolate", not "just 3 of the screws"
        if len(p.items) == 1 and ctx.has_lines and not part_of_line and recount(toks, the_line_of(self.lexicon, toks, p.items[0], ctx),
                                                           ctx.line_skus):
            item = the_line_of(self.lexicon, toks, p.items[0], ctx)  # "actually three lattes": the line's new count
            sku = next(s for s in reversed(ctx.line_skus) if s in item.skus)
            p.items[0] = ItemSpec((sku,), item.quantity, item.options, item.start, item.end, item.exact)
            p.quantity = item.quantity
            return Intent.MODIFY
        set_to = count_set_to(toks, p.items[0]) if p.items else None  # "drop the cokes to two"
        edit_verb = any(t in _EDIT_VERBS for t in toks[:p.items[0].start]) or set_to is not None \
            or changed_after(toks, p.items[0]) if p.items else False
        held = line_holding(self.lexicon, p.items[0].skus, ctx.line_skus) if len(p.items) == 1 and ctx.has_lines else None
        if held is not None and (restated(toks, p.items[0]) or list(ctx.line_skus).count(held) == 1 and righted_choice(
                p.items[0], ctx.line_options[list(ctx.line_skus).index(held)])):
            item = p.items[0]  # "no I said a large cappuccino": the cappuccino line made so, no second one
            p.items[0] = ItemSpec((held,), None, item.options, item.start, item.end, item.exact)
            p.quantity = item.quantity if item.quantity not in (None, 1) else None
            return Intent.MODIFY
        if held is not None and ctx.pending == "clarify_option" and ctx.expect_sku and ctx.expect_group \
                and any(t.group == ctx.expect_group and ctx.expect_sku in self.lexicon.option_skus.get((t.group, t.value), ())
                        and not offers_choice(self.lexicon, held, o) for o in p.items[0].options for t in o.targets):
            return Intent.ADD  # "which main for the bento?" - "salmon teriyaki with the spicy tuna roll in it": the
            # answer (the bento's main, its roll), though the roll is a cart line too
        every_unit = held is not None and edit_verb and list(ctx.line_skus).count(held) == 1 \
            and 0 < p.items[0].start and toks[p.items[0].start - 1] in _BOTH_OF_LINE  # "make both bowls large" to
        # one line of two bowls: that line (not one more bowl)
        if held is not None and (p.items[0].options or edit_verb) and (every_unit or names_a_line(toks, p.items[0],
                                                                                                    edit_verb)):
            item = p.items[0]  # "make the latte large", "can you warm up the muffin": that line, changed
            sku = held
            if part_of_line:  # "make one of the croissants chocolate": that many of the line's units change
                p.portion, item = share, ItemSpec(item.skus, None, item.options, item.start, item.end, item.exact)
            p.items[0] = ItemSpec((sku,), item.quantity, item.options, item.start, item.end, item.exact)
            if item.quantity is None and p.portion is None:
                p.quantity = bare_quantity(toks[item.end:], p.option_at, item.end) or set_to
            if p.quantity is None and p.portion is None:
                line_made_by_words(self.lexicon, p, toks, sku)
            return Intent.MODIFY
        if not ctx.has_lines or ctx.last_sku is None or len(p.items) != 1:
            return Intent.ADD
        item = p.items[0]
        if item.corrected_from is not None and not corrected_line(toks[:item.corrected_from]) \
                or repaired_as_said(toks, item):
            return Intent.ADD  # "and a medium coke no wait make it a large": the correction is of the item said
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
                and not cue.has(lead, ADDING):
            return Intent.REMOVE  # "scratch that latte": the latte itself named, a removal (never one more)
        if undo_at >= 0 and undo_end < item.start and ctx.last_sku not in item.skus and not cue.has(lead, ADDING):
            p.replace = True  # "scratch that, she wants a large iced mocha": the line just made swapped for it
            return Intent.MODIFY
        if p.deny and ctx.pending == "offer" and ctx.topic is not None and ctx.topic not in item.skus \
                and ctx.topic not in ctx.line_skus and not cue.has(toks, _REPLACE_LINE):
            return Intent.ADD  # "how much is the lego set? would you like one?" - "no that's a bit much, a toy car":
            # the offer turned down, one more line (the line in focus stays)
        if ctx.has_lines and not p.deny and item.quantity in (None, 1) and someones_made_into(toks, item.start):
            p.replace = True  # "she wants hers as a bowl": her line made a bowl, its choices kept
            return Intent.MODIFY
        modify_cue = cue.has(_outside_choices(toks, item.options), cue.MODIFY) or p.deny or toks[0] in ("actually",)
        if modify_cue and not p.deny and made_after_said(toks, item):
            return Intent.ADD  # "and a korma for my daughter with paneer and make it mild": the korma said, made so
        if not modify_cue or item.quantity not in (None, 1) and not cue.has(toks, MAKE_IT) \
                and not counted_instead(toks, item, ctx):
            return Intent.ADD
        if ctx.last_sku in item.skus or p.ordinal is not None or not p.deny and cue.has(toks, MAKE_THE):
            if ctx.last_sku in item.skus:
                p.items[0] = ItemSpec((ctx.last_sku,), item.quantity, item.options, item.start, item.end, item.exact)
            if item.quantity is None:
                p.quantity = bare_quantity(toks[item.end:], p.option_at, item.end)
            return Intent.MODIFY
        if ctx.topic is not None and ctx.topic not in ctx.line_skus and ctx.topic not in item.skus \
                and cue.has(toks[item.end:], INSTEAD) and not cue.has(lead, _REPLACE_LINE) and not p.deny:
            return Intent.ADD  # "is there any blue cheese" (sold out) - "then a brie instead": instead of what was
            # talked about, which no line holds: nothing to swap, one more line
        other = line_holding(self.lexicon, item.skus, ctx.line_skus)
        if other is not None and other != ctx.last_sku and item.options and not cue.has(toks, ADDING) \
                and not same_kind_as_line(self.lexicon, item, ctx.last_sku):
            p.items[0] = ItemSpec((other,), item.quantity, item.options, item.start, item.end, item.exact)
            return Intent.MODIFY  # "make it two dozen roses" to a balloon just added: the roses' line made so, the
            # balloon (no kind of rose bouquet) never swapped for roses
        if cue.has(toks, _REPLACE_LINE) or p.deny and not cue.has(toks, ADDING) \
                and same_kind_as_line(self.lexicon, item, ctx.last_sku):
            p.replace = True  # "no, a mocha": the line in focus swapped; "no wait, add a mocha": one more line
            return Intent.MODIFY
        return Intent.ADD
