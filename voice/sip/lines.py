"""``voicecart sip --lines N``: more than the four lines one bridge has, on one machine.

    caller --UDP--> front (--listen, validates, --allow) --> Kamailio (127.0.0.1, dispatcher) --> bridge 1..B

* the **front** (``voice.sip.front``) owns the public socket as for one bridge, and relays to Kamailio;
* **Kamailio** (Debian package ``kamailio``; its ``dispatcher``, ``tm``, ``rr`` modules) listens on 127.0.0.1 and
  hands each new call to a bridge, round robin, and to the next one when a bridge answers 486/503 or does not
  answer (failure route); in-dialog requests follow the Record-Route (front, Kamailio) to the bridge that took
  the call;
* **B = ceil(N / 4) bridges**, each a ``voicecart sip`` process with PJSIP on 127.0.0.1:<port> (``--no-front``)
  and ``--max-calls`` 4 (the last one N - 4(B-1)); RTP binds the ``--listen`` host and SDP names
  ``--public-address`` (or that host);
* one **order database**: every bridge opens the configured store (SQLite with ``BEGIN IMMEDIATE`` and a busy
  timeout, or ``database = "postgresql://..."``); this process opens it first, so the catalog is loaded once;
* one **decode gate** (``voice.sip.fair.GateServer``) in this process: every bridge takes a turn from it for each
  Whisper decode (finals before speculative, first come first served), so decodes are fair across all calls
  and never two at once on the same cores; each bridge loads its own Whisper model;
* one **events file**: the bridges and this process append JSON lines to it (``O_APPEND``, one write a line).

SIGTERM/SIGINT: the bridges are stopped first (they hang up their calls, through Kamailio and the front), then
Kamailio, then the front; the exit status is 0 when every bridge exited 0.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

KAMAILIO_MODULES = ("/usr/lib/x86_64-linux-gnu/kamailio/modules", "/usr/lib/kamailio/modules",
                    "/usr/local/lib64/kamailio/modules", "/usr/local/lib/kamailio/modules")
LINES_PER_BRIDGE = 4

KAMAILIO_CFG = """#!KAMAILIO
# written by voicecart sip --lines: dispatcher in front of {bridges} bridge(s)
debug=1
log_stderror=yes
children={children}
auto_aliases=no
listen=udp:127.0.0.1:{port}
mpath="{mpath}"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "siputils.so"
loadmodule "textops.so"
loadmodule "xlog.so"
loadmodule "dispatcher.so"
modparam("dispatcher", "list_file", "{list_file}")
modparam("dispatcher", "flags", 2)
modparam("dispatcher", "xavp_dst", "_dsdst_")
modparam("rr", "enable_full_lr", 1)
modparam("tm", "fr_timer", 8000)
modparam("tm", "fr_inv_timer", 120000)

request_route {{
    if (!mf_process_maxfwd_header("20")) {{
        sl_send_reply("483", "Too Many Hops");
        exit;
    }}
    if (has_totag()) {{
        if (loose_route()) {{
            route(RELAY);
        }}
        if (is_method("ACK") && t_check_trans()) {{
            t_relay();
            exit;
        }}
        if (!is_method("ACK")) {{
            sl_send_reply("404", "Not Here");
        }}
        exit;
    }}
    if (is_method("CANCEL")) {{
        if (t_check_trans()) {{
            route(RELAY);
        }}
        exit;
    }}
    t_check_trans();
    if (is_method("INVITE|SUBSCRIBE|REFER")) {{
        record_route();
    }}
    if (!ds_select_dst("1", "4")) {{
        sl_send_reply("503", "No Line Free");
        exit;
    }}
    if (is_method("INVITE")) {{
        t_on_failure("NEXT_BRIDGE");
    }}
    route(RELAY);
}}

route[RELAY] {{
    if (!t_relay()) {{
        sl_reply_error();
    }}
    exit;
}}

failure_route[NEXT_BRIDGE] {{
    if (t_is_canceled()) {{
        exit;
    }}
    if (t_check_status("486|500|503|408") && ds_next_dst()) {{
        t_on_failure("NEXT_BRIDGE");
        t_relay();
        exit;
    }}
}}
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def options_ok(port: int, timeout: float = 1.0) -> bool:
    """An OPTIONS to 127.0.0.1:port answered (any final status): that SIP stack is up."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        me = s.getsockname()[1]
        tag = os.urandom(4).hex()
        msg = (f"OPTIONS sip:probe@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK-p{tag};"
               f"rport\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag={tag}\r\nTo: <sip:probe@127.0.0.1>\r\n"
               f"Call-ID: probe-{tag}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()
        s.settimeout(timeout)
        s.sendto(msg, ("127.0.0.1", port))
        try:
            data, _ = s.recvfrom(65535)
        except OSError:
            return False
        return data.startswith(b"SIP/2.0 ") and not data.startswith(b"SIP/2.0 1")


def kamailio_modules() -> str | None:
    return next((d for d in KAMAILIO_MODULES if Path(d, "dispatcher.so").exists()), None)


def kamailio_missing() -> str | None:
    if shutil.which("kamailio") is None:
        return "kamailio is not installed (Debian package `kamailio`; scripts/setup.sh installs it)"
    if kamailio_modules() is None:
        return "kamailio's dispatcher module was not found"
    return None


def split_lines(lines: int) -> list[int]:
    """Calls per bridge: 4, 4, ..., the rest."""
    bridges = max(1, math.ceil(lines / LINES_PER_BRIDGE))
    return [min(LINES_PER_BRIDGE, lines - LINES_PER_BRIDGE * i) for i in range(bridges)]


def decode_slots(bridges: int, cores: int, threads: int | None = None) -> tuple[int, int]:
    """(decodes at once across the bridges, threads per decode): with ``threads`` unset, one decode per core
    (each bridge has its own model, and on 2 cores two one-thread decodes get more done than one two-thread
    decode: BENCHMARKS.md, Phone); with ``[voice] whisper_cpu_threads`` set, as many as the cores hold."""
    cores = max(1, cores)
    if threads is None:
        slots = max(1, min(bridges, cores))
        return slots, max(1, cores // slots)
    return max(1, min(bridges, cores // max(1, threads))), max(1, threads)


def bridge_argv(args: argparse.Namespace, port: int, calls: int, gate: str, media_host: str,
                threads: int = 0, slots: int = 1) -> list[str]:
    argv = [sys.executable, "-m", "voice.sip.cli"]
    if getattr(args, "config", None):
        argv += ["--config", args.config]
    argv += ["sip", "--listen", f"127.0.0.1:{port}", "--no-front", "--bridge-child", "--max-calls", str(calls),
             "--decode-gate", gate, "--media-address", media_host, "--refer-refusal", str(args.refer_refusal),
             "--rtp-source", args.rtp_source,
             "--answer-delay", str(args.answer_delay), "--silence-timeout", str(args.silence_timeout)]
    if threads:
        argv += ["--decode-threads", str(threads)]
    if slots > 1:
        argv += ["--decode-slots", str(slots)]
    if args.public_address:
        argv += ["--media-public-address", args.public_address]
    if args.events:
        argv += ["--events", args.events]
    if args.transfer_to:
        argv += ["--transfer-to", args.transfer_to]
    if args.log_personal:
        argv.append("--log-personal")
    return argv


def _wait_up(port: int, procs: list[subprocess.Popen[bytes]], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            return False
        if options_ok(port, timeout=1.0):  # waits for the answer (bounded), no sleep
            return True
    return False


def run_lines(args: argparse.Namespace, ctx: Any, host: str, port: int) -> int:
    from voice.sip.engine import SipSettings, _outward_address
    from voice.sip.front import FrontConfig, SipFront
    from voice.sip.service import EventLog

    if args.lines < 1:
        print("voicecart sip: --lines must be at least 1", file=sys.stderr)
        return 2
    missing = kamailio_missing()
    if missing:
        print(f"voicecart sip: --lines needs Kamailio: {missing}", file=sys.stderr)
        return 2
    if args.register:
        print("voicecart sip: --register is for one bridge; with --lines point the PBX or trunk at --listen",
              file=sys.stderr)
        return 2
    if not args.front:
        print("voicecart sip: --lines always has the front on --listen (drop --no-front)", file=sys.stderr)
        return 2
    ctx.open_store()  # create the database and load the catalog once, before the bridges open it
    runtime = Path(tempfile.mkdtemp(prefix="voicecart-lines-"))  # 0700
    if args.events and args.retention_days:
        from voice.sip.privacy import prune_jsonl

        prune_jsonl(Path(args.events), args.retention_days)  # once, before the bridges append to the file
    events = EventLog(args.events)
    settings = SipSettings(host=host, port=port, public_address=args.public_address)
    media_host = host if host not in ("0.0.0.0", "") else (args.public_address or _outward_address())
    from voice.sip.fair import FINAL, RETRY, SPECULATIVE, GateServer

    per_bridge = split_lines(args.lines)
    set_threads = ctx.config.voice.get("whisper_cpu_threads")
    slots, threads = decode_slots(len(per_bridge), os.cpu_count() or 1, int(set_threads) if set_threads else None)
    gate = GateServer(str(runtime / "decode.sock"), slots=slots)
    gate.start()
    ports = [_free_port() for _ in per_bridge]
    kam_port = _free_port()
    (runtime / "dispatcher.list").write_text("".join(f"1 sip:127.0.0.1:{p}\n" for p in ports))
    mpath = kamailio_modules()
    (runtime / "kamailio.cfg").write_text(KAMAILIO_CFG.format(bridges=len(ports), children=2, port=kam_port,
                                                              mpath=mpath, list_file=runtime / "dispatcher.list"))
    bridges: list[subprocess.Popen[bytes]] = []
    kamailio: subprocess.Popen[bytes] | None = None
    front: SipFront | None = None
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    rc = 1
    try:
        for p, calls in zip(ports, per_bridge, strict=True):
            bridges.append(subprocess.Popen(bridge_argv(args, p, calls, gate.path, media_host,
                                                     0 if set_threads else threads, slots), stdin=subprocess.DEVNULL))
        for p in ports:
            if not _wait_up(p, bridges, 180.0):
                print(f"voicecart sip: the bridge on 127.0.0.1:{p} did not start", file=sys.stderr)
                return 1
        kamailio = subprocess.Popen(["kamailio", "-f", str(runtime / "kamailio.cfg"), "-DD", "-E", "-m", "64",
                                     "-M", "8", "-Y", str(runtime)], stdin=subprocess.DEVNULL)
        if not _wait_up(kam_port, [kamailio], 30.0):
            print("voicecart sip: kamailio did not start", file=sys.stderr)
            return 1
        cfg = FrontConfig(public_host=host, public_port=port, advertised=settings.advertised(), pjsip_port=kam_port,
                          allow=tuple(args.allow), refuse_outside=args.outside != "drop")
        from voice.sip.privacy import for_events

        front = SipFront(cfg, on_event=lambda record: events(for_events(record, args.log_personal)))
        try:
            front.start()
        except OSError as exc:
            print(f"voicecart sip: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
            front = None
            return 1
        events({"t": round(time.time(), 3), "event": "listening", "host": host, "port": port, "lines": args.lines,
                "bridges": len(ports)})
        print(f"voicecart sip: answering on {host}:{port} ({args.lines} lines: kamailio + {len(ports)} bridges); "
              "Ctrl-C to stop", file=sys.stderr)
        while not stop.wait(0.5):
            dead = [b for b in bridges if b.poll() is not None]
            if dead or (kamailio.poll() is not None):
                print("voicecart sip: a bridge or kamailio exited; stopping", file=sys.stderr)
                break
        rc = 0
    finally:
        codes = []
        for b in bridges:
            if b.poll() is None:
                b.send_signal(signal.SIGTERM)
        for b in bridges:
            try:
                codes.append(b.wait(30))
            except subprocess.TimeoutExpired:
                b.kill()
                codes.append(b.wait())
        if kamailio is not None and kamailio.poll() is None:
            kamailio.send_signal(signal.SIGTERM)
            try:
                kamailio.wait(10)
            except subprocess.TimeoutExpired:
                kamailio.kill()
                kamailio.wait()
        if front is not None:
            front.stop()
        gate.stop()
        events({"t": round(time.time(), 3), "event": "lines_stopped", "bridges_rc": codes,
                "decodes": {"final": gate.granted[FINAL], "speculative": gate.granted[SPECULATIVE],
                            "retry": gate.granted[RETRY]}})
        events.close()
        shutil.rmtree(runtime, ignore_errors=True)
        if rc == 0 and any(c != 0 for c in codes):
            rc = 1
    return rc
