// date-format: mixed month styles, range separators and ongoing words across
// entries, with fixes to the dominant form, in Markdown and LaTeX.
#include <catch2/catch_test_macros.hpp>

#include "conv_support.hpp"

using namespace cvlint;
using namespace cvlint::convtest;
using test::fixed;

namespace {
const char* kRule = "date-format";
const char* kDash = "\xE2\x80\x93";

std::string jobs(std::initializer_list<std::string> dates) {
  std::string s = "# Jane Doe\n\n## Experience\n\n";
  int i = 0;
  for (const std::string& d : dates) s += "**Engineer " + std::to_string(++i) + "**, Acme, " + d + "\n\n- Built it\n\n";
  return s;
}
std::string r(const char* a, const char* b, const char* sep = kDash) { return std::string(a) + " " + sep + " " + b; }
}  // namespace

TEST_CASE("date-format: one style throughout has no finding") {
  CHECK(md(jobs({r("Jan 2020", "Present"), r("Mar 2018", "Dec 2019"), r("Jun 2017", "Sep 2017")}), kRule).empty());
  // Year-only dates (often education) fit any style.
  CHECK(md(jobs({r("Jan 2020", "Present"), r("2015", "2018")}), kRule).empty());
}

TEST_CASE("date-format: March to July written in full fit an abbreviated style") {
  CHECK(md(jobs({r("Aug. 2018", "May 2021"), r("Sept. 2016", "June 2018"), r("Jan. 2015", "July 2016")}), kRule).empty());
  // A three-letter month among full names does not.
  CHECK(md(jobs({r("January 2020", "Present"), r("September 2018", "December 2019"), r("Jun 2017", "August 2018")}), kRule).size() == 1);
}

TEST_CASE("date-format: a different month style is reported and rewritten in the dominant one") {
  std::string cv = jobs({r("Jan 2020", "Present"), r("Mar 2018", "Dec 2019"), r("06/2017", "09/2017")});
  auto fs = md(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(at(cv, fs[0]) == r("06/2017", "09/2017"));
  CHECK(fixed(cv, Format::Markdown, kRule) ==
        jobs({r("Jan 2020", "Present"), r("Mar 2018", "Dec 2019"), r("Jun 2017", "Sep 2017")}));
  CHECK(fixed(jobs({r("2020-01", "2021-06"), r("2018-03", "2019-12"), r("January 2017", "May 2017")}), Format::Markdown, kRule) ==
        jobs({r("2020-01", "2021-06"), r("2018-03", "2019-12"), r("2017-01", "2017-05")}));
}

TEST_CASE("date-format: a hyphen among en dashes") {
  std::string cv = jobs({r("Jan 2020", "Present"), r("Mar 2018", "Dec 2019"), r("Jun 2017", "Sep 2017", "-")});
  auto fs = md(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(at(cv, fs[0]) == "-");
  CHECK(fixed(cv, Format::Markdown, kRule) ==
        jobs({r("Jan 2020", "Present"), r("Mar 2018", "Dec 2019"), r("Jun 2017", "Sep 2017")}));
}

TEST_CASE("date-format: Present and Current mixed") {
  std::string cv = jobs({r("Jan 2020", "Present"), r("Mar 2021", "Current"), r("Jun 2017", "Present")});
  auto fs = md(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(at(cv, fs[0]) == "Current");
  CHECK(fixed(cv, Format::Markdown, kRule) ==
        jobs({r("Jan 2020", "Present"), r("Mar 2021", "Present"), r("Jun 2017", "Present")}));
}

TEST_CASE("date-format: LaTeX keeps its own en dash (--)") {
  auto body = [](const char* third) {
    return "\\section{Experience}\n\\textbf{Engineer}, Acme, 2019--2021\n\n\\textbf{Developer}, Beta, 2017--2019\n\n"
           "\\textbf{Intern}, Gamma, " + std::string(third) + "\n\n";
  };
  auto fs = latex(tex(body("2016-2017")), kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fixed(tex(body("2016-2017")), Format::Latex, kRule) == tex(body("2016--2017")));
  CHECK(latex(tex(body("2016--2017")), kRule).empty());
}
