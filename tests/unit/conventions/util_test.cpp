// The convention rules' shared helpers: date parsing and formatting, case
// copying, word splitting and the technical-role test.
#include <catch2/catch_test_macros.hpp>

#include "rules/conventions_util.hpp"

using namespace cvlint;
using namespace cvlint::conv;

TEST_CASE("parseDates reads the common entry date styles") {
  auto r = parseDates("Jan 2020 \xE2\x80\x93 Present");
  REQUIRE(r.points.size() == 2);
  CHECK(r.points[0].style == DateStyle::MonthShort);
  CHECK(r.points[0].month == 1);
  CHECK(r.points[0].year == 2020);
  CHECK(r.points[1].style == DateStyle::Ongoing);
  CHECK(r.sep == "\xE2\x80\x93");

  r = parseDates("01/2020 - 12/2021");
  REQUIRE(r.points.size() == 2);
  CHECK(r.points[0].style == DateStyle::Slash);
  CHECK(r.points[1].month == 12);
  CHECK(r.sep == "-");

  r = parseDates("2020-01 to 2021-03");
  REQUIRE(r.points.size() == 2);
  CHECK(r.points[0].style == DateStyle::Iso);
  CHECK(r.points[1].month == 3);
  CHECK(r.sep == "to");

  r = parseDates("2019-2021");  // a range of years, not ISO year-month
  REQUIRE(r.points.size() == 2);
  CHECK(r.points[0].style == DateStyle::Year);
  CHECK(r.points[1].year == 2021);
  CHECK(r.sep == "-");

  r = parseDates("September 2018 \xE2\x80\x94 Sept. 2019");
  REQUIRE(r.points.size() == 2);
  CHECK(r.points[0].style == DateStyle::MonthLong);
  CHECK(r.points[1].style == DateStyle::MonthShortDot);
  CHECK(r.points[1].month == 9);

  r = parseDates("May 2020");
  REQUIRE(r.points.size() == 1);
  CHECK(r.points[0].ambiguous);
  CHECK(parseDates("June 2020").points.at(0).ambiguous);
  CHECK_FALSE(parseDates("August 2020").points.at(0).ambiguous);
}

TEST_CASE("parseDates ignores words that only look like months and lone numbers") {
  CHECK(parseDates("Marketing lead, 12 people").points.empty());
  CHECK(parseDates("Present at 3 conferences").points.empty());  // "Present" needs a date before it
  CHECK(parseDates("13/2020").points.size() == 1);                // month 13: only the year is read
}

TEST_CASE("formatDate writes each style") {
  DatePoint p;
  p.year = 2020;
  p.month = 3;
  CHECK(formatDate(p, DateStyle::MonthShort, true) == "Mar 2020");
  CHECK(formatDate(p, DateStyle::MonthShortDot, true) == "Mar. 2020");
  CHECK(formatDate(p, DateStyle::MonthLong, true) == "March 2020");
  CHECK(formatDate(p, DateStyle::Slash, true) == "03/2020");
  CHECK(formatDate(p, DateStyle::Slash, false) == "3/2020");
  CHECK(formatDate(p, DateStyle::Iso, true) == "2020-03");
}

TEST_CASE("matchCase copies lower, capitalised and upper case") {
  CHECK(matchCase("optimized", "optimised") == "optimised");
  CHECK(matchCase("Optimized", "optimised") == "Optimised");
  CHECK(matchCase("OPTIMIZED", "optimised") == "OPTIMISED");
}

TEST_CASE("words splits on punctuation and keeps non-ASCII letters") {
  std::string s = "Zoë's well-organised café";
  auto ws = words(s);
  REQUIRE(ws.size() == 5);
  CHECK(s.substr(ws[0].begin, ws[0].end - ws[0].begin) == "Zoë");
  CHECK(s.substr(ws[3].begin, ws[3].end - ws[3].begin) == "organised");
  CHECK(s.substr(ws[4].begin, ws[4].end - ws[4].begin) == "café");
}

TEST_CASE("technical roles: developer and engineer profiles are, a chef is not") {
  CHECK(isTechnicalRole("backend-developer"));
  CHECK(isTechnicalRole("Data Scientist"));
  CHECK(isTechnicalRole("site-reliability-engineer"));
  CHECK_FALSE(isTechnicalRole("chef"));
  CHECK_FALSE(isTechnicalRole("retail-assistant"));  // "ai" only as a whole word
  CHECK_FALSE(isTechnicalRole("primary-teacher"));
}
