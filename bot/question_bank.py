"""``dva questions``: the question bank for the people who keep it.

``list`` shows the bank (``--json``: one object per line, the shape in
``shared/INTERFACE.md``), ``check`` runs the validator over the written
questions and the quality gate over the generated ones and says what fails and
why, ``export --anki FILE`` writes an Anki deck. The bank is the one the bot
keeps: written questions, and generated ones that pass the quality gate.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings

if TYPE_CHECKING:  # the bank is imported when a subcommand runs: ``dva ask`` never needs it
    from bot.core.bank import BankQuestion
    from bot.core.lookup import Library

ANKI_MODEL_ID = 1_607_392_319  # fixed: Anki merges re-exported notes by model and guid


def add_parser(sub) -> None:  # noqa: ANN001 (argparse's private subparsers type)
    questions = sub.add_parser("questions", help="list, check or export the question bank")
    actions = questions.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the bank, one question a line (or JSON lines)")
    listing.add_argument("--topic", help="only this topic (a section of the notes)")
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--generated", action="store_true", help="only questions made from the notes")
    which.add_argument("--written", action="store_true", help="only questions from content/questions")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(run=_list)
    actions.add_parser("check", help="what fails validation or the quality gate, and why").set_defaults(run=_check)
    export = actions.add_parser("export", help="write the bank as a file")
    export.add_argument("--anki", required=True, metavar="FILE.apkg", help="an Anki deck (genanki)")
    export.set_defaults(run=_export)
    actions.add_parser("reports", help="questions people reported as wrong, with file and line").set_defaults(
        run=_reports)
    clear = actions.add_parser("clear", help="clear the reports of a question you have checked")
    clear.add_argument("id", help="the question's id")
    clear.set_defaults(run=_clear)


def served(settings: Settings) -> tuple[list[BankQuestion], list[tuple[BankQuestion, list[str]]], list, Library]:
    """(the bank: written and gate-passing generated questions; every generated candidate with
    its problems; the written questions with theirs; the lookup's library)."""
    from bot.core import bank
    from bot.core.bank import candidates
    from bot.app import open_lookup

    lookup = open_lookup(settings, refresh=True)
    passages = lookup.library.passages
    made = candidates(passages, lookup.library.lexicon)
    ids = {q.id for q in lookup.questions}
    # every generated question that passes the gate; the quiz serves those on passages no
    # written question cites (``Practice.build``), the daily question prefers written ones
    generated = [q for q, problems in made if not problems and q.id not in ids]
    by_id = {p.id: p for p in passages}
    written_problems = [(q, bank.validate(q, by_id)) for q in lookup.questions]
    guide, _ = bank.domains.load()  # every question with its exam domain, as the quiz serves it
    return guide.with_domains([*lookup.questions, *generated]), made, written_problems, lookup.library


def as_json(q: BankQuestion) -> dict:
    from bot.core import bank
    return {"id": q.id, "topic": q.topic, "kind": q.form, "generated": q.generated, "stem": q.stem,
            "options": list(q.options), "answers": [bank.LETTERS.index(a) for a in q.answers],
            "explanation": q.explanation, "sources": list(q.passages), "source": q.source, "domain": q.domain}


def _list(settings: Settings, args: argparse.Namespace) -> int:
    questions, _, _, _ = served(settings)
    if args.topic:
        wanted = args.topic.strip().lower()
        questions = [q for q in questions if q.topic.lower() == wanted] or \
            [q for q in questions if wanted in q.topic.lower()]
    if args.generated or args.written:
        questions = [q for q in questions if q.generated == args.generated]
    for q in questions:
        if args.json:
            print(json.dumps(as_json(q), ensure_ascii=False))
        else:
            stem = " ".join(q.stem.split())
            print(f"{q.id:<32} {q.topic[:20]:<20} {q.form:<14} {stem[:70]}")
    if not args.json:
        print(f"{len(questions)} questions", file=sys.stderr)
    return 0


def report(made: list[tuple[BankQuestion, list[str]]]) -> list[str]:
    """Per topic, how many questions the notes gave and how many the gate kept."""
    made_by, kept_by = Counter(), Counter()
    for q, problems in made:
        made_by[q.topic] += 1
        kept_by[q.topic] += not problems
    return [f"  {topic}: {kept_by[topic]} of {made_by[topic]} kept" for topic in made_by]


def _check(settings: Settings, args: argparse.Namespace) -> int:
    _, made, written, _ = served(settings)
    failed = 0
    for q, problems in written:
        for problem in problems:
            failed += 1
            print(f"{q.source or q.id} [{q.id}]: {problem}")
    for q, problems in made:
        for problem in problems:
            print(f"generated {q.id} ({q.form}, {q.topic}): {problem}")
    print("\ngenerated from the notes, kept by the quality gate, per topic:")
    print("\n".join(report(made)))
    print(f"written questions: {len(written)}, with problems: {sum(1 for _, p in written if p)}")
    return 1 if failed else 0


def _reports(settings: Settings, args: argparse.Namespace) -> int:
    """Open reports, grouped by question, with the source file and line to fix."""
    from bot.app import open_lookup

    lookup = open_lookup(settings, refresh=False)
    by_id = {q.id: q for q in lookup.questions}
    rows = lookup.store.reports()
    if not rows:
        print("No open reports.")
        return 0
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["question_id"], []).append(row)
    for qid, reports in grouped.items():
        q = by_id.get(qid)
        where = q.source if q is not None and q.source else "generated from the notes" if q is None else q.id
        people = len({(r["platform"], r["group_id"], r["user"]) for r in reports})
        held = " · held out of daily posts and exams" if people >= 2 else ""
        print(f"{qid} ({where}): {people} {'person' if people == 1 else 'people'}{held}")
        for r in reports:
            reason = f": {r['reason']}" if r["reason"] else ""
            print(f"  {r['reported_at']:%Y-%m-%d %H:%M} UTC {r['name'] or r['user']} ({r['platform']}){reason}")
    print("\n'dva questions clear ID' once a question is checked or fixed.")
    return 0


def _clear(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from bot.app import open_lookup

    lookup = open_lookup(settings, refresh=False)
    cleared = lookup.store.clear_reports(args.id, datetime.now(timezone.utc))
    if not cleared:
        print(f"dva questions clear: {args.id} has no open reports", file=sys.stderr)
        return 1
    print(f"cleared {cleared} report{'s' if cleared != 1 else ''} of {args.id}")
    return 0


def _export(settings: Settings, args: argparse.Namespace) -> int:
    from bot.core import bank
    import genanki

    questions, _, _, library = served(settings)
    model = genanki.Model(
        ANKI_MODEL_ID, "DVA study bot question",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
        templates=[{"name": "Card", "qfmt": "{{Question}}",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<br><small>{{Source}}</small>"}])
    deck_id = int(hashlib.sha256(str(settings.content).encode()).hexdigest()[:8], 16)
    deck = genanki.Deck(deck_id, "DVA-C02 study bot")
    for q in questions:
        options = "<br>".join(f"{bank.LETTERS[i]}. {_html(o)}" for i, o in enumerate(q.options))
        answer = ", ".join(f"{a}. {_html(q.options[bank.LETTERS.index(a)])}" for a in q.answers)
        passage = library.passage(q.passages[0]) if q.passages else None
        source = _html(passage.path) if passage is not None else ""
        deck.add_note(genanki.Note(model=model, fields=[f"{_html(q.stem)}<br><br>{options}",
                                                        f"{answer}<br><br>{_html(q.explanation)}", source],
                                   guid=genanki.guid_for(q.id), tags=[q.form, "generated" if q.generated else "written"]))
    path = Path(args.anki)
    try:
        genanki.Package(deck).write_to_file(str(path))
    except OSError as err:
        print(f"dva questions export: cannot write {path}: {err.strerror or err}", file=sys.stderr)
        return 1
    print(f"wrote {len(questions)} questions to {path}")
    return 0


def _html(text: str) -> str:
    import html

    return html.escape(text).replace("\n", "<br>")
