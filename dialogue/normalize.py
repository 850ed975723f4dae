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
# left" asks of the kombucha (dialogue/asking.py reads "how about" with the question after it), it proposes no order.
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

