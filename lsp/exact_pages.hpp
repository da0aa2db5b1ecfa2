// The exact page count in the server: a measured page model (from
// analysis/length/exact.hpp's sandboxed compile, run on save only) put in
// place of the estimate for that version, and a failed compile as one
// diagnostic. Internal to lsp/.
#pragma once

#include <memory>
#include <string>

#include "engine.hpp"
#include "length/pages.hpp"

namespace cvlint::lsp {

// The result with the measured page model in place of the estimate: `pages`
// says "measured", and page-overflow is re-run against the measurement.
std::shared_ptr<const AnalysisResult> withMeasuredPages(const AnalysisResult& res,
                                                        std::shared_ptr<const PageEstimate> measured);

// The result with one warning at the top of the document saying why the
// exact count failed (the first TeX error, a timeout): the estimate stays.
// The server says the same in its diagnostics; `cvlint check` uses this.
std::shared_ptr<const AnalysisResult> withExactFailure(const AnalysisResult& res, const std::string& error);
// That warning's text (the server publishes it as a diagnostic of its own).
std::string exactFailureMessage(const std::string& error);

// One log line comparing the estimate with the measurement.
std::string estimateErrorLog(const std::string& uri, double estimated, int measured, const std::string& engine,
                             double seconds);

}  // namespace cvlint::lsp
