// no-action-verb: an experience or project bullet that opens with no verb
// at all ("Backend work on payments", "Key contributor to the app"). Weak
// openers are weak-verb's; label bullets ("Stack: Go, Kafka") are left alone.
// The fixes (never applied by --fix) put a verb that fits the object in
// front; completion and hover offer more from the lexicon.
#include "rules/lexicon.hpp"
#include "rules/rewrite.hpp"
#include "core/unicode.hpp"
#include "rules/rules.hpp"
#include "rules/verbs.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;

// Lower-case the old first word only when it is a common noun or adjective
// ("Backend work" -> "Built backend work"); names keep their capital
// ("Kafka consumer" -> "Built Kafka consumer").
bool keepsCase(const Word& w) {
  if (w.allUpper || w.hasDigit) return true;
  if (!lexicon::verbsForObject({w.lower}, lexicon::ObjectRole::Duty).empty()) return false;
  return !inList(w.lower, {"key", "main", "core", "general", "technical", "daily", "weekly", "work", "internal",
                           "new", "full", "end-to-end", "cross-functional", "primary", "lead", "senior", "junior",
                           "member", "contributor", "owner", "point", "responsibility", "support", "research",
                           "development", "design", "maintenance", "analysis", "testing", "automation"});
}

// The first strong verbs, about 60 characters of them: the same for every
// finding, so built once per locale.
std::string buildSuggestions(Locale locale) {
  std::string list;
  for (const std::string& s : strongVerbs(locale)) {
    if (list.size() > 60) break;
    list += (list.empty() ? "" : ", ") + s;
  }
  return list;
}
const std::string& suggestions(Locale locale) {
  static const std::string gb = buildSuggestions(Locale::EnGB), us = buildSuggestions(Locale::EnUS);
  return locale == Locale::EnUS ? us : gb;
}

class NoActionVerb final : public Rule {
 public:
  std::string_view id() const override { return "no-action-verb"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "a bullet that opens with no verb at all"; }
  std::string_view explanation() const override {
    return R"(An experience bullet that opens with a noun ("Backend work on payments",
"Key contributor to the mobile app") makes the reader work out what you did.
Open with the action.

**Before**

    - Backend work on the payments platform

**After the fix**

    - Built backend work on the payments platform   (then tidy the wording)

**The fix** puts a strong past-tense verb that fits the object in front;
completion in the editor offers the whole list (Built, Designed, Led,
Optimised, ...). It is never applied by `--fix`.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (!isAchievementBullet(ctx.doc, b)) continue;
      Text t(b.prose.text);
      if (t.words.size() < 2) continue;
      Opening o = openingOf(ctx.doc, b, t);
      if (!o.valid || o.labelled || o.head >= t.words.size()) continue;
      const Word& w = t.words[o.head];
      if (w.lower == "i" || w.inUrl || w.hasDigit || !reportable(b, w.begin, w.end)) continue;
      if (lexicon::looksLikeVerb(w.lower) || findWeakOpening(t, o, ctx.config.weakWords)) continue;
      if (w.lower.size() > 5 && w.lower.compare(w.lower.size() - 3, 3, "ing") == 0) continue;  // "Building ..."
      if (allowedAt(ctx.config, t.text, w.begin)) continue;
      if (mentionsYear(t.text) && t.words.size() < 12) continue;  // an entry header read as a bullet
      std::string raw(t.at(o.head));
      Finding f = makeFinding(b, w.begin, w.end, "Start this bullet with an action verb (Built, Led, Delivered, ...)");
      std::vector<std::string_view> np;
      for (size_t k = o.head; k < t.words.size() && k < o.head + 6; ++k) np.push_back(t.words[k].lower);
      auto verbs = lexicon::verbsForObject(np, lexicon::ObjectRole::Duty);
      if (verbs.empty()) verbs = {"deliver", "build", "lead"};
      std::string rest = keepsCase(w) ? raw : lowerFirst(raw);
      for (std::string_view v : verbs) {
        std::string past = capitaliseFirst(lexicon::pastPhrase(v, ctx.config.locale));
        if (past.empty()) continue;
        addFix(ctx.doc, b, f, "Start with \"" + past + "\"", {{w.begin, w.end, past + " " + rest}}, false, false);
      }
      f.data.push_back({"suggestions", suggestions(ctx.config.locale)});
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& noActionVerbRule() {
  static const NoActionVerb r;
  return r;
}

}  // namespace cvlint
