// The workspace as the engine sees it from the server: which files it may
// read (open documents over the disk, inside the workspace folders only), the
// configuration of a document (the CLI's rule: `.cvlint.json` found upward,
// then the `cvlint` settings over it), and which open files are support files
// (config, adverts) rather than CVs. Internal to lsp/.
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "documents.hpp"
#include "engine.hpp"
#include "protocol.hpp"

namespace cvlint::lsp {

// Reads open documents first, then the disk, and only inside the workspace
// folders (or, with none, the document's own folder).
//
// What the disk said (whether a path is inside the workspace, a file's text
// or its absence) is remembered: the engine asks for `<cv>.job.md` and
// canonicalises paths on every analysis, which is most of a keystroke's
// system calls. forget() drops it all; the server calls it on
// didChangeWatchedFiles, didSave, didOpen, didClose and settings changes, and
// nothing is kept longer than kDiskMemory, so a file changed by another
// program without a watcher event (an \input file) is seen within that time.
// Open documents are always read live. One thread at a time.
class WorkspaceFiles : public FileProvider {
 public:
  static constexpr std::chrono::milliseconds kDiskMemory{2000};

  WorkspaceFiles(const DocumentStore& docs, const std::vector<std::string>& roots, const std::string& docDir);
  std::optional<std::string> read(const std::string& path) const override;
  bool allowed(const std::string& path) const override;
  void forget();
  // Disk look-ups done so far (each cache miss), for tests.
  size_t diskLookups() const { return lookups_; }

 private:
  const DocumentStore& docs_;
  std::vector<DiskFileProvider> disks_;  // one per root; any of them reads once allowed() holds
  mutable std::unordered_map<std::string, bool> allowed_;
  mutable std::unordered_map<std::string, std::optional<std::string>> disk_;
  mutable size_t lookups_ = 0;
};

// The document format from its languageId, else its extension.
Format formatFor(const DocumentSnapshot& doc);

// `.cvlint.json`, `*.job.md`, `*.job.txt`: they configure the analysis of others.
bool isSupportFile(const std::string& path);

// The configuration of a document. The `.cvlint.json` used and its problems
// go to `problems` (empty path: none found), to be published on that file.
Config workspaceConfig(const DocumentStore& docs, const std::vector<std::string>& roots, const DocumentSnapshot& doc,
                       const json* settings, std::pair<std::string, std::vector<ConfigError>>& problems);

}  // namespace cvlint::lsp
