// A per-thread memo of a pure function of a text: the keyword scan of a
// block, the measured words of a paragraph, whether a bullet holds a number.
// While a person types, every block but one is the same as at the last
// keystroke, so the next analysis finds most answers here. The answer is the
// same as computing it again (callers key on every input that matters), so
// results never depend on the memo; only the time does.
//
// Bounded: the memo is dropped whole when its keys pass 256 KB. A document
// larger than that (MemoScope) is analysed without the memos: no CV is that
// large, and for 100k distinct bullets the look-ups and copies cost more than
// they save (2x per bullet, measured by cvlint_bench's hostile shapes).
// Emptied by clearEngineCaches() through the cache generation
// (core/caches.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "caches.hpp"

namespace cvlint {

namespace detail {
constexpr size_t kMemoBytes = 256u << 10;
inline thread_local bool memoBypass = false;
}  // namespace detail

// False while this thread analyses a document over the memos' bound: callers
// then compute directly.
inline bool memosOn() { return !detail::memoBypass; }

// Texts longer than this (a whole one-line document) are computed directly:
// they are not what a keystroke leaves unchanged.
constexpr size_t kMemoMaxText = 4096;
inline bool memoizable(std::string_view text) { return text.size() <= kMemoMaxText && memosOn(); }

// Around one analysis: memos off for a document over the bound.
struct MemoScope {
  explicit MemoScope(size_t documentBytes) : previous_(detail::memoBypass) {
    if (documentBytes > detail::kMemoBytes) detail::memoBypass = true;
  }
  ~MemoScope() { detail::memoBypass = previous_; }
  MemoScope(const MemoScope&) = delete;
  MemoScope& operator=(const MemoScope&) = delete;

 private:
  bool previous_;
};

template <class V>
class TextMemo {
 public:
  // The answer kept for this key, or null. Valid until the next put().
  const V* find(std::string_view key) {
    sync();
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  // The kept answer for this key, else compute()'s, kept for next time.
  template <class F>
  V get(std::string_view key, F&& compute) {
    if (const V* hit = find(key)) return *hit;
    return put(key, compute());
  }
  // Keeps an answer; returns the kept copy (valid until the next put()).
  const V& put(std::string_view key, V value) {
    sync();
    if (bytes_ + key.size() > detail::kMemoBytes) {
      map_.clear();
      bytes_ = 0;
    }
    bytes_ += key.size();
    return map_.insert_or_assign(std::string(key), std::move(value)).first->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  void sync() {
    if (generation_ != cacheGeneration()) {
      map_.clear();
      bytes_ = 0;
      generation_ = cacheGeneration();
    }
  }

  std::unordered_map<std::string, V, Hash, std::equal_to<>> map_;
  size_t bytes_ = 0;
  uint64_t generation_ = cacheGeneration();
};

// Appends the raw bytes of a trivially copyable value to a memo key (the
// parameters besides the text: a font pointer and size, a mode).
template <class T>
void appendKeyBytes(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace cvlint
