// personal-details: date of birth, age, marital status, nationality, gender,
// religion and photos, in Markdown and LaTeX, with the look-alike traps, and
// fixes that delete the line or the field cleanly.
#include <catch2/catch_test_macros.hpp>

#include "conv_support.hpp"

using namespace cvlint;
using namespace cvlint::convtest;
using test::fixed;

namespace {
const char* kRule = "personal-details";

std::string mdCv(std::string_view header) {
  return "# Jane Doe\n\n" + std::string(header) + "\n\n## Experience\n\n- Built the billing API in Go\n";
}
}  // namespace

TEST_CASE("personal-details: each detail in a Markdown header is found") {
  for (const char* line : {"Date of birth: 1 January 1990", "DOB: 01/01/1990", "Born 1 January 1990 in Leeds",
                           "Age: 34", "34 years old", "Marital status: Married", "Nationality: British",
                           "Gender: Female", "Religion: Christian", "Sex: Male", "Married", "Marital Status - Single",
                           "D.O.B.: 12.03.1988", "British national, married, 2 children", "Status: Single",
                           "Gender Female", "Ethnicity: White British"}) {
    CAPTURE(line);
    auto fs = md(mdCv(line), kRule);
    REQUIRE(fs.size() == 1);
    CHECK(at(mdCv(line), fs[0]) == line);
  }
}

TEST_CASE("personal-details: look-alike words never fire") {
  std::string cv =
      "# Jane Doe\n\njane@example.com\n\n## Experience\n\n"
      "- Raised \xC2\xA3" "2k for Age UK with a sponsored walk\n"
      "- Manager of the photography society\n"
      "- Negotiated fares with British Airways and Nationwide\n"
      "- Researched ageing populations with image processing\n"
      "- Built single sign-on for 12 services\n"
      "- Automated the gender pay gap report for HR\n"
      "- Born-in-the-cloud migration of 40 services\n"
      "\nGender equality network lead and religion and society reading group.\n\n"
      "- Led a team of 5 engineers aged between juniors and seniors\n";
  CHECK(md(cv, kRule).empty());
}

TEST_CASE("personal-details: the Markdown fix deletes the whole line") {
  CHECK(fixed(mdCv("jane@example.com\nDate of birth: 1 January 1990"), Format::Markdown, kRule) ==
        mdCv("jane@example.com"));
  CHECK(fixed("# Jane Doe\n\n- Nationality: British\n- Email: jane@example.com\n", Format::Markdown, kRule) ==
        "# Jane Doe\n\n- Email: jane@example.com\n");
}

TEST_CASE("personal-details: a table row holding a detail is deleted whole") {
  std::string cv = "# Jane\n\n| Field | Value |\n| --- | --- |\n| Date of birth | 1 Jan 1990 |\n| Email | jane@example.com |\n";
  CHECK(fixed(cv, Format::Markdown, kRule) == "# Jane\n\n| Field | Value |\n| --- | --- |\n| Email | jane@example.com |\n");
}

TEST_CASE("personal-details: a field among others is deleted with its separator") {
  std::string cv = mdCv("Nationality: British | Age: 34 | jane@example.com");
  auto fs = md(cv, kRule);
  REQUIRE(fs.size() == 2);
  CHECK(at(cv, fs[0]) == "Nationality: British");
  CHECK(at(cv, fs[1]) == "Age: 34");
  CHECK(fixed(cv, Format::Markdown, kRule) == mdCv("Age: 34 | jane@example.com"));
}

TEST_CASE("personal-details: marks the detail's range") {
  CHECK(test::annotate("Jane Doe\n\nAge: 34 | jane@example.com\n", Format::Markdown, kRule) ==
        "Jane Doe\n\nAge: 34 | jane@example.com\n^^^^^^^ personal-details\n");
}

TEST_CASE("personal-details: a Markdown photo in the header is found and deleted") {
  std::string cv = "# Jane Doe\n\n![Photo of Jane](jane.jpg)\n\njane@example.com\n\n## Experience\n\n- Built an API\n";
  auto fs = md(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("photo") != std::string::npos);
  CHECK(fixed(cv, Format::Markdown, kRule) ==
        "# Jane Doe\n\njane@example.com\n\n## Experience\n\n- Built an API\n");
}

TEST_CASE("personal-details: LaTeX \\cvitem fields and the moderncv photo") {
  std::string body = "\\section{Personal}\n\\cvitem{Date of birth}{1 January 1990}\n\\cvitem{Email}{jane@example.com}\n";
  std::string cv = tex(body);
  auto fs = latex(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fixed(cv, Format::Latex, kRule) ==
        tex("\\section{Personal}\n\\cvitem{Email}{jane@example.com}\n"));

  std::string photo = "\\documentclass{moderncv}\n\\moderncvstyle{classic}\n\\name{Jane}{Doe}\n\\photo[64pt]{jane}\n"
                      "\\begin{document}\n\\makecvtitle\n\\section{Experience}\n\\cventry{2020--2023}{Engineer}{Acme}{}{}{Built an API}\n"
                      "\\end{document}\n";
  auto ps = latex(photo, kRule);
  REQUIRE(ps.size() == 1);
  CHECK(at(photo, ps[0]).substr(0, 6) == "\\photo");
  CHECK(fixed(photo, Format::Latex, kRule).find("\\photo") == std::string::npos);
  CHECK(fixed(photo, Format::Latex, kRule).find("\\name{Jane}{Doe}\n\\begin{document}") != std::string::npos);
}

TEST_CASE("personal-details: LaTeX prose traps stay quiet") {
  std::string cv = tex(
      "\\section{Experience}\n\\begin{itemize}\n\\item Raised funds for Age UK\n\\item Manager of the photography "
      "club\n\\item Flew with British Airways\n\\end{itemize}\n");
  CHECK(latex(cv, kRule).empty());
}

TEST_CASE("personal-details: commented-out details are not findings") {
  CHECK(md("# Jane\n\n<!-- Date of birth: 1 January 1990 -->\n\njane@example.com\n", kRule).empty());
  CHECK(latex(tex("% Date of birth: 1 January 1990\nJane Doe\n"), kRule).empty());
}
