"""Questions generated from the notes, for sections nobody has written questions for.

Three shapes, all single-answer with four options:

- a number cloze: "Not more than _____ at a time." -> "16 instances", with
  distractors carrying the same unit taken from elsewhere in the notes (or, when
  the notes have too few, nearby values of the same unit);
- a "which of these" question from a "term : definition" line, the distractors
  being sibling terms (the other load balancer types, the other scaling policies);
- a term cloze on an item of a list in the notes ("HTTP, HTTPS, TCP, SSL"), the
  distractors being the other items of such lists that this passage never mentions.

Filters keep out bad ones: nothing blanked is a stop word, the options are
distinct (also to the eye: "Performance" vs "Performace"), the answer is the only
option the passage supports, and the answer is not given away by the heading.
Ids hash the passage id and the blanked fact, never an order, so a question keeps
its id (and its learners' history) when the notes around it change. Everything
is deterministic: the same notes give the same questions.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from bot.core import questions as bank
from bot.core.grounding import STOP_WORDS
from bot.core.quantities import Quantity, nearby, quantities_in, render
from bot.core.questions import BankQuestion

BLANK = "_____"
MAX_LINE = 240
_DEFINITION = re.compile(r"^(?P<term>[^:]{2,60}?)\s*:\s+(?P<text>.+)$")
_BAD_TERMS = {"ex", "eg", "e.g", "note", "why", "good", "bad", "example", "another use", "type", "so", "but", "also"}
MIN_WORDS = 4  # a cloze needs a sentence around its blank


@dataclass(frozen=True)
class Definition:
    term: str
    text: str
    line: str
    passage: object  # notes.Passage

    @property
    def full(self) -> bool:
        """A definition worth asking about: a few words, not an id or a single name."""
        return len(self.text.split()) >= 2 and len(self.text) >= 8


def generate(passages: Sequence[object]) -> list[BankQuestion]:
    """Questions for every passage; the caller keeps those its written bank lacks."""
    passages = list(passages)
    lines = {p.id: _lines(p.text) for p in passages}
    quantities = [(p, q) for p in passages for line in lines[p.id] for q in quantities_in(line)]
    units: dict[str, list[tuple[str, Quantity]]] = {}
    for p, q in quantities:
        units.setdefault(q.key, []).append((p.id, q))
    definitions = [d for p in passages for line in lines[p.id] if (d := _definition(line, p))]
    terms = _TermIndex(definitions)
    kinds = _kinds(line for p in passages for line in lines[p.id])
    out: dict[str, BankQuestion] = {}
    for p in passages:
        made = [*_number_clozes(p, lines[p.id], units),
                *_which_of_these(p, terms),
                *_term_clozes(p, lines[p.id], kinds)]
        by_id = {p.id: p}
        for q in made:
            if q.id not in out and not bank.validate(q, by_id):
                out[q.id] = q
    return list(out.values())


# --- numbers -------------------------------------------------------------------


def _number_clozes(p, lines: list[str], units: dict[str, list[tuple[str, Quantity]]]) -> Iterable[BankQuestion]:
    text = p.text.lower()
    in_passage = quantities_in(p.text)
    for line in _sentences(lines):
        for q in quantities_in(line):
            if text.count(q.text.lower()) != 1 or q.text.lower() in p.path.lower():
                continue  # ambiguous within the passage, or the heading gives it away
            mentioned = {x.value for x in in_passage if x.key == q.key}
            pool = units.get(q.key, [])
            others = sorted({x.value for owner, x in pool if owner != p.id} - mentioned,
                            key=lambda v: (abs(math.log(v / q.value)) if v > 0 and q.value > 0 else 99, v))
            values = [v for v in dict.fromkeys([*others, *nearby(q)]) if v not in mentioned and v != q.value]
            written = {x.value: x.number for _, x in pool}
            options = [render(q, v, written.get(v)) for v in values]
            options = [o for o in dict.fromkeys(options) if o.lower() not in line.lower()][:3]
            if len(options) < 3:
                continue
            stem = f"In the notes on {p.path}, which value completes the sentence?\n\"{_blank(line, q.start, q.end)}\""
            why = f"The notes on {p.path} say: \"{line}\". The other values are not what this passage states."
            yield _question(p, "number", q.text, stem, q.text, options, why)


# --- terms -----------------------------------------------------------------------


def _definition(line: str, p) -> Definition | None:
    m = _DEFINITION.match(line)
    if not m:
        return None
    term, text = m.group("term").strip(" -•"), m.group("text").strip()
    words = term.lower().split()
    if (len(words) > 6 or "?" in term or "#" in term or not re.search("[A-Za-z]", term)
            or term.lower() in _BAD_TERMS or any(w in STOP_WORDS - {"and", "of"} for w in words)):
        return None
    return Definition(term, text, line, p)


class _TermIndex:
    """Definitions by passage, by section and by word, so siblings are found without a full scan."""

    def __init__(self, definitions: list[Definition]):
        self.by_passage: dict[str, list[int]] = {}
        self.by_section: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.definitions = definitions
        for i, d in enumerate(definitions):
            self.by_passage.setdefault(d.passage.id, []).append(i)
            if d.full:
                self.by_section.setdefault(d.passage.section, []).append(i)
                for word in _significant(d.term):
                    self.by_word.setdefault(word, []).append(i)

    def of(self, passage_id: str) -> list[Definition]:
        return [self.definitions[i] for i in self.by_passage.get(passage_id, [])]

    def near(self, d: Definition) -> list[Definition]:
        found = set(self.by_section.get(d.passage.section, []))
        for word in _significant(d.term):
            found.update(self.by_word.get(word, []))
        return [self.definitions[i] for i in sorted(found)]


def _which_of_these(p, terms: _TermIndex) -> Iterable[BankQuestion]:
    seen: set[str] = set()
    for d in terms.of(p.id):
        key = d.term.lower()
        if key in seen or not d.full or "?" in d.text or _shares_word(d.term, d.text):
            continue
        seen.add(key)
        siblings = _siblings(d, terms.near(d))
        if len(siblings) < 3:
            continue
        context = next((f" on {c}" for c in (p.path, p.section) if not _find(d.term, c)), "")
        stem = f"In the notes{context}, which of these is described as: \"{d.text}\"?"
        why = (f"The notes on {p.path} say: \"{d.line}\". "
               f"{', '.join(siblings[:3])} are described differently in the notes.")
        yield _question(p, "term", d.term, stem, d.term, siblings[:3], why)


def _siblings(d: Definition, definitions: list[Definition]) -> list[str]:
    """Other terms of the same kind: sharing a word first, then the same passage, section."""
    p = d.passage
    ranked = []
    for other in definitions:
        shared = len(_significant(other.term) & _significant(d.term))
        same_section = other.passage.section == p.section
        if not (shared or same_section) or other.text == d.text or not other.full:
            continue
        ranked.append((-shared, other.passage.id != p.id, not same_section,
                       abs(other.passage.position - p.position), other.term.lower(), other.term))
    chosen: list[str] = []
    for *_, term in sorted(ranked):
        if len(chosen) == 3:
            break
        if term.lower() in d.text.lower() or any(_alike(term, t) or _overlap(term, t) for t in [d.term, *chosen]):
            continue
        chosen.append(term)
    return chosen


def _kinds(lines: Iterable[str]) -> dict[str, set[str]]:
    """Items that appear together in lists ("HTTP, HTTPS, TCP") are of one kind."""
    parent: dict[str, str] = {}
    spelling: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for line in lines:
        items = _list_items(line)
        for item in items:
            spelling.setdefault(item.lower(), item)
            parent[find(item.lower())] = find(items[0].lower())
    groups: dict[str, set[str]] = {}
    for key in spelling:
        groups.setdefault(find(key), set()).add(spelling[key])
    return {spelling[k]: groups[find(k)] for k in spelling}


def _list_items(line: str) -> list[str]:
    m = _DEFINITION.match(line)
    body = m.group("text") if m else line
    parts = [x.strip(" []().") for x in re.split(r",|/| OR ", body)]
    if len(parts) < 3:
        return []
    if len(parts[0].split()) > 3:
        parts[0] = parts[0].split()[-1]
    parts = [re.sub(r"\s+(etc|protocol|protocols)$", "", x, flags=re.IGNORECASE) for x in parts]
    ok = [x for x in parts if re.fullmatch(r"[A-Za-z0-9][\w+ ]{0,24}", x) and len(x.split()) <= 3]
    if len(ok) != len(parts):
        return []
    return [x for x in ok if x.lower() not in STOP_WORDS]


def _term_clozes(p, lines: list[str], kinds: dict[str, set[str]]) -> Iterable[BankQuestion]:
    for line in _sentences(lines):
        words = set(_TOKEN.findall(line.lower()))
        for member, kind in sorted(kinds.items()):
            if (len(kind) < 4 or not _tokens(member) <= words
                    or len(_find(member, line)) != 1 or _find(member, p.path)):
                continue
            distractors: list[str] = []
            for k in sorted(kind, key=lambda k: _hash(member + "|" + k)):
                if len(distractors) == 3:
                    break
                if not _find(k, p.text) and not any(_alike(k, t) or _overlap(k, t) for t in [member, *distractors]):
                    distractors.append(k)
            if len(distractors) < 3:
                continue
            [m] = _find(member, line)
            stem = f"In the notes on {p.path}, which term completes the sentence?\n\"{_blank(line, m.start(), m.end())}\""
            why = f"The notes on {p.path} say: \"{line}\". {', '.join(distractors)} do not appear in this passage."
            yield _question(p, "cloze", member, stem, member, distractors, why)


# --- helpers -------------------------------------------------------------------


def _question(p, shape: str, fact: str, stem: str, answer: str, distractors: Sequence[str],
              why: str) -> BankQuestion:
    qid = "g-" + _hash(f"{p.id}|{shape}|{fact.lower()}")[:10]
    at = int(_hash(qid), 16) % 4
    options = [*distractors[:at], answer, *distractors[at:3]]
    return BankQuestion(id=qid, topic=p.section, kind="single", stem=stem, options=tuple(options),
                        answers=(bank.LETTERS[at],), explanation=why, passages=(p.id,),
                        generated=True, source="generated")


def _lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("•").strip()
        if line and len(line) <= MAX_LINE and "??" not in line:
            out.append(line)
    return out


def _sentences(lines: list[str]) -> list[str]:
    """Lines fit for a cloze: a few words, and not an open question of the note-taker."""
    return [line for line in lines if len(line.split()) >= MIN_WORDS and "?" not in line]


def _overlap(a: str, b: str) -> bool:
    """'EC2' and 'EC2 Autoscaling groups' would both look right."""
    a, b = a.lower(), b.lower()
    return a == b or bool(_find(a, b) or _find(b, a))


def _blank(line: str, start: int, end: int) -> str:
    return f"{line[:start]}{BLANK}{line[end:]}"


def _find(term: str, text: str) -> list[re.Match]:
    return list(_pattern(term).finditer(text))


@lru_cache(maxsize=4096)
def _pattern(term: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)


_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def _tokens(term: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(term.lower()))


@lru_cache(maxsize=4096)
def _significant(term: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", term.lower()) if w not in STOP_WORDS and len(w) > 2)


def _shares_word(term: str, text: str) -> bool:
    words = set(re.findall(r"[a-z0-9]+", text.lower()))
    own = {w for w in re.findall(r"[a-z0-9]+", term.lower()) if w not in STOP_WORDS}
    return any(w in words or w.rstrip("s") in words or w + "s" in words for w in own)


def _alike(a: str, b: str) -> bool:
    return a.lower() == b.lower() or fuzz.ratio(a.lower(), b.lower()) >= 85


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
