"""A user's script over the public API; ``mypy --strict`` must accept it (checked in CI)."""

from __future__ import annotations

from decimal import Decimal

import kzaz_relations as kz


def main() -> None:
    ds: kz.Dataset = kz.load()
    agreement: kz.Agreement = ds.agreements["declaration-strategic-relations-allied-interaction-2022"]
    maybe: kz.Agreement | None = ds.agreements.get("no-such-id")
    energy: kz.Table[kz.Agreement] = ds.agreements.where(sector=kz.Sector.ENERGY, signed_between=("2022", "2024"))
    oil: kz.Table[kz.Agreement] = ds.agreements.where(lambda a: "oil" in a.title.lower())
    entries: tuple[kz.TimelineEntry, ...] = ds.timeline(start="2022", end="2024-06")
    then: kz.Dataset = ds.as_of("2023-12-31")
    s: kz.Series = ds.series("trade.turnover", reporter=kz.Country.KZ)
    value: Decimal = s.value(2023)
    ratio: Decimal = s.change(2020, 2023)
    growth: Decimal = s.cagr(2020, 2023)
    yoy: tuple[tuple[kz.Period, Decimal], ...] = s.yoy()
    sources: tuple[kz.Source, ...] = ds.sources_of(agreement)
    related: tuple[kz.Record, ...] = ds.related(agreement)
    hits: tuple[kz.SearchHit, ...] = ds.search("fibre optic")
    verdict: kz.Verdict = ds.check("tokayev-interview-2024-trade-growth")
    verdicts: tuple[kz.Verdict, ...] = ds.check_statements()
    signed: kz.PartialDate = agreement.signed
    print(maybe, len(energy), len(oil), len(entries), len(then), value, ratio, growth, yoy, sources, related)
    print(hits[0].score, verdict.status.value, len(verdicts), signed.latest.isoformat())


if __name__ == "__main__":
    main()
