// Helpers for the Markdown front-end tests: parse a text the way the engine
// does, slice source ranges, and check the prose source map of every block.
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"
#include "model.hpp"

namespace cvlint::mdtest {

inline std::shared_ptr<CvDocument> parse(std::string_view text, const std::string& path = "cv.md") {
  return parseDocument(path, std::string(text), Format::Markdown, Config{}, nullptr);
}

inline std::string slice(const CvDocument& doc, ByteRange r) {
  std::string_view s = doc.source().view();
  if (r.begin > s.size() || r.end > s.size() || r.end < r.begin) return "<bad range>";
  return std::string(s.substr(r.begin, r.end - r.begin));
}

// Blocks of one kind, in order.
inline std::vector<const Block*> blocksOf(const CvDocument& doc, BlockKind kind) {
  std::vector<const Block*> out;
  for (const Block& b : doc.blocks)
    if (b.kind == kind) out.push_back(&b);
  return out;
}

// Bullets and paragraphs (entry headers were paragraphs before the structure pass).
inline bool isProseBlock(const Block& b) {
  return b.kind == BlockKind::Bullet || b.kind == BlockKind::Paragraph || b.kind == BlockKind::EntryHeader ||
         b.kind == BlockKind::Heading || b.kind == BlockKind::Title || b.kind == BlockKind::Table;
}

// The source-map contract, checked byte by byte. Returns the number of
// problems (each is also reported through Catch2 with the block's line).
inline int checkSourceMap(const CvDocument& doc, const Block& b) {
  int bad = 0;
  std::string_view src = doc.source(b.file).view();
  const Prose& p = b.prose;
  uint32_t expectText = 0, lastSrc = b.range.begin;
  for (const Segment& s : p.segments) {
    if (s.textBegin != expectText || s.textEnd < s.textBegin || s.srcEnd < s.srcBegin || s.srcBegin < lastSrc) {
      UNSCOPED_INFO("line " << b.line + 1 << ": segment not sorted/contiguous at text " << s.textBegin);
      ++bad;
    }
    if (s.srcBegin < b.range.begin || s.srcEnd > b.range.end) {
      UNSCOPED_INFO("line " << b.line + 1 << ": segment src[" << s.srcBegin << "," << s.srcEnd << ") outside block ["
                             << b.range.begin << "," << b.range.end << ")");
      ++bad;
    }
    if (s.verbatim) {
      for (uint32_t i = s.textBegin; i < s.textEnd; ++i) {
        uint32_t at = p.toSource(i);
        if (at >= src.size() || src[at] != p.text[i]) {
          UNSCOPED_INFO("line " << b.line + 1 << ": prose byte " << i << " does not match source byte " << at);
          ++bad;
          break;
        }
      }
    }
    expectText = s.textEnd;
    lastSrc = s.srcEnd;
  }
  if (expectText != p.text.size()) {
    UNSCOPED_INFO("line " << b.line + 1 << ": segments cover " << expectText << " of " << p.text.size() << " bytes");
    ++bad;
  }
  if (b.range.end > src.size() || b.line != doc.source(b.file).lineOf(b.range.begin)) {
    UNSCOPED_INFO("line " << b.line + 1 << ": block line/range wrong");
    ++bad;
  }
  return bad;
}

inline int checkSourceMaps(const CvDocument& doc) {
  int bad = 0;
  for (const Block& b : doc.blocks)
    if (isProseBlock(b)) bad += checkSourceMap(doc, b);
  return bad;
}

}  // namespace cvlint::mdtest
