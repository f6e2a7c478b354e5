"""Getting a practice question: on a topic, not a repeat, leaning toward weak topics."""

import random
import re

from bot.core.messages import Explain, Explanation, Question, Quiz, Text
from bot.core.quiz.practice import choose
from quiz_kit import NOW, QUESTIONS, answer_wrong, days, learner, q, right, serve, world


def test_quiz_on_a_topic_serves_a_question_on_that_topic():
    store, practice = world()
    for _ in range(5):
        [reply] = practice.handle(Quiz(learner(), "rds"), NOW)
        assert isinstance(reply, Question) and reply.topic == "RDS"


def test_quiz_on_a_passage_serves_the_questions_citing_it():
    store, practice = world()
    [reply] = practice.handle(Quiz(learner(), "security groups"), NOW)
    assert reply.question_id == "ec2-sg" and reply.heading == ("EC2", "Security groups")


def test_quiz_on_a_topic_the_notes_do_not_cover_says_so_and_lists_the_topics():
    store, practice = world()
    [reply] = practice.handle(Quiz(learner(), "kinesis shards"), NOW)
    assert isinstance(reply, Text) and reply.error
    assert "kinesis shards" in reply.text and "RDS" in reply.text and "EC2" in reply.text


def test_quiz_does_not_repeat_a_recent_question_while_others_remain():
    store, practice = world()
    ana = learner()
    served = [practice.handle(Quiz(ana), NOW + days(i / 100))[0].question_id for i in range(len(QUESTIONS))]
    assert sorted(served) == sorted(x.id for x in QUESTIONS)


def test_when_every_question_was_seen_the_least_recent_comes_back():
    store, practice = world()
    ana = learner()
    served = [practice.handle(Quiz(ana, "rds"), NOW + days(i / 100))[0].question_id for i in range(4)]
    assert served[3] == served[0]


def test_quiz_leans_toward_the_learners_weak_topics():
    pool = list(QUESTIONS)
    accuracy = {"EC2": (10, 1), "RDS": (10, 10)}
    rng = random.Random(1)
    picks = [choose(pool, [], accuracy, rng).topic for _ in range(2000)]
    assert picks.count("EC2") > 2 * picks.count("RDS")


def test_a_question_from_a_weak_topic_says_so():
    store, practice = world([x for x in QUESTIONS if x.topic == "EC2"])
    ana = learner()
    for i in range(3):
        answer_wrong(practice, ana, "ec2-store", now=NOW + days(i))
    [reply] = practice.handle(Quiz(ana), NOW + days(3))
    assert "weak topic" in reply.note and "EC2" in reply.note


def test_instance_ids_are_short_url_safe_and_never_repeat():
    store, practice = world()
    ids = {practice.handle(Quiz(learner()), NOW)[0].instance for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) <= 24 and re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)


def test_a_generated_question_is_marked_as_generated():
    generated = q("gen-sg", "EC2", ("A",), ("ec2/security-groups",), generated=True)
    store, practice = world([generated])
    [reply] = practice.handle(Quiz(learner()), NOW)
    assert reply.generated and reply.question_id == "gen-sg"


def test_a_choose_two_question_says_how_many_to_pick():
    store, practice = world()
    assert serve(practice, learner(), "rds-replicas").pick == 2


def test_no_questions_at_all_is_said_plainly():
    store, practice = world([])
    [reply] = practice.handle(Quiz(learner()), NOW)
    assert isinstance(reply, Text) and "no questions" in reply.text


def test_explain_gives_the_answer_the_explanation_and_the_source():
    store, practice = world()
    [reply] = practice.handle(Explain(learner(), "rds-replicas"), NOW)
    assert isinstance(reply, Explanation)
    assert [(c.letter, c.text) for c in reply.answer] == [("A", "one"), ("C", "three")]  # the bank's order
    assert reply.explanation == "Why rds-replicas: because." and reply.heading == ("RDS", "Read replicas")


def test_explain_accepts_a_question_instance_id_too():
    store, practice = world()
    shown = serve(practice, learner(), "ec2-sg")
    [reply] = practice.handle(Explain(learner(), shown.instance), NOW)
    assert reply.question_id == "ec2-sg"


def test_explain_of_an_instance_letters_the_answer_as_that_instance_showed_it():
    store, practice = world()
    for _ in range(10):
        shown = serve(practice, learner(), "rds-replicas")
        [reply] = practice.handle(Explain(learner(), shown.instance), NOW)
        assert tuple(c.letter for c in reply.answer) == right(shown)
        assert {c.text for c in reply.answer} == {"one", "three"}


def test_explain_of_an_unknown_id_says_so():
    store, practice = world()
    [reply] = practice.handle(Explain(learner(), "no-such-question"), NOW)
    assert isinstance(reply, Text) and reply.error and "no-such-question" in reply.text


def test_explain_of_an_open_daily_question_waits_until_it_closes():
    store, practice = world()
    practice.open_daily("rds-proxy", "G1", "test:channel", NOW, NOW + days(1))
    [refused] = practice.handle(Explain(learner(), "rds-proxy"), NOW)
    assert isinstance(refused, Text) and "open daily" in refused.text
    [later] = practice.handle(Explain(learner(), "rds-proxy"), NOW + days(1))
    assert isinstance(later, Explanation)


def test_the_daily_question_is_an_instance_of_mode_daily_shown_again_by_its_id():
    store, practice = world()
    daily = practice.open_daily("ec2-sg", "G1", "test:channel", NOW, NOW + days(1))
    assert daily.daily and daily.closes_at == NOW + days(1)
    again = practice.show_instance(daily.instance, NOW)
    assert again.instance == daily.instance and again.daily
    assert practice.show_instance("nope", NOW) is None


def test_the_daily_pool_and_topics_come_from_the_bank_and_the_notes():
    store, practice = world()
    assert ("rds-proxy", "RDS") in practice.daily_pool()
    assert practice.daily_pool("rds proxy") == [("rds-proxy", "RDS")]  # what 'quiz rds proxy' serves
    assert practice.daily_pool("kinesis shards") == practice.quiz(learner(), "kinesis shards", NOW)
    stem, key, explanation = practice.question_facts("ec2-store")
    assert key[0].letter == "C" and explanation.startswith("Why")  # no instance: the bank's letters
    daily = practice.open_daily("ec2-store", "G1", "test:channel", NOW, NOW + days(1))
    stem, key, explanation = practice.question_facts("ec2-store", daily.instance)
    assert (key[0].letter, key[0].text) == (right(daily)[0], "third")


LAMBDA = """
## Lambda

1. Lambda timeout : A function can run for up to 900 seconds per invocation.
2. Lambda layers : A function can use up to 5 layers at the same time.
"""


def real_practice(extra_notes: str = ""):
    from pathlib import Path

    import db
    from bot.core.lookup.notes import parse
    from bot.core.quiz.practice import Practice
    from bot.core.bank.questions import load_bank
    from bot.core.lookup.search import Library
    from db.store import Store

    root = Path(__file__).resolve().parent.parent
    text = (root / "content/notes/dva-notes.md").read_text(encoding="utf-8") + extra_notes
    passages, _ = parse(text, "dva-notes.md")
    store = Store(db.connect(":memory:"))
    written = load_bank(root / "content/questions")[0]
    return Practice.build(store, Library(passages), written, rng=random.Random(3))


def test_build_loads_the_written_bank_for_every_section_of_the_notes():
    practice = real_practice()
    written = [x for x in practice.questions.values() if not x.generated]
    assert {x.topic for x in written} >= set(practice.library.sections())


def test_a_section_added_to_the_notes_can_be_quizzed_at_once_with_generated_questions():
    practice = real_practice(LAMBDA)
    [reply] = practice.handle(Quiz(learner(), "lambda layers"), NOW)
    assert isinstance(reply, Question) and reply.generated and reply.topic == "Lambda"
    assert not any(x.generated and x.topic != "Lambda" for x in practice.questions.values())


def test_every_section_of_the_real_notes_can_be_quizzed_by_its_name():
    practice = real_practice()
    for section in practice.library.sections():
        [reply] = practice.handle(Quiz(learner(), section), NOW)
        assert isinstance(reply, Question) and reply.topic == section, section


def test_the_command_stats_suggests_for_a_weak_topic_quizzes_on_that_topic():
    from bot.core.quiz.standings import practice_command

    practice = real_practice()
    for section in practice.library.sections():
        topic = practice_command(section).removeprefix("quiz ")
        [reply] = practice.handle(Quiz(learner(), topic), NOW)
        assert isinstance(reply, Question) and reply.topic == section, (section, topic)


def test_a_topic_the_notes_cover_without_questions_says_there_are_none_yet():
    store, practice = world([x for x in QUESTIONS if x.topic == "RDS"])
    [reply] = practice.handle(Quiz(learner(), "security groups"), NOW)
    assert isinstance(reply, Text) and reply.error and "no questions on \"security groups\" yet" in reply.text
