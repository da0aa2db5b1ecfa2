// Implementation of the text core: UTF-8 decoding with U+FFFD for ill-formed
// bytes, the line index, and the byte <-> position conversions. See text.hpp.
#include "core/text.hpp"

#include <algorithm>

namespace cvlint {

int decodeUtf8Multi(std::string_view text, size_t srcByte, char32_t& cp) {
  if (srcByte >= text.size()) {
    cp = 0;
    return 0;
  }
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(srcByte);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  int len;
  char32_t value;
  char32_t minValue;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, value = b0 & 0x1F, minValue = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, value = b0 & 0x0F, minValue = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, value = b0 & 0x07, minValue = 0x10000;
  } else {
    cp = 0xFFFD;
    return 1;
  }
  if (srcByte + len > text.size()) {
    cp = 0xFFFD;
    return 1;
  }
  for (int i = 1; i < len; ++i) {
    unsigned char b = byte(srcByte + i);
    if ((b & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    value = (value << 6) | (b & 0x3F);
  }
  if (value < minValue || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    cp = 0xFFFD;
    return 1;
  }
  cp = value;
  return len;
}

void encodeUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t firstInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    int n = decodeUtf8(text, i, cp);
    if (cp == 0xFFFD && n == 1) return i;
    i += n;
  }
  return std::string::npos;
}

bool isCodePointBoundary(std::string_view text, size_t srcByte) {
  if (srcByte == 0 || srcByte >= text.size()) return true;
  // Walk back over at most three continuation bytes to the lead byte and see
  // whether the sequence it starts covers srcByte.
  size_t lead = srcByte;
  int back = 0;
  while (lead > 0 && back < 3 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) {
    --lead;
    ++back;
  }
  if (back == 0) return true;
  char32_t cp;
  int n = decodeUtf8(text, lead, cp);
  return lead + static_cast<size_t>(n) <= srcByte;
}

LineIndex::LineIndex(std::string_view text) : size_(static_cast<uint32_t>(text.size())) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ends_.push_back(static_cast<uint32_t>(i > 0 && text[i - 1] == '\r' ? i - 1 : i));
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  ends_.push_back(size_);
}

uint32_t LineIndex::lineOf(uint32_t srcByte) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), srcByte);
  return static_cast<uint32_t>(it - starts_.begin()) - 1;
}

uint32_t LineIndex::lineStart(uint32_t line) const {
  return line < starts_.size() ? starts_[line] : size_;
}

uint32_t LineIndex::lineEnd(uint32_t line) const {
  return line < ends_.size() ? ends_[line] : size_;
}

SourceText::SourceText(std::string text)
    : text_(std::move(text)), lines_(text_), firstInvalid_(firstInvalidUtf8(text_)) {}

Position SourceText::toPosition(uint32_t srcByte, Encoding enc) const {
  srcByte = std::min<uint32_t>(srcByte, static_cast<uint32_t>(text_.size()));
  uint32_t line = lines_.lineOf(srcByte);
  uint32_t start = lines_.lineStart(line);
  if (enc == Encoding::Utf8) {
    // Move back to the start of the code point holding srcByte.
    while (srcByte > start && !isCodePointBoundary(text_, srcByte)) --srcByte;
    return {line, srcByte - start};
  }
  uint32_t units = 0;
  size_t i = start;
  while (i < srcByte) {
    char32_t cp;
    int n = decodeUtf8(text_, i, cp);
    if (i + n > srcByte) break;  // srcByte is inside this code point
    units += unitsOf(cp, enc);
    i += n;
  }
  return {line, units};
}

uint32_t SourceText::toByte(Position pos, Encoding enc, bool* clamped) const {
  bool clamp = false;
  uint32_t result;
  if (pos.line >= lines_.lineCount()) {
    clamp = true;
    result = static_cast<uint32_t>(text_.size());
  } else {
    uint32_t start = lines_.lineStart(pos.line);
    uint32_t end = lines_.lineEnd(pos.line);
    size_t i = start;
    uint32_t units = 0;
    while (i < end && units < pos.character) {
      char32_t cp;
      int n = decodeUtf8(text_, i, cp);
      uint32_t w = enc == Encoding::Utf8 ? static_cast<uint32_t>(n) : unitsOf(cp, enc);
      if (units + w > pos.character) {
        clamp = true;  // the column falls inside this code point
        break;
      }
      units += w;
      i += n;
    }
    if (units < pos.character && i >= end) clamp = true;
    result = static_cast<uint32_t>(i);
  }
  if (clamped) *clamped = clamp;
  return result;
}

}  // namespace cvlint
