"""SQL for quiz (a mixin of ``db.store.Store``)."""

from __future__ import annotations


class QuizStore:
    """Placeholder: filled in with its feature."""
