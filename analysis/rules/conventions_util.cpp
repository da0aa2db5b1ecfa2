// Shared helpers of the CV convention rules; see conventions_util.hpp.
#include "rules/conventions_util.hpp"

#include <algorithm>
#include <cstring>

#include "core/memo.hpp"
#include "core/unicode.hpp"

namespace cvlint::conv {

namespace {
inline bool asciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// Word character at i (ASCII answered from the byte) and its length in bytes;
// 0 at a decoding stop.
inline int wordCharAt(std::string_view text, size_t i, bool& word) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    word = asciiWordByte(c);
    return 1;
  }
  char32_t cp;
  int n = decodeUtf8(text, i, cp);
  word = n > 0 && isWordChar(cp);
  return n;
}
}  // namespace

namespace {
std::vector<Word> splitWords(std::string_view text) {
  std::vector<Word> out;
  out.reserve(text.size() / 6 + 1);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    bool word;
    int len = wordCharAt(text, i, word);
    if (len <= 0) break;
    if (!word) {
      i += static_cast<size_t>(len);
      continue;
    }
    size_t b = i;
    i += static_cast<size_t>(len);
    while (i < n) {
      len = wordCharAt(text, i, word);
      if (len <= 0 || !word) break;
      i += static_cast<size_t>(len);
    }
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
  }
  return out;
}
}  // namespace

// A pure function of the text that spelling-variant and personal-details
// ask of every block at every keystroke: remembered per thread.
std::vector<Word> words(std::string_view text) {
  if (!memoizable(text)) return splitWords(text);
  thread_local TextMemo<std::vector<Word>> memo;
  return memo.get(text, [&] { return splitWords(text); });
}

std::string lower(std::string_view s) { return asciiLower(s); }

std::string matchCase(std::string_view model, std::string_view replacement) {
  bool anyLower = false, anyUpper = false;
  for (char c : model) {
    if (c >= 'a' && c <= 'z') anyLower = true;
    if (c >= 'A' && c <= 'Z') anyUpper = true;
  }
  std::string out(replacement);
  if (anyUpper && !anyLower && model.size() > 1) {
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  } else if (!model.empty() && model[0] >= 'A' && model[0] <= 'Z' && !out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

Finding makeFinding(std::string_view rule, uint16_t file, ByteRange range, std::string message) {
  Finding f;
  f.rule = std::string(rule);
  f.file = file;
  f.range = range;
  f.message = std::move(message);
  return f;
}

namespace {
bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}
}  // namespace

bool aloneOnLines(const SourceText& src, ByteRange range) {
  const LineIndex& li = src.lines();
  uint32_t first = li.lineOf(range.begin);
  uint32_t last = li.lineOf(range.end > range.begin ? range.end - 1 : range.begin);
  std::string_view v = src.view();
  uint32_t s = li.lineStart(first), e = li.lineEnd(last);
  if (range.begin < s || range.end > std::max(e, range.end)) return false;
  return blank(v.substr(s, range.begin - s)) && (range.end >= e || blank(v.substr(range.end, e - range.end)));
}

ByteRange wholeLines(const SourceText& src, ByteRange range) {
  const LineIndex& li = src.lines();
  uint32_t first = li.lineOf(range.begin);
  uint32_t last = li.lineOf(range.end > range.begin ? range.end - 1 : range.begin);
  return {li.lineStart(first), li.lineStart(last + 1)};
}

Edit deletion(const CvDocument& doc, uint16_t file, ByteRange range) {
  const SourceText& src = doc.source(file);
  if (!aloneOnLines(src, range)) return {file, range, ""};
  ByteRange lines = wholeLines(src, range);
  // A paragraph of its own (blank line before and after): take one of the
  // blank lines too, so no double gap is left behind.
  const LineIndex& li = src.lines();
  uint32_t first = li.lineOf(lines.begin);
  uint32_t next = li.lineOf(lines.end);
  auto blankLine = [&](uint32_t l) { return li.lineStart(l) == li.lineEnd(l) || blank(src.view().substr(li.lineStart(l), li.lineEnd(l) - li.lineStart(l))); };
  bool blankBefore = first == 0 || blankLine(first - 1);
  if (lines.end < li.textSize() && blankBefore && blankLine(next)) lines.end = li.lineStart(next + 1);
  return {file, lines, ""};
}

ByteRange withArguments(const SourceText& src, ByteRange range) {
  std::string_view v = src.view();
  if (range.begin >= v.size() || v[range.begin] != '\\') return range;
  size_t i = range.end;
  for (;;) {
    size_t j = i;
    while (j < v.size() && (v[j] == ' ' || v[j] == '\t')) ++j;
    if (j >= v.size() || (v[j] != '[' && v[j] != '{')) break;
    char open = v[j], close = open == '[' ? ']' : '}';
    int depth = 0;
    size_t k = j;
    for (; k < v.size(); ++k) {
      if (v[k] == '\\') {
        ++k;
        continue;
      }
      if (v[k] == open) ++depth;
      else if (v[k] == close && --depth == 0) break;
      if (v[k] == '\n' && k + 1 < v.size() && v[k + 1] == '\n') return {range.begin, static_cast<uint32_t>(i)};
    }
    if (k >= v.size()) break;
    i = k + 1;
  }
  return {range.begin, static_cast<uint32_t>(i)};
}

bool isPhoto(const CvDocument& doc, const LayoutFact& l) {
  if ((l.kind != LayoutKind::Image && l.kind != LayoutKind::Photo) || l.file >= doc.files.size()) return false;
  // The construct and, for LaTeX, the file name it loads (a QR code or a
  // logo in the header is no photo).
  const SourceText& src = doc.source(l.file);
  ByteRange r = withArguments(src, l.range);
  std::string c = lower(l.construct + " " + std::string(src.view().substr(r.begin, std::min<uint32_t>(r.size(), 300))));
  for (const char* w : {"badge", "logo", "shield", "qrcode", "qr-", "qr_", "qr."})
    if (c.find(w) != std::string::npos) return false;
  if (l.kind == LayoutKind::Photo || l.inHeader) return true;
  for (const char* w : {"photo", "foto", "headshot", "portrait", "avatar", "profile", "picture", "selfie"})
    if (c.find(w) != std::string::npos) return true;
  return false;
}

ByteRange firstLine(const SourceText& src, ByteRange range) {
  uint32_t line = src.lines().lineOf(range.begin);
  uint32_t e = std::min(range.end, src.lines().lineEnd(line));
  if (e <= range.begin) e = std::min<uint32_t>(range.begin + 1, src.lines().textSize());
  return {range.begin, std::max(e, range.begin)};
}

DocumentAnchor documentAnchor(const CvDocument& doc) {
  if (doc.files.empty()) return {};
  auto at = [&](const Block& b) { return DocumentAnchor{b.file, firstLine(doc.source(b.file), b.range)}; };
  if (doc.format != Format::Latex || doc.latex.preamble.end == 0) {
    if (!doc.blocks.empty()) return at(doc.blocks.front());
    // No blocks: the first non-blank line.
    const SourceText& src = doc.source(0);
    for (uint32_t l = 0; l < src.lines().lineCount(); ++l) {
      uint32_t b = src.lines().lineStart(l), e = src.lines().lineEnd(l);
      if (src.view().substr(b, e - b).find_first_not_of(" \t") != std::string_view::npos) return {0, {b, e}};
    }
    return {};
  }
  for (const Block& b : doc.blocks)
    if (b.kind == BlockKind::Title) return at(b);
  for (const Block& b : doc.blocks)
    if (b.file == 0 && b.range.begin >= doc.latex.preamble.end && !b.prose.text.empty()) return at(b);
  const SourceText& src = doc.source(0);
  uint32_t line = src.lineOf(doc.latex.preamble.end - 1);  // \begin{document} ends the preamble
  return {0, {src.lines().lineStart(line), src.lines().lineEnd(line)}};
}

ByteRange FieldText::range(uint32_t b, uint32_t e) const {
  if (prose) return prose->toSource(textBegin + b, textBegin + e);
  if (identity) return {whole.begin + b, whole.begin + e};
  return whole;
}

bool FieldText::editable(uint32_t b, uint32_t e) const {
  if (!prose) return identity;
  if (prose->overlapsCode(textBegin + b, textBegin + e)) return false;
  if (prose->isVerbatim(textBegin + b, textBegin + e)) return true;
  // Exactly one synthetic segment (LaTeX `--` read as an en dash): replacing
  // its whole source range is exact too.
  for (const Segment& s : prose->segments)
    if (!s.verbatim && s.textBegin == textBegin + b && s.textEnd == textBegin + e) return true;
  return false;
}

namespace {
// The block's prose maps a text byte to the field's first source byte and its
// text continues with the field's text.
bool locateIn(const Block& b, const Field& field, FieldText& ft) {
  if (b.file != field.file || !(b.range.begin <= field.range.begin && field.range.begin < b.range.end)) return false;
  for (const Segment& s : b.prose.segments) {
    if (field.range.begin < s.srcBegin || field.range.begin >= s.srcEnd) continue;
    uint32_t t = s.verbatim ? s.textBegin + (field.range.begin - s.srcBegin) : s.textBegin;
    if (t + field.text.size() <= b.prose.text.size() &&
        std::string_view(b.prose.text).substr(t, field.text.size()) == field.text) {
      ft.prose = &b.prose;
      ft.textBegin = t;
      ft.text = std::string_view(b.prose.text).substr(t, field.text.size());
      return true;
    }
  }
  return false;
}
}  // namespace

FieldText locateField(const CvDocument& doc, const Field& field, int32_t nearBlock) {
  FieldText ft;
  ft.text = field.text;
  ft.file = field.file;
  ft.whole = field.range;
  if (field.file < doc.files.size()) {
    std::string_view src = doc.source(field.file).view();
    if (field.range.end <= src.size() && src.substr(field.range.begin, field.range.size()) == field.text)
      ft.identity = true;
  }
  // Blocks are flat and do not overlap, so at most one holds the field's first
  // byte: look beside the entry's own block first (a scan of every block per
  // entry made date-format quadratic on long documents), then everywhere.
  const auto n = static_cast<int32_t>(doc.blocks.size());
  if (nearBlock >= 0 && nearBlock < n) {
    for (int32_t i = std::max(0, nearBlock - 2); i < std::min(n, nearBlock + 4); ++i)
      if (locateIn(doc.blocks[i], field, ft)) return ft;
  }
  for (const Block& b : doc.blocks)
    if (locateIn(b, field, ft)) return ft;
  return ft;
}

// --- dates -------------------------------------------------------------------

const char* dateStyleName(DateStyle s) {
  switch (s) {
    case DateStyle::MonthShort: return "Jan 2020";
    case DateStyle::MonthShortDot: return "Jan. 2020";
    case DateStyle::MonthLong: return "January 2020";
    case DateStyle::Slash: return "01/2020";
    case DateStyle::Iso: return "2020-01";
    case DateStyle::Year: return "2020";
    case DateStyle::Ongoing: return "Present";
  }
  return "";
}

namespace {

constexpr const char* kMonthLong[] = {"january", "february", "march",     "april",   "may",      "june",
                                      "july",    "august",   "september", "october", "november", "december"};
constexpr const char* kMonthShort[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char* kOngoing[] = {"present", "current", "now", "today", "ongoing"};

bool digit(char c) { return c >= '0' && c <= '9'; }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A four-digit year 1900..2099 at i, not inside a longer number.
bool yearAt(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return false;
  if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) return false;
  if (!digit(s[i + 2]) || !digit(s[i + 3])) return false;
  return (i == 0 || !digit(s[i - 1])) && (i + 4 == s.size() || !digit(s[i + 4]));
}

int yearValue(std::string_view s, size_t i) {
  return (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
}

// Skips spaces, '~', ',' and non-breaking spaces (U+00A0) from i.
size_t skipGap(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '~' || s[i] == ',') ++i;
    else if (s.substr(i, 2) == "\xC2\xA0") i += 2;
    else break;
  }
  return i;
}

}  // namespace

DateRange parseDates(std::string_view s) {
  DateRange r;
  size_t i = 0;
  while (i < s.size() && r.points.size() < 2) {
    bool wordStart = i == 0 || !alpha(s[i - 1]);
    if (alpha(s[i]) && wordStart) {
      size_t j = i;
      while (j < s.size() && alpha(s[j])) ++j;
      std::string w = lower(s.substr(i, j - i));
      int month = 0;
      DateStyle style = DateStyle::MonthShort;
      bool ambiguous = false;
      for (int m = 0; m < 12; ++m) {
        // March, April, May, June and July are written in full in
        // abbreviated styles too (Aug. 2018 - June 2020): they fit any.
        if (w == kMonthLong[m]) month = m + 1, style = DateStyle::MonthLong, ambiguous = (m >= 2 && m <= 6);
        else if (w == kMonthShort[m] || (m == 8 && w == "sept")) month = m + 1, style = DateStyle::MonthShort;
      }
      if (month) {
        size_t k = j;
        if (k < s.size() && s[k] == '.' && style == DateStyle::MonthShort) style = DateStyle::MonthShortDot, ++k;
        k = skipGap(s, k);
        if (yearAt(s, k)) {
          r.points.push_back({style, yearValue(s, k), month, ambiguous, true, static_cast<uint32_t>(i), static_cast<uint32_t>(k + 4)});
          i = k + 4;
          continue;
        }
      }
      for (const char* o : kOngoing)
        if (w == o && !r.points.empty()) {
          r.points.push_back({DateStyle::Ongoing, 0, 0, false, true, static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
          break;
        }
      i = j;
      continue;
    }
    if (digit(s[i]) && (i == 0 || !digit(s[i - 1]))) {
      if (yearAt(s, i)) {
        // 2020-01 (ISO year-month), not 2019-2021 (a range).
        if (i + 7 <= s.size() && s[i + 4] == '-' && digit(s[i + 5]) && digit(s[i + 6]) &&
            (i + 7 == s.size() || !digit(s[i + 7]))) {
          int m = (s[i + 5] - '0') * 10 + (s[i + 6] - '0');
          if (m >= 1 && m <= 12) {
            r.points.push_back({DateStyle::Iso, yearValue(s, i), m, false, true, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 7)});
            i += 7;
            continue;
          }
        }
        r.points.push_back({DateStyle::Year, yearValue(s, i), 0, false, true, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 4)});
        i += 4;
        continue;
      }
      size_t j = i;
      while (j < s.size() && digit(s[j])) ++j;
      if ((j - i == 1 || j - i == 2) && j < s.size() && s[j] == '/' && yearAt(s, j + 1)) {
        int m = j - i == 1 ? s[i] - '0' : (s[i] - '0') * 10 + (s[i + 1] - '0');
        if (m >= 1 && m <= 12) {
          r.points.push_back({DateStyle::Slash, yearValue(s, j + 1), m, false, j - i == 2, static_cast<uint32_t>(i), static_cast<uint32_t>(j + 5)});
          i = j + 5;
          continue;
        }
      }
      i = j;
      continue;
    }
    ++i;
  }
  if (r.points.size() == 2) {
    size_t b = r.points[0].end, e = r.points[1].begin;
    while (b < e && (s[b] == ' ' || s[b] == '~')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '~')) --e;
    std::string_view sep = s.substr(b, e - b);
    if (sep == "-" || sep == "\xE2\x80\x93" || sep == "\xE2\x80\x94" || sep == "to" || sep == "--" || sep == "\xE2\x80\x90") {
      r.sep = std::string(sep);
      r.sepBegin = static_cast<uint32_t>(b);
      r.sepEnd = static_cast<uint32_t>(e);
    }
  }
  return r;
}

std::string formatDate(const DatePoint& p, DateStyle style, bool padded) {
  std::string year = std::to_string(p.year);
  if (p.month < 1 || p.month > 12) return year;
  std::string two = (p.month < 10 ? "0" : "") + std::to_string(p.month);
  auto cap = [](std::string w) {
    if (!w.empty()) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  switch (style) {
    case DateStyle::MonthShort: return cap(kMonthShort[p.month - 1]) + " " + year;
    case DateStyle::MonthShortDot:
      return cap(kMonthShort[p.month - 1]) + (p.month == 5 ? " " : ". ") + year;
    case DateStyle::MonthLong: return cap(kMonthLong[p.month - 1]) + " " + year;
    case DateStyle::Slash: return (padded ? two : std::to_string(p.month)) + "/" + year;
    case DateStyle::Iso: return year + "-" + two;
    case DateStyle::Year:
    case DateStyle::Ongoing: return year;
  }
  return year;
}

int monthIndex(const DatePoint& p, bool isEnd, int latestMonthIndex) {
  if (p.style == DateStyle::Ongoing) return latestMonthIndex;
  return p.year * 12 + (p.month ? p.month - 1 : (isEnd ? 11 : 0));
}

std::string headingSkeleton(const CvDocument& doc, std::string_view title, bool withList) {
  const Block* model = nullptr;
  for (const Section& s : doc.sections)
    if (s.headingBlock >= 0 && s.headingBlock < static_cast<int32_t>(doc.blocks.size())) {
      model = &doc.blocks[s.headingBlock];
      break;
    }
  std::string out;
  if (doc.format == Format::Latex) {
    std::string cmd = model && !model->command.empty() ? model->command : "section";
    if (!cmd.empty() && cmd[0] == '\\') cmd.erase(0, 1);
    out = "\\" + cmd + "{" + std::string(title) + "}\n\n";
    return out;
  }
  int level = model && model->level > 0 ? model->level : 2;
  out = std::string(static_cast<size_t>(level), '#') + " " + std::string(title) + "\n\n";
  if (withList) out += "- \n\n";
  return out;
}

bool isTechnicalRole(std::string_view role) {
  // Whole words of the role name ("backend-developer", "Data Scientist"),
  // matched by stem so "developer", "development" and "devops" all count.
  static constexpr std::string_view kStems[] = {"develop", "engineer", "software", "data", "devops", "sre", "backend", "frontend",
                                 "fullstack", "programmer", "architect", "scientist", "security", "cloud", "platform",
                                 "machine", "ml", "ai", "qa", "test", "web", "mobile", "android", "ios", "it",
                                 "technical", "infrastructure", "network", "systems", "analyst", "coder", "full",
                                 "back", "front", "site", "reliability", "embedded", "firmware", "game"};
  std::string r = lower(role);
  for (const Word& w : words(r)) {
    std::string_view word = std::string_view(r).substr(w.begin, w.end - w.begin);
    for (std::string_view stem : kStems) {
      size_t n = stem.size();
      bool shortStem = n <= 3;
      if (shortStem ? word == stem : word.substr(0, n) == stem) return true;
    }
  }
  return false;
}

}  // namespace cvlint::conv
