"""SQL for notes (a mixin of ``db.store.Store``)."""

from __future__ import annotations


class NotesStore:
    """Placeholder: filled in with its feature."""
