// The sandboxed exact compile (see exact.hpp). POSIX only: fork/exec in a
// new process group, polled with a deadline, killed as a group.
#include "length/exact.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine.hpp"

extern char** environ;

namespace cvlint {

namespace fs = std::filesystem;

namespace {

std::string findTool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t b = 0;
  while (b <= p.size()) {
    size_t e = p.find(':', b);
    if (e == std::string::npos) e = p.size();
    std::string dir = p.substr(b, e - b);
    if (!dir.empty()) {
      std::string cand = dir + "/" + name;
      if (::access(cand.c_str(), X_OK) == 0) return cand;
    }
    b = e + 1;
  }
  return {};
}

std::string readFile(const fs::path& p, size_t cap = 64u << 20) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::string s;
  s.resize(cap);
  in.read(s.data(), static_cast<std::streamsize>(cap));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

bool writeFile(const fs::path& p, std::string_view s) {
  std::ofstream out(p, std::ios::binary);
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
  return static_cast<bool>(out);
}

struct RunResult {
  int status = -1;
  bool timedOut = false;
  bool cancelled = false;
  bool started = false;
};

// Runs argv in `cwd` with `env`, stdout+stderr to `outFile`, in its own process
// group; kills the whole group at the deadline or on cancel.
RunResult run(const std::vector<std::string>& argv, const fs::path& cwd, const std::vector<std::string>& env,
              const fs::path& outFile, std::chrono::steady_clock::time_point deadline, const MeasureOptions& opt) {
  RunResult r;
  std::vector<char*> av, ev;
  for (const auto& a : argv) av.push_back(const_cast<char*>(a.c_str()));
  av.push_back(nullptr);
  for (const auto& e : env) ev.push_back(const_cast<char*>(e.c_str()));
  ev.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) return r;
  if (pid == 0) {
    ::setpgid(0, 0);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    struct rlimit fsz{static_cast<rlim_t>(opt.maxFileBytes), static_cast<rlim_t>(opt.maxFileBytes)};
    ::setrlimit(RLIMIT_FSIZE, &fsz);
    struct rlimit core{0, 0};
    ::setrlimit(RLIMIT_CORE, &core);
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in >= 0) ::dup2(in, 0);
    if (out >= 0) {
      ::dup2(out, 1);
      ::dup2(out, 2);
    }
    ::execve(av[0], av.data(), ev.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also here: no race with the child's own call
  r.started = true;
  int status = 0;
  for (;;) {
    pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      r.status = status;
      break;
    }
    if (w < 0 && errno != EINTR) break;
    bool cancel = opt.cancel && opt.cancel->load();
    if (cancel || std::chrono::steady_clock::now() >= deadline) {
      (cancel ? r.cancelled : r.timedOut) = true;
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
  }
  ::kill(-pid, SIGKILL);  // whatever the tool left running in its group
  return r;
}

std::string lowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "Output written on x.pdf (3 pages, 1234 bytes)." -> 3
int pagesFromLog(const std::string& log) {
  size_t p = log.rfind("Output written on");
  if (p == std::string::npos) return 0;
  size_t paren = log.find('(', p);
  if (paren == std::string::npos) return 0;
  return std::atoi(log.c_str() + paren + 1);
}

std::string firstError(const std::string& log) {
  size_t p = 0;
  while (p < log.size()) {
    size_t e = log.find('\n', p);
    if (e == std::string::npos) e = log.size();
    std::string_view line(log.data() + p, e - p);
    if (line.size() > 2 && line[0] == '!' && line[1] == ' ') {
      std::string msg(line);
      // The "l.NN ..." context line that follows.
      size_t q = e + 1;
      for (int k = 0; k < 12 && q < log.size(); ++k) {
        size_t qe = log.find('\n', q);
        if (qe == std::string::npos) qe = log.size();
        std::string_view l2(log.data() + q, qe - q);
        if (l2.size() > 2 && l2[0] == 'l' && l2[1] == '.') {
          msg += " (" + std::string(l2.substr(0, std::min<size_t>(l2.size(), 80))) + ")";
          break;
        }
        q = qe + 1;
      }
      return msg;
    }
    p = e + 1;
  }
  return {};
}

std::string collapse(std::string_view s) {
  std::string o;
  bool sp = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      sp = !o.empty();
      continue;
    }
    if (sp) o += ' ';
    sp = false;
    o += c;
  }
  return o;
}

// SyncTeX (uncompressed, -synctex=-1): for page `page`, the topmost record
// that comes from the document's own files (not classes, not the preamble).
bool synctexStart(const std::string& syn, int page, const fs::path& mainFile, uint32_t beginDocLine,
                  std::string& file, uint32_t& line) {
  std::vector<std::string> inputs(1);
  std::string pageTag = "{" + std::to_string(page);
  size_t p = 0;
  bool inPage = false;
  long bestY = -1;
  uint32_t bestLine = 0;
  int bestTag = -1;
  bool bestIsBox = false;
  while (p < syn.size()) {
    size_t e = syn.find('\n', p);
    if (e == std::string::npos) e = syn.size();
    std::string_view l(syn.data() + p, e - p);
    p = e + 1;
    if (l.rfind("Input:", 0) == 0) {
      size_t c = l.find(':', 6);
      if (c == std::string_view::npos) continue;
      int tag = std::atoi(std::string(l.substr(6, c - 6)).c_str());
      if (tag <= 0 || tag > 4096) continue;
      if (inputs.size() <= static_cast<size_t>(tag)) inputs.resize(tag + 1);
      inputs[tag] = std::string(l.substr(c + 1));
      continue;
    }
    if (!inPage) {
      if (l == pageTag) inPage = true;
      continue;
    }
    if (!l.empty() && l[0] == '}') break;
    // Character-level records (x: current point, k: kern, g: glue, $: math)
    // carry the input line that made them; box records carry the line where
    // the paragraph or the page ended, so they only count when nothing else
    // is on the page, and empty boxes (a blank header) never.
    if (l.empty() || std::strchr("(xkg$", l[0]) == nullptr) continue;
    bool boxRec = l[0] == '(';
    // <kind><tag>,<line>[,<col>]:<x>,<y>...
    std::string rec(l.substr(1));
    int tag = 0;
    long ln = 0, x = 0, y = 0;
    if (std::sscanf(rec.c_str(), "%d,%ld", &tag, &ln) != 2) continue;
    size_t colon = rec.find(':');
    if (colon == std::string::npos || std::sscanf(rec.c_str() + colon + 1, "%ld,%ld", &x, &y) != 2) continue;
    if (tag <= 0 || static_cast<size_t>(tag) >= inputs.size() || ln <= 0) continue;
    if (boxRec) {
      long w = 0, h = 0, d = 0;
      size_t colon2 = rec.find(':', colon + 1);
      if (colon2 == std::string::npos || std::sscanf(rec.c_str() + colon2 + 1, "%ld,%ld,%ld", &w, &h, &d) != 3 ||
          h + d == 0)
        continue;
    }
    fs::path in = inputs[tag];
    std::string ext = lowerAscii(in.extension().string());
    if (ext == ".cls" || ext == ".sty" || ext == ".cfg" || ext == ".def" || ext == ".clo" || ext == ".fd") continue;
    bool isMain = in.filename() == mainFile.filename();
    if (isMain && static_cast<uint32_t>(ln) <= beginDocLine) continue;
    bool better = bestY < 0 || (bestIsBox && !boxRec) ||
                  (bestIsBox == boxRec && (y < bestY || (y == bestY && static_cast<uint32_t>(ln) < bestLine)));
    if (better) {
      bestY = y;
      bestLine = static_cast<uint32_t>(ln);
      bestTag = tag;
      bestIsBox = boxRec;
    }
  }
  if (bestTag < 0) return false;
  file = inputs[bestTag];
  line = bestLine - 1;
  return true;
}

uint32_t beginDocumentLine(std::string_view src) {
  size_t p = src.find("\\begin{document}");
  if (p == std::string_view::npos) return 0;
  return static_cast<uint32_t>(std::count(src.begin(), src.begin() + static_cast<long>(p), '\n')) + 1;
}

// Markdown: the block whose prose begins with (or holds) the page's first text.
bool matchFirstText(const CvDocument& doc, const std::string& first, uint32_t& line) {
  std::string want = collapse(first).substr(0, 24);
  if (want.size() < 4) return false;
  for (int pass = 0; pass < 2; ++pass) {
    for (const Block& b : doc.blocks) {
      std::string t = collapse(b.prose.text);
      size_t at = t.find(want);
      if (at == std::string::npos) continue;
      if (pass == 0 && at != 0) continue;
      // Back from collapsed to prose offsets: count non-space characters.
      size_t nonSpace = 0;
      for (size_t i = 0; i < at; ++i) nonSpace += t[i] != ' ';
      uint32_t tb = 0;
      for (size_t seen = 0; tb < b.prose.text.size(); ++tb) {
        char c = b.prose.text[tb];
        if (c == ' ' || c == '\n' || c == '\t') continue;
        if (seen++ == nonSpace) break;
      }
      line = doc.source(b.file).lineOf(b.prose.toSource(tb));
      return true;
    }
  }
  return false;
}

std::string tempRoot(const MeasureOptions& opt) {
  if (!opt.tempRoot.empty()) return opt.tempRoot;
  const char* t = std::getenv("TMPDIR");
  return t && *t ? t : "/tmp";
}

}  // namespace

bool exactAvailable(Format format) {
  if (findTool("pdflatex").empty() && findTool("xelatex").empty()) return false;
  return format != Format::Markdown || !findTool("pandoc").empty();
}

std::string pickEngine(std::string_view src) {
  // `% !TEX program = xelatex` (also `TS-program`) in the first lines wins.
  size_t head = std::min<size_t>(src.size(), 4096);
  std::string top = lowerAscii(std::string(src.substr(0, head)));
  for (const char* key : {"!tex program", "!tex ts-program"}) {
    size_t p = top.find(key);
    if (p == std::string::npos) continue;
    size_t eq = top.find('=', p);
    size_t nl = top.find('\n', p);
    if (eq == std::string::npos || (nl != std::string::npos && eq > nl)) continue;
    std::string v = top.substr(eq + 1, (nl == std::string::npos ? top.size() : nl) - eq - 1);
    for (const char* eng : {"xelatex", "lualatex", "pdflatex"})
      if (v.find(eng) != std::string::npos) return eng;
  }
  size_t body = src.find("\\begin{document}");
  std::string_view pre = src.substr(0, body == std::string_view::npos ? src.size() : body);
  auto has = [&](std::string_view s) { return pre.find(s) != std::string_view::npos; };
  if (has("luacode") || has("luainputenc") || has("\\directlua") || has("luatextra")) return "lualatex";
  if (has("{fontspec}") || has("polyglossia") || has("\\setmainfont") || has("xltxtra") || has("xunicode") ||
      has("\\XeTeX"))
    return "xelatex";
  return "pdflatex";
}

MeasureResult measurePages(const std::string& path, const std::string& text, Format format,
                           const Config& config, const MeasureOptions& opt) {
  MeasureResult res;
  auto t0 = std::chrono::steady_clock::now();
  auto deadline = t0 + std::chrono::milliseconds(opt.timeoutMs);
  auto finish = [&]() -> MeasureResult& {
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
  };
  bool md = format != Format::Latex;
  std::string engine = md ? "pdflatex" : pickEngine(text);
  std::string engineBin = findTool(engine);
  if (engineBin.empty()) {
    res.error = engine + " is not installed";
    return finish();
  }
  std::string pandoc = md ? findTool("pandoc") : std::string{};
  if (md && pandoc.empty()) {
    res.error = "pandoc is not installed";
    return finish();
  }
  std::string tmpl = (fs::path(tempRoot(opt)) / "cvlint-pages-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) {
    res.error = std::string("cannot create a temp folder: ") + std::strerror(errno);
    return finish();
  }
  fs::path dir(buf.data());
  ::chmod(dir.c_str(), 0700);
  std::error_code ec;
  fs::path docDir = fs::absolute(fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path(), ec);
  std::string base = fs::path(path).stem().string();
  if (base.empty() || base.find_first_of(" \"'$`\\") != std::string::npos) base = "cv";
  fs::path texName = base + ".tex";

  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    // Variables that would reopen what the sandbox closes are not passed on.
    if (kv.rfind("TEXINPUTS=", 0) == 0 || kv.rfind("openout_any=", 0) == 0 || kv.rfind("openin_any=", 0) == 0 ||
        kv.rfind("shell_escape", 0) == 0 || kv.rfind("TEXMFOUTPUT=", 0) == 0 || kv.rfind("LATEXMKRC", 0) == 0)
      continue;
    env.emplace_back(kv);
  }
  env.push_back("openout_any=p");
  env.push_back("openin_any=p");
  env.push_back("shell_escape=f");
  env.push_back("TEXMFOUTPUT=" + dir.string());
  env.push_back("TEXINPUTS=.:" + docDir.string() + "//:");
  env.push_back("BIBINPUTS=.:" + docDir.string() + ":");
  env.push_back("max_print_line=1000");
  fs::path out = dir / "cvlint-run.log";

  if (md) {
    if (opt.progress) opt.progress("Converting with pandoc");
    fs::path mdName = base + ".md";
    if (!writeFile(dir / mdName, text)) {
      res.error = "cannot write the temp copy";
      fs::remove_all(dir, ec);
      return finish();
    }
    RunResult pr = run({pandoc, "-s", "-f", "markdown", "-t", "latex", "-o", texName.string(), mdName.string()}, dir,
                       env, out, deadline, opt);
    res.timedOut = pr.timedOut;
    res.cancelled = pr.cancelled;
    if (!pr.started || pr.timedOut || pr.cancelled || !WIFEXITED(pr.status) || WEXITSTATUS(pr.status) != 0) {
      res.error = pr.timedOut ? "pandoc timed out" : pr.cancelled ? "cancelled" : "pandoc failed: " + readFile(out, 400);
      fs::remove_all(dir, ec);
      return finish();
    }
  } else if (!writeFile(dir / texName, text)) {
    res.error = "cannot write the temp copy";
    fs::remove_all(dir, ec);
    return finish();
  }

  res.engine = md ? "pandoc+pdflatex" : engine;
  if (opt.progress) opt.progress("Compiling with " + engine);
  std::string latexmk = opt.useLatexmk ? findTool("latexmk") : std::string{};
  std::vector<std::string> common = {"-interaction=nonstopmode", "-no-shell-escape", "-synctex=-1"};
  RunResult rr;
  if (!latexmk.empty()) {
    std::string mode = engine == "xelatex" ? "-xelatex" : engine == "lualatex" ? "-lualatex" : "-pdf";
    std::vector<std::string> argv = {latexmk, "-norc", mode, "-f", "-silent"};
    argv.insert(argv.end(), common.begin(), common.end());
    argv.push_back(texName.string());
    rr = run(argv, dir, env, out, deadline, opt);
  } else {
    std::vector<std::string> argv = {engineBin};
    argv.insert(argv.end(), common.begin(), common.end());
    argv.push_back(texName.string());
    for (int pass = 0; pass < 2; ++pass) {
      rr = run(argv, dir, env, out, deadline, opt);
      if (rr.timedOut || rr.cancelled) break;
      std::string log = readFile(dir / (base + ".log"));
      if (log.find("Rerun to get") == std::string::npos && log.find("rerunfilecheck") == std::string::npos) break;
    }
  }
  res.timedOut = rr.timedOut;
  res.cancelled = rr.cancelled;
  std::string log = readFile(dir / (base + ".log"));
  if (!rr.started) res.error = "cannot start " + engine;
  else if (rr.timedOut) res.error = engine + " did not finish within " + std::to_string(opt.timeoutMs / 1000) + " s: stopped";
  else if (rr.cancelled) res.error = "cancelled";
  std::string err = firstError(log);
  if (res.error.empty() && !err.empty()) res.error = err;
  res.pages = rr.timedOut || rr.cancelled ? 0 : pagesFromLog(log);
  res.ok = res.error.empty() && res.pages > 0;
  if (res.error.empty() && res.pages == 0) res.error = "no PDF was produced";

  if (res.pages > 1) {
    std::string syn = md ? std::string{} : readFile(dir / (base + ".synctex"));
    std::shared_ptr<CvDocument> mdDoc;
    if (md) mdDoc = parseDocument(path, text, Format::Markdown, config, nullptr);
    std::string pdftotext = findTool("pdftotext");
    uint32_t beginLine = beginDocumentLine(text);
    for (int pg = 2; pg <= res.pages; ++pg) {
      MeasuredStart ms;
      ms.page = pg;
      ms.path = path;
      if (!pdftotext.empty() && std::chrono::steady_clock::now() < deadline) {
        fs::path txt = dir / "cvlint-page.txt";
        run({pdftotext, "-f", std::to_string(pg), "-l", std::to_string(pg), "-layout", base + ".pdf", txt.string()},
            dir, env, out, deadline, opt);
        ms.firstText = collapse(readFile(txt, 4096)).substr(0, 60);
      }
      if (md) {
        ms.known = mdDoc && matchFirstText(*mdDoc, ms.firstText, ms.line);
      } else {
        std::string file;
        if (synctexStart(syn, pg, texName, beginLine, file, ms.line)) {
          ms.known = true;
          fs::path f(file);
          // The temp copy stands for the document itself; \input files resolve in its folder.
          if (f.lexically_normal() == (dir / texName).lexically_normal() || f.lexically_normal() == texName ||
              f.lexically_normal() == (fs::path(".") / texName).lexically_normal())
            ms.path = path;
          else ms.path = f.lexically_normal().string();
        }
      }
      res.starts.push_back(ms);
    }
  }
  fs::remove_all(dir, ec);
  return finish();
}

std::shared_ptr<PageEstimate> measuredEstimate(const MeasureResult& m, const CvDocument& doc) {
  if (!m.ok || m.pages <= 0) return nullptr;
  auto pe = std::make_shared<PageEstimate>();
  pe->pages = m.pages;
  pe->method = "measured";
  for (const MeasuredStart& ms : m.starts) {
    if (!ms.known) continue;
    PageStart ps;
    ps.page = ms.page;
    bool found = false;
    for (uint16_t fi = 0; fi < doc.files.size() && !found; ++fi) {
      std::error_code ec;
      const std::string& fp = doc.files[fi].path;
      if (fp == ms.path || (!fp.empty() && fs::equivalent(fp, ms.path, ec))) {
        ps.file = fi;
        found = true;
      }
    }
    if (!found) continue;
    ps.line = ms.line;
    ps.srcByte = doc.source(ps.file).toByte(Position{ms.line, 0}, Encoding::Utf8);
    pe->starts.push_back(ps);
  }
  return pe;
}

}  // namespace cvlint
