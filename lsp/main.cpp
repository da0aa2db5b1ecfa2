// The cvlint executable: `cvlint lsp` (or `--stdio`) runs the language server;
// everything else is the command line.
#include <cstring>

#include "cli.hpp"
#include "server.hpp"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--stdio") == 0 || (i == 1 && std::strcmp(argv[i], "lsp") == 0))
      return cvlint::runLanguageServer();
  }
  return cvlint::runCli(argc, argv);
}
