// The exact page count: a real, sandboxed TeX compile of the document, run on
// save when `exactPages` is on (never on the keystroke path). This is the one
// part of analysis/ that does I/O and spawns processes.
//
// The sandbox: a private temp folder (mode 0700) holds the copy that is
// compiled, so the user's folder is never written; the document's folder is
// only on TEXINPUTS (read-only use, for its class, style and image files).
// Shell escape is off (-no-shell-escape, shell_escape=f), openout_any=p and
// openin_any=p, rc files are not read (latexmk -norc), the child runs in its
// own process group which is killed on timeout or cancel, and its file sizes
// are capped (RLIMIT_FSIZE).
//
// The engine comes from the document: a `% !TEX program = ...` line wins,
// fontspec/polyglossia mean xelatex, luacode/luainputenc lualatex, else
// pdflatex; latexmk drives it when installed. Markdown goes through pandoc
// (to LaTeX with its default template) and then pdflatex like the rest.
// Where each page begins comes from SyncTeX (LaTeX) or, for Markdown, from
// the page's first text (pdftotext) matched back through the source map.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "config.hpp"
#include "length/pages.hpp"
#include "model.hpp"

namespace cvlint {

struct MeasuredStart {
  int page = 0;           // 2, 3, ...
  std::string path;       // source file (the document's own path for the main file)
  uint32_t line = 0;      // 0-based line where that page's first text comes from
  bool known = false;     // false when SyncTeX / the text match found nothing
  std::string firstText;  // the page's first text (pdftotext), for logs
};

struct MeasureResult {
  bool ok = false;        // a PDF was produced without a TeX error
  int pages = 0;
  std::vector<MeasuredStart> starts;  // pages 2..N
  std::string engine;     // "pdflatex", "xelatex", "lualatex", "pandoc+pdflatex"
  std::string error;      // the first TeX error ("! Undefined control sequence." + line), or why nothing ran
  bool timedOut = false;
  bool cancelled = false;
  double seconds = 0;
};

struct MeasureOptions {
  int timeoutMs = 60000;
  long maxFileBytes = 64L << 20;          // per written file (RLIMIT_FSIZE)
  const std::atomic<bool>* cancel = nullptr;  // set by a new edit: stop and kill
  std::function<void(const std::string&)> progress;  // "Compiling with xelatex", ...
  std::string tempRoot;                   // where the private folder goes (default: $TMPDIR or /tmp)
  bool useLatexmk = true;                 // when installed
};

// True when the tools for a format are installed (a TeX engine; pandoc for Markdown).
bool exactAvailable(Format format);

// The engine a LaTeX document asks for (see above).
std::string pickEngine(std::string_view latexSource);

// Compiles `text` (the document at `path`, whose folder supplies classes and
// images) and measures it. Never throws; blocks until done, timeout or cancel.
MeasureResult measurePages(const std::string& path, const std::string& text, Format format,
                           const Config& config, const MeasureOptions& options = {});

// A successful measurement as a page model (method "measured": the rule then
// says "3 pages (measured)"), its page starts resolved to bytes of the
// document's files. Null when the measurement failed. The server puts this in
// place of the estimate for the saved version and logs the estimate's error.
std::shared_ptr<PageEstimate> measuredEstimate(const MeasureResult& m, const CvDocument& doc);

}  // namespace cvlint
