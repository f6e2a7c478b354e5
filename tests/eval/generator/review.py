"""The independent review of generated questions (RUBRIC.md beside this file).

``sample ROUND``: for each notes file in ``notes/``, 40 generated questions that
pass the gate (all of them when fewer), drawn at random with the round's seed,
written for a reviewer to ``review/<file>[.roundN].questions.md``. ``score``:
keepable / reviewed and wrong keys from each ``review/*.verdicts.toml``. Round 1
was reviewed before the generator was reworked on the reviewers' general
findings; round 2 is a new sample, reviewed by new reviewers. Round 3 is on two
notes files written after both rounds (``tests/eval/generator3``), never seen
by anyone tuning the generator, reviewed by new reviewers.
"""

from __future__ import annotations

import random
import sys
import tomllib
from pathlib import Path

from bot.core.lookup.notes import parse
from bot.core.bank import LETTERS, generate

HERE = Path(__file__).resolve().parent
SAMPLE = 40
SEED = 2026


def sample(round_: int = 1, base: Path = HERE) -> None:
    suffix = "" if round_ == 1 else f".round{round_}"
    (base / "review").mkdir(exist_ok=True)
    for notes in sorted((base.resolve() / "notes").glob("*.md")):
        passages, _ = parse(notes.read_text(encoding="utf-8"), notes.name)
        by_id = {p.id: p for p in passages}
        questions = generate(passages)
        chosen = random.Random(SEED + round_ - 1).sample(questions, min(SAMPLE, len(questions)))
        lines = [f"# {len(chosen)} generated questions from {notes.name}", "",
                 f"Made by the bot from `{notes.relative_to(HERE.parents[2])}`; review them with "
                 "tests/eval/generator/RUBRIC.md.", ""]
        for n, q in enumerate(chosen, 1):
            lines += [f"## {n}. `{q.id}` ({q.form})", "", q.stem, ""]
            lines += [f"- {LETTERS[i]}. {o}" + ("  ← marked answer" if LETTERS[i] in q.answers else "")
                      for i, o in enumerate(q.options)]
            source = by_id[q.passages[0]]
            lines += ["", f"Explanation: {q.explanation}", "",
                      f"Source passage: {source.path} (lines {source.line_start}-{source.line_end})", ""]
        (base / "review" / f"{notes.stem}{suffix}.questions.md").write_text("\n".join(lines), encoding="utf-8")
        print(f"{notes.name}: {len(questions)} generated, {len(chosen)} sampled")


def score(base: Path = HERE) -> None:
    for path in sorted((base / "review").glob("*.verdicts.toml")):
        verdicts = tomllib.loads(path.read_text(encoding="utf-8")).get("q", [])  # a file that gave no question has none
        keep = sum(bool(v["keep"]) for v in verdicts)
        wrong = sum(bool(v["wrong_key"]) for v in verdicts)
        fails: dict[str, int] = {}
        for v in verdicts:
            for item in v.get("fails", []):
                fails[item] = fails.get(item, 0) + 1
        print(f"{path.name.removesuffix('.verdicts.toml')}: keepable {keep}/{len(verdicts)}, wrong keys {wrong}; "
              f"failed items: {fails or 'none'}")


def still() -> None:
    """Tuning data, not a result: every reviewed notes file generated again with today's
    generator, and how many of the reviewed questions it still serves were kept."""
    served = kept = 0
    for folder in sorted(HERE.parent.glob("generator*")):
        verdicts = {v["id"]: v for path in (folder / "review").glob("*.verdicts.toml")
                    for v in tomllib.loads(path.read_text(encoding="utf-8")).get("q", [])}
        for notes in sorted((folder / "notes").glob("*.md")):
            passages, _ = parse(notes.read_text(encoding="utf-8"), notes.name)
            for q in generate(passages):
                if q.id in verdicts:
                    served += 1
                    kept += bool(verdicts[q.id]["keep"])
    print(f"reviewed questions still served: {served}, kept by their reviewers: {kept} ({kept / max(served, 1):.0%})")


if __name__ == "__main__":
    # review.py sample ROUND [FOLDER] | review.py score [FOLDER] | review.py still; FOLDER holds notes/ and review/
    args = sys.argv[1:] or ["score"]
    if args[0] == "still":
        still()
    elif args[0] == "sample":
        sample(int(args[1]) if len(args) > 1 else 1, Path(args[2]) if len(args) > 2 else HERE)
    else:
        score(Path(args[1]) if len(args) > 1 else HERE)
