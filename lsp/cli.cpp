// The command line: `cvlint check | rules | explain | dump`. Files are checked
// in parallel and printed in the order given; any usage, I/O or config error
// is one line on stderr naming the problem, exit 2, and the other files are
// still checked. `--fix` writes atomically (temp file + rename, permissions
// kept) and refuses a file that changed since it was read.
#include "cli.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "editor_features.hpp"
#include "engine.hpp"
#include "exact_pages.hpp"
#include "length/exact.hpp"
#include "report.hpp"
#include "safe_write.hpp"
#include "dump.hpp"
#include "keywords/keywords.hpp"
#include "keywords/taxonomy.hpp"

namespace cvlint {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string job, role, locale, config, format = "text";
  int pages = 0;
  bool fix = false, quiet = false;
};

void usage(std::ostream& os) {
  os << "usage: cvlint check [--job FILE] [--role NAME] [--pages N] [--locale en-GB|en-US]\n"
        "                    [--config FILE] [--format text|json|sarif] [--quiet] [--fix] FILE...\n"
        "       cvlint lsp | --stdio        run the language server on stdin/stdout\n"
        "       cvlint rules                list the rules\n"
        "       cvlint explain RULE         print one rule's documentation\n"
        "       cvlint dump FILE            print the document model\n"
        "       cvlint --version\n";
}

std::optional<std::string> readFile(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    error = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(path, ec)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open for reading";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return ss.str();
}

// `.cvlint.json` found by walking up from the CV's folder.
std::string findConfig(const std::string& cvPath) {
  std::error_code ec;
  fs::path dir = fs::absolute(cvPath, ec).parent_path();
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    fs::path cand = dir / ".cvlint.json";
    if (fs::is_regular_file(cand, ec)) return cand.string();
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

struct FileJob {
  std::string path;
  std::string text;
  std::string error;  // I/O or config error: reported, exit 2
  AnalysisResult result;
  bool analysed = false;
  int fixedEdits = 0;
};

// Applies every safe fix (the preferred one, else the first; whole fixes that
// do not overlap) in up to three passes, re-analysing between passes.
std::string fixAll(const AnalysisRequest& base, AnalysisResult& res, int& applied) {
  AnalysisRequest req = base;
  for (int pass = 0; pass < 3; ++pass) {
    // The same choice as the server's source.fixAll (analysis/editor_features).
    std::vector<Edit> edits = safeFixEdits(res);
    if (edits.empty()) break;
    applied += static_cast<int>(edits.size());
    req.text = applyEdits(req.text, edits);
    res = analyze(req);
  }
  return req.text;
}

// The files a check may read: those under the workspace root, plus the one
// advert named with --job wherever it is.
class WorkspaceFiles : public FileProvider {
 public:
  WorkspaceFiles(const std::string& root, std::string advert) : disk_(root), any_(DiskFileProvider::anywhere()), advert_(std::move(advert)) {}
  std::optional<std::string> read(const std::string& path) const override {
    if (disk_.allowed(path)) return disk_.read(path);
    return isAdvert(path) ? any_.read(path) : std::nullopt;
  }
  bool allowed(const std::string& path) const override { return disk_.allowed(path) || isAdvert(path); }

 private:
  bool isAdvert(const std::string& path) const {
    if (advert_.empty()) return false;
    std::error_code ec;
    return fs::weakly_canonical(path, ec).string() == advert_ && !ec;
  }
  DiskFileProvider disk_, any_;
  std::string advert_;
};

// `exactPages` on: the real page count from a sandboxed TeX compile of the
// text as it now is (after --fix) in place of the estimate, as the server
// does on save; a failed compile is one warning and the estimate stays.
// Without TeX (or pandoc, for Markdown) that is said once on stderr.
void measureExactly(FileJob& j, const std::string& text, std::atomic<bool>& noTexSaid) {
  Format format = j.result.doc->format;
  if (!exactAvailable(format)) {
    if (!noTexSaid.exchange(true))
      std::cerr << "cvlint: exactPages is on but no TeX engine (or pandoc, for Markdown) is installed: "
                   "page counts are estimates\n";
    return;
  }
  std::error_code ec;
  std::string abs = fs::absolute(j.path, ec).string();
  MeasureResult m = measurePages(abs, text, format, j.result.config);
  std::shared_ptr<PageEstimate> model = m.ok ? measuredEstimate(m, *j.result.doc) : nullptr;
  if (model) j.result = *lsp::withMeasuredPages(j.result, model);
  else j.result = *lsp::withExactFailure(j.result, m.error.empty() ? std::string("no PDF was produced") : m.error);
}

int runCheck(const CheckOptions& opt) {
  bool ioError = false;
  // CLI flags: the highest priority, applied over each file's config.
  auto applyFlags = [&](Config& c) {
    if (!opt.job.empty()) {
      std::error_code ec;
      c.job = fs::absolute(opt.job, ec).string();
      c.baseDir.clear();
    }
    if (!opt.role.empty()) c.role = opt.role;
    if (opt.pages > 0) c.pages = opt.pages;
    if (opt.locale == "en-US") c.locale = Locale::EnUS;
    if (opt.locale == "en-GB") c.locale = Locale::EnGB;
  };
  if (!opt.job.empty()) {
    std::string e;
    if (!readFile(opt.job, e)) {
      std::cerr << "cvlint: " << opt.job << ": " << e << " (--job)\n";
      return 2;
    }
  }
  std::vector<FileJob> jobs(opt.files.size());
  for (size_t i = 0; i < opt.files.size(); ++i) jobs[i].path = opt.files[i];

  // Configuration files are read once each.
  std::map<std::string, std::pair<Config, std::string>> configs;  // path -> (config, error)
  auto configFor = [&](const std::string& cfgPath) -> std::pair<Config, std::string> {
    auto it = configs.find(cfgPath);
    if (it != configs.end()) return it->second;
    Config c;
    std::string error;
    if (!cfgPath.empty()) {
      std::string e;
      auto text = readFile(cfgPath, e);
      if (!text) {
        error = cfgPath + ": " + e;
      } else {
        std::vector<ConfigError> errs;
        mergeConfigJson(c, *text, errs);
        // Every bad key, one line each (printed as "cvlint: <line>"), so one
        // run shows all there is to fix.
        for (const ConfigError& ce : errs) {
          if (!error.empty()) error += "\ncvlint: ";
          error += cfgPath + ": " + (ce.key.empty() ? std::string("") : "`" + ce.key + "`: ") + ce.message;
        }
        std::error_code ec;
        c.baseDir = fs::absolute(cfgPath, ec).parent_path().string();
      }
    }
    configs[cfgPath] = {c, error};
    return {c, error};
  };

  std::vector<AnalysisRequest> reqs(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    FileJob& j = jobs[i];
    std::string e;
    auto text = readFile(j.path, e);
    if (!text) {
      j.error = j.path + ": " + e;
      continue;
    }
    j.text = std::move(*text);
    std::string cfgPath = opt.config.empty() ? findConfig(j.path) : opt.config;
    auto [cfg, cerr] = configFor(cfgPath);
    if (!cerr.empty()) {
      j.error = cerr;
      continue;
    }
    applyFlags(cfg);
    reqs[i].path = j.path;
    reqs[i].text = j.text;
    reqs[i].config = cfg;
  }
  // The workspace for \input and adverts: the current folder when the file
  // is under it, else the file's own folder.
  std::error_code ec;
  std::string cwd = fs::current_path(ec).string();
  std::vector<std::unique_ptr<WorkspaceFiles>> providers(jobs.size());
  std::string jobAbs;
  if (!opt.job.empty()) jobAbs = fs::weakly_canonical(fs::absolute(opt.job, ec), ec).string();
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!jobs[i].error.empty()) continue;
    std::string abs = fs::weakly_canonical(fs::absolute(jobs[i].path, ec), ec).string();
    std::string root = (abs.rfind(cwd + "/", 0) == 0) ? cwd : fs::path(abs).parent_path().string();
    // An advert named on the command line is always readable, even outside
    // the workspace; that one file, not everything (\input stays inside).
    providers[i] = std::make_unique<WorkspaceFiles>(root, jobAbs);
    reqs[i].files = providers[i].get();
  }

  std::atomic<size_t> next{0};
  std::atomic<bool> noTexSaid{false};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      FileJob& j = jobs[i];
      if (!j.error.empty()) continue;
      try {
        j.result = analyze(reqs[i]);
        j.analysed = true;
        std::string finalText = j.text;
        if (opt.fix) {
          std::string fixed = fixAll(reqs[i], j.result, j.fixedEdits);
          if (fixed != j.text) {
            std::string werr;
            if (!writeFileSafely(j.path, j.text, fixed, werr)) j.error = j.path + ": " + werr;
          }
          finalText = std::move(fixed);
        }
        if (j.result.config.exactPages && j.result.doc) measureExactly(j, finalText, noTexSaid);
      } catch (const std::exception& ex) {
        j.error = j.path + ": internal error: " + ex.what();
      }
    }
  };
  unsigned n = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  bool anyError = false;
  for (FileJob& j : jobs) {
    if (!j.error.empty()) {
      std::cerr << "cvlint: " << j.error << "\n";
      ioError = true;
    }
    if (!j.analysed) continue;
    for (const Finding& f : j.result.findings)
      if (f.severity == Severity::Error) anyError = true;
  }
  if (opt.format == "json") {
    json files = json::array();
    for (FileJob& j : jobs)
      if (j.analysed) files.push_back(fileJson(j.result, j.path, Encoding::Utf16));
    std::cout << json{{"version", 1}, {"files", files}}.dump(2) << "\n";
  } else if (opt.format == "sarif") {
    std::vector<FileResult> frs;
    for (FileJob& j : jobs)
      if (j.analysed) frs.push_back({j.path, &j.result});
    std::cout << sarifLog(frs).dump(2) << "\n";
  } else {
    bool color = ::isatty(1) && !std::getenv("NO_COLOR");
    size_t total = 0;
    for (FileJob& j : jobs) {
      if (!j.analysed) continue;
      std::cout << textReport(j.result, j.path, color);
      total += j.result.findings.size();
      if (!opt.quiet) {
        std::string extra;
        if (j.result.pages.available) {
          char buf[64];
          if (j.result.pages.method == "measured")
            std::snprintf(buf, sizeof buf, "%.0f / %d pages (measured)", j.result.pages.estimated, j.result.pages.limit);
          else
            std::snprintf(buf, sizeof buf, "%.1f / %d pages (estimated)", j.result.pages.estimated, j.result.pages.limit);
          extra += buf;
        }
        if (j.result.keywords && !j.result.keywords->matches.empty()) {
          if (!extra.empty()) extra += "; ";
          extra += "keyword match " + std::to_string(static_cast<int>(std::lround(j.result.keywords->score * 100))) + "% against " +
                   (j.result.keywords->fromAdvert ? displayPath(j.result.keywords->source) : "the " + j.result.config.role + " profile");
        }
        if (opt.fix) extra += (extra.empty() ? "" : "; ") + std::to_string(j.fixedEdits) + " edits applied";
        if (!extra.empty()) std::cout << j.path << ": " << extra << "\n";
      }
    }
    if (!opt.quiet) {
      size_t unchecked = 0;
      for (const FileJob& j : jobs) unchecked += !j.analysed;
      std::cout << total << (total == 1 ? " finding" : " findings") << " in " << jobs.size()
                << (jobs.size() == 1 ? " file" : " files");
      if (unchecked) std::cout << " (" << unchecked << " not checked: see the errors above)";
      std::cout << "\n";
    }
  }
  if (ioError) return 2;
  return anyError ? 1 : 0;
}

int runRules(bool markdown) {
  if (markdown) {
    // The README's rules table (a test keeps the README in step with this).
    std::cout << "| code | default | finds |\n| --- | --- | --- |\n";
    for (const Rule* r : allRules())
      std::cout << "| `" << r->id() << "` | " << severityName(r->defaultSeverity()) << " | " << r->summary() << " |\n";
    return 0;
  }
  for (const Rule* r : allRules()) {
    std::string id(r->id());
    std::cout << id << std::string(id.size() < 18 ? 18 - id.size() : 1, ' ') << severityName(r->defaultSeverity())
              << std::string(8 - std::min<size_t>(7, std::string(severityName(r->defaultSeverity())).size()), ' ')
              << r->summary() << "\n";
  }
  return 0;
}

int runExplain(const std::string& id) {
  const Rule* r = findRule(id);
  if (!r) {
    std::cerr << "cvlint: unknown rule `" << id << "` (see `cvlint rules`)\n";
    return 2;
  }
  std::cout << "# " << r->id() << " (" << severityName(r->defaultSeverity()) << ")\n\n"
            << r->summary() << "\n\n" << r->explanation() << "\n";
  return 0;
}

int runDump(const std::vector<std::string>& args) {
  bool map = false;
  std::string path;
  for (const auto& a : args) {
    if (a == "--map") map = true;
    else if (path.empty()) path = a;
    else {
      std::cerr << "cvlint: dump takes one file\n";
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << "cvlint: dump needs a FILE\n";
    return 2;
  }
  std::string e;
  auto text = readFile(path, e);
  if (!text) {
    std::cerr << "cvlint: " << path << ": " << e << "\n";
    return 2;
  }
  Config cfg;
  std::string cfgPath = findConfig(path);
  if (!cfgPath.empty()) {
    std::string ce;
    if (auto t = readFile(cfgPath, ce)) {
      std::vector<ConfigError> errs;
      mergeConfigJson(cfg, *t, errs);
    }
  }
  std::error_code ec;
  DiskFileProvider files(fs::absolute(path, ec).parent_path().string());
  auto doc = parseDocument(path, std::move(*text), formatForPath(path), cfg, &files);
  std::cout << dumpDocument(*doc, map);
  return 0;
}

}  // namespace

int runCli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  const std::string cmd = args[0];
  if (cmd == "--version" || cmd == "version") {
    std::cout << "cvlint 0.1.0\n";
    return 0;
  }
  if (cmd == "rules") return runRules(args.size() > 1 && args[1] == "--markdown");
  if (cmd == "explain") {
    if (args.size() != 2) {
      std::cerr << "cvlint: explain needs one RULE\n";
      return 2;
    }
    return runExplain(args[1]);
  }
  if (cmd == "dump") return runDump({args.begin() + 1, args.end()});
  if (cmd != "check") {
    std::cerr << "cvlint: unknown command `" << cmd << "`\n";
    usage(std::cerr);
    return 2;
  }
  CheckOptions opt;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      std::string flag = name;
      if (a.rfind(flag + "=", 0) == 0) return a.substr(flag.size() + 1);
      if (i + 1 >= args.size()) {
        std::cerr << "cvlint: " << flag << " needs a value\n";
        return std::nullopt;
      }
      return args[++i];
    };
    auto is = [&](const char* name) { return a == name || a.rfind(std::string(name) + "=", 0) == 0; };
    if (a == "--fix") opt.fix = true;
    else if (a == "--quiet" || a == "-q") opt.quiet = true;
    else if (is("--job")) { auto v = value("--job"); if (!v) return 2; opt.job = *v; }
    else if (is("--role")) {
      auto v = value("--role");
      if (!v) return 2;
      if (!lookupRoleProfile(*v)) {
        std::cerr << "cvlint: --role: unknown role `" << *v << "` (known: " << roleNames() << ")\n";
        return 2;
      }
      opt.role = *v;
    }
    else if (is("--config")) { auto v = value("--config"); if (!v) return 2; opt.config = *v; }
    else if (is("--locale")) {
      auto v = value("--locale");
      if (!v) return 2;
      if (*v != "en-GB" && *v != "en-US") {
        std::cerr << "cvlint: --locale must be en-GB or en-US, not `" << *v << "`\n";
        return 2;
      }
      opt.locale = *v;
    } else if (is("--format")) {
      auto v = value("--format");
      if (!v) return 2;
      if (*v != "text" && *v != "json" && *v != "sarif") {
        std::cerr << "cvlint: --format must be text, json or sarif, not `" << *v << "`\n";
        return 2;
      }
      opt.format = *v;
    } else if (is("--pages")) {
      auto v = value("--pages");
      if (!v) return 2;
      char* end = nullptr;
      long n = std::strtol(v->c_str(), &end, 10);
      if (v->empty() || *end || n < 1 || n > 100) {
        std::cerr << "cvlint: --pages must be a whole number from 1 to 100, not `" << *v << "`\n";
        return 2;
      }
      opt.pages = static_cast<int>(n);
    } else if (a.size() > 1 && a[0] == '-' ) {
      std::cerr << "cvlint: unknown option `" << a << "`\n";
      usage(std::cerr);
      return 2;
    } else {
      opt.files.push_back(a);
    }
  }
  if (opt.files.empty()) {
    std::cerr << "cvlint: check needs at least one FILE\n";
    return 2;
  }
  if (!opt.config.empty()) {
    std::string e;
    if (!readFile(opt.config, e)) {
      std::cerr << "cvlint: " << opt.config << ": " << e << " (--config)\n";
      return 2;
    }
  }
  return runCheck(opt);
}

}  // namespace cvlint
