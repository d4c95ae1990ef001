#!/usr/bin/env python3
"""Remove the TrueType hinting instructions from a font, in place.

Why: the bundled Noto Sans Lao carries ttfautohint bytecode. egui renders it
through skrifa's TrueType interpreter, which at UI sizes (11-24 px) snaps the
small upper tone marks (maiTho-lao.small, ...) down onto the upper vowel below
them: in ຂຶ້ນ at 14.4 px the two share a pixel row, and in ລິ້ງ, ເຂົ້າ, ສິ້ງ they
touch. Without bytecode skrifa grid-fits the font with its own autohinter
(which knows Lao, as FreeType's does for Pango), and the tone mark keeps a
clear row above the vowel. Outlines, metrics, GSUB and GPOS are unchanged.
tests/lao_shaping.rs checks the result.

Usage: python3 tools/dehint_font.py assets/fonts/NotoSansLao-Regular.ttf [...]
Needs fontTools (pip install fonttools).
"""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

for path in sys.argv[1:]:
    font = TTFont(path)
    for tag in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in glyf.keys():
        glyph = glyf[name]
        glyph.expand(glyf)
        if hasattr(glyph, "program"):
            empty = ttProgram.Program()
            empty.fromBytecode(b"")
            glyph.program = empty
    font["maxp"].maxSizeOfInstructions = 0
    font.save(path)
    print(f"{path}: hinting instructions removed")
