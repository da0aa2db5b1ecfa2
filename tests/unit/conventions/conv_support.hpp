// Helpers for the CV convention rule tests: Markdown and LaTeX snippets,
// findings of one rule, and the text after its first fix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "testing.hpp"

namespace cvlint::convtest {

inline std::string tex(std::string_view body, std::string_view preamble = "") {
  return "\\documentclass{article}\n" + std::string(preamble) + "\\begin{document}\n" + std::string(body) +
         "\\end{document}\n";
}

inline std::vector<Finding> md(std::string_view text, std::string_view rule, const Config& cfg = {}) {
  return test::findings(test::lint(text, Format::Markdown, cfg), rule);
}

inline std::vector<Finding> latex(std::string_view text, std::string_view rule, const Config& cfg = {}) {
  return test::findings(test::lint(text, Format::Latex, cfg), rule);
}

// Source text a finding points at.
inline std::string at(std::string_view text, const Finding& f) {
  return std::string(text.substr(f.range.begin, f.range.size()));
}

}  // namespace cvlint::convtest
