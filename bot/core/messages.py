"""Commands in, replies out: the whole vocabulary between adapters and the core.

Adapters translate a platform event into one of the commands below and render
each reply with one ``match``. Nothing here knows a platform: emphasis,
buttons and mentions are structure (``Question.choices``, ``Feedback.correct``),
never markup. Text fields hold plain text typed by people or taken from the
notes; adapters escape it for their platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


# --- who and where -----------------------------------------------------------


@dataclass(frozen=True)
class Learner:
    """A person in a group: (platform, group, user) is their identity.

    ``group`` is the Discord guild id or the Slack team id; in a direct message
    with no guild the adapter gives the learner a group of their own and says so
    with ``direct``. ``name`` is a display name for leaderboards, never used as identity.
    """

    platform: str
    group: str
    user: str
    name: str = ""
    direct: bool = field(default=False, compare=False)  # a direct message with the bot, no group


# --- commands in -------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    learner: Learner
    query: str


@dataclass(frozen=True)
class More:
    """The next part of a long lookup answer: ``start`` is the character offset
    in the passage where it continues (carried by the reply's "more" button)."""

    learner: Learner
    passage_id: str
    start: int


@dataclass(frozen=True)
class Quiz:
    learner: Learner
    topic: str | None = None


@dataclass(frozen=True)
class Answer:
    """A click on a choice (or a choose-two submit).

    ``instance`` is the question instance id carried by the button, so a click
    works after a restart. ``choices`` are letters ("A", "C"). ``event`` is the
    platform's delivery id when it has one: the same event delivered twice is
    recorded once.
    """

    learner: Learner
    instance: str
    choices: tuple[str, ...]
    event: str | None = None


@dataclass(frozen=True)
class Explain:
    learner: Learner
    question: str


@dataclass(frozen=True)
class Topics:
    learner: Learner


@dataclass(frozen=True)
class ShowLeaderboard:
    learner: Learner
    period: str = "week"  # today | week | month | all


@dataclass(frozen=True)
class ShowStats:
    learner: Learner
    subject: Learner | None = None  # someone else's stats; None = the asker's


@dataclass(frozen=True)
class Daily:
    """Show the open daily question of ``target`` (the place it was posted)."""

    learner: Learner
    target: str


@dataclass(frozen=True)
class Review:
    learner: Learner


@dataclass(frozen=True)
class Help:
    learner: Learner


@dataclass(frozen=True)
class Setup:
    """Schedule (or stop, with ``off``) the daily question for ``target``.

    ``target`` is an opaque place id chosen by the adapter (e.g.
    ``"discord:<channel id>"``); ``target_name`` is how to show it to people.
    ``is_admin`` is decided by the adapter from the platform's permissions;
    the core refuses when it is false.
    """

    learner: Learner
    target: str
    target_name: str = ""
    time: str = ""  # "HH:MM"
    timezone: str | None = None
    weekdays: str | None = None  # "mon-fri", "mon,wed,fri"
    topic: str | None = None
    off: bool = False
    is_admin: bool = False
    recap_day: str | None = None  # the weekly recap's weekday ("fri"); None: Monday
    recap_time: str | None = None  # its local time ("17:00"); None: the daily time


@dataclass(frozen=True)
class Exam:
    """The mock exam: ``start`` (``size`` questions, the full exam when None), or, on the
    learner's running exam, ``show`` a question (``position``, else the first unanswered),
    ``flag`` one for later, ``flagged`` (list them), ``finish`` it."""

    learner: Learner
    action: str = "start"  # start | show | flag | flagged | finish
    size: int | None = None
    position: int | None = None


@dataclass(frozen=True)
class Report:
    """ "This question is wrong": ``question`` is a question or instance id."""

    learner: Learner
    question: str
    reason: str = ""


@dataclass(frozen=True)
class Remind:
    """ "remind on [HH:MM]" / "remind off": a daily direct message when reviews are due or a
    streak would break."""

    learner: Learner
    on: bool
    time: str | None = None


@dataclass(frozen=True)
class Round:
    """ "round [topic] [count]": ``count`` questions in ``target`` one after another, each open
    for a while; anyone answers once per question. ``solo``: one player (the console), so a
    question closes as soon as it is answered."""

    learner: Learner
    target: str
    topic: str | None = None
    count: int = 5
    solo: bool = False
    seconds: int | None = None  # how long each question is open (None: the default, 30)


Command = (
    Ask | More | Quiz | Answer | Explain | Topics | ShowLeaderboard | ShowStats | Daily
    | Review | Help | Setup | Exam | Report | Remind | Round
)


# --- replies out -------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain text. ``error`` marks a refusal or bad input (shown privately)."""

    text: str
    error: bool = False


@dataclass(frozen=True)
class FoundPassage:
    """The answer to ``ask``: the matching part of a passage of the notes."""

    query: str
    passage_id: str
    heading: tuple[str, ...]  # ("RDS", "Amazon RDS Proxy")
    text: str  # the part of the passage that matches, chat-ready plain text
    source: str  # "dva-notes.md:212-230"
    related: tuple[str, ...] = ()  # titles of up to two related passages
    open_question: bool = False  # the author marked it "??"
    more: int | None = None  # where the rest continues (``More.start``); None: nothing more


@dataclass(frozen=True)
class NothingFound:
    """The notes have nothing on ``query``; ``suggestions`` are topics they do cover."""

    query: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    letter: str  # "A"
    text: str


@dataclass(frozen=True)
class Question:
    """A question to show with one button per choice.

    ``instance`` identifies this showing of the question (who it was served
    to, daily or practice); buttons carry it. ``pick`` is how many choices
    make an answer: 1, or 2 for "Choose TWO".
    """

    instance: str
    question_id: str
    topic: str
    stem: str
    choices: tuple[Choice, ...]
    pick: int = 1
    heading: tuple[str, ...] = ()
    generated: bool = False
    daily: bool = False
    review: bool = False
    closes_at: datetime | None = None
    note: str = ""  # e.g. "Next review due in 2 days" or "Practice: weak topic"
    exam: ExamProgress | None = None  # set when it is a question of a mock exam


@dataclass(frozen=True)
class ExamProgress:
    """Where a mock exam stands, shown with each of its questions."""

    position: int  # 1-based
    size: int
    answered: int
    flagged: bool  # this question
    ends_at: datetime
    chosen: tuple[str, ...] = ()  # what the learner picked so far (shown letters)


@dataclass(frozen=True)
class Feedback:
    """The reply to an answer, shown only to the person who clicked.

    ``counted`` is False when this learner had already answered the instance:
    then ``correct`` and ``chosen`` describe the first answer, the one that
    counted.
    """

    question_id: str
    correct: bool
    chosen: tuple[str, ...]
    answer: tuple[Choice, ...]
    explanation: str
    heading: tuple[str, ...] = ()
    points: int = 0
    counted: bool = True
    next_review: datetime | None = None
    mode: str = ""  # "practice", "daily", "review": what the points were for (fresh answers only)
    streak_bonus: int = 0  # the part of ``points`` the learner's streak earned
    picked: tuple[Choice, ...] = ()  # the options ``chosen`` names, with their text
    tally: tuple[int, int] | None = None  # a daily question's (answered, right) so far, to show on its post


@dataclass(frozen=True)
class Explanation:
    question_id: str
    stem: str
    answer: tuple[Choice, ...]
    explanation: str
    heading: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    name: str
    passages: int
    questions: int = 0
    domain: str = ""  # the exam domain most of its questions belong to


@dataclass(frozen=True)
class TopicList:
    topics: tuple[Topic, ...]


@dataclass(frozen=True)
class Standing:
    rank: int  # equal points share a rank
    learner: Learner
    points: int
    answered: int
    correct: int
    is_asker: bool = False


@dataclass(frozen=True)
class Leaderboard:
    period: str
    timezone: str
    rows: tuple[Standing, ...]  # the top 10 (more when ties straddle 10th)
    asker: Standing | None = None  # set when the asker is outside ``rows``


@dataclass(frozen=True)
class TopicAccuracy:
    topic: str
    answered: int
    correct: int
    practice: str  # the command that practises it, e.g. "quiz rds"


@dataclass(frozen=True)
class Stats:
    learner: Learner
    answered: int
    correct: int
    points: int
    streak: int
    best_streak: int
    topics: tuple[TopicAccuracy, ...] = ()
    weakest: tuple[TopicAccuracy, ...] = ()
    reviews_due: int = 0
    domains: tuple[TopicAccuracy, ...] = ()  # accuracy per exam domain (``topic`` holds its name)


@dataclass(frozen=True)
class DomainResult:
    domain: str  # its name as the exam guide writes it
    right: int
    total: int
    meets: bool  # "Meets competencies", else "Needs improvement", as AWS reports it


@dataclass(frozen=True)
class ExamItem:
    position: int
    instance: str  # ``explain`` it to review the question
    topic: str
    right: bool
    answered: bool


@dataclass(frozen=True)
class ExamReport:
    """The end of a mock exam: a scaled score, each domain, and what to practise."""

    score: int  # 100-1000
    pass_score: int  # 720
    right: int
    total: int
    domains: tuple[DomainResult, ...]
    weakest: tuple[TopicAccuracy, ...]  # up to three, with the command to practise each
    items: tuple[ExamItem, ...]
    timed_out: bool = False
    scaling: str = ""  # how the score was computed: AWS does not publish its scaling

    @property
    def passed(self) -> bool:
        return self.score >= self.pass_score


@dataclass(frozen=True)
class Recap:
    """The week in a channel with a daily question, posted on Monday for everyone."""

    target: str
    week_of: date  # the first of the seven days it covers
    top: tuple[Standing, ...]  # the week's top five by points
    streaks: tuple[tuple[Learner, int], ...]  # the longest current streaks among them, in days
    weakest: TopicAccuracy | None  # the group's weakest topic of the week, with its quiz command
    missed_question: str  # the most-missed question's id ("" when nobody missed one)
    missed_stem: str
    missed: tuple[int, int]  # (wrong, answered) of that question
    answered: int  # answers the group gave that week


@dataclass(frozen=True)
class Reminder:
    """The day's reminder, sent to the learner alone."""

    learner: Learner
    reviews: int  # spaced-review cards due now
    streak: int  # the streak that breaks tonight without an answer (0: none at risk)


@dataclass(frozen=True)
class RoundScore:
    learner: Learner
    points: int
    right: int  # questions right (in a question's results: 1 or 0)


@dataclass(frozen=True)
class RoundResults:
    """After each question of a round, and at its end (``final``): who scored, best first."""

    target: str
    position: int
    size: int
    answer: tuple[Choice, ...]  # the right option(s) as the question showed them ("" for the final)
    answered: int
    scores: tuple[RoundScore, ...]
    final: bool = False


@dataclass(frozen=True)
class HelpText:
    commands: tuple[tuple[str, str], ...]  # (usage, what it does)


@dataclass(frozen=True)
class DailySummary:
    """A closed daily question: the answer and how the channel did."""

    target: str
    question_id: str
    stem: str
    answer: tuple[Choice, ...]
    explanation: str
    answered: int
    correct: int
    first_right: Learner | None = None
    right: tuple[Learner, ...] = ()  # who answered right, in order of answer (the first few dozen)
    heading: tuple[str, ...] = ()  # the source heading in the notes


Reply = (
    Text | FoundPassage | NothingFound | Question | Feedback | Explanation | TopicList
    | Leaderboard | Stats | HelpText | DailySummary | ExamReport | Recap | Reminder | RoundResults
)


def unknown_command() -> Text:
    """The reply to a command its receiver does not handle (one wording everywhere)."""
    return Text("Unknown command. Try 'help'.", error=True)
