// missing-section: a UK CV has a summary, experience, education and skills
// section (and certifications when the advert or role profile names one). The
// fix inserts a heading skeleton in the document's own heading syntax (the
// level or LaTeX command of its existing headings) before the first section
// that conventionally follows the missing one. Documents with no recognised
// heading at all are left alone: their structure is unknown, not incomplete.
#include "keywords/keywords.hpp"
#include "parse/parse.hpp"
#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

int rank(SectionKind k) {
  switch (k) {
    case SectionKind::Header: return -1;
    case SectionKind::Summary: return 0;
    case SectionKind::Skills: return 1;
    case SectionKind::Experience: return 2;
    case SectionKind::Projects: return 3;
    case SectionKind::Education: return 4;
    case SectionKind::Certifications: return 5;
    case SectionKind::Other: return 6;
  }
  return 6;
}

bool isCertification(std::string_view keyword) {
  std::string k = conv::lower(keyword);
  if (k.find("certif") != std::string::npos) return true;
  static constexpr std::string_view kNames[] = {"ckad", "cka",  "cissp",   "ccna", "ccnp", "pmp",
                                                "prince2", "itil", "comptia", "ceh", "oscp"};
  for (std::string_view c : kNames)
    if (k.size() >= c.size() && k.compare(0, c.size(), c) == 0 && (k.size() == c.size() || k[c.size()] == ' '))
      return true;  // the name, or the name and more words ("CKA certified")
  return false;
}

class MissingSection final : public Rule {
 public:
  std::string_view id() const override { return "missing-section"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "no summary, experience, education or skills section"; }
  std::string_view explanation() const override {
    return "Recruiters and ATS parsers expect the usual sections: a 2-3 line professional summary, 8-10 key "
           "skills, work experience and education (and certifications when the advert names one).\n\n"
           "The fix inserts an empty heading (`## Skills` / `\\section{Skills}`) where the section usually goes.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    if (doc.sections.size() < 2 || doc.blocks.empty()) return;
    struct Want {
      SectionKind kind;
      const char* title;
      const char* why;
    };
    std::vector<Want> wants = {
        {SectionKind::Summary, "Summary", "a 2-3 line professional summary at the top tells a recruiter who you are"},
        {SectionKind::Skills, "Skills", "a key-skills list of 8-10 items is what an ATS matches against the advert"},
        {SectionKind::Experience, "Experience", "work experience is what a recruiter reads first"},
        {SectionKind::Education, "Education", "list your education with institution and dates"},
    };
    std::string cert;
    if (ctx.keywords)
      for (const KeywordMatch& m : ctx.keywords->matches)
        if (isCertification(m.keyword)) {
          cert = m.keyword;
          break;
        }
    if (!cert.empty()) wants.push_back({SectionKind::Certifications, "Certifications", nullptr});
    const conv::DocumentAnchor at = conv::documentAnchor(doc);
    for (const Want& w : wants) {
      if (doc.findSection(w.kind) >= 0 || hasHeading(doc, w.kind)) continue;
      std::string msg = std::string("No ") + conv::lower(w.title) + " section: ";
      msg += w.why ? w.why : "the " + std::string(ctx.keywords->fromAdvert ? "advert" : "role profile") + " names " +
                                 cert + ", so list your certifications";
      Finding f = conv::makeFinding("missing-section", at.file, at.range, std::move(msg));
      f.data.push_back({"section", std::string(sectionKindName(w.kind))});
      Fix fix;
      fix.title = "Insert a " + std::string(w.title) + " section";
      fix.edits.push_back(insertion(doc, w.kind, w.title));
      fix.safe = false;  // an empty heading needs the user's content: never applied by --fix
      f.fixes.push_back(std::move(fix));
      out.push_back(std::move(f));
    }
  }

 private:
  // A heading of that kind below the section level ("### Skills" under a
  // "## Senior Developer" subtitle) still is the section, whatever the
  // structure pass made of the levels.
  static bool hasHeading(const CvDocument& doc, SectionKind kind) {
    for (const Block& b : doc.blocks)
      if (b.kind == BlockKind::Heading && classifyHeading(b.prose.text) == kind) return true;
    return false;
  }

  // Before the first section that conventionally follows `kind`; else after the last one.
  static Edit insertion(const CvDocument& doc, SectionKind kind, std::string_view title) {
    std::string skel = conv::headingSkeleton(doc, title, kind == SectionKind::Skills);
    for (size_t s = 1; s < doc.sections.size(); ++s) {
      const Section& sec = doc.sections[s];
      if (sec.headingBlock < 0 || rank(sec.kind) <= rank(kind)) continue;
      const Block& h = doc.blocks[sec.headingBlock];
      uint32_t lineStart = doc.source(h.file).lines().lineStart(doc.source(h.file).lineOf(h.range.begin));
      return {h.file, {lineStart, lineStart}, skel};
    }
    const Section& last = doc.sections.back();
    const SourceText& src = doc.source(last.file);
    ByteRange lines = conv::wholeLines(src, last.range);
    uint32_t at = lines.end;
    std::string text = "\n" + skel;
    if (at > 0 && src.view()[at - 1] != '\n') text = "\n" + text;
    while (text.size() > 1 && text.substr(text.size() - 2) == "\n\n") text.pop_back();
    return {last.file, {at, at}, text};
  }
};

}  // namespace

const Rule& missingSectionRule() {
  static const MissingSection r;
  return r;
}

}  // namespace cvlint
