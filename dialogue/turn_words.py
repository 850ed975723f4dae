"""Word and phrase tables (from dialogue/data) that several of the turn readers of :mod:`dialogue.understanding`
share (lead fillers, articles, verbs of a change or a swap, words of more, ...).
"""

from __future__ import annotations

from dialogue.phrasebook import phrases, words

LEAD_FILL = words("lead_fill")
ANOTHER_ORDINALS = words("another_ordinals")  # "a second bowl": one more, not the second line
MAKE_IT = phrases("make_it")
MAKE_THE = phrases("make_the")
ADDING = phrases("adding")
ALSO = phrases("also")
RECOUNT_LEADS = words("recount_leads")
PACK_WORDS = words("pack_words")
SWAP_VERBS = words("swap_verbs")
CHANGE_FILL = words("change_fill")
ONES = ("one", "ones", "1")  # "the 500 one": "one" after a number is heard as the digit
GENERIC_GOODS = words("generic_goods")
TAKE_OFF = words("take_off_verbs")
REF_IT = words("ref_it")
INSTEAD_OF = phrases("instead_of")
BASE_PREPS = words("base_preps")
HOLDER_PREPS = words("holder_preps")
LINE_DETERMINERS = words("line_determiners")
SEPARATORS = words("separators")
FILLERS = words("fillers")
DEFINITE = words("definite")
MORE_WORDS = words("more_words")
ONTO_PREPS = words("onto_preps")
WITH = words("with_words")
INSTEAD = phrases("instead")
