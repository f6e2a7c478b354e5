"""The lookup: which passage of the notes answers a query, or that none does.

One in-memory index (``bot.core.lookup.index``), built when the ``Library`` is made
(a few milliseconds for the bundled notes), serves both ``ask`` and quiz
topics, so "what the notes say about X" means the same thing everywhere.

A query is declined when it names an AWS topic the notes do not treat, or
when the best passage covers almost none of it (``bot.core.lookup.decline``): "sqs
visibility timeout" is not answered with a passage about timeouts, and the
reply names the closest topics the notes do cover instead. Written questions
citing a passage add their wording to it (``bot.core.bank.expansions``).
The reply shows the part of a long passage that matches (``snippet``).
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from dataclasses import fields
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from bot.core import messages

from bot.core.lookup import notes
from bot.core.lookup.decline import answers
from bot.core.lookup.index import Hit, Index
from bot.core.lookup.snippet import excerpt, part
from bot.core.lookup.learn import lexicon as learned_lexicon
from bot.core.lookup.lexicon import Lexicon, shipped
from bot.core.lookup.packed import Passages
from bot.core.lookup.terms import Unit, Vocabulary

RELATED_SHARE = 0.5  # a related passage must match this share of what the best one does ...
RELATED_SCORE = 0.3  # ... and score this share of its score
QUERY_ECHO = 120
INDEX_FORMAT = 5  # bump when what ``to_bytes`` keeps changes shape
_CODE = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()
LINE_CACHE = 50_000  # lines of passages whose terms are remembered (bounded: memory stays flat)
USAGE = "Usage: ask <query>, e.g. 'ask rds proxy' or 'ask how long are deleted snapshots kept'"

__all__ = ["Hit", "Library"]


class Library:
    """The notes, indexed for lookup. Build one per process from the store.

    ``expansions``: passage id -> texts that say what it is about in other
    words (``expansion.expansions`` of the question bank); the caller loads them.
    ``lexicon``: the words the lookup knows (the shipped one when None); the
    notes' own acronyms are learned on top of it.
    """

    def __init__(self, passages: Iterable[notes.Passage],
                 expansions: Mapping[str, Sequence[str]] | None = None, lexicon: Lexicon | None = None):
        self.passages = Passages([_as_passage(p) for p in passages])
        self._position = {p.id: i for i, p in enumerate(self.passages)}
        base = shipped() if lexicon is None else lexicon
        self.lexicon = base
        vocab = Vocabulary(learned_lexicon(self.passages, base).merged(base))  # the notes' own meaning first ("EB")
        self.vocab = vocab.in_their_own_sense(f"{p.document}\n{p.path}\n{p.text}" for p in self.passages)
        self._index = Index(self.passages, self.vocab, expansions)
        # a passage's lines are read again by every query that lands on it: remember their terms
        self._remember_lines()
        ordered = sorted(self.passages, key=lambda p: (p.file, p.position))
        self._counts = dict(Counter(p.section for p in ordered))

    def _remember_lines(self) -> None:
        self._line_terms = lru_cache(maxsize=LINE_CACHE)(lambda line: frozenset(self.vocab.terms(line, parts=True)))

    @staticmethod
    def key_for(files: Mapping[str, str], bank_key: str, lexicon_key: str) -> str:
        """What a kept lookup was built from: the notes files (path -> content digest; a file's
        passages follow from its path and text), the question bank whose wording it adds
        (``bank_key``), the lexicon's files (``lexicon_key``) and this package's code; any
        change builds it again. Reading it costs one small query, not the passages: a warm
        ``dva ask`` stays quick at any size."""
        digest = hashlib.sha256(f"{_CODE}|{INDEX_FORMAT}|{lexicon_key}".encode())
        for path in sorted(files):
            digest.update(f"\x00{path}\x00{files[path]}".encode())
        digest.update(f"\x01{bank_key}".encode())
        return digest.hexdigest()

    def to_bytes(self) -> bytes:
        """The built lookup, to keep beside the notes it was built from: building it is most of
        a start on big notes, reading it back a fraction (``from_bytes``)."""
        state = {k: v for k, v in self.__dict__.items() if k != "_line_terms"}
        return pickle.dumps((INDEX_FORMAT, state), protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> Library | None:
        """A lookup kept by ``to_bytes``; None when the bytes are not one (build it again)."""
        try:
            version, state = pickle.loads(data)
        except Exception:  # a damaged or foreign blob: never trusted, never fatal
            return None
        if version != INDEX_FORMAT or not isinstance(state, dict):
            return None
        library = cls.__new__(cls)
        library.__dict__.update(state)
        library._remember_lines()
        return library

    # --- answers ---------------------------------------------------------------

    def ask(self, query: str) -> messages.FoundPassage | messages.NothingFound:
        echo = _echo(query)
        query_units = self._index.units(query)
        hits = self._index.rank(query_units, text=query)
        if not answers(hits[0] if hits else None, query_units, query, self._index):
            return messages.NothingFound(echo, self._suggestions(hits))
        top = hits[0].passage
        related = [h.passage.title for h in hits[1:] if h.passage.title != top.title
                   and h.coverage >= RELATED_SHARE * hits[0].coverage
                   and h.score >= RELATED_SCORE * hits[0].score][:2]
        shown = excerpt(top, self._wanted(query_units), self._line_terms)
        return messages.FoundPassage(
            query=echo,
            passage_id=top.id,
            heading=top.heading,
            text=shown.text,
            source=f"{top.file}:{top.line_start}-{top.line_end}",
            related=tuple(dict.fromkeys(related)),
            open_question=top.open_question,
            more=shown.more,
        )

    def more(self, passage_id: str, start: int) -> messages.FoundPassage | messages.Text:
        """The next part of a long passage, with the same heading path."""
        p = self.passage(passage_id)
        if p is None:
            return messages.Text("That passage is no longer in the notes: ask again.", error=True)
        shown = part(p, start)
        return messages.FoundPassage(query="", passage_id=p.id, heading=p.heading, text=shown.text,
                                source=f"{p.file}:{p.line_start}-{p.line_end}",
                                open_question=p.open_question, more=shown.more)

    def _wanted(self, query: list[Unit]) -> list[dict[str, float]]:
        return [self._index.alternatives(u) for u in query]

    def _suggestions(self, hits: list[Hit]) -> tuple[str, ...]:
        """The passages that matched part of the query, else the biggest sections."""
        near_topics = [_topic_name(h.passage) for h in hits if h.coverage > 0][:3]
        biggest = sorted(self._counts, key=lambda s: -self._counts[s])
        return tuple(dict.fromkeys(near_topics + biggest))[:3 if near_topics else 5]

    def match_topic(self, text: str) -> tuple[str, ...]:
        """The passage ids a quiz topic means: a whole section, or the passages
        ``ask`` would answer with; () when the notes have nothing on it."""
        query = self._index.units(text or "")
        if not query:
            return ()
        heads = {u.head for u in query}
        sections = [s for s, ts in self._index.section_terms.items() if heads <= ts]
        if sections:
            return tuple(p.id for p in self.passages if p.section in sections)
        # a topic is what a passage is about (its headings), not a word it mentions in passing
        hits = [h for h in self._index.rank(query, text=text) if answers(h, query, text, self._index)
                and self._index.about(self._position[h.passage.id], query)]
        if not hits:
            return ()
        return tuple(h.passage.id for h in hits if h.score >= 0.5 * hits[0].score)[:6]

    def handle(self, command: messages.Ask | messages.More | messages.Topics, now: datetime
               ) -> list[messages.Reply]:
        match command:
            case messages.More(passage_id=passage_id, start=start):
                return [self.more(passage_id, start)]
            case messages.Ask(query=query) if query.strip():
                return [self.ask(query)]
            case messages.Ask():
                return [messages.Text(USAGE, error=True)]
            case messages.Topics():
                counts = self.topic_counts()
                return [messages.TopicList(tuple(messages.Topic(s, n) for s, n in counts.items()))]
        return [messages.unknown_command()]

    # --- what the notes hold -----------------------------------------------------

    def sections(self) -> list[str]:
        return list(self.topic_counts())

    def topic_counts(self) -> dict[str, int]:
        return dict(self._counts)

    def passage(self, passage_id: str) -> notes.Passage | None:
        i = self._position.get(passage_id)
        return None if i is None else self.passages[i]


def _topic_name(p: notes.Passage) -> str:
    """What to call a passage when suggesting it: its headings, not words of its text
    (a passage titled by its own first line is named by its section)."""
    if len(p.heading) > 1 and (p.title.rstrip("…") in p.text or len(p.title) > 40):
        return p.section
    return p.path


def _as_passage(p) -> notes.Passage:
    """A stored row (same fields) -> notes.Passage; a Passage passes through."""
    if isinstance(p, notes.Passage):
        return p
    return notes.Passage(**{f.name: getattr(p, f.name) for f in fields(notes.Passage)})


def _echo(query: str) -> str:
    """The query as it may be shown back: printable, one line, not too long."""
    shown = " ".join("".join(c for c in query if c.isprintable()).split())
    return shown if len(shown) <= QUERY_ECHO else shown[:QUERY_ECHO - 1] + "…"
