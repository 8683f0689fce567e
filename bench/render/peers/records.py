"""N varied application records from templates/samples/application.yaml.

Each record keeps the sample's shape and changes what a batch of real applications changes:
the applicant (name, district, a credit code VALID under GB 32100-2015 for that district,
address, people, phones), the project (name, category, field, directions, period) and the
long texts, whose length varies from a sentence to about 700 characters so that some packs run
onto more pages than others. Deterministic for a given seed: the same N records every run.
"""

import copy
import datetime as dt
import random

import yaml

# GB 32100-2015 §4.2: the 31 characters of a code, in value order 0–30 (no I, O, Z, S, V).
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# GB 32100-2015 §5: weights of positions 1–17 are 3^(i−1) mod 31.
WEIGHTS = [pow(3, i, 31) for i in range(17)]


def credit_check_char(first17):
    """The 18th character the first 17 call for: (31 − Σ vᵢ·wᵢ mod 31) mod 31."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code(rng, division):
    """A code registered in `division` (positions 3–8), with a correct check character."""
    kind = rng.choice(["91", "91", "91", "12", "52", "51"])  # company, institution, NPO, society
    org = "".join(rng.choice(ALPHABET) for _ in range(9))
    body = kind + division + org
    return body + credit_check_char(body)


def is_valid_credit_code(code):
    return len(code) == 18 and all(c in ALPHABET for c in code) and credit_check_char(code[:17]) == code[17]


DISTRICTS = {
    "310101": "黄浦区", "310104": "徐汇区", "310105": "长宁区", "310106": "静安区", "310107": "普陀区",
    "310109": "虹口区", "310110": "杨浦区", "310112": "闵行区", "310113": "宝山区", "310114": "嘉定区",
    "310115": "浦东新区", "310116": "金山区", "310117": "松江区", "310118": "青浦区", "310120": "奉贤区",
    "310151": "崇明区",
}
NATURE_BY_KIND = {"91": "企业", "12": "事业单位", "52": "民办非企业单位", "51": "社会团体"}
ROADS = ["张杨路", "世纪大道", "淮海中路", "漕溪北路", "延安西路", "南京西路", "曹杨路", "四川北路", "国定路",
         "莘庄路", "牡丹江路", "博乐路", "卫清西路", "人民北路", "外青松公路", "南桥路", "城桥镇八一路"]
WORDS = ["智慧", "华信", "申通", "东方", "联合", "恒润", "嘉禾", "明德", "康泰", "云海", "锦程", "新元", "长江", "浦江",
         "海纳", "同舟", "博远", "瑞丰", "宏图", "安和"]
TRADES = ["养老服务", "检测技术", "物业管理", "智能制造", "生物医药", "信息技术", "城市运营", "环境工程", "物流",
          "文化旅游", "医疗器械", "新能源科技", "农业科技", "航运服务", "建设工程"]
SUFFIX = {"企业": ["有限公司", "股份有限公司", "集团有限公司"], "事业单位": ["中心", "研究院"],
          "民办非企业单位": ["服务中心", "促进中心"], "社会团体": ["协会", "促进会"]}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玉兰志斌晨宇浩然思远嘉怡子涵雨欣俊峰海燕晓东"
TITLES = ["办公室主任", "标准化专员", "质量部经理", "副总经理", "综合部部长", "技术负责人"]
BODIES = ["质量与标准化科", "标准化办公室", "质量管理部", "技术标准部", "综合管理部"]
OBJECTS = ["服务规范", "评价指南", "管理规范", "技术要求", "运行指南", "建设指南", "数据接口规范", "安全要求"]
STATUS = ["拟立项", "起草", "征求意见", "已立项", "已发布"]

SENTENCES = [
    "本单位长期从事相关领域的服务与研究，具备开展标准化试点的组织基础和技术能力。",
    "近年来服务需求增长较快，服务内容、流程和质量评价缺少统一的标准依据。",
    "通过试点建立覆盖服务全过程的标准体系，推动服务提供规范化、管理精细化。",
    "梳理现有管理制度和作业文件，对照国家标准、行业标准和地方标准查漏补缺。",
    "编制标准体系表，明确通用基础标准、服务保障标准和服务提供标准的层次结构。",
    "制定服务规范与评价指南，开展标准宣贯培训，组织员工系统学习并考核上岗。",
    "建立标准实施检查与持续改进机制，定期开展内部评价，形成问题清单并闭环整改。",
    "依托信息化平台采集服务数据，以数据支撑标准实施效果评估和服务质量监测。",
    "试点期间计划形成地方标准一项、团体标准两项，企业标准若干项。",
    "试点完成后服务满意度达到百分之九十五以上，投诉率较试点前下降三成。",
    "成立由主要负责人任组长的试点工作领导小组，下设工作办公室负责日常推进。",
    "落实专项经费，纳入年度预算，专款专用，并接受财务审计和上级部门监督。",
    "聘请标准化专家组成顾问团队，对标准体系建设和标准编制进行全过程指导。",
    "第一阶段完成现状调研和标准体系框架设计；第二阶段完成标准制修订并发布实施。",
    "第三阶段开展试点实施情况自评估，总结经验做法，形成可复制可推广的模式。",
    "加强与行业主管部门、区市场监管局和同行单位的沟通协作，共享试点成果。",
    "将标准化工作纳入绩效考核，对标准实施成效突出的部门和个人给予表彰奖励。",
    "结合长三角区域一体化发展要求，推动标准互认和服务规则衔接。",
    "围绕安全生产和应急管理，完善风险辨识、隐患排查和应急处置相关标准。",
    "积极参与国家标准和行业标准的起草工作，提升单位在行业中的话语权。",
    "建立标准文本管理制度，做好标准的收集、登记、更新和废止工作。",
    "试点成果通过现场会、案例汇编和媒体宣传等方式予以推广应用。",
]


def _person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


def _text(rng, low, high):
    """A long text of `low`–`high` sentences (about 35 characters each)."""
    return "".join(rng.choice(SENTENCES) for _ in range(rng.randint(low, high)))


def _key_fields(notice):
    return {f["name"]: f["directions"] for f in notice["key_fields"]}


def make_records(sample_path, notice_path, n, seed=130):
    """The sample's record varied n times; returns a list of dicts."""
    with open(sample_path, encoding="utf-8") as f:
        sample = yaml.safe_load(f)
    with open(notice_path, encoding="utf-8") as f:
        notice = yaml.safe_load(f)
    fields = _key_fields(notice)
    rng = random.Random(seed)
    codes = list(DISTRICTS)
    out = []
    for i in range(n):
        r = copy.deepcopy(sample)
        a, p = r["applicant"], r["project"]
        division = rng.choice(codes)
        district = DISTRICTS[division]
        code = credit_code(rng, division)
        assert is_valid_credit_code(code), code
        nature = NATURE_BY_KIND[code[:2]]
        trade = rng.choice(TRADES)
        a["name"] = "上海" + rng.choice(WORDS) + trade + rng.choice(SUFFIX[nature])
        a["credit_code"] = code
        a["nature"] = nature
        a["district"] = district
        a["address"] = f"上海市{district}{rng.choice(ROADS)}{rng.randint(1, 2999)}号" + (
            f"{rng.randint(2, 30)}楼" if rng.random() < 0.6 else "")
        a["postal_code"] = f"20{rng.randint(0, 2)}{rng.randint(0, 999):03d}"
        a["legal_representative"] = _person(rng)
        c = a["contact"]
        c["name"] = _person(rng)
        c["title"] = rng.choice(TITLES)
        c["phone"] = f"021-{rng.randint(2, 6)}{rng.randint(0, 9999999):07d}"
        c["mobile"] = f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}"
        c["email"] = f"contact{i + 1:03d}@{rng.choice(['xh', 'sh', 'pd', 'mh'])}-{rng.randint(1, 99)}.example.cn"
        s = a["standardization"]
        s["body"] = rng.choice(BODIES)
        s["staff_count"] = rng.randint(1, 12)
        s["basis"] = _text(rng, 1, 6)

        key = rng.random() < 0.6
        p["category"] = "重点项目" if key else "一般项目"
        if key:
            field = rng.choice(list(fields))
            p["field"] = field
            p["directions"] = rng.sample(fields[field], rng.randint(1, min(2, len(fields[field]))))
            topic = p["directions"][0]
        else:
            p.pop("field", None)
            p.pop("directions", None)
            topic = trade
        p["name"] = f"{rng.choice(['社区', '园区', '区域', '全流程', '数字化', '一体化'])}{topic}标准化试点"
        start = dt.date(2024, rng.choice([6, 7, 8, 9]), 1)
        months = rng.choice([12, 18, 24])
        end_month = start.month - 1 + months
        end = dt.date(start.year + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1)
        p["start_date"], p["end_date"] = start, end
        for k in ("background", "goals", "tasks", "schedule", "safeguards"):
            p[k] = _text(rng, 1, 20 if rng.random() < 0.3 else 5)
        p["expected_outputs"] = [
            {"level": rng.choice(notice["output_levels"]), "name": f"{topic}{rng.choice(OBJECTS)}",
             "status": rng.choice(STATUS)} for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.3:
            p["participants"] = [
                {"name": "上海" + rng.choice(WORDS) + rng.choice(TRADES) + "有限公司",
                 "credit_code": credit_code(rng, rng.choice(codes)),
                 "role": rng.choice(["参加单位", "保障单位"])} for _ in range(rng.randint(1, 3))]
        rec = r["recommender"]
        if rng.random() < 0.7:
            rec.update(kind="区市场监管局", district=district, name=f"上海市{district}市场监督管理局")
        else:
            rec.pop("district", None)
            rec.update(kind="行业主管部门", name=rng.choice(["上海市民政局", "上海市经济和信息化委员会",
                                                          "上海市卫生健康委员会", "上海市交通委员会"]))
        r["submitted_on"] = dt.date(2024, 5, rng.randint(1, 31))
        out.append(r)
    return out


def write_records(records, folder):
    """r001.yaml … as files in `folder`; returns their paths."""
    import os
    paths = []
    for i, r in enumerate(records, 1):
        path = os.path.join(folder, f"r{i:03d}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(r, f, allow_unicode=True, sort_keys=False)
        paths.append(path)
    return paths
