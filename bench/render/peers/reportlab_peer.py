"""reportlab (pip): platypus flowables, Tables for the label/value grids.

UMing is registered once per process from the collection (TTFont subfontIndex=0); reportlab
has no font fallback, so ☑ ☐ (absent from UMing) are wrapped in <font name="DejaVu">. CJK line
breaking is reportlab's `wordWrap="CJK"`. Bold is UMing regular (reportlab does not embolden).
"""

import io
from xml.sax.saxutils import escape

from . import form as F

NAME = "reportlab"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def available():
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return "pip install reportlab"
    return None


def version():
    import reportlab
    return reportlab.Version


def _markup(text):
    t = escape(str(text)).replace("\n", "<br/>")
    for ch in (F.CHECKED, F.UNCHECKED):
        t = t.replace(ch, f'<font name="DejaVu">{ch}</font>')
    return t


class Peer:
    name = NAME

    def __init__(self):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        pdfmetrics.registerFont(TTFont("UMing", UMING, subfontIndex=0))
        pdfmetrics.registerFont(TTFont("DejaVu", DEJAVU))
        from reportlab.lib.styles import ParagraphStyle
        self.PS = ParagraphStyle
        self.styles = {}

    def _style(self, p):
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
        key = (p.size, p.align, p.indent, p.leading, p.space_before, p.space_after)
        s = self.styles.get(key)
        if s is None:
            s = self.PS(f"s{len(self.styles)}", fontName="UMing", fontSize=p.size, leading=p.size * p.leading,
                        alignment={"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}[p.align],
                        firstLineIndent=p.indent * p.size, spaceBefore=p.space_before, spaceAfter=p.space_after,
                        wordWrap="CJK")
            self.styles[key] = s
        return s

    def _para(self, p):
        from reportlab.platypus import Paragraph
        return Paragraph(_markup(p.text), self._style(p))

    def _table(self, t):
        from reportlab.lib.units import mm
        from reportlab.platypus import Table, TableStyle
        width = F.BODY_WIDTH * mm
        cols = [width * w / 100 for w in t.columns]
        data, cmds, heights = [], [("FONTNAME", (0, 0), (-1, -1), "UMing"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                                   ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)], []
        for y, row in enumerate(t.rows):
            line, x = [], 0
            for c in row.cells:
                line.append([self._para(p) for p in c.content])
                line += [""] * (c.span - 1)
                if c.span > 1:
                    cmds.append(("SPAN", (x, y), (x + c.span - 1, y)))
                cmds.append(("VALIGN", (x, y), (x, y), c.valign.upper()))
                if t.border and c.border == "all":
                    cmds.append(("BOX", (x, y), (x + c.span - 1, y), 0.75, "black"))
                elif c.border == "bottom":
                    cmds.append(("LINEBELOW", (x, y), (x + c.span - 1, y), 0.75, "black"))
                x += c.span
            data.append(line)
            # reportlab rows are fixed or natural height; a minimum needs the natural height first,
            # so long boxes keep natural height (None) and only short ones get the minimum.
            heights.append(None)
        mins = [r.min_height * mm for r in t.rows]
        tbl = Table(data, colWidths=cols, rowHeights=None, repeatRows=t.header, spaceBefore=t.space_before + 4,
                    spaceAfter=4, splitByRow=True)
        tbl.setStyle(TableStyle(cmds))
        if any(mins):
            tbl._argH = [None] * len(data)
            tbl.wrap(width, 10_000)
            tbl._argH = [max(h, m) if m else None for h, m in zip(tbl._rowHeights, mins)]
            tbl = Table(data, colWidths=cols, rowHeights=tbl._argH, repeatRows=t.header,
                        spaceBefore=t.space_before + 4, spaceAfter=4)
            tbl.setStyle(TableStyle(cmds))
        return tbl

    def render(self, record, notice, labels, copies=3):
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer
        blocks = F.build(record, notice, labels).blocks
        story = []
        heading = self.PS("h", fontName="UMing", fontSize=14, leading=21, spaceBefore=10, spaceAfter=4,
                          keepWithNext=True)
        for k in range(1, copies + 1):
            if k > 1:
                story.append(PageBreak())
            story.append(_CopyMark(k, copies))
            for b in blocks:
                if isinstance(b, F.Para):
                    story.append(self._para(b))
                elif isinstance(b, F.Heading):
                    story.append(Paragraph(_markup(b.text), heading))
                elif isinstance(b, F.Spacer):
                    story.append(Spacer(1, b.mm * mm))
                elif isinstance(b, F.PageBreak):
                    story.append(PageBreak())
                elif isinstance(b, F.Table):
                    story.append(self._table(b))
        out = io.BytesIO()
        state = {"copy": 1, "first": 0}

        def furniture(canvas, doc):
            n = canvas.getPageNumber() - state["first"]
            canvas.setFont("UMing", 12)
            canvas.drawRightString(A4[0] - 26 * mm, A4[1] - 31 * mm, f"第{state['copy']}份 共{copies}份")
            canvas.setFont("UMing", 14)
            canvas.drawCentredString(A4[0] / 2, 25 * mm, f"— {n} —")

        _CopyMark.state = state
        # Furniture at the page's end, once the copy's marker on it has been drawn.
        doc = BaseDocTemplate(out, pagesize=A4, topMargin=37 * mm, leftMargin=28 * mm, rightMargin=26 * mm,
                              bottomMargin=35 * mm, title="申请表")
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=furniture)])
        doc.build(story)
        return out.getvalue()


def _copy_mark_class():
    from reportlab.platypus.flowables import Flowable

    class CopyMark(Flowable):
        """Zero-size marker: the copy it starts, and the page its numbering restarts on."""
        state = None

        def __init__(self, k, copies):
            super().__init__()
            self.k = k

        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            self.state["copy"] = self.k
            self.state["first"] = self.canv.getPageNumber() - 1

    return CopyMark


try:
    _CopyMark = _copy_mark_class()
except ImportError:  # reportlab absent: available() says so
    _CopyMark = None
