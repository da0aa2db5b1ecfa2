// The synthetic adverts and CVs in tests/fixtures/adverts, against their
// hand-written ground truth: extraction recall and weights, missing-keyword
// recall (at least 0.9), never "missing" for a keyword present in the advert's
// exact form, and the variants found.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
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

// Two names of one keyword: the same taxonomy skill, or (for names it does not
// know, like FHIR) the same normalised key.
bool sameKeyword(const std::string& a, const std::string& b) {
  int32_t sa = skillOf(a);
  return sa >= 0 ? sa == skillOf(b) : kw::Lexicon::keyOf(a) == kw::Lexicon::keyOf(b);
}

bool matchedAs(const AnalysisResult& res, const std::string& name, KeywordStatus status) {
  for (const KeywordMatch& m : res.keywords->matches)
    if (sameKeyword(name, m.keyword)) return m.status == status;
  return false;
}

std::string stem(const char* file) {
  std::string s(file);
  return s.substr(0, s.find('.'));
}

struct Pair {
  const char* advert;
  const char* cv;
};
constexpr Pair kPairs[] = {{"backend.md", "backend_cv.md"}, {"frontend.txt", "frontend_cv.md"},
                           {"data.md", "data_cv.md"},       {"devops.md", "devops_cv.md"},
                           {"fullstack.txt", "fullstack_cv.tex"}};

std::string cvStem(const char* cv) { return stem(cv); }


}  // namespace

TEST_CASE("fixtures: advert extraction finds the hand-listed keywords with their weights") {
  size_t expected = 0, found = 0, weighted = 0;
  for (const Pair& p : kPairs) {
    auto ks = kw::extractAdvertKeywords(test::readFile(kDir + p.advert));
    REQUIRE(!ks.empty());
    std::vector<std::string> seen;
    for (const std::string& line : linesOf(kDir + stem(p.advert) + ".expected")) {
      auto colon = line.find(':');
      REQUIRE(colon != std::string::npos);
      bool essential = line.substr(0, colon) == "essential";
      std::string name = line.substr(colon + 2);
      if (std::any_of(seen.begin(), seen.end(), [&](const std::string& x) { return sameKeyword(x, name); })) continue;
      seen.push_back(name);  // two names of one skill count once
      ++expected;
      const kw::AdvertKeyword* k = nullptr;
      for (const kw::AdvertKeyword& x : ks)
        if (sameKeyword(name, x.form)) k = &x;
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
    std::string cv = test::readFile(kDir + p.cv);
    REQUIRE(!cv.empty());
    auto res = lintWithAdvert(cv, test::readFile(kDir + p.advert), formatForPath(p.cv));
    REQUIRE(res.keywords);
    std::vector<std::string> missing = missingKeywords(res);
    auto reported = [&](const std::string& name) {
      return std::any_of(missing.begin(), missing.end(), [&](const std::string& x) { return sameKeyword(name, x); });
    };
    for (const std::string& name : linesOf(kDir + cvStem(p.cv) + ".missing")) {
      ++expectedMissing;
      if (reported(name)) ++reportedMissing;
      else UNSCOPED_INFO("not reported missing: " << p.cv << ": " << name);
    }
    for (const std::string& name : linesOf(kDir + cvStem(p.cv) + ".present")) {
      INFO(p.cv << ": present in exact form: " << name);
      CHECK_FALSE(reported(name));
      CHECK(matchedAs(res, name, KeywordStatus::Exact));
    }
    for (const std::string& name : linesOf(kDir + cvStem(p.cv) + ".variants")) {
      INFO(p.cv << ": expected a variant: " << name);
      CHECK(matchedAs(res, name, KeywordStatus::Variant));
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
