// skillsListEdit: where and how a missing keyword is added to the CV's skills
// list, in the document's own syntax. A comma (or pipe, bullet-dot) list gets
// ", X" after its last item -- on the line whose skills are most like X
// ("Databases: ..." for Redis); one-skill-per-bullet lists get a new bullet
// with the same marker and indentation; LaTeX gets `\item X` or the list's own
// item macro, with X escaped.
#include <algorithm>

#include "keywords/keywords.hpp"
#include "keywords/matcher.hpp"
#include "keywords/taxonomy.hpp"

namespace cvlint {

namespace {

std::string latexEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '#' || c == '&' || c == '%' || c == '$' || c == '_') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// The list separator a prose line uses (", " by default); empty when none.
std::string separatorOf(std::string_view text) {
  size_t best = std::string_view::npos;
  std::string sep;
  for (std::string_view s : {", ", " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", "; ", " / "}) {
    size_t p = text.rfind(s);
    if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) best = p, sep = std::string(s);
  }
  if (sep.empty() && text.find(',') != std::string_view::npos) sep = ", ";
  // "Databases: PostgreSQL" is a one-item list of its own.
  size_t colon = text.find(':');
  if (sep.empty() && colon != std::string_view::npos && text.find_first_not_of(" ", colon + 1) != std::string_view::npos)
    sep = ", ";
  return sep;
}

}  // namespace

SkillsLists::SkillsLists(const CvDocument& doc) : doc_(doc), section_(doc.findSection(SectionKind::Skills)) {
  if (section_ < 0) return;
  const Section& sec = doc.sections[static_cast<size_t>(section_)];
  for (int32_t bi : sec.blocks) {
    if (bi < 0 || static_cast<size_t>(bi) >= doc.blocks.size()) continue;
    const Block& b = doc.blocks[static_cast<size_t>(bi)];
    if (b.prose.text.empty() || b.prose.segments.empty()) continue;
    if (b.kind != BlockKind::Bullet && b.kind != BlockKind::Paragraph) continue;
    Line l{&b, !separatorOf(b.prose.text).empty(), {}};
    if (l.list)
      for (const kw::Mention& m : kw::taxonomy().scan(b.prose.text, kw::Lexicon::Context::List)) l.skills.push_back(m.skill);
    lines_.push_back(std::move(l));
  }
}

bool skillsListEdit(const CvDocument& doc, const std::string& item, const std::string& category, Edit& out) {
  return SkillsLists(doc).edit(item, category, out);
}

bool SkillsLists::edit(const std::string& item, const std::string& category, Edit& out) const {
  if (section_ < 0) return false;
  const CvDocument& doc = doc_;
  const Section& sec = doc.sections[static_cast<size_t>(section_)];
  const bool latex = doc.format == Format::Latex;
  const std::string text = latex ? latexEscape(item) : item;

  const Block* bestList = nullptr;
  int bestScore = -1;
  const Block* lastBullet = nullptr;
  const Block* lastPara = nullptr;
  for (const Line& l : lines_) {
    const Block& b = *l.block;
    if (b.kind == BlockKind::Bullet) lastBullet = &b;
    else lastPara = &b;
    if (!l.list) continue;
    // Skills of the same category on the line.
    int score = 0;
    if (!category.empty())
      for (uint32_t skill : l.skills)
        if (skill < skillTable().size() && category == skillCategoryName(skillTable()[skill].category)) ++score;
    if (score >= bestScore) bestScore = score, bestList = &b;  // ties: the later line
  }

  if (bestList) {
    // ", X" after the last item (before a closing full stop).
    const Prose& p = bestList->prose;
    auto te = static_cast<uint32_t>(p.text.size());
    while (te > 0 && (p.text[te - 1] == ' ' || p.text[te - 1] == '.' || p.text[te - 1] == '\n')) --te;
    if (te == 0) return false;
    uint32_t at = p.toSource(te - 1, te).end;
    out = {bestList->file, {at, at}, separatorOf(p.text) + text};
    return true;
  }
  if (lastBullet) {
    const Block& b = *lastBullet;
    const SourceText& src = doc.source(b.file);
    uint32_t endByte = std::max(b.prose.sourceRange().end, b.range.begin);
    uint32_t lineEnd = src.lines().lineEnd(src.lineOf(endByte > b.range.begin ? endByte - 1 : endByte));
    uint32_t markerLine = src.lineOf(b.markerRange.empty() ? b.range.begin : b.markerRange.begin);
    uint32_t ls = src.lines().lineStart(markerLine);
    uint32_t mb = b.markerRange.empty() ? b.range.begin : b.markerRange.begin;
    std::string indent(src.view().substr(ls, mb > ls ? mb - ls : 0));
    if (indent.find_first_not_of(" \t") != std::string::npos) indent.clear();
    std::string marker = b.markerRange.empty() ? std::string() : std::string(src.view().substr(b.markerRange.begin, b.markerRange.size()));
    std::string line;
    if (latex) {
      if (b.command.empty() || b.command == "item" || marker.rfind("\\item", 0) == 0)
        line = "\\item " + text;
      else
        line = "\\" + b.command + "{" + text + "}";
    } else {
      if (marker.empty() || marker.find_first_not_of(" \t-*+0123456789.)") != std::string::npos) marker = "- ";
      if (marker.back() != ' ') marker.push_back(' ');
      if (std::isdigit(static_cast<unsigned char>(marker[0]))) marker = "- ";
      line = marker + text;
    }
    out = {b.file, {lineEnd, lineEnd}, "\n" + indent + line};
    return true;
  }
  if (lastPara) {
    const Prose& p = lastPara->prose;
    auto te = static_cast<uint32_t>(p.text.size());
    while (te > 0 && (p.text[te - 1] == ' ' || p.text[te - 1] == '.')) --te;
    if (te == 0) return false;
    uint32_t at = p.toSource(te - 1, te).end;
    out = {lastPara->file, {at, at}, ", " + text};
    return true;
  }
  // An empty skills section: a first item under the heading.
  if (sec.headingBlock < 0 || latex) return false;
  const Block& h = doc.blocks[static_cast<size_t>(sec.headingBlock)];
  const SourceText& src = doc.source(h.file);
  uint32_t lineEnd = src.lines().lineEnd(src.lineOf(h.range.begin));
  out = {h.file, {lineEnd, lineEnd}, "\n\n- " + text};
  return true;
}

}  // namespace cvlint
