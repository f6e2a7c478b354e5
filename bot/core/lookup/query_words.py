"""How a query word meets the index: typos, word forms, other words for it.

A mixin of ``index.Index`` (which fills ``postings``, ``idf`` and the word
lists by first letter and by root). A query word the notes do not know is
first read as the word it misspells or the two it runs together
("loadbalancer"); then each unit gets its *alternatives*, the index terms
that count as it with a weight: rarity (idf) times likeness. Broader terms
of a concept count half, misspellings and other forms never more than the
word itself, words it may stand for (``related``) at a discount, and plain
words of any topic ("app", "support") half.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.lookup.terms import Unit, Vocabulary, identifiers, near, root, sounds

RELATED_WEIGHT = 0.6  # a word standing for another ("disk" for "volume") counts this much
RELATED_ONLY = 0.8  # ... and a word the notes never use ("pin" for "sticky")
PLAIN_WEIGHT = 0.5  # a plain word of any topic ("app", "support") counts this much
BROADER = 0.5  # a broader term of a concept ("elb" for "alb") counts half
SAME_ROOT = 0.8  # "deleted" ~ "deletion", "connecting" ~ "connection"
RESEMBLES = 72  # rapidfuzz ratio: a rough typo of a word of the notes, not a name they lack
TYPO_SPAN = 2  # letters a rough typo adds or drops at most
CLOSE = 0.9  # a word the notes use matches only near-identical spellings too
UNKNOWN_WORD = 0.7  # weight of a query word the notes never use, in a long query
UNKNOWN_NAME = 3.0  # ... times the rarest word's weight, for a distinctive name
TERM_LENGTH = 8  # letters: a longer unknown word in a short query is a name (the topic)


class QueryWords:
    vocab: Vocabulary
    postings: Mapping[str, dict[int, float]]
    idf: dict[str, float]
    max_idf: float
    _known: frozenset[str]
    _named: set[str]
    _spelling: dict[str, list[str]]
    _sounds: dict[str, str]
    _plain: dict[str, list[str]]
    _roots: dict[str, list[str]]
    _near_cache: dict[str, list[tuple[str, float]]]
    _fixes: dict[str, tuple[str, ...]]

    def units(self, text: str) -> list[Unit]:
        """The query's units; a phrase the notes never write falls back to its words.

        So does a name typed as code that the notes never write as one word
        ("securityContext"): its words must then be found together, like a
        name of the lexicon (``decline.answers``).
        """
        typed = {w: whole for whole, *parts in identifiers(text) if whole not in self._known for w in parts}
        out: list[Unit] = []
        for unit in self.vocab.units(text, fix=self._fix):
            if unit.concept and unit.words and not self._found(unit):
                # a name's words must then all be found together (decline.answers)
                name = unit.head if unit.head in self.vocab.names else ""
                out.extend(Unit((w,), part_of=name) for w in unit.words
                           if w not in self.vocab.stop and len(w) >= 2 and all(u.head != w for u in out))
            elif unit not in out:
                out.append(replace(unit, part_of=typed[unit.head]) if unit.head in typed and not unit.concept
                           else unit)
        return out

    def _found(self, unit: Unit) -> bool:
        return any(t in self.postings for t in unit.terms[:1]) or any(
            t in self.postings for t in self.vocab.spellings.get(unit.head, ())) or bool(self._related(unit.head))

    def _fix(self, word: str) -> tuple[str, ...]:
        """A query word the notes do not know -> the word it misspells, or the
        words it runs together ("loadbalancer"); else itself."""
        if word in self._fixes:
            return self._fixes[word]
        fixed: tuple[str, ...] = (word,)
        if len(word) == 3 and word not in self._known and word not in self.vocab.names \
                and not self.vocab.related_to(word):
            # a short word missing a letter: "dat" -> "data"
            fixed = next(((w,) for w in self._spelling.get(word[0], ())
                          if len(w) == 4 and w.startswith(word[:2]) and OSA.distance(w, word) == 1), fixed)
        elif len(word) >= 4 and not word.isdigit() and word not in self._known \
                and word not in self.vocab.names and not self.vocab.related_to(word) \
                and not self.vocab.english(word):  # "chart" is no misspelling of "cheat"
            close = near(word, self._spelling.get(word[0], []), limit=3)
            if close:
                fixed = (close[0][0],)
            elif heard := self._sounds.get(sounds(word)):  # spelled as it sounds: "resolushun", "graf"
                fixed = (heard,)
            else:  # words the notes run together, else the English word it misspells ("lenght")
                fixed = self._split(word, parts=3) or (
                    (english,) if (english := self.vocab.misspelt(word)) else fixed)
        _remember(self._fixes, word, fixed)
        return fixed

    def _split(self, word: str, parts: int) -> tuple[str, ...] | None:
        """Words of the notes that ``word`` runs together ("loadbalancer",
        "batchwriteitem"), longest first word first; None when there are none."""
        if word in self.postings and word not in self.vocab.stop:
            return (word,)
        if parts == 1:
            return None
        for i in range(len(word) - 3, 2, -1):
            head = word[:i]
            if head in self.postings and head not in self.vocab.stop:
                rest = self._split(word[i:], parts - 1)
                if rest:
                    return (head, *rest)
        return None

    def resembles(self, word: str) -> bool:
        """Is ``word`` loosely like a word of the notes (a typo too rough to correct)?"""
        # of about its length: "kubeadm" holds "kube" but misspells no word of the notes
        return any(abs(len(w) - len(word)) <= TYPO_SPAN for w, _, _ in process.extract(
            word, self._spelling.get(word[:1], ()), scorer=fuzz.ratio, score_cutoff=RESEMBLES, limit=5))

    def knows(self, word: str) -> bool:
        """Do the notes use this word, or one it misspells or stands for?"""
        return bool(self.vocab.related_to(word)) or all(w in self._known for w in self._fix(word))

    def names_topic(self, term: str) -> bool:
        """Is ``term`` a word of some title or section that has passages: a topic
        of the notes? (A bare name such as "Cloudfront" under "Global Services" is not.)"""
        return term in self._named and term in self.postings

    def alternatives(self, unit: Unit) -> dict[str, float]:
        """Index terms that count as this unit, each with its weight.

        A weight is rarity (idf) times likeness; a misspelling or another
        form of a word the notes use is never worth more than the word.
        """
        alts: dict[str, float] = {}
        for n, term in enumerate(unit.terms):
            if term in self.postings:
                alts[term] = self.idf[term] * (1.0 if n == 0 or "_" in term else BROADER)
        if unit.concept:
            # a passage spelling the concept out defines it: "EBS" finds
            # "EBS : Elastic Block Store" before passages that only say EBS
            for term in self.vocab.spellings.get(unit.head, ()):
                if term in self.postings and term not in alts:
                    alts[term] = self.idf[term] * BROADER
            for term, weight in self._related(unit.head):
                alts.setdefault(term, weight)
            return alts
        head = unit.head
        if head not in self._near_cache:
            # a word of ``RELATED`` is a real word, not a misspelling ("backend" is not "backed")
            # nor is an English word the notes never use a rough misspelling of one they do ("chart", "cheat")
            found = [] if self.vocab.related_to(head) and head not in self.postings \
                else near(head, self._plain.get(head[0], []))
            if head not in self.postings and self.vocab.english(head):  # its longer forms only ("ingres")
                found = [(t, sim) for t, sim in found if t.startswith(head)]
            if head in self.postings:
                found = [(t, sim) for t, sim in found if sim >= CLOSE]
            found += [(t, SAME_ROOT) for t in self._roots.get(root(head), ()) if t != head]
            cap = self.idf.get(head, self.max_idf)
            _remember(self._near_cache, head, [(t, sim * min(self.idf[t], cap)) for t, sim in found])
        for term, weight in self._near_cache[head]:
            alts[term] = max(alts.get(term, 0.0), weight)
        for term, weight in self._related(head):
            if term not in alts:
                alts[term] = weight
        if head in self.vocab.plain:
            alts = {t: a * PLAIN_WEIGHT for t, a in alts.items()}
        return alts

    def _related(self, head: str) -> list[tuple[str, float]]:
        """Index terms a word stands for in other words, and their word forms."""
        key = "~" + head
        if key not in self._near_cache:
            found = {}
            # a word the notes never use can only mean what it stands for
            like = RELATED_WEIGHT if head in self.postings else RELATED_ONLY
            for target in self.vocab.related_to(head):
                # its other forms ("promote" -> "promoted"), not a shorter word ("container" -> "contain")
                forms = [t for t in self._roots.get(root(target), ()) if t.startswith(target[:-1])]
                for term in (target, *forms):
                    if term in self.postings:
                        found[term] = like * self.idf[term]
            _remember(self._near_cache, key, list(found.items()))
        return self._near_cache[key]

    def weight(self, unit: Unit, alternatives: dict[str, float]) -> float:
        """How much a unit the notes know counts: its rarity, halved for a plain word."""
        rarity = self.idf.get(unit.head) or max(alternatives.values())
        return rarity * (PLAIN_WEIGHT if unit.head in self.vocab.plain else 1.0)

    def unknown_weight(self, unit: Unit, short: bool) -> float:
        """How much a query word the notes never use counts against an answer."""
        if unit.head in self.vocab.names:
            # a name the notes never use: it weighs on coverage (whether to
            # decline), never on the order of passages, which all lack it
            return UNKNOWN_NAME * self.max_idf
        if not short:
            return UNKNOWN_WORD
        return self.max_idf if len(unit.head) >= TERM_LENGTH else self.max_idf / 2


CACHE_WORDS = 20_000  # words typed by chat users: a long-running bot must not grow without end


def _remember(cache: dict, key: str, value) -> None:  # noqa: ANN001
    """Cache ``value``; a full cache starts over (cheap, and a miss only costs a recompute)."""
    if len(cache) >= CACHE_WORDS:
        cache.clear()
    cache[key] = value
