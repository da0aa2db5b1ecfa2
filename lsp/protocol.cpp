// fromJson for the LSP subset, and file URI conversions.
#include "protocol.hpp"

namespace cvlint::lsp {

namespace {

const char* typeName(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_float: return "a fractional number";
    default: return "a number";
  }
}

std::string join(const std::string& path, const char* name) { return path.empty() ? name : path + "." + name; }

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void requireObject(const json& j, const std::string& path) {
  if (!j.is_object()) throw ParamError(path, std::string("expected an object, got ") + typeName(j));
}

const json& member(const json& obj, const std::string& path, const char* name) {
  requireObject(obj, path);
  auto it = obj.find(name);
  if (it == obj.end()) throw ParamError(join(path, name), "missing");
  return *it;
}

const json* optionalMember(const json& obj, const char* name) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(name);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string stringAt(const json& obj, const std::string& path, const char* name) {
  const json& v = member(obj, path, name);
  if (!v.is_string()) throw ParamError(join(path, name), std::string("expected a string, got ") + typeName(v));
  return v.get<std::string>();
}

int64_t intAt(const json& obj, const std::string& path, const char* name) {
  const json& v = member(obj, path, name);
  if (!v.is_number_integer()) throw ParamError(join(path, name), std::string("expected an integer, got ") + typeName(v));
  return v.get<int64_t>();
}

uint32_t uintAt(const json& obj, const std::string& path, const char* name) {
  const json& v = member(obj, path, name);
  if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > int64_t{UINT32_MAX})
    throw ParamError(join(path, name), std::string("expected an unsigned integer, got ") + typeName(v));
  return static_cast<uint32_t>(v.get<int64_t>());
}

void fromJson(const json& j, const std::string& path, Position& out) {
  requireObject(j, path);
  out.line = uintAt(j, path, "line");
  out.character = uintAt(j, path, "character");
}

void fromJson(const json& j, const std::string& path, LspRange& out) {
  requireObject(j, path);
  fromJson(member(j, path, "start"), join(path, "start"), out.start);
  fromJson(member(j, path, "end"), join(path, "end"), out.end);
}

void fromJson(const json& j, const std::string& path, TextDocumentIdentifier& out) {
  out.uri = stringAt(j, path, "uri");
}

void fromJson(const json& j, const std::string& path, DidOpenParams& out) {
  const std::string p = join(path, "textDocument");
  const json& td = member(j, path, "textDocument");
  out.textDocument.uri = stringAt(td, p, "uri");
  out.textDocument.languageId = stringAt(td, p, "languageId");
  out.textDocument.version = intAt(td, p, "version");
  out.textDocument.text = stringAt(td, p, "text");
}

void fromJson(const json& j, const std::string& path, DidChangeParams& out) {
  const std::string p = join(path, "textDocument");
  const json& td = member(j, path, "textDocument");
  out.textDocument.uri = stringAt(td, p, "uri");
  out.textDocument.version = intAt(td, p, "version");
  const json& changes = member(j, path, "contentChanges");
  const std::string cp = join(path, "contentChanges");
  if (!changes.is_array()) throw ParamError(cp, std::string("expected an array, got ") + typeName(changes));
  for (size_t i = 0; i < changes.size(); ++i) {
    const std::string ip = cp + "[" + std::to_string(i) + "]";
    ContentChange c;
    c.text = stringAt(changes[i], ip, "text");
    if (const json* r = optionalMember(changes[i], "range")) {
      LspRange range;
      fromJson(*r, ip + ".range", range);
      c.range = range;
    }
    out.contentChanges.push_back(std::move(c));
  }
}

void fromJson(const json& j, const std::string& path, DidCloseParams& out) {
  fromJson(member(j, path, "textDocument"), join(path, "textDocument"), out.textDocument);
}

void fromJson(const json& j, const std::string& path, DidSaveParams& out) {
  fromJson(member(j, path, "textDocument"), join(path, "textDocument"), out.textDocument);
}

void fromJson(const json& j, const std::string& path, TextDocumentPositionParams& out) {
  fromJson(member(j, path, "textDocument"), join(path, "textDocument"), out.textDocument);
  fromJson(member(j, path, "position"), join(path, "position"), out.position);
}

void fromJson(const json& j, const std::string& path, CodeActionParams& out) {
  fromJson(member(j, path, "textDocument"), join(path, "textDocument"), out.textDocument);
  fromJson(member(j, path, "range"), join(path, "range"), out.range);
  if (const json* ctx = optionalMember(j, "context")) {
    if (const json* only = optionalMember(*ctx, "only")) {
      if (!only->is_array()) throw ParamError(join(path, "context.only"), "expected an array");
      for (const json& k : *only)
        if (k.is_string()) out.only.push_back(k.get<std::string>());
    }
  }
}

void fromJson(const json& j, const std::string& path, DocumentParams& out) {
  fromJson(member(j, path, "textDocument"), join(path, "textDocument"), out.textDocument);
}

json toJson(Position p) { return {{"line", p.line}, {"character", p.character}}; }
json toJson(const LspRange& r) { return {{"start", toJson(r.start)}, {"end", toJson(r.end)}}; }

std::string pathFromUri(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size()) return {};
  for (size_t i = 0; i < scheme.size(); ++i)
    if (lowerAscii(uri[i]) != scheme[i]) return {};
  std::string_view rest = std::string_view(uri).substr(scheme.size());
  // Drop an authority ("localhost") before the path.
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  rest = rest.substr(slash);
  size_t cut = rest.find_first_of("?#");
  if (cut != std::string_view::npos) rest = rest.substr(0, cut);
  std::string out;
  out.reserve(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hexValue(rest[i + 1]) >= 0 && hexValue(rest[i + 2]) >= 0) {
      char c = static_cast<char>(hexValue(rest[i + 1]) * 16 + hexValue(rest[i + 2]));
      if (c == '\0') return {};  // a NUL in a path is never a real file
      out.push_back(c);
      i += 2;
    } else {
      out.push_back(rest[i]);
    }
  }
  // Windows drive letters ("/c:/x") are not ours to handle on POSIX.
  return out;
}

std::string uriFromPath(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace cvlint::lsp
