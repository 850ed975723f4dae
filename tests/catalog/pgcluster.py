"""A throwaway PostgreSQL cluster from Debian's ``postgresql`` binaries: a temporary folder, a Unix socket, no
TCP port, trust authentication, fsync off. Used by tests/catalog/conftest.py and by ``.ci/run``::

    eval "$(.venv/bin/python tests/catalog/pgcluster.py start)"   # exports VOICECART_TEST_PG_URL, _PG_ROOT
    .venv/bin/python tests/catalog/pgcluster.py stop "$VOICECART_TEST_PG_ROOT"
"""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server binaries here (or no user to run them as)."""


def bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root and there is no 'postgres' user to run the server as") from None
    return ["runuser", "-u", "postgres", "--"]  # initdb refuses to run as root


def start() -> tuple[str, Path]:
    """Start a cluster; returns (admin URL, root folder to pass to :func:`stop`)."""
    bins = bindir()
    if bins is None:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    prefix = _prefix()
    root = Path(tempfile.mkdtemp(prefix="voicecart-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if prefix:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        os.chown(sock, user.pw_uid, user.pw_gid)
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    subprocess.run([*prefix, str(bins / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-sync", "--no-instructions"], check=True, capture_output=True, env=env, timeout=120)
    opts = (f"-k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            f" -c max_connections=60 -c shared_buffers=32MB")
    subprocess.run([*prefix, str(bins / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w",
                    "-t", "60", "start"], check=True, capture_output=True, env=env, timeout=90)
    return f"postgresql://postgres@/postgres?host={sock}", root


def stop(root: Path) -> None:
    bins = bindir()
    if bins is not None and (root / "data").exists():
        subprocess.run([*_prefix(), str(bins / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["start"]:
        url, folder = start()
        print(f"export VOICECART_TEST_PG_URL={shlex.quote(url)} VOICECART_TEST_PG_ROOT={shlex.quote(str(folder))}")
    elif sys.argv[1:2] == ["stop"] and len(sys.argv) == 3:
        stop(Path(sys.argv[2]))
    else:
        raise SystemExit("usage: pgcluster.py start | stop ROOT")
