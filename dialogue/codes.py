"""Shop codes and measures a catalog prints on a shelf ("10-46 regular light", ".73 mm", "5A", "strength 2.5",
"20 ft") as shoppers say them aloud ("ten to forty six", "ten dash forty six", "point seven three", "five a's",
"two and a half", "twenty foot").

Two sides meet here. :func:`spoken_codes` gives the lexicon the spoken forms of a written name (numbers as digits,
as :func:`dialogue.numbers.to_digits` leaves them): a range with the words said between its numbers, a number of a
hundred or more said in parts ("one oh five"), a half or quarters written as a decimal said as a fraction, a number with a
letter said in the plural ("seven a's"), a measure with its unit in any of its forms, and the code alone without the
words printed after it ("10-46" of "10-46 regular light"), each side of a size printed in two systems ("US 8" and "5 mm" of "US 8 - 5
mm"), a measure's number said without its unit before the words after it ("24 round" of "24 ft round"), a system's
capitals said as the group's word ("size 8", "US size 8") and a lone "1" as the word ("US one").
:func:`codes_said` reads, on the shopper's side, what
only the catalog can settle: a decimal said with "point" ("point seven three", "one point one four") and a number
whose last word is said in the plural ("the twelve fifty threes"), where the catalog has that number.

The words between a range's numbers and the forms of each unit are data (``range_words`` and ``measure_forms`` in
dialogue/data/words.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence

from dialogue.fractions import spoken_fractions
from dialogue.normalize import tokens
from dialogue.numbers import PLURAL_NUMBERS, TENS, to_digits
from dialogue.phrasebook import phrases, words

_RANGE_WORDS = words("range_words")
_COUNTED = words("pack_words") | words("count_nouns") | words("packages")  # what a number before them counts
# unit form -> every form of that unit ("ft" -> foot, feet, ft)
_MEASURES: dict[str, tuple[str, ...]] = {form: entry for entry in phrases("measure_forms") for form in entry}
# times a letter is written -> the word it is said with ("aa": "double a")
_REPEATS: dict[int, str] = {int(entry[0]): entry[1] for entry in phrases("letter_repeats")}
# the words a fraction is said with ("half", "quarters"), after which a unit may follow ("six and a half mm")
_FRACTION_WORDS = frozenset(w for entry in phrases("fraction_words") for w in entry[1:])
# unit -> (how many of the other unit make one, the other unit), both ways: "tb" -> (1000, "gb"), "gb" -> (-1000, "tb")
# (negative: the other is the bigger unit)
_SCALES: dict[str, list[tuple[int, str]]] = {}
for _big, _factor, _small in phrases("measure_scales"):
    _SCALES.setdefault(_big, []).append((int(_factor), _small))
    _SCALES.setdefault(_small, []).append((-int(_factor), _big))
_MEASURE_AT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([a-z]+)(?![\w.])", re.IGNORECASE)
_MOST_SAID = 5000  # a bigger number in a smaller unit ("500000 mb") is said of no measure
_PARTS_SAID = {0.25: ("1/4", "a quarter"), 0.5: ("1/2", "half a"), 0.75: ("3/4", "")}
_RANGE = re.compile(r"(?<![\d.])(\d+)\s*-\s*(\d+)(?![\d.])")
_HUNDREDS = re.compile(r"(?<![\d.])\d{3}(?![\d.])")
_FRACTION = re.compile(r"\d+/\d+")
_PARTS = re.compile(r"(?<![\d.])(\d+)\.(25|5|75)(?!\d)")  # a half or a quarter written as a decimal
_AS_FRACTION = {"25": "1/4", "5": "1/2", "75": "3/4"}
_LETTER = re.compile(r"(?<![\w.])(\d+)([a-z])(?![\w])", re.IGNORECASE)
_CODE_START = re.compile(r"\s*(?:\d*\.\d+|\d+\s*-\s*\d+|\d+[a-z]?)(?=\s|$)", re.IGNORECASE)
_GLUED_MEASURE = re.compile(r"\s*\d*\.?\d+([a-z]+)(?=\s|$)", re.IGNORECASE)  # "32GB", "12g", "2.5L"
_LABELLED = re.compile(r"\s*([A-Z]{2,})\s+(\d+(?:\.\d+)?(?:\s+\d+/\d+)?)(?=\s|$)")  # "US 8" of "US 8 - 5 mm"
_SIDES = re.compile(r"\s+[-\u2013\u2014/]\s+")  # between the sides of a size in two systems
_SHORT_CODE = 2  # letters of a code that marks an end of a connector ("a", "c" of "USB-A", "USB-C")
_MAX_FORMS = 64  # spoken forms of one name, at most


def _phrase(text: str) -> tuple[str, ...]:
    toks = to_digits(tokens(text))
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return tuple(toks)


def _number_forms(number: str) -> list[str]:
    """A number of three digits as it is said: itself and in parts ("105": "1 0 5", "one oh five"; "230": "2 30")."""
    return [number, " ".join(number) if number[1] == "0" else f"{number[0]} {number[1:]}"]


def _in_other_units(name: str) -> list[str]:
    """The name with the first measure it prints said in the other unit of its kind (``measure_scales``), where
    that is a whole number or a half or quarter of one: "500GB" -> "1/2 tb", "half a tb"; "1TB" -> "1000 gb"; "12
    in" -> "1 ft"."""
    m = _MEASURE_AT.search(name)
    forms = _MEASURES.get(m.group(2).lower()) if m is not None else None
    if m is None or forms is None:
        return []
    out: list[str] = []
    for factor, other in _SCALES.get(forms[0], ()):
        number = float(m.group(1)) * factor if factor > 0 else float(m.group(1)) / -factor
        whole, part = divmod(number, 1)
        if part == 0 and 1 <= number <= _MOST_SAID:
            said = [f"{int(number)} {other}"]
        elif whole == 0 and part in _PARTS_SAID:
            said = [f"{form} {other}" for form in _PARTS_SAID[part] if form]
        else:
            continue
        out.extend(f"{name[:m.start()]}{form}{name[m.end():]}" for form in said)
    return out


def _said_ranges(name: str) -> list[str]:
    """The name with each range said: its numbers apart, or with a word of ``range_words`` between them."""
    m = _RANGE.search(name)
    if m is None:
        return [name]
    before, after = name[:m.start()], name[m.end():]
    return [f"{before}{m.group(1)} {between} {m.group(2)}{after}" for between in ("", *sorted(_RANGE_WORDS))]


def _said_numbers(name: str) -> list[str]:
    """The name with each number of three digits also said in parts ("105": "one oh five"; "230": "two thirty")."""
    out = [name]
    for m in reversed(list(_HUNDREDS.finditer(name))):
        out = [f"{t[:m.start()]}{form}{t[m.end():]}" for t in out for form in _number_forms(m.group(0))]
    return out


def _said_letters(name: str) -> list[str]:
    """A number with a letter ("5A") also said in the plural ("five a's": "5 as")."""
    if _LETTER.search(name) is None:
        return [name]
    return [name, _LETTER.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}s", name)]


def _said_units(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A phrase with a number (or a fraction said in words) and a unit after it, with the unit in each of its forms
    ("20 ft": "20 foot", "20 feet"; "6 and a half mm": "6 and a half millimetre"; "half a tb": "half a terabyte")."""
    out = {phrase}
    for i in range(1, len(phrase)):
        forms = _MEASURES.get(phrase[i])
        before = phrase[i - 2] if phrase[i - 1] == "a" and i > 1 else phrase[i - 1]  # "half a tb"
        if forms is None or not (before.replace(".", "", 1).isdigit() or before in _FRACTION_WORDS):
            continue
        out |= {(*p[:i], form, *p[i + 1:]) for p in out for form in forms}
    return out


def _unit_before_fraction(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A measure with a fraction said before its unit ("1 and a half inch") also said with the unit before the
    fraction ("an inch and a half", "two inches and a half"); one of the unit is said with the unit alone."""
    if len(phrase) != 5 or phrase[1:3] != ("and", "a") or phrase[3] not in _FRACTION_WORDS \
            or phrase[4] not in _MEASURES or not (phrase[0].isdigit() or phrase[0] == "one"):
        return set()
    out: set[tuple[str, ...]] = {(phrase[0], unit, *phrase[1:4]) for unit in _MEASURES[phrase[4]]}
    if phrase[0] in ("1", "one"):
        out.add((phrase[4], *phrase[1:4]))
    return out


def _said_repeats(phrase: tuple[str, ...]) -> set[tuple[str, ...]]:
    """A phrase with a code of one letter written over again ("aa", "aaa") also with that code said by how many
    times ("double a", "triple a", "triple a's": "triple as")."""
    out = {phrase}
    for i, tok in enumerate(phrase):
        word = _REPEATS.get(len(tok))
        if word is None or not tok.isalpha() or len(set(tok)) != 1:
            continue
        out |= {(*p[:i], word, form, *p[i + 1:]) for p in out for form in (tok[0], f"{tok[0]}s")}
    return out


def _code_alone(name: str) -> list[str]:
    """The code a name opens with, with and without the unit right after it, without the words printed after them
    ("10-46" of "10-46 regular light"; ".73 mm" and ".73" of ".73 mm yellow"); none when the name does not open
    with a code, nor the name itself."""
    m = _CODE_START.match(name)
    if m is None or m.group(0).strip().isdigit():
        return []  # (a bare number, "2" of "2 liter", is no code: it is left to a count unless the name is it)
    end = m.end()
    rest = tokens(name[end:])
    if rest and rest[0] in _MEASURES:
        end = name.lower().index(rest[0], end) + len(rest[0])
    return [code for code in {name[:m.end()].strip(), name[:end].strip()} if tokens(code) != tokens(name)]


def _measure_number(name: str) -> list[str]:
    """A name that is a number of a hundred or more and a unit ("230 g", "450 g", "400 lumens") said as the number
    alone ("a two thirty canister", "the four fifties"): so big a number is said of no count. A smaller one ("2
    liter") is left to a count."""
    toks = tokens(name)
    if len(toks) == 2 and toks[0].isdigit() and int(toks[0]) >= 100 and (toks[1] in _MEASURES or toks[1].rstrip(
            "s") in _MEASURES):
        return [toks[0]]
    return []


def _unit_left_out(name: str) -> list[str]:
    """A name that opens with a measure and goes on in words ("24 ft round", "8 oz jar") said without its unit ("a
    twenty four round"): the number and the words after it. Not when those words count ("12 oz bottle": "12 bottles"
    is a count) or hold another number ("12 x 24 oval")."""
    toks = tokens(name)
    if len(toks) < 3 or not toks[0].isdigit() or toks[1] not in _MEASURES \
            or any(t in _COUNTED or t.rstrip("s") in _COUNTED or not t.isalpha() for t in toks[2:]):
        return []
    return [" ".join((toks[0], *toks[2:]))]


def _number_opening(name: str) -> list[str]:
    """A name that opens with a number of a hundred or more and goes on in words ("220 natural beige", "613 bleach
    blonde") said as the number alone ("foundation in two twenty", "the six thirteen"): so big a number is said of
    no count. Not a number of packs or servings ("100 pack"), nor a measure (:func:`_measure_number`)."""
    toks = tokens(name)
    if len(toks) < 2 or not toks[0].isdigit() or int(toks[0]) < 100 or toks[1] in _MEASURES \
            or toks[1].rstrip("s") in _MEASURES or any(t in _COUNTED or t.isdigit() for t in toks[1:]):
        return []
    return [toks[0]]


def _group_before_code(name: str, group_names: Iterable[str]) -> list[str]:
    """A name that opens with a code or a number and goes on in words ("27 honey blonde", "1B off black", "6.1 dark
    ash blonde") said as a one-word name of its group and the code ("color twenty seven", "shade six point one")."""
    m = _CODE_START.match(name)
    if m is None or not tokens(name[m.end():]) or any(t in _MEASURES or t in _COUNTED for t in tokens(name[m.end():])[:1]):
        return []
    code = m.group(0).strip()
    return [f"{group} {code}" for group in group_names if len(tokens(group)) == 1]


def _without_group(name: str, group_names: Iterable[str]) -> list[str]:
    """A name that is its group's name and a code ("strength 2.5" of the strength) said as the code alone ("two and a
    half") or with the group's name after it ("two and a half strength"); a name that is a code alone ("1/2" of a
    size) said with its group's name after it ("half size")."""
    if _CODE_START.fullmatch(name) or _FRACTION.fullmatch(name.strip()):
        return [f"{name} {group}" for group in group_names if len(tokens(group)) == 1]
    toks = tokens(name)
    for group in group_names:
        lead = tokens(group)
        if lead and toks[:len(lead)] == lead and len(toks) > len(lead) and _CODE_START.fullmatch(
                name.lower().split(lead[-1], 1)[-1]):
            code = name.lower().split(lead[-1], 1)[-1].strip()
            if code.isdigit():
                return [code]  # (no "2 size": "two size six hooks" counts two of the size 6)
            return [code, f"{code} {' '.join(lead)}"]
    return []


def _group_overlapping(name: str, group_names: Iterable[str]) -> list[str]:
    """A name that opens with the last words of its group's name and goes on with a number ("level 2" of the
    "spice level") said after the whole of that name ("spice level two"), the shared words said once."""
    toks = tokens(name)
    out = []
    for group in group_names:
        lead = tokens(group)
        for k in range(min(len(lead), len(toks)) - 1, 0, -1):
            if len(lead) > k and lead[-k:] == toks[:k] and any(c.isdigit() for t in toks[k:] for c in t):
                out.append(" ".join((*lead, *toks[k:])))
                break
    return out


def _sides(name: str) -> list[str]:
    """The sides of a name that prints one size in two systems joined by a spaced dash ("US 8 - 5 mm": "US 8" and
    "5 mm"; "H-8 - 5 mm": "H-8" and "5 mm"), each said alone; none for a name of one side, nor sides with no
    number ("small - sock size")."""
    sides = [side.strip() for side in _SIDES.split(name)]
    if len(sides) < 2 or not all(any(c.isdigit() for c in side) and len(tokens(side)) <= 3 for side in sides):
        return []
    return sides


def _label_as_group(name: str, group_names: Iterable[str]) -> list[str]:
    """A name that opens with the capitals of a system of sizes and a number ("US 8 - 5 mm", "UK 6", "EU 42") said
    with a one-word name of its group in place of the capitals or after them ("size 8", "US size 8")."""
    m = _LABELLED.match(name)
    if m is None:
        return []
    label, code = m.group(1), m.group(2)
    singles = [group for group in group_names if len(tokens(group)) == 1 and tokens(group)[0] != label.lower()]
    return [form for group in singles for form in (f"{group} {code}", f"{label} {group} {code}")]


def _one_said(phrase: tuple[str, ...]) -> tuple[str, ...] | None:
    """A phrase of more than one word with a "1" that is no part of a longer number ("US 1", "size 1") or that
    opens a number said in parts ("1 20" of "120 mm") as it stays when said ("us one", "one twenty mil":
    :func:`dialogue.numbers.to_digits` leaves a lone "one" a word, and a "one" before a number word), or None."""
    if len(phrase) < 2 or "1" not in phrase:
        return None
    said = tuple("one" if t == "1" and not (i and phrase[i - 1].isdigit()) and (
        not (i + 1 < len(phrase) and phrase[i + 1].isdigit()) or len(phrase[i + 1]) == 2 and phrase[i + 1][0] != "0")
        else t for i, t in enumerate(phrase))
    return said if said != phrase else None


def spoken_codes(names: Iterable[str], group_names: Iterable[str] = ()) -> set[tuple[str, ...]]:
    """Phrases (normal tokens, numbers as digits) of the ways the codes and measures in these names are said aloud,
    beside the names as written (which the lexicon indexes already); ``group_names``: the names of the choice's
    group, which a name may open with ("strength 2.5")."""
    out: set[tuple[str, ...]] = set()
    group_names = tuple(group_names)
    for name in names:
        texts = {name, *_code_alone(name), *_without_group(name, group_names), *_measure_number(name),
                 *_label_as_group(name, group_names), *_number_opening(name), *_group_before_code(name, group_names),
                 *_group_overlapping(name, group_names), *_in_other_units(name), *_unit_left_out(name)}
        for side in _sides(name):
            texts |= {side, *_code_alone(side), *_label_as_group(side, group_names)}
        for text in list(texts):
            if _PARTS.search(text):  # "3.75 mm": "three and three quarter mm"
                texts.add(_PARTS.sub(lambda m: f"{m.group(1)} {_AS_FRACTION[m.group(2)]}".removeprefix("0 "), text))
        said: set[str] = set()
        for text in texts:
            for ranged in _said_ranges(text):
                for numbered in _said_numbers(ranged):
                    said.update(_said_letters(numbered))
        phrases_: set[tuple[str, ...]] = set()
        for text in sorted(said):
            phrases_.add(_phrase(text))
        phrases_ |= spoken_fractions(said)
        phrases_ |= {one for phrase in phrases_ if (one := _one_said(phrase)) is not None}
        for phrase in sorted(phrases_):
            if phrase:
                out |= {said for unit in _said_units(phrase) for said in _said_repeats(unit)}
                out |= {said for unit in _said_units(phrase) for said in _unit_before_fraction(unit)}
            if len(out) > _MAX_FORMS * 4:
                break
    return out


def ends_said_once(names: Iterable[str]) -> set[tuple[str, ...]]:
    """Names that join two ends of one kind with "to", each end a word and a short code ("USB-A to USB-C cable"),
    with the shared word said once ("usb a to c cable"), as people say them."""
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = _phrase(name)
        for i in range(len(toks) - 4):
            word, first, to, again, second = toks[i:i + 5]
            if to == "to" and word == again and word.isalpha() and len(word) > 2 \
                    and len(first) <= _SHORT_CODE and len(second) <= _SHORT_CODE:
                out.add((*toks[:i + 3], *toks[i + 4:]))
    return out


def words_after_codes(names: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """The words a choice's name prints after the code it opens with ("medium" of "45-105 medium"), by value code,
    as a name of that choice by themselves: only where no other choice of the group says them so, and no choice's
    whole name is those words. ``names``: each value's names (name and aliases) by its code; only the name, as
    printed, gives them ("700c road", an alias, leaves "road" to the road tyre)."""
    rests: dict[str, set[tuple[str, ...]]] = {}
    for code, value_names in names.items():
        for name in value_names[:1]:
            m = _CODE_START.match(name)
            rest = _phrase(name[m.end():]) if m is not None and not m.group(0).strip().isdigit() else ()
            if rest and not any(t[:1].isdigit() for t in rest) and rest[0] not in _MEASURES \
                    and not all(t in _COUNTED for t in rest):  # ("pack" of "3 pack" names no pack)
                rests.setdefault(code, set()).add(rest)
    whole = {_phrase(n) for value_names in names.values() for n in value_names}
    out: dict[str, tuple[str, ...]] = {}
    for code, said in rests.items():
        for rest in said:
            if rest not in whole and not any(rest in other for c, other in rests.items() if c != code):
                out[code] = rest
    return out


def _leading_measure(name: str) -> str | None:
    """The measure a name opens with, written with its unit as one word ("32GB" of "32GB kit (2x16GB)"), when the
    name is more than it."""
    m = _GLUED_MEASURE.match(name)
    if m is None or m.group(1).lower() not in _MEASURES or tokens(m.group(0)) == tokens(name):
        return None
    return m.group(0).strip()


def shared_measures(groups: Iterable[tuple[str, Sequence[str]]]) -> dict[str, set[tuple[str, ...]]]:
    """By group code, the measures (:func:`_leading_measure`, as tokens) that two choices of one group open with
    ("16GB" of "16GB (1x16GB)" and "16GB kit (2x8GB)"). ``groups``: each group's code and its values' printed
    names; a group code used by several products counts each of its groups."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for code, names in groups:
        said = [tuple(tokens(m)) for name in names if (m := _leading_measure(name)) is not None]
        out.setdefault(code, set()).update(t for t in said if said.count(t) > 1)
    return out


def leading_measures(names: dict[str, str], shared: Container[tuple[str, ...]] = ()) -> dict[str, str]:
    """The measure a choice's name opens with, written with its unit as one word ("32GB" of "32GB kit (2x16GB)"),
    by value code, as a name of that choice by itself: only where no other choice of the group, here or in another
    product's group of that code (``shared``, :func:`shared_measures`), opens with it ("16GB (1x16GB)" and "16GB kit
    (2x8GB)" leave "16GB" to a question). ``names``: each value's printed name by its code."""
    found = {code: m for code, name in names.items() if (m := _leading_measure(name)) is not None}
    said = [tuple(tokens(m)) for m in found.values()]
    return {code: m for code, m in found.items()
            if said.count(tuple(tokens(m))) == 1 and tuple(tokens(m)) not in shared}


def numbers_after_shared_lead(names: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The number a choice's name ends a shared lead with ("3600" of "DDR4-3600", where the group's choices are
    "DDR4-3200" and "DDR4-3600"), by value code, as a name of that choice by itself: the words every choice of the
    group opens with say none of them apart. Only a number of a hundred or more, which is said of no count, and one
    no other choice ends with. ``names``: each value's printed name by its code."""
    said = {code: _phrase(name) for code, name in names.items()}
    if len(said) < 2 or any(len(p) < 2 for p in said.values()):
        return {}
    phrases_ = list(said.values())
    lead = 0
    while all(len(p) > lead + 1 and p[lead] == phrases_[0][lead] for p in phrases_):
        lead += 1
    rests = {code: p[lead:] for code, p in said.items()}
    if not lead or any(len(rest) != 1 or not rest[0].isdigit() or int(rest[0]) < 100 for rest in rests.values()):
        return {}
    return rests if len(set(rests.values())) == len(rests) else {}


def _digit_run(toks: Sequence[str], i: int) -> tuple[str, int]:
    """The digits said one by one from ``i`` ("7 3", "1 4", "oh 5", "one" as :func:`to_digits` leaves it), as one
    string, and where they end."""
    out = ""
    while i < len(toks) and (toks[i] in ("oh", "o", "one") or toks[i].isdigit() and (len(toks[i]) == 1 or not out)):
        out += {"oh": "0", "o": "0", "one": "1"}.get(toks[i], toks[i])  # ("one": a lone one stays a word)
        i += 1
    return out, i


def _pair_said(out: Sequence[str], tok: str) -> str | None:
    """A number of four digits said as two numbers of two ("forty sixty", "ten eighty", "forty sixties"), the
    second maybe in the plural: the number written ("4060"), or None when these two are no such pair."""
    if not out or not out[-1].isdigit() or not 10 <= int(out[-1]) <= 99:
        return None
    second = PLURAL_NUMBERS.get(tok) if tok in PLURAL_NUMBERS else int(tok) if tok.isdigit() and len(tok) == 2 else None
    low = 1 if tok.startswith("0") else 10  # "twenty oh six" (20, "06"): 2006
    return f"{out[-1]}{second:02d}" if second is not None and low <= second <= 99 else None


def codes_said(known: Callable[[str], bool], toks: Sequence[str]) -> list[str]:
    """Tokens (after :func:`to_digits`) with a decimal said with "point" as the catalog writes it ("point 7 3" ->
    "73" for ".73", "point 6" -> "0.6"; "one point 1 4" -> "1.14") and a number said with its last word in the plural as that number
    ("12 50 threes" -> "12 53", "2 thirties" -> "230", "230 s" -> "230"), one said digit by digit with an "oh"
    ("one oh five" -> "105") and one of four digits said as two pairs ("40 60" or "40 sixties" -> "4060", "20 oh 6" ->
    "2006"), each
    only where the catalog (``known``) has that number."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok == "point":
            digits, j = _digit_run(toks, i + 1)
            whole = out[-1] if out and (out[-1].isdigit() or out[-1] == "one") else ""
            whole = "1" if whole == "one" else whole
            if digits:
                written = f"{whole}.{digits}" if whole else f"0.{digits}" if known(f"0.{digits}") else digits
                if known(written):
                    if whole:
                        out.pop()
                    out.append(written)
                    i = j
                    continue
        if tok == "one" or len(tok) == 1 and tok.isdigit():
            digits, j = _digit_run(["1" if tok == "one" else tok, *toks[i + 1:]], 0)
            if j > 1 and any(t in ("oh", "o") for t in toks[i + 1:i + j]) and known(digits):
                out.append(digits)  # "one oh five": 105
                i += j
                continue
        if tok in PLURAL_NUMBERS and out and out[-1].isdigit() and int(out[-1]) in TENS.values() \
                and PLURAL_NUMBERS[tok] < 10:
            merged = str(int(out[-1]) + PLURAL_NUMBERS[tok])
            if known(merged):
                out[-1] = merged  # "the twelve fifty threes": the 12-53s
                i += 1
                continue
        if tok in PLURAL_NUMBERS and out and out[-1].isdigit() and 0 < int(out[-1]) < 10 \
                and PLURAL_NUMBERS[tok] in TENS.values():
            merged = str(int(out[-1]) * 100 + PLURAL_NUMBERS[tok])
            if known(merged):
                out[-1] = merged  # "the two thirties": the 230s
                i += 1
                continue
        pair = _pair_said(out, tok)
        if pair is None and tok in ("oh", "o", "0") and i + 1 < len(toks):
            pair = _pair_said(out, f"0{toks[i + 1]}") if len(toks[i + 1]) == 1 and toks[i + 1].isdigit() else None
            if pair is not None and known(pair):
                out[-1] = pair  # "the k twenty oh six": the K-2006; "ten oh five": 1005
                i += 2
                continue
        if pair is not None and known(pair):
            out[-1] = pair  # "the rtx forty sixty(s)": the 4060; "ten eighty p": the 1080p
            i += 1
            continue
        if tok == "s" and out and out[-1].isdigit() and known(out[-1]):
            i += 1  # "the 230s": the 230 (as tokens splits it)
            continue
        out.append(tok)
        i += 1
    return out



_JOINED_CODE_RE = re.compile(r"(?<![a-z0-9])([a-z]{2,})(\d+)(?![a-z0-9.])")


def foreign_codes_kept(printed: Callable[[tuple[str, ...]], bool], text: str, toks: Sequence[str]) -> list[str]:
    """A letter-and-digit code written joined ("ps5", "xb1") that the catalog prints nowhere (``printed``: whether
    a phrase is a catalog name) names something of the shopper's ("it's going in a ps5"): kept one token, so its
    number is no count and no choice. Codes the catalog prints ("ddr5", "cr2032") split as before, as the catalog's
    names do."""
    joined = {(m.group(1), m.group(2)) for m in _JOINED_CODE_RE.finditer(text.lower())
              if not printed((m.group(1), m.group(2))) and not printed((m.group(1),))}
    if not joined:
        return list(toks)
    out: list[str] = []
    for tok in toks:
        if out and (out[-1], tok) in joined:
            out[-1] += tok
        else:
            out.append(tok)
    return out
