// Accuracy of the page estimate on the public corpus (../shared/corpus):
// page counts and page starts against what real TeX produced (manifest.json).
// Prints a per-document table; with CVLINT_UPDATE_GOLDEN=1 also rewrites
// tests/unit/pages/ACCURACY.md, which the README includes.
//
// The target (issue 5): the estimated page count equals the real one for at
// least 90% of the documents built on classes that Debian's TeX Live ships,
// and each page start is within 2 source lines of the real one.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine.hpp"
#include "length/pages.hpp"
#include "testing.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

// Classes that Debian 12's TeX Live packages ship (texlive-latex-base,
// -recommended, -extra; checked with kpsewhich). The corpus's other classes
// (awesome-cv, altacv, resume, deedy-resume-openfont, twentysecondcv,
// yaac-another-awesome-cv, mcdowellcv) come from the templates' repositories.
// Markdown renders through pandoc's default template: article.
bool debianClass(const std::string& cls) {
  static const char* kShipped[] = {"article", "report", "book", "moderncv", "extarticle", "scrartcl", "memoir"};
  return std::find_if(std::begin(kShipped), std::end(kShipped), [&](const char* c) { return cls == c; }) !=
         std::end(kShipped);
}

std::string collapse(std::string_view s) {
  std::string o;
  bool sp = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      sp = !o.empty();
      continue;
    }
    if (sp) o += ' ';
    sp = false;
    o += c;
  }
  return o;
}

// The source line a page's first text comes from: the first block (at or
// after `fromLine`) whose prose holds the text's first words. The test's own
// oracle, from TeX's output; the product never searches text like this.
// When the text occurs in several blocks (filler text repeats), the match
// nearest `hint` is taken and `ambiguous` set, so the table says so.
std::optional<uint32_t> realLine(const CvDocument& doc, std::string first, uint32_t fromLine,
                                 std::optional<uint32_t> hint, bool& ambiguous) {
  // Drop list marks and icons pdftotext prints before the text.
  for (const char* mark : {"•", "○", "◦", "·", "–"})
    while (first.rfind(mark, 0) == 0) first = collapse(first.substr(std::strlen(mark)));
  // A bullet from a symbol font that pdftotext maps to a C1 control (U+0080..U+009F).
  while (first.size() >= 2 && static_cast<unsigned char>(first[0]) == 0xC2 &&
         static_cast<unsigned char>(first[1]) >= 0x80 && static_cast<unsigned char>(first[1]) <= 0x9F)
    first = collapse(first.substr(2));
  first = collapse(first);
  for (size_t want : {size_t{20}, size_t{12}}) {
    std::string key = first.substr(0, std::min(want, first.size()));
    while (!key.empty() && key.back() == ' ') key.pop_back();
    if (key.size() < 4) return std::nullopt;
    std::vector<uint32_t> found;
    for (const Block& b : doc.blocks) {
      if (b.file != 0 && doc.files.size() <= b.file) continue;
      std::string t = collapse(b.prose.text);
      size_t at = t.find(key);
      if (at == std::string::npos) continue;
      // Back from collapsed to prose offsets.
      size_t nonSpace = 0;
      for (size_t i = 0; i < at; ++i) nonSpace += t[i] != ' ';
      uint32_t tb = 0;
      for (size_t seen = 0; tb < b.prose.text.size(); ++tb) {
        char c = b.prose.text[tb];
        if (c == ' ' || c == '\n' || c == '\t') continue;
        if (seen++ == nonSpace) break;
      }
      uint32_t line = doc.source(b.file).lineOf(b.prose.toSource(tb));
      if (b.file == 0 && line < fromLine) continue;
      found.push_back(line);
    }
    if (found.empty()) {
      // A page that starts with a short block (a heading): the text runs on
      // into the next block. Match a whole block that the text starts with,
      // followed by a block the rest starts with.
      for (size_t i = 0; i + 1 < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (b.file != 0) continue;
        std::string t = collapse(b.prose.text);
        if (t.size() < 4 || first.size() <= t.size() + 1 || first.compare(0, t.size(), t) != 0) continue;
        std::string rest = collapse(first.substr(t.size()));
        std::string next = collapse(doc.blocks[i + 1].prose.text);
        std::string want = rest.substr(0, std::min<size_t>(12, rest.size()));
        if (want.size() < 4 || next.compare(0, want.size(), want) != 0) continue;
        uint32_t line = doc.source(0).lineOf(b.range.begin);
        if (line >= fromLine) found.push_back(line);
      }
      if (found.empty()) continue;
    }
    ambiguous = found.size() > 1;
    if (!ambiguous || !hint) return found.front();
    return *std::min_element(found.begin(), found.end(), [&](uint32_t a, uint32_t b) {
      return std::abs(static_cast<int>(a) - static_cast<int>(*hint)) < std::abs(static_cast<int>(b) - static_cast<int>(*hint));
    });
  }
  return std::nullopt;
}

struct Row {
  std::string id, cls, engine;
  bool counted = false;
  int real = 0;
  double estimated = 0;
  std::string starts;  // "p2: est L40 / real L41 (+1)"
  int startsChecked = 0, startsClose = 0;
};

// Estimates one manifest entry (corpus format: id, main, engine, pages,
// page_starts) whose files live under `base`.
Row evaluate(const nlohmann::json& d, const fs::path& base) {
  Row row;
  row.id = d["id"].get<std::string>();
  row.engine = d["engine"].get<std::string>();
  row.real = d["pages"].get<int>();
  std::string main = (base / d["main"].get<std::string>()).string();
  AnalysisRequest req;
  req.path = main;
  req.text = test::readFile(main);
  DiskFileProvider files(fs::path(main).parent_path().string());
  req.files = &files;
  req.config.pages = 99;
  AnalysisResult res = analyze(req);
  row.cls = res.doc->format == Format::Latex ? res.doc->latex.documentClass : "pandoc (article)";
  row.counted = res.doc->format != Format::Latex || debianClass(res.doc->latex.documentClass);
  REQUIRE(res.pageModel);
  row.estimated = res.pageModel->pages;
  // Page starts: estimated vs the real first text of each page.
  uint32_t from = 0;
  for (const auto& ps : d["page_starts"]) {
    int page = ps["page"].get<int>();
    if (page < 2) continue;
    const PageStart* est = nullptr;
    for (const PageStart& s : res.pageModel->starts)
      if (s.page == page) est = &s;
    std::optional<uint32_t> hint;
    if (est) hint = est->line;
    bool ambiguous = false;
    auto line = realLine(*res.doc, ps["first_text_flow"].get<std::string>(), from, hint, ambiguous);
    if (!line) line = realLine(*res.doc, ps["first_text"].get<std::string>(), from, hint, ambiguous);
    char buf[96];
    if (!line) {
      std::snprintf(buf, sizeof buf, "p%d: real start not found; ", page);
    } else {
      from = *line;
      ++row.startsChecked;
      if (est && est->file == 0) {
        int diff = static_cast<int>(est->line) - static_cast<int>(*line);
        if (std::abs(diff) <= 2) ++row.startsClose;
        std::snprintf(buf, sizeof buf, "p%d: L%u vs L%u (%+d%s); ", page, est->line + 1, *line + 1, diff,
                      ambiguous ? ", text repeats" : "");
      } else {
        std::snprintf(buf, sizeof buf, "p%d: none vs L%u; ", page, *line + 1);
      }
    }
    row.starts += buf;
  }
  return row;
}

struct Summary {
  int counted = 0, countOk = 0, starts = 0, startsOk = 0;
  double countRate() const { return counted ? 100.0 * countOk / counted : 0; }
  double startRate() const { return starts ? 100.0 * startsOk / starts : 100; }
};

// The per-document table in Markdown, and its totals.
Summary table(const std::vector<Row>& rows, std::ostringstream& md) {
  Summary sum;
  md << "| document | class | counted | real | estimated | count ok | page starts |\n"
     << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const Row& r : rows) {
    int est = static_cast<int>(std::ceil(r.estimated - 1e-9));
    bool ok = est == r.real;
    if (r.counted) {
      ++sum.counted;
      sum.countOk += ok;
      sum.starts += r.startsChecked;
      sum.startsOk += r.startsClose;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", r.estimated);
    md << "| " << r.id << " | " << r.cls << " | " << (r.counted ? "yes" : "no") << " | " << r.real << " | " << buf
       << " | " << (ok ? "yes" : "**no**") << " | " << (r.starts.empty() ? "—" : r.starts) << " |\n";
  }
  char line[256];
  std::snprintf(line, sizeof line,
                "\nPage count right: %d of %d counted documents (%.0f%%). Page starts within 2 lines: %d of %d "
                "(%.0f%%).\n",
                sum.countOk, sum.counted, sum.countRate(), sum.startsOk, sum.starts, sum.startRate());
  md << line;
  return sum;
}

std::vector<Row> evaluateAll(const fs::path& manifestPath, const fs::path& base) {
  auto manifest = nlohmann::json::parse(test::readFile(manifestPath.string()));
  std::vector<Row> rows;
  for (const auto& d : manifest)
    if (!d["pages"].is_null()) rows.push_back(evaluate(d, base));
  return rows;
}

}  // namespace

TEST_CASE("accuracy of the page estimate on the corpus", "[pages][corpus]") {
  fs::path corpus = CVLINT_CORPUS_DIR;
  if (!fs::exists(corpus / "manifest.json")) SKIP("the corpus is not at " + corpus.string());
  fs::path synthetic = fs::path(CVLINT_SOURCE_DIR) / "tests/unit/pages/synthetic";
  std::vector<Row> rows = evaluateAll(corpus / "manifest.json", corpus);
  std::vector<Row> synRows = evaluateAll(synthetic / "measured.json", synthetic);

  std::ostringstream md;
  md << "# Page estimate accuracy on the corpus\n\n"
     << "Generated by `tests/unit/pages/accuracy_test.cpp` (`CVLINT_UPDATE_GOLDEN=1` rewrites it).\n"
     << "Real = pages of the PDF that TeX Live 2022 produced (corpus manifest). Counted = built on a\n"
     << "class that Debian's TeX Live ships (the target set). Page starts: estimated vs real 1-based\n"
     << "source line of the first text of each page (within 2 lines counts as right).\n\n";
  Summary sum = table(rows, md);
  md << "\n## Synthetic CVs\n\n"
     << "Fictional CVs written for this test (`tests/unit/pages/synthetic/`, made by\n"
     << "`analysis/length/gen/make_synthetic.py`), not used to calibrate the model before they were\n"
     << "measured: Markdown through pandoc 2.17's default template, article with geometry, fullpage\n"
     << "and enumitem, moderncv classic and casual. Real figures from pdflatex/pandoc (TeX Live 2022)\n"
     << "in `measured.json` (`analysis/length/gen/measure_synthetic.sh` re-measures them).\n\n";
  Summary syn = table(synRows, md);
  std::printf("%s", md.str().c_str());
  // The README carries the same tables (issue 5: "keep the per-document error
  // table in the README") between two markers, without the file's title.
  const fs::path readmePath = fs::path(CVLINT_SOURCE_DIR) / "README.md";
  const std::string begin = "<!-- page-accuracy:begin (generated by tests/unit/pages/accuracy_test.cpp) -->\n";
  const std::string end = "<!-- page-accuracy:end -->";
  std::string body = md.str().substr(md.str().find("\n\n") + 2);
  std::string readme;
  {
    std::ifstream in(readmePath, std::ios::binary);
    readme.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  size_t rb = readme.find(begin), re = readme.find(end);
  if (const char* u = std::getenv("CVLINT_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(fs::path(CVLINT_SOURCE_DIR) / "tests/unit/pages/ACCURACY.md") << md.str();
    if (rb != std::string::npos && re != std::string::npos && rb < re) {
      readme.replace(rb + begin.size(), re - rb - begin.size(), body);
      std::ofstream(readmePath, std::ios::binary) << readme;
    }
  } else {
    INFO("README.md's page-accuracy tables are stale: rerun this test with CVLINT_UPDATE_GOLDEN=1");
    REQUIRE(rb != std::string::npos);
    REQUIRE(re != std::string::npos);
    CHECK(readme.substr(rb + begin.size(), re - rb - begin.size()) == body);
  }
  // The target: 90% of page counts right on the counted documents.
  CHECK(sum.countRate() >= 90);
  CHECK(syn.countRate() >= 90);
  // The target: every page start within 2 lines (8 of 8 now; pandoc's
  // description lists and the rule below a thematic break were the misses).
  CHECK(sum.startRate() >= 100);
  // Synthetic page starts: 11 of 11. md-deflist-long p3 was 4 lines early
  // while lines were broken first fit without microtype (pandoc's template
  // loads it: font expansion and protrusion let TeX's optimum fit keep lines
  // first fit wrapped). This floor is what the model reaches; raise it,
  // never lower it.
  CHECK(syn.startRate() >= 100);
}

// Calibration aid (hidden; run with `cvlint_tests_pages "[.trace]"`): prints
// the model's vertical list for the file in CVLINT_TRACE_FILE.
TEST_CASE("trace the page model of one file", "[.trace]") {
  const char* f = std::getenv("CVLINT_TRACE_FILE");
  if (!f) SKIP("set CVLINT_TRACE_FILE");
  AnalysisRequest req;
  req.path = f;
  req.text = test::readFile(f);
  DiskFileProvider files(fs::path(f).parent_path().string());
  req.files = &files;
  AnalysisResult res = analyze(req);
  std::printf("%s", tracePageModel(*res.doc, res.config).c_str());
  CHECK(res.doc);
}

// Benchmark (hidden; run with `cvlint_tests_pages "[.bench]"`): the median
// time of the estimate alone on the corpus's two-page CVs. It prints figures
// and asserts nothing about time (machines are shared and noisy); the target
// is under 1 ms.
TEST_CASE("benchmark the page estimate", "[.bench]") {
  fs::path corpus = CVLINT_CORPUS_DIR;
  if (!fs::exists(corpus / "manifest.json")) SKIP("the corpus is not at " + corpus.string());
  auto manifest = nlohmann::json::parse(test::readFile((corpus / "manifest.json").string()));
  for (const auto& d : manifest) {
    if (d["pages"].is_null() || d["pages"].get<int>() != 2) continue;
    std::string main = (corpus / d["main"].get<std::string>()).string();
    AnalysisRequest req;
    req.path = main;
    req.text = test::readFile(main);
    DiskFileProvider files(fs::path(main).parent_path().string());
    req.files = &files;
    AnalysisResult res = analyze(req);
    std::vector<double> t;
    for (int i = 0; i < 301; ++i) {
      auto a = std::chrono::steady_clock::now();
      auto e = estimatePages(*res.doc, res.config);
      t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
      REQUIRE(e);
    }
    std::sort(t.begin(), t.end());
    std::printf("%-22s %6zu bytes  estimate median %.3f ms  p90 %.3f ms\n", d["id"].get<std::string>().c_str(),
                req.text.size(), t[t.size() / 2], t[t.size() * 9 / 10]);
  }
}
