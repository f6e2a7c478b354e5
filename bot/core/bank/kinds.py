"""Things of one kind, and the notes' rules for picking one: wrong options of the answer's kind.

Kinds come from the lexicon's ``[families]``: which kind a term of the notes names.

A generated question's wrong options are of its answer's kind: "Standard-IA" is
an S3 storage class, so its others are storage classes, as the notes spell them
when they do, else as AWS names them. The list a term stands in decides between
kinds its name fits ("Standard" beside "Expedited" and "Bulk" is a Glacier
retrieval option), and a name alone in its list gets none.

A rule names the thing to use, so there a name that is no plain English word
("SnapStart", "SQS") takes its kind without a list to confirm it, unless its list is
of another kind ("blue/green" among Beanstalk's policies); "EB immutable" and "KDS"
name members through the kind's initials and the lexicon's other names.

The notes add their own: "SnapStart vs PC" makes each the other's rival
(``comparisons``). Their decision rules ("use X when Y") are read with
``rules_in``: after a label ("TIP: Use X when Y; use Z when W"), after a
comparison naming its things ("SnapStart vs PC: SnapStart for slow init; PC if
…"), or chained in one sentence ("/tmp for scratch, EFS if shared, S3 for
anything durable"). A list of the notes' own scenarios ('"payload 5 MB" → S3 +
pointer', "need the result now → Synchronous Express": ``scenario_lists``) is
asked cue by cue, the list's other answers the wrong options (``cued``); a
flashcard answered by a name ("A: Immutable. …") asks its own question among
others of the name's kind (``carded``). A rule's situation is told of a developer, in the third
person (``third_person``: "when you need X" -> "when they need X").
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Callable, Iterable, Mapping, Protocol, Sequence

from bot.core.bank.questions import CHOOSE_TWO, GENERATED, KIND_TWO, TWO, BankQuestion, digest, ident, place, single
from bot.core.bank.lines import FIGURE, MAKER, QUESTION_WORD, QUOTED, RULE, Line, as_code, bare, cues, key, mentions
from bot.core.bank.stems import WH

PREFIX = re.compile(r"([^:]{1,60}?)\s*:\s+")  # a label or a comparison before ":"
_LOWER_WORD = re.compile(r"(?<![\w.-])[a-z]+(?![\w.-])")  # "events" of "JSON events", not "x86_64" nor "e.g."
VERSUS_WORD = re.compile(r"\svs\b", re.IGNORECASE)  # a text worth reading for a comparison
NAME = r"[\w./'’+-]+(?: [\w./'’+-]+){0,3}"  # a thing's name: four words at most, no comma
VERSUS = re.compile(rf"^\s*[*`_]*(?P<a>{NAME})[*`_]*\s+vs\.?\s+[*`_]*(?P<b>{NAME})[*`_]*\s*$", re.IGNORECASE)
BARE = re.compile(r"^(?:use\s+)?(?P<x>[\w./'’+ -]{1,40}?)\s+(?P<when>when|if|for)\s+(?P<y>.{8,})$", re.IGNORECASE)
OTHERWISE = re.compile(r",?\s+otherwise\b.*$", re.IGNORECASE)  # "when X, otherwise sync": the rest is another rule
ELSE_NAME = re.compile(r",?\s+otherwise\s+(?:use\s+)?([\w./'’+-]+(?: [\w./'’+-]+){0,2})\s*(?:\(.*\))?\.?$", re.IGNORECASE)
OVER = re.compile(r"^(?P<x>.+?)\s+over\s+(?:(?:an?|the)\s+)?(?P<rival>.+)$", re.IGNORECASE)  # "X over Y": Y the rival
DECIDED = re.compile(r"^(?P<cue>[^→\"“=:|–—]{8,90}?)\s*(?:→|->|=>|\s\||\s–)\s+(?P<answer>[^→;|–]+?)\s*(?:;|$)")
# "need X → Y", or a two-column table's row "need X | Y" (read as "need X – Y"); not "key policy — required, 1 per key"
# beside "IAM policy — …" (round 142's wrong key): a thing and what it is, no situation
_SYMPTOM = re.compile(r"\bbut\s+(?!still\b)\S+(?:\s+\S+)?\s+still\b", re.IGNORECASE)  # "but CloudFront still caches"
CUES = 4  # exam cues in one list: a list of the notes' own scenarios
DECIDED_SHARE = 0.5  # of a list of "situation → answer" lines, this share leads to things: a list of scenarios
# (those leading to a way of doing it, "put with a condition …", are asked of nothing)
PLUS = "+"  # "S3 + pointer": an answer made of parts
SOLUTION_WORDS = 8  # a cue's answer longer than this is an explanation, no option
SOLUTION_END = re.compile(r"[;.]\s|,\s*(?:not|never|but|then)\b|\s[-–—]\s")  # "DAX, not ElastiCache"
NO_SOLUTION = re.compile(r"^(?:yes|no|invalid|wrong|expected|normal|correct)\b|\b(?:or|not|never|can't|cannot|if)\b|→|->|=|[{}]|\s/\s", re.IGNORECASE)  # a verdict; two answers; code
CHAINED = re.compile(r",\s+(?=(?:use\s+)?[\w./'’+-]+(?: [\w./'’+-]+){0,3}\s(?:for|if|when)\s)")


def solution(answer: str) -> str:
    """What a quoted exam cue's arrow leads to, as an option ("REST + usage plans + API keys"):
    without asides or what follows ("DAX, not ElastiCache"); none when it gives a verdict ("no,
    they pass through"), two answers ("SnapStart or PC"), an explanation, or a cause and then a fix."""
    text = _led_to(answer)
    # "volatile-lru default; set TTLs or allkeys-lru": a cause, then what to do: no one answer
    return "" if NO_SOLUTION.search(text) or not 0 < len(text.split()) <= SOLUTION_WORDS \
        or re.search(r";\s*\w", re.sub(r"\([^()]*\)", "", answer)) else text


def _led_to(answer: str) -> str:
    """What an arrow leads to, without asides, code marks or what follows ("DAX, not ElastiCache")."""
    return SOLUTION_END.split(re.sub(r"\s*\([^()]*\)|`", "", answer))[0].strip().rstrip(".,:")


def alternatives(answer: str) -> list[str]:
    """The two things a cue's arrow offers as either answer ("SnapStart or PC" -> ["SnapStart", "PC"]);
    [] for anything else."""
    both = [solution(x) for x in re.split(r"\s+or\s+", _led_to(answer))]
    return both if len(both) == 2 and all(b and len(b.split()) <= 3 for b in both) else []


def scenario_lists(lines: Sequence[Line], thing: Callable[[str], bool], term: Callable[[str], bool],
                   unlabelled: Callable[[str], str] = lambda text: text
                   ) -> tuple[dict[str, list[tuple[str, str, Line, str]]], set[str]]:
    """A passage's lists of the notes' own scenarios, by line group: (answer, cue, line, as written),
    the answer "" when it is none to ask or offer; and the groups of a few scenarios the notes
    mark as such ("Scenario: … → Answer: …"), whose wrong options come from the document.
    Quoted exam cues ('"payload 5 MB" → S3 + pointer') make a list; so do "situation →
    answer" lines (or a "need | pick" table's rows) when most lead to things, each to its own
    ("need the result now → Synchronous Express"; not "explicit Deny → DENY", nor "Pre sign-up
    → …", a term ``term`` says is defined). A numbered list's "X → Y" lines (quoted or not) are the note-taker's
    drills or mistakes, each answering its own question: no family of options (2 of 34 kept)."""
    quoted: dict[str, list[tuple[str, str, Line, str]]] = defaultdict(list)
    decided: dict[str, list[tuple[str, str, Line, str]]] = defaultdict(list)
    short: set[str] = set()  # the groups of a few marked scenarios: wrong options from the document
    table, in_table = "", False  # the group of the table the rows belong to; whether the line before was a row
    for line in lines:
        for answer, cue in () if line.numbered else cues(line.text, whole=True):
            quoted[line.group].append((solution(answer), cue, line, answer))
        row = _row(line.text)  # a table's rows are one list, under its header row
        is_row = row != line.text
        header = is_row and not in_table
        table = line.group if header else table if is_row else ""
        in_table = is_row
        said = None if header else DECIDED.match(unlabelled(row))  # "Scenario: new app, spiky traffic → Answer: on-demand"
        if said and len((cue := said.group("cue").strip()).split()) >= 3 and not term(cue) and not line.numbered:
            answer = unlabelled(said.group("answer"))
            decided[table or line.group].append((solution(answer), f'"{cue}"', line, answer))
    for group, found in decided.items():
        answers = [a for a, _, _, _ in found if a and not FIGURE.search(a) and thing(a.split(PLUS)[0].strip())]
        # a few lines the notes mark as scenarios are a list too: its wrong options come from the document
        marked = all(unlabelled(line.text) != line.text.strip() for _, _, line, _ in found)
        if (len(found) >= CUES or marked) and len(answers) >= DECIDED_SHARE * len(found) \
                and len({key(a) for a in answers}) == len(answers) and group not in quoted:
            quoted[group] = [(a if a in answers else "", c, line, raw) for a, c, line, raw in found]
            if marked and len(found) < CUES:
                short.add(group)
    return dict(quoted), short


def _row(text: str) -> str:
    """A table row read as its first two cells, "need → pick" ("| Prevent stack deletion |
    Termination protection | Stack policy |"); any other line as it is."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return f"{cells[0]} → {cells[1]}" if len(cells) >= 3 and all(cells[:2]) else text


class Wording(Protocol):
    """What the wording of a scenario or flashcard question needs from the generator."""

    def according(self, p, depth: int | None = None) -> str: ...
    def notes_on(self, p) -> str: ...
    figure_words: frozenset[str]
    failure_words: frozenset[str]


def cued(p, cue: str, answer: str, wrong: list[str], line: str, told: dict[str, str], maker: Wording) -> BankQuestion:
    """"Which should a developer use in this situation: '<cue>'?", the answer what the notes'
    arrow leads to, the wrong options what their other cues lead to (``told``: answer -> cue); "which
    exception does a developer get …" when every option is one a failed call returns (round 152)."""
    failure = suffix_kind([answer, *wrong])
    asked = f"{failure} does a developer get" if failure in maker.failure_words else "should a developer use"
    stem = asking(f"{maker.according(p)}, which {asked} {QUOTED} {unasked(cue)}")
    others = " ".join(f"{o} is their answer to {c}." for o, c in told.items())
    why = f"{maker.notes_on(p)} say: \"{line}\". {others}".rstrip()
    return single(p, "scenario", f"cue {cue}", stem, answer, wrong, why)


def cued_two(p, cue: str, right: list[str], wrong: list[str], line: str, maker: Wording) -> BankQuestion:
    """"Which TWO could a developer use in this situation: '<cue>'?": the notes' own "X or Y"."""
    qid = ident(p.id, TWO, f"cue {cue}")
    options, answers = place(qid, right, wrong)
    stem = f"{asking(f'{maker.according(p)}, which TWO could a developer use {QUOTED} {unasked(cue)}')} {CHOOSE_TWO}"
    why = f"{maker.notes_on(p)} say: \"{line}\". {', '.join(wrong)}: the notes give them for other cues."
    return BankQuestion(id=qid, topic=p.section, kind=KIND_TWO, stem=stem, options=tuple(options), answers=answers,
                        explanation=why, passages=(p.id,), generated=True, source=GENERATED, shape=TWO)


def unasked(cue: str) -> str:
    """A checklist's cue asked as the learner asks it ("need least config, Lambda decides status?" ->
    proxy) is quoted as a situation, not a question inside the question (round 129)."""
    return re.sub(r"\?(?=\W?$)", "", cue)


def carded(p, asked: str, name: str, wrong: list[str], line: str, told: str, maker: Wording) -> BankQuestion:
    """The learner's own flashcard as a question: its answer's name among ``wrong``."""
    first = asked.split()[0].lower()
    # "Default network mode for …?" asks what the default is; "Get notified when …?" is said as the card it is
    said = f"what is the {asked[0].lower()}{asked[1:]}" if first in maker.figure_words else asked
    opens = first in WH | maker.figure_words
    stem = f"{maker.according(p)}, {said[0].lower()}{said[1:]}" if opens else f"{maker.according(p)}, " \
        f"which answers the question \"{asked}\""
    why = " ".join(x for x in (f"{maker.notes_on(p)} answer \"{asked}\" with: \"{line}\".", told) if x)
    return single(p, "definition", f"card {asked}", stem, name, wrong, why)


class Kinds:
    def __init__(self, families: Mapping[str, Sequence[str]], concepts: Mapping[str, tuple[str, ...]] | None = None,
                 english: frozenset[str] = frozenset(), defined: frozenset[str] = frozenset()):
        self.families = families
        self.concepts = concepts or {}  # "kds" and "Kinesis Data Streams" name one concept
        self.defined = defined  # the acronyms the notes spell out ("PC (provisioned concurrency)")
        self.english = english  # a plain word ("Standard") alone in its list may name anything
        self._of: dict[str, set[str]] = {}

    def of(self, term: str) -> set[str]:
        """The kinds ``term`` names a member of ("Standard-IA": an S3 storage class)."""
        if term not in self._of:
            words = _words(term)
            # "S3 Standard" is a storage class as it stands; "EB immutable" only said without "EB"
            # ("ECS/Fargate" is two things, nothing said first)
            for lead in (False, " " in term.strip()):
                self._of[term] = {kind for kind, members in self.families.items()
                                  if any(self._names(term, words, m, kind, lead) for m in members)}
                if self._of[term]:
                    break
        return self._of[term]

    def _names(self, term: str, words: list[str], member: str, kind: str, lead: bool = False) -> bool:
        """Does ``term`` name ``member``: by its words (after the kind's name when ``lead``), the
        acronym it gives ("DynamoDB Accelerator (DAX)"), or another of the lexicon's names for it?"""
        full, _, short = member.partition(" (")
        return any(_fits(_unled(words, _words(kind)) if lead else words, _words(m), _words(kind)) or self._same(term, m)
                   for m in (full, short.rstrip(")")) if m)

    def plain(self, term: str, kind: str | None) -> str:
        """``term`` as AWS names it when the notes put the kind's name before it ("EB immutable" is
        "Immutable" beside "Rolling") or write their own acronym ("PC"); else as the notes write it."""
        if kind is None:
            return term
        if key(term) in self.defined:  # the notes' "PC" beside AWS's names is "Provisioned concurrency"
            return next((m for m in self.families[kind] if " " in m and self._same(term, m)), term)
        if any(self._names(term, _words(term), m, kind) for m in self.families[kind]):
            return term
        return next((m for m in self.families[kind] if self._names(term, _words(term), m, kind, True)), term)

    def _whole(self, term: str, kind: str) -> bool:
        """Does ``term`` give a member's whole name ("X-Ray" for "AWS X-Ray"), not a part of it?"""
        return any(_words(term) == _words(m) or self._same(term, m) for m in self.families[kind])

    def _same(self, term: str, member: str) -> bool:
        """Does ``term`` name ``member`` by another of the lexicon's names ("KDS", "Kinesis Data Streams")?"""
        mine, theirs = (self.concepts.get(_bare_key(t), ()) for t in (term, member))  # not "AWS_IAM"
        return bool(mine) and bool(theirs) and mine[0] == theirs[0]

    def _sure(self, term: str) -> bool:
        """A name of one kind that is no plain English word needs no list to confirm its kind
        ("SQS" is a messaging service; "Standard" may be a queue, a class or a retrieval option)."""
        words = _words(term)
        return len(words) > 1 or words[0] not in self.english

    def kind(self, term: str, group: list[str], alone: bool = False) -> str | None:
        """``term``'s kind, as the others of its list confirm; None when none does, unless ``alone``
        (a rule names the thing to use, so a name no English word is what it seems)."""
        mine = self.of(term)
        if not mine:
            return None
        votes = Counter(k for t in group if key(t) != key(term) for k in self.of(t) if k in mine)
        best = max(sorted(mine), key=lambda k: votes[k])
        if votes[best]:
            return best
        only = next(iter(mine)) if len(mine) == 1 and alone else None
        theirs = Counter(k for t in group if key(t) != key(term) for k in self.of(t) - mine)
        if only and any(n >= 2 for n in theirs.values()) and not self._whole(term, only) \
                and all(w in self.english for w in re.findall(r"[a-z]+", term.lower())):
            return None  # "blue/green" in a list of Beanstalk's policies: not CodeDeploy's, whatever it sounds like
            # (a name no English word, "Intelligent-Tiering", is what it is in any list)
        return only if only and self._sure(term) else None

    def others(self, term: str, described: str, group: list[str], taken: list[str], own: list[str],
               alone: bool = False) -> list[str]:
        """Other members of ``term``'s kind: spelled as the notes spell them (``own``: the terms they
        define) when they do, else as AWS names them; none the description names, none already taken."""
        kind = self.kind(term, group, alone)
        if kind is None:
            return []
        out: list[str] = []
        # the term written with its service, or its initials spelling it ("DAX" of "DynamoDB Accelerator (DAX)"),
        # not "Transfer Acceleration" of "S3 Transfer Acceleration"; or a kind whose members mostly go without
        # it ("ECS Anywhere role" beside "Task role"): its members keep their names whole
        whole = bool(_led(term, kind)) or term.isupper() and any(
            _led(m, kind) for m in self.families[kind] if self._names(term, _words(term), m, kind)) \
            or 2 * sum(bool(_led(m, kind)) for m in self.families[kind]) <= len(self.families[kind])
        for member in self.families[kind]:
            words = _words(member)
            if any(self._names(x, _words(x), member, kind, lead) for x in [term, *taken, *out] for lead in (False, True)):
                continue
            shown = next((t for t in own if _fits(_words(t), words, _words(kind))), _bare(member, term, self.english, kind, whole))
            if not mentions(described, shown) and not mentions(described, member):
                out.append(shown)
        return sorted(out, key=lambda m: digest(term + m))

    def said(self, term: str, group: list[str], others: list[str], alone: bool = False) -> str:
        """Why the others are wrong: each is another of the kind."""
        kind = self.kind(term, group, alone)
        if len(others) == 1:
            return f"{others[0]} is another {kind}."
        return f"{', '.join(others[:-1])} and {others[-1]}: each is another {kind}."


def _words(text: str) -> list[str]:
    """The words of a name, plurals folded ("FIFO queues" is "fifo queue"), without the maker's
    name in front of a service's ("Amazon SQS" is "sqs", "AWS managed key" stays)."""
    return list(_folded(text))


@functools.lru_cache(maxsize=65536)
def _bare_key(name: str) -> str:
    return key(MAKER.sub("", name))


@functools.lru_cache(maxsize=65536)
def _folded(text: str) -> tuple[str, ...]:
    """``_words``, read once per name: the kinds' members are matched against every term of the notes."""
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in key(text).split()]
    return tuple(words[1:] if MAKER.match(text) else words)


def _bare(member: str, term: str, english: frozenset[str], kind: str, whole: bool) -> str:
    """``member`` written as ``term`` is: "SQS" beside "SNS", not "Amazon SQS" (but "AWS Batch":
    a plain English word alone names nothing); "Object Lock" beside "Presigned URL", not "S3 Object
    Lock" of "S3 feature" (round 181: the key alone without "S3" gave itself away), but "DynamoDB
    Accelerator (DAX)" whole, its initials spell the service too."""
    rest = member if MAKER.match(term) else MAKER.sub("", member)
    if (cut := _led(rest, kind)) and not whole and rest[-1:].isalnum():
        rest = rest.split(maxsplit=cut)[-1]
    if rest == member:
        return member
    return member if " " not in rest and rest.lower() in english else rest


def _led(name: str, kind: str) -> int:
    """How many of ``name``'s first words open its kind's name too: "S3" of "S3 Glacier Instant
    Retrieval" (kind "S3 storage class"); 0 when none, or when they are all of it."""
    words, kinds = name.lower().split(), kind.lower().split()
    n = 0
    while n < len(words) - 1 and n < len(kinds) - 1 and words[n] == kinds[n]:
        n += 1
    return n


def _unled(words: list[str], kind: list[str]) -> list[str]:
    """The words after the kind's name or its initials ("EB immutable", "CodeDeploy blue/green")."""
    named = [w for w in kind if len(w) > 2]
    while len(words) > 1 and (words[0] in kind or len(words[0]) == 2 and
                              any(abbreviates(words[0].upper(), f"{a} {b}") for a, b in zip(named, named[1:]))):
        words = words[1:]
    return words


def _fits(words: list[str], member: list[str], kind: list[str]) -> bool:
    """Do these words name ``member``: all of it, or its start or end when the rest is words of
    its kind's name ("Standard-IA" is "S3 Standard-IA" of "S3 storage class")?"""
    n = len(words)
    if not words or n > len(member):
        return False
    if words == member:
        return True
    return (member[:n] == words and set(member[n:]) <= set(kind)) or (member[-n:] == words and set(member[:-n]) <= set(kind))


def compared(text: str) -> tuple[str, str] | None:
    """The two things a comparison names: "SnapStart vs PC" (a heading, or a line's lead)."""
    m = VERSUS.match(text)
    return (m.group("a").strip("*`_ "), m.group("b").strip("*`_ ")) if m else None


def comparisons(texts: Iterable[str]) -> Iterable[tuple[str, str]]:
    """The comparisons among headings and lines' leads ("EFS vs S3: S3 for objects ...")."""
    for text in texts:
        if pair := compared(text.split(":", 1)[0]):
            yield pair


def rules_in(sentence: str, labels: frozenset[str]) -> list[tuple[str, str, str, str]]:
    """Every (X, when, Y, rival) a sentence states, the rival what "choose X over Z if Y" passes
    over or "use X if Y, otherwise Z" falls back to ("" when none); a label's words are all ``labels``."""
    names: tuple[str, ...] = ()
    lead = PREFIX.match(sentence)
    if lead and (set(lead.group(1).lower().split()) <= labels or (names := compared(lead.group(1)) or ())):
        sentence = sentence[lead.end():]
    found = []
    for clause in (c.strip() for c in sentence.split(";")):
        rule = RULE.match(clause)
        bare = None if rule else BARE.match(clause)
        if bare and not any(key(bare.group("x")) == key(n) for n in names):
            bare = None  # "X if Y" is a rule only about a thing the comparison names
        for m in (rule, bare):
            if m is None:
                continue
            first, *chain = _chained(OTHERWISE.sub("", m.group("y")))
            over = OVER.match(m.group("x"))
            instead = ELSE_NAME.search(m.group("y"))  # "use LSI if …, otherwise GSI": GSI is the rival
            if over:
                x, rival = over.group("x"), over.group("rival")
            else:
                x, rival = m.group("x"), instead.group(1) if instead else ""
            found.append((x, m.group("when").lower(), first, rival))
            found += [(c.group("x"), c.group("when").lower(), c.group("y"), "") for c in map(BARE.match, chain) if c]
    return found


def _chained(text: str) -> list[str]:
    """ "/tmp for scratch, EFS if shared, S3 for anything durable": the rules chained in one
    sentence; not inside brackets ("(e.g. large ones for reporting, small ones for the web app)")."""
    cuts = [m for m in CHAINED.finditer(text) if text[:m.start()].count("(") == text[:m.start()].count(")")]
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(text)]
    return [text[a:b] for a, b in zip(starts, ends)]


NEGATION = re.compile(r"^(?:not|no|non|never)\b[\s-]*", re.IGNORECASE)


def negated(label: str) -> bool:
    """ "NOT retryable as-is": a list of what lacks a property (``contrasts``)."""
    return NEGATION.match(label) is not None


def against(heading: str) -> bool:
    """ "When NOT to use the KPL", "Don't cache with DAX if": a heading over what a thing is not for;
    what it lists is said against the thing, never of it."""
    return re.search(r"\b(?:not|never|don't|avoid)\b", heading, re.IGNORECASE) is not None


def contrasts(label: str, other: str) -> bool:
    """ "Retryable" and "NOT retryable as-is": one list has what the other lacks."""
    if negated(label) == negated(other):
        return False
    a, b = (set(re.findall(r"[a-z]{4,}", NEGATION.sub("", x).lower())) for x in (label, other))
    return bool(a & b)


def abbreviates(short: str, name: str) -> bool:
    """ "PC" for "provisioned concurrency": one thing written twice."""
    return re.fullmatch(r"[A-Z]{2,5}", short) is not None and len(name.split()) == len(short) \
        and "".join(w[0] for w in name.lower().split()) == short.lower()


def compared_with(rivals: list[tuple[str, str]]) -> str:
    """Why each rival is wrong: (rival, the option the notes compare it with) -> a sentence each."""
    return "".join(f" {rival}: the notes compare it with {other}, for another need." for rival, other in rivals)


# the second and first person as the third: the stem speaks of a developer throughout
_PERSONS = {a: b for a, b in (pair.split(":") for pair in (
    "you:they your:their yours:theirs yourself:themselves you're:they're you've:they've you'll:they'll you'd:they'd "
    "I:they me:them my:their mine:theirs myself:themselves I'm:they're I've:they've I'll:they'll I'd:they'd am:are").split())}
_PERSON = re.compile(r"\b(?:(?i:you(?:r|rs|rself|'re|'ve|'ll|'d)?|me|my|mine|myself)|(?<![\w/-])I(?:'m|'ve|'ll|'d|(?=\s+[a-z]))|(?<=\bI )am)(?![\w'])")  # not "Tier I", "I/O"


# "you" as an object ("moved for you", "lets you pick", "… than you."): "them", not "they"
_OBJECT_YOU = re.compile(r"\b((?:for|to|with|at|on|by|from|about|of|into|than|like|without|behind|lets|let|allows|allow"
                         r"|gives|give|tells|tell|shows|show|helps|help|sends|send|charges|bills)\s+)you\b(?!['’])"
                         r"|\byou(?=\s*(?:[.,;!?)]|$))", re.IGNORECASE)


def third_person(text: str) -> str:
    """ "when you need X", "when I just want X", "moved for you" -> "when they need X", "when they
    just want X", "moved for them"."""
    text = _OBJECT_YOU.sub(r"\1them", text)  # no group 1 at a clause's end: "them" alone
    return _PERSON.sub(lambda m: _PERSONS.get(m.group(0), _PERSONS.get(m.group(0).lower(), m.group(0))), text)


PRONOUN_END = re.compile(r"\b(?:it|them|this|that|those|these|one)[.?!]?$", re.IGNORECASE)
OPEN_END = re.compile(r"\b(?:for|to|of|with|on|in|at|by|from|and|or)[.?!]?$", re.IGNORECASE)  # "requires MFA for"


def situation(when: str) -> str:
    """What a rule's "when" clause says the developer faces: not the reason after a dash ("need full
    items — avoids fetches"), nor what follows an arrow after three words ("empty receives → always")."""
    told = re.split(r"\s[—–]\s", re.sub(r"^\s*(?:→|->|:|[—–])\s*", "", when))[0]  # "when → you need …": what follows
    before = re.split(r"\s(?:→|->)\s", told)[0]
    return before if len(before.split()) >= 3 else told


def terse(cue: str) -> bool:
    """A cue in the learner's shorthand, no situation to ask about: slashed alternatives ("memory /
    disk used on EC2", "WHO changed / deleted": reviewers kept 1 of 9), or fewer than four words
    ("need lower latency", "503 Slow Down", "customer-provided keys"); or a question of the learner's
    ("Which sources support DLQ/destinations on the ESM?"), no situation at all."""
    return " / " in cue or len(cue.split()) < 4 or QUESTION_WORD.match(cue.lstrip('"“')) is not None


def symptom(cue: str) -> bool:
    """A cue telling what goes wrong ("origin sends no-cache but CloudFront still caches"): its
    answer is the cause as often as the fix, nothing to use (round 39); "…, but still call AWS"
    asks for something."""
    return _SYMPTOM.search(cue) is not None


def prompts(cues: Sequence[str]) -> bool:
    """A self-quiz table's cues ("Cue | Notes"), no situations: one asks ("When do conflicts happen?")
    or most are labels ("Error when false", "Max expression length"); round 120 ("which should a
    developer use in this situation: 'Error for tx conflict'?")."""
    return any(c.strip('"').endswith("?") for c in cues) or sum(map(terse, cues)) * 2 > len(cues)


def untold(condition: str) -> bool:
    """Too short to be a situation ("for cross-account"), or one that points elsewhere ("expects it",
    "it says 'notify'", "it's infrequent AND re-creatable": reviewers kept none of 3)."""
    words = condition.split()
    return len(words) < 3 or re.split(r"['’]", words[0].lower())[0] in ("it", "this", "that") or len(words) <= 6 and PRONOUN_END.search(condition) is not None \
        or OPEN_END.search(condition) is not None


def balanced(text: str) -> str:
    """A clause without an aside left open ("hammers a downstream (e.g. an RDS" -> "hammers a downstream")."""
    while text.count("(") > text.count(")"):
        text = text[:text.rindex("(")].rstrip(" ,;")
    return text


def caveat(thing: str, when: str, line: str) -> bool:
    """ "pick SnapStart only if it is invoked often": a condition on the thing, not a choice of it."""
    return re.search(rf"{re.escape(thing)}\W+only\s+{when}\b", line, re.IGNORECASE) is not None


STATE = re.compile(r"n't\b|\b(?:it|that|there|this|what|here)['’]s\b|\b(?:is|are|was|were|still|broken|failed|succeeded|missing|must|may|might|has|have)\b",
                   re.IGNORECASE)  # "that's normal", "there's no native support": a clause


def usable(answer: str) -> bool:
    """An answer a developer could use ("worker env + cron"): no clause ("app isn't returning
    200", "must use the full ARN", "that's normal"), no outcome ("still Succeeded", "stop script broken") and no
    cause ("role missing ssm:GetParameters")."""
    return STATE.search(answer) is None


def in_words(option: str) -> bool:
    """ "JSON events", "PutItem overwrite", "batch APIs": words, one in lower case, no identifier; among
    API names they name no kind of theirs."""
    name = bare(option)
    return " " in name and not as_code(name) and _LOWER_WORD.search(name) is not None


def suffix_kind(names: list[str]) -> str:
    """What code names ending alike are ("exception" of "LimitExceededException" and
    "ValidationException", "error" of "…Error"); "term" when they do not end alike."""
    ends = set()
    for name in names:
        words = re.findall(r"[A-Z][a-z]+", name)
        if not words or not re.fullmatch(r"[A-Za-z]+", name) or not re.search(r"[a-z][A-Z]", name):
            return "term"
        ends.add(words[-1].lower())
    return ends.pop() if len(ends) == 1 and len(next(iter(ends))) >= 4 else "term"


def asking(stem: str) -> str:
    """A stem ended as a question, once: not '… "is it shared outside the org?"?'."""
    return stem if stem.endswith('?"') else f"{stem}?"
