"""Load a folder of markdown notes into the store: incremental and forgiving.

Each file's sha256 is kept, so a second run parses only new or changed files.
A file that cannot be read (empty, not UTF-8, binary, nothing but one huge
line) is reported with its name and line and skipped; whatever was loaded from
it before stays. Only the notes tables are written: learners' data is never
touched.

A file is kept by its path relative to the folder and with that folder as
its root, which every run rewrites for each file it finds. A folder run
removes a loaded file that is not here when its root is this folder or no
longer holds it (a renamed checkout, a Docker path). So deletions are
seen after the folder moves, and another folder that still holds its notes
keeps them: ``dva ingest PATH`` adds, it does not replace.

Ids survive renaming a file or moving a section: deleted files go before
anything loads, and a clash of ids goes to the file that had the id and still
has it, else to the first file in path order; the other takes its file's name
as a suffix.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol, Sequence, TextIO

from bot.core.lookup import notes

PROGRESS_FROM = 20  # files: below this a progress bar is noise
MAX_FILE_BYTES = 2_000_000  # one notes file: a bigger one is refused (every lookup would pay for it)


class NotesStore(Protocol):
    def has_passages(self) -> bool: ...
    def all_passages(self) -> Sequence[Any]: ...  # passages with notes.Passage's fields
    def file_digest(self, path: str) -> str | None: ...
    def note_roots(self) -> dict[str, str]: ...  # path -> the folder it was last loaded from
    def set_root(self, paths: Sequence[str], root: str) -> None: ...
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

    def merged(self, other: IngestReport) -> IngestReport:
        """This report and ``other`` (another folder's) as one."""
        return IngestReport(self.loaded + other.loaded, self.unchanged + other.unchanged,
                            self.removed + other.removed, self.skipped + other.skipped,
                            self.passages + other.passages, self.problems + other.problems,
                            self.seconds + other.seconds)

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
    # a file already loaded through another folder ("dva ingest content" then the console's
    # content/notes) keeps the name and folder it was loaded with: one file, one set of passages
    roots = store.note_roots()
    loaded = {(Path(home) / path).resolve(): (path, home) for path, home in roots.items()
              if Path(home).is_absolute()}
    homes = [loaded.get(p, (p.relative_to(root).as_posix(), str(root))) for p in files]
    names = [name for name, _ in homes]
    if source.is_dir():
        here = {name for name, home in homes if home == str(root)}
        for gone in _gone(roots, here, str(root)):
            store.remove_file(gone)
            report.removed.append(gone)
    store.set_root([name for name, home in homes if home == str(root)], str(root))
    bar = _Bar(len(files), out or sys.stderr) if progress and len(files) >= PROGRESS_FROM else None
    fresh: list[_Parsed] = []
    home_of = dict(homes)
    for number, (path, name) in enumerate(zip(files, names), start=1):
        parsed = _read(store, path, name, report)
        if parsed:
            fresh.append(parsed)
        if bar:
            bar.show(number)
    owners = _owners(store.passage_files(), fresh)
    for item in fresh:
        passages = _unique(item.passages, item.name, owners)
        store.replace_file(item.name, item.sha, passages, now, home_of.get(item.name, str(root)))
        owners.update({p.id: item.name for p in passages})
        report.loaded.append(item.name)
        report.passages += len(passages)
    if bar:
        bar.done()
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Parsed:
    name: str
    sha: str
    passages: list[notes.Passage]


def _read(store: NotesStore, path: Path, name: str, report: IngestReport) -> _Parsed | None:
    """A new or changed file's passages; None when it is unchanged or unreadable."""
    try:
        data = path.read_bytes()
    except OSError as err:
        report.problems.append(notes.Problem(name, 1, f"cannot read: {err.strerror or err}"))
        report.skipped.append(name)
        return None
    if len(data) > MAX_FILE_BYTES:
        report.problems.append(notes.Problem(
            name, 0, f"{len(data) / 1e6:.1f} MB is over the {MAX_FILE_BYTES // 1_000_000} MB limit for one notes "
                     "file: split it into several files; what was loaded from it before is kept"))
        report.skipped.append(name)
        return None
    sha = hashlib.sha256(data).hexdigest()
    if store.file_digest(name) == sha:
        report.unchanged += 1
        return None
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
        return None
    return _Parsed(name, sha, passages)


def _gone(roots: dict[str, str], present: set[str], root: str) -> list[str]:
    """Loaded files missing here if this is their folder, or missing from their own folder."""
    return [path for path, home in roots.items()
            if path not in present and (home == root or _vanished(home, path))]


def _vanished(home: str, path: str) -> bool:
    return Path(home).is_absolute() and not (Path(home) / path).is_file()


def _owners(before: dict[str, str], fresh: list[_Parsed]) -> dict[str, str]:
    """Who holds each id before this run writes: files not parsed again keep
    theirs, and a file parsed again keeps the ids it had and still has."""
    again = {item.name for item in fresh}
    owners = {pid: file for pid, file in before.items() if file not in again}
    for item in fresh:
        owners.update({p.id: item.name for p in item.passages if before.get(p.id) == item.name})
    return owners


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
