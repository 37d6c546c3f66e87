"""The ``kzaz`` command: the dataset from a terminal, as text, JSON or CSV.

Built on the standard library's :mod:`argparse`, so the command adds no dependency. Text
output fits the terminal (``shutil.get_terminal_size``, which honours ``COLUMNS``): every
listing has an id column, cells wrap instead of being cut, and URLs stay whole on their
own line. Exit codes: 0 success (also when the reader closes the pipe, as ``head`` does),
1 bad data or an unknown id, 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .dataset import Dataset, load
from .errors import DataError
from .model import Country, Direction, Indicator, PartialDate, Unit

if TYPE_CHECKING:
    from .series import Verdict

__all__ = ["build_parser", "main"]

MIN_WIDTH = 40
"The narrowest layout the text output uses, whatever the terminal reports."

TIMELINE_KINDS = ("agreement", "visit", "meeting", "event", "statement", "council", "milestone")
"""What ``kzaz timeline --kind`` takes: the kinds of timeline entries (written out, so that
building the parser imports no record class)."""

EXPORT_FORMATS = ("json", "csv", "datapackage", "graphml")
"What ``kzaz export`` writes: each is ``kzaz_relations.export.export_<format>``."


def _width() -> int:
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class _Output:
    """Writes rows as a table that fits the terminal, as JSON or as CSV."""

    def __init__(self, args: argparse.Namespace, out: Any) -> None:
        self.format = "json" if getattr(args, "json", False) else "csv" if getattr(args, "csv", False) else "text"
        self.out = out
        self.width = _width()

    def rows(
        self,
        rows: Sequence[dict[str, Any]],
        columns: Sequence[str],
        *,
        text_columns: Sequence[str] | None = None,
        empty: str = "nothing found",
    ) -> None:
        """Write ``rows``: JSON and CSV get ``columns``; text gets ``text_columns`` (default: the same).

        The last text column takes the room left and wraps; the others keep their natural
        width unless the terminal is too narrow, when they wrap too. Nothing is cut.
        """
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
        if not rows:
            self.text(f"({empty})")
            return
        self.text(_table(rows, list(text_columns or columns), self.width))

    def text(self, text: str) -> None:
        self.out.write(text if text.endswith("\n") else text + "\n")


_WHOLE = frozenset({"id", "statement", "observation", "KZ_observation", "AZ_observation"})
"Columns whose cells are never wrapped (ids must stay copyable)."


def _table(rows: Sequence[dict[str, Any]], columns: list[str], width: int) -> str:
    """An aligned table at most ``width`` wide. Ids stay whole; other cells wrap in their column.

    When the ids leave the last column (the text) less than a third of the line, each row's
    text goes on the lines below it, indented, using the whole width.
    """
    gap = 2
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    natural = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    widths = list(natural)
    room = width - gap * (len(columns) - 1)
    stacked = False
    if sum(widths) > room:
        # Ids and short columns (dates, kinds, codes) keep their width; other long columns
        # before the last shrink in proportion; the last column takes what is left.
        keep = [c in _WHOLE or w <= 14 for c, w in zip(columns[:-1], natural[:-1], strict=True)]
        fixed = sum(w for w, k in zip(natural[:-1], keep, strict=True) if k)
        last_min = min(natural[-1], max(12, room // 3))
        if room - fixed < last_min and len(columns) > 1:
            stacked = True
        else:
            long_room = max(0, room - fixed - last_min)
            long_total = sum(w for w, k in zip(natural[:-1], keep, strict=True) if not k)
            if long_total > long_room:
                for i, kept in enumerate(keep):
                    if not kept:
                        widths[i] = max(8, natural[i] * long_room // long_total)
            widths[-1] = max(8, room - sum(widths[:-1]))
    if stacked:
        head_cols, head_widths = columns[:-1], widths[:-1]
        lines = ["  ".join(c.upper().ljust(w) for c, w in zip(head_cols, head_widths, strict=True)).rstrip()]
        lines[0] += f"  ({columns[-1].upper()} below)"
        if len(lines[0]) > width:
            lines = _wrap(lines[0], width)
        for row in cells:
            head = "  ".join(t.ljust(w) for t, w in zip(row[:-1], head_widths, strict=True)).rstrip()
            if len(head) > width:  # ids alone on their line, whole; the other short cells below them
                ids = "  ".join(t for c, t in zip(head_cols, row, strict=False) if c in _WHOLE)
                rest = "  ".join(t for c, t in zip(head_cols, row, strict=False) if c not in _WHOLE and t)
                lines += _whole_first(ids, rest, width) if ids else ["    " + x for x in _wrap(rest, width - 4)]
            else:
                lines.append(head)
            lines += ["    " + line for line in _wrap(row[-1], width - 4) if line]
        return "\n".join(lines)
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    for row in cells:
        wrapped = [[text] if c in _WHOLE else _wrap(text, w) for c, text, w in zip(columns, row, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            parts = [(w[k] if k < len(w) else "").ljust(widths[i]) for i, w in enumerate(wrapped)]
            lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _one_line(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, ending in … when it is longer."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _whole_first(whole: str, rest: str, width: int, *, cut: bool = False) -> list[str]:
    """``whole`` (ids, never cut), then ``rest``: on the same line if it fits, else below it, indented.

    With ``cut``, ``rest`` keeps to one line, shortened with … (beside ``whole`` when at least
    12 characters are left there); otherwise it wraps.
    """
    rest = rest.strip()
    line = f"{whole}  {rest}".rstrip()
    if len(line) <= width:
        return [line]
    if cut:
        room = width - len(whole) - 2
        return [f"{whole}  {_one_line(rest, room)}"] if room >= 12 else [whole, "    " + _one_line(rest, width - 4)]
    return [whole, *("    " + part for part in _wrap(rest, width - 4) if part)]


def _wrap(text: str, width: int) -> list[str]:
    text = " ".join(text.split())
    if len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_on_hyphens=True, break_long_words=True) or [""]


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


def _choice(values: Iterable[str], label: str) -> Any:
    """An argparse type accepting one of ``values`` in any case, returning its canonical spelling."""
    by_fold = {v.casefold(): v for v in values}

    def convert(text: str) -> str:
        found = by_fold.get(text.casefold())
        if found is None:
            raise argparse.ArgumentTypeError(
                f"unknown {label} {text!r}; expected one of: {', '.join(by_fold.values())}"
            )
        return found

    return convert


def _dataset(args: argparse.Namespace) -> Dataset:
    return load(args.data) if getattr(args, "data", None) else load()


def _filters_text(args: argparse.Namespace) -> str:
    """The options given on the command line, spelled as typed (``--from 2026-06 --kind visit``)."""
    used = []
    for dest, (flag, default) in getattr(args, "options", {}).items():
        value = getattr(args, dest, None)
        if value is None or value is False or value == default:
            continue
        if value is True:
            used.append(flag)
        else:  # a repeatable option is repeated, as it was typed
            used += [f"{flag} {v}" for v in (value if isinstance(value, list) else [value])]
    return " ".join(used)


def _empty(what: str, args: argparse.Namespace) -> str:
    used = _filters_text(args)
    if not used:
        return f"no {what} in the dataset"
    return f"no {what} match {used}; drop or widen a filter (see --help)"


# --- commands --------------------------------------------------------------------


def _overview(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    info = ds.info
    counts = {name: len(table) for name, table in ds.tables()}
    latest = ds.timeline()[-8:]
    mirror = ds.mirror(Indicator.TRADE_TURNOVER, unit=Unit.USD_MILLION)
    complete = ds.completeness()
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
                    "documents": {"reported": complete.reported, "identified": complete.identified},
                    "latest": [
                        {"date": str(e.date), "kind": e.kind, "id": e.record.id, "text": e.text} for e in latest
                    ],
                    "trade_turnover_usd_million": {
                        side: {
                            str(r.period): getattr(r, side.lower()).value for r in mirror if getattr(r, side.lower())
                        }
                        for side in ("KZ", "AZ")
                    },
                },
                indent=2,
                ensure_ascii=False,
                default=_json_default,
            )
        )
        return 0
    width = out.width
    lines = [
        info.title,
        *textwrap.wrap(
            f"version {info.version}, released {info.released}; covers {info.coverage.start}–{info.coverage.end};"
            f" data licence {info.licence}",
            width,
        ),
        "",
        *textwrap.wrap(
            "Records: "
            + ", ".join(f"{n} {c}" for n, c in counts.items() if n != "sources")
            + f"; cited to {counts['sources']} sources",
            width,
            subsequent_indent="  ",
        ),
        *textwrap.wrap(
            f"Documents identified: {complete.identified} of {complete.reported} reported signed at visits and "
            f"meetings that give a count ({complete.share:.0%}); see kzaz show ID for each.",
            width,
            subsequent_indent="  ",
        ),
        "",
        "Latest entries (kzaz show ID for one):",
        *(line for e in latest for line in _whole_first(f"{e.date!s:<10}  {e.record.id}", e.text, width, cut=True)),
        "",
        "Trade turnover, USD million, by reporter (full years; mirror statistics differ):",
    ]
    recent = mirror.rows[-8:]
    lines.append(
        _table(
            [
                {
                    "year": str(r.period),
                    "KZ says": r.kz.value.quantize(Decimal("0.1")) if r.kz else None,
                    "AZ says": r.az.value.quantize(Decimal("0.1")) if r.az else None,
                }
                for r in recent
            ],
            ["year", "KZ says", "AZ says"],
            width,
        )
    )
    lines += [
        "",
        *textwrap.wrap(
            "More: kzaz timeline | kzaz agreements | kzaz trade | kzaz check | kzaz show ID | kzaz --help", width
        ),
        *textwrap.wrap(f"Cite as: {info.citation}", width),
    ]
    out.text("\n".join(lines))
    return 0


def _timeline(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    entries = ds.timeline(args.start, args.end, kinds=args.kind, certain=not args.possibly)
    rows = [{"date": str(e.date), "kind": e.kind, "id": e.record.id, "text": e.text} for e in entries]
    out.rows(
        rows,
        ["date", "kind", "id", "text"],
        text_columns=["date", "id", "text"],
        empty=_empty("entries", args),
    )
    return 0


def _agreements(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    filters: dict[str, Any] = {}
    for key in ("kind", "sector", "country", "place", "status", "signatory", "party"):
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
            "titles": {t.language: t.text for t in reversed(a.titles)},
        }
        for a in items
    ]
    out.rows(
        rows,
        ["id", "signed", "kind", "place", "title", "sectors"],
        text_columns=["signed", "id", "title"],
        empty=_empty("agreements", args),
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
    out.rows(rows, ["id", "name", "status", "milestones", "figures"], text_columns=["id", "status", "name"])
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
        ["id", "name", "kind", "established", "meetings", "last_meeting"],
        text_columns=["id", "meetings", "name"],
    )
    return 0


def _people(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    filters = {k: getattr(args, k) for k in ("country", "name") if getattr(args, k)}
    rows = []
    for p in ds.people.where(**filters):
        office = p.offices[0].title if p.offices else None
        rows.append({"id": p.id, "name": p.name, "country": p.country.value if p.country else None, "office": office})
    out.rows(
        rows,
        ["id", "name", "country", "office"],
        text_columns=["id", "country", "name"],
        empty=_empty("people", args),
    )
    return 0


def _trade(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    indicator = Indicator(args.indicator)
    directions = [Direction(args.direction)] if args.direction else _directions_of(ds, indicator, args.part_year)
    if args.reporter:
        rows = []
        for direction in directions:
            series = ds.series(indicator, reporter=args.reporter, direction=direction, full_year=not args.part_year)
            for p in series:
                rows.append(
                    {
                        "reporter": args.reporter,
                        "direction": direction.value,
                        "period": str(p.period),
                        "value": p.value,
                        "unit": series.unit.value if series.unit else None,
                        "observation": p.observation.id,
                        "reported_by": ds.name_of(p.observation.reported_by)
                        if p.observation.reported_by
                        else p.observation.reporter_kind.value,
                    }
                )
        text = ["period", "value", "unit", "observation"]
        out.rows(
            rows,
            ["reporter", "direction", "period", "value", "unit", "observation", "reported_by"],
            text_columns=(["direction", *text] if len(directions) > 1 else text),
            empty=_empty_trade(ds, indicator, args) if not rows else "",
        )
        return 0
    rows = []
    for direction in directions:
        mirror = ds.mirror(indicator, direction=direction, full_year=not args.part_year)
        for r in mirror:
            rows.append(
                {
                    "direction": direction.value,
                    "period": str(r.period),
                    "KZ": r.kz.value if r.kz else None,
                    "AZ": r.az.value if r.az else None,
                    "gap": r.gap,
                    "gap_percent": r.gap_percent.quantize(Decimal("0.1")) if r.gap_percent is not None else None,
                    "unit": mirror.unit.value if mirror.unit else None,
                    "KZ_observation": r.kz.observation.id if r.kz else None,
                    "AZ_observation": r.az.observation.id if r.az else None,
                }
            )
    text = ["period", "KZ", "AZ", "gap", "gap_percent", "unit"]
    out.rows(
        rows,
        ["direction", "period", "KZ", "AZ", "gap", "gap_percent", "unit", "KZ_observation", "AZ_observation"],
        text_columns=(["direction", *text] if len(directions) > 1 else text),
        empty=_empty_trade(ds, indicator, args) if not rows else "",
    )
    return 0


def _directions_of(ds: Dataset, indicator: Indicator, part_year: bool) -> list[Direction]:
    found = {o.direction for o in ds.observations.where(indicator=indicator) if o.period.is_full_year is not part_year}
    return [d for d in Direction if d in found] or [Direction.BOTH]


def _empty_trade(ds: Dataset, indicator: Indicator, args: argparse.Namespace) -> str:
    obs = ds.observations.where(indicator=indicator)
    if not obs:
        return f"no {indicator.value} figures in the dataset"
    hints = []
    directions = sorted({o.direction.value for o in obs})
    if args.direction and args.direction not in directions:
        hints.append(f"--direction {' or '.join(directions)}")
    reporters = sorted({o.reporter.value for o in obs if o.reporter})
    if args.reporter and args.reporter not in reporters:
        hints.append(f"--reporter {' or '.join(reporters)}" if reporters else "no --reporter")
    full = {o.period.is_full_year for o in obs}
    if (not args.part_year) not in full:
        hints.append("--part-year" if not args.part_year else "no --part-year")
    tip = f"; try {', '.join(hints)}" if hints else ""
    return f"no {indicator.value} figures match {_filters_text(args)}{tip}"


def _search(args: argparse.Namespace, out: _Output) -> int:
    from .table import record_date

    ds = _dataset(args)
    hits = ds.search(" ".join(args.text), limit=args.limit, tables=args.table)
    rows = []
    for h in hits:
        date = record_date(h.record)
        rows.append(
            {
                "score": h.score,
                "table": h.table,
                "id": h.record.id,
                "date": str(date) if date else None,
                "title": _label(ds, h.record),
            }
        )
    out.rows(
        rows,
        ["score", "table", "id", "date", "title"],
        text_columns=["table", "id", "title"],
        empty=f"no record matches {' '.join(args.text)!r}",
    )
    if out.format == "text" and hits.total > len(hits):
        out.text(f"({len(hits)} of {hits.total} shown; --limit N shows more)")
    return 0


def _label(ds: Dataset, record: Any) -> str:
    """:func:`_links.label`, imported on first use (``kzaz --version`` loads no record class)."""
    from ._links import label

    return label(ds, record)


def _verdict_row(ds: Dataset, v: Verdict) -> dict[str, Any]:
    st = v.statement
    return {
        "statement": st.id,
        "speaker": ds.name_of(st.speaker),
        "date": str(st.date),
        "comparison": st.claim.comparison.value if st.claim else None,
        "status": v.status.value,
        "when_said": v.when_said.status.value if v.when_said else None,
        "computed": v.computed.quantize(Decimal("0.001")) if v.computed is not None else None,
        "data": ", ".join(ds.name_of(r) for r in v.reporters) or None,
        "reason": v.reason,
    }


def _check(args: argparse.Namespace, out: _Output) -> int:
    ds = _dataset(args)
    if args.id:
        return _check_one(ds, args.id, out)
    verdicts = ds.check_statements()
    rows = [_verdict_row(ds, v) for v in verdicts]
    columns = ["statement", "speaker", "date", "comparison", "status", "when_said", "computed", "data", "reason"]
    if out.format != "text":
        out.rows(rows, columns)
        return 0
    # One block per statement: the id, date and speaker, then the verdict now and when said.
    lines = []
    for r in rows:
        lines += _whole_first(r["statement"], f"{r['date']}  {r['speaker']}", out.width)
        figure = f" ({r['computed']}, {r['data']} figures)" if r["computed"] is not None else ""
        lines += textwrap.wrap(
            f"now: {r['status']}{figure}; when said: {r['when_said']}",
            out.width,
            initial_indent="  ",
            subsequent_indent="    ",
        )
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    lines += [
        "",
        *textwrap.wrap(
            f"{len(rows)} statements with a claim: {summary}. 'now' uses the latest figures; 'when said' only "
            "what had been published by the day of the statement. kzaz check ID explains one verdict.",
            out.width,
        ),
    ]
    out.text("\n".join(lines))
    return 0


def _check_one(ds: Dataset, statement_id: str, out: _Output) -> int:
    st = ds.statements.get(statement_id)
    if st is None:
        print(f"kzaz: no statement with id {statement_id!r}", file=sys.stderr)
        return 1
    v = ds.check(st)
    if out.format == "json":
        out.text(json.dumps(_verdict_row(ds, v), indent=2, ensure_ascii=False, default=_json_default))
        return 0
    width = out.width
    lines = [f"Statement {st.id}", *_kv("speaker", f"{ds.name_of(st.speaker)} ({st.speaker})", width)]
    lines += _kv("date", str(st.date), width)
    lines += _kv("said", st.summary, width)
    if st.claim is not None:
        lines += _kv("claim", st.claim.describe(), width)
    lines += ["", "Verdict now (latest figures)"]
    lines += _verdict_lines(ds, v, width)
    if v.when_said is not None:
        lines += ["", f"Verdict when said (figures published by {st.date})"]
        lines += _verdict_lines(ds, v.when_said, width)
    out.text("\n".join(lines))
    return 0


def _verdict_lines(ds: Dataset, v: Verdict, width: int) -> list[str]:
    lines = _kv("status", v.status.value, width)
    if v.computed is not None:
        lines += _kv("computed", str(v.computed.quantize(Decimal("0.001"))), width)
    lines += _kv("reason", v.reason, width)
    for o in v.observations:
        lines += _kv("figure", f"{o.id}: {o.period} {o.value} {o.unit.value}, {_reported(ds, o)}", width)
    return lines


def _reported(ds: Dataset, o: Any) -> str:
    who = f" ({ds.name_of(o.reported_by)})" if o.reported_by else ""
    side = f"{o.reporter.value} " if o.reporter else ""
    published = f", published {o.published}" if o.published else ""
    return f"{side}{o.reporter_kind.value}{who}{published}"


# --- show ------------------------------------------------------------------------


def _kv(key: str, value: str, width: int, indent: int = 2, key_width: int = 13) -> list[str]:
    """``key  value`` lines with the value wrapped under itself; URLs are never broken."""
    lead = " " * indent + key.ljust(key_width) + " "
    room = max(20, width - len(lead))
    if value.startswith(("http://", "https://")):
        return [lead + value]
    wrapped = textwrap.wrap(" ".join(value.split()), room, break_on_hyphens=False) or [""]
    return [lead + wrapped[0], *(" " * len(lead) + w for w in wrapped[1:])]


def _ref_label(ds: Dataset, tables: tuple[str, ...], rid: str) -> str:
    """How a referenced record is named in ``show``: its title or name (the id if no table holds it)."""
    target = ds.find(rid, tables)
    return rid if target is None else _label(ds, target)


def _field_lines(ds: Dataset, record: Any, width: int, indent: int = 2) -> list[str]:
    """The fields of a record as indented text; nested records become indented blocks."""
    import attrs

    from .model import MonolingualText, PartialDate, Period, references

    refs = {r.path[-1]: r for r in references(type(record)) if len(r.path) == 1} if attrs.has(type(record)) else {}
    lines: list[str] = []
    for a in attrs.fields(type(record)):
        value = getattr(record, a.name)
        if a.name in ("id", "citations") or value is None or value == () or value == frozenset():
            continue
        if a.name in refs:
            ids = value if isinstance(value, tuple) else (value,)
            for n, rid in enumerate(ids):
                lines += _kv(
                    a.name if n == 0 else "", f"{_ref_label(ds, refs[a.name].targets, rid)} ({rid})", width, indent
                )
        elif isinstance(value, tuple) and value and isinstance(value[0], MonolingualText):
            for n, t in enumerate(value):
                lines += _kv(a.name if n == 0 else "", f"[{t.language}] {t.text}", width, indent)
        elif isinstance(value, PartialDate | Period):
            lines += _kv(a.name, str(value), width, indent)
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            lines.append(" " * indent + a.name)
            for n, item in enumerate(value, 1):
                lines.append(" " * (indent + 2) + f"{n}.")
                lines += _field_lines(ds, item, width, indent + 4)
                lines += _citation_lines(ds, getattr(item, "citations", ()), width, indent + 4)
        elif attrs.has(type(value)):
            lines.append(" " * indent + a.name)
            lines += _field_lines(ds, value, width, indent + 4)
        elif isinstance(value, frozenset):
            lines += _kv(a.name, ", ".join(sorted(_cell(v) for v in value)), width, indent)
        else:
            lines += _kv(a.name, _cell(value), width, indent)
    return lines


def _citation_lines(ds: Dataset, citations: Iterable[Any], width: int, indent: int) -> list[str]:
    lines = []
    for c in citations:
        s = ds.sources.get(c.source)
        what = f"{s.publisher}: {s.title}" if s is not None else c.source
        lines += _kv("source", f"{what} ({c.source})", width, indent)
        if c.supports:
            lines += _kv("supports", c.supports, width, indent)
    return lines


def _show(args: argparse.Namespace, out: _Output) -> int:
    from ._convert import unstructure
    from .model import table_of

    ds = _dataset(args)
    record = ds.find(args.id)
    if record is None:
        close = [h.record.id for h in ds.search(args.id.replace("-", " "), limit=3)]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        print(f"kzaz: no record with id {args.id!r}.{hint}", file=sys.stderr)
        return 1
    table = table_of(type(record))
    related = ds.related(record)
    cited_by = ds.cited_by(record.id) if table == "sources" else ()
    if out.format == "json":
        payload: dict[str, Any] = {
            "table": table,
            "record": unstructure(record),
            "sources": [unstructure(s) for s in ds.sources_of(record)],
            "related": [{"table": table_of(type(r)), "id": r.id} for r in related],
        }
        if cited_by:
            payload["cited_by"] = [{"table": table_of(type(r)), "id": r.id} for r in cited_by]
        if table == "statements" and record.claim is not None:  # type: ignore[union-attr]
            payload["verdict"] = _verdict_row(ds, ds.check(record))  # type: ignore[arg-type]
        out.text(json.dumps(payload, indent=2, ensure_ascii=False, default=_json_default))
        return 0
    width = out.width
    lines = [f"{type(record).__name__} {record.id}", *_field_lines(ds, record, width)]
    citations = getattr(record, "citations", ())
    if citations:
        lines += ["", "Sources"]
        for n, c in enumerate(citations, 1):
            s = ds.sources.get(c.source)
            if s is None:
                continue
            lines += _kv(f"{n}.", f"{s.publisher}: {s.title} ({s.published or 'n.d.'}) [{s.id}]", width)
            if c.supports:
                lines += _kv("", f"supports: {c.supports}", width)
            lines += _kv("", s.url or s.reference or "", width)
    if table == "statements" and record.claim is not None:  # type: ignore[union-attr]
        v = ds.check(record)  # type: ignore[arg-type]
        lines += ["", "Verdict"]
        lines += _verdict_lines(ds, v, width)
        if v.when_said is not None:
            lines += _kv("when said", f"{v.when_said.status.value}: {v.when_said.reason}", width)
    for heading, records in (("Cited by", cited_by), ("Related", related)):
        if records:
            lines += ["", f"{heading} ({len(records)})"]
            rows = [{"table": table_of(type(r)), "id": r.id, "label": _label(ds, r)} for r in records]
            lines.append(_table(rows, ["table", "id", "label"], width))
    out.text("\n".join(lines))
    return 0


def _export(args: argparse.Namespace, out: _Output) -> int:
    from . import export

    ds = _dataset(args)
    written = getattr(export, f"export_{args.format}")(ds, args.dir)
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


def _values(enum_cls: Any) -> list[str]:
    return [m.value for m in enum_cls]


def _command(p: argparse.ArgumentParser, run: Callable[[argparse.Namespace, _Output], int]) -> None:
    """Attach ``run`` to a subcommand, with its options as typed (``dest -> (flag, default)``) for messages."""
    options = {
        a.dest: (next((o for o in a.option_strings if o.startswith("--")), a.option_strings[0]), a.default)
        for a in p._actions
        if a.option_strings and a.dest not in ("help", "json", "csv")
    }
    p.set_defaults(run=run, options=options)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kzaz`` command."""
    from . import __version__
    from .model import AgreementKind, AgreementStatus, Sector

    parser = argparse.ArgumentParser(
        prog="kzaz",
        description="Query the Kazakhstan–Azerbaijan relations dataset.",
        epilog="Exit codes: 0 success, 1 bad data or unknown id, 2 bad usage. Options that name a kind, sector, "
        "country or indicator accept any case.",
    )
    parser.add_argument("--version", action="version", version=f"kzaz_relations {__version__}")
    parser.add_argument("--data", metavar="PATH", help="use a data folder instead of the packaged dataset")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("overview", help="what the dataset holds: counts, completeness, latest entries, trade")
    _add_format(p, csv_too=False)
    _command(p, _overview)

    p = sub.add_parser("timeline", help="dated entries from every table, in order")
    p.add_argument("--from", dest="start", type=_date, metavar="DATE", help="start (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE", help="end, inclusive")
    p.add_argument(
        "--kind",
        action="append",
        type=_choice(TIMELINE_KINDS, "kind"),
        help=f"only this kind (repeatable): {', '.join(TIMELINE_KINDS)}",
    )
    p.add_argument("--possibly", action="store_true", help="keep entries whose date only overlaps the range")
    _add_format(p)
    _command(p, _timeline)

    p = sub.add_parser("agreements", help="signed documents, filtered")
    p.add_argument(
        "--kind", type=_choice(_values(AgreementKind), "agreement kind"), help="treaty, agreement, memorandum, …"
    )
    p.add_argument("--sector", type=_choice(_values(Sector), "sector"), help="energy, transport, digital, …")
    p.add_argument("--country", type=_choice(_values(Country), "country"), help="a party's ISO code, e.g. UZ")
    p.add_argument("--place", help="city of signing")
    p.add_argument(
        "--status",
        type=_choice(_values(AgreementStatus), "agreement status"),
        help="signed, ratified, in_force, expired",
    )
    p.add_argument("--signatory", help="a person's id or name, e.g. tokayev")
    p.add_argument("--party", help="an organisation's id or name, e.g. socar")
    p.add_argument("--from", dest="start", type=_date, metavar="DATE", help="signed on or after")
    p.add_argument("--to", dest="end", type=_date, metavar="DATE", help="signed on or before")
    _add_format(p)
    _command(p, _agreements)

    p = sub.add_parser("people", help="people of the relationship, with their first recorded office")
    p.add_argument("--country", type=_choice(_values(Country), "country"), help="KZ, AZ, …")
    p.add_argument("--name", help="part of a name, in any recorded language")
    _add_format(p)
    _command(p, _people)

    p = sub.add_parser("projects", help="joint projects with their milestones and figures")
    _add_format(p)
    _command(p, _projects)

    p = sub.add_parser("councils", help="standing bilateral bodies and their meetings")
    _add_format(p)
    _command(p, _councils)

    p = sub.add_parser("trade", help="Kazakhstan's and Azerbaijan's figures side by side (default: trade turnover)")
    p.add_argument(
        "--reporter", type=_choice(["KZ", "AZ"], "reporter"), help="one side's series instead, with its observations"
    )
    p.add_argument(
        "--indicator",
        default=Indicator.TRADE_TURNOVER.value,
        type=_choice(_values(Indicator), "indicator"),
        help="what to show",
    )
    p.add_argument(
        "--direction",
        type=_choice(_values(Direction), "direction"),
        help="kz_to_az, az_to_kz or both (default: every one with data)",
    )
    p.add_argument("--part-year", action="store_true", help="part-year periods instead of full years")
    _add_format(p)
    _command(p, _trade)

    p = sub.add_parser("show", help="one record: its fields, sources, verdict and linked records")
    p.add_argument("id")
    _add_format(p, csv_too=False)
    _command(p, _show)

    p = sub.add_parser("search", help="find records by words, across tables and languages")
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=_count, default=20, help="at most this many hits (default 20)")
    p.add_argument("--table", action="append", help="only this table (repeatable)")
    _add_format(p)
    _command(p, _search)

    p = sub.add_parser("check", help="verdicts on the quantitative statements, now and when said")
    p.add_argument("id", nargs="?", help="explain one statement's verdict")
    _add_format(p)
    _command(p, _check)

    p = sub.add_parser("export", help="write the dataset as json, csv, a Frictionless datapackage or graphml")
    p.add_argument("format", type=_choice(EXPORT_FORMATS, "export format"))
    p.add_argument("dir")
    _command(p, _export)

    p = sub.add_parser("schema", help="print the JSON Schema of the data format")
    _command(p, _schema)

    p = sub.add_parser("validate", help="check a data folder with the same checks as load(path)")
    p.add_argument("path")
    _command(p, _validate)

    p = sub.add_parser("format", help="check a data folder, then rewrite it in canonical form with its SHA256SUMS")
    p.add_argument("path")
    p.add_argument("--check", action="store_true", help="only report files not in canonical form (exit 1)")
    _command(p, _format)
    return parser


def main(argv: Iterable[str] | None = None) -> int:
    """Run the command; returns the exit code (0 success, 1 bad data or files, 2 bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse exits on --help/--version (0) and on bad usage (2)
        return exc.code if isinstance(exc.code, int) else 2
    if getattr(args, "run", None) is None:  # bare `kzaz`: the list of commands
        parser.print_help()
        return 0
    out = _Output(args, sys.stdout)
    try:
        code: int = args.run(args, out)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`kzaz timeline | head -1`): stop quietly. Point stdout at
        # devnull so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except DataError as exc:
        print(f"kzaz: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kzaz: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except (ValueError, KeyError, TypeError) as exc:
        print(f"kzaz: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    return code
