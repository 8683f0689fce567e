#!/usr/bin/env python3
"""The validate benchmark: N application records (the sample, varied; every tenth with defects)
validated by ONE `shenbao validate --json` process. Prints the median wall time over RUNS runs,
per-record cost, and the issue counts as a check that the work was done.

Usage: run.py --bin .build/release/shenbao [--n 1000] [--runs 5]"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CODES = ["91310000631696382C", "91310115MA1K3BTP2B", "913101153325803473", "9131012056010553X5"]


def make_inputs(folder, n):
    with open(os.path.join(ROOT, "templates", "samples", "application.yaml"), encoding="utf-8") as f:
        sample = f.read()
    paths = []
    for i in range(n):
        text = sample.replace("社区嵌入式养老服务标准化试点", f"社区嵌入式养老服务标准化试点{i + 1}号")
        text = text.replace("913101153325803473", CODES[i % len(CODES)])
        if i % 10 == 9:  # defects: wrong check character, short phone, late date
            text = (text.replace(CODES[i % len(CODES)], "91310115MA1H8R7C6D")
                        .replace("021-58881234", "021-5888")
                        .replace("submitted_on: 2024-05-16", "submitted_on: 2024-06-03"))
        path = os.path.join(folder, f"r{i + 1:05d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return paths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/shenbao"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="shenbao-bench-validate-")
    try:
        paths = make_inputs(work, args.n)
        samples, cpu = [], []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run([args.bin, "validate", "--json", *paths], capture_output=True, text=True)
            samples.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        report = json.loads(done.stdout)
        files = report["files"]
        invalid = sum(1 for f in files if not f["valid"])
        issues = sum(len(f["issues"]) for f in files)
        median = statistics.median(samples)
        print(f"validate: {len(files)} records in one process, exit {done.returncode}: "
              f"median {median:.3f} s wall, {statistics.median(cpu):.3f} s CPU over {args.runs} runs "
              f"({median / len(files) * 1e3:.2f} ms/record, loading the files included); "
              f"{invalid} invalid, {issues} issues")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
