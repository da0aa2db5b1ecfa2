// Engine-side keyword helpers for the editor (no LSP types, byte offsets
// only): hover on a matched keyword ("asked for by the advert, line N: ..."),
// hover on the skills heading (score, matched / missing / variants), the
// missing keywords offered first by completion in the skills section, the
// code-lens title, and hints for an open advert (its keywords the CV lacks).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "keywords/keywords.hpp"

namespace cvlint {

// Markdown for a hover at srcByte of `file` in the CV: a keyword mention, or
// the skills heading / keyword anchor; nullopt elsewhere.
std::optional<std::string> keywordHover(const CvDocument& doc, const KeywordReport& report, uint16_t file,
                                        uint32_t srcByte);

// The score summary in Markdown (also the skills-heading hover).
std::string keywordSummaryMarkdown(const KeywordReport& report);

// One line for a code lens: "keyword match 78% (7/9) against job.md".
std::string keywordLensTitle(const KeywordReport& report);

struct KeywordCompletion {
  std::string label;    // the advert's form ("Kubernetes")
  std::string detail;   // "essential · advert line 12"
  bool essential = true;
  int sortRank = 0;     // 0 first: essential before desirable, advert order within
};

// Missing keywords to offer when srcByte is inside the skills section (or
// always, when `anywhere`); empty elsewhere.
std::vector<KeywordCompletion> keywordCompletions(const CvDocument& doc, const KeywordReport& report,
                                                  uint16_t file, uint32_t srcByte, bool anywhere = false);

// For the advert open in the editor: one hint per keyword the CV lacks, on
// the advert bytes of its mention.
struct AdvertHint {
  ByteRange range;       // advert bytes
  uint32_t line = 0;     // advert line (0-based)
  std::string keyword;
  bool essential = true;
  std::string message;
};
std::vector<AdvertHint> advertHints(const KeywordReport& report);

}  // namespace cvlint
