// Fixture builders for the wording-rule tests: a bullet list under an
// Experience heading, in Markdown and in LaTeX.
#pragma once

#include <string>
#include <string_view>

#include "testing.hpp"

namespace wordingtest {
inline std::string md(std::string_view bullets) { return "# Zoë Example\n\n## Experience\n\n" + std::string(bullets); }
inline std::string tex(std::string_view items) {
  return "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n" + std::string(items) +
         "\\end{itemize}\n\\end{document}\n";
}
inline size_t count(const std::string& text, cvlint::Format f, std::string_view rule, const cvlint::Config& c = {}) {
  return cvlint::test::findings(cvlint::test::lint(text, f, c), rule).size();
}
}  // namespace wordingtest
