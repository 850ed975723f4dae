"""Rules alone vs rules + the LLM fallback on the golden corpus (``tests/corpus/*.jsonl``), and the latency the
fallback stage adds.

    python -m bench.llm                         # rules | rules + stand-in "none" | rules + stand-in "keyword"
    python -m bench.llm --json OUT.json
    python -m bench.llm --base-url http://127.0.0.1:8080/v1 --model gemma-3-270m   # a real server instead

**No model is measured by default.** The "model" is the loopback test server of ``tests/llm/stub_server.py``
speaking the real OpenAI protocol to the real ``openai`` client, with a scripted stand-in answering:
``none`` always calls ``no_action`` (what the stage costs when it adds nothing: HTTP round trip, JSON,
checks) and ``keyword`` proposes the catalog product sharing the most name words with the turn. Neither is a
language model; their exact rates say whether the stage and its checks keep the engine safe (no order placed
without a clear yes), not how accurate a real model would be. Pass ``--base-url``/``--model`` to measure a
real OpenAI-compatible server the same way.

Each conversation runs through :class:`bench.conversations.Runner` (fresh store per conversation); the
session it makes is swapped for one whose understanding is :class:`dialogue.llm.LLMUnderstanding`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import conversations as conv
from dialogue.lexicon import Lexicon
from dialogue.llm import LLMSettings, LLMStats, LLMUnderstanding
from dialogue.session import Session
from dialogue.understanding import RuleUnderstanding


@contextlib.contextmanager
def _sessions(make: Callable[..., Session] | None) -> Iterator[None]:
    """Make the corpus runner build its sessions with ``make`` (None: the default rule-only session)."""
    if make is None:
        yield
        return
    original = conv.__dict__["Session"]
    setattr(conv, "Session", make)  # noqa: B010 - the runner looks the name up at call time
    try:
        yield
    finally:
        setattr(conv, "Session", original)  # noqa: B010


def _run(convs: list[dict[str, Any]], settings: LLMSettings | None) -> dict[str, Any]:
    total = LLMStats()

    def make(store: Any, *, shop: Any = None, **kw: Any) -> Session:
        lex = Lexicon.for_store(store)
        assert settings is not None
        u = LLMUnderstanding(RuleUnderstanding(lex), lex, settings)
        u.stats = total  # one tally for the whole run
        return Session(store, shop=shop, lexicon=lex, understanding=u, **kw)

    started = time.perf_counter()
    with _sessions(make if settings is not None else None), tempfile.TemporaryDirectory() as tmp:
        outcomes = conv.run_all(convs, Path(tmp))
    seconds = time.perf_counter() - started
    summary = conv.summarise(outcomes)
    lat = sorted(total.latency_ms)
    turns = sum(len(c["turns"]) for c in convs)
    return {
        "conversations": len(outcomes), "turns": turns,
        "exact": summary["total"]["exact"], "exact_rate": summary["total"]["exact_rate"],
        "wrong_placed": summary["total"]["wrong_placed"], "missed": summary["total"]["missed"],
        "by_catalog": {c: f["exact_rate"] for c, f in summary["by_catalog"].items()},
        "model_asked": total.asked, "used": total.used, "none": total.none, "rejected": total.rejected,
        "timeouts": total.timeouts, "errors": total.errors,
        "stage_ms_median": round(statistics.median(lat), 2) if lat else None,
        "stage_ms_p95": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 2) if lat else None,
        "stage_ms_max": round(lat[-1], 2) if lat else None,
        "added_ms_per_turn": round(sum(lat) / turns, 3) if turns else None,
        "seconds": round(seconds, 2),
        "_outcomes": outcomes,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--catalog", action="append", help="only this catalog (repeatable)")
    ap.add_argument("--base-url", help="a real OpenAI-compatible server instead of the stand-ins")
    ap.add_argument("--model", default="stub-model")
    ap.add_argument("--timeout", type=float, default=1.5, help="[llm] timeout_s (default 1.5)")
    ap.add_argument("--mode", choices=("tools", "json"), default="tools")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--show", action="store_true", help="print conversations whose result differs from rules alone")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)
    convs = conv.load_corpus(catalogs=args.catalog)
    if not convs:
        print("llm bench: nothing to run", file=sys.stderr)
        return 2
    rows: dict[str, dict[str, Any]] = {"rules alone": _run(convs, None)}
    if args.base_url:
        settings = LLMSettings(base_url=args.base_url, model=args.model, timeout_s=args.timeout, mode=args.mode)
        rows[f"rules + {args.model} @ {args.base_url}"] = _run(convs, settings)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from tests.llm.stub_server import StubServer, keyword_model, tool

        for name, script in (("none", lambda req: tool("no_action")), ("keyword", keyword_model)):
            with StubServer(script) as srv:
                settings = LLMSettings(base_url=srv.base_url, model=f"stand-in-{name}", timeout_s=args.timeout,
                                       mode=args.mode)
                rows[f"rules + stand-in '{name}' (not a model)"] = _run(convs, settings)
    head = f"{'configuration':<44}{'exact':>12}{'wrong-placed':>14}{'asked':>7}{'used':>6}{'rejected':>9}" \
           f"{'stage ms p50/p95/max':>24}{'ms/turn':>9}"
    print(head)
    for name, r in rows.items():
        stage = "-" if r["stage_ms_median"] is None else \
            f"{r['stage_ms_median']:.1f}/{r['stage_ms_p95']:.1f}/{r['stage_ms_max']:.1f}"
        print(f"{name:<44}{r['exact']:>5}/{r['conversations']:<3} {r['exact_rate']:.3f}{r['wrong_placed']:>7}"
              f"{r['model_asked']:>14}{r['used']:>6}{r['rejected']:>9}{stage:>24}"
              f"{(r['added_ms_per_turn'] or 0):>9.2f}")
    print("The stand-ins are scripted, not language models: their rows measure the stage's cost and safety,"
          " not a model's accuracy.")
    if args.show:
        base = {o.id: o for o in rows["rules alone"]["_outcomes"]}
        for name, r in list(rows.items())[1:]:
            for o in r["_outcomes"]:
                if o.exact != base[o.id].exact:
                    print(f"\n--- {name}: {o.id} exact {base[o.id].exact} -> {o.exact}")
                    for said, reply in o.transcript:
                        print(f"  > {said}\n    {reply}")
    if args.json:
        out = {k: {kk: vv for kk, vv in v.items() if kk != "_outcomes"} for k, v in rows.items()}
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
