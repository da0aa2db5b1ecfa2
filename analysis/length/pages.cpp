// The page estimate: the document's blocks turned into TeX-like vertical
// material (paragraph lines from the line breaker, list, heading and
// paragraph glue from the layout, penalties where LaTeX puts them), broken
// into pages by the page builder. See layout.hpp for where the numbers come
// from and typeset.hpp for the algorithms.
#include "length/pages.hpp"

#include <algorithm>
#include <cmath>

#include "length/layout.hpp"
#include "length/typeset.hpp"

namespace cvlint {

using namespace pages;

namespace {

constexpr int kNoBreak = 10000;
constexpr int kItemPenalty = -51;  // \@lowpenalty: LaTeX prefers breaks between list items

bool isBlankLine(std::string_view s, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  return true;
}

// True when the source between two blocks holds an empty line (a loose list
// in Markdown, a paragraph break in LaTeX).
bool blankLineBetween(std::string_view src, uint32_t from, uint32_t to) {
  if (from >= to || to > src.size()) return false;
  size_t lineStart = std::string_view::npos;
  for (size_t i = from; i < to; ++i) {
    if (src[i] != '\n') continue;
    if (lineStart != std::string_view::npos && isBlankLine(src, lineStart, i)) return true;
    lineStart = i + 1;
  }
  return false;
}

// Markdown thematic breaks (---, ***, ___) between blocks: pandoc sets them
// as a centred rule with paragraph space around it.
int thematicBreaksBetween(std::string_view src, uint32_t from, uint32_t to) {
  int n = 0;
  size_t i = from;
  while (i < to && i < src.size()) {
    size_t e = src.find('\n', i);
    if (e == std::string_view::npos || e > to) e = std::min<size_t>(to, src.size());
    std::string_view line = src.substr(i, e - i);
    char mark = 0;
    int count = 0;
    bool ok = true;
    for (char c : line) {
      if (c == ' ' || c == '\t' || c == '\r') continue;
      if (c != '-' && c != '*' && c != '_') { ok = false; break; }
      if (mark && c != mark) { ok = false; break; }
      mark = c;
      ++count;
    }
    if (ok && count >= 3) ++n;
    i = e + 1;
  }
  return n;
}

class Builder {
 public:
  Builder(const CvDocument& doc, const Layout& l) : doc_(doc), l_(l) {}

  std::vector<VItem> items;

  void addvspace(Glue g) {
    if (!items.empty() && items.back().kind == VItem::Space) {
      Glue& last = items.back().glue;
      if (g.w > last.w) last = g;
      return;
    }
    space(g);
  }
  void space(Glue g) {
    VItem it;
    it.kind = VItem::Space;
    it.glue = g;
    items.push_back(it);
  }
  void penalty(int p) {
    if (!items.empty() && items.back().kind == VItem::Penalty) {
      items.back().penalty = std::min(items.back().penalty, p);
      if (p >= kNoBreak || items.back().penalty >= kNoBreak) items.back().penalty = std::max(items.back().penalty, p);
      return;
    }
    VItem it;
    it.kind = VItem::Penalty;
    it.penalty = p;
    items.push_back(it);
  }
  void box(double height, double top, SourceRef src) {
    VItem it;
    it.kind = VItem::Box;
    it.height = height;
    it.top = top;
    it.src = src;
    items.push_back(it);
  }

  SourceRef refAt(const Block& b, uint32_t textByte) const {
    SourceRef r;
    r.file = b.file;
    r.srcByte = b.prose.text.empty() ? b.range.begin : b.prose.toSource(textByte);
    if (b.file < doc_.files.size()) r.line = doc_.source(b.file).lineOf(r.srcByte);
    r.valid = true;
    return r;
  }

  // Typesets prose as a paragraph: \parskip glue, then one box per line with
  // club/widow penalties between them. Returns the number of lines.
  int paragraph(const Block& b, std::string_view text, SizeIdx size, std::string_view variant, double hsize,
                double indent, Glue parskip, bool afterHeading, double labelWidth = 0) {
    Font f = l_.font(size, variant);
    std::vector<Word> words = measureWords(text, f);
    SizeStep st = l_.size(size);
    space(parskip);
    if (words.empty()) {
      if (labelWidth > 0) box(st.baselineskip, 0.7 * st.size, refAt(b, 0));
      return labelWidth > 0 ? 1 : 0;
    }
    ParShape shape;
    shape.hsize = hsize;
    shape.indent = indent;
    shape.firstLineUsed = labelWidth;
    shape.ragged = l_.ragged;
    shape.hyphenWidth = charWidth(f, '-');
    std::vector<uint32_t> lines = breakLines(words, shape);
    int n = static_cast<int>(lines.size());
    for (int i = 0; i < n; ++i) {
      if (i > 0) {
        int p = 0;
        if (i == 1) p += afterHeading ? kNoBreak : 150;   // \clubpenalty
        if (i == n - 1) p += 150;                        // \widowpenalty
        penalty(std::min(p, kNoBreak));
      }
      box(st.baselineskip, 0.7 * st.size, refAt(b, words[lines[i]].textBegin));
    }
    return n;
  }

 private:
  const CvDocument& doc_;
  const Layout& l_;
};

// What a LaTeX block of kind Other does to the vertical list.
void layoutCommand(Builder& bld, const Layout& l, const Block& b) {
  const std::string& c = b.command;
  double em = l.sizes[kNormal].size;
  double ex = l.font(kNormal, "rm").ex();
  if (c == "vspace" || c == "vspace*" || c == "vskip") {
    if (auto v = parseLength(b.arg, em, ex, &l)) bld.space({*v, 0, 0});
  } else if (c == "smallskip") {
    bld.space({3, 1, 1});
  } else if (c == "medskip") {
    bld.space({6, 2, 2});
  } else if (c == "bigskip") {
    bld.space({12, 4, 4});
  } else if (c == "newpage" || c == "clearpage" || c == "cleardoublepage" || c == "pagebreak" ||
             c == "newgeometry") {
    bld.space({0, 1e7, 0});
    bld.penalty(-10000);
  }
}

}  // namespace

std::shared_ptr<PageEstimate> estimatePages(const CvDocument& doc, const Config& config) {
  if (doc.files.empty()) return nullptr;
  Layout l = layoutFor(doc, config);
  Builder bld(doc, l);
  bool md = doc.format != Format::Latex;
  std::string_view src0 = doc.source(0).view();

  int listDepth = 0;
  bool afterHeading = false;
  bool tight = true;
  const Block* prev = nullptr;
  auto closeLists = [&](int toDepth) {
    while (listDepth > toDepth) {
      const ListStyle& ls = l.lists[std::min(listDepth, 4) - 1];
      bld.penalty(kItemPenalty);
      bld.addvspace(ls.topsep);
      --listDepth;
    }
  };
  auto listIndent = [&](int depth) {
    double ind = 0;
    for (int d = 0; d < depth && d < 4; ++d) ind += l.lists[d].leftmargin;
    return ind;
  };

  for (size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const Block& b = doc.blocks[bi];
    if (md && prev && b.file == 0 && prev->file == 0) {
      int rules = thematicBreaksBetween(src0, prev->range.end, b.range.begin);
      for (int r = 0; r < rules; ++r) {
        closeLists(0);
        bld.space(l.parskip);
        bld.box(l.size(kNormal).baselineskip, 0.7 * l.sizes[kNormal].size, SourceRef{});
        afterHeading = false;
      }
    }
    const std::string& text = b.prose.text;
    switch (b.kind) {
      case BlockKind::Heading:
      case BlockKind::Title: {
        closeLists(0);
        int level = std::clamp<int>(b.level == 0 ? 1 : b.level, 1, 6);
        if (b.kind == BlockKind::Title && md && doc.hasFrontMatter && bi == 0 && (b.range.begin < 3 || src0.substr(b.range.begin, 1) != "#")) {
          // A YAML title: \maketitle (article): 2em, \LARGE title, 1.5em, author and date lines, 1.5em.
          double em = l.sizes[kNormal].size;
          bld.space({2 * em, 0, 0});
          bld.paragraph(b, text, kLarge3, "rm", l.textW, 0, {0, 0, 0}, false);
          bld.space({1.5 * em + 1.0 * em + 1.5 * em, 0, 0});
          afterHeading = false;
          break;
        }
        const HeadingStyle& hs = l.headings[level - 1];
        bld.penalty(hs.penalty);
        bld.addvspace(hs.before);
        if (hs.runIn) {
          // \paragraph: the heading text starts the next paragraph; modelled as
          // a one-line paragraph kept with what follows.
          bld.paragraph(b, text, hs.size, hs.variant, l.textW, 0, l.parskip, false);
          bld.penalty(kNoBreak);
          afterHeading = true;
          break;
        }
        bld.paragraph(b, text, hs.size, hs.variant, l.textW, 0, l.parskip, false);
        if (hs.extraHeight > 0) bld.box(hs.extraHeight, 0, SourceRef{});
        bld.penalty(kNoBreak);
        bld.space(hs.after);
        afterHeading = true;
        break;
      }
      case BlockKind::Bullet: {
        int level = std::clamp<int>(b.level == 0 ? 1 : b.level, 1, 4);
        if (level > listDepth) {
          // Opening list(s): \@beginparpenalty, topsep (+ partopsep after a paragraph).
          // Markdown: a list is tight unless a blank line separates its items.
          if (listDepth == 0 && md) {
            tight = true;
            for (size_t k = bi + 1; k < doc.blocks.size() && doc.blocks[k].kind == BlockKind::Bullet; ++k)
              if (blankLineBetween(src0, doc.blocks[k - 1].range.end, doc.blocks[k].range.begin)) tight = false;
          }
          while (listDepth < level) {
            const ListStyle& ls = l.lists[listDepth];
            bld.penalty(kItemPenalty);
            bld.addvspace(ls.topsep + (listDepth == 0 ? ls.partopsep : Glue{}));
            ++listDepth;
          }
        } else {
          closeLists(level);
          const ListStyle& ls = l.lists[level - 1];
          bld.penalty(kItemPenalty);
          bld.addvspace(l.pandoc && tight ? Glue{} : ls.itemsep);
        }
        const ListStyle& ls = l.lists[level - 1];
        Glue parsep = l.pandoc && tight ? Glue{} : ls.parsep;
        double indent = listIndent(level);
        bld.paragraph(b, text, kNormal, "rm", l.textW - indent, 0, parsep, afterHeading);
        afterHeading = false;
        break;
      }
      case BlockKind::Paragraph:
      case BlockKind::Contact:
      case BlockKind::EntryHeader: {
        // A paragraph right after a list item without a blank line continues
        // that item in Markdown; otherwise it ends the lists.
        bool inItem = md && listDepth > 0 && prev && !blankLineBetween(src0, prev->range.end, b.range.begin) &&
                      prev->kind == BlockKind::Bullet;
        if (!inItem && !(md && listDepth > 0 && prev && doc.source(0).view().substr(b.range.begin, 1) == " "))
          closeLists(0);
        std::string_view variant = b.kind == BlockKind::EntryHeader ? "bf" : "rm";
        double indent = l.parindent;
        if (afterHeading || b.kind != BlockKind::Paragraph) indent = 0;
        double hsize = l.textW - listIndent(listDepth);
        bld.paragraph(b, text, kNormal, variant, hsize, indent,
                      listDepth > 0 ? (l.pandoc && tight ? Glue{} : l.lists[listDepth - 1].parsep) : l.parskip,
                      afterHeading);
        afterHeading = false;
        break;
      }
      case BlockKind::Code: {
        closeLists(0);
        // Verbatim: one line per source line, in the body size.
        std::string_view s = b.file < doc.files.size() ? doc.source(b.file).view() : std::string_view{};
        int lines = 0;
        for (uint32_t i = b.range.begin; i < b.range.end && i < s.size(); ++i) lines += s[i] == '\n';
        lines = std::max(1, lines - (md ? 1 : 0));
        bld.space(l.parskip);
        double bs = l.size(kNormal).baselineskip;
        for (int i = 0; i < lines; ++i) {
          if (i > 0) bld.penalty(0);
          bld.box(bs, 0.7 * l.sizes[kNormal].size, bld.refAt(b, 0));
        }
        afterHeading = false;
        break;
      }
      case BlockKind::Table: {
        closeLists(0);
        // A table is one unbreakable box: a row per source line (Markdown) or
        // per \\ (LaTeX), at least the lines its text needs.
        std::string_view s = b.file < doc.files.size() ? doc.source(b.file).view() : std::string_view{};
        int rows = 0;
        for (uint32_t i = b.range.begin; i + 1 < b.range.end && i + 1 < s.size(); ++i) {
          if (md) rows += s[i] == '\n';
          else rows += s[i] == '\\' && s[i + 1] == '\\';
        }
        rows = std::max(1, md ? rows - 1 : rows + 1);
        double h = rows * l.size(kNormal).baselineskip;
        bld.space(l.parskip);
        bld.box(h, h, bld.refAt(b, 0));
        afterHeading = false;
        break;
      }
      case BlockKind::Other:
        layoutCommand(bld, l, b);
        break;
    }
    prev = &b;
  }
  closeLists(0);

  auto est = std::make_shared<PageEstimate>();
  bool any = std::any_of(bld.items.begin(), bld.items.end(), [](const VItem& v) { return v.kind == VItem::Box; });
  if (!any) {
    est->pages = 0;
    return est;
  }
  PageBreakResult pr = breakPages(bld.items, l.textH, l.topskip);
  est->pages = std::round(((pr.pages - 1) + pr.lastPageFill) * 100) / 100;
  if (est->pages < 0.01) est->pages = 0.01;
  int page = 2;
  for (size_t idx : pr.pageStarts) {
    // The first box with a source position on or after the page start.
    size_t k = idx;
    while (k < bld.items.size() && !(bld.items[k].kind == VItem::Box && bld.items[k].src.valid)) ++k;
    PageStart ps;
    ps.page = page++;
    if (k < bld.items.size()) {
      ps.file = bld.items[k].src.file;
      ps.srcByte = bld.items[k].src.srcByte;
      ps.line = bld.items[k].src.line;
    }
    est->starts.push_back(ps);
  }
  return est;
}

}  // namespace cvlint
