// Runs every example row of the weak-phrase data (data/weak_phrases.inc)
// through the rewrite engine on plain prose: each E row's preferred fix, each
// A row's alternatives, and each N row's absence of a finding.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "rules/rewrite.hpp"

using namespace cvlint;
using namespace cvlint::wording;

namespace {
std::vector<std::string> rewritesOf(std::string_view prose, Locale loc = Locale::EnGB, bool* found = nullptr) {
  Text t(prose);
  Opening o = opening(t);
  auto m = findWeakOpening(t, o);
  if (found) *found = m.has_value();
  std::vector<std::string> out;
  if (!m) return out;
  for (const Rewrite& r : rewriteWeak(t, o, *m, loc)) out.push_back(applyTextEdits(prose, r.edits));
  return out;
}
}  // namespace

TEST_CASE("weak phrase data: every example rewrites as written", "[weak-verb]") {
  size_t n = 0;
  for (const WeakExample& ex : weakExamples()) {
    INFO("phrase: " << ex.phrase << " | before: " << ex.before);
    bool found = false;
    auto got = rewritesOf(ex.before, Locale::EnGB, &found);
    if (ex.after.empty()) {
      CHECK_FALSE(found);
      continue;
    }
    CHECK(found);
    REQUIRE_FALSE(got.empty());
    if (ex.preferred) CHECK(got.front() == ex.after);
    else CHECK(std::find(got.begin(), got.end(), std::string(ex.after)) != got.end());
    ++n;
  }
  CHECK(n > 40);
}

TEST_CASE("weak phrase data: every phrase has a detected opening", "[weak-verb]") {
  for (const WeakPhrase& p : weakPhrases()) {
    std::string bullet = std::string(p.phrase) + " the thing";
    INFO(bullet);
    bool found = false;
    rewritesOf(bullet, Locale::EnGB, &found);
    CHECK(found);
  }
}

TEST_CASE("weak-verb engine: locale spelling, capitals and traps", "[weak-verb]") {
  CHECK(rewritesOf("Responsible for optimising SQL queries", Locale::EnUS).front() == "Optimized SQL queries");
  CHECK(rewritesOf("Helped analyse churn", Locale::EnUS).front() == "Analyzed churn");
  CHECK(rewritesOf("Helped analyse churn", Locale::EnGB).front() == "Analysed churn");
  CHECK(rewritesOf("Responsible for modelling risk", Locale::EnUS).front() == "Modeled risk");
  // The rest of the prose is kept byte for byte, non-ASCII included.
  CHECK(rewritesOf("🚀 Responsible for maintaining the naïve payments API — Zoë’s team").front() ==
        "🚀 Maintained the naïve payments API — Zoë’s team");
  CHECK(rewritesOf("Payments: Responsible for maintaining the ledger").front() == "Payments: Maintained the ledger");
  // Not at the opening, or not a weak opener at all.
  bool found = true;
  rewritesOf("Built the API and helped the data team", Locale::EnGB, &found);
  CHECK_FALSE(found);
  rewritesOf("Helpdesk migration to Zendesk", Locale::EnGB, &found);
  CHECK_FALSE(found);
  rewritesOf("Part-time barista at a busy café", Locale::EnGB, &found);
  CHECK_FALSE(found);
  // Never a machine-sounding verb.
  for (const char* b : {"Responsible for orchestrating deployments", "Worked on leveraging AI",
                        "Responsible for the orchestration of containers", "Helped spearhead the launch"}) {
    for (const std::string& r : rewritesOf(b)) {
      INFO(b << " -> " << r);
      for (const char* bad : {"Orchestrated", "Leveraged", "Spearheaded", "Utilised", "Synergised"})
        CHECK(r.find(bad) == std::string::npos);
    }
  }
}
