"""Dates a catalog prints in a choice's name ("Saturday March 7, 10 am", "Thursday March 12, 6 pm", "April 4") as
shoppers say them aloud: "march seventh", "march the seventh", "the seventh of march", "saturday the seventh",
"on the fourteenth", "the twenty first", and the day of the week alone ("the thursday one").

:func:`spoken_dates` gives the lexicon those phrases (normal tokens, numbers as digits as
:func:`dialogue.numbers.to_digits` leaves them: "twenty first" is "20 first"). A day's ordinal alone ("the
seventh") is indexed only where it is no word that points at a line ("the first", "the second": those stay line
references). The months, the days of the week and the ordinal words of the days are data (``month_names``,
``weekday_names`` and ``day_ordinals`` in dialogue/data/words.toml).
"""

from __future__ import annotations

from collections.abc import Iterable

from dialogue.normalize import tokens
from dialogue.numbers import ORDINALS, to_digits
from dialogue.phrasebook import phrases

# any form of a month or a weekday -> its forms, the full name first
_MONTHS: dict[str, tuple[str, ...]] = {form: entry for entry in phrases("month_names") for form in entry}
_WEEKDAYS: dict[str, tuple[str, ...]] = {form: entry for entry in phrases("weekday_names") for form in entry}
# day -> (ordinal word, letters after the digits): 7 -> ("seventh", "th")
_ORDINAL_WORDS: dict[int, tuple[str, str]] = {int(entry[0]): (entry[1], entry[2]) for entry in phrases("day_ordinals")}


def _ordinals(day: int) -> list[str]:
    """A day of the month said as an ordinal: "7 th" and "seventh" for 7; "21 st" and "20 first" for 21."""
    if day in _ORDINAL_WORDS:
        word, letters = _ORDINAL_WORDS[day]
        return [f"{day} {letters}", word]
    tens, units = divmod(day, 10)
    if tens * 10 not in _ORDINAL_WORDS or units not in _ORDINAL_WORDS:
        return []
    word, letters = _ORDINAL_WORDS[units]
    return [f"{day} {letters}", f"{tens * 10} {word}"]


def _said(text: str) -> tuple[str, ...]:
    return tuple(to_digits(tokens(text)))


def spoken_dates(names: Iterable[str], others: Iterable[str] = ()) -> set[tuple[str, ...]]:
    """Phrases of the ways the dates in these names are said; none for a name with no month and day in it.
    ``others``: the names of the other choices of the group; a day of the week one of them has too names neither
    alone ("saturday" of two Saturday sessions: the shopper is asked which)."""
    shared = {_WEEKDAYS[t][0] for name in others for t in tokens(name) if t in _WEEKDAYS}
    out: set[tuple[str, ...]] = set()
    for name in names:
        toks = tokens(name)
        weekdays = [_WEEKDAYS[t] for t in toks if t in _WEEKDAYS]
        for i in range(len(toks) - 1):
            if toks[i] not in _MONTHS or not toks[i + 1].isdigit() or not 1 <= int(toks[i + 1]) <= 31:
                continue
            day = int(toks[i + 1])
            ordinals = _ordinals(day)
            months = _MONTHS[toks[i]]
            for month in months:
                for said_day in (str(day), *ordinals):
                    out |= {_said(f"{month} {said_day}"), _said(f"{month} the {said_day}")}
                for ordinal in ordinals:
                    out |= {_said(f"{ordinal} of {month}"), _said(f"the {ordinal} of {month}")}
            for ordinal in ordinals:
                out.add(_said(f"on the {ordinal}"))
                if ordinal not in ORDINALS:  # (not "the first": a line)
                    out.add(_said(f"the {ordinal}"))
                for weekday in (form for forms in weekdays for form in forms):
                    out |= {_said(f"{weekday} the {ordinal}"), _said(f"{weekday} {ordinal}")}
            for weekday in (form for forms in weekdays for form in forms):
                for month in months:
                    for said_day in (str(day), *ordinals):
                        out.add(_said(f"{weekday} {month} {said_day}"))
        for forms in weekdays:  # "the thursday one": the day of the week alone
            if forms[0] not in shared:
                out |= {(form,) for form in forms if len(form) > 3}
    return out
