"""A yes to the read-back with an exception that says what, not how (round 20): "yes apart from the milk", "yes except
the size". The thing excepted is named by its option group's own word ("the milk" is the group, though "milk" is also a
value of it): no choice is made, nothing is placed, and the shopper is asked what to change. The exception words are
words.toml ``all_but``.
"""

from __future__ import annotations

from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases
from dialogue.turn_words import LINE_DETERMINERS

_EXCEPT = phrases("all_but")


def group_excepted(parse: Parse) -> str | None:
    """The group an exception names by its own word ("yes apart from the milk": "milk"), when every choice the reply
    makes is such a group said after an exception word and a determiner; else None."""
    if not parse.options or parse.items:
        return None
    named: list[str] = []
    for o in parse.options:
        if o.pos < 1 or not o.targets or any(t.group != o.said for t in o.targets) \
                or parse.tokens[o.pos - 1] not in LINE_DETERMINERS:
            return None
        head = tuple(parse.tokens[:o.pos - 1])
        if not any(head[len(head) - len(e):] == e for e in _EXCEPT if len(e) <= len(head)):
            return None
        named.append(o.said)
    return named[0]
