// The floor of the didChange -> publishDiagnostics measurement: a stand-in
// language server that does no analysis at all. It answers `initialize`,
// `shutdown` and unknown requests, and answers every didOpen/didChange with a
// publishDiagnostics carrying a fixed diagnostics array read from a file (the
// array the real server published for the same CV), stamped with the
// change's version. Run the shared perf check or lsp_bench.py against it and
// the latency it prints is what framing, pipes and the client's own JSON
// parsing of that message cost, with zero server work: no real server can be
// faster on that client with those diagnostics.
//
// Usage: cvlint_lsp_floor DIAGNOSTICS.json [lsp|--stdio]
// Benchmark tool only: it trusts its input (a well-formed client).
#include <poll.h>
#include <sched.h>
#include <unistd.h>

#include <chrono>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace {

bool readExact(char* p, size_t n) {
  while (n) {
    ssize_t r = ::read(0, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

std::string buffered;

// One framed body, or false at EOF.
bool readMessage(std::string& body) {
  for (;;) {
    size_t end = buffered.find("\r\n\r\n");
    if (end != std::string::npos) {
      size_t cl = buffered.find("Content-Length:");
      size_t len = std::strtoul(buffered.c_str() + cl + 15, nullptr, 10);
      size_t have = buffered.size() - end - 4;
      body = buffered.substr(end + 4, std::min(have, len));
      buffered.erase(0, end + 4 + body.size());
      if (body.size() < len) {
        size_t old = body.size();
        body.resize(len);
        if (!readExact(body.data() + old, len - old)) return false;
      }
      return true;
    }
    // Like the real server's worker, poll for a short while before blocking,
    // so that both are measured with the same wake-up cost.
    auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(300);
    pollfd pfd{0, POLLIN, 0};
    while (::poll(&pfd, 1, 0) == 0 && std::chrono::steady_clock::now() < until) sched_yield();
    char chunk[65536];
    ssize_t r = ::read(0, chunk, sizeof chunk);
    if (r <= 0) return false;
    buffered.append(chunk, static_cast<size_t>(r));
  }
}

void writeMessage(const std::string& body) {
  std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  const char* p = frame.data();
  size_t n = frame.size();
  while (n) {
    ssize_t w = ::write(1, p, n);
    if (w <= 0) std::exit(1);
    p += w;
    n -= static_cast<size_t>(w);
  }
}

// The raw JSON text of a member's value (a number, or a quoted string with
// its quotes), found by name after `from`; empty when absent.
std::string_view valueOf(std::string_view body, std::string_view key, size_t from = 0) {
  std::string pat = "\"" + std::string(key) + "\"";
  size_t k = body.find(pat, from);
  if (k == std::string_view::npos) return {};
  size_t v = body.find(':', k + pat.size());
  if (v == std::string_view::npos) return {};
  ++v;
  while (v < body.size() && body[v] == ' ') ++v;
  size_t e = v;
  if (e < body.size() && body[e] == '"') {
    ++e;
    while (e < body.size() && body[e] != '"') e += body[e] == '\\' ? 2 : 1;
    ++e;
  } else {
    while (e < body.size() && body[e] != ',' && body[e] != '}' && body[e] != ' ') ++e;
  }
  return body.substr(v, e - v);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: cvlint_lsp_floor DIAGNOSTICS.json [lsp]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cvlint_lsp_floor: cannot read %s\n", argv[1]);
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string diagnostics = ss.str();
  bool shutdown = false;
  std::string body;
  while (readMessage(body)) {
    std::string_view method = valueOf(body, "method");
    std::string_view id = valueOf(body, "id");
    if (method == "\"exit\"") return shutdown ? 0 : 1;
    if (method == "\"textDocument/didOpen\"" || method == "\"textDocument/didChange\"") {
      size_t td = body.find("\"textDocument\"");
      std::string_view uri = valueOf(body, "uri", td);
      std::string_view version = valueOf(body, "version", td);
      writeMessage(std::string("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":") +
                   std::string(uri) + ",\"version\":" + std::string(version) + ",\"diagnostics\":" + diagnostics + "}}");
      continue;
    }
    if (id.empty()) continue;  // another notification
    if (method == "\"initialize\"")
      writeMessage("{\"jsonrpc\":\"2.0\",\"id\":" + std::string(id) +
                   ",\"result\":{\"capabilities\":{\"textDocumentSync\":2}}}");
    else if (method == "\"shutdown\"") {
      shutdown = true;
      writeMessage("{\"jsonrpc\":\"2.0\",\"id\":" + std::string(id) + ",\"result\":null}");
    } else
      writeMessage("{\"jsonrpc\":\"2.0\",\"id\":" + std::string(id) +
                   ",\"error\":{\"code\":-32601,\"message\":\"method not found\"}}");
  }
  return 0;
}
