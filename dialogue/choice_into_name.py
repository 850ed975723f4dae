"""A choice of a product said right before its name and ending on the name's first word: "a four wheel alignment"
("four wheel", a choice of the "wheel alignment"). After an article the number is no count: it opens that choice,
and the name is said whole ("four wheel alignments" alone stays a count).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon

_ARTICLES = frozenset({"a", "an", "the"})


def choice_into_own_name(lex: Lexicon, toks: Sequence[str], k: int) -> bool:
    """Whether the number at ``k``, after an article, opens a choice of a product whose name starts within that
    choice's words (the choice's last words are the name's first): that choice, not a count."""
    if k == 0 or toks[k - 1] not in _ARTICLES:
        return False
    n = len(toks)
    for size in range(min(lex.max_len, n - k), 1, -1):
        choices = [t for t in lex.phrases.get(tuple(toks[k:k + size]), ()) if t.kind == "option"]
        offering = {sku for c in choices for sku in lex.option_skus.get((c.group, c.value), ())}
        for start in range(k + 1, k + size):
            for end in range(k + size + 1, min(start + lex.max_len, n) + 1):
                if any(t.kind == "product" and t.exact and t.sku in offering
                       for t in lex.phrases.get(tuple(toks[start:end]), ())):
                    return True
    return False
