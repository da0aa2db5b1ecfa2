// The server writes each keystroke's diagnostics as JSON text directly
// (appendDiagnosticJson), not through a JSON tree: that text must be exactly
// what diagnosticJson's tree dumps, on every finding of the public corpus in
// every encoding, and on the awkward cases (escapes, invalid UTF-8, numbers,
// repeated data keys, related locations in other files).
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report.hpp"
#include "testing.hpp"

using namespace cvlint;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written(const AnalysisResult& res, const Finding& f, Encoding enc, const std::string& uri,
                    std::string (*uriOf)(const std::string&) = nullptr) {
  std::string out;
  appendDiagnosticJson(out, res, f, enc, uri, uriOf);
  return out;
}

std::string schemeOf(const std::string& path) { return "x-test://" + path; }

}  // namespace

TEST_CASE("report: the direct diagnostic writer gives diagnosticJson's text on the corpus") {
  fs::path corpus = fs::weakly_canonical(CVLINT_CORPUS_DIR);
  json manifest = json::parse(test::readFile((corpus / "manifest.json").string()));
  REQUIRE(manifest.size() > 10);
  size_t compared = 0, withData = 0, withRelated = 0;
  for (const json& m : manifest) {
    fs::path file = corpus / m["main"].get<std::string>();
    INFO(file.string());
    Format format = file.extension() == ".tex" ? Format::Latex : Format::Markdown;
    AnalysisResult res = test::lint(test::readFile(file.string()), format);
    for (const Finding& f : res.findings) {
      for (Encoding enc : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
        std::string text = written(res, f, enc, "file:///cv.md");
        CHECK(text == dumped(diagnosticJson(res, f, enc, "file:///cv.md")));
        CHECK(json::parse(text) == diagnosticJson(res, f, enc, "file:///cv.md"));
      }
      ++compared;
      withData += !f.data.empty();
      withRelated += !f.related.empty();
    }
  }
  CHECK(compared > 100);
  CHECK(withData > 0);
  CHECK(withRelated > 0);
}

TEST_CASE("report: the direct writer escapes, replaces invalid UTF-8 and writes numbers as the JSON tree does") {
  AnalysisResult res = test::lint("# Zoë\n\n## Experience\n\n- Built 🚀 things\n- Led a team\n", Format::Markdown);
  REQUIRE(res.doc);
  Finding f;
  f.rule = "weak-verb";
  f.severity = Severity::Hint;
  f.range = {2, 5};
  f.message = std::string("quote \" backslash \\ tab \t newline \n cr \r bell \x07 del \x7f unit \x1f é 🚀 ") +
              "bad \xff\xfe end \xe2\x82 cut";
  f.data = {{"keyword", std::string("Go \"lang\"")}, {"count", 6.0}, {"share", 0.125}, {"big", 1e21},
            {"zero", 0.0}, {"flag", true}, {"off", false}, {"keyword", std::string("later wins")}};
  Related same;
  same.file = 0;
  same.range = {8, 14};
  same.message = "the other \"bullet\"";
  Related external;
  external.path = "/ws/cv.job.md";
  external.line = 3;
  external.message = "advert line";
  f.related = {same, external};
  for (Encoding enc : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
    for (auto uriOf : {static_cast<std::string (*)(const std::string&)>(nullptr), &schemeOf}) {
      std::string text = written(res, f, enc, "file:///w/c\"v.md", uriOf);
      json tree = diagnosticJson(res, f, enc, "file:///w/c\"v.md", uriOf);
      CHECK(text == dumped(tree));
      json parsed = json::parse(text);  // valid JSON, U+FFFD where the bytes were bad
      CHECK(parsed == json::parse(dumped(tree)));
      CHECK(parsed["data"]["keyword"] == "later wins");
      CHECK(parsed["data"]["count"] == 6.0);
      CHECK(parsed["message"].get<std::string>().find("bad \xEF\xBF\xBD") != std::string::npos);
    }
  }
  Finding bare;
  bare.rule = "contact-info";
  bare.severity = Severity::Error;
  bare.message = "plain";
  json parsed = json::parse(written(res, bare, Encoding::Utf16, "file:///cv.md"));
  CHECK_FALSE(parsed.contains("data"));
  CHECK_FALSE(parsed.contains("relatedInformation"));
  CHECK(parsed["severity"] == 1);
  CHECK(written(res, bare, Encoding::Utf16, "file:///cv.md") == dumped(diagnosticJson(res, bare, Encoding::Utf16, "file:///cv.md")));
}

TEST_CASE("report: appendJsonString round-trips every single byte and code point class") {
  for (int b = 0; b < 0x80; ++b) {
    std::string s(1, static_cast<char>(b));
    std::string out;
    appendJsonString(out, s);
    CHECK(out == json(s).dump());
    CHECK(json::parse(out).get<std::string>() == s);
  }
  for (const char* s : {"\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x9a\x80", "\xef\xbf\xbd"}) {
    std::string out;
    appendJsonString(out, s);
    CHECK(json::parse(out).get<std::string>() == s);
  }
  for (const char* bad : {"\x80", "\xc3", "\xed\xa0\x80", "\xf8\x88\x80\x80\x80", "\xc0\xaf"}) {
    std::string out;
    appendJsonString(out, bad);
    json parsed = json::parse(out);  // never invalid JSON
    CHECK(parsed.get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
  }
}
