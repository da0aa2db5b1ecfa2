// Findings rendered as PRODUCT.md JSON, LSP diagnostics, SARIF 2.1.0 and
// compiler-style text. Positions go through SourceText, the one converter.
#include "report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "keywords/keywords.hpp"

namespace cvlint {

using nlohmann::json;

namespace {

json positionJson(Position p) { return {{"line", p.line}, {"character", p.character}}; }

json dataJson(const Finding& f) {
  json d = json::object();
  for (const auto& [k, v] : f.data) {
    if (const auto* s = std::get_if<std::string>(&v)) d[k] = *s;
    else if (const auto* n = std::get_if<double>(&v)) d[k] = *n;
    else d[k] = std::get<bool>(v);
  }
  return d;
}

int lspSeverity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
    default: return 4;
  }
}

const SourceText& textOf(const AnalysisResult& res, uint16_t file) {
  static const SourceText empty;
  if (!res.doc || file >= res.doc->files.size()) return empty;
  return res.doc->files[file].text;
}

}  // namespace

json rangeJson(const SourceText& text, ByteRange r, Encoding enc) {
  return {{"start", positionJson(text.toPosition(r.begin, enc))}, {"end", positionJson(text.toPosition(r.end, enc))}};
}

json findingJson(const AnalysisResult& res, const Finding& f, Encoding enc) {
  const SourceText& text = textOf(res, f.file);
  json fixes = json::array();
  for (const Fix& fx : f.fixes) {
    json edits = json::array();
    for (const Edit& e : fx.edits)
      edits.push_back({{"range", rangeJson(textOf(res, e.file), e.range, enc)}, {"newText", e.newText}});
    json jf = {{"title", fx.title}, {"edits", edits}};
    if (fx.preferred) jf["preferred"] = true;
    if (!fx.safe) jf["safe"] = false;
    fixes.push_back(std::move(jf));
  }
  json j = {{"rule", f.rule},
            {"severity", severityName(f.severity)},
            {"range", rangeJson(text, f.range, enc)},
            {"message", f.message},
            {"data", dataJson(f)},
            {"fixes", fixes}};
  if (f.file != 0 && res.doc && f.file < res.doc->files.size()) j["path"] = res.doc->files[f.file].path;
  return j;
}

json diagnosticJson(const AnalysisResult& res, const Finding& f, Encoding enc, const std::string& uri,
                    std::string (*uriOf)(const std::string&)) {
  const SourceText& text = textOf(res, f.file);
  json d = {{"range", rangeJson(text, f.range, enc)},
            {"severity", lspSeverity(f.severity)},
            {"code", f.rule},
            {"source", "cvlint"},
            {"message", f.message}};
  // `data`: the finding's detail, as in the JSON report (absent when none).
  if (!f.data.empty()) d["data"] = dataJson(f);
  if (!f.related.empty()) {
    json rel = json::array();
    for (const Related& r : f.related) {
      json loc;
      if (r.path.empty()) {
        std::string u = uri;
        if (r.file != 0 && res.doc && r.file < res.doc->files.size())
          u = uriOf ? uriOf(res.doc->files[r.file].path) : "file://" + res.doc->files[r.file].path;
        loc = {{"uri", u}, {"range", rangeJson(textOf(res, r.file), r.range, enc)}};
      } else {
        std::string u = uriOf ? uriOf(r.path) : "file://" + r.path;
        // Lines of an external file (the advert): the whole line.
        loc = {{"uri", u},
               {"range", {{"start", {{"line", r.line}, {"character", 0}}}, {"end", {{"line", r.line}, {"character", 0}}}}}};
      }
      rel.push_back({{"location", loc}, {"message", r.message}});
    }
    d["relatedInformation"] = rel;
  }
  return d;
}

// ---- the direct writer ------------------------------------------------------
// Keys in nlohmann's order (its objects are sorted maps), so that the text is
// the same as diagnosticJson(...).dump().

namespace {

void appendUint(std::string& out, uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void appendDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == 0) {  // nlohmann: "0.0" / "-0.0"
    out += std::signbit(v) ? "-0.0" : "0.0";
    return;
  }
  char buf[40];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string_view t(buf, end - buf);
  out += t;
  if (t.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void appendPosition(std::string& out, Position p) {
  out += "{\"character\":";
  appendUint(out, p.character);
  out += ",\"line\":";
  appendUint(out, p.line);
  out += '}';
}

void appendRange(std::string& out, const SourceText& text, ByteRange r, Encoding enc) {
  out += "{\"end\":";
  appendPosition(out, text.toPosition(r.end, enc));
  out += ",\"start\":";
  appendPosition(out, text.toPosition(r.begin, enc));
  out += '}';
}

}  // namespace

void appendJsonString(std::string& out, std::string_view s) {
  static const char* const kHex = "0123456789abcdef";
  const size_t start = out.size();
  out += '"';
  size_t i = 0, n = s.size();
  while (i < n) {
    // The plain run: printable ASCII other than quote and backslash.
    size_t j = i;
    while (j < n) {
      unsigned char c = static_cast<unsigned char>(s[j]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++j;
    }
    out.append(s.data() + i, j - i);
    i = j;
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      char32_t cp;
      int len = decodeUtf8(s, i, cp);
      if (cp == 0xFFFD && !(len == 3 && s.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
        // Ill-formed UTF-8 (rare): nlohmann's own replacement, so that the
        // text stays the tree's byte for byte.
        out.resize(start);
        out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
        return;
      }
      out.append(s.data() + i, len);
      i += len;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    ++i;
  }
  out += '"';
}

void appendDiagnosticJson(std::string& out, const AnalysisResult& res, const Finding& f, Encoding enc,
                          const std::string& uri, std::string (*uriOf)(const std::string&)) {
  out += "{\"code\":";
  appendJsonString(out, f.rule);
  if (!f.data.empty()) {
    // Sorted by key, the last value of a repeated key winning (as dataJson).
    const std::pair<std::string, DataValue>* small[16];
    std::vector<const std::pair<std::string, DataValue>*> big;
    const std::pair<std::string, DataValue>** items = small;
    size_t count = f.data.size();
    if (count > 16) {
      big.resize(count);
      items = big.data();
    }
    for (size_t i = 0; i < count; ++i) items[i] = &f.data[i];
    std::stable_sort(items, items + count, [](auto* a, auto* b) { return a->first < b->first; });
    out += ",\"data\":{";
    bool first = true;
    for (size_t i = 0; i < count; ++i) {
      if (i + 1 < count && items[i + 1]->first == items[i]->first) continue;  // a later value wins
      if (!first) out += ',';
      first = false;
      appendJsonString(out, items[i]->first);
      out += ':';
      const DataValue& v = items[i]->second;
      if (const auto* s = std::get_if<std::string>(&v)) appendJsonString(out, *s);
      else if (const auto* d = std::get_if<double>(&v)) appendDouble(out, *d);
      else out += std::get<bool>(v) ? "true" : "false";
    }
    out += '}';
  }
  out += ",\"message\":";
  appendJsonString(out, f.message);
  out += ",\"range\":";
  appendRange(out, textOf(res, f.file), f.range, enc);
  if (!f.related.empty()) {
    out += ",\"relatedInformation\":[";
    bool first = true;
    for (const Related& r : f.related) {
      if (!first) out += ',';
      first = false;
      out += "{\"location\":{\"range\":";
      std::string u;
      if (r.path.empty()) {
        u = uri;
        if (r.file != 0 && res.doc && r.file < res.doc->files.size())
          u = uriOf ? uriOf(res.doc->files[r.file].path) : "file://" + res.doc->files[r.file].path;
        appendRange(out, textOf(res, r.file), r.range, enc);
      } else {
        u = uriOf ? uriOf(r.path) : "file://" + r.path;
        out += "{\"end\":";
        appendPosition(out, {r.line, 0});
        out += ",\"start\":";
        appendPosition(out, {r.line, 0});
        out += '}';
      }
      out += ",\"uri\":";
      appendJsonString(out, u);
      out += "},\"message\":";
      appendJsonString(out, r.message);
      out += '}';
    }
    out += ']';
  }
  out += ",\"severity\":";
  appendUint(out, static_cast<uint64_t>(lspSeverity(f.severity)));
  out += ",\"source\":\"cvlint\"}";
}

std::string displayPath(const std::string& path) {
  // Paths under the current folder are shown relative to it, as the user typed them.
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  if (!ec && path.size() > cwd.size() + 1 && path.compare(0, cwd.size(), cwd) == 0 && path[cwd.size()] == '/')
    return path.substr(cwd.size() + 1);
  return path;
}

json keywordsJson(const AnalysisResult& res) {
  if (!res.keywords || res.keywords->matches.empty()) return nullptr;
  const KeywordReport& k = *res.keywords;
  json matched = json::array(), missing = json::array(), variants = json::array();
  for (const KeywordMatch& m : k.matches) {
    if (m.status == KeywordStatus::Missing) {
      missing.push_back(m.keyword);
    } else {
      matched.push_back(m.keyword);
      if (m.status == KeywordStatus::Variant && !m.hits.empty())
        variants.push_back({{"keyword", m.keyword}, {"found", m.hits.front().found}});
    }
  }
  json j = {{"job", k.fromAdvert ? json(displayPath(k.source)) : json(nullptr)},
            {"score", std::round(k.score * 100) / 100},
            {"matched", matched},
            {"missing", missing},
            {"variants", variants}};
  if (!k.fromAdvert) j["role"] = res.config.role;
  return j;
}

json fileJson(const AnalysisResult& res, const std::string& displayPath, Encoding enc) {
  json diags = json::array();
  for (const Finding& f : res.findings) diags.push_back(findingJson(res, f, enc));
  json j = {{"path", displayPath}};
  if (res.pages.available)
    j["pages"] = {{"estimated", std::round(res.pages.estimated * 10) / 10},
                  {"limit", res.pages.limit},
                  {"method", res.pages.method}};
  else
    j["pages"] = {{"estimated", nullptr}, {"limit", res.pages.limit}, {"method", "none"}};
  j["keywords"] = keywordsJson(res);
  j["diagnostics"] = diags;
  return j;
}

json sarifLog(const std::vector<FileResult>& files) {
  json rules = json::array();
  for (const Rule* r : allRules()) {
    const char* level = "note";
    switch (r->defaultSeverity()) {
      case Severity::Error: level = "error"; break;
      case Severity::Warning: level = "warning"; break;
      default: level = "note";
    }
    rules.push_back({{"id", std::string(r->id())},
                     {"name", std::string(r->id())},
                     {"shortDescription", {{"text", std::string(r->summary())}}},
                     {"fullDescription", {{"text", std::string(r->summary())}}},
                     {"help", {{"text", std::string(r->explanation())}, {"markdown", std::string(r->explanation())}}},
                     {"defaultConfiguration", {{"level", level}}}});
  }
  json results = json::array();
  for (const FileResult& fr : files) {
    if (!fr.result) continue;
    for (const Finding& f : fr.result->findings) {
      const SourceText& text = textOf(*fr.result, f.file);
      auto [sl, sc] = humanPosition(text, f.range.begin);
      auto [el, ec] = humanPosition(text, f.range.end);
      std::string uri = fr.path;
      if (f.file != 0 && fr.result->doc) uri = fr.result->doc->files[f.file].path;
      const char* level = f.severity == Severity::Error ? "error" : f.severity == Severity::Warning ? "warning" : "note";
      json region = {{"startLine", sl}, {"startColumn", sc}, {"endLine", el}, {"endColumn", ec}};
      json physical = {{"artifactLocation", {{"uri", uri}}}, {"region", region}};
      json location = {{"physicalLocation", physical}};
      json res = {{"ruleId", f.rule}, {"level", level}, {"message", {{"text", f.message}}}};
      res["locations"] = json::array({location});
      if (!f.fixes.empty() && f.fixes.front().safe) {
        json reps = json::array();
        for (const Edit& e : f.fixes.front().edits) {
          auto [a, b] = humanPosition(textOf(*fr.result, e.file), e.range.begin);
          auto [c, d] = humanPosition(textOf(*fr.result, e.file), e.range.end);
          reps.push_back({{"deletedRegion", {{"startLine", a}, {"startColumn", b}, {"endLine", c}, {"endColumn", d}}},
                          {"insertedContent", {{"text", e.newText}}}});
        }
        json change = {{"artifactLocation", {{"uri", uri}}}, {"replacements", reps}};
        json fix = {{"description", {{"text", f.fixes.front().title}}}, {"artifactChanges", json::array({change})}};
        res["fixes"] = json::array({fix});
      }
      results.push_back(std::move(res));
    }
  }
  json driver = {{"name", "cvlint"}, {"version", "0.1.0"}, {"rules", rules}};
  json run = {{"tool", {{"driver", driver}}}, {"results", results}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", json::array({run})}};
}

std::pair<uint32_t, uint32_t> humanPosition(const SourceText& text, uint32_t srcByte) {
  Position p = text.toPosition(srcByte, Encoding::Utf32);
  return {p.line + 1, p.character + 1};
}

std::string textReport(const AnalysisResult& res, const std::string& displayPath, bool color) {
  std::string out;
  for (const Finding& f : res.findings) {
    const SourceText& text = textOf(res, f.file);
    std::string path = displayPath;
    if (f.file != 0 && res.doc) path = res.doc->files[f.file].path;
    auto [line, col] = humanPosition(text, f.range.begin);
    const char* sev = f.severity == Severity::Info ? "info" : severityName(f.severity);
    const char* c0 = "";
    const char* c1 = "";
    if (color) {
      c0 = f.severity == Severity::Error ? "\033[1;31m" : f.severity == Severity::Warning ? "\033[1;35m" : "\033[1;36m";
      c1 = "\033[0m";
    }
    out += path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + c0 + sev + c1 + ": " + f.message +
           " [" + f.rule + "]\n";
    // The source line and a caret underline (to the end of the line at most).
    uint32_t l = line - 1;
    uint32_t ls = text.lines().lineStart(l), le = text.lines().lineEnd(l);
    uint32_t endCol = f.range.end <= le ? humanPosition(text, f.range.end).second : text.toPosition(le, Encoding::Utf32).character + 1;
    // Very long lines are shown as a window around the finding.
    constexpr uint32_t kWindow = 160;
    uint32_t shownFrom = ls;
    if (le - ls > kWindow * 2) {
      shownFrom = f.range.begin > ls + 40 ? f.range.begin - 40 : ls;
      while (shownFrom > ls && !isCodePointBoundary(text.view(), shownFrom)) --shownFrom;
      uint32_t shownTo = std::min(le, shownFrom + kWindow * 2);
      while (shownTo < le && !isCodePointBoundary(text.view(), shownTo)) ++shownTo;
      uint32_t skipped = text.toPosition(shownFrom, Encoding::Utf32).character;
      col -= skipped;
      endCol = std::min(endCol - skipped, text.toPosition(shownTo, Encoding::Utf32).character - skipped + 1);
      le = shownTo;
    }
    std::string_view src = text.view().substr(shownFrom, le - shownFrom);
    std::string shown;
    for (char ch : src) shown.push_back(ch == '\t' ? ' ' : ch);
    out += "  " + shown + "\n";
    std::string caret(col - 1, ' ');
    caret += '^';
    if (endCol > col + 1) caret += std::string(endCol - col - 1, '~');
    out += "  " + caret + "\n";
  }
  return out;
}

}  // namespace cvlint
