// summary-length: a professional summary should be 2-3 lines. The rule
// estimates rendered lines from the prose of the Summary section (about 95
// characters to a line at 11pt on A4 with 2 cm margins, each paragraph or
// bullet starting a new line) and reports a summary over 3 lines on its first block.
#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

constexpr uint32_t kCharsPerLine = 95;
constexpr uint32_t kMaxLines = 3;

uint32_t codePoints(std::string_view s) {
  uint32_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

class SummaryLength final : public Rule {
 public:
  std::string_view id() const override { return "summary-length"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "a summary longer than 3 lines"; }
  std::string_view explanation() const override {
    return "A professional summary is 2-3 lines: who you are, what you are best at, what you want next. A "
           "recruiter skims it in seconds; a long one gets skipped.\n\nEstimated at about 95 characters per "
           "rendered line. No fix: shorten it yourself.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    for (const Section& sec : doc.sections) {
      if (sec.kind != SectionKind::Summary) continue;
      uint32_t lines = 0;
      const Block* first = nullptr;
      for (int32_t bi : sec.blocks) {
        const Block& b = doc.blocks[bi];
        if (b.kind != BlockKind::Paragraph && b.kind != BlockKind::Bullet && b.kind != BlockKind::Other) continue;
        uint32_t n = codePoints(b.prose.text);
        if (n == 0) continue;
        if (!first) first = &b;
        lines += (n + kCharsPerLine - 1) / kCharsPerLine;
      }
      if (!first || lines <= kMaxLines) continue;
      Finding f = conv::makeFinding("summary-length", first->file, conv::firstLine(doc.source(first->file), first->range),
                                    "The summary runs to about " + std::to_string(lines) +
                                        " lines: keep it to 2-3 lines a recruiter reads at a glance");
      f.data.push_back({"lines", static_cast<double>(lines)});
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& summaryLengthRule() {
  static const SummaryLength r;
  return r;
}

}  // namespace cvlint
