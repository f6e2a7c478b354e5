"""The arrows point inward: read every module's imports with ast and check them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = {"discord", "slack_bolt", "slack_sdk", "aiohttp", "apscheduler"}
STORAGE = {"sqlite3", "sqlite_utils", "db"}


def imports_of(path: Path) -> set[str]:
    """Imports anywhere in the module, inside functions too (a lazy import is still an arrow):
    each module, and each ``module.name`` imported from it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
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


# --- packages by feature -------------------------------------------------------------

FEATURES = ("lookup", "bank", "quiz", "daily")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (a package's ``__init__`` counts as the package)."""
    paths = modules("bot") + modules("db")
    known = {module_name(p) for p in paths}
    return {module_name(p): {n for n in imports_of(p) if n in known} - {module_name(p)} for p in paths}


def test_no_import_cycle_anywhere_under_bot_or_db():
    edges = graph()
    # a package's __init__ re-exporting its own modules is not an arrow back into it
    edges = {m: {n for n in targets if not (m.count(".") < n.count(".") and n.startswith(m + "."))}
             for m, targets in edges.items()}
    seen: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if seen.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in seen:
                visit(nxt, path + [nxt])
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node, [node])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize("path", modules("bot"), ids=lambda p: str(p.relative_to(ROOT)))
def test_packages_use_each_other_only_through_what_they_export(path):
    mine = module_name(path).split(".")
    own = mine[2] if mine[:2] == ["bot", "core"] and len(mine) > 3 or path.name == "__init__.py" and len(mine) == 3 else None
    reached = []
    for name in imports_of(path):
        parts = name.split(".")
        if parts[:2] == ["bot", "core"] and len(parts) >= 4 and parts[2] in FEATURES and parts[2] != own:
            package = __import__(f"bot.core.{parts[2]}", fromlist=["__all__"])
            if parts[3] not in package.__all__:
                reached.append(name)
    assert not reached, f"{path.relative_to(ROOT)} reaches inside another package: {sorted(reached)}"


def test_no_folder_holds_more_than_twelve_modules():
    crowded = {}
    for folder in [ROOT / "bot", ROOT / "db", *[p for p in (ROOT / "bot").rglob("*") if p.is_dir()]]:
        count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
        if count > 12 and "__pycache__" not in folder.parts:
            crowded[str(folder.relative_to(ROOT))] = count
    assert not crowded, f"folders over 12 modules: {crowded}"


@pytest.mark.parametrize("path", modules("bot") + modules("db"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_store_is_never_typed_any(path):
    assert "store: Any" not in path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} types a store as Any"


def test_no_core_module_holds_a_word_list_more_than_150_string_literals_docstrings_aside():
    """Vocabulary is data (content/lexicon); a module of the core holds mechanism. Every piece of an
    f-string counts."""
    crowded = {}
    for path in sorted((Path(__file__).resolve().parents[1] / "bot" / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = set()
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and body \
                    and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        count = sum(1 for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)
        if count > 150:
            crowded[path.name] = count
    assert not crowded, f"string literals over 150: {crowded}"
