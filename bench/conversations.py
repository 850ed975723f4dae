"""The golden conversation corpus (``tests/corpus/*.jsonl``) run through the real dialogue engine.

    python -m bench.conversations                       # table: catalog x class
    python -m bench.conversations --json OUT.json --errors WRONG.jsonl --catalog bakery --cls confirm_yes

Every conversation runs in a fresh :class:`dialogue.session.Session` on a fresh SQLite store of its bundled
catalog (a copy of one store built per catalog, so stock and orders never leak between conversations). The
shop it talks to is :data:`SHOP`, with the fields the catalog's ``shop`` block gives (name, phone, hours,
address) taken from the catalog instead (:meth:`Runner.shop`): "what time do you close" is judged against the
shop the catalog names.
Its final state is the placed order when the conversation expects one (``placed`` 1), else the cart.

A conversation is **exact** when the number of orders placed equals ``placed``, the final lines equal
``order`` (or ``or_order``, an accepted alternative), orders placed before it by another shopper are still
as they were, no reply carries exception text, and each ``reply_mentions`` entry holds (the reply to
turn ``turn`` contains one of ``any``, compared in lowercase without punctuation: a quoted price). Lines are compared as a multiset after merging lines
of the same product and options (``two lattes`` then ``three more`` may be one line of five or two lines);
options are compared after dropping, on both sides, every single-choice option equal to the product's
default and every option with amount ``none`` ("no onion"), so a default the engine filled in or the
shopper said out loud is the same thing, and an option nobody asked for is a difference. Amount qualifiers
("extra", "light") are not compared. Multi-choice groups compare as sets. See ``tests/corpus/README.md``.

**wrong-placed** counts the conversations in which more orders were placed than expected: the safety
failure (an order without a clear yes). **missed** counts those expecting an order that placed none.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from catalog.bundled import BUNDLED, open_store
from catalog.models import CartLine, OrderStatus, Product, ShopDetails
from catalog.sqlite_store import SQLiteStore
from dialogue.session import Session
from dialogue.shop import ShopInfo
from dialogue.types import TurnMeta

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "corpus"
# Catalogs written for the corpus only (shops the engine was not built on), beside the bundled ones:
# ``tests/corpus/catalogs/<name>.json`` in the project's JSON format.
CORPUS_CATALOGS = CORPUS_DIR / "catalogs"

CLASSES = (
    "confirm_yes", "confirm_not_yes", "add_never_removes", "instead", "remove_counts", "change_option",
    "questions_dont_change", "counts", "one_price", "follow_ups", "long_orders", "order_ownership", "mixed",
    "one_sentence", "questions", "multi_turn",
)

SHOP = ShopInfo(name="Corner Shop", hours="seven to six, Monday to Saturday", address="12 Mill Street",
                returns="Unopened items can be returned within 30 days with a receipt.")


def catalog_shop(details: ShopDetails | None) -> ShopInfo:
    """:data:`SHOP` with each field the catalog's shop block gives replaced by the catalog's."""
    if not details:
        return SHOP
    return replace(SHOP, name=details.name or SHOP.name, phone=details.phone or SHOP.phone,
                   hours=details.hours or SHOP.hours, address=details.address or SHOP.address)


# What a shopper must never hear: a crash caught by the session, or an error message passed through.
EXCEPTION_TEXT = re.compile(
    r"Traceback|Exception|Error\b|error:|went wrong on my side|NoneType|sqlite|only placed or preparing"
    r"|\bsku\b|[{}]|\bNone\b", re.IGNORECASE)

Key = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]


def corpus_catalogs() -> tuple[str, ...]:
    """Every catalog a conversation may name: the bundled ones, then those of ``tests/corpus/catalogs/``."""
    extra = sorted(p.stem for p in CORPUS_CATALOGS.glob("*.json") if p.stem not in BUNDLED)
    return (*BUNDLED, *extra)


def catalog_source(name: str) -> str:
    """What :func:`catalog.bundled.open_store` takes for a corpus catalog: a bundled name or a file path."""
    if name in BUNDLED:
        return name
    path = CORPUS_CATALOGS / f"{name}.json"
    if not path.exists():
        raise ValueError(f"no catalog {name!r}: neither bundled ({', '.join(BUNDLED)}) nor {path}")
    return str(path)


# --- the corpus --------------------------------------------------------------------------------------
def load_corpus(directory: Path = CORPUS_DIR, *, catalogs: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Every conversation in ``directory/*.jsonl`` (one JSON object a line), in file order."""
    out: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.jsonl")):
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                conv = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}, line {n}: not JSON: {exc.msg}") from None
            conv["_where"] = f"{path.name}:{n}"
            if catalogs is None or conv.get("catalog") in catalogs:
                out.append(conv)
    return out


def check_conversation(conv: Mapping[str, Any], products: Mapping[str, Product]) -> list[str]:
    """Problems with one corpus entry (schema, unknown SKUs, option groups or values); empty when fine."""
    problems: list[str] = []
    for key, kind in (("id", str), ("catalog", str), ("class", str), ("turns", list), ("placed", int),
                      ("order", list)):
        if not isinstance(conv.get(key), kind):
            problems.append(f"{key!r} missing or not {kind.__name__}")
    if problems:
        return problems
    if conv["class"] not in CLASSES:
        problems.append(f"unknown class {conv['class']!r}")
    if conv["catalog"] not in corpus_catalogs():
        problems.append(f"unknown catalog {conv['catalog']!r}")
    if not conv["turns"] or not all(isinstance(t, str) and t.strip() for t in conv["turns"]):
        problems.append("turns must be non-empty texts")
    if conv["placed"] not in (0, 1):
        problems.append("placed must be 0 or 1")
    for name in ("order", "or_order"):
        for line in conv.get(name) or []:
            product = products.get(line.get("sku"))
            if product is None:
                problems.append(f"{name}: unknown sku {line.get('sku')!r}")
                continue
            if not isinstance(line.get("quantity"), int) or line["quantity"] < 1:
                problems.append(f"{name}: {line['sku']} quantity must be a whole number >= 1")
            groups = {g.code: g for g in product.option_groups}
            for group, value in (line.get("options") or {}).items():
                if group not in groups:
                    problems.append(f"{name}: {line['sku']} has no option group {group!r}")
                    continue
                codes = {v.code for v in groups[group].values}
                for v in value if isinstance(value, list) else [value]:
                    if v not in codes:
                        problems.append(f"{name}: {line['sku']}.{group} has no value {v!r}")
    for m in conv.get("reply_mentions") or []:
        if not (isinstance(m, Mapping) and isinstance(m.get("turn"), int) and 0 <= m["turn"] < len(conv["turns"])
                and isinstance(m.get("any"), list) and m["any"]):
            problems.append(f"reply_mentions entry {m!r} needs a turn index and a non-empty 'any' list")
    before = conv.get("before")
    if before is not None and not (isinstance(before, Mapping) and isinstance(before.get("turns"), list)):
        problems.append("'before' must be an object with turns")
    return problems


# --- comparing ---------------------------------------------------------------------------------------
def _defaults(product: Product | None) -> dict[str, str | None]:
    return {g.code: (None if g.multiple else g.default) for g in product.option_groups} if product else {}


def _key(sku: str, options: Mapping[str, Iterable[str]], product: Product | None) -> Key:
    defaults = _defaults(product)
    kept = []
    for group, values in options.items():
        vals = tuple(sorted(set(values)))
        if not vals or (len(vals) == 1 and defaults.get(group) == vals[0]):
            continue
        kept.append((group, vals))
    return sku, tuple(sorted(kept))


def actual_key(line: CartLine, products: Mapping[str, Product]) -> Key:
    opts: dict[str, list[str]] = defaultdict(list)
    for o in line.options:
        if o.amount != "none":
            opts[o.group].append(o.value)
    return _key(line.sku, opts, products.get(line.sku))


def expected_key(line: Mapping[str, Any], products: Mapping[str, Product]) -> Key:
    opts = {g: (v if isinstance(v, list) else [v]) for g, v in (line.get("options") or {}).items()}
    return _key(line["sku"], opts, products.get(line["sku"]))


def merged(pairs: Iterable[tuple[Key, int]]) -> Counter[Key]:
    out: Counter[Key] = Counter()
    for key, qty in pairs:
        out[key] += qty
    return out


def describe(counter: Mapping[Key, int]) -> list[str]:
    return [f"{q} {sku}" + "".join(f" {g}={'+'.join(v)}" for g, v in opts) for (sku, opts), q in counter.items()]


# --- running -----------------------------------------------------------------------------------------
@dataclass
class Outcome:
    id: str
    catalog: str
    cls: str
    placed: int
    expected_placed: int
    got: list[str]
    expected: list[str]
    exact: bool
    exception_text: list[str] = field(default_factory=list)
    unsaid: list[str] = field(default_factory=list)
    others_cancelled: list[str] = field(default_factory=list)
    transcript: list[tuple[str, str]] = field(default_factory=list)

    @property
    def wrong_placed(self) -> bool:
        return self.placed > self.expected_placed

    @property
    def missed(self) -> bool:
        return self.placed < self.expected_placed

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "catalog": self.catalog, "class": self.cls, "placed": self.placed,
                "expected_placed": self.expected_placed, "got": self.got, "expected": self.expected,
                "exact": self.exact, "exception_text": self.exception_text, "unsaid": self.unsaid,
                "others_cancelled": self.others_cancelled,
                "transcript": [{"shopper": a, "assistant": b} for a, b in self.transcript]}


class _Crashes(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _spoken(number: str) -> str:
    names = "zero one two three four five six seven eight nine".split()
    return " ".join(names[int(c)] for c in number if c.isdigit())


class Runner:
    """Fresh stores per conversation, copied from one template database per catalog."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self._templates: dict[str, Path] = {}
        self._products: dict[str, dict[str, Product]] = {}
        self._shops: dict[str, ShopInfo] = {}
        self._n = 0

    def products(self, catalog: str) -> dict[str, Product]:
        if catalog not in self._products:
            self._template(catalog)
        return self._products[catalog]

    def shop(self, catalog: str) -> ShopInfo:
        """The shop a conversation on ``catalog`` talks to (:func:`catalog_shop` of what the store keeps)."""
        if catalog not in self._shops:
            self._template(catalog)
        return self._shops[catalog]

    def _template(self, catalog: str) -> Path:
        if catalog not in self._templates:
            path = self.workdir / f"template-{catalog}.sqlite3"
            store = open_store(path, catalog=catalog_source(catalog), tax_rate_bp=825)
            try:
                self._products[catalog] = {p.sku: p for p in store.products()}
                self._shops[catalog] = catalog_shop(store.shop_details())
            finally:
                store.close()
            self._templates[catalog] = path
        return self._templates[catalog]

    def fresh_store(self, catalog: str) -> SQLiteStore:
        self._n += 1
        path = self.workdir / f"run-{self._n}.sqlite3"
        shutil.copyfile(self._template(catalog), path)
        return open_store(path, catalog=catalog_source(catalog), tax_rate_bp=825)

    def run(self, conv: Mapping[str, Any]) -> Outcome:
        catalog = conv["catalog"]
        products = self.products(catalog)
        shop = self.shop(catalog)
        crashes = _Crashes()
        session_log = logging.getLogger("dialogue.session")
        session_log.addHandler(crashes)
        store = self.fresh_store(catalog)
        transcript: list[tuple[str, str]] = []
        bad_text: list[str] = []
        try:
            earlier: dict[str, OrderStatus] = {}
            subs: dict[str, str] = {"order": "4711", "order_words": _spoken("4711")}
            before = conv.get("before")
            if before:
                other = Session(store, shop=shop)
                meta = TurnMeta(caller_id=before.get("caller", "+15550001111"))
                for text in before["turns"]:
                    other.handle(text, meta)
                for order in store.orders():
                    earlier[order.number] = order.status
                if earlier:
                    number = sorted(earlier)[0]
                    subs = {"order": number, "order_words": _spoken(number)}
            session = Session(store, shop=shop)
            caller = conv.get("caller")
            meta = TurnMeta(caller_id=caller) if caller else None
            for text in conv["turns"]:
                text = text.format(**subs) if "{" in text else text
                reply = session.handle(text, meta)
                transcript.append((text, reply.text))
                if EXCEPTION_TEXT.search(reply.text):
                    bad_text.append(reply.text)
            bad_text += [f"logged: {m}" for m in crashes.seen]
            mine = [o for o in store.orders() if o.number not in earlier]
            others_cancelled = [o.number for o in store.orders()
                                if o.number in earlier and o.status != earlier[o.number]]
            if conv["placed"] and mine:
                lines: Sequence[CartLine] = [ln for o in mine for ln in o.lines]
            else:
                lines = list(session.cart.lines)
            got = merged((actual_key(ln, products), ln.quantity) for ln in lines)
            wants = [merged((expected_key(ln, products), ln["quantity"]) for ln in conv["order"])]
            if conv.get("or_order") is not None:
                wants.append(merged((expected_key(ln, products), ln["quantity"]) for ln in conv["or_order"]))
            unsaid = []
            for m in conv.get("reply_mentions") or []:
                said = _plain(transcript[m["turn"]][1])
                if not any(_plain(alt) in said for alt in m["any"]):
                    unsaid.append(f"turn {m['turn']}: none of {m['any']}")
            exact = (len(mine) == conv["placed"] and any(got == w for w in wants)
                     and not bad_text and not others_cancelled and not unsaid)
            return Outcome(conv["id"], catalog, conv["class"], len(mine), conv["placed"], describe(got),
                           describe(wants[0]), exact, bad_text, unsaid, others_cancelled, transcript)
        finally:
            session_log.removeHandler(crashes)
            store.close()
            _remove_store_files(Path(store.path))


def _remove_store_files(path: Path) -> None:
    """Deletes one conversation's store (and SQLite's side files): a corpus run keeps thousands of conversations,
    and their stores left behind filled the disk of the machine that runs the suite."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)


def _run_share(workdir: Path, convs: Sequence[Mapping[str, Any]]) -> list[Outcome]:
    """One worker's share of a corpus run, on its own stores under ``workdir``."""
    workdir.mkdir(parents=True, exist_ok=True)
    runner = Runner(workdir)
    return [runner.run(c) for c in convs]


def run_all(convs: Sequence[Mapping[str, Any]], workdir: Path | None = None, jobs: int = 1) -> list[Outcome]:
    """Every conversation's outcome, in the order given. ``jobs`` > 1 runs them in that many processes (spawned,
    each with its own stores: every conversation is independent of the others), every ``jobs``-th conversation in
    each, so that a long catalog is shared; the outcomes are the same as in one process."""
    with tempfile.TemporaryDirectory(prefix="voicecart-corpus-") as tmp:
        base = workdir if workdir is not None else Path(tmp)
        jobs = max(1, min(jobs, len(convs)))
        if jobs == 1:
            return _run_share(base, convs)
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(jobs) as pool:
            shares = pool.starmap(_run_share, [(base / f"worker-{k}", list(convs[k::jobs])) for k in range(jobs)])
        out: list[Outcome | None] = [None] * len(convs)
        for k, share in enumerate(shares):
            out[k::jobs] = share
        return [o for o in out if o is not None]


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    def figures(rows: Sequence[Outcome]) -> dict[str, Any]:
        n = len(rows)
        return {"conversations": n, "exact": sum(r.exact for r in rows),
                "exact_rate": round(sum(r.exact for r in rows) / n, 4) if n else None,
                "wrong_placed": sum(r.wrong_placed for r in rows), "missed": sum(r.missed for r in rows),
                "exception_text": sum(bool(r.exception_text) for r in rows)}

    catalogs = sorted({o.catalog for o in outcomes})
    classes = [c for c in CLASSES if any(o.cls == c for o in outcomes)]
    return {
        "total": figures(outcomes),
        "by_catalog": {c: figures([o for o in outcomes if o.catalog == c]) for c in catalogs},
        "by_class": {k: figures([o for o in outcomes if o.cls == k]) for k in classes},
        "by_catalog_class": {c: {k: figures([o for o in outcomes if o.catalog == c and o.cls == k])
                                 for k in classes} for c in catalogs},
    }


def table(summary: Mapping[str, Any]) -> str:
    catalogs = list(summary["by_catalog"])
    head = f"{'class':<22}" + "".join(f"{c:>22}" for c in catalogs) + f"{'all':>22}"
    sub = f"{'':<22}" + f"{'n exact wrong-placed':>22}" * (len(catalogs) + 1)
    rows = [head, sub]

    def cell(f: Mapping[str, Any]) -> str:
        return f"{f['conversations']:>6} {f['exact']:>5} {f['wrong_placed']:>9}" if f["conversations"] else f"{'-':>22}"

    for k in summary["by_class"]:
        rows.append(f"{k:<22}" + "".join(f"{cell(summary['by_catalog_class'][c][k]):>22}" for c in catalogs)
                    + f"{cell(summary['by_class'][k]):>22}")
    rows.append(f"{'all':<22}" + "".join(f"{cell(summary['by_catalog'][c]):>22}" for c in catalogs)
                + f"{cell(summary['total']):>22}")
    rates = "  ".join(f"{c} {f['exact_rate']:.3f}" for c, f in summary["by_catalog"].items())
    rows.append(f"exact rate: {rates}  all {summary['total']['exact_rate']:.3f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS_DIR), help="directory of <catalog>.jsonl files")
    ap.add_argument("--catalog", action="append", help="only this catalog (repeatable)")
    ap.add_argument("--cls", action="append", help="only this class (repeatable)")
    ap.add_argument("--id", action="append", help="only the conversation with this id (repeatable)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--errors", help="write the conversations that were not exact here (JSON lines)")
    ap.add_argument("--show", action="store_true", help="print the transcript of every inexact conversation")
    ap.add_argument("--jobs", type=int, default=1, help="run in this many processes (default 1)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)
    convs = load_corpus(Path(args.corpus), catalogs=args.catalog)
    if args.cls:
        convs = [c for c in convs if c.get("class") in args.cls]
    if args.id:
        convs = [c for c in convs if c.get("id") in args.id]
    if not convs:
        print("conversations: nothing to run", file=sys.stderr)
        return 2
    started = time.perf_counter()
    outcomes = run_all(convs, jobs=args.jobs)
    summary = summarise(outcomes)
    summary["seconds"] = round(time.perf_counter() - started, 2)
    print(table(summary))
    if args.show:
        for o in outcomes:
            if not o.exact:
                print(f"\n--- {o.id} (placed {o.placed}/{o.expected_placed}) got {o.got} want {o.expected}")
                for said, reply in o.transcript:
                    print(f"  > {said}\n    {reply}")
                for t in o.exception_text:
                    print(f"  !! {t}")
                for t in o.unsaid:
                    print(f"  !! not said: {t}")
                if o.others_cancelled:
                    print(f"  !! cancelled another shopper's order {o.others_cancelled}")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for o in outcomes:
                if not o.exact:
                    fh.write(json.dumps(o.as_dict()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
