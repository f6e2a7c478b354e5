"""The schema, as an append-only list of migrations.

Never edit a migration that has shipped: append a new one. ``connect`` applies
the ones a database has not seen, each in its own transaction, and records
them in ``schema_migrations``.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: notes -------------------------------------------------------------
    """
    CREATE TABLE note_files (
        path TEXT PRIMARY KEY,          -- relative to the folder it was ingested from
        root TEXT NOT NULL DEFAULT '',  -- that folder: a deleted file is one missing from it
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
    CREATE TABLE questions (
        id TEXT PRIMARY KEY,            -- stable: history hangs on it
        topic TEXT NOT NULL,
        kind TEXT NOT NULL,
        stem TEXT NOT NULL,
        options TEXT NOT NULL,          -- JSON list
        answers TEXT NOT NULL,          -- JSON list of letters
        explanation TEXT NOT NULL,
        passages TEXT NOT NULL,         -- JSON list of passage ids
        generated INTEGER NOT NULL DEFAULT 0,
        source TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1  -- 0: gone from the bank, history kept
    );
    CREATE TABLE groups (
        id TEXT PRIMARY KEY,            -- Discord guild id, Slack team id, "dm:<user>"
        timezone TEXT NOT NULL DEFAULT 'UTC'
    );
    CREATE TABLE learners (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        group_id TEXT NOT NULL,
        user TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        UNIQUE (platform, group_id, user)
    );
    CREATE TABLE instances (
        id TEXT PRIMARY KEY,            -- random, URL-safe, carried by buttons
        question_id TEXT NOT NULL REFERENCES questions(id),
        learner_id INTEGER REFERENCES learners(id),  -- who it was served to; NULL for a daily
        group_id TEXT NOT NULL,
        mode TEXT NOT NULL,             -- practice | review | daily
        target TEXT,                    -- where a daily was posted
        created_at TEXT NOT NULL,       -- UTC ISO 8601
        closes_at TEXT                  -- UTC ISO 8601; NULL: never closes
    );
    CREATE INDEX instances_learner ON instances(learner_id, created_at);
    CREATE INDEX instances_group_mode ON instances(group_id, mode, created_at);
    CREATE INDEX instances_question ON instances(question_id, mode);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances(id),
        learner_id INTEGER NOT NULL REFERENCES learners(id),
        group_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        mode TEXT NOT NULL,
        chosen TEXT NOT NULL,           -- letters, e.g. "AC"
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        day TEXT NOT NULL,              -- local date in the group's timezone
        answered_at TEXT NOT NULL,      -- UTC ISO 8601
        event TEXT UNIQUE,              -- platform delivery id: a redelivery is recorded once
        UNIQUE (instance_id, learner_id)
    );
    -- one index serves per-topic accuracy and "already scored this question today"
    CREATE INDEX answers_learner ON answers(learner_id, topic, question_id, day, points, correct);
    -- counters per learner and period ("d2026-11-26", "w2026-11-23", "m2026-11", "all"),
    -- bumped in the answer's transaction: a leaderboard reads one row per learner of the
    -- period (no points index: every index is pages written by every answer, see bench/)
    CREATE TABLE scores (
        group_id TEXT NOT NULL,
        period TEXT NOT NULL,
        learner_id INTEGER NOT NULL REFERENCES learners(id),
        points INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (group_id, period, learner_id)
    ) WITHOUT ROWID;
    CREATE INDEX scores_learner ON scores(learner_id, period);
    CREATE TABLE cards (
        learner_id INTEGER NOT NULL REFERENCES learners(id),
        question_id TEXT NOT NULL,
        card TEXT NOT NULL,             -- JSON of fsrs.Card.to_dict()
        due TEXT NOT NULL,              -- UTC ISO 8601, copied out of the card for the index
        PRIMARY KEY (learner_id, question_id)
    ) WITHOUT ROWID;  -- a learner's cards are one short range of the key: no due index
    """,
    # 3: daily questions: schedules and posts ----------------------------------
    """
    CREATE TABLE schedules (
        target TEXT PRIMARY KEY,        -- opaque place id: "discord:<channel>", "slack:<channel>"
        platform TEXT NOT NULL,
        group_id TEXT NOT NULL,
        target_name TEXT NOT NULL DEFAULT '',
        time TEXT NOT NULL,             -- local "HH:MM"
        timezone TEXT NOT NULL,         -- IANA name
        weekdays TEXT NOT NULL,         -- "mon,tue,wed,thu,fri"
        topic TEXT,                     -- NULL: every topic
        set_by TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL        -- UTC ISO 8601: slots before it are never posted
    );
    -- one row per slot, claimed (inserted) BEFORE anything is sent: UNIQUE(target, slot)
    -- is what makes a post happen at most once across restarts and processes
    CREATE TABLE daily_posts (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        slot TEXT NOT NULL,             -- local date and time of the schedule: "2026-03-29 02:30"
        due_at TEXT NOT NULL,           -- UTC ISO 8601
        claimed_at TEXT NOT NULL,
        question_id TEXT,
        instance_id TEXT,
        ref TEXT,                       -- the platform's message id, for the closing edit
        posted_at TEXT,
        closed_at TEXT,
        UNIQUE (target, slot)
    );
    CREATE INDEX daily_posts_target ON daily_posts(target, id);
    """,
    # 4: options shown in each instance's own order (bot.core.quiz.shuffle) ---------------
    # instances created before keep the bank's order: their posted buttons still mean what they showed
    """
    ALTER TABLE instances ADD COLUMN shuffled INTEGER NOT NULL DEFAULT 1;
    UPDATE instances SET shuffled = 0;
    """,
    # 5: a notes file's own title ("# Kubernetes notes") names its passages;
    # loaded files are read again so their passages get it
    """
    ALTER TABLE passages ADD COLUMN document TEXT NOT NULL DEFAULT '';
    UPDATE note_files SET sha256 = '';
    """,
    # 6: mock exams and reported questions -----------------------------------------------
    """
    CREATE TABLE exams (
        id TEXT PRIMARY KEY,            -- random, URL-safe
        learner_id INTEGER NOT NULL REFERENCES learners(id),
        group_id TEXT NOT NULL,
        size INTEGER NOT NULL,
        started_at TEXT NOT NULL,       -- UTC ISO 8601
        ends_at TEXT NOT NULL,          -- when time runs out
        finished_at TEXT,               -- NULL while it runs
        timed_out INTEGER NOT NULL DEFAULT 0
    );
    -- at most one running exam per learner: the partial unique index is the rule
    CREATE UNIQUE INDEX exams_running ON exams(learner_id) WHERE finished_at IS NULL;
    CREATE TABLE exam_items (
        exam_id TEXT NOT NULL REFERENCES exams(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,      -- 1-based, the order shown
        question_id TEXT NOT NULL REFERENCES questions(id),
        instance_id TEXT NOT NULL REFERENCES instances(id),
        chosen TEXT,                    -- shown letters picked so far; NULL: unanswered
        flagged INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (exam_id, position)
    );
    CREATE UNIQUE INDEX exam_items_instance ON exam_items(instance_id);
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        question_id TEXT NOT NULL,
        learner_id INTEGER NOT NULL REFERENCES learners(id),
        reason TEXT NOT NULL DEFAULT '',
        reported_at TEXT NOT NULL,
        cleared_at TEXT,                -- a maintainer cleared it: it counts no more
        UNIQUE (question_id, learner_id, cleared_at)
    );
    CREATE INDEX reports_question ON reports(question_id);
    """,
    # 7: reminders: a learner's opt-in, and one row per reminder sent (at most one a day) ---
    """
    CREATE TABLE reminders (
        learner_id INTEGER PRIMARY KEY REFERENCES learners(id),
        time TEXT NOT NULL,             -- local "HH:MM" in the group's timezone
        set_at TEXT NOT NULL
    );
    CREATE TABLE reminders_sent (
        learner_id INTEGER NOT NULL REFERENCES learners(id),
        day TEXT NOT NULL,              -- the local date it was sent for
        sent_at TEXT NOT NULL,
        PRIMARY KEY (learner_id, day)   -- claimed before sending: never twice a day, across restarts
    );
    """,
    # 8: timed rounds in a channel: one running round per channel ------------------------
    """
    CREATE TABLE rounds (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL,           -- the channel it is played in
        group_id TEXT NOT NULL,
        size INTEGER NOT NULL,
        seconds INTEGER NOT NULL,       -- how long each question is open
        topic TEXT,
        solo INTEGER NOT NULL DEFAULT 0,  -- one player (the console): a question closes when answered
        started_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE UNIQUE INDEX rounds_running ON rounds(target) WHERE finished_at IS NULL;
    CREATE TABLE round_items (
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        instance_id TEXT,               -- set when the question is shown
        closed_at TEXT,                 -- set when its results were given
        PRIMARY KEY (round_id, position)
    );
    """,
    # 9: the weekly recap's day and time, per channel (default: Monday at the daily time) -----
    """
    ALTER TABLE schedules ADD COLUMN recap_day INTEGER NOT NULL DEFAULT 0;  -- 0 = Monday
    ALTER TABLE schedules ADD COLUMN recap_time TEXT;                       -- NULL: the daily time
    """,
    # 10: the questions generated from the notes, kept for the notes and lexicon they came from --
    """
    CREATE TABLE generated_questions (
        key TEXT PRIMARY KEY,           -- a hash of the passages, the lexicon and the generator
        questions TEXT NOT NULL,        -- JSON list of question records
        made_at TEXT NOT NULL
    );
    """,
    # 11: the built lookup, kept for the notes it was built from ----------------------------
    """
    CREATE TABLE lookup_index (
        key TEXT PRIMARY KEY,           -- a hash of the passages, the bank's wording, the lexicon, the code
        data BLOB NOT NULL,
        made_at TEXT NOT NULL
    );
    """,
    # 12: a daily post's tally and first right answers read from an index, not a scan and a sort
    """
    CREATE INDEX answers_instance_right ON answers(instance_id, correct, answered_at, id);
    """,
    # 13: a learner's active days (the streak) from an index of the day counters only: an answer
    # writes one entry of it, not four (the week, month and all-time rows are never read by learner)
    """
    CREATE INDEX scores_learner_days ON scores(learner_id, period) WHERE period > 'd' AND period < 'e';
    DROP INDEX scores_learner;
    """,
    # 14: the cloze cards of an Anki export, each passage's as written (its blanks are questions);
    # loaded files are read again so their passages get them
    """
    ALTER TABLE passages ADD COLUMN clozes TEXT NOT NULL DEFAULT '[]';  -- JSON list
    UPDATE note_files SET sha256 = '';
    """,
)
