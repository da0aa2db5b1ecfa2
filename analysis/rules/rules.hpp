// Factories of every rule, one per rule file. Listed in registry.cpp.
#pragma once

#include "rules/rule.hpp"

namespace cvlint {

// Achievement language (weak_verb.cpp, ...)
const Rule& weakVerbRule();
const Rule& unquantifiedRule();
const Rule& noActionVerbRule();
const Rule& vagueQuantityRule();
const Rule& firstPersonRule();
const Rule& buzzwordRule();
const Rule& passiveVoiceRule();
const Rule& repeatedVerbRule();
const Rule& longBulletRule();

// CV conventions (personal_details.cpp, ats_layout.cpp, ...)
const Rule& personalDetailsRule();
const Rule& atsLayoutRule();
const Rule& missingSectionRule();
const Rule& summaryLengthRule();
const Rule& skillsCountRule();
const Rule& sectionOrderRule();
const Rule& contactInfoRule();
const Rule& spellingVariantRule();
const Rule& dateFormatRule();

// Job-advert keywords (missing_keyword.cpp, keyword_phrasing.cpp)
const Rule& missingKeywordRule();
const Rule& keywordPhrasingRule();

// Page length (page_overflow.cpp)
const Rule& pageOverflowRule();

}  // namespace cvlint
