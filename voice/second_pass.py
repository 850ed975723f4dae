"""Trying harder to hear a product: a second decode, then a sounds-like match, for a turn that named none.

The recognizer's first prompt has room for only part of a large catalog (chosen by relevance: the café's drinks
and their options), so an utterance naming a product it left out ("a croissant") comes back as something else
("a quaso"). For a turn that says no product's name word for word (plurals allowed: the dialogue's loose
matching would also find a wrong product in a misheard name) and that is not a turn needing none (a yes, a no,
a question, checkout: ``dialogue.completeness.needs_no_item``):

1. the audio is decoded again with ``prompts``, the catalog names the first prompt left out; a transcript that
   says a product's name is taken if its confidence is at most ``max_drop`` below the first's;
2. failing that, the respelled first transcript if respelling made it name a product ("a double shot and
   smoke" -> mocha);
3. failing that, when the turn may order a product the dialogue did not recognise (no question waiting, not a
   change to a line: ``dialogue.completeness.may_name_a_new_product``), a span of a transcript (each decode's
   best, then its other beam candidates) that *sounds like* one of those left-out names
   (``voice.phonetic.SoundsLike``, espeak-ng phonemes) is replaced by it; a span of catalog words ("brew a",
   said for "brew a triple shot") is not;
4. failing that, the first decode's most likely other beam candidate that names a product (after respelling)
   ("a double shot milk with cream": "a double shot mocha with cream" was the second candidate).

Any turn that is not one needing no product is also *respelled* (a turn that named a product word for word
just takes it, with no decode): a span holding a word that neither the catalog nor the dialogue's everyday
words place ("a smoke with sugar", "a dice coffee", "a tepuccino") is
replaced by the catalog phrase (product name or option value) it sounds like (``SoundsLike.respell`` over the
whole catalog: ``respeller``). What the shopper said in catalog words is never replaced. A product's name
replaces a span only when the turn names no product or the span completes one ("dice coffee"); an option value
only when it is a value of a product the turn names, and right after the dialogue's amount words ("a little bit
of cleaner") a value may sound a little further off (``amount_threshold``).

Either way the dialogue reads the order back before anything is placed. The trace's ``second_pass`` says what
happened: ``respelled`` (step 2, or a turn that named a product, respelled), ``alternative`` (step 4), ``kept``
(tried, the first transcript stands, respelled or not), ``used`` (the second decode), ``sounds_like``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

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
    respeller: SoundsLike | None = None  # every product name and option value (see the module docstring)
    offered_by: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)  # value -> product names
    use_alternatives: bool = True  # step 4 (see the module docstring)
    amount_threshold: float = 0.4  # respelling an option value right after amount words ("a little bit of ...")

    def names_literally(self, text: str) -> bool:
        """Does ``text`` say a product's name word for word (plurals as singulars)? Stricter than the
        dialogue, whose loose matching also finds a product in a misheard name."""
        words = re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))
        return catalog_coverage(" ".join(_singular(w) for w in words), self.products) > 0

    def respell(self, conversation: Conversation, text: str) -> str:
        """``text`` with the spans no catalog or everyday word places replaced by the catalog phrases they sound
        like (``respeller``; the dialogue's lexicon says which words it places)."""
        if self.respeller is None:
            return text
        from dialogue.completeness import names_a_product
        from dialogue.numbers import COUNT_UNITS, ORDINALS, TENS, UNITS
        from dialogue.session import Session
        from dialogue.words import COMMON

        if not isinstance(conversation, Session):
            return text
        lexicon = conversation.lexicon

        everyday = _dialogue_words()

        def placed(word: str) -> bool:
            return bool(lexicon.known(word) or lexicon.known(_singular(word)) or word in COMMON or word in everyday
                        or word in UNITS or word in TENS or word in ORDINALS or word in COUNT_UNITS)

        names = {" ".join(p) for p in self.products}
        loosely = names_a_product(conversation, text)
        respeller = self.respeller
        out = text
        for _ in range(2):  # again once a product's name was heard in the first round: its option values
            named = self._named(out)

            def may_use(name: str, kept: Sequence[str], named: set[str] = named) -> bool:
                if " ".join(_singular(w) for w in name.split()) in names:
                    # with a product named, a span becomes a product's name only by completing one ("dice
                    # coffee"), never as a second product made from an unknown word
                    return not loosely or bool(kept)
                # an option value only of a product the turn names ("a latte with a little bit of spinner")
                return bool(self.offered_by.get(name, frozenset()) & named)

            fixed = respeller.respell(out, placed, may_use=may_use, looser=self._after_amount)[0]
            if fixed == out or self._named(fixed) == named:
                return fixed
            out = fixed
        return out

    def _after_amount(self, words: Sequence[str], start: int, name: str) -> float | None:
        """``amount_threshold`` for an option value right after the dialogue's amount words ("a little bit of
        cleaner": a value is what comes there), else None."""
        from dialogue.amounts import qualifier_before

        if name not in self.offered_by or start == 0:
            return None
        return self.amount_threshold if qualifier_before(words, start) is not None else None

    def _named(self, text: str) -> set[str]:
        """The product names ``text`` says word for word (singular)."""
        words = [_singular(w) for w in re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))]
        return {" ".join(p) for p in self.products
                if any(tuple(words[i : i + len(p)]) == p for i in range(len(words) - len(p) + 1))}

    def hear(self, transcriber: Transcriber, conversation: Conversation, audio: AudioChunk, first: Transcript,
             trace: TurnTrace, *, hotwords: str | None = None) -> Transcript:
        """``first``, or a transcript of ``audio`` that names a product (see the module docstring)."""
        from dialogue.completeness import may_name_a_new_product, names_a_product, needs_no_item
        from dialogue.session import Session

        if first.empty or not isinstance(conversation, Session):
            return first
        if needs_no_item(conversation, first.text):
            return first
        fixed = self.respell(conversation, first.text)
        respelled = first
        if fixed != first.text:
            respelled = dataclasses.replace(first, text=fixed, raw_text=first.raw_text or first.text)
        if self.names_literally(first.text):
            if respelled is not first:
                trace.second_pass = "respelled"
            return respelled
        # a product the first prompt left out is best heard by a decode prompted with it, even when respelling
        # found some product's name in what was heard ("almond croissant" heard "... going to croissant off")
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
        if respelled is not first and self.names_literally(respelled.text):
            trace.second_pass = "respelled"
            return respelled
        if not may_name_a_new_product(conversation, first.text):
            return respelled
        if self.sounds_like is not None:
            # each decode's best transcript first, then the other beam candidates
            candidates = [(t, t.text) for t in heard] + [(t, alt) for t in heard for alt in t.alternatives]
            lexicon = conversation.lexicon
            for t, text in candidates:
                repaired = self.sounds_like.repair(text, keep=lambda w: lexicon.known(w) or lexicon.known(_singular(w)))
                if repaired and names_a_product(conversation, repaired):
                    trace.second_pass = "sounds_like"
                    return dataclasses.replace(t, text=repaired, raw_text=t.raw_text or t.text)
        if self.use_alternatives:
            # the first decode's other beam candidates, best first: one that names a product (respelled too)
            for alt in first.alternatives:
                said = self.respell(conversation, alt)
                if self.names_literally(said):
                    trace.second_pass = "alternative"
                    return dataclasses.replace(first, text=said, raw_text=first.raw_text or first.text)
        return respelled


def second_pass(products: Iterable[object], first_prompt: str | None, max_chars: int = 700,
                limit: int = 2, sounds_like: bool = True, respell: bool = True,
                alternatives: bool = True) -> SecondPass | None:
    """The :class:`SecondPass` for a catalog whose first prompt is ``first_prompt``: the product names it left
    out, in at most ``limit`` prompts of at most ``max_chars`` characters, and (``sounds_like``) their sounds;
    (``respell``) the sounds of every product name and option value. None when there is nothing to do: the
    first prompt left nothing out and respelling is off or unavailable."""
    from dialogue.numbers import say_numbers_in

    products = list(products)
    names = [say_numbers_in(str(getattr(p, "name", ""))) for p in products]
    respeller = None
    offered: dict[str, set[str]] = {}
    if respell:
        for p, name in zip(products, names, strict=True):
            for g in getattr(p, "option_groups", ()):
                for v in g.values:
                    value = " ".join(_WORDS.findall(say_numbers_in(str(v.name)).lower()))
                    offered.setdefault(value, set()).add(" ".join(_singular(w) for w in _WORDS.findall(name.lower())))
        rs = SoundsLike(dict.fromkeys([*names, *offered]))
        respeller = rs if rs.available else None
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
    prompts = prompts[: max(0, limit)]
    if not prompts and respeller is None:
        return None
    sl = SoundsLike(left) if sounds_like and left else None
    phrases = {tuple(_singular(w) for w in ph) for n in names for ph in prompt_phrases(n)}
    return SecondPass(tuple(prompts), tuple(sorted(phrases, key=len, reverse=True)),
                      sl if sl is not None and sl.available else None, respeller=respeller,
                      offered_by={k: frozenset(v) for k, v in offered.items()}, use_alternatives=alternatives)


_WORDS = re.compile(r"[a-z']+")  # as voice.phonetic spells a name


@cache
def _dialogue_words() -> frozenset[str]:
    """Every word of the dialogue's own phrasings (``dialogue/data/*.toml``): words it places, never respelled."""
    from dialogue.datafiles import read_toml
    from dialogue.phrasebook import DATA

    out: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, str):
            out.update(re.findall(r"[a-z']+", x.lower()))
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for path in sorted(DATA.glob("*.toml")):
        walk(read_toml(path))
    return frozenset(out)


def _singular(word: str) -> str:
    """A plain English plural's singular, for comparing names ("lattes" -> "latte", "boxes" -> "box")."""
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
