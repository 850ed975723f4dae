"""How a turn points at what is already there: part of a cart line ("one of them", "make one iced"), a new
count for a line ("actually three lattes") as against more of it ("three more lattes", "another latte"),
a count that is really an option value ("in size 10" is no quantity), and which of the products just listed
a turn means ("the second one", "the blue one", "the cheaper one", "that one").

Works on the normalised tokens of :mod:`dialogue.matcher` (number words as digits, a lone "one" kept).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from itertools import islice
from typing import TYPE_CHECKING

from catalog.models import Product
from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention
from dialogue.numbers import ORDINALS, TENS, UNITS
from dialogue.phrasebook import phrases, words
from dialogue.replies import MAX_LIST
from dialogue.resolve import options_for
from dialogue.specs import ItemSpec, OptionSpec

if TYPE_CHECKING:
    from dialogue.parse_records import Context, Parse, ParseDraft

MAX_SAID = MAX_LIST  # a spoken list names at most this many
_JUST_ONE = phrases("just_one")
_INSTEAD_OF = phrases("instead_of")
_INSTEAD = phrases("instead")
_THE_LINE = words("definite_line")
_OTHER_PART = phrases("other_part")
_PORTION_OF = words("portion_of")
_RECOUNT_LEADS = frozenset(words("recount_leads"))
_UNIT_WORDS = frozenset(words("line_unit_words")) | frozenset(words("pack_words"))
_SPLIT_VERBS = words("split_verbs")
_MORE_BEFORE = words("more_before_count")
_MORE = words("more_after_count")
_DEGREE_AFTER = words("degree_after")
_PEOPLE_COUNTED = words("people_counted")
_SAID_OF_IT = phrases("said_of_it")
_SAME = words("same_choice")
_NEXT_ONE = words("another_ordinals")  # "a second bowl exactly the same": one more, not the second line
_JOIN = words("join")
_RECOUNT_LEAD = words("recount_lead")
_RECOUNT = phrases("recount")
_RECOUNT_AFTER = words("recount_after")
_PACKAGES = words("packages")
_SERVINGS = words("servings")
_TIME_UNITS = words("time_units")
_TIME_PREPS = words("time_preps")
_TIME_BY = words("time_preps_after_no_number")
_RELAY_VERBS = words("relay_verbs")
_RELAY_LEAD_MAX = 4  # "my little sister says": who says it, in a few words


def count_of(toks: Sequence[str], skip: Collection[int] = ()) -> int | None:
    """A count said on its own ("actually three", "just one"); digits inside an option ("size 10") or a
    price are not counts."""
    for i, t in enumerate(toks):
        if i in skip or not t.isdigit() or not 0 < int(t) < 1000:
            continue
        if i + 1 < len(toks) and toks[i + 1] in ("oz", "percent", "ounce", "ounces", "lb", "dollars", "bucks"):
            continue
        if a_time(toks, i):
            continue
        if i + 2 < len(toks) and toks[i + 1] == "of" and toks[i + 2] in _PEOPLE_COUNTED:
            continue  # "make the roast three pounds, it's just four of us": people, not roasts
        if i >= 3 and toks[i - 1] in ("a", "an") and tuple(toks[i - 3:i - 1]) in _SAID_OF_IT:
            continue  # "make sure it's a 35": what it is (a size), never how many
        return int(t)
    if cue.has(toks, _JUST_ONE):
        return 1
    return None


def count_corrected(toks: Sequence[str]) -> int | None:
    """"two no three", "two sorry three", "two i mean three": a count said alone and corrected at once, the last
    count being meant; None when the turn says anything else."""
    at = [i for i, t in enumerate(toks) if t.isdigit()]
    if len(at) != 2 or not 0 < int(toks[at[1]]) < 1000 \
            or any(t not in cue._FILL for t in (*toks[:at[0]], *toks[at[1] + 1:])):
        return None
    between = toks[at[0] + 1:at[1]]
    said = (tuple(between), tuple(t for t in between if t not in cue._FILL))
    return int(toks[at[1]]) if any(s and s in cue.CORRECTION for s in said) else None


def count_not(toks: Sequence[str], was: int, skip: Collection[int] = ()) -> int | None:
    """"Two not three", "she says two not three", "just one of those not two", "only one coke not three": a count
    said against the count the line in focus has (``was``): the first count; None when the turn says anything else
    or the second count is not the line's. Between the counts may stand "of them"/"of those" and the words at
    ``skip`` (the choices that name the line: "one coke")."""
    k = next((i for i in range(1, len(toks) - 1) if toks[i] == "not" and _count_word(toks[i + 1]) == was), None)
    if k is None or any(t not in cue._FILL for t in toks[k + 2:]):
        return None
    j = k - 1
    while j > 0 and (toks[j] in cue._FILL or j in skip or toks[j] in _UNIT_WORDS or toks[j] == "ones"):
        j -= 1  # ("just one of the soft white packs not two": the line named by its choice and its unit)
    if j > 1 and toks[j] in _PORTION_OF and toks[j - 1] == "of":
        j -= 2  # "just one of those not two"
    elif j > 0 and toks[j] == "of" and toks[j + 1] in _PORTION_OF:
        j -= 1  # "just one of the soft white packs not two" ("the" read as a filler)
    said = _count_word(toks[j]) if j >= 0 else None
    if said is None or said == was or not 0 < said < 1000:
        return None
    lead = toks[:j]
    return said if _relayed_or_fill(lead) or all(t in cue._FILL or t in _RECOUNT_LEADS for t in lead) else None


def count_of_named_line(toks: Sequence[str], options: Sequence[OptionSpec], ctx: Context) -> int:
    """The count of the one cart line that holds every choice said ("the soft white packs": the soft white line),
    the words of a count aside ("just one of ..."); with none said or no such single line, the line in focus's."""
    said = [o for o in options if not count_as_choice(toks, o)]
    if not said:
        return ctx.focus_quantity
    held = [units for units, opts in zip(ctx.line_units, ctx.line_options, strict=False)
            if all(any((t.group, t.value) in opts for t in o.targets) for o in said)]
    return held[0] if len(held) == 1 else ctx.focus_quantity


def count_as_choice(toks: Sequence[str], option: OptionSpec) -> bool:
    """A choice whose words end on a count and are followed by "of" and a word of a portion ("just one" for a
    single bulb, in "just one of the soft white packs not two"): a count of the line's units, not that choice."""
    end = option.pos + len(option.said.split())
    return option.pos >= 0 and bool(option.said) and _count_word(option.said.split()[-1]) is not None \
        and end + 1 < len(toks) and toks[end] == "of" and toks[end + 1] in _PORTION_OF


def count_instead_of(toks: Sequence[str], was: int, first: int) -> int | None:
    """"A twelve pack instead of the six", "two large ones instead of the three": a choice said (from ``first``)
    for the units of the line in focus named only by their count (``was``): the count of what comes ("a" is
    one, a twelve pack is one pack), not the count of the line; so "one eight pack instead" (a count said, no "a")
    to two four packs. None when the turn names the line otherwise or says no count of what comes."""
    if first < 1:
        return None
    j = first - 1
    while j > 0 and toks[j] in cue._FILL:
        j -= 1
    said = 1 if toks[j] in ("a", "an") else _count_word(toks[j])
    at = cue.find(toks, _INSTEAD_OF)
    if at < 0:
        return said if toks[j] not in ("a", "an") and cue.find(toks, _INSTEAD, first) > 0 else None
    if at < first or was < 1:
        return None
    size = max(len(ph) for ph in _INSTEAD_OF if tuple(toks[at:at + len(ph)]) == ph)
    gone = [t for t in toks[at + size:] if t not in cue._FILL and t not in _THE_LINE]
    return said if len(gone) == 1 and _count_word(gone[0]) == was else None


def _count_word(tok: str) -> int | None:
    """The count a token says: a digit, or "one" (left a word by the number reader)."""
    return int(tok) if tok.isdigit() else 1 if tok == "one" else None


def _relayed_or_fill(lead: Sequence[str]) -> bool:
    """Words before what a turn says that say only who says it ("she says", "my mom said", "oh kevin says"), or
    fillers."""
    said = [t for t in lead if t not in cue._FILL]
    return not said or said[-1] in _RELAY_VERBS and len(said) <= _RELAY_LEAD_MAX


def a_time(toks: Sequence[str], i: int) -> bool:
    """The number at ``i`` says when, not how many: "can you do it in twenty minutes", "pick it up at five",
    "ready by 6 pm", "ready by nine"; no line changes for it. After such a word only a number a clock can read is a
    time ("at 1930", not the "6400" of "ddr5 at sixty four hundred"); after "by" not when a number comes before it
    ("2 by 4")."""
    return (i + 1 < len(toks) and toks[i + 1] in _TIME_UNITS) or i > 0 and _on_a_clock(toks[i]) and (
        toks[i - 1] in _TIME_PREPS or toks[i - 1] in _TIME_BY and not (i > 1 and toks[i - 2].isdigit()))


def _on_a_clock(tok: str) -> bool:
    """A number a clock may read: a small one (an hour, "at five"), or hours and minutes written together
    ("1930"), not a bigger number no clock shows ("6400")."""
    if not tok.isdigit():
        return True
    n = int(tok)
    return n < 100 or n <= 2400 and n % 100 < 60


def portion(toks: Sequence[str]) -> int | None:
    """How many units of a cart line a change is for: "one of them", "two of the lattes", "make one iced"; none
    for a count said as more ("another one of those but with oat milk": a new unit, not one of the line's)."""
    for i, t in enumerate(toks):
        n = 1 if t == "one" else int(t) if t.isdigit() and 0 < int(t) < 100 else None
        if n is None or (i and toks[i - 1] in _MORE_BEFORE):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if nxt == "of" and i + 2 < len(toks) and toks[i + 2] in _PORTION_OF:
            return n
        if i and toks[i - 1] in _SPLIT_VERBS:
            return n
        if n == 1 and nxt in _UNIT_WORDS and i + 2 < len(toks):
            nxt = toks[i + 2]  # "one pair with nylon tips", "one box in red": one unit of the line, named by its unit
        if n == 1 and all(w in _LEAD for w in toks[:i]) and nxt in ("with", "in", "as", "without", "no", "extra", "on"):
            return n  # "one with almond milk" said to a line of two: one of them
        if n == 1 and all(w in _LEAD for w in toks[:i]) and cue.find(toks, _OTHER) > i:
            return n  # "one medium rare and the other well done"
    return None


def one_unit_said(toks: Sequence[str], quantity: int | None) -> int | None:
    """"The first one on brown rice", "and the first is a build your own", "for the second one ...": a turn that
    opens (past the leading words) with "the" and an ordinal up to a line's count of several points at one of its
    units: that ordinal; else None ("the first size" is no opening, "the last one" no unit of its own)."""
    if not quantity or quantity < 2:
        return None
    i = next((k for k in range(len(toks)) if toks[k] not in _LEAD and toks[k] != "for"), len(toks))
    if i + 1 >= len(toks) or toks[i] != "the" or not 0 < ORDINALS.get(toks[i + 1], 0) <= quantity:
        return None
    nxt = toks[i + 2] if i + 2 < len(toks) else ""
    return ORDINALS[toks[i + 1]] if nxt in _UNIT_AFTER_ORDINAL else None


_UNIT_AFTER_ORDINAL = frozenset(words("unit_after_ordinal"))


def _one_made_so(toks: Sequence[str], p: ParseDraft, ctx: Context) -> int | None:
    """"one long with a right zip" to a line of two sleeping bags: "one" opening the turn, a choice right after it
    and then nothing but "with"/"in" and more choices: one unit of the line in focus made so (as "one with a right
    zip" is), not the whole line; None when not so, and where that "one" is itself said in a choice ("actually
    one deck" to two decks of cards: the choice "one deck" is the count of the line, not one of them made so)."""
    at = next((i for i, t in enumerate(toks) if t not in _LEAD), -1)
    if at < 0 or toks[at] not in ("one", "1") or p.items or not p.options or ctx.focus_quantity < 2:
        return None
    covered = {k for o in p.options if o.pos >= 0 for k in range(o.pos, o.pos + max(1, len(o.said.split())))}
    if at in covered or at + 1 not in covered or any(k not in covered and toks[k] not in _ONE_MADE_GLUE for k in range(at + 1, len(toks))):
        return None
    return 1


_ONE_MADE_GLUE = frozenset({"with", "in", "and", "a", "an", "on", "please"})


def _half_of_line(lex: Lexicon, toks: Sequence[str], p: ParseDraft, ctx: Context) -> int | None:
    """"make half of them pan fried", "half the dumplings pan fried", "make half with oat milk": half the units of
    the one cart line of the product in focus (twelve: six), when they split evenly; else None. A choice of another
    product read from that "half" (a "half sugar") is dropped."""
    at = next((i for i, t in enumerate(toks) if t == "half"), -1)
    nxt = toks[at + 1] if at + 1 < len(toks) else ""
    after = toks[at + 2] if at + 2 < len(toks) else ""
    by_half = len(p.items) == 1 and p.items[0].start <= at < p.items[0].end and nxt == "of" \
        and after in _PORTION_OF and not set(p.items[0].skus) & set(ctx.line_skus)  # "half of them": no "half dozen"
    if at < 0 or ctx.last_sku is None or ctx.line_skus.count(ctx.last_sku) != 1 or ctx.focus_units < 2 \
            or ctx.focus_units % 2 or (p.items and ctx.last_sku not in p.items[0].skus and not by_half):
        return None
    if not (nxt == "of" and after in _PORTION_OF or nxt in _PORTION_OF or at and toks[at - 1] in _SPLIT_VERBS):
        return None
    if by_half:
        p.options = [*p.options, *p.items[0].options]
        p.items = []
    mine = p.items[0].options if p.items else p.options
    mine[:] = [o for o in mine if o.pos != at or any(ctx.last_sku in lex.option_skus.get((t.group, t.value), ())
                                                     for t in o.targets)]
    return ctx.focus_units // 2


_LEAD = words("other_lead")
_OTHER = phrases("the_other")
_PART_PREPS = words("part_preps")
_NOT_PART_COUNT = words("not_part_count")
_PLAIN_PART = words("plain_part")
_ALL_OF = words("all_of_count")
_BUT = words("everything_but")


def parts_of(toks: Sequence[str], start: int = 0, choices: Collection[int] = ()) -> list[tuple[int, int | None]]:
    """How a turn shares the units of a line among parts, each said after its own count: "one with the ipa and
    the lager and the other with the stout" (two parts), "one small pink and one large black", "two plain and
    the rest sesame". (token where each part begins, its count; None for "the other"/"the rest": what is left).
    A later part opens after "and"/"then", or with "one" and a preposition or a plain word ("one with sausage",
    "one plain"), or with "one" right before a choice said (token positions ``choices``: "one hot one iced"). Read
    from token ``start`` on ("two more, one with figs and one plain": after "more"). Empty unless the words read
    open with a count and have a later part."""
    i = next((k for k in range(start, len(toks)) if toks[k] not in _LEAD), len(toks))
    if i < len(toks) and toks[i] in _ALL_OF:
        return _all_but(toks, i, choices)
    if i >= len(toks) or not (toks[i] == "one" or toks[i].isdigit() and 0 < int(toks[i]) < 100):
        return []
    out: list[tuple[int, int | None]] = [(i, 1 if toks[i] == "one" else int(toks[i]))]
    k = i + 1
    while k < len(toks):
        other = cue.find(toks, _OTHER_PART, k)
        if other == k:  # "... and the other with the stout"
            out.append((k, None))
            k += 2
            k += int(k < len(toks) and toks[k] in ("one", "ones"))  # "the other one plain": no part of its own
            continue
        if toks[k - 1] in ("and", "then") and (toks[k] == "one" or toks[k].isdigit() and 0 < int(toks[k]) < 100) \
                and not (k + 1 < len(toks) and toks[k + 1] in ("more", "of")):
            out.append((k, 1 if toks[k] == "one" else int(toks[k])))  # "... and one with the stout"
        elif toks[k] == "one" and k + 1 < len(toks) and (toks[k + 1] in _PART_PREPS and toks[k + 1] != "of"
                                                         or toks[k + 1] in _PLAIN_PART or k + 1 in choices) \
                and toks[k - 1] not in _NOT_PART_COUNT:
            out.append((k, 1))  # "one with mushrooms one with sausage": the recogniser wrote no comma
        k += 1
    if len(out) < 2 or any(n is None for _, n in out[:-1]):
        return []
    return out


def _all_but(toks: Sequence[str], i: int, choices: Collection[int]) -> list[tuple[int, int | None]]:
    """"All with coke except one diet coke", "all large but two small": the units of a line shared as every one
    but the parts said after "except" / "but", each after its own count: the first part (at ``i``) is what is
    left (None), then the parts said after it, as :func:`parts_of` gives them. Empty unless so said."""
    k = next((k for k in range(i + 1, len(toks) - 1) if toks[k] in _BUT), -1)
    if k < 0:
        return []
    rest = parts_of(toks, k + 1, choices)
    if not rest:
        first = toks[k + 1]
        if not (first == "one" or first.isdigit() and 0 < int(first) < 100):
            return []
        rest = [(k + 1, 1 if first == "one" else int(first))]
    if any(n is None for _, n in rest):
        return []
    return [(i, None), *rest]


def parts_after(toks: Sequence[str], start: int = 0) -> list[tuple[int, int | None]]:
    """Parts said the other way round, each part's choices first and then the unit they go on: "put nutella on
    one and blueberries on the other", "oat milk in one and soy in the other". (token where each part begins,
    its count) as :func:`parts_of` gives them: the first part from the first word read (from ``start`` on, past
    the leading words), 1; the other after "<preposition> one and", None (what is left). Empty unless the words
    read end with "<preposition> the other" and "<preposition> one and" comes before it."""
    i = next((k for k in range(start, len(toks)) if toks[k] not in _LEAD), len(toks))
    other = cue.find(toks, _OTHER_PART, i + 1)
    if other < 0 or toks[other - 1] not in _PART_PREPS or toks[other - 1] == "of" \
            or any(t not in ("one", "ones") for t in toks[other + 2:]):
        return []
    ones = [k for k in range(i + 1, other - 3) if toks[k] == "one" and toks[k - 1] in _PART_PREPS
            and toks[k - 1] != "of" and toks[k + 1] == "and"]
    if len(ones) != 1 or ones[0] - 1 <= i:
        return []
    return [(i, 1), (ones[0] + 2, None)]


def the_other(toks: Sequence[str], p: ParseDraft | Parse) -> bool:
    """"and the other with oat" (no product named): the line of the same product that was not just changed."""
    return not p.items and bool(p.options) and cue.find(toks, _OTHER) >= 0 \
        and all(o.pos > cue.find(toks, _OTHER) for o in p.options)


_WAS_NOT = words("was_not")
_CONTRAST_GLUE = words("contrast_glue")
_REPAIR_WORDS = frozenset(w for p in cue.CORRECTION for w in p) | words("fillers") | {"a", "an", "the"}
_MAX_OFFERING = 12  # the products looked at for the values of a choice's group


def _a_number_word(w: str) -> bool:
    return w.isdigit() or w in UNITS or w in TENS or w in ("hundred", "thousand")


def _inside(said: tuple[str, ...], name: tuple[str, ...]) -> bool:
    return any(name[i:i + len(said)] == said for i in range(len(name) - len(said) + 1))


def _values_holding(lex: Lexicon, x: Mention, said: tuple[str, ...], skus: AbstractSet[str]) -> set[tuple[str, str]]:
    """The other values of the groups of the choice ``x`` whose name or an alias holds the words ``said``, of the
    products in play that offer ``x`` (else of a few products that do)."""
    out: set[tuple[str, str]] = set()
    for t in x.options:
        offering = lex.option_skus.get((t.group, t.value), set())
        mine = [s for s in skus if s in offering] or list(islice(sorted(offering), _MAX_OFFERING))
        for sku in mine:
            group = lex.products[sku].group(t.group) if sku in lex.products else None
            for v in group.values if group is not None else ():
                if v.code != t.value and any(_inside(said, phrase_of(n)) for n in (v.name, *v.aliases)):
                    out.add((t.group, v.code))
    return out


def choice_said_over(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], skus: AbstractSet[str]
                     ) -> list[Mention]:
    """"a large no medium is fine", "a box of five hundred, no, two fifty is fine": a choice, the words of a
    correction, then another choice of its group, said as such or by a number that is a part of the name of one
    other value of that group only (the "two fifty" of the "box of two fifty"), not what those words would name on
    their own (a notepad's "50" sheets): one mention over all those words, of the choice said last; the first was a
    slip (and its words count nothing). A choice of a group that takes several, after a bare "no", is taken off as
    said ("with honey no sugar"). Not a repair: "X instead of Y" (X wanted), nor a choice phrase that begins with
    the correction's word ("two cokes no ice"); no other words than a number name a value by a part of its name
    ("ice" of "iced tea", "of" of "scoop of tuna"). ``skus``: the products in play, whose groups are read first."""
    out = list(mentions)
    for x in mentions:
        if not x.options or x.products or x not in out or cue.find(toks[x.end:x.end + 3], cue.CORRECTION) < 0:
            continue
        k = x.end
        while k < len(toks) and toks[k] in _REPAIR_WORDS:
            k += 1
        if k == x.end or k >= len(toks) or any(m.start <= k < m.end and m.products for m in mentions):
            continue
        if cue.find(toks[x.end:k + 2], _INSTEAD_OF) >= 0:
            continue  # "steak instead of chicken": the first is wanted, the second not (not a repair)
        if any(m.options and x.end <= m.start < k < m.end for m in mentions):
            continue  # "two large cokes no ice": "no ice" is a choice of its own, not the cokes said over
        groups = {t.group for t in x.options}
        y = next((m for m in out if m.start == k and {t.group for t in m.options} & groups), None)
        if y is not None:
            several = any((g := lex.groups.get(code)) is None or g.multiple for code in {t.group for t in y.options}
                          & groups)
            if several and all(t in ("no", *_FILLERS) for t in toks[x.end:k]):
                continue  # "with honey no sugar": no sugar
            out = [m for m in out if m is not x and m is not y]
            out.append(Mention(x.start, y.end, y.targets))
            continue
        for n in (3, 2, 1):
            said = tuple(toks[k:k + n])
            if len(said) < n or not all(_a_number_word(w) for w in said) \
                    or any(m.start < k + n and k < m.end and m.products for m in out):
                continue
            hits = _values_holding(lex, x, said, skus)
            if len(hits) == 1:
                group, value = hits.pop()
                out = [m for m in out if m is not x and (m.end <= k or m.start >= k + n)]
                out.append(Mention(x.start, k + n, (Target("option", group=group, value=value),)))
                break
    return sorted(out, key=lambda m: m.start)


def as_it_was(toks: Sequence[str], said: Sequence[OptionSpec]) -> set[int]:
    """Where choices are said as what a line was, not what it is to be: "make the first drink a small not a large",
    "lean please, my dad does not like the fatty stuff". A choice said within three words after "not" (no other
    choice between) when another choice of the same group is said in the turn without it: the token positions of
    those to drop. A "not" with no rival choice ("not spicy") is left to what the words say; so is a "not" that is a
    word of a choice said ("swiss not sliced just in a chunk", "not spicy with extra chashu": the chunk and the chashu
    are wanted), and a choice already read as not wanted ("shredded please not the pate": the line's pate, which
    the change names)."""

    def within(o: OptionSpec, k: int) -> bool:
        return o.pos <= k < o.pos + max(1, len(o.said.split()))

    negated: list[OptionSpec] = []
    for spec in said:
        before = [k for k in range(max(0, spec.pos - 3), spec.pos) if toks[k] in _WAS_NOT]
        if spec.pos >= 0 and before and spec.amount != "none" \
                and not any(before[-1] < o.pos < spec.pos or within(o, before[-1]) for o in said if o is not spec):
            negated.append(spec)
    gone: set[int] = set()
    for spec in negated:
        groups = {t.group for t in spec.targets if t.kind == "option"}
        if any(o not in negated and groups & {t.group for t in o.targets if t.kind == "option"} for o in said):
            gone.add(spec.pos)
    for spec in said:  # "a madras but medium not hot": "not hot" (mild) contrasts the medium said just before it
        words = spec.said.split()
        groups = {t.group for t in spec.targets if t.kind == "option"}
        if spec.pos > 0 and words and words[0] in _WAS_NOT and any(
                o is not spec and o.pos >= 0 and o.said and o.said.split()[0] not in _WAS_NOT
                and groups & {t.group for t in o.targets if t.kind == "option"}
                and all(t in _CONTRAST_GLUE for t in toks[o.pos + len(o.said.split()):spec.pos])
                and o.pos + len(o.said.split()) <= spec.pos for o in said):
            gone.add(spec.pos)
    return gone


def wants_more(toks: Sequence[str], item: ItemSpec) -> bool:
    """"another latte", "three more lattes", "one more latte", "the same coffee for my husband": more of what may
    already be there."""
    start = item.start
    if start >= 3 and toks[start - 1] in _PORTION_OF and toks[start - 2] == "of":
        start -= 2  # "three more bags of the mulch": more of the mulch, its packaging said between
    near = toks[max(0, start - 3):start]
    counted_of = item.start >= 4 and toks[item.start - 4] == "another" \
        and (toks[item.start - 3].isdigit() or toks[item.start - 3] == "one") and toks[item.start - 2] == "of" \
        and toks[item.start - 1] in _PORTION_OF  # "another two of the washer fluid", "another one of those taro ones"
    a_second = any(a in ("a", "an") and b in _NEXT_ONE for a, b in zip(near, near[1:], strict=False))  # "a second bowl"
    return "another" in near or "more" in near or item.start > 0 and toks[item.start - 1] in _SAME or counted_of \
        or a_second


def recount(toks: Sequence[str], item: ItemSpec, line_skus: Collection[str]) -> bool:
    """"actually three lattes", "make that three lattes", "no, just two mochas": a new count for a line of
    that product already in the cart; "and three lattes", "three more lattes" add."""
    if item.quantity is None or not any(s in line_skus for s in item.skus):
        return False
    if any(t in _MORE and not (k + 1 < len(toks) and toks[k + 1] in _DEGREE_AFTER) for k, t in enumerate(toks)) \
            or _joined_on(toks, item.start):  # ("that's too many, just two puddings": no more units)
        return False
    if _count_said_not(toks, item) or _corrected_last(toks, item):
        return True  # "two cookies not three": the line's count said again, the count it was said not
    lead = [t for t in toks[:item.start] if t not in ("so", "okay", "ok")]
    if lead and lead[0] in _RECOUNT_LEAD:
        return True
    if item.start and toks[item.start - 1] in ("just", "only") or item.start > 1 and toks[item.start - 2] in ("just", "only"):
        return True
    return _only_packages(toks, item) or cue.has(toks, _RECOUNT)


def _count_said_not(toks: Sequence[str], item: ItemSpec) -> bool:
    """"Two cookies not three", "she says two not three": a count, then "not" and another count (of the same
    product, or bare): the count the line is to be, said against the count it was."""
    k = item.end if item.end > item.start else item.start + 1
    while k < len(toks) and toks[k] in cue._FILL:
        k += 1
    if k + 1 >= len(toks) or toks[k] != "not":
        return False
    other = toks[k + 1]
    n = 1 if other == "one" else int(other) if other.isdigit() else None
    return n is not None and n != item.quantity


def _corrected_last(toks: Sequence[str], item: ItemSpec) -> bool:
    """"Two pickles actually", "ok three of the lattes instead": the product with a count opening the turn (only
    fillers before it) and a word that corrects ([recount_after]) said last, nothing but fillers between: the
    line's count said anew, as "actually two pickles" is."""
    rest = [t for t in toks[item.end:] if t not in cue._FILL and t != "please"]
    return len(rest) == 1 and rest[0] in _RECOUNT_AFTER and toks[-1] in _RECOUNT_AFTER \
        and all(t in cue._FILL for t in toks[:item.start] if not (t.isdigit() or t == "one"))


def _joined_on(toks: Sequence[str], start: int) -> bool:
    """"and three lattes": a join word just before the product adds; not one that a correction follows before the
    product ("and make the cokes three": the line's new count), nor one that "just" or "only" follows ("and just one
    pack of gum" to two packs: the line cut to one)."""
    near = [k for k in range(max(0, start - 3), start) if toks[k] in _JOIN]
    between = toks[near[-1] + 1:start] if near else ()
    return bool(near) and cue.find(between, _RECOUNT) < 0 and not any(t in ("just", "only") for t in between)


def group_of_named_line(lex: Lexicon, toks: Sequence[str], found: list[Mention], sku: str | None,
                        lines: AbstractSet[str]) -> list[Mention]:
    """"a chimaek set" - "is the beer cass", "swap the beer for terra": "the" and a word that names both a product no
    cart line holds (the beer sold alone) and a choice group of the product in focus (the set's beer) name that
    group, not the other product; not where the word names a line by its product's name ("only the lox and the
    bagels": the half dozen bagels, though "bagels" names their group too) unless a choice of that group follows
    it ("another one medium rare with the eggs over easy": the steak and eggs' eggs, though "eggs" is in the
    line's name)."""
    if sku is None or sku not in lines or (product := lex.products.get(sku)) is None:
        return found
    out = []
    for m in found:
        own = tuple(t for t in m.groups if product.group(t.group) is not None)
        if m.exact_products and own and not m.options and m.start > 0 and toks[m.start - 1] == "the" \
                and not any(t.sku in lines for t in m.products) \
                and (line_holding(lex, [t.sku for t in m.exact_products], sorted(lines)) is None
                     or _choice_of_after(found, m, own)):
            out.append(Mention(m.start, m.end, own))
        else:
            out.append(m)
    return out


def _choice_of_after(found: Sequence[Mention], m: Mention, groups: Sequence[Target]) -> bool:
    """A choice of one of ``groups`` is said right after mention ``m`` ("the eggs over easy")."""
    codes = {t.group for t in groups}
    return any(o.start == m.end and any(t.group in codes for t in o.options) for o in found)


def line_holding(lex: Lexicon, skus: Sequence[str], line_skus: Sequence[str]) -> str | None:
    """The product of the cart line a product named means: its own line (the latest), else the one line product
    whose name holds a name of it ("toast the bagels" with sesame bagels in the cart, "bagel" being what the plain
    bagel is called)."""
    own = [s for s in line_skus if s in skus]
    if own:
        return own[-1]
    said = [set(phrase_of(n)) for s in skus if (p := lex.products.get(s)) is not None for n in (p.name, *p.aliases)]
    holding = {s for s in line_skus if (p := lex.products.get(s)) is not None
               and any(w and w <= set(phrase_of(p.name)) for w in said)}
    return holding.pop() if len(holding) == 1 else None


def _only_packages(toks: Sequence[str], item: ItemSpec) -> bool:
    """"just two packs of post its", "only three boxes of staples": "just" before a count of packages of the
    product, a new count as much as "just two lattes"; so "and just one order of garlic knots", and "just three
    boxes of the screws", "only one of the croissants" (the line named with an article)."""
    k = item.start - 1
    while k > 1 and (toks[k] in _PACKAGES or toks[k] in _SERVINGS or toks[k] in ("of", "the")):
        k -= 1
    return k < item.start - 1 and (toks[k].isdigit() or toks[k] == "one") and toks[k - 1] in ("just", "only")


def pick_shown(lex: Lexicon, shown: Sequence[str], parse: Parse, topic: str | None, said: int = MAX_SAID
               ) -> tuple[Product | None, list[Product]]:
    """Which of the products just listed a turn means: "the second one", "the cheaper one", "the blue one",
    "that one" (the one talked about since). Returns (the product, []) or (None, the ones to ask among)."""
    cands = [lex.products[s] for s in shown if s in lex.products]
    if not cands:
        return None, []
    if parse.ordinal is not None:
        idx = parse.ordinal - 1 if parse.ordinal > 0 else min(len(cands), max(said, 1)) - 1  # the last one said
        return (cands[idx] if 0 <= idx < len(cands) else None), []
    specs = parse.options
    if specs and len(cands) > 1:  # "the blue one": the ones that come in blue
        fit = [p for p in cands if not options_for(p, specs)[2]]
        if len(fit) == 1:
            return fit[0], []
        named = _named_by_option_word(fit or cands, specs)
        if named is not None:
            return named, []
        cands = fit or cands
    if parse.ref in ("cheaper", "pricier") and len(cands) > 1:
        best = (min if parse.ref == "cheaper" else max)(p.price_cents for p in cands)
        tied = [p for p in cands if p.price_cents == best]
        return (tied[0], []) if len(tied) == 1 else (None, tied)
    for p in cands:
        if p.sku == topic:
            return p, []
    if len(cands) == 1:
        return cands[0], []
    return None, cands


def _named_by_option_word(cands: Sequence[Product], specs: Sequence[OptionSpec]) -> Product | None:
    """"the chipotle one but with tofu" after a list of bowls that all offer a chipotle dressing: the one product
    listed whose name holds the words of a choice said ("chipotle chicken bowl"), when just one does."""
    for spec in specs:
        said = set(spec.said.split())
        named = [p for p in cands if said and said <= set(phrase_of(p.name))]
        if len(named) == 1:
            return named[0]
    return None


def part_of_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """A change for some units of a cart line that offers it: sets ``p.portion``."""
    share = portion(toks)
    if share is None:
        share = _one_made_so(toks, p, ctx)
    if share is None:
        share = _half_of_line(lex, toks, p, ctx)
    if share is None or len(p.items) > 1:
        return False
    if not p.items and 0 < ctx.focus_units < share and len(parts_of(toks)) > 1:
        return False  # "make that two of them one ankle and one no show" to one pack: a new count shared, not a
        # part (as "fifty of them double sided" to a line of one is all fifty made so)
    held = None
    if p.items and not any(s in ctx.line_skus for s in p.items[0].skus):
        held = line_holding(lex, p.items[0].skus, ctx.line_skus)  # "one of the notebooks" to spiral notebooks
        if held is None:
            return False
    specs = p.items[0].options if p.items else p.options
    if not specs or (p.items and p.options):
        return False
    skus = ({held} if held else set(p.items[0].skus)) if p.items else set(ctx.line_skus)
    for spec in specs:
        offered: set[str] = set()
        for t in spec.targets:
            offered |= lex.option_skus.get((t.group, t.value), set())
        skus &= offered
    if not skus & set(ctx.line_skus):
        return False
    if p.items:  # "make one of the garlic naans a peshwari": the naans said first are those made so, the rest the change
        item = p.items[0]
        named = [o for o in specs if o.pos < item.start and any(
            later.pos >= item.start and {t.group for t in later.targets} & {t.group for t in o.targets}
            for later in specs)]
        if named:
            p.selector = [*p.selector, *named]
            specs[:] = [o for o in specs if o not in named]
    other = cue.find(toks, _OTHER_PART)
    of_other = other >= 2 and toks[other - 1] == "of" and portion(toks[:other + 1]) == share
    if of_other:  # "one of the other two with extra cheese": some units of the other line of that product
        p.ref, other = "other", -1
    if other < 0 and not of_other:  # "one on sourdough and one on wheat": the second "one" is the rest of a line of
        first = min(o.pos for o in specs)  # two (not the "and one" that opens the turn: "and one of them half
        # pepperoni")
        other = next((i for i in range(max(1, first), len(toks)) if toks[i] == "one" and toks[i - 1] in ("and", "then")),
                     -1)
    if other >= 0:  # "make one of them iced and the other one decaf": the rest of the line
        mine = p.items[0].options if p.items else p.options
        if not any(o.pos <= other for o in mine):
            return False
        joins = [k for k in range(other) if toks[k] in ("and", "but", "then") and any(o.pos < k for o in mine)]
        if joins and not of_other:  # "all the way on two of them and just mustard on the other one": the
            other = joins[-1]  # rest's choices said after the "and", before "the other one"
        p.rest_options = [o for o in mine if o.pos > other]
        mine[:] = [o for o in mine if o.pos <= other]
    if held:
        p.items[0].skus = (held,)
    p.portion = share
    return True


def units_named(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"swap two of the baked ones for chicken", "make one of the iced ones a mocha": the choices said between "of
    the" and the new item name the line those units are taken from (``p.selector``), not the new item's choices.
    Only choices some cart line's product offers, and only when a line was made with them."""
    if len(p.items) != 1:
        return
    item = p.items[0]
    of_at = next((i for i in range(item.start - 1, 0, -1) if toks[i] == "of" and toks[i - 1] != "instead"), -1)
    if of_at < 0 or of_at + 1 >= len(toks) or toks[of_at + 1] not in _PORTION_OF:
        return
    named = [o for o in item.options if of_at < o.pos < item.start and any(
        (t.group, t.value) in opts for t in o.targets for opts in ctx.line_options)]
    if named:
        p.selector = [*p.selector, *named]
        item.options = [o for o in item.options if o not in named]


_INSTEAD = phrases("instead")
_SWAP_VERBS = words("swap_verbs")
_DEFINITE_LINE = words("definite_line")
_BECOMES = phrases("line_becomes")
_INSTEAD_OF = phrases("instead_of")
_REFUSED = phrases("line_refused")
_REMADE = phrases("line_remade")
_FILLERS = words("fillers")


def _refused_then_remade(toks: Sequence[str], old: ItemSpec, new: ItemSpec) -> bool:
    """"no cold brew, just make it a drip coffee", "not the coke, give me a sprite": the line said not wanted
    right before its name, then only a phrase of what comes in its place (and fillers), or only an article, before
    the new product."""
    if new.start < old.end or not any(tuple(toks[old.start - len(r):old.start]) == r for r in _REFUSED):
        return False
    said = list(toks[old.end:new.start])
    while said and said[-1] in ("a", "an", "the", "some"):
        said.pop()
    if not said and new.start > old.end:
        return True  # "no sorry not castelvetrano the kalamata": the one wanted right after, with its article
    return any(tuple(gap) in _REMADE for gap in (said, [t for t in said if t not in _FILLERS]))


def _changed_to(toks: Sequence[str], items: Sequence[ItemSpec], line_skus: Sequence[str]) -> tuple[ItemSpec, ItemSpec] | None:
    """"change the miso to a shoyu", "swap the coke for a sapporo", "make the muffin a scone": a change verb,
    then a line of the cart named with "the" (or "my", "that"), then the product it becomes: (new, old)."""
    old, new = items
    verb = next((i for i in range(old.start) if toks[i] in _SWAP_VERBS), -1)
    if verb < 0 and any(s in line_skus for s in old.skus) and _refused_then_remade(toks, old, new):
        return new, old
    if verb < 0 and new.start >= old.end and cue.find(toks[old.end:new.start], _BECOMES) >= 0:
        named = any(toks[i] in _DEFINITE_LINE for i in range(max(0, old.start - 3), old.start))
        if not named or not any(s in line_skus for s in old.skus):
            return None
        return new, old  # "the latte should be a mocha", "one of the lattes was supposed to be a mocha"
    k = old.start - 1
    while k > verb and toks[k] not in _DEFINITE_LINE and k - 1 > verb:
        k -= 1  # past the line's own modifiers ("the large miso")
    if verb < 0 or toks[k] not in _DEFINITE_LINE or not any(s in line_skus for s in old.skus) or new.start < old.end:
        return None
    if any(toks[i] in ("and", "plus", "also") for i in range(old.end, new.start)):
        return None  # "change the miso and a coke": no swap
    return new, old


def instead_split(toks: Sequence[str], items: Sequence[ItemSpec], line_skus: Sequence[str]) -> tuple[ItemSpec, ItemSpec] | None:
    """(new, old) when a turn swaps one named item for another: "a mocha instead of the latte", "potato
    salad rather than the coleslaw", "make the muffin a scone instead", "the lemonade as a sparkling water
    instead", "change the miso to a shoyu"; one item said with another not wanted in its place ("not the staples, I
    meant paper clips"). The old item must be one whose product is in the cart; None when
    the turn is no such swap."""
    if len(items) == 1 and (gone := items[0].instead_of) is not None and any(s in line_skus for s in gone.skus) \
            and not set(gone.skus) & set(items[0].skus):
        return items[0], gone  # "sorry not staples I meant paper clips", "I said curry sauce not mushy peas"
    if len(items) == 2 and cue.find(toks, _INSTEAD) < 0:
        return _changed_to(toks, items, line_skus)
    if len(items) != 2 or cue.find(toks, _INSTEAD) < 0:
        return None
    at = cue.find(toks, _INSTEAD_OF)
    if at >= 0:  # "X instead of Y" (or "instead of Y, X"): Y is named as the old one, in the cart or not
        if items[0].start > at and items[1].start > at:  # "instead of the two six packs just do one twelve pack":
            return (items[1], items[0]) if any(s in line_skus for s in items[0].skus) \
                and all(t in ("of", "the", "my", "those", "these") or t.isdigit() for t in toks[at + 1:items[0].start]) \
                and items[0].end <= items[1].start else None  # the first named right after it is the old one
        old = 1 if items[1].start > at else 0
        return items[1 - old], items[old]
    in_cart = [any(s in line_skus for s in it.skus) for it in items]
    old = 0 if in_cart[0] else 1  # "make the Y an X instead": the one in the cart is the line
    return (items[1 - old], items[old]) if in_cart[old] else None
