"""The lookup: a group's notes read into passages, the vocabulary, and ``ask``.

What other packages may use: ``notes`` (parse a notes file into passages),
``lexicon`` (the vocabulary files), ``Library`` (the lookup itself),
``Problem`` (a line a notes or content file got wrong), ``english_words``,
``stem`` (the one singularizer) and ``learn`` (what a group's notes teach: their
acronyms).
"""

from bot.core.lookup import learn, lexicon, notes
from bot.core.lookup.problems import Problem
from bot.core.lookup.search import Library
from bot.core.lookup.terms import english_words, stem

__all__ = ["Library", "Problem", "english_words", "learn", "lexicon", "notes", "stem"]
