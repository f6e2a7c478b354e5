"""Each question instance shows its options in its own order, so a learner who meets a question
again cannot answer by remembering a letter's position. The order is a pure function of the
instance id; the database keeps the bank's letters."""

import sqlite3

import db
from bot.core.quiz import shuffle
from bot.core.quiz.practice import Practice
from db.migrations import MIGRATIONS
from quiz_kit import NOW, QUESTIONS, answer, bank_question, days, learner, library, right, serve, shown, world, wrong


# --- what a learner sees -----------------------------------------------------------------


def test_two_instances_of_a_question_can_order_its_options_differently():
    store, practice = world()
    ana = learner()
    orders = {tuple(c.text for c in serve(practice, ana, "rds-proxy").choices) for _ in range(20)}
    assert len(orders) > 1
    assert all(sorted(order) == ["first", "fourth", "second", "third"] for order in orders)
    assert {c.letter for c in serve(practice, ana, "rds-proxy").choices} == {"A", "B", "C", "D"}


def test_a_click_after_a_restart_grades_against_the_order_that_was_shown():
    store, practice = world()
    ana, ben = learner("ana"), learner("ben")
    question = serve(practice, ana, "ec2-store")
    restarted = Practice(store, library(), list(QUESTIONS))
    again = restarted.show_instance(question.instance, NOW)
    assert again.choices == question.choices  # the same order, with nothing stored for it
    reply = answer(restarted, ana, question, shown(question, "third"))
    assert reply.correct and reply.chosen == (shown(question, "third"),)
    assert answer(restarted, ben, question, shown(question, "first")).correct is False


def test_true_false_keeps_its_order():
    store, practice = world()
    ana = learner()
    for _ in range(10):
        question = serve(practice, ana, "ec2-ebs")
        assert [(c.letter, c.text) for c in question.choices] == [("A", "True"), ("B", "False")]


def test_an_answer_is_kept_in_the_banks_letters_whatever_order_was_shown():
    store, practice = world()
    ana = learner()
    questions = [serve(practice, ana, "rds-replicas", now=NOW + days(day)) for day in range(6)]
    assert len({tuple(c.text for c in question.choices) for question in questions}) > 1  # shown differently
    for day, question in enumerate(questions):
        answer(practice, ana, question, *right(question), now=NOW + days(day))
    ana_id = store.find_learner(ana.platform, ana.group, ana.user)
    stored = [store.answer_of(question.instance, ana_id)["chosen"] for question in questions]
    assert stored == ["AC"] * 6  # "one" and "three", as the bank letters them


def test_a_second_click_names_the_first_answer_by_the_letter_it_was_shown_under():
    store, practice = world()
    ana = learner()
    question = serve(practice, ana, "rds-multi-az")
    first = wrong(question)
    answer(practice, ana, question, first)
    again = answer(practice, ana, question, *right(question), now=NOW + days(0.01))
    assert again.counted is False and again.chosen == (first,)
    assert [(c.letter, c.text) for c in again.answer] == [(shown(question, "second"), "second")]


def test_a_button_posted_before_shuffling_keeps_the_banks_order(monkeypatch):
    store, practice = world()
    ana = learner()
    question = next(q for q in (serve(practice, ana, "ec2-store") for _ in range(20))
                    if [c.text for c in q.choices] != ["first", "second", "third", "fourth"])
    stored = store.instance

    def instance(instance_id):  # read as a row written before shuffling (the migration test below)
        row = stored(instance_id)
        return row and {**row, "shuffled": 0}

    monkeypatch.setattr(store, "instance", instance)
    restarted = Practice(store, library(), list(QUESTIONS))
    again = restarted.show_instance(question.instance, NOW)
    assert [c.text for c in again.choices] == ["first", "second", "third", "fourth"]
    assert answer(restarted, ana, again, "C").correct


def test_upgrading_marks_the_instances_already_shown_as_in_the_banks_order():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for version, sql in enumerate(MIGRATIONS[:3], start=1):  # a database from before shuffling
        conn.executescript(sql)
        conn.execute("INSERT INTO schema_migrations VALUES (?, '')", (version,))
    conn.execute("INSERT INTO instances (id, question_id, group_id, mode, created_at)"
                 " VALUES ('old', 'rds-proxy', 'G1', 'practice', '2026-11-25T09:00:00+00:00')")
    db.migrate(conn)
    conn.execute("INSERT INTO instances (id, question_id, group_id, mode, created_at)"
                 " VALUES ('new', 'rds-proxy', 'G1', 'practice', '2026-11-26T09:00:00+00:00')")
    assert dict(conn.execute("SELECT id, shuffled FROM instances")) == {"old": 0, "new": 1}


# --- the order itself (bot.core.quiz.shuffle) ---------------------------------------------------


def test_the_order_depends_only_on_the_instance_id():
    assert shuffle.order("inst-1", 5) == shuffle.order("inst-1", 5)
    assert len({shuffle.order(f"inst-{n}", 5) for n in range(50)}) > 10


def test_the_order_is_a_permutation_of_the_options():
    for n in range(50):
        assert sorted(shuffle.order(f"inst-{n}", 4)) == [0, 1, 2, 3]


def test_the_order_is_the_same_in_every_process():
    # a SHA-256 of the id, never hash(): a button clicked after a restart maps the same way
    assert shuffle.order("fixed-instance-id", 4) == (0, 3, 2, 1)


def test_without_an_instance_and_for_true_false_the_order_is_the_banks():
    assert shuffle.order(None, 4) == (0, 1, 2, 3)
    assert shuffle.order("inst-1", 2, "truefalse") == (0, 1)


def test_shown_and_bank_letters_map_back_and_forth():
    question = bank_question("rds-replicas")
    for n in range(30):
        instance = f"inst-{n}"
        shown = shuffle.to_shown(question.answers, question, instance)
        assert shuffle.to_bank(shown, question, instance) == question.answers
        key = shuffle.key(question, instance)
        assert tuple(c.letter for c in key) == shown and {c.text for c in key} == {"one", "three"}


def test_the_choices_shown_carry_every_option_once_lettered_in_order():
    for question in QUESTIONS:
        choices = shuffle.choices(question, "inst-7")
        assert [c.letter for c in choices] == list("ABCDE"[: len(question.options)])
        assert sorted(c.text for c in choices) == sorted(question.options)


def test_the_right_option_lands_in_every_position_about_equally_often():
    positions = [shuffle.order(f"instance-{n}", 4).index(0) for n in range(4000)]
    assert all(900 < positions.count(p) < 1100 for p in range(4))
