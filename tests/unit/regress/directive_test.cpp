// Bugs found by fuzzing the directive settings (`<!-- cvlint: pages=N -->`).
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "config.hpp"
#include "server_bytes.hpp"
#include "testing.hpp"

using namespace cvlint;

// fuzz_markdown found `pages=` followed by control bytes: the digit loop kept
// multiplying after the value was refused (signed overflow, UB) in
// mergeDirectiveSettings (analysis/config.cpp).
TEST_CASE("regress: a long non-numeric pages= directive is refused without overflow") {
  for (std::string v : {std::string("\x03\xe8") + "locale=en-GB", std::string("99999999999999"), std::string("12a4567890123"),
                        std::string("-2147483648")}) {
    Config c;
    std::vector<ConfigError> errors;
    mergeDirectiveSettings(c, {{"pages", v}}, errors);
    CHECK(errors.size() == 1);
    CHECK(c.pages == Config{}.pages);
  }
  Config ok;
  std::vector<ConfigError> none;
  mergeDirectiveSettings(ok, {{"pages", "3"}}, none);
  CHECK(none.empty());
  CHECK(ok.pages == 3);
  // The fuzzer's input itself, through the whole engine.
  std::string text = regress::readBinary(std::string(CVLINT_SOURCE_DIR) + "/tests/fuzz/regressions/fuzz_markdown-directive-pages-overflow");
  REQUIRE_FALSE(text.empty());
  auto r = test::lint(text, Format::Markdown);
  CHECK(r.doc != nullptr);
}
