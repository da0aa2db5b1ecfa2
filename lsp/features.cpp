// Hover, code actions, completion, outline and code lenses: adapters over
// analysis/editor_features.hpp. Positions come in as LSP positions and go through
// SourceText (the one converter); ranges go out through report.cpp.
#include "features.hpp"

#include "length/pages.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "editor_features.hpp"
#include "keywords/hover.hpp"
#include "keywords/keywords.hpp"
#include "report.hpp"
#include "rules/lexicon.hpp"

namespace cvlint::lsp {

namespace {

const SourceText& mainText(const AnalysisResult& res) {
  static const SourceText empty;
  return res.doc && !res.doc->files.empty() ? res.doc->source(0) : empty;
}

std::string uriOfPath(const std::string& path) { return uriFromPath(path); }

bool kindWanted(const std::vector<std::string>& only, const std::string& kind) {
  if (only.empty()) return true;
  for (const std::string& o : only)
    if (kind == o || (kind.size() > o.size() && kind.compare(0, o.size(), o) == 0 && kind[o.size()] == '.')) return true;
  return false;
}

json textEditsByUri(const AnalysisResult& res, const std::vector<Edit>& edits, Encoding enc, const std::string& uri) {
  json changes = json::object();
  for (const Edit& e : edits) {
    if (!res.doc || e.file >= res.doc->files.size()) continue;
    changes[fileUri(res, e.file, uri)].push_back(
        {{"range", rangeJson(res.doc->source(e.file), e.range, enc)}, {"newText", e.newText}});
  }
  return changes;
}

std::string lowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

std::string fileUri(const AnalysisResult& res, uint16_t file, const std::string& mainUri) {
  if (file == 0 || !res.doc || file >= res.doc->files.size()) return mainUri;
  std::filesystem::path p(res.doc->files[file].path);
  if (p.is_relative()) {
    std::filesystem::path mainPath(pathFromUri(mainUri));
    p = (mainPath.parent_path() / p).lexically_normal();
  }
  return uriFromPath(p.string());
}

std::map<std::string, json> diagnosticsByUri(const AnalysisResult& res, Encoding enc, const std::string& mainUri) {
  std::map<std::string, json> out;
  out[mainUri] = json::array();
  for (const Finding& f : res.findings)
    out[fileUri(res, f.file, mainUri)].push_back(diagnosticJson(res, f, enc, mainUri, &uriOfPath));
  return out;
}

std::map<std::string, json> diagnosticsByUri(const AnalysisResult& res, Encoding enc, const std::string& mainUri,
                                             std::string& mainItems) {
  std::map<std::string, json> out;
  mainItems.reserve(mainItems.size() + 256 * res.findings.size());
  bool first = mainItems.empty();
  for (const Finding& f : res.findings) {
    if (f.file != 0) {
      std::string u = fileUri(res, f.file, mainUri);
      if (u != mainUri) {
        out[u].push_back(diagnosticJson(res, f, enc, mainUri, &uriOfPath));
        continue;
      }
    }
    if (!first) mainItems += ',';
    first = false;
    appendDiagnosticJson(mainItems, res, f, enc, mainUri, &uriOfPath);
  }
  return out;
}

json hoverResult(const AnalysisResult& res, Position pos, Encoding enc) {
  const SourceText& text = mainText(res);
  uint32_t srcByte = text.toByte(pos, enc);
  auto found = findingsAt(res, 0, srcByte);
  std::optional<std::string> keywordMd;
  if (res.doc && res.keywords) keywordMd = keywordHover(*res.doc, *res.keywords, 0, srcByte);
  if (found.empty()) {
    if (!keywordMd) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", *keywordMd}}}};
  }
  std::string md;
  ByteRange span = found.front()->range;
  for (const Finding* f : found) {
    if (!md.empty()) md += "\n\n---\n\n";
    const Rule* rule = findRule(f->rule);
    md += "**" + f->rule + "**";
    if (rule && !rule->summary().empty()) md += ": " + std::string(rule->summary());
    md += "\n\n" + f->message;
    if (rule && !rule->explanation().empty()) md += "\n\n" + std::string(rule->explanation());
    if (!f->fixes.empty()) {
      md += "\n\nAlternatives:";
      for (const Fix& fx : f->fixes) md += "\n- " + fx.title;
    }
    span.begin = std::min(span.begin, f->range.begin);
    span.end = std::max(span.end, f->range.end);
  }
  if (keywordMd && md.find(*keywordMd) == std::string::npos) md += "\n\n---\n\n" + *keywordMd;
  return {{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", rangeJson(text, span, enc)}};
}

json codeActionsResult(const AnalysisResult& res, const CodeActionParams& params, Encoding enc) {
  json actions = json::array();
  if (!res.doc) return actions;
  const SourceText& text = mainText(res);
  const std::string& uri = params.textDocument.uri;
  ByteRange sel{text.toByte(params.range.start, enc), text.toByte(params.range.end, enc)};
  if (sel.end < sel.begin) std::swap(sel.begin, sel.end);
  for (const Finding* f : findingsIn(res, 0, sel)) {
    json diag = diagnosticJson(res, *f, enc, uri, &uriOfPath);
    if (kindWanted(params.only, "quickfix")) {
      for (const Fix& fx : f->fixes) {
        json a = {{"title", fx.title},
                  {"kind", "quickfix"},
                  {"diagnostics", json::array({diag})},
                  {"edit", {{"changes", textEditsByUri(res, fx.edits, enc, uri)}}}};
        if (fx.preferred) a["isPreferred"] = true;
        actions.push_back(std::move(a));
      }
      Edit e = suppressionEdit(res, *f);
      actions.push_back({{"title", "Disable " + f->rule + " for this line"},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({diag})},
                         {"edit", {{"changes", textEditsByUri(res, {e}, enc, uri)}}}});
    }
  }
  if (kindWanted(params.only, "source.fixAll.cvlint")) {
    std::vector<Edit> edits = safeFixEdits(res);
    if (!edits.empty())
      actions.push_back({{"title", "Fix all safe cvlint findings"},
                         {"kind", "source.fixAll.cvlint"},
                         {"edit", {{"changes", textEditsByUri(res, edits, enc, uri)}}}});
  }
  return actions;
}

json completionResult(const AnalysisResult& res, Position pos, Encoding enc) {
  json items = json::array();
  if (!res.doc) return {{"isIncomplete", false}, {"items", items}};
  const SourceText& text = mainText(res);
  uint32_t srcByte = text.toByte(pos, enc);
  // In the skills section: the advert's missing keywords first.
  if (res.keywords) {
    for (const KeywordCompletion& k : keywordCompletions(*res.doc, *res.keywords, 0, srcByte)) {
      char sortText[16];
      std::snprintf(sortText, sizeof sortText, "0%04d", k.sortRank);
      items.push_back({{"label", k.label},
                       {"kind", 14},
                       {"detail", k.detail},
                       {"sortText", sortText},
                       {"filterText", k.label},
                       {"insertText", k.label}});
    }
  }
  auto word = bulletOpeningWord(text, res.doc->format, srcByte);
  if (!word) return {{"isIncomplete", false}, {"items", items}};
  std::string typed = lowerAscii(std::string(text.view().substr(word->begin, word->size())));
  json range = rangeJson(text, *word, enc);
  int rank = 0;
  for (const std::string& verb : strongVerbs(res.config.locale)) {
    ++rank;
    if (lowerAscii(verb).rfind(typed, 0) != 0) continue;
    char sortText[16];
    std::snprintf(sortText, sizeof sortText, "1%04d", rank);
    items.push_back({{"label", verb},
                     {"kind", 1},
                     {"detail", "strong action verb"},
                     {"sortText", sortText},
                     {"filterText", verb},
                     {"textEdit", {{"range", range}, {"newText", verb}}}});
  }
  return {{"isIncomplete", false}, {"items", items}};
}

json documentSymbolsResult(const AnalysisResult& res, Encoding enc, bool hierarchical, const std::string& uri) {
  json out = json::array();
  if (!res.doc) return out;
  const CvDocument& doc = *res.doc;
  const SourceText& text = mainText(res);
  auto within = [](ByteRange inner, ByteRange outer) {
    return inner.begin >= outer.begin && inner.end <= outer.end ? inner : outer;
  };
  for (const Section& s : doc.sections) {
    if (s.file != 0 || s.headingBlock < 0) continue;
    ByteRange heading = s.headingBlock < static_cast<int32_t>(doc.blocks.size()) ? doc.blocks[s.headingBlock].range : s.range;
    ByteRange whole{std::min(s.range.begin, heading.begin), std::max(s.range.end, heading.end)};
    std::string name = s.title.empty() ? "(untitled section)" : s.title;
    json children = json::array();
    for (int32_t ei : s.entries) {
      if (ei < 0 || ei >= static_cast<int32_t>(doc.entries.size())) continue;
      const Entry& e = doc.entries[ei];
      if (e.file != 0) continue;
      std::string ename = e.role.text;
      if (e.organisation.present()) ename += (ename.empty() ? "" : ", ") + e.organisation.text;
      if (ename.empty()) ename = e.dates.present() ? e.dates.text : "(entry)";
      ByteRange er = within(e.range, whole);
      ByteRange esel = er;
      if (e.headerBlock >= 0 && e.headerBlock < static_cast<int32_t>(doc.blocks.size()))
        esel = within(doc.blocks[e.headerBlock].range, er);
      if (hierarchical) {
        json c = {{"name", ename}, {"kind", 23}, {"range", rangeJson(text, er, enc)},
                  {"selectionRange", rangeJson(text, esel, enc)}};
        if (e.dates.present()) c["detail"] = e.dates.text;
        children.push_back(std::move(c));
      } else {
        children.push_back({{"name", ename}, {"kind", 23}, {"containerName", name},
                            {"location", {{"uri", uri}, {"range", rangeJson(text, er, enc)}}}});
      }
    }
    if (hierarchical) {
      out.push_back({{"name", name}, {"detail", sectionKindName(s.kind)}, {"kind", 2},
                     {"range", rangeJson(text, whole, enc)},
                     {"selectionRange", rangeJson(text, within(heading, whole), enc)},
                     {"children", children}});
    } else {
      out.push_back({{"name", name}, {"kind", 2}, {"location", {{"uri", uri}, {"range", rangeJson(text, whole, enc)}}}});
      for (json& c : children) out.push_back(std::move(c));
    }
  }
  return out;
}

json codeLensResult(const AnalysisResult& res) {
  json lenses = json::array();
  json top = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
  if (res.pages.available) {
    char buf[64];
    if (res.pages.method == "measured")
      std::snprintf(buf, sizeof buf, "%d / %d pages (measured)", static_cast<int>(std::lround(res.pages.estimated)),
                    res.pages.limit);
    else
      std::snprintf(buf, sizeof buf, "\u2248 %.1f / %d pages", res.pages.estimated, res.pages.limit);
    lenses.push_back({{"range", top}, {"command", {{"title", buf}, {"command", ""}}}});
  }
  // "— page 2 —" where each estimated page begins (main file only).
  if (res.pageModel) {
    for (const PageStart& ps : res.pageModel->starts) {
      if (ps.file != 0) continue;
      json at = {{"start", {{"line", ps.line}, {"character", 0}}}, {"end", {{"line", ps.line}, {"character", 0}}}};
      std::string title = "\u2014 page " + std::to_string(ps.page) + " \u2014";
      lenses.push_back({{"range", at}, {"command", {{"title", title}, {"command", ""}}}});
    }
  }
  if (res.keywords && !res.keywords->matches.empty()) {
    std::string title = keywordLensTitle(*res.keywords);
    if (title.empty())
      title = "keyword match " + std::to_string(static_cast<int>(std::lround(res.keywords->score * 100))) + "%";
    lenses.push_back({{"range", top}, {"command", {{"title", title}, {"command", ""}}}});
  }
  return lenses;
}

}  // namespace cvlint::lsp
