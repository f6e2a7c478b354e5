"""DVA study bot: a group's own notes as lookups, quizzes and a daily question."""
