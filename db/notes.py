"""SQL for notes (a mixin of ``db.store.Store``): files, their digests, passages.

A file's passages are replaced in one transaction by upsert, not delete and
insert: a passage whose id survives an edit keeps its row, and nothing else
(questions, answers, schedules) is ever touched by loading notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from db.base import Connected, iso

_COLUMNS = ("id", "section", "heading", "title", "text", "file", "line_start", "line_end",
            "open_question", "position", "digest", "document", "clozes")


@dataclass(frozen=True)
class StoredPassage:
    """A passage as stored; the same fields as ``bot.core.lookup.notes.Passage``."""

    id: str
    section: str
    heading: tuple[str, ...]
    title: str
    text: str
    file: str
    line_start: int
    line_end: int
    open_question: bool
    position: int
    document: str = ""
    clozes: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return " › ".join(self.heading)


class NotesStore(Connected):
    def has_passages(self) -> bool:
        return self.conn.execute("SELECT 1 FROM passages LIMIT 1").fetchone() is not None

    def all_passages(self) -> list[StoredPassage]:
        rows = self.conn.execute(
            "SELECT id, section, heading, title, text, file, line_start, line_end, open_question,"
            " position, document, clozes FROM passages ORDER BY file, position"
        )
        return [StoredPassage(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4], r[5], r[6], r[7],
                              bool(r[8]), r[9], r[10], tuple(json.loads(r[11]))) for r in rows]

    def file_digest(self, path: str) -> str | None:
        row = self.conn.execute("SELECT sha256 FROM note_files WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def note_digests(self) -> dict[str, tuple[str, str]]:
        """Path of each loaded file -> (the folder it was loaded from, its content digest)."""
        return {path: (root, sha) for path, root, sha in
                self.conn.execute("SELECT path, root, sha256 FROM note_files ORDER BY path")}

    def note_files(self, root: str | None = None) -> list[str]:
        """Paths of the loaded files (those ingested from ``root`` when given)."""
        if root is None:
            rows = self.conn.execute("SELECT path FROM note_files ORDER BY path")
        else:
            rows = self.conn.execute("SELECT path FROM note_files WHERE root = ? ORDER BY path", (root,))
        return [r[0] for r in rows]

    def note_roots(self) -> dict[str, str]:
        """Path of each loaded file -> the folder it was last loaded from."""
        return dict(self.conn.execute("SELECT path, root FROM note_files ORDER BY path"))

    def set_root(self, paths: Sequence[str], root: str) -> None:
        """Record that these loaded files (if loaded) were found in ``root``."""
        with self.transaction():
            self.conn.executemany("UPDATE note_files SET root = ? WHERE path = ? AND root != ?",
                                  [(root, path, root) for path in paths])

    def passage_files(self) -> dict[str, str]:
        """Passage id -> the file it comes from (ids are unique across files)."""
        return dict(self.conn.execute("SELECT id, file FROM passages"))

    def replace_file(self, path: str, sha: str, passages: Sequence[Any], now: datetime,
                     root: str = "") -> None:
        """Make ``passages`` the passages of ``path``, atomically."""
        rows = [(p.id, p.section, json.dumps(list(p.heading), ensure_ascii=False), p.title, p.text,
                 path, p.line_start, p.line_end, int(p.open_question), p.position, p.digest, p.document,
                 json.dumps(list(p.clozes), ensure_ascii=False))
                for p in passages]
        updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
        with self.transaction():
            self.conn.execute(
                "INSERT INTO note_files (path, root, sha256, ingested_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(path) DO UPDATE SET root = excluded.root, sha256 = excluded.sha256,"
                " ingested_at = excluded.ingested_at",
                (path, root, sha, iso(now)),
            )
            self.conn.executemany(
                f"INSERT INTO passages ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
                f" ON CONFLICT(id) DO UPDATE SET {updates}",
                rows,
            )
            keep = {r[0] for r in rows}
            gone = [(i,) for (i,) in self.conn.execute("SELECT id FROM passages WHERE file = ?", (path,))
                    if i not in keep]
            self.conn.executemany("DELETE FROM passages WHERE id = ?", gone)

    def remove_file(self, path: str) -> int:
        """Forget a deleted file and its passages; returns how many passages went."""
        with self.transaction():
            gone = self.conn.execute("DELETE FROM passages WHERE file = ?", (path,)).rowcount
            self.conn.execute("DELETE FROM note_files WHERE path = ?", (path,))
        return gone

    # --- questions generated from the notes --------------------------------------------

    def generated_questions(self, key: str) -> list[dict[str, Any]] | None:
        """The questions generated for ``key`` (the notes, lexicon and generator they came from)."""
        row = self.conn.execute("SELECT questions FROM generated_questions WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def save_generated_questions(self, key: str, questions: list[dict[str, Any]], now: datetime) -> None:
        """Keep these for ``key``, and only these: other notes' questions are stale."""
        self.conn.execute("DELETE FROM generated_questions WHERE key != ?", (key,))
        self.conn.execute("INSERT INTO generated_questions (key, questions, made_at) VALUES (?,?,?)"
                          " ON CONFLICT(key) DO UPDATE SET questions = excluded.questions, made_at = excluded.made_at",
                          (key, json.dumps(questions), iso(now)))

    # --- the built lookup ------------------------------------------------------------

    def lookup_index(self, key: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM lookup_index WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def save_lookup_index(self, key: str, data: bytes, now: datetime) -> None:
        """Keep this one, and only this one: another key's lookup is of other notes."""
        with self.transaction():
            self.conn.execute("DELETE FROM lookup_index WHERE key != ?", (key,))
            self.conn.execute("INSERT INTO lookup_index (key, data, made_at) VALUES (?,?,?)"
                              " ON CONFLICT(key) DO UPDATE SET data = excluded.data, made_at = excluded.made_at",
                              (key, data, iso(now)))
