// passive-voice: "was built", "were migrated", "has been rewritten" in
// bullets. The passive hides who did the work; a CV bullet should say you
// did. No fix: the rewrite needs the actor. Adjectives that look like
// participles ("was based in", "was involved in" — weak-verb's job) are not
// passive here.
#include "rules/rules.hpp"
#include "rules/verbs.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;


bool isParticiple(std::string_view l) {
  if (inList(l, {"based", "interested", "involved", "tasked", "charged", "skilled", "experienced", "qualified",
                 "located", "excited", "pleased", "dedicated", "supposed", "used", "able", "responsible",
                 "known", "aged", "married", "tired", "satisfied", "focused", "motivated", "talented", "engaged",
                 "determined", "committed", "concerned", "limited", "needed", "named", "born", "embedded",
                 "distributed", "detailed", "advanced", "related", "varied", "mixed", "scattered",
                 "relaxed", "organised", "organized", "structured", "hybrid", "remote"}))
    return false;
  if (inList(l, {"built", "led", "run", "written", "rewritten", "driven", "given", "taken", "made", "done", "shown",
                 "chosen", "grown", "sent", "set", "put", "kept", "held", "brought", "taught", "found", "begun",
                 "broken", "spoken", "undertaken", "overseen", "rebuilt", "paid", "sold", "won", "cut", "spun",
                 "shipped", "seen", "drawn", "thrown", "shut", "hit", "laid", "told", "thought", "bought"}))
    return true;
  const lexicon::Verb* v = lexicon::byPast(l);
  if (v) return !v->weak();
  return l.size() > 4 && l.compare(l.size() - 2, 2, "ed") == 0;
}

class PassiveVoice final : public Rule {
 public:
  std::string_view id() const override { return "passive-voice"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "\"was built\", \"were migrated\" in bullets"; }
  std::string_view explanation() const override {
    return R"("The service was migrated to Kubernetes" leaves the reader wondering who did
it. In a CV the answer should be you: lead with the verb.

**Before**

    - The billing service was migrated to AWS

**After** (your rewrite)

    - Migrated the billing service to AWS

There is no automatic fix: only you know who did the work. Adjectives that
look like participles ("was based in London") are not reported.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (b.kind != BlockKind::Bullet) continue;
      Text t(b.prose.text);
      const auto& w = t.words;
      size_t inBlock = 0;
      for (size_t i = 0; i + 1 < w.size(); ++i) {
        if (!inList(w[i].lower, {"was", "were", "been", "being"}) || w[i].inUrl) continue;
        size_t j = i + 1;
        // One adverb may sit between: "was successfully migrated", "were then moved".
        if (j + 1 < w.size() && (isLeadingAdverb(w[j].lower) || inList(w[j].lower, {"then", "also", "later", "fully", "quickly", "recently"})))
          ++j;
        if (t.gapAfter(j - 1) != " " && t.gapAfter(j - 1) != "  ") continue;
        if (!isParticiple(w[j].lower) || w[j].upperInitial) continue;
        // "was responsible", "was tasked with": weak-verb reports the opening.
        uint32_t tb = w[i].begin, te = w[j].end;
        if (!reportable(b, tb, te)) continue;
        std::string written(t.text.substr(tb, te - tb));
        if (++inBlock > kMaxFindingsPerBlock) break;
        out.push_back(makeFinding(b, tb, te, "Passive voice (\"" + written + "\"): say what you did, starting with the verb"));
        i = j;
      }
    }
  }
};

}  // namespace

const Rule& passiveVoiceRule() {
  static const PassiveVoice r;
  return r;
}

}  // namespace cvlint
