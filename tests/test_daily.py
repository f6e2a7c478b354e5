"""The question of the day in the core: ``setup``, ``daily``, which question comes next, the summary.

Real pieces throughout (SQLite in memory, the notes parser, the lookup's
Library, the quiz engine); the scheduler's side is in test_scheduler.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.core.daily.posts import DailyQuestions, pick_question
from bot.core.messages import Answer, Daily, DailySummary, Learner, Question, Setup, ShowStats, Text
from bot.core.daily.slots import Slot, due_slot, parse_weekdays
from bot.core.quiz.tutor import Tutor
from quiz_kit import QUESTIONS, bank_question, learner, q, right, world

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)  # a Thursday
TARGET = "discord:500"
ADMIN = Learner("discord", "G1", "boss", "Boss")


def daily_world(questions=QUESTIONS):
    store, practice = world(questions)
    changes: list[str] = []
    return store, practice, DailyQuestions(store, practice, on_change=changes.append), changes


def setup(daily: DailyQuestions, time: str = "09:00", *, tz: str | None = "Europe/Berlin",
          weekdays: str | None = None, topic: str | None = None, admin: bool = True,
          off: bool = False, target: str = TARGET, who: Learner = ADMIN, now: datetime = NOW) -> Text:
    [reply] = daily.handle(Setup(who, target, "#study", time, tz, weekdays, topic, off, admin), now)
    return reply


def post(daily: DailyQuestions, target: str = TARGET, at: datetime = NOW) -> Question:
    """Open the next daily question for ``target`` as the scheduler would."""
    schedule = daily.schedule(target)
    local = at.astimezone(schedule.zone)
    slot = Slot(schedule, local.date(), at)
    assert daily.claim(slot, at)
    question = daily.open(slot, at)
    daily.posted(slot, "ref-" + question.instance, at)
    return question


# --- setup -------------------------------------------------------------------------


def test_an_admin_sets_up_the_daily_question_for_a_channel():
    store, _, daily, changes = daily_world()
    reply = setup(daily, "9:05", weekdays="mon-fri")
    assert not reply.error
    assert "#study" in reply.text and "09:05 Europe/Berlin" in reply.text and "Monday to Friday" in reply.text
    assert "First one: Fri 27 Nov 09:05" in reply.text
    [schedule] = daily.schedules()
    assert (schedule.target, schedule.time, schedule.timezone, schedule.weekdays) == (
        TARGET, "09:05", "Europe/Berlin", (0, 1, 2, 3, 4))
    assert changes == [TARGET]  # the scheduler is told at once


def test_setup_is_refused_to_someone_who_is_not_an_admin_and_changes_nothing():
    _, _, daily, changes = daily_world()
    reply = setup(daily, admin=False, who=Learner("discord", "G1", "pupil"))
    assert reply.error and "admin" in reply.text
    assert daily.schedules() == [] and changes == []


@pytest.mark.parametrize("time", ["25:00", "9am", "09:60", "", "0900"])
def test_a_time_that_is_not_24_hour_hh_mm_is_refused(time):
    _, _, daily, changes = daily_world()
    reply = setup(daily, time)
    assert reply.error and "HH:MM" in reply.text
    assert daily.schedules() == [] and changes == []


@pytest.mark.parametrize("tz", ["Mars/Olympus", "Europe/Berlinn", "../../etc/passwd", "/etc/localtime"])
def test_a_timezone_zoneinfo_does_not_know_is_refused(tz):
    _, _, daily, _ = daily_world()
    reply = setup(daily, tz=tz)
    assert reply.error and "IANA" in reply.text
    assert daily.schedules() == []


def test_without_a_timezone_the_groups_timezone_is_used_else_utc():
    store, _, daily, _ = daily_world()
    setup(daily, tz=None)
    assert daily.schedule(TARGET).timezone == "UTC"
    store.set_group_timezone("G1", "Asia/Tokyo")
    setup(daily, tz=None, target="discord:501")
    assert daily.schedule("discord:501").timezone == "Asia/Tokyo"


def test_a_timezone_given_at_setup_becomes_the_groups_for_streaks_and_leaderboards():
    store, _, daily, _ = daily_world()
    setup(daily, tz="America/New_York")
    assert store.group_timezone("G1") == "America/New_York"


def test_weekdays_are_validated():
    _, _, daily, _ = daily_world()
    assert setup(daily, weekdays="someday").error
    assert daily.schedules() == []
    assert parse_weekdays("weekends") == (5, 6)
    assert parse_weekdays("fri-mon") == (0, 4, 5, 6)
    assert parse_weekdays("mon,wed,friday") == (0, 2, 4)


def test_a_topic_the_notes_do_not_cover_is_refused_as_quiz_refuses_it():
    _, practice, daily, changes = daily_world()
    reply = setup(daily, topic="kubernetes operators")
    assert reply == practice.quiz(learner(), "kubernetes operators", NOW)
    assert reply.error and "kubernetes operators" in reply.text and "RDS" in reply.text
    assert daily.schedules() == [] and changes == []


def test_setup_with_a_topic_that_has_no_questions_is_refused():
    _, _, daily, changes = daily_world([x for x in QUESTIONS if x.topic == "RDS"])
    reply = setup(daily, topic="security groups")  # in the notes, but no question cites it
    assert reply.error and "no questions on \"security groups\" yet" in reply.text
    assert daily.schedules() == [] and changes == []


def test_the_topic_is_kept_as_the_admin_typed_it():
    _, _, daily, _ = daily_world()
    reply = setup(daily, topic="rds  proxy")
    assert not reply.error and "topic rds proxy" in reply.text
    assert daily.schedule(TARGET).topic == "rds proxy"


def test_setup_in_a_direct_message_is_refused():
    _, _, daily, _ = daily_world()
    reply = setup(daily, who=Learner("discord", "dm:boss", "boss", direct=True))
    assert reply.error and daily.schedules() == []


def test_setup_off_stops_the_daily_question():
    _, _, daily, changes = daily_world()
    setup(daily)
    reply = setup(daily, off=True, time="")
    assert not reply.error and "stopped" in reply.text
    assert daily.schedules() == [] and changes == [TARGET, TARGET]
    assert "no daily question" in setup(daily, off=True, time="").text


def test_setup_goes_through_the_tutor_like_every_command():
    store, practice = world()
    tutor = Tutor(lookup=None, practice=practice, schedule=DailyQuestions(store, practice))
    [reply] = tutor.handle(Setup(ADMIN, TARGET, "#study", "07:30", "UTC", is_admin=True), NOW)
    assert not reply.error and "07:30 UTC" in reply.text


# --- daily -----------------------------------------------------------------------


def test_daily_shows_the_channels_open_question_to_someone_who_missed_the_post():
    _, _, daily, _ = daily_world()
    setup(daily)
    posted = post(daily)
    [shown] = daily.handle(Daily(learner("late"), TARGET), NOW + timedelta(hours=3))
    assert isinstance(shown, Question) and shown.daily
    assert shown.instance == posted.instance  # answering it counts for the daily


def test_daily_says_so_when_the_channel_has_no_open_question():
    _, _, daily, _ = daily_world()
    [reply] = daily.handle(Daily(learner(), TARGET), NOW)
    assert isinstance(reply, Text) and "no open daily question" in reply.text


def test_daily_shows_the_question_until_it_closes_and_then_says_none_is_open():
    _, _, daily, _ = daily_world()
    setup(daily)
    question = post(daily)
    [before] = daily.handle(Daily(learner(), TARGET), question.closes_at - timedelta(minutes=1))
    [after] = daily.handle(Daily(learner(), TARGET), question.closes_at)
    assert getattr(before, "instance", None) == question.instance
    assert not after.error and after.text.startswith("There is no open daily question here.")


def test_a_daily_question_stays_open_until_the_next_slot():
    _, _, daily, _ = daily_world()
    setup(daily, "09:00", tz="Europe/Berlin")
    question = post(daily, at=datetime(2026, 11, 27, 8, 0, tzinfo=timezone.utc))  # Fri 09:00 Berlin
    assert question.closes_at == datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)


# --- which question next -------------------------------------------------------------


def test_a_channel_gets_no_repeat_until_the_pool_is_used_up():
    _, _, daily, _ = daily_world()
    setup(daily)
    seen = [post(daily, at=NOW + timedelta(days=i)).question_id for i in range(len(QUESTIONS) + 2)]
    first_round = seen[:len(QUESTIONS)]
    assert sorted(first_round) == sorted(x.id for x in QUESTIONS)
    assert seen[len(QUESTIONS)] in first_round  # only then a question comes back


def test_topics_rotate_from_one_day_to_the_next():
    pool = [("r1", "RDS"), ("r2", "RDS"), ("r3", "RDS"), ("e1", "EC2"), ("s1", "S3")]
    history: list[str] = []
    for _ in range(5):
        history.append(pick_question(pool, history, TARGET))
    topics = [dict(pool)[qid] for qid in history]
    assert sorted(topics[:3]) == ["EC2", "RDS", "S3"]  # every topic before any comes back
    assert all(a != b for a, b in zip(topics, topics[1:3]))
    assert sorted(history) == sorted(dict(pool))


def test_channels_set_up_alike_do_not_all_get_the_same_first_question():
    _, _, daily, _ = daily_world()
    targets = [f"discord:{n}" for n in range(600, 606)]
    for target in targets:
        setup(daily, target=target)
    assert len({post(daily, target).question_id for target in targets}) > 1


def test_a_channel_gets_the_same_questions_in_the_same_order_whatever_the_bots_random_seed():
    orders = []
    for seed in (1, 2):
        store, practice = world(seed=seed)
        daily = DailyQuestions(store, practice)
        setup(daily)
        orders.append([post(daily, at=NOW + timedelta(days=i)).question_id for i in range(len(QUESTIONS))])
    assert orders[0] == orders[1]
    assert sorted(orders[0]) == sorted(x.id for x in QUESTIONS)


def test_with_an_empty_question_bank_nothing_is_opened_and_daily_says_none_is_open():
    _, _, daily, _ = daily_world(())
    setup(daily)
    schedule = daily.schedule(TARGET)
    slot = Slot(schedule, NOW.astimezone(schedule.zone).date(), NOW)
    assert daily.claim(slot, NOW)
    assert daily.open(slot, NOW) is None  # the scheduler then posts nothing and logs a warning
    [reply] = daily.handle(Daily(learner(), TARGET), NOW)
    assert reply.text.startswith("There is no open daily question here.")


def test_a_topic_filter_keeps_the_daily_on_that_topic():
    _, _, daily, _ = daily_world()
    setup(daily, topic="rds")
    picked = {post(daily, at=NOW + timedelta(days=i)).topic for i in range(4)}
    assert picked == {"RDS"}


@pytest.mark.parametrize("topic", ["rds proxy", "security groups", "read replicas", "rds", "ec2"])
def test_a_daily_topic_means_what_the_same_words_mean_to_quiz(topic):
    _, practice, daily, _ = daily_world()
    setup(daily, topic=topic)
    quizzed = {practice.quiz(learner(f"q{i}"), topic, NOW).question_id for i in range(30)}
    posted = {post(daily, at=NOW + timedelta(days=i)).question_id for i in range(len(QUESTIONS))}
    assert posted == quizzed


def test_a_narrow_topic_serves_only_its_questions_not_its_whole_section():
    _, _, daily, _ = daily_world()
    setup(daily, topic="rds proxy")
    posted = [post(daily, at=NOW + timedelta(days=i)).question_id for i in range(3)]
    assert posted == ["rds-proxy"] * 3  # not read replicas or Multi-AZ


def test_a_topic_left_without_questions_falls_back_to_the_whole_bank_with_a_warning(caplog):
    store, _, daily, _ = daily_world()
    # set up when the notes had questions on it; the bank no longer has any
    store.save_schedule(TARGET, "discord", "G1", "09:00", "UTC", "*", "kinesis shards", "#study", "boss", NOW)
    question = post(daily)
    assert question.question_id in {x.id for x in QUESTIONS}
    [warning] = [r for r in caplog.records if r.levelname == "WARNING"]
    assert TARGET in warning.getMessage() and "kinesis shards" in warning.getMessage()


def test_written_questions_are_preferred_over_generated_ones():
    questions = QUESTIONS + (q("gen-1", "EC2", ("A",), ("ec2/ebs-volume",), generated=True),)
    _, _, daily, _ = daily_world(questions)
    setup(daily)
    picked = {post(daily, at=NOW + timedelta(days=i)).question_id for i in range(len(QUESTIONS))}
    assert "gen-1" not in picked


# --- the summary -------------------------------------------------------------------------


def test_a_closed_daily_question_is_summed_up_with_the_first_right_answer():
    _, practice, daily, _ = daily_world()
    setup(daily)
    question = post(daily)
    good = right(question)
    bad = tuple(c.letter for c in question.choices if c.letter not in good)[: len(good)]
    for minutes, who, letters in ((1, "ana", bad), (2, "ben", good), (3, "cy", good), (4, "ana", good)):
        practice.handle(Answer(learner(who), question.instance, letters), NOW + timedelta(minutes=minutes))
    [(ref, summary)] = daily.close_previous(TARGET, keep="next", now=NOW + timedelta(days=1))
    assert ref == "ref-" + question.instance
    assert isinstance(summary, DailySummary)
    assert (summary.answered, summary.correct) == (3, 2)  # ana's second click does not count
    assert summary.first_right.user == "ben"
    assert summary.answer and summary.explanation and summary.stem
    assert daily.close_previous(TARGET, keep="next", now=NOW + timedelta(days=1)) == []  # closed once


def test_the_daily_summary_names_the_answer_as_it_was_shown():
    _, practice, daily, _ = daily_world()
    setup(daily)
    posted = [post(daily, at=NOW + timedelta(days=i)) for i in range(len(QUESTIONS))]
    for question in posted:
        summary = daily.summary(TARGET, question.question_id, question.instance)
        shown = {c.letter: c.text for c in question.choices}
        assert tuple(c.letter for c in summary.answer) == right(question)
        assert all(shown[c.letter] == c.text for c in summary.answer)
    assert any(right(question) != bank_question(question.question_id).answers for question in posted)


def test_slots_before_a_schedule_was_set_are_never_due():
    _, _, daily, _ = daily_world()
    setup(daily, "11:30", tz="UTC", now=NOW)  # set at 12:00, half an hour after today's slot
    assert due_slot(daily.schedule(TARGET), NOW + timedelta(minutes=5)) is None
    tomorrow = datetime(2026, 11, 27, 11, 30, tzinfo=timezone.utc)
    assert due_slot(daily.schedule(TARGET), tomorrow).at == tomorrow


def test_daily_answers_make_a_streak_counted_in_the_groups_timezone():
    _, practice, daily, _ = daily_world()
    setup(daily, "08:00", tz="Asia/Tokyo")
    ana = Learner("discord", "G1", "ana")
    first = post(daily, at=datetime(2026, 11, 26, 23, 0, tzinfo=timezone.utc))  # 27th 08:00 in Tokyo
    second = post(daily, at=datetime(2026, 11, 27, 23, 0, tzinfo=timezone.utc))  # 28th 08:00 in Tokyo
    # both answered on the 27th in UTC, but on the 27th and the 28th in Tokyo
    practice.handle(Answer(ana, first.instance, right(first)),
                    datetime(2026, 11, 27, 14, 0, tzinfo=timezone.utc))
    practice.handle(Answer(ana, second.instance, right(second)),
                    datetime(2026, 11, 27, 23, 30, tzinfo=timezone.utc))
    [stats] = practice.handle(ShowStats(ana), datetime(2026, 11, 27, 23, 45, tzinfo=timezone.utc))
    assert stats.streak == 2
