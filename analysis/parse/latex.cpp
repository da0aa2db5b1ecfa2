// The LaTeX front end: parseLatex runs the walker over the main file (and the
// files it \inputs) and fills the flat model. The pieces:
//   latex_lexer.*     lossless tokenizer
//   latex_commands.*  what known commands and environments mean; CV classes;
//                     the entry-field heuristics
//   latex_walker.*    token stream, argument reading, prose with source map
//   latex_handlers.cpp  command dispatch, preamble setup, inline commands
//   latex_blocks.cpp    headings, items, entries, \cvitem, contacts, names
//   latex_env.cpp       environments, math, user macros, \input
#include <algorithm>
#include <cctype>

#include "parse/latex_walker.hpp"
#include "parse/parse.hpp"

namespace cvlint {

namespace latex {

Walker::Walker(CvDocument& doc, const Config& config, const FileProvider* files)
    : doc_(doc), cfg_(config), files_(files) {}

void Walker::run() {
  if (doc_.files.empty()) return;
  pushFile(0, doc_.files[0].path);
  bool hasClass = false;
  for (const Token& t : frames_.back().toks)
    if (t.kind == Tok::Command && text(t) == "\\documentclass") {
      hasClass = true;
      break;
    }
  // A file without \documentclass (an \input fragment opened alone) is body.
  mode_ = hasClass ? Mode::Preamble : Mode::Body;
  loop();
  closeBlock();
  markTitle();
  // Facts are found in reading order, except a minipage group (recorded at its
  // first minipage when the second one starts): report them in source order.
  std::stable_sort(doc_.layout.begin(), doc_.layout.end(), [](const LayoutFact& a, const LayoutFact& b) {
    return a.file != b.file ? a.file < b.file : a.range.begin < b.range.begin;
  });
  if (mode_ == Mode::Preamble)
    doc_.problems.push_back({"no \\begin{document}: only the preamble was read", 0, {0, 0}});
}

// Article-based resumes set the name as big text (`{\Huge Jake Ryan}`): with
// no \name or \author, the first short paragraph of the header set in a large
// size is the title.
void Walker::markTitle() {
  for (const Block& b : doc_.blocks)
    if (b.kind == BlockKind::Title) return;
  for (size_t i = 1; i < doc_.blocks.size(); ++i) {
    Block& b = doc_.blocks[i];
    if (b.kind == BlockKind::Heading || b.kind == BlockKind::EntryHeader || b.kind == BlockKind::Bullet) return;
    if (b.kind != BlockKind::Paragraph) continue;
    const std::string& c = doc_.blocks[i - 1].command;
    bool big = doc_.blocks[i - 1].kind == BlockKind::Other &&
               (c == "Huge" || c == "huge" || c == "LARGE" || c == "Large" || c == "large" || c == "scshape");
    if (!big) return;
    const std::string& t = b.prose.text;
    size_t words = 1;
    for (char ch : t) {
      if (ch == ' ') ++words;
      if (ch == '@' || std::isdigit(static_cast<unsigned char>(ch))) return;
    }
    if (words <= 6 && !t.empty()) b.kind = BlockKind::Title;
    return;
  }
}

}  // namespace latex

void parseLatex(CvDocument& doc, const Config& config, const FileProvider* files) {
  latex::Walker w(doc, config, files);
  w.run();
}

}  // namespace cvlint
