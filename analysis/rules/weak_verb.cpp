// weak-verb: an experience or project bullet that opens with a duty phrase or
// weak verb ("Responsible for", "Helped", "Worked on", also after a leading
// adverb or "Was"), with rewrites around a strong past-tense verb from the
// rewrite engine (rewrite.cpp). Only the opening counts: "helped" mid-sentence
// is not a weak opener.
#include "core/unicode.hpp"
#include "rules/rewrite.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

using namespace wording;

class WeakVerb final : public Rule {
 public:
  std::string_view id() const override { return "weak-verb"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::string_view summary() const override {
    return "an experience/project bullet opening with a weak verb or duty phrase";
  }
  std::string_view explanation() const override {
    return R"(Recruiters skim the first two or three words of each bullet. Duty phrasing
("Responsible for…", "Helped…", "Worked on…", "Assisted with…", "Involved in…",
"Participated in…", "Tasked with…", "Duties included…", "In charge of…")
describes a job description, not what you achieved. Lead with a strong
past-tense action verb instead.

**Before**

    - Responsible for maintaining the payments API
    - Helped to build the design system
    - Involved in the migration of MySQL to PostgreSQL

**After**

    - Maintained the payments API
    - Built the design system        (or: Co-built the design system)
    - Migrated MySQL to PostgreSQL

**The fix** rewrites only the opening: the duty phrase and the verb form after
it ("maintaining", "the migration of") become one past-tense verb, spelled for
your locale (optimised / optimized). When the phrase is followed by a plain
noun ("Worked on the search service") it offers several verbs that fit the
object (Built / Developed / Maintained). The rest of the bullet, markup
included, is kept byte for byte. It never suggests machine-sounding verbs
(spearheaded, orchestrated, leveraged, utilised, synergised).

Configure extra weak openers with `words.weak` and silence phrases with
`words.allow` in `.cvlint.json`.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (!isAchievementText(ctx.doc, b)) continue;
      Text t(b.prose.text);
      Opening o = openingOf(ctx.doc, b, t);
      auto m = findWeakOpening(t, o, ctx.config.weakWords);
      if (!m || !reportable(b, m->rangeBegin, m->rangeEnd)) continue;
      if (allowedAt(ctx.config, t.text, t.words[m->head].begin)) continue;
      Finding f = makeFinding(b, m->rangeBegin, m->rangeEnd,
                              "Start with a strong action verb instead of \"" + m->written + "\"");
      f.data.push_back({"phrase", foldCase(m->written)});
      bool first = true;
      for (Rewrite& r : rewriteWeak(t, o, *m, ctx.config.locale))
        if (addFix(ctx.doc, b, f, std::move(r.title), std::move(r.edits), first, r.safe)) first = false;
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& weakVerbRule() {
  static const WeakVerb r;
  return r;
}

}  // namespace cvlint
