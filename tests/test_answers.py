"""Answering a question: right or wrong, the first answer counts, nothing recorded twice."""

import pytest

from bot.core.quiz import rules
from bot.core.messages import Answer, Explain, Feedback, Text
from bot.core.quiz.practice import Practice
from quiz_kit import NOW, QUESTIONS, answer, days, learner, library, right, serve, shown, world, wrong


def points_of(store, who, period="all"):
    row = store.score_of(who.group, period, store.find_learner(who.platform, who.group, who.user))
    return row["points"] if row else 0


def answers_to(store, instance):
    """How many answers to ``instance`` are on record, from anyone (read through the store's port)."""
    return store.instance_results(instance)["answered"]


def test_a_right_answer_scores_and_shows_the_explanation_and_the_source_heading():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-proxy")
    reply = answer(practice, ana, question, *right(question))
    assert isinstance(reply, Feedback) and reply.correct and reply.counted
    assert reply.points == rules.PRACTICE_POINTS
    assert [c.letter for c in reply.answer] == [shown(question, "first")] and reply.answer[0].text == "first"
    assert reply.explanation == "Why rds-proxy: because."
    assert reply.heading == ("RDS", "Amazon RDS Proxy")
    assert points_of(store, ana) == rules.PRACTICE_POINTS


def test_a_wrong_answer_shows_the_right_option_and_scores_nothing():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "ec2-store")
    bad = wrong(question)
    reply = answer(practice, ana, question, bad.lower())
    assert not reply.correct and reply.chosen == (bad,)
    assert [(c.letter, c.text) for c in reply.answer] == [(shown(question, "third"), "third")]
    assert reply.points == 0
    assert points_of(store, ana) == 0


def test_second_click_does_not_change_the_score_and_describes_the_first_answer():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-proxy")
    answer(practice, ana, question, wrong(question))
    again = answer(practice, ana, question, *right(question), now=NOW + days(0.01))
    assert again.counted is False and again.correct is False and again.chosen == (wrong(question),)
    assert points_of(store, ana) == 0 and answers_to(store, question.instance) == 1


def test_the_same_event_delivered_twice_is_recorded_once_and_gets_the_same_reply():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-proxy")
    first = answer(practice, ana, question, *right(question), event="evt-1")
    second = answer(practice, ana, question, *right(question), event="evt-1")
    assert first.points == second.points == rules.PRACTICE_POINTS and second.counted
    assert answers_to(store, question.instance) == 1 and points_of(store, ana) == rules.PRACTICE_POINTS


def test_choose_two_needs_exactly_two_letters_and_records_nothing_otherwise():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-replicas")
    for letters in (("A",), ("A", "C", "D")):
        reply = answer(practice, ana, question, *letters)
        assert isinstance(reply, Text) and reply.error and "exactly 2 letters" in reply.text
    assert answers_to(store, question.instance) == 0
    assert answer(practice, ana, question, *reversed(right(question))).correct


def test_choose_two_with_one_right_letter_is_wrong():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-replicas")
    reply = answer(practice, ana, question, right(question)[0], wrong(question))
    assert not reply.correct and reply.points == 0
    assert [c.letter for c in reply.answer] == list(right(question))
    assert {c.text for c in reply.answer} == {"one", "three"}


def test_a_letter_out_of_range_is_refused_and_nothing_recorded():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "ec2-ebs")
    reply = answer(practice, ana, question, "C")  # true/false: A or B
    assert isinstance(reply, Text) and reply.error and "A, B" in reply.text
    assert answers_to(store, question.instance) == 0


def test_an_unknown_instance_is_refused_clearly():
    store, practice = world()
    [reply] = practice.handle(Answer(learner(), "no-such-instance", ("A",)), NOW)
    assert isinstance(reply, Text) and reply.error and "quiz" in reply.text
    assert answers_to(store, "no-such-instance") == 0


def test_a_closed_question_is_refused_and_nothing_recorded():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-proxy", mode="daily", closes_at=NOW + days(1))
    reply = answer(practice, ana, question, "A", now=NOW + days(1))
    assert isinstance(reply, Text) and reply.error and "closed" in reply.text
    assert answers_to(store, question.instance) == 0


def test_a_daily_answer_is_worth_more_than_practice():
    store, practice = world()
    ana, ben = learner("ana"), learner("ben")
    daily = practice.open_daily("rds-proxy", "G1", "test:channel", NOW, NOW + days(1))
    answer(practice, ana, daily, *right(daily))
    practice_question = serve(practice, ben, "rds-proxy")
    answer(practice, ben, practice_question, *right(practice_question))
    assert points_of(store, ana) == rules.DAILY_POINTS > points_of(store, ben)


def test_everyone_in_the_channel_can_answer_the_same_daily_once():
    store, practice = world()
    daily = practice.open_daily("rds-proxy", "G1", "test:channel", NOW, NOW + days(1))
    for user in ("ana", "ben", "cy"):
        assert answer(practice, learner(user), daily, *right(daily)).counted
    assert answers_to(store, daily.instance) == 3
    assert store.instance_results(daily.instance)["first_right"]["user"] == "ana"


def right_answer(practice, who, now):
    """Serve ``who`` the rds-proxy question at ``now`` and answer it right."""
    question = serve(practice, who, "rds-proxy", now=now)
    return answer(practice, who, question, *right(question), now=now)


def test_practice_cannot_be_farmed_the_same_day_but_scores_again_tomorrow():
    store, practice = world()
    ana = learner()
    assert right_answer(practice, ana, NOW).points == 10
    repeat = right_answer(practice, ana, NOW + days(0.1))
    assert repeat.correct and repeat.points == 0
    tomorrow = right_answer(practice, ana, NOW + days(1))
    assert tomorrow.points == rules.PRACTICE_POINTS + rules.streak_bonus(2)


def test_a_streak_longer_than_the_bonus_needs_earns_the_whole_bonus_and_a_broken_one_starts_again():
    store, practice = world()
    ana = learner()
    for day in range(12):
        reply = right_answer(practice, ana, NOW + days(day))
    assert (reply.points, reply.streak_bonus) == (rules.PRACTICE_POINTS + rules.STREAK_BONUS_CAP, rules.STREAK_BONUS_CAP)
    again = right_answer(practice, ana, NOW + days(13))  # day 12 missed
    assert (again.points, again.streak_bonus) == (rules.PRACTICE_POINTS, 0)


def test_a_click_after_a_restart_still_counts():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-proxy")
    restarted = Practice(store, library(), list(QUESTIONS))
    assert answer(restarted, ana, question, *right(question)).counted
    assert points_of(store, ana) == rules.PRACTICE_POINTS


class StorageFault(Exception):
    """A write the store could not make (a full disk, a lost connection)."""


def test_a_failed_write_leaves_no_half_recorded_answer(monkeypatch):
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-proxy")

    def save_cards(*args, **kwargs):  # the last write of the answer's transaction fails
        raise StorageFault("cards: disk I/O error")

    monkeypatch.setattr(store, "save_cards", save_cards)
    with pytest.raises(StorageFault):
        answer(practice, ana, question, *right(question))
    ana_id = store.find_learner(ana.platform, ana.group, ana.user)
    assert answers_to(store, question.instance) == 0 and store.answer_of(question.instance, ana_id) is None
    periods = rules.period_keys(NOW.date())  # today, this week, this month, all time
    assert [store.score_of(ana.group, period, ana_id) for period in periods] == [None] * len(periods)
    monkeypatch.undo()  # the store works again: the answer counts in full, once
    assert answer(practice, ana, question, *right(question)).counted
    assert answers_to(store, question.instance) == 1 and points_of(store, ana) == rules.PRACTICE_POINTS


def test_two_processes_on_one_database_record_a_redelivered_click_once(tmp_path):
    import db
    from db.store import Store

    path = tmp_path / "shared.db"
    first = Practice(Store(db.connect(path)), library(), list(QUESTIONS))
    second = Practice(Store(db.connect(path)), library(), list(QUESTIONS))
    ana = learner()
    question = serve(first, ana, "rds-proxy")
    assert answer(first, ana, question, *right(question), event="evt-9").counted
    assert answer(second, ana, question, *right(question), event="evt-9").points == 10  # the same reply again
    assert answer(second, ana, question, wrong(question)).counted is False
    ana_id = first.store.find_learner(ana.platform, ana.group, ana.user)
    assert answers_to(first.store, question.instance) == 1
    assert first.store.answer_of(question.instance, ana_id)["points"] == 10
    assert points_of(first.store, ana) == 10



def test_the_points_of_an_answer_say_what_they_were_for():
    from bot.adapters.console import render

    store, practice = world()
    ana = learner()
    right_answer(practice, ana, NOW)
    tomorrow = right_answer(practice, ana, NOW + days(1))
    assert (tomorrow.mode, tomorrow.streak_bonus) == ("practice", rules.streak_bonus(2))
    bonus = rules.streak_bonus(2)
    assert f"+{10 + bonus} points (10 practice + {bonus} streak bonus)" in render(tomorrow)


def test_explain_with_a_mistyped_id_offers_the_close_one():
    store, practice = world()
    [reply] = practice.handle(Explain(learner(), "rds-proxx"), NOW)
    assert isinstance(reply, Text) and "Did you mean 'rds-proxy'?" in reply.text
