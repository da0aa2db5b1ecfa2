// date-format: the entries' dates should share one style. Three things are
// compared across every entry's dates field: the month style (Jan 2020,
// Jan. 2020, January 2020, 01/2020, 2020-01; year-only dates fit any), the
// range separator (en dash, hyphen, em dash, "to") and the word for an
// ongoing role (Present, Current, Now). The most frequent form wins (ties go
// to the first one written); each entry that differs gets one finding per
// aspect, with a fix rewriting it in the dominant form. A separator fix copies
// the source of a dominant example, so LaTeX keeps `--` and Markdown `–`.
#include <map>

#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

using conv::DatePoint;
using conv::DateStyle;

struct Dated {
  conv::FieldText field;
  conv::DateRange range;
};

// Counts of a key with the order it was first seen.
template <class K>
struct Tally {
  std::map<K, std::pair<int, int>> counts;  // key -> (count, first order)
  int order = 0;
  void add(const K& k) {
    auto [it, fresh] = counts.try_emplace(k, std::make_pair(0, order++));
    ++it->second.first;
  }
  bool mixed() const { return counts.size() > 1; }
  K dominant() const {
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it)
      if (it->second.first > best->second.first ||
          (it->second.first == best->second.first && it->second.second < best->second.second))
        best = it;
    return best->first;
  }
};

bool monthStyle(DateStyle s) { return s != DateStyle::Year && s != DateStyle::Ongoing; }

std::string sepKey(std::string_view s) {
  if (s == "--" || s == "\xE2\x80\x93") return "\xE2\x80\x93";
  if (s == "\xE2\x80\x90") return "-";
  return std::string(s);
}

std::string sepName(const std::string& k) {
  if (k == "\xE2\x80\x93") return "an en dash (\xE2\x80\x93)";
  if (k == "\xE2\x80\x94") return "an em dash (\xE2\x80\x94)";
  if (k == "-") return "a hyphen (-)";
  return "\"" + k + "\"";
}

class DateFormat final : public Rule {
 public:
  std::string_view id() const override { return "date-format"; }
  Severity defaultSeverity() const override { return Severity::Hint; }
  std::string_view summary() const override { return "inconsistent date formats across entries"; }
  std::string_view explanation() const override {
    return "Dates written one way throughout (Jan 2020 \xE2\x80\x93 Present) look careful and parse reliably in an "
           "ATS; a mix of Jan 2020, 01/2020 and 2020-01, of dashes and hyphens, or of Present and Current does "
           "not.\n\nThe fix rewrites the entry in the CV's most frequent style.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    std::vector<Dated> dated;
    for (const Entry& e : doc.entries) {
      if (!e.dates.present()) continue;
      conv::FieldText ft = conv::locateField(doc, e.dates, e.headerBlock);
      conv::DateRange r = conv::parseDates(ft.text);
      if (!r.points.empty()) dated.push_back({ft, std::move(r)});
    }
    if (dated.size() < 2) return;
    Tally<DateStyle> styles;
    Tally<std::string> seps, ongoing;
    bool padded = true;
    for (const Dated& d : dated) {
      for (const DatePoint& p : d.range.points) {
        if (monthStyle(p.style) && !p.ambiguous) styles.add(p.style);
        if (p.style == DateStyle::Slash && !p.padded) padded = false;
        if (p.style == DateStyle::Ongoing) ongoing.add(conv::lower(d.field.text.substr(p.begin, p.end - p.begin)));
      }
      if (!d.range.sep.empty()) seps.add(sepKey(d.range.sep));
    }
    if (styles.mixed()) checkStyles(dated, styles.dominant(), padded, out);
    if (seps.mixed()) checkSeps(doc, dated, seps.dominant(), out);
    if (ongoing.mixed()) checkOngoing(dated, ongoing.dominant(), out);
  }

 private:
  static void checkStyles(const std::vector<Dated>& dated, DateStyle dom, bool padded, std::vector<Finding>& out) {
    for (const Dated& d : dated) {
      std::vector<Edit> edits;
      bool differs = false, editable = true;
      uint32_t b = UINT32_MAX, e = 0;
      for (const DatePoint& p : d.range.points) {
        if (!monthStyle(p.style) || p.style == dom) continue;
        bool longOrShort = dom == DateStyle::MonthShort || dom == DateStyle::MonthShortDot || dom == DateStyle::MonthLong;
        if (p.ambiguous && longOrShort) continue;
        differs = true;
        b = std::min(b, p.begin), e = std::max(e, p.end);
        if (!d.field.editable(p.begin, p.end)) editable = false;
        else edits.push_back({d.field.file, d.field.range(p.begin, p.end), conv::formatDate(p, dom, padded)});
      }
      if (!differs) continue;
      Finding f = conv::makeFinding("date-format", d.field.file, d.field.range(b, e),
                                    "Date written as \"" + std::string(d.field.text.substr(b, e - b)) +
                                        "\", but most entries use the " + conv::dateStyleName(dom) + " style");
      f.data.push_back({"dominant", std::string(conv::dateStyleName(dom))});
      if (editable && !edits.empty()) {
        Fix fix;
        fix.title = std::string("Write dates as ") + conv::dateStyleName(dom);
        fix.edits = std::move(edits);
        fix.preferred = true;
        f.fixes.push_back(std::move(fix));
      }
      out.push_back(std::move(f));
    }
  }

  static void checkSeps(const CvDocument& doc, const std::vector<Dated>& dated, const std::string& dom,
                        std::vector<Finding>& out) {
    // Source text of a dominant separator, copied for the fix.
    std::string replacement;
    for (const Dated& d : dated)
      if (!d.range.sep.empty() && sepKey(d.range.sep) == dom && d.field.editable(d.range.sepBegin, d.range.sepEnd)) {
        ByteRange r = d.field.range(d.range.sepBegin, d.range.sepEnd);
        replacement = std::string(doc.source(d.field.file).view().substr(r.begin, r.size()));
        break;
      }
    for (const Dated& d : dated) {
      if (d.range.sep.empty() || sepKey(d.range.sep) == dom) continue;
      ByteRange r = d.field.range(d.range.sepBegin, d.range.sepEnd);
      Finding f = conv::makeFinding("date-format", d.field.file, r,
                                    "Date range joined with " + sepName(sepKey(d.range.sep)) + ", but most entries use " +
                                        sepName(dom));
      f.data.push_back({"dominant", dom});
      if (!replacement.empty() && d.field.editable(d.range.sepBegin, d.range.sepEnd)) {
        Fix fix;
        fix.title = "Use " + sepName(dom);
        fix.edits.push_back({d.field.file, r, replacement});
        fix.preferred = true;
        f.fixes.push_back(std::move(fix));
      }
      out.push_back(std::move(f));
    }
  }

  static void checkOngoing(const std::vector<Dated>& dated, const std::string& dom, std::vector<Finding>& out) {
    std::string written;  // the dominant word as first written ("Present")
    for (const Dated& d : dated)
      for (const DatePoint& p : d.range.points)
        if (p.style == DateStyle::Ongoing && written.empty() &&
            conv::lower(d.field.text.substr(p.begin, p.end - p.begin)) == dom)
          written = std::string(d.field.text.substr(p.begin, p.end - p.begin));
    for (const Dated& d : dated)
      for (const DatePoint& p : d.range.points) {
        if (p.style != DateStyle::Ongoing) continue;
        std::string w(d.field.text.substr(p.begin, p.end - p.begin));
        if (conv::lower(w) == dom) continue;
        ByteRange r = d.field.range(p.begin, p.end);
        Finding f = conv::makeFinding("date-format", d.field.file, r,
                                      "\"" + w + "\" for an ongoing role, but most entries say \"" + written + "\"");
        f.data.push_back({"dominant", written});
        if (d.field.editable(p.begin, p.end)) {
          Fix fix;
          fix.title = "Replace with \"" + written + "\"";
          fix.edits.push_back({d.field.file, r, written});
          fix.preferred = true;
          f.fixes.push_back(std::move(fix));
        }
        out.push_back(std::move(f));
      }
  }
};

}  // namespace

const Rule& dateFormatRule() {
  static const DateFormat r;
  return r;
}

}  // namespace cvlint
