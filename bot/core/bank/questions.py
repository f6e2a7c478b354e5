"""The question bank: written questions (TOML) and questions generated from the notes.

Contract shared by the loader, the generator and the quiz engine (and the one way a
generated question is put together: its id and its options' order). Written
questions live in ``content/questions/*.toml``; see ``content/questions/README.md``.
A bad file or a bad question is reported (file, line, question id) and skipped;
everything else still loads, so one typo never empties the quiz.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from bot.core.bank.grounding import STOP_WORDS, ungrounded  # noqa: F401 (STOP_WORDS is shared)
from bot.core.bank.lines import BULLET, CONDITIONS, COUNT, SAME, key
from bot.core.lookup import Problem

LETTERS = "ABCDEFGH"
KIND_ONE = "single"  # the kind of a question with one answer among four
KIND_TWO, KIND_TRUE_FALSE = "multi", "truefalse"  # two answers among five; a statement true or false
ID, DOMAIN, BACKGROUND = "id", "domain", "background"  # a question file's fields read by name
GENERATED = "generated"  # the source of a question the bot made from the notes
KINDS = {KIND_ONE: (4, 1), KIND_TWO: (5, 2), KIND_TRUE_FALSE: (2, 1)}  # options, answers
TRUE_FALSE = ("True", "False")
CHOOSE_TWO = "(Choose TWO.)"
CONTRAST = "contrast"  # the shape "which of these applies to REST API but not to HTTP API?"
TWO = "choose-two"  # the shape of a question with two answers
BLANK = "_____"  # where a statement to complete leaves out its figure
TEXTS = (ID, "topic", "kind", "stem", "explanation")  # a question file's fields of one string each
LISTS = ("options", "answer", "passages")  # and of a list of strings each
FIELDS = (*TEXTS[:4], *LISTS[:2], TEXTS[4], LISTS[2])  # as a question file writes them
OPTIONAL = (DOMAIN, BACKGROUND)  # the exam domain (else from the topic); off the exam's syllabus
DOMAINS = ("development", "security", "deployment", "troubleshooting")  # DVA-C02's four, in its order
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")

_UNGROUNDED = "not grounded in the cited passages: "
PRACTICE = "practice"  # the shape of a practice question the learner wrote in the notes, asked as written
_ASKED = re.compile(r"^(?:Q(?:uestion)?\s?\d*[a-z]?(?:\s*\([^()]{1,20}\))?|\d+|[A-Z][a-z]{0,9} ?\d{1,3})[.:)]\s+(\S.*)$")  # "Q1. A
# stage in API Gateway is …", "Q: …", "3) …", "Question (paraphrased): …", a scenario bank's "S4. …", "Drill 7: …"
# a mistakes log's label ("Right answer: …", "Why I was wrong: …", "me: …"): a few words before a colon
_MISS_LABEL = re.compile(r"^([A-Za-z][A-Za-z']*(?: [A-Za-z']+){0,3})\s*(?::|→|->)\s*(\S.*)")  # or "i picked → …"
_LEADING_ARROW = re.compile(r"^(?:→|->|=>)\s*")
_MISS_PARTS = 3  # a miss's labelled lines: the right answer, the pick, why
_CLAUSE_END = re.compile(r"\s+(?:->|→|=>|[-–—])\s+|[:;]\s|\.\s|,\s+(?:and|so|then|but)\s")  # what follows an option's words
_TO_DO = "What should the developer do?"  # a scenario the learner wrote without its question
_IS, _ARE, _PLURAL = "is", "are", "s"
_CONFIRMS = re.compile(r"^(?:correct|right|yes|same)\b", re.IGNORECASE)  # an answer saying the pick was right
_CODED = re.compile(r"[a-z][A-Z]|[A-Z]{2}|_|::|/\w")  # a name written as code
_NAME_WORDS = 3  # words of a name at most
_VERDICT = re.compile(r"^(?:yes|no|nothing|none|neither)\b", re.IGNORECASE)  # an answer that only says yes or no
_TWO_ASKED = re.compile(r"\b(?:choose|pick|select)\s+(?:2|two)\b|\b(?:2|two)\s+(?:best\s+)?(?:ways|actions|answers|fixes)\b",
                        re.IGNORECASE)  # a question asking for two answers
_OPTION_WORDS = 12  # a pick or an answer longer than this is an explanation, no option
_FRAGMENT_ASKED = re.compile(r"(?<=[.?!] )(?!(?i:which|what|how|why|when|where|who)'?s?\b)(?![^?]*ed\?$)([A-Za-z][\w-]*(?: [\w-]+){0,2})\?$")  # "… errored. Fix?", "Least-effort fix?"; not "Whats the limit?", "Throttled?"
_CHOICE = re.compile(r"^(?:[•*-]\s*)?\(?([A-Ea-e])[.):]\s+(\S.*)$")  # "• A. A copy of the API …", "(b) …", "c) …"
# "Answer: B — Why: deployment = snapshot …", "Ans: (c) because …": the letter, then why
_ANSWERED = re.compile(r"^(?:answer|ans|correct(?: answer)?)\s*[:=-]?\s*\(?([A-E])\)?(?!\w)[\s.:,;—–-]*"
                       r"(?:(?:why|because)\b\s*[:—–-]?\s*)?(.*)$", re.IGNORECASE)
_COLON = ":"  # between a source's file and line; ending a line that announces what follows
_ASIDE, _ASKS = re.compile(r"\(([^()]*)\)"), "?"  # the learner's bracketed remark on their question; a doubt
# an answer key kept apart from its quiz: "Q7 - b. because …", "**Q2 – c.** …" (round 176); not "Q9 - b (mostly)."
_KEYED = re.compile(r"^Q(\d+)\s*[-–—.:)]\s*\(?([A-Ea-e])[.):]\s*(?:because\b\s*)?(.*)$")
_ABOVE = re.compile(r"(?:all|none|both)\b.*\babove\b", re.IGNORECASE)  # a choice about the other choices
_HEADER = re.compile(r"^\s*\[\[\s*question\s*\]\]\s*(#.*)?$")
_TOML_LINE = re.compile(r"at line (\d+)")
_QUOTE = re.compile(r'"(.+?)"\.(?:\s|$)')  # 'The notes on S3 say: "Need X? → Y.". …': the line it quotes


@dataclass(frozen=True)
class BankQuestion:
    id: str  # stable: history hangs on it
    topic: str  # a section of the notes, e.g. "RDS"
    kind: str  # "single" | "multi" | "truefalse"
    stem: str
    options: tuple[str, ...]
    answers: tuple[str, ...]  # letters, e.g. ("B",) or ("A", "D")
    explanation: str
    passages: tuple[str, ...]  # ids of the passages it comes from
    generated: bool = False
    source: str = ""  # "rds.toml:12" or "generated"
    shape: str = ""  # what it asks: scenario, choose-two, true-statement, definition, number; written: its kind
    domain: str = ""  # one of DOMAINS; "" until the topic map gives it (``bank.domains``)
    background: bool = False  # off the exam's syllabus: drawn rarely, never in a mock exam

    @property
    def form(self) -> str:
        """The question's shape as ``dva questions --json`` names it."""
        return self.shape or {KIND_TWO: TWO, KIND_TRUE_FALSE: "true-false"}.get(self.kind, self.kind)

    @property
    def quoted(self) -> str:
        """The line of the notes its explanation quotes first: two questions quoting one line for
        one answer ask one fact (a rule and the same line read as a scenario list's cue)."""
        said = _QUOTE.search(self.explanation)
        return said.group(1) if said else ""

    @property
    def pick(self) -> int:
        return len(self.answers)

    @property
    def correct(self) -> tuple[str, ...]:
        """The text of the correct option(s)."""
        return tuple(self.options[LETTERS.index(a)] for a in self.answers)


# --- loading -----------------------------------------------------------------


def load_bank(folder: Path | str, owners: Mapping[str, str] | None = None
              ) -> tuple[list[BankQuestion], list[Problem]]:
    """Every ``*.toml`` in ``folder``. An id used twice stays with the question that
    owns it (``owners``: id -> the file it was loaded from before, e.g. "rds.toml:12");
    a new one, else the first in file order, keeps it; the other is refused."""
    folder = Path(folder)
    if not folder.is_dir():
        return [], [Problem(str(folder), 0, "no such question folder")]
    problems: list[Problem] = []
    found_all: list[BankQuestion] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(path.name, 0, f"unreadable file, skipped: {err}"))
            continue
        found, trouble = parse_bank(text, path.name)
        problems += trouble
        found_all += found
    by_id: dict[str, list[BankQuestion]] = {}
    for q in found_all:
        by_id.setdefault(q.id, []).append(q)
    keep: dict[str, BankQuestion] = {}
    for qid, same in by_id.items():
        owner_file = (owners or {}).get(qid, "").split(_COLON, 1)[0]
        keep[qid] = next((q for q in same if q.source.split(_COLON, 1)[0] == owner_file), same[0])
        for q in same:
            if q is not keep[qid]:
                problems.append(Problem(q.source.split(_COLON, 1)[0], _line(q),
                                        f"duplicate id, already used at {keep[qid].source}: skipped", qid))
    return [q for q in found_all if keep[q.id] is q], problems


def parse_bank(text: str, file: str) -> tuple[list[BankQuestion], list[Problem]]:
    """One question file's text -> questions; a TOML error loses only its own question."""
    try:
        return _from_tables(tomllib.loads(text), text, file, 0)
    except tomllib.TOMLDecodeError:
        pass
    questions: list[BankQuestion] = []
    problems: list[Problem] = []
    for offset, chunk in _chunks(text):
        try:
            data = tomllib.loads(chunk)
        except tomllib.TOMLDecodeError as err:
            found = _TOML_LINE.search(str(err))
            line = offset + (int(found.group(1)) if found else 1)
            problems.append(Problem(file, line, f"not valid TOML, skipped: {err}", _guess_id(chunk)))
            continue
        qs, ps = _from_tables(data, chunk, file, offset)
        questions += qs
        problems += ps
    return questions, problems


def _from_tables(data: dict, text: str, file: str, offset: int) -> tuple[list[BankQuestion], list[Problem]]:
    problems = [Problem(file, offset + 1, f"unknown top-level key {key!r}: use [[question]] tables")
                for key in data if key != "question"]
    tables = data.get("question", [])
    if not isinstance(tables, list):
        return [], problems + [Problem(file, offset + 1, "'question' must be [[question]] tables")]
    headers = [n for n, line in enumerate(text.splitlines(), start=1) if _HEADER.match(line)]
    lines = headers if len(headers) == len(tables) else [0] * len(tables)
    questions = []
    seen: set[str] = set()
    for raw, line in zip(tables, lines):
        line = offset + line if line else 0
        q, errors = build(raw, f"{file}:{line}" if line else file)
        qid = raw.get(ID, "") if isinstance(raw, dict) and isinstance(raw.get(ID), str) else ""
        if q is not None and q.id in seen:
            errors = ["duplicate id in this file: skipped"]
        problems += [Problem(file, line, message, qid) for message in errors]
        if q is not None and not errors:
            seen.add(q.id)
            questions.append(q)
    return questions, problems


def build(raw: object, source: str) -> tuple[BankQuestion | None, list[str]]:
    """A TOML table -> a question, or None and what is wrong with it."""
    if not isinstance(raw, dict):
        return None, ["a question must be a table"]
    errors = [f"missing field {name!r}" for name in FIELDS if name not in raw]
    errors += [f"unknown field {name!r}" for name in raw if name not in FIELDS + OPTIONAL]
    if DOMAIN in raw and raw[DOMAIN] not in DOMAINS:
        errors.append(f"domain {raw[DOMAIN]!r} is not one of {', '.join(DOMAINS)}")
    if BACKGROUND in raw and not isinstance(raw[BACKGROUND], bool):
        errors.append("'background' must be true or false")
    for name in TEXTS:
        if name in raw and not isinstance(raw[name], str):
            errors.append(f"{name!r} must be a string")
    for name in LISTS:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.append(f"{name!r} must be a list of strings")
    if errors:
        return None, errors
    if not ID_PATTERN.match(raw[ID]):
        errors.append(f"id {raw[ID]!r} must be 1-40 characters of a-z, 0-9 and '-'")
    topic, kind, stem, explanation = (raw[name].strip() for name in TEXTS[1:])
    options, answers, passages = (tuple(v.strip() for v in raw[name]) for name in LISTS)
    question = BankQuestion(
        id=raw[ID],
        topic=topic,
        kind=kind,
        stem=stem,
        options=options,
        answers=tuple(a.upper() for a in answers),
        explanation=explanation,
        passages=passages,
        source=source,
        domain=raw.get(DOMAIN, ""),
        background=raw.get(BACKGROUND, False),
    )
    errors += validate(question)
    return (None, errors) if errors else (question, [])


def _chunks(text: str) -> Iterable[tuple[int, str]]:
    """Split at ``[[question]]`` headers: (lines before the chunk, chunk text)."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _HEADER.match(line)]
    bounds = [0] + starts if not starts or starts[0] else starts
    for begin, end in zip(bounds, bounds[1:] + [len(lines)]):
        chunk = "\n".join(lines[begin:end])
        if chunk.strip():
            yield begin, chunk


def _guess_id(chunk: str) -> str:
    found = re.search(r'^\s*id\s*=\s*"([^"]*)"', chunk, re.MULTILINE)
    return found.group(1) if found else ""


def _line(q: BankQuestion) -> int:
    _, _, line = q.source.rpartition(_COLON)
    return int(line) if line.isdigit() else 0


# --- validation --------------------------------------------------------------


def validate(question: BankQuestion, passages_by_id: Mapping[str, object] | None = None) -> list[str]:
    """What is wrong with a question; with passages, also citations and grounding.

    ``passages_by_id`` maps passage ids to ``notes.Passage`` (anything with
    ``text`` and ``path``).
    """
    q = question
    errors = []
    if not q.stem:
        errors.append("empty stem")
    if not q.explanation:
        errors.append("empty explanation")
    if not q.passages:
        errors.append("cites no passage")
    if q.kind not in KINDS:
        return errors + [f"unknown kind {q.kind!r}: use single, multi or truefalse"]
    n_options, n_answers = KINDS[q.kind]
    if len(q.options) != n_options:
        errors.append(f"a {q.kind} question has {n_options} options, not {len(q.options)}")
    if q.kind == KIND_TRUE_FALSE and q.options != TRUE_FALSE:
        errors.append('a truefalse question has options ["True", "False"]')
    if any(not o for o in q.options):
        errors.append("empty option")
    if len({_norm(o) for o in q.options}) != len(q.options):
        errors.append("options are not distinct")
    if len(q.answers) != n_answers:
        errors.append(f"a {q.kind} question has {n_answers} answer(s), not {len(q.answers)}")
    if len(set(q.answers)) != len(q.answers):
        errors.append("an answer is repeated")
    valid = LETTERS[: len(q.options)]
    bad = [a for a in q.answers if len(a) != 1 or a not in valid]
    if bad:
        errors.append(f"answer {', '.join(bad)} is not among the options {', '.join(valid)}")
    if q.kind == KIND_TWO and not q.stem.endswith(CHOOSE_TWO):
        errors.append(f"a multi stem ends with {CHOOSE_TWO!r}")
    if passages_by_id is not None and not bad:
        errors += _check_sources(q, passages_by_id)
    return errors


def _check_sources(q: BankQuestion, passages_by_id: Mapping[str, object]) -> list[str]:
    missing = [p for p in q.passages if p not in passages_by_id]
    if missing:
        return [f"cites unknown passage {', '.join(missing)}"]
    source = " ".join(f"{getattr(p, 'path', '')} {getattr(p, 'text', '')}"
                      for p in (passages_by_id[pid] for pid in q.passages))
    if q.kind == KIND_TRUE_FALSE:  # a false statement may carry a wrong number on purpose
        why = ungrounded(q.stem, source, numbers=q.correct == TRUE_FALSE[:1])
        return [f"{_UNGROUNDED}{why}"] if why else []
    return [f"{_UNGROUNDED}{why}" for claim in q.correct
            if (why := ungrounded(claim, source))]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%]+", text.lower()))


# --- generated questions: one way to put one together ---------------------------------


def practiced(p, clean: Callable[[str], str], notes_on: str, answered: Mapping[str, tuple[str, str]] | None = None,
              struck: frozenset[str] = frozenset()) -> list[BankQuestion]:
    """The practice questions the learner wrote in passage ``p`` ("Q1. …", four choices "A. …" to "D. …",
    then "Answer: B — Why: …", the why maybe on the next line, or in the quiz's answer key, ``answered``),
    asked as written, their choices in their order (the "why" may name them by letter); one answer each:
    a question of two is left out, and so is one offering "All of the above", or one the learner doubts
    or strikes out in brackets ("(two answers right? ask group)", "(bad question, ignore)": ``struck``)."""
    found: list[BankQuestion] = []
    answered = answered or {}
    for asked, choices, letter, why, number in _drills(p):
        if any(_ASKS in aside or not struck.isdisjoint(key(aside).split()) for aside in _ASIDE.findall(" ".join(asked))):
            continue  # "(two answers right? ask group)": the learner's own doubt
        if letter is None and number is not None and number in answered:
            letter, why = answered[number]
        letters = [c for c, _ in choices]
        if letter and letters == list(LETTERS[:KINDS[KIND_ONE][0]]) and letter in letters \
                and not any(_ABOVE.match(c) for _, c in choices):  # "All of the above": guessed from the rest (round 126)
            stem = clean(" ".join(asked))
            found.append(BankQuestion(id=ident(p.id, PRACTICE, stem), topic=p.section, kind=KIND_ONE, stem=stem,
                                      options=tuple(clean(c) for _, c in choices), answers=(letter,),
                                      explanation=f"{notes_on} say: \"Answer: {letter}. {why}\"",  # as written
                                      passages=(p.id,), generated=True, source=GENERATED, shape=PRACTICE))
    return found


def answer_key(passages: Iterable) -> dict[str, tuple[str, str]]:
    """A quiz's answer key apart from its questions: "7" of "Q7 - b. because …" -> ("B", "…")."""
    return {m.group(1): (m.group(2).upper(), m.group(3).strip()) for p in passages
            for line in p.text.splitlines() if (m := _KEYED.match(line.strip()))}


def drilled(p) -> set[str]:
    """The choices of the practice questions in passage ``p``, as written: a wrong one ("c) Visibility
    timeout of 2 h on send") states no fact (round 127's wrong key)."""
    return {c for _, choices, letter, _, _ in _drills(p) if letter for _, c in choices}  # an outline's "a)" is no choice


def _drills(p) -> Iterable[tuple[list[str], list[tuple[str, str]], str | None, str | None, str | None]]:
    """Each practice question of passage ``p``: its words, its (letter, choice) pairs, the letter of its
    answer and why (None for an outline's "1." over "a)" lines, which no answer follows), and its number
    ("7" of "Q7.", for an answer key apart)."""
    asked: list[str] | None = None
    number = None
    choices: list[tuple[str, str]] = []
    lines = [line.strip() for line in p.text.splitlines()]
    if lines and _CHOICE.match(lines[0]) and p.heading:  # "1) …?" opening a passage is its title
        asked = [p.heading[-1]]
    for at, text in enumerate(lines):
        if (question := _ASKED.match(text)) and not _CHOICE.match(text):
            if asked is not None and choices:
                yield asked, choices, None, None, number
            asked, choices = [question.group(1)], []
            number = m.group(0) if (m := COUNT.search(text[:question.start(1)])) else None
        elif asked is not None and (choice := _CHOICE.match(text)):
            choices.append((choice.group(1).upper(), choice.group(2).strip()))
        elif asked is not None and (answer := _ANSWERED.match(text)):
            why = answer.group(2).strip()
            after = lines[at + 1:at + 2]  # "Correct: C", then why on a line of its own
            if not why and after and after[0] and not _ASKED.match(after[0]) and not _CHOICE.match(after[0]):
                why = after[0]
            yield asked, choices, answer.group(1).upper(), why, number
            asked, choices = None, []
        elif asked is not None and not choices and text:
            asked.append(text)  # the question goes on
    if asked is not None and choices:
        yield asked, choices, None, None, number


@dataclass(frozen=True)
class Miss:
    """A practice question the learner got wrong, as a mistakes log keeps it ("Q: …", "My pick: …",
    "Right answer: …", "Why I was wrong: …"): their own scenario, its answer, and the pick that
    tempted them, the most plausible wrong option there is."""
    passage: str
    asked: str
    picked: str
    right: str
    line: str  # the line giving the right answer, as the notes write it
    why: str


def log_labels(texts: Iterable[str], lessons: frozenset[str], picks: frozenset[str],
               corrections: frozenset[str]) -> dict[str, int]:
    """The labels of the notes' mistakes log, learned where they repeat ("Q: …" then "I picked: …",
    "Right: …", "Why I was wrong: …" for every miss, or "i picked → …"), each with the part of a miss
    it gives: the right answer (0), the pick (1) or why (2), as its words say ("why" before "I", "I"
    before "answer": "What I answered" is the pick)."""
    said = Counter(m.group(1).lower() for text in texts for line in _entry_lines(text)
                   if (m := _MISS_LABEL.match(line)))
    parts = {}
    for label, count in said.items():
        words = set(label.split())
        part = next((i for i, vocabulary in ((2, lessons), (1, picks), (0, corrections)) if words & vocabulary), None)
        if count > 1 and part is not None:
            parts[label] = part
    return parts


def _entry_lines(text: str) -> list[str]:
    """A log's lines as its labels open them: "• I picked: …", "→ answer: …" read "I picked: …", "answer: …"."""
    return [_LEADING_ARROW.sub("", line.strip().lstrip(BULLET).strip()) for line in text.splitlines()]


def misses(p, labels: Mapping[str, int]) -> list[Miss]:
    """The misses a mistakes log's passage ``p`` keeps, each an answer and a pick of a few words, or
    a scenario bank's entries, an answer and no pick; ``labels`` the log's, as ``log_labels`` learns them."""
    found: list[Miss] = []
    asked: list[str] = []
    said = [""] * _MISS_PARTS  # the right answer, the pick, why: by the part its label gives
    for text in [*_entry_lines(p.text), ""]:
        question, label = _ASKED.match(text), _MISS_LABEL.match(text)
        part = labels.get(label.group(1).lower()) if label else None
        if question or not text:
            right, picked = (_option(_labelled(line)) for line in said[:2])
            tempted = not said[1] or picked and key(right) != key(picked) and _form(right) == _form(picked)
            # not a legend of the log's labels ("my labels:" over "• i picked → what i clicked")
            if asked and right and tempted and not _CONFIRMS.match(right) and not _VERDICT.match(right) \
                    and not asked[-1].endswith(_COLON):
                # "Actual answer: correct.": the pick was right, no miss; "no": a yes/no question, four options ask nothing
                found.append(Miss(p.id, " ".join(asked), picked, right, said[0], _labelled(said[2])))
            asked, said = ([question.group(1)], [""] * _MISS_PARTS) if question else (asked, said)
        elif part is not None and asked:
            said[part] = text  # the labelled line as written
        elif not any(said) and part is None:
            asked.append(text)  # the question goes on, or opens an entry headed by its own heading ("### miss #3")
    return found


def _labelled(line: str) -> str:
    """What a log's labelled line says after its label ("I picked: X", "i picked → X": "X")."""
    label = _MISS_LABEL.match(line)
    return label.group(2).strip() if label else line


def _option(text: str) -> str:
    """What a pick or an answer names, as an option: its first clause, no asides ("raise the queue VT
    to 6x the function timeout (so 12 min here)"); none when it is an explanation, or a condition
    whose answer comes after it ("if an archive existed on the bus, StartReplay …")."""
    first = _CLAUSE_END.split(re.sub(r"\s*\([^()]*\)|`", "", text))[0].strip().rstrip(".,:;")
    return first if 0 < len(first.split()) <= _OPTION_WORDS and first.split()[0].lower() not in CONDITIONS else ""


def _whole_question(m: re.Match) -> str:
    """ "Best fix?" -> "What is the best fix?", "Two best actions?" -> "What are the two best actions?"."""
    said = m.group(1)
    if _CONFIRMS.match(said):
        return m.group(0)  # "… catch delivery problems. Right?": a question already
    said = said if said[1:2].isupper() else said[:1].lower() + said[1:]  # not "aPI" of "API"
    return f"What {_ARE if said.endswith(_PLURAL) and not said.endswith(_PLURAL * 2) else _IS} the {said}?"


def _form(option: str) -> tuple[bool, bool]:
    """How an option is written: a name as code ("RotateKeyOnDemand", "alias/myapp"), a figure ("1
    hour each", "30 min") or words. A miss's options are of one form: not "30 min" beside "user pool +
    identity pool", nor "alias/myapp" beside "envelope encryption"."""
    short = len(option.split()) <= _NAME_WORDS
    return short and _CODED.search(option) is not None, short and any(c.isdigit() for c in option)


def _content(text: str) -> set[str]:
    """The words of ``text`` that say something (no stop words), as ``key`` writes them."""
    return set(key(text).split()) - STOP_WORDS


def missed(p, miss: Miss, others: Sequence[Miss], clean: Callable[[str], str], notes_on: str) -> BankQuestion | None:
    """The learner's own question asked again: their pick and the right answers of their other misses
    the wrong options, those sharing most words with this miss first ("client credentials grant" for
    "authorization code grant"), then the nearest."""
    said = _content(f"{miss.asked} {miss.right} {miss.picked}")
    others = sorted(others, key=lambda o: -len(said & _content(o.right)))
    # not "backoff + retry" beside the pick "add retry with backoff": one option in other words
    taken = [_content(miss.right), _content(miss.picked)]
    answers = [o.right for o in others if not any(_content(o.right) <= t for t in taken)
               and not _VERDICT.match(o.right)  # "nothing", "no, neither": an answer to its own question only
               and (" " in o.right or not o.right.islower())  # "expected", "fails": an outcome, no option
               and _form(o.right) == _form(miss.right)]  # an API among APIs, a way among ways
    wrong = [miss.picked, *answers] if miss.picked else answers  # a scenario bank's entry has no pick
    if len(dict.fromkeys(map(key, wrong))) < 3 or SAME.match(miss.asked) or _TWO_ASKED.search(miss.asked):
        return None  # "Same setup. …": the entry before says what the question is; "(choose 2)": one key is half
    stem = clean(_FRAGMENT_ASKED.sub(_whole_question, miss.asked))
    stem = stem[:1].upper() + stem[1:]  # "max entries in one PutEvents call?" as a question opens
    stem = stem if stem.endswith(_ASKS) else f"{stem} {_TO_DO}"  # "Want to isolate it without losing it."
    why = f"{notes_on} say: \"{clean(miss.line)}\" {clean(miss.why)}".strip()
    return single(p, PRACTICE, stem, stem, clean(miss.right), [clean(w) for w in list(dict.fromkeys(wrong))[:3]], why)


def single(p, shape: str, fact: str, stem: str, answer: str, distractors: Sequence[str],
           why: str) -> BankQuestion:
    """A one-answer question on passage ``p`` with three of ``distractors``."""
    qid = ident(p.id, shape, fact)
    options, answers = place(qid, [answer], list(distractors[:3]))
    return BankQuestion(id=qid, topic=p.section, kind=KIND_ONE, stem=stem, options=tuple(options),
                        answers=answers, explanation=why, passages=(p.id,), generated=True,
                        source=GENERATED, shape=shape)


def ident(passage_id: str, shape: str, fact: str) -> str:
    return "g-" + digest(f"{passage_id}|{shape}|{fact.lower()}")[:10]


def place(qid: str, right: list[str], wrong: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Options in an order fixed by the id; the letters of the right ones."""
    options = sorted([*right, *wrong], key=lambda o: digest(qid + o))
    return options, tuple(sorted(LETTERS[options.index(r)] for r in right))


def pick(seed: str, n: int, k: int) -> list[int]:
    """``k`` of ``range(n)``, the same ones for the same seed."""
    return sorted(range(n), key=lambda i: digest(f"{seed}|{i}"))[:k]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# --- expansions: what the bank adds to the passage it comes from -----------------
# What the question bank adds to the passage it comes from (doc2query style).
#
# A written question says in exam words what a passage is about: "virtual
# drives attached to the virtual machines" for EBS, "pool and share connections"
# for RDS Proxy. Its stem and its correct option(s) become extra text of the
# first passage it cites (where the answer is; a second one is context, such as
# the security group an EFS question mentions), indexed at a lower weight than
# the notes themselves, so a learner who words a query the way exams do still
# reaches the passage.
#
# The distractors and the explanation are left out: they name the wrong
# answers ("A read replica only scales reads") and would pull the passage
# towards them. True/false options carry no words; the statement is kept
# even when it is false, since it is still about the cited passage.


def expansions(questions: Iterable[BankQuestion]) -> dict[str, list[str]]:
    """Passage id -> the texts written questions add to it, in bank order."""
    out: dict[str, list[str]] = {}
    for q in questions:
        if q.generated or not q.passages:  # made from the notes: nothing they do not say
            continue
        text = " ".join([q.stem.replace(CHOOSE_TWO, " "),
                         *(o for o in q.correct if o not in TRUE_FALSE)])
        out.setdefault(q.passages[0], []).append(text)
    return out
