#!/usr/bin/env bash
# Every editor-client test: the VS Code extension's unit tests, headless
# Neovim, batch Emacs + Eglot, and VS Code end to end (code-server + Chromium).
# Usage: tests/clients/run_all.sh BUILD_DIR
# Prints one `PASS|FAIL|SKIP <test>: <reason>` line per test and a summary; exits
# non-zero only when a test really failed (a skip, with its reason, is not a
# failure: a machine without Chromium cannot run the VS Code test).
# Env: CVLINT_CLIENT_TESTS="unit nvim emacs vscode" picks tests; OUT_DIR (tests/out).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
[[ $# -eq 1 ]] || { echo "usage: run_all.sh BUILD_DIR" >&2; exit 2; }
build=$1
export OUT_DIR=${OUT_DIR:-$repo/tests/out}
mkdir -p "$OUT_DIR"

unit_test() {
  command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm are needed"
  local vs=$repo/clients/vscode
  if [[ ! -d $vs/node_modules ]]; then
    (cd "$vs" && npm_config_yes=true npm ci --no-audit --no-fund) >"$OUT_DIR/unit-npm.log" 2>&1 </dev/null ||
      { (cd "$vs" && timeout 60 npm ping >/dev/null 2>&1) || skip "npm ci needs the npm registry, which is unreachable";
        fail "npm ci failed (see $OUT_DIR/unit-npm.log)"; }
  fi
  (cd "$vs" && npm run --silent typecheck) >"$OUT_DIR/unit.log" 2>&1 || { cat "$OUT_DIR/unit.log"; fail "tsc found type errors"; }
  (cd "$vs" && npm test) >>"$OUT_DIR/unit.log" 2>&1
  local rc=$?
  local p f
  p=$(grep -E '^# pass ' "$OUT_DIR/unit.log" | tail -n1 | awk '{print $3}')
  f=$(grep -E '^# fail ' "$OUT_DIR/unit.log" | tail -n1 | awk '{print $3}')
  ((rc == 0)) && [[ ${p:-0} -gt 0 ]] && pass "${p} passed, ${f:-0} failed (node --test, clients/vscode)"
  grep -E '^not ok' "$OUT_DIR/unit.log" | head -n5
  fail "${p:-0} passed, ${f:-?} failed (see $OUT_DIR/unit.log)"
}

declare -A result reason
order=()
run() {
  local name=$1; shift
  order+=("$name")
  echo "=== $name"
  local log=$OUT_DIR/run_all-$name.log
  ("$@") 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local last
  last=$(grep -E '^(PASS|FAIL|SKIP): ' "$log" | tail -n1)
  case $rc in
    0) result[$name]=PASS ;;
    "$SKIP") result[$name]=SKIP ;;
    *) result[$name]=FAIL ;;
  esac
  reason[$name]=${last#*: }
  [[ -n ${reason[$name]} ]] || reason[$name]="exit $rc, no result line"
}

tests=${CVLINT_CLIENT_TESTS:-unit nvim emacs vscode}
for t in $tests; do
  case $t in
    unit) run unit unit_test ;;
    nvim) run nvim bash "$here/nvim_test.sh" "$build" ;;
    emacs) run emacs bash "$here/emacs_test.sh" "$build" ;;
    vscode) run vscode bash "$here/vscode_e2e.sh" "$build" ;;
    *) echo "unknown client test '$t'" >&2; exit 2 ;;
  esac
done

echo "=== client tests"
np=0 nf=0 ns=0
for t in "${order[@]}"; do
  printf '%s %s: %s\n' "${result[$t]}" "$t" "${reason[$t]}"
  case ${result[$t]} in PASS) ((np++)) ;; FAIL) ((nf++)) ;; SKIP) ((ns++)) ;; esac
done
echo "clients: $np passed, $nf failed, $ns skipped"
((nf == 0))
