#!/usr/bin/env bash
# Re-measures the synthetic CV fixtures with real TeX (pandoc 2.17 / pdflatex,
# TeX Live 2022) and rewrites tests/unit/pages/synthetic/measured.json in the
# corpus manifest's format (pages, per-page first text), using the corpus's
# measure-pages.sh. Usage: analysis/length/gen/measure_synthetic.sh [corpus-dir]
set -eu
here=$(cd "$(dirname "$0")/../../.." && pwd)
corpus=${1:-$here/../shared/corpus}
cd "$here/tests/unit/pages/synthetic"
python3 - "$corpus/measure-pages.sh" <<'PY'
import json, os, subprocess, sys
ents = []
for f in sorted(os.listdir('.')):
    if not (f.endswith('.md') or f.endswith('.tex')):
        continue
    eng = 'pandoc' if f.endswith('.md') else 'pdflatex'
    d = json.loads(subprocess.run(['bash', sys.argv[1], f, eng], capture_output=True, text=True).stdout)
    ents.append({"id": os.path.splitext(f)[0], "main": f, "engine": eng, "pages": d["pages"],
                 "page_starts": d["page_starts"]})
json.dump(ents, open('measured.json', 'w'), indent=1, ensure_ascii=False)
print(json.dumps([(e['id'], e['pages']) for e in ents]))
PY
