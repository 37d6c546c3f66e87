"""The kzaz command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kzaz_relations as kz
from kzaz_relations.cli import main

DATA = Path(kz.__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_overview_is_real_and_fits_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "overview")
    assert code == 0
    assert "agreements" in out and "Trade turnover" in out and "529.4" in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(
    "args",
    [
        ["overview"],
        ["timeline", "--from", "2024-03-11", "--to", "2024-03-12"],
        ["agreements", "--sector", "energy"],
        ["projects"],
        ["councils"],
        ["trade", "--reporter", "KZ"],
        ["search", "fibre", "optic"],
        ["check"],
        ["show", "supreme-interstate-council"],
    ],
)
def test_every_listing_has_json(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, _ = run(capsys, *args, "--json")
    assert code == 0
    data = json.loads(out)
    assert data


@pytest.mark.parametrize(
    "args", [["timeline"], ["agreements"], ["projects"], ["councils"], ["trade"], ["search", "oil"], ["check"]]
)
def test_text_fits_80_columns_and_csv_parses(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    code, out, _ = run(capsys, *args, "--csv")
    assert code == 0
    assert len(out.splitlines()) >= 2


def test_timeline_json_respects_bounds(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "timeline", "--from", "2024-03", "--to", "2024-03", "--kind", "agreement", "--json")
    rows = json.loads(out)
    assert rows and all(r["date"].startswith("2024-03") and r["kind"] == "agreement" for r in rows)


def test_show_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "supreme-interstate-councl")
    assert code == 1
    assert "no record" in err


def test_validate_good_and_broken(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(DATA, good)
    code, out, _ = run(capsys, "validate", str(good))
    assert code == 0 and "valid" in out
    bad = tmp_path / "bad"
    shutil.copytree(DATA, bad)
    records = json.loads((bad / "meetings.json").read_text(encoding="utf-8"))
    records[0]["council"] = "nowhere"
    records[1]["date"] = "2024-02-30"
    (bad / "meetings.json").write_text(json.dumps(records), encoding="utf-8")
    (bad / "events.json").write_text("[", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert "meetings.json $[1].date: invalid date '2024-02-30'" in err
    assert "events.json" in err


def test_format_check_and_rewrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    assert run(capsys, "format", "--check", str(folder))[0] == 0
    records = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    (folder / "events.json").write_text(json.dumps(records[::-1]), encoding="utf-8")
    code, _, err = run(capsys, "format", "--check", str(folder))
    assert code == 1 and "events.json" in err
    assert run(capsys, "format", str(folder))[0] == 0
    assert (folder / "events.json").read_bytes() == (DATA / "events.json").read_bytes()


def test_export_and_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for fmt in ("json", "csv", "datapackage"):
        assert run(capsys, "export", fmt, str(tmp_path / fmt))[0] == 0
    assert (tmp_path / "datapackage" / "datapackage.json").exists()
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["$schema"].endswith("2020-12/schema")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--from", "2024-13"]) == 2
    assert "invalid date" in capsys.readouterr().err
    assert main(["nonsense"]) == 2
    assert main(["show"]) == 2
    assert main(["search", "--limit", "-1", "baku"]) == 2
    assert main(["agreements", "--kind", "nonsense"]) == 2
    assert "unknown agreement kind" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_file_errors_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    assert main(["export", "json", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kzaz: ") and "Traceback" not in err


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kzaz_relations", "trade", "--reporter", "AZ", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert all(row["reporter"] == "AZ" for row in json.loads(result.stdout))
