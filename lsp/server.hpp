// The language server entry point: `cvlint lsp` / `cvlint --stdio`.
#pragma once

namespace cvlint {
// Serves LSP over stdin/stdout until `exit` or EOF; returns the exit code.
int runLanguageServer();
}  // namespace cvlint
