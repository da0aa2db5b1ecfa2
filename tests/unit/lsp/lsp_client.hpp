// A small LSP test client: drives the server either in-process (serve over
// pipes on a thread) or as the real `cvlint lsp` binary, answers the server's
// own requests (workspace/configuration with `settings`, registrations with
// null), and keeps every notification so a test can wait for one.
#pragma once

#include <nlohmann/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cvlint::test {

using nlohmann::json;

class LspClient {
 public:
  enum class Mode { InProcess, Binary };
  explicit LspClient(Mode mode = Mode::InProcess, json settings = json::object());
  ~LspClient();

  void sendRaw(std::string_view bytes);
  void send(const json& msg);
  json request(const std::string& method, json params, int timeoutMs = 5000);
  void notify(const std::string& method, json params);
  int64_t sendRequest(const std::string& method, json params);  // no wait
  json waitResponse(int64_t id, int timeoutMs = 5000);

  // Initialize with the given capabilities merged over a default set.
  json initialize(json extraCaps = json::object(), std::string rootUri = "file:///tmp");
  void open(const std::string& uri, const std::string& text, const std::string& languageId = "markdown", int version = 1);

  // The next publishDiagnostics for uri (with that version when given), not
  // one already consumed. Null on timeout.
  json diagnostics(const std::string& uri, std::optional<int64_t> version = std::nullopt, int timeoutMs = 5000);
  // The next notification of a method matching pred; null on timeout.
  json waitNotification(const std::string& method, int timeoutMs = 5000);
  // The first message received (response or notification, oldest first,
  // not yet consumed) for which pred holds; it is consumed. Null on timeout.
  json waitMatching(const std::function<bool(const json&)>& pred, int timeoutMs = 5000);
  // Every server->client request received so far (method, params).
  const std::vector<json>& serverRequests() const { return serverRequests_; }
  // Error responses with a null id received so far (parse errors), removed.
  std::vector<json> takeNullIdResponses();

  // shutdown + exit; returns the exit code (or -1 when it did not end).
  int shutdownAndExit();
  // Closes the server's input; returns the exit code.
  int closeInput();
  int exitCode();  // waits for the end

  json settings;

 private:
  std::optional<json> readMessage(int timeoutMs);
  void dispatch(json msg);

  Mode mode_;
  int toServer_ = -1, fromServer_ = -1;
  int pid_ = -1;
  std::thread thread_;
  int inProcessCode_ = -1;
  std::optional<int> code_;
  std::string buf_;
  int64_t nextId_ = 1;
  std::vector<json> notes_, responses_, serverRequests_;
};

// Applies LSP TextEdits (UTF-16 positions) to a text.
std::string applyTextEdits(const std::string& text, const json& edits);

}  // namespace cvlint::test
