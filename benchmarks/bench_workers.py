"""``frontmap extract --workers 2`` against ``--workers 1`` on 600 articles (target: >= 1.5x faster on
a 2-core machine, identical output).

    python benchmarks/bench_workers.py                  # 600 articles, best of 2 runs of each
    python benchmarks/bench_workers.py --articles 2000 --repeat 3 --workers 4

The articles are written to a temporary folder from the reports in ``examples/``: each one the
headline and date line of one report, then the paragraphs of three or four reports in a shuffled
order, with the numbers changed (distances, dates), so that no two articles are the same (4-6 kB each,
the size of a wire story).

Each run is a fresh ``python -m frontmap extract FILES -o OUT --quiet`` process, so that the start-up of
the Dask cluster (importing distributed, the scheduler, worker processes) is counted.  Python caches the
bytecode of what it imports (in the temporary folder), as an installed copy has it.  Printed for each:
wall-clock time and CPU time (user + system of the process and of every process it started and waited
for: the workers too), then the speed-up in wall-clock time and whether the outputs are byte-for-byte
identical.  The load average is printed too: on a shared machine, other work slows both, and the
CPU times are the steadier figures.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil  # installed with distributed

HERE = Path(__file__).resolve().parent
EXAMPLES = sorted((HERE.parent / "examples").glob("*.txt"))
_NUMBER = re.compile(r"(?<![\d,.])(\d{1,3})(?= ?(?:km|kilomet|miles|mi\b))")
_YEAR_DAY = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def _parts(path: Path) -> tuple[list[str], list[str]]:
    """(head lines, body paragraphs) of an example report."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head, body = [], []
    for i, line in enumerate(lines):
        if not line.strip():
            body = [p for p in lines[i + 1 :] if p.strip()]
            break
        head.append(line)
    return head, body


def _vary(text: str, rng: random.Random) -> str:
    """Distances nudged by a few km; dates moved by up to a week."""
    text = _NUMBER.sub(lambda m: str(max(1, int(m.group(1)) + rng.randint(-3, 3))), text)
    return _YEAR_DAY.sub(
        lambda m: f"{m.group(1)}-{m.group(2)}-{min(28, int(m.group(3)) + rng.randint(0, 7)):02d}", text
    )


def write_articles(folder: Path, n: int, seed: int = 13) -> list[str]:
    """``n`` varied articles in ``folder``; their paths, in order."""
    rng = random.Random(seed)
    reports = [_parts(p) for p in EXAMPLES]
    paths = []
    for i in range(n):
        head, _ = reports[i % len(reports)]
        paragraphs = [p for _, body in rng.sample(reports, rng.randint(3, 4)) for p in body]
        rng.shuffle(paragraphs)
        text = "\n".join(head) + "\n\n" + "\n".join(paragraphs) + f"\nFiled as item {i}.\n"
        p = folder / f"article_{i:04d}.txt"
        p.write_text(_vary(text, rng), encoding="utf-8")
        paths.append(str(p))
    return paths


def _cpu(procs: dict[int, Any]) -> dict[int, float]:
    """CPU seconds (user + system) so far of each process still running, by pid."""
    out = {}
    for pid, p in list(procs.items()):
        try:
            t = p.cpu_times()
            out[pid] = t.user + t.system
        except psutil.NoSuchProcess:
            del procs[pid]
    return out


def _family(top: Any, procs: dict[int, Any]) -> None:
    """Add ``top``'s descendants to ``procs``.  A scan of the process table (about 1 ms) is what costs:
    done every 20 ms it took 5% of a core from the run it measured, so it runs every 10th sample."""
    try:
        for p in top.children(recursive=True):
            procs.setdefault(p.pid, p)
    except psutil.NoSuchProcess:
        pass


def bytecode_env(folder: Path) -> dict[str, str]:
    """The environment of the runs: Python may cache bytecode (in ``folder``, not the source tree).

    An installed frontmap has its bytecode; a checkout run with PYTHONDONTWRITEBYTECODE set (as on the
    machine this was written on) compiles every module of the package from source in every process, 0.06 s
    a run that no user pays."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    subprocess.run([sys.executable, "-c", "import frontmap.cli, distributed"], env=env, check=True)
    return env


def run(
    paths: list[str], workers: int, out: Path, env: dict[str, str] | None = None
) -> tuple[float, float, list[float]]:
    """(wall s, CPU s, CPU s of each process) of one ``frontmap extract`` process with ``workers``; the
    first process is the command itself (the driver), the others its workers, as sampled every 20 ms
    (a process that lives less than 0.2 s may be missed)."""
    argv = [sys.executable, "-m", "frontmap", "extract", *paths, "-o", str(out), "--quiet"]
    argv += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
    top = psutil.Process(proc.pid)
    seen: dict[int, float] = {}
    procs = {proc.pid: top}
    samples = 0
    while proc.poll() is None:
        if samples % 10 == 0:
            _family(top, procs)
        seen.update(_cpu(procs))
        samples += 1
        time.sleep(0.02)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"frontmap extract --workers {workers} failed with status {proc.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shares = [seen.pop(proc.pid, 0.0), *sorted(seen.values(), reverse=True)]
    return wall, cpu, [s for s in shares if s > 0.05]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each; the fastest is kept")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="frontmap-bench-") as tmp:
        folder = Path(tmp)
        paths = write_articles(folder, opts.articles)
        size = sum(os.path.getsize(p) for p in paths)
        load = os.getloadavg()[0]
        print(f"{len(paths)} articles, {size / 1e6:.2f} MB, {os.cpu_count()} cores, load {load:.2f}")
        env = bytecode_env(folder)
        best: dict[int, tuple[float, float, list[float]]] = {}
        outputs: dict[int, bytes] = {}
        for r in range(opts.repeat):
            for workers in (1, opts.workers):
                out = folder / f"out_{workers}.json"
                wall, cpu, shares = run(paths, workers, out, env)
                outputs[workers] = out.read_bytes()
                each = " + ".join(f"{x:.2f}" for x in shares)
                print(f"  run {r + 1}, --workers {workers}: wall {wall:6.2f} s  CPU {cpu:6.2f} s  ({each})")
                if workers not in best or wall < best[workers][0]:
                    best[workers] = (wall, cpu, shares)
        w1, wn = best[1][0], best[opts.workers][0]
        for label, (w, c, _) in ((" 1", best[1]), (f" {opts.workers}", best[opts.workers])):
            print(f"--workers{label}:  wall {w:6.2f} s  CPU {c:6.2f} s  ({len(paths) / w:.0f} articles/s)")
        print(f"speed-up (wall): {w1 / wn:.2f}x  (target >= 1.5x with 2 workers on 2 cores)")
        # On an idle machine with a core per worker: the command's own CPU time plus its busiest worker's
        # (an upper bound: the command's work overlaps the workers'), and the total spread over the cores.
        c1, (cn, shares) = best[1][1], best[opts.workers][1:]
        upper = shares[0] + max(shares[1:], default=0.0)
        lower = max(cn / min(opts.workers, os.cpu_count() or 1), max(shares[1:], default=0.0))
        print(f"idle-machine estimate from CPU times: {c1 / upper:.2f}x to {c1 / lower:.2f}x")
        print(f"identical output: {'yes' if outputs[1] == outputs[opts.workers] else 'NO'}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
