"""Every bench script still runs against today's code: a tiny input, both engines, one process each.

Benches measure nothing here (timings belong in bench/); this only keeps them from rotting
when a module they call moves or is renamed.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL_RUNS = {
    "search.py": ["--docs", "60", "--queries", "40"],
    "xlsx.py": ["--rows", "200", "--peer-rows", "200"],
    "ckan_search.py": ["--datasets", "40", "--calls", "5"],
    "fanout.py": ["--recipients", "300", "--naive", "20"],
}


@pytest.mark.parametrize("script", sorted(SMALL_RUNS))
def test_bench_runs_on_a_small_input(script):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *SMALL_RUNS[script]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ratio" in result.stdout  # the comparison with the peer is printed


@pytest.mark.parametrize("script", ["portal_pages.py", "validate.py", "load.py", "hello_server.py"])
def test_bench_imports(script):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import runpy; runpy.run_path({str(ROOT / 'bench' / script)!r}, run_name='bench_import_check')",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
