"""The bundled question bank: every file loads, every question is grounded in the notes.

Failures name the file, line and question id, so a content author can fix the
entry without reading this test.
"""

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.core.lookup.notes import parse
from bot.core.bank.questions import load_bank, parse_bank, validate

CONTENT = Path(__file__).resolve().parents[1] / "content"
QUESTIONS = CONTENT / "questions"
#: the issue asks for at least 200 written questions across all sections; the bank is
#: written by more than one author, so this fails until every section's file is in.
MINIMUM_QUESTIONS = 200
MINIMUM_PER_SECTION = 3


def notes():
    passages = []
    for path in sorted((CONTENT / "notes").glob("*.md")):
        found, _ = parse(path.read_text(encoding="utf-8"), path.name)
        passages += found
    return passages


@pytest.fixture(scope="module")
def bank():
    questions, problems = load_bank(QUESTIONS)
    return questions, problems, {p.id: p for p in notes()}


def where(q) -> str:
    return f"{q.source} [{q.id}]"


def test_every_question_file_loads_without_problems(bank):
    _, problems, _ = bank
    assert [str(p) for p in problems] == []


def test_the_bank_has_at_least_200_questions(bank):
    questions, _, _ = bank
    per_file = Counter(q.source.split(":")[0] for q in questions)
    assert len(questions) >= MINIMUM_QUESTIONS, f"{len(questions)} written questions, need {MINIMUM_QUESTIONS}: {dict(per_file)}"


def test_every_section_of_the_notes_has_at_least_three_questions(bank):
    questions, _, passages = bank
    sections = dict.fromkeys(p.section for p in passages.values())
    per_topic = Counter(q.topic for q in questions)
    thin = {s: per_topic[s] for s in sections if per_topic[s] < MINIMUM_PER_SECTION}
    assert thin == {}, f"sections with fewer than {MINIMUM_PER_SECTION} questions: {thin}"


def test_every_topic_is_a_section_of_the_notes(bank):
    questions, _, passages = bank
    sections = {p.section for p in passages.values()}
    assert [f"{where(q)}: topic {q.topic!r}" for q in questions if q.topic not in sections] == []


def test_every_question_cites_passages_that_exist_and_is_grounded_in_them(bank):
    questions, _, passages = bank
    errors = [f"{where(q)}: {error}" for q in questions for error in validate(q, passages)]
    assert errors == []


def test_no_two_questions_share_a_stem(bank):
    questions, _, _ = bank
    seen = {}
    repeats = []
    for q in questions:
        key = " ".join(q.stem.lower().split())
        if key in seen:
            repeats.append(f"{where(q)} repeats the stem of {seen[key]}")
        seen.setdefault(key, where(q))
    assert repeats == []


def test_options_are_distinct_and_answers_are_among_them(bank):
    questions, _, _ = bank
    errors = []
    for q in questions:
        if len({o.lower() for o in q.options}) != len(q.options):
            errors.append(f"{where(q)}: repeated option")
        letters = "ABCDE"[: len(q.options)]
        errors += [f"{where(q)}: answer {a} not among {letters}" for a in q.answers if a not in letters]
    assert errors == []


def test_true_false_questions_are_used_sparingly(bank):
    questions, _, _ = bank
    true_false = sum(q.kind == "truefalse" for q in questions)
    assert true_false <= len(questions) / 10, f"{true_false} of {len(questions)} are true/false"


def test_no_option_points_at_another_by_letter_or_says_all_of_the_above(bank):
    questions, _, _ = bank
    bad = re.compile(r"\boption [A-E]\b|\ball of the above\b|\bnone of the above\b", re.IGNORECASE)
    assert [where(q) for q in questions if any(bad.search(t) for t in (q.stem, *q.options))] == []


def test_the_readme_example_loads_and_is_grounded():
    readme = (QUESTIONS / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.DOTALL).group(1)
    questions, problems = parse_bank(example, "README.md")
    assert problems == [] and len(questions) == 1
    [q] = questions
    assert validate(q, {p.id: p for p in notes()}) == []
    assert q.correct == ("Create an Amazon RDS Proxy to pool and share connections",)


def test_dva_questions_list_json_gives_each_question_with_its_shape_answers_and_domain(tmp_path, monkeypatch, capsys):
    import json

    from bot.cli import main

    monkeypatch.setenv("DVA_DB", str(tmp_path / "dva.db"))
    assert main(["questions", "list", "--written", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    written, _ = load_bank(Path(__file__).resolve().parents[1] / "content" / "questions")
    assert len(rows) == len(written) and not any(r["generated"] for r in rows)
    first = rows[0]
    assert set(first) >= {"id", "topic", "kind", "generated", "stem", "options", "answers", "explanation",
                          "sources", "domain"}
    assert all(0 <= i < len(r["options"]) for r in rows for i in r["answers"])
    assert {r["domain"] for r in rows} <= {"development", "security", "deployment", "troubleshooting"}
    assert main(["questions", "list", "--generated", "--json"]) == 0
    generated = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert generated and all(g["generated"] and g["domain"] for g in generated)
