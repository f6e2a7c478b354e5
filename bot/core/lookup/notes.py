"""Markdown notes -> passages with stable ids.

Real notes are uneven: indentation drifts, headings hide inside list items
("13. ###### Auto scaling group"), one numbered item can run to a hundred lines
with bold sub-headings inside it. A passage is one numbered item with its
sub-bullets; a long item is split at the bullets that are nothing but a bold
phrase. Ids come from the heading path and title only, so editing one passage
or adding a section never changes another passage's id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from bot.core.lookup.problems import Problem

#: an item longer than this many lines is split at its bold sub-headings
SPLIT_LINES = 20
#: a numbered list whose items are at most this many lines each holds facts of one passage
SHORT_ITEM = 3
#: an item of at most this many words names a topic ("1. IAM", "2. Key pair")
NAME_WORDS = 3
#: a passage's text is cut here (a whole notes file on one line, say)
MAX_TEXT = 20_000
#: a line longer than this is not prose (a pasted blob, a minified file): skipped
MAX_LINE = 5_000
MAX_TITLE = 90

_HEADING = re.compile(r"^\s*`*\s*(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^( {0,3})(\d{1,3})[.)]\s+(.*)$")
_NAMING = re.compile(r"\*\*[^*]+\*\*|[^:.!?]{1,40}?\s*:(?:\s|$)")  # "**Layers** …", "Concurrency : …"
_BULLET = re.compile(r"^(\s*)(?:[-*+]\s+)+(.*)$")
_QUOTED = re.compile(r"^(\s*)(?:>(?:\s|$))+")  # a blockquote's markers, however deep ("> > …")
# "_20 sec_", "_long polling_": emphasis by underscores, as markdown reads it (not "token_use", "MAX_RETRIES")
_UNDERLINED = re.compile(r"(?<![\w_])_(?=[^_\s])([^_\n]*[^_\s])_(?![\w_])")
# an Anki cloze ("{{c1::ExecuteChangeSet}}", "{{c2::does::does/doesn't}}"): its number, the words it hides, its hint
CLOZE = re.compile(r"\{\{c(\d+)::((?:(?!::|\}\}).)*)(?:::((?:(?!\}\}).)*))?\}\}")
_WHOLE_BOLD = re.compile(r"^\*\*\s*((?:(?!\*\*).)+?)\s*\*\*[\s:.]*$")  # not "**1 MB** max … **HTTP 400**"
_INLINE_HEADING = re.compile(r"^#{1,6}\s+")
_OPEN_QUESTION = re.compile(r"\?\?")
_FENCE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(```|~~~)")  # "  - ```json" opens one inside an item
_OPENED_AFTER = re.compile(r"^([^`~]*\w[^`~]*?)\s*(?:```|~~~)[\w+-]*\s*$")  # "A: ```python": opened after words
_CLOSING = re.compile(r"^\s*(?:```|~~~)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_KNOWN_CAPS = {"AMAZON": "Amazon", "LINUX": "Linux"}


@dataclass(frozen=True)
class Passage:
    id: str
    section: str
    heading: tuple[str, ...]  # (section, title) or (section,) for a section intro
    title: str
    text: str  # cleaned for chat: markdown noise gone, list structure kept
    file: str
    line_start: int
    line_end: int
    open_question: bool
    position: int  # order in the file, for display only
    document: str = ""  # the file's own title ("# Kubernetes notes"): what every passage is about
    # the lines an Anki cloze export hides words in, as written ("until you call {{c1::ExecuteChangeSet}}"):
    # the blanks the learner chose, asked as they are
    clozes: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return " › ".join(self.heading)

    @property
    def digest(self) -> str:
        raw = "\x1f".join((self.path, self.text, f"{self.line_start}-{self.line_end}"))
        return hashlib.sha256(raw.encode()).hexdigest()[:16]


@dataclass
class _Block:
    section: str
    title: str
    start: int  # 1-based line number
    lines: list[tuple[int, str]] = field(default_factory=list)
    item: bool = False  # a numbered item: its first line holds its title


def decode(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Bytes of a notes file -> text, or None with the reason it is unreadable."""
    if not data.strip():
        return None, [Problem(file, 1, "empty file: nothing to load")]
    if b"\x00" in data[:8192]:
        return None, [Problem(file, 1, "binary file (NUL bytes): not markdown, skipped")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(file, line, f"not UTF-8 (byte 0x{data[err.start]:02x}): skipped")]


def parse(text: str, file: str) -> tuple[list[Passage], list[Problem]]:
    """Split one notes file into passages; problems name the file and line."""
    problems: list[Problem] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            problems.append(Problem(file, number, f"line of {len(line):,} characters: skipped"))
            lines[number - 1] = ""
    fences, unclosed = _fences(lines)  # found once: the headings, the blocks and the facts all read them
    levels = [len(m.group(1)) for line in _unfenced(lines, fences) if (m := _HEADING.match(line))]
    problems += [Problem(file, at + 1, "a code fence never closed: read as notes") for at in unclosed]
    if not levels:
        problems.append(Problem(file, 1, "no markdown headings: the file is one section"))
    # a lone top-level title ("# DVA") names the document, not a section
    top = min(levels) if levels else 1
    if levels.count(top) == 1 and len(levels) > 1:
        top += 1
    fallback = untitled(file)
    blocks, document = _blocks(lines, fences, top, fallback)
    passages: list[Passage] = []
    seen: dict[str, int] = {}
    for block in blocks:
        for title, body in _split(block):
            passage = _passage(block.section, title, body, file, len(passages), problems, document)
            if passage is None:
                continue
            pid = passage.id
            seen[pid] = seen.get(pid, 0) + 1
            if seen[pid] > 1:
                passage = _with_id(passage, f"{pid}-{seen[pid]}")
            passages.append(passage)
    return passages, problems


def _unfenced(lines: list[str], fences: set[int]) -> list[str]:
    """The lines outside fenced code blocks (a "# comment" in a shell block is no heading)."""
    out, fenced = [], False
    for at, line in enumerate(lines):
        if at in fences:
            fenced = not fenced
        elif not fenced:
            out.append(line)
    return out


def _fences(lines: list[str]) -> tuple[set[int], list[int]]:
    """The indexes of the lines that open or close a fenced code block, and of the fences never
    closed. A fence the learner forgot to close fences nothing: the rest of the notes is still
    notes, not one code block. A block may open at the end of a line ("A: ```python")."""
    fences: set[int] = set()
    unclosed: list[int] = []
    start = 0
    while True:
        opened = None
        for at in range(start, len(lines)):
            if opened is None:
                opened = at if _FENCE.match(lines[at]) or _OPENED_AFTER.match(lines[at]) else None
            elif _CLOSING.match(lines[at]):
                fences |= {opened, at}
                opened = None
        if opened is None:
            return fences, unclosed
        unclosed.append(opened)
        start = opened + 1


def slug(text: str, limit: int = 48) -> str:
    """'AMAZON RDS Proxy' -> 'amazon-rds-proxy' (ascii, cut at a word)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or hashlib.sha1(text.encode()).hexdigest()[:8]


def passage_id(section: str, title: str) -> str:
    return f"{slug(section, 32)}/{slug(title)}" if title else slug(section, 32)


def untitled(file: str) -> str:
    """The section of what comes before a file's first heading: its file name in words."""
    name = file.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0].replace("-", " ").replace("_", " ").strip() or "Notes"


def _blocks(lines: list[str], fences: set[int], top: int, fallback: str) -> tuple[list[_Block], str]:
    """Group lines into sections and numbered items (the unit of a passage);
    also the document's title (a lone top-level heading), or ""."""
    section = fallback
    document = ""
    blocks: list[_Block] = []
    current: _Block | None = None
    fenced = False
    facts = _facts(lines, fences)
    for number, line in enumerate(lines, start=1):
        if number - 1 in fences:
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), _clean_inline(heading.group(2))
            if level < top:
                document = document or title
                current = None
                continue
            if level == top or not blocks:
                section = title or section
                current = _Block(section, "", number)
            else:  # a deeper heading starts a titled block of the section
                current = _Block(section, title, number)
            blocks.append(current)
            continue
        item = None if fenced else _ITEM.match(line)
        if item and current is not None and (_listing(current) and _one_line(lines, number)
                                             or not current.item and number in facts or _nested(lines, number)):
            # an item of a list the line before announced, of facts, or of a bullet's own sub-list
            current.lines.append((number, line))
            continue
        if item:
            current = _Block(section, "", number, [(number, item.group(3))], item=True)
            blocks.append(current)
            continue
        if current is None:
            current = _Block(section, "", number)
            blocks.append(current)
        current.lines.append((number, line))
    return [b for b in blocks if any(text.strip() for _, text in b.lines) or b.title], document


def _listing(block: _Block) -> bool:
    """Does the block end announcing a list ("QoS classes:") or in one it announced?

    Its one-line numbered items then stay in it: each alone would lose what
    it is one of ("1. Guaranteed ...", "2. Burstable ...").
    """
    said = [text.rstrip() for _, text in block.lines if text.strip()]
    return bool(said) and (said[-1].endswith(":") or bool(_ITEM.match(said[-1])))  # only a list adds items


def _one_line(lines: list[str], number: int) -> bool:
    """Is the numbered item on line ``number`` (1-based) a line alone, no sub-lines under it?"""
    after = lines[number] if number < len(lines) else ""
    return not after.strip() or bool(_ITEM.match(after) or _HEADING.match(after))


def _nested(lines: list[str], number: int) -> bool:
    """Is the numbered item on line ``number`` (1-based) indented under a bullet ("- flow:" over
    "  1. GET the ETag", "  3. PUT with If-Match" and its sub-bullets): steps of that bullet, not
    a topic of their own?"""
    indent = len(lines[number - 1]) - len(lines[number - 1].lstrip())
    above = (line for line in reversed(lines[:number - 1]) if line.strip() and len(line) - len(line.lstrip()) < indent)
    return indent > 0 and bool(_BULLET.match(next(above, "")))


def _facts(lines: list[str], fences: set[int]) -> set[int]:
    """The lines of numbered lists whose every item is a few lines and at most half of them a name:
    facts of the heading above them ("1. default 30 s, min 0, max 12 h"), not topics of their own
    ("6. IAM Policy Structure" and its sub-bullets, "1. Concurrency : 1000 per Region", "1. IAM"),
    so they stay together in its passage."""
    facts: set[int] = set()
    run: list[tuple[int, int]] = []  # (line number, lines of the item)
    named = 0  # items of the run that open with a name: "Concurrency : …", "**Layers**", "IAM"

    def ended() -> None:
        if len(run) > 1 and all(size <= SHORT_ITEM for _, size in run) and 2 * named <= len(run):
            facts.update(n for n, _ in run)

    fenced = False
    for number, line in enumerate(lines, start=1):
        if number - 1 in fences:
            fenced = not fenced
        item = None if fenced else _ITEM.match(line)
        if item:
            run.append((number, 1))
            named += bool(_NAMING.match(item.group(3))) or len(item.group(3).split()) <= NAME_WORDS
        elif run and line.strip() and (line[:1].isspace() or number - 1 == sum(run[-1]) - 1):
            run[-1] = (run[-1][0], run[-1][1] + 1)  # a line of the item before
        elif line.strip() or fenced:
            ended()
            run, named = [], 0
    ended()
    return facts


def _split(block: _Block) -> list[tuple[str, list[tuple[int, str]]]]:
    """A long item becomes several passages at its whole-bold bullets."""
    body = list(block.lines)
    title = block.title
    if block.item:
        first_number, first = body[0]
        title = _title_of(first)
        body = [(first_number, _title_rest(first))] + body[1:]
    if len(body) <= SPLIT_LINES:
        return [(title, body)]
    parts: list[tuple[str, list[tuple[int, str]]]] = [(title, [])]
    for number, line in body:
        bullet = _BULLET.match(line)
        bold = _WHOLE_BOLD.match(bullet.group(2).strip()) if bullet else None
        if bold and parts[-1][1]:
            parts.append((_tidy_title(bold.group(1)), [(number, line)]))
        else:
            parts[-1][1].append((number, line))
    return [(t, b) for t, b in parts if b]


def _title_of(first_line: str) -> str:
    text = _INLINE_HEADING.sub("", first_line.strip())
    text = re.sub(r"^note\s*:+\s*", "", _clean_inline(text), flags=re.IGNORECASE)
    head, sep, _ = text.partition(" : ")
    if sep and 2 <= len(head) <= 60:
        text = head
    return _tidy_title(text)


def _title_rest(first_line: str) -> str:
    return _INLINE_HEADING.sub("", first_line.strip())


def _tidy_title(text: str) -> str:
    text = _clean_inline(text).strip(" :.-")
    # shouted words become words ("AMAZON RDS Proxy" -> "Amazon RDS Proxy");
    # short capitals are acronyms and stay (RDS, CNAME, IOPS)
    words = [_KNOWN_CAPS.get(w, w.capitalize() if w.isupper() and len(w) >= 6 else w)
             for w in text.split()]
    text = " ".join(words)
    if len(text) > MAX_TITLE:
        text = text[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return text


def _clean_inline(text: str, clozed: bool = False) -> str:
    """The line as chat shows it; ``clozed``: an Anki cloze left as written."""
    shown = text if clozed else CLOZE.sub(r"\2", text)
    text = _UNDERLINED.sub(r"\1", shown.replace("**", "").replace("__", "").replace("`", ""))
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _clean_body(body: list[tuple[int, str]]) -> str:
    """Markdown noise out, list structure in: bullets become '• ', nesting kept."""
    out: list[str] = []
    indents: list[int] = []
    fenced = False
    fences, _ = _fences([raw for _, raw in body])
    for at, (_, raw) in enumerate(body):
        opened_after = _OPENED_AFTER.match(raw) if at in fences and not fenced and not _FENCE.match(raw) else None
        if at in fences:
            fenced = not fenced
            if opened_after is None:
                continue
            raw = opened_after.group(1)  # "A: ```python": the line's words, then the block
        elif fenced:  # code stays as written: indentation is its structure
            if raw.strip():
                out.append("  " + raw.expandtabs(4).rstrip())
            continue
        raw = _QUOTED.sub(r"\1", raw)  # "> - txn fails -> …": a blockquote's lines, as they would be outside it
        if not raw.strip() or _TABLE_RULE.match(raw):
            continue
        line = raw.expandtabs(4).rstrip()
        if line.lstrip().startswith("|"):  # a table row: its cells, once
            line = " | ".join(c.strip() for c in line.strip().strip("|").split("|"))
        bullet = _BULLET.match(line)
        if bullet:
            # a stack of the indents of open bullet levels: a bullet at or left
            # of an open level closes the deeper ones; one further right opens one
            width = len(bullet.group(1))
            while len(indents) > 1 and indents[-1] > width:
                indents.pop()
            if not indents or width > indents[-1]:
                indents.append(width)
            depth = len(indents) - 1
            text = _clean_inline(bullet.group(2))
            if text:
                out.append("  " * depth + "• " + text)
            continue
        text = _clean_inline(line)
        if text:
            depth = 1 if out and raw.startswith(" ") else 0
            out.append("  " * depth + text)
    return "\n".join(out)


def _passage(section: str, title: str, body: list[tuple[int, str]], file: str,
             position: int, problems: list[Problem], document: str = "") -> Passage | None:
    text = _clean_body(body)
    if title and text:  # the title repeated as the first line says nothing new
        first, _, rest = text.partition("\n")
        if restates(first, title):
            text = rest.lstrip("\n")
    if not text and not title:
        return None
    body = [(n, line) for n, line in body]
    while body and not body[-1][1].strip():
        body.pop()
    start = body[0][0] if body else 1
    if len(text) > MAX_TEXT:
        problems.append(Problem(file, start, f"passage longer than {MAX_TEXT} characters: cut"))
        text = text[:MAX_TEXT].rsplit(" ", 1)[0] + " …"
    if not title:  # its first line; a list of facts opening it belongs to the section
        first = text.splitlines()[0].lstrip("• ") if text else ""
        title = _tidy_title(first) if first and not _ITEM.match(first) else section
    raw = "\n".join(line for _, line in body)
    heading = (section, title) if title != section else (section,)
    return Passage(
        id=passage_id(section, title if title != section else ""),
        section=section,
        heading=heading,
        title=title,
        text=text or title,
        file=file,
        line_start=start,
        line_end=body[-1][0] if body else start,
        open_question=bool(_OPEN_QUESTION.search(raw) or _OPEN_QUESTION.search(title)),
        position=position,
        document=document,
        clozes=tuple(_clean_inline(_BULLET.sub(r"\2", line), clozed=True) for _, line in body if CLOZE.search(line)),
    )


def restates(line: str, title: str) -> bool:
    """Does ``line`` say no more than ``title`` (a title cut short with "…" says less)?"""
    norm = lambda s: " ".join(s.strip(" •:.-").lower().split())  # noqa: E731
    return norm(line) == norm(title.rstrip("…"))


def _with_id(passage: Passage, new_id: str) -> Passage:
    from dataclasses import replace

    return replace(passage, id=new_id)
