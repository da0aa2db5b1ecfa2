#!/usr/bin/env python3
"""Turns the benchmark's JSON figures into tests/bench/RESULTS.md (a Markdown
table for the README) and tests/bench/scaling.svg (time and memory against
document size, drawn by hand so no plotting library is needed).

usage: report.py OUT_DIR   (reads OUT_DIR/engine.json, peers_inproc.jsonl, peers_cli.jsonl, lsp.json)
"""
import json
import math
import os
import platform
import subprocess
import sys
import time


def load_lines(path):
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip().startswith("{")]


def svg_scaling(points, path):
    w, h, m = 640, 360, 60
    xs = [p["bytes"] for p in points]
    ts = [p["median_ms"] for p in points]
    lx0, lx1 = math.log10(min(xs)), math.log10(max(xs))
    ly0, ly1 = math.log10(max(min(ts), 1e-4)), math.log10(max(ts))
    if ly1 - ly0 < 1:
        ly1 = ly0 + 1

    def X(v):
        return m + (math.log10(v) - lx0) / (lx1 - lx0) * (w - 2 * m)

    def Y(v):
        return h - m - (math.log10(max(v, 1e-4)) - ly0) / (ly1 - ly0) * (h - 2 * m)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w/2}" y="20" text-anchor="middle" font-size="14">cvlint: parse + all rules, time against document size (log-log)</text>',
           f'<line x1="{m}" y1="{h-m}" x2="{w-m}" y2="{h-m}" stroke="black"/>',
           f'<line x1="{m}" y1="{m}" x2="{m}" y2="{h-m}" stroke="black"/>']
    # Linear reference: time proportional to size through the first point.
    k = ts[0] / xs[0]
    out.append(f'<line x1="{X(xs[0]):.1f}" y1="{Y(ts[0]):.1f}" x2="{X(xs[-1]):.1f}" y2="{Y(k*xs[-1]):.1f}" '
               'stroke="#bbb" stroke-dasharray="4 4"/>')
    out.append(f'<text x="{X(xs[-1])-5:.1f}" y="{Y(k*xs[-1])-6:.1f}" text-anchor="end" fill="#888">linear</text>')
    pts = " ".join(f"{X(x):.1f},{Y(t):.1f}" for x, t in zip(xs, ts))
    out.append(f'<polyline points="{pts}" fill="none" stroke="#1f6feb" stroke-width="2"/>')
    for p in points:
        x, y = X(p["bytes"]), Y(p["median_ms"])
        size = p["bytes"]
        label = f"{size/1048576:.0f} MB" if size >= 1048576 else f"{size/1024:.0f} KB"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#1f6feb"/>')
        out.append(f'<text x="{x:.1f}" y="{h-m+16}" text-anchor="middle">{label}</text>')
        out.append(f'<text x="{x+6:.1f}" y="{y-6:.1f}">{p["median_ms"]:.2f} ms, +{p["rss_delta_mb"]:.1f} MB</text>')
    out.append(f'<text x="{w/2}" y="{h-15}" text-anchor="middle">document size</text>')
    out.append(f'<text x="15" y="{h/2}" transform="rotate(-90 15 {h/2})" text-anchor="middle">median time (ms)</text>')
    out.append("</svg>")
    open(path, "w").write("\n".join(out) + "\n")


def main():
    d = sys.argv[1]
    engine = json.load(open(os.path.join(d, "engine.json"))) if os.path.exists(os.path.join(d, "engine.json")) else {}
    inproc = load_lines(os.path.join(d, "peers_inproc.jsonl"))
    cli = load_lines(os.path.join(d, "peers_cli.jsonl"))
    lsp = load_lines(os.path.join(d, "lsp.jsonl"))
    lines = []
    cpu = ""
    try:
        cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
    except Exception:  # noqa: BLE001
        pass
    lines.append(f"Measured {time.strftime('%Y-%m-%d')} on {platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}); "
                 "Release build; medians of repeated runs in one session.\n")
    if engine.get("documents"):
        lines.append("**In-process, cvlint (parse + every rule):** *cold* empties the engine's per-thread memo "
                     "caches before each run (what `cvlint check` pays on a new file); *warm* analyses the same text "
                     "again with them full (an editor's next keystroke, most bullets unchanged); *first* is the "
                     "process's first analysis, which also builds the static tables.\n")
        lines.append("| document | cold median ms | cold p99 ms | warm median ms | warm p99 ms | first ms | findings |\n"
                     "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for doc in engine["documents"]:
            cold = doc.get("cold_median_ms", float("nan"))
            coldp = doc.get("cold_p99_ms", float("nan"))
            first = doc.get("first_ms", float("nan"))
            lines.append(f"| {doc['name']} | {cold:.3f} | {coldp:.3f} | {doc['median_ms']:.3f} | {doc['p99_ms']:.3f} | "
                         f"{first:.2f} | {doc['findings']} |")
        lines.append("")
    if inproc:
        lines.append("**In-process, time to lint the same CV** (peers check grammar and wording, not CVs; "
                     "this compares only the time a linter takes on this file; cvlint's figure is the cold one, "
                     "its memo caches emptied before each run):\n")
        files = sorted({r["file"] for r in inproc})
        cv = {doc["file"]: doc for doc in engine.get("documents", [])}
        lines.append("| file | tool | median ms | vs cvlint |\n| --- | --- | ---: | ---: |")
        for f in files:
            base = os.path.basename(f)
            ours = next((doc for doc in engine.get("documents", []) if f.split("/")[0] in doc["name"]), None)
            ourMs = ours.get("cold_median_ms", ours["median_ms"]) if ours else 0
            if ours:
                lines.append(f"| {f} | **cvlint** | {ourMs:.3f} | 1× |")
            for r in sorted((r for r in inproc if r["file"] == f), key=lambda r: r["median_ms"]):
                ratio = f"{r['median_ms'] / ourMs:.0f}× slower" if ours and ourMs > 0 else ""
                lines.append(f"| {f} | {r['tool']} | {r['median_ms']:.3f} | {ratio} |")
        lines.append("")
    if cli:
        lines.append("**Whole process over the corpus** (what a CLI user waits for; cvlint checks all files in one "
                     "process, in parallel):\n")
        lines.append("| tool | files | median ms | min ms |\n| --- | ---: | ---: | ---: |")
        for r in sorted(cli, key=lambda r: r["median_ms"]):
            lines.append(f"| {r['tool']} | {r['files']} | {r['median_ms']:.0f} | {r['min_ms']:.0f} |")
        lines.append("")
    if lsp:
        lines.append("**Language server** (a client driver starting the real server; the *floor server* rows "
                     "are the same edits against `cvlint_lsp_floor`, a stand-in that does no analysis and "
                     "publishes the same diagnostics, so its latency is what pipes, framing and the client's "
                     "own JSON parsing cost):\n")
        lines.append("| figure | value |\n| --- | ---: |")
        for r in lsp:
            for k, v in r.items():
                lines.append(f"| {k} | {v} |")
        lines.append("")
    if engine.get("scaling"):
        lines.append("**Scaling** (the Markdown corpus repeated to each size):\n")
        lines.append("| size | warm median ms | cold median ms | ms per MB (warm) | RSS growth MB |\n"
                     "| ---: | ---: | ---: | ---: | ---: |")
        for p in engine["scaling"]:
            mb = p["bytes"] / 1048576
            label = f"{mb:.0f} MB" if p["bytes"] >= 1048576 else f"{p['bytes']/1024:.0f} KB"
            cold = p.get("cold_median_ms", float("nan"))
            lines.append(f"| {label} | {p['median_ms']:.3f} | {cold:.3f} | {p['median_ms']/mb:.1f} | {p['rss_delta_mb']:.1f} |")
        lines.append("\n![scaling](tests/bench/scaling.svg)\n")
        svg_scaling(engine["scaling"], os.path.join(os.path.dirname(os.path.abspath(__file__)), "scaling.svg"))
    out = "\n".join(lines)
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md"), "w").write(out + "\n")
    print(out)


if __name__ == "__main__":
    main()
