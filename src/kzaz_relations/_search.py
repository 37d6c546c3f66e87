"""Search: an inverted index over every table, in every language a title or name is recorded in."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .model import TABLES, Agreement, Organization, Person, Project
from .table import Record, fold

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["SearchHit", "SearchResults", "search"]

_SYNONYMS = {"fiber": "fibre", "optical": "optic", "focl": "fibre", "titr": "trans-caspian"}


def tokens(text: str) -> list[str]:
    """The folded words of a text, spelling variants merged (``fiber`` -> ``fibre``)."""
    words = "".join(ch if ch.isalnum() else " " for ch in fold(text)).split()
    return [_SYNONYMS.get(w, w) for w in words]


@attrs.frozen
class SearchHit:
    """One result of :meth:`Dataset.search <kzaz_relations.Dataset.search>`."""

    score: float
    "Higher is better."
    table: str
    "The table of the record."
    record: Record
    "The record found."


class SearchResults(tuple[SearchHit, ...]):
    """The hits of a search, best first (a tuple), with :attr:`total`: how many matched before ``limit``.

    Example:
        >>> import kzaz_relations as kz
        >>> hits = kz.load().search("Middle Corridor", limit=3)
        >>> len(hits), hits.total > 3
        (3, True)
    """

    total: int
    "How many records matched in all (``len(results)`` may be smaller when a limit applied)."

    def __new__(cls, hits: Iterable[SearchHit], total: int) -> SearchResults:
        self = super().__new__(cls, hits)
        self.total = total
        return self

    def __repr__(self) -> str:
        return f"<SearchResults: {len(self)} of {self.total} hits>"


@attrs.frozen
class _Index:
    rows: tuple[tuple[str, Record], ...]
    postings: dict[str, dict[int, float]]
    tokens: list[str]


def _strong_text(ds: Dataset, r: Any) -> str:
    from ._links import label

    parts = [label(ds, r), r.id.replace("-", " ")]
    if isinstance(r, Agreement):
        parts.extend(t.text for t in r.titles)
    if isinstance(r, Person | Organization):
        parts.extend(n.text for n in r.names)
    return " ".join(parts)


def _weak_text(ds: Dataset, r: Any) -> str:
    parts = [str(getattr(r, f, "") or "") for f in ("summary", "note", "publisher", "place", "description")]
    if isinstance(r, Project):
        parts.extend(m.description for m in r.milestones)
        parts.extend(ds.name_of(p) for p in r.participants)
    if isinstance(r, Person):
        parts.extend(o.title for o in r.offices)
    return " ".join(parts)


def build_index(ds: Dataset) -> _Index:
    rows: list[tuple[str, Record]] = []
    postings: dict[str, dict[int, float]] = {}
    for name, table in ds.tables():
        for r in table:
            row = len(rows)
            rows.append((name, r))
            for token in tokens(_weak_text(ds, r)):
                postings.setdefault(token, {}).setdefault(row, 1.0)
            for token in tokens(_strong_text(ds, r)):
                postings.setdefault(token, {})[row] = 3.0
    return _Index(tuple(rows), postings, sorted(postings))


def search(
    ds: Dataset, text: str, limit: int | None, tables: frozenset[str] | None, sources_weight: float
) -> SearchResults:
    """See :meth:`Dataset.search <kzaz_relations.Dataset.search>`."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    if tables is not None and not tables <= set(TABLES):
        raise ValueError(f"unknown table(s) {sorted(tables - set(TABLES))}; tables: {', '.join(TABLES)}")
    words = tokens(text)
    if not words:
        return SearchResults((), 0)
    index = ds._cached("search", lambda: build_index(ds))
    scores: dict[int, float] = {}
    for w in dict.fromkeys(words):
        best: dict[int, float] = dict(index.postings.get(w, {}))
        start = bisect.bisect_left(index.tokens, w)
        for token in itertools.islice(index.tokens, start, None):
            if not token.startswith(w):
                break
            if token == w:
                continue
            for row, weight in index.postings[token].items():
                if weight / 2 > best.get(row, 0.0):
                    best[row] = weight / 2
        for row, weight in best.items():
            scores[row] = scores.get(row, 0.0) + weight * words.count(w)
    hits = []
    for row, score in scores.items():
        table, record = index.rows[row]
        if tables is not None and table not in tables:
            continue
        hits.append(SearchHit(score * sources_weight if table == "sources" else score, table, record))
    hits.sort(key=lambda h: (-h.score, h.table, h.record.id))
    return SearchResults(hits[:limit] if limit is not None else hits, len(hits))
