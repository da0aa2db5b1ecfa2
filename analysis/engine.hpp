// The engine entry point shared by `cvlint check` and `cvlint lsp`: the same
// request gives byte-identical findings in the same order from both.
//
// The engine does no I/O of its own: files it needs beyond the document
// (LaTeX \input files, the job advert) come through a FileProvider supplied by
// the caller (the CLI reads the disk; the server overlays open documents).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "model.hpp"
#include "rules/rule.hpp"

namespace cvlint {

class FileProvider {
 public:
  virtual ~FileProvider() = default;
  // Reads a file by absolute or document-relative path already resolved by
  // the engine; nullopt when missing or unreadable.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // True when a path may be read at all (inside the workspace). The engine
  // never follows \input or advert paths for which this is false.
  virtual bool allowed(const std::string& path) const = 0;
};

// Reads the local file system, allowing paths under `root` only. An empty
// root allows nothing (fail closed); a provider for any path is asked for by
// name, with anywhere() (the CLI's one --job advert the user named).
class DiskFileProvider : public FileProvider {
 public:
  explicit DiskFileProvider(std::string root);
  static DiskFileProvider anywhere();
  std::optional<std::string> read(const std::string& path) const override;
  bool allowed(const std::string& path) const override;

 private:
  std::string root_;
  bool anywhere_ = false;
};

struct AnalysisRequest {
  std::string path;           // the document's path (for format detection, relative lookups)
  std::string text;           // its text
  std::optional<Format> format;  // from the LSP languageId; else from the extension
  Config config;              // already merged: .cvlint.json < settings < CLI flags
  const FileProvider* files = nullptr;  // may be null: no \input, no advert
};

struct PageSummary {
  double estimated = 0;
  int limit = 2;
  std::string method = "estimate";  // "estimate" or "measured"
  bool available = false;
};

struct AnalysisResult {
  std::shared_ptr<const CvDocument> doc;
  Config config;                 // after directive settings
  std::vector<Finding> findings; // sorted (file, range, rule), suppressions applied
  PageSummary pages;
  std::shared_ptr<const KeywordReport> keywords;  // may be null
  std::shared_ptr<const PageEstimate> pageModel;  // may be null
  std::string jobPath;           // the advert used, if any
};

// Format from a file name (.md/.markdown -> Markdown, .tex/.xtx/.ltx -> LaTeX).
Format formatForPath(const std::string& path);

// Parses the document (total: never throws on bad input) and builds the CV
// structure.
std::shared_ptr<CvDocument> parseDocument(const std::string& path, std::string text,
                                          Format format, const Config& config,
                                          const FileProvider* files);

AnalysisResult analyze(const AnalysisRequest& req);

// Empties the engine's memo caches (the per-thread tokenized bullets and verb
// answers) on every thread: each cache drops its contents on its next use.
// Results never depend on them; only the time does. The benchmark calls this
// to time a cold analysis (`cvlint check` on a file not seen before) beside a
// warm one (the editor's next keystroke, most bullets unchanged).
void clearEngineCaches();

// Builds the engine's static tables (the skills taxonomy, the verb and
// phrase lexicons, the font metrics) by analysing two small built-in CVs,
// one Markdown, one LaTeX, and drops the answers. The first analysis in a
// process otherwise pays for them (~3 ms); the server calls this on its
// worker while the client is still initialising.
void warmUpEngine();

// The order of AnalysisResult::findings: file, range, then rule (stable).
void sortFindings(std::vector<Finding>& findings);
// True when a `cvlint-disable` directive of the document silences the finding.
bool isSuppressed(const CvDocument& doc, const Finding& f);

// Applies fixes to a text: the edits of the given fixes, skipping any that
// overlap an edit already taken. Returns the new text.
std::string applyEdits(std::string_view text, std::vector<Edit> edits);

}  // namespace cvlint
