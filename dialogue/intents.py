"""Intent cues: which kind of turn this is, from phrases over normalised tokens.

Catalog mentions (products, options) are found by :mod:`dialogue.matcher`; this module knows the words
people use around them, kept as data in ``dialogue/data/cues.toml`` (loaded and checked at import): greetings, yes and no in their many forms, "check out", "what's in my cart",
"to go", "talk to a person", and so on. :mod:`dialogue.understanding` combines both into one intent.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path

from dialogue.datafiles import PhraseDataError, read_toml
from dialogue.normalize import tokens


class Intent(enum.StrEnum):
    EMPTY = "empty"
    GREET = "greet"
    SEARCH = "search"
    PRICE = "price"
    STOCK = "stock"
    OPTIONS = "options"  # "what milks do you have", "does it come in blue"
    DESCRIBE = "describe"  # "what is in a cortado"
    ADD = "add"
    MODIFY = "modify"
    REMOVE = "remove"
    CART = "cart"
    CLEAR = "clear"
    CHECKOUT = "checkout"
    AFFIRM = "affirm"
    DENY = "deny"
    ORDER_STATUS = "order_status"
    CANCEL_ORDER = "cancel_order"
    ORDER_TYPE = "order_type"
    SHOP_INFO = "shop_info"
    HELP = "help"
    REPEAT = "repeat"
    HUMAN = "human"
    GOODBYE = "goodbye"
    THANKS = "thanks"
    OUT_OF_SCOPE = "out_of_scope"


def _p(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in phrases)


_CUES = read_toml(Path(__file__).resolve().parent / "data" / "cues.toml")
_LOADED: set[str] = set()


def _table(name: str) -> tuple[tuple[str, ...], ...]:
    """One table of ``data/cues.toml``: its phrases as token tuples, each checked to be in normal form."""
    entries = _CUES.get(name)
    if not isinstance(entries, list) or not entries or not all(isinstance(e, str) and e.strip() for e in entries):
        raise PhraseDataError(f"data/cues.toml: [{name}] needs a non-empty list of phrases")
    for phrase in entries:
        if phrase.split() != tokens(phrase):  # a phrase the tokenizer never produces would never match
            raise PhraseDataError(f"data/cues.toml: {name}: {phrase!r} is not in normal form ({' '.join(tokens(phrase))!r})")
    _LOADED.add(name)
    return _p(*entries)


def _word_set(name: str) -> frozenset[str]:
    """One table of ``data/cues.toml`` whose entries are single words, as a set."""
    table = _table(name)
    if any(len(p) != 1 for p in table):
        raise PhraseDataError(f"data/cues.toml: [{name}] holds single words only")
    return frozenset(p[0] for p in table)


AFFIRM = _table("affirm")
_NOT_AFFIRM = _table("not_affirm")
DENY = _table("deny")
DECLINE = _table("decline")
_NOT_DENY_AFTER_NO = _word_set("not_deny_after_no")
GREET = _table("greet")
THANKS = _table("thanks")
GOODBYE = _table("goodbye")
HELP = _table("help")
REPEAT = _table("repeat")
HUMAN = _table("human")
_HUMAN_VERBS = _table("human_verbs")
_SPEAK_TO = _table("speak_to_someone")
CHECKOUT = _table("checkout")
CART = _table("cart")
PRICE_OF_FOCUS = _table("price_of_focus")
CLEAR = _table("clear")
WANT_TO_ORDER = _table("want_to_order")
REMOVE = _table("remove")
SHOP_INFO = _table("shop_info")
STATUS = _table("status")
CANCEL_ORDER = _table("cancel_order")
MODIFY = _table("modify")
ADD_VERBS = _table("add_verbs")
MORE = _table("more")
TO_MATCH = _table("to_match")
EVERY_LINE = _table("every_line")
TOGO = _table("togo")
HERE = _table("here")
DELIVERY = _table("delivery")
CORRECTION = _table("correction")
QUESTION_PRICE = _table("question_price")
QUESTION_STOCK = _table("question_stock")
QUESTION_DESCRIBE = _table("question_describe")
BROWSE = _table("browse")

# A sentence that asks for information about what there is ("what kinds of tea do you have", "what is in a
# cortado"), wherever in the sentence the asking starts.
INFO_ASK = _table("info_ask")
# Words that make a request an order ("I'd like", "can I get"), not a question.
ORDER_REQUEST = _table("order_request")
_NOT_AN_ORDER_AFTER = _word_set("not_an_order_after")
_REQUEST_GAP = _word_set("request_gap")
# Requests no shop can serve ("can you play some music"): never an order, whatever product word they hold.
OFF_TOPIC = _table("off_topic")


def has(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return find(toks, phrases) >= 0


def find(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...], start: int = 0) -> int:
    """Index of the first occurrence of any phrase at or after ``start``, -1 if none."""
    n = len(toks)
    for i in range(start, n):
        for p in phrases:
            if toks[i] == p[0] and tuple(toks[i:i + len(p)]) == p:
                return i
    return -1


def whole(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...], extra: frozenset[str] = frozenset()) -> bool:
    """True when the tokens consist only of these phrases (plus filler words)."""
    i, n = 0, len(toks)
    matched = False
    while i < n:
        if toks[i] in extra:
            i += 1
            continue
        for p in sorted(phrases, key=len, reverse=True):
            if tuple(toks[i:i + len(p)]) == p:
                i += len(p)
                matched = True
                break
        else:
            return False
    return matched


_FILL = frozenset("please thanks thank you very much so um uh well oh and then that is it all sir maam "
                  "mate buddy friend just now it looks look seems is good yes i think guess this was "
                  "for everything order my the".split())


def is_deny(toks: Sequence[str]) -> bool:
    """Starts with a no (or a "that's wrong"), not "no problem"."""
    if not toks:
        return False
    head = [t for t in toks[:4] if t not in _DENY_LEAD]
    if head and head[0] in _DENY_HEAD:
        return not (head[0] == "no" and len(head) > 1 and head[1] in _NOT_DENY_AFTER_NO)
    if head[:3] == ["i", "did", "not"]:
        return True  # "I did not." (to "is that right?")
    if _declines(head):
        return True
    return has(toks, _NOT_RIGHT)


_SHORT_YES = _table("short_yes")
_DENY_LEAD = _word_set("deny_lead")
_DENY_HEAD = _word_set("deny_head")
_NOT_RIGHT = _table("not_right")
_DAYTIME = _word_set("daytime")


def _without_greetings(toks: Sequence[str]) -> list[str]:
    """"good morning" greets; its "good" is no yes."""
    out: list[str] = []
    for i, t in enumerate(toks):
        if t == "good" and i + 1 < len(toks) and toks[i + 1] in _DAYTIME:
            continue
        if t in _DAYTIME and i and toks[i - 1] == "good":
            continue
        out.append(t)
    return out


def _declines(head: Sequence[str]) -> bool:
    """Opens (after an "ok") by taking back what was asked or offered: "ok never mind" to "would you like one?"."""
    while head and head[0] in ("ok", "okay", "alright", "right", "oh", "ah", "hmm"):
        head = head[1:]
    return any(tuple(head[:len(ph)]) == ph for ph in DECLINE)


def is_affirm(toks: Sequence[str]) -> bool:
    """Says yes (in any of its forms) and does not also say no."""
    if not toks or is_deny(toks):
        return False
    toks = _without_greetings(toks)
    if tuple(t for t in toks if t not in ("yes", "yeah", "yep", "please", "oh", "well", "sure")) in _SHORT_YES:
        return True  # "I am." / "We do."
    if has(toks[:6], _p("not", "wrong", "incorrect", "change", "but")):
        return False
    return find(_not_affirm_masked(toks[:6]), AFFIRM) >= 0


def _not_affirm_masked(toks: Sequence[str]) -> list[str]:
    """The tokens with the words of a phrase that says no yes ("make sure", "it is a") blanked out."""
    out = list(toks)
    for i in range(len(out)):
        for p in _NOT_AFFIRM:
            if tuple(toks[i:i + len(p)]) == p:
                out[i:i + len(p)] = [""] * len(p)
    return out


def order_type(toks: Sequence[str]) -> str | None:
    """"togo", "here" or "delivery" when the shopper says which, else None."""
    i = find(toks, TOGO)
    while i >= 0:
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 2] if i + 2 < len(toks) else ""
        idiom = toks[i] == "to" and (prev in ("good", "ready", "going", "set", "want", "need", "have", "got", "place",
                                             "able", "like", "love", "decided", "try", "about")
                                     or nxt in ("for", "with", "through", "ahead", "back", "and", "now", "then"))
        if not idiom:
            return "togo"
        i = find(toks, TOGO, i + 1)
    if has(toks, HERE):
        return "here"
    if has(toks, DELIVERY):
        return "delivery"
    return None


def order_request(toks: Sequence[str]) -> int:
    """Index of an explicit order request ("I'd like", "can I get"), -1 if none ("I'd like to know" asks)."""
    i = find(toks, ORDER_REQUEST)
    while i >= 0:
        phrase_end = next(len(p) for p in ORDER_REQUEST if tuple(toks[i:i + len(p)]) == p)
        after = [t for t in toks[i + phrase_end:i + phrase_end + 4]
                 if t not in _REQUEST_GAP]
        if not (after and after[0] in _NOT_AN_ORDER_AFTER):
            return i
        i = find(toks, ORDER_REQUEST, i + 1)
    return -1


def asks_info(toks: Sequence[str]) -> bool:
    """Asks what there is or what something is, and makes no order request."""
    return has(toks, INFO_ASK) and order_request(toks) < 0


def human_request(toks: Sequence[str]) -> bool:
    return has(toks, _HUMAN_VERBS) and has(toks, HUMAN) or whole(toks, HUMAN, _FILL) or has(toks, _SPEAK_TO)


def cue_words() -> frozenset[str]:
    """Every word the cue tables use: the lexicon never "corrects" these into catalog words."""
    words: set[str] = set()
    for value in globals().values():
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):
            for phrase in value:
                words.update(w for w in phrase if isinstance(w, str))
    return frozenset(words)


if set(_CUES) - _LOADED:  # a table nobody reads is a typo or a leftover: say so at start
    raise PhraseDataError(f"data/cues.toml: unknown tables {sorted(set(_CUES) - _LOADED)}")
