// Resource limits under hostile input: message size, document size, nesting
// depth, and the workspace boundary for \input and adverts. Run these under
// the ASan build with a small stack too (`ulimit -s 1024`): a recursion
// proportional to the nesting would overflow it.
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <nlohmann/json.hpp>
#include <string>

#include "engine.hpp"
#include "server_bytes.hpp"
#include "testing.hpp"
#include "transport.hpp"

using namespace cvlint;
using namespace cvlint::regress;
using cvlint::test::lint;
namespace fs = std::filesystem;

// The largest single allocation while `g_track` is on: proves that a claim is
// refused before memory is reserved for it.
namespace {
std::atomic<bool> g_track{false};
std::atomic<size_t> g_largest{0};
void* allocate(size_t n) {
  if (g_track.load(std::memory_order_relaxed)) {
    size_t cur = g_largest.load(std::memory_order_relaxed);
    while (n > cur && !g_largest.compare_exchange_weak(cur, n)) {
    }
  }
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
}  // namespace
void* operator new(size_t n) { return allocate(n); }
void* operator new[](size_t n) { return allocate(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }

namespace {

fs::path freshDir(const std::string& name) { return regress::freshTempDir(name); }

void writeText(const fs::path& p, const std::string& text) { regress::writeBinary(p.string(), text); }

// Runs fn on a thread with a 512 KiB stack (a sixteenth of the usual 8 MiB
// main-thread stack), so that a recursion proportional to the nesting
// overflows here too, not only under `ulimit -s`.
template <class F>
void onSmallStack(F fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t{512} << 10);
  pthread_t t;
  auto trampoline = [](void* p) -> void* {
    (*static_cast<F*>(p))();
    return nullptr;
  };
  REQUIRE(pthread_create(&t, &attr, trampoline, &fn) == 0);
  pthread_join(t, nullptr);
  pthread_attr_destroy(&attr);
}

bool answered(const ServerRun& run, int id) {
  for (const std::string& b : run.bodies) {
    auto j = nlohmann::json::parse(b, nullptr, false);
    if (j.is_object() && j.contains("id") && j["id"] == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("limits: a header claiming gigabytes is refused without allocating it") {
  lsp::FrameDecoder d;
  g_largest = 0;
  g_track = true;
  d.feed("Content-Length: 5000000000\r\n\r\n");
  auto f = d.next();
  g_track = false;
  REQUIRE(f);
  CHECK(f->kind == lsp::Frame::Kind::Error);
  CHECK(g_largest.load() < (size_t{1} << 20));
  // Just above the 64 MiB cap is refused the same way.
  lsp::FrameDecoder e;
  e.feed("Content-Length: " + std::to_string(lsp::kMaxMessageBytes + 1) + "\r\n\r\n");
  auto g = e.next();
  REQUIRE(g);
  CHECK(g->kind == lsp::Frame::Kind::Error);
}

TEST_CASE("limits: the server survives a gigabyte claim and answers the next request") {
  std::string in = initPrelude() + "Content-Length: 5000000000\r\n\r\n" + std::string(100, 'x') +
                   frame(R"({"jsonrpc":"2.0","id":7,"method":"shutdown"})") + frame(R"({"jsonrpc":"2.0","method":"exit"})");
  g_largest = 0;
  g_track = true;
  ServerRun run = runServerBytes(in);
  g_track = false;
  CHECK(run.wellFramed);
  CHECK(answered(run, 7));
  CHECK(run.exitCode == 0);
  CHECK(g_largest.load() < (size_t{64} << 20));
}

TEST_CASE("limits: a document over 32 MiB gets one clear error and is not parsed") {
  std::string big(33u << 20, 'a');
  big[100] = '\n';
  AnalysisResult r = lint(big, Format::Markdown);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].severity == Severity::Error);
  CHECK(r.findings[0].message.find("larger than 32 MiB") != std::string::npos);
  // Just under the limit is analysed as usual (no such error).
  AnalysisResult s = lint(std::string(1u << 20, 'b'), Format::Markdown);
  for (const Finding& f : s.findings) CHECK(f.message.find("32 MiB") == std::string::npos);
}

TEST_CASE("limits: an \\input file over 32 MiB is not read") {
  fs::path ws = freshDir("bigin");
  writeText(ws / "big.tex", std::string((32u << 20) + 10, 'x'));
  DiskFileProvider files(ws.string());
  CHECK_FALSE(files.read((ws / "big.tex").string()));
  AnalysisRequest req;
  req.path = (ws / "cv.tex").string();
  req.text = "\\documentclass{article}\\begin{document}\\input{big}\\end{document}\n";
  req.files = &files;
  AnalysisResult r = analyze(req);
  CHECK(r.doc->files.size() == 1);
  fs::remove_all(ws);
}

TEST_CASE("limits: 10,000 nested braces and environments in LaTeX") {
  const int n = 10000;
  std::string braces = "\\documentclass{article}\\begin{document}\n";
  for (int i = 0; i < n; ++i) braces += "{";
  braces += "Led a team";
  for (int i = 0; i < n; ++i) braces += "}";
  std::string commands = "\\documentclass{article}\\begin{document}\n";
  for (int i = 0; i < n; ++i) commands += "\\textbf{";
  commands += "x";
  for (int i = 0; i < n; ++i) commands += "}";
  std::string envs = "\\documentclass{article}\\begin{document}\n";
  for (int i = 0; i < n; ++i) envs += "\\begin{itemize}\\item ";
  envs += "Led";
  for (int i = 0; i < n; ++i) envs += "\\end{itemize}";
  std::string unclosed = "\\documentclass{article}\\begin{document}\n" + std::string(n, '{') + "\\section{A";
  for (const std::string* t : {&braces, &commands, &envs, &unclosed}) {
    bool made = false;
    onSmallStack([&] { made = lint(*t + "\n\\end{document}\n", Format::Latex).doc != nullptr; });
    CHECK(made);
  }
}

TEST_CASE("limits: 10,000 nested Markdown lists and block quotes") {
  const int n = 10000;
  std::string lists, quotes, mixed;
  for (int i = 0; i < n; ++i) lists += "- ";
  lists += "Led a team\n";
  for (int i = 0; i < n; ++i) quotes += "> ";
  quotes += "Led a team\n";
  for (int i = 0; i < n; ++i) mixed += i % 2 ? "> " : "1. ";
  mixed += "*_`x`_*\n";
  std::string emphasis(n, '*');
  emphasis += "x" + std::string(n, '*') + "\n" + std::string(n, '[') + "a" + std::string(n, ']') + "\n";
  for (const std::string* t : {&lists, &quotes, &mixed, &emphasis}) {
    bool made = false;
    onSmallStack([&] { made = lint("# A Person\n\n## Experience\n\n" + *t, Format::Markdown).doc != nullptr; });
    CHECK(made);
  }
}

TEST_CASE("limits: 10,000-deep JSON is an error answer, and the server keeps serving") {
  const int n = 10000;
  std::string deep = std::string(n, '[') + std::string(n, ']');
  std::string in = initPrelude() +
                   frame(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":)" + deep + "}") +
                   frame(R"({"jsonrpc":"2.0","id":)" + deep + R"(,"method":"shutdown"})") +
                   frame(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":)" + deep + "}}") +
                   frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") + frame(R"({"jsonrpc":"2.0","method":"exit"})");
  ServerRun run = runServerBytes(in);
  CHECK(run.wellFramed);
  CHECK(answered(run, 1));
  CHECK(answered(run, 2));
  CHECK(run.exitCode == 0);
}

TEST_CASE("limits: \\input outside the workspace is not followed (.., absolute, symlink)") {
  fs::path top = freshDir("ws");
  fs::create_directories(top / "ws");
  writeText(top / "secret.tex", "\\section{Secret}\\begin{itemize}\\item Responsible for secrets\\end{itemize}\n");
  fs::create_symlink(top / "secret.tex", top / "ws" / "link.tex");
  writeText(top / "ws" / "inside.tex", "\\section{Inside}\n");
  DiskFileProvider files((top / "ws").string());
  for (std::string target : {std::string("../secret"), (top / "secret").string(), std::string("link")}) {
    AnalysisRequest req;
    req.path = (top / "ws" / "cv.tex").string();
    req.text = "\\documentclass{article}\\begin{document}\\input{" + target + "}\\input{inside}\\end{document}\n";
    req.format = Format::Latex;
    req.files = &files;
    AnalysisResult r = analyze(req);
    INFO(target);
    REQUIRE(r.doc->files.size() == 2);  // cv.tex and inside.tex only
    CHECK(r.doc->files[1].path.find("inside.tex") != std::string::npos);
    bool said = false;
    for (const ParseProblem& p : r.doc->problems) said |= p.message.find("outside the workspace") != std::string::npos;
    CHECK(said);
  }
  fs::remove_all(top);
}

TEST_CASE("limits: a file provider with an empty root allows nothing; anywhere() is asked for by name") {
  fs::path top = freshDir("emptyroot");
  writeText(top / "notes.tex", "\\section{Notes}\n");
  DiskFileProvider none("");
  CHECK_FALSE(none.allowed((top / "notes.tex").string()));
  CHECK_FALSE(none.read((top / "notes.tex").string()).has_value());
  CHECK_FALSE(none.allowed("/etc/passwd"));
  DiskFileProvider any = DiskFileProvider::anywhere();
  CHECK(any.allowed((top / "notes.tex").string()));
  CHECK(any.read((top / "notes.tex").string()) == "\\section{Notes}\n");
  fs::remove_all(top);
}

TEST_CASE("limits: a job advert outside the workspace is not read") {
  fs::path top = freshDir("advert");
  fs::create_directories(top / "ws");
  writeText(top / "advert.md", "# Job\n\nRequirements: Kubernetes, Terraform\n");
  DiskFileProvider files((top / "ws").string());
  AnalysisRequest req;
  req.path = (top / "ws" / "cv.md").string();
  req.text = "# A Person\n\n## Experience\n\n- Led a team\n";
  req.config.job = "../advert.md";
  req.files = &files;
  AnalysisResult r = analyze(req);
  bool said = false;
  for (const Finding& f : r.findings) said |= f.message.find("outside the workspace") != std::string::npos;
  CHECK(said);
  fs::remove_all(top);
}

TEST_CASE("limits: cvlint check --job outside the folder does not open \\input to the whole disk") {
  fs::path top = freshDir("clijob");
  fs::create_directories(top / "ws");
  fs::create_directories(top / "other");
  writeText(top / "other" / "advert.md", "# Job\n\nRequirements: Kubernetes\n");
  writeText(top / "secret.tex", "\\section{Experience}\\begin{itemize}\\item Responsible for the secret budget\\end{itemize}\n");
  writeText(top / "ws" / "cv.tex",
            "\\documentclass{article}\\begin{document}\\section{Experience}\\input{" + (top / "secret").string() +
                "}\\end{document}\n");
  std::string cmd = "cd '" + (top / "ws").string() + "' && '" + CVLINT_BINARY +
                    "' check --format json --job ../other/advert.md cv.tex 2>&1";
  std::string out = test::commandOutput(cmd);
  INFO(out);
  CHECK(out.find("\"files\"") != std::string::npos);  // the check ran and reported
  CHECK(out.find("secret.tex") == std::string::npos);
  CHECK(out.find("Kubernetes") != std::string::npos);  // the advert itself was read
  fs::remove_all(top);
}
