// The engine's per-thread memo caches (tokenized bullets, verb answers) are
// emptied by bumping one generation counter: each cache compares the counter
// with the one it was filled under and starts afresh when it moved. A cache
// on another thread therefore empties itself on its next use. Used by
// clearEngineCaches() (engine.hpp), which the benchmark calls to time a cold
// analysis (`cvlint check` on a new file) beside a warm one (the next
// keystroke in the editor).
#pragma once

#include <atomic>
#include <cstdint>

namespace cvlint {

namespace detail {
inline std::atomic<uint64_t> cacheGenerationCounter{0};
}

inline uint64_t cacheGeneration() { return detail::cacheGenerationCounter.load(std::memory_order_relaxed); }
inline void bumpCacheGeneration() { detail::cacheGenerationCounter.fetch_add(1, std::memory_order_relaxed); }

}  // namespace cvlint
