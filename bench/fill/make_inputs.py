#!/usr/bin/env python3
"""Builds the inputs of the fill benchmark in DIR: N application records (JSON) and three
equivalent two-table Word templates — Shenbao tags, docxtpl (Jinja) tags, and MERGEFIELDs for
docx-mailmerge — so the three engines do the same work on the same data.

Usage: make_inputs.py DIR [N]"""
import json
import os
import random
import sys

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
DISTRICTS = ["黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区",
             "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"]
LEVELS = ["地方标准", "行业标准", "国家标准", "团体标准", "企业标准"]
TOPICS = ["智慧养老", "城市数字治理", "氢能装备", "生物医药", "绿色低碳", "智能交通", "航运服务", "数字乡村"]

BASIC = [  # (label, path)
    ("申请单位", "applicant.name"), ("统一社会信用代码", "applicant.credit_code"),
    ("所在区", "applicant.district"), ("通讯地址", "applicant.address"),
    ("邮政编码", "applicant.postal_code"), ("法定代表人", "applicant.legal_representative"),
    ("联系人", "applicant.contact.name"), ("联系电话", "applicant.contact.phone"),
    ("电子邮箱", "applicant.contact.email"), ("项目名称", "project.name"),
    ("项目类别", "project.category"), ("试点起止日期", "project.period"),
    ("立项依据", "project.background"),
]
OUTPUT_COLUMNS = [("成果级别", "level"), ("名称", "name"), ("状态", "status")]


def record(i, rng):
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    topic = rng.choice(TOPICS)
    district = rng.choice(DISTRICTS)
    return {
        "applicant": {
            "name": f"上海{topic}科技发展有限公司第{i + 1}分公司",
            "credit_code": f"913101{i:06d}0000X",
            "district": district,
            "address": f"上海市{district}示范路{rng.randint(1, 999)}号{rng.randint(1, 30)}楼",
            "postal_code": f"200{rng.randint(0, 299):03d}",
            "legal_representative": name,
            "contact": {"name": rng.choice(SURNAMES) + rng.choice(GIVEN), "phone": f"021-{rng.randint(10000000, 99999999)}",
                        "email": f"contact{i}@example.cn"},
        },
        "project": {
            "name": f"{topic}服务标准化试点（{i + 1}）",
            "category": rng.choice(["重点项目", "一般项目"]),
            "period": "2024年7月1日至2026年6月30日",
            "background": f"{topic}需求增长快，服务内容和质量评价缺少统一标准。" * rng.randint(2, 6),
            "expected_outputs": [{"level": rng.choice(LEVELS), "name": f"{topic}服务规范第{k + 1}部分", "status": "起草"}
                                 for k in range(rng.randint(2, 6))],
        },
    }


def flat(path):
    return path.replace(".", "_")


def build(kind, out_path):
    doc = Document()
    doc.add_heading("上海市市级标准化试点项目申请表", level=1)
    doc.add_paragraph("一、基本情况")
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, path in BASIC:
        cells = table.add_row().cells
        cells[0].text = label
        if kind == "shenbao":
            cells[1].text = "{{" + path + "}}"
        elif kind == "docxtpl":
            cells[1].text = "{{ " + path + " }}"
        else:
            field(cells[1].paragraphs[0], flat(path))
    doc.add_paragraph("二、预期成果")
    outputs = doc.add_table(rows=1, cols=4)
    outputs.style = "Table Grid"
    for cell, title in zip(outputs.rows[0].cells, ["序号", "成果级别", "名称", "状态"]):
        cell.text = title
    if kind == "shenbao":
        row = outputs.add_row().cells
        row[0].text = "{{#project.expected_outputs}}{{@number}}"
        row[1].text, row[2].text = "{{level}}", "{{name}}"
        row[3].text = "{{status}}{{/project.expected_outputs}}"
    elif kind == "docxtpl":
        outputs.add_row().cells[0].text = "{%tr for o in project.expected_outputs %}"
        row = outputs.add_row().cells
        row[0].text = "{{ loop.index }}"
        row[1].text, row[2].text, row[3].text = "{{ o.level }}", "{{ o.name }}", "{{ o.status }}"
        outputs.add_row().cells[0].text = "{%tr endfor %}"
    else:
        row = outputs.add_row().cells
        for cell, name in zip(row, ["number", "level", "name", "status"]):
            field(cell.paragraphs[0], name)
    doc.add_paragraph("本单位承诺所填内容真实、准确、完整。")
    doc.save(out_path)


def field(paragraph, name):
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD {name} "><w:r><w:t>«{name}»</w:t></w:r></w:fldSimple>'))


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    rng = random.Random(2024)
    records = [record(i, rng) for i in range(n)]
    for i, r in enumerate(records):
        with open(os.path.join(out, "data", f"r{i + 1:03d}.json"), "w", encoding="utf-8") as f:
            json.dump(r, f, ensure_ascii=False)
    for kind in ("shenbao", "docxtpl", "mailmerge"):
        build(kind, os.path.join(out, f"template-{kind}.docx"))


if __name__ == "__main__":
    main()
