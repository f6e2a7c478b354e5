"""Decision rules as learners write them: the situations scenario questions ask about.

"Use X when Y" is the plain form (``lines.RULE``). Notes pack them tighter:
after a label ("TIP: Use X when Y; use Z when W"), after a comparison that names
its things ("SnapStart vs PC: SnapStart for slow init; PC if you need ..."), or
chained in one sentence ("use /tmp for scratch, EFS if data is shared, S3 for
anything durable"). ``rules_in`` reads each of them as (X, when, Y); ``compared``
reads "X vs Y" so that X and Y are each other's rivals, wrong options of one kind.
"""

from __future__ import annotations

import re

from bot.core.bank.lines import RULE, key

LEAD = re.compile(r"([^:]{1,60}?)\s*:\s+")
NAME = r"[\w./'’+-]+(?: [\w./'’+-]+){0,3}"  # a thing's name: four words at most, no comma
VERSUS = re.compile(rf"^\s*[*`_]*(?P<a>{NAME})[*`_]*\s+vs\.?\s+[*`_]*(?P<b>{NAME})[*`_]*\s*$", re.IGNORECASE)
BARE = re.compile(r"^(?:use\s+)?(?P<x>[\w./'’+ -]{1,40}?)\s+(?P<when>when|if|for)\s+(?P<y>.{8,})$", re.IGNORECASE)
OTHERWISE = re.compile(r",?\s+otherwise\b.*$", re.IGNORECASE)  # "when X, otherwise sync": the rest is another rule
CHAINED = re.compile(r",\s+(?=(?:use\s+)?[\w./'’+-]+(?: [\w./'’+-]+){0,3}\s(?:for|if|when)\s)")


def compared(text: str) -> tuple[str, str] | None:
    """The two things a comparison names: "SnapStart vs PC" (a heading, or a line's lead)."""
    m = VERSUS.match(text)
    return (m.group("a").strip("*`_ "), m.group("b").strip("*`_ ")) if m else None


def rules_in(sentence: str, labels: frozenset[str]) -> list[tuple[str, str, str]]:
    """Every (X, when, Y) a sentence states; a label's words are all ``labels``."""
    names: tuple[str, ...] = ()
    lead = LEAD.match(sentence)
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
            first, *chain = CHAINED.split(OTHERWISE.sub("", m.group("y")))
            found.append((m.group("x"), m.group("when").lower(), first))
            found += [(c.group("x"), c.group("when").lower(), c.group("y")) for c in map(BARE.match, chain) if c]
    return found


def abbreviates(short: str, name: str) -> bool:
    """ "PC" for "provisioned concurrency": one thing written twice."""
    return re.fullmatch(r"[A-Z]{2,5}", short) is not None and len(name.split()) == len(short) \
        and "".join(w[0] for w in name.lower().split()) == short.lower()
