"""Settings from the environment: the only reader of ``os.environ``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content"
DEFAULT_DB = ROOT / "db" / "dva.db"
DEFAULT_HEALTH_PORT = 8080
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True)
class Settings:
    """What the environment sets.

    The database: SQLite, embedded, in the file ``DVA_DB`` (default
    ``db/dva.db``), unless ``DVA_DATABASE_URL`` is set to a PostgreSQL URL
    (``postgresql://USER:PASSWORD@HOST:5432/DATABASE``), which several bot
    processes can share; ``DVA_DB`` is then not used. The URL is a secret:
    kept out of ``repr`` and never logged with its password.
    """

    db: Path = DEFAULT_DB
    database_url: str | None = field(default=None, repr=False)  # PostgreSQL, instead of the SQLite file
    content: Path = DEFAULT_CONTENT
    discord_token: str | None = field(default=None, repr=False)
    discord_api_url: str = "https://discord.com/api/v10"
    discord_guild_ids: tuple[int, ...] = ()
    discord_shard_ids: tuple[int, ...] = ()  # this process's gateway shards; () = all of them (discord.py decides)
    discord_shard_count: int | None = None  # how many shards all processes run together
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_port: int = 3000
    slack_api_url: str = "https://slack.com/api/"
    slack_admin_ids: tuple[str, ...] = ()
    health_port: int = DEFAULT_HEALTH_PORT
    log_level: str = "WARNING"
    packs: tuple[str, ...] = ()  # optional content packs (``content/packs/<name>``) used besides the notes

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> "Settings":
        """Read settings; a malformed value raises ValueError naming the variable."""
        get = lambda name: (environ.get(name) or "").strip() or None  # noqa: E731
        return cls(
            db=Path(get("DVA_DB") or DEFAULT_DB),
            database_url=_database_url(get("DVA_DATABASE_URL")),
            content=Path(get("DVA_CONTENT") or DEFAULT_CONTENT),
            discord_token=get("DISCORD_TOKEN"),
            discord_api_url=(get("DISCORD_API_URL") or cls.discord_api_url).rstrip("/"),
            discord_guild_ids=tuple(_int(x, "DISCORD_GUILD_IDS") for x in _split(get("DISCORD_GUILD_IDS"))),
            **_shards(get("DISCORD_SHARD_IDS"), get("DISCORD_SHARD_COUNT")),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_port=_int(get("SLACK_PORT") or "3000", "SLACK_PORT"),
            slack_api_url=_slash(get("SLACK_API_URL") or cls.slack_api_url),
            slack_admin_ids=tuple(_split(get("SLACK_ADMIN_IDS"))),
            health_port=_int(get("DVA_HEALTH_PORT") or str(DEFAULT_HEALTH_PORT), "DVA_HEALTH_PORT"),
            log_level=_level(get("DVA_LOG") or "WARNING"),
            packs=_packs(_split(get("DVA_PACKS")), Path(get("DVA_CONTENT") or DEFAULT_CONTENT)),
        )

    @property
    def database_location(self) -> str | Path:
        """Where the store lives: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.db

    def pack_folder(self, name: str) -> Path:
        """A pack's folder: the content folder's own ``packs/``, else the bundled one."""
        own = self.content / "packs" / name
        return own if own.is_dir() else DEFAULT_CONTENT / "packs" / name

    @property
    def notes_folders(self) -> tuple[Path, ...]:
        """The group's notes, then each pack's reference notes."""
        return (self.content / "notes", *(self.pack_folder(p) / "notes" for p in self.packs))

    @property
    def packs_off(self) -> tuple[Path, ...]:
        """The notes of every pack not in use: loaded once, perhaps, but never looked up."""
        return tuple(self.pack_folder(p) / "notes" for p in known_packs(self.content) if p not in self.packs)

    @property
    def question_folders(self) -> tuple[Path, ...]:
        return (self.content / "questions", *(self.pack_folder(p) / "questions" for p in self.packs))

    @property
    def discord_enabled(self) -> bool:
        return bool(self.discord_token)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)


def known_packs(content: Path) -> list[str]:
    """The names of the packs there are: the content folder's own and the bundled ones."""
    return sorted({p.name for folder in (content / "packs", DEFAULT_CONTENT / "packs") if folder.is_dir()
                   for p in folder.iterdir() if p.is_dir()})


def _packs(names: list[str], content: Path) -> tuple[str, ...]:
    known = known_packs(content)
    for name in names:
        if name not in known:
            raise ValueError(f"DVA_PACKS: there is no pack named {name!r} (packs: {', '.join(known) or 'none'})")
    return tuple(dict.fromkeys(names))


def _database_url(url: str | None) -> str | None:
    """A PostgreSQL URL, checked for its form only (whether it answers is seen at connect).
    Errors never repeat the URL: it may hold a password."""
    if url is None:
        return None
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in ("postgresql", "postgres"):
        raise ValueError("DVA_DATABASE_URL must be a PostgreSQL URL, postgresql://USER:PASSWORD@HOST:5432/DATABASE"
                         f" (got {'a ' + repr(scheme) + ' URL' if scheme else 'no URL scheme'})")
    try:
        urlsplit(url).port
    except ValueError:
        raise ValueError("DVA_DATABASE_URL has a port that is not a number between 0 and 65535") from None
    return url


def _shards(ids: str | None, count: str | None) -> dict:
    """DISCORD_SHARD_IDS and DISCORD_SHARD_COUNT: both or neither, every id below the count."""
    shard_ids = tuple(_int(x, "DISCORD_SHARD_IDS") for x in _split(ids))
    shard_count = _int(count, "DISCORD_SHARD_COUNT") if count else None
    if shard_ids and shard_count is None:
        raise ValueError("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (how many shards all processes run)")
    if shard_count is not None and shard_count < 1:
        raise ValueError("DISCORD_SHARD_COUNT must be 1 or more")
    if shard_count is not None and any(not 0 <= i < shard_count for i in shard_ids):
        raise ValueError(f"DISCORD_SHARD_IDS must be between 0 and {shard_count - 1} (DISCORD_SHARD_COUNT - 1)")
    return {"discord_shard_ids": shard_ids, "discord_shard_count": shard_count}


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {value!r}") from None


def _level(name: str) -> str:
    if name.upper() not in LOG_LEVELS:
        raise ValueError(f"DVA_LOG must be one of {', '.join(LOG_LEVELS)}, got {name!r}")
    return name.upper()


def _slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"
