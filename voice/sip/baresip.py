"""Drive baresip (Debian's 1.0 package) as a scripted SIP peer: used by the SIP tests and ``bench.sip_calls``.

The peer's microphone is a WAV tape (8 kHz mono 16-bit); its ``sndfile`` module records what it heard
(``*-dec.wav``) and what it sent (``*-enc.wav``). Commands (dial, DTMF, hang-up) and events go over its
``ctrl_tcp`` module (netstring-framed JSON on 127.0.0.1). Only ever run it inside a private network namespace.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

MODULE_PATH = "/usr/lib/baresip/modules"

CONFIG = """\
poll_method\t\tepoll
sip_listen\t\t{host}:{sip_port}
net_interface\t\t{host}
audio_player\t\taufile,/dev/null
audio_source\t\taufile,{tape}
audio_alert\t\taufile,/dev/null
snd_path\t\t{rec}
module_path\t\t{module_path}
ctrl_tcp_listen\t\t127.0.0.1:{ctrl_port}
{codec_modules}module\t\t\taufile.so
module\t\t\tsndfile.so
module\t\t\taccount.so
module\t\t\tmenu.so
module\t\t\tctrl_tcp.so
module_app\t\tmenu.so
module_app\t\taccount.so
"""


class BaresipError(RuntimeError):
    pass


def available() -> str | None:
    """None when baresip and its modules are installed, else what is missing."""
    if shutil.which("baresip") is None:
        return "baresip is not installed (apt-get install baresip)"
    if not Path(MODULE_PATH, "ctrl_tcp.so").exists():
        return f"baresip modules not found in {MODULE_PATH}"
    return None


def _netstring(payload: bytes) -> bytes:
    return str(len(payload)).encode() + b":" + payload + b","


class Baresip:
    def __init__(
        self,
        workdir: Path,
        *,
        sip_port: int,
        ctrl_port: int,
        tape: Path | None = None,
        codecs: tuple[str, ...] = ("g711",),
        auto_answer: bool = False,
        user: str = "caller",
        listen_host: str = "127.0.0.1",
    ):
        self.workdir = Path(workdir)
        self.sip_port = sip_port
        self.ctrl_port = ctrl_port
        self.tape = tape
        self.codecs = codecs
        self.auto_answer = auto_answer
        self.user = user
        self.host = listen_host
        self.rec = self.workdir / "rec"
        self.proc: subprocess.Popen[bytes] | None = None
        self.events: list[dict[str, Any]] = []
        self._sock: socket.socket | None = None
        self._cv = threading.Condition()
        self._reader: threading.Thread | None = None
        self._token = 0

    def _write_config(self) -> None:
        self.rec.mkdir(parents=True, exist_ok=True)
        mods = "".join(f"module\t\t\t{c}.so\n" for c in self.codecs)
        tape = str(self.tape) if self.tape else "/dev/null"
        (self.workdir / "config").write_text(
            CONFIG.format(
                sip_port=self.sip_port,
                host=self.host,
                tape=tape,
                rec=self.rec,
                module_path=MODULE_PATH,
                ctrl_port=self.ctrl_port,
                codec_modules=mods,
            )
        )
        params = ";regint=0" + (";answermode=auto" if self.auto_answer else "")
        (self.workdir / "accounts").write_text(f"<sip:{self.user}@{self.host}:{self.sip_port}>{params}\n")

    def start(self, *, max_seconds: float = 60.0) -> None:
        self._write_config()
        self.log = open(self.workdir / "baresip.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            ["baresip", "-f", str(self.workdir), "-t", str(int(max_seconds))],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                self._sock = socket.create_connection(("127.0.0.1", self.ctrl_port), timeout=1)
                break
            except OSError:
                if self.proc.poll() is not None:
                    raise BaresipError(f"baresip exited early (note: it also binds SIP port+1 for TLS); see {self.workdir / 'baresip.log'}") from None
                time.sleep(0.05)
        if self._sock is None:
            raise BaresipError("baresip's ctrl_tcp did not come up")
        self._sock.settimeout(None)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        sock = self._sock  # stop() sets self._sock to None: this thread keeps its own reference
        assert sock is not None
        buf = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
            while b":" in buf:
                head, rest = buf.split(b":", 1)
                try:
                    size = int(head)
                except ValueError:
                    buf = b""
                    break
                if len(rest) < size + 1:
                    break
                payload, buf = rest[:size], rest[size + 1 :]
                try:
                    msg = json.loads(payload)
                except ValueError:
                    continue
                msg["_t"] = time.time()
                with self._cv:
                    self.events.append(msg)
                    self._cv.notify_all()

    def command(self, command: str, params: str = "") -> None:
        if self._sock is None:
            raise BaresipError("baresip is not running")
        self._token += 1
        body = json.dumps({"command": command, "params": params, "token": str(self._token)}).encode()
        self._sock.sendall(_netstring(body))

    def dial(self, uri: str) -> None:
        self.command("dial", uri)

    def hangup(self) -> None:
        self.command("hangup")

    def hold(self) -> None:
        self.command("hold")

    def resume(self) -> None:
        self.command("resume")

    def send_dtmf(self, digit: str) -> None:
        self.command("sndcode", digit)

    def wait_event(self, kind: str, timeout: float) -> dict[str, Any] | None:
        deadline = time.monotonic() + timeout
        with self._cv:
            while True:
                for ev in self.events:
                    if ev.get("type") == kind:
                        return ev
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cv.wait(left)

    def event_types(self) -> list[str]:
        with self._cv:
            return [str(e.get("type")) for e in self.events if e.get("event")]

    def stop(self, timeout: float = 5.0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.command("quit")
            except (OSError, BaresipError):
                pass
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if getattr(self, "log", None) is not None:
            self.log.close()

    def recordings(self, kind: str = "dec") -> list[Path]:
        return sorted(self.rec.glob(f"dump-*-{kind}.wav"))
