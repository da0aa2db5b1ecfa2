// The server driven in-process: lifecycle, encodings, diagnostics against the
// engine's own findings (cvlint::test::lint is the oracle: nothing here
// hard-codes what the rules find), incremental edits, code actions applied,
// hover, completion, outline, lenses, configuration, and malformed input.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <thread>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "editor_features.hpp"
#include "keywords/hover.hpp"
#include "length/exact.hpp"
#include "lsp_client.hpp"
#include "protocol.hpp"
#include "rules/lexicon.hpp"
#include "report.hpp"
#include "testing.hpp"
#include "transport.hpp"

using namespace cvlint;
using cvlint::test::LspClient;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A CV with findings after non-ASCII text on a bullet line (mixed en-GB/en-US
// spellings after an emoji), and a weak opener.
const std::string kCv =
    "# Zoë Ólafsdóttir 🚀\n\n## Experience\n\n**Engineer**, Café Ltd, 2020 – 2023\n\n"
    "- 🚀 Optimized the naïve payments API and organized the team\n"
    "- Responsible for maintaining 12 services\n"
    "- Optimised the build and organised releases\n";
constexpr uint32_t kEmojiLine = 6;

// A fresh folder per test: the workspace root.
struct Workspace {
  fs::path dir;
  Workspace() {
    dir = fs::temp_directory_path() / ("cvlint-lsp-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::create_directories(dir);
  }
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string uri(const std::string& name) const { return lsp::uriFromPath((dir / name).string()); }
  std::string root() const { return lsp::uriFromPath(dir.string()); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

// (code, range, message) of each diagnostic, the fields both sides must agree on.
json project(const json& diags) {
  json out = json::array();
  for (const json& d : diags) out.push_back({d.value("code", d.value("rule", "")), d["range"], d["message"]});
  return out;
}

// A server with one document open in a fresh workspace.
struct Session {
  Workspace ws;
  LspClient c;
  std::string uri;
  explicit Session(const std::string& text, json caps = json::object(), json settings = json::object())
      : c(LspClient::Mode::InProcess, std::move(settings)), uri(ws.uri("cv.md")) {
    c.initialize(std::move(caps), ws.root());
    c.open(uri, text);
  }
};

json engineDiagnostics(const std::string& text, Format format, Encoding enc = Encoding::Utf16, const Config& cfg = {}) {
  auto res = test::lint(text, format, cfg);
  json out = json::array();
  for (const Finding& f : res.findings) out.push_back(diagnosticJson(res, f, enc, "file:///cv.md"));
  return project(out);
}

json change(uint32_t line, uint32_t ch, const std::string& text) {
  return {{"range", {{"start", {{"line", line}, {"character", ch}}}, {"end", {{"line", line}, {"character", ch}}}}},
          {"text", text}};
}

json position(uint32_t line, uint32_t ch) { return {{"line", line}, {"character", ch}}; }

}  // namespace

TEST_CASE("server: requests before initialize are ServerNotInitialized, notifications dropped") {
  LspClient c;
  json r = c.request("textDocument/hover", {{"textDocument", {{"uri", "file:///x.md"}}}, {"position", position(0, 0)}});
  CHECK(r["error"]["code"] == -32002);
  c.open("file:///tmp/early.md", kCv);  // dropped
  c.initialize();
  CHECK(c.diagnostics("file:///tmp/early.md", std::nullopt, 300).is_null());
  CHECK(c.initialize()["error"]["code"] == -32600);  // a second initialize
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: initialize negotiates the position encoding") {
  for (auto [offered, chosen] : std::vector<std::pair<json, std::string>>{
           {json::array({"utf-8"}), "utf-8"},
           {json::array({"utf-16"}), "utf-16"},
           {json::array({"utf-32"}), "utf-32"},
           {json::array({"utf-32", "utf-8"}), "utf-32"},
           {json::array({"latin-1"}), "utf-16"},
           {json::array(), "utf-16"}}) {
    LspClient c;
    json r = c.initialize({{"general", {{"positionEncodings", offered}}}});
    CHECK(r["result"]["capabilities"]["positionEncoding"] == chosen);
    CHECK(r["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
    CHECK(c.shutdownAndExit() == 0);
  }
  LspClient c;  // no general capabilities at all (Neovim 0.7): UTF-16
  json r = c.request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
  CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK_FALSE(r["result"]["capabilities"].contains("diagnosticProvider"));
}

TEST_CASE("server: didOpen publishes the engine's diagnostics with the version, in each encoding") {
  for (auto [name, enc] : {std::pair{"utf-8", Encoding::Utf8}, {"utf-16", Encoding::Utf16}, {"utf-32", Encoding::Utf32}}) {
    Workspace ws;
    LspClient c;
    c.initialize({{"general", {{"positionEncodings", {name}}}}}, ws.root());
    c.open(ws.uri("cv.md"), kCv, "markdown", 7);
    json p = c.diagnostics(ws.uri("cv.md"));
    REQUIRE(p.is_object());
    CHECK(p["version"] == 7);
    json expected = engineDiagnostics(kCv, Format::Markdown, enc);
    REQUIRE(!expected.empty());
    CHECK(project(p["diagnostics"]) == expected);
    // `data` is the JSON report's `data` of the same finding, absent when that is empty.
    auto res = test::lint(kCv, Format::Markdown);
    REQUIRE(p["diagnostics"].size() == res.findings.size());
    size_t withData = 0;
    for (size_t i = 0; i < res.findings.size(); ++i) {
      const json& d = p["diagnostics"][i];
      CHECK(d["source"] == "cvlint");
      json report = findingJson(res, res.findings[i], enc)["data"];
      CHECK(d.contains("data") == !report.empty());
      if (d.contains("data")) CHECK(d["data"] == report);
      withData += d.contains("data");
    }
    CHECK(withData > 0);
    CHECK(c.shutdownAndExit() == 0);
  }
}

TEST_CASE("server: an incremental edit before an emoji shifts every later diagnostic on the line") {
  for (auto [name, enc, units] : {std::tuple{"utf-8", Encoding::Utf8, 2u}, {"utf-16", Encoding::Utf16, 1u}}) {
    Workspace ws;
    LspClient c;
    c.initialize({{"general", {{"positionEncodings", {name}}}}}, ws.root());
    std::string uri = ws.uri("cv.md");
    c.open(uri, kCv);
    json before = c.diagnostics(uri, 1)["diagnostics"];
    // Insert "é" at column 2 of the emoji line, before the emoji.
    c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {change(kEmojiLine, 2, "é")}}});
    json after = c.diagnostics(uri, 2)["diagnostics"];
    std::string edited = kCv;
    edited.insert(edited.find("🚀 Opt"), "é");
    CHECK(project(after) == engineDiagnostics(edited, Format::Markdown, enc));
    // Every finding after the insertion point on that line is still there,
    // shifted by exactly the inserted units; findings on other lines keep
    // their ranges. (The edit may add a finding of its own: "é🚀" is a new
    // opening word.)
    size_t shifted = 0;
    for (const json& bd : before) {
      const json& b = bd["range"];
      json want = b;
      // Past the emoji and the bullet's first word (which the edit changes).
      int afterFirstWord = units == 2 ? 16 : 14;
      if (b["start"]["line"] == kEmojiLine && b["start"]["character"] >= afterFirstWord) {
        want["start"]["character"] = b["start"]["character"].get<int>() + static_cast<int>(units);
        if (b["end"]["line"] == kEmojiLine)
          want["end"]["character"] = b["end"]["character"].get<int>() + static_cast<int>(units);
        ++shifted;
      } else if (b["start"]["line"] == kEmojiLine) {
        continue;  // a finding of the opening words, which the edit changed
      }
      bool found = false;
      for (const json& ad : after) found = found || (ad["code"] == bd["code"] && ad["message"] == bd["message"] && ad["range"] == want);
      INFO(bd.dump());
      CHECK(found);
    }
    CHECK(shifted > 0);  // the fixture has findings after the emoji
    CHECK(c.shutdownAndExit() == 0);
  }
}

TEST_CASE("server: a quick fix's edit, applied, gives the engine's fixed text") {
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  json diags = c.diagnostics(uri)["diagnostics"];
  auto res = test::lint(kCv, Format::Markdown);
  size_t checked = 0;
  for (size_t i = 0; i < res.findings.size(); ++i) {
    const Finding& f = res.findings[i];
    if (f.fixes.empty()) continue;
    json r = c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", diags[i]["range"]},
                                                   {"context", {{"diagnostics", {diags[i]}}}}});
    INFO(r.dump());
    REQUIRE(r["result"].is_array());
    for (const Fix& fx : f.fixes) {
      const json* action = nullptr;
      for (const json& a : r["result"])
        if (a["title"] == fx.title && a["kind"] == "quickfix") action = &a;
      REQUIRE(action);
      CHECK(action->value("isPreferred", false) == fx.preferred);
      std::string applied = test::applyTextEdits(kCv, (*action)["edit"]["changes"][uri]);
      CHECK(applied == applyEdits(kCv, fx.edits));
      ++checked;
    }
  }
  CHECK(checked > 0);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: source.fixAll.cvlint applies every safe fix without overlaps") {
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  c.diagnostics(uri);
  json r = c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", {{"start", position(0, 0)}, {"end", position(0, 0)}}},
                                                 {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  auto res = test::lint(kCv, Format::Markdown);
  std::vector<Edit> safe = safeFixEdits(res);
  REQUIRE(!safe.empty());
  REQUIRE(r["result"].size() == 1);  // `only` keeps the quick fixes out
  CHECK(r["result"][0]["kind"] == "source.fixAll.cvlint");
  CHECK(test::applyTextEdits(kCv, r["result"][0]["edit"]["changes"][uri]) == applyEdits(kCv, safe));
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: disable-for-this-line inserts the directive in the document's comment syntax") {
  struct Case { std::string name, lang, text, directive; };
  std::vector<Case> cases = {
      {"cv.md", "markdown", kCv, "<!-- cvlint-disable-next-line "},
      {"cv.tex", "latex",
       "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n"
       "  \\item Optimized the API and organized the team\n  \\item Optimised the build\n\\end{itemize}\n\\end{document}\n",
       "% cvlint-disable-next-line "}};
  for (const Case& k : cases) {
    Workspace ws;
    LspClient c;
    c.initialize({}, ws.root());
    std::string uri = ws.uri(k.name);
    c.open(uri, k.text, k.lang);
    json diags = c.diagnostics(uri)["diagnostics"];
    // The last diagnostic: on an indented line for the LaTeX case.
    REQUIRE(!diags.empty());
    json d = diags.back();
    json r = c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", d["range"]}, {"context", {{"diagnostics", {d}}}}});
    const json* action = nullptr;
    for (const json& a : r["result"])
      if (a["title"] == "Disable " + d["code"].get<std::string>() + " for this line") action = &a;
    REQUIRE(action);
    std::string applied = test::applyTextEdits(k.text, (*action)["edit"]["changes"][uri]);
    uint32_t line = d["range"]["start"]["line"];
    SourceText src(k.text);
    std::string_view lineText = src.view().substr(src.lines().lineStart(line), src.lines().lineEnd(line) - src.lines().lineStart(line));
    std::string indent(lineText.substr(0, lineText.find_first_not_of(" \t")));
    std::string dirLine = indent + k.directive + d["code"].get<std::string>() + (k.lang == "markdown" ? " -->" : "");
    std::string expected = k.text;
    expected.insert(src.lines().lineStart(line), dirLine + "\n");
    CHECK(applied == expected);
    CHECK(c.shutdownAndExit() == 0);
  }
}

TEST_CASE("server: hover on a finding explains it; elsewhere nothing") {
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  json diags = c.diagnostics(uri)["diagnostics"];
  json target;
  for (const json& d : diags)
    if (d["range"]["start"]["line"] == kEmojiLine) target = d;
  REQUIRE(target.is_object());
  json r = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", target["range"]["start"]}});
  REQUIRE(r["result"].is_object());
  std::string md = r["result"]["contents"]["value"];
  CHECK(md.find(target["code"].get<std::string>()) != std::string::npos);
  CHECK(md.find(target["message"].get<std::string>()) != std::string::npos);
  // Line 2 ("## Experience") has no finding.
  r = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(2, 4)}});
  CHECK(r.contains("result"));
  CHECK(r["result"].is_null());
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: completion offers strong verbs at the start of a bullet only") {
  Workspace ws;
  LspClient c;
  c.initialize({}, ws.root());
  std::string uri = ws.uri("cv.md");
  std::string text = "## Experience\n\n- Bu\n- \nBu\n";
  c.open(uri, text);
  json r = c.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(2, 4)}});
  REQUIRE(r["result"]["items"].is_array());
  bool built = false;
  for (const json& it : r["result"]["items"]) {
    CHECK(it["label"].get<std::string>().rfind("Bu", 0) == 0);
    built = built || it["label"] == "Built";
    CHECK(it["textEdit"]["range"]["start"] == position(2, 2));
  }
  CHECK(built);
  r = c.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(3, 2)}});
  CHECK(r["result"]["items"].size() == strongVerbs(Locale::EnGB).size());
  r = c.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(4, 2)}});
  CHECK(r["result"]["items"].empty());
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: documentSymbol lists the sections and their entries") {
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  json r = c.request("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  auto res = test::lint(kCv, Format::Markdown);
  size_t sections = 0;
  for (const Section& s : res.doc->sections) sections += s.headingBlock >= 0;
  REQUIRE(r["result"].is_array());
  CHECK(r["result"].size() == sections);
  for (size_t i = 0, k = 0; i < res.doc->sections.size(); ++i) {
    const Section& s = res.doc->sections[i];
    if (s.headingBlock < 0) continue;
    CHECK(r["result"][k]["name"] == s.title);
    CHECK(r["result"][k]["children"].size() == s.entries.size());
    ++k;
  }
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: codeLens shows the page estimate at the top") {
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  json r = c.request("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}});
  auto res = test::lint(kCv, Format::Markdown);
  REQUIRE(r["result"].is_array());
  bool pages = false;
  for (const json& l : r["result"]) {
    CHECK(l["range"]["start"] == position(0, 0));
    pages = pages || l["command"]["title"].get<std::string>().find("pages") != std::string::npos;
  }
  CHECK(pages == res.pages.available);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: settings from workspace/configuration apply, and re-apply on change") {
  Workspace ws;
  LspClient c(LspClient::Mode::InProcess, {{"rules", {{"spelling-variant", "off"}}}});
  c.initialize({}, ws.root());
  std::string uri = ws.uri("cv.md");
  c.open(uri, kCv);
  Config off;
  off.rules["spelling-variant"] = Severity::Off;
  json expectedOff = engineDiagnostics(kCv, Format::Markdown, Encoding::Utf16, off);
  json p = c.diagnostics(uri, 1);
  CHECK(project(p["diagnostics"]) == expectedOff);
  CHECK(expectedOff != engineDiagnostics(kCv, Format::Markdown));  // the setting matters for this text
  c.settings = json::object();
  c.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  p = c.diagnostics(uri, 1);
  REQUIRE(p.is_object());
  CHECK(project(p["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown));
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: .cvlint.json applies, and a watched-file change re-lints") {
  Workspace ws;
  {
    std::ofstream(ws.dir / ".cvlint.json") << R"({"rules": {"spelling-variant": "off"}})";
  }
  LspClient c;
  c.initialize({}, ws.root());
  bool registered = false;
  std::string uri = ws.uri("cv.md");
  c.open(uri, kCv);
  Config off;
  off.rules["spelling-variant"] = Severity::Off;
  CHECK(project(c.diagnostics(uri, 1)["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown, Encoding::Utf16, off));
  for (const json& r : c.serverRequests())
    if (r["method"] == "client/registerCapability")
      registered = r["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"] == "**/.cvlint.json";
  CHECK(registered);
  {
    std::ofstream(ws.dir / ".cvlint.json") << R"({})";
  }
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", ws.uri(".cvlint.json")}, {"type", 2}}}}});
  CHECK(project(c.diagnostics(uri, 1)["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown));
  // An open .cvlint.json overlays the disk.
  c.open(ws.uri(".cvlint.json"), R"({"rules": {"spelling-variant": "off"}})", "json");
  CHECK(project(c.diagnostics(uri, 1)["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown, Encoding::Utf16, off));
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: pull diagnostics only when the client advertises them") {
  Workspace ws;
  LspClient c;
  json r = c.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}}, ws.root());
  CHECK(r["result"]["capabilities"].contains("diagnosticProvider"));
  std::string uri = ws.uri("cv.md");
  c.open(uri, kCv);
  json pulled = c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  CHECK(pulled["result"]["kind"] == "full");
  CHECK(project(pulled["result"]["items"]) == engineDiagnostics(kCv, Format::Markdown));
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: latest text wins: a burst of edits publishes only current versions") {
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  c.diagnostics(uri, 1);
  std::string text = kCv;
  std::string burst;
  for (int v = 2; v <= 40; ++v) {
    json msg = {{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                {"params", {{"textDocument", {{"uri", uri}, {"version", v}}}, {"contentChanges", {change(kEmojiLine, 2, "x")}}}}};
    burst += lsp::frameMessage(msg.dump());
    text.insert(text.find("🚀 Opt"), "x");
  }
  c.sendRaw(burst);
  json last = c.diagnostics(uri, 40);
  REQUIRE(last.is_object());
  CHECK(project(last["diagnostics"]) == engineDiagnostics(text, Format::Markdown));
  // The ones published before it (still queued in the client, in arrival
  // order) are of increasing versions: an older analysis never follows a newer.
  std::vector<int64_t> versions;
  for (json p; (p = c.diagnostics(uri, std::nullopt, 200)).is_object();) versions.push_back(p["version"]);
  for (size_t i = 0; i < versions.size(); ++i) {
    CHECK(versions[i] < 40);
    if (i > 0) CHECK(versions[i] > versions[i - 1]);
  }
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: edits one at a time publish each version's own analysis") {
  // Each edit waits for its diagnostics, as a person typing does (and the
  // latency benchmark): every publish must be the analysis of exactly that
  // version's text (the direct JSON writer, the remembered configuration and
  // files), and a request between edits still sees the current text.
  Session s(kCv);
  LspClient& c = s.c;
  const std::string& uri = s.uri;
  REQUIRE(c.diagnostics(uri, 1).is_object());
  std::string text = kCv;
  for (int v = 2; v <= 12; ++v) {
    std::string ins = v % 3 == 0 ? "Responsible for " : "x";
    c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", v}}},
                                        {"contentChanges", {change(kEmojiLine, 2, ins)}}});
    size_t lineStart = 0;
    for (uint32_t l = 0; l < kEmojiLine; ++l) lineStart = text.find('\n', lineStart) + 1;
    text.insert(lineStart + 2, ins);  // character 2: after "- ", ASCII so far
    json p = c.diagnostics(uri, v);
    REQUIRE(p.is_object());
    CHECK(project(p["diagnostics"]) == engineDiagnostics(text, Format::Markdown));
    json h = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(kEmojiLine, 2)}});
    CHECK(h.contains("result"));
  }
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: shutdown, then everything but exit is InvalidRequest; exit codes") {
  {
    LspClient c;
    c.initialize();
    CHECK(c.request("shutdown", nullptr)["result"].is_null());
    json r = c.request("textDocument/hover", {{"textDocument", {{"uri", "file:///x.md"}}}, {"position", position(0, 0)}});
    CHECK(r["error"]["code"] == -32600);
    CHECK(c.request("shutdown", nullptr)["error"]["code"] == -32600);
    c.notify("exit", nullptr);
    CHECK(c.exitCode() == 0);
  }
  {
    LspClient c;
    c.initialize();
    c.notify("exit", nullptr);  // without shutdown
    CHECK(c.exitCode() == 1);
  }
  {
    LspClient c;
    c.initialize();
    c.request("shutdown", nullptr);
    CHECK(c.closeInput() == 0);  // EOF after shutdown: a clean end
  }
  {
    LspClient c;
    c.initialize();
    CHECK(c.closeInput() == 1);  // EOF without shutdown
  }
}

TEST_CASE("server: malformed input is answered per spec and the next request still is") {
  LspClient c;
  c.initialize();
  auto alive = [&] {
    json r = c.request("cvlint/noSuchMethod", json::object());
    return r["error"]["code"] == -32601;
  };
  // Body not JSON: ParseError with a null id.
  c.sendRaw("Content-Length: 5\r\n\r\n{oops");
  CHECK(alive());
  auto errs = c.takeNullIdResponses();
  REQUIRE(errs.size() == 1);
  CHECK(errs[0]["error"]["code"] == -32700);
  // JSON that is not an object: InvalidRequest.
  c.sendRaw("Content-Length: 2\r\n\r\n[]");
  CHECK(alive());
  errs = c.takeNullIdResponses();
  REQUIRE(errs.size() == 1);
  CHECK(errs[0]["error"]["code"] == -32600);
  // Missing and bad Content-Length, a gigabyte claim, garbage.
  c.sendRaw("Content-Type: x\r\n\r\n");
  c.sendRaw("Content-Length: banana\r\n\r\n");
  c.sendRaw("Content-Length: 4000000000\r\n\r\n");
  c.sendRaw("\x01\x02 garbage \xff\r\n\r\n");
  CHECK(alive());
  // Wrong param types: InvalidParams naming the field.
  json r = c.request("textDocument/hover", {{"textDocument", {{"uri", 5}}}, {"position", position(0, 0)}});
  CHECK(r["error"]["code"] == -32602);
  CHECK(r["error"]["message"].get<std::string>().find("params.textDocument.uri") != std::string::npos);
  r = c.request("textDocument/hover", json::array({1}));
  CHECK(r["error"]["code"] == -32602);
  // A change to an unopened document: logged, not fatal.
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///tmp/nope.md"}, {"version", 2}}}, {"contentChanges", {change(0, 0, "x")}}});
  bool logged = false;
  for (json log; !logged && (log = c.waitNotification("window/logMessage")).is_object();)
    logged = log["params"]["message"].get<std::string>().find("not open") != std::string::npos;
  CHECK(logged);
  // A notification with bad params and an unknown notification: ignored.
  c.notify("textDocument/didOpen", {{"textDocument", 5}});
  c.notify("cvlint/unknownNotification", json::object());
  // A message split at every byte.
  json req = {{"jsonrpc", "2.0"}, {"id", 777}, {"method", "cvlint/noSuchMethod"}, {"params", {{"t", "é😂"}}}};
  std::string framed = lsp::frameMessage(req.dump());
  for (char ch : framed) c.sendRaw(std::string_view(&ch, 1));
  CHECK(c.waitResponse(777)["error"]["code"] == -32601);
  // Cancelling something unknown is harmless.
  c.notify("$/cancelRequest", {{"id", 12345}});
  CHECK(alive());
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: a bad .cvlint.json is a diagnostic on that file naming the key") {
  Workspace ws;
  {
    std::ofstream(ws.dir / ".cvlint.json") << R"({"rules": {"weak-verb": "loud"}, "pages": 2})";
  }
  LspClient c;
  c.initialize({}, ws.root());
  c.open(ws.uri("cv.md"), kCv);
  json p = c.diagnostics(ws.uri(".cvlint.json"));
  REQUIRE(p.is_object());
  REQUIRE(p["diagnostics"].size() == 1);
  CHECK(p["diagnostics"][0]["message"].get<std::string>().find("rules.weak-verb") != std::string::npos);
  // The CV is still linted with what was valid.
  CHECK(c.diagnostics(ws.uri("cv.md"), 1).is_object());
  // Fixed in the editor: the diagnostic is cleared.
  c.open(ws.uri(".cvlint.json"), R"({"pages": 2})", "json");
  p = c.diagnostics(ws.uri(".cvlint.json"));
  REQUIRE(p.is_object());
  CHECK(p["diagnostics"].empty());
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: a request cancelled while the worker is busy answers RequestCancelled") {
  Workspace ws;
  LspClient c;
  c.initialize({}, ws.root());
  // A large CV keeps the worker busy analysing it while the hover and its
  // cancellation arrive (in one write, right behind the didOpen).
  std::string big = "## Experience\n\n";
  for (int i = 0; i < 5000; ++i) big += "- Responsible for maintaining service " + std::to_string(i) + " of the platform\n";
  std::string uri = ws.uri("big.md");
  json open = {{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", big}}}}}};
  json hover = {{"jsonrpc", "2.0"}, {"id", 900}, {"method", "textDocument/hover"},
                {"params", {{"textDocument", {{"uri", uri}}}, {"position", position(2, 3)}}}};
  json cancel = {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 900}}}};
  c.sendRaw(lsp::frameMessage(open.dump()) + lsp::frameMessage(hover.dump()) + lsp::frameMessage(cancel.dump()));
  json r = c.waitResponse(900, 60000);
  REQUIRE(r.is_object());
  CHECK(r["error"]["code"] == -32800);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: files outside the workspace are never read for the engine") {
  Workspace ws, outside;
  {
    std::ofstream(outside.dir / "advert.md") << "## Essential\n- Kubernetes\n- Terraform\n";
  }
  LspClient c(LspClient::Mode::InProcess, {{"job", (outside.dir / "advert.md").string()}});
  c.initialize({}, ws.root());
  std::string uri = ws.uri("cv.md");
  c.open(uri, kCv);
  json p = c.diagnostics(uri, 1);
  REQUIRE(p.is_object());
  bool refused = false;
  for (const json& d : p["diagnostics"]) {
    CHECK(d["message"].get<std::string>().find("Terraform") == std::string::npos);
    refused = refused || d["message"].get<std::string>().find("outside the workspace") != std::string::npos;
  }
  CHECK(refused);
  CHECK(c.shutdownAndExit() == 0);
}

// ---- keywords, the open advert, status, commands, settings without pull ------

namespace {

const std::string kSkillsCv =
    "# Ada Example\n\n## Skills\n\n- Python, Postgres, Docker\n\n## Experience\n\n"
    "**Engineer**, Acme Ltd, 2020 – 2023\n\n- Built payment services in Python\n";
const std::string kAdvert =
    "# Backend Engineer\n\n## Essential\n\n- Python\n- PostgreSQL\n- Kubernetes\n\n## Nice to have\n\n- Terraform\n";

// The engine's own analysis of cv.md with its advert beside it (the oracle).
struct MapFiles : FileProvider {
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& p) const override {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  bool allowed(const std::string&) const override { return true; }
};

AnalysisResult engineWithAdvert(const Workspace& ws, const std::string& cv, const std::string& advert) {
  MapFiles files;
  files.files[(ws.dir / "cv.job.md").string()] = advert;
  AnalysisRequest req;
  req.path = (ws.dir / "cv.md").string();
  req.text = cv;
  req.format = Format::Markdown;
  req.files = &files;
  return analyze(req);
}

json engineDiagnosticsWithAdvert(const Workspace& ws, const std::string& advert, const std::string& uri) {
  auto res = engineWithAdvert(ws, kSkillsCv, advert);
  json out = json::array();
  for (const Finding& f : res.findings) out.push_back(diagnosticJson(res, f, Encoding::Utf16, uri));
  return out;
}

// A server with cv.md open and its advert cv.job.md on disk beside it.
struct AdvertSession {
  Workspace ws;
  LspClient c;
  std::string uri;
  AdvertSession() : uri(ws.uri("cv.md")) {
    { std::ofstream(ws.dir / "cv.job.md") << kAdvert; }
    c.initialize({}, ws.root());
    c.open(uri, kSkillsCv);
  }
};

std::set<std::string> missingIn(const json& diags) {
  std::set<std::string> out;
  for (const json& d : diags)
    if (d["code"] == "missing-keyword") out.insert(d["message"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("server: hover on a matched keyword names its advert line; the skills heading shows the score") {
  AdvertSession a;
  Workspace& ws = a.ws;
  LspClient& c = a.c;
  const std::string& uri = a.uri;
  REQUIRE(c.diagnostics(uri, 1).is_object());
  auto res = engineWithAdvert(ws, kSkillsCv, kAdvert);
  REQUIRE(res.keywords);
  // "Python" on line 4 of the CV (the skills bullet), column 2.
  json r = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(4, 3)}});
  REQUIRE(r["result"].is_object());
  std::string md = r["result"]["contents"]["value"];
  CHECK(md.find("Python") != std::string::npos);
  CHECK(md.find("line 5") != std::string::npos);  // "- Python" is the advert's fifth line
  // The skills heading: the finding hover (missing keywords) merged with the score summary.
  r = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position(2, 4)}});
  REQUIRE(r["result"].is_object());
  md = r["result"]["contents"]["value"];
  CHECK(md.find(keywordSummaryMarkdown(*res.keywords)) != std::string::npos);
  bool missingFinding = false;
  for (const Finding& f : res.findings) missingFinding = missingFinding || f.rule == "missing-keyword";
  CHECK(missingFinding);
  CHECK(md.find("**missing-keyword**") != std::string::npos);
  // Code lens title is the engine's.
  r = c.request("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}});
  bool lens = false;
  for (const json& l : r["result"]) lens = lens || l["command"]["title"] == keywordLensTitle(*res.keywords);
  CHECK(lens);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: completion in the skills section offers the missing keywords first") {
  AdvertSession a;
  Workspace& ws = a.ws;
  LspClient& c = a.c;
  const std::string& uri = a.uri;
  REQUIRE(c.diagnostics(uri, 1).is_object());
  auto res = engineWithAdvert(ws, kSkillsCv, kAdvert);
  auto expected = keywordCompletions(*res.doc, *res.keywords, 0, res.doc->source(0).toByte({4, 26}, Encoding::Utf16));
  REQUIRE(!expected.empty());
  json r = c.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(4, 26)}});
  json items = r["result"]["items"];
  REQUIRE(items.size() >= expected.size());
  // Sorted by sortText, the keywords come first, in the engine's order.
  std::vector<json> sorted(items.begin(), items.end());
  std::sort(sorted.begin(), sorted.end(), [](const json& a, const json& b) { return a["sortText"] < b["sortText"]; });
  for (size_t i = 0; i < expected.size(); ++i) CHECK(sorted[i]["label"] == expected[i].label);
  // Outside the skills section: no keywords.
  r = c.request("textDocument/completion", {{"textDocument", {{"uri", uri}}}, {"position", position(10, 2)}});
  for (const json& it : r["result"]["items"])
    for (const auto& k : expected) CHECK(it["label"] != k.label);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: the open advert gets hints, and editing it re-lints the open CV") {
  Workspace ws;
  { std::ofstream(ws.dir / "cv.job.md") << kAdvert; }
  LspClient c;
  c.initialize({}, ws.root());
  std::string uri = ws.uri("cv.md"), advertUri = ws.uri("cv.job.md");
  c.open(uri, kSkillsCv);
  json first = c.diagnostics(uri, 1);
  REQUIRE(first.is_object());
  c.open(advertUri, kAdvert);
  // Hints on the advert: one per keyword the CV lacks, severity hint, at the advert's words.
  auto res = engineWithAdvert(ws, kSkillsCv, kAdvert);
  auto hints = advertHints(*res.keywords);
  REQUIRE(!hints.empty());
  json h = c.diagnostics(advertUri);
  REQUIRE(h.is_object());
  REQUIRE(h["diagnostics"].size() == hints.size());
  SourceText advertText(kAdvert);
  for (size_t i = 0; i < hints.size(); ++i) {
    CHECK(h["diagnostics"][i]["severity"] == 4);
    CHECK(h["diagnostics"][i]["range"] == rangeJson(advertText, hints[i].range, Encoding::Utf16));
  }
  REQUIRE(c.diagnostics(uri, 1).is_object());  // the re-lint the advert's opening caused
  // didChange on the open advert: the CV is re-linted against the new text.
  std::string edited = kAdvert + "- Redis\n";
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", advertUri}, {"version", 2}}},
                                      {"contentChanges", {{{"text", edited}}}}});
  json after = c.diagnostics(uri, 1);
  REQUIRE(after.is_object());
  json expected = engineDiagnosticsWithAdvert(ws, edited, uri);
  CHECK(missingIn(after["diagnostics"]) == missingIn(expected));
  CHECK(missingIn(after["diagnostics"]) != missingIn(first["diagnostics"]));  // Redis is now missing too
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: an advert changed on disk (watched files) re-lints the open CV") {
  AdvertSession a;
  Workspace& ws = a.ws;
  LspClient& c = a.c;
  const std::string& uri = a.uri;
  json first = c.diagnostics(uri, 1);
  REQUIRE(first.is_object());
  std::string edited = "## Essential\n\n- Python\n- Docker\n";
  { std::ofstream(ws.dir / "cv.job.md") << edited; }
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", ws.uri("cv.job.md")}, {"type", 2}}}}});
  json after = c.diagnostics(uri, 1);
  REQUIRE(after.is_object());
  json expected = engineDiagnosticsWithAdvert(ws, edited, uri);
  CHECK(project(after["diagnostics"]) == project(expected));
  CHECK(missingIn(after["diagnostics"]) != missingIn(first["diagnostics"]));
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: cvlint/status follows each publish; cvlint.keywordReport is the CLI's keywords object") {
  Workspace ws;
  { std::ofstream(ws.dir / "cv.job.md") << kAdvert; }
  LspClient c;
  json init = c.initialize({}, ws.root());
  CHECK(init["result"]["capabilities"]["executeCommandProvider"]["commands"] == json::array({"cvlint.keywordReport"}));
  std::string uri = ws.uri("cv.md");
  c.open(uri, kSkillsCv);
  REQUIRE(c.diagnostics(uri, 1).is_object());
  json st = c.waitNotification("cvlint/status");
  REQUIRE(st.is_object());
  auto res = engineWithAdvert(ws, kSkillsCv, kAdvert);
  CHECK(st["params"]["uri"] == uri);
  CHECK(st["params"]["version"] == 1);
  CHECK(st["params"]["pages"]["estimated"] == res.pages.estimated);
  CHECK(st["params"]["pages"]["limit"] == res.pages.limit);
  CHECK(st["params"]["pages"]["method"] == res.pages.method);
  json kw = keywordsJson(res);
  CHECK(st["params"]["keywords"]["score"] == kw["score"]);
  json r = c.request("workspace/executeCommand", {{"command", "cvlint.keywordReport"}, {"arguments", {uri}}});
  CHECK(r["result"] == kw);
  r = c.request("workspace/executeCommand", {{"command", "cvlint.nope"}, {"arguments", {uri}}});
  CHECK(r["error"]["code"] == -32602);
  r = c.request("workspace/executeCommand", {{"command", "cvlint.keywordReport"}});
  CHECK(r["error"]["code"] == -32602);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: without workspace/configuration (Neovim 0.7) settings come from initializationOptions and didChangeConfiguration") {
  Workspace ws;
  LspClient c;
  // As clients/nvim sends them: settings = {cvlint = ...} in the notification; init options {settings = ...}.
  json caps = {{"workspace", {{"configuration", false}}}};
  json base = {{"general", {{"positionEncodings", {"utf-16"}}}}, {"workspace", {{"configuration", false}}}};
  json r = c.request("initialize", {{"processId", nullptr}, {"rootUri", ws.root()}, {"capabilities", base},
                                    {"initializationOptions", {{"settings", {{"rules", {{"spelling-variant", "off"}}}}}}}});
  REQUIRE(r["result"].is_object());
  c.notify("initialized", json::object());
  std::string uri = ws.uri("cv.md");
  c.open(uri, kCv);
  Config off;
  off.rules["spelling-variant"] = Severity::Off;
  CHECK(project(c.diagnostics(uri, 1)["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown, Encoding::Utf16, off));
  for (const json& q : c.serverRequests()) CHECK(q["method"] != "workspace/configuration");
  c.notify("workspace/didChangeConfiguration", {{"settings", {{"cvlint", json::object()}}}});
  CHECK(project(c.diagnostics(uri, 1)["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown));
  c.notify("workspace/didChangeConfiguration", {{"settings", {{"cvlint", {{"rules", {{"spelling-variant", "off"}}}}}}}});
  CHECK(project(c.diagnostics(uri, 1)["diagnostics"]) == engineDiagnostics(kCv, Format::Markdown, Encoding::Utf16, off));
  (void)caps;
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: a client that pulls a document is no longer pushed to for it; one that only advertises pull is") {
  Workspace ws;
  LspClient c;
  c.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}}, ws.root());
  std::string uri = ws.uri("cv.md");
  c.open(uri, kCv);
  // Advertising pull is not pulling (the shared check's client waits for pushes).
  json pushed = c.diagnostics(uri, 1);
  REQUIRE(pushed.is_object());
  CHECK(!pushed["diagnostics"].empty());
  json pulled = c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  CHECK(project(pulled["result"]["items"]) == engineDiagnostics(kCv, Format::Markdown));
  // The earlier push is cleared, so the client shows each diagnostic once.
  json cleared = c.diagnostics(uri);
  REQUIRE(cleared.is_object());
  CHECK(cleared["diagnostics"].empty());
  // After a pull, edits are not pushed.
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                      {"contentChanges", {change(0, 0, "x")}}});
  CHECK(c.waitMatching([](const json& m) {
    return m.value("method", "") == "cvlint/status" && m["params"]["version"] == 2;
  }).is_object());  // the lint ran...
  CHECK(c.diagnostics(uri, 2, 300).is_null());            // ...and nothing was pushed
  CHECK(c.shutdownAndExit() == 0);
}

// ---- the exact page count on save (a real TeX compile where TeX is installed) ----

namespace {

json waitStatus(LspClient& c, const std::string& method, int timeoutMs) {
  return c.waitMatching([&](const json& m) {
    return m.value("method", "") == "cvlint/status" && m["params"]["pages"].is_object() &&
           m["params"]["pages"]["method"] == method;
  }, timeoutMs);
}

const std::string kTexCv =
    "\\documentclass[11pt]{article}\n\\begin{document}\n\\section*{Experience}\n"
    "\\begin{itemize}\n\\item Built a payments service in Python\n\\end{itemize}\n\\end{document}\n";

}  // namespace

TEST_CASE("server: exactPages compiles on save only, with progress, and the measurement replaces the estimate") {
  if (!exactAvailable(Format::Latex)) {
    WARN("skipped: no TeX engine installed (exactAvailable(Latex) is false)");
    return;
  }
  Workspace ws;
  { std::ofstream(ws.dir / "cv.tex") << kTexCv; }
  LspClient c(LspClient::Mode::InProcess, {{"exactPages", true}});
  c.initialize({{"window", {{"workDoneProgress", true}}}}, ws.root());
  std::string uri = ws.uri("cv.tex");
  c.open(uri, kTexCv, "latex");
  REQUIRE(c.diagnostics(uri, 1).is_object());
  // Keystrokes never compile: an edit publishes the estimate and no progress starts.
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                      {"contentChanges", {change(6, 0, "%\n")}}});
  REQUIRE(c.diagnostics(uri, 2).is_object());
  CHECK(c.waitNotification("$/progress", 300).is_null());
  std::string text = kTexCv;
  text.insert(text.find("\\end{document}"), "%\n");
  { std::ofstream(ws.dir / "cv.tex") << text; }
  c.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  json measured = waitStatus(c, "measured", 90000);
  REQUIRE(measured.is_object());
  CHECK(measured["params"]["version"] == 2);
  CHECK(measured["params"]["pages"]["estimated"] == 1);
  bool created = false;
  for (const json& q : c.serverRequests()) created = created || q["method"] == "window/workDoneProgress/create";
  CHECK(created);
  json begin = c.waitMatching([](const json& m) {
    return m.value("method", "") == "$/progress" && m["params"]["value"]["kind"] == "begin";
  }, 1000);
  json end = c.waitMatching([](const json& m) {
    return m.value("method", "") == "$/progress" && m["params"]["value"]["kind"] == "end";
  }, 1000);
  CHECK(begin.is_object());
  CHECK(end.is_object());
  json logged = c.waitMatching([](const json& m) {
    return m.value("method", "") == "window/logMessage" &&
           m["params"]["message"].get<std::string>().find("the estimate was") != std::string::npos;
  }, 1000);
  CHECK(logged.is_object());
  json lens = c.request("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}});
  bool measuredLens = false;
  for (const json& l : lens["result"])
    measuredLens = measuredLens || l["command"]["title"].get<std::string>().find("(measured)") != std::string::npos;
  CHECK(measuredLens);
  // The next edit goes back to the estimate for the new version.
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                      {"contentChanges", {change(0, 0, "%\n")}}});
  CHECK(c.waitMatching([](const json& m) {
    return m.value("method", "") == "cvlint/status" && m["params"]["version"] == 3 &&
           m["params"]["pages"]["method"] == "estimate";
  }, 5000).is_object());
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: a failing exact compile is one diagnostic with the first TeX error") {
  if (!exactAvailable(Format::Latex)) {
    WARN("skipped: no TeX engine installed (exactAvailable(Latex) is false)");
    return;
  }
  Workspace ws;
  std::string bad = kTexCv;
  bad.insert(bad.find("\\end{document}"), "\\nosuchmacroatall\n");
  { std::ofstream(ws.dir / "cv.tex") << bad; }
  LspClient c(LspClient::Mode::InProcess, {{"exactPages", true}});
  c.initialize({}, ws.root());
  std::string uri = ws.uri("cv.tex");
  c.open(uri, bad, "latex");
  json first = c.diagnostics(uri, 1);
  REQUIRE(first.is_object());
  c.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  json failed = c.waitMatching([&](const json& m) {
    if (m.value("method", "") != "textDocument/publishDiagnostics" || m["params"]["uri"] != uri) return false;
    for (const json& d : m["params"]["diagnostics"])
      if (d["message"].get<std::string>().find("exact page count failed") != std::string::npos) return true;
    return false;
  }, 90000);
  REQUIRE(failed.is_object());
  int count = 0;
  for (const json& d : failed["params"]["diagnostics"]) {
    std::string msg = d["message"];
    if (msg.find("exact page count failed") == std::string::npos) continue;
    ++count;
    CHECK(msg.find("Undefined control sequence") != std::string::npos);
  }
  CHECK(count == 1);
  CHECK(failed["params"]["diagnostics"].size() == first["diagnostics"].size() + 1);
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: an edit cancels a running exact compile") {
  if (!exactAvailable(Format::Latex)) {
    WARN("skipped: no TeX engine installed (exactAvailable(Latex) is false)");
    return;
  }
  Workspace ws;
  { std::ofstream(ws.dir / "cv.tex") << kTexCv; }
  LspClient c(LspClient::Mode::InProcess, {{"exactPages", true}});
  c.initialize({{"window", {{"workDoneProgress", true}}}}, ws.root());
  std::string uri = ws.uri("cv.tex");
  c.open(uri, kTexCv, "latex");
  REQUIRE(c.diagnostics(uri, 1).is_object());
  c.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  json begin = c.waitMatching([](const json& m) {
    return m.value("method", "") == "$/progress" && m["params"]["value"]["kind"] == "begin";
  }, 10000);
  REQUIRE(begin.is_object());
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                      {"contentChanges", {change(0, 0, "%\n")}}});
  json end = c.waitMatching([](const json& m) {
    return m.value("method", "") == "$/progress" && m["params"]["value"]["kind"] == "end";
  }, 30000);
  REQUIRE(end.is_object());
  CHECK(end["params"]["value"]["message"].get<std::string>().find("cancelled") != std::string::npos);
  CHECK(waitStatus(c, "measured", 500).is_null());
  CHECK(c.shutdownAndExit() == 0);
}

TEST_CASE("server: a pulling client is asked to refresh after an advert change, not after its own edits") {
  Workspace ws;
  { std::ofstream(ws.dir / "cv.job.md") << kAdvert; }
  LspClient c;
  c.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}},
                {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}},
               ws.root());
  std::string uri = ws.uri("cv.md");
  c.open(uri, kSkillsCv);
  REQUIRE(c.diagnostics(uri, 1).is_object());
  json pulled = c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  REQUIRE(pulled["result"]["kind"] == "full");
  auto refreshes = [&] {
    size_t n = 0;
    for (const json& q : c.serverRequests()) n += q["method"] == "workspace/diagnostic/refresh";
    return n;
  };
  auto statusOf = [&](int64_t version) {
    return c.waitMatching([version](const json& m) {
      return m.value("method", "") == "cvlint/status" && m["params"]["version"] == version;
    });
  };
  // A refresh may already have been sent while start-up settings arrived (on a
  // loaded machine the configuration answer can come after the first lint):
  // count from here.
  c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  const size_t base = refreshes();
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                      {"contentChanges", {change(0, 0, "x")}}});
  REQUIRE(statusOf(2).is_object());
  c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});  // lets queued messages arrive
  // The client's own edit sends no refresh (it pulls the new version by
  // itself); the advert change below alters the diagnostics of the version
  // it pulled and sends exactly one.
  const size_t afterEdit = refreshes();
  CHECK(afterEdit == base);
  { std::ofstream(ws.dir / "cv.job.md") << kAdvert << "- Redis\n"; }
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", ws.uri("cv.job.md")}, {"type", 2}}}}});
  REQUIRE(statusOf(2).is_object());
  json again = c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  CHECK(refreshes() == afterEdit + 1);
  CHECK(missingIn(again["result"]["items"]) != missingIn(pulled["result"]["items"]));
  // A settings change that alters no diagnostic asks for nothing; one that
  // does (a rule turned off) asks once.
  c.settings = {{"locale", "en-GB"}};  // the default
  c.notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  REQUIRE(statusOf(2).is_object());  // the re-lint with the new settings ran
  c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  CHECK(refreshes() == afterEdit + 1);
  c.settings = {{"locale", "en-GB"}, {"rules", {{"missing-keyword", "off"}}}};
  c.notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  REQUIRE(statusOf(2).is_object());
  json off = c.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  CHECK(refreshes() == afterEdit + 2);
  CHECK(missingIn(off["result"]["items"]).empty());
  CHECK(c.shutdownAndExit() == 0);
}
