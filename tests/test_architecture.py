"""The layering rules of DESIGN.md, checked by machine: core/exporters never load Qt; nothing opens a socket."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

PROBE = r"""
import importlib, json, pkgutil, sys
import nap_desktop.core, nap_desktop.exporters
names = []
for pkg in (nap_desktop.core, nap_desktop.exporters):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
# exercise the code paths too, not just the imports
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.catalog.catalog_json import catalog_to_json
catalog = load_catalog()
catalog_to_json(catalog, lang="es")
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_core_and_exporters_never_import_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "nap_desktop.core.catalog.loader" in report["modules"]
    assert report["qt"] == [], f"Qt loaded by core/exporters: {report['qt']}"


def test_no_qt_import_statements_in_core_or_exporters():
    offenders = []
    for folder in ("core", "exporters"):
        for path in (REPO / "nap_desktop" / folder).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                stripped = line.strip()
                if stripped.startswith(("import ", "from ")) and any(
                        name in stripped.split("#")[0] for name in ("PySide6", "shiboken6", "pyqtgraph")):
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {stripped}")
    assert offenders == []


@pytest.fixture()
def no_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_catalog_commands_open_no_socket(no_network, capsys):
    from nap_desktop.cli import main

    assert main(["catalog", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["facts"]
    assert main(["data", "check"]) == 0


# DESIGN.md's one-way arrows: cli -> ui -> exporters -> core, cli -> exporters; nothing points back up.
LAYERS = {"core": 0, "exporters": 1, "ui": 2, "cli": 3}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "nap_desktop" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def _imports(path: Path) -> list[tuple[int, str]]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_no_import_points_up_the_layers():
    offenders = []
    for layer, rank in LAYERS.items():
        folder = REPO / "nap_desktop" / layer
        for path in sorted(folder.rglob("*.py")):
            for line, module in _imports(path):
                target = _layer(module)
                if target is not None and LAYERS[target] > rank:
                    offenders.append(f"{path.relative_to(REPO)}:{line}: imports {module} ({layer} -> {target})")
    assert offenders == []


def test_core_is_split_into_subpackages_that_say_what_they_hold():
    core = REPO / "nap_desktop" / "core"
    for sub, modules in {"catalog": ("model", "loader", "checks", "search"),
                         "charts": ("spec", "build", "tilegrid"),
                         "pack": ("packfile", "document", "selection")}.items():
        for name in modules:
            assert (core / sub / f"{name}.py").is_file(), f"core/{sub}/{name}.py"
    assert not (REPO / "nap_desktop" / "exporters" / "cli.py").exists(), "export orchestration belongs to cli/"


def test_ui_has_at_most_ten_modules_at_its_top():
    """ui/ is one sub-package per view (browse, pack, library, present, export ...) and the shell: the
    folder names say where a change goes, and the top keeps only the shell (app, main window, theme ...)."""
    top = sorted(p.name for p in (REPO / "nap_desktop" / "ui").glob("*.py"))  # __init__.py counts
    assert len(top) <= 10, f"{len(top)} modules at the top of nap_desktop/ui/ (at most 10): {top}"


MAX_LINES = 1000
# Temporary exception: exporters/pptx_exporter.py is being split along its jobs (slide kinds, charts,
# tables, template handling) in another change. Remove it from this set when that lands.
OVER_MAX_LINES_FOR_NOW = {"exporters/pptx_exporter.py"}


def test_no_module_is_over_a_thousand_lines():
    """A module over 1,000 lines mixes jobs: split it along its responsibilities, not at arbitrary lines."""
    package = REPO / "nap_desktop"
    too_long = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and name not in OVER_MAX_LINES_FOR_NOW:
            too_long[name] = lines
    assert too_long == {}, f"modules over {MAX_LINES:,} lines: {too_long}"


def _module_graph() -> dict[str, dict[str, int]]:
    """Every nap_desktop module -> the nap_desktop modules it imports (with a line), at any level: top,
    function and method imports count (they run too, only later); ``if TYPE_CHECKING:`` blocks do not."""
    import ast

    package = REPO / "nap_desktop"
    modules: dict[str, Path] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path

    def module_of(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    class Imports(ast.NodeVisitor):
        def __init__(self, module: str, is_package: bool):
            self.module, self.is_package, self.found = module, is_package, {}

        def visit_If(self, node):  # noqa: N802 - ast API
            test = node.test
            if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                    isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def add(self, name: str | None, line: int) -> None:
            if name and name != self.module:
                self.found.setdefault(name, line)

        def visit_Import(self, node):  # noqa: N802
            for alias in node.names:
                self.add(module_of(alias.name), node.lineno)

        def visit_ImportFrom(self, node):  # noqa: N802
            if node.level:
                base = self.module.split(".") if self.is_package else self.module.split(".")[:-1]
                base = base[:len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                # `from pkg import sub` imports the module pkg.sub; `from pkg import name` imports pkg
                self.add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else module_of(source),
                         node.lineno)

    graph = {}
    for name, path in modules.items():
        visitor = Imports(name, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = visitor.found
    return graph


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as a readable circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    import sys as _sys

    limit = _sys.getrecursionlimit()
    _sys.setrecursionlimit(max(limit, 10_000))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        _sys.setrecursionlimit(limit)
    return components


def test_no_import_circle_among_nap_desktop_modules():
    """Each package reads from the bottom up: no module imports, even inside a function, a module that
    imports it back (directly or through others). A package's __init__ may load its submodules; a
    submodule then takes shared names from a module below it (exporters/files.py), never from the package."""
    graph = _module_graph()
    circles = []
    for component in _cycles(graph):
        members = set(component)
        edges = [f"{a}:{graph[a][b]} -> {b}" for a in component for b in sorted(graph[a]) if b in members]
        circles.append(" | ".join(edges))
    assert circles == [], "import circles:\n" + "\n".join(circles)


def test_the_circle_finder_sees_function_level_imports(tmp_path):
    graph = {"a": {"b": 1}, "b": {"c": 3}, "c": {"a": 9}, "d": {"a": 2}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b": 1}, "b": {}}) == []
    # the real graph records imports made inside functions (core/catalog/loader.py loads the checks there)
    assert "nap_desktop.core.catalog.checks" in _module_graph()["nap_desktop.core.catalog.loader"]
