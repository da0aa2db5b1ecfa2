// Factories of every rule, one per rule file. Listed in registry.cpp.
#pragma once

#include "rules/rule.hpp"

namespace cvlint {

// Achievement language (weak_verb.cpp, ...)
const Rule& weakVerbRule();

}  // namespace cvlint
