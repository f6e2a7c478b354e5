"""The question bank's wording reaches the passages it cites (``bot.core.bank.expansions``).

A written question says in exam words what a passage is about; ``ask`` finds
the passage when a learner words a query that way, while the distractors
and explanations, and AWS names the notes never use, add nothing.
"""

from __future__ import annotations

from pathlib import Path

from bot.cli import main
from bot.core import messages
from bot.core.bank import expansions
from bot.core.lookup.notes import parse
from bot.core.bank.questions import BankQuestion
from bot.core.lookup.search import Library

NOTES = """## Storage
1. Volume snapshots
   - A backup of a block volume, copied across regions.
2. Scratch space
   - Fast local disk, lost when the machine stops.
## Network
1. Security Group
   - Allow rules for traffic to an instance.
"""
PASSAGES = parse(NOTES, "notes.md")[0]


def question(stem: str, options: tuple[str, ...], answers: tuple[str, ...], passages: tuple[str, ...],
             explanation: str = "Because.") -> BankQuestion:
    return BankQuestion(id="q1", topic="Storage", kind="single", stem=stem, options=options,
                        answers=answers, explanation=explanation, passages=passages)


RESTORE = question(
    "A developer deleted a disk image by mistake last week and wants it back. What keeps it recoverable?",
    ("A retention rule for volume snapshots", "Scratch space", "A security group", "Nothing"), ("A",),
    ("storage/volume-snapshots", "network/security-group"),
    explanation="Scratch space is wiped when the machine stops, and a security group filters traffic.")


def test_a_query_in_a_questions_words_finds_the_passage_it_cites():
    query = "get back a disk image deleted by mistake"
    without = Library(PASSAGES).ask(query)
    assert getattr(without, "passage_id", None) != "storage/volume-snapshots"
    reply = Library(PASSAGES, expansions([RESTORE])).ask(query)
    assert reply.passage_id == "storage/volume-snapshots"
    assert reply.text == "• A backup of a block volume, copied across regions."  # the notes, not the question


def test_the_stem_and_the_right_option_expand_the_first_cited_passage_only():
    assert expansions([RESTORE]) == {"storage/volume-snapshots": [
        "A developer deleted a disk image by mistake last week and wants it back. What keeps it "
        "recoverable? A retention rule for volume snapshots"]}


def test_distractors_and_the_explanation_add_nothing():
    library = Library(PASSAGES, expansions([RESTORE]))
    reply = library.ask("wiped when the machine stops")
    assert reply.passage_id == "storage/scratch-space"  # the explanation's words did not move it


def test_an_aws_name_only_a_question_uses_is_still_declined():
    sqs = question("A worker reads jobs from an Amazon SQS queue and writes results to a volume. "
                   "Where should it keep a backup of the results?",
                   ("Volume snapshots", "Scratch space", "SQS", "A security group"), ("A",),
                   ("storage/volume-snapshots",))
    library = Library(PASSAGES, expansions([sqs]))
    assert isinstance(library.ask("sqs visibility timeout"), messages.NothingFound)
    assert library.ask("backup of the results").passage_id == "storage/volume-snapshots"


RESTORE_TOML = '''
[[question]]
id = "storage-restore-deleted"
topic = "Storage"
kind = "single"
stem = "A developer deleted a disk image by mistake last week and wants it back. What keeps it recoverable?"
options = ["A retention rule for volume snapshots", "Scratch space", "A security group", "Nothing"]
answer = ["A"]
explanation = "Scratch space is wiped when the machine stops, and a security group filters traffic."
passages = ["storage/volume-snapshots"]
'''


def test_dva_ask_answers_in_the_question_banks_words(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "storage.toml").write_text(RESTORE_TOML, encoding="utf-8")
    monkeypatch.setenv("DVA_DB", str(tmp_path / "dva.db"))
    monkeypatch.setenv("DVA_CONTENT", str(tmp_path))
    assert main(["ask", "get", "back", "a", "disk", "image", "deleted", "by", "mistake"]) == 0
    assert capsys.readouterr().out.startswith("Storage › Volume snapshots\n")


def test_a_question_written_after_the_first_ask_adds_its_words_at_the_next_ask(tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    monkeypatch.setenv("DVA_DB", str(tmp_path / "dva.db"))
    monkeypatch.setenv("DVA_CONTENT", str(tmp_path))
    query = ["ask", "get", "back", "a", "disk", "image", "deleted", "by", "mistake"]
    main(query)
    assert not capsys.readouterr().out.startswith("Storage › Volume snapshots\n")  # the notes alone: not found

    (tmp_path / "questions" / "storage.toml").write_text(RESTORE_TOML, encoding="utf-8")
    assert main(query) == 0
    assert capsys.readouterr().out.startswith("Storage › Volume snapshots\n")
