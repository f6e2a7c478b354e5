"""The lookup on notes it was never tuned on (tests/eval): figures of the test halves only.

Two notes files written for this by someone who never read the lookup's code,
one on AWS serverless services in a style unlike the bundled notes, one on
Kubernetes (not AWS at all), each with cases of six kinds split in a tuning
half and a test half (``tests/eval/unseen.py``). Only the test halves' figures
are printed and kept here; the floors are the figures of the last measured
run, so the lookup cannot quietly get worse on notes nobody tuned it on.
``python tests/eval/unseen.py`` prints them, next to plain FTS5.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "eval"))
from unseen import cases_of, evaluate, evaluate_fts, halves, library_of, notes_files  # noqa: E402

FLOORS = {  # right, right and in the first 600 characters, absent declined, answerable declined at most
    "aws-serverless.md": (0.90, 0.90, 6, 0),  # 27/30, 27/30 (last run 28/30, 28/30)
    "kubernetes.md": (0.90, 0.86, 3, 1),  # 27/30, 26/30 (last run 28/30, 26/30; 3/6 absent declined)
}


@pytest.fixture(scope="module", params=[p.name for p in notes_files()])
def measured(request):
    notes = next(p for p in notes_files() if p.name == request.param)
    library = library_of(notes)
    test = halves(cases_of(notes))[1]
    ours, fts = evaluate(library, test), evaluate_fts(library, test)
    print("\n" + ours.report(f"{notes.name}, test half: the lookup") + "\n"
          + fts.report(f"{notes.name}, test half: plain FTS5/bm25"))
    return notes.name, ours, fts


def test_each_unseen_notes_file_has_cases_of_six_kinds_in_both_halves():
    for notes in notes_files():
        tune, test = halves(cases_of(notes))
        for half in (tune, test):
            assert {c["kind"] for c in half} == {"keyword", "acronym", "typo", "question", "scenario", "absent"}
            assert len(half) >= 20


def test_each_eval_notes_file_has_a_name_of_its_own():
    """A cases file is matched to its notes by name: two notes files of one name would measure
    the lookup on notes its cases were not written for."""
    names = [p.name for p in (Path(__file__).parent / "eval").glob("generator*/notes/*.md")]
    assert names and sorted(set(names)) == sorted(names)


def test_unseen_notes_are_answered_at_least_as_well_as_last_measured(measured):
    name, ours, _ = measured
    right, visible, declined, _ = ours.figures()
    floor = FLOORS[name]
    assert right >= floor[0] and visible >= floor[1] and declined >= floor[2]
    assert ours.declined_answerable <= floor[3]


def test_the_lookup_shows_the_answer_more_often_than_plain_fts5_and_declines_more(measured):
    _, ours, fts = measured
    assert ours.figures()[1] > fts.figures()[1]
    assert ours.figures()[2] > fts.figures()[2]
