// The exact page count: real, sandboxed TeX compiles. Skipped (with the
// reason printed) where TeX Live or pandoc is not installed.
#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine.hpp"
#include "length/exact.hpp"
#include "testing.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

// A fresh folder standing for the user's CV folder.
fs::path userFolder(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("cvlint-pages-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string manyParagraphs(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "Paragraph " + std::to_string(i) +
         " of filler text that describes a role, a stack and an outcome in plain words for the test.\n\n";
  return s;
}

#define REQUIRE_TEX(format)                                                       \
  do {                                                                            \
    if (!exactAvailable(format)) SKIP("TeX Live (and pandoc for Markdown) is not installed"); \
  } while (0)

}  // namespace

TEST_CASE("pickEngine reads the document's needs", "[pages][exact]") {
  CHECK(pickEngine("\\documentclass{article}\n\\begin{document}x\\end{document}") == "pdflatex");
  CHECK(pickEngine("\\documentclass{article}\n\\usepackage{fontspec}\n\\begin{document}") == "xelatex");
  CHECK(pickEngine("% !TEX program = lualatex\n\\usepackage{fontspec}\n") == "lualatex");
  CHECK(pickEngine("%!TEX TS-program = xelatex\n\\documentclass{article}") == "xelatex");
  CHECK(pickEngine("\\usepackage{luacode}") == "lualatex");
  // fontspec mentioned only in the body does not count.
  CHECK(pickEngine("\\begin{document}\\verb|{fontspec}|\\end{document}") == "pdflatex");
}

TEST_CASE("exact: a long LaTeX document is measured with SyncTeX page starts", "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path d = userFolder("three");
  std::string text = "\\documentclass{article}\n\\begin{document}\n" + manyParagraphs(70) + "\\end{document}\n";
  fs::path cv = d / "cv.tex";
  std::ofstream(cv) << text;
  MeasureResult r = measurePages(cv.string(), text, Format::Latex, Config{});
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.engine == "pdflatex");
  CHECK(r.pages >= 3);
  REQUIRE(r.starts.size() == static_cast<size_t>(r.pages - 1));
  for (const MeasuredStart& s : r.starts) {
    CHECK(s.known);
    CHECK(s.path == cv.string());
    // Each page begins on a paragraph line ("Paragraph N ..."): the first text
    // of that page comes from the line SyncTeX names (or the one above it,
    // when a paragraph is split across the page).
    std::string lineText;
    {
      std::ifstream in(cv);
      for (uint32_t i = 0; i <= s.line && std::getline(in, lineText); ++i) {
      }
    }
    INFO("page " << s.page << " line " << s.line << " first text: " << s.firstText);
    CHECK(!s.firstText.empty());
    CHECK(lineText.rfind("Paragraph", 0) == 0);
  }
  // As a page model: "measured", starts resolved into the document, and the
  // rule reports the measured count.
  auto doc = parseDocument(cv.string(), text, Format::Latex, Config{}, nullptr);
  auto pe = measuredEstimate(r, *doc);
  REQUIRE(pe);
  CHECK(pe->method == "measured");
  CHECK(pe->pages == r.pages);
  REQUIRE(pe->starts.size() == r.starts.size());
  CHECK(pe->starts[0].line == r.starts[0].line);
  CHECK(text.substr(pe->starts[0].srcByte, 9) == "Paragraph");
  // The user's folder holds only what was there: nothing was written beside the CV.
  CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator{}) == 1);
  fs::remove_all(d);
}

TEST_CASE("exact: \\write18 does not run a shell command", "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path d = userFolder("shell");
  fs::path marker = d / "pwned";
  std::string text = "\\documentclass{article}\n\\begin{document}\n\\immediate\\write18{touch " + marker.string() +
                     "}\nHello.\n\\end{document}\n";
  fs::path cv = d / "cv.tex";
  std::ofstream(cv) << text;
  MeasureResult r = measurePages(cv.string(), text, Format::Latex, Config{});
  INFO(r.error);
  CHECK(r.pages == 1);
  CHECK_FALSE(fs::exists(marker));
  fs::remove_all(d);
}

TEST_CASE("exact: writing outside the temp folder is refused (openout_any=p)", "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path d = userFolder("openout");
  fs::path target = d / "leak.tex";
  std::string text = "\\documentclass{article}\n\\begin{document}\n\\newwrite\\f\\immediate\\openout\\f=" +
                     target.string() + "\n\\immediate\\write\\f{x}\\immediate\\closeout\\f\nHello.\n\\end{document}\n";
  fs::path cv = d / "cv.tex";
  std::ofstream(cv) << text;
  MeasureResult r = measurePages(cv.string(), text, Format::Latex, Config{});
  INFO(r.error);
  CHECK_FALSE(fs::exists(target));
  fs::remove_all(d);
}

TEST_CASE("exact: a document that loops forever is killed at the time limit", "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path d = userFolder("loop");
  std::string text = "\\documentclass{article}\n\\begin{document}\n\\def\\x{\\x}\\x\n\\end{document}\n";
  fs::path cv = d / "cv.tex";
  std::ofstream(cv) << text;
  MeasureOptions opt;
  opt.timeoutMs = 3000;
  auto t0 = std::chrono::steady_clock::now();
  MeasureResult r = measurePages(cv.string(), text, Format::Latex, Config{}, opt);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(r.timedOut);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("did not finish") != std::string::npos);
  CHECK(s < 8);
  fs::remove_all(d);
}

TEST_CASE("exact: cancelling stops a running compile", "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path d = userFolder("cancel");
  std::string text = "\\documentclass{article}\n\\begin{document}\n\\def\\x{\\x}\\x\n\\end{document}\n";
  fs::path cv = d / "cv.tex";
  std::ofstream(cv) << text;
  std::atomic<bool> cancel{false};
  MeasureOptions opt;
  opt.timeoutMs = 60000;
  opt.cancel = &cancel;
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    cancel = true;
  });
  auto t0 = std::chrono::steady_clock::now();
  MeasureResult r = measurePages(cv.string(), text, Format::Latex, Config{}, opt);
  t.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(r.cancelled);
  CHECK_FALSE(r.ok);
  CHECK(s < 10);
  fs::remove_all(d);
}

TEST_CASE("exact: a TeX error is reported with its first message", "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path d = userFolder("error");
  std::string text = "\\documentclass{article}\n\\begin{document}\nHello \\undefinedmacro.\n\\end{document}\n";
  fs::path cv = d / "cv.tex";
  std::ofstream(cv) << text;
  MeasureResult r = measurePages(cv.string(), text, Format::Latex, Config{});
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("Undefined control sequence") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("exact: Markdown goes through pandoc and page starts map back to lines", "[pages][exact]") {
  REQUIRE_TEX(Format::Markdown);
  fs::path d = userFolder("md");
  std::string text = "# Experience\n\n" + manyParagraphs(60);
  fs::path cv = d / "cv.md";
  std::ofstream(cv) << text;
  MeasureResult r = measurePages(cv.string(), text, Format::Markdown, Config{});
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.pages >= 2);
  REQUIRE(!r.starts.empty());
  INFO("first text: " << r.starts[0].firstText);
  CHECK(!r.starts[0].firstText.empty());
  // Page 2's first text maps back to a paragraph line of the Markdown source.
  REQUIRE(r.starts[0].known);
  std::string lineText;
  {
    std::ifstream in(cv);
    for (uint32_t i = 0; i <= r.starts[0].line && std::getline(in, lineText); ++i) {
    }
  }
  CHECK(lineText.rfind("Paragraph", 0) == 0);
  fs::remove_all(d);
}

namespace {
// Runs the cvlint binary in `dir`; returns stdout and stderr together.
std::string runIn(const fs::path& dir, const std::string& args) {
  return test::commandOutput("cd '" + dir.string() + "' && '" + CVLINT_BINARY + "' " + args + " 2>&1");
}
}  // namespace

TEST_CASE("exact: cvlint check with exactPages on reports the measured count, or why the estimate stays",
          "[pages][exact]") {
  REQUIRE_TEX(Format::Latex);
  fs::path dir = userFolder("cli");
  std::string body = manyParagraphs(120);
  {
    std::ofstream(dir / "cv.tex") << "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n" << body
                                  << "\\end{document}\n";
    std::ofstream(dir / "broken.tex") << "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n"
                                      << "\\undefinedthing\n\\end{document}\n";
  }
  // Off (the default): an estimate.
  std::string estimated = runIn(dir, "check --format json cv.tex");
  INFO(estimated);
  CHECK(estimated.find("\"method\": \"estimate\"") != std::string::npos);
  // On, from .cvlint.json: the measured count, in the JSON, the text summary
  // and the page-overflow message.
  std::ofstream(dir / ".cvlint.json") << "{\"exactPages\": true}\n";
  std::string measured = runIn(dir, "check --format json cv.tex");
  INFO(measured);
  CHECK(measured.find("\"method\": \"measured\"") != std::string::npos);
  CHECK(measured.find("(measured)") != std::string::npos);
  MeasureResult m = measurePages((dir / "cv.tex").string(), test::readFile((dir / "cv.tex").string()), Format::Latex, {});
  REQUIRE(m.ok);
  CHECK(measured.find("\"estimated\": " + std::to_string(m.pages)) != std::string::npos);
  std::string text = runIn(dir, "check cv.tex broken.tex");
  INFO(text);
  CHECK(text.find("cv.tex: " + std::to_string(m.pages) + " / 2 pages (measured)") != std::string::npos);
  // A failed compile: one warning with TeX's first error; the estimate stays.
  CHECK(text.find("broken.tex:1:1: warning: The exact page count failed (the estimate stays): ! Undefined control sequence.") !=
        std::string::npos);
  size_t summary = text.find("\nbroken.tex: ");
  REQUIRE(summary != std::string::npos);
  std::string line = text.substr(summary + 1, text.find('\n', summary + 1) - summary - 1);
  CHECK(line.find(" / 2 pages (estimated)") != std::string::npos);
  fs::remove_all(dir);
}
