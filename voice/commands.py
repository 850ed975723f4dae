"""Subcommands of this layer for the ``voicecart`` CLI (registered by ``voice.cli``).

``listen`` (the live kiosk loop), ``run-file IN.wav [--out reply.wav]``, ``transcribe FILE`` and
``demo [--out-dir DIR]`` (a spoken conversation through the whole pipeline with no microphone).
Each handler is ``fn(args, ctx) -> int``; ``ctx`` is ``voice.cli.Context``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from voice.audio import AudioFormatError, AudioTooLong, concat, read_audio, silence, speech_input, write_wav
from voice.devices import DeviceError
from voice.model_path import ModelNotFound
from voice.screen.cli import add_screen_options, screen_port, start_screen, wait_for_ctrl_c
from voice.screen.cli import register as register_screen
from voice.trace import TraceWriter
from voice.tts import SynthesisError
from voice.vad import EndpointConfig, segment

if TYPE_CHECKING:
    from catalog.models import Product
    from catalog.store import Store
    from dialogue.session import Session
    from dialogue.types import Conversation
    from voice.cli import Context
    from voice.pipeline import TurnResult, VoicePipeline
    from voice.screen.hub import KioskScreen
    from voice.screen.server import ScreenServer

Handler = Callable[[argparse.Namespace, "Context"], int]

RUN_FILE_MAX_SECONDS = 120.0
TRANSCRIBE_MAX_SECONDS = 3600.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``listen``, ``run-file``, ``transcribe`` and ``demo`` to ``sub`` (an argparse subparsers action)."""
    p = sub.add_parser("listen", help="the live kiosk: listen on the microphone and answer aloud (Ctrl-C stops)")
    p.add_argument("--device", help="input device (index or name fragment; default: system default)")
    p.add_argument("--output-device", help="output device (index or name fragment; default: system default)")
    p.add_argument("--half-duplex", action="store_true", help="stop listening while speaking (speakerphones)")
    p.add_argument("--list-devices", action="store_true", help="list sound devices and exit")
    p.add_argument("--trace", help="append per-turn metrics as JSON lines to this file")
    p.add_argument("--max-turns", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--max-seconds", type=float, default=None, help=argparse.SUPPRESS)
    add_screen_options(p)
    p.set_defaults(handler=_listen)

    p = sub.add_parser("run-file", help="one recorded conversation (WAV/FLAC) through the pipeline; replies to WAV")
    p.add_argument("input", help="recording (WAV or FLAC, any rate/channels)")
    p.add_argument("--out", help="write the spoken replies to this WAV file")
    p.add_argument("--trace", help="append per-turn metrics as JSON lines to this file")
    p.set_defaults(handler=_run_file)

    p = sub.add_parser("transcribe", help="print what the recognizer hears in a recording")
    p.add_argument("input", help="recording (WAV or FLAC)")
    p.add_argument("--no-hotwords", action="store_true", help="do not bias the recognizer with the catalog's names")
    p.set_defaults(handler=_transcribe)

    p = sub.add_parser("demo", help="a spoken conversation through VAD, Whisper, the dialogue and TTS (no mic)")
    p.add_argument("--out-dir", default="voicecart-demo", help="where to write the replies as WAV files")
    p.add_argument("--fast", action="store_true", help="do not pace the audio in real time (latency not shown)")
    p.add_argument("--trace", help="append per-turn metrics as JSON lines to this file")
    add_screen_options(p)
    p.set_defaults(handler=_demo)

    register_screen(sub)  # `screen`: a text kiosk and/or the phone bridge's operator view (voice/screen)

    # `sip`: the phone bridge (voice/sip; needs the phone extra only when it runs)
    from voice.sip.cli import register as register_sip

    register_sip(sub)


def _fail(msg: str, code: int = 2) -> int:
    print(f"voicecart: {msg}", file=sys.stderr)
    return code


def open_conversation(ctx: Context, session_id: str | None = None) -> Conversation:
    """A dialogue ``Session`` over the configured store, with the shop's details from ``[shop]`` and, for the
    fields it leaves unset, from the catalog's ``shop`` block as the store keeps it (passed through
    ``ctx.wrap_conversation`` when one is set: ``demo --screen``)."""
    session = _open_session(ctx, session_id)
    wrap = getattr(ctx, "wrap_conversation", None)  # tests pass a bare namespace as the context
    return wrap(session) if wrap is not None else session


def _open_session(ctx: Context, session_id: str | None = None) -> Session:
    from dialogue.session import Session
    from dialogue.shop import ShopInfo

    store = ctx.open_store()
    shop = ShopInfo.for_store(ctx.config.shop, store)  # [shop] wins over the catalog's shop block
    if not ctx.config.llm:  # no [llm]: the rules alone, nothing leaves the machine
        return Session(store, shop=shop, session_id=session_id)
    from dialogue.lexicon import Lexicon
    from dialogue.llm import LLMSettings, LLMUnderstanding
    from dialogue.understanding import RuleUnderstanding

    lex = Lexicon.for_store(store)
    understanding = LLMUnderstanding(RuleUnderstanding(lex), lex, LLMSettings.from_table(ctx.config.llm))
    return Session(store, shop=shop, session_id=session_id, lexicon=lex,
                   understanding=understanding)


def catalog_bias(ctx: Context) -> tuple[str | None, str | None]:
    """(hotwords, prompt) for the recognizer from ``[voice] asr_bias``: "prompt" (default, measured best),
    "hotwords", "both" or "none"."""
    from voice.pipeline import catalog_hotwords, catalog_prompt

    mode = str(ctx.config.voice.get("asr_bias", "prompt"))
    if mode not in ("prompt", "hotwords", "both", "none"):
        raise ValueError(f"[voice] asr_bias must be prompt, hotwords, both or none, not {mode!r}")
    if mode == "none":
        return None, None
    products = bias_products(ctx.open_store())
    hot = catalog_hotwords(products) or None if mode in ("hotwords", "both") else None
    prompt = catalog_prompt(products) or None if mode in ("prompt", "both") else None
    return hot, prompt


def bias_products(store: Store) -> list[Product]:
    """The products the recognizer is biased with: every product of a catalog the dialogue holds in memory;
    above ``dialogue.lexicon.INDEXED_ABOVE`` products (where the dialogue looks words up in the store's indexes)
    none are read — Whisper's prompt holds a few dozen names, no share of such a catalog — and the prompt is
    made of the most common option groups' values instead (``Store.option_groups``, never the products)."""
    from catalog.models import Product
    from dialogue.lexicon import INDEXED_ABOVE

    if store.count_products() <= INDEXED_ABOVE:
        return list(store.products())
    groups = tuple(store.option_groups(limit=12))
    # one stand-in product carrying the shared groups: catalog_prompt then writes their values only
    return [Product(sku="-", name="", price_cents=0, option_groups=groups)] if groups else []


def build_pipeline(ctx: Context, *, output_rate: int = 16000, bias: bool = True, warm: bool = True,
                   speculative_workers: int = 2, cpu_threads: int | None = None,
                   max_concurrent: int | None = None) -> VoicePipeline:
    """The shared recognizer and synthesizer from ``[voice]`` settings, biased with the catalog's names;
    ``speculative_workers`` decodes may be started at pauses at once (the phone line: one per call);
    ``cpu_threads`` / ``max_concurrent`` (the phone line's supervisor) replace the default threads per decode
    and decodes at once unless ``[voice]`` sets them."""
    from voice.asr import WhisperSettings, shared_transcriber
    from voice.openai_speech import speech_backends
    from voice.pipeline import VoicePipeline
    from voice.second_pass import second_pass
    from voice.tts import default_synthesizer

    settings = WhisperSettings.from_settings(ctx.config.voice)
    if cpu_threads and "whisper_cpu_threads" not in ctx.config.voice:
        settings.cpu_threads = cpu_threads
    if max_concurrent and "whisper_max_concurrent" not in ctx.config.voice:
        settings.max_concurrent = max_concurrent
    asr = ctx.config.asr  # [asr] backend = "openai" with fallback = "none": no local model is loaded
    local = None if asr.get("backend") == "openai" and asr.get("fallback") == "none" else shared_transcriber(settings)
    if warm and local is not None:
        local.warm_up()
    hot, prompt = catalog_bias(ctx) if bias else (None, None)
    transcriber, synthesizer = speech_backends(ctx.config.asr, ctx.config.tts, local,
                                               lambda: default_synthesizer(ctx.config.voice))
    pipeline = VoicePipeline(transcriber, synthesizer, output_rate=output_rate, hotwords=hot, prompt=prompt,
                             speculative_workers=speculative_workers)
    if prompt and ctx.config.voice.get("asr_second_pass", True):
        pipeline.second_pass = second_pass(bias_products(ctx.open_store()), prompt)
    return pipeline


def _guarded(fn: Handler) -> Handler:
    def run(args: argparse.Namespace, ctx: Context) -> int:
        try:
            return int(fn(args, ctx))
        except (ModelNotFound, DeviceError, SynthesisError, AudioFormatError, ImportError, ValueError) as exc:
            return _fail(str(exc))

    return run


@_guarded
def _transcribe(args: argparse.Namespace, ctx: Context) -> int:
    from voice.asr import WhisperSettings, shared_transcriber

    try:  # the length comes from the header: an over-long file is refused before it is decoded
        audio = read_audio(args.input, max_seconds=TRANSCRIBE_MAX_SECONDS)
    except AudioTooLong as exc:
        return _fail(f"{args.input} is {exc.seconds / 60:.0f} minutes long; the limit is one hour")
    transcriber = shared_transcriber(WhisperSettings.from_settings(ctx.config.voice))
    hot, prompt = None, None
    if not args.no_hotwords:
        try:
            hot, prompt = catalog_bias(ctx)
        except Exception as exc:  # noqa: BLE001 - transcription works without a catalog
            print(f"(no catalog vocabulary: {exc})", file=sys.stderr)
    clean = speech_input(audio, max_seconds=None)
    if clean.seconds <= transcriber.settings.max_seconds:
        pieces = [(0.0, clean)]
    else:  # long recordings: one decode per utterance the endpointer finds
        pieces = [(u.start_ms / 1000.0, u.audio) for u in segment(clean, EndpointConfig())]
    heard = 0
    for start, piece in pieces:
        t = transcriber.transcribe(piece, hotwords=hot, prompt=prompt)
        if t.text:
            heard += 1
            prefix = f"[{start:7.1f}s] " if len(pieces) > 1 else ""
            print(f"{prefix}{t.text}    (confidence {t.confidence:.2f}, {t.decode_ms:.0f} ms)")
    if not heard:
        print("(no speech recognised)")
    return 0


def _print_turn(result: TurnResult) -> None:
    t = result.trace
    heard = result.transcript.text if result.transcript is not None and result.transcript.text else "(not understood)"
    print(f"shopper:   {heard}")
    lat = t.since_speech_end("first_audio")
    timing = f"decode {t.decode_ms:.0f} ms, speculative {t.speculative}"
    if lat is not None and t.endpoint_delay_ms > 0:
        timing = f"end of speech -> first audio {lat:.0f} ms ({timing})"
    print(f"assistant: {result.reply.text}\n           [{timing}]")


@_guarded
def _run_file(args: argparse.Namespace, ctx: Context) -> int:
    try:  # checked from the header, before decoding
        audio = read_audio(args.input, max_seconds=RUN_FILE_MAX_SECONDS)
    except AudioTooLong as exc:
        return _fail(
            f"{args.input} is {exc.seconds:.0f} s long; run-file takes one recorded conversation of at most "
            f"{RUN_FILE_MAX_SECONDS:.0f} s (use `voicecart transcribe` for long recordings)"
        )
    pipeline = build_pipeline(ctx)
    turns = pipeline.session(open_conversation(ctx), channel="kiosk", session_id=Path(args.input).stem)
    writer = TraceWriter(args.trace)
    replies = []
    clean = speech_input(audio, max_seconds=None)
    utterances = segment(clean, EndpointConfig.from_settings(ctx.config.voice))
    if not utterances:
        r = turns.say("I couldn't hear any speech in that recording.")
        print(f"assistant: {r.reply.text}")
        replies.append(r.audio)
    for u in utterances:
        result = turns.process(u.audio)
        writer.write(result.trace)
        _print_turn(result)
        replies += [result.audio, silence(300, pipeline.output_rate)]
    writer.close()
    if args.out:
        write_wav(args.out, concat(replies))
        print(f"replies written to {args.out}")
    return 0


@_guarded
def _listen(args: argparse.Namespace, ctx: Context) -> int:
    from voice.devices import Microphone, Speaker, list_devices
    from voice.loop import KioskLoop, LoopSettings

    if args.list_devices:
        print(list_devices())
        return 0
    conversation = open_conversation(ctx)
    screen, server = (None, None)
    if args.screen:  # the page shares the session: a button press is a turn like a spoken one
        screen, server = start_screen(conversation, port=screen_port(args), events=args.screen_events)
    try:
        try:
            speaker = Speaker(args.output_device)
            mic = Microphone(args.device)
        except DeviceError as exc:
            if screen is None:
                raise
            screen.loop_state("microphone missing")
            print(f"voicecart: {exc}; the screen says so until Ctrl-C", file=sys.stderr, flush=True)
            wait_for_ctrl_c()
            return 2
        writer = TraceWriter(args.trace)
        with mic:  # capture starts before the model loads: what the shopper says meanwhile waits in the queue
            print("starting (the microphone is already listening) ...", flush=True)
            pipeline = build_pipeline(ctx, output_rate=speaker.rate)
            turns = pipeline.session(screen or conversation, channel="kiosk")
            settings = LoopSettings(
                endpoint=EndpointConfig.from_settings(ctx.config.voice),
                half_duplex=bool(args.half_duplex or ctx.config.voice.get("half_duplex", False)),
                max_turns=args.max_turns,
                max_seconds=args.max_seconds,
            )
            print("listening (Ctrl-C to stop)", flush=True)
            if screen is not None:
                screen.speaks_replies = True
            try:
                code = KioskLoop(turns, mic, speaker, settings, trace=writer,
                                 on_state=screen.loop_state if screen else None,
                                 replies=screen.take_reply if screen else None).run()
            finally:
                speaker.close()
                writer.close()
                pipeline.close()
    finally:
        if server is not None:
            server.close()
    return code


@_guarded
def _demo(args: argparse.Namespace, ctx: Context) -> int:
    from voice.demo import run_demo

    screens: list[tuple[KioskScreen, ScreenServer]] = []
    if args.screen:
        def wrap(conversation: Conversation) -> Conversation:
            screen, server = start_screen(conversation, port=screen_port(args), events=args.screen_events)
            assert screen is not None
            screen.loop_state("listening")
            screens.append((screen, server))
            return screen

        ctx.wrap_conversation = wrap
    try:
        code = run_demo(ctx, Path(args.out_dir), realtime=not args.fast, trace_path=args.trace)
        for screen, server in screens:  # the page stays up to be looked at (and its buttons work)
            screen.loop_state("stopped")
            print(f"the demo is over; the screen stays at {server.url} until Ctrl-C", flush=True)
            wait_for_ctrl_c()
        return code
    finally:
        for _, server in screens:
            server.close()
