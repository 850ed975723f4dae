"""The answer to "Shall I place the order?" as its own strict decision (a confirmation slot).

Only a reply that is nothing but a yes confirms: every word of it is an affirmation phrase or a filler
word, and there is no question mark. Anything that negates, hedges, asks, cancels, changes or adds —
anywhere in the reply — makes it something else, and the policy acts on it as what it is or asks again.
The phrasings are data (``dialogue/data/confirm.toml``), validated when loaded.

    >>> decide("yes please").places
    True
    >>> decide("yeah no").verdict
    <Verdict.UNCLEAR: 'unclear'>
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from dialogue.datafiles import PhraseDataError, read_toml
from dialogue.noise_tags import without_tags
from dialogue.normalize import MAX_CHARS, tokens

DATA = Path(__file__).resolve().parent / "data" / "confirm.toml"


class Verdict(enum.StrEnum):
    AFFIRM = "affirm"  # says yes (and maybe more: see ``Confirmation.also``)
    DENY = "deny"  # says no or cancels, and no yes
    UNCLEAR = "unclear"  # neither, or both ("yeah no"), or a hedge or a question about the order


class Also(enum.StrEnum):
    """What else a reply does besides yes or no."""

    ASKS = "asks"  # a question ("yes?", "is that with tax")
    HEDGES = "hedges"  # "wait", "hang on", "maybe"
    CANCELS = "cancels"  # "cancel", "forget it", "too expensive"
    NEGATES = "negates"  # "not", "but", "except", "instead", "add", "more"
    MORE = "more"  # words of no table: a product, an option, a count — the turn says something else too


_TABLES = ("affirm", "deny", "cancel", "hedge", "pause", "ask", "negate", "acknowledge", "unchanged", "courtesy",
           "room", "smalltalk", "dictated", "irked", "follow", "filler")
_FLAG = {"cancel": Also.CANCELS, "hedge": Also.HEDGES, "ask": Also.ASKS, "negate": Also.NEGATES}


@dataclass(frozen=True)
class Confirmation:
    """The reading of one reply to a read-back.

    ``places`` is the only thing that may place an order: a yes with nothing else in it.
    """

    verdict: Verdict
    also: frozenset[Also] = frozenset()
    # a yes read past an aside or a story told before it ("sorry, my kid was talking - yes that's right"): it
    # places only when the turn names no product, option, count or order type (the policy checks the parse)
    aside: bool = False
    # not a clear yes, but a story that ends on one ("I was going to get a scone too but honestly yeah, go ahead"):
    # what the story names is not an order (the policy asks yes or no again rather than add it)
    story_then_yes: bool = False
    # words said to someone else in the room ("no not you honey", [elsewhere]): no answer, and nothing in it is an
    # order or a change (the policy asks again)
    elsewhere: bool = False

    @property
    def places(self) -> bool:
        return self.verdict == Verdict.AFFIRM and not self.also

    @property
    def echo(self) -> bool:
        """A yes said with words of no table and nothing against it but a join ("yes two lattes and a muffin",
        "thirteen eighty yes", "yes all three"): the words may be the order said back, which only the session can
        check against the cart read back (:func:`dialogue.echo.restates`). Never a place on its own."""
        return self.verdict == Verdict.AFFIRM and Also.MORE in self.also and self.also <= {Also.MORE, Also.NEGATES} \
            and not (self.aside or self.story_then_yes or self.elsewhere)

    @property
    def plain_no(self) -> bool:
        """A no (or a cancel) and nothing more to act on."""
        return self.verdict == Verdict.DENY and Also.MORE not in self.also


@dataclass(frozen=True)
class Aside:
    """An aside before the yes (``[aside]`` in confirm.toml): openers, the joins a story ends on, the words that
    tell rather than ask, phrases read as aside words, the longest aside in words, the words of a term of the
    order (a name, payment, pickup) that make an aside no aside, and openers that ask someone else ("let me ask
    him"): after one, the aside must tell what they said ("he says") before the yes; and the words that end an aside
    said to someone else by turning back to the clerk ("sorry about that", "back to you", "sorry that was my
    daughter"): an aside ending on one need not tell; and of those, the ones that say the aside was said to someone
    else ("sorry that was my daughter", "back to you"): what it holds is no answer to the clerk."""

    openers: frozenset[tuple[str, ...]] = frozenset()
    joins: frozenset[tuple[str, ...]] = frozenset()
    told: frozenset[str] = frozenset()
    clauses: frozenset[tuple[str, ...]] = frozenset()
    longest: int = 0
    terms: frozenset[str] = frozenset()
    asks: frozenset[tuple[str, ...]] = frozenset()
    back: frozenset[tuple[str, ...]] = frozenset()
    others: frozenset[tuple[str, ...]] = frozenset()
    doubts: frozenset[tuple[str, ...]] = frozenset()  # "i think", "i reckon": a doubt before a yes clause of its own
    yeses: frozenset[str] = frozenset()  # bare yes words that open that clause, or may stand before the doubt

    @property
    def joins_words(self) -> frozenset[str]:
        """The one-word joins ("and", "so")."""
        return frozenset(j[0] for j in self.joins if len(j) == 1)

    @classmethod
    def load(cls, path: Path, raw: object) -> Aside:
        if raw is None:
            return cls()
        keys = ("openers", "joins", "told", "clauses", "terms", "asks", "who", "whose", "nearby", "doubts", "yeses")
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), list) for k in (*keys, "relayed", "back", "others")) \
                or not isinstance(raw.get("longest"), int) or set(raw) != {*keys, "relayed", "back", "others", "longest"} \
                or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for k in keys for w in raw[k]) \
                or not all(isinstance(w, str) and w.count("{who}") == 1
                           and " ".join(tokens(w.replace("{who}", "x"))) == w.replace("{who}", "x") for w in raw["relayed"]) \
                or not all(isinstance(w, str) and w.count("{who}") <= 1
                           and " ".join(tokens(w.replace("{who}", "x"))) == w.replace("{who}", "x")
                           for w in (*raw["back"], *raw["others"])):
            raise PhraseDataError(f"{path}: [aside] needs lists {', '.join(keys)} of normalised words, 'relayed' of "
                                  "normalised words with one {who}, 'back' and 'others' with at most one {who}, and 'longest'")
        def phrases(key: str) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(tokens(w)) for w in raw[key])

        # "{who} says" with each relation, bare or after each of 'whose': "mum says", "my dad said", "the boss said"
        people = [*raw["who"], *(f"{o} {w}" for o in raw["whose"] for w in raw["who"])]
        relayed = frozenset(tuple(tokens(t.replace("{who}", p))) for t in raw["relayed"] for p in people)
        # "sorry that was my daughter", "sorry that was the driver": each of 'back' with each relation or one 'nearby'
        near = [*people, *raw["nearby"], *(f"{o} {w}" for o in raw["whose"] for w in raw["nearby"])]
        def turned(key: str) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(tokens(t.replace("{who}", p))) for t in raw[key] for p in (near if "{who}" in t else [""]))

        others = turned("others")
        return cls(phrases("openers") | relayed, phrases("joins"), frozenset(raw["told"]), phrases("clauses"),
                   raw["longest"], frozenset(raw["terms"]), phrases("asks"), turned("back") | others, others,
                   phrases("doubts"), frozenset(raw["yeses"]))


@dataclass(frozen=True)
class Phrases:
    """Phrase tables by name; each phrase a tuple of normalised tokens."""

    tables: Mapping[str, frozenset[tuple[str, ...]]]
    longest: int
    unfinished: frozenset[str] = frozenset()  # a reply ending on one of these broke off ("yes and")
    bare_no: frozenset[str] = frozenset()  # a no that, before a closing, answers "is that all?" ("no, that's it")
    closing: frozenset[tuple[str, ...]] = frozenset()
    marker: frozenset[str] = frozenset()  # "no yeah" opening a reply: heard and agreeing, a yes only with one after
    # yeses that may only say "heard" ("ok", "alright"): with a closing that is no yes alone ("ok that's all") no yes
    weak: frozenset[tuple[str, ...]] = frozenset()
    irony: frozenset[str] = frozenset()  # a yes said again after one of these is irony ("perfect, just perfect")
    heard: frozenset[tuple[str, ...]] = frozenset()  # a yes that alone only says heard ("right")
    elsewhere: frozenset[tuple[str, ...]] = frozenset()  # said to someone else in the room ("not you")
    address: frozenset[str] = frozenset()  # a term of address opening a reply: said to someone else ("darling yes")
    linking: frozenset[str] = frozenset()  # a yes ending on one of these ("i am") makes a [follow] word its predicate
    predicates: frozenset[str] = frozenset()  # yes words only first or after a yes ("done"; not "i am done", "well done")
    # a request to place ("can you put it through"): an opener of ``requests`` right before an act of ``acts``
    requests: frozenset[tuple[str, ...]] = frozenset()
    acts: frozenset[tuple[str, ...]] = frozenset()
    # a yes that is also a request's courtesy ("one large pie please"): a reply whose only yeses are these asks for what
    # it names, no yes with the order said back otherwise (dialogue/said_back.py)
    polite: frozenset[tuple[str, ...]] = frozenset()

    aside: Aside = field(default_factory=lambda: Aside())
    merged: frozenset[str] = frozenset()  # yes words a phone line runs into the next word ("yesplease", "goahead")
    echo: frozenset[tuple[str, ...]] = frozenset()  # the question said back before a yes ("shall i? yes")
    # a yes, one of these, then another yes is sarcasm ("oh sure like that's right": as if that's right)
    as_if: frozenset[str] = frozenset()
    # the read-back's own question said back with no question mark before a yes ("is that right yes that's right")
    unasked: frozenset[tuple[str, ...]] = frozenset()
    # weak assent ("sounds about right", "it seems alright"): a reply whose every yes is one of these is asked again
    assent: frozenset[tuple[str, ...]] = frozenset()
    topics: frozenset[str] = frozenset()  # a remark after a clear yes about one of these is small talk ("the sun's out")
    remark_asks: frozenset[tuple[str, ...]] = frozenset()  # a remark with one of these asks ("can i sit outside")
    # a child's word for a parent opening or ending a reply ("mummy can i have a cookie", "i want the chocolate one
    # mummy"): said to the parent, not to the shop, so no answer and no order (round 18)
    parents: frozenset[str] = frozenset()
    # a word passed on to the staff ("tell the barista ...", "say hi to the team ..."): what follows to the end of the
    # reply is a message, no order ("tell the barista she makes the best lattes in town": no latte; round 19)
    messages: frozenset[tuple[str, ...]] = frozenset()
    # words that say what a yes meant ("yes as in place it", "yes meaning i'm listening"): what follows is the answer
    # (round 20: "yes as in yes i heard you" only says heard)
    explains: frozenset[tuple[str, ...]] = frozenset()
    # the end of a yes word whose start the recogniser cut ("es please", "eah go ahead"): said with a yes only
    # before one a clerk still hears whole, not a lone word that begins an act ("es place": no word whole, round 20)
    clipped: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = DATA) -> Phrases:
        raw = read_toml(path)
        tables: dict[str, frozenset[tuple[str, ...]]] = {}
        seen: dict[tuple[str, ...], str] = {}
        for name in _TABLES:
            section = raw.get(name)
            key = "words" if name == "filler" else "phrases"
            if not isinstance(section, dict) or not isinstance(section.get(key), list):
                raise PhraseDataError(f"{path}: [{name}] needs a list '{key}'")
            entries: set[tuple[str, ...]] = set()
            listed = list(section[key])
            if name == "courtesy":  # "{thanks} indeed": a thanks said more strongly, no yes ("thanks very much indeed")
                thanks, boosts = section.get("thanks", []), section.get("intensifiers", [])
                if not isinstance(thanks, list) or not isinstance(boosts, list) \
                        or not all(isinstance(w, str) and w for w in (*thanks, *boosts)):
                    raise PhraseDataError(f"{path}: [courtesy] 'thanks' and 'intensifiers' need lists of phrases")
                listed += [f"{t} {b}" for t in thanks for b in boosts]
            if name == "affirm":  # "tell {staff} to {start}": consent said as an instruction to the staff (round 15)
                listed += _instructions(path, section)
            if name == "unchanged":  # "no {extra} thanks" with each extra not offered: "no bag thanks", "no straws"
                forms, extras = section.get("declined", []), section.get("extras", [])
                if not isinstance(forms, list) or not isinstance(extras, list) \
                        or not all(isinstance(f, str) and f.count("{extra}") == 1 for f in forms):
                    raise PhraseDataError(f"{path}: [unchanged] 'declined' needs phrases with one {{extra}}")
                listed += [f.replace("{extra}", x) for f in forms for x in extras]
            for phrase in listed:
                if not isinstance(phrase, str) or not phrase.strip():
                    raise PhraseDataError(f"{path}: [{name}] has an empty or non-text entry {phrase!r}")
                toks = tuple(tokens(phrase))
                if " ".join(toks) != phrase.strip():
                    raise PhraseDataError(f"{path}: [{name}] {phrase!r} is not in normal form (write {' '.join(toks)!r})")
                if name == "filler" and len(toks) != 1:
                    raise PhraseDataError(f"{path}: [filler] takes single words, not {phrase!r}")
                if toks in seen:
                    where = f"twice in [{name}]" if seen[toks] == name else f"in both [{seen[toks]}] and [{name}]"
                    raise PhraseDataError(f"{path}: {phrase!r} is {where}")
                seen[toks] = name
                entries.add(toks)
            tables[name] = frozenset(entries)
        topics, asks = raw["smalltalk"].get("topics", []), raw["smalltalk"].get("asks", [])
        if not isinstance(topics, list) or not all(isinstance(w, str) and tokens(w) == [w] for w in topics) \
                or not isinstance(asks, list) or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for w in asks):
            raise PhraseDataError(f"{path}: [smalltalk] 'topics' must be single normalised words, 'asks' normalised words")
        unknown = set(raw) - set(_TABLES) - {"unfinished", "closing", "aside", "irony", "address", "linking", "request", "heard",
                                                                      "elsewhere", "merged", "echo"}
        if unknown:
            raise PhraseDataError(f"{path}: unknown tables {sorted(unknown)}")
        ends, irony = raw.get("unfinished", {"words": []}), raw.get("irony", {"words": []})
        merged = raw.get("merged", {"words": []})
        address, linking = raw.get("address", {"words": []}), raw.get("linking", {"words": []})
        for name, table in (("unfinished", ends), ("irony", irony), ("address", address), ("linking", linking),
                            ("merged", merged)):
            if not isinstance(table, dict) or not isinstance(table.get("words"), list) \
                    or not all(isinstance(w, str) and w and tokens(w) == [w] for w in table["words"]):
                raise PhraseDataError(f"{path}: [{name}] needs a list 'words' of single normalised words")
        as_if = irony.get("as_if", [])
        if not isinstance(as_if, list) or not all(isinstance(w, str) and tokens(w) == [w] for w in as_if):
            raise PhraseDataError(f"{path}: [irony] 'as_if' must be single normalised words")
        as_if = frozenset(as_if)
        predicates = linking.get("predicates", [])
        if not isinstance(predicates, list) or not all(isinstance(w, str) and tokens(w) == [w] for w in predicates):
            raise PhraseDataError(f"{path}: [linking] 'predicates' must be single normalised words")
        keys = ("no", "phrases", "marker", "weak")
        close = raw.get("closing", dict.fromkeys(keys, []))
        if not isinstance(close, dict) or not all(isinstance(close.get(k), list) for k in keys) \
                or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for k in keys for w in close[k]):
            raise PhraseDataError(f"{path}: [closing] needs lists {', '.join(map(repr, keys))} of normalised words")
        request = raw.get("request", {"openers": [], "acts": []})
        if not isinstance(request, dict) or not {"openers", "acts"} <= set(request) <= {"openers", "acts", "polite"} \
                or not all(isinstance(request[k], list) for k in request) \
                or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for k in request for w in request[k]):
            raise PhraseDataError(f"{path}: [request] needs lists 'openers' and 'acts' (and 'polite') of normalised words")
        polite = frozenset(tuple(tokens(p)) for p in request.get("polite", []))
        if polite - tables["affirm"]:
            raise PhraseDataError(f"{path}: [request] polite must be [affirm] phrases: {sorted(polite - tables['affirm'])}")
        heard, elsewhere = raw.get("heard", {"phrases": []}), raw.get("elsewhere", {"phrases": []})
        echo = raw.get("echo", {"phrases": []})
        for name, table in (("heard", heard), ("elsewhere", elsewhere), ("echo", echo)):
            if not isinstance(table, dict) or not isinstance(table.get("phrases"), list) \
                    or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for w in table["phrases"]):
                raise PhraseDataError(f"{path}: [{name}] needs a list 'phrases' of normalised words")
        parents = elsewhere.get("parents", [])
        if not isinstance(parents, list) or not all(isinstance(w, str) and tokens(w) == [w] for w in parents):
            raise PhraseDataError(f"{path}: [elsewhere] 'parents' must be single normalised words")
        unasked = echo.get("unasked", [])
        if not isinstance(unasked, list) or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for w in unasked):
            raise PhraseDataError(f"{path}: [echo] 'unasked' needs a list of normalised words")
        assent = heard.get("assent", [])
        if not isinstance(assent, list) or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for w in assent):
            raise PhraseDataError(f"{path}: [heard] 'assent' needs a list of normalised words")
        assent = frozenset(tuple(tokens(p)) for p in assent)
        if assent - tables["affirm"]:
            raise PhraseDataError(f"{path}: [heard] assent must be [affirm] phrases: {sorted(assent - tables['affirm'])}")
        explains, clipped = heard.get("explains", []), raw["filler"].get("clipped", [])
        if not isinstance(explains, list) or not all(isinstance(w, str) and w and " ".join(tokens(w)) == w for w in explains) \
                or not isinstance(clipped, list) or not all(isinstance(w, str) and tokens(w) == [w] for w in clipped):
            raise PhraseDataError(f"{path}: [heard] 'explains' needs normalised words, [filler] 'clipped' single words")
        if set(clipped) - {w for (w,) in tables["filler"]}:
            raise PhraseDataError(f"{path}: [filler] clipped must be [filler] words: {sorted(set(clipped))}")
        weak = frozenset(tuple(tokens(p)) for p in close["weak"])
        if weak - tables["affirm"]:
            raise PhraseDataError(f"{path}: [closing] weak yeses must be [affirm] phrases: {sorted(weak - tables['affirm'])}")
        return cls(tables, max(len(p) for p in seen), frozenset(ends["words"]), frozenset(close["no"]),
                   frozenset(tuple(tokens(p)) for p in close["phrases"]), frozenset(close["marker"]), weak,
                   frozenset(irony["words"]), frozenset(tuple(tokens(p)) for p in heard["phrases"]),
                   frozenset(tuple(tokens(p)) for p in elsewhere["phrases"]),
                   frozenset(address["words"]), frozenset(linking["words"]), frozenset(predicates),
                   frozenset(tuple(tokens(p)) for p in request["openers"]),
                   frozenset(tuple(tokens(p)) for p in request["acts"]), polite, Aside.load(path, raw.get("aside")),
                   frozenset(merged["words"]), frozenset(tuple(tokens(p)) for p in echo["phrases"]), as_if,
                   frozenset(tuple(tokens(p)) for p in unasked), assent, frozenset(topics),
                   frozenset(tuple(tokens(p)) for p in asks), frozenset(parents),
                   _messages(path, raw["smalltalk"], raw["affirm"]),
                   frozenset(tuple(tokens(p)) for p in explains), frozenset(clipped))

    def ironic(self, cover: list[tuple[str, tuple[str, ...]]]) -> bool:
        """A yes said, then an irony word, then the same yes again ("fantastic, just fantastic"): a sigh, no yes; or a
        yes, an [irony] 'as_if' word and another yes ("oh sure like that's right"): sarcasm."""
        if any(a == ("affirm", c[1]) and len(b[1]) == 1 and b[1][0] in self.irony
               for a, b, c in zip(cover, cover[1:], cover[2:], strict=False) if c[0] == "affirm"):
            return True
        # a yes, an [irony] 'as_if' word, then (past fillers) another yes: sarcasm ("oh sure like that's right",
        # "yeah like that's all i wanted": as if it were); the same yes again is a yes said twice ("yes like yes (go
        # ahead)")
        for i, (_, phrase) in enumerate(cover[1:-1], 1):
            if cover[i - 1][0] != "affirm" or phrase not in {(w,) for w in self.as_if}:
                continue
            then = next((p for p in cover[i + 1:] if p[0] != "filler"), None)
            if then is not None and then[0] == "affirm" and then[1][:len(cover[i - 1][1])] != cover[i - 1][1]:
                return True
        return False

    def cut_in_a_word(self, cover: list[tuple[str, tuple[str, ...]]]) -> bool:
        """The reply ends partway through the last word of a yes phrase ("yes go ah" for "yes go ahead"): a last
        word that is a filler or of no table, the words before it begin the phrase and it begins, but is not, that
        phrase's next word."""
        words = [w for _, phrase in cover for w in phrase]
        if len(words) < 2 or cover[-1][0] not in ("filler", ""):
            return False
        last = words[-1]
        return any(nxt != last and nxt.startswith(last)
                   for k in range(1, min(len(words), self._yes_begun_longest + 1))
                   for nxt in self._yes_next_words.get(tuple(words[-1 - k:-1]), ()))

    @cached_property
    def _yes_next_words(self) -> Mapping[tuple[str, ...], frozenset[str]]:
        """Each proper beginning of a yes phrase ([affirm], [follow]) and the words that may come next in one."""
        out: dict[tuple[str, ...], set[str]] = {}
        for phrase in (*self.tables["affirm"], *self.tables["follow"]):
            for k in range(1, len(phrase)):
                out.setdefault(phrase[:k], set()).add(phrase[k])
        return {begun: frozenset(nexts) for begun, nexts in out.items()}

    @cached_property
    def _yes_begun_longest(self) -> int:
        return max(map(len, self._yes_next_words), default=0)

    @cached_property
    def words_of_phrases(self) -> frozenset[str]:
        """The words of every table's phrases; a single letter only where it is a phrase alone ("k")."""
        return frozenset(w for table in self.tables.values() for p in table for w in p if len(w) > 1 or p == (w,))

    def only_polite(self, toks: Sequence[str]) -> bool:
        """Every yes of the reply is a request's courtesy ("one large pie with pepperoni please"), and there is one."""
        yeses = [phrase for table, phrase in self.cover(toks) if table == "affirm"]
        return bool(yeses) and all(p in self.polite for p in yeses)

    def only_heard(self, cover: list[tuple[str, tuple[str, ...]]]) -> bool:
        """Every yes of the reply is one that may only say "heard" ("ok", "alright"), and the reply closes the
        order with words that are no yes on their own ("ok that's all", "alright that's everything"): "I'm done
        ordering", not "place it"; or it says it heard in other words too ("ok i hear you", "fine noted")."""
        yeses = [phrase for table, phrase in cover if table == "affirm"]
        if not yeses or any(p not in self.weak for p in yeses):
            return False
        if any(table == "acknowledge" for table, _ in cover):
            return True
        words: list[str] = []
        yes_at: set[int] = set()  # words inside a yes ("that's all right": "all right" is the yes, no closing)
        for table, phrase in cover:
            if table == "affirm":
                yes_at.update(range(len(words), len(words) + len(phrase)))
            words.extend(phrase)
        return any(c not in self.tables["affirm"] and any(
            tuple(words[i:i + len(c)]) == c and yes_at.isdisjoint(range(i, i + len(c))) for i in range(len(words)))
            for c in self.closing)

    def closed(self, cover: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
        """The cover with each bare no that answers "is that all?" read as [unchanged], together with what it
        answers: an [unchanged] piece ("nope, nothing to add") or a closing made of whole pieces ("no, that's it"),
        or the "no yeah" of a yes. Only a no that opens the reply ("yeah no, that's it" is no yes)."""
        out = list(cover)
        said = [(k, p) for k, p in enumerate(out) if p[0] not in ("pause", "filler")]
        if len(said) > 3 and said[0][1][0] == "affirm" and len(said[0][1][1]) == 1 and said[0][1][1][0] in self.marker \
                and said[1][1][0] == "deny" and " ".join(said[1][1][1]) in self.bare_no \
                and said[2][1][0] == "affirm" and any(t == "affirm" and any(p[-len(a):] == a for a in self.acts)
                                                      for t, p in out[said[2][0] + 1:]):
            # "yeah no that's spot on go ahead", "yeah no definitely go ahead": the "yeah no" of a yes said again with
            # a go-ahead after it ("yeah no" alone, "yeah nah all good", "yeah no i'll leave it" stay what they are)
            for k, p in said[:2]:
                out[k] = ("unchanged", p[1])
            return out
        for i, (table, phrase) in enumerate(out[:-1]):
            if any(t not in ("pause", "filler") for t, _ in out[:i]):
                break
            if table != "deny" or " ".join(phrase) not in self.bare_no:
                continue
            if out[i + 1][0] == "affirm" and len(out[i + 1][1]) == 1 and out[i + 1][1][0] in self.marker:
                out[i:i + 2] = [("unchanged", p) for _, p in out[i:i + 2]]
                break
            if out[i + 1][0] == "unchanged":
                out[i] = ("unchanged", phrase)
                continue
            words: tuple[str, ...] = ()
            for j in range(i + 1, len(out)):
                words += out[j][1]
                if words in self.closing:
                    out[i:j + 1] = [("unchanged", p) for _, p in out[i:j + 1]]
                    break
                if not any(c[:len(words)] == words for c in self.closing):
                    break
        return out

    def cover(self, toks: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
        """The reply as (table, phrase) pieces: the reading with the fewest words of no table, then the
        fewest pieces (longer phrases win: "i do not" over "i do" + "not"). Words of no table come as
        ("", (word,))."""
        n = len(toks)
        # best[i] = (unknown words, pieces, piece) for the cheapest cover of toks[i:]
        best: list[tuple[int, int, tuple[str, tuple[str, ...]] | None]] = [(0, 0, None)] * (n + 1)
        for i in range(n - 1, -1, -1):
            unknown, count, _ = best[i + 1]
            choice: tuple[int, int, tuple[str, tuple[str, ...]] | None] = (unknown + 1, count + 1, ("", (toks[i],)))
            for size in range(1, min(self.longest, n - i) + 1):
                piece = tuple(toks[i:i + size])
                table = next((t for t in _TABLES if piece in self.tables[t]), None)
                if table is not None:
                    u, c, _ = best[i + size]
                    if (u, c + 1) <= choice[:2]:  # a tie goes to the longer phrase
                        choice = (u, c + 1, (table, piece))
            best[i] = choice
        out: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < n:
            step = best[i][2]
            assert step is not None
            out.append(step)
            i += len(step[1])
        return out


def _messages(path: Path, smalltalk: Mapping[str, object], affirm: Mapping[str, object]) -> frozenset[tuple[str, ...]]:
    """[smalltalk] 'messages' with each of [affirm] 'staff' for {staff} ("tell the barista", "say hi to the team")."""
    forms, staff = smalltalk.get("messages", []), affirm.get("staff", [])
    if not isinstance(forms, list) or not isinstance(staff, list) \
            or not all(isinstance(f, str) and f.count("{staff}") == 1 for f in forms):
        raise PhraseDataError(f"{path}: [smalltalk] 'messages' needs phrases with one {{staff}}")
    return frozenset(tuple(tokens(f.replace("{staff}", who))) for f in forms for who in staff)


def _instructions(path: Path, section: Mapping[str, object]) -> list[str]:
    """The [affirm] phrases made from 'instructed': each form with each of 'staff' for {staff} and each of 'start' and
    'started' for {start} and {started} ("tell the barista to start", "get the kitchen on it")."""
    lists: dict[str, list[str]] = {}
    for key in ("instructed", "staff", "start", "started"):
        value = section.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise PhraseDataError(f"{path}: [affirm] '{key}' needs a list of phrases")
        lists[key] = value
    if not all(f.count("{staff}") == 1 for f in lists["instructed"]):
        raise PhraseDataError(f"{path}: [affirm] 'instructed' needs phrases with one {{staff}}")
    out: list[str] = []
    for form in lists["instructed"]:
        for who in lists["staff"]:
            made = form.replace("{staff}", who)
            slot = next((k for k in ("start", "started") if "{" + k + "}" in made), None)
            out += [made.replace("{" + slot + "}", act) for act in lists[slot]] if slot else [made]
    return out


@cache
def phrases() -> Phrases:
    return Phrases.load()


@cache
def filler_words() -> frozenset[str]:
    """The [filler] words: said with a yes, they add nothing to it ("[cough] yes": a cough tag read as its word)."""
    return frozenset(w for (w,) in phrases().tables["filler"])


# A contracted verb never ends a sentence ("yes I am" may, "yes I'm" may not): a reply ending on one broke off.
_CUT_OFF = re.compile(r"(?:\bi['’]m|\b\w+['’](?:re|ve|ll|d)|\b(?:it|that|there|here|what|he|she|who|let)['’]s)\W*$",
                      re.IGNORECASE)


def decide(text: str, toks: Sequence[str] | None = None) -> Confirmation:
    """Read a reply to "Shall I place the order?" (``toks``: its normalised tokens, if already made)."""
    if len(text) > MAX_CHARS:  # only the start would be read: a yes there says nothing of the rest
        return Confirmation(Verdict.UNCLEAR, frozenset({Also.MORE}))
    book = phrases()
    if (heard := without_tags(text, filler_words())) != text:
        text, toks = heard, None  # "[music] yes place it": a recogniser's tag for a sound is no word of the reply
    head, mark, tail = text.partition("?")
    if mark and tuple(tokens(head)) in book.echo and "?" not in tail and tokens(tail):
        said = decide(tail)  # "shall i? yes", "place the order? yes please": the question echoed, then the answer
        if said.places:
            return said
    if not mark:  # "is that right yes that's right", "say yes yes": the read-back's question said back, then the yes
        said_back = tokens(text)
        e = max((len(e) for e in book.unasked if tuple(said_back[:len(e)]) == e), default=0)
        if e and said_back[e:] and decide(" ".join(said_back[e:])).places:
            return decide(" ".join(said_back[e:]))
    words = _false_starts(book, _undoubled(_unmerged(book, list(toks) if toks is not None else tokens(text)),
                                           book.tables["deny"] | book.tables["affirm"]))
    words = _requested(book, words)
    meant = _explained(book, words, text)
    if meant is not None:
        return meant
    c = _read(book, words, text)
    if words and (words[0] in book.parents or words[-1] in book.parents):
        return Confirmation(c.verdict, c.also | {Also.HEDGES}, elsewhere=True)  # "mummy can i have a cookie"
    if c.places or "?" in text or _CUT_OFF.search(text):
        return c
    after = _after_aside(book, words)
    if after is None and (_doubt_then_yes(book, words) or _yes_then_small_talk(book, words)
                          or _yes_then_message(book, words)):
        after = "clean"
    if after != "clean" and any(tuple(words[:len(e)]) == e for e in book.elsewhere):
        return Confirmation(c.verdict, c.also | {Also.HEDGES}, elsewhere=True)  # "no not you honey": to someone else
    if after == "clean":  # "sorry, my kid was talking - yes that's right": a yes once the aside is read past
        return Confirmation(Verdict.AFFIRM, aside=True)
    if after == "story":
        return Confirmation(c.verdict, c.also, story_then_yes=True)
    return c


# Tables whose words are said as a yes idiom or with one, never as a choice or a product.
_AS_YES = frozenset({"affirm", "courtesy", "room", "smalltalk", "dictated", "irked"})


def said_as_yes(toks: Sequence[str], *, shortest: int = 1) -> frozenset[int]:
    """The positions of ``toks`` inside an [affirm], a [courtesy] or a [room] phrase: words said as a yes idiom, a
    courtesy or to someone in the room, not as a choice or a product ("yeah grand" is no size grande, "sweet as" no sweetener, "let's roll" no
    cinnamon roll, "thanks for being patient" no paint, "stay warm out there" no warmed muffin, "are you deaf yes" no
    decaf: [irked], a yes said again with irritation). With ``shortest`` 2, a phrase of one word is left out: "sweet"
    alone may be a yes, but in "make it sweet", a reply that is no yes, it is the choice."""
    book = phrases()
    out: set[int] = set()
    i = 0
    for table, phrase in book.cover(toks):
        if table in _AS_YES and len(phrase) >= shortest:
            out.update(range(i, i + len(phrase)))
        i += len(phrase)
    told = next((k for k in range(1, len(toks)) for m in book.messages if tuple(toks[k:k + len(m)]) == m
                 and toks[k + len(m):k + len(m) + 1] != ["to"]), None)  # ("tell the barista to make it decaf" asks)
    if told is not None and set(range(told)) <= out | {told - 1}:
        out.update(range(told, len(toks)))  # "yes please and tell the barista she makes the best lattes in town"
    return frozenset(out)


def said_as_idiom(toks: Sequence[str], *, shortest: int = 1) -> frozenset[int]:
    """The positions of :func:`said_as_yes`, and those inside a [deny] phrase of two words or more: words said as an
    idiom of the answer ("ah no you're grand" is no size grande), never a choice or a product. ``shortest`` as for
    :func:`said_as_yes`."""
    out: set[int] = set(said_as_yes(toks, shortest=shortest))
    i = 0
    for table, phrase in phrases().cover(toks):
        if table == "deny" and len(phrase) > 1:
            out.update(range(i, i + len(phrase)))
        i += len(phrase)
    return frozenset(out)


def verdicts(toks: Sequence[str]) -> dict[tuple[int, int], str]:
    """The yeses and noes of ``toks`` as (start, end) spans to "affirm" or "deny": "lattes yes, muffin no" says one
    of each, right after a product named (a verdict per line of the order read back, not an order)."""
    out: dict[tuple[int, int], str] = {}
    i = 0
    for table, phrase in phrases().cover(toks):
        if table in ("affirm", "deny"):
            out[(i, i + len(phrase))] = table
        i += len(phrase)
    return out


def _after_aside(book: Phrases, words: list[str]) -> str | None:
    """"clean" when the reply is an aside (an opener, or a story ending on a join) and then a clear yes to the end,
    the aside telling rather than asking and holding no table word against a yes; "story" when only the last part
    fails ("I was going to get a scone too but honestly yeah, go ahead"); else None."""
    aside = book.aside
    opener = max((len(o) for o in aside.openers | aside.asks if tuple(words[:len(o)]) == o), default=0)
    asked = tuple(words[:opener]) in aside.asks  # "let me ask him - he says go ahead": what he said is told
    best: str | None = None
    for k in range(opener, min(len(words), opener + aside.longest + 1)):
        rest, mid = words[k:], words[opener:k]
        # (the yes may open on a pause or a filler: "... on the way over and um yeah that's exactly it yes place it")
        if not rest or not _read(book, rest, " ".join(rest)).places \
                or next((t for t, _ in book.cover(rest) if t not in ("pause", "filler")), "") != "affirm":
            continue
        join = max((len(j) for j in aside.joins | aside.back if len(j) <= len(mid) and tuple(mid[len(mid) - len(j):]) == j),
                   default=0)
        said = mid[:len(mid) - join]
        # turned back to the clerk ("tyler get off the counter - sorry about that - yes go ahead"): what was said to
        # someone else need not tell, but may still hold no word against a yes and no term of the order
        back = join > 0 and tuple(mid[len(mid) - join:]) in aside.back
        for clause in sorted(aside.clauses, key=lambda c: (-len(c), c)):  # "sorry, bad line": the aside's words
            said = _without(said, clause)
        if opener == 0 and not join or (said and not back or asked) and not aside.told & set(mid) \
                or aside.terms & set(mid):
            continue  # a story ends on a join ("..., so yes"), and any aside tells ("my kid was talking") of no
            # term of the order ("my name is sam so yes": a name the read-back did not say)
        # the join itself is no change: "sorry you cut out there but yes go ahead"
        pieces = {table for table, _ in book.cover(said)}
        if back and tuple(mid[len(mid) - join:]) in aside.others and not asked:
            return "clean"  # "no you can't have a biscuit - sorry, that was my daughter - yes place it": not to the clerk
        if not pieces & {"deny", "cancel", "hedge", "ask", "negate", "unchanged"}:
            return "clean"
        if not pieces & {"deny", "cancel"}:
            best = "story"
    return best


_AGAINST = frozenset({"deny", "cancel", "hedge", "ask", "negate"})


def _explained(book: Phrases, words: list[str], text: str) -> Confirmation | None:
    """A yes, then words that say what it meant ([heard] 'explains': "as in", "meaning"), then the meaning: the answer
    is the meaning. One that says heard or listening ([acknowledge], [heard]: "yes as in yes i heard you", "yes meaning
    i'm listening") is no yes to placing; one that is a clear yes ("yes as in place it") places. None when the reply
    explains no yes."""
    for k in range(1, len(words)):
        e = max((len(x) for x in book.explains if tuple(words[k:k + len(x)]) == x), default=0)
        head, meaning = words[:k], words[k + e:]
        if not e or not meaning or not _read(book, head, " ".join(head)).places:
            continue
        pieces = book.cover(meaning)
        if any(t == "acknowledge" or p in book.heard for t, p in pieces) or _CUT_OFF.search(text):
            return Confirmation(Verdict.UNCLEAR, frozenset({Also.HEDGES}))
        said = _read(book, meaning, " ".join(meaning))
        return said if said.places or said.verdict != Verdict.AFFIRM else None
    return None


def _doubt_then_yes(book: Phrases, words: list[str]) -> bool:
    """A doubt whether the order is complete or right, then a yes clause of its own: "i think that's the lot yes place
    it", "hmm i reckon that's everything yep go ahead". Before the doubt only pauses, fillers or a bare yes word; the
    doubt's words ([aside] 'doubts', then a closing or a yes) hold only yes, closing and filler words; the yes clause
    opens on a bare yes word ([aside] 'yeses') and is a clear yes on its own. "i guess go for it" and "i suppose
    that's right" are no such reply."""
    for start in range(len(words)):
        before = book.cover(words[:start]) if start else []
        if any(t not in ("pause", "filler") and not (t == "affirm" and p[0] in book.aside.yeses and len(p) == 1)
               for t, p in before):
            break
        doubt = max((len(d) for d in book.aside.doubts if tuple(words[start:start + len(d)]) == d), default=0)
        if not doubt:
            continue
        for k in range(start + doubt + 1, len(words)):
            if words[k] not in book.aside.yeses:
                continue
            mid, rest = words[start + doubt:k], words[k:]
            pieces = book.cover(mid)
            closes = any(tuple(mid[i:i + len(c)]) == c for c in book.closing for i in range(len(mid)))
            if all(t in ("affirm", "filler", "unchanged", "acknowledge") for t, _ in pieces) \
                    and (closes or any(t == "affirm" for t, _ in pieces)) and _read(book, rest, " ".join(rest)).places:
                return True
        return False
    return False


def _yes_then_small_talk(book: Phrases, words: list[str]) -> bool:
    """A clear yes, then a remark on the weather, the day or the week ([smalltalk] 'topics'): "yes please it's boiling
    out there today", "yeah send it the sun's finally out". The remark holds no no, cancel, wait, question or change
    word; the policy still checks that the turn names no product, choice or count (an aside)."""
    for k in range(len(words) - 1, 0, -1):
        head, rest = words[:k], words[k:]
        if len(rest) < 3 or not book.topics & set(rest) or book.topics & set(head):
            continue
        if _read(book, head, " ".join(head)).places and book.cover(head)[0][0] == "affirm":
            asks = any(tuple(words[i:i + len(a)]) == a for a in book.remark_asks for i in range(len(words)))
            return not asks and not any(t in _AGAINST for t, _ in book.cover(rest))
    return False


def _yes_then_message(book: Phrases, words: list[str]) -> bool:
    """A clear yes, then a word passed on to the staff to the end ([smalltalk] 'messages'): "yeah go ahead and say hi
    to the team for me". Not "tell the barista to ..." (asks for something), and the message holds no no, cancel, wait,
    question or change word; the policy still checks that the turn names no product, choice or count (an aside)."""
    for k in range(1, len(words)):
        m = next((m for m in book.messages if tuple(words[k:k + len(m)]) == m), None)
        if m is None:
            continue
        head, rest = words[:k], words[k + len(m):]
        while head and head[-1] in book.aside.joins_words:
            head = head[:-1]
        return bool(head) and rest[:1] != ["to"] and _read(book, head, " ".join(head)).places \
            and book.cover(head)[0][0] == "affirm" and not any(t in _AGAINST for t, _ in book.cover(rest))
    return False


def _without(words: list[str], phrase: tuple[str, ...]) -> list[str]:
    n = len(phrase)
    i = 0
    out: list[str] = []
    while i < len(words):
        if tuple(words[i:i + n]) == phrase:
            i += n
            continue
        out.append(words[i])
        i += 1
    return out


# Pieces said with an answer that add nothing to it: no yes, nothing against one.
_SAID_WITH = frozenset({"filler", "acknowledge", "unchanged", "courtesy", "room", "smalltalk", "dictated", "irked"})


def _read(book: Phrases, words: list[str], text: str) -> Confirmation:
    cover = book.closed(book.cover(words))
    pieces = [table for table, _ in cover]
    last_yes = max((i for i, t in enumerate(pieces) if t == "affirm"), default=-1)
    # a pause followed by a yes is the shopper looking at the order ("ok, let me see... yes, correct");
    # one the reply ends on, with no yes after it, is a hedge ("yes... let me check")
    found = {("filler" if i < last_yes else "hedge") if t == "pause" else t for i, t in enumerate(pieces)}
    # "yes go", "yep send", "yes carry on": a go-ahead word says yes only right after a yes; alone, first or
    # after other words it is a word of no table ("go back", "send me the menu", "yes to go")
    # ("i'm done" is "I am done ordering": after a yes that ends on a linking verb the word completes its clause)
    found = {t for t in found if t != "follow"} | {
        "filler" if i and pieces[i - 1] in ("affirm", "follow") and cover[i - 1][1][-1] not in book.linking else ""
        for i, t in enumerate(pieces) if t == "follow"}
    # a yes word of [linking] 'predicates' says yes only first or right after a yes that ends on no linking verb:
    # "done", "yep done" place; "i'm done", "it's done" (I am done ordering) and "well done" (a cooking) do not
    for i, (table, phrase) in enumerate(cover):
        if table == "affirm" and i and phrase[0] in book.predicates and not (
                pieces[i - 1] in ("affirm", "follow") and cover[i - 1][1][-1] not in book.linking):
            found.add("")
    # "got it", "oh okay": heard, not a yes; "no changes", "a receipt please": the order stays as read back;
    # "thanks for your patience", "happy holidays": a courtesy said with the answer
    # "yes please put your coat on love": a word to someone in the room said with the answer ([room])
    found = {"filler" if t in _SAID_WITH else t for t in found}
    also = {_FLAG[t] for t in found if t in _FLAG}
    said = [phrase for table, phrase in cover if table != "pause"]
    if (said and len(said[-1]) == 1 and said[-1][0] in book.unfinished or _CUT_OFF.search(text)) \
            and Also.ASKS not in also and "?" not in text:
        also.add(Also.HEDGES)  # "yes and", "ok the and um", "yes i'm": it breaks off before it is done
    if book.ironic(cover) or book.cut_in_a_word(cover):
        also.add(Also.HEDGES)  # "perfect just perfect": a sigh; "yes go ah": cut off inside "ahead"
    said_first = [(table, phrase) for table, phrase in cover if table != "pause"]
    if said_first and said_first[0][1] in book.heard and all(t in _SAID_WITH for t, _ in said_first[1:]):
        also.add(Also.HEDGES)  # "right", "right then": heard, no yes to placing ("the details are right" is one);
        # a thanks or a goodbye after it says no more ("right thanks see you later", round 15)
    yeses = [phrase for table, phrase in cover if table == "affirm"]
    if yeses and all(p in book.assent for p in yeses):
        also.add(Also.HEDGES)  # "sounds about right", "it seems alright": weak assent, no yes to charging money
    if said_first and said_first[0][1][0] in book.clipped and yeses and all(
            len(p) == 1 and any(a[0] == p[0] and len(a) > 1 for a in book.acts) for p in yeses):
        also.add(Also.HEDGES)  # "es place": a yes cut at the start, and its only yes a word that begins an act, cut too
    if words and words[0] in book.address and "affirm" in pieces:
        also.add(Also.HEDGES)  # "darling yes go on": a yes after a word to someone else may be to them
    if "" in found:
        also.add(Also.MORE)
    if "?" in text:
        also.add(Also.ASKS)
    yes, no = "affirm" in found, "deny" in found
    if "cancel" in found or no and not yes:  # "ok cancel", "okay forget it": a cancel outweighs an "ok"
        return Confirmation(Verdict.DENY, frozenset(also))
    if yes and no:  # "yeah no", "yes I mean no"
        return Confirmation(Verdict.UNCLEAR, frozenset(also))
    if yes and not also & {Also.HEDGES, Also.ASKS} and not book.only_heard(cover):
        return Confirmation(Verdict.AFFIRM, frozenset(also))
    return Confirmation(Verdict.UNCLEAR, frozenset(also))


def _requested(book: Phrases, words: list[str]) -> list[str]:
    """The reply with each request to place read as "place it": an opener of [request] right before one of its
    acts ("can you put it through", "would you mind placing it", "why don't you send it in"). The longest act
    after the longest opener; an opener before anything else ("could you not place it yet", "can you wait") stays
    as it is, an [ask]."""
    out: list[str] = []
    i = 0
    while i < len(words):
        step = 0
        for o in sorted(book.requests, key=len, reverse=True):
            if tuple(words[i:i + len(o)]) != o:
                continue
            act = max((len(a) for a in book.acts if tuple(words[i + len(o):i + len(o) + len(a)]) == a), default=0)
            if act:
                step = len(o) + act
                break
        if step:
            out += ["place", "it"]
            i += step
        else:
            out.append(words[i])
            i += 1
    return out


_Vocabulary = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]
_VOCABULARY: dict[int, tuple[Phrases, _Vocabulary]] = {}  # by id, with the book kept (so the id is never reused)


def _vocabulary(book: Phrases) -> _Vocabulary:
    """The words of ``book`` that _unmerged reads by, made once per book: every word of a phrase, the one-word phrases
    of tables other than [filler], the words of [affirm] and [follow] phrases, and their one-word phrases."""
    if id(book) not in _VOCABULARY:
        t = book.tables
        _VOCABULARY[id(book)] = book, (
            frozenset(w for table in t.values() for p in table for w in p),
            frozenset(p[0] for name, table in t.items() if name != "filler" for p in table if len(p) == 1),
            frozenset(w for name in ("affirm", "follow") for p in t[name] for w in p),
            frozenset(p[0] for name in ("affirm", "follow") for p in t[name] if len(p) == 1))
    return _VOCABULARY[id(book)][1]


def _unmerged(book: Phrases, words: list[str]) -> list[str]:
    """The reply with each word of no phrase that is a yes word drawn out or run together on a phone line read as
    said: a held letter ("yeahh", "pleasse", "ermm": a run of one letter read as two, then as one, when that makes a
    one-word phrase of a table other than [filler]), or two yes words run together ("yesplease", "yeplace it",
    "goahead": a word of [merged], then a one-word [affirm] or [follow] phrase or a word of three letters or more of
    one; "goes" is no "go es", "superfine" no "super fine"). A word of any phrase stays as it is, so no no, hedge or question becomes a yes; a word read
    apart still has to make whole phrases ("yeswait" is "yes wait", a hedge)."""
    known, single, yes_words, ones = _vocabulary(book)
    out: list[str] = []
    for w in words:
        if w in known:
            out.append(w)
            continue
        held = [m for m in (re.sub(r"(.)\1+", r"\1" * n, w) for n in (2, 1)) if m != w and (m in single or m in yes_words)]
        if held:
            out.append(held[0])
            continue
        split = next(((w[:k], w[k:]) for k in range(2, len(w) - 1) if w[:k] in book.merged
                      and (w[k:] in ones or len(w) - k > 2 and w[k:] in yes_words)), None)
        out += split or [w]
    return _rejoined(out, book.words_of_phrases, ones)


def _rejoined(words: list[str], known: frozenset[str], ones: frozenset[str]) -> list[str]:
    """The reply with a one-word yes the recogniser split in two read whole ("y es please", "yes ple ase"): two words
    that together make a one-word [affirm] or [follow] phrase, one of them a word of no phrase (round 20; "no w" is no
    "now": "now" is no yes)."""
    out: list[str] = []
    for w in words:
        if out and out[-1] + w in ones and (out[-1] not in known or w not in known):
            out[-1] += w
        else:
            out.append(w)
    return out


def _false_starts(book: Phrases, words: list[str]) -> list[str]:
    """The reply without a false start: a word of no table that the next word begins with is that word begun and
    said again ("y- yes", "ri- right", "abso- absolutely"), read once. Only a word of no table and of no phrase
    goes, so a word that says something ("no nope", "a apple") or is part of a phrase ("couldn't be better") is
    always read. A single letter counts as a word of a phrase only when it is a phrase alone ("k"), so the "y" of
    "vas y" or "allez y" never stops "y yes" reading as a false start."""
    known = book.words_of_phrases
    return [w for i, w in enumerate(words)
            if not (i + 1 < len(words) and w not in known and len(w) < len(words[i + 1])
                    and words[i + 1].startswith(w))]


def _undoubled(words: list[str], kept: Collection[tuple[str, ...]] = ()) -> list[str]:
    """The reply without a stutter: a run of one to three words said twice in a row is read once ("yeah that's
    that's it", "the the order"), so a repeated word never splits a phrase into other ones; a doubled run that is
    a phrase of ``kept`` ("uh uh": a no) stays."""
    out: list[str] = []
    for w in words:
        out.append(w)
        for n in (1, 2, 3):
            if len(out) >= 2 * n and out[-n:] == out[-2 * n:-n] and tuple(out[-2 * n:]) not in kept:
                del out[-n:]
                break
    return out
