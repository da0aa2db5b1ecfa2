// The source map is exact: for every bullet and paragraph (and heading and
// table) of the golden fixtures and of every corpus Markdown CV, each prose
// byte of a verbatim segment equals the source byte it maps to, synthetic
// segments stay inside their block, and segments are sorted and contiguous.
// Also: the corpus parses into sections and bullets, and hostile input
// neither crashes, overflows the stack, nor takes quadratic time.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>

#include "md_support.hpp"
#include "testing.hpp"

using namespace cvlint;
using namespace cvlint::mdtest;

namespace fs = std::filesystem;

namespace {

std::vector<std::string> corpusMarkdown() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& d : fs::directory_iterator(CVLINT_CORPUS_DIR, ec)) {
    if (!d.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(d.path(), ec))
      if (f.path().extension() == ".md" && f.path().filename() != "README.md") out.push_back(f.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int proseBlocks(const CvDocument& doc, BlockKind kind) {
  int n = 0;
  for (const Block& b : doc.blocks) n += b.kind == kind;
  return n;
}

}  // namespace

TEST_CASE("source map is exact for every block of the golden fixtures") {
  std::string dir = std::string(CVLINT_SOURCE_DIR) + "/tests/golden/markdown";
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".md") continue;
    ++files;
    auto doc = parse(test::readFile(e.path().string()));
    DYNAMIC_SECTION(e.path().filename().string()) {
      CHECK(checkSourceMaps(*doc) == 0);
      CHECK(proseBlocks(*doc, BlockKind::Bullet) > 0);
    }
  }
  CHECK(files >= 4);
}

TEST_CASE("corpus Markdown CVs: exact source map, at least one section and one bullet") {
  auto files = corpusMarkdown();
  REQUIRE(files.size() >= 6);
  for (const std::string& path : files) {
    DYNAMIC_SECTION(path) {
      auto doc = parse(test::readFile(path), path);
      CHECK(checkSourceMaps(*doc) == 0);
      CHECK(doc->sections.size() >= 2);  // the header section plus at least one heading
      CHECK(proseBlocks(*doc, BlockKind::Bullet) >= 1);
      CHECK(doc->problems.empty());
    }
  }
}

TEST_CASE("synthetic segments: escapes, entities and breaks map inside the block, verbatim text is exact") {
  std::string src =
      "- A\\_B &lt;tag&gt; `x`\n  **bold** [link](http://x.example) &copy;  \n  end \\\n  last\n";
  auto doc = parse(src);
  REQUIRE(doc->blocks.size() == 1);
  const Block& b = doc->blocks[0];
  CHECK(b.prose.text == "A_B <tag> x bold link \xC2\xA9 end last");
  CHECK(checkSourceMap(*doc, b) == 0);
  int synthetic = 0;
  for (const Segment& s : b.prose.segments) synthetic += !s.verbatim;
  CHECK(synthetic >= 7);
}

namespace {

// Parses and checks the invariants; returns the time taken in seconds.
double parseTimed(const std::string& text) {
  auto t0 = std::chrono::steady_clock::now();
  auto doc = parse(text);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(checkSourceMaps(*doc) == 0);
  for (const Block& b : doc->blocks) CHECK(b.range.end <= text.size());
  return secs;
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

// The time limits are loose (a quadratic pass over these inputs takes
// minutes); they catch complexity bugs, not slow machines.
TEST_CASE("hostile: 3,000 nested list levels") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::string(static_cast<size_t>(i) * 2, ' ') + "- level\n";
  CHECK(parseTimed(text) < 10.0);
  auto doc = parse(text);
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE_FALSE(bs.empty());
  CHECK(bs[0]->level == 1);
  CHECK(bs[1]->level == 2);
}

TEST_CASE("hostile: 3,000 nested block quotes and list markers on one line") {
  CHECK(parseTimed(repeat("> ", 3000) + "text\n") < 10.0);
  CHECK(parseTimed(repeat("- ", 3000) + "text\n") < 10.0);
}

TEST_CASE("hostile: a 200 KB line") {
  CHECK(parseTimed("- " + repeat("word ", 40000) + "\n") < 5.0);
  CHECK(parseTimed(repeat("a*b_", 50000) + "\n") < 5.0);
}

TEST_CASE("hostile: 20,000 brackets, stars, image openers and comment openers") {
  CHECK(parseTimed(repeat("[", 20000)) < 5.0);
  CHECK(parseTimed(repeat("*", 20000)) < 5.0);
  CHECK(parseTimed(repeat("![", 20000)) < 5.0);
  CHECK(parseTimed(repeat("[a](", 20000)) < 5.0);
  CHECK(parseTimed(repeat("*a ", 20000) + repeat("b* ", 20000)) < 5.0);
  CHECK(parseTimed(repeat("<!--", 20000)) < 5.0);
  CHECK(parseTimed("x " + repeat("<!-- a --> ", 20000)) < 5.0);
  CHECK(parseTimed(repeat("![a](b.png) ", 20000)) < 5.0);
  CHECK(parseTimed(repeat("| a ", 5000) + "|\n" + repeat("|---", 5000) + "|\n" + repeat("| b ", 5000) + "|\n") < 5.0);
}

TEST_CASE("hostile: invalid UTF-8 and NUL bytes never break the map") {
  std::string text = "## Skills\n\n- Go \xff\xfe\xc3 Rust\n- a";
  text.push_back('\0');
  text += "b\n- \xed\xa0\x80 surrogate\n";
  text.push_back('\0');
  auto doc = parse(text);
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() >= 3);
  CHECK(bs[0]->prose.text == "Go \xff\xfe\xc3 Rust");
  CHECK(bs[1]->prose.text == "a\xEF\xBF\xBD" "b");  // NUL is U+FFFD, a synthetic segment
  CHECK(slice(*doc, bs[1]->prose.toSource(1, 4)) == std::string(1, '\0'));
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("hostile: random byte soup parses with valid ranges") {
  uint32_t state = 12345;
  const char alphabet[] = "-*+_`[]()!<>#|\\&;:\n \t=~1.aZ\xc3\xa9\xff";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 400; ++i) {
      state = state * 1103515245u + 12345u;
      text.push_back(alphabet[(state >> 16) % (sizeof(alphabet) - 1)]);
    }
    auto doc = parse(text);
    int bad = checkSourceMaps(*doc);
    if (bad) UNSCOPED_INFO("round " << round);
    CHECK(bad == 0);
  }
}
