// keyword-phrasing: the CV names an advert keyword only by a variant
// (Postgres for PostgreSQL, k8s for Kubernetes, NodeJS... for Node). ATS
// keyword matching is often literal, so the fix writes the advert's exact
// form in place of the variant. Only with an advert, never when the exact
// form appears anywhere in the CV, never inside inline code.
#include "keywords/keywords.hpp"
#include "rules/rules.hpp"

namespace cvlint {

namespace {

class KeywordPhrasing final : public Rule {
 public:
  std::string_view id() const override { return "keyword-phrasing"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override {
    return "the CV names an advert keyword only by a variant (Postgres for PostgreSQL)";
  }
  std::string_view explanation() const override {
    return "Applicant Tracking Systems often match keywords literally: an advert asking for PostgreSQL may not "
           "count a CV that only says Postgres. When the CV names an advert keyword only through a variant "
           "(an alias, an abbreviation, another spelling), this rule reports each variant.\n\n"
           "Example: the advert says `PostgreSQL`; the CV says `- Tuned Postgres queries`.\n\n"
           "Fix: replace the variant with the advert's exact form (`- Tuned PostgreSQL queries`). Nothing is "
           "reported once the exact form appears anywhere in the CV, or when there is no advert.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const KeywordReport* k = ctx.keywords;
    if (!k || !k->fromAdvert || !k->problem.empty()) return;
    for (const KeywordMatch& m : k->matches) {
      if (m.status != KeywordStatus::Variant) continue;
      for (const KeywordHit& h : m.hits) {
        if (h.exact || h.code) continue;
        Finding f;
        f.severity = Severity::Info;
        f.file = h.file;
        f.range = h.range;
        f.message = "The advert says \"" + m.keyword + "\": write that instead of \"" + h.found +
                    "\" so keyword matching finds it";
        f.data.emplace_back("keyword", m.keyword);
        f.data.emplace_back("found", h.found);
        f.data.emplace_back("importance", std::string(m.essential ? "essential" : "desirable"));
        Related rel;
        rel.path = k->source;
        rel.line = m.advertLine;
        rel.range = m.advertRange;
        rel.message = "the advert's wording";
        f.related.push_back(std::move(rel));
        if (h.editable) {
          Fix fx;
          const std::string& to = h.replacement.empty() ? m.keyword : h.replacement;
          fx.title = "Replace with \"" + to + "\"";
          fx.edits.push_back({h.file, h.range, to});
          fx.preferred = true;
          fx.safe = true;
          f.fixes.push_back(std::move(fx));
        }
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

const Rule& keywordPhrasingRule() {
  static const KeywordPhrasing r;
  return r;
}

}  // namespace cvlint
