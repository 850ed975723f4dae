"""Catalog benchmark: build a synthetic catalog, import it, time spoken-style searches.

    python -m bench.catalog --products 100000 --queries 1000 --json OUT.json

Writes ``{"products", "import_seconds", "search_p50_ms", "search_p95_ms", "peak_rss_mb", "dialogue_first_reply_s",
"dialogue_peak_rss_mb", "questions", ...}``; the dialogue figures come from a fresh process that opens the database,
starts a ``Session`` (greeting) and answers one ordering turn ("two of the <a product's name>"), then catalog-wide
questions (:data:`QUESTIONS`: the cheapest, a tag, the menu, ...), each timed, with the process's peak RSS after
them. ``--keep DIR --dialogue-only`` measures the dialogue again on the database an earlier ``--keep`` built. The
catalog comes from this module's own seeded generator (categories x nouns x adjectives x brands, a third
with colour/size variants), is written as a catalog file and imported through the real importer
into a real SQLite file. The file is a generic CSV (``--format csv``, the default: streamed by the importer)
or a project JSON file (``--format json``: read whole); generation streams too, so the peak RSS is the
importer's and the searches'. Queries mimic what reaches search from speech: exact names, a noun, adjective +
noun, brand + noun, misspelt words (one edit), with a price or stock filter on some.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from catalog.importers import import_file
from catalog.sqlite_store import SQLiteStore

CATEGORIES: dict[str, list[str]] = {
    "clothing": ["shirt", "t-shirt", "hoodie", "sweater", "jacket", "coat", "jeans", "trousers", "shorts", "skirt",
                 "dress", "scarf", "beanie", "cap", "gloves", "socks", "vest", "blazer", "pyjamas", "raincoat"],
    "shoes": ["sneakers", "boots", "sandals", "slippers", "loafers", "trainers", "heels", "flip flops"],
    "kitchen": ["mug", "kettle", "teapot", "frying pan", "saucepan", "cutting board", "knife", "spatula", "whisk",
                "colander", "mixing bowl", "baking tray", "toaster", "blender", "grater", "ladle", "jar", "tumbler"],
    "home": ["candle", "cushion", "blanket", "lamp", "vase", "rug", "curtain", "mirror", "clock", "picture frame",
             "doormat", "laundry basket", "hanger", "storage box", "towel", "bath mat"],
    "garden": ["watering can", "trowel", "hose", "plant pot", "seed tray", "pruners", "rake", "shovel", "bird feeder"],
    "toys": ["puzzle", "teddy bear", "yo-yo", "kite", "building blocks", "toy car", "doll", "board game", "ball",
             "skipping rope", "marbles", "rubber duck"],
    "stationery": ["notebook", "pen", "pencil", "marker", "eraser", "ruler", "stapler", "envelope", "sticky notes",
                   "highlighter", "folder", "sketchbook", "crayons"],
    "electronics": ["charger", "cable", "headphones", "earbuds", "speaker", "power bank", "mouse", "keyboard",
                    "webcam", "flashlight", "batteries", "adapter", "smart plug"],
    "grocery": ["coffee beans", "tea bags", "honey", "jam", "olive oil", "pasta", "rice", "oats", "granola",
                "chocolate bar", "crackers", "peanut butter", "maple syrup", "hot sauce", "sea salt"],
    "beauty": ["shampoo", "conditioner", "soap", "lotion", "lip balm", "sunscreen", "toothpaste", "toothbrush",
               "hand cream", "deodorant", "face wash", "comb"],
    "sports": ["yoga mat", "water bottle", "dumbbell", "tennis balls", "jump rope", "resistance band", "gym bag",
               "swim goggles", "bike light", "helmet"],
    "pets": ["dog bowl", "cat toy", "leash", "collar", "pet bed", "dog treats", "cat litter", "chew toy"],
}
ADJECTIVES = ["classic", "organic", "deluxe", "mini", "large", "compact", "vintage", "modern", "rustic", "soft",
              "sturdy", "lightweight", "waterproof", "eco", "premium", "everyday", "travel", "cozy", "bright",
              "striped", "plain", "wooden", "ceramic", "steel", "cotton", "wool", "bamboo", "glass", "leather",
              "linen", "recycled", "handmade", "portable", "wireless", "scented", "unscented", "spicy", "sweet",
              "crunchy", "smooth", "velvet", "denim", "canvas", "silicone", "copper", "marble", "knitted"]
COLOURS = ["red", "blue", "green", "black", "white", "grey", "navy", "pink", "yellow", "orange", "purple", "brown",
           "beige", "teal", "olive", "burgundy"]
SIZES = ["xs", "s", "m", "l", "xl"]
SYLLABLES = ["ka", "lo", "mi", "ra", "ven", "tor", "sa", "qui", "bel", "do", "nor", "fi", "zen", "ar", "po", "lux",
             "mar", "tik", "ova", "el", "sun", "gro", "vi", "ta"]


def _brands(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(names)


def _price(rng: random.Random) -> str:
    return f"{rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20, 25, 30, 40, 50, 75, 99])}.{rng.choice(['00', '49', '95', '99'])}"


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` products in the project JSON format (dicts), deterministic for a seed."""
    return list(iter_generate(n, seed))


def iter_generate(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """:func:`generate` one product at a time (a million never sit in memory)."""
    rng = random.Random(seed)
    brands = _brands(rng, max(20, n // 250))
    cats = sorted(CATEGORIES)
    for i in range(n):
        cat = cats[i % len(cats)]
        noun = rng.choice(CATEGORIES[cat])
        adjs = rng.sample(ADJECTIVES, rng.choice([1, 1, 2]))
        brand = rng.choice(brands)
        name = " ".join([*adjs, noun])
        p: dict[str, Any] = {
            "sku": f"SYN{i:06d}", "name": name, "price": _price(rng), "category": cat, "brand": brand,
            "tags": rng.sample(ADJECTIVES, 2),
            "description": f"A {' '.join(adjs)} {noun} by {brand}, {rng.choice(['made to last', 'great value', 'a customer favourite', 'new this season'])}.",
        }
        if rng.random() < 0.15:
            p["aliases"] = [f"{brand} {noun}"]
        if cat in ("clothing", "shoes", "sports") and rng.random() < 0.6:
            colours = rng.sample(COLOURS, 3)
            sizes = SIZES[1:4]
            p["options"] = [{"code": "colour", "name": "colour", "required": True, "values": colours},
                            {"code": "size", "name": "size", "default": "m", "values": sizes}]
            p["variants"] = [{"sku": f"SYN{i:06d}-{c.upper()}-{s.upper()}", "options": {"colour": c, "size": s},
                              "stock": rng.randint(0, 5)} for c in colours for s in sizes]
        else:
            p["stock"] = None if rng.random() < 0.3 else rng.randint(0, 40)
        yield p


CSV_HEADER = ["sku", "parent_sku", "name", "price", "stock", "category", "brand", "tags", "aliases", "description",
              "option:colour[required]", "option:size"]


def write_csv(products: Iterable[dict[str, Any]], path: Path, keep: set[int]) -> dict[int, dict[str, Any]]:
    """Write products as a generic CSV file (variant rows after their product), streaming; returns the
    products whose positions are in ``keep`` (the queries' sources)."""
    kept: dict[int, dict[str, Any]] = {}
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_HEADER)
        for i, p in enumerate(products):
            if i in keep:
                kept[i] = p
            colour = size = ""
            if "options" in p:
                colour = "|".join(p["options"][0]["values"])
                size = "|".join(("*" if v == "m" else "") + v for v in p["options"][1]["values"])
            stock = p.get("stock")
            out.writerow([p["sku"], "", p["name"], p["price"], "" if stock is None else stock, p["category"],
                          p["brand"], "|".join(p["tags"]), "|".join(p.get("aliases", ())), p["description"],
                          colour, size])
            for v in p.get("variants", ()):
                out.writerow([v["sku"], p["sku"], "", "", v["stock"], "", "", "", "", "", v["options"]["colour"],
                              v["options"]["size"]])
    return kept


def write_json(products: Iterable[dict[str, Any]], path: Path, keep: set[int]) -> dict[int, dict[str, Any]]:
    """The same products as a project JSON file (written product by product)."""
    kept: dict[int, dict[str, Any]] = {}
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"format": "voicecart-catalog", "version": 1, "products": [\n')
        for i, p in enumerate(products):
            if i in keep:
                kept[i] = p
            fh.write((",\n" if i else "") + json.dumps(p))
        fh.write("\n]}\n")
    return kept


def _misspell(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["drop", "swap", "double", "replace"])
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiou") + word[i + 1:]


def sources(n_products: int, n_queries: int, seed: int = 11) -> list[int]:
    """Positions of the products the queries are made from (chosen before the catalog is generated)."""
    rng = random.Random(seed)
    return [rng.randrange(n_products) for _ in range(n_queries)]


def queries(picked: Sequence[dict[str, Any]], seed: int = 12) -> list[tuple[str, dict[str, Any], str, str]]:
    """(query, filters, kind, SKU of the product it was made from), one per product in ``picked``."""
    rng = random.Random(seed)
    out: list[tuple[str, dict[str, Any], str, str]] = []
    for p in picked:
        words = p["name"].split()
        kind = rng.random()
        if kind < 0.25:
            q, label = p["name"], "exact name"
        elif kind < 0.45:
            q, label = words[-1], "noun"
        elif kind < 0.6:
            q, label = f"{p['brand']} {words[-1]}", "brand noun"
        elif kind < 0.85:
            q, label = " ".join(_misspell(rng, w) if rng.random() < 0.6 else w for w in words), "misspelt name"
        else:
            q, label = f"{rng.choice(COLOURS)} {words[-1]}", "colour noun"
        filters: dict[str, Any] = {}
        r = rng.random()
        if r < 0.15:
            filters["max_price_cents"] = rng.choice([500, 1000, 2000, 5000])
        elif r < 0.25:
            filters["in_stock"] = True
        elif r < 0.3:
            filters["category"] = p["category"]
        out.append((q, filters, label, p["sku"]))
    return out


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the import's reader process): what the import
    costs whatever else the machine is doing."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# The assistant on the catalog, in a fresh process (its RSS is the dialogue's, not the importer's): open the
# store, a Session (the lexicon chosen as in production), the greeting, one ordering turn.
_DIALOGUE = """
import json, resource, sys, time
started = time.perf_counter()


def peak_mb():
    # this process's own high-water mark (ru_maxrss would carry the parent's over fork + exec)
    try:
        with open("/proc/self/status") as fh:
            return round(next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:")) / 1024, 1)
    except (OSError, StopIteration):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)



from catalog.sqlite_store import SQLiteStore
from dialogue.session import Session
imported = time.perf_counter()
store = SQLiteStore(sys.argv[1])
session = Session(store)
greeting = session.greeting().text
greeted = time.perf_counter()
reply = session.handle(sys.argv[2]).text
done = time.perf_counter()
first_peak = peak_mb()
asked = []
for question in json.loads(sys.argv[3]):  # catalog-wide questions, each in a new session on the same lexicon
    other = Session(store, lexicon=session.lexicon)
    other.greeting()
    t = time.perf_counter()
    answer = other.handle(question).text
    asked.append({"said": question, "ms": round((time.perf_counter() - t) * 1000, 1), "reply": answer})
print(json.dumps({
    "lexicon": type(session.lexicon).__name__,
    "imports_s": round(imported - started, 3),
    "greeting_s": round(greeted - imported, 3),
    "first_reply_s": round(done - imported, 3),
    "turn_ms": round((done - greeted) * 1000, 1),
    "peak_rss_mb": first_peak,
    "questions": asked,
    "questions_peak_rss_mb": peak_mb(),
    "greeting": greeting, "said": sys.argv[2], "reply": reply,
    "cart": [[ln.sku, ln.quantity] for ln in session.cart.lines],
}))
"""


# Catalog-wide questions asked after the first reply (words of this module's generator: a tag is two of its
# adjectives, a category is one of CATEGORIES): each answer must come from a few rows, not the catalog.
QUESTIONS = ["what's the cheapest", "what's the most expensive", "anything under three dollars",
             f"what's {ADJECTIVES[1]}", "menu please", "what do you recommend", "what's the cheapest in shoes",
             f"what {sorted(CATEGORIES)[-1]} do you have"]


def dialogue_first_reply(db: Path, said: str, questions: Sequence[str] = QUESTIONS) -> dict[str, Any]:
    """Time and peak RSS of the assistant's greeting and first reply on the database, then of each of
    ``questions`` (a new session each, the same lexicon), in a new process."""
    out = subprocess.run([sys.executable, "-c", _DIALOGUE, str(db), said, json.dumps(list(questions))],
                         capture_output=True, text=True,
                         timeout=3600, check=True, cwd=Path(__file__).resolve().parents[1])
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def run(n_products: int, n_queries: int, workdir: Path, fmt: str = "csv") -> dict[str, Any]:
    picks = sources(n_products, n_queries)
    path = workdir / f"synthetic.{fmt}"
    t0 = time.perf_counter()
    kept = (write_csv if fmt == "csv" else write_json)(iter_generate(n_products), path, set(picks))
    generate_seconds = time.perf_counter() - t0
    rss_before_import = _rss_mb()
    store = SQLiteStore(workdir / "bench.sqlite3")
    t0 = time.perf_counter()
    cpu0 = _cpu_seconds()
    imported = import_file(store, path)
    import_seconds = time.perf_counter() - t0
    import_cpu = _cpu_seconds() - cpu0
    import_rss = _rss_mb()
    reader_rss = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)  # the reader process
    qs = queries([kept[i] for i in picks])
    t0 = time.perf_counter()
    store.search("warm up")
    first_search_ms = (time.perf_counter() - t0) * 1000
    times: list[float] = []
    slowest = ("", 0.0)
    empty = 0
    named = {"exact name": [0, 0], "misspelt name": [0, 0]}  # [queries, source product in the top 10]
    for q, filters, label, sku in qs:
        t = time.perf_counter()
        hits = store.search(q, limit=10, **filters)
        times.append((time.perf_counter() - t) * 1000)
        if times[-1] > slowest[1]:
            slowest = (q, times[-1])
        empty += not hits
        if label in named and not filters:
            named[label][0] += 1
            named[label][1] += any(h.product.sku == sku for h in hits)
    # the slowest query again, alone: a scheduler stall on a shared machine or the query itself?
    t = time.perf_counter()
    store.search(slowest[0], limit=10)
    slowest_again = (time.perf_counter() - t) * 1000
    store.close()
    said = f"two of the {kept[picks[0]]['name']}"
    dialogue = dialogue_first_reply(workdir / "bench.sqlite3", said)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)] if times else 0.0
    db_mb = sum(f.stat().st_size for f in workdir.glob("bench.sqlite3*")) / 2**20
    return {
        "products": imported,
        "format": fmt,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "generate_seconds": round(generate_seconds, 2),
        "rss_before_import_mb": rss_before_import,
        "import_seconds": round(import_seconds, 2),
        "import_cpu_seconds": round(import_cpu, 1),
        "import_peak_rss_mb": import_rss,
        "import_reader_peak_rss_mb": reader_rss,
        "database_mb": round(db_mb, 1),
        "first_search_ms": round(first_search_ms, 1),
        "search_p50_ms": round(statistics.median(times), 3) if times else 0.0,
        "search_p95_ms": round(p95, 3),
        "search_max_ms": round(max(times), 3) if times else 0.0,
        "slowest_query": slowest[0],
        "slowest_query_again_ms": round(slowest_again, 3),
        "queries_without_hits": empty,
        # a synthetic name is shared by many products (same adjectives + noun, other brand), so "found" means
        # the very product the query was made from is among the 10 hits
        "exact_name_found_at_10": round(named["exact name"][1] / max(1, named["exact name"][0]), 3),
        "misspelt_name_found_at_10": round(named["misspelt name"][1] / max(1, named["misspelt name"][0]), 3),
        "peak_rss_mb": _rss_mb(),
        "dialogue_lexicon": dialogue["lexicon"],
        "dialogue_first_reply_s": dialogue["first_reply_s"],
        "dialogue_greeting_s": dialogue["greeting_s"],
        "dialogue_turn_ms": dialogue["turn_ms"],
        "dialogue_imports_s": dialogue["imports_s"],
        "dialogue_peak_rss_mb": dialogue["peak_rss_mb"],
        "dialogue_said": dialogue["said"],
        "dialogue_reply": dialogue["reply"],
        "dialogue_cart": dialogue["cart"],
        **_question_results(dialogue),
        "python": sys.version.split()[0],
    }


def _question_results(dialogue: dict[str, Any]) -> dict[str, Any]:
    asked = dialogue["questions"]
    return {"questions_max_ms": max((q["ms"] for q in asked), default=0.0),
            "questions_peak_rss_mb": dialogue["questions_peak_rss_mb"],
            "questions": asked}


def dialogue_only(n_products: int, n_queries: int, workdir: Path) -> dict[str, Any]:
    """The dialogue figures again on a database ``--keep`` built before (the same generator and seed: the
    first query's product is found by generating up to it, nothing is imported)."""
    first = sources(n_products, n_queries)[0]
    product = next(p for i, p in enumerate(iter_generate(n_products)) if i == first)
    dialogue = dialogue_first_reply(workdir / "bench.sqlite3", f"two of the {product['name']}")
    return {"products": n_products, "dialogue_lexicon": dialogue["lexicon"],
            "dialogue_first_reply_s": dialogue["first_reply_s"], "dialogue_greeting_s": dialogue["greeting_s"],
            "dialogue_turn_ms": dialogue["turn_ms"], "dialogue_peak_rss_mb": dialogue["peak_rss_mb"],
            "dialogue_said": dialogue["said"], "dialogue_reply": dialogue["reply"], **_question_results(dialogue)}


def database_digest(db: Path) -> dict[str, str]:
    """SHA-256 and row count of every table of a catalog database (search and FTS shadow tables included),
    rows in primary-key order: two imports of one file by two versions of the code wrote the same store
    exactly when the digests are equal (``--digest DB``)."""
    import hashlib
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out: dict[str, str] = {}
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE"
                                             " 'CREATE VIRTUAL%' ORDER BY name")]
        for table in tables:
            digest = hashlib.sha256()
            n = 0
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2' if table != "meta"
                                    else 'SELECT * FROM "meta" ORDER BY key'):
                digest.update(repr(row).encode())
                n += 1
            out[table] = f"{n} rows {digest.hexdigest()[:16]}"
        out["schema"] = hashlib.sha256(repr(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()).encode()).hexdigest()[:16]
        return out
    finally:
        conn.close()


def search_only(n_products: int, n_queries: int, workdir: Path, repeat: int = 1) -> dict[str, Any]:
    """The search figures again on a database ``--keep`` built before (the same generator, seed and queries;
    nothing is imported): wall and CPU milliseconds per query (CPU: ``time.process_time``, what a query costs
    whatever else the machine is doing), ``repeat`` passes over the queries in one process."""
    picks = sources(n_products, n_queries)
    wanted = set(picks)
    kept = {i: p for i, p in enumerate(iter_generate(n_products)) if i in wanted}
    qs = queries([kept[i] for i in picks])
    store = SQLiteStore(workdir / "bench.sqlite3")
    try:
        store.search("warm up")
        wall: list[float] = []
        cpu: list[float] = []
        for _ in range(repeat):
            for q, filters, _label, _sku in qs:
                w, c = time.perf_counter(), time.process_time()
                store.search(q, limit=10, **filters)
                cpu.append((time.process_time() - c) * 1000)
                wall.append((time.perf_counter() - w) * 1000)
    finally:
        store.close()

    def p95(xs: list[float]) -> float:
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(round(0.95 * len(xs))) - 1)], 3)

    return {"products": n_products, "queries": len(wall), "search_p50_ms": round(statistics.median(wall), 3),
            "search_p95_ms": p95(wall), "search_max_ms": round(max(wall), 3),
            "search_cpu_p50_ms": round(statistics.median(cpu), 3), "search_cpu_p95_ms": p95(cpu),
            "search_cpu_max_ms": round(max(cpu), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.catalog", description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--format", choices=("csv", "json"), default="csv",
                        help="catalog file to write and import: generic CSV (streamed) or project JSON (read whole)")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep the file and database there")
    parser.add_argument("--json", dest="json_out", help="write the results here")
    parser.add_argument("--dialogue-only", action="store_true",
                        help="with --keep: only the dialogue figures, on the database built there before")
    parser.add_argument("--search-only", type=int, metavar="PASSES", default=0,
                        help="with --keep: only the search figures (wall and CPU per query), PASSES times over the"
                             " queries, on the database built there before")
    parser.add_argument("--digest", metavar="DB", help="only print each table's row count and SHA-256 (to compare"
                        " the stores two versions of the importer wrote from one file)")
    args = parser.parse_args(argv)
    if args.digest:
        for table, digest in database_digest(Path(args.digest)).items():
            print(f"{table:<32}{digest}")
        return 0
    if args.search_only:
        if not args.keep or not (Path(args.keep) / "bench.sqlite3").exists():
            parser.error("--search-only needs --keep DIR holding a database built by an earlier --keep run")
        result = search_only(args.products, args.queries, Path(args.keep), args.search_only)
    elif args.dialogue_only:
        if not args.keep or not (Path(args.keep) / "bench.sqlite3").exists():
            parser.error("--dialogue-only needs --keep DIR holding a database built by an earlier --keep run")
        result = dialogue_only(args.products, args.queries, Path(args.keep))
    elif args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        result = run(args.products, args.queries, Path(args.keep), args.format)
    else:
        with tempfile.TemporaryDirectory(prefix="voicecart-bench-") as tmp:
            result = run(args.products, args.queries, Path(tmp), args.format)
    big = args.products > 100_000
    targets = {"import_seconds": 120.0 if big else 30.0, "import_peak_rss_mb": 500.0, "peak_rss_mb": 500.0,
               "import_reader_peak_rss_mb": 500.0,
               "search_p50_ms": 5.0, "search_p95_ms": 20.0, "dialogue_first_reply_s": 2.0,
               "dialogue_peak_rss_mb": 500.0, "questions_peak_rss_mb": 500.0, "questions_max_ms": 2000.0}
    print(f"{'metric':<26}{'value':>12}  target")
    for key, value in result.items():
        if key == "questions":
            for q in value:
                print(f"  {q['said']!r:<40}{q['ms']:>8} ms  {q['reply'][:110]}")
            continue
        target = targets.get(key)
        mark = "" if target is None else (f"<= {target:g}  " + ("ok" if float(value) <= target else "MISSED"))
        print(f"{key:<26}{value!s:>12}  {mark}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
