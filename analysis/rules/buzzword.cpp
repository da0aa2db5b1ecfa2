// buzzword: clichés that say nothing ("team player", "hard-working",
// "results-driven", "passionate about", "think outside the box", "synergy")
// in bullets and running text. The fix removes an adjective with its comma or
// "and" (fixing "a"/"an" after it), a noun only from a list; a clause is
// reported for a rewrite.
#include "core/unicode.hpp"
#include "rules/rules.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;

enum class Buzz : uint8_t { A, N, C };
struct BuzzRow {
  std::string_view phrase;
  Buzz kind;
};
const BuzzRow kRows[] = {
#define A(p) {p, Buzz::A},
#define N(p) {p, Buzz::N},
#define C(p) {p, Buzz::C},
#include "rules/data/buzzwords.inc"
#undef A
#undef N
#undef C
};

const PhraseTrie& trie() {
  static const PhraseTrie t = [] {
    PhraseTrie tr;
    for (size_t i = 0; i < std::size(kRows); ++i) tr.add(kRows[i].phrase, static_cast<int>(i));
    return tr;
  }();
  return t;
}

bool startsWithVowel(std::string_view s) { return !s.empty() && std::string_view("aeiouAEIOU").find(s[0]) != std::string_view::npos; }

// The removal edit for phrase words [i, last], or none.
bool removal(const Text& t, size_t i, size_t last, Buzz kind, TextEdit& e) {
  const auto& w = t.words;
  uint32_t tb = w[i].begin, te = w[last].end;
  std::string_view before = i > 0 ? t.gapAfter(i - 1) : std::string_view();
  std::string_view after = last + 1 < w.size() ? t.gapAfter(last) : std::string_view();
  bool article = kind == Buzz::N && i > 0 && (w[i - 1].lower == "a" || w[i - 1].lower == "an") && before == " ";
  if (article) {
    tb = w[i - 1].begin;
    before = i > 1 ? t.gapAfter(i - 2) : std::string_view();
  }
  bool nextAnd = last + 2 < w.size() && after == " " && w[last + 1].lower == "and" && t.gapAfter(last + 1) == " ";
  bool prevAnd = i >= 2 && before == " " && w[i - 1 - (article ? 1 : 0)].lower == "and";
  if (after == ", ") {
    e = {tb, w[last + 1].begin, ""};
  } else if (before == ", " && (after.empty() || after[0] != ' ' || kind == Buzz::N)) {
    e = {w[i - 1 - (article ? 1 : 0)].end, te, ""};
  } else if (nextAnd && kind == Buzz::A) {
    e = {tb, w[last + 2].begin, ""};
  } else if (prevAnd) {
    size_t andIdx = i - 1 - (article ? 1 : 0);
    uint32_t from = andIdx > 0 ? w[andIdx - 1].end : w[andIdx].begin;
    if (andIdx > 0 && t.gapAfter(andIdx - 1) == ", ") from = w[andIdx - 1].end;
    e = {from, te, ""};
  } else if (kind == Buzz::A && after == " ") {
    e = {tb, w[last + 1].begin, ""};
    // "an energetic, ..." stays; "A results-driven engineer" -> "An engineer".
    if (i > 0 && before == " " && (w[i - 1].lower == "a" || w[i - 1].lower == "an")) {
      std::string art(t.at(i - 1));
      bool vowel = startsWithVowel(t.at(last + 1));
      std::string fixedArt = vowel ? matchCase("an", art) : matchCase("a", art);
      e = {w[i - 1].begin, w[last + 1].begin, fixedArt + " "};
    }
  } else {
    return false;
  }
  // Recapitalise a word that now opens the prose.
  if (e.begin == 0 && e.text.empty() && e.end < t.text.size()) {
    size_t k = 0;
    while (k < w.size() && w[k].begin < e.end) ++k;
    if (k < w.size() && w[k].begin == e.end && w[i].upperInitial) {
      e.end = w[k].end;
      e.text = capitaliseFirst(t.at(k));
    }
  }
  return true;
}

class Buzzword final : public Rule {
 public:
  std::string_view id() const override { return "buzzword"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "clichés (team player, hard-working, results-driven, ...)"; }
  std::string_view explanation() const override {
    return R"(Every CV claims to be "hard-working", "results-driven" and a "team player";
recruiters skip these words, and some read them as filler. Show the quality
with an achievement instead.

**Before**

    A hard-working, results-driven engineer and a team player.

**After the fix** (one finding at a time)

    A results-driven engineer and a team player.

**The fix** removes an adjective together with its comma or "and" (and mends
"a"/"an"), and a noun phrase only when it is one item of a list. Clauses such
as "passionate about" or "think outside the box" are reported for you to
rewrite. Silence a phrase with `words.allow`.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (b.kind != BlockKind::Bullet && b.kind != BlockKind::Paragraph) continue;
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
        std::string written(t.text.substr(tb, te - tb));
        Finding f = makeFinding(b, tb, te, "\"" + written + "\" is a cliché: show it with an achievement instead");
        TextEdit e;
        if (kRows[id].kind != Buzz::C && removal(t, i, last, kRows[id].kind, e))
          addFix(ctx.doc, b, f, "Remove \"" + written + "\"", {e}, true, true);
        out.push_back(std::move(f));
        if (++inBlock >= kMaxFindingsPerBlock) break;
        i = last;
      }
    }
  }
};

}  // namespace

const Rule& buzzwordRule() {
  static const Buzzword r;
  return r;
}

}  // namespace cvlint
