"""Kinds of things, from the lexicon's ``[families]``: which kind a term of the notes names.

A generated question's wrong options are of its answer's kind: "Standard-IA" is
an S3 storage class, so its others are storage classes, as the notes spell them
when they do, else as AWS names them. The list a term stands in decides between
kinds its name fits ("Standard" beside "Expedited" and "Bulk" is a Glacier
retrieval option), and a name alone in its list gets none.
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping, Sequence

from bot.core.bank.questions import digest
from bot.core.bank.lines import key, mentions


class Kinds:
    def __init__(self, families: Mapping[str, Sequence[str]]):
        self.families = families
        self._of: dict[str, set[str]] = {}

    def of(self, term: str) -> set[str]:
        """The kinds ``term`` names a member of ("Standard-IA": an S3 storage class)."""
        if term not in self._of:
            words = _words(term)
            self._of[term] = {kind for kind, members in self.families.items()
                              if any(_fits(words, _words(m), set(_words(kind))) for m in members)}
        return self._of[term]

    def kind(self, term: str, group: list[str]) -> str | None:
        """``term``'s kind, as the others of its list confirm; None when none does."""
        mine = self.of(term)
        if not mine:
            return None
        votes = Counter(k for t in group if key(t) != key(term) for k in self.of(t) if k in mine)
        best = max(sorted(mine), key=lambda k: votes[k])
        return best if votes[best] else None  # alone in its list, a name may be a word of anything

    def others(self, term: str, described: str, group: list[str], taken: list[str], own: list[str]) -> list[str]:
        """Other members of ``term``'s kind: spelled as the notes spell them (``own``: the terms they
        define) when they do, else as AWS names them; none the description names, none already taken."""
        kind = self.kind(term, group)
        if kind is None:
            return []
        kind_words = set(_words(kind))
        out: list[str] = []
        for member in self.families[kind]:
            words = _words(member)
            if any(_fits(_words(x), words, kind_words) for x in [term, *taken, *out]):
                continue
            shown = next((t for t in own if _fits(_words(t), words, kind_words)), member)
            if not mentions(described, shown) and not mentions(described, member):
                out.append(shown)
        return sorted(out, key=lambda m: digest(term + m))

    def said(self, term: str, group: list[str], others: list[str]) -> str:
        """Why the others are wrong: each is another of the kind."""
        kind = self.kind(term, group)
        if len(others) == 1:
            return f"{others[0]} is another {kind}."
        return f"{', '.join(others[:-1])} and {others[-1]}: each is another {kind}."


def _words(text: str) -> list[str]:
    """The words of a name, plurals folded ("FIFO queues" is "fifo queue")."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in key(text).split()]


def _fits(words: list[str], member: list[str], kind: set[str]) -> bool:
    """Do these words name ``member``: all of it, or its start or end when the rest is words of
    its kind's name ("Standard-IA" is "S3 Standard-IA" of "S3 storage class")?"""
    n = len(words)
    if not words or n > len(member):
        return False
    if words == member:
        return True
    return (member[:n] == words and set(member[n:]) <= kind) or (member[-n:] == words and set(member[:-n]) <= kind)

