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
