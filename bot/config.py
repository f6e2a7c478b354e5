"""Settings from the environment: the only reader of ``os.environ``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content"
DEFAULT_DB = ROOT / "db" / "dva.db"
DEFAULT_HEALTH_PORT = 8080
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True)
class Settings:
    db: Path = DEFAULT_DB
    content: Path = DEFAULT_CONTENT
    discord_token: str | None = field(default=None, repr=False)
    discord_api_url: str = "https://discord.com/api/v10"
    discord_guild_ids: tuple[int, ...] = ()
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
            content=Path(get("DVA_CONTENT") or DEFAULT_CONTENT),
            discord_token=get("DISCORD_TOKEN"),
            discord_api_url=(get("DISCORD_API_URL") or cls.discord_api_url).rstrip("/"),
            discord_guild_ids=tuple(_int(x, "DISCORD_GUILD_IDS") for x in _split(get("DISCORD_GUILD_IDS"))),
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

    def pack_folder(self, name: str) -> Path:
        """A pack's folder: the content folder's own ``packs/``, else the bundled one."""
        own = self.content / "packs" / name
        return own if own.is_dir() else DEFAULT_CONTENT / "packs" / name

    @property
    def notes_folders(self) -> tuple[Path, ...]:
        """The group's notes, then each pack's reference notes."""
        return (self.content / "notes", *(self.pack_folder(p) / "notes" for p in self.packs))

    @property
    def question_folders(self) -> tuple[Path, ...]:
        return (self.content / "questions", *(self.pack_folder(p) / "questions" for p in self.packs))

    @property
    def discord_enabled(self) -> bool:
        return bool(self.discord_token)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)


def _packs(names: list[str], content: Path) -> tuple[str, ...]:
    known = sorted({p.name for folder in (content / "packs", DEFAULT_CONTENT / "packs") if folder.is_dir()
                    for p in folder.iterdir() if p.is_dir()})
    for name in names:
        if name not in known:
            raise ValueError(f"DVA_PACKS: there is no pack named {name!r} (packs: {', '.join(known) or 'none'})")
    return tuple(dict.fromkeys(names))


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
