"""The part of a passage that answers: what a chat user sees before "more".

A reply's first 600 characters must hold the answer, and some passages run to
1,300 characters. The excerpt is the run of whole lines (a paragraph's sentences) that fits in
those 600 characters after the heading path and holds the most of what the query
asks, each query word once, weighted by rarity, leaving out the words the heading
path already shows; a list's items count the words of the line announcing it
("Lifecycle actions:"), and a definition list's ": meaning" line goes with its term; a window
showing the lines after its best line beats one ending at it (what follows a line explains
it); the passage's start wins ties, then a window opening at a line the query names;
short passages come whole. A first line the heading path shows already as the passage's title
is not shown twice: its characters go to the lines under it.
``more`` then shows the rest a part at a time (``part``), same heading path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Collection

from bot.core.lookup import notes

VISIBLE = 600  # what a chat client shows before "show more"
MARGIN = 16  # the newline after the heading path, ellipses
DENSE = 1.0  # weight of the best single line, on top of the window's words
FOLLOWING = 0.2  # ... and a share of it again when the window shows the lines after it ...
AFTER = 3  # ... this many for the whole share
ELLIPSIS = "…"
SHOWN = 0.5  # weight of a query word the heading path shows already: the window is chosen for the rest
LONG_LINE = 200  # characters: a longer line (a paragraph) is cut at its sentences
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"(])")
WRAPPED = 80  # characters: a line this long that a plain line follows was wrapped, the paragraph goes on
_OPENS = re.compile(r"^(?:•|\||\d+[.)]\s|[-*+]\s)")  # an item or a table row starts a line of its own


@dataclass(frozen=True)
class Excerpt:
    """The text shown, and where the rest continues (a character offset into
    the passage's text), None when nothing more is left to show."""

    text: str
    more: int | None = None


def budget_of(passage: notes.Passage) -> int:
    return max(200, VISIBLE - len(passage.path) - MARGIN)


def body_start(passage: notes.Passage) -> int:
    """Where the text worth showing starts: after a first line that the heading path shows
    already as the title ("• FIFO: 300 msg/s" titled "FIFO: 300 msg/s"), when lines follow it."""
    first, newline, rest = passage.text.partition("\n")
    titled = passage.title != passage.section and not passage.title.endswith(ELLIPSIS)
    return len(first) + 1 if newline and rest.strip() and titled and notes.restates(first, passage.title) else 0


def part(passage: notes.Passage, start: int) -> Excerpt:
    """The part of a long passage from ``start``: whole lines that fit, then where the rest begins."""
    text, budget, body = passage.text, budget_of(passage), body_start(passage)
    start = max(body, min(start, len(text)))
    rest = text[start:]
    if len(rest) <= budget:
        return Excerpt((ELLIPSIS + "\n" if start > body else "") + rest)
    cut = rest.rfind("\n", 0, budget)
    if cut <= 0:
        cut = rest.rfind(" ", 0, budget)
    cut = cut if cut > 0 else budget
    shown = rest[:cut].rstrip()
    return Excerpt((ELLIPSIS + "\n" if start > body else "") + shown + " " + ELLIPSIS,
                   start + cut + (rest[cut:cut + 1] in "\n "))


def excerpt(passage: notes.Passage, wanted: list[dict[str, float]],
            terms_of: Callable[[str], Collection[str]], budget: int | None = None) -> Excerpt:
    """The best window of ``passage.text`` from ``body_start``; ``wanted`` holds, per query word,
    the index terms that match it with their weights."""
    body = body_start(passage)
    text = passage.text[body:]
    if budget is None:
        budget = budget_of(passage)
    if len(text) <= budget:
        return Excerpt(text)
    heading = set(terms_of(passage.path))
    wanted = [{t: w * SHOWN for t, w in unit.items()} if _named(unit, heading) else unit for unit in wanted]
    paragraphs = _paragraphs(text)
    pieces = _pieces(paragraphs)
    intro = _intros(paragraphs)
    # a list's items are about what its intro line names ("pathType values:" over "• Prefix: ...")
    found = [set(terms_of(text[start:end])) | set(terms_of(intro.get(line, ""))) for start, end, line in pieces]
    lines = [line for _, _, line in pieces]
    of_line: dict[int, set[str]] = {}
    for line, terms in zip(lines, found):
        of_line.setdefault(line, set()).update(terms)
    dense = [_value(wanted, of_line[line]) for line in lines]  # a line naming several query words
    best, best_score = (0, 1), -1.0
    for first in range(len(pieces)):
        last, seen = first, set()
        while last < len(pieces) and (last == first or pieces[last][1] - pieces[first][0] <= budget):
            seen |= found[last]
            last += 1
        top = max(dense[first:last])
        at = next(k for k in range(first, last) if dense[k] == top)
        # the lines after the best one explain it: a window ending at it ("Limits" with its
        # figures cut off) is worth less
        score = _value(wanted, seen) + DENSE * top + FOLLOWING * top * min(last - at - 1, AFTER) / AFTER
        # ties: the passage's start, else a window opening at a line that matches (what follows it explains it)
        score += 0.01 if first == 0 else 0.005 if dense[first] > 0 else 0.0
        if score > best_score + 1e-9:
            best, best_score = (first, last), score
    first, last = best
    start, end = pieces[first][0], pieces[last - 1][1]
    window = text[start:end]
    if len(window) > budget:
        window = window[:budget].rsplit(" ", 1)[0]
        more: int | None = body + start + len(window) + 1
        window += " " + ELLIPSIS
    elif end < len(text.rstrip()):
        more = body + end + (text[end:end + 1] in "\n ")
        window += ("\n" if text[end:end + 1] == "\n" else " ") + ELLIPSIS
    else:
        more = body if start > 0 else None  # the rest is before the window: from the body
    if start > 0:
        window = ELLIPSIS + ("\n" if text[start - 1] == "\n" else " ") + window
    return Excerpt(window, more)


def _pieces(paragraphs: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, line number) of the text's lines (``_paragraphs``), a long line cut into its sentences (trailing
    spaces left out): a window may begin at the sentence that answers, deep in a paragraph. A
    paragraph the notes wrap at a width ("… then" / "$0.005 per path.") is one line: its sentences
    run across the breaks."""
    pieces, at = [], 0
    for number, line in enumerate(paragraphs):
        starts = [0] if len(line) <= LONG_LINE else [0, *(m.end() for m in _SENTENCE_END.finditer(line))]
        for start, end in zip(starts, [*starts[1:], len(line)]):
            end = start + len(line[start:end].rstrip())
            if end > start:
                pieces.append((at + start, at + end, number))
        at += len(line) + 1
    return pieces or [(0, len("\n".join(paragraphs)), 0)]


def _paragraphs(text: str) -> list[str]:
    """The text's lines, a wrapped paragraph's lines joined (their newlines kept): a line carries on
    the one before when that one, prose, was cut mid-sentence at the notes' width, and this one
    opens no item or row."""
    out: list[str] = []
    for line in text.split("\n"):
        body = line.strip()
        last = out[-1].rsplit("\n", 1)[-1].rstrip() if out else ""
        prose = not out or not _OPENS.match(out[-1].strip()) and out[-1][:1] != " "  # a list item stays as the notes wrap it
        if out and body.startswith(":"):  # a definition list's ": what it means" belongs to its term
            out[-1] += "\n" + line
        elif prose and len(last) >= WRAPPED and body and not _OPENS.match(body) and " | " not in body + last \
                and last[-1] not in ".!?:;)":
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def _intros(paragraphs: list[str]) -> dict[int, str]:
    """Line number -> the lines announcing the lists it is an item of ("pathType values:", and
    "• DAX vs ElastiCache:" over its indented items)."""
    out: dict[int, str] = {}
    intro = ""
    within: list[tuple[int, str]] = []  # (indent, text) of the items above that announce a list
    for number, line in enumerate(paragraphs):
        if line.lstrip().startswith("•"):
            indent = len(line) - len(line.lstrip())
            while within and within[-1][0] >= indent:
                within.pop()
            said = " ".join([intro, *(text for _, text in within)]).strip()
            if said:
                out[number] = said
            if line.rstrip().endswith(":"):
                within.append((indent, line.strip()))
        else:
            within = []
            intro = line.strip() if line.rstrip().endswith(":") else ""
    return out


def _named(unit: dict[str, float], heading: set[str]) -> bool:
    """Does the heading hold the query word itself (its best-weighted terms), not just a broader one?"""
    top = max(unit.values(), default=0.0)
    return any(w >= top and t in heading for t, w in unit.items())


def _value(wanted: list[dict[str, float]], terms: set[str]) -> float:
    """How much of the query ``terms`` hold: each query word once, at its best."""
    return sum(max((w for t, w in unit.items() if t in terms), default=0.0) for unit in wanted)
