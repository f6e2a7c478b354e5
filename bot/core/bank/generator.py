"""Questions generated from a group's own notes, in the shapes the exam uses.

The exam's shapes, each from a structure the notes already have:

- ``scenario``: a rule "use X when Y" / "X for Y" / "X – use it when Y" becomes
  "Which should a developer use when Y?", the options being the other things
  the notes give rules for beside it;
- ``choose-two``: a list ("Poll-based sources: SQS, Kinesis, DynamoDB Streams")
  becomes "Which TWO of these are poll-based sources?", the wrong options being
  items of the notes' lists of the same kind ("Push-based sources") or of the list
  of what lacks the property ("Retryable" beside "NOT retryable as-is");
- ``definition``: "Which term is described as …?" over "Term – description" lines and
  prose definitions, the wrong options the terms beside it, written as it is;
- ``number``: an amount with a unit the notes use ("15 minutes", "256 KB")
  blanked, the other options being amounts of that unit from the notes, or
  round values of it; never an invented status code or id;
- ``true-statement``: four such figures of one section, three changed to another
  amount of their unit (``bot.core.bank.statements``; not from swapped definitions or
  table cells, which reviewers read as give-aways);
- from a table (``bot.core.bank.tables``): "which one matches this cell" when it
  compares four things or more, choose-two when two of five or more share a cell,
  and "which <name> is listed for <row>" in a two-column table of names;
- ``definition`` also from a statement under a label or heading ("which … does this
  describe?", ``bot.core.bank.statements``) and from the learner's own flashcards
  answered by a name; ``scenario`` also from the notes' lists of exam cues and
  "situation → thing" lines, their other answers the wrong options
  (``bot.core.bank.kinds``).

Every candidate then passes the quality gate (``bot.core.bank.gate``); only those
that pass are served. Ids hash the passage id, the shape and the fact, so a
question keeps its id (and its learners' history) when the notes around it
change; the same notes always give the same questions.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Mapping, Sequence

from bot.core.bank.questions import BLANK, answer_key, digest, drilled, log_labels, missed, misses, pick, practiced, single
from bot.core.bank.gate import GIVES_AWAY, binary, check, sayings
from bot.core.bank import statements, tables
from bot.core.bank.statements import Figure
from bot.core.bank.quantities import POSSESSIVE, amount, counted_by_label, dated, numbers_in, unit_key, versioned
from bot.core.bank.kinds import (
    VERSUS_WORD, Kinds, abbreviates, against, balanced, compared_with, comparisons, contrasts, negated, rules_in, situation,
    untold, terse, caveat, solution, scenario_lists, PLUS, CUES, cued, cued_two, carded, alternatives,
    usable, suffix_kind, asking, third_person, prompts, symptom,
)
from bot.core.lookup import lexicon as lexicons
from bot.core.lookup import learn, notes, stem
from bot.core.bank.questions import BankQuestion
from bot.core.bank.stems import (
    INLINE_CARD, NEXT_TERM, PATH, QUIZ_SETUP, WHEN, Cleaner, card_answer, clause, elliptic, named_first, named_in, two_asked, said_words, spoken, subject, told, unbracketed,
    unlabelled,
)
from bot.core.bank.lines import (
    Line,
    decked,
    headed,
    alike,
    MAKER,
    as_code,
    AMOUNT,
    CLAUSE,
    COUNT,
    DANGLING,
    DEFINES,
    LEAD,
    BULLET,
    PERSONAL,
    PRONOUNS,
    RULE_AFTER,
    RULE_ASKED,
    REPLY_START,
    CARD_ANSWER,
    CARD_QUESTION,
    RULE_START,
    VERB,
    FIGURE,
    VALUE_START,
    bare,
    bullet_lists,
    distinct,
    inline_items,
    key,
    lines,
    spells_out,
    listed,
    lower,
    mentions,
    overlap,
    sentences,
    under,
    value_label,
    unrestated,
    QUOTED,
    cues,
    variant,
    written,
)

FRAGMENT = 4  # words: a statement to complete with fewer, besides its blank, is a fragment of the notes
MIXED = 5  # a list leading to a cause or an outcome every this many answers mixes kinds
NEAR = math.log(16)  # a wrong amount from the notes is within 16 times the answer, or it is no temptation
FACETS = 2  # statements a label's question may ask, its first ones (later bullets add detail, not what it is)
_NAMED = re.compile(r"\w[A-Z]|[A-Z]{2}|\d|_|::|\.\w|--")  # "CMK", "ExposeHeaders", "S3", "cfn-init"
# words with an identifier among them ("MaximumMessageSize topic attribute"); an acronym alone
# in words is the notes' label as often as a name ("JSON size gotcha", "ECS needs", "API shape")
_CODED = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]|\d|_|::|\.\w|--")
_WORDS = re.compile(r"[a-z0-9]+")  # a text's words, in lower case
_LABELLED = ":"  # how a line leads with a label ("Reuse: launch a NEW env from it")
STATUS = re.compile(r"[1-5]\d\d")  # "429 – throttled": an HTTP status code names what it means
CODED = "status code"  # what a list of them is
ERRORS = range(400, 600)  # "the transient Lambda 500s", "429s": responses by their code, no durations
_LISTED = ", "  # "→ standalone, reboots, replication ends" (round 186): outcomes listed, no one thing to use
_NEED = re.compile(r'^(["“][^"”]+["”])\s*(?:→|->|=>)\s*\?$')  # a flashcard asking '"Reject any non-TLS request" → ?'
# "86,400 seconds (one day)", "(2 h is under the 12 h max)": a card's figure said again; not "SigV4 (Signature Version 4)"
_AMOUNT_BRACKETED = re.compile(r"\([^)]*(?:\d[\d,.]*\s?[A-Za-z%]|\b(?:one|two|half)\b)")
CLOSE = 0.05  # a wrong amount nearer the answer than this (log ratio: 5%) may be true too: 30 s beside 29 s
TEMPLATE = 4  # a one-word lead this many lines share labels a template ("Cause:", "Fix:", "Symptom:")
NUMBERS = 2  # number questions a passage gives at most, one a line
FACT_WORDS = 3  # words before its blank that, with its answer, say which fact a number question asks
CARD_TEXT = 7  # characters of a card's answer at least, as a LEAD's text ("10 s" alone: no statement to complete)
VALUE_WORDS = 8  # a description this short with an amount in it is a value ("up to 128 characters") ...
VALUE_SHARE = 0.2  # ... and one with this share of its words figures ("3 retries, 20 seconds apart; max 3,600 s")
PICK_WORDS = 3  # words of a line's label at most ("I picked:", "Wrong answer:"), no sentence with a colon
FACT_LIST, LED_SHARE = 5, 0.5  # a list of this many items or more, under this share led by a term, lists facts
LIST_SHARE = 0.7  # numbered items are one list of definitions when this share of the section is
_ROUND = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 15, 16, 20, 24, 25, 30, 32, 40, 45, 48, 50, 60, 64, 90,
          100, 120, 128, 200, 250, 256, 300, 365, 400, 500, 512, 600, 900, 1000, 1024, 2000, 3000,
          3600, 5000, 10000, 10240)


REPEATED = "another question has its answer and its options"
_OWN = re.compile(r"(?<![\w/.])(?:I(?:['’]\w+)?|[Mm]y)\s")  # "causes I keep a list of", "my picks": the learner's talk


def generate(passages: Sequence[notes.Passage], lexicon: lexicons.Lexicon | None = None) -> list[BankQuestion]:
    """The generated questions that pass the quality gate, in passage order."""
    return [q for q, problems in candidates(passages, lexicon) if not problems]


def candidates(passages: Sequence[notes.Passage], lexicon: lexicons.Lexicon | None = None
               ) -> list[tuple[BankQuestion, list[str]]]:
    """Every question the notes could give, each with what the gate finds wrong with it."""
    lexicon = lexicons.shipped() if lexicon is None else lexicon
    passages = decked(list(passages))  # "front;;back [tags]": a deck's cards, read as Anki's "front :: back"
    maker = _Maker(passages, lexicon)
    out: dict[str, tuple[BankQuestion, list[str]]] = {}
    # a question the notes ask twice (a rule, then its exam cue) is served once, as the exam cue
    # when one is ("in this situation: 'too many connections'"): (answer, options) -> its id
    asked: dict[tuple, str] = {}
    told: set[tuple] = set()  # (section, answer) of the number questions kept: one fact is asked once
    stems: set[str] = set()
    for p in passages:
        for q in maker.questions(p):
            if q.id not in out:
                q = maker.makers_dropped(q)
                q, problems = maker.unnamed(p, q, check(q, maker.context))
                same = (q.correct, frozenset(q.options))
                said = (q.correct, q.quoted or q.id)
                figure = (q.topic, maker.amount_key(q.correct[0])) if q.shape == "number" else None  # "24h", "24 hours"
                # "visibility timeout: default _____" in two sections: one fact, asked once in the notes
                fact = (figure[1], *_WORDS.findall(q.stem.split(BLANK)[0].lower())[-FACT_WORDS:]) if figure else None
                if not problems and (figure in told or fact in told or q.stem in stems):  # one stem, one question
                    problems = [REPEATED]
                elif not problems and figure and fact:
                    told |= {figure, fact}
                if not problems and (same in asked or said in asked):
                    first = asked.get(same) or asked[said]  # the same line quoted: the first, the rule, stays
                    if same in asked and QUOTED in q.stem and QUOTED not in out[first][0].stem:
                        out[first] = (out[first][0], [REPEATED])
                        asked[same] = asked[said] = q.id
                    else:
                        problems = [REPEATED]
                elif not problems:
                    asked[same] = asked[said] = q.id
                out[q.id] = (q, problems)
                if not problems:
                    stems.add(q.stem)
    return list(out.values())


@dataclass
class Context:
    """What the gate needs to know of the notes: their numbers, labels and passages."""

    numbers: set[str]
    labels: frozenset[str]
    asides: frozenset[str]
    passages: dict[str, object]
    concepts: Mapping[str, tuple[str, ...]]
    kinds: Callable[[str], set[str]]
    sayings: Mapping[str, list[str]]
    measures: tuple[frozenset[str], ...]
    prefixes: frozenset[str]


class _Maker:
    def __init__(self, passages: list, lexicon: lexicons.Lexicon):
        text = "\n".join(p.text for p in passages)
        self.clean = Cleaner(lexicon, text)
        self.labels = lexicon.labels
        self.recaps = lexicon.recaps
        self.refuted = lexicon.refuted
        self.outline = lexicon.outline
        self.prompts = lexicon.prompts
        self.causes = lexicon.causes
        self.meanings = lexicon.meanings
        self.remedies = lexicon.remedies
        self.answered = answer_key(passages)  # a quiz's answer key apart: "Q7 - b. because …" (round 176)
        self.discards = lexicon.discards
        self.followups = lexicon.followups
        self.aspects = lexicon.aspects | lexicon.labels | lexicon.figures
        self.dated = lexicon.dated
        self.passages = passages
        self.sizes = Counter(p.section for p in passages)
        self.sections = Counter(f for f, _ in {(p.file, p.section) for p in passages})  # a file's one section is its title's
        self.values = lexicon.values
        self.asides = lexicon.asides
        self.stop = lexicon.stopwords
        self.figure_words = lexicon.figures
        self.failure_words = lexicon.failures
        self.measures = (lexicon.durations, lexicon.sizes)  # as statements.QUANTITIES names them
        # not a line the notes mark as a wrong pick, nor a practice question's choice (wrong ones state no fact)
        drills = {p.id: drilled(p) for p in passages}
        logged = log_labels((p.text for p in passages), lexicon.lessons, lexicon.picks, lexicon.corrections)
        self.missed = [miss for p in passages for miss in misses(p, logged)]
        self.lines = {p.id: [Line(p, t, i, g) for i, (t, g) in enumerate(
            (t, g) for t, g in lines(p.text, lexicon.prompts) if not self._wrong_pick(t) and t not in drills[p.id])]
            for p in passages}
        self.sentences = {p.id: [Line(p, s, line.number, line.group) for line in self.lines[p.id]
                                 for s in sentences(line.text)]
                          for p in passages}
        taught = learn.lexicon(passages, lexicon).concepts  # "LA" the notes define as "Lambda authorizer"
        concepts = {**taught, **lexicon.concepts}  # the lexicon's, and the acronyms the notes define ("SRP")
        self.context = Context(
            numbers=set(re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))),
            # a word asking for a figure ("Limits", "Default") labels a row, answering nothing ("min" is a unit)
            labels=lexicon.labels | (lexicon.figures - lexicon.units), asides=lexicon.asides,
            passages={p.id: p for p in passages},
            concepts=concepts, kinds=lambda term: self.kinds.of(term), sayings=sayings(concepts),
            measures=self.measures, prefixes=lexicon.prefixes)
        # only units the lexicon knows: a count noun the notes happen to use twice ("trips") asks
        # the learner to count what the stem lists
        self.units = {u.lower() for u in lexicon.units}
        # and what the notes count against a limit ("up to 5 targets", "max 2 versions"): a unit of theirs
        self.units |= {w.lower() for w in statements.LIMITED.findall(text)} - lexicon.stopwords - lexicon.labels \
            - lexicon.asides - PERSONAL
        self.units -= lexicon.lengths  # "queue name up to 80 chars": a name's length is no exam fact
        self.known = frozenset(lexicon.concepts) | lexicon.names
        self.names = lexicon.names
        # a word leading line after line ("Cause: …", "Fix: …") labels the notes' template, naming nothing
        leads = Counter(key(m.group(1)) for ls in self.lines.values() for x in ls if (m := LEAD.match(x.text)))
        # ("Limit: default 30 s" line after line): such a label, a plain word, says nothing its line does not;
        # "async:" before "max event age – 6 h" says which max event age
        # and so do the headings every entry of a log repeats ("Symptom", "Root cause", "Fix" of each ticket)
        titles = Counter(key(p.heading[-1]) for p in passages if len(p.heading) > 1)
        # or the line over each entry's list ("What the right answer relies on:" in each, round 170)
        titles += Counter(key(x.text) for ls in self.lines.values() for x in ls if x.text.endswith(_LABELLED))
        self.template = frozenset(t for t, n in (leads + titles).items() if n >= TEMPLATE and all(map(str.isalpha, t.split()))
                                  and t not in self.known) - lexicon.labels  # not "Ex:", an example's figures
        self.labels = self.labels | self.template
        self._subjects: dict[str, str] = {}  # a document's title -> the one service it names
        self._things: dict[tuple[str, bool], bool] = {}
        self.kinds = Kinds(lexicon.families, concepts, self.clean.english, frozenset(taught))
        self._places: dict[str, list[int]] | None = None  # word -> where the notes write it (``_uses``)
        self._sequence: list[str] = []
        self.headings: dict[str, set[str]] = defaultdict(set)  # section -> its headings' words
        self._heads: list[tuple[str, set[str]]] | None = None  # (heading, its sections), sorted
        for p in passages:
            self.headings[p.section].update(key(h) for h in p.heading)
        self.text = text
        # figures the notes write bare, with no unit after them ("HTTP 429"): read once, not per question
        # (or before a name: "429 TooManyRequestsException" makes "429s" no duration)
        self.bare_numbers = Counter(m.group(1) for m in re.finditer(
            r"(?<![\w.,])(\d+(?:\.\d+)?)(?![\d.,])(?:\s?([A-Za-z%]+))?", text.replace(",", ""))
            if not m.group(2) or m.group(2).lower() not in self.units)  # "HTTP 400 and …": no unit after it
        self.amounts: dict[str, list[tuple[str, float, str]]] = defaultdict(list)  # unit -> (pid, value, text)
        self.defs: dict[str, list[tuple[str, str, Line]]] = defaultdict(list)  # section -> (term, text, line)
        self.rules: dict[str, list[tuple[str, str, str, Line]]] = defaultdict(list)  # section -> (x, when, y, line)
        self.lists: dict[str, list[tuple[str, list[str], Line]]] = defaultdict(list)  # section -> (label, items)
        self.mates: dict[str, list[tuple[str, str, Line]]] = defaultdict(list)  # passage id -> terms not asked
        passed_over: list[tuple[str, str]] = []  # "choose X over Y if …": (X, Y)
        self.passes_over: dict[str, str] = {}  # key(X) -> key(Y) of such a rule
        self.plain_leads: dict[tuple[str, str], list[tuple[str, str, Line]]] = defaultdict(list)
        self.refuting = {p.id: self._refuting(p) for p in passages}
        self._filed: dict[str, list[tuple[str, str, Line]]] = {}  # file -> its flashcards answered by a name
        self._facts: dict[tuple[str, str], bool] = {}  # (passage id, group) -> a list of facts, no glossary
        for p in passages:
            for line in self.lines[p.id]:
                self._harvest(p, line)
            # a glossary of terms on lines of their own, each over its bullets ("**Alias**", then "- A named
            # pointer to ONE version"): the first bullet defines it, the glossary's terms one list (round 123);
            # not a timeline's "**T+0:01**", nor a flashcard's "→ 10 minutes." over its next question
            here = self.lines[p.id]
            entries = [(term, first) for title, first in zip(here, here[1:])
                       if not title.group.endswith(BULLET) and first.group.endswith(BULLET) and not first.numbered
                       and title.text[:1].isalnum() and not LEAD.match(title.text) and not CARD_QUESTION.match(first.text)
                       and self._term_ok(term := bare(title.text))
                       and any(w.isalpha() and len(w) > 2 for w in key(term).split())]
            # not "**Grant token**" over "- grants are eventually consistent …": a bullet about the entry it is part of
            single = {stem(key(t)) for t, _ in entries if len(key(t).split()) == 1}
            entries = [(t, f) for t, f in entries
                       if not ((words := key(f.text).split()) and len(named := key(t).split()) > 1
                               and stem(named[0]) in single and stem(words[0]) == stem(named[0]))]
            for term, first in entries if len(entries) >= CUES else ():
                self._lead(p, term, first.text, replace(first, group=BULLET))
            for sentence in self.sentences[p.id]:
                rules = [(self._unqualified(x), when, y, rival) for x, when, y, rival
                         in rules_in(sentence.text, self.labels | self.asides)
                         if self._term_ok(self._unqualified(x), named_only=False)]
                for x, when, y, rival in rules:
                    self.rules[p.section].append((x, when, y.strip().rstrip("."), sentence))
                    if rival and self._term_ok(rival := self._unqualified(rival), named_only=False):
                        passed_over.append((x, rival))
                        # "LSI if …, otherwise GSI" pairs LSI with GSI ("S3 over a layer" keeps S3 in its list);
                        # "otherwise GSI", not "otherwise just bundle them"
                        if self._thing(rival) and "otherwise" in sentence.text.lower():
                            self.passes_over[key(x)] = key(rival)
                if not rules and (said := DEFINES.match(sentence.text)) and not LEAD.match(sentence.text):
                    self._define(p, said, sentence)
            for label, items, line in bullet_lists(p, self.lines[p.id]):
                if self._term_ok(label) or negated(label):
                    self.lists[p.section].append((label, items, line))
        for found in self.plain_leads.values():  # "sam init", "sam build", "sam deploy": a family of names
            opening = Counter(t.split()[0].lower() for t, _, _ in found)
            for term, text, line in found:
                if opening[term.split()[0].lower()] >= 3:
                    self._things[term, False] = self._things[term, True] = True  # a name, as its family shows, though written once
                    self._lead(line.passage, term, text, line)
        # each passage's definitions, and each section's first lines that define (numbered items):
        # looked up per passage, so a one-section notes file of any size is read in linear time
        self.defs_of: dict[str, list[tuple[str, str, Line]]] = defaultdict(list)
        self.firsts: dict[str, list[tuple[str, str, Line]]] = defaultdict(list)
        for section, found in self.defs.items():
            for t, d, line in found:
                self.defs_of[line.passage.id].append((t, d, line))
                if line.number == 0:
                    self.firsts[section].append((t, d, line))
        # a run of numbered items, each its own passage, each defining its term in its first line
        # ("1. Pre sign-up → validate sign-ups", "2. Post confirmation → welcome email"): siblings
        self.run_of: dict[str, list[tuple[str, str, Line]]] = {}
        self.run_by_term: dict[str, list[tuple[str, str, Line]]] = {}  # a run's term (``key``) -> the run
        self._figured: dict[str, list[Figure]] = {}  # passage id -> its figures, found once
        self.passages = passages
        self._written: tuple[Counter, Counter] | None = None  # (words as written, capitalised mid-sentence)
        # a list of quoted exam cues, each with what it leads to ("payload 5 MB" → S3 + pointer):
        # passage id -> line group -> (solution, cue, line); a solution "" is none to ask or offer
        self.cued: dict[str, dict[str, list[tuple[str, str, Line, str]]]] = defaultdict(dict)
        self.short_cues: set[tuple[str, str]] = set()  # (passage id, group) of a few marked scenarios
        for p in passages:
            found, short = scenario_lists(self.lines[p.id], self._thing, lambda t: self._term_ok(t) and self._thing(t),
                                          self.clean.unlabelled)
            # a self-quiz table's prompts ("Cue | Notes": "Error for tx conflict") are no situations to use a thing in
            found = {group: cued for group, cued in found.items()
                     if not (cued[0][2].prompted and prompts([c for _, c, _, _ in cued]))}
            self.cued[p.id].update((group, cued) for group, cued in found.items() if group not in self.refuting[p.id])
            self.short_cues |= {(p.id, group) for group in short if group not in self.refuting[p.id] and group in found}
        self.cue_pool: dict[str, list[str]] = defaultdict(list)  # document -> every answer of its marked scenarios
        for pid, group in sorted(self.short_cues):
            self.cue_pool[self.cued[pid][group][0][2].passage.file] += [s for s, _, _, _ in self.cued[pid][group] if s]
        self._facets: dict[str, list[tuple[list[tuple[str, list[str]]], bool]]] | None = None
        self._said: dict[int, dict[str, list[str]]] = {}  # id of a group of labels -> what is said of each
        first_of = {line.passage.id: (t, d, line) for found in [*self.firsts.values(), *self.mates.values()]
                    for t, d, line in found if line.number == 0}
        run: list[tuple[str, str, Line]] = []
        for p in [*passages, None]:
            item = first_of.get(p.id) if p is not None else None
            if p is not None and item and run and run[-1][2].passage.section == p.section:
                run.append(item)
                continue
            # written as most of the run is ("Pre sign-up", not "custom auth challenge trio")
            capital = Counter(t[:1].isupper() for t, _, _ in run).most_common(1)[0][0] if run else True
            run = [member for member in run if member[0][:1].isupper() == capital]
            for member in run if len(run) >= 3 else ():
                self.run_of[member[2].passage.id] = run
                self.run_by_term[key(member[0])] = run
            run = [item] if item else []
        # "SnapStart vs PC" (a heading or a line's lead): each is the other's rival, a wrong option of its kind
        self.rivals: dict[str, dict[str, str]] = defaultdict(dict)  # key(thing) -> key(rival) -> rival as written
        for p in passages:
            texts = [*p.heading, *(line.text for line in self.lines[p.id])]
            for a, b in comparisons(self.clean.clean(t) for t in texts if VERSUS_WORD.search(t)):
                passed_over.append((self._unqualified(a), self._unqualified(b)))
        for a, b in passed_over:
            if self._thing(a) and self._thing(b):
                self.rivals[key(a)][key(b)] = b
                self.rivals[key(b)][key(a)] = a
        self.rules_of: dict[str, list[tuple[str, str, str, Line]]] = defaultdict(list)
        for found_rules in self.rules.values():
            for rule in found_rules:
                if rule[0].lower() not in PRONOUNS:  # "Use it for INSERT/UPDATE": "it" is no thing to use
                    self.rules_of[rule[3].passage.id].append(rule)
        for p in passages:  # "### Integration types" over three defined terms is a list too
            terms = [(t, line) for t, _, line in self.defs_of.get(p.id, [])]
            title = self.clean.clean(p.heading[-1])
            if len(terms) >= 3 and title.lower().endswith("s") and len(title.split()) <= 4 and self._term_ok(title):
                self.lists[p.section].append((title, distinct([t for t, _ in terms]), terms[0][1]))
        self.listed = {line.passage.id for found in self.lists.values() for _, _, line in found}
        self.of_section: dict[str, list] = defaultdict(list)  # section -> its passages, in order
        for p in passages:
            self.of_section[p.section].append(p)
        self.first_of = {section: ps[0].id for section, ps in self.of_section.items()}

    # --- what the notes hold ----------------------------------------------------

    def _harvest(self, p, line: Line) -> None:
        for value, unit, _ in self._amounts(line.text):
            self.amounts[unit_key(unit)].append((p.id, value, unit))
        asked = RULE_ASKED.match(line.text)
        if asked and self._term_ok(asked.group("x"), named_only=False):
            self.rules[p.section].append((asked.group("x").strip(), "when", f"you need {asked.group('y').strip()}", line))
            return
        rule = RULE_AFTER.match(line.text)
        if rule and self._term_ok(rule.group("x"), named_only=False):
            self.rules[p.section].append((rule.group("x").strip(), rule.group("when").lower(),
                                          rule.group("y").strip().rstrip("."), line))
            return
        # not "expected", nor a cue in shorthand or telling a symptom, nor a refuted claim
        found = [(x, y) for x, y in cues(line.text)
                 if self._term_ok(x, named_only=False) and solution(x) and not terse(y[1:-1]) and not symptom(y)
                 and line.group not in self.refuting[p.id]]
        for x, y in found:
            self.rules[p.section].append((x, QUOTED, y, line))
        if found:
            return
        lead = None if " | " in line.text else LEAD.match(line.text)
        if lead and line.prompted and not as_code(lead.group(1)):
            return  # a cue asks ("Format", "API flow"); only a name written as code is a term there ("ExposeHeaders")
        if lead and not self._term_ok(term := bare(lead.group(1))) and self._term_ok(term, named_only=False):
            self.plain_leads[(p.id, line.group)].append((term, lead.group(2), line))  # "sam build – …": a name
            return  # only beside others opening alike ("sam init", "sam deploy")
        if not lead or not self._term_ok(term := bare(lead.group(1))) or self._arrived(lead) or self._adds_to(line, lead) \
                or self._among_facts(line):
            return
        self._lead(p, term, lead.group(2), line)

    def _among_facts(self, line: Line) -> bool:
        """ "2. ECS: X-Ray permissions go on the task role" in a list of gotchas most of whose items
        lead with no term: its lead-in says what the gotcha is about; a glossary's entries lead with theirs."""
        if not line.numbered:
            return False
        found = (line.passage.id, line.group)
        if found not in self._facts:
            items = [x for x in self.lines[line.passage.id] if x.group == line.group]
            # an entry leads with its term ("`LATEST` = only new records") or is the term alone ("`AT_TIMESTAMP`")
            led = sum(1 for x in items if self._term_ok(bare((m := LEAD.match(x.text)) and m.group(1) or x.text),
                                                         named_only=False))
            self._facts[found] = len(items) >= FACT_LIST and led / len(items) < LED_SHARE
        return self._facts[found]

    def _wrong_pick(self, text: str) -> bool:
        """ "I picked: EB takes up to 24h to activate", "Wrong answer: 24h": a label saying the line is
        a claim the notes refute (a mistakes log's wrong pick), no fact to ask."""
        label, labelled, _ = text.partition(_LABELLED)
        return bool(labelled) and len(label.split()) <= PICK_WORDS and not self.refuted.isdisjoint(_words(label))

    def _adds_to(self, line: Line, lead: re.Match) -> bool:
        """ "Reuse: launch a NEW env from it" right under "Saved configuration (SC) - YAML template
        of …", where the paragraphs' entries are led "Term - …": a plain word labelling the line under
        an entry adds to that entry (how it is reused); it names no term of its own."""
        if not line.number or line.group.endswith(BULLET) or bare(lead.group(1)).lower() not in self.clean.english:
            return False  # one plain word ("Reuse"), not a name ("Trace map", "Lazy loading (cache-aside)")
        above = self.lines[line.passage.id][line.number - 1]
        led = Counter(_led_by(m) for x in self.lines[line.passage.id]
                      if x.group == line.group and (m := LEAD.match(x.text)))
        usual = max(led, key=led.__getitem__)
        entry = LEAD.match(above.text) if above.group == line.group else None
        # led otherwise than the entries: "Reuse: …", "**Indexed** -> usable in filter expressions" under "**Annotation** - …"
        return entry is not None and led[usual] >= 2 and _led_by(entry) == usual != _led_by(lead)

    def _refuting(self, p) -> set[str]:
        """The groups of ``p``'s lines listing claims the notes refute ('"retention is set per log
        stream" → no, per log group' under "common wrong answers"): a quote there is a wrong claim
        and its arrow the correction, no situation to quote and its answer."""
        here = self.lines[p.id]
        return {line.group for line in here if (line.number == 0 or here[line.number - 1].group != line.group)
                and headed([here[line.number - 1].text if line.number else p.heading[-1]], self.refuted)}

    def _arrived(self, lead: re.Match) -> bool:
        """ "Kinesis consumer lagging -> raise ParallelizationFactor": a situation the arrow leads
        from (three words or more, no status code, no name the notes use again or the lexicon knows, as a
        concept or one of a family), no term."""
        words = key(lead.group(1))
        return (statements.SHORTHAND.search(lead.string[lead.end(1):lead.start(2)]) is not None and len(words.split()) >= 3
                and words not in self.known and not self.kinds.of(bare(lead.group(1))) and self._uses(words) < 2
                and not STATUS.match(lead.group(1)))  # "502 Bad Gateway", "Pre token generation": names

    def _lead(self, p, term: str, text: str, line: Line) -> None:
        """ "Term – description": a definition, a list written on one line, or a term too tersely
        described to ask (still one of its list's terms for wrong options); not a label over a
        quoted exam cue ('GW: "table needs a sort key" -> …')."""
        if cues(text):
            return
        items = inline_items(text)
        if items:
            self.lists[p.section].append((term, items, line))
            return
        if len(text.split()) >= 4 and not VALUE_START.match(text):
            first = _first_sentence(text)
            # "SQS, SNS or S3. For SQS/SNS …": a list of names describes nothing
            if len(first.split()) >= 3 and not DANGLING.search(first) and first.count("(") == first.count(")") \
                    and not inline_items(first):
                self.defs[p.section].append((term, first, line))
                return
        # "IN_SYNC – matches": too short to ask, still one of the list's terms for wrong options
        if not VALUE_START.match(text) and not FIGURE.search(text):
            self.mates[p.id].append((term, text, line))

    def _unqualified(self, x: str) -> str:
        """A rule's thing without the words that only qualify it: "SnapStart only" is SnapStart."""
        words = x.strip().split()
        if len(words) > 1 and words[-1].lower() in self.stop and words[-2].lower() not in self.stop:
            words.pop()  # not "all at once": its last two words are both small words
        return " ".join(words)

    def _define(self, p, said: re.Match, sentence: Line) -> None:
        """ "An alias is a named pointer to a version": a definition written as prose. Without an
        article the subject must be a name (``$LATEST``), not the start of a clause."""
        term, text = said.group("term"), said.group("text").rstrip(".")
        first = _first_sentence(text)
        if self._term_ok(term, named_only=not said.group("article")) and len(first.split()) >= 4 \
                and not DANGLING.search(first) and first.count("(") == first.count(")"):
            self.defs[p.section].append((term, first, sentence))

    def _term_ok(self, term: str, named_only: bool = True) -> bool:
        """A name of something: a few words, no label, no clause ("Not everything is namespaced"),
        no comparison ("In-place vs blue/green"), no phrase ("Fully managed build service")."""
        words = _WORDS.findall(term.lower())
        # "Fully managed build service" is a phrase; "my words: …" the note-taker's label (round 169)
        named = not words or not words[0].endswith("ly") and words[0] not in POSSESSIVE
        # a name has a capital, a digit or a word of its own ("secrets", "batch size" label a line)
        named = named and (not named_only or any(c.isupper() or c.isdigit() or c == "_" for c in term)
                           or any(w not in self.clean.english for w in words))
        # "Exam scenario 4", "Step 3", "Q7" (a learner's own quiz, round 176): a part of the notes, numbered
        parts = re.findall(r"[a-z]+|\d+", term.lower())
        lettered = {w for w in parts if not w.isdigit()}
        numbered = lettered != set(parts) and lettered <= self.labels | self.asides | self.outline
        return (0 < len(words) <= 4 and named and not set(words) <= self.labels | self.asides and not numbered
                and key(term) not in self.template  # a lead or title every entry repeats ("Decision rules", "My first answer")
                and re.search("[A-Za-z]", term) is not None and len(term.strip()) >= 2 and "?" not in term
                and (not term.strip().isdigit() or STATUS.fullmatch(term.strip()) is not None) and CLAUSE.search(term) is None)

    def _thing(self, term: str, defined: bool = False) -> bool:
        """A term worth an option: something the exam could name, not a label the note-taker
        gave a bullet ("Local cache", "Upload gotcha"). It is one when the lexicon knows it,
        it is written as a name (code, CamelCase, an acronym, a digit), or the notes use it
        again beyond the line that introduces it. A term ``defined`` ("Term: description") in
        words is a name only with an identifier among them: an acronym there labels a bullet as
        often as it names a thing ("JSON size gotcha", "ECS needs")."""
        if (term, defined) not in self._things:
            words = key(term)
            self._things[term, defined] = (
                words in self.known or words.replace(" ", "") in self.known
                or (_CODED if defined and len(term.split()) > 1 else _NAMED).search(term) is not None
                or self._uses(words) >= 2)
        return self._things[term, defined]

    def _uses(self, words: str) -> int:
        """How often the notes write these words in a row (``key`` form), at most 2: each word's
        places are listed once, so asking costs the first word's uses, not the notes' length."""
        if self._places is None:
            self._sequence = _WORDS.findall(self.text.lower())
            self._places = defaultdict(list)
            for at, word in enumerate(self._sequence):
                self._places[word].append(at)
        parts = words.split()
        found = 0
        for at in self._places.get(parts[0], ()) if parts else ():
            if self._sequence[at:at + len(parts)] == parts:
                found += 1
                if found >= 2:
                    break
        return found

    def _heads_elsewhere(self, term: str, section: str) -> bool:
        """``term`` opens a heading of another section ("Secrets Manager" of "Secrets Manager vs
        SSM Parameter Store"): the notes treat it as a topic of its own. A plain English word
        ("Policy") opens headings by chance."""
        name = key(term)
        if not name or " " not in name and name in self.clean.english:
            return False
        if self._heads is None:  # every heading once, sorted: the ones a name opens sit side by side
            sections_of: dict[str, set[str]] = defaultdict(set)
            for s, hs in self.headings.items():
                for h in hs:
                    sections_of[h].add(s)
            self._heads = sorted(sections_of.items())
        at = bisect.bisect_left(self._heads, (name,))
        while at < len(self._heads) and self._heads[at][0].startswith(name):
            if self._heads[at][1] - {section}:
                return True
            at += 1
        return False

    def _of_something(self, blanked: str) -> bool:
        """A blanked line says what its figure is of: a word beside the figures that is no
        "default", "max", unit or filler ("Default ___, up to 8,760 hours" says nothing of it),
        and two of them before the blank: "Max ___ per function" is a note, not a sentence (4 of
        17 such kept by reviewers)."""
        words = set(_words(blanked))
        label = re.match(r"\s*([A-Za-z][\w ]{1,30}):", blanked)  # "Parts: … max ___": parts are what it counts
        named = set(_words(label.group(1))) if label else set()
        return (not words <= self.figure_words | self.stop | self.units or not named <= self.figure_words | self.stop) \
            and len(_words(blanked.split(BLANK)[0])) >= 2

    def _subjectless(self, blanked: str) -> bool:
        """Only figure words before the blank ("up to ___ per metric", "Default up to ___ per
        cluster"): the figure's unit is all that says what it counts."""
        return set(_words(blanked.split(BLANK)[0])) <= self.figure_words | self.stop

    def _counted(self, unit: str) -> bool:
        """A unit that counts things ("dimensions", "rules", "targets"), not one measuring a
        time or a size."""
        return unit.isalpha() and unit.islower() and not any(unit in m or unit_key(unit) in m for m in self.measures)

    def _names_something(self, text: str) -> bool:
        """The sentence names what its figure is about: a term the lexicon knows or a name
        written as one (code, CamelCase, an acronym), not only "Default is 7 days"."""
        words = re.findall(r"[A-Za-z0-9@._:-]+", text)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = key(" ".join(words[i:i + n]))
                if phrase in self.known or phrase.replace(" ", "") in self.known:
                    return True
        if any(self.kinds.of(w) for w in words if w[:1].isupper()):
            return True  # "Encrypt max is 4,096 bytes": a KMS API, as the lexicon's kinds know it
        return any(re.search(r"\w[A-Z]|^[A-Z]{2,}|[A-Za-z]\d|_|::|@", w) for w in words)

    def _amounts(self, text: str) -> list[tuple[float, str, re.Match]]:
        out = []
        for m in AMOUNT.finditer(text):
            unit = m.group(2)
            before = text[:m.start()].rstrip()
            if unit.lower() not in self.units or before.endswith(("$", "v")) or re.search(r"\d\s*[-–]$", before) or \
                    re.match(r"\s*[-–/]\s*\d", text[m.end():]) or versioned(text, m.start()):
                continue  # not a unit; a range "24-72 hours"; a price or a version
            out.append((float(m.group(1).replace(",", "")), unit, m))
        return out or counted_by_label(text, self.figure_words, lambda w: w not in self.stop and self._counted(w))

    @staticmethod
    def _value(text: str) -> bool:
        """ "up to 128 characters", "3 retries, 20 s apart": a value, not a description of a thing."""
        figures, words = len(FIGURE.findall(text)), len(text.split())
        return figures > 0 and (words <= VALUE_WORDS or figures / words >= VALUE_SHARE)

    def amount_key(self, answer: str) -> tuple:
        """ "24h" and "24 hours" are one amount: its figure and its unit (one with the lexicon's
        other names for it)."""
        m = AMOUNT.search(answer)
        return (m.group(1).replace(",", ""), self.values.get(m.group(2).lower()) or unit_key(m.group(2))) if m else (answer,)

    def _one_use(self, value: float) -> bool:
        """A figure the notes write with one meaning: "429s" (HTTP 429 responses) beside
        "HTTP 429" is no duration to ask or to offer as a wrong option."""
        return self.bare_numbers[f"{value:g}"] == 0

    # --- the questions --------------------------------------------------------------

    def questions(self, p) -> Iterable[BankQuestion]:
        yield from practiced(p, self.clean.clean, self.notes_on(p), self.answered, self.discards)  # the learner's own
        for at, miss in enumerate(self.missed):  # a mistakes log's questions, their picks and the other answers
            if miss.passage == p.id:
                others = [o for _, o in sorted(((abs(i - at), o) for i, o in enumerate(self.missed) if i != at),
                                               key=lambda near: near[0])]  # the nearest entries first
                if asked := missed(p, miss, others, self.clean.clean, self.notes_on(p)):
                    yield asked
        yield from self._scenarios(p)
        yield from self._cued(p)
        yield from self._choose_two(p)
        yield from self._statements(p)
        yield from self._numbers(p)
        yield from self._true_statements(p)
        yield from self._paired(p)
        yield from self._described(p)
        yield from self._carded(p)
        yield from self._clozed(p)
        for table in tables.tables(p.text, self.where(p), self.clean.clean, self.heads_rows):
            yield from tables.questions(p, table, self)
        for left, right, rows in tables.pairs(p.text, self.clean.clean):
            yield from tables.matched(p, left, right, rows, self)
        yield from tables.claimed(p, self.clean.clean, self, closing=self.of_section[p.section][-1] is p)

    def _named(self, item: str) -> bool:
        """The name of a thing: a capital inside it, a digit, code, or a word that is no English."""
        return (re.search(r"\w[A-Z]|\d|_", item) is not None
                or any(w not in self.clean.english for w in re.findall(r"[a-z]{3,}", item.lower())))

    def _statement(self, text: str) -> bool:
        """A fact stated in full: a sentence with its own subject, not a table row, a question,
        a fragment, a calculation, the learner's own talk ("I thought…", "the exam fav") or a
        figure given twice ("900 s (15 min)")."""
        return (len(text.split()) >= 6 and self._plain(text) and re.match(r"^(?:Q|A)\s*:", text) is None
                and text[:1].isupper() and text.split()[0].lower() not in PRONOUNS)

    def _fragment(self, text: str) -> bool:
        """What follows a label ("– up to 12 hours", "– default 8MB"): a value stated once, not a
        list of values, a table row, the learner's talk or a figure given twice ("(24 hours)")."""
        return 2 <= len(text.split()) <= 14 and self._plain(text) and ";" not in text

    def _plain(self, text: str) -> bool:
        """No table row, calculation, open end or the learner's own talk (a figure given again in
        brackets is dropped before: ``lines.unrestated``)."""
        words = set(re.findall(r"[a-z']+", text.lower()))
        return ("|" not in text and "=" not in text and not text.rstrip().endswith(("?", ":", ",", "("))
                and words.isdisjoint(self.asides | PERSONAL))

    def _kin(self, term: str, described: str, group: list[str], taken: list[str], section: str,
             alone: bool = False) -> list[str]:
        """Other members of ``term``'s kind for wrong options (``kinds.Kinds.others``), written as
        the notes write ``term`` ("long polling" beside "delay queue", not "Delay queue")."""
        found = self.kinds.others(term, described, group, taken, [t for t, _, _ in self.defs.get(section, [])], alone)
        return [self._lowered(k) for k in found] if term == term.lower() else found

    def _lowered(self, name: str) -> str:
        """ "Delay queue" as "delay queue"; a name stays ("Lambda event source mapping", "Kinesis Client
        Library"): its first word is no English word, or one the notes write with a capital more often."""
        first, *rest = name.split()
        if self._written is None:  # each word as the notes write it, and mid-sentence with a capital: read once
            self._written = (Counter(re.findall(r"(?<![\w:])[\w.-]+(?![\w:])", self.text)),
                             Counter(re.findall(r"(?<=[a-z,] )[A-Z][\w.-]*(?![\w:])", self.text)))
        spoken, capital = self._written
        named = re.split(r"\W", first.lower())[0] not in self.clean.english or capital[first] > spoken[first.lower()]
        return name if named or any(w != w.lower() for w in rest) else lower(name)

    def _label(self, term: str) -> bool:
        """A bullet's label that says what its figure is ("Expiry from the console", "Part size"):
        a few words, not a clause ("Objects must be…"), not a question, not an aside ("For the
        exam", "also gotcha someone hit on github", round 174); never an option."""
        words = re.findall(r"[A-Za-z0-9']+", term)
        said = {w.lower() for w in words} - self.stop  # "For the exam: 15 min max.": an aside, no figure named
        return (0 < len(words) <= 6 and "?" not in term and re.search("[A-Za-z]", term) is not None
                and VERB.search(term) is None and not self.label(term) and said.isdisjoint(self.asides)
                and words[0].lower() not in POSSESSIVE | PRONOUNS)  # "My answer: …", "That one = …": the learner's talk

    def label(self, text: str) -> bool:
        """Words that only label what follows ("Notes", "Why"), naming nothing."""
        return set(re.findall(r"[a-z]+", text.lower())) <= self.labels

    def aspect(self, header: str) -> bool:
        """A header naming no kind of thing, only facets of one ("Item", "Setting", "Limit", "Notes")."""
        return set(key(header).split()) <= self.aspects

    def heads_rows(self, header: str) -> bool:
        """A table header that only labels its column, or names the prompts or topics its rows are
        ("Feature", "Topic | X-Ray SDK | ADOT"): the table's things are its other columns."""
        return self.label(header) or set(key(header).split()) <= self.prompts

    def intro(self, p, line: Line) -> str:
        """The line ``line``'s list sits under ("Where the daemon comes from"), cleaned; none
        when it only says the heading again ("Integration types (the type value in brackets)")."""
        said = self.clean.clean(under(self.lines[p.id], line))
        words = set(key(said).split())
        # a label of the note-taker's ("Gotchas", "Rules to memorize") says nothing of what the list is of
        shown = self.where(p).split(PATH)[-1]  # what the stem already names
        return "" if shown and key(said).startswith(key(shown)) or not words.isdisjoint(self.asides) \
            or words <= self.labels | self.stop or "?" in said or key(said) in self.template or _OWN.search(said) \
            else said  # "Still failing? Two options"; "What the right answer relies on:" of every entry (round 170);
        # "other AccessDenied causes I keep a list of" (round 175): the learner's own talk

    def according(self, p, depth: int | None = None) -> str:
        where = spoken(PATH.join(self.where(p).split(PATH)[:depth]))
        return f"According to your notes on {where}" if where else "According to your notes"

    def makers_dropped(self, q: BankQuestion) -> BankQuestion:
        """Options with a maker's name in front ("AWS CodeDeploy" beside "CodeBuild", "CodeArtifact")
        written as the others are, or the name alone sets them apart; all of them or none (not
        "AWS Backup plan": after a plain English word the maker's name is part of the service's)."""
        bare = [MAKER.split(o)[-1] for o in q.options]
        made = [b for o, b in zip(q.options, bare) if b != o]
        if len(made) == len(bare) or any(b.split()[0].lower() in self.clean.english for b in made):
            return q
        return replace(q, options=tuple(bare))

    def unnamed(self, p, q: BankQuestion, problems: list[str]) -> tuple[BankQuestion, list[str]]:
        """A question whose heading names its answer ("on Deployment policies › Traffic splitting")
        asked under a shorter heading path, when that one gives nothing away."""
        if not any(x.startswith(GIVES_AWAY) for x in problems):
            return q, problems
        depths = range(len(self.where(p).split(PATH)), -1, -1)
        # asked under the whole path, or its first part (a yes/no table's question names the notes' topic, not the heading)
        said = next((d for d in depths if q.stem.startswith(self.according(p, d))), None)
        if said is None:
            return q, problems
        for depth in range(said - 1, -1, -1):
            shorter = replace(q, stem=self.according(p, depth) + q.stem[len(self.according(p, said)):])
            if not (found := check(shorter, self.context)):
                return shorter, found
        return q, problems

    def notes_on(self, p) -> str:
        """How an explanation names where its quote comes from."""
        where = spoken(self.where(p))
        return f"The notes on {where}" if where else "Your notes"

    def where(self, p) -> str:
        """The passage's headings, without a title that is only its first line."""
        parts = list(p.heading)
        if p.document and parts[0] == notes.untitled(p.file):  # "beanstalk config notes": the file, the title says more
            parts[0] = p.document
        title = p.document or (parts[0] if self.sections[p.file] == 1 else None)  # a file's only heading is its title
        if parts[0] == title:  # "TIL log: Elastic Beanstalk deploys": the title after its label
            parts[0] = unlabelled(parts[0], self.names)
        derived = p.text.lstrip("•*- ").startswith(parts[-1].rstrip("…"))  # its first line, not a heading
        if len(parts) > 1 and (derived or len(parts[-1]) > 40 or re.search(r":\s|=|…|\|", parts[-1])):
            parts = parts[:-1]
        if len(parts) > 1 and parts[-1][:1].islower() and re.search(r"\s(?:a|an|the)\s", parts[-1]):
            parts = parts[:-1]  # a bold clause ("**requires an Application Load Balancer**"), no topic
        subject = self.subject(p)  # "Lambda" above "Versions, aliases, layers": the stem says what it is about
        # under a heading about the notes may be anything: under a label ("Limits", "CONFUSIONS") the
        # headings above it name the topic ("KMS"); under a chooser ("Which one?", "Use X when Y") the
        # title's one service does, or "your notes"
        about = [self.clean.about_notes(h, self.context.labels | self.stop) or self.clean.names_nothing(h)
                 for h in parts]
        if any(about):
            at = about.index(True)
            # one of several titles that only labels what follows ("# REFERENCE - settings & limits"): its
            # sections name their topics
            parts = parts[1:] if at == 0 and len(parts) > 1 and not any(about[1:]) \
                else [] if self.clean.chooses(parts[at], self.stop) else parts[:at]
            if not parts:  # "When DAX is the better fit" in ElastiCache notes: on DAX (round 137)
                return named_in(p.heading[at], self.names, self.clean.english) or subject
        where = self.clean.heading(PATH.join(parts))
        return where if not subject or mentions(where, subject) else f"{subject}{PATH}{where}" if where else subject

    def subject(self, p) -> str:
        """The one service the notes' title names (``stems.subject``), found once a document."""
        title = p.document or p.heading[0]  # a file's only heading is its first section's, and its title
        if title not in self._subjects:
            self._subjects[title] = subject(self.clean.spelled_out(title), self.names, self._part_of)  # "DDB …": DynamoDB
        return self._subjects[title]

    def _part_of(self, name: str, service: str) -> bool:
        """"SnapStart" of "Lambda": one of the kinds it is a member of is the service's ("Lambda feature")."""
        whole = key(service).split()
        return any(key(k).split()[:len(whole)] == whole for k in self.kinds.of(name))

    def _scenarios(self, p) -> Iterable[BankQuestion]:
        rules = self.rules_of.get(p.id, [])
        for x, when, y, line in rules:
            if not self._thing(x) or y.lstrip()[:1] in "\"“'" and when != QUOTED or caveat(x, when, line.text):
                continue  # "for 'create this only in prod'": no situation; "X only if Y": a caveat, no choice
            # the other things one list of rules says to use: of one kind with it (rules from
            # elsewhere in the section compare storage classes with encryption modes)
            pool = [r for r in rules if r[3].group == line.group]
            # a rule paired with its own rival ("LSI …, otherwise GSI") is of that pair's kind, not the list's
            listed = {key(r[0]) for r in pool}  # ("…, otherwise SQS" beside a rule for SQS: both stay)
            paired = {key(o) for o, _, _, _ in pool if (r := self.passes_over.get(key(o)))
                      and not any(r in t or t in r for t in listed)}
            # "HTTP API" is part of "HTTP API + JWT authorizer": one may be right where the other is
            others = [] if key(x) in paired else [
                o for o, _, oy, _ in pool if key(o) not in key(x) and key(x) not in key(o)
                and overlap(oy, y) < 0.5 and not mentions(y, o) and self._thing(o) and key(o) not in paired]
            # the most like it first ("HTTP API" beside "REST API", not three Cognito pools), then the
            # nearest: a long cheat list keeps rules on one concern together (CORS, then logging)
            at = {key(r[0]): r[3].number for r in pool}
            others = sorted(distinct([x, *others])[1:],
                            key=lambda o: (-overlap(o, x), abs(at.get(key(o), line.number) - line.number)))[:3]
            kin: list[str] = []
            group = [r[0] for r in pool]
            kind = self.kinds.kind(x, group, alone=True)
            mates = [o for o in others if kind in self.kinds.of(o)]
            mixed = bool(kind) and len(mates) < len(others)
            if mixed and len(mates) + len(self._kin(x, y, group, mates, p.section, True)) >= 3:
                others, mixed = mates, False  # "CloudTrail" beside STS APIs: a rule of the list, but another kind
            elif mixed:
                continue  # "AssumeRole" beside config stores, "QUEUED mode" beside CodeBuild: too few of its kind
            if len(others) < 3 and not mixed:  # too few rules beside it: others of its kind, as AWS names them
                kin = self._kin(x, y, group, others, p.section, True)[:3 - len(others)]
            mates: list[str] = []
            if len(others) + len(kin) < 3:  # or the other items of a numbered list naming it, or of its definition's list
                taken = {key(t) for t in [x, *others, *kin]}
                listed = distinct([*self._run_mates(x, y), *self._defined_beside(x, y, p.section)], of=key)
                mates = [t for t in listed if key(t) not in taken][:3 - len(others) - len(kin)]
            rivals: list[str] = []
            if len(others) + len(kin) + len(mates) < 3:  # or what the notes compare it with ("SnapStart vs PC")
                taken = {key(t) for t in [x, *others, *kin, *mates]}
                rivals = [t for t in self._rivals(x, others) if key(t) not in taken and not mentions(y, t)
                          and self._thing(t) and not any(abbreviates(o, t) or abbreviates(t, o) for o in [x, *others, *kin])
                          ][:3 - len(others) - len(kin) - len(mates)]
            if len(others) + len(kin) + len(mates) + len(rivals) < 3:
                continue
            # "need full items — avoids fetches": what follows the dash says why, not when
            condition = balanced(third_person(self.clean.clean(situation(y))))
            if (said := told(condition)) is not None:  # "when the question says '…'": asked as the situation
                when, condition = QUOTED, said
                if terse(said[1:-1]):
                    continue
            if when != QUOTED:
                condition = unbracketed(condition)
            if untold(condition) or when in WHEN and not clause(condition):
                continue  # "for cross-account", "when some legacy thing expects it": no situation told
            stem = asking(f"{self.according(p)}, which should a developer use {when} {condition}")
            why = (f"{self.notes_on(p)} say: \"{self.clean.clean(line.text)}\". "
                   + " ".join(f"{o}: the notes use it {w} {self.clean.clean(oy)}."
                              for o, w, oy, _ in distinct(pool, of=lambda rule: rule[0]) if o in others and w))
            if kin:
                why += " " + self.kinds.said(x, group, kin, alone=True)
            if mates:
                why += f" {', '.join(mates)}: listed beside it in the notes, for other uses."
            why += compared_with([(t, next(o for o in [x, *others] if key(t) in self.rivals.get(key(o), {})))
                                  for t in rivals])
            if kin:  # beside AWS's names, the notes' "EB immutable" is "Immutable"
                others = [self.kinds.plain(o, kind) for o in others]
            named = self.kinds.plain(x, kind) if kin else x  # "task role" as the notes write it, beside the kin
            answer = self.clean.spell(x if key(named) == key(x) else named)  # lowered so, not "Task role" alone
            wrong = distinct([self.clean.spell(o) for o in others + kin + mates + rivals], of=key)
            if len(wrong) < 3 or any(key(o) == key(answer) for o in wrong):
                continue  # "SM" and "Secrets Manager" side by side: one option twice
            yield self._defined(single(p, "scenario", x, stem, answer, wrong, why), p)

    def _cued(self, p) -> Iterable[BankQuestion]:
        """A list of quoted exam cues ("too many empty receives" → long polling): each cue whose
        answer is no one thing of a kind ("REST + usage plans + API keys") asked with the list's
        other answers as wrong options, those written as it is first. A one-thing answer is a
        rule's own scenario, with others of its kind (``_scenarios``)."""
        for group, found in self.cued.get(p.id, {}).items():
            # spelled out as the notes define their shorthand ("SM" -> "Secrets Manager")
            found = [(self.clean.clean(s) if s else s, c, line, raw) for s, c, line, raw in found]
            # a few marked scenarios (two a section) take their wrong options from the document's others
            pooled = [self.clean.clean(s) for s in self.cue_pool[p.file]] if (p.id, group) in self.short_cues else []
            # a trap list leading to causes and outcomes as well ("app isn't returning 200", "still
            # Succeeded") is no list of things to use: its answers are of mixed kinds
            led = [s for s, _, _, _ in found if s]
            if sum(not usable(s) for s in led) * MIXED >= len(led):
                continue
            # a symptom's answer is its fix or cause ("requests dying at ~29 s?" -> "integration timeout"): no
            # option beside the things the other cues use (round 129)
            offered = distinct([s for s, c, _, _ in found if s and usable(s) and _LISTED not in s and not symptom(c)] + pooled,
                               of=key)
            if len(found) < CUES and not pooled or len(offered) < 4:
                continue
            for answer, cue, line, written_as in found:
                if terse(cue) or statements.SHORTHAND.search(cue) or STATUS.match(cue[1:]) or symptom(cue):
                    continue  # asked of no cue ("promote dev -> prod fast": shorthand), still an option for the others;
                    # a symptom's ("403 on some paths …" -> "cached policy w/ narrow Resource", "origin sends no-cache
                    # but CloudFront still caches" -> "Min TTL > 0") answer is its cause as often as its fix: nothing to use
                cue = self.clean.spell(self.clean.spelled_out(cue))  # '"REST API w/ tokens"': the stem says "with"; "PS" "Parameter Store"
                either = [a for a in alternatives(written_as) if self._thing(a)] if not answer else []
                if len(either) == 2:  # "SnapStart or PC": choose TWO, the list's other answers wrong
                    wrong = [o for o in offered if not any(key(o) == key(e) or variant(o, of=e) for e in either)]
                    if len(wrong) >= 3:
                        yield cued_two(p, cue, either, [wrong[i] for i in pick(cue, len(wrong), 3)],
                                       self.clean.clean(line.text), self)
                if not answer or (answer, cue) in cues(line.text) and self._thing(answer) or not usable(answer) \
                        or _LISTED in answer:
                    continue
                kinds = self.kinds.of(answer)  # "Express" beside "Standard + .waitForTaskToken", not "AppSync"
                near = {key(s) for s, _, _, _ in found if s}  # the list's own answers before the document's
                pool = sorted((o for o in offered if key(o) != key(answer) and not variant(o, of=answer)
                               and not variant(answer, of=o)),
                              key=lambda o: (not kinds & self.kinds.of(o), key(o) not in near, (PLUS in o) != (PLUS in answer),
                                             -overlap(o, answer), abs(len(o) - len(answer)), digest(cue + o)))
                if pooled and sum(key(o) in near or bool(kinds & self.kinds.of(o)) for o in pool[:3]) < 2:
                    continue  # options from all over the document are of mixed kinds: guessed by elimination
                if kinds and any(not kinds & self.kinds.of(o) for o in pool[:3]):
                    # "SSE-C" among "exponential backoff" and "enable versioning", "REST API" beside "HTTP
                    # API + JWT authorizer" (not of its kind): others of its kind instead, or nothing asked
                    pool = [o for o in pool if kinds & self.kinds.of(o)]
                    pool += self._kin(answer, line.text, [], pool, p.section, alone=True)
                    if len(pool) < 3:
                        continue
                told = {o: self.clean.spelled_out(c) for o in pool[:3] for s, c, _, _ in found if s == o}
                yield self._defined(cued(p, cue, answer, pool[:3], self.clean.clean(line.text), told, self), p)

    def _defined(self, q: BankQuestion, p) -> BankQuestion:
        """``q`` citing too the passage that spells out its answer ("EFO = Enhanced fan-out"),
        when the answer is the notes' shorthand spelled out."""
        if all(mentions(p.text, a) for a in q.correct):
            return q
        shorts = [self.clean.defining(a) for a in q.correct]

        def spells(o) -> bool:  # the passage defines the shorthand, or says the answer itself
            return all(s and re.search(rf"\b{re.escape(s)}\s*=", o.text) or mentions(o.text, a) for a, s in zip(q.correct, shorts))
        where = next((o.id for o in self.passages if spells(o)), None)
        return replace(q, passages=(p.id, where)) if where and where != p.id else q

    def _rivals(self, x: str, others: list[str]) -> list[str]:
        """What the notes compare ``x`` or the rules beside it with ("X vs Y"), first ``x``'s own."""
        return list(dict.fromkeys(r for o in [x, *others] for r in sorted(self.rivals.get(key(o), {}).values())))

    def _choose_two(self, p) -> Iterable[BankQuestion]:
        lists = self.lists.get(p.section, [])
        for label, items, line in (x for x in lists if x[2].passage.id == p.id) if p.id in self.listed else ():
            # "Retryable" beside "NOT retryable as-is": each list's wrong options are the other's items
            opposite = [i for other_label, other, _ in lists if contrasts(label, other_label) for i in other]
            if len(items) < 2 or not (label.lower().endswith("s") or opposite) \
                    or not all(self._named(i) and self._thing(i) for i in items) or negated(label) and not opposite:
                continue  # "Reuse", "Upload gotcha": labels of bullets, not things the list names
            mine = {key(i) for i in items}
            kind = label.lower().split()[-1]
            elsewhere = [i for section, ls in sorted(self.lists.items()) if section != p.section
                         for other_label, other, _ in ls if other_label.lower().split()[-1] == kind for i in other]
            # wrong options only from lists of the same kind ("Push-based sources" beside "Poll-based
            # sources"): items of any other list are another kind of thing, and give the answer away
            pool = distinct([i for other_label, other, _ in lists if other_label.lower().split()[-1] == kind for i in other]
                            + sorted(elsewhere, key=lambda i: digest(label + i)))
            pool = [i for i in pool if key(i) not in mine and not mentions(p.text, i) and self._named(i)
                    and self._thing(i)]
            if len(pool) < 3:  # what the notes list as the opposite is wrong, though the passage names it
                pool = [i for i in distinct(opposite) if key(i) not in mine and self._named(i) and self._thing(i)]
            if len(pool) < 3:
                continue
            right = items[:2] if len(items) == 2 else [items[n] for n in pick(line.text, len(items), 2)]
            wrong = [pool[n] for n in pick(label + line.text, len(pool), 3)]
            yield statements.listed_two(p, self.clean.clean(label), items, right, wrong, self)

    def _defined_beside(self, x: str, y: str, section: str) -> list[str]:
        """The terms defined beside ``x`` in a list of one kind: one its heading names ("Integration
        types") or one of names opening alike ("sam local start-api" among "sam build", "sam deploy");
        written as it is, none ``y`` names."""
        home = [(line.passage.id, line.group) for t, _, line in self.defs.get(section, []) if key(t) == key(x)]
        titled = [i for _, items, _ in self.lists.get(section, []) if key(x) in map(key, items) for i in items]
        found: list[str] = []
        for t, _, line in self.defs.get(section, []):
            if home and (line.passage.id, line.group) == home[0] and key(t) != key(x) and not mentions(y, t) \
                    and written(t) == written(x) and self._thing(t) and (t in titled or key(t).split()[0] == key(x).split()[0]) \
                    and not any(variant(t, of=o) or variant(o, of=t) for o in [x, *found]):  # "AWS service" twice
                found.append(t)
        return found

    def _run_mates(self, x: str, y: str) -> list[str]:
        """The other terms of a numbered list ("1. Pre sign-up → …") holding ``x``, none ``y`` names."""
        run = self.run_by_term.get(key(x), [])
        return [t for t, _, _ in run if key(t) != key(x) and not mentions(y, t)]

    def _statements(self, p) -> Iterable[BankQuestion]:
        """Terms defined side by side in one passage are of one kind: they make
        each other's wrong options."""
        defs = list(self.defs_of.get(p.id, []))
        groups = Counter(line.group for _, _, line in defs)
        # items of one numbered list ("1. Timeout : ...", "2. Memory : ...") are siblings too
        firsts = self.firsts.get(p.section, [])
        others = len(firsts) - sum(1 for _, _, line in defs if line.number == 0)
        if p.id in self.run_of:
            items = [(t, d, line) for t, d, line in self.run_of[p.id] if line.passage.id != p.id]
        elif not defs or others + 1 < LIST_SHARE * self.sizes[p.section]:
            items = []  # a section of assorted items, not a list of definitions
        else:
            items = [(t, d, line) for t, d, line in firsts if line.passage.id != p.id]
        for term, text, line in list(defs):
            if line.passage.id != p.id:
                continue
            defs = defs + items if line.number == 0 and len(defs) < 4 else defs
            break
        asked, defs = defs, defs + self.mates.get(p.id, [])  # terms too tersely described to ask are options
        listed = {key(t) for t, _, _ in self.run_of.get(p.id, [])} | {key(t) for t, _, line in defs if line.numbered}

        def thing(t: str) -> bool:  # a numbered item's label names a thing, used once or not
            return self._thing(t, defined=True) or key(t) in listed

        for n, (term, text, line) in enumerate(asked):
            listed_here = [t for t, _, other in defs if other.group == line.group]
            known = [self.kinds.of(t) for t in listed_here if self.kinds.of(t)]
            if len(known) >= 3 and max(Counter(k for ks in known for k in ks).values()) < 2:
                continue  # "Things I keep mixing up": a launch type, a deployment policy, a role: no kind in common
            if line.passage.id != p.id or sum(self._heads_elsewhere(t, p.section) for t in listed_here) >= 2 \
                    and max(Counter(k for t in listed_here for k in self.kinds.of(t)).values(), default=0) < 3:
                continue  # "Rapid-fire review": one line per topic of the notes, no list of one kind
                # (a list of developer tools that each have their section is one all the same)
            if mentions(text, term) or not thing(term) or spells_out(term, text) or RULE_START.match(text) \
                    or self._value(text) or text.lstrip()[:1] in "=→<>-":
                continue  # "ESM – event source mapping": the initials answer it; "must allow": a rule, no
                # description; "max 15 minutes (900 s)": a value, asked as a number; "= what … is used as": shorthand
            siblings = [(t, d) for t, d, other in defs if key(t) != key(term) and overlap(d, text) < 0.4
                        and not variant(t, of=term) and not self._value(d)
                        and not mentions(d, term) and thing(t)
                        # written as the term is ("Pre sign-up", not "custom auth challenge trio")
                        and (not other.numbered or t[:1].isupper() == term[:1].isupper())
                        and (other.group == line.group or other.passage.id != p.id and groups[line.group] < 2)]
            siblings = [s for i, s in enumerate(siblings) if key(s[0]) not in {key(x[0]) for x in siblings[:i]}]
            # "StreamViewType" beside "KEYS_ONLY", "NEW_IMAGE": the setting among its values is another kind
            siblings = [s for s in siblings if written(s[0]) == written(term) or "words" in (written(s[0]), written(term))]
            # "ScannedCount", a response field, beside Query, Scan and ExecuteStatement (round 176): those of
            # the term's kind (or, of no kind the lexicon knows, ending alike: "…Exception"), then others of it as
            # AWS names them, when they make three
            mine = set(self.kinds.of(term))
            same = [s for s in siblings if mine & set(self.kinds.of(s[0]))
                    or not self.kinds.of(s[0]) and suffix_kind([term, s[0]]) != "term"]
            kin: list[str] = []
            for beside in ([same, siblings] if mine and same != siblings else [siblings]):
                kin = [] if len(beside) >= 3 else self._kin(  # too few defined beside it: others of its kind
                    term, text, [t for t, _, other in defs if other.group == line.group],
                    [t for t, _ in beside], p.section)[:3 - len(beside)]
                if len(beside) + len(kin) >= 3:
                    siblings = beside
                    break
            if len(siblings) + len(kin) < 3:
                continue
            # "DeduplicationScope — queue attribute, …": those described as the same kind first ("FifoThroughputLimit
            # — queue attribute, …"), then the nearest by name
            head = _words(text)[:1]
            order = sorted(pick(term, len(siblings), len(siblings)),
                           key=lambda i: (_words(siblings[i][1])[:1] != head or not head or head[0] in self.stop,
                                          -rivals(term, siblings[i][0])))
            chosen = [siblings[i] for i in order[:3]]
            description = self.clean.clean(text).rstrip(".").replace('"', "'")
            said = " ".join(f"{t}: {self.clean.clean(d).rstrip('.')}." for t, d in chosen)
            intro = self.intro(p, line) if line.passage.id == p.id else ""
            listed_under = f", under \"{intro}\"," if intro else ","  # what the list is of ("Where the daemon runs")
            group = [t for t, _, other in defs if other.group == line.group]
            kind = self.kinds.kind(term, group)  # "which S3 storage class …" when every option is one
            options = [term, *(t for t, _ in chosen), *kin]
            named = kind if kind and all(kind in self.kinds.of(o) for o in options[1:]) \
                else CODED if all(STATUS.match(o) for o in options[:len(chosen) + 1]) else suffix_kind(options)
            stem = f"{self.according(p)}{listed_under} which {named} is described as: \"{description}\"?"
            why = f"{self.notes_on(p)} say: \"{self.clean.clean(line.text)}\"."
            if said:
                why += f" The others, as the notes put them: {said}"
            if kin:
                why += " " + self.kinds.said(term, group, kin)
            spelled = [self.clean.spell(t) for t in [term, *(t for t, _ in chosen), *kin]]  # "CB": "CodeBuild"
            if len({key(t) for t in spelled}) == len(spelled):
                yield self._defined(single(p, "definition", term, stem, spelled[0], spelled[1:], why), p)

    def _figures(self, p) -> list[Figure]:
        """Each line's first figure worth asking, with three wrong amounts of its unit (found once
        a passage: number and true-statement questions both ask for them)."""
        if p.id not in self._figured:
            self._figured[p.id] = list(self._find_figures(p))
        return self._figured[p.id]

    def _find_figures(self, p) -> Iterable[Figure]:
        if self._recap(p):
            return  # "Cram list: Insights 60 min timeout", a self-test's answer: asked where taught
        asked: set[int] = set()  # the lines already given
        for written_as in self.sentences[p.id]:
            if written_as.number in asked:
                continue
            sentence = replace(written_as, text=unrestated(written_as.text, self.units))
            # "Timeout: A function can run for up to 900 seconds" asks its sentence; "Labels: max
            # 10 per version, up to ___" is a fragment under a label, no statement
            lead = LEAD.match(sentence.text)
            answered = CARD_ANSWER.match(sentence.text)  # "→ 15 minutes." under a drill's question, as "A: …" is read
            drilled = sentence.text[answered.end():] if answered and not answered.group(0)[:1].isalpha() else None
            card = self._card(p, sentence) if lead or drilled and len(drilled) >= CARD_TEXT else ""  # "A: 86,400 seconds" under "Q: Default TTL?"
            if front := statements.FRONT.match(sentence.text):  # its question and its answer on one line
                lead, drilled, card = None, front.group(2), self.clean.clean(front.group(1))
            if lead and not card and (term := key(lead.group(1))) in self.template and term in self.clean.english:
                sentence, lead = replace(sentence, text=lead.group(2)), None  # "Limit: max 12 h": read as "max 12 h"
            elif lead and not card and self._amounts(lead.group(1)) and statements.ANSWER_LINE.match(lead.string[lead.end(1):]):
                lead = None  # "Lambda timeout 15 min max → VT at least 90 min": a condition, read whole
            if self._asks(p, sentence.number) or lead and (
                    REPLY_START.match(lead.group(2)) or not card and not self._label(bare(lead.group(1)))) \
                    or headed([self.intro(p, sentence)], self.recaps):  # "last-minute brain dump:", as its heading
                continue  # a flashcard's question gives its scenario's figures; "A: No, ..." answers it
            line = Line(p, lead.group(2), sentence.number) if lead else Line(p, drilled or sentence.text, sentence.number) if card else sentence
            if card:
                if _AMOUNT_BRACKETED.search(line.text) or not (self._fragment(line.text) or self._statement(line.text)) \
                        or card.count("?") > 1 or not self._alone(card) or two_asked(card) or statements.apart(card, line.text):
                    continue  # "86,400 seconds (one day)": the answer given twice; "Standard? Express?", "… and how …?": two;
                    # "Dedup interval?": no question to post
            elif lead and not self._statement(line.text) and self._fragment(line.text) \
                    and self._label(bare(lead.group(1))):
                line = sentence  # "Expiry from the console – up to 12 hours": the label says what it is
            elif not (self._statement(line.text) and self._names_something(sentence.text)) \
                    and not (self._fragment(line.text) and (self._names_something(self.where(p).split(PATH)[-1])
                                                            or self._names_something(value_label(line.text)))
                             and line.text[:1].isalnum() and re.split(r"\W", line.text.lower())[0] not in PRONOUNS):
                continue  # "Default is ___ from creation": what is it about? (under "Visibility timeout" it says)
            for value, unit, m in self._amounts(line.text):
                shown = m.group(0)
                if p.text.lower().count(shown.lower()) != 1 and not card or shown.lower() in self.where(p).lower() \
                        or dated(line.text, m.start(), self.dated) or shown[-1:] == "s" and shown[-2:-1].isdigit() \
                        and (not self._one_use(value) or value in ERRORS) \
                        or not POSSESSIVE.isdisjoint(_words(line.text[:m.start()])[-1:]):
                    continue  # "historically 256 KB; now 1 MB": a figure the notes say is no longer true;
                    # "not your 2 GB file": the learner's example, no fact of the service's;
                    # "retried for some 400s" beside "HTTP 400" or "the transient Lambda 500s": responses, no duration
                    # a figure said twice is asked only by a flashcard, whose question says which is meant
                measure = unit_key(unit)
                mentioned = {v for v, u, _ in self._amounts(p.text) if unit_key(u) == measure} \
                    | numbers_in(line.text) - {value}  # "Default interval = 15 (older docs said 10)": never 10 min
                elsewhere = sorted({v for pid, v, _ in self.amounts[measure] if pid != p.id and self._one_use(v)
                                    and abs(_ratio(v, value)) <= NEAR and (v.is_integer() or not value.is_integer())}
                                   - mentioned,  # "1.5 KB" of a worked example beside "4 KB" tempts nobody
                                   key=lambda v: (abs(_ratio(v, value)), v))
                plausible = self.values.get(unit.lower()) or _ROUND
                values = [v for v in dict.fromkeys([*elsewhere, *_round_near(value, plausible)])  # not 30 s beside 29 s
                          if v not in mentioned and abs(_ratio(v, value)) > CLOSE][:3]
                if len(values) < 3:
                    continue
                if all(binary(v) for v in values) and not binary(value):  # not 10 GB among 4, 8 and 16 GB
                    odd = [v for v in _round_near(value, _ROUND) if not binary(v) and v not in mentioned and v != value]
                    if not odd:
                        continue
                    values = sorted(values, key=lambda v: abs(_ratio(v, value)))[:2] + odd[:1]
                grouped = max([*values, value]) >= 1000
                blanked = self.clean.clean(statements.clause(line.text, m, BLANK))
                if not card and self._counted(unit) and self._subjectless(blanked):
                    # "up to ___ per metric" (round 61): the blank took what it counts; "up to ___
                    # dimensions per metric" keeps it, and the options are numbers
                    m, unit = COUNT.match(line.text, m.start()) or m, ""
                    shown, blanked = m.group(0), self.clean.clean(statements.clause(line.text, m, BLANK))
                if BLANK not in blanked or DANGLING.search(blanked) or listed(line.text, m) \
                        or self._counted(unit) and value - 1 in numbers_in(blanked) \
                        or statements.unaskable(blanked, BLANK, line.text, m) \
                        or not card and not self._of_something(blanked) \
                        or not card and len(said_words(self.intro(p, sentence), blanked)) < FRAGMENT \
                        and not (statements.VALUED.match(blanked) and self.where(p)):  # "Stack name – ___": asked
                    # "what is the stack name?" under a topic; "what is the default expiry?" of nothing named
                    continue  # cut short; one of a list of values; "Default ___, up to 8,760 hours": of what?
                    # "retries is 2, which means up to ___ in total": one more of a count than the stem's figure (round 181)
                    # "enrichment response max ___": a fragment, no statement to complete (rounds 44-47)
                yield Figure(sentence, line, m, amount(value, unit, shown, grouped),
                             [amount(v, unit, shown, grouped) for v in values], blanked, written_as.text, card)
                asked.add(sentence.number)
                break

    def _recap(self, p) -> bool:
        """Under a recap's heading ("Cram list", "cheat box"), or in a section it heads; not under a
        heading of its own in a section over most of the notes' lines (a log's entries nested under
        its cheat box, round 158): a summary is a small part of what it sums up. A title taken from
        the passage's own first line ("cognito pt 3 -- … cram list", round 161) is no heading."""
        titled = len(p.heading) > 1 and key(p.text).startswith(key(p.heading[-1]))
        heading = p.heading[:-1] if titled else p.heading
        at = next((i for i, h in enumerate(heading) if headed([h], self.recaps)), None)
        if at is None:
            return False
        if at == len(heading) - 1:
            return True  # the passage the recap's heading heads
        filed = [q for q in self.passages if q.file == p.file]
        under = [q for q in filed if q.heading[:at + 1] == p.heading[:at + 1]]
        return 2 * sum(len(q.text.splitlines()) for q in under) <= sum(len(q.text.splitlines()) for q in filed)

    def _asks(self, p, number: int) -> bool:
        """The line asks a question ("… takes 8 s. What does the user see?"), maybe on its wrapped
        next line: its figures set up a quiz, they state no fact."""
        here = self.lines[p.id]
        after = here[number + 1].text if number + 1 < len(here) and here[number + 1].text[:1].islower() else ""
        # or, an item of its own, sets up a trap whose answer follows on the next line ("Sessions must go
        # exactly 30 min after logout …" / "→ TTL is not precise"): its figures are the scenario's, no fact
        answered = number + 1 < len(here) and bool(statements.ANSWER_LINE.match(here[number + 1].text)) \
            and (here[number].numbered or key(here[number].text).startswith(key(p.heading[-1])))  # an item
        # or is a quiz's question with no answer on its line ("Q I missed: … Function timeout 5 min, queue VT
        # 30 s", a mistakes log; not "Q: …? FIFO dedups within 5 minutes"): its figures are the quiz's setup
        return here[number].text.rstrip().endswith("?") or after.rstrip().endswith("?") or answered \
            or bool(QUIZ_SETUP.match(here[number].text))

    def _card(self, p, answer: Line) -> str:
        """The question of the flashcard whose answer ("A: …") is this line, else ""."""
        if not CARD_ANSWER.match(answer.text):
            return ""
        # "1. Q: …?" with its answer nested under it: the question is the passage's heading
        asked = CARD_QUESTION.match(self.lines[p.id][answer.number - 1].text if answer.number else p.heading[-1])
        return self.clean.clean(asked.group(1)) if asked else ""

    def _numbers(self, p) -> Iterable[BankQuestion]:
        """A figure blanked: one a line, two a passage (the exam asks about more than figures)."""
        for figure in self._figures(p)[:NUMBERS]:
            yield statements.number(p, figure, self.intro(p, figure.sentence), self)

    def _clozed(self, p) -> Iterable[BankQuestion]:
        """An Anki cloze deck's cards blanked where the learner blanked them; the wrong options the
        deck's other blanks written as the answer is ("ExecuteChangeSet" among API names, "DRIFTED"
        among states), those of the same passage first, then the nearest by name. A figure is asked
        with its unit's amounts instead (``_numbers``)."""
        if not p.clozes:
            return
        hidden = distinct([m.group(2).strip() for q in sorted(self.passages, key=lambda q: q.id != p.id) if q.file == p.file
                           for card in q.clozes for m in notes.CLOZE.finditer(card)])
        lines = [line for q in self.passages if q.file == p.file for line in q.text.splitlines()]
        for card in p.clozes:
            for blanked, answer in statements.blanks(card):
                if self._amounts(answer):
                    continue
                shape = _shape(answer)
                # not "ReceiveMessageWaitTimeSeconds" beside "WaitTimeSeconds" (round 167): a name holding the
                # answer's may fill its blank too
                others = [o for o in hidden if _shape(o) == shape and key(o) != key(answer) and key(o) not in key(blanked)
                          and answer.lower() not in o.lower() and o.lower() not in answer.lower()
                          and not variant(o, of=answer) and not variant(answer, of=o)]
                if len(others) >= 3 and (shape[0] or as_code(answer)) and (  # a phrase's blank: words of any kind
                        asked := statements.cloze(p, blanked, answer, others, lines, self)):
                    yield asked

    def _true_statements(self, p) -> Iterable[BankQuestion]:
        """Figures under one heading path four at a time, from the section's first passage (the
        stem names the path: four facts about one topic, not a section's assorted ones)."""
        if self.first_of.get(p.section) != p.id:
            return
        topics: dict[str, list[Figure]] = defaultdict(list)
        for q in self.of_section[p.section]:
            for f in self._figures(q):
                if not f.card and len(statements.said(f, f.answer, self)) <= statements.STATEMENT:
                    topics[self.where(q)].append(f)
        for where, found in topics.items():
            found = [found[i] for i in pick(p.section + where, len(found), len(found))]
            for at in range(0, len(found) - 3, 4):
                yield statements.true_statement(found[at], found[at + 1:at + 4], self)

    def _paired(self, p) -> Iterable[BankQuestion]:
        """Each list of four or more terms defined side by side, as "which statement is true?"
        (``statements.paired``). Not when a name spells out a description ("Fn::Join – joins a
        list"): the true statement, or a false one, would read as plainly so."""
        groups: dict[str, list[tuple[str, str, Line]]] = defaultdict(list)
        for term, text, line in self.defs_of.get(p.id, []):
            if (self._thing(term) or line.numbered) and not mentions(text, term) and not spells_out(term, text) \
                    and not self._value(text) and not RULE_START.match(text) \
                    and len(term) + len(text) <= statements.STATEMENT and key(term) not in {key(t) for t, _, _ in groups[line.group]}:
                groups[line.group].append((term, text, line))
        for found in groups.values():
            if len(found) < 4 or len({written(t) for t, _, _ in found}) > 1:
                continue
            for size, make in ((4, statements.paired), (5, statements.paired_two)):  # five: "which TWO are true?"
                chosen = [found[i] for i in pick(found[0][0], len(found), size)] if len(found) >= size else []
                if chosen and not alike([t for t, _, _ in chosen], [d for _, d, _ in chosen]) \
                        and all(overlap(a, b) < 0.4 for _, a, _ in chosen for _, b, _ in chosen if a != b):
                    yield make(p, chosen, self.intro(p, chosen[0][2]), self)

    def _labelled(self, p) -> list[tuple[list[tuple[str, list[str]]], bool]]:
        """The groups of labels whose statements ``p`` holds: its "Label:" lines side by side, and
        its heading among the headings beside it (True: the stem must not name the heading)."""
        if self._facets is None:
            self._facets = {}
            siblings: dict[tuple[str, ...], dict[str, list[str]]] = defaultdict(dict)
            for q in self.passages:
                found = statements.labelled(q.text) if not against(q.heading[-1]) else []
                self._facets[q.id] = [(found[1:], False)] if len(found) > 2 else []
                parts = self.where(q).split(PATH)
                if len(parts) > 1 and found and found[0][1]:
                    siblings[tuple(parts[:-1])].setdefault(statements.unnumbered(parts[-1]), []).extend(found[0][1])
                    self._facets[q.id].append(([], True))
            beside = {parent: [(label, distinct(items)) for label, items in found.items()]  # one list a parent
                      for parent, found in siblings.items()}
            for q in self.passages:
                parts = self.where(q).split(PATH)
                self._facets[q.id] = [(beside[tuple(parts[:-1])], True) if headed else (g, False)
                                      for g, headed in self._facets[q.id]]
        return self._facets[p.id]

    def _described(self, p) -> Iterable[BankQuestion]:
        """Each label's statement that names none of the labels, asked as "which one does this
        describe?" among them (``statements.described``); others of its kind when fewer than three."""
        for group, headed in self._labelled(p):
            named = {label: items for label, items in group if self._facet_label(label, headed)}
            labels = list(named)
            if len(labels) < 2:
                continue
            if id(group) not in self._said:  # a heading's siblings are read once, not once a passage
                self._said[id(group)] = {label: statements.facets(items, named, self) for label, items in named.items()}
            said_of = self._said[id(group)]
            mine = statements.unnumbered(self.where(p).split(PATH)[-1]) if headed else None
            for label in labels if not headed else [mine] if mine in named else []:
                theirs = [x for o in labels if o != label for x in said_of[o][:FACETS]]
                if len(said_of[label]) >= 2 and len(theirs) >= 3:  # "which TWO describe Reserved concurrency?"
                    yield statements.described_two(p, label, said_of[label][:2], theirs, self,
                                                   self.where(p).count(PATH) if headed else None)
                others = [o for o in labels if o != label][:3]
                kin = self._kin(label, " ".join(said_of[label]), labels, others, p.section)[:3 - len(others)] \
                    if len(others) < 3 else []
                if len(others) + len(kin) < 3:
                    continue
                kind = self.kinds.kind(label, labels)
                kind = kind if kind and all(kind in self.kinds.of(o) for o in [*others, *kin]) else None
                if not kind:
                    continue  # "which of these": headings ("Retention", "Hierarchy") no kind unites; 1 of 11 kept
                others_said = {o: said_of[o] for o in others}
                why = self.kinds.said(label, labels, kin) if kin else ""
                at = self.where(p).count(PATH) if headed else None
                asked = [statements.described(p, said, label, [*others, *kin], kind, others_said, why, self, at)
                         for said in said_of[label][:FACETS]]
                # the first the gate lets through ("snapshots the memory" gives SnapStart away)
                if asked:
                    yield next((q for q in asked if not check(q, self.context)), asked[0])

    def _facet_label(self, label: str, headed: bool) -> bool:
        """A label naming one thing ("Reserved concurrency", "Synchronous"), not the learner's own
        ("Notes on these", "Idempotency details"), a topic ("batching") nor two things ("Query vs
        Scan", "Kinesis / DynamoDB Streams"). A heading names a thing of its own; a label line must
        be one the notes name again."""
        return (self._term_ok(label, named_only=False) and not self.label(label) and self._label(label)
                and (headed or self._thing(label)) and (label[:1].isupper() or self._named(label))
                # "Writing logs", "Scaling consumers": a topic, no thing ("Mapping templates" the lexicon knows)
                and (not re.match(r"[A-Z][a-z]+ing\s+\S", label) or bool(self.kinds.of(label)) or key(label) in self.known)
                and not self.label(label.split()[-1])
                and not statements.TWO_THINGS.search(label) and label.split()[0].lower() not in PRONOUNS | PERSONAL
                and not statements.SHORTHAND.search(label))  # "Scenario → answer quick hits": a chooser, no thing

    def _cards(self, p, asking: bool = True) -> list[tuple[str, str, Line]]:
        """The flashcards ("Q: …?" then "A: …", or both on one line) of ``p`` answered by a name:
        (question, name, answer line); not ``asking``, those too whose question says too little to ask
        ("Restore API?"), still naming one of their kind."""
        found = []
        for line in self.lines[p.id]:
            both = INLINE_CARD.match(line.text)
            asked = self.clean.clean(both.group(1)) if both else self._card(p, line)
            answer = both.group(2) if both else line.text
            asks = asked and asked.count("?") == 1 and not (asking and not self._alone(asked))
            name = (card_answer(answer) or named_first(answer, lambda n: bool(self.kinds.of(n)))) if asks else ""
            if name and self._term_ok(name, named_only=False) and not VALUE_START.match(name) \
                    and not REPLY_START.match(name) and not self.label(name):
                found.append((asked, name, line))
        return found

    def _alone(self, asked: str) -> bool:
        """A flashcard's question a stem may post: it asks something ("Too many resources?" does
        not) and does not go on from the card before ("So which one does AWS recommend?")."""
        return not elliptic(asked) and self.followups.isdisjoint(_words(asked)[:1])

    def _card_says(self, answer: Line) -> list[str]:
        """A flashcard's whole answer: its "A:" line and the lines wrapped under it, to the next card."""
        said = [answer.text]
        for line in self.lines[answer.passage.id][answer.number + 1:]:
            if CARD_QUESTION.match(line.text) or INLINE_CARD.match(line.text):
                break
            said.append(line.text)
        return said

    def _carded(self, p) -> Iterable[BankQuestion]:
        """The learner's own flashcard answered by a name, the wrong options others of its kind:
        the names the section's other cards answer with, else the kind's others as AWS names them."""
        cards = [c for q in self.of_section[p.section] for c in self._cards(q)] if self.first_of[p.section] == p.id else []
        named = [n for _, n, _ in cards]
        for asked, name, line in cards:
            kind = self.kinds.kind(name, named, alone=True)
            mates = distinct([n for n in named if key(n) != key(name) and not variant(n, of=name)
                              and not variant(name, of=n) and written(n) == written(name)
                              and (kind in self.kinds.of(n) if kind else self._thing(n))], of=key)[:3]
            # written as the notes write theirs: "task role" beside "container instance role", not "ECS Anywhere role"
            kin = [k for k in self._kin(name, asked, named, mates, p.section, True)
                   if (k == k.lower()) == (name == name.lower()) and k.isupper() == name.isupper()][:3 - len(mates)]
            said = self._card_says(line)  # "A: BisectBatchOnFunctionError …, plus DestinationConfig": both
            mates, kin = ([n for n in names if not any(mentions(text, n) for text in said)] for names in (mates, kin))
            if len(mates) + len(kin) < 3:  # "API to restore from PITR?": the file's other cards asking for an API
                mates += [n for n in self._asked_alike(p, asked, name, kind) if key(n) not in map(key, mates + kin)
                          and not any(mentions(text, n) for text in said)][:3 - len(mates) - len(kin)]
            if len(mates) + len(kin) == 3 and (need := _NEED.match(asked)):  # a situation, asked as the exam does (round 181)
                cues = {n: a.group(1) for c, n, _ in cards if n in mates and (a := _NEED.match(c))}
                if not terse(need.group(1)[1:-1]):
                    yield cued(line.passage, need.group(1), name, mates + kin, self.clean.clean(line.text), cues, self)
            elif len(mates) + len(kin) == 3:
                told = self.kinds.said(name, named, kin, alone=True) if kin else ""
                yield carded(line.passage, asked, name, mates + kin, self.clean.clean(line.text), told, self)

    def _asked_alike(self, p, asked: str, name: str, kind: str | None) -> list[str]:
        """The names the other flashcards of ``p``'s file answer, written as ``name`` is, whose
        questions share a word with ``asked`` ("API to check PITR status?" beside "Restore API?"), when
        it is written as code: an API, a field, a value."""
        if not as_code(name):
            return []  # "Up to 15 minutes", "Denied": what the questions share says nothing of the answers' kind
        if p.file not in self._filed:
            self._filed[p.file] = [c for q in self.passages if q.file == p.file for c in self._cards(q, asking=False)]
        words = set(_words(asked)) - self.stop
        return distinct([n for a, n, _ in self._filed[p.file] if key(n) != key(name) and written(n) == written(name)
                         and not variant(n, of=name) and not variant(name, of=n) and words & set(_words(a))
                         # of the answer's kind, or of none the lexicon knows (no DynamoDB error among response fields)
                         and (kind in self.kinds.of(n) if kind else not self.kinds.of(n) and self._thing(n))], of=key)

    def said_plainly(self, text: str) -> bool:
        """A statement worth a stem: no figure to ask as a number, no table row or learner's talk."""
        return not self._value(text) and self._plain(text)

    def tidy(self, text: str) -> str:
        return self.clean.clean(text)


# --- helpers ---------------------------------------------------------------------


def _led_by(lead: re.Match) -> str:
    """How a LEAD line separates its term from what it says (":", "-", "=", "→")."""
    return lead.string[lead.end(1):lead.start(2)].strip()


def _first_sentence(text: str) -> str:
    """A description's first sentence, without the ";" or ":" that went on to the next, nor another
    term's description begun after it in lower case ("string attrs only. contains: substring …")."""
    first = sentences(text.strip())[0]
    return NEXT_TERM.split(first, maxsplit=1)[0].rstrip(";,: ")


def _words(text: str) -> list[str]:
    """The words of ``text`` of two letters or more, lower case."""
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1]


def _round_near(value: float, plausible: Sequence[float]) -> list[float]:
    # within reach of the answer: 1 KB, 4 KB and 8 KB beside 1,048,576 bytes tempt nobody
    return sorted((v for v in plausible if v != value and abs(_ratio(v, value)) <= NEAR),
                  key=lambda v: (abs(_ratio(v, value)), v))[:6]


def _ratio(a: float, b: float) -> float:
    return math.log(a / b) if a > 0 and b > 0 else 99.0


def _shape(name: str) -> tuple[bool, str | None, int]:
    """How a blank's words are written, and how many: a state in capitals ("DRIFTED", "IN_SYNC") one
    kind, an API name another, a phrase of as many words a third."""
    words = len(name.split())
    caps = name.isupper() and words == 1
    return caps, None if caps else written(name), words


def rivals(term: str, other: str) -> int:
    """How close a competitor ``other`` is to ``term``: the words their names share ("Post
    authentication" beside "Pre authentication"), as the exam's wrong options are; none when
    one name holds the other ("Queue" is no rival of "Standard queue", it is its kind)."""
    mine, theirs = set(key(term).split()), set(key(other).split())
    return 0 if mine <= theirs or theirs <= mine else len(mine & theirs)
