// libFuzzer target: arbitrary bytes as a CV (Markdown or LaTeX, chosen by the
// build: CVLINT_FUZZ_FORMAT), then every rule and the position conversions,
// with the invariants every client relies on checked on each input:
//  - every finding's range lies inside its file and on UTF-8 boundaries;
//  - every fix's edits lie inside the file, do not overlap, and apply;
//  - positions round-trip (byte -> UTF-16 -> byte) at every range end;
//  - the output is deterministic (a second run gives the same findings).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine.hpp"

using namespace cvlint;

namespace {

void require(bool ok, const char* what) {
  if (!ok) {
    __builtin_trap();  // libFuzzer reports the input
  }
  (void)what;
}

std::string key(const AnalysisResult& r) {
  std::string k;
  for (const Finding& f : r.findings) {
    k += f.rule + ":" + std::to_string(f.file) + ":" + std::to_string(f.range.begin) + "-" + std::to_string(f.range.end) +
         ":" + f.message + "|";
    for (const Fix& fx : f.fixes)
      for (const Edit& e : fx.edits) k += std::to_string(e.range.begin) + "," + std::to_string(e.range.end) + "=" + e.newText + ";";
  }
  return k;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  AnalysisRequest req;
  req.text.assign(reinterpret_cast<const char*>(data), size);
#if CVLINT_FUZZ_FORMAT == 1
  req.path = "cv.tex";
  req.format = Format::Latex;
#else
  req.path = "cv.md";
  req.format = Format::Markdown;
#endif
  AnalysisResult a = analyze(req);
  require(a.doc != nullptr, "a document");
  for (const Finding& f : a.findings) {
    require(f.file < a.doc->files.size(), "finding file");
    const SourceText& t = a.doc->source(f.file);
    require(f.range.begin <= f.range.end && f.range.end <= t.bytes().size(), "finding range inside the file");
    require(isCodePointBoundary(t.view(), f.range.begin) && isCodePointBoundary(t.view(), f.range.end),
            "finding on UTF-8 boundaries");
    for (uint32_t b : {f.range.begin, f.range.end}) {
      Position p = t.toPosition(b, Encoding::Utf16);
      uint32_t back = t.toByte(p, Encoding::Utf16);
      // A byte between '\r' and '\n' cannot round-trip; anything else must.
      bool crlf = b > 0 && b < t.bytes().size() && t.bytes()[b - 1] == '\r' && t.bytes()[b] == '\n';
      require(crlf || back == b, "position round trip");
    }
    for (const Fix& fx : f.fixes) {
      std::vector<Edit> edits = fx.edits;
      for (size_t i = 0; i < edits.size(); ++i) {
        const Edit& e = edits[i];
        require(e.file < a.doc->files.size(), "edit file");
        const SourceText& et = a.doc->source(e.file);
        require(e.range.begin <= e.range.end && e.range.end <= et.bytes().size(), "edit inside the file");
        require(isCodePointBoundary(et.view(), e.range.begin) && isCodePointBoundary(et.view(), e.range.end),
                "edit on UTF-8 boundaries");
        for (size_t j = 0; j < i; ++j)
          if (edits[j].file == e.file)
            require(e.range.end <= edits[j].range.begin || edits[j].range.end <= e.range.begin ||
                        (e.range.empty() && edits[j].range.empty() && e.range.begin != edits[j].range.begin) ||
                        (e.range.empty() != edits[j].range.empty()),
                    "edits do not overlap");
      }
      std::vector<Edit> main;
      for (const Edit& e : edits)
        if (e.file == 0) main.push_back(e);
      std::string out = applyEdits(req.text, main);
      (void)out;
    }
  }
  AnalysisResult b = analyze(req);
  require(key(a) == key(b), "deterministic output");
  return 0;
}
