"""How fast the quiz engine records answers, ranks a group and picks a question.

Run: ``python bench/bench_quiz.py`` (about half a minute). Everything runs the
way ``dva serve`` does: one asyncio loop, one thread, one SQLite connection to
a temp-file database in WAL mode opened by ``db.connect``, the real notes, the
real written question bank and the real ``Practice`` engine, built and then
settled as ``serve`` settles it (``bot.app.settle``: the built core frozen out
of the garbage collector, a young-generation pass every 10,000 allocations).

1. Baseline: the raw SQLite single-row-commit rate, measured on the same
   connection in the same run (one ``INSERT`` of a row shaped like an answer,
   committed on its own, ``N`` times).
2. Burst: 1,000 distinct learners, never seen before, answer one daily question
   at once (``asyncio.gather`` of 1,000 handler coroutines calling the sync
   core, as the adapters do), ten times in a row, each time on a new post. Each answer is the full path: look up the
   instance, create the learner, grade, points, period counters, FSRS card, one
   transaction for the turn's answers. Reported as answers recorded per second,
   beside the baseline.
3. Fill: answers recorded one at a time, each in its own transaction (no
   ``GroupCommit``), to fill the group for 4 and 5.
4. Leaderboard p50/p99 over 1,000 requests (random asker, random period) with
   the filled group's answers.
5. Quiz pick p50/p99 over 1,000 ``quiz`` commands (random learner with
   history; five in six name a topic): choose a question and record its instance.

Where a burst's time goes (per click, CPU time, sampled on this machine when
it was quiet): about 15 us of SQLite (the learner and its unique key; the
answer and its four indexes; four period counters and the day counters'
partial index; the card; the commit), about 11 us of asyncio and command
building (6.5 us of it the bench's own coroutines and commands, measured with
a core that does nothing), and about 16 us of Python in the core and the store
(grading, points, streak, the FSRS card, the reply, the rows). A raw commit
is 23-30 us of wall time (about 18 us of CPU), so an answer at 50% of raw has
46-60 us. Every answer commits before it is acknowledged
(``tests/test_durability.py``).

What made it faster, in order: a daily post's tally is counted once per
transaction and kept as answers are added (it was a COUNT over all the post's
answers for every answer: quadratic in a burst); the batch runs in the
store's ``batch``, with no savepoint per answer (run again with one each only
if an answer fails); the group's timezone is read once per transaction; an
instance's lettered choices are built once; only the day counters are indexed
by learner (a partial index: one entry per answer, not four); a learner
created in the transaction is known to have no days, cards or answers, so
they are not read; grading, the letter maps, the answer key and the picked
options are worked out once per letters and option order. Then a batch-level
answer path (issue 16): ``GroupCommit`` gives a turn's answers to the core at
once (``Practice.handle_answers``, ``answering.answer_all``), which grades
them in order, in waves where each learner answers once (a learner's second
click waits for the next), and the store reads days, scored-today and cards
once per kind and writes the learners (one ``INSERT ... RETURNING``), the
answers (``executemany``; ``RETURNING`` only when one was refused), the
counters and the cards in one statement each; a review card travels as JSON
text, a first review's filled into a template made once; times as text and
local days are worked out once a second; the bench settles the core as
``serve`` does, and ``settle`` makes young-generation passes rarer (about 2 us
an answer). One answer alone is a batch of one through the same code, which
costs it about 30-40 us more Python than the old single-answer path: the fill
(3) went from 2,205-2,425 to 2,084-2,204 answers/s in the runs below.

A single burst, measured until then, was the wrong figure: right after the
baseline it paid a whole write-ahead-log checkpoint the baseline had left
due, and it never met what the second burst meets. Ten bursts in a row showed
what the first hid: from the second on, the period counters took 17 ms a
burst instead of 6-8, because a statement that changes many rows journals the
pages it touches (to undo itself alone) and that journal spilled to a
temporary file (``pwrite`` in a native profile). ``db.connect`` now keeps
temporary files in memory, and the counters are summed per counter and
written in statements of many rows: ten bursts went from 42-45% of raw to
53-59%.

Last runs (``.venv/bin/python bench/bench_quiz.py --answers 20000``, five in a
row on the code of the paragraph above; other work shares this machine's two
cores and the raw rate moves by a fifth from run to run): raw 39,650 /
38,902 / 33,484 / 40,750 / 35,645 commits/s; ten bursts 20,765 / 24,616 /
18,345 / 22,248 / 22,676 answers/s (52% / 63% / 55% / 55% / 64% of raw);
then, with the bursts in a group of their own (they had put 10,000 more
learners on the leaderboard measured next), two runs: 59% / 55% of raw,
leaderboard p50 0.47 ms, p99 0.59 / 0.87 ms; quiz pick p50 0.16 / 0.19 ms,
p99 0.53 / 0.65 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import db  # noqa: E402
from bot.app import settle  # noqa: E402
from bot.core.messages import Answer, Learner, Quiz, ShowLeaderboard  # noqa: E402
from bot.core.lookup.notes import parse  # noqa: E402
from bot.core.quiz.practice import Practice  # noqa: E402
from bot.core.bank.questions import load_bank  # noqa: E402
from bot.core.lookup.search import Library  # noqa: E402
from bot.group_commit import GroupCommit  # noqa: E402
from db.store import Store  # noqa: E402

START = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
GROUP = "bench-guild"
BURSTS = "bench-bursts"  # the bursts' group of their own: the leaderboard figure ranks GROUP's learners only


def engine(path: Path) -> tuple[Store, Practice]:
    """The store and the quiz engine, settled as ``dva serve`` leaves them once built (``bot.app.settle``:
    what was built is left out of later garbage collections)."""
    passages, _ = parse((ROOT / "content/notes/dva-notes.md").read_text(encoding="utf-8"), "dva-notes.md")
    questions, _ = load_bank(ROOT / "content/questions")
    store = Store(db.connect(path))
    practice = Practice(store, Library(passages), questions, rng=random.Random(1))
    settle()
    return store, practice


def raw_commit_rate(store: Store, n: int) -> float:
    conn = store.conn
    conn.execute("CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, instance_id TEXT, learner_id INTEGER,"
                 " chosen TEXT, answered_at TEXT, UNIQUE (instance_id, learner_id))")
    began = time.perf_counter()
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_raw (instance_id, learner_id, chosen, answered_at) VALUES (?,?,?,?)",
                     ("inst", i, "A", "2026-09-01T08:00:00.000000+00:00"))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - began
    conn.execute("DROP TABLE bench_raw")
    return n / elapsed


async def burst(store: Store, practice: Practice, users: int, bursts: int = 10) -> tuple[float, int, int]:
    """``bursts`` times in a row, ``users`` first-time learners click the same daily question in one
    turn of the loop, through ``GroupCommit`` as in ``dva serve``: (answers/s over all of them,
    counted, commits).

    Many bursts, as the baseline is many commits: a write-ahead-log checkpoint falls every thousand
    pages or so, and a single burst would pay whole the one the baseline's commits left due (a
    1,000-click burst measured 36.3 ms after a fresh start, 41.3 ms right after the baseline).
    """
    core = GroupCommit(practice, store.transaction, store.batch)
    question_id = next(q for q, _ in practice.daily_pool())
    letters = tuple(practice.question(question_id).answers)
    now = START + timedelta(minutes=5)

    async def click(instance: str, round_: int, i: int):
        learner = Learner("bench", BURSTS, f"burst{round_}-{i}", f"Burst {round_}-{i}")
        return await core.handled(Answer(learner, instance, letters, event=f"evt{round_}-{i}"), now)

    elapsed, counted = 0.0, 0
    for round_ in range(bursts):  # each a daily post of its own channel
        daily = practice.open_daily(question_id, BURSTS, f"bench:channel{round_}", START, START + timedelta(days=1))
        began = time.perf_counter()
        replies = await asyncio.gather(*(click(daily.instance, round_, i) for i in range(users)))
        elapsed += time.perf_counter() - began
        counted += sum(1 for [reply] in replies if getattr(reply, "counted", False))
    return users * bursts / elapsed, counted, core.commits


def fill(practice: Practice, answers: int, learners: int, span_days: int, rng: random.Random) -> float:
    """Record ``answers`` practice answers, spread over learners and days, through the answer path."""
    ids = [q for q, _ in practice.daily_pool()]
    people = [Learner("bench", GROUP, f"u{i}", f"User {i}") for i in range(learners)]
    began = time.perf_counter()
    for i in range(answers):
        now = START + timedelta(days=span_days * i / answers, seconds=rng.randrange(3600))
        who = rng.choice(people)
        question = practice.new_instance(rng.choice(ids), who, GROUP, "practice", None, now, None)
        pick = practice.question(question.question_id)
        letters = pick.answers if rng.random() < 0.7 else tuple("ABCDE"[: len(pick.answers)])
        practice.handle(Answer(who, question.instance, tuple(letters)), now)
    return answers / (time.perf_counter() - began)


def timed(calls) -> tuple[float, float]:
    samples = []
    for call in calls:
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000, help="learners in each of ten bursts")
    parser.add_argument("--answers", type=int, default=100_000, help="answers in the group for the leaderboard")
    parser.add_argument("--learners", type=int, default=2000, help="learners those answers are spread over")
    parser.add_argument("--days", type=int, default=60, help="days those answers are spread over")
    parser.add_argument("--keep", type=Path, help="keep the database here (default: a temp dir)")
    args = parser.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as folder:
        if args.keep:
            folder = str(args.keep)
        store, practice = engine(Path(folder) / "bench.db")
        print(f"questions: {len(practice.questions)}; database: WAL temp file via db.connect")
        baseline = raw_commit_rate(store, 5000)
        rate, counted, commits = asyncio.run(burst(store, practice, args.users))
        print(f"raw SQLite single-row commits   {baseline:10,.0f} /s")
        print(f"burst: 10 x {args.users} users, one question {rate:10,.0f} answers/s "
              f"({rate / baseline:.0%} of raw; {counted} counted in {commits} commit(s))")
        filled = fill(practice, args.answers, args.learners, args.days, rng)
        total = store.conn.execute("SELECT COUNT(*) FROM answers WHERE group_id = ?", (GROUP,)).fetchone()[0]
        print(f"fill: {total:,} answers in the group ({filled:,.0f} answers/s, single learner at a time)")
        end = START + timedelta(days=args.days)
        askers = [Learner("bench", GROUP, f"u{rng.randrange(args.learners)}") for _ in range(1000)]
        periods = ["today", "week", "month", "all"]
        p50, p99 = timed(lambda a=a: practice.handle(ShowLeaderboard(a, rng.choice(periods)), end) for a in askers)
        print(f"leaderboard ({args.learners} learners)  p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
        topics = [None, "rds", "ec2", "iam", "elb", "route53"]
        p50, p99 = timed(lambda a=a: practice.handle(Quiz(a, rng.choice(topics)), end) for a in askers)
        print(f"quiz pick                       p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
        store.db.conn.close()


if __name__ == "__main__":
    main()
