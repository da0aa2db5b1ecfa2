// long-bullet: a bullet that renders over two lines. Until the page model
// exposes per-bullet line counts this uses a character count: about 95
// characters fit on a line of a typical A4/letter CV at 10-11pt, so a bullet
// of more than 2 x 95 characters of prose wraps onto a third line.
#include "core/text.hpp"
#include "rules/rules.hpp"
#include "rules/wording.hpp"

namespace cvlint {
namespace {

using namespace wording;

constexpr uint32_t kCharsPerLine = 95;
constexpr uint32_t kMaxLines = 2;

class LongBullet final : public Rule {
 public:
  std::string_view id() const override { return "long-bullet"; }
  Severity defaultSeverity() const override { return Severity::Hint; }
  std::string_view summary() const override { return "a bullet over two rendered lines"; }
  std::string_view explanation() const override {
    return R"(A recruiter gives each bullet a second or two. Past two lines the point gets
lost: keep one achievement per bullet, lead with the verb, end with the number.

**Before**

    - Designed, built and then maintained for three years the internal
      reporting platform used by finance, sales and operations, including
      the data pipeline, the dashboards and the alerting, working closely
      with stakeholders

**After** (your rewrite, split in two)

    - Built the reporting platform used by finance, sales and operations
    - Maintained its data pipeline and dashboards for 3 years

cvlint estimates about 95 characters per rendered line; a bullet over about
190 characters of text is reported. There is no automatic fix.
)";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    for (const Block& b : ctx.doc.blocks) {
      if (b.kind != BlockKind::Bullet) continue;
      const std::string& s = b.prose.text;
      uint32_t chars = 0;
      for (size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++chars;
      if (chars <= kCharsPerLine * kMaxLines) continue;
      Text t(s);
      if (t.words.empty()) continue;
      uint32_t lines = (chars + kCharsPerLine - 1) / kCharsPerLine;
      Finding f = makeFinding(b, t.words.front().begin, t.words.back().end,
                              "This bullet runs to about " + std::to_string(lines) + " lines (" +
                                  std::to_string(chars) + " characters): keep it to one or two");
      f.data.push_back({"characters", static_cast<double>(chars)});
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& longBulletRule() {
  static const LongBullet r;
  return r;
}

}  // namespace cvlint
