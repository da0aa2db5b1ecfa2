// The page-length estimate: a typesetting model of the document that says how
// many pages it renders to and where each page begins in the source.
#pragma once

#include <memory>
#include <vector>

#include "config.hpp"
#include "model.hpp"

namespace cvlint {

struct PageStart {
  int page = 0;          // 2, 3, ...
  uint16_t file = 0;
  uint32_t srcByte = 0;  // first source byte typeset on that page
  uint32_t line = 0;     // its 0-based line
};

struct PageEstimate {
  double pages = 0;               // fractional: 1.8 = the second page 80% full
  std::vector<PageStart> starts;  // where pages 2, 3, ... begin
  std::string method = "estimate";
};

std::shared_ptr<PageEstimate> estimatePages(const CvDocument& doc, const Config& config);

// The estimate's vertical list as text (one line per line box, glue and
// penalty: page, baseline position, source line, text), for calibration
// against real compiles and for bug reports.
std::string tracePageModel(const CvDocument& doc, const Config& config);

}  // namespace cvlint
