"""Soak: a few hundred short calls of every awkward shape against the real bridge, in a private namespace.

``tests/sip/soak.py`` does the calling (raw-socket callers, plus two baresip calls); this test checks the
bridge survived, every call ended, nothing leaked (descriptors back to where they were, RSS flat), a caller's
REFER never made the bridge call out, and SIGTERM afterwards exits 0 with a ``stopped`` event. For the
2,000-call run: ``.venv/bin/python -m bench.sip_soak --calls 2000``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sip.harness import run_in_namespace
from voice.sip.netns import netns_usable

pytest.importorskip("pjsua2", reason="the phone extra (pjsua2-python) is not installed")

_why = netns_usable()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(_why is not None, reason=_why or "")]

SOAK = Path(__file__).with_name("soak.py")


def run_soak(work: Path, calls: int, baresip: int = 2, timeout: float = 420.0) -> dict:
    return run_in_namespace(work, SOAK, ["--calls", str(calls), "--baresip", str(baresip)], "soak.json",
                            timeout=timeout, what="soak")


def test_three_hundred_short_calls_leave_no_crash_no_leak_and_no_outbound_call(tmp_path: Path) -> None:
    r = run_soak(tmp_path, 300)
    assert r["alive_before_stop"] and r["bridge_rc"] == 0, r["events"]
    assert r["events"].get("stopped") == 1
    assert r["completed"] == 300 and not r["errors"], r["errors"]
    assert not [k for k in r["outcomes"] if k.endswith(("gave_up", "no_final", ":500"))], r["outcomes"]
    assert r["unended"] == [], r["unended"]  # vanished callers included: every call ended by itself
    assert r["trap_hits"] == [] and set(r["refer_codes"]) <= {"403"}, r  # no REFER was obeyed
    assert r["events"].get("incoming", 0) == r["events"].get("ended", 0)
    assert r["idle"]["fds"] <= r["baseline"]["fds"] + 2, (r["baseline"], r["idle"])  # sockets released
    assert r["idle"]["rss_kb"] - r["warm"]["rss_kb"] < 40_000, (r["warm"], r["idle"])  # flat memory
    if "skipped" not in r["baresip"]:
        assert r["baresip"]["established"] == 2, r["baresip"]
