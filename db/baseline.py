"""A plain SQLite FTS5/BM25 lookup: the baseline the real lookup is measured against.

Used by ``bench/bench_ask.py`` and the retrieval evaluation only. Every query
word is quoted (so FTS5 syntax in a query is just text) and OR-ed; the
answer is the best BM25 row, and "nothing" only when no word matches.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any, Iterable


class FtsBaseline:
    def __init__(self, passages: Iterable[Any]):
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, heading, text)")
        self.conn.executemany(
            "INSERT INTO fts (id, title, heading, text) VALUES (?, ?, ?, ?)",
            [(p.id, p.title, " ".join(p.heading), p.text) for p in passages],
        )

    def search(self, query: str, limit: int = 5) -> list[str]:
        """Passage ids, best BM25 first; [] when no query word is in the notes."""
        words = re.findall(r"\w+", query.lower())[:64]
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in dict.fromkeys(words))
        rows = self.conn.execute(
            "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?", (match, limit)
        )
        return [r[0] for r in rows]
