// FIXME: placeholder; replaced by the weak-verb rule.
#include "rules/rules.hpp"
namespace cvlint {
namespace {
class WeakVerb final : public Rule {
 public:
  std::string_view id() const override { return "weak-verb"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::string_view summary() const override { return "a bullet opening with a weak verb or duty phrase"; }
  std::string_view explanation() const override { return ""; }
  void check(const RuleContext&, std::vector<Finding>&) const override {}
};
}  // namespace
const Rule& weakVerbRule() { static const WeakVerb r; return r; }
}  // namespace cvlint
