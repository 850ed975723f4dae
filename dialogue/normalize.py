"""Text normalisation shared by the lexicon and the understanding: one function, both sides.

Lower-cases, folds unicode, expands contractions, splits hyphens and units, turns symbols into words
("%" -> "percent", "$20" -> "20 dollars", "12oz" -> "12 oz") and collapses stretched letters ("goood").
What comes out is a list of plain tokens; catalog names go through the very same path, so both sides
meet in one vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_CHARS = 2000  # longer input is cut: no shopper says more in one turn

_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("won't", "will not"), ("can't", "can not"), ("cannot", "can not"), ("n't", " not"),
    ("let's", "let us"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"), ("'d", " would"),
    ("'m", " am"), ("it's", "it is"), ("that's", "that is"), ("what's", "what is"),
    ("there's", "there is"), ("here's", "here is"), ("how's", "how is"), ("where's", "where is"),
    ("who's", "who is"), ("he's", "he is"), ("she's", "she is"),
)
# Words that carry no meaning for ordering; kept in the token list, skipped by matchers.
FILLERS = frozenset(
    "um uh er erm ah hmm mm like please pls thanks thank you just maybe um, so well oh okay ok hey hi hello "
    "kindly really actually basically".split()
)
# Contractions typed without the apostrophe ("thats", "dont"), as tokens.
_BARE: dict[str, tuple[str, ...]] = {
    "thats": ("that", "is"), "whats": ("what", "is"), "its": ("it", "is"), "im": ("i", "am"),
    "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"), "cant": ("can", "not"),
    "wont": ("will", "not"), "isnt": ("is", "not"), "arent": ("are", "not"), "wasnt": ("was", "not"),
    "ive": ("i", "have"), "youve": ("you", "have"), "youre": ("you", "are"), "theyre": ("they", "are"),
    "lets": ("let", "us"), "heres": ("here", "is"), "theres": ("there", "is"), "wouldnt": ("would", "not"),
    "couldnt": ("could", "not"), "shouldnt": ("should", "not"), "hows": ("how", "is"), "ya": ("you",),
    "wanna": ("want", "to"), "gonna": ("going", "to"), "gimme": ("give", "me"), "lemme": ("let", "me"),
    "yall": ("you", "all"), "u": ("you",), "pls": ("please",), "plz": ("please",), "thx": ("thanks",),
}
_IDIOMS: dict[tuple[str, str], str] = {("double", "check"): "doublecheck", ("double", "checking"): "doublecheck",
                                       ("double", "checked"): "doublecheck", ("double", "click"): "doubleclick"}
_UNITS = {"ounce": "oz", "ounces": "oz", "oz.": "oz", "fl": "", "percent": "percent", "pct": "percent"}
_SYMBOL_RE = re.compile(r"([$€£])\s*(\d+(?:[.,]\d{1,2})?)")
_NUM_UNIT_RE = re.compile(r"(\d)(oz|ml|l|g|kg|lb|lbs|in|cm|%)\b")
# Stretched letters ("goood") collapse to two; a word of just three of one letter is a code ("aaa" batteries, no
# stretched "aa"), kept.
_STRETCH_RE = re.compile(r"\b([a-z])\1\1\b|([a-z])\2{2,}")
# A paper-size-like code of the letter "a" and digits ("a4", "a5") stays one token: split, its "a" reads as an article
# ("two a5 notebooks" is not "two a 5 notebooks"). Other letters split as before ("c5" -> "c 5").
CODE_RE = re.compile(r"a\d+")  # such a code as a token
_TOKEN_RE = re.compile(r"(?<![a-z0-9])a\d+(?=s\b|(?![a-z0-9]|\.\d))|\d+(?:\.\d+)?|[a-z]+")


def fold(text: str) -> str:
    """NFKC, lower case, accents removed, typographic quotes straightened."""
    text = unicodedata.normalize("NFKC", str(text))[:MAX_CHARS]
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u00b4", "'")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """The canonical text form: ``"Two 12-oz Cappucino's, 2% milk!"`` -> ``"two 12 oz cappucino s 2 percent milk"``."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """Canonical tokens of a text (see module docstring)."""
    s = fold(text)
    for a, b in _CONTRACTIONS:
        if a in s:
            s = s.replace(a, b)
    s = s.replace("'s", "s").replace("'", "")
    s = _SYMBOL_RE.sub(lambda m: f" {m.group(2).replace(',', '.')} dollars ", s)
    s = s.replace("&", " and ").replace("+", " and ").replace("#", " number ").replace("\u00d7", " x ")
    s = _NUM_UNIT_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}", s)
    s = s.replace("%", " percent ")
    s = _STRETCH_RE.sub(lambda m: m.group(0) if m.group(1) else m.group(2) * 2, s)
    out: list[str] = []
    for tok in _TOKEN_RE.findall(s):
        tok = _UNITS.get(tok, tok)
        if not tok:
            continue
        if tok in _BARE:
            out.extend(_BARE[tok])
        elif out and (out[-1], tok) in _IDIOMS:
            out[-1] = _IDIOMS[(out[-1], tok)]
        else:
            out.append(tok)
    return _dimensions_by(out)


def _number(tok: str) -> bool:
    return tok.replace(".", "", 1).isdigit()


def _dimensions_by(toks: list[str]) -> list[str]:
    """A size written with an "x" between its numbers ("2x4", "24 x 36") reads as said ("2 by 4"), and its plural
    "s" ("2x4s") goes: both sides of the catalog meet in "N by M" (dialogue/dimensions.py reads the spoken forms)."""
    out: list[str] = []
    for i, tok in enumerate(toks):
        if tok == "x" and out and _number(out[-1]) and i + 1 < len(toks) and _number(toks[i + 1]):
            out.append("by")
        elif tok == "s" and len(out) >= 3 and _number(out[-1]) and out[-2] == "by" and _number(out[-3]):
            continue
        else:
            out.append(tok)
    return out


def clauses(text: str) -> list[str]:
    """Split a turn into sentences at ., ?, ! and ; (for question detection per sentence)."""
    parts = re.split(r"(?<=[.?!;])\s+|\n+", fold(text))
    return [p for p in (x.strip() for x in parts) if p]


# Speech comes without commas: a question word mid-sentence starts a piece too ("a latte what milks do you have").
def _cut_at(question_starts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r",|;|:|\s[-\u2013\u2014]+\s|(?=\bbut\b)|(?<=\w)\s+(?=(?:" + "|".join(question_starts) + r")\b)")


# "which" asks when a noun follows it ("the wings you have which sauce", "i've got kids here which donuts have
# sprinkles"); before a verb or a person it opens a relative clause ("the one which has spinach").
_WHICH_ASKS = r"which(?!\s+(?:is|are|was|were|has|have|had|comes?|goes|costs?|i|you|we|they|he|she|it|one|ones)\b)"
_PIECE_RE = _cut_at(("what", "do you", "how much", "how many", _WHICH_ASKS))
# After "how about X" (a word or two may lead) "how many" stays in its piece: "ok how about kombucha how many are
# left" asks of the kombucha (is_question reads "how about" with the question after it), it proposes no order.
_PROPOSAL_RE = re.compile(r"^(?:\w+\s+){0,2}how about\b", re.IGNORECASE)
_PIECE_AFTER_PROPOSAL_RE = _cut_at(("what", "do you", "how much", _WHICH_ASKS))


def pieces(sentence: str) -> list[str]:
    """A sentence cut where a question may start mid-way: at commas, dashes, "but" and a question word
    ("I'd like a latte, but what milks do you have")."""
    out: list[str] = []
    cut = _PIECE_AFTER_PROPOSAL_RE if _PROPOSAL_RE.match(sentence) else _PIECE_RE
    for p in (x.strip() for x in cut.split(sentence)):
        if p and out and _marks_a_turn(out[-1], p):
            out[-1] = f"{out[-1]} {p}"  # "no you know what the first one was fine": no question
        elif p:
            out.append(p)
    return out


# Words before "what" that make it a turn of speech, not a question ("you know what", "guess what", "tell you what").
_TURN_OF_SPEECH = (("you", "know"), ("guess",), ("tell", "you"))


def _marks_a_turn(before: str, piece: str) -> bool:
    """"no you know what, the strawberry banana was fine": "what" after "you know" (or "guess", "tell you") says
    the speaker changes course; it asks nothing, so it stays in the piece before it."""
    said = before.lower().split()
    if piece.lower().split()[:1] != ["what"] or len(piece.split()) < 2 or said[-3:-2] in (["do"], ["did"]):
        return False  # ("do you know what milks you have" asks)
    return any(tuple(said[-len(w):]) == w for w in _TURN_OF_SPEECH)


_LEAD_INS: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "i wonder", "i was wondering", "i am wondering", "i would like to know", "i want to know", "i need to know",
    "can you tell me", "could you tell me", "tell me", "do you know", "let me know", "please tell me",
    "i am curious", "i was curious", "just curious", "i would love to know", "can i ask", "may i ask"))


# Said ahead of a question, these say one comes; the sentence after them is read on its own.
_ASKING_AHEAD: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "i have a quick question", "i have a question", "i got a quick question", "i got a question", "a quick question",
    "quick question", "one question", "just a question", "random question", "question"))


_ASKS_AGAIN = frozenset({"how", "what", "which", "whats"})  # a question begun after "how about X"


def is_question(text: str) -> bool:
    """A sentence that asks rather than orders ("what milks do you have", "is it in stock?")."""
    toks = tokens(text)
    if not toks:
        return False
    while toks and toks[0] in (FILLERS - {"you", "thank"}) | {"and", "but", "also", "so", "no", "yes", "yeah", "now",
                                                             "sure", "yep", "yup", "right", "alright", "great",
                                                             "cool", "wait"}:
        toks = toks[1:]
    for lead in _ASKING_AHEAD:  # "quick question, does the boba milk have tea in it": what follows is asked
        if tuple(toks[:len(lead)]) == lead and len(toks) > len(lead) + 1:
            toks = toks[len(lead):]
            break
    joined = " ".join(toks)
    if any(p in joined for p in ("possible to", "able to make", "able to get", "you make me", "you get me",
                                 "i can get", "i could get", "i can have", "i could have", "i can order",
                                 "i could order", "you could make", "you can make")):
        return False  # a polite request ("I was wondering if I could get a mocha"), not a question
    for lead in _LEAD_INS:  # "I wonder what ...", "can you tell me which ..."
        if tuple(toks[:len(lead)]) == lead and len(toks) > len(lead):
            rest = toks[len(lead):]
            if rest[0] in ("what", "which", "how", "if", "whether", "where", "when", "whats"):
                return True
    if not toks:
        return False
    for greeting in (("what", "is", "up"), ("how", "are", "you", "doing"), ("how", "are", "you"),
                     ("how", "is", "it", "going"), ("how", "is", "your", "day")):
        if tuple(toks[:len(greeting)]) == greeting and len(toks) > len(greeting) + 2:
            toks = toks[len(greeting):]  # "what's up, I'd like a mocha": the greeting asks nothing
            break
    first = toks[0]
    if " ".join(toks[:3]) in ("how are you", "how is it", "how is your", "how have you", "how do you do"):
        return False
    if toks[:2] == ["how", "about"]:  # "how about a latte" proposes an order; "how about the celery juice, how
        return any(toks[j] in _ASKS_AGAIN and is_question(" ".join(toks[j:]))  # many are left?" asks of it
                   for j in range(3, len(toks) - 1))
    if first == "what" and len(toks) > 1 and toks[1] in ("i", "we"):
        return False  # "what I ordered"
    if first in ("what", "which", "how", "where", "when", "why", "who", "whats"):
        return True
    if first in ("price", "prices", "cost", "pricing") and len(toks) > 1 and toks[1] in ("of", "for", "on"):
        return True  # "price of a cortado?"
    if first in ("do", "does", "is", "are", "did") and len(toks) > 1 and toks[1] in (
        "you", "y", "they", "it", "that", "this", "there", "the", "your", "these", "those", "we", "a", "any"
    ) and not _do_as_asked(toks):
        return True
    if toks[:2] == ["have", "you"] and len(toks) > 2 and toks[2] in ("got", "any") or toks[:2] == ["got", "any"] \
            or toks[:3] == ["you", "got", "any"]:
        return True  # "have you got any plaice left", "got any cod": asked, no order
    if " ".join(toks[:3]) in ("can you tell", "could you tell", "can i see", "could i see", "can you show",
                              "could you show", "can i know", "may i see", "tell me what", "tell me about",
                              "i wonder what", "i wonder if") and not _order_verb(toks):
        return True
    return False


_DO_AS = frozenset({"as", "instead", "on", "in", "with", "without"})  # "do the yellowtail as sashimi"
_ASKED_OF = frozenset({"come", "comes", "have", "has", "contain", "contains", "go", "include", "includes", "taste",
                       "need", "use", "usually", "normally", "still", "also", "ever", "always", "get"})


def _do_as_asked(toks: list[str]) -> bool:
    """"Do the yellowtail as sashimi", "do the carnitas ones on flour": "do the <thing>" and then how it is to be made
    (a word of ``_DO_AS`` before any verb a question about it would have: "do the wings come with ranch") is a
    request, not a question."""
    if toks[:1] == ["do"] and len(toks) <= 3 and toks[1:2] in (["that"], ["this"], ["it"]) \
            and toks[2:] in ([], ["then"], ["please"], ["instead"]):
        return True  # "ok do that", "sure do it then": a go-ahead, not "do that ..." asking
    if toks[:2] != ["do", "the"]:
        return False
    for t in toks[2:]:
        if t in _ASKED_OF:
            return False
        if t in _DO_AS:
            return True
    return False


def _order_verb(toks: list[str]) -> bool:
    return any(t in ("order", "get", "have", "add", "buy", "take") for t in toks[3:5])


PUNCT_END = re.compile(r"[,.;:!?]+$")  # the marks that may end a word as said ("latte," "please.")


def word_tokens(said: Sequence[str]) -> list[tuple[str, int, bool]]:
    """The tokens of words said as they were split on spaces, each with the index of its word and whether a
    punctuation mark ends that word right after this token: what a clause splitter needs to cut the text at its
    own words ("take the pickle off, and add a cookie")."""
    flat: list[tuple[str, int, bool]] = []
    for i, w in enumerate(said):
        toks = tokens(w)
        flat.extend((t, i, bool(PUNCT_END.search(w)) and n == len(toks) - 1) for n, t in enumerate(toks))
    return flat

