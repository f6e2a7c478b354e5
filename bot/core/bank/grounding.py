"""Is a question grounded in the notes? Its answer's key words must be in the cited passages.

A written question must teach what the notes say, not outside knowledge the
notes lack. The check is deliberately simple and explainable: at least half of
the key words of each correct option (not stop words, not generic exam verbs)
appear in the cited passages, matched on their first five letters so that
"encrypted" finds "encryption", and every number in the option appears there too.
"""

from __future__ import annotations

import re

from bot.core.lookup import lexicon as lexicons

#: words that carry no fact: they never count for or against grounding (the lexicon's one list)
STOP_WORDS = lexicons.shipped().stopwords
GENERIC_WORDS = frozenset("""
create creates enable enables configure configures add adds set sets move moves point points make
makes allow allows choose select change changes instead rather directly automatically manually
application applications app apps company developer team solution option feature features need needs
""".split())
_WORD = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


_SPELLINGS = ((re.compile(r"availability zones?|\bazs\b"), "az"), (re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)"), " "))


def words_of(text: str) -> list[str]:
    """Lower-case words, '10gb' split as '10 gb', 'Availability Zones' spelt 'az'."""
    text = text.lower()
    for pattern, spelling in _SPELLINGS:
        text = pattern.sub(spelling, text)
    return _WORD.findall(text)


def key_terms(text: str) -> list[str]:
    """The words of a claim that must be in the notes: not stop or generic words."""
    words = words_of(text)
    return [w for w in dict.fromkeys(words) if w not in STOP_WORDS and w not in GENERIC_WORDS
            and (len(w) > 1 or w.isdigit())]


def ungrounded(claim: str, source: str, numbers: bool = True) -> str:
    """'' when at least half of the claim's key terms (and all its numbers) are in ``source``."""
    claim, source = _ungrouped(claim), _ungrouped(source)
    terms = key_terms(claim)
    have = set(words_of(source))
    have |= {part for w in have if "-" in w for part in (w.replace("-", ""), *w.split("-"))}
    known = set(_NUMBER.findall(source))
    lost = [n for n in _NUMBER.findall(claim) if n not in known] if numbers else []
    if lost:
        return f"number {', '.join(lost)} of {claim!r} is not in the notes"
    missing = [t for t in terms if not _seen(t, have)]
    if terms and len(missing) * 2 > len(terms):
        return f"{claim!r}: {', '.join(missing)} not in the notes"
    return ""


def _ungrouped(text: str) -> str:
    """ "2,048" as "2048": an option groups a figure's thousands the way its others are written,
    the notes may not ("PK value max 2048 bytes")."""
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


def _seen(term: str, words: set[str]) -> bool:
    if term in words:
        return True
    if len(term) < 4:
        return any(w.replace("-", "") == term for w in words)
    head = term[:5]
    return any(w.startswith(head) for w in words if len(w) >= 4)
