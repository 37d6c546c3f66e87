"""Exports: JSON, CSV, Frictionless Data Package, JSON Schema, pandas."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import kzaz_relations as kz
from kzaz_relations import export
from kzaz_relations.schema import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schema" / "kzaz_relations.schema.json"
DATA = Path(kz.__file__).parent / "data"


@pytest.fixture(scope="module")
def ds() -> kz.Dataset:
    return kz.load()


def test_json_export_round_trip(tmp_path: Path, ds: kz.Dataset) -> None:
    export.export_json(ds, tmp_path)
    assert kz.load(tmp_path) == ds


def test_csv_export_round_trip(tmp_path: Path, ds: kz.Dataset) -> None:
    written = export.export_csv(ds, tmp_path)
    assert {p.name for p in written} >= {"agreements.csv", "citations.csv", "metadata.json"}
    assert export.read_csv(tmp_path) == ds
    with (tmp_path / "citations.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    total = sum(len(list(kz.citations_of(r))) for name, t in ds.tables() if name != "sources" for r in t)
    assert len(rows) == total


def test_csv_cells_are_flat_text(tmp_path: Path, ds: kz.Dataset) -> None:
    export.export_csv(ds, tmp_path)
    with (tmp_path / "agreements.csv").open(encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == "declaration-strategic-relations-allied-interaction-2022")
    assert row["signed"] == "2022-08-24"
    assert json.loads(row["countries"]) == ["AZ", "KZ"]
    assert row["kind"] == "declaration"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_datapackage_validates_and_catches_bad_foreign_key(tmp_path: Path, ds: kz.Dataset) -> None:
    frictionless = pytest.importorskip("frictionless")
    export.export_datapackage(ds, tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "id", "version", "created", "licenses", "sources", "contributors", "resources"):
        assert descriptor[key]
    assert all(r["type"] == "table" for r in descriptor["resources"])
    assert frictionless.validate(tmp_path / "datapackage.json").valid
    assert export.read_csv(tmp_path) == ds

    meetings = tmp_path / "meetings.csv"
    lines = meetings.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines[1].split(",", 2)
    lines[1] = ",".join([first[0], "no-such-council", first[2]])
    meetings.write_text("".join(lines), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_committed_json_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "run: kzaz schema > schema/kzaz_relations.schema.json"
    )


def test_packaged_data_validates_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    folder = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in DATA.glob("*.json")}
    validator = jsonschema.Draft202012Validator(json_schema())
    assert list(validator.iter_errors(folder)) == []
    folder["agreements.json"][0]["colour"] = "red"
    folder["observations.json"][0]["value"] = 12.5
    errors = list(validator.iter_errors(folder))
    assert len(errors) >= 2


def test_to_pandas(ds: kz.Dataset) -> None:
    pytest.importorskip("pandas")
    frame = ds.agreements.to_pandas()
    assert len(frame) == len(ds.agreements)
    assert list(frame.columns)[:3] == ["id", "title", "kind"]


def test_to_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch, ds: kz.Dataset) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"kzaz_relations\[pandas\]"):
        ds.visits.to_pandas()


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", lambda ds: ds.agreements.to_pandas(), "pandas"),
        ("pandas", lambda ds: ds.series("trade.turnover", reporter="KZ").to_pandas(), "pandas"),
        ("pandas", lambda ds: ds.mirror("trade.turnover").to_pandas(), "pandas"),
        ("networkx", lambda ds: ds.to_networkx(), "graph"),
    ],
)
def test_a_missing_optional_dependency_names_its_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, call: Any, extra: str
) -> None:
    ds = kz.load()
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(ImportError, match=rf"kzaz_relations\[{extra}\]"):
        call(ds)
