// The engine entry point: parse, resolve directives and the advert, run the
// keyword matcher and the page model, run every enabled rule, apply
// severities and suppressions, and sort. Shared by the CLI and the server.
#include "engine.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/caches.hpp"
#include "core/memo.hpp"
#include "keywords/keywords.hpp"
#include "length/pages.hpp"
#include "parse/parse.hpp"
#include "rules/verbs.hpp"
#include "rules/wording.hpp"

namespace cvlint {

namespace fs = std::filesystem;

// Documents above this size are not parsed: one finding says why.
constexpr size_t kMaxDocumentBytes = 32u << 20;

DiskFileProvider::DiskFileProvider(std::string root) : root_(std::move(root)) {
  if (!root_.empty()) {
    std::error_code ec;
    auto canon = fs::weakly_canonical(root_, ec);
    if (!ec) root_ = canon.string();
  }
}

std::optional<std::string> DiskFileProvider::read(const std::string& path) const {
  if (!allowed(path)) return std::nullopt;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  auto size = fs::file_size(path, ec);
  if (ec || size > kMaxDocumentBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

DiskFileProvider DiskFileProvider::anywhere() {
  DiskFileProvider d("");
  d.anywhere_ = true;
  return d;
}

bool DiskFileProvider::allowed(const std::string& path) const {
  if (anywhere_) return true;
  if (root_.empty()) return false;
  std::error_code ec;
  auto canon = fs::weakly_canonical(path, ec);
  if (ec) return false;
  std::string p = canon.string();
  return p == root_ || (p.size() > root_.size() && p.compare(0, root_.size(), root_) == 0 &&
                        (root_.back() == '/' || p[root_.size()] == '/'));
}

Format formatForPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".tex" || ext == ".xtx" || ext == ".ltx" || ext == ".latex") return Format::Latex;
  if (ext == ".txt") return Format::PlainText;
  return Format::Markdown;
}

std::shared_ptr<CvDocument> parseDocument(const std::string& path, std::string text, Format format,
                                          const Config& config, const FileProvider* files) {
  auto doc = std::make_shared<CvDocument>();
  doc->format = format;
  bool tooBig = text.size() > kMaxDocumentBytes;
  if (tooBig) {
    doc->problems.push_back({"document is larger than 32 MiB: not analysed", 0, {0, 0}});
    text.clear();
  }
  doc->files.push_back({path, SourceText(std::move(text))});
  if (tooBig) return doc;
  if (format == Format::Latex) parseLatex(*doc, config, files);
  else parseMarkdown(*doc, config);  // plain text reads as Markdown paragraphs
  buildStructure(*doc);
  return doc;
}

namespace {

std::string dirOf(const std::string& path) {
  auto p = fs::path(path).parent_path().string();
  return p.empty() ? "." : p;
}

std::string resolve(const std::string& base, const std::string& rel) {
  if (rel.empty()) return rel;
  fs::path p(rel);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (fs::path(base) / p).lexically_normal().string();
}

Finding problemFinding(const std::string& rule, Severity sev, uint16_t file, ByteRange r, std::string msg) {
  Finding f;
  f.rule = rule;
  f.severity = sev;
  f.file = file;
  f.range = r;
  f.message = std::move(msg);
  return f;
}

}  // namespace

AnalysisResult analyze(const AnalysisRequest& req) {
  AnalysisResult res;
  Format format = req.format ? *req.format : formatForPath(req.path);
  wording::TokenCacheScope tokenScope(req.text.size());
  MemoScope memoScope(req.text.size());
  auto doc = parseDocument(req.path, req.text, format, req.config, req.files);
  res.config = req.config;

  std::vector<Finding> extra;
  // Invalid UTF-8: reported once, at the first bad byte.
  for (uint16_t fi = 0; fi < doc->files.size(); ++fi) {
    size_t bad = doc->files[fi].text.firstInvalidByte();
    if (bad != std::string::npos)
      extra.push_back(problemFinding("encoding", Severity::Warning, fi,
                                     {static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
                                     "The file is not valid UTF-8 here; bad bytes are read as U+FFFD"));
  }
  bool tooBig = false;
  for (const ParseProblem& p : doc->problems)
    if (p.message.rfind("document is larger", 0) == 0) {
      extra.push_back(problemFinding("encoding", Severity::Error, p.file, p.range, p.message));
      tooBig = true;
    }
  // A document too large to parse gets that one error, not the findings of
  // the rules on an empty document ("no email address", ...).
  if (tooBig) {
    res.findings = std::move(extra);
    res.doc = std::move(doc);
    return res;
  }

  // Directive settings (`cvlint: job=... pages=2`) apply to this file only; a
  // directive's job path is relative to the document.
  if (!doc->settings.empty()) {
    std::vector<ConfigError> errors;
    Config c = res.config;
    mergeDirectiveSettings(c, doc->settings, errors);
    if (doc->settings.count("job")) c.baseDir = dirOf(req.path);
    res.config = c;
    for (const ConfigError& e : errors) {
      ByteRange r{};
      for (const Comment& cm : doc->comments)
        if (cm.text.find("cvlint:") != std::string::npos) r = cm.range;
      extra.push_back(problemFinding("config", Severity::Warning, 0, r,
                                     "Bad cvlint directive setting `" + e.key + "`: " + e.message));
    }
  }
  const Config& cfg = res.config;

  // The advert: --job / setting / directive, else `<cv-name>.job.md|.job.txt` beside the CV.
  std::optional<std::string> advert;
  std::string advertPath, advertError;
  if (!cfg.job.empty()) {
    advertPath = resolve(cfg.baseDir.empty() ? dirOf(req.path) : cfg.baseDir, cfg.job);
    if (!req.files) advertError = "no file access to read the job advert " + cfg.job;
    else if (!req.files->allowed(advertPath)) advertError = "the job advert " + cfg.job + " is outside the workspace";
    else if (!(advert = req.files->read(advertPath))) advertError = "cannot read the job advert " + cfg.job;
  } else if (req.files && !req.path.empty()) {
    fs::path p(req.path);
    std::string stem = (p.parent_path() / p.stem()).string();
    for (const char* ext : {".job.md", ".job.txt"}) {
      std::string cand = stem + ext;
      if (req.files->allowed(cand) && (advert = req.files->read(cand))) {
        advertPath = cand;
        break;
      }
    }
  }
  res.jobPath = advertPath;
  res.keywords = analyzeKeywords(*doc, cfg, advert, advertPath, advertError);
  res.pageModel = estimatePages(*doc, cfg);
  res.pages.limit = cfg.pages;
  if (res.pageModel) {
    res.pages.available = true;
    // Rounded up to a tenth, once, so the JSON, the code lens, the CLI and the
    // page-overflow message all say the same figure (2.01 pages is "2.1").
    res.pages.estimated = std::ceil(res.pageModel->pages * 10 - 1e-9) / 10;
    res.pages.method = res.pageModel->method;
  }

  RuleContext ctx{*doc, cfg, res.keywords.get(), res.pageModel.get()};
  std::vector<Finding> all = std::move(extra);
  for (const Rule* rule : allRules()) {
    Severity sev = rule->defaultSeverity();
    if (auto it = cfg.rules.find(std::string(rule->id())); it != cfg.rules.end()) sev = it->second;
    if (sev == Severity::Off) continue;
    std::vector<Finding> out;
    rule->check(ctx, out);
    for (Finding& f : out) {
      if (f.rule.empty()) f.rule = std::string(rule->id());
      // A rule may choose a severity below its default (desirable keywords);
      // configuration overrides it only when set explicitly.
      if (cfg.rules.count(f.rule)) f.severity = sev;
      else if (f.severity == Severity::Off) f.severity = sev;
      all.push_back(std::move(f));
    }
  }
  std::vector<Finding> kept;
  kept.reserve(all.size());
  for (Finding& f : all)
    if (!isSuppressed(*doc, f)) kept.push_back(std::move(f));
  sortFindings(kept);
  res.findings = std::move(kept);
  res.doc = std::move(doc);
  return res;
}

bool isSuppressed(const CvDocument& doc, const Finding& f) {
  if (doc.suppressions.empty()) return false;
  uint32_t line = doc.source(f.file).lineOf(f.range.begin);
  for (const Suppression& s : doc.suppressions) {
    if (s.file != f.file || line < s.firstLine || line > s.lastLine) continue;
    if (s.rule == "*" || s.rule == f.rule) return true;
  }
  return false;
}

void sortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    if (a.range.end != b.range.end) return a.range.end < b.range.end;
    return a.rule < b.rule;
  });
}

void clearEngineCaches() {
  bumpCacheGeneration();
  // Free this thread's entries now, so that the next analysis on it does not
  // pay for the clearing; other threads' caches empty on their next use.
  wording::syncTokenCache();
  lexicon::syncVerbCache();
}

void warmUpEngine() {
  // Fictional; enough sections, bullets and dates to reach every rule.
  static constexpr std::string_view kMarkdown =
      "# Sam Example\n\nsam@example.com\n\n## Summary\n\nBackend developer.\n\n## Experience\n\n"
      "**Engineer**, Example Ltd, Jan 2020 - Present\n\n- Responsible for the API in Go and PostgreSQL\n"
      "- Reduced latency by 40%\n\n## Education\n\nBSc Computing, 2019\n\n## Skills\n\nPython, Docker\n";
  static constexpr std::string_view kLatex =
      "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n\\begin{itemize}\n"
      "\\item Helped with the build\n\\end{itemize}\n\\end{document}\n";
  for (auto [text, format] : {std::pair{kMarkdown, Format::Markdown}, std::pair{kLatex, Format::Latex}}) {
    AnalysisRequest req;
    req.path = format == Format::Latex ? "warm-up.tex" : "warm-up.md";
    req.text = std::string(text);
    req.format = format;
    (void)analyze(req);
  }
}

std::string applyEdits(std::string_view text, std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end < b.range.end;
  });
  std::string out;
  out.reserve(text.size());
  uint32_t pos = 0;
  for (const Edit& e : edits) {
    if (e.range.begin < pos || e.range.end > text.size() || e.range.end < e.range.begin) continue;  // overlap: skip
    out.append(text.substr(pos, e.range.begin - pos));
    out.append(e.newText);
    pos = e.range.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace cvlint
