"""Word tables (from dialogue/data) that several of the item readers share: "with" and list words, articles,
measures, containers and packages, refining words; and whether only glue lies between two positions of a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.numbers import COUNT_UNITS
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE, quantity_token

# Measures that make the next product an ingredient ("a shot of espresso"), not an item.
MEASURES = words("measures")
CONTAINERS = words("containers")
SUB_WORDS = words("sub_words")
REFINE = words("refine")
WITH = words("with_words")
BASE_PREPS = words("base_preps")
HOLDER_PREPS = words("holder_preps")
WITH_LIST = words("with_list")
LIST_ARTICLES = words("list_articles")
JOIN_FILL = words("fillers") | {"and"}
PURPOSE_LEADS = phrases("purpose_leads")
PACKAGES = words("packages")
PACKAGE_DETERMINERS = words("package_determiners")
EDIT_THEM = words("edit_verbs") | words("ref_it")


def glue_only(toks: Sequence[str], a: int, b: int, covered: set[int]) -> bool:
    """Only glue, counts (with their unit: "12 dozen" from "a dozen"), other mentions, or packaging followed by
    "of" ("a family size bag of bbq chips")."""
    return all(i in covered or toks[i] in GLUE or quantity_token(toks, i) is not None
               or (toks[i] in COUNT_UNITS and i >= 1 and toks[i - 1].isdigit())
               or (toks[i] in PACKAGES and i + 1 < b and toks[i + 1] == "of") for i in range(a, b))
