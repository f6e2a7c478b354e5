"""Questions from the notes' tables: a comparison is what the exam asks most.

A table is a grid of things by attributes: its rows are the things ("Policy |
Downtime | Cost"), or its columns are when the header's first cell is empty
("| | GSI | LSI"), only labels its column ("Feature") or the headings name two
of them. Four shapes come from one, each only when the notes compare enough
things for wrong options of the same kind:

- ``definition``: "For which policy is the rollback 'terminate the new instances'?"
  (four things or more), the answer the only thing that cell describes; or "Which policy
  is the only one marked 'yes' for 'downtime'?", from a yes/no row marking one thing apart;
- ``choose-two``: "Which TWO have '30 days' as their min storage duration?"
  (five or more) when exactly two things share a cell the others clearly do not;
- ``scenario``: "What is the likely cause when you see '504 – Endpoint request timed out'?"
  or "What does 'Export … in use' mean?" of a table of symptoms and their causes or meanings
  (four rows or more), the other rows' causes or meanings the wrong options;
- ``contrast``: "Which of these applies to HTTP API but not to REST API?" (two
  or three things), the rows of a yes/no comparison (ticks and crosses too) the options.

A stem never points at "the table" or quotes "Header: cell": the reader sees no
table, and reviewers dropped nearly every such stem (rounds 12-15). A header that
is no noun ("What it sets", "Use for", "Notes") asks "which … do your notes
describe as 'cell'?" instead.

No "which statement is true" over a table's cells: reviewers read "Immutable,
no DNS change: Yes" as a pasted row, not a statement (round 8 of the review).
A two-column table ("Limit | Value") is a list of labelled values instead: its
rows are read as "Label – value" lines (``bank.lines``), like any other. When both
its columns name things ("Service | Error": "DynamoDB | ProvisionedThroughputExceededException"),
each row is also asked as "which error is listed for DynamoDB?", the other rows'
names the wrong options (``matched``). A learner's self-test table ("claim | T/F +
why", or "statement | ✅/❌ | why") is the one whose rows are statements: a true claim among
false ones, or a false one among true ones (``claimed``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Protocol

from bot.core.bank.gate import DEFINITION, SCENARIO
from bot.core.bank.kinds import Kinds
from bot.core.bank.lines import ASIDE, BAR, CAMEL, CELL, CONDITIONS, LABELLED, SAME, PERSONAL, PRONOUNS, VERDICT, bare, key, lower, variant
from bot.core.bank.questions import CHOOSE_TWO, CONTRAST, GENERATED, KIND_TWO, TWO, BankQuestion, ident, pick, place, single
from bot.core.bank import statements
from bot.core.bank.statements import unnumbered

MAX_CELL = 90  # characters: a longer cell is a paragraph, no option
TELLING = 3  # words in a cell a question may quote (``_telling``)
WHOLE = 0.75  # of a table's rows split into as many cells as its header: fewer, and it is no table
MIN_IDENTIFY = 4  # things compared: a question naming one of them needs three others
CLAIMS = 4  # true claims asked of a self-test table, each among three of its false ones
_EMPTY = re.compile(r"^(?:[-–—?/]*|n/?a)$", re.IGNORECASE)
_MARKED = re.compile(r"\w[A-Z]|[A-Z]{2}|\d|_|::")  # a name's mark: a capital inside it, a digit, code
_SAID = ("no", "yes")  # a yes/no cell's word, by its truth
_NUMBERED = re.compile(r"^(?:|#|[Nn]o\.?|\d+(?:\.\d+)*[.)]?)$")  # a row's number, or its column's header
_MARK = re.compile(r"^[*_]*(?:(T|TRUE|[Tt]rue|✅|✔️?|✓|[Yy]|[Yy]es)|F|FALSE|[Ff]alse|❌|✗|✘|[Nn]|[Nn]o)[*_]*$")  # a verdict alone
_TESTED = re.compile(r"^(?:[✅❌✓✗/?+ ]|\b(?:T|F|Y|N|true|false|verdict)\b)+$", re.IGNORECASE)  # "✅/❌", "T/F", "true?":
# a header of verdicts alone, not a cell marked "✓ real call" of a comparison (round 104's "no mock | with mock")
_ASKS = "?"  # a header, row or cell that asks ("Retry?"), saying nothing of its own
_WORD = re.compile(r"[a-z]+")
_JOINED = re.compile(r"[?/]")  # a header asking, or two in one ("Usual cause / fix")
_NOT_APPLICABLE = "n/a"  # a cell saying its column does not apply to its row
_NO_KIND = "one"  # how a stem names what a table compares when it names no kind ("which one …")
_DOES = re.compile(r"what (?:it|they) (\w+)")  # a header saying what each thing does ("What it delays")
_TICK = re.compile(r"^\s*(?:([✅✔✓☑])|[❌✖✗✘])\ufe0f?")  # a cell opening with a tick or a cross
_POLAR = re.compile(r"(yes|no)(?![\w'])", re.IGNORECASE)  # a cell opening with a yes or a no ("no (use Lambda)")
# a yes or no the cell takes back in part ("yes, but only …", "no (partial)", "yes?"): no answer to a yes/no question
_HEDGED = re.compile(r"\b(?:but|partial|partially|limited|depends|sort of|kind of)\b|[~?*]",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Table:
    kind: str  # what its things are ("Policy"); "" when the header does not say
    things: tuple[str, ...]
    attributes: tuple[str, ...]
    cells: dict[tuple[str, str], str]  # (thing, attribute) -> what the table says

    def cell(self, thing: str, attribute: str) -> str:
        return self.cells.get((thing, attribute), "")


def cells(line: str) -> list[str] | None:
    """A table row's cells ("| GSI | LSI" has an empty first one); None for a line of prose."""
    if CELL not in line and not line.startswith(BAR):
        return None
    return [c.strip() for c in line.split(BAR)]


def tables(text: str, heading: str, clean: Callable[[str], str], label: Callable[[str], bool]) -> list[Table]:
    """The tables in a passage's ``text`` with three columns or more, under ``heading`` (its
    headings' words); ``clean`` tidies each cell; ``label`` tells a header that only labels
    its column ("Feature") from one that names a kind ("Policy"). A row split by a pipe of its own
    ("aws ecr get-login-password | docker login" in a cell) is left out, not the whole table;
    a passage titled by the table's header row (it opens the passage) names none of its columns."""
    found, block = [], []
    for raw in [*text.splitlines(), ""]:
        row = cells(raw.strip())
        if row is not None:
            block.append(row)
            continue
        rows = [r for r in block if len(r) == len(block[0])]
        if rows and len(rows[0]) > 3 and all(_NUMBERED.match(r[0]) for r in rows):
            rows = [r[1:] for r in rows]  # "| # | Symptom | Likely cause | Fix |": the rows' numbers name nothing
        if len(rows) >= 3 and len(rows[0]) >= 3 and len(rows) >= len(block) * WHOLE:
            own = key(heading).replace(key(" ".join(rows[0])), " ")
            found.append(_grid([[clean(_ticked(c)) for c in r] for r in rows], own, label))
        block = []
    return found


def _ticked(cell: str) -> str:
    """ "✅" as "yes", "❌ (needs a replica)" as "no (needs a replica)": a tick says what a word would."""
    tick = _TICK.match(cell)
    if tick is None or _POLAR.match(cell[tick.end():].strip()):
        return cell  # "✅ yes": said already
    return _SAID[bool(tick.group(1))] + cell[tick.end():]


def pairs(text: str, clean: Callable[[str], str]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The two-column tables of ``text`` whose right column names things: (left header, right
    header, rows), four rows or more, each right cell a name ("SlowDown", "429 Too Many Requests")."""
    found, block = [], []
    for raw in [*text.splitlines(), ""]:
        row = cells(raw.strip())
        if row is not None:
            block.append([clean(c) for c in row[1:-1]] if raw.strip().startswith(BAR) else [clean(c) for c in row])
            continue
        # "TooManyRequestsException (429), concurrency limit": the name, without its aside or note
        block = [[bare(c).split(", ")[0] for c in r] for r in block]
        if block and all(len(r) == 2 for r in block) and all(_named(v) for _, v in block[1:]) \
                and len({key(v) for _, v in block[1:]}) == len(block) - 1:
            # names of one form: "SlowDown" among exceptions, not "503 SlowDown" (nor "4 KB": a figure)
            rows = [(t, v) for t, v in block[1:] if not re.search(r"\d", v)]
            if len(rows) >= MIN_IDENTIFY:
                found.append((block[0][0], block[0][1], rows))
        block = []
    return found


def matched(p, left: str, right: str, rows: list[tuple[str, str]], maker: Maker) -> Iterable[BankQuestion]:
    """Each row of a two-column table of names: "which <right> is listed for <left cell>?"."""
    noun = _noun(_header(right)) if _noun_header(right, maker) else _NO_KIND
    for thing, value in rows:
        others = [v for t, v in rows if t != thing and not variant(v, of=value) and not variant(value, of=v)]
        if not _name(thing) or key(thing).split()[0] in maker.stop or len(others) < 3:
            continue  # "Many APIs": no one thing to ask of
        wrong = [others[i] for i in pick(thing + value, len(others), 3)]
        stem = f"{maker.according(p)}, which {noun} is listed for {thing}?"
        why = (f"{maker.notes_on(p)} list {_header(left)} and {_header(right)} side by side: {thing}: \"{value}\". "
               + " ".join(f"{t}: \"{v}\"." for t, v in rows if v in wrong))
        yield single(p, DEFINITION, f"{thing}|{right}", stem, value, wrong, why)


def claimed(p, clean: Callable[[str], str], maker: Maker, closing: bool = False) -> Iterable[BankQuestion]:
    """A self-test table of the learner's claims, each marked true or false ("claim | T/F + why"):
    "which statement is true?", a true claim among three false ones of its table, and "which is
    false?", a false one among three true ones, each why quoted. The false claims are what the
    learner once believed: the exam's own kind of distractor. In a section's last passage
    (``closing``), a table that ends it tests the whole section, not its last subheading."""
    found: list[list[tuple[str, bool, str]]] = [[]]  # claims by table
    tested = False  # under a self-test's header of three columns ("statement | ✅/❌ | why")
    lines = p.text.rstrip().splitlines()
    whole = replace(p, heading=p.heading[:1]) if closing and cells(lines[-1].strip()) else p
    for raw in lines:
        row = cells(raw.strip()) or []
        row = row[1:] if len(row) > 2 and _NUMBERED.match(row[0]) else row  # "| 1.2 | claim | N | why |": its number
        if not found[-1] and _self_test(row):
            tested = True
            continue
        verdict = VERDICT.match(row[1]) if len(row) == 2 else _MARK.match(row[1]) if tested and len(row) == 3 else None
        if verdict is None:
            found.append([])
            tested = False
            continue
        claim, why = clean(row[0]).rstrip("."), row[2] if len(row) == 3 else verdict.group(2) or ""
        if claim and len(claim) <= statements.STATEMENT and not claim.endswith(_ASKS):
            found[-1].append((claim, verdict.group(1) is not None, clean(why)))
    for claims in found:
        true, false = [c for c in claims if c[1]], [c for c in claims if not c[1]]
        named = whole if claims is found[-1] else p  # the table that ends the section (round 137: "4. FIFO
        # topics" closed by a self-test under its last subheading, "archive + replay")
        for claim, _, why in [true[i] for i in pick(p.id, len(true), CLAIMS)] if len(false) >= 3 else []:
            wrong = _nearest(claim, false)
            yield single(p, statements.TRUE, claim, f"{maker.according(named)}{statements.ASKED}", claim, [w for w, _, _ in wrong],
                         f"{_marked(maker.notes_on(named), claim, True, why)}. {_quoted(wrong, statements.NOT)}")
        # and the exam's "which is false?": one claim the learner marked false among three marked true
        for claim, _, why in [false[i] for i in pick(p.id, len(false), 1)] if len(true) >= 3 else []:
            right = _nearest(claim, true)
            yield single(p, statements.TRUE, claim + statements.FALSE, f"{maker.according(named)}{statements.FALSE}", claim,
                         [t for t, _, _ in right], f"{_marked(maker.notes_on(named), claim, False, why)}, and true: {_quoted(right)}")


def _nearest(claim: str, others: list[tuple[str, bool, str]]) -> list[tuple[str, bool, str]]:
    """The three claims of the other verdict nearest ``claim`` in length: the answer is no longest
    option (round 134)."""
    shuffled = [others[i] for i in pick(claim, len(others), len(others))]
    return sorted(shuffled, key=lambda c: abs(len(c[0]) - len(claim)))[:3]


def _marked(notes_on: str, claim: str, verdict: bool, why: str) -> str:
    """How an explanation says the learner's verdict on the answer, and why."""
    return f"{notes_on} mark \"{claim}\" {str(verdict).lower()}{_because(why)}"


def _quoted(claims: list[tuple[str, bool, str]], opening: str = "\"") -> str:
    """The other options' claims, each with its why."""
    return " ".join(f"{opening}{c}\"{_because(y)}." for c, _, y in claims)


def _self_test(header: list[str]) -> bool:
    """The header of a self-test of three columns, its middle one the learner's verdicts ("statement
    | ✅/❌ | why", "claim | T/F | because")."""
    return len(header) == 3 and _TESTED.search(header[1]) is not None and not _MARK.match(header[1])



def _because(why: str) -> str:
    """A claim's why after its verdict, when the learner wrote one."""
    return f": {why}" if why else ""


def _named(cell: str) -> bool:
    """A cell naming one thing: a few words, one of them written as a name (a capital inside it,
    a digit, code), no sentence."""
    return (_value(cell) and len(cell.split()) <= 4 and len(cell) <= MAX_CELL // 2
            and re.search(r"\w[A-Z]|[A-Z]{2}|\d|_", cell) is not None and not re.search(r"[,;.:]\s", cell))


def _grid(rows: list[list[str]], heading: str, label: Callable[[str], bool]) -> Table:
    header, body = rows[0], rows[1:]
    named = sum(f" {key(h)} " in f" {heading} " for h in header[1:] if key(h))
    # "| | GSI | LSI", "Feature | User pool | Identity pool", or under "GSI vs LSI": the columns are
    # the things, the rows their attributes
    # a row asking a question ("Can I read from the copy?") is an attribute, never a thing
    # ("type | what | who shapes it" over AWS_PROXY, MOCK, …: a label over a column of names heads the rows)
    coded = sum(re.search(r"[A-Z]{2}|_|\w[A-Z]", r[0]) is not None for r in body) >= max(3, len(body) - 1)
    if header[0] == "" or label(header[0]) and not coded or named >= 2 or any(r[0].rstrip().endswith(_ASKS) for r in body):
        kept = [(j, h) for j, h in enumerate(header[1:]) if not (h and label(h))]  # "remark": a column of asides
        things, attributes = tuple(h for _, h in kept), tuple(r[0] for r in body)
        table = {(t, r[0]): r[1 + j] for r in body for j, t in kept}
        return Table("", things, attributes, table)
    things, attributes = tuple(r[0] for r in body), tuple(header[1:])
    table = {(r[0], a): r[1 + j] for r in body for j, a in enumerate(attributes)}
    return Table(header[0], things, attributes, table)


class Maker(Protocol):
    """What the questions of a table need from the generator."""

    def according(self, p, depth: int | None = None) -> str: ...
    def where(self, p) -> str: ...
    def notes_on(self, p) -> str: ...
    def label(self, text: str) -> bool: ...
    def aspect(self, header: str) -> bool: ...
    stop: frozenset[str]
    known: frozenset[str]
    kinds: Kinds
    causes: frozenset[str]
    meanings: frozenset[str]
    remedies: frozenset[str]


def questions(p, table: Table, maker: Maker) -> Iterable[BankQuestion]:
    """The table's which-thing questions, then its choose-two ones."""
    things = [t for t in table.things if _name(t)]
    attributes = [a for a in table.attributes if a and len(a) <= MAX_CELL // 2]
    usable = {(t, a) for t in things for a in attributes if _telling(table.cell(t, a))}
    needs = sum(_need(t) for t in things) * 2 > len(things)  # "Prevent stack deletion | Termination protection"
    if _facets(table, things, maker):
        return
    yield from _diagnosed(p, table, [t for t in table.things if _value(t)], maker)  # a symptom may take a sentence
    if len(things) >= MIN_IDENTIFY and "/" not in table.kind and not needs:  # "Symptom / error | Fix": no kind to ask by
        yield from _identify(p, table, things, attributes, usable, maker)
        yield from _odd_one(p, table, things, attributes, maker)
    if len(things) >= MIN_IDENTIFY + 1:
        yield from _pairs(p, table, things, attributes, usable, maker)
    if 2 <= len(things) < MIN_IDENTIFY:
        yield from _contrasts(p, table, things, attributes, maker)


def _diagnosed(p, table: Table, things: list[str], maker: Maker) -> Iterable[BankQuestion]:
    """ "What is the probable cause when you see '504 – Endpoint request timed out'?": a table of
    symptoms with a column of their causes ("Likely cause"), the exam's troubleshooting question;
    "what does 'Export … in use' mean?" under a column of what each means ("What it means"). The
    wrong options are the other rows' cells of that column. The cells left of the causes say what
    the learner sees ("what I saw"); a yes/no column or a question ("Retry?") says nothing of it."""
    column = next((a for a in table.attributes if _causal(a, maker)), None)
    if column is None:
        return
    meant = _WORD.findall(column.lower())[-1] in maker.meanings  # "Error message | What it means | How to fix"
    seen = table.attributes[:table.attributes.index(column)]
    # not a symptom two rows name ("403" twice): the stem would not say which, and one row's cells are lost
    causes = {t: table.cell(t, column) for t in things if _telling(table.cell(t, column)) and things.count(t) == 1}
    for thing, cause in causes.items():
        others = [t for t, c in causes.items() if t != thing and not _alike(c, cause)]
        if len(others) < MIN_IDENTIFY - 1 or _self_named(thing, meant):
            continue
        wrong = [others[i] for i in pick(thing + column, len(others), MIN_IDENTIFY - 1)]
        shown = [c for a in seen if _ASKS not in a and _value(c := table.cell(thing, a)) and _polar(c) is None]
        # what it means is of the thing alone: not "what does 'InitQuery – none' mean?" beside a column of defaults
        symptom = LABELLED.join([thing, *shown] if not meant else [thing]).replace('"', "'")
        stem = f"{maker.according(p)}, what does \"{symptom}\" mean?" if meant \
            else f"{maker.according(p)}, what is the {_header(column)} when you see \"{symptom}\"?"
        why = _compared(p, maker, ((t, causes[t]) for t in [thing, *wrong]))
        yield single(p, SCENARIO, f"{thing}|{column}", stem, cause, [causes[t] for t in wrong], why)


def _self_named(symptom: str, meant: bool) -> bool:
    """An error whose name says what it means ("503 SlowDown", "EntityTooSmall", "States.Timeout"): what it
    means or why it comes is read off the name, not known; a wrong option for the others all the same.
    Asked what it means, any name ("401 UNAUTHORIZED", "429 THROTTLED (Too Many Requests)"), not a message
    ("Export … cannot be deleted as it is in use"), says it."""
    words = [w for w in bare(symptom).split() if _WORD.search(w.lower())]  # not the status code before it, nor "/"
    return len(words) == 1 and len(_WORD.findall(CAMEL.sub(" ", words[0]).lower())) >= 2 \
        or meant and 0 < len(words) <= 2


def _causal(attribute: str, maker: Maker) -> bool:
    """A header over causes ("Probable cause", "Root cause") or what each symptom means ("What it means",
    "Usually means"), not two columns in one ("Usual cause / fix")."""
    words = _WORD.findall(attribute.lower())
    return 0 < len(words) <= TELLING and words[-1] in maker.causes | maker.meanings and not _JOINED.search(attribute)


def _contrasts(p, table: Table, things: list[str], attributes: list[str], maker: Maker) -> Iterable[BankQuestion]:
    """"Which of these applies to REST API but not to HTTP API?": the yes/no rows ("API
    keys | yes | no") of a table comparing two or three things, two at a time; the answer a row
    marked so, the wrong options rows marked any other way (both yes, both no, or the other way
    round). A row is no statement here (round 8: "Caching: Yes" read as a pasted row), it is what
    the learner must tell apart."""
    for one, other in itertools.permutations(things, 2):  # of three things, two at a time
        marks = {a: (_polar(table.cell(one, a)), _polar(table.cell(other, a))) for a in attributes}
        named = {a: ASIDE.sub("", a).strip() for a, m in marks.items() if None not in m and _ASKS not in a}
        rest = [a for a in named if marks[a] != (True, False)]
        for attribute in [a for a in named if marks[a] == (True, False)] if len(rest) >= 3 else []:
            wrong = [rest[i] for i in pick(one + attribute, len(rest), 3)]
            # asked of the things, not of the heading ("Retry vs Catch vs redrive — when to use") nor the table's
            # layout ("a 'yes' for Retry and a 'no' for Catch", rounds 115 and 117)
            stem = f"{maker.according(p, 1)}, which of these applies to {one} but not to {other}?"
            why = _compared(p, maker, ((f"{named[a]}, {t}", table.cell(t, a)) for a in [attribute, *wrong] for t in (one, other)))
            yield single(p, CONTRAST, f"{one}|{other}|{attribute}", stem, named[attribute], [named[a] for a in wrong], why)


def _compared(p, maker: Maker, cells: Iterable[tuple[str, str]]) -> str:
    """The explanation of a table's question: what the table says of each option."""
    return f"{maker.notes_on(p)} compare them in a table: " + " ".join(f"{who}: \"{said}\"." for who, said in cells)


def _polar(cell: str) -> bool | None:
    """A cell answering yes (True) or no (False) outright ("yes (up to 5 per shard)", "no, pure
    cache"); None for any other, or for a yes or no the cell takes back in part."""
    said = _POLAR.match(cell.strip())
    return None if said is None or _HEDGED.search(cell) else said.group(1).lower() == _SAID[True]


def _facets(table: Table, things: list[str], maker: Maker) -> bool:
    """Rows that are facets of one subject, under a header naming no kind ("Item" over "scope",
    "billing"; "Limit" over "tags per bucket", "reserved prefix"): "which item is described as …"
    asks the learner to pick a facet, and reviewers kept none of 8. A row written as a name, or one
    the lexicon knows ("visibility timeout" under "Setting"), is a thing of its own."""
    return bool(table.kind) and maker.aspect(table.kind) \
        and not any(_MARKED.search(t) or key(t) in maker.known for t in things)


def _identify(p, table: Table, things: list[str], attributes: list[str],
              usable: set[tuple[str, str]], maker: Maker) -> Iterable[BankQuestion]:
    for thing in things:
        # "same as standard" in the FIFO topic's row: the standard topic's value is the FIFO topic's too
        mine = {w for w in key(thing).split() if len(w) > 2} - {w for o in things if o != thing for w in key(o).split()}
        # another row's cell too long to quote says something else all the same ("DynamoDB Streams: TRIM_HORIZON …")
        own = [a for a in attributes if (thing, a) in usable and maker.remedies.isdisjoint(_WORD.findall(a.lower())[-1:])
               and all((_differ(table.cell(o, a), table.cell(thing, a))
                        or len(table.cell(o, a)) > MAX_CELL and not _alike(table.cell(o, a), table.cell(thing, a)))
                       and mine.isdisjoint(key(table.cell(o, a)).split()) for o in things if o != thing)]
        if not own:
            continue  # no cell of its own: the table does not tell it from the others
        # a named attribute before a free note, then the most the table says of the thing
        attribute = max(own, key=lambda a: (_noun_header(a, maker), len(table.cell(thing, a))))
        value = table.cell(thing, attribute).replace('"', "'")
        if value.lower().startswith(_NOT_APPLICABLE):
            continue  # "n/a (managed)": the cell says the column does not apply, of this row and maybe others
        others = [o for o in things if o != thing and not variant(o, of=thing)]
        if len(others) < 3:
            continue
        wrong = [others[i] for i in pick(thing + attribute, len(others), 3)]
        kind = _kind(p, table, thing, things, wrong, maker)
        asked = _asked(kind, attribute, value, maker)
        if kind == _NO_KIND and _by_column(attribute, maker):
            continue  # "for which one is the eviction '…'": a cell looked up in a grid of no kind (reviewers kept 0 of 21)
        why = _compared(p, maker, [(f"{thing}, {attribute.lower()}", value), *((o, table.cell(o, attribute)) for o in wrong)])
        yield single(p, DEFINITION, f"{thing}|{attribute}", f"{maker.according(p)}, {asked}?", thing, wrong, why)


def _kind(p, table: Table, thing: str, things: list[str], wrong: list[str], maker: Maker) -> str:
    """What the table's things are, as a question names them ("policy"), or "one"."""
    # an acronym over a column of numbers ("HTTP" over 404, 409) is no noun: "which one has …"
    coded = re.fullmatch(r"[A-Z]{2,5}", table.kind.strip()) and all(t[:1].isdigit() for t in things)
    spoken = set(table.kind.lower().split()) & (PERSONAL | {"you"})  # "You see | Fix": the learner's words, no noun
    kind = _noun(lower(table.kind)) if table.kind and len(table.kind.split()) <= 3 and not coded and not spoken \
        and not maker.label(table.kind) else _NO_KIND  # "Thing | Max": a label, no kind
    if kind == _NO_KIND:  # "| | KDS | SQS | SNS |", "| HTTP | …" over 400, 503: the lexicon's kind of what it compares
        known = maker.kinds.kind(thing, things)
        kind = known if known and all(known in maker.kinds.of(o) for o in wrong) else _headed(p, maker)
    return kind


def _odd_one(p, table: Table, things: list[str], attributes: list[str], maker: Maker) -> Iterable[BankQuestion]:
    """"Which policy is the only one marked 'yes' for 'Downtime'?": a row of yes and no ("Key sent with every
    request? | No | No | Yes | No") that marks one thing apart from the rest."""
    for attribute in attributes:
        if _MARKED.search(attribute) and len(attribute.split()) <= 2 and not attribute.endswith(_ASKS):
            continue  # "EC2/On-Prem", "HTTP API" over a column of hooks: "the only 'no' to 'EC2/On-Prem'" asks nothing
        marks = {t: _polar(table.cell(t, attribute)) for t in things}
        for odd in (True, False):
            alone = [t for t, m in marks.items() if m is odd]
            rest = [t for t, m in marks.items() if m is (not odd)]
            if len(alone) != 1 or len(rest) < 3 or len(alone) + len(rest) < len(things):
                continue  # a cell neither yes nor no: the row tells nothing apart
            [thing] = alone
            wrong = [rest[i] for i in pick(thing + attribute, len(rest), 3)]
            stem = (f"{maker.according(p)}, which {_kind(p, table, thing, things, wrong, maker)} is the only one "
                    f"marked \"{_SAID[odd]}\" for \"{_header(attribute).rstrip(_ASKS)}\"?")
            why = _compared(p, maker, ((t, table.cell(t, attribute)) for t in [thing, *wrong]))
            yield single(p, DEFINITION, f"{thing}|{attribute}|only", stem, thing, wrong, why)


def _headed(p, maker: Maker) -> str:
    """What a table's rows are, when its heading says it in a plural noun of a few words
    ("Deployment strategies", "Error codes" -> "deployment strategy"); "one" under any other
    ("THE BIG TABLE", "Authorizers compared", "Read replicas vs Multi-AZ")."""
    headings = [h for h in p.heading if BAR not in h]  # not the table's own header row
    heading = re.sub(r"\s*\([^)]*\)", "", unnumbered(headings[-1])).strip() if headings else ""  # "3. Data sources"
    words = re.findall(r"[A-Za-z]+", heading)
    plural = bool(words) and len(words) == len(heading.split()) <= 3 and re.fullmatch(r"[a-z]+[^s]s", words[-1]) is not None
    return _noun(lower(heading)) if plural and not any(maker.label(w) or w.lower() in maker.stop for w in words) else _NO_KIND


def _asked(kind: str, attribute: str, value: str, maker: Maker) -> str:
    """How a cell is asked by its column: "for which policy is the rollback …" under a noun,
    "which timer delays …" under "What it delays", "for which policy do the notes say 'rollback
    if it breaks: …'" under a clause (not "for which policy are the rollback if it breaks …",
    round 53), "which policy is described as …" under a label ("Notes")."""
    header = _header(attribute)
    if verb := _DOES.fullmatch(header):
        return f"which {kind} {verb.group(1)} \"{value}\""
    if _spoken(header):
        return f"for which {kind} do the notes say \"{header}: {value}\""
    if _by_column(attribute, maker):
        return f"for which {kind} {_be(header)} the {header} \"{value}\""  # not "… as its replay"
    return f"which {kind} is described as \"{value}\""


def _by_column(attribute: str, maker: Maker) -> bool:
    """A cell asked by its column's noun ("for which policy is the rollback …")."""
    header = _header(attribute)
    return not _DOES.fullmatch(header) and not _spoken(header) and _noun_header(attribute, maker)


def _spoken(header: str) -> bool:
    """A header in the notes' own voice or a condition ("Use it when", "How I turn it on")."""
    return bool(set(re.findall(r"[a-z']+", header)) & (PRONOUNS | PERSONAL | CONDITIONS))


def _noun_header(attribute: str, maker: Maker) -> bool:
    """A header that reads as a noun after "its" ("Rollback", "Bake time"); not a label ("Notes",
    "Range / notes"), two joined ("Range / values", "Usual cause / fix": "for which setting are the
    range / values …" reads as no sentence, reviewers kept 1 of 7), a question or a clause ("What
    it sets", "Use for", "Typical use")."""
    words = _WORD.findall(attribute.lower())
    return (bool(words) and len(words) <= 4 and not _JOINED.search(attribute)
            and not any(maker.label(w) for w in words) and words[0] not in maker.stop and words[-1] not in maker.stop)


def _be(header: str) -> str:
    """ "is the rollback", "are the key fields"."""
    last = re.split(r"[\s/]+", header.strip())[-1] if header.strip() else ""
    return "are" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "is"


def _header(attribute: str) -> str:
    """A header as it reads inside a sentence: "Bake time (alarm watch)" -> "bake time"."""
    return lower(re.sub(r"\s*\([^)]*\)", "", attribute).strip())


def _noun(kind: str) -> str:
    """The header as a noun for "which … matches": one thing ("CPU units" -> "CPU unit"), and
    "one" for a header that is no noun ("Predefined")."""
    *rest, last = kind.split()
    if last.endswith("ed"):
        return _NO_KIND
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return " ".join([*rest, last])


def _pairs(p, table: Table, things: list[str], attributes: list[str],
           usable: set[tuple[str, str]], maker: Maker) -> Iterable[BankQuestion]:
    """Two things sharing a cell that every other thing clearly lacks: a choose-two."""
    for attribute in attributes:
        if not _noun_header(attribute, maker):
            continue  # a free note beside each row: two alike notes share no property
        values = {t: table.cell(t, attribute) for t in things if (t, attribute) in usable}
        by_value: dict[str, list[str]] = {}
        for t, v in values.items():
            by_value.setdefault(key(v), []).append(t)
        for pair in (ts for ts in by_value.values() if len(ts) == 2):
            value = values[pair[0]]
            rest = [t for t in things if t not in pair and t in values and not _alike(values[t], value)]
            if len(rest) < 3 or len(rest) < len(things) - 2:
                continue  # a thing the table leaves blank, or one whose value is a variant of it
            wrong = [rest[i] for i in pick(attribute + value, len(rest), 3)]
            qid = ident(p.id, TWO, f"{attribute}|{value}")
            options, answers = place(qid, pair, wrong)
            stem = f"{maker.according(p)}, which TWO have \"{value}\" as their {_header(attribute)}? {CHOOSE_TWO}"
            why = (f"{maker.notes_on(p)} compare them in a table: {pair[0]} and {pair[1]} have "
                   f"\"{value}\" as {attribute.lower()}. " + " ".join(f"{o}: \"{values[o]}\"." for o in wrong))
            yield BankQuestion(id=qid, topic=p.section, kind=KIND_TWO, stem=stem, options=tuple(options),
                               answers=answers, explanation=why, passages=(p.id,), generated=True,
                               source=GENERATED, shape=TWO)


def _name(thing: str) -> bool:
    return 0 < len(thing.split()) <= 5 and not _EMPTY.match(thing) and len(thing) <= MAX_CELL // 2


def _need(thing: str) -> bool:
    """A row's first cell that is a need in plain words, no name ("speed up repeated dependency
    downloads"): the situation a scenario asks, never the answer to "which … is described as"."""
    return len(thing.split()) >= TELLING and _MARKED.search(thing) is None


def _value(cell: str) -> bool:
    return bool(cell) and not _EMPTY.match(cell) and len(cell) <= MAX_CELL


def _telling(cell: str) -> bool:
    """A cell that says something of its thing: three words or more. "Default: 3", "30 min",
    "yes" or "true/false" asked without the row around it is a lookup of trivia that the
    stem gives no way to reason about."""
    return _value(cell) and len(re.findall(r"[A-Za-z0-9]+", cell)) >= TELLING \
        and not SAME.match(cell)  # "same as std": another row's value, no cell of its own


def _alike(a: str, b: str) -> bool:
    """One value a variant of the other ("no" / "no (reduced capacity)"), the two open or end alike
    (short ones: "push fan-out" / "ordered fan-out") or
    give one figure ("max 10,000" / "up to 10,000"): one may be true of both, so one is no false
    statement for the other."""
    wa, wb = key(a).split(), key(b).split()
    shared = set(re.findall(r"\d+", a.replace(",", ""))) & set(re.findall(r"\d+", b.replace(",", "")))
    return not wa or not wb or wa[0] == wb[0] or max(len(wa), len(wb)) <= 3 and wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa) or bool(shared)


def _differ(a: str, b: str) -> bool:
    """Cell ``a`` is not what ``b`` says: a value of its own ("same", "ditto" may be ``b`` itself)."""
    return _value(a) and not SAME.match(a) and not _alike(a, b)
