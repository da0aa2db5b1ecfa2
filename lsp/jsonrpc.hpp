// JSON-RPC 2.0 method table: one bind list (in server.cpp), each method bound
// to one typed handler. Params are decoded with protocol.hpp's fromJson; a bad
// field becomes InvalidParams naming its JSON path, an unknown request
// MethodNotFound, an unknown notification is ignored, and any exception in a
// handler becomes InternalError while the server keeps serving.
//
// A request's answer goes through a Responder, which may be moved to another
// thread (the analysis worker) and answers exactly once.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "protocol.hpp"

namespace cvlint::lsp {

// Sends one JSON-RPC message (thread-safe: the server posts it to its I/O thread).
using SendFn = std::function<void(json)>;

class Responder {
 public:
  Responder() = default;
  Responder(json id, SendFn send);
  void result(json value) const;
  void error(int code, const std::string& message) const;
  const json& id() const;
  bool answered() const;

 private:
  struct State {
    json id;
    SendFn send;
    std::atomic<bool> done{false};
  };
  std::shared_ptr<State> state_;
};

// The JSON-RPC error response for an id (null when unknown).
json errorMessage(const json& id, int code, const std::string& message);

class Dispatcher {
 public:
  using RequestFn = std::function<void(const json& params, Responder reply)>;
  using NotifyFn = std::function<void(const json& params)>;
  // Called with a message for the log (bad params of a notification, a
  // handler's exception); never with document contents.
  std::function<void(const std::string&)> log;

  void requestRaw(const std::string& method, RequestFn fn) { requests_[method] = std::move(fn); }
  void notificationRaw(const std::string& method, NotifyFn fn) { notifications_[method] = std::move(fn); }

  template <class P>
  void request(const std::string& method, std::function<void(P, Responder)> fn) {
    requests_[method] = [fn = std::move(fn)](const json& params, Responder reply) {
      P p;
      fromJson(params, "params", p);
      fn(std::move(p), std::move(reply));
    };
  }
  template <class P>
  void notification(const std::string& method, std::function<void(P)> fn) {
    notifications_[method] = [fn = std::move(fn)](const json& params) {
      P p;
      fromJson(params, "params", p);
      fn(std::move(p));
    };
  }

  bool knowsRequest(const std::string& method) const { return requests_.count(method) != 0; }

  // Runs the handler of a request (answering MethodNotFound, InvalidParams or
  // InternalError itself when it must).
  void dispatchRequest(const std::string& method, const json& params, Responder reply) const;
  // Runs the handler of a notification; unknown ones are ignored.
  void dispatchNotification(const std::string& method, const json& params) const;

 private:
  std::map<std::string, RequestFn> requests_;
  std::map<std::string, NotifyFn> notifications_;
};

}  // namespace cvlint::lsp
