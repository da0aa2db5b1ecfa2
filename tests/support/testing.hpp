// Test helpers shared by every area, so rule tests read like the product:
//   CHECK(fixed(md("- Responsible for the API"), "weak-verb") == "- Maintained the API");
//   CHECK(annotate(text, Format::Markdown, "weak-verb") == "...text with ^^^ marker lines...");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "engine.hpp"

namespace cvlint::test {

// Analyses a text as a file named cv.md / cv.tex (no file access).
AnalysisResult lint(std::string_view text, Format format, const Config& config = {});

// Findings of one rule (all rules when rule is empty).
std::vector<Finding> findings(const AnalysisResult& res, std::string_view rule = {});

// The text after applying fix `fixIndex` of the first finding of `rule`
// (unchanged text when there is none).
std::string fixed(std::string_view text, Format format, std::string_view rule, size_t fixIndex = 0,
                  const Config& config = {});

// Every fix title offered by the findings of a rule, in order.
std::vector<std::string> fixTitles(std::string_view text, Format format, std::string_view rule,
                                   const Config& config = {});

// The text with marker lines under each line that has a finding of `rule`
// (all rules when empty):
//   - Was responsible for migrating the billing service
//     ^^^^^^^^^^^^^^^^^^^^^ weak-verb
// Columns are code points; a finding spanning lines is marked to its line's end.
std::string annotate(std::string_view text, Format format, std::string_view rule = {}, const Config& config = {});

// Reads a whole file ("" when missing).
std::string readFile(const std::string& path);

// What a shell command prints on stdout (append " 2>&1" for stderr too).
std::string commandOutput(const std::string& command);

// Golden comparison: compares `actual` with the file; with CVLINT_UPDATE_GOLDEN=1
// rewrites the file instead. Returns true when they match (or were rewritten).
bool matchesGolden(const std::string& goldenPath, const std::string& actual);

}  // namespace cvlint::test
