// Engine-side helpers for hover, code actions and completion; see editor_features.hpp.
#include "editor_features.hpp"

namespace cvlint {

namespace {

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool overlaps(const Edit& e, const Edit& o) {
  if (e.file != o.file) return false;
  if (e.range.begin < o.range.end && o.range.begin < e.range.end) return true;
  // Two insertions at one place would be ordered arbitrarily: take one.
  return e.range.begin == o.range.begin && e.range.empty() && o.range.empty();
}

}  // namespace

std::vector<const Finding*> findingsAt(const AnalysisResult& res, uint16_t file, uint32_t srcByte) {
  std::vector<const Finding*> out;
  for (const Finding& f : res.findings)
    if (f.file == file && f.range.begin <= srcByte && srcByte <= f.range.end) out.push_back(&f);
  return out;
}

std::vector<const Finding*> findingsIn(const AnalysisResult& res, uint16_t file, ByteRange range) {
  std::vector<const Finding*> out;
  for (const Finding& f : res.findings)
    if (f.file == file && f.range.begin <= range.end && range.begin <= f.range.end) out.push_back(&f);
  return out;
}

const Fix* chosenSafeFix(const Finding& f) {
  for (const Fix& fx : f.fixes)
    if (fx.safe && fx.preferred) return &fx;
  for (const Fix& fx : f.fixes)
    if (fx.safe) return &fx;
  return nullptr;
}

std::vector<Edit> safeFixEdits(const AnalysisResult& res) {
  std::vector<Edit> edits;
  for (const Finding& f : res.findings) {
    const Fix* fx = chosenSafeFix(f);
    if (!fx || fx->edits.empty()) continue;
    bool ok = true;
    for (const Edit& e : fx->edits) {
      if (e.file != 0) ok = false;
      for (const Edit& o : edits) ok = ok && !overlaps(e, o);
    }
    if (ok) edits.insert(edits.end(), fx->edits.begin(), fx->edits.end());
  }
  return edits;
}

Edit suppressionEdit(const AnalysisResult& res, const Finding& f) {
  Edit e;
  e.file = f.file;
  if (!res.doc || f.file >= res.doc->files.size()) return e;
  const SourceText& text = res.doc->source(f.file);
  uint32_t line = text.lineOf(f.range.begin);
  uint32_t start = text.lines().lineStart(line);
  uint32_t end = text.lines().lineEnd(line);
  std::string_view src = text.view();
  uint32_t indentEnd = start;
  while (indentEnd < end && (src[indentEnd] == ' ' || src[indentEnd] == '\t')) ++indentEnd;
  std::string indent(src.substr(start, indentEnd - start));
  // The line's own terminator, so a CRLF file stays CRLF.
  bool crlf = end < src.size() && src[end] == '\r';
  std::string eol = crlf ? "\r\n" : "\n";
  if (res.doc->format == Format::Latex)
    e.newText = indent + "% cvlint-disable-next-line " + f.rule + eol;
  else
    e.newText = indent + "<!-- cvlint-disable-next-line " + f.rule + " -->" + eol;
  e.range = {start, start};
  return e;
}

std::optional<ByteRange> bulletOpeningWord(const SourceText& text, Format format, uint32_t srcByte) {
  std::string_view src = text.view();
  if (srcByte > src.size()) return std::nullopt;
  uint32_t line = text.lineOf(srcByte);
  uint32_t start = text.lines().lineStart(line);
  if (srcByte < start) return std::nullopt;
  // The partial word before the cursor (ASCII letters: verbs are ASCII).
  uint32_t wordBegin = srcByte;
  while (wordBegin > start && isAsciiLetter(src[wordBegin - 1])) --wordBegin;
  // What comes before it must be exactly a bullet marker and spaces.
  std::string_view before = src.substr(start, wordBegin - start);
  size_t i = 0;
  while (i < before.size() && (before[i] == ' ' || before[i] == '\t')) ++i;
  std::string_view rest = before.substr(i);
  auto spacesOnly = [](std::string_view s, bool need) {
    if (need && s.empty()) return false;
    for (char c : s)
      if (c != ' ' && c != '\t') return false;
    return true;
  };
  bool ok = false;
  if (format == Format::Latex) {
    if (rest.rfind("\\item", 0) == 0) ok = spacesOnly(rest.substr(5), true);
    else if (rest.size() > 1 && rest[0] == '\\') {
      size_t k = 1;
      while (k < rest.size() && isAsciiLetter(rest[k])) ++k;
      // \resumeItem{ and the like: a command whose argument is the bullet.
      std::string_view name = rest.substr(1, k - 1);
      ok = k < rest.size() && rest[k] == '{' && spacesOnly(rest.substr(k + 1), false) &&
           (name.find("Item") != std::string_view::npos || name.find("item") != std::string_view::npos);
    }
  } else {
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+')) {
      ok = spacesOnly(rest.substr(1), true);
    } else {
      size_t k = 0;
      while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9' && k < 9) ++k;
      ok = k > 0 && k < rest.size() && (rest[k] == '.' || rest[k] == ')') && spacesOnly(rest.substr(k + 1), true);
    }
  }
  if (!ok) return std::nullopt;
  return ByteRange{wordBegin, srcByte};
}

}  // namespace cvlint
