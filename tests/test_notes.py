"""Markdown notes become passages with stable ids, heading paths and line ranges."""

from __future__ import annotations

from pathlib import Path

from bot.core.lookup.notes import decode, parse

NOTES = Path(__file__).resolve().parent.parent / "content" / "notes" / "dva-notes.md"
TEXT = NOTES.read_text(encoding="utf-8")


def bundled():
    passages, problems = parse(TEXT, "dva-notes.md")
    return {p.id: p for p in passages}, problems


def test_the_bundled_notes_load_without_problems():
    passages, problems = bundled()
    assert problems == []
    assert len(passages) == 77


def test_sections_are_the_second_level_headings_not_the_document_title():
    passages, _ = bundled()
    sections = list(dict.fromkeys(p.section for p in passages.values()))
    assert sections == ["Global Services", "IAM", "Billing", "EC2", "ELB + ASG", "RDS", "DNS", "Route53"]


def test_a_numbered_item_with_its_bullets_is_one_passage():
    passages, _ = bundled()
    snapshots = passages["ec2/ebs-snapshots"]
    assert snapshots.heading == ("EC2", "EBS snapshots")
    assert (snapshots.line_start, snapshots.line_end) == (108, 114)
    assert "recover the deleted one with in 1 year" in snapshots.text


def test_rds_item_13_is_split_at_its_bold_sub_headings():
    passages, _ = bundled()
    expected = {
        "rds/rds-read-replicas-and-multi-az-and-the-use-cases": (254, 267),
        "rds/rds-multiaz": (268, 274),
        "rds/amazon-aurora": (275, 281),
        "rds/aurora-high-availability-and-read-scaling": (282, 290),
        "rds/rds-and-aurora-security": (294, 304),
        "rds/amazon-rds-proxy": (305, 316),
        "rds/amazon-elasticache": (317, 326),
        "rds/redis-vs-memcached": (327, 330),
        "rds/amazon-memory-db-for-redis": (331, 336),
    }
    found = {pid: (passages[pid].line_start, passages[pid].line_end) for pid in expected}
    assert found == expected
    assert passages["rds/amazon-rds-proxy"].path == "RDS › Amazon RDS Proxy"


def test_text_is_clean_for_chat_with_list_structure_kept():
    passages, _ = bundled()
    proxy = passages["rds/amazon-rds-proxy"].text
    assert "**" not in proxy and "`" not in proxy
    assert proxy.startswith("• We can deploy our RDS database")  # the title is not repeated
    assert all(line.lstrip().startswith("•") for line in proxy.splitlines())


def test_passages_where_the_author_was_unsure_are_flagged():
    passages, _ = bundled()
    assert passages["elb-asg/why-a-load-balancer"].open_question  # "??"
    assert passages["ec2/ec2-instance-store"].open_question
    assert not passages["ec2/ebs-snapshots"].open_question


def test_editing_one_passage_changes_no_id_and_only_its_text():
    before, _ = bundled()
    edited = TEXT.replace("Not more than 16 instances at a time.",
                          "Not more than 16 instances at a time.\n    - Only in one AZ.")
    after = {p.id: p for p in parse(edited, "dva-notes.md")[0]}
    assert list(after) == list(before)
    changed = [pid for pid in before if before[pid].text != after[pid].text]
    assert changed == ["ec2/io1-io2-family-with-multi-attach"]


def test_a_numbered_list_of_short_facts_stays_in_its_sections_passage():
    """ "VT facts: 1. default 30 s … 4. can keep extending but never past the 12 h max": each fact
    alone would lose what it is a fact of, so ``dva ask`` shows them with their heading."""
    text = """## Visibility timeout
VT facts:
1. default 30 s, min 0, max 12 h
2. `ChangeMessageVisibility` (needs the receipt handle) counts
   from the moment of the call
3. can keep extending but never past the 12 h max

## Lifecycle
1. producer calls SendMessage and the msg is stored
2. consumer calls ReceiveMessage and the msg is in flight
"""
    passages, _ = parse(text, "sqs.md")
    assert [(p.heading, p.text.splitlines()[-1]) for p in passages] == [
        (("Visibility timeout", "VT facts"), "3. can keep extending but never past the 12 h max"),
        (("Lifecycle",), "2. consumer calls ReceiveMessage and the msg is in flight")]


def test_a_numbered_list_indented_under_a_bullet_stays_in_that_bullets_passage():
    """ "- flow = optimistic locking:" over "  3. PUT with If-Match" and its sub-bullets: the steps of
    one bullet, so the lines after them ("- perms: …") stay with the heading they are under
    (round 91's S3 notes)."""
    text = """## If-Match
- flow = optimistic locking:
  1. GET/HEAD → grab ETag
  2. modify locally
  3. PUT with `If-Match: <etag>`
     - ETag still same → write ok
     - someone changed it → **412** → re-read, merge, retry
- perms: `s3:PutObject` **+** `s3:GetObject`
"""
    passages, _ = parse(text, "s3.md")
    assert [(p.heading, p.text.splitlines()[-1]) for p in passages] == [
        (("If-Match", "flow = optimistic locking"), "• perms: s3:PutObject + s3:GetObject")]


def test_a_bullet_only_opening_and_ending_in_bold_does_not_split_a_long_passage():
    """"- **WebSockets not supported** — upgrade requests rejected w/ **HTTP 400**" is a fact with two
    bold phrases, not a bold sub-heading: the limits around it stay one passage under their heading
    (round 91's ALB notes)."""
    facts = "".join(f"- limit {n}: {n} MB max\n" for n in range(12))
    text = f"## Limits\n{facts}- **WebSockets not supported** — upgrade requests rejected w/ **HTTP 400**\n{facts}"
    passages, _ = parse(text, "alb.md")
    assert [p.heading for p in passages] == [("Limits", "limit 0: 0 MB max")]


def test_a_numbered_list_of_named_topics_or_long_items_keeps_one_passage_per_item():
    named = "## Lambda\n1. Concurrency : 1000 per Region by default\n2. Layers : up to 5 per function\n"
    long = "## EC2\n1. User data runs at first boot\n   - as root\n   - once\n   - logs in cloud-init\n" \
           "2. Key pair is needed for SSH\n"
    assert [p.title for p in parse(named, "lambda.md")[0]] == ["Concurrency", "Layers"]
    assert [p.title for p in parse(long, "ec2.md")[0]] == ["User data runs at first boot", "Key pair is needed for SSH"]


def test_adding_a_section_and_an_item_changes_no_other_id():
    before, _ = bundled()
    edited = TEXT.replace("## ELB + ASG", "## S3\n1. Buckets : objects in buckets\n\n## ELB + ASG")
    edited = edited.replace("2. EC2 User Data", "2. Placement groups\n3. EC2 User Data")
    after = {p.id for p in parse(edited, "dva-notes.md")[0]}
    assert set(before) <= after
    assert after - set(before) == {"s3/buckets", "ec2/placement-groups"}


def test_two_passages_with_the_same_title_get_distinct_ids():
    passages, _ = parse("## Tips\n1. Note\n   - a\n2. Note\n   - b\n", "tips.md")
    assert [p.id for p in passages] == ["tips/note", "tips/note-2"]


def test_a_file_without_headings_is_one_section_named_after_the_file_with_a_warning():
    passages, problems = parse("1. First point\n2. Second point\n", "my-notes.md")
    assert {p.section for p in passages} == {"my notes"}
    assert [str(p) for p in problems] == ["my-notes.md:1: no markdown headings: the file is one section"]


def test_a_huge_line_is_skipped_and_named_and_the_rest_loads():
    text = "## S3\n1. Buckets\n" + "x" * 50_000 + "\n2. Objects\n"
    passages, problems = parse(text, "blob.md")
    assert [p.title for p in passages] == ["Buckets", "Objects"]
    assert [(p.file, p.line) for p in problems] == [("blob.md", 3)]
    assert all(len(p.text) < 100 for p in passages)


def test_unreadable_bytes_are_named_with_file_and_line():
    assert decode(b"", "empty.md")[1][0].message.startswith("empty file")
    assert decode(b"\x00\x01binary", "x.md")[1][0].message.startswith("binary file")
    text, problems = decode("## A\n1. ok\n".encode() + b"2. caf\xe9\n", "latin.md")
    assert text is None and (problems[0].file, problems[0].line) == ("latin.md", 3)


def test_a_code_block_opened_inside_a_list_item_ends_at_its_fence_and_the_next_heading_is_a_section():
    text = """# Lambda

## Partial batch response
- the function returns
  - ```json
    { "batchItemFailures": [ { "itemIdentifier": "<id>" } ] }
    ```
- the ESM setting must be on too

## Quick picks
- only process some events → FilterCriteria
"""
    passages, _ = parse(text, "lambda.md")
    [picks] = [p for p in passages if "FilterCriteria" in p.text]
    assert picks.section == "Quick picks"
    assert "batchItemFailures" in " ".join(p.text for p in passages if p.section == "Partial batch response")


def test_a_code_fence_never_closed_is_named_and_the_headings_after_it_are_still_sections():
    text = """# SQS

## Long polling
- ReceiveMessage with WaitTimeSeconds up to 20 s
   ```
- fewer empty responses, lower cost

## Dead-letter queues
- maxReceiveCount moves a message to the DLQ
"""
    passages, problems = parse(text, "sqs.md")
    assert [p.section for p in passages if "maxReceiveCount" in p.text] == ["Dead-letter queues"]
    assert [(p.line, p.message) for p in problems] == [(5, "a code fence never closed: read as notes")]


def test_a_code_block_opened_at_the_end_of_a_flashcards_answer_ends_at_its_fence():
    text = """# SDK

## Paginators
Q: boto3 paginator pattern?
A: ```python
   p = s3.get_paginator('list_objects_v2')
   ```

## Retries
Q: boto3 default retry mode?
A: legacy, 5 attempts.
"""
    passages, problems = parse(text, "sdk.md")
    [cards] = [p for p in passages if p.section == "Paginators"]
    assert problems == [] and "A:\n" in cards.text and "get_paginator" in cards.text
    assert [p.section for p in passages if "legacy" in p.text] == ["Retries"]


def test_words_underlined_with_underscores_read_as_words_and_names_keep_theirs():
    notes = "# SQS\n\n## Long polling\n- max wait = _20 sec_, set with _ReceiveMessageWaitTimeSeconds_\n- token_use and MAX_RETRIES stay as written\n"
    [passage], _ = parse(notes, "sqs.md")
    assert "max wait = 20 sec, set with ReceiveMessageWaitTimeSeconds" in passage.text
    assert "token_use and MAX_RETRIES stay as written" in passage.text


def test_an_anki_cloze_reads_as_the_words_it_hides_and_its_card_is_kept_as_written():
    deck = "# Deck\n\n## Change sets\n\n- CFN changes nothing until you call {{c1::`ExecuteChangeSet`::API}}.\n- plain remark\n"
    [passage], problems = parse(deck, "deck.md")
    assert problems == []
    assert "until you call ExecuteChangeSet." in passage.text and "{{" not in passage.text and "API" not in passage.text
    assert passage.clozes == ("CFN changes nothing until you call {{c1::ExecuteChangeSet::API}}.",)
