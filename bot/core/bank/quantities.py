"""Numbers with their units in a line of notes: "15 read replicas", "75%", "128TB", "1 year".

The generator blanks them out and offers values of the same unit as
distractors: first values the notes give elsewhere, then nearby values.
Ranges ("24 - 72 hours"), ids ("1223-1233-1234"), times ("5pm") and numbers
that name something ("layer 7", "port 22") are not amounts and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from bot.core.bank.grounding import STOP_WORDS
from bot.core.lookup import stem

_SIZE = {"tb", "gb", "mb", "kb"}
_ATTACHED = {"%", "x", "ms", "k"} | _SIZE
_UNIT_STOP = STOP_WORDS | {"across", "between", "per", "at", "to", "from", "out"}
_NUMBER = re.compile(r"(?<![\w.\-/:$#])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)")
# a label, then a bare count ("max metrics per request: 1000 (old: 20)"), not a range ("1–255") nor an amount
_TOLD = re.compile(r"(?P<label>[A-Za-z][\w ./-]{2,40}?)\s*[:=]\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,%/–-]|\s*[A-Za-z%])")
_BARE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # a count written without its unit
_UNITS = re.compile(r"(?<![\w.])\d[\d,.]*(?:\s*[-–]\s*\d[\d,.]*)?\s*([A-Za-z]+)\b")  # "0–300 s", "4 KB"
_NAME_BEFORE = re.compile(r"(?<![\w.-])((?:[A-Z][a-z]*){2,}|[A-Z][a-z]*[A-Z]\w*)\s+$")  # "TLS", "MySQL", "PostgreSQL"
_PLURAL_TIME = {"second", "minute", "hour", "day", "week", "month", "year"}
#: "layer 7", "port 22": the number is a name, not an amount of something
_NAMED_BY_NUMBER = {"layer", "port", "version", "type", "gen", "generation", "level", "tier", "step", "class", "route"}


@dataclass(frozen=True)
class Quantity:
    value: float
    number: str  # as written: "10,240"
    unit: str  # as written: "read replicas", "%", "TB"
    key: str  # for matching: "read replica", "%", "tb"
    attached: bool  # "75%" vs "16 instances"
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"{self.number}{'' if self.attached else ' '}{self.unit}"


def quantities_in(line: str) -> list[Quantity]:
    """Numbers with a unit: '15 read replicas', '75%', '128TB', '1 year'; ranges and ids skipped."""
    found = []
    for m in _NUMBER.finditer(line):
        before, after = line[: m.start()].rstrip(), line[m.end():]
        if before.endswith(("-", "–")) or re.match(r"\s*[-–]", after):
            continue  # "24 - 72 hours", "1223-1233-1234"
        if before.split()[-1:] and before.split()[-1].lower() in _NAMED_BY_NUMBER or versioned(line, m.start()):
            continue
        number = m.group(1)
        value = float(number.replace(",", ""))
        if attached := re.match(r"[A-Za-z%]+", after):
            unit = attached.group(0)
            if unit.lower() not in _ATTACHED or re.match(r"[\w']", after[len(unit):len(unit) + 1]):
                continue  # "5pm", "1000s", "GP2"
            found.append(Quantity(value, number, unit, unit.lower(), True, m.start(), m.end() + len(unit)))
            continue
        words = re.match(r" ((?:[A-Za-z][A-Za-z-]* ?){1,2})", after)
        if not words or after[:2] == " " + "'":
            continue
        unit_words = []
        for word in words.group(1).split():
            if word.lower() in _UNIT_STOP:
                break
            unit_words.append(word)
            if word.lower().endswith("s") or word.lower() in _ATTACHED:
                break  # a plural noun or a symbol ends the unit: "copies", "read replicas", "MB"
        if unit_words:
            unit = " ".join(unit_words)
            found.append(Quantity(value, number, unit, unit_key(unit), False, m.start(),
                                  m.end() + 1 + len(unit)))
    return found


def numbers_in(text: str) -> set[float]:
    """Every number a line writes, with a unit or bare ("older docs said 10"): a wrong option
    with one of them is one the stem itself rules out, or gives away."""
    return {float(n.replace(",", "")) for n in _NUMBER.findall(text)}


def versioned(text: str, start: int) -> bool:
    """Is the number at ``start`` a version: "1.2" after a name the text writes again with another
    such number ("TLS 1.2 min, TLS 1.3 recommended": not 1.2 minutes; "SQS 256 KB, SQS 1 MiB" are sizes)?"""
    name = _NAME_BEFORE.search(text[:start])
    return bool(name) and len(re.findall(rf"(?<![\w.-]){re.escape(name.group(1))}\s+\d+\.\d", text)) >= 2 \
        and re.match(r"\d+\.\d", text[start:]) is not None


def units_in(text: str) -> set[str]:
    """The units a text's amounts are given in, lower case, ranges too: "0–300 s" -> {"s"}."""
    return {m.group(1).lower() for m in _UNITS.finditer(text)}


def counted_by_label(text: str, limits: frozenset[str], counts: Callable[[str], bool]) -> list[tuple[float, str, re.Match]]:
    """ "max dims per metric: 30": a bare count whose label, opening with one of ``limits``, names
    a plural noun that ``counts`` ("dims"); (count, that noun, the count's match), or none."""
    told = _TOLD.match(text)
    words = re.findall(r"[a-z0-9]+", told.group("label").lower()) if told else []
    counted = [w for w in words[1:] if w.endswith("s") and counts(w)][:1]
    if not told or not counted or words[0] not in limits:
        return []
    number = _NUMBER.match(text, told.start("n"))
    return [(float(number.group(1).replace(",", "")), counted[0], number)] if number else []


def amount(value: float, unit: str, written: str, grouped: bool = False) -> str:
    """The amount as the notes write it; ``grouped`` writes thousands with commas, so that
    the options of one question are all written one way ("6,144" beside "10,240"). A count
    the notes write bare ("1000" after "max metrics per request:") is offered bare."""
    if _BARE.fullmatch(written):
        unit = ""
    grouped = grouped or "," in written
    number = f"{value:,.0f}" if value == int(value) and (value >= 10000 or grouped) else f"{value:g}"
    if unit.isalpha() and unit.islower() and len(unit) >= 3 and unit not in ("sec", "min", "hrs", "mbps", "percent"):
        unit = unit_key(unit) if value == 1 else (unit if unit.endswith("s") else unit + "s")
    attached = re.search(r"\d\s", written) is None  # "75%", "128TB" as the notes write them
    return f"{number}{'' if attached else ' '}{unit}"


def unit_key(unit: str) -> str:
    """'read replicas' -> 'read replica', 'copies' -> 'copy', 'AZs' -> 'az': singular, lower case."""
    return " ".join(stem(w) for w in unit.lower().split())


def nearby(q: Quantity) -> list[float]:
    """Plausible values of the same unit when the notes hold too few."""
    v = q.value
    if q.key == "%":
        steps = [v + d for d in (10, -10, 20, -20, 25, -25, 5, -5)]
        return [s for s in steps if 0 < s < 100]
    factors = (2, 0.5, 3, 4, 0.25, 10, 1.5)
    out = [v * f for f in factors]
    if v == int(v):
        out = [round(x) for x in out if x == int(x) or x > 3] + [v + 1, v - 1, v + 2]
    return [x for x in out if x > 1 or (x > 0 and v < 1)]


def render(q: Quantity, value: float, written: str | None = None) -> str:
    """``value`` in the unit of ``q``: '8 instances', '1 year' -> '2 years'."""
    if written is None:
        written = f"{value:,.0f}" if "," in q.number else f"{value:g}"
    number = written
    unit = q.unit
    if not q.attached and q.value == 1 and value != 1 and unit.lower() in _PLURAL_TIME | {"az", "copy"}:
        unit = unit[:-1] + "ies" if unit.endswith("y") and unit.lower() != "day" else unit + "s"
    return f"{number}{'' if q.attached else ' '}{unit}"


# "not your 2 GB file", "my 3 test tables": an amount owned so is the learner's example, no fact of a service's
POSSESSIVE = frozenset("my our your".split())
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:[-–]|to)\s*(\d+(?:\.\d+)?)\s*([A-Za-z%]+)")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def amount_of(option: str, unit: str | None = None) -> float | None:
    """The number of an amount ("4 MB" -> 4.0), when it is in ``unit`` (any unit when None)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z%/]*).*", option.replace(",", ""))
    if not m or unit is not None and m.group(2).lower() != unit.lower():
        return None
    return float(m.group(1))


def worked_out(stem: str, correct: tuple[str, ...] | list[str], wrong: list[str]) -> list[str]:
    """A number the stem lets anyone work out: "0.2 – 3 MB, default _____" rules out "4 MB";
    "Every1Minute takes 10 min, Every10Minutes _____" gives 100 min by a product, "max _____ (1 +
    10 read replicas)" 11 by a sum, "an 11th is refused" 10 by an ordinal."""
    problems = []
    for low, high, unit in _RANGE.findall(stem):
        out = [o for o in wrong if (a := amount_of(o, unit)) is not None and not float(low) <= a <= float(high)]
        if out:
            problems.append(f"the stem's range {low}-{high} {unit} rules out {out[0]!r}")
    given = [float(n) for n in _FIGURE.findall(stem.replace(",", "")) if float(n) > 1]
    added = [float(a) + float(b) for a, b in re.findall(r"(\d+(?:\.\d+)?)\s*\+\s*(\d+(?:\.\d+)?)", stem)]
    added += [float(n) - 1 for n in re.findall(r"\b(\d+)(?:st|nd|rd|th)\b", stem)]  # "an 11th gives an error": max 10
    timed = {_seconds(n, u) for n, u in _TIMED.findall(stem)} - {None}
    for option in correct:
        if (told := _TIMED.fullmatch(option.strip())) and _seconds(*told.groups()) in timed:
            problems.append(f"the answer {option!r} is the stem's own figure in another unit (604,800 s is 7 days)")
        key = amount_of(option)
        if key is not None and (key in added or any(abs(a * b - key) < 1e-9 or abs(a / b - key) < 1e-9
                                                    for i, a in enumerate(given) for b in given[i + 1:] + given[:i])):
            problems.append(f"the answer {option!r} is worked out from the stem's own numbers")
    return problems


_TIMED = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]+)")
_SECONDS = {"s": 1, "sec": 1, "second": 1, "min": 60, "minute": 60, "h": 3600, "hr": 3600, "hour": 3600,
            "d": 86400, "day": 86400, "week": 604800}


def _seconds(number: str, unit: str) -> float | None:
    """An amount of time in seconds ("7 days" -> 604,800), None for any other amount."""
    unit = unit.lower()
    factor = _SECONDS.get(unit) or _SECONDS.get(unit[:-1] if unit.endswith("s") else unit)
    return float(number.replace(",", "")) * factor if factor else None


_BRACKET = re.compile(r"\([^()]*\)")


# "(was 256 KB)", "raised from 256 KiB", "used to be 100 ms": an earlier value of a figure
_EARLIER = re.compile(r"\b(?:was|were|used to be|raised from|up from|down from|previously|formerly)\s+(?:~|about\s+)?\d",
                      re.IGNORECASE)


def dated(text: str, at: int, words: frozenset[str]) -> bool:
    """The figure at ``at`` is one the notes call old ("historically 256 KB", "old numbers to
    unlearn: 20 metrics are outdated"): a word of ``words`` in the bracket holding it, or in its
    line outside brackets ("up to 100 actions (old material says 25, outdated)" asks 100, never 25);
    or its line tells what a figure used to be ("1 MB (was 256 KB)", "was 256 KiB forever, raised
    to 1 MiB"): the old value beside the new, neither worth a blank (reviewers kept 1 of 11)."""
    def said(part: str) -> bool:
        return not words.isdisjoint(re.findall(r"[a-z]+", part.lower()))

    if _EARLIER.search(text):
        return True
    inside = next((b for b in _BRACKET.finditer(text) if b.start() <= at < b.end()), None)
    return said(inside.group(0)) if inside else said(_BRACKET.sub("", text))
