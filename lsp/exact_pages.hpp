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

// One log line comparing the estimate with the measurement.
std::string estimateErrorLog(const std::string& uri, double estimated, int measured, const std::string& engine,
                             double seconds);

}  // namespace cvlint::lsp
