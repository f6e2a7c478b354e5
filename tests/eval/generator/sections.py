"""Per notes file: sections with a decision rule ("use X when Y"), and how many of them
yield a scenario question, and how many sections yield a choose-two (issue 11's aim:
every section one of each). Usage: python tests/eval/generator/sections.py [NOTES.md ...]
(default: every unseen notes file under tests/eval/generator*/notes)."""

import sys
from collections import Counter
from pathlib import Path

from bot.core.bank import generate
from bot.core.bank.generator import _Maker
from bot.core.lookup import lexicon
from bot.core.lookup.notes import parse

EVAL = Path(__file__).resolve().parents[1]


def main() -> None:
    files = [Path(f) for f in sys.argv[1:]] or sorted(EVAL.glob("generator*/notes/*.md"))
    total: Counter = Counter()
    for f in files:
        passages, _ = parse(f.read_text(encoding="utf-8"), f.name)
        maker = _Maker(passages, lexicon.shipped())
        served = generate(passages)
        sections = {p.section for p in passages}
        ruled = {s for s in sections if maker.rules.get(s)}
        scenario = {q.topic for q in served if q.shape == "scenario"} & ruled
        two = {q.topic for q in served if q.shape == "choose-two"}
        total.update(sections=len(sections), ruled=len(ruled), scenario=len(scenario), two=len(two))
        print(f"{f.name[:40]:40} sections {len(sections):2}, with a rule {len(ruled):2}: "
              f"a scenario in {len(scenario):2}; a choose-two in {len(two):2}")
    print(f"all: {total['sections']} sections, {total['ruled']} with a rule; a scenario in "
          f"{total['scenario']} of those; a choose-two in {total['two']}")


if __name__ == "__main__":
    main()
