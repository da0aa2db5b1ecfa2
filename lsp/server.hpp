// The language server entry point: `cvlint lsp` / `cvlint --stdio`.
#pragma once

namespace cvlint {
// Serves LSP over stdin/stdout until `exit` or EOF; returns the exit code
// (0 after shutdown + exit, 1 for exit or EOF without shutdown).
int runLanguageServer();
// The same over any pair of file descriptors (pipes, sockets): what the
// in-process test client drives. The descriptors are not closed.
int serveLanguageServer(int inFd, int outFd);
}  // namespace cvlint
