"""The local console (``dva chat``) and plain-text rendering of every reply.

Placeholder rendering for the lookup replies; the quiz engine's issue fills in
the rest and the chat loop.
"""

from __future__ import annotations

from bot.core.messages import NothingFound, Passage, Reply, Text, TopicList, HelpText


def render(reply: Reply) -> str:
    match reply:
        case Passage():
            lines = [" › ".join(reply.heading), reply.text]
            if reply.related:
                lines.append("Related: " + "; ".join(reply.related))
            lines.append(f"(source: {reply.source})")
            return "\n".join(lines)
        case NothingFound():
            tail = f" It covers: {', '.join(reply.suggestions)}." if reply.suggestions else ""
            return f"Nothing in the notes about \"{reply.query}\".{tail}"
        case TopicList():
            return "\n".join(f"{t.name}: {t.passages} passages" for t in reply.topics)
        case HelpText():
            return "\n".join(f"{usage:<50} {what}" for usage, what in reply.commands)
        case Text():
            return reply.text
    return repr(reply)
