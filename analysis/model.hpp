// The CV document model: what both front ends (Markdown, LaTeX) produce and
// what every rule reads. Rules never look at raw markup; they read blocks of
// prose, each with a source map back to exact source bytes.
//
// Layout: a flat, ordered list of blocks (headings, paragraphs, bullets, entry
// headers, ...) in reading order, plus the CV structure built over it
// (sections -> entries -> bullets) and facts the rules need (layout
// constructs, contact details, directives, parse problems).
//
// All offsets are UTF-8 byte offsets into the source of the block's file
// (file 0 is the main document; LaTeX \input files get their own index).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace cvlint {

enum class Format : uint8_t { Markdown, Latex, PlainText };

// A run of prose mapped back to source. A verbatim segment copies source bytes
// one for one (text [textBegin, textEnd) == source [srcBegin, srcEnd)); a
// synthetic one stands for source that was decoded or replaced (`\%` -> `%`,
// `--` -> `–`, a line break -> ' ', `~` -> ' '): any text inside it maps to
// the whole source range.
struct Segment {
  uint32_t textBegin = 0;
  uint32_t textEnd = 0;
  uint32_t srcBegin = 0;
  uint32_t srcEnd = 0;
  bool verbatim = true;
  bool code = false;  // inline code or math: present for matching, never wording-checked or edited
};

// Plain prose (markup removed, escapes decoded) with its source map.
// Segments are sorted by textBegin, contiguous in text, and increasing in source.
struct Prose {
  std::string text;
  std::vector<Segment> segments;

  // Appends source bytes copied verbatim; merges with the previous segment
  // when it is verbatim and adjacent in source.
  void appendVerbatim(std::string_view s, uint32_t srcBegin);
  // Appends text standing for the source range [srcBegin, srcEnd).
  void appendSynthetic(std::string_view s, uint32_t srcBegin, uint32_t srcEnd);

  // Source byte of a text byte (for a text byte inside a synthetic segment:
  // that segment's srcBegin; at the end of the text: the last segment's end).
  uint32_t toSource(uint32_t textByte) const;
  // Source range covering the text range [textBegin, textEnd).
  ByteRange toSource(uint32_t textBegin, uint32_t textEnd) const;
  // True when [textBegin, textEnd) maps one for one onto contiguous source
  // bytes (no markup, escape or line break inside), so an edit replacing it
  // in source is exact. Fixes must check this and refuse or split otherwise.
  bool isVerbatim(uint32_t textBegin, uint32_t textEnd) const;
  // Source range of the whole prose.
  ByteRange sourceRange() const;
  // True when any part of [textBegin, textEnd) comes from inline code or math.
  bool overlapsCode(uint32_t textBegin, uint32_t textEnd) const;
  // Appends inline code / math content: mapped like appendSynthetic, flagged code.
  void appendCode(std::string_view s, uint32_t srcBegin, uint32_t srcEnd);
};

enum class BlockKind : uint8_t {
  Heading,      // section or sub-section heading; `level` 1..6
  Paragraph,    // running text (summary, free text, a LaTeX paragraph)
  Bullet,       // a list item / \item / \resumeItem; `level` = nesting depth (1 = top)
  EntryHeader,  // the role/organisation/dates line(s) of a job or degree
  Code,         // fenced/indented code or verbatim: never prose, kept for layout
  Table,        // a table as a whole (cells are not prose for the wording rules)
  Title,        // the CV's name/title block (Markdown `# Name`, LaTeX \name, \author)
  Contact,      // a contact line (email, phone, links)
  Other,        // anything else the page model may want to count
};

// What produced a block in LaTeX (macro or environment name), for rules and
// the page model; empty for Markdown.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  uint8_t level = 0;       // heading level or list depth
  bool ordered = false;    // numbered list item
  uint16_t file = 0;       // index into CvDocument::files
  uint32_t line = 0;       // 0-based line of range.begin in its file
  ByteRange range;         // the whole block in source (marker included)
  ByteRange markerRange;   // bullet marker ("- ", "\item ") or heading marks, if any
  Prose prose;             // what the rules read
  int32_t section = -1;    // index into CvDocument::sections
  int32_t entry = -1;      // index into CvDocument::entries
  std::string command;     // LaTeX macro/environment that made it ("resumeItem")
  std::string arg;         // raw argument of a layout command (\vspace{-4pt} -> "-4pt"), for the page model
};

enum class SectionKind : uint8_t {
  Header,  // before the first heading: name, contact details
  Summary,
  Experience,
  Education,
  Skills,
  Projects,
  Certifications,
  Other,
};

const char* sectionKindName(SectionKind k);

// A text field of an entry, with its source range (empty when absent).
struct Field {
  std::string text;
  ByteRange range;
  uint16_t file = 0;
  bool present() const { return !text.empty(); }
};

// A job, degree or project: a header (role, organisation, dates, location)
// and its bullets.
struct Entry {
  int32_t section = -1;
  int32_t headerBlock = -1;     // index of its EntryHeader/Heading block, -1 if none
  uint16_t file = 0;
  uint32_t line = 0;
  ByteRange range;
  Field role;
  Field organisation;
  Field dates;
  Field location;
  std::vector<int32_t> bullets;  // block indices
};

struct Section {
  std::string title;             // heading text as prose ("Work Experience")
  SectionKind kind = SectionKind::Other;
  uint8_t level = 0;             // heading level (0 for the header section)
  int32_t headingBlock = -1;     // -1 for the header section
  uint16_t file = 0;
  uint32_t line = 0;
  ByteRange range;               // heading to the end of the section (in `file`)
  std::vector<int32_t> blocks;   // every block in it, heading excluded
  std::vector<int32_t> entries;
};

enum class LayoutKind : uint8_t { Table, Image, Columns, Box, Graphics, IconFont, Photo };

const char* layoutKindName(LayoutKind k);

// A construct that ATS parsers mangle, found by a front end.
struct LayoutFact {
  LayoutKind kind;
  std::string construct;  // "pipe table", "tabular", "multicols", "\\photo", "![...]"
  uint16_t file = 0;
  uint32_t line = 0;
  ByteRange range;
  bool inHeader = false;  // before the first section heading
};

enum class ContactKind : uint8_t { Email, Phone, LinkedIn, GitHub, Website };

struct Contact {
  ContactKind kind;
  std::string value;
  uint16_t file = 0;
  ByteRange range;
};

// A comment in the source, its text without the comment markers. The
// structure pass reads cvlint directives from these.
struct Comment {
  std::string text;
  uint16_t file = 0;
  uint32_t line = 0;      // line of the comment start
  uint32_t endLine = 0;   // line of its end
  ByteRange range;
};

// Suppression state resolved from directives: for each rule (or "*" for all),
// the silenced line ranges [firstLine, lastLine] in file 0.
struct Suppression {
  std::string rule;  // "*" = every rule
  uint16_t file = 0;
  uint32_t firstLine = 0;
  uint32_t lastLine = 0;  // inclusive; UINT32_MAX for "to the end"
};

// Something the parser could not make sense of; never fatal.
struct ParseProblem {
  std::string message;
  uint16_t file = 0;
  ByteRange range;
};

// LaTeX document setup the page model needs (empty for Markdown).
struct LatexSetup {
  std::string documentClass;             // "article", "moderncv", "awesome-cv"
  std::vector<std::string> classOptions; // "11pt", "a4paper", "letterpaper"
  std::vector<std::string> packages;     // package names as loaded
  std::map<std::string, std::string> packageOptions;  // package -> raw options text
  std::vector<std::string> preambleCommands;  // raw source of page-size affecting commands
  ByteRange preamble;                    // \documentclass .. \begin{document}
  bool hasDocumentEnv = false;
};

struct SourceFile {
  std::string path;  // as given (main) or resolved (\input)
  SourceText text;
};

struct CvDocument {
  Format format = Format::Markdown;
  std::vector<SourceFile> files;  // files[0] is the main document
  std::vector<Block> blocks;
  std::vector<Section> sections;
  std::vector<Entry> entries;
  std::vector<LayoutFact> layout;
  std::vector<Contact> contacts;
  std::vector<Comment> comments;
  std::vector<Suppression> suppressions;
  std::map<std::string, std::string> settings;  // from `cvlint: key=value` directives
  std::vector<ParseProblem> problems;
  LatexSetup latex;
  bool hasFrontMatter = false;

  const SourceText& source(uint16_t file = 0) const { return files[file].text; }
  // Index of the first section of a kind, or -1.
  int32_t findSection(SectionKind kind) const;
};

}  // namespace cvlint
