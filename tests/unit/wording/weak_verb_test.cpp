// weak-verb end to end: input -> finding and input -> fixed text, in Markdown
// and LaTeX, with markup, non-ASCII text and the traps (comments, code,
// URLs, mid-sentence phrases, non-experience sections).
#include <catch2/catch_test_macros.hpp>

#include "testing.hpp"

using namespace cvlint;
using namespace cvlint::test;

namespace {
std::string md(std::string_view bullets) { return "# Zoë Example\n\n## Experience\n\n" + std::string(bullets); }
std::string tex(std::string_view items) {
  return "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n" + std::string(items) +
         "\\end{itemize}\n\\end{document}\n";
}
size_t count(const std::string& text, Format f, const Config& c = {}) { return findings(lint(text, f, c), "weak-verb").size(); }
}  // namespace

TEST_CASE("weak-verb: Markdown finding covers the weak phrase", "[weak-verb]") {
  CHECK(annotate(md("- Was responsible for migrating the billing service\n"), Format::Markdown, "weak-verb") ==
        md("- Was responsible for migrating the billing service\n"
           "  ^^^^^^^^^^^^^^^^^^^ weak-verb\n"));
  CHECK(annotate(md("- 🚀 Responsible for maintaining the naïve payments API\n"), Format::Markdown, "weak-verb") ==
        md("- 🚀 Responsible for maintaining the naïve payments API\n"
           "    ^^^^^^^^^^^^^^^ weak-verb\n"));
  auto res = lint(md("- Responsible for maintaining the API\n"), Format::Markdown);
  auto fs = findings(res, "weak-verb");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message == "Start with a strong action verb instead of \"Responsible for\"");
  CHECK(fs[0].severity == Severity::Warning);
  REQUIRE_FALSE(fs[0].fixes.empty());
  CHECK(fs[0].fixes[0].preferred);
  CHECK(fs[0].fixes[0].title == "Rewrite as \"Maintained the API\"");
}

TEST_CASE("weak-verb: Markdown fixes keep the rest byte for byte", "[weak-verb]") {
  CHECK(fixed(md("- Responsible for maintaining the naïve payments API\n"), Format::Markdown, "weak-verb") ==
        md("- Maintained the naïve payments API\n"));
  // Decoration glued to a letter before the opening (an edit typed before an emoji).
  CHECK(fixed(md("- é🚀 Responsible for maintaining the naïve payments API\n"), Format::Markdown, "weak-verb") ==
        md("- é🚀 Maintained the naïve payments API\n"));
  CHECK(fixed(md("* Helped to build the *design system* at Café Ltd\n"), Format::Markdown, "weak-verb") ==
        md("* Built the *design system* at Café Ltd\n"));
  CHECK(fixed(md("* Helped to build the *design system* at Café Ltd\n"), Format::Markdown, "weak-verb", 1) ==
        md("* Co-built the *design system* at Café Ltd\n"));
  // The phrase in bold: the fix is split around the markup.
  CHECK(fixed(md("- **Responsible for** maintaining the `ledger`\n"), Format::Markdown, "weak-verb") ==
        md("- **Maintained** the `ledger`\n"));
  // A bullet wrapped over two source lines.
  CHECK(fixed(md("- Involved in the migration of\n  MySQL to PostgreSQL\n"), Format::Markdown, "weak-verb") ==
        md("- Migrated\n  MySQL to PostgreSQL\n"));
  CHECK(fixed(md("- Worked on the search service\n"), Format::Markdown, "weak-verb") == md("- Built the search service\n"));
  // The weak phrase itself wrapped over two lines.
  CHECK(fixed(md("- Responsible\n  for maintaining the API\n"), Format::Markdown, "weak-verb") ==
        md("- Maintained the API\n"));
  CHECK(fixed(tex("  \\item Responsible\n    for maintaining the API\n"), Format::Latex, "weak-verb") ==
        tex("  \\item Maintained the API\n"));
  auto titles = fixTitles(md("- Worked on the search service\n"), Format::Markdown, "weak-verb");
  CHECK(titles == std::vector<std::string>{"Replace with \"Built\"", "Replace with \"Developed\"", "Replace with \"Maintained\""});
}

TEST_CASE("weak-verb: locale spelling", "[weak-verb]") {
  Config us;
  us.locale = Locale::EnUS;
  CHECK(fixed(md("- Responsible for optimising queries\n"), Format::Markdown, "weak-verb", 0, us) ==
        md("- Optimized queries\n"));
  CHECK(fixed(md("- Responsible for optimising queries\n"), Format::Markdown, "weak-verb") == md("- Optimised queries\n"));
}

TEST_CASE("weak-verb: Markdown traps are not reported", "[weak-verb]") {
  CHECK(count(md("- Built the API and helped the data team\n"), Format::Markdown) == 0);
  CHECK(count(md("- `Responsible for` is a string in our i18n file\n"), Format::Markdown) == 0);
  CHECK(count(md("<!-- - Responsible for maintaining the API -->\n- Built the API\n"), Format::Markdown) == 0);
  CHECK(count(md("```\n- Responsible for maintaining the API\n```\n"), Format::Markdown) == 0);
  CHECK(count(md("- Reduced costs by 40%, see [helped](https://example.com/helped)\n"), Format::Markdown) == 0);
  CHECK(count("# Zoë\n\n## Interests\n\n- Helped at the local food bank\n", Format::Markdown) == 0);
  CHECK(count("# Zoë\n\n## Education\n\n- Responsible for the chess society\n", Format::Markdown) == 0);
  // No headings at all: bullets read as experience.
  CHECK(count("- Responsible for maintaining the API\n", Format::Markdown) == 1);
  CHECK(count(md("- Part-time barista at a busy café\n"), Format::Markdown) == 0);
}

TEST_CASE("weak-verb: moderncv entry descriptions and Markdown lines under a job", "[weak-verb]") {
  std::string cv = "\\documentclass{moderncv}\n\\name{Zoë}{Example}\n\\begin{document}\n\\section{Experience}\n"
                   "\\cventry{2020--2023}{Engineer}{Café Ltd}{London}{}{Responsible for maintaining the payments API.}\n"
                   "\\end{document}\n";
  CHECK(count(cv, Format::Latex) == 1);
  CHECK(fixed(cv, Format::Latex, "weak-verb").find("{}{Maintained the payments API.}") != std::string::npos);
  CHECK(count(md("**Engineer**, Café Ltd, 2020 – 2023\n\nWorked on the search service.\n"), Format::Markdown) == 1);
  CHECK(count("# Zoë\n\n## Summary\n\nResponsible for teams of engineers.\n", Format::Markdown) == 0);
}

TEST_CASE("weak-verb: config words.weak and words.allow", "[weak-verb]") {
  Config c;
  c.weakWords = {"looked into"};
  CHECK(count(md("- Looked into flaky tests\n"), Format::Markdown, c) == 1);
  c.allowWords = {"Worked on"};
  CHECK(count(md("- Worked on the search service\n"), Format::Markdown, c) == 0);
  CHECK(count(md("- Worked on the search service\n"), Format::Markdown) == 1);
}

TEST_CASE("weak-verb: LaTeX findings and fixes", "[weak-verb]") {
  CHECK(fixed(tex("  \\item Responsible for maintaining the payments API at Caf\\'e Ltd\n"), Format::Latex, "weak-verb") ==
        tex("  \\item Maintained the payments API at Caf\\'e Ltd\n"));
  CHECK(fixed(tex("  \\item Was involved in the migration of 40\\% of services to AWS\n"), Format::Latex, "weak-verb") ==
        tex("  \\item Migrated 40\\% of services to AWS\n"));
  CHECK(fixed(tex("  \\item \\textbf{Helped} build the R\\&D portal\n"), Format::Latex, "weak-verb") ==
        tex("  \\item \\textbf{Built} the R\\&D portal\n"));
  // A description label before the text.
  CHECK(fixed("\\documentclass{article}\n\\begin{document}\n\\section{Projects}\n\\begin{description}\n"
              "\\item[cvlint] Worked on the parser\n\\end{description}\n\\end{document}\n",
              Format::Latex, "weak-verb")
            .find("\\item[cvlint] Built the parser\n") != std::string::npos);
  CHECK(count(tex("  % \\item Responsible for maintaining the API\n  \\item Built the API\n"), Format::Latex) == 0);
  CHECK(count(tex("  \\item Built X; see \\url{https://example.com/helped}\n"), Format::Latex) == 0);
  CHECK(count(tex("  \\item $Responsible for$ nothing\n"), Format::Latex) == 0);
  CHECK(annotate(tex("  \\item Tasked with rewriting the importer\n"), Format::Latex, "weak-verb") ==
        tex("  \\item Tasked with rewriting the importer\n"
            "        ^^^^^^^^^^^ weak-verb\n"));
}
