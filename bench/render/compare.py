#!/usr/bin/env python3
"""Side-by-side render benchmark (issue #4): shenbao against typst, reportlab, fpdf2,
WeasyPrint and LibreOffice on the same N application records, three copies per pack.

    python3 bench/render/compare.py --bin .build/release/shenbao [--n 200] [--runs 5]
        [--peers typst,reportlab,fpdf2,weasyprint,libreoffice] [--slow-n 20] [--lo-n 10] [--keep DIR]

Method (bench/render/README.md, "Side by side"):
- N records from templates/samples/application.yaml, varied (peers/records.py), all checked
  with `shenbao validate` first; written as YAML into a temp folder.
- shenbao: ONE process `shenbao render application r001.yaml … -o OUTDIR`; per pack = wall / N
  (CPU = user + sys of the child from getrusage), median over RUNS. Also one CLI call for a
  single pack (process start, font loading, one PDF), median over RUNS.
- in-process peers: the engine set up once (fonts registered / compiler built), one untimed
  warm-up pack, then each record's three-copy pack from the loaded dict to PDF bytes; per pack =
  the run's mean, median over RUNS. Slow peers (fpdf2, weasyprint) use the first --slow-n records.
  "first pack" = engine setup + the first pack, the in-process peer's cold start.
- LibreOffice: `soffice --headless --convert-to pdf` of shenbao's one-copy DOCX, per file
  (process start included), over the first --lo-n records, once each.
- every engine's output is checked with pdftotext for the applicant's name and a heading.
"""

import argparse
import importlib
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from peers import form as F  # noqa: E402
from peers import records as R  # noqa: E402

IN_PROCESS = {"typst": "typst_peer", "reportlab": "reportlab_peer", "fpdf2": "fpdf2_peer",
              "weasyprint": "weasyprint_peer"}
SLOW = {"fpdf2", "weasyprint"}


def child_cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def run_shenbao(bin_path, paths, runs, work):
    walls, cpus, sizes = [], [], []
    out = os.path.join(work, "shenbao-out")
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        c0, t0 = child_cpu(), time.perf_counter()
        subprocess.run([bin_path, "render", "application", *paths, "-o", out], check=True, capture_output=True)
        walls.append((time.perf_counter() - t0) / len(paths))
        cpus.append((child_cpu() - c0) / len(paths))
    sizes = [os.path.getsize(os.path.join(out, f)) for f in sorted(os.listdir(out))]
    single = []
    one = os.path.join(work, "shenbao-one.pdf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([bin_path, "render", "application", paths[0], "-o", one], check=True, capture_output=True)
        single.append(time.perf_counter() - t0)
    return dict(per_pack=statistics.median(walls), cpu=statistics.median(cpus), first=statistics.median(single),
                size=statistics.median(sizes), sample=os.path.join(out, os.path.basename(paths[0])[:-5] + ".pdf"),
                n=len(paths), runs=runs)


def run_peer(name, records, notice, labels, runs, work):
    mod = importlib.import_module("peers." + IN_PROCESS[name])
    t0 = time.perf_counter()
    peer = mod.Peer()
    first_pdf = peer.render(records[0], notice, labels)
    first = time.perf_counter() - t0
    per_run, sizes = [], []
    for k in range(runs):
        t0 = time.perf_counter()
        for rec in records:
            pdf = peer.render(rec, notice, labels)
            if k == 0:
                sizes.append(len(pdf))
        per_run.append((time.perf_counter() - t0) / len(records))
    sample = os.path.join(work, f"{name}-r001.pdf")
    with open(sample, "wb") as f:
        f.write(first_pdf)
    return dict(per_pack=statistics.median(per_run), first=first, size=statistics.median(sizes), sample=sample,
                n=len(records), runs=runs, version=mod.version())


def run_libreoffice(bin_path, paths, work):
    from peers import libreoffice_peer as LO
    docs = LO.docx_copies(bin_path, paths, work)
    conv = LO.Converter(work)
    conv.convert(docs[0])  # creates the private profile: first-run setup is not measured
    times, sizes, sample = [], [], None
    for d in docs:
        dt, pdf = conv.convert(d)
        times.append(dt)
        sizes.append(os.path.getsize(pdf))
        sample = sample or pdf
    return dict(per_pack=statistics.median(times), first=None, size=statistics.median(sizes), sample=sample,
                n=len(docs), runs=1, version=LO.version(), note="one copy DOCX→PDF per call")


def text_check(pdf, record):
    """Does the PDF carry the record's Chinese text (not boxes or a fallback font's gaps)?"""
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    text = "".join(text.split())
    want = [record["applicant"]["name"], "申请单位基本情况", "上海市市级标准化试点项目"]
    missing = [w for w in want if w not in text]
    return "yes" if not missing else "MISSING " + "、".join(missing)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/shenbao"))
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", default="typst,reportlab,fpdf2,weasyprint,libreoffice")
    ap.add_argument("--slow-n", type=int, default=20, help="records for fpdf2 and weasyprint")
    ap.add_argument("--lo-n", type=int, default=10, help="records LibreOffice converts")
    ap.add_argument("--keep", help="folder for one sample PDF per engine")
    a = ap.parse_args()
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # fpdf2's subsetter chatter

    if not os.access(a.bin, os.X_OK):
        sys.exit(f"no shenbao binary at {a.bin}: run `swift build -c release` first")
    work = tempfile.mkdtemp(prefix="render-compare-")
    notice = F.load_notice(os.path.join(ROOT, "templates/notices/shanghai-2024.yaml"))
    labels = F.load_labels(os.path.join(ROOT, "templates/definitions/application.yaml"))
    records = R.make_records(os.path.join(ROOT, "templates/samples/application.yaml"),
                             os.path.join(ROOT, "templates/notices/shanghai-2024.yaml"), a.n)
    data = os.path.join(work, "records")
    os.makedirs(data)
    paths = R.write_records(records, data)
    v = subprocess.run([a.bin, "validate", *paths], capture_output=True, text=True)
    if v.returncode != 0:
        sys.exit("generated records do not validate:\n" + v.stdout[-2000:] + v.stderr[-2000:])
    print(f"{a.n} records in {data}: {(v.stdout + v.stderr).strip().splitlines()[-1]}", file=sys.stderr)

    rows = []
    print("shenbao …", file=sys.stderr)
    sb = run_shenbao(a.bin, paths, a.runs, work)
    sb.update(name="shenbao", check=text_check(sb["sample"], records[0]))
    rows.append(sb)
    for name in [p.strip() for p in a.peers.split(",") if p.strip()]:
        if name == "libreoffice":
            from peers import libreoffice_peer as LO
            why = LO.available()
            if why:
                print(f"skipped libreoffice: not installed ({why})", file=sys.stderr)
                continue
            print("libreoffice …", file=sys.stderr)
            r = run_libreoffice(a.bin, paths[:a.lo_n], work)
        elif name in IN_PROCESS:
            mod = importlib.import_module("peers." + IN_PROCESS[name])
            why = mod.available()
            if why:
                print(f"skipped {name}: not installed ({why})", file=sys.stderr)
                continue
            n = min(a.slow_n, a.n) if name in SLOW else a.n
            print(f"{name} …", file=sys.stderr)
            r = run_peer(name, records[:n], notice, labels, a.runs, work)
        else:
            print(f"skipped {name}: unknown peer (known: {', '.join([*IN_PROCESS, 'libreoffice'])})", file=sys.stderr)
            continue
        r.update(name=name, check=text_check(r["sample"], records[0]))
        rows.append(r)

    base = sb["per_pack"]
    print(f"\nRender, three-copy application pack; {a.n} varied records; median of {a.runs} runs; "
          f"{os.cpu_count()} cores\n")
    print("| engine | ms per pack | × shenbao | first pack, cold (ms) | KB per pack (median) | records × runs | Chinese text in PDF |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    for r in rows:
        label = r["name"] + (f" {r['version']}" if r.get("version") else "")
        if r.get("note"):
            label += f" ({r['note']})"
        ratio = "1" if r is sb else f"{r['per_pack'] / base:.1f}"
        first = f"{r['first'] * 1000:.0f}" if r.get("first") is not None else "—"
        cpu = f" (CPU {r['cpu'] * 1000:.2f})" if "cpu" in r else ""
        print(f"| {label} | {r['per_pack'] * 1000:.2f}{cpu} | {ratio} | {first} | {r['size'] / 1000:.0f} | "
              f"{r['n']} × {r['runs']} | {r['check']} |")
    if a.keep:
        os.makedirs(a.keep, exist_ok=True)
        for r in rows:
            shutil.copy(r["sample"], os.path.join(a.keep, f"{r['name']}.pdf"))
        print(f"\nsample PDFs (record r001) in {a.keep}", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
