"""Whatever is typed, ``ask`` answers or says "nothing": never a traceback."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.core import messages
from bot.core.lookup.notes import parse
from bot.core.lookup.search import Library

NOTES = Path(__file__).resolve().parent.parent / "content" / "notes" / "dva-notes.md"
LIBRARY = Library(parse(NOTES.read_text(encoding="utf-8"), "dva-notes.md")[0])
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
ME = messages.Learner("console", "local", "me")

NASTY = [
    '"rds proxy"', "rds*", "^aurora", "NEAR(rds proxy)", "rds NEAR/2 proxy", "rds AND proxy",
    "rds OR", "NOT aurora", "(((", ")", "title:proxy", "text:* OR 1", "'; DROP TABLE passages; --",
    "1=1 OR ''='", "UNION SELECT * FROM passages", "\x00", "\u200b\u200b\u200b", "\u200d🚀\u200d",
    "🙂🙃", "rds\u200bproxy", "\u202eproxy rds", "\r\n\t", "\\", "%", "_", "*", "-", "\"", "'",
    "ｒｄｓ ｐｒｏｘｙ", "ẞ ǅ ﬁ", "\ud7ff", "a" * 10_000, "rds proxy " * 1_000,
]
pieces = st.one_of(
    st.sampled_from(NASTY),
    st.text(min_size=0, max_size=40),
    st.sampled_from(["rds", "proxy", "aurora", "ebs", "asg", "memcached", "az", "the", "which"]),
)
queries = st.lists(pieces, min_size=0, max_size=8).map(" ".join)


def check(reply: messages.Reply) -> None:
    assert isinstance(reply, (messages.Passage, messages.NothingFound, messages.Text))
    if isinstance(reply, messages.Passage):
        assert LIBRARY.passage(reply.passage_id) is not None and reply.text
    if isinstance(reply, messages.NothingFound):
        assert len(reply.query) <= 120 and reply.query.isprintable()
        assert reply.suggestions


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries)
def test_any_query_gets_an_answer_or_nothing_never_an_error(query):
    [reply] = LIBRARY.handle(messages.Ask(ME, query), NOW)
    check(reply)


@settings(max_examples=100, deadline=None)
@given(queries)
def test_any_quiz_topic_means_some_passages_or_none(query):
    ids = LIBRARY.match_topic(query)
    assert all(LIBRARY.passage(i) is not None for i in ids)


def test_every_hand_picked_nasty_query_is_handled():
    for query in NASTY:
        [reply] = LIBRARY.handle(messages.Ask(ME, query), NOW)
        check(reply)


def test_query_syntax_is_just_words_to_the_lookup():
    for query in ('"rds proxy"', "rds AND proxy", "title:rds proxy*", "(rds proxy)", "^rds NEAR proxy"):
        [reply] = LIBRARY.handle(messages.Ask(ME, query), NOW)
        assert isinstance(reply, messages.Passage) and reply.passage_id == "rds/amazon-rds-proxy", query


def test_a_10000_character_query_is_answered_quickly():
    import time

    started = time.perf_counter()
    [reply] = LIBRARY.handle(messages.Ask(ME, "how does rds proxy pool connections " * 280), NOW)
    assert time.perf_counter() - started < 1.0
    assert isinstance(reply, messages.Passage) and reply.passage_id == "rds/amazon-rds-proxy"


def test_a_long_running_bot_does_not_grow_its_word_caches_without_end():
    from bot.core.lookup import query_words

    library = Library(LIBRARY.passages)
    for n in range(query_words.CACHE_WORDS // 40 + 10):
        library.ask(" ".join(f"zq{n}x{i}word" for i in range(60)))
    index = library._index  # the caches are private; their bound is the behaviour under test
    assert 0 < len(index._fixes) <= query_words.CACHE_WORDS
    assert 0 < len(index._near_cache) <= query_words.CACHE_WORDS
