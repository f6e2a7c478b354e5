"""Progress pictures: a learner's stats as a PNG (matplotlib, no screen needed).

The core gives the numbers (``messages.Stats``); a picture is one way to show
them, so it is drawn here, beside the other renderers, and every adapter that
can send a file uses the same one.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display: draw into memory

from matplotlib import pyplot  # noqa: E402  (after choosing the backend)

from bot.core.messages import Stats  # noqa: E402

WIDTH, ROW = 7.5, 0.38  # inches: the picture's width, and the height of one bar
MAX_TOPICS = 12  # the topics with most answers; a long tail says nothing at a glance
GOOD, WEAK = "#2e7d32", "#c62828"
PASS = 0.69  # the share right that the mock exam's 720 stands for (bot.core.quiz.scoring)


def stats_png(stats: Stats) -> bytes:
    """Accuracy per exam domain and per topic as horizontal bars, with the totals in the title."""
    domains = [(d.topic, d.correct, d.answered) for d in stats.domains if d.answered]
    topics = sorted(((t.topic, t.correct, t.answered) for t in stats.topics if t.answered),
                    key=lambda t: -t[2])[:MAX_TOPICS]
    rows = [*domains, *topics] or [("No answers yet", 0, 0)]
    figure, axes = pyplot.subplots(figsize=(WIDTH, 1.6 + ROW * len(rows)))
    try:
        labels = [_short(name) for name, _, _ in rows]
        shares = [right / answered if answered else 0 for _, right, answered in rows]
        colours = [GOOD if share >= PASS else WEAK for share in shares]
        positions = range(len(rows))[::-1]
        axes.barh(list(positions), shares, color=colours, height=0.6)
        axes.set_yticks(list(positions), labels, fontsize=9)
        for y, (_, right, answered) in zip(positions, rows):
            axes.text(1.01, y, f"{right}/{answered}", va="center", fontsize=8)
        if domains and topics:
            axes.axhline(len(topics) - 0.5, color="#999999", linewidth=0.8)
        axes.axvline(PASS, color="#555555", linestyle="--", linewidth=0.8)
        axes.set_xlim(0, 1.12)
        axes.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"])
        share = f"{round(100 * stats.correct / stats.answered)}%" if stats.answered else "-"
        who = stats.learner.name or stats.learner.user
        axes.set_title(f"{who}: {stats.correct}/{stats.answered} right ({share}) · {stats.points} points · "
                       f"streak {stats.streak} (best {stats.best_streak})", fontsize=10)
        axes.set_xlabel("share right (dashed: the mock exam's pass line, about 69%)", fontsize=8)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=110)
        return out.getvalue()
    finally:
        pyplot.close(figure)


def _short(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
