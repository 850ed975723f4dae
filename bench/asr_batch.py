"""Batched Whisper decoding (``WhisperTranscriber.decode_batch``) against one decode at a time.

    python -m bench.asr_batch [--audio ../shared/data/barista/dev] [--sizes 2 4 8] [--repeat 2] [--json OUT.json]

Takes the first recordings of ``--audio`` (16 kHz, as the phone line's G.722 gives them), prepares each with the
café's catalog prompt, and for each batch size decodes the same utterances one at a time and as one batch.
Reported: CPU seconds of this process (``time.process_time``: the machine's other load moves it much less than
wall time), wall seconds, and how many texts differ between the two (they should not).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--audio", default=str(Path(__file__).resolve().parents[2] / "shared/data/barista/dev"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[2, 4, 8])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json")
    args = ap.parse_args(argv)

    import soundfile as sf

    from catalog.bundled import open_store
    from voice.asr import WhisperSettings, shared_transcriber
    from voice.audio import AudioChunk
    from voice.pipeline import catalog_prompt

    files = sorted(Path(args.audio).glob("*.flac"))[: max(args.sizes)]
    if len(files) < max(args.sizes):
        raise SystemExit(f"need {max(args.sizes)} recordings in {args.audio}")
    store = open_store(Path(tempfile.mkdtemp(prefix="bench-asr-batch-")) / "shop.sqlite3", catalog="cafe")
    prompt = catalog_prompt(store.products())
    whisper = shared_transcriber(WhisperSettings())
    whisper.warm_up()
    reqs = []
    for f in files:
        pcm, rate = sf.read(f, dtype="int16")
        reqs.append(whisper.prepare(AudioChunk(rate, 2, 1, pcm.tobytes()), None, prompt))
    rows: list[dict[str, Any]] = []
    print(f"{'size':>4} {'one at a time cpu s':>20} {'batched cpu s':>14} {'cpu saved':>9} {'wall s (one / batch)':>21} {'texts differ':>12}")
    for size in args.sizes:
        for _ in range(args.repeat):
            c0, w0 = time.process_time(), time.perf_counter()
            single = [whisper.decode(r) for r in reqs[:size]]
            c1, w1 = time.process_time(), time.perf_counter()
            batch = whisper.decode_batch(reqs[:size])
            c2, w2 = time.process_time(), time.perf_counter()
            differ = sum(a.text != b.text for a, b in zip(single, batch, strict=True))
            row = {"size": size, "single_cpu_s": round(c1 - c0, 3), "batch_cpu_s": round(c2 - c1, 3),
                   "single_wall_s": round(w1 - w0, 3), "batch_wall_s": round(w2 - w1, 3), "texts_differ": differ,
                   "load_average": round(os.getloadavg()[0], 2)}
            rows.append(row)
            saved = 1 - row["batch_cpu_s"] / row["single_cpu_s"]
            print(f"{size:4} {row['single_cpu_s']:20.2f} {row['batch_cpu_s']:14.2f} {saved:9.0%} "
                  f"{row['single_wall_s']:10.2f} / {row['batch_wall_s']:<8.2f} {differ:12}")
    if args.json:
        Path(args.json).write_text(json.dumps({"files": [f.name for f in files], "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
