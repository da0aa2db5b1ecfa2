// personal-details: UK CVs carry no photo, date of birth, age, marital
// status, nationality, gender or religion (employers must not use them, and
// they invite bias). The rule reads each block's prose as fields (parts
// separated by `|`, `·`, `•`, `;` or a line break) and matches labels and
// values by whole words, so "Age UK", "Manager", "photography", "ageing" and
// "British Airways" never match. Photos come from the front ends' layout
// facts. The fix deletes the field, or the whole line when nothing else is on it.
#include <array>
#include <cstring>

#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

using conv::Word;

struct Detail {
  const char* what;  // "date of birth"
  uint32_t begin, end;  // text bytes of the field holding it
};

bool isSep(std::string_view t, size_t i, size_t& len) {
  len = 1;
  if (t[i] == '|' || t[i] == ';' || t[i] == '\t') return true;
  if (t.substr(i, 3) == "\xE2\x80\xA2") return len = 3, true;  // •
  if (t.substr(i, 2) == "\xC2\xB7") return len = 2, true;      // ·
  return false;
}

// Fields of a block: [begin, end) text ranges, trimmed.
std::vector<std::pair<uint32_t, uint32_t>> fieldsOf(const Prose& p, const SourceText& src) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  std::string_view t = p.text;
  size_t b = 0;
  auto push = [&](size_t e) {
    size_t fb = b, fe = e;
    while (fb < fe && (t[fb] == ' ' || t[fb] == ',')) ++fb;
    while (fe > fb && (t[fe - 1] == ' ' || t[fe - 1] == ',')) --fe;
    if (fe > fb) out.push_back({static_cast<uint32_t>(fb), static_cast<uint32_t>(fe)});
  };
  for (size_t i = 0; i < t.size(); ++i) {
    size_t len = 1;
    bool lineBreak = false;
    if (t[i] == ' ' && i > 0 && i + 1 < t.size())
      lineBreak = src.lineOf(p.toSource(static_cast<uint32_t>(i - 1))) != src.lineOf(p.toSource(static_cast<uint32_t>(i + 1)));
    if (lineBreak || isSep(t, i, len)) {
      push(i);
      b = i + len;
      i += len - 1;
    }
  }
  push(t.size());
  return out;
}

bool isNumber(std::string_view w) {
  if (w.empty() || w.size() > 3) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

bool isMonthOrNumber(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  for (std::string_view m : kMonths)
    if (w.substr(0, 3) == m) return true;
  return false;
}

// The personal detail a field holds, if any. `t` is the lower-cased prose,
// [fb, fe) the field, `ws` its words.
const char* detailOf(std::string_view t, uint32_t fb, uint32_t fe, const std::vector<Word>& ws, bool bullet) {
  auto w = [&](size_t i) { return i < ws.size() ? t.substr(ws[i].begin, ws[i].end - ws[i].begin) : std::string_view(); };
  // A label: followed by ':' (or " -"), or the first of exactly two words in
  // a non-bullet field whose second is a known value ("Gender Female"), so
  // "Gender equality network" is no label.
  auto label = [&](size_t i, std::initializer_list<std::string_view> values = {}) {
    size_t k = ws[i].end;
    while (k < fe && t[k] == ' ') ++k;
    if (k < fe && (t[k] == ':' || t[k] == '-' || t[k] == '=')) return true;
    if (bullet || i != 0 || ws.size() != 2) return false;
    if (values.size() == 0) return true;
    for (std::string_view v : values)
      if (w(1) == v) return true;
    return false;
  };
  std::string_view field = t.substr(fb, fe - fb);
  while (!field.empty() && (field.back() == '.' || field.back() == ' ')) field.remove_suffix(1);
  for (size_t i = 0; i < ws.size(); ++i) {
    std::string_view a = w(i), b = w(i + 1), c = w(i + 2);
    if ((a == "date" || a == "place") && b == "of" && c == "birth") return a == "date" ? "date of birth" : "place of birth";
    if ((a == "birth" && (b == "date" || b == "place")) || a == "birthdate" || a == "birthday" || a == "birthplace")
      return "date of birth";
    if (a == "dob" || (a == "d" && b == "o" && c == "b" && ws[i + 2].end - ws[i].begin == 5)) return "date of birth";
    if (a == "born" && (ws[i].end >= fe || t[ws[i].end] != '-') && (isMonthOrNumber(b) || b == "on" || b == "in")) return "date of birth";
    if ((a == "age" || a == "aged") && isNumber(b) && ws[i + 1].begin - ws[i].end <= 3) return "age";
    if (isNumber(a) && (b == "years" || b == "yrs" || b == "year") && c == "old") return "age";
    if (a == "marital" || (a == "civil" && b == "status")) return "marital status";
    if (a == "nationality" || ((a == "citizenship") && label(i))) return "nationality";
    if ((a == "gender" || a == "sex") &&
        label(i, {"male", "female", "m", "f", "man", "woman", "non", "nonbinary", "other"}))
      return "gender";
    if ((a == "religion" || a == "faith") &&
        label(i, {"christian", "muslim", "hindu", "jewish", "buddhist", "sikh", "atheist", "catholic", "protestant",
                  "agnostic", "none", "islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism"}))
      return "religion";
    if ((a == "ethnicity" || (a == "ethnic" && b == "origin")) && label(a == "ethnic" ? i + 1 : i)) return "ethnicity";
    if (a == "sexual" && b == "orientation") return "sexual orientation";
    if ((a == "children" || a == "dependants" || a == "dependents") && label(i) && isNumber(b)) return "marital status";
  }
  // Values on their own, or as one of a comma list ("British national, married, 2 children").
  static constexpr std::string_view kMarital[] = {"married", "single", "divorced", "widowed", "separated"};
  size_t b = 0;
  while (b <= field.size()) {
    size_t e = field.find(',', b);
    if (e == std::string_view::npos) e = field.size();
    std::string_view part = field.substr(b, e - b);
    if (size_t colon = part.find(':'); colon != std::string_view::npos) part.remove_prefix(colon + 1);  // "Status: Single"
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    for (std::string_view m : kMarital)
      if (part == m || (part.substr(0, m.size()) == m && part.substr(m.size(), 5) == " with")) return "marital status";  // "married with 2 children"
    if (part == "male" || part == "female") return "gender";
    b = e + 1;
  }
  if (!bullet)
    for (size_t i = 0; i < ws.size(); ++i)
      if (w(i) == "married" || w(i) == "divorced" || w(i) == "widowed") return "marital status";
  return nullptr;
}

// Every word detailOf can match on starts one of its tests; a block with
// none of them holds no detail (fields split at non-word characters only, so
// a field's words are the block's words). Most blocks stop here, before the
// field split and its source-line lookups.
bool mayHoldDetail(std::string_view text) {
  static const auto byLetter = [] {
    std::array<std::vector<std::string_view>, 26> t;
    for (std::string_view w : {"birth", "birthdate", "birthday", "birthplace", "dob", "d", "born", "age", "aged", "old",
                               "marital", "civil", "nationality", "citizenship", "gender", "sex", "religion", "faith",
                               "ethnicity", "ethnic", "sexual", "children", "dependants", "dependents", "married",
                               "single", "divorced", "widowed", "separated", "male", "female"})
      t[w[0] - 'a'].push_back(w);
    return t;
  }();
  constexpr size_t kLongest = 11;
  char buf[kLongest];
  for (Word w : conv::words(text)) {
    size_t n = w.end - w.begin;
    if (n > kLongest) continue;
    for (size_t k = 0; k < n; ++k) {
      char c = text[w.begin + k];
      buf[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (buf[0] < 'a' || buf[0] > 'z') continue;
    std::string_view lw(buf, n);
    for (std::string_view cand : byLetter[buf[0] - 'a'])
      if (cand == lw) return true;
  }
  return false;
}

// Template commands that hold a detail (moderncv's \born, \dateofbirth, ...).
// `cls`: the LaTeX document class, for commands only one class gives this
// meaning (twentysecondcv's \cvdate sits by a cake icon: the date of birth).
const char* detailOfCommand(std::string_view cmd, std::string_view cls) {
  if (cmd == "born" || cmd == "dateofbirth" || cmd == "birthdate" || cmd == "birthday" || cmd == "dob")
    return "date of birth";
  if (cmd == "cvdate" && cls == "twentysecondcv") return "date of birth";
  if (cmd == "nationality" || cmd == "citizenship") return "nationality";
  if (cmd == "maritalstatus" || cmd == "marital") return "marital status";
  if (cmd == "gender") return "gender";
  if (cmd == "religion") return "religion";
  if (cmd == "age") return "age";
  return nullptr;
}

// Removes a field cleanly: the whole block or line when nothing else is on it,
// else the field with one neighbouring separator when that maps verbatim.
std::optional<Edit> removal(const CvDocument& doc, const Block& blk, const std::vector<std::pair<uint32_t, uint32_t>>& fields,
                            size_t fi) {
  const Prose& p = blk.prose;
  const SourceText& src = doc.source(blk.file);
  if (fields.size() == 1) return conv::deletion(doc, blk.file, blk.range);
  auto [fb, fe] = fields[fi];
  ByteRange s = p.toSource(fb, fe);
  // A table cell: its row is the field ("| Date of birth | 1 Jan 1990 |").
  if (blk.kind == BlockKind::Table) return Edit{blk.file, conv::wholeLines(src, s), ""};
  uint32_t line = src.lineOf(s.begin);
  if (src.lineOf(s.end > s.begin ? s.end - 1 : s.begin) == line) {
    uint32_t ls = src.lines().lineStart(line), le = src.lines().lineEnd(line);
    std::string_view v = src.view();
    bool rest = false;
    for (uint32_t k = ls; k < le; ++k) {
      if (k == s.begin) k = s.end;
      if (k >= le) break;
      unsigned char ch = static_cast<unsigned char>(v[k]);
      if (std::isalnum(ch) || ch == '\\' || ch >= 0x80) rest = true;
    }
    if (!rest) return Edit{blk.file, conv::wholeLines(src, {ls, le}), ""};
  }
  uint32_t db = fb, de = fe;
  if (fi + 1 < fields.size()) de = fields[fi + 1].first;
  else db = fields[fi - 1].second;
  if (!p.isVerbatim(db, de)) return std::nullopt;
  return Edit{blk.file, p.toSource(db, de), ""};
}

class PersonalDetails final : public Rule {
 public:
  std::string_view id() const override { return "personal-details"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::string_view summary() const override {
    return "photo, date of birth, age, marital status, nationality, gender or religion";
  }
  std::string_view explanation() const override {
    return "UK CVs leave out a photo and personal details: date of birth, age, marital status, nationality, "
           "gender and religion. Employers may not use them (Equality Act 2010), and they invite bias.\n\n"
           "    Date of birth: 1 January 1990      <- personal-details\n\n"
           "The fix deletes the line (or the field, when the line holds other details such as the email).";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    for (const Block& blk : doc.blocks) {
      if (blk.kind == BlockKind::Code || blk.kind == BlockKind::Heading || blk.prose.text.empty()) continue;
      if (const char* what = detailOfCommand(blk.command, doc.latex.documentClass)) {
        report(doc, blk.file, blk.range, what, conv::deletion(doc, blk.file, blk.range), out);
        continue;
      }
      if (!mayHoldDetail(blk.prose.text)) continue;
      std::string t = conv::lower(blk.prose.text);
      auto fields = fieldsOf(blk.prose, doc.source(blk.file));
      for (size_t fi = 0; fi < fields.size(); ++fi) {
        auto [fb, fe] = fields[fi];
        std::vector<Word> ws;
        for (Word w : conv::words(std::string_view(t).substr(fb, fe - fb))) ws.push_back({w.begin + fb, w.end + fb});
        if (ws.empty() || blk.prose.overlapsCode(fb, fe)) continue;
        const char* what = detailOf(t, fb, fe, ws, blk.kind == BlockKind::Bullet);
        if (!what) continue;
        report(doc, blk.file, blk.prose.toSource(fb, fe), what, removal(doc, blk, fields, fi), out);
      }
    }
    for (const LayoutFact& l : doc.layout) {
      if (!conv::isPhoto(doc, l)) continue;
      ByteRange r = conv::withArguments(doc.source(l.file), l.range);
      report(doc, l.file, r, "photo", conv::deletion(doc, l.file, r), out);
    }
  }

 private:
  static void report(const CvDocument& doc, uint16_t file, ByteRange range, std::string_view what, std::optional<Edit> edit,
                     std::vector<Finding>& out) {
    std::string msg = what == "photo"
                          ? "Leave the photo out: UK employers do not expect one, and it invites bias"
                          : "Leave out the " + std::string(what) +
                                ": UK employers may not use it in hiring (Equality Act 2010), and it invites bias";
    Finding f = conv::makeFinding("personal-details", file, range, std::move(msg));
    f.data.push_back({"detail", std::string(what)});
    if (edit) {
      Fix fix;
      fix.title = "Delete the " + std::string(what);
      fix.edits.push_back(std::move(*edit));
      fix.preferred = true;
      f.fixes.push_back(std::move(fix));
    }
    out.push_back(std::move(f));
  }
};

}  // namespace

const Rule& personalDetailsRule() {
  static const PersonalDetails r;
  return r;
}

}  // namespace cvlint
