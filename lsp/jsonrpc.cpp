// The JSON-RPC method table and responders; see jsonrpc.hpp.
#include "jsonrpc.hpp"

namespace cvlint::lsp {

Responder::Responder(json id, SendFn send) : state_(std::make_shared<State>()) {
  state_->id = std::move(id);
  state_->send = std::move(send);
}

void Responder::result(json value) const {
  if (!state_ || state_->done.exchange(true)) return;
  state_->send(json{{"jsonrpc", "2.0"}, {"id", state_->id}, {"result", std::move(value)}});
}

void Responder::error(int code, const std::string& message) const {
  if (!state_ || state_->done.exchange(true)) return;
  state_->send(errorMessage(state_->id, code, message));
}

const json& Responder::id() const {
  static const json null;
  return state_ ? state_->id : null;
}

bool Responder::answered() const { return state_ && state_->done.load(); }

json errorMessage(const json& id, int code, const std::string& message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

void Dispatcher::dispatchRequest(const std::string& method, const json& params, Responder reply) const {
  auto it = requests_.find(method);
  if (it == requests_.end()) {
    reply.error(err::MethodNotFound, "method not found: " + method);
    return;
  }
  try {
    it->second(params, reply);
  } catch (const ParamError& e) {
    reply.error(err::InvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    if (log) log("internal error in " + method + ": " + e.what());
    reply.error(err::InternalError, "internal error in " + method + ": " + e.what());
  }
}

void Dispatcher::dispatchNotification(const std::string& method, const json& params) const {
  auto it = notifications_.find(method);
  if (it == notifications_.end()) return;
  try {
    it->second(params);
  } catch (const ParamError& e) {
    if (log) log(method + ": invalid params: " + e.what());
  } catch (const std::exception& e) {
    if (log) log("internal error in " + method + ": " + e.what());
  }
}

}  // namespace cvlint::lsp
