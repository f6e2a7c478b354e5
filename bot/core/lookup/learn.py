"""What a group's notes teach the lookup: their acronyms and the names of their passages.

Notes define their own abbreviations ("Relational Database Service (RDS)",
"GSI = global secondary index", "RCU : read capacity unit", "TTL (time to
live)"); a query using either form must find the other, on notes the shipped
lexicon has never seen. A definition counts when the acronym's letters are the
initials of the phrase's words ("of", "and", "to" may be skipped; "EC2" is
E, C, C). Lines that open with a short name and a separator ("Visibility
timeout – hides a message...", "Liveness probe: restarts...") name what the
passage is about, as its heading does.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from bot.core.lookup import notes
from bot.core.lookup.lexicon import Lexicon
from bot.core.lookup.terms import CAMEL, words

_ACRONYM = r"([A-Za-z][A-Za-z0-9]{1,9})"
_AFTER = re.compile(r"\(\s*" + _ACRONYM + r"\s*\)")  # phrase (ACR)
_BEFORE = re.compile(r"\b" + _ACRONYM + r"\s*\(([^()]{3,80})\)")  # ACR (phrase)
_LEADS = re.compile(r"^[\s•*\-]*" + _ACRONYM + r"\s*(?:=|:|–|—|-|\bis\b|\bstands for\b|\bmeans\b)\s*(.+)")
_EQUALS = re.compile(r"\b" + _ACRONYM + r"\s*=\s*(?=(.+))")  # "... k8s = Kubernetes" anywhere, each of "A = x, B = y"
_SHARED = re.compile(r"\b([A-Za-z]{1,5}(?:/[A-Za-z]{1,5})+)\s*=\s*([A-Za-z]+(?:\s*/\s*[A-Za-z]+)+(?:\s+[A-Za-z]+)+)")
_LEAD_IN = re.compile(r"^[\s•*\-]*([A-Za-z][\w./'’() -]{1,48}?)\s*(?::|=|–|—|\s-)\s+\S")
_SKIPPABLE = frozenset("of and for the to a an in on with by".split())
_WORDS = re.compile(r"[A-Za-z0-9]+")
_NAMED = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b")  # "EventBridge", "CloudFront", "DynamoDB"
NAME_USES = 3  # a name the notes write this often may go by its capitals ("EB")
MAX_PHRASE = 7
MAX_NAME_WORDS = 5


def acronyms(passages: Iterable[notes.Passage]) -> list[tuple[str, tuple[str, ...]]]:
    """(acronym, phrase words) for every abbreviation the notes define."""
    found: dict[tuple[str, tuple[str, ...]], None] = {}
    for p in passages:
        for line in (p.title, *p.text.splitlines()):
            for acronym, phrase in _definitions(line):
                found[(acronym, phrase)] = None
    return list(found)


def lexicon(passages: Iterable[notes.Passage], base: Lexicon) -> Lexicon:
    """The notes' own acronyms as concepts, in the terms of ``base`` where it knows them."""
    concepts: dict[str, tuple[str, ...]] = {}
    for acronym, phrase in acronyms(passages):
        if acronym in base.stopwords:
            continue  # "IT = ID token": "it" is a word of every query, never the token
        spelled = " ".join(phrase)
        emitted = base.concepts.get(spelled) or base.concepts.get(acronym) or (acronym,)  # "EB = EventBridge"
        concepts.setdefault(acronym, emitted)
        concepts.setdefault(spelled, emitted)
    for acronym, meant in _capitals(passages, base).items():
        concepts.setdefault(acronym, meant)
    return Lexicon(concepts=concepts)


def _capitals(passages: Iterable[notes.Passage], base: Lexicon) -> dict[str, tuple[str, ...]]:
    """ "EB" for EventBridge in notes that never mention Elastic Beanstalk: a name of the lexicon
    the notes write often, by its capitals, when what the lexicon takes those letters for is
    nowhere in the notes (and no other name of theirs has the same capitals)."""
    text = "\n".join(p.text for p in passages)
    lower = text.lower()
    found: dict[str, set[str]] = {}
    for name in {n for n, uses in Counter(_NAMED.findall(text)).items() if uses >= NAME_USES and n.lower() in base.concepts}:
        found.setdefault("".join(c for c in name if c.isupper()).lower(), set()).add(name.lower())
    out = {}
    for acronym, names in found.items():
        meant = base.concepts.get(acronym)
        if len(names) > 1 or acronym in base.stopwords or meant is not None and any(
                said != acronym and concept == meant and said in lower for said, concept in base.concepts.items()):
            continue
        out[acronym] = base.concepts[next(iter(names))]
    return out


def lead_ins(text: str) -> list[str]:
    """The names that open a passage's lines ("Visibility timeout – ..."): what it is about."""
    out = []
    for line in text.splitlines():
        match = _LEAD_IN.match(line)
        if match and len(match.group(1).split()) <= MAX_NAME_WORDS and not match.group(1).isdigit():
            out.append(match.group(1))
    return out


def _definitions(line: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for match in _AFTER.finditer(line):
        acronym = match.group(1)
        before = _WORDS.findall(CAMEL.sub(" ", line[:match.start()]))[-MAX_PHRASE:]
        for n in range(2, len(before) + 1):
            if _abbreviates(acronym, before[-n:]):
                out.append((acronym.lower(), _phrase(before[-n:])))
                break
    for match in _BEFORE.finditer(line):
        out += _prefix(match.group(1), match.group(2))
    lead = _LEADS.match(line)
    if lead:
        out += _prefix(lead.group(1), lead.group(2))
    for match in _EQUALS.finditer(line):
        out += _prefix(match.group(1), match.group(2))
    for match in _SHARED.finditer(line):  # "IT/AT/RT = ID / access / refresh token": one tail for all
        shorts, longs = match.group(1).split("/"), [w.strip() for w in match.group(2).split("/")]
        tail = longs[-1].split()[1:] if len(shorts) == len(longs) else []
        for short, long in zip(shorts, longs) if tail else ():
            out += _prefix(short, " ".join([long, *tail] if len(long.split()) == 1 else [long]))
    return list(dict.fromkeys(out))


def _prefix(acronym: str, text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The acronym spelled out by the first words of ``text``."""
    after = _WORDS.findall(CAMEL.sub(" ", text))[:MAX_PHRASE]
    for n in range(1, len(after) + 1):
        if _abbreviates(acronym, after[:n]):
            return [(acronym.lower(), _phrase(after[:n]))]
    return []


def _phrase(tokens: list[str]) -> tuple[str, ...]:
    return tuple(w for t in tokens for w in words(t))


_NUMERONYM = re.compile(r"^([a-z])(\d{1,2})([a-z])$")


def _numeronym(acronym: str, phrase: list[str]) -> bool:
    """ "k8s" is "kubernetes": first and last letter, and the count of those between."""
    match = _NUMERONYM.match(acronym.lower())
    if not match or len(phrase) != 1:
        return False
    word = phrase[0].lower()
    return (len(word) == int(match.group(2)) + 2 and word[0] == match.group(1)
            and word[-1] == match.group(3))


def _letters(acronym: str) -> str | None:
    """ "EC2" -> "ecc", "S3" -> "sss"; None when it is no acronym (a plain word)."""
    if sum(c.isupper() for c in acronym) < 2 and not (acronym.isupper() and len(acronym) >= 2):
        return None  # a plain word, not an acronym
    out = ""
    for c in acronym.lower():
        if c.isdigit():
            if not out:
                return None
            out += out[-1] * (int(c) - 1)
        else:
            out += c
    return out


def _abbreviates(acronym: str, phrase: list[str]) -> bool:
    """Are the acronym's letters the initials of ``phrase`` (skippable words aside)?"""
    if _numeronym(acronym, phrase[:1]) and len(phrase) == 1:
        return True
    letters = _letters(acronym)
    if not letters or len(phrase) < 2 or phrase[0].lower() in _SKIPPABLE:
        return False
    candidates = [letters, letters[:-1]] if letters.endswith("s") and len(letters) > 2 else [letters]
    return any(_initials(target, [w.lower() for w in phrase]) for target in candidates)


def _initials(letters: str, phrase: list[str]) -> bool:
    if not phrase:
        return not letters
    word = phrase[0]
    if letters and word[0] == letters[0] and _initials(letters[1:], phrase[1:]):
        return True
    return word in _SKIPPABLE and _initials(letters, phrase[1:])
