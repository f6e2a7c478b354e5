"""The order an instance shows its options in: a pure function of the instance id."""

from bot.core import shuffle
from quiz_kit import QUESTIONS, bank_question


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
