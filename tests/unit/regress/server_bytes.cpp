// See server_bytes.hpp.
#include "server_bytes.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "server.hpp"
#include "transport.hpp"

namespace cvlint::regress {

std::string frame(const std::string& body) { return lsp::frameMessage(body); }

std::string initPrelude(const std::string& root) {
  (void)::mkdir(root.c_str(), 0700);
  return frame(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":"file://)" + root +
               R"(","capabilities":{"general":{"positionEncodings":["utf-16"]}}}})") +
         frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
}

std::string readBinary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void writeBinary(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::string freshTempDir(const std::string& name) {
  std::filesystem::path d = std::filesystem::temp_directory_path() / ("cvlint-regress-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d.string();
}

ServerRun runServerBytes(const std::string& input) {
  ServerRun run;
  int inPipe[2], outPipe[2];
  if (::pipe2(inPipe, O_CLOEXEC) != 0) return run;
  if (::pipe2(outPipe, O_CLOEXEC) != 0) {
    ::close(inPipe[0]);
    ::close(inPipe[1]);
    return run;
  }
  std::thread writer([&] {
    size_t off = 0;
    while (off < input.size()) {
      ssize_t n = ::write(inPipe[1], input.data() + off, input.size() - off);
      if (n <= 0) break;  // the server stopped reading
      off += static_cast<size_t>(n);
    }
    ::close(inPipe[1]);
  });
  std::thread reader([&] {
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(outPipe[0], buf, sizeof buf);
      if (n <= 0) break;
      run.output.append(buf, static_cast<size_t>(n));
    }
  });
  run.exitCode = serveLanguageServer(inPipe[0], outPipe[1]);
  ::close(outPipe[1]);
  ::close(inPipe[0]);
  writer.join();
  reader.join();
  ::close(outPipe[0]);
  lsp::FrameDecoder dec;
  dec.feed(run.output);
  run.wellFramed = true;
  while (auto f = dec.next()) {
    if (f->kind != lsp::Frame::Kind::Message) run.wellFramed = false;
    else run.bodies.push_back(f->body);
  }
  if (dec.buffered() != 0) run.wellFramed = false;
  return run;
}

}  // namespace cvlint::regress
