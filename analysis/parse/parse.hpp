// The front ends and the structure pass. Each front end reads doc.files[0]
// (and, for LaTeX, the files it \inputs through the FileProvider) and fills
// the flat model: blocks with prose and source maps, layout facts, comments,
// contacts found in link targets, the LaTeX setup, and parse problems.
// buildStructure then derives sections, entries, contacts in prose,
// suppressions and directive settings, the same way for both formats.
//
// All three are total: any byte sequence gives a document, never an exception.
#pragma once

#include "config.hpp"
#include "model.hpp"

namespace cvlint {

class FileProvider;

void parseMarkdown(CvDocument& doc, const Config& config);
void parseLatex(CvDocument& doc, const Config& config, const FileProvider* files);
void buildStructure(CvDocument& doc);

// Classifies a heading's text ("Work Experience", "Key Skills", "Profile").
SectionKind classifyHeading(std::string_view title);

}  // namespace cvlint
