"""A real PostgreSQL server for the tests, started by the test process itself in a temporary folder.

``fresh_database()`` gives the URL of an empty, migrated database: the first
call in a test process runs ``initdb`` and ``pg_ctl start`` (about a second)
and migrates one database with the store's own migrations; every call after
that empties the same database again (a few milliseconds: any connection a
test left open is ended first, then every row is deleted; copying a template
database instead costs about 0.3 s a test). Each xdist worker starts its own
server, on a free port of 127.0.0.1 with its socket in its own folder, so
workers share nothing. ``stop()`` (conftest calls it at the end of the
session) stops the server and deletes the folder.

The binaries are found on PATH or in Debian's ``/usr/lib/postgresql/*/bin``
(``.ci/run`` installs the ``postgresql`` package when they are missing).
PostgreSQL refuses to run as root: as root, ``initdb`` and ``pg_ctl`` run as
the ``postgres`` user (Debian's package creates it). Without the binaries the
tests that need a server skip with one reason, unless ``DVA_REQUIRE_POSTGRES``
is set (CI sets it), where they fail instead.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

SKIPPED = "PostgreSQL tests skipped"
DATABASE = "dva"  # the one migrated database each test process empties for each test


def binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: PATH first, then the newest Debian version."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True):
        if (Path(folder) / "pg_ctl").exists() and (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


def _version(folder: str) -> tuple[int, ...]:
    name = Path(folder).parent.name
    return tuple(int(part) for part in name.split(".") if part.isdigit())


@dataclass
class Server:
    bin: Path
    folder: Path
    port: int
    as_user: str | None  # "postgres" when the tests run as root

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        data, log = self.folder / "data", self.folder / "server.log"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--no-sync", "--no-instructions")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder}"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        command = [str(self.bin / tool), *args]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}\n{tail}")


_server: Server | None = None
_numbers = itertools.count(1)


def _unavailable(why: str) -> NoReturn:
    """Skip the test that needs a server, or fail it where one is required (CI)."""
    if os.environ.get("DVA_REQUIRE_POSTGRES"):
        pytest.fail(f"PostgreSQL is required (DVA_REQUIRE_POSTGRES is set), but {why}", pytrace=False)
    pytest.skip(f"{SKIPPED}: {why} (install Debian's postgresql package; .ci/run does)")


def server() -> Server:
    """This process's server, started on first use (skips or fails the test when it cannot be)."""
    global _server
    if _server is not None:
        return _server
    bin = binaries()
    if bin is None:
        _unavailable("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    as_user = "postgres" if os.geteuid() == 0 else None
    try:
        owner = pwd.getpwnam(as_user) if as_user else None
    except KeyError:
        _unavailable("running as root, and there is no postgres user to run the server as")
    # as root, in /tmp: a TMPDIR under /root would be out of the postgres user's reach
    folder = Path(tempfile.mkdtemp(prefix="dva-pg-", dir="/tmp" if owner is not None else None))
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    started = Server(bin, folder, _free_port(), as_user)
    try:
        started.start()
        _create(started, DATABASE)
        import db

        db.connect(started.url(DATABASE)).close()  # the store's own migrations, once
    except BaseException:
        started.stop()
        raise
    _server = started
    atexit.register(stop)  # conftest stops it at the session's end; this if the session dies first
    return started


def fresh_database() -> str:
    """The URL of this process's migrated database, emptied: no rows, no other connection."""
    import psycopg

    url = server().url(DATABASE)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     " WHERE datname = current_database() AND pid <> pg_backend_pid()")
        tables = [row[0] for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'")]
        with conn.transaction():
            conn.execute("SET LOCAL session_replication_role = replica")  # no foreign key order to follow
            for table in tables:
                conn.execute(f'DELETE FROM "{table}"')  # type: ignore[arg-type]
    return url


def empty_database() -> str:
    """The URL of a new database with nothing in it, not even the schema."""
    name = f"empty{next(_numbers)}"
    _create(server(), name)
    return server().url(name)


def stop() -> None:
    global _server
    if _server is not None:
        _server.stop()
        _server = None


def _create(running: Server, name: str) -> None:
    import psycopg

    with psycopg.connect(running.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
