"""Sphinx extension: the dataset reference, generated from the packaged data.

On ``builder-inited`` it loads :func:`kzaz_relations.load` and writes MyST Markdown
pages into ``docs/generated/`` (git-ignored):

* ``dataset-reference.md``: what the dataset holds, its known gaps, and a table of contents;
* one page per part: agreements, people, organisations, councils and meetings, visits, projects with their
  milestones and key figures, trade by reporter (with an SVG chart), other figures,
  statements with their check verdicts, events, and sources;
* ``citation.md``: how to cite the dataset, from its metadata (included by ``cite.md``).

Every row lists its sources as links. Every record of the dataset appears at least once:
whatever the themed pages do not show is listed on a last page, so nothing is silently
left out. Files are rewritten only when their content changes, so incremental builds
stay incremental, and the chart is deterministic (fixed hash salt, no date).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Sphinx is imported only by the hooks, so the module imports without it
    from sphinx.application import Sphinx

GENERATED = "generated"

# Pages of the reference, in reading order: (file stem, title).
PAGES = (
    ("agreements", "Agreements"),
    ("people", "People"),
    ("organizations", "Organisations"),
    ("councils", "Councils and their meetings"),
    ("visits", "Visits"),
    ("projects", "Projects"),
    ("trade", "Trade by reporter"),
    ("figures", "Other figures"),
    ("statements", "Statements and their verdicts"),
    ("events", "Events"),
    ("sources", "Sources"),
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&$])")


# --- Markdown helpers ----------------------------------------------------------------


def cell(value: Any) -> str:
    """Text safe for a Markdown table cell: one line, ``|`` and markup characters escaped."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, frozenset, set)):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", text)


def code(value: str) -> str:
    """An inline code span (ids never contain backticks or ``|``)."""
    return f"`{value}`"


def link(text: str, url: str | None) -> str:
    """A Markdown link whose text and destination are safe inside a table cell."""
    if not url:
        return cell(text)
    safe = url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return f"[{cell(text)}](<{safe}>)"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown pipe table; cells must already be escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    count = 0
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
        count += 1
    if count == 0:
        return "*None in this version of the dataset.*\n"
    return "\n".join(lines) + "\n"


def enum_text(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def sorted_set(values: Iterable[Any]) -> list[str]:
    return sorted(enum_text(v) for v in values)


class Writer:
    """Builds the pages and remembers which record ids they show."""

    def __init__(self, ds: Any) -> None:
        self.ds = ds
        self.shown: set[tuple[str, str]] = set()

    def mark(self, table_name: str, record: Any) -> str:
        self.shown.add((table_name, record.id))
        return code(record.id)

    def sources(self, record: Any) -> str:
        """The record's sources as ``[publisher](url)`` links, in citation order."""
        parts = []
        for s in self.ds.sources_of(record):
            if s.url:
                parts.append(link(s.publisher, s.url))
            else:
                parts.append(cell(f"{s.publisher}: {s.reference}"))
        return "; ".join(parts)

    # --- pages -----------------------------------------------------------------------

    def agreements(self) -> str:
        ds = self.ds
        tagged = sum(1 for a in ds.agreements if any(t.language in ("ru", "kk", "az") for t in a.titles))
        out = [
            "# Agreements\n",
            "Every signed document in the dataset, in order of signing. *Context* names the visit "
            "or council meeting during which it was signed. *Official titles* lists the languages in which "
            f"a source publishes the document's title ({tagged} of {len(ds.agreements)} agreements have one in "
            "Russian, Kazakh or Azerbaijani); the titles themselves are in the record "
            "(`Agreement.titles`).\n",
        ]
        rows = []
        for a in sorted(ds.agreements, key=lambda a: (a.signed, a.id)):
            context = a.meeting or a.visit
            rows.append(
                [
                    cell(a.signed),
                    cell(a.title),
                    self.mark("agreements", a),
                    cell(a.kind.value),
                    cell(a.place),
                    cell(sorted_set(a.sectors)),
                    cell(a.status.value) + (f" ({cell(a.in_force)})" if a.in_force else ""),
                    code(context) if context else "",
                    cell([ds.name_of(x) for x in a.signatories]),
                    cell(sorted({t.language for t in a.titles})),
                    self.sources(a),
                ]
            )
        headers = [
            "Signed",
            "Title",
            "Id",
            "Kind",
            "Place",
            "Sectors",
            "Status",
            "Context",
            "Signatories",
            "Official titles",
            "Sources",
        ]
        out.append(table(headers, rows))
        return "\n".join(out)

    def people(self) -> str:
        ds = self.ds
        out = [
            "# People\n",
            "The people the records refer to: visitors, speakers, signatories, co-chairs and the "
            "officials who gave figures. *Names* gives the forms a source publishes, by language; "
            "*Offices* the posts the dataset records, with their dates as far as a source shows them "
            "(*attested* marks a date on which a source shows the person in the post).\n",
        ]
        rows = []
        for p in sorted(ds.people, key=lambda p: p.name):
            offices = []
            for o in p.offices:
                span = " – ".join(str(d) for d in (o.since, o.until) if d is not None)
                when = span or (f"attested {o.attested}" if o.attested else "")
                offices.append(o.title + (f" ({when})" if when else ""))
            rows.append(
                [
                    cell(p.name),
                    self.mark("people", p),
                    cell(p.country.value if p.country else None),
                    cell([f"{n.language}: {n.text}" for n in p.names if n.text != p.name]),
                    cell(offices),
                    str(len(ds.related(p))),
                    self.sources(p),
                ]
            )
        out.append(table(["Name", "Id", "Country", "Names", "Offices", "Linked records", "Sources"], rows))
        return "\n".join(out)

    def organizations(self) -> str:
        ds = self.ds
        out = [
            "# Organisations\n",
            "The states, governments, ministries, agencies, companies, cities, universities and media "
            "the records refer to: agreement parties, project participants, the bodies that gave "
            "figures and the organisations of people's offices.\n",
        ]
        rows = [
            [
                cell(o.name),
                self.mark("organizations", o),
                cell(o.kind.value),
                cell(o.country.value if o.country else None),
                code(o.parent) if o.parent else "",
                cell([f"{n.language}: {n.text}" for n in o.names if n.text != o.name]),
                str(len(ds.related(o))),
                self.sources(o),
            ]
            for o in sorted(ds.organizations, key=lambda o: o.name)
        ]
        out.append(table(["Name", "Id", "Kind", "Country", "Part of", "Names", "Linked records", "Sources"], rows))
        return "\n".join(out)

    def councils(self) -> str:
        ds = self.ds
        out = [
            "# Councils and their meetings\n",
            "The standing bilateral bodies, each with its meetings in date order. "
            "*Documents reported* is the number of documents a source says were signed at the "
            "meeting; it may exceed the agreements the dataset identifies.\n",
        ]
        for c in sorted(ds.councils, key=lambda c: c.name):
            out.append(f"## {cell(c.name)}\n")
            facts = [
                f"- **Id:** {self.mark('councils', c)}",
                f"- **Kind:** {cell(c.kind.value)}",
                f"- **Established:** {cell(c.established) or 'not known'}",
            ]
            if c.established_by:
                facts.append(f"- **Established by:** {code(c.established_by)}")
            for chair in c.co_chairs:
                span = " – ".join(str(d) for d in (chair.since, chair.until) if d is not None)
                role = f", {chair.role}" if chair.role else ""
                facts.append(
                    f"- **Co-chair ({chair.country.value}):** {cell(ds.name_of(chair.person) + role)}"
                    + (f" ({cell(span)})" if span else "")
                )
            facts.append(f"- **Sources:** {self.sources(c)}")
            out.append("\n".join(facts) + "\n")
            if c.summary:
                out.append(cell(c.summary) + "\n")
            meetings = sorted(ds.meetings.where(council=c.id), key=lambda m: (m.date, m.id))
            rows = [
                [
                    cell(m.date) + (f" – {cell(m.end)}" if m.end else ""),
                    self.mark("meetings", m),
                    cell(m.ordinal),
                    cell(m.place),
                    cell([ds.name_of(x) for x in m.co_chairs]),
                    cell(m.documents_reported),
                    cell(m.summary),
                    self.sources(m),
                ]
                for m in meetings
            ]
            out.append("**Meetings**\n")
            out.append(
                table(["Date", "Id", "No.", "Place", "Chaired by", "Documents reported", "Summary", "Sources"], rows)
            )
        return "\n".join(out)

    def visits(self) -> str:
        ds = self.ds
        out = [
            "# Visits\n",
            "Visits by leaders and delegations of one side to the other, in date order. "
            "*Agreements* counts the agreements the dataset ties to the visit; *documents reported* "
            "is the count a source gives, where it gives one.\n",
        ]
        complete = ds.completeness()
        out.append(
            f"**Documents identified: {complete.identified} of {complete.reported} reported** "
            f"({complete.share:.0%}) over the visits and meetings for which a source gives a count:\n"
        )
        out.append(
            table(
                ["Visit or meeting", "Reported", "Identified", "Not identified"],
                [
                    [code(c.record.id), str(c.reported), str(min(c.identified, c.reported)), str(c.missing)]
                    for c in complete.counts
                ],
            )
        )
        out.append("**All visits**\n")
        rows = []
        for v in sorted(ds.visits, key=lambda v: (v.start, v.id)):
            signed = len(ds.agreements.where(visit=v.id))
            rows.append(
                [
                    cell(v.start) + (f" – {cell(v.end)}" if v.end else ""),
                    cell(f"{ds.name_of(v.visitor)} ({v.visitor_role})"),
                    self.mark("visits", v),
                    cell(f"{v.from_country.value} → {v.to_country.value}"),
                    cell(v.kind.value),
                    cell(v.places),
                    cell(v.occasion),
                    str(signed) if signed else "",
                    cell(v.documents_reported),
                    cell(v.summary),
                    self.sources(v),
                ]
            )
        headers = [
            "Dates",
            "Visitor",
            "Id",
            "Direction",
            "Kind",
            "Places",
            "Occasion",
            "Agreements",
            "Documents reported",
            "Summary",
            "Sources",
        ]
        out.append(table(headers, rows))
        return "\n".join(out)

    def observation_rows(self, observations: Iterable[Any], *, indicator: bool = True) -> list[list[str]]:
        rows = []
        for o in sorted(observations, key=lambda o: (o.indicator.value, o.period, o.direction.value, o.id)):
            row = [cell(o.indicator.value)] if indicator else []
            qualifier = "" if o.qualifier.value == "exact" else f"{o.qualifier.value} "
            row += [
                cell(o.period),
                cell(f"{qualifier}{o.value} {o.unit.value}"),
                cell(o.direction.value),
                cell(o.reporter.value if o.reporter else "") + f" ({cell(o.reporter_kind.value)})",
                cell(self.ds.name_of(o.reported_by) if o.reported_by else None),
                cell(f"{o.rank.value}, {o.status.value}"),
                self.mark("observations", o),
                cell(o.note),
                self.sources(o),
            ]
            rows.append(row)
        return rows

    OBS_HEADERS = ("Period", "Value", "Direction", "Reporter", "Reported by", "Rank, status", "Id", "Note", "Sources")

    def projects(self) -> str:
        ds = self.ds
        out = [
            "# Projects\n",
            "Joint projects with their dated milestones and key figures (the observations whose "
            "`project` is the project's id).\n",
        ]
        for p in sorted(ds.projects, key=lambda p: p.name):
            out.append(f"## {cell(p.name)}\n")
            facts = [
                f"- **Id:** {self.mark('projects', p)}",
                f"- **Status:** {cell(p.status.value)}",
                f"- **Sectors:** {cell(sorted_set(p.sectors))}",
            ]
            if p.countries:
                facts.append(f"- **Countries:** {cell(sorted_set(p.countries))}")
            if p.participants:
                facts.append(f"- **Participants:** {cell([ds.name_of(x) for x in p.participants])}")
            if p.agreements:
                facts.append("- **Agreements:** " + ", ".join(code(a) for a in p.agreements))
            facts.append(f"- **Sources:** {self.sources(p)}")
            out.append("\n".join(facts) + "\n")
            if p.summary:
                out.append(cell(p.summary) + "\n")
            out.append("**Milestones**\n")
            out.append(
                table(
                    ["Date", "What happened", "Sources"],
                    ([cell(m.date), cell(m.description), self.sources(m)] for m in p.milestones),
                )
            )
            out.append("**Key figures**\n")
            figures = ds.observations.where(project=p.id)
            out.append(table(["Indicator", *self.OBS_HEADERS], self.observation_rows(figures)))
        return "\n".join(out)

    def trade(self, chart: str | None) -> str:
        ds = self.ds
        out = [
            "# Trade by reporter\n",
            "Kazakhstan and Azerbaijan each publish their own trade statistics, and the two "
            "rarely agree (mirror statistics: one side's exports are the other's imports, "
            "counted at a different border, time and valuation). The series below are therefore "
            "kept apart by reporter. Each is built with `Dataset.series`, which picks one "
            "value per calendar year: the preferred figure if there is one, otherwise the one from "
            "the most authoritative kind of reporter, most recently published.\n",
        ]
        if chart:
            out.append(f"![Trade turnover by reporter, USD million]({chart})\n")
            out.append(
                "Full calendar years only. Lines join consecutive years; a gap is a year for which "
                "the reporter has no full-year figure in the dataset (nothing is interpolated).\n"
            )
        specs = [
            ("Trade turnover as reported by Kazakhstan", "trade.turnover", "KZ", "both"),
            ("Trade turnover as reported by Azerbaijan", "trade.turnover", "AZ", "both"),
            ("Kazakhstan's exports to Azerbaijan, as reported by Kazakhstan", "trade.exports", "KZ", "kz_to_az"),
            ("Kazakhstan's exports to Azerbaijan, as reported by Azerbaijan", "trade.exports", "AZ", "kz_to_az"),
            ("Azerbaijan's exports to Kazakhstan, as reported by Kazakhstan", "trade.exports", "KZ", "az_to_kz"),
            ("Azerbaijan's exports to Kazakhstan, as reported by Azerbaijan", "trade.exports", "AZ", "az_to_kz"),
        ]
        for title, indicator, reporter, direction in specs:
            series = ds.series(indicator, reporter=reporter, direction=direction)
            unit = series.unit.value if series.unit else ""
            out.append(f"## {title}\n")
            out.append(
                f'`ds.series("{indicator}", reporter="{reporter}", direction="{direction}")`'
                + (f", in {unit}." if unit else ".")
                + "\n"
            )
            rows = []
            for point in series:
                o = point.observation
                rows.append(
                    [
                        cell(point.period),
                        cell(point.value),
                        cell(ds.name_of(o.reported_by) if o.reported_by else o.reporter_kind.value),
                        self.mark("observations", o),
                        ", ".join(code(a.id) for a in point.alternatives),
                        self.sources(o),
                    ]
                )
            out.append(table(["Year", "Value", "Reported by", "Chosen figure", "Other figures", "Sources"], rows))
        trade = [o for o in ds.observations if o.indicator.value in {"trade.turnover", "trade.exports"}]
        out.append("## Every trade figure\n")
        out.append(
            "All trade observations, including part-year periods, figures from statements and "
            "figures not chosen for a series.\n"
        )
        out.append(table(["Indicator", *self.OBS_HEADERS], self.observation_rows(trade)))
        return "\n".join(out)

    def figures(self) -> str:
        ds = self.ds
        out = [
            "# Other figures\n",
            "Observations that are neither trade figures nor a project's key figures, by indicator.\n",
        ]
        rest = [
            o
            for o in ds.observations
            if o.project is None and o.indicator.value not in {"trade.turnover", "trade.exports"}
        ]
        by_indicator: dict[str, list[Any]] = {}
        for o in rest:
            by_indicator.setdefault(o.indicator.value, []).append(o)
        for name in sorted(by_indicator):
            out.append(f"## {cell(name)}\n")
            out.append(table(list(self.OBS_HEADERS), self.observation_rows(by_indicator[name], indicator=False)))
        if not by_indicator:
            out.append("*None in this version of the dataset.*\n")
        return "\n".join(out)

    def statements(self) -> str:
        ds = self.ds
        out = [
            "# Statements and their verdicts\n",
            "Attributed statements, paraphrased. Where a statement has a checkable number "
            "(a `Claim`), `Dataset.check` compares it with official figures and gives a verdict.\n",
        ]
        rows = []
        for s in sorted(ds.statements, key=lambda s: (s.date, s.id)):
            verdict = ds.check(s)
            claim = ""
            if s.claim is not None:
                claim = cell(s.claim.describe())
            status = f"**{cell(verdict.status.value)}**"
            if s.claim is not None:
                status += f": {cell(verdict.reason)}"
            rows.append(
                [
                    cell(s.date),
                    cell(ds.name_of(s.speaker)) + (f" ({s.speaker_country.value})" if s.speaker_country else ""),
                    self.mark("statements", s),
                    cell(s.summary),
                    claim,
                    status,
                    self.sources(s),
                ]
            )
        out.append(table(["Date", "Speaker", "Id", "Summary", "Claim", "Verdict", "Sources"], rows))
        return "\n".join(out)

    def events(self) -> str:
        ds = self.ds
        out = ["# Events\n", "Dated events that are not visits, meetings or signings.\n"]
        rows = [
            [
                cell(e.date),
                cell(e.title),
                self.mark("events", e),
                cell(e.kind.value),
                cell(e.place),
                cell(sorted_set(e.countries)),
                cell(e.summary),
                self.sources(e),
            ]
            for e in sorted(ds.events, key=lambda e: (e.date, e.id))
        ]
        out.append(table(["Date", "Title", "Id", "Kind", "Place", "Countries", "Summary", "Sources"], rows))
        return "\n".join(out)

    def sources_page(self) -> str:
        ds = self.ds
        out = [
            "# Sources\n",
            "Every publication the records cite, by publisher. *Cited by* counts the records that cite it.\n",
        ]
        rows = []
        for s in sorted(ds.sources, key=lambda s: (s.publisher.casefold(), s.id)):
            rows.append(
                [
                    self.mark("sources", s),
                    cell(s.publisher),
                    link(s.title, s.url) + (f" — {cell(s.reference)}" if s.reference else ""),
                    cell(s.kind.value),
                    cell(s.published),
                    cell(s.language),
                    str(len(ds.cited_by(s))),
                ]
            )
        out.append(table(["Id", "Publisher", "Title", "Kind", "Published", "Language", "Cited by"], rows))
        return "\n".join(out)

    def leftovers(self) -> str | None:
        """Records no themed page showed (normally none); listed so that none is left out."""
        missing = [(name, r) for name, t in self.ds.tables() for r in t if (name, r.id) not in self.shown]
        if not missing:
            return None
        rows = [[cell(name), self.mark(name, r), cell(type(r).__name__), self.sources(r)] for name, r in missing]
        return "# Other records\n\nRecords not shown on the pages above.\n\n" + table(
            ["Table", "Id", "Type", "Sources"], rows
        )

    def overview(self, pages: Sequence[tuple[str, str]]) -> str:
        ds = self.ds
        info = ds.info
        counts = [[cell(name), str(len(t))] for name, t in ds.tables()]
        lines = [
            "# Dataset reference\n",
            "This part of the documentation is generated from the packaged data each time the "
            "documentation is built, so it always matches the installed version. Every record "
            "appears in it with the sources that support it.\n",
            f"- **Title:** {cell(info.title)}",
            f"- **Version:** {cell(info.version)}, released {cell(info.released)}",
            f"- **Coverage:** {cell(info.coverage)}",
            f"- **Licence:** {link(info.licence, info.licence_url)}",
            "",
            cell(info.description) + "\n",
            "## Records by table\n",
            table(["Table", "Records"], counts),
            "## Completeness\n",
            f"Documents identified: **{ds.completeness().identified} of {ds.completeness().reported} "
            "reported** signed at the visits and meetings for which a source gives a count (see "
            "{doc}`visits`).\n",
            "## Known gaps\n",
            "What the dataset is known to be missing (`DatasetInfo.gaps`):\n",
        ]
        lines += [f"- {cell(g)}" for g in info.gaps] or ["- None recorded."]
        lines += ["", "```{toctree}", ":maxdepth: 1", ""]
        lines += [stem for stem, _ in pages]
        lines += ["```", ""]
        return "\n".join(lines)


def citation_page(ds: Any) -> str:
    """The citation text, a BibTeX entry and the licence, from the dataset metadata."""
    info = ds.info
    key = f"kzaz_relations_{info.version.replace('.', '_')}"
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            "  author = {{kzaz\\_relations contributors}},",
            f"  title = {{{info.title}}},",
            f"  year = {{{info.released.year}}},",
            f"  version = {{{info.version}}},",
            f"  note = {{Licensed under {info.licence}}},",
            "  howpublished = {Python package kzaz\\_relations},",
            "}",
        ]
    )
    return "\n".join(
        [
            "```{code-block} text",
            info.citation,
            "```",
            "",
            "As a BibTeX entry:",
            "",
            "```{code-block} bibtex",
            bibtex,
            "```",
            "",
            f"This is version **{cell(info.version)}** of the dataset, released {cell(info.released)}, "
            f"covering {cell(info.coverage)}. The data is licensed under "
            f"{link(info.licence, info.licence_url)}.",
            "",
        ]
    )


# --- chart -------------------------------------------------------------------------------


def trade_chart(ds: Any) -> str | None:
    """An SVG line chart of trade turnover by reporter; ``None`` if matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - matplotlib is a docs dependency
        return None
    styles = {"KZ": ("#1f77b4", "o", "Kazakhstan's figures"), "AZ": ("#d62728", "s", "Azerbaijan's figures")}
    with plt.rc_context(
        {"svg.hashsalt": "kzaz-relations", "svg.fonttype": "path", "font.size": 10, "axes.spines.top": False}
    ):
        fig, ax = plt.subplots(figsize=(7.5, 3.8), layout="constrained")
        for reporter, (colour, marker, label) in styles.items():
            series = ds.series("trade.turnover", reporter=reporter)
            years = [p.period.start.year for p in series]
            values = [float(p.value) for p in series]
            if not years:
                continue
            # Lines join consecutive years only: a gap is a year with no full-year figure.
            run_start = 0
            for i in range(1, len(years) + 1):
                if i == len(years) or years[i] != years[i - 1] + 1:
                    ax.plot(years[run_start:i], values[run_start:i], color=colour, linewidth=1.5)
                    run_start = i
            ax.plot(years, values, color=colour, marker=marker, linestyle="none", label=label)
        ax.set_ylabel("USD million")
        ax.set_title("Kazakhstan–Azerbaijan trade turnover, by reporter")
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_ylim(bottom=0)
        ax.legend(frameon=False)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return buffer.getvalue()


# --- Sphinx hooks ------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(srcdir: Path) -> dict[str, str]:
    """Write the reference pages into ``srcdir/generated``; returns them by file name."""
    import kzaz_relations

    ds = kzaz_relations.load()
    writer = Writer(ds)
    files: dict[str, str] = {}
    chart = trade_chart(ds)
    if chart is not None:
        files["trade-turnover.svg"] = chart
    builders = {
        "agreements": writer.agreements,
        "people": writer.people,
        "organizations": writer.organizations,
        "councils": writer.councils,
        "visits": writer.visits,
        "projects": writer.projects,
        "trade": lambda: writer.trade("trade-turnover.svg" if chart else None),
        "figures": writer.figures,
        "statements": writer.statements,
        "events": writer.events,
        "sources": writer.sources_page,
    }
    pages = list(PAGES)
    for stem, _ in PAGES:
        files[f"{stem}.md"] = builders[stem]()
    rest = writer.leftovers()
    if rest is not None:
        files["other-records.md"] = rest
        pages.append(("other-records", "Other records"))
    files["dataset-reference.md"] = writer.overview(pages)
    files["citation.md"] = citation_page(ds)
    out = srcdir / GENERATED
    out.mkdir(exist_ok=True)
    for name, text in files.items():
        _write(out / name, text)
    for stale in out.iterdir():
        if stale.is_file() and stale.name not in files:
            stale.unlink()
    return files


def _builder_inited(app: Sphinx) -> None:
    from sphinx.util import logging

    files = generate(Path(app.srcdir))
    if "trade-turnover.svg" not in files:
        logging.getLogger(__name__).info("kzaz_reference: matplotlib is not installed; no trade chart")
    logging.getLogger(__name__).info("kzaz_reference: %d files of the dataset reference are up to date", len(files))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _builder_inited)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["generate", "setup"]
