"""A problem found in a content file, named by file and line, for logs and reports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something in a notes or question file that could not be loaded as it is."""

    file: str
    line: int  # 1-based; 0 when unknown
    message: str
    question: str = ""  # the question id, when it has one

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f" [{self.question}]" if self.question else ""
        return f"{where}{who}: {self.message}"
