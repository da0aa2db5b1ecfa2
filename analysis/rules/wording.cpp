// Shared wording machinery; see wording.hpp.
#include "rules/wording.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "core/caches.hpp"
#include "core/text.hpp"
#include "core/unicode.hpp"
#include "rules/verbs.hpp"

namespace cvlint::wording {

namespace {

char32_t cpAt(std::string_view s, size_t i, int* len = nullptr) {
  char32_t cp = 0;
  int n = decodeUtf8(s, i, cp);
  if (len) *len = n < 1 ? 1 : n;
  return cp;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// A whitespace-separated run that reads as a URL, e-mail address or path.
bool urlLike(std::string_view chunk) {
  if (contains(chunk, "://") || chunk.rfind("www.", 0) == 0) return true;
  size_t at = chunk.find('@');
  if (at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos) return true;
  static constexpr std::string_view kTlds[] = {".com", ".io", ".org", ".net", ".dev", ".co.uk", ".ac.uk", ".ai", ".app", ".me"};
  for (std::string_view t : kTlds) {
    size_t p = chunk.find(t);
    if (p != std::string_view::npos && p > 0) {
      size_t q = p + t.size();
      if (q == chunk.size() || chunk[q] == '/' || chunk[q] == ')' || chunk[q] == ',' || chunk[q] == '.') return true;
    }
  }
  size_t slash = chunk.find('/');
  return slash != std::string_view::npos && slash > 0 && chunk.find('.') < slash && chunk.size() > slash + 1;
}

bool isApostrophe(std::string_view s, size_t i, int* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (s.substr(i, 3) == "\xE2\x80\x99") {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

static std::vector<Word> tokenizeText(std::string_view s) {
  std::vector<Word> out;
  // URL-like runs first, so words inside them can be flagged.
  std::vector<std::pair<size_t, size_t>> urls;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && isSpace(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !isSpace(s[i])) ++i;
    if (i > b && urlLike(s.substr(b, i - b))) urls.push_back({b, i});
  }
  size_t u = 0;
  for (size_t i = 0; i < s.size();) {
    int n = 1;
    char32_t cp = cpAt(s, i, &n);
    if (!isWordChar(cp)) {
      i += n;
      continue;
    }
    size_t b = i;
    i += n;
    while (i < s.size()) {
      int m = 1;
      char32_t c = cpAt(s, i, &m);
      if (isWordChar(c)) {
        i += m;
        continue;
      }
      // Inner apostrophe or hyphen followed by a word character.
      int al = 0;
      bool joiner = isApostrophe(s, i, &al) || (s[i] == '-' && (al = 1));
      if (joiner && i + al < s.size() && isWordChar(cpAt(s, i + al))) {
        i += al;
        continue;
      }
      break;
    }
    Word w;
    w.begin = static_cast<uint32_t>(b);
    w.end = static_cast<uint32_t>(i);
    std::string_view rawView = s.substr(b, i - b);
    bool ascii = true;
    for (char c : rawView)
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii) {
      w.lower = asciiLower(rawView);  // what foldCase does with ASCII
    } else {
      std::string raw(rawView);
      // Curly apostrophes fold to straight ones.
      for (size_t p; (p = raw.find("\xE2\x80\x99")) != std::string::npos;) raw.replace(p, 3, "'");
      w.lower = foldCase(raw);
    }
    int letters = 0, uppers = 0;
    for (size_t k = b; k < i;) {
      int m = 1;
      char32_t c = cpAt(s, k, &m);
      if (isLetter(c)) {
        if (letters == 0) w.upperInitial = isUpper(c);
        ++letters;
        if (isUpper(c)) ++uppers;
      } else if (c >= '0' && c <= '9') {
        w.hasDigit = true;
      }
      k += m;
    }
    w.allUpper = letters >= 2 && uppers == letters;
    while (u < urls.size() && urls[u].second <= b) ++u;
    w.inUrl = u < urls.size() && urls[u].first <= b && b < urls[u].second;
    out.push_back(std::move(w));
  }
  return out;
}

// Every wording rule tokenizes the same bullets, so the words of recent texts
// are kept per thread, keyed by the text itself (a pure function of it: the
// answer is the same as tokenizing again). Bounded: the cache is dropped when
// it holds more than 256 KB of text, or, while a larger document is analysed
// (TokenCacheScope), its size and a quarter: a cache smaller than the document
// was emptied again and again as each rule walked the bullets in order, so
// every rule tokenized every bullet afresh (100k bullets cost twice as much
// per bullet as 10k). Memory stays linear in the document's size and drops
// back to the 256 KB bound when the analysis ends.
namespace {
struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
};
constexpr size_t kTokenCacheBytes = 256u << 10;
struct TokenCache {
  std::unordered_map<std::string, std::shared_ptr<const std::vector<Word>>, SvHash, std::equal_to<>> words;
  size_t bytes = 0;
  size_t limit = kTokenCacheBytes;
  uint64_t generation = 0;
};
// This thread's cache, emptied first when clearEngineCaches() was called
// since it was filled.
TokenCache& tokenCache() {
  thread_local TokenCache cache;
  if (cache.generation != cacheGeneration()) {
    cache.words.clear();
    cache.bytes = 0;
    cache.generation = cacheGeneration();
  }
  return cache;
}
}  // namespace

void syncTokenCache() { tokenCache(); }

void TokenCacheScope::grow(size_t documentBytes) {
  TokenCache& cache = tokenCache();
  cache.limit = std::max(kTokenCacheBytes, documentBytes + documentBytes / 4);
}

TokenCacheScope::~TokenCacheScope() {
  TokenCache& cache = tokenCache();
  cache.limit = kTokenCacheBytes;
  if (cache.bytes > cache.limit) {
    cache.words.clear();
    cache.bytes = 0;
  }
}

std::shared_ptr<const std::vector<Word>> tokenizeShared(std::string_view s) {
  if (s.size() > 4096) return std::make_shared<const std::vector<Word>>(tokenizeText(s));
  TokenCache& cache = tokenCache();
  auto it = cache.words.find(s);
  if (it != cache.words.end()) return it->second;
  auto out = std::make_shared<const std::vector<Word>>(tokenizeText(s));
  if (cache.bytes > cache.limit) {
    cache.words.clear();
    cache.bytes = 0;
  }
  cache.bytes += s.size();
  cache.words.emplace(std::string(s), out);
  return out;
}

std::vector<Word> tokenize(std::string_view s) { return *tokenizeShared(s); }

std::string_view Text::gapAfter(size_t i) const {
  size_t b = words[i].end;
  size_t e = i + 1 < words.size() ? words[i + 1].begin : text.size();
  return text.substr(b, e - b);
}

bool isLeadingAdverb(std::string_view w) {
  static constexpr std::string_view kAdverbs[] = {"successfully", "actively", "effectively", "primarily", "mainly", "also",
                                   "directly", "closely", "jointly", "personally", "independently", "proactively",
                                   "collaboratively", "heavily", "extensively", "regularly", "consistently",
                                   "partially", "partly", "largely", "fully", "solely", "then", "later",
                                   "subsequently", "initially", "frequently", "often", "additionally",
                                   "continuously", "routinely", "occasionally", "briefly", "formally"};
  for (std::string_view a : kAdverbs)
    if (w == a) return true;
  static constexpr std::string_view kNotAdverbs[] = {"monthly", "quarterly", "friendly", "assembly", "anomaly", "butterfly",
                                      "italy", "family", "supply", "apply", "reply", "weekly", "yearly",
                                      "daily", "early", "likely", "only", "holy", "july", "rely", "ally",
                                      "poly", "bully", "jelly", "belly", "hourly", "costly", "timely",
                                      "orderly", "elderly", "lovely", "lonely", "ugly", "silly", "fly"};
  if (w.size() < 7 || w.substr(w.size() - 2) != "ly") return false;
  for (std::string_view a : kNotAdverbs)
    if (w == a) return false;
  return true;
}

Opening openingOf(const CvDocument& doc, const Block& b, const Text& t) {
  uint32_t labelEnd = 0;
  if (doc.format == Format::Latex && b.kind == BlockKind::Bullet) {
    std::string_view src = doc.source(b.file).view();
    for (const Segment& s : b.prose.segments) {
      if (s.textBegin > 80) break;
      if (!s.verbatim && s.srcEnd == s.srcBegin + 1 && s.srcBegin < src.size() && src[s.srcBegin] == ']') {
        labelEnd = s.textEnd;
        break;
      }
    }
  }
  return opening(t, labelEnd);
}

Opening opening(const Text& t, uint32_t labelEnd) {
  Opening o;
  const auto& w = t.words;
  if (w.empty()) return o;
  // Leading decoration (emoji, icon-font glyphs, bullets) is not part of the
  // opening, even when glued to a letter ("é🚀 Responsible for").
  size_t start = 0;
  while (start + 1 < w.size() && start < 2) {
    size_t b = w[start].begin, e = w[start].begin;
    while (b > 0 && !isSpace(t.text[b - 1])) --b;
    while (e < t.text.size() && !isSpace(t.text[e])) ++e;
    bool decorated = false;
    for (size_t k = b; k < e;) {
      int n = 1;
      char32_t cp = cpAt(t.text, k, &n);
      if ((cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
          cp == 0xFE0F || cp == 0x2022)
        decorated = true;
      k += static_cast<size_t>(n);
    }
    if (!decorated || w[start + 1].begin < e) break;
    ++start;
  }
  // A label before the opening: "Payments: Responsible for ...",
  // "Instructor (2003 – 2005): Taught ...", "Full-stack developer - Wrote ...".
  // A label is a few words of a name, not a clause: it has no verb first and
  // no function words.
  static constexpr std::string_view kFunction[] = {"for", "with", "on", "in", "of", "to", "the", "a", "an", "and", "by", "from", "at"};
  bool simple = true;
  for (size_t i = start; i + 1 < w.size() && i < start + 6 && simple; ++i) {
    for (std::string_view f : kFunction)
      if (w[i].lower == f) simple = false;
    if (i == start && lexicon::looksLikeVerb(w[i].lower)) simple = false;
    if (!simple) break;
    std::string_view gap = t.gapAfter(i);
    bool colon = gap.find(':') != std::string_view::npos && gap.back() == ' ';
    bool dash = gap == " - " || gap == " \xE2\x80\x93 " || gap == " \xE2\x80\x94 " || gap == "): " || gap == ") - ";
    if (colon || (dash && i > start)) {
      start = i + 1;
      o.labelled = true;
      break;
    }
    if (gap.find_first_of(".;!?") != std::string_view::npos) break;  // a sentence ends the label window
  }
  if (labelEnd > 0) {
    size_t k = 0;
    while (k < w.size() && w[k].begin < labelEnd) ++k;
    if (k > 0 && k + 1 < w.size()) {
      start = k;
      o.labelled = true;
    }
  }
  o.first = start;
  size_t h = start;
  for (int n = 0; n < 4 && h + 1 < w.size(); ++n) {
    std::string_view raw = t.at(h);
    const std::string& l = w[h].lower;
    if (raw == "I" || l == "was" || l == "were") {
      o.dropped.push_back(h++);
    } else if (isLeadingAdverb(l) && t.gapAfter(h) == " ") {
      o.adverbs.push_back(h++);
    } else {
      break;
    }
  }
  o.head = h;
  o.valid = true;
  return o;
}

void PhraseTrie::add(std::string_view phrase, int id) {
  std::vector<Word> ws = tokenize(phrase);
  if (!ws.empty() && !ws[0].lower.empty()) {
    const std::string& w = ws[0].lower;
    rootLengths_[static_cast<unsigned char>(w[0]) & 63] |= 1u << std::min<size_t>(w.size(), 31);
  }
  size_t node = 0;
  for (const Word& w : ws) {
    size_t next = 0;
    if (auto it = nodes_[node].next.find(w.lower); it != nodes_[node].next.end()) next = static_cast<size_t>(it->second);
    if (next == 0) {
      nodes_.push_back({});
      next = nodes_.size() - 1;
      nodes_[node].next.emplace(w.lower, static_cast<int>(next));
    }
    node = next;
  }
  if (node != 0 && nodes_[node].id < 0) nodes_[node].id = id;
}

std::pair<int, size_t> PhraseTrie::longestAt(const std::vector<Word>& words, size_t i) const {
  std::pair<int, size_t> best{-1, 0};
  if (i < words.size()) {
    const std::string& w = words[i].lower;
    if (w.empty() || !(rootLengths_[static_cast<unsigned char>(w[0]) & 63] >> std::min<size_t>(w.size(), 31) & 1u))
      return best;
  }
  size_t node = 0;
  for (size_t k = i; k < words.size(); ++k) {
    const auto& next = nodes_[node].next;
    auto it = next.find(words[k].lower);
    if (it == next.end()) break;
    node = static_cast<size_t>(it->second);
    if (nodes_[node].id >= 0) best = {nodes_[node].id, k - i + 1};
  }
  return best;
}

namespace {
std::string mapFirst(std::string_view s, bool upper) {
  if (s.empty()) return {};
  int n = 1;
  char32_t cp = cpAt(s, 0, &n);
  if (!isLetter(cp)) return std::string(s);
  std::string out;
  encodeUtf8(upper ? toUpper(cp) : toLower(cp), out);
  out.append(s.substr(static_cast<size_t>(n)));
  return out;
}
}  // namespace

std::string capitaliseFirst(std::string_view s) { return mapFirst(s, true); }
std::string lowerFirst(std::string_view s) { return mapFirst(s, false); }

std::string matchCase(std::string_view replacement, std::string_view original) {
  for (size_t i = 0; i < original.size();) {
    int n = 1;
    char32_t cp = cpAt(original, i, &n);
    if (isLetter(cp)) return isUpper(cp) ? capitaliseFirst(replacement) : lowerFirst(replacement);
    i += n;
  }
  return std::string(replacement);
}

bool reportable(const Block& b, uint32_t textBegin, uint32_t textEnd) {
  return !b.prose.overlapsCode(textBegin, textEnd);
}

bool isAchievementBullet(const CvDocument& doc, const Block& b) {
  if (b.kind != BlockKind::Bullet) return false;
  bool anyHeading = false;
  for (const Section& s : doc.sections)
    if (s.kind != SectionKind::Header) {
      anyHeading = true;
      break;
    }
  if (b.section < 0 || static_cast<size_t>(b.section) >= doc.sections.size()) return !anyHeading;
  switch (doc.sections[b.section].kind) {
    case SectionKind::Experience:
    case SectionKind::Projects: return true;
    case SectionKind::Header: return !anyHeading || b.entry >= 0;
    case SectionKind::Other: return b.entry >= 0;
    default: return false;
  }
}

bool isAchievementText(const CvDocument& doc, const Block& b) {
  if (b.kind == BlockKind::Bullet) return isAchievementBullet(doc, b);
  if (b.kind != BlockKind::Paragraph || b.section < 0 || static_cast<size_t>(b.section) >= doc.sections.size())
    return false;
  SectionKind k = doc.sections[b.section].kind;
  return k == SectionKind::Experience || k == SectionKind::Projects;
}

TextEdit minimise(std::string_view prose, TextEdit e) {
  std::string_view old = prose.substr(e.begin, e.end - e.begin);
  size_t pre = 0;
  while (pre < old.size() && pre < e.text.size() && old[pre] == e.text[pre]) ++pre;
  while (pre > 0 && pre < old.size() && (static_cast<unsigned char>(old[pre]) & 0xC0) == 0x80) --pre;
  size_t suf = 0;
  while (suf < old.size() - pre && suf < e.text.size() - pre &&
         old[old.size() - 1 - suf] == e.text[e.text.size() - 1 - suf])
    ++suf;
  while (suf > 0 && (static_cast<unsigned char>(old[old.size() - suf]) & 0xC0) == 0x80) --suf;
  TextEdit r;
  r.begin = e.begin + static_cast<uint32_t>(pre);
  r.end = e.end - static_cast<uint32_t>(suf);
  r.text = e.text.substr(pre, e.text.size() - pre - suf);
  return r;
}

std::string escapeFor(const CvDocument& doc, std::string_view s) {
  std::string out;
  if (doc.format != Format::Latex) {
    for (char c : s) {
      if (c == '<') out.push_back('\\');
      out.push_back(c);
    }
    return out;
  }
  bool angleGlyphs = false;
  for (const std::string& p : doc.latex.packages)
    if (p == "fontspec") angleGlyphs = true;
  if (auto it = doc.latex.packageOptions.find("fontenc"); it != doc.latex.packageOptions.end() &&
                                                          it->second.find("T1") != std::string::npos)
    angleGlyphs = true;
  for (char c : s) {
    if (!angleGlyphs && c == '<') out += "\\textless{}";
    else if (!angleGlyphs && c == '>') out += "\\textgreater{}";
    else {
      if (c == '%' || c == '&' || c == '#' || c == '_' || c == '$') out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

bool toSourceEdits(const CvDocument& doc, const Block& b, const std::vector<TextEdit>& in, std::vector<Edit>& out) {
  const Prose& p = b.prose;
  const std::vector<Segment>& segs = p.segments;
  if (segs.empty()) return false;
  std::string_view src = doc.source(b.file).view();
  std::vector<Edit> made;
  for (const TextEdit& e : in) {
    std::string text = escapeFor(doc, e.text);
    if (e.end < e.begin || e.end > p.text.size()) return false;
    if (e.begin == e.end) {
      // An insertion goes before the segment starting here, or inside a
      // verbatim one; never inside a synthetic one.
      auto it = std::find_if(segs.begin(), segs.end(), [&](const Segment& s) { return e.begin < s.textEnd; });
      if (it != segs.end() && !it->verbatim && e.begin != it->textBegin) return false;
      uint32_t at = it == segs.end() ? segs.back().srcEnd : p.toSource(e.begin);
      made.push_back({b.file, {at, at}, text});
      continue;
    }
    if (p.overlapsCode(e.begin, e.end)) return false;
    if (p.isVerbatim(e.begin, e.end)) {
      made.push_back({b.file, p.toSource(e.begin, e.end), text});
      continue;
    }
    // Split across segments.
    bool first = true;
    for (size_t k = 0; k < segs.size(); ++k) {
      const Segment& s = segs[k];
      uint32_t tb = std::max(e.begin, s.textBegin), te = std::min(e.end, s.textEnd);
      if (tb >= te) continue;
      bool whole = tb == s.textBegin && te == s.textEnd;
      if (!s.verbatim) {
        if (first || !whole || s.code) return false;
        for (uint32_t q = s.srcBegin; q < s.srcEnd && q < src.size(); ++q)
          if (!isSpace(src[q]) && src[q] != '~') return false;
        for (char c : p.text.substr(s.textBegin, s.textEnd - s.textBegin))
          if (c != ' ') return false;
        made.push_back({b.file, {s.srcBegin, s.srcEnd}, ""});
        continue;
      }
      std::string piece = first ? text : std::string();
      bool gapBefore = k > 0 && segs[k - 1].srcEnd != s.srcBegin;
      bool gapAfter = k + 1 < segs.size() && segs[k + 1].srcBegin != s.srcEnd;
      if (whole && piece.empty() && gapBefore && gapAfter) return false;  // would leave empty markup
      uint32_t sb = s.srcBegin + (tb - s.textBegin), se = s.srcBegin + (te - s.textBegin);
      made.push_back({b.file, {sb, se}, piece});
      first = false;
    }
    if (first) return false;
  }
  out.insert(out.end(), made.begin(), made.end());
  return true;
}

Finding makeFinding(const Block& b, uint32_t textBegin, uint32_t textEnd, std::string message) {
  Finding f;
  f.file = b.file;
  f.range = b.prose.toSource(textBegin, textEnd);
  f.message = std::move(message);
  return f;
}

bool addFix(const CvDocument& doc, const Block& b, Finding& f, std::string title, std::vector<TextEdit> edits,
            bool preferred, bool safe) {
  for (TextEdit& e : edits) e = minimise(b.prose.text, std::move(e));
  std::vector<Edit> src;
  if (!toSourceEdits(doc, b, edits, src)) return false;
  Fix fx;
  fx.title = std::move(title);
  fx.edits = std::move(src);
  fx.preferred = preferred && std::none_of(f.fixes.begin(), f.fixes.end(), [](const Fix& x) { return x.preferred; });
  fx.safe = safe;
  f.fixes.push_back(std::move(fx));
  return true;
}

bool allowedByConfig(const Config& cfg, std::string_view lowerText) {
  for (const std::string& a : cfg.allowWords) {
    std::string fa = foldCase(a);
    if (fa.empty() || lowerText.size() < fa.size() || lowerText.compare(0, fa.size(), fa) != 0) continue;
    if (lowerText.size() == fa.size() || !isWordChar(cpAt(lowerText, fa.size()))) return true;
  }
  return false;
}

bool allowedAt(const Config& cfg, std::string_view text, size_t begin) {
  if (cfg.allowWords.empty() || begin >= text.size()) return false;
  size_t n = 0;
  for (const std::string& a : cfg.allowWords) n = std::max(n, a.size());
  size_t end = std::min(text.size(), begin + 2 * n + 8);
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return allowedByConfig(cfg, foldCase(text.substr(begin, end - begin)));
}

std::string rewriteTitle(std::string_view prose, const std::vector<TextEdit>& edits) {
  if (edits.empty()) return "Rewrite";
  std::string out;
  uint32_t pos = edits.front().begin;
  for (const TextEdit& e : edits) {
    if (e.begin < pos) continue;
    out.append(prose.substr(pos, e.begin - pos));
    out.append(e.text);
    pos = e.end;
  }
  out.append(prose.substr(pos));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  // At most about 60 characters, cut at a word boundary.
  if (out.size() > 64) {
    size_t cut = out.rfind(' ', 60);
    if (cut == std::string::npos || cut < 20) {
      cut = 60;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    }
    out = out.substr(0, cut) + "\xE2\x80\xA6";
  }
  return "Rewrite as \"" + out + "\"";
}

}  // namespace cvlint::wording

namespace cvlint::wording {

bool isChangeVerb(std::string_view lower) {
  const lexicon::Verb* v = lexicon::byAnyForm(lower);
  if (v) return v->group == "reduce" || v->group == "increase" || v->group == "improve" || v->base == "accelerate";
  return lower == "sped" || lower == "shortened" || lower == "shrank" || lower == "trimmed";
}

uint32_t objectEnd(const Text& t, size_t verb) {
  static constexpr std::string_view kStops[] = {"using", "with", "through", "via", "by", "across", "for", "from", "when", "while",
                                 "after", "before", "during", "thanks", "which", "that", "and", "to", "in", "on",
                                 "at", "so", "as", "because", "leading", "resulting", "saving", "enabling", "without"};
  const auto& w = t.words;
  size_t last = verb;
  for (size_t j = verb + 1; j < w.size(); ++j) {
    if (w[j].inUrl) break;
    bool stop = false;
    for (std::string_view s : kStops)
      if (w[j].lower == s) stop = true;
    if (stop && j > verb + 1) break;
    std::string_view gap = t.gapAfter(j - 1);
    if (j > verb + 1 && gap.find_first_of(",;:()[]") != std::string_view::npos) break;
    if (gap.find("\xE2\x80\x94") != std::string_view::npos || gap.find("\xE2\x80\x93") != std::string_view::npos) break;
    last = j;
  }
  return w[last].end;
}

bool isWordingBlock(const CvDocument& doc, const Block& b) {
  if (b.kind != BlockKind::Bullet && b.kind != BlockKind::Paragraph) return false;
  if (b.section >= 0 && static_cast<size_t>(b.section) < doc.sections.size() &&
      doc.sections[b.section].kind == SectionKind::Skills)
    return false;
  return true;
}

}  // namespace cvlint::wording
