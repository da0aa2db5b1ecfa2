#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs
# each for SECONDS (default 60), seeded from the shared corpus and the test
# fixtures. A crash leaves its input in build-fuzz/artifacts/ and fails.
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
# Env: FUZZ_NO_BUILD=1 skips the build (to run two scripts side by side on a
# build made once); the targets run under `nice -n 19` (the machines are shared).
set -uo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
shift || true
[ "${FUZZ_NO_BUILD:-}" = 1 ] || cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCVLINT_FUZZ=ON -DCVLINT_SANITIZE=ON -DCVLINT_TESTS=OFF -DCVLINT_BENCH=OFF >/dev/null || exit 1
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_markdown fuzz_latex)
  for t in fuzz_jsonrpc fuzz_edits; do [ -f "tests/fuzz/$t.cpp" ] && targets+=("$t"); done
fi
if [ "${FUZZ_NO_BUILD:-}" != 1 ]; then cmake --build build-fuzz --target "${targets[@]}" || exit 1; fi
mkdir -p build-fuzz/artifacts
rc=0
for t in "${targets[@]}"; do
  seeds=build-fuzz/seeds-$t
  mkdir -p "$seeds"
  case $t in
    fuzz_markdown) find ../shared/corpus tests/golden examples tests/fixtures -name '*.md' -exec cp -t "$seeds" {} + 2>/dev/null; dict=tests/fuzz/dict/markdown.dict ;;
    fuzz_latex) find ../shared/corpus tests/golden examples tests/fixtures \( -name '*.tex' -o -name '*.xtx' \) -exec cp -t "$seeds" {} + 2>/dev/null; dict=tests/fuzz/dict/latex.dict ;;
    *) [ -d tests/fuzz/seeds/$t ] && cp tests/fuzz/seeds/$t/* "$seeds/" 2>/dev/null; dict="" ;;
  esac
  work=build-fuzz/corpus-$t
  mkdir -p "$work"
  echo "fuzz: $t for ${secs}s"
  args=(-max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
        -artifact_prefix=build-fuzz/artifacts/$t-)
  [ -n "$dict" ] && args+=(-dict="$dict")
  if ! nice -n 19 build-fuzz/tests/fuzz/$t "${args[@]}" "$work" "$seeds" >build-fuzz/$t.log 2>&1; then
    echo "fuzz: $t FAILED (see build-fuzz/$t.log and build-fuzz/artifacts/)"
    tail -40 build-fuzz/$t.log
    rc=1
  else
    grep -E 'cov:' build-fuzz/$t.log | tail -1
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' build-fuzz/$t.log
  fi
done
exit $rc
