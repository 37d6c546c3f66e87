"""Exports: canonical JSON folders, flat CSV, a Frictionless Data Package, and back.

CSV layout (one ``<table>.csv`` per table, plus ``metadata.json``; UTF-8, RFC 4180 with
``\r\n`` line ends, cells quoted where needed):

* one column per field of the record class, in field order;
* scalars as text: dates and periods as ISO text, decimals as plain digits, enums as
  their value; an empty cell is a field left at its default (``None`` or empty);
* lists, sets and nested objects (``countries``, ``citations``, ``milestones``,
  ``claim``…) as compact JSON in the cell — the lexical form Table Schema uses for
  its ``array`` and ``object`` types — so every value round-trips exactly;
* a derived link table ``citations.csv`` (``table``, ``record``, ``position``,
  ``source``, ``supports``) lists every citation, including those of nested records
  (milestones, offices, co-chairs…) under their record, so tools can join records to
  sources; it is ignored when reading back.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any, get_origin

import attrs

from ._lazy import require
from ._tabular import columns as _columns
from ._tabular import flat_rows
from ._tabular import is_json_cell as _is_json_cell
from .dataset import METADATA_FILE, TABLES, Dataset, _read, write_folder
from .errors import Problem
from .model import PartialDate, Period, citations_of, references
from .model._base import unwrap_optional

__all__ = ["datapackage", "export_csv", "export_datapackage", "export_graphml", "export_json", "flat_rows", "read_csv"]


def _csv_text(rows: Iterable[dict[str, str]], columns: list[str]) -> str:
    buffer = io.StringIO()
    # RFC 4180 line ends: with "\r\n" as the terminator the writer quotes any cell holding
    # "\r" or "\n", so a text with a bare carriage return reads back unchanged.
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def export_json(dataset: Dataset, path: str | PathLike[str]) -> list[Path]:
    """Write the dataset as a canonical JSON data folder (the packaged layout)."""
    return write_folder(dataset, path)


def _citation_rows(dataset: Dataset) -> Iterator[dict[str, str]]:
    for name, table in dataset.tables():
        if name == "sources":
            continue
        for record in table:
            for i, (_, c) in enumerate(citations_of(record)):
                yield {
                    "table": name,
                    "record": record.id,
                    "position": str(i),
                    "source": c.source,
                    "supports": c.supports or "",
                }


def export_csv(dataset: Dataset, path: str | PathLike[str]) -> list[Path]:
    """Write one CSV per table, ``citations.csv`` and ``metadata.json`` into a folder."""
    from ._convert import dumps

    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in dataset.tables():
        cls = TABLES[name]
        target = folder / f"{name}.csv"
        target.write_text(_csv_text(flat_rows(table, cls), [a.name for a in _columns(cls)]), encoding="utf-8")
        written.append(target)
    target = folder / "citations.csv"
    target.write_text(
        _csv_text(_citation_rows(dataset), ["table", "record", "position", "source", "supports"]), encoding="utf-8"
    )
    written.append(target)
    target = folder / METADATA_FILE
    target.write_text(dumps(dataset.info), encoding="utf-8")
    written.append(target)
    return written


_INT_RE = re.compile(r"0|[1-9][0-9]*")


def _cell_value(a: attrs.Attribute[Any], text: str) -> Any:
    from ._io import parse_json
    from .errors import DataFormatError

    if _is_json_cell(a.type):
        try:
            return parse_json(text)
        except DataFormatError as exc:
            raise ValueError("; ".join(p.message for p in exc.problems)) from None
    base = unwrap_optional(a.type)[0]
    if base is int:
        # int() would also take " 7", "+7", "1_0" and non-ASCII digits: accept only what export_csv writes.
        if _INT_RE.fullmatch(text) is None or len(text) > 4000:
            raise ValueError(f"expected a whole number written in digits, got {text!r:.60}")
        return int(text)
    return text


def _csv_location(problem: Problem, lines: dict[str, list[int]]) -> Problem:
    """Point a problem found in the intermediate JSON back at the CSV file and line it came from."""
    table = (problem.file or "").removesuffix(".json")
    if table not in lines:
        return problem
    m = re.match(r"\$\[([0-9]+)\]", problem.path)
    path = problem.path
    if m is not None and int(m.group(1)) < len(lines[table]):
        path = f"line {lines[table][int(m.group(1))]}{problem.path[m.end() :]}"
    return Problem(f"{table}.csv", path, problem.message)


def read_csv(path: str | PathLike[str]) -> Dataset:
    """Read a folder written by :func:`export_csv` back into a :class:`Dataset`.

    The cells are decoded by the column's field type and the records go through the same
    converter and integrity check as :func:`kzaz_relations.load`; problems are reported
    at the CSV file and line they come from. Files larger than the loader's size limit
    (``MAX_FILE_BYTES``, 32 MiB) are refused, as for ``load``.

    Raises:
        DataError: listing every problem, as for ``load``.
    """
    import tempfile

    from ._io import MAX_FILE_BYTES
    from .errors import DataError, DataFormatError

    # A long text field is a long CSV cell: allow cells as large as a whole data file.
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)
    folder = Path(path)
    problems = []
    lines: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        try:
            if (folder / METADATA_FILE).stat().st_size > MAX_FILE_BYTES:
                problems.append(Problem(METADATA_FILE, "$", f"larger than the limit of {MAX_FILE_BYTES} bytes"))
            else:
                (out / METADATA_FILE).write_bytes((folder / METADATA_FILE).read_bytes())
        except OSError as exc:
            problems.append(Problem(METADATA_FILE, "$", f"cannot read: {exc.strerror or exc}"))
        for name, cls in TABLES.items():
            columns = {a.name: a for a in _columns(cls)}
            rows = []
            starts = lines[name] = []
            file = f"{name}.csv"
            try:
                if (folder / file).stat().st_size > MAX_FILE_BYTES:
                    problems.append(Problem(file, "$", f"larger than the limit of {MAX_FILE_BYTES} bytes"))
                    continue
                with (folder / file).open(encoding="utf-8", newline="") as f:
                    reader = csv.DictReader(f)
                    end = 1
                    for row in reader:
                        line, end = end + 1, reader.line_num
                        record = {}
                        for key, text in row.items():
                            if key not in columns:
                                problems.append(Problem(file, f"line {line}", f"unknown column {key!r:.60}"))
                                continue
                            if text:
                                try:
                                    record[key] = _cell_value(columns[key], text)
                                except ValueError as exc:
                                    problems.append(Problem(file, f"line {line}.{key}", f"bad cell: {exc}"))
                        rows.append(record)
                        starts.append(line)
            except (OSError, UnicodeDecodeError, csv.Error) as exc:
                problems.append(Problem(file, "$", f"cannot read: {exc}"))
            (out / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        if problems:
            raise DataFormatError(problems, f"{len(problems)} problem(s) in the CSV files")
        try:
            return _read(out, check_links=True)
        except DataError as exc:
            raise type(exc)([_csv_location(p, lines) for p in exc.problems], str(exc).split(":\n")[0]) from None


# --- Frictionless Data Package ---------------------------------------------------


def _foreign_keys(cls: type[Any]) -> list[dict[str, Any]]:
    """Foreign keys derived from the declared references: a top-level field holding one id of one
    table becomes a key (Table Schema cannot key a list, a nested field or an id of either of two tables)."""
    return [
        {"fields": [r.label], "reference": {"resource": r.targets[0], "fields": ["id"]}}
        for r in references(cls)
        if len(r.path) == 1 and not r.many and len(r.targets) == 1
    ]


def _field_schema(a: attrs.Attribute[Any]) -> dict[str, Any]:
    import enum

    base, optional = unwrap_optional(a.type)
    field: dict[str, Any] = {"name": a.name}
    if a.__doc__:
        field["description"] = a.__doc__
    constraints: dict[str, Any] = {}
    origin = get_origin(base)
    if origin in (tuple, frozenset):
        field["type"] = "array"
    elif base in (PartialDate, Period):
        field["type"] = "string"
        constraints["pattern"] = r"\d{4}(-\d{2}(-\d{2})?)?" + (r"(/\d{4}(-\d{2}(-\d{2})?)?)?" if base is Period else "")
    elif isinstance(base, type) and attrs.has(base):
        field["type"] = "object"
    elif base is int:
        field["type"] = "integer"
        constraints["minimum"] = 0
    elif base is Decimal:
        field["type"] = "number"
    elif isinstance(base, type) and issubclass(base, enum.Enum):
        field["type"] = "string"
        constraints["enum"] = [m.value for m in base]
    else:
        field["type"] = "string"
    if a.default is attrs.NOTHING and not optional:
        constraints["required"] = True
    if a.name == "id":
        constraints["unique"] = True
        constraints["pattern"] = r"[a-z0-9]+(-[a-z0-9]+)*"
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(dataset: Dataset) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor (Data Package v2) for a CSV export of ``dataset``."""
    info = dataset.info
    resources = []
    for name, cls in TABLES.items():
        schema: dict[str, Any] = {
            "fields": [_field_schema(a) for a in _columns(cls)],
            "primaryKey": ["id"],
            "missingValues": [""],
        }
        fks = _foreign_keys(cls)
        if fks:
            schema["foreignKeys"] = fks
        resources.append(
            {
                "name": name,
                "type": "table",
                "path": f"{name}.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    resources.append(
        {
            "name": "citations",
            "type": "table",
            "path": "citations.csv",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    {
                        "name": "table",
                        "type": "string",
                        "constraints": {"required": True, "enum": [n for n in TABLES if n != "sources"]},
                    },
                    {"name": "record", "type": "string", "constraints": {"required": True}},
                    {"name": "position", "type": "integer", "constraints": {"required": True, "minimum": 0}},
                    {"name": "source", "type": "string", "constraints": {"required": True}},
                    {"name": "supports", "type": "string"},
                ],
                "primaryKey": ["table", "record", "position"],
                "missingValues": [""],
                "foreignKeys": [{"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}}],
            },
        }
    )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "kzaz-relations",
        "id": "https://github.com/kzaz-relations/kzaz_relations",
        "title": info.title,
        "description": info.description,
        "version": info.version,
        "created": f"{info.released.isoformat()}T00:00:00Z" if info.released.day else info.released.isoformat(),
        "licenses": [{"name": info.licence, "path": info.licence_url, "title": "Creative Commons Attribution 4.0"}],
        "contributors": [{"title": "kzaz_relations contributors", "roles": ["creator"]}],
        "sources": [
            {"title": f"{s.publisher}: {s.title}", **({"path": s.url} if s.url else {})} for s in dataset.sources
        ],
        "temporalCoverage": str(info.coverage),
        "resources": resources,
    }


def export_datapackage(dataset: Dataset, path: str | PathLike[str]) -> list[Path]:
    """Write the CSV export plus a ``datapackage.json`` that ``frictionless validate`` accepts."""
    written = export_csv(dataset, path)
    target = Path(path) / "datapackage.json"
    target.write_text(json.dumps(datapackage(dataset), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*written, target]


def export_graphml(dataset: Dataset, path: str | PathLike[str]) -> list[Path]:
    """Write :meth:`Dataset.to_networkx() <kzaz_relations.Dataset.to_networkx>` as ``kzaz_relations.graphml``.

    GraphML is read by Gephi, yEd, Neo4j (APOC) and networkx. Needs the ``graph`` extra.

    Example:
        >>> import tempfile, networkx as nx
        >>> import kzaz_relations as kz
        >>> ds = kz.load()
        >>> [path] = export_graphml(ds, tempfile.mkdtemp())
        >>> nx.read_graphml(path).number_of_nodes() == ds.to_networkx().number_of_nodes()
        True
    """
    nx = require("networkx", "export_graphml()", "graph")
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "kzaz_relations.graphml"
    nx.write_graphml(dataset.to_networkx(), target)
    return [target]
