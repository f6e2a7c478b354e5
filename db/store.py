"""The Store: every SQL statement of the project, behind one object.

The core states what it needs as ``typing.Protocol`` classes; ``Store`` meets
them. It is assembled from one mixin per feature so each feature's SQL sits in
a file named for it; SQLite and PostgreSQL specifics stay inside ``db/``.
"""

from __future__ import annotations

from db import Database
from db.answers import AnswersStore
from db.exams import ExamStore
from db.notes import NotesStore
from db.quiz import QuizStore
from db.rounds import RoundStore
from db.schedules import ScheduleStore


class Store(NotesStore, AnswersStore, QuizStore, ScheduleStore, ExamStore, RoundStore):
    def __init__(self, db: Database):
        self.db = db
        self.conn = db.conn

    def close(self) -> None:
        self.db.close()
