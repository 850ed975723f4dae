"""``voicecart sip``: answer phone calls with the assistant (needs the ``phone`` extra: pjsua2).

Registered by ``voice.commands.register`` with one line: ``from voice.sip.cli import register as
register_sip; register_sip(sub)``.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sip",
        help="answer SIP phone calls with the assistant (PBX, trunk or softphone)",
        description="Answer SIP calls: each call gets its own dialogue session; audio goes through the same "
        "endpointing -> Whisper -> dialogue -> speech pipeline as the kiosk.",
    )
    p.add_argument("--listen", default="127.0.0.1:5060", metavar="HOST:PORT", help="SIP UDP address (default %(default)s)")
    p.add_argument("--public-address", metavar="ADDR", help="address to put in SIP Contact and SDP (behind NAT)")
    p.add_argument("--max-calls", type=int, default=4, metavar="N", help="simultaneous calls; more get 486 Busy")
    p.add_argument("--allow", action="append", default=[], metavar="CIDR",
                   help="accept requests (any method) only from these networks (repeatable); others get 403")
    p.add_argument("--outside", choices=("403", "drop"), default="403",
                   help="what requests from outside --allow get: 403 Forbidden (default) or no answer at all")
    p.add_argument("--refer-refusal", type=int, choices=(403, 405), default=403,
                   help="the answer to a caller's REFER, which is always refused (default %(default)s)")
    p.add_argument("--rtp-source", choices=("first", "sdp", "any"), default="first",
                   help="whose RTP a call accepts: the first address it comes from (default), only the address in "
                   "the caller's SDP, or anyone (PJSIP's own NAT behaviour: a flood from elsewhere takes the audio)")
    p.add_argument("--register", metavar="sip:USER@HOST", help="register to a PBX or trunk (digest auth)")
    p.add_argument("--password-env", metavar="VAR", help="environment variable holding the registration password")
    p.add_argument("--transfer-to", metavar="sip:URI", help="REFER target when the caller asks for a person")
    p.add_argument("--events", metavar="FILE", help="append call events and per-turn latency as JSON lines (0600)")
    p.add_argument("--retention-days", type=float, metavar="DAYS",
                   help="erase events older than DAYS from --events (at start, then hourly)")
    p.add_argument("--log-personal", action="store_true",
                   help="full caller numbers in events, caller IDs and transcripts in the log (default: "
                   "numbers cut to their last four digits, none of it logged)")
    p.add_argument("--no-front", dest="front", action="store_false",
                   help="let PJSIP own the SIP socket (default: a validating front answers malformed requests and "
                   "relays the rest to PJSIP on 127.0.0.1)")
    p.add_argument("--lines", type=int, metavar="N",
                   help="more than 4 lines: Kamailio (dispatcher) behind the front, in front of ceil(N/4) bridges of "
                   "4 calls each on this machine, one order database, decodes taken in turn across all calls")
    # internal: how `--lines` starts each bridge behind Kamailio
    p.add_argument("--decode-gate", help=argparse.SUPPRESS)
    p.add_argument("--decode-threads", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--decode-slots", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--media-address", help=argparse.SUPPRESS)
    p.add_argument("--media-public-address", help=argparse.SUPPRESS)
    p.add_argument("--bridge-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--answer-delay", type=float, default=0.0, metavar="SECONDS", help="ring before answering")
    p.add_argument("--silence-timeout", type=float, default=9.0, metavar="SECONDS",
                   help="silence before re-prompting a caller (then hang up after another)")
    p.set_defaults(handler=run_sip)


def parse_listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--listen {value!r} must be HOST:PORT, e.g. 0.0.0.0:5060")
    return host.strip("[]") or "0.0.0.0", int(port)


def run_sip(args: argparse.Namespace, ctx: Any) -> int:
    try:
        import pjsua2  # noqa: F401
    except ImportError:
        print("voicecart sip: the phone extra is not installed: pip install 'voicecart[phone]' "
              "(PJSIP via pjsua2-python, GPL-2.0)", file=sys.stderr)
        return 2
    from voice.sip.engine import SipEngineError, SipSettings
    from voice.sip.policy import CallPolicy, PolicyError
    from voice.sip.rtp_guard import RtpSource

    try:
        host, port = parse_listen(args.listen)
    except ValueError as exc:
        print(f"voicecart sip: {exc}", file=sys.stderr)
        return 2
    try:
        CallPolicy(args.allow, args.max_calls)  # refuse bad --allow / --max-calls before loading any model
    except PolicyError as exc:
        print(f"voicecart sip: {exc}", file=sys.stderr)
        return 2
    schemes = {"--transfer-to": ("sip:", "sips:", "tel:"), "--register": ("sip:", "sips:")}
    for flag, uri in (("--transfer-to", args.transfer_to), ("--register", args.register)):
        if uri and not uri.lower().startswith(schemes[flag]):
            print(f"voicecart sip: {flag} {uri!r} must be a SIP URI such as sip:desk@pbx.example", file=sys.stderr)
            return 2
    if args.register and "@" not in args.register:
        print(f"voicecart sip: --register {args.register!r} must look like sip:USER@HOST", file=sys.stderr)
        return 2
    password = None
    if args.register:
        if not args.password_env or args.password_env not in os.environ:
            print("voicecart sip: --register needs --password-env VAR with the password in that variable",
                  file=sys.stderr)
            return 2
        password = os.environ[args.password_env]
    if args.retention_days is not None and args.retention_days <= 0:
        print("voicecart sip: --retention-days must be more than 0", file=sys.stderr)
        return 2
    os.umask(0o077)  # whatever this process creates (database, journal, events, traces) is the owner's alone
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.lines is not None:
        from voice.sip.lines import run_lines

        return run_lines(args, ctx, host, port)
    from voice.sip.engine import PJSUA_MAX_CALLS

    if args.max_calls > PJSUA_MAX_CALLS:
        print(f"voicecart sip: this PJSIP build (pjsua2-python wheel) handles at most {PJSUA_MAX_CALLS} simultaneous "
              f"calls; using --max-calls {PJSUA_MAX_CALLS} (run more bridges on other ports for more lines)",
              file=sys.stderr)
        args.max_calls = PJSUA_MAX_CALLS
    sip = SipSettings(host=host, port=port, public_address=args.public_address, max_calls=args.max_calls,
                      allow=tuple(args.allow), register_uri=args.register, password=password,
                      answer_delay_s=args.answer_delay, outside=args.outside, refer_status=args.refer_refusal,
                      log_personal=args.log_personal, front=args.front, media_host=args.media_address,
                      media_public=args.media_public_address, rtp_source=RtpSource(args.rtp_source),
                      listening_event="bridge_listening" if args.bridge_child else "listening")
    try:
        bridge, events = build_bridge(sip, args, ctx)
    except PolicyError as exc:
        print(f"voicecart sip: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        bridge.start()
    except SipEngineError as exc:
        print(f"voicecart sip: {exc}", file=sys.stderr)
        events.close()
        return 1
    print(f"voicecart sip: answering on {host}:{port} (max {args.max_calls} calls); Ctrl-C to stop", file=sys.stderr)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        bridge.stop()
        events.close()
    return 0


def build_bridge(sip: Any, args: argparse.Namespace, ctx: Any) -> tuple[Any, Any]:
    from dialogue.session import Session
    from dialogue.shop import ShopInfo, shop_table
    from voice.commands import build_pipeline
    from voice.sip.bridge import PhoneSettings
    from voice.sip.service import EventLog, PhoneBridge, reach_shop_text
    from voice.vad import EndpointConfig

    cfg = ctx.config
    store = ctx.open_store()
    # the same recognizer, synthesizer and catalog bias ([voice] asr_bias) as the kiosk
    # one speculative decode per call may wait for its turn (and be decoded with the others that wait)
    # under `--lines` the supervisor says how many decodes the machine runs at once (the gate's slots) and with
    # how many threads each: this bridge can run that many itself when its calls speak at once
    slots = getattr(args, "decode_slots", 0) or 1
    pipeline = build_pipeline(ctx, output_rate=16000, speculative_workers=max(2, args.max_calls),
                              cpu_threads=getattr(args, "decode_threads", 0) or None,
                              max_concurrent=slots if slots > 1 else None)
    from voice.asr import WhisperTranscriber
    from voice.sip.fair import BatchingTranscriber, FairTranscriber, LocalGate, RemoteGate

    # decodes in turn: across this bridge's calls, or across every bridge of `--lines` (the supervisor's gate);
    # the local model decodes together the utterances of calls that wait at the same time
    gate = RemoteGate(args.decode_gate) if getattr(args, "decode_gate", None) else LocalGate()
    inner = pipeline.transcriber
    pipeline.transcriber = (BatchingTranscriber(inner, gate, workers=min(slots, inner.settings.max_concurrent))
                            if isinstance(inner, WhisperTranscriber) else FairTranscriber(inner, gate))
    table = shop_table(cfg.shop, store.shop_details())  # [shop], its unset fields from the catalog's shop block
    phone = PhoneSettings(transfer_to=args.transfer_to, reach_shop=reach_shop_text(table),
                          silence_s=args.silence_timeout, endpoint=EndpointConfig.from_settings(cfg.voice))
    events = EventLog(args.events, retention_days=getattr(args, "retention_days", None))
    shop = ShopInfo.from_config(table)

    # [llm] set: each call's turns the rules cannot read go to the model, as in `chat` and at the kiosk
    llm: dict[str, Any] = {}
    if cfg.llm:
        from dialogue.llm import session_options

        llm = session_options(store, cfg.llm)

    def conversation(info: Any) -> Any:
        return Session(store, shop=shop, session_id=info.call_id, **llm)

    return PhoneBridge(sip, phone, pipeline, conversation, events), events


def main(argv: list[str] | None = None) -> int:
    """``python -m voice.sip.cli [--config FILE] sip ...``: the same subcommand without the full CLI."""
    from voice.cli import run

    parser = argparse.ArgumentParser(prog="voicecart")
    parser.add_argument("--config")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser, argv)


if __name__ == "__main__":
    raise SystemExit(main())
