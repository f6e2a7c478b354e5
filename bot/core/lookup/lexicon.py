"""What words mean to the lookup, as data: the lexicon files under ``content/lexicon``.

Vocabulary is data and the lookup is mechanism: stopwords, acronyms, synonyms,
paraphrases and the names of AWS services live in TOML files that a study
group can extend by dropping its own file next to its notes. The shipped files
hold general knowledge only; what a group's notes teach (their acronyms,
definitions) is learned from the notes themselves (``bot.core.lookup.learn``).

A file may hold any of these keys (every one optional)::

    stopwords = "words that carry no topic"      # whitespace-separated, or a list
    generic = "words of any topic that count half"
    real_words = "real words never read as a typo of a term"
    names = "distinctive names: a query naming one must find it in the passage"
    english = "plain English words: a word the notes never use is a topic's name unless here"
                 # (a big list goes in a ``*.txt`` file beside, one word a line, read when needed)
    units = "units a generated question may ask an amount in"
    labels = "words that label a part of the notes and are never an answer"
    asides = "words that mark a note-taker's aside, dropped from a question's stem"
    figures = "words that ask for a figure: a line giving one answers"
    recaps = "words naming a part of the notes that goes over the rest (a cram list, a self-test)"
    traps = "words heading a list of exam traps: it restates, a passage teaching the same answers first"
    refuted = "words heading a list of claims the notes refute ('common wrong answers', 'myths')"
    dated = "words saying a line's figure is an old one (outdated, historically): never asked"
    prompts = "words heading a table's column of self-quiz prompts (Cornell's 'Cue'): never terms"
    aspects = "words heading a table's column of facets of one subject ('Item', 'Setting'): no kind"
    lengths = "units counting a name's length (chars): a length limit is never asked"
    openers = "words opening a phrase or clause, not a name: a heading opening with one names no topic"
    outline = "words numbering a part of a course or of the notes ('Lecture 14.4 —', 'Step 4:'): no topic"
    calendar = "names of days and months, as a diary dates its headings ('Tue 11 Mar:'): no topic"
    colours = "names of colours, as a sticky-note wall heads its parts ('Pink — gotchas'): no topic"
    durations = "units of time and the words a setting of a time is named with ('timeout', 'window')"
    sizes = "units of size and the words a setting of a size is named with ('size', 'memory')"
    prefixes = "prefixes that make a word of another ('sub', 'un'): 'subsegments' says 'segment'"
    causes = "words heading a table's column of causes ('Likely cause'): each row's symptom asks it"
    meanings = "words heading a table's column of what each error means ('What it means'): each row asks it"
    remedies = "words heading a table's column of fixes ('Fix', 'Workaround'): a row is never asked back from it"
    discards = "words of a learner's remark striking out their own quiz question ('(bad question, ignore)')"
    failures = "last words of a code name for what a failed call returns ('…Exception'): asked as got, not used"
    lessons = "words of a mistakes log's label over why the pick was wrong ('Why I was wrong:', 'Lesson:')"
    picks = "words of a mistakes log's label over the learner's pick ('I picked:', 'My answer:', 'me:')"
    corrections = "words of a mistakes log's label over the right answer ('Right:', 'Actual answer:', 'ans:')"
    followups = "words opening a question that goes on from the one before ('So which one …?'): none alone"
    [concepts]   # term = every way of writing it
    asg = ["asg", "auto scaling group"]
    [broader]    # term = broader terms it also means
    alb = ["elb"]
    [related]    # query word = words of the notes it may stand for
    disk = "volume ebs storage"
    [values]     # unit(s) = amounts a question may offer in that unit
    "minute minutes" = [1, 5, 10, 15, 30, 60]
    [families]   # a kind of thing = its members, named as AWS documents them
    "S3 storage class" = ["S3 Standard", "S3 Standard-IA", "S3 One Zone-IA"]
    [spelled]    # shorthand = the words a question's stem spells it out in
    fn = "function"

Errors name the file and line; a file with errors adds nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from bot.core.lookup.problems import Problem

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "lexicon"
_WORD_LISTS = ("stopwords", "generic", "real_words", "names", "english", "units", "labels", "asides", "figures",
               "recaps", "traps", "refuted", "dated", "prompts", "aspects", "lengths", "openers", "outline", "calendar",
               "colours", "durations", "sizes", "prefixes", "causes", "meanings", "remedies", "failures", "lessons", "picks",
               "corrections", "discards", "followups")
_TABLES = ("concepts", "broader", "related", "values", "families", "spelled")
_TERM = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Lexicon:
    """Every word list the lookup uses; build with ``parse`` or ``load``."""

    stopwords: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    real_words: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    english: frozenset[str] = frozenset()  # plain English words: not a topic's name
    english_files: tuple[str, ...] = ()  # big word lists (``*.txt``), read when first needed
    units: frozenset[str] = frozenset()  # units of amounts a question may ask ("minutes", "MB")
    labels: frozenset[str] = frozenset()  # words that label, never answer ("ex", "steps", "sources")
    asides: frozenset[str] = frozenset()  # words of a note-taker's aside ("exam", "lol", "remember")
    values: dict[str, tuple[float, ...]] = field(default_factory=dict)  # unit -> plausible amounts
    concepts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # variant -> terms
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # query word -> notes words
    figures: frozenset[str] = frozenset()  # words asking for a figure ("maximum", "many", "limit")
    # a kind of thing -> its members ("S3 storage class" -> "S3 Standard", ...): a generated
    # question's wrong options are of the kind of its answer
    families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # a heading word of a part that goes over the rest ("cram", "self-test"): its terse lines and
    # quiz answers are no statements to blank a figure of
    recaps: frozenset[str] = frozenset()
    # a heading word of a list of exam traps or quick hits ("Exam traps", "stuff I keep mixing up"):
    # it restates what the notes teach, so a passage teaching it answers first
    traps: frozenset[str] = frozenset()
    # a heading word of a list of claims the notes refute ('"retention is per stream" → no, per log
    # group' under "common wrong answers"): a quoted claim there is no situation a question quotes
    refuted: frozenset[str] = frozenset()
    # a developer's shorthand -> its words, for a question's stem ("fn" -> "function")
    spelled: dict[str, str] = field(default_factory=dict)
    dated: frozenset[str] = frozenset()  # "outdated", "historically": a figure the notes say is old
    # the header of a table's column of self-quiz prompts ("Cue | Notes", "Question | Answer"):
    # its cells ask, they name no term
    prompts: frozenset[str] = frozenset()
    # the header of a table's first column over facets of one subject ("Item" over "scope",
    # "billing"): its rows are no things of a kind to tell apart
    aspects: frozenset[str] = frozenset()
    # units counting a name's length ("80 chars"): a name's length limit is trivia, never asked
    lengths: frozenset[str] = frozenset()
    # words opening a phrase or a clause ("On the write side", "How the flow works"): a heading
    # opening with one says where or how, it names no topic a question can be "on"
    openers: frozenset[str] = frozenset()
    # words numbering a part of a course or of the notes ("Lecture 14.4 —", "Step 4:", "Day 3 -"):
    # a stem's "your notes on ..." names what follows them
    outline: frozenset[str] = frozenset()
    # names of days and months and their short forms ("Tue", "Mar"): a diary's "Tue 11 Mar: cost +
    # batching" is about cost and batching, and a heading that is only a date names no topic
    calendar: frozenset[str] = frozenset()
    # names of colours ("Pink", "Yellow"): a sticky-note wall's "Purple — deployment strategies" is
    # about deployment strategies, the colour only sorts the notes
    colours: frozenset[str] = frozenset()
    # units of a quantity and the words naming a setting of it ("seconds", "timeout"; "MB", "size"):
    # the one option named for what a question's description measures gives itself away
    durations: frozenset[str] = frozenset()
    sizes: frozenset[str] = frozenset()
    # prefixes that make a word of another ("sub", "un"): a question describing "subsegments" or the
    # "oldest untrimmed record" names its answer, Segment or TRIM_HORIZON
    prefixes: frozenset[str] = frozenset()
    # the header of a table's column of causes ("Likely cause", "Root cause") beside a column of
    # symptoms: "what is the likely cause when you see …?" asks each row
    causes: frozenset[str] = frozenset()
    # the header of a table's column of what each error or symptom means ("What it means"): "what does
    # 'Export … in use' mean?" asks each row
    meanings: frozenset[str] = frozenset()
    # words heading a table's column of fixes ("Fix", "How to fix", "Workaround"): "for which symptom is
    # the fix '…'" asks the table backwards (reviewers kept 4 of 22, round 171)
    remedies: frozenset[str] = frozenset()
    # words of the learner's bracketed remark striking out a question of their own quiz ("(bad question,
    # ignore)", round 176): it is never asked
    discards: frozenset[str] = frozenset()
    # the last word of a code name for what a failed call returns ("…Exception", "…Error"): "which
    # exception does a developer get in this situation: '…'?", not which to use (round 152)
    failures: frozenset[str] = frozenset()
    # the words of a mistakes log's labels, by the part of a miss each gives ("Why I was wrong:", "I
    # picked:", "Right answer:"): the log asks its misses again, the pick a wrong option
    lessons: frozenset[str] = frozenset()
    picks: frozenset[str] = frozenset()
    corrections: frozenset[str] = frozenset()
    # words opening a flashcard's question that goes on from the card before ("So which one does AWS
    # recommend?", "And an IAM policy?", round 181): alone, it asks nothing
    followups: frozenset[str] = frozenset()

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s words added; a variant keeps its first meaning."""
        related = dict(self.related)
        for word, targets in other.related.items():
            related[word] = tuple(dict.fromkeys(related.get(word, ()) + targets))
        return Lexicon(
            **{name: getattr(self, name) | getattr(other, name) for name in _WORD_LISTS},
            english_files=self.english_files + other.english_files,
            values={**other.values, **self.values}, concepts={**other.concepts, **self.concepts}, related=related,
            families={kind: tuple(dict.fromkeys(self.families.get(kind, ()) + other.families.get(kind, ())))
                      for kind in {**self.families, **other.families}},
            spelled={**other.spelled, **self.spelled},
        )


def parse(text: str, file: str) -> tuple[Lexicon, list[Problem]]:
    """One lexicon file's text -> its Lexicon, or an empty one and the problems."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(err))) else 0
        return Lexicon(), [Problem(file, line, f"not valid TOML: {err}")]
    lines = text.splitlines()
    problems: list[Problem] = []

    def where(key: str) -> int:
        pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
        return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 0)

    def word_list(key: str, value: object) -> frozenset[str]:
        if isinstance(value, str):
            return frozenset(value.lower().split())
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return frozenset(v.lower() for v in value)
        problems.append(Problem(file, where(key), f"{key} must be a string of words or a list of strings"))
        return frozenset()

    for key in data:
        if key not in _WORD_LISTS + _TABLES:
            problems.append(Problem(file, where(key), f"unknown key {key!r}: expected one of "
                                    + ", ".join(_WORD_LISTS + _TABLES)))
    lists = {key: word_list(key, data[key]) for key in _WORD_LISTS if key in data}
    tables = {}
    for key in _TABLES:
        table = data.get(key, {})
        if not isinstance(table, dict):
            problems.append(Problem(file, where(key), f"{key} must be a table ([{key}])"))
            table = {}
        tables[key] = table
    concepts: dict[str, tuple[str, ...]] = {}
    broader = {}
    for term, targets in tables["broader"].items():
        if not _TERM.match(term) or not isinstance(targets, list) or not all(
                isinstance(t, str) and _TERM.match(t) for t in targets):
            problems.append(Problem(file, where(term), f"broader: {term!r} must map to a list of terms"
                                    " (lower-case letters, digits, _)"))
            continue
        broader[term] = tuple(targets)
    for term, variants in tables["concepts"].items():
        if isinstance(variants, str):
            variants = [variants]
        if not _TERM.match(term) or not isinstance(variants, list) or not variants or not all(
                isinstance(v, str) and v.strip() for v in variants):
            problems.append(Problem(file, where(term), f"concepts: {term!r} must be a term (lower-case"
                                    " letters, digits, _) mapping to a list of non-empty strings"))
            continue
        for variant in variants:
            concepts.setdefault(variant.lower(), (term, *broader.get(term, ())))
    values: dict[str, tuple[float, ...]] = {}
    for unit, amounts in tables["values"].items():
        if not isinstance(amounts, list) or not all(isinstance(a, (int, float)) and a > 0 for a in amounts):
            problems.append(Problem(file, where(unit), f"values: {unit!r} must map to a list of positive numbers"))
            continue
        for name in unit.lower().split():
            values[name] = tuple(float(a) for a in amounts)
    related: dict[str, tuple[str, ...]] = {}
    for words, targets in tables["related"].items():
        if isinstance(targets, list) and all(isinstance(t, str) for t in targets):
            targets = " ".join(targets)
        if not isinstance(targets, str) or not targets.split():
            problems.append(Problem(file, where(words), f"related: {words!r} must map to words"))
            continue
        for word in words.lower().split():
            related[word] = tuple(dict.fromkeys(related.get(word, ()) + tuple(targets.lower().split())))
    families: dict[str, tuple[str, ...]] = {}
    for kind, members in tables["families"].items():
        if not isinstance(members, list) or len(members) < 2 or not all(
                isinstance(m, str) and m.strip() for m in members):
            problems.append(Problem(file, where(kind), f"families: {kind!r} must map to a list of two or more names"))
            continue
        families[kind] = tuple(m.strip() for m in members)
    spelled: dict[str, str] = {}
    for short, long in tables["spelled"].items():
        if not isinstance(long, str) or not long.strip() or not short.strip() or short != short.lower():
            problems.append(Problem(file, where(short), f"spelled: {short!r} must be lower case and map to words"))
            continue
        spelled[short.strip()] = long.strip()
    if problems:
        return Lexicon(), problems
    return replace(Lexicon(values=values, concepts=concepts, related=related, families=families, spelled=spelled),
                   **{name: lists.get(name, frozenset()) for name in _WORD_LISTS}), []


def load(files: Iterable[Path]) -> tuple[Lexicon, list[Problem]]:
    """Several lexicon files, merged in order (an earlier file's meaning wins)."""
    lexicon, problems = Lexicon(), []
    for path in files:
        if path.suffix == ".txt":  # a plain word list of English, one word a line
            lexicon = lexicon.merged(Lexicon(english_files=(str(path),)))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(str(path), 0, f"cannot read: {err}"))
            continue
        found, wrong = parse(text, str(path))
        problems.extend(wrong)
        lexicon = lexicon.merged(found)
    return lexicon, problems


def files_in(*folders: Path) -> list[Path]:
    """The lexicon files of these folders, shipped ones first, each folder sorted."""
    return [p for folder in folders if folder.is_dir()
            for p in sorted([*folder.glob("*.toml"), *folder.glob("*.txt")])]


@lru_cache(maxsize=8)
def english_of(lexicon_words: frozenset[str], files: tuple[str, ...]) -> frozenset[str]:
    """The lexicon's English words, its big word lists read once, when first needed
    (a lookup that never meets a word the notes lack never reads them)."""
    found = set(lexicon_words)
    for name in files:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by ``load`` callers as a missing list: the words are a nicety
        found.update(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(found)


@lru_cache(maxsize=1)
def shipped() -> Lexicon:
    """The lexicon that comes with the bot (``content/lexicon``); loaded once."""
    lexicon, problems = load(files_in(SHIPPED))
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return lexicon
