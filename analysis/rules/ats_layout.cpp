// ats-layout: tables, images, multi-column layouts, text boxes, graphics and
// icon fonts, which Applicant Tracking Systems mangle. The front ends record
// each construct as a LayoutFact; this rule decides which are layout and
// says what an ATS does to each, once per construct on its first line.
//
// What is not reported: photos (personal-details does; conv::isPhoto), constructs inside the
// LaTeX preamble (macro definitions, not content), a two-column
// `tabular*` with `\extracolsep{\fill}` (the "Role ... Dates" heading row of
// single-column templates such as Jake's resume: an ATS reads it as one
// line, in order; when a user macro makes the table, the entry heading it
// sets tells the same), icons outside the header (section-title decorations
// carry no contact detail; icons on a contact's line anywhere are reported), and a second minipage or drawing in the same
// section (a side-by-side pair, a row of skill bars: one construct). Templates whose classes build the
// layout internally (Awesome-CV, AltaCV, Twenty Seconds) are reported on the
// \documentclass line.
#include <set>
#include <tuple>

#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

const char* effect(LayoutKind k) {
  switch (k) {
    case LayoutKind::Table:
      return "an ATS reads a table row by row, cell after cell, so columns run together and labels lose their "
             "values; use headings and bullet lists";
    case LayoutKind::Image:
      return "an ATS cannot read an image, so any text in it is lost";
    case LayoutKind::Columns:
      return "an ATS reads across the page line by line, interleaving the columns' text; use one column";
    case LayoutKind::Box:
      return "an ATS often skips text boxes and framed boxes, so what is inside may never be read";
    case LayoutKind::Graphics:
      return "an ATS skips graphics (drawings, charts, skill bars), so whatever they show is lost";
    case LayoutKind::IconFont:
      return "an ATS drops icon-font glyphs, so contact details marked only by an icon lose their label";
    case LayoutKind::Photo:
      return "an ATS cannot read an image, so any text in it is lost";
  }
  return "";
}

// Number of columns of a tabular column spec, and whether it stretches the
// row with \extracolsep{\fill}.
std::pair<int, bool> columnsOf(std::string_view spec) {
  int cols = 0;
  bool fill = spec.find("\\extracolsep") != std::string_view::npos && spec.find("\\fill") != std::string_view::npos;
  int depth = 0;
  for (size_t i = 0; i < spec.size(); ++i) {
    char c = spec[i];
    if (c == '{') ++depth;
    else if (c == '}') --depth;
    else if (depth == 0 && c == '\\') {
      while (i + 1 < spec.size() && std::isalpha(static_cast<unsigned char>(spec[i + 1]))) ++i;
    } else if (depth == 0 && std::isalpha(static_cast<unsigned char>(c))) {
      ++cols;
    }
  }
  return {cols, fill};
}

// Reads the arguments after \begin{tabular...} at `b`: returns the column spec.
std::string_view tabularSpec(std::string_view src, size_t b) {
  if (src.substr(b, 6) != "\\begin") return {};
  size_t i = src.find('}', b);  // end of \begin{name}
  if (i == std::string_view::npos || i - b > 40) return {};
  std::string_view name = src.substr(b, i - b);
  ++i;
  auto skipWs = [&] {
    while (i < src.size() && (src[i] == ' ' || src[i] == '\n' || src[i] == '\t' || src[i] == '\r')) ++i;
  };
  auto group = [&](char open, char close) -> std::string_view {
    skipWs();
    if (i >= src.size() || src[i] != open) return {};
    size_t s = ++i;
    int depth = 1;
    while (i < src.size() && depth > 0) {
      if (src[i] == open) ++depth;
      else if (src[i] == close) --depth;
      ++i;
    }
    return src.substr(s, i - s - 1);
  };
  bool width = name.find("tabular*") != std::string_view::npos || name.find("tabularx") != std::string_view::npos ||
               name.find("tabulary") != std::string_view::npos;
  if (width) group('{', '}');
  group('[', ']');
  return group('{', '}');
}

bool isTabular(std::string_view c) {
  return c.find("tabular") != std::string_view::npos || c.find("longtable") != std::string_view::npos;
}

struct ClassLayout {
  const char* cls;
  LayoutKind kind;
  const char* what;
};
constexpr ClassLayout kClasses[] = {
    {"awesome-cv", LayoutKind::Table,
     "the awesome-cv class sets each \\cventry in a table and the contact header with icon fonts: an ATS reads "
     "table rows cell by cell and drops the icons"},
    {"altacv", LayoutKind::Columns,
     "the altacv class sets a two-column page with icon-font contact details: an ATS interleaves the columns and "
     "drops the icons"},
    {"twentysecondcv", LayoutKind::Columns,
     "the twentysecondcv class places a sidebar with TikZ beside the main column: an ATS reads it out of order or "
     "skips it"},
};

class AtsLayout final : public Rule {
 public:
  std::string_view id() const override { return "ats-layout"; }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::string_view summary() const override { return "tables, images, multi-column layouts, text boxes"; }
  std::string_view explanation() const override {
    return "About 75% of CVs pass an Applicant Tracking System before a person reads them. ATS parsers read "
           "text line by line: tables are read row by row, two columns are interleaved, text boxes and graphics "
           "are skipped and icon fonts are dropped. Use one column, headings and bullet lists.\n\n"
           "    | Skill | Years |      <- ats-layout (pipe table)\n"
           "    \\begin{multicols}{2}  <- ats-layout\n\n"
           "Reported once per construct, on its first line. No fix: the layout needs rewriting.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    if (doc.format == Format::Latex && !doc.files.empty()) {
      for (const ClassLayout& c : kClasses)
        if (doc.latex.documentClass == c.cls && !doc.latex.preamble.empty()) {
          ByteRange r = conv::firstLine(doc.source(0), {doc.latex.preamble.begin, doc.latex.preamble.end});
          add(doc, 0, r, c.kind, "\\documentclass{" + std::string(c.cls) + "}",
              c.what, out);
        }
    }
    std::set<std::tuple<uint16_t, uint32_t, int>> seenLine;
    std::set<std::tuple<int32_t, uint16_t, std::string>> groupedSections;
    for (const LayoutFact& l : doc.layout) {
      // Photos are personal-details' (a QR code or logo the front end took
      // for a photo is still an image an ATS cannot read: reported here).
      if (l.file >= doc.files.size() || conv::isPhoto(doc, l)) continue;
      const SourceText& src = doc.source(l.file);
      // In the preamble only the class options ([twocolumn]) and \twocolumn
      // itself are layout; everything else there is a definition.
      bool documentLayout = l.construct == "twocolumn" || l.construct == "\\twocolumn";
      if (doc.format == Format::Latex && l.file == 0 && doc.latex.hasDocumentEnv && !documentLayout &&
          doc.latex.preamble.begin <= l.range.begin && l.range.begin < doc.latex.preamble.end)
        continue;
      if (isTabular(l.construct)) {
        std::string_view spec = tabularSpec(src.view(), l.range.begin);
        auto [cols, fill] = columnsOf(spec);
        if (cols == 1 || (cols == 2 && fill)) continue;
        // A table made by a user macro (\resumeSubheading) is recorded at the
        // call, where its column spec is not visible: one that sets an
        // entry's heading is a heading row too.
        if (spec.empty() && inEntryHeader(doc, l)) continue;
      }
      if (l.kind == LayoutKind::IconFont && !l.inHeader && !onContactLine(doc, l)) continue;
      // Side-by-side minipages and repeated drawings (skill bars, arrows made
      // by one macro) are one construct per section.
      if (l.construct.find("minipage") != std::string::npos || l.kind == LayoutKind::Graphics) {
        int32_t sec = sectionOf(doc, l);
        if (!groupedSections.insert({sec, l.file, l.construct}).second) continue;
      }
      uint32_t line = src.lineOf(l.range.begin);
      int key = l.kind == LayoutKind::IconFont ? -1 : static_cast<int>(l.kind);
      if (!seenLine.insert({l.file, line, key}).second) continue;
      std::string msg = describe(l) + ": " + effect(l.kind);
      add(doc, l.file, conv::firstLine(src, l.range), l.kind, l.construct, std::move(msg), out);
    }
  }

 private:
  // An icon on the same line as a contact detail (a "Contact" section or sidebar).
  static bool onContactLine(const CvDocument& doc, const LayoutFact& l) {
    const SourceText& src = doc.source(l.file);
    uint32_t line = src.lineOf(l.range.begin);
    for (const Contact& c : doc.contacts)
      if (c.file == l.file && src.lineOf(c.range.begin) == line) return true;
    for (const Block& b : doc.blocks) {
      bool holds = b.range.begin <= l.range.begin && l.range.begin < b.range.end;
      if (b.file != l.file || !(holds || src.lineOf(b.range.begin) == line)) continue;
      if (b.kind == BlockKind::Contact) return true;
      // Contacts are collected from the header only: read the block's prose
      // for an email, a profile link or a phone-length run of digits.
      std::string t = conv::lower(b.prose.text);
      if (t.find("linkedin") != std::string::npos || t.find("github") != std::string::npos) return true;
      size_t at = t.find('@');
      if (at != std::string::npos && t.find('.', at) != std::string::npos) return true;
      int digits = 0;
      for (char c : t) digits += c >= '0' && c <= '9';
      if (digits >= 10) return true;
    }
    return false;
  }

  static bool inEntryHeader(const CvDocument& doc, const LayoutFact& l) {
    for (const Entry& e : doc.entries) {
      if (e.headerBlock < 0 || e.headerBlock >= static_cast<int32_t>(doc.blocks.size())) continue;
      const Block& h = doc.blocks[e.headerBlock];
      if (h.file == l.file && h.range.begin <= l.range.begin && l.range.begin < std::max(h.range.end, h.range.begin + 1))
        return true;
    }
    return false;
  }

  static int32_t sectionOf(const CvDocument& doc, const LayoutFact& l) {
    int32_t best = 0;
    for (size_t s = 1; s < doc.sections.size(); ++s)
      if (doc.sections[s].file == l.file && doc.sections[s].range.begin <= l.range.begin) best = static_cast<int32_t>(s);
    return best;
  }

  static std::string describe(const LayoutFact& l) {
    std::string c = l.construct.empty() ? layoutKindName(l.kind) : l.construct;
    switch (l.kind) {
      case LayoutKind::Table: return "Table (" + c + ")";
      case LayoutKind::Image: return "Image (" + c + ")";
      case LayoutKind::Columns: return "Multi-column layout (" + c + ")";
      case LayoutKind::Box: return "Text box (" + c + ")";
      case LayoutKind::Graphics: return "Graphics (" + c + ")";
      case LayoutKind::IconFont: return "Icon font (" + c + ")";
      case LayoutKind::Photo: return "Image (" + c + ")";
    }
    return c;
  }

  static void add(const CvDocument&, uint16_t file, ByteRange r, LayoutKind k, std::string construct, std::string msg,
                  std::vector<Finding>& out) {
    if (!msg.empty()) msg[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(msg[0])));
    Finding f = conv::makeFinding("ats-layout", file, r, std::move(msg));
    f.data.push_back({"construct", std::move(construct)});
    f.data.push_back({"kind", std::string(layoutKindName(k))});
    out.push_back(std::move(f));
  }
};

}  // namespace

const Rule& atsLayoutRule() {
  static const AtsLayout r;
  return r;
}

}  // namespace cvlint
