// Font metrics for the page model: glyph widths, interword glue, ligatures
// and kerns of the TeX fonts CVs are set in, from the generated table
// metrics_fonts.inc (made by gen/gen_metrics.py from Debian TeX Live's .tfm
// files, committed so no TeX is needed at run time). Widths are in em of the
// design size; measuring scales them to the requested size in pt.
#pragma once

#include <cstdint>
#include <string_view>

namespace cvlint::pages {

struct KernPair {
  uint8_t first;
  uint8_t second;
  float kern;  // em
};

struct FontRow {
  const char* family;  // "cm", "lm", "times", "helvet", "charter", "palatino", ...
  const char* variant; // "rm", "bf", "it", "sf", "sfbf"
  int designPt;
  const char* tfm;
  double space, stretch, shrink, extraSpace, xHeight, quad;  // em
  double ascii[95];    // U+0020..U+007E; negative = no glyph
  double extras[6];    // en dash, em dash, lsquo, rsquo, ldquo, rdquo
  double ligs[5];      // ff, fi, fl, ffi, ffl; 0 = none
  double latin1[64];   // U+00C0..U+00FF; negative = no glyph
  const KernPair* kerns;
  int kernCount;
};

// The font of a run of text: a table row scaled to a size.
struct Font {
  const FontRow* row = nullptr;
  double sizePt = 10;

  double em() const { return sizePt; }
  double space() const { return row->space * sizePt; }
  double stretch() const { return row->stretch * sizePt; }
  double shrink() const { return row->shrink * sizePt; }
  double extraSpace() const { return row->extraSpace * sizePt; }
  double ex() const { return row->xHeight * sizePt; }
};

// The row of `family`/`variant` whose design size is closest to sizePt
// (falling back to the family's roman, then to Computer Modern): never null.
const FontRow* findFontRow(std::string_view family, std::string_view variant, double sizePt);
Font makeFont(std::string_view family, std::string_view variant, double sizePt);

// Width in pt of a UTF-8 word (no spaces) in a font, with ligatures and kerns.
double wordWidth(const Font& font, std::string_view utf8);
// Width in pt of one code point (unknown ones: the width of 'o').
double charWidth(const Font& font, char32_t cp);

}  // namespace cvlint::pages
