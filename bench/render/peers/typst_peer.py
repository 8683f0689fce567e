"""typst (pip `typst`, the Rust compiler in-process): one generated .typ source per pack.

Every text goes in as a Typst string literal (code mode), so data needs only `\\` and `"`
escaped. One `typst.Compiler` serves all packs: fonts are found once, as shenbao loads its
fonts once per process; Typst's own memoisation across compiles is left on (its normal use).
UMing has no bold face and Typst does not embolden, so bold is a 0.03em text stroke, which is
how shenbao fakes bold too. Latin letters and digits come out in DejaVu Sans: Typst 0.15 takes
only the CJK glyphs from "AR PL UMing CN" (with UMing CN alone, Latin falls back to its built-in
Libertinus; naming "AR PL UMing TW" too makes it take every glyph, CJK included, from the TW face).
"""

from . import form as F

NAME = "typst"
FONT_DIRS = ["/usr/share/fonts/truetype/arphic", "/usr/share/fonts/truetype/dejavu"]


def available():
    try:
        import typst  # noqa: F401
    except ImportError:
        return "pip install typst==0.15.*"
    return None


def version():
    from importlib.metadata import version as v
    return v("typst")


def _s(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", '" + linebreak() + "') + '"'


def _s_content(text):
    # "a\nb" as content: [#"a" #linebreak() #"b"] without spaces between.
    parts = str(text).split("\n")
    return "[" + "#linebreak()".join("#" + _s(p) for p in parts) + "]"


ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "left"}


def _para(p):
    # Line boxes run from ascender to descender, so the gap between lines (and between
    # paragraphs) is what the line height adds beyond the font's own height.
    gap = max(p.leading - 1.1, 0.05) * p.size
    rules = [f"#set par(leading: {gap:.1f}pt, justify: {'true' if p.align == 'justify' else 'false'})"]
    if p.align in ("center", "right"):
        rules.append(f"#set align({p.align})")
    indent = f"#h({p.indent}em)" if p.indent else ""
    t = f"#text(size: {p.size}pt, " + ("stroke: 0.03em, " if p.bold else "") + f"{_s_content(p.text)})"
    return (f"block(above: {p.space_before + gap:.1f}pt, below: {p.space_after + gap:.1f}pt, width: 100%)"
            f"[{chr(10).join(rules)}\n{indent}{t}]")


def _cell(c, min_height):
    inner = "stack(spacing: 0pt, " + ", ".join(_para(p) for p in c.content) + ",)"
    if min_height:
        # A zero-width strut makes the row at least min_height tall and lets it grow.
        inner = f"grid(columns: (0pt, 1fr), box(height: {min_height}mm - 8pt), {inner})"
    opts = []
    if c.span > 1:
        opts.append(f"colspan: {c.span}")
    if c.border == "none":
        opts.append("stroke: none")
    elif c.border == "bottom":
        opts.append("stroke: (bottom: 0.75pt)")
    va = {"top": "top", "middle": "horizon", "bottom": "bottom"}[c.valign]
    opts.append(f"align: {va}")
    return f"table.cell({', '.join(opts)}, {inner})"


def _table(t):
    cols = "(" + ", ".join(f"{w}fr" for w in t.columns) + ",)"
    cells = []
    for i, row in enumerate(t.rows):
        cs = ", ".join(_cell(c, row.min_height) for c in row.cells)
        cells.append(f"table.header({cs})" if i < t.header else cs)
    stroke = "0.75pt" if t.border else "none"
    return (f"#block(above: {t.space_before + 4}pt, below: 4pt, table(columns: {cols}, stroke: {stroke}, "
            f"inset: (x: 5pt, y: 4pt), {', '.join(cells)}))\n")


PREAMBLE = """#set page(paper: "a4", margin: (top: 37mm, left: 28mm, right: 26mm, bottom: 35mm),
  footer: context align(center, text(size: 14pt)[— #counter(page).display() —]))
#set text(font: ("AR PL UMing CN", "DejaVu Sans"), size: 12pt, lang: "zh")
#set par(spacing: 0pt)
#set text(top-edge: "ascender", bottom-edge: "descender")
"""


def source(blocks, copies):
    out = [PREAMBLE]
    body = []
    for b in blocks:
        if isinstance(b, F.Para):
            body.append("#" + _para(b) + "\n")
        elif isinstance(b, F.Heading):
            body.append(f"#block(above: 10pt, below: 4pt, sticky: true, par(leading: 0.5em, "
                        f"text(size: 14pt, stroke: 0.03em, {_s(b.text)})))\n")
        elif isinstance(b, F.Spacer):
            body.append(f"#v({b.mm}mm)\n")
        elif isinstance(b, F.PageBreak):
            body.append("#pagebreak()\n")
        elif isinstance(b, F.Table):
            body.append(_table(b))
    body = "".join(body)
    for k in range(1, copies + 1):
        if k > 1:
            out.append("#pagebreak()\n")
        out.append(f'#set page(header: align(right, text(size: 12pt)[第{k}份 共{copies}份]))\n'
                   "#counter(page).update(1)\n")
        out.append(body)
    return "".join(out)


class Peer:
    name = NAME

    def __init__(self):
        import typst
        self.compiler = typst.Compiler(font_paths=FONT_DIRS, ignore_system_fonts=True)

    def render(self, record, notice, labels, copies=3):
        blocks = F.build(record, notice, labels).blocks
        return self.compiler.compile(input=source(blocks, copies).encode("utf-8"))
