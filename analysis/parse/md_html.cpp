// Raw HTML in Markdown: HTML blocks and inline HTML are not prose, but they
// hold what cvlint must still see: comments (cvlint directives live in
// them), <img> (layout: images and photos), <table> (layout) and <a href>
// (contact details). A small forward scanner over the source bytes md4c
// reported as HTML; each byte is looked at a bounded number of times.
#include <cctype>
#include <cstring>

#include "parse/md_internal.hpp"

namespace cvlint::md {

namespace {

bool iequals(const char* a, const char* lowerB, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != lowerB[i]) return false;
  return true;
}

// The value of attribute `name` (lowercase, e.g. "href") inside tag [b, e).
std::string_view attribute(std::string_view buf, uint32_t b, uint32_t e, const char* name, uint32_t& valueBegin) {
  size_t n = std::strlen(name);
  for (uint32_t i = b; i + n + 1 < e; ++i) {
    if (!iequals(buf.data() + i, name, n) || (i > b && std::isalnum(static_cast<unsigned char>(buf[i - 1])))) continue;
    uint32_t j = i + static_cast<uint32_t>(n);
    while (j < e && buf[j] == ' ') ++j;
    if (j >= e || buf[j] != '=') continue;
    ++j;
    while (j < e && buf[j] == ' ') ++j;
    if (j >= e) return {};
    char q = buf[j];
    uint32_t vb = j, ve = j;
    if (q == '"' || q == '\'') {
      vb = ++j;
      while (j < e && buf[j] != q) ++j;
      ve = j;
    } else {
      while (j < e && buf[j] != ' ' && buf[j] != '>' && buf[j] != '\n') ++j;
      ve = j;
    }
    valueBegin = vb;
    return buf.substr(vb, ve - vb);
  }
  return {};
}

std::string asciiLowerTag(const char* p, size_t n) {
  std::string out(p, n);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A container tag (<div>, <section>, ...) at `lt`: the length of its name, or 0.
size_t containerTag(const char* lt, uint32_t avail) {
  for (const char* name : {"<div", "<section", "<aside", "<main", "<article"}) {
    size_t n = std::strlen(name);
    if (avail > n && iequals(lt, name, n) && (lt[n] == ' ' || lt[n] == '\t' || lt[n] == '\n' || lt[n] == '>'))
      return n;
  }
  return 0;
}

// The CSS declaration of an inline style that lays children side by side
// ("display:flex", "display:grid", "column-count", "columns"), or "".
// Sizing a child ("flex: 1", "width: 50%") or aligning text is no layout.
std::string columnStyle(std::string_view style) {
  std::string css;
  for (char c : style)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') css.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  size_t start = 0;
  while (start < css.size()) {
    size_t end = css.find(';', start);
    if (end == std::string::npos) end = css.size();
    std::string_view decl = std::string_view(css).substr(start, end - start);
    for (std::string_view d : {"display:flex", "display:inline-flex", "display:grid", "display:inline-grid"})
      if (decl.substr(0, d.size()) == d && (decl.size() == d.size() || decl[d.size()] == '!')) return std::string(d);
    if (decl.rfind("column-count:", 0) == 0 || decl.rfind("columns:", 0) == 0) return std::string(decl);
    start = end + 1;
  }
  return "";
}

}  // namespace

void addImage(CvDocument& doc, ByteRange r, std::string_view alt, std::string_view src, bool seenHeading) {
  bool photo = !seenHeading || looksLikePhoto(alt, src);
  LayoutFact lf{photo ? LayoutKind::Photo : LayoutKind::Image, photo ? "photo" : "image", 0,
                doc.files[0].text.lines().lineOf(r.begin), r, false};
  doc.layout.push_back(std::move(lf));
}

uint32_t scanHtml(CvDocument& doc, std::string_view buf, ByteRange range, uint32_t scanned, bool block,
                  bool seenHeading) {
  const LineIndex& lines = doc.files[0].text.lines();
  auto size = static_cast<uint32_t>(buf.size());
  uint32_t e = std::min(range.end, size);
  uint32_t i = std::max(range.begin, scanned);
  bool columns = false;
  while (i + 2 <= e) {
    const char* lt = static_cast<const char*>(std::memchr(buf.data() + i, '<', e - i));
    if (!lt) break;
    i = static_cast<uint32_t>(lt - buf.data());
    if (i + 4 <= size && std::memcmp(lt, "<!--", 4) == 0) {
      // A comment ends at the first "-->"; an inline one may run past this
      // piece (md4c reports only closed ones), a block one ends with its block.
      uint32_t limit = block ? e : size;
      uint32_t textBegin = i + 4, close = UINT32_MAX;
      for (uint32_t j = textBegin; j + 3 <= limit;) {
        const char* dash = static_cast<const char*>(std::memchr(buf.data() + j, '-', limit - j));
        if (!dash) break;
        j = static_cast<uint32_t>(dash - buf.data());
        if (j + 3 <= limit && dash[1] == '-' && dash[2] == '>') {
          close = j;
          break;
        }
        ++j;
      }
      uint32_t textEnd = close == UINT32_MAX ? limit : close;
      uint32_t end = close == UINT32_MAX ? limit : close + 3;
      Comment c;
      c.text = std::string(buf.substr(textBegin, textEnd > textBegin ? textEnd - textBegin : 0));
      c.file = 0;
      c.line = lines.lineOf(i);
      c.endLine = lines.lineOf(end > i ? end - 1 : i);
      c.range = {i, end};
      doc.comments.push_back(std::move(c));
      i = end;
      scanned = std::max(scanned, end);
      continue;
    }
    if (size_t n = containerTag(lt, e - i)) {
      // A flex/grid/multi-column container: a column layout (one fact per
      // container; its children's own styles say nothing more).
      const char* gt = static_cast<const char*>(std::memchr(lt, '>', e - i));
      uint32_t tagEnd = gt ? static_cast<uint32_t>(gt - buf.data()) + 1 : e;
      uint32_t vb = 0;
      std::string decl = columnStyle(attribute(buf, i, tagEnd, "style", vb));
      if (!decl.empty() && !columns) {
        columns = true;  // nested containers in one HTML block are one layout
        std::string construct = "<" + asciiLowerTag(lt + 1, n - 1) + "> " + decl;
        doc.layout.push_back({LayoutKind::Columns, std::move(construct), 0, lines.lineOf(i), {i, tagEnd}, false});
      }
      i = tagEnd;
      continue;
    }
    bool img = i + 4 <= e && iequals(lt, "<img", 4);
    bool table = i + 6 <= e && iequals(lt, "<table", 6);
    bool anchor = i + 3 <= e && iequals(lt, "<a ", 3);
    if (img || table || anchor) {
      const char* gt = static_cast<const char*>(std::memchr(lt, '>', e - i));
      uint32_t tagEnd = gt ? static_cast<uint32_t>(gt - buf.data()) + 1 : e;
      ByteRange r{i, tagEnd};
      if (img) {
        uint32_t vb = 0;
        std::string_view src = attribute(buf, i, tagEnd, "src", vb);
        std::string_view alt = attribute(buf, i, tagEnd, "alt", vb);
        addImage(doc, r, alt, src, seenHeading);
      } else if (table) {
        doc.layout.push_back({LayoutKind::Table, "html table", 0, lines.lineOf(i), r, false});
      } else {
        uint32_t vb = 0;
        std::string_view href = attribute(buf, i, tagEnd, "href", vb);
        std::string value;
        if (auto kind = classifyLink(href, value)) doc.contacts.push_back({*kind, std::move(value), 0, r});
      }
      i = tagEnd;
      continue;
    }
    ++i;
  }
  return std::max(scanned, e);
}

}  // namespace cvlint::md
