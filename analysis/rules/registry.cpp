// The one registry of rules: an explicit table, sorted by id. Each rule lives
// in its own file and exposes a factory returning a static instance; adding a
// rule means adding one line here (no static self-registration, which linkers
// drop from static libraries).
#include <algorithm>
#include <array>

#include "rules/rule.hpp"
#include "rules/rules.hpp"

namespace cvlint {

std::span<const Rule* const> allRules() {
  static const auto table = [] {
    std::vector<const Rule*> t = {
        // Keep one line per rule; the table is sorted by id below.
        &weakVerbRule(),
        &unquantifiedRule(),
        &noActionVerbRule(),
        &vagueQuantityRule(),
        &firstPersonRule(),
        &buzzwordRule(),
        &passiveVoiceRule(),
        &repeatedVerbRule(),
        &longBulletRule(),
        &personalDetailsRule(),
        &atsLayoutRule(),
        &missingSectionRule(),
        &summaryLengthRule(),
        &skillsCountRule(),
        &sectionOrderRule(),
        &contactInfoRule(),
        &spellingVariantRule(),
        &dateFormatRule(),
        &missingKeywordRule(),
        &keywordPhrasingRule(),
        &pageOverflowRule(),
    };
    std::sort(t.begin(), t.end(), [](const Rule* a, const Rule* b) { return a->id() < b->id(); });
    return t;
  }();
  return {table.data(), table.size()};
}

const Rule* findRule(std::string_view id) {
  for (const Rule* r : allRules())
    if (r->id() == id) return r;
  return nullptr;
}

}  // namespace cvlint
