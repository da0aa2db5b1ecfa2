// `cvlint dump`: the document model as text (sections, entries, bullets with
// 1-based line numbers and the prose the rules see; with `map`, every source
// map segment too). Golden tests compare this output.
#pragma once

#include <string>

#include "model.hpp"

namespace cvlint {
std::string dumpDocument(const CvDocument& doc, bool withMap);
}  // namespace cvlint
