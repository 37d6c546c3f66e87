"""The package's layers: no module imports one above it (type-checking imports aside).

faces (cli, export, schema, strategies) -> dataset -> queries (table, series, _links, _time,
_numbers, _search) -> boundary (_convert, _io, _fast, _tabular, errors) -> model.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kzaz_relations

PACKAGE = Path(kzaz_relations.__file__).parent

LAYER = {
    "model": 0,
    "errors": 1,
    "_sentinels": 1,
    "_io": 1,
    "_convert": 1,
    "_fast": 1,
    "_tabular": 2,
    "_integrity": 2,
    "table": 3,
    "series": 3,
    "_links": 4,
    "_time": 4,
    "_numbers": 4,
    "_search": 4,
    "dataset": 5,
    "cli": 6,
    "export": 6,
    "schema": 6,
    "strategies": 6,
    "_hypothesis_hook": 6,
    "__init__": 7,
    "__main__": 7,
    "_version": 0,
    "_lazy": 0,
}


def _layer(module: str) -> int:
    return LAYER["model"] if module.startswith("model") else LAYER[module]


def _imports(path: Path) -> set[str]:
    """The package modules a file imports at run time (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(PACKAGE).with_suffix("")
    here = ".".join(relative.parts[:-1])
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom) and child.level:
                base = here.split(".")[: len(here.split(".")) - (child.level - 1)] if here else []
                target = ".".join([*[b for b in base if b], *(child.module.split(".") if child.module else [])])
                if target:
                    found.add(target)
                else:
                    found.update(a.name for a in child.names)
            visit(child)

    visit(tree)
    return {t.split(".")[0] if not t.startswith("model") else "model" for t in found}


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "data" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_one_above_it(path: Path) -> None:
    relative = path.relative_to(PACKAGE).with_suffix("")
    name = "model" if relative.parts[0] == "model" else relative.parts[0]
    own = _layer(name)
    above = sorted(m for m in _imports(path) if m in LAYER or m.startswith("model") if _layer(m) > own)
    assert above == [], f"{relative} imports {above} from a higher layer"
