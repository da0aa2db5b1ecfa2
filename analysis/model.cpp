// The model's small helpers: the prose source map and name tables.
#include "model.hpp"

#include <algorithm>

namespace cvlint {

void Prose::appendVerbatim(std::string_view s, uint32_t srcBegin) {
  if (s.empty()) return;
  auto textBegin = static_cast<uint32_t>(text.size());
  text.append(s);
  auto n = static_cast<uint32_t>(s.size());
  if (!segments.empty()) {
    Segment& last = segments.back();
    if (last.verbatim && last.srcEnd == srcBegin && last.textEnd == textBegin) {
      last.textEnd += n;
      last.srcEnd += n;
      return;
    }
  }
  segments.push_back({textBegin, textBegin + n, srcBegin, srcBegin + n, true});
}

void Prose::appendSynthetic(std::string_view s, uint32_t srcBegin, uint32_t srcEnd) {
  auto textBegin = static_cast<uint32_t>(text.size());
  text.append(s);
  segments.push_back({textBegin, static_cast<uint32_t>(text.size()), srcBegin, std::max(srcBegin, srcEnd), false});
}

void Prose::appendCode(std::string_view s, uint32_t srcBegin, uint32_t srcEnd) {
  appendSynthetic(s, srcBegin, srcEnd);
  segments.back().code = true;
}

// Segments are in text order and do not overlap (segmentAt relies on it too),
// so only those from the one holding textBegin on can overlap: a binary
// search, not a scan of the whole paragraph for every word (quadratic on a
// one-line 1 MB document).
bool Prose::overlapsCode(uint32_t textBegin, uint32_t textEnd) const {
  const uint32_t limit = std::max(textEnd, textBegin + 1);
  auto it = std::upper_bound(segments.begin(), segments.end(), textBegin,
                             [](uint32_t t, const Segment& s) { return t < s.textBegin; });
  if (it != segments.begin()) --it;
  for (; it != segments.end() && it->textBegin < limit; ++it)
    if (it->code && textBegin < it->textEnd) return true;
  return false;
}

namespace {
// The segment holding textByte (the last one whose textBegin <= textByte).
const Segment* segmentAt(const std::vector<Segment>& segs, uint32_t textByte) {
  if (segs.empty()) return nullptr;
  auto it = std::upper_bound(segs.begin(), segs.end(), textByte,
                             [](uint32_t t, const Segment& s) { return t < s.textBegin; });
  if (it == segs.begin()) return &segs.front();
  return &*(it - 1);
}
}  // namespace

uint32_t Prose::toSource(uint32_t textByte) const {
  const Segment* s = segmentAt(segments, textByte);
  if (!s) return 0;
  if (textByte >= s->textEnd) return s->srcEnd;
  if (!s->verbatim) return s->srcBegin;
  return s->srcBegin + (textByte - s->textBegin);
}

ByteRange Prose::toSource(uint32_t textBegin, uint32_t textEnd) const {
  if (segments.empty()) return {};
  if (textEnd < textBegin) textEnd = textBegin;
  uint32_t b = toSource(textBegin);
  uint32_t e;
  if (textEnd == textBegin) {
    e = b;
  } else {
    // The end maps through the segment holding the last byte of the range.
    const Segment* s = segmentAt(segments, textEnd - 1);
    if (textEnd - 1 >= s->textEnd) e = s->srcEnd;
    else if (s->verbatim) e = s->srcBegin + (textEnd - s->textBegin);
    else e = s->srcEnd;
  }
  return {b, std::max(b, e)};
}

bool Prose::isVerbatim(uint32_t textBegin, uint32_t textEnd) const {
  if (textEnd <= textBegin) return true;
  const Segment* s = segmentAt(segments, textBegin);
  if (!s || !s->verbatim || textBegin < s->textBegin) return false;
  return textEnd <= s->textEnd;
}

ByteRange Prose::sourceRange() const {
  if (segments.empty()) return {};
  return {segments.front().srcBegin, segments.back().srcEnd};
}

const char* sectionKindName(SectionKind k) {
  switch (k) {
    case SectionKind::Header: return "header";
    case SectionKind::Summary: return "summary";
    case SectionKind::Experience: return "experience";
    case SectionKind::Education: return "education";
    case SectionKind::Skills: return "skills";
    case SectionKind::Projects: return "projects";
    case SectionKind::Certifications: return "certifications";
    case SectionKind::Other: return "other";
  }
  return "other";
}

const char* layoutKindName(LayoutKind k) {
  switch (k) {
    case LayoutKind::Table: return "table";
    case LayoutKind::Image: return "image";
    case LayoutKind::Columns: return "columns";
    case LayoutKind::Box: return "box";
    case LayoutKind::Graphics: return "graphics";
    case LayoutKind::IconFont: return "icon-font";
    case LayoutKind::Photo: return "photo";
  }
  return "table";
}

int32_t CvDocument::findSection(SectionKind kind) const {
  for (size_t i = 0; i < sections.size(); ++i)
    if (sections[i].kind == kind) return static_cast<int32_t>(i);
  return -1;
}

}  // namespace cvlint
