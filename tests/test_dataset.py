"""The packaged dataset: loading, caching, integrity, pinned facts, broken folders."""

from __future__ import annotations

import json
import re
import shutil
import threading
from decimal import Decimal
from pathlib import Path

import pytest

import kzaz_relations as kz
from kzaz_relations import dataset as dataset_module
from kzaz_relations.dataset import canonical_problems, load, write_folder

DATA = Path(kz.__file__).parent / "data"


@pytest.fixture(scope="module")
def ds() -> kz.Dataset:
    return kz.load()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _edit(folder: Path, table: str, change: object) -> None:
    path = folder / f"{table}.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    change(records)  # type: ignore[operator]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")


def test_load_is_cached_and_shared(ds: kz.Dataset) -> None:
    assert kz.load() is ds
    results: list[kz.Dataset] = []
    threads = [threading.Thread(target=lambda: results.append(kz.load())) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 16
    assert all(r is ds for r in results)


def test_size_and_citations(ds: kz.Dataset) -> None:
    records = [r for name, t in ds.tables() if name != "sources" for r in t]
    assert len(records) >= 250
    for r in records:
        assert r.citations
        for s in ds.sources_of(r):
            assert s.url or s.reference


def test_packaged_data_is_canonical() -> None:
    assert canonical_problems() == []


def test_integrity_passes_on_packaged_data(folder: Path) -> None:
    assert load(folder) == kz.load()


def test_every_interview_fact_cites_the_interview(ds: kz.Dataset) -> None:
    interview = "report-az-tokayev-interview-2024"
    citing = {r.id for r in ds.cited_by(interview)}
    expected = {
        # the 2022 official visit, the Declaration that followed it
        "visit-tokayev-baku-2022-08-24",
        "declaration-strategic-relations-allied-interaction-2022",
        # Business and Expert Councils; the Supreme Interstate Council and its first meeting
        "business-council-overview",
        "expert-council-overview",
        "supreme-interstate-council",
        "supreme-interstate-council-1st-meeting-2024-03-11",
        "tokayev-state-visit-azerbaijan-2024-03",
        # trade 2020 and 2023, and the fivefold claim
        "trade-turnover-2020-tokayev-interview",
        "trade-turnover-2023-tokayev-interview",
        "tokayev-interview-2024-trade-growth",
        "tokayev-interview-2024-documents",
        # the project portfolio
        "proj-titr-middle-corridor",
        "proj-trans-caspian-focl",
        "proj-caspian-green-energy-corridor",
        "proj-kazakh-oil-via-btc",
        "proj-uranium-transit-via-azerbaijan",
        "proj-kazakh-grain-to-azerbaijan",
        # the remaining statements of the interview
        "tokayev-interview-2024-relations-on-rise",
        "tokayev-interview-2024-2022-visit-breakthrough",
        "tokayev-interview-2024-projects",
        "tokayev-interview-2024-aliyev-election",
        "tokayev-interview-2024-councils",
        "tokayev-interview-2024-strategic-goal",
    }
    assert expected <= citing, sorted(expected - citing)
    assert ds.sources[interview].kind is kz.SourceKind.INTERVIEW


def test_interview_trade_figures(ds: kz.Dataset) -> None:
    y2020 = ds.observations["trade-turnover-2020-tokayev-interview"]
    y2023 = ds.observations["trade-turnover-2023-tokayev-interview"]
    assert (str(y2020.period), y2020.value, y2020.unit) == ("2020", Decimal("109"), kz.Unit.USD_MILLION)
    assert (str(y2023.period), y2023.value) == ("2023", Decimal("529"))
    assert y2020.reporter is y2023.reporter is kz.Country.KZ
    assert y2020.reporter_kind is kz.ReporterKind.HEAD_OF_STATE


@pytest.mark.parametrize(
    ("meeting", "date", "place", "ordinal"),
    [
        ("supreme-interstate-council-1st-meeting-2024-03-11", "2024-03-11", "Baku", 1),
        ("supreme-interstate-council-2nd-meeting-2025-10-21", "2025-10-21", "Astana", 2),
    ],
)
def test_supreme_interstate_council_meetings(ds: kz.Dataset, meeting: str, date: str, place: str, ordinal: int) -> None:
    m = ds.meetings[meeting]
    assert (str(m.date), m.place, m.ordinal, m.council) == (date, place, ordinal, "supreme-interstate-council")


def test_declaration_2022(ds: kz.Dataset) -> None:
    d = ds.agreements["declaration-strategic-relations-allied-interaction-2022"]
    assert str(d.signed) == "2022-08-24"
    assert d.kind is kz.AgreementKind.DECLARATION
    assert d.visit == "visit-tokayev-baku-2022-08-24"


def test_diplomatic_relations_dates_both_kept(ds: kz.Dataset) -> None:
    dates = sorted(str(e.date) for e in ds.events.where(kind=kz.EventKind.DIPLOMATIC_RELATIONS))
    assert dates == ["1992-08-27", "1992-08-30"]


def test_mirror_statistics_stay_apart(ds: kz.Dataset) -> None:
    kz_2018 = ds.series("trade.turnover", reporter="KZ").value(2018)
    az_2018 = ds.series("trade.turnover", reporter="AZ").value(2018)
    assert kz_2018 != az_2018


# --- broken folders ------------------------------------------------------------------


def test_every_planted_fault_is_reported(folder: Path) -> None:
    def plant_agreements(records: list[dict[str, object]]) -> None:
        records[0]["visit"] = "no-such-visit"  # dangling reference
        records[2]["id"] = records[1]["id"]  # duplicate id

    def plant_visits(records: list[dict[str, object]]) -> None:
        v = next(r for r in records if r["start"] == "2022-08-24")
        v["end"] = "2022-08-01"  # ends before it starts

    _edit(folder, "agreements", plant_agreements)
    _edit(folder, "visits", plant_visits)
    with pytest.raises(kz.IntegrityError) as info:
        load(folder)
    text = str(info.value)
    assert "agreements.json $[0].visit: unknown visit id 'no-such-visit'" in text
    assert "agreements.json $[2].id: duplicate id" in text
    assert "ends (2022-08-01) before it starts (2022-08-24)" in text


def test_syntax_error_is_located(folder: Path) -> None:
    (folder / "events.json").write_text('[{"id": "x",}]', encoding="utf-8")
    (folder / "councils.json").write_text("[", encoding="utf-8")
    with pytest.raises(kz.DataFormatError) as info:
        load(folder)
    files = {p.file for p in info.value.problems}
    assert files == {"events.json", "councils.json"}
    assert "line 1 column 13" in str(info.value)


def test_validation_errors_from_several_files_at_once(folder: Path) -> None:
    _edit(folder, "observations", lambda rs: rs[0].update(value=12.5))
    _edit(folder, "observations", lambda rs: rs[1].update(qualifier="about", status="final"))
    _edit(folder, "agreements", lambda rs: rs[3].update(signed="2024-13-01"))
    with pytest.raises(kz.ValidationError) as info:
        load(folder)
    lines = str(info.value)
    assert "observations.json $[0].value: expected a decimal number as a string, got float 12.5" in lines
    assert "agreements.json $[3].signed: invalid date '2024-13-01'" in lines
    assert "observations.json $[1].status: a figure qualified 'about' is not final" in lines


def test_unknown_and_missing_files(folder: Path) -> None:
    (folder / "agreement.json").write_text("[]", encoding="utf-8")
    (folder / "events.json").unlink()
    with pytest.raises(kz.DataFormatError) as info:
        load(folder)
    assert {(p.file, p.message.split(";")[0]) for p in info.value.problems} == {
        ("agreement.json", "unknown data file"),
        ("events.json", "file is missing"),
    }


def test_uncited_source_and_coverage(folder: Path) -> None:
    def plant(records: list[dict[str, object]]) -> None:
        records.append(
            {"id": "zz-uncited", "publisher": "X", "title": "Y", "kind": "official", "url": "https://x.example/"}
        )

    _edit(folder, "sources", plant)
    _edit(folder, "events", lambda rs: rs[0].update(date="2030-01-01"))
    with pytest.raises(kz.IntegrityError) as info:
        load(folder)
    messages = [p.message for p in info.value.problems]
    assert "source 'zz-uncited' is never cited" in messages
    assert any("after the dataset's coverage end" in m for m in messages)


def test_a_source_cited_twice_in_one_list(folder: Path) -> None:
    def repeat(records: list[dict[str, object]]) -> None:
        citations = records[0]["citations"]
        assert isinstance(citations, list)
        citations.append({"source": citations[0]["source"], "supports": "again"})

    _edit(folder, "agreements", repeat)
    with pytest.raises(kz.ValidationError) as info:
        load(folder)
    assert [(p.file, p.path) for p in info.value.problems] == [("agreements.json", "$[0].citations")]
    assert "more than once" in info.value.problems[0].message


def test_a_citation_list_names_each_source_once() -> None:
    once = kz.Citation(source="src-a", supports="date")
    with pytest.raises(ValueError, match="names source 'src-a' more than once"):
        kz.Event(
            id="e",
            kind=kz.EventKind.EMBASSY_OPENED,
            date=kz.PartialDate(year=2020),
            title="T",
            citations=(once, kz.Citation(source="src-a", supports="place")),
        )


def test_failed_load_leaves_no_state(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataset_module, "_PACKAGED", None)
    (folder / "visits.json").write_text("{}", encoding="utf-8")
    with pytest.raises(kz.DataError):
        load(folder)
    assert dataset_module._PACKAGED is None
    assert load() is load()


def test_write_folder_round_trip(tmp_path: Path, ds: kz.Dataset) -> None:
    write_folder(ds, tmp_path)
    assert load(tmp_path) == ds
    assert canonical_problems(tmp_path) == []
    for name in ("agreements.json", "metadata.json"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes()


def _gap(ds: kz.Dataset, starts: str) -> str:
    found = [g for g in ds.info.gaps if g.startswith(starts)]
    assert len(found) == 1, f"no single gap starting {starts!r}"
    return found[0]


def test_known_gaps_give_the_counts_the_data_holds(ds: kz.Dataset) -> None:
    # The metadata's gaps are prose written by hand; the numbers in them must follow the data.
    complete = ds.completeness()
    documents = _gap(ds, "Documents signed at visits and meetings")
    assert f"of {complete.reported} reported by sources, {complete.identified} are identified" in documents
    for count in complete.counts:
        if count.missing:
            assert f"{count.missing} of the {count.reported}" in documents, count.record.id

    titled = sum(1 for a in ds.agreements if any(t.language in {"ru", "kk", "az"} for t in a.titles))
    titles = _gap(ds, "Official titles in Russian, Kazakh or Azerbaijani")
    assert f"recorded for {titled} of the {len(ds.agreements)} agreements" in titles

    undated = sum(1 for o in ds.observations if o.published is None)
    dates = _gap(ds, "About a quarter of the cited pages")
    assert re.search(rf"\b{undated} of {len(ds.observations)} figures\b", dates)
    share = sum(1 for s in ds.sources if s.published is None) / len(ds.sources)
    assert 0.2 <= share < 0.3, f"{share:.0%} of sources are undated: restate 'about a quarter'"
