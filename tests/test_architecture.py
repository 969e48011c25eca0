"""
The project's components depend on each other one way only: no two import each other, directly
or round a loop, and the reusable layers (editorial, photos) know nothing of the apps that use
them; the section (cooperation) knows nothing of the partner board that uses it. The root URLconf
and the settings, which put the components together, are excepted. Within an app, no two
sub-packages or modules (`cooperation.models`, `cooperation.activity`) import each other either,
not even from inside a function.

A component knows another when one of its modules imports it, or when one of its migrations
names a migration of the other (as a dependency, or to run before it).
"""

import ast
from pathlib import Path

from django.conf import settings
from django.db.migrations.loader import MigrationLoader

ROOT = Path(settings.BASE_DIR)
COMPONENTS = sorted(
    path.parent.name
    for path in ROOT.glob("*/__init__.py")
    if path.parent.name not in {"tests", "bench"}
)
# Where the whole is put together; they may name every component.
ASSEMBLY = {"embassy/urls.py", "embassy/settings/__init__.py", "embassy/settings/test.py"}
REUSABLE = {"editorial", "photos"}


def module_parts(path, root):
    parts = path.relative_to(root).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_names(path, root):
    """The dotted names a file imports, anywhere in it, with relative imports made absolute:
    `from ..activity import refresh` in cooperation/models/agreements.py gives
    cooperation.activity and cooperation.activity.refresh."""
    package = path.relative_to(root).parts[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def import_edges(root):
    """{component: {components its modules import: where}}."""
    edges = {component: {} for component in COMPONENTS}
    for component in COMPONENTS:
        for path in (root / component).rglob("*.py"):
            where = path.relative_to(root).as_posix()
            if where in ASSEMBLY:
                continue
            for name in imported_names(path, root):
                other = name.split(".")[0]
                if other in COMPONENTS and other != component:
                    edges[component].setdefault(other, where)
    return edges


def part_edges(root, app):
    """{part of the app: {parts it imports: where}}, a part being a sub-package or a module
    directly in the app (cooperation.models, cooperation.activity); migrations left out."""
    edges = {}
    for path in (root / app).rglob("*.py"):
        if "migrations" in path.parts or len(module_parts(path, root)) < 2:
            continue
        source = ".".join(module_parts(path, root)[:2])
        edges.setdefault(source, {})
        for name in imported_names(path, root):
            target = ".".join(name.split(".")[:2])
            if name.startswith(f"{app}.") and target != source:
                edges[source].setdefault(target, path.relative_to(root).as_posix())
                edges.setdefault(target, {})
    return edges


def knowledge():
    """{component: {components it knows}}, with where each edge comes from."""
    edges = import_edges(ROOT)
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app_label, name), migration in loader.disk_migrations.items():
        if app_label not in COMPONENTS:
            continue
        for other, _name in [*migration.dependencies, *migration.run_before]:
            if other in COMPONENTS and other != app_label:
                edges[app_label].setdefault(other, f"{app_label}/migrations/{name}.py")
    return edges


def find_cycle(edges):
    """A loop of components, as a list, or None."""
    visiting, done = [], set()

    def visit(component):
        if component in visiting:
            return visiting[visiting.index(component) :] + [component]
        if component in done:
            return None
        visiting.append(component)
        for other in edges[component]:
            if cycle := visit(other):
                return cycle
        visiting.pop()
        done.add(component)
        return None

    for component in edges:
        if cycle := visit(component):
            return cycle
    return None


def test_the_project_has_the_components_the_readme_describes():
    assert {"cooperation", "editorial", "embassy", "photos"} <= set(COMPONENTS)


def described(cycle, edges):
    return " -> ".join(f"{a} ({edges[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False))


def test_no_two_components_know_each_other_directly_or_round_a_loop():
    edges = knowledge()
    cycle = find_cycle(edges)
    assert cycle is None, described(cycle, edges)


def test_the_section_knows_nothing_of_the_partner_board():
    assert "partners" not in knowledge()["cooperation"]


def test_no_two_parts_of_an_app_import_each_other_directly_or_round_a_loop():
    for app in COMPONENTS:
        edges = part_edges(ROOT, app)
        cycle = find_cycle(edges)
        assert cycle is None, described(cycle, edges)


def test_the_reusable_layers_know_no_other_component():
    edges = knowledge()
    assert {component: edges[component] for component in REUSABLE} == {
        component: {} for component in REUSABLE
    }


def test_the_check_finds_a_loop():
    assert find_cycle({"a": {"b": ""}, "b": {"c": ""}, "c": {"a": ""}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": ""}, "b": {}, "c": {"a": ""}}) is None


def test_the_checks_find_a_planted_loop_and_a_planted_import(tmp_path):
    files = {
        "cooperation/models/__init__.py": "def save():\n    from ..activity import refresh\n",
        "cooperation/activity.py": "from .models import Region\n",
        "cooperation/urls.py": "from partners import views\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    cycle = find_cycle(part_edges(tmp_path, "cooperation"))
    assert set(cycle) == {"cooperation.models", "cooperation.activity"}
    assert import_edges(tmp_path)["cooperation"] == {"partners": "cooperation/urls.py"}
