"""Questions generated from the notes: cloze on numbers and terms, "which of these" from definitions."""

import random
import re
from datetime import datetime, timezone
from pathlib import Path

import db
from bot.core.messages import Answer, Feedback, Learner, Question, Quiz
from bot.core.notes import parse
from bot.core.practice import Practice
from bot.core.questions import LETTERS, STOP_WORDS, generate, load_bank, validate
from bot.core.search import Library
from bot.ingest import ingest
from db.store import Store

CONTENT = Path(__file__).resolve().parents[1] / "content"
BUNDLED = (CONTENT / "notes" / "dva-notes.md").read_text(encoding="utf-8")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)

NOTES = """\
# DVA

## EC2
1. Multi attach : one io2 volume can be attached to not more than 16 instances at a time.
2. Spread placement : a spread placement group holds up to 7 instances per AZ.
3. Snapshot archive : the archive tier is 75% cheaper, with 24 - 72 hours to restore.
4. Recycle bin : deleted snapshots can be recovered for up to 1 year after deletion.
5. Burst credits : a T3 instance earns credits while CPU stays below 20% of a vCPU.

## ELB
1. Types of load balancers
   - Classic load balancer : HTTP, HTTPS, TCP, SSL.
   - Application load balancer : HTTP, HTTPS, Websocket.
   - Network load balancer : TCP, TLS, UDP.
   - Gateway load balancer : Layer 3 IP packets for firewalls.
2. Scaling
   - Vertical scaling : moving the database to a bigger instance type.
   - Horizontal scaling : adding read replicas to spread the reads.
   - Predictive scaling : forecasts the load from the daily patterns.
   - Scheduled scaling : changes the capacity at a time you choose in advance.
"""

LAMBDA = """
## Lambda
1. Timeout : a function can run for at most 15 minutes per invocation.
2. Memory : you can allocate from 128 MB to 10,240 MB of memory to a function.
3. Concurrency : by default an account can run 1000 concurrent executions per region.
4. Deployment package : up to 50 MB zipped when uploaded directly.
"""


def passages(text: str = NOTES):
    found, _ = parse(text, "notes.md")
    return found


def by_answer(questions, answer: str):
    return [q for q in questions if q.correct == (answer,)]


def cloze(q) -> bool:
    return "completes the sentence" in q.stem


def test_a_number_is_blanked_with_its_unit_and_distractors_of_the_same_unit():
    [q] = by_answer(generate(passages()), "16 instances")
    assert 'one io2 volume can be attached to not more than _____ at a time."' in q.stem
    assert "16" not in q.stem
    assert all(o.endswith(" instances") for o in q.options)
    assert "7 instances" in q.options  # drawn from elsewhere in the notes


def test_percentages_get_percentages_from_the_notes_as_distractors():
    [q] = by_answer(generate(passages()), "75%")
    assert all(re.fullmatch(r"\d+%", o) for o in q.options)
    assert "20%" in q.options


def test_one_year_gets_plural_years_as_distractors():
    [q] = by_answer(generate(passages()), "1 year")
    assert sorted(o.split()[1] for o in q.options) == ["year", "years", "years", "years"]


def test_ranges_are_never_blanked():
    qs = generate(passages())
    assert not [q for q in qs if any("72 hours" in o or o.startswith("24") for o in q.correct)]


def test_which_of_these_asks_for_a_term_from_its_definition_with_sibling_terms():
    [q] = by_answer(generate(passages()), "Network load balancer")
    assert '"TCP, TLS, UDP."' in q.stem
    assert sorted(q.options) == ["Application load balancer", "Classic load balancer",
                                 "Gateway load balancer", "Network load balancer"]


def test_siblings_sharing_a_word_come_first():
    [q] = by_answer(generate(passages()), "Vertical scaling")
    assert "Horizontal scaling" in q.options and all(o.endswith("scaling") for o in q.options)


def test_a_list_item_is_blanked_with_other_items_of_lists_the_passage_never_mentions():
    notes = NOTES + "\n## Health\n1. Network checks : the NLB health check runs over TCP against the target port.\n"
    [q] = [q for q in by_answer(generate(passages(notes)), "TCP") if q.topic == "Health"]
    assert '"Network checks : the NLB health check runs over _____ against the target port."' in q.stem
    assert set(q.options) - {"TCP"} <= {"HTTP", "HTTPS", "SSL", "Websocket", "TLS", "UDP"}


def test_generated_questions_are_marked_and_use_the_written_question_shape():
    for q in generate(passages()):
        assert q.generated and q.source == "generated"
        assert q.kind == "single" and len(q.options) == 4 and len(q.answers) == 1
        assert q.answers[0] in LETTERS[:4] and q.explanation and q.passages


def test_no_blank_is_a_stop_word_and_options_are_distinct():
    ps = passages(BUNDLED)
    for q in generate(ps):
        assert q.correct[0].lower() not in STOP_WORDS, q
        assert len({o.lower() for o in q.options}) == 4, q


def test_a_cloze_answer_is_the_only_option_its_passage_supports():
    ps = passages(BUNDLED + LAMBDA)
    text = {p.id: p.text.lower() for p in ps}
    for q in filter(cloze, generate(ps)):
        source = text[q.passages[0]]
        assert q.correct[0].lower() in source
        wrong = [o for i, o in enumerate(q.options) if LETTERS[i] not in q.answers]
        assert not [o for o in wrong if re.search(rf"(?<![\w-]){re.escape(o.lower())}(?![\w-])", source)], q


def test_the_heading_never_gives_the_answer_away():
    ps = passages(BUNDLED)
    for q in generate(ps):
        shown = q.stem.split("\n")[0]
        assert not re.search(rf"(?<![\w-]){re.escape(q.correct[0])}(?![\w-])", shown, re.IGNORECASE), q


def test_every_generated_question_is_grounded_in_its_passage():
    ps = passages(BUNDLED)
    by_id = {p.id: p for p in ps}
    assert [(q.id, validate(q, by_id)) for q in generate(ps) if validate(q, by_id)] == []


def test_ids_come_from_the_passage_and_the_fact_not_from_order():
    before = {q.id: q.correct for q in generate(passages())}
    edited = NOTES.replace("## EC2\n", "## EC2\n1. Instance store : ephemeral disks lost when the instance stops.\n")
    edited = edited.replace("per AZ.", "per Availability Zone.")
    after = {q.id: q.correct for q in generate(list(reversed(passages(edited))))}
    kept = {i: c for i, c in before.items() if c != ("7 instances",)}
    assert kept.items() <= after.items()
    assert all(qid.startswith("g-") and len(qid) == 12 for qid in after)


def test_generation_is_deterministic():
    ps = passages(BUNDLED)
    first, second = generate(ps), generate(list(ps))
    assert first == second
    assert sorted(generate(list(reversed(ps))), key=lambda q: q.id) == sorted(first, key=lambda q: q.id)


def test_the_bundled_notes_yield_questions_for_every_section_with_facts():
    counts = {}
    for q in generate(passages(BUNDLED)):
        counts[q.topic] = counts.get(q.topic, 0) + 1
    assert len([q for q in generate(passages(BUNDLED))]) >= 60
    assert {"RDS", "ELB + ASG", "EC2", "DNS", "IAM"} <= set(counts)


def test_a_lambda_section_added_to_the_notes_yields_questions():
    qs = [q for q in generate(passages(BUNDLED + LAMBDA)) if q.topic == "Lambda"]
    answers = {q.correct[0] for q in qs}
    assert {"15 minutes", "128 MB", "10,240 MB", "1000 concurrent executions", "50 MB"} <= answers
    assert {"Timeout", "Concurrency", "Deployment package"} <= answers
    assert "Memory" not in answers  # its definition says "memory": the stem would give it away
    [timeout] = by_answer(qs, "15 minutes")
    assert all(o.endswith(" minutes") for o in timeout.options)


def test_a_user_who_adds_a_lambda_section_and_re_ingests_can_quiz_on_lambda_at_once(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "dva-notes.md").write_text(BUNDLED, encoding="utf-8")
    store = Store(db.connect(":memory:"))
    ingest(store, notes, now=NOW)
    (notes / "dva-notes.md").write_text(BUNDLED + LAMBDA, encoding="utf-8")
    ingest(store, notes, now=NOW)
    practice = Practice.build(store, Library(store.all_passages()), load_bank(CONTENT / "questions")[0],
                              rng=random.Random(3))
    ana = Learner("test", "G1", "ana")
    [question] = practice.handle(Quiz(ana, "lambda"), NOW)
    assert isinstance(question, Question) and question.topic == "Lambda" and question.generated
    correct = practice.question(question.question_id).correct
    right = tuple(c.letter for c in question.choices if c.text in correct)  # as this instance shows them
    [feedback] = practice.handle(Answer(ana, question.instance, right), NOW)
    assert isinstance(feedback, Feedback) and feedback.correct
