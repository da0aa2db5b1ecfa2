// A LaTeX macro whose body calls itself twice doubles at each level: TeX would
// loop forever, cvlint expands until its budget stops it. Found by fuzz_latex
// (a 9 KB CV whose \newcommand body was left unclosed, so the body held every
// later call of the macro itself): the budget (kMaxExpandedTokens, 4 million
// tokens) let a 148-byte document grow to 200,002 sections, 2.6 s and 295 MB
// in a release build, 73 s under ASan, on every keystroke in the editor.
// The input is tests/fuzz/regressions/fuzz_latex-macro-calls-itself-twice.
// Walker::invoke now counts a macro's calls from its own body (at most the
// frame depth per call from the source) and scales the token budget with the
// source size.
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "engine.hpp"
#include "server_bytes.hpp"
#include "testing.hpp"

using namespace cvlint;
using cvlint::test::lint;

namespace {

bool expansionStopped(const AnalysisResult& r) {
  for (const auto& p : r.doc->problems)
    if (p.message.find("expands too") != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("limits: a LaTeX macro that calls itself stops at the depth limit with a warning") {
  AnalysisResult r = lint("\\documentclass{article}\n"
                          "\\newcommand{\\loopy}{\\section{Experience} Led a team of five engineers. \\loopy}\n"
                          "\\begin{document}\n\\loopy\n\\end{document}\n",
                          Format::Latex);
  REQUIRE(r.doc);
  CHECK(expansionStopped(r));
  // One section per level, up to the expansion depth limit (256 frames).
  CHECK(r.doc->sections.size() >= 2);
  CHECK(r.doc->sections.size() <= 300);
}

TEST_CASE("limits: a LaTeX macro that calls itself twice is cut off small") {
  std::string text = regress::readBinary(std::string(CVLINT_SOURCE_DIR) +
                                         "/tests/fuzz/regressions/fuzz_latex-macro-calls-itself-twice");
  REQUIRE(text.find("\\loopy\\loopy") != std::string::npos);
  AnalysisResult r = lint(text, Format::Latex);
  REQUIRE(r.doc);
  // The expansion is stopped and said so ...
  CHECK(expansionStopped(r));
  // ... while the document is still CV-sized: one section per expansion, a
  // few hundred at most (a real CV has under 20), not hundreds of thousands.
  CHECK(r.doc->sections.size() <= 1000);
}

TEST_CASE("limits: chained macros in a 9 KB document expand to a CV-sized model") {
  // A fuzz_latex timeout under ASan on a loaded machine: Jake's template with
  // its \newcommand bodies cut, so each macro's body runs into the next; with
  // a budget of 16 tokens per source byte it made 1,786 bullets from 9.5 KB.
  std::string text = regress::readBinary(std::string(CVLINT_SOURCE_DIR) +
                                         "/tests/fuzz/regressions/fuzz_latex-macro-chain-1786-bullets");
  REQUIRE(text.size() > 9000);
  AnalysisResult r = lint(text, Format::Latex);
  REQUIRE(r.doc);
  size_t bullets = 0;
  for (const Block& b : r.doc->blocks) bullets += b.kind == BlockKind::Bullet;
  CHECK(bullets < 600);
}
