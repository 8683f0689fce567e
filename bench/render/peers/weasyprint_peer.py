"""WeasyPrint (pip): the blocks as HTML tables and paragraphs, paged with CSS.

Fonts come from @font-face rules pointing at the files (UMing, then DejaVu Sans for ☑ ☐); the
stylesheet is parsed once per process. Page furniture is CSS margin boxes; each copy is a
named page whose first page resets the page counter.
"""

from html import escape

from . import form as F

NAME = "weasyprint"


def available():
    try:
        import weasyprint  # noqa: F401
    except Exception as e:  # ImportError, or OSError when pango is missing
        return f"pip install weasyprint ({type(e).__name__}: {e})"[:120]
    return None


def version():
    import weasyprint
    return weasyprint.__version__


CSS = """
@font-face { font-family: UMing; src: url(file:///usr/share/fonts/truetype/arphic/uming.ttc); }
@font-face { font-family: DejaVu; src: url(file:///usr/share/fonts/truetype/dejavu/DejaVuSans.ttf); }
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font: 14pt UMing; vertical-align: top; padding-top: 8mm; } }
%s
html { font-family: UMing, DejaVu; font-size: 12pt; }
body { margin: 0; }
p { margin: 0; }
h2 { font-size: 14pt; font-weight: normal; -webkit-text-stroke: 0.3pt; margin: 10pt 0 4pt; line-height: 1.5;
     break-after: avoid; }
table { width: 100%%; border-collapse: collapse; margin: 4pt 0; table-layout: fixed; }
td { border: 0.75pt solid black; padding: 4pt 5pt; vertical-align: middle; line-height: 1.4; }
td.n { border: none; } td.b { border: none; border-bottom: 0.75pt solid black; }
table.plain td { border: none; } table.plain td.b { border-bottom: 0.75pt solid black; }
"""


def _copy_pages(copies):
    # One named page per copy: its copy mark, and its page numbers starting again at 1.
    return "\n".join(
        f'@page c{k} {{ @top-right {{ content: "第{k}份 共{copies}份"; font: 12pt UMing; '
        f'vertical-align: bottom; padding-bottom: 4mm; }} }} .c{k} {{ page: c{k}; }}'
        f'@page c{k}:nth(1 of c{k}) {{ counter-reset: page 1; }}'
        for k in range(1, copies + 1))


def _p(p):
    style = [f"font-size:{p.size}pt", f"line-height:{p.leading}", f"text-align:{p.align}"]
    if p.indent:
        style.append(f"text-indent:{p.indent}em")
    if p.bold:
        style.append("-webkit-text-stroke:0.3pt")
    if p.space_before:
        style.append(f"margin-top:{p.space_before}pt")
    if p.space_after:
        style.append(f"margin-bottom:{p.space_after}pt")
    return f'<p style="{";".join(style)}">{escape(str(p.text)).replace(chr(10), "<br>")}</p>'


def _table(t):
    cls = "" if t.border else ' class="plain"'
    out = [f'<table{cls} style="margin-top:{t.space_before + 4}pt"><colgroup>']
    out += [f'<col style="width:{w}%">' for w in t.columns]
    out.append("</colgroup>")
    if t.header:
        out.append("<thead>")
    for i, row in enumerate(t.rows):
        if t.header and i == t.header:
            out.append("</thead><tbody>")
        h = f' style="height:{row.min_height}mm"' if row.min_height else ""
        out.append(f"<tr{h}>")
        for c in row.cells:
            attrs = f' colspan="{c.span}"' if c.span > 1 else ""
            cl = {"all": "", "bottom": ' class="b"', "none": ' class="n"'}[c.border]
            va = f' style="vertical-align:{c.valign}"' if c.valign != "middle" else ""
            out.append(f"<td{attrs}{cl}{va}>" + "".join(_p(p) for p in c.content) + "</td>")
        out.append("</tr>")
    if t.header:
        out.append("</tbody>")
    out.append("</table>")
    return "".join(out)


def html(blocks, copies):
    body = []
    for b in blocks:
        if isinstance(b, F.Para):
            body.append(_p(b))
        elif isinstance(b, F.Heading):
            body.append(f"<h2>{escape(b.text)}</h2>")
        elif isinstance(b, F.Spacer):
            body.append(f'<div style="height:{b.mm}mm"></div>')
        elif isinstance(b, F.PageBreak):
            body.append('<div style="break-after:page"></div>')
        elif isinstance(b, F.Table):
            body.append(_table(b))
    body = "".join(body)
    copies_html = "".join(f'<section class="copy c{k}" style="break-before:page">{body}</section>'
                          for k in range(1, copies + 1))
    return f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>申请表</title></head><body>{copies_html}</body></html>'


class Peer:
    name = NAME

    def __init__(self):
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
        self.wp = weasyprint
        self.fonts = FontConfiguration()
        self.css = {}

    def render(self, record, notice, labels, copies=3):
        css = self.css.get(copies)
        if css is None:
            css = self.css[copies] = self.wp.CSS(string=CSS % _copy_pages(copies), font_config=self.fonts)
        blocks = F.build(record, notice, labels).blocks
        return self.wp.HTML(string=html(blocks, copies)).write_pdf(stylesheets=[css], font_config=self.fonts)
