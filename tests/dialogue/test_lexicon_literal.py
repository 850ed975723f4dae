"""A name as the catalog writes it beats a general synonym (``dialogue.lexicon.SYNONYMS``): a shop with both a
"flavor" group and a "sauce" group means the flavors by "what flavors"; a shop with only one still finds it by
the other word."""

from __future__ import annotations

from catalog.models import OptionGroup, OptionValue, Product
from dialogue.lexicon import Lexicon, Target

FLAVOR = OptionGroup("flavor", "flavor", (OptionValue("mango", "mango"), OptionValue("lime", "lime")), required=True)
SAUCE = OptionGroup("sauce", "sauce", (OptionValue("verde", "salsa verde"), OptionValue("roja", "salsa roja")))


def _groups(lex: Lexicon, *words: str) -> set[str]:
    return {t.group for t in lex.phrases.get(tuple(words), []) if t.kind == "group"}


def test_the_catalogs_own_group_name_wins_over_a_synonym() -> None:
    lex = Lexicon([Product("AGUA", "agua fresca", 300, option_groups=(FLAVOR,)),
                   Product("TACO", "taco", 350, option_groups=(SAUCE,))])
    assert _groups(lex, "flavors") == {"flavor"}
    assert _groups(lex, "flavor") == {"flavor"}
    assert _groups(lex, "sauce") == {"sauce"}


def test_a_synonym_still_reaches_a_group_the_shop_names_otherwise() -> None:
    lex = Lexicon([Product("TACO", "taco", 350, option_groups=(SAUCE,))])
    assert _groups(lex, "flavors") == {"sauce"}  # no flavor group here: the synonym leads to the sauces


def test_option_values_keep_their_own_names() -> None:
    syrup = OptionGroup("syrup", "syrup", (OptionValue("vanilla", "vanilla syrup"),), multiple=True)
    sweet = OptionGroup("sweetener", "sweetener", (OptionValue("vanilla", "vanilla sweetener"),), multiple=True)
    lex = Lexicon([Product("LATTE", "latte", 400, option_groups=(syrup, sweet))])
    assert Target("option", group="syrup", value="vanilla") in lex.phrases[("vanilla", "syrup")]
    assert Target("option", group="sweetener", value="vanilla") not in lex.phrases[("vanilla", "syrup")]
    assert [t.group for t in lex.phrases[("vanilla", "sweetener")]] == ["sweetener"]
