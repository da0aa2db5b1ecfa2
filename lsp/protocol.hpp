// The hand-written subset of LSP 3.17 that cvlint speaks: one struct per
// message part it reads, each with a `fromJson` that names the JSON path of a
// bad field (the dispatcher answers InvalidParams with it), and the error
// codes. Results are built as JSON directly in features.cpp; only what is read
// needs a type here. Internal to lsp/ (includes nlohmann/json).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace cvlint::lsp {

using json = nlohmann::json;

namespace err {
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int InternalError = -32603;
constexpr int ServerNotInitialized = -32002;
constexpr int RequestCancelled = -32800;
constexpr int ContentModified = -32801;
}  // namespace err

// A field of the params that is missing or of the wrong type.
class ParamError : public std::runtime_error {
 public:
  ParamError(const std::string& path, const std::string& what) : std::runtime_error(path + ": " + what) {}
};

// Field access that throws ParamError naming `path.name`.
const json& member(const json& obj, const std::string& path, const char* name);
const json* optionalMember(const json& obj, const char* name);
std::string stringAt(const json& obj, const std::string& path, const char* name);
int64_t intAt(const json& obj, const std::string& path, const char* name);
uint32_t uintAt(const json& obj, const std::string& path, const char* name);
void requireObject(const json& j, const std::string& path);

struct TextDocumentIdentifier {
  std::string uri;
};
struct VersionedTextDocumentIdentifier {
  std::string uri;
  int64_t version = 0;
};
struct TextDocumentItem {
  std::string uri, languageId, text;
  int64_t version = 0;
};
struct LspRange {
  Position start, end;
};
struct ContentChange {
  std::optional<LspRange> range;  // none: the whole text
  std::string text;
};

struct DidOpenParams {
  TextDocumentItem textDocument;
};
struct DidChangeParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<ContentChange> contentChanges;
};
struct DidCloseParams {
  TextDocumentIdentifier textDocument;
};
struct DidSaveParams {
  TextDocumentIdentifier textDocument;
};
struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
};
struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  LspRange range;
  std::vector<std::string> only;  // context.only (empty: every kind)
};
struct DocumentParams {  // documentSymbol, codeLens, diagnostic
  TextDocumentIdentifier textDocument;
};

void fromJson(const json& j, const std::string& path, Position& out);
void fromJson(const json& j, const std::string& path, LspRange& out);
void fromJson(const json& j, const std::string& path, TextDocumentIdentifier& out);
void fromJson(const json& j, const std::string& path, DidOpenParams& out);
void fromJson(const json& j, const std::string& path, DidChangeParams& out);
void fromJson(const json& j, const std::string& path, DidCloseParams& out);
void fromJson(const json& j, const std::string& path, DidSaveParams& out);
void fromJson(const json& j, const std::string& path, TextDocumentPositionParams& out);
void fromJson(const json& j, const std::string& path, CodeActionParams& out);
void fromJson(const json& j, const std::string& path, DocumentParams& out);

json toJson(Position p);
json toJson(const LspRange& r);

// file:// URIs and paths, with percent-decoding / -encoding. pathFromUri
// returns "" for a URI that is not a file URI.
std::string pathFromUri(const std::string& uri);
std::string uriFromPath(const std::string& path);

}  // namespace cvlint::lsp
