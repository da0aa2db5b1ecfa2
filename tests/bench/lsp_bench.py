#!/usr/bin/env python3
"""Benchmark of the language server as an editor sees it.

usage: lsp_bench.py [CVLINT] [--edits N] [--cv FILE] [--floor CVLINT_LSP_FLOOR] [--jsonl OUT]

Starts the real `cvlint lsp` and prints:
  - cold start: process start to the first publishDiagnostics of a didOpen;
  - didChange -> publishDiagnostics latency, p50 and p99 over N edits (1,000 by
    default) to a real 2-page CV, beside the round trip of a trivial request
    (an unknown method, answered MethodNotFound) measured in the same run;
  - peak RSS (VmHWM) with 10 CVs open;
  - with --floor, the same edits against cvlint_lsp_floor (tests/bench/lsp_floor.cpp),
    a stand-in server that does no analysis and publishes the diagnostics the
    real server published for this CV: the floor of the measurement, what
    pipes, framing and this client's JSON parsing cost with zero server work.
It prints figures only: it asserts nothing (timings belong in reports, not tests).
"""
import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_CV = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "mikepqr-resume", "resume.md"))


class Client:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, bufsize=0)
        self.buf = b""
        self.next_id = 1

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                length = None
                for line in self.buf[:end].split(b"\r\n"):
                    k, _, v = line.partition(b":")
                    if k.strip().lower() == b"content-length":
                        length = int(v)
                if length is not None and len(self.buf) >= end + 4 + length:
                    body = self.buf[end + 4:end + 4 + length]
                    self.buf = self.buf[end + 4 + length:]
                    return json.loads(body), time.monotonic()
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("the server closed its output")
            self.buf += chunk

    def wait(self, pred):
        """The first message for which pred holds; answers server requests on the way."""
        while True:
            msg, t = self.read()
            if "method" in msg and "id" in msg:
                result = [{}] * len(msg["params"]["items"]) if msg["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
                continue
            if pred(msg):
                return msg, t

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def initialize(self, root_uri):
        caps = {"general": {"positionEncodings": ["utf-16"]}, "workspace": {"configuration": True}}
        self.request("initialize", {"processId": os.getpid(), "rootUri": root_uri, "capabilities": caps})
        self.notify("initialized", {})

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=5)


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s))) - 1))]


def edit_loop(c, uri, text, edits):
    """Inserts one character at the start of the first bullet's text, edits
    times; after each, a trivial request. Returns both latency lists (ms)."""
    lines = text.split("\n")
    target = next(n for n, l in enumerate(lines) if l.lstrip().startswith(("* ", "- ")))
    col = len(lines[target]) - len(lines[target].lstrip()) + 2
    lat, triv = [], []
    for v in range(2, edits + 2):
        t0 = time.monotonic()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [
            {"range": {"start": {"line": target, "character": col}, "end": {"line": target, "character": col}}, "text": "x"}]})
        _, t1 = c.diagnostics(uri, v)
        lat.append((t1 - t0) * 1000)
        t0 = time.monotonic()
        _, t1 = c.request("cvlint/noSuchMethod", {})
        triv.append((t1 - t0) * 1000)
    return lat, triv


def floor_run(floor_bin, diagnostics, text, edits, workspace):
    """The edit loop against the zero-work stand-in server."""
    path = os.path.join(workspace, "diagnostics.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(diagnostics, separators=(",", ":"), ensure_ascii=False))
    c = Client([floor_bin, path, "lsp"])
    c.initialize("file://" + workspace)
    uri = "file://" + workspace + "/cv.md"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    c.diagnostics(uri, 1)
    lat, triv = edit_loop(c, uri, text, edits)
    c.close()
    os.remove(path)
    return lat, triv


def main():
    args = sys.argv[1:]
    cvlint = os.path.join(ROOT, "build", "cvlint")
    edits, cv = 1000, DEFAULT_CV
    jsonl = floor_bin = None
    i = 0
    while i < len(args):
        if args[i] == "--edits":
            edits = int(args[i + 1]); i += 2
        elif args[i] == "--cv":
            cv = args[i + 1]; i += 2
        elif args[i] == "--floor":
            floor_bin = args[i + 1]; i += 2
        elif args[i] == "--jsonl":
            jsonl = args[i + 1]; i += 2
        else:
            cvlint = args[i]; i += 1
    text = open(cv, encoding="utf-8").read()
    workspace = tempfile.mkdtemp(prefix="cvlint-bench-")
    root = "file://" + workspace

    # Cold start: exec to the first diagnostics of a didOpen.
    t0 = time.monotonic()
    c = Client([cvlint, "lsp"])
    c.initialize(root)
    uri = root + "/cv.md"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    first, t1 = c.diagnostics(uri, 1)
    cold = (t1 - t0) * 1000

    lat, triv = edit_loop(c, uri, text, edits)

    # Ten CVs open.
    for k in range(9):
        u = root + f"/cv{k}.md"
        c.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "markdown", "version": 1, "text": text}})
        c.diagnostics(u, 1)
    with open(f"/proc/{c.proc.pid}/status") as f:
        rss = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
    code = c.close()
    floor_lat = floor_triv = None
    if floor_bin:
        floor_lat, floor_triv = floor_run(floor_bin, first["params"]["diagnostics"], text, edits, workspace)
    os.rmdir(workspace)

    p50, p99, floor = statistics.median(lat), percentile(lat, 99), statistics.median(triv)
    print(f"cv: {os.path.relpath(cv, ROOT)} ({len(text.encode())} bytes), {edits} edits")
    print(f"cold start to first diagnostics: {cold:.1f} ms")
    print(f"didChange -> publishDiagnostics: p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    print(f"trivial request round trip:      p50 {floor:.3f} ms, p99 {percentile(triv, 99):.3f} ms")
    print(f"ratio p50 / trivial: {p50 / floor:.2f}")
    print(f"peak RSS with 10 CVs open: {rss:.1f} MiB")
    print(f"exit code after shutdown/exit: {code}")
    row = {"cold start to first diagnostics (ms)": round(cold, 1),
           "didChange -> publishDiagnostics p50 (ms)": round(p50, 3),
           "didChange -> publishDiagnostics p99 (ms)": round(p99, 3),
           "trivial request round trip p50 (ms)": round(floor, 3),
           "ratio p50 / trivial": round(p50 / floor, 1),
           "peak RSS with 10 CVs open (MiB)": round(rss, 1)}
    if floor_lat:
        fp50, ftriv = statistics.median(floor_lat), statistics.median(floor_triv)
        n = len(first["params"]["diagnostics"])
        print(f"zero-work floor server ({n} diagnostics): didChange -> publishDiagnostics p50 {fp50:.3f} ms, "
              f"trivial round trip p50 {ftriv:.3f} ms, ratio {fp50 / ftriv:.2f}")
        print(f"cvlint p50 / floor p50: {p50 / fp50:.2f}")
        row.update({"floor server (no analysis): didChange -> publishDiagnostics p50 (ms)": round(fp50, 3),
                    "floor server: trivial request round trip p50 (ms)": round(ftriv, 3),
                    "floor server: ratio p50 / trivial": round(fp50 / ftriv, 1),
                    "cvlint p50 / floor server p50": round(p50 / fp50, 1)})
    if jsonl:
        with open(jsonl, "w") as f:
            f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
