// The server's file provider remembers what the disk said (the engine asks
// for `<cv>.job.md` and canonicalises paths on every keystroke) until told
// to forget; open documents are always read live.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "workspace.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

TEST_CASE("workspace: WorkspaceFiles remembers the disk until forget(), open documents stay live") {
  fs::path dir = fs::temp_directory_path() / ("cvlint-ws-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string advert = (dir / "cv.job.md").string();
  std::string outside = "/etc/hostname";
  lsp::DocumentStore docs;
  lsp::WorkspaceFiles files(docs, {dir.string()}, dir.string());

  CHECK_FALSE(files.read(advert).has_value());  // not there yet
  size_t after = files.diskLookups();
  CHECK(after > 0);
  for (int i = 0; i < 5; ++i) {
    CHECK(files.allowed(advert));
    CHECK_FALSE(files.read(advert).has_value());
    CHECK_FALSE(files.allowed(outside));
  }
  CHECK(files.diskLookups() == after + 1);  // only `outside` was new

  { std::ofstream(advert) << "# Job\n- Go\n"; }
  CHECK_FALSE(files.read(advert).has_value());  // remembered absence, until...
  files.forget();                              // ...a watcher event (or the time limit)
  REQUIRE(files.read(advert).has_value());
  CHECK(*files.read(advert) == "# Job\n- Go\n");

  // An open document wins over the disk, and its edits are seen at once.
  docs.open(lsp::uriFromPath(advert), advert, "markdown", 1, "# Open\n");
  CHECK(*files.read(advert) == "# Open\n");
  std::vector<std::string> problems;
  docs.change(lsp::uriFromPath(advert), 2, {lsp::ContentChange{std::nullopt, "# Edited\n"}}, Encoding::Utf16, problems);
  CHECK(*files.read(advert) == "# Edited\n");
  docs.close(lsp::uriFromPath(advert));
  CHECK(*files.read(advert) == "# Job\n- Go\n");

  std::error_code ec;
  fs::remove_all(dir, ec);
}
