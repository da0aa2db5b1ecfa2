// page-overflow: the CV renders past the page limit (setting `pages`,
// directive `pages=N`, default 2). Reported on the first source line that
// the page model puts past the limit, with the estimate in the message and
// in `data` ({"page": 3, "estimated": 2.4}).
#include <cmath>
#include <cstdio>

#include "length/pages.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

// One decimal, rounded up: a CV that spills a line onto page 3 reads "about
// 2.1 pages", never "2.0".
double upToTenth(double v) { return std::ceil(v * 10 - 1e-6) / 10; }

std::string oneDecimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", upToTenth(v));
  return buf;
}

class PageOverflow final : public Rule {
 public:
  std::string_view id() const override { return "page-overflow"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::string_view summary() const override { return "the CV renders past the page limit"; }
  std::string_view explanation() const override {
    return "UK employers expect a CV of two pages at most: a reviewer with 200 applications reads the\n"
           "first page and skims the second. cvlint estimates how the CV typesets (paper, margins, fonts,\n"
           "spacing, lists and headings, with the same font metrics TeX uses) and reports the first line\n"
           "that lands past the limit.\n\n"
           "    This CV runs to about 2.4 pages; the limit is 2 (page 3 starts here)\n\n"
           "Set the limit with `pages` in `.cvlint.json`, `--pages N`, or a `cvlint: pages=N` directive.\n"
           "With `exactPages` on, saving compiles the CV in a sandbox and reports the measured count.\n"
           "There is no automatic fix: cut the least relevant bullets, or merge old roles into one line.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const PageEstimate* pe = ctx.pages;
    int limit = ctx.config.pages;
    if (!pe || limit <= 0) return;
    int whole = static_cast<int>(std::ceil(pe->pages - 1e-9));
    if (whole <= limit) return;
    const PageStart* start = nullptr;
    for (const PageStart& s : pe->starts)
      if (s.page == limit + 1) start = &s;
    Finding f;
    f.file = start ? start->file : 0;
    ByteRange r{0, 0};
    if (start && f.file < ctx.doc.files.size()) {
      // The whole source line where the first page past the limit begins.
      const SourceText& src = ctx.doc.source(f.file);
      std::string_view text = src.view();
      uint32_t b = std::min<uint32_t>(start->srcByte, static_cast<uint32_t>(text.size()));
      while (b > 0 && text[b - 1] != '\n') --b;
      uint32_t e = b;
      while (e < text.size() && text[e] != '\n' && text[e] != '\r') ++e;
      // Leading indentation is not part of what is underlined.
      while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
      r = {b, e};
    }
    f.range = r;
    bool measured = pe->method == "measured";
    std::string count = measured ? std::to_string(whole) : "about " + oneDecimal(pe->pages);
    f.message = "This CV runs to " + count + " pages" + (measured ? " (measured)" : "") + "; the limit is " +
                std::to_string(limit) + " (page " + std::to_string(limit + 1) + " starts here)";
    f.data.push_back({"page", static_cast<double>(limit + 1)});
    f.data.push_back({"estimated", upToTenth(pe->pages)});
    out.push_back(std::move(f));
  }
};

}  // namespace

const Rule& pageOverflowRule() {
  static const PageOverflow r;
  return r;
}

}  // namespace cvlint
