"""The dependency direction (flows → gongkai → rules/models data) and one vocabulary module, as tests."""
from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import gongkai

PACKAGE = Path(gongkai.__file__).parent


def all_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], prefix="gongkai.")
                  if ".migrations." not in m.name and not m.name.endswith(".migrations"))


def test_importing_every_library_module_loads_neither_prefect_nor_flows():
    code = ("import importlib, sys\n"
            f"for name in {all_modules()!r}:\n"
            "    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m == 'flows' or m.startswith(('prefect', 'flows.')))\n"
            "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", f"the library imported {out.stdout.strip()}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_library_module_imports_the_commands_or_prefect():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        if name.startswith("gongkai.commands") or name == "gongkai.cli":
            continue
        for imported in _imports(path):
            if imported.startswith(("gongkai.commands", "prefect", "flows")) or imported == "gongkai.cli":
                offenders.append(f"{name} imports {imported}")
    assert offenders == []


def test_command_modules_live_at_the_edge():
    assert not list(PACKAGE.glob("*/cli.py")) and not list(PACKAGE.glob("*_cli.py")), \
        "command modules belong in gongkai/commands/"


def test_label_values_are_spelt_out_in_one_module_only():
    spelt = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for literal in ('"非密", "内部", "秘密", "机密", "绝密"', '"主动公开", "依申请公开", "不予公开"',
                        '"秘密", "机密", "绝密"'):
            if literal in text and path.name != "labels.py":
                spelt.append(f"{path.relative_to(PACKAGE)}: {literal}")
    assert spelt == []
