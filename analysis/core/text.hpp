// The text core: a document's source as UTF-8 bytes, its line index, and the
// conversions between byte offsets and editor positions counted in UTF-8,
// UTF-16 or UTF-32 code units. This is the only place in cvlint where UTF-16
// and UTF-32 columns exist; every other layer speaks source byte offsets.
//
// Invalid UTF-8 never breaks anything: each byte of an ill-formed sequence is
// treated as one U+FFFD code point (one UTF-16 unit), consistently in both
// directions, and `firstInvalidByte` tells the caller where the first one is
// so it can be reported once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvlint {

// A half-open range of source bytes [begin, end).
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(uint32_t srcByte) const { return srcByte >= begin && srcByte < end; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

enum class Encoding : uint8_t { Utf8, Utf16, Utf32 };

// An editor position: 0-based line, and a column in the units of an Encoding.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

// Decodes one code point at `srcByte`. Returns the number of bytes consumed
// (1..4, never 0 unless srcByte is at the end) and stores the code point, or
// U+FFFD for an ill-formed byte (which then consumes exactly one byte).
// ASCII is decoded inline (the hot path of every word scanner); the rest
// out of line.
int decodeUtf8Multi(std::string_view text, size_t srcByte, char32_t& cp);
inline int decodeUtf8(std::string_view text, size_t srcByte, char32_t& cp) {
  if (srcByte < text.size() && static_cast<unsigned char>(text[srcByte]) < 0x80) {
    cp = static_cast<unsigned char>(text[srcByte]);
    return 1;
  }
  return decodeUtf8Multi(text, srcByte, cp);
}

// Appends the UTF-8 encoding of cp to out.
void encodeUtf8(char32_t cp, std::string& out);

// Offset of the first byte of an ill-formed UTF-8 sequence, or npos.
size_t firstInvalidUtf8(std::string_view text);

// True when srcByte does not fall inside a multi-byte sequence.
bool isCodePointBoundary(std::string_view text, size_t srcByte);

// Line starts of a text. Lines end at '\n'; a "\r\n" pair counts as the end of
// one line (the '\r' belongs to the line's terminator, not its content).
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  uint32_t lineCount() const { return static_cast<uint32_t>(starts_.size()); }
  // 0-based line holding srcByte (srcByte past the end maps to the last line).
  uint32_t lineOf(uint32_t srcByte) const;
  // First byte of a line; lineCount() or beyond gives the text size.
  uint32_t lineStart(uint32_t line) const;
  // End of the line's content, before its "\n" or "\r\n".
  uint32_t lineEnd(uint32_t line) const;
  uint32_t textSize() const { return size_; }

 private:
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> ends_;
  uint32_t size_ = 0;
};

// A source text and its line index, kept together.
class SourceText {
 public:
  SourceText() = default;
  explicit SourceText(std::string text);

  const std::string& bytes() const { return text_; }
  std::string_view view() const { return text_; }
  const LineIndex& lines() const { return lines_; }
  size_t firstInvalidByte() const { return firstInvalid_; }

  // Byte offset -> position. Offsets past the end clamp to the end; an offset
  // inside a multi-byte sequence counts as the start of that sequence.
  Position toPosition(uint32_t srcByte, Encoding enc) const;
  // Position -> byte offset. A line past the end gives the text size; a column
  // past the line's end gives the line's end; a column inside a code point
  // (mid-surrogate in UTF-16, mid-sequence in UTF-8) gives that code point's
  // start. `clamped` (optional) is set when any clamping happened.
  uint32_t toByte(Position pos, Encoding enc, bool* clamped = nullptr) const;

  // 0-based line and UTF-8 byte column, 1-based for the compiler-style output.
  uint32_t lineOf(uint32_t srcByte) const { return lines_.lineOf(srcByte); }

 private:
  std::string text_;
  LineIndex lines_;
  size_t firstInvalid_ = std::string::npos;
};

// Width of one code point in the units of an encoding.
inline uint32_t unitsOf(char32_t cp, Encoding enc) {
  switch (enc) {
    case Encoding::Utf8: return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    case Encoding::Utf16: return cp >= 0x10000 ? 2 : 1;
    case Encoding::Utf32: return 1;
  }
  return 1;
}

}  // namespace cvlint
