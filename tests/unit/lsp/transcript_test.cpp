// LSP transcripts: JSON-RPC in, expected JSON out, run against the real
// `cvlint lsp` binary. Each tests/lsp/*.transcript is one section:
//   # comment
//   --> {json}      send a message
//   ==> "string"    send raw bytes (a JSON string: escapes for \r\n, garbage)
//   <-- {pattern}   the next unconsumed message matching the pattern must arrive
//   exit N          the server's exit code must be N
// A pattern matches when every key it names matches (objects are subsets);
// arrays match element by element and in length; {"$contains": [p, ...]}
// matches an array holding an element for each p; "$any" matches anything;
// {"$absent": true} as a value requires the key to be missing. `$ROOT` in any
// line is replaced by the URI of a fresh temporary folder.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp_client.hpp"
#include "protocol.hpp"

using cvlint::test::LspClient;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

bool matches(const json& pattern, const json& value) {
  if (pattern.is_string() && pattern == "$any") return true;
  if (pattern.is_object()) {
    if (pattern.contains("$contains")) {
      if (!value.is_array()) return false;
      for (const json& p : pattern["$contains"]) {
        bool found = false;
        for (const json& v : value) found = found || matches(p, v);
        if (!found) return false;
      }
      return true;
    }
    if (!value.is_object()) return false;
    for (const auto& [k, p] : pattern.items()) {
      bool absent = p.is_object() && p.contains("$absent");
      if (absent != !value.contains(k)) return false;
      if (!absent && !matches(p, value[k])) return false;
    }
    return true;
  }
  if (pattern.is_array()) {
    if (!value.is_array() || value.size() != pattern.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i)
      if (!matches(pattern[i], value[i])) return false;
    return true;
  }
  if (pattern.is_number() && value.is_number()) return pattern.get<double>() == value.get<double>();
  return pattern == value;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

void runTranscript(const fs::path& file) {
  fs::path root = fs::temp_directory_path() / ("cvlint-transcript-" + std::to_string(::getpid()) + "-" + file.stem().string());
  fs::create_directories(root);
  std::string rootUri = cvlint::lsp::uriFromPath(root.string());
  LspClient c(LspClient::Mode::Binary);
  std::ifstream in(file);
  std::string line;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty() || line[0] == '#') continue;
    line = replaceAll(line, "$ROOT", rootUri);
    INFO(file.filename().string() << ":" << lineNo << ": " << line);
    std::string head = line.substr(0, 4);
    if (head == "--> ") {
      c.send(json::parse(line.substr(4)));
    } else if (head == "==> ") {
      c.sendRaw(json::parse(line.substr(4)).get<std::string>());
    } else if (head == "<-- ") {
      json pattern = json::parse(line.substr(4));
      json got = c.waitMatching([&](const json& m) { return matches(pattern, m); });
      CHECK(!got.is_null());
    } else if (line.rfind("exit ", 0) == 0) {
      CHECK(c.exitCode() == std::stoi(line.substr(5)));
    } else {
      FAIL("bad transcript line");
    }
  }
  std::error_code ec;
  fs::remove_all(root, ec);
}

}  // namespace

TEST_CASE("transcripts: every tests/lsp/*.transcript against the cvlint binary") {
  fs::path dir = fs::path(CVLINT_SOURCE_DIR) / "tests" / "lsp";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".transcript") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  for (const fs::path& f : files) {
    DYNAMIC_SECTION(f.filename().string()) { runTranscript(f); }
  }
}
