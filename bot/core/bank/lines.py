"""Lines of notes as the question generator reads them: rules, definitions, lists, amounts.

The shapes of a notes line that carry a question ("use X when Y", "Term – what
it is", "Label: a, b, c", "up to 15 minutes") and the small text helpers the
generator shares, kept apart from the questions so each module says one thing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from bot.core.lookup import notes, stem

MAX_FACT_LINE = 260  # characters: a longer line is a paragraph, not a fact to ask about
LEAD = re.compile(r"^(?P<term>(?:[A-Za-z]|[1-5]\d\d(?= [A-Z][a-z]|\s*[:=–—]|\s-|\s→))(?:::|[\w./'’+ ()`-]){0,50}?)\s*(?::|=|–|—|\s-|\s→|\s->)\s+(?:[-*•]\s+)?(?P<text>\S.{6,})$")
RULE = re.compile(r"^(?:use|choose|pick|prefer|go with)\s+(?:(?:an?|the)\s+)?(?P<x>[\w./'’+ -]{2,60}?)\s+"
                   r"(?P<when>when|if|for|to)\s+(?P<y>.{8,})$", re.IGNORECASE)
RULE_AFTER = re.compile(r"^(?P<x>[A-Za-z][\w./'’+ -]{1,40}?)\s*(?::|–|—|\s-|→|->)\s*(?:use (?:it |this )?)?"
                         r"(?P<when>when|if|for)\s+(?P<y>.{8,})$", re.IGNORECASE)
RULE_ASKED = re.compile(r"^need (?P<y>[^?]{8,})\?\s*(?:→|->|=>|:)\s*(?P<x>[^.;:()]{2,50}?)\s*(?:\(.*\))?\.?$",
                        re.IGNORECASE)  # "Need guests to read public data? → identity pool"
RULE_START = re.compile(r"(?i)\s*(?:must|should|can|cannot|can't|may|needs?|has to|have to)\b")
VERB = re.compile(r"(?i)\b(?:is|are|was|were|can|can't|cannot|should|must|will|means|do|does|don't|if|when)\b")
FIGURE = re.compile(r"(?<![\w-])\d")  # a figure of its own: "15 minutes", not "S3" or "-2016-10-31"
CLAUSE = re.compile(r"(?i:\b(?:is|are|was|were|not|no|can|can't|cannot|should|must|will|have|has|do|does|"
                     r"don't|set|use|add|run|make|get|if|when|then|so|means|this|that|these|those|vs|versus|the|a|an|"
                     r"of|for|with|by|from|and|or|which|what|who|how|where|why)\b)|\b[a-z]+[A-Z]|[\w`*)][.!;]\s+\w")
# (a clause's words, a camelCase word, or a sentence break: "`UPDATE_ROLLBACK_COMPLETE`. Nested" names no one thing)
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "CloudWatch" -> "Cloud Watch"
_LONG_WORD = re.compile(r"[a-z0-9]{3,}")
_LONG_LETTERS = re.compile(r"[a-z]{3,}")
# a flashcard deck's own mark between front and back ("What is AppSync;;managed GraphQL …", "GDK -- returns
# …", "tiers >> Standard, Advanced"); spaced unless ";;", "==", "~~" ("--key-id" is a flag); not ":"
# ("Fn::Sub" is one name), "|" (a table's empty cell), "//" or "#" (a comment), "**" (bold)
_DECK_MARK = re.compile(r"\s*([;=~])\1+\s*|\s+([^\w\s|/#*])\2+\s+")
_TAGS = re.compile(r"(?:\s*\[[\w-]+\])+\s*$")  # the tags that end a card: "… [limits] [exam]"
DECK_LINES = 3  # lines that make a deck: a mark between front and back, a tag ending cards
MAKER = re.compile(r"^(?:Amazon|AWS)\s+(?=[A-Z])")  # "Amazon SQS", "AWS X-Ray": the service is "SQS"
PERSONAL = frozenset("i i'm i've me my we we're our us question questions thought think probably".split())
DANGLING = re.compile(r"\b(?:to|of|from|and|or|but|because|unless|while|with|for|by|up|no|the|a|an|than|between|e\.?g|i\.?e)\W*$",
                      re.IGNORECASE)
PRONOUNS = frozenset("it its they them both this that these those he she either neither each".split())
CONDITIONS = frozenset("if when unless once whenever".split())  # "Rollback if it breaks": a clause, no noun
# a flashcard: "Q: …?" then "A: …", or a drill's question ("1. Which component …?") then "→ …"
CARD_QUESTION = re.compile(r"^(?:(?:Q|Question)\s*[:.)]\s*)?(.{10,}\?)\s*$")
CARD_ANSWER = re.compile(r"^(?:(?:A|Answer)\s*[:.)]|→|->|=>)\s")
REPLY_START = re.compile(r"^(?:yes|no|nope|yep|unlikely|likely|maybe|not)\b", re.IGNORECASE)  # a flashcard's answer
VALUE_START = re.compile(r"^(?:true|false|yes|no|none|null|\d)", re.IGNORECASE)
VALUE_LABEL = re.compile(r"^(?:(?i:because|since|so|then)\s+)?([A-Za-z][\w ./()'-]{1,40}?)\s+(?:–|—|=)\s+(?=\d)")  # "default TTL
# = 300 s"; a reason's connective is no word of the label ("BECAUSE DDB Streams retention = 24h")
DEFINES = re.compile(r"^(?:(?P<article>An?|The)\s+)?[*`]*(?P<term>[\w$./'’+-]+(?:\s+[\w./'’+-]+){0,3}?)[*`]*"
                     r"\s+(?:is|are)\s+(?:(?!not\b|never\b|also\b)[a-z]+\s+)?(?P<text>(?:an?|the)\s.{10,})$")  # "An alias is
# (just) a named pointer to a version"
UNDER_WORDS = 12  # an intro line ("Use Distributed mode when any of these is true:") longer than this is prose
QUESTION_WORD = re.compile(r"(?i)(?:what|how|why|when|where|which|who)\b")  # a header that asks names no measure
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+")
_MARKER = re.compile(r"^(?:\(?[a-z]\)|\d+\.\d+(?:\.\d+)*\.?|\[[ xX]?\]|[\u2600-\u27bf\u2b50\U0001f300-\U0001faff]\ufe0f?"
                     r"|\[\d{1,2}:\d{2}(?::\d{2})?\s?(?:[AaPp][Mm])?\](?:\s+@?[\w.-]{1,24}:)?)\s+")
# outline items ("a) ", "(b) ", "1.2 "), checkboxes ("[ ] "), the emoji a line opens with ("💡 ", "⚠️ "; a line a
# cross marks, "❌ ", is none: ``_CROSSED``), a chat's time and who wrote ("[09:16] marcus: ")
AMOUNT = re.compile(r"(?<![\w.\-/:$#])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(%|[A-Za-z]+)\b")
COUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)")  # the number of an AMOUNT, without its unit

_CUE = re.compile(r'["“]([^"”]{8,90})["”]\s*(?:→|->|=>)\s*((?:[^.;"“”→]|\.(?=[\w/]))+)((?:;|\s*→|\s*->)\s*\w[^"“”]*)?')
# "max 900 seconds (15 min)", "within 48 hours (two days)": the same amount again in another unit, in brackets
_RESTATED = re.compile(r"(?<![\w.,])(\d[\d,.]*\s?[A-Za-z%]+)\s*\((?:=\s*|~\s*|about\s+|i\.e\.\s*)?"
                       r"((?:\d[\d,.]*|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half an?)\s)\s?[A-Za-z%]+)\)")

@dataclass(frozen=True)
class Line:
    passage: notes.Passage
    text: str  # as in the notes, bullet gone
    number: int  # its index in the passage, for "the line before"
    group: str = ""  # its indentation and bullet: lines of one list share it ("#" first: a numbered list)

    @property
    def prompted(self) -> bool:
        """A row of a self-quiz table ("Cue | Notes"): its label is a prompt, not a term."""
        return self.group.startswith(PROMPTED)

    @property
    def numbered(self) -> bool:
        """An item of a numbered list ("1. Pre sign-up → ..."): its lead-in names a thing."""
        return self.group.startswith(_HASH)


BAR = "|"  # a table row's edges and the mark between its cells
CELL = f" {BAR} "  # between the cells of a table's row
LABELLED = " – "  # between a label and its value, as a line is read
# a self-test table's verdict on the claim beside it ("T — wildcard = any create API", "F!! — …", "F. it doesn't"), then its why
VERDICT = re.compile(r"^[*_]*(?:(T|TRUE|[Tt]rue)|F|FALSE|[Ff]alse)\b[*_]*[!?]*\s*(?:\([^)]*\)\s*)?(?:[—–:.,-]+\s*(.*))?$")  # "T. too
# big? …", "**F** (well, technically works) — use …"
# another row's or entry's words, not its own ("same as std", "ditto", "Same setup. …")
SAME = re.compile(r"^\s*(?:same|ditto|as above)\b|^\s*[\"〃]\s*$", re.IGNORECASE)
BULLET = "•"  # how the notes' parser marks a list item
PROMPTED = "?"  # opens the group of a self-quiz table's rows
CARD = " :: "  # between a flashcard's front and back as Anki exports it ("max resources per template :: 500")


_HASH = "#"  # a numbered list's group starts with it; a heading's line does
_HASHTAGS = re.compile(r"(?:\s+#[A-Za-z][\w-]*)+\s*$")  # "… by default #cfn #exam #verified"
_CROSSED = re.compile("[✗✘✖❌]")  # the note-taker's mark on what is wrong: "I picked: … 1 h ✗"


def lines(text: str, prompts: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(line, its group): the items of one list share a group; a line that is not an
    item of it, or one that opens a new list ("Encryption:"), starts the next group. The rows
    of a table whose first column ``prompts`` heads ("Cue | Notes") are grouped with a leading
    ``PROMPTED``: their labels ask, they name no term. A line the note-taker crossed out (a
    practice exam's wrong pick, "✗") teaches nothing: it is no line."""
    out = []
    block, last, in_table, column, prompted = 0, None, False, None, False
    # lines tagged as a phone's notes are ("… #cfn #verified", round 177), not one "… without #alias" of DynamoDB
    tagged = sum(1 for raw in text.splitlines() if _HASHTAGS.search(raw)) >= DECK_LINES
    for raw in _unwrapped(text):
        row = CELL in raw and not raw.lstrip().startswith(BAR)
        if row and not in_table and raw.count(CELL) == 1:
            in_table = True
            # a two-column table's header ("Error | Meaning") names its columns, no fact; a value
            # column of a few words ("max validity") says what each row's value is
            column = raw.split(CELL)[1].strip()
            column = column if 2 <= len(column.split()) <= 3 and "/" not in column \
                and not QUESTION_WORD.match(column) else None  # not "limit / value", not "What to remember"
            prompted = not prompts.isdisjoint(raw.split(CELL)[0].lower().split())
            continue
        in_table = row
        numbered = _NUMBERED.match(raw.strip())  # "1. Guaranteed – ...": an item of a list, as a bullet is
        body = raw.strip()[numbered.end() if numbered else 0:]
        line = _labelled(_MARKER.sub("", (_HASHTAGS.sub("", body) if tagged else body).lstrip(BULLET).strip()),
                         column if row else None)
        if not line or raw.startswith("    ") or _CROSSED.search(raw):
            continue
        bullet = raw.lstrip().startswith(BULLET) or numbered is not None
        depth = len(raw) - len(raw.lstrip())
        if last is not None and (bullet != last[0] or last[1].endswith(":") or CELL in line):
            block += 1
        last = (bullet, line)
        group = f"{_HASH if numbered else ''}{block}:{depth}•" if bullet else f"{PROMPTED * (row and prompted)}{block}:0"
        # a paragraph's lines are one group however indented ("  b) ..." under a first line the
        # passage starts flush); a bullet's depth says which list it is in; a paragraph written
        # as one long line is its sentences, each a line of its own
        parts = [line] if len(line) <= MAX_FACT_LINE or row else [_opening(line)] if bullet else sentences(line)
        out += [(part, group) for part in parts if 0 < len(part) <= MAX_FACT_LINE]
    return out


def decked(passages: list[notes.Passage]) -> list[notes.Passage]:
    """The passages as a flashcard deck's lines are read: its own mark between front and back
    (";;", " >> ", learned where most of a passage's lines hold it once) is Anki's " :: ", its
    heading the path in the deck, and the tags ending its cards ("[limits] [exam]", where
    ``DECK_LINES`` lines end in tags) are gone."""
    tagged = sum(1 for p in passages for line in p.text.splitlines() if _TAGS.search(line)) >= DECK_LINES

    def untagged(line: str) -> str:
        return _TAGS.sub("", line) if tagged else line

    out = []
    for p in passages:
        rows = [untagged(line) for line in p.text.splitlines()]
        once = Counter(found[0] for row in rows if len(found := _marks(row)) == 1)
        mark, n = once.most_common(1)[0] if once else ("", 0)
        filled = sum(1 for row in rows if row.strip())
        marked = n >= DECK_LINES and n * 2 >= filled

        def carded(line: str) -> str:
            return _DECK_MARK.sub(CARD, line) if marked and _marks(line) == [mark] else line

        rows = [carded(row) for row in rows]
        cards = sum(row.count(CARD) == 1 for row in rows)
        heading = [carded(untagged(h)) for h in p.heading]  # its first card, when the parser titles a passage so
        if cards >= DECK_LINES and cards * 2 >= filled:  # a deck, however its cards are marked
            heading = [part for h in heading for part in _deck_path(h)]
        out.append(replace(p, text="\n".join(rows), heading=tuple(heading)))
    return out


def _deck_path(heading: str) -> list[str]:
    """A deck's heading as its path in the deck ("DVA-C02::AppSync::01 basics"); not "3.
    AWS::Serverless::Function", a name, its parts one word each."""
    parts = heading.split(CARD.strip())
    return parts if CARD not in heading and any(len(part.split()) > 1 for part in parts[1:]) else [heading]


def _marks(line: str) -> list[str]:
    """The deck marks a line holds (";" of ";;", "-" of " -- ")."""
    return [m.group(1) or m.group(2) for m in _DECK_MARK.finditer(line)]


def _opening(item: str) -> str:
    """A long bullet's first sentences, as many as a fact line holds: its term and what it is."""
    kept = ""
    for sentence in sentences(item):
        if len(kept) + len(sentence) + 1 > MAX_FACT_LINE:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


def under(lines: list[Line], line: Line) -> str:
    """The line a list item sits under ("WebSocket limits:" over "idle timeout – 10 minutes"),
    without its colon: what its fragment is about, which the heading alone may not say."""
    if not line.group.endswith(BULLET):
        return ""
    first = min((x.number for x in lines if x.group == line.group), default=0)  # none: a glossary entry's (``BULLET``)
    above = lines[first - 1].text.strip() if first > 0 else ""
    # "Cause: throttling. Look at Reason:" is a statement of its own, labelled, not what a list is of
    told = re.search(r"\w:\s|\.\s", above.rstrip(":").replace("*", "")) is not None
    return above.rstrip(":") if above.endswith(":") and len(above.split()) <= UNDER_WORDS and not told else ""


def headed(heading: Iterable[str], words: frozenset[str]) -> bool:
    """Does a heading of the path hold one of ``words`` ("Cram list", "Worked example: the hot
    shard")? Not a table's columns ("Model | Examples") nor a name ("app.example.com")."""
    return any(not words.isdisjoint(re.findall(r"[a-z]+(?:-[a-z]+)*", re.sub(r"\S+\.\S+", "", h.lower())))
               for h in heading if CELL not in h)


def value_label(text: str) -> str:
    """The label a short value line opens with ("default TTL" of "default TTL – 300 s"), or ""."""
    return m.group(1) if (m := VALUE_LABEL.match(text)) else ""


def _labelled(line: str, column: str | None = None) -> str:
    """ "Max item size | 400 KB", a row of a two-column table, is "Max item size – 400 KB":
    a labelled value like any other line's (a figure says what it is: "Console | 12 hours" under
    "Who signs | max validity" is "Console – max validity 12 hours")."""
    if line.count(CARD) == 1 and CELL not in line:  # a flashcard exported from Anki: "front :: back"
        return line.replace(CARD, LABELLED)
    if (valued := VALUE_LABEL.match(line)) and " = " in valued.group(0):  # "default TTL = 300 s": a value, no sum
        return f"{valued.group(1)}{LABELLED}{line[valued.end():]}"
    cells = [c.strip() for c in line.split(CELL)] if CELL in line and not line.startswith(BAR) else []
    if column and cells[-1:] and cells[-1][:1].isdigit():
        cells[-1] = f"{column} {cells[-1]}"  # what a figure is
    if len(cells) == 2 and (verdict := VERDICT.match(cells[1])):  # a claim the learner marks: a fact if true
        return cells[0] if verdict.group(1) else ""  # (round 132: "… then 2 min between attempts – T")
    return f"{cells[0]}{LABELLED}{cells[1]}" if len(cells) == 2 and all(cells) else line


def _unwrapped(text: str) -> list[str]:
    """The notes' lines with a wrapped continuation joined back to the line it continues:
    "creates a temporary Auto" / "  Scaling group" under a bullet, or "temporary creds,
    typically to satisfy an MFA" / "condition from the CLI." in a paragraph, is one line,
    so no question quotes half of it."""
    out: list[str] = []
    for raw in text.splitlines():
        body = raw.strip()
        last = out[-1].rstrip() if out else ""
        ended = re.search(r"[.!?:;]$", last) is not None  # a sentence or a label ends the line before
        text_line = (bool(body) and not body.startswith((BULLET, BAR, _HASH)) and not _NUMBERED.match(body)
                     and not _MARKER.match(body)  # an outline's item ("2.4 Quotas …", "b) …") starts a line
                     and CELL not in body and CELL not in last  # a table's rows stay rows, whatever their case
                     and CARD not in last and CARD not in body)  # so do one-line flashcards ("SnapStart :: ApplyOn: …")
        under_bullet = (raw[:1] == " " and last.lstrip().startswith(BULLET) and len(raw) - len(raw.lstrip()) < 4
                        and (body[:1].islower() or not ended
                             and not re.search(r":(?:\s|$)|[=\[\]{}<>]", body)))  # not code under the bullet
        in_paragraph = (raw[:1] != " " and (body[:1].islower() or body[:1].isdigit() or body[:1] in "\"`“(" or DANGLING.search(last)
                                            or unclosed(last))  # "(more prefixes," / "SQS buffer) -> …"
                        and last.strip() != "" and not last[:1].isspace()  # not after a code block's line
                        and not last.lstrip().startswith((BULLET, BAR, _HASH)) and not ended)
        if out and text_line and (under_bullet or in_paragraph):
            out[-1] = f"{last} {body}"
        else:
            out.append(raw)
    return out


def listed(text: str, m: re.Match) -> bool:
    """ "10, 20 or 30 seconds", "5 s viewer / 30 s origin", "8 KB → 4 KB": blanking one of
    several values side by side leaves the learner to guess which one is meant."""
    before, after = text[max(0, m.start() - 32):m.start()], text[m.end():m.end() + 32]
    joined, paired = r"(?:,|or|and|/|→|->)", r"(?:/|→|->)"
    return re.search(rf"\d\s*{joined}\s*$", before) is not None or \
        re.match(rf"\s*{joined}\s*\d", after) is not None or \
        re.search(rf"\d\s*(?:\w+\s*){{0,4}}{paired}\s*(?:\w+\s*)?$", before) is not None or \
        re.match(rf"\s*(?:\w+\s*){{0,4}}{paired}\s*\d", after) is not None


def bare(term: str) -> str:
    """ "Lambda proxy (`AWS_PROXY`)" -> "Lambda proxy": the name without its aside, nor the range
    of values its line gives it ("`ParallelizationFactor` 1 (default) to 10")."""
    name = re.sub(r"\s*\(.*?\)|`", "", term).strip()
    return re.sub(r"\s+\d[\d,.]*\s*(?:to|-|–)\s*\d[\d,.]*$", "", name)


def sentences(text: str) -> list[str]:
    """A line's sentences: "Use Kinesis when ... Use SQS when ..." are two rules."""
    return [x.strip() for x in re.split(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)\s+(?=[A-Z])", text) if x.strip()]


BULLET_LEAD = re.compile(r"^(?P<term>[A-Za-z][\w./'’+ -]{0,30}?|[A-Za-z]\w{30,60})\s*(?::|–|—|\s-|=)\s+\S")


ASIDE = re.compile(r"\s*\([^()]*\)")  # "(use backoff)", "(500)": a note on what it follows
CAMEL_PAIR = re.compile(r"([A-Z]\w*?[a-z][A-Z]\w*)\s+[/&]\s+([A-Z]\w*?[a-z][A-Z]\w*)")  # "ThrottlingException / …"
LABEL_WORDS = 8  # "NOT retryable as-is (fix the request):" labels a list; a longer line says something


def bullet_lists(p, lines: list[Line]) -> Iterable[tuple[str, list[str], Line]]:
    """A line ending in ":" and the three or more short bullets under it: a list."""
    raw = p.text.splitlines()
    for i, line in enumerate(raw):
        text = line.strip().lstrip(BULLET).strip()
        if not text.endswith(":") or len(text.split()) > LABEL_WORDS:
            continue
        depth = len(line) - len(line.lstrip())
        items = []
        for below in raw[i + 1:]:
            if not below.strip().startswith(BULLET) or len(below) - len(below.lstrip()) < depth:
                break
            if len(below) - len(below.lstrip()) > depth + 2:
                continue  # a sub-point of an item
            body = ASIDE.sub("", below.strip().lstrip(BULLET).strip())  # "InternalServerError (500)": a note on it
            lead = BULLET_LEAD.match(body)
            item = lead.group("term") if lead else body
            # "InternalServerError / ServiceUnavailable": two names on one bullet
            both = CAMEL_PAIR.fullmatch(item.strip())
            if len(items) >= 3 and RULE.match(body):
                break  # "use CloudWatch Contributor Insights when …": a rule after the list, not an item
            if len(item.split()) > 4 or not re.fullmatch(r"[A-Za-z][\w+.'’ /-]{0,40}", item) and not both:
                items = []
                break
            items += [*both.groups()] if both else [item.strip()]
        if len(items) >= 3:
            anchor = next((x for x in lines if x.text == text), lines[0] if lines else None)
            if anchor is not None:  # "Retryable (use backoff)": the aside is no part of what the list is
                yield ASIDE.sub("", text.rstrip(":")).strip(), items, anchor


def inline_items(text: str) -> list[str]:
    """A list written on one line: "sync, async, event source mapping" (three or more short items)."""
    body = re.sub(r"\s*\(.*?\)", "", text).strip().rstrip(".")
    parts = [re.sub(r"^(?:and|or)\s+", "", x.strip(" .")) for x in re.split(r",\s*|\s*/\s*|\s+or\s+|\s+and\s+", body)]
    if len(parts) < 3 or any(not re.fullmatch(r"[A-Za-z][\w+.' -]{0,30}", x) or len(x.split()) > 3
                             for x in parts):
        return []
    if not all(any(c.isupper() or c.isdigit() or c == "_" for c in x) for x in parts):
        return []  # "optional, combos of parameters": words of a sentence, not names of things
    return parts


def spells_out(term: str, text: str) -> bool:
    """ "ASL" and "Amazon States Language", "EB" and "EventBridge": an abbreviation whose
    letters are the initials of the text's first words gives itself away."""
    initials = "".join(w[0] for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", text)[:10]).lower()
    for part in re.split(r"\s*/\s*", term):
        if re.fullmatch(r"[A-Z][A-Z0-9]{1,6}s?", part.strip()):
            letters, at = part.strip().rstrip("s").lower(), 0
            for c in initials:
                if at < len(letters) and c == letters[at]:
                    at += 1
            if at == len(letters):
                return True
    return False


def key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def distinct(items: list, of=lambda item: item) -> list:  # noqa: ANN001
    """``items`` without repeats by the words of their names (``of`` gives the name)."""
    seen, out = set(), []
    for item in items:
        name = key(of(item))
        if name and name not in seen:
            seen.add(name)
            out.append(item)
    return out


def overlap(a: str, b: str) -> float:
    wa, wb = (set(_LONG_WORD.findall(x.lower())) for x in (a, b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def alike(names: Iterable[str], texts: Iterable[str]) -> bool:
    """Does a word of one of ``names`` (CamelCase split) open like a word of ``texts`` ("Join"
    and "joins", "Sub" and "substitution")? A name spelling out what it does."""
    named = {w for n in names for w in _LONG_LETTERS.findall(CAMEL.sub(" ", n).lower())}
    said = {w for t in texts for w in _LONG_LETTERS.findall(t.lower())}
    return any(a.startswith(b[:5]) or b.startswith(a[:5]) for a in named for b in said)


def mentions(text: str, term: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, re.IGNORECASE) is not None


QUOTED = "in this situation:"  # how a quoted exam cue is asked: a situation, not "when a question says" (keyword matching, round 31)


def cues(text: str, whole: bool = False) -> list[tuple[str, str]]:
    """ 'exam tip: "users must reach S3 from the app" → identity pool. "sign-up / MFA" → UP' ->
    [("identity pool", '"users must reach S3 from the app"'), ("UP", '"sign-up / MFA"')]: what an
    exam question says, then the thing it asks for (one thing: "X + Y" or "X w/ Y" is no option),
    or (``whole``) all its arrow leads to, as written."""
    out = []
    for m in _CUE.finditer(text):
        thing = m.group(2).strip() if whole else bare(m.group(2)).split(",")[0].strip()
        if m.group(3):  # "… → cause; what to do", "… → poison pill → bisect": no one thing to use
            if not whole:
                continue
            thing += m.group(3).rstrip()  # as written, all of it
        if whole or thing and not re.search(r"\s(?:\+|&|and|or|w/|with|then)\s", f" {thing} "):
            out.append((thing, f'"{m.group(1).strip()}"'))
    return out


def unrestated(text: str, units: set[str]) -> str:
    """ "max 900 seconds (15 min)" -> "max 900 seconds": a figure given twice gives itself away."""
    def drop(m: re.Match) -> str:
        again = m.group(2).split()
        spelled = again[-1].lower() in units and not again[0][:1].isdigit()  # "(two days)"
        both = _amount_in(m.group(1), units) and (spelled or _amount_in(m.group(2), units))
        return m.group(1) if both else m.group(0)
    return _RESTATED.sub(drop, text)


def _amount_in(text: str, units: set[str]) -> bool:
    said = AMOUNT.fullmatch(text.strip())
    return bool(said) and said.group(2).lower() in units


def written(name: str) -> str:
    """How an identifier is written: "NEW_IMAGE" (snake), "StreamViewType" (camel), or words."""
    if re.fullmatch(r"[A-Z0-9]+(?:_[A-Z0-9]+)+", name):
        return "snake"
    return "camel" if re.fullmatch(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+", name) else "words"


def as_code(name: str) -> bool:
    """A name written as an identifier ("ExposeHeaders", "NEW_IMAGE"), not in words ("API flow")."""
    return written(bare(name)) != "words"


def variant(option: str, of: str) -> bool:
    """ "FIFO queue" of "Queue", "parallel byte-range GETs" of "Range GET" (round 120): what describes
    the one may fit the other (``repeats``: the same thing); a value in capitals is its own ("OLD_IMAGE"
    beside "NEW_AND_OLD_IMAGES")."""
    small, big = _singular(of), _singular(option)
    return set(key(of).split()) < set(key(option).split()) or not of.isupper() and len(small) < len(big) \
        and any(big[i:i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _singular(name: str) -> tuple[str, ...]:
    """The words of ``name`` in the singular, in their order ("GETs" is "GET")."""
    return tuple(stem(w) for w in key(name).split())


_PAREN_END = re.compile(r"\s*\([^()]*\)\s*$")


def repeats(option: str, of: str) -> bool:
    """``option`` is ``of`` with a bracket after it ("Scheduler (one-time at)"), or ``of``'s words run
    together with a code's suffix ("CustomMessage_AdminCreateUser" of "Custom message"): one thing twice."""
    bare = _PAREN_END.sub("", option)
    return bare != option and bare.lower() == of.lower() \
        or len(of.split()) > 1 and option.lower().startswith(of.lower().replace(" ", "") + "_")


def lower(name: str) -> str:
    """ "Deployment policies" -> "deployment policies"; a name stays ("SQS queues", "DeletionPolicy values",
    "Parameter Store": each word capitalised)."""
    first = name.split(" ", 1)[0]
    titled = " " in name.strip() and all(w[:1].isupper() and w[1:].islower() for w in name.split())
    return name if name[:2].isupper() or re.search(r"\w[A-Z]", first) or titled else name[:1].lower() + name[1:]


def unclosed(text: str, braces: bool = False) -> bool:
    """A bracket opened and not closed, or closed and never opened ("SQS buffer)"; ``braces``: any
    kind, "${cognito-identity" too)."""
    pairs = ("()", "{}", "[]")
    return any(text.count(a) != text.count(b) for a, b in pairs[:None if braces else 1])
