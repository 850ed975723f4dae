"""Corrections and swaps said within one utterance: "a latte, no, a mocha" drops the corrected item, "three lattes,
sorry, two" repairs a count, and "fruit instead of the hash browns" swaps a choice (:func:`swap_frame` finds where a
turn swaps one thing for another).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dialogue.intents import CORRECTION, MODIFY, REMOVE, find
from dialogue.item_words import JOIN_FILL, LIST_ARTICLES
from dialogue.lexicon import Lexicon, Target
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE
from dialogue.specs import ItemSpec, OptionSpec

SWAP = phrases("swap")
_SWAP_IN_FOR = phrases("swap_in_for")
_SWAP_OUT_FOR = phrases("swap_out_for")
_SWAP_JOINS = words("swap_joins")
_SWAP_LEAD = words("swap_lead") | words("lead_fill")
_NOT_THIS = phrases("not_this")
REMOVE_WORDS = frozenset(w for phrase in REMOVE for w in phrase)


def swap_frame(toks: Sequence[str]) -> tuple[int, int, bool] | None:
    """Where a turn swaps one thing for another: (start, at, new_first). The new thing is said in
    ``toks[start:at]`` and what goes after ``at`` when ``new_first`` ("fruit instead of the hash browns", "sub fruit
    for the hash browns"); the other way round otherwise ("swap the hash browns for fruit", "replace the white toast
    with rye"). A swap verb counts at the start of the turn (past request words) or after "and"; None: no swap."""
    at = find(toks, SWAP)
    if at >= 0:
        return 0, at, True
    for v in range(len(toks)):
        if v and not (all(t in _SWAP_LEAD for t in toks[:v]) or toks[v - 1] in ("and", "then", "but")):
            continue
        verbs = [ph for ph in (*_SWAP_IN_FOR, *_SWAP_OUT_FOR) if tuple(toks[v:v + len(ph)]) == ph]
        if not verbs:
            continue
        verb = max(verbs, key=len)
        join = next((j for j in range(v + len(verb) + 1, len(toks)) if toks[j] in _SWAP_JOINS), -1)
        if join < 0 or join + 1 >= len(toks) or toks[join + 1] in ("me", "us", "him", "her", "you", "them"):
            continue
        new_first = toks[join] == "for" and verb in _SWAP_IN_FOR
        if not new_first and verb not in _SWAP_OUT_FOR:
            continue
        return v + len(verb), join, new_first
    return None


def swapped_right_after(toks: Sequence[str], a: int, b: int) -> bool:
    """Only "instead of" (and "the") between the end of a product's name and a choice: "a vanilla shake instead of
    the strawberry" (not "a latte with almond milk instead of whole milk and caramel")."""
    at = find(toks[a:b], SWAP)
    if at != 0:
        return False
    rest = [t for t in toks[a:b] if t not in ("the", "my", "that")]
    return any(tuple(rest) == ph for ph in SWAP)


def choice_gone(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"the big breakfast with fruit instead of the hash browns": after "instead of", words naming a choice of the
    group the item before it was just given a value of (here the side) name the choice that goes, not a product
    sold on its own ("hash browns" is also a side dish) nor a second value of that group; they are dropped."""
    frame = swap_frame(toks)
    if frame is None or not frame[2]:
        return items
    at = frame[1]
    hosts = [it for it in items if it.end <= at]
    host = hosts[-1] if hosts else None
    product = lex.products.get(host.skus[0]) if host is not None and len(host.skus) == 1 else None
    if host is None or product is None:
        return items

    def groups(targets: Iterable[Target]) -> set[str]:
        return {t.group for t in targets if t.kind == "option" and (g := product.group(t.group)) is not None
                and g.value(t.value) is not None}

    given = {g for o in host.options if o.pos < at for g in groups(o.targets)}
    if not given:
        return items
    host.options[:] = [o for o in host.options if o.pos < at or not groups(o.targets) & given]
    gone = next((it for it in items if it.start > at), None)  # the one said right after it
    said = tuple(t for t in toks[gone.start:gone.end] if t not in GLUE) if gone is not None else ()
    if gone is None or gone.quantity is not None or gone.options or not groups(lex.phrases.get(said, ())) & given:
        return items
    return [it for it in items if it is not gone]


def swapped_within(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> bool:
    """"and a chicken plate on the salad instead of rice": the "instead of" swaps a choice of the item said before it
    (what comes after it names a value of a group the item was just given a value of), no line of the cart."""
    frame = swap_frame(toks)
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if frame is None or not frame[2] or product is None or item.end > frame[1]:
        return False
    at = frame[1]
    given = {t.group for o in item.options if o.pos < at for t in o.targets
             if t.kind == "option" and (g := product.group(t.group)) is not None and g.value(t.value) is not None}
    for a in range(at + 1, min(at + 4, len(toks))):
        for b in range(a + 1, min(a + 5, len(toks) + 1)):
            if any(t.kind == "option" and t.group in given and (g := product.group(t.group)) is not None
                   and g.value(t.value) is not None for t in lex.phrases.get(tuple(toks[a:b]), ())):
                return True
    return False


_CORRECTION_WORDS = frozenset(w for p in CORRECTION for w in p) | words("fillers")


def _trailing_cue(toks: Sequence[str], prev: ItemSpec) -> int:
    """Where the words closing ``prev``'s span begin when they are only a correction ("a large, no sorry, a small
    apple juice": the sub-item "a large" ran up to the next article), else ``prev.end``."""
    own = max((o.pos for o in prev.options if prev.start <= o.pos < prev.end), default=prev.start)
    i = prev.end
    while i - 1 > own and toks[i - 1] in _CORRECTION_WORDS:
        i -= 1
    return i if i < prev.end and find(toks[i:prev.end], CORRECTION) >= 0 else prev.end


def corrections(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"a latte, no, a mocha": the later item replaces the earlier one. "A large apple juice, no sorry, a small
    one": the same product said again as "one" keeps what the earlier one had of the other choices. "A beanie the
    red one sorry the mustard one": words said as "the ... one" that name a choice of the product being corrected
    are that choice of it, not another product those words name on their own (the mustard sauce)."""
    out: list[ItemSpec] = []
    for item in items:
        if out:
            prev = out[-1]
            gap_start = max([_trailing_cue(toks, prev)] + [o.pos + len(o.said.split()) for o in prev.options
                                                            if o.pos < item.start])  # not "no" of "no sugar"
            gap = tuple(t for t in toks[prev.end:item.start] if t not in LIST_ARTICLES)
            if gap in _NOT_THIS:
                prev.instead_of = item  # "a latte not a mocha", "lattes not mochas": the product after "not" is not
                continue  # wanted (a line of it is the one the latte replaces)
            cue = find(toks[:item.start], CORRECTION, gap_start)
            joined = any(t in ("and", "plus", "also", "with") for t in toks[gap_start:item.start])
            swap = find(toks[gap_start:item.start], SWAP) >= 0  # "a mocha instead of the latte": both stay
            head = min([item.start] + [o.pos for o in item.options if gap_start <= o.pos < item.start])
            if cue >= 0 and not joined and not swap and head - gap_start <= 6:  # "uh no make that a curry chicken"
                item = _choice_of_corrected(lex, toks, prev, item)
                if _refused(toks, prev):
                    item.instead_of = prev  # "not the staples, I meant paper clips": the staples are not wanted
                if item.quantity is None:
                    item.quantity = prev.quantity
                if item.skus == prev.skus and (toks[item.end - 1] in ("one", "ones") or _choices_only(item)):
                    said = {t.group for o in item.options for t in o.targets}
                    item.options[:0] = [o for o in prev.options if not said & {t.group for t in o.targets}]
                item.corrected_from = min([prev.start, *(o.pos for o in prev.options if o.pos >= 0)]
                                          if prev.corrected_from is None else [prev.corrected_from])
                out[-1] = item
                continue
        out.append(item)
    return out


def _choices_only(item: ItemSpec) -> bool:
    """Every word of ``item``'s own span is one of its choices: no product was named ("a medium coke no wait make it
    a large": "a large" is the coke said again in another size)."""
    covered = {o.pos + k for o in item.options for k in range(max(len(o.said.split()), 1))}
    return item.start < item.end and all(i in covered for i in range(item.start, item.end))


def taken_back(toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"a monitor and a monitor arm no wait scratch the arm": an item said after a word that takes a line off, naming
    the product of an item said before in the turn, takes that item back; neither is ordered (read before "the arm"
    is heard as the same item said again)."""
    out: list[ItemSpec] = []
    for item in items:
        back = _taken_back(toks, out, item)
        if back is not None:
            out.remove(back)
            continue
        out.append(item)
    return out if out else items  # (all taken back: the turn is read as before, by the removal's own rules)


def _taken_back(toks: Sequence[str], said: Sequence[ItemSpec], item: ItemSpec) -> ItemSpec | None:
    """The item said before in this turn that ``item`` takes back: ``item`` comes right after a word that takes a
    line off ("scratch the arm", "forget the muffin"), with no count of its own, and names the product of an
    earlier item (the last such); None when it takes nothing back."""
    if item.quantity is not None or not said:
        return None
    at = find(toks[:item.start], REMOVE, said[-1].end)
    while at >= 0:
        nxt = find(toks[:item.start], REMOVE, at + 1)
        if nxt < 0:
            break
        at = nxt
    if at < 0 or any(t not in LIST_ARTICLES and t not in REMOVE_WORDS for t in toks[at:item.start]):
        return None
    return next((it for it in reversed(said) if set(it.skus) & set(item.skus)), None)


_REFUSED = phrases("line_refused")
_UNDO_LAST = phrases("undo_last")


_REPAIRED_AFTER = phrases("item_repaired_after")
_JOINED_LEADS = words("item_joined_leads")


def repaired_as_said(toks: Sequence[str], item: ItemSpec) -> bool:
    """"And a medium coke no make it a large": an item joined on at the turn's opening ("and", an article or a
    count) with words of a repair right after it (before any other word): the repair is of that item, said a
    moment ago, so the turn adds it; no line of the cart is swapped for it."""
    first = min([item.start, *(o.pos for o in item.options if 0 <= o.pos < item.start)])
    lead = list(toks[:first])
    if not lead or lead[0] not in _JOINED_LEADS:
        return False
    while lead and lead[0] in _JOINED_LEADS:
        lead.pop(0)
    if len(lead) != 1 or lead[0] not in ("a", "an", "one"):
        return False
    end = item.end
    while (after := next((o for o in item.options if o.pos == end), None)) is not None:
        end += max(len(after.said.split()), 1)  # "and a latte oat milk no ...": its choices said right after it
    return find(toks[end:end + 3], _REPAIRED_AFTER) == 0


def corrected_line(lead: Sequence[str]) -> bool:
    """The words before an item said and corrected within the turn change a cart line themselves ("actually a
    medium coke no a large", "scratch that, a latte no a mocha"): the turn may still swap the line in focus."""
    return any(find(lead, cues) >= 0 for cues in (MODIFY, CORRECTION, _UNDO_LAST))


def _refused(toks: Sequence[str], item: ItemSpec) -> bool:
    """``item`` said right after words that say it is not wanted ("not the staples", "no cold brew")."""
    return any(tuple(toks[max(0, item.start - len(r)):item.start]) == r for r in _REFUSED if len(r) <= item.start)


def _choice_of_corrected(lex: Lexicon, toks: Sequence[str], prev: ItemSpec, item: ItemSpec) -> ItemSpec:
    """``item``, said as "the <words> one" right after a correction of ``prev``, as ``prev``'s product with the
    choice those words name when that product offers it; ``item`` itself otherwise."""
    product = lex.products.get(prev.skus[0]) if len(prev.skus) == 1 else None
    if product is None or item.skus == prev.skus or item.options or item.quantity is not None \
            or toks[item.end:item.end + 1] not in (["one"], ["ones"]) or item.start == 0 \
            or toks[item.start - 1] not in LIST_ARTICLES:
        return item
    said = tuple(toks[item.start:item.end])
    values = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                   and product.sku in lex.option_skus.get((t.group, t.value), ()))
    if not values:
        return item
    return ItemSpec(prev.skus, None, [OptionSpec(values, "regular", "", item.start, " ".join(said))],
                    item.start, item.end + 1, True)


_COUNT_REPAIR_ENDS = words("count_repair_ends") | words("containers") | words("packages")
# Words between the cue and the count of a repair: the cue's own, fillers, and those of a recount ("no wait make it
# four", "sorry make them two", "no it should be three").
_REPAIR_WORDS = _CORRECTION_WORDS | frozenset(w for p in phrases("recount") for w in p)
_NEXT_ITEM_LEADS = JOIN_FILL | LIST_ARTICLES


def counts_repaired(toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"two bags of potatoes no just one", "three lattes, sorry, two please": a correction and a bare count right
    after an item, before the next item or the end of the turn, repair that item's count (the words after the count
    say nothing more than ``count_repair_ends``)."""
    for k, item in enumerate(items):
        counted = [o for o in item.options if o.said and o.pos > item.end and all(  # "no just one": a count, though
            w in _REPAIR_WORDS or w.isdigit() or w == "one" for w in o.said.split())]  # some pack is "just one"
        end = max([item.end] + [o.pos + max(len(o.said.split()), 1) for o in item.options if o not in counted])
        stop = items[k + 1].start if k + 1 < len(items) else len(toks)
        gap = list(toks[end:stop])
        while k + 1 < len(items) and gap and gap[-1] in _NEXT_ITEM_LEADS:
            gap.pop()  # "..., sorry, two please and a muffin": the words that open the next item
        cue = find(gap, CORRECTION)
        if cue < 0 or any(t not in _CORRECTION_WORDS for t in gap[:cue]):
            continue
        at = next((i for i in range(cue, len(gap)) if gap[i] not in _REPAIR_WORDS), len(gap))
        said = gap[at] if at < len(gap) else ""
        count = int(said) if said.isdigit() else 1 if said == "one" else 0
        if not 0 < count < 1000 or count == item.quantity or any(t not in _COUNT_REPAIR_ENDS for t in gap[at + 1:]):
            continue
        item.quantity = count
        item.options = [o for o in item.options if o not in counted]
