"""The application form as plain blocks, for the peers to set.

templates/forms/application.yaml, hand-translated: the same cover, notes, label/value tables,
long-text boxes, outputs table, declarations and opinion box, with the same labels
(templates/definitions/application.yaml), sizes (title 26/22 pt, headings 14 pt, text and
cells 12 pt), column shares and minimum heights, on A4 with the GB/T 9704 margins shenbao uses
(top 37, left 28, right 26, bottom 35 mm), a copy mark (第1份 共3份) and a page number (— 1 —).
Each peer turns these blocks into its own markup; building them is part of the peer's timed work,
as template rendering is part of shenbao's.
"""

from dataclasses import dataclass, field
import datetime as dt

import yaml

PAGE = dict(width=210, height=297, top=37, left=28, right=26, bottom=35)  # mm
BODY_WIDTH = PAGE["width"] - PAGE["left"] - PAGE["right"]
CHECKED, UNCHECKED = "☑", "☐"


@dataclass
class Para:
    text: str
    size: float = 12
    bold: bool = False
    align: str = "justify"  # left | center | right | justify
    indent: int = 0  # first-line indent in characters
    leading: float = 1.6
    space_before: float = 0  # pt
    space_after: float = 0


@dataclass
class Cell:
    content: list  # of Para
    span: int = 1
    border: str = "all"  # all | bottom | none
    valign: str = "middle"


@dataclass
class Row:
    cells: list
    min_height: float = 0  # mm


@dataclass
class Table:
    columns: list  # shares of the body width, summing to 100
    rows: list
    header: int = 0
    border: bool = True
    space_before: float = 0


@dataclass
class Heading:
    text: str


@dataclass
class Spacer:
    mm: float


class PageBreak:
    pass


@dataclass
class Form:
    blocks: list = field(default_factory=list)


def load_labels(definitions_path):
    with open(definitions_path, encoding="utf-8") as f:
        d = yaml.safe_load(f)
    labels = {}
    for fd in d["fields"]:
        labels[fd["path"]] = fd["label"]
        for item in (fd.get("items") or {}).get("fields", []):
            labels[fd["path"] + "[]." + item["path"]] = item["label"]
    return labels


def load_notice(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def cn_date(d):
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return f"{d.year}年{d.month}月{d.day}日"


CN_DIGITS = "零一二三四五六七八九十"


def check(value, option=None):
    on = bool(value) if option is None else value == option
    return CHECKED if on else UNCHECKED


def _label(text, **kw):
    return Cell([Para(text, align=kw.pop("align", "center"), bold=kw.pop("bold", False), leading=1.4)], **kw)


def _value(text, **kw):
    return Cell([Para(str(text), align=kw.pop("align", "justify"), indent=kw.pop("indent", 0), leading=1.4)], **kw)


def build(r, notice, L):
    """The blocks of one copy for record `r` (a dict as loaded from YAML)."""
    a, p, c = r["applicant"], r["project"], r["applicant"]["contact"]
    B = []
    # 1. Cover.
    B += [Spacer(22), Para("上海市市级标准化试点项目\n申请表", size=26, bold=True, align="center", leading=1.7,
                          space_after=12), Spacer(36)]
    cover = [
        (L["project.name"] + "：", p["name"]),
        (L["project.category"] + "：", f"{check(p['category'], '重点项目')}重点项目　　{check(p['category'], '一般项目')}一般项目"),
        (L["applicant.name"] + "（盖章）：", a["name"]),
        (L["recommender.name"] + "：", r["recommender"]["name"]),
        (L["applicant.contact.name"] + "：", c["name"]),
        (L["applicant.contact.phone"] + "：", c["phone"] + (f"　{c['mobile']}" if c.get("mobile") else "")),
        (L["submitted_on"] + "：", cn_date(r["submitted_on"])),
    ]
    B.append(Table([34, 66], [Row([Cell([Para(k, size=14, align="left", leading=1.4)], border="none"),
                                   Cell([Para(v, size=14, align="justify", leading=1.4)], border="bottom")])
                              for k, v in cover], border=False))
    B += [Spacer(40), Para(f"{notice['issuer']}制", size=16, align="center"),
          Para(f"{notice['year']}年", size=16, align="center"), PageBreak()]
    # 2. 填表说明.
    copies_cn = CN_DIGITS[notice["copies"]]
    notes = [
        "一、本表由申请单位用计算机填写并打印，不得手写；栏目内容较多时，表格随内容延长。",
        f"二、本表用A4纸打印，一式{copies_cn}份，每份均须加盖申请单位公章。",
        "三、选项栏以“☑”标示选中项，“☐”为未选项。重点项目须填写重点领域和重点方向，重点方向应在通知所列方向中选择。",
        f"四、申请单位应于{cn_date(notice['deadline'])}前将申请表报送推荐单位（行业主管部门或区市场监管局），由推荐单位初审并填写推荐部门意见后统一报送{notice['submission']['recipient']}。",
        f"五、依据：《{notice['title']}》（{notice['document_number']}）。",
    ]
    B.append(Para("填表说明", size=16, bold=True, align="center", leading=1.4, space_after=10))
    B += [Para(t, indent=2) for t in notes]
    B.append(PageBreak())
    # 3. 一、申请单位基本情况.
    s = a["standardization"]
    natures = ["企业", "事业单位", "社会团体", "机关", "民办非企业单位", "其他"]
    B.append(Heading("一、申请单位基本情况"))
    B.append(Table([25, 29, 19, 27], [
        Row([_label(L["applicant.name"]), _value(a["name"], span=3)]),
        Row([_label(L["applicant.credit_code"]), _value(a["credit_code"]), _label(L["applicant.district"]), _value(a["district"])]),
        Row([_label(L["applicant.nature"]), _value("　".join(check(a["nature"], n) + n for n in natures), span=3)]),
        Row([_label(L["applicant.address"]), _value(a["address"]), _label(L["applicant.postal_code"]), _value(a["postal_code"])]),
        Row([_label(L["applicant.legal_representative"]), _value(a["legal_representative"], span=3)]),
        Row([_label(L["applicant.contact.name"]), _value(c["name"]), _label(L["applicant.contact.title"]), _value(c.get("title", ""))]),
        Row([_label(L["applicant.contact.phone"]), _value(c.get("phone", "")), _label(L["applicant.contact.mobile"]), _value(c.get("mobile", ""))]),
        Row([_label(L["applicant.contact.email"]), _value(c["email"], span=3)]),
        Row([_label(L["applicant.standardization.body"]), _value(s["body"]),
             _label(L["applicant.standardization.staff_count"]), _value(s["staff_count"])]),
        Row([_label(L["applicant.standardization.basis"], span=4, align="left", bold=True)]),
        Row([_value(s["basis"], span=4, indent=2, valign="top")], min_height=24),
    ]))
    # 4. 二、项目基本情况.
    sps = p.get("social_public_service", False)
    B.append(Heading("二、项目基本情况"))
    B.append(Table([23, 77], [
        Row([_label(L["project.name"]), _value(p["name"])]),
        Row([_label(L["project.category"]), _value(f"{check(p['category'], '重点项目')}重点项目　　{check(p['category'], '一般项目')}一般项目")]),
        Row([_label(L["project.social_public_service"]), _value(f"{check(sps)}是　　{check(not sps)}否")]),
        Row([_label(L["project.field"]), _value(p.get("field") or "—")]),
        Row([_label(L["project.directions"]), _value("、".join(p.get("directions") or []) or "—")]),
        Row([_label("试点起止日期"), _value(f"{cn_date(p['start_date'])}至{cn_date(p['end_date'])}")]),
    ]))
    if p.get("participants"):
        rows = [Row([_label(L["project.participants"], span=4, bold=True)]),
                Row([_label("序号"), _label(L["project.participants[].name"]), _label(L["project.participants[].credit_code"]),
                     _label(L["project.participants[].role"])])]
        rows += [Row([_value(i, align="center"), _value(x["name"]), _value(x["credit_code"], align="center"),
                      _value(x["role"], align="center")]) for i, x in enumerate(p["participants"], 1)]
        B.append(Table([8, 40, 30, 22], rows, header=2, space_before=8))
    # 5. 三至七.
    for title, key in [("三、立项依据", "background"), ("四、试点目标", "goals"), ("五、主要任务", "tasks"),
                       ("六、进度安排", "schedule"), ("七、保障措施", "safeguards")]:
        B.append(Heading(title))
        B.append(Table([100], [Row([_value(p[key], indent=2, valign="top")], min_height=40)]))
    # 6. 八、预期成果.
    B.append(Heading("八、预期成果"))
    rows = [Row([_label("序号", bold=True), _label(L["project.expected_outputs[].level"], bold=True),
                 _label(L["project.expected_outputs[].name"], bold=True), _label(L["project.expected_outputs[].status"], bold=True)])]
    rows += [Row([_value(i, align="center"), _value(o["level"], align="center"), _value(o["name"]),
                  _value(o.get("status", ""), align="center")]) for i, o in enumerate(p["expected_outputs"], 1)]
    B.append(Table([9, 19, 54, 18], rows, header=1))
    # 7. 九、申请单位承诺.
    decl = r.get("declarations", {})
    paras = [Para(f"本单位对照《{notice['title']}》的申报条件声明如下：", align="left", leading=1.4, space_after=2)]
    for e in notice["eligibility"]:
        if e.get("when") and not _lookup(r, e["when"]):
            continue
        paras.append(Para(f"{check(decl.get(e['key']))} {e['text']}", align="left", leading=1.4))
    paras += [Para("本单位承诺所填内容真实、准确、完整，所附材料真实有效；如有虚假，愿承担相应责任。", indent=2, leading=1.4, space_before=6),
              Para("", space_after=8), Para("法定代表人（签字）：", align="left", leading=1.4),
              Para(f"申请单位：{a['name']}", align="right", leading=1.4, space_before=24),
              Para(cn_date(r["submitted_on"]), align="right", leading=1.4),
              Para("（盖章）", align="right", leading=1.4)]
    B.append(Heading("九、申请单位承诺"))
    B.append(Table([100], [Row([Cell(paras, valign="top")])]))
    # 8. 十、推荐部门意见.
    B.append(Heading("十、推荐部门意见"))
    B.append(Table([100], [Row([Cell([Para("推荐部门（盖章）", align="right", leading=1.4),
                                      Para("年　　月　　日", align="right", leading=1.4)], valign="bottom")],
                               min_height=75)]))
    return Form(B)


def _lookup(r, path):
    v = r
    for k in path.split("."):
        if not isinstance(v, dict):
            return None
        v = v.get(k)
    return v
