// When case folding is plain ASCII lower-casing. foldCase (core/unicode.hpp)
// runs NFC and full case folding through utf8proc, which is costly per call;
// the structure pass and the LaTeX field guesser fold short strings (headings,
// header lines, entry fields) that are mostly ASCII with a few symbols (dashes,
// middle dots, bullets, quotes). For those, foldCase(s) == asciiLower(s) byte
// for byte, so callers may skip the copy and compare case-insensitively.
#pragma once

#include <cstdint>
#include <string_view>

namespace cvlint {

// True for code points that have no case, no canonical decomposition and
// never compose with a neighbour: Latin-1 punctuation and signs (not µ, which
// folds to μ), × and ÷, general punctuation, currency and letterlike-free
// symbol blocks (arrows, technical, box drawing, shapes, dingbats, emoji).
// Checked exhaustively against utf8proc in tests/unit/markdown/fold_ascii_test.cpp.
constexpr bool isCaselessSymbol(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF && cp != 0xB5) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2002 && cp <= 0x20CF) ||
         (cp >= 0x2190 && cp <= 0x2328) || (cp >= 0x232B && cp <= 0x23FF) || (cp >= 0x2500 && cp <= 0x27BF) ||
         (cp >= 0x1F300 && cp <= 0x1FAFF);
}

// True when s is valid UTF-8 made of ASCII and isCaselessSymbol code points
// only: then foldCase(s) equals asciiLower(s).
constexpr bool foldsAsAscii(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t n = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    if (n == 0 || b >= 0xF5 || i + n > s.size()) return false;
    char32_t cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < n; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms and surrogates are invalid (utf8proc would reject them).
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    if (!isCaselessSymbol(cp)) return false;
    i += n;
  }
  return true;
}

}  // namespace cvlint
