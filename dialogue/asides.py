"""Asides on the phone: a caller turns to someone beside them and asks what they want, hears the answer and goes
on to the shop in the same breath ("hang on babe what did you want - oh ok, and a small iced chai latte", "hold on
what do you guys want ok and a two liter coke", "hang on what kind do you want ok make the taffy peppermint"). A
clerk hears the question as put to the other person and takes what follows the acknowledgement as the order.

An aside opens the turn (past lead fillers) with a hold (``aside_holds``: "hang on", "hold on", "one sec", or a term
of address followed by a question to them, ``aside_address_asks``: "sweetie do you want the scone too"), asks
(a word of ``aside_asks``: "what", "you", "want") within ``ASIDE_LONGEST`` words, and ends on an acknowledgement of
the answer (``aside_closes``: "ok", "oh ok", "she says"). The turn is read from after the acknowledgement. A turn is
left as it was when nothing follows the acknowledgement, or when what follows would be a yes on its own (a yes is
never made by taking words away; the confirmation slot reads asides before a yes itself).
"""

from __future__ import annotations

from dialogue import confirm
from dialogue.normalize import PUNCT_END, tokens, word_tokens
from dialogue.phrasebook import phrases, words

_HOLDS = phrases("aside_holds")
_CLOSES = phrases("aside_closes")
_ASKS = words("aside_asks")
_ADDRESS_ASKS = phrases("aside_address_asks")
_LEAD = words("lead_fill")
_HOLD_TAILS = words("hold_tails")
_HOLD_BREAKS = words("hold_breaks")
_HAVE_CHECKS = phrases("hold_have_checks")
_RELAYS = phrases("relayed_by_pronoun")
_PRONOUNS = words("people_pronouns_male") | words("people_pronouns_female") | words("people_pronouns")
_ASKS_IF = words("hold_asks_if")
_ASKS_WANTS = phrases("hold_asks_wants")
_ASKED_WHO = 3  # words naming who is asked ("if my little brother wants"), at most
ASIDE_LONGEST = 8  # words between the hold and the acknowledgement, at most


def _phrase_at(toks: list[str], k: int, table: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest phrase of ``table`` said at ``k`` (0 when none)."""
    return max((len(ph) for ph in table if tuple(toks[k:k + len(ph)]) == ph), default=0)


def only_a_hold(text: str) -> bool:
    """The turn is a hold and nothing more: "just a sec", "ok one sec my phone", "hold on one second i need to
    check" (lead fillers, a hold, then nothing or words opened by one of ``hold_tails`` with none of ``hold_breaks``:
    "hang on he wants it iced" is a change). Such a turn orders nothing,
    whatever product the hold's words could name ("sec" for a sausage egg and cheese)."""
    toks = tokens(text)
    k = next((i for i, t in enumerate(toks) if t not in _LEAD), len(toks))
    held = False
    while k < len(toks) and (n := _phrase_at(toks, k, _HOLDS)):
        k, held = k + n, True  # "hold on one sec": one hold after another
    rest = _without_have_checks(toks[k:])  # ("... let me check if i have primer at home": no "have" of an order;
    # "hold on let me ask my brother if he wants fries": a question to him, no order yet)
    asked = len(rest) < len(toks) - k  # (a question to someone else opened the rest: "let me ask the kids if ...")
    return held and (k >= len(toks) or (toks[k] in _HOLD_TAILS or asked) and not any(t in _HOLD_BREAKS for t in rest))


def _without_have_checks(toks: list[str]) -> list[str]:
    """``toks`` without the words of a check of what the caller has ("if i have", ``hold_have_checks``) and of a
    question put to someone else ("let me ask my brother if he wants fries": "if he wants", ``hold_asks_if`` then a
    few words and one of ``hold_asks_wants``)."""
    out: list[str] = []
    k = 0
    while k < len(toks):
        n = _phrase_at(toks, k, _HAVE_CHECKS) or _asked_if(toks, k)
        if n:
            k += n
            continue
        out.append(toks[k])
        k += 1
    return out


def _asked_if(toks: list[str], k: int) -> int:
    """The length of a question put to someone beside the caller said at ``k`` ("if he wants", "whether the kids
    want", "if anyone else would like"): 0 when none is."""
    if toks[k] not in _ASKS_IF:
        return 0
    for n in range(2, _ASKED_WHO + 2):
        if k + n < len(toks) and (verb := _phrase_at(toks, k + n, _ASKS_WANTS)):
            return n + verb
    return 0


HOLD_SAID = "hold on"  # a hold as the rest of the dialogue reads one, with no word a catalog may name


def without_aside(text: str) -> str:
    """``text`` from after an aside to someone beside the caller; ``text`` itself when it opens with none."""
    said = text.split()
    flat = word_tokens(said)
    toks = [t for t, _, _ in flat]
    start = next((k for k, t in enumerate(toks) if t not in _LEAD), len(toks))
    hold = _phrase_at(toks, start, _HOLDS)
    if not hold and toks[start:start + 1] and toks[start] in confirm.phrases().address \
            and _phrase_at(toks, start + 1, _ADDRESS_ASKS):
        hold = 1  # "sweetie do you want the scone too - no - ok take off the cheese one": asked by name
    if not hold:
        return text
    asked = False
    for k in range(start + hold, min(len(toks), start + hold + ASIDE_LONGEST + 1)):
        close = _phrase_at(toks, k, _CLOSES)
        if close and asked:
            rest_at = k + close
            while rest_at < len(toks) and (more := _phrase_at(toks, rest_at, _CLOSES)):
                rest_at += more  # "oh ok she says ...": one acknowledgement after another
            if rest_at >= len(toks):
                return text
            rest = PUNCT_END.sub("", " ".join(said[flat[rest_at][1]:]))
            if flat[rest_at][1] == flat[rest_at - 1][1]:  # the acknowledgement ends inside a word: keep it whole
                return text
            if not rest or confirm.decide(rest, tokens(rest)).places:
                return text
            return rest
        asked = asked or toks[k] in _ASKS
    return text


def without_relay(text: str, someone_marked: bool = False) -> str:
    """"She says two cookies not three", "oh he says no onions on his": a change relayed from someone beside the
    caller, said by a pronoun (``relayed_by_pronoun``), is the change itself: ``text`` from after the relay. ``text``
    itself when it opens with none, when nothing follows, or when what follows is a yes on its own (the
    confirmation slot reads "she says yes" itself). A person named ("kevin says ...") stays: who the change is for;
    so does the pronoun when lines are ``someone_marked`` for people and what follows names no one by a pronoun
    ("she says no onions": hers, not the line in focus; "she says no onions on hers" is read from "no")."""
    said = text.split()
    flat = word_tokens(said)
    toks = [t for t, _, _ in flat]
    start = next((k for k, t in enumerate(toks) if t not in _LEAD), len(toks))
    n = _phrase_at(toks, start, _RELAYS)
    rest_at = start + n
    if not n or rest_at >= len(toks) or flat[rest_at][1] == flat[rest_at - 1][1]:
        return text
    rest = " ".join(said[flat[rest_at][1]:])
    if confirm.decide(rest, tokens(rest)).places \
            or someone_marked and not any(t in _PRONOUNS for t in toks[rest_at:]):
        return text
    return rest
