// Content-Length framing: whole messages, messages split at every byte,
// garbage, bad and missing headers, a gigabyte claim refused without
// allocating it, and resynchronisation at the next header.
#include <catch2/catch_test_macros.hpp>

#include "transport.hpp"

using namespace cvlint::lsp;

namespace {

std::vector<Frame> drain(FrameDecoder& d) {
  std::vector<Frame> out;
  while (auto f = d.next()) out.push_back(*f);
  return out;
}

std::vector<std::string> bodies(const std::vector<Frame>& frames) {
  std::vector<std::string> out;
  for (const Frame& f : frames)
    if (f.kind == Frame::Kind::Message) out.push_back(f.body);
  return out;
}

size_t errors(const std::vector<Frame>& frames) {
  size_t n = 0;
  for (const Frame& f : frames) n += f.kind == Frame::Kind::Error;
  return n;
}

}  // namespace

TEST_CASE("framing: a message and its frame round-trip") {
  FrameDecoder d;
  d.feed(frameMessage(R"({"a":1})") + frameMessage("{}"));
  auto frames = drain(d);
  CHECK(bodies(frames) == std::vector<std::string>{R"({"a":1})", "{}"});
  CHECK(errors(frames) == 0);
  CHECK(d.buffered() == 0);
}

TEST_CASE("framing: messages split at every byte arrive whole") {
  std::string stream = frameMessage(R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"t":"é😂"}})") +
                       "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + frameMessage("[1,2]");
  // Insert a Content-Type header on the second message: headers other than Content-Length are ignored.
  FrameDecoder d;
  std::vector<Frame> frames;
  for (char c : stream) {
    d.feed(std::string_view(&c, 1));
    for (auto& f : drain(d)) frames.push_back(f);
  }
  REQUIRE(bodies(frames).size() == 2);
  CHECK(bodies(frames)[0] == R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"t":"é😂"}})");
  CHECK(bodies(frames)[1] == "[1,2]");
  CHECK(errors(frames) == 0);
}

TEST_CASE("framing: header names are case-insensitive") {
  FrameDecoder d;
  d.feed("content-length: 2\r\n\r\n{}");
  CHECK(bodies(drain(d)) == std::vector<std::string>{"{}"});
}

TEST_CASE("framing: a header without Content-Length is reported and skipped") {
  FrameDecoder d;
  d.feed("Content-Type: x\r\n\r\n" + frameMessage("{}"));
  auto frames = drain(d);
  CHECK(errors(frames) == 1);
  CHECK(bodies(frames) == std::vector<std::string>{"{}"});
}

TEST_CASE("framing: a bad Content-Length value is reported and skipped") {
  for (std::string bad : {"Content-Length: abc", "Content-Length: -5", "Content-Length:", "Content-Length: 1e3"}) {
    FrameDecoder d;
    d.feed(bad + "\r\n\r\n" + frameMessage("{}"));
    auto frames = drain(d);
    CHECK(errors(frames) == 1);
    CHECK(bodies(frames) == std::vector<std::string>{"{}"});
  }
}

TEST_CASE("framing: a gigabyte claim is refused without buffering it") {
  FrameDecoder d;
  d.feed("Content-Length: 5000000000\r\n\r\n");
  auto frames = drain(d);
  REQUIRE(errors(frames) == 1);
  CHECK(frames[0].error.find("refused") != std::string::npos);
  // What follows is garbage until the next header; the next message is read.
  d.feed(std::string(1000, 'x') + frameMessage("{}"));
  CHECK(bodies(drain(d)) == std::vector<std::string>{"{}"});
  CHECK(d.buffered() == 0);
}

TEST_CASE("framing: garbage before a header resynchronises at Content-Length") {
  FrameDecoder d;
  d.feed(std::string("\x01\xff garbage}}}") + frameMessage("{}"));
  CHECK(bodies(drain(d)) == std::vector<std::string>{"{}"});
}

TEST_CASE("framing: endless garbage without a header end is dropped, bounded") {
  FrameDecoder d;
  std::string junk(200000, 'j');
  d.feed(junk);
  auto frames = drain(d);
  CHECK(errors(frames) >= 1);
  CHECK(d.buffered() < kMaxHeaderBytes);
  d.feed("\r\n\r\n" + frameMessage("{}"));
  CHECK(bodies(drain(d)) == std::vector<std::string>{"{}"});
}

TEST_CASE("framing: an overstated length is recovered with resyncFrom") {
  FrameDecoder d;
  // The first message claims 10 bytes more than it has: it swallows the start of the next.
  std::string next = frameMessage(R"({"id":2})");
  d.feed("Content-Length: 12\r\n\r\n{}" + next);
  // The server hands each body back before asking for the next frame.
  auto first = d.next();
  REQUIRE(first);
  std::string bad = first->body;
  CHECK(bad == "{}" + next.substr(0, 10));
  d.resyncFrom(bad);
  CHECK(bodies(drain(d)) == std::vector<std::string>{R"({"id":2})"});
}

TEST_CASE("framing: a small size limit is honoured") {
  FrameDecoder d(4);
  d.feed(frameMessage("12345") + frameMessage("1234"));
  auto frames = drain(d);
  CHECK(errors(frames) >= 1);
  CHECK(bodies(frames).back() == "1234");
}
