"""Tags a speech recogniser writes for sounds that are no speech: "[BLANK_AUDIO]", "[Music]", "(laughs)", "*coughs*".

A tag in square brackets, round brackets or asterisks whose words are a phrase of words.toml ``noise_tags`` is read as
nothing wherever it stands: a tag alone is no turn at all (never "blank" or "audio" heard as a product), and a reply
said with one is read without it ("[music] yes place it" is "yes place it"). A tag for speech the recogniser missed
("[inaudible]") is no such tag: what was said there is unknown, so it stays and the reply is read with it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from dialogue.normalize import tokens
from dialogue.phrasebook import phrases

_TAGS = frozenset(phrases("noise_tags"))
_TAG_RE = re.compile(r"\[([^\[\]]{1,40})\]|\(([^()]{1,40})\)|\*([^*]{1,40})\*")


def without_tags(text: str, kept: Collection[str] = ()) -> str:
    """``text`` without its noise tags (as it was when it has none); a tag whose every word is one of ``kept`` is read
    as its words (the confirmation slot reads "[sneeze] excuse me yes" as a sneeze excused, its [filler] words)."""
    if not any(c in text for c in "[(*"):
        return text

    def heard(m: re.Match[str]) -> str:
        said = tokens(next(g for g in m.groups() if g is not None))
        if tuple(said) not in _TAGS:
            return m.group(0)
        return " ".join(said) if all(w in kept for w in said) else " "

    out = _TAG_RE.sub(heard, text)
    return out if out == text else " ".join(out.split())
