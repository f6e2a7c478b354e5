"""Compact, lazily read forms of the lookup's big tables, for the kept lookup.

Reading a kept lookup back must cost little at any size of notes: a Python
object per passage, per posting and per title word is what made it slow
(most of ``pickle.loads``). Here each table is kept as a few long strings and
arrays, read back in one piece; a passage, a term's postings or a passage's
heading words become objects only when a query first touches them.
Each form reads exactly as the plain table it replaces.
"""

from __future__ import annotations

from array import array
from typing import Iterable, Iterator, Mapping, Sequence, overload

from bot.core.lookup.notes import Passage

_SEP = " "  # between the words of a set: a term never holds a space


class _Column:
    """Many strings kept as one run of UTF-8, with where each ends: half the memory of one
    ``str`` when the notes hold a single "•" (which makes every character of a str two bytes)."""

    def __init__(self, values: Iterable[str]):
        encoded = [value.encode() for value in values]
        self.data = b"".join(encoded)
        self.ends = array("q")
        end = 0
        for value in encoded:
            end += len(value)
            self.ends.append(end)

    def __getitem__(self, i: int) -> str:
        return self.data[self.ends[i - 1] if i else 0:self.ends[i]].decode()


def _parts(tuples: Iterable[tuple[str, ...]]) -> tuple[_Column, array]:
    """Each passage's tuple of strings (its heading, its clozes) as one column and where each ends."""
    tuples = list(tuples)
    ends = array("q")
    for t in tuples:
        ends.append((ends[-1] if ends else 0) + len(t))
    return _Column(part for t in tuples for part in t), ends


class Passages(Sequence[Passage]):
    """The passages, one column per field; a ``Passage`` is made when first read."""

    def __init__(self, passages: Sequence[Passage]):
        self._size = len(passages)
        self._strings = {name: _Column(getattr(p, name) for p in passages)
                         for name in ("id", "section", "title", "text", "file", "document")}
        self._heading_parts, self._heading_ends = _parts(p.heading for p in passages)
        self._cloze_parts, self._cloze_ends = _parts(p.clozes for p in passages)
        self._numbers = {name: array("q", (int(getattr(p, name)) for p in passages))
                         for name in ("line_start", "line_end", "open_question", "position")}
        self._numbers["text_length"] = array("q", (len(p.text) for p in passages))
        self._made: dict[int, Passage] = {}

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, i: int) -> Passage: ...
    @overload
    def __getitem__(self, i: slice) -> list[Passage]: ...

    def __getitem__(self, i: int | slice) -> Passage | list[Passage]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        made = self._made.get(i)
        if made is None:
            if not 0 <= i < self._size:
                raise IndexError(i)
            s, n = self._strings, self._numbers
            made = self._made[i] = Passage(
                id=s["id"][i], section=s["section"][i], heading=self._heading(i),
                title=s["title"][i], text=s["text"][i], file=s["file"][i],
                line_start=n["line_start"][i], line_end=n["line_end"][i],
                open_question=bool(n["open_question"][i]), position=n["position"][i], document=s["document"][i],
                clozes=self._parts_of(i, self._cloze_parts, self._cloze_ends))
        return made

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(self._size))

    def _heading(self, i: int) -> tuple[str, ...]:
        return self._parts_of(i, self._heading_parts, self._heading_ends)

    @staticmethod
    def _parts_of(i: int, parts: _Column, ends: array) -> tuple[str, ...]:
        start = ends[i - 1] if i else 0
        return tuple(parts[j] for j in range(start, ends[i]))

    def text_length(self, i: int) -> int:
        """How long passage ``i``'s text is, without making the passage."""
        return self._numbers["text_length"][i]

    def __getstate__(self):
        return {**self.__dict__, "_made": {}}


class Postings(Mapping[str, dict[int, float]]):
    """term -> {passage number: weight}, each term's postings kept as two arrays."""

    def __init__(self, postings: Mapping[str, Mapping[int, float]]):
        self._packed = {term: (array("i", ps.keys()).tobytes(), array("d", ps.values()).tobytes())
                        for term, ps in postings.items()}
        self._read: dict[str, dict[int, float]] = {}

    def __getitem__(self, term: str) -> dict[int, float]:
        """A term the notes never use has no postings (an empty dict, as the built index's
        ``defaultdict`` gives)."""
        found = self._read.get(term)
        if found is None:
            packed = self._packed.get(term)
            if packed is None:
                return {}
            found = self._read[term] = dict(zip(array("i", packed[0]), array("d", packed[1])))
        return found

    def __contains__(self, term: object) -> bool:
        return term in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __getstate__(self):
        return {**self.__dict__, "_read": {}}


class WordSets(Sequence[frozenset[str]]):
    """One set of words per passage (its title's, its headings'), each kept as one string."""

    def __init__(self, sets: Iterable[Iterable[str]]):
        self._column = _Column(_SEP.join(sorted(words)) for words in sets)
        self._read: dict[int, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._column.ends)

    @overload
    def __getitem__(self, i: int) -> frozenset[str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[frozenset[str]]: ...

    def __getitem__(self, i: int | slice) -> frozenset[str] | list[frozenset[str]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        found = self._read.get(i)
        if found is None:
            text = self._column[i]
            found = self._read[i] = frozenset(text.split(_SEP)) if text else frozenset()
        return found

    def __getstate__(self):
        return {**self.__dict__, "_read": {}}
