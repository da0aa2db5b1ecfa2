// The open documents: each one's text and version, as the client last sent
// it. Incremental changes are applied in order, each against the text the
// previous one left. A range outside the document is clamped to it and
// reported (never a crash, never silent). Snapshots are immutable and shared,
// so the analysis worker reads them without holding the lock.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "protocol.hpp"

namespace cvlint::lsp {

struct DocumentSnapshot {
  std::string uri;
  std::string path;        // file system path ("" for non-file URIs)
  std::string languageId;
  int64_t version = 0;
  std::string text;
};

// Applies one content change to a text. Returns "" or a description of what
// had to be clamped (for the log; it names positions, never contents).
std::string applyContentChange(std::string& text, const ContentChange& change, Encoding enc);

class DocumentStore {
 public:
  void open(const std::string& uri, const std::string& path, const std::string& languageId, int64_t version,
            std::string text);
  // False when the document is not open. `problems` gets one line per clamped change.
  bool change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes, Encoding enc,
              std::vector<std::string>& problems);
  bool close(const std::string& uri);

  std::shared_ptr<const DocumentSnapshot> get(const std::string& uri) const;
  std::shared_ptr<const DocumentSnapshot> byPath(const std::string& path) const;
  std::vector<std::shared_ptr<const DocumentSnapshot>> all() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const DocumentSnapshot>> docs_;  // by URI
};

}  // namespace cvlint::lsp
