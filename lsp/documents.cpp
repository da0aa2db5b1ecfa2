// The open-document store; see documents.hpp.
#include "documents.hpp"

#include <utility>

namespace cvlint::lsp {

namespace {
std::string describe(Position p) { return std::to_string(p.line) + ":" + std::to_string(p.character); }
}  // namespace

std::string applyContentChange(std::string& text, const ContentChange& change, Encoding enc) {
  if (!change.range) {
    text = change.text;
    return {};
  }
  SourceText src(text);
  bool clampedA = false, clampedB = false;
  uint32_t a = src.toByte(change.range->start, enc, &clampedA);
  uint32_t b = src.toByte(change.range->end, enc, &clampedB);
  std::string problem;
  if (clampedA || clampedB)
    problem = "change range " + describe(change.range->start) + "-" + describe(change.range->end) +
              " lies outside the document (" + std::to_string(src.lines().lineCount()) + " lines): clamped";
  if (a > b) {
    std::swap(a, b);
    if (problem.empty()) problem = "change range " + describe(change.range->start) + "-" + describe(change.range->end) + " is reversed: swapped";
  }
  text.replace(a, b - a, change.text);
  return problem;
}

void DocumentStore::open(const std::string& uri, const std::string& path, const std::string& languageId,
                         int64_t version, std::string text) {
  auto doc = std::make_shared<DocumentSnapshot>();
  doc->uri = uri;
  doc->path = path;
  doc->languageId = languageId;
  doc->version = version;
  doc->text = std::move(text);
  std::lock_guard lock(mutex_);
  docs_[uri] = std::move(doc);
}

bool DocumentStore::change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes,
                           Encoding enc, std::vector<std::string>& problems) {
  std::shared_ptr<const DocumentSnapshot> cur = get(uri);
  if (!cur) return false;
  auto next = std::make_shared<DocumentSnapshot>(*cur);
  for (const ContentChange& c : changes) {
    std::string p = applyContentChange(next->text, c, enc);
    if (!p.empty()) problems.push_back(std::move(p));
  }
  next->version = version;
  std::lock_guard lock(mutex_);
  docs_[uri] = std::move(next);
  return true;
}

bool DocumentStore::close(const std::string& uri) {
  std::lock_guard lock(mutex_);
  return docs_.erase(uri) != 0;
}

std::shared_ptr<const DocumentSnapshot> DocumentStore::get(const std::string& uri) const {
  std::lock_guard lock(mutex_);
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : it->second;
}

std::shared_ptr<const DocumentSnapshot> DocumentStore::byPath(const std::string& path) const {
  if (path.empty()) return nullptr;
  std::lock_guard lock(mutex_);
  for (const auto& [uri, doc] : docs_)
    if (doc->path == path) return doc;
  return nullptr;
}

std::vector<std::shared_ptr<const DocumentSnapshot>> DocumentStore::all() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<const DocumentSnapshot>> out;
  for (const auto& [uri, doc] : docs_) out.push_back(doc);
  return out;
}

}  // namespace cvlint::lsp
