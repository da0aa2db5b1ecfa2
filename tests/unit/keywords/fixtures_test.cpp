// The synthetic adverts and CVs in tests/fixtures/adverts, against their
// hand-written ground truth: extraction recall and weights, missing-keyword
// recall (at least 0.9), never "missing" for a keyword present in the advert's
// exact form, and the variants found.
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <sstream>

#include "keywords/matcher.hpp"
#include "kw_support.hpp"

using namespace cvlint;
using namespace cvlint::kwtest;

namespace {

const std::string kDir = std::string(CVLINT_SOURCE_DIR) + "/tests/fixtures/adverts/";

std::vector<std::string> linesOf(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(test::readFile(path));
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && l[0] != '#') out.push_back(l);
  return out;
}

// The skill id of a name (taxonomy), or -1.
int32_t skillOf(const std::string& name) { return kw::findSkill(name); }

struct Pair {
  const char* advert;
  const char* cv;
};
constexpr Pair kPairs[] = {{"backend.md", "backend_cv"}, {"frontend.txt", "frontend_cv"},
                           {"data.md", "data_cv"},       {"devops.md", "devops_cv"}};

std::string stem(const char* advert) {
  std::string s(advert);
  return s.substr(0, s.find('.'));
}

}  // namespace

TEST_CASE("fixtures: advert extraction finds the hand-listed keywords with their weights") {
  size_t expected = 0, found = 0, weighted = 0;
  for (const Pair& p : kPairs) {
    auto ks = kw::extractAdvertKeywords(test::readFile(kDir + p.advert));
    REQUIRE(!ks.empty());
    std::set<int32_t> seen;
    for (const std::string& line : linesOf(kDir + stem(p.advert) + ".expected")) {
      auto colon = line.find(':');
      REQUIRE(colon != std::string::npos);
      bool essential = line.substr(0, colon) == "essential";
      std::string name = line.substr(colon + 2);
      int32_t skill = skillOf(name);
      INFO(p.advert << ": " << name);
      REQUIRE(skill >= 0);  // the ground truth names taxonomy skills
      if (!seen.insert(skill).second) continue;  // two names of one skill
      ++expected;
      const kw::AdvertKeyword* k = nullptr;
      for (const kw::AdvertKeyword& x : ks)
        if (x.skill == skill) k = &x;
      if (!k) {
        UNSCOPED_INFO("not extracted: " << p.advert << ": " << name);
        continue;
      }
      ++found;
      if (k->essential == essential) ++weighted;
      else UNSCOPED_INFO("weight differs: " << p.advert << ": " << name);
    }
  }
  double recall = static_cast<double>(found) / static_cast<double>(expected);
  double weights = static_cast<double>(weighted) / static_cast<double>(found);
  INFO("extraction recall " << recall << ", weight agreement " << weights);
  CHECK(recall >= 0.9);
  CHECK(weights >= 0.9);
}

TEST_CASE("fixtures: missing keywords are reported, present ones never") {
  size_t expectedMissing = 0, reportedMissing = 0;
  for (const Pair& p : kPairs) {
    std::string cvPath = kDir + p.cv + ".md";
    auto res = lintWithAdvert(test::readFile(cvPath), test::readFile(kDir + p.advert));
    REQUIRE(res.keywords);
    std::set<int32_t> missing;
    for (const std::string& k : missingKeywords(res)) missing.insert(skillOf(k) >= 0 ? skillOf(k) : -2);
    for (const std::string& name : linesOf(kDir + p.cv + ".missing")) {
      ++expectedMissing;
      if (missing.count(skillOf(name))) ++reportedMissing;
      else UNSCOPED_INFO("not reported missing: " << p.cv << ": " << name);
    }
    for (const std::string& name : linesOf(kDir + p.cv + ".present")) {
      INFO(p.cv << ": present in exact form but reported missing: " << name);
      CHECK(missing.count(skillOf(name)) == 0);
      bool exact = false;
      for (const KeywordMatch& m : res.keywords->matches)
        if (m.skill == skillOf(name)) exact = m.status == KeywordStatus::Exact;
      INFO(p.cv << ": not matched exactly: " << name);
      CHECK(exact);
    }
    for (const std::string& name : linesOf(kDir + p.cv + ".variants")) {
      bool variant = false;
      for (const KeywordMatch& m : res.keywords->matches)
        if (m.skill == skillOf(name)) variant = m.status == KeywordStatus::Variant;
      INFO(p.cv << ": expected a variant: " << name);
      CHECK(variant);
    }
  }
  double recall = static_cast<double>(reportedMissing) / static_cast<double>(expectedMissing);
  INFO("missing-keyword recall " << recall);
  CHECK(recall >= 0.9);
}

TEST_CASE("fixtures: examples/job.md against examples/cv.md") {
  std::string cv = test::readFile(std::string(CVLINT_SOURCE_DIR) + "/examples/cv.md");
  std::string job = test::readFile(std::string(CVLINT_SOURCE_DIR) + "/examples/job.md");
  REQUIRE(!job.empty());
  auto res = lintWithAdvert(cv, job);
  REQUIRE(res.keywords);
  CHECK(res.keywords->matches.size() >= 15);
  CHECK(!test::findings(res, "missing-keyword").empty());
  CHECK(!test::findings(res, "keyword-phrasing").empty());
  CHECK(res.keywords->score > 0.2);
  CHECK(res.keywords->score < 0.9);
}
