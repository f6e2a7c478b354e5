"""When the notes have nothing on a query: the lookup's decline rule, apart from ranking.

Ranking finds the best passage; this decides whether it answers. Topics the
notes do not cover are nearly always named ("sqs visibility timeout", "what
is AWS Batch", "lambda cold start"). A query describing a covered thing in
other words ("scratch disk on the host") names none, and its words mostly
miss the notes. So a query is declined when the best passage does not hold a
distinctive name it asks about (a name of the lexicon that no heading of the
notes treats, or "AWS X" with X unknown to the notes), or when the best passage
matches almost none of it. A name the notes treat (a word of a heading)
is answered wherever the best passage is; a paraphrase often has a long word
the notes never use ("ephemeral scratch space"), so that alone declines nothing,
unless the best passage also matches less than half of the query ("force a pod
onto SSD nodes with node affinity" meets a kubectl line on pods and nodes); an
exam scenario of twenty words or more is exempt, its setting is words of its own,
but not the sentence that asks: there a name no English word ("statefulset"), or
an unknown word with a best passage holding less than 40% of that sentence,
declines it.
"""

from __future__ import annotations

import re

from bot.core.lookup.index import LONG, Hit, Index
from bot.core.lookup.terms import Unit, root, words

COVER_NAMED = 0.55  # a short query naming an untreated AWS topic: the passage must hold it and this much
COVER_NAMED_LONG = 0.25  # ... an exam stem naming one (its name weighs three times the rarest word)
STEM_WORDS = 12  # words: a query this long is an exam stem, whatever few of them name things
SETTING_WORDS = 20  # words: in an exam scenario this long, an unknown word is its setting ("a SaaS vendor")
COVER_MIN = 0.1  # any query: the best passage must match at least this share of it
COVER_UNHEARD = 0.45  # a query with a word the notes never use: the best passage must match this much
ASKED_UNITS = 4  # words: a scenario's question sentence this long names what it asks for
ASKED_HELD = 0.4  # ... and the best passage must hold this share of them
BRANDS = ("aws", "amazon")  # "AWS Batch": a word after these the notes never use is a service name


def answers(hit: Hit | None, query: list[Unit], text: str, index: Index) -> bool:
    """Does this passage answer the query, or are the notes silent on it?"""
    if hit is None or hit.coverage < COVER_MIN:
        return False
    short = len(query) < LONG and len(words(text)) < STEM_WORDS  # a sentence of many plain words is a stem
    if branded_unknown(text, index):
        return False
    # a name the notes never write, and the passage lacks it in other words; one typed as
    # code ("securityContext") is a name in a question of any length
    if not all(_name_held(hit, [u.head for u in query if u.part_of == name])
               for name in {u.part_of for u in query if u.part_of} if short or name not in index.vocab.names):
        return False
    missing = [u for u in query if unheard(u, index)]
    if missing and hit.coverage < COVER_UNHEARD and len(words(text)) < SETTING_WORDS:
        return False  # "node affinity", "custom resource definition": a thing the notes never name, met in passing
    asked = set(words(re.split(r"(?<=[.!?])\s+", text.strip())[-1])) if len(words(text)) >= SETTING_WORDS else None
    if asked is not None and any(u.head in asked for u in missing):
        # a scenario's question sentence is no setting: "... Which pod setting makes the process
        # start as a non-root user?" asks for a thing the notes never name when its best passage
        # holds less than half of what that sentence asks
        mine = [u for u in query if u.head in asked]
        if len(mine) >= ASKED_UNITS and sum(u.head in hit.held for u in mine) < ASKED_HELD * len(mine):
            return False
    if any(index.vocab.jargon(u.head) and not index.resembles(u.head) and (asked is None or u.head in asked)
           for u in missing) \
            or short and missing and (
            len(missing) >= 2 or 2 * len(missing) > len(query)):
        # a short query whose words the notes mostly never use, or one that names
        # something no English word ("etcd", "kubeadm"): they do not cover it
        return False
    names = [u.head for u in query if untreated(u, index)]
    if not names:
        return True
    if not short:
        return hit.coverage >= COVER_NAMED_LONG
    return hit.coverage >= COVER_NAMED and all(name in hit.held for name in names)


def _name_held(hit: Hit, parts: list[str]) -> bool:
    """All the words of a name, two of them side by side ("filter policy" for
    "subscription filter policy") or one in the passage's headings, not
    scattered ("step" and "functions")."""
    if not set(parts) <= hit.held:
        return False
    p = hit.passage
    tokens = words(f"{p.title}\n{p.text}")
    side_by_side = set(zip(tokens, tokens[1:]))
    headings = {root(w) for w in words(f"{p.document} {p.path}")}  # "Streams" under a "DynamoDB" title
    return len(parts) < 2 or any(pair in side_by_side for pair in zip(parts, parts[1:])) \
        or not headings.isdisjoint(root(w) for w in parts)


def unheard(unit: Unit, index: Index) -> bool:
    """A word the notes never use, nor any misspelling, form or other word for it."""
    return (not unit.concept and len(unit.head) >= 3 and unit.head not in index.vocab.plain
            and not unit.head.isdigit() and not index.alternatives(unit))


def untreated(unit: Unit, index: Index) -> bool:
    """A distinctive name (of the lexicon) that no heading of the notes names
    (Lambda, S3 and CloudWatch may be mentioned in passing, not treated)."""
    return unit.head in index.vocab.names and not index.names_topic(unit.head)


def branded_unknown(text: str, index: Index) -> bool:
    """The query says "AWS X" or "Amazon X" and the notes never use X."""
    tokens = words(text)
    return any(a in BRANDS and b not in index.vocab.stop and not index.knows(b)
               for a, b in zip(tokens, tokens[1:]))
