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


@pytest.fixture(autouse=True)
def _columns_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


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
    capsys.readouterr()
    assert main(["agreements", "--kind", "nonsense"]) == 2
    assert "unknown agreement kind 'nonsense'" in capsys.readouterr().err
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


LISTINGS = [
    (["timeline", "--from", "2024-03-11", "--to", "2024-03-11"], "supreme-interstate-council-1st-meeting-2024-03-11"),
    (["agreements", "--sector", "energy"], "trilateral-green-energy-agreement-2024-11-13"),
    (["projects"], "proj-kazakh-oil-via-btc"),
    (["councils"], "supreme-interstate-council"),
    (["search", "Middle", "Corridor"], "proj-titr-middle-corridor"),
    (["check"], "press-statements-astana-2025-10-21"),
    (["people", "--country", "kz"], "kassym-jomart-tokayev"),
]


@pytest.mark.parametrize(("args", "an_id"), LISTINGS)
def test_every_listing_shows_ids_and_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], an_id: str
) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert any(an_id in line.split() for line in out.splitlines()), "the id, whole, on one line"
    assert max(len(line) for line in out.splitlines()) <= 80
    monkeypatch.setenv("COLUMNS", "200")
    _, wide, _ = run(capsys, *args)
    assert max(len(line) for line in wide.splitlines()) <= 200
    assert len(wide.splitlines()) <= len(out.splitlines())


@pytest.mark.parametrize("columns", ["40", "80"])
@pytest.mark.parametrize(
    "args",
    [*(a for a, _ in LISTINGS), ["search", "foundation", "first", "president", "leader", "nation"], ["timeline"]],
    ids=lambda a: " ".join(a),
)
def test_ids_are_never_cut(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], columns: str
) -> None:
    """Every id of a listing that fits the terminal appears whole, on one line, however narrow it is."""
    _, listing, _ = run(capsys, *args, "--json")
    ids = {r.get("id") or r["statement"] for r in json.loads(listing)}
    monkeypatch.setenv("COLUMNS", columns)
    _, out, _ = run(capsys, *args)
    words = {w for line in out.splitlines() for w in line.split()}
    assert ids and {i for i in ids if len(i) <= int(columns)} <= words
    assert max(len(line) for line in out.splitlines()) <= max(int(columns), *map(len, ids))


def test_wide_terminals_get_the_room(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, "agreements")
    assert max(len(line) for line in out.splitlines()) > 120
    assert "declaration-strategic-relations-allied-interaction-2022" in out  # whole, on one line


def test_version_and_bare_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kzaz_relations {kz.__version__}"
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "overview" in out and "agreements" in out and "check" in out


def test_a_closed_pipe_ends_quietly() -> None:
    result = subprocess.run(
        f"{sys.executable} -m kzaz_relations timeline | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        executable="/bin/bash",
    )
    assert result.stdout.startswith("DATE")
    assert result.stderr == ""
    piped = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{sys.executable} -m kzaz_relations timeline | head -1 > /dev/null"],
        check=False,
    )
    assert piped.returncode == 0


def test_show_renders_text_not_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "proj-kazakh-oil-via-btc")
    assert code == 0
    assert '{"' not in out and '": ' not in out
    assert "milestones" in out and "Sources" in out
    urls = [line.strip() for line in out.splitlines() if "https://" in line]
    assert urls and all(u.startswith("https://") and " " not in u for u in urls)  # whole, on their own line


def test_show_names_every_reference_by_its_record(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reference prints as the referenced record's title or name, then its id."""
    monkeypatch.setenv("COLUMNS", "300")
    ds = kz.load()
    o = next(o for o in ds.observations if o.project is not None)
    _, out, _ = run(capsys, "show", o.id)
    project = ds.projects[o.project]
    assert f"{project.name} ({project.id})" in out
    a = next(a for a in ds.agreements if a.visit is not None)
    _, out, _ = run(capsys, "show", a.id)
    assert f"visits {ds.visits[a.visit].to_country.label} ({a.visit})" in out


def test_show_lists_what_cites_a_source_and_a_statement_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "report-az-tokayev-interview-2024")
    assert "Cited by" in out and "tokayev-interview-2024-trade-growth" in out
    _, out, _ = run(capsys, "show", "press-statements-astana-2025-10-21")
    assert "Verdict" in out and "consistent" in out


def test_show_person_lists_offices_and_what_they_did(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "ilham-aliyev")
    assert "President of the Republic of Azerbaijan" in out and "2003-10-31" in out
    assert "visits" in out and "statements" in out and "agreements" in out


def test_enum_options_ignore_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, upper, _ = run(capsys, "agreements", "--kind", "MEMORANDUM", "--json")
    _, lower, _ = run(capsys, "agreements", "--kind", "memorandum", "--json")
    assert code == 0 and json.loads(upper) and upper == lower
    _, out, _ = run(capsys, "agreements", "--country", "uz", "--json")
    _, canonical, _ = run(capsys, "agreements", "--country", "UZ", "--json")
    assert json.loads(out) and out == canonical, "a trilateral with Uzbekistan is in the data"


def test_trade_is_side_by_side_and_finds_flows(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "trade")
    assert out.splitlines()[0].split()[:3] == ["PERIOD", "KZ", "AZ"]
    _, out, _ = run(capsys, "trade", "--indicator", "grain.exports")
    assert "nothing found" not in out and "no grain" not in out
    _, out, _ = run(capsys, "trade", "--json")
    rows = json.loads(out)
    assert any(r["KZ"] is not None and r["AZ"] is not None for r in rows)


def test_an_empty_result_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "agreements", "--kind", "treaty", "--from", "2026-06")
    assert "no agreements match --kind treaty --from 2026-06" in out and "filter" in out
    _, out, _ = run(capsys, "trade", "--indicator", "grain.exports", "--direction", "az_to_kz")
    assert "try --direction" in out


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--from", "2030", "--kind", "visit", "--kind", "event", "--possibly"],
        ["agreements", "--signatory", "nobody-at-all", "--sector", "energy"],
        ["people", "--name", "zzz", "--country", "uz"],
        ["trade", "--indicator", "grain.exports", "--direction", "az_to_kz", "--part-year"],
    ],
)
def test_an_empty_result_repeats_the_options_as_typed(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    """The options an empty result names are the ones given, spelled so they can be typed again."""
    code, out, _ = run(capsys, *args)
    assert code == 0 and " match " in out
    named = out.split(" match ", 1)[1].split(";", 1)[0].split()
    given = {a.casefold() for a in args[1:]}  # vocabulary values come back in their canonical case
    assert named and all(word.casefold() in given for word in named), named
    assert run(capsys, args[0], *named)[0] == 0


def test_search_says_how_many_it_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "Middle", "Corridor", "--limit", "3")
    assert "3 of " in out
    _, out, _ = run(capsys, "search", "Middle", "Corridor", "--json")
    tables = [h["table"] for h in json.loads(out)]
    assert tables.count("sources") < len(tables) / 2


def test_validate_reports_structure_and_integrity_in_one_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    rows = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    rows[0]["colour"] = "red"  # an unknown key
    rows[2]["id"] = rows[1]["id"]  # a duplicate id
    (folder / "events.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 1
    assert "events.json $[0]: unknown key(s): colour" in err
    assert f"events.json $[2].id: duplicate id {rows[1]['id']!r}" in err


def test_check_explains_one_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "stmt-smailov-oil-2022-11-10")
    assert code == 0
    assert "Verdict now" in out and "Verdict when said" in out and "missed" in out
    assert run(capsys, "check", "no-such-statement")[0] == 1


def test_export_graphml_reads_back(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    assert run(capsys, "export", "graphml", str(tmp_path))[0] == 0
    graph = nx.read_graphml(tmp_path / "kzaz_relations.graphml")
    assert graph.nodes["people:ilham-aliyev"]["label"] == "Ilham Aliyev"


def test_the_command_line_vocabularies_match_the_library() -> None:
    from kzaz_relations import _time, cli, export

    assert set(cli.TIMELINE_KINDS) == set(_time.KINDS)
    assert all(callable(getattr(export, f"export_{f}")) for f in cli.EXPORT_FORMATS)
    assert {n.removeprefix("export_") for n in export.__all__ if n.startswith("export_")} == set(cli.EXPORT_FORMATS)
