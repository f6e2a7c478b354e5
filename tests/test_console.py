"""``dva chat``: the console speaks the Slack grammar, and letters answer the last question."""

import io
import re

from bot.adapters import console
from bot.core.messages import (
    Choice, DailySummary, Explanation, Feedback, Leaderboard, Learner, NothingFound, FoundPassage, Question,
    Standing, Stats, Text, TopicAccuracy, TopicList, Topic, HelpText,
)
from bot.core.quiz.tutor import Tutor
from quiz_kit import NOW, Typist, library, world


def letter(printed: str, text: str) -> str:
    """The letter the last question printed showed the option ``text`` under."""
    return re.findall(rf"^  ([A-H]) · {re.escape(text)}$", printed, re.MULTILINE)[-1]


def pick(*texts: str):
    """Type the letters of these options, as the last question showed them."""
    return lambda printed: " ".join(letter(printed, t) for t in texts).lower()


def chat(*lines, questions=None) -> str:
    store, practice = world(questions) if questions is not None else world()
    tutor = Tutor(library(), practice)
    out = io.StringIO()
    status = console.run(tutor, Typist(lines, out), out, lambda: NOW)
    assert status == 0
    return out.getvalue()


def test_ask_prints_the_heading_path_and_the_text():
    out = chat("ask rds proxy")
    assert "RDS › Amazon RDS Proxy" in out and "pools and shares" in out


def test_quiz_then_a_letter_answers_the_question_shown():
    out = chat("quiz security groups", pick("fourth"))
    assert "  A · " in out and "  D · " in out and "(id: ec2-sg" in out
    feedback = out.split("> ")[-2]
    assert feedback.startswith(f"✅ Right! {letter(out, 'fourth')} · +10 points")
    assert "Source: EC2 › Security groups" in feedback


def test_a_wrong_letter_starts_with_a_cross_names_the_option_picked_and_shows_the_answer():
    out = chat("quiz security groups", pick("first"))
    assert f"❌ Wrong: you picked {letter(out, 'first')} · first." in out
    assert f"Answer: {letter(out, 'fourth')} · fourth" in out


def test_choose_two_is_answered_with_two_letters():
    out = chat("quiz read replicas", pick("one", "three"))
    both = " ".join(sorted([letter(out, "one"), letter(out, "three")]))
    assert "Choose 2: type 2 letters" in out and f"✅ Right! {both}" in out


def test_a_second_answer_to_the_same_question_does_not_count():
    out = chat("quiz security groups", pick("fourth"), pick("first"))
    assert f"You already answered this with {letter(out, 'fourth')} (right); only your first answer counts." in out


def test_a_letter_before_any_question_says_to_quiz_first():
    assert "type 'quiz' first" in chat("b")


def test_leaderboard_and_stats_show_the_local_learner():
    out = chat("quiz security groups", pick("fourth"), "leaderboard", "stats")
    assert "Leaderboard · this week (UTC)" in out and "1. " in out and "← you" in out
    assert "Answered 1, right 1 (100%), 10 points" in out and "Streak: 1 day (best 1)" in out


def test_review_and_explain_work_from_the_console():
    out = chat("review", "quiz security groups", "a", "review", "explain ec2-sg")
    assert "Nothing to review yet" in out and "Nothing is due for review" in out
    assert "ec2-sg: Stem of ec2-sg?" in out and "Why ec2-sg: because." in out


def test_help_lists_the_commands_and_how_to_answer():
    out = chat("help")
    assert "quiz [topic]" in out and "leaderboard [today|week|month|all]" in out and "a c" in out


def test_bad_input_gets_a_clear_message_and_the_loop_goes_on():
    out = chat("frobnicate", "explain", "leaderboard decade", "explain nope", "quiz kinesis shards", "ask rds proxy")
    assert "Unknown command 'frobnicate'" in out and "Usage: explain <question id>" in out
    assert "Usage: leaderboard" in out and "No question has the id \"nope\"" in out
    assert "nothing on \"kinesis shards\"" in out and "Amazon RDS Proxy" in out


def test_quit_and_end_of_input_both_exit_cleanly():
    assert chat("quit", "quiz").count("Question ·") == 0
    assert chat().startswith(console.GREETING)


def test_every_reply_type_renders_as_plain_text():
    ana = Learner("console", "local", "ana", "Ana")
    a = (Choice("A", "RDS Proxy"),)
    replies = [
        Text("hello"), FoundPassage("q", "rds/x", ("RDS", "X"), "text", "n.md:1-2"), NothingFound("kinesis", ("RDS",)),
        Question("i1", "q1", "RDS", "Stem?", a + (Choice("B", "other"),)), Explanation("q1", "Stem?", a, "Because."),
        Feedback("q1", True, ("A",), a, "Because.", ("RDS",), points=10),
        Feedback("q1", False, ("B",), a, "Because."), TopicList((Topic("RDS", 3, 2),)),
        Leaderboard("week", "UTC", (Standing(1, ana, 10, 1, 1, True),)),
        Leaderboard("today", "UTC", (Standing(1, ana, 10, 1, 1),), asker=Standing(14, ana, 1, 2, 1, True)),
        Stats(ana, 4, 2, 20, 1, 3, (TopicAccuracy("RDS", 4, 2, "quiz rds"),),
              (TopicAccuracy("RDS", 4, 2, "quiz rds"),), reviews_due=2),
        HelpText((("help", "this list"),)), DailySummary("t", "q1", "Stem?", a, "Because.", 3, 2, ana),
    ]
    for reply in replies:
        text = console.render(reply)
        assert text and not text.startswith(type(reply).__name__ + "("), type(reply).__name__
    assert console.render(replies[5]).startswith("✅") and console.render(replies[6]).startswith("❌")
    assert "14." in console.render(replies[9]) and "type 'quiz rds'" in console.render(replies[10])


def test_an_explanation_names_the_answer_by_its_text_not_a_letter_of_some_other_showing():
    from bot.adapters.console import render
    from bot.core.messages import Choice, Explanation

    text = render(Explanation("rds-x", "Which one?", (Choice("C", "RDS Proxy"),), "It pools connections."))
    assert "Answer: RDS Proxy" in text
    assert "C ·" not in text


def test_daily_and_setup_in_the_console_say_where_the_question_of_the_day_lives():
    out = chat("daily", "setup here 09:00")
    assert out.count("posted in Discord and Slack channels by 'dva serve'") == 2
    assert "Only the group's admins" not in out


def test_a_daily_question_says_its_explanation_comes_when_it_closes():
    from dataclasses import replace as with_

    daily = with_(Question("i1", "q1", "RDS", "What?", (Choice("A", "a"), Choice("B", "b"))), daily=True)
    text = console.render(daily)
    assert "'explain q1' once this daily question closes" in text and "after answering" not in text
