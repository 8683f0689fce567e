"""fpdf2 (pip): multi_cell paragraphs and `FPDF.table()` grids, character wrapping for Chinese.

fpdf2 reads the collection directly (`add_font(..., collection_font_number=0)`), so it uses
uming.ttc like the others; ☑ ☐ come from DejaVu Sans through `set_fallback_fonts`. A document
owns its fonts, so every pack adds (parses) the font again: that is fpdf2's cost model, kept.
Simplifications: a cell holding several paragraphs is set as one left-aligned text, and a
minimum row height is honoured only for one-row tables (fpdf2's `min_row_height` is per table).
"""

from . import form as F

NAME = "fpdf2"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PT = 25.4 / 72  # mm per point


def available():
    try:
        import fpdf  # noqa: F401
    except ImportError:
        return "pip install fpdf2"
    return None


def version():
    import fpdf
    return fpdf.FPDF_VERSION


class Peer:
    name = NAME

    def __init__(self):
        import fpdf
        self.fpdf = fpdf

    def render(self, record, notice, labels, copies=3):
        fpdf = self.fpdf
        from fpdf.enums import WrapMode
        blocks = F.build(record, notice, labels).blocks
        # A copy's number and first page take effect in header(), after the previous
        # page's footer has been drawn with the old ones.
        state = {"copy": 1, "first": 0, "pending": None}

        class Doc(fpdf.FPDF):
            def header(self):
                if state["pending"]:
                    state["copy"], state["first"] = state["pending"]
                    state["pending"] = None
                self.set_font("UMing", size=12)
                self.set_xy(0, 31)
                self.cell(F.PAGE["width"] - F.PAGE["right"], 0, f"第{state['copy']}份 共{copies}份", align="R")
                self.set_xy(F.PAGE["left"], F.PAGE["top"])

            def footer(self):
                self.set_font("UMing", size=14)
                self.set_xy(0, F.PAGE["height"] - 25)
                self.cell(F.PAGE["width"], 0, f"— {self.page_no() - state['first']} —", align="C")

        pdf = Doc(format="A4", unit="mm")
        pdf.set_margins(F.PAGE["left"], F.PAGE["top"], F.PAGE["right"])
        pdf.set_auto_page_break(True, margin=F.PAGE["bottom"])
        pdf.add_font("UMing", "", UMING, collection_font_number=0)
        pdf.add_font("DejaVu", "", DEJAVU)
        pdf.set_fallback_fonts(["DejaVu"])
        pdf.set_title("申请表")
        align = {"left": "L", "center": "C", "right": "R", "justify": "J"}
        for k in range(1, copies + 1):
            state["pending"] = (k, pdf.page_no())
            pdf.add_page()
            for b in blocks:
                if isinstance(b, F.Para):
                    pdf.set_font("UMing", size=b.size)
                    if b.space_before:
                        pdf.ln(b.space_before * PT)
                    text = "　" * b.indent + b.text
                    pdf.multi_cell(0, b.size * b.leading * PT, text, align=align[b.align], wrapmode=WrapMode.CHAR,
                                   new_x="LMARGIN", new_y="NEXT")
                    if b.space_after:
                        pdf.ln(b.space_after * PT)
                elif isinstance(b, F.Heading):
                    pdf.set_font("UMing", size=14)
                    if pdf.will_page_break(14 * 1.5 * PT + 20):
                        pdf.add_page()
                    pdf.ln(10 * PT)
                    pdf.multi_cell(0, 14 * 1.5 * PT, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
                    pdf.ln(4 * PT)
                elif isinstance(b, F.Spacer):
                    pdf.ln(b.mm)
                elif isinstance(b, F.PageBreak):
                    pdf.add_page()
                elif isinstance(b, F.Table):
                    self._table(pdf, b, align, WrapMode)
        return bytes(pdf.output())

    def _table(self, pdf, t, align, WrapMode):
        from fpdf.enums import TableBordersLayout
        pdf.set_font("UMing", size=12)
        if t.space_before:
            pdf.ln(t.space_before * PT)
        minimum = t.rows[0].min_height if len(t.rows) == 1 else 0
        with pdf.table(col_widths=t.columns, width=F.BODY_WIDTH, first_row_as_headings=t.header > 0, headings_style=fpdf_style(),
                       num_heading_rows=t.header, repeat_headings=1 if t.header else 0,
                       line_height=12 * 1.4 * PT, wrapmode=WrapMode.CHAR, padding=(4 * PT, 5 * PT),
                       borders_layout=TableBordersLayout.ALL if t.border else TableBordersLayout.NONE,
                       min_row_height=minimum or None, v_align="MIDDLE") as table:
            for row in t.rows:
                r = table.row()
                for c in row.cells:
                    first = c.content[0]
                    if len(c.content) == 1:
                        text, al = "　" * first.indent + first.text, align[first.align]
                    else:
                        text, al = "\n".join("　" * p.indent + p.text for p in c.content), "L"
                    kw = {}
                    if c.border == "bottom":
                        kw["border"] = "BOTTOM"
                    elif c.border == "none":
                        kw["border"] = 0
                    r.cell(text, colspan=c.span, align=al, v_align=c.valign.upper(), **kw)
        pdf.ln(4 * PT)


def fpdf_style():
    """Heading rows set like body rows (fpdf2 would make them bold and shaded)."""
    from fpdf.fonts import FontFace
    return FontFace(emphasis="")
