// The measurement classifier behind `unquantified`: does a bullet name a
// number that measures something (40%, £2m, $40k, 12 services, 200k users, a
// team of five, 3x, p99 120 ms, 4 hours, 10k req/s)? Numbers that are not
// measurements — years and date ranges (2019–2021), versions (Python 3,
// Java 17, HTTP/2, OAuth 2.0, Vue 2 to Vue 3), standards and product names
// (ISO 27001, S3, Microsoft 365, P1) — do not count.
//
// It reads whitespace-separated chunks of prose; within each, every digit run
// is classified by what is glued to it (prefix letters: a name; a suffix %, k,
// ms, x: a measurement) and, for a bare number, by the word before it (a
// capitalised name that does not open the sentence is a product: "Java 17").
#include <array>
#include <cstring>

#include "core/memo.hpp"
#include "core/text.hpp"
#include "core/unicode.hpp"
#include "rules/wording.hpp"

namespace cvlint::wording {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}


// Units and magnitudes glued to a number: 200k, 2m, 1.5bn, 120ms, 4h, 10GB.
bool isUnitSuffix(std::string_view l) {
  return inList(l, {"k", "m", "bn", "b", "mn", "mil", "ms", "s", "sec", "secs", "h", "hr", "hrs", "min", "mins",
                    "d", "wk", "wks", "gb", "tb", "mb", "kb", "pb", "gbps", "mbps", "tbps", "kbps", "rps", "qps",
                    "tps", "fps", "hz", "khz", "mhz", "ghz", "kg", "km", "x", "pc", "pp", "bps", "ns", "us", "µs",
                    "kloc", "loc", "gw", "mw", "kw", "kwh", "mwh", "t", "tn"});
}

// Words before a bare number that make it a label, not a measurement.
bool isLabelWord(std::string_view l) {
  return inList(l, {"version", "v", "ver", "release", "level", "tier", "phase", "stage", "step", "grade", "year",
                    "sprint", "gen", "generation", "series", "part", "chapter", "section", "module", "unit", "room",
                    "floor", "page", "issue", "rfc", "iso", "iec", "bs", "en", "nist", "pci", "soc", "sil", "p",
                    "priority", "sev", "severity", "no", "no.", "number", "route", "zone", "key", "stage", "band",
                    "python", "java", "php", "node", "vue", "angular", "ios", "android", "windows", "office",
                    "microsoft", "dynamics", "ubuntu", "debian", "rhel", "macos", "net", ".net", "es", "ecmascript",
                    "c++", "html", "css", "oauth", "http", "ipv", "web", "industry", "openapi", "swagger", "jdk",
                    "spring", "django", "rails", "react", "postgres", "postgresql", "mysql", "redis", "kafka",
                    "elasticsearch", "terraform", "ruby", "perl", "scala", "kotlin", "swift", "go", "rust"});
}

bool isCountNoun(std::string_view l) {
  return inList(l, {"users", "customers", "clients", "requests", "people", "employees", "members", "transactions",
                    "downloads", "stars", "visitors", "orders", "devices", "servers", "students", "staff"});
}

constexpr std::string_view kSpelledCounts[] = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "billions", "dozen", "dozens",
    "halved", "doubled", "tripled", "trebled", "quadrupled", "twofold", "threefold", "fourfold",
    "fivefold", "tenfold", "percent"};

// Asked for every word of every achievement bullet and almost always false:
// a filter on (first letter, length) turns most words away unread.
bool isSpelledCount(std::string_view l) {
  static const auto mask = [] {
    std::array<uint32_t, 26> m{};
    for (std::string_view w : kSpelledCounts) m[w[0] - 'a'] |= 1u << w.size();
    return m;
  }();
  if (l.size() > 31 || l.empty() || l[0] < 'a' || l[0] > 'z' || !(mask[l[0] - 'a'] >> l.size() & 1u)) return false;
  for (std::string_view w : kSpelledCounts)
    if (l == w) return true;
  return false;
}

bool endsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// Opening punctuation at i: ( [ { " ' ~ < > and “ ‘ ≈. No two share a
// first byte sequence, so a dispatch on the byte is the same test as trying
// each in turn.
bool isOpenPunct(std::string_view s, size_t i, size_t* n) {
  if (i >= s.size()) return false;
  switch (s[i]) {
    case '(': case '[': case '{': case '"': case '\'': case '~': case '<': case '>': *n = 1; return true;
    case '\xE2':
      if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0 ||
          s.compare(i, 3, "\xE2\x89\x88") == 0) {
        *n = 3;
        return true;
      }
      return false;
    default: return false;
  }
}

// Strips brackets, quotes and sentence punctuation around a chunk
// (closing: . , ; : ) ] } ! ? " ' and ” ’, any number of them).
std::string_view core(std::string_view c) {
  size_t n = 0;
  while (!c.empty() && isOpenPunct(c, 0, &n)) c.remove_prefix(n);
  while (!c.empty()) {
    switch (c.back()) {
      case '.': case ',': case ';': case ':': case ')': case ']': case '}': case '!': case '?': case '"': case '\'':
        c.remove_suffix(1);
        continue;
      default: break;
    }
    if (endsWith(c, "\xE2\x80\x9D") || endsWith(c, "\xE2\x80\x99")) {
      c.remove_suffix(3);
      continue;
    }
    break;
  }
  return c;
}

bool isYear(std::string_view num) {
  if (num.size() != 4) return false;
  int y = 0;  // the leading digits, as std::stoi reads them (num starts with a digit)
  for (char c : num) {
    if (!isDigit(c)) break;
    y = y * 10 + (c - '0');
  }
  return y >= 1950 && y <= 2039;
}

struct Chunk {
  std::string_view raw;
  std::string_view core;
  bool sentenceStart = false;
};

// One number inside a chunk's core starting at i; sets j past it.
bool numberMeasures(const std::vector<Chunk>& chunks, size_t ci, size_t i, size_t& j) {
  std::string_view c = chunks[ci].core;
  j = i;
  int dots = 0;
  while (j < c.size()) {
    if (isDigit(c[j])) ++j;
    else if ((c[j] == '.' || c[j] == ',') && j + 1 < c.size() && isDigit(c[j + 1])) {
      if (c[j] == '.') ++dots;
      ++j;
    } else break;
  }
  std::string_view num = c.substr(i, j - i), prefix = c.substr(0, i), suffix = c.substr(j);
  // Money: a currency sign or code right before the number.
  for (const char* cur : {"\xC2\xA3", "$", "\xE2\x82\xAC", "\xC2\xA5", "\xE2\x82\xB9"})
    if (endsWith(prefix, cur)) return true;
  std::string lp = lowerAscii(prefix);
  if (lp == "x" || prefix == "\xC3\x97") return true;  // x3, ×10
  if (endsWith(lp, "usd") || endsWith(lp, "gbp") || endsWith(lp, "eur")) return true;
  for (char ch : prefix)
    if (isAsciiLetter(ch) || ch == '/' || ch == '#' || ch == '+' || ch == '_' || isDigit(ch) || ch == '.' ||
        static_cast<unsigned char>(ch) >= 0x80)
      return false;  // S3, EC2, p99, HTTP/2, C++17, 2019–2021's second year, a glued name
  if (dots >= 2) return false;  // 1.2.3
  if (!suffix.empty() && suffix[0] == '%') return true;
  if (suffix.rfind("\\%", 0) == 0 || suffix.rfind("\xC3\x97", 0) == 0 || suffix.rfind("\\times", 0) == 0) return true;
  std::string ls = lowerAscii(suffix);
  if (!ls.empty() && ls.back() == '+') ls.pop_back();
  if (isUnitSuffix(ls)) return true;
  if (!ls.empty()) {
    bool dash = ls[0] == '-' || ls.rfind("\xE2\x80\x93", 0) == 0 || ls.rfind("\xE2\x80\x94", 0) == 0;
    size_t skip = ls[0] == '-' ? 1 : dash ? 3 : 0;
    if (dash && skip < ls.size() && isAsciiLetter(ls[skip])) {
      std::string rest = ls.substr(skip);
      if (isYear(num) || rest == "present" || rest == "now" || rest == "current" || rest == "date") return false;
      return true;  // 5-person team, 3-month project, 10-fold
    }
    if (dash && skip < ls.size() && isDigit(ls[skip])) {
      if (isYear(num)) return false;  // 2019-2021, 2019-21
      // A range of counts (2-3x, 10-15 services) measures; the second number decides the unit.
    } else {
      return false;  // 3D, 2FA, 5G, 1st, 24/7, 1:1
    }
  }
  if (isYear(num)) {
    if (ci + 1 < chunks.size() && isCountNoun(lowerAscii(core(chunks[ci + 1].raw)))) return true;
    return false;
  }
  // A bare number: the word before decides (Java 17, Level 3, Microsoft 365).
  if (i == 0 && ci > 0) {
    std::string_view prev = chunks[ci - 1].core;
    std::string lprev = lowerAscii(prev);
    if (isLabelWord(lprev)) return false;
    char32_t first = 0;
    if (!prev.empty()) decodeUtf8(prev, 0, first);
    bool prevIsName = !prev.empty() && !endsWith(chunks[ci - 1].raw, ",") && !endsWith(chunks[ci - 1].raw, ";") &&
                      isUpper(first);
    if (prevIsName && !chunks[ci - 1].sentenceStart) return false;
  }
  return true;
}

}  // namespace

bool mentionsYear(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!isDigit(text[i]) || (i > 0 && (isDigit(text[i - 1]) || isAsciiLetter(text[i - 1])))) continue;
    size_t j = i;
    while (j < text.size() && isDigit(text[j])) ++j;
    if (j - i == 4 && isYear(text.substr(i, 4)) && (j == text.size() || !isAsciiLetter(text[j]))) return true;
    i = j;
  }
  return false;
}

namespace {

bool measures(std::string_view text) {
  if (text.find("<N>") != std::string_view::npos) return true;  // a placeholder waiting to be filled in
  std::vector<Chunk> chunks;
  chunks.reserve(text.size() / 6 + 1);
  bool start = true;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    if (i == b) break;
    Chunk c;
    c.raw = text.substr(b, i - b);
    c.core = core(c.raw);
    c.sentenceStart = start;
    char last = c.raw.back();
    start = last == '.' || last == ';' || last == ':' || last == '!' || last == '?' || c.raw == "\xE2\x80\x93" ||
            c.raw == "-" || c.raw == "\xE2\x80\x94" || c.raw == "|";
    chunks.push_back(c);
  }
  for (size_t ci = 0; ci < chunks.size(); ++ci) {
    const Chunk& c = chunks[ci];
    std::string_view raw = c.raw;
    if (raw.find("://") != std::string_view::npos || raw.rfind("www.", 0) == 0 || raw.find('@') != std::string_view::npos)
      continue;
    std::string_view s = c.core;
    for (size_t i = 0; i < s.size();) {
      if (!isDigit(s[i]) || (i > 0 && (isDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))) {
        ++i;
        continue;
      }
      size_t j = i;
      if (numberMeasures(chunks, ci, i, j)) return true;
      i = j > i ? j : i + 1;
    }
  }
  auto shared = tokenizeShared(text);
  const std::vector<Word>& words = *shared;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.inUrl) continue;
    if (isSpelledCount(w.lower)) return true;
    if (w.lower == "half" && i > 0 && (words[i - 1].lower == "in" || words[i - 1].lower == "by")) return true;
  }
  return false;
}

}  // namespace

// A pure function of the text, asked of every bullet at every keystroke:
// remembered per thread (core/memo.hpp).
bool hasMeasurement(std::string_view text) {
  if (!memoizable(text)) return measures(text);
  thread_local TextMemo<bool> memo;
  return memo.get(text, [&] { return measures(text); });
}

}  // namespace cvlint::wording
