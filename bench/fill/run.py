#!/usr/bin/env python3
"""The fill benchmark: the same N records and the same two-table template (a row loop), filled
by `shenbao fill` (all records in one process, and one process per document), docxtpl 0.20 and
docx-mailmerge 0.5, side by side in one run. Prints medians over RUNS runs and ratios.

Usage: run.py --bin .build/release/shenbao [--n 200] [--runs 5]"""
import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/shenbao")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = tempfile.mkdtemp(prefix="shenbao-bench-fill-")
    subprocess.run([sys.executable, os.path.join(HERE, "make_inputs.py"), work, str(args.n)], check=True)
    files = sorted(glob.glob(os.path.join(work, "data", "*.json")))
    records = [json.load(open(f, encoding="utf-8")) for f in files]
    out = os.path.join(work, "out")
    results = {}

    def shenbao_batch():
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        subprocess.run([binary, "fill", os.path.join(work, "template-shenbao.docx"), *files, "-o", out], check=True)

    def shenbao_single():  # one CLI process per document, for the first 20 records
        for f in files[:20]:
            subprocess.run([binary, "fill", os.path.join(work, "template-shenbao.docx"), f,
                            "-o", os.path.join(work, "single.docx")], check=True)

    results["shenbao fill (one process, N docs)"] = timed(shenbao_batch, args.runs) / len(files)
    results["shenbao fill (one process per doc)"] = timed(shenbao_single, args.runs) / 20
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    try:
        from docxtpl import DocxTemplate

        def docxtpl_run():
            for i, r in enumerate(records):
                doc = DocxTemplate(os.path.join(work, "template-docxtpl.docx"))
                doc.render(r)
                doc.save(os.path.join(work, "tpl.docx"))
        results["docxtpl 0.20"] = timed(docxtpl_run, args.runs) / len(files)
    except ImportError:
        print("docxtpl not installed: pip install 'docxtpl==0.20.*'")

    try:
        from mailmerge import MailMerge

        def mailmerge_run():
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
        results["docx-mailmerge 0.5"] = timed(mailmerge_run, args.runs) / len(files)
    except ImportError:
        print("docx-mailmerge not installed: pip install docx-mailmerge==0.5.0")

    base = results["shenbao fill (one process, N docs)"]
    print(f"\nfill benchmark: {len(files)} records, median of {args.runs} runs, per document")
    print("| engine | ms per document | vs shenbao (one process) |")
    print("| --- | ---: | ---: |")
    for name, seconds in results.items():
        print(f"| {name} | {seconds * 1000:.2f} | {seconds / base:.1f}× |")
    print(f"\nshenbao peak memory (max RSS of its processes): {peak_kb / 1024:.1f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
