// The structure pass, shared by both front ends: from the flat blocks it
// builds sections (classified by heading), entries (role, organisation,
// dates) with their bullets, contact details found in prose, and the
// suppressions and settings that cvlint directives in comments ask for.
#include <algorithm>
#include <cstring>

#include "core/unicode.hpp"
#include "parse/fold_ascii.hpp"
#include "parse/parse.hpp"

namespace cvlint {

namespace {

struct HeadingWord {
  std::string_view word;
  SectionKind kind;
};

// Matched against whole words of the folded heading, first match wins (so
// "Technical Projects" is Projects and "Work Experience" is Experience).
constexpr HeadingWord kHeadingWords[] = {
    {"summary", SectionKind::Summary},          {"profile", SectionKind::Summary},
    {"statement", SectionKind::Summary},        {"objective", SectionKind::Summary},
    {"about", SectionKind::Summary},            {"overview", SectionKind::Summary},
    {"introduction", SectionKind::Summary},
    {"experience", SectionKind::Experience},    {"employment", SectionKind::Experience},
    {"career", SectionKind::Experience},        {"work", SectionKind::Experience},
    {"positions", SectionKind::Experience},     {"jobs", SectionKind::Experience},
    {"internships", SectionKind::Experience},   {"internship", SectionKind::Experience},
    {"education", SectionKind::Education},      {"qualifications", SectionKind::Education},
    {"academic", SectionKind::Education},       {"degrees", SectionKind::Education},
    {"studies", SectionKind::Education},        {"schooling", SectionKind::Education},
    {"skills", SectionKind::Skills},            {"skill", SectionKind::Skills},
    {"competencies", SectionKind::Skills},      {"technologies", SectionKind::Skills},
    {"expertise", SectionKind::Skills},         {"tools", SectionKind::Skills},
    {"stack", SectionKind::Skills},             {"proficiencies", SectionKind::Skills},
    {"languages", SectionKind::Skills},
    {"projects", SectionKind::Projects},        {"project", SectionKind::Projects},
    {"portfolio", SectionKind::Projects},
    {"certifications", SectionKind::Certifications}, {"certification", SectionKind::Certifications},
    {"certificates", SectionKind::Certifications},   {"certificate", SectionKind::Certifications},
    {"licenses", SectionKind::Certifications},       {"licences", SectionKind::Certifications},
    {"courses", SectionKind::Certifications},        {"training", SectionKind::Certifications},
};
constexpr size_t kHeadingWordCount = sizeof kHeadingWords / sizeof kHeadingWords[0];
constexpr size_t kLongestHeadingWord = 14;  // "qualifications", "certifications"

// Index in kHeadingWords of a folded word, or kHeadingWordCount.
size_t headingWordIndex(std::string_view w) {
  if (w.size() < 4 || w.size() > kLongestHeadingWord) return kHeadingWordCount;
  for (size_t i = 0; i < kHeadingWordCount; ++i)
    if (kHeadingWords[i].word == w) return i;
  return kHeadingWordCount;
}

// What the words of a folded heading say, gathered in one pass: the first
// table word present (in table order) and the words that override it.
struct HeadingWords {
  size_t best = kHeadingWordCount;
  bool experience = false, project = false;
  void add(std::string_view w) {
    size_t i = headingWordIndex(w);
    if (i < best) best = i;
    if (w == "experience") experience = true;
    if (w == "project" || w == "projects") project = true;
  }
  bool any = false;
};

// "Professional Summary", "Personal Statement" vs "Professional Experience":
// the table is scanned in order, so summary words win only when present;
// "Project Experience" is projects, "Teaching Experience" still experience.
// "Programming Languages" / "Technical Skills" are skills; "Languages" alone
// (spoken languages) counts as skills too, which matches how CVs use it.
SectionKind kindOf(const HeadingWords& hw) {
  if (!hw.any) return SectionKind::Other;
  if (hw.experience) return hw.project ? SectionKind::Projects : SectionKind::Experience;
  return hw.best < kHeadingWordCount ? kHeadingWords[hw.best].kind : SectionKind::Other;
}

bool isAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Words of a folded text: runs of ASCII letters/digits and non-ASCII bytes.
template <class F>
void forEachWord(std::string_view folded, F&& f) {
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !isAsciiAlnum(folded[i]) && static_cast<unsigned char>(folded[i]) < 0x80) ++i;
    size_t b = i;
    while (i < folded.size() && (isAsciiAlnum(folded[i]) || static_cast<unsigned char>(folded[i]) >= 0x80)) ++i;
    if (i > b) f(folded.substr(b, i - b));
  }
}

bool isYearAt(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return false;
  if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) return false;
  if (!std::isdigit(static_cast<unsigned char>(s[i + 2])) || !std::isdigit(static_cast<unsigned char>(s[i + 3])))
    return false;
  bool leftOk = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
  bool rightOk = i + 4 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 4]));
  return leftOk && rightOk;
}

bool hasYear(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i)
    if (isYearAt(s, i)) return true;
  return false;
}

// The date part of an entry header: from the first month name, year or
// numeric date to the last year / "Present" / "Current".
std::pair<size_t, size_t> findDates(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                                 "aug", "sep", "sept", "oct", "nov", "dec"};
  static constexpr std::string_view kNow[] = {"present", "current", "now", "today", "ongoing"};
  size_t first = std::string_view::npos, last = 0;
  auto lower = [&](size_t i) { return static_cast<char>(std::tolower(static_cast<unsigned char>(s[i]))); };
  for (size_t i = 0; i < s.size(); ++i) {
    bool wordStart = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
    if (isYearAt(s, i)) {
      // Include a leading "01/" or "Jan " already covered by the month scan.
      size_t b = i;
      if (b >= 3 && s[b - 1] == '/' && std::isdigit(static_cast<unsigned char>(s[b - 2]))) b -= (b >= 3 && std::isdigit(static_cast<unsigned char>(s[b - 3]))) ? 3 : 2;
      size_t e = i + 4;
      if (e + 2 < s.size() + 0 && s[e] == '-' && e + 2 < s.size() && std::isdigit(static_cast<unsigned char>(s[e + 1])) &&
          std::isdigit(static_cast<unsigned char>(s[e + 2])) && (e + 3 == s.size() || !std::isdigit(static_cast<unsigned char>(s[e + 3]))))
        e += 3;  // 2020-01
      first = std::min(first, b);
      last = std::max(last, e);
      i = e - 1;
      continue;
    }
    if (!wordStart || !std::isalpha(static_cast<unsigned char>(s[i]))) continue;
    size_t j = i;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
    // Only the first 9 letters matter: a month is at most 9 letters long and
    // the "now" words at most 7.
    char w[9];
    size_t wn = std::min<size_t>(j - i, sizeof w);
    for (size_t k = 0; k < wn; ++k) w[k] = lower(i + k);
    std::string_view word(w, wn);
    bool whole = j - i <= sizeof w;
    // Avoid words that merely start like a month ("march" is a month; "may" is
    // too ambiguous unless a year follows it).
    bool yearFollows = false;
    for (size_t k = j; k < std::min(s.size(), j + 3); ++k)
      if (isYearAt(s, k)) yearFollows = true;
    if (yearFollows && whole && wn >= 3) {
      bool month = false;
      for (std::string_view m : kMonths)
        if (word.substr(0, m.size()) == m) month = true;
      if (month) {
        first = std::min(first, i);
        last = std::max(last, j);
      }
    }
    if (whole && first != std::string_view::npos)
      for (std::string_view n : kNow)
        if (word == n) last = std::max(last, j);
    i = j - 1;
  }
  if (first == std::string_view::npos) return {0, 0};
  return {first, last};
}

void trimRange(std::string_view s, size_t& b, size_t& e) {
  auto junk = [](char c) {
    return c == ' ' || c == '\t' || c == ',' || c == '|' || c == '(' || c == ')' || c == '-' || c == '*' || c == '_' ||
           c == ':' || c == ';' || c == '[' || c == ']';
  };
  while (b < e && junk(s[b])) ++b;
  while (e > b && junk(s[e - 1])) --e;
  // Trailing en/em dashes (3 bytes each).
  while (e >= b + 3 && (s.substr(e - 3, 3) == "\xE2\x80\x93" || s.substr(e - 3, 3) == "\xE2\x80\x94")) {
    e -= 3;
    while (e > b && junk(s[e - 1])) --e;
  }
  while (b + 3 <= e && (s.substr(b, 3) == "\xE2\x80\x93" || s.substr(b, 3) == "\xE2\x80\x94")) {
    b += 3;
    while (b < e && junk(s[b])) ++b;
  }
}

Field makeField(const Block& b, size_t tb, size_t te) {
  Field f;
  std::string_view t = b.prose.text;
  trimRange(t, tb, te);
  if (te <= tb) return f;
  f.text = std::string(t.substr(tb, te - tb));
  f.range = b.prose.toSource(static_cast<uint32_t>(tb), static_cast<uint32_t>(te));
  f.file = b.file;
  return f;
}

// Splits a header line ("**Engineer**, Café Ltd, 2020 – 2023",
// "Engineer | Acme | Jan 2020 - Present", "Engineer at Acme (2019-2021)")
// into role, organisation and dates.
void fillEntryFromHeader(Entry& e, const Block& b) {
  std::string_view t = b.prose.text;
  auto [db, de] = findDates(t);
  std::string_view rest = t.substr(0, db ? db : (de ? 0 : t.size()));
  if (de > db) e.dates = makeField(b, db, de);
  size_t restOff = 0;
  if (db == 0 && de > 0) {
    // "2010-2014 (expected): PhD, ..." -- skip a note in brackets after the dates.
    size_t k = de;
    while (k < t.size() && t[k] == ' ') ++k;
    if (k < t.size() && t[k] == '(') {
      size_t close = t.find(')', k);
      if (close != std::string_view::npos && close - k < 40) de = close + 1;
    }
    rest = t.substr(de);
    restOff = de;
  }
  // Separators between role and organisation.
  static constexpr std::string_view kSeps[] = {" | ", ", ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ",
                                               " at ", " @ ", " \xC2\xB7 ", "\t"};
  size_t best = std::string_view::npos, sepLen = 0;
  for (std::string_view sep : kSeps) {
    size_t p = rest.find(sep);
    if (p != std::string_view::npos && p > 0 && p < best) best = p, sepLen = sep.size();
  }
  if (best == std::string_view::npos) {
    e.role = makeField(b, restOff, restOff + rest.size());
  } else {
    e.role = makeField(b, restOff, restOff + best);
    size_t ob = restOff + best + sepLen;
    std::string_view after = rest.substr(best + sepLen);
    size_t end = after.size();
    for (std::string_view sep : kSeps) {
      size_t p = after.find(sep);
      if (p != std::string_view::npos && p > 0 && p < end) end = p;
    }
    e.organisation = makeField(b, ob, ob + end);
    if (end < after.size()) {
      size_t lb = ob + end;
      size_t le = restOff + rest.size();
      Field loc = makeField(b, lb, le);
      if (loc.present() && loc.text.size() < 40) e.location = loc;
    }
  }
}

bool looksLikeEntryHeader(const Block& b) {
  if (b.kind != BlockKind::Paragraph) return false;
  if (b.prose.text.size() > 200) return false;
  return hasYear(b.prose.text);
}

// --- contacts in prose -----------------------------------------------------

bool emailChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '+';
}

// First position of `lowerNeedle` (lower-case ASCII) in `hay`, ignoring ASCII case.
size_t asciiFindLower(std::string_view hay, std::string_view lowerNeedle) {
  if (lowerNeedle.empty() || hay.size() < lowerNeedle.size()) return std::string_view::npos;
  const char first = lowerNeedle[0];
  for (size_t i = 0; i + lowerNeedle.size() <= hay.size(); ++i) {
    char c = hay[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != first) continue;
    size_t k = 1;
    for (; k < lowerNeedle.size(); ++k) {
      char d = hay[i + k];
      if ((d >= 'A' && d <= 'Z' ? static_cast<char>(d - 'A' + 'a') : d) != lowerNeedle[k]) break;
    }
    if (k == lowerNeedle.size()) return i;
  }
  return std::string_view::npos;
}

void findContacts(CvDocument& doc, const Block& b) {
  std::string_view t = b.prose.text;
  auto add = [&](ContactKind k, size_t tb, size_t te) {
    Contact c{k, std::string(t.substr(tb, te - tb)), b.file, b.prose.toSource(static_cast<uint32_t>(tb), static_cast<uint32_t>(te))};
    doc.contacts.push_back(std::move(c));
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '@' && i > 0 && i + 1 < t.size()) {
      size_t b0 = i, e0 = i + 1;
      while (b0 > 0 && emailChar(t[b0 - 1])) --b0;
      while (e0 < t.size() && emailChar(t[e0])) ++e0;
      while (e0 > i && t[e0 - 1] == '.') --e0;
      std::string_view dom = t.substr(i + 1, e0 - i - 1);
      if (b0 < i && dom.find('.') != std::string_view::npos) add(ContactKind::Email, b0, e0);
    }
  }
  // Text that folds as ASCII keeps its offsets: search it without a folded copy.
  bool ascii = foldsAsAscii(t);
  std::string folded = ascii ? std::string() : foldCase(t);
  for (std::string_view host : {std::string_view("linkedin.com"), std::string_view("github.com")}) {
    size_t p = ascii ? asciiFindLower(t, host) : folded.find(host);
    if (p != std::string::npos && (ascii || folded.size() == t.size())) {
      size_t e0 = p;
      while (e0 < t.size() && !std::isspace(static_cast<unsigned char>(t[e0])) && t[e0] != '|' && t[e0] != ')') ++e0;
      add(host[0] == 'l' ? ContactKind::LinkedIn : ContactKind::GitHub, p, e0);
    }
  }
  // Phone numbers: a run of digits, spaces, dashes, dots, parentheses and a
  // leading '+' holding 10 to 15 digits.
  for (size_t i = 0; i < t.size(); ++i) {
    bool opener = (t[i] == '+' || t[i] == '(') && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1]));
    if (!(std::isdigit(static_cast<unsigned char>(t[i])) || opener)) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(t[i - 1])) || t[i - 1] == '/')) continue;
    size_t j = i, digits = 0, lastDigit = i;
    while (j < t.size() && (std::isdigit(static_cast<unsigned char>(t[j])) || t[j] == ' ' || t[j] == '-' || t[j] == '.' ||
                            t[j] == '(' || t[j] == ')' || (j == i && opener))) {
      if (std::isdigit(static_cast<unsigned char>(t[j]))) ++digits, lastDigit = j;
      ++j;
    }
    if (digits >= 10 && digits <= 15 && !hasYear(t.substr(i, lastDigit + 1 - i)) ) add(ContactKind::Phone, i, lastDigit + 1);
    else if (digits >= 10 && digits <= 15 && (t[i] == '+' || t[i] == '0' || t[i] == '(')) add(ContactKind::Phone, i, lastDigit + 1);
    i = j;
  }
}

// A contact's value without scheme, "www." and trailing slash, lower-cased,
// so a link target and the text showing it compare equal.
std::string contactKey(std::string_view v) {
  std::string s = asciiLower(v);
  for (const char* p : {"mailto:", "tel:", "https://", "http://"})
    if (s.rfind(p, 0) == 0) s.erase(0, std::strlen(p));
  if (s.rfind("www.", 0) == 0) s.erase(0, 4);
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

// --- directives --------------------------------------------------------------

std::vector<std::string> splitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

void readDirectives(CvDocument& doc) {
  struct Open {
    std::string rule;
    uint16_t file;
    uint32_t line;
  };
  std::vector<Open> open;
  for (const Comment& c : doc.comments) {
    std::string_view t = c.text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '%' || t.front() == '\n')) t.remove_prefix(1);
    auto starts = [&](std::string_view p) { return t.substr(0, p.size()) == p; };
    auto rulesAfter = [&](size_t n) {
      auto w = splitWords(t.substr(n));
      if (w.empty()) w.push_back("*");
      // `-->` may follow in a badly closed comment: drop it.
      w.erase(std::remove(w.begin(), w.end(), std::string("-->")), w.end());
      if (w.empty()) w.push_back("*");
      return w;
    };
    if (starts("cvlint-disable-next-line")) {
      for (auto& r : rulesAfter(24)) doc.suppressions.push_back({r, c.file, c.endLine + 1, c.endLine + 1});
    } else if (starts("cvlint-disable-line")) {
      for (auto& r : rulesAfter(19)) doc.suppressions.push_back({r, c.file, c.line, c.endLine});
    } else if (starts("cvlint-disable")) {
      for (auto& r : rulesAfter(14)) open.push_back({r, c.file, c.line});
    } else if (starts("cvlint-enable")) {
      auto rules = rulesAfter(13);
      bool all = rules.size() == 1 && rules[0] == "*";
      for (auto it = open.begin(); it != open.end();) {
        if (it->file == c.file && (all || std::find(rules.begin(), rules.end(), it->rule) != rules.end())) {
          doc.suppressions.push_back({it->rule, it->file, it->line, c.line});
          it = open.erase(it);
        } else {
          ++it;
        }
      }
    } else if (starts("cvlint:")) {
      for (auto& w : splitWords(t.substr(7))) {
        size_t eq = w.find('=');
        if (eq == std::string::npos || eq == 0) {
          doc.settings[w] = "";
          continue;
        }
        doc.settings[w.substr(0, eq)] = w.substr(eq + 1);
      }
    }
  }
  for (const Open& o : open) doc.suppressions.push_back({o.rule, o.file, o.line, UINT32_MAX});
}

}  // namespace

SectionKind classifyHeading(std::string_view title) {
  HeadingWords hw;
  if (foldsAsAscii(title)) {
    // Folding is ASCII lower-casing: lower-case each word in a small buffer
    // (words longer than any table word cannot match and are only counted;
    // a word holding a symbol's bytes matches nothing, as after folding).
    char buf[kLongestHeadingWord];
    forEachWord(title, [&](std::string_view w) {
      hw.any = true;
      if (w.size() > kLongestHeadingWord) return;
      for (size_t k = 0; k < w.size(); ++k)
        buf[k] = (w[k] >= 'A' && w[k] <= 'Z') ? static_cast<char>(w[k] - 'A' + 'a') : w[k];
      hw.add(std::string_view(buf, w.size()));
    });
  } else {
    // NFC and full case folding can join or change characters: fold the
    // whole heading first, then split.
    std::string folded = foldCase(title);
    forEachWord(folded, [&](std::string_view w) {
      hw.any = true;
      hw.add(w);
    });
  }
  return kindOf(hw);
}

void buildStructure(CvDocument& doc) {
  // Section level: the shallowest level holding a recognised section heading
  // ("## Experience"); with none recognised, the shallowest level. Headings
  // above it are the CV's name and subtitle ("# Zoë Smith", "## Backend
  // Developer") and belong to the header.
  int sectionLevel = 99, anyLevel = 99;
  // Each heading is classified once (headingKind[i] for block i).
  std::vector<SectionKind> headingKind(doc.blocks.size(), SectionKind::Other);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind != BlockKind::Heading) continue;
    anyLevel = std::min<int>(anyLevel, b.level);
    headingKind[i] = classifyHeading(b.prose.text);
    if (headingKind[i] != SectionKind::Other) sectionLevel = std::min<int>(sectionLevel, b.level);
  }
  if (sectionLevel == 99) sectionLevel = anyLevel;
  if (anyLevel < sectionLevel) {
    for (Block& b : doc.blocks)
      if (b.kind == BlockKind::Heading && b.level < sectionLevel) b.kind = BlockKind::Title;
  } else if (anyLevel == sectionLevel) {
    // "# Name" as the only top-level heading above unrecognised sections.
    int atMin = 0, first = -1;
    bool deeper = false;
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
      const Block& b = doc.blocks[i];
      if (b.kind != BlockKind::Heading) continue;
      if (b.level == sectionLevel) {
        ++atMin;
        if (first < 0) first = static_cast<int>(i);
      } else {
        deeper = true;
      }
    }
    if (atMin == 1 && deeper && headingKind[first] == SectionKind::Other) {
      doc.blocks[first].kind = BlockKind::Title;
      sectionLevel = 99;
      for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::Heading) sectionLevel = std::min<int>(sectionLevel, b.level);
    }
  }

  doc.sections.clear();
  Section header;
  header.kind = SectionKind::Header;
  header.title = "";
  doc.sections.push_back(header);
  // Parser-made entries keep their indices; mark which blocks own one.
  int32_t cur = 0;
  int32_t curEntry = -1;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    auto bi = static_cast<int32_t>(i);
    if (b.kind == BlockKind::Heading && b.level == sectionLevel) {
      Section s;
      s.title = b.prose.text;
      s.kind = headingKind[i];
      s.level = b.level;
      s.headingBlock = bi;
      s.file = b.file;
      s.line = b.line;
      s.range = b.range;
      doc.sections.push_back(std::move(s));
      cur = static_cast<int32_t>(doc.sections.size() - 1);
      curEntry = -1;
      b.section = cur;
      continue;
    }
    b.section = cur;
    Section& sec = doc.sections[cur];
    sec.blocks.push_back(bi);
    if (b.file == sec.file && b.range.end > sec.range.end) sec.range.end = b.range.end;
    if (b.entry >= 0 && b.entry < static_cast<int32_t>(doc.entries.size()) &&
        (b.kind == BlockKind::EntryHeader || doc.entries[b.entry].headerBlock == bi)) {
      // An entry the front end made (\cventry, \resumeSubheading).
      Entry& e = doc.entries[b.entry];
      e.section = cur;
      e.headerBlock = bi;
      sec.entries.push_back(b.entry);
      curEntry = b.entry;
      continue;
    }
    bool startsEntry = false;
    bool inEntrySection = sec.kind == SectionKind::Experience || sec.kind == SectionKind::Education ||
                          sec.kind == SectionKind::Projects;
    if (b.kind == BlockKind::Heading && b.level > sectionLevel) startsEntry = true;
    if (b.kind == BlockKind::EntryHeader) startsEntry = true;
    if (inEntrySection && looksLikeEntryHeader(b)) {
      // A paragraph with a date right before a list: "**Engineer**, Acme, 2020 – 2023".
      startsEntry = true;
    }
    if (startsEntry) {
      Entry e;
      e.section = cur;
      e.headerBlock = bi;
      e.file = b.file;
      e.line = b.line;
      e.range = b.range;
      fillEntryFromHeader(e, b);
      doc.entries.push_back(std::move(e));
      curEntry = static_cast<int32_t>(doc.entries.size() - 1);
      sec.entries.push_back(curEntry);
      if (b.kind == BlockKind::Paragraph) b.kind = BlockKind::EntryHeader;
      b.entry = curEntry;
      continue;
    }
    if (b.kind == BlockKind::Bullet) {
      if (b.entry < 0) b.entry = curEntry;
      if (b.entry >= 0) {
        Entry& e = doc.entries[b.entry];
        e.bullets.push_back(bi);
        if (b.file == e.file && b.range.end > e.range.end) e.range.end = b.range.end;
      }
    }
  }
  // Entries made by the front end but never reached above (defensive).
  for (Entry& e : doc.entries)
    if (e.section < 0 && e.headerBlock >= 0) e.section = doc.blocks[e.headerBlock].section;

  // Contacts written in prose (the header, and any contact line).
  for (const Block& b : doc.blocks) {
    if (b.section == 0 || b.kind == BlockKind::Contact || b.kind == BlockKind::Title) findContacts(doc, b);
  }
  // Deduplicate contacts by (kind, file, range).
  std::sort(doc.contacts.begin(), doc.contacts.end(), [](const Contact& a, const Contact& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  // The same contact may come from a link target and from the prose scan:
  // overlapping ranges of one kind are one contact (the first, the link's).
  std::vector<Contact> unique;
  std::vector<std::string> uniqueKeys;  // contactKey of each kept contact, computed once
  for (Contact& c : doc.contacts) {
    bool dup = false;
    std::string key = contactKey(c.value);
    for (size_t k = 0; k < unique.size() && !dup; ++k) {
      const Contact& u = unique[k];
      if (u.kind == c.kind && u.file == c.file &&
          ((c.range.begin < u.range.end && u.range.begin < c.range.end) || c.range == u.range || uniqueKeys[k] == key))
        dup = true;
    }
    if (!dup) {
      unique.push_back(std::move(c));
      uniqueKeys.push_back(std::move(key));
    }
  }
  doc.contacts = std::move(unique);
  // A fact is in the header when no section heading of its file precedes it:
  // its start lies before the earliest section start in that file.
  std::vector<uint64_t> firstSection;  // by file; UINT64_MAX when the file has no section
  for (size_t s = 1; s < doc.sections.size(); ++s) {
    const Section& sec = doc.sections[s];
    if (sec.file >= firstSection.size()) firstSection.resize(sec.file + 1, UINT64_MAX);
    firstSection[sec.file] = std::min<uint64_t>(firstSection[sec.file], sec.range.begin);
  }
  for (LayoutFact& l : doc.layout)
    l.inHeader = l.file >= firstSection.size() || l.range.begin < firstSection[l.file];
  readDirectives(doc);
}

}  // namespace cvlint
