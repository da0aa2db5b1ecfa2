#!/usr/bin/env python3
"""Calibration aid for the page model: compiles a CV the way the corpus was
measured (pandoc's default template for Markdown, latexmk otherwise) in a temp
folder and prints every text line of the PDF with its page and the bottom of
its box in TeX pt from the top of the page, to compare with the model's trace
(`CVLINT_TRACE_FILE=cv.md cvlint_tests_pages "[.trace]"`).

    python3 analysis/length/gen/real_lines.py cv.md [engine] [support-dir]
"""
import os, re, shutil, subprocess, sys, tempfile, html

src = os.path.abspath(sys.argv[1])
engine = sys.argv[2] if len(sys.argv) > 2 else ("pandoc" if src.endswith(".md") else "pdflatex")
support = sys.argv[3] if len(sys.argv) > 3 else None
with tempfile.TemporaryDirectory() as d:
    for f in os.listdir(os.path.dirname(src)):
        p = os.path.join(os.path.dirname(src), f)
        (shutil.copytree if os.path.isdir(p) else shutil.copy)(p, os.path.join(d, f))
    if support:
        for f in os.listdir(support):
            p = os.path.join(support, f)
            if not os.path.exists(os.path.join(d, f)):
                (shutil.copytree if os.path.isdir(p) else shutil.copy)(p, os.path.join(d, f))
    name = os.path.basename(src)
    stem = os.path.splitext(name)[0]
    if engine == "pandoc":
        subprocess.run(["pandoc", name, "-o", stem + ".pdf"], cwd=d, check=True)
    else:
        mode = {"pdflatex": "-pdf", "xelatex": "-xelatex", "lualatex": "-lualatex"}[engine]
        subprocess.run(["latexmk", mode, "-interaction=nonstopmode", "-no-shell-escape", "-f", name],
                       cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run(["pdftotext", "-bbox-layout", stem + ".pdf", "-"], cwd=d, capture_output=True,
                         text=True).stdout
page = 0
k = 72.27 / 72
for line in out.splitlines():
    if "<page " in line:
        page += 1
    m = re.search(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', line)
    if m:
        words = []
        cur = (float(m.group(2)), float(m.group(4)))
    w = re.search(r'<word [^>]*>(.*)</word>', line)
    if w:
        words.append(html.unescape(w.group(1)))
    if "</line>" in line:
        print(f"p{page} {cur[1] * k:7.2f} {' '.join(words)[:90]}")
