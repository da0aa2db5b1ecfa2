// FIXME: placeholder until the keyword matcher lands (issue 6): reports no
// keywords, so no keyword finding is ever made from it.
#include "keywords/keywords.hpp"

namespace cvlint {
std::shared_ptr<KeywordReport> analyzeKeywords(const CvDocument&, const Config& config,
                                               const std::optional<std::string>&,
                                               const std::string& advertPath,
                                               const std::string& advertError) {
  auto r = std::make_shared<KeywordReport>();
  r->source = advertPath.empty() ? "role:" + config.role : advertPath;
  r->fromAdvert = !advertPath.empty();
  r->problem = advertError;
  return r;
}
}  // namespace cvlint
