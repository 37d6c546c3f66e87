"""``import kzaz_relations`` stays cheap: what it imports and reads, checked in a fresh interpreter.

No timings here (they belong to ``benchmarks/``): only which modules get imported and
whether a data file is opened.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

FORBIDDEN = (
    "cattrs",
    "hypothesis",
    "pandas",
    "importlib.metadata",
    "kzaz_relations.dataset",
    "kzaz_relations._convert",
)

PROBE = textwrap.dedent(
    """
    import os
    import sys

    opened = []

    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(args[0])
            if "kzaz_relations" in path and path.endswith(".json"):
                opened.append(path)

    sys.addaudithook(hook)
    before = set(sys.modules)

    def snapshot():
        return {"modules": sorted(set(sys.modules) - before), "data_files": len(opened)}

    import kzaz_relations as kz

    report = {"import": snapshot()}
    report["version"] = kz.__version__
    report["after_version"] = snapshot()
    ds = kz.load()
    record = ds.agreements.get("declaration-strategic-relations-allied-interaction-2022")
    report["get"] = None if record is None else record.id
    report["after_load"] = snapshot()
    import json  # only now, so that the snapshots can tell whether the query imported it

    print(json.dumps(report))
    """
)


@pytest.fixture(scope="module")
def probe() -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    report: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return report


def _loaded(modules: list[str], name: str) -> list[str]:
    return [m for m in modules if m == name or m.startswith(name + ".")]


@pytest.mark.parametrize("name", FORBIDDEN)
def test_import_loads_no_heavy_module(probe: dict[str, Any], name: str) -> None:
    assert _loaded(probe["import"]["modules"], name) == []


def test_import_reads_no_data(probe: dict[str, Any]) -> None:
    assert probe["import"]["data_files"] == 0


def test_version_is_lazy_and_cheap(probe: dict[str, Any]) -> None:
    assert probe["version"]
    assert _loaded(probe["after_version"]["modules"], "importlib.metadata") == []
    assert _loaded(probe["after_version"]["modules"], "cattrs") == []
    assert probe["after_version"]["data_files"] == 0


def test_load_then_get_works(probe: dict[str, Any]) -> None:
    assert probe["get"] == "declaration-strategic-relations-allied-interaction-2022"
    # The probe does see data reads and heavy imports once they happen.
    assert probe["after_load"]["data_files"] > 0
    assert "kzaz_relations.dataset" in probe["after_load"]["modules"]


# The packaged fast path: the first query reads and builds only what it touches.
FIRST_QUERY_FORBIDDEN = (
    "cattrs",
    "kzaz_relations._convert",
    "kzaz_relations._integrity",
    "kzaz_relations.series",
    "kzaz_relations._search",
    "kzaz_relations.model.people",
    "kzaz_relations.model.observation",
    "kzaz_relations.model._vocab_figures",  # the enums of other tables are built on first use
    "kzaz_relations.model._vocab_records",
    "decimal",  # only the tables with numbers need it
    "datetime",  # only dates turned into calendar days need it
    "json",  # checked bytes go to the C scanner directly
    "kzaz_relations.model.info",  # the metadata record is built when ds.info is first read
    "importlib.resources",
    "pathlib",
    "hashlib",
)


@pytest.mark.parametrize("name", FIRST_QUERY_FORBIDDEN)
def test_first_query_pays_only_for_its_table(probe: dict[str, Any], name: str) -> None:
    assert _loaded(probe["after_load"]["modules"], name) == []


def test_first_query_reads_only_its_table(probe: dict[str, Any]) -> None:
    # metadata.json and agreements.json, nothing else (SHA256SUMS is not a .json file)
    assert probe["after_load"]["data_files"] == 2
