"""Leaderboards per group and period, in the group's timezone, ties shown as ties."""

from datetime import datetime, timezone

from bot.core.messages import Leaderboard, ShowLeaderboard, Text
from quiz_kit import NOW, answer_right, days, learner, world


def score(practice, who, times, now=NOW):
    """``times`` right practice answers, each on a different question (10 points each on day one)."""
    for question_id in ("rds-proxy", "rds-multi-az", "ec2-store", "ec2-sg")[:times]:
        answer_right(practice, who, question_id, now=now)


def board(practice, who, period="week", now=NOW) -> Leaderboard:
    [reply] = practice.handle(ShowLeaderboard(who, period), now)
    return reply


def test_the_leaderboard_ranks_by_points_and_equal_points_share_a_rank():
    store, practice = world()
    ana, ben, cy, dee = (learner(u) for u in ("ana", "ben", "cy", "dee"))
    score(practice, ana, 3)
    score(practice, ben, 2)
    score(practice, cy, 2)
    score(practice, dee, 1)
    rows = board(practice, ana).rows
    assert [(s.rank, s.learner.user, s.points) for s in rows] == [
        (1, "ana", 30), (2, "ben", 20), (2, "cy", 20), (4, "dee", 10)]
    assert rows[0].is_asker and rows[0].answered == 3 and rows[0].correct == 3


def test_the_asker_outside_the_top_ten_still_sees_their_own_rank():
    store, practice = world()
    for i in range(12):
        score(practice, learner(f"u{i:02d}"), 2)
    last = learner("zed")
    score(practice, last, 1)
    result = board(practice, last)
    assert len(result.rows) == 12  # twelve tied at the top are all shown
    assert result.asker is not None and result.asker.rank == 13 and result.asker.is_asker


def test_ties_straddling_tenth_place_are_all_shown_and_the_rest_cut():
    store, practice = world()
    for i in range(9):
        score(practice, learner(f"top{i}"), 3)
    for i in range(3):
        score(practice, learner(f"mid{i}"), 2)
    for i in range(4):
        score(practice, learner(f"low{i}"), 1)
    rows = board(practice, learner("top0")).rows
    assert len(rows) == 12 and {s.rank for s in rows[9:]} == {10}


def test_leaderboards_are_per_group():
    store, practice = world()
    score(practice, learner("ana", group="G1"), 2)
    score(practice, learner("bob", group="G2"), 3)
    assert [s.learner.user for s in board(practice, learner("ana", group="G1")).rows] == ["ana"]


def test_today_starts_at_midnight_in_the_groups_timezone():
    store, practice = world()
    store.set_group_timezone("G1", "Asia/Tokyo")
    ana = learner()
    evening_utc = datetime(2026, 11, 26, 16, 0, tzinfo=timezone.utc)  # 01:00 on the 27th in Tokyo
    score(practice, ana, 1, now=datetime(2026, 11, 26, 14, 0, tzinfo=timezone.utc))  # 23:00 on the 26th
    result = board(practice, ana, "today", now=evening_utc)
    assert result.timezone == "Asia/Tokyo" and result.rows == ()
    assert board(practice, ana, "week", now=evening_utc).rows[0].points == 10


def test_each_period_counts_only_its_own_answers():
    store, practice = world()
    ana = learner()
    score(practice, ana, 1, now=NOW - days(40))
    score(practice, ana, 1, now=NOW - days(10))
    score(practice, ana, 1, now=NOW - days(2))
    score(practice, ana, 1, now=NOW)
    points = {p: board(practice, ana, p).rows[0].points for p in ("today", "week", "month", "all")}
    assert points["today"] == 10 and points["all"] > points["month"] > points["week"] >= points["today"]


def test_a_leaderboard_with_no_answers_is_empty_and_has_no_asker():
    store, practice = world()
    result = board(practice, learner())
    assert result.rows == () and result.asker is None and result.timezone == "UTC"


def test_an_unknown_period_is_refused():
    store, practice = world()
    [reply] = practice.handle(ShowLeaderboard(learner(), "decade"), NOW)
    assert isinstance(reply, Text) and reply.error
