"""``review``: spaced repetition with FSRS; every answered question is a card of its learner."""

import json
from datetime import datetime, timedelta, timezone

import fsrs

from bot.core.quiz import review
from bot.core.messages import Question, Review, Text
from quiz_kit import NOW, answer, answer_right, answer_wrong, days, learner, right, world


def do_review(practice, who, now):
    [reply] = practice.handle(Review(who), now)
    return reply


def test_there_is_nothing_to_review_before_any_answer():
    store, practice = world()
    reply = do_review(practice, learner(), NOW)
    assert isinstance(reply, Text) and "Nothing to review" in reply.text


def test_a_wrong_answer_comes_back_sooner_than_a_right_one():
    store, practice = world()
    ana = learner()
    missed = answer_wrong(practice, ana, "rds-proxy")
    known = answer_right(practice, ana, "ec2-sg")
    assert NOW < missed.next_review < known.next_review


def test_review_says_when_the_next_card_is_due_when_none_is_due_yet():
    store, practice = world()
    ana = learner()
    answer_right(practice, ana, "rds-proxy")
    reply = do_review(practice, ana, NOW)
    assert isinstance(reply, Text) and "Nothing is due" in reply.text and "in 10 minutes" in reply.text


def test_review_serves_the_most_overdue_card_as_a_review_question():
    store, practice = world()
    ana = learner()
    answer_right(practice, ana, "ec2-sg")  # due later
    answer_wrong(practice, ana, "rds-proxy")  # due sooner
    reply = do_review(practice, ana, NOW + days(30))
    assert isinstance(reply, Question) and reply.review and reply.question_id == "rds-proxy"
    assert "1 more due now" in reply.note


def test_the_review_note_says_when_the_next_card_is_due():
    store, practice = world()
    ana = learner()
    answer_wrong(practice, ana, "rds-proxy")
    answer_right(practice, ana, "ec2-sg", now=NOW + days(1))
    reply = do_review(practice, ana, NOW + days(0.5))
    assert reply.question_id == "rds-proxy" and "the next is due in" in reply.note


def test_answering_a_review_reschedules_its_card_further_out():
    store, practice = world()
    ana = learner()
    first = answer_right(practice, ana, "rds-proxy")
    later = NOW + days(1)
    card = do_review(practice, ana, later)
    again = answer(practice, ana, card, *right(card), now=later)
    assert again.counted and again.next_review - later > first.next_review - NOW


def test_card_state_lives_in_the_database_as_fsrs_json():
    store, practice = world()
    ana = learner()
    answer_right(practice, ana, "rds-proxy")
    learner_id = store.find_learner(ana.platform, ana.group, ana.user)
    card = fsrs.Card.from_dict(json.loads(store.card(learner_id, "rds-proxy")))
    assert card.last_review == NOW and card.due > NOW


def test_when_reads_like_a_person_would_say_it():
    assert review.when(NOW + days(3), NOW) == "in 3 days"
    assert review.when(NOW - days(1 / 24), NOW) == "1 hour ago"
    assert review.when(NOW, NOW) == "now"
    assert review.when(NOW + days(1 / 3000), NOW) == "in under a minute"


def test_a_first_answer_schedules_its_card_exactly_as_fsrs_does_whatever_the_moment():
    for n, now in enumerate([datetime(2026, 3, 29, 0, 59, 59, 123456, tzinfo=timezone.utc),
                             datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=2))),
                             datetime(2031, 2, 28, 23, 59, tzinfo=timezone.utc)]):
        for correct in (True, False):
            moment = now.astimezone(timezone.utc)
            expected, _ = review.SCHEDULER.review_card(
                fsrs.Card(card_id=review.card_id(n, "q"), due=moment),
                fsrs.Rating.Good if correct else fsrs.Rating.Again, moment)
            card, due = review.rate(None, correct, now, n, "q")
            assert json.loads(card) == dict(expected.to_dict()) and due == expected.due
