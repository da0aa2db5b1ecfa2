// Feeds a byte buffer to the language server in process, through the same
// path as `cvlint lsp` (serveLanguageServer over a pipe: framing, JSON-RPC
// dispatch, handlers), and returns what it wrote and its exit code. The fuzz
// target tests/fuzz/fuzz_jsonrpc.cpp drives the same seam; its crashing
// inputs are replayed here.
#pragma once

#include <string>
#include <vector>

namespace cvlint::regress {

struct ServerRun {
  int exitCode = -1;
  std::string output;                 // raw bytes written by the server
  std::vector<std::string> bodies;    // output split into message bodies
  bool wellFramed = false;            // every output byte belongs to a whole frame
};

ServerRun runServerBytes(const std::string& input);

// `Content-Length` framing of one JSON body.
std::string frame(const std::string& body);
// initialize (rootUri = root) + initialized.
std::string initPrelude(const std::string& root = "/tmp/cvlint-regress-ws");
std::string readBinary(const std::string& path);
void writeBinary(const std::string& path, const std::string& bytes);
// A new empty folder under the temp dir, unique to this process.
std::string freshTempDir(const std::string& name);

}  // namespace cvlint::regress
