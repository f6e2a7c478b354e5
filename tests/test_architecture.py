"""The arrows point inward: read every module's imports with ast and check them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = {"discord", "slack_bolt", "slack_sdk", "aiohttp", "apscheduler"}
STORAGE = {"sqlite3", "sqlite_utils", "db"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("path", modules("bot/core"), ids=lambda p: p.name)
def test_the_core_imports_no_platform_and_no_database(path):
    forbidden = {top(n) for n in imports_of(path)} & (PLATFORM | STORAGE)
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize("path", modules("bot/core"), ids=lambda p: p.name)
def test_the_core_imports_nothing_outside_the_core(path):
    outside = {n for n in imports_of(path) if top(n) == "bot" and not n.startswith("bot.core")}
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize(
    "path", modules("bot/adapters") + [ROOT / "bot" / "scheduler.py"], ids=lambda p: p.name
)
def test_adapters_and_the_scheduler_never_touch_the_database(path):
    if not path.exists():
        pytest.skip("not written yet")
    forbidden = {top(n) for n in imports_of(path)} & STORAGE
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize("path", modules("db"), ids=lambda p: p.name)
def test_the_database_layer_imports_nothing_from_the_bot(path):
    assert "bot" not in {top(n) for n in imports_of(path)}, f"{path.relative_to(ROOT)} imports bot"


def test_sql_lives_only_in_the_database_layer():
    offenders = []
    for path in modules("bot"):
        text = path.read_text(encoding="utf-8")
        for keyword in ("SELECT ", "INSERT INTO", "UPDATE ", "CREATE TABLE", "DELETE FROM"):
            if keyword in text and "execute(" in text:
                offenders.append(f"{path.relative_to(ROOT)}: {keyword.strip()}")
    assert not offenders


@pytest.mark.parametrize("path", modules("bot"), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_configuration_reads_the_environment(path):
    allowed = {"bot/config.py", "bot/cli.py"}
    rel = str(path.relative_to(ROOT))
    if rel in allowed:
        return
    assert "os.environ" not in path.read_text(encoding="utf-8") and "getenv(" not in path.read_text(
        encoding="utf-8"
    ), f"{rel} reads the environment; go through bot.config.Settings"
