// The keyword matcher (see matcher.hpp). Scanning walks the trie from every
// word start; characters are folded one code point at a time so offsets stay
// those of the original text, and optional characters ('.', '-', spaces) are
// skipped inside a name but never at its ends. Ambiguous names collected in
// the walk are kept only with context: a neighbouring skill in a list, a
// noun after them ("Go services", "C programming"), "in"/"using" before them.
#include "keywords/matcher.hpp"

#include <algorithm>
#include <cstring>

#include "core/memo.hpp"
#include "core/text.hpp"
#include "core/unicode.hpp"
#include "keywords/taxonomy.hpp"

namespace cvlint::kw {

namespace {

char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return toLower(c);
}

char32_t cpAt(std::string_view s, size_t i, int* len = nullptr) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    if (len) *len = 1;
    return b;
  }
  char32_t cp = 0;
  int n = decodeUtf8(s, i, cp);
  if (len) *len = n > 0 ? n : 1;
  return cp;
}

// The code point before byte i (0 when i is 0) and where it starts.
char32_t cpBefore(std::string_view s, size_t i, size_t* start = nullptr) {
  if (i == 0) return 0;
  size_t p = i - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  if (start) *start = p;
  return cpAt(s, p);
}

bool wordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return isWordChar(c);
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x202F; }

bool isApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// Lower-case ASCII word at [i, ...) after skipping spaces; stops at the first
// character that is not a letter, digit or '.' followed by a digit.
std::string wordAfter(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
  std::string w;
  while (i < s.size()) {
    char c = s[i];
    if (std::isalnum(static_cast<unsigned char>(c))) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    else if (c == '.' && !w.empty() && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) w.push_back('.');
    else break;
    ++i;
  }
  return w;
}

std::string wordBefore(std::string_view s, size_t i) {
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n')) --i;
  size_t e = i;
  while (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) --i;
  std::string w(s.substr(i, e - i));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

char prevNonSpace(std::string_view s, size_t i) {
  while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' || s[i - 1] == '*' || s[i - 1] == '_')) --i;
  return i == 0 ? 0 : s[i - 1];
}

bool isYear(const std::string& w) {
  return w.size() == 4 && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0) &&
         std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool isVersion(const std::string& w) {
  if (w.empty() || w.size() > 6 || isYear(w) || !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

bool inList(const std::string& w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words)
    if (w == x) return true;
  return false;
}

// Nouns that make an ambiguous name a skill: "Go services", "C programming".
bool contextNounAfter(const std::string& w) {
  return inList(w, {"language", "languages", "lang", "programming", "programmer", "programmers", "developer",
                    "developers", "development", "engineer", "engineers", "engineering", "code", "codebase",
                    "codebases", "service", "services", "microservice", "microservices", "backend", "apis", "api",
                    "modules", "module", "stack", "experience", "skills", "routines", "toolchain", "ecosystem",
                    "libraries", "library", "applications", "application", "app", "apps", "scripts", "scripting",
                    "tooling", "binaries", "runtime", "compiler", "concurrency", "goroutines", "generics",
                    "framework", "projects", "project", "sdk", "cli", "web", "server", "servers"}) ||
         isVersion(w);
}

// Words before an ambiguous name that make it a skill: "written in Go".
bool contextWordBefore(const std::string& w) {
  return inList(w, {"in", "using", "with", "of", "including", "like", "learning", "writing", "wrote", "written",
                    "knowledge", "proficient", "proficiency", "fluent", "expert", "experienced", "languages",
                    "language", "skills", "strong", "commercial", "production", "idiomatic", "modern"});
}

// Words after "Go" (and other verbs-as-names) that make it prose.
bool proseWordAfter(const std::string& w) {
  return inList(w, {"to", "live", "ahead", "getter", "beyond", "through", "back", "out", "up", "into", "above",
                    "further", "the", "a", "an", "extra", "over", "down", "off", "home"});
}

// True when only list punctuation or "and"/"or" separates [a, b) (with at
// least one separator): the two names are items of one list.
bool onlySeparators(std::string_view s, size_t a, size_t b) {
  if (b < a || b - a > 24) return false;
  bool sep = false;
  size_t i = a;
  while (i < b) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '*' || c == '`' || c == '_') { ++i; continue; }
    if (std::strchr(",/|;&()[]+:", c) && c != 0) { sep = true; ++i; continue; }
    if (c >= 0x80) {
      int len = 1;
      char32_t cp = cpAt(s, i, &len);
      if (cp == 0xB7 || cp == 0x2022 || cp == 0x2013 || cp == 0x2014 || cp == 0xA0) { sep = true; i += len; continue; }
      return false;
    }
    if (std::isalpha(c)) {
      size_t j = i;
      while (j < b && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      std::string w(s.substr(i, j - i));
      for (char& x : w) x = static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
      if (w != "and" && w != "or" && w != "plus") return false;
      sep = true;
      i = j;
      continue;
    }
    return false;
  }
  return sep;
}

constexpr uint8_t kAmbiguous = kNeedsContext | kListOnly;

}  // namespace

bool isSoftChar(char32_t c) {
  return c == '.' || c == '-' || c == '_' || isSpace(c) || c == 0x2010 || c == 0x2011 || c == 0x2013;
}

Lexicon::Lexicon() { nodes_.emplace_back(); }

std::string Lexicon::keyOf(std::string_view form) {
  std::string key;
  std::string folded = foldCase(form);
  size_t i = 0;
  bool first = true;
  while (i < folded.size()) {
    int len = 1;
    char32_t cp = cpAt(folded, i, &len);
    if (!(isSoftChar(cp) && !(first && cp == '.'))) encodeUtf8(fold(cp), key);
    first = false;
    i += static_cast<size_t>(len);
  }
  return key;
}

uint32_t Lexicon::child(uint32_t node, char32_t c) const {
  if (node == 0 && c < 128) return rootAscii_[c];
  for (const auto& [ch, idx] : nodes_[node].next)
    if (ch == c) return idx;
  return 0;
}

uint32_t Lexicon::insertKey(std::string_view form, uint32_t aliasId, uint8_t flags) {
  std::string key = keyOf(form);
  uint32_t node = 0;
  size_t i = 0;
  while (i < key.size()) {
    int len = 1;
    char32_t cp = cpAt(key, i, &len);
    i += static_cast<size_t>(len);
    uint32_t next = child(node, cp);
    if (!next) {
      next = static_cast<uint32_t>(nodes_.size());
      nodes_[node].next.emplace_back(cp, next);
      if (node == 0 && cp < 128) rootAscii_[cp] = next;
      nodes_.emplace_back();
    }
    node = next;
  }
  if (node == 0) return UINT32_MAX;
  for (const Terminal& t : nodes_[node].terms) {
    if (aliases_[t.alias].skill == aliases_[aliasId].skill) return t.alias;
    collisions_.emplace_back(t.alias, aliasId);
  }
  std::string exact;
  if (flags & (kCaseSensitive | kAmbiguous)) {
    size_t k = 0;
    bool first = true;
    while (k < form.size()) {
      int len = 1;
      char32_t cp = cpAt(form, k, &len);
      if (!(isSoftChar(cp) && !(first && cp == '.'))) exact.append(form.substr(k, static_cast<size_t>(len)));
      first = false;
      k += static_cast<size_t>(len);
    }
  }
  nodes_[node].terms.push_back({aliasId, std::move(exact)});
  return aliasId;
}

uint32_t Lexicon::add(uint32_t skill, std::string_view form, uint8_t flags) {
  auto id = static_cast<uint32_t>(aliases_.size());
  aliases_.push_back({skill, std::string(form), flags, keyOf(form)});
  uint32_t got = insertKey(form, id, flags);
  if (got != id) aliases_.pop_back();  // the key was already there for this skill
  return got == UINT32_MAX ? 0 : got;
}

uint32_t Lexicon::addSpec(uint32_t skill, std::string_view spec) {
  uint8_t flags = 0;
  while (!spec.empty() && std::strchr("!?%~", spec.front())) {
    switch (spec.front()) {
      case '!': flags |= kCaseSensitive; break;
      case '?': flags |= kNeedsContext | kCaseSensitive; break;
      case '%': flags |= kListOnly | kCaseSensitive; break;
      case '~': flags |= kRelated; break;
    }
    spec.remove_prefix(1);
  }
  bool plural = spec.size() > 3 && spec.substr(spec.size() - 3) == "(s)";
  if (plural) spec.remove_suffix(3);
  uint32_t id = add(skill, spec, flags);
  if (plural) insertKey(std::string(spec) + "s", id, flags);
  return id;
}

std::vector<Mention> Lexicon::scan(std::string_view text, Context context) const {
  if (!memoized_ || !memoizable(text)) return scanText(text, context);
  thread_local TextMemo<std::vector<Mention>> memo;
  thread_local std::string key;
  key.assign(1, static_cast<char>(context));
  key.append(text);
  return memo.get(key, [&] { return scanText(text, context); });
}

std::vector<Mention> Lexicon::scanText(std::string_view text, Context context) const {
  const bool listContext = context == Context::List;
  std::vector<Mention> cands;
  const size_t n = text.size();
  std::string consumed;
  for (size_t i = 0; i < n;) {
    int len = 1;
    char32_t cp = cpAt(text, i, &len);
    bool start = false;
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) < 0x80 && wordChar(cp) && wordChar(static_cast<unsigned char>(text[i - 1]))) {
      // Inside a word (the byte before is an ASCII letter or digit): no
      // mention starts here. The common case, decided without cpBefore.
    } else if (wordChar(cp)) {
      size_t pstart = 0;
      char32_t prev = cpBefore(text, i, &pstart);
      if (i == 0 || !wordChar(prev)) {
        start = true;
        if (prev == '+' || prev == '#' || prev == '@' || prev == '_') start = false;
        if (prev == '.' || prev == '-' || isApostrophe(prev)) {
          // "Node.js" has no mention at "js", "Objective-C" none at "C".
          if (wordChar(cpBefore(text, pstart))) start = false;
        }
      }
    } else if (cp == '.') {
      start = i + 1 < n && std::isalpha(static_cast<unsigned char>(text[i + 1]));
    }
    if (start) {
      uint32_t node = 0;
      size_t j = i;
      int softRun = 0;
      consumed.clear();
      while (j < n) {
        int l = 1;
        char32_t c = cpAt(text, j, &l);
        if (node != 0 && isSoftChar(c)) {
          if (++softRun > 2) break;
          j += static_cast<size_t>(l);
          continue;
        }
        uint32_t next = child(node, fold(c));
        if (!next) break;
        node = next;
        softRun = 0;
        consumed.append(text.substr(j, static_cast<size_t>(l)));
        j += static_cast<size_t>(l);
        if (nodes_[node].terms.empty()) continue;
        // End boundary: not inside a word, not before "++" / "#".
        char32_t after = j < n ? cpAt(text, j) : 0;
        if (wordChar(after) || after == '+' || after == '#') continue;
        for (const Terminal& t : nodes_[node].terms) {
          const AliasInfo& a = aliases_[t.alias];
          if (!t.exact.empty() && consumed != t.exact) continue;
          if ((a.flags & kAmbiguous) && j < n) {
            // "Go-getter", "C-suite": a hyphenated word is not the name.
            int al = 1;
            cpAt(text, j, &al);
            char32_t after2 = j + static_cast<size_t>(al) < n ? cpAt(text, j + static_cast<size_t>(al)) : 0;
            if (after == '-' && isLetter(after2)) continue;
            if (isApostrophe(after) && isLetter(after2) && after2 != 's') continue;
          }
          cands.push_back({a.skill, t.alias, static_cast<uint32_t>(i), static_cast<uint32_t>(j), a.flags});
        }
      }
    }
    i += static_cast<size_t>(len);
    // The rest of an ASCII word run holds no start (the byte before each is
    // a letter or digit): step over it in one go.
    if (wordChar(cp))
      while (i < n && static_cast<unsigned char>(text[i]) < 0x80 && wordChar(static_cast<unsigned char>(text[i]))) ++i;
  }
  if (cands.empty()) return cands;

  // Context for ambiguous names; repeated so "C, R and Go" chains resolve.
  std::vector<char> ok(cands.size());
  for (size_t k = 0; k < cands.size(); ++k) ok[k] = !(cands[k].flags & kAmbiguous) || listContext;
  for (size_t k = 0; k < cands.size(); ++k) {
    const Mention& m = cands[k];
    if (ok[k]) continue;
    std::string after = wordAfter(text, m.end);
    if (isYear(after) || ((m.flags & kNeedsContext) && proseWordAfter(after))) {
      ok[k] = 2;  // decided: prose ("Spring 2021", "Go to market")
      continue;
    }
    // Lenient: any name but clear prose, except the one-letter languages,
    // which still need "in R" or a neighbour ("Physics (C)" is a grade).
    const bool lenient = context == Context::Lenient;
    if (lenient && !(m.flags & kListOnly)) {
      ok[k] = 1;
      continue;
    }
    for (size_t o = 0; o < cands.size(); ++o)
      if (o != k && cands[o].begin == m.begin && cands[o].end > m.end && !(cands[o].flags & kAmbiguous)) ok[k] = 1;
    if (ok[k]) continue;
    // A name standing alone ("- Go" as a whole bullet) is listed, not prose.
    auto noWords = [&](size_t a, size_t b) {
      for (size_t x = a; x < b; ++x)
        if (std::isalnum(static_cast<unsigned char>(text[x])) || static_cast<unsigned char>(text[x]) >= 0x80) return false;
      return true;
    };
    if (noWords(0, m.begin) && noWords(m.end, text.size())) ok[k] = 1;
    else if (contextNounAfter(after)) ok[k] = 1;
    else if (((m.flags & kNeedsContext) || lenient) && (contextWordBefore(wordBefore(text, m.begin)) || prevNonSpace(text, m.begin) == ':'))
      ok[k] = 1;
  }
  for (int pass = 0; pass < 3; ++pass) {
    bool changed = false;
    for (size_t k = 0; k < cands.size(); ++k) {
      if (ok[k]) continue;
      const Mention& m = cands[k];
      for (size_t o = 0; o < cands.size() && !ok[k]; ++o) {
        if (o == k || ok[o] != 1) continue;
        const Mention& x = cands[o];
        if ((x.end <= m.begin && onlySeparators(text, x.end, m.begin)) ||
            (x.begin >= m.end && onlySeparators(text, m.end, x.begin)))
          ok[k] = 1, changed = true;
      }
    }
    if (!changed) break;
  }
  std::vector<Mention> out;
  out.reserve(cands.size());
  for (size_t k = 0; k < cands.size(); ++k)
    if (ok[k] == 1) out.push_back(cands[k]);
  std::stable_sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return out;
}

std::vector<Mention> longestMentions(const std::vector<Mention>& all) {
  std::vector<Mention> sorted = all;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Mention& a, const Mention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // A mention inside a longer one is dropped ("AWS" in "AWS Lambda"); two
  // that only overlap both stay ("streaming data" and "data pipelines" in
  // "streaming data pipelines").
  std::vector<Mention> out;
  for (const Mention& m : sorted) {
    bool inside = false;
    for (const Mention& k : out)
      if (k.begin <= m.begin && m.end <= k.end) inside = true;
    if (!inside) out.push_back(m);
  }
  return out;
}

namespace {

struct Built {
  Lexicon lex;
  std::vector<uint32_t> canonical;
};

const Built& built() {
  static const Built b = [] {
    Built r;
    auto table = skillTable();
    r.canonical.resize(table.size());
    for (uint32_t s = 0; s < table.size(); ++s) {
      std::string_view spec = table[s].aliases;
      bool first = true;
      std::string canonical;
      while (!spec.empty()) {
        size_t bar = spec.find('|');
        std::string_view one = spec.substr(0, bar);
        std::string_view name = one;
        while (!name.empty() && std::strchr("!?%~", name.front())) name.remove_prefix(1);
        // The canonical name plus words ("CI/CD pipelines", "Kafka Streams")
        // is a related form: present, never a rewrite of the shorter name.
        std::string folded = foldCase(name);
        bool longer = !first && folded.size() > canonical.size() + 1 && folded.compare(0, canonical.size(), canonical) == 0 &&
                      folded[canonical.size()] == ' ';
        uint32_t id = longer ? r.lex.addSpec(s, "~" + std::string(one)) : r.lex.addSpec(s, one);
        if (first) r.canonical[s] = id, canonical = folded;
        first = false;
        if (bar == std::string_view::npos) break;
        spec.remove_prefix(bar + 1);
      }
    }
    r.lex.freeze();
    return r;
  }();
  return b;
}

}  // namespace

const Lexicon& taxonomy() { return built().lex; }

uint32_t canonicalAlias(uint32_t skill) {
  const Built& b = built();
  return skill < b.canonical.size() ? b.canonical[skill] : 0;
}

int64_t Lexicon::lookup(std::string_view key) const {
  uint32_t node = 0;
  size_t i = 0;
  while (i < key.size()) {
    int len = 1;
    char32_t cp = cpAt(key, i, &len);
    i += static_cast<size_t>(len);
    node = child(node, cp);
    if (!node) return -1;
  }
  if (node == 0 || nodes_[node].terms.empty()) return -1;
  return nodes_[node].terms.front().alias;
}

int32_t findSkill(std::string_view name) {
  const Lexicon& lex = taxonomy();
  int64_t a = lex.lookup(Lexicon::keyOf(name));
  return a < 0 ? -1 : static_cast<int32_t>(lex.alias(static_cast<uint32_t>(a)).skill);
}

}  // namespace cvlint::kw
