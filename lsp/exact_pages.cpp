// See exact_pages.hpp.
#include "exact_pages.hpp"

#include <algorithm>
#include <cstdio>

#include "rules/rule.hpp"

namespace cvlint::lsp {

namespace {

// The engine's rule for `cvlint: disable` directives, for the one finding
// re-made here.
bool suppressedBy(const CvDocument& doc, const Finding& f) {
  uint32_t line = doc.source(f.file).lineOf(f.range.begin);
  for (const Suppression& s : doc.suppressions) {
    if (s.file != f.file || line < s.firstLine || line > s.lastLine) continue;
    if (s.rule == "*" || s.rule == f.rule) return true;
  }
  return false;
}

}  // namespace

namespace {
// The engine's order: file, range, rule.
void sortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    if (a.range.end != b.range.end) return a.range.end < b.range.end;
    return a.rule < b.rule;
  });
}
}  // namespace

std::shared_ptr<const AnalysisResult> withMeasuredPages(const AnalysisResult& res,
                                                        std::shared_ptr<const PageEstimate> measured) {
  auto out = std::make_shared<AnalysisResult>(res);
  if (!measured || !res.doc) return out;
  out->pageModel = measured;
  out->pages.available = true;
  out->pages.estimated = measured->pages;
  out->pages.method = measured->method;
  const Rule* rule = findRule("page-overflow");
  Severity sev = rule ? rule->defaultSeverity() : Severity::Off;
  if (auto it = res.config.rules.find("page-overflow"); it != res.config.rules.end()) sev = it->second;
  std::erase_if(out->findings, [](const Finding& f) { return f.rule == "page-overflow"; });
  if (!rule || sev == Severity::Off) return out;
  RuleContext ctx{*res.doc, res.config, res.keywords.get(), measured.get()};
  std::vector<Finding> found;
  rule->check(ctx, found);
  for (Finding& f : found) {
    if (f.rule.empty()) f.rule = "page-overflow";
    if (res.config.rules.count(f.rule) || f.severity == Severity::Off) f.severity = sev;
    if (!suppressedBy(*res.doc, f)) out->findings.push_back(std::move(f));
  }
  sortFindings(out->findings);
  return out;
}

std::shared_ptr<const AnalysisResult> withExactFailure(const AnalysisResult& res, const std::string& error) {
  auto out = std::make_shared<AnalysisResult>(res);
  Finding f;
  f.rule = "page-overflow";
  f.severity = Severity::Warning;
  f.message = "The exact page count failed (the estimate stays): " + error;
  out->findings.push_back(std::move(f));
  sortFindings(out->findings);
  return out;
}

std::string estimateErrorLog(const std::string& uri, double estimated, int measured, const std::string& engine,
                             double seconds) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "exact pages: %s measured %d page%s with %s in %.1f s; the estimate was %.1f (error %+.1f)",
                uri.c_str(), measured, measured == 1 ? "" : "s", engine.c_str(), seconds, estimated,
                estimated - measured);
  return buf;
}

}  // namespace cvlint::lsp
