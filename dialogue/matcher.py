"""Longest-match extraction of catalog mentions from an utterance's tokens."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import islice

from catalog.models import OptionGroup
from dialogue import intents as cue
from dialogue.amounts import _BY_LEN as _QUALIFIERS
from dialogue.amounts import qualifier_before, shot_counts
from dialogue.choice_into_name import choice_into_own_name
from dialogue.code_parts import code_parts_said
from dialogue.codes import codes_said, foreign_codes_kept
from dialogue.dimensions import sizes_said
from dialogue.dish_of_choice import dishes_of_choices
from dialogue.foreign_heads import modifies_other_thing
from dialogue.lexicon import Lexicon, Target, phrase_of, singulars
from dialogue.measure_article import article_before_choice
from dialogue.mixes import box_pieces, is_box, mix_alone, read_mix, unit_box
from dialogue.normalize import tokens
from dialogue.numbers import COUNT_UNITS, ORDINALS, PRICE_WORDS, to_digits
from dialogue.owner_by_name import choice_by_owner_name, products_said
from dialogue.phrasebook import phrases, words
from dialogue.sold_by import sold_by, unit_of

_PLAIN = words("sub_words")
_PACKAGES = words("packages")
_WITH_WORDS = words("with_words")
_ON_WORDS = words("base_preps")
_PACKAGE_DETERMINERS = words("package_determiners")
_PREDICATE_LEADS = words("predicate_leads")
_MAKING_VERBS = words("making_verbs")
_NOUN_OPENERS = words("noun_openers")
_THING_MARKERS = words("thing_markers")
_WORKED_ON = words("worked_on")
_ALL_OF_THEM = words("all_of_them_after")
_SWAPPED_NAME_GAP = words("swapped_name_gap")
_MIX_SHARES = words("mix_shares")
_SERVINGS = words("servings")
_ONE_OF = frozenset({"a", "an", "one"})  # a single thing ordered
_FILLERS = words("fillers")
_INSTEAD = phrases("instead")
_PURPOSE_LEADS = phrases("purpose_leads")
_SOLD_ALONE = phrases("sold_alone")
_POINTERS = frozenset({"the", "that", "this", "my", "them", "those", "these", "both"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int  # exclusive
    targets: tuple[Target, ...]
    part: bool = False  # one kind of a box's mix, with its share ("half glazed"): never an item of its own

    @property
    def products(self) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.kind == "product")

    @property
    def options(self) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.kind == "option")

    @property
    def groups(self) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.kind == "group")

    @property
    def exact_products(self) -> tuple[Target, ...]:
        return tuple(t for t in self.products if t.exact)
_BEFORE_A_UNIT = frozenset({"one", "a", "an", "another", "per", "each", "the", "that"})  # "one pair", "by the dozen"


def prepare(lex: Lexicon, text: str) -> list[str]:
    """Canonical tokens with number words as digits and misheard words corrected to catalog words."""
    out: list[str] = []
    toks = _another_by_ordinal(lex, _settled_alternative(lex, _count_of_measure(lex, _join_split_words(lex, _elided(
        shot_counts(_for_whom_between(lex, code_parts_said(lex, codes_said(lex.known, to_digits(article_before_choice(lex, sizes_said(
            lex, foreign_codes_kept(lambda ph: _printed(lex, ph), text, tokens(text))))))))))))))
    for i, tok in enumerate(toks):
        # the phrase a word forms with the next one settles a one-letter slip before any single-word fix
        # ("skin milk" -> "skim milk", not "skinny milk")
        phrase_fix = lex.fix_before(tok, toks[i + 1]) if i + 1 < len(toks) else None
        if phrase_fix is None and len(out) >= 2:
            phrase_fix = lex.sound_alike_end(out[-2], out[-1], tok)  # "rice and peace" -> "rice and peas"
        if phrase_fix is None and i and (toks[i - 1] in _PREDICATE_LEADS or toks[i - 1] in _MAKING_VERBS):
            out.append(tok)  # "i'm running late", "it's too hot": said of the shopper, never a misheard product;
            continue  # nor is what they make ("i'm making salsa for a party": no misheard "salad")
        out.extend([phrase_fix] if phrase_fix is not None else lex.correct(tok))
    for i in range(len(out) - 1):
        fixed = lex.fix_before(out[i], out[i + 1])
        if fixed is not None:
            out[i] = fixed
        elif (fixed := lex.fix_after(out[i], out[i + 1])) is not None:
            out[i + 1] = fixed  # "mint ship" -> "mint chip"
    return out


def _printed(lex: Lexicon, phrase: tuple[str, ...]) -> bool:
    """A catalog phrase, or a catalog word of three letters or more ("ddr" of "DDR4-3200")."""
    return phrase in lex.phrases or len(phrase) == 1 and len(phrase[0]) >= 3 and lex.known(phrase[0])


def _another_by_ordinal(lex: Lexicon, toks: list[str]) -> list[str]:
    """"and a second kit in navy", "a second one for my friend": an indefinite article and an ordinal of more
    ([words] another_ordinals) before "one" or a catalog word say one more, "another"; not a place in the order
    ("the second one") nor a moment ("wait a second")."""
    out: list[str] = []
    k = 0
    while k < len(toks):
        if toks[k] in ("a", "an") and toks[k + 1:k + 2] and toks[k + 1] in _ANOTHER_ORDINALS and k + 2 < len(toks) \
                and (toks[k + 2] in ("one", "ones") or lex.known(toks[k + 2])):
            out.append("another")
            k += 2
            continue
        out.append(toks[k])
        k += 1
    return out


_ANOTHER_ORDINALS = words("another_ordinals")


def _said_with_article(lex: Lexicon, said: Sequence[str]) -> list[Target] | None:
    """"with the sauce on": the words of a choice's name ("with sauce on") said with an article inside them; the
    choices so named (exact names only, and only when the words begin and end with words of that name)."""
    inner = [w for w in said[1:-1] if w not in _ARTICLES]
    if len(inner) == len(said) - 2 or said[0] in _ARTICLES or said[0] == "one" or said[0].isdigit():
        return None  # "one an inch": a count, then its article, not the choice "one inch"
    return [t for t in lex.phrases.get((said[0], *inner, said[-1]), ()) if t.kind == "option" and t.exact] or None


def _settled_alternative(lex: Lexicon, toks: list[str]) -> list[str]:
    """"fries large or regular, regular": two words weighed with "or", then the second said again (fillers aside)
    settles on it; the weighing is dropped. Only for catalog words."""
    for i in range(1, len(toks) - 2):
        if toks[i] != "or" or not lex.known(toks[i + 1]) or not lex.known(toks[i - 1]):
            continue
        j = i + 2
        while j < len(toks) and toks[j] in _FILLERS:
            j += 1
        if j < len(toks) and toks[j] == toks[i + 1] and toks[i - 1] != toks[i + 1]:
            return _settled_alternative(lex, [*toks[:i - 1], *toks[j:]])
    return toks


_PEOPLE = words("people")
_PEOPLE_PRONOUNS = words("people_pronouns")
_PEOPLE_OWNERS = words("people_owners")
_PEOPLE_GO_ON = words("people_goes_on")
_ITEM_STARTS = frozenset({"a", "an", "one", "the", "some", "another"})


def _person_at(lex: Lexicon, toks: Sequence[str], i: int) -> int:
    """Where a person said at ``i`` ends ("me", "my wife", "the kids"), or ``i`` when none is: an owner word and a
    word for a person, never a word of the catalog ("the kids" where "kids" names a menu is no person)."""
    if i < len(toks) and toks[i] in _PEOPLE_PRONOUNS:
        return i + 1
    if i + 1 < len(toks) and toks[i] in _PEOPLE_OWNERS and toks[i + 1] in _PEOPLE and not lex.known(toks[i + 1]):
        return i + 2
    return i


def _for_whom_between(lex: Lexicon, toks: list[str]) -> list[str]:
    """"a pint of ipa for me a half of stout for my wife", "pink roses for my mum yellow tulips for my sister":
    who an item is for ("for me", "for my mum my sister and my aunt"), said before another item (or before "and"
    and an article or a count: "a plush unicorn large for my niece and a small penguin"), ends the item before it. Before an article or a count the next item is marked already and the words are left out ("hoodies
    for the family a black one in large": the ones are hoodies); before another word they read as "and". Said
    last, or before words that go on with the item ("for me with oat milk", "for my son too"), they stay."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        end = _person_at(lex, toks, i + 1) if toks[i] == "for" else i + 1
        while end > i + 1:  # "for my mum my sister and my aunt"
            nxt = _person_at(lex, toks, end + (end < len(toks) and toks[end] == "and"))
            if nxt == end or nxt == end + 1:
                break
            end = nxt
        listed = end + 1 < len(toks) and toks[end] == "and" \
            and (toks[end + 1] in _ITEM_STARTS or toks[end + 1].isdigit())  # "... for my niece and a small penguin"
        if end == i + 1 or end >= len(toks) or toks[end] in _PEOPLE_GO_ON and not listed or not out:
            out.append(toks[i])
            i += 1
            continue
        if toks[end] not in _ITEM_STARTS and not toks[end].isdigit() and not listed:
            out.append("and")
        i = end
    return out


def _elided(toks: list[str]) -> list[str]:
    """"one with caffeine and one without": a "without" that ends its phrase leaves out what the "with" before
    it named; the words are said again ("one without caffeine")."""
    out = list(toks)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i] != "without" or i + 1 < len(toks) and toks[i + 1] not in ("please", "thanks", "and", "then"):
            continue
        j = max((k for k in range(i) if toks[k] == "with"), default=-1)
        if j < 0:
            continue
        k = j + 1
        while k < i and toks[k] not in ("and", "one", "the", "other", "but"):
            k += 1
        if 1 <= k - j - 1 <= 3:
            out[i + 1:i + 1] = toks[j + 1:k]
    return out


def _count_of_measure(lex: Lexicon, toks: list[str]) -> list[str]:
    """"four hundred watt bulbs" -> "4 100 watt bulbs": a round number that runs into a measure the catalog has
    only as "100 watt" is a count of that value when the number as said is no value ("400 watt") of its own."""
    out: list[str] = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t.isdigit() and nxt.isalpha() and (t, nxt) not in lex.phrases:
            for unit in (1000, 100):
                n, count = int(t), int(t) // unit
                if n % unit == 0 and 1 < count < 10 and any(
                        x.kind == "option" for x in lex.phrases.get((str(unit), nxt), ())):
                    out.extend((str(count), str(unit)))
                    break
            else:
                out.append(t)
            continue
        out.append(t)
    return out


def _join_split_words(lex: Lexicon, toks: list[str]) -> list[str]:
    """"match a latte" -> "matcha latte", "x l r" -> "xlr": tokens that are a catalog word when written together (two
    words, or letters said one by one), or, split by
    the recogniser, close to one word of a product's name ("pepper only" -> "pepperoni")."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and len(toks[j]) == 1 and toks[j].isalpha():
            j += 1
        if j - i >= 2 and not (j - i == 2 and toks[i] in ("a", "i")) and lex.known("".join(toks[i:j])):
            out.append("".join(toks[i:j]))  # "x l r cables": letters said apart that spell a catalog word ("xlr")
            i = j
            continue
        if i + 1 < len(toks) and toks[i].isalpha() and toks[i + 1].isalpha() and not lex.known(toks[i + 1]) \
                and lex.known(toks[i] + toks[i + 1]):
            out.append(toks[i] + toks[i + 1])
            i += 2
            continue
        slip = lex.joined_slip(toks[i], toks[i + 1], toks[i + 2] if i + 2 < len(toks) else None) \
            if i + 1 < len(toks) else None
        if slip is not None:  # "pepper only" -> "pepperoni"
            out.append(slip)
            i += 2
            continue
        out.append(toks[i])
        i += 1
    return out


def find_mentions(lex: Lexicon, toks: Sequence[str], mix_for: tuple[str, str] | None = None,
                  in_play: AbstractSet[str] = frozenset()) -> list[Mention]:
    """Greedy left-to-right longest match; at equal length exact names win over sub-phrases. ``mix_for``: the
    (product, group) whose choice was just asked, for a box's mix said alone (:func:`dialogue.mixes.mix_alone`);
    ``in_play``: products the conversation is about (in the cart, just asked about), named as if said here."""
    found: list[Mention] = []
    i, n = 0, len(toks)
    blocked = (_qualifier_words(toks) - _ends_name(lex, toks) - _size_of_after_article(lex, toks)
               - _measure_not_money(lex, toks) - _qualifier_in_name(lex, toks)) \
        | _command_words(toks) | _modal_verbs(toks) | _units_sold_by(lex, toks) | _verb_particles(toks)
    blocked -= _value_said_after_is(lex, toks)
    for k, tok in enumerate(toks):  # a number right before a product is how many, not an option value
        if tok.isdigit() and any(t2.kind == "product" for size in range(1, lex.max_len + 1)
                                 for t2 in lex.phrases.get(tuple(toks[k + 1:k + 1 + size]), ())) \
                and not _names_with_number(lex, toks, k) \
                and not _choice_with_number(lex, toks, k) \
                and not _choice_over_part_of_name(lex, toks, k) \
                and not choice_into_own_name(lex, toks, k) \
                and not _choice_before_part_of_name(lex, toks, k) \
                and not _value_of_said_group(lex, toks, k) \
                and not _code_after_letter(lex, toks, k) \
                and not _value_by_number(lex, toks, k) \
                and _box_with_mix(lex, toks, k) is None:  # "a half dozen glazed": the box of six, with glazed
            blocked.add(k)  # ... but "size 12 hiking boots": after a group's name it is that group's value
        if k and tok in _SERVINGS and (toks[k - 1].isdigit() or toks[k - 1] in _BEFORE_A_UNIT) \
                and toks[k + 1:k + 2] != ["of"] and (held := lex.phrases.get((tok,), ())) \
                and all(t.kind == "product" and not t.exact for t in held):
            blocked.add(k)  # "two portions" (of what was just offered): the count's serving, no part of the
            # "portion of chips" nor of the "portion of rice" (but "the two serving" where no name holds "serving"
            # alone, a slip for a choice's "2 servings", is left to the choices)
        if k and tok in COUNT_UNITS and (toks[k - 1].isdigit() or toks[k - 1] in _BEFORE_A_UNIT):
            if _box_with_mix(lex, toks, k - 1) is not None or _box_with_mix(lex, toks, k) is not None \
                    or _unit_names_product(lex, toks, k):
                blocked.difference_update((k - 1, k))  # "a dozen plain": the shop's "dozen", not twelve
                continue
            blocked.add(k)  # "a pair of" / "a dozen" / "one pair in size 9": the count's unit, never a product
            # ("pair of scissors")
    asked = _asked_spans(lex, toks, mix_for)
    while i < n:
        for length in range(min(lex.max_len + 1, n - i), 0, -1):  # (one more: a name said with an article in it)
            targets = lex.phrases.get(tuple(toks[i:i + length]))
            if not targets and length > 2:
                targets = _said_with_article(lex, toks[i:i + length])
            if targets and any(i < j < i + length < e for j, e in asked) \
                    and not any(t.kind == "option" and t.group == mix_for[1] for t in targets if mix_for):
                continue  # "for an iphone 15" to "which phone model?": the model asked, not the "for an iphone" cable
            if not targets and length > 1 and toks[i] == "one" and not _one_in_choice(lex, toks, i, length):
                # "the one meter one": the "1 meter" choice
                targets = [t for t in lex.phrases.get(("1", *toks[i + 1:i + length]), ()) if t.kind == "option"]
            if not targets and length == 1 and i + 1 < n and toks[i + 1] in _POINTERS:
                # "toast the blt": a choice named "toast it" said with what it is done to
                targets = [t for t in lex.phrases.get((toks[i], "it"), ()) if t.kind == "option"]
            if targets and blocked.isdisjoint(range(i, i + length)):
                exact = [t for t in targets if t.exact]
                chosen = tuple(exact) if exact else tuple(targets)
                if length > 1 and toks[i + length - 1] in ("one", "ones"):  # "the big ones": also what "big" names
                    chosen += tuple(t for t in lex.phrases.get(tuple(toks[i:i + length - 1]), ())
                                    if t.kind == "option" and t not in chosen and any(c.kind == "option" for c in chosen))
                if length > 1 and _one_opens_part(lex, toks, i, length):
                    continue  # "one black one red": "black" and then a part "one red", not a "black one" alias
                if length > 1 and _overridden_by_later_value(lex, toks, i, length, chosen):
                    continue  # "with the head off": "head off" overrides the "with the head" it overlaps
                if length > 1 and _choices_of_another(lex, toks, i, length, chosen, in_play):
                    continue  # "a small chicken doner": the chicken kebab, small, not the deal's "small chicken doner"
                if length > 1 and _choice_before_longer_name(lex, toks, i, length):
                    continue  # "chili cheese fries": the cheese fries with chili, not the "chili cheese" dog
                if not exact and modifies_other_thing(lex, toks, i, length, targets):
                    continue  # "a gaming chair": no part of the "gaming mouse", but a thing the shop does not sell
                if not exact and length > 1 and _full_name_across(lex, toks, i, length):
                    continue  # "a boba milk tea": "milk tea" is a whole name, "boba milk" only a part of one
                if not exact and length > 1 and _choices_of_named(lex, toks, found, i, length):
                    continue  # "a ham and swiss with lettuce tomato and mayo": its toppings, not part of "blt"
                if not exact and length > 1 and qualifier_before(toks, i + 1) is not None and any(
                        t.exact for t in lex.phrases.get(tuple(toks[i + 1:i + length]), ())):
                    continue  # "with extra boba": an amount and a choice, not a part of "extra boba on the side"
                if not exact and length == 1 and toks[i] in _PLAIN and i + 1 < n and toks[i + 1] in ("one", "ones"):
                    continue  # "two regular ones": made the plain way, not a part of some product's name
                if length == 1 and not exact and i and toks[i - 1].isdigit() and i + 2 < n and toks[i + 1] == "of" \
                        and _package_of_next(lex, toks, i + 2, targets):
                    continue  # "eight balls of the baby pink": the units counted, not a part of "ball winder"
                if length == 1 and toks[i] in _PACKAGES and i + 2 < n and toks[i + 1] == "of" \
                        and (not exact or all(t.kind == "product" for t in targets)) \
                        and _package_of_next(lex, toks, i + 2, targets):
                    continue  # "a pack of junior mints": the package of what follows, not a part of "couples pack"
                if length == 1 and toks[i] in _PACKAGES and i + 2 < n and toks[i + 1] == "of" \
                        and all(t.kind in ("option", "group") for t in targets) \
                        and _package_not_chosen(lex, toks, i + 2, [t for t in targets if t.kind == "option"]):
                    continue  # "a sheet of plywood": the sheet it comes in, not the sandpaper's "sheets"
                    # ("two boxes of corn flakes": not the storage boxes the shop also sells; but "a case of bud
                    # light" is the case the beer comes in, a choice)
                if length == 1 and not exact and i and toks[i - 1].isdigit() \
                        and (toks[i] in _PACKAGES or toks[i].removesuffix("s") in COUNT_UNITS) \
                        and _package_in_names(lex, toks[i], targets):
                    continue  # "cough drops cherry" - "two bags": the bags the line comes in, not a part of the
                    # product's "bag of cough drops" (nor "the tape blue two roll" a second "roll of tape")
                named_head = _head_of_named(lex, toks, i, targets, found) if length == 1 and not exact else None
                if named_head is not None:  # "a monitor arm no wait scratch the arm": that product said again
                    found.append(Mention(i, i + 1, (Target("product", sku=named_head),)))
                    i += 1
                    break
                if length == 1 and not exact and _sole_head_after_article(lex, toks, i, targets):
                    chosen = tuple(replace(t, exact=True) for t in targets)  # "the map": the one map, by its noun
                elif length == 1 and not exact and len(toks[i]) < 4 and not (
                        found and found[-1].end == i and found[-1].options and (_head_noun(lex, toks[i], targets)
                                                                               or _chosen_head(lex, toks[i], targets,
                                                                                               found[-1]))):
                    continue  # a short sub-phrase is a product only as the head of its modifiers ("an onion pie")
                if length > 1 and (dish := _dish_with_choices(lex, toks, i, length, chosen, in_play)) is not None:
                    found.extend(dish)  # "a chicken korma": the korma with chicken, not the meal deal's curry
                    i += length
                    break
                found.append(Mention(i, i + length, chosen))
                i += length
                break
        else:
            i += 1
    found = choice_by_owner_name(lex, toks, dishes_of_choices(lex, toks, found, in_play), in_play)
    found = _own_choice_naming_after_choices(lex, toks, _counted_product_in_choice(lex, toks, _own_choice_over_others(lex, toks, _named_by_purpose(
        lex, toks, _value_by_fit(lex, toks, _name_said_around(lex, toks, _name_said_swapped(lex, toks, found)))),
        in_play)))
    found = _choice_inside_name(lex, toks, _noun_phrase_choices(lex, toks, _own_choice_in_alias(lex, toks, _group_named_after(
        lex, toks, _value_in_group_name(lex, toks, _values_naming_group(lex, toks, _value_after_group(lex, toks, _common_value_after_group(lex, toks, _values_listed_after_group(lex, toks, _thing_worked_on(lex, toks, _group_before_its_value(found)))))))))))
    found = _side_orders(lex, _common_name_word_one(lex, toks, found, in_play), toks)
    return _head_left_unsaid(lex, toks, _sibling_by_noun(lex, toks, _plain_parts(lex, toks, _box_mixes(
        lex, toks, _guarded_options(lex, toks, _completed_values(lex, toks, _qualified_groups(lex, toks, _coordinated(
            lex, toks, _contained(lex, toks, _counts_not_choices(lex, toks, _placement_of_choice(
                lex, toks, _products_joined_in_choice(lex, toks, _choices_joined_in_choice(lex, toks, _modifiers_sharing_noun(
                    lex, toks, found)), in_play)))))))),
        mix_for))))


_FEW_NAMED = 64  # products read for the one a choice said after a word of its name belongs to


def _common_name_word_one(lex: Lexicon, toks: Sequence[str], found: list[Mention],
                          in_play: AbstractSet[str]) -> list[Mention]:
    """"make the down one long" with a down and a synthetic sleeping bag in the cart: a common word ("down", kept
    out of the catalog's phrases) said as "the <word> one" is the product in play whose name holds it, when one
    does and another in play does not."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = list(found)
    for k in range(1, len(toks) - 1):
        word = toks[k]
        if k in taken or toks[k - 1] not in ("the", "that") or toks[k + 1] not in ("one", "ones") \
                or word in ORDINALS or not word.isalpha():
            continue
        named = [sku for sku in sorted(in_play) if sku in lex.products
                 and word in phrase_of(lex.products[sku].name)]
        if len(named) == 1 and len(in_play) > 1:
            out.append(Mention(k, k + 1, (Target("product", sku=named[0], exact=False),)))
    return sorted(out, key=lambda m: m.start)


def _head_left_unsaid(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a whole original and a whole spicy" where the "whole chicken" comes in original and spicy: a word no mention
    holds, said after an article or a count and right before a choice, that begins the name (of two words or more)
    of the one product offering that choice whose name (not another name: "pair of slippers" is no pair of grey
    socks) it begins, names that product, its head noun left unsaid."""
    covered = {i for m in found for i in range(m.start, m.end)}
    starts = {m.start for m in found if m.products}
    out = list(found)
    for m in found:
        i = m.start - 1
        if m.products or not m.options or i < 1 or i in covered or not toks[i].isalpha() or m.end in starts \
                or not (toks[i - 1] in _COUNTED or toks[i - 1].isdigit()):
            continue
        skus: set[str] = set()
        for t in m.options:
            for sku in islice(lex.option_skus.get((t.group, t.value), ()), _FEW_NAMED):
                product = lex.products.get(sku)
                if product is not None and len(n := phrase_of(product.name)) > 1 and n[0] == toks[i]:
                    skus.add(sku)
        if len(skus) == 1:
            out.append(Mention(i, i + 1, (Target("product", sku=skus.pop()),)))
    return sorted(out, key=lambda m: m.start)


def _name_said_swapped(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """A product's name said head first and its modifier after ("one juice orange", "a slice sicilian", "one slice
    the white", "a shot of ginger"): the two mentions are one, of the product whose name (or alias) the words are
    when said modifier first, when that product is one the two mentions point at already (one of the head's
    products, or the product the modifier names). Only ``swapped_name_gap`` words may stand between them."""
    out = list(found)
    k = 0
    while k + 1 < len(out):
        head, mod = out[k], out[k + 1]
        gap = toks[head.end:mod.start]
        if not head.products or head.options or head.groups or len(gap) > 1 \
                or any(w not in _SWAPPED_NAME_GAP for w in gap) \
                or not (head.start > 0 and (toks[head.start - 1] in _ONE_OF or toks[head.start - 1].isdigit())):
            # only a thing counted as it is ordered ("one juice orange", "a slice sicilian"); "make the photos
            # glossy" changes the photos of a line
            k += 1
            continue
        swapped = (*toks[mod.start:mod.end], *toks[head.start:head.end])
        named = {t.sku for t in lex.phrases.get(swapped, ()) if t.kind == "product" and t.exact}
        if len(named) != 1 or not named <= {t.sku for m in (head, mod) for t in m.products} \
                or toks[mod.start:mod.end] and all(w in _MIX_SHARES for w in toks[mod.start:mod.end]):
            # ("a dozen half glazed half chocolate": a share of the dozen's mix, no half dozen)
            k += 1
            continue
        out[k:k + 2] = [Mention(head.start, mod.end, (Target("product", next(iter(named))),))]
        k += 1
    return out


def _name_said_around(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """A whole product name said next to words of a longer name that holds it ("the earl grey lavender", "a ginger
    cold steep tea", "a cold steep ginger tea"): the mentions are one, of that longer product, when the words said
    together are all of its name in any order (one word of a name of four or more may go unsaid) and no other
    product's name holds them; so too when the words after it are also a choice the product said does not come in
    ("a croissant almond"), and for "the <name>, the <kind> one". Words joined by "and" or "with", a choice the
    product said comes in, a count or a box's unit, or words after a verb that changes a line ("make", "change")
    are left as they were."""
    out = list(found)
    k = 0
    while k < len(out):
        whole = out[k]
        if not whole.products or not all(t.exact for t in whole.products) or whole.options or whole.groups:
            k += 1
            continue
        own = {t.sku for t in whole.products}
        lo = hi = k
        while lo > 0 and _part_of_longer(lex, out[lo - 1], own) and out[lo - 1].end == out[lo].start:
            lo -= 1
        while hi + 1 < len(out) and _part_of_longer(lex, out[hi + 1], own) and (
                out[hi].end == out[hi + 1].start or hi == k and _kind_one_after(toks, whole, out[hi + 1])):
            hi += 1
        run = out[lo:hi + 1]
        said = {w for m in run for w in toks[m.start:m.end]}
        if lo == hi or any(w.isdigit() or w in COUNT_UNITS for w in said) \
                or any(w in _REMAKE for w in toks[:run[0].start]):
            k += 1  # "a dozen half glazed": a count and its box, not words of the "half dozen" box's name;
            continue  # "make the photos glossy instead": a line changed, not a longer product named
        named = {t.sku for m in run if m is not whole for t in m.products}
        if any(not m.products for m in run if m is not whole):  # a choice word: the longer names by their words
            named |= set(lex.products)
        longer = {sku for sku in named - own if _holds_said(lex, sku, said)}
        if len(longer) != 1:
            k += 1
            continue
        out[lo:hi + 1] = [Mention(run[0].start, run[-1].end, (Target("product", next(iter(longer))),))]
        k = lo + 1
    return out


def _part_of_longer(lex: Lexicon, m: Mention, own: AbstractSet[str]) -> bool:
    """``m`` is only words of some product's name, or a choice none of ``own`` comes in (no group's name)."""
    if m.groups or any(t.exact for t in m.products):
        return False
    return bool(m.products) or bool(m.options) and not _offers_any(lex, m.options, own)


def _kind_one_after(toks: Sequence[str], whole: Mention, m: Mention) -> bool:
    """"the earl grey, the lavender one": only articles between, and "one" after the kind."""
    return all(w in _ARTICLES for w in toks[whole.end:m.start]) and m.end < len(toks) and toks[m.end] in ("one", "ones")


def _holds_said(lex: Lexicon, sku: str, said: AbstractSet[str]) -> bool:
    """Some name of product ``sku`` has every word of ``said``, and lacks at most one word (of four or more)."""
    product = lex.products.get(sku)
    if product is None:
        return False
    for name in (product.name, *product.aliases):
        words_of = set(phrase_of(name))
        if said <= words_of and len(words_of - said) <= (len(words_of) - 1) // 3:
            return True
    return False


def _one_in_choice(lex: Lexicon, toks: Sequence[str], i: int, length: int) -> bool:
    """"two sample pots one in sage and one in butter yellow": "one" and a unit spelled like a preposition ("in"),
    followed by a choice's words, is one of them made in that choice, not the "1 in" choice."""
    j = i + length
    return length == 2 and toks[i + 1] in _HOLDER_PREPS and j < len(toks) and any(
        t.kind == "option" for size in range(1, lex.max_len + 1) for t in lex.phrases.get(tuple(toks[j:j + size]), ()))


def _sibling_by_noun(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"fifteen black and white double sided and five colour single sided": a word said as an item (after a
    count or an article, no product right after it) that names no choice of the product named before it, but
    with that product's head noun names another product exactly ("colour" + "copies"), is that other product."""
    out = list(found)
    for n, m in enumerate(found):
        before = [o for o in found[:n] if o.exact_products]
        nxt = found[n + 1] if n + 1 < len(found) else None
        if not before and (against := _said_against(toks, found, n)) is not None:
            before = [against]  # "make it the rye not the sourdough": the kind of the product it is said against
        if m.products or not before or m.start == 0 or not (toks[m.start - 1] in _ITEM_STARTS
                                                          or toks[m.start - 1].isdigit()):
            continue
        if nxt is not None and nxt.start == m.end and nxt.products:
            continue  # "colour copies": a modifier of the product said after it
        skus = {t.sku for t in before[-1].exact_products}
        products = [lex.products[sku] for sku in skus if sku in lex.products]
        if any(p.group(t.group) is not None for p in products for t in m.targets):
            continue  # a choice (or a group) of the product before it: "a black and white and a double sided"
        said = tuple(toks[m.start:m.end])
        named = {t.sku for p in products for h in (1, 2) if h < len(phrase_of(p.name))
                 for t in lex.phrases.get(said + phrase_of(p.name)[-h:], ())
                 if t.kind == "product" and t.exact and t.sku not in skus}
        if len(named) == 1:
            out[n] = Mention(m.start, m.end, (Target("product", sku=named.pop()),))
    return out


_CONTRASTS = frozenset(words("contrast_words"))


def _said_against(toks: Sequence[str], found: Sequence[Mention], n: int) -> Mention | None:
    """"the rye (sliced) not the sourdough": the product named after the mention ``n``, past only choices, articles
    and words of contrast (one of them said), that the mention is said against; None when there is none."""
    m = found[n]
    covered = set(range(m.start, m.end))
    for o in found[n + 1:]:
        if o.exact_products:
            gap = [toks[i] for i in range(m.end, o.start) if i not in covered]
            if gap and all(t in _CONTRASTS or t in _ITEM_STARTS for t in gap) and any(t in _CONTRASTS for t in gap):
                return o
            return None
        if o.products:
            return None
        covered.update(range(o.start, o.end))
    return None


def _modifiers_sharing_noun(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"the front and back lights", "a front and a rear light": two words joined by "and" before one noun, each of
    which names a product with that noun ("front lights", "back lights"), are those two products, not one choice
    ("front and back" of a brake) nor the one product whose name holds the rest."""
    out = list(found)
    for i in range(len(toks) - 3):
        if toks[i + 1] != "and" or (i and toks[i - 1] not in _ITEM_STARTS and not toks[i - 1].isdigit()) \
                or any(m.start <= i < m.end and m.exact_products for m in found):
            continue  # a modifier right after an article or a count (not "my daughter's bike and a kids helmet"),
            # no part of a whole name ("a front and rear light set")
        j = i + 3 if toks[i + 2] in _ARTICLES else i + 2  # "a front and a rear light"
        for size in range(min(lex.max_len - 1, len(toks) - j - 1), 0, -1):
            noun = tuple(toks[j + 1:j + 1 + size])
            first, second = (
                tuple(dict.fromkeys(t for t in lex.phrases.get((w, *noun), ()) if t.kind == "product" and t.exact))
                for w in (toks[i], toks[j]))
            whole = [t for t in lex.phrases.get(tuple(toks[i:j + 1 + size]), ()) if t.kind == "product" and t.exact]
            if not first or not second or whole or {t.sku for t in first} & {t.sku for t in second}:
                continue
            end = j + 1 + size
            out = [m for m in out if m.end <= i or m.start >= end]
            out += [Mention(i, i + 1, first), Mention(j, end, second)]
            break
    return sorted(out, key=lambda m: m.start)


_ARTICLES = words("list_articles")


def _products_joined_in_choice(lex: Lexicon, toks: Sequence[str], found: list[Mention],
                               in_play: AbstractSet[str]) -> list[Mention]:
    """"a falafel bowl with hummus and pita on the side": a choice named "hummus and pita" (a combo's side) whose
    product is neither said nor in play, and whose words are two products joined by "and", is those two
    products; said before "on the side" they are side orders, not choices of the item before."""
    out: list[Mention] = []
    for m in found:
        owners = _few_owners(lex, m.options) or set()  # a choice of many products is no combo's side
        joins = [j for j in range(m.start + 1, m.end - 1) if toks[j] == "and"]
        if m.products or not owners or len(joins) != 1 or owners & in_play \
                or any(t.sku in owners for f in found for t in f.products):
            out.append(m)
            continue
        halves = [(m.start, joins[0]), (joins[0] + 1, m.end)]
        said = [[t for t in lex.phrases.get(tuple(toks[a:b]), ()) if t.exact] for a, b in halves]
        if not all(any(t.kind == "product" for t in ts) for ts in said):
            out.append(m)
            continue
        side = any(tuple(toks[m.end:m.end + len(p)]) == p for p in _SIDE_CUE)
        for (a, b), ts in zip(halves, said, strict=True):
            out.append(Mention(a, b, tuple(t for t in ts if t.kind == "product" or not side)))
    return out


_SIDE_CUE = phrases("side_cue")


def _choices_joined_in_choice(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a slice with sausage and peppers": a choice named "sausage and peppers" (a calzone's filling) that no product
    named in the sentence offers, whose words are two choices joined by "and" that such a product offers ("sausage",
    "peppers" of the slice's toppings), is those two choices."""
    named = {t.sku for f in found for t in f.exact_products}
    out: list[Mention] = []
    for m in found:
        joins = [j for j in range(m.start + 1, m.end - 1) if toks[j] == "and"]
        if m.products or not m.options or len(joins) != 1 or not named or any(
                sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in named):
            out.append(m)
            continue
        halves = [(m.start, joins[0]), (joins[0] + 1, m.end)]
        said = [tuple(t for t in lex.phrases.get(tuple(toks[a:b]), ()) if t.kind == "option" and any(
            sku in lex.option_skus.get((t.group, t.value), ()) for sku in named)) for a, b in halves]
        if not all(said):
            out.append(m)
            continue
        out.extend(Mention(a, b, ts) for (a, b), ts in zip(halves, said, strict=True))
    return out


_NEW_ITEM = words("new_item_words")


def _said_with(lex: Lexicon, toks: Sequence[str], found: Sequence[Mention], n: int) -> list[Mention]:
    """The mentions said with ``found[n]`` as one item: the choices right before it ("a large hot ..."), those after it
    up to a new item ("... small and a ...", but "with a splash of milk" goes on), and a product named just before
    its count ("two hot teas one chamomile": the teas it is one of)."""
    m, out = found[n], []
    k, p = m.start - 1, n - 1
    while k >= 0:
        if p >= 0 and found[p].end == k + 1 and found[p].options and not found[p].products:
            out.append(found[p])
            k, p = found[p].start - 1, p - 1
        elif toks[k] in _FILLERS:
            k -= 1
        else:
            break
    k, p = m.start - 1, n - 1
    while k >= 0 and (toks[k] == "one" or toks[k].isdigit()) and p >= 0 and found[p].end == k:
        if not found[p].options:
            if _kinds_counted(lex, toks, found, p):
                out.append(found[p])  # the product the counted kinds are of
            break
        if not found[p].products:
            break
        k, p = found[p].start - 1, p - 1  # "one chamomile one peppermint": past another kind, to the noun
    j = m.end
    for o in found[n + 1:]:
        gap = toks[j:o.start]
        if o.products or (gap and (gap[0] not in _WITH_WORDS or "and" in gap)):
            break  # "... small and a ...", "instead of the coke", but "with a splash of milk" goes on
        out.append(o)
        j = o.end
    return out


def _kinds_counted(lex: Lexicon, toks: Sequence[str], found: Sequence[Mention], p: int) -> bool:
    """"two hot teas one chamomile one peppermint": after a counted product, counted words that are all its choices
    and add up to its count are its kinds (not "two cappuccinos one mocha one espresso", a list)."""
    noun, q = found[p], p - 1
    c = noun.start - 1
    while q >= 0 and found[q].end == c + 1 and found[q].options and not found[q].products:
        c, q = found[q].start - 1, q - 1  # "two iced coffees": past its choices to its count
    if c < 0 or not toks[c].isdigit():
        return False
    skus = {t.sku for t in noun.products}
    total, k = 0, noun.end
    for o in found[p + 1:]:
        if o.start != k + 1 or not toks[k].isdigit() and toks[k] != "one" or not any(
                sku in lex.option_skus.get((t.group, t.value), ()) for t in o.options for sku in skus):
            break
        total += 1 if toks[k] == "one" else int(toks[k])
        k = o.end
    return total == int(toks[c]) and (k == len(toks) or toks[k] in _NEW_ITEM)


_FEW_OWNERS = 24  # products offering one choice, above which the choice says nothing of which product is meant


def _one_opens_part(lex: Lexicon, toks: Sequence[str], i: int, length: int) -> bool:
    """"One black one red": words ending in "one" (an alias such as "black one") said right after a count of one,
    with a choice right after that "one": the "one" opens the next part, each part "one <choice>"."""
    end = i + length
    if toks[end - 1] != "one" or i == 0 or toks[i - 1] != "one" or end >= len(toks):
        return False
    return any(t.kind == "option" for k in range(1, min(lex.max_len, len(toks) - end) + 1)
               for t in lex.phrases.get(tuple(toks[end:end + k]), ()))


def _few_owners(lex: Lexicon, targets: Sequence[Target]) -> set[str] | None:
    """The products offering any of the choices ``targets``, or None when more than :data:`_FEW_OWNERS` do (read
    lazily: a big catalog's index is never read whole)."""
    out: set[str] = set()
    for t in targets:
        if t.kind != "option":
            continue
        out.update(islice(lex.option_skus.get((t.group, t.value), ()), _FEW_OWNERS + 1))
        if len(out) > _FEW_OWNERS:
            return None
    return out


def _offers_any(lex: Lexicon, targets: Sequence[Target], skus: AbstractSet[str]) -> bool:
    """Some product of ``skus`` offers one of the choices ``targets`` (one product read per check)."""
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in targets if t.kind == "option" for sku in skus)


def _value_by_fit(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a hot earl grey", "a small chamomile with honey", "two hot teas one chamomile": a word naming a product (the
    loose earl grey) and a choice of another (the brewed tea's "earl grey") is that choice when the words said with
    it fit the other product (hot, honey, the teas) and none fits only its own (not "100 grams of earl grey"); so is
    a word naming a product and part of another's name ("the culinary matcha": the matcha tin's grade, not the
    latte) that product."""
    out = list(found)
    for n, m in enumerate(found):
        own = {t.sku for t in m.exact_products}
        if not own or any(tuple(toks[m.end:m.end + len(p)]) == p for p in _SIDE_CUE):
            continue  # "two more festival on the side": a side order, whatever a choice's words said with it fit
        alts: list[tuple[set[str], tuple[Target, ...]]] = []
        choice = m.options
        chosen = _few_owners(lex, choice) if choice else None
        if choice and chosen is not None:
            alts.append((chosen - own, choice))
        said = _said_with(lex, toks, found, n)
        name = tuple(toks[m.start:m.end])
        if any(t.kind == "product" for o in said for words in ((*toks[o.start:o.end], *name), (*name, *toks[o.start:o.end]))
               for t in lex.phrases.get(words, ())):
            continue  # "a mocha, iced": the words said with it and its name make another product's name (iced mocha)
        owners = [_few_owners(lex, o.options) for o in said]
        if all(o is not None for o in owners):  # a choice most products offer is no clue
            said_of = {sku for o in owners if o is not None for sku in o}
            alts += [({sku}, (Target("product", sku),)) for sku in sorted(said_of - own)
                     if part_of_name(lex, tuple(toks[m.start:m.end]), sku)]
        fitting = [targets for skus, targets in alts if skus and _fits_better(lex, toks, said, skus, own)]
        if len(fitting) > 1 and fitting[0] is not choice:  # "a big number 0 balloon": the number balloon, that comes big and in numbers, not the
            every = [ts for ts in fitting if ts is not choice and all(  # letter balloon, that only comes big
                _offers_any(lex, o.options, {t.sku for t in ts}) for o in said if o.options
                and not (o.end - o.start == 1 and toks[o.start].isdigit()))]  # (a bare number may be the count)
            fitting = every if len(every) == 1 else fitting
        if fitting and (len(fitting) == 1 or fitting[0] is choice):  # the choice it names before a name's part
            out[n] = Mention(m.start, m.end, fitting[0], m.part)
    return out


def part_of_name(lex: Lexicon, said: tuple[str, ...], sku: str) -> bool:
    """``said`` is a run of words of a name of product ``sku`` ("matcha" of "tin of matcha")."""
    product = lex.products.get(sku)
    return product is not None and any(words_run(said, phrase_of(name))
                                       for name in (product.name, *product.aliases))


def _names_in(lex: Lexicon, sku: str, a: int, b: int, toks: Sequence[str]) -> bool:
    """The words ``toks[a:b]`` hold a name of product ``sku`` ("pilau rice" holds the rice's "rice")."""
    product = lex.products.get(sku)
    return product is not None and any(words_run(phrase_of(name), tuple(toks[a:b]))
                                       for name in (product.name, *product.aliases) if name)


def _fits_better(lex: Lexicon, toks: Sequence[str], said: Sequence[Mention], skus: set[str], own: set[str]) -> bool:
    """Some word said with an item fits only ``skus`` (a choice only they offer, or their own name before the
    kinds counted) and none fits only ``own``."""
    fits_own = fits_other = False
    for o in said:
        if not o.options:
            fits_other = fits_other or bool(o.products) and {t.sku for t in o.products} <= skus
            continue
        by_skus, by_own = _offers_any(lex, o.options, skus), _offers_any(lex, o.options, own)
        offer = _few_owners(lex, o.options) if by_skus else None
        if offer is not None and any(_names_in(lex, sku, o.start, o.end, toks) for sku in offer - skus - own):
            continue  # "with pilau rice": a choice saying the name of a product of its own (the rice), no clue
        fits_own = fits_own or (by_own and not by_skus)
        fits_other = fits_other or (by_skus and not by_own)
    return fits_other and not fits_own


def _package_of_next(lex: Lexicon, toks: Sequence[str], j: int, targets: Sequence[Target]) -> bool:
    """After a package word and "of" (and "the"), another product is named: by a name of its own ("a pack of junior
    mints"), or by a choice only other products offer ("a bottle of wet lube": the lube's type, not the water
    bottle's)."""
    while j < len(toks) and toks[j] in _PACKAGE_DETERMINERS:
        j += 1
    skus = {t.sku for t in targets if t.kind == "product"}
    for size in range(1, lex.max_len + 1):
        after = lex.phrases.get(tuple(toks[j:j + size]), ())
        if any(t.kind == "product" and t.exact and t not in targets for t in after):
            return True
        owners = {sku for t in after if t.kind == "option" for sku in lex.option_skus.get((t.group, t.value), ())}
        if skus and owners and not owners & skus:
            return True
    return False


def _package_not_chosen(lex: Lexicon, toks: Sequence[str], j: int, targets: Sequence[Target]) -> bool:
    """After a package word that is a choice and "of" (and "the"), a product is named (past its choices) that offers
    none of the choices the package word names: the package it comes in, no choice."""
    while j < len(toks) and toks[j] in _PACKAGE_DETERMINERS:
        j += 1
    named = _product_after_choices(lex, toks, j) or _owner_of_choices(lex, toks, j) or _products_in_part(lex, toks, j)
    return bool(named) and bool(targets) and not any(_offered(lex, sku, t) for sku in named for t in targets)


def _products_in_part(lex: Lexicon, toks: Sequence[str], j: int) -> set[str]:
    """The products the words from ``j`` name in part, by the longest phrase there that names only products ("the
    dry food": the dry cat and dog foods), as a set; empty when that phrase names anything else."""
    for size in range(min(lex.max_len, len(toks) - j), 0, -1):
        targets = lex.phrases.get(tuple(toks[j:j + size]), ())
        if targets:
            return {t.sku for t in targets} if all(t.kind == "product" for t in targets) else set()
    return set()


def _owner_of_choices(lex: Lexicon, toks: Sequence[str], j: int) -> set[str]:
    """The one product offering every choice said from ``j`` on, one after another ("a sheet of three quarter
    birch": the plywood), as a set; empty when no choice is said there or not one product offers them all."""
    owners: set[str] | None = None
    while j < len(toks):
        size = next((size for size in range(min(lex.max_len, len(toks) - j), 0, -1)
                     if (ts := lex.phrases.get(tuple(toks[j:j + size]), ())) and all(t.kind == "option" for t in ts)), 0)
        if not size:
            break
        skus = {sku for t in lex.phrases.get(tuple(toks[j:j + size]), ()) for sku in lex.option_skus.get((t.group, t.value), ())}
        owners = skus if owners is None else owners & skus
        j += size
    return owners if owners is not None and len(owners) == 1 else set()


def package_of_line(lex: Lexicon, toks: Sequence[str], m: Mention, sku: str | None) -> bool:
    """"another sheet in half inch" after a sheet of plywood: a package word said after "another" that names only
    choices the line's product (``sku``) does not offer is that product's package, "another one", no choice (the
    sandpaper's "sheets")."""
    return sku is not None and m.end == m.start + 1 and m.start > 0 and toks[m.start - 1] == "another" \
        and toks[m.start] in _PACKAGES and bool(m.targets) and all(t.kind == "option" for t in m.targets) \
        and not any(_offered(lex, sku, t) for t in m.targets)


def _package_in_names(lex: Lexicon, word: str, targets: Sequence[Target]) -> bool:
    """Every product ``targets`` names has ``word`` in its names only as a package of what follows ("bag" of
    "bag of cough drops"), never as the head of a name ("dinner rolls")."""
    skus = {t.sku for t in targets if t.kind == "product"}
    if not skus or any(t.kind != "product" for t in targets):
        return False
    stem = word.removesuffix("es") if word.endswith("xes") or word.endswith("ches") else word.removesuffix("s")
    packed = False
    for sku in skus:
        product = lex.products.get(sku)
        if product is None:
            return False
        for name in (product.name, *product.aliases):
            said = phrase_of(name)
            for k, w in enumerate(said):
                if w in (word, stem, stem + "s", stem + "es"):
                    if said[k + 1:k + 2] != ("of",):
                        return False  # "cinnamon roll" for "two rolls": the product's own noun
                    packed = True
    return packed


def _side_orders(lex: Lexicon, found: list[Mention], toks: Sequence[str]) -> list[Mention]:
    """"a half pounder with jalapenos and some onion rings on the side" where onion rings are both a side the shop
    sells and a burger's add-on: words that name a product and a choice, said right before "on the side", are the
    product, a side order of its own (but not where the choice is of a group that "on the side" names: "a catfish
    po boy with sweet potato fries on the side", the po'boy's side)."""
    out: list[Mention] = []
    for m in found:
        cue = next((p for p in _SIDE_CUE if tuple(toks[m.end:m.end + len(p)]) == p), None)
        if cue is not None and m.exact_products and m.options and not _group_named_in(lex, m.options, cue):
            m = replace(m, targets=m.exact_products)
        out.append(m)
    return out


def _group_named_in(lex: Lexicon, choices: Sequence[Target], said: tuple[str, ...]) -> bool:
    """Some product offering one of ``choices`` names that choice's group by words run in ``said``."""
    for t in choices:
        for sku in lex.option_skus.get((t.group, t.value), ()):
            g = (p := lex.products.get(sku)) and p.group(t.group)
            if g and any((words := phrase_of(name)) and words_run(words, said) for name in (g.name, *g.aliases)):
                return True
    return False


def _placement_of_choice(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a veggie pho with extra tofu and hoisin on the side", where "on the side" is short for the broth's "broth on
    the side": said right after a choice of another group, a choice's words that open with a preposition of place
    and leave out its group's own word (the "broth" of its name) say where the choice before it goes; dropped. (Not
    "ranch on the side" where the value is "dressing on the side": the dressing is the ranch's own group.)"""
    out = list(found)
    for prev, m in zip(found, found[1:], strict=False):
        if prev.end == m.start and prev.exact_products and m.options and not m.products \
                and tuple(toks[m.start:m.end]) in _SIDE_CUE:
            out.remove(m)  # "two more festival on the side": a side order (the product), not a choice placed
            continue
        if prev.end != m.start or not prev.options or not m.options or prev.products or m.products \
                or toks[m.start] not in _PLACEMENT_PREPS:
            continue
        before = {w for t in prev.options for g in _groups_of(lex, t) for n in (g.name, *g.aliases) for w in phrase_of(n)}
        said = set(toks[m.start:m.end])
        if all(_subject_left_out(g, t.value, said, before) for t in m.options for g in _groups_of(lex, t)) \
                and not ({t.group for t in m.options} & {t.group for t in prev.options}):
            out.remove(m)
    return out


_FEW_GROUPS = 50  # the products looked at for a choice's groups
_PLACEMENT_PREPS = words("placement_preps")


def _groups_of(lex: Lexicon, t: Target) -> list[OptionGroup]:
    """The groups of the products offering the choice ``t``."""
    out = []
    for sku in islice(lex.option_skus.get((t.group, t.value), ()), _FEW_GROUPS):
        product = lex.products.get(sku)
        group = product.group(t.group) if product is not None else None
        if group is not None:
            out.append(group)
    return out


def _subject_left_out(group: OptionGroup, code: str, said: set[str], before: set[str]) -> bool:
    """Whether the choice's name holds a word of its own group's name ("broth" in "broth on the side") that was not
    said and that names no group of the choice said before it."""
    value = group.value(code)
    if value is None:
        return False
    own = {w for n in (group.name, *group.aliases) for w in phrase_of(n)}
    left = set(phrase_of(value.name)) - said
    return bool(left & own) and not (left & before)


def _plain_parts(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"two liege waffles one plain and one with chocolate sauce", "three nutella crepes, one with bananas and the
    other two regular": a plain word said alone as a part of a counted product named in full is that product made
    with nothing added; not another product with the word in its name ("plain waffle"), nor a choice of some other
    product ("plain" lemonade). A choice the counted product has ("two bagels, one plain ...") stays."""
    out: list[Mention] = []
    for m in found:
        k = m.start
        whole = next((p for p in reversed(out) if p.exact_products), None)
        if m.end == k + 1 and toks[k] in _PLAIN and k > 0 and (toks[k - 1] in _PART_LEADS or toks[k - 1].isdigit()) \
                and whole is not None and whole.start > 0 and toks[whole.start - 1].isdigit() \
                and int(toks[whole.start - 1]) >= 2 and not _names_with_noun(lex, toks[k], toks[whole.start:whole.end]):
            skus = {t.sku for t in whole.exact_products}
            if not any(t.sku in skus or t.kind == "option" and any(_offered(lex, s, t) for s in skus)
                       for t in m.targets):
                continue
        out.append(m)
    return out


def _names_with_noun(lex: Lexicon, word: str, noun: Sequence[str]) -> bool:
    """"two pies, a plain and a white": the word and the counted bare noun name a product ("plain pie")."""
    if len(noun) != 1:
        return False
    forms = {noun[0], noun[0].removesuffix("s"), noun[0] + "s"}
    return any(t.kind == "product" for f in forms for t in lex.phrases.get((word, f), ()))


_PART_LEADS = frozenset({"one", "other", "a", "an"})


def _own_choice_over_others(lex: Lexicon, toks: Sequence[str], found: list[Mention],
                            in_play: AbstractSet[str]) -> list[Mention]:
    """"a clear case for an iphone 15" where "for an iphone" names the lightning plug of the cables only: a choice
    phrase none of the products said before it (else after it, else in play) comes in gives way to a phrase starting
    inside it and running further that is a choice of one of them ("iphone 15", the case's model); the words before
    it are left unread. A choice only some products come in stands for them ("a wallet case": the case's style)."""
    out = list(found)
    for m in found:
        skus = set(in_play)
        for said in ([o for o in out if o.end <= m.start], [o for o in out if o.start >= m.end]):
            named = {sku for o in said for sku in _products_named(lex, o)}
            if named:
                skus = named
                break
        if m not in out or m.products or not m.options or any(_offered(lex, s, t) for s in skus for t in m.options):
            continue
        for j in range(m.start + 1, m.end):
            e = next((e for e in range(min(len(toks), j + lex.max_len), m.end, -1)
                      if any(_offered(lex, s, t) for s in skus for t in lex.phrases.get(tuple(toks[j:e]), ()))), None)
            if e is None:
                continue
            own = tuple(t for t in lex.phrases.get(tuple(toks[j:e]), ()) if any(_offered(lex, s, t) for s in skus))
            if any(o is not m and o.start < e and o.end > j and o.products for o in out):
                continue  # a product named there keeps its words
            out = sorted([o for o in out if o.end <= m.start or o.start >= e] + [Mention(j, e, own)],
                         key=lambda x: x.start)
            break
    return out


def _named_by_purpose(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a charger for my car" where the shop sells a "car charger": a product said by a short name, then "for my"
    (or "for the") and words that, put before that name, name another product in full, names that product."""
    out = list(found)
    for m in found:
        if not m.products:
            continue
        said = tuple(toks[m.start:m.end])
        for lead in _PURPOSE_LEADS:
            at = m.end + len(lead)
            if tuple(toks[m.end:at]) != lead:
                continue
            for e in range(min(len(toks), at + 2), at, -1):
                named = tuple(dict.fromkeys(t for t in lex.phrases.get((*toks[at:e], *said), ())
                                            if t.kind == "product" and t.exact))
                inside = [o for o in out if o.start < e and o.end > at]
                if len(named) != 1 or named == m.exact_products or any(
                        o.exact_products or o.options or any(t.sku != named[0].sku for t in o.products) for o in inside):
                    continue  # ("desk" alone is only a part of the desk lamp's name: it goes)
                out = [o for o in out if o not in inside]
                out[out.index(m)] = Mention(m.start, m.end, named)
                break
    return out


def _products_named(lex: Lexicon, m: Mention) -> set[str]:
    """The products a mention names: its own, else those its choice is only of ("wallet case" -> the case)."""
    if m.products:
        return {t.sku for t in m.products}
    skus = [set(islice(lex.option_skus.get((t.group, t.value), ()), 2)) for t in m.options]  # one, or more: 2 read
    return skus[0] if len(skus) == 1 and len(skus[0]) == 1 else set()


def _counted_product_in_choice(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a car charger and two usb c cables" where "usb c cable" is also the wall charger's cable add-on: a choice
    phrase ending in a product's name, counted, or with an article opening a next item of a list (past that product's
    own choices: "two braided usb c cables"), and no "with" since the product before, is that product made with the choice its first words name
    (the cable in usb c)."""
    out = list(found)
    for n, m in enumerate(found):
        if m.products or not m.options:
            continue
        for j in range(m.start + 1, m.end):
            named = tuple(dict.fromkeys(t for t in lex.phrases.get(tuple(toks[j:m.end]), ())
                                        if t.kind == "product" and t.exact))
            skus = {t.sku for t in named}
            head = tuple(t for t in lex.phrases.get(tuple(toks[m.start:j]), ())
                         if any(_offered(lex, sku, t) for sku in skus))
            if len(skus) != 1 or not head or any(_offered(lex, sku, t) for sku in skus for t in m.options):
                continue  # "two short stacks": the pancakes' own "short stack", not the pancakes in "short"
            k = n
            while k and found[k - 1].end == found[k].start and not found[k - 1].products \
                    and any(_offered(lex, sku, t) for sku in skus for t in found[k - 1].options):
                k -= 1
            count = found[k].start - 1 if k < n else m.start - 1
            last = max((o.end for idx, o in enumerate(found[:k]) if o.products and not _choice_of_earlier(lex, found, idx)),
                       default=0)  # ("the meal with a tikka masala and a lamb rogan josh": the meal's, both)
            listed = count == 0 or toks[count - 1] == "and" or any(o.end == count and o.products for o in found)
            if count < 0 or not (toks[count].isdigit() or toks[count] in ("a", "an") and listed) \
                    or any(o.start <= count < o.end for o in found) or any(t in _WITH_WORDS for t in toks[last:count]):
                continue  # "a wall charger with a usb c cable": the charger's cable
            out[out.index(m):out.index(m) + 1] = [Mention(m.start, j, head), Mention(j, m.end, named)]
            break
    return out


def _own_choice_naming_after_choices(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"three quarter birch plywood" where "birch plywood" is a name of the plywood's birch grade: a choice's phrase
    that ends in the name of a product offering it, said right after another choice of that product, is the choice
    its first words name and the product, so the choices before it go to that product too."""
    out = list(found)
    for n, m in enumerate(found):
        if n == 0 or m.products or not m.options or found[n - 1].end != m.start or found[n - 1].products:
            continue
        for j in range(m.start + 1, m.end):
            named = tuple(dict.fromkeys(t for t in lex.phrases.get(tuple(toks[j:m.end]), ())
                                        if t.kind == "product" and t.exact))
            skus = {t.sku for t in named}
            head = tuple(t for t in lex.phrases.get(tuple(toks[m.start:j]), ())
                         if any(_offered(lex, sku, t) for sku in skus))
            if len(skus) == 1 and head and any(_offered(lex, sku, t) for sku in skus for t in m.options) \
                    and any(_offered(lex, sku, t) for sku in skus for t in found[n - 1].options):
                out[out.index(m):out.index(m) + 1] = [Mention(m.start, j, head), Mention(j, m.end, named)]
                break
    return out


def _choice_of_earlier(lex: Lexicon, found: Sequence[Mention], idx: int) -> bool:
    """The mention at ``idx`` names a product that is also a choice a product named before it offers (the deal's
    "tikka masala" curry after "the meal for two with")."""
    m = found[idx]
    return bool(m.options) and any(
        _offered(lex, t.sku, o) for p in found[:idx] if p.products and not p.options
        for t in p.products if t.exact for o in m.options)


def _asked_spans(lex: Lexicon, toks: Sequence[str], mix_for: tuple[str, str] | None) -> list[tuple[int, int]]:
    """Where the turn names a value of the group just asked about that the product asked about offers (``mix_for``:
    that product and group), as (start, end) spans: such a value is not swallowed by a longer phrase of another
    product that only starts before it ("it's for an iphone 15" to "which phone model for the case?")."""
    if mix_for is None:
        return []
    sku, group = mix_for
    return [(j, j + size) for j in range(len(toks)) for size in range(1, min(lex.max_len, len(toks) - j) + 1)
            if any(t.group == group and _offered(lex, sku, t) for t in lex.phrases.get(tuple(toks[j:j + size]), ()))]


def _offered(lex: Lexicon, sku: str, t: Target) -> bool:
    """Product ``sku`` comes in choice ``t``."""
    return t.kind == "option" and sku in lex.option_skus.get((t.group, t.value), ())


def _choice_inside_name(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a side of brown rice" where the shop sells a "side of rice" in white or brown: a product's name (two words
    or more) said with one of that product's own choices inside it is that product made with that choice, one
    mention of both (as a name that is also a choice's: "a lever arch file"); not where the name's other words
    name something else ("a big can of tropical fish food": the big can, and the fish food in tropical)."""
    out = list(found)
    for m in found:
        if m not in out or m.products or not m.options:
            continue
        best: tuple[int, int, Mention] | None = None
        for r in range(1, m.end - m.start + 1):
            run = tuple(toks[m.start:m.start + r])
            choices = [t for t in (*lex.phrases.get(run, ()), *(lex.guarded.get(run[0], ()) if r == 1 else ()))
                       if t.kind == "option"]
            for i in range(m.start - 1, max(-1, m.start - lex.max_len), -1):
                for e in range(m.start + r + 1, min(len(toks), m.start + r + lex.max_len - (m.start - i)) + 1):
                    name = (*toks[i:m.start], *toks[m.start + r:e])
                    skus = list(dict.fromkeys(t.sku for t in lex.phrases.get(name, ()) if t.kind == "product" and t.exact))
                    if not skus and m.start - i >= 2 and toks[m.start - 1] in _ARTICLES:  # "a side of the cajun
                        name = (*toks[i:m.start - 1], *toks[m.start + r:e])  # sauce": past the article
                        skus = list(dict.fromkeys(t.sku for t in lex.phrases.get(name, ())
                                                  if t.kind == "product" and t.exact))
                    said = tuple(t for t in choices if any(_offered(lex, sku, t) for sku in skus))
                    if len(skus) != 1 or not said or (best is not None and e - i <= best[1] - best[0]):
                        continue
                    if any(o is not m and o.start < e and o.end > i and (o.exact_products or o.options or o.groups)
                           and not _foreign_words_of(lex, o, skus[0], i, e)
                           and not _own_group_word(lex, o, skus[0], i, e)
                           and not _shorter_name_within(lex, toks, o, m, i, e) for o in out):
                        continue  # words there that name something else keep it ("a big can of fish food")
                    best = (i, e, Mention(i, e, (Target("product", sku=skus[0]), *dict.fromkeys(said))))
        if best is not None:
            out = sorted([o for o in out if o.end <= best[0] or o.start >= best[1]] + [best[2]], key=lambda x: x.start)
    return out


def _shorter_name_within(lex: Lexicon, toks: Sequence[str], o: Mention, m: Mention, i: int, e: int) -> bool:
    """"eight filled superhero goody bags" for the "filled goody bag" (themed) beside the plain "goody bags": a
    product's name inside the longer name said around a choice (``i`` to ``e``, the choice ``m``) is a part of that
    name when the longer name's other words are no choice of the shorter one's product (the plain bags come in no
    "filled"); not "a big can of tropical fish food", where "big can" is the fish food's own size."""
    if not o.products or o.options or o.groups or not (m.end <= o.start and o.end == e):
        return False  # (the shorter name is the longer one's end, after the choice: its head noun)
    rest = [k for k in range(i, e) if not (o.start <= k < o.end or m.start <= k < m.end)]
    skus = {t.sku for t in o.products}
    return bool(rest) and not any(_offered(lex, sku, t) for a in rest for b in range(a + 1, min(e, a + lex.max_len) + 1)
                                  for t in lex.phrases.get(tuple(toks[a:b]), ()) for sku in skus)


def _foreign_words_of(lex: Lexicon, o: Mention, sku: str, i: int, e: int) -> bool:
    """"three laminated letter pages": a mention inside the name said around a choice ("laminated pages" around
    "letter") that names no product and only choices or groups the named product does not have (a poster's
    "laminated") is a word of that name, not something else."""
    product = lex.products.get(sku)
    return product is not None and i <= o.start and o.end <= e and not o.products \
        and all(product.group(t.group) is None for t in o.targets)


def _own_group_word(lex: Lexicon, o: Mention, sku: str, i: int, e: int) -> bool:
    """"some extra honey butter sauce" where "extra sauce" names the side of sauce: a word inside the name said
    around a choice that names only groups of that very product ("sauce", its sauce's group) is a word of that
    name, not something else."""
    product = lex.products.get(sku)
    return product is not None and i <= o.start and o.end <= e and not o.products and not o.options \
        and bool(o.groups) and all(product.group(t.group) is not None for t in o.groups)


def _own_choice_in_alias(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"two rolls of invisible tape" where "invisible tape" is another name of the sticky tape, which comes clear or
    invisible: a product said by another name that holds one of its own choices (not its default, nor a word of its
    own name) is that product made so; the mention names both."""
    out: list[Mention] = []
    for m in found:
        skus = {t.sku for t in m.exact_products}
        product = lex.products.get(next(iter(skus))) if len(skus) == 1 else None
        if product is None or any(product.group(t.group) is not None for t in m.options):
            # (a choice of other products the words name too leaves it be: "sweet and sour chicken", also a
            # combination plate's entree, is the sweet and sour with chicken)
            out.append(m)
            continue
        said, own = tuple(toks[m.start:m.end]), set(phrase_of(product.name))
        forms = {said} | ({(one, *said[1:]) for one in singulars(said[0])} if said[1:2] == ("of",) else set())
        extra: list[Target] = []
        for g in product.option_groups:  # ("three rolls of tums": the "roll of tums" by its measure's plural)
            hits = {v.code for v in g.values if v.code != g.default for name in (v.name, *v.aliases)
                    if (words := phrase_of(name)) and not set(words) <= own
                    and any(words_run(words, form) for form in forms)}
            if len(hits) == 1:
                extra.append(Target("option", group=g.code, value=hits.pop()))
        out.append(Mention(m.start, m.end, (*m.targets, *extra), m.part) if extra else m)
    return out


def words_run(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` is a run of words of ``whole`` ("salmon" of "salmon lover bowl")."""
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _noun_phrase_choices(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """A choice word goes to the product named in its noun phrase when that product offers it: "a hardback notebook
    plain", "a plain a4 notebook" (not the "plain envelopes" that "plain" is a part of), "a lever arch file with
    dividers" (the file's dividers, not a notebook's choice named "with dividers"); and, with no product said,
    a word said beside another choice of the same group ("one grid and one plain": both rulings)."""
    out = list(found)
    for n, m in enumerate(found):
        part_name = m.products and not m.exact_products and not m.options and m.end - m.start == 1
        with_phrase = m.options and not m.products and m.end - m.start >= 2 and toks[m.start] in _WITH_WORDS
        if not part_name and not with_phrase:
            continue
        choices = lex.guarded.get(toks[m.start], ()) if part_name else \
            [t for t in lex.phrases.get(tuple(toks[m.start + 1:m.end]), ()) if t.kind == "option"]
        owner = _noun_phrase_owner(toks, found, n)
        if owner is not None:
            skus = [t.sku for t in owner.exact_products]
            if with_phrase and any(_offered(lex, sku, t) for sku in skus for t in m.options):
                continue
            said = tuple(t for t in choices if any(_offered(lex, sku, t) for sku in skus))
        elif part_name:
            groups = {t.group for o in found if o.options and not o.products for t in o.options}
            said = tuple(t for t in choices if t.group in groups and not any(_offered(lex, p.sku, t) for p in m.products))
        else:
            said = ()
        if said:
            out[out.index(m)] = Mention(m.start, m.end, said)
    return out


def _noun_phrase_owner(toks: Sequence[str], found: Sequence[Mention], n: int) -> Mention | None:
    """The product named in full in the noun phrase of mention ``n``: the nearest one before it or after it with only
    choices (and up to three other words, no "and") between."""
    for step in (-1, 1):
        k = n + step
        while 0 <= k < len(found) and found[k].options and not found[k].products:
            k += step
        if not 0 <= k < len(found) or not found[k].exact_products:
            continue
        a, b = (found[k].end, found[n].start) if step < 0 else (found[n].end, found[k].start)
        gap = [i for i in range(a, b) if not any(o.start <= i < o.end for o in found)]
        if len(gap) <= 3 and not any(toks[i] in ("and", "or", "but") for i in gap):
            return found[k]
    return None


def _box_with_mix(lex: Lexicon, toks: Sequence[str], k: int) -> tuple[Target, int, int] | None:
    """A box named by a count at ``k`` ("a dozen" -> ``12 dozen``, "half a dozen" -> ``6``, the "dozen" of ``24
    dozen``) said with its mix after it or by its whole name ("a dozen donuts"): (the box, how many, where its
    name ends); None when the count there counts something else ("a dozen roses", "six glazed donuts")."""
    if toks[k] in COUNT_UNITS and (unit := unit_box(lex, toks, k)) is not None:
        head: tuple[Target, int, int] | None = (Target("product", sku=unit[0]), unit[1], k + 1)
    else:
        head = None
        for size in range(min(lex.max_len, len(toks) - k), 0, -1):
            boxes = tuple(dict.fromkeys(t for t in lex.phrases.get(tuple(toks[k:k + size]), ())
                                        if t.kind == "product" and t.exact and is_box(lex, t.sku)))
            if boxes:
                head = (boxes[0], 1, k + size) if len(boxes) == 1 else None
                break
    if head is None or not toks[k].isdigit() and toks[k] not in COUNT_UNITS:
        return None
    target, count, end = head
    if end - k > 1 and not toks[end - 1].isdigit() and toks[end - 1] not in COUNT_UNITS:
        return head  # "a dozen donuts": the box's own name, said in full
    pieces = box_pieces(lex, target.sku)
    mix = read_mix(lex, toks, end, target.sku, pieces * count if pieces else None)
    return head if mix is not None else None


def _box_mixes(lex: Lexicon, toks: Sequence[str], found: list[Mention], mix_for: tuple[str, str] | None
               ) -> list[Mention]:
    """A box said with its mix ("a dozen half glazed half chocolate frosted", "two dozen everything bagels", "a 25
    count box of munchkins half glazed half chocolate"): the box, and each kind a choice of the box's group only,
    its share ("half", "3") with it, never an item of its own; the mix alone as the answer to the box's question
    ("half glazed and half boston cream")."""
    if mix_for is not None and (alone := mix_alone(lex, toks, *mix_for)) is not None:
        begin = alone.start if alone.start >= 0 else alone.parts[0].start
        return [*(m for m in found if m.end <= begin),
                *(Mention(p.start, p.end, p.targets, part=True) for p in alone.parts)]
    out: list[Mention] = []
    skip_to = 0
    for m in found:
        if m.start < skip_to:
            continue
        head = _box_with_mix(lex, toks, m.start) if toks[m.start].isdigit() or toks[m.start] in COUNT_UNITS \
            else None
        if head is not None and m.end <= head[2]:
            sku, count, end = head[0].sku, head[1], head[2]
            shared = False
        elif m.exact_products and len({t.sku for t in m.exact_products}) == 1:
            sku, count, end = m.exact_products[0].sku, 1, m.end  # "a box of munchkins half glazed half ..."
            shared = not is_box(lex, sku)
        else:
            out.append(m)
            continue
        pieces = box_pieces(lex, sku)
        mix = read_mix(lex, toks, end, sku, pieces * count if pieces else None,
                       shared=shared or pieces is None)
        if mix is None:
            out.append(Mention(m.start, end, (head[0],)) if head is not None and not shared else m)
            skip_to = end if head is not None and not shared else 0
            continue
        box = m if shared else Mention(m.start, end, (head[0],) if head is not None else m.targets)
        out.append(box)
        out.extend(Mention(p.start, p.end, p.targets, part=True) for p in mix.parts)
        skip_to = mix.end
    return out


def _counts_not_choices(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"three tuna cat food cans and three salmon ones" where "3" is short for the fish food's "3 ounce": a bare
    number that is only some product's choice, said before what it counts (past a unit or a package: "a dozen cans
    of cat food") where the product named next (else the one before) does not come in that choice, is a count. So is
    the number of a package said before "of" ("four packs of post its", where "4 pack" is only the pens' choice;
    "two bottles of the house cab", where "two bottles" is only the gift bag's choice)."""
    out = list(found)
    for n, m in enumerate(found):
        package = m.end - m.start == 2 and toks[m.start + 1] in _PACKAGES and m.end < len(toks) and toks[m.end] == "of" \
            and not (m.start and toks[m.start - 1] in ("a", "an")) \
            and n + 1 < len(found) and bool(found[n + 1].products or found[n + 1].options) \
            and all(t in _PACKAGE_DETERMINERS for t in toks[m.end + 1:found[n + 1].start])  # "of the cab"
        if (m.end - m.start != 1 and not package) or not toks[m.start].isdigit() or m.products or not m.options:
            continue
        if n + 1 >= len(found) or not all(t in COUNT_UNITS or t in _PACKAGES or t == "of" or t in _PACKAGE_DETERMINERS
                                          for t in toks[m.end:found[n + 1].start]):
            continue  # a count stands before what it counts ("3 salmon", "a dozen cans of cat food"), not alone
        if any(t.kind == "group" and t.group in {o.group for o in m.options} for j in range(max(0, m.start - 3), m.start)
               for t in lex.phrases.get(tuple(toks[j:m.start]), ())):
            continue  # "size 3": the group's value (not "paper 2 reams" where "paper" also names the ruling)
        head = next((o for o in found[n + 1:] if o.products), None) \
            or next((o for o in reversed(found[:n]) if o.products), None)
        if package and not found[n + 1].products:
            skus = _held_owners(lex, found[n + 1])  # "two packs of double a batteries": named by its choice
        elif head is None:
            continue
        else:
            skus = {t.sku for t in head.products}
        if not any(skus & set(lex.option_skus.get((t.group, t.value), ())) for t in m.options):
            out.remove(m)
    return out


def _held_owners(lex: Lexicon, held: Mention) -> set[str]:
    """"two packs of double a batteries" where "double a batteries" is only the batteries' choice: the products a
    package's contents name through their choices."""
    return {sku for t in held.options for sku in lex.option_skus.get((t.group, t.value), ())}


def _contained(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"six cans of chicken dog food", "a 16 pound bag of indoor cat food": a product's name of the form "<container>
    of <name>" ("cans of dog food", "bag of cat food") said with choices of that product (and "the") between "of"
    and the rest, or with its container word taken by a choice ("16 pound bag"), names that product: the rest's
    mention is retargeted to it, and a bare part-name mention of the container ("cans") is dropped. So too where
    the rest alone is some choice's name ("a jar of your steak rub": the "jar of steak rub" product, not the steak's
    "steak rub" seasoning), and past any determiner of a package ("your", "that")."""
    out = list(found)
    for m in found:
        if not (m.products or m.options) or (m.products and m.options) or m not in out:
            continue
        j = m.start - 1
        between: list[Mention] = []
        while j >= 0 and toks[j] != "of":
            inner = next((o for o in out if o.start <= j < o.end), None)
            if inner is not None and inner.options and not inner.products:
                between.append(inner)
                j = inner.start - 1
            elif inner is None and toks[j] in _PACKAGE_DETERMINERS:
                j -= 1
            else:
                break
        if j < 1 or toks[j] != "of" or _worked_on(lex, toks, out, m):
            continue
        for size in range(min(3, j), 0, -1):
            container = tuple(toks[j - size:j])
            owner = [o for o in out if o.start < j and o.end > j - size]
            if any(o.products and (o.exact_products or o.options) for o in owner):
                continue  # a product said in full before "of" ("a box of chocolates") keeps its own name
            named = tuple(dict.fromkeys(t for t in lex.phrases.get((*container, "of", *toks[m.start:m.end]), ())
                                        if t.kind == "product" and t.exact))
            if not named or named == m.exact_products:
                continue
            if not all(any(t.sku in lex.option_skus.get((o.group, o.value), ()) for t in named for o in b.options)
                       for b in between):
                continue  # every choice said between is one the contained product comes in
            out = [o for o in out if o not in owner or o.options]
            out[out.index(m)] = Mention(m.start, m.end, named)
            break
    return sorted(out, key=lambda x: x.start)


def _unit_names_product(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"a dozen plain" where the shop sells a "dozen" (of bagels): the unit word is that product when nothing comes
    after it, or, alone, a choice the product cannot be ordered without ("a dozen sesame"); "a dozen roses" stays
    twelve (a box said with its mix, "a dozen sesame bagels", is :func:`_box_with_mix`)."""
    units = [t.sku for said in ((toks[k],), (toks[k - 1], toks[k])) for t in lex.phrases.get(said, ())
             if t.kind == "product" and t.exact]
    if not units:
        return False
    if k + 1 >= len(toks) or toks[k + 1] in _FILLERS or cue.find(toks[k + 1:k + 4], _INSTEAD) == 0:
        return True  # "a dozen, please", "a dozen instead of the half dozen": nothing else is counted
    if any(t.kind == "product" for j in (k + 1, k + 2) for size in range(1, lex.max_len + 1)
           for t in lex.phrases.get(tuple(toks[j:j + size]), ())):
        return False
    said = (*lex.phrases.get((toks[k + 1],), ()), *lex.guarded.get(toks[k + 1], ()))
    for t in said:
        for sku in units:
            product = lex.products.get(sku) if t.kind == "option" else None
            group = product.group(t.group) if product is not None else None
            if group is not None and group.value(t.value) is not None and group.required and group.default is None:
                return True
    return False


def _choices_of_named(lex: Lexicon, toks: Sequence[str], found: Sequence[Mention], i: int, length: int) -> bool:
    """toks[i:i+length], only a part of some product's name, is said after a product named in full that offers
    every word of it as a choice (two or more, "and" between allowed): those choices, not the other product."""
    named = next((m for m in reversed(found) if m.exact_products), None)
    if named is None:
        return False
    skus = {t.sku for t in named.exact_products}
    j, end, choices = i, i + length, 0
    while j < end:
        if toks[j] in ("and", ","):
            j += 1
            continue
        for size in range(end - j, 0, -1):
            if any(t.kind == "option" and t.exact and skus & set(lex.option_skus.get((t.group, t.value), ()))
                   for t in lex.phrases.get(tuple(toks[j:j + size]), ())):
                j += size
                choices += 1
                break
        else:
            return False
    return choices >= 2


def _dish_with_choices(lex: Lexicon, toks: Sequence[str], i: int, length: int, chosen: Sequence[Target],
                       in_play: AbstractSet[str]) -> list[Mention] | None:
    """"three chicken tikka masalas" where "chicken tikka masala" is only a choice of a meal deal the shopper did not
    name: the words are a product the shop sells ("tikka masala") with that product's own choices ("chicken"), so
    they name that product, not the deal (a product named outright beats one inferred from its choice's value).
    The deal's choice stays when the deal is named in the sentence ("the meal for two with a chicken korma") or
    is in play (its choice just asked, in the cart). Returns the mentions of the parts, or None."""
    if not chosen or any(t.kind != "option" for t in chosen):
        return None
    owners = {sku for t in chosen for sku in lex.option_skus.get((t.group, t.value), ())}
    if owners & in_play or any(
            t.kind == "product" and t.exact and t.sku in owners for j in range(len(toks))
            for size in range(1, min(lex.max_len, len(toks) - j) + 1) for t in lex.phrases.get(tuple(toks[j:j + size]), ())):
        return None
    for cuts in _segmentations(i, i + length):
        parts = [(a, b, lex.phrases.get(tuple(toks[a:b]), [])) for a, b in cuts]
        named = [(a, b) for a, b, ts in parts if any(t.kind == "product" and t.exact for t in ts)]
        if len(named) != 1:
            continue
        skus = {t.sku for a, b, ts in parts if (a, b) == named[0] for t in ts if t.kind == "product" and t.exact}
        if len(skus) != 1 or skus & owners:
            continue
        sku = next(iter(skus))
        joins = {(a, b) for a, b, ts in parts if (a, b) != named[0] and b - a == 1 and toks[a] in _WITH_WORDS
                 and not any(t.kind == "option" and t.exact for t in ts)}  # "a quarter pounder with cheese"
        if any(a < named[0][0] or b == i + length for a, b in joins):
            continue  # "with" only between the product's name and its choices after it
        if all(any(t.kind == "option" and t.exact and sku in lex.option_skus.get((t.group, t.value), ()) for t in ts)
               for a, b, ts in parts if (a, b) != named[0] and (a, b) not in joins):
            return [Mention(a, b, tuple(t for t in ts if t.exact) or tuple(ts)) for a, b, ts in parts
                    if (a, b) not in joins]
    return None


def _segmentations(a: int, b: int) -> list[list[tuple[int, int]]]:
    """Every way to cut toks[a:b] into two or more consecutive spans, fewest pieces first."""
    out: list[list[tuple[int, int]]] = []
    for mask in range(1, 2 ** (b - a - 1)):
        cuts = [a + k + 1 for k in range(b - a - 1) if mask >> k & 1]
        bounds = [a, *cuts, b]
        out.append(list(zip(bounds, bounds[1:], strict=False)))
    return sorted(out, key=len)


def _full_name_across(lex: Lexicon, toks: Sequence[str], i: int, length: int) -> bool:
    """A product's whole name starts inside toks[i:i+length] and runs past its end."""
    for j in range(i + 1, i + length):
        for size in range(i + length - j + 1, min(lex.max_len, len(toks) - j) + 1):
            if any(t.kind == "product" and t.exact for t in lex.phrases.get(tuple(toks[j:j + size]), ())):
                return True
    return False


def _overridden_by_later_value(lex: Lexicon, toks: Sequence[str], i: int, length: int,
                               chosen: Sequence[Target]) -> bool:
    """A value's phrase whose last words begin another value of the same group, which goes on past it ("with the
    head" + "head off" in "with the head off"): the words that follow decide, so the later value is meant."""
    if not chosen or any(t.kind != "option" for t in chosen):
        return False
    mine = {(t.group, t.value) for t in chosen}
    groups = {g for g, _ in mine}
    end = i + length
    for j in range(i + 1, end):
        if all(t.isdigit() for t in toks[j:end]):
            continue  # "half a dozen" ("half 12 dozen"): a number shared is a count's, not a choice's words
        if all(t.isdigit() for t in toks[i:j]):
            continue  # "two pounds of boneless": the number said with its measure is the value ("2 pounds"), not a
            # count of the "pounds of" after it
        for size in range(end - j + 1, min(lex.max_len, len(toks) - j) + 1):
            if all(w == "of" for w in toks[end:j + size]):
                continue  # "a half pound of": the "pound of" goes on past it only by its "of", no later value
            later = lex.phrases.get(tuple(toks[j:j + size]), ())
            if later and all(t.kind == "option" and t.exact for t in later) \
                    and any(t.group in groups for t in later) and not mine & {(t.group, t.value) for t in later}:
                return True
    return False


def _choices_of_another(lex: Lexicon, toks: Sequence[str], i: int, length: int, chosen: Sequence[Target],
                        in_play: AbstractSet[str]) -> bool:
    """"a small chicken doner" where a meal deal's kebab comes as a "small chicken doner" and the chicken kebab
    comes small or large and as a chicken doner: the words are a choice said first ("small") and another that ends
    them or goes on past them ("chicken doner", "chicken tikka"), which one product that does not offer the longer
    choice offers both of; so they are those two choices of it (a product's own choices beat one inferred from
    another's value). The longer choice stays when its product is named in the sentence or is in play."""
    if not chosen or any(t.kind != "option" for t in chosen):
        return False
    mine = {sku for t in chosen for sku in islice(lex.option_skus.get((t.group, t.value), ()), _FEW_NAMED)}
    if mine & in_play or products_said(lex, toks) & mine:
        return False
    end = i + length
    for j in range(i + 1, end):
        lead = [t for t in lex.phrases.get(tuple(toks[i:j]), ()) if t.kind == "option" and t.exact]
        if not lead:
            continue
        for size in range(end - j, min(lex.max_len, len(toks) - j) + 1):
            later = [t for t in lex.phrases.get(tuple(toks[j:j + size]), ()) if t.kind == "option" and t.exact]
            if later and any((lex.option_skus.get((a.group, a.value), set()) & lex.option_skus.get((b.group, b.value),
                                                                                                set())) - mine
                             for a in lead for b in later if a.group != b.group):
                return True
    return False


def _choice_before_longer_name(lex: Lexicon, toks: Sequence[str], i: int, length: int) -> bool:
    """"an order of chili cheese fries": a product's whole name ("cheese fries") starts inside toks[i:i+length] (the
    "chili cheese" dog) and runs past its end, and the words before it name a choice that product offers ("chili"):
    the longer reading, with the noun said, wins over the shorter name."""
    for j in range(i + 1, i + length):
        lead = lex.phrases.get(tuple(toks[i:j]), ())
        for size in range(i + length - j + 1, min(lex.max_len, len(toks) - j) + 1):
            skus = {t.sku for t in lex.phrases.get(tuple(toks[j:j + size]), ()) if t.kind == "product" and t.exact}
            if any(t.kind == "option" and skus & set(lex.option_skus.get((t.group, t.value), ())) for t in lead):
                return True
    return False


_GROUP_LEADS = words("group_leads")


def _group_before_its_value(found: list[Mention]) -> list[Mention]:
    """"make the egg scrambled", "the milk oat": a word that names a group (and is also a choice of another group,
    the "egg" bagel) said right before a choice of that group only names the group: no choice of its own."""
    out = list(found)
    for n, m in enumerate(found[:-1]):
        nxt = found[n + 1]
        groups = {t.group for t in m.targets if t.kind == "group"}
        if not groups or nxt.start != m.end or not nxt.targets \
                or not all(t.kind == "option" and t.group in groups for t in nxt.targets):
            continue
        if any(t.kind == "option" and t.group not in groups for t in m.targets):
            out[n] = Mention(m.start, m.end, tuple(t for t in m.targets if t.kind != "option" or t.group in groups), m.part)
    return out


def _group_named_after(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"ten wings with bbq dip", "bbq for dipping": a value that one product has in two groups (a wing sauce and a
    dip), said before a word that begins a name of only one of them, is that group's value on that product."""
    out: list[Mention] = []
    upto = 0
    for m in found:
        if m.start < upto:
            continue  # "as a dip": the group's name, said for the value before it
        k = m.end + (m.end < len(toks) - 1 and toks[m.end] in _GROUP_LEADS)
        k += k > m.end and k < len(toks) - 1 and toks[k] in ("a", "an", "the")  # "ranch as a dip"
        opts = m.options
        at = next((n for n in found if n.start <= k < n.end), None)
        naming = {t.group for t in opts if k < len(toks) and toks[k] in _group_heads(lex, t.group)} \
            if len({t.group for t in opts}) > 1 and (at is None or not at.options) else set()
        if len(naming) != 1:  # (not "mash a large coleslaw": there "large" is a choice of the next item)
            out.append(m)
            continue
        named = naming.pop()
        holders = {s for t in opts if t.group == named for s in lex.option_skus.get((t.group, t.value), ())}
        kept = tuple(t for t in m.targets if t.kind != "option" or t.group == named
                     or not set(lex.option_skus.get((t.group, t.value), ())) <= holders)
        out.append(Mention(m.start, m.end, kept, m.part))
        if k > m.end:
            upto = at.end if at is not None else k + 1
    return out


def _values_naming_group(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"chips with salt and vinegar" where the group of salt, vinegar and chip spice is itself called "salt and
    vinegar": a group's name made of its own values joined by "and", said as a choice (after "with", or before "on":
    "salt and vinegar on those"), names those values, one mention each; else it names the group ("do you do salt and
    vinegar": which ones there are)."""
    out: list[Mention] = []
    for m in found:
        said = list(toks[m.start:m.end])
        groups = {t.group for t in m.targets if t.kind == "group"}
        chosen = (m.start > 0 and toks[m.start - 1] in _WITH_WORDS) or (m.end < len(toks) and toks[m.end] in _ON_WORDS)
        if not groups or len(groups) != len(m.targets) or "and" not in said or not chosen:
            out.append(m)
            continue
        parts: list[Mention] = []
        a = m.start
        for b in [*(m.start + k for k, t in enumerate(said) if t == "and"), m.end]:
            values = tuple(t for t in lex.phrases.get(tuple(toks[a:b]), ()) if t.kind == "option" and t.group in groups)
            if not values:
                break
            parts.append(Mention(a, b, values))
            a = b + 1
        out.extend(parts if parts and a == m.end + 1 else [m])
    return out


def _thing_worked_on(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"hem a dress", "hem my skirt": a product said as a verb (no article or count before it) right before a name,
    with an article, that is both another product and one of the first product's own values (the hemming's
    garment) is that value of the first, not a second line."""
    out: list[Mention] = []
    prev: Mention | None = None
    said = {i for m in found for i in range(m.start, m.end)}
    for m in found:
        sku = prev.exact_products[0].sku if prev is not None and len(prev.exact_products) == 1 \
            and prev.start - 1 not in said else None  # "a lamb rogan josh a saag paneer": "lamb" says a thing
        own = next((vs for j in range(m.start, m.end) if (vs := tuple(
            t for t in lex.phrases.get(tuple(toks[j:m.end]), ()) if t.kind == "option" and _offered(lex, sku, t)))),
            ()) if sku is not None and m.products else ()  # ("pairs of pants": the "pants" value)
        if prev is not None and own and m.start > prev.end and not _named_as_a_thing(toks, prev.start) \
                and all(t in _NOUN_OPENERS for t in _past_one_of(list(toks[prev.end:m.start]))):
            m = Mention(m.start, m.end, own)
        elif sku is not None and not own and _worked_on_other_kind(lex, toks, prev, m, sku):
            continue  # "take in the waist on a pair of pants": the pants are what the service works on
        out.append(m)
        prev = m
    return out


def _worked_on_other_kind(lex: Lexicon, toks: Sequence[str], prev: Mention | None, m: Mention, sku: str) -> bool:
    """"take in the waist on a pair of pants", "shorten the sleeves on a jacket": a product said as a service (no
    article or count before it), then "on" / "to", an article and, last in the turn, one product of another kind
    (catalog category) that the service has no choice for: what the work is done on, not a line of its own."""
    if prev is None or m.start <= prev.end or toks[prev.end] not in _WORKED_ON or _named_as_a_thing(toks, prev.start) \
            or len(m.exact_products) != 1 or any(t not in _FILLERS for t in toks[m.end:]):
        return False
    gap = toks[prev.end + 1:m.start]  # ("on a pair of pants": "a pair of" read as a count and its unit)
    if not gap or not all(t in _NOUN_OPENERS or t in COUNT_UNITS or t == "of" or t.isdigit() for t in gap):
        return False
    service, thing = lex.products.get(sku), lex.products.get(m.exact_products[0].sku)
    return service is not None and thing is not None and service.sku != thing.sku \
        and bool(service.category) and service.category != thing.category


def _worked_on(lex: Lexicon, toks: Sequence[str], found: Sequence[Mention], m: Mention) -> bool:
    """"Hemming on one pair of pants", "hem one pair of the pants": a choice said after a service and a word of what
    the work is on, or after the service said as a verb, that the service offers (its garment), is the thing worked
    on, not the product "pair of pants" the words also name."""
    if m.products or not m.options:
        return False
    prev = next((o for o in reversed(found) if o.end <= m.start and o.exact_products), None)
    if prev is None or len(prev.exact_products) != 1 or any(o.start >= prev.end and o.end <= m.start for o in found):
        return False
    return any(_offered(lex, prev.exact_products[0].sku, t) for t in m.options) and (
        _opens_worked_on(toks, prev.end, m.start) and toks[prev.end] in _WORKED_ON
        or m.start > prev.end and not _named_as_a_thing(toks, prev.start)  # "hem one pair of the pants"
        and all(t in _NOUN_OPENERS for t in _past_one_of(list(toks[prev.end:m.start]))))


def _opens_worked_on(toks: Sequence[str], a: int, b: int) -> bool:
    """The words between a service and the thing it works on: an opener ("hem a dress", "hem my skirt"), after a word
    of what the work is on ("hemming on one pair of pants") also a count of one, with its unit ("one pair of")."""
    words = list(toks[a:b])
    if words and words[0] in _WORKED_ON:
        words = _past_one_of(words[1:])
    return all(t in _NOUN_OPENERS for t in words)


def _past_one_of(words: list[str]) -> list[str]:
    """The words after a count of one that opens them, with its unit ("one pair of the pants": "the pants")."""
    if words and words[0] in ("one", "1"):
        return words[1:] if len(words) < 3 or words[1] not in COUNT_UNITS or words[2] != "of" else words[3:]
    return words


def _named_as_a_thing(toks: Sequence[str], k: int) -> bool:
    """The name at ``k`` is said as a thing (after an article, a count or "the": "two cappuccinos one mocha", "make
    the hawaiian a bbq chicken"), not as the verb of a service ("hem a dress")."""
    return k > 0 and (toks[k - 1] in _THING_MARKERS or toks[k - 1].isdigit())


def _value_after_group(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"house blend ground for drip", "ground for a french press", "ground for the chemex": a group's name and the
    words after it that, with its last words, make a value of that group ("for drip", "for the chemex") are that
    value, one mention, not a product that shares the words ("drip" coffee, the "french press" brewer)."""
    out: list[Mention] = []
    skip = 0
    for n, m in enumerate(found):
        if n < skip:
            continue
        nxt = found[n + 1] if n + 1 < len(found) else None
        groups = {t.group for t in m.targets if t.kind == "group"}
        if nxt is None or not groups or len(groups) != len(m.targets) \
                or any(t not in _NOUN_OPENERS for t in toks[m.end:nxt.start]):
            out.append(m)
            continue
        values = next((vs for j in range(m.start + 1, m.end) if (vs := tuple(
            t for t in lex.phrases.get(tuple(toks[j:nxt.end]), ()) if t.kind == "option" and t.group in groups))), ())
        if not values:
            out.append(m)
            continue
        out.append(Mention(m.start, nxt.end, values))
        skip = n + 2
    return out


def _common_value_after_group(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"with the zip on the right", "zip right": a group's name, then (past a preposition of place and an article)
    a common word that is the name of one value of that group only ("right" of the zip's "right zip"), kept out of
    the catalog's phrases as a common word, is that value: one mention of the group's name through the word."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = list(found)
    for n, m in enumerate(found):
        groups = {t.group for t in m.targets if t.kind == "group"}
        if not groups or len(groups) != len(m.targets):
            continue
        k = m.end
        while k < len(toks) and k - m.end < _GROUP_VALUE_GAP and (toks[k] in _PLACEMENT_PREPS or toks[k] in _NOUN_OPENERS):
            k += 1
        if k >= len(toks) or k in taken:
            continue
        values = tuple(t for t in lex.guarded.get(toks[k], ()) if t.kind == "option" and t.group in groups)
        if len({(t.group, t.value) for t in values}) == 1:
            out[n] = Mention(m.start, k + 1, values)
            taken.add(k)
    return out


_GROUP_VALUE_GAP = 3  # "zip on the right": words between a group's name and its value's word


def _values_listed_after_group(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"two snowboard packages sizes nine and eleven", "size 7 8 and 10": a group's name (or its plural) and a list
    of numbers, each a value of that group when said after the name ("size 9"), are those values, a mention each
    (as "size 9 and size 11" would be); a number that starts another mention or counts what follows is no value."""
    starts = {m.start for m in found}
    out: list[Mention] = []
    for n, m in enumerate(found):
        groups = {t.group for t in m.targets if t.kind == "group"}
        if not groups or len(groups) != len(m.targets) or m.end - m.start != 1:
            out.append(m)
            continue
        word = toks[m.start]
        heads = [word, word[:-1]] if word.endswith("s") else [word]
        stop = found[n + 1].start if n + 1 < len(found) else len(toks)
        listed: list[Mention] = []
        k = m.end
        while k < stop and (toks[k].isdigit() or listed and toks[k] in ("and", "or")):
            if toks[k].isdigit():
                values = next((vs for h in heads if (vs := tuple(
                    t for t in lex.phrases.get((h, toks[k]), ()) if t.kind == "option" and t.group in groups))), ())
                if not values or k in starts or k + 1 < len(toks) and toks[k + 1] == "of":
                    break
                listed.append(Mention(m.start if not listed else k, k + 1, values))
            k += 1
        if len(listed) < 2 or toks[listed[-1].end - 1:listed[-1].end] == ["and"]:
            out.append(m)
            continue
        out.extend(listed)
    return out


def _value_in_group_name(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"two large sides of mac and cheese": a group's name ("large sides" of a family meal) said before "of" and a
    product without that group begins with a value of that product ("large"): that value, said of the product."""
    out: list[Mention] = []
    for n, m in enumerate(found):
        nxt = found[n + 1] if n + 1 < len(found) else None
        if m.targets and all(t.kind == "group" for t in m.targets) and m.end - m.start > 1 and nxt is not None \
                and toks[m.end:nxt.start] == ["of"] and nxt.exact_products:
            groups = {t.group for t in m.targets}
            products = [p for t in nxt.exact_products if (p := lex.products.get(t.sku)) is not None
                        and not any(p.group(g) for g in groups)]
            for size in range(m.end - m.start - 1, 0, -1):
                values = tuple(t for t in lex.phrases.get(tuple(toks[m.start:m.start + size]), ())
                               if t.kind == "option" and any((g := p.group(t.group)) is not None
                                                            and g.value(t.value) is not None for p in products))
                if values:
                    out.append(Mention(m.start, m.start + size, values))
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


def _group_heads(lex: Lexicon, code: str) -> set[str]:
    """The first words of the names of the group ``code`` ("dip", "dipping" of "dipping sauce")."""
    g = lex.groups.get(code)
    return {phrase_of(n)[0] for n in (g.name, *g.aliases) if phrase_of(n)} if g is not None else set()


def _qualified_groups(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"with less sugar" where "sugar" names the sweetness group: an amount word before a one-choice group's
    name is the one value of that group named with that word ("less sweet")."""
    out: list[Mention] = []
    for m in found:
        group = lex.groups.get(m.groups[0].group) if m.groups and len(m.targets) == 1 else None
        covered = {i for o in out for i in range(o.start, o.end)}
        q = qualifier_before(toks, m.start) if group is not None and not group.multiple else None
        if group is not None and q is not None and q.start not in covered:
            said = tuple(toks[q.start:m.start])
            hits = {v.code for v in group.values for name in (v.name, *v.aliases)
                    if phrase_of(name)[:len(said)] == said and len(phrase_of(name)) > len(said)}
            if len(hits) == 1:
                out.append(Mention(q.start, m.end, (Target("option", group=group.code, value=hits.pop()),)))
                continue
        out.append(m)
    return out


def _coordinated(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a bacon and pineapple pizza": after a choice and "and", a part of some longer name ("pineapple pizza" of
    "ham and pineapple pizza") that is a choice and its kind's noun is the two: the choices are coordinated."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.options and not prev.products and m.products and not m.exact_products \
                and m.end - m.start >= 2 and toks[prev.end:m.start] == ["and"]:
            head = tuple(toks[m.end - 1:m.end])
            choice = [t for t in lex.phrases.get(tuple(toks[m.start:m.end - 1]), ()) if t.kind == "option"]
            kind = [t for t in lex.phrases.get(head, ()) if t.kind == "product"]
            if choice and kind:
                out.extend((Mention(m.start, m.end - 1, tuple(choice)), Mention(m.end - 1, m.end, tuple(kind))))
                continue
        out.append(m)
    return out


_SPAN_GLUE = frozenset({"that", "is", "which", "it", "its", "with"})


def _completed_values(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"lactose free 2% milk", "2% milk that's lactose free": a value said with the rest of a longer value's
    name of the same group next to it, in another order, is that longer value ("2% lactose free milk")."""
    covered = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    for m in found:
        if len(m.options) != 1 or m.products:
            out.append(m)
            continue
        said = set(toks[m.start:m.end])
        group = lex.groups.get(m.options[0].group)
        own = group.value(m.options[0].value) if group is not None else None
        head = phrase_of(own.name)[-1:] if own is not None else ()  # "milk" of "2% milk", unsaid in "2%"
        best: tuple[int, int, Target] | None = None
        for value in group.values if group is not None else ():
            if value.code == m.options[0].value:
                continue
            for name in {phrase_of(value.name), *(phrase_of(a) for a in value.aliases)}:
                extra = [w for w in name if w not in said and not (name[-1:] == head and w == name[-1])]
                if not extra or len(extra) == len(name) or not said <= set(name):
                    continue
                span = _beside(toks, m, set(extra), covered)
                if span is not None and (best is None or span[1] - span[0] > best[1] - best[0]):
                    best = (*span, Target("option", group=group.code if group else "", value=value.code))
        if best is None:
            out.append(m)
        else:
            covered.update(range(best[0], best[1]))
            out.append(Mention(best[0], best[1], (best[2],)))
    return sorted(out, key=lambda x: x.start)


def _beside(toks: Sequence[str], m: Mention, extra: set[str], covered: set[int]) -> tuple[int, int] | None:
    """The span of ``m`` grown over the words ``extra`` right before or after it (past "that is" / "with")."""
    for before in (True, False):
        need, i, step = set(extra), (m.start - 1 if before else m.end), (-1 if before else 1)
        reach = i
        while 0 <= i < len(toks) and need and i not in covered and (toks[i] in need or toks[i] in _SPAN_GLUE):
            need.discard(toks[i])
            reach = i
            i += step
        if not need:
            return (reach, m.end) if before else (m.start, reach + 1)
    return None


def _head_noun(lex: Lexicon, word: str, targets: Sequence[Target]) -> bool:
    """A short word that ends a name of every product it may be ("pie" of "cheese pie", "pepperoni pie"): the
    kind's own noun ("an onion pie"), not a stray syllable of one name."""
    skus = {t.sku for t in targets if t.kind == "product"}
    if len(skus) < 2 or any(t.kind != "product" for t in targets):
        return False
    for sku in skus:
        product = lex.products.get(sku)
        names = [phrase_of(n) for n in (product.name, *product.aliases)] if product is not None else []
        if not any(name and name[-1] in (word, word + "s", word.removesuffix("s")) for name in names):
            return False
    return True


def _head_of_named(lex: Lexicon, toks: Sequence[str], i: int, targets: Sequence[Target],
                   found: Sequence[Mention]) -> str | None:
    """"a monitor arm no wait scratch the arm": a word after "the" that ends the name of the one product named
    before in the turn that it may be points back at that product (its sku), else None."""
    if not i or toks[i - 1] != "the":
        return None
    named = {t.sku for m in found for t in m.exact_products}
    heads = {t.sku for t in targets if t.kind == "product" and t.sku in named and (product := lex.products.get(t.sku))
             is not None and phrase_of(product.name)[-1:] == (toks[i],)}
    return heads.pop() if len(heads) == 1 else None


def _sole_head_after_article(lex: Lexicon, toks: Sequence[str], i: int, targets: Sequence[Target]) -> bool:
    """"i need the map for it": a short word after an article that ends every name of the one product it may be
    (the "topo map", "trail map") is that product's own noun, said alone; not before "of" ("the cup of ...")."""
    skus = {t.sku for t in targets if t.kind == "product"}
    product = lex.products.get(next(iter(skus))) if len(skus) == 1 else None
    if product is None or any(t.kind != "product" for t in targets) or i < 1 or toks[i - 1] not in _ARTICLES \
            or toks[i + 1:i + 2] == ["of"]:
        return False
    word = toks[i]
    return all(phrase_of(n)[-1:] in ((word,), (word + "s",), (word.removesuffix("s"),))
               for n in (product.name, *product.aliases) if phrase_of(n))


def _chosen_head(lex: Lexicon, word: str, targets: Sequence[Target], before: Mention) -> bool:
    """"the eagle peak map": a short word that ends the name of the one product it may be, right after a choice of
    that product, is that product's own noun."""
    skus = {t.sku for t in targets if t.kind == "product"}
    product = lex.products.get(next(iter(skus))) if len(skus) == 1 else None
    if product is None or any(t.kind != "product" for t in targets) or phrase_of(product.name)[-1:] not in (
            (word,), (word + "s",), (word.removesuffix("s"),)):
        return False
    return any(product.sku in lex.option_skus.get((t.group, t.value), ()) for t in before.options)


def _guarded_options(lex: Lexicon, toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """Option values spelled like common words ("everything", "plain") count only where a choice is meant: right
    before a product that offers them ("a dozen everything bagels"), and, said by their own name, right after a
    product that must be told them ("a half dozen everything"), after a base preposition or "with" next to a
    product offering them ("a lox on everything"), or where the noun goes after an article or a count, when they
    are what some product is chosen by ("an everything with scallion": the everything bagel). One spelled like a
    package counts before "of" and a product offering it ("a can of the sour", "one can of ipa": the can choice)."""
    out = list(found)
    taken = {i for m in found for i in range(m.start, m.end)}
    for k, tok in enumerate(toks):
        cands = lex.guarded.get(tok, ())
        if not cands:
            continue
        if k in taken:
            here = [m for m in out if m.start <= k < m.end]
            part = _part_choice(lex, toks, found, k, tuple(cands)) if all(_weak(lex, toks, m) for m in here) else ()
            if part:  # "two popcorns one buttered and one plain": the plain popcorn, not the plain candy
                out = [m for m in out if m not in here] + [Mention(k, k + 1, part)]
            continue
        fits = _guarded_fit(lex, toks, found, k, tuple(cands)) or _part_choice(lex, toks, found, k, tuple(cands))
        if fits:
            out.append(Mention(k, k + 1, fits))
            taken.add(k)
    return sorted(out, key=lambda m: m.start)


def _part_choice(lex: Lexicon, toks: Sequence[str], found: Sequence[Mention], k: int,
                 cands: tuple[Target, ...]) -> tuple[Target, ...]:
    """"two dresses one long and one short", "two medium popcorns one buttered and one plain": a common word
    after the count of a part ("one"), of two or more parts joined by "and" or said one after the other ("one long
    one regular"), where the product said before them with a count
    of two or more offers exactly one choice by that word (an alias too), is that choice of the part; as a part of
    the line in focus is (:func:`focus_choices`), here of a product named in the same sentence."""
    listed = toks[k + 1:k + 2] == ["one"] or k >= 3 and toks[k - 3] == "one"  # "one long one regular": no "and"
    if k < 1 or toks[k - 1] != "one" or "and" not in (*toks[k - 3:k - 1], *toks[k + 1:k + 3]) and not listed:
        return ()
    before = [m for m in found if m.end <= k - 1]
    named = next((m for m in reversed(before) if m.exact_products), None)
    if named is None or any(m.products and not _weak(lex, toks, m) for m in before if m.start >= named.end):
        return ()
    j = named.start - 1
    while j >= 0 and any(m.start <= j < m.end and m.options and not m.products for m in found):
        j -= 1  # "two medium popcorns": past the choices said before the product
    if j < 0 or not toks[j].isdigit() or int(toks[j]) < 2:
        return ()
    if not any(toks[i] == "one" for i in range(named.end, min(len(toks), k + 3)) if i != k - 1):
        return ()  # "two popcorns and one plain": no parts of the two, one more thing
    own = tuple(t for t in cands if any(p.sku in lex.option_skus.get((t.group, t.value), ())
                                        for p in named.exact_products))
    return own if len({(t.group, t.value) for t in own}) == 1 else ()


_REMAKE = words("remake_verbs")


def focus_choices(lex: Lexicon, toks: Sequence[str], found: list[Mention], sku: str | None) -> list[Mention]:
    """A common word that is the name of a choice of the product in focus ``sku`` names that choice where a change
    of that product is said: "a large thai tea" - "make it regular", "make the thai tea regular" (its "regular"
    size); "two garlic naans" - "add a plain one" (a "plain" naan); "two notebooks" - "one grid and one plain" (a
    part of the line). Only a word one choice of it answers to, over a mere part of some other product's name."""
    if sku is None or any(m.products and not any(t.sku == sku for t in m.products) and not _weak(lex, toks, m)
                          for m in found):
        return found
    out = list(found)
    for k, tok in enumerate(toks):
        cands = tuple(t for t in lex.guarded.get(tok, ()) if sku in lex.option_skus.get((t.group, t.value), ()))
        here = [m for m in out if m.start <= k < m.end]
        if any(not _weak(lex, toks, m) for m in here) or len({(t.group, t.value) for t in cands}) != 1 \
                or not (_remade_at(toks, found, k, sku) or _said_alone(toks, k)):
            continue
        out = [m for m in out if m not in here] + [Mention(k, k + 1, cands)]
    return sorted(out, key=lambda m: m.start)


def refused_choices(lex: Lexicon, toks: Sequence[str], found: list[Mention], sku: str | None) -> list[Mention]:
    """"make it a whole and no tomato" to a turkey sandwich with tomato: words said right after a word of refusing
    ([refusing_words]) that name both a product (a tomato soup) and a choice the product in focus offers name that
    choice, taken off, never the product; so do such words after "<count> of those" ("three of those with ham and
    cheese inside" to medialunas: some of them filled so, no ham and cheese empanadas)."""
    if sku is None:
        return found
    out = []
    for m in found:
        own = tuple(t for t in m.options if sku in lex.option_skus.get((t.group, t.value), ()))
        if m.products and own and m.start > 0 and (toks[m.start - 1] in _REFUSING or _of_those_before(toks, m.start)
                                                   and not _a_thing_of_its_kind(lex, toks, m, sku)):
            m = Mention(m.start, m.end, own, m.part)
        out.append(m)
    return out


def _of_those_before(toks: Sequence[str], k: int) -> bool:
    """"three of those with ham and cheese inside": a count and "of those" (or "of them") open the turn before
    position ``k``: some of the line in focus, made so."""
    return any((toks[i].isdigit() or toks[i] == "one") and toks[i + 1] == "of" and toks[i + 2] in _PRONOUNS_TAKEN
               for i in range(min(k - 2, 4)))


def _a_thing_of_its_kind(lex: Lexicon, toks: Sequence[str], m: Mention, sku: str) -> bool:
    """"make one of them a mocha" to two lattes: the words, said right after an article, name a product of the
    line's own kind (its catalog category): those units become that product, not the line's mocha syrup."""
    line = lex.products.get(sku)
    return bool(line is not None and line.category and toks[m.start - 1] in ("a", "an")
                and any((p := lex.products.get(t.sku)) is not None and p.category == line.category
                        for t in m.products))


_REFUSING = words("refusing_words")


def sold_alone(toks: Sequence[str], found: list[Mention]) -> list[Mention]:
    """"a combo with the chicago dog" - "and a chili cheese dog on its own": words that name both a product and a
    choice (the combo's chili cheese dog), said with "on its own" / "separately" right after them, name the product
    alone, a line of its own."""
    said = alone_said(toks)
    return [Mention(m.start, m.end, m.products) if m.end in said and m.products and m.options else m for m in found]


def alone_said(toks: Sequence[str]) -> dict[int, int]:
    """Where "on its own" / "separately" is said: its start -> its end (its "it" points at no line)."""
    return {i: i + len(ph) for i in range(len(toks)) for ph in _SOLD_ALONE if tuple(toks[i:i + len(ph)]) == tuple(ph)}


def choices_of_named_group(lex: Lexicon, found: list[Mention], sku: str | None) -> list[Mention]:
    """"a bag of the colombian" - "ground for a french press": words that name both a product (a french press) and
    a choice of the product in focus (its "french press" grind), said after the name of that choice's group
    ("ground"), name the choice, not another product. Without the group said ("and a french press") they stay the
    product."""
    if sku is None:
        return found
    named = [(m.start, t.group) for m in found if not m.products and not m.options for t in m.groups]
    out = []
    for m in found:
        chosen = tuple(t for t in m.options if sku in lex.option_skus.get((t.group, t.value), ())
                       and any(at < m.start and group == t.group for at, group in named))
        out.append(Mention(m.start, m.end, chosen) if m.products and chosen else m)
    return out


def choices_in_a_name(lex: Lexicon, toks: Sequence[str], found: list[Mention], sku: str | None) -> list[Mention]:
    """"a turkey sandwich" - "toasted with lettuce and tomato": words that are only a part of another product's
    name (the "bacon lettuce and tomato" sandwich) and each a choice of the product in focus name those choices,
    not the other product. Said with an article or a count ("and a lettuce and tomato") they stay a product; a word
    that is no choice of the product in focus leaves the whole as it was."""
    if sku is None:
        return found
    out: list[Mention] = []
    for m in found:
        if not m.products or m.exact_products or m.options or any(t.sku == sku for t in m.products) \
                or (m.start > 0 and (toks[m.start - 1] in _BEFORE_A_UNIT or toks[m.start - 1].isdigit())):
            out.append(m)
            continue
        parts = _choices_of(lex, toks, m.start, m.end, sku)
        out.extend(parts if parts is not None else [m])
    return out


def _choices_of(lex: Lexicon, toks: Sequence[str], start: int, end: int, sku: str) -> list[Mention] | None:
    """The words from ``start`` to ``end`` read as choices ``sku`` offers (longest first, "and" between them), or
    None when a word is none of its choices."""
    parts: list[Mention] = []
    k = start
    while k < end:
        if toks[k] in ("and", "or"):
            k += 1
            continue
        for size in range(min(3, end - k), 0, -1):
            chosen = tuple(t for t in lex.phrases.get(tuple(toks[k:k + size]), ())
                           if t.kind == "option" and sku in lex.option_skus.get((t.group, t.value), ()))
            if chosen:
                parts.append(Mention(k, k + size, chosen))
                k += size
                break
        else:
            return None
    return parts or None


def _said_alone(toks: Sequence[str], k: int) -> bool:
    """The word at ``k`` is the whole turn but for a please: "two bagels, is that right?" - "everything please"
    names the everything choice of the bagels, no yes; a lone "yes" or "no" stays an answer, not a choice."""
    word = [toks[k]]
    return all(t in _BARE_CHOICE_FILL for j, t in enumerate(toks) if j != k) \
        and not cue.is_affirm(word) and not cue.is_deny(word)


_BARE_CHOICE_FILL = words("bare_choice_fill")


def _weak(lex: Lexicon, toks: Sequence[str], m: Mention) -> bool:
    """A common word alone that is only a part of some product's name ("plain" of "plain envelopes")."""
    return m.end == m.start + 1 and toks[m.start] in lex.guarded and not m.exact_products and not m.options


def _remade_at(toks: Sequence[str], found: Sequence[Mention], k: int, sku: str) -> bool:
    """Position ``k`` is where a change of the product in focus says its choice: after "make it", "change it to",
    "make the <product>", as "a <word> one", or after the count of a part, past a "with" ("one grid and one plain",
    "one with everything and one just ketchup")."""
    counted = k > 0 and (toks[k - 1] in _COUNTED or toks[k - 1].isdigit())
    if counted and k < len(toks) - 1 and toks[k + 1] in ("one", "ones"):
        return not any(m.exact_products for m in found)
    if k > 0 and toks[k - 1] == "one" and all(t in _BARE_CHOICE_FILL for t in toks[:k - 1]) \
            and k + 1 < len(toks) and toks[k + 1] in _WITH_WORDS and not any(m.exact_products for m in found):
        return True  # "one long with a right zip" to two sleeping bags: one of them, made so
    c = k - 2 if k > 1 and toks[k - 1] in _WITH_WORDS else k - 1  # the count of the part: "one with everything"
    if c >= 0 and (toks[c] in _COUNTED or toks[c].isdigit()) and toks[c] != "a" \
            and not any(m.exact_products for m in found) and any(
            (t == "one" or t.isdigit()) and j != c and "and" in (*toks[j - 1:j], *toks[c - 1:c])
            for j, t in enumerate(toks)):
        return True
    j = k - 1
    if j >= 0 and toks[j] == "to":
        j -= 1
    if j > 0 and toks[j] in ("a", "an"):  # "make it a side", "make the falafel salad a side"
        j -= 1
    named = next((m for m in found if m.end == j + 1 and any(t.sku == sku for t in m.exact_products)), None)
    if named is not None:
        j = named.start - 1
        while j >= 0 and any(m.start <= j < m.end and m.options and not m.products for m in found):
            j -= 1  # "make the falafel salad a side": past the choices that name the line
    elif j > 0 and toks[j] in ("one", "ones"):  # "make the square ones long": past the choices that name the line
        j -= 1
        while j >= 0 and any(m.start <= j < m.end and m.options and not m.products for m in found):
            j -= 1
    while j >= 0 and (toks[j] in _POINTERS | {"it"} or toks[j] in _THEIRS):  # ("make hers a whole")
        j -= 1
    return j >= 0 and toks[j] in _REMAKE and j < k - 1


def _named_by_group_after(lex: Lexicon, toks: Sequence[str], k: int, cands: tuple[Target, ...]
                          ) -> tuple[Target, ...]:
    """"a caesar salad side size", "linguine with garlic and oil regular size": a common word said right before the
    name of its own group names that choice of the group."""
    for size in (2, 1):
        codes = {g.code for g in lex.named_groups.get(tuple(toks[k + 1:k + 1 + size]), ())}
        own = tuple(t for t in cands if t.group in codes)
        if own:
            return own
    return ()


_THEIRS = words("people_theirs")


def _product_before_choices(found: Sequence[Mention], end: int) -> Mention | None:
    """The product named right before ``end``, or before the choices and group names said right after it ("press
    ons coffin shape" before "in long")."""
    while True:
        m = next((m for m in found if m.end == end), None)
        if m is None:
            return None
        if m.exact_products:
            return m
        if m.products or not (m.options or m.groups):
            return None
        end = m.start


def _product_past_choices(found: Sequence[Mention], m: Mention) -> Mention | None:
    """The product named right after the choices that open at ``m`` ("coffin press ons" after "long"), or None."""
    while m.options and not m.products:
        nxt = next((n for n in found if n.start == m.end), None)
        if nxt is None:
            return None
        m = nxt
    return m if m.exact_products else None


def _guarded_fit(lex: Lexicon, toks: Sequence[str], found: Sequence[Mention], k: int,
                 cands: tuple[Target, ...]) -> tuple[Target, ...]:
    """The choices the common word at ``k`` names there (see :func:`_guarded_options`); () when it is only a word."""
    if (own := _named_by_group_after(lex, toks, k, cands)):
        return own
    nxt = next((m for m in found if m.start == k + 1), None)
    if nxt is None and toks[k] in _PACKAGES and toks[k + 1:k + 2] == ["of"]:
        j = k + 2 + (1 if toks[k + 2:k + 3] and toks[k + 2] in _POINTERS else 0)
        nxt = next((m for m in found if m.start == j), None)  # "a can of the sour": the can choice of the sour
    if nxt is not None and nxt.options and not nxt.products:  # "long coffin press ons": past the other choices
        nxt = _product_past_choices(found, nxt) or nxt
    if nxt is not None and nxt.products:  # "an everything bagel": only a choice its product offers
        return tuple(t for t in cands if any(p.sku in lex.option_skus.get((t.group, t.value), ())
                                             for p in nxt.exact_products))
    if nxt is not None and (noun_of := _noun_of_choice(lex, toks, nxt)) is not None:
        # "a regular salted lassi", where "salted lassi" is the lassi's salted flavour: a choice of that product, of
        # a group other than the one the next words choose
        groups = {t.group for t in nxt.options}
        own = tuple(t for t in cands if t.group not in groups and noun_of in lex.option_skus.get((t.group, t.value), ()))
        if len({(t.group, t.value) for t in own}) == 1:
            return own
    word, j = toks[k], k - 1
    while j >= 0 and any(m.start <= j < m.end and m.options and not m.products for m in found):
        j -= 1  # "on a toasted everything": past the other choices said before it
    prev_tok = toks[j] if j >= 0 else ""
    if prev_tok in _ARTICLES and j >= 2 and toks[j - 1] in _PART_PREPS:  # "a brake adjustment on the back"
        owner = next((m for m in found if m.end == j - 1 and m.exact_products), None)
        own = tuple(t for t in cands if owner is not None and any(
            p.sku in lex.option_skus.get((t.group, t.value), ()) for p in owner.exact_products))
        if own:
            return own
    if prev_tok in ("a", "an", "the") and j >= 1 and toks[j - 1] in _BASE_PREPS:
        prev_tok = toks[j - 1]  # "egg and cheese on an everything"
    if prev_tok in _ARTICLES and toks[k + 1:k + 2] in (["one"], ["ones"]):
        # "an extension pole the long one": the one choice by that word of the product said right before
        owner = next((m for m in found if m.end == j and m.exact_products), None)
        own = tuple(t for t in cands if owner is not None and any(
            p.sku in lex.option_skus.get((t.group, t.value), ()) for p in owner.exact_products))
        if len({(t.group, t.value) for t in own}) == 1:
            return own
    if prev_tok in _MADE_IN and j >= 1:  # "a down bag in long": a choice by that word of the product just said
        owner = _product_before_choices(found, j)  # (past its choices: "press ons coffin shape in long")
        own = tuple(t for t in cands if owner is not None and any(
            p.sku in lex.option_skus.get((t.group, t.value), ()) for p in owner.exact_products))
        if len({(t.group, t.value) for t in own}) == 1:
            return own
    prev = next((m for m in found if m.end == k and (m.exact_products or _one_product_loosely(m))), None)
    if prev is None and k >= 2 and toks[k - 1] in _ALL_OF_THEM:  # "two po'boys both whole": the po'boys' choice
        prev = next((m for m in found if m.end == k - 1 and m.exact_products), None)
    if prev is not None:  # "a half dozen everything": a choice the product cannot be ordered without
        skus = [p.sku for p in prev.exact_products or prev.products]
        own = tuple(t for t in cands if _named_choice(lex, t, word, skus, required=True))
        if own or not _phrase_ends(toks, k + 1):
            return own
        # "a whiskey sour up with makers": a choice the product offers by that very name, said right after it
        # where its phrase ends (the end, "with", "and")
        own = tuple(t for t in cands if _named_choice(lex, t, word, skus, single=True))
        return own if len({(t.group, t.value) for t in own}) == 1 else ()
    if prev_tok in _BASE_PREPS or prev_tok in _WITH_WORDS:  # "a lox on everything"
        named = [p.sku for m in found if m.end <= k for p in m.exact_products]
        if named or prev_tok not in _BASE_PREPS:
            return tuple(t for t in cands if _named_choice(lex, t, word, named))
        return tuple(t for t in cands if _named_choice(lex, t, word))  # "one of those on everything"
    if prev_tok in _COUNTED or prev_tok.isdigit():  # "an everything with scallion", "two plain"
        return tuple(t for t in cands if _named_choice(lex, t, word, required=True, single=True))
    return ()


def _one_product_loosely(m: Mention) -> bool:
    """A mention that names one product only by a part of its name ("the fried mahi" of "fried mahi mahi plate"),
    no choice with it: that product, as a product named in full would be."""
    return not m.options and len({t.sku for t in m.products}) == 1


def _noun_of_choice(lex: Lexicon, toks: Sequence[str], m: Mention) -> str | None:
    """"salted lassi", a choice named with its product's name last: the one product whose whole name (or an alias)
    ends the choice's words and that comes in the choice; else None."""
    if m.products or not m.options:
        return None
    skus = {t.sku for i in range(m.start + 1, m.end) for t in lex.phrases.get(tuple(toks[i:m.end]), ())
            if t.kind == "product" and t.exact and any(_offered(lex, t.sku, o) for o in m.options)}
    return next(iter(skus)) if len(skus) == 1 else None


def _phrase_ends(toks: Sequence[str], k: int) -> bool:
    """A noun phrase ends before ``k``: the end of the turn, "with", "and" or a filler."""
    return k >= len(toks) or toks[k] in _WITH_WORDS or toks[k] in _PHRASE_ENDS


_PHRASE_ENDS = frozenset({"and", "please", "plus"})


def _named_choice(lex: Lexicon, t: Target, word: str, skus: Sequence[str] | None = None, *,
                  required: bool = False, single: bool = False) -> bool:
    """Some product (of ``skus``, else any) offers choice ``t`` under its own name ``word`` (not an alias such as
    "little" for small); with ``required``, in a group it cannot be ordered without (no default), with
    ``single`` one choice of it only ("which bagel?": plain, everything, ...)."""
    pool = skus if skus is not None else lex.option_skus.get((t.group, t.value), ())
    for sku in islice(pool, _OWNERS_LOOKED_AT):
        product = lex.products.get(sku)
        group = product.group(t.group) if product is not None else None
        value = group.value(t.value) if group is not None else None
        name = phrase_of(value.name) if value is not None else ()
        if group is None or value is None or (name != (word,) and not (
                single and name[:1] == (word,) and any(phrase_of(a) == (word,) for a in value.aliases))):
            continue  # (with ``single``, also the first word of its name said alone as its alias: "whole" of the
            # "whole 9 inch" size, "a spinach and feta quiche whole")
        if required and (not group.required or group.default is not None):
            continue
        if single and group.multiple:
            continue
        return True
    return False


_OWNERS_LOOKED_AT = 200  # a choice every product of a huge catalog offers: enough to know some product does
_BASE_PREPS = words("base_preps")
_MADE_IN = words("made_in_preps")
_HOLDER_PREPS = words("holder_preps")
_PART_PREPS = words("part_of_item_preps")
_WITH_WORDS = words("with_words")
_COUNTED = frozenset({"a", "an", "one", "another"})


def _value_by_number(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"two 9006 headlight bulbs", "3157 brake light bulbs": a number that is by itself the name of a choice of the
    product named right after it (a bulb number, a model) is that choice, not a count, when a count is said before
    it or when it is more than one order takes ("twelve garlic knots" sold as 6 or 12 stays twelve, counted apart)."""
    tok = toks[k]
    choices = [t for t in lex.phrases.get((tok,), ()) if t.kind == "option"]
    if not choices:
        return False
    from dialogue.counts import LIMITS  # (counts reads items, which read mentions: imported when used)
    counted = k > 0 and (toks[k - 1].isdigit() or toks[k - 1] in ("a", "an", "one"))
    if not counted and int(tok) <= LIMITS.max_per_line:
        return False
    owners = _product_after_choices(lex, toks, k + 1)
    return any(owners & set(lex.option_skus.get((t.group, t.value), ())) for t in choices)


def _value_of_said_group(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"size 12 hiking boots": the number completes an option phrase begun before it ("size 12"), or follows
    a group's name: it is that value, not a count."""
    return any(t.kind == "option" for j in range(max(0, k - 3), k) for t in lex.phrases.get(tuple(toks[j:k + 1]), ())) \
        or any(t.kind == "group" for j in range(max(0, k - 3), k) for t in lex.phrases.get(tuple(toks[j:k]), ()))


def _ends_name(lex: Lexicon, toks: Sequence[str]) -> set[int]:
    """"the meal for two" ("meal for 2"): a number that ends a product's own name is that name, not an amount of money
    after "for"; so is one that ends a choice's name ("a cheese board for four" whose board comes "for four"), unless
    a money word follows ("for 4 dollars")."""
    return {k for k, tok in enumerate(toks) if tok.isdigit() and any(
        (t.kind == "product" and t.exact or t.kind == "option" and not set(toks[k + 1:k + 2]) & PRICE_WORDS)
        for size in range(2, min(lex.max_len, k + 1) + 1)
        for t in lex.phrases.get(tuple(toks[k + 1 - size:k + 1]), ()))}


def _qualifier_in_name(lex: Lexicon, toks: Sequence[str]) -> set[int]:
    """"a samosa chaat not too spicy" where the mild level is named "not too spicy": an amount phrase ("not too")
    that begins a name of the catalog said whole is that name, not an amount of what follows."""
    out: set[int] = set()
    for i in range(len(toks)):
        for phrase, _ in _QUALIFIERS:
            n = len(phrase)
            if n >= 2 and tuple(toks[i:i + n]) == phrase and any(
                    lex.phrases.get(tuple(toks[i:i + size])) for size in range(n + 1, min(lex.max_len, len(toks) - i) + 1)):
                out.update(range(i, i + n))
    return out


def _measure_not_money(lex: Lexicon, toks: Sequence[str]) -> set[int]:
    """"two pounds" to a butcher whose ground beef comes in "2 pounds": a number before a money word that is,
    with it, a choice of the catalog is that choice, not an amount of money (but "under 2 pounds" is a price);
    before "of", only when the product named after it offers that choice ("two pounds of brats" sold by the pound
    are two of them). So is a number after "for" that, with the words after it, is a choice ("for three days")."""
    out: set[int] = set()
    for i in range(len(toks) - 1):
        if toks[i].isdigit() and toks[i + 1] not in PRICE_WORDS and i > 0 and toks[i - 1] in _PRICE_CUES and any(
                t.kind == "option" for n in (2, 3) for t in lex.phrases.get(tuple(toks[i:i + n]), ())):
            out.add(i)  # "skis for three days", "a lesson for two hours": a choice said with its number, no money
            continue
        hedged = i > 0 and toks[i - 1] in _HEDGES  # "a chuck roast about four pounds": the roast's weight, roughly
        if not (toks[i].isdigit() and toks[i + 1] in PRICE_WORDS and (i == 0 or toks[i - 1] not in _PRICE_CUES
                                                                        or hedged)):
            continue
        said = [t for t in lex.phrases.get((toks[i], toks[i + 1]), ()) if t.kind == "option"]
        if said and hedged:
            before = _products_before(lex, toks, i - 1)
            said = [t for t in said if any(_offered(lex, sku, t) for sku in before)]
        if said and toks[i + 2:i + 3] == ["of"]:
            skus = _noun_after_of(lex, toks, i + 3)
            said = [t for t in said if any(_offered(lex, sku, t) for sku in skus)]
        if said:
            out.add(i)
    return out


_HEDGES = words("count_hedges")


def _products_before(lex: Lexicon, toks: Sequence[str], end: int) -> set[str]:
    """Products named by their own names (exactly) in ``toks[:end]``."""
    return {t.sku for k in range(end) for size in range(1, min(lex.max_len, end - k) + 1)
            for t in lex.phrases.get(tuple(toks[k:k + size]), ()) if t.kind == "product" and t.exact}


def _size_of_after_article(lex: Lexicon, toks: Sequence[str]) -> set[int]:
    """"a 375 of patron", "a 1.75 of tito's": a number after "a" and before "of" that names a choice of the product
    named after "of" (past a determiner: "a 750 of the vodka") is that choice said as the container, not a count
    of something ("2 of the lattes")."""
    out: set[int] = set()
    for k in range(1, len(toks) - 2):
        if toks[k - 1] not in ("a", "an") or toks[k + 1] != "of" or not toks[k].replace(".", "", 1).isdigit():
            continue
        skus = _named_after_of(lex, toks, k + 2, exact=True)
        if any(_offered(lex, sku, t) for t in lex.phrases.get((toks[k],), ()) for sku in skus):
            out.add(k)
    return out


def _noun_after_of(lex: Lexicon, toks: Sequence[str], j: int) -> set[str]:
    """The products named after "of" at ``j``, past the choices said before the noun; when the last choice took the
    noun's own word ("of bread flour", the flour's "bread flour" type), the product named inside the choices; when
    only choices are said ("of rye"), the products that offer them; past a determiner ("of the pinto")."""
    if j < len(toks) - 1 and toks[j] in _PACKAGE_DETERMINERS:
        j += 1
    past = _past_choices(lex, toks, j)
    out = _named_after_of(lex, toks, past, exact=False)
    for k in range(past - 1, j, -1):
        if out:
            break
        out = _named_after_of(lex, toks, k, exact=False)
    if not out and past > j:  # "two pounds of rye" of the flour, unnamed: the products the choices said are of
        for t in lex.phrases.get(tuple(toks[j:past]), ()):
            out |= lex.option_skus.get((t.group, t.value), set()) if t.kind == "option" else set()
    return out


def _past_choices(lex: Lexicon, toks: Sequence[str], j: int, most: int = 3) -> int:
    """Where the noun starts after ``j``, past at most ``most`` choices said before it ("of large shrimp",
    "of jumbo peeled shrimp"); ``j`` itself when none is."""
    for _ in range(most):
        size = next((size for size in range(min(lex.max_len, len(toks) - j), 0, -1)
                     if (ts := lex.phrases.get(tuple(toks[j:j + size]), ())) and all(t.kind == "option" for t in ts)), 0)
        if not size:
            break
        j += size
    return j


def _units_sold_by(lex: Lexicon, toks: Sequence[str]) -> set[int]:
    """"sixteen feet of oak crown moulding" sold by the linear foot: a number and a unit before "of" and a product
    sold by that unit (:func:`dialogue.sold_by.sold_by`) that offers no choice so named count the product (sixteen
    of it); they are no choice ("16 feet", a length of the lumber)."""
    out: set[int] = set()
    for i in range(len(toks) - 3):
        unit = unit_of(toks[i + 1]) if toks[i].isdigit() and toks[i + 2] == "of" else None
        if unit is None:
            continue
        said = [t for t in lex.phrases.get((toks[i], toks[i + 1]), ()) if t.kind == "option"]
        skus = _named_after_of(lex, toks, _past_choices(lex, toks, i + 3), exact=False)
        if skus and all(unit in sold_by(lex.products[sku]) for sku in skus if sku in lex.products) \
                and not any(_offered(lex, sku, t) for sku in skus for t in said):
            out.update((i, i + 1))
    return out


def _named_after_of(lex: Lexicon, toks: Sequence[str], j: int, *, exact: bool) -> set[str]:
    """The products whose name (in full when ``exact``) starts at ``j``, right after "of", past a determiner ("of
    the vodka", "of your cab")."""
    j += j < len(toks) and toks[j] in _PACKAGE_DETERMINERS
    return {t.sku for size in range(1, lex.max_len + 1) for t in lex.phrases.get(tuple(toks[j:j + size]), ())
            if t.kind == "product" and (t.exact or not exact)}


def _code_after_letter(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"two a four notebooks" (tokens "2 a 4 notebooks", an "a4" said apart): a number right after "a" that names a
    choice by itself (the catalog's "a four" is indexed as "4") is that choice, not a count; no count follows an
    article."""
    return k > 0 and toks[k - 1] in ("a", "an") and any(t.kind == "option" for t in lex.phrases.get((toks[k],), ()))


def _names_with_number(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"a medium four cheese": the number starts a product's own name, after an article, a count or an option
    word (so it cannot be the count); "four cheese pizzas" alone stays four of the cheese pizza."""
    starts_name = any(t.kind == "product" and t.exact for size in range(2, lex.max_len + 1)
                      for t in lex.phrases.get(tuple(toks[k:k + size]), ()))
    if not starts_name and _inside_a_name(lex, toks, k):
        return True  # "a toothbrush two pack soft": the "2" of the whole name "toothbrush 2 pack", no count
    if not starts_name and k > 0 and toks[k - 1] in ("a", "an") and any(
            t.kind == "product" for size in range(2, lex.max_len + 1) for t in lex.phrases.get(tuple(toks[k:k + size]), ())):
        return True  # "a three choice with kalua ...": after "a", the number begins a part of a name ("3 choice plate")
    if not starts_name or k == 0:
        return False
    prev = toks[k - 1]
    return prev in ("a", "an", "the", "one") or prev.isdigit() \
        or any(t.kind == "option" for j in range(max(0, k - 3), k) for t in lex.phrases.get(tuple(toks[j:k]), ()))


def _inside_a_name(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """The number at ``k`` is inside a product's whole name said from before it to past it ("toothbrush 2 pack")."""
    n = len(toks)
    return any(t.kind == "product" and t.exact for j in range(max(0, k - lex.max_len + 1), k)
               for e in range(k + 2, min(n, j + lex.max_len) + 1) for t in lex.phrases.get(tuple(toks[j:e]), ()))


def _choice_before_part_of_name(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"the big 34 inch ones": the number begins a choice ("34 inch") whose other words are only a part of some
    product's name ("11 inch balloons"), none of which is said whole from there: the choice, no count of "inch"."""
    n = len(toks)
    for size in range(min(lex.max_len, n - k), 1, -1):
        if not any(t.kind == "option" for t in lex.phrases.get(tuple(toks[k:k + size]), ())):
            continue
        return not any(t.kind == "product" and t.exact for s in range(1, min(lex.max_len, n - k - 1) + 1)
                       for t in lex.phrases.get(tuple(toks[k + 1:k + 1 + s]), ()))
    return False


def _choice_with_number(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"a five piece tenders", "a bucket twelve piece dark meat": the number begins a choice ("5 piece") of the
    product named in the same noun phrase (right before it, or right after it past other choices), so it is that
    choice, not the count of a product named by the words after it ("piece", a piece of chicken); "three pieces of
    chicken", where the product's name runs past the choice, stays three pieces."""
    n = len(toks)
    for size in range(min(lex.max_len, n - k), 1, -1):
        choices = [t for t in lex.phrases.get(tuple(toks[k:k + size]), ()) if t.kind == "option"]
        if not choices:
            continue
        end = k + size
        if any(t.kind == "product" for s in range(size, min(lex.max_len, n - k - 1) + 1)
               for t in lex.phrases.get(tuple(toks[k + 1:k + 1 + s]), ())):
            return False
        owners = {t.sku for s in range(1, min(lex.max_len, k) + 1) for t in lex.phrases.get(tuple(toks[k - s:k]), ())
                  if t.kind == "product" and t.exact} | _product_after_choices(lex, toks, end)
        if k >= 2 and (toks[k - 1] in _BASE_PREPS or toks[k - 1] in _HOLDER_PREPS or toks[k - 1] in _WITH_WORDS):
            owners |= {t.sku for s in range(1, min(lex.max_len, k - 1) + 1)  # "color copies on 32 pound paper":
                       for t in lex.phrases.get(tuple(toks[k - 1 - s:k - 1]), ())  # the copies' paper, no 32
                       if t.kind == "product" and t.exact}  # pounds of shredding
        if not owners and k and toks[k - 1] in ("one", "1"):  # "two buckets, one eight piece and one twelve piece"
            owners = _product_before_each(lex, toks, k - 1)
        return any(owners & set(lex.option_skus.get((t.group, t.value), ())) for t in choices)
    return False


def _choice_over_part_of_name(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """"three quarter birch", "seven sixteenths osb": the number begins a choice's phrase ("3 quarter", a thickness)
    where the words after the number are only a part of some product's name ("quarter" of "quarter round"), never a
    whole one: that choice, not a count of that product ("three quarter rounds" stays three of them)."""
    n = len(toks)
    for size in range(min(lex.max_len, n - k), 1, -1):
        if not any(t.kind == "option" for t in lex.phrases.get(tuple(toks[k:k + size]), ())):
            continue
        return not any(t.kind == "product" and t.exact for s in range(1, min(lex.max_len, n - k - 1) + 1)
                       for t in lex.phrases.get(tuple(toks[k + 1:k + 1 + s]), ()))
    return False


def _product_after_choices(lex: Lexicon, toks: Sequence[str], j: int) -> set[str]:
    """The products named in full from ``j`` on, past choices said before them ("bbq wings" -> the wings; "plain
    bites", a choice spelled like a common word)."""
    while j < len(toks):
        for size in range(min(lex.max_len, len(toks) - j), 0, -1):
            targets = lex.phrases.get(tuple(toks[j:j + size]), ()) or (lex.guarded.get(toks[j], ()) if size == 1 else ())
            if any(t.kind == "product" and t.exact for t in targets):
                return {t.sku for t in targets if t.kind == "product" and t.exact}
            if targets and all(t.kind == "option" for t in targets):
                named = _product_ending_choice(lex, toks[j:j + size])
                if named:  # "birch plywood", a grade's alias ending in the product's name
                    return named
                j += size
                break
        else:
            return set()
    return set()


def _product_ending_choice(lex: Lexicon, said: Sequence[str]) -> set[str]:
    """The products named in full by the last words of a choice's phrase ("birch plywood", a choice of the
    plywood's grade): none when no such words end it."""
    for a in range(1, len(said)):
        named = {t.sku for t in lex.phrases.get(tuple(said[a:]), ()) if t.kind == "product" and t.exact}
        if named:
            return named
    return set()


def _product_before_each(lex: Lexicon, toks: Sequence[str], j: int) -> set[str]:
    """The products named in full before ``j`` past only counts, "and", "one" and choices ("two buckets one eight
    piece original and one ..."): what each "one" said after them is one of."""
    while j > 0:
        for size in range(min(lex.max_len, j), 0, -1):
            targets = lex.phrases.get(tuple(toks[j - size:j]), ())
            if any(t.kind == "product" and t.exact for t in targets):
                return {t.sku for t in targets if t.kind == "product" and t.exact}
            if targets and all(t.kind == "option" for t in targets):
                j -= size
                break
        else:
            if not (toks[j - 1].isdigit() or toks[j - 1] in ("and", "one")):
                return set()
            j -= 1
    return set()


_PRICE_CUES = frozenset({"under", "over", "below", "above", "than", "between", "most", "least", "max", "maximum",
                         "min", "minimum", "within", "around", "about", "costs", "cost", "is", "for"})


def _value_said_after_is(lex: Lexicon, toks: Sequence[str]) -> set[int]:
    """"it's seven and a half": a number after "is" that opens a choice's name of several words is that choice,
    no price ("it is 7" alone may be one)."""
    return {k for k in range(1, len(toks)) if toks[k - 1] == "is" and toks[k].isdigit() and any(
        t.kind == "option" for size in range(2, lex.max_len + 1) for t in lex.phrases.get(tuple(toks[k:k + size]), ()))}


def _qualifier_words(toks: Sequence[str]) -> set[int]:
    """Positions never read as catalog words: inside amount phrases of two or more words ("a little bit
    of") and amounts of money ("under 50 dollars")."""
    blocked: set[int] = set()
    for i, t in enumerate(toks):
        if t.replace(".", "", 1).isdigit():
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            prev = toks[i - 1] if i else ""
            if nxt in PRICE_WORDS or prev in _PRICE_CUES or (prev == "and" and i >= 3 and toks[i - 3] == "between") \
                    or nxt in ("of", "x", "more", "others"):
                blocked.add(i)
    for i in range(len(toks)):
        for phrase, _ in _QUALIFIERS:
            if len(phrase) >= 2 and tuple(toks[i:i + len(phrase)]) == phrase:
                blocked.update(range(i, i + len(phrase)))
                break
    return blocked


_COMMANDS = tuple(p for table in (cue.CHECKOUT, cue.CART, cue.CLEAR, cue.CANCEL_ORDER, cue.STATUS) for p in table
                  if len(p) >= 2)


def _modal_verbs(toks: Sequence[str]) -> set[int]:
    """"can i get a korma", "can you add extra sauce": a modal verb followed by a subject pronoun asks; it is never
    a product ("can", a can of soda) nor a choice; nor is one said bare before a line named ("oh can the kids meal
    have peas": no article nor count before it), nor one opening the turn before "it", "both", "all", "each"."""
    first = next((i for i, t in enumerate(toks) if t not in _LEAD_FILL), len(toks))
    return {i for i in range(len(toks) - 1) if toks[i] in _MODALS and (
        toks[i + 1] in _SUBJECTS or i == first and toks[i + 1] in _SUBJECTS_NAMED
        or (toks[i + 1] in _MODAL_DETERMINERS and (i == 0 or not (toks[i - 1] in _COUNTED_BY or toks[i - 1].isdigit()))))}


_MODALS = words("modals")
_SUBJECTS = words("subject_pronouns")
_MODAL_DETERMINERS = words("modal_determiners")
_COUNTED_BY = frozenset({"a", "an", "one", "the", "of", "per", "each", "every", "another"})
_SUBJECTS_NAMED = words("subjects_named")
_LEAD_FILL = words("lead_fill")


def _verb_particles(toks: Sequence[str]) -> set[int]:
    """"take off two dozen", "take two dozen off": the particle after a verb that takes things off
    (:data:`_TAKE_OFF_VERBS`), right after it or past a count or a pronoun, is the verb's, never a product's name (a
    bug spray called "off")."""
    out: set[int] = set()
    for i in range(1, len(toks)):
        j = i - 1
        while j > 0 and (toks[j].isdigit() or toks[j] in COUNT_UNITS or toks[j] in _PRONOUNS_TAKEN):
            j -= 1  # "take two dozen off", "take them off"
        if toks[i] in _TAKE_OFF_PARTICLES and toks[j] in _TAKE_OFF_VERBS:
            out.add(i)
    return out


_TAKE_OFF_VERBS = words("take_off_verbs")
_TAKE_OFF_PARTICLES = words("take_off_particles")
_PRONOUNS_TAKEN = frozenset({"it", "them", "those", "these", "that", "this"})


def _command_words(toks: Sequence[str]) -> set[int]:
    """Positions inside command phrases ("check out", "place my order"): never product or option names."""
    blocked: set[int] = set()
    for i in range(len(toks)):
        for phrase in _COMMANDS:
            if toks[i] == phrase[0] and tuple(toks[i:i + len(phrase)]) == phrase:
                blocked.update(range(i, i + len(phrase)))
    return blocked
