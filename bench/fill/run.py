#!/usr/bin/env python3
"""The fill benchmark: wall time AND CPU time per document, so the cost of the fill itself can be
told apart from the disk. 200 Chinese application records and three equivalent two-table
templates with a row loop (made by make_inputs.py beside this file).

Rows: `shenbao fill` with all N data files in one process (template parsed once), docxtpl 0.20
and docx-mailmerge 0.5 (pip install 'docxtpl==0.20.*' docx-mailmerge==0.5.0), each the median
of RUNS runs; shenbao's own phases (data loading, fill, file write) are read from its
SHENBAO_TIMING report. Shenbao's CPU time is its process's user+sys (getrusage of the child), which
includes start-up, data loading and zipping. A second shenbao row runs one CLI process per
document (20 of them), as a script calling it for each record would.

Usage: python3 bench/fill/run.py --bin .build/release/shenbao [--n 200] [--runs 5]"""
import argparse
import glob
import json
import re
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_INPUTS = os.path.join(HERE, "make_inputs.py")


def measure(fn, runs):
    """Median wall and CPU seconds of fn() over runs; fn returns its CPU seconds."""
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter()
        cpu = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/shenbao")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="shenbao-bench-docx-")
    subprocess.run([sys.executable, MAKE_INPUTS, work, str(args.n)], check=True, stdout=subprocess.DEVNULL)
    files = sorted(glob.glob(os.path.join(work, "data", "*.json")))
    records = [json.load(open(f, encoding="utf-8")) for f in files]
    n = len(files)
    out = os.path.join(work, "out")
    results = {}
    phases = []

    def shenbao():
        shutil.rmtree(out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([binary, "fill", os.path.join(work, "template-shenbao.docx"), *files, "-o", out],
                              check=True, capture_output=True, text=True, env=dict(os.environ, SHENBAO_TIMING="1"))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        phases.append(re.search(r"load ([\d.]+) ms, fill ([\d.]+) ms, write ([\d.]+) ms", proc.stderr).groups())
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    results["shenbao fill (one process, %d docs)" % n] = measure(shenbao, args.runs)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    def shenbao_per_document():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        for f in files[:20]:
            subprocess.run([binary, "fill", os.path.join(work, "template-shenbao.docx"), f,
                            "-o", os.path.join(work, "single.docx")], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * n / 20

    wall, cpu = measure(shenbao_per_document, args.runs)
    results["shenbao fill (one process per doc)"] = (wall * n / 20, cpu)

    try:
        from docxtpl import DocxTemplate

        def docxtpl():
            start = time.process_time()
            for r in records:
                doc = DocxTemplate(os.path.join(work, "template-docxtpl.docx"))
                doc.render(r)
                doc.save(os.path.join(work, "tpl.docx"))
            return time.process_time() - start
        results["docxtpl 0.20"] = measure(docxtpl, args.runs)
    except ImportError:
        print("docxtpl not installed: pip install 'docxtpl==0.20.*'")

    try:
        from mailmerge import MailMerge

        def mailmerge():
            start = time.process_time()
            for r in records:
                m = MailMerge(os.path.join(work, "template-mailmerge.docx"))
                fields = {}
                for section in ("applicant", "project"):
                    for k, v in r[section].items():
                        if isinstance(v, dict):
                            for k2, v2 in v.items():
                                fields[f"{section}_{k}_{k2}"] = str(v2)
                        elif not isinstance(v, list):
                            fields[f"{section}_{k}"] = str(v)
                m.merge(**fields)
                m.merge_rows("number", [dict(number=str(i + 1), **o) for i, o in enumerate(r["project"]["expected_outputs"])])
                m.write(os.path.join(work, "mm.docx"))
                m.close()
            return time.process_time() - start
        results["docx-mailmerge 0.5"] = measure(mailmerge, args.runs)
    except ImportError:
        print("docx-mailmerge not installed: pip install docx-mailmerge==0.5.0")

    print(f"\nDOCX fill: {n} records, median of {args.runs} runs, per document")
    base = next(iter(results.values()))[0]
    print("| engine | wall ms/doc | CPU ms/doc | wall vs shenbao (one process) |")
    print("| --- | ---: | ---: | ---: |")
    for name, (wall, cpu) in results.items():
        print(f"| {name} | {wall * 1000 / n:.2f} | {cpu * 1000 / n:.2f} | {wall / base:.1f}× |")
    print(f"\nshenbao peak memory (max RSS of its processes): {peak_kb / 1024:.1f} MB")
    if phases:
        load, fill, write = (statistics.median(float(p[i]) for p in phases) for i in range(3))
        print(f"\nshenbao in-process, per document (SHENBAO_TIMING, medians): load data {load:.3f} ms, "
              f"fill {fill:.3f} ms, write file {write:.3f} ms (AtomicFile: temporary file, rename)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
