"""Spoken numbers both ways: words to digits ("twenty four", "half a dozen", "four five one two"),
price limits ("under fifty bucks", "less than $20") and prices as people say them ("four fifty").

Works on token lists from :mod:`dialogue.normalize`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogue.phrasebook import phrases, words

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# Whole phrases that mean a count ("a couple of lattes"); matched before single words. A phrase with a unit
# ("a dozen", "a pair of") leaves the unit word after the digits, so that a product sold by that unit ("eggs,
# dozen", "hiking boots") is counted in units, not pieces (see :data:`COUNT_UNITS`).
COUNT_PHRASES: tuple[tuple[tuple[str, ...], int, str], ...] = (
    (("a", "bakers", "dozen"), 13, ""), (("bakers", "dozen"), 13, ""),
    (("half", "a", "dozen"), 6, ""), (("a", "half", "dozen"), 6, ""), (("a", "couple", "of"), 2, ""),
    (("a", "couple"), 2, ""), (("couple", "of"), 2, ""), (("couple",), 2, ""), (("a", "pair", "of"), 2, "pair"),
    (("a", "dozen"), 12, "dozen"), (("one", "dozen"), 12, "dozen"), (("two", "dozen"), 24, "dozen"),
    (("dozen",), 12, "dozen"),
)
# Words before "couple" that make it a noun ("the couple next door"), no count.
_COUPLE_NOUN_BEFORE = frozenset({"the", "this", "that", "every", "each", "young", "old", "married", "happy", "lovely"})
COUNT_UNITS = {"dozen": 12, "pair": 2}  # unit word -> pieces in one unit
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "1st": 1, "2nd": 2,
            "3rd": 3, "4th": 4, "5th": 5}
# A number word in the plural ("fours", "sixes", "twenties"): things of that size, read as the number only as the
# second number of a size said with "by" ("two by fours", "one by twelves"), never alone ("on all fours").
PLURAL_NUMBERS = {(w[:-1] + "ies" if w.endswith("y") else w + "es" if w.endswith("x") else w + "s"): v
                  for w, v in {**UNITS, **TENS}.items() if v}
_DIGIT_WORDS = {**{k: v for k, v in UNITS.items() if v < 10}, "oh": 0, "o": 0}
PRICE_WORDS = frozenset({"dollars", "dollar", "bucks", "buck", "usd", "euros", "euro", "pounds", "quid"})
# the forms of the units measures are printed in ("tb", "terabytes", "ft"): a number before one is a measure, no
# price ("up to two terabytes"); a money word among them ("pound") stays a price
_MEASURE_WORDS = frozenset(w for entry in phrases("measure_forms") for w in entry) - PRICE_WORDS - {
    w.removesuffix("s") for w in PRICE_WORDS}


def to_digits(toks: Sequence[str]) -> list[str]:
    """Replace number words by digit tokens; a lone ``one`` stays a word (it is also a pronoun).

    ``["twenty", "four", "lattes"] -> ["24", "lattes"]``; ``["a", "couple", "of", "mochas"] -> ["2", "mochas"]``;
    ``["four", "five", "one", "two"] -> ["4", "5", "1", "2"]``.
    """
    out: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        if _size_by(out) and out[-1] == "by" and toks[i] in PLURAL_NUMBERS:
            out.append(str(PLURAL_NUMBERS[toks[i]]))  # "two by fours": 2 by 4, of them several
            i += 1
            continue
        if _size_by(out) and out[-1] != "by" and (toks[i] == "s" or toks[i] in PLURAL_NUMBERS and int(out[-1]) in
                                                  TENS.values() and PLURAL_NUMBERS[toks[i]] < 10):
            if toks[i] != "s":  # "by thirty sixes": 36
                out[-1] = str(int(out[-1]) + PLURAL_NUMBERS[toks[i]])
            i += 1  # (the plural "s" of "two by 4s" goes, as tokens drops it from "2x4s")
            continue
        if toks[i] in ("pairs", "pair") and toks[i + 1:i + 2] == ["of"] and out and out[-1].isdigit():
            out[-1] = str(int(out[-1]) * COUNT_UNITS["pair"])  # "two pair(s) of laces": four pieces, as "a pair of"
            out.append("pair")
            i += 2
            continue
        for phrase, value, unit in COUNT_PHRASES:
            if tuple(toks[i:i + len(phrase)]) == phrase and not (phrase == ("couple",) and (
                    i + 1 >= n or out and out[-1] in _COUPLE_NOUN_BEFORE)):  # "couple cokes"; not "the couple"
                if phrase == ("dozen",) and out and out[-1].isdigit():
                    out[-1] = str(int(out[-1]) * value)  # "three dozen"
                else:
                    out.append(str(value))
                if unit:
                    out.append(unit)
                i += len(phrase)
                break
        else:
            value, j = _read_number(toks, i)
            if j == i + 1 and 0 < value < 10 and j < n and toks[j] in TENS and _one_thing_before(toks, i):
                tens, k = _read_number(toks, j)  # "the two fifty gram bag": 250 grams, said as a price is
                if k < n and toks[k] in _HUNDREDS_UNITS:  # (but "two fifty gram bags": two of them)
                    value, j = value * 100 + tens, k
            if j > i:
                if j == i + 1 and toks[i] == "one" and not (out and out[-1].isdigit()) and not (
                    j < n and (toks[j].isdigit() or toks[j] in UNITS)
                ) and not _size_first(toks, j):
                    out.append("one")
                else:
                    out.append(str(value))
                i = j
            else:
                if toks[i] in ("oh", "o") and out and out[-1].isdigit() and i + 1 < n and toks[i + 1] in UNITS:
                    out.append("0")
                else:
                    out.append(toks[i])
                i += 1
    return out


def _size_first(toks: Sequence[str], j: int) -> bool:
    """A number ending at ``j`` is the first of a size said with "by" ("one by twelves", "one by 6"; not "one by
    one")."""
    nxt = toks[j + 1] if j + 1 < len(toks) else ""
    return toks[j:j + 1] == ["by"] and nxt not in ("one", "1") and (
        nxt.replace(".", "", 1).isdigit() or nxt in UNITS or nxt in TENS or nxt in PLURAL_NUMBERS)


def _size_by(out: Sequence[str]) -> bool:
    """The digits read so far end with a size said with "by": "2 by", "2 by 4", "24 by 30" (a tens number, which a
    plural unit word may complete: "24 by thirty sixes")."""
    if len(out) >= 2 and out[-1] == "by":
        return out[-2].replace(".", "", 1).isdigit()
    return len(out) >= 3 and out[-2] == "by" and out[-1].isdigit() and out[-3].replace(".", "", 1).isdigit()


_POINTING = frozenset({"the", "that", "this"})
_HUNDREDS_UNITS = words("hundreds_units")  # "two fifty gram": two hundred fifty, before a unit of these


def _one_thing_before(toks: Sequence[str], i: int) -> bool:
    """An article or "that"/"this" opens the words before ``i`` (past size words): "the big two fifty gram bag"
    is one thing, so its number is no count."""
    k = i - 1
    while k >= 0 and toks[k] in _SIZE_WORDS:
        k -= 1
    return k >= 0 and toks[k] in _ONE_THING


_ONE_THING = frozenset({"a", "an", "the", "that", "this"})
_SIZE_WORDS = frozenset({"big", "large", "small", "little", "bigger", "larger", "smaller"})


def _read_number(toks: Sequence[str], i: int) -> tuple[int, int]:
    """Read one cardinal number starting at ``i``: returns (value, end); end == i when none.

    "twenty four" is one number; "four five" and "four fifty" are two (digit strings, prices).
    """
    n = len(toks)
    if i < n and toks[i].isdigit():
        return int(toks[i]), i + 1
    total, current, j = 0, 0, i
    last: str | None = None
    if i + 1 < n and toks[i] == "a" and toks[i + 1] in ("hundred", "thousand"):
        current, last, j = 1, "unit", i + 1  # "a hundred and one"
    elif i < n and toks[i] in ("hundred", "thousand") and not (i > 0 and toks[i - 1].isdigit()):
        current, last = 1, "unit"  # "two boxes of hundred", "the hundred foot one": a hundred
    while j < n:
        t = toks[j]
        if t == "one" and last in ("hundred", "thousand") and i > 0 and toks[i - 1] in _POINTING \
                and (j + 1 == n or toks[j + 1] not in ("and", "hundred", "thousand")):
            break  # "the twenty thousand one", "that five hundred one": the one of that number, not 20001
        if t in UNITS and (last in (None, "hundred", "thousand") or (last == "tens" and UNITS[t] < 10)):
            current += UNITS[t]
            last = "unit"
        elif t in TENS and last in (None, "hundred", "thousand"):
            current += TENS[t]
            last = "tens"
        elif t == "hundred" and last in ("unit", "tens") and current % 100 != 0:
            current = (current - current % 100) + (current % 100) * 100
            last = "hundred"
        elif t == "thousand" and last in ("unit", "tens", "hundred"):
            total += current * 1000
            current, last = 0, "thousand"
        elif t == "and" and last in ("hundred", "thousand") and j + 1 < n and (toks[j + 1] in UNITS or toks[j + 1] in TENS):
            j += 1
            continue
        else:
            break
        j += 1
    if last is None:
        return 0, i
    return total + current, j


def first_int(toks: Sequence[str]) -> int | None:
    for t in to_digits(toks):
        if t.isdigit():
            return int(t)
    return None


_ORDER_LEADS = words("order_number_leads")
_ORDER_NUMBER_WORDS = words("order_number_words")


def order_number_span(toks: Sequence[str], min_len: int = 3) -> range | None:
    """Where an order's number is said in digit tokens: a run of numbers of at least ``min_len`` digits right after
    a lead ("order 7 7 1 6", "order number 45 12"), or None. Those words are the number, not counts or choices."""
    for i, t in enumerate(toks):
        if t not in _ORDER_LEADS:
            continue
        start = i + 1 + (i + 1 < len(toks) and toks[i + 1] in _ORDER_NUMBER_WORDS)
        end = start
        while end < len(toks) and (toks[end].isdigit() or toks[end] == "one"):
            end += 1
        if sum(len(x) if x.isdigit() else 1 for x in toks[start:end]) >= min_len:
            return range(start, end)
    return None


def digit_string(toks: Sequence[str], min_len: int = 3) -> str | None:
    """The longest run of number tokens, joined: "four five one two" / "45 12" -> "4512". A count of a unit
    ("a dozen bagels", "12 dozen") is no order number: the run right before a unit word is dropped."""
    best, run = "", ""
    for t in to_digits(toks):
        if t in COUNT_UNITS:
            run = ""
        elif t.isdigit():
            run += t
        elif t == "one" and run:
            run += "1"
        elif t == "one":
            run = "1"
        else:
            best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best if len(best) >= min_len else None


def _amount_at(toks: Sequence[str], i: int) -> tuple[int | None, int]:
    """A money amount at ``i`` in digit tokens: "20", "20 dollars", "4 50", "4.50" -> cents, end."""
    if i >= len(toks):
        return None, i
    t = toks[i]
    try:
        if "." in t:
            whole, frac = t.split(".", 1)
            cents = int(whole) * 100 + int(frac.ljust(2, "0")[:2])
        elif t.isdigit():
            cents = int(t) * 100
        elif t == "one":
            cents = 100
        else:
            return None, i
    except ValueError:
        return None, i
    j = i + 1
    if j < len(toks) and toks[j] in PRICE_WORDS:
        j += 1
        if j < len(toks) and toks[j].isdigit() and int(toks[j]) < 100:  # "4 dollars 50 (cents)"
            cents += int(toks[j])
            j += 1
            if j < len(toks) and toks[j] in ("cents", "cent"):
                j += 1
    elif j < len(toks) and toks[j].isdigit() and 10 <= int(toks[j]) < 100 and "." not in t and int(t) < 100:
        cents += int(toks[j])  # "four fifty"
        j += 1
        if j < len(toks) and toks[j] in PRICE_WORDS:
            j += 1
    elif j < len(toks) and toks[j] in ("cents", "cent") and "." not in t:
        cents = int(t)
        j += 1
    return cents, j


def amount_at(toks: Sequence[str], i: int) -> tuple[int | None, int]:
    """A money amount at ``i`` in digit tokens: "20", "20 dollars", "4 50", "4.50" -> cents, end."""
    return _amount_at(toks, i)


_MAX_CUES = (("less", "than"), ("cheaper", "than"), ("no", "more", "than"), ("not", "more", "than"),
             ("at", "most"), ("up", "to"), ("under",), ("below",), ("max",), ("maximum",), ("within",),
             ("lower", "than"), ("beneath",))
_MIN_CUES = (("more", "than"), ("over",), ("above",), ("at", "least"), ("min",), ("minimum",),
             ("higher", "than"), ("pricier", "than"))


def price_range(toks: Sequence[str]) -> tuple[int | None, int | None]:
    """Price limits in cents from a query: (min, max); either may be None."""
    d = to_digits(toks)
    lo: int | None = None
    hi: int | None = None
    i = 0
    while i < len(d):
        if d[i] == "between":
            a, j = _amount_at(d, i + 1)
            if a is not None and j < len(d) and d[j] in ("and", "to"):
                b, k = _amount_at(d, j + 1)
                if b is not None:
                    lo, hi = min(a, b), max(a, b)
                    i = k
                    continue
        matched = False
        for cues, is_max in ((_MAX_CUES, True), (_MIN_CUES, False)):
            for cue in cues:
                if tuple(d[i:i + len(cue)]) == cue:
                    k = i + len(cue)
                    if k < len(d) and d[k] in ("a", "the"):
                        k += 1
                    amount, j = _amount_at(d, k)
                    if amount is not None and not (j < len(d) and d[j] in _MEASURE_WORDS):  # "up to 2 tb"
                        if is_max:
                            hi = amount
                        else:
                            lo = amount
                        i, matched = j, True
                        break
            if matched:
                break
        if not matched:
            i += 1
    return lo, hi


# --- the other way: numbers and prices as people say them ------------------------------------------
_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_W = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def say_number(n: int) -> str:
    """``1250 -> "one thousand two hundred fifty"``."""
    if n < 0:
        return "minus " + say_number(-n)
    if n < 20:
        return _SMALL[n]
    if n < 100:
        return _TENS_W[n // 10] + ("" if n % 10 == 0 else " " + _SMALL[n % 10])
    if n < 1000:
        return _SMALL[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + say_number(n % 100))
    if n < 1_000_000:
        return say_number(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + say_number(n % 1000))
    return say_number(n // 1_000_000) + " million" + ("" if n % 1_000_000 == 0 else " " + say_number(n % 1_000_000))


_DIGITS = re.compile(r"\d+(?!\d|%)")


def say_numbers_in(text: str) -> str:
    """Numbers written in digits spelled out as people say them ("12 oz" -> "twelve oz"); a percentage
    ("2% milk") stays as written."""
    return _DIGITS.sub(lambda m: say_number(int(m.group(0))), text)


def say_price(cents: int, currency: str = "USD") -> str:
    """A price as people say it: 450 -> "four fifty", 400 -> "four dollars", 99 -> "ninety nine cents",
    1205 -> "twelve oh five", 12345 -> "one hundred twenty three dollars and forty five cents"."""
    unit = {"EUR": "euros", "GBP": "pounds"}.get(currency.upper(), "dollars")
    if cents < 0:
        return "minus " + say_price(-cents, currency)
    whole, frac = divmod(cents, 100)
    if whole == 0:
        return f"{say_number(frac)} {'cent' if frac == 1 else 'cents'}"
    if frac == 0:
        return f"{say_number(whole)} {unit[:-1] if whole == 1 else unit}"
    if whole < 100:
        return f"{say_number(whole)} {'oh ' + _SMALL[frac] if frac < 10 else say_number(frac)}"
    return f"{say_number(whole)} {unit} and {say_number(frac)} cents"
