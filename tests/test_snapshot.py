from __future__ import annotations

from snapshot import SNAPSHOT, render


def test_query_snapshot_is_current() -> None:
    assert SNAPSHOT.read_text(encoding="utf-8") == render(), (
        "data changed: run python tests/snapshot.py and review the diff"
    )
