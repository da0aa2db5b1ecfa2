// The verb lexicon: tables from data/verbs.inc and data/objects.inc, indexed
// by every form in both spellings, and the public strongVerbs() list.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/caches.hpp"

#include "rules/lexicon.hpp"
#include "rules/verbs.hpp"

namespace cvlint::lexicon {

namespace {

const Verb kVerbs[] = {
#define V(base, past, gerund, noun, flags, group) {base, past, gerund, noun, flags, group},
#include "rules/data/verbs.inc"
#undef V
};

struct ObjectClass {
  std::string_view nouns, duty, helper, handled;
};
const ObjectClass kObjects[] = {
#define O(nouns, duty, helper, handled) {nouns, duty, helper, handled},
#include "rules/data/objects.inc"
#undef O
};

// Irregular pasts and participles beyond the table, for verb detection.
constexpr std::string_view kIrregular[] = {
    "took", "gave", "made", "did", "got", "kept", "held", "brought", "bought", "taught", "found", "sought",
    "began", "broke", "chose", "spoke", "stood", "understood", "undertook", "oversaw", "wrote", "rewrote", "ran",
    "led", "built", "rebuilt", "drove", "grew", "won", "sold", "spent", "sent", "set", "put", "met", "cut",
    "shut", "spun", "hit", "rose", "saw", "told", "thought", "fought", "went", "came", "became", "flew", "knew",
    "threw", "drew", "shook", "overcame", "withdrew", "taken", "given", "written", "driven", "shown", "known",
    "chosen", "begun", "broken", "spoken", "grown", "drawn", "done", "seen", "undertaken", "overseen",
    "rewritten", "won", "paid", "laid", "read", "lent", "dealt", "meant", "felt", "left", "lost", "fed", "bred"};

constexpr std::string_view kMoreVerbs[] = {
#include "rules/data/more_verbs.inc"
};

// Heterogeneous lookup: string_view queries without a std::string per call.
struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using VerbMap = std::unordered_map<std::string, const Verb*, SvHash, std::equal_to<>>;

// A folded word as a form of one of kMoreVerbs: base, -s/-es, -ed/-d, -ing
// (the stem at least two letters), -e dropped before -ing ("communicating").
// Every form is listed once, so a query is one hash lookup.
bool isMoreVerbForm(std::string_view w) {
  static const auto forms = [] {
    std::unordered_set<std::string, SvHash, std::equal_to<>> f;
    for (std::string_view base : kMoreVerbs) {
      f.emplace(base);
      if (base.size() < 2) continue;
      for (std::string_view suf : {"s", "es", "ed", "d", "ing"}) f.emplace(std::string(base) + std::string(suf));
      if (base.size() >= 3 && base.back() == 'e') f.emplace(std::string(base.substr(0, base.size() - 1)) + "ing");
    }
    return f;
  }();
  return forms.find(w) != forms.end();
}

std::string usSpelling(std::string_view w, std::string_view flags) {
  std::string s(w);
  auto endsWith = [&](std::string_view suf) { return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0; };
  if (flags.find('Z') != std::string_view::npos) {
    static const std::pair<std::string_view, std::string_view> kZ[] = {
        {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ise", "ize"},
        {"ysing", "yzing"},     {"ysed", "yzed"},   {"yse", "yze"}};
    for (const auto& [gb, us] : kZ)
      if (endsWith(gb)) {
        s.replace(s.size() - gb.size(), gb.size(), us);
        break;
      }
  }
  if (flags.find('L') != std::string_view::npos) {
    if (endsWith("lled")) s.replace(s.size() - 4, 4, "led");
    else if (endsWith("lling")) s.replace(s.size() - 5, 5, "ling");
  }
  return s;
}

struct Index {
  VerbMap gerund, base, noun, past, any;
  std::vector<Verb> all;
  Index() {
    all.assign(std::begin(kVerbs), std::end(kVerbs));
    auto put = [](VerbMap& m, std::string_view form, const Verb& v) {
      if (form.empty()) return;
      m.emplace(std::string(form), &v);
      m.emplace(usSpelling(form, v.flags), &v);
    };
    for (const Verb& v : all) {
      put(gerund, v.gerund, v);
      put(base, v.base, v);
      put(noun, v.noun, v);
      put(past, v.past, v);
      for (auto f : {v.base, v.past, v.gerund}) put(any, f, v);
      std::string third(v.base);
      if (third.find(' ') == std::string::npos) {
        char last = third.back();
        bool es = last == 's' || last == 'x' || last == 'h' || last == 'o';
        if (last == 'y' && third.size() > 2 && std::string_view("aeiou").find(third[third.size() - 2]) == std::string_view::npos)
          third = third.substr(0, third.size() - 1) + "ies";
        else third += es ? "es" : "s";
        put(any, third, v);
      }
    }
  }
};

const Index& index() {
  static const Index idx;
  return idx;
}

const Verb* find(const VerbMap& m, std::string_view k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : it->second;
}

}  // namespace

const std::vector<Verb>& allVerbs() { return index().all; }
const Verb* byGerund(std::string_view l) { return find(index().gerund, l); }
const Verb* byBase(std::string_view l) { return find(index().base, l); }
const Verb* byNoun(std::string_view l) { return find(index().noun, l); }
const Verb* byPast(std::string_view l) { return find(index().past, l); }
const Verb* byAnyForm(std::string_view l) { return find(index().any, l); }

std::string spell(std::string_view gbForm, const Verb& v, Locale locale) {
  return locale == Locale::EnUS ? usSpelling(gbForm, v.flags) : std::string(gbForm);
}
std::string pastOf(const Verb& v, Locale locale) { return spell(v.past, v, locale); }
std::string nounOf(const Verb& v, Locale locale) { return spell(v.noun, v, locale); }

std::string pastPhrase(std::string_view phrase, Locale locale) {
  std::string prefix;
  if (phrase.rfind("co-", 0) == 0) {
    prefix = "co-";
    phrase.remove_prefix(3);
  }
  // Two-word verbs first ("roll out"), then a verb and a preposition ("compete in").
  if (const Verb* v = byBase(phrase)) return prefix + pastOf(*v, locale);
  size_t sp = phrase.find(' ');
  if (sp == std::string_view::npos) return {};
  const Verb* v = byBase(phrase.substr(0, sp));
  if (!v) return {};
  return prefix + pastOf(*v, locale) + std::string(phrase.substr(sp));
}

namespace {
bool looksLikeVerbUncached(std::string_view w);
}

// The answer depends on the word alone and the rules ask it for the same
// openings over and over, so answers are kept per thread (bounded: dropped
// past 8,192 words).
namespace {
using VerbMemo = std::unordered_map<std::string, bool, SvHash, std::equal_to<>>;
// This thread's answers, emptied first when clearEngineCaches() was called
// since they were kept.
VerbMemo& verbMemo() {
  thread_local VerbMemo memo;
  thread_local uint64_t generation = 0;
  if (generation != cacheGeneration()) {
    memo.clear();
    generation = cacheGeneration();
  }
  return memo;
}
}  // namespace

void syncVerbCache() { verbMemo(); }

bool looksLikeVerb(std::string_view w) {
  if (w.empty()) return false;
  VerbMemo& memo = verbMemo();
  auto it = memo.find(w);
  if (it != memo.end()) return it->second;
  bool v = looksLikeVerbUncached(w);
  if (memo.size() > 8192) memo.clear();
  memo.emplace(std::string(w), v);
  return v;
}

namespace {
bool looksLikeVerbUncached(std::string_view w) {
  if (w.empty()) return false;
  if (byAnyForm(w)) return true;
  for (std::string_view irr : kIrregular)
    if (w == irr) return true;
  if (isMoreVerbForm(w)) return true;
  size_t dash = w.find('-');
  if (dash != std::string_view::npos && dash + 1 < w.size()) {
    std::string_view pre = w.substr(0, dash);
    if (pre == "co" || pre == "re" || pre == "de" || pre == "pre" || pre == "cross" || pre == "self" || pre == "hand" ||
        pre == "fine" || pre == "soft" || pre == "live" || pre == "battle" || pre == "auto")
      return looksLikeVerb(w.substr(dash + 1));
  }
  auto endsWith = [&](std::string_view suf) { return w.size() > suf.size() + 2 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
  return endsWith("ed") || endsWith("ised") || endsWith("ized");
}
}  // namespace

std::vector<const Verb*> synonyms(const Verb& v) {
  std::vector<const Verb*> out;
  if (v.group.empty()) return out;
  for (const Verb& o : allVerbs())
    if (&o != &v && o.group == v.group && o.strong() && o.base != v.base) out.push_back(&o);
  return out;
}

std::vector<std::string_view> verbsForObject(const std::vector<std::string_view>& np, ObjectRole role) {
  // Each noun of the object table to the first class naming it, and each
  // class's three verb lists split once.
  struct Objects {
    std::unordered_map<std::string_view, size_t> classOf;
    std::vector<std::array<std::vector<std::string_view>, 3>> lists;
    Objects() {
      auto split = [](std::string_view s) {
        std::vector<std::string_view> out;
        for (size_t b = 0; b <= s.size();) {
          size_t e = s.find('|', b);
          if (e == std::string_view::npos) e = s.size();
          out.push_back(s.substr(b, e - b));
          b = e + 1;
        }
        return out;
      };
      for (size_t i = 0; i < std::size(kObjects); ++i) {
        for (std::string_view n : split(kObjects[i].nouns)) classOf.emplace(n, i);
        lists.push_back({split(kObjects[i].duty), split(kObjects[i].helper), split(kObjects[i].handled)});
      }
    }
  };
  static const Objects objects;
  // The head noun is usually last: look from the end.
  for (auto it = np.rbegin(); it != np.rend(); ++it) {
    auto c = objects.classOf.find(*it);
    if (c == objects.classOf.end()) continue;
    const auto& l = objects.lists[c->second];
    return role == ObjectRole::Duty ? l[0] : role == ObjectRole::Helper ? l[1] : l[2];
  }
  return {};
}

}  // namespace cvlint::lexicon

namespace cvlint {

namespace {
std::vector<std::string> buildStrongVerbs(Locale locale) {
  // Group leaders first (the most common opening verbs), then the rest.
  std::vector<std::string> out;
  std::vector<std::string_view> seenGroups;
  auto add = [&](const lexicon::Verb& v) {
    std::string p = lexicon::pastOf(v, locale);
    if (!p.empty()) p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  for (const lexicon::Verb& v : lexicon::allVerbs())
    if (v.strong() && std::find(seenGroups.begin(), seenGroups.end(), v.group) == seenGroups.end()) {
      seenGroups.push_back(v.group);
      add(v);
    }
  for (const lexicon::Verb& v : lexicon::allVerbs())
    if (v.strong()) add(v);
  return out;
}
}  // namespace

const std::vector<std::string>& strongVerbs(Locale locale) {
  // Built once per locale: rules ask for it on every bullet.
  static const std::vector<std::string> gb = buildStrongVerbs(Locale::EnGB);
  static const std::vector<std::string> us = buildStrongVerbs(Locale::EnUS);
  return locale == Locale::EnUS ? us : gb;
}

}  // namespace cvlint
