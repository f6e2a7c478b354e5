"""How fast is ``ask``? Prints each figure next to a raw FTS5 query run the same way.

    python bench/bench_ask.py            # bundled notes, 200x corpus, whole process

1. In-process ``Library.ask`` p50/p99 over the retrieval cases' queries on the
   bundled notes (with the question bank's wording, as ``dva ask`` builds it), beside a raw SQLite FTS5 ``MATCH ... ORDER BY bm25`` query.
2. A generated corpus 200 times the notes' size (200 files, each a copy of
   the notes with sections renamed and one word in ten replaced by a made-up
   word, so the vocabulary grows as real notes would): ingest time into a
   fresh SQLite file, index build time, ask p99 and FTS5 p99.
3. ``dva ask`` as a whole process (fresh interpreter, warm database), median
   of several runs, and the first run on a machine with no database.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import db as database  # noqa: E402
from bot.core.bank import expansions  # noqa: E402
from bot.core.lookup.notes import parse  # noqa: E402
from bot.core.bank.questions import load_bank  # noqa: E402
from bot.core.lookup.search import Library  # noqa: E402
from bot.ingest import ingest  # noqa: E402
from db.baseline import FtsBaseline  # noqa: E402
from db.store import Store  # noqa: E402

NOTES = ROOT / "content" / "notes" / "dva-notes.md"
BANK = expansions(load_bank(ROOT / "content" / "questions")[0])  # as `dva ask` adds it
QUERIES = [c["query"] for c in tomllib.loads((ROOT / "tests" / "retrieval_cases.toml").read_text())["case"]]
TARGETS = {"p50": 1.0, "p99": 5.0, "p99_200x": 20.0, "ingest_200x": 10.0, "process": 0.5}


def timings(call, queries, rounds, clock=time.perf_counter):
    """Milliseconds per call. ``time.thread_time`` gives the CPU the call
    itself used: on a busy machine wall time also counts other processes."""
    out = []
    for _ in range(rounds):
        for query in queries:
            started = clock()
            call(query)
            out.append((clock() - started) * 1000)
    return out


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label, ours, fts, target=None):
    flag = "" if target is None else f"   target <= {target:g}  {'ok' if ours <= target else 'MISSED'}"
    print(f"  {label:<28} ask {ours:8.3f} ms    raw FTS5 {fts:8.3f} ms{flag}")


def bundled() -> None:
    passages, _ = parse(NOTES.read_text(encoding="utf-8"), NOTES.name)
    started = time.perf_counter()
    library = Library(passages, BANK)
    build = (time.perf_counter() - started) * 1000
    fts = FtsBaseline(passages)
    cold = timings(library.ask, QUERIES, 1)  # first sight of each word: spelling caches empty
    warm = timings(library.ask, QUERIES, 20)
    raw = timings(fts.search, QUERIES, 20)
    cpu = timings(library.ask, QUERIES, 20, time.thread_time)
    raw_cpu = timings(fts.search, QUERIES, 20, time.thread_time)
    print(f"Bundled notes: {len(passages)} passages, {len(QUERIES)} queries x 20 rounds; "
          f"index built in {build:.1f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    line("p50 (wall clock)", pct(warm, 50), pct(raw, 50), TARGETS["p50"])
    line("p99 (wall clock)", pct(warm, 99), pct(raw, 99), TARGETS["p99"])
    line("p50 (CPU time)", pct(cpu, 50), pct(raw_cpu, 50))
    line("p99 (CPU time)", pct(cpu, 99), pct(raw_cpu, 99))
    line("p99, first round (cold)", pct(cold, 99), pct(raw, 99))


def generate(folder: Path, copies: int = 200, seed: int = 7) -> int:
    rng = random.Random(seed)
    text = NOTES.read_text(encoding="utf-8")
    syllables = ["ka", "lo", "mi", "tre", "sun", "vor", "ple", "dax", "qui", "zen", "bro", "fel"]
    made_up = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(30_000)]
    size = 0
    for n in range(copies):
        body = re.sub(r"^## (.+)$", lambda m: f"## {m.group(1)} part {n}", text, flags=re.M)
        body = re.sub(r"\b[a-z]{4,}\b", lambda m: rng.choice(made_up) if rng.random() < 0.1 else m.group(0), body)
        (folder / f"notes-{n:03}.md").write_text(body, encoding="utf-8")
        size += len(body.encode())
    return size


def large() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notes"
        folder.mkdir()
        size = generate(folder)
        store = Store(database.connect(Path(tmp) / "big.db"))
        report = ingest(store, folder)
        started = time.perf_counter()
        passages = store.all_passages()
        library = Library(passages, BANK)
        build = time.perf_counter() - started
        fts = FtsBaseline(passages)
        library.ask("warm up")
        ours = timings(library.ask, QUERIES, 3)
        raw = timings(fts.search, QUERIES, 3)
        cpu = timings(library.ask, QUERIES, 3, time.thread_time)
        raw_cpu = timings(fts.search, QUERIES, 3, time.thread_time)
        again = ingest(store, folder)
    ratio = size / NOTES.stat().st_size
    print(f"Generated corpus: {ratio:.0f}x the notes ({size / 1e6:.1f} MB, {len(passages):,} passages, "
          f"{len(library._index.postings):,} terms)")
    print(f"  ingest into a fresh database  {report.seconds:6.2f} s   target <= {TARGETS['ingest_200x']:g}  "
          f"{'ok' if report.seconds <= TARGETS['ingest_200x'] else 'MISSED'}")
    print(f"  ingest again, nothing changed {again.seconds:6.2f} s")
    print(f"  load passages + build index   {build:6.2f} s")
    line("p50 (wall clock)", pct(ours, 50), pct(raw, 50))
    line("p99 (wall clock)", pct(ours, 99), pct(raw, 99), TARGETS["p99_200x"])
    line("p99 (CPU time)", pct(cpu, 99), pct(raw_cpu, 99))


def process(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DVA_DB": str(Path(tmp) / "dva.db")}
        script = Path(sys.executable).with_name("dva")
        command = [str(script), "ask", "rds", "proxy"]

        def once() -> float:
            started = time.perf_counter()
            subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
            return time.perf_counter() - started

        first = once()
        warm = statistics.median(once() for _ in range(runs))
        bare = [sys.executable, "-c", "pass"]
        started = time.perf_counter()
        subprocess.run(bare, check=True)
        python = time.perf_counter() - started
    print(f"Whole process `dva ask rds proxy`: median of {runs} "
          f"{warm:.3f} s   target <= {TARGETS['process']:g}  {'ok' if warm <= TARGETS['process'] else 'MISSED'}")
    print(f"  first run, no database yet    {first:.3f} s   (bare `python -c pass`: {python:.3f} s)")


if __name__ == "__main__":
    bundled()
    large()
    process()
