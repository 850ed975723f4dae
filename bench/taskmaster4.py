"""Taskmaster-4 ordering benchmark for the dialogue engine.

    python -m bench.taskmaster4 --dialogs ../shared/data/taskmaster4/dev.jsonl \
        --menu ../shared/data/taskmaster4/dev-menu.json --json OUT.json

Builds a catalog from the menu file (items; attributes as option groups; add-ons as one multiple-choice
group; values seen fewer than ``--min-count`` times dropped as annotation noise) in a temporary SQLite
store, feeds each dialog's user turns, in order, into a fresh :class:`dialogue.session.Session` and
compares the final state with ``expected``: the multiset of items (name, quantity, options, add-ons), the
order type and whether an order was placed, after case and whitespace normalisation only.

The final state is the placed order when there is one, else everything in ``session.cart`` (a line read back
and not yet confirmed is in the cart and counts). ``phantom_rate`` is the share of dialogs with no expected
items in which the engine put anything in the cart or placed an order. ``exact_match_confirmed`` and
``phantom_rate_confirmed`` read the final state as the cart lines the shopper has not left unconfirmed
(:meth:`Session.confirmed_lines`), a secondary reading for transparency.

Analysis output (printed, never fed to the engine): phantom dialogs and mismatches grouped by the dialog's
``scenario`` string.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from catalog.models import CartLine, OptionGroup, OptionValue, Product
from catalog.sqlite_store import SQLiteStore
from dialogue.lexicon import Lexicon
from dialogue.session import Session

ADDONS = "addons"
ORDER_TYPE_ATTR = "order-type"


def norm(s: object) -> str:
    return re.sub(r"\s+", " ", str(s or "").lower()).strip()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "x"


def _words(s: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[^a-z0-9%]+", " ", s.lower()).split())


def _merge_values(counts: Mapping[str, int], min_count: int) -> list[tuple[str, list[str]]]:
    """Values seen often enough, most frequent first; rarer spellings of the same words become aliases.

    Same words ("sugar-free x" / "sugar free x"), a near spelling ("sweetner"), or a name that is a more
    frequent one without its class noun ("hazelnut" / "hazelnut sweetener") fold into the more frequent value.
    """
    last_words = Counter(_words(v)[-1] for v in counts if _words(v))
    kept = [(v, n) for v, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if n >= min_count and norm(v)]
    out: list[tuple[str, list[str]]] = []
    for value, _ in kept:
        w = _words(value)
        home = None
        for i, (canon, _aliases) in enumerate(out):
            cw = _words(canon)
            if w == cw or (len(cw) == len(w) + 1 and cw[:len(w)] == w and last_words[cw[-1]] >= 2) \
                    or (len(w) == len(cw) + 1 and w[:len(cw)] == cw and last_words[w[-1]] >= 2) \
                    or fuzz.ratio(" ".join(w), " ".join(cw)) >= 90:
                home = i
                break
        if home is None:
            out.append((norm(value), []))
        else:
            out[home][1].append(norm(value))
    return out


def build_catalog(menu: Mapping[str, Any], min_count: int = 2, min_item_count: int | None = None
                  ) -> tuple[list[Product], list[str]]:
    """Products from a Taskmaster-4 menu file, and the order-type values it knows.

    ``min_item_count`` None: one sighting per thousand item sightings, at least ``min_count`` (3 on dev).
    """
    if min_item_count is None:
        total = sum(int(n) for n in (menu.get("items") or {}).values())
        min_item_count = max(min_count, round(total / 1000))
    attrs: dict[str, dict[str, int]] = {norm(k): v for k, v in (menu.get("attributes") or {}).items()}
    order_types = [norm(v) for v, n in attrs.pop(ORDER_TYPE_ATTR, {}).items() if n >= min_count]
    groups: list[tuple[str, list[tuple[str, list[str]]], int]] = []
    for code, counts in attrs.items():
        values = _merge_values(counts, min_count)
        if len(values) >= 2:
            groups.append((code, values, sum(counts.values())))
    groups.sort(key=lambda g: -g[2])
    kept_groups: list[tuple[str, list[tuple[str, list[str]]]]] = []
    for code, values, _ in groups:  # a rare group whose values another group already has is noise
        names = {v for v, _ in values}
        if any(names <= {v for v, _ in other} for _, other in kept_groups):
            continue
        kept_groups.append((code, values))
    option_groups = [
        OptionGroup(code, code, tuple(OptionValue(v, v, tuple(a)) for v, a in values)) for code, values in kept_groups
    ]
    addon_values = _merge_values(menu.get("addons") or {}, min_count)
    if addon_values:
        option_groups.append(OptionGroup(ADDONS, "add-ons", tuple(OptionValue(v, v, tuple(a)) for v, a in addon_values),
                                         multiple=True, aliases=("addons", "add ons", "extras")))
    option_words = {norm(v.name) for g in option_groups for v in g.values} | \
                   {norm(a) for g in option_groups for v in g.values for a in v.aliases}
    products: list[Product] = []
    items = [(v, a) for v, a in _merge_values(menu.get("items") or {}, min_item_count) if v not in option_words]
    seen: set[str] = set()
    for name, aliases in items:  # an "item" named like an option value is an annotation slip
        if _slug(name) in seen:
            continue
        seen.add(_slug(name))
        aliases = [a for a in aliases if a not in option_words]
        products.append(Product(sku=_slug(name), name=name, price_cents=0, aliases=tuple(aliases),
                                option_groups=tuple(option_groups)))
    return products, order_types


def line_item(line: CartLine) -> tuple[str, int, tuple[tuple[str, str], ...], tuple[str, ...]]:
    options = tuple(sorted((norm(o.group), norm(o.value)) for o in line.options
                           if o.group != ADDONS and o.amount != "none"))
    addons = tuple(sorted(norm(o.value) for o in line.options if o.group == ADDONS and o.amount != "none"))
    return norm(line.name), line.quantity, options, addons


def expected_item(it: Mapping[str, Any]) -> tuple[str, int, tuple[tuple[str, str], ...], tuple[str, ...]]:
    options = tuple(sorted((norm(k), norm(v)) for k, v in (it.get("options") or {}).items()))
    return norm(it.get("name")), int(it.get("quantity") or 1), options, tuple(sorted(norm(a) for a in it.get("addons") or []))


Item = tuple[str, int, tuple[tuple[str, str], ...], tuple[str, ...]]


class Spellings:
    """The menu's own folds (``_merge_values``): an annotator's spelling that the menu made an alias of a value
    ("sugar-free vanilla sweetener" of "sugar free vanilla sweetener", "hazelnut" of "hazelnut sweetener",
    "amercano" of "americano") read as that value. The engine can answer only with the value's one name, so an
    expected line written in another spelling of the same value is compared by the value it names. Used only for the
    ``*_folded`` figures; the raw figures compare the annotation's strings as written."""

    def __init__(self, products: Sequence[Product]):
        self.items: dict[str, str] = {}
        self.values: dict[tuple[str, str], str] = {}
        for p in products:
            for a in (p.name, *p.aliases):
                self.items.setdefault(norm(a), norm(p.name))
            for g in p.option_groups:
                for v in g.values:
                    for a in (v.name, *v.aliases):
                        self.values.setdefault((norm(g.code), norm(a)), norm(v.name))

    def item(self, it: Item) -> Item:
        name, qty, options, addons = it
        return (self.items.get(name, name), qty,
                tuple(sorted((g, self.values.get((g, v), v)) for g, v in options)),
                tuple(sorted(self.values.get((ADDONS, a), a) for a in addons)))


def _order_type(value: str | None) -> str:
    return norm(value or "here").replace(" ", "")


def run(dialogs: Iterable[Mapping[str, Any]], menu: Mapping[str, Any], *, min_count: int = 2,
        min_item_count: int | None = None, errors: list[dict[str, Any]] | None = None,
        classes: dict[str, Counter[str]] | None = None) -> dict[str, Any]:
    """Figures over ``dialogs``; ``errors`` collects mismatching dialogs, ``classes`` counts per scenario
    ("phantom", "mismatch") for the analysis. The scenario string is read only after the dialog has run."""
    products, _ = build_catalog(menu, min_count, min_item_count)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "tm4.sqlite3")
        store.upsert_products(products)
        lexicon = Lexicon(store.products())
        times: list[float] = []
        spellings = Spellings(products)
        n = exact = exact_conf = placed_ok = empty = phantom = phantom_conf = 0
        exact_folded = exact_conf_folded = 0
        tp = fp = fn = 0
        for d in dialogs:
            n += 1
            session = Session(store, lexicon=lexicon, session_id=str(d.get("id", n)))
            for turn in d.get("turns", []):
                if turn.get("speaker") != "user":
                    continue
                t0 = time.perf_counter()
                session.handle(str(turn.get("text", "")))
                times.append((time.perf_counter() - t0) * 1000)
            placed = bool(session.orders)
            lines = [ln for o in session.orders for ln in o.lines] if placed else list(session.cart.lines)
            confirmed = lines if placed else session.confirmed_lines()
            got = Counter(line_item(ln) for ln in lines)
            exp = d.get("expected", {})
            want = Counter(expected_item(it) for it in exp.get("items", []))
            common = sum((got & want).values())
            tp, fp, fn = tp + common, fp + sum(got.values()) - common, fn + sum(want.values()) - common
            ok_type = _order_type(session.order_type) == _order_type(exp.get("order_type"))
            ok_placed = placed == bool(exp.get("placed"))
            placed_ok += ok_placed
            match = got == want and ok_type and ok_placed
            exact += match
            match_conf = Counter(line_item(ln) for ln in confirmed) == want and ok_type and ok_placed
            exact_conf += match_conf
            want_folded = Counter(spellings.item(it) for it in want.elements())
            exact_folded += got == want_folded and ok_type and ok_placed
            exact_conf_folded += Counter(line_item(ln) for ln in confirmed) == want_folded and ok_type and ok_placed
            is_phantom = False
            if not want:
                empty += 1
                is_phantom = bool(lines) or placed
                phantom += is_phantom
                phantom_conf += bool(confirmed) or placed
            scenario = str(d.get("scenario") or "?")
            if classes is not None:
                if is_phantom:
                    classes.setdefault("phantom", Counter())[scenario] += 1
                if not match:
                    classes.setdefault("mismatch", Counter())[scenario] += 1
            if not match and errors is not None:
                errors.append({"id": d.get("id"), "scenario": scenario, "phantom": is_phantom,
                               "turns": [t.get("text") for t in d.get("turns", []) if t.get("speaker") == "user"],
                               "expected": sorted(map(list, want.elements())), "got": sorted(map(list, got.elements())),
                               "order_type": [exp.get("order_type"), session.order_type],
                               "placed": [bool(exp.get("placed")), placed],
                               "confirmed_match": match_conf,
                               "confirmed": sorted(map(list, Counter(line_item(ln) for ln in confirmed).elements()))})
        store.close()
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    q = statistics.quantiles(times, n=20) if len(times) >= 2 else [0.0] * 19
    return {
        "dialogs": n,
        "exact_match": round(exact / n, 4) if n else 0.0,
        "item_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "placed_accuracy": round(placed_ok / n, 4) if n else 0.0,
        "phantom_rate": round(phantom / empty, 4) if empty else 0.0,
        "turn_p50_ms": round(statistics.median(times), 3) if times else 0.0,
        "turn_p95_ms": round(q[18], 3),
        "exact_match_confirmed": round(exact_conf / n, 4) if n else 0.0,
        "phantom_rate_confirmed": round(phantom_conf / empty, 4) if empty else 0.0,
        "exact_match_folded": round(exact_folded / n, 4) if n else 0.0,
        "exact_match_confirmed_folded": round(exact_conf_folded / n, 4) if n else 0.0,
        "no_item_dialogs": empty,
        "products": len(products),
    }


def print_classes(classes: Mapping[str, Counter[str]], top: int = 12) -> None:
    """Phantom dialogs and mismatches per scenario (analysis only)."""
    for kind in ("phantom", "mismatch"):
        counts = classes.get(kind) or Counter()
        print(f"\n{kind} dialogs by scenario ({sum(counts.values())} in all)")
        for scenario, k in counts.most_common(top):
            print(f"{k:6d}  {scenario}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dialogs", required=True, help="JSON lines: id, turns [{speaker, text}], expected")
    ap.add_argument("--menu", required=True, help="menu JSON: items, attributes, addons with counts")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--min-count", type=int, default=2, help="drop menu values seen fewer times (noise)")
    ap.add_argument("--min-item-count", type=int, default=None,
                    help="drop menu items seen fewer times (noise such as 'sweet' or 'cold'); "
                         "default: one per thousand item sightings, at least --min-count")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N dialogs")
    ap.add_argument("--limit", type=int, default=0, help="only the first N dialogs (after --skip)")
    ap.add_argument("--quiet", action="store_true", help="figures only, no per-scenario breakdown")
    ap.add_argument("--errors", help="write the dialogs that did not match here (JSON lines)")
    args = ap.parse_args(argv)
    try:
        menu = json.loads(Path(args.menu).read_text(encoding="utf-8"))
        with open(args.dialogs, encoding="utf-8") as fh:
            dialogs = [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"taskmaster4: cannot read input: {exc}", file=sys.stderr)
        return 2
    dialogs = dialogs[args.skip:]
    if args.limit:
        dialogs = dialogs[:args.limit]
    errors: list[dict[str, Any]] | None = [] if args.errors else None
    classes: dict[str, Counter[str]] = {}
    result = run(dialogs, menu, min_count=args.min_count, min_item_count=args.min_item_count, errors=errors,
                 classes=classes)
    width = max(len(k) for k in result)
    print(f"{'metric':<{width}}  value")
    for k, v in result.items():
        print(f"{k:<{width}}  {v}")
    if not args.quiet:
        print_classes(classes)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.errors and errors is not None:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
