// Replays every input under tests/fuzz/regressions/ through the path of the
// fuzz target named by its prefix (fuzz_markdown-, fuzz_latex-, fuzz_jsonrpc-),
// checking the same invariants: no crash, findings inside the file on UTF-8
// boundaries, the server ending cleanly with well-framed output. A crash found
// by a long fuzz run is minimised and dropped in that folder, then fixed.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <string>

#include "engine.hpp"
#include "server_bytes.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

void checkDocument(const std::string& text, Format format) {
  AnalysisRequest req;
  req.path = format == Format::Latex ? "cv.tex" : "cv.md";
  req.text = text;
  req.format = format;
  AnalysisResult r = analyze(req);
  REQUIRE(r.doc);
  for (const Finding& f : r.findings) {
    REQUIRE(f.file < r.doc->files.size());
    const SourceText& t = r.doc->source(f.file);
    CHECK(f.range.begin <= f.range.end);
    CHECK(f.range.end <= t.bytes().size());
    CHECK(isCodePointBoundary(t.view(), f.range.begin));
    CHECK(isCodePointBoundary(t.view(), f.range.end));
  }
}

}  // namespace

TEST_CASE("fuzz regressions: every saved input replays cleanly") {
  fs::path dir = fs::path(CVLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name == "README.md") continue;
    std::string bytes = regress::readBinary(e.path().string());
    INFO(name);
    if (name.rfind("fuzz_markdown-", 0) == 0) checkDocument(bytes, Format::Markdown);
    else if (name.rfind("fuzz_latex-", 0) == 0) checkDocument(bytes, Format::Latex);
    else if (name.rfind("fuzz_jsonrpc-", 0) == 0) {
      std::string in = (!bytes.empty() && (bytes[0] & 1)) ? regress::initPrelude() + bytes : bytes;
      regress::ServerRun run = regress::runServerBytes(in);
      CHECK((run.exitCode == 0 || run.exitCode == 1));
      CHECK(run.wellFramed);
    } else {
      FAIL("unknown regression prefix: " << name);
    }
    ++n;
  }
  CHECK(n >= 1);
}
