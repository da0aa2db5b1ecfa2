#!/usr/bin/env python3
"""Generates analysis/length/metrics_fonts.inc: glyph widths, interword glue,
ligatures and kerns of the fonts the page model knows, read from the binary
TeX font metric (.tfm) files that Debian's TeX Live ships.

The generated table is committed, so cvlint needs no TeX at run time. Re-run
after changing the font list:

    python3 analysis/length/gen/gen_metrics.py > analysis/length/metrics_fonts.inc

Fonts are found with `kpsewhich`. Every width is stored in em (a fraction of
the font's design size), keyed by Unicode code point, so the C++ side never
sees a TeX font encoding: the encoding (OT1 for Computer Modern, T1 for Latin
Modern, "7t" for the PostScript fonts) is decoded here.

TFM layout (TeX: The Program, part 30): twelve 16-bit lengths, the header,
char_info words, then the width/height/depth/italic/lig_kern/kern/exten/param
arrays; widths and params are fix_words (signed, 20 fractional bits).
"""
import struct
import subprocess
import sys

# (family, variant, design pt, tfm name, encoding)
FONTS = []
for size in (8, 9, 10, 12):
    FONTS += [
        ("cm", "rm", size, f"cmr{size}", "OT1"),
        ("cm", "bf", size, f"cmbx{size}", "OT1"),
        ("cm", "it", size, f"cmti{size}", "OT1"),
        ("cm", "sf", size, f"cmss{size}", "OT1"),
        ("lm", "rm", size, f"ec-lmr{size}", "T1"),
        ("lm", "bf", size, f"ec-lmbx{size}", "T1"),
        ("lm", "it", size, f"ec-lmri{size}", "T1"),
        ("lm", "sf", size, f"ec-lmss{size}", "T1"),
    ]
FONTS += [
    ("cm", "rm", 17, "cmr17", "OT1"),
    ("cm", "sf", 17, "cmss17", "OT1"),
    ("cm", "sfbf", 10, "cmssbx10", "OT1"),
    ("lm", "rm", 17, "ec-lmr17", "T1"),
    ("lm", "sf", 17, "ec-lmss17", "T1"),
    ("lm", "sfbf", 10, "ec-lmssbx10", "T1"),
]
for fam, base in (("times", "ptm"), ("helvet", "phv"), ("charter", "bch"), ("palatino", "ppl"),
                  ("avant", "pag"), ("bookman", "pbk"), ("newcent", "pnc"), ("courier", "pcr")):
    reg, bold, ital = {
        "times": ("r", "b", "ri"), "helvet": ("r", "b", "ro"), "charter": ("r", "b", "ri"),
        "palatino": ("r", "b", "ri"), "avant": ("k", "d", "ko"), "bookman": ("l", "d", "li"),
        "newcent": ("r", "b", "ri"), "courier": ("r", "b", "ro"),
    }[fam]
    FONTS += [
        (fam, "rm", 10, f"{base}{reg}7t", "7t"),
        (fam, "bf", 10, f"{base}{bold}7t", "7t"),
        (fam, "it", 10, f"{base}{ital}7t", "7t"),
    ]

# Unicode -> code position, per encoding. ASCII letters and digits are
# identical in all three; the differences are punctuation and quotes.
COMMON = {c: c for c in range(0x20, 0x7F)}
OT1 = dict(COMMON)
OT1.update({0x22: 0x22, 0x3C: None, 0x3E: None, 0x5C: None, 0x5F: None, 0x7B: None, 0x7C: None,
            0x7D: None, 0x7E: None, 0x2013: 0x7B, 0x2014: 0x7C, 0x2018: 0x60, 0x2019: 0x27,
            0x201C: 0x5C, 0x201D: 0x22, 0x60: 0x60, 0x27: 0x27})
T1 = dict(COMMON)
T1.update({0x2013: 0x15, 0x2014: 0x16, 0x2018: 0x60, 0x2019: 0x27, 0x201C: 0x10, 0x201D: 0x11})
for c in range(0xC0, 0x100):
    if c not in (0xD7, 0xF7, 0xDF):
        T1[c] = c
T1[0xDF] = 0xFF
T1[0xA3] = 0xBF  # pound sign
ENC = {"OT1": OT1, "T1": T1, "7t": OT1}
EXTRA = [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D]
LIGS = {"ff": (0x0B, 0x1B), "fi": (0x0C, 0x1C), "fl": (0x0D, 0x1D), "ffi": (0x0E, 0x1E), "ffl": (0x0F, 0x1F)}


def fix_word(b, off):
    (v,) = struct.unpack_from(">i", b, off)
    return v / float(1 << 20)


def read_tfm(path):
    b = open(path, "rb").read()
    lf, lh, bc, ec, nw, nh, nd, ni, nl, nk, ne, np_ = struct.unpack_from(">12H", b, 0)
    hdr = 24
    design = fix_word(b, hdr + 4)
    ci = hdr + 4 * lh
    wt = ci + 4 * (ec - bc + 1)
    ht = wt + 4 * nw
    dp = ht + 4 * nh
    it = dp + 4 * nd
    lk = it + 4 * ni
    kt = lk + 4 * nl
    ex = kt + 4 * nk
    pr = ex + 4 * ne
    params = [fix_word(b, pr + 4 * i) for i in range(np_)]
    widths = [fix_word(b, wt + 4 * i) for i in range(nw)]
    kerns = [fix_word(b, kt + 4 * i) for i in range(nk)]
    chars = {}
    for c in range(bc, ec + 1):
        w_idx, hd, ic, rem = struct.unpack_from(">4B", b, ci + 4 * (c - bc))
        if w_idx == 0:
            continue
        chars[c] = (widths[w_idx], ic & 3, rem)
    lig_kern = [struct.unpack_from(">4B", b, lk + 4 * i) for i in range(nl)]

    def program(c):
        """Kerns of the pair (c, next) from c's lig/kern program: {next: kern}."""
        out = {}
        if c not in chars or chars[c][1] != 1:
            return out
        i = chars[c][2]
        skip, nxt, op, rem = lig_kern[i]
        if skip > 128:  # the program starts elsewhere
            i = 256 * op + rem
        while i < len(lig_kern):
            skip, nxt, op, rem = lig_kern[i]
            if skip <= 128 and op >= 128 and nxt not in out:
                out[nxt] = kerns[256 * (op - 128) + rem]
            if skip >= 128:
                break
            i += skip + 1
        return out

    return design, params, chars, program


def kpse(name):
    r = subprocess.run(["kpsewhich", name + ".tfm"], capture_output=True, text=True)
    p = r.stdout.strip()
    if not p:
        sys.exit(f"gen_metrics: {name}.tfm not found (install texlive-fonts-recommended, lmodern)")
    return p


def main():
    out = sys.stdout
    out.write("// Generated by analysis/length/gen/gen_metrics.py from Debian TeX Live .tfm files.\n")
    out.write("// Do not edit: re-run the script. Widths and glue in em of the design size.\n")
    out.write("// {family, variant, designPt, tfm, space, stretch, shrink, extraSpace, xHeight, quad,\n")
    out.write("//  widths[U+0020..U+007E] (negative = no glyph), extras[endash, emdash, lsquo, rsquo, ldquo, rdquo],\n")
    out.write("//  ligatures[ff, fi, fl, ffi, ffl] (0 = none), latin1[U+00C0..U+00FF] (negative = no glyph), kerns}\n")
    kern_tables = []
    for fam, var, size, name, enc in FONTS:
        design, params, chars, program = read_tfm(kpse(name))
        emap = ENC[enc]
        def w(u):
            code = emap.get(u)
            if code is None or code not in chars:
                return -1.0
            return chars[code][0]
        ascii_w = [w(u) for u in range(0x20, 0x7F)]
        ascii_w[0] = params[1] if len(params) > 1 else 0.333  # U+0020: the interword space
        extras = [w(u) for u in EXTRA]
        ligs = []
        for lig, (ot1, t1) in LIGS.items():
            code = t1 if enc == "T1" else ot1
            ligs.append(chars[code][0] if code in chars else 0.0)
        latin1 = [w(u) if enc == "T1" else -1.0 for u in range(0xC0, 0x100)]
        inv = {v: k for k, v in emap.items() if v is not None}
        pairs = []
        for u in range(0x21, 0x7F):
            code = emap.get(u)
            if code is None:
                continue
            for nxt, k in program(code).items():
                if nxt in inv and 0x21 <= inv[nxt] < 0x7F and abs(k) > 1e-6:
                    pairs.append((u, inv[nxt], k))
        pairs.sort()
        kern_tables.append((name, pairs))
        def fl(v):
            return f"{v:.5f}".rstrip("0").rstrip(".") if v != -1.0 else "-1"
        p = params + [0.0] * 8
        cname = name.replace("-", "_")
        out.write(f'{{"{fam}", "{var}", {size}, "{name}", {fl(p[1])}, {fl(p[2])}, {fl(p[3])}, {fl(p[6])}, {fl(p[4])}, {fl(p[5])},\n')
        out.write(" {" + ", ".join(fl(v) for v in ascii_w) + "},\n")
        out.write(" {" + ", ".join(fl(v) for v in extras) + "},\n")
        out.write(" {" + ", ".join(fl(v) for v in ligs) + "},\n")
        out.write(" {" + ", ".join(fl(v) for v in latin1) + "},\n")
        out.write(f" kerns_{cname}, {len(pairs)}}},\n")
    return kern_tables


if __name__ == "__main__":
    import io
    buf = io.StringIO()
    real = sys.stdout
    sys.stdout = buf
    tables = main()
    sys.stdout = real
    print("// Generated by analysis/length/gen/gen_metrics.py: kern pairs (first, second, kern in em).")
    print("#ifdef CVLINT_KERN_TABLES")
    for name, pairs in tables:
        cname = name.replace("-", "_")
        body = ", ".join(f"{{{a}, {b}, {k:.5f}f}}" for a, b, k in pairs) or "{0, 0, 0.f}"
        print(f"static const KernPair kerns_{cname}[] = {{{body}}};")
    print("#endif")
    print("#ifdef CVLINT_FONT_ROWS")
    sys.stdout.write(buf.getvalue())
    print("#endif")
