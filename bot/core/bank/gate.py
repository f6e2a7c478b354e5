"""The quality gate every generated question passes before it can be served.

A question a reviewer would not keep is worse than none: it teaches the wrong
reflex ("pick the longest option") or nothing at all ("Ex 1"). ``check`` names
every rule a question breaks; ``generate`` keeps only questions that break
none, ``dva questions check`` prints the reasons, and ``score`` ranks the kept
ones for the daily post (scenarios first, as in the exam).
"""

from __future__ import annotations

import itertools
import re
from typing import Callable, Mapping, Protocol

from rapidfuzz import fuzz

from bot.core.bank import questions as bank
from bot.core.bank.lines import CAMEL, DANGLING, PRONOUNS, bare, repeats, unclosed, written
from bot.core.bank.questions import BLANK, BankQuestion
from bot.core.bank.kinds import abbreviates, in_words
from bot.core.bank.quantities import amount_of, units_in, worked_out
from bot.core.bank.stems import clause
from bot.core.lookup import stem as singular

MAX_STEM = 420
MAX_OPTION = 140
LONGEST = 1.6  # the key this many times longer than every other option gives itself away ...
LONGEST_MARGIN = 15  # ... when it is also this many characters longer
ROOT = 5  # letters: words alike this far are one word to the eye ("cached", "cache")
ALIKE = 90  # rapidfuzz ratio: two options this alike are one option
CRAM_WORDS = 12  # words: a line this short, with no verb, is a cram line
WORD_ALIKE = 80  # two words this alike are one word spelt two ways ("Failure", "Failures")
_PATH = re.compile(r"\.?[\w.-]*(?:/[\w.*-]+)+/?")  # a file or folder path, its "/" and "*" no shorthand
# markdown, a list marker, or the notes' shorthand: ".../files", "<group-name>", "ParallelizationFactor ↑", "XRayEnabled /"
_MARKUP = re.compile(r"^[\s•*#>|`\-+,;…]|^\.\.\.|[`*#|·↑↓]|:$|[/+&,]\s*$|<[\w-]+>")
_NOISE = re.compile(r"\?\?|!!|\blol\b")
_ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 ([a-z]{4,}s)\b")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SUFFIX = re.compile(r"(?<=[a-z]{3})(?:ing|ed|es|er|e)$")  # "caching", "cached": "cach"; "owning", "owned": "own"
_DIGITS = re.compile(r"\d+")
_NAME_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z](?![\W_]|$))|(?<=[A-Z])(?=[A-Z][a-z]{2})")  # "AWSXRayDaemon": "AWSX Ray Daemon"; "IdP" one
_PARTS = re.compile(r"[\s_]+")  # the words of "CHANGE_SET_REPLACE"
GIVES_AWAY = "the stem gives away its answer"  # a problem a shorter heading path may mend
_TOPIC = re.compile(r"According to your notes on (.+?), (?=which |what |under \"|\")")  # a topic may hold commas
_QUOTE = re.compile(r'"([^"]+)"')  # what a stem quotes of the notes
_CODE = re.compile(r"(?:^|\s)#\s|^\{|\{\s*\}|<--")  # a YAML line's comment or map, not "${Var}" in words
_VALUE = re.compile(r"[A-Z][A-Z0-9_]{2,}")  # a setting's value as code writes it: "MOCK", "HTTP_PROXY"
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![a-z])")  # "KMS", "RT"; not "Kinesis"
_DESCRIBED = re.compile(r"describe[ds]? as:? \"([^\"]+)\"")
# what a stem quotes that is no fact: the note-taker's aside in brackets ("(smudged, can't read)"), or a
# line going on from the one before ("AND not < 24h old. docs say …", round 170)
_UNSAID = re.compile(r"\([^()]*\)|(?i:and|or|but)\b.*", re.DOTALL)
_CAMEL = "camel"  # how ``written`` says an option is a name in CamelCase
_EXAMPLE = re.compile(r"(?:e\.?g|ex|i\.?e)\b[.:,]?\s", re.IGNORECASE)  # an example's marker: "e.g. …", "ex: …"
NUMBER, STATEMENT = "number", "true-statement"  # the shapes whose amounts are the notes' or usual ones
DEFINITION, SCENARIO = "definition", "scenario"
SHAPE_SCORE = {SCENARIO: 2, bank.TWO: 2, STATEMENT: 4, DEFINITION: 2, NUMBER: 3, bank.CONTRAST: 4}
_OF_A_KIND = re.compile(r"\bwhich (?!term\b|one\b)[\w /-]+? (?:is described|does this describe)"
                        r"|\bfor which (?!one\b)")  # a definition naming the kind its options share
BRAND = frozenset("amazon aws servi".split())  # words of every name, naming nothing
_JOINING = frozenset("and of for the".split())  # no letter of an acronym: "Identity and Access Management"
GOOD = 4  # a shape score the daily question prefers when a topic has some


class Notes(Protocol):
    """What the gate knows of the notes (``generate.Context``)."""

    numbers: set[str]
    labels: frozenset[str]
    asides: frozenset[str]  # a note-taker's asides ("also", "exam fav"): a description opening with one defines nothing
    passages: dict[str, object]
    concepts: Mapping[str, tuple[str, ...]]  # a way of saying something -> what it names (the lexicon's)
    kinds: Callable[[str], set[str]]  # the kinds a term names a member of ("REST API": an API Gateway API)
    sayings: Mapping[str, list[str]]  # a concept -> every way the lexicon writes it (``sayings``)
    measures: tuple[frozenset[str], ...]  # each a quantity's units and the words naming a setting of it
    prefixes: frozenset[str]  # "sub", "un": "subsegments" says "segment"


def check(q: BankQuestion, notes: Notes) -> list[str]:
    """Every reason not to serve ``q``; [] when it may be served."""
    problems = list(bank.validate(q, notes.passages))
    right = set(q.correct)
    wrong = [o for o in q.options if o not in right]
    counted = q.shape == bank.PRACTICE and all(amount_of(o) is not None for o in q.options)
    for option in q.options:
        words = {w for w in re.findall(r"[a-z0-9.]+", option.lower()) if not w.isdigit()}
        # a bare "3" numbers a row or a step, unless the learner's own question offers counts ("RCU? a) 2 b) 3",
        # round 176); "504" or "2048" is a code or an amount the notes give
        # "It" of a "Cue | Notes" table's rows: a pronoun names nothing (round 44's wrong key)
        if not words and not counted and not re.fullmatch(r"\d{3,}", option.strip().replace(",", "")) \
                or words and words <= notes.labels or words and words <= PRONOUNS:
            problems.append(f"option {option!r} is a label of the notes, not an answer")
        if re.fullmatch(r"\S*[A-Z:]\S*(?: / \S*[A-Z:]\S*)+", option):  # "AWS::StackName / AWS::StackId", "A / B / C"
            problems.append(f"option {option!r} is two names in one")
        if _MARKUP.search(option) and not _PATH.fullmatch(option):  # ".platform/hooks/postdeploy/" is a place
            problems.append(f"option {option!r} carries markdown, a list marker or the notes' shorthand")
        if len(option) > MAX_OPTION:
            problems.append(f"option {option!r} is longer than {MAX_OPTION} characters")
        if _ONE_PLURAL.search(option) or len(option.split()) >= 3 and DANGLING.search(option) \
                or unclosed(option, braces=True):  # "SQS buffer)": the end of a bracket
            problems.append(f"option {option!r}: one of a plural, or cut short (\"give AWS creds to\")")
        lost = [n for n in _NUMBER.findall(option.replace(",", "")) if n not in notes.numbers]
        if lost and q.shape not in (NUMBER, STATEMENT):  # amounts of a unit: the notes' or usual ones
            problems.append(f"option {option!r} has a number the notes never give: {', '.join(lost)}")
    for a in q.options:  # "PC" beside "provisioned concurrency": one thing twice
        problems += [f"option {a!r} abbreviates option {b!r}" for b in q.options if abbreviates(a, b)]
    for i, a in enumerate(q.options):
        for b in q.options[i + 1:]:
            if fuzz.ratio(a.lower(), b.lower()) >= ALIKE and a.lower() != b.lower() and not _named_apart(a, b) \
                    and _NUMBER.findall(a) == _NUMBER.findall(b):  # "30 seconds" is not "60 seconds"
                problems.append(f"options {a!r} and {b!r} look the same")
    if q.shape != NUMBER:  # "Queue" among "FIFO queue": what describes the one may fit its variant
        # ("task role" beside "task execution role" is another thing); any two: "Scheduler" beside
        # "Scheduler (one-time at)", "Custom message" beside "CustomMessage_AdminCreateUser": one thing twice
        for option in q.options:
            base = set(_plain(option).split())
            whose = "the answer " if option in right else ""
            problems += [f"option {o!r} is a variant of {whose}{option!r}: both may fit"
                         for o in q.options if o != option and (repeats(o, of=option) or option in right and o in wrong
                                                                and base < set(_plain(o).split())
                                                                and _within(_plain(option), _plain(o)))]
    stem = _plain(q.stem)
    stem_words = set(_words(q.stem, whole=True))
    topic = _TOPIC.match(q.stem)  # "According to your notes on Versions and aliases, …"
    named = [o for o in q.options if any(_begins(w, set(_words(topic.group(1), whole=True))) for w in _words(o, whole=True))] \
        if topic else []
    if topic and len(named) >= 2:
        stem_words = set(_words(q.stem[topic.end():], whole=True))  # the topic names several options
        stem = _plain(q.stem[topic.end():])
        # "on Query vs Scan", "on BatchGetItem / BatchWriteItem" (named in full): a coin toss
        whole = [o for o in named if _within(_plain(o), _plain(topic.group(1)))]
        if any(len(n) == 2 and right <= set(n) for n in (named, whole)) and q.shape != STATEMENT:
            problems.append(f"{GIVES_AWAY}: the topic names it and one other option, the rest are fillers")
    for option in right:
        if q.shape != STATEMENT and _plain(option) and _within(_plain(option), stem):
            problems.append(f"{GIVES_AWAY} {option!r}")
        elif q.shape != STATEMENT:
            # a word of the answer in the stem that no wrong option has: "build" for CodeBuild, "map"
            # of "FindInMap" for Mappings, "substitution" for Fn::Sub (one the start of the other)
            others = {w for o in wrong for w in _words(o, whole=True)}
            shown = [w for w in _words(option, whole=True) if _begins(w, stem_words) and not _begins(w, others)]
            # "a piece inside a segment" for Subsegment: a stem word inside the answer's, in no wrong option
            shown += [s for w in _words(option, whole=True) for s in stem_words
                      if len(s) >= ROOT - 1 and s in w and s != w and not any(s in o for o in others)]
            # "… errors, subsegments" for Segment, "oldest untrimmed record" for TRIM_HORIZON: the answer's word in
            # one of the stem's after a prefix (not "point" of "endpoint" for Access Points)
            shown += [w for w in _words(option, whole=True) for s in stem_words
                      if any(s.startswith(f + w) for f in notes.prefixes) and not any(w in o for o in others)]
            # "one PartiQL stmt" for ExecuteStatement, "cfg" for Config: the answer's word by its consonants
            rivals = {w for o in wrong for w in _name_words(o)}
            shown += [w for w in _name_words(option) for s in stem_words
                      if _contracts(s, w) and not any(_contracts(s, o) for o in rivals)]
            # "up to 25 PartiQL stmts, batch" for BatchExecuteStatement: two of its words hinted, no wrong option both
            hinted = {w for w in _name_words(option) if _begins(w, stem_words) or any(_contracts(s, w) for s in stem_words)}
            if len(hinted) >= 2 and not any(all(_begins(w, set(_name_words(o))) for w in hinted) for o in wrong):
                shown += sorted(hinted)[:1]
            # "request headers allowed in the preflight" for AllowedHeaders: each word of its name said,
            # though each is some wrong option's too
            whole = _words(option, whole=True)
            # "stack stuck in UPDATE_ROLLBACK_FAILED" for "continue-update-rollback": two of its words
            # in a row, as the stem has them and no wrong option does
            pairs = set(itertools.pairwise(_words(stem, whole=True))) \
                - {pair for o in wrong for pair in itertools.pairwise(_words(o, whole=True))}
            shown += [b for a, b in itertools.pairwise(whole) if (a, b) in pairs]
            if not shown and len(whole) >= 2 and all(_begins(w, stem_words) for w in whole) \
                    and not any(all(_begins(w, stem_words) for w in _words(o, whole=True)) for o in wrong):
                shown = whole[-1:]
            # "20% every 6 min" for AppConfig.Linear20PercentEvery6Minutes: a figure of the stem in its name alone
            shown += [n for n in _DIGITS.findall(option) if q.shape != NUMBER and n in _DIGITS.findall(q.stem)
                      and not any(n in _DIGITS.findall(o) for o in wrong)]
            if shown:
                problems.append(f"{GIVES_AWAY} {option!r} by the word {sorted(shown)[0]!r}")
            # "lost if the AZ is lost" names the zone of "One Zone-IA" in other words
            named = (_concepts(option, notes.concepts) & _concepts(q.stem, notes.concepts)) \
                - {c for o in wrong for c in _concepts(o, notes.concepts)}
            if named and not shown:
                problems.append(f"{GIVES_AWAY} {option!r} by naming {sorted(named)[0]!r}")
            # "manages the keys" for KMS, "TLS certs" for ACM: a word of the name the answer abbreviates
            # "Secure Remote Password" for USER_SRP_AUTH, "RT → new IT + AT" for REFRESH_TOKEN_AUTH: what
            # an acronym stands for, on either side, in what the stem quotes and nowhere else in it
            said = _QUOTE.findall(q.stem)[-1] if q.shape != NUMBER and _QUOTE.search(q.stem) else ""
            elsewhere = set(_words(_QUOTE.sub("", q.stem)))
            own = set(_spelled(option, notes))
            theirs = {w for o in wrong for w in [*_spelled(o, notes), *_words(o)]}
            spelled = [w for w in own if _begins(w, {s for s in _words(said) if len(s) >= 4 or s in own} - elsewhere)
                       and not _begins(w, theirs)]
            for acronym in _ACRONYM.findall(said):  # both words of RT in the answer
                meant = [w for w in set(_spelled(acronym, notes)) if _begins(w, own | set(_words(option)))
                         and not _begins(w, theirs | elsewhere)]
                spelled += meant if len(meant) >= 2 else []
            if spelled and not shown and not named:
                problems.append(f"{GIVES_AWAY} {option!r} by {sorted(spelled)[0]!r} of the name it abbreviates")
            # "Deny explicit wins, Enterprise guardrails …, Allow needed, Default deny" for the notes' own
            # mnemonic DEAD (round 169): its letters the quote's capitals, in order, as no wrong option's
            elif _capitals_spell(option, said) and not any(_capitals_spell(o, said) for o in wrong):
                problems.append(f"{GIVES_AWAY} by the capitals of what the stem quotes: {option!r}")
    if wrong and right:
        longest_wrong = max(len(o) for o in wrong)
        if any(len(o) > LONGEST * longest_wrong and len(o) - longest_wrong > LONGEST_MARGIN for o in right):
            problems.append("the answer is by far the longest option")
        singular = [m.group(1) for r in right if (m := re.fullmatch(r"1 ([a-z]{2,})", r))]
        if q.shape == NUMBER and singular and all(o.endswith(f" {singular[0]}s") for o in wrong):
            problems.append("the answer is the only option in the singular (1 hour among 2, 3 and 4 hours)")
        if q.shape == NUMBER and all(binary(amount_of(o)) for o in wrong) \
                and not any(binary(amount_of(r)) for r in right):
            problems.append("the answer alone is no power of two (50 TB among 16, 64 and 128 TB)")
        if q.shape == NUMBER and any(sum(_round(o) == _round(r) for o in wrong) < 2 for r in right):
            problems.append("the answer is the only option of its roundness (6,144 among 100, 5,000, 10,000)")
        if all(len(o.split()) <= 5 for o in q.options) and len({_has_digit(o) for o in q.options}) > 1:
            problems.append("the options are not of one form: some are numbers, some not")
        if all(len(o.split()) <= 4 for o in q.options):
            forms = [_form(o) for o in q.options]
            if any(forms.count(_form(o)) == 1 for o in right):
                problems.append("the answer is the only option written its way (a name among words, or the reverse)")
            elif q.shape == DEFINITION and len(set(forms)) > 1:
                problems.append("the terms are written different ways: likely not one kind of thing")
            # "SUPERSEDED", "PARALLEL" among "CHANGE_SET_REPLACE", "CREATE_UPDATE": the answers alone share a shape;
            # "_X_AMZN_TRACE_ID" among three "AWS_XRAY_…" (round 184): the wrong options alone share their first word
            shapes = {o: (_head(o), len(_PARTS.split(o.strip()))) for o in q.options}
            if len(right) > 1 and wrong and any(len({shapes[o][i] for o in right}) == 1
                                                and shapes[next(iter(right))][i] not in {shapes[o][i] for o in wrong}
                                                for i in (0, 1)) \
                    or len(right) == 1 and len(wrong) > 2 and q.shape != NUMBER and len({shapes[o][0] for o in wrong}) == 1 \
                    and shapes[next(iter(right))][0] != shapes[wrong[0]][0]:
                problems.append("the answer is set apart by its shape (the answers alone share a first word or a length, "
                                "or the wrong options do)")
        # "COGNITO UP" among "API_KEY", "AWS_IAM": the notes' labels among a setting's values; "Parameters"
        # among "InputPath", "OutputPath", "ResultPath": the one that does not end alike
        snake = [o for o in q.options if re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+", o)]
        parts = {o: re.findall(r"[A-Z][a-z]+", o) or [""] for o in q.options if re.fullmatch(r"[A-Za-z]+", o)}
        code = [o for o in q.options if written(o) == _CAMEL and o.lower() not in notes.concepts]  # not "EventBridge"
        # or "OverLimit", "ThrottlingException" beside the notes' phrase "PurgeQueue deletes all msgs"
        # "AWS", "HTTP_PROXY" beside "Lambda proxy", "Mock": a setting's values among the notes' names for them
        values = [o for o in q.options if _VALUE.fullmatch(o) and ("_" in o or o.lower() not in notes.concepts)]
        labelled = len(values) >= 2 and any(re.search(r"[a-z]", o) for o in q.options) \
            or len(snake) >= 2 and any(re.search(r"[a-z ]", o) for o in q.options) \
            or len(code) >= 2 and any(sum(w[:1].isalnum() for w in o.split()) >= 3 for o in q.options)  # not "A / B"
        # "GetCallerIdentity" among "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity" too
        answer = next(iter(right))
        odd_end = len(parts) == len(q.options) and len(right) == 1 and "" not in (p[0] for p in parts.values()) \
            and any(len({parts[o][at] for o in wrong}) == 1 and parts[answer][at] != parts[wrong[0]][at] for at in (0, -1))
        if labelled or odd_end:
            problems.append("the options are not written alike (the answer alone ends otherwise, or values among labels)")
        # "ALBRequestCountPerTarget" among "step scaling" and "target tracking": a setting among ways
        # (a service's name is no setting: "CodeDeploy" among "change sets")
        # or "JSON events" among StartQuery, StopQuery, ListLogGroupsForQuery: words of no kind among API names
        if q.shape == SCENARIO and any(_setting(o) and o.lower() not in notes.concepts for o in q.options) \
                and any(o == o.lower() and " " in o for o in q.options) or len(code) >= 2 \
                and any(in_words(o) and not notes.kinds(o) and o.lower() not in notes.concepts for o in q.options):
            problems.append("the options mix settings written as code with plain words: not one kind of thing")
        # "PutEvents" among "Rule", "Event bus", "Code bindings": the one API action is the one asked
        if len(code) == 1 and code[0] in right and len(q.options) > 2:
            problems.append("the answer is the only option written as code")
    if q.shape == NUMBER:
        problems += worked_out(q.stem, q.correct, wrong)
    elif q.shape in (DEFINITION, SCENARIO):  # "REST API" beside "Lambda authorizer": an API type among ways to authorize
        known = [(o, k) for o in q.options if len(kinds := notes.kinds(o)) == 1 for k in kinds]  # of one kind only
        problems += [f"options {a!r} and {b!r} are different kinds of thing"
                     for i, (a, x) in enumerate(known) for b, y in known[i + 1:] if _other_kind(x, y)][:1]
        # "0–300 s" for MaximumBatchingWindowInSeconds among FilterCriteria and EventSourceArn: the one
        # option named for a time, the description giving a duration (reviewers kept 1 of 11)
        given = units_in(q.stem[topic.end():] if topic else q.stem)
        worded = {o: set(_words(o, whole=True)) for o in q.options}
        problems += [f"{GIVES_AWAY}: the description gives an amount, the answer alone is named for one"
                     for measure in notes.measures if given & measure and wrong
                     and all(worded[o] & measure for o in right) and not any(worded[o] & measure for o in wrong)][:1]
    # "EC" for "the default for GetItem/Query/Scan" among GetItem, Query and Scan (round 130): what the
    # description names is not what it describes, the answer the one option it leaves out
    description = _plain(q.stem[topic.end():] if topic else q.stem)
    if q.shape in (DEFINITION, SCENARIO) and len(wrong) >= 2 and all(_within(_plain(o), description) for o in wrong):
        problems.append(f"{GIVES_AWAY}: the description names every wrong option")
    # "CreateExportTask", "PutQueryDefinition" beside "Log group", "Log stream" (round 135): API names among
    # terms in words, a glossary's two kinds of entry (reviewers kept 3 of 21)
    worded = [o for o in q.options if len(o.split()) >= 2 and in_words(o)]
    kinds = set().union(*(notes.kinds(o) for o in worded))  # "StackSets" beside "Change set": CloudFormation features
    coded = [o for o in q.options if written(o) == _CAMEL and o.lower() not in notes.concepts and not notes.kinds(o) & kinds]
    if q.shape == DEFINITION and coded and worded:
        problems.append("the options mix API names with terms in words: not one kind of thing")
    if q.shape == DEFINITION and topic:
        # "AppSync" among Function, Resolver and Schema under "AppSync basics": the topic, not one of its parts
        named = set(_words(topic.group(1), whole=True))
        topics = [o for o in q.options if _words(o, whole=True) and all(_begins(w, named) for w in _words(o, whole=True))]
        if len(topics) == 1 and topics[0] in wrong:  # not "Versions and aliases", naming two of its parts
            problems.append(f"option {topics[0]!r} names the topic itself, not a thing of its kind")
    described = _DESCRIBED.search(q.stem)
    values = [v.strip() for v in re.split(r"[,/|]|\bor\b", described.group(1))] if described else []
    if len(values) == 1 and len(bare(values[0]).split()) == 1:
        values = [bare(values[0])]  # "resolverContext (whatever your authorizer returned)": one name
    listed = len(values) >= 3 and all(re.fullmatch(r"[a-z0-9-]+", v) for v in values) \
        or bool(values) and all(written(v.rstrip(".")) != "words" or CAMEL.search(v) is not None and len(v.split()) == 1
                                for v in values if v)  # "UNSUPPORTED_MEDIA_TYPE", "resolverContext"
    if described and (_CODE.search(described.group(1)) or listed):
        problems.append("the description is a line of code or a list of values (\"awsvpc, bridge, host\"), not words")
    elif described and (described.group(1).split()[0].lower().strip(",.") in notes.asides
                        or _EXAMPLE.match(described.group(1))):  # "e.g. on-demand max throughput exceeded"
        problems.append("the description points elsewhere (\"also …\", \"like Retain …\", \"e.g. …\"): it defines nothing")
    elif described and re.search(r"\bthem\b|^both\b", described.group(1), re.IGNORECASE):  # "both (the go-to for audit)"
        problems.append("the description speaks of \"them\" or \"both\", which the stem never names")
    quoted = _QUOTE.findall(q.stem)
    if quoted and _UNSAID.fullmatch(quoted[-1].strip()):
        problems.append("the stem quotes an aside in brackets or a line going on from the one before: no fact")
    completed = quoted[-1] if q.shape == NUMBER and quoted else ""
    # "cfn-hup interval default _____": a cram line ending at the blank, no sentence (reviewers kept
    # one in ten); a flashcard's answer is asked beside its question ("…?"), which says what it is
    if completed and completed.split()[-1].startswith(BLANK) and len(completed.split()) <= CRAM_WORDS \
            and not clause(completed.replace(BLANK, "")) and not (len(quoted) > 1 and quoted[-2].endswith("?")):
        problems.append("the statement to complete is a cram line ending at its blank, no sentence")
    if len(q.stem) > MAX_STEM:
        problems.append(f"the stem is longer than {MAX_STEM} characters")
    if _NOISE.search(q.stem) or any(_NOISE.search(o) for o in q.options):
        problems.append("the stem or an option carries the note-taker's asides")
    if q.explanation.count('"') < 2:
        problems.append("the explanation does not quote the notes")
    return problems


def _within(part: str, text: str) -> bool:
    """Is ``part`` in ``text`` as whole words?"""
    return f" {part} " in f" {text} "


def _setting(option: str) -> bool:
    """A setting, value or API name ("ReportBatchItemFailures", "ALBRequestCountPerTarget",
    "RESPONSE_STREAM"), not a service's name with one capital inside ("CodeDeploy", "DynamoDB")."""
    return " " not in option.strip() and (len(re.findall(r"[a-z][A-Z]", option)) >= 2 or written(option) == "snake")


def score(q: BankQuestion) -> float:
    """How good a daily question this is likely to be, as reviewers kept each kind (rounds 24-39,
    the questions still served): a term asked among others of the kind it names ("which SQS
    feature is described as …", 80%) and a true statement (80%) first, then a figure (48%), then
    a term among others of no named kind (44%), a scenario (30%); written ones before all; short
    stems first."""
    shape = SHAPE_SCORE.get(q.shape, 6 if not q.generated else 1)
    if q.shape == DEFINITION and _OF_A_KIND.search(q.stem):
        shape = SHAPE_SCORE[STATEMENT] + 1
    return shape - len(q.stem) / 1000


def _words(text: str, whole: bool = False) -> list[str]:
    """The words that carry meaning, by their first five letters so that "cached" is
    "cache" (``whole``: as written): three letters or more, CamelCase split ("OneAtATime"
    is "one", "time" too)."""
    text = _NAME_WORDS.sub(" ", text)
    return [singular(w)[:None if whole else ROOT]  # "retries" is "retry"
            for w in re.findall(r"[a-z][a-z0-9]{2,}", text.lower()) if w not in _COMMON]


def _named_apart(a: str, b: str) -> bool:
    """Two code names a whole word apart ("MaxConnectionsPercent", "MaxIdleConnectionsPercent") are
    two settings, as alike as an exam's options are; "ReportBatchItemFailure(s)" is one, misspelt."""
    if any(c.isspace() for c in a + b):
        return False
    wa, wb = set(_words(a, whole=True)), set(_words(b, whole=True))
    return bool(wa ^ wb) and not any(fuzz.ratio(x, y) >= WORD_ALIKE for x in wa - wb for y in wb - wa)


def _name_words(name: str) -> list[str]:
    """The words of a name as written, three letters or more, CamelCase split ("ExecuteStatement":
    "execute", "statement")."""
    return re.findall(r"[a-z]{3,}", _NAME_WORDS.sub(" ", name).lower())


def _contracts(short: str, word: str) -> bool:
    """ "stmt" of "statement", "cfg" of "config": a word written by its first letter and consonants
    after it, in order, for a longer one."""
    rest = iter(word)
    return 3 <= len(short) <= 5 and len(word) >= len(short) + 3 and short[0] == word[0] \
        and set(short[1:]).isdisjoint("aeiou") and all(c in rest for c in short)


def _begins(word: str, words: set[str]) -> bool:
    """``word`` is one of ``words`` to the eye: the same first five letters, one the start of
    the other ("map" of "mappings", "sub" of "substitution"), or one stem ("cache" of "caching")."""
    stem = _SUFFIX.sub("", word)
    return any(w[:ROOT] == word[:ROOT] or w.startswith(word) or word.startswith(w)
               or len(stem) >= 3 and _SUFFIX.sub("", w) == stem for w in words)


_COMMON = frozenset("""according your notes which what should developer with from that this these those
they them their there when where have will would could into than then also only more most used uses using
other statement true described completes following term terms the and for are you use can not its but
any one per way""".split())  # not "all": "all instances out briefly" names All at once ("which one" is a stem's)


def _concepts(text: str, concepts: Mapping[str, tuple[str, ...]]) -> set[str]:
    """What a text names, as the lexicon knows it: "AZ", "zone" and "Availability Zone" are one."""
    words = re.findall(r"[a-z0-9]+", _NAME_WORDS.sub(" ", text).lower())
    return {c for n in (1, 2, 3, 4) for i in range(len(words) - n + 1)
            for c in concepts.get(" ".join(words[i:i + n]), ())}


def _other_kind(a: str, b: str) -> bool:
    """Two kinds of one service's things ("API Gateway API", "API Gateway access control"); its
    "features" take in all of them ("SQS feature" beside "SQS queue type" is one kind)."""
    first, second = a.split(), b.split()
    shared = next((i for i, (x, y) in enumerate(zip(first, second)) if x != y), min(len(first), len(second)))
    return 0 < shared < min(len(first), len(second)) and "feature" not in (first[-1], second[-1])


def _spelled(option: str, notes: Notes) -> list[str]:
    """The words an option's acronyms stand for, as the lexicon spells them out ("key",
    "management" for KMS; "container" for ECS), but not the brand."""
    out = []
    for acronym in _ACRONYM.findall(option):
        for saying in dict.fromkeys(s for c in notes.concepts.get(acronym.lower(), ()) for s in notes.sayings.get(c, ())):
            spoken = [w for w in saying.split() if w not in _JOINING]
            initials = "".join(w[0] for w in spoken)  # "DynamoDB Accelerator" for DAX: its first letters
            if initials == acronym.lower() or len(spoken) > 1 and acronym.lower().startswith(initials):
                out += [w for w in _words(saying) if w not in BRAND]
    return out


def _capitals_spell(option: str, quote: str) -> bool:
    """Are the letters of ``option``, a name in capitals ("GIVE-CU"), the capitals of ``quote`` in order
    ("Generation, Internal, Validation, External, Custom checks, Unused")?"""
    letters = [c for c in option if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    capitals = iter(c for c in quote if c.isupper())
    return all(c in capitals for c in letters)


def sayings(concepts: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """A concept -> every way the lexicon writes it (``concepts`` read the other way round)."""
    index: dict[str, list[str]] = {}
    for saying, ids in concepts.items():
        for c in ids:
            index.setdefault(c, []).append(saying)
    return index


def _head(option: str) -> str:
    """An option's first word ("CHANGE_SET" of "CHANGE_SET_REPLACE"), lower case."""
    return _PARTS.split(option.strip().lower())[0]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%]+", text.lower()))


def _form(option: str) -> str:
    """How a short option is written: a name (capitals, CamelCase, code) or plain lower case."""
    return "lower" if option == option.lower() and not re.search(r"_|::|\d", option) else "name"


def binary(amount: float | None) -> bool:
    """A power of two from 4 up (16, 64, 1,024): what sizes and limits often are."""
    return amount is not None and amount >= 4 and float(amount).is_integer() and int(amount) & (int(amount) - 1) == 0


def _round(option: str) -> bool:
    """ "5,000", "300" and "45" are round (two figures at most); "6,144" and "256" are not."""
    digits = "".join(_NUMBER.findall(option.replace(",", ""))[:1]).replace(".", "").strip("0")
    return len(digits) <= 2


def _has_digit(text: str) -> bool:
    """An amount ("15 minutes", "75%"), not a name with a digit in it ("S3", "EC2")."""
    return text[:1].isdigit()
