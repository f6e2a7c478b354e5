"""Text -> terms, the same way for the notes and for a query.

A term is a lower-case ascii word with a plural "s" taken off, or a concept
from ``vocabulary.CONCEPTS`` standing for a phrase ("auto scaling group" ->
``asg``). Phrases are found with fuzzy word equality, so the notes' own typos
("Secutiry Goup", "Arora") and a learner's ("memchached") still meet the
concept. Stopwords go last, after phrases that contain them were matched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.aws_topics import AWS_NAMES, NAMES
from bot.core.related import RELATED_WORDS
from bot.core.vocabulary import CONCEPTS, GENERIC, REAL_WORDS, STOPWORDS

_WORD = re.compile(r"[a-z0-9]+")
#: a query is cut to this many words: enough for an exam stem, bounded work
MAX_WORDS = 120
SHORT = 4  # letters: a word this short is misspelt by a missing, extra or swapped letter only


@dataclass(frozen=True)
class Unit:
    """One thing a query asks about: a word or a concept (with broader terms)."""

    terms: tuple[str, ...]  # first is the unit itself; the rest are broader
    concept: bool = False

    @property
    def head(self) -> str:
        return self.terms[0]


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ances", "ance", "ences", "ence",
             "ments", "ment", "ity", "ers", "er", "ed", "ly", "able", "ible", "al", "e", "y")


def root(word: str) -> str:
    """A rougher stem for matching word forms: connecting, connection -> connect."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


#: numbers the notes write in digits ("six copies" is "6 copies"); one and two stay filler words
NUMBERS = {w: str(n) for n, w in enumerate(
    "three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split(), 3)}


def words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [NUMBERS.get(w) or stem(w) for w in _WORD.findall(ascii_text.replace("'s", ""))]


def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(words(variant)): emitted for variant, emitted in (NAMES | CONCEPTS).items()}


PHRASES = _phrases()
#: concept -> its spelled-out forms as terms ("ebs" -> "elastic_block_store", ...)
SPELLINGS: dict[str, frozenset[str]] = {}
for _key, _emitted in PHRASES.items():
    if len(_key) > 1:
        SPELLINGS[_emitted[0]] = SPELLINGS.get(_emitted[0], frozenset()) | {"_".join(_key)}
MAX_PHRASE = max(len(key) for key in PHRASES)
CONCEPT_TERMS = frozenset(t for emitted in PHRASES.values() for t in emitted)
_PHRASE_WORDS = sorted({w for key in PHRASES for w in key if len(w) >= 4})
_PHRASE_WORD_SET = frozenset(_PHRASE_WORDS)
PHRASE_WORDS = frozenset(w for key in PHRASES for w in key)
_PHRASE_BY_LETTER: dict[str, list[str]] = {}
for _w in _PHRASE_WORDS:
    _PHRASE_BY_LETTER.setdefault(_w[0], []).append(_w)
#: first word of a phrase -> the longest phrase starting with it
_LONGEST: dict[str, int] = {}
for _key in PHRASES:
    _LONGEST[_key[0]] = max(_LONGEST.get(_key[0], 0), len(_key))
STOP = frozenset(STOPWORDS) | frozenset(stem(w) for w in STOPWORDS)
SERVICE_NAMES = frozenset(AWS_NAMES) | frozenset(stem(w) for w in AWS_NAMES)
PLAIN = frozenset(stem(w) for w in GENERIC)  # words that count half
#: a query word -> words of the notes it may stand for ("disk" -> "volume")
RELATED: dict[str, tuple[str, ...]] = {}
for _source, _targets in RELATED_WORDS.items():
    for _word in words(_source):
        RELATED[_word] = tuple(dict.fromkeys(RELATED.get(_word, ()) + tuple(words(_targets))))
_FORMS = ("ed", "d", "ing", "es", "ly")


def related_to(word: str) -> tuple[str, ...]:
    """Words of the notes ``word`` may stand for, as itself or as a form of a
    listed word ("finished" as "finish"; not "served" as "server")."""
    found = RELATED.get(word)
    if found is None:
        found = next((RELATED[word[:-len(e)]] for e in _FORMS
                      if word.endswith(e) and word[:-len(e)] in RELATED), ())
    return found


def cutoff(word: str) -> float:
    """How alike (rapidfuzz ratio) a misspelling must be: short words less slack."""
    n = len(word)
    return 85 if n <= 4 else 80 if n <= 6 else 88 if n <= 9 else 86


def near(word: str, choices, limit: int = 4) -> list[tuple[str, float]]:
    """Words of ``choices`` that ``word`` may misspell, with a similarity in 0..1.

    Same first letter, then a close rapidfuzz ratio, or one edit or swap of
    neighbours ("laod" -> "load"), or two edits keeping the length for long
    words or swapped letters ("secutiry" -> "security", not "registry" ->
    "register").
    """
    if len(word) < 4 or word.isdigit():
        return []
    found = {c: s / 100 for c, s, _ in process.extract(
        word, choices, scorer=fuzz.ratio, score_cutoff=cutoff(word), limit=limit)}
    edits = 2 if len(word) >= 8 else 1
    for c, d, _ in process.extract(word, choices, scorer=OSA.distance, score_cutoff=edits, limit=limit):
        # two edits: a long word, or letters swapped ("secutiry"), not "registry" -> "register"
        if len(word) <= SHORT and len(c) == len(word) and sorted(c) != sorted(word):
            continue  # a short word with one letter changed is another word: "shop" is not "stop"
        if d <= 1 or len(c) == len(word) and (len(word) >= 10 or sorted(c) == sorted(word)):
            found.setdefault(c, 1 - d / max(len(word), len(c)))
    return sorted(((c, s) for c, s in found.items() if c[0] == word[0]), key=lambda x: -x[1])


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """The phrase-table word ``word`` misspells, or ``word`` itself."""
    if word in _PHRASE_WORD_SET or word in STOP or word in REAL_WORDS:
        return word
    best = near(word, _PHRASE_BY_LETTER.get(word[:1], ()), limit=2)
    return best[0][0] if best else word


def units(text: str, limit: int = MAX_WORDS, fix: Callable[[str], tuple[str, ...]] | None = None
          ) -> list[Unit]:
    """The query's units in order, duplicates and stopwords removed.

    ``fix`` may correct a word the notes do not know, before phrases are
    found (the lookup passes one that knows the notes' words).
    """
    out: list[Unit] = []
    seen: set[str] = set()
    tokens = words(text)[:limit]
    if fix is not None:
        tokens = [w for t in tokens for w in (fix(t) if t not in STOP else (t,))]
    for terms, concept in _scan(tokens):
        if terms[0] in seen or (not concept and (terms[0] in STOP or len(terms[0]) < 2)):
            continue
        seen.add(terms[0])
        out.append(Unit(terms, concept))
    return out


def terms(text: str, parts: bool = False) -> list[str]:
    """Every index term of ``text`` (concepts with their broader terms), in order.

    ``parts``: the words of a phrase stay findable too ("file" in "elastic
    file system"); the lookup asks for them in a passage's body.
    """
    tokens = words(text)
    fixed = [canonical(t) for t in tokens]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        found = _phrase_at(fixed, i) if fixed[i] in _LONGEST else None
        if found:
            out.extend(found[0])
            if parts:
                out.extend(t for t in tokens[i:i + found[1]] if t not in STOP and len(t) >= 3)
            i += found[1]
            continue
        if tokens[i] not in STOP and len(tokens[i]) >= 2:
            out.append(tokens[i])
        i += 1
    return out


def _scan(tokens: list[str]) -> list[tuple[tuple[str, ...], bool]]:
    """(terms, is_concept) in order, the longest phrase first at each position."""
    fixed = [canonical(t) for t in tokens]
    out = []
    i = 0
    while i < len(tokens):
        found = _phrase_at(fixed, i) if fixed[i] in _LONGEST else None
        if found:
            out.append((found[0], True))
            i += found[1]
        else:
            out.append(((tokens[i],), False))
            i += 1
    return out


def _phrase_at(fixed: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
    for n in range(min(_LONGEST[fixed[i]], len(fixed) - i), 0, -1):
        key = tuple(fixed[i:i + n])
        emitted = PHRASES.get(key)
        if emitted is not None:
            # the spelled-out form is a term too: the passage that spells
            # "elastic block store" out is the one defining EBS
            return ((emitted + ("_".join(key),)) if n > 1 else emitted), n
    return None
