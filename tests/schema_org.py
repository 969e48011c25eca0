"""
Structured data checked against the schema.org vocabulary (release 30.0, reduced to what the
check needs: tests/data/schemaorg-vocabulary.json, whose "source" says where it comes from).
"""

import json
import re
from functools import cache
from pathlib import Path

SCHEMA_ORG = "https://schema.org/"
LITERAL_RANGES = {
    str: {"Text", "URL", "Date", "DateTime", "Time"},
    int: {"Number", "Integer", "Float"},
    float: {"Number", "Float"},
    bool: {"Boolean"},
}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@cache
def vocabulary():
    path = Path(__file__).parent / "data" / "schemaorg-vocabulary.json"
    return json.loads(path.read_text(encoding="utf-8"))


def supertypes(name):
    """The type and every type above it."""
    found, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(vocabulary()["types"].get(current, []))
    return found


def literal_fits(value, ranges):
    if isinstance(value, str) and value.startswith(SCHEMA_ORG):
        member_type = vocabulary()["enumeration_members"].get(value.removeprefix(SCHEMA_ORG))
        if member_type is not None:
            return bool(supertypes(member_type) & ranges)
    return bool(LITERAL_RANGES.get(type(value), set()) & ranges)


def problems(node, where="$"):
    """What in a JSON-LD node the vocabulary does not allow, as readable lines."""
    found = []
    node_type = node.get("@type")
    if node_type not in vocabulary()["types"]:
        return [f"{where}: {node_type!r} is not a schema.org type"]
    for name, value in node.items():
        if name == "@context":
            if value != SCHEMA_ORG.rstrip("/"):
                found.append(f"{where}: the context is {value!r}")
            continue
        if name == "@type":
            continue
        if name not in vocabulary()["properties"]:
            found.append(f"{where}.{name}: not a schema.org property")
            continue
        domains, ranges = (set(names) for names in vocabulary()["properties"][name])
        if not supertypes(node_type) & domains:
            found.append(f"{where}.{name}: not a property of {node_type}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if not supertypes(item.get("@type")) & ranges:
                    found.append(f"{where}.{name}: a {item.get('@type')} is not one of {ranges}")
                found.extend(problems(item, f"{where}.{name}"))
            elif not literal_fits(item, ranges):
                found.append(f"{where}.{name}: {item!r} is not one of {ranges}")
    return found


def structured_data(response):
    """The JSON-LD nodes of a page, each checked against the vocabulary."""
    nodes = [json.loads(text) for text in JSON_LD.findall(response.content.decode())]
    for node in nodes:
        assert problems(node) == [], problems(node)
    return nodes
