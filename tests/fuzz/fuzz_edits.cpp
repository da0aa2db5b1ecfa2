// libFuzzer target: incremental edits. The bytes drive a sequence of
// textDocument/didChange batches (ranged and whole-text changes, in UTF-8,
// UTF-16 and UTF-32 columns, including columns past a line's end, lines past
// the end, reversed ranges and columns inside a surrogate pair) applied by the
// server's DocumentStore, and the same changes applied to a reference model
// that holds the text as code points and follows the documented clamping rules
// (documents.hpp, core/text.hpp). After every batch the two texts must be
// byte-identical.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "documents.hpp"

using namespace cvlint;
using namespace cvlint::lsp;

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

// A code point drawn from classes that matter for the conversions.
char32_t pickCodePoint(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 9)) {
    case 0: return U'\n';
    case 1: return U'\r';
    case 2: return U'é';          // 2 UTF-8 bytes
    case 3: return U'→';          // 3 UTF-8 bytes, BMP
    case 4: return U'😂';         // astral: 4 bytes, 2 UTF-16 units
    case 5: return in.ConsumeIntegralInRange<char32_t>(0x10000, 0x10FFFF);
    case 6: {
      char32_t c = in.ConsumeIntegralInRange<char32_t>(0x80, 0xFFFD);
      return c >= 0xD800 && c <= 0xDFFF ? U'x' : c;
    }
    default: return in.ConsumeIntegralInRange<char32_t>(0x20, 0x7E);
  }
}

std::u32string pickText(FuzzedDataProvider& in, size_t maxLen) {
  std::u32string s;
  size_t n = in.ConsumeIntegralInRange<size_t>(0, maxLen);
  for (size_t i = 0; i < n && in.remaining_bytes() > 0; ++i) s += pickCodePoint(in);
  return s;
}

std::string toUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) encodeUtf8(c, out);
  return out;
}

// The reference: lines end at '\n'; a '\r' just before a '\n' is part of the
// terminator, not the content. A line past the end is the end of the text; a
// column past the content is the content's end; a column inside a code point
// is that code point's start.
size_t referenceOffset(const std::u32string& text, Position pos, Encoding enc) {
  size_t start = 0;
  for (uint32_t line = 0; line < pos.line; ++line) {
    size_t nl = text.find(U'\n', start);
    if (nl == std::u32string::npos) return text.size();
    start = nl + 1;
  }
  size_t end = text.find(U'\n', start);
  if (end == std::u32string::npos) end = text.size();
  else if (end > start && text[end - 1] == U'\r') --end;
  uint32_t units = 0;
  for (size_t i = start; i < end; ++i) {
    uint32_t w = unitsOf(text[i], enc);
    if (units + w > pos.character) return i;  // on or inside this code point
    units += w;
  }
  return end;
}

// A position near the reference text: mostly valid ones, sometimes clamped.
Position pickPosition(FuzzedDataProvider& in, const std::u32string& text, Encoding enc) {
  uint32_t lines = 1 + static_cast<uint32_t>(std::count(text.begin(), text.end(), U'\n'));
  Position p;
  p.line = in.ConsumeIntegralInRange<uint32_t>(0, lines + (in.ConsumeBool() ? 1 : 0));
  p.character = in.ConsumeIntegralInRange<uint32_t>(0, in.ConsumeBool() ? 12 : 200);
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::u32string model = pickText(in, 64);
  DocumentStore store;
  const std::string uri = "file:///fuzz/cv.md";
  store.open(uri, "/fuzz/cv.md", "markdown", 1, toUtf8(model));
  int64_t version = 1;
  while (in.remaining_bytes() > 0) {
    Encoding enc = static_cast<Encoding>(in.ConsumeIntegralInRange<int>(0, 2));
    std::vector<ContentChange> batch;
    size_t n = in.ConsumeIntegralInRange<size_t>(1, 4);
    for (size_t i = 0; i < n && in.remaining_bytes() > 0; ++i) {
      ContentChange c;
      std::u32string newText = pickText(in, 8);
      c.text = toUtf8(newText);
      if (in.ConsumeIntegralInRange<int>(0, 15) == 0) {
        model = newText;  // a whole-text change
      } else {
        Position a = pickPosition(in, model, enc), b = pickPosition(in, model, enc);
        size_t ia = referenceOffset(model, a, enc), ib = referenceOffset(model, b, enc);
        if (ia > ib) std::swap(ia, ib);
        model.replace(ia, ib - ia, newText);
        LspRange r;
        r.start = a;
        r.end = b;
        c.range = r;
      }
      batch.push_back(std::move(c));
    }
    std::vector<std::string> problems;
    require(store.change(uri, ++version, batch, enc, problems));
    auto snap = store.get(uri);
    require(snap && snap->version == version);
    require(snap->text == toUtf8(model));
  }
  return 0;
}
