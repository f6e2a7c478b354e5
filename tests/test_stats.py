"""``stats``: answered, accuracy, points, streaks, per-topic accuracy, the weakest topics."""

from bot.core.messages import ShowStats, Stats
from quiz_kit import NOW, answer_right, answer_wrong, days, learner, world


def stats(practice, who, now=NOW, subject=None) -> Stats:
    [reply] = practice.handle(ShowStats(who, subject), now)
    return reply


def test_a_newcomer_has_all_zero_stats():
    store, practice = world()
    result = stats(practice, learner())
    assert (result.answered, result.correct, result.points, result.streak, result.best_streak) == (0, 0, 0, 0, 0)
    assert result.topics == () and result.weakest == ()


def test_stats_count_answers_right_answers_and_points():
    store, practice = world()
    ana = learner()
    answer_right(practice, ana, "rds-proxy")
    answer_wrong(practice, ana, "ec2-store")
    result = stats(practice, ana)
    assert (result.answered, result.correct, result.points) == (2, 1, 10)


def test_the_streak_counts_consecutive_days_and_the_best_is_kept_after_a_break():
    store, practice = world()
    ana = learner()
    for day in (0, 1, 2, 5, 6):
        when = NOW + days(day)
        answer_right(practice, ana, "ec2-sg", now=when)
    result = stats(practice, ana, now=NOW + days(6))
    assert (result.streak, result.best_streak) == (2, 3)
    assert stats(practice, ana, now=NOW + days(8)).streak == 0


def test_per_topic_accuracy_and_the_weakest_topics_with_the_command_to_practise_them():
    store, practice = world()
    ana = learner()
    answer_right(practice, ana, "rds-proxy")
    answer_wrong(practice, ana, "rds-multi-az")
    answer_wrong(practice, ana, "ec2-store")
    answer_wrong(practice, ana, "ec2-sg")
    answer_right(practice, ana, "ec2-ebs")
    result = stats(practice, ana)
    by_topic = {t.topic: (t.answered, t.correct) for t in result.topics}
    assert by_topic == {"EC2": (3, 1), "RDS": (2, 1)}
    assert [(t.topic, t.practice) for t in result.weakest] == [("EC2", "quiz ec2"), ("RDS", "quiz rds")]


def test_a_topic_answered_all_right_is_not_among_the_weakest():
    store, practice = world()
    ana = learner()
    answer_right(practice, ana, "rds-proxy")
    assert stats(practice, ana).weakest == ()


def test_someone_elses_stats_can_be_asked_for():
    store, practice = world()
    ana, ben = learner("ana"), learner("ben")
    answer_right(practice, ben, "rds-proxy")
    result = stats(practice, ana, subject=ben)
    assert result.learner == ben and result.points == 10


def test_stats_count_reviews_due():
    store, practice = world()
    ana = learner()
    answer_wrong(practice, ana, "rds-proxy")
    assert stats(practice, ana, now=NOW + days(1)).reviews_due == 1
