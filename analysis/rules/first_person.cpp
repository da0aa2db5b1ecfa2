// first-person: I, me, my, myself (and I'm, I've, I'd, I'll) in bullets. A CV
// bullet implies its subject; the pronoun wastes the strongest position.
// Not: I/O, i18n, a regnal or class numeral ("Elizabeth I", "Type I"), text in
// a URL, code or math. The fix drops "I" and recapitalises, "my" becomes "the".
#include "core/unicode.hpp"
#include "rules/rules.hpp"
#include "rules/verbs.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;


// Words after which a capitalised word still starts a clause ("Then I").
bool isFunctionWord(std::string_view l) {
  return inList(l, {"and", "but", "then", "so", "when", "where", "here", "there", "as", "if", "since", "while",
                    "once", "before", "after", "because", "which", "that", "what", "how", "why", "where", "also",
                    "where", "now", "today", "recently", "later", "first", "finally", "initially", "together",
                    "successfully"});
}

class FirstPerson final : public Rule {
 public:
  std::string_view id() const override { return "first-person"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "I, me, my, myself in bullets"; }
  std::string_view explanation() const override {
    return R"(CV bullets are written without a subject: the reader knows it was you. "I"
and "my" push the verb out of the first position, where recruiters look.

**Before**

    - I built the payments API and my team shipped it weekly

**After the fix**

    - Built the payments API and the team shipped it weekly

**The fix** drops "I" (recapitalising the next word) and turns "my" into
"the". "me", "myself" and contractions ("I'm") are reported for you to
rephrase. Roman numerals ("Elizabeth I", "Type I"), `I/O`, `i18n` and URLs are
never reported.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (b.kind != BlockKind::Bullet) continue;
      Text t(b.prose.text);
      const auto& w = t.words;
      size_t inBlock = 0;
      for (size_t i = 0; i < w.size(); ++i) {
        std::string_view raw = t.at(i);
        const std::string& l = w[i].lower;
        bool isI = raw == "I";
        if (w[i].inUrl || w[i].allUpper) continue;
        if (!isI && !inList(l, {"me", "my", "myself", "i'm", "i've", "i'd", "i'll"})) continue;
        uint32_t tb = w[i].begin, te = w[i].end;
        if (isI) {
          if (te < t.text.size() && (t.text[te] == '/' || t.text[te] == '.' || t.text[te] == '&')) continue;  // I/O
          if (tb > 0 && (t.text[tb - 1] == '/' || t.text[tb - 1] == '-')) continue;
          // A capitalised word before "I" that does not start the clause: a numeral (Elizabeth I, Type I).
          if (i >= 2 && w[i - 1].upperInitial && !isFunctionWord(w[i - 1].lower) && t.gapAfter(i - 1) == " " &&
              t.gapAfter(i - 2).find_first_of(".;:!?") == std::string_view::npos)
            continue;
          // At the opening: "Type I errors" (a name, then no verb) but "Then I built".
          if (i == 1 && w[0].upperInitial && !isFunctionWord(w[0].lower) && t.gapAfter(0) == " " &&
              !(i + 1 < w.size() && lexicon::looksLikeVerb(w[i + 1].lower)))
            continue;
          if (i == 0 && w.size() == 1) continue;
        }
        if (!reportable(b, tb, te)) continue;
        Finding f = makeFinding(b, tb, te, "Drop the first-person \"" + std::string(raw) + "\": a CV bullet implies the subject");
        bool spaceNext = i + 1 < w.size() && t.gapAfter(i) == " ";
        if (isI && spaceNext) {
          // Remove "I " and give the next word the capital "I" had, when it opened the bullet.
          std::string next(t.at(i + 1));
          bool opens = i == 0 || t.gapAfter(i - 1).find_first_of(".;:!?") != std::string_view::npos;
          addFix(ctx.doc, b, f, "Drop \"I\"", {{tb, w[i + 1].end, opens ? capitaliseFirst(next) : next}}, true, true);
        } else if (l == "my" && spaceNext && w[i + 1].lower != "own") {
          addFix(ctx.doc, b, f, "Replace with \"the\"", {{tb, te, matchCase("the", raw)}}, true, true);
        } else if (l == "myself" && i > 0 && t.gapAfter(i - 1) == " ") {
          addFix(ctx.doc, b, f, "Drop \"myself\"", {{w[i - 1].end, te, ""}}, true, false);
        }
        out.push_back(std::move(f));
        if (++inBlock >= kMaxFindingsPerBlock) break;
      }
    }
  }
};

}  // namespace

const Rule& firstPersonRule() {
  static const FirstPerson r;
  return r;
}

}  // namespace cvlint
