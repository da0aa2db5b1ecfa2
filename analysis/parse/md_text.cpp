// The md4c-independent helpers of the Markdown front end: front matter and
// BOM blanking, HTML entity decoding, link-target classification and photo
// detection. Each is a small hand-written scanner (no regex, no recursion).
#include <algorithm>
#include <cctype>
#include <cstring>

#include "parse/md_internal.hpp"

namespace cvlint::md {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

bool isFenceLine(std::string_view line, char c) {
  // "---" or "..." (exactly three), trailing spaces/tabs allowed.
  size_t i = 0;
  while (i < line.size() && line[i] == c) ++i;
  if (i != 3) return false;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  return i == line.size();
}

void blank(std::string& buf, size_t b, size_t e) {
  for (size_t i = b; i < e && i < buf.size(); ++i)
    if (buf[i] != '\n' && buf[i] != '\r') buf[i] = ' ';
}

struct NamedEntity {
  const char* name;
  char32_t cp;
};

// The entities CVs actually contain (punctuation, currency, Latin letters with
// diacritics). Sorted by name for binary search.
constexpr NamedEntity kEntities[] = {
    {"AElig", 0xC6},   {"Aacute", 0xC1}, {"Acirc", 0xC2},  {"Agrave", 0xC0}, {"Aring", 0xC5},
    {"Atilde", 0xC3},  {"Auml", 0xC4},   {"Ccedil", 0xC7}, {"Eacute", 0xC9}, {"Ecirc", 0xCA},
    {"Egrave", 0xC8},  {"Euml", 0xCB},   {"Iacute", 0xCD}, {"Icirc", 0xCE},  {"Iuml", 0xCF},
    {"Ntilde", 0xD1},  {"Oacute", 0xD3}, {"Ocirc", 0xD4},  {"Ograve", 0xD2}, {"Oslash", 0xD8},
    {"Ouml", 0xD6},    {"Uacute", 0xDA}, {"Ucirc", 0xDB},  {"Ugrave", 0xD9}, {"Uuml", 0xDC},
    {"aacute", 0xE1},  {"acirc", 0xE2},  {"aelig", 0xE6},  {"agrave", 0xE0}, {"amp", '&'},
    {"apos", '\''},    {"aring", 0xE5},  {"atilde", 0xE3}, {"auml", 0xE4},   {"bull", 0x2022},
    {"ccedil", 0xE7},  {"cent", 0xA2},   {"check", 0x2713}, {"copy", 0xA9},  {"deg", 0xB0},
    {"divide", 0xF7},  {"eacute", 0xE9}, {"ecirc", 0xEA},  {"egrave", 0xE8}, {"emsp", 0x2003},
    {"ensp", 0x2002},  {"euml", 0xEB},   {"euro", 0x20AC}, {"frac12", 0xBD}, {"frac14", 0xBC},
    {"frac34", 0xBE},  {"gt", '>'},      {"harr", 0x2194}, {"hellip", 0x2026}, {"iacute", 0xED},
    {"icirc", 0xEE},   {"iuml", 0xEF},   {"laquo", 0xAB},  {"larr", 0x2190}, {"ldquo", 0x201C},
    {"lsquo", 0x2018}, {"lt", '<'},      {"mdash", 0x2014}, {"middot", 0xB7}, {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"ntilde", 0xF1}, {"oacute", 0xF3}, {"ocirc", 0xF4},  {"ograve", 0xF2},
    {"oslash", 0xF8},  {"ouml", 0xF6},   {"para", 0xB6},   {"plusmn", 0xB1}, {"pound", 0xA3},
    {"quot", '"'},     {"raquo", 0xBB},  {"rarr", 0x2192}, {"rdquo", 0x201D}, {"reg", 0xAE},
    {"rsquo", 0x2019}, {"sect", 0xA7},   {"shy", 0xAD},    {"szlig", 0xDF},  {"thinsp", 0x2009},
    {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"ugrave", 0xF9},
    {"uuml", 0xFC},    {"yen", 0xA5},
};

bool istarts(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// Host of a URL ("https://uk.linkedin.com/in/x" -> "uk.linkedin.com"), lowercased.
std::string hostOf(std::string_view url) {
  size_t p = url.find("://");
  std::string_view rest = p == std::string_view::npos ? url : url.substr(p + 3);
  size_t at = rest.find_first_of("/?#");
  std::string_view auth = rest.substr(0, at);
  size_t userEnd = auth.rfind('@');
  if (userEnd != std::string_view::npos) auth = auth.substr(userEnd + 1);
  size_t colon = auth.find(':');
  auth = auth.substr(0, colon);
  std::string host;
  for (char c : auth) host.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return host;
}

bool hostIs(const std::string& host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
         host[host.size() - domain.size() - 1] == '.';
}

}  // namespace

bool mayHavePreamble(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" || text.substr(0, 3) == "---";
}

bool blankPreamble(std::string& buf, bool* hadBom) {
  size_t start = 0;
  if (buf.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    blank(buf, 0, 3);
    start = 3;
    if (hadBom) *hadBom = true;
  }
  auto lineAt = [&](size_t b) {
    size_t e = buf.find('\n', b);
    if (e == std::string::npos) e = buf.size();
    return std::pair<size_t, size_t>{b, e};
  };
  auto [b0, e0] = lineAt(start);
  if (!isFenceLine(std::string_view(buf).substr(b0, e0 - b0), '-')) return false;
  size_t pos = e0 + 1;
  while (pos < buf.size()) {
    auto [b, e] = lineAt(pos);
    std::string_view line = std::string_view(buf).substr(b, e - b);
    if (isFenceLine(line, '-') || isFenceLine(line, '.')) {
      blank(buf, start, e);
      return true;
    }
    pos = e + 1;
  }
  return false;  // no closing fence: not front matter, leave it to md4c
}

std::vector<uint32_t> findDefinitionMarkers(std::string_view text) {
  std::vector<uint32_t> out;
  char fence = 0;
  bool prevBlank = true, prevPrevBlank = true;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    size_t s = pos;
    int indent = 0;
    while (s < e && (text[s] == ' ' || text[s] == '\t')) indent += text[s] == '\t' ? 4 : 1, ++s;
    bool blankLine = s >= e || text[s] == '\r';
    // Fences, also inside block quotes.
    size_t f = s;
    while (f < e && (text[f] == '>' || text[f] == ' ')) ++f;
    if (f + 3 <= e && (text[f] == '`' || text[f] == '~') && text[f + 1] == text[f] && text[f + 2] == text[f]) {
      if (!fence) fence = text[f];
      else if (fence == text[f]) fence = 0;
    } else if (!fence && !blankLine && indent <= 3 && (text[s] == ':' || text[s] == '~') && s + 2 < e &&
               (text[s + 1] == ' ' || text[s + 1] == '\t') && (!prevBlank || !prevPrevBlank)) {
      size_t c = s + 1;
      while (c < e && (text[c] == ' ' || text[c] == '\t' || text[c] == '\r')) ++c;
      if (c < e) out.push_back(static_cast<uint32_t>(s));
    }
    prevPrevBlank = prevBlank;
    prevBlank = blankLine;
    pos = e + 1;
  }
  return out;
}

std::optional<std::string> decodeEntity(std::string_view e) {
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') return std::nullopt;
  std::string_view body = e.substr(1, e.size() - 2);
  std::string out;
  if (body[0] == '#') {
    char32_t cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    size_t i = hex ? 2 : 1;
    if (i >= body.size()) return std::nullopt;
    for (; i < body.size(); ++i) {
      char c = body[i];
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                                                     : -1;
      if (d < 0) return std::nullopt;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      if (cp > 0x10FFFF) cp = 0x110000;  // saturate; replaced below
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    encodeUtf8(cp, out);
    return out;
  }
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), body,
                             [](const NamedEntity& a, std::string_view b) { return std::string_view(a.name) < b; });
  if (it == std::end(kEntities) || std::string_view(it->name) != body) return std::nullopt;
  encodeUtf8(it->cp, out);
  return out;
}

std::optional<ContactKind> classifyLink(std::string_view href, std::string& value) {
  while (!href.empty() && (href.front() == ' ' || href.front() == '<')) href.remove_prefix(1);
  while (!href.empty() && (href.back() == ' ' || href.back() == '>')) href.remove_suffix(1);
  if (istarts(href, "mailto:")) {
    std::string_view v = href.substr(7);
    v = v.substr(0, v.find('?'));
    if (v.empty()) return std::nullopt;
    value = std::string(v);
    return ContactKind::Email;
  }
  if (istarts(href, "tel:")) {
    std::string_view v = href.substr(4);
    if (v.empty()) return std::nullopt;
    value = std::string(v);
    return ContactKind::Phone;
  }
  if (!(istarts(href, "http://") || istarts(href, "https://") || istarts(href, "www."))) {
    // A bare address used as a target ("[me@x.org](me@x.org)") still means mail.
    size_t at = href.find('@');
    if (at != std::string_view::npos && at > 0 && href.find_first_of("/:? ") == std::string_view::npos &&
        href.find('.', at) != std::string_view::npos) {
      value = std::string(href);
      return ContactKind::Email;
    }
    return std::nullopt;
  }
  std::string host = hostOf(href);
  if (host.empty()) return std::nullopt;
  value = std::string(href);
  if (hostIs(host, "linkedin.com")) return ContactKind::LinkedIn;
  if (hostIs(host, "github.com")) return ContactKind::GitHub;
  return ContactKind::Website;
}

bool looksLikePhoto(std::string_view alt, std::string_view src) {
  for (std::string_view s : {alt, src}) {
    std::string low;
    low.reserve(std::min<size_t>(s.size(), 1024));
    for (char c : s.substr(0, 1024)) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (const char* w : {"photo", "headshot", "profile", "avatar", "portrait"})
      if (low.find(w) != std::string::npos) return true;
    // "me" as a whole word: "me.jpg", "Picture of me".
    for (size_t p = low.find("me"); p != std::string::npos; p = low.find("me", p + 1)) {
      bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(low[p - 1]));
      bool right = p + 2 == low.size() || !std::isalnum(static_cast<unsigned char>(low[p + 2]));
      if (left && right) return true;
    }
  }
  return false;
}

// Pandoc heading attributes ("Profile {#profile}") are not heading text.
void dropHeadingAttributes(Prose& p) {
  std::string_view t = p.text;
  if (t.size() < 4 || t.back() != '}') return;
  size_t open = t.rfind(" {");
  if (open == std::string_view::npos || open + 2 >= t.size()) return;
  char c = t[open + 2];
  if (c != '#' && c != '.' && t.substr(open).find('=') == std::string_view::npos) return;
  if (open > 0) truncateProse(p, open);
}

// Cuts the prose to its first n bytes, and the source map with it.
void truncateProse(Prose& p, size_t n) {
  if (n >= p.text.size()) return;
  p.text.resize(n);
  while (!p.segments.empty() && p.segments.back().textBegin >= n) p.segments.pop_back();
  if (p.segments.empty()) return;
  Segment& s = p.segments.back();
  if (s.textEnd > n) {
    if (s.verbatim) s.srcEnd = s.srcBegin + static_cast<uint32_t>(n - s.textBegin);
    s.textEnd = static_cast<uint32_t>(n);
  }
}

// Drops spaces at both ends (left where an image, a comment or inline HTML
// was removed), keeping the map exact.
void trimProse(Prose& p) {
  size_t e = p.text.size();
  while (e > 0 && isBlank(p.text[e - 1])) --e;
  truncateProse(p, e);
  size_t k = 0;
  while (k < p.text.size() && isBlank(p.text[k])) ++k;
  if (k == 0) return;
  auto cut = static_cast<uint32_t>(k);
  p.text.erase(0, k);
  std::vector<Segment> kept;
  for (Segment s : p.segments) {
    if (s.textEnd <= cut) continue;
    if (s.textBegin < cut) {
      if (s.verbatim) s.srcBegin += cut - s.textBegin;
      s.textBegin = cut;
    }
    s.textBegin -= cut;
    s.textEnd -= cut;
    kept.push_back(s);
  }
  p.segments = std::move(kept);
}

}  // namespace cvlint::md
