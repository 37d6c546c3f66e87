#!/usr/bin/env python
"""Benchmarks of kzaz_relations, reported as ratios against baselines measured in the same run.

Run from a checkout with the ``bench`` extra installed::

    pip install -e '.[bench]'
    python benchmarks/run.py                      # full run (a few minutes)
    python benchmarks/run.py --quick              # a smoke run: fewer repeats, sizes 1,10,100
    python benchmarks/run.py --json out.json --markdown out.md --chart docs/_static/scaling.svg

Only the standard library is needed to measure (``subprocess`` for cold processes,
``timeit`` for warm calls, ``resource`` / ``/proc`` for memory); pycountry is a
baseline, and matplotlib, if installed, draws the scaling chart.
See ``benchmarks/README.md`` for what each figure means.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

GET_ID = "declaration-strategic-relations-allied-interaction-2022"
"A packaged agreement id used for every ``get``."


def _table_files() -> tuple[str, ...]:
    from kzaz_relations.model.tables import TABLE_NAMES

    return TABLE_NAMES


def _reference_keys() -> frozenset[str]:
    """Keys whose string (or list of strings) values are ids of other records, from the model's declarations."""
    import kzaz_relations as kz

    return frozenset(r.path[-1] for cls in kz.TABLES.values() for r in kz.references(cls))


TABLE_FILES = _table_files()
REFERENCE_KEYS = _reference_keys()

# Cold-process snippets, each run with ``python -c``.
SNIPPETS: dict[str, str] = {
    "bare": "pass",
    "kz_import": "import kzaz_relations",
    "attrs_import": "import attrs",
    "kz_cold_get": (f"import kzaz_relations as kz\nassert kz.load().agreements.get({GET_ID!r}) is not None"),
    "pycountry_cold_get": ("import pycountry\nassert pycountry.countries.get(alpha_2='AZ') is not None"),
}

TARGETS = {
    "import": 1.0,
    "cold": 0.8,
    "load_speed": 0.3,
    "get_us": 2.0,
    "linear": 1.5,
    "query_ms": 50.0,
}

Json = dict[str, Any]


# --- timing helpers -----------------------------------------------------------


def per_call(fn: Callable[[], object], *, repeat: int = 5, budget: float = 2.0) -> float:
    """Best seconds per call of ``fn`` (timeit: best of ``repeat`` rounds; slow calls get fewer rounds)."""
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    if once > 0.2:
        rounds = max(1, min(repeat, int(budget / once)))
        return min(timeit.repeat(fn, number=1, repeat=rounds))
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def per_call_paired(a: Callable[[], object], b: Callable[[], object], *, repeat: int = 5) -> tuple[float, float]:
    """Best seconds per call of ``a`` and of ``b``, their rounds interleaved (a, b, a, b…) so that
    a drift of the computer's speed during the measurement touches both alike, as for the cold processes."""
    timers = [timeit.Timer(a), timeit.Timer(b)]
    numbers = [t.autorange()[0] for t in timers]
    best = [math.inf, math.inf]
    for _ in range(repeat):
        for i, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[i] = min(best[i], timer.timeit(number) / number)
    return best[0], best[1]


def process_times(rounds: int) -> dict[str, list[float]]:
    """Wall-clock seconds of each snippet as a fresh ``python -c`` process, interleaved round by round."""
    times: dict[str, list[float]] = {name: [] for name in SNIPPETS}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for code in SNIPPETS.values():  # warm the OS caches and the bytecode caches
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    for i in range(rounds):
        names = list(SNIPPETS)
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", SNIPPETS[name]], check=True, env=env)
            times[name].append(time.perf_counter() - start)
    return times


def rss_bytes() -> int:
    """The current resident set size of this process (0 where unknown)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """The peak resident set size of this process so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


# --- synthetic data -----------------------------------------------------------


def packaged_folder() -> Path:
    from importlib import resources

    return Path(str(resources.files("kzaz_relations") / "data"))


def _rename(value: Any, suffix: str) -> Any:
    """A copy of one record with every id and reference suffixed (citations included, at any depth)."""
    if isinstance(value, list):
        return [_rename(v, suffix) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "citations":
            out[key] = [{**c, "source": c["source"] + suffix} for c in item]
        elif key == "id" or (key in REFERENCE_KEYS and isinstance(item, str)):
            out[key] = item + suffix
        elif key in REFERENCE_KEYS and isinstance(item, list) and all(isinstance(x, str) for x in item):
            out[key] = [ref + suffix for ref in item]
        else:
            out[key] = _rename(item, suffix)
    return out


def write_synthetic(folder: Path, scale: int, source: Path) -> int:
    """Write ``scale`` copies of the packaged data to ``folder``; returns the bytes written.

    Copy 0 keeps the packaged ids (so 1× is the packaged data byte for byte); copy ``k``
    suffixes every id and every reference with ``-x{k:04d}``, so the folder passes the
    integrity check of ``kz.load(folder)``. Deterministic: same scale, same bytes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    meta = (source / "metadata.json").read_bytes()
    (folder / "metadata.json").write_bytes(meta)
    total += len(meta)
    for name in TABLE_FILES:
        records = json.loads((source / f"{name}.json").read_bytes())
        with (folder / f"{name}.json").open("w", encoding="utf-8", newline="\n") as out:
            out.write("[\n")
            for k in range(scale):
                copy = records if k == 0 else [_rename(r, f"-x{k:04d}") for r in records]
                text = json.dumps(copy, indent=2, ensure_ascii=False)
                out.write(("" if k == 0 else ",\n") + text[2:-2])
            out.write("\n]\n")
        total += (folder / f"{name}.json").stat().st_size
    return total


# --- in-process measurements ---------------------------------------------------


def read_and_parse(folder: Path) -> Callable[[], object]:
    """The baseline: read every data file and ``json.loads`` it."""
    files = [folder / "metadata.json", *(folder / f"{n}.json" for n in TABLE_FILES)]

    def run() -> object:
        return [json.loads(f.read_bytes()) for f in files]

    return run


def load_breakdown(folder: Path) -> dict[str, float]:
    """Seconds spent in each stage of ``load(folder)`` (private functions; empty if they have moved)."""
    try:
        from kzaz_relations._integrity import check
        from kzaz_relations._io import parse_json
        from kzaz_relations.dataset import Dataset, _structure_all
    except ImportError:
        return {}
    blobs = {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}
    # As load() parses: the depth is walked only for the files whose records do not all structure
    # (see the Performance page); here every file structures, so only metadata.json is walked.
    parsed = {n: parse_json(b, n, depth=n == "metadata.json") for n, b in blobs.items()}
    info, records, raw_ids, _ = _structure_all(parsed)
    return {
        "parse_json (json + duplicate-key and surrogate checks)": per_call(
            lambda: [parse_json(b, n, depth=n == "metadata.json") for n, b in blobs.items()]
        ),
        "structure (tables column-wise: types, then build, then value checks)": per_call(
            lambda: _structure_all(parsed)
        ),
        "integrity check": per_call(lambda: check(records, info, raw_ids)),
        "Dataset + id indexes": per_call(lambda: Dataset(info, **records)),
    }


def query_suite(ds: Any, *, heavy: bool = True) -> dict[str, Callable[[], object]]:
    """The queries timed warm, by name."""
    suite: dict[str, Callable[[], object]] = {
        "get": lambda: ds.agreements.get(GET_ID),
        "where": lambda: ds.agreements.where(place="Baku", signed_between=("2022", "2025")),
        "timeline": lambda: ds.timeline("2024-01-01", "2024-12-31"),
        "series": lambda: ds.series("trade.turnover", reporter="KZ"),
    }
    if heavy:
        suite["as_of"] = lambda: ds.as_of("2023-12-31")
        suite["search"] = lambda: ds.search("fiber optic")
    return suite


def baseline_suite(ds: Any) -> dict[str, Callable[[], object]]:
    """Plain-Python floors for the queries: a dict lookup, or one pass over the records involved."""
    by_id = {a.id: a for a in ds.agreements}
    agreements = tuple(ds.agreements)
    observations = tuple(ds.observations)
    everything = tuple(r for _, t in ds.tables() for r in t)
    dated = tuple(r for n, t in ds.tables() if n not in {"sources", "observations"} for r in t)
    turnover = next(iter(ds.observations)).indicator.__class__("trade.turnover")
    return {
        "get": lambda: by_id.get(GET_ID),
        "where": lambda: [a for a in agreements if a.place == "Baku"],
        "timeline": lambda: [r for r in dated if r.id],
        "series": lambda: [o for o in observations if o.indicator is turnover],
        "as_of": lambda: [r for r in everything if r.id],
        "search": lambda: [r for r in everything if r.id],
    }


BASELINE_LABEL = {
    "get": "dict.get",
    "where": "scan of the table",
    "timeline": "scan of dated records",
    "series": "scan of observations",
    "as_of": "scan of all records",
    "search": "scan of all records",
}


def worker(folder: Path, scale: int, mode: str) -> Json:
    """Measure one synthetic size in this (fresh) process: load, memory, queries."""
    import kzaz_relations as kz
    import kzaz_relations._io as kz_io

    kz.load()  # imports and builds the converter, so they are not counted below
    gc.collect()
    out: Json = {"scale": scale, "bytes": sum(p.stat().st_size for p in folder.glob("*.json"))}
    largest = max(p.stat().st_size for p in folder.glob("*.json"))
    if largest > kz_io.MAX_FILE_BYTES:
        out["limit_lifted"] = f"largest file {largest / 2**20:.0f} MiB > the {kz_io.MAX_FILE_BYTES // 2**20} MiB limit"
        kz_io.MAX_FILE_BYTES = 2 * largest
    before = rss_bytes()
    start = time.perf_counter()
    ds = kz.load(folder)
    out["load_s"] = time.perf_counter() - start
    gc.collect()
    out["rss_peak_mib"] = (peak_rss_bytes() - before) / 2**20
    out["rss_retained_mib"] = (rss_bytes() - before) / 2**20
    out["records"] = len(ds)
    if scale <= 10:
        out["load_s"] = min(out["load_s"], per_call(lambda: kz.load(folder), repeat=3))
    baseline = read_and_parse(folder)
    out["json_s"] = per_call(baseline, repeat=3 if scale <= 10 else 1, budget=10)
    gc.collect()
    heavy = mode == "full"
    first: Json = {}
    start = time.perf_counter()
    ds.timeline()
    first["timeline"] = time.perf_counter() - start
    if heavy:
        start = time.perf_counter()
        ds.search("fiber")
        first["search"] = time.perf_counter() - start
    out["first_call_s"] = first
    budget = 2.0 if scale <= 100 else 4.0
    out["query_s"] = {name: per_call(fn, budget=budget) for name, fn in query_suite(ds, heavy=heavy).items()}
    return out


# --- the run ------------------------------------------------------------------


@contextmanager
def step(label: str) -> Iterator[None]:
    print(f"  {label}…", end="", flush=True, file=sys.stderr)
    start = time.perf_counter()
    yield
    print(f" {time.perf_counter() - start:.1f} s", file=sys.stderr)


def measure(sizes: list[int], quick: bool) -> Json:
    import kzaz_relations as kz

    folder = packaged_folder()
    results: Json = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s)",
        "quick": quick,
    }
    with step("cold processes"):
        # Installed packages carry byte-code; an editable checkout may not (PYTHONDONTWRITEBYTECODE).
        import compileall

        compileall.compile_dir(str(Path(kz.__file__).parent), quiet=1)
        times = process_times(8 if quick else 30)
    med = {name: statistics.median(ts) for name, ts in times.items()}
    results["process_s"] = med
    bare = med["bare"]
    results["process_overhead_s"] = {name: t - bare for name, t in med.items() if name != "bare"}

    with step("load() vs json.loads"):
        kz.load(folder)  # imports and the converter, excluded from the timing
        results["load_s"], results["json_s"] = per_call_paired(
            lambda: kz.load(folder), read_and_parse(folder), repeat=10 if quick else 30
        )
        results["load_breakdown_s"] = load_breakdown(folder)
        results["data_bytes"] = sum(p.stat().st_size for p in folder.glob("*.json"))

    with step("warm queries"):
        ds = kz.load()
        ds.timeline()
        ds.search("x")
        results["query_s"] = {n: per_call(fn) for n, fn in query_suite(ds).items()}
        results["query_baseline_s"] = {n: per_call(fn) for n, fn in baseline_suite(ds).items()}

    scaling: list[Json] = []
    with tempfile.TemporaryDirectory(prefix="kzaz-bench-") as tmp:
        for scale in sizes:
            target = Path(tmp) / f"x{scale}"
            with step(f"scale {scale}×: generate"):
                write_synthetic(target, scale, folder)
            mode = "full" if scale <= 100 else "light"
            with step(f"scale {scale}×: measure ({mode})"):
                proc = subprocess.run(
                    [sys.executable, str(Path(__file__).resolve()), "--worker", str(target), str(scale), mode],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                scaling.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            for p in target.glob("*.json"):
                p.unlink()
            target.rmdir()
    results["scaling"] = scaling
    return results


# --- reporting ----------------------------------------------------------------


def _status(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _fmt_s(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def targets(r: Json) -> list[tuple[str, str, str, str, bool]]:
    """(target, measured, baseline / ratio, goal, met) for every target of the issue."""
    over = r["process_overhead_s"]
    rows: list[tuple[str, str, str, str, bool]] = []
    ratio = over["kz_import"] / over["attrs_import"]
    rows.append(
        (
            "`import kzaz_relations` vs `import attrs`",
            _fmt_s(over["kz_import"]),
            f"{_fmt_s(over['attrs_import'])} → **{ratio:.2f}×**",
            f"≤ {TARGETS['import']:.1f}×",
            ratio <= TARGETS["import"],
        )
    )
    ratio = over["kz_cold_get"] / over["pycountry_cold_get"]
    rows.append(
        (
            "cold `import` + `load()` + `get` vs pycountry `import` + `get`",
            _fmt_s(over["kz_cold_get"]),
            f"{_fmt_s(over['pycountry_cold_get'])} → **{ratio:.2f}×**",
            f"≤ {TARGETS['cold']:.1f}×",
            ratio <= TARGETS["cold"],
        )
    )
    speed = r["json_s"] / r["load_s"]
    rows.append(
        (
            "`load()` speed vs read + `json.loads` (same files)",
            _fmt_s(r["load_s"]),
            f"{_fmt_s(r['json_s'])} → **{speed:.3f}×** the speed",
            f"≥ {TARGETS['load_speed']:.1f}×",
            speed >= TARGETS["load_speed"],
        )
    )
    get = r["query_s"]["get"]
    rows.append(
        (
            "warm `get`",
            _fmt_s(get),
            f"dict.get {_fmt_s(r['query_baseline_s']['get'])} → {get / r['query_baseline_s']['get']:.1f}×",
            f"≤ {TARGETS['get_us']:.0f} µs",
            get * 1e6 <= TARGETS["get_us"],
        )
    )
    by_scale = {s["scale"]: s for s in r["scaling"]}
    if 1 in by_scale and 100 in by_scale:
        one, hundred = by_scale[1], by_scale[100]
        growth = (hundred["load_s"] / hundred["records"]) / (one["load_s"] / one["records"])
        rows.append(
            (
                "`load` at 100×: cost per record vs 1×",
                _fmt_s(hundred["load_s"]),
                f"1× {_fmt_s(one['load_s'])} → **{growth:.2f}×** per record",
                f"≤ {TARGETS['linear']:.1f}× (linear)",
                growth <= TARGETS["linear"],
            )
        )
        for q in ("where", "timeline"):
            t = hundred["query_s"][q]
            rows.append(
                (
                    f"`{q}` at 100× (warm)",
                    _fmt_s(t),
                    f"1× {_fmt_s(one['query_s'][q])} → {t / one['query_s'][q]:.0f}×",
                    f"≤ {TARGETS['query_ms']:.0f} ms",
                    t * 1e3 <= TARGETS["query_ms"],
                )
            )
    return rows


def markdown(r: Json) -> str:
    lines = [
        f"Measured with {r['implementation']} {r['python']}" + (" (quick run)." if r["quick"] else "."),
        "",
        "### Targets",
        "",
        "| Target | kzaz_relations | Baseline → ratio | Goal | Status |",
        "|---|---:|---:|---|---|",
    ]
    for name, measured, base, goal, ok in targets(r):
        lines.append(f"| {name} | {measured} | {base} | {goal} | {_status(ok)} |")
    over = r["process_overhead_s"]
    lines += [
        "",
        "### Cold processes (median wall time over a bare `python -c pass`)",
        "",
        "| Process | Overhead | Ratio |",
        "|---|---:|---:|",
        f"| `python -c pass` (absolute) | {_fmt_s(r['process_s']['bare'])} | — |",
        f"| `import attrs` | {_fmt_s(over['attrs_import'])} | 1.00× |",
        f"| `import kzaz_relations` | {_fmt_s(over['kz_import'])} | "
        f"{over['kz_import'] / over['attrs_import']:.2f}× attrs |",
        f"| pycountry: `import` + `countries.get` | {_fmt_s(over['pycountry_cold_get'])} | 1.00× |",
        f"| kzaz_relations: `import` + `load()` + `get` | {_fmt_s(over['kz_cold_get'])} | "
        f"{over['kz_cold_get'] / over['pycountry_cold_get']:.2f}× pycountry |",
        "",
        "### `load()` of the packaged data (imports excluded)",
        "",
        "| Step | Time | Share of `load()` |",
        "|---|---:|---:|",
        f"| read + `json.loads` of the same files (baseline) | {_fmt_s(r['json_s'])} | "
        f"{r['json_s'] / r['load_s']:.1%} |",
        f"| `load(path)`, all of it | {_fmt_s(r['load_s'])} | 100% |",
    ]
    stages = r["load_breakdown_s"]
    for stage, t in stages.items():  # each stage timed on its own: shares are of their sum
        lines.append(f"| — {stage} | {_fmt_s(t)} | {t / sum(stages.values()):.0%} of the stages |")
    lines += [
        "",
        "### Warm queries on the packaged data",
        "",
        "| Query | Time | Plain-Python baseline | Ratio |",
        "|---|---:|---|---:|",
    ]
    calls = {
        "get": "`agreements.get(id)`",
        "where": "`agreements.where(place=…, signed_between=…)`",
        "timeline": "`timeline(start, end)` (one year)",
        "as_of": "`as_of(day)`",
        "series": "`series('trade.turnover', reporter='KZ')`",
        "search": "`search('fiber optic')`",
    }
    for q, label in calls.items():
        t, b = r["query_s"][q], r["query_baseline_s"][q]
        lines.append(f"| {label} | {_fmt_s(t)} | {BASELINE_LABEL[q]}: {_fmt_s(b)} | {t / b:.1f}× |")
    lines += [
        "",
        "### Scaling (synthetic copies of the packaged data)",
        "",
        "| Size | Records | Data | `load` | read + `json.loads` | load / json | Peak RSS | Retained RSS |"
        " `get` | `where` | `timeline` | `as_of` | `series` | `search` | first `timeline` | first `search` |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in r["scaling"]:
        q, f = s["query_s"], s["first_call_s"]

        def cell(d: Json, key: str) -> str:
            return _fmt_s(d[key]) if key in d else "—"

        lines.append(
            f"| {s['scale']}× | {s['records']:,} | {s['bytes'] / 2**20:.1f} MiB | {_fmt_s(s['load_s'])} | "
            f"{_fmt_s(s['json_s'])} | {s['load_s'] / s['json_s']:.0f}× | {s['rss_peak_mib']:.0f} MiB | "
            f"{s['rss_retained_mib']:.0f} MiB | {cell(q, 'get')} | {cell(q, 'where')} | {cell(q, 'timeline')} | "
            f"{cell(q, 'as_of')} | {cell(q, 'series')} | {cell(q, 'search')} | {cell(f, 'timeline')} | "
            f"{cell(f, 'search')} |"
        )
    notes = [
        f"{s['scale']}×: {s['limit_lifted']}, lifted for the benchmark" for s in r["scaling"] if "limit_lifted" in s
    ]
    if any("as_of" not in s["query_s"] for s in r["scaling"]):
        notes.append("sizes above 100× skip `as_of` and `search` to keep the run short (—)")
    if notes:
        lines += ["", "Notes: " + "; ".join(notes) + "."]
    return "\n".join(lines) + "\n"


def chart(r: Json, path: Path) -> bool:
    """Draw the scaling chart as SVG (deterministic); ``False`` if matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    matplotlib.rcParams["svg.hashsalt"] = "kzaz-relations-benchmarks"
    matplotlib.rcParams["svg.fonttype"] = "none"
    rows = r["scaling"]
    scales = [s["scale"] for s in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
    series = [
        ("load", [s["load_s"] for s in rows], "-o"),
        ("read + json.loads", [s["json_s"] for s in rows], "--o"),
    ]
    for q in ("where", "timeline", "as_of", "series", "search"):
        pts = [(s["scale"], s["query_s"][q]) for s in rows if q in s["query_s"]]
        series.append((q, [p[1] for p in pts], "-s"))
    for label, ys, style in series:
        left.plot(scales[: len(ys)], ys, style, label=label, markersize=4)
    lo = rows[0]["load_s"]
    left.plot(scales, [lo * s for s in scales], ":", color="grey", label="linear from 1× load")
    left.axhline(TARGETS["query_ms"] / 1e3, color="red", linewidth=0.8, linestyle="-.", label="50 ms target")
    left.set(xscale="log", yscale="log", xlabel="size (× packaged data)", ylabel="seconds", title="Time")
    left.legend(fontsize=7)
    left.grid(True, which="major", alpha=0.3)
    right.plot(scales, [max(s["rss_peak_mib"], 0.1) for s in rows], "-o", label="peak RSS during load")
    right.plot(scales, [max(s["rss_retained_mib"], 0.1) for s in rows], "-s", label="retained after load")
    right.plot(scales, [s["bytes"] / 2**20 for s in rows], "--", color="grey", label="JSON on disk")
    right.set(xscale="log", yscale="log", xlabel="size (× packaged data)", ylabel="MiB", title="Memory")
    right.legend(fontsize=7)
    right.grid(True, which="major", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return True


def text_table(r: Json) -> str:
    rows = targets(r)
    width = max(len(row[0]) for row in rows)
    out = ["kzaz_relations benchmarks — ratios against baselines measured in this run", ""]
    for name, measured, base, goal, ok in rows:
        status = "PASS" if ok else "MISS"
        out.append(f"{status}  {name.replace('`', ''):<{width}}  {measured:>10}  {base.replace('**', '')}  ({goal})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and sizes 1,10,100 (unless --sizes)")
    parser.add_argument("--sizes", help="comma-separated scale factors (default 1,10,100,1000)")
    parser.add_argument("--json", type=Path, help="write the raw results as JSON")
    parser.add_argument("--markdown", type=Path, help="write the result tables as Markdown")
    parser.add_argument("--chart", type=Path, help="write the scaling chart as SVG (needs matplotlib)")
    parser.add_argument("--from-json", type=Path, help="report from saved results instead of measuring")
    parser.add_argument("--worker", nargs=3, metavar=("FOLDER", "SCALE", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        folder, scale, mode = args.worker
        print(json.dumps(worker(Path(folder), int(scale), mode)))
        return 0
    if args.from_json:
        results: Json = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        default = "1,10,100" if args.quick else "1,10,100,1000"
        sizes = [int(s) for s in (args.sizes or default).split(",") if s.strip()]
        if 1 not in sizes:
            sizes.insert(0, 1)
        print("measuring (progress on stderr)", file=sys.stderr)
        results = measure(sorted(set(sizes)), args.quick)
    print(text_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(results), encoding="utf-8")
    if args.chart and not chart(results, args.chart):
        print("matplotlib is not installed: no chart", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
