#!/usr/bin/env bash
# Batch-mode Emacs + Eglot test of clients/emacs against the real server.
# Usage: tests/clients/emacs_test.sh BUILD_DIR   (exit 0 pass, 1 fail, 77 skip)
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
bin=$(cvlint_bin "${1:-}") || exit 1
need_cmd emacs emacs-nox || skip "emacs is not installed and could not be installed (apt-get install emacs-nox)"
ver=$(emacs --version | head -n1)
# Eglot ships with Emacs 29+; Emacs 28 needs Debian's elpa-eglot.
if ! emacs --batch --eval '(progn (package-initialize) (require (quote eglot)))' >/dev/null 2>&1; then
  need_deb elpa-eglot || skip "$ver has no Eglot and elpa-eglot could not be installed"
  emacs --batch --eval '(progn (package-initialize) (require (quote eglot)))' >/dev/null 2>&1 ||
    skip "$ver cannot load Eglot"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/fixtures/cv.tex" "$work/cv.tex"
mkdir -p "$work/home"
# A rule that fires on this CV per the CLI, to turn off through the settings.
rule_off=$("$bin" check --format json "$work/cv.tex" 2>/dev/null | grep -o '"rule": *"missing-keyword"' | head -n1 | grep -o 'missing-keyword')
log=${OUT_DIR:-$here/../out}/emacs.log
mkdir -p "$(dirname "$log")"
HOME=$work/home CV_FILE=$work/cv.tex CVLINT_BIN=$bin CVLINT_TEST_RULE_OFF=$rule_off \
  timeout 120 emacs --batch -l "$here/emacs_test.el" >"$log" 2>&1 </dev/null
rc=$?
grep -vE '^(\[eglot\]|Loading|Wrote|Saving)' "$log" | grep -E '^(ok|not ok|#|emacs:)' || tail -n 20 "$log"
summary=$(grep -E '^emacs: ' "$log" | tail -n1)
((rc == 0)) && [[ $summary == *" 0 failed" ]] && pass "$ver: $summary"
((rc == 124)) && fail "$ver: timed out after 120 s"
fail "$ver: ${summary:-no summary (exit $rc)}; first failure: $(grep -m1 '^not ok' "$log")"
