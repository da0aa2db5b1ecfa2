// In-process benchmark of the engine: parse + all rules on a 2-page CV
// (median, p99), throughput on a large concatenated corpus document, and the
// scaling curve from 1 KB to 10 MB (time and resident memory per size).
// Prints a table; asserts nothing (machines are shared and noisy).
//
// Each 2-page document is timed warm (the engine's memo caches filled by the
// runs before, as in the editor) and cold (clearEngineCaches() before each
// run, as `cvlint check` on a new file); see the JSON keys in main().
//
// Usage: cvlint_bench [--quick] [--json FILE]
#include <sys/resource.h>

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

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

long rssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

double ms(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
  double median, p99, min;
};

// Times f; `before` runs ahead of each timed call, outside the timing.
template <class F, class B = void (*)()>
Stats timeIt(int iterations, F&& f, B before = [] {}) {
  std::vector<double> t;
  t.reserve(iterations);
  for (int i = 0; i < iterations; ++i) {
    before();
    auto a = std::chrono::steady_clock::now();
    f();
    t.push_back(ms(std::chrono::steady_clock::now() - a));
  }
  std::sort(t.begin(), t.end());
  return {t[t.size() / 2], t[std::min(t.size() - 1, static_cast<size_t>(t.size() * 0.99))], t.front()};
}

AnalysisResult run(const std::string& path, const std::string& text, Format fmt) {
  AnalysisRequest req;
  req.path = path;
  req.text = text;
  req.format = fmt;
  return analyze(req);
}

// Hostile shapes that a quadratic scan would choke on: one line with no
// newline at all, and a flat list of many bullets. Prints time per MB (or per
// 1,000 bullets) at each size: linear behaviour keeps that column flat.
void hostileScaling(bool quick) {
  struct Shape {
    const char* name;
    Format fmt;
    std::string unit;  // repeated to the size
    const char* head;
  };
  std::vector<Shape> shapes = {
      {"one Markdown line", Format::Markdown, "Responsible for leading 12 teams, improving the API and more; ", ""},
      {"one LaTeX line", Format::Latex, "\\textbf{Led} a team of 5 {\\em engineers} \\& more; ",
       "\\documentclass{article}\\begin{document}"},
  };
  std::printf("\nscaling on hostile shapes (no timed assertion: watch ms per MB stay flat)\n%-20s %-10s %12s %12s\n", "shape",
              "size", "median ms", "ms per MB");
  std::vector<size_t> sizes = {1u << 10, 100u << 10, 1u << 20, 10u << 20};
  if (quick) sizes.pop_back();
  for (const Shape& sh : shapes) {
    for (size_t size : sizes) {
      std::string text = sh.head;
      while (text.size() < size) text += sh.unit;
      int iters = size >= (1u << 20) ? 1 : 5;
      Stats s = timeIt(iters, [&] { run(sh.fmt == Format::Latex ? "line.tex" : "line.md", text, sh.fmt); });
      double mb = static_cast<double>(text.size()) / (1 << 20);
      std::printf("%-20s %-10s %12.2f %12.2f\n", sh.name,
                  size >= (1u << 20) ? (std::to_string(size >> 20) + " MB").c_str() : (std::to_string(size >> 10) + " KB").c_str(),
                  s.median, s.median / mb);
    }
  }
  std::printf("%-20s %-10s %12s %12s\n", "shape", "bullets", "median ms", "ms per 1k");
  std::vector<size_t> counts = {1000, 10000, 100000};
  if (quick) counts.pop_back();
  for (Format fmt : {Format::Markdown, Format::Latex}) {
    for (size_t n : counts) {
      std::string text = fmt == Format::Latex ? "\\documentclass{article}\\begin{document}\\section{Experience}\\begin{itemize}\n"
                                              : "# A Person\n\n## Experience\n\n";
      for (size_t i = 0; i < n; ++i)
        text += (fmt == Format::Latex ? "\\item " : "- ") + std::string(i % 3 ? "Led " : "Responsible for ") +
                std::to_string(i) + " migrations\n";
      if (fmt == Format::Latex) text += "\\end{itemize}\\end{document}\n";
      Stats s = timeIt(1, [&] { run(fmt == Format::Latex ? "b.tex" : "b.md", text, fmt); });
      std::printf("%-20s %-10zu %12.2f %12.2f\n", fmt == Format::Latex ? "LaTeX \\items" : "Markdown bullets", n, s.median,
                  s.median / (n / 1000.0));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::string jsonPath;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) quick = true;
    else if (std::strcmp(argv[i], "--json") == 0 && i + 1 < argc) jsonPath = argv[++i];
  }
  std::string json = "{\"documents\": [";
  const char* sep = "";
  const fs::path corpus = CVLINT_CORPUS_DIR;
  const fs::path examples = fs::path(CVLINT_SOURCE_DIR) / "examples";

  std::printf("cvlint engine benchmark (%s build)\n\n", quick ? "quick" : "full");
  std::printf("warm: the same text analysed again and again, the engine's memo caches (tokenized bullets, verb\n"
              "      answers) filled by the runs before: the editor's next keystroke, most bullets unchanged.\n"
              "cold: clearEngineCaches() before each run: `cvlint check` on a file it has not seen (static\n"
              "      tables already built; their one-off cost is the `first` column, the process's first analysis).\n\n");
  std::printf("%-44s %10s %10s %10s %10s %10s %10s\n", "document", "warm med", "warm p99", "cold med", "cold p99",
              "first ms", "findings");
  struct Doc {
    std::string name;
    fs::path path;
    Format fmt;
  };
  std::vector<Doc> docs = {
      {"examples/cv.md (2-page CV)", examples / "cv.md", Format::Markdown},
      {"examples/cv.tex (2-page CV)", examples / "cv.tex", Format::Latex},
      {"corpus mikepqr-resume (2-page Markdown)", corpus / "mikepqr-resume/resume.md", Format::Markdown},
      {"corpus jake-resume (1-page LaTeX)", corpus / "jake-resume/resume.tex", Format::Latex},
  };
  for (const Doc& d : docs) {
    if (!fs::exists(d.path)) continue;
    std::string text = readAll(d.path);
    auto a = std::chrono::steady_clock::now();
    size_t n = run(d.path.string(), text, d.fmt).findings.size();
    double first = ms(std::chrono::steady_clock::now() - a);
    const int iters = quick ? 200 : 2000;
    Stats warm = timeIt(iters, [&] { run(d.path.string(), text, d.fmt); });
    Stats cold = timeIt(iters, [&] { run(d.path.string(), text, d.fmt); }, [] { clearEngineCaches(); });
    std::printf("%-44s %10.3f %10.3f %10.3f %10.3f %10.3f %10zu\n", d.name.c_str(), warm.median, warm.p99, cold.median,
                cold.p99, first, n);
    char buf[640];
    // median_ms / p99_ms: warm (the figures this benchmark has always printed);
    // cold_median_ms / cold_p99_ms: caches emptied before each run;
    // first_ms: the first analysis in the process (static tables built).
    std::snprintf(buf, sizeof buf,
                  "%s{\"name\": \"%s\", \"file\": \"%s\", \"median_ms\": %.4f, \"p99_ms\": %.4f, "
                  "\"cold_median_ms\": %.4f, \"cold_p99_ms\": %.4f, \"first_ms\": %.4f, \"findings\": %zu}",
                  sep, d.name.c_str(), d.path.filename().c_str(), warm.median, warm.p99, cold.median, cold.p99, first, n);
    json += buf;
    sep = ", ";
  }

  // Scaling: the Markdown corpus concatenated and repeated to each size.
  std::string base;
  for (auto& e : fs::directory_iterator(corpus)) {
    if (!e.is_directory()) continue;
    for (auto& f : fs::directory_iterator(e.path()))
      if (f.path().extension() == ".md") base += readAll(f.path()) + "\n\n";
  }
  if (base.empty()) base = readAll(examples / "cv.md");
  std::printf("\nscaling (Markdown corpus repeated; warm as above, and cold)\n%-10s %12s %12s %12s %14s %12s\n", "size",
              "median ms", "MB/s", "ms per MB", "RSS delta MB", "cold ms");
  json += "], \"scaling\": [";
  sep = "";
  std::vector<size_t> sizes = {1u << 10, 10u << 10, 100u << 10, 1u << 20, 10u << 20};
  if (quick) sizes.pop_back();
  for (size_t size : sizes) {
    std::string text;
    while (text.size() < size) text += base;
    text.resize(size);
    // Cut at a line boundary so that the last block is whole.
    size_t nl = text.rfind('\n');
    if (nl != std::string::npos && nl > size / 2) text.resize(nl + 1);
    long before = rssKb();
    long peak = before;
    int iters = size >= (1u << 20) ? 3 : size >= (100u << 10) ? 10 : 100;
    Stats s = timeIt(iters, [&] {
      auto r = run("big.md", text, Format::Markdown);
      peak = std::max(peak, rssKb());
    });
    Stats cold = timeIt(iters, [&] { run("big.md", text, Format::Markdown); }, [] { clearEngineCaches(); });
    double mb = static_cast<double>(text.size()) / (1 << 20);
    std::printf("%-10s %12.3f %12.1f %12.2f %14.1f %12.3f\n",
                size >= (1u << 20) ? (std::to_string(size >> 20) + " MB").c_str() : (std::to_string(size >> 10) + " KB").c_str(),
                s.median, mb / (s.median / 1000), s.median / mb, (peak - before) / 1024.0, cold.median);
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s{\"bytes\": %zu, \"median_ms\": %.4f, \"cold_median_ms\": %.4f, \"rss_delta_mb\": %.2f}", sep,
                  text.size(), s.median, cold.median, (peak - before) / 1024.0);
    json += buf;
    sep = ", ";
  }
  json += "]}\n";
  hostileScaling(quick);
  if (!jsonPath.empty()) {
    std::ofstream out(jsonPath);
    out << json;
  }
  return 0;
}
