"""What every benchmark shares: the load average, a child's wall time and peak memory, alternating runs.

Figures on a shared machine only mean something as ratios of runs made side by
side, so the benchmarks run ours and the alternative in one process tree,
alternating (:func:`alternate`), measure each child with ``os.wait4`` (its own
peak resident memory, :func:`run_child`) and print the load average
(:func:`load_average`) with every figure.

    from common import alternate, load_average, plugin_import_path, run_qgis_process
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def load_average():
    """``"load 1.02 0.51 0.20 (1, 5, 15 min) on 2 cores"``: other work on the machine slows every figure."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min) on {os.cpu_count()} cores"


def plugin_import_path():
    """Import the plugin as QGIS would: ``alliance_territories`` through a plugins folder, not the repository root."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-bench-"))
    (folder / "alliance_territories").symlink_to(ROOT, target_is_directory=True)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sys.path.insert(0, str(folder))
    return folder


@dataclass
class ChildRun:
    """A finished child process: wall time, its own peak resident memory (``wait4``), exit status."""

    seconds: float
    peak_mb: float
    status: int
    cpu: float = 0.0  # user + system seconds of the child: less sensitive than the wall time to other work


def run_child(command, *, env=None, stdout=None, stderr=None):
    """Run ``command`` to its end; its wall time, CPU time and peak memory come from ``os.wait4`` (this child only)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(process.pid, 0)
    return ChildRun(time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status),
                    usage.ru_utime + usage.ru_stime)


def qgis_env():
    """The environment of a headless ``qgis_process.bin`` (the caller sourced scripts/env.sh for the profile)."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def arguments(parameters):
    """``KEY=value`` arguments of ``qgis_process``; a list value repeats its key (a multiple parameter)."""
    return [f"{key}={value}" for key, values in parameters.items()
            for value in (values if isinstance(values, list) else [values])]


def run_qgis_process(algorithm, parameters, log_stem):
    """``qgis_process.bin --json run algorithm -- KEY=value ...``: (:class:`ChildRun`, the results).

    ``log_stem`` (a Path without suffix) gets ``.json`` (stdout) and ``.log`` (stderr); a failed run stops
    the benchmark with both.
    """
    command = [QGIS_PROCESS, "--json", "run", algorithm, "--", *arguments(parameters)]
    out, err = Path(f"{log_stem}.json"), Path(f"{log_stem}.log")
    with open(out, "w") as out_handle, open(err, "w") as err_handle:
        run = run_child(command, env=qgis_env(), stdout=out_handle, stderr=err_handle)
    if run.status != 0:
        raise SystemExit(f"qgis_process {algorithm} failed:\n{out.read_text()[-3000:]}\n{err.read_text()[-3000:]}")
    return run, json.loads(out.read_text())["results"]


def alternate(sides, rounds=2, after_round=None):
    """Run the callables of ``sides`` (``{label: function}``) ``rounds`` times, in turn, the order reversed
    every other round (A B, B A, ...) so that neither side always runs first; ``{label: [results]}``.
    ``after_round(number)`` (1, 2, ...) is called after each round (to print the load, say)."""
    results = {label: [] for label in sides}
    labels = list(sides)
    for number in range(rounds):
        for label in (labels if number % 2 == 0 else labels[::-1]):
            results[label].append(sides[label]())
        if after_round is not None:
            after_round(number + 1)
    return results


def clock(function):
    """``(seconds, result)`` of one call."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def cpu_clock(function):
    """``(wall seconds, CPU seconds of this process, result)`` of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - start, time.process_time() - cpu, result
