"""A line of the notes made fit to show in a question: asides out, obvious typos fixed.

Notes are written for their author: "(this one's on the exam!!)", "??", "lol",
"recieve". A question shows the fact, not the aside; the notes themselves are
never changed, only the stem built from them. A typo is fixed only when it is
obvious: a word that is no English word, is not used elsewhere in the notes,
and is one or two letters from exactly one English word.

A learner's flashcard is a stem already: its question is asked as written
(``elliptic`` tells the few words that ask nothing), and the name its answer
opens with is the key (``card_answer``, ``named_first``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.bank.lines import CAMEL, CARD, CARD_ANSWER, MAKER, PRONOUNS, lower, mentions, sentences
from bot.core.lookup import english_words
from bot.core.lookup import lexicon as lexicons

PATH = " › "  # between the headings of a heading path
_OR = "|"  # between a regular expression's alternatives
_PAREN = re.compile(r"\s*[(\[]([^()\[\]]{0,80})[)\]]")
_NOISE = re.compile(r"\?\?+|!!+|\blol\b|:\)|:\(|;\)|[\u2600-\u27bf\u2b50\u2b55\U0001f300-\U0001faff\ufe0f]")  # and emoji: "📦", "✗"
_EMPHASIS = re.compile(r"(?<![\w*/.])[*_]{1,2}([A-Za-z0-9(](?:[^*_\n]*?[A-Za-z0-9.!?)])?)[*_]{1,2}(?![\w*])")  # "*(proxy-level)*"; not "/api/*, *.jpg"
_SPACES = re.compile(r"\s+")
_ASKS = re.compile(r"[\"“”?]")  # a heading quoting or asking ("Use X when Y", "Which one?"): the notes' own words
_LEAD_LABEL = re.compile(r"^(?:(?:ex|eg|e\.g\.|note|nb|tip)\b[:.]?|\[[A-Z][\w .'-]{0,20}\]:|\[\d{1,2}:\d\d(?::\d\d)?\]"
                         r"|\d{1,2}:\d\d(?::\d\d)?\s*[-–—])\s+",
                         re.IGNORECASE)  # "[Raj]: ": who wrote it; "[03:40] ", "32:20 - ": when a video said it
_EXCLAIMS = re.compile(r"[!?]")  # a bracket exclaiming or asking: the note-taker's aside
_STAMP = re.compile(r"^\s*(?:[a-z]+\s+)?\d{1,2}:\d\d(?::\d\d)?\s*$", re.IGNORECASE)  # "(pause 12:40)", "(14:05)"
_LABELLED = re.compile(r"^([A-Za-z]+(?: [A-Za-z]+)?)\s*:\s+(?=\S)")
# an outline's number before a heading: "4. SQS", "7b. Metrics", "b) Limits", "5.2 Errors", "#3 · …", "01 basics", then
# the lexicon's ``outline`` words before a number: "Part 4 — Engines", "Lecture 14.4 — Builds", "Step 4 create", "q9";
# or a sticky-note wall's colour before a dash, the lexicon's ``colours`` ("Purple — deployment strategies", round 168),
# or a changelog's version ("[0.7.0] - 2026-03-14", round 174); "Day 1 (Mon) — network modes", an essay's "Body ¶4 —" (round 180)
_OUTLINE = (r"^\s*(?:0\d(?=\s)|\d+(?:\.\d+)+[.)]?|\[v?\d+(?:\.\d+)+\]\s*[—–:-]?|(?:\d+[a-z]?|[A-Za-z]|[IVX]+)[.)]|#\d+[a-z]?\b\s*[—–:.,·-]?"
            r"|(?i:{words})(?:\s*¶?\d+(?:\.\d+)*[a-z]?|\s+(?:[A-Z]|[IVX]+))\b(?:\s*\([^()]{{1,12}}\))?\s*[—–:.,·-]?|(?i:{colours})\s*[—–:])(?:\s+|$)")
# a diary's date before a heading, or for all of it: "Tue 11 Mar: cost + batching", "March 3 — DLQs",
# "2025-03-11 - retries", "2026-03-04 (Wed): DLQs", "Mon 2025-03-03 — policies", "Day 4 — Thu, the 504s",
# "03-19 — env vars", "Wed 5 Mar" (the lexicon's ``calendar``
# words): the day names no topic
_DATE = (r"^\s*(?:(?:(?i:{days})\.?,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{days})\b|(?i:{days})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b)"
         r"(?:,?\s+\d{{4}})?|(?:(?i:{days})\.?,?\s+)?\d{{4}}-\d{{2}}-\d{{2}}(?:\s*\((?i:{days})\))?|(?i:{days}),(?=\s)"
         r"|(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01])(?=\s*[—–:-]))"
         r"\s*[—–:.,·-]?(?:\s+|$)")
# "SAM CLI: which command for …" is about SAM CLI; "warm-up: what even is STS" about what it asks of (round 163)
_ASKING = re.compile(r"(?::|→|->)\s+(?:what\s+(?:\w+\s+)?(?:is|are)\s+(?P<asked>[\w./@-]+(?:\s+[\w./@-]+){0,3})\?*|(?:which|what|how|when|why|where)\b.*)$", re.IGNORECASE)
# a heading's list of contents: "Config: env vars, secrets, timeout, memory, /tmp" is about "Config"
# or a remark in plain words ("Elastic Beanstalk config: dev checklist"); not names ("Troubleshooting: Lambda, API Gateway, …")
_CONTENTS = re.compile(r"(?<=\w)(?::\s+(?:[a-z/][^:]*,[^:]*,[^:]*|[a-z][a-z -]*)|\s[—–]\s+[a-z/][^:—–]*,[^:]*,[^:]*|\s[—–]\s+[^\s/]+(?:\s*/\s*[^\s/]+){2,})$")  # or a
# list after a dash ("Error handling — retries, bisect, max age", round 138; "reads — GetItem / Query / Scan",
# round 165), not "key rotation — on-demand"
# the note-taker's word on a heading: "Deployment policies ← most tested part", "Error codes I keep mixing up",
# "Rotation — the one I keep missing"
_REMARK = re.compile(r"(?<=[\w)])\s+(?:(?:←|<--?)\s.*|(?:[—–-]\s+the\s+(?:one|ones|part|bit)\s+)?[Ii](?:'m|'ve|'d|'ll)?\s+[a-z].*)$")
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_CASED = re.compile(r"\b[A-Za-z]{4,}\b")  # a word as the notes write it, capitals and all
_LETTERS = re.compile(r"[a-z]+")
_SHOUTED = re.compile(r"(?<![\w.$/-])[A-Z]{4,}(?![\w.(/-])")  # "CHANGING", not "States.ALL", "NEW_IMAGE", "AWS_IAM"
_NEVER = "(?!)"  # a pattern of no words matches nothing
_VOWELS = "aeiou"
_DECK_PATH = re.compile(r"(?<![^\s])(?:[^\s:]+::)+\d{1,3}[.)]?\s+")  # "DVA::DDB::01 " before "capacity units"
_COLON = ": "  # between a label and what it labels ("Step Functions: Map + Parallel")
_PLURAL = "s"  # after a name in capitals: "URLs", "APIs"
_TOKEN = re.compile(r"[A-Za-z][\w@.-]*[A-Za-z]")  # a word as written, "Lambda@Edge" one
_SHORT_SHOUT = 4  # letters: a word this short in capitals is emphasis ("FIND") only where the notes write
# it so once or twice and more often in lower case; "REST", "HTTP" and "DENY" they write in capitals throughout
_LOWER = re.compile(r"(?<![\w.])[a-z]{2,}\b")
_CALM_BESIDE = 2  # words in lower case a text holds at least for a word in capitals to be emphasis
_CONTENTS_OF = re.compile(r":\s|\s[—–-]\s")  # a title's subject, then what the notes cover of it
_SPAN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?")  # a word of a title, "X-Ray" one
# The notes' own abbreviations: "SM = Secrets Manager", "CWL = CW Logs" (its own shorthand spelled out in
# turn), '"CI" = container image', a glossary's "- **PB**: permissions boundary" or a legend table's row
# "CWL | CloudWatch Logs" (the initials decide:
# "TIP: turn it on" defines nothing), "VReq / VResp = viewer request / viewer response"
_LEGEND = re.compile(r"\b([A-Z][A-Za-z]{1,4}(?:\s*/\s*[A-Z][A-Za-z]{1,4})+)\s*=\s*"
                     r"([A-Za-z][A-Za-z ]*?(?:\s*/\s*[A-Za-z][A-Za-z ]*?)+)\s*(?=[,;.)]|$)", re.MULTILINE)
# "S3 Transfer Acceleration (S3TA)", "use Enhanced fan-out (EFO)": a name, then its initials in brackets
_BRACKETED = re.compile(r"([A-Z][\w-]*(?: [\w-]+){1,4}) \(([A-Z][A-Za-z0-9]{1,5})\)")
_LONG = r"([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z]+)?(?: [A-Za-z]+(?:-[A-Za-z]+)?){1,3}|[A-Z][a-z]*(?:-?[A-Z][a-z]+)+)\b"  # what it
# stands for ("S3 Event Notifications": a name with a digit in front)
_DEFINED = re.compile(rf"(?<!\w)(?:\*\*|[\"'`])?([A-Z][A-Za-z]{{1,4}})(?:\*\*|[\"'`])?\s*=\s*{_LONG}"
                      rf"|^[\s>*•-]*(?:\*\*|`)?([A-Z][A-Za-z]{{1,4}})(?:\*\*|`)?\s*[:|]\s+{_LONG}", re.MULTILINE)
SENTENCE_WORDS = 4  # words after "Limits:" that make a sentence of their own ("Max: 900 s" keeps its label)
TYPO_LENGTH = 7  # letters: only a longer word is corrected ("recieve", "seperate")
TYPO_LIKENESS = 80  # rapidfuzz ratio, then one edit (two for long words) from exactly one English word


class Cleaner:
    """Cleans lines for stems with what the lexicon knows of asides and English."""

    def __init__(self, lexicon: lexicons.Lexicon, notes_text: str = ""):
        self.asides = lexicon.asides
        self._labelling = lexicon.labels | lexicon.asides
        self._measures = lexicon.figures  # "Limits: a query times out after 60 minutes": a label over a sentence
        self.english, self._by_letter = english_words(lexicon.english, lexicon.english_files)
        self._cased = Counter(_CASED.findall(notes_text))  # each word as the notes write it ("REST", "rest")
        # the way the notes write a word most when not shouting it ("CloudFront" for "CLOUDFRONT")
        self._written = Counter(_TOKEN.findall(notes_text))
        self._calm_case: dict[str, str] = {}
        for word, _ in self._written.most_common():
            if not word.isupper():
                self._calm_case.setdefault(word.lower(), word)
        self._uses = Counter(w.lower() for w in _WORD.findall(notes_text))
        self._openers = lexicon.openers
        self._outline = re.compile(_OR.join((  # a date first: "05 Mar · set B" is no "05" of an outline
            _DATE.format(days=_OR.join(sorted(map(re.escape, lexicon.calendar))) or _NEVER),
            _OUTLINE.format(words=_OR.join(sorted(map(re.escape, lexicon.outline))) or _NEVER,
                            colours=_OR.join(sorted(map(re.escape, lexicon.colours))) or _NEVER))))
        self._fixes: dict[str, str] = {}
        # "SM = Secrets Manager" in the notes: a stem says "Secrets Manager" where they say "SM"
        known = set(lexicon.concepts) | lexicon.names
        self._known = known
        self._names = lexicon.names  # "Lambda", "CloudWatch": a service's name keeps its capital
        said: dict[str, list[str]] = {}  # "SM = Secrets Manager", then "SM = rotates …": the first that spells it
        for m in _DEFINED.finditer(notes_text):  # not "OResp = origin request" of "OReq / OResp = origin request / …"
            if not re.search(r"/\s*$", notes_text[max(0, m.start() - 3):m.start()]) \
                    and not re.match(r"\s*/", notes_text[m.end():]):
                short, long = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                said.setdefault(short, []).append(long)
        for m in _LEGEND.finditer(notes_text):  # "VReq / VResp = viewer request / viewer response": each its own
            shorts, longs = re.split(r"\s*/\s*", m.group(1)), re.split(r"\s*/\s*", m.group(2).strip())
            for short, long in zip(shorts, longs) if len(shorts) == len(longs) else ():
                said.setdefault(short, []).append(long)
        for m in _BRACKETED.finditer(notes_text):  # "S3 Transfer Acceleration (S3TA)": the shortest run it abbreviates
            words = m.group(1).split()
            runs = [" ".join(words[i:]) for i in range(len(words) - 1, -1, -1)]
            if long := next((run for run in runs[1:] if _initials(m.group(2), run)), ""):
                said.setdefault(m.group(2), []).append(long)
        plain = {short: next((long for long in longs if _initials(short, long)), "") for short, longs in said.items()}
        self._spelled = {}
        for short, longs in said.items():
            spelled = [" ".join(plain.get(w) or w for w in long.split()) for long in longs]
            long = next((s for s in spelled if _initials(short, s)), "")
            if long and (short.lower() not in known or any(CAMEL.search(s) for s in longs)):
                self._spelled[short] = long
        # with the article before it, which the spelled-out name may need changed ("an MRK" -> "a multi-Region key")
        self._short = re.compile(rf"(?:\b([Aa]n?) )?\b({_OR.join(map(re.escape, self._spelled))})\b") if self._spelled else None
        # "fn", "req/resp", "env vars", "w/o": the developer's shorthand, spelled out in a stem; not
        # inside a name, code or a path ("myfn:latest", "$fn", "fn.zip", "/prod")
        shorthand = sorted(lexicon.spelled, key=len, reverse=True)
        self._words_of = lexicon.spelled  # the lexicon's shorthand -> its words ("fn" -> "function")
        self._shorthand = re.compile(
            rf"(?<![\w$.@:-])(?<!\W/)(?<!^/)({_OR.join(re.escape(w) for w in shorthand)})(s?)(?![\w@-]|:\S|\.\w)",
            re.IGNORECASE) if shorthand else None

    def clean(self, text: str) -> str:
        """The line without asides, emphasis marks or obvious typos, one line."""
        for _ in range(2):  # "(is this on the exam? (??))": the inner aside, then the outer one
            text = _PAREN.sub(lambda m: "" if self._aside(m.group(1)) else m.group(0), text)
        text = _NOISE.sub("", text)
        text = _EMPHASIS.sub(r"\1", text)  # "*without*", "**never**", "_once_"
        text = self.calm(text)
        text = _WORD.sub(lambda m: self._fix(m.group(0)), text)
        text = self.spell(self.spelled_out(text))
        text = _LEAD_LABEL.sub("", _SPACES.sub(" ", text).strip())
        text = self.unlabelled(text)
        return re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", text)

    def unshouted(self, heading: str) -> str:
        """A heading in capitals ("EDGE CODE: LAMBDA@EDGE vs CLOUDFRONT FUNCTIONS") as the notes write its
        words elsewhere ("Edge code: Lambda@Edge vs CloudFront Functions"), plain words in lower case; a
        word the notes write in capitals elsewhere too ("REST", "HTTPS") or a short one ("DAX") stays."""
        words = _TOKEN.findall(heading)
        if not _SHOUTED.search(heading) or any(not w.rstrip(_PLURAL).isupper() and not w.islower() for w in words) \
                or sum(w.islower() for w in words) >= _CALM_BESIDE:
            return heading  # "API Gateway REST API": a heading in the notes' own case; "SIGNED URLs" is shouted

        def calm(m: re.Match) -> str:
            word, lower = m.group(0), m.group(0).lower()
            if len(word) < _SHORT_SHOUT and lower not in self.english:
                return word  # "SSM", "DAX": an acronym
            said = self._calm_case.get(lower) or (lower if lower in self.english else word)
            return word if not word.isupper() or self._written[word] > self._written[said] else said

        calmed = _TOKEN.sub(calm, heading)
        return calmed[:1].upper() + calmed[1:]

    def calm(self, text: str) -> str:
        """ "restart after CHANGING the definition": an English word in capitals among words in lower
        case is the note-taker's emphasis, and in an option it marks that option out."""
        if len(_LOWER.findall(text)) < _CALM_BESIDE:
            return text  # "INCLUDE", "ALL": a value as AWS writes it
        return _SHOUTED.sub(lambda m: m.group(0).lower() if (w := m.group(0).lower()) in self.english and (
            len(w) > _SHORT_SHOUT or _SHORT_SHOUT // 2 >= self._cased[m.group(0)] < self._cased[w]) else m.group(0), text)

    def spell(self, text: str) -> str:
        """The notes' shorthand spelled out as they define it ("CWL" -> "CloudWatch Logs"), in lower case
        after a sentence's start unless a name; not the "GW" of "API GW" (with the word before it, a
        name the lexicon knows)."""
        if self._short is None:
            return text

        def spelled(m: re.Match) -> str:
            article, short, before = m.group(1), m.group(2), text[:m.start(2)]
            long = self._spelled[short]
            # nor the "KCL" of "Kinesis Client Library (KCL)": spelled out already
            kept = f"{_last_word(before)} {short.lower()}" in self._known or before.rstrip(" (").lower().endswith(long.lower())
            # "inside one partition key" though the notes' "Partition key (PK)" opens a line; a name keeps its capitals
            first = long.split()[0].lower()
            plain = before.strip() and first in self.english and first not in self._names
            said = short if kept else lower(long) if plain else long
            after = text[m.end():].split(maxsplit=1)
            if after and " " in said and _last_word(said) == _last_word(after[0]):
                said = said.rsplit(maxsplit=1)[0]  # "MRK key IDs": not "multi-Region key key IDs"
            if article and not kept and said[:1].islower():  # round 136's "an multi-Region key"; not "an S3 …"
                article = article[0] + "n" * (said[:1].lower() in _VOWELS)
            return f"{article} {said}" if article else said

        return self._short.sub(spelled, text)

    def spelled_out(self, text: str) -> str:
        """Developer shorthand in words ("the fn's req" -> "the function's request"), written as
        the notes write it: lower case, or with a capital to open a sentence ("Env vars")."""
        if self._shorthand is None:
            return text

        def words(m: re.Match) -> str:
            said, plural = m.group(1), m.group(2)
            if len(said) < 2 and (plural or not said.islower()):
                return m.group(0)  # "us", "U" of a mnemonic: no "you"
            long = self._words_of[said.lower()]
            if long != long.lower():  # a service's shorthand, any case: "API GW", "ddb" -> its name
                return m.group(0) if plural else long
            if said != said.lower() and said != said[:1].upper() + said[1:].lower():
                return m.group(0)  # "FN", "REQ": a name, not shorthand
            if plural and not long.endswith("s"):  # "repos" -> "repositories", "libs" -> "libraries"
                long = long[:-1] + "ies" if long.endswith("y") and long[-2:-1] not in _VOWELS else long + "s"
            return long[:1].upper() + long[1:] if said[:1].isupper() else long

        return self._shorthand.sub(words, text)

    def defining(self, text: str) -> str | None:
        """The shorthand of the notes ``text`` spells out ("Parameter Store standard" -> "PS")."""
        return next((short for short, long in self._spelled.items() if long in text), None)

    def unlabelled(self, text: str) -> str:
        """The line without the note-taker's label on it ("Trap: …", "Scenario: …", "Answer: …")."""
        said = _LABELLED.match(text.strip())
        words = set(said.group(1).lower().split()) if said else set()
        rest = text.strip()[said.end():] if said else ""
        labelled = words <= self._labelling or words <= self._measures and len(rest.split()) >= SENTENCE_WORDS
        return rest if said and labelled else text

    def about_notes(self, heading: str, plain: frozenset[str]) -> bool:
        """A heading about the notes themselves, naming no topic: a quote or question ("Use X when Y"
        cheat list, "Which one do I pick?", "What happens when it still fails? Two options"), an aside, a pronoun outside brackets ("Choosing between
        them"), or only counts, labels and plain words besides the note-taker's remark ("Things I keep mixing
        up", "12 numbers only (drill these)", round 157)."""
        words = set(_LETTERS.findall(heading.lower()))
        counts = {w for w in heading.split() if w.isdigit() and len(w) < 3}  # "12 numbers only", not "429 errors"
        return (_ASKS.search(heading) is not None or not words.isdisjoint(self.asides)
                or not set(_LETTERS.findall(_PAREN.sub("", heading).lower())).isdisjoint(PRONOUNS)
                or {w for w in re.findall(r"[a-z0-9]+", _PLAIN_ASIDE.sub("", _REMARK.sub("", self._bare_heading(heading))).lower())
                    if len(w) > 1 and w not in counts} <= plain)  # "Glossary (alphabetical)": a label, however it is sorted; not "Limits (Lambda)"

    def _bare_heading(self, heading: str) -> str:
        """The heading without the numbers and dates before it, however many ("#3 · 05 Mar · set B,
        q9" of a practice-exam log is none but them), nor the path of an Anki deck before its numbered
        name ("DVA::DDB::01 capacity units", round 165; not "AWS::CloudFormation::Init sections")."""
        heading = _DECK_PATH.sub("", heading)
        while (bare := self._outline.sub("", heading, count=1)) != heading:
            heading = bare
        return heading

    def names_nothing(self, heading: str) -> bool:
        """A heading a stem cannot say the notes are "on": one opening a phrase or a clause ("On the
        write side", "How the flow works", "When not to use it", "create the mapping") says where
        or how, not what."""
        # "filter policies: the basics" names filter policies (round 137): the label after its colon is no clause
        bare = self._topic(self._bare_heading(_NOISE.sub("", heading).strip()))
        words = re.findall(r"[\w'-]+", bare)
        # or a clause once its number is gone ("Step 4 — create the event source mapping")
        return bool(words) and (words[0].lower() in self._openers
                                or bare[:1].islower() and re.search(r"\s(?:a|an|the)\s", bare) is not None)

    @staticmethod
    def chooses(heading: str, plain: frozenset[str]) -> bool:
        """A heading over a chooser list ("Which one?", "Use X when Y"): its lines may be about any
        part of the notes, not about the heading above it."""
        return _ASKS.search(heading) is not None or set(re.findall(r"[a-z]{2,}", heading.lower())) <= plain

    def heading(self, path: str) -> str:
        """A heading path without its numbers, asides, brackets, the question it asks, the note-taker's
        remark on it or its list of contents ("Capacity unit math (exam!!)", "SAM CLI: which command
        for which question", "Deployment policies ← most tested part", "Config: env vars, secrets,
        timeout" -> "Capacity unit math", "SAM CLI", "Deployment policies", "Config"): a stem names
        the topic."""
        parts = (self._topic(_REMARK.sub("", _PAREN.sub("", _about(self._bare_heading(_NOISE.sub("", part).strip())))))
                 or part for part in path.replace(CARD, _COLON).split(PATH))  # "✅ 14. Misc quick facts": the emoji, then the number
        # ("Logs Insights :: basics": the "::" of a card's sides parts the heading as a colon does)
        return PATH.join(self.clean(self.unshouted(part)) for part in parts)

    def _topic(self, heading: str) -> str:
        """The heading without what follows its colon in plain words or labels ("X-Ray: annotations vs
        metadata", "Elastic Beanstalk config: dev checklist", "Step Functions: DVA-C02 notes"), unless what
        comes before only labels ("Comparison")."""
        topic = _CONTENTS.sub("", heading)
        head, colon, tail = topic.rpartition(_COLON)  # "Step Functions: Map + Parallel: DVA-C02 notes": a label last
        if colon and {w for w in _LETTERS.findall(tail.lower()) if len(w) > 1} <= self._labelling:
            topic = head
        return topic if not set(_LETTERS.findall(topic.lower())) <= self._labelling else heading

    def _aside(self, inside: str) -> bool:
        """A bracket of the note-taker's: an aside ("exam fav!!"), or a pointer to another part
        of the notes ("section 12", "see §4", "sect 6", "sec 12", "see 7.", "legacy, see §6")."""
        words = set(_LETTERS.findall(inside.lower()))
        return (bool(_NOISE.search(inside)) or not words.isdisjoint(self.asides) or _EXCLAIMS.search(inside) is not None
                or _STAMP.match(inside) is not None
                or re.fullmatch(r"\s*(?:see\s+)?(?:§|sec(?:t(?:ion)?)?\.?|part)\s*[\d.]+\s*", inside, re.IGNORECASE) is not None
                or re.search(r"\bsee\s+(?:§|sec(?:t(?:ion)?)?\.?|part)?\s*\d[\d.]*\s*$", inside, re.IGNORECASE) is not None)

    def _fix(self, word: str) -> str:
        lower = word.lower()
        if (not self.english or lower in self.english or self._uses[lower] > 1 or not word.islower()
                or len(word) < TYPO_LENGTH):
            return word  # a short word may be a name ("toml"), not a typo
        if lower not in self._fixes:
            found = process.extract(lower, self._by_letter.get(lower[:1], ()), scorer=fuzz.ratio,
                                    score_cutoff=TYPO_LIKENESS, limit=5)
            # only the slips nobody mistakes for another word: swapped letters, a letter left out
            close = [w for w, _, _ in found if OSA.distance(w, lower) == 1
                     and (len(w) == len(lower) + 1 or len(w) == len(lower) and sorted(w) == sorted(lower))]
            self._fixes[lower] = close[0] if len(close) == 1 else lower
        return self._fixes[lower]


def _about(heading: str) -> str:
    """The heading without the question it asks, or what it asks of when it asks what a thing is."""
    asking = _ASKING.search(heading)
    return heading if asking is None else asking.group("asked") or heading[:asking.start()]


def _initials(short: str, long: str) -> bool:
    """ "SM" abbreviates "Secrets Manager", "IdP" "identity pool", "CWL" "CloudWatch Logs", "DDBS"
    "DynamoDB Streams": its capitals are the words' initials, maybe after a name in front ("PS = SSM
    Parameter Store", "RP = API Gateway resource policy") or before the kind of thing ("WS = WebSocket API")."""
    capitals = [c for c in short if c.isupper()] or list(short)
    words = re.split(r"[\s-]+", CAMEL.sub(" ", long))
    extra = len(words) - len(capitals)
    named = 0 < extra <= 2 and words[0].isupper() and all(w[:1].isupper() for w in words[:extra])
    kinds = [words[extra:]] if named else []
    kinds += [words[:-1]] if extra == 1 and words[-1].isupper() else []
    # "DDBS = DynamoDB Streams": the letters of a name's capitals each an initial
    letters = [part for w in words for part in (list(w) if w.isupper() and 1 < len(w) <= 3 else [w])]
    return any(all(w[:1].lower() == c.lower() for c, w in zip(capitals, ws)) for ws in [words, letters, *kinds]
               if len(ws) == len(capitals))


def _last_word(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text[-30:].lower())
    return words[-1] if words else ""


def subject(title: str, names: frozenset[str], part: Callable[[str, str], bool] = lambda name, of: False) -> str:
    """The one service a notes file's title opens with, as written ("Step Functions" of "Step
    Functions & serverless orchestration", "Lambda" of "Lambda deep dive — flashcards"): a stem
    under "Versions, aliases, layers" says what it is about. None when the title names several
    ("X-Ray, CW Logs and debugging", "Lambda + DynamoDB patterns") or none (``names``: the
    lexicon's, joined and lower case). A maker's name in front ("AWS CDK: my notes") is left out; a
    label naming nothing before a colon ("Study diary: Lambda ESM event filtering", "DVA-C02 notes:
    CloudFormation for app devs") leaves the title after it. A name that is ``part`` of the one it opens
    with ("SnapStart" of "Lambda cold starts, SnapStart, …") is no other topic."""
    title = MAKER.sub("", title.strip())
    if (topic := unlabelled(title, names)) != title:
        return subject(topic, names, part)
    spans = list(_SPAN.finditer(title))
    joined = [_squashed(" ".join(m.group(0) for m in spans[:n])) for n in (3, 2, 1)]
    named = next((title[spans[0].start():spans[n - 1].end()] for n, j in zip((3, 2, 1), joined)
                  if len(spans) >= n and j in names), "")
    aside = re.search(r"\([^)]*\)", title)  # "(cross-acct / patterns / DLQ)": what it goes into, no other topic
    # "CloudFront: origin failover, Origin Shield", "SNS for devs — fan-out, FIFO": after a colon or a
    # dash the title lists what the notes cover of it, no other topic
    contents = _CONTENTS_OF.search(title, spans[0].end()) if spans else None
    others = [m for m in spans[len(named.split()):] if _squashed(m.group(0)) in names
              and not (aside and aside.start() < m.start() < aside.end()) and not (contents and m.start() > contents.start())
              and not part(m.group(0), named)]
    listed = named and re.match(r"\s*[,+&/]\s*[A-Z]", title[title.index(named) + len(named):])
    return named if named[:1].isupper() and not others and not listed else ""


def named_in(heading: str, names: frozenset[str], english: frozenset[str]) -> str:
    """The one service a heading names outside its brackets, as written ("DAX" of "When DAX is the
    better fit"), else "": a heading that names nothing of its own may still say whose it is. Not a
    plain word ("Queue attributes cheat table"), nor a heading stating a rule ("1 WCU = 1 write/s")."""
    words = [m.group(0) for m in _SPAN.finditer(_PAREN.sub("", heading))] if "=" not in heading else []
    found = {span for n in (3, 2, 1) for i in range(len(words) - n + 1)
             if (span := " ".join(words[i:i + n]))[:1].isupper() and _squashed(span) in names and span.lower() not in english}
    found = {f for f in found if not any(f != g and f in g for g in found)}  # "Step Functions", not "Step"
    return found.pop() if len(found) == 1 else ""


def _squashed(text: str) -> str:
    """A name as the lexicon keys it: lower case, letters and digits only ("X-Ray" -> "xray")."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def unlabelled(title: str, names: frozenset[str]) -> str:
    """A title without a label naming nothing before its colon ("TIL log: Elastic Beanstalk deploys",
    "Study diary: Lambda ESM event filtering": what follows names the topic; round 160)."""
    label, colon, rest = title.partition(_COLON)
    return unlabelled(rest.strip(), names) if colon and rest.strip() and not _holds_name(label, names) else title


def _holds_name(text: str, names: frozenset[str]) -> bool:
    """Whether a name of ``names`` is among the words of ``text``, one to three together."""
    words = [_squashed(m.group(0)) for m in _SPAN.finditer(text)]
    return any("".join(words[i:i + n]) in names for n in (1, 2, 3) for i in range(len(words) - n + 1))


def spoken(where: str) -> str:
    """A heading path as a stem says it: "DynamoDB › Transactions" reads as a breadcrumb (round
    39's reviewers), "Transactions (DynamoDB)" as words; the headings between are left out; an
    article opening it is said mid-sentence ("on the CodeDeploy agent")."""
    parts = where.split(PATH)
    said = parts[-1] if len(parts) == 1 or mentions(parts[-1], parts[0]) else f"{parts[-1]} ({parts[0]})"
    return re.sub(r"^(?:The|An?)(?= \S)", lambda m: m.group(0).lower(), said)  # "notes on the CodeDeploy agent"


_QUOTES = "\"“”'"  # what a told situation is quoted with, as the notes write it
_TOLD = re.compile(r"^(?:the|a|an)\s+(?:question|exam|scenario|stem)\s+(?:says|is|mentions|asks(?:\s+for)?|wants)\s+(.+)$",
                   re.IGNORECASE)


def told(condition: str) -> str | None:
    """ "the question says 'which downstream call is slow'" (the note-taker's exam talk, reviewers
    said): what the question says, quoted, to ask as a situation; None for any other condition."""
    m = _TOLD.match(condition.strip())
    return f'"{m.group(1).strip().strip(_QUOTES)}"' if m else None


def unbracketed(condition: str) -> str:
    """A situation without the note-taker's brackets ("per-customer quotas (NOT for authz)",
    "(interactive APIs)"): reviewers kept one scenario stem in seven that carried one. A bracket
    holding a figure stays ("short (< 5 min)"): it is what tells the options apart."""
    return _PAREN.sub(lambda m: m.group(0) if re.search(r"\d", m.group(1)) else "", condition).strip()


# a word no clause goes without: a subject ("they", "the table") or a finite verb ("needs", "must")
_CLAUSE = re.compile(r"\b(?:they|their|them|it|its|there|you|your|is|are|was|were|has|have|need|needs"
                     r"|want|wants|must|can|should|will|do|does)\b|n't\b|'s\b|'re\b", re.IGNORECASE)
# or a subject with a verb after it: "the backend expects …", "one bad record keeps failing …",
# "latency-sensitive traffic suffers from …"
_SUBJECT_VERB = re.compile(r"^(?:the|a|an|one|every|each|some|no)\s+\S+(?:\s+\S+)*?\s+[a-z]+(?:s|ed)\b"
                           r"|^(?:[\w-]+\s+){1,2}[\w-]+\s+[a-z]+(?:s|ed)\s+[a-z]|^(?-i:[A-Z]{2,}[\w-]*\s+[a-z]+s\s+[a-z])",
                           re.IGNORECASE)  # or an acronym, then its verb: "ECS pushes metrics to …"
WHEN = frozenset(("when", "if"))  # the words a rule's condition reads on from as a clause


def clause(condition: str) -> bool:
    """ "when they need to reprocess history" reads as a sentence; "when data > 256 KiB" or "when
    transient errors (throttling, timeouts)" is the notes' shorthand, no situation to ask (reviewers
    kept none of round 42's)."""
    said = _PAREN.sub("", condition).strip()
    return _CLAUSE.search(said) is not None or _SUBJECT_VERB.match(said) is not None


def card_asked(card: str, blanked: str) -> str:
    """How a flashcard's figure is asked: by the card's own question when its answer is the figure
    alone and the question reads on after "According to …," ("How long is execution history kept?" /
    "A: 90 days.": no "_____." to complete), else by its answer with the figure blanked."""
    opening = re.split(r"\W", card.lower(), maxsplit=1)[0]  # "What's the default TTL …?"
    if not said_words(blanked) and (opening in WH or opening == "how"):  # not "Max data cfn-signal can pass?"
        return lower(card)
    return f"what completes the answer to \"{card}\"\n\"{blanked}\""


def said_words(*texts: str) -> list[str]:
    """The words the texts say, a CamelCase name's each ("MaximumBatchingWindowInSeconds" says five)."""
    return [w for t in texts for w in re.findall(r"[a-z]{2,}", CAMEL.sub(" ", t).lower())]


# after a figure's blank, a dash's lowercase remark with no figure ("– matters in CI loops"; not "– Secrets
# Manager", the thing a rule names), or "now" last ("up to ___ now"; not "before now"), or a sentence
# after the blank's with no figure ("… is ___ not 3600. you assumed all SDKs default to an hour.")
_AFTER_BLANK = re.compile(r"\s+(?:[–—]|--)\s+[a-z][^\d–—]*$|(?<!before)(?<!until)(?<!since)\s+now\.?$"
                          r"|(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bincl)(?<!\bexcl)(?<!\betc)(?<!\bapprox)(?<!\besp)(?<!\bex)"
                          r"(?<!\bmin)(?<!\bmax)(?<!\bsec)(?<!\bavg)\.\s+[A-Za-z][^\d]*$")  # not "run time incl. cold start"


# what leads into an example ("longer than the source, e.g. 14 days"): its figure is one of many
_EXAMPLE = re.compile(r"\b(?:e\.g\.?|eg|for example|for instance|such as),?\s*$", re.IGNORECASE)
_BOUND = re.compile(r"(?<![-=])[<>~≈]\s*$")  # "< ___", "~___", not an arrow's "-> ___"


def exemplified(blanked: str, blank: str) -> bool:
    """The blank stands for an example's figure, a bound or an estimate: the rule the notes teach is
    around it ("make the DLQ's retention longer than the source's, e.g. ___", "usually < ___ to all
    replicas"), and other values would do as well."""
    before = blanked.split(blank)[0]
    return _EXAMPLE.search(before) is not None or _BOUND.search(before) is not None


def unremarked(clause: str, blank: str) -> str:
    """The clause without the learner's remark after its blank ("1 request every ___ per account –
    matters in CI loops", "up to ___ now")."""
    after = clause.find(blank) + len(blank)
    return clause[:after] + _AFTER_BLANK.sub("", clause[after:])


# A flashcard: "Q: …?" then "A: …". Its question, as the learner wrote it, is the stem; its answer
# names the key when it opens with a name.
INLINE_CARD = re.compile(r"^(?:Q|Question)\s*[:.)]\s*(?P<q>.{10,}?\?)\s*(?:→|->)?\s*(?:A|Answer)\s*[:.)]\s*(?P<a>\S.*)$")
QUIZ_SETUP = re.compile(r"^(?:Q|Question)\b(?!.*(?:\?|(?<!\w)(?:A|Answer)\s*[:.)]\s))")  # a quiz question answering nothing
CARD_WORDS = 4  # a flashcard's answer opening with a longer phrase says something, names nothing
WH = frozenset("which what who where".split())  # a flashcard question reading on after "According to …,"
# "… only. contains: …", "trace ID; Parent = parent segment ID": another term's meaning begins
NEXT_TERM = re.compile(r"(?<=\.)\s+(?=[a-z][\w()-]*\s*(?::|=)\s)|(?<=;)\s*(?=[A-Za-z][\w()-]*\s*=\s)")
ASKED_WORDS = 5  # a flashcard question opening with no "which" says at least this many words
ELLIPTIC = frozenset("for of to in".split())  # "Which for 'custom tokens'?": no verb, no stem
# "A: Put RDS Proxy in front …", "A: Prefer Secrets Manager (rotation!)": the verb says to use what follows
_TO_USE = re.compile(r"^(?:(?:use|put|prefer|enable|add|choose|pick|switch to|turn on)\s+)?(?:(?:the|an?)\s+)?",
                     re.IGNORECASE)
_LEADS_ON = frozenset("with on in for from via using behind because since when =".split())  # "NLB with …"


def elliptic(asked: str) -> bool:
    """ "Which for 'custom tokens'?", "Too many resources?": a flashcard question with no verb,
    no stem (one that opens with no "which" or "what" must say more)."""
    words = asked.lower().split()
    return len(words) > 1 and words[0] in WH and words[1] in ELLIPTIC or words[:1] != [] and words[0] not in WH \
        and len(words) < ASKED_WORDS


def two_asked(asked: str) -> bool:
    """ "How much warning before a Spot task stops, and how does the app find out?": a flashcard
    asking two things; a figure answers one of them, and a stem quoting it blanks half an answer."""
    return re.search(r"\band\s+(?:how|what|why|where|when|which|who)\b", asked, re.IGNORECASE) is not None


# "(alphabetical)", "(my words)", "(A -> Z, I ignore the $ sign)": a bracket naming no thing, or the learner's own,
# or a clause describing what the heading labels ("THE TABLE (what goes wrong once it is in a VPC)"); not the
# name of "Limits (Lambda)"
_PLAIN_ASIDE = re.compile(r"\s*\((?:[a-z][a-z ,/-]*|[^()]*\bI\b[^()]*|[^()\s]+(?:\s+[^()\s]+){3,})\)")
_LEADS_TO = re.compile(r"\s+(?:->|→|=>|[-–—])\s+")
_CHAINED = re.compile(r"[A-Z][a-z0-9]+[A-Z]\w*(?:\W|$)")  # a name written as code after the arrow


def card_answer(text: str) -> str:
    """The name a flashcard's answer opens with ("A: Destinations. A DLQ only …" -> "Destinations",
    "A: The **task role** (`taskRoleArn`)" -> "task role"); "" when it opens with a sentence."""
    body = CARD_ANSWER.sub("", text).strip()  # "A: …", or what follows "A:" on a card's line
    first = re.sub(r"\s*\([^()]*\)|`|\*\*", "", sentences(body)[0] if sentences(body) else body)
    first = re.sub(r"^(?:the|a|an)\s+", "", first.strip(" .;:"), flags=re.IGNORECASE)
    first, *how = _LEADS_TO.split(first, maxsplit=1)  # "UpdateContinuousBackups -> aws dynamodb …": the name, then how
    if how and _CHAINED.match(how[0]):
        return ""  # "GetId → GetCredentialsForIdentity": calls in order, no one name answering
    return first if 0 < len(first.split()) <= CARD_WORDS and not re.search(r"[,;:]|\b(?:and|or)\b", first) else ""


def named_first(answer: str, names: Callable[[str], bool]) -> str:
    """The name a flashcard's longer answer opens with ("A: NLB with a TCP listener on 443 =
    passthrough" -> "NLB"), one ``names`` knows, when a preposition follows it (asides aside); else ""."""
    words = _PAREN.sub("", _TO_USE.sub("", CARD_ANSWER.sub("", answer).strip())).split()  # "Init (…), Invoke": a list, no name
    for n in (3, 2, 1):
        name = " ".join(words[:n])
        if len(words) > n and words[n].lower() in _LEADS_ON \
                and re.fullmatch(r"[\w.-]+(?: [\w.-]+)*", name) and names(name):
            return name
    return ""
