"""The first hour and the bad days: what a new user, or a broken disk, meets first."""

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.adapters.console import render
from bot.adapters.wording import relative
from bot.core.messages import HelpText, Learner, Text
from bot.core.grammar import parse
from bot.core.quiz.tutor import USAGE

ROOT = Path(__file__).resolve().parents[1]
ME = Learner("console", "local", "me")


def dva(*args: str, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, env={**os.environ, **(env or {})}, timeout=120)


def test_a_mistyped_command_suggests_the_one_meant():
    reply = parse("quizz ec2", ME)
    assert isinstance(reply, Text) and "Did you mean 'quiz'?" in reply.text


def test_a_question_typed_without_ask_suggests_ask():
    reply = parse("what is rds proxy", ME)
    assert isinstance(reply, Text) and "'ask what is rds proxy'" in reply.text


def test_the_help_table_lines_up_every_description():
    lines = render(HelpText(USAGE)).splitlines()
    columns = {len(line) - len(line.split("  ")[-1].lstrip()) for line in lines}
    assert len(columns) == 1, lines


def test_times_read_as_a_person_says_them():
    now = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)
    assert relative(now + timedelta(days=2, hours=1), now) == "in 2 days"
    assert relative(now + timedelta(hours=3), now) == "in 3 hours"
    assert relative(now + timedelta(minutes=1, seconds=30), now) == "in 2 minutes"
    assert relative(now, now) == "now"


def test_a_corrupt_database_is_one_line_and_a_non_zero_exit_for_every_command(tmp_path):
    broken = tmp_path / "dva.db"
    broken.write_bytes(os.urandom(8192))
    for args in (("ask", "rds", "proxy"), ("ingest", str(ROOT / "content" / "notes")), ("chat",), ("topics",)):
        done = dva(*args, env={"DVA_DB": str(broken)}, stdin="quit\n")
        assert done.returncode == 1, args
        assert "Traceback" not in done.stderr + done.stdout
        assert f"cannot use the database {broken}" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_database_path_through_a_file_is_named_with_what_to_do(tmp_path):
    (tmp_path / "afile").write_text("x")
    done = dva("ask", "rds", "proxy", env={"DVA_DB": str(tmp_path / "afile" / "dva.db")})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "part of its path is a file, not a folder" in done.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    env = {**os.environ, "DVA_DB": str(tmp_path / "dva.db")}
    done = subprocess.run(f"{sys.executable} -m bot questions list | head -1", shell=True, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr


def test_the_examples_in_the_discord_ask_hint_are_answered_by_the_bundled_notes():
    import re
    from types import SimpleNamespace

    from bot.adapters.discord_commands import commands_for
    from bot.core.messages import FoundPassage
    from bot.core.lookup.notes import parse
    from bot.core.lookup.search import Library

    group = commands_for(SimpleNamespace(respond=None))
    hint = next(c for c in group.commands if c.name == "ask").parameters[0].description
    examples = re.findall(r"'([^']+)'", hint)
    notes = ROOT / "content" / "notes" / "dva-notes.md"
    library = Library(parse(notes.read_text(encoding="utf-8"), notes.name)[0])
    assert examples and all(isinstance(library.ask(e), FoundPassage) for e in examples)
