// FIXME: placeholder until the verb lexicon lands with the wording rules.
#include "rules/lexicon.hpp"
namespace cvlint {
std::vector<std::string> strongVerbs(Locale locale) {
  return {"Built", "Designed", "Led", locale == Locale::EnUS ? "Optimized" : "Optimised", "Reduced", "Migrated", "Automated", "Delivered"};
}
}  // namespace cvlint
