"""The lookup: which passage of the notes answers a query, or that none does.

One in-memory index, built when the ``Library`` is made (a few milliseconds
for the bundled notes), serves both ``ask`` and quiz topics, so "what the
notes say about X" means the same thing everywhere.

Ranking is BM25 over three fields (title x3, section, body) on the terms of
``bot.core.terms``: concepts make acronyms and synonyms meet, and every query
word also matches the index words it may misspell (rapidfuzz) or share a
stem with. A query is declined when the best passage covers too little of
it, weighing each query word by its rarity: a word the notes never use
counts, and an AWS service name they never use counts three times, so
"sqs visibility timeout" is not answered with a passage about timeouts.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Iterable

from bot.core import messages, notes
from bot.core.snippet import excerpt
from bot.core.terms import (
    CONCEPT_TERMS, PHRASE_WORDS, SERVICE_NAMES, Unit, near, root, terms, units,
)

TITLE_WEIGHT = 3.0
SECTION_WEIGHT = 1.0
K1, B = 1.2, 0.5
BROADER = 0.5  # a broader term of a concept ("elb" for "alb") counts half
SAME_ROOT = 0.8  # "deleted" ~ "deletion", "connecting" ~ "connection"
CLOSE = 0.9  # a word the notes use matches only near-identical spellings too
SPELLED = 1.0  # the concept spelled as in the query, on top of the concept
COVERAGE_FLOOR = 0.2  # how much a passage matching few of the query words still counts
TITLE_BONUS = 0.5  # a passage whose whole title the query names is about it
UNKNOWN_WORD = 0.7  # weight of a query word the notes never use, in a long query
# (in a short query such a word is the topic: it weighs as the rarest word)
UNKNOWN_SERVICE = 3.0  # ... times the rarest word's weight, for an AWS name
COVER_MIN = 0.5  # below this share of the query, the answer is "nothing"
COVER_MIN_LONG = 0.25  # ... for a long query (an exam stem is mostly setting)
LONG = 7  # units
QUERY_ECHO = 120
USAGE = "Usage: ask <query>, e.g. 'ask rds proxy' or 'ask how long are deleted snapshots kept'"


@dataclass(frozen=True)
class Hit:
    passage: notes.Passage
    score: float
    coverage: float  # share of the query's weight this passage matches


class Library:
    """The notes, indexed for lookup. Build one per process from the store."""

    def __init__(self, passages: Iterable[notes.Passage]):
        self.passages = [_as_passage(p) for p in passages]
        self._by_id = {p.id: p for p in self.passages}
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._section_terms: dict[str, set[str]] = {}
        self._index()
        self._near_cache: dict[str, list[tuple[str, float]]] = {}
        self._fixes: dict[str, tuple[str, ...]] = {}

    # --- the index -------------------------------------------------------------

    def _index(self) -> None:
        fields = []
        for p in self.passages:
            title = Counter(terms(p.title if p.title != p.section else ""))
            section = set(self._section_terms.setdefault(p.section, set(terms(p.section))))
            body = Counter(terms(p.text))
            fields.append((title, section, body))
        count = max(1, len(fields))
        avg = sum(sum(b.values()) for _, _, b in fields) / count or 1.0
        for i, (title, section, body) in enumerate(fields):
            if _stub(self.passages[i]):
                continue
            norm = K1 * (1 - B + B * sum(body.values()) / avg)
            for term in set(title) | section | set(body):
                tf = TITLE_WEIGHT * min(title[term], 1) + SECTION_WEIGHT * (term in section) + body[term]
                self._postings[term].append((i, tf * (K1 + 1) / (tf + norm)))
        self._idf = {t: math.log(1 + (count - len(ps) + 0.5) / (len(ps) + 0.5))
                     for t, ps in self._postings.items()}
        self._max_idf = max(self._idf.values(), default=1.0)
        self._titles = [set(title) for title, _, _ in fields]
        self._plain: dict[str, list[str]] = defaultdict(list)
        self._roots: dict[str, list[str]] = defaultdict(list)
        for term in self._postings:
            if term not in CONCEPT_TERMS and "_" not in term and not term.isdigit():
                self._plain[term[0]].append(term)
                self._roots[root(term)].append(term)
        self._known = frozenset(self._postings) | PHRASE_WORDS
        self._spelling: dict[str, list[str]] = defaultdict(list)
        for word in self._known:
            if "_" not in word and not word.isdigit():
                self._spelling[word[0]].append(word)

    def _units(self, text: str) -> list[Unit]:
        return units(text, fix=self._fix)

    def _fix(self, word: str) -> tuple[str, ...]:
        """A query word the notes do not know -> the word it misspells, or the
        two words it runs together ("loadbalancer"); else itself."""
        if word in self._fixes:
            return self._fixes[word]
        fixed: tuple[str, ...] = (word,)
        if len(word) >= 4 and not word.isdigit() and word not in self._known \
                and word not in SERVICE_NAMES:
            close = near(word, self._spelling.get(word[0], []), limit=3)
            if close:
                fixed = (close[0][0],)
            else:
                fixed = next(((word[:i], word[i:]) for i in range(len(word) - 3, 1, -1)
                              if word[:i] in self._known and word[i:] in self._known), fixed)
        self._fixes[word] = fixed
        return fixed

    def _alternatives(self, unit: Unit) -> dict[str, float]:
        """Index terms that count as this unit, each with its weight.

        A weight is rarity (idf) times likeness; a misspelling or another
        form of a word the notes use is never worth more than the word.
        """
        alts: dict[str, float] = {}
        for n, term in enumerate(unit.terms):
            if term in self._postings:
                alts[term] = self._idf[term] * (1.0 if n == 0 or "_" in term else BROADER)
        if unit.concept:
            return alts
        head = unit.head
        if head not in self._near_cache:
            found = near(head, self._plain.get(head[0], []))
            if head in self._postings:
                found = [(t, sim) for t, sim in found if sim >= CLOSE]
            found += [(t, SAME_ROOT) for t in self._roots.get(root(head), ()) if t != head]
            cap = self._idf.get(head, self._max_idf)
            self._near_cache[head] = [(t, sim * min(self._idf[t], cap)) for t, sim in found]
        for term, weight in self._near_cache[head]:
            alts[term] = max(alts.get(term, 0.0), weight)
        return alts

    # --- ranking ---------------------------------------------------------------

    def find(self, query: str, limit: int = 5) -> list[Hit]:
        """Passages matching ``query``, best first (may include weak matches)."""
        return self._rank(self._units(query))[:limit]

    def _rank(self, query: list[Unit]) -> list[Hit]:
        score: dict[int, float] = defaultdict(float)
        matched: dict[int, float] = defaultdict(float)
        named: set[str] = set()
        total = 0.0
        for unit in query:
            alts = self._alternatives(unit)
            named.update(alts)
            for term in [t for t in alts if "_" in t]:  # spelled as in the query: a bonus
                for i, w in self._postings[term]:
                    score[i] += SPELLED * alts[term] * w
            alts = {t: a for t, a in alts.items() if "_" not in t}
            if not alts:
                total += self._unknown_weight(unit, short=len(query) < LONG)
                continue
            weight = self._idf.get(unit.head) or max(alts.values())
            total += weight
            best: dict[int, tuple[float, float]] = {}
            for term, alt in alts.items():
                for i, w in self._postings[term]:
                    if alt * w > best.get(i, (0.0, 0.0))[0]:
                        best[i] = (alt * w, alt)
            for i, (value, share) in best.items():
                score[i] += value
                matched[i] += min(share, weight)
        hits = []
        for i, s in score.items():
            coverage = matched[i] / total if total else 0.0
            title = self._titles[i]
            about = len(title & named) / len(title) if title else 0.0
            hits.append(Hit(self.passages[i], s * (COVERAGE_FLOOR + coverage) * (1 + TITLE_BONUS * about), coverage))
        hits.sort(key=lambda h: (-h.score, h.passage.position))
        return hits

    def _unknown_weight(self, unit: Unit, short: bool) -> float:
        if unit.head in SERVICE_NAMES:
            return UNKNOWN_SERVICE * self._max_idf
        return self._max_idf if short else UNKNOWN_WORD

    # --- answers ---------------------------------------------------------------

    def ask(self, query: str) -> messages.Passage | messages.NothingFound:
        echo = _echo(query)
        query_units = self._units(query)
        hits = self._rank(query_units)
        if not hits or hits[0].coverage < _cover_min(query_units):
            return messages.NothingFound(echo, self._suggestions(hits))
        top = hits[0].passage
        related = [h.passage.title for h in hits[1:] if h.passage.title != top.title
                   and h.coverage >= _cover_min(query_units) / 2][:2]
        return messages.Passage(
            query=echo,
            passage_id=top.id,
            heading=top.heading,
            text=excerpt(top, self._wanted(query_units), terms),
            source=f"{top.file}:{top.line_start}-{top.line_end}",
            related=tuple(dict.fromkeys(related)),
            open_question=top.open_question,
        )

    def _wanted(self, query: list[Unit]) -> list[dict[str, float]]:
        return [self._alternatives(u) for u in query]

    def _suggestions(self, hits: list[Hit]) -> tuple[str, ...]:
        near_topics = [h.passage.path for h in hits if h.coverage > 0][:3]
        return tuple(dict.fromkeys(near_topics + self.sections()))[:3 if near_topics else 5]

    def match_topic(self, text: str) -> tuple[str, ...]:
        """The passage ids a quiz topic means: a whole section, or the passages
        ``ask`` would answer with; () when the notes have nothing on it."""
        query = self._units(text or "")
        if not query:
            return ()
        heads = {u.head for u in query}
        sections = [s for s, ts in self._section_terms.items() if heads <= ts]
        if sections:
            return tuple(p.id for p in self.passages if p.section in sections)
        hits = [h for h in self._rank(query) if h.coverage >= _cover_min(query)]
        if not hits:
            return ()
        return tuple(h.passage.id for h in hits if h.score >= 0.5 * hits[0].score)[:6]

    def handle(self, command: messages.Ask | messages.Topics, now: datetime) -> list[messages.Reply]:
        match command:
            case messages.Ask(query=query) if query.strip():
                return [self.ask(query)]
            case messages.Ask():
                return [messages.Text(USAGE, error=True)]
            case messages.Topics():
                counts = self.topic_counts()
                return [messages.TopicList(tuple(messages.Topic(s, n) for s, n in counts.items()))]
        return [messages.Text("Unknown command. Try 'help'.", error=True)]

    # --- what the notes hold -----------------------------------------------------

    def sections(self) -> list[str]:
        return list(self.topic_counts())

    def topic_counts(self) -> dict[str, int]:
        ordered = sorted(self.passages, key=lambda p: (p.file, p.position))
        return dict(Counter(p.section for p in ordered))

    def passage(self, passage_id: str) -> notes.Passage | None:
        return self._by_id.get(passage_id)


def _stub(p: notes.Passage) -> bool:
    """A bare name in a list ("Global Services: 3. Cloudfront"): no answer to anything."""
    return p.text == p.title and len(p.title.split()) <= 2


def _as_passage(p) -> notes.Passage:
    """A stored row (same fields) -> notes.Passage; a Passage passes through."""
    if isinstance(p, notes.Passage):
        return p
    return notes.Passage(**{f.name: getattr(p, f.name) for f in fields(notes.Passage)})


def _cover_min(query: list[Unit]) -> float:
    return COVER_MIN_LONG if len(query) >= LONG else COVER_MIN


def _echo(query: str) -> str:
    """The query as it may be shown back: printable, one line, not too long."""
    shown = " ".join("".join(c for c in query if c.isprintable()).split())
    return shown if len(shown) <= QUERY_ECHO else shown[:QUERY_ECHO - 1] + "…"
