"""Trying harder to hear a product: a second decode, then a sounds-like match, for a turn that named none.

The recognizer's first prompt has room for only part of a large catalog (chosen by relevance: the café's drinks
and their options), so an utterance naming a product it left out ("a croissant") comes back as something else
("a quaso"). For a turn that says no product's name word for word (plurals allowed: the dialogue's loose
matching would also find a wrong product in a misheard name) and that is not a turn needing none (a yes, a no,
a question, checkout: ``dialogue.completeness.needs_no_item``):

1. the audio is decoded again with ``prompts``, the catalog names the first prompt left out; a transcript that
   says a product's name is taken if its confidence is at most ``max_drop`` below the first's;
2. failing that, when the turn may order a product the dialogue did not recognise (no question waiting, not a
   change to a line: ``dialogue.completeness.may_name_a_new_product``), a span of a transcript (each decode's
   best, then its other beam candidates) that *sounds like* one of those left-out names
   (``voice.phonetic.SoundsLike``, espeak-ng phonemes) is replaced by it.

Either way the dialogue reads the order back before anything is placed. The trace's ``second_pass`` says what
happened: ``kept`` (tried, the first transcript stands), ``used`` (the second decode), ``sounds_like``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dialogue.types import Conversation
from voice.asr import Transcriber, Transcript, catalog_coverage, prompt_phrases
from voice.audio import AudioChunk
from voice.phonetic import SoundsLike
from voice.trace import TurnTrace


@dataclass(frozen=True)
class SecondPass:
    """See the module docstring."""

    prompts: tuple[str, ...]
    products: tuple[tuple[str, ...], ...] = ()  # every product name as words, singular, longest first
    sounds_like: SoundsLike | None = None
    max_drop: float = 0.15

    def names_literally(self, text: str) -> bool:
        """Does ``text`` say a product's name word for word (plurals as singulars)? Stricter than the
        dialogue, whose loose matching also finds a product in a misheard name."""
        words = re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))
        return catalog_coverage(" ".join(_singular(w) for w in words), self.products) > 0

    def hear(self, transcriber: Transcriber, conversation: Conversation, audio: AudioChunk, first: Transcript,
             trace: TurnTrace, *, hotwords: str | None = None) -> Transcript:
        """``first``, or a transcript of ``audio`` that names a product (see the module docstring)."""
        from dialogue.completeness import may_name_a_new_product, names_a_product, needs_no_item
        from dialogue.session import Session

        if first.empty or not isinstance(conversation, Session):
            return first
        if self.names_literally(first.text) or needs_no_item(conversation, first.text):
            return first
        trace.second_pass = "kept"
        heard = [first]
        for prompt in self.prompts:
            t = transcriber.transcribe(audio, hotwords=hotwords, prompt=prompt)
            trace.decode_ms += t.decode_ms
            if t.empty:
                continue
            if self.names_literally(t.text) and t.confidence >= first.confidence - self.max_drop:
                trace.second_pass = "used"
                return t
            heard.append(t)
        if self.sounds_like is None or not may_name_a_new_product(conversation, first.text):
            return first
        # each decode's best transcript first, then the other beam candidates
        candidates = [(t, t.text) for t in heard] + [(t, alt) for t in heard for alt in t.alternatives]
        for t, text in candidates:
            fixed = self.sounds_like.repair(text)
            if fixed and names_a_product(conversation, fixed):
                trace.second_pass = "sounds_like"
                return dataclasses.replace(t, text=fixed, raw_text=t.raw_text or t.text)
        return first


def second_pass(products: Iterable[object], first_prompt: str | None, max_chars: int = 700,
                limit: int = 2, sounds_like: bool = True) -> SecondPass | None:
    """The :class:`SecondPass` for a catalog whose first prompt is ``first_prompt``: the product names it left
    out, in at most ``limit`` prompts of at most ``max_chars`` characters, and (``sounds_like``) their sounds.
    None when the first prompt left nothing out."""
    from dialogue.numbers import say_numbers_in

    names = [say_numbers_in(str(getattr(p, "name", ""))) for p in products]
    have = set(prompt_phrases(first_prompt))
    left = [n for n in dict.fromkeys(names) if prompt_phrases(n) and not set(prompt_phrases(n)) <= have]
    prompts: list[str] = []
    part: list[str] = []
    for name in left:
        if part and len(", ".join([*part, name])) + 12 > max_chars:
            prompts.append(f"An order: {', '.join(part)}.")
            part = []
            if len(prompts) == limit:
                break
        part.append(name)
    if part and len(prompts) < limit:
        prompts.append(f"An order: {', '.join(part)}.")
    if not prompts:
        return None
    sl = SoundsLike(left) if sounds_like else None
    phrases = {tuple(_singular(w) for w in ph) for n in names for ph in prompt_phrases(n)}
    return SecondPass(tuple(prompts), tuple(sorted(phrases, key=len, reverse=True)),
                      sl if sl is not None and sl.available else None)


def _singular(word: str) -> str:
    """A plain English plural's singular, for comparing names ("lattes" -> "latte", "boxes" -> "box")."""
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
