"""How the bot grows with the notes: the issue's table at 1x and 200x (and 1000x with --big).

For each size, a corpus of copies of the bundled notes (changed headings, some
made-up words: ``bench_ask.generate``) in a fresh content folder, then, in one run:

- ``dva ask`` as a whole process (fresh interpreter, warm database): seconds and peak RSS;
- the core's first build (what ``dva serve`` does before ``/healthz``: ingest, generated
  questions, index) and its next build (a restart: questions kept, notes unchanged);
- ask p50 / p99 in process beside raw SQLite FTS5/bm25 on the same passages.

    .venv/bin/python bench/bench_scale.py [--big]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_ask import QUERIES, generate, pct, timings  # noqa: E402

from bot.app import build  # noqa: E402
from bot.config import Settings  # noqa: E402
from db.baseline import FtsBaseline  # noqa: E402

ASK = ("import resource, sys, time; from bot.cli import main; t = time.perf_counter(); "
       "code = main(['ask', 'rds', 'proxy']); "
       "print(f'{time.perf_counter() - t:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)")


def ask_process(env: dict[str, str], runs: int = 3) -> tuple[float, float, int]:
    """(median wall seconds of the whole process, of which inside main, peak RSS in MiB)."""
    walls, insides, rss = [], [], 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", ASK], env=env, cwd=ROOT, capture_output=True, text=True,
                              check=True)
        walls.append(time.perf_counter() - started)
        inside, kib = done.stderr.strip().splitlines()[-1].split()
        insides.append(float(inside))
        rss = max(rss, int(kib))
    return sorted(walls)[len(walls) // 2], sorted(insides)[len(insides) // 2], rss // 1024


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
        ours, raw = timings(library.ask, QUERIES, 2), timings(fts.search, QUERIES, 2)
        app.db.close()
        env = {**os.environ, "DVA_DB": str(settings.db), "DVA_CONTENT": str(content)}
        wall, inside, rss = ask_process(env)
    print(f"{copies}x the notes ({megabytes:.1f} MB, {len(library.passages):,} passages)")
    print(f"  `dva ask` whole process        {wall:6.2f} s ({inside:.2f} s in main), {rss} MiB")
    print(f"  core build, first (serve)      {first:6.2f} s")
    print(f"  core build, restart            {restart:6.2f} s")
    print(f"  ask p50 / p99                  {pct(ours, 50):6.2f} / {pct(ours, 99):.2f} ms    "
          f"raw FTS5 {pct(raw, 50):.2f} / {pct(raw, 99):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big", action="store_true", help="also 1000x (minutes and about 1 GB)")
    args = parser.parse_args()
    for copies in (1, 200, *((1000,) if args.big else ())):
        size(copies)


if __name__ == "__main__":
    main()
