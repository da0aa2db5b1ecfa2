// missing-keyword: a keyword the job advert asks for that the CV never names,
// in any alias. Essential keywords are warnings, desirable ones info; the
// finding sits on the skills heading (or the top of the CV), points at the
// advert line, and offers to add the keyword to the skills list -- never
// applied by fix-all, because it is a claim only the candidate can make.
// Without an advert the role profile stands in, reported as info and only for
// its few most important keywords, so a CV is not flooded.
#include <optional>

#include "keywords/keywords.hpp"
#include "keywords/taxonomy.hpp"
#include "rules/rules.hpp"

namespace cvlint {

namespace {

// How many profile keywords a CV without an advert is told about.
constexpr size_t kProfileReportLimit = 5;

class MissingKeyword final : public Rule {
 public:
  std::string_view id() const override { return "missing-keyword"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::string_view summary() const override { return "a job-advert keyword the CV never names, in any alias"; }
  std::string_view explanation() const override {
    return "Most CVs pass an Applicant Tracking System before a person reads them, and the ATS looks for the "
           "advert's keywords. A keyword the advert asks for that the CV never names (not even as Postgres for "
           "PostgreSQL or k8s for Kubernetes) is reported: as a warning when the advert lists it as essential, "
           "as info when it is desirable (\"Nice to have\", \"would be a bonus\").\n\n"
           "Example: the advert says `Essential: Kubernetes`; the CV mentions Docker and AWS only.\n\n"
           "Fix: \"Add Kubernetes to skills\" appends it to the skills list in the CV's own syntax. It is a "
           "claim, so it is only applied when you choose it, never by fix-all or `--fix`.\n\n"
           "Without an advert (`--job`, the `job` setting, a `cvlint: job=` directive or `<cv>.job.md`), the "
           "`role` profile (default backend-developer) supplies the keywords and at most five are reported, "
           "as info.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const KeywordReport* k = ctx.keywords;
    if (!k) return;
    KeywordAnchor at = keywordAnchor(ctx.doc);
    if (!k->problem.empty()) {
      Finding f;
      f.severity = Severity::Warning;
      f.file = at.file;
      f.range = at.range;
      f.message = "Keywords not checked: " + k->problem;
      f.data.emplace_back("problem", k->problem);
      out.push_back(std::move(f));
      return;
    }
    size_t reported = 0;
    std::optional<SkillsLists> lists;  // read on the first missing keyword
    for (const KeywordMatch& m : k->matches) {
      if (m.status != KeywordStatus::Missing) continue;
      if (!k->fromAdvert && reported >= kProfileReportLimit) break;
      ++reported;
      Finding f;
      f.file = at.file;
      f.range = at.range;
      const char* importance = m.essential ? "essential" : "desirable";
      if (k->fromAdvert) {
        f.severity = m.essential ? Severity::Warning : Severity::Info;
        f.message = m.essential ? "The advert asks for \"" + m.keyword + "\" but the CV never mentions it"
                                : "The advert lists \"" + m.keyword + "\" as desirable; the CV never mentions it";
        Related rel;
        rel.path = k->source;
        rel.line = m.advertLine;
        rel.range = m.advertRange;
        rel.message = "asked for here (" + std::string(importance) + ")";
        f.related.push_back(std::move(rel));
      } else {
        f.severity = Severity::Info;
        f.message = "\"" + m.keyword + "\" is a common " + findRoleProfile(k->role).title +
                    " keyword the CV never mentions (no job advert given)";
      }
      f.data.emplace_back("keyword", m.keyword);
      f.data.emplace_back("importance", std::string(importance));
      Edit e;
      if (!lists) lists.emplace(ctx.doc);
      if (lists->edit(m.keyword, m.category, e)) {
        Fix fx;
        fx.title = "Add " + m.keyword + " to skills";
        fx.edits.push_back(std::move(e));
        fx.safe = false;
        f.fixes.push_back(std::move(fx));
      }
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& missingKeywordRule() {
  static const MissingKeyword r;
  return r;
}

}  // namespace cvlint
