// The language server: Boost.Asio drives stdin (a posix stream descriptor)
// and timers on one I/O thread; one worker thread runs the engine. The I/O
// thread owns the lifecycle and the document store's writes; the worker owns
// the analysis cache and publishing. Output goes through one mutex and a
// synchronous write on the stdout stream descriptor (clangd's choice), so a
// message is always written whole, never interleaved, and the worker answers
// without a second thread hop. "Latest text wins": the worker always analyses
// the newest snapshot of a document, and a result for a version (or
// configuration) that is no longer current is dropped: the version is checked
// under the publish gate, which document changes also take, just before the
// diagnostics are written.
//
// Lifecycle per LSP 3.17: before `initialize` every request is answered
// ServerNotInitialized and notifications are dropped; after `shutdown` every
// request is InvalidRequest; `exit` ends with 0 after shutdown and 1 without;
// EOF on the input ends the server the same way (0 only after shutdown).
//
// The server never writes user files and never logs a CV's contents: log
// lines name methods, URIs and positions only.
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs it with GCC 12

#include <boost/asio.hpp>
#include <csignal>
#include <filesystem>
#include <future>
#include <iostream>
#include <set>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "documents.hpp"
#include "engine.hpp"
#include "features.hpp"
#include "exact_pages.hpp"
#include "jsonrpc.hpp"
#include "length/exact.hpp"
#include "keywords/hover.hpp"
#include "latency.hpp"
#include "protocol.hpp"
#include "report.hpp"
#include "server.hpp"
#include "transport.hpp"
#include "workspace.hpp"
#include "worker.hpp"

namespace cvlint {

namespace {

namespace asio = boost::asio;
namespace fs = std::filesystem;
using lsp::json;

class Server {
 public:
  Server(int inFd, int outFd) : in_(io_, inFd), out_(io_, outFd), configTimer_(io_) {
    boost::system::error_code ec;
    out_.non_blocking(true, ec);
    stopEvent_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    bindMethods();
  }
  ~Server() {
    if (stopEvent_ >= 0) ::close(stopEvent_);
  }

  int run() {
    readMore();
    io_.run();
    cancelAllCompiles();
    compiler_.stop();
    worker_.stop();
    lsp::latency::report();
    boost::system::error_code ec;
    out_.non_blocking(false, ec);
    in_.release();
    out_.release();
    return exitCode_ < 0 ? 1 : exitCode_;
  }

 private:
  enum class State { Uninitialized, Running, ShutDown };

  struct CacheEntry {
    int64_t version = 0;
    uint64_t generation = 0;
    std::shared_ptr<const AnalysisResult> result;
  };

  // ---- transport ---------------------------------------------------------

  void readMore() {
    in_.async_read_some(asio::buffer(readBuf_), [this](const boost::system::error_code& ec, size_t n) {
      if (n > 0) {
        lsp::latency::stamp(lsp::latency::Read);
        decoder_.feed(std::string_view(readBuf_.data(), n));
        while (!stopping_) {
          auto frame = decoder_.next();
          if (!frame) break;
          if (frame->kind == lsp::Frame::Kind::Error) log(2, "framing: " + frame->error);
          else handleBody(frame->body);
        }
      }
      if (stopping_) return;
      if (ec) {
        // EOF (or a read error): a clean end, exit code by the lifecycle.
        if (ec != asio::error::eof) log(1, "input error: " + ec.message());
        finish(state_ == State::ShutDown ? 0 : 1);
        return;
      }
      readMore();
    });
  }

  // Thread-safe: one whole message per call, under the write lock. The
  // descriptor is non-blocking and a full pipe is waited for with poll(),
  // together with the stop event, so a client that stops reading after
  // `exit` never leaves the worker stuck in write().
  void send(const json& msg) { sendFrame(lsp::frameMessage(msg.dump(-1, ' ', false, json::error_handler_t::replace))); }

  void sendFrame(const std::string& frame) {
    std::lock_guard lock(writeMutex_);
    if (writeFailed_ || closed_.load()) return;
    std::string_view rest = frame;
    while (!rest.empty()) {
      boost::system::error_code ec;
      size_t n = out_.write_some(asio::buffer(rest.data(), rest.size()), ec);
      if (ec == asio::error::would_block || ec == asio::error::try_again) {
        pollfd fds[2] = {{out_.native_handle(), POLLOUT, 0}, {stopEvent_, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR) ec = boost::system::error_code(errno, boost::system::system_category());
        else if (fds[1].revents) return;  // exiting: the rest is abandoned
        else continue;
      }
      if (ec) {
        writeFailed_ = true;
        std::cerr << "cvlint lsp: output error: " << ec.message() << "\n";
        asio::post(io_, [this] { finish(1); });
        return;
      }
      rest.remove_prefix(n);
    }
  }

  // Ends the server (every message sent so far is already written).
  void finish(int code) {
    if (exitCode_ < 0) exitCode_ = code;
    stopping_ = true;
    closed_ = true;
    uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(stopEvent_, &one, sizeof one);
    configTimer_.cancel();
    io_.stop();
  }

  void log(int type, const std::string& message) {
    std::cerr << "cvlint lsp: " << message << "\n";
    if (state_ != State::Uninitialized)
      send({{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", type}, {"message", message}}}});
  }

  void trace(const std::string& what) {
    if (trace_ == "off") return;
    send({{"jsonrpc", "2.0"}, {"method", "$/logTrace"}, {"params", {{"message", what}}}});
  }

  // ---- messages ------------------------------------------------------------

  void handleBody(const std::string& body) {
    json msg = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (msg.is_discarded()) {
      send(lsp::errorMessage(nullptr, lsp::err::ParseError, "parse error: the message body is not JSON"));
      decoder_.resyncFrom(body);
      return;
    }
    if (!msg.is_object()) {
      send(lsp::errorMessage(nullptr, lsp::err::InvalidRequest, "invalid request: a message must be a JSON object"));
      return;
    }
    auto idIt = msg.find("id");
    auto methodIt = msg.find("method");
    bool hasId = idIt != msg.end();
    if (hasId && !idIt->is_string() && !idIt->is_number_integer() && !idIt->is_null()) {
      send(lsp::errorMessage(nullptr, lsp::err::InvalidRequest, "invalid request: id must be a string or an integer"));
      return;
    }
    if (methodIt == msg.end()) {
      if (hasId && (msg.contains("result") || msg.contains("error"))) handleResponse(msg);
      else send(lsp::errorMessage(hasId ? *idIt : json(nullptr), lsp::err::InvalidRequest, "invalid request: no method"));
      return;
    }
    if (!methodIt->is_string()) {
      send(lsp::errorMessage(hasId ? *idIt : json(nullptr), lsp::err::InvalidRequest, "invalid request: method must be a string"));
      return;
    }
    const std::string method = methodIt->get<std::string>();
    static const json nullParams;
    auto pIt = msg.find("params");
    const json& params = pIt == msg.end() ? nullParams : *pIt;
    if (hasId) handleRequest(method, *idIt, params);
    else handleNotification(method, params);
  }

  void handleRequest(const std::string& method, const json& id, const json& params) {
    lsp::Responder reply(id, [this](json m) { send(m); });
    trace("received request '" + method + "' - (" + id.dump() + ")");
    if (state_ == State::Uninitialized && method != "initialize") {
      reply.error(lsp::err::ServerNotInitialized, "the server is not initialized: send initialize first");
      return;
    }
    if (state_ == State::ShutDown) {
      reply.error(lsp::err::InvalidRequest, "the server is shut down: only exit is accepted");
      return;
    }
    if (state_ == State::Running && method == "initialize") {
      reply.error(lsp::err::InvalidRequest, "initialize was already received");
      return;
    }
    dispatcher_.dispatchRequest(method, params, reply);
  }

  void handleNotification(const std::string& method, const json& params) {
    trace("received notification '" + method + "'");
    if (method == "exit") {
      finish(state_ == State::ShutDown ? 0 : 1);
      return;
    }
    if (state_ != State::Running) return;  // dropped before initialize and after shutdown
    dispatcher_.dispatchNotification(method, params);
  }

  void handleResponse(const json& msg) {
    if (!msg["id"].is_number_integer()) return;
    auto it = pending_.find(msg["id"].get<int64_t>());
    if (it == pending_.end()) return;
    auto fn = std::move(it->second);
    pending_.erase(it);
    static const json null;
    auto r = msg.find("result");
    fn(msg.contains("error") || r == msg.end() ? null : *r, msg.contains("error"));
  }

  // A request to the client; `done` runs on the I/O thread with the result.
  void requestClient(const std::string& method, json params, std::function<void(const json&, bool)> done) {
    int64_t id = nextClientId_++;
    pending_[id] = std::move(done);
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }

  // ---- the method table ------------------------------------------------------

  void bindMethods() {
    dispatcher_.log = [this](const std::string& m) { log(1, m); };
    bindCommands();
    dispatcher_.requestRaw("initialize", [this](const json& p, lsp::Responder r) { onInitialize(p, r); });
    dispatcher_.requestRaw("shutdown", [this](const json&, lsp::Responder r) {
      state_ = State::ShutDown;
      r.result(nullptr);
    });
    dispatcher_.notificationRaw("initialized", [this](const json&) { onInitialized(); });
    dispatcher_.notificationRaw("$/cancelRequest", [this](const json& p) { onCancel(p); });
    dispatcher_.notificationRaw("$/setTrace", [this](const json& p) {
      trace_ = lsp::stringAt(p, "params", "value");
    });
    dispatcher_.notification<lsp::DidOpenParams>("textDocument/didOpen", [this](lsp::DidOpenParams p) { onOpen(p); });
    dispatcher_.notification<lsp::DidChangeParams>("textDocument/didChange", [this](lsp::DidChangeParams p) { onChange(p); });
    dispatcher_.notification<lsp::DidCloseParams>("textDocument/didClose", [this](lsp::DidCloseParams p) { onClose(p); });
    dispatcher_.notification<lsp::DidSaveParams>("textDocument/didSave", [this](lsp::DidSaveParams p) {
      ++diskEpoch_;  // a save may make an unsaved file's disk twin appear
      if (!docs_.get(p.textDocument.uri)) return;
      scheduleLint(p.textDocument.uri);
      scheduleCompile(p.textDocument.uri);
    });
    dispatcher_.notificationRaw("workspace/didChangeConfiguration", [this](const json& p) { onConfigurationChange(p); });
    dispatcher_.notificationRaw("workspace/didChangeWatchedFiles", [this](const json&) {
      log(4, "watched files changed: re-linting open documents");
      relintAll();
    });

    // Features: each runs on the worker against the current text.
    featureRequest<lsp::TextDocumentPositionParams>("textDocument/hover", [this](const auto& p, const AnalysisResult& res) {
      return lsp::hoverResult(res, p.position, encoding_);
    }, nullptr);
    featureRequest<lsp::TextDocumentPositionParams>("textDocument/completion", [this](const auto& p, const AnalysisResult& res) {
      return lsp::completionResult(res, p.position, encoding_);
    }, json{{"isIncomplete", false}, {"items", json::array()}});
    featureRequest<lsp::CodeActionParams>("textDocument/codeAction", [this](const auto& p, const AnalysisResult& res) {
      return lsp::codeActionsResult(res, p, encoding_);
    }, json::array());
    featureRequest<lsp::DocumentParams>("textDocument/documentSymbol", [this](const auto& p, const AnalysisResult& res) {
      return lsp::documentSymbolsResult(res, encoding_, hierarchicalSymbols_, p.textDocument.uri);
    }, json::array());
    featureRequest<lsp::DocumentParams>("textDocument/codeLens", [](const auto&, const AnalysisResult& res) {
      return lsp::codeLensResult(res);
    }, json::array());
    featureRequest<lsp::DocumentParams>("textDocument/diagnostic", [this](const auto& p, const AnalysisResult& res) {
      // From the first pull of a document on, it is only pulled: what was
      // pushed for it before is cleared, so no diagnostic shows twice.
      const std::string& u = p.textDocument.uri;
      if (pulled_.insert(u).second && pushedNonEmpty_[u]) publish(u, std::nullopt, json::array());
      // The version analysed is the cache's (an edit may have come in since).
      auto c = cache_.find(u);
      int64_t version = c != cache_.end() && c->second.result.get() == &res ? c->second.version : -1;
      json items = lsp::diagnosticsByUri(res, encoding_, u)[u];
      if (version >= 0) addExactProblem(u, version, items);
      pulledSeen_[u] = {version, items.dump(-1, ' ', false, json::error_handler_t::replace)};
      return json{{"kind", "full"}, {"items", items}};
    }, json{{"kind", "full"}, {"items", json::array()}});
  }

  // workspace/executeCommand: `cvlint.keywordReport` [uri] -> the keywords
  // object of the JSON report (null when the document has none).
  void bindCommands() {
    dispatcher_.requestRaw("workspace/executeCommand", [this](const json& p, lsp::Responder reply) {
      lsp::requireObject(p, "params");
      std::string command = lsp::stringAt(p, "params", "command");
      if (command != "cvlint.keywordReport") {
        reply.error(lsp::err::InvalidParams, "params.command: unknown command '" + command + "'");
        return;
      }
      std::string uri;
      if (const json* args = lsp::optionalMember(p, "arguments"); args && args->is_array() && !args->empty()) {
        const json& a = (*args)[0];
        if (a.is_string()) uri = a.get<std::string>();
        else if (a.is_object() && a.contains("uri") && a["uri"].is_string()) uri = a["uri"].get<std::string>();
      }
      if (uri.empty()) {
        reply.error(lsp::err::InvalidParams, "params.arguments[0]: the document URI is required");
        return;
      }
      runOnWorker(reply, [this, uri]() -> json {
        auto snap = docs_.get(uri);
        if (!snap || isSupport(snap->path)) return nullptr;
        auto res = analysisFor(*snap, generation_.load(), settingsSnapshot());
        return keywordsJson(*res);
      });
    });
  }

  // Worker only: the status of a CV, after each publish for it.
  void sendStatus(const std::string& uri, int64_t version, const AnalysisResult& res) {
    json pages = nullptr, keywords = nullptr;
    if (res.pages.available)
      pages = {{"estimated", res.pages.estimated}, {"limit", res.pages.limit}, {"method", res.pages.method}};
    if (res.keywords && !res.keywords->matches.empty()) {
      json k = keywordsJson(res);
      keywords = {{"score", k.value("score", 0.0)}, {"job", k.contains("job") ? k["job"] : json(nullptr)}};
    }
    send({{"jsonrpc", "2.0"},
          {"method", "cvlint/status"},
          {"params", {{"uri", uri}, {"version", version}, {"pages", pages}, {"keywords", keywords}}}});
  }

  // A support file (.cvlint.json, an advert) is never linted as a CV.
  bool isSupport(const std::string& path) {
    if (lsp::isSupportFile(path)) return true;
    std::lock_guard lock(advertMutex_);
    return knownAdverts_.count(path) != 0;
  }

  // Worker only: hints on the open advert of this CV, for the keywords the CV lacks.
  void addAdvertHints(const AnalysisResult& res, std::map<std::string, json>& byUri) {
    if (!res.keywords || !res.keywords->fromAdvert || res.jobPath.empty()) return;
    std::string advertPath = fs::path(res.jobPath).lexically_normal().string();
    bool fresh;
    {
      std::lock_guard lock(advertMutex_);
      fresh = knownAdverts_.insert(advertPath).second;
    }
    std::string advertUri = lsp::uriFromPath(advertPath);
    auto snap = docs_.get(advertUri);
    if (fresh && snap) asio::post(io_, [this] { relintAll(); });  // an advert open before it was known as one
    if (!snap) return;
    SourceText text(snap->text);
    json diags = json::array();
    for (const AdvertHint& h : advertHints(*res.keywords))
      diags.push_back({{"range", rangeJson(text, h.range, encoding_)},
                       {"severity", 4},
                       {"code", "missing-keyword"},
                       {"source", "cvlint"},
                       {"message", h.message}});
    byUri[advertUri] = std::move(diags);
  }

  // Binds a request that needs the analysis of one open document; `empty` is
  // the answer for a document that is not open.
  template <class P, class Fn>
  void featureRequest(const std::string& method, Fn fn, json empty) {
    dispatcher_.request<P>(method, [this, fn, empty, method](P p, lsp::Responder reply) {
      std::string uri = p.textDocument.uri;
      runOnWorker(reply, [this, fn, empty, p = std::move(p), uri]() -> json {
        auto snap = docs_.get(uri);
        if (!snap || isSupport(snap->path)) return empty;
        auto res = analysisFor(*snap, generation_.load(), settingsSnapshot());
        return fn(p, *res);
      });
    });
  }

  void runOnWorker(lsp::Responder reply, std::function<json()> fn) {
    std::string key = reply.id().dump();
    {
      std::lock_guard lock(cancelMutex_);
      inFlight_.insert(key);
    }
    worker_.post([this, reply, fn = std::move(fn), key] {
      auto cancelled = [&] {
        std::lock_guard lock(cancelMutex_);
        return cancelled_.count(key) != 0;
      };
      try {
        if (cancelled()) {
          reply.error(lsp::err::RequestCancelled, "request cancelled");
        } else {
          json result = fn();
          if (cancelled()) reply.error(lsp::err::RequestCancelled, "request cancelled");
          else reply.result(std::move(result));
        }
      } catch (const std::exception& e) {
        log(1, std::string("internal error: ") + e.what());
        reply.error(lsp::err::InternalError, std::string("internal error: ") + e.what());
      }
      std::lock_guard lock(cancelMutex_);
      inFlight_.erase(key);
      cancelled_.erase(key);
    });
  }

  void onCancel(const json& p) {
    const json& id = lsp::member(p, "params", "id");
    std::string key = id.dump();
    std::lock_guard lock(cancelMutex_);
    if (inFlight_.count(key)) cancelled_.insert(key);
  }

  // ---- lifecycle -------------------------------------------------------------

  static const json* path(const json& j, std::initializer_list<const char*> keys) {
    const json* cur = &j;
    for (const char* k : keys) {
      cur = lsp::optionalMember(*cur, k);
      if (!cur) return nullptr;
    }
    return cur;
  }

  void onInitialize(const json& p, lsp::Responder reply) {
    lsp::requireObject(p, "params");
    const json& caps = lsp::member(p, "params", "capabilities");
    lsp::requireObject(caps, "params.capabilities");
    std::string enc = "utf-16";
    if (const json* encs = path(caps, {"general", "positionEncodings"}); encs && encs->is_array()) {
      for (const json& e : *encs) {
        if (e == "utf-8" || e == "utf-16" || e == "utf-32") {
          enc = e.get<std::string>();
          break;
        }
      }
    }
    encoding_ = enc == "utf-8" ? Encoding::Utf8 : enc == "utf-32" ? Encoding::Utf32 : Encoding::Utf16;
    auto flag = [&](std::initializer_list<const char*> keys) {
      const json* v = path(caps, keys);
      return v && v->is_boolean() && v->get<bool>();
    };
    pullDiagnostics_ = path(caps, {"textDocument", "diagnostic"}) != nullptr;
    configurationPull_ = flag({"workspace", "configuration"});
    refreshSupport_ = flag({"workspace", "diagnostics", "refreshSupport"});
    workDoneProgress_ = flag({"window", "workDoneProgress"});
    watchRegistration_ = flag({"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
    hierarchicalSymbols_ = flag({"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
    if (const json* folders = lsp::optionalMember(p, "workspaceFolders"); folders && folders->is_array()) {
      for (const json& f : *folders)
        if (const json* u = lsp::optionalMember(f, "uri"); u && u->is_string())
          if (auto dir = lsp::pathFromUri(u->get<std::string>()); !dir.empty()) roots_.push_back(dir);
    }
    if (roots_.empty()) {
      if (const json* u = lsp::optionalMember(p, "rootUri"); u && u->is_string()) {
        if (auto dir = lsp::pathFromUri(u->get<std::string>()); !dir.empty()) roots_.push_back(dir);
      } else if (const json* rp = lsp::optionalMember(p, "rootPath"); rp && rp->is_string() && !rp->get<std::string>().empty()) {
        roots_.push_back(rp->get<std::string>());
      }
    }
    if (const json* t = lsp::optionalMember(p, "trace"); t && t->is_string()) trace_ = t->get<std::string>();
    if (const json* opts = lsp::optionalMember(p, "initializationOptions"); opts && opts->is_object()) {
      if (const json* s = lsp::optionalMember(*opts, "settings"); s && s->is_object()) setSettings(*s);
    }

    json capabilities = {
        {"positionEncoding", enc},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"hoverProvider", true},
        {"completionProvider", {{"resolveProvider", false}, {"triggerCharacters", json::array()}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.cvlint"}}, {"resolveProvider", false}}},
        {"documentSymbolProvider", true},
        {"codeLensProvider", {{"resolveProvider", false}}},
        {"executeCommandProvider", {{"commands", {"cvlint.keywordReport"}}}},
        {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", false}}}}},
    };
    if (pullDiagnostics_)
      capabilities["diagnosticProvider"] = {{"identifier", "cvlint"}, {"interFileDependencies", true}, {"workspaceDiagnostics", false}};
    state_ = State::Running;
    // The engine's static tables are built on the worker while the client
    // reads this answer and opens its first document.
    worker_.post([] { warmUpEngine(); });
    reply.result({{"capabilities", capabilities}, {"serverInfo", {{"name", "cvlint"}, {"version", "0.1.0"}}}});
  }

  void onInitialized() {
    if (configurationPull_) pullConfiguration();
    if (watchRegistration_) registerWatchers();
  }

  // ---- configuration -----------------------------------------------------------

  void setSettings(const json& s) {
    {
      std::lock_guard lock(settingsMutex_);
      settings_ = std::make_shared<const json>(s.is_object() ? s : json::object());
    }
    Config probe;
    std::vector<ConfigError> errors;
    if (s.is_object()) mergeConfigJson(probe, s.dump(), errors);
    for (const ConfigError& e : errors) log(2, "settings: cvlint." + e.key + ": " + e.message);
  }

  std::shared_ptr<const json> settingsSnapshot() const {
    std::lock_guard lock(settingsMutex_);
    return settings_;
  }

  void pullConfiguration() {
    configPending_ = true;
    uint64_t ticket = ++configTicket_;
    requestClient("workspace/configuration", {{"items", json::array({{{"section", "cvlint"}}})}},
                  [this, ticket](const json& result, bool error) {
                    if (ticket != configTicket_) return;
                    if (!error && result.is_array() && !result.empty()) {
                      std::lock_guard lock(settingsMutex_);
                      settings_ = std::make_shared<const json>(result[0].is_object() ? result[0] : json::object());
                    }
                    if (auto s = settingsSnapshot()) {
                      Config probe;
                      std::vector<ConfigError> errors;
                      mergeConfigJson(probe, s->dump(), errors);
                      for (const ConfigError& e : errors) log(2, "settings: cvlint." + e.key + ": " + e.message);
                    }
                    configPending_ = false;
                    if (watchRegistration_ && registered_) registerWatchers();  // the advert may have moved
                    relintAll();
                  });
    // A client that never answers does not hold diagnostics back for long.
    configTimer_.expires_after(std::chrono::seconds(2));
    configTimer_.async_wait([this, ticket](const boost::system::error_code& ec) {
      if (ec || ticket != configTicket_ || !configPending_) return;
      log(2, "workspace/configuration not answered in 2 s: using defaults");
      configPending_ = false;
      relintAll();
    });
  }

  void onConfigurationChange(const json& p) {
    if (configurationPull_) {
      pullConfiguration();
      return;
    }
    if (const json* s = path(p, {"settings", "cvlint"})) {
      std::lock_guard lock(settingsMutex_);
      settings_ = std::make_shared<const json>(s->is_object() ? *s : json::object());
    }
    relintAll();
  }

  void registerWatchers() {
    json watchers = json::array({{{"globPattern", "**/.cvlint.json"}}, {{"globPattern", "**/*.job.md"}},
                                 {{"globPattern", "**/*.job.txt"}}});
    auto s = settingsSnapshot();
    if (s && s->contains("job") && (*s)["job"].is_string() && !(*s)["job"].get<std::string>().empty())
      watchers.push_back({{"globPattern", "**/" + fs::path((*s)["job"].get<std::string>()).filename().string()}});
    json reg = {{"id", "cvlint-watch-" + std::to_string(++watchRegistrations_)},
                {"method", "workspace/didChangeWatchedFiles"},
                {"registerOptions", {{"watchers", watchers}}}};
    if (registered_) {
      json unreg = {{"unregisterations", json::array({{{"id", "cvlint-watch-" + std::to_string(watchRegistrations_ - 1)},
                                                       {"method", "workspace/didChangeWatchedFiles"}}})}};
      requestClient("client/unregisterCapability", unreg, [](const json&, bool) {});
    }
    registered_ = true;
    requestClient("client/registerCapability", {{"registrations", json::array({reg})}}, [](const json&, bool) {});
  }

  // ---- documents -----------------------------------------------------------------

  void onOpen(const lsp::DidOpenParams& p) {
    const auto& td = p.textDocument;
    std::string path = lsp::pathFromUri(td.uri);
    {
      std::lock_guard gate(publishMutex_);
      docs_.open(td.uri, path, td.languageId, td.version, td.text);
    }
    ++diskEpoch_;
    if (isSupport(path)) relintAll();
    else scheduleLint(td.uri);
  }

  void onChange(const lsp::DidChangeParams& p) {
    lsp::latency::stamp(lsp::latency::Parsed);
    std::vector<std::string> problems;
    bool changed;
    {
      std::lock_guard gate(publishMutex_);
      changed = docs_.change(p.textDocument.uri, p.textDocument.version, p.contentChanges, encoding_, problems);
    }
    lsp::latency::stamp(lsp::latency::Applied);
    if (!changed) {
      log(2, "textDocument/didChange for a document that is not open: " + p.textDocument.uri);
      return;
    }
    for (const std::string& pr : problems) log(2, "textDocument/didChange " + p.textDocument.uri + ": " + pr);
    cancelCompile(p.textDocument.uri);
    auto snap = docs_.get(p.textDocument.uri);
    if (snap && isSupport(snap->path)) relintAll();
    else scheduleLint(p.textDocument.uri);
  }

  void onClose(const lsp::DidCloseParams& p) {
    const std::string& uri = p.textDocument.uri;
    auto snap = docs_.get(uri);
    {
      std::lock_guard gate(publishMutex_);
      if (!docs_.close(uri)) return;
    }
    ++diskEpoch_;
    cancelCompile(uri);
    // After any lint of it still queued (which will find it closed): clear
    // what was published for it.
    worker_.post([this, uri] {
      cache_.erase(uri);
      lastPublished_.erase(uri);
      pulled_.erase(uri);
      pulledSeen_.erase(uri);
      pushedNonEmpty_.erase(uri);
      for (const std::string& u : extraUris_[uri]) publish(u, std::nullopt, json::array());
      extraUris_.erase(uri);
      publish(uri, std::nullopt, json::array());
    });
    if (snap && isSupport(snap->path)) relintAll();
  }

  void relintAll() {
    ++diskEpoch_;
    {
      std::lock_guard gate(publishMutex_);
      ++generation_;
    }
    for (const auto& doc : docs_.all()) scheduleLint(doc->uri);
  }

  void scheduleLint(const std::string& uri) {
    if (configPending_) return;  // relintAll() runs when the settings arrive
    uint64_t gen = generation_.load();
    auto settings = settingsSnapshot();
    worker_.post([this, uri, gen, settings] {
      lsp::latency::stamp(lsp::latency::Started);
      auto snap = docs_.get(uri);
      if (!snap || gen != generation_.load()) return;  // closed, or a newer configuration is queued
      if (isSupport(snap->path)) return;
      std::map<std::string, json> byUri;  // other files than this one (inputs, the advert)
      std::string items;                   // this one's, as JSON text
      std::shared_ptr<const AnalysisResult> res;
      try {
        res = analysisFor(*snap, gen, settings);
        byUri = lsp::diagnosticsByUri(*res, encoding_, uri, items);
        addAdvertHints(*res, byUri);
        json exact = json::array();
        addExactProblem(uri, snap->version, exact);
        for (const json& d : exact) (items.empty() ? items : items += ',') += d.dump(-1, ' ', false, json::error_handler_t::replace);
      } catch (const std::exception& e) {
        log(1, std::string("analysis failed: ") + e.what());
        return;
      }
      int64_t version = snap->version;
      auto key = std::make_pair(version, gen);
      if (auto it = lastPublished_.find(uri); it != lastPublished_.end() && it->second == key) return;
      {
        std::lock_guard gate(publishMutex_);
        auto cur = docs_.get(uri);
        if (!cur || cur->version != version || gen != generation_.load()) return;  // outdated: dropped
      }
      // Current when checked. The gate is not held across the writes: the
      // client, woken by the first, may preempt this thread on its core, and
      // its next didChange would wait for the gate (30 us a keystroke in the
      // latency check). A change arriving during the write is no different
      // from one still in the pipe: the version tells the client.
      lastPublished_[uri] = key;
      std::set<std::string> extras;
      for (auto& [u, diags] : byUri) {
        if (u == uri) continue;
        extras.insert(u);
        if (!pulled_.count(u)) publish(u, std::nullopt, std::move(diags));
      }
      for (const std::string& old : extraUris_[uri])
        if (!extras.count(old) && !pulled_.count(old)) publish(old, std::nullopt, json::array());
      extraUris_[uri] = std::move(extras);
      if (pulled_.count(uri)) {
        // The client pulls this document: never pushed to. It pulls again by
        // itself after its own edits (a newer version than it pulled: no
        // refresh). A change it cannot see (the advert, the settings, a
        // measured page count) that alters the diagnostics of the version it
        // pulled asks it to, once.
        auto seen = pulledSeen_.find(uri);
        if (refreshSupport_ && seen != pulledSeen_.end() && seen->second.first == version &&
            seen->second.second != "[" + items + "]") {
          seen->second.second = "[" + items + "]";
          asio::post(io_, [this] { requestClient("workspace/diagnostic/refresh", nullptr, [](const json&, bool) {}); });
        }
      } else {
        pushedNonEmpty_[uri] = !items.empty();
        publishItems(uri, version, items);
      }
      sendStatus(uri, version, *res);
    });
    lsp::latency::stamp(lsp::latency::Posted);
  }

  // Worker thread only: a bad .cvlint.json is a diagnostic on that file
  // (naming the key), published when its problems change.
  void publishConfigProblems(const std::string& path, const std::vector<ConfigError>& errors) {
    json diags = json::array();
    for (const ConfigError& e : errors)
      diags.push_back({{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
                       {"severity", 1},
                       {"code", "config"},
                       {"source", "cvlint"},
                       {"message", (e.key.empty() ? std::string() : "`" + e.key + "`: ") + e.message}});
    std::string dump = diags.dump();
    auto it = configProblems_.find(path);
    if (it != configProblems_.end() ? it->second == dump : errors.empty()) return;
    configProblems_[path] = dump;
    publish(lsp::uriFromPath(path), std::nullopt, std::move(diags));
  }

  // The keystroke path: the diagnostics of a version as JSON text (see
  // lsp::diagnosticsByUri), framed without building a JSON tree.
  void publishItems(const std::string& uri, int64_t version, const std::string& items) {
    std::string body;
    body.reserve(items.size() + uri.size() + 128);
    body += "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"diagnostics\":[";
    body += items;
    body += "],\"uri\":";
    appendJsonString(body, uri);
    body += ",\"version\":";
    body += std::to_string(version);
    body += "}}";
    std::string frame = lsp::frameMessage(body);
    lsp::latency::stamp(lsp::latency::Built);
    sendFrame(frame);
    lsp::latency::stamp(lsp::latency::Written);
    lsp::latency::commit();
  }

  void publish(const std::string& uri, std::optional<int64_t> version, json diagnostics) {
    json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
    if (version) params["version"] = *version;
    json msg = {{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", std::move(params)}};
    send(msg);
  }

  // Worker thread only: the analysis of a snapshot, cached per version and
  // configuration generation.
  std::shared_ptr<const AnalysisResult> analysisFor(const lsp::DocumentSnapshot& snap, uint64_t gen,
                                                    const std::shared_ptr<const json>& settings) {
    auto it = cache_.find(snap.uri);
    if (it != cache_.end() && it->second.version == snap.version && it->second.generation == gen) return it->second.result;
    AnalysisRequest req;
    req.path = snap.path.empty() ? snap.uri : snap.path;
    req.text = snap.text;
    req.format = lsp::formatFor(snap);
    refreshDiskMemory();
    req.config = configFor(snap, gen, settings);
    req.files = snap.path.empty() ? nullptr : &filesFor(snap);
    lsp::latency::stamp(lsp::latency::Configured);
    auto res = std::make_shared<const AnalysisResult>(analyze(req));
    lsp::latency::stamp(lsp::latency::Analysed);
    if (auto m = measuredFor(snap.uri, snap.version); m && m->model) res = lsp::withMeasuredPages(*res, m->model);
    cache_[snap.uri] = {snap.version, gen, res};
    return res;
  }

  // Worker only: what the disk said is forgotten after an event that may
  // have changed it (diskEpoch_, bumped on the I/O thread) and after
  // WorkspaceFiles::kDiskMemory at most.
  void refreshDiskMemory() {
    auto now = std::chrono::steady_clock::now();
    uint64_t epoch = diskEpoch_.load();
    if (epoch == seenDiskEpoch_ && now - diskSince_ < lsp::WorkspaceFiles::kDiskMemory) return;
    for (auto& [dir, files] : files_) files->forget();
    configs_.clear();
    seenDiskEpoch_ = epoch;
    diskSince_ = now;
  }

  // Worker only: the files of a document's workspace (one provider for all
  // documents when there are workspace folders, else one per folder).
  lsp::WorkspaceFiles& filesFor(const lsp::DocumentSnapshot& snap) {
    std::string key = roots_.empty() ? fs::path(snap.path).parent_path().string() : std::string();
    auto& slot = files_[key];
    if (!slot) slot = std::make_unique<lsp::WorkspaceFiles>(docs_, roots_, key);
    return *slot;
  }

  // Worker only: the merged configuration of a document, found again only
  // when the settings, a support file or the disk may have changed.
  Config configFor(const lsp::DocumentSnapshot& snap, uint64_t gen, const std::shared_ptr<const json>& settings) {
    auto it = configs_.find(snap.uri);
    if (it != configs_.end() && it->second.generation == gen && it->second.settings == settings &&
        it->second.path == snap.path)
      return it->second.config;
    std::pair<std::string, std::vector<ConfigError>> problems;
    Config cfg = lsp::workspaceConfig(docs_, roots_, snap, settings.get(), problems);
    if (!problems.first.empty()) publishConfigProblems(problems.first, problems.second);
    configs_[snap.uri] = {gen, settings, snap.path, cfg};
    return cfg;
  }

  // ---- the exact page count (on save, in the background) -------------------------

  struct Measured {
    int64_t version = 0;
    std::shared_ptr<const PageEstimate> model;  // null when the compile failed
    std::string error;
  };

  std::optional<Measured> measuredFor(const std::string& uri, int64_t version) {
    std::lock_guard lock(exactMutex_);
    auto it = measured_.find(uri);
    if (it == measured_.end() || it->second.version != version) return std::nullopt;
    return it->second;
  }

  // A failed compile of this version: one diagnostic at the top, with the first TeX error.
  void addExactProblem(const std::string& uri, int64_t version, json& diags) {
    auto m = measuredFor(uri, version);
    if (!m || m->model || m->error.empty()) return;
    diags.push_back({{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
                     {"severity", 2},
                     {"code", "page-overflow"},
                     {"source", "cvlint"},
                     {"message", lsp::exactFailureMessage(m->error)}});
  }

  void cancelCompile(const std::string& uri) {
    std::lock_guard lock(exactMutex_);
    if (auto it = compileCancel_.find(uri); it != compileCancel_.end()) {
      it->second->store(true);
      compileCancel_.erase(it);
    }
  }

  void cancelAllCompiles() {
    std::lock_guard lock(exactMutex_);
    for (auto& [u, flag] : compileCancel_) flag->store(true);
    compileCancel_.clear();
  }

  // I/O thread: on didSave. The worker decides (exactPages is in the merged
  // config); the compile runs on its own thread, never the keystroke path.
  void scheduleCompile(const std::string& uri) {
    cancelCompile(uri);
    if (configPending_) return;
    uint64_t gen = generation_.load();
    auto settings = settingsSnapshot();
    worker_.post([this, uri, gen, settings] {
      auto snap = docs_.get(uri);
      if (!snap || snap->path.empty() || isSupport(snap->path)) return;
      std::shared_ptr<const AnalysisResult> res;
      try {
        res = analysisFor(*snap, gen, settings);
      } catch (const std::exception&) {
        return;
      }
      if (!res->config.exactPages || !res->doc) return;
      if (auto m = measuredFor(uri, snap->version)) return;  // this version is measured already
      Format format = res->doc->format;
      if (!exactAvailable(format)) {
        if (!exactUnavailableLogged_) log(2, "exactPages is on but no TeX engine (or pandoc, for Markdown) is installed: the page count stays an estimate");
        exactUnavailableLogged_ = true;
        return;
      }
      auto cancel = std::make_shared<std::atomic<bool>>(false);
      {
        std::lock_guard lock(exactMutex_);
        if (auto it = compileCancel_.find(uri); it != compileCancel_.end()) it->second->store(true);
        compileCancel_[uri] = cancel;
      }
      compiler_.post([this, uri, snap, res, cancel] { compile(uri, *snap, res, cancel); });
    });
  }

  // Compile thread.
  void compile(const std::string& uri, const lsp::DocumentSnapshot& snap, std::shared_ptr<const AnalysisResult> res,
               std::shared_ptr<std::atomic<bool>> cancel) {
    if (cancel->load()) return;
    std::string token = "cvlint-exact-" + std::to_string(++progressTokens_);
    bool progress = false;
    if (workDoneProgress_) {
      auto created = std::make_shared<std::promise<bool>>();
      auto fut = created->get_future();
      asio::post(io_, [this, token, created] {
        requestClient("window/workDoneProgress/create", {{"token", token}},
                      [created](const json&, bool error) { created->set_value(!error); });
      });
      progress = fut.wait_for(std::chrono::seconds(2)) == std::future_status::ready && fut.get();
    }
    auto sendProgress = [&](json value) {
      if (progress) send({{"jsonrpc", "2.0"}, {"method", "$/progress"}, {"params", {{"token", token}, {"value", std::move(value)}}}});
    };
    sendProgress({{"kind", "begin"}, {"title", "cvlint: exact page count"}, {"cancellable", false},
                  {"message", fs::path(snap.path).filename().string()}});
    MeasureOptions opts;
    opts.cancel = cancel.get();
    opts.progress = [&](const std::string& msg) { sendProgress({{"kind", "report"}, {"message", msg}}); };
    MeasureResult m = measurePages(snap.path, snap.text, res->doc->format, res->config, opts);
    if (m.cancelled || cancel->load()) {
      sendProgress({{"kind", "end"}, {"message", "cancelled: the document changed"}});
      return;
    }
    Measured out;
    out.version = snap.version;
    if (m.ok) {
      out.model = measuredEstimate(m, *res->doc);
      if (!out.model) out.error = "the compile produced no page count";
    } else {
      out.error = m.timedOut ? "the compile timed out" + (m.error.empty() ? std::string() : ": " + m.error)
                             : (m.error.empty() ? std::string("the compile failed") : m.error);
    }
    if (out.model) log(3, lsp::estimateErrorLog(uri, res->pages.estimated, m.pages, m.engine, m.seconds));
    else log(2, "exact pages: " + uri + ": " + out.error);
    sendProgress({{"kind", "end"}, {"message", out.model ? std::to_string(m.pages) + " pages (measured)" : "failed"}});
    {
      std::lock_guard lock(exactMutex_);
      if (cancel->load()) return;
      measured_[uri] = std::move(out);
      if (auto it = compileCancel_.find(uri); it != compileCancel_.end() && it->second == cancel) compileCancel_.erase(it);
    }
    // Re-publish this version with the measurement (the cached estimate is dropped).
    asio::post(io_, [this, uri] {
      worker_.post([this, uri] {
        cache_.erase(uri);
        lastPublished_.erase(uri);
      });
      scheduleLint(uri);
    });
  }

  // ---- state ------------------------------------------------------------------

  asio::io_context io_{1};
  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
  asio::steady_timer configTimer_;
  lsp::Worker worker_;  // last of the threads' users: stopped in run()
  lsp::Worker compiler_{0};  // exact page counts, one compile at a time
  std::array<char, 1 << 16> readBuf_{};
  lsp::FrameDecoder decoder_;
  std::mutex writeMutex_;   // one message at a time on the output
  std::mutex publishMutex_; // the publish gate: document changes vs publishing
  bool writeFailed_ = false;
  std::atomic<bool> closed_{false};  // after exit: nothing more is written
  int stopEvent_ = -1;               // signalled by finish(), wakes a writer waiting on a full pipe
  bool stopping_ = false;
  int exitCode_ = -1;

  lsp::Dispatcher dispatcher_;
  lsp::DocumentStore docs_;
  std::atomic<State> state_{State::Uninitialized};  // read by log() on the worker
  Encoding encoding_ = Encoding::Utf16;  // set once by initialize, read by the worker after
  std::vector<std::string> roots_;       // likewise
  bool pullDiagnostics_ = false, configurationPull_ = false, watchRegistration_ = false;
  bool hierarchicalSymbols_ = false, registered_ = false, refreshSupport_ = false, workDoneProgress_ = false;
  int watchRegistrations_ = 0;
  std::string trace_ = "off";

  mutable std::mutex settingsMutex_;
  std::shared_ptr<const json> settings_;
  bool configPending_ = false;
  uint64_t configTicket_ = 0;
  std::atomic<uint64_t> generation_{0};
  std::atomic<uint64_t> diskEpoch_{0};  // bumped when the disk may have changed (see refreshDiskMemory)

  int64_t nextClientId_ = 1;
  std::map<int64_t, std::function<void(const json&, bool)>> pending_;

  std::mutex cancelMutex_;
  std::set<std::string> inFlight_, cancelled_;

  // Worker only:
  std::map<std::string, std::pair<int64_t, uint64_t>> lastPublished_;  // uri -> (version, generation)
  std::map<std::string, std::set<std::string>> extraUris_;              // uri -> included files published
  std::map<std::string, CacheEntry> cache_;
  struct ConfigEntry {
    uint64_t generation = 0;
    std::shared_ptr<const json> settings;
    std::string path;
    Config config;
  };
  std::map<std::string, ConfigEntry> configs_;                        // uri -> its merged configuration
  std::map<std::string, std::unique_ptr<lsp::WorkspaceFiles>> files_;  // folder ("" with roots) -> files
  uint64_t seenDiskEpoch_ = 0;
  std::chrono::steady_clock::time_point diskSince_{};
  std::set<std::string> pulled_;                 // documents the client has pulled diagnostics for
  std::map<std::string, bool> pushedNonEmpty_;   // uri -> the last push had diagnostics
  std::map<std::string, std::pair<int64_t, std::string>> pulledSeen_;  // uri -> (version, items) it last pulled
  std::mutex advertMutex_;
  std::mutex exactMutex_;
  std::map<std::string, Measured> measured_;                              // uri -> the last measurement
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> compileCancel_;  // uri -> the running compile's flag
  std::atomic<int> progressTokens_{0};
  bool exactUnavailableLogged_ = false;  // worker only
  std::set<std::string> knownAdverts_;           // advert paths the open CVs use (any name)
  std::map<std::string, std::string> configProblems_;  // .cvlint.json path -> diagnostics published
};

}  // namespace

int serveLanguageServer(int inFd, int outFd) {
  std::signal(SIGPIPE, SIG_IGN);
  Server server(inFd, outFd);
  return server.run();
}

int runLanguageServer() { return serveLanguageServer(STDIN_FILENO, STDOUT_FILENO); }

}  // namespace cvlint
