// Unicode helpers over utf8proc: case folding and normalisation for matching
// (PostgreSQL vs postgresql, Zoë composed vs decomposed), and character
// classes for word boundaries. No offset maths here: that is text.hpp's job.
#pragma once

#include <string>
#include <string_view>

namespace cvlint {

// NFC-normalised, case-folded copy. ASCII-only input is folded byte for byte
// (same length, same offsets), which most callers rely on for speed.
std::string foldCase(std::string_view s);

// Case-folds ASCII letters only; keeps byte offsets identical.
std::string asciiLower(std::string_view s);

// Letter or digit (any script), used for word boundaries.
// ASCII answers inline; other code points from utf8proc's categories.
bool isWordCharMulti(char32_t cp);
bool isLetterMulti(char32_t cp);
bool isUpperMulti(char32_t cp);
inline bool isWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return isWordCharMulti(cp);
}
inline bool isLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return isLetterMulti(cp);
}
inline bool isUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return isUpperMulti(cp);
}
char32_t toUpper(char32_t cp);
char32_t toLower(char32_t cp);

// True when [b, e) of s is a whole word: the characters before b and at e are
// not word characters.
bool isWholeWord(std::string_view s, size_t b, size_t e);

}  // namespace cvlint
