// repeated-verb: the same opening verb on three or more achievement bullets
// ("Developed", "Developed", "Developed"). Each such bullet is reported, with
// related information pointing at the others; the fixes offer synonyms from
// the lexicon's group that the CV does not already open with.
#include <map>

#include "rules/rewrite.hpp"
#include "rules/rules.hpp"
#include "rules/verbs.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;

constexpr size_t kMinRepeats = 3;
constexpr size_t kMaxAlternatives = 3;

struct Opener {
  int32_t block;
  uint32_t textBegin, textEnd;
  std::string written;
};

class RepeatedVerb final : public Rule {
 public:
  std::string_view id() const override { return "repeated-verb"; }
  Severity defaultSeverity() const override { return Severity::Hint; }
  std::string_view summary() const override { return "the same opening verb on 3+ bullets"; }
  std::string_view explanation() const override {
    return R"(Five bullets that all start with "Developed" read as one long, flat list, and
the verb stops carrying meaning. Vary the opening verb so each bullet says
what kind of work it was.

**Before**

    - Developed the payments API
    - Developed a fraud model
    - Developed the CI pipeline

**After the fix** (on one of them)

    - Developed the payments API
    - Built a fraud model
    - Developed the CI pipeline

**The fix** offers verbs of the same kind (built, created, engineered) that
the CV does not already open with, spelled for your locale. Related
information lists the other bullets with the same verb.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    std::map<std::string, std::vector<Opener>> byVerb;
    for (size_t bi = 0; bi < doc.blocks.size(); ++bi) {
      const Block& b = doc.blocks[bi];
      if (!isAchievementBullet(doc, b)) continue;
      Text t(b.prose.text);
      Opening o = openingOf(ctx.doc, b, t);
      if (!o.valid || o.head >= t.words.size() || findWeakOpening(t, o)) continue;
      const Word& w = t.words[o.head];
      if (!lexicon::byPast(w.lower) && !(lexicon::looksLikeVerb(w.lower) && w.lower.size() > 4 &&
                                         w.lower.compare(w.lower.size() - 2, 2, "ed") == 0))
        continue;
      if (!reportable(b, w.begin, w.end)) continue;
      byVerb[w.lower].push_back({static_cast<int32_t>(bi), w.begin, w.end, std::string(t.at(o.head))});
    }
    for (const auto& [verb, list] : byVerb) {
      if (list.size() < kMinRepeats) continue;
      std::vector<std::string> alternatives;
      if (const lexicon::Verb* v = lexicon::byPast(verb))
        for (const lexicon::Verb* s : lexicon::synonyms(*v)) {
          std::string p = lexicon::pastOf(*s, ctx.config.locale);
          if (byVerb.count(p) || p.find(' ') != std::string::npos) continue;
          alternatives.push_back(p);
          if (alternatives.size() == kMaxAlternatives) break;
        }
      for (size_t k = 0; k < list.size(); ++k) {
        const Opener& op = list[k];
        const Block& b = doc.blocks[op.block];
        Finding f = makeFinding(b, op.textBegin, op.textEnd,
                                "\"" + capitaliseFirst(verb) + "\" opens " + std::to_string(list.size()) +
                                    " bullets: vary the verb");
        // At most kMaxRelated others: listing every other bullet on every
        // finding is quadratic (4,000 bullets opening "Led" made 10 million).
        constexpr size_t kMaxRelated = 10;
        for (size_t j = 0; j < list.size() && f.related.size() < kMaxRelated; ++j) {
          if (j == k) continue;
          const Block& ob = doc.blocks[list[j].block];
          Related r;
          r.file = ob.file;
          r.range = ob.prose.toSource(list[j].textBegin, list[j].textEnd);
          r.line = doc.source(ob.file).lineOf(r.range.begin);
          r.message = "also opens with \"" + list[j].written + "\"";
          f.related.push_back(std::move(r));
        }
        for (const std::string& alt : alternatives) {
          std::string text = matchCase(alt, op.written);
          addFix(doc, b, f, "Replace with \"" + text + "\"", {{op.textBegin, op.textEnd, text}}, false, false);
        }
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

const Rule& repeatedVerbRule() {
  static const RepeatedVerb r;
  return r;
}

}  // namespace cvlint
