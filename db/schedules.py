"""SQL for schedules (a mixin of ``db.store.Store``)."""

from __future__ import annotations


class ScheduleStore:
    """Placeholder: filled in with its feature."""
