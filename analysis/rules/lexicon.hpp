// The verb lexicon's public face, for the server's completion and hover:
// strong action verbs in past tense, spelled for the locale. Implemented with
// the wording rules (the lexicon data lives beside them).
#pragma once

#include <string>
#include <vector>

#include "config.hpp"

namespace cvlint {
// Strong past-tense action verbs for opening a bullet ("Built", "Optimised"),
// most useful first; never machine-sounding ones.
const std::vector<std::string>& strongVerbs(Locale locale);
}  // namespace cvlint
