// libFuzzer target: arbitrary bytes into the language server, in process,
// through the same code path as `cvlint lsp`: serveLanguageServer() reads the
// bytes from a pipe, frames them (transport.cpp), parses and dispatches them
// (server.cpp, jsonrpc.cpp) and runs the handlers (documents, analysis,
// features) until EOF. The seam is the server's own fd-based entry point, so
// no test-only code is needed in lsp/.
//
// When the first byte is odd, a well-formed initialize + initialized pair is
// put in front of the rest, so that most mutations reach the handlers of a
// running server rather than the "not initialized" answer.
//
// Invariants: no crash, hang or sanitizer report; the server ends at EOF; every
// byte it writes is a sequence of well-framed messages, each a JSON object with
// "jsonrpc": "2.0".
#include <cstdint>
#include <iostream>
#include <nlohmann/json.hpp>
#include <streambuf>
#include <string>

#include "../unit/regress/server_bytes.hpp"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

struct NullBuf : std::streambuf {
  int overflow(int c) override { return c; }
};

const std::string& prelude() {
  static const std::string p = cvlint::regress::initPrelude("/tmp/cvlint-fuzz-ws");
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The server logs each framing/params problem to std::cerr; at thousands
  // of inputs a second that is noise. Sanitizer reports go to fd 2 directly
  // and are kept.
  static NullBuf null;
  std::cerr.rdbuf(&null);
  (void)prelude();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string input;
  if (size > 0 && (data[0] & 1)) input = prelude();
  input.append(reinterpret_cast<const char*>(data), size);
  cvlint::regress::ServerRun run = cvlint::regress::runServerBytes(input);
  require(run.exitCode == 0 || run.exitCode == 1);
  require(run.wellFramed);
  for (const std::string& body : run.bodies) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    require(j.is_object() && j.value("jsonrpc", "") == "2.0");
  }
  return 0;
}
