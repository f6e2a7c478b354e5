"""How the bot grows with the notes: the issue's table at 1x and 200x (and 1000x with --big).

For each size, a corpus of copies of the bundled notes (changed headings, some
made-up words: ``bench_ask.generate``) in a fresh content folder, then, in one run:

- ``dva ask`` as a whole process (fresh interpreter, warm database): seconds and peak RSS;
- the core's first build (what ``dva serve`` does before ``/healthz`` the first time:
  ingest, generated questions, index) and its next build (a restart: all of it kept);
- ``dva serve`` as a whole process on the warm database (Slack over HTTP, against the
  local fake of Slack's API): seconds until ``/healthz`` answers 200, and its RSS then;
- ask p50 / p99 in process (the core settled as ``serve`` leaves it) beside raw SQLite
  FTS5/bm25 on the same passages, wall clock and CPU time of the thread.

Once per run: answers recorded per second by ten bursts of 1,000 clicks in a row
through ``GroupCommit`` (``bench_quiz.burst``: its docstring says why ten) beside
the raw single-row commit rate of the same connection.

    .venv/bin/python bench/bench_scale.py [--big]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import aiohttp  # noqa: E402
from bench_ask import QUERIES, generate, pct, timings  # noqa: E402
from bench_quiz import burst, engine, raw_commit_rate  # noqa: E402
from fakes.slack_api import FakeSlack  # noqa: E402

from bot.app import build, settle  # noqa: E402
from bot.config import Settings  # noqa: E402
from db.baseline import FtsBaseline  # noqa: E402

# peak RSS from VmHWM: ru_maxrss survives exec on Linux, so it would count this bench's own memory
ASK = ("import sys, time; from bot.cli import main; t = time.perf_counter(); "
       "code = main(['ask', 'rds', 'proxy']); "
       "peak = next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')); "
       "print(f'{time.perf_counter() - t:.3f} {peak}', file=sys.stderr)")


def ask_process(env: dict[str, str], runs: int = 3) -> tuple[float, float, float, int]:
    """(median and slowest wall seconds of the whole process, median inside main, peak RSS in MiB)."""
    walls, insides, rss = [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", ASK], env=env, cwd=ROOT, capture_output=True, text=True,
                              check=True)
        walls.append(time.perf_counter() - started)
        inside, kib = done.stderr.strip().splitlines()[-1].split()
        insides.append(float(inside))
        rss = max(rss, int(kib))
    return sorted(walls)[len(walls) // 2], max(walls), sorted(insides)[len(insides) // 2], rss // 1024


async def serve_process(env: dict[str, str]) -> tuple[float, int]:
    """(seconds from starting ``dva serve`` until ``/healthz`` answers 200, its peak RSS in MiB by then)."""
    slack = await FakeSlack().start()
    ports = [_free_port(), _free_port()]
    env = {**env, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": "bench-secret",
           "SLACK_API_URL": slack.api_url, "SLACK_PORT": str(ports[0]), "DVA_HEALTH_PORT": str(ports[1])}
    started = time.perf_counter()
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "dva"), "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        async with aiohttp.ClientSession() as session:
            while True:
                try:
                    async with session.get(f"http://127.0.0.1:{ports[1]}/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                if proc.poll() is not None:
                    raise RuntimeError(f"dva serve exited with {proc.returncode}")
                await asyncio.sleep(0.02)
        seconds = time.perf_counter() - started
        status = Path(f"/proc/{proc.pid}/status").read_text()
        rss = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        await slack.stop()
    return seconds, rss // 1024


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers_against_commits() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store, practice = engine(Path(tmp) / "bench.db")
        baseline = raw_commit_rate(store, 5000)
        rate, counted, commits = asyncio.run(burst(store, practice, 1000))
        store.close()
    print(f"answers: 10 x 1,000 clicks at once {rate:8,.0f} /s in {commits} commit(s); raw single-row commits "
          f"{baseline:,.0f} /s ({rate / baseline:.0%})")


def size(copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        (content / "notes").mkdir(parents=True)
        (content / "questions").mkdir()
        megabytes = generate(content / "notes", copies) / 1e6
        settings = Settings(db=Path(tmp) / "dva.db", content=content)
        started = time.perf_counter()
        app = build(settings)
        first = time.perf_counter() - started
        app.db.close()
        started = time.perf_counter()
        app = build(settings, refresh=False)
        restart = time.perf_counter() - started
        library = app.library
        fts = FtsBaseline(library.passages)
        library.ask("warm up")
        settle()  # as serve does
        ours, raw = timings(library.ask, QUERIES, 2), timings(fts.search, QUERIES, 2)
        ours_cpu, raw_cpu = (timings(library.ask, QUERIES, 2, time.thread_time),
                             timings(fts.search, QUERIES, 2, time.thread_time))
        app.db.close()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DVA_", "DISCORD_", "SLACK_"))}
        env.update(DVA_DB=str(settings.db), DVA_CONTENT=str(content))
        wall, slowest, inside, rss = ask_process(env)
        healthy, serve_rss = asyncio.run(serve_process(env))
    print(f"{copies}x the notes ({megabytes:.1f} MB, {len(library.passages):,} passages)")
    print(f"  `dva ask` whole process        {wall:6.2f} s ({inside:.2f} s in main; slowest of 3 {slowest:.2f} s), "
          f"peak {rss} MiB")
    print(f"  core build, first (serve)      {first:6.2f} s")
    print(f"  core build, restart            {restart:6.2f} s")
    print(f"  `dva serve` until /healthz     {healthy:6.2f} s, {serve_rss} MiB")
    print(f"  ask p50 / p99                  {pct(ours, 50):6.2f} / {pct(ours, 99):.2f} ms    "
          f"raw FTS5 {pct(raw, 50):.2f} / {pct(raw, 99):.2f} ms")
    print(f"  ask p50 / p99, CPU time        {pct(ours_cpu, 50):6.2f} / {pct(ours_cpu, 99):.2f} ms    "
          f"raw FTS5 {pct(raw_cpu, 50):.2f} / {pct(raw_cpu, 99):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big", action="store_true", help="also 1000x (minutes and about 1 GB)")
    args = parser.parse_args()
    answers_against_commits()
    for copies in (1, 200, *((1000,) if args.big else ())):
        size(copies)


if __name__ == "__main__":
    main()
