#!/usr/bin/env python3
"""`shenbao batch` against typst + docxtpl doing the same work serially, and its peak memory.

shenbao: `batch FOLDER -o OUTDIR --progress never` over N records (bench/render's generator:
varied applicants and text lengths), a fresh OUTDIR each run, wall time by the clock. Peers, in
one Python process: typst (bench/render's typst peer: the same three-copy pack layout) for the
PDF and docxtpl (bench/fill's Jinja twin of the Word template) for the DOCX of every record,
one after the other. Memory: peak RSS of `shenbao batch` from `/usr/bin/time -v`.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
sys.path.insert(0, os.path.join(ROOT, "bench/render"))
from peers import form as F  # noqa: E402
from peers import records as R  # noqa: E402


def make_folder(work, n):
    folder = os.path.join(work, f"records-{n}")
    if not os.path.isdir(folder):
        os.makedirs(folder)
        records = R.make_records(os.path.join(ROOT, "templates/samples/application.yaml"),
                                 os.path.join(ROOT, "templates/notices/shanghai-2024.yaml"), n)
        R.write_records(records, folder)
    return folder


def run_batch(binary, folder, outdir, timed=False):
    shutil.rmtree(outdir, ignore_errors=True)
    command = [binary, "batch", folder, "-o", outdir, "--progress", "never"]
    if timed:
        command = ["/usr/bin/time", "-v"] + command
    t0 = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"shenbao batch failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return wall, int(peak.group(1)) // 1024 if peak else None, closing(proc.stderr)


def closing(stderr):
    """The batch's closing line (`N 条成功，…；用时 … 秒`) among what it and time(1) printed."""
    return next((line for line in reversed(stderr.splitlines()) if "条成功" in line), "")


def peers(n, runs, work):
    try:
        from peers import typst_peer
        from docxtpl import DocxTemplate
    except ImportError as e:
        return f"peers not installed ({e.name}): pip install 'typst==0.15.*' 'docxtpl==0.20.*'"
    import json
    notice = F.load_notice(os.path.join(ROOT, "templates/notices/shanghai-2024.yaml"))
    labels = F.load_labels(os.path.join(ROOT, "templates/definitions/application.yaml"))
    records = R.make_records(os.path.join(ROOT, "templates/samples/application.yaml"),
                             os.path.join(ROOT, "templates/notices/shanghai-2024.yaml"), n)
    fill = os.path.join(work, "fill")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/fill/make_inputs.py"), fill, str(n)],
                   check=True, stdout=subprocess.DEVNULL)
    fill_records = [json.load(open(os.path.join(fill, "data", f), encoding="utf-8"))
                    for f in sorted(os.listdir(os.path.join(fill, "data")))]
    template = os.path.join(fill, "template-docxtpl.docx")
    peer = typst_peer.Peer()
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for rec, data in zip(records, fill_records):
            with open(os.path.join(work, "typst.pdf"), "wb") as f:
                f.write(peer.render(rec, notice, labels))
            doc = DocxTemplate(template)
            doc.render(data)
            doc.save(os.path.join(work, "docxtpl.docx"))
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls), f"typst {typst_peer.version()} + docxtpl"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/shenbao"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--memory", default="100,1000,5000", help="record counts to measure peak memory at")
    ap.add_argument("--peer-runs", type=int, default=1, help="runs of the peers (a minute or more each at N=1,000)")
    ap.add_argument("--no-peers", action="store_true")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="shenbao-bench-batch-")
    try:
        folder = make_folder(work, a.n)
        walls, last = [], ""
        for i in range(a.runs):
            # A fresh OUTDIR each run, as a clerk's batch has: writing thousands of files just
            # after deleting thousands in the same place costs ext4 more than the batch's own work.
            outdir = os.path.join(work, f"out-run{i}")
            wall, _, last = run_batch(a.bin, folder, outdir)
            walls.append(wall)
        shenbao = statistics.median(walls)
        print(f"shenbao batch, {a.n} records (pack PDF + DOCX each), {os.cpu_count()} cores: "
              f"median {shenbao:.2f} s of {a.runs} ({a.n / shenbao:.0f} records/s) — {last}")
        # The last run's OUTDIR stays: rerunning over it redoes nothing.
        t0 = time.perf_counter()
        proc = subprocess.run([a.bin, "batch", folder, "-o", outdir, "--progress", "never"], capture_output=True, text=True)
        print(f"rerun over the finished batch: {time.perf_counter() - t0:.2f} s — {closing(proc.stderr)}")
        if not a.no_peers:
            result = peers(a.n, a.peer_runs, work)
            if isinstance(result, str):
                print(result)
            else:
                wall, name = result
                print(f"{name}, serially: median {wall:.2f} s of {a.peer_runs} ({a.n / wall:.1f} records/s); "
                      f"shenbao is {wall / shenbao:.1f}× faster")
        for n in [int(x) for x in a.memory.split(",") if x]:
            _, peak, _ = run_batch(a.bin, make_folder(work, n), os.path.join(work, f"out-{n}"), timed=True)
            print(f"peak memory at N={n}: {peak} MB")
            shutil.rmtree(os.path.join(work, f"out-{n}"), ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
