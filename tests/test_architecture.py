"""The architecture holds: import-linter's contracts from pyproject.toml pass, and the engines are
pure Python (no module under polycentric/engines imports Django)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ROOT / "polycentric" / "engines"
FORBIDDEN_IN_ENGINES = ("django", "ninja", "rules")


def lint_imports_command() -> list[str]:
    script = Path(sys.executable).with_name("lint-imports")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c",
            "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]


def test_import_linter_contracts_are_kept():
    result = subprocess.run(
        [*lint_imports_command(), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout


def test_pyproject_declares_the_contracts_the_design_asks_for():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]

    engines = [c for c in contracts if c.get("source_modules") == ["polycentric.engines"]]
    assert engines and "django" in engines[0]["forbidden_modules"]
    layers = [c for c in contracts if c["type"] == "layers"]
    assert layers
    order = layers[0]["layers"]
    assert order.index("polycentric.issuemap") < order.index("polycentric.accounts") < order.index(
        "polycentric.core"
    )


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (including inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id == "__import__" and node.args
              and isinstance(node.args[0], ast.Constant)):
            found.add(str(node.args[0].value))
    return found


ENGINE_FILES = sorted(ENGINES.rglob("*.py"))


def test_there_are_engine_modules_to_check():
    assert any(p.parent.name == "gaps" for p in ENGINE_FILES)


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_engine_module_imports_no_django(path: Path):
    offending = sorted(
        name for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN_IN_ENGINES
        or (name.startswith("polycentric.") and not name.startswith("polycentric.engines"))
    )

    assert offending == [], f"{path.relative_to(ROOT)} imports {', '.join(offending)}"


def test_the_ast_walk_finds_nested_django_imports(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from django.db import models\n    import django.conf\n")

    assert {"django.db", "django.conf"} <= imported_modules(sample)
