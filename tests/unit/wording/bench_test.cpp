// Benchmark of the wording rules (issue 4: all together on a 2-page CV under
// 0.5 ms median). Hidden from the normal run (tag [.]); run it with
//   cvlint_tests_wording "[bench]"
// It prints the median and checks nothing about time (not a timed test).
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "rules/rules.hpp"
#include "testing.hpp"

using namespace cvlint;

TEST_CASE("wording rules benchmark on a 2-page CV", "[.][bench]") {
  std::string cv = test::readFile(std::string(CVLINT_CORPUS_DIR) + "/mikepqr-resume/resume.md");
  REQUIRE_FALSE(cv.empty());
  auto doc = parseDocument("cv.md", cv, Format::Markdown, Config{}, nullptr);
  Config cfg;
  RuleContext ctx{*doc, cfg, nullptr, nullptr};
  const Rule* rules[] = {&weakVerbRule(),   &unquantifiedRule(), &noActionVerbRule(),
                         &vagueQuantityRule(), &firstPersonRule(), &buzzwordRule(),
                         &passiveVoiceRule(),  &repeatedVerbRule(), &longBulletRule()};
  std::vector<double> us;
  size_t n = 0;
  for (int run = 0; run < 300; ++run) {
    std::vector<Finding> out;
    auto t0 = std::chrono::steady_clock::now();
    for (const Rule* r : rules) r->check(ctx, out);
    auto t1 = std::chrono::steady_clock::now();
    us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    n = out.size();
  }
  std::sort(us.begin(), us.end());
  std::cout << "wording rules: " << doc->blocks.size() << " blocks, " << n << " findings, median "
            << us[us.size() / 2] << " us\n";
  CHECK(n > 0);
}
