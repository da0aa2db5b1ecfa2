// The README's Reliability section is a table: each bad input, what cvlint
// does with it, and the test that proves it. This test keeps the last column
// honest: every row names at least one test, and every test it names exists,
// by name, in the code. A name in the Test column is one of
//  - `area: test case name` (the ctest name: the folder under tests/unit/ and
//    a Catch2 TEST_CASE in it; a trailing ` *` stands for every case with
//    that prefix),
//  - a path under tests/ or .ci/ (a script or a fuzz target's source), or
//  - an extra ctest case registered by name in tests/CMakeLists.txt.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "server_bytes.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = CVLINT_SOURCE_DIR;

// Catch2 case names in every .cpp under tests/unit/<area>/, unescaped.
std::set<std::string> caseNames(const fs::path& area) {
  std::set<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(area)) {
    if (e.path().extension() != ".cpp") continue;
    std::string src = cvlint::regress::readBinary(e.path().string());
    const std::string open = "TEST_CASE(\"";
    for (size_t at = src.find(open); at != std::string::npos; at = src.find(open, at)) {
      std::string name;
      size_t i = at + open.size();
      for (; i < src.size() && src[i] != '"'; ++i) {
        if (src[i] == '\\' && i + 1 < src.size()) ++i;
        name += src[i];
      }
      names.insert(name);
      at = i;
    }
  }
  return names;
}

std::vector<std::string> splitRow(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = line.find('|');
  while (start != std::string::npos) {
    size_t next = line.find('|', start + 1);
    if (next == std::string::npos) break;
    std::string c = line.substr(start + 1, next - start - 1);
    size_t b = c.find_first_not_of(' '), e = c.find_last_not_of(' ');
    cells.push_back(b == std::string::npos ? "" : c.substr(b, e - b + 1));
    start = next;
  }
  return cells;
}

std::vector<std::string> codeSpans(const std::string& cell) {
  std::vector<std::string> spans;
  for (size_t a = cell.find('`'); a != std::string::npos; a = cell.find('`', a)) {
    size_t b = cell.find('`', a + 1);
    if (b == std::string::npos) break;
    spans.push_back(cell.substr(a + 1, b - a - 1));
    a = b + 1;
  }
  return spans;
}

}  // namespace

TEST_CASE("reliability table: every row of the README's table names a test that exists") {
  std::string readme = cvlint::regress::readBinary((kRoot / "README.md").string());
  size_t from = readme.find("\n## Reliability\n");
  REQUIRE(from != std::string::npos);
  size_t to = readme.find("\n## ", from + 1);
  std::string section = readme.substr(from, to == std::string::npos ? std::string::npos : to - from);
  std::string ctests = cvlint::regress::readBinary((kRoot / "tests" / "CMakeLists.txt").string());

  std::map<std::string, std::set<std::string>> areas;
  int testColumn = -1;  // in the current table, when its header has a "Test" column
  size_t rows = 0, names = 0;
  std::set<std::string> tables;
  std::string heading;
  size_t pos = 0;
  while (pos < section.size()) {
    size_t eol = section.find('\n', pos);
    std::string line = section.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    pos = eol == std::string::npos ? section.size() : eol + 1;
    if (line.rfind("### ", 0) == 0) heading = line.substr(4);
    if (line.rfind("|", 0) != 0) {
      testColumn = -1;
      continue;
    }
    std::vector<std::string> cells = splitRow(line);
    if (testColumn < 0) {  // a header row
      for (size_t i = 0; i < cells.size(); ++i)
        if (cells[i] == "Test") testColumn = static_cast<int>(i);
      if (testColumn >= 0) tables.insert(heading);
      continue;
    }
    if (line.rfind("|---", 0) == 0) continue;
    REQUIRE(static_cast<int>(cells.size()) > testColumn);
    INFO(line);
    std::vector<std::string> spans = codeSpans(cells[testColumn]);
    CHECK(!spans.empty());
    ++rows;
    for (const std::string& s : spans) {
      INFO(s);
      ++names;
      size_t colon = s.find(": ");
      fs::path area = kRoot / "tests" / "unit" / s.substr(0, colon);
      if (colon != std::string::npos && colon > 0 && fs::is_directory(area)) {
        auto [it, fresh] = areas.try_emplace(area.string());
        if (fresh) it->second = caseNames(area);
        std::string name = s.substr(colon + 2);
        bool found = false;
        if (name.size() >= 2 && name.compare(name.size() - 2, 2, " *") == 0) {
          std::string prefix = name.substr(0, name.size() - 1);
          for (const std::string& n : it->second) found = found || n.rfind(prefix, 0) == 0;
        } else {
          found = it->second.count(name) > 0;
        }
        CHECK(found);
      } else if (s.rfind("tests/", 0) == 0 || s.rfind(".ci/", 0) == 0) {
        CHECK(fs::exists(kRoot / s.substr(0, s.find(' '))));
      } else {
        CHECK(ctests.find("add_test(NAME \"" + s + "\"") != std::string::npos);
      }
    }
  }
  // The table itself is in the README, one per kind of bad input.
  for (const char* t : {"Protocol", "Documents", "Configuration", "File system", "TeX"}) {
    bool present = false;
    for (const std::string& h : tables) present = present || h.rfind(t, 0) == 0;
    INFO(t);
    CHECK(present);
  }
  CHECK(rows >= 25);
  CHECK(names >= rows);
}
