"""The schema, as an append-only list of migrations.

Never edit a migration that has shipped: append a new one. ``connect`` applies
the ones a database has not seen, each in its own transaction, and records
them in ``schema_migrations``.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: notes -------------------------------------------------------------
    """
    CREATE TABLE note_files (
        path TEXT PRIMARY KEY,          -- relative to the content folder
        sha256 TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE passages (
        id TEXT PRIMARY KEY,            -- stable: from heading path and title
        section TEXT NOT NULL,
        heading TEXT NOT NULL,          -- JSON list: ["RDS", "Amazon RDS Proxy"]
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        file TEXT NOT NULL REFERENCES note_files(path) ON DELETE CASCADE,
        line_start INTEGER NOT NULL,
        line_end INTEGER NOT NULL,
        open_question INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL,
        digest TEXT NOT NULL
    );
    CREATE INDEX passages_file ON passages(file);
    """,
    # 2: quiz: questions, learners, groups, instances, answers, review cards --
    """
    -- placeholder: written with the quiz engine
    """,
    # 3: daily questions: schedules and posts ----------------------------------
    """
    -- placeholder: written with the daily question
    """,
)
