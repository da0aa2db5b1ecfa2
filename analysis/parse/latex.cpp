// FIXME: placeholder; the LaTeX front end replaces this file.
#include "parse/parse.hpp"
namespace cvlint {
void parseLatex(CvDocument&, const Config&, const FileProvider*) {}
}  // namespace cvlint
