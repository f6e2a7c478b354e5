"""``dva`` subcommands: ask, topics, ingest, chat, serve, questions.

Only this module and ``bot.app`` see everything; the adapters for Discord
and Slack are imported by ``serve`` alone, so ``dva ask`` starts fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from datetime import datetime, timezone

from bot.config import Settings

LOCAL = ("console", "local", "me")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(os.environ)
    except ValueError as err:
        print(f"dva: {err}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command is None:  # plain `dva`: the real bot when tokens are set, else the console
        run = _serve if settings.discord_enabled or settings.slack_enabled else _chat
    else:
        run = args.run
    try:
        return run(settings, args)
    except BrokenPipeError:  # `dva ask rds proxy | head -1`: the reader left, nothing is wrong here
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("dva: output closed before the end (a pipe's reader stopped reading)", file=sys.stderr)
        return 141
    except (sqlite3.DatabaseError, OSError) as err:
        # a corrupt, partly overwritten or read-only database, or a DVA_DB path through a file
        logging.getLogger("bot").debug("database or file trouble", exc_info=True)
        name = getattr(err, "filename", None)
        if name and not str(settings.db).startswith(str(name)):
            print(f"dva: cannot use {name}: {_reason(err)}", file=sys.stderr)
            return 1
        print(f"dva: cannot use the database {settings.db}: {_reason(err)}. Point DVA_DB at a writable "
              "file (or move the broken one away: the notes are loaded again on the next run).",
              file=sys.stderr)
        return 1


def _reason(err: BaseException) -> str:
    if isinstance(err, (FileExistsError, NotADirectoryError)):
        return "part of its path is a file, not a folder"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err) or type(err).__name__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dva", description="DVA-C02 study bot on your own notes.")
    sub = parser.add_subparsers(dest="command")
    ask = sub.add_parser("ask", help="look something up in the notes")
    ask.add_argument("query", nargs="*")
    ask.set_defaults(run=_ask)
    sub.add_parser("topics", help="sections of the notes with passage counts").set_defaults(run=_topics)
    ingest = sub.add_parser("ingest", help="load notes from a folder (default: the content folder)")
    ingest.add_argument("path", nargs="?")
    ingest.set_defaults(run=_ingest)
    sub.add_parser("chat", help="the local console: the same commands as in Slack").set_defaults(run=_chat)
    sub.add_parser("serve", help="run Discord, Slack and the daily question").set_defaults(run=_serve)
    from bot import question_bank

    question_bank.add_parser(sub)
    return parser


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters import console
    from bot.core.messages import Ask, Learner

    query = " ".join(args.query).strip()
    if not query:
        print("Usage: dva ask QUERY...   e.g. dva ask rds proxy", file=sys.stderr)
        return 2
    for reply in _library(settings).handle(Ask(Learner(*LOCAL), query), _now()):
        print(console.render(reply))
    return 0


def _topics(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters import console
    from bot.core.messages import Learner, Topics

    for reply in _library(settings).handle(Topics(Learner(*LOCAL)), _now()):
        print(console.render(reply))
    return 0


def _library(settings: Settings):
    """The lookup alone, for ``ask`` and ``topics``: no quiz, no adapters, fast."""
    from bot.app import open_lookup

    return open_lookup(settings, refresh=False).library


def _ingest(settings: Settings, args: argparse.Namespace) -> int:
    from pathlib import Path

    import db as database
    from bot.ingest import ingest
    from db.store import Store

    folder = Path(args.path) if args.path else settings.content / "notes"
    if not folder.exists():
        print(f"dva ingest: no such folder or file: {folder}", file=sys.stderr)
        return 2
    store = Store(database.connect(settings.database_location))
    report = ingest(store, folder, progress=sys.stderr.isatty())
    print(report.summary())
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    from bot import question_bank
    from bot.app import passages_of
    from bot.core.bank import candidates

    lines = question_bank.report(candidates(passages_of(store)))
    if lines:
        print("questions generated from the notes, kept by the quality gate:\n" + "\n".join(lines))
    return 0


def _chat(settings: Settings, args: argparse.Namespace | None = None) -> int:
    from bot.app import build, settle
    from bot.adapters import console

    app = build(settings)
    settle()
    pictures = settings.db.resolve().parent / "pictures"  # beside the database: the group's own data
    return console.run(app.tutor, sys.stdin, sys.stdout, now=_now, pictures=pictures)


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    from bot.serve import serve

    return serve(settings)
