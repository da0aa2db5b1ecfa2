// spelling-variant: en-GB and en-US spellings mixed in one CV, reported
// against the locale with a case-preserving fix; names, quoted titles, code,
// the verb "license" and computer programs stay as they are.
#include <catch2/catch_test_macros.hpp>

#include "conv_support.hpp"

using namespace cvlint;
using namespace cvlint::convtest;
using test::fixed;

namespace {
const char* kRule = "spelling-variant";
std::string expCv(std::string_view bullets) { return "# Jane Doe\n\n## Experience\n\n" + std::string(bullets); }
Config us() {
  Config c;
  c.locale = Locale::EnUS;
  return c;
}
}  // namespace

TEST_CASE("spelling-variant: the non-locale spelling in a mixed CV is reported and fixed") {
  std::string cv = expCv("- Optimised the build pipeline\n- Organized a hackathon for 40 people\n");
  CHECK(test::annotate(cv, Format::Markdown, kRule) ==
        expCv("- Optimised the build pipeline\n- Organized a hackathon for 40 people\n  ^^^^^^^^^ spelling-variant\n"));
  CHECK(fixed(cv, Format::Markdown, kRule) == expCv("- Optimised the build pipeline\n- Organised a hackathon for 40 people\n"));
  CHECK(fixed(cv, Format::Markdown, kRule, 0, us()) ==
        expCv("- Optimized the build pipeline\n- Organized a hackathon for 40 people\n"));
}

TEST_CASE("spelling-variant: one spelling throughout is not mixed") {
  CHECK(md(expCv("- Optimized the build\n- Organized a hackathon\n"), kRule).empty());
  CHECK(md(expCv("- Optimised the build\n- Organised a hackathon\n"), kRule, us()).empty());
}

TEST_CASE("spelling-variant: case and plurals are kept") {
  std::string cv = expCv("- Analysed 3 COLORS of logs\n- Modelled user behaviors\n");
  CHECK(md(cv, kRule).size() == 2);
  CHECK(fixed(cv, Format::Markdown, kRule) == expCv("- Analysed 3 COLOURS of logs\n- Modelled user behaviors\n"));
}

TEST_CASE("spelling-variant: names, quoted titles and code stay") {
  CHECK(md(expCv("- Optimised dashboards for the Center for Disease Control\n"), kRule).empty());
  CHECK(md(expCv("- Optimised the \"Microsoft Visual Studio Color Theme\" extension\n"), kRule).empty());
  CHECK(md(expCv("- Optimised `color.js` and the center/ folder\n"), kRule).empty());
}

TEST_CASE("spelling-variant: licence as a noun, license as a verb") {
  CHECK(fixed(expCv("- Optimised the build\n- Holds a full driving license\n"), Format::Markdown, kRule) ==
        expCv("- Optimised the build\n- Holds a full driving licence\n"));
  CHECK(md(expCv("- Optimised the build\n- Licensed the SDK to 3 partners\n- Chose to license it under MIT\n"), kRule).empty());
  CHECK(fixed(expCv("- Optimized the build\n- Holds a driving licence\n"), Format::Markdown, kRule, 0, us()) ==
        expCv("- Optimized the build\n- Holds a driving license\n"));
}

TEST_CASE("spelling-variant: programme outside computing, program for software") {
  CHECK(fixed(expCv("- Optimised the build\n- Mentored 5 juniors on the graduate program\n"), Format::Markdown, kRule) ==
        expCv("- Optimised the build\n- Mentored 5 juniors on the graduate programme\n"));
  CHECK(md(expCv("- Optimised the program's memory use by 30%\n- Wrote a program to parse logs\n"), kRule).empty());
}

TEST_CASE("spelling-variant: LaTeX items") {
  std::string body = "\\section{Experience}\n\\begin{itemize}\n\\item Optimised the build\n\\item Analyzed \\textbf{logs}\n"
                     "\\end{itemize}\n";
  CHECK(latex(tex(body), kRule).size() == 1);
  CHECK(fixed(tex(body), Format::Latex, kRule) ==
        tex("\\section{Experience}\n\\begin{itemize}\n\\item Optimised the build\n\\item Analysed \\textbf{logs}\n"
            "\\end{itemize}\n"));
}
