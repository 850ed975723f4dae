"""Products the recognizer's first prompt leaves out: how many spoken orders for them land in the cart, with and
without the second decode (``voice.pipeline.SecondPass``).

    python -m bench.second_pass [--catalog cafe] [--limit 12] [--json OUT.json]
    python -m bench.second_pass --corpus [--json OUT.json]

``--corpus`` is the check for false repairs: every user turn of the conversation corpus (``tests/corpus``, every
catalog there), in its conversation's state, is given to the text-only repairs as if Whisper had heard it so
(the respelling of unplaced words, and the sounds-like repair of a turn that may order a product it names
none of); every turn either changes is listed. The corpus is typed text, so each change is a false repair
(unless the turn itself is a deliberate misspelling: read them).

For each product in stock that the first (relevance-ordered, budgeted) catalog prompt leaves out (at most
``--limit``), espeak-ng says it in four carrier sentences with two voices, clean and through a G.711 phone line
(``bench.noise.phone_line``); each utterance is one turn of a fresh dialogue ``Session`` through the real
``TurnProcessor`` (Whisper ``tiny.en`` with the catalog prompt). A turn is right when the cart then holds exactly
that product. Also reported: the turns that decoded a second time, and the mean decode time per turn.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

CARRIERS = ("I'd like a {} please.", "Can I get a {}?", "{} please.", "And one {}.")
VOICES = (("en-us", 160), ("en-gb", 150))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalog", default="cafe")
    ap.add_argument("--limit", type=int, default=12)
    ap.add_argument("--json")
    ap.add_argument("--show-misses", action="store_true", help="print what was heard on each wrong turn")
    ap.add_argument("--corpus", action="store_true", help="count the repairs of the corpus's typed turns (false repairs)")
    args = ap.parse_args(argv)
    if args.corpus:
        return corpus_check(args.json)

    from bench.noise import phone_line
    from catalog.bundled import open_store
    from dialogue.session import Session
    from voice.asr import WhisperSettings, prompt_phrases, shared_transcriber
    from voice.audio import AudioChunk, concat, silence
    from voice.pipeline import VoicePipeline, catalog_prompt
    from voice.second_pass import second_pass
    from voice.tts import EspeakSynthesizer

    work = Path(tempfile.mkdtemp(prefix="bench-second-pass-"))
    store = open_store(work / "shop.sqlite3", catalog=args.catalog)
    products = store.products()
    prompt = catalog_prompt(products)
    have = set(prompt_phrases(prompt))
    in_stock = [p for p in products if store.stock(p.sku) != 0]  # a sold-out product cannot land in a cart
    left = [p for p in in_stock if not set(prompt_phrases(p.name)) <= have][: args.limit]
    whisper = shared_transcriber(WhisperSettings())
    whisper.warm_up()
    plain = VoicePipeline(whisper, EspeakSynthesizer(), prompt=prompt)
    again = VoicePipeline(whisper, EspeakSynthesizer(), prompt=prompt)
    again.second_pass = second_pass(products, prompt)
    voices = [EspeakSynthesizer(v, wpm) for v, wpm in VOICES]

    def on_phone(chunk: Any) -> Any:
        x = np.frombuffer(chunk.audio, dtype=np.int16).astype(np.float64) / 32768.0
        return AudioChunk.from_float32(phone_line(x).astype(np.float32), 16000)

    rows: dict[str, dict[str, Any]] = {}
    for product, carrier, voice in itertools.product(left, CARRIERS, voices):
        spoken = concat([silence(300), voice.synthesize(carrier.format(product.name), 16000), silence(300)])
        for line, audio in (("clean", spoken), ("g711", on_phone(spoken))):
            for name, pipeline in (("first prompt only", plain), ("with second pass", again)):
                row = rows.setdefault(f"{name} / {line}", {"turns": 0, "right": 0, "second_decodes": 0, "decode_ms": []})
                session = Session(store)
                session.greeting()
                r = pipeline.session(session).process(audio)
                row["turns"] += 1
                right = [ln.sku for ln in session.cart.lines] == [product.sku]
                row["right"] += right
                if args.show_misses and not right:
                    print(f"miss {name} / {line}: {product.name!r} heard {r.trace.transcript!r} ({r.trace.second_pass})")
                row["second_decodes"] += r.trace.second_pass != "none"
                row["decode_ms"].append(r.trace.decode_ms)
    print(f"catalog {args.catalog}: {len(left)} of {len(products)} products left out of the first prompt")
    print(f"{'condition':34} {'turns':>6} {'right':>6} {'rate':>6} {'2nd decodes':>11} {'decode ms':>9}")
    out = {"catalog": args.catalog, "left_out": [p.name for p in left], "products": len(products), "rows": {}}
    for key, row in rows.items():
        rate = row["right"] / row["turns"]
        mean = statistics.mean(row["decode_ms"])
        print(f"{key:34} {row['turns']:6} {row['right']:6} {rate:6.3f} {row['second_decodes']:11} {mean:9.0f}")
        out["rows"][key] = {"turns": row["turns"], "right": row["right"], "rate": round(rate, 4),
                            "second_decodes": row["second_decodes"], "decode_ms_mean": round(mean, 1)}
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    plain.close()
    again.close()
    return 0


def corpus_check(json_path: str | None) -> int:
    """See ``--corpus`` in the module docstring."""
    from bench.conversations import CORPUS_DIR, Runner, load_corpus
    from dialogue.completeness import may_name_a_new_product, names_a_product, needs_no_item
    from dialogue.session import Session
    from voice.pipeline import catalog_prompt
    from voice.second_pass import second_pass

    convs = load_corpus(CORPUS_DIR)
    runner = Runner(Path(tempfile.mkdtemp(prefix="bench-second-pass-corpus-")))
    passes: dict[str, Any] = {}
    turns = tried = 0
    changed: list[dict[str, str]] = []
    for conv in convs:
        catalog = conv["catalog"]
        store = runner.fresh_store(catalog)
        try:
            if catalog not in passes:
                products = store.products()
                passes[catalog] = second_pass(products, catalog_prompt(products))
            sp = passes[catalog]
            session = Session(store, shop=runner.shop(catalog))
            for text in conv["turns"]:
                if "{" in text:
                    session.handle(text)
                    continue
                turns += 1
                if sp is not None and not needs_no_item(session, text):
                    tried += 1
                    fixed = sp.respell(session, text)
                    how = "respelled"
                    if (fixed == text and sp.sounds_like is not None and not sp.names_literally(text)
                            and may_name_a_new_product(session, text)):
                        lex = session.lexicon
                        repaired = sp.sounds_like.repair(text, keep=lambda w, lex=lex: lex.known(w))
                        if repaired and names_a_product(session, repaired):
                            fixed, how = repaired, "sounds_like"
                    if fixed != text:
                        changed.append({"id": conv["id"], "turn": text, "became": fixed, "how": how})
                        print(f"{conv['id']}: {text!r} -> {fixed!r} ({how})")
                session.handle(text)
        finally:
            store.close()
    print(f"{len(convs)} conversations, {turns} user turns, {tried} not needing no product: {len(changed)} changed")
    if json_path:
        Path(json_path).write_text(json.dumps({"conversations": len(convs), "turns": turns, "tried": tried,
                                               "changed": changed}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
