// Renders the model for `cvlint dump` and the golden tests.
#include "dump.hpp"

namespace cvlint {

namespace {

const char* blockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::Heading: return "heading";
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::Bullet: return "bullet";
    case BlockKind::EntryHeader: return "entry-header";
    case BlockKind::Code: return "code";
    case BlockKind::Table: return "table";
    case BlockKind::Title: return "title";
    case BlockKind::Contact: return "contact";
    case BlockKind::Other: return "other";
  }
  return "other";
}

const char* contactKindName(ContactKind k) {
  switch (k) {
    case ContactKind::Email: return "email";
    case ContactKind::Phone: return "phone";
    case ContactKind::LinkedIn: return "linkedin";
    case ContactKind::GitHub: return "github";
    case ContactKind::Website: return "website";
  }
  return "website";
}

// Quotes prose on one line: newlines and tabs escaped, long text kept whole.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string where(const CvDocument& doc, uint16_t file, uint32_t line) {
  std::string s = "L" + std::to_string(line + 1);
  if (file != 0) s = doc.files[file].path + ":" + s;
  return s;
}

std::string field(const char* name, const Field& f) {
  if (!f.present()) return "";
  return std::string(" ") + name + "=" + quote(f.text);
}

void dumpBlock(std::string& out, const CvDocument& doc, const Block& b, int indent, bool withMap) {
  out += std::string(indent, ' ') + blockKindName(b.kind);
  if (b.kind == BlockKind::Heading || b.kind == BlockKind::Bullet) out += " " + std::to_string(b.level);
  out += " " + where(doc, b.file, b.line);
  if (!b.command.empty()) out += " \\" + b.command;
  out += " [" + std::to_string(b.range.begin) + "," + std::to_string(b.range.end) + ")";
  out += " " + quote(b.prose.text) + "\n";
  if (withMap) {
    for (const Segment& s : b.prose.segments) {
      out += std::string(indent + 4, ' ') + (s.verbatim ? "= " : "~ ") + "text[" + std::to_string(s.textBegin) + "," +
             std::to_string(s.textEnd) + ") src[" + std::to_string(s.srcBegin) + "," + std::to_string(s.srcEnd) + ") " +
             quote(std::string_view(b.prose.text).substr(s.textBegin, s.textEnd - s.textBegin)) + "\n";
    }
  }
}

}  // namespace

std::string dumpDocument(const CvDocument& doc, bool withMap) {
  std::string out;
  const char* fmt = doc.format == Format::Latex ? "latex" : doc.format == Format::Markdown ? "markdown" : "text";
  out += "document " + (doc.files.empty() ? std::string("?") : doc.files[0].path) + " (" + fmt + ")\n";
  for (size_t i = 1; i < doc.files.size(); ++i) out += "file " + std::to_string(i) + " " + doc.files[i].path + "\n";
  if (!doc.latex.documentClass.empty()) {
    out += "class " + doc.latex.documentClass;
    for (const auto& o : doc.latex.classOptions) out += " " + o;
    out += "\n";
  }
  for (size_t si = 0; si < doc.sections.size(); ++si) {
    const Section& s = doc.sections[si];
    out += "section " + std::string(sectionKindName(s.kind)) + " " + quote(s.title);
    if (s.headingBlock >= 0) out += " " + where(doc, s.file, s.line);
    out += "\n";
    size_t nextEntry = 0;
    for (int32_t bi : s.blocks) {
      const Block& b = doc.blocks[bi];
      if (b.entry >= 0 && doc.entries[b.entry].headerBlock == bi) {
        const Entry& e = doc.entries[b.entry];
        out += "  entry " + where(doc, e.file, e.line) + field("role", e.role) + field("org", e.organisation) +
               field("dates", e.dates) + field("location", e.location) + "\n";
        dumpBlock(out, doc, b, 4, withMap);
        ++nextEntry;
        continue;
      }
      dumpBlock(out, doc, b, b.entry >= 0 ? 4 : 2, withMap);
    }
  }
  for (const LayoutFact& l : doc.layout)
    out += "layout " + std::string(layoutKindName(l.kind)) + " " + quote(l.construct) + " " + where(doc, l.file, l.line) + "\n";
  for (const Contact& c : doc.contacts) out += "contact " + std::string(contactKindName(c.kind)) + " " + quote(c.value) + "\n";
  for (const Suppression& s : doc.suppressions)
    out += "suppress " + s.rule + " L" + std::to_string(s.firstLine + 1) + "-" +
           (s.lastLine == UINT32_MAX ? std::string("end") : "L" + std::to_string(s.lastLine + 1)) + "\n";
  for (const auto& [k, v] : doc.settings) out += "setting " + k + "=" + v + "\n";
  for (const ParseProblem& p : doc.problems) out += "problem " + where(doc, p.file, doc.source(p.file).lineOf(p.range.begin)) + " " + p.message + "\n";
  return out;
}

}  // namespace cvlint
