"""Two cart edits joined in one turn: "take the pickle off and add a cookie", "make the soup a bowl and one of
the wraps chicken". A clerk does both, in order; the session runs each clause as its own step of the turn.

A turn splits only where a joining word ("and", "then", a comma or full stop) is followed by a verb that edits
the cart (data: ``compound_edits``), and only when the clause before it has such a verb too: a plain list of
products ("a latte and a muffin"), "yes and a cookie" or "a latte and make it iced" stay one clause (but "a challah
and actually make all four danishes cheese" turns to another change: two). After a
clause with a remaking verb ("make", "change"), "... and one of them black" is a second change by that verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.normalize import PUNCT_END, word_tokens
from dialogue.numbers import UNITS
from dialogue.phrasebook import phrases, words

_JOINERS = words("compound_joiners")
_FILL = words("compound_fill")
_EDITS = phrases("compound_edits")
_PORTIONS = phrases("compound_portions")
_REMAKE = words("remake_verbs")
_SWAP = words("swap_verbs")
_RECOUNT_LEAD = words("recount_lead")
_TURNS = words("compound_turns")
_MADE_WITH = frozenset({"with", "on", "in"})
_FOR_LINE = ("for", "the")
_ITEM_OPENERS = words("item_openers")  # "a", "an", "some", "another"
_ONLY = frozenset({"just", "only"})
_THOSE = frozenset({"them", "it", "those", "that", "these"})
_MAX_FILL = 4


def _starts(toks: Sequence[str], k: int, table: Sequence[tuple[str, ...]]) -> bool:
    return any(tuple(toks[k:k + len(ph)]) == ph for ph in table)


def _has_edit(toks: Sequence[str]) -> bool:
    """"no take the cookie off": the clause edits the cart (an edit verb anywhere in it); so does a count corrected
    without a verb ("actually just two spring rolls": a correction word first, then "just"/"only" and a count)."""
    return any(_starts(toks, k, _EDITS) for k in range(len(toks))) or _recounts(toks)


def _recounts(toks: Sequence[str]) -> bool:
    """"actually no just one london fog": a count corrected without a verb."""
    lead = [t for t in toks if t not in _FILL or t in _RECOUNT_LEAD]
    if lead and _starts(lead, 0, _PORTIONS) and len(lead) > 3:
        return True  # "one of them iced": some units of a line remade, the verb left unsaid
    return bool(lead) and lead[0] in _RECOUNT_LEAD and any(
        t in _ONLY and k + 1 < len(toks) and (toks[k + 1].isdigit() or toks[k + 1] in UNITS)
        for k, t in enumerate(toks))


def _swaps_what_went(head: Sequence[str], toks: Sequence[str], k: int) -> bool:
    """"scratch the colas and swap them for lemonades", "drop the fries and make them onion rings": after a
    clause that takes a line off, a swap of "them" is that line swapped, one edit (not a line off, then a swap of
    nothing)."""
    return cue.has(head, cue.REMOVE) and k + 1 < len(toks) and toks[k] in _SWAP and toks[k + 1] in _THOSE


def _opens_edit(toks: Sequence[str], k: int) -> bool:
    """"(and) can you add a cookie": after a few filler words, an edit verb starts here."""
    for skip in range(_MAX_FILL + 1):
        if k + skip >= len(toks):
            return False
        if _starts(toks, k + skip, _EDITS):
            return True
        if toks[k + skip] not in _FILL:
            return False
    return False


def _takes_off(toks: Sequence[str]) -> bool:
    """"scratch the lemonade": the clause takes a line off."""
    return cue.has(toks, cue.REMOVE)


def _opens_item(toks: Sequence[str], k: int) -> bool:
    """"(and then) a large chai latte": after a few filler words, an article or a count opens an item here."""
    for skip in range(_MAX_FILL + 1):
        if k + skip >= len(toks):
            return False
        if toks[k + skip] in _ITEM_OPENERS or toks[k + skip].isdigit():
            return True
        if toks[k + skip] not in _FILL:
            return False
    return False


def _turns_to_remake(toks: Sequence[str], k: int) -> bool:
    """"one challah and um actually make all four danishes cheese": after a plain order, a word that turns to
    another matter ("actually") and then a remaking verb starts an edit of its own (not "a latte and make it iced",
    said of the latte)."""
    turned = False
    for skip in range(_MAX_FILL + 1):
        if k + skip >= len(toks):
            return False
        t = toks[k + skip]
        if t in _TURNS:
            turned = True
        elif t in _REMAKE:
            return turned
        elif t not in _FILL:
            return False
    return False


def _count_said_against(head: Sequence[str]) -> bool:
    """"just one coke not three": the clause ends on "not" and a count, a line's count corrected; what is joined
    after it ("and two strawberry milkis") is a change of its own, not more of that line."""
    words = [t for t in head if t not in _FILL or t == "not"]
    return len(words) > 2 and words[-2] == "not" and (words[-1].isdigit() or words[-1] in UNITS)


def _count_alone(head: Sequence[str]) -> bool:
    """"only two of them not three", "just two of those": a line's count corrected and nothing else (no product
    named); an edit verb joined after it ("and make them large") is a change of its own, made to what is left."""
    words = [t for t in head if t not in _FILL or t in _ONLY]
    if _count_said_against(head) and words and words[0] in _ONLY:
        words = words[:-2]
    if len(words) < 2 or words[0] not in _ONLY or not _is_count(words[1]):
        return False
    rest = words[2:]
    return not rest or len(rest) == 2 and rest[0] == "of" and rest[1] in _THOSE


def _is_count(t: str) -> bool:
    return t.isdigit() or t in UNITS


def _parallel_lines(head: Sequence[str], rest: Sequence[str]) -> bool:
    """"The pastor ones with verde and the carnitas with the red one": the clause before and the one after the
    joining word each open with "the" (a line named) and say how it is to be made ("with", "on", "in"): two changes,
    one of each line."""
    def line_made(toks: Sequence[str]) -> bool:
        words = [t for t in toks if t not in _FILL]
        return len(words) > 2 and words[0] == "the" and any(t in _MADE_WITH for t in words[2:])
    return line_made(head) and line_made(rest) or _made_for_line(head) and _made_for_line(rest)


def _made_for_line(toks: Sequence[str]) -> bool:
    """"medium for the chai", "large for the green machine with almond milk": a clause that opens with how a line is
    to be made (no article or count of an item first) and then names that line after "for the"."""
    words = [t for t in toks if t not in _FILL]
    if len(words) < 3 or words[0] in _ITEM_OPENERS or words[0].isdigit() or words[0] in _FOR_LINE[1:]:
        return False
    return any(tuple(words[k:k + len(_FOR_LINE)]) == _FOR_LINE for k in range(1, len(words) - len(_FOR_LINE)))


def _part_remade(head: Sequence[str]) -> bool:
    """"make one of them decaf": a remaking verb, some units of a line ("one of them") and how they are made, said
    in full; an item joined after it ("and a muffin") is one more line, not what those units become."""
    words = [t for t in head if t not in _FILL]
    at = next((k for k in range(len(words)) if _starts(words, k, _PORTIONS)), -1)
    if at < 1 or words[at - 1] not in _REMAKE:
        return False
    size = max(len(ph) for ph in _PORTIONS if tuple(words[at:at + len(ph)]) == ph)
    rest = words[at + size:]
    return bool(rest)


def _instead_then_off(said: list[str], flat: Sequence[tuple[str, int, bool]]) -> list[str] | None:
    """"the kids want crab rangoon instead so take the spring rolls off": what comes, said with "instead", then
    (after "so" / "and") what goes taken off: the line taken off first, then what comes added in its place (two
    steps: "take the spring rolls off", "... crab rangoon instead"); None when the turn is not so."""
    toks = [t for t, _, _ in flat]
    for k in range(2, len(toks) - 1):
        if toks[k] not in _INSTEAD_JOINS or toks[k - 1] != "instead" or flat[k][1] == flat[k - 1][1]:
            continue
        m = k
        while m < len(toks) and toks[m] in _INSTEAD_JOINS:
            m += 1
        rest = toks[m:]
        off = _takes_off(rest) or any(t in _TAKE_VERBS for t in rest[:2]) and any(t in _OFF_WORDS for t in rest[2:])
        if m < len(toks) and _opens_edit(toks, m) and off and not _has_edit(toks[:k]):
            head = " ".join(said[:flat[k][1]])
            return [" ".join(said[flat[m][1]:]), PUNCT_END.sub("", head)]
    return None


def _order_then_righted(said: list[str], flat: Sequence[tuple[str, int, bool]]) -> list[str] | None:
    """"and a ream of printer paper no actually make it a box of five reams": an order, then (after "actually",
    with a "no" or "sorry" before it or not) "make it ..." righting what was just said: the order, then the change
    of it (two steps, the change made to the line just added, never to a line before it); None when not so."""
    toks = [t for t, _, _ in flat]
    for k in range(2, len(toks) - 2):
        if toks[k] not in _TURNS or _has_edit(toks[:k]) or not any(t in _ITEM_OPENERS or t.isdigit() for t in toks[:k]):
            continue
        m = k + 1
        while m < len(toks) and toks[m] in _FILL and toks[m] not in _REMAKE:
            m += 1
        if not any(tuple(toks[m:m + len(ph)]) == ph for ph in _MAKE_IT):
            continue
        a = k
        while a > 0 and toks[a - 1] in _RIGHTING_LEAD:
            a -= 1
        if a == 0 or toks[a - 1] in _JOINERS:
            return None  # ("a latte and actually make it iced": one clause, as ever)
        return [PUNCT_END.sub("", " ".join(said[:flat[a][1]])), " ".join(said[flat[m][1]:])]
    return None


_RIGHTING_LEAD = frozenset({"no", "sorry", "oh", "um", "uh", "wait"})
_MAKE_IT = phrases("make_it")
_INSTEAD_JOINS = frozenset({*_JOINERS, "so"})
_TAKE_VERBS = frozenset({"take", "takes"})
_OFF_WORDS = frozenset({"off", "out", "away"})


def clauses(text: str) -> list[str]:
    """The clauses of a turn, one per cart edit; ``[text]`` when the turn is not two edits joined.
    "take the pickle off and add a cookie" -> ["take the pickle off", "add a cookie"]; "make it two and one of
    them black" -> ["make it two", "make one of them black"]."""
    said = text.split()
    flat = word_tokens(said)  # token, index of its word, does a punctuation mark end the word
    toks = [t for t, _, _ in flat]
    swapped = _instead_then_off(said, flat)
    if swapped is not None:
        return swapped
    righted = _order_then_righted(said, flat)
    if righted is not None:
        return righted
    out: list[str] = []
    begin = 0  # token where the current clause starts
    k = 1
    while k < len(toks):
        joined = toks[k] in _JOINERS or flat[k - 1][2] or _takes_off(toks[begin:k]) and toks[k] in _ONLY \
            and _opens_item(toks, k + 1)  # "scratch the lemonade just a bottle of water": off, then one more
        m = k
        while m < len(toks) and toks[m] in _JOINERS:
            m += 1
        head = toks[begin:k]
        parallel = joined and m < len(toks) and _parallel_lines(head, toks[m:])
        if not joined or m >= len(toks) or flat[m][1] == flat[m - 1][1] \
                or not (_has_edit(head) or _turns_to_remake(toks, m) or parallel
                        or _count_alone(head) and _opens_edit(toks, m)) or _swaps_what_went(head, toks, m):
            k += 1
            continue
        if _opens_edit(toks, m) or parallel or _count_said_against(head) or _recounts(head) and _opens_item(toks, m) \
                or _takes_off(head) and toks[m] in _ONLY and _opens_item(toks, m + 1) \
                or _part_remade(head) and _opens_item(toks, m):
            lead = ""  # ("actually no just one london fog and then a large chai latte": the count, then one more)
        else:
            verb = next((t for t in head if t in _REMAKE), None)
            if verb is None or not (_starts(toks, m, _PORTIONS) or _starts(toks, m, cue.EVERY_LINE)):
                k += 1
                continue
            lead = verb + " "  # "make it two and one of them black": "make one of them black"; "... and both
            # of them large": "make both of them large"
        out.append(PUNCT_END.sub("", " ".join(said[flat[begin][1]:flat[k][1]])))
        said[flat[m][1]] = lead + said[flat[m][1]]
        begin, k = m, m + 1
    if not out:
        return [text]
    out.append(" ".join(said[flat[begin][1]:]))
    return out if all(out) else [text]
