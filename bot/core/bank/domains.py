"""The exam's domains: which of DVA-C02's four a question belongs to, and their weights.

A written question may name its domain in its TOML; every other question (the
generated ones, written ones that do not say) takes the domain of its topic,
read from the words of the topic's name (``content/exam/dva-c02.toml``, data,
not code). The mock exam draws by these weights and the score report judges
each domain apart, as AWS reports it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from bot.core.bank.questions import DOMAINS, BankQuestion
from bot.core.lookup import Problem

GUIDE = Path(__file__).resolve().parents[3] / "content" / "exam" / "dva-c02.toml"


@dataclass(frozen=True)
class Domain:
    key: str  # one of questions.DOMAINS
    name: str  # as the exam guide writes it
    weight: int  # percent of the scored questions
    words: tuple[str, ...]  # words of a topic's name that place it here


@dataclass(frozen=True)
class Guide:
    """The exam as the bot models it: its size, time, pass line and domains."""

    questions: int
    minutes: int
    pass_score: int
    domains: tuple[Domain, ...]

    def domain_of(self, topic: str) -> str:
        """The domain a topic's name points to; the largest domain when none does."""
        text = f" {' '.join(re.findall(r'[a-z0-9/+-]+', topic.lower()))} "
        for domain in self.domains:
            if any(f" {w} " in text or (" " not in w and len(w) > 3 and w in text) for w in domain.words):
                return domain.key
        return max(self.domains, key=lambda d: d.weight).key

    def named(self, key: str) -> str:
        return next((d.name for d in self.domains if d.key == key), key)

    def of_topics(self, questions: Iterable[BankQuestion]) -> dict[str, str]:
        """Topic -> the domain most of its questions belong to (ties: the guide's order)."""
        counts: dict[str, dict[str, int]] = {}
        for q in questions:
            tally = counts.setdefault(q.topic, {})
            key = q.domain or self.domain_of(q.topic)
            tally[key] = tally.get(key, 0) + 1
        order = [d.key for d in self.domains]
        return {topic: max(tally, key=lambda k: (tally[k], -order.index(k) if k in order else -99))
                for topic, tally in counts.items()}

    def with_domains(self, questions: Iterable[BankQuestion]) -> list[BankQuestion]:
        """The questions, each with its domain (its own, else its topic's)."""
        return [q if q.domain else replace(q, domain=self.domain_of(q.topic)) for q in questions]


def load(path: Path = GUIDE) -> tuple[Guide, list[Problem]]:
    """The guide file; problems name the file and what is wrong (a broken file gives none)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        domains = tuple(Domain(d["key"], d["name"], int(d["weight"]), tuple(w.lower() for w in d["words"]))
                        for d in raw["domain"])
        guide = Guide(int(raw["questions"]), int(raw["minutes"]), int(raw["pass_score"]), domains)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as err:
        return DEFAULT, [Problem(path.name, 0, f"exam guide unreadable ({err}); the DVA-C02 defaults are used")]
    problems = [Problem(path.name, 0, f"domain {d.key!r} is not one of {', '.join(DOMAINS)}")
                for d in domains if d.key not in DOMAINS]
    if sum(d.weight for d in domains) != 100:
        problems.append(Problem(path.name, 0, "domain weights do not add up to 100"))
    return (DEFAULT, problems) if problems else (guide, [])


DEFAULT = Guide(65, 130, 720, (
    Domain("development", "Development with AWS Services", 32, ("lambda", "dynamodb", "sqs", "api gateway")),
    Domain("security", "Security", 26, ("iam", "kms", "cognito", "sts")),
    Domain("deployment", "Deployment", 24, ("cloudformation", "sam", "codedeploy", "beanstalk")),
    Domain("troubleshooting", "Troubleshooting and Optimization", 18, ("cloudwatch", "x-ray", "cloudtrail")),
))
