// skills-count: a key-skills list of 8-10 items, matching the advert, is
// what recruiters skim and ATS parsers match. The rule counts the items of
// the Skills section: each bullet or line, split at commas, semicolons,
// middots, bullets and pipes, after a "Label:" prefix ("Languages: Python,
// Go" is two items). Reported on the section heading.
#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

constexpr int kMin = 8, kMax = 10;

bool hasWordChar(std::string_view s) {
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

int countItems(std::string_view t) {
  // A label before a colon ("Languages: ...") is not an item.
  size_t colon = t.find(':');
  size_t comma = t.find(',');
  if (colon != std::string_view::npos && colon < 40 && (comma == std::string_view::npos || colon < comma))
    t.remove_prefix(colon + 1);
  int n = 0;
  size_t b = 0;
  auto piece = [&](size_t e) {
    if (hasWordChar(t.substr(b, e - b))) ++n;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    size_t len = 0;
    if (t[i] == ',' || t[i] == ';' || t[i] == '|') len = 1;
    else if (t.substr(i, 2) == "\xC2\xB7") len = 2;
    else if (t.substr(i, 3) == "\xE2\x80\xA2") len = 3;
    if (!len) continue;
    piece(i);
    b = i + len;
    i += len - 1;
  }
  piece(t.size());
  return n;
}

class SkillsCount final : public Rule {
 public:
  std::string_view id() const override { return "skills-count"; }
  Severity defaultSeverity() const override { return Severity::Hint; }
  std::string_view summary() const override { return "a key-skills list outside 8-10 items"; }
  std::string_view explanation() const override {
    return "List 8-10 key skills, the ones the advert asks for. Fewer looks thin; a long list buries the skills "
           "that match.\n\n    ## Skills\n    Python, Go            <- skills-count (2 items)\n\nNo fix: choose "
           "the skills yourself.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    for (const Section& sec : doc.sections) {
      if (sec.kind != SectionKind::Skills || sec.headingBlock < 0) continue;
      int items = 0;
      for (int32_t bi : sec.blocks) {
        const Block& b = doc.blocks[bi];
        if (b.kind == BlockKind::Heading || b.kind == BlockKind::Code || b.kind == BlockKind::Title) continue;
        items += countItems(b.prose.text);
      }
      if (items == 0 || (items >= kMin && items <= kMax)) continue;
      const Block& h = doc.blocks[sec.headingBlock];
      std::string msg = "The skills section lists " + std::to_string(items) + " item" + (items == 1 ? "" : "s") +
                        (items < kMin ? ": list 8-10 key skills that match the advert"
                                      : ": keep 8-10 key skills, the ones the advert asks for");
      Finding f = conv::makeFinding("skills-count", h.file, conv::firstLine(doc.source(h.file), h.range), std::move(msg));
      f.data.push_back({"count", static_cast<double>(items)});
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

const Rule& skillsCountRule() {
  static const SkillsCount r;
  return r;
}

}  // namespace cvlint
