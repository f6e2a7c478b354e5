"""The lookup on any group's notes: what it learns from them and how it decides.

Each test builds a small notes file of a kind the bot was never tuned on and
asks what a learner would ask.
"""

from __future__ import annotations

from bot.adapters.console import render
from bot.core import messages
from bot.core.lookup.learn import acronyms
from bot.core.lookup.lexicon import Lexicon, parse as parse_lexicon, shipped
from bot.core.lookup.notes import parse
from bot.core.lookup.search import Library

DYNAMO = """# DynamoDB study notes

## Capacity
RCU : read capacity unit. One strongly consistent read per second of an item up to 4 KB.
WCU = write capacity unit, one write per second of up to 1 KB.

## Indexes
A Global Secondary Index (GSI) has its own partition key and can be added at any time.
An LSI (local secondary index) must be created with the table.

## Streams
Streams keep item changes for 24 hours; a Lambda trigger reads them in order.

## Limits
| thing | limit |
|---|---|
| item size | 400 KB |
| partitions per table | 10,000 |
"""

K8S = """# Kubernetes CKAD notes

## Services
Service discovery: every Service gets a DNS name like my-svc.my-ns.svc.cluster.local.
ClusterIP is the default type, reachable only inside the cluster.

## Probes
Liveness probe: restarts the container when it fails.
Readiness probe: removes the pod from the service endpoints until it passes.

```bash
# not a heading, a shell comment
kubectl get pods
```
"""


def lookup(text: str, name: str = "notes.md", lexicon: Lexicon | None = None) -> Library:
    return Library(parse(text, name)[0], lexicon=lexicon)


def test_acronyms_the_notes_define_are_learned_in_every_usual_form():
    found = dict(acronyms(parse(DYNAMO, "dynamo.md")[0]))
    assert found["rcu"] == ("read", "capacity", "unit")
    assert found["wcu"] == ("write", "capacity", "unit")
    assert found["gsi"] == ("global", "secondary", "index")
    assert found["lsi"] == ("local", "secondary", "index")


def test_every_acronym_of_a_line_of_definitions_is_learned():
    notes = "# Monitoring\n\n> abbrevs: CW = CloudWatch, XR = X-Ray, CT = CloudTrail, EMF = embedded metric format.\n"
    found = dict(acronyms(parse(notes, "m.md")[0]))
    assert found["xr"] == ("x", "ray") and found["ct"] == ("cloud", "trail")
    assert found["emf"] == ("embedded", "metric", "format")
    shared = "# Cognito\n\n> abbrevs: IT/AT/RT = ID / access / refresh token.\n"
    found = dict(acronyms(parse(shared, "c.md")[0]))
    assert found["rt"] == ("refresh", "token") and found["at"] == ("access", "token")
    # a legend's "IT" is never the "it" of every query
    assert "it" not in lookup(shared).vocab.lexicon.concepts


def test_an_acronym_the_notes_define_finds_its_spelled_out_passage_and_back():
    # an empty lexicon: nothing known in advance, everything learned from the notes
    library = lookup(DYNAMO, lexicon=Lexicon())
    assert library.ask("what is an lsi").passage_id == library.ask("local secondary index").passage_id
    reply = library.ask("read capacity unit")
    assert isinstance(reply, messages.FoundPassage) and "RCU" in render(reply)


def test_a_question_about_one_feature_finds_that_feature_not_another_of_the_service():
    library = lookup(DYNAMO)
    assert library.ask("dynamodb gsi").heading[0] == "Indexes"
    assert library.ask("dynamodb rcu").heading[0] == "Capacity"


def test_numbers_with_thousands_separators_stay_whole():
    reply = lookup(DYNAMO).ask("10000 partitions")
    assert isinstance(reply, messages.FoundPassage) and "10,000" in reply.text


def test_the_files_own_title_names_every_passage():
    library = lookup(K8S, "k8s.md")
    reply = library.ask("kubernetes readiness probe")
    assert isinstance(reply, messages.FoundPassage) and "service endpoints" in reply.text


def test_notes_about_another_subject_are_answered_not_declined_as_aws_topics():
    library = lookup(K8S, "k8s.md")
    reply = library.ask("how does service discovery work in k8s")
    assert isinstance(reply, messages.FoundPassage) and "DNS name" in render(reply)


def test_a_comment_in_a_code_block_is_not_a_heading():
    headings = {p.heading for p in parse(K8S, "k8s.md")[0]}
    assert not any("not a heading" in " ".join(h) for h in headings)


def test_a_table_row_keeps_its_cells_and_drops_the_rule():
    passage = next(p for p in parse(DYNAMO, "d.md")[0] if p.section == "Limits")
    assert "item size | 400 KB" in passage.text and "---" not in passage.text


def test_a_topic_the_notes_never_name_is_declined_with_topics_they_cover():
    reply = lookup(DYNAMO).ask("sqs visibility timeout")
    assert isinstance(reply, messages.NothingFound)
    assert reply.suggestions and all(len(s) < 60 for s in reply.suggestions)


def test_a_tool_whose_name_only_starts_like_a_word_of_the_notes_is_declined():
    # "kubeadm" holds "kube" of kube-proxy: no misspelling of anything the notes say
    notes = K8S + "\n## Networking\nkube-proxy keeps the node's rules for Services; a cluster has one per node.\n"
    assert isinstance(lookup(notes).ask("kubeadm cluster upgrade"), messages.NothingFound)
    assert isinstance(lookup(notes).ask("kubectl get pods"), messages.FoundPassage)


def test_a_name_whose_words_lie_apart_is_answered_under_a_heading_naming_it_in_another_form():
    notes = """# SNS notes

## Amazon SNS

### Message filtering
Each subscription can have a filter policy (JSON). By default it matches message attributes;
set FilterPolicyScope to MessageBody to match on the payload instead.

## Fan-out
One topic, many SQS queues subscribed to it.
"""
    reply = lookup(notes).ask("sns subscription filter attributes vs payload")
    assert isinstance(reply, messages.FoundPassage) and "FilterPolicyScope" in reply.text


def test_an_everyday_computing_word_the_notes_never_use_is_english_not_a_missing_topic():
    notes = """# SNS notes

## Fan-out
SQS queues subscribed to a topic get each message wrapped in a JSON envelope.
Turn on raw message delivery to receive the original message body only.
"""
    reply = lookup(notes).ask("Queues subscribed to a topic get a JSON envelope with metadata instead of "
                              "the original message. Which setting fixes this?")
    assert isinstance(reply, messages.FoundPassage) and "raw message delivery" in reply.text


def test_a_service_asked_by_its_family_name_is_answered_from_notes_that_use_its_usual_abbreviation():
    notes = """# Streaming notes

## KDS basics
Records stay in the stream for 24 hours by default, up to 365 days with long-term retention.

## ESM settings
Batch size for a stream source: up to 10,000 records; the function reads each shard in order.
"""
    library = lookup(notes)
    kept = library.ask("how long does kinesis keep records")
    batch = library.ask("batch size of a kinesis data streams event source mapping")
    assert isinstance(kept, messages.FoundPassage) and "24 hours" in kept.text
    assert isinstance(batch, messages.FoundPassage) and "10,000 records" in batch.text


def test_an_abbreviated_feature_the_notes_never_treat_is_declined():
    reply = lookup(DYNAMO).ask("attribute-based access control abac with principal tags")
    assert isinstance(reply, messages.NothingFound)


def test_everyday_words_find_the_technical_words_of_the_notes():
    notes = """# Function notes

## Timeout
The timeout of a function is 3 seconds by default and at most 900 seconds.

## Memory
Memory goes from 128 MB to 10,240 MB; CPU grows with it.

## Retention
Messages are kept for 4 days by default (retention period), at most 14 days.
"""
    library = lookup(notes)
    cut = library.ask("how long can my function run before it gets cut off")
    held = library.ask("for how long are messages held")
    assert isinstance(cut, messages.FoundPassage) and cut.heading[0] == "Timeout"
    assert isinstance(held, messages.FoundPassage) and held.heading[0] == "Retention"


def test_two_things_the_notes_treat_together_are_answered_with_that_passage():
    reply = lookup(DYNAMO).ask("how does lambda read dynamodb streams")
    assert isinstance(reply, messages.FoundPassage) and reply.heading[0] == "Streams"


def test_a_phrase_the_notes_never_write_falls_back_to_its_words():
    lexicon, _ = parse_lexicon('[concepts]\ncacheeviction = ["cache eviction"]\n', "group.toml")
    notes = ("# Cache notes\n\n## Eviction\nWhen the cache is full the least recently used keys are evicted.\n"
             "\n## Sizing\nPick a node type with twice the memory of the data set.\n")
    reply = lookup(notes, lexicon=lexicon).ask("cache eviction")
    assert isinstance(reply, messages.FoundPassage) and reply.heading[0] == "Eviction"


def test_a_long_passage_offers_more_and_more_shows_the_rest_under_the_same_heading():
    body = "\n".join(f"- fact number {n} about retries and backoff in the client" for n in range(40))
    library = lookup(f"# Notes\n\n## Retries\n{body}\n")
    first = library.ask("retries")
    assert first.more is not None and "(type 'more' for the rest)" in render(first)
    seen = first.text
    reply = first
    while reply.more:
        reply = library.more(reply.passage_id, reply.more)
        assert reply.heading == first.heading
        seen += reply.text
    assert "fact number 39" in seen


def test_more_on_a_passage_that_is_gone_says_so():
    reply = lookup(DYNAMO).more("no/such-passage", 0)
    assert isinstance(reply, messages.Text) and reply.error


def test_a_groups_own_lexicon_file_adds_its_words():
    own, problems = parse_lexicon('[concepts]\nhpa = ["hpa", "pod autoscaler"]\n', "group.toml")
    assert problems == []
    notes = "# K8s\n\n## Scaling\nThe HPA scales replicas on CPU.\n\n## Storage\nVolumes hold data.\n"
    reply = lookup(notes, lexicon=shipped().merged(own)).ask("pod autoscaler")
    assert isinstance(reply, messages.FoundPassage) and reply.heading[0] == "Scaling"


def test_a_broken_lexicon_file_is_named_by_file_and_line_and_adds_nothing():
    lexicon, problems = parse_lexicon('stopwords = "a b"\n[concepts]\n"Bad Key" = ["x"]\n', "mine.toml")
    assert lexicon == Lexicon()
    assert [(p.file, p.line) for p in problems] == [("mine.toml", 3)]
    _, problems = parse_lexicon("[concepts\n", "broken.toml")
    assert problems[0].file == "broken.toml" and problems[0].line == 1
    _, problems = parse_lexicon('flavours = "red"\n', "typo.toml")
    assert "unknown key 'flavours'" in problems[0].message
    _, problems = parse_lexicon('[spelled]\nFN = "function"\nreq = 3\n', "shorthand.toml")
    assert [(p.file, p.line) for p in problems] == [("shorthand.toml", 2), ("shorthand.toml", 3)]


def test_the_shipped_lexicon_loads_without_problems_and_holds_no_module_sized_word_lists():
    assert len(shipped().concepts) > 100 and "sqs" in shipped().names


def test_a_decline_suggests_topics_by_their_headings_not_by_quoting_the_notes():
    notes = ("# Notes\n\n## Queues\nMessages wait in the queue until a consumer deletes them after work.\n\n"
             "## Functions\n### Timeouts\nA function stops after its timeout, at most fifteen minutes.\n")
    reply = lookup(notes).ask("queue kafka consumer groups")
    assert isinstance(reply, messages.NothingFound)
    assert "Queues" in reply.suggestions and not any("Messages wait" in s for s in reply.suggestions)


def test_a_lexicon_file_in_the_content_folder_is_used_by_the_bot(tmp_path):
    from bot.app import open_lookup
    from bot.config import Settings

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "k8s.md").write_text("# K8s\n\n## Scaling\nThe HPA scales replicas on CPU.\n\n"
                                                 "## Storage\nVolumes hold data.\n")
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "group.toml").write_text('[concepts]\nhpa = ["hpa", "pod autoscaler"]\n')
    settings = Settings.from_env({"DVA_CONTENT": str(tmp_path), "DVA_DB": str(tmp_path / "dva.db")})
    reply = open_lookup(settings).library.ask("pod autoscaler")
    assert isinstance(reply, messages.FoundPassage) and reply.heading[0] == "Scaling"


def test_the_built_lookup_is_kept_and_read_back_by_the_next_process(tmp_path, monkeypatch):
    from bot.app import open_lookup
    from bot.config import Settings
    from bot.core.lookup.search import Library as Built

    first = open_lookup(Settings(db=tmp_path / "dva.db"))
    expected = first.library.ask("rds proxy")
    first.store.db.close()

    def must_not_build(self, *args, **kwargs):
        raise AssertionError("built again although the notes did not change")

    monkeypatch.setattr(Built, "__init__", must_not_build)
    again = open_lookup(Settings(db=tmp_path / "dva.db"), refresh=False)
    assert again.library.ask("rds proxy") == expected


def test_a_damaged_kept_lookup_is_built_again_not_trusted(tmp_path, monkeypatch):
    from bot.app import open_lookup
    from bot.config import Settings
    from bot.core.lookup.search import Library as Built
    from db.store import Store

    assert Built.from_bytes(b"not a kept lookup") is None
    open_lookup(Settings(db=tmp_path / "dva.db")).store.db.close()
    monkeypatch.setattr(Store, "lookup_index", lambda self, key: b"garbage")  # what the store hands back is damaged
    again = open_lookup(Settings(db=tmp_path / "dva.db"), refresh=False)
    assert isinstance(again.library.ask("rds proxy"), messages.FoundPassage)


def test_an_edited_notes_file_is_looked_up_as_edited_not_from_the_kept_lookup(tmp_path):
    from bot.app import open_lookup
    from bot.config import Settings

    notes = tmp_path / "content" / "notes"
    notes.mkdir(parents=True)
    (notes / "sqs.md").write_text("# SQS\n\n## Visibility timeout\n- default is 30 seconds\n")
    settings = Settings(db=tmp_path / "dva.db", content=tmp_path / "content")
    first = open_lookup(settings)
    assert "30 seconds" in first.library.ask("sqs visibility timeout").text
    first.store.db.close()

    (notes / "sqs.md").write_text("# SQS\n\n## Visibility timeout\n- default is 30 seconds, max 12 hours\n")
    again = open_lookup(settings)
    assert "12 hours" in again.library.ask("sqs visibility timeout").text


def test_a_family_of_fewer_than_two_names_is_named_by_file_and_line():
    lexicon, problems = parse_lexicon('[families]\n"S3 storage class" = ["S3 Standard", "S3 Standard-IA"]\n'
                                      '"lonely kind" = ["only one"]\n', "kinds.toml")
    assert lexicon == Lexicon() and [(p.file, p.line) for p in problems] == [("kinds.toml", 3)]
    good, problems = parse_lexicon('[families]\n"S3 storage class" = ["S3 Standard", "S3 Standard-IA"]\n', "k.toml")
    assert problems == [] and good.families == {"S3 storage class": ("S3 Standard", "S3 Standard-IA")}


def test_a_query_asking_for_a_figure_is_answered_by_the_line_that_gives_it_not_the_overview():
    notes = ("# Lambda\n\n## Layers\nLayers share code between functions: a layer is a zip of libraries, "
             "added to a function and versioned on its own, so every function uses the same build.\n\n"
             "## Limits worth memorising\n- Timeout: 900 seconds\n- Layers: 5 per function\n- /tmp: 512 MB to 10 GB\n")
    assert lookup(notes).ask("lambda layers").heading[0] == "Layers"  # the topic: its overview
    assert lookup(notes).ask("how many layers per function maximum").heading[0] == "Limits worth memorising"


def test_a_figure_the_notes_never_write_is_no_unknown_topic_to_decline_on():
    notes = ("# S3\n\n## Objects\nThe maximum object size is 48.8 TiB; a single PUT is limited to 5 GB.\n\n"
             "## Origins\nA CloudFront origin group fails over to a second origin on 5xx-style errors you choose.\n")
    assert isinstance(lookup(notes).ask("maximum object size s3 5tb"), messages.FoundPassage)
    assert isinstance(lookup(notes).ask("etcd backup maximum size"), messages.NothingFound)  # a name: still declined



def test_a_name_typed_as_code_that_the_notes_never_write_is_declined_in_a_question_of_any_length():
    notes = K8S + "\n## Users\nWho a pod is.\nA pod runs as the user of its service account, with the security of its token.\n" \
        "Each kubectl context names a cluster, a user and a namespace.\n"
    library = lookup(notes)
    asked = library.ask("How do I make a container run as a non-root user with securityContext?")
    written = library.ask("What does a readinessProbe do to the service endpoints?")
    assert isinstance(asked, messages.NothingFound)
    assert isinstance(written, messages.FoundPassage) and written.heading[0] == "Probes"


def test_an_english_word_the_notes_never_use_is_not_read_as_a_rough_misspelling_of_one_they_do():
    notes = ("# Cheat sheet\n\n## Commands\nkubectl rollout undo goes back to the previous revision.\n"
             "kubectl set image updates a deployment; values in the manifest override the defaults.\n"
             "\n## Pods\nA pod holds one or more containers sharing a network namespace.\n")
    library = lookup(notes)
    assert isinstance(library.ask("helm chart values"), messages.NothingFound)  # "chart" is no "cheat"
    assert isinstance(library.ask("kubectl rolout undo"), messages.FoundPassage)  # a typo still is one


def test_a_numbered_list_announced_by_its_line_before_is_answered_whole():
    notes = """# Kubernetes notes

## Resource requests and limits
- requests = what the scheduler reserves; limits = the hard cap at runtime

QoS classes (k8s assigns them, you don't set them):
1. Guaranteed — every container has cpu and memory limits equal to requests
2. Burstable — at least one container has a request or limit, but not Guaranteed
3. BestEffort — no requests or limits at all, first to be evicted

## Probes
1. Liveness probe
Restarts the container when it fails.
"""
    library = lookup(notes)
    reply = library.ask("What do I need so my pod ends up in the Guaranteed QoS class?")
    assert isinstance(reply, messages.FoundPassage)
    assert "QoS classes" in reply.text and "limits equal to requests" in reply.text and "BestEffort" in reply.text
    probe = library.ask("liveness probe")  # an item with lines of its own is still a passage of its own
    assert isinstance(probe, messages.FoundPassage) and probe.heading == ("Probes", "Liveness probe")


def test_developer_shorthand_meets_its_long_form_both_ways():
    notes = """# Config notes

## ConfigMaps
Updates to a mounted ConfigMap show up after a short delay; env vars are NOT updated until the pod restarts.

## Namespaces
A namespace splits teams and environments; names, quotas and RBAC are scoped to it.
"""
    library = lookup(notes)
    reply = library.ask("configmap environment variables not updating")
    assert isinstance(reply, messages.FoundPassage) and reply.heading[0] == "ConfigMaps"
    repo = lookup("# Git\n\n## Repos\nA repository holds the code and its history.\n").ask("what does a repo hold")
    assert isinstance(repo, messages.FoundPassage)


def test_a_query_spelling_out_maximum_finds_the_line_that_writes_max():
    """Notes write "max"; a learner types "maximum", which the notes use only inside parameter names."""
    notes = """# Kinesis notes

## Stream basics
### Retention
- default 24 hours
- max 8,760 hours = 365 days
- IncreaseStreamRetentionPeriod raises it; expired data does not come back

## Lambda consumers
### Event source mapping knobs
- MaximumBatchingWindowInSeconds 0 to 300
- MaximumRetryAttempts -1 (forever) to 10,000
- MaximumRecordAgeInSeconds: records older than this are skipped, up to the stream's retention
"""
    reply = lookup(notes).ask("kinesis retention maximum")
    assert isinstance(reply, messages.FoundPassage) and "8,760 hours" in reply.text


def test_the_excerpt_shows_the_items_of_a_list_whose_intro_line_the_query_names():
    filler = "\n".join(f"- Bucket fact {i}: buckets have names, regions, versioning flags and tags of their own kind."
                       for i in range(6))
    notes = f"""# S3 notes

## Buckets
{filler}
- Lifecycle is set per bucket; a transition changes the class, an expiration deletes, days are counted from creation.
- Replication needs versioning on both sides and copies new objects only.
- Requester pays makes the reader pay for the transfer instead of the owner.
Lifecycle actions:
- Transition: moves objects to another storage class after a number of days
- Expiration: deletes objects after a number of days
"""
    reply = lookup(notes).ask("lifecycle transition action")
    assert isinstance(reply, messages.FoundPassage)
    assert "Transition: moves objects to another storage class" in render(reply)[:600]


def test_the_excerpt_reads_a_paragraph_the_notes_wrap_at_a_width_as_one_and_shows_its_answering_sentence():
    """Notes wrapped at ~110 characters: the sentence that answers starts mid-line and ends on the next."""
    notes = """# CloudFront notes

## Invalidations
### How they work and what they cost

Invalidation removes objects from all edge caches and regional edge caches before they expire, so the next
request goes to the origin. CLI: aws cloudfront create-invalidation --distribution-id EDFDVBD6EXAMPLE --paths
"/index.html" "/images/*" (quote wildcard paths or your shell expands them), then get-invalidation to watch
the status go from InProgress to Completed. Paths start with a slash, are case sensitive, and the wildcard
goes at the end of the path. Invalidations are processed by every edge location, which takes a few minutes
for a small distribution and longer for one with many behaviors. Pricing: the first 1,000 invalidation
paths each month are free, per account across distributions, then $0.005 per path. A wildcard
path counts as ONE path no matter how many files it matches, so /* costs the same as /index.html.
"""
    reply = lookup(notes).ask("invalidation wildcard cost")
    assert isinstance(reply, messages.FoundPassage)
    assert "counts as ONE path no matter how many files it matches" in " ".join(render(reply)[:600].split())


def test_a_query_spelling_out_a_web_standards_acronym_finds_the_notes_that_only_abbreviate_it():
    notes = """# SDK notes

## SigV4 signing
- Every request is signed with SigV4 and carries a timestamp.
- Error "Signature expired" or "request time too skewed": the clock is off by more than 5 minutes, sync it with NTP.

## Identity Center
- aws sso login opens a browser; the CLI uses the PKCE flow by default since v2.22.
"""
    for query in ("network time protocol fix for request time too skewed", "proof key for code exchange sso login"):
        reply = lookup(notes).ask(query)
        assert isinstance(reply, messages.FoundPassage), query


def test_an_unknown_word_in_the_setting_of_a_long_exam_scenario_does_not_decline_it():
    notes = """# IAM notes

## Roles and STS
- A third party that assumes a role in your account should be given an external ID; the role's trust policy
  requires sts:ExternalId so another customer of the same vendor cannot trick it into using your role.
"""
    scenario = ("A SaaS monitoring vendor assumes a role in each customer's account, and customers want "
                "protection against another customer of the vendor tricking it into using their role. "
                "What should the trust policy require?")
    assert isinstance(lookup(notes).ask(scenario), messages.FoundPassage)
    assert isinstance(lookup(notes).ask("SaaS vendor pricing"), messages.NothingFound)  # a short one still is


KUBE_NOTES = """# Kubernetes notes

## Pods
- A pod is one or more containers sharing a network namespace and volumes.
- Containers in a pod talk over localhost; each pod gets its own IP address.

## Security
- A ServiceAccount is the identity a pod uses to call the API server.
- Secrets are only base64 encoded, not encrypted, unless encryption at rest is turned on.

## Nodes
- The kubelet on each node starts the pod's containers and reports their status.
"""


def test_the_question_sentence_of_a_long_scenario_is_not_setting():
    """The setting of an exam scenario may use any words; the sentence that asks may not name a
    thing the notes never name."""
    asks_unnamed = ("Our security team says no container in the cluster may ever run with administrator rights. "
                    "Which pod setting forces the process to start as a non-root user id like 1000?")
    asks_jargon = ("Our team runs a database cluster on the nodes and wants every replica to keep a stable "
                   "name and its own disk. Why do statefulset pods get names like db-0?")
    asks_covered = ("Our security team worries that anybody able to read the cluster's stored configuration "
                    "learns every password. Are Secrets encrypted or only encoded?")
    assert isinstance(lookup(KUBE_NOTES).ask(asks_unnamed), messages.NothingFound)
    assert isinstance(lookup(KUBE_NOTES).ask(asks_jargon), messages.NothingFound)
    assert isinstance(lookup(KUBE_NOTES).ask(asks_covered), messages.FoundPassage)


EVENTS = """# Event-driven notes

## EventBridge rules
An EventBridge rule matches events with a pattern and sends them to up to five targets.
EventBridge retries a failed target for 24 hours by default, then drops the event or sends it to a DLQ.

## EventBridge Scheduler
EventBridge Scheduler runs one-time or recurring schedules with time zones and a flexible window.

## SNS fan-out
An SNS topic pushes each message to every subscription; a filter policy drops what a subscriber does not want.
"""


def test_an_acronym_the_notes_define_means_what_they_spell_out_not_what_aws_usually_means():
    notes = EVENTS.replace("# Event-driven notes\n", "# Event-driven notes\nEB = EventBridge (not Beanstalk here)\n")
    reply = lookup(notes).ask("EB rule retries failed target")
    assert not isinstance(reply, messages.NothingFound) and reply.heading[0] == "EventBridge rules"


def test_a_name_the_notes_write_often_answers_to_its_capitals_when_they_never_mean_anything_else():
    """The notes never say "EB" nor mention Elastic Beanstalk: "EB" is their EventBridge."""
    reply = lookup(EVENTS).ask("EB scheduler time zones")
    assert not isinstance(reply, messages.NothingFound) and reply.heading[0] == "EventBridge Scheduler"


def test_capitals_keep_the_usual_meaning_when_the_notes_mention_it():
    from bot.core.lookup.learn import lexicon as learned

    beanstalk = EVENTS + "\n## Elastic Beanstalk\nElastic Beanstalk runs a web app on EC2 with rolling deploys.\n"
    assert "eb" not in learned(parse(beanstalk, "n.md")[0], shipped()).concepts
    assert learned(parse(EVENTS, "n.md")[0], shipped()).concepts["eb"] == ("eventbridge",)


LAMBDA = """# Lambda notes

## Invocation types
The caller waits on a sync call; on an async call Lambda queues the event and retries twice.
Failed async events go to an on-failure destination or a DLQ (SQS queue or SNS topic).

## 504 from API Gateway
The integration timeout defaults to 29 seconds, so a longer function still returns 504 to the client.

## Cold starts
Provisioned concurrency keeps environments initialised.
"""


def test_a_short_word_the_notes_use_is_never_taken_for_a_longer_name():
    """ "async" is the notes' word, not AppSync missing two letters: AppSync is nowhere in them."""
    library = lookup(LAMBDA)
    assert isinstance(library.ask("appsync resolvers"), messages.NothingFound)
    reply = library.ask("where do failed async events go")
    assert isinstance(reply, messages.FoundPassage) and "on-failure destination" in reply.text


def test_every_usual_shorthand_of_a_service_names_the_same_service():
    """ "API GW" is API Gateway, as the notes' heading writes it."""
    reply = lookup(LAMBDA).ask("API GW 504 integration timeout")
    assert isinstance(reply, messages.FoundPassage) and "29 seconds" in reply.text


def test_developer_shorthand_means_the_words_it_stands_for():
    concepts = shipped().concepts
    for short, long in (("perm", "permission"), ("creds", "credential"), ("env var", "environment variable")):
        assert concepts[short] == concepts[long]



def test_a_list_of_exam_traps_answers_only_what_the_notes_teach_nowhere_else():
    notes = ("# DynamoDB writes\n\n## Write options\nPutItem writes a whole item. Its ReturnValues may be NONE, "
             "the default, or ALL_OLD, the item it replaced; UpdateItem also returns UPDATED_OLD, ALL_NEW or "
             "UPDATED_NEW.\n\n## Conditions\nA condition expression makes a write fail with "
             "ConditionalCheckFailedException.\n\n## Exam traps\n- PutItem ReturnValues: NONE or ALL_OLD only, "
             "never ALL_NEW.\n- BatchWriteItem has no conditions.\n")
    assert lookup(notes).ask("which ReturnValues does PutItem take").heading[0] == "Write options"
    assert lookup(notes).ask("batchwriteitem conditions").heading[0] == "Exam traps"
