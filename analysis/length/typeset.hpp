// The typesetting core of the page model, independent of the document model:
// paragraphs broken into lines with real glyph widths (close to TeX's line
// breaker), and a vertical list broken into pages the way TeX's page builder
// does it (least cost = badness + penalty over the feasible breaks).
//
// Lengths are in TeX points (1/72.27 in). Everything here is pure and cheap:
// it runs on every keystroke.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "length/metrics.hpp"

namespace cvlint::pages {

struct Glue {
  double w = 0, stretch = 0, shrink = 0;
  Glue operator*(double k) const { return {w * k, stretch * k, shrink * k}; }
  Glue operator+(const Glue& o) const { return {w + o.w, stretch + o.stretch, shrink + o.shrink}; }
};

// Where a piece of typeset material came from.
struct SourceRef {
  uint16_t file = 0;
  uint32_t srcByte = 0;
  uint32_t line = 0;
  bool valid = false;
};

// One word of a paragraph: its width, the glue after it, where it comes from.
struct Word {
  double width = 0;
  Glue after;          // interword glue (ignored after the last word)
  uint32_t textBegin = 0, textEnd = 0;  // in the paragraph's text
  bool hyphenable = false;  // a long enough alphabetic word: TeX may split it
  bool breakBefore = false; // a forced line break (\\, Markdown hard break) precedes it
  uint16_t letters = 0;
  // microtype's character protrusion (pt): how far the word's last glyph may
  // hang into the right margin at a line's end, its first into the left.
  float hangRight = 0, hangLeft = 0;
};

struct ParShape {
  double hsize = 345;       // line width in pt
  double indent = 0;        // first-line indent
  double firstLineUsed = 0; // material already on the first line (a run-in label)
  bool ragged = false;      // \raggedright: no stretch, break early
  double hyphenWidth = 3.33;
  double charWidth = 5;     // an average letter, for hyphenation split points
  // The breaker: first fit (false) or TeX's optimum fit (Knuth–Plass: least
  // total demerits over feasible breaks, a \pretolerance pass without and a
  // \tolerance pass with hyphenation).
  bool optimum = false;
  // microtype (pdfTeX): font expansion, the fraction of the glyphs' width a
  // line may stretch or shrink by (0.02 for microtype's default 20/1000),
  // and margin kerning (protrusion) taken into account when breaking.
  // Optimum fit only.
  double expansion = 0;
  bool protrusion = false;
};

// Splits prose into words measured in a font. Sentence-ending punctuation
// widens the following space as TeX's space factor does (\nonfrenchspacing).
std::vector<Word> measureWords(std::string_view text, const Font& font);
// The same into `out` (cleared first), so a caller can reuse its buffer.
void measureWords(std::string_view text, const Font& font, std::vector<Word>& out);

// Breaks words into lines; returns the index of the first word of each line
// (empty input gives no lines; a line that starts with the rest of a
// hyphenated word gives that word). First fit with shrink (a word that would
// leave a very loose line is hyphenated when long enough), or, with
// `shape.optimum`, TeX's optimum fit: \linepenalty 10, \hyphenpenalty 50,
// \adjdemerits, \doublehyphendemerits and \finalhyphendemerits as in plain
// TeX and LaTeX, the last line filled by \parfillskip. Hyphenation points
// are approximated (no patterns): every other letter of a long alphabetic
// word, two letters from its start and three from its end. Ragged text is
// always broken first fit. Remembered per thread (keyed on every input).
std::vector<uint32_t> breakLines(const std::vector<Word>& words, const ParShape& shape);
void breakLines(const std::vector<Word>& words, const ParShape& shape, std::vector<uint32_t>& starts);

// An item of the vertical list.
struct VItem {
  enum Kind : uint8_t { Box, Space, Penalty } kind = Box;
  double height = 0;     // Box: advance from the previous baseline (baselineskip, or a box's full height)
  double top = 0;        // Box: height above its baseline (for \topskip when first on a page)
  Glue glue;             // Space
  int penalty = 0;       // Penalty (>= 10000: no break; <= -10000: forced)
  SourceRef src;         // Box: the first source byte typeset in it
};

struct PageBreakResult {
  std::vector<size_t> pageStarts;  // index of the first item of pages 2, 3, ...
  int pages = 0;                   // whole pages used (0 for an empty list)
  double lastPageFill = 0;         // 0..1: how much of the last page is used
};

// Breaks a vertical list into pages of height `goal` (\textheight).
PageBreakResult breakPages(const std::vector<VItem>& items, double goal, double topskip);

}  // namespace cvlint::pages
