// Content-Length framing of JSON-RPC messages (the LSP base protocol), kept
// apart from any I/O so that it can be fed byte by byte in tests.
//
// The decoder reads only the `Content-Length` header (others are ignored),
// caps a message at kMaxMessageBytes (a larger claim is refused before any
// memory is reserved for it) and resynchronises after garbage: a header block
// without a usable length is dropped, and the next `Content-Length:` found in
// the stream starts a message again.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cvlint::lsp {

constexpr size_t kMaxMessageBytes = size_t{64} << 20;  // 64 MiB
constexpr size_t kMaxHeaderBytes = size_t{64} << 10;   // a header block longer than this is garbage

struct Frame {
  enum class Kind { Message, Error } kind = Kind::Message;
  std::string body;   // Message: the JSON text
  std::string error;  // Error: what was wrong with the framing (for the log)
};

class FrameDecoder {
 public:
  explicit FrameDecoder(size_t maxBody = kMaxMessageBytes) : maxBody_(maxBody) {}

  // Appends bytes read from the stream.
  void feed(std::string_view bytes);
  // The next complete message or framing error; nullopt when more bytes are needed.
  std::optional<Frame> next();
  // Puts the part of a body that did not parse, from its first
  // `Content-Length:` on (or a start of one at its very end), back in front of
  // the stream: a message whose length was overstated swallowed the start of
  // the next one.
  void resyncFrom(std::string_view badBody);
  // Bytes buffered and not yet consumed.
  size_t buffered() const { return buf_.size() - pos_; }

 private:
  void compact();

  std::string buf_;
  size_t pos_ = 0;
  size_t maxBody_;
  std::optional<size_t> bodyBytes_;  // set while waiting for a body of that size
};

// Frames a JSON body: `Content-Length: N\r\n\r\n` + body.
std::string frameMessage(std::string_view body);

}  // namespace cvlint::lsp
