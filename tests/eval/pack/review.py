"""The independent review of the DVA-C02 pack's questions (RUBRIC.md beside this file).

``sample``: 40 random pack questions (seed 2026) written for a reviewer to
``pack.questions.md``; ``sample 2``: 40 others (seed 2027, none from round 1),
drawn after the pack was reworked on round 1's findings, to
``pack.round2.questions.md``; ``score``: exam-like / reviewed and wrong keys from
each ``pack*.verdicts.toml``.
"""

from __future__ import annotations

import random
import sys
import tomllib
from pathlib import Path

from bot.core.bank import LETTERS, load_bank
from bot.core.lookup.notes import parse

HERE = Path(__file__).resolve().parent
PACK = HERE.parents[2] / "content" / "packs" / "dva-c02"
SAMPLE, SEED = 40, 2026


def sample(round_: int = 1) -> None:
    passages = {p.id: p for f in sorted((PACK / "notes").glob("*.md"))
                for p in parse(f.read_text(encoding="utf-8"), f.name)[0]}
    questions, problems = load_bank(PACK / "questions")
    assert not problems, problems
    seen = set()
    if round_ > 1:
        seen = {v["id"] for v in tomllib.loads((HERE / "pack.verdicts.toml").read_text(encoding="utf-8"))["q"]}
    pool = sorted((q for q in questions if q.id not in seen), key=lambda q: q.id)
    chosen = random.Random(SEED + round_ - 1).sample(pool, SAMPLE)
    lines = [f"# {SAMPLE} random questions of the DVA-C02 pack ({len(questions)} in all)", "",
             "Review them with tests/eval/pack/RUBRIC.md.", ""]
    for n, q in enumerate(chosen, 1):
        lines += [f"## {n}. `{q.id}` ({q.domain}, {q.kind})", "", q.stem, ""]
        lines += [f"- {LETTERS[i]}. {o}" + ("  ← marked answer" if LETTERS[i] in q.answers else "")
                  for i, o in enumerate(q.options)]
        cited = "; ".join(f"{passages[p].path} ({passages[p].file} lines {passages[p].line_start}-"
                          f"{passages[p].line_end})" for p in q.passages if p in passages)
        lines += ["", f"Explanation: {q.explanation}", "", f"Cites: {cited}", ""]
    name = "pack.questions.md" if round_ == 1 else f"pack.round{round_}.questions.md"
    (HERE / name).write_text("\n".join(lines), encoding="utf-8")
    print(f"{SAMPLE} of {len(questions)} sampled")


def score() -> None:
    for path in sorted(HERE.glob("pack*.verdicts.toml")):
        verdicts = tomllib.loads(path.read_text(encoding="utf-8"))["q"]
        like = sum(bool(v["exam_like"]) for v in verdicts)
        wrong = sum(bool(v["wrong_key"]) for v in verdicts)
        print(f"{path.name.removesuffix('.verdicts.toml')}: exam-like {like}/{len(verdicts)}, wrong keys {wrong}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["sample"]:
        sample(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    else:
        score()
