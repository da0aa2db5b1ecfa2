#!/usr/bin/env bash
# Headless Neovim test of clients/nvim against the real server.
# Usage: tests/clients/nvim_test.sh BUILD_DIR   (exit 0 pass, 1 fail, 77 skip)
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
bin=$(cvlint_bin "${1:-}") || exit 1
need_cmd nvim neovim || skip "nvim is not installed and could not be installed (apt-get install neovim)"
ver=$(nvim --version | head -n1)
[[ $ver =~ v0\.([0-9]+) ]] && (( BASH_REMATCH[1] >= 7 )) || [[ $ver =~ v[1-9] ]] || skip "needs Neovim 0.7 or newer, found: $ver"

# The plugin's own logic and its 0.8+/0.11+ start paths (recorded, not run).
unit=$(timeout 60 nvim --headless -n -i NONE -u NONE -c "luafile $here/nvim_unit.lua" 2>&1 </dev/null)
urc=$?
echo "$unit"
usum=$(grep -E '^nvim-unit: ' <<<"$unit" | tail -n1)
((urc == 0)) && [[ $usum == *" 0 failed" ]] || fail "$ver: ${usum:-plugin unit tests gave no summary (exit $urc)}; first failure: $(grep -m1 '^not ok' <<<"$unit")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/fixtures/cv.md" "$work/cv.md"
echo '{"locale": "en-GB"}' >"$work/.cvlint.json"   # the root marker the plugin should find
mkdir -p "$work/home"

# Oracles from the CLI on the same file: a rule that fires on it (to turn off
# through the plugin's settings) and the keyword match score for the report.
json=$("$bin" check --format json "$work/cv.md" 2>/dev/null)
rule_off=$(printf '%s' "$json" | grep -o '"rule": *"missing-keyword"' | head -n1 | grep -o 'missing-keyword')
score=$(printf '%s' "$json" | tr -d '\n ' | grep -o '"score":[0-9.]*' | head -n1 | cut -d: -f2)
[[ -n $score ]] && score=$(awk -v s="$score" 'BEGIN { printf "%d", s * 100 + 0.5 }')

cp "$work/cv.md" "$work/fixed.md" && "$bin" check --fix --quiet "$work/fixed.md" >/dev/null 2>&1
cmp -s "$work/cv.md" "$work/fixed.md" && fixed="" || fixed=$work/fixed.md   # no safe fix: nothing to compare

log=${OUT_DIR:-$here/../out}/nvim.log
mkdir -p "$(dirname "$log")"
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
XDG_STATE_HOME=$work/home/.local/state XDG_CACHE_HOME=$work/home/.cache \
CV_FILE=$work/cv.md EXPECT_ROOT=$work CVLINT_BIN=$bin CVLINT_TEST_RULE_OFF=$rule_off EXPECT_SCORE=$score EXPECT_FIXED=$fixed \
  timeout 120 nvim --headless -n -i NONE -u "$here/nvim_init.lua" -c "luafile $here/nvim_test.lua" >"$log" 2>&1 </dev/null
rc=$?
cat "$log"
summary=$(grep -E '^nvim: ' "$log" | tail -n1)
((rc == 0)) && [[ $summary == *" 0 failed" ]] && pass "$ver: $usum; $summary"
((rc == 124)) && fail "$ver: timed out after 120 s"
fail "$ver: ${summary:-no summary (exit $rc)}; first failure: $(grep -m1 '^not ok' "$log")"
