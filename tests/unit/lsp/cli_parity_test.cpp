// The server's published diagnostics equal `cvlint check --format json` for
// the same text and config, on every document of the public corpus (rule,
// range in UTF-16, message, severity).
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "lsp_client.hpp"
#include "protocol.hpp"
#include "testing.hpp"

using cvlint::test::LspClient;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

const char* severityName(int lsp) {
  switch (lsp) {
    case 1: return "error";
    case 2: return "warning";
    case 3: return "info";
    default: return "hint";
  }
}

}  // namespace

TEST_CASE("parity: CLI JSON diagnostics equal the server's on the corpus") {
  fs::path corpus = fs::weakly_canonical(CVLINT_CORPUS_DIR);
  json manifest = json::parse(cvlint::test::readFile((corpus / "manifest.json").string()));
  REQUIRE(manifest.size() > 10);
  LspClient c;
  c.initialize({}, cvlint::lsp::uriFromPath(corpus.string()));
  size_t compared = 0, nonEmpty = 0;
  for (const json& m : manifest) {
    fs::path file = corpus / m["main"].get<std::string>();
    REQUIRE(fs::exists(file));
    INFO(file.string());
    json cli = json::parse(run(std::string("'") + CVLINT_BINARY + "' check --format json '" + file.string() + "' 2>/dev/null"));
    json want = json::array();
    for (const json& d : cli["files"][0]["diagnostics"])
      if (!d.contains("path")) want.push_back({d["rule"], d["range"], d["message"], d["severity"]});
    std::string uri = cvlint::lsp::uriFromPath(file.string());
    std::string ext = file.extension().string();
    c.open(uri, cvlint::test::readFile(file.string()), ext == ".md" ? "markdown" : "latex");
    json pub = c.diagnostics(uri, 1, 10000);
    REQUIRE(pub.is_object());
    json got = json::array();
    for (const json& d : pub["diagnostics"]) got.push_back({d["code"], d["range"], d["message"], severityName(d["severity"])});
    CHECK(got == want);
    ++compared;
    nonEmpty += !want.empty();
    c.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  }
  CHECK(compared == manifest.size());
  CHECK(nonEmpty > 0);
  CHECK(c.shutdownAndExit() == 0);
}
