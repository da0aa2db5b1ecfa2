// The keystroke-path timestamps; see latency.hpp.
#include "latency.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace cvlint::lsp::latency {

namespace {

struct State {
  std::string path;
  bool on = false;
  std::array<std::atomic<int64_t>, kStages> io{};   // the I/O thread's stages of the latest edit
  std::array<std::atomic<int64_t>, kStages> cur{};  // the record being completed by the worker
  std::mutex mutex;
  std::vector<std::array<int64_t, kStages>> done;
  State() {
    if (const char* p = std::getenv("CVLINT_LSP_TIMING"); p && *p) {
      path = p;
      on = true;
      done.reserve(4096);
    }
  }
};

State& state() {
  static State s;
  return s;
}

int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

const char* const kNames[kStages] = {"read", "parsed", "applied", "posted", "started",
                                     "configured", "analysed", "built", "written"};

}  // namespace

bool enabled() { return state().on; }

void stamp(Stage s) {
  State& st = state();
  if (!st.on) return;
  int64_t t = nowNs();
  if (s <= Posted) {
    // Kept apart until the worker starts the lint: the client's next
    // messages may arrive (and be stamped) while the worker still writes.
    st.io[s].store(t, std::memory_order_relaxed);
    return;
  }
  if (s == Started)
    for (int i = 0; i <= Posted; ++i) st.cur[i].store(st.io[i].exchange(0, std::memory_order_relaxed), std::memory_order_relaxed);
  st.cur[s].store(t, std::memory_order_relaxed);
}

void commit() {
  State& st = state();
  if (!st.on) return;
  std::array<int64_t, kStages> rec{};
  for (int i = 0; i < kStages; ++i) rec[i] = st.cur[i].exchange(0, std::memory_order_relaxed);
  if (rec[Read] == 0) return;  // not a keystroke (a re-lint of every document, a close)
  std::lock_guard lock(st.mutex);
  st.done.push_back(rec);
}

void report() {
  State& st = state();
  if (!st.on) return;
  std::lock_guard lock(st.mutex);
  FILE* f = std::fopen(st.path.c_str(), "w");
  if (!f) return;
  std::fprintf(f, "%zu published edits; microseconds from the previous stamped stage (median, p90)\n", st.done.size());
  for (int s = 1; s < kStages; ++s) {
    std::vector<double> d;
    for (const auto& rec : st.done) {
      int prev = s - 1;
      while (prev > 0 && rec[prev] == 0) --prev;
      if (rec[s] && rec[prev]) d.push_back((rec[s] - rec[prev]) / 1000.0);
    }
    if (d.empty()) continue;
    std::sort(d.begin(), d.end());
    std::fprintf(f, "%-11s %8.1f %8.1f\n", kNames[s], d[d.size() / 2], d[d.size() * 9 / 10]);
  }
  std::vector<double> total;
  for (const auto& rec : st.done)
    if (rec[Written] && rec[Read]) total.push_back((rec[Written] - rec[Read]) / 1000.0);
  if (!total.empty()) {
    std::sort(total.begin(), total.end());
    std::fprintf(f, "%-11s %8.1f %8.1f\n", "total", total[total.size() / 2], total[total.size() * 9 / 10]);
  }
  std::fclose(f);
}

}  // namespace cvlint::lsp::latency
