#!/usr/bin/env bash
# One golden-file test: runs a cvlint command on a file and compares its output
# with the golden file. CVLINT_UPDATE_GOLDEN=1 rewrites the golden file instead
# (never done in CI). Usage: run_golden.sh CVLINT GOLDEN_FILE -- ARGS...
set -u
cvlint=$1 golden=$2
shift 3
actual=$("$cvlint" "$@" 2>&1)
rc=$?
# check exits 1 for error-level findings: that is output, not failure.
if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
  echo "cvlint $* exited $rc:"
  echo "$actual" | head -20
  exit 1
fi
if [ "${CVLINT_UPDATE_GOLDEN:-}" = 1 ]; then
  mkdir -p "$(dirname "$golden")"
  printf '%s\n' "$actual" >"$golden"
  echo "updated $golden"
  exit 0
fi
if [ ! -f "$golden" ]; then
  echo "no golden file $golden (run with CVLINT_UPDATE_GOLDEN=1 to create it)"
  exit 1
fi
if ! diff -u "$golden" <(printf '%s\n' "$actual") >/tmp/cvlint-golden-diff.$$ 2>&1; then
  echo "output differs from $golden:"
  head -60 /tmp/cvlint-golden-diff.$$
  rm -f /tmp/cvlint-golden-diff.$$
  exit 1
fi
rm -f /tmp/cvlint-golden-diff.$$
echo "matches $golden"
