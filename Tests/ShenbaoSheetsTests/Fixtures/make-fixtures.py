#!/usr/bin/env python3
"""Writes applicants-gb18030.csv: what Excel on a Chinese Windows saves as plain "CSV" (GB18030,
CRLF, no BOM). 64 data rows; names carry characters outside GBK (𠮷 U+20BB7, 𪚥 U+2A6A5, 䶮
U+4DAE, which GB18030 writes in four bytes), quoted commas, doubled quotes and quoted line breaks.
CSVTests.swift rebuilds the same rows; rerun this script only if both change together."""
import csv, io, os

RARE = ["𠮷", "䶮", "龘", "𪚥", "镕", "喆", "堃", "昇", "珺", "彧", "燊", "鑫"]

def rows():
    yield ["申请单位", "统一社会信用代码", "邮政编码", "通讯地址", "专兼职标准化人员数", "信用良好", "申请日期"]
    for i in range(1, 65):
        rare = RARE[i % len(RARE)]
        address = f"上海市浦东新区{rare}路{i}号" + (f"，{i}室" if i % 3 else f"\n{i}室")
        name = f"上海{rare}科技有限公司{i}" if i % 5 else f"上海“{rare}”\"{i}\"有限公司,分部"
        yield [name, "91310115MA1K3BTP2B", f"{200000 + i:06d}" if i % 4 else f"0{i:05d}", address,
               str(i % 7 + 1), "是" if i % 2 else "否", f"2024/5/{i % 28 + 1}"]

out = io.StringIO()
csv.writer(out, lineterminator="\r\n").writerows(rows())
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "applicants-gb18030.csv")
with open(path, "wb") as f:
    f.write(out.getvalue().encode("gb18030"))
