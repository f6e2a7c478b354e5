"""Questions worded from the notes' statements: a blanked amount, "which statement is
true?", and which thing a statement is said of.

The generator finds each line's figure worth asking once (``Figure``: the line,
its amount, three wrong amounts of its unit, the line with the amount blanked);
this module words the shapes made of figures and statements:

- ``number``: "what completes this statement? '… up to _____'", under the line a
  list sits under when there is one;
- ``true_statement``: four figures of one section, three of them changed to a
  wrong amount of their unit (one the notes give elsewhere, else a usual value of
  the unit): the true one is the notes' own line, and the explanation gives what
  the notes say instead of each changed one;
- ``paired``: the same question made of four terms a list defines side by side:
  one statement pairs a term with its own description, three pair a term with
  another's; ``paired_two``, of five, asks which TWO are true;
- ``described``: a statement the notes make under a label ("Reserved concurrency:"
  over its bullets) or a heading, asked as "which one does this describe?", the
  wrong options the labels beside it (``labelled`` reads them, ``facets`` picks the
  statements said plainly of one label); ``described_two`` asks which TWO describe it;
- ``listed_two``: "which TWO of these are <the list's name>?".

``unaskable`` holds the checks a blanked figure must pass to be asked at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bot.core.bank.gate import DEFINITION
from bot.core.bank.kinds import abbreviates
from bot.core.bank.lines import BULLET, CAMEL, LEAD, PRONOUNS, RULE, RULE_START, Line, key, lower, mentions, overlap, sentences, unclosed
from bot.core.bank.questions import BLANK, CHOOSE_TWO, GENERATED, KIND_TWO, BankQuestion, ident, pick, place, single, TWO
from bot.core.bank.stems import card_asked, exemplified, unremarked
from bot.core.lookup.notes import CLOZE

LABEL_WORDS = 6  # "Provisioned concurrency:" labels the bullets under it; a longer line says something
FACET_WORDS = (5, 30)  # words: a statement shorter says too little to point at one thing, a longer is no stem
CODE = re.compile(r"[{}\[\]<>?]|!\w|:.*:")  # "fn returns {…}", "!If", "Why?: …": code or a question, no statement
TWO_THINGS = re.compile(r"/|,|&|\+|\band\b|\bor\b|\bvs\b|\(|\s[-–—]\s", re.IGNORECASE)  # a label of no one thing
ANSWER_LINE = re.compile(r"^\s*(?:→|->|=>)\s*\S")  # "   → TTL is not precise": the answer to the line before
FRONT = re.compile(r"^([A-Za-z][^?]{8,80}\?)\s*(?:–|—|-|:|→|->|=>)\s+(\S.{6,})$")  # "Dev token lifetime? – 15 min": a card on one line
SUBTERM = re.compile(r"^(?P<term>[^:]{2,60}?\([^)]*\))\s*:\s+(?P<text>\S.*)$")  # "On-demand Advantage (newer, …): …"
LEFT = "\n"  # what bullets under a prose line are said of: nothing to ask
STATEMENT = 110  # characters: a longer line is no option of "which statement is true?"
TRUE, ASKED = "true-statement", ", which statement is true?"  # the shape, and how its stem asks
FALSE = ", which statement is false?"  # how its stem asks for the one false claim among true ones
NOT = "Not \""  # how an explanation opens on a wrong option's statement
SHORT_CLAUSE = 6  # words: a clause this short after the figure ("the default is 30 days") stays in its stem
LIMITED = re.compile(r"\b(?:max(?:imum)?|up to|at most|limit(?:ed)? (?:of|to))\s+(?:\d{1,3}(?:,\d{3})+|\d+)\s+((?-i:[a-z]{3,}s))\b",
                     re.IGNORECASE)  # "up to 5 targets": what the notes count against a limit
REFERS = re.compile(r"\b(?:it|it's|its|they|them|their)\b", re.IGNORECASE)  # early on, a word pointing elsewhere
SHORTHAND = re.compile(r"->|→|=>|≈|~")  # "sync -> caller retries; async -> ___", "~___ ≈ 1 vCPU": shorthand, no sentence
ASIDE = re.compile(r"\s*\((?:see\b[^)]*|(?:[^()\s]+\s+){4,}[^()]*)\)")  # "(see section 4)", a parenthesis of five words or more


@dataclass
class Figure:
    """A figure of a line worth asking: the line, where it stands, its amount and wrong ones."""

    sentence: Line
    line: Line  # the sentence, or what follows its label
    match: re.Match
    answer: str
    wrong: list[str]
    blanked: str
    quoted: str  # the sentence as the notes write it ("max 900 seconds (15 min)")
    card: str = ""  # the flashcard question this line answers ("Q: Default TTL of a cache policy?")


class Maker(Protocol):
    """What the statement questions need from the generator."""

    def according(self, p, depth: int | None = None) -> str: ...
    def where(self, p) -> str: ...
    def notes_on(self, p) -> str: ...
    def tidy(self, text: str) -> str: ...
    def label(self, text: str) -> bool: ...
    def said_plainly(self, text: str) -> bool: ...
    figure_words: frozenset[str]
    measures: tuple[frozenset[str], ...]
    stop: frozenset[str]
    units: set[str]


VALUED = re.compile(r"^([A-Za-z][A-Za-z ./()'-]{2,60}?)\s*(?::|=|–|—)\s*_{5}\.?$")  # a label (no figure), then its value


def number(p, figure: Figure, intro: str, maker: Maker) -> BankQuestion:
    if figure.card:  # the learner's own flashcard, its answer blanked
        stem = f"{maker.according(p)}, {card_asked(figure.card, figure.blanked)}"
        why = f"{maker.notes_on(p)} answer \"{figure.card}\" with: \"{maker.tidy(figure.line.text)}\"."
        return single(p, "number", figure.match.group(0), stem, figure.answer, figure.wrong, why)
    stem = _completes(p, figure.blanked, intro, maker)
    if (valued := VALUED.match(figure.blanked)) and not intro \
            and valued.group(1).split()[-1].lower() not in maker.stop \
            and (asked := _valued(lower(valued.group(1)), figure.answer, maker)):  # "Parameter value size – ___": no sentence
        stem = f"{maker.according(p)}, {asked}?"
    return single(p, "number", figure.match.group(0), stem, figure.answer, figure.wrong, _says(p, figure.quoted, maker))


def cloze(p, blanked: str, answer: str, others: list[str], lines: list[str], maker: Maker) -> BankQuestion | None:
    """A cloze card's blank (``blanks``), its wrong options three of the deck's other blanks written
    as it is and of its kind: a name ending in the same word ("…Exception", "…ChangeSet"), a value in
    capitals one a line of the notes names beside it ("ReturnValues = NONE, ALL_OLD, …"); those
    sharing most words with it first ("DescribeChangeSet" for "ExecuteChangeSet"). None when three
    are not found: a parameter among exceptions and metrics (round 165) is a give-away."""
    said = re.compile(rf"(?<![\w-]){re.escape(answer)}(?![\w-])")
    beside = {w for line in lines if answer.isupper() and said.search(line) for w in _NAMED.findall(line)}
    head = _kind_of(answer)
    kin = [o for o in others if o in beside or head and _kind_of(o) == head]
    if len(kin) < 3:
        return None
    mine = set(_NAME_PARTS.split(answer.lower()))
    wrong = sorted(kin, key=lambda o: -len(mine & set(_NAME_PARTS.split(o.lower()))))[:3]
    return single(p, DEFINITION, answer, _completes(p, blanked, "", maker), answer, wrong,
                  _says(p, blanked.replace(BLANK, answer), maker))


_NAMED = re.compile(r"[A-Za-z][\w-]*[A-Za-z0-9]")  # the names a line writes
_NAME_PARTS = re.compile(r"_|-|(?<=[a-z])(?=[A-Z])")  # the words of "UPDATED_OLD", "ExecuteChangeSet"


def _kind_of(name: str) -> str:
    """The last word of a compound name, its kind ("Exception", "Set", "OLD"), singular; "" for one word."""
    words = [w for w in _NAME_PARTS.split(name) if w]
    return words[-1].lower().removesuffix("s") if len(words) > 1 else ""


def _completes(p, blanked: str, intro: str, maker: Maker) -> str:
    listed_under = f", under \"{intro}\"," if intro else ","
    return f"{maker.according(p)}{listed_under} what completes this statement?\n\"{blanked}\""


def _says(p, quoted: str, maker: Maker) -> str:
    return f"{maker.notes_on(p)} say: \"{maker.tidy(quoted)}\"."


QUANTITIES = ("duration", "size")  # what each of the maker's measures measures

CLOZE_WORDS = 4  # words a cloze hides at most to be asked among others: a longer one is a clause, no option


def blanks(card: str) -> list[tuple[str, str]]:
    """(the card with one cloze blanked and the others shown, the words it hides): each cloze a card
    hides alone; none of a list ("{{c1::Add}}, {{c1::Modify}}, …": one number hiding several, or
    three clozes and more), nor one whose hint offers its answers ("{{c1::does::does/doesn't}}")."""
    found = list(CLOZE.finditer(card))
    out = []
    for m in found if len(found) < 3 else []:
        answer = m.group(2).strip()
        blanked = CLOZE.sub(lambda o: BLANK if o.start() == m.start() else o.group(2), card)
        if [o.group(1) for o in found].count(m.group(1)) == 1 and "/" not in (m.group(3) or "") \
                and 0 < len(answer.split()) <= CLOZE_WORDS and answer.lower() not in blanked.lower():
            out.append((blanked, answer))
    return out


def _valued(named: str, answer: str, maker: Maker) -> str:
    """"what is the default TTL" under a label naming a measure, or one whose figure's unit is no
    size or duration; "" under one naming only a thing of a size or a duration: "what is the per
    row?" (round 83) and "what size do they give for the session creds?" (reviewers kept 0 of 6)
    say no more than the notes' "HTTP request body – 4 MB" as it is asked."""
    unit = answer.split()[-1].lower()
    first, _, rest = named.partition(" ")
    if not unit[-1:].isalpha() and first.lower() in maker.figure_words and rest:  # "max metrics per request: 1000"
        return f"what is the {first} number of {rest}"
    quantity = next((q for q, m in zip(QUANTITIES, maker.measures) if unit in m), None)
    if quantity is None or set(named.lower().split()) & (maker.figure_words | set().union(*maker.measures)) - maker.units:
        return f"what is the {named}"
    return ""


def apart(card: str, answer: str) -> bool:
    """ "PS sizes / depth / versions?" answered "4 KB std, 8 KB adv / 15 levels / 100": a flashcard
    asking as many things as its answer gives apart, a figure answering one of them; not "Max .zip
    (console / CLI)?", the ways to say one thing."""
    asked = card.count(" / ")
    return asked > 0 and answer.count(" / ") == asked


def true_statement(true: Figure, false: list[Figure], maker: Maker) -> BankQuestion:
    """``true`` as the notes write it, each of ``false`` with its first wrong amount."""
    changed = [said(f, f.wrong[0], maker) for f in false]
    right = said(true, true.answer, maker)
    home = true.sentence.passage
    why = (f"{_says(home, true.quoted, maker)} "
           + " ".join(f"{NOT}{c}\": the notes say \"{maker.tidy(f.quoted)}\"." for c, f in zip(changed, false)))
    return single(home, TRUE, right, f"{maker.according(home)}{ASKED}",
                  right, changed, why)


def said(figure: Figure, amount: str, maker: Maker) -> str:
    """The figure's whole line (its label too) with ``amount`` in place of its own."""
    before = figure.sentence.text[:len(figure.sentence.text) - len(figure.line.text)]
    m = figure.match
    return maker.tidy(before + figure.line.text[:m.start()] + amount + figure.line.text[m.end():])


def paired(p, defined: list[tuple[str, str, Line]], intro: str, maker: Maker) -> BankQuestion:
    """``defined``: four (term, description, line); the first is told true, each other term
    with the next one's description (the last with the second's)."""
    described = [maker.tidy(d).rstrip(".") for _, d, _ in defined]
    right = f"{defined[0][0]}: {described[0]}"
    others = [(t, described[1 + n % 3]) for n, (t, _, _) in enumerate(defined[1:], start=1)]
    wrong = [f"{t}: {d}" for t, d in others]
    why = (f"{_says(p, defined[0][2].text, maker)} "
           + " ".join(f"{NOT}{w}\": the notes describe {t} as \"{d}\"."
                      for w, (t, _, _), d in zip(wrong, defined[1:], described[1:])))
    under = f", under \"{intro}\"" if intro else ""
    return single(p, TRUE, f"paired {defined[0][0]}", f"{maker.according(p)}{under}{ASKED}", right, wrong, why)


def paired_two(p, defined: list[tuple[str, str, Line]], intro: str, maker: Maker) -> BankQuestion:
    """``defined``: five (term, description, line); the first two are told true, each of the
    other three with the next one's description (the last with the third's)."""
    described = [maker.tidy(d).rstrip(".") for _, d, _ in defined]
    right = [f"{t}: {d}" for (t, _, _), d in zip(defined[:2], described[:2])]
    wrong = [f"{t}: {described[2 + (n + 1) % 3]}" for n, (t, _, _) in enumerate(defined[2:])]
    listed_under = f", under \"{intro}\"," if intro else ","
    why = (f"{maker.notes_on(p)} say: " + " ".join(f"\"{maker.tidy(line.text)}\"" for _, _, line in defined[:2]) + " "
           + " ".join(f"{NOT}{w}\": the notes describe {t} as \"{d}\"."
                      for w, (t, _, _), d in zip(wrong, defined[2:], described[2:])))
    qid = ident(p.id, TWO, f"paired {defined[0][0]} {defined[1][0]}")
    options, answers = place(qid, right, wrong)
    return BankQuestion(id=qid, topic=p.section, kind=KIND_TWO, stem=f"{maker.according(p)}{listed_under} which TWO "
                        f"statements are true? {CHOOSE_TWO}", options=tuple(options), answers=answers, explanation=why,
                        passages=(p.id,), generated=True, source=GENERATED, shape=TWO)


def labelled(text: str) -> list[tuple[str, list[str]]]:
    """A passage's statements by what they are said of: its own bullets first (label ""),
    then each "Label:" line's bullets (a bullet's wrapped lines joined; sub-points left
    out, they qualify their bullet). Labels with fewer than two bullets are left out, and so are the
    bullets under a longer line announcing them."""
    found: list[tuple[str, list[str]]] = [("", [])]
    for raw in text.splitlines():
        line, indent = raw.strip(), len(raw) - len(raw.lstrip())
        if not line:
            continue
        if indent == 0 and not line.startswith(BULLET):
            announces = line.endswith(":")
            if announces and len(line.split()) <= LABEL_WORDS:
                found.append((line[:-1].strip(), []))
            elif found[-1][0] or announces:  # "When NOT to use DAX (classic distractors):" says
                # what its bullets are, no label of them: they are said of neither it nor the heading
                found.append((LEFT, []))  # prose after a label's bullets: what follows is said of no label
        elif line.startswith(BULLET) and indent == 0:
            found[-1][1].append(line.lstrip(BULLET).strip())
        elif not line.startswith(BULLET) and found[-1][1]:
            found[-1][1][-1] += " " + line  # a bullet's wrapped line
    return [(label, items) for label, items in found if label != LEFT and (len(items) >= 2 or not label)]


def facets(items: list[str], named: dict[str, list[str]], maker: Maker) -> list[str]:
    """Of a label's bullets, the first sentences said plainly of it alone: no label of ``named``
    in them, no rule ("Use it when …"), no code or question, none the others' bullets repeat; a
    bullet that describes a term of its own ("Transition actions – move objects …") is none."""
    found = []
    for item in items:
        lead = LEAD.match(item) or SUBTERM.match(item)
        if lead and not maker.label(lead.group("term")):
            continue
        item = lead.group("text") if lead else item  # "Why: they reduce the load …"
        said = maker.tidy(sentences(item)[0] if sentences(item) else item).rstrip(".").replace('"', "'")
        if not FACET_WORDS[0] <= len(said.split()) <= FACET_WORDS[1] or said.split()[0].lower() in PRONOUNS \
                or CODE.search(said) or RULE_START.match(said) or RULE.match(said) or not maker.said_plainly(said) \
                or any(mentions(said, label) or abbreviates(w, label) for label in named for w in said.split()) \
                or any(overlap(said, other) >= 0.4 for others in named.values() if item not in others for other in others):
            continue
        found.append(said)
    return found


def described_two(p, label: str, right: list[str], theirs: list[str], maker: Maker,
                  depth: int | None = None) -> BankQuestion:
    """"Which TWO statements describe <label>?": two of what the notes say of it, three of what
    they say of the labels beside it (``theirs``, in the notes' order: a seeded three of them)."""
    wrong = [theirs[i] for i in pick(label + right[0], len(theirs), 3)]
    qid = ident(p.id, TWO, f"said of {label}")
    options, answers = place(qid, right, wrong)
    stem = f"{maker.according(p, depth)}, which TWO statements describe {label}? {CHOOSE_TWO}"
    why = (f"{maker.notes_on(p)} say of {label}: " + " ".join(f"\"{r}.\"" for r in right)
           + " The others are said of what stands beside it: " + " ".join(f"\"{w}.\"" for w in wrong))
    return BankQuestion(id=qid, topic=p.section, kind=KIND_TWO, stem=stem, options=tuple(options), answers=answers,
                        explanation=why, passages=(p.id,), generated=True, source=GENERATED, shape=TWO)


def unnumbered(heading: str) -> str:
    """ "8.2 Lambda authorizers" names "Lambda authorizers": a section's number is no option."""
    return re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", heading)


def described(p, statement: str, label: str, wrong: list[str], kind: str, others: dict[str, list[str]],
              why: str, maker: Maker, depth: int | None = None) -> BankQuestion:
    """"Which <kind> does this describe: '<statement>'?", the answer ``label``, the wrong options
    the labels beside it (``others``: what the notes say of each) and others of its kind (``why``
    says so); never "which of these" (headings no kind unites: reviewers kept 1 of 11).
    ``depth``: how much of the heading path the stem names (not the heading that is the answer)."""
    stem = f"{maker.according(p, depth)}, which {kind} does this describe: \"{statement}\"?"
    told = " ".join(f"Of {o} they say: \"{said[0]}\"." for o, said in others.items() if said)
    why = " ".join(x for x in (f"{maker.notes_on(p)} say of {label}: \"{statement}\".", told, why) if x)
    return single(p, "definition", f"said of {label}: {statement}", stem, label, wrong, why)


def listed_two(p, name: str, items: list[str], right: list[str], wrong: list[str], maker: Maker) -> BankQuestion:
    """"Which TWO of these are <name>?": two of the list ``name`` (``items``), three not in it."""
    stem = f"{maker.according(p)}, which TWO of these are {lower(name)}? {CHOOSE_TWO}"
    why = f"{maker.notes_on(p)} list {lower(name)}: \"{', '.join(items)}\". {', '.join(wrong)} are not among them."
    qid = ident(p.id, TWO, name)
    options, answers = place(qid, right, wrong)
    return BankQuestion(id=qid, topic=p.section, kind=KIND_TWO, stem=stem, options=tuple(options), answers=answers,
                        explanation=why, passages=(p.id,), generated=True, source=GENERATED, shape=TWO)


_FLAGS = re.compile(r"(?<!\S)--?[a-z][\w-]*(?=[\s=]|$)")  # a command line's flags ("-s", "--stack-name")


def unaskable(blanked: str, blank: str, text: str, m: re.Match) -> bool:
    """A blanked figure no reader could ask about: cut mid-quote or mid-bracket, shorthand ("sync ->
    ___"), the figure given twice ("604,800 (___)", "15 min … 15 min"), a figure in a bracket, an
    aside to what the line says ("rate(___)", "(= the name …, max ___)", "(docs say ___)", "use
    DeleteQueue when removing it for good (___ before reusing the name)": reviewers kept a quarter of
    those, under a tenth on notes never tuned on), a quoted example's figure, an example's figure
    ("longer than the source, e.g. ___"), or a line whose first words point elsewhere ("Docs say
    it's usually within ___": what is "it"?)."""
    return (blanked.count('"') % 2 == 1 or SHORTHAND.search(blanked) is not None
            or len(_FLAGS.findall(text)) >= 2  # a command ("sam logs -s '10min ago' -e '2min ago'"): an example's value
            or blanked.count("(") != blanked.count(")") or unclosed(blanked.split(blank)[0])
            or re.search(rf"\"[^\"]*{blank}[^\"]*\"", blanked) is not None
            or len(re.findall(rf"(?<![\d.,]){re.escape(m.group(1))}(?![\d,]|\.\d)", text)) > 1
            or REFERS.search(" ".join(blanked.split()[:4])) is not None or exemplified(blanked, blank)
            # a run of values ("HttpConnections 50 · MaxRetries 10 · retention ___"), the value it used to be
            # ("(old 15)"), a negation ("the free tier doesn't expire after ___": any amount is as true), a
            # range's low end no word calls one ("DurationSeconds ___ up to the role's max": the default too?),
            # a value shown failing ("chained assume with ___ – fails, 1 h cap": any amount over it fails too), a
            # bound advice keeps within ("set stopTimeout ≤ ___", "keep it under ___": any amount within is as good)
            or "·" in blanked or re.search(rf"\(old\b|\b(?:set|keep)\b[^.;]*?(?:≤|<=?|\bunder|\bbelow)\s*~?{blank}|(?:n't|\bnot|\bnever)\s+(?:\w+\s+){{0,2}}(?:after|before|within|for|in)\s+{blank}"
                                           rf"|(?<!from )(?<!min )(?<!minimum ){blank}(?:\s+up\s+to\b"
                                           rf"|\s*(?:[—–:-]|->|→)\s*(?:fails|errors|is rejected|throttles)\b)", blanked) is not None)


def clause(text: str, m: re.Match, blank: str) -> str:
    """The figure blanked in its own clause of a line that packs several ("BatchSize default
    100; MaximumBatchingWindowInSeconds default 0, max ___"), without long asides beside it
    ("(and if BatchSize > 10 you need …)", "(see section 4)"): reviewers read those as pasted
    notes. ``m`` is the figure's match in ``text``, ``blank`` what stands in for it."""
    start = text.rfind(";", 0, m.start()) + 1
    if text[start:].lstrip()[:1].islower():
        start = 0  # "GetAuthorizationToken; the token is valid for ___": the clause goes on the one before
    end = text.find(";", m.end())
    if end >= 0 and len(text[end:].split()) <= SHORT_CLAUSE:
        end = -1  # "Minimum 7 days; the default is 30 days": a short clause after it stays
    clause = text[start:m.start()] + blank + text[m.end():None if end < 0 else end]
    clause = ASIDE.sub(lambda a: a.group(0) if blank in a.group(0) else "", clause)
    clause = re.sub(r"\s+([.,])(?=\s|$)", r"\1", " ".join(clause.split()))  # not "ends .fifo" -> "ends.fifo"
    clause = unremarked(clause, blank)
    return clause.rstrip(";,")  # "… is the default for static S3 stuff;": the line went on, the clause ends
