// The page model's parts: font metrics from the TFM tables, lengths, page
// layouts (checked against what real TeX reports), line and page breaking,
// and the page-overflow rule end to end.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "length/layout.hpp"
#include "length/metrics.hpp"
#include "length/pages.hpp"
#include "length/typeset.hpp"
#include "testing.hpp"

using namespace cvlint;
using namespace cvlint::pages;
using Catch::Approx;

namespace {

// A Markdown CV of `n` experience bullets, each long enough for two lines.
std::string bulletsCv(int n, const std::string& directive = {}) {
  std::string s = directive + "# Experience\n\n";
  for (int i = 0; i < n; ++i)
    s += "- Migrated service " + std::to_string(i) +
         " of the billing platform to Kubernetes, cutting deployment time and incidents for the team\n";
  return s;
}

std::string dataNumber(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.data)
    if (k == key) return std::to_string(std::get<double>(v));
  return "";
}

}  // namespace

TEST_CASE("metrics: widths come from the TeX font metrics", "[pages]") {
  Font cmr10 = makeFont("cm", "rm", 10);
  REQUIRE(std::string(cmr10.row->tfm) == "cmr10");
  // cmr10.tfm: 'M' is 0.916667 em, 'a' 0.5 em, the interword space 0.333333 em.
  CHECK(charWidth(cmr10, 'M') == Approx(9.16667).epsilon(1e-4));
  CHECK(wordWidth(cmr10, "a") == Approx(5.0).epsilon(1e-4));
  CHECK(cmr10.space() == Approx(3.33333).epsilon(1e-4));
  // The fi ligature is narrower than f followed by i; "AV" kerns.
  CHECK(wordWidth(cmr10, "fi") < charWidth(cmr10, 'f') + charWidth(cmr10, 'i'));
  CHECK(wordWidth(cmr10, "AV") < charWidth(cmr10, 'A') + charWidth(cmr10, 'V'));
  // Sizes pick the nearest design size and scale: 12pt uses cmr12.
  CHECK(std::string(makeFont("cm", "rm", 12).row->tfm) == "cmr12");
  CHECK(std::string(makeFont("times", "bf", 11).row->tfm) == "ptmb7t");
  // Unknown families fall back to Computer Modern, never to nothing.
  CHECK(makeFont("no-such-font", "rm", 10).row != nullptr);
  // Times is narrower than Computer Modern for the same text.
  CHECK(wordWidth(makeFont("times", "rm", 10), "Engineering") < wordWidth(cmr10, "Engineering"));
}

TEST_CASE("lengths parse in TeX units", "[pages]") {
  Layout l;
  CHECK(*parseLength("1in", 10, 4.3) == Approx(72.27));
  CHECK(*parseLength("-.5in", 10, 4.3) == Approx(-36.135));
  CHECK(*parseLength("2cm", 10, 4.3) == Approx(56.905).epsilon(1e-4));
  CHECK(*parseLength("1.5em", 10, 4.3) == Approx(15));
  CHECK(*parseLength("0.5\\textwidth", 10, 4.3, &l) == Approx(l.textW / 2));
  CHECK(*parseLength("6pt plus 2pt minus 1pt", 10, 4.3) == Approx(6));
  CHECK_FALSE(parseLength("wide", 10, 4.3));
  CHECK_FALSE(parseLength("", 10, 4.3));
}

TEST_CASE("layouts match what TeX reports for article", "[pages]") {
  // Values printed by pdflatex (\the\textheight, \the\textwidth) on TeX Live 2022.
  struct Case {
    const char* opts;
    double w, h;
  } cases[] = {{"10pt,a4paper", 345, 598},   {"10pt,letterpaper", 345, 550},   {"11pt,a4paper", 360, 595.8},
               {"11pt,letterpaper", 360, 541.4}, {"12pt,a4paper", 390, 592}, {"12pt,letterpaper", 390, 548.5}};
  for (const Case& c : cases) {
    std::string tex = std::string("\\documentclass[") + c.opts + "]{article}\n\\begin{document}\nHello.\n\\end{document}\n";
    auto res = test::lint(tex, Format::Latex);
    Layout l = layoutFor(*res.doc, res.config);
    INFO(c.opts);
    CHECK(l.textW == Approx(c.w).margin(0.01));
    CHECK(l.textH == Approx(c.h).margin(0.01));
  }
  // geometry and Jake's-resume style \addtolength on the page dimensions.
  auto g = test::lint("\\documentclass[11pt]{article}\n\\usepackage[margin=1in]{geometry}\n\\begin{document}\nx\n\\end{document}\n",
                      Format::Latex);
  Layout lg = layoutFor(*g.doc, g.config);
  CHECK(lg.textW == Approx(614.295 - 2 * 72.27).margin(0.1));
  CHECK(lg.textH == Approx(794.97 - 2 * 72.27).margin(0.1));
  auto j = test::lint("\\documentclass[letterpaper,11pt]{article}\n\\addtolength{\\textwidth}{1in}\n"
                      "\\addtolength{\\textheight}{1.0in}\n\\begin{document}\nx\n\\end{document}\n",
                      Format::Latex);
  Layout lj = layoutFor(*j.doc, j.config);
  CHECK(lj.textW == Approx(360 + 72.27).margin(0.1));
  CHECK(lj.textH == Approx(541.4 + 72.27).margin(0.1));
  // Markdown: pandoc's default (article 10pt, US letter); the render profile overrides it.
  Config cfg;
  cfg.render.paper = "a4";
  cfg.render.fontSizePt = 11;
  cfg.render.margin = "2cm";
  auto m = test::lint("# CV\n\ntext\n", Format::Markdown, cfg);
  Layout lm = layoutFor(*m.doc, cfg);
  CHECK(lm.textW == Approx(597.50787 - 2 * 56.905).margin(0.1));
  CHECK(lm.sizes[kNormal].size == Approx(10.95));
}

TEST_CASE("line breaking: text wraps at the measure, forced breaks hold", "[pages]") {
  Font f = makeFont("cm", "rm", 10);
  std::vector<Word> words = measureWords("one two three four five six seven eight nine ten", f);
  REQUIRE(words.size() == 10);
  ParShape wide;
  wide.hsize = 1000;
  CHECK(breakLines(words, wide).size() == 1);
  ParShape narrow;
  narrow.hsize = 60;
  auto lines = breakLines(words, narrow);
  CHECK(lines.size() > 3);
  words[5].breakBefore = true;
  auto forced = breakLines(words, wide);
  REQUIRE(forced.size() == 2);
  CHECK(forced[1] == 5);
}

// The lines a breaker makes, as text.
std::vector<std::string> lineTexts(const std::string& text, const std::vector<Word>& words,
                                   const std::vector<uint32_t>& starts) {
  std::vector<std::string> out;
  for (size_t i = 0; i < starts.size(); ++i) {
    uint32_t b = words[starts[i]].textBegin;
    uint32_t e = i + 1 < starts.size() ? words[starts[i + 1] - 1].textEnd : words.back().textEnd;
    out.push_back(text.substr(b, e - b));
  }
  return out;
}

TEST_CASE("line breaking: optimum fit breaks where TeX does, microtype's expansion keeps a line", "[pages]") {
  // Measured with pdflatex (TeX Live 2022), article + fullpage + lmodern,
  // \textwidth 469.75pt: TeX sets this in three lines, breaking before
  // "with" (two lines would need a tight first line: 52 badness, more
  // demerits than two loose ones); first fit makes two. With microtype
  // loaded, TeX sets two lines: font expansion takes up the first line's
  // excess before its glue shrinks.
  const std::string text =
      "Researcher moving into industry, with field work, statistics and clear writing for non-specialists. "
      "Analyst with a record of turning messy operational data into decisions people act on. Based in "
      "Belfast; happy to travel.";
  Font f = makeFont("lm", "rm", 10);
  std::vector<Word> words = measureWords(text, f);
  ParShape shape;
  shape.hsize = 469.75;
  shape.hyphenWidth = charWidth(f, '-');
  auto firstFit = lineTexts(text, words, breakLines(words, shape));
  REQUIRE(firstFit.size() == 2);
  CHECK(firstFit[0].substr(firstFit[0].size() - 12) == "Analyst with");
  shape.optimum = true;
  auto optimum = lineTexts(text, words, breakLines(words, shape));
  REQUIRE(optimum.size() == 3);
  CHECK(optimum[0].substr(optimum[0].size() - 7) == "Analyst");
  CHECK(optimum[1].rfind("with a record", 0) == 0);
  CHECK(optimum[2] == "travel.");
  shape.expansion = 0.02;
  shape.protrusion = true;
  auto microtype = lineTexts(text, words, breakLines(words, shape));
  REQUIRE(microtype.size() == 2);
  CHECK(microtype[1].rfind("a record", 0) == 0);
  // Asked again (now from the per-thread memo), the answers are the same.
  shape.expansion = 0;
  shape.protrusion = false;
  CHECK(lineTexts(text, words, breakLines(words, shape)) == optimum);
}

TEST_CASE("line breaking: optimum fit keeps forced breaks and copes with words wider than the line", "[pages]") {
  Font f = makeFont("cm", "rm", 10);
  std::vector<Word> words = measureWords("one two three four five six seven eight nine ten", f);
  ParShape shape;
  shape.optimum = true;
  shape.hsize = 1000;
  CHECK(breakLines(words, shape).size() == 1);
  words[5].breakBefore = true;
  auto forced = breakLines(words, shape);
  REQUIRE(forced.size() == 2);
  CHECK(forced[1] == 5);
  // Narrower than the widest word: no break is within \tolerance, so the
  // lines are set as first fit sets them (TeX: overfull boxes), never none.
  words[5].breakBefore = false;
  shape.hsize = 20;
  auto narrow = breakLines(words, shape);
  ParShape ff = shape;
  ff.optimum = false;
  CHECK(narrow == breakLines(words, ff));
  CHECK(narrow.size() >= 5);
  // A paragraph of the corpus (mikepqr-resume) as pandoc's template set it
  // (pdflatex: lmodern 10pt, microtype, 345pt): four lines, broken here.
  const std::string text =
      "Pied Piper is a multi-platform technology based on a proprietary universal compression algorithm that has "
      "consistently fielded high Weisman Scores\u2122 that are not merely competitive, but approach the "
      "theoretical limit of lossless compression.";
  Font lm = makeFont("lm", "rm", 10);
  std::vector<Word> para = measureWords(text, lm);
  ParShape pandoc;
  pandoc.optimum = true;
  pandoc.hsize = 345;
  pandoc.hyphenWidth = charWidth(lm, '-');
  pandoc.expansion = 0.02;
  pandoc.protrusion = true;
  auto lines = lineTexts(text, para, breakLines(para, pandoc));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].substr(lines[0].size() - 9) == "universal");
  CHECK(lines[1].substr(lines[1].size() - 9) == "Scores\u2122");
  CHECK(lines[2].substr(lines[2].size() - 8) == "lossless");
  CHECK(lines[3] == "compression.");
}

TEST_CASE("metrics: the trade mark sign is as wide as pdfLaTeX sets it", "[pages]") {
  // \hbox{Scores\texttrademark{} that are} in lmodern 10pt: 75.5pt (pdflatex).
  std::vector<Word> w = measureWords("Scores\u2122 that are", makeFont("lm", "rm", 10));
  REQUIRE(w.size() == 3);
  double total = w[0].width + w[0].after.w + w[1].width + w[1].after.w + w[2].width;
  CHECK(total == Approx(75.5).margin(0.3));
}

TEST_CASE("layouts: microtype is seen where the setup loads it", "[pages]") {
  Config cfg;
  auto md = test::lint("# CV\n\ntext\n", Format::Markdown, cfg);
  Layout lm = layoutFor(*md.doc, cfg);
  CHECK(lm.fontExpansion == Approx(0.02));
  CHECK(lm.protrusion);
  auto plain = test::lint("\\documentclass{article}\n\\begin{document}\ntext\n\\end{document}\n", Format::Latex, cfg);
  Layout lp = layoutFor(*plain.doc, cfg);
  CHECK(lp.fontExpansion == 0);
  CHECK_FALSE(lp.protrusion);
  auto mt = test::lint("\\documentclass{article}\n\\usepackage{microtype}\n\\begin{document}\ntext\n\\end{document}\n",
                       Format::Latex, cfg);
  Layout lt = layoutFor(*mt.doc, cfg);
  CHECK(lt.fontExpansion == Approx(0.02));
  CHECK(lt.protrusion);
  // XeTeX (fontspec) has no font expansion; an option turns either off.
  auto xe = test::lint(
      "\\documentclass{article}\n\\usepackage{fontspec}\n\\usepackage[expansion=false]{microtype}\n"
      "\\begin{document}\ntext\n\\end{document}\n",
      Format::Latex, cfg);
  Layout lx = layoutFor(*xe.doc, cfg);
  CHECK(lx.fontExpansion == 0);
  CHECK(lx.protrusion);
  auto off = test::lint(
      "\\documentclass{article}\n\\usepackage[protrusion=false]{microtype}\n\\begin{document}\ntext\n\\end{document}\n",
      Format::Latex, cfg);
  Layout lo = layoutFor(*off.doc, cfg);
  CHECK(lo.fontExpansion == Approx(0.02));
  CHECK_FALSE(lo.protrusion);
}

TEST_CASE("page model: a Markdown block quote is set at the quote's width", "[pages]") {
  // pandoc's quote environment is 2.5em narrower on both sides; the block's
  // text starts after the "> " mark. This line fits the full measure (345pt)
  // but not the quote's 295pt.
  std::string line = "username@domain.com | +01 1111111111 | website.me | Linkedin | City, Country";
  Config cfg;
  auto count = [&](const std::string& md) {
    auto r = test::lint(md, Format::Markdown, cfg);
    std::string t = tracePageModel(*r.doc, cfg);
    int n = 0;
    for (size_t p = t.find("\np1 "); p != std::string::npos; p = t.find("\np1 ", p + 1)) ++n;
    return n;
  };
  CHECK(count("# Name\n\n" + line + "\n") == 2);      // the title and one line
  CHECK(count("# Name\n\n> " + line + "\n") == 3);    // the title and two lines
}

TEST_CASE("page breaking follows TeX's least-cost choice", "[pages]") {
  // Ten 12pt lines on a 60pt page (topskip 10): five lines a page.
  std::vector<VItem> items;
  for (int i = 0; i < 10; ++i) {
    if (i) items.push_back({VItem::Penalty, 0, 0, {}, 0, {}});
    VItem b;
    b.height = 12;
    b.top = 7;
    b.src.srcByte = static_cast<uint32_t>(i);
    b.src.valid = true;
    items.push_back(b);
  }
  PageBreakResult r = breakPages(items, 58, 10);
  CHECK(r.pages == 2);
  REQUIRE(r.pageStarts.size() == 1);
  CHECK(items[r.pageStarts[0]].src.srcByte == 5);
  // A forced break (\newpage) wins over filling the page.
  std::vector<VItem> forced = items;
  forced[4] = {VItem::Penalty, 0, 0, {}, -10000, {}};
  PageBreakResult rf = breakPages(forced, 58, 10);
  REQUIRE(!rf.pageStarts.empty());
  CHECK(forced[rf.pageStarts[0]].src.srcByte == 3);
}

TEST_CASE("page-overflow: reported where the page past the limit begins", "[pages]") {
  std::string text = bulletsCv(60);
  auto res = test::lint(text, Format::Markdown);
  REQUIRE(res.pageModel);
  REQUIRE(res.pages.available);
  CHECK(res.pages.estimated > 2);
  auto f = test::findings(res, "page-overflow");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("This CV runs to about ") == 0);
  CHECK(f[0].message.find("; the limit is 2 (page 3 starts here)") != std::string::npos);
  CHECK(dataNumber(f[0], "page") == std::to_string(3.0));
  // The finding sits on the source line the model puts first on page 3:
  // a whole bullet line.
  const PageStart* p3 = nullptr;
  for (const PageStart& s : res.pageModel->starts)
    if (s.page == 3) p3 = &s;
  REQUIRE(p3);
  CHECK(res.doc->source().lineOf(f[0].range.begin) == p3->line);
  std::string line = text.substr(f[0].range.begin, f[0].range.end - f[0].range.begin);
  CHECK(line.rfind("- Migrated service ", 0) == 0);
}

TEST_CASE("page-overflow: silent within the limit; the limit comes from config and directives", "[pages]") {
  CHECK(test::findings(test::lint(bulletsCv(10), Format::Markdown), "page-overflow").empty());
  Config three;
  three.pages = 3;
  std::string twoAndABit = bulletsCv(40);
  auto base = test::lint(twoAndABit, Format::Markdown);
  REQUIRE(base.pages.estimated > 1);
  REQUIRE(base.pages.estimated <= 3);
  CHECK(test::findings(test::lint(twoAndABit, Format::Markdown, three), "page-overflow").empty());
  // `cvlint: pages=1` in the file itself.
  auto one = test::lint(bulletsCv(40, "<!-- cvlint: pages=1 -->\n"), Format::Markdown);
  auto f = test::findings(one, "page-overflow");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("the limit is 1 (page 2 starts here)") != std::string::npos);
}

TEST_CASE("page model: an empty or markup-only document estimates zero pages, never crashes", "[pages]") {
  for (const char* t : {"", "\\documentclass{article}\n", "<!-- only a comment -->\n", "\\begin{document}\\newpage\\end{document}"}) {
    auto res = test::lint(t, std::string(t).find('\\') != std::string::npos ? Format::Latex : Format::Markdown);
    REQUIRE(res.pageModel);
    CHECK(res.pageModel->pages >= 0);
    CHECK(res.pageModel->pages < 1);
  }
}

TEST_CASE("page model: multicols and enumitem spacing change the estimate", "[pages]") {
  std::string items;
  for (int i = 0; i < 80; ++i) items += "\\item Built service " + std::to_string(i) + " for the platform team\n";
  std::string plain = "\\documentclass{article}\n\\begin{document}\n\\begin{itemize}\n" + items + "\\end{itemize}\n\\end{document}\n";
  std::string nosep = "\\documentclass{article}\n\\usepackage{enumitem}\n\\setlist{nosep}\n\\begin{document}\n\\begin{itemize}\n" +
                      items + "\\end{itemize}\n\\end{document}\n";
  std::string cols = "\\documentclass{article}\n\\usepackage{multicol}\n\\begin{document}\n\\begin{multicols}{2}\n\\begin{itemize}\n" +
                     items + "\\end{itemize}\n\\end{multicols}\n\\end{document}\n";
  double p = test::lint(plain, Format::Latex).pages.estimated;
  double n = test::lint(nosep, Format::Latex).pages.estimated;
  double c = test::lint(cols, Format::Latex).pages.estimated;
  INFO("plain " << p << " nosep " << n << " multicols " << c);
  CHECK(p > 1.5);
  // 80 items: itemsep 4pt each is about 320pt, over half a page.
  CHECK(n < p - 0.4);
  CHECK(c < p * 0.6);
}

TEST_CASE("page-overflow: a measured count says so", "[pages]") {
  auto res = test::lint(bulletsCv(60), Format::Markdown);
  PageEstimate measured;
  measured.pages = 3;
  measured.method = "measured";
  measured.starts.push_back({3, 0, res.pageModel->starts.back().srcByte, res.pageModel->starts.back().line});
  RuleContext ctx{*res.doc, res.config, nullptr, &measured};
  const Rule* rule = findRule("page-overflow");
  REQUIRE(rule);
  std::vector<Finding> out;
  rule->check(ctx, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].message == "This CV runs to 3 pages (measured); the limit is 2 (page 3 starts here)");
  CHECK(res.doc->source().lineOf(out[0].range.begin) == measured.starts[0].line);
}

TEST_CASE("page-overflow: a single line on the next page still reads as past the limit", "[pages]") {
  auto res = test::lint("\\documentclass{article}\n\\begin{document}\nHello.\n\\newpage\nWorld.\n\\clearpage\nAgain.\n"
                        "\\end{document}\n",
                        Format::Latex);
  REQUIRE(res.pageModel);
  CHECK(res.pageModel->pages > 2);
  CHECK(res.pageModel->pages < 2.1);
  // The reported estimate is rounded up to a tenth, as in the message.
  CHECK(res.pages.estimated > 2.09);
  CHECK(res.pages.estimated < 2.11);
  auto f = test::findings(res, "page-overflow");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "This CV runs to about 2.1 pages; the limit is 2 (page 3 starts here)");
  CHECK(res.doc->source().lineOf(f[0].range.begin) == 6);
}
