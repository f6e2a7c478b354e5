"""Optional content packs: off by default, on with DVA_PACKS for every command, ask included."""

from __future__ import annotations

import pytest

from bot.app import build, open_lookup
from bot.config import Settings
from bot.core.messages import Ask, Exam, ExamReport, FoundPassage, Learner, NothingFound, Question
from quiz_kit import NOW

ANA = Learner("console", "local", "ana", "Ana")


def test_without_the_pack_the_notes_do_not_cover_sqs_and_with_it_ask_answers_from_the_pack(tmp_path):
    db = tmp_path / "dva.db"
    [plain] = open_lookup(Settings(db=db)).library.handle(Ask(ANA, "sqs visibility timeout"), NOW)
    assert isinstance(plain, NothingFound)
    [packed] = open_lookup(Settings(db=db, packs=("dva-c02",)), refresh=False).library.handle(
        Ask(ANA, "sqs visibility timeout"), NOW)
    assert isinstance(packed, FoundPassage) and "visibility timeout" in packed.text.lower()
    assert packed.source.startswith(("development.md", "troubleshooting.md"))
    [off_again] = open_lookup(Settings(db=db), refresh=False).library.handle(Ask(ANA, "sqs visibility timeout"), NOW)
    assert isinstance(off_again, NothingFound)  # its passages stay stored, but a pack turned off is not read


def test_with_the_pack_a_full_exam_draws_all_four_domains_by_weight(tmp_path):
    app = build(Settings(db=tmp_path / "dva.db", packs=("dva-c02",)))
    [first] = app.tutor.handle(Exam(ANA), NOW)
    assert isinstance(first, Question) and first.exam is not None and first.exam.size == 65
    [report] = app.tutor.handle(Exam(ANA, "finish"), NOW)
    assert isinstance(report, ExamReport)
    assert [d.total for d in report.domains] == [21, 17, 15, 12]


def test_an_unknown_pack_is_one_clear_error():
    with pytest.raises(ValueError, match="DVA_PACKS: there is no pack named 'nope'"):
        Settings.from_env({"DVA_PACKS": "nope"})
    assert Settings.from_env({"DVA_PACKS": "dva-c02, dva-c02"}).packs == ("dva-c02",)


def test_the_dva_c02_pack_is_valid_exam_grade_and_spread_over_the_domains_by_weight():
    from collections import Counter
    from pathlib import Path

    from bot.core.bank import domains, load_bank, validate
    from bot.core.lookup.notes import parse

    pack = Path(__file__).resolve().parents[1] / "content" / "packs" / "dva-c02"
    passages = {p.id: p for f in sorted((pack / "notes").glob("*.md"))
                for p in parse(f.read_text(encoding="utf-8"), f.name)[0]}
    questions, problems = load_bank(pack / "questions")
    assert not problems
    assert not [(q.id, why) for q in questions for why in validate(q, passages)]
    assert len(questions) >= 300 and sum(q.kind == "multi" for q in questions) >= 60
    assert all(q.kind != "truefalse" and q.domain for q in questions)
    share = Counter(q.domain for q in questions)
    for d in domains.DEFAULT.domains:  # each domain within 3 points of its exam weight
        assert abs(100 * share[d.key] / len(questions) - d.weight) <= 3, d.key
