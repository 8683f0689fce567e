#!/usr/bin/env python3
"""Builds the example Word template 申请表模板.docx (and the seal image 公章.png) for `shenbao fill`.

The template exercises what a user's own Word template may hold: tags split over runs with
different formatting (as Word saves them), a table row loop (预期成果), a paragraph loop
(试点方向), checkboxes (`| check`), `| cn_date`, `| cn_money`, line breaks in values, a seal
image (`{{%seal | size "42mm" "42mm"}}`), a header, a footer and the document title.

Run: python3 templates/examples/make_example.py   (needs python-docx)
"""
import math
import os
import struct
import zlib

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))


def seal_png(path, size=240):
    """A red round seal with a star, transparent outside: RGBA PNG written with zlib only."""
    c = size / 2
    star = [(c + (0.34 if i % 2 == 0 else 0.14) * size * math.sin(i * math.pi / 5),
             c - (0.34 if i % 2 == 0 else 0.14) * size * math.cos(i * math.pi / 5)) for i in range(10)]

    def in_star(x, y):
        inside = False
        for i in range(10):
            (x1, y1), (x2, y2) = star[i], star[(i + 1) % 10]
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside

    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            r = math.hypot(x + 0.5 - c, y + 0.5 - c)
            red = (0.40 * size <= r <= 0.47 * size) or in_star(x + 0.5, y + 0.5)
            rows += bytes((200, 16, 32, 235)) if red else bytes((0, 0, 0, 0))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"pHYs", struct.pack(">IIB", 5669, 5669, 1))  # 144 dpi
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def cjk(run, font="宋体"):
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def split_runs(paragraph, pieces):
    """Adds runs as Word leaves them after editing: a tag cut over runs of different formatting."""
    for text, bold, color in pieces:
        run = cjk(paragraph.add_run(text))
        run.bold = bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color)


def cell_text(cell, text, bold=False):
    cell.text = ""
    run = cjk(cell.paragraphs[0].add_run(text))
    run.bold = bold


def main():
    seal_png(os.path.join(HERE, "公章.png"))
    doc = Document()
    doc.core_properties.title = "{{project.name}} 申请表"
    doc.core_properties.subject = "上海市标准化试点项目申报"
    doc.core_properties.author = "shenbao"

    section = doc.sections[0]
    header = section.header.paragraphs[0]
    cjk(header.add_run("申报单位：{{applicant.name}}"))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cjk(footer.add_run("填报日期：{{submitted_on | cn_date}}"))

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t = cjk(title.add_run("上海市标准化试点项目申请表"), "黑体")
    t.font.size = Pt(18)

    # A tag split over three runs, the middle one bold and blue (the result takes the first run's format).
    p = doc.add_paragraph()
    split_runs(p, [("项目名称：{{pro", False, None), ("ject.na", True, "1F4E79"), ("me}}", False, None)])

    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    rows = [
        ("申报单位", "{{applicant.name}}"),
        ("统一社会信用代码", "{{applicant.credit_code}}"),
        ("单位地址", "{{applicant.address}}（邮编 {{applicant.postal_code}}）"),
        ("联系人", "{{applicant.contact.name}}　{{applicant.contact.title}}　电话 {{applicant.contact.phone}}"),
        ("项目类别", "{{project.category | check \"重点项目\"}} 重点项目　{{project.category | check \"一般项目\"}} 一般项目"),
        ("实施周期", "{{project.start_date | cn_date}} 至 {{project.end_date | cn_date}}"),
        # An inline section and its inverted twin: the amount when given, a note when not.
        ("专项经费", "{{#project.budget}}人民币{{project.budget | cn_money}}（¥{{project.budget}}）{{/project.budget}}"
                     "{{^project.budget}}（未填写）{{/project.budget}}"),
    ]
    for label, value in rows:
        cells = table.add_row().cells
        cell_text(cells[0], label, bold=True)
        cell_text(cells[1], value)

    doc.add_paragraph()
    cjk(doc.add_paragraph().add_run("预期成果")).bold = True
    outputs = doc.add_table(rows=1, cols=4)
    outputs.style = "Table Grid"
    for cell, text in zip(outputs.rows[0].cells, ["序号", "级别", "名称", "状态"]):
        cell_text(cell, text, bold=True)
    row = outputs.add_row().cells
    # The row loop: opening tag in the first cell, closing tag in the last one.
    cell_text(row[0], "{{#project.expected_outputs}}{{@number}}")
    cell_text(row[1], "{{level}}")
    cell_text(row[2], "{{name}}")
    cell_text(row[3], "{{status}}{{/project.expected_outputs}}")

    doc.add_paragraph()
    cjk(doc.add_paragraph().add_run("试点方向")).bold = True
    # The paragraph loop: the tag-only paragraphs disappear, the middle one repeats.
    cjk(doc.add_paragraph().add_run("{{#project.directions}}"))
    split_runs(doc.add_paragraph(), [("{{@number}}. ", False, None), ("{{.}}", True, None)])
    cjk(doc.add_paragraph().add_run("{{/project.directions}}"))

    cjk(doc.add_paragraph().add_run("项目背景")).bold = True
    cjk(doc.add_paragraph().add_run("{{project.background}}"))

    cjk(doc.add_paragraph().add_run("承诺事项")).bold = True
    for key, text in [("registered_in_shanghai", "在本市依法注册登记"), ("good_credit", "信用记录良好"),
                      ("no_penalty_3y", "近三年无重大行政处罚"), ("no_major_accident_3y", "近三年无重大安全事故")]:
        cjk(doc.add_paragraph().add_run("{{declarations.%s | check}} %s" % (key, text)))

    doc.add_paragraph()
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cjk(sign.add_run("申报单位（盖章）：{{applicant.name}}"))
    seal = doc.add_paragraph()
    seal.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cjk(seal.add_run("{{%seal | size \"42mm\" \"42mm\"}}"))
    date = doc.add_paragraph()
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cjk(date.add_run("{{submitted_on | cn_date}}"))

    doc.save(os.path.join(HERE, "申请表模板.docx"))


if __name__ == "__main__":
    main()
