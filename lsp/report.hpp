// Findings as JSON, shared by `cvlint check --format json|sarif` and the
// language server, so one oracle serves both: the same finding becomes the
// same range, message, code and data in either place.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "engine.hpp"

namespace cvlint {

// An LSP range for a byte range of a file of the document.
nlohmann::json rangeJson(const SourceText& text, ByteRange r, Encoding enc);

// The PRODUCT.md diagnostic shape: rule, severity, range, message, data, fixes.
nlohmann::json findingJson(const AnalysisResult& res, const Finding& f, Encoding enc);

// The LSP Diagnostic for a finding: code, source "cvlint", severity number,
// `data` = the finding's machine-readable detail (the JSON report's `data`;
// absent when there is none), relatedInformation with `uri` made by uriOf.
// Code actions are computed from the server's analysis of the text, so the
// diagnostic carries nothing else for them.
nlohmann::json diagnosticJson(const AnalysisResult& res, const Finding& f, Encoding enc,
                              const std::string& uri, std::string (*uriOf)(const std::string&) = nullptr);

// The same diagnostic written directly as JSON text onto `out` (the
// keystroke path: no JSON tree is built). Equal to diagnosticJson(...).dump()
// byte for byte on valid UTF-8; invalid bytes become U+FFFD.
void appendDiagnosticJson(std::string& out, const AnalysisResult& res, const Finding& f, Encoding enc,
                          const std::string& uri, std::string (*uriOf)(const std::string&) = nullptr);

// A JSON string literal (quotes included) for `s`, escaped as nlohmann's
// dump does, invalid UTF-8 replaced with U+FFFD.
void appendJsonString(std::string& out, std::string_view s);

// One file's entry of the JSON report.
nlohmann::json fileJson(const AnalysisResult& res, const std::string& displayPath, Encoding enc);

// A path relative to the current folder when it lies under it.
std::string displayPath(const std::string& path);

// The keywords object (job, score, matched, missing, variants); null when none.
nlohmann::json keywordsJson(const AnalysisResult& res);

// A SARIF 2.1.0 log for many files.
struct FileResult {
  std::string path;
  const AnalysisResult* result = nullptr;
};
nlohmann::json sarifLog(const std::vector<FileResult>& files);

// Compiler-style text: `cv.md:12:3: warning: message [rule]`, the source line
// and a caret underline.
std::string textReport(const AnalysisResult& res, const std::string& displayPath, bool color);

// 1-based line and column (in code points) of a byte, for text output.
std::pair<uint32_t, uint32_t> humanPosition(const SourceText& text, uint32_t srcByte);

}  // namespace cvlint
