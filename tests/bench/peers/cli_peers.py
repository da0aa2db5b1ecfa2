#!/usr/bin/env python3
"""Whole-process timing: each tool's CLI over the same CV files, as a user
waits for it. Prints one JSON line per tool: {tool, files, runs, median_ms,
min_ms}. cvlint checks all files in one process (in parallel); the peers are
given all files in one invocation too where their CLI allows it.

usage: cli_peers.py CVLINT RUNS FILE...
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
bin_dir = os.path.join(here, "node_modules", ".bin")


def timed(argv, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=here)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def main():
    cvlint, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    md = [f for f in files if f.endswith(".md")]
    tools = [("cvlint check", [cvlint, "check", "--quiet", *files], files)]
    if os.path.exists(os.path.join(bin_dir, "write-good")):
        tools.append(("write-good", [os.path.join(bin_dir, "write-good"), *files], files))
    if os.path.exists(os.path.join(bin_dir, "textlint")):
        tools.append(("textlint+write-good", [os.path.join(bin_dir, "textlint"), "--no-color", "--rule", "write-good", *md], md))
    if os.path.exists(os.path.join(bin_dir, "alex")):
        tools.append(("alex", [os.path.join(bin_dir, "alex"), *files], files))
    if shutil.which("proselint"):
        tools.append(("proselint", ["proselint", *files], files))
    # harper.js has no CLI of its own: a one-shot node process is what a script would run.
    tools.append(("harper.js (node script)", ["node", os.path.join(here, "harper_once.mjs"), *files], files))
    for name, argv, used in tools:
        med, mn = timed(argv, runs)
        print(json.dumps({"tool": name, "files": len(used), "runs": runs, "median_ms": med, "min_ms": mn}))


if __name__ == "__main__":
    main()
