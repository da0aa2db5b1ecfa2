// Incremental sync: changes applied in order, each against the text the
// previous one left; positions in each encoding; out-of-range ranges clamped
// and reported; URI conversions.
#include <catch2/catch_test_macros.hpp>

#include "documents.hpp"

using namespace cvlint;
using namespace cvlint::lsp;

namespace {
ContentChange change(uint32_t l0, uint32_t c0, uint32_t l1, uint32_t c1, std::string text) {
  return ContentChange{LspRange{{l0, c0}, {l1, c1}}, std::move(text)};
}
}  // namespace

TEST_CASE("documents: changes apply in order against the previous result") {
  DocumentStore store;
  store.open("file:///cv.md", "/cv.md", "markdown", 1, "abc\ndef\n");
  std::vector<std::string> problems;
  // Insert a line, then edit what is now line 2 (was line 1).
  REQUIRE(store.change("file:///cv.md", 2, {change(0, 0, 0, 0, "new\n"), change(2, 0, 2, 3, "DEF")}, Encoding::Utf16,
                       problems));
  auto doc = store.get("file:///cv.md");
  CHECK(doc->text == "new\nabc\nDEF\n");
  CHECK(doc->version == 2);
  CHECK(problems.empty());
}

TEST_CASE("documents: a whole-text change replaces the text") {
  DocumentStore store;
  store.open("u", "", "markdown", 1, "old");
  std::vector<std::string> problems;
  store.change("u", 2, {ContentChange{std::nullopt, "new"}}, Encoding::Utf16, problems);
  CHECK(store.get("u")->text == "new");
}

TEST_CASE("documents: columns after an emoji in each encoding") {
  // "😂x": the emoji is 4 UTF-8 bytes, 2 UTF-16 units, 1 UTF-32 unit.
  for (auto [enc, col] : {std::pair{Encoding::Utf8, 4u}, {Encoding::Utf16, 2u}, {Encoding::Utf32, 1u}}) {
    std::string text = "😂x\n";
    CHECK(applyContentChange(text, change(0, col, 0, col + 1, "y"), enc).empty());
    CHECK(text == "😂y\n");
  }
}

TEST_CASE("documents: an out-of-range change is clamped and reported") {
  std::string text = "ab\ncd";
  std::string problem = applyContentChange(text, change(99, 5, 99, 9, "z"), Encoding::Utf16);
  CHECK(text == "ab\ncdz");
  CHECK(problem.find("clamped") != std::string::npos);
  // Past the end of a line: clamped to the line end.
  text = "ab\ncd";
  problem = applyContentChange(text, change(0, 50, 0, 60, "!"), Encoding::Utf16);
  CHECK(text == "ab!\ncd");
  CHECK(!problem.empty());
}

TEST_CASE("documents: a reversed range is swapped and reported") {
  std::string text = "abcdef";
  std::string problem = applyContentChange(text, change(0, 4, 0, 1, "-"), Encoding::Utf16);
  CHECK(text == "a-ef");
  CHECK(problem.find("reversed") != std::string::npos);
}

TEST_CASE("documents: changes to an unopened document are refused") {
  DocumentStore store;
  std::vector<std::string> problems;
  CHECK_FALSE(store.change("file:///nope.md", 2, {change(0, 0, 0, 0, "x")}, Encoding::Utf16, problems));
  CHECK(store.get("file:///nope.md") == nullptr);
}

TEST_CASE("documents: close forgets and byPath finds") {
  DocumentStore store;
  store.open("file:///a/cv.md", "/a/cv.md", "markdown", 1, "x");
  CHECK(store.byPath("/a/cv.md") != nullptr);
  CHECK(store.close("file:///a/cv.md"));
  CHECK_FALSE(store.close("file:///a/cv.md"));
  CHECK(store.byPath("/a/cv.md") == nullptr);
}

TEST_CASE("uris: percent-decoding and encoding round-trip") {
  CHECK(pathFromUri("file:///home/zo%C3%AB/my%20cv.md") == "/home/zoë/my cv.md");
  CHECK(pathFromUri("file://localhost/tmp/cv.md") == "/tmp/cv.md");
  CHECK(pathFromUri("FILE:///tmp/a%2fb") == "/tmp/a/b");
  CHECK(pathFromUri("untitled:Untitled-1").empty());
  CHECK(pathFromUri("file:///bad%00nul").empty());
  CHECK(uriFromPath("/home/zoë/my cv#1.md") == "file:///home/zo%C3%AB/my%20cv%231.md");
  for (std::string p : {"/a b/c.md", "/ü/é😂.tex", "/x%y/z?.md"}) CHECK(pathFromUri(uriFromPath(p)) == p);
}

TEST_CASE("params: a bad field names its JSON path") {
  json j = json::parse(R"({"textDocument":{"uri":"file:///x","version":"2"},"contentChanges":[]})");
  DidChangeParams p;
  try {
    fromJson(j, "params", p);
    FAIL("no error");
  } catch (const ParamError& e) {
    CHECK(std::string(e.what()).find("params.textDocument.version") != std::string::npos);
  }
  json j2 = json::parse(R"({"textDocument":{"uri":"u","version":1},"contentChanges":[{"range":{"start":{"line":0}},"text":""}]})");
  try {
    fromJson(j2, "params", p);
    FAIL("no error");
  } catch (const ParamError& e) {
    CHECK(std::string(e.what()).find("params.contentChanges[0].range.start.character") != std::string::npos);
  }
}
