"""The ``kzaz`` command: the dataset from a terminal, as text, JSON or CSV.

Built on the standard library's :mod:`argparse`, so the command adds no dependency.
Exit codes: 0 success, 1 bad data (a :class:`~kzaz_relations.DataError`), 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .dataset import Dataset, load
from .errors import DataError
from .model import Country, Direction, Indicator, PartialDate, Unit
from .table import record_date

__all__ = ["build_parser", "main"]

WIDTH = 80


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__}")


class _Output:
    """Writes rows as an aligned text table, JSON or CSV."""

    def __init__(self, args: argparse.Namespace, out: Any) -> None:
        self.format = "json" if getattr(args, "json", False) else "csv" if getattr(args, "csv", False) else "text"
        self.out = out

    def rows(self, rows: Sequence[dict[str, Any]], columns: Sequence[str], widths: Sequence[int] | None = None) -> None:
        if self.format == "json":
            self.out.write(json.dumps(list(rows), indent=2, ensure_ascii=False, default=_json_default) + "\n")
            return
        if self.format == "csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
            self.out.write(buffer.getvalue())
            return
        widths = list(widths or [max([len(c), *(len(_cell(r.get(c))) for r in rows)]) for c in columns])
        last = WIDTH - sum(widths[:-1]) - 2 * (len(columns) - 1)
        widths[-1] = max(10, min(widths[-1], last))
        line = "  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()
        self.out.write(line + "\n")
        for r in rows:
            cells = [_cut(_cell(r.get(c)), w).ljust(w) for c, w in zip(columns, widths, strict=True)]
            self.out.write("  ".join(cells).rstrip() + "\n")
        if not rows:
            self.out.write("(nothing found)\n")

    def text(self, text: str) -> None:
        self.out.write(text if text.endswith("\n") else text + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _add_format(p: argparse.ArgumentParser, csv_too: bool = True) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="machine-readable JSON with stable keys")
    if csv_too:
        group.add_argument("--csv", action="store_true", help="CSV with a header row")


def _date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _dataset(args: argparse.Namespace) -> Dataset:
    return load(args.data) if getattr(args, "data", None) else load()


# --- commands --------------------------------------------------------------------


def _overview(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    info = ds.info
    counts = {name: len(table) for name, table in ds.tables()}
    latest = ds.timeline()[-8:]
    trade = {}
    for reporter in (Country.KZ, Country.AZ):
        s = ds.series(Indicator.TRADE_TURNOVER, reporter=reporter, unit=Unit.USD_MILLION)
        trade[reporter.value] = {str(p.period): p.value for p in s}
    if out.format == "json":
        out.text(
            json.dumps(
                {
                    "title": info.title,
                    "version": info.version,
                    "released": str(info.released),
                    "coverage": str(info.coverage),
                    "licence": info.licence,
                    "counts": counts,
                    "records": sum(v for k, v in counts.items() if k != "sources"),
                    "latest": [
                        {"date": str(e.date), "kind": e.kind, "id": e.record.id, "text": e.text} for e in latest
                    ],
                    "trade_turnover_usd_million": trade,
                },
                indent=2,
                ensure_ascii=False,
                default=_json_default,
            )
        )
        return 0
    lines = [
        info.title,
        f"version {info.version}, released {info.released}; covers {info.coverage.start}–{info.coverage.end};"
        f" data licence {info.licence}",
        "",
        *textwrap.wrap(
            "Records: "
            + ", ".join(f"{n} {c}" for n, c in counts.items() if n != "sources")
            + f"; cited to {counts['sources']} sources",
            WIDTH,
            subsequent_indent="         ",
        ),
        "",
        "Latest events:",
    ]
    lines += [_cut(f"  {e.date!s:<10}  {e.kind:<9}  {e.text}", WIDTH) for e in latest]
    years = sorted({y for series in trade.values() for y in series}, key=lambda p: (p[:4], p))[-8:]
    lines += ["", "Trade turnover, USD million, by reporter (full years; mirror statistics differ):"]
    lines.append("  " + "year".ljust(8) + "".join(y[:4].rjust(8) for y in years))
    for rep, series in trade.items():
        lines.append("  " + f"{rep} says".ljust(8) + "".join(_cell(series.get(y)).rjust(8) for y in years))
    lines += [
        "",
        "More: kzaz timeline | kzaz agreements | kzaz trade | kzaz show ID | kzaz --help",
        *textwrap.wrap(f"Cite as: {info.citation}", WIDTH),
    ]
    out.text("\n".join(lines))
    return 0


def _timeline(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    entries = ds.timeline(args.start, args.end, kinds=args.kind, certain=not args.possibly)
    rows = [{"date": str(e.date), "kind": e.kind, "id": e.record.id, "text": e.text} for e in entries]
    out.rows(rows, ["date", "kind", "text"] if out.format == "text" else ["date", "kind", "id", "text"], [10, 9, 57])
    return 0


def _agreements(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    filters: dict[str, Any] = {}
    for key in ("kind", "sector", "country", "place", "status"):
        if getattr(args, key):
            filters[key] = getattr(args, key)
    if args.start or args.end:
        filters["signed_between"] = (args.start, args.end)
    table = ds.agreements.where(**filters)
    items = sorted(table, key=lambda a: (a.signed._key(), a.id))
    rows = [
        {
            "id": a.id,
            "signed": str(a.signed),
            "kind": a.kind.value,
            "place": a.place,
            "title": a.title,
            "sectors": sorted(s.value for s in a.sectors),
        }
        for a in items
    ]
    out.rows(
        rows,
        ["signed", "kind", "title"] if out.format == "text" else ["id", "signed", "kind", "place", "title", "sectors"],
        [10, 14, 52],
    )
    return 0


def _projects(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "status": p.status.value,
            "milestones": len(p.milestones),
            "figures": len(ds.observations.where(project=p.id)),
        }
        for p in ds.projects
    ]
    out.rows(
        rows,
        ["name", "status", "milestones"] if out.format == "text" else ["id", "name", "status", "milestones", "figures"],
        [48, 18, 10],
    )
    return 0


def _councils(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    rows = []
    for c in ds.councils:
        meetings = sorted(ds.meetings.where(council=c.id), key=lambda m: m.date)
        rows.append(
            {
                "id": c.id,
                "name": c.name,
                "kind": c.kind.value,
                "established": str(c.established) if c.established else None,
                "meetings": len(meetings),
                "last_meeting": str(meetings[-1].date) if meetings else None,
            }
        )
    out.rows(
        rows,
        ["name", "established", "meetings"]
        if out.format == "text"
        else ["id", "name", "kind", "established", "meetings", "last_meeting"],
        [52, 11, 8],
    )
    return 0


def _trade(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    reporters = [Country(args.reporter)] if args.reporter else [Country.KZ, Country.AZ]
    rows = []
    for reporter in reporters:
        series = ds.series(args.indicator, reporter=reporter, direction=args.direction, full_year=not args.part_year)
        for p in series:
            rows.append(
                {
                    "reporter": reporter.value,
                    "period": str(p.period),
                    "value": p.value,
                    "unit": series.unit.value if series.unit else None,
                    "observation": p.observation.id,
                    "reported_by": p.observation.reported_by or p.observation.reporter_kind.value,
                }
            )
    out.rows(
        rows,
        ["reporter", "period", "value", "unit", "reported_by"]
        if out.format == "text"
        else ["reporter", "period", "value", "unit", "observation", "reported_by"],
        [8, 15, 9, 11, 27],
    )
    return 0


def _show(args: argparse.Namespace, out: _Output) -> int:
    from ._convert import unstructure

    ds = _dataset(args)
    record = ds.find(args.id)
    if record is None:
        close = [h.record.id for h in ds.search(args.id.replace("-", " "), limit=3)]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        print(f"kzaz: no record with id {args.id!r}.{hint}", file=sys.stderr)
        return 1
    sources = ds.sources_of(record)
    related = ds.related(record)
    if out.format == "json":
        payload = {
            "table": next(n for n, t in ds.tables() if t.get(record.id) is record),
            "record": unstructure(record),
            "sources": [unstructure(s) for s in sources],
            "related": [{"id": r.id, "type": type(r).__name__} for r in related],
        }
        out.text(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    lines = [f"{type(record).__name__} {record.id}"]
    for key, value in unstructure(record).items():
        if key in {"id", "citations"}:
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        lines += textwrap.wrap(f"{key}: {text}", WIDTH, subsequent_indent="    ")
    lines.append("Sources:")
    for s in sources:
        lines += textwrap.wrap(
            f"- {s.publisher}, {s.title} ({s.published or 'n.d.'}) {s.url or s.reference}",
            WIDTH,
            subsequent_indent="    ",
        )
    if related:
        lines.append("Related:")
        lines += [_cut(f"- {type(r).__name__.lower()} {r.id}", WIDTH) for r in related]
    out.text("\n".join(lines))
    return 0


def _search(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    hits = ds.search(" ".join(args.text), limit=args.limit)
    rows = []
    for h in hits:
        date = record_date(h.record)
        title = (
            getattr(h.record, "title", None)
            or getattr(h.record, "name", None)
            or getattr(h.record, "summary", None)
            or h.record.id
        )
        rows.append(
            {"score": h.score, "table": h.table, "id": h.record.id, "date": str(date) if date else None, "title": title}
        )
    out.rows(
        rows,
        ["table", "date", "title"] if out.format == "text" else ["score", "table", "id", "date", "title"],
        [12, 10, 54],
    )
    return 0


def _check(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    rows = [
        {
            "statement": v.statement.id,
            "speaker": v.statement.speaker,
            "date": str(v.statement.date),
            "status": v.status.value,
            "computed": v.computed.quantize(Decimal("0.001")) if v.computed is not None else None,
            "reason": v.reason,
        }
        for v in ds.check_statements()
    ]
    out.rows(
        rows,
        ["statement", "status", "reason"]
        if out.format == "text"
        else ["statement", "speaker", "date", "status", "computed", "reason"],
        [30, 13, 33],
    )
    return 0


def _export(args: argparse.Namespace, out: _Output) -> int:
    from . import export

    ds = _dataset(args)
    writer = {"json": export.export_json, "csv": export.export_csv, "datapackage": export.export_datapackage}[
        args.format
    ]
    written = writer(ds, args.dir)
    out.text(f"wrote {len(written)} files to {args.dir}")
    return 0


def _schema(args: argparse.Namespace, out: _Output) -> int:
    from .schema import json_schema_text

    out.text(json_schema_text())
    return 0


def _validate(args: argparse.Namespace, out: _Output) -> int:
    ds = load(args.path)
    total = sum(len(t) for n, t in ds.tables() if n != "sources")
    out.text(f"{args.path}: valid ({total} records, {len(ds.sources)} sources)")
    return 0


def _format(args: argparse.Namespace, out: _Output) -> int:
    from .dataset import canonical_problems, write_canonical

    if args.check:
        bad = canonical_problems(args.path)
        for name in bad:
            print(f"{args.path}: {name} is not in canonical form", file=sys.stderr)
        return 1 if bad else 0
    changed = write_canonical(args.path)
    out.text(f"{args.path}: rewrote {len(changed)} file(s)" if changed else f"{args.path}: already canonical")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kzaz`` command."""
    parser = argparse.ArgumentParser(
        prog="kzaz",
        description="Query the Kazakhstan–Azerbaijan relations dataset.",
        epilog="Exit codes: 0 success, 1 bad data, 2 bad usage.",
    )
    parser.add_argument("--data", metavar="PATH", help="use a data folder instead of the packaged dataset")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("overview", help="what the dataset holds: counts, latest events, trade by reporter")
    _add_format(p, csv_too=False)
    p.set_defaults(run=_overview)

    p = sub.add_parser("timeline", help="dated events from every table, in order")
    p.add_argument("--from", dest="start", type=_date, metavar="DATE", help="start (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE", help="end, inclusive")
    p.add_argument(
        "--kind",
        action="append",
        choices=["agreement", "visit", "meeting", "event", "statement", "council", "milestone"],
        help="only this kind (repeatable)",
    )
    p.add_argument("--possibly", action="store_true", help="keep entries whose date only overlaps the range")
    _add_format(p)
    p.set_defaults(run=_timeline)

    p = sub.add_parser("agreements", help="signed documents, filtered")
    p.add_argument("--kind", help="treaty, agreement, declaration, memorandum, …")
    p.add_argument("--sector", help="energy, transport, digital, …")
    p.add_argument("--country", help="a party's ISO code, e.g. UZ")
    p.add_argument("--place", help="city of signing")
    p.add_argument("--status", help="signed, ratified, in_force, expired")
    p.add_argument("--from", dest="start", type=_date, metavar="DATE", help="signed on or after")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE", help="signed on or before")
    _add_format(p)
    p.set_defaults(run=_agreements)

    p = sub.add_parser("projects", help="joint projects with their milestones and figures")
    _add_format(p)
    p.set_defaults(run=_projects)

    p = sub.add_parser("councils", help="standing bilateral bodies and their meetings")
    _add_format(p)
    p.set_defaults(run=_councils)

    p = sub.add_parser("trade", help="a series of figures by reporter (default: trade turnover)")
    p.add_argument("--reporter", choices=["KZ", "AZ"], help="whose figures (default: both, side by side)")
    p.add_argument("--indicator", default=Indicator.TRADE_TURNOVER.value, choices=[i.value for i in Indicator])
    p.add_argument("--direction", default=Direction.BOTH.value, choices=[d.value for d in Direction])
    p.add_argument("--part-year", action="store_true", help="part-year periods instead of full years")
    _add_format(p)
    p.set_defaults(run=_trade)

    p = sub.add_parser("show", help="one record with its sources and related records")
    p.add_argument("id")
    _add_format(p, csv_too=False)
    p.set_defaults(run=_show)

    p = sub.add_parser("search", help="find records by words, across tables")
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=_count, default=20, help="at most this many hits (default 20)")
    _add_format(p)
    p.set_defaults(run=_search)

    p = sub.add_parser("check", help="verdicts on the quantitative statements")
    _add_format(p)
    p.set_defaults(run=_check)

    p = sub.add_parser("export", help="write the dataset as json, csv or a Frictionless datapackage")
    p.add_argument("format", choices=["json", "csv", "datapackage"])
    p.add_argument("dir")
    p.set_defaults(run=_export)

    p = sub.add_parser("schema", help="print the JSON Schema of the data format")
    p.set_defaults(run=_schema)

    p = sub.add_parser("validate", help="check a data folder with the same checks as load(path)")
    p.add_argument("path")
    p.set_defaults(run=_validate)

    p = sub.add_parser("format", help="rewrite a data folder in canonical form")
    p.add_argument("path")
    p.add_argument("--check", action="store_true", help="only report files not in canonical form (exit 1)")
    p.set_defaults(run=_format)
    return parser


def main(argv: Iterable[str] | None = None) -> int:
    """Run the command; returns the exit code (0 success, 1 bad data or files, 2 bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse exits on --help (0) and on bad usage (2)
        return exc.code if isinstance(exc.code, int) else 2
    out = _Output(args, sys.stdout)
    try:
        code: int = args.run(args, out)
    except DataError as exc:
        print(f"kzaz: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kzaz: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except (ValueError, KeyError, TypeError) as exc:
        print(f"kzaz: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    return code
