"""The layers of core/__init__.py hold: no app imports from its own layer or above, not
even inside a function, so the real import graph has no cycle."""

import ast
import subprocess
from pathlib import Path

from core import LAYERS

ROOT = Path(__file__).resolve().parent.parent
LAYER_OF = {app: index for index, layer in enumerate(LAYERS) for app in layer}

# Imports made inside functions between apps, each for a reason of its own. AppConfig.ready
# is Django's place for wiring signals (models are loaded by then) and is not listed.
DEFERRED_ALLOWED = set()


def project_modules():
    for app in LAYER_OF:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts and "tests" not in path.parts:
                yield app, path


def imports_in(path):
    """(imported app, line, inside a function) for every import of a project app."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                names = [child.module]
            else:
                names = []
            for name in names:
                app = name.split(".")[0]
                if app in LAYER_OF:
                    found.append((app, child.lineno, inside))
            visit(child, inside)

    visit(tree, False)
    return found


def test_every_project_app_has_a_layer():
    apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if path.parent.name not in {"config", "tests"}
    }
    assert apps == set(LAYER_OF)


def test_apps_import_only_from_layers_below():
    wrong = []
    for app, path in project_modules():
        for imported, line, _inside in imports_in(path):
            if imported != app and LAYER_OF[imported] >= LAYER_OF[app]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert not wrong, "Imports against the layers:\n" + "\n".join(wrong)


def import_cycle(edges):
    """A cycle in {app: {imported apps}} as a list of apps, or None."""
    visiting, done = [], set()

    def visit(app):
        if app in visiting:
            return visiting[visiting.index(app) :] + [app]
        if app in done:
            return None
        visiting.append(app)
        for imported in sorted(edges.get(app, ())):
            cycle = visit(imported)
            if cycle:
                return cycle
        visiting.pop()
        done.add(app)
        return None

    for app in sorted(edges):
        cycle = visit(app)
        if cycle:
            return cycle
    return None


def test_no_import_cycle_between_apps():
    edges = {}
    for app, path in project_modules():
        for imported, _line, _inside in imports_in(path):
            if imported != app:
                edges.setdefault(app, set()).add(imported)
    assert import_cycle(edges) is None, " -> ".join(import_cycle(edges))


def test_the_cycle_finder_finds_cycles():
    assert import_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert import_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_deferred_imports_between_apps_are_few_and_explained():
    deferred = []
    for app, path in project_modules():
        if path.name == "apps.py":
            continue
        for imported, line, inside in imports_in(path):
            if inside and imported != app:
                deferred.append(f"{path.relative_to(ROOT)}:{line} imports {imported}")
    assert set(deferred) <= DEFERRED_ALLOWED, "\n".join(deferred)


def test_the_checker_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("import news\n\ndef f():\n    from home.models import HomePage\n")
    assert imports_in(module) == [("news", 1, False), ("home", 4, True)]


def test_home_holds_no_platform_module():
    """Caching, search and security each have an app of their own."""
    tracked = subprocess.run(
        ["git", "ls-files", "home"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    words = ("cache", "search", "security", "purge", "routing", "upload", "backup")
    assert not [
        name
        for name in tracked
        if "migrations" not in name and any(word in Path(name).name for word in words)
    ]
