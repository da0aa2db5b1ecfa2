// unquantified: an achievement bullet (experience, projects) that names no
// measurement. The classifier (measure.cpp) knows that years, versions and
// product names are not measurements. The fix inserts a visible placeholder
// (" by <N>%") after the object of a verb of change, or a placeholder clause
// at the end otherwise; never a number.
#include "core/unicode.hpp"
#include "rules/rewrite.hpp"
#include "rules/rules.hpp"
#include "rules/verbs.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;

class Unquantified final : public Rule {
 public:
  std::string_view id() const override { return "unquantified"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "an achievement bullet with no measurement"; }
  std::string_view explanation() const override {
    return R"(Numbers are what make an achievement believable and what a recruiter's eye
stops on. "Reduced API response times by 40% through query optimisation"
beats "Improved API performance". Percentages, money (£2m, $40k), counts with a
unit (12 services, 200k users, a team of five), multipliers (3x) and times
(p99 120 ms, 4 hours) all count. Years, date ranges, versions (Python 3,
Java 17, HTTP/2, OAuth 2.0) and product or standard names (ISO 27001, S3,
Microsoft 365) do not: they measure nothing.

**Before**

    - Reduced API response times using Redis caching

**After the fix**

    - Reduced API response times by <N>% using Redis caching

**The fix** inserts a visible placeholder (`by <N>%`) after the object of a
verb of change (reduced, increased, improved, cut, grew), or a short
placeholder clause at the end of other bullets. It never invents a number:
replace `<N>` with the real figure. (In Markdown it is written `\<N>` so it is
not taken for an HTML tag and stays visible; in LaTeX `\%` is escaped and, without
T1 fonts, `<` and `>` are written `\textless{}` and `\textgreater{}`.)
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (!isAchievementText(ctx.doc, b)) continue;
      Text t(b.prose.text);
      if (t.words.size() < 3) continue;
      Opening o = openingOf(ctx.doc, b, t);
      if (o.labelled && !lexicon::looksLikeVerb(t.words[o.head].lower)) continue;  // "Stack: Go, Kafka"
      if (hasMeasurement(t.text)) continue;
      // A paragraph counts only when it reads as an achievement (opens with a verb).
      if (b.kind == BlockKind::Paragraph && !lexicon::looksLikeVerb(t.words[o.head].lower) &&
          !findWeakOpening(t, o, ctx.config.weakWords))
        continue;
      if (!lexicon::looksLikeVerb(t.words[o.head].lower) && mentionsYear(t.text)) continue;  // an entry header
      uint32_t begin = t.words[o.first].begin, end = t.words.back().end;
      Finding f = makeFinding(b, begin, end, "Quantify this achievement: add a number (%, £, users, time saved)");
      const std::string& verb = t.words[o.head].lower;
      if (isChangeVerb(verb)) {
        uint32_t at = objectEnd(t, o.head);
        addFix(ctx.doc, b, f, "Insert \"by <N>%\"", {{at, at, " by <N>%"}}, true, false);
      } else {
        uint32_t at = t.words.back().end;
        addFix(ctx.doc, b, f, "Insert \", improving <metric> by <N>%\"", {{at, at, ", improving <metric> by <N>%"}},
               true, false);
      }
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& unquantifiedRule() {
  static const Unquantified r;
  return r;
}

}  // namespace cvlint
