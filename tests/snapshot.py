"""The golden snapshot of the main query outputs over the packaged data.

Regenerate after a data change with ``python tests/snapshot.py`` and review the diff of
``tests/snapshots/queries.md``: it shows what the change does to the answers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import kzaz_relations as kz

SNAPSHOT = Path(__file__).parent / "snapshots" / "queries.md"


def _q(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.0001")))


def render() -> str:
    """The snapshot text."""
    ds = kz.load()
    out = [f"# Query snapshot (dataset {ds.info.version})", "", "## Counts", ""]
    out += [f"- {name}: {len(table)}" for name, table in ds.tables()]
    out += ["", "## Documents signed in Baku on 11 March 2024", ""]
    for a in ds.agreements.where(place="Baku", signed_between=("2024-03-11", "2024-03-11")):
        out.append(f"- {a.id}: {a.title}")
    out += ["", "## Councils established by the end of 2023, with meetings held by then", ""]
    then = ds.as_of("2023-12-31")
    for c in then.councils:
        meetings = then.meetings.where(council=c.id)
        out.append(f"- {c.id} (established {c.established or 'unknown'}): {len(meetings)} meeting(s)")
    for reporter in (kz.Country.KZ, kz.Country.AZ):
        s = ds.series("trade.turnover", reporter=reporter)
        out += ["", f"## Trade turnover reported by {reporter.value} ({s.unit.value if s.unit else '-'})", ""]
        out += [f"- {p.period}: {p.value} ({p.observation.id})" for p in s]
        if s.get(2020) is not None and s.get(2023) is not None:
            out.append(f"- change 2020→2023: ×{_q(s.change(2020, 2023))}; CAGR {_q(s.cagr(2020, 2023))}")
    out += ["", "## Verdicts on quantitative statements", ""]
    for v in ds.check_statements():
        out.append(f"- {v.statement.id}: {v.status.value} — {v.reason}")
    out += ["", "## Timeline, March 2024", ""]
    out += [f"- {e.date} {e.kind}: {e.record.id}" for e in ds.timeline("2024-03", "2024-03")]
    out += ["", "## Search: fibre optic (top 5)", ""]
    out += [f"- {h.score} {h.table}: {h.record.id}" for h in ds.search("fibre optic", limit=5)]
    out += ["", "## The dataset as of", ""]
    for day in ("1999-12-31", "2009-12-31", "2019-12-31", "2023-12-31"):
        then = ds.as_of(day)
        counts = ", ".join(f"{n} {len(t)}" for n, t in then.tables() if n != "sources")
        out.append(f"- {day}: {counts}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(render(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
