"""The guarantees of ``docs/guarantees.md``, one section per guarantee.

1. Fuzzed loading: mutated data folders either load correctly or raise ``DataError``.
2. All-or-nothing: a failed load leaves no state behind.
3. No loss: every export/import path round-trips generated datasets exactly.
4. Deterministic output, whatever ``PYTHONHASHSEED`` is.
5. Immutability of loaded records; ``deepcopy`` and ``pickle`` work.
6. Safety of loading: JSON only, size and depth limits, symlinks.
7. Concurrency: ``load()`` from many threads.

The large fuzz run is opt-in::

    HYPOTHESIS_PROFILE=fuzz python -m pytest -m fuzz tests/test_guarantees.py -s
"""

from __future__ import annotations

import ast
import contextlib
import copy
import csv
import enum
import io
import json
import math
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from types import GenericAlias
from typing import Any, get_args, get_origin
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kzaz_relations as kz
from kzaz_relations import _io
from kzaz_relations import dataset as dataset_module
from kzaz_relations import strategies as kzst
from kzaz_relations._convert import _converter, dumps, loads, structure, unstructure
from kzaz_relations.dataset import METADATA_FILE, TABLES, Dataset
from kzaz_relations.errors import DataError, DataFormatError, IntegrityError, Problem
from kzaz_relations.export import export_csv, export_datapackage, export_json, read_csv
from kzaz_relations.model import (
    DATA_FORMAT,
    Agreement,
    AgreementKind,
    Citation,
    Claim,
    Comparison,
    Country,
    DatasetInfo,
    Event,
    EventKind,
    Indicator,
    MonolingualText,
    Observation,
    PartialDate,
    Period,
    Person,
    ReporterKind,
    Source,
    SourceKind,
    Statement,
    Unit,
)

PACKAGE = Path(kz.__file__).parent
DATA = PACKAGE / "data"
FILES = [METADATA_FILE, *(f"{n}.json" for n in TABLES)]
CLASSES: dict[str, type[Any]] = {METADATA_FILE: DatasetInfo, **{f"{n}.json": c for n, c in TABLES.items()}}


# --- writing JSON with faults a normal encoder refuses to produce -----------------------


@attrs.frozen
class Raw:
    """JSON text inserted as is: NaN, 1e400, a lone surrogate escape, deep brackets."""

    text: str


@attrs.frozen
class Pairs:
    """An object whose keys may repeat."""

    pairs: tuple[tuple[str, Any], ...]


def dump(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Pairs | dict):
        items = value.pairs if isinstance(value, Pairs) else value.items()
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {dump(v)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(v) for v in value) + "]"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return json.dumps(value, ensure_ascii=False)


def _reference_parse(data: bytes) -> Any:
    """An independent strict reading of a file: what a correct loader may accept at most."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            raise ValueError("duplicate key")
        return out

    def constant(name: str) -> Any:
        raise ValueError(name)

    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        raise ValueError("BOM")
    return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)


# --- what a loaded dataset must look like, given the files it came from -----------------


def _norm(value: Any, t: Any) -> Any:
    """A parsed JSON value in the canonical form the converter writes for type ``t``."""
    args = get_args(t)
    if type(None) in args:
        if value is None:
            return None
        t = next(a for a in args if a is not type(None))
        args = get_args(t)
    origin = get_origin(t)
    if origin is frozenset:
        return sorted(_norm(x, args[0]) for x in value)
    if origin is tuple:
        return [_norm(x, args[0]) for x in value]
    if t is Decimal:
        return "0" if value == "-0" else value
    if isinstance(t, type) and attrs.has(t) and t not in (PartialDate, Period):
        out = {}
        for a in attrs.fields(attrs.resolve_types(t)):
            if a.name not in value:
                continue
            v = _norm(value[a.name], a.type)
            if a.default is not attrs.NOTHING and (
                v == _norm(_converter().unstructure(a.default, unstructure_as=a.type), a.type)
                or (a.type is Decimal and Decimal(v) == a.default)
            ):
                continue
            out[a.name] = v
        return out
    return value


def assert_loaded_as_written(parsed: dict[str, Any], ds: Dataset) -> None:
    """Every record of ``ds`` says exactly what its file said: nothing dropped, added or altered."""
    assert _norm(parsed[METADATA_FILE], DatasetInfo) == unstructure(ds.info)
    for name in TABLES:
        rows = parsed[f"{name}.json"]
        table = ds.table(name)
        assert len(rows) == len(table)
        by_id = {row["id"]: row for row in rows}
        for record in table:
            assert _norm(by_id[record.id], TABLES[name]) == unstructure(record), (name, record.id)


def assert_located(exc: DataError, files: set[str] | None = None) -> None:
    """A data error lists at least one problem, and every problem says where it is."""
    assert exc.problems
    for p in exc.problems:
        assert isinstance(p, Problem)
        assert p.file, p
        assert p.path.startswith(("$", "line ")), p
        assert p.message, p
        if files is not None:
            assert p.file in files, p
    assert str(exc)


# --- the mutations ---------------------------------------------------------------------

_LONG = "Қазақстан–Azərbaycan " * 5000
JUNK: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 2**63, 10**18, 10**100, 10**4000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([Raw("1e400"), Raw("-1e400"), Raw("NaN"), Raw("Infinity"), Raw("-Infinity"), Raw("1" * 5000)]),
    st.text(max_size=20),
    st.sampled_from(["", " ", " padded ", "\t", "\u00a0x", "x\n", "\x00", _LONG, "x" * 200_000]),
    st.sampled_from([Raw('"\\ud800"'), Raw('"x\\udc00"'), Raw('"\\ud83d\\ude00"'), Raw('"\\u0000"')]),
    st.sampled_from(["2099-01-01", "2030", "2023-02-29", "2024-13", "2024-00-10", "0000", "99999", "2024-1-1"]),
    st.sampled_from(["2023/2022", "2023/2023", "2023-01/2023-01-31", "2020/2099"]),
    st.sampled_from(["1e5", "001", "-1", "1.", ".5", "1" * 70, "NaN", "Infinity", "-0", "461.90", "0.050"]),
    st.sampled_from(["no-such-id", "Not-An-Id", "kz", "KZ", "az", "energy", "treaty", "USD"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.integers(1, 40).map(lambda n: Raw("[" * n + "]" * n)),
    st.just(Raw("[" * 100_000 + "]" * 100_000)),
)
_REF_KEYS = {"visit", "meeting", "council", "project", "established_by", "source", "agreements"}
_DATE_KEYS = {
    "signed",
    "date",
    "start",
    "end",
    "published",
    "period",
    "in_force",
    "established",
    "since",
    "until",
    "released",
    "coverage",
}


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, (*path, i))


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _put(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(tree, path[:-1])[path[-1]] = value
    return tree


TREE_OPS = ("replace", "swap", "drop", "dup-key", "add-key", "dup-record", "same-id", "dangling", "future", "nest")
FILE_OPS = (
    "truncate",
    "bad-bytes",
    "encoding",
    "bom",
    "top-level",
    "empty",
    "garbage",
    "pickle",
    "yaml",
    "missing",
    "directory",
    "extra-json",
    "extra-other",
    "symlink-out",
    "symlink-in",
    "symlink-dangling",
    "symlink-loop",
)


def _mutate_tree(data: st.DataObject, tree: Any, op: str) -> Any:
    paths = list(_nodes(tree))
    if op == "replace":
        path = data.draw(st.sampled_from(paths), label="path")
        return _put(tree, path, data.draw(JUNK, label="value"))
    if op == "swap":
        a, b = data.draw(st.sampled_from(paths)), data.draw(st.sampled_from(paths))
        return _put(tree, a, copy.deepcopy(_get(tree, b)))
    if op == "nest":
        path = data.draw(st.sampled_from(paths))
        depth = data.draw(st.sampled_from([1, 2, _io.MAX_DEPTH - 2, _io.MAX_DEPTH, _io.MAX_DEPTH + 1, 200]))
        value = _get(tree, path)
        for _ in range(depth):
            value = [value]
        return _put(tree, path, value)
    dicts = [p for p in paths if isinstance(_get(tree, p), dict)]
    if op in ("drop", "dup-key", "add-key") and dicts:
        path = data.draw(st.sampled_from(dicts))
        obj = _get(tree, path)
        if op == "add-key":
            obj[data.draw(st.sampled_from(["extra", "id", "Id", "", "notes"]))] = data.draw(JUNK)
            return tree
        if not obj:
            return tree
        key = data.draw(st.sampled_from(sorted(obj)))
        if op == "drop":
            del obj[key]
            return tree
        twin = obj[key] if data.draw(st.booleans()) else data.draw(JUNK)
        return _put(tree, path, Pairs((*obj.items(), (key, twin))))
    if op in ("dup-record", "same-id") and isinstance(tree, list) and tree:
        i = data.draw(st.integers(0, len(tree) - 1))
        if op == "dup-record":
            tree.insert(data.draw(st.integers(0, len(tree))), copy.deepcopy(tree[i]))
        elif len(tree) > 1 and isinstance(tree[i], dict) and isinstance(tree[(i + 1) % len(tree)], dict):
            tree[i]["id"] = tree[(i + 1) % len(tree)].get("id")
        return tree
    if op in ("dangling", "future"):
        keys = _REF_KEYS if op == "dangling" else _DATE_KEYS
        targets = [p for p in paths if p and p[-1] in keys]
        if targets:
            path = data.draw(st.sampled_from(targets))
            old = _get(tree, path)
            new: Any = "no-such-id" if op == "dangling" else data.draw(st.sampled_from(["2099-01-01", "2031", "2099"]))
            return _put(tree, path, [new] if isinstance(old, list) else new)
    return tree


@attrs.define
class Folder:
    """A data folder being mutated: bytes per file, or a special entry."""

    content: dict[str, bytes]
    special: dict[str, str] = attrs.Factory(dict)
    extra: dict[str, bytes | None] = attrs.Factory(dict)  # None: a directory


def _mutate_file(data: st.DataObject, folder: Folder, name: str, op: str) -> None:
    raw = folder.content.get(name)
    if raw is None:
        return
    if op == "truncate":
        folder.content[name] = raw[: data.draw(st.integers(0, max(0, len(raw) - 1)))]
    elif op == "bad-bytes":
        at = data.draw(st.integers(0, len(raw)))
        junk = data.draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80", b"\t"]))
        folder.content[name] = raw[:at] + junk + raw[at:]
    elif op == "encoding":
        text = raw.decode("utf-8", "replace")
        codec = data.draw(st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1251"]))
        folder.content[name] = text.encode(codec, "replace")
    elif op == "bom":
        folder.content[name] = b"\xef\xbb\xbf" + raw
    elif op == "top-level":
        value = data.draw(st.one_of(JUNK, st.just({}), st.just([]), st.just({"records": []})))
        folder.content[name] = dump(value).encode("utf-8")
    elif op == "empty":
        folder.content[name] = b""
    elif op == "garbage":
        folder.content[name] = data.draw(st.binary(max_size=64))
    elif op == "pickle":
        folder.content[name] = pickle.dumps(raw)
    elif op == "yaml":
        folder.content[name] = b"!!python/object/apply:os.system ['echo unsafe']\n"
    elif op in ("missing", "directory", "symlink-out", "symlink-in", "symlink-dangling", "symlink-loop"):
        folder.special[name] = op
    elif op == "extra-json":
        folder.extra[data.draw(st.sampled_from(["extra.json", "visits.json.json", "notes.json"]))] = raw
    elif op == "extra-other":
        folder.extra[data.draw(st.sampled_from(["README.txt", ".hidden", "visits.json~", "sub"]))] = (
            None if data.draw(st.booleans()) else b"notes"
        )


def _write(folder: Folder, root: Path) -> Path:
    target = root / "data"
    target.mkdir()
    outside = root / "outside"
    outside.mkdir()
    for name, raw in folder.content.items():
        kind = folder.special.get(name)
        path = target / name
        if kind == "missing":
            continue
        if kind == "directory":
            path.mkdir()
            (path / name).write_bytes(raw)
        elif kind == "symlink-out":
            (outside / name).write_bytes(raw)
            path.symlink_to(outside / name)
        elif kind == "symlink-in":
            (target / f"_{name}.data").write_bytes(raw)
            path.symlink_to(f"_{name}.data")
        elif kind == "symlink-dangling":
            path.symlink_to("nowhere.json")
        elif kind == "symlink-loop":
            path.symlink_to(f"{name}.loop")
            (target / f"{name}.loop").symlink_to(name)
        else:
            path.write_bytes(raw)
    for name, raw in folder.extra.items():
        if raw is None:
            (target / name).mkdir(exist_ok=True)
        elif not (target / name).exists():
            (target / name).write_bytes(raw)
    return target


_TRIMMED: dict[str, Any] = {}


def _trimmed_packaged() -> dict[str, Any]:
    """A small valid folder cut from the packaged data: metadata, some events and figures, their sources."""
    if not _TRIMMED:
        ds = kz.load()
        events = list(ds.events)[:6]
        figures = [o for o in ds.observations if o.project is None][:6]
        cited = {c.source for r in [*events, *figures] for c in r.citations}
        tables = {n: [] for n in TABLES}
        tables.update(events=events, observations=figures, sources=[s for s in ds.sources if s.id in cited])
        trimmed = Dataset(ds.info, **tables)
        _TRIMMED.update(_files_of(trimmed))
    return copy.deepcopy(_TRIMMED)


def _files_of(ds: Dataset) -> dict[str, Any]:
    return {METADATA_FILE: unstructure(ds.info), **{f"{n}.json": unstructure(t.records) for n, t in ds.tables()}}


def mutated_folder(data: st.DataObject, stats: Counter[str]) -> Folder:
    """A valid folder with one to three mutations of its trees or files."""
    # Generating a dataset costs far more than loading one: a third of the bases are generated,
    # the rest are cut from the packaged data.
    if data.draw(st.integers(0, 2), label="base") == 0:
        trees = _files_of(data.draw(kzst.datasets(max_records=3), label="dataset"))
    else:
        trees = _trimmed_packaged()
    n_ops = data.draw(st.integers(1, 3), label="number of mutations")
    file_ops: list[tuple[str, str]] = []
    for _ in range(n_ops):
        name = data.draw(st.sampled_from(FILES), label="file")
        op = data.draw(st.sampled_from(TREE_OPS + FILE_OPS), label="mutation")
        stats[f"op:{op}"] += 1
        if op in TREE_OPS:
            trees[name] = _mutate_tree(data, trees[name], op)
        else:
            file_ops.append((name, op))
    folder = Folder({name: dump(tree).encode("utf-8", "surrogatepass") for name, tree in trees.items()})
    for name, op in file_ops:
        _mutate_file(data, folder, name, op)
    return folder


def fuzz_once(data: st.DataObject, stats: Counter[str] | None = None) -> None:
    """Mutate a valid folder, load it, and check that the result is right or a located DataError."""
    stats = stats if stats is not None else Counter()
    folder = mutated_folder(data, stats)
    packaged_before = dataset_module._PACKAGED
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(folder, Path(tmp))
        stats["inputs"] += 1
        try:
            ds = kz.load(path)
        except DataError as exc:
            stats[f"refused:{type(exc).__name__}"] += 1
            assert_located(exc, {*FILES, *folder.extra})
            assert dataset_module._PACKAGED is packaged_before
            return
    # It loaded: then every file must have been readable, and nothing may have been altered.
    stats["loaded"] += 1
    bad = {"missing", "directory", "symlink-out", "symlink-dangling", "symlink-loop"}
    assert not (set(folder.special.values()) & bad), folder.special
    assert not any(n.endswith(".json") for n, raw in folder.extra.items()), folder.extra
    assert_loaded_as_written({n: _reference_parse(raw) for n, raw in folder.content.items()}, ds)


# --- 1. fuzzed loading -------------------------------------------------------------------


@given(st.data())
def test_mutated_folders_load_correctly_or_raise_a_located_data_error(data: st.DataObject) -> None:
    fuzz_once(data)


def _outcome(path: Path) -> tuple[str, Any]:
    """What ``load(path)`` gives: the canonical files it would write, or the error and its problems."""
    try:
        ds = kz.load(path)
    except DataError as exc:
        return type(exc).__name__, exc.problems
    return "loaded", dataset_module._canonical_files(ds)


def _record_by_record() -> contextlib.ExitStack:
    """Turn off the loader's shortcuts: tables structured column-wise and checked table-wise."""
    from kzaz_relations import _convert, _integrity

    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(_convert, "structure_rows", return_value=None))
    stack.enter_context(mock.patch.object(_integrity, "_table_clean", return_value=False))
    return stack


# Values of the right type that a value check refuses (text, ids, URLs, codes, dates, numbers).
_BAD_LEAVES = ["", " ", " padded", "padded ", "Not-An-Id", "a--b", "-a", "not a url", "EN", "e", "2024-02-30", "-1"]


_LATER = {"end", "until", "ratified", "in_force", "published"}


def _bad_value(data: st.DataObject, trees: dict[str, Any]) -> None:
    """Give one text leaf of a table a value of the right type that a value check refuses, or
    repeat an item of one of its lists (a repeated id, a source cited twice), or empty a list;
    or make a record cite an unknown source, date a later field before the earlier one, give a
    figure a unit of another kind, or give two records one id."""
    kind = data.draw(st.sampled_from(["leaf", "list", "cite", "order", "unit", "same-id"]), label="kind")
    tables = sorted(n for n in trees if n != METADATA_FILE and trees[n])
    if kind == "unit" and "observations.json" in tables:  # the one table whose records have units
        tables = ["observations.json"]
    name = data.draw(st.sampled_from(tables), label="table")
    tree = trees[name]
    paths = list(_nodes(tree))
    leaves = [p for p in paths if p and isinstance(_get(tree, p), str)]
    lists = [p for p in paths if p and isinstance(_get(tree, p), list) and _get(tree, p)]
    cited = [p for p in leaves if p[-1] == "source"]
    later = [p for p in leaves if p[-1] in _LATER]
    units = [p for p in leaves if p[-1] == "unit"]
    if kind == "same-id" and len(tree) > 1:
        tree[-1]["id"] = tree[0]["id"]
    elif kind == "cite" and cited:
        _put(tree, data.draw(st.sampled_from(cited), label="citation"), "no-such-source")
    elif kind == "order" and later:
        _put(tree, data.draw(st.sampled_from(later), label="later date"), "1001-01-01")
    elif kind == "unit" and units:
        path = data.draw(st.sampled_from(units), label="unit")
        _put(tree, (*path[:-1], "indicator"), "trade.turnover")  # a money figure, given a unit that is not
        _put(tree, path, data.draw(st.sampled_from(["teu", "tonnes", "count", "km"]), label="wrong unit"))
    elif kind == "list" and lists:
        path = data.draw(st.sampled_from(lists), label="list")
        items = _get(tree, path)
        if data.draw(st.booleans(), label="empty it"):
            items.clear()
        else:
            items.append(copy.deepcopy(data.draw(st.sampled_from(items), label="repeated item")))
    elif leaves:
        _put(tree, data.draw(st.sampled_from(leaves), label="leaf"), data.draw(st.sampled_from(_BAD_LEAVES)))


@given(st.data())
def test_shortcuts_decide_as_the_record_by_record_checks(data: st.DataObject) -> None:
    """A valid table is structured column-wise and checked table-wise; anything else goes record
    by record. Whatever the input, the outcome must be the same as with the shortcuts off: the
    same records, or the same error with the same problems in the same order. Half the inputs
    get the fuzzer's mutations, half a value of the right type that a value check refuses."""
    if data.draw(st.booleans(), label="fuzzer's mutations"):
        folder = mutated_folder(data, Counter())
    else:
        generated = data.draw(st.booleans(), label="generated base")
        trees = (
            _files_of(data.draw(kzst.datasets(max_records=3), label="dataset")) if generated else _trimmed_packaged()
        )
        _bad_value(data, trees)
        folder = Folder({n: dump(tree).encode("utf-8") for n, tree in trees.items()})
    from kzaz_relations import _convert

    chunk = data.draw(st.sampled_from([_convert._CHUNK, 2]), label="records per column-wise pass")
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(folder, Path(tmp))
        with mock.patch.object(_convert, "_CHUNK", chunk):
            fast = _outcome(path)
        with _record_by_record():
            slow = _outcome(path)
    assert fast == slow


@given(st.one_of(kzst.partial_dates(min_year=1, max_year=9999), kzst.periods(min_year=1, max_year=9999)))
def test_table_wise_date_bounds_are_the_first_and_last_days(value: PartialDate | Period) -> None:
    """The table-wise integrity check compares dates as (year, month, day) tuples: they must be
    the first and last days that ``earliest`` and ``latest`` give."""
    from kzaz_relations._integrity import _bounds

    first, last, _ = _bounds(value, {})
    assert first == (value.earliest.year, value.earliest.month, value.earliest.day)
    assert last == (value.latest.year, value.latest.month, value.latest.day)


@pytest.mark.parametrize("chunk", [None, 7])
def test_shortcuts_are_taken_for_the_packaged_data(chunk: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged tables take the column-wise path (else the shortcut would be dead code),
    in one chunk or in many, and give the records that structuring one by one gives."""
    from kzaz_relations import _convert
    from kzaz_relations._convert import structure_rows

    if chunk is not None:
        monkeypatch.setattr(_convert, "_CHUNK", chunk)
    for name, cls in TABLES.items():
        rows = json.loads((DATA / f"{name}.json").read_bytes())
        fast = structure_rows(rows, cls)
        assert fast is not None, name
        assert fast == [structure(r, cls) for r in rows], name


FUZZ_INPUTS = 10_000


@pytest.mark.fuzz
def test_large_fuzz_run() -> None:
    """The opt-in large run: at least 10,000 mutated folders (``-m fuzz``)."""
    stats: Counter[str] = Counter()

    @settings(
        max_examples=max(FUZZ_INPUTS, settings.default.max_examples),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        fuzz_once(data, stats)

    run()
    print("\nfolder fuzz:", dict(sorted(stats.items())), flush=True)
    csv_stats: Counter[str] = Counter()

    @settings(max_examples=2_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.data())
    def run_csv(data: st.DataObject) -> None:
        fuzz_csv_once(data, csv_stats)

    run_csv()
    print("csv fuzz:", dict(sorted(csv_stats.items())))
    assert stats["inputs"] >= FUZZ_INPUTS


# Fuzzing the CSV reader: cells, columns and files of an export_csv folder.

_CSV_JUNK = st.one_of(
    st.text(max_size=12),
    st.sampled_from([" 7", "+3", "1_0", "٣", "007", "-1", "1e3", "[", "[NaN]", '{"a":1,"a":2}', "null", "x" * 200_000]),
    st.sampled_from(['["KZ","KZ"]', '["KZ"]', "[]", "{}", '[{"source":"no-such-id"}]', "2099", "2023-02-29"]),
    st.integers(1, 40).map(lambda n: "[" * n + "]" * n),
    st.just("[" * 100_000),
)


def fuzz_csv_once(data: st.DataObject, stats: Counter[str] | None = None) -> None:
    stats = stats if stats is not None else Counter()
    ds = data.draw(kzst.datasets(max_records=3), label="dataset")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export_csv(ds, folder)
        for _ in range(data.draw(st.integers(1, 3))):
            name = data.draw(st.sampled_from([*(f"{n}.csv" for n in TABLES), METADATA_FILE]))
            path = folder / name
            op = data.draw(st.sampled_from(["cell", "cell", "column", "row", "truncate", "bytes", "missing"]))
            stats[f"op:{op}"] += 1
            if not path.exists():
                continue
            if op == "missing":
                path.unlink()
                continue
            raw = path.read_bytes()
            if op == "truncate":
                path.write_bytes(raw[: data.draw(st.integers(0, len(raw)))])
                continue
            if op == "bytes":
                at = data.draw(st.integers(0, len(raw)))
                path.write_bytes(
                    raw[:at] + data.draw(st.sampled_from([b"\xff", b'"', b",", b"\n", b"\x00"])) + raw[at:]
                )
                continue
            if name == METADATA_FILE:
                continue
            try:
                rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
            except (UnicodeDecodeError, csv.Error):  # already broken by an earlier mutation
                continue
            if op == "column":
                rows = [[*r, "x"] for r in rows] if data.draw(st.booleans()) else [r[:-1] for r in rows]
            elif op == "row" and len(rows) > 1:
                rows.append(list(rows[data.draw(st.integers(1, len(rows) - 1))]))
            elif op == "cell" and len(rows) > 1:
                i = data.draw(st.integers(1, len(rows) - 1))
                if rows[i]:
                    rows[i][data.draw(st.integers(0, len(rows[i]) - 1))] = data.draw(_CSV_JUNK)
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(rows)
            path.write_text(buffer.getvalue(), encoding="utf-8")
        stats["inputs"] += 1
        try:
            loaded = read_csv(folder)
        except DataError as exc:
            stats[f"refused:{type(exc).__name__}"] += 1
            assert_located(exc)
            return
    stats["loaded"] += 1
    # What loaded is a valid dataset in its own right: it survives its own round trip.
    with tempfile.TemporaryDirectory() as tmp:
        export_csv(loaded, tmp)
        assert read_csv(tmp) == loaded


@settings(max_examples=min(50, settings.default.max_examples))
@given(st.data())
def test_mutated_csv_folders_read_correctly_or_raise_a_located_data_error(data: st.DataObject) -> None:
    fuzz_csv_once(data)


# Regression examples: each was found by the fuzzers above and fixed.


def _folder_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_regression_symlink_loop_is_a_data_error(tmp_path: Path) -> None:
    # Path.resolve() raised RuntimeError("Symlink loop") out of load().
    folder = _folder_copy(tmp_path)
    (folder / "visits.json").unlink()
    (folder / "visits.json").symlink_to("loop.json.tmp")
    (folder / "loop.json.tmp").symlink_to("visits.json")
    with pytest.raises(DataFormatError) as info:
        kz.load(folder)
    assert [(p.file, p.path) for p in info.value.problems] == [("visits.json", "$")]
    assert "cannot be followed" in info.value.problems[0].message


def test_regression_dangling_symlink_is_a_data_error(tmp_path: Path) -> None:
    folder = _folder_copy(tmp_path)
    (folder / "events.json").unlink()
    (folder / "events.json").symlink_to(tmp_path / "gone.json")
    with pytest.raises(DataFormatError) as info:
        kz.load(folder)
    assert info.value.problems[0].file == "events.json"


def test_regression_lone_surrogate_is_refused_at_its_path(tmp_path: Path) -> None:
    # A "\ud800" escape loaded as text that no export could then write (UnicodeEncodeError).
    folder = _folder_copy(tmp_path)
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    events[2]["title"] = "\ud800"
    (folder / "events.json").write_text(json.dumps(events), encoding="utf-8")
    with pytest.raises(DataFormatError) as info:
        kz.load(folder)
    assert [(p.file, p.path) for p in info.value.problems] == [("events.json", "$[2].title")]
    # A proper surrogate pair is one character and is fine.
    assert _io.parse_json('["\\ud83d\\ude00"]') == ["\U0001f600"]
    with pytest.raises(DataFormatError):
        _io.parse_json('{"k\\udfff": 1}')


@given(
    st.lists(st.sampled_from([b"\\", b"\\", b"u", b'"', b"a", "é".encode()]), max_size=40),
    st.integers(0, 300),
)
def test_u_escapes_are_never_missed(parts: list[bytes], escapes: int) -> None:
    """The quick scan for ``\\u`` escapes (which may bring in lone surrogates) agrees with the
    definition, a ``u`` after an odd run of backslashes; past its many-escapes limit it may say
    yes for an escaped backslash before a ``u`` (the exact check follows), never no for one."""
    data = b'\\"' * escapes + b"".join(parts)
    run = 0
    expected = False
    for byte in data:
        if byte == ord("\\"):
            run += 1
            continue
        if byte == ord("u") and run % 2 == 1:
            expected = True
        run = 0
    if data.count(b"\\") <= 256:
        assert _io._has_u_escape(data) == expected
    else:
        assert _io._has_u_escape(data) or not expected


def test_regression_read_csv_without_metadata_is_a_data_error(tmp_path: Path) -> None:
    # FileNotFoundError escaped from read_csv.
    export_csv(kz.load(), tmp_path)
    (tmp_path / METADATA_FILE).unlink()
    with pytest.raises(DataFormatError) as info:
        read_csv(tmp_path)
    assert info.value.problems[0].file == METADATA_FILE


def _set_cell(folder: Path, table: str, column: str, value: str, want: Callable[[str], bool] = bool) -> int:
    path = folder / f"{table}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = next(i for i, r in enumerate(rows) if want(r[column]))
    rows[i][column] = value
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return i


def test_regression_read_csv_deep_json_cell_is_a_data_error(tmp_path: Path) -> None:
    # RecursionError escaped from json.loads on a cell of 100,000 brackets.
    export_csv(kz.load(), tmp_path)
    _set_cell(tmp_path, "events", "countries", "[" * 100_000)
    with pytest.raises(DataFormatError) as info:
        read_csv(tmp_path)
    assert info.value.problems[0].file == "events.csv"
    assert info.value.problems[0].path.endswith(".countries")


def test_regression_read_csv_json_cells_are_read_strictly(tmp_path: Path) -> None:
    # A repeated key in a JSON cell was silently resolved to its last value.
    ds = kz.load()
    export_csv(ds, tmp_path)
    claim = next(s for s in ds.statements if s.claim is not None).claim
    assert claim is not None
    cell = json.dumps(unstructure(claim), separators=(",", ":"))
    _set_cell(tmp_path, "statements", "claim", cell.replace("{", '{"indicator":"trade.turnover",', 1), bool)
    with pytest.raises(DataFormatError, match="duplicate key"):
        read_csv(tmp_path)


@pytest.mark.parametrize("cell", [" 2", "+2", "1_0", "٣", "02", "2.0", "-1"])
def test_regression_read_csv_int_cells_are_digits_only(tmp_path: Path, cell: str) -> None:
    # int() took " 2", "+2", "1_0" and "٣" (Arabic-Indic three) and silently loaded a number.
    export_csv(kz.load(), tmp_path)
    _set_cell(tmp_path, "meetings", "ordinal", cell)
    with pytest.raises(DataError) as info:
        read_csv(tmp_path)
    assert info.value.problems[0].file == "meetings.csv"


def test_regression_read_csv_problems_point_at_the_csv_line(tmp_path: Path) -> None:
    # Problems found after decoding the cells named an intermediate "events.json" nobody has.
    export_csv(kz.load(), tmp_path)
    i = _set_cell(tmp_path, "events", "date", "2023-02-29")
    with pytest.raises(DataError) as info:
        read_csv(tmp_path)
    assert [(p.file, p.path) for p in info.value.problems] == [("events.csv", f"line {i + 2}.date")]


def test_regression_long_text_survives_csv(tmp_path: Path) -> None:
    # A text longer than the csv module's default cell limit (131,072 characters) was
    # exported but could not be read back ("field larger than field limit").
    ds = kz.load()
    event = ds.events.records[0]
    long = attrs.evolve(event, summary="Ақтау–Bakı " * 20_000 + "end")
    bigger = Dataset(ds.info, **{n: t.records for n, t in ds.tables()} | {"events": [long, *ds.events.records[1:]]})
    export_csv(bigger, tmp_path)
    assert read_csv(tmp_path) == bigger


def test_regression_bare_carriage_return_survives_csv(tmp_path: Path) -> None:
    ds = kz.load()
    event = attrs.evolve(ds.events.records[0], summary="first line\rsecond line")
    changed = Dataset(ds.info, **{n: t.records for n, t in ds.tables()} | {"events": [event, *ds.events.records[1:]]})
    export_csv(changed, tmp_path)
    assert read_csv(tmp_path) == changed


# --- 2. all-or-nothing -------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _wrong_shape(folder: Path) -> None:
    (folder / "visits.json").write_text("{}", encoding="utf-8")


def _truncated(folder: Path) -> None:
    (folder / "projects.json").write_bytes((folder / "projects.json").read_bytes()[:-100])


def _missing(folder: Path) -> None:
    (folder / "councils.json").unlink()


def _duplicate_id(folder: Path) -> None:
    events = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    (folder / "events.json").write_text(json.dumps([*events, events[0]], ensure_ascii=False), encoding="utf-8")


def _last_file_bad(folder: Path) -> None:  # every file but the last one is fine
    (folder / f"{list(TABLES)[-1]}.json").write_text("[{}]", encoding="utf-8")


@pytest.mark.parametrize("breakage", [_wrong_shape, _truncated, _missing, _duplicate_id, _last_file_bad])
def test_failed_load_leaves_no_state_and_a_good_load_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breakage: Callable[[Path], None]
) -> None:
    monkeypatch.setattr(dataset_module, "_PACKAGED", None)
    good = _folder_copy(tmp_path)
    bad = tmp_path / "bad"
    shutil.copytree(DATA, bad)
    breakage(bad)
    before = _snapshot(bad)
    with pytest.raises(DataError):
        kz.load(bad)
    assert dataset_module._PACKAGED is None  # nothing cached
    assert _snapshot(bad) == before  # nothing written
    assert kz.load(good) == kz.load()
    assert kz.load() is kz.load()


def test_failed_packaged_load_caches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataset_module, "_PACKAGED", None)
    broken = tmp_path / "pkg" / "data"
    shutil.copytree(DATA, broken)
    (broken / "metadata.json").write_text("[]", encoding="utf-8")
    monkeypatch.setattr(dataset_module, "_packaged_folder", lambda: broken)
    for _ in range(2):  # a failure is not remembered either: it is retried, and fails again
        with pytest.raises(DataError):
            kz.load()
        assert dataset_module._PACKAGED is None
    monkeypatch.undo()
    monkeypatch.setattr(dataset_module, "_PACKAGED", None)
    ds = kz.load()
    assert ds is kz.load()
    assert len(ds) > 0


# --- 3. no loss --------------------------------------------------------------------------

_TEXTS = [
    "Қазақстан Республикасы мен Әзірбайжан Республикасы арасындағы келісім",  # Kazakh Cyrillic
    "Qazaqstan Respýblıkasy men Ázerbaıjan Respýblıkasy",  # Kazakh Latin (2021)
    "Azərbaycan Respublikası ilə Qazaxıstan Respublikası arasında saziş",  # Azerbaijani Latin
    "Азәрбајҹан Республикасы",  # Azerbaijani Cyrillic
    'Quotes "inside", commas, and\na line break; «ёлочки» — dashes',
]


def _tricky() -> Dataset:
    """A hand-made dataset with the cases the round trips must keep exactly."""
    cite = (Citation(source="src-one"),)
    dates = [PartialDate.parse(t) for t in ("2024", "2024-02", "2024-02-29", "1991-12-16")]
    source = Source(
        id="src-one", publisher=_TEXTS[0], title=_TEXTS[4], kind=SourceKind.NEWS_AGENCY, url="https://x.example/ä"
    )
    second = Source(
        id="src-two", publisher=_TEXTS[3], title="Bare", kind=SourceKind.LEGAL_DATABASE, reference=_TEXTS[2]
    )
    agreement = Agreement(
        id="agr-one",
        title=_TEXTS[1],
        kind=AgreementKind.AGREEMENT,
        signed=dates[2],
        countries=frozenset(Country),
        sectors=frozenset(),  # empty, not omitted
        citations=(Citation(source="src-two", supports="title, signed"), *cite),
        titles=(MonolingualText(text=_TEXTS[3], language="kk"), MonolingualText(text=_TEXTS[2], language="az")),
        signatories=("person-one",),
    )
    person = Person(id="person-one", name=_TEXTS[1], citations=cite)
    events = [
        Event(id=f"ev-{i}", kind=EventKind.OTHER, date=d, title=_TEXTS[i % len(_TEXTS)], citations=cite)
        for i, d in enumerate(dates)
    ]
    observations = [
        Observation(
            id=f"obs-{i}",
            indicator=Indicator.TRADE_TURNOVER,
            period=Period.parse(p),
            value=Decimal(v),
            unit=Unit.USD_MILLION,
            reporter_kind=ReporterKind.STATISTICS,
            citations=cite,
        )
        for i, (p, v) in enumerate(
            [
                ("2023", "461.90"),
                ("2023-01/2023-09", "0.00000000000000000001"),
                ("2024-02", "123456789012345678.123456789012345678"),
                ("2024-02-29", "0"),
                ("2022/2023-06-30", "1000000000000000000000000000000000000000.5"),
                ("2021", "0.000"),
            ]
        )
    ]
    claim = Claim(
        indicator=Indicator.TRADE_TURNOVER,
        comparison=Comparison.CHANGE_PERCENT,
        periods=(Period.parse("2022"), Period.parse("2023")),
        stated=Decimal("-12.3400"),
        tolerance=Decimal("0.10"),
    )
    statement = Statement(
        id="st-one", speaker="person-one", date=dates[1], summary=_TEXTS[0], citations=cite, claim=claim
    )
    info = DatasetInfo(
        title=_TEXTS[0],
        version="1.2.3",
        released=PartialDate.parse("2026-01"),
        coverage=Period.parse("1991/2026"),
        licence="CC-BY-4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        citation=_TEXTS[2],
        description=_TEXTS[4],
        format=DATA_FORMAT,
    )
    return Dataset(
        info,
        people=[person],
        sources=[source, second],
        agreements=[agreement],
        events=events,
        observations=observations,
        statements=[statement],
    )


def test_the_tricky_dataset_covers_the_cases() -> None:
    ds = _tricky()
    assert {d.precision.name for d in (e.date for e in ds.events)} == {"YEAR", "MONTH", "DAY"}
    assert max(len(str(o.value)) for o in ds.observations) > 30
    from kzaz_relations._integrity import check

    assert check({n: t.records for n, t in ds.tables()}, ds.info) == []


def _same(a: Dataset, b: Dataset) -> None:
    assert a == b
    # Equal Decimals may still differ in digits (1.0 == 1.00): compare the written form too.
    assert _files_of(a) == _files_of(b)


def _written(folder: str | Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@given(kzst.datasets())
@example(_tricky())
def test_generated_datasets_round_trip_exactly_through_every_path(ds: Dataset) -> None:
    """structure/unstructure, JSON text, JSON folder, CSV and Data Package: nothing lost or changed.

    Generating a dataset is the expensive part, so this one property covers every path,
    the byte-identical re-export (4) and the immutability of what was loaded (5).
    """
    for name, cls in CLASSES.items():
        value = ds.info if name == METADATA_FILE else ds.table(name[:-5]).records
        t: Any = cls if name == METADATA_FILE else GenericAlias(tuple, (cls, ...))
        plain = unstructure(value)
        assert structure(plain, t) == value
        assert unstructure(structure(plain, t)) == plain
        assert loads(dumps(value), t) == value
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        export_json(ds, root / "json")
        export_csv(ds, root / "csv")
        export_datapackage(ds, root / "dp")
        first = _written(root)
        from_json = kz.load(root / "json")
        _same(from_json, ds)
        _same(read_csv(root / "csv"), ds)
        _same(read_csv(root / "dp"), ds)
        descriptor = json.loads((root / "dp" / "datapackage.json").read_text(encoding="utf-8"))
        assert {r["path"] for r in descriptor["resources"]} == {p.name for p in (root / "dp").glob("*.csv")}
        shutil.rmtree(root / "json")
        export_json(from_json, root / "json")
        export_csv(from_json, root / "csv")
        export_datapackage(from_json, root / "dp")
        assert _written(root) == first
    assert_deeply_immutable(from_json)
    assert_copies_are_equal(from_json)


def test_packaged_dataset_round_trips_through_every_path(tmp_path: Path) -> None:
    ds = kz.load()
    export_json(ds, tmp_path / "json")
    export_csv(ds, tmp_path / "csv")
    export_datapackage(ds, tmp_path / "dp")
    for back in (kz.load(tmp_path / "json"), read_csv(tmp_path / "csv"), read_csv(tmp_path / "dp")):
        _same(back, ds)


# --- 4. deterministic output -------------------------------------------------------------

_CLI_RUNS = [
    ["overview", "--json"],
    ["timeline", "--json"],
    ["agreements", "--json"],
    ["projects", "--json"],
    ["councils", "--json"],
    ["trade", "--json"],
    ["show", "declaration-strategic-relations-allied-interaction-2022", "--json"],
    ["search", "caspian", "transport", "--json"],
    ["check", "--json"],
    ["schema"],
]

_DIGEST_SCRIPT = """
import contextlib, hashlib, io, json, sys, tempfile
from pathlib import Path
import kzaz_relations as kz
from kzaz_relations import cli, export

runs, tricky = json.loads(sys.argv[1]), sys.argv[2]
out = {}
for name, ds in (("packaged", kz.load()), ("tricky", kz.load(tricky))):
    for fmt, writer in (("json", export.export_json), ("csv", export.export_csv), ("dp", export.export_datapackage)):
        with tempfile.TemporaryDirectory() as tmp:
            writer(ds, tmp)
            for p in sorted(Path(tmp).iterdir()):
                out[f"{name}/{fmt}/{p.name}"] = hashlib.sha256(p.read_bytes()).hexdigest()
for args in runs:
    for data in ([], ["--data", tricky]):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = cli.main([*data, *args])
        out[" ".join([*data[:1], *args])] = [code, hashlib.sha256(buffer.getvalue().encode()).hexdigest()]
print(json.dumps(out, sort_keys=True))
"""


@pytest.fixture(scope="module")
def tricky_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tricky")
    export_json(_tricky(), folder)
    return folder


def _digests(tricky: Path, seed: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", _DIGEST_SCRIPT, json.dumps(_CLI_RUNS), str(tricky)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    digests: dict[str, Any] = json.loads(result.stdout)
    return digests


@pytest.fixture(scope="module")
def reference_digests(tricky_folder: Path) -> dict[str, Any]:
    return _digests(tricky_folder, "0")


@pytest.mark.parametrize("seed", ["1", "4242", "random"])
def test_output_is_byte_identical_across_hash_seeds(
    tricky_folder: Path, reference_digests: dict[str, Any], seed: str
) -> None:
    assert len(reference_digests) > 40
    assert all(v[0] == 0 for key, v in reference_digests.items() if isinstance(v, list) and not key.startswith("--"))
    assert _digests(tricky_folder, seed) == reference_digests


# --- 5. immutability ---------------------------------------------------------------------

_IMMUTABLE_LEAVES = (str, int, bool, Decimal, enum.Enum, type(None))


def _reachable(value: Any, path: str = "$") -> Iterator[tuple[str, Any]]:
    yield path, value
    if attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            yield from _reachable(getattr(value, a.name), f"{path}.{a.name}")
    elif isinstance(value, tuple | frozenset | list | dict | set):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            yield from _reachable(v, f"{path}[{k}]")


def assert_deeply_immutable(ds: Dataset) -> None:
    assert isinstance(ds.info, DatasetInfo)
    roots: list[tuple[str, Any]] = [("info", ds.info)]
    for name, table in ds.tables():
        assert type(table.records) is tuple
        roots += [(f"{name}/{r.id}", r) for r in table]
    for label, root in roots:
        for path, value in _reachable(root, label):
            assert not isinstance(value, list | dict | set | bytearray), path
            assert isinstance(value, (*_IMMUTABLE_LEAVES, tuple, frozenset)) or attrs.has(type(value)), path
            if attrs.has(type(value)):
                first = attrs.fields(type(value))[0].name
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(value, first, getattr(value, first))
    for name in ("info", "events"):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(ds, name, None)


def assert_copies_are_equal(ds: Dataset) -> None:
    for _, table in ds.tables():
        for r in table:
            assert copy.deepcopy(r) == r
            assert pickle.loads(pickle.dumps(r)) == r
            assert copy.copy(r) == r
    assert pickle.loads(pickle.dumps(ds.info)) == ds.info
    assert pickle.loads(pickle.dumps(ds)) == ds
    assert copy.deepcopy(ds) == ds


def test_packaged_records_are_deeply_immutable_and_copyable() -> None:
    ds = kz.load()
    assert_deeply_immutable(ds)
    assert_copies_are_equal(ds)


def test_errors_pickle_too() -> None:
    exc = IntegrityError([Problem("events.json", "$[1].id", "duplicate id 'x'")], "1 integrity problem(s)")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is IntegrityError
    assert back.problems == exc.problems


# --- 6. safety of loading ----------------------------------------------------------------


def test_no_unsafe_decoders_in_the_package() -> None:
    banned_modules = {"pickle", "marshal", "shelve", "yaml", "dill", "cloudpickle", "jsonpickle"}
    banned_calls = {"eval", "exec", "compile", "__import__"}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & banned_modules, path
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] not in banned_modules, path
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in banned_calls, (path, node.func.id)


@pytest.mark.parametrize(
    "content",
    [
        pickle.dumps([{"id": "x"}]),
        b"!!python/object/apply:os.system ['echo unsafe']\n",
        b"- id: x\n  title: YAML\n",
        b"__import__('os').system('echo unsafe')",
        b"[{'id': 'x'}]",  # a Python literal, not JSON
    ],
)
def test_only_json_is_read(tmp_path: Path, content: bytes) -> None:
    folder = _folder_copy(tmp_path)
    (folder / "events.json").write_bytes(content)
    with pytest.raises(DataFormatError) as info:
        kz.load(folder)
    assert [p.file for p in info.value.problems] == ["events.json"]


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder_copy(tmp_path)
    with (folder / "sources.json").open("r+b") as f:  # sparse: no disk or memory used
        f.truncate(_io.MAX_FILE_BYTES + 1)
    read = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "sources.json", "an oversized file was read"
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    with pytest.raises(DataFormatError) as info:
        kz.load(folder)
    assert [(p.file, p.path) for p in info.value.problems] == [("sources.json", "$")]
    assert str(_io.MAX_FILE_BYTES) in info.value.problems[0].message


def test_oversized_text_is_refused_by_the_parser() -> None:
    with pytest.raises(DataFormatError, match="larger than the limit"):
        _io.parse_json(b" " * (_io.MAX_FILE_BYTES + 1), "big.json")


def test_nesting_limit() -> None:
    deepest = "[" * _io.MAX_DEPTH + "]" * _io.MAX_DEPTH
    assert _io.parse_json(deepest) is not None
    for depth in (_io.MAX_DEPTH + 1, 10_000, 1_000_000):
        with pytest.raises(DataFormatError, match="nested deeper"):
            _io.parse_json("[" * depth + "]" * depth)
    # Brackets inside strings do not count.
    assert _io.parse_json(json.dumps(["[" * 1000])) == ["[" * 1000]


def test_too_deep_data_file_is_refused(tmp_path: Path) -> None:
    folder = _folder_copy(tmp_path)
    (folder / "events.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    with pytest.raises(DataFormatError, match="nested deeper"):
        kz.load(folder)


def _nesting(t: Any, seen: frozenset[Any] = frozenset()) -> int:
    """How deep arrays and objects can nest in the JSON form of a value of type ``t``."""
    args = [a for a in get_args(t) if a is not type(None) and a is not Ellipsis]
    if get_origin(t) in (tuple, frozenset):
        return 1 + max(_nesting(a, seen) for a in args)
    if args:  # X | None
        return max(_nesting(a, seen) for a in args)
    if isinstance(t, type) and attrs.has(t) and t not in (PartialDate, Period):
        assert t not in seen, f"{t.__name__} nests in itself"
        return 1 + max((_nesting(f.type, seen | {t}) for f in attrs.fields(attrs.resolve_types(t))), default=0)
    return 0


@pytest.mark.parametrize("table", sorted(TABLES))
def test_the_model_nests_far_less_than_the_depth_limit(table: str) -> None:
    """A table whose records all structure is not walked for its depth (see the Performance
    page): that is sound only while the model's own shapes are shallower than MAX_DEPTH."""
    depth = 1 + _nesting(TABLES[table])  # the file is an array of records
    assert 2 <= depth < _io.MAX_DEPTH // 2, depth


def test_a_deep_value_inside_a_record_is_refused_for_its_depth(tmp_path: Path) -> None:
    """Too deep inside a record: still refused as too deep (the column-wise path turns it down)."""
    folder = _folder_copy(tmp_path)
    rows = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    deep: Any = "x"
    for _ in range(_io.MAX_DEPTH + 5):
        deep = [deep]
    rows[0]["title"] = deep
    (folder / "events.json").write_text(json.dumps(rows), encoding="utf-8")
    with pytest.raises(DataFormatError, match="nested deeper"):
        kz.load(folder)


@pytest.mark.parametrize("table", ["people", "sources", "agreements"])
def test_a_table_of_the_wrong_shape_is_one_problem_not_hundreds(tmp_path: Path, table: str) -> None:
    """A table file that is not an array is reported once; the references into it are not
    reported as dangling (as for a file that cannot be parsed)."""
    folder = _folder_copy(tmp_path)
    (folder / f"{table}.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        kz.load(folder)
    assert [(p.file, p.path) for p in caught.value.problems] == [(f"{table}.json", "$")]


def test_symlink_leaving_the_folder_is_refused(tmp_path: Path) -> None:
    folder = _folder_copy(tmp_path)
    outside = tmp_path / "elsewhere.json"
    shutil.move(folder / "sources.json", outside)
    (folder / "sources.json").symlink_to(outside)
    with pytest.raises(DataFormatError) as info:
        kz.load(folder)
    assert [(p.file, p.message) for p in info.value.problems] == [
        ("sources.json", "a symbolic link that leaves the data folder")
    ]
    relative = tmp_path / "second"
    shutil.copytree(DATA, relative)
    (relative / "sources.json").unlink()
    (relative / "sources.json").symlink_to("../elsewhere.json")
    with pytest.raises(DataFormatError):
        kz.load(relative)


def test_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    folder = _folder_copy(tmp_path)
    (folder / "store").mkdir()
    shutil.move(folder / "sources.json", folder / "store" / "sources.data")
    (folder / "sources.json").symlink_to(Path("store") / "sources.data")
    assert kz.load(folder) == kz.load()


# --- 7. concurrency ----------------------------------------------------------------------


def _run_threads(n: int, worker: Callable[[], None]) -> None:
    """Start ``n`` threads running ``worker`` and wait for them all."""
    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_many_threads_get_the_same_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataset_module, "_PACKAGED", None)
    n = 32
    barrier = threading.Barrier(n)
    results: list[Dataset] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(kz.load())
        except BaseException as exc:
            errors.append(exc)

    _run_threads(n, worker)
    assert errors == []
    assert len(results) == n
    assert all(r is results[0] for r in results)
    assert kz.load() is results[0]


def test_many_threads_load_a_folder_and_query_it(tmp_path: Path) -> None:
    folder = _folder_copy(tmp_path)
    n = 16
    barrier = threading.Barrier(n)
    results: list[Any] = []
    errors: list[BaseException] = []
    shared = kz.load()

    def worker() -> None:
        try:
            barrier.wait()
            ds = kz.load(folder)
            # Lazily built indexes on a shared dataset are built once, safely.
            results.append(
                (ds, shared.timeline(), shared.search("caspian"), shared.related(shared.meetings.records[0]))
            )
        except BaseException as exc:
            errors.append(exc)

    _run_threads(n, worker)
    assert errors == []
    assert all(r[0] == shared for r in results)
    assert all(r[1:] == results[0][1:] for r in results)


# --- the packaged fast path never serves changed files unchecked ----------------------------


def _packaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    monkeypatch.setattr(dataset_module, "_PACKAGED", None)
    monkeypatch.setattr(dataset_module, "_packaged_folder", lambda: folder)
    return folder


def test_packaged_digests_are_current() -> None:
    from kzaz_relations.dataset import canonical_problems

    assert canonical_problems() == [], "run: kzaz format src/kzaz_relations/data"


def test_packaged_data_matches_the_fully_checked_load() -> None:
    assert kz.load() == kz.load(DATA)


def test_a_changed_packaged_file_gets_every_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _packaged_copy(tmp_path, monkeypatch)
    rows = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    rows[0]["date"] = "2024-02-30"  # invalid, and the digest no longer matches
    (folder / "events.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ds = kz.load()  # the untouched tables are still served from their checked bytes
    assert len(ds.agreements) > 0
    with pytest.raises(DataError) as caught:
        ds.events.first()
    assert any(p.file == "events.json" and "2024-02-30" in p.message for p in caught.value.problems)
    reads = []
    monkeypatch.setattr(dataset_module, "_read", lambda *a, **k: reads.append(a))
    for name in ("events", "statements"):  # later touches raise the same error, without reading again
        with pytest.raises(DataError) as again:
            ds.table(name).first()
        assert again.value is caught.value
    assert reads == []


def test_a_valid_edit_is_checked_and_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _packaged_copy(tmp_path, monkeypatch)
    rows = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    rows[0]["title"] = "A corrected title"
    (folder / "events.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ds = kz.load()
    assert ds.events.first().title == "A corrected title"
    assert ds == kz.load(folder)


def test_missing_digests_mean_every_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _packaged_copy(tmp_path, monkeypatch)
    (folder / "SHA256SUMS").unlink()
    (folder / "metadata.json").write_text("[]", encoding="utf-8")
    with pytest.raises(DataError):
        kz.load()


def test_too_deep_before_a_lone_surrogate_as_the_full_parse_reports_it(tmp_path: Path) -> None:
    """A table nested too deep that also holds a lone surrogate is reported as too deep, as the
    full parse (depth walked first) reports it."""
    folder = _folder_copy(tmp_path)
    text = (folder / "events.json").read_text(encoding="utf-8")
    deep = "[" * 40 + "]" * 40
    (folder / "events.json").write_text(text.replace('"id":', f'"x": {deep}, "t": "\\ud800", "id":', 1))
    with pytest.raises(DataFormatError, match="nested deeper"):
        kz.load(folder)


def test_a_bare_text_check_on_an_optional_field_still_refuses_none() -> None:
    """The inline value checks let None through only where the field's validator allows it."""
    from kzaz_relations.model._base import _id, _text

    @attrs.frozen
    class T:
        x: str | None = attrs.field(default="a", validator=_text)
        y: str | None = attrs.field(default="a", validator=_id)

    with pytest.raises(kz.ValidationError):
        structure({"x": None}, T)
    with pytest.raises(kz.ValidationError):
        structure({"y": None}, T)
