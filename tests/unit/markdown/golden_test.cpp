// Golden tests: each fixture in tests/golden/markdown/*.md is parsed (with the
// structure pass) and dumped with its source map; the dump must equal the
// .dump file next to it. Refresh with CVLINT_UPDATE_GOLDEN=1. Each fixture is
// its own test case so a failure names the file.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <set>

#include "dump.hpp"
#include "md_support.hpp"
#include "testing.hpp"

using namespace cvlint;
using namespace cvlint::mdtest;

namespace {

const std::string kDir = std::string(CVLINT_SOURCE_DIR) + "/tests/golden/markdown/";

void checkGolden(const std::string& name) {
  std::string text = test::readFile(kDir + name + ".md");
  REQUIRE_FALSE(text.empty());
  auto doc = parse(text, name + ".md");
  CHECK(checkSourceMaps(*doc) == 0);
  std::string actual = dumpDocument(*doc, true);
  bool same = test::matchesGolden(kDir + name + ".dump", actual);
  if (!same) UNSCOPED_INFO("actual dump of " << name << ".md:\n" << actual);
  CHECK(same);
}

// The fixtures with a test case below; a new .md without one fails the test
// "every Markdown golden fixture has a test case".
const std::set<std::string> kFixtures = {"uk-backend", "nested-setext", "tables-images-comments", "hostile",
                                         "pandoc-deflist"};

}  // namespace

TEST_CASE("golden markdown: uk-backend.md") { checkGolden("uk-backend"); }
TEST_CASE("golden markdown: nested-setext.md") { checkGolden("nested-setext"); }
TEST_CASE("golden markdown: tables-images-comments.md") { checkGolden("tables-images-comments"); }
TEST_CASE("golden markdown: hostile.md") { checkGolden("hostile"); }
TEST_CASE("golden markdown: pandoc-deflist.md") { checkGolden("pandoc-deflist"); }

TEST_CASE("every Markdown golden fixture has a test case") {
  for (const auto& e : std::filesystem::directory_iterator(kDir)) {
    if (e.path().extension() != ".md") continue;
    std::string stem = e.path().stem().string();
    CAPTURE(stem);
    CHECK(kFixtures.count(stem) == 1);
  }
}
