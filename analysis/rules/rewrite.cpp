// The weak-verb rewrite engine; see rewrite.hpp. The phrase data and its
// examples live in data/weak_phrases.inc, the verbs in data/verbs.inc.
#include "rules/rewrite.hpp"

#include <algorithm>

#include "rules/verbs.hpp"

namespace cvlint::wording {

namespace {

struct Row {
  std::string_view phrase, before, after;
  WeakKind kind;
  bool preferred, marker;
};

const Row kRows[] = {
#define W(p, k) {p, "", "", WeakKind::k, true, true},
#define E(b, a) {"", b, a, WeakKind::Duty, true, false},
#define A(b, a) {"", b, a, WeakKind::Duty, false, false},
#define N(b) {"", b, "", WeakKind::Duty, true, false},
#include "rules/data/weak_phrases.inc"
#undef W
#undef E
#undef A
#undef N
};

struct Tables {
  std::vector<WeakPhrase> phrases;
  std::vector<WeakExample> examples;
  PhraseTrie trie;
  Tables() {
    std::string_view current;
    for (const Row& r : kRows) {
      if (r.marker) {
        current = r.phrase;
        trie.add(r.phrase, static_cast<int>(phrases.size()));
        phrases.push_back({r.phrase, r.kind});
      } else {
        examples.push_back({current, r.before, r.after, r.preferred});
      }
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}


bool isStop(std::string_view l) {
  return inList(l, {"for", "with", "using", "via", "through", "across", "to", "in", "on", "at", "by", "from", "that",
                    "which", "who", "including", "and", "or", "into", "within", "under", "over", "during", "while",
                    "as", "of", "so", "alongside", "between", "throughout", "towards"});
}
bool isDet(std::string_view l) { return inList(l, {"the", "a", "an", "our", "their", "its", "my", "his", "her"}); }

using Finder = const lexicon::Verb* (*)(std::string_view);

struct Engine {
  const Text& t;
  const Opening& o;
  const WeakMatch& m;
  Locale loc;
  size_t n = 0;  // number of words
  uint32_t spanBegin = 0;
  std::string adv;
  std::vector<Rewrite> out;

  std::string_view w(size_t i) const { return i < n ? std::string_view(t.words[i].lower) : std::string_view(); }
  bool spaceAfter(size_t i) const { return i + 1 < n && t.gapAfter(i) == " "; }
  std::string past(const lexicon::Verb& v) const { return lexicon::pastOf(v, loc); }

  void add(const std::string& phrase, uint32_t end, bool replaceTitle, bool safe, std::vector<TextEdit> extra = {}) {
    if (phrase.empty()) return;
    std::string text = matchCase(adv + phrase, t.at(std::min(o.first, m.head)));
    std::vector<TextEdit> edits{{spanBegin, end, text}};
    for (TextEdit& e : extra) edits.push_back(std::move(e));
    std::string result = applyTextEdits(t.text, edits);
    for (const Rewrite& r : out)
      if (applyTextEdits(t.text, r.edits) == result) return;
    Rewrite r;
    r.edits = std::move(edits);
    r.safe = safe;
    r.title = replaceTitle ? "Replace with \"" + matchCase(phrase, t.at(m.head)) + "\"" : rewriteTitle(t.text, r.edits);
    out.push_back(std::move(r));
  }

  // A verb form of one or two words at word i: {verb, words}.
  std::pair<const lexicon::Verb*, size_t> formAt(size_t i, Finder find) const {
    if (i >= n) return {nullptr, 0};
    if (spaceAfter(i)) {
      std::string two = std::string(w(i)) + " " + std::string(w(i + 1));
      if (const lexicon::Verb* v = find(two)) return {v, 2};
    }
    if (const lexicon::Verb* v = find(w(i))) return {v, 1};
    return {nullptr, 0};
  }

  struct Item {
    const lexicon::Verb* verb;
    size_t begin, end;  // words
  };
  // "designing and building", "testing, deploying and monitoring".
  std::vector<Item> chain(size_t i, Finder find) const {
    std::vector<Item> items;
    auto [v, k] = formAt(i, find);
    if (!v) return items;
    items.push_back({v, i, i + k});
    while (items.size() < 4) {
      size_t e = items.back().end;
      if (e >= n) break;
      std::string_view gap = t.gapAfter(e - 1);
      size_t next = 0;
      if (gap == " " && (w(e) == "and" || w(e) == "or") && spaceAfter(e)) next = e + 1;
      else if (gap == ", " && (w(e) == "and" || w(e) == "or") && spaceAfter(e)) next = e + 1;
      else if (gap == ", ") next = e;
      if (!next) break;
      auto [v2, k2] = formAt(next, find);
      if (!v2) break;
      items.push_back({v2, next, next + k2});
    }
    return items;
  }

  std::string joinPasts(const std::vector<Item>& items) const {
    std::string s;
    for (size_t k = 0; k < items.size(); ++k) {
      if (k > 0) {
        uint32_t b = t.words[items[k - 1].end - 1].end, e = t.words[items[k].begin].begin;
        s.append(t.text.substr(b, e - b));
      }
      s += past(*items[k].verb);
    }
    return s;
  }

  std::vector<std::string_view> nounPhrase(size_t i) const {
    std::vector<std::string_view> np;
    for (size_t j = i; j < n && j < i + 8; ++j) {
      if (j > i) {
        std::string_view gap = t.gapAfter(j - 1);
        if (gap != " " && gap != "-") break;
      }
      if (isStop(w(j))) break;
      np.push_back(w(j));
    }
    return np;
  }

  void objectVerbs(size_t i, uint32_t end, lexicon::ObjectRole role) {
    std::vector<std::string_view> np = nounPhrase(i);
    if (np.empty()) return;
    std::vector<std::string_view> verbs = lexicon::verbsForObject(np, role);
    if (verbs.empty()) {
      if (role == lexicon::ObjectRole::Duty) verbs = {"own", "lead", "manage"};
      else if (role == lexicon::ObjectRole::Helper) verbs = {"deliver", "support"};
      else verbs = {"manage", "own"};
    }
    for (std::string_view v : verbs) add(lexicon::pastPhrase(v, loc), end, true, false);
  }

  // Gerund or bare-verb chains: "Responsible for maintaining", "Helped build".
  bool verbChain(const std::vector<Item>& items, bool helper) {
    if (items.empty()) return false;
    for (const Item& it : items)
      if (it.verb->banned() || it.verb->weak()) return false;
    size_t e = items.back().end;
    // "testing and deployment": a list of nouns, not of verbs.
    if (w(e) == "and" && lexicon::byNoun(w(e + 1)) && !lexicon::byGerund(w(e + 1))) return false;
    uint32_t end = t.words[e - 1].end;
    add(joinPasts(items), end, false, true);
    if (helper && items.size() == 1) {
      const lexicon::Verb& v = *items[0].verb;
      if (v.coable()) add("co-" + past(v), end, false, false);
      else if (!v.noun.empty() && e < n && !isStop(w(e))) add("co-led the " + lexicon::nounOf(v, loc) + " of", end, false, false);
    }
    return true;
  }

  bool nominalisation(size_t i, uint32_t phraseEnd, bool helper) {
    size_t j = i;
    bool det = isDet(w(j));
    if (det) ++j;
    const lexicon::Verb* v = lexicon::byNoun(w(j));
    if (!v || v->banned() || v->weak() || j + 1 >= n) return false;
    if (w(j + 1) == "of" && spaceAfter(j + 1)) {
      add(past(*v), t.words[j + 1].end, false, true);
    } else if (w(j + 1) == "and" && j + 3 < n && w(j + 3) == "of" && lexicon::byNoun(w(j + 2)) &&
               !lexicon::byNoun(w(j + 2))->banned() && spaceAfter(j + 3)) {
      add(past(*v) + " and " + past(*lexicon::byNoun(w(j + 2))), t.words[j + 3].end, false, true);
    } else if (w(j + 1) == "from" && v->group == "migrate") {
      add(past(*v) + " from", t.words[j + 1].end, false, true);
    }
    if (det) add(helper ? "co-led" : "led", phraseEnd, true, false);
    return !out.empty();
  }

  // "Helped the team migrate" -> "Enabled the team to migrate".
  bool beneficiary(size_t i, uint32_t phraseEnd) {
    bool prevDet = false;
    for (size_t j = i; j < n && j < i + 4; ++j) {
      if (j > i && !spaceAfter(j - 1)) break;
      if (w(j) == "to" && j > i && formAt(j + 1, lexicon::byBase).first) {
        add("enabled", phraseEnd, false, false);
        add("supported", phraseEnd, false, false);
        return true;
      }
      if (j > i && !prevDet && formAt(j, lexicon::byBase).first) {
        std::vector<TextEdit> ins{{t.words[j].begin, t.words[j].begin, "to "}};
        add("enabled", phraseEnd, false, false, ins);
        add("supported", phraseEnd, false, false, ins);
        return true;
      }
      if (isStop(w(j))) break;
      prevDet = isDet(w(j));
    }
    std::vector<std::string_view> np = nounPhrase(i);
    if (np.empty()) return false;
    add("supported", phraseEnd, true, false);
    auto verbs = lexicon::verbsForObject(np, lexicon::ObjectRole::Helper);
    if (std::find(verbs.begin(), verbs.end(), "mentor") != verbs.end()) add("mentored", phraseEnd, true, false);
    return true;
  }

  void run() {
    size_t i = m.end;
    if (i >= n || (!spaceAfter(i - 1) && !m.label)) return;
    uint32_t phraseEnd = t.words[i - 1].end;
    switch (m.kind) {
      case WeakKind::Collab: {
        uint32_t b = t.words[m.head].end;
        std::string rest(t.text.substr(b, phraseEnd - b));
        add("collaborated" + rest, phraseEnd, true, true);
        if (rest == " with") add("partnered" + rest, phraseEnd, true, false);
        return;
      }
      case WeakKind::Utilise:
        add("used", phraseEnd, true, true);
        add("applied", phraseEnd, true, false);
        return;
      case WeakKind::Handled: objectVerbs(i, phraseEnd, lexicon::ObjectRole::Handled); return;
      case WeakKind::Part:
        for (size_t j = i; j + 2 < n && j < i + 6; ++j) {
          if (!inList(w(j), {"team", "squad", "group", "crew", "unit", "department", "taskforce"})) continue;
          if (!inList(w(j + 1), {"that", "which", "who"})) break;
          auto [v, k] = formAt(j + 2, lexicon::byPast);
          if (!v || v->banned() || v->weak()) break;
          uint32_t end = t.words[j + 1 + k].end;
          if (v->coable()) add("co-" + past(*v), end, false, true);
          add(past(*v), end, false, !v->coable());
          return;
        }
        nominalisation(i, phraseEnd, true);
        return;
      default: break;
    }
    bool helper = m.kind != WeakKind::Duty;
    // "Responsible for handling customer queries": the object decides.
    if (auto [hv, hk] = formAt(i, lexicon::byGerund); hv && hv->base == "handle") {
      objectVerbs(i + hk, t.words[i + hk - 1].end, lexicon::ObjectRole::Handled);
      return;
    }
    if (verbChain(chain(i, lexicon::byGerund), helper)) return;
    std::string_view last = w(m.end - 1);
    if ((last == "to" || (helper && inList(last, {"helped", "aided", "assisted", "helping", "assisting"}))) &&
        verbChain(chain(i, lexicon::byBase), helper))
      return;
    if (nominalisation(i, phraseEnd, helper)) return;
    if (m.kind == WeakKind::Beneficiary && beneficiary(i, phraseEnd)) return;
    objectVerbs(i, phraseEnd, helper ? lexicon::ObjectRole::Helper : lexicon::ObjectRole::Duty);
  }
};

}  // namespace

std::span<const WeakPhrase> weakPhrases() { return tables().phrases; }
std::span<const WeakExample> weakExamples() { return tables().examples; }

std::optional<WeakMatch> findWeakOpening(const Text& t, const Opening& o, const std::vector<std::string>& extra) {
  if (!o.valid || o.head >= t.words.size()) return std::nullopt;
  auto [id, count] = tables().trie.longestAt(t.words, o.head);
  WeakKind kind = id >= 0 ? tables().phrases[static_cast<size_t>(id)].kind : WeakKind::Duty;
  if (!extra.empty()) {
    PhraseTrie more;
    for (size_t k = 0; k < extra.size(); ++k) more.add(extra[k], static_cast<int>(k));
    auto [id2, count2] = more.longestAt(t.words, o.head);
    if (id2 >= 0 && count2 > count) {
      id = id2;
      count = count2;
      kind = WeakKind::Duty;
    }
  }
  if (id < 0 && o.labelled && o.first > 0) {
    // "Responsibilities: maintaining the API" / "Key duties: ...": the label is the duty phrase.
    size_t b = 0;
    while (b + 1 < o.first && !inList(t.words[b].lower, {"responsibilities", "responsibility", "duties", "tasks"})) ++b;
    if (inList(t.words[b].lower, {"responsibilities", "responsibility", "duties", "tasks"}) && b + 1 == o.first &&
        !o.adverbs.size() && o.dropped.empty()) {
      size_t from = b > 0 && inList(t.words[b - 1].lower, {"key", "main", "my", "core", "daily", "primary"}) ? b - 1 : b;
      WeakMatch m;
      m.head = from;
      m.end = o.first;
      m.kind = WeakKind::Duty;
      m.label = true;
      m.rangeBegin = t.words[from].begin;
      m.rangeEnd = t.words[b].end;
      m.written = std::string(t.text.substr(m.rangeBegin, m.rangeEnd - m.rangeBegin));
      return m;
    }
  }
  if (id < 0) return std::nullopt;
  WeakMatch m;
  m.head = o.head;
  m.end = o.head + count;
  m.kind = kind;
  size_t from = o.head;
  for (size_t d : o.dropped) from = std::min(from, d);
  m.rangeBegin = t.words[from].begin;
  m.rangeEnd = t.words[m.end - 1].end;
  m.written = std::string(t.text.substr(t.words[o.head].begin, m.rangeEnd - t.words[o.head].begin));
  return m;
}

std::vector<Rewrite> rewriteWeak(const Text& t, const Opening& o, const WeakMatch& m, Locale locale) {
  Engine e{t, o, m, locale, t.words.size(), t.words[std::min(o.first, m.head)].begin, {}, {}};
  for (size_t a : o.adverbs) e.adv += lowerFirst(t.at(a)) + " ";
  e.run();
  return std::move(e.out);
}

std::string applyTextEdits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  std::string out;
  uint32_t pos = 0;
  for (const TextEdit& e : edits) {
    if (e.begin < pos || e.end > text.size()) continue;
    out.append(text.substr(pos, e.begin - pos));
    out.append(e.text);
    pos = e.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace cvlint::wording
