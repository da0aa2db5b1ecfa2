// Keyword matching between a CV and a job advert (or a role profile when there
// is no advert): which advert keywords the CV names exactly, only by a variant,
// or not at all, and the weighted match score.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "model.hpp"

namespace cvlint {

struct KeywordHit {
  uint16_t file = 0;
  ByteRange range;      // source bytes of the mention in the CV
  std::string found;    // the text as written ("Postgres")
  bool exact = false;   // the advert's own form
};

enum class KeywordStatus : uint8_t { Exact, Variant, Missing };

struct KeywordMatch {
  std::string keyword;          // canonical form as the advert writes it ("PostgreSQL")
  bool essential = true;
  KeywordStatus status = KeywordStatus::Missing;
  std::vector<KeywordHit> hits;
  uint32_t advertLine = 0;      // 0-based line in the advert it came from
  std::string advertLineText;   // that line, for hover and related information
};

struct KeywordReport {
  std::string source;           // advert path as given, or "role:backend-developer"
  bool fromAdvert = false;
  double score = 0;             // weighted share of keywords present (exact or variant)
  std::vector<KeywordMatch> matches;
  std::string problem;          // non-empty: the advert could not be read (message)
};

// advertText: the advert's contents when one was found and read; nullopt
// when none is configured (the role profile is used instead). advertError:
// set by the caller when an advert was configured but could not be read.
std::shared_ptr<KeywordReport> analyzeKeywords(const CvDocument& doc, const Config& config,
                                               const std::optional<std::string>& advertText,
                                               const std::string& advertPath,
                                               const std::string& advertError);

}  // namespace cvlint
