// See exact_pages.hpp.
#include "exact_pages.hpp"

#include <algorithm>
#include <cstdio>

#include "rules/rule.hpp"

namespace cvlint::lsp {

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
    if (!isSuppressed(*res.doc, f)) out->findings.push_back(std::move(f));
  }
  sortFindings(out->findings);
  return out;
}

std::string exactFailureMessage(const std::string& error) {
  return "The exact page count failed (the estimate stays): " + error;
}

std::shared_ptr<const AnalysisResult> withExactFailure(const AnalysisResult& res, const std::string& error) {
  auto out = std::make_shared<AnalysisResult>(res);
  Finding f;
  f.rule = "page-overflow";
  f.severity = Severity::Warning;
  f.message = exactFailureMessage(error);
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
