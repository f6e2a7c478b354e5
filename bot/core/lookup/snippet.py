"""The part of a passage that answers: what a chat user sees before "more".

A reply's first 600 characters must hold the answer, and some passages run to
1,300 characters. The excerpt is the run of whole lines that fits in those
600 characters after the heading path, that holds the most of what the query asks (each query word once,
weighted by rarity); the passage's start wins ties, short passages come whole.
``more`` then shows the rest a part at a time (``part``), same heading path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection

from bot.core.lookup import notes

VISIBLE = 600  # what a chat client shows before "show more"
MARGIN = 16  # the newline after the heading path, ellipses
DENSE = 0.5  # weight of the best single line, on top of the window's words
ELLIPSIS = "…"


@dataclass(frozen=True)
class Excerpt:
    """The text shown, and where the rest continues (a character offset into
    the passage's text), None when nothing more is left to show."""

    text: str
    more: int | None = None


def budget_of(passage: notes.Passage) -> int:
    return max(200, VISIBLE - len(passage.path) - MARGIN)


def part(passage: notes.Passage, start: int) -> Excerpt:
    """The part of a long passage from ``start``: whole lines that fit, then where the rest begins."""
    text, budget = passage.text, budget_of(passage)
    start = max(0, min(start, len(text)))
    rest = text[start:]
    if len(rest) <= budget:
        return Excerpt((ELLIPSIS + "\n" if start else "") + rest)
    cut = rest.rfind("\n", 0, budget)
    if cut <= 0:
        cut = rest.rfind(" ", 0, budget)
    cut = cut if cut > 0 else budget
    shown = rest[:cut].rstrip()
    return Excerpt((ELLIPSIS + "\n" if start else "") + shown + " " + ELLIPSIS,
                   start + cut + (rest[cut:cut + 1] in "\n "))


def excerpt(passage: notes.Passage, wanted: list[dict[str, float]],
            terms_of: Callable[[str], Collection[str]], budget: int | None = None) -> Excerpt:
    """The best window of ``passage.text``; ``wanted`` holds, per query word,
    the index terms that match it with their weights."""
    text = passage.text
    if budget is None:
        budget = budget_of(passage)
    if len(text) <= budget:
        return Excerpt(text)
    lines = text.split("\n")
    found = [set(terms_of(line)) for line in lines]
    dense = [_value(wanted, terms) for terms in found]  # a line naming several query words
    best, best_score = (0, 1), -1.0
    for start in range(len(lines)):
        end, size, seen = start, 0, set()
        while end < len(lines) and (end == start or size + len(lines[end]) + 1 <= budget):
            size += len(lines[end]) + 1
            seen |= found[end]
            end += 1
        score = _value(wanted, seen) + DENSE * max(dense[start:end])
        score += 0.01 if start == 0 else 0.0
        if score > best_score + 1e-9:
            best, best_score = (start, end), score
    start, end = best
    offset = sum(len(line) + 1 for line in lines[:start])
    window = "\n".join(lines[start:end])
    if len(window) > budget:
        window = window[:budget].rsplit(" ", 1)[0]
        more: int | None = offset + len(window) + 1
        window += " " + ELLIPSIS
    elif end < len(lines):
        more = offset + len(window) + 1
        window += "\n" + ELLIPSIS
    else:
        more = 0 if start > 0 else None  # the rest is before the window: from the top
    return Excerpt((ELLIPSIS + "\n" + window) if start > 0 else window, more)


def _value(wanted: list[dict[str, float]], terms: set[str]) -> float:
    """How much of the query ``terms`` hold: each query word once, at its best."""
    return sum(max((w for t, w in unit.items() if t in terms), default=0.0) for unit in wanted)
