// `cvlint check --fix` never loses a CV: temp file + rename, permissions kept,
// a file changed since it was read is refused, any failure leaves the original
// untouched and no temporary file behind (lsp/safe_write.cpp), and the CLI
// reports the refusal.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "safe_write.hpp"
#include "server_bytes.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) { return regress::freshTempDir(name); }

void writeText(const fs::path& p, const std::string& text) { regress::writeBinary(p.string(), text); }

size_t entries(const fs::path& dir) {
  size_t n = 0;
  for (auto it = fs::directory_iterator(dir); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

mode_t modeOf(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("safe write: replaces the text and keeps the permission bits") {
  fs::path d = freshDir("mode");
  fs::path f = d / "cv.md";
  writeText(f, "old\n");
  ::chmod(f.c_str(), 0640);
  std::string err;
  REQUIRE(writeFileSafely(f.string(), "old\n", "new\n", err));
  CHECK(regress::readBinary(f.string()) == "new\n");
  CHECK(modeOf(f) == 0640);
  CHECK(entries(d) == 1);  // no temporary file left
  fs::remove_all(d);
}

TEST_CASE("safe write: a file changed since it was read is refused and kept") {
  fs::path d = freshDir("changed");
  fs::path f = d / "cv.md";
  writeText(f, "edited in the editor\n");
  std::string err;
  CHECK_FALSE(writeFileSafely(f.string(), "what we read\n", "fixed\n", err));
  CHECK(err.find("changed on disk") != std::string::npos);
  CHECK(regress::readBinary(f.string()) == "edited in the editor\n");
  CHECK(entries(d) == 1);
  fs::remove_all(d);
}

TEST_CASE("safe write: a change between the check and the rename is caught") {
  fs::path d = freshDir("race");
  fs::path f = d / "cv.md";
  writeText(f, "read\n");
  std::string err;
  // An editor saves while the temporary file is being written.
  auto hook = [&](const char* step) {
    if (std::string(step) == "sync") writeText(f, "saved meanwhile\n");
    return true;
  };
  CHECK_FALSE(writeFileSafely(f.string(), "read\n", "fixed\n", err, hook));
  CHECK(regress::readBinary(f.string()) == "saved meanwhile\n");
  CHECK(entries(d) == 1);
  fs::remove_all(d);
}

TEST_CASE("safe write: a failure at any step leaves the original untouched and no temp file") {
  for (const char* failAt : {"tempfile", "write", "sync", "rename"}) {
    INFO(failAt);
    fs::path d = freshDir(std::string("fail-") + failAt);
    fs::path f = d / "cv.md";
    writeText(f, "original\n");
    ::chmod(f.c_str(), 0600);
    std::string err;
    auto hook = [&](const char* step) { return std::string(step) != failAt; };
    CHECK_FALSE(writeFileSafely(f.string(), "original\n", "fixed\n", err, hook));
    CHECK_FALSE(err.empty());
    CHECK(regress::readBinary(f.string()) == "original\n");
    CHECK(modeOf(f) == 0600);
    CHECK(entries(d) == 1);
    fs::remove_all(d);
  }
}

TEST_CASE("safe write: a read-only folder is an error, the original untouched") {
  fs::path d = freshDir("ro");
  fs::path f = d / "cv.md";
  writeText(f, "original\n");
  ::chmod(d.c_str(), 0500);
  std::string err;
  bool ok = writeFileSafely(f.string(), "original\n", "fixed\n", err);
  ::chmod(d.c_str(), 0700);
  if (::geteuid() != 0) {
    CHECK_FALSE(ok);
    CHECK(regress::readBinary(f.string()) == "original\n");
  } else {
    // root ignores the folder's mode; the failure paths are covered by the
    // step hook above. Either way nothing is lost or left behind.
    CHECK(regress::readBinary(f.string()) == (ok ? "fixed\n" : "original\n"));
  }
  CHECK(entries(d) == 1);
  fs::remove_all(d);
}

TEST_CASE("safe write: a symbolic link is kept and its target replaced") {
  fs::path d = freshDir("link");
  writeText(d / "real.md", "old\n");
  fs::create_symlink("real.md", d / "cv.md");
  std::string err;
  REQUIRE(writeFileSafely((d / "cv.md").string(), "old\n", "new\n", err));
  CHECK(fs::is_symlink(d / "cv.md"));
  CHECK(regress::readBinary((d / "real.md").string()) == "new\n");
  CHECK(entries(d) == 2);
  fs::remove_all(d);
}

TEST_CASE("safe write: a missing file or a folder is an error") {
  fs::path d = freshDir("missing");
  std::string err;
  CHECK_FALSE(writeFileSafely((d / "nope.md").string(), "", "x", err));
  CHECK_FALSE(writeFileSafely(d.string(), "", "x", err));
  CHECK(entries(d) == 0);
  fs::remove_all(d);
}

TEST_CASE("safe write: cvlint check --fix fixes a file and keeps its mode") {
  fs::path d = freshDir("cli");
  fs::path f = d / "cv.md";
  std::string text = "# A Person\n\n## Experience\n\n- Responsible for maintaining the API\n";
  writeText(f, text);
  ::chmod(f.c_str(), 0604);
  std::string cmd = "cd '" + d.string() + "' && '" + CVLINT_BINARY + "' check --fix --quiet cv.md >/dev/null 2>&1";
  int rc = std::system(cmd.c_str());
  (void)rc;
  std::string after = regress::readBinary(f.string());
  CHECK(after != text);
  CHECK(after.find("Responsible for") == std::string::npos);
  CHECK(modeOf(f) == 0604);
  CHECK(entries(d) == 1);
  fs::remove_all(d);
}
