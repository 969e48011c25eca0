"""
The project's components depend on each other one way only: no two import each other, directly
or round a loop, and the reusable layers (editorial, photos) know nothing of the apps that use
them. The root URLconf and the settings, which put the components together, are excepted.

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


def imported_components(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in COMPONENTS:
                yield top


def knowledge():
    """{component: {components it knows}}, with where each edge comes from."""
    edges = {component: {} for component in COMPONENTS}
    for component in COMPONENTS:
        for path in (ROOT / component).rglob("*.py"):
            where = path.relative_to(ROOT).as_posix()
            if where in ASSEMBLY:
                continue
            for other in imported_components(path):
                if other != component:
                    edges[component].setdefault(other, where)
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


def test_no_two_components_know_each_other_directly_or_round_a_loop():
    edges = knowledge()
    cycle = find_cycle(edges)
    assert cycle is None, " -> ".join(
        f"{a} ({edges[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False)
    )


def test_the_reusable_layers_know_no_other_component():
    edges = knowledge()
    assert {component: edges[component] for component in REUSABLE} == {
        component: {} for component in REUSABLE
    }


def test_the_check_finds_a_loop():
    assert find_cycle({"a": {"b": ""}, "b": {"c": ""}, "c": {"a": ""}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": ""}, "b": {}, "c": {"a": ""}}) is None
