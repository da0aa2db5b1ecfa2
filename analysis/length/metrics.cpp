// Font lookup and word measurement over the generated TFM tables.
#include "length/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/text.hpp"

namespace cvlint::pages {

namespace {

// The generated file has two parts, selected by macro: the kern tables, then
// the rows that point at them.
#define CVLINT_KERN_TABLES
#include "length/metrics_fonts.inc"
#undef CVLINT_KERN_TABLES
#define CVLINT_FONT_ROWS
const FontRow kRows[] = {
#include "length/metrics_fonts.inc"
};
#undef CVLINT_FONT_ROWS

double kernOf(const FontRow& r, char32_t a, char32_t b) {
  if (a > 0x7E || b > 0x7E || r.kernCount == 0) return 0;
  const KernPair* lo = r.kerns;
  const KernPair* hi = r.kerns + r.kernCount;
  auto key = [](uint8_t x, uint8_t y) { return static_cast<unsigned>(x) << 8 | y; };
  unsigned want = key(static_cast<uint8_t>(a), static_cast<uint8_t>(b));
  const KernPair* it = std::lower_bound(lo, hi, want, [&](const KernPair& p, unsigned w) {
    return key(p.first, p.second) < w;
  });
  if (it != hi && key(it->first, it->second) == want) return it->kern;
  return 0;
}

// Base letter of a Latin accented letter (for fonts without Latin-1 glyphs).
char32_t baseLetter(char32_t cp) {
  static const char* kBase =
      "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYPsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
  if (cp >= 0xC0 && cp <= 0xFF) return static_cast<unsigned char>(kBase[cp - 0xC0]);
  return 0;
}

double rowWidth(const FontRow& r, char32_t cp) {
  if (cp >= 0x20 && cp <= 0x7E) {
    double w = r.ascii[cp - 0x20];
    if (w >= 0) return w;
    return r.ascii['o' - 0x20];
  }
  switch (cp) {
    case 0x2013: return r.extras[0];
    case 0x2014: return r.extras[1];
    case 0x2018: return r.extras[2];
    case 0x2019: return r.extras[3];
    case 0x201C: return r.extras[4];
    case 0x201D: return r.extras[5];
    case 0x2022: case 0x00B7: case 0x2219: return r.ascii['o' - 0x20] * 0.9;  // bullets: about a half em
    case 0x00A0: return r.space;
    case 0x2026: return 3 * r.ascii['.' - 0x20];
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    double w = r.latin1[cp - 0xC0];
    if (w >= 0) return w;
    if (char32_t b = baseLetter(cp)) return rowWidth(r, b);
  }
  if (cp >= 0x0100 && cp < 0x0250) return r.ascii['o' - 0x20];  // Latin Extended: about a letter
  if (cp >= 0x2E80) return r.quad;                                // CJK: one em
  return r.ascii['o' - 0x20];
}

}  // namespace

const FontRow* findFontRow(std::string_view family, std::string_view variant, double sizePt) {
  const FontRow* best = nullptr;
  double bestDist = 1e9;
  for (const FontRow& r : kRows) {
    if (family != r.family || variant != r.variant) continue;
    double d = std::fabs(r.designPt - sizePt);
    // Prefer the smaller design size on a tie, as LaTeX's font substitution does.
    if (d < bestDist - 1e-9) {
      best = &r;
      bestDist = d;
    }
  }
  if (best) return best;
  if (variant == "sfbf") return findFontRow(family, "bf", sizePt);
  if (variant != "rm") return findFontRow(family, "rm", sizePt);
  if (family != "cm") return findFontRow("cm", "rm", sizePt);
  return &kRows[0];
}

Font makeFont(std::string_view family, std::string_view variant, double sizePt) {
  return Font{findFontRow(family, variant, sizePt), sizePt};
}

double charWidth(const Font& font, char32_t cp) { return rowWidth(*font.row, cp) * font.sizePt; }

double wordWidth(const Font& font, std::string_view s) {
  const FontRow& r = *font.row;
  double em = 0;
  char32_t prev = 0;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    int n = decodeUtf8(s, i, cp);
    if (n <= 0) n = 1;
    // Ligatures: ff, fi, fl, ffi, ffl replace their letters when the font has them.
    if (cp == 'f' && i + 1 < s.size()) {
      std::string_view rest = s.substr(i);
      int lig = -1, len = 0;
      if (rest.substr(0, 3) == "ffi") lig = 3, len = 3;
      else if (rest.substr(0, 3) == "ffl") lig = 4, len = 3;
      else if (rest.substr(0, 2) == "ff") lig = 0, len = 2;
      else if (rest.substr(0, 2) == "fi") lig = 1, len = 2;
      else if (rest.substr(0, 2) == "fl") lig = 2, len = 2;
      if (lig >= 0 && r.ligs[lig] > 0) {
        em += kernOf(r, prev, 'f') + r.ligs[lig];
        prev = 0;
        i += len;
        continue;
      }
    }
    if (prev) em += kernOf(r, prev, cp);
    em += rowWidth(r, cp);
    prev = cp;
    i += n;
  }
  return em * font.sizePt;
}

}  // namespace cvlint::pages
