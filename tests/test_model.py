"""Properties of every model class: round trips, byte stability, immutability, strict errors."""

from __future__ import annotations

import copy
import json
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzaz_relations as kz
from kzaz_relations import DataError, dumps, structure, unstructure
from kzaz_relations.strategies import STRATEGIES

RECORD_CLASSES = [cls for cls in STRATEGIES if cls is not kz.Dataset]
OBJECT_CLASSES = [c for c in RECORD_CLASSES if c not in (kz.PartialDate, kz.Period)]


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda c: c.__name__)
def test_round_trip(cls: type[Any]) -> None:
    @given(STRATEGIES[cls])
    def check(obj: Any) -> None:
        data = unstructure(obj)
        back = structure(data, cls)
        assert back == obj
        text = dumps(obj)
        assert dumps(structure(json.loads(text), cls)) == text
        assert text.endswith("\n")
        assert "\n\n" not in text

    check()


@pytest.mark.parametrize("cls", OBJECT_CLASSES, ids=lambda c: c.__name__)
def test_a_table_built_column_wise_is_the_table_built_record_by_record(cls: type[Any]) -> None:
    """The packaged data and the valid tables of a user folder are built a table at a time,
    field by field; the records are those the one-record builder and the converter give, for
    any mix of fields given and left out (a list of records whose optional fields differ)."""
    from kzaz_relations._fast import builder, many_builder

    # Few examples: each draws several whole records, and test_round_trip already draws 200 of each.
    @settings(max_examples=min(25, settings.default.max_examples))
    @given(st.lists(STRATEGIES[cls], min_size=2, max_size=4))
    def check(objs: list[Any]) -> None:
        rows = [unstructure(o) for o in objs]
        built = many_builder(cls)(rows)
        assert built == [builder(cls)(r) for r in rows] == objs
        assert all(type(b) is cls for b in built)

    check()


@pytest.mark.parametrize("cls", OBJECT_CLASSES, ids=lambda c: c.__name__)
def test_frozen_hashable_copyable(cls: type[Any]) -> None:
    @given(STRATEGIES[cls])
    def check(obj: Any) -> None:
        name = attrs.fields(cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, name, getattr(obj, name))
        assert hash(obj) == hash(copy.deepcopy(obj))
        assert pickle.loads(pickle.dumps(obj)) == obj
        assert not hasattr(obj, "__dict__")  # slotted

    check()


def _corruptions(value: Any) -> list[Any]:
    """Values of the wrong type or shape for a field that currently holds ``value``."""
    if isinstance(value, str):
        return [7, None, ["x"], "", " padded "] if value else [7]
    if isinstance(value, list):
        return ["not-a-list", 3, {"a": 1}]
    if isinstance(value, dict):
        return [[], "x", 1.5]
    if isinstance(value, bool):
        return ["yes", 1]
    if isinstance(value, int):
        return ["3", 2.5, True, -1]
    return [object()]


@pytest.mark.parametrize("cls", OBJECT_CLASSES, ids=lambda c: c.__name__)
def test_corrupting_one_field_names_its_path(cls: type[Any]) -> None:
    @given(STRATEGIES[cls], st.data())
    def check(obj: Any, data: st.DataObject) -> None:
        raw = unstructure(obj)
        key = data.draw(st.sampled_from(sorted(raw)))
        bad = data.draw(st.sampled_from(_corruptions(raw[key])))
        field = attrs.fields_dict(cls)[key]
        if bad is None and field.default is None:
            return  # None is a valid value for an optional field
        with pytest.raises(DataError) as info:
            structure({**raw, key: bad}, cls, file="table.json")
        paths = [p.path for p in info.value.problems]
        assert any(p == f"$.{key}" or p.startswith(f"$.{key}[") or p.startswith(f"$.{key}.") for p in paths), paths
        assert all(p.file == "table.json" for p in info.value.problems)

    check()


@pytest.mark.parametrize("cls", OBJECT_CLASSES, ids=lambda c: c.__name__)
def test_unknown_key_is_rejected(cls: type[Any]) -> None:
    @given(STRATEGIES[cls])
    def check(obj: Any) -> None:
        with pytest.raises(DataError, match="unknown key"):
            structure({**unstructure(obj), "colour": "red"}, cls)

    check()


GOOD_OBSERVATION = {
    "id": "trade-2022",
    "indicator": "trade.turnover",
    "period": "2022",
    "value": "461.9",
    "unit": "usd_million",
    "reporter_kind": "statistics",
    "citations": [{"source": "src-1"}],
}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"value": 461.9}, "$.value", "expected a decimal number as a string, got float"),
        ({"value": "-5"}, "$.value", "must not be negative"),
        ({"value": "NaN"}, "$.value", "invalid decimal"),
        ({"value": "1e3"}, "$.value", "invalid decimal"),
        ({"period": "2024-13"}, "$.period", "invalid date '2024-13'"),
        ({"period": 2022}, "$.period", "expected a period as text, got int"),
        ({"unit": "dollars"}, "$.unit", "unknown Unit 'dollars'"),
        ({"indicator": 3}, "$.indicator", "expected Indicator text, got int"),
        ({"id": "Trade 2022"}, "$.id", "kebab-case"),
        ({"citations": []}, "$.citations", "must not be empty"),
        ({"citations": [{"source": "x", "page": 3}]}, "$.citations[0]", "unknown key(s): page"),
        ({"reported_by": 7}, "$.reported_by", "expected str, got int"),
    ],
)
def test_malformed_observation(change: dict[str, Any], path: str, message: str) -> None:
    with pytest.raises(DataError) as info:
        structure({**GOOD_OBSERVATION, **change}, kz.Observation, file="observations.json")
    problem = info.value.problems[0]
    assert (problem.file, problem.path) == ("observations.json", path)
    assert message in problem.message
    assert str(problem).startswith(f"observations.json {path}: ")


def test_every_problem_is_reported_at_once() -> None:
    bad = {**GOOD_OBSERVATION, "value": 1.5, "unit": "x", "period": "2024-13-01", "extra": 1}
    with pytest.raises(kz.ValidationError) as info:
        structure([GOOD_OBSERVATION, bad], tuple[kz.Observation, ...], file="observations.json")
    assert sorted(p.path for p in info.value.problems) == ["$[1]", "$[1].period", "$[1].unit", "$[1].value"]
    assert "observations.json $[1].period: invalid date '2024-13-01'" in str(info.value)


@pytest.mark.parametrize(
    ("value", "cls"), [(7, str), ("7", int), (1992.9, int), (True, int), (1, bool), ("2022", kz.PartialDate)]
)
def test_no_silent_coercion(value: Any, cls: type[Any]) -> None:
    if cls is kz.PartialDate:
        assert structure(value, cls) == kz.PartialDate(year=2022)
        return
    with pytest.raises(DataError, match="expected"):
        structure(value, cls)


def test_a_string_is_not_a_sequence() -> None:
    with pytest.raises(DataError, match="expected an array"):
        structure("AZ", frozenset[kz.Country])
    with pytest.raises(DataError, match="repeated items"):
        structure(["AZ", "AZ"], frozenset[kz.Country])


def test_decimal_written_as_string() -> None:
    assert unstructure(Decimal("0.00000001")) == "0.00000001"
    assert unstructure(Decimal("1E+3")) == "1000"


def test_model_imports_nothing_else_of_the_package() -> None:
    import ast
    import pathlib

    folder = pathlib.Path(kz.__file__).parent / "model"
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                # The one exception is the stdlib-only helper for lazy attributes.
                outside = node.level > 1 and node.module != "_lazy"
                assert not outside, f"{path.name} imports from outside the model"


def test_claim_needs_right_number_of_periods() -> None:
    with pytest.raises(ValueError, match="needs 2 period"):
        kz.Claim(
            indicator=kz.Indicator.TRADE_TURNOVER,
            comparison=kz.Comparison.RATIO,
            periods=(kz.Period.of(2020),),
            stated=Decimal(5),
        )


@attrs.frozen
class _UserRecord:
    """A user's attrs class with what the dataset's own classes never use."""

    xs: tuple[int, ...] = attrs.field(factory=tuple)
    n: int = attrs.field(default=1, converter=int)
    _private: str = attrs.field(default="a")
    derived: int = attrs.field(init=False, default=5)


def test_the_converter_builds_other_attrs_classes_as_their_init_would() -> None:
    c = kz.make_converter()
    assert c.structure({}, _UserRecord) == _UserRecord()
    assert c.structure({"n": 3, "_private": "z"}, _UserRecord) == _UserRecord(n=3, private="z")
    with pytest.raises(Exception, match="_UserRecord"):
        c.structure({"derived": 7}, _UserRecord)  # not an __init__ argument: an unknown key


@pytest.mark.parametrize("cls", [c for c in STRATEGIES if attrs.has(c)], ids=lambda c: c.__name__)
def test_model_classes_can_be_built_without_init(cls: type[Any]) -> None:
    """The direct builders (the converter's fast path and the packaged-data builder) set each
    field as given; that is what ``__init__`` does only with plain defaults, no converters and
    every field an ``__init__`` argument under its own name."""
    for a in attrs.fields(cls):
        assert a.init and a.converter is None and (a.alias or a.name) == a.name, a.name
        assert not isinstance(a.default, type(attrs.Factory(list))), a.name


def test_an_approximate_figure_is_never_final() -> None:
    base: dict[str, Any] = {
        "id": "x",
        "indicator": kz.Indicator.TRADE_TURNOVER,
        "period": kz.Period.of(2020),
        "value": Decimal(100),
        "unit": kz.Unit.USD_MILLION,
        "reporter_kind": kz.ReporterKind.MINISTRY,
        "citations": (kz.Citation(source="s"),),
    }
    with pytest.raises(ValueError, match="qualified 'about' is not final"):
        kz.Observation(**base, qualifier=kz.Qualifier.ABOUT)  # status defaults to final
    assert kz.Observation(**base, qualifier=kz.Qualifier.ABOUT, status=kz.ObservationStatus.ESTIMATE)
    assert kz.Observation(**base, qualifier=kz.Qualifier.OVER, status=kz.ObservationStatus.PRELIMINARY)
    assert kz.Observation(**base, qualifier=kz.Qualifier.UP_TO).status is kz.ObservationStatus.FINAL


def test_vocabulary_table_lists_every_member() -> None:
    """The *Data model* page's table of vocabularies names every member of each enum whose
    row lists its values, so a new member cannot be added without its documentation. Four
    rows describe a long vocabulary instead of listing it; the API page lists those."""
    import pathlib
    import re

    described = {"Country", "Sector", "Indicator", "Unit"}
    page = (pathlib.Path(__file__).resolve().parent.parent / "docs" / "data-model.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \{class\}`~kzaz_relations\.(\w+)` \| [^|]+\| ([^|]+)\|$", page, flags=re.MULTILINE)
    assert {name for name, _ in rows} >= described | {"EventKind", "Comparison", "VerdictStatus"}
    for name, cell in rows:
        if name in described:
            continue
        listed = {item.strip().rstrip(".").strip("`").lower() for item in cell.split(",")}
        missing = [
            m.name
            for m in getattr(kz, name)
            if not {str(m.value).lower(), m.name.lower(), m.name.lower().replace("_", " ")} & listed
        ]
        assert not missing, f"{name}: the vocabulary table does not list {missing}"
