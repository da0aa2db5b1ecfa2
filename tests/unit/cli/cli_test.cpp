// The command line as a user meets it: exit codes, one-line errors naming the
// problem, other files still checked, output formats, --fix writing safely.
#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "testing.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out;  // stdout and stderr together
};

Run run(const std::string& args) {
  Run r;
  std::string cmd = std::string(CVLINT_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

Run runStdout(const std::string& args) {
  Run r;
  std::string cmd = std::string(CVLINT_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/cvlint-cli-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

const char* kCv = "# Sam Doe\n\n## Experience\n\n- Responsible for maintaining the payments API\n- Reduced costs by 40%\n";

}  // namespace

TEST_CASE("a missing file is exit 2 with a message naming it, and other files are still checked") {
  TempDir d;
  std::string cv = d.write("cv.md", kCv);
  Run r = run("check /nonexistent/cv.md " + cv);
  CHECK(r.code == 2);
  CHECK(r.out.find("cvlint: /nonexistent/cv.md: no such file") != std::string::npos);
  CHECK(r.out.find("1 file") == std::string::npos);  // both files counted
  CHECK(r.out.find("in 2 files") != std::string::npos);
}

TEST_CASE("bad flags and values are exit 2 with a one-line message") {
  CHECK(run("check --bogus x.md").out.find("unknown option `--bogus`") != std::string::npos);
  CHECK(run("check --bogus x.md").code == 2);
  CHECK(run("check --format xml x.md").code == 2);
  CHECK(run("check --pages zero x.md").out.find("--pages must be a whole number") != std::string::npos);
  CHECK(run("check").code == 2);
  CHECK(run("frobnicate").code == 2);
  CHECK(run("explain no-such-rule").code == 2);
}

TEST_CASE("bad config is exit 2 naming the key; unknown rules too") {
  TempDir d;
  d.write(".cvlint.json", R"({"pages": "two"})");
  std::string cv = d.write("cv.md", kCv);
  Run r = run("check " + cv);
  CHECK(r.code == 2);
  CHECK(r.out.find("`pages`") != std::string::npos);
  d.write(".cvlint.json", R"({"rules": {"no-such-rule": "off"}})");
  r = run("check " + cv);
  CHECK(r.code == 2);
  CHECK(r.out.find("rules.no-such-rule") != std::string::npos);
  d.write(".cvlint.json", "{not json");
  CHECK(run("check " + cv).code == 2);
}

TEST_CASE("config can turn a rule off and raise one to error (exit 1)") {
  TempDir d;
  std::string cv = d.write("cv.md", kCv);
  d.write(".cvlint.json", R"({"rules": {"weak-verb": "error"}})");
  Run r = run("check " + cv);
  REQUIRE(r.out.find("[weak-verb]") != std::string::npos);
  CHECK(r.code == 1);
  CHECK(r.out.find("error: ") != std::string::npos);
  d.write(".cvlint.json", R"({"rules": {"weak-verb": "off"}})");
  r = run("check " + cv);
  CHECK(r.out.find("[weak-verb]") == std::string::npos);
  CHECK(r.code == 0);
}

TEST_CASE("check --format json has the PRODUCT.md shape") {
  TempDir d;
  std::string cv = d.write("cv.md", kCv);
  Run r = runStdout("check --format json " + cv);
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["version"] == 1);
  REQUIRE(j["files"].size() == 1);
  auto& f = j["files"][0];
  CHECK(f["path"] == cv);
  CHECK(f.contains("pages"));
  CHECK(f["pages"]["limit"] == 2);
  CHECK(f["diagnostics"].is_array());
  for (auto& d2 : f["diagnostics"]) {
    CHECK(d2["rule"].is_string());
    CHECK(d2["range"]["start"]["line"].is_number());
    CHECK(d2["fixes"].is_array());
  }
}

TEST_CASE("check --format sarif is a SARIF 2.1.0 log with rule metadata") {
  TempDir d;
  std::string cv = d.write("cv.md", kCv);
  Run r = runStdout("check --format sarif " + cv);
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["version"] == "2.1.0");
  auto& rules = j["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules.is_array());
  CHECK(rules.size() == cvlint::allRules().size());
  CHECK(j["runs"][0]["results"].is_array());
}

TEST_CASE("rules lists every rule; explain prints one") {
  Run r = run("rules");
  CHECK(r.code == 0);
  for (const cvlint::Rule* rule : cvlint::allRules()) CHECK(r.out.find(std::string(rule->id())) != std::string::npos);
  r = run("explain weak-verb");
  CHECK(r.code == 0);
  CHECK(r.out.find("# weak-verb") == 0);
}

TEST_CASE("check --fix keeps permissions and leaves a file with nothing to fix byte-identical") {
  TempDir d;
  std::string clean = "# Sam\n\n## Experience\n\n- Reduced costs by 40%\n";
  std::string cv = d.write("cv.md", clean);
  ::chmod(cv.c_str(), 0640);
  Run r = run("check --fix " + cv);
  CHECK((r.code == 0 || r.code == 1));
  CHECK(cvlint::test::readFile(cv) == clean);
  std::string cv2 = d.write("cv2.md", kCv);
  ::chmod(cv2.c_str(), 0640);
  r = run("check --fix " + cv2);
  struct stat st {};
  ::stat(cv2.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0640);
  // No temp files left beside it.
  int others = 0;
  for (auto& e : fs::directory_iterator(d.path))
    if (e.path().filename().string().find(".cvlint-") != std::string::npos) ++others;
  CHECK(others == 0);
}

TEST_CASE("dump prints sections and bullets with line numbers") {
  TempDir d;
  std::string cv = d.write("cv.md", kCv);
  Run r = run("dump " + cv);
  CHECK(r.code == 0);
  CHECK(r.out.find("document ") == 0);
  CHECK(run("dump /nonexistent.md").code == 2);
}

TEST_CASE("the README's rules table is the registry's (cvlint rules --markdown)") {
  std::string readme = cvlint::test::readFile(std::string(CVLINT_SOURCE_DIR) + "/README.md");
  auto b = readme.find("<!-- rules-table:begin -->\n");
  auto e = readme.find("<!-- rules-table:end -->");
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  std::string table = readme.substr(b + 27, e - b - 27);
  Run r = runStdout("rules --markdown");
  CHECK(r.out == table);
}

TEST_CASE("an unknown role is exit 2 naming the known ones, from the flag, the config and a directive") {
  TempDir d;
  std::string cv = d.write("cv.md", kCv);
  Run r = run("check --role astronaut " + cv);
  CHECK(r.code == 2);
  CHECK(r.out.find("unknown role `astronaut`") != std::string::npos);
  CHECK(r.out.find("backend-developer") != std::string::npos);
  // Aliases are roles too.
  CHECK(run("check --role sre " + cv).code != 2);
  d.write(".cvlint.json", R"({"role": "astronaut"})");
  r = run("check " + cv);
  CHECK(r.code == 2);
  CHECK(r.out.find("`role`") != std::string::npos);
  CHECK(r.out.find("astronaut") != std::string::npos);
  d.write(".cvlint.json", R"({"role": "data-engineer"})");
  CHECK(run("check " + cv).code != 2);
  fs::remove(d.path / ".cvlint.json");
  std::string withDirective = d.write("cv2.md", std::string("<!-- cvlint: role=astronaut -->\n") + kCv);
  r = run("check " + withDirective);
  CHECK(r.out.find("[config]") != std::string::npos);
  CHECK(r.out.find("unknown role `astronaut`") != std::string::npos);
}

TEST_CASE("a config file with several bad keys names every one of them") {
  TempDir d;
  d.write(".cvlint.json", R"({"pages": "two", "bogus": 1, "rules": {"weak-verb": "loud"}})");
  std::string cv = d.write("cv.md", kCv);
  Run r = run("check " + cv);
  CHECK(r.code == 2);
  CHECK(r.out.find("`pages`") != std::string::npos);
  CHECK(r.out.find("`bogus`") != std::string::npos);
  CHECK(r.out.find("rules.weak-verb") != std::string::npos);
  // The summary does not pass the unchecked file off as clean.
  CHECK(r.out.find("(1 not checked") != std::string::npos);
}
