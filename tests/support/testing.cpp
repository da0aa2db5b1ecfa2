// Implementation of the shared test helpers.
#include "testing.hpp"

#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace cvlint::test {

AnalysisResult lint(std::string_view text, Format format, const Config& config) {
  AnalysisRequest req;
  req.path = format == Format::Latex ? "cv.tex" : "cv.md";
  req.text = std::string(text);
  req.format = format;
  req.config = config;
  return analyze(req);
}

std::vector<Finding> findings(const AnalysisResult& res, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& f : res.findings)
    if (rule.empty() || f.rule == rule) out.push_back(f);
  return out;
}

std::string fixed(std::string_view text, Format format, std::string_view rule, size_t fixIndex, const Config& config) {
  auto res = lint(text, format, config);
  for (const Finding& f : res.findings) {
    if (f.rule != rule) continue;
    if (fixIndex >= f.fixes.size()) return std::string(text);
    return applyEdits(text, f.fixes[fixIndex].edits);
  }
  return std::string(text);
}

std::vector<std::string> fixTitles(std::string_view text, Format format, std::string_view rule, const Config& config) {
  std::vector<std::string> out;
  auto res = lint(text, format, config);
  for (const Finding& f : res.findings)
    if (f.rule == rule)
      for (const Fix& fx : f.fixes) out.push_back(fx.title);
  return out;
}

std::string annotate(std::string_view text, Format format, std::string_view rule, const Config& config) {
  auto res = lint(text, format, config);
  const SourceText& src = res.doc->source(0);
  std::vector<std::vector<std::string>> marks(src.lines().lineCount());
  for (const Finding& f : res.findings) {
    if (f.file != 0 || (!rule.empty() && f.rule != rule)) continue;
    Position a = src.toPosition(f.range.begin, Encoding::Utf32);
    uint32_t lineEnd = src.lines().lineEnd(a.line);
    Position b = src.toPosition(std::min(f.range.end, lineEnd), Encoding::Utf32);
    uint32_t width = b.line == a.line && b.character > a.character ? b.character - a.character : 1;
    marks[a.line].push_back(std::string(a.character, ' ') + std::string(width, '^') + " " + f.rule);
  }
  std::string out;
  for (uint32_t l = 0; l < src.lines().lineCount(); ++l) {
    uint32_t s = src.lines().lineStart(l), e = src.lines().lineEnd(l);
    if (l + 1 == src.lines().lineCount() && s == e && !out.empty()) break;
    out.append(src.view().substr(s, e - s));
    out.push_back('\n');
    for (const std::string& m : marks[l]) out += m + "\n";
  }
  return out;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string commandOutput(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

bool matchesGolden(const std::string& goldenPath, const std::string& actual) {
  const char* update = std::getenv("CVLINT_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream out(goldenPath, std::ios::binary);
    out << actual;
    return static_cast<bool>(out);
  }
  return readFile(goldenPath) == actual;
}

}  // namespace cvlint::test
