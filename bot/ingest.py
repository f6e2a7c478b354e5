"""Load a folder of markdown notes into the store: incremental and forgiving.

Each file's sha256 is kept, so a second run touches only new or changed
files and removes the passages of files deleted from the folder. A file that
cannot be read (empty, not UTF-8, binary, nothing but one huge line) is
reported with its name and line and skipped; whatever was loaded from it
before stays. Only the notes tables are written: learners' data is never
touched.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol, Sequence, TextIO

from bot.core import notes

PROGRESS_FROM = 20  # files: below this a progress bar is noise


class NotesStore(Protocol):
    def has_passages(self) -> bool: ...
    def all_passages(self) -> Sequence[Any]: ...  # passages with notes.Passage's fields
    def file_digest(self, path: str) -> str | None: ...
    def note_files(self, root: str | None = None) -> list[str]: ...
    def passage_files(self) -> dict[str, str]: ...
    def replace_file(self, path: str, sha: str, passages: Sequence[notes.Passage], now: datetime,
                     root: str = "") -> None: ...
    def remove_file(self, path: str) -> int: ...


@dataclass
class IngestReport:
    loaded: list[str] = field(default_factory=list)  # new or changed files
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    passages: int = 0  # passages written from the loaded files
    problems: list[notes.Problem] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{_count(len(self.loaded), 'file')} loaded ({_count(self.passages, 'passage')})",
                 f"{self.unchanged} unchanged", f"{len(self.removed)} removed"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped: {', '.join(self.skipped)}")
        return f"Notes: {', '.join(parts)} in {self.seconds:.2f} s."


def ingest(store: NotesStore, source: str | Path, progress: bool = False,
           now: datetime | None = None, out: TextIO | None = None) -> IngestReport:
    """Load every ``*.md`` under ``source`` (a folder, or one file)."""
    started = time.perf_counter()
    now = now or datetime.now(timezone.utc)
    source = Path(source)
    report = IngestReport()
    if source.is_dir():
        root = source.resolve()
        files = sorted(p for p in root.rglob("*.md") if _wanted(p.relative_to(root)))
    else:
        root, files = source.resolve().parent, [source.resolve()]
    owners = store.passage_files()
    bar = _Bar(len(files), out or sys.stderr) if progress and len(files) >= PROGRESS_FROM else None
    for number, path in enumerate(files, start=1):
        _load(store, path, path.relative_to(root).as_posix(), str(root), now, owners, report)
        if bar:
            bar.show(number)
    if bar:
        bar.done()
    if source.is_dir():
        present = {p.relative_to(root).as_posix() for p in files}
        for gone in store.note_files(str(root)):
            if gone not in present:
                store.remove_file(gone)
                report.removed.append(gone)
    report.seconds = time.perf_counter() - started
    return report


def _load(store: NotesStore, path: Path, name: str, root: str, now: datetime,
          owners: dict[str, str], report: IngestReport) -> None:
    try:
        data = path.read_bytes()
    except OSError as err:
        report.problems.append(notes.Problem(name, 1, f"cannot read: {err.strerror or err}"))
        report.skipped.append(name)
        return
    sha = hashlib.sha256(data).hexdigest()
    if store.file_digest(name) == sha:
        report.unchanged += 1
        return
    text, problems = notes.decode(data, name)
    passages: list[notes.Passage] = []
    if text is not None:
        passages, more = notes.parse(text, name)
        problems += more
        if not passages:
            problems.append(notes.Problem(name, 1, "no text to load: skipped"))
    report.problems.extend(problems)
    if not passages:
        report.skipped.append(name)
        return
    passages = _unique(passages, name, owners)
    store.replace_file(name, sha, passages, now, root)
    owners.update({p.id: name for p in passages})
    report.loaded.append(name)
    report.passages += len(passages)


def _unique(passages: list[notes.Passage], name: str, owners: dict[str, str]) -> list[notes.Passage]:
    """Ids are unique across files: a clash takes the file's name as a suffix."""
    suffix = notes.slug(name.rsplit(".", 1)[0], 24)
    return [replace(p, id=f"{p.id}--{suffix}") if owners.get(p.id, name) != name else p
            for p in passages]


def _wanted(relative: Path) -> bool:
    hidden = any(part.startswith(".") for part in relative.parts)
    return not hidden and relative.name.lower() != "readme.md"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Bar:
    """A one-line progress bar on stderr, redrawn at most a few times a second."""

    def __init__(self, total: int, out: TextIO, width: int = 30):
        self.total, self.out, self.width, self.last = total, out, width, 0.0

    def show(self, done: int) -> None:
        moment = time.monotonic()
        if done < self.total and moment - self.last < 0.1:
            return
        self.last = moment
        filled = self.width * done // self.total
        self.out.write(f"\rLoading notes [{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total}")
        self.out.flush()

    def done(self) -> None:
        self.out.write("\n")
        self.out.flush()
