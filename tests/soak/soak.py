#!/usr/bin/env python3
"""Soak test: the real server under many random edits across several open
documents (Markdown and LaTeX), with diagnostics, code actions and hovers
interleaved. Every response must be valid, every document's diagnostics must
arrive for its latest version, and RSS must stay flat after warm-up.

usage: soak.py CVLINT [EDITS] [--max-growth-mb N]
Prints figures; exits 1 when an invariant fails or RSS grows beyond the bound.
"""
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "checks"))
from lspclient import Server, offset_of  # noqa: E402

ROOT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CORPUS = os.path.join(ROOT_DIR, "..", "shared", "corpus")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position_at(text, index):
    before = text[:index]
    line = before.count("\n")
    return {"line": line, "character": utf16_len(before[before.rfind("\n") + 1:])}


def main():
    cvlint = sys.argv[1]
    edits = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 100000
    max_growth = 8.0
    if "--max-growth-mb" in sys.argv:
        max_growth = float(sys.argv[sys.argv.index("--max-growth-mb") + 1])
    rnd = random.Random(2026)
    docs = {}
    sources = [("examples/cv.md", "markdown"), ("examples/cv.tex", "latex"),
               (os.path.join(CORPUS, "mikepqr-resume/resume.md"), "markdown"),
               (os.path.join(CORPUS, "jake-resume/resume.tex"), "latex")]
    s = Server([cvlint, "lsp"], settings={"cvlint": {}})
    s.initialize("file:///tmp/cvlint-soak")
    for i, (path, lang) in enumerate(sources):
        full = path if os.path.isabs(path) else os.path.join(ROOT_DIR, path)
        text = open(full, encoding="utf-8").read()
        uri = f"file:///tmp/cvlint-soak/doc{i}." + ("md" if lang == "markdown" else "tex")
        docs[uri] = {"text": text, "version": 1, "lang": lang}
        s.open(uri, text, lang)
    pieces = ["x", " ", "\n", "- Responsible for ", "é", "😂", "\\item ", "{", "}", "%", "**", "40%", "Helped ", "\t"]
    warm_rss = None
    bad = 0
    t0 = time.monotonic()
    uris = list(docs)
    for n in range(edits):
        uri = rnd.choice(uris)
        d = docs[uri]
        text = d["text"]
        a = rnd.randrange(len(text) + 1)
        b = min(len(text), a + rnd.choice([0, 0, 1, 2, 5]))
        new = rnd.choice(pieces) if rnd.random() < 0.7 else ""
        if len(text) > 60000:  # keep documents CV-sized
            new = ""
            b = min(len(text), a + 50)
        # Never split a surrogate pair: Python strings index code points, so any index is safe.
        rng = {"start": position_at(text, a), "end": position_at(text, b)}
        d["text"] = text[:a] + new + text[b:]
        d["version"] += 1
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": d["version"]},
                                            "contentChanges": [{"range": rng, "text": new}]})
        if n % 50 == 0:
            pos = position_at(d["text"], rnd.randrange(len(d["text"]) + 1))
            r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos}, timeout=30)
            if "error" in r and r["error"].get("code") not in (-32801, -32800):
                bad += 1
            r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": pos, "end": pos},
                                                      "context": {"diagnostics": []}}, timeout=30)
            if "error" in r and r["error"].get("code") not in (-32801, -32800):
                bad += 1
            elif "result" in r and not isinstance(r["result"], (list, type(None))):
                bad += 1
        if n % 500 == 0:
            s.pump(0.01)
            s.notes.clear()
        if n == min(5000, edits // 10):
            time.sleep(0.5)
            s.pump(0.5)
            warm_rss = rss_kb(s.proc.pid)
    # Final sync: the full text must match the server's view, checked through a
    # full-document replacement being unnecessary: ask for diagnostics of the last version.
    missing = 0
    for uri, d in docs.items():
        diags, _ = s.diagnostics_for(uri, version=d["version"], timeout=20)
        if diags is None:
            missing += 1
    end_rss = rss_kb(s.proc.pid)
    elapsed = time.monotonic() - t0
    code = s.close()
    growth = (end_rss - (warm_rss or end_rss)) / 1024
    ok = bad == 0 and missing == 0 and growth <= max_growth and code == 0
    print(f"{'holds' if ok else 'short'}: {edits} edits in {elapsed:.1f} s over {len(docs)} documents; "
          f"{bad} bad responses; {missing} documents without final diagnostics; RSS after warm-up "
          f"{(warm_rss or 0)/1024:.1f} MiB, at end {end_rss/1024:.1f} MiB (growth {growth:.1f} MiB, bound {max_growth}); exit {code}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
