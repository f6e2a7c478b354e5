"""How fast does a study group's notes become questions? Generation on every eval notes file.

    python bench/bench_generate.py

All the notes files under ``tests/eval/generator*/notes`` are joined into one notes file (1x)
and then four times over (4x), and ``generate`` runs on each: questions served and wall time,
printed next to parsing the same text (the baseline: what any ingest pays before questions),
so a generator that grows worse than linearly with the notes shows as a growing ratio.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.bank import generate  # noqa: E402
from bot.core.lookup.notes import parse  # noqa: E402


def main() -> None:
    files = sorted((ROOT / "tests" / "eval").glob("generator*/notes/*.md"))
    text = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    print(f"{len(files)} notes files, {len(text) / 1e6:.2f} MB")
    for times in (1, 4):
        start = time.perf_counter()
        passages, _ = parse("\n\n".join([text] * times), "all.md")
        parsed = time.perf_counter() - start
        start = time.perf_counter()
        questions = generate(passages)
        made = time.perf_counter() - start
        print(f"  {times}x: {len(passages):6,} passages, {len(questions):5,} questions served   "
              f"generate {made:6.1f} s    parse (baseline) {parsed:5.2f} s    ratio {made / parsed:5.1f}")


if __name__ == "__main__":
    main()
