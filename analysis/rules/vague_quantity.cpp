// vague-quantity: "many", "several", "significantly", "huge" and friends in
// bullets and running text, where a number would convince. Fixes put a
// visible `<N>` placeholder where the number goes (never a number):
//   Migrated several services      -> Migrated <N> services
//   Significantly reduced latency  -> Reduced latency by <N>%
//   a huge reduction in costs      -> a <N>% reduction in costs
#include "core/unicode.hpp"
#include "rules/rules.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;

enum class Vague : uint8_t { Q, D, J };
struct VagueRow {
  std::string_view phrase;
  Vague kind;
};
const VagueRow kRows[] = {
#define Q(p) {p, Vague::Q},
#define D(p) {p, Vague::D},
#define J(p) {p, Vague::J},
#include "rules/data/vague.inc"
#undef Q
#undef D
#undef J
};

const PhraseTrie& trie() {
  static const PhraseTrie t = [] {
    PhraseTrie tr;
    for (size_t i = 0; i < std::size(kRows); ++i) tr.add(kRows[i].phrase, static_cast<int>(i));
    return tr;
  }();
  return t;
}


bool isComparative(std::string_view l) {
  return inList(l, {"faster", "quicker", "better", "higher", "lower", "smaller", "larger", "bigger", "cheaper", "more",
                    "less", "fewer", "shorter", "longer", "safer", "simpler", "easier", "lighter", "leaner"});
}
bool isChangeNoun(std::string_view l) {
  return inList(l, {"reduction", "reductions", "increase", "increases", "improvement", "improvements", "growth",
                    "decrease", "drop", "boost", "rise", "uplift", "gain", "gains", "saving", "savings", "cut",
                    "cuts", "speed-up", "speedup"});
}

class VagueQuantity final : public Rule {
 public:
  std::string_view id() const override { return "vague-quantity"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override {
    return "many, numerous, various, several, a lot of, significantly, greatly, huge, massive";
  }
  std::string_view explanation() const override {
    return R"("Several", "many", "significantly" and "huge" ask the reader to take your word
for it. A number says the same thing and proves it.

**Before**

    - Migrated several services to Kubernetes
    - Significantly reduced page load times

**After the fix**

    - Migrated <N> services to Kubernetes
    - Reduced page load times by <N>%

**The fix** replaces the vague word with a visible `<N>` placeholder (or moves
an adverb of degree into a `by <N>%` after the object). Fill in the real figure;
cvlint never invents one.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (!isWordingBlock(ctx.doc, b)) continue;
      Text t(b.prose.text);
      const auto& w = t.words;
      size_t inBlock = 0;
      for (size_t i = 0; i < w.size(); ++i) {
        if (w[i].inUrl) continue;
        auto [id, count] = trie().longestAt(w, i);
        if (id < 0) continue;
        size_t last = i + count - 1;
        uint32_t tb = w[i].begin, te = w[last].end;
        if (!reportable(b, tb, te) || allowedAt(ctx.config, t.text, tb)) continue;
        const VagueRow& row = kRows[id];
        std::string written(t.text.substr(tb, te - tb));
        Finding f = makeFinding(b, tb, te, "Replace \"" + written + "\" with a number");
        bool next = last + 1 < w.size() && t.gapAfter(last) == " ";
        std::string_view nextWord = next ? std::string_view(w[last + 1].lower) : std::string_view();
        if (row.kind == Vague::Q) {
          addFix(ctx.doc, b, f, "Replace with \"<N>\"", {{tb, te, "<N>"}}, true, false);
        } else if (row.kind == Vague::D) {
          if (next && isChangeVerb(nextWord)) {
            // "Significantly reduced latency" -> "Reduced latency by <N>%".
            std::string verb(t.at(last + 1));
            uint32_t at = objectEnd(t, last + 1);
            addFix(ctx.doc, b, f, "Rewrite with \"by <N>%\"",
                   {{tb, w[last + 1].end, matchCase(verb, written)}, {at, at, " by <N>%"}}, true, false);
          } else if (next && isComparative(nextWord)) {
            addFix(ctx.doc, b, f, "Replace with \"<N>%\"", {{tb, te, "<N>%"}}, true, false);
          } else if (i > 0 && t.gapAfter(i - 1) == " ") {
            addFix(ctx.doc, b, f, "Replace with \"by <N>%\"", {{tb, te, "by <N>%"}}, true, false);
          }
        } else if (next && isChangeNoun(nextWord)) {
          addFix(ctx.doc, b, f, "Replace with \"<N>%\"", {{tb, te, "<N>%"}}, true, false);
        }
        out.push_back(std::move(f));
        if (++inBlock >= kMaxFindingsPerBlock) break;
        i = last;
      }
    }
  }
};

}  // namespace

const Rule& vagueQuantityRule() {
  static const VagueQuantity r;
  return r;
}

}  // namespace cvlint
