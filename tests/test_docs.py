"""The documentation builds without a warning, documents every public name, and its
generated dataset reference shows every record of the packaged data."""

from __future__ import annotations

import html
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import kzaz_relations as kz

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("sphinx") is None,
    reason="Sphinx is not installed (install the 'docs' extra to build the documentation)",
)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("html")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html", str(DOCS), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return result, out


def test_docs_build_without_warnings(build: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, _ = build
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]


def test_api_page_documents_every_public_name(build: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, out = build
    assert result.returncode == 0, result.stderr[-5000:]
    page = (out / "api.html").read_text(encoding="utf-8")
    missing = [name for name in kz.__all__ if f'id="kzaz_relations.{name}"' not in page]
    assert not missing, f"not documented on the API page: {missing}"
    for module in ("strategies", "export", "schema", "cli"):
        assert f'id="module-kzaz_relations.{module}"' in page
    for name in ("kzaz_relations.cli.main", "kzaz_relations.cli.build_parser"):
        assert f'id="{name}"' in page


def test_dataset_reference_shows_every_record(build: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, out = build
    assert result.returncode == 0, result.stderr[-5000:]
    pages = sorted((out / "generated").glob("*.html"))
    assert pages, "the dataset reference was not generated"
    text = html.unescape("\n".join(p.read_text(encoding="utf-8") for p in pages))
    ds = kz.load()
    missing = [f"{name}:{record.id}" for name, table in ds.tables() for record in table if record.id not in text]
    assert not missing, f"records missing from the dataset reference: {missing[:20]}"
    assert list((out / "_images").glob("trade-turnover*.svg")), "the trade chart is missing"
