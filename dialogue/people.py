"""Whose a line is: "two lattes for me and my sister and one for my dad", then "make my sister's iced", "my wife
wants small not medium", "the one for my wife", "she wants a half of cider instead".

When an order says who an item is for, the units of the line it made are marked with those people (one person a
unit when as many people as units are said: "two for me and my sister"; one person for every unit otherwise:
"two root beers for the kids"). The marks live in the dialogue state, never in the catalog, and are never logged.
A later change that names a person (a possessive "my sister's", "my wife wants", "for my wife") is about the
one line holding that person's units; when that line holds units for others too, only that person's units change
(they are split off as "make one of them iced" splits one off). "A miso soup for each of us" is one for each
person the lines are for so far.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from catalog.models import CartLine
from dialogue.intents import cue_words, find
from dialogue.lexicon import Lexicon
from dialogue.matcher import prepare
from dialogue.normalize import clauses, pieces, tokens
from dialogue.pending import PendingKind
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec
from dialogue.words import COMMON

if TYPE_CHECKING:  # the understanding asks this module too, and the state is built on the understanding
    from dialogue.state import Pending, State

_PEOPLE = words("people")
_SELF = words("people_self")
_OWNERS = words("people_owners")
_MODIFIERS = words("people_modifiers")
_EACH_OF_US = phrases("each_of_us")
_PEOPLE_COUNTED = words("people_counted")
_HE = words("people_pronouns_male")
_SHE = words("people_pronouns_female")
_MALE = words("people_male")
_FEMALE = words("people_female")
_ASKS_ITEMS = (PendingKind.CLARIFY_OPTION, PendingKind.CLARIFY_PRODUCT)
_SAME = words("same_choice")
_NOT_PEOPLE = words("people_not")
_GROUPS = ((words("people_groups_kids"), words("people_kids")), (words("people_groups_parents"), words("people_parents")))
_CUE_WORDS = cue_words()
_THEIRS = words("people_theirs")
_EACH = words("each_words")
_TO_EACH = 4  # "the two little kids each": the people said in a few words before "each"
_MADE_INTO = words("people_made_into")
_SAID_TO_BE = words("people_said_to_be")
_NO_ONE_S = words("people_no_ones")
_ONES_FOR = frozenset({"one", "ones"})
_AGAIN = words("people_again")


def person_word(lex: Lexicon, toks: Sequence[str], i: int, *, catalog_words: bool = False,
                names: Collection[str] = ()) -> tuple[int, str] | None:
    """A person said at ``i`` ("me", "my wife", "my sister's" -> "sister"): where the words end and the person's
    key (the word for the person, a possessive or plural "s" taken off when the word without it is one); None
    when no person is said there, or the word is a catalog word ("the kids" where "kids" names a menu) unless
    ``catalog_words``. ``names`` are the people known by their names ("ben", "the leaders"): one said, bare or
    with "the" or an "'s" ("ben's", "the leaders"), is that person; a person word right after a name's "'s" is
    that other person ("the groom's mom": the mom)."""
    if i < len(toks) and toks[i] in _SELF:
        return i + 1, "me"
    if names:
        at = i + (i + 1 < len(toks) and toks[i] in _OWNERS)
        key = _name_said(toks[at], names) if at < len(toks) else None
        if key is not None:
            nxt = toks[at + 1] if toks[at] != key and at + 1 < len(toks) else ""
            other = nxt[:-1] if nxt.endswith("s") and nxt[:-1] in _PEOPLE else nxt
            return (at + 2, other) if other in _PEOPLE else (at + 1, key)
    if i + 1 < len(toks) and toks[i] in _OWNERS:
        at = i + 2 if toks[i + 1] in _MODIFIERS and i + 2 < len(toks) else i + 1  # "my older boy": the boy
        word = toks[at]
        if word.endswith("s") and word[:-1] in _PEOPLE:
            word = word[:-1]
        if word in _PEOPLE and (catalog_words or not lex.known(toks[at])):
            return at + 1, word
    return None


def _name_said(tok: str, names: Collection[str]) -> str | None:
    """The name of ``names`` that ``tok`` says ("ben", "bens" for "ben's", "leader's" for "leaders")."""
    return next((n for n in names if tok in (n, n + "s") or tok + "s" == n), None)


def _a_name(lex: Lexicon, toks: Sequence[str], i: int) -> tuple[int, str] | None:
    """A person's name said at ``i`` right after "for": "for ben", "for the leaders", "for the groom": a word no
    catalog and no common talk knows (nor a word of what or when an order is for: "for the table", "for lunch"),
    bare or after "the"; where the words end and the name."""
    at = i + (i + 1 < len(toks) and toks[i] == "the")
    if at >= len(toks):
        return None
    tok = toks[at]
    if not tok.isalpha() or len(tok) < 3 or tok in COMMON or tok in _CUE_WORDS or tok in _NOT_PEOPLE \
            or tok in _OWNERS or lex.known(tok):
        return None
    return at + 1, tok


def _for_whom(lex: Lexicon, toks: Sequence[str]) -> list[tuple[int, tuple[str, ...]]]:
    """Every "for PERSON (and PERSON)*" in ``toks``: where the "for" is and the people ("for me and my sister")."""
    found: list[tuple[int, tuple[str, ...]]] = []
    for i, tok in enumerate(toks):
        if tok != "for":
            continue
        said: list[str] = []
        k = i + 1
        while (person := person_word(lex, toks, k, catalog_words=True) or _a_name(lex, toks, k)) is not None:
            k, key = person
            said.append(key)
            k += k < len(toks) and toks[k] == "and"
        if said:
            found.append((i, tuple(said)))
    return found


def said_for(lex: Lexicon, toks: Sequence[str]) -> tuple[str, ...]:
    """The people a turn says its units are for, when it says it once: "two in large for the leaders", "one more for
    me and my sister"; () when no one or more than one "for ..." is said."""
    found = _for_whom(lex, toks)
    return found[0][1] if len(found) == 1 else ()


def whose_said(toks: Sequence[str], at: int) -> bool:
    """A person's "'s" said at ``at``: "sam's", "my daughter's", "that's" ("sam's the decaf and he wants it
    large", "that's the decaf and make it large": the line said next is the one meant), not a word of what or when
    an order is for, nor a plural said alone ("plus")."""
    tok = toks[at] if 0 <= at < len(toks) else ""
    return len(tok) > 3 and tok.endswith("s") and tok.isalpha() and tok not in _NOT_PEOPLE \
        and (tok[:-1] in _PEOPLE or tok not in COMMON and tok not in _CUE_WORDS or tok[:-1] in ("that", "he", "she"))


def someones_made_into(toks: Sequence[str], start: int) -> bool:
    """"Make hers a bowl", "she wants hers as a bowl", "make my sister's a footlong", "kai's as a large": a
    person's line said (a lone possessive, or a person's "'s"), then "a"/"as"/"to", right before the item at
    ``start``: that person's line made into it, not one more line ("add pickles to his burger" names his line
    only)."""
    k = start - 1
    while k >= 0 and toks[k] in _MADE_INTO:
        k -= 1
    if k < 0 or k == start - 1:
        return False
    tok = toks[k]
    return tok in _THEIRS or tok.endswith("s") and tok[:-1] in _PEOPLE \
        or whose_said(toks, k) and tok[:-1] not in _NO_ONE_S


def someones_said_to_be(lex: Lexicon, state: State, toks: Sequence[str], start: int) -> bool:
    """"Hers is a kids one pink", "my son's should be a large": what another person's thing is (a word of
    ``people_said_to_be`` among those of :func:`someones_made_into`), said while no line of the cart holds a unit
    of theirs (nor of a group of theirs): the item is their own, one more line, not the line in focus made so."""
    if not someones_made_into(toks, start) or not any(t in _SAID_TO_BE for t in toks[:start]):
        return False
    k = start - 1
    while k >= 0 and toks[k] in _MADE_INTO:
        k -= 1
    if toks[k] in _SELF:
        return False  # ("mine is a kids one": the shopper's line is the one left for no one else)
    key = named_person(lex, toks[:start], names=names_of(state)) or _pronoun_person(state, lex, toks[:start])
    if key == "me":
        return False
    return key is None or not any(key in _units(state, ln) for ln in state.cart.lines) \
        and _group_of(state, key) is None


def same_for_someone(lex: Lexicon, toks: Sequence[str]) -> bool:
    """"And the same for my friend", "same for me but with swiss": "same" right before "for" and a person says one
    more like the line in focus, for that person (not "the same for the other one", a change of another line)."""
    return any(toks[i] in _SAME and toks[i + 1] == "for" and person_word(lex, toks, i + 2) is not None
               for i in range(len(toks) - 2))


def people_of_items(lex: Lexicon, text: str, items: Sequence[ItemSpec]) -> dict[int, tuple[str, ...]]:
    """The people each item of the turn is for, by the item's start: "a pint of ipa for me a half of stout for my
    wife" -> {the ipa: ("me",), the stout: ("wife",)}. A "for ..." goes with the last item said before it; when
    the turn says who first, a "for ..." before every item and an item after every "for ..." ("and for my son a
    single chocolate in a cup", "for me a latte for my wife a mocha"), each "for ..." goes with the first item
    after it. A "for ..." before every item whose people follow their items ("hoodies for the family a black one
    for me a grey one for my wife") marks none. Positions are those of the turn's tokens (the same pieces prepared
    as the understanding prepares them)."""
    starts = sorted(it.start for it in items)
    out: dict[int, tuple[str, ...]] = {}
    if starts and _EACH & set(tokens(text)):
        out.update(_theirs_each(lex, text, starts))  # "the two kids each want a wrap combo": theirs
    if not starts or "for" not in text.lower():
        return out
    said_at: list[tuple[int, tuple[str, ...]]] = []
    offset = 0
    for c in clauses(text):
        for piece in pieces(c):
            raw = tokens(piece)
            for r, said in _for_whom(lex, raw):
                said_at.append((offset + len(prepare(lex, " ".join(raw[:r]))), said))
            offset += len(prepare(lex, piece))
    # who first: the first "for ..." before every item, and the last one before an item still to come
    leading = bool(said_at) and said_at[0][0] < starts[0] and said_at[-1][0] < starts[-1]
    for pos, said in said_at:
        before = [s for s in starts if s > pos][:1] if leading else [s for s in starts if s < pos]
        if before:
            out[before[-1]] = out.get(before[-1], ()) + said
    return out


def _theirs_each(lex: Lexicon, text: str, starts: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """"The two kids each want a wrap combo", "my sons each want a hot dog": the items said after the people and
    "each" are theirs (every unit that person's or group's)."""
    toks = [t for c in clauses(text) for piece in pieces(c) for t in prepare(lex, piece)]
    for k, tok in enumerate(toks):
        if tok not in _EACH:
            continue
        said = next((p[1] for i in range(max(0, k - _TO_EACH), k)
                     if (p := person_word(lex, toks, i, catalog_words=True)) and p[0] == k), None)
        if said is None and k and any(toks[k - 1] in groups for groups, _ in _GROUPS):
            said = toks[k - 1]  # "the two kids each": the group, whose count keeps it from being said as a person
        if said is not None and said != "me":
            return {s: (said,) for s in starts if s > k}
    return {}


def still_asked(said: dict[int, tuple[str, ...]], pending: Pending | None) -> dict[int, tuple[str, ...]]:
    """The people of the items a question still waits on: "a pizza for my wife and a pepperoni for my son" asks
    "which one?" and the answer "veggie" adds both, still for the wife and the son. Only the items the question
    holds (by their start in the turn that asked) keep theirs; {} when no question about items is pending."""
    if pending is None or pending.kind not in _ASKS_ITEMS or not said:
        return {}
    waiting = {it.start for it in (pending.item, *pending.rest) if it is not None}
    return {start: who for start, who in said.items() if start in waiting}


def mark(owners: dict[int, tuple[str, ...]], line_id: int, quantity: int, added: int, said: Sequence[str]) -> None:
    """Mark the ``added`` units just put on line ``line_id`` (now ``quantity`` units) with the people ``said``:
    one a unit when as many are said, else each unit with the one person said; unknown ("") otherwise."""
    if len(said) == added:
        new = tuple(said)
    elif len(set(said)) == 1:
        new = (said[0],) * added
    else:
        new = ("",) * added
    had = owners.get(line_id, ())
    had = had if len(had) == quantity - added else ("",) * (quantity - added)
    owners[line_id] = had + new


def named_person(lex: Lexicon, toks: Sequence[str], *, catalog_words: bool = False,
                 names: Collection[str] = ()) -> str | None:
    """The one person a change names: "make my sister's iced", "my wife wants small", "the one for my dad",
    "make mine large" (the shopper), "ben wants his toasted" (of ``names``, the people known by name); None when
    none or several are named. A bare "me" ("give me ...") is no one; "the one for me" is the shopper."""
    said = {p[1] for i in range(len(toks)) if (toks[i] == "mine" or toks[i] not in _SELF or _one_for(toks, i))
            and (p := person_word(lex, toks, i, catalog_words=catalog_words, names=names)) is not None}
    return next(iter(said)) if len(said) == 1 else None


def _one_for(toks: Sequence[str], i: int) -> bool:
    """"The one for me", "the ones for me": a line said by whom it is for, the shopper among them."""
    return i >= 2 and toks[i - 1] == "for" and toks[i - 2] in _ONES_FOR


def names_of(state: State) -> set[str]:
    """The people of the cart's lines known by their names ("for ben", "for the leaders"), not by a word for a
    person ("my wife")."""
    return {p for ln in state.cart.lines for p in _units(state, ln) if p and p != "me" and p not in _PEOPLE}


def owned_line(state: State, lex: Lexicon, toks: Sequence[str], skus: Sequence[str] = ()
               ) -> tuple[CartLine, str, int] | None:
    """The line a change naming a person is about: the one line holding that person's units (of the products
    named, when several do), with the person and how many of its units are theirs; None when no one line does.
    A person's word that is a catalog word too ("the kids one" where "kids" is a drink size) is that person when
    a line was ordered for them ("a plain hot dog for the kid")."""
    names = names_of(state)
    key = named_person(lex, toks, names=names) or _pronoun_person(state, lex, toks)
    if key is None:
        loose = named_person(lex, toks, catalog_words=True, names=names)
        key = loose if loose is not None and any(loose in _units(state, ln) for ln in state.cart.lines) else None
    if key is None:
        return None
    held = [ln for ln in state.cart.lines if key in _units(state, ln)] or (_left_for_me(state) if key == "me" else [])
    if not held and (group := _group_of(state, key)) is not None:  # "my daughter" of "two ... for the kids"
        held, key, one = [ln for ln in state.cart.lines if group in _units(state, ln)], group, True
    else:
        one = False
    if len(held) > 1 and skus:
        held = [ln for ln in held if ln.sku in skus]
    elif skus and held and not any(ln.sku in skus for ln in held) and any(ln.sku in skus for ln in state.cart.lines):
        return None  # "make her green detox a large": the green detox of the cart, not another line marked hers
    if len(held) != 1:
        return None
    units = 1 if one else _units(state, held[0]).count(key)
    return held[0], key, min(units, _some_of(lex, toks, key, names) or units)


def _group_of(state: State, key: str) -> str | None:
    """The one group recorded on the cart's lines that the person ``key`` is one of ("kids" for "daughter", when a
    line was ordered "for the kids"); None when none or several are."""
    recorded = {p for ln in state.cart.lines for p in _units(state, ln)}
    found = {g for g in recorded for groups, members in _GROUPS if g in groups and key in members}
    return next(iter(found)) if len(found) == 1 else None


def _some_of(lex: Lexicon, toks: Sequence[str], key: str, names: Collection[str]) -> int | None:
    """"One of the leaders wants a medium": how many of that person's units a change is for, said as a count
    right before "of" and the person; None when not said so."""
    for i in range(len(toks) - 2):
        if toks[i + 1] == "of" and (toks[i] == "one" or toks[i].isdigit()) \
                and (p := person_word(lex, toks, i + 2, names=names)) is not None and p[1] == key:
            return 1 if toks[i] == "one" else int(toks[i])
    return None


def _left_for_me(state: State) -> list[CartLine]:
    """"Two ramens" - "one of them is for my son, make his a kids size" - "and mine with an extra egg": the shopper's
    own is a unit of that product marked for no one, once some of it are someone else's: of the one line left
    unmarked, one unit (marked the shopper's from now on); with no such product, the one line of the cart marked for
    no one once some line is someone else's. None when no one such line is left."""
    others = {ln.sku for ln in state.cart.lines if any(p and p != "me" for p in _units(state, ln))}
    left = [ln for ln in state.cart.lines if ln.sku in others and not any(_units(state, ln))]
    if not left and others:  # "a large green machine and a strawberry banana for my daughter" - "add chia seeds to
        left = [ln for ln in state.cart.lines if not any(_units(state, ln))]  # mine": the one line no one else's
    if len(left) != 1:
        return []
    state.owners[left[0].line_id] = ("me",) + ("",) * (left[0].quantity - 1)
    return left


def mark_portion(state: State, lex: Lexicon, toks: Sequence[str], line: CartLine | None, units: int) -> None:
    """"One of them is for my son, can you make his a kids size": the units split off a line for the one person
    the change names are that person's (so a later "mine" is the other one)."""
    who = named_person(lex, toks)
    if who is not None and who != "me" and line is not None and line.quantity == units \
            and not any(_units(state, line)):
        mark(state.owners, line.line_id, line.quantity, units, (who,))


def _pronoun_person(state: State, lex: Lexicon, toks: Sequence[str]) -> str | None:
    """The person a lone pronoun stands for: "his should be navy", "she wants thin crust", "make hers large" after
    "... for my son" / "... for my wife": the one person recorded on the cart's lines whom the pronoun fits (a man
    or boy for "he", a woman or girl for "she"; with none such, the one recorded whose word says neither, "my
    friend"); None when a person is said outright ("her son"), pronouns of both kinds are said, or no one or
    several fit. A person known by name ("for priya") is no one a pronoun stands for: a name says neither."""
    if any(person_word(lex, toks, i, names=names_of(state)) is not None for i in range(len(toks))
           if toks[i] not in _SELF):
        return None
    kinds = {("m" if t in _HE else "f") for t in toks if t in _HE or t in _SHE}
    if len(kinds) != 1:
        return None
    fits = _MALE if kinds == {"m"} else _FEMALE
    everyone = {p for ln in state.cart.lines for p in _units(state, ln) if p and p != "me"} - names_of(state)
    recorded = {p for p in everyone if p in fits} or {p for p in everyone if p not in _MALE | _FEMALE}
    return next(iter(recorded)) if len(recorded) == 1 else None  # "my friend": whoever the pronoun says


def _units(state: State, line: CartLine) -> tuple[str, ...]:
    """Who each unit of ``line`` is for, as marked; () when the marks no longer fit the line."""
    marks = state.owners.get(line.line_id, ())
    return marks if len(marks) == line.quantity else ()


def moved(state: State, old: CartLine, marks: tuple[str, ...], key: str, units: int, person: str | None = None
          ) -> None:
    """After a change to ``key``'s ``units`` of line ``old`` (marked ``marks`` before): the marks follow the units
    to the line they now are on (split off, or the line swapped for another product), as ``person``'s when the
    person named is one of the group ``key`` ("my daughter" of the kids)."""
    lines = {ln.line_id: ln for ln in state.cart.lines}
    new = lines.get(state.focus_line) if state.focus_line is not None else None
    if new is None or new.line_id == old.line_id or old.line_id in lines and lines[old.line_id] == old:
        return  # (nothing split off nor swapped: the change was not made)
    kept = list(marks)
    for _ in range(units):
        kept.remove(key)
    if old.line_id in lines and len(kept) == lines[old.line_id].quantity:
        state.owners[old.line_id] = tuple(kept)
    else:
        state.owners.pop(old.line_id, None)
    if new.quantity >= units:
        before = state.owners.get(new.line_id, ())
        before = before if len(before) == new.quantity - units else ("",) * (new.quantity - units)
        state.owners[new.line_id] = before + (person or key,) * units


def each_of_us(state: State, toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """"A miso soup for each of us" after "two rolls for me and a california roll for my son": the item said
    before it without a count is one for each person the lines are for so far (the shopper among them), and
    its units are theirs; the items as said when fewer than two people are known."""
    k = find(toks, _EACH_OF_US)
    people = sorted({p for ln in state.cart.lines for p in _units(state, ln) if p} | {"me"})
    party = _party_size(toks, k)  # "a lemon tart for each of us, there's four of us": four
    if k < 0 or len(people) < 2 and party is None:
        return list(items)
    before = [it for it in items if it.end <= k]
    last = before[-1] if before else None
    if last is None or last.quantity not in (None, 1):
        return list(items)
    if party is not None:
        return [replace(it, quantity=party) if it is last else it for it in items]
    state.people_said[last.start] = tuple(people)
    return [replace(it, quantity=len(people)) if it is last else it for it in items]


def _party_size(toks: Sequence[str], k: int) -> int | None:
    """How many people the turn says there are, after "for each of us" at ``k`` ("there's four of us"): a count
    right before "of" and a word counting people, or None."""
    if k < 0:
        return None
    for i in range(k + 1, len(toks) - 2):
        if toks[i].isdigit() and 1 < int(toks[i]) < 100 and toks[i + 1] == "of" and toks[i + 2] in _PEOPLE_COUNTED:
            return int(toks[i])
    return None


def someones_again(state: State, lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec]) -> CartLine | None:
    """"One more of my son's smoothie for his brother", "another of my wife's latte", "one more like ben's": the one
    item said right after a person's "'s" (after "of" / "like" and a word of more) is more of that person's line
    (of the products the item names); None when the turn is no such thing, or no one line is theirs."""
    if len(items) != 1 or not any(t in _AGAIN for t in toks[:items[0].start]):
        return None
    k = items[0].start - 1
    if k < 1 or not whose_said(toks, k) and toks[k] not in _THEIRS:
        return None
    owned = owned_line(state, lex, toks[:items[0].end], items[0].skus)
    return owned[0] if owned is not None else None
