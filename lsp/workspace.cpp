// File access, configuration lookup and support files; see workspace.hpp.
#include "workspace.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cvlint::lsp {

namespace fs = std::filesystem;

WorkspaceFiles::WorkspaceFiles(const DocumentStore& docs, const std::vector<std::string>& roots, const std::string& docDir)
    : docs_(docs) {
  // No folder at all (a non-file document): a root that matches nothing.
  if (roots.empty()) disks_.emplace_back(docDir.empty() ? "/nonexistent-cvlint-root" : docDir);
  for (const std::string& r : roots) disks_.emplace_back(r);
}

std::optional<std::string> WorkspaceFiles::read(const std::string& path) const {
  if (!allowed(path)) return std::nullopt;
  if (auto doc = docs_.byPath(path)) return doc->text;
  if (auto it = disk_.find(path); it != disk_.end()) return it->second;
  ++lookups_;
  std::optional<std::string> text;
  for (const DiskFileProvider& d : disks_)
    if (d.allowed(path)) {
      text = d.read(path);
      break;
    }
  disk_.emplace(path, text);
  return text;
}

bool WorkspaceFiles::allowed(const std::string& path) const {
  if (auto it = allowed_.find(path); it != allowed_.end()) return it->second;
  ++lookups_;
  bool ok = false;
  for (const DiskFileProvider& d : disks_)
    if (d.allowed(path)) {
      ok = true;
      break;
    }
  allowed_.emplace(path, ok);
  return ok;
}

void WorkspaceFiles::forget() {
  allowed_.clear();
  disk_.clear();
}

Format formatFor(const DocumentSnapshot& doc) {
  const std::string& id = doc.languageId;
  if (id == "latex" || id == "tex" || id == "context") return Format::Latex;
  if (id == "markdown" || id == "md") return Format::Markdown;
  if (id == "plaintext") return Format::PlainText;
  return formatForPath(doc.path.empty() ? doc.uri : doc.path);
}

namespace {
bool endsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

bool isSupportFile(const std::string& path) {
  return endsWith(path, "/.cvlint.json") || path == ".cvlint.json" || endsWith(path, ".job.md") ||
         endsWith(path, ".job.txt");
}

Config workspaceConfig(const DocumentStore& docs, const std::vector<std::string>& roots, const DocumentSnapshot& doc,
                       const json* settings, std::pair<std::string, std::vector<ConfigError>>& problems) {
  Config cfg;
  std::error_code ec;
  if (!doc.path.empty()) {
    fs::path dir = fs::path(doc.path).parent_path();
    for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
      fs::path cand = dir / ".cvlint.json";
      std::optional<std::string> text;
      if (auto open = docs.byPath(cand.string())) {
        text = open->text;
      } else if (fs::is_regular_file(cand, ec)) {
        std::ifstream in(cand, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
      }
      if (text) {
        problems.first = cand.string();
        mergeConfigJson(cfg, *text, problems.second);
        cfg.baseDir = dir.string();
        break;
      }
      if (dir == dir.root_path()) break;
      dir = dir.parent_path();
    }
  }
  if (settings && settings->is_object() && !settings->empty()) {
    std::vector<ConfigError> errors;  // reported when the settings arrive
    mergeConfigJson(cfg, settings->dump(), errors);
    // A `job` in the settings is relative to the workspace folder.
    if (settings->contains("job"))
      cfg.baseDir = !roots.empty() ? roots.front() : fs::path(doc.path).parent_path().string();
  }
  return cfg;
}

}  // namespace cvlint::lsp
