"""The rules of the game, as pure functions: grading, points, streaks, ranks, periods."""

from datetime import date, datetime, timedelta, timezone

from bot.core.quiz import rules


def test_a_single_answer_is_right_only_with_the_keyed_letter():
    assert rules.grade(["B"], ("B",), 4).correct
    assert not rules.grade(["A"], ("B",), 4).correct


def test_choose_two_is_all_or_nothing():
    assert rules.grade(["A", "D"], ("A", "D"), 5).correct
    assert not rules.grade(["A", "C"], ("A", "D"), 5).correct


def test_letters_are_read_in_any_case_and_order():
    result = rules.grade(["d", "a"], ("A", "D"), 5)
    assert result.correct and result.chosen == ("A", "D")


def test_a_letter_beyond_the_options_is_an_error_not_a_wrong_answer():
    result = rules.grade(["E"], ("A",), 4)
    assert result.error and "A, B, C, D" in result.error and not result.correct


def test_choose_two_with_one_letter_is_an_error_naming_the_count():
    result = rules.grade(["A"], ("A", "D"), 5)
    assert "exactly 2 letters" in result.error


def test_the_daily_question_is_worth_more_than_practice():
    assert rules.points("daily", True, False, 1) > rules.points("practice", True, False, 1)


def test_a_wrong_answer_scores_nothing_and_loses_nothing():
    assert rules.points("practice", False, False, 5) == 0
    assert rules.points("daily", False, False, 5) == 0


def test_practice_already_scored_today_scores_nothing():
    assert rules.points("practice", True, True, 3) == 0
    assert rules.points("review", True, True, 3) == 0


def test_the_daily_question_scores_even_if_practised_today():
    assert rules.points("daily", True, True, 1) == rules.DAILY_POINTS


def test_the_streak_bonus_is_two_points_a_day_after_the_first_up_to_ten():
    assert [rules.streak_bonus(n) for n in (0, 1, 2, 3, 6, 40)] == [0, 0, 2, 4, 10, 10]
    assert rules.points("practice", True, False, 3) == rules.PRACTICE_POINTS + 4


def test_days_before_bonus_since_never_change_an_answers_streak_bonus():
    today = date(2026, 11, 26)
    since = rules.bonus_since(today)
    for length in range(40):
        for last in (today, today - timedelta(days=1), today - timedelta(days=2)):
            days = {last - timedelta(days=n) for n in range(length)} | {today}
            whole = rules.streaks(days, today)[0]
            cut = rules.streaks({d for d in days if d >= since}, today)[0]
            assert rules.streak_bonus(cut) == rules.streak_bonus(whole), (length, last)
    assert since < today


def test_the_current_streak_is_alive_until_a_whole_day_is_missed():
    active = [date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)]
    assert rules.streaks(active, date(2026, 11, 25)) == (3, 3)
    assert rules.streaks(active, date(2026, 11, 26)) == (3, 3)
    assert rules.streaks(active, date(2026, 11, 27)) == (0, 3)


def test_the_best_streak_is_the_longest_run_ever():
    active = [date(2026, 11, d) for d in (1, 2, 3, 4, 10, 11)]
    assert rules.streaks(active, date(2026, 11, 11)) == (2, 4)


def test_no_days_means_no_streak():
    assert rules.streaks([], date(2026, 11, 26)) == (0, 0)


def test_equal_points_share_a_rank_and_the_next_rank_skips():
    ranked = rules.rank([50, 30, 30, 10], lambda p: p)
    assert [r for r, _ in ranked] == [1, 2, 2, 4]


def test_today_is_the_local_day_of_the_groups_timezone():
    late_utc = datetime(2026, 11, 26, 20, 0, tzinfo=timezone.utc)  # already the 27th in Tokyo
    assert rules.period_key("today", late_utc, "Asia/Tokyo") == "d2026-11-27"
    assert rules.period_key("today", late_utc, "UTC") == "d2026-11-26"


def test_weeks_start_on_monday_and_months_on_the_first():
    thursday = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
    assert rules.period_key("week", thursday, "UTC") == "w2026-11-23"
    assert rules.period_key("month", thursday, "UTC") == "m2026-11"
    assert rules.period_key("all", thursday, "UTC") == "all"


def test_an_answer_counts_toward_every_period_at_once():
    thursday = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
    assert rules.period_keys(rules.local_day(thursday, "UTC")) == ("d2026-11-26", "w2026-11-23", "m2026-11", "all")


def test_an_unknown_timezone_falls_back_to_utc():
    assert str(rules.zone("Mars/Olympus")) == "UTC"
    assert str(rules.zone(None)) == "UTC"


def test_weak_topics_weigh_more_than_strong_ones_and_new_ones_in_between():
    assert rules.topic_weight(10, 2) > rules.topic_weight(0, 0) > rules.topic_weight(10, 10)
