// The LSP test client; see lsp_client.hpp.
#include "lsp_client.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "core/text.hpp"
#include "server.hpp"
#include "transport.hpp"

namespace cvlint::test {

namespace {
int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

LspClient::LspClient(Mode mode, json s) : settings(std::move(s)), mode_(mode) {
  ::signal(SIGPIPE, SIG_IGN);
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe");
  if (mode == Mode::InProcess) {
    thread_ = std::thread([this, r = in[0], w = out[1]] {
      inProcessCode_ = serveLanguageServer(r, w);
      ::close(r);
      ::close(w);
    });
  } else {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      int devnull = ::open("/dev/null", O_WRONLY);
      if (devnull >= 0) ::dup2(devnull, 2);
      ::close(in[0]); ::close(in[1]); ::close(out[0]); ::close(out[1]);
      ::execl(CVLINT_BINARY, CVLINT_BINARY, "lsp", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
  }
  toServer_ = in[1];
  fromServer_ = out[0];
}

LspClient::~LspClient() {
  if (toServer_ >= 0) ::close(toServer_);
  toServer_ = -1;
  exitCode();
  if (fromServer_ >= 0) ::close(fromServer_);
}

void LspClient::sendRaw(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(toServer_, bytes.data(), bytes.size());
    if (n <= 0) throw std::runtime_error("write to server failed");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void LspClient::send(const json& msg) { sendRaw(lsp::frameMessage(msg.dump())); }

int64_t LspClient::sendRequest(const std::string& method, json params) {
  int64_t id = nextId_++;
  send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  return id;
}

json LspClient::request(const std::string& method, json params, int timeoutMs) {
  return waitResponse(sendRequest(method, std::move(params)), timeoutMs);
}

json LspClient::waitResponse(int64_t id, int timeoutMs) {
  int64_t deadline = nowMs() + timeoutMs;
  for (;;) {
    for (auto it = responses_.begin(); it != responses_.end(); ++it)
      if ((*it)["id"] == id) {
        json r = *it;
        responses_.erase(it);
        return r;
      }
    int64_t left = deadline - nowMs();
    if (left <= 0) return nullptr;
    auto msg = readMessage(static_cast<int>(left));
    if (msg) dispatch(std::move(*msg));
  }
}

void LspClient::notify(const std::string& method, json params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

json LspClient::initialize(json extraCaps, std::string rootUri) {
  json caps = {{"general", {{"positionEncodings", {"utf-16"}}}},
               {"textDocument",
                {{"publishDiagnostics", {{"relatedInformation", true}, {"versionSupport", true}}},
                 {"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}}}},
               {"workspace", {{"configuration", true}, {"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}};
  if (extraCaps.is_object()) caps.merge_patch(extraCaps);
  json r = request("initialize", {{"processId", nullptr}, {"rootUri", rootUri}, {"capabilities", caps}});
  notify("initialized", json::object());
  return r;
}

void LspClient::open(const std::string& uri, const std::string& text, const std::string& languageId, int version) {
  notify("textDocument/didOpen",
         {{"textDocument", {{"uri", uri}, {"languageId", languageId}, {"version", version}, {"text", text}}}});
}

json LspClient::waitNotification(const std::string& method, int timeoutMs) {
  int64_t deadline = nowMs() + timeoutMs;
  for (;;) {
    for (auto it = notes_.begin(); it != notes_.end(); ++it)
      if ((*it)["method"] == method) {
        json n = *it;
        notes_.erase(it);
        return n;
      }
    int64_t left = deadline - nowMs();
    if (left <= 0) return nullptr;
    auto msg = readMessage(static_cast<int>(left));
    if (msg) dispatch(std::move(*msg));
  }
}

json LspClient::diagnostics(const std::string& uri, std::optional<int64_t> version, int timeoutMs) {
  int64_t deadline = nowMs() + timeoutMs;
  for (;;) {
    for (auto it = notes_.begin(); it != notes_.end(); ++it) {
      const json& n = *it;
      if (n["method"] != "textDocument/publishDiagnostics" || n["params"]["uri"] != uri) continue;
      if (version && n["params"].value("version", int64_t{-1}) != *version) continue;
      json p = n["params"];
      notes_.erase(it);
      return p;
    }
    int64_t left = deadline - nowMs();
    if (left <= 0) return nullptr;
    auto msg = readMessage(static_cast<int>(left));
    if (msg) dispatch(std::move(*msg));
  }
}

std::optional<json> LspClient::readMessage(int timeoutMs) {
  for (;;) {
    size_t headEnd = buf_.find("\r\n\r\n");
    if (headEnd != std::string::npos) {
      size_t at = buf_.find("Content-Length: ");
      if (at != std::string::npos && at < headEnd) {
        size_t len = std::stoul(buf_.substr(at + 16, headEnd - at - 16));
        if (buf_.size() >= headEnd + 4 + len) {
          std::string body = buf_.substr(headEnd + 4, len);
          buf_.erase(0, headEnd + 4 + len);
          return json::parse(body);
        }
      }
    }
    pollfd pfd{fromServer_, POLLIN, 0};
    if (::poll(&pfd, 1, timeoutMs) <= 0) return std::nullopt;
    char chunk[65536];
    ssize_t n = ::read(fromServer_, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;
    buf_.append(chunk, static_cast<size_t>(n));
  }
}

void LspClient::dispatch(json msg) {
  if (msg.contains("method") && msg.contains("id")) {
    serverRequests_.push_back(msg);
    json result = nullptr;
    if (msg["method"] == "workspace/configuration") {
      result = json::array();
      for (size_t i = 0; i < msg["params"]["items"].size(); ++i) result.push_back(settings);
    }
    send({{"jsonrpc", "2.0"}, {"id", msg["id"]}, {"result", result}});
  } else if (msg.contains("method")) {
    notes_.push_back(std::move(msg));
  } else {
    responses_.push_back(std::move(msg));
  }
}

json LspClient::waitMatching(const std::function<bool(const json&)>& pred, int timeoutMs) {
  int64_t deadline = nowMs() + timeoutMs;
  for (;;) {
    for (auto* list : {&responses_, &notes_})
      for (auto it = list->begin(); it != list->end(); ++it)
        if (pred(*it)) {
          json m = *it;
          list->erase(it);
          return m;
        }
    int64_t left = deadline - nowMs();
    if (left <= 0) return nullptr;
    auto msg = readMessage(static_cast<int>(left));
    if (msg) dispatch(std::move(*msg));
  }
}

std::vector<json> LspClient::takeNullIdResponses() {
  std::vector<json> out, keep;
  for (json& r : responses_) (r["id"].is_null() ? out : keep).push_back(std::move(r));
  responses_ = std::move(keep);
  return out;
}

int LspClient::shutdownAndExit() {
  json r = request("shutdown", nullptr);
  if (r.is_null()) return -1;
  notify("exit", nullptr);
  return exitCode();
}

int LspClient::closeInput() {
  if (toServer_ >= 0) ::close(toServer_);
  toServer_ = -1;
  return exitCode();
}

int LspClient::exitCode() {
  if (code_) return *code_;
  if (mode_ == Mode::InProcess) {
    if (thread_.joinable()) thread_.join();
    code_ = inProcessCode_;
  } else if (pid_ > 0) {
    int status = 0;
    // Give it 5 s, then kill (a test failure, never a hang).
    for (int i = 0; i < 500; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return *code_;
      }
      ::usleep(10000);
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
    code_ = -1;
  }
  return code_.value_or(-1);
}

std::string applyTextEdits(const std::string& text, const json& edits) {
  SourceText src(text);
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> spans;
  for (const json& e : edits) {
    Position a{e["range"]["start"]["line"], e["range"]["start"]["character"]};
    Position b{e["range"]["end"]["line"], e["range"]["end"]["character"]};
    spans.emplace_back(src.toByte(a, Encoding::Utf16), src.toByte(b, Encoding::Utf16), e["newText"].get<std::string>());
  }
  std::sort(spans.begin(), spans.end(), [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  std::string out = text;
  for (const auto& [a, b, t] : spans) out.replace(a, b - a, t);
  return out;
}

}  // namespace cvlint::test
