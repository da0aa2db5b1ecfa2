// Per-family timing of the engine on the 2-page CVs: parse (front end),
// structure, keywords, page model and each rule, median over many runs, so a
// regression shows which part grew. Prints figures; asserts nothing (the
// machine is shared and noisy). The wording rules share a per-thread
// tokenizer cache, so after the first run each rule is timed warm, as the
// server sees it while a person types.
//
// Usage: cvlint_bench_families [--quick]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine.hpp"
#include "keywords/keywords.hpp"
#include "length/pages.hpp"
#include "parse/parse.hpp"
#include "rules/rule.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <class F>
double medianUs(int iterations, F&& f) {
  std::vector<double> t;
  t.reserve(iterations);
  for (int i = 0; i < iterations; ++i) {
    auto a = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// A document as parseDocument leaves it before buildStructure runs.
std::shared_ptr<CvDocument> frontEnd(const std::string& path, const std::string& text, Format fmt, const Config& cfg) {
  auto doc = std::make_shared<CvDocument>();
  doc->format = fmt;
  doc->files.push_back({path, SourceText(text)});
  if (fmt == Format::Latex) parseLatex(*doc, cfg, nullptr);
  else parseMarkdown(*doc, cfg);
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int iters = quick ? 200 : 2000;
  const fs::path corpus = CVLINT_CORPUS_DIR;
  const fs::path examples = fs::path(CVLINT_SOURCE_DIR) / "examples";
  struct Doc {
    const char* name;
    fs::path path;
    Format fmt;
  };
  std::vector<Doc> docs = {
      {"cv.md", examples / "cv.md", Format::Markdown},
      {"cv.tex", examples / "cv.tex", Format::Latex},
      {"mikepqr", corpus / "mikepqr-resume/resume.md", Format::Markdown},
  };
  std::vector<Doc> present;
  for (const Doc& d : docs)
    if (fs::exists(d.path)) present.push_back(d);

  std::vector<std::string> names = {"analyze (whole)", "parse (front end)", "structure", "keywords", "page model"};
  for (const Rule* r : allRules()) names.push_back("rule " + std::string(r->id()));
  std::vector<std::vector<double>> cols;  // cols[doc][row]

  for (const Doc& d : present) {
    std::string text = readAll(d.path);
    Config cfg;
    std::vector<double> col;
    AnalysisRequest req;
    req.path = d.path.string();
    req.text = text;
    req.format = d.fmt;
    analyze(req);  // warm the static tables once
    col.push_back(medianUs(iters, [&] { analyze(req); }));
    col.push_back(medianUs(iters, [&] { frontEnd(req.path, text, d.fmt, cfg); }));
    auto bare = frontEnd(req.path, text, d.fmt, cfg);
    col.push_back(medianUs(iters, [&] {
      CvDocument copy = *bare;
      buildStructure(copy);
    }) - medianUs(iters, [&] { CvDocument copy = *bare; }));
    auto doc = parseDocument(req.path, text, d.fmt, cfg, nullptr);
    std::shared_ptr<KeywordReport> kw;
    std::shared_ptr<PageEstimate> pm;
    col.push_back(medianUs(iters, [&] { kw = analyzeKeywords(*doc, cfg, std::nullopt, "", ""); }));
    col.push_back(medianUs(iters, [&] { pm = estimatePages(*doc, cfg); }));
    RuleContext ctx{*doc, cfg, kw.get(), pm.get()};
    for (const Rule* r : allRules())
      col.push_back(medianUs(iters, [&] {
        std::vector<Finding> out;
        r->check(ctx, out);
      }));
    cols.push_back(std::move(col));
  }

  std::printf("cvlint per-family timing, median microseconds over %d runs (no timed assertion)\n\n%-28s", iters,
              "family");
  for (const Doc& d : present) std::printf(" %10s", d.name);
  std::printf("\n");
  for (size_t row = 0; row < names.size(); ++row) {
    std::printf("%-28s", names[row].c_str());
    for (const auto& col : cols) std::printf(" %10.1f", col[row]);
    std::printf("\n");
  }
  return 0;
}
