"""The in-memory index behind the lookup: BM25 over terms, with fuzzy words.

Three fields per passage (title x3, section, body) on the terms of
``bot.core.lookup.terms``, and a fourth at a lower weight: the words of the written
questions citing it (``bot.core.bank.expansions``). Concepts make acronyms and
synonyms meet; a query word also matches the index words it may misspell,
share a root with, or stand for in other words (``bot.core.lookup.query_words``).
Each passage's *coverage* is the share of the query it matches,
every query word weighed by rarity: a word the notes never use counts (as
the rarest word in a short query, a little in a long one), an AWS service
name they never use counts three times. The lookup declines on low coverage.
Among the best passages, those holding the query's consecutive word pairs
rise, a title the query names in full ("CNAME") lifts its passage, and one
under a heading of exam traps sinks below one teaching the same.

On a big corpus, once rarer words have found ``MAX_CANDIDATES`` passages,
or for a term in more than ``OPEN_LIMIT`` passages, a word only re-scores
passages already found; when even the rarest word is in more than
``OPEN_LIMIT`` passages, only the ``OPEN_LIMIT`` where it weighs most are
candidates. A query's work is bounded at any size of notes, and on the
bundled notes nothing is ever cut.
"""

from __future__ import annotations

import heapq
import math
from operator import itemgetter
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from bot.core.lookup import notes
from bot.core.lookup.learn import lead_ins
from bot.core.lookup.packed import Passages, Postings, WordSets
from bot.core.lookup.query_words import QueryWords
from bot.core.lookup.terms import MAX_WORDS, Unit, Vocabulary, root, sounds, words

TITLE_WEIGHT = 3.0
TITLE_WORDS = 5  # terms: a longer title counts less, down to a body word
SECTION_WEIGHT = 1.0
EXPANSION_WEIGHT = 0.4  # a word of a question citing the passage, per question ...
EXPANSION_CAP = 3  # ... counted up to this many questions
K1, B = 1.2, 0.5
SPELLED = 1.0  # the concept spelled as in the query, on top of the concept
COVERAGE_FLOOR = 0.2  # how much a passage matching few of the query words still counts
COVERAGE_POWER = 1.5  # how much more a passage matching more of the query counts
TITLE_BONUS = 0.5  # a passage whose whole title the query names is about it
LONG = 7  # units: an exam stem, mostly setting
OPEN_LIMIT = 2_000  # postings: beyond this a word only re-scores found passages
MAX_CANDIDATES = 500
PAIRS = 0.5  # bonus for a passage holding the query's word pairs ("one.example.com and two...")
PAIRS_FULL = 4  # pairs in common for the whole bonus
RERANK = 30  # the best passages that get the word-pair bonus
NAME_WEIGHT = 1.5  # a line's lead-in name ("Visibility timeout – ...") counts as this many words
SHORT_QUERY = 4  # units: a query this short names a topic ...
HEADING_BONUS = 0.6  # ... and a passage whose headings hold its words is about it
HEADING_POOL = 200  # the best passages a heading can lift
SECTION_BONUS = 0.7  # a longer query naming a section: how much its passages rise
FIGURE_BONUS = 2.0  # a query asking for a figure: a passage giving one beside its words
LINE_BONUS = 1.0  # a passage with one line holding the query's words, all of them for the whole bonus
LINE_POOL = 5  # the best passages that get it
TRAPS = 0.6  # a passage under a heading of exam traps, among the best ones, counts this share of its score
TRAP_POOL = 5  # the best passages a trap heading can sink among


@dataclass(frozen=True)
class Hit:
    passage: notes.Passage
    score: float
    coverage: float  # share of the query's weight this passage matches
    # it holds the query's rarest name of a topic (a word of some title or
    # section), and the notes know every query word
    topic: bool = False
    held: frozenset[str] = frozenset()  # heads of the query units it matches


class Index(QueryWords):
    """Postings, rarity and ranking; how query words meet index terms is ``QueryWords``."""

    def __init__(self, passages: Passages, vocab: Vocabulary,
                 expansions: Mapping[str, Sequence[str]] | None = None):
        self.vocab = vocab
        self.passages = passages
        self.expansions = expansions or {}
        self.postings: Mapping[str, dict[int, float]] = {}
        self.section_terms: dict[str, set[str]] = {}
        self._near_cache: dict[str, list[tuple[str, float]]] = {}
        self._fixes: dict[str, tuple[str, ...]] = {}
        self._build()

    def _build(self) -> None:
        terms = self.vocab.terms
        built: dict[str, dict[int, float]] = defaultdict(dict)
        fields = []
        names = []
        for p in self.passages:
            title = Counter(terms(p.title if p.title != p.section else ""))
            if p.section not in self.section_terms:
                self.section_terms[p.section] = set(terms(f"{p.document} {p.section}"))
            fields.append((title, self.section_terms[p.section], Counter(terms(p.text, parts=True))))
            names.append({t for name in lead_ins(p.text) for t in terms(name)})
        count = max(1, len(fields))
        avg = sum(sum(b.values()) for _, _, b in fields) / count or 1.0
        own = set().union(*(set(t) | s | set(b) for p, (t, s, b) in zip(self.passages, fields)
                            if not self._stub(p)))
        for i, (title, section, body) in enumerate(fields):
            if self._stub(self.passages[i]):
                continue
            norm = K1 * (1 - B + B * sum(body.values()) / avg)
            # a title is a name; a sentence standing as a title weighs less
            heading = 1 + (TITLE_WEIGHT - 1) * min(1.0, TITLE_WORDS / max(1, len(title)))
            extra = self._asked(self.passages[i].id, own)
            for term in set(title) | section | set(body) | set(extra) | names[i]:
                tf = heading * (term in title) + SECTION_WEIGHT * (term in section) + body[term]
                tf += NAME_WEIGHT * (term in names[i])
                tf += EXPANSION_WEIGHT * extra[term]
                built[term][i] = tf * (K1 + 1) / (tf + norm)
        self.idf = {t: math.log(1 + (count - len(ps) + 0.5) / (len(ps) + 0.5))
                    for t, ps in built.items()}
        self.max_idf = max(self.idf.values(), default=1.0)
        titles = [{t for t in title if "_" not in t} for title, _, _ in fields]
        self.titles = WordSets(titles)
        self.headings = WordSets(set(title) | section | names[i] for i, (title, section, _) in enumerate(fields))
        self._named = set().union(*titles, *self.section_terms.values())  # topic names
        self._named_sections = set().union(*self.section_terms.values())
        self._pair_sets: list[set | None] = [None] * len(fields)  # filled when first needed
        self._figure_sets: list[set | None] = [None] * len(fields)  # terms of lines with a figure, likewise
        self._line_sets: list[dict[str, list[int]] | None] = [None] * len(fields)  # each term's lines, likewise
        self._plain: dict[str, list[str]] = defaultdict(list)
        self._roots: dict[str, list[str]] = defaultdict(list)
        for term in built:
            if term not in self.vocab.concept_terms and "_" not in term and not term.isdigit():
                self._plain[term[0]].append(term)
                self._roots[root(term)].append(term)
        self._known = frozenset(built) | self.vocab.phrase_words
        self._spelling: dict[str, list[str]] = defaultdict(list)
        self._sounds: dict[str, str] = {}  # how a word of the notes sounds -> the word
        # what a misspelt query word may be: words of these notes, not concepts or stopwords
        for word in sorted(built):
            if "_" not in word and not word.isdigit() and word not in self.vocab.stop and (
                    word not in self.vocab.concept_terms or word in self.vocab.phrase_words):
                self._spelling[word[0]].append(word)
                if len(word) >= 4:
                    self._sounds.setdefault(sounds(word), word)
        self.postings = Postings(built)  # read back term by term when kept

    def _asked(self, passage_id: str, own: set[str]) -> Counter:
        """Per term, how many questions citing the passage use it (capped); an
        AWS name the notes never use stays unknown, so "sqs" is still declined."""
        found: Counter = Counter()
        for text in self.expansions.get(passage_id, ()):
            found.update({t for t in self.vocab.terms(text, parts=True) if t in own or t not in self.vocab.names})
        return Counter({t: min(n, EXPANSION_CAP) for t, n in found.items()})

    # --- ranking -----------------------------------------------------------------

    def rank(self, query: list[Unit], limit: int = 10, text: str = "") -> list[Hit]:
        """The best ``limit`` passages for ``query`` (the units of ``text``)."""
        plan, asked, known, unknown = [], set(), 0.0, 0.0
        for unit in query:
            alts = self.alternatives(unit)
            main = {t: a for t, a in alts.items() if "_" not in t}
            related = {t for t, _ in self._related(unit.head)}
            # not the broader terms, not other words for it
            asked.update(t for t in main if t not in unit.terms[1:] and t not in related)
            if not main:
                unknown += self.unknown_weight(unit, short=len(query) < LONG)
                continue
            weight = self.weight(unit, main)
            known += weight
            plan.append((weight, main, {t: a for t, a in alts.items() if "_" in t},
                         not self._named.isdisjoint(main), unit.head))
        plan.sort(key=lambda step: -step[0])  # rarest first: they pick the candidates
        score: dict[int, float] = {}
        matched: dict[int, float] = {}
        rarest: set[int] | None = None  # passages holding the rarest topic word
        held: dict[int, set[str]] = defaultdict(set)
        for weight, main, spelled, topic, head in plan:
            best = self._best(main, score, open_=len(score) < MAX_CANDIDATES)
            if topic and rarest is None:
                rarest = set(best)
            for i, (value, share) in best.items():
                score[i] = score.get(i, 0.0) + value
                matched[i] = matched.get(i, 0.0) + min(share, weight)
                held[i].add(head)
            for term, alt in spelled.items():  # spelled as in the query: a bonus
                for i, w in self.postings[term].items():
                    if i in score:
                        score[i] += SPELLED * alt * w
        ranked = []
        total = known + unknown
        for i, s in score.items():
            coverage = matched[i] / total if total else 0.0
            title = self.titles[i]
            about = len(title & asked) / len(title) if title else 0.0
            final = s * (COVERAGE_FLOOR + coverage) ** COVERAGE_POWER * (1 + TITLE_BONUS * about)
            # equal scores: the shorter passage, whose answer is likelier in view
            ranked.append((final, -self.passages.text_length(i), i, coverage))
        if 0 < len(plan) <= SHORT_QUERY:  # a short query names a topic: its headings count
            ranked = self._heading_bonus(heapq.nlargest(HEADING_POOL, ranked), plan, held)
        elif plan:  # a longer one may name a section ("... sqs accepts?"): its passages come first
            ranked = self._section_bonus(heapq.nlargest(HEADING_POOL, ranked), plan)
        top = heapq.nlargest(max(limit, RERANK), ranked)
        if plan and not self.vocab.figures.isdisjoint(words(text)[:MAX_WORDS]):
            top = self._figure_bonus(top, plan)
        top = self._pairs_bonus(top, text)
        if len(plan) > 1:  # one word has nothing to bring together; a bonus only lifts, so the pool stays first
            top = self._line_bonus(top[:LINE_POOL], plan) + top[LINE_POOL:]
        top = self._traps_last(top)[:limit]
        return [Hit(self.passages[i], final, coverage, not unknown and i in (rarest or ()),
                    frozenset(held[i])) for final, _, i, coverage in top]

    def _traps_last(self, top: list[tuple]) -> list[tuple]:
        """A list of the notes' exam traps ("Exam traps: ReturnValues", "stuff I keep mixing up")
        restates what they teach: a passage teaching it, nearly as good a match, answers first."""
        out = [(final * TRAPS if not self.vocab.traps.isdisjoint(words(" ".join(self.passages[i].heading)))
                else final, position, i, coverage) for final, position, i, coverage in top[:TRAP_POOL]]
        return sorted(out, reverse=True) + top[TRAP_POOL:]

    def _heading_bonus(self, top: list[tuple], plan: list[tuple], held: dict[int, set[str]]) -> list[tuple]:
        """Among the best passages, those whose headings name the query's words rise."""
        out = []
        for final, position, i, coverage in top:
            named = sum(1 for _, main, _, _, head in plan
                        if head in held[i] and not self.headings[i].isdisjoint(main))
            out.append((final * (1 + HEADING_BONUS * named / len(plan)), position, i, coverage))
        return out

    def _section_bonus(self, top: list[tuple], plan: list[tuple]) -> list[tuple]:
        """Passages of a section the query names by a name of the lexicon or the notes rise."""
        names = [main for _, main, _, _, head in plan if head in self.vocab.names or head in self._named_sections]
        if not names:
            return top
        out = []
        for final, position, i, coverage in top:
            section = self.section_terms[self.passages[i].section]
            hit = any(not section.isdisjoint(main) for main in names)
            out.append((final * (1 + SECTION_BONUS * hit), position, i, coverage))
        return out

    def _figure_bonus(self, top: list[tuple], plan: list[tuple]) -> list[tuple]:
        """A query asking for a figure ("maximum", "how many"): passages whose lines give a
        number beside the query's other words rise, as the limits sheet over the overview."""
        asked = [main for _, main, _, _, head in plan if head not in self.vocab.figures]
        if not asked:
            return top
        out = []
        for final, position, i, coverage in top:
            if self._figure_sets[i] is None:
                self._figure_sets[i] = {t for line in self.passages[i].text.split("\n")
                                        if any(c.isdigit() for c in line) for t in self.vocab.terms(line, parts=True)}
            share = sum(1 for main in asked if not self._figure_sets[i].isdisjoint(main)) / len(asked)
            out.append((final * (1 + FIGURE_BONUS * share), position, i, coverage))
        return sorted(out, reverse=True)

    def _line_bonus(self, top: list[tuple], plan: list[tuple]) -> list[tuple]:
        """Passages where one line holds most of the query's words rise: an answer is
        usually one line, and a passage naming the words on different lines is about other things."""
        total = sum(weight for weight, *_ in plan)
        asked: dict[str, list[tuple[int, float]]] = defaultdict(list)  # term -> (query word, value)
        for k, (weight, main, *_) in enumerate(plan):
            for t, a in main.items():
                asked[t].append((k, weight * a))
        out = []
        for final, position, i, coverage in top:
            if self._line_sets[i] is None:
                at: dict[str, list[int]] = defaultdict(list)
                lines = (line for line in self.passages[i].text.split("\n") if line.strip())
                for n, line in enumerate(lines):
                    for t in set(self.vocab.terms(line, parts=True)):
                        at[t].append(n)
                self._line_sets[i] = dict(at)
            where = self._line_sets[i]
            held: dict[tuple[int, int], float] = {}  # (line, query word) -> best value
            for t in where.keys() & asked.keys():
                for n in where[t]:
                    for k, value in asked[t]:
                        if value > held.get((n, k), 0.0):
                            held[(n, k)] = value
            lines_got: dict[int, float] = defaultdict(float)
            for (n, _), value in held.items():
                lines_got[n] += value
            out.append((final * (1 + LINE_BONUS * max(lines_got.values(), default=0.0) / total),
                        position, i, coverage))
        return sorted(out, reverse=True)

    def _pairs_bonus(self, top: list[tuple], text: str) -> list[tuple]:
        """Passages holding the query's consecutive word pairs rise: the words
        the learner typed, in the notes' own order."""
        wanted = _pairs(words(text)[:MAX_WORDS], self.vocab.stop)
        if not wanted:
            return top
        out = []
        for final, position, i, coverage in top:
            if self._pair_sets[i] is None:
                p = self.passages[i]
                self._pair_sets[i] = _pairs(words(f"{p.title}\n{p.text}"), self.vocab.stop)
            share = len(wanted & self._pair_sets[i]) / min(len(wanted), PAIRS_FULL)
            out.append((final * (1 + PAIRS * share), position, i, coverage))
        return sorted(out, reverse=True)

    def _best(self, alts: dict[str, float], found: dict[int, float], open_: bool
              ) -> dict[int, tuple[float, float]]:
        """Per passage, the best-valued term of one query word: (value, its weight).

        A term in more than ``OPEN_LIMIT`` passages (or any term, when not
        ``open_``) only re-scores passages already found.
        """
        best: dict[int, tuple[float, float]] = {}
        for term, alt in sorted(alts.items(), key=lambda item: -item[1]):
            postings = self.postings[term]
            if open_ and len(postings) <= OPEN_LIMIT:
                pairs = postings.items()
            elif open_ and not (found or best):  # the first word is everywhere: where it weighs most
                pairs = heapq.nlargest(OPEN_LIMIT, postings.items(), key=itemgetter(1))
            else:
                pool = found.keys() | best.keys()
                pairs = ((i, postings[i]) for i in pool if i in postings)
            for i, w in pairs:
                if alt * w > best.get(i, (0.0, 0.0))[0]:
                    best[i] = (alt * w, alt)
        return best


    def about(self, i: int, query: list[Unit]) -> bool:
        """Do passage ``i``'s headings (title, section, lead-in names) name the query?"""
        return any(not self.headings[i].isdisjoint(self.alternatives(u)) for u in query)

    def _stub(self, p: notes.Passage) -> bool:
        """A bare name ("Global Services: 3. Cloudfront", "1. Relational database service"):
        no answer to anything."""
        if p.text != p.title:
            return False
        found = self.vocab.terms(p.title)
        return all(t in self.vocab.concept_terms or "_" in t for t in found) or len(p.title.split()) <= 2


def _pairs(tokens: list[str], stop: frozenset[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(tokens, tokens[1:]) if a not in stop or b not in stop}
