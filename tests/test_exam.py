"""The mock exam: private, timed, resumable, no feedback until the end, then a score report."""

from __future__ import annotations

import io
import random
import re
import shutil
from datetime import timedelta

import pytest

from bot.adapters import console
from bot.app import build
from bot.config import Settings
from bot.core.bank import BankQuestion, domains
from bot.core.messages import Answer, Exam, ExamReport, Explain, Learner, Question, ShowLeaderboard, ShowStats, Text
from bot.core.quiz import scoring
from quiz_kit import NOW, Typist

ANA = Learner("console", "local", "ana", "Ana")


@pytest.fixture
def settings(loaded_notes, tmp_path) -> Settings:
    """A copy of the database with the bundled notes (``conftest``), for each test."""
    shutil.copy(loaded_notes, tmp_path / "dva.db")
    return Settings(db=tmp_path / "dva.db")


def first_letters(printed: str) -> str:
    """The first option's letter, or the first two for a "Choose 2" question: any answer will do."""
    last = printed.rsplit("Exam · question", 1)[-1]
    return "a b" if "Choose 2" in last else "a"


def chat(app, *lines, at=NOW) -> str:
    out = io.StringIO()
    assert console.run(app.tutor, Typist(lines, out), out, lambda: at, ANA) == 0
    return out.getvalue()


def test_an_exam_of_20_answered_to_the_end_prints_a_scaled_score_the_pass_line_and_all_four_domains(tmp_path, settings):
    app = build(settings, refresh=False)
    out = chat(app, "exam 20", *[first_letters] * 20)
    assert "Exam started: 20 questions, 40 minutes" in out
    report = out.split("Mock exam score: ")[-1]
    assert re.match(r"\d{3,4} / 1000 · pass line 720 · (PASS|below the pass line)", report)
    for name in ("Development with AWS Services", "Security", "Deployment", "Troubleshooting and Optimization"):
        assert f"\n{name}: " in report
    assert "AWS does not publish its own scaling" in report
    assert "✅" not in out and "❌" not in out  # no feedback during the exam


def test_restarting_the_console_mid_exam_resumes_it_where_it_was(tmp_path, settings):
    first = build(settings, refresh=False)
    chat(first, "exam 5", first_letters, first_letters)
    first.db.conn.close()
    again = build(settings, refresh=False)
    out = chat(again, "exam")
    assert "Resumed your running exam." in out and "Exam · question 3 of 5 · 2 answered" in out


def test_an_exam_question_gets_no_feedback_and_no_explanation_until_the_exam_ends(tmp_path, settings):
    app = build(settings, refresh=False)
    [first] = app.tutor.handle(Exam(ANA, "start", size=3), NOW)
    assert isinstance(first, Question) and first.exam is not None and first.heading == ()
    [after] = app.tutor.handle(Answer(ANA, first.instance, ("A", "B")[:first.pick]), NOW)
    assert isinstance(after, Question) and after.exam is not None and after.exam.position == 2
    [refused] = app.tutor.handle(Explain(ANA, first.instance), NOW)
    assert isinstance(refused, Text) and "running exam" in refused.text
    [refused] = app.tutor.handle(Explain(ANA, first.question_id), NOW)
    assert isinstance(refused, Text) and "running exam" in refused.text
    [report] = app.tutor.handle(Exam(ANA, "finish"), NOW)
    assert isinstance(report, ExamReport) and report.total == 3
    [explained] = app.tutor.handle(Explain(ANA, first.instance), NOW)
    assert not isinstance(explained, Text)


def test_when_time_runs_out_the_exam_is_scored_and_unanswered_questions_count_as_wrong(tmp_path, settings):
    app = build(settings, refresh=False)
    [first] = app.tutor.handle(Exam(ANA, "start", size=4), NOW)  # 4 questions: 8 minutes
    assert isinstance(first, Question) and first.exam is not None
    assert first.exam.ends_at == NOW + timedelta(minutes=8)
    [late] = app.tutor.handle(Answer(ANA, first.instance, ("A",)), NOW + timedelta(minutes=9))
    assert isinstance(late, ExamReport) and late.timed_out
    assert late.total == 4 and not any(i.answered for i in late.items) and late.right == 0 and late.score == 100


def test_a_flagged_question_is_listed_and_can_be_revisited_and_a_pick_changed(tmp_path, settings):
    app = build(settings, refresh=False)
    [first] = app.tutor.handle(Exam(ANA, "start", size=3), NOW)
    assert isinstance(first, Question)
    [flagged] = app.tutor.handle(Exam(ANA, "flag", position=1), NOW)
    assert "Question 1 flagged" in flagged.text
    app.tutor.handle(Answer(ANA, first.instance, ("A", "B")[:first.pick]), NOW)
    [listed] = app.tutor.handle(Exam(ANA, "flagged"), NOW)
    assert listed.text.startswith("Flagged: 1.")
    [back] = app.tutor.handle(Exam(ANA, "show", position=1), NOW)
    assert isinstance(back, Question) and back.exam is not None
    assert back.exam.flagged and back.exam.chosen == ("A", "B")[:first.pick] and back.instance == first.instance
    app.tutor.handle(Answer(ANA, first.instance, ("C", "D")[:first.pick]), NOW)
    [again] = app.tutor.handle(Exam(ANA, "show", position=1), NOW)
    assert isinstance(again, Question) and again.exam is not None and again.exam.chosen == ("C", "D")[:first.pick]


def test_exam_answers_count_in_stats_but_earn_no_group_points(tmp_path, settings):
    app = build(settings, refresh=False)
    [question] = app.tutor.handle(Exam(ANA, "start", size=2), NOW)
    assert isinstance(question, Question)
    app.tutor.handle(Answer(ANA, question.instance, ("A", "B")[:question.pick]), NOW)
    app.tutor.handle(Exam(ANA, "finish"), NOW)
    [stats] = app.tutor.handle(ShowStats(ANA), NOW)
    assert stats.answered == 1 and stats.points == 0
    [board] = app.tutor.handle(ShowLeaderboard(ANA, "week"), NOW)
    assert all(row.points == 0 for row in board.rows)


def test_one_learner_has_one_running_exam_and_exam_resumes_it(tmp_path, settings):
    app = build(settings, refresh=False)
    [first] = app.tutor.handle(Exam(ANA, "start", size=3), NOW)
    [again] = app.tutor.handle(Exam(ANA, "start", size=10), NOW)
    assert isinstance(first, Question) and isinstance(again, Question) and again.exam is not None
    assert again.instance == first.instance and again.exam.size == 3


def test_someone_elses_exam_question_cannot_be_answered(tmp_path, settings):
    app = build(settings, refresh=False)
    [first] = app.tutor.handle(Exam(ANA, "start", size=3), NOW)
    [refused] = app.tutor.handle(Answer(Learner("console", "local", "bo"), first.instance, ("A",)), NOW)
    assert isinstance(refused, Text) and "someone else's exam" in refused.text


# --- the arithmetic ------------------------------------------------------------------------


def test_the_scaled_score_runs_from_100_to_1000_and_720_is_about_69_percent_right():
    assert scoring.scaled(0, 65) == 100 and scoring.scaled(65, 65) == 1000
    assert scoring.scaled(44, 65) < 720 <= scoring.scaled(45, 65)


def test_a_full_exam_draws_each_domain_by_its_weight():
    guide = domains.DEFAULT
    assert scoring.quotas(guide, 65, {d.key: 100 for d in guide.domains}) == {
        "development": 21, "security": 17, "deployment": 15, "troubleshooting": 12}  # largest remainders


def test_a_domain_with_too_few_questions_gives_its_share_to_the_others():
    counts = scoring.quotas(domains.DEFAULT, 20, {"development": 50, "security": 50, "deployment": 50})
    assert counts["troubleshooting"] == 0 and sum(counts.values()) == 20


def question(qid: str, domain: str, *, generated: bool = False, background: bool = False) -> BankQuestion:
    return BankQuestion(qid, "Topic", "single", "Stem?", ("a", "b", "c", "d"), ("A",), "Why.", (),
                        generated=generated, domain=domain, background=background)


def test_the_draw_takes_written_questions_first_and_never_background_or_held_ones():
    bank = [question(f"w{n}", "security") for n in range(3)] + \
           [question(f"g{n}", "security", generated=True) for n in range(3)] + \
           [question("bg", "security", background=True), question("held", "security")]
    drawn = scoring.draw(bank, domains.DEFAULT, 4, random.Random(1), held={"held"})
    ids = {q.id for q in drawn}
    assert {"w0", "w1", "w2"} <= ids and "bg" not in ids and "held" not in ids and len(ids) == 4


# --- reporting a question --------------------------------------------------------------------

BO = Learner("console", "local", "bo", "Bo")


def test_a_question_two_people_report_is_held_out_of_exams_and_daily_posts_until_cleared(tmp_path, capsys,
                                                                                        monkeypatch, settings):
    from bot.cli import main
    from bot.core.messages import Report

    app = build(settings, refresh=False)
    practice = app.tutor.practice
    qid = sorted(practice.questions)[0]
    [thanks] = app.tutor.handle(Report(ANA, qid, "the key is out of date"), NOW)
    assert "is reported" in thanks.text and qid not in practice.exams.held()
    [again] = app.tutor.handle(Report(ANA, qid, "still wrong"), NOW)
    assert "already reported" in again.text and qid not in practice.exams.held()  # one person, once
    app.tutor.handle(Report(BO, qid), NOW)
    assert qid in practice.exams.held()
    assert all(q != qid for q, _ in practice.daily_pool())
    app.db.conn.close()

    monkeypatch.setenv("DVA_DB", str(settings.db))
    assert main(["questions", "reports"]) == 0
    listed = capsys.readouterr().out
    assert f"{qid} (" in listed and "2 people · held out of daily posts and exams" in listed
    assert "the key is out of date" in listed and ".toml:" in listed
    assert main(["questions", "clear", qid]) == 0
    assert main(["questions", "reports"]) == 0
    assert "No open reports." in capsys.readouterr().out
    assert qid not in build(settings, refresh=False).tutor.practice.exams.held()


def test_reporting_an_unknown_id_says_so_and_stores_nothing(tmp_path, settings):
    from bot.core.messages import Report

    app = build(settings, refresh=False)
    [reply] = app.tutor.handle(Report(ANA, "no-such-question"), NOW)
    assert isinstance(reply, Text) and reply.error and "No question has the id" in reply.text
    assert app.store.reports() == []


def test_stats_give_accuracy_per_exam_domain_and_topics_name_each_topics_domain(tmp_path, settings):
    from bot.core.messages import Quiz, Topics

    app = build(settings, refresh=False)
    practice = app.tutor.practice
    for topic in ("iam", "rds"):
        [question] = app.tutor.handle(Quiz(ANA, topic), NOW)
        assert isinstance(question, Question)
        app.tutor.handle(Answer(ANA, question.instance, ("A", "B")[:question.pick]), NOW)
    [stats] = app.tutor.handle(ShowStats(ANA), NOW)
    assert sum(d.answered for d in stats.domains) == 2
    assert {d.topic for d in stats.domains} <= {d.name for d in practice.guide.domains}
    [topics] = app.tutor.handle(Topics(ANA), NOW)
    iam = next(t for t in topics.topics if t.name == "IAM")
    assert iam.domain == "Security"
    out = io.StringIO()
    console.run(app.tutor, Typist(["stats", "topics"], out), out, lambda: NOW, ANA)
    assert "By exam domain:" in out.getvalue() and "IAM: " in out.getvalue() and "· Security" in out.getvalue()


def test_stats_in_the_console_write_a_png_and_print_its_path(tmp_path, settings):
    from bot.core.messages import Quiz

    app = build(settings, refresh=False)
    [question] = app.tutor.handle(Quiz(ANA, "iam"), NOW)
    assert isinstance(question, Question)
    app.tutor.handle(Answer(ANA, question.instance, ("A", "B")[:question.pick]), NOW)
    out = io.StringIO()
    console.run(app.tutor, Typist(["stats"], out), out, lambda: NOW, ANA, pictures=tmp_path / "pictures")
    [path] = re.findall(r"^Picture: (.+)$", out.getvalue(), re.MULTILINE)
    assert path == str(tmp_path / "pictures" / "stats-ana.png")
    assert (tmp_path / "pictures" / "stats-ana.png").read_bytes().startswith(b"\x89PNG")


# --- reminders ----------------------------------------------------------------------------------


def test_remind_on_in_the_console_is_confirmed_with_its_time_and_timezone_and_off_stops_it(tmp_path, settings):
    app = build(settings, refresh=False)
    out = chat(app, "remind on 08:00", "remind on 25:00", "remind off", "remind off")
    assert "Reminders on: at 08:00 UTC" in out and "'25:00' is not a time" in out
    assert "Reminders are off." in out and "Reminders were not on." in out


def test_no_reminder_is_due_without_a_reason_and_one_is_due_when_reviews_are(tmp_path, settings):
    from bot.core.messages import Quiz, Remind

    app = build(settings, refresh=False)
    app.tutor.handle(Remind(ANA, on=True, time="09:00"), NOW)
    assert app.daily.reminders_due(NOW.replace(hour=9, minute=10)) == []  # nothing due, no streak
    [question] = app.tutor.handle(Quiz(ANA, "iam"), NOW - timedelta(days=30))
    app.tutor.handle(Answer(ANA, question.instance, ("A", "B")[:question.pick]), NOW - timedelta(days=30))
    [due] = app.daily.reminders_due(NOW.replace(hour=9, minute=10))  # its review card is due by now
    assert due.reply.reviews == 1 and due.learner.user == "ana"
    assert app.daily.reminders_due(NOW.replace(hour=8, minute=59)) == []  # not before its time
    assert app.daily.claim_reminder(due, NOW) and not app.daily.claim_reminder(due, NOW)


# --- timed rounds ------------------------------------------------------------------------------


def test_round_2_in_the_console_plays_two_questions_then_the_table(tmp_path, settings):
    app = build(settings, refresh=False)
    out = chat(app, "round 2", first_round_letters, first_round_letters)
    assert "A round of 2 questions: each is open until you answer" in out
    assert "Question 1 of 2: the answer was" in out and "Question 2 of 2: the answer was" in out
    assert "Round over" in out
    assert out.count("Round · question") == 2


def first_round_letters(printed: str) -> str:
    """Letters for the last question shown (its header line starts "Question · ")."""
    last = printed.rsplit("\nQuestion · ", 1)[-1]
    return "a b" if "Choose 2" in last else "a"


def test_a_round_question_closes_after_its_time_faster_right_answers_earn_more_and_a_restart_resumes(settings):
    from bot.core.messages import Round, RoundResults
    from bot.core.quiz import rules

    app = build(settings, refresh=False)
    target = "discord:42"
    replies = app.tutor.handle(Round(ANA, target, None, 2), NOW)
    intro, first = replies
    assert isinstance(first, Question) and first.closes_at == NOW + timedelta(seconds=30)
    question = app.tutor.practice.question(first.question_id)
    right = tuple(c.letter for c in first.choices if c.text in question.correct)
    bo = Learner("discord", ANA.group, "bo", "Bo")
    [fast] = app.tutor.handle(Answer(ANA, first.instance, right), NOW + timedelta(seconds=3))
    [slow] = app.tutor.handle(Answer(bo, first.instance, right), NOW + timedelta(seconds=27))
    assert fast.points == rules.ROUND_POINTS + 9 and slow.points == rules.ROUND_POINTS + 1
    assert app.tutor.practice.rounds_due(NOW + timedelta(seconds=20)) == []  # still open
    app.db.conn.close()
    again = build(settings, refresh=False)  # a restart while the question is open: the round goes on
    [(where, moved)] = again.tutor.practice.rounds_due(NOW + timedelta(seconds=31))
    results, second = moved
    assert where == target and isinstance(results, RoundResults) and isinstance(second, Question)
    assert [s.learner.user for s in results.scores] == ["ana", "bo"] and results.answered == 2
    [(_, last)] = again.tutor.practice.rounds_due(NOW + timedelta(seconds=62))
    results, table = last
    assert isinstance(table, RoundResults) and table.final
    assert [(s.learner.user, s.points) for s in table.scores] == [("ana", 19), ("bo", 11)]
    assert again.tutor.practice.rounds_due(NOW + timedelta(seconds=99)) == []  # over: nothing more
    [refused] = again.tutor.handle(Answer(ANA, second.instance, ("A",)), NOW + timedelta(seconds=99))
    assert isinstance(refused, Text) and "closed" in refused.text


def test_a_round_can_give_each_question_more_time():
    from bot.core.grammar import parse
    from bot.core.messages import Round

    command = parse("round rds 3 45s", ANA, target="discord:1")
    assert command == Round(ANA, "discord:1", "rds", 3, seconds=45)
    assert parse("round 45s", ANA, target="discord:1") == Round(ANA, "discord:1", None, 5, seconds=45)


def test_a_round_question_is_open_for_the_seconds_asked(tmp_path, settings):
    from bot.core.messages import Round

    app = build(settings, refresh=False)
    _, first = app.tutor.handle(Round(ANA, "discord:7", None, 1, seconds=45), NOW)
    assert isinstance(first, Question) and first.closes_at == NOW + timedelta(seconds=45)
    [refused] = app.tutor.handle(Round(ANA, "discord:8", None, 1, seconds=5), NOW)
    assert refused.error and "Usage: round" in refused.text


def test_a_malformed_answer_in_a_console_round_does_not_move_the_round_on(settings):
    from bot.core.messages import Round

    app = build(settings, refresh=False)
    _, first = app.tutor.handle(Round(ANA, "console", None, 2, solo=True), NOW)
    assert isinstance(first, Question)
    wrong_count = ("A", "B", "C")[: first.pick + 1]  # one letter too many
    [refused] = app.tutor.handle(Answer(ANA, first.instance, wrong_count), NOW)
    assert isinstance(refused, Text) and "Nothing was recorded" in refused.text
    replies = app.tutor.handle(Answer(ANA, first.instance, ("A", "B")[: first.pick]), NOW)
    assert [type(r).__name__ for r in replies] == ["Feedback", "RoundResults", "Question"]
