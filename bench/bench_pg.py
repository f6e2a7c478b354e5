"""Several bot processes on one PostgreSQL: answers per second with 1, 2 and 4, and the leaderboard at 1M answers.

Run: ``.venv/bin/python bench/bench_pg.py`` (about ten minutes). It starts its own
PostgreSQL server in a temporary folder (``initdb`` and ``pg_ctl`` as
``tests/pg_server.py`` finds them, as the ``postgres`` user when run as root)
with the durability settings of production: ``fsync``, ``synchronous_commit``
and ``full_page_writes`` on. Every figure comes from that one run:

1. Baselines: the raw single-row ``INSERT`` + ``COMMIT`` rate on one psycopg
   connection (a row shaped like an answer, its own transaction each time), the
   same on SQLite (``bench_quiz.raw_commit_rate``), and the time of one round
   trip (``SELECT 1``) with the machine's other core idle and kept busy.
2. Answers recorded per second by 1, 2 and 4 processes on a fresh PostgreSQL
   database, and by 1 process on a SQLite temp file. Each process is a fresh
   interpreter with its own connection, the real notes, the real written bank
   and the real ``Practice`` engine, recording answers the way
   ``tests/answer_burst.py`` does: bursts of 25 clicks that arrive in one turn
   of the event loop and go through ``GroupCommit`` (one transaction a burst),
   500 learners of its own (no learner is shared between processes), a practice
   instance per click. The instances are made before the clock starts (a quiz
   command's work, not an answer's); each click is then the whole answer path.
   Figure: all the answers of all the processes over the wall time from the
   moment they are let go together until the last one is done; each setting
   runs ``--repeat`` times, in turn with the others, and the median is shown
   with the range. The PostgreSQL settings run twice: as the store runs them
   (answers under their learner's lock) and with every statement under the one
   write lock, as all PostgreSQL writes were before (``ANSWER_PATH`` emptied in
   the worker). Beside each: the CPU time per answer of the bot processes and
   of the server processes serving their connections.
3. Leaderboard p50/p99 over 1,000 ``ShowLeaderboard`` commands through
   ``Practice.handle`` (random asker, random period) with 1,000,000 answers in
   the group, on both stores. The rows are written in bulk, not through the
   answer path (that would take hours): learners, one practice instance per
   answer, answers shaped as the answer path writes them (70% right, points as
   practice gives them, a delivery event each, spread over 60 days) and the
   ``scores`` counters those answers add up to (no review cards: the
   leaderboard never reads them). PostgreSQL gets them by ``COPY`` and then
   ``VACUUM ANALYZE`` (what autovacuum does after a bulk load); SQLite by
   ``executemany`` in one transaction, and is left as the store leaves it.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import pwd
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import db  # noqa: E402
from bench_quiz import raw_commit_rate, timed  # noqa: E402
from bot.core.bank.questions import load_bank  # noqa: E402
from bot.core.lookup.notes import parse  # noqa: E402
from bot.core.lookup.search import Library  # noqa: E402
from bot.core.messages import Answer, Feedback, Learner, ShowLeaderboard  # noqa: E402
from bot.core.quiz import rules  # noqa: E402
from bot.core.quiz.practice import Practice  # noqa: E402
from bot.group_commit import GroupCommit  # noqa: E402
from db.store import Store  # noqa: E402

START = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
GROUP = "bench-guild"
TOGETHER = 25  # clicks arriving in one turn of the loop, as in tests/answer_burst.py
LEARNERS = 500  # each process's own learners, as in tests/answer_burst.py


# --- the server ---------------------------------------------------------------------------


class Server:
    """A PostgreSQL server in ``folder`` with production's durability (``tests/pg_server.py``
    turns fsync off for speed; this one leaves it on)."""

    def __init__(self, folder: Path):
        import pg_server  # the tests' way of finding the binaries and the user to run them as

        found = pg_server.binaries()
        if found is None:
            raise SystemExit("no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
        self.bin, self.folder, self.port = found, folder, _free_port()
        self.as_user = "postgres" if os.geteuid() == 0 else None
        if self.as_user:
            owner = pwd.getpwnam(self.as_user)
            os.chown(folder, owner.pw_uid, owner.pw_gid)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--no-instructions")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder}"
                   " -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=50"
                   " -c shared_buffers=256MB")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def create(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]  # our own name
        return self.url(name)

    def version(self) -> str:
        import psycopg

        with psycopg.connect(self.url()) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=300, check=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def raw_pg_commit_rate(url: str, n: int) -> float:
    """Single-row INSERT + COMMIT, ``n`` times, on one connection."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE bench_raw (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                     " instance_id TEXT, learner_id BIGINT, chosen TEXT, answered_at TEXT,"
                     " UNIQUE (instance_id, learner_id))")
        began = time.perf_counter()
        for i in range(n):
            with conn.transaction():
                conn.execute("INSERT INTO bench_raw (instance_id, learner_id, chosen, answered_at)"
                             " VALUES (%s, %s, %s, %s)", ("inst", i, "A", "2026-09-01T08:00:00.000000+00:00"))
        elapsed = time.perf_counter() - began
        conn.execute("DROP TABLE bench_raw")
    return n / elapsed


def round_trip_us(url: str, busy: bool) -> float:
    """Microseconds per ``SELECT 1`` on one connection; ``busy``: with a spinner at nice 19 keeping
    the other core from idling (its wake-up is part of every round trip when it idles)."""
    import psycopg

    spinner = subprocess.Popen(["nice", "-n", "19", sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            for _ in range(500):
                conn.execute("SELECT 1")
            began = time.perf_counter()
            for _ in range(5000):
                conn.execute("SELECT 1")
            return (time.perf_counter() - began) / 5000 * 1e6
    finally:
        if spinner is not None:
            spinner.kill()
            spinner.wait()


# --- one answering process ----------------------------------------------------------------


def engine(where: str) -> tuple[Store, Practice]:
    passages, _ = parse((ROOT / "content/notes/dva-notes.md").read_text(encoding="utf-8"), "dva-notes.md")
    questions, _ = load_bank(ROOT / "content/questions")
    store = Store(db.connect(where))
    return store, Practice(store, Library(passages), questions, rng=random.Random(1))


async def answer_bursts(where: str, name: str, count: int) -> None:
    """A worker: make ``count`` instances, say ``ready``, wait for ``go`` on stdin, answer them all
    in bursts through ``GroupCommit``, print ``done <counted> <seconds>``."""
    store, practice = engine(where)
    core = GroupCommit(practice, store.transaction, store.batch)
    ids = [q for q, _ in practice.daily_pool()]
    people = [Learner("bench", GROUP, f"{name}-u{i}", f"{name} {i}") for i in range(LEARNERS)]
    with store.transaction():  # a quiz command's work, before the clock starts
        shown = [practice.new_instance(ids[n % len(ids)], people[n % LEARNERS], GROUP, "practice", None,
                                       START + timedelta(milliseconds=n), None) for n in range(count)]
    print("ready", flush=True)
    sys.stdin.readline()

    async def click(n: int) -> bool:
        question = shown[n]
        letters = tuple(practice.question(question.question_id).answers)  # as many as it asks for
        now = START + timedelta(milliseconds=n, seconds=1)
        [reply] = await core.handled(Answer(people[n % LEARNERS], question.instance, letters,
                                            event=f"{name}-e{n}"), now)
        return isinstance(reply, Feedback) and reply.counted

    backend = _backend_cpu(store)
    began, cpu = time.perf_counter(), time.process_time()
    counted = 0
    for start in range(0, count, TOGETHER):
        counted += sum(await asyncio.gather(*(click(n) for n in range(start, min(count, start + TOGETHER)))))
    wall, cpu, backend = time.perf_counter() - began, time.process_time() - cpu, _backend_cpu(store) - backend
    print(f"done {counted} {wall:.4f} {cpu:.4f} {backend:.4f}", flush=True)
    store.close()


def _backend_cpu(store: Store) -> float:
    """CPU seconds the PostgreSQL server process serving this connection has used (0 on SQLite)."""
    if isinstance(store.conn, __import__("sqlite3").Connection):
        return 0.0
    pid = store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def answers_per_second(where: str, processes: int, count: int, lock: str = "learner"
                       ) -> tuple[float, int, float, float]:
    """(answers recorded per second by ``processes`` workers together, answers counted, CPU ms per
    answer in the bot processes, in the server processes serving them). ``lock="write"``: the
    workers record answers under the one write lock, as every PostgreSQL write did before
    answers took their learner's lock (an empty ``db.postgres.ANSWER_PATH``)."""
    workers = [subprocess.Popen([sys.executable, __file__, "--worker", where, f"p{k}", str(count), lock],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
               for k in range(processes)]
    try:
        for worker in workers:
            assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        began = time.perf_counter()
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        lines = [worker.communicate(timeout=600)[0] for worker in workers]
        wall = time.perf_counter() - began
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    if any(worker.returncode for worker in workers):
        raise SystemExit(f"a worker failed: {[w.returncode for w in workers]}")
    done = [line.split() for line in lines]
    total = processes * count
    return (total / wall, sum(int(d[1]) for d in done), 1000 * sum(float(d[3]) for d in done) / total,
            1000 * sum(float(d[4]) for d in done) / total)


# --- a million answers, in bulk --------------------------------------------------------------


def token(rng: random.Random) -> str:
    """An id shaped as ``secrets.token_urlsafe(12)`` makes one."""
    return base64.urlsafe_b64encode(rng.getrandbits(96).to_bytes(12, "big")).decode()


def history(practice: Practice, answers: int, learners: int, days: int, seed: int = 7):
    """Rows for learners, instances, answers and scores, as the answer path would leave them
    (learner ids are 1..learners: both stores number a fresh table's rows from 1)."""
    rng = random.Random(seed)
    questions = [practice.questions[q] for q, _ in practice.daily_pool()]
    people = [("bench", GROUP, f"u{i}", f"User {i}") for i in range(learners)]
    instances, rows = [], []
    totals: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    for i in range(answers):
        created = START + timedelta(days=days * i / answers, seconds=rng.randrange(3600))
        learner, question, ident = rng.randrange(learners) + 1, rng.choice(questions), token(rng)
        right = rng.random() < 0.7
        chosen = "".join(question.answers) if right else "".join(
            sorted(rng.sample([c for c in "ABCDE"[: len(question.options)] if c not in question.answers],
                              len(question.answers))))
        points = rules.PRACTICE_POINTS if right else 0
        day = created.date()
        answered = created + timedelta(seconds=rng.randrange(5, 120))
        instances.append((ident, question.id, learner, GROUP, "practice", None, created.isoformat(
            timespec="microseconds"), None, 1))
        rows.append((ident, learner, GROUP, question.id, question.topic, "practice", chosen, int(right), points,
                     day.isoformat(), answered.isoformat(timespec="microseconds"), f"bench:fill{i}"))
        for period in rules.period_keys(day):
            total = totals[(period, learner)]
            total[0] += points
            total[1] += 1
            total[2] += int(right)
    scores = [(GROUP, period, learner, p, a, c) for (period, learner), (p, a, c) in totals.items()]
    return people, instances, rows, scores


INSERTS = {
    "learners": ("platform, group_id, \"user\", name", 4),
    "instances": ("id, question_id, learner_id, group_id, mode, target, created_at, closes_at, shuffled", 9),
    "answers": ("instance_id, learner_id, group_id, question_id, topic, mode, chosen, correct, points, day,"
                " answered_at, event", 12),
    "scores": ("group_id, period, learner_id, points, answered, correct", 6),
}


def fill_sqlite(store: Store, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    for table, rows in tables.items():
        columns, width = INSERTS[table]
        conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({','.join('?' * width)})", rows)
    conn.execute("COMMIT")


def fill_postgres(url: str, tables: dict[str, list[tuple[Any, ...]]]) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction(), conn.cursor() as cursor:
            for table, rows in tables.items():
                with cursor.copy(f"COPY {table} ({INSERTS[table][0]}) FROM STDIN") as copy:  # type: ignore[arg-type]
                    for row in rows:
                        copy.write_row(row)
        conn.execute("VACUUM ANALYZE")


def leaderboard_times(where: str, learners: int, days: int, seed: int = 11) -> tuple[float, float]:
    store, practice = engine(where)
    rng = random.Random(seed)
    end = START + timedelta(days=days, hours=-1)
    askers = [Learner("bench", GROUP, f"u{rng.randrange(learners)}") for _ in range(1000)]
    practice.handle(ShowLeaderboard(askers[0], "all"), end)  # the first touch of each table, not timed
    result = timed(lambda a=a: practice.handle(ShowLeaderboard(a, rng.choice(rules.PERIODS)), end) for a in askers)
    store.close()
    return result


# --- the run ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-process", type=int, default=2000, help="answers each process records")
    parser.add_argument("--answers", type=int, default=1_000_000, help="answers in the group for the leaderboard")
    parser.add_argument("--learners", type=int, default=2000, help="learners those answers are spread over")
    parser.add_argument("--days", type=int, default=60, help="days those answers are spread over")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each answering setting")
    parser.add_argument("--worker", nargs=4, metavar=("DATABASE", "NAME", "COUNT", "LOCK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        where, name, count, lock = args.worker
        if lock == "write":  # the comparison: no statement is the answer path's, all take the write lock
            from db import postgres

            postgres.ANSWER_PATH = {}
        asyncio.run(answer_bursts(where, name, int(count)))
        return
    folder = Path(tempfile.mkdtemp(prefix="dva-bench-pg-", dir="/tmp"))
    server = Server(folder)
    server.start()
    try:
        run(server, folder, args)
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def run(server: Server, folder: Path, args: argparse.Namespace) -> None:
    print(f"PostgreSQL {server.version()} (fsync, synchronous_commit, full_page_writes on), "
          f"SQLite {__import__('sqlite3').sqlite_version} (WAL, synchronous=NORMAL); "
          f"{os.cpu_count()} CPU cores shared by the bench, its processes and the server")
    raw_pg = statistics.median(raw_pg_commit_rate(server.create(f"raw{n}"), 2000) for n in range(args.repeat))
    store, _ = engine(str(folder / "raw.db"))
    raw_sqlite = raw_commit_rate(store, 3000)
    store.close()
    print(f"raw single-row INSERT+COMMIT, one connection (median of {args.repeat}): PostgreSQL {raw_pg:,.0f}/s, "
          f"SQLite {raw_sqlite:,.0f}/s")
    idle, busy = round_trip_us(server.url(), busy=False), round_trip_us(server.url(), busy=True)
    print(f"one round trip (SELECT 1) on one connection: {idle:.0f} us with the other core idle, {busy:.0f} us "
          "with it kept busy by a spinner at nice 19")
    print(f"answers through GroupCommit, bursts of {TOGETHER}, {args.per_process:,} answers per process, "
          f"each setting run {args.repeat} times in turn (median, [range]):")
    runs: dict[str, list[tuple[float, int, float, float]]] = defaultdict(list)
    for n in range(args.repeat):
        for lock in ("learner", "write"):
            for processes in (1, 2, 4):
                db.connect(url := server.create(f"answers{processes}{lock}{n}")).close()  # migrated before the clock
                runs[f"PostgreSQL, {processes} process{'es' if processes > 1 else ''}, {lock} lock"].append(
                    answers_per_second(url, processes, args.per_process, lock))
        runs["SQLite, 1 process"].append(answers_per_second(str(folder / f"answers{n}.db"), 1, args.per_process))
    ones: dict[str, float] = {}
    for name, measured in runs.items():
        measured.sort()
        rate, counted, bot, server_cpu = measured[len(measured) // 2]
        one = ones.setdefault(name.split(", ")[-1], rate)
        against = (f"{rate / one:.2f}x one process; {rate / raw_pg:.0%} of raw" if name.startswith("Postgre")
                   else f"{rate / raw_sqlite:.0%} of raw")
        cpu = f"bot {bot:.2f} ms + server {server_cpu:.2f} ms" if server_cpu else f"{bot:.2f} ms"
        print(f"  {name:37} {rate:6,.0f} answers/s [{measured[0][0]:,.0f}-{measured[-1][0]:,.0f}] ({against}; "
              f"{counted:,} counted; CPU per answer {cpu})")

    print(f"leaderboard: {args.answers:,} answers by {args.learners:,} learners over {args.days} days")
    url, tables = server.create("board"), {}
    for name, where in (("PostgreSQL", url), ("SQLite", str(folder / "board.db"))):
        store, practice = engine(where)  # migrated, the bank synced: the instances' questions exist
        if not tables:
            people, instances, answers, scores = history(practice, args.answers, args.learners, args.days)
            tables = {"learners": people, "instances": instances, "answers": answers, "scores": scores}
        began = time.perf_counter()
        if name == "PostgreSQL":
            store.close()
            fill_postgres(where, tables)
        else:
            fill_sqlite(store, tables)
            store.close()
        filled = time.perf_counter() - began
        check = Store(db.connect(where))
        assert check.find_learner("bench", GROUP, "u0") == 1, "learner ids are not the ones the rows assumed"
        check.close()
        p50, p99 = leaderboard_times(where, args.learners, args.days)
        print(f"  {name:10}  p50 {p50:5.2f} ms  p99 {p99:5.2f} ms   (filled in {filled:.0f} s: "
              f"{len(tables['answers']):,} answers, {len(tables['scores']):,} score rows)")


if __name__ == "__main__":
    main()
