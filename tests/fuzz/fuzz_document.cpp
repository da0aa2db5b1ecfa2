// libFuzzer target: arbitrary bytes as a CV (Markdown or LaTeX, chosen by the
// build: CVLINT_FUZZ_FORMAT), then every rule and the position conversions,
// with the invariants every client relies on checked on each input:
//  - every finding's range (and each related range in the same document) lies
//    inside its file and on UTF-8 boundaries;
//  - every fix's edits lie inside the file, on UTF-8 boundaries, do not
//    overlap, and apply: applyEdits() takes every one of them (the result has
//    exactly the length the edits imply, so none was skipped);
//  - positions round-trip (byte -> line/column -> byte) in UTF-8, UTF-16 and
//    UTF-32 at the range ends (every distinct end, or 64 spread evenly over
//    them when there are more: each conversion scans its line, so all of them
//    on a one-line 64 KB input would be quadratic in the harness);
//  - the output is deterministic: on one input in 8 (chosen by a hash of the
//    bytes, so a given input is always or never checked) a second analysis,
//    with the engine's per-thread memo caches now warm, must give the same
//    digest of every field of every finding.
//
// Cost per input (see RESULTS.md): one analysis, plus one more on the
// sampled eighth. Each input is analysed on a fresh thread, so the engine's
// thread_local caches (tokenized bullets, verb answers) are built and freed
// within the input: libFuzzer's leak check (more mallocs than frees during an
// input -> run it again, then a LeakSanitizer pass) then fires on real leaks
// only, instead of re-running most inputs because a cache grew.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "core/text.hpp"
#include "engine.hpp"

using namespace cvlint;

namespace {

void require(bool ok, const char* what) {
  if (!ok) {
    __builtin_trap();  // libFuzzer reports the input
  }
  (void)what;
}

// FNV-1a, 64 bits.
struct Digest {
  uint64_t h = 1469598103934665603ull;
  void bytes(const void* p, size_t n) {
    const auto* c = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) h = (h ^ c[i]) * 1099511628211ull;
  }
  void str(std::string_view s) {
    num(s.size());
    bytes(s.data(), s.size());
  }
  void num(uint64_t v) { bytes(&v, sizeof v); }
};

uint64_t digestOf(const AnalysisResult& r) {
  Digest d;
  d.num(r.findings.size());
  for (const Finding& f : r.findings) {
    d.str(f.rule);
    d.num(static_cast<uint64_t>(f.severity));
    d.num(f.file);
    d.num(f.range.begin);
    d.num(f.range.end);
    d.str(f.message);
    d.num(f.fixes.size());
    for (const Fix& fx : f.fixes) {
      d.str(fx.title);
      d.num(fx.preferred * 2 + fx.safe);
      d.num(fx.edits.size());
      for (const Edit& e : fx.edits) {
        d.num(e.file);
        d.num(e.range.begin);
        d.num(e.range.end);
        d.str(e.newText);
      }
    }
    d.num(f.related.size());
    for (const Related& rel : f.related) {
      d.str(rel.path);
      d.num(rel.file);
      d.num(rel.range.begin);
      d.num(rel.range.end);
      d.num(rel.line);
      d.str(rel.message);
    }
    d.num(f.data.size());
    for (const auto& [k, v] : f.data) {
      d.str(k);
      d.num(v.index());
      if (const auto* s = std::get_if<std::string>(&v)) d.str(*s);
      if (const auto* n = std::get_if<double>(&v)) d.bytes(n, sizeof *n);
      if (const auto* b = std::get_if<bool>(&v)) d.num(*b);
    }
  }
  d.num(static_cast<uint64_t>(r.pages.estimated * 1000));
  return d.h;
}

void checkRange(const CvDocument& doc, uint16_t file, ByteRange r) {
  require(file < doc.files.size(), "range file");
  const SourceText& t = doc.source(file);
  require(r.begin <= r.end && r.end <= t.bytes().size(), "range inside the file");
  require(isCodePointBoundary(t.view(), r.begin) && isCodePointBoundary(t.view(), r.end), "range on UTF-8 boundaries");
}

void checkRoundTrips(const CvDocument& doc, std::vector<std::pair<uint16_t, uint32_t>> ends) {
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  constexpr size_t kMax = 64;
  size_t n = ends.size();
  size_t take = std::min(n, kMax);
  for (size_t k = 0; k < take; ++k) {
    // Evenly spread, first and last included.
    size_t i = take == 1 ? 0 : k * (n - 1) / (take - 1);
    auto [file, b] = ends[i];
    const SourceText& t = doc.source(file);
    // A byte between '\r' and '\n' cannot round-trip; anything else must.
    bool crlf = b > 0 && b < t.bytes().size() && t.bytes()[b - 1] == '\r' && t.bytes()[b] == '\n';
    for (Encoding enc : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
      Position p = t.toPosition(b, enc);
      require(crlf || t.toByte(p, enc) == b, "position round trip");
    }
  }
}

void checkFixes(const AnalysisRequest& req, const AnalysisResult& a, const Finding& f) {
  for (const Fix& fx : f.fixes) {
    const std::vector<Edit>& edits = fx.edits;
    std::vector<Edit> main;
    int64_t expected = static_cast<int64_t>(req.text.size());
    for (size_t i = 0; i < edits.size(); ++i) {
      const Edit& e = edits[i];
      checkRange(*a.doc, e.file, e.range);
      for (size_t j = 0; j < i; ++j)
        if (edits[j].file == e.file)
          require(e.range.end <= edits[j].range.begin || edits[j].range.end <= e.range.begin ||
                      (e.range.empty() && edits[j].range.empty() && e.range.begin != edits[j].range.begin) ||
                      (e.range.empty() != edits[j].range.empty()),
                  "edits do not overlap");
      if (e.file == 0) {
        main.push_back(e);
        expected += static_cast<int64_t>(e.newText.size()) - (e.range.end - e.range.begin);
      }
    }
    std::string out = applyEdits(req.text, main);
    require(static_cast<int64_t>(out.size()) == expected, "every edit of a fix applies");
  }
}

void testOne(const AnalysisRequest& req, bool checkDeterminism) {
  AnalysisResult a = analyze(req);
  require(a.doc != nullptr, "a document");
  std::vector<std::pair<uint16_t, uint32_t>> ends;
  for (const Finding& f : a.findings) {
    checkRange(*a.doc, f.file, f.range);
    ends.emplace_back(f.file, f.range.begin);
    ends.emplace_back(f.file, f.range.end);
    for (const Related& rel : f.related)
      if (rel.path.empty()) checkRange(*a.doc, rel.file, rel.range);
    checkFixes(req, a, f);
  }
  checkRoundTrips(*a.doc, std::move(ends));
  if (checkDeterminism) {
    uint64_t first = digestOf(a);
    a = AnalysisResult{};
    require(digestOf(analyze(req)) == first, "deterministic output");
  }
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
  Digest h;
  h.bytes(data, size);
  bool sampled = h.h % 8 == 0;
  std::thread worker([&] { testOne(req, sampled); });
  worker.join();
  return 0;
}
