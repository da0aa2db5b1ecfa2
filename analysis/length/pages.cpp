// The page estimate: the document's blocks turned into TeX-like vertical
// material (paragraph lines from the line breaker, list, heading and
// paragraph glue from the layout, penalties where LaTeX puts them), broken
// into pages by the page builder. See layout.hpp for where the numbers come
// from and typeset.hpp for the algorithms.
#include "length/pages.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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

// pandoc's fancy_lists: "(12) ", "12. ", "12) ", "a. " open an ordered list.
bool startsWithListMarker(std::string_view t) {
  size_t i = 0;
  bool paren = i < t.size() && t[i] == '(';
  if (paren) ++i;
  size_t d = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i == d || i - d > 9 || i >= t.size()) return false;
  if (paren) return t[i] == ')' && i + 1 < t.size() && t[i + 1] == ' ';
  return (t[i] == '.' || t[i] == ')') && i + 1 < t.size() && t[i + 1] == ' ';
}

// A pandoc definition-list item the Markdown front end joined into one
// block, term first ("Acme Ltd\n:   Engineer, 2019-2021 ..."): the source
// byte of the definition's ':' (or '~') marker, 0 when the block is not one.
// pandoc typesets it as `\item[term] definition` in a description list.
uint32_t definitionMarker(std::string_view src, const Block& b) {
  size_t end = std::min<size_t>(b.range.end, src.size());
  for (size_t i = b.range.begin; i < end;) {
    const void* hit = std::memchr(src.data() + i, '\n', end - i);
    if (!hit) break;
    size_t j = static_cast<size_t>(static_cast<const char*>(hit) - src.data()) + 1;
    i = j;
    for (int sp = 0; sp < 2 && j < end && src[j] == ' '; ++sp) ++j;
    if (j + 1 < end && (src[j] == ':' || src[j] == '~') && (src[j + 1] == ' ' || src[j + 1] == '\t'))
      return static_cast<uint32_t>(j);
  }
  return 0;
}

// True when the source line holding `at` starts with a space or tab.
bool indentedLine(std::string_view src, uint32_t at) {
  size_t i = std::min<size_t>(at, src.size());
  while (i > 0 && src[i - 1] != '\n') --i;
  return i < src.size() && (src[i] == ' ' || src[i] == '\t');
}

// The end of a moderncv item command at `at` (\cventry{..}x6, \cvitem{..}{..},
// ...): its mandatory arguments skipped by brace matching; 0 when the
// command is not one of them or its arguments do not close.
uint32_t cvCommandEnd(std::string_view src, uint32_t at, std::string_view command) {
  int args = command == "cventry" ? 6 : command == "cvitem" ? 2 : command == "cvitemwithcomment" ? 3
             : command == "cvdoubleitem" ? 4 : command == "cvlistdoubleitem" ? 2 : command == "cvlistitem" ? 1 : 0;
  if (args == 0 || at >= src.size() || src[at] != '\\') return 0;
  size_t i = at + 1;
  while (i < src.size() && ((src[i] >= 'a' && src[i] <= 'z') || (src[i] >= 'A' && src[i] <= 'Z'))) ++i;
  for (int n = 0; n < args;) {
    while (i < src.size() && (src[i] == ' ' || src[i] == '\n' || src[i] == '\t' || src[i] == '\r')) ++i;
    if (i >= src.size()) return 0;
    char open = src[i];
    if (open != '{' && open != '[') return 0;
    char close = open == '{' ? '}' : ']';
    int depth = 0;
    for (; i < src.size(); ++i) {
      char c = src[i];
      if (c == '\\') { ++i; continue; }
      if (c == '%') { while (i < src.size() && src[i] != '\n') ++i; continue; }
      if (c == open || (open == '[' && c == '{')) ++depth;
      else if (c == close || (open == '[' && c == '}')) --depth;
      if (depth == 0) break;
    }
    if (i >= src.size()) return 0;
    ++i;
    if (open == '{') ++n;
  }
  return static_cast<uint32_t>(i);
}

// Text inside raw HTML <div> blocks between two Markdown blocks: pandoc
// parses a div's content as Markdown and drops only the tags, so it typesets.
// Returns (source byte, text) per paragraph of such text.
std::vector<std::pair<uint32_t, std::string>> divTextBetween(std::string_view src, uint32_t from, uint32_t to) {
  std::vector<std::pair<uint32_t, std::string>> out;
  // Searched only up to `to`: a search to the end of the source for every
  // gap between blocks was quadratic on long documents.
  size_t open = src.substr(0, std::min<size_t>(to, src.size())).find("<div", from);
  if (open == std::string_view::npos) return out;
  std::string text;
  uint32_t at = 0;
  bool inTag = false, inComment = false;
  for (size_t i = open; i < to && i < src.size(); ++i) {
    if (!inComment && src.compare(i, 4, "<!--") == 0) inComment = true;
    if (inComment) {
      if (src.compare(i, 3, "-->") == 0) inComment = false, i += 2;
      continue;
    }
    char c = src[i];
    if (c == '<') inTag = true;
    else if (c == '>') inTag = false;
    else if (!inTag) {
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (!space && text.empty()) at = static_cast<uint32_t>(i);
      if (!space || !text.empty()) text += space ? ' ' : c;
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (!text.empty()) out.emplace_back(at, text);
  return out;
}

// \tiny .. \Huge as a size index, -1 for other commands.
int sizeCommand(std::string_view c) {
  if (!c.empty() && c.front() == '\\') c.remove_prefix(1);
  static const char* kNames[] = {"tiny", "scriptsize", "footnotesize", "small", "normalsize",
                                 "large", "Large", "LARGE", "huge", "Huge"};
  for (int i = 0; i < 10; ++i)
    if (c == kNames[i]) return i;
  return -1;
}

// A list item made by a template's macro rather than a plain \item.
bool macroItem(const Block& b) {
  std::string_view c = b.command;
  if (!c.empty() && c.front() == '\\') c.remove_prefix(1);
  return !c.empty() && c != "item";
}

// Rows of a LaTeX entry header: two when it has three or more of role,
// organisation, dates and location (the usual 2x2 tabular), else one.
int entryRows(const CvDocument& doc, const Block& b) {
  if (b.entry < 0 || static_cast<size_t>(b.entry) >= doc.entries.size()) return 1;
  const Entry& e = doc.entries[b.entry];
  int n = e.role.present() + e.organisation.present() + e.dates.present() + e.location.present();
  return n >= 3 ? 2 : 1;
}

// Optimum fit costs about twice first fit's time. Over this size (no CV is
// within a factor of ten of it: the corpus's largest is 19 KB) a document's
// lines are broken first fit: its hundreds of pages are estimated a few lines
// less exactly, and 1 MB stays within its 50 ms (cvlint_bench's scaling).
constexpr size_t kOptimumFitBytes = 256u << 10;

size_t sourceBytes(const CvDocument& doc) {
  size_t n = 0;
  for (const auto& f : doc.files) n += f.text.view().size();
  return n;
}

class Builder {
 public:
  Builder(const CvDocument& doc, const Layout& l) : doc_(doc), l_(l), optimum_(sourceBytes(doc) <= kOptimumFitBytes) {}

  std::vector<VItem> items;
  bool trace = false;
  std::vector<std::pair<size_t, std::string>> traceText;  // item index -> line text (trace only)

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
  // LaTeX's \addpenalty: a penalty after glue goes before that glue, so a
  // following \addvspace still merges with it (list end, then a heading).
  // Iterative, not one recursion per glue: thousands of glue items in a row
  // (10,000 nested lists) must not overflow the stack.
  void penalty(int p) {
    // The trailing glue stays where it is; the penalty goes in before it.
    size_t at = items.size();
    while (at > 0 && items[at - 1].kind == VItem::Space && p < kNoBreak) --at;
    if (at > 0 && items[at - 1].kind == VItem::Penalty) {
      VItem& last = items[at - 1];
      last.penalty = std::min(last.penalty, p);
      if (p >= kNoBreak || last.penalty >= kNoBreak) last.penalty = std::max(last.penalty, p);
    } else {
      VItem it;
      it.kind = VItem::Penalty;
      it.penalty = p;
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), it);
    }
  }
  void box(double height, double top, SourceRef src) {
    VItem it;
    it.kind = VItem::Box;
    it.height = height;
    it.top = top;
    it.src = src;
    items.push_back(it);
  }

  // Turns everything from the first box at or after `from` into one box as
  // tall as that material (an unbreakable \cventry or \cvitem: moderncv sets
  // them as tabular rows and minipages, which a page break never splits).
  void mergeFrom(size_t from) {
    size_t first = from;
    while (first < items.size() && items[first].kind != VItem::Box) ++first;
    if (first + 1 >= items.size()) return;
    double h = items[first].height;
    for (size_t i = first + 1; i < items.size(); ++i) {
      if (items[i].kind == VItem::Box) h += items[i].height;
      else if (items[i].kind == VItem::Space) h += items[i].glue.w;
    }
    items[first].height = h;
    items.resize(first + 1);
    while (!traceText.empty() && traceText.back().first > first) traceText.pop_back();
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
  // `labelEnd` > 0: the text before it is a run-in label already measured
  // into `labelWidth` (a description item's term); only the rest is broken
  // into lines, and the first line still starts where the label does.
  int paragraph(const Block& b, std::string_view text, SizeIdx size, std::string_view variant, double hsize,
                double indent, Glue parskip, bool afterHeading, double labelWidth = 0, uint32_t labelEnd = 0) {
    Font f = l_.font(size, variant);
    std::vector<Word>& words = words_;  // reused: no allocation per paragraph
    measureWords(text, f, words);
    if (labelEnd > 0) {
      size_t k = 0;
      while (k < words.size() && words[k].textBegin < labelEnd) ++k;
      words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(k));
    }
    markHardBreaks(b, words);
    SizeStep st = l_.size(size);
    if (!afterHeading) space(parskip);
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
    // TeX's optimum fit; microtype's expansion and protrusion where the
    // setup loads it (pandoc's template does).
    shape.optimum = optimum_;
    shape.expansion = l_.fontExpansion;
    shape.protrusion = l_.protrusion;
    std::vector<uint32_t>& lines = lines_;
    breakLines(words, shape, lines);
    int n = static_cast<int>(lines.size());
    for (int i = 0; i < n; ++i) {
      if (i > 0) {
        int p = 0;
        if (i == 1) p += afterHeading ? kNoBreak : 150;   // \clubpenalty
        if (i == n - 1) p += 150;                        // \widowpenalty
        penalty(std::min(p, kNoBreak));
      }
      box(st.baselineskip, 0.7 * st.size, refAt(b, i == 0 && labelEnd > 0 ? 0 : words[lines[i]].textBegin));
      if (trace) {
        uint32_t e = i + 1 < n ? words[lines[i + 1] - 1].textEnd : words.back().textEnd;
        traceText.emplace_back(items.size() - 1, std::string(text.substr(words[lines[i]].textBegin,
                                                                        e - words[lines[i]].textBegin)));
      }
    }
    return n;
  }

  // Forced line breaks inside a block: a Markdown line ending in two spaces
  // or a backslash, a LaTeX \\ (outside tables). The words after one start a line.
  void markHardBreaks(const Block& b, std::vector<Word>& words) const {
    if (b.file >= doc_.files.size() || words.size() < 2) return;
    std::string_view s = doc_.source(b.file).view();
    bool md = doc_.format != Format::Latex;
    std::vector<uint32_t> breaks;
    if (s.size() < 2) return;
    // Candidates found with memchr (a newline in Markdown, a backslash in
    // LaTeX): a byte loop over every block was half of the paragraph cost.
    const size_t limit = std::min<size_t>(b.range.end, s.size() - 1);
    const char want = md ? '\n' : '\\';
    for (size_t i = b.range.begin; i < limit;) {
      const void* hit = std::memchr(s.data() + i, want, limit - i);
      if (!hit) break;
      i = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
      if (md) {
        if (i >= 1 && (s[i - 1] == '\\' || (i >= 2 && s[i - 1] == ' ' && s[i - 2] == ' ')))
          breaks.push_back(static_cast<uint32_t>(i));
        ++i;
      } else if (s[i + 1] == '\\') {
        breaks.push_back(static_cast<uint32_t>(i));
        i += 2;
      } else {
        ++i;
      }
    }
    if (breaks.empty()) return;
    size_t k = 0;
    for (Word& w : words) {
      uint32_t src = b.prose.toSource(w.textBegin);
      bool crossed = false;
      while (k < breaks.size() && breaks[k] < src) ++k, crossed = true;
      if (crossed && &w != &words[0]) w.breakBefore = true;
    }
  }

 private:
  const CvDocument& doc_;
  const Layout& l_;
  bool optimum_;  // optimum fit, or first fit for a document over kOptimumFitBytes
  std::vector<Word> words_;
  std::vector<uint32_t> lines_;
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

// True when a front-matter line starts with `key` and has a value.
bool frontMatterHas(std::string_view fm, std::string_view key) {
  for (size_t p = 0; p < fm.size();) {
    size_t e = fm.find('\n', p);
    if (e == std::string_view::npos) e = fm.size();
    std::string_view line = fm.substr(p, e - p);
    if (line.substr(0, key.size()) == key) {
      std::string_view v = line.substr(key.size());
      while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\'' || v.back() == '\r')) v.remove_suffix(1);
      return !v.empty();
    }
    p = e + 1;
  }
  return false;
}

// A `title:` in YAML front matter: pandoc's \maketitle (article, no title
// page): 2em, the \LARGE title, empty author and date lines, 1.5em. One box,
// its height measured on real compiles (103pt for a one-line title at 10pt).
void yamlTitle(const CvDocument& doc, const Layout& l, Builder& bld) {
  if (!doc.hasFrontMatter) return;
  std::string_view s = doc.source(0).view();
  if (s.substr(0, 3) != "---") return;
  size_t end = s.find("\n---", 3);
  size_t endDots = s.find("\n...", 3);
  if (endDots < end) end = endDots;
  if (end == std::string_view::npos) return;
  size_t p = 0;
  while (p < end) {
    size_t e = s.find('\n', p);
    if (e == std::string_view::npos || e > end) e = end;
    std::string_view line = s.substr(p, e - p);
    if (line.substr(0, 6) == "title:") {
      std::string_view t = line.substr(6);
      while (!t.empty() && (t.front() == ' ' || t.front() == '"' || t.front() == '\'')) t.remove_prefix(1);
      while (!t.empty() && (t.back() == ' ' || t.back() == '"' || t.back() == '\'' || t.back() == '\r')) t.remove_suffix(1);
      if (t.empty()) return;
      double scale = l.sizes[kNormal].size / 10.0;
      double w = 0;
      for (Word& wd : measureWords(t, l.font(kLarge3, "rm"))) w += wd.width + wd.after.w;
      int lines = std::max(1, static_cast<int>(std::ceil(w / l.textW)));
      double h = 103 * scale + (lines - 1) * l.size(kLarge3).baselineskip;
      // An author and a date fill the \large lines the block keeps empty
      // otherwise (measured: 19.5pt more for both at 10pt).
      if (frontMatterHas(s.substr(0, end), "author:")) h += 10 * scale;
      if (frontMatterHas(s.substr(0, end), "date:")) h += 9.5 * scale;
      SourceRef ref;
      ref.srcByte = static_cast<uint32_t>(p);
      ref.line = doc.source(0).lineOf(ref.srcByte);
      ref.valid = true;
      bld.box(h, h, ref);
      // The block ends in glue that a following heading's space absorbs but
      // a paragraph adds to (measured: 9pt more before a paragraph).
      bld.space({9 * scale, 0, 0});
      return;
    }
    p = e + 1;
  }
}

}  // namespace

namespace {

// Side-by-side minipages (a sidebar and a main column): each is typeset on
// its own at its width, and the group is one box as tall as its tallest
// column (or the height the minipage asks for).
struct ColumnGroup {
  std::vector<std::vector<size_t>> columns;  // block indices per minipage
  std::vector<double> widths;
  double fixedHeight = 0;
  int balance = 1;  // multicols{n}: one flow balanced over n columns
};

struct ColumnPlan {
  std::vector<int> groupOf;  // per block: group index or -1
  std::vector<ColumnGroup> groups;
};

void layBlocks(const CvDocument& doc, const Layout& l, Builder& bld, const std::vector<size_t>& order,
               const ColumnPlan* plan);

// Natural height of a vertical list typeset without page breaks.
double naturalHeight(const std::vector<VItem>& items, double topskip) {
  double h = 0;
  bool first = true;
  for (const VItem& it : items) {
    if (it.kind == VItem::Box) {
      h += first ? std::max(topskip, it.top) : it.height;
      first = false;
    } else if (it.kind == VItem::Space && !first) {
      h += it.glue.w;
    }
  }
  return h;
}

// Reads `\begin{minipage}[pos][height][inner]{width}` at srcByte.
void minipageSize(std::string_view s, uint32_t at, const Layout& l, double& width, double& height) {
  size_t i = s.find("{minipage}", at);
  width = 0.5 * l.textW;
  height = 0;
  if (i == std::string_view::npos || i > at + 200) return;
  i += 10;
  std::vector<std::string_view> opts;
  for (;;) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    if (i >= s.size() || (s[i] != '[' && s[i] != '{')) return;
    char close = s[i] == '[' ? ']' : '}';
    bool brace = s[i] == '{';
    size_t e = s.find(close, i);
    if (e == std::string_view::npos) return;
    std::string_view arg = s.substr(i + 1, e - i - 1);
    i = e + 1;
    if (!brace) {
      opts.push_back(arg);
      continue;
    }
    double em = l.sizes[kNormal].size;
    if (auto w = parseLength(arg, em, 0.43 * em, &l)) width = *w;
    if (opts.size() >= 2)
      if (auto h = parseLength(opts[1], em, 0.43 * em, &l)) height = *h;
    return;
  }
}

// Outermost \begin{minipage} .. \end{minipage} extents in a LaTeX source
// (comments skipped). The parser records only that minipages stand side by
// side; the page model needs their extents and widths.
std::vector<ByteRange> minipageExtents(std::string_view s) {
  std::vector<ByteRange> out;
  int depth = 0;
  uint32_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && (i == 0 || s[i - 1] != '\\')) {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (s[i] != '\\') continue;
    if (s.compare(i, 16, "\\begin{minipage}") == 0) {
      if (depth++ == 0) start = static_cast<uint32_t>(i);
      i += 15;
    } else if (s.compare(i, 14, "\\end{minipage}") == 0) {
      if (depth > 0 && --depth == 0) out.push_back({start, static_cast<uint32_t>(i + 14)});
      i += 13;
    }
  }
  return out;
}

ColumnPlan planColumns(const CvDocument& doc, const Layout& l) {
  ColumnPlan plan;
  plan.groupOf.assign(doc.blocks.size(), -1);
  if (doc.format != Format::Latex) return plan;
  std::string_view s = doc.source(0).view();
  // The main file's blocks by source position, so each column finds its
  // blocks by binary search (a scan of every block per minipage was
  // quadratic on documents with thousands of them).
  std::vector<size_t> byPos;
  for (size_t bi = 0; bi < doc.blocks.size(); ++bi)
    if (doc.blocks[bi].file == 0) byPos.push_back(bi);
  std::stable_sort(byPos.begin(), byPos.end(),
                   [&](size_t a, size_t b) { return doc.blocks[a].range.begin < doc.blocks[b].range.begin; });
  // Blocks not yet in a group whose first byte lies in [from, to), in block order.
  auto blocksIn = [&](uint32_t from, uint32_t to) {
    std::vector<size_t> out;
    auto it = std::lower_bound(byPos.begin(), byPos.end(), from,
                               [&](size_t bi, uint32_t v) { return doc.blocks[bi].range.begin < v; });
    for (; it != byPos.end() && doc.blocks[*it].range.begin < to; ++it)
      if (plan.groupOf[*it] < 0) out.push_back(*it);
    std::sort(out.begin(), out.end());
    return out;
  };
  // multicols{n}: the content flows through n columns of equal width.
  for (size_t p = s.find("\\begin{multicols"); p != std::string_view::npos; p = s.find("\\begin{multicols", p + 1)) {
    size_t brace = s.find('{', p + 16);
    if (brace == std::string_view::npos) break;
    int n = std::atoi(std::string(s.substr(brace + 1, 2)).c_str());
    size_t end = s.find("\\end{multicols", p);
    if (n < 2 || n > 6 || end == std::string_view::npos) continue;
    ColumnGroup g;
    g.balance = n;
    g.widths.push_back((l.textW - (n - 1) * 10) / n);
    g.columns.emplace_back();
    for (size_t bi : blocksIn(static_cast<uint32_t>(p) + 1, static_cast<uint32_t>(end))) {
      g.columns.back().push_back(bi);
      plan.groupOf[bi] = static_cast<int>(plan.groups.size());
    }
    if (!g.columns.back().empty()) plan.groups.push_back(std::move(g));
  }
  // No minipage anywhere: skip the byte scan of the whole source.
  std::vector<ByteRange> outer;
  if (s.find("\\begin{minipage}") != std::string_view::npos) outer = minipageExtents(s);
  for (size_t i = 0; i < outer.size(); ++i) {
    bool join = i > 0 && !plan.groups.empty() && !blankLineBetween(s, outer[i - 1].end, outer[i].begin);
    if (!join) plan.groups.emplace_back();
    ColumnGroup& g = plan.groups.back();
    double w, h;
    minipageSize(s, outer[i].begin, l, w, h);
    g.widths.push_back(std::clamp(w, 30.0, l.textW));
    g.fixedHeight = std::max(g.fixedHeight, h);
    g.columns.emplace_back();
    for (size_t bi : blocksIn(outer[i].begin, outer[i].end)) {
      g.columns.back().push_back(bi);
      plan.groupOf[bi] = static_cast<int>(plan.groups.size() - 1);
    }
  }
  return plan;
}

void emitGroup(const CvDocument& doc, const Layout& l, Builder& bld, const ColumnGroup& g, size_t firstBlock) {
  double h = 0;
  for (size_t c = 0; c < g.columns.size(); ++c) {
    Layout sub = l;
    sub.textW = g.widths[c];
    Builder sb(doc, sub);
    layBlocks(doc, sub, sb, g.columns[c], nullptr);
    h = std::max(h, naturalHeight(sb.items, l.topskip));
  }
  if (g.balance > 1) h = h / g.balance + l.size(kNormal).baselineskip;  // balanced, at most a line uneven
  if (g.fixedHeight > 0) h = g.fixedHeight;
  bld.space(l.parskip);
  bld.box(h, h, bld.refAt(doc.blocks[firstBlock], 0));
}

void layBlocks(const CvDocument& doc, const Layout& l, Builder& bld, const std::vector<size_t>& order,
               const ColumnPlan* plan) {
  bool md = doc.format != Format::Latex;
  std::string_view src0 = doc.source(0).view();
  std::vector<bool> emitted(plan ? plan->groups.size() : 0, false);
  // A LaTeX size switch (\small, \Large, ...) holds for the text blocks
  // after it until the next heading, entry header or switch: the parser does
  // not keep group scopes, and CV templates switch size per part.
  int sizeSwitch = -1;

  int listDepth = 0;
  bool inDefList = false;  // the open list is a description list (pandoc definitions)
  bool defTight = true;    // ... and pandoc set it \tightlist
  bool afterHeading = false;
  // Per list level (1..4, as the model nests them): pandoc set it \tightlist.
  bool tightAt[5] = {true, true, true, true, true};
  const Block* prev = nullptr;
  auto closeLists = [&](int toDepth) {
    while (listDepth > toDepth) {
      const ListStyle& ls = l.lists[std::min(listDepth, 4) - 1];
      bld.penalty(kItemPenalty);
      bld.addvspace(ls.topsep);
      --listDepth;
    }
    if (listDepth == 0) inDefList = false;
  };
  // A pandoc definition item (see definitionMarker): an \item[term] of a
  // description list. The term is set bold on the first line, the definition
  // runs on after it and wraps at the list's left margin. False when the
  // block has no term before its marker (typeset as a plain paragraph then).
  auto definitionItem = [&](size_t bi, uint32_t marker) {
    const Block& b = doc.blocks[bi];
    std::string_view text = b.prose.text;
    std::vector<Word> tw = measureWords(text, l.font(kNormal, "bf"));
    size_t k = 0;
    while (k < tw.size() && b.prose.toSource(tw[k].textBegin) < marker) ++k;
    if (k == 0 || k == tw.size()) return false;
    double term = 0;
    for (size_t j = 0; j < k; ++j) {
      std::string_view w = text.substr(tw[j].textBegin, tw[j].textEnd - tw[j].textBegin);
      // The front end joins term and definition with ": "; pandoc has no colon.
      if (j + 1 == k && w.size() > 1 && w.back() == ':') term += wordWidth(l.font(kNormal, "bf"), w.substr(0, w.size() - 1));
      else term += tw[j].width;
      if (j + 1 < k) term += tw[j].after.w;
    }
    const ListStyle& ls = l.lists[0];
    bool opensAfterText = false;
    if (!inDefList) {
      closeLists(0);
      // pandoc writes \tightlist unless a definition is a paragraph: a blank
      // line before it, or more indented content after a blank line.
      defTight = true;
      for (size_t n = bi; n < doc.blocks.size(); ++n) {
        const Block& d = doc.blocks[n];
        if (d.file != 0 || (d.kind != BlockKind::Paragraph && d.kind != BlockKind::EntryHeader)) break;
        uint32_t m = definitionMarker(src0, d);
        if (!m) break;
        if (blankLineBetween(src0, d.range.begin, m)) defTight = false;
        if (n + 1 < doc.blocks.size() && doc.blocks[n + 1].file == 0 &&
            blankLineBetween(src0, d.range.end, doc.blocks[n + 1].range.begin) &&
            indentedLine(src0, doc.blocks[n + 1].range.begin))
          defTight = false;
      }
      opensAfterText = !afterHeading;
      if (!afterHeading) {
        bld.penalty(kItemPenalty);
        bld.addvspace(ls.topsep + ls.partopsep);
      }
      listDepth = 1;
      inDefList = true;
    } else {
      closeLists(1);  // a list inside the previous definition
      bld.penalty(kItemPenalty);
      bld.addvspace(l.pandoc && defTight ? Glue{} : ls.itemsep);
    }
    Glue parsep = l.pandoc && defTight ? (opensAfterText ? l.parskip : Glue{}) : ls.parsep;
    bld.paragraph(b, text, kNormal, "rm", l.textW - ls.leftmargin, 0, parsep, afterHeading,
                  term + l.labelSep - ls.leftmargin, tw[k].textBegin);
    afterHeading = false;
    return true;
  };
  auto listIndent = [&](int depth) {
    double ind = 0;
    for (int d = 0; d < depth && d < 4; ++d) ind += l.lists[d].leftmargin;
    return ind;
  };

  bool titleDone = false;
  uint32_t preambleEnd = md ? 0 : doc.latex.preamble.end;
  // moderncv: the material of the \cventry/\cvitem being laid out, merged
  // into one box once the first block past its end arrives.
  size_t cvFrom = 0;
  uint32_t cvEnd = 0;
  for (size_t oi = 0; oi < order.size(); ++oi) {
    size_t bi = order[oi];
    const Block& b = doc.blocks[bi];
    if (cvEnd > 0 && !(b.file == 0 && b.range.begin < cvEnd)) {
      bld.mergeFrom(cvFrom);
      cvEnd = 0;
    }
    if (l.moderncv && cvEnd == 0 && b.file == 0)
      if (uint32_t e = cvCommandEnd(src0, b.range.begin, b.command); e > b.range.begin) {
        cvFrom = bld.items.size();
        cvEnd = e;
      }
    if (l.moderncv) {
      // The preamble's \name, \title, contacts: one title block (\makecvtitle).
      if (b.file == 0 && b.range.end <= preambleEnd) continue;
      if (!titleDone) {
        bld.box(l.titleHeight, l.titleHeight, bld.refAt(b, 0));
        titleDone = true;
      }
    }
    if (plan && plan->groupOf[bi] >= 0) {
      int g = plan->groupOf[bi];
      if (!emitted[g]) {
        closeLists(0);
        emitGroup(doc, l, bld, plan->groups[g], bi);
        emitted[g] = true;
        afterHeading = false;
      }
      prev = &b;
      continue;
    }
    if (md && b.file == 0 && (!prev || prev->file == 0)) {
      for (auto& [at, t] : divTextBetween(src0, prev ? prev->range.end : 0, b.range.begin)) {
        closeLists(0);
        Block tmp;
        tmp.range = {at, at + static_cast<uint32_t>(t.size())};
        tmp.prose.appendSynthetic(t, at, at + 1);
        bld.paragraph(tmp, t, kNormal, "rm", l.textW, 0, l.parskip, afterHeading);
        afterHeading = false;
      }
    }
    if (md && prev && b.file == 0 && prev->file == 0) {
      int rules = thematicBreaksBetween(src0, prev->range.end, b.range.begin);
      for (int r = 0; r < rules; ++r) {
        closeLists(0);
        if (!afterHeading) bld.space(l.parskip);  // right after a heading: none (measured)
        // The rule (0.5pt high, no depth) sits a full \baselineskip below the
        // line before it (TeX's box dump: 6pt \parskip + 12pt at 10pt).
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
        sizeSwitch = -1;
        const HeadingStyle& hs = l.headings[level - 1];
        // A heading right after another one adds neither penalty nor space
        // (\@startsection under \if@nobreak).
        if (!afterHeading) {
          bld.penalty(hs.penalty);
          bld.addvspace(hs.before);
        }
        if (hs.runIn) {
          // \paragraph: the heading text starts the next paragraph; modelled as
          // a one-line paragraph kept with what follows.
          bld.paragraph(b, text, hs.size, hs.variant, l.textW, 0, {}, false);
          bld.penalty(kNoBreak);
          afterHeading = true;
          break;
        }
        // Measured on real compiles: no \parskip glue before a heading nor
        // before the paragraph right after it (LaTeX's \@afterheading).
        bld.paragraph(b, text, hs.size, hs.variant, l.textW, 0, {}, false);
        if (hs.extraHeight > 0) bld.box(hs.extraHeight, 0, SourceRef{});
        bld.penalty(kNoBreak);
        bld.space(hs.after);
        afterHeading = true;
        break;
      }
      case BlockKind::Bullet: {
        int level = std::clamp<int>(b.level == 0 ? 1 : b.level, 1, 4);
        // A list inside a definition nests in the description list.
        if (inDefList) level = std::min(level + 1, 4);
        bool opensAfterText = false;
        if (level > listDepth) {
          // Opening list(s): \@beginparpenalty, topsep (+ partopsep after a paragraph).
          // Markdown: a list is tight unless a blank line separates its items,
          // or an item's content starts with a nested list (pandoc: "(912) 555"
          // is an ordered list under fancy_lists).
          if ((listDepth == 0 || (inDefList && listDepth == 1)) && md) {
            // Each list has its own tightness: a blank line between two items
            // loosens the list of the shallower one (a blank line before a
            // nested list loosens its parent, not the nested list).
            int shift = inDefList ? 1 : 0;
            auto modelLevel = [&](const Block& x) { return std::clamp<int>((x.level == 0 ? 1 : x.level) + shift, 1, 4); };
            for (int d = 1; d <= 4; ++d) tightAt[d] = true;
            if (startsWithListMarker(text)) tightAt[level] = false;
            for (size_t k = bi + 1; k < doc.blocks.size() && doc.blocks[k].kind == BlockKind::Bullet; ++k) {
              int a = modelLevel(doc.blocks[k - 1]), c = modelLevel(doc.blocks[k]);
              if (blankLineBetween(src0, doc.blocks[k - 1].range.end, doc.blocks[k].range.begin))
                tightAt[std::min(a, c)] = false;
              if (startsWithListMarker(doc.blocks[k].prose.text)) tightAt[c] = false;
            }
            opensAfterText = !afterHeading;
          } else if (md && listDepth >= 1 && !tightAt[listDepth]) {
            // A list nested in an item of a loose list: \parskip before its
            // first item, as after running text (measured; none in a tight one).
            opensAfterText = true;
          }
          while (listDepth < level) {
            const ListStyle& ls = l.lists[listDepth];
            // Right after a heading (\if@nobreak) a list adds no penalty and
            // no \topsep (measured: heading afterskip, then the first item).
            if (!afterHeading) {
              bld.penalty(kItemPenalty);
              // \partopsep only when the list starts a paragraph (a blank
              // line before it), not right after running text.
              bool parStart = !prev || prev->file != b.file || b.file >= doc.files.size() ||
                              blankLineBetween(doc.source(b.file).view(), prev->range.end, b.range.begin);
              bld.addvspace(ls.topsep + (listDepth == 0 && parStart ? ls.partopsep : Glue{}));
            }
            ++listDepth;
          }
        } else {
          closeLists(level);
          const ListStyle& ls = l.lists[level - 1];
          bld.penalty(kItemPenalty);
          bld.addvspace(l.pandoc && tightAt[level] ? Glue{} : macroItem(b) ? Glue{0, 1, 0} : ls.itemsep);
        }
        const ListStyle& ls = l.lists[level - 1];
        // Measured: pandoc's tight list still gets \parskip after running text.
        Glue parsep = l.pandoc && tightAt[level] ? (opensAfterText ? l.parskip : Glue{}) : ls.parsep;
        double indent = listIndent(level);
        SizeIdx size = sizeSwitch >= 0 ? static_cast<SizeIdx>(sizeSwitch) : kNormal;
        if (macroItem(b)) {
          // Items made by a template's own macro (\resumeItem, \cvitem):
          // these templates set them compact and small (calibrated on the
          // corpus: Jake's resume and its descendants).
          parsep = {};
          if (sizeSwitch < 0) size = kSmall;
        }
        if (l.moderncv) size = kSmall;
        bld.paragraph(b, text, size, "rm", l.textW - l.hintColumn - indent, 0, parsep, afterHeading);
        afterHeading = false;
        break;
      }
      case BlockKind::Paragraph:
      case BlockKind::Contact:
      case BlockKind::EntryHeader: {
        if (md && b.file == 0)
          if (uint32_t marker = definitionMarker(src0, b); marker && definitionItem(bi, marker)) break;
        // A paragraph right after a list item without a blank line continues
        // that item in Markdown; otherwise it ends the lists.
        bool inItem = md && listDepth > 0 && prev && !blankLineBetween(src0, prev->range.end, b.range.begin) &&
                      prev->kind == BlockKind::Bullet;
        if (!inItem && !(md && listDepth > 0 && prev && doc.source(0).view().substr(b.range.begin, 1) == " "))
          closeLists(0);
        std::string_view variant = b.kind == BlockKind::EntryHeader ? "bf" : "rm";
        double indent = l.parindent;
        if (afterHeading || b.kind != BlockKind::Paragraph) indent = 0;
        double hsize = l.textW - l.hintColumn - listIndent(listDepth);
        SizeIdx size = sizeSwitch >= 0 ? static_cast<SizeIdx>(sizeSwitch) : kNormal;
        if (l.moderncv && b.kind == BlockKind::Paragraph && b.command.empty()) size = kSmall;  // entry descriptions
        if (b.kind == BlockKind::EntryHeader) {
          sizeSwitch = -1;
          size = kNormal;
          if (!md && !l.moderncv && entryRows(doc, b) == 2) {
            // A two-row entry header (role | dates over organisation |
            // location): a tabular, one line per row.
            bld.space(l.parskip);
            SizeStep st = l.size(kNormal);
            bld.box(st.baselineskip, 0.7 * st.size, bld.refAt(b, 0));
            bld.penalty(kNoBreak);
            bld.box(st.baselineskip + 1.5, 0.7 * st.size, bld.refAt(b, 0));
            afterHeading = false;
            break;
          }
        }
        // A Markdown block quote: pandoc's quote environment, indented 2.5em both sides.
        // The block's text starts after the "> " mark, so look at its line's start.
        if (md && b.file == 0 && b.range.begin < src0.size()) {
          size_t q = src0.rfind('\n', b.range.begin == 0 ? 0 : b.range.begin - 1);
          q = q == std::string_view::npos ? 0 : q + 1;
          while (q < b.range.begin && (src0[q] == ' ' || src0[q] == '\t')) ++q;
          if (src0[q] == '>') hsize -= 2 * l.lists[0].leftmargin;
        }
        Glue before =
            listDepth > 0 ? (l.pandoc && tightAt[std::min(listDepth, 4)] ? Glue{} : l.lists[listDepth - 1].parsep) : l.parskip;
        // moderncv: an entry's description sits 13.4pt below its title line (measured).
        if (l.moderncv && prev && prev->kind == BlockKind::EntryHeader) before = {1.4, 0, 0};
        // moderncv: \cventry and \cvitem lines are spaced a little (3.9pt, 2.7pt measured).
        if (l.moderncv && !afterHeading && b.kind == BlockKind::EntryHeader) before = {3.9, 1, 0};
        else if (l.moderncv && !afterHeading && b.command.rfind("cvitem", 0) == 0) before = {2.7, 1, 0};
        bld.paragraph(b, text, size, variant, hsize, indent, before, afterHeading);
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
        if (int sz = sizeCommand(b.command); sz >= 0) sizeSwitch = sz;
        else layoutCommand(bld, l, b);
        break;
    }
    // Vertical space inside the macro that made the block.
    if (!b.command.empty() && !l.macroSkip.empty()) {
      auto it = l.macroSkip.find("\\" + b.command);
      if (it != l.macroSkip.end()) bld.space({it->second, 0, 0});
    }
    prev = &b;
  }
  if (cvEnd > 0) bld.mergeFrom(cvFrom);
  closeLists(0);
}

std::shared_ptr<PageEstimate> estimate(const CvDocument& doc, const Config& config, std::string* trace) {
  if (doc.files.empty()) return nullptr;
  Layout l = layoutFor(doc, config);
  Builder bld(doc, l);
  bld.items.reserve(doc.blocks.size() * 6 + 16);
  bld.trace = trace != nullptr;
  if (doc.format != Format::Latex) yamlTitle(doc, l, bld);
  std::vector<size_t> order(doc.blocks.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  ColumnPlan plan = planColumns(doc, l);
  layBlocks(doc, l, bld, order, &plan);

  auto est = std::make_shared<PageEstimate>();
  bool any = std::any_of(bld.items.begin(), bld.items.end(), [](const VItem& v) { return v.kind == VItem::Box; });
  if (!any) {
    est->pages = 0;
    return est;
  }
  PageBreakResult pr = breakPages(bld.items, l.textH, l.topskip);
  // Rounded up, so a page with anything on it always counts (2.004 -> 2.01).
  est->pages = std::ceil(((pr.pages - 1) + std::max(pr.lastPageFill, 0.001)) * 100 - 1e-6) / 100;
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
  if (trace) {
    // One line per item: page, position of its baseline from the top of the
    // text block, and the line's text.
    char buf[160];
    std::snprintf(buf, sizeof buf, "layout %s text %.1fx%.1fpt paper %.1fx%.1fpt family %s/%s topskip %.1f\n",
                  l.cls.c_str(), l.textW, l.textH, l.paperW, l.paperH, l.family.c_str(),
                  std::string(l.bodyVariant).c_str(), l.topskip);
    *trace += buf;
    size_t nextStart = 0, ti = 0;
    int page = 1;
    double y = 0;
    bool top = true;
    for (size_t i = 0; i < bld.items.size(); ++i) {
      if (nextStart < pr.pageStarts.size() && i == pr.pageStarts[nextStart]) {
        ++page, ++nextStart, y = 0, top = true;
      }
      const VItem& it = bld.items[i];
      if (it.kind == VItem::Space) {
        if (!top) y += it.glue.w;
        std::snprintf(buf, sizeof buf, "      glue %.2f+%.2f-%.2f\n", it.glue.w, it.glue.stretch, it.glue.shrink);
      } else if (it.kind == VItem::Penalty) {
        std::snprintf(buf, sizeof buf, "      penalty %d\n", it.penalty);
      } else {
        y += top ? std::max(l.topskip, it.top) : it.height;
        top = false;
        std::string t;
        while (ti < bld.traceText.size() && bld.traceText[ti].first < i) ++ti;
        if (ti < bld.traceText.size() && bld.traceText[ti].first == i) t = bld.traceText[ti].second;
        std::snprintf(buf, sizeof buf, "p%d %7.2f L%-4u %.90s\n", page, y, it.src.line + 1, t.c_str());
      }
      *trace += buf;
    }
  }
  return est;
}

}  // namespace

std::shared_ptr<PageEstimate> estimatePages(const CvDocument& doc, const Config& config) {
  return estimate(doc, config, nullptr);
}

std::string tracePageModel(const CvDocument& doc, const Config& config) {
  std::string out;
  estimate(doc, config, &out);
  return out;
}

}  // namespace cvlint
