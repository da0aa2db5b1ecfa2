// FIXME: placeholder; replaced by the language server.
#include "server.hpp"
#include <cstdio>
namespace cvlint {
int runLanguageServer() { std::fprintf(stderr, "cvlint: the language server is not built yet\n"); return 1; }
}  // namespace cvlint
