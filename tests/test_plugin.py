"""The hypothesis plug-in registered through the package's entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import kzaz_relations as kz


@given(st.from_type(kz.Agreement), st.from_type(kz.PartialDate))
def test_from_type_uses_the_model_strategies(agreement: kz.Agreement, date: kz.PartialDate) -> None:
    assert isinstance(agreement, kz.Agreement) and agreement.citations
    assert 1991 <= date.year <= 2026


def test_user_script_type_checks_and_runs() -> None:
    script = Path(__file__).parent / "typing" / "user_script.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout
