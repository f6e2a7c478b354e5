"""``ask`` and ``topics``: what a learner gets back, in the core and from ``dva``."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import db as database
from bot.adapters.console import render
from bot.cli import main
from bot.core import messages
from bot.core.lookup.notes import parse
from bot.core.lookup.search import Library
from bot.ingest import ingest
from db.store import Store

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "content" / "notes" / "dva-notes.md"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
ME = messages.Learner("console", "local", "me")


@pytest.fixture(scope="module")
def library():
    return Library(parse(NOTES.read_text(encoding="utf-8"), "dva-notes.md")[0])


def ask(library, query):
    [reply] = library.handle(messages.Ask(ME, query), NOW)
    return reply


def test_the_answer_is_the_best_passage_with_its_heading_path_and_source(library):
    reply = ask(library, "rds proxy")
    assert isinstance(reply, messages.FoundPassage)
    assert reply.passage_id == "rds/amazon-rds-proxy"
    assert reply.heading == ("RDS", "Amazon RDS Proxy")
    assert reply.source == "dva-notes.md:305-316"
    assert render(reply).startswith("RDS › Amazon RDS Proxy\n")


def test_up_to_two_related_passage_titles_come_with_the_answer(library):
    reply = ask(library, "multi az failover")
    assert reply.passage_id == "rds/rds-multiaz"
    assert 1 <= len(reply.related) <= 2
    assert "RDS MultiAZ" not in reply.related


def test_a_long_passage_shows_the_part_that_matches_within_600_characters(library):
    reply = ask(library, "is there a fee for cross region read replication")
    assert reply.passage_id == "rds/rds-read-replicas-and-multi-az-and-the-use-cases"
    assert len(reply.text) < 600
    assert "Cross Region replication - there will be replication fee" in render(reply)[:600]


DEFINITION_LIST = """# Alarms

## Composite alarms

Composite alarm
: an alarm whose state is a boolean rule over other alarms' states (PutCompositeAlarm, AlarmRule).
  children can be metric alarms and other composites; it goes to ALARM only when the whole rule is met.
AlarmRule syntax
: functions ALARM(name), OK(name), INSUFFICIENT_DATA(name), constants TRUE and FALSE,
  operators AND, OR and NOT with parentheses; quotes around names are optional.
  e.g. ALARM(HighCPU) AND NOT ALARM(DeploymentInProgress), handy for testing a rule.
Limits
: a rule can reference up to 100 underlying alarms; one alarm can be in up to 150 composites.
Allowed actions
: SNS, Lambda, Systems Manager OpsItems and incidents; no EC2 actions, no Auto Scaling actions.
Action suppression
: ActionsSuppressor names another alarm; while it is in ALARM the composite's actions are held back.
  ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod bound how long.
"""


def test_a_term_of_a_definition_list_is_shown_with_its_meaning_not_cut_off_after_it():
    library = Library(parse(DEFINITION_LIST, "alarms.md")[0])
    reply = ask(library, "composite alarm rule limit")
    assert isinstance(reply, messages.FoundPassage)
    assert "can reference up to 100 underlying alarms" in render(reply)[:600]


LABEL_THEN_MEANING = """# Email

## Sending with SES

Sandbox: new accounts start in the sandbox, sending only to verified addresses and domains.
Leaving the sandbox is a support case; production access also raises the daily quota.
Identities: verify a domain (DKIM records) or a single address before sending from it.
Configuration sets group rules for event publishing: bounces, complaints, deliveries, opens.
Dedicated IPs are for steady high volume; shared IPs are fine for most senders and cost nothing extra.
The sending quota per recipient
counts each recipient of a message once: one email to 50 people uses 50 of the daily quota.
The maximum send rate is messages per second across the account, not per identity.
A throttled call returns an error; retry with backoff rather than resending at once.
Suppression list: addresses that hard bounced or complained are not sent to again.
"""


def test_the_line_naming_the_query_is_shown_with_the_lines_after_it_that_explain_it():
    library = Library(parse(LABEL_THEN_MEANING, "email.md")[0])
    reply = ask(library, "sending quota per recipient")
    assert "one email to 50 people uses 50 of the daily quota" in render(reply)[:600]


BY_EAR = """# Metrics notes

## Resolution

- standard resolution: one datapoint a minute, kept 15 days at that grain
- high resolution: StorageResolution=1, datapoints down to one second, custom metrics only
- alarms on high resolution metrics can use a 10 or 30 second period

## Metric math

- combine metrics with expressions, e.g. errors divided by invocations
- up to 10 metrics in one expression on a graph
"""


@pytest.mark.parametrize("query, passage", [
    ("high resolushun alarm period", "resolution/standard-resolution-one-datapoint-a-minute-kept"),
    ("metric math graf limit", "metric-math/combine-metrics-with-expressions-e-g-errors"),
])
def test_a_word_spelled_the_way_it_sounds_finds_the_passage(query, passage):
    assert ask(Library(parse(BY_EAR, "metrics.md")[0]), query).passage_id == passage


ALIASES = """# KMS notes

## Key policies

- a key policy is the primary way to control access to a KMS key
- every KMS key has exactly one key policy

## Friendly names

- an alias is a friendly name for a key, and one key can have several aliases
- repoint an alias to another key without code changes
"""


@pytest.mark.parametrize("query", ["kms alais", "is an alais the same thing as the key"])
def test_alias_is_one_word_with_its_plural_and_its_typos(query):
    reply = ask(Library(parse(ALIASES, "kms.md")[0]), query)
    assert reply.passage_id == "friendly-names/an-alias-is-a-friendly-name-for-a-key-and-one"


def test_a_short_passage_is_shown_whole(library):
    reply = ask(library, "gateway load balancer")
    assert reply.text == library.passage("elb-asg/gateway-load-balancer").text


def test_either_spelling_of_aurora_finds_the_aurora_passages(library):
    for query in ("aurora six copies", "arora six copies"):
        assert ask(library, query).passage_id == "rds/aurora-high-availability-and-read-scaling"


@pytest.mark.parametrize("short, spelled", [
    ("ASG", "auto scaling group"), ("NLB", "network load balancer"), ("FSR", "fast snapshot restore"),
    ("AOF", "append only file"), ("PITR", "point in time recovery"), ("SG", "security group"),
    ("KMS", "key management service"), ("GWLB", "gateway load balancer"), ("FQDN", "fully qualified domain name"),
])
def test_an_acronym_and_its_spelled_out_form_find_the_same_passage(library, short, spelled):
    assert ask(library, short).passage_id == ask(library, spelled).passage_id


def test_typos_in_every_word_still_find_the_passage(library):
    assert ask(library, "read replca").passage_id == "rds/rds-read-replicas-and-multi-az-and-the-use-cases"
    assert ask(library, "multy az failovr").passage_id == "rds/rds-multiaz"
    assert ask(library, "memchached sharding").passage_id == "rds/redis-vs-memcached"
    assert ask(library, "cross zone laod balancng").passage_id == "elb-asg/cross-zone-load-balancing"


def test_words_the_notes_do_not_use_find_what_they_mean(library):
    assert ask(library, "session affinity").passage_id == "elb-asg/elb-sticky-sessions"
    assert ask(library, "layer 4 load balancer").passage_id == "elb-asg/network-load-balancer"
    assert ask(library, "connection draining").passage_id == "elb-asg/de-registration-delay"


def test_a_passage_the_author_was_unsure_about_is_flagged(library):
    assert ask(library, "instance store persistence").open_question is True  # "ephemeral storage ??"
    assert ask(library, "ebs snapshots").open_question is False


def test_a_topic_the_notes_do_not_cover_is_declined_with_covered_topics(library):
    for query in ("CloudFormation", "CodeDeploy", "AppSync", "ECR", "sqs visibility timeout"):
        reply = ask(library, query)
        assert isinstance(reply, messages.NothingFound), query
        assert reply.query == query and reply.suggestions
        covered = set(library.sections()) | {p.path for p in library.passages}
        assert set(reply.suggestions) <= covered
    assert render(ask(library, "CloudFormation")).startswith('Nothing in the notes about "CloudFormation"')


def test_a_covered_thing_described_in_other_words_is_answered_not_declined(library):
    assert ask(library, "scratch disk physically attached to the host").passage_id == "ec2/ec2-instance-store"
    assert ask(library, "move the database to a bigger machine").passage_id == "rds/vertical-scaling"
    assert ask(library, "turn a replica into a standalone database").passage_id == \
        "rds/rds-read-replicas-and-multi-az-and-the-use-cases"


def test_a_feature_of_a_service_the_notes_only_mention_is_declined(library):
    assert ask(library, "can an alb route traffic to lambda").passage_id == "elb-asg/target-groups"
    for query in ("lambda cold start", "s3 lifecycle rules", "what is AWS Batch", "cloudfront signed cookies"):
        assert isinstance(ask(library, query), messages.NothingFound), query


def test_an_empty_query_gets_usage_help(library):
    reply = ask(library, "   ")
    assert isinstance(reply, messages.Text) and reply.error and "ask <query>" in reply.text


def test_a_very_long_query_is_echoed_shortened(library):
    reply = ask(library, "zzqx " * 2000)
    assert isinstance(reply, messages.NothingFound) and len(reply.query) <= 120


def test_topics_lists_sections_in_order_with_passage_counts(library):
    [reply] = library.handle(messages.Topics(ME), NOW)
    assert [(t.name, t.passages) for t in reply.topics] == [
        ("Global Services", 3), ("IAM", 10), ("Billing", 1), ("EC2", 14), ("ELB + ASG", 13),
        ("RDS", 22), ("DNS", 8), ("Route53", 6)]
    assert library.topic_counts()["RDS"] == 22
    assert library.sections()[0] == "Global Services"


def test_a_quiz_topic_naming_a_section_means_all_of_its_passages(library):
    ec2 = library.match_topic("ec2")
    assert set(ec2) == {p.id for p in library.passages if p.section == "EC2"}
    assert library.match_topic("RDS") == library.match_topic("rds")


def test_a_quiz_topic_naming_a_passage_means_it_and_close_ones(library):
    proxy = library.match_topic("rds proxy")
    assert proxy[0] == "rds/amazon-rds-proxy" and len(proxy) <= 6
    assert "rds/redis-vs-memcached" in library.match_topic("memchached")


def test_a_quiz_topic_the_notes_do_not_cover_means_nothing(library):
    assert library.match_topic("cloudformation") == ()
    assert library.match_topic("") == ()


def test_the_library_built_from_the_store_answers_like_the_one_built_from_the_notes(library):
    store = Store(database.connect(":memory:"))
    ingest(store, NOTES, now=NOW)
    stored = Library(store.all_passages())
    assert stored.passage("rds/amazon-rds-proxy") == library.passage("rds/amazon-rds-proxy")
    for query in ("read replca", "session affinity", "codedeploy"):
        assert ask(stored, query) == ask(library, query)


def test_dva_ask_on_a_fresh_machine_builds_the_database_quietly(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DVA_DB", str(tmp_path / "fresh.db"))
    assert main(["ask", "how", "long", "can", "I", "recover", "a", "deleted", "snapshot"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("EC2 › EBS snapshots\n") and "1 year" in out
    assert err == ""
    assert main(["topics"]) == 0
    assert "RDS: 22 passages" in capsys.readouterr().out


def test_dva_ask_without_a_query_prints_usage(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DVA_DB", str(tmp_path / "fresh.db"))
    assert main(["ask"]) == 2
    assert "Usage: dva ask" in capsys.readouterr().err


def test_dva_ingest_reports_what_it_loaded(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DVA_DB", str(tmp_path / "fresh.db"))
    assert main(["ingest", str(NOTES.parent)]) == 0
    assert "1 file loaded (77 passages)" in capsys.readouterr().out
    assert main(["ingest", str(tmp_path / "missing")]) == 2


def test_notes_ingested_from_another_folder_are_looked_up_beside_the_groups_own(tmp_path, monkeypatch, capsys):
    """`dva ingest PATH` adds to what is loaded: `dva ask` then answers from PATH's notes too."""
    monkeypatch.setenv("DVA_DB", str(tmp_path / "fresh.db"))
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "ecs.md").write_text("# ECS\n\n## Task roles\nThe task role grants the containers of a Fargate "
                                  "task their AWS permissions; the task execution role pulls the image.\n")
    assert main(["ingest", str(extra)]) == 0
    capsys.readouterr()
    assert main(["ask", "fargate", "task", "execution", "role"]) == 0
    assert "pulls the image" in capsys.readouterr().out


def test_the_cli_does_not_import_discord_or_slack(tmp_path):
    code = ("import sys; from bot.cli import main; main(['ask', 'rds', 'proxy']); "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('discord', 'slack_bolt', 'slack_sdk', 'aiohttp', 'apscheduler')]; print(bad)")
    env = {**os.environ, "DVA_DB": str(tmp_path / "cli.db")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_thing_the_notes_never_name_is_declined_though_its_other_words_meet_a_line():
    notes = """# Kubernetes

## Scheduling
The scheduler places each pod on a node with enough free CPU and memory.
`kubectl get pods -o wide` shows the node each pod runs on.

## Storage
A PersistentVolumeClaim asks for storage; a StorageClass provisions the volume.
"""
    library = Library(parse(notes, "k8s.md")[0])
    # a question of a dozen words, its one thing ("custom resource definition") unnamed in the notes
    declined = ask(library, "How do I write a custom resource definition and an operator to manage my storage?")
    assert isinstance(declined, messages.NothingFound)
    assert ask(library, "which node does my pod run on").passage_id.startswith("scheduling")
    assert ask(library, "how does the scheduler decide which node gets a new pod with enough memory"
               ).passage_id.startswith("scheduling")


def test_a_long_code_name_misspelt_at_its_start_and_a_name_spelled_out_find_their_passage():
    notes = """# Troubleshooting

## DynamoDB throttling
`ProvisionedThroughputExceededException` is retryable: the SDK retries it with backoff and jitter.

## Tracing
The X-Ray daemon listens on UDP port 2000. AWS says to migrate the X-Ray SDKs to ADOT.

## Step Functions
A state machine is written in ASL, saved as a .asl.json file when edited outside the console.
"""
    library = Library(parse(notes, "notes.md")[0])
    assert ask(library, "provisionedthroughputexceded retryable sdk").passage_id.startswith("dynamodb-throttling")
    assert ask(library, "x-ray daemon user datagram protocol port").passage_id.startswith("tracing")
    assert ask(library, "migrate the x-ray sdk to aws distro for opentelemetry").passage_id.startswith("tracing")
    assert ask(library, "amazon states language file outside the console").passage_id.startswith("step-functions")



def test_the_passage_with_one_line_answering_the_question_beats_one_naming_its_words_apart():
    notes = """# SQS

## Day 1
Retention keeps messages in a queue for 4 days by default, up to 14 days.
A dead-letter queue is just another queue, named in the source queue's redrive policy.
Messages that fail processing reappear after the visibility timeout.
Retention is set per queue.

## Day 2
After maxReceiveCount receives, a message moves to another queue.
Redrive sends messages back to the source queue.
Messages in a dead-letter queue expire by its own retention, counted from the first enqueue: set it longer than the source's.
Alarm on ApproximateNumberOfMessagesVisible.
"""
    library = Library(parse(notes, "sqs.md")[0])
    # Day 1 names retention twice and the dead-letter queue once, on other lines; Day 2 answers in one line
    answer = ask(library, "retention for messages in the dead-letter queue")
    assert answer.passage_id.startswith("day-2")
    assert "expire by its own retention" in answer.text


def test_an_aws_feature_the_notes_never_name_is_declined_and_answered_once_they_do():
    notes = """# S3

## Encryption
SSE-S3 is the default for every new object; SSE-KMS logs each key use in CloudTrail.
A bucket policy can deny PutObject requests without the x-amz-server-side-encryption header.

## Access
Bucket policies grant other accounts access; the bucket owner pays for the downloads.
"""
    library = Library(parse(notes, "s3.md")[0])
    for query in ("s3 requester pays bucket", "server access logging target bucket", "lambda insights extension"):
        assert isinstance(ask(library, query), messages.NothingFound), query
    taught = Library(parse(notes + "With Requester Pays on, the requester pays for the downloads.\n", "s3.md")[0])
    assert "Requester Pays" in ask(taught, "s3 requester pays bucket").text


def test_the_excerpt_shows_the_items_of_a_nested_list_whose_announcing_item_the_query_names():
    """"- Worker daemon settings (aws:elasticbeanstalk:sqsd):" over its indented "MaxRetries: default 10": a query naming
    sqsd sees the setting, not the passage's first lines (round 44's Beanstalk notes)."""
    notes = Path(__file__).parent / "eval" / "generator44" / "notes" / "beanstalk-config-notes.md"
    passages, _ = parse(notes.read_text(encoding="utf-8"), notes.name)
    reply = Library(passages).ask("sqsd maxretries default")
    assert isinstance(reply, messages.FoundPassage)
    assert "MaxRetries: default 10" in render(reply)[:600]


def test_a_first_line_the_heading_path_shows_as_the_title_is_not_shown_twice():
    """"- Message timers: per-message DelaySeconds" titles its passage: the answer's heading path
    ends with it, and the room it took goes to the lines under it (round 72's SQS notes)."""
    notes = "## Timers\n- Message timers: per-message DelaySeconds\n" + "".join(
        f"- detail {n}: {'filler words ' * 6}\n" for n in range(12)) + "- SendMessageBatch takes max 10 msgs per batch\n"
    library = Library(parse(notes, "sqs.md")[0])
    reply = library.ask("sendmessagebatch max msgs per batch")
    assert isinstance(reply, messages.FoundPassage)
    assert reply.heading[-1] == "Message timers: per-message DelaySeconds"
    assert "Message timers" not in reply.text
    assert "max 10 msgs per batch" in render(reply)[:600]
    rest = library.more(reply.passage_id, reply.more if reply.more is not None else -1)
    assert isinstance(rest, messages.FoundPassage) and "Message timers" not in rest.text and "detail 0:" in rest.text
