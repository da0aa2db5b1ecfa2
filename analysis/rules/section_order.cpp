// section-order: education goes before experience only early in a career.
// Once the experience entries' dates add up to two years or more (merged, so
// overlapping jobs count once), an Education section placed above the first
// Experience section is reported on its heading. "Present" counts up to the
// latest date the CV names (the engine has no clock, so results stay
// deterministic).
#include <algorithm>

#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

class SectionOrder final : public Rule {
 public:
  std::string_view id() const override { return "section-order"; }
  Severity defaultSeverity() const override { return Severity::Hint; }
  std::string_view summary() const override {
    return "education before experience for someone with 2+ years of experience";
  }
  std::string_view explanation() const override {
    return "Graduates lead with education; with two or more years of work, experience comes first because it "
           "is what the recruiter is hiring for.\n\nNo fix: move the Education section below Experience.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    int32_t edu = doc.findSection(SectionKind::Education);
    int32_t exp = doc.findSection(SectionKind::Experience);
    if (edu < 0 || exp < 0 || edu > exp || doc.sections[edu].headingBlock < 0) return;
    std::vector<conv::DateRange> ranges;
    int latest = 0;
    for (const Entry& e : doc.entries) {
      if (!e.dates.present()) continue;
      conv::DateRange r = conv::parseDates(e.dates.text);
      for (size_t i = 0; i < r.points.size(); ++i)
        if (r.points[i].style != conv::DateStyle::Ongoing) latest = std::max(latest, conv::monthIndex(r.points[i], i == 1, 0));
      if (e.section >= 0 && doc.sections[e.section].kind == SectionKind::Experience) ranges.push_back(std::move(r));
    }
    std::vector<std::pair<int, int>> spans;
    for (const conv::DateRange& r : ranges) {
      if (r.points.empty() || r.points[0].style == conv::DateStyle::Ongoing) continue;
      int b = conv::monthIndex(r.points[0], false, latest);
      int e = r.points.size() > 1 ? conv::monthIndex(r.points[1], true, latest) : conv::monthIndex(r.points[0], true, latest);
      if (r.points.size() > 1 && r.points[1].style == conv::DateStyle::Ongoing) e = std::max(e, b);
      if (e >= b) spans.push_back({b, e + 1});
    }
    std::sort(spans.begin(), spans.end());
    int months = 0, curB = -1, curE = -1;
    for (auto [b, e] : spans) {
      if (b > curE) {
        months += curE - curB;
        curB = b, curE = e;
      } else {
        curE = std::max(curE, e);
      }
    }
    months += curE - curB;
    if (months < 24) return;
    const Block& h = doc.blocks[doc.sections[edu].headingBlock];
    Finding f = conv::makeFinding("section-order", h.file, conv::firstLine(doc.source(h.file), h.range),
                                  "Education comes before experience, but your entries show about " +
                                      std::to_string(months / 12) +
                                      " years of work: put experience first, it is what the recruiter hires for");
    f.data.push_back({"months", static_cast<double>(months)});
    out.push_back(std::move(f));
  }
};

}  // namespace

const Rule& sectionOrderRule() {
  static const SectionOrder r;
  return r;
}

}  // namespace cvlint
