"""Whatever is typed, ``ask`` answers or says "nothing": never a traceback."""

from __future__ import annotations

import gc
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.core import messages
from bot.core.lookup import query_words, terms
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
    assert isinstance(reply, (messages.FoundPassage, messages.NothingFound, messages.Text))
    if isinstance(reply, messages.FoundPassage):
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
        assert isinstance(reply, messages.FoundPassage) and reply.passage_id == "rds/amazon-rds-proxy", query


def test_a_10000_character_query_is_answered_from_its_first_120_words():
    """However long a query, the lookup reads only its first 120 words: bounded work. The rest
    here is 10,000 characters of words the notes never use, which would get it declined if read."""
    first = "how does rds proxy pool connections " * 20  # 120 words
    rest = " ".join(f"zq{n}word" for n in range(1_200))
    [reply] = LIBRARY.handle(messages.Ask(ME, first + rest), NOW)
    assert isinstance(reply, messages.FoundPassage) and reply.passage_id == "rds/amazon-rds-proxy"
    assert reply == LIBRARY.ask(first) and len(reply.query) <= 120


def _held_by_a_library_after(new_words: int) -> int:
    """Bytes a fresh Library still holds after being asked ``new_words`` words it has never seen,
    60 a query: what is freed when it is dropped (process-wide caches are not its own)."""
    library = Library(LIBRARY.passages)
    gc.collect()
    tracemalloc.start()
    try:
        for start in range(0, new_words, 60):
            library.ask(" ".join(f"zq{n}x{new_words}word" for n in range(start, min(start + 60, new_words))))
        gc.collect()
        alive = tracemalloc.get_traced_memory()[0]
        del library
        gc.collect()
        return alive - tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def test_a_long_running_bot_does_not_grow_in_memory_with_every_new_word_typed(monkeypatch):
    """Memory levels off: five times as many new words cost no more than one bound's worth.
    The bound on remembered words is cut to 1,000 (from 20,000) so this runs in a second."""
    for module in (query_words, terms):
        monkeypatch.setattr(module, "CACHE_WORDS", 1_000)
    one_bound = _held_by_a_library_after(1_000)
    five_bounds = _held_by_a_library_after(5_000)
    assert five_bounds < 1.5 * one_bound


def test_a_flood_of_new_words_does_not_change_what_a_query_is_answered_with(monkeypatch):
    for module in (query_words, terms):
        monkeypatch.setattr(module, "CACHE_WORDS", 1_000)
    library = Library(LIBRARY.passages)
    queries = ["how does rds proxy pool connections", "loadbalancer helth check", "ebs snapshot"]
    before = [library.ask(query) for query in queries]
    for start in range(0, 3_000, 60):
        library.ask(" ".join(f"zq{n}flood" for n in range(start, start + 60)))
    assert [library.ask(query) for query in queries] == before
