"""Text in, speakable reply out: understanding, per-session state, policy and replies over the catalog.

Knows nothing of audio. The voice layer calls ``Session(store).handle(text, meta) -> Reply``.

One concept per module:

- ``normalize``: canonical tokens (unicode, contractions, "12oz", "%"), sentence splitting, question test.
- ``numbers``: spoken numbers, digit strings, price limits; prices and numbers as people say them.
- ``amounts``: amount words ("a little bit of", "lots of", "no") -> catalog amounts + the words kept.
- ``words``: everyday English words the lexicon never "corrects" into catalog words.
- ``lexicon`` / ``matcher``: the catalog's phrases, built once per catalog and shared; fuzzy and phonetic
  fixes of misheard words; longest-match mentions of products, option values and option groups.
- ``intents``: cue phrases (yes/no in many forms, check out, to go, a person, ...).
- ``items``: products, quantities and options out of one sentence: ``extract_items``, with its readers by concept:
  ``roles`` (what each mention is), ``attach`` (which item a choice belongs to), ``choice_items`` (choices said as
  items), ``splits`` and ``parts`` (one phrase into several lines), ``ones`` ("a large one", "another one"),
  ``several_items`` (what is said once for several items), ``corrections`` (repairs and swaps in one utterance),
  ``item_words`` (their shared word tables).
- ``understanding``: the default rule-based ``RuleUnderstanding`` (``parse`` and the intent decision; it
  re-exports ``Context``, ``Parse`` and the ``Understanding`` Protocol), with its readers by concept:
  ``parse_records`` (``Context``, ``Parse``, ``ParseDraft``, the ``Understanding`` Protocol), ``questions`` (which
  words of a turn ask, and what), ``reread_items`` (the items read again against the turn and the conversation),
  ``count_or_choice`` (a number said: how many, or a choice's own number), ``recounts`` (a line's count taken off,
  set, said again or more), ``removals`` (what a turn takes off), ``line_refs`` (which cart line a product named
  means, or a new one), ``lines_by_choice`` (a line picked by how it is made: "the mango one"), ``onto_line`` (items
  heard as choices of a cart line), ``choice_words`` (a choice said by words of its name), ``choice_orders``
  (choices said with no product that order one), ``swaps`` (one thing for another on a line), ``turn_words`` (the
  word tables several of them share).
- ``resolve``: what was said -> a product and valid ``SelectedOption``s, or what is missing/ambiguous.
- ``state``: per-session cart, unconfirmed changes, focus for "it", pending question.
- ``editing`` / ``answers`` / ``policy``: cart edits, answers to questions, and the decision rules
  (clarify, confirm on low ASR confidence, place only on a yes to a read-back, idempotent checkout).
- ``undo`` / ``put_back``: a change just made taken back ("everything bagel was right for that one"), a line taken
  off brought back as it was ("put the cannolis back on") or sent back to the shelf ("... back on the shelf").
- ``confirm``: replies to the read-back (a clear yes, or why not); ``echo``: a yes that says the order, its total or
  its number of things back, placed only when that matches the cart read back.
- ``replies``: sentences for the ear. ``shop``: shop information from configuration.
- ``session``: ``Session`` (implements ``types.Conversation``). ``cli``: ``voicecart chat``.
"""
