#!/usr/bin/env bash
# End-to-end test of clients/vscode in a real VS Code (code-server 4.100.3 in
# headless Chromium):
#   1. builds the .vsix from a clean `npm ci && npm run package`;
#   2. runs the independent check ../shared/checks/vscode_e2e.sh (installs
#      code-server and playwright-core into the cache, squiggles appear) on
#      the Markdown CV and on the LaTeX one;
#   3. runs vscode_quickfix.mjs in a fresh code-server: Ctrl+. on the weak-verb
#      squiggle, the first action, the line rewritten; screenshot in OUT_DIR.
# Usage: tests/clients/vscode_e2e.sh BUILD_DIR
# Env: OUT_DIR (default tests/out), CVLINT_E2E_CACHE (default ~/.cache/cvlint-e2e),
#      CVLINT_UPDATE_SCREENSHOT=1 copies the screenshot to clients/vscode/screenshot.png,
#      SHARED_CHECKS (default: ../shared/checks beside the repository), WAIT_S (90).
# Exit 0 pass, 1 fail, 77 skip (with the reason on the last line).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/lib.sh"
bin=$(cvlint_bin "${1:-}") || exit 1
bindir=$(dirname "$bin")
out=${OUT_DIR:-$repo/tests/out}
mkdir -p "$out" && out=$(cd "$out" && pwd)
cache=${CVLINT_E2E_CACHE:-$HOME/.cache/cvlint-e2e}
WAIT_S=${WAIT_S:-90}
checks=${SHARED_CHECKS:-}
if [[ -z $checks ]]; then
  for c in "$repo/../shared/checks" /work/shared/checks; do [[ -f $c/vscode_e2e.sh ]] && { checks=$c; break; }; done
fi
[[ -n $checks && -f $checks/vscode_e2e.sh ]] || skip "the shared VS Code check (shared/checks/vscode_e2e.sh) is not beside the repository"

command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm are needed (apt-get install nodejs npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || skip "code-server 4.100.3 needs node 20, found $(node --version)"
need_cmd chromium chromium || skip "no chromium and it could not be installed (apt-get install chromium)"

# --- 1. the .vsix from a clean install -----------------------------------------
vs=$repo/clients/vscode
if ! (cd "$vs" && timeout 120 npm ping >/dev/null 2>&1) && [[ ! -d $vs/node_modules ]]; then
  skip "the npm registry is unreachable, so the extension cannot be built"
fi
(cd "$vs" && npm_config_yes=true npm ci --no-audit --no-fund && npm run package) >"$out/vsix-build.log" 2>&1 </dev/null ||
  fail "building the .vsix failed: $(grep -m1 -iE 'error|ERR!' "$out/vsix-build.log" | cut -c1-200) (see $out/vsix-build.log)"
vsix=$vs/cvlint.vsix
[[ -f $vsix ]] || fail "npm run package made no $vsix"
echo "built $vsix ($(stat -c %s "$vsix") bytes)"

# --- 2. the independent check: squiggles appear ----------------------------------
WAIT_S=$WAIT_S bash "$checks/vscode_e2e.sh" "$cache" "$vsix" "$bindir" "$here/fixtures/cv.md" "$out/vscode-check" \
  >"$out/vscode-check.log" 2>&1
rc=$?
res=$(grep -E '^(holds|short):' "$out/vscode-check.log" | tail -n1)
echo "shared check: ${res:-no result (exit $rc)}"
if ((rc != 0)); then
  case $res in
    *"npm install failed"* | *"apt-get install"*"failed"* | *"node and npm are needed"* | *"no chromium"* | *"unsupported arch"*)
      skip "VS Code cannot be set up here: ${res#short: }" ;;
  esac
  fail "the shared VS Code check: ${res:-exit $rc} (see $out/vscode-check.log, $out/vscode-check/)"
fi

# The same check on the LaTeX CV: the extension must start for `latex` documents too.
WAIT_S=$WAIT_S bash "$checks/vscode_e2e.sh" "$cache" "$vsix" "$bindir" "$here/fixtures/cv.tex" "$out/vscode-check-tex" \
  >"$out/vscode-check-tex.log" 2>&1
rc=$?
res_tex=$(grep -E '^(holds|short):' "$out/vscode-check-tex.log" | tail -n1)
echo "shared check on cv.tex: ${res_tex:-no result (exit $rc)}"
((rc == 0)) || fail "the shared VS Code check on a LaTeX CV: ${res_tex:-exit $rc} (see $out/vscode-check-tex.log)"

# --- 3. our quick-fix check in a fresh code-server ------------------------------
cs_dir=$cache/node_modules/code-server
[[ -f $cs_dir/out/node/entry.js && -d $cache/node_modules/playwright-core ]] || fail "code-server or playwright-core missing in $cache after the shared check"
chromium=${CHROMIUM:-$(command -v chromium)}
work=$(mktemp -d)
cs_pid="" js_pid=""
cleanup() {
  local p
  for p in $js_pid $cs_pid; do kill -TERM -- "-$p" 2>/dev/null; done
  for p in $(cat "$work/browser.pid" 2>/dev/null); do kill -TERM -- "-$p" 2>/dev/null; done
  sleep 1
  [[ -d $work/user-data/logs ]] && rm -rf "$out/vscode-logs" && cp -r "$work/user-data/logs" "$out/vscode-logs" 2>/dev/null
  for p in $js_pid $cs_pid; do kill -KILL -- "-$p" 2>/dev/null; done
  for p in $(cat "$work/browser.pid" 2>/dev/null); do kill -KILL -- "-$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "FAIL: interrupted"; exit 1' INT TERM HUP
ws=$work/workspace ud=$work/user-data ext=$work/extensions
mkdir -p "$ws" "$ud/User" "$ext" "$work/xdg-config" "$work/xdg-data" "$work/xdg-cache" "$work/tmp" "$work/home"
cp "$here/fixtures/cv.md" "$ws/cv.md"
echo '{"locale": "en-GB"}' >"$ws/.cvlint.json"
CVLINT="$bin" node -e '
const s = {
  "cvlint.path": process.env.CVLINT, "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false, "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false, "workbench.tips.enabled": false,
  "workbench.enableExperiments": false, "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false, "extensions.ignoreRecommendations": true,
  "update.mode": "none", "markdown.validate.enabled": false, "window.restoreWindows": "none",
  "editor.fontSize": 15, "editor.minimap.enabled": false, "workbench.colorTheme": "Default Light Modern"
};
require("fs").writeFileSync(process.argv[1], JSON.stringify(s, null, 2));' "$ud/User/settings.json"

# The status bar must show pages when the engine estimates them (the CLI is the oracle).
expect_pages=no
"$bin" check --format json "$ws/cv.md" 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const f=JSON.parse(s).files[0];process.exit(f.pages&&typeof f.pages.estimated==="number"?0:1)})' &&
  expect_pages=yes

xdg=("XDG_CONFIG_HOME=$work/xdg-config" "XDG_DATA_HOME=$work/xdg-data" "XDG_CACHE_HOME=$work/xdg-cache" "TMPDIR=$work/tmp")
cs_env=(env "PATH=$bindir:$PATH" "${xdg[@]}")
cs_args=(--user-data-dir "$ud" --extensions-dir "$ext" --config "$work/config.yaml")
"${cs_env[@]}" node "$cs_dir/out/node/entry.js" "${cs_args[@]}" --install-extension "$vsix" >"$out/install-extension.log" 2>&1 ||
  fail "installing $vsix failed: $(tail -n1 "$out/install-extension.log" | cut -c1-160)"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
setsid "${cs_env[@]}" node "$cs_dir/out/node/entry.js" "${cs_args[@]}" \
  --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$ws" >"$out/code-server.log" 2>&1 &
cs_pid=$!
for _ in $(seq 60); do
  grep -q 'HTTP server listening' "$out/code-server.log" && break
  kill -0 "$cs_pid" 2>/dev/null || fail "code-server exited: $(tail -n1 "$out/code-server.log" | cut -c1-160)"
  sleep 0.5
done
grep -q 'HTTP server listening' "$out/code-server.log" || fail "code-server did not start listening in 30 s"
url="http://127.0.0.1:$port/?folder=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$ws")"
setsid env "${xdg[@]}" "HOME=$work/home" node "$here/vscode_quickfix.mjs" \
  "$chromium" "$url" cv.md "$ws/cv.md" "$out" "$WAIT_S" "$work/browser.pid" "$cache/node_modules/playwright-core" "$expect_pages" "$ud/User/settings.json" \
  >"$work/js.out" 2>"$out/vscode-quickfix.log" &
js_pid=$!
wait "$js_pid"; rc=$?; js_pid=""
cat "$work/js.out" >>"$out/vscode-quickfix.log"
sed 's/^/  /' "$out/vscode-quickfix.log" | tail -n 12
res=$(grep -E '^(holds|short):' "$work/js.out" | tail -n1)
[[ $res == holds:* ]] || fail "quick fix in VS Code: ${res:-no result (exit $rc)} (see $out/vscode-quickfix.log, $out/vscode.png)"
if [[ ${CVLINT_UPDATE_SCREENSHOT:-0} == 1 && -f $out/vscode.png ]]; then
  cp "$out/vscode.png" "$repo/clients/vscode/screenshot.png" && echo "updated clients/vscode/screenshot.png"
fi
pass "VS Code (code-server 4.100.3): squiggles in Markdown and LaTeX; ${res#holds: }; screenshot $out/vscode.png"
