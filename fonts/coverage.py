#!/usr/bin/env python3
"""Counts how many code points of each CJK Unified Ideographs block a font maps in its cmap.

Why a script: fonts/README.md's coverage table, and so the order of the fallback chain in
fonts/fonts.yaml, must be reproducible on any machine with the Debian packages installed.
Usage: python3 fonts/coverage.py [--chain]   (needs fontTools: pip install fonttools)
"""
import sys

from fontTools.ttLib import TTFont

# Unicode block ranges (Blocks.txt, Unicode 15.1); a block's size counts every code point in it.
BLOCKS = [
    ("CJK Unified Ideographs", 0x4E00, 0x9FFF),
    ("Extension A", 0x3400, 0x4DBF),
    ("Extension B", 0x20000, 0x2A6DF),
    ("Extension C", 0x2A700, 0x2B73F),
    ("Extension D", 0x2B740, 0x2B81F),
    ("Extension E", 0x2B820, 0x2CEAF),
    ("Extension F", 0x2CEB0, 0x2EBEF),
    ("Extension G", 0x30000, 0x3134F),
    ("Extension H", 0x31350, 0x323AF),
]

# (column heading, Debian package, file, face index) in the order of the fallback chain.
FONTS = [
    ("AR PL UMing CN", "fonts-arphic-uming", "/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("Noto Serif CJK SC", "fonts-noto-cjk", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("HanaMinA", "fonts-hanazono", "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),
    ("HanaMinB", "fonts-hanazono", "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0),
    ("BabelStone Han", "fonts-babelstone-han", "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf", 0),
]


def covered(path, index):
    """Every code point the face's best Unicode cmap maps to a glyph other than .notdef."""
    font = TTFont(path, fontNumber=index, lazy=True)
    return {cp for cp, name in font.getBestCmap().items() if name != ".notdef"}


def main():
    chain = "--chain" in sys.argv
    sets = [covered(path, index) for _, _, path, index in FONTS]
    heads = [f"{name} (`{package}`)" for name, package, _, _ in FONTS]
    if chain:
        heads.append("the chain, in this order")
    print("| block | code points | " + " | ".join(heads) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in heads) + " |")
    totals = [0] * (len(heads) + 1)
    for name, first, last in BLOCKS:
        block = set(range(first, last + 1))
        row = [len(block)] + [len(block & s) for s in sets]
        if chain:
            row.append(len(block & set().union(*sets)))
        totals = [t + n for t, n in zip(totals, row)]
        print(f"| {name} U+{first:04X}–{last:04X} | " + " | ".join(f"{n:,}" for n in row) + " |")
    print("| all nine blocks | " + " | ".join(f"**{n:,}**" for n in totals) + " |")


if __name__ == "__main__":
    main()
