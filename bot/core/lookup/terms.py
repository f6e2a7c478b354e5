"""Text -> terms, the same way for the notes and for a query.

A term is a lower-case ascii word with a plural "s" taken off, or a concept
of the lexicon standing for a phrase ("auto scaling group" -> ``asg``).
Phrases are found with fuzzy word equality, so a notes file's own typos and a
learner's still meet the concept. Stopwords go last, after phrases that
contain them were matched. Which words mean what is data (``Lexicon``); a
``Vocabulary`` is the lexicon made ready for matching, one per lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.lookup.lexicon import Lexicon, english_of

_WORD = re.compile(r"[a-z0-9]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
#: a query is cut to this many words: enough for an exam stem, bounded work
MAX_WORDS = 120
CODE_NAME = 16  # letters: a word this long is a code name, misspelt at its start too ("...exceded" for "...exceededexception")
SHORT = 4  # letters: a word this short is misspelt by a missing, extra or swapped letter only
LIKE_ENGLISH = 80  # rapidfuzz ratio: "schedual" is English misspelt, "kubeadm" is no English
CACHE_WORDS = 20_000  # words typed by chat users: a long-running bot must not grow without end


@dataclass(frozen=True)
class Unit:
    """One thing a query asks about: a word or a concept (with broader terms)."""

    terms: tuple[str, ...]  # first is the unit itself; the rest are broader
    concept: bool = False
    words: tuple[str, ...] = ()  # a concept's words as typed, to fall back on
    part_of: str = ""  # a word standing in for a name the notes never write ("subscription filter policy")

    @property
    def head(self) -> str:
        return self.terms[0]


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith(("sses", "iases")):  # "classes", "aliases"
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ias")):  # "alias"
        return word[:-1]
    return word


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ances", "ance", "ences", "ence",
             "ments", "ment", "ity", "ers", "er", "ed", "ly", "able", "ible", "al", "e", "y")


def root(word: str) -> str:
    """A rougher stem for matching word forms: connecting, connection -> connect; a second
    suffix comes off too, so that filtering and filter share one (filter -> filt)."""
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


#: numbers the notes write in digits ("six copies" is "6 copies"); one and two stay filler words
NUMBERS = {w: str(n) for n, w in enumerate(
    "three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split(), 3)}


CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # where "PersistentVolumeClaim" splits


_CAMEL_WORD = re.compile(r"\b[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\b")


def _camel(match: re.Match) -> str:
    return f"{match.group(0)} {CAMEL.sub(' ', match.group(0))}"


def words(text: str) -> list[str]:
    """Lower-case ascii words, plurals folded; "1,000" stays one number and
    "ConfigMap" is itself and its words, "configmap config map" (not "DynamoDB")."""
    return list(_words_kept(text)) if len(text) <= KEPT_TEXT else _words(text)


KEPT_TEXT = 2_000  # characters: a query's words are kept, a passage's or a document's are not


@lru_cache(maxsize=256)
def _words_kept(text: str) -> tuple[str, ...]:
    """``words`` of the last short texts: a query is read by ranking, the excerpt and the
    decline rule alike (five times an ask, a sixth of its time)."""
    return tuple(_words(text))


def _words(text: str) -> list[str]:
    text = _CAMEL_WORD.sub(_camel, text) if any(c.isupper() for c in text) else text
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = _THOUSANDS.sub("", ascii_text.replace("'s", ""))
    return [NUMBERS.get(w) or stem(w) for w in _WORD.findall(ascii_text)]


def identifiers(text: str) -> list[list[str]]:
    """``words`` of each name typed as code ("securityContext": whole, then its words)."""
    return [words(m.group(0)) for m in _CAMEL_WORD.finditer(text)] if any(c.isupper() for c in text) else []


@lru_cache(maxsize=65536)
def phrase_key(text: str) -> tuple[str, ...]:
    """``words`` of a lexicon phrase, remembered: every lookup built reads the same lexicon."""
    return tuple(words(text))


SHORT_SLIP = 6  # letters: a word this short misspells only a word one letter longer or shorter


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
        word, choices, scorer=fuzz.ratio, score_cutoff=cutoff(word), limit=limit)
        if len(word) > SHORT_SLIP or abs(len(c) - len(word)) <= 1}  # "async" is no "appsync" missing two letters
    edits = 2 if len(word) >= 8 else 1
    for c, d, _ in process.extract(word, choices, scorer=OSA.distance, score_cutoff=edits, limit=limit):
        if len(word) <= SHORT and len(c) == len(word) and sorted(c) != sorted(word):
            continue  # a short word with one letter changed is another word: "shop" is not "stop"
        if d <= 1 or len(c) == len(word) and (len(word) >= 10 or sorted(c) == sorted(word)):
            found.setdefault(c, 1 - d / max(len(word), len(c)))
    if len(word) >= CODE_NAME:  # "provisionedthroughputexceded" begins "provisionedthroughputexceededexception"
        for c in choices:
            if len(c) > len(word) and c[:1] == word[:1] and min(
                    OSA.distance(word, c[:len(word) + k]) for k in (-1, 0, 1)) <= 2:
                found.setdefault(c, len(word) / len(c) * (1 - 2 / len(word)))
    return sorted(((c, s) for c, s in found.items() if c[0] == word[0]), key=lambda x: -x[1])


_SOUNDS = (  # in order: each rule reads what the ones before it wrote
    (re.compile(r"(?<=[a-z])(?:tion|sion|cion|shun|shon)"), "shn"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"qu"), "kw"),
    (re.compile(r"ck|q|c(?![eiy])"), "k"),
    (re.compile(r"[cz]"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?<=[a-z])(?:ay|ai|ey|ei)$"), "a"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
)


def sounds(word: str) -> str:
    """How a word sounds, roughly: "resolushun" and "resolution", "graf" and "graph",
    "delai" and "delay" sound alike (a typo by ear, not by finger)."""
    for pattern, said in _SOUNDS:
        word = pattern.sub(said, word)
    return word


_FORMS = ("ed", "d", "ing", "es", "ly")


@lru_cache(maxsize=4)
def english_words(words: frozenset[str], files: tuple[str, ...] = ()
                  ) -> tuple[frozenset[str], dict[str, list[str]]]:
    """English words with their stems, and by first letter: built once per lexicon."""
    words = english_of(words, files)
    every = frozenset(words) | frozenset(stem(w) for w in words)
    by_letter: dict[str, list[str]] = {}
    for w in sorted(every):
        by_letter.setdefault(w[0], []).append(w)
    return every, by_letter


class Vocabulary:
    """A lexicon ready for matching: phrase tables, stopwords, names, related words."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for variant, emitted in lexicon.concepts.items():
            key = phrase_key(variant)
            if key:
                self.phrases.setdefault(key, emitted)
        #: concept -> its spelled-out forms as terms ("ebs" -> "elastic_block_store", ...)
        self.spellings: dict[str, frozenset[str]] = {}
        for key, emitted in self.phrases.items():
            if len(key) > 1:
                self.spellings[emitted[0]] = self.spellings.get(emitted[0], frozenset()) | {"_".join(key)}
        #: per concept, the spellings that name it outright: the term itself ("ebs"), its
        #: spelled-out form ("elastic block store"), the lexicon's first way of writing it,
        #: or that one's acronym
        self.anchors: dict[str, set[tuple[str, ...]]] = {}
        initials: dict[str, str] = {}
        for key, emitted in self.phrases.items():
            term = emitted[0]
            first = term not in self.anchors
            anchors = self.anchors.setdefault(term, set())
            if first:
                initials[term] = "".join(w[0] for w in key)
            # the acronym of its first spelling names it too ("kcl", "kinesis client library")
            if first or "".join(key) in (term, stem(term), initials[term]) or "".join(w[0] for w in key) == term:
                anchors.add(key)
        self.concept_terms = frozenset(t for emitted in self.phrases.values() for t in emitted)
        self.phrase_words = frozenset(w for key in self.phrases for w in key)
        self._phrase_by_letter: dict[str, list[str]] = {}
        for w in sorted(w for w in self.phrase_words if len(w) >= 4):
            self._phrase_by_letter.setdefault(w[0], []).append(w)
        self._longest: dict[str, int] = {}  # first word of a phrase -> the longest phrase's length
        for key in self.phrases:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        self.stop = frozenset(lexicon.stopwords) | frozenset(stem(w) for w in lexicon.stopwords)
        self.names = frozenset(lexicon.names) | frozenset(stem(w) for w in lexicon.names)
        self.plain = frozenset(stem(w) for w in lexicon.generic)
        self.figures = frozenset(lexicon.figures) | frozenset(stem(w) for w in lexicon.figures)
        self.traps = frozenset(lexicon.traps) | frozenset(stem(w) for w in lexicon.traps)
        self._real = frozenset(lexicon.real_words)
        self._jargon: dict[str, bool] = {}
        self.related: dict[str, tuple[str, ...]] = {}
        for source, targets in lexicon.related.items():
            for word in words(source):
                found = tuple(t for target in targets for t in words(target))
                self.related[word] = tuple(dict.fromkeys(self.related.get(word, ()) + found))
        self._canonical: dict[str, str] = {}

    def in_their_own_sense(self, texts: Iterable[str]) -> Vocabulary:
        """This vocabulary for notes that use some of its phrases in their own sense.

        A way of writing an AWS name that the notes use while never naming it
        outright ("persistent volume" in Kubernetes notes that never say EBS,
        "service discovery" without Cloud Map) means what the notes mean by it,
        so it is read as its words there, in the notes and in queries alike.
        """
        seen: dict[str, set[tuple[str, ...]]] = {}
        for text in texts:
            tokens = words(text)
            fixed = [self.canonical(t) for t in tokens]
            i = 0
            while i < len(tokens):
                found = self._phrase_at(fixed, i) if fixed[i] in self._longest else None
                if found:
                    key = tuple(fixed[i:i + found[1]])
                    seen.setdefault(self.phrases[key][0], set()).add(key)
                    i += found[1]
                else:
                    i += 1
        own = {key for term, keys in seen.items() if term in self.names
               and not keys & self.anchors.get(term, set()) for key in keys}
        if not own:
            return self
        concepts = {v: t for v, t in self.lexicon.concepts.items() if phrase_key(v) not in own}
        return Vocabulary(replace(self.lexicon, concepts=concepts))

    def english(self, word: str) -> bool:
        """A word of the English word list, spelled right ("chart"): no misspelling of another."""
        return word in english_words(self.lexicon.english, self.lexicon.english_files)[0]

    def misspelt(self, word: str) -> str | None:
        """The English word ``word`` misspells ("lenght" -> "length"), or None."""
        if len(word) <= SHORT or self.english(word):
            return None
        by_letter = english_words(self.lexicon.english, self.lexicon.english_files)[1]
        close = near(word, by_letter.get(word[:1], ()), limit=1)
        return close[0][0] if close else None

    def jargon(self, word: str) -> bool:
        """No English word, nor a misspelling of one ("etcd", "kubeadm"; not "diffrence"), nor a
        figure ("5tb", "5xx", "gp3": a size, a status class, a version is no topic's name)."""
        if word in self.stop or any(c.isdigit() for c in word):
            return False
        if word not in self._jargon:
            english, by_letter = english_words(self.lexicon.english, self.lexicon.english_files)
            if not english or word in english:
                found = False
            elif len(word) <= SHORT + 1:  # too short to tell a misspelling from another word
                found = True
            else:
                found = process.extractOne(word, by_letter.get(word[:1], ()), scorer=fuzz.ratio,
                                           score_cutoff=LIKE_ENGLISH) is None
            if len(self._jargon) >= CACHE_WORDS:
                self._jargon.clear()
            self._jargon[word] = found
        return self._jargon[word]

    def related_to(self, word: str) -> tuple[str, ...]:
        """Words of the notes ``word`` may stand for, as itself or as a form of a
        listed word ("finished" as "finish"; not "served" as "server")."""
        found = self.related.get(word)
        if found is None:
            found = next((self.related[word[:-len(e)]] for e in _FORMS
                          if word.endswith(e) and word[:-len(e)] in self.related), ())
        return found

    def canonical(self, word: str) -> str:
        """The phrase-table word ``word`` misspells, or ``word`` itself."""
        found = self._canonical.get(word)
        if found is None:
            if word in self.phrase_words or word in self.stop or word in self._real:
                found = word
            else:
                best = near(word, self._phrase_by_letter.get(word[:1], ()), limit=2)
                found = best[0][0] if best else word
            if len(self._canonical) >= CACHE_WORDS:
                self._canonical.clear()
            self._canonical[word] = found
        return found

    def units(self, text: str, limit: int = MAX_WORDS, fix: Callable[[str], tuple[str, ...]] | None = None
              ) -> list[Unit]:
        """The query's units in order, duplicates and stopwords removed.

        ``fix`` may correct a word the notes do not know, before phrases are
        found (the lookup passes one that knows the notes' words).
        """
        out: list[Unit] = []
        seen: set[str] = set()
        tokens = words(text)[:limit]
        if fix is not None:
            tokens = [w for t in tokens for w in (fix(t) if t not in self.stop else (t,))]
        for found, concept, typed in self._scan(tokens):
            if found[0] in seen or (not concept and (found[0] in self.stop or len(found[0]) < 2)):
                continue
            seen.add(found[0])
            out.append(Unit(found, concept, typed if concept else ()))
        return out

    def terms(self, text: str, parts: bool = False) -> list[str]:
        """Every index term of ``text`` (concepts with their broader terms), in order.

        ``parts``: the words of a phrase stay findable too ("file" in "elastic
        file system"); the lookup asks for them in a passage's body.
        """
        tokens = words(text)
        out: list[str] = []
        for found, concept, typed in self._scan(tokens):
            if concept:
                out.extend(found)
                if parts:
                    out.extend(t for t in typed if t not in self.stop and len(t) >= 3)
            elif found[0] not in self.stop and len(found[0]) >= 2:
                out.append(found[0])
        return out

    def _scan(self, tokens: list[str]) -> list[tuple[tuple[str, ...], bool, tuple[str, ...]]]:
        """(terms, is_concept, words) in order, the longest phrase first at each position."""
        fixed = [self.canonical(t) for t in tokens]
        out = []
        i = 0
        while i < len(tokens):
            found = self._phrase_at(fixed, i) if fixed[i] in self._longest else None
            if found:
                out.append((found[0], True, tuple(tokens[i:i + found[1]])))
                i += found[1]
            else:
                out.append(((tokens[i],), False, ()))
                i += 1
        return out

    def _phrase_at(self, fixed: list[str], i: int) -> tuple[tuple[str, ...], int] | None:
        for n in range(min(self._longest[fixed[i]], len(fixed) - i), 0, -1):
            key = tuple(fixed[i:i + n])
            emitted = self.phrases.get(key)
            if emitted is not None:
                # the spelled-out form is a term too: the passage that spells
                # "elastic block store" out is the one defining EBS
                return ((emitted + ("_".join(key),)) if n > 1 else emitted), n
        return None
