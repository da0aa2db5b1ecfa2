// The page layout a document is set in: paper, text block, fonts, sizes and
// the vertical spacing of paragraphs, lists and headings. Built from the
// LaTeX setup (class and its options, geometry, \setlength/\addtolength on
// the page dimensions, font packages, \linespread) or, for Markdown, from the
// render profile (pandoc's default LaTeX template unless configured).
//
// The numbers come from the class files of Debian's TeX Live (size1x.clo,
// article.cls, moderncv.cls, parskip.sty) and were checked against real
// compiles (tests/unit/pages/).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "config.hpp"
#include "length/typeset.hpp"
#include "model.hpp"

namespace cvlint::pages {

// LaTeX's size commands, \tiny .. \Huge.
enum SizeIdx : uint8_t { kTiny, kScript, kFootnote, kSmall, kNormal, kLarge1, kLarge2, kLarge3, kHuge1, kHuge2 };

struct SizeStep {
  double size = 10;
  double baselineskip = 12;
};

struct HeadingStyle {
  Glue before;            // \@startsection beforeskip (absolute value)
  Glue after;             // afterskip (vertical)
  SizeIdx size = kNormal;
  std::string_view variant = "bf";
  bool runIn = false;     // \paragraph: the heading starts the next paragraph
  double extraHeight = 0; // rules, boxes drawn with the heading
  int penalty = -300;     // \@secpenalty before it
};

struct ListStyle {
  Glue topsep, partopsep, itemsep, parsep;
  double leftmargin = 25;
};

struct Layout {
  std::string cls = "article";
  double paperW = 614.295, paperH = 794.97;  // US letter in pt
  double textW = 345, textH = 550, topskip = 10;
  std::string family = "cm";                 // body font family (metrics.hpp)
  std::string_view bodyVariant = "rm";
  SizeStep sizes[10];
  double linespread = 1;
  Glue parskip{0, 1, 0};
  double parindent = 15;
  ListStyle lists[4];
  HeadingStyle headings[6];  // levels 1..6 (\section, \subsection, ...)
  bool ragged = false;
  // microtype under pdfTeX (pandoc's template loads it): font expansion
  // (fraction of the glyphs' width a line may stretch or shrink by) and
  // character protrusion, both seen by the line breaker.
  double fontExpansion = 0;
  bool protrusion = false;
  bool pandoc = false;       // pandoc's default template (tight lists, description lists)
  double labelSep = 5;       // space after a description label
  // moderncv: the date column left of every entry and section title, and the
  // title block \makecvtitle sets from the preamble's \name, \title, \quote.
  double hintColumn = 0;
  bool moderncv = false;
  double titleHeight = 0;
  // Net \vspace inside the body of each user macro (\resumeSubheading ->
  // -7pt): added after every block the macro makes.
  std::map<std::string, double> macroSkip;

  SizeStep size(SizeIdx i) const {
    SizeStep s = sizes[i];
    s.baselineskip *= linespread;
    return s;
  }
  Font font(SizeIdx i, std::string_view variant) const;

  // The fonts of each size in the common variants, looked up on first use
  // once the layout is complete (layoutFor): font() is called for every
  // paragraph and a table search per call cost a fifth of the page model.
  void prepareFonts();
  mutable Font fontCache[10][5];  // row == nullptr: not looked up yet
  bool fontsReady = false;
};

// Parses a TeX length ("2cm", "-.5in", "0.5\\textwidth", "1.5em") in pt.
// `em`/`ex` are those of the body font; `relTo` resolves \textwidth,
// \linewidth, \paperwidth and friends. nullopt when it is not a length.
std::optional<double> parseLength(std::string_view s, double em, double ex, const Layout* relTo = nullptr);

Layout layoutFor(const CvDocument& doc, const Config& config);

}  // namespace cvlint::pages
