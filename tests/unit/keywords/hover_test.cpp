// The editor helpers: hover on a matched keyword and on the skills heading,
// completion of missing keywords in the skills section, the lens title, and
// hints for an open advert.
#include <catch2/catch_test_macros.hpp>

#include "keywords/hover.hpp"
#include "kw_support.hpp"

using namespace cvlint;
using namespace cvlint::kwtest;

namespace {
const char* kAdvert = "# Backend Engineer\n\n## Essential\n- Python and PostgreSQL\n\n## Nice to have\n- Terraform\n- Redis\n";
const std::string kCv = "# Jane\n\n## Skills\n\n- Python, Postgres\n\n## Experience\n\n- Built Python services\n";
}  // namespace

TEST_CASE("hover: a matched keyword says which advert line asked for it") {
  auto res = lintWithAdvert(kCv, kAdvert);
  REQUIRE(res.keywords);
  auto at = static_cast<uint32_t>(kCv.find("Python") + 2);
  auto md = keywordHover(*res.doc, *res.keywords, 0, at);
  REQUIRE(md);
  CHECK(md->find("**Python**") != std::string::npos);
  CHECK(md->find("line 4") != std::string::npos);  // 1-based for people
  CHECK(md->find("- Python and PostgreSQL") != std::string::npos);
  auto pg = keywordHover(*res.doc, *res.keywords, 0, static_cast<uint32_t>(kCv.find("Postgres") + 1));
  REQUIRE(pg);
  CHECK(pg->find("The CV says \"Postgres\"") != std::string::npos);
  CHECK_FALSE(keywordHover(*res.doc, *res.keywords, 0, static_cast<uint32_t>(kCv.find("Jane"))));
}

TEST_CASE("hover: the skills heading shows the score and the lists") {
  auto res = lintWithAdvert(kCv, kAdvert);
  auto md = keywordHover(*res.doc, *res.keywords, 0, static_cast<uint32_t>(kCv.find("## Skills") + 3));
  REQUIRE(md);
  CHECK(md->find("Keyword match") != std::string::npos);
  CHECK(md->find("Missing: Terraform (desirable), Redis (desirable)") != std::string::npos);
  CHECK(md->find("PostgreSQL (CV says Postgres)") != std::string::npos);
  CHECK(keywordLensTitle(*res.keywords).find("(2/4) against job.md") != std::string::npos);
}

TEST_CASE("completion: missing keywords in the skills section, essential first") {
  auto res = lintWithAdvert(kCv, "## Essential\n- Kubernetes\n## Nice to have\n- Terraform\n## Essential\n- Docker\n");
  auto inSkills = keywordCompletions(*res.doc, *res.keywords, 0, static_cast<uint32_t>(kCv.find("Postgres")));
  REQUIRE(inSkills.size() == 3);
  CHECK(inSkills[0].label == "Kubernetes");
  CHECK(inSkills[1].label == "Docker");
  CHECK(inSkills[2].label == "Terraform");
  CHECK_FALSE(inSkills[2].essential);
  CHECK(keywordCompletions(*res.doc, *res.keywords, 0, static_cast<uint32_t>(kCv.find("Built"))).empty());
}

TEST_CASE("advert hints: the advert's keywords the CV lacks, on the advert's bytes") {
  std::string advert = kAdvert;
  auto res = lintWithAdvert(kCv, advert);
  auto hints = advertHints(*res.keywords);
  REQUIRE(hints.size() == 2);
  CHECK(advert.substr(hints[0].range.begin, hints[0].range.size()) == "Terraform");
  CHECK(hints[0].line == 6);
  CHECK_FALSE(hints[0].essential);
}
