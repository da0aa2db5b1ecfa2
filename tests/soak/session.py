#!/usr/bin/env python3
"""A full language-server session for leak and sanitizer checks: initialize,
open every corpus CV and the examples, edit each (typing, deleting, pasting an
emoji), ask for hovers, code actions, symbols, completion, code lenses and pull
diagnostics, close them, shutdown, exit. Run it against a binary built with
-DCVLINT_SANITIZE=ON (LeakSanitizer reports at exit and the exit code is then
non-zero) or under valgrind:

usage: session.py CVLINT [--valgrind]
Exits 1 when the server does not exit with 0 after shutdown + exit, or when
its stderr holds a sanitizer or valgrind error report.
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "checks"))
from lspclient import Server  # noqa: E402

ROOT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CORPUS = os.path.join(ROOT_DIR, "..", "shared", "corpus")


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position_at(text, index):
    before = text[:index]
    return {"line": before.count("\n"), "character": utf16_len(before[before.rfind("\n") + 1:])}


def main():
    cvlint = sys.argv[1]
    argv = [cvlint, "lsp"]
    timeout = 30
    if "--valgrind" in sys.argv:
        argv = ["valgrind", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
                "--error-exitcode=42", "--quiet"] + argv
        timeout = 300
    env = os.environ.copy()
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
    sources = [(os.path.join(ROOT_DIR, "examples/cv.md"), "markdown"), (os.path.join(ROOT_DIR, "examples/cv.tex"), "latex")]
    with open(os.path.join(CORPUS, "manifest.json")) as f:
        for item in json.load(f):
            sources.append((os.path.join(CORPUS, item["main"]), "latex" if item["format"] == "latex" else "markdown"))
    rnd = random.Random(9)
    s = Server(argv, settings={"cvlint": {}}, env=env)
    root = "file://" + os.path.abspath(CORPUS)
    s.initialize(root)
    bad = 0
    docs = []
    for path, lang in sources:
        text = open(path, encoding="utf-8", errors="replace").read()
        uri = "file://" + os.path.abspath(path)
        s.open(uri, text, lang)
        docs.append([uri, text, 1])
    for _ in range(3):
        for d in docs:
            uri, text, version = d
            for new in ["Responsible for ", "😂", "", "\\item x", "- Helped "]:
                a = rnd.randrange(len(text) + 1)
                b = min(len(text), a + rnd.choice([0, 1, 3]))
                rng = {"start": position_at(text, a), "end": position_at(text, b)}
                text = text[:a] + new + text[b:]
                version += 1
                s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                    "contentChanges": [{"range": rng, "text": new}]})
            d[1], d[2] = text, version
            pos = position_at(text, rnd.randrange(len(text) + 1))
            doc = {"uri": uri}
            for method, params in [
                ("textDocument/hover", {"textDocument": doc, "position": pos}),
                ("textDocument/codeAction", {"textDocument": doc, "range": {"start": {"line": 0, "character": 0}, "end": pos},
                                             "context": {"diagnostics": []}}),
                ("textDocument/documentSymbol", {"textDocument": doc}),
                ("textDocument/completion", {"textDocument": doc, "position": pos}),
                ("textDocument/codeLens", {"textDocument": doc}),
                ("textDocument/diagnostic", {"textDocument": doc}),
            ]:
                r = s.request(method, params, timeout=timeout)
                if "error" in r:
                    bad += 1
                    print("error answer:", method, r["error"])
    for uri, _, _ in docs:
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    code = s.close(timeout=timeout)
    err = s.proc.stderr.read().decode(errors="replace")
    reports = [line for line in err.splitlines()
               if "Sanitizer" in line or "runtime error" in line or "definitely lost" in line or "Invalid read" in line]
    ok = code == 0 and bad == 0 and not reports
    print(f"{'clean' if ok else 'NOT CLEAN'}: {len(docs)} documents, exit {code}, {bad} error answers, "
          f"{len(reports)} sanitizer/valgrind report lines")
    for line in reports[:40]:
        print("  " + line)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
