"""Loading notes into SQLite: incremental, idempotent, forgiving of bad files."""

from __future__ import annotations

import io
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

import db as database
from bot.core.lookup.notes import parse
from bot.ingest import ingest
from db.store import Store

NOTES = Path(__file__).resolve().parent.parent / "content" / "notes" / "dva-notes.md"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store():
    return Store(database.connect(":memory:"))


@pytest.fixture
def folder(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(NOTES, notes / "dva-notes.md")
    return notes


def ids(store):
    return [p.id for p in store.all_passages()]


def test_a_fresh_database_gets_every_passage_of_the_notes(store, folder):
    report = ingest(store, folder, now=NOW)
    expected, _ = parse(NOTES.read_text(encoding="utf-8"), "dva-notes.md")
    assert report.loaded == ["dva-notes.md"] and report.passages == 77
    assert ids(store) == [p.id for p in expected]
    proxy = next(p for p in store.all_passages() if p.id == "rds/amazon-rds-proxy")
    assert (proxy.heading, proxy.file, proxy.line_start) == (("RDS", "Amazon RDS Proxy"), "dva-notes.md", 305)
    assert "Notes: 1 file loaded (77 passages)" in report.summary()


def test_a_second_run_on_unchanged_notes_changes_nothing(store, folder):
    ingest(store, folder, now=NOW)
    before = store.all_passages()
    report = ingest(store, folder, now=NOW)
    assert (report.loaded, report.unchanged, report.removed) == ([], 1, [])
    assert store.all_passages() == before


def test_editing_a_file_reloads_it_and_keeps_every_id(store, folder):
    ingest(store, folder, now=NOW)
    before = {p.id: p for p in store.all_passages()}
    path = folder / "dva-notes.md"
    path.write_text(path.read_text().replace("75% cheaper", "75 percent cheaper"))
    report = ingest(store, folder, now=NOW)
    after = {p.id: p for p in store.all_passages()}
    assert report.loaded == ["dva-notes.md"]
    assert list(after) == list(before)
    assert [i for i in after if after[i].text != before[i].text] == ["ec2/ebs-snapshots"]


def test_a_new_file_is_added_and_a_deleted_file_takes_its_passages_with_it(store, folder):
    (folder / "s3.md").write_text("## S3\n1. Buckets\n   - hold objects\n")
    ingest(store, folder, now=NOW)
    assert "s3/buckets" in ids(store)
    (folder / "s3.md").unlink()
    report = ingest(store, folder, now=NOW)
    assert report.removed == ["s3.md"]
    assert "s3/buckets" not in ids(store) and len(ids(store)) == 77


def test_files_in_subfolders_are_read_and_readmes_are_not(store, folder):
    (folder / "week2").mkdir()
    (folder / "week2" / "lambda.md").write_text("## Lambda\n1. Layers\n   - shared code\n")
    (folder / "README.md").write_text("# How to write notes\n## Format\n1. Use numbered items\n")
    report = ingest(store, folder, now=NOW)
    assert sorted(report.loaded) == ["dva-notes.md", "week2/lambda.md"]
    assert store.note_files() == ["dva-notes.md", "week2/lambda.md"]


@pytest.mark.parametrize("name, data, line, words", [
    ("empty.md", b"", 1, "empty"),
    ("latin1.md", "## A\n1. ok\n".encode() + b"2. caf\xe9\n", 3, "not UTF-8"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", 1, "binary"),
    ("blob.md", b"x" * 200_000, 1, "characters"),
])
def test_a_bad_file_is_named_and_skipped_and_the_rest_still_loads(store, folder, name, data, line, words):
    (folder / name).write_bytes(data)
    report = ingest(store, folder, now=NOW)
    assert report.skipped == [name]
    assert report.loaded == ["dva-notes.md"] and len(ids(store)) == 77
    problem = report.problems[0]
    assert (problem.file, problem.line) == (name, line) and words in problem.message
    assert name in report.summary()


def test_a_file_without_headings_loads_with_a_warning(store, folder):
    (folder / "loose.md").write_text("1. Point one\n2. Point two\n")
    report = ingest(store, folder, now=NOW)
    assert "loose.md" in report.loaded
    assert {"loose/point-one", "loose/point-two"} <= set(ids(store))
    assert [str(p) for p in report.problems] == ["loose.md:1: no markdown headings: the file is one section"]


def test_a_file_that_turns_bad_keeps_what_was_loaded_before(store, folder):
    ingest(store, folder, now=NOW)
    before = store.all_passages()
    (folder / "dva-notes.md").write_bytes(b"\xff\xfe broken")
    report = ingest(store, folder, now=NOW)
    assert report.skipped == ["dva-notes.md"] and report.removed == []
    assert store.all_passages() == before


def test_loading_notes_never_touches_learners_data(store, folder):
    ana = store.learner_id("slack", "T1", "U1", "Ana")
    store.bump_scores([("T1", ana, ["all"], 10, True)])
    ingest(store, folder, now=NOW)
    (folder / "dva-notes.md").write_text("## Only\n1. One passage\n")
    ingest(store, folder, now=NOW)
    assert ids(store) == ["only/one-passage"]
    assert store.find_learner("slack", "T1", "U1") == ana
    row = store.score_of("T1", "all", ana)
    assert (row["name"], row["points"], row["answered"], row["correct"]) == ("Ana", 10, 1, 1)


def test_the_same_heading_in_two_files_gets_two_ids(store, folder):
    (folder / "extra.md").write_text("## RDS\n1. Amazon RDS Proxy\n   - my own summary\n")
    ingest(store, folder, now=NOW)
    proxies = [p for p in store.all_passages() if p.title == "Amazon RDS Proxy"]
    assert sorted(p.id for p in proxies) == ["rds/amazon-rds-proxy", "rds/amazon-rds-proxy--extra"]


def test_one_file_can_be_ingested_on_its_own(store, folder):
    report = ingest(store, folder / "dva-notes.md", now=NOW)
    assert report.loaded == ["dva-notes.md"] and len(ids(store)) == 77


def test_a_large_folder_shows_a_progress_bar_on_the_given_stream(store, tmp_path):
    for n in range(25):
        (tmp_path / f"n{n:02}.md").write_text(f"## Topic {n}\n1. Point {n}\n")
    out = io.StringIO()
    report = ingest(store, tmp_path, progress=True, now=NOW, out=out)
    assert len(report.loaded) == 25
    assert "Loading notes [" in out.getvalue() and "25/25" in out.getvalue()


def test_renaming_a_notes_file_keeps_its_passage_ids(store, folder):
    (folder / "one.md").write_text("## S3\n1. Buckets\n   - hold objects\n2. Versioning\n   - keeps old copies\n")
    ingest(store, folder, now=NOW)
    before = ids(store)
    (folder / "one.md").rename(folder / "renamed.md")
    report = ingest(store, folder, now=NOW)
    assert (report.loaded, report.removed) == (["renamed.md"], ["one.md"])
    assert sorted(ids(store)) == sorted(before)
    assert {p.file for p in store.all_passages() if p.id.startswith("s3/")} == {"renamed.md"}
    ingest(store, folder, now=NOW)
    assert sorted(ids(store)) == sorted(before)


def test_moving_a_section_to_another_file_keeps_its_id(store, folder):
    (folder / "one.md").write_text("## S3\n1. Buckets\n   - hold objects\n## SQS\n1. Queues\n   - hold messages\n")
    (folder / "two.md").write_text("## SNS\n1. Topics\n   - fan out\n")
    ingest(store, folder, now=NOW)
    (folder / "one.md").write_text("## S3\n1. Buckets\n   - hold objects\n")
    (folder / "two.md").write_text("## SNS\n1. Topics\n   - fan out\n## SQS\n1. Queues\n   - hold messages\n")
    report = ingest(store, folder, now=NOW)
    assert sorted(report.loaded) == ["one.md", "two.md"]
    queue = [p for p in store.all_passages() if p.title == "Queues"]
    assert [(p.id, p.file) for p in queue] == [("sqs/queues", "two.md")]


def test_a_note_deleted_after_the_content_folder_moved_is_removed(store, tmp_path):
    old = tmp_path / "checkout" / "notes"
    old.mkdir(parents=True)
    for name in ("ec2", "s3", "sqs"):
        (old / f"{name}.md").write_text(f"## {name}\n1. Basics of {name}\n")
    ingest(store, old, now=NOW)
    new = (tmp_path / "checkout").rename(tmp_path / "moved") / "notes"
    (new / "s3.md").unlink()
    report = ingest(store, new, now=NOW)
    assert (report.unchanged, report.removed) == (2, ["s3.md"])
    (new / "sqs.md").unlink()
    report = ingest(store, new, now=NOW)
    assert report.removed == ["sqs.md"]
    assert store.note_files() == ["ec2.md"] and ids(store) == ["ec2/basics-of-ec2"]


def test_ingesting_another_folder_adds_to_the_notes_and_removes_none_of_them(store, folder, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "lambda.md").write_text("## Lambda\n1. Layers\n   - shared code\n")
    ingest(store, folder, now=NOW)
    report = ingest(store, extra, now=NOW)
    assert report.removed == [] and len(ids(store)) == 78
    report = ingest(store, folder, now=NOW)
    assert (report.unchanged, report.removed) == (1, [])
    assert store.note_files() == ["dva-notes.md", "lambda.md"]


def test_a_note_deleted_from_a_copy_of_the_content_folder_is_removed(store, tmp_path):
    old = tmp_path / "local" / "notes"
    old.mkdir(parents=True)
    for name in ("ec2", "s3"):
        (old / f"{name}.md").write_text(f"## {name}\n1. Basics of {name}\n")
    ingest(store, old, now=NOW)
    new = Path(shutil.copytree(old, tmp_path / "docker" / "notes"))
    assert ingest(store, new, now=NOW).unchanged == 2
    (new / "s3.md").unlink()
    assert ingest(store, new, now=NOW).removed == ["s3.md"]
    assert ids(store) == ["ec2/basics-of-ec2"]


def test_a_copied_section_leaves_the_original_its_id_when_both_files_change(store, folder):
    (folder / "two.md").write_text("## SQS\n1. Queues\n   - hold messages\n")
    ingest(store, folder, now=NOW)
    (folder / "one.md").write_text("## SQS\n1. Queues\n   - my copy\n")
    (folder / "two.md").write_text("## SQS\n1. Queues\n   - hold messages for a while\n")
    ingest(store, folder, now=NOW)
    queues = {p.id: p.file for p in store.all_passages() if p.title == "Queues"}
    assert queues == {"sqs/queues": "two.md", "sqs/queues--one": "one.md"}


def test_the_same_file_reached_through_two_folders_is_loaded_once(tmp_path):
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "notes" / "dva-notes.md").write_text("# DVA\n\n## RDS\n1. RDS Proxy : pools connections\n")
    store = Store(database.connect(":memory:"))
    ingest(store, content)  # `dva ingest content`
    report = ingest(store, content / "notes")  # what `dva chat` loads at start
    assert report.loaded == [] and report.removed == []
    assert len(store.all_passages()) == 1 and len(store.note_files()) == 1


def test_a_notes_file_over_the_size_limit_is_refused_and_what_was_loaded_stays(tmp_path):
    from bot.ingest import MAX_FILE_BYTES

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "big.md").write_text("# Big\n\n## RDS\n1. RDS Proxy : pools connections\n")
    store = Store(database.connect(":memory:"))
    ingest(store, folder)
    (folder / "big.md").write_text("# Big\n\n## RDS\n" + "1. filler line of notes\n" * (MAX_FILE_BYTES // 20))
    report = ingest(store, folder)
    assert report.skipped == ["big.md"]
    assert "over the 2 MB limit" in str(report.problems[0]) and str(report.problems[0]).startswith("big.md")
    assert [p.title for p in store.all_passages()] == ["RDS Proxy"]
