"""The Store conformance suite: what any store must do for the core, whatever its database.

The core states what it needs of a store as ``typing.Protocol`` classes
(``AnswerStore``, ``StandingsStore``, ``PracticeStore``, ``ScheduleStore``,
``NotesStore``); every test here runs against each factory in ``FACTORIES``
(SQLite in memory, and PostgreSQL on a server the test process starts itself).

Rules of the suite: state is observed only through the port's own methods
(no SQL, no private attributes), and values are compared exactly, so each
test can fail. A factory is a context manager that yields a fresh, empty,
migrated store and cleans up after it.
"""

from __future__ import annotations

import dataclasses
import inspect
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from typing import Iterator, Protocol
from zoneinfo import ZoneInfo

import pytest

import db
import pg_server
from bot.core.daily.posts import ScheduleStore
from bot.core.lookup.notes import Passage, parse
from bot.core.quiz import review, rules, shuffle
from bot.core.quiz.answering import AnswerStore
from bot.core.quiz.practice import PracticeStore
from bot.core.quiz.standings import StandingsStore
from bot.ingest import NotesStore, ingest
from db.store import Store
from quiz_kit import NOTES, QUESTIONS


@contextmanager
def sqlite_store() -> Iterator[Store]:
    database = db.connect(":memory:")
    try:
        yield Store(database)
    finally:
        database.close()


@contextmanager
def postgres_store() -> Iterator[Store]:
    """A new database on the test process's own PostgreSQL server (see pg_server.py)."""
    database = db.connect(pg_server.fresh_database())
    try:
        yield Store(database)
    finally:
        database.close()


FACTORIES = [pytest.param(sqlite_store, id="sqlite"), pytest.param(postgres_store, id="postgres")]


@pytest.fixture(params=FACTORIES)
def store(request):
    with request.param() as made:
        yield made


# --- realistic values --------------------------------------------------------------------

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)  # a Thursday
TODAY = "2026-11-26"
TEAM = "T0DVA"  # a Slack team id
OTHER_TEAM = "T0OPS"
CHANNEL = "slack:C0DAILY"
OTHER_CHANNEL = "discord:1187654321098765432"
TOPIC_OF = {question.id: question.topic for question in QUESTIONS}


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def ready(store):
    """The store with the test question bank loaded (instances and cards refer to questions)."""
    store.sync_questions(QUESTIONS)
    return store


def learner(store, user: str = "U0ANA", name: str = "Ana", group: str = TEAM, platform: str = "slack") -> int:
    return store.learner_id(platform, group, user, name)


def serve(store, instance_id: str, question_id: str = "rds-proxy", learner_id: int | None = None,
          group: str = TEAM, mode: str = "practice", target: str | None = None,
          created_at: datetime = NOW, closes_at: datetime | None = None) -> str:
    store.add_instance(instance_id, question_id, learner_id, group, mode, target, created_at, closes_at)
    return instance_id


def record(store, instance_id: str, learner_id: int, question_id: str = "rds-proxy", *, chosen: str = "A",
           correct: bool = True, points: int = 10, day: str = TODAY, answered_at: datetime = NOW,
           event: str | None = None, mode: str = "practice", group: str = TEAM) -> bool:
    return store.add_answers([(instance_id, learner_id, group, question_id, TOPIC_OF[question_id], mode, chosen,
                               correct, points, day, answered_at, event)]) == [True]


def bump(store, learner_id: int, points: int, correct: bool = True, day: str = TODAY, group: str = TEAM) -> None:
    store.bump_scores([(group, learner_id, rules.period_keys(date.fromisoformat(day)), points, correct)])


def save_card(store, learner_id: int, question_id: str, card, due: datetime) -> None:
    store.save_cards([(learner_id, question_id, card, due)])


def scored_on_day(store, learner_id: int, topic: str, question_id: str, day: str) -> bool:
    return store.scored_on_days([(learner_id, topic, question_id, day)]) == {(learner_id, topic, question_id, day)}


def a_card(learner_id: int, question_id: str, correct: bool = True, now: datetime = NOW):
    """A real FSRS card after one answer, and its due time."""
    return review.rate(None, correct, now, learner_id, question_id)


# --- the ports ---------------------------------------------------------------------------

PROTOCOLS = [AnswerStore, StandingsStore, PracticeStore, ScheduleStore, NotesStore]


def protocol_methods(protocol: type) -> dict[str, object]:
    """Every method a protocol (and the protocols it extends) names."""
    methods: dict[str, object] = {}
    for klass in protocol.__mro__:
        if klass is object or klass is Protocol or not getattr(klass, "_is_protocol", False):
            continue
        for name, value in vars(klass).items():
            if callable(value) and not name.startswith("_"):
                methods.setdefault(name, value)
    return methods


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda p: f"{p.__module__}.{p.__name__}")
def test_the_store_offers_every_method_a_core_protocol_names_with_the_same_parameters(store, protocol):
    methods = protocol_methods(protocol)
    assert len(methods) >= 8  # the walk found the protocol's methods, not nothing
    for name, wanted in methods.items():
        offered = getattr(store, name, None)
        assert callable(offered), f"{type(store).__name__} has no {name}()"
        want = list(inspect.signature(wanted).parameters.values())[1:]  # without self
        have = list(inspect.signature(offered).parameters.values())
        assert [p.name for p in have] == [p.name for p in want], name
        for p, q in zip(want, have):
            if p.default is not inspect.Parameter.empty:
                assert q.default == p.default, f"{name}({p.name}=...) default"


# --- learners and groups ---------------------------------------------------------------------

def test_learner_id_is_the_same_for_the_same_platform_user_and_different_across_groups_and_platforms(store):
    ana = store.learner_id("slack", TEAM, "U0ANA", "Ana")
    assert store.learner_id("slack", TEAM, "U0ANA", "Ana") == ana
    assert store.learner_id("slack", TEAM, "U0ANA") == ana  # no name given: still the same person
    in_other_group = store.learner_id("slack", OTHER_TEAM, "U0ANA", "Ana")
    on_other_platform = store.learner_id("discord", TEAM, "U0ANA", "Ana")
    someone_else = store.learner_id("slack", TEAM, "U0BEA", "Ana")  # a display name is no identity
    assert len({ana, in_other_group, on_other_platform, someone_else}) == 4
    assert all(isinstance(i, int) for i in (ana, in_other_group, on_other_platform, someone_else))


def test_find_learner_knows_only_learners_already_seen_and_creates_no_one(store):
    assert store.find_learner("slack", TEAM, "U0ANA") is None
    assert store.find_learner("slack", TEAM, "U0ANA") is None
    ana = learner(store)
    assert store.find_learner("slack", TEAM, "U0ANA") == ana
    assert store.find_learner("slack", OTHER_TEAM, "U0ANA") is None
    assert store.find_learner("discord", TEAM, "U0ANA") is None


def test_a_learners_new_display_name_is_kept_and_an_empty_one_changes_nothing(store):
    ana = learner(store, name="Ana")
    bump(store, ana, 10)
    assert store.score_of(TEAM, "all", ana)["name"] == "Ana"
    assert learner(store, name="Ana María") == ana
    assert store.score_of(TEAM, "all", ana)["name"] == "Ana María"
    assert store.learner_id("slack", TEAM, "U0ANA", "") == ana
    assert store.score_of(TEAM, "all", ana)["name"] == "Ana María"



def test_a_learner_created_in_a_transaction_or_savepoint_that_rolled_back_is_created_again(store):
    with pytest.raises(RuntimeError), store.transaction():
        learner(store, "U0NEW", "New")
        raise RuntimeError("undone")
    with store.transaction():
        with pytest.raises(RuntimeError), store.transaction():
            learner(store, "U0TWO", "Two")
            raise RuntimeError("undone")
    bea = learner(store, "U0BEA", "Bea")  # may get the id one of them had
    new, two = learner(store, "U0NEW", "New"), learner(store, "U0TWO", "Two")
    assert len({bea, new, two}) == 3
    assert [store.find_learner("slack", TEAM, u) for u in ("U0BEA", "U0NEW", "U0TWO")] == [bea, new, two]

def test_a_learner_new_in_a_transaction_has_nothing_yet_and_reads_back_what_it_then_writes(store):
    ready(store)
    serve(store, "i-daily", "rds-proxy", None, mode="daily", target=CHANNEL)
    with store.transaction():
        ana = learner(store)
        assert (store.active_days(ana), store.card(ana, "rds-proxy")) == ([], None)
        assert scored_on_day(store, ana, "RDS", "rds-proxy", TODAY) is False
        with pytest.raises(RuntimeError), store.transaction():  # a part undone keeps nothing of it
            bump(store, ana, 10)
            raise RuntimeError("undone")
        assert store.active_days(ana) == []
        serve(store, "i-ana", "rds-proxy", ana)
        assert record(store, "i-ana", ana) is True
        bump(store, ana, 10)
        card, due = a_card(ana, "rds-proxy")
        save_card(store, ana, "rds-proxy", card, due)
        assert store.active_days(ana) == [TODAY]
        assert store.card(ana, "rds-proxy") == card
        assert scored_on_day(store, ana, "RDS", "rds-proxy", TODAY) is True
    assert (store.active_days(ana), store.card(ana, "rds-proxy")) == ([TODAY], card)


def test_a_group_without_a_timezone_is_utc_and_a_set_timezone_is_read_back_per_group(store):
    assert store.group_timezone(TEAM) == "UTC"
    store.set_group_timezone(TEAM, "Europe/Berlin")
    assert store.group_timezone(TEAM) == "Europe/Berlin"
    store.set_group_timezone(TEAM, "America/New_York")
    assert store.group_timezone(TEAM) == "America/New_York"
    assert store.group_timezone(OTHER_TEAM) == "UTC"


# --- questions and instances ---------------------------------------------------------------

def test_sync_questions_says_how_many_questions_it_was_given(store):
    assert store.sync_questions(QUESTIONS) == 6
    assert store.sync_questions(QUESTIONS[:2]) == 2
    assert store.sync_questions([]) == 0


def test_an_instance_reads_back_as_it_was_added(store):
    ready(store)
    ana = learner(store)
    serve(store, "pQ3xY8kLm2NvB7wZ", "ec2-sg", ana, created_at=NOW)
    serve(store, "dA1yK9pLq0RsT5uV", "rds-multi-az", None, mode="daily", target=CHANNEL,
          created_at=NOW, closes_at=NOW + timedelta(days=1))
    practice = store.instance("pQ3xY8kLm2NvB7wZ")
    daily = store.instance("dA1yK9pLq0RsT5uV")
    fields = ("id", "question_id", "learner_id", "group_id", "mode", "target", "created_at", "closes_at")
    assert tuple(practice[f] for f in fields) == (
        "pQ3xY8kLm2NvB7wZ", "ec2-sg", ana, TEAM, "practice", None, NOW, None)
    assert tuple(daily[f] for f in fields) == (
        "dA1yK9pLq0RsT5uV", "rds-multi-az", None, TEAM, "daily", CHANNEL, NOW, NOW + timedelta(days=1))
    # a new instance shows its options in its own order, seeded by its id
    assert shuffle.seed(practice) == "pQ3xY8kLm2NvB7wZ"
    assert store.instance("no-such-instance") is None


def test_a_time_given_in_another_timezone_reads_back_as_the_same_instant(store):
    ready(store)
    berlin = datetime(2026, 11, 26, 13, 0, 0, 123456, tzinfo=ZoneInfo("Europe/Berlin"))
    serve(store, "i-berlin", "rds-proxy", learner(store), created_at=berlin, closes_at=berlin + minutes(90))
    row = store.instance("i-berlin")
    assert row["created_at"] == NOW + timedelta(microseconds=123456)
    assert row["closes_at"] == NOW + minutes(90) + timedelta(microseconds=123456)
    assert row["created_at"].utcoffset() == timedelta(0)


def test_recent_questions_are_the_learners_own_newest_first_and_limited(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    for n, question_id in enumerate(["rds-proxy", "ec2-sg", "rds-replicas", "ec2-ebs"]):
        serve(store, f"ana-{n}", question_id, ana, created_at=NOW + minutes(n))
    serve(store, "bea-0", "ec2-store", bea, created_at=NOW + minutes(10))
    serve(store, "daily-0", "rds-multi-az", None, mode="daily", target=CHANNEL, created_at=NOW + minutes(11))
    assert store.recent_questions(ana, 50) == ["ec2-ebs", "rds-replicas", "ec2-sg", "rds-proxy"]
    assert store.recent_questions(ana, 2) == ["ec2-ebs", "rds-replicas"]
    assert store.recent_questions(bea, 50) == ["ec2-store"]
    assert store.recent_questions(learner(store, "U0CAL", "Cal"), 50) == []


def test_a_daily_showing_is_open_until_its_closing_time_and_only_for_its_question(store):
    ready(store)
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL, created_at=NOW,
          closes_at=NOW + timedelta(days=1))
    serve(store, "practice-1", "ec2-sg", learner(store), created_at=NOW)  # practice never holds back
    assert store.open_daily("rds-proxy", NOW) is True
    assert store.open_daily("rds-proxy", NOW + timedelta(days=1) - minutes(1)) is True
    assert store.open_daily("rds-proxy", NOW + timedelta(days=1)) is False  # closed at its closing time
    assert store.open_daily("ec2-sg", NOW) is False
    assert store.open_daily("ec2-ebs", NOW) is False


def test_a_daily_showing_that_never_closes_stays_open(store):
    ready(store)
    serve(store, "daily-forever", "rds-proxy", None, mode="daily", target=CHANNEL, created_at=NOW,
          closes_at=None)
    assert store.open_daily("rds-proxy", NOW + timedelta(days=30)) is True


# --- answers: exactly once ---------------------------------------------------------------------

def test_a_learners_first_answer_to_an_instance_counts_and_a_second_is_refused(store):
    ready(store)
    ana = learner(store)
    serve(store, "i-1", "rds-proxy", ana)
    assert record(store, "i-1", ana, chosen="B", correct=False, points=0) is True
    assert record(store, "i-1", ana, chosen="A", correct=True, points=10, answered_at=NOW + minutes(1)) is False
    first = store.answer_of("i-1", ana)
    assert (first["chosen"], bool(first["correct"]), first["points"]) == ("B", False, 0)
    assert (first["instance_id"], first["learner_id"], first["question_id"], first["topic"], first["mode"],
            first["day"]) == ("i-1", ana, "rds-proxy", "RDS", "practice", TODAY)


def test_a_redelivered_event_is_recorded_once_and_found_by_its_event(store):
    ready(store)
    ana = learner(store)
    serve(store, "i-1", "rds-replicas", ana)
    serve(store, "i-2", "ec2-sg", ana)
    event = "slack:1732622400.001200"
    assert record(store, "i-1", ana, "rds-replicas", chosen="AC", event=event) is True
    assert record(store, "i-1", ana, "rds-replicas", chosen="AC", event=event) is False  # the redelivery
    # the event alone is enough to refuse: the same delivery cannot answer a second instance
    assert record(store, "i-2", ana, "ec2-sg", chosen="D", event=event) is False
    assert store.answer_of("i-2", ana) is None
    same = store.answer_by_event(event)
    assert (same["instance_id"], same["chosen"], bool(same["correct"]), same["points"]) == ("i-1", "AC", True, 10)


def test_answers_without_a_delivery_event_never_collide_with_each_other(store):
    ready(store)
    ana = learner(store)
    serve(store, "i-1", "rds-proxy", ana)
    serve(store, "i-2", "ec2-sg", ana)
    assert record(store, "i-1", ana, "rds-proxy", event=None) is True
    assert record(store, "i-2", ana, "ec2-sg", chosen="D", event=None) is True
    assert store.answer_of("i-2", ana)["chosen"] == "D"


def test_every_learner_may_answer_a_shared_daily_instance_once(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL, closes_at=NOW + timedelta(days=1))
    assert record(store, "daily-1", ana, mode="daily", points=20, event="slack:1") is True
    assert record(store, "daily-1", bea, mode="daily", chosen="C", correct=False, points=0, event="slack:2") is True
    assert record(store, "daily-1", bea, mode="daily", points=20, event="slack:3") is False
    assert store.answer_of("daily-1", ana)["points"] == 20
    assert store.answer_of("daily-1", bea)["chosen"] == "C"


def test_nothing_is_found_for_an_answer_never_recorded(store):
    ready(store)
    ana = learner(store)
    serve(store, "i-1", "rds-proxy", ana)
    assert store.answer_of("i-1", ana) is None
    assert store.answer_by_event("slack:never-delivered") is None
    record(store, "i-1", ana, event=None)
    assert store.answer_of("i-1", learner(store, "U0BEA", "Bea")) is None
    assert store.answer_by_event("slack:never-delivered") is None


def answer_row(instance_id: str, learner_id: int, question_id: str = "rds-proxy", *, chosen: str = "A",
               correct: bool = True, points: int = 10, event: str | None = None, mode: str = "practice"):
    return (instance_id, learner_id, TEAM, question_id, TOPIC_OF[question_id], mode, chosen, correct, points, TODAY,
            NOW, event)


def test_answers_added_together_count_once_each_as_they_would_one_after_the_other(store):
    ready(store)
    ana, bea, cal = learner(store), learner(store, "U0BEA", "Bea"), learner(store, "U0CAL", "Cal")
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL)
    serve(store, "i-cal", "ec2-sg", cal)
    assert record(store, "i-cal", cal, "ec2-sg", event="slack:9") is True  # recorded before
    with store.transaction():
        assert store.tally("daily-1") == (0, 0)
        assert store.add_answers([
            answer_row("daily-1", ana, mode="daily", event="slack:1"),
            answer_row("daily-1", bea, chosen="B", correct=False, points=0, mode="daily", event="slack:2"),
            answer_row("daily-1", ana, chosen="C", correct=False, points=0, mode="daily", event="slack:3"),
            answer_row("daily-1", cal, mode="daily", event="slack:9"),  # a delivery recorded before
        ]) == [True, True, False, False]
        assert store.tally("daily-1") == (2, 1)  # kept, and counted on by what was added
    assert store.tally("daily-1") == (2, 1)
    assert (store.answer_of("daily-1", ana)["chosen"], store.answer_of("daily-1", bea)["chosen"]) == ("A", "B")
    assert store.answer_of("daily-1", cal) is None
    assert store.add_answers([]) == []


def test_learners_are_found_or_created_together_each_with_their_last_name(store):
    bea = learner(store, "U0BEA", "Bea")
    with store.transaction():
        ids = store.learner_ids([("slack", TEAM, "U0ANA", "Ana"), ("slack", TEAM, "U0BEA", "Beatrix"),
                                 ("slack", TEAM, "U0ANA", "Ana B."), ("slack", TEAM, "U0CAL", ""),
                                 ("slack", OTHER_TEAM, "U0ANA", "Ana")])
    ana, bea_again, ana_again, cal, other_ana = ids
    assert bea_again == bea and ana_again == ana and len({ana, bea, cal, other_ana}) == 4
    assert [store.find_learner("slack", group, user) for group, user in
            ((TEAM, "U0ANA"), (TEAM, "U0CAL"), (OTHER_TEAM, "U0ANA"))] == [ana, cal, other_ana]
    for who, period in ((ana, "all"), (bea, "all")):
        bump(store, who, 10)
    assert [store.score_of(TEAM, "all", who)["name"] for who in (ana, bea)] == ["Ana B.", "Beatrix"]
    assert store.learner_ids([]) == []


def test_days_cards_and_scored_days_of_many_learners_are_read_together(store):
    ready(store)
    ana, bea, cal = learner(store), learner(store, "U0BEA", "Bea"), learner(store, "U0CAL", "Cal")
    bump(store, ana, 10, day="2026-11-24")
    bump(store, ana, 10, day=TODAY)
    bump(store, bea, 0, correct=False, day="2026-11-25")
    card, due = a_card(ana, "rds-proxy")
    save_card(store, ana, "rds-proxy", card, due)
    for who, instance in ((ana, "i-ana"), (bea, "i-bea")):
        serve(store, instance, "rds-proxy", who)
    record(store, "i-ana", ana)
    record(store, "i-bea", bea, correct=False, points=0)
    with store.transaction():
        days = store.days_of([ana, bea, cal], since="2026-11-25")
        assert {who: sorted(d) for who, d in days.items()} == {ana: [TODAY], bea: ["2026-11-25"]}  # cal: none
        assert store.cards_of([(ana, "rds-proxy"), (bea, "rds-proxy"), (ana, "ec2-sg")]) == {(ana, "rds-proxy"): card}
        assert store.scored_on_days([(ana, "RDS", "rds-proxy", TODAY), (bea, "RDS", "rds-proxy", TODAY),
                                     (ana, "RDS", "rds-proxy", "2026-11-25")]) == {(ana, "RDS", "rds-proxy", TODAY)}
        assert (store.days_of([]), store.cards_of([]), store.scored_on_days([])) == ({}, {}, set())


def test_counters_and_cards_of_many_learners_are_written_together(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    periods = rules.period_keys(date.fromisoformat(TODAY))
    store.bump_scores([(TEAM, ana, periods, 10, True), (TEAM, bea, periods, 0, False), (TEAM, ana, periods, 12, True)])
    assert [(row["points"], row["answered"], row["correct"]) for row in
            (store.score_of(TEAM, period, who) for who in (ana, bea) for period in periods)] == \
        [(22, 2, 2)] * 4 + [(0, 1, 0)] * 4
    (first, due), (second, due_second) = a_card(ana, "rds-proxy"), a_card(bea, "ec2-sg", correct=False)
    again, due_again = review.rate(first, True, NOW + timedelta(days=3), ana, "rds-proxy")
    store.save_cards([(ana, "rds-proxy", first, due), (bea, "ec2-sg", second, due_second),
                      (ana, "rds-proxy", again, due_again)])  # the last card of a pair is the one kept
    assert (store.card(ana, "rds-proxy"), store.card(bea, "ec2-sg")) == (again, second)
    assert store.next_cards(ana) == [("rds-proxy", due_again)]
    store.bump_scores([])
    store.save_cards([])


def test_scored_on_day_sees_only_a_scoring_non_daily_answer_of_that_learner_question_and_day(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    serve(store, "i-1", "rds-proxy", ana)
    serve(store, "i-2", "ec2-sg", ana)
    serve(store, "d-1", "ec2-store", None, mode="daily", target=CHANNEL)
    record(store, "i-1", ana, "rds-proxy", points=10)
    record(store, "i-2", ana, "ec2-sg", chosen="A", correct=False, points=0)
    record(store, "d-1", ana, "ec2-store", chosen="C", mode="daily", points=20)
    assert scored_on_day(store, ana, "RDS", "rds-proxy", TODAY) is True
    assert scored_on_day(store, ana, "RDS", "rds-proxy", "2026-11-27") is False
    assert scored_on_day(store, bea, "RDS", "rds-proxy", TODAY) is False
    assert scored_on_day(store, ana, "EC2", "ec2-sg", TODAY) is False  # answered, but no points
    assert scored_on_day(store, ana, "EC2", "ec2-store", TODAY) is False  # daily points do not count
    assert scored_on_day(store, ana, "RDS", "rds-multi-az", TODAY) is False


# --- transactions ------------------------------------------------------------------------------

class Boom(Exception):
    pass


def test_a_transaction_that_raises_leaves_nothing_behind_and_passes_the_error_on(store):
    ready(store)
    with pytest.raises(Boom):
        with store.transaction():
            ana = learner(store)
            serve(store, "i-1", "rds-proxy", ana)
            assert record(store, "i-1", ana, event="slack:1") is True
            bump(store, ana, 10)
            card, due = a_card(ana, "rds-proxy")
            save_card(store, ana, "rds-proxy", card, due)
            store.set_group_timezone(TEAM, "Europe/Berlin")
            raise Boom
    assert store.find_learner("slack", TEAM, "U0ANA") is None
    assert store.instance("i-1") is None
    assert store.answer_of("i-1", ana) is None
    assert store.answer_by_event("slack:1") is None
    assert store.score_of(TEAM, "all", ana) is None
    assert store.top_scores(TEAM, "all", 10) == []
    assert store.active_days(ana) == []
    assert store.card(ana, "rds-proxy") is None
    assert store.group_timezone(TEAM) == "UTC"


def test_a_transaction_that_completes_keeps_everything(store):
    ready(store)
    with store.transaction():
        ana = learner(store)
        serve(store, "i-1", "rds-proxy", ana)
        record(store, "i-1", ana, event="slack:1")
        bump(store, ana, 10)
    assert store.find_learner("slack", TEAM, "U0ANA") == ana
    assert store.answer_by_event("slack:1")["instance_id"] == "i-1"
    assert store.score_of(TEAM, "all", ana)["points"] == 10


def test_a_failed_inner_transaction_undoes_only_its_own_part(store):
    ready(store)
    with store.transaction():
        ana = learner(store)
        serve(store, "i-1", "rds-proxy", ana)
        record(store, "i-1", ana)
        with pytest.raises(Boom):
            with store.transaction():
                serve(store, "i-2", "ec2-sg", ana)
                record(store, "i-2", ana, "ec2-sg", chosen="D")
                raise Boom
        bump(store, ana, 10)
    assert store.instance("i-1")["question_id"] == "rds-proxy"
    assert store.answer_of("i-1", ana)["chosen"] == "A"
    assert store.instance("i-2") is None
    assert store.answer_of("i-2", ana) is None
    assert store.score_of(TEAM, "all", ana)["points"] == 10


def test_a_store_is_usable_again_after_a_transaction_failed(store):
    ready(store)
    with pytest.raises(Boom):
        with store.transaction():
            learner(store)
            raise Boom
    with store.transaction():
        ana = learner(store)
    assert store.find_learner("slack", TEAM, "U0ANA") == ana


# --- standings: counters, leaderboards, stats ---------------------------------------------------

def test_bumped_scores_add_up_in_every_period_the_answer_falls_in(store):
    ana = learner(store)
    bump(store, ana, 10, correct=True, day="2026-11-26")  # Thursday
    bump(store, ana, 0, correct=False, day="2026-11-26")
    bump(store, ana, 20, correct=True, day="2026-11-30")  # the next Monday: a new week, a new day
    def counters(period):
        row = store.score_of(TEAM, period, ana)
        return None if row is None else (row["points"], row["answered"], row["correct"])
    assert counters("d2026-11-26") == (10, 2, 1)
    assert counters("w2026-11-23") == (10, 2, 1)
    assert counters("d2026-11-30") == (20, 1, 1)
    assert counters("w2026-11-30") == (20, 1, 1)
    assert counters("m2026-11") == (30, 3, 2)
    assert counters("all") == (30, 3, 2)
    assert counters("d2026-11-27") is None


def test_a_score_row_names_its_learner(store):
    ana = learner(store, "U0ANA", "Ana")
    bump(store, ana, 10)
    row = store.score_of(TEAM, "all", ana)
    assert (row["learner_id"], row["platform"], row["group_id"], row["user"], row["name"]) == (
        ana, "slack", TEAM, "U0ANA", "Ana")


def test_scores_are_kept_per_group(store):
    ana = learner(store)
    ana_ops = learner(store, group=OTHER_TEAM)
    bump(store, ana, 10)
    bump(store, ana_ops, 30, group=OTHER_TEAM)
    assert [(r["user"], r["points"]) for r in store.top_scores(TEAM, "all", 10)] == [("U0ANA", 10)]
    assert [(r["group_id"], r["points"]) for r in store.top_scores(OTHER_TEAM, "all", 10)] == [(OTHER_TEAM, 30)]
    assert store.score_of(OTHER_TEAM, "all", ana) is None
    assert store.count_above(TEAM, "all", 0) == 1


def test_top_scores_are_by_points_then_name_and_include_ties_at_the_last_place(store):
    people = {"U0ANA": ("Ana", 30), "U0BEA": ("Bea", 20), "U0CAL": ("Cal", 20), "U0DAN": ("Dan", 10),
              "U0EVE": ("Eve", 40)}
    for user, (name, points) in people.items():
        bump(store, learner(store, user, name), points)
    board = lambda limit: [(r["name"], r["points"]) for r in store.top_scores(TEAM, "all", limit)]
    assert board(10) == [("Eve", 40), ("Ana", 30), ("Bea", 20), ("Cal", 20), ("Dan", 10)]
    assert board(3) == [("Eve", 40), ("Ana", 30), ("Bea", 20), ("Cal", 20)]  # Cal ties third place
    assert board(2) == [("Eve", 40), ("Ana", 30)]
    assert board(1) == [("Eve", 40)]
    row = store.top_scores(TEAM, "all", 1)[0]
    assert (row["answered"], row["correct"], row["user"]) == (1, 1, "U0EVE")


def test_top_scores_of_a_period_nobody_scored_in_is_empty(store):
    bump(store, learner(store), 10, day="2026-11-26")
    assert store.top_scores(TEAM, "d2026-11-27", 10) == []
    assert store.top_scores(OTHER_TEAM, "all", 10) == []


def test_count_above_is_how_many_learners_have_more_points_in_the_period(store):
    for user, points in (("U0ANA", 30), ("U0BEA", 20), ("U0CAL", 20), ("U0DAN", 10)):
        bump(store, learner(store, user, user), points)
    assert store.count_above(TEAM, "all", 10) == 3
    assert store.count_above(TEAM, "all", 20) == 1
    assert store.count_above(TEAM, "all", 30) == 0
    assert store.count_above(TEAM, "d2026-11-27", 0) == 0
    assert store.count_above(OTHER_TEAM, "all", 0) == 0


def test_active_days_are_the_learners_days_with_a_counted_answer(store):
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    assert store.active_days(ana) == []
    bump(store, ana, 10, day="2026-11-24")
    bump(store, ana, 0, correct=False, day="2026-11-26")  # a wrong answer is still a day of study
    bump(store, ana, 10, day="2026-11-26")
    bump(store, bea, 10, day="2026-11-25")
    assert sorted(store.active_days(ana)) == ["2026-11-24", "2026-11-26"]
    assert store.active_days(bea) == ["2026-11-25"]
    assert store.active_days(ana, since="2026-11-25") == ["2026-11-26"]  # from that day on
    assert sorted(store.active_days(ana, since="2026-11-24")) == ["2026-11-24", "2026-11-26"]


def test_topic_accuracy_counts_answers_and_right_ones_per_topic(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    assert store.topic_accuracy(ana) == []
    results = [("rds-proxy", True), ("rds-replicas", False), ("rds-multi-az", True), ("ec2-sg", False)]
    for n, (question_id, correct) in enumerate(results):
        serve(store, f"i-{n}", question_id, ana)
        record(store, f"i-{n}", ana, question_id, correct=correct, points=10 if correct else 0)
    serve(store, "b-1", "ec2-sg", bea)
    record(store, "b-1", bea, "ec2-sg", chosen="D")
    assert sorted(tuple(row) for row in store.topic_accuracy(ana)) == [("EC2", 1, 0), ("RDS", 3, 2)]
    assert [tuple(row) for row in store.topic_accuracy(bea)] == [("EC2", 1, 1)]


def test_instance_results_count_answers_and_name_the_first_to_answer_right(store):
    ready(store)
    ana, bea, cal = learner(store), learner(store, "U0BEA", "Bea"), learner(store, "U0CAL", "Cal")
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL, closes_at=NOW + timedelta(days=1))
    record(store, "daily-1", cal, chosen="B", correct=False, points=0, mode="daily", answered_at=NOW + minutes(1))
    record(store, "daily-1", bea, mode="daily", points=20, answered_at=NOW + minutes(2))
    record(store, "daily-1", ana, mode="daily", points=20, answered_at=NOW + minutes(3))
    results = store.instance_results("daily-1")
    assert (results["answered"], results["correct"]) == (3, 2)
    first = results["first_right"]
    assert (first["platform"], first["group_id"], first["user"], first["name"]) == ("slack", TEAM, "U0BEA", "Bea")
    assert [r["user"] for r in results["right"]] == ["U0BEA", "U0ANA"]  # everyone right, in order of answer


def test_instance_results_of_an_instance_nobody_answered_right_name_nobody(store):
    ready(store)
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL)
    assert store.instance_results("daily-1") == {"answered": 0, "correct": 0, "first_right": None, "right": []}
    record(store, "daily-1", learner(store), chosen="C", correct=False, points=0, mode="daily")
    results = store.instance_results("daily-1")
    assert (results["answered"], results["correct"], results["first_right"]) == (1, 0, None)



def test_a_tally_counts_answers_and_right_ones_inside_a_transaction_and_out(store):
    ready(store)
    ana, bea, cal = learner(store), learner(store, "U0BEA", "Bea"), learner(store, "U0CAL", "Cal")
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL)
    assert store.tally("daily-1") == (0, 0)
    record(store, "daily-1", ana, mode="daily")
    with store.transaction():
        assert store.tally("daily-1") == (1, 1)
        record(store, "daily-1", bea, chosen="C", correct=False, points=0, mode="daily")
        assert store.tally("daily-1") == (2, 1)
        record(store, "daily-1", bea, mode="daily")  # a second answer of one learner is not counted
        assert store.tally("daily-1") == (2, 1)
        with pytest.raises(RuntimeError), store.transaction():
            record(store, "daily-1", cal, mode="daily")
            assert store.tally("daily-1") == (3, 2)
            raise RuntimeError("the rest of this answer failed")
        assert store.tally("daily-1") == (2, 1)  # undone with its savepoint
    assert store.tally("daily-1") == (2, 1)



def test_a_batch_keeps_all_its_parts_and_one_whose_part_failed_keeps_none(store):
    ready(store)
    ana, bea, cal = learner(store), learner(store, "U0BEA", "Bea"), learner(store, "U0CAL", "Cal")
    serve(store, "daily-1", "rds-proxy", None, mode="daily", target=CHANNEL)
    with store.batch() as parts:
        for who in (ana, bea):
            with store.transaction():
                record(store, "daily-1", who, mode="daily")
    assert not parts.failed and store.tally("daily-1") == (2, 2)
    with store.batch() as parts:
        with store.transaction():
            record(store, "daily-1", cal, mode="daily")
        with pytest.raises(Exception), store.transaction():
            record(store, "no-such-instance", cal)  # refused by the database: the part fails
    assert parts.failed
    assert store.answer_of("daily-1", cal) is None and store.tally("daily-1") == (2, 2)
    with store.transaction():  # the store is ready for the next transaction
        assert record(store, "daily-1", cal, mode="daily")
    assert store.tally("daily-1") == (3, 3)

def test_a_timezone_set_inside_a_transaction_is_read_back_in_it(store):
    with store.transaction():
        assert store.group_timezone(TEAM) == "UTC"
        store.set_group_timezone(TEAM, "Europe/Berlin")
        assert store.group_timezone(TEAM) == "Europe/Berlin"
        with pytest.raises(RuntimeError), store.transaction():
            store.set_group_timezone(TEAM, "Asia/Tokyo")
            raise RuntimeError("undone")
        assert store.group_timezone(TEAM) == "Europe/Berlin"
    assert store.group_timezone(TEAM) == "Europe/Berlin"

def test_bumping_no_periods_changes_nothing(store):
    ana = learner(store)
    store.bump_scores([(TEAM, ana, (), 10, True)])
    assert store.score_of(TEAM, "all", ana) is None


# --- review cards -----------------------------------------------------------------------------

def test_a_saved_card_reads_back_unchanged_and_a_second_save_replaces_it(store):
    ready(store)
    ana = learner(store)
    assert store.card(ana, "rds-proxy") is None
    card, due = a_card(ana, "rds-proxy", correct=False)
    save_card(store, ana, "rds-proxy", card, due)
    assert store.card(ana, "rds-proxy") == card
    later = NOW + timedelta(days=1)
    again, due_again = review.rate(card, True, later, ana, "rds-proxy")
    assert again != card
    save_card(store, ana, "rds-proxy", again, due_again)
    assert store.card(ana, "rds-proxy") == again
    assert store.next_cards(ana, 5) == [("rds-proxy", due_again)]
    assert store.card(learner(store, "U0BEA", "Bea"), "rds-proxy") is None


def test_next_cards_are_the_learners_own_soonest_due_first_two_unless_told(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    assert store.next_cards(ana) == []
    dues = {"ec2-sg": NOW + timedelta(days=3), "rds-proxy": NOW - timedelta(hours=2),
            "rds-replicas": NOW + minutes(10), "ec2-ebs": NOW - timedelta(days=1)}
    for question_id, due in dues.items():
        card, _ = a_card(ana, question_id)
        save_card(store, ana, question_id, card, due)
    card, _ = a_card(bea, "ec2-store")
    save_card(store, bea, "ec2-store", card, NOW - timedelta(days=9))
    assert store.next_cards(ana) == [("ec2-ebs", dues["ec2-ebs"]), ("rds-proxy", dues["rds-proxy"])]
    assert [qid for qid, _ in store.next_cards(ana, 10)] == ["ec2-ebs", "rds-proxy", "rds-replicas", "ec2-sg"]
    assert store.next_cards(bea, 10) == [("ec2-store", NOW - timedelta(days=9))]


def test_cards_due_counts_the_learners_cards_due_at_or_before_now(store):
    ready(store)
    ana, bea = learner(store), learner(store, "U0BEA", "Bea")
    for question_id, due in (("rds-proxy", NOW - timedelta(days=1)), ("ec2-sg", NOW),
                             ("ec2-ebs", NOW + minutes(1))):
        card, _ = a_card(ana, question_id)
        save_card(store, ana, question_id, card, due)
    assert store.cards_due(ana, NOW) == 2
    assert store.cards_due(ana, NOW - timedelta(days=2)) == 0
    assert store.cards_due(ana, NOW + minutes(1)) == 3
    assert store.cards_due(bea, NOW + timedelta(days=30)) == 0


def test_cards_of_questions_gone_from_the_bank_are_skipped_and_come_back_with_them(store):
    ready(store)
    ana = learner(store)
    for question_id, due in (("rds-proxy", NOW - timedelta(days=2)), ("ec2-sg", NOW - timedelta(days=1))):
        card, _ = a_card(ana, question_id)
        save_card(store, ana, question_id, card, due)
    store.sync_questions([q for q in QUESTIONS if q.id != "rds-proxy"])
    assert store.next_cards(ana) == [("ec2-sg", NOW - timedelta(days=1))]
    assert store.cards_due(ana, NOW) == 1
    assert store.card(ana, "rds-proxy") is not None  # kept, not deleted: its history hangs on it
    store.sync_questions(QUESTIONS)
    assert [qid for qid, _ in store.next_cards(ana)] == ["rds-proxy", "ec2-sg"]
    assert store.cards_due(ana, NOW) == 2


# --- schedules and daily posts -----------------------------------------------------------------

def save(store, target: str = CHANNEL, time: str = "09:00", tz: str = "Europe/Berlin",
         weekdays: str = "mon,tue,wed,thu,fri", topic: str | None = "RDS", name: str = "#daily-dva",
         set_by: str = "U0ADMIN", now: datetime = NOW, platform: str = "slack", group: str = TEAM) -> None:
    store.save_schedule(target, platform, group, time, tz, weekdays, topic, name, set_by, now)


SCHEDULE_FIELDS = ("target", "platform", "group_id", "target_name", "time", "timezone", "weekdays", "topic",
                   "set_by", "updated_at")


def schedule(row) -> tuple:
    return tuple(row[f] for f in SCHEDULE_FIELDS)


def test_a_saved_schedule_reads_back_as_saved(store):
    assert store.schedule_row(CHANNEL) is None
    save(store)
    assert schedule(store.schedule_row(CHANNEL)) == (
        CHANNEL, "slack", TEAM, "#daily-dva", "09:00", "Europe/Berlin", "mon,tue,wed,thu,fri", "RDS",
        "U0ADMIN", NOW)


def test_saving_a_channels_schedule_again_replaces_it(store):
    save(store)
    save(store, time="18:30", tz="UTC", weekdays="mon,wed,fri", topic=None, name="#dva", set_by="U0BOSS",
         now=NOW + timedelta(days=2))
    assert schedule(store.schedule_row(CHANNEL)) == (
        CHANNEL, "slack", TEAM, "#dva", "18:30", "UTC", "mon,wed,fri", None, "U0BOSS", NOW + timedelta(days=2))
    assert len(store.schedule_rows()) == 1


def test_schedule_rows_list_every_schedule_by_target(store):
    assert store.schedule_rows() == []
    save(store, target=CHANNEL)
    save(store, target=OTHER_CHANNEL, platform="discord", group="1187000000000000000", topic=None,
         name="#study", tz="America/New_York")
    rows = store.schedule_rows()
    assert [(r["target"], r["platform"], r["timezone"], r["topic"]) for r in rows] == [
        (OTHER_CHANNEL, "discord", "America/New_York", None), (CHANNEL, "slack", "Europe/Berlin", "RDS")]


def test_deleting_a_schedule_says_whether_there_was_one(store):
    save(store, target=CHANNEL)
    save(store, target=OTHER_CHANNEL)
    assert store.delete_schedule(CHANNEL) is True
    assert store.delete_schedule(CHANNEL) is False
    assert store.schedule_row(CHANNEL) is None
    assert [r["target"] for r in store.schedule_rows()] == [OTHER_CHANNEL]


def test_one_daily_post_per_channel_per_slot_a_second_claim_of_the_same_slot_fails(store):
    slot, due = "2026-11-27 09:00", datetime(2026, 11, 27, 8, 0, tzinfo=timezone.utc)
    assert store.is_claimed(CHANNEL, slot) is False
    assert store.claim_slot(CHANNEL, slot, due, NOW) is True
    assert store.claim_slot(CHANNEL, slot, due, NOW + minutes(1)) is False  # a second fire, a restart
    assert store.is_claimed(CHANNEL, slot) is True
    assert store.claim_slot(OTHER_CHANNEL, slot, due, NOW) is True  # another channel, its own slot
    assert store.claim_slot(CHANNEL, "2026-11-30 09:00", due + timedelta(days=3), NOW) is True
    assert store.is_claimed(CHANNEL, "2026-11-28 09:00") is False


def test_a_claimed_slot_with_its_question_is_open_until_closed_and_closes_once(store):
    slot = "2026-11-26 09:00"
    store.claim_slot(CHANNEL, slot, NOW - timedelta(hours=4), NOW - timedelta(hours=4))
    assert store.open_daily_posts(CHANNEL) == []  # claimed, nothing chosen yet: nothing to close
    store.set_slot_question(CHANNEL, slot, "rds-proxy", "dA1yK9pLq0RsT5uV")
    store.set_slot_posted(CHANNEL, slot, "1732608000.000100", NOW - timedelta(hours=4))
    [post] = store.open_daily_posts(CHANNEL)
    assert (post["target"], post["slot"], post["question_id"], post["instance_id"], post["ref"]) == (
        CHANNEL, slot, "rds-proxy", "dA1yK9pLq0RsT5uV", "1732608000.000100")
    assert store.open_daily_posts(OTHER_CHANNEL) == []
    assert store.close_daily_post(CHANNEL, slot, NOW) is True
    assert store.close_daily_post(CHANNEL, slot, NOW + minutes(1)) is False  # only one closer wins
    assert store.open_daily_posts(CHANNEL) == []
    assert store.close_daily_post(CHANNEL, "2026-11-20 09:00", NOW) is False  # never claimed


def test_a_post_sent_without_a_message_reference_is_still_open(store):
    slot = "2026-11-26 09:00"
    store.claim_slot(CHANNEL, slot, NOW, NOW)
    store.set_slot_question(CHANNEL, slot, "ec2-sg", "inst-1")
    store.set_slot_posted(CHANNEL, slot, None, NOW)
    assert [(p["slot"], p["ref"]) for p in store.open_daily_posts(CHANNEL)] == [(slot, None)]


def test_open_daily_posts_are_the_channels_open_ones_oldest_first(store):
    for n, (slot, question_id) in enumerate([("2026-11-24 09:00", "rds-proxy"), ("2026-11-25 09:00", "ec2-sg"),
                                             ("2026-11-26 09:00", "ec2-ebs")]):
        store.claim_slot(CHANNEL, slot, NOW + minutes(n), NOW + minutes(n))
        store.set_slot_question(CHANNEL, slot, question_id, f"inst-{n}")
    store.claim_slot(CHANNEL, "2026-11-27 09:00", NOW + minutes(5), NOW + minutes(5))  # no question yet
    store.close_daily_post(CHANNEL, "2026-11-25 09:00", NOW)
    assert [(p["slot"], p["question_id"], p["instance_id"]) for p in store.open_daily_posts(CHANNEL)] == [
        ("2026-11-24 09:00", "rds-proxy", "inst-0"), ("2026-11-26 09:00", "ec2-ebs", "inst-2")]


def test_daily_history_lists_the_channels_questions_oldest_first_closed_ones_included(store):
    assert store.daily_history(CHANNEL) == []
    for n, (slot, question_id) in enumerate([("2026-11-23 09:00", "ec2-sg"), ("2026-11-24 09:00", "rds-proxy"),
                                             ("2026-11-25 09:00", "ec2-sg")]):
        store.claim_slot(CHANNEL, slot, NOW + minutes(n), NOW + minutes(n))
        store.set_slot_question(CHANNEL, slot, question_id, f"inst-{n}")
    store.close_daily_post(CHANNEL, "2026-11-23 09:00", NOW)
    store.claim_slot(CHANNEL, "2026-11-26 09:00", NOW, NOW)  # claimed, nothing posted: not history
    store.claim_slot(OTHER_CHANNEL, "2026-11-25 09:00", NOW, NOW)
    store.set_slot_question(OTHER_CHANNEL, "2026-11-25 09:00", "ec2-ebs", "inst-9")
    assert store.daily_history(CHANNEL) == ["ec2-sg", "rds-proxy", "ec2-sg"]
    assert store.daily_history(OTHER_CHANNEL) == ["ec2-ebs"]


def test_stopping_and_restarting_a_channels_daily_keeps_its_history_and_claims(store):
    save(store)
    store.claim_slot(CHANNEL, "2026-11-26 09:00", NOW, NOW)
    store.set_slot_question(CHANNEL, "2026-11-26 09:00", "rds-proxy", "inst-1")
    store.delete_schedule(CHANNEL)
    save(store, now=NOW + minutes(5))
    assert store.daily_history(CHANNEL) == ["rds-proxy"]  # so the channel gets no repeat
    assert store.is_claimed(CHANNEL, "2026-11-26 09:00") is True  # so the slot is not posted twice


# --- notes -------------------------------------------------------------------------------------

LAMBDA_NOTES = """\
# Serverless notes

## Lambda

1. Concurrency : 1000 concurrent executions per région by default ?? check the soft limit
   - reserved concurrency caps one function
2. Layers : up to 5 layers per function, unzipped size 250 MB
"""


def passages_of(text: str, file: str) -> list[Passage]:
    found, _ = parse(text, file)
    return found


def as_passage(stored) -> dict:
    return {f.name: getattr(stored, f.name) for f in dataclasses.fields(Passage)}


def test_an_anki_decks_cloze_cards_are_read_back_as_written(store):
    deck = passages_of("# Deck\n\n## Change sets\n\nCFN waits for {{c1::ExecuteChangeSet}}, then {{c2::DescribeStacks}}.\n", "deck.md")
    assert deck[0].clozes
    store.replace_file("deck.md", "c" * 64, deck, NOW, "/srv/notes")
    [stored] = store.all_passages()
    assert stored.clozes == ("CFN waits for {{c1::ExecuteChangeSet}}, then {{c2::DescribeStacks}}.",)


def test_an_empty_store_has_no_passages_and_no_files(store):
    assert store.has_passages() is False
    assert list(store.all_passages()) == []
    assert store.file_digest("dva.md") is None
    assert store.note_roots() == {}
    assert store.passage_files() == {}


def test_passages_saved_are_read_back_unchanged_in_file_then_position_order(store):
    dva, serverless = passages_of(NOTES, "dva.md"), passages_of(LAMBDA_NOTES, "aws/serverless.md")
    assert any(p.open_question for p in serverless) and serverless[0].document == "Serverless notes"
    store.replace_file("dva.md", "a" * 64, dva, NOW, "/srv/notes")
    store.replace_file("aws/serverless.md", "b" * 64, serverless, NOW, "/srv/notes")
    stored = list(store.all_passages())
    assert [as_passage(p) for p in stored] == [dataclasses.asdict(p) for p in serverless + dva]
    assert all(isinstance(p.heading, tuple) and isinstance(p.open_question, bool) for p in stored)
    assert stored[0].path == "Lambda › Concurrency"
    assert store.has_passages() is True
    assert store.file_digest("dva.md") == "a" * 64 and store.file_digest("aws/serverless.md") == "b" * 64
    assert store.passage_files() == {**{p.id: "dva.md" for p in dva},
                                     **{p.id: "aws/serverless.md" for p in serverless}}


def test_passages_saved_by_ingest_are_read_back_unchanged(store, tmp_path):
    (tmp_path / "aws").mkdir()
    (tmp_path / "dva.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "aws" / "serverless.md").write_text(LAMBDA_NOTES, encoding="utf-8")
    report = ingest(store, tmp_path, now=NOW)
    assert sorted(report.loaded) == ["aws/serverless.md", "dva.md"] and report.passages == 8
    expected = passages_of(LAMBDA_NOTES, "aws/serverless.md") + passages_of(NOTES, "dva.md")
    assert [as_passage(p) for p in store.all_passages()] == [dataclasses.asdict(p) for p in expected]
    assert store.note_roots() == {"aws/serverless.md": str(tmp_path.resolve()), "dva.md": str(tmp_path.resolve())}
    again = ingest(store, tmp_path, now=NOW + minutes(5))
    assert (again.loaded, again.unchanged, again.removed) == ([], 2, [])  # the digests were kept


def test_replacing_a_files_passages_drops_the_ones_gone_and_leaves_other_files_alone(store):
    dva, serverless = passages_of(NOTES, "dva.md"), passages_of(LAMBDA_NOTES, "serverless.md")
    store.replace_file("dva.md", "a" * 64, dva, NOW, "/srv/notes")
    store.replace_file("serverless.md", "b" * 64, serverless, NOW, "/srv/notes")
    edited = passages_of(NOTES.replace("up to 15 read replicas", "up to 15 replicas")
                         .replace("3. Security groups : firewalls around instances, only allow rules, stateful\n", ""),
                         "dva.md")
    store.replace_file("dva.md", "c" * 64, edited, NOW + minutes(1), "/srv/notes")
    stored = {p.id: p for p in store.all_passages()}
    assert "ec2/security-groups" not in stored
    assert stored["rds/read-replicas"].text.startswith("Read replicas : up to 15 replicas,")
    assert sorted(p.id for p in stored.values() if p.file == "dva.md") == sorted(p.id for p in edited)
    assert [as_passage(p) for p in store.all_passages() if p.file == "serverless.md"] == [
        dataclasses.asdict(p) for p in serverless]
    assert store.file_digest("dva.md") == "c" * 64 and store.file_digest("serverless.md") == "b" * 64


def test_set_root_moves_only_files_already_loaded(store):
    store.replace_file("dva.md", "a" * 64, passages_of(NOTES, "dva.md"), NOW, "/srv/notes")
    store.replace_file("serverless.md", "b" * 64, passages_of(LAMBDA_NOTES, "serverless.md"), NOW, "/srv/notes")
    store.set_root(["dva.md", "never-loaded.md"], "/app/content/notes")
    assert store.note_roots() == {"dva.md": "/app/content/notes", "serverless.md": "/srv/notes"}
    assert store.file_digest("never-loaded.md") is None


def test_removing_a_file_forgets_it_and_its_passages_and_says_how_many(store):
    dva, serverless = passages_of(NOTES, "dva.md"), passages_of(LAMBDA_NOTES, "serverless.md")
    store.replace_file("dva.md", "a" * 64, dva, NOW, "/srv/notes")
    store.replace_file("serverless.md", "b" * 64, serverless, NOW, "/srv/notes")
    assert store.remove_file("serverless.md") == 2
    assert store.remove_file("serverless.md") == 0
    assert store.remove_file("never-loaded.md") == 0
    assert store.file_digest("serverless.md") is None
    assert store.note_roots() == {"dva.md": "/srv/notes"}
    assert set(store.passage_files().values()) == {"dva.md"}
    assert [p.id for p in store.all_passages()] == [p.id for p in dva]
    assert store.remove_file("dva.md") == 6
    assert store.has_passages() is False


def test_loading_notes_touches_no_learners_data(store):
    ready(store)
    ana = learner(store)
    serve(store, "i-1", "rds-proxy", ana)
    record(store, "i-1", ana)
    bump(store, ana, 10)
    save(store)
    store.replace_file("dva.md", "a" * 64, passages_of(NOTES, "dva.md"), NOW, "/srv/notes")
    store.remove_file("dva.md")
    assert store.answer_of("i-1", ana)["points"] == 10
    assert store.score_of(TEAM, "all", ana)["points"] == 10
    assert store.schedule_row(CHANNEL)["time"] == "09:00"
