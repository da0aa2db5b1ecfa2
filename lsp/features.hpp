// The editor features as short adapters over the engine: each takes an
// AnalysisResult of the current text, converts positions in and out through
// SourceText, and builds the LSP result. Internal to lsp/.
#pragma once

#include <map>
#include <string>

#include "engine.hpp"
#include "protocol.hpp"

namespace cvlint::lsp {

// The URI of a file of the analysed document (file 0 is mainUri).
std::string fileUri(const AnalysisResult& res, uint16_t file, const std::string& mainUri);

// Diagnostics grouped by the URI of the file they are in (the main URI is always present).
std::map<std::string, json> diagnosticsByUri(const AnalysisResult& res, Encoding enc, const std::string& mainUri);

// The same, with the main URI's diagnostics written directly as JSON text:
// `mainItems` gets them comma-separated (no brackets), the returned map the
// other files' (LaTeX inputs), if any.
std::map<std::string, json> diagnosticsByUri(const AnalysisResult& res, Encoding enc, const std::string& mainUri,
                                             std::string& mainItems);

json hoverResult(const AnalysisResult& res, Position pos, Encoding enc);
json codeActionsResult(const AnalysisResult& res, const CodeActionParams& params, Encoding enc);
json completionResult(const AnalysisResult& res, Position pos, Encoding enc);
json documentSymbolsResult(const AnalysisResult& res, Encoding enc, bool hierarchical, const std::string& uri);
json codeLensResult(const AnalysisResult& res);

}  // namespace cvlint::lsp
