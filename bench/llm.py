"""Rules alone vs rules + the LLM fallback on the rule engine's corpora, the latency the fallback stage adds, and
the guardrail counts.

    python -m bench.llm                         # conversation corpus: rules | stand-in "none" | stand-in "keyword"
    python -m bench.llm --corpus both --tm4-limit 300 --json OUT.json
    python -m bench.llm --corpus both --base-url http://127.0.0.1:8080/v1 --model gemma-3-270m \\
        --mode json_object --server "llama_cpp.server 0.3.36, gemma-3-270m Q4_K_M"   # a real server instead

Corpora: the conversation corpus (``tests/corpus/*.jsonl`` through :mod:`bench.conversations`) and Taskmaster-4
dev (:mod:`bench.taskmaster4`, ``--tm4-dialogs``/``--tm4-menu``, by default ``../shared/data/taskmaster4/``;
read in place, never copied). Each runs once with the rules alone and once per model configuration, the same
way the rule engine's own benchmarks run them (fresh store and session per conversation or dialog); only the
sessions' understanding differs (:class:`dialogue.llm.LLMUnderstanding` around the same rules).

**No model is measured by default.** The "model" is then the loopback test server of
``tests/llm/stub_server.py`` speaking the real OpenAI protocol to the real ``openai`` client, with a scripted
stand-in answering: ``none`` always calls ``no_action`` (what the stage costs when it adds nothing: HTTP round
trip, JSON, checks) and ``keyword`` proposes the catalog product sharing the most name words with the turn.
Neither is a language model. Pass ``--base-url``/``--model`` to measure a real OpenAI-compatible server.

Figures per configuration: the corpus's own (exact rate and wrong placements; Taskmaster-4's exact match, item
F1, placed accuracy, phantom rate), the stage's (turns asked, proposals used / none / rejected, timeouts,
errors, *fallbacks* = turns where the rules' reading was kept because the model timed out, failed or proposed
something the checks dropped; latency per model call p50/p95/max; ms added per turn over all turns), and the
guardrails, counted on every turn whose parse came from the model: orders placed, orders cancelled, and cart
or order lines whose unit price is not the catalog's (checked after every turn, any origin). All three must be 0.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from bench import conversations as conv
from bench import taskmaster4 as tm4
from catalog.cart import unit_price
from dialogue.lexicon import Lexicon
from dialogue.llm import LLMSettings, LLMStats, LLMUnderstanding, ModelParse
from dialogue.session import Session
from dialogue.types import Action, Reply, TurnMeta
from dialogue.understanding import RuleUnderstanding

ROOT = Path(__file__).resolve().parent.parent
TM4_DIR = ROOT.parent / "shared" / "data" / "taskmaster4"


@dataclass
class Guard:
    model_turns: int = 0  # turns whose parse came from the model
    placed_by_model: int = 0  # orders placed on such a turn
    cancelled_by_model: int = 0  # orders cancelled on such a turn
    off_price_lines: int = 0  # lines (cart or order, any turn) whose unit price is not the catalog's


def _watched(guard: Guard) -> type[Session]:
    class Watched(Session):
        """A session that counts what a model-read turn did (bench only)."""

        _seen_off: set[tuple[int, str, int]]

        def handle(self, text: str, meta: TurnMeta | None = None) -> Reply:
            placed = len(self.state.placed)
            reply = super().handle(text, meta)
            if isinstance(self.last_parse, ModelParse):
                guard.model_turns += 1
                guard.placed_by_model += len(self.state.placed) - placed
                guard.cancelled_by_model += Action.ORDER_CANCELLED in reply.actions
            seen = self.__dict__.setdefault("_seen_off", set())
            lines = list(self.cart.lines) + [ln for o in self.state.placed for ln in o.lines]
            for ln in lines:
                product = self.lexicon.products.get(ln.sku)
                if product is not None and unit_price(product, ln.options)[0] != ln.unit_price_cents \
                        and (ln.line_id, ln.sku, ln.unit_price_cents) not in seen:
                    seen.add((ln.line_id, ln.sku, ln.unit_price_cents))
                    guard.off_price_lines += 1
            return reply

    return Watched


@contextlib.contextmanager
def _patched(module: ModuleType, make: Callable[..., Session]) -> Iterator[None]:
    """Make a corpus runner build its sessions with ``make`` (it looks ``Session`` up at call time)."""
    original = module.__dict__["Session"]
    setattr(module, "Session", make)  # noqa: B010
    try:
        yield
    finally:
        setattr(module, "Session", original)  # noqa: B010


def _factory(settings: LLMSettings | None, total: LLMStats, guard: Guard) -> Callable[..., Session]:
    cls = _watched(guard)

    def make(store: Any, *, lexicon: Lexicon | None = None, **kw: Any) -> Session:
        lex = lexicon if lexicon is not None else Lexicon.for_store(store)
        if settings is None:
            return cls(store, lexicon=lex, **kw)
        u = LLMUnderstanding(RuleUnderstanding(lex), lex, settings)
        u.stats = total  # one tally for the whole run
        return cls(store, lexicon=lex, understanding=u, **kw)

    return make


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, int(q * len(s)))], 1)


def _stage(total: LLMStats, guard: Guard, turns: int, seconds: float) -> dict[str, Any]:
    lat = total.latency_ms
    return {
        "turns": turns, "model_asked": total.asked, "used": total.used, "none": total.none,
        "rejected": total.rejected, "timeouts": total.timeouts, "errors": total.errors,
        "fallbacks": total.timeouts + total.errors + total.rejected,
        "answers_spoken": total.answers, "answers_replaced": total.answers_replaced,
        "call_ms_p50": round(statistics.median(lat), 1) if lat else None,
        "call_ms_p95": _pct(lat, 0.95), "call_ms_max": round(max(lat), 1) if lat else None,
        "added_ms_per_turn": round(sum(lat) / turns, 2) if turns else None,
        "model_turns": guard.model_turns, "placed_by_model": guard.placed_by_model,
        "cancelled_by_model": guard.cancelled_by_model, "off_price_lines": guard.off_price_lines,
        "seconds": round(seconds, 1),
    }


def run_conversations(convs: list[dict[str, Any]], settings: LLMSettings | None) -> dict[str, Any]:
    total, guard = LLMStats(), Guard()
    started = time.perf_counter()
    with _patched(conv, _factory(settings, total, guard)), tempfile.TemporaryDirectory() as tmp:
        outcomes = conv.run_all(convs, Path(tmp))
    s = conv.summarise(outcomes)["total"]
    turns = sum(len(c["turns"]) for c in convs)
    return {"conversations": len(outcomes), "exact": s["exact"], "exact_rate": s["exact_rate"],
            "wrong_placed": s["wrong_placed"], "missed": s["missed"],
            **_stage(total, guard, turns, time.perf_counter() - started), "_outcomes": outcomes}


def run_taskmaster4(dialogs: list[dict[str, Any]], menu: dict[str, Any], settings: LLMSettings | None
                    ) -> dict[str, Any]:
    total, guard = LLMStats(), Guard()
    started = time.perf_counter()
    with _patched(tm4, _factory(settings, total, guard)):
        r = tm4.run(dialogs, menu)
    turns = sum(1 for d in dialogs for t in d.get("turns", []) if t.get("speaker") == "user")
    keep = ("dialogs", "exact_match", "item_f1", "placed_accuracy", "phantom_rate", "turn_p50_ms", "turn_p95_ms")
    return {**{k: r[k] for k in keep}, **_stage(total, guard, turns, time.perf_counter() - started)}


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def _print_stage(name: str, r: dict[str, Any], corpus: str) -> None:
    call = "-" if r["call_ms_p50"] is None else f"{r['call_ms_p50']:.0f}/{r['call_ms_p95']:.0f}/{r['call_ms_max']:.0f}"
    print(f"  {name}\n    {corpus}\n    model asked {r['model_asked']} of {r['turns']} turns: used {r['used']},"
          f" none {r['none']}, rejected {r['rejected']}, timeouts {r['timeouts']}, errors {r['errors']}"
          f" (fallbacks {r['fallbacks']}); answers spoken {r['answers_spoken']}, replaced {r['answers_replaced']}"
          f"\n    ms per model call p50/p95/max {call}; added {r['added_ms_per_turn'] or 0:.1f} ms per turn;"
          f" {r['seconds']:.0f} s"
          f"\n    guardrails on {r['model_turns']} model-read turns: placed {r['placed_by_model']},"
          f" cancelled {r['cancelled_by_model']}; off-catalog prices {r['off_price_lines']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=("conversations", "taskmaster4", "both"), default="conversations")
    ap.add_argument("--catalog", action="append", help="conversation corpus: only this catalog (repeatable)")
    ap.add_argument("--tm4-dialogs", default=str(TM4_DIR / "dev.jsonl"))
    ap.add_argument("--tm4-menu", default=str(TM4_DIR / "dev-menu.json"))
    ap.add_argument("--tm4-limit", type=int, default=0, help="only the first N Taskmaster-4 dialogs")
    ap.add_argument("--base-url", help="a real OpenAI-compatible server instead of the stand-ins")
    ap.add_argument("--model", default="stub-model")
    ap.add_argument("--server", default="", help="what serves the model, for the record")
    ap.add_argument("--timeout", type=float, default=1.5, help="[llm] timeout_s (default 1.5)")
    ap.add_argument("--mode", choices=("tools", "json", "json_object"), default="tools")
    ap.add_argument("--max-tokens", type=int, default=256)
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--show", action="store_true", help="print conversations whose result differs from rules alone")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)
    convs = conv.load_corpus(catalogs=args.catalog) if args.corpus in ("conversations", "both") else []
    dialogs: list[dict[str, Any]] = []
    menu: dict[str, Any] = {}
    if args.corpus in ("taskmaster4", "both"):
        try:
            menu = json.loads(Path(args.tm4_menu).read_text(encoding="utf-8"))
            with open(args.tm4_dialogs, encoding="utf-8") as fh:
                dialogs = [json.loads(line) for line in fh if line.strip()]
        except (OSError, ValueError) as exc:
            print(f"llm bench: cannot read Taskmaster-4: {exc}", file=sys.stderr)
            return 2
        if args.tm4_limit:
            dialogs = dialogs[:args.tm4_limit]
    if not convs and not dialogs:
        print("llm bench: nothing to run", file=sys.stderr)
        return 2

    def run_all(settings: LLMSettings | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if convs:
            out["conversations"] = run_conversations(convs, settings)
        if dialogs:
            out["taskmaster4"] = run_taskmaster4(dialogs, menu, settings)
        return out

    def settings_for(base_url: str, model: str) -> LLMSettings:
        return LLMSettings(base_url=base_url, model=model, timeout_s=args.timeout, mode=args.mode,
                           max_tokens=args.max_tokens)

    rows: dict[str, dict[str, Any]] = {"rules alone": run_all(None)}
    if args.base_url:
        name = f"rules + {args.model} ({args.server or args.base_url}; {args.mode}, timeout {args.timeout:g} s)"
        rows[name] = run_all(settings_for(args.base_url, args.model))
    else:
        sys.path.insert(0, str(ROOT))
        from tests.llm.stub_server import StubServer, keyword_model, tool

        for stand_in, script in (("none", lambda req: tool("no_action")), ("keyword", keyword_model)):
            with StubServer(script) as srv:
                rows[f"rules + stand-in '{stand_in}' (not a model)"] = run_all(
                    settings_for(srv.base_url, f"stand-in-{stand_in}"))
    print(f"bench.llm, commit {_commit()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for name, r in rows.items():
        print(name)
        if "conversations" in r:
            c = r["conversations"]
            _print_stage("conversation corpus", c,
                         f"exact {c['exact']}/{c['conversations']} = {c['exact_rate']:.3f}, wrong-placed"
                         f" {c['wrong_placed']}, missed {c['missed']}")
        if "taskmaster4" in r:
            t = r["taskmaster4"]
            _print_stage("Taskmaster-4 dev", t,
                         f"{t['dialogs']} dialogs: exact {t['exact_match']:.4f}, item F1 {t['item_f1']:.4f},"
                         f" placed {t['placed_accuracy']:.4f}, phantom {t['phantom_rate']:.4f};"
                         f" turn p50/p95 {t['turn_p50_ms']:.1f}/{t['turn_p95_ms']:.1f} ms")
    if not args.base_url:
        print("The stand-ins are scripted, not language models: their rows measure the stage's cost and safety,"
              " not a model's accuracy.")
    if args.show and convs:
        base = {o.id: o for o in rows["rules alone"]["conversations"]["_outcomes"]}
        for name, r in list(rows.items())[1:]:
            for o in r["conversations"]["_outcomes"]:
                if o.exact != base[o.id].exact:
                    print(f"\n--- {name}: {o.id} exact {base[o.id].exact} -> {o.exact}")
                    for said, reply in o.transcript:
                        print(f"  > {said}\n    {reply}")
    if args.json:
        out = {k: {kk: {a: b for a, b in vv.items() if a != "_outcomes"} for kk, vv in v.items()}
               for k, v in rows.items()}
        meta = {"commit": _commit(), "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "model": args.model, "server": args.server, "base_url": args.base_url, "mode": args.mode,
                "timeout_s": args.timeout, "tm4_dialogs": len(dialogs), "conversations": len(convs)}
        Path(args.json).write_text(json.dumps({"meta": meta, "rows": out}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
