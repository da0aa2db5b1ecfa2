// The engine's per-thread memos (core/memo.hpp, the token and verb caches)
// must never change an answer, only its time. Every corpus, example and
// synthetic CV is analysed cold (caches emptied first) and warm, and then
// edited line by line as a person types: each edited text analysed with the
// memos full of the earlier versions must give exactly what a cold analysis
// of it gives, every field of every finding, the keyword report and the page
// model's trace included.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine.hpp"
#include "keywords/keywords.hpp"
#include "keywords/matcher.hpp"
#include "length/pages.hpp"
#include "testing.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

std::string digest(const AnalysisResult& r) {
  std::ostringstream o;
  o << "pages " << r.pages.estimated << " " << r.pages.available << "\n";
  for (const Finding& f : r.findings) {
    o << f.rule << " " << static_cast<int>(f.severity) << " " << f.file << " " << f.range.begin << "-"
      << f.range.end << " " << f.message << "\n";
    for (const Fix& x : f.fixes) {
      o << "  fix " << x.title << " " << x.preferred << x.safe << "\n";
      for (const Edit& e : x.edits) o << "    " << e.file << " " << e.range.begin << "-" << e.range.end << " " << e.newText << "\n";
    }
    for (const Related& rel : f.related)
      o << "  rel " << rel.path << " " << rel.file << " " << rel.range.begin << "-" << rel.range.end << " " << rel.line << " "
        << rel.message << "\n";
    for (const auto& [k, v] : f.data) {
      o << "  data " << k << "=";
      std::visit([&](const auto& x) { o << x; }, v);
      o << "\n";
    }
  }
  if (r.keywords) {
    o << "keywords " << r.keywords->source << " " << r.keywords->score << "\n";
    for (const KeywordMatch& m : r.keywords->matches) {
      o << "  " << m.keyword << " " << static_cast<int>(m.status);
      for (const KeywordHit& h : m.hits) o << " " << h.file << ":" << h.range.begin << "-" << h.range.end << h.exact << h.found;
      o << "\n";
    }
  }
  if (r.pageModel)
    for (const PageStart& s : r.pageModel->starts) o << "start " << s.page << " " << s.srcByte << " " << s.line << "\n";
  return o.str();
}

struct Doc {
  std::string path;
  std::string text;
};

std::vector<Doc> documents() {
  std::vector<Doc> out;
  const fs::path corpus = CVLINT_CORPUS_DIR;
  auto manifest = nlohmann::json::parse(test::readFile((corpus / "manifest.json").string()));
  for (const auto& d : manifest) {
    fs::path p = corpus / d["main"].get<std::string>();
    out.push_back({p.string(), test::readFile(p.string())});
  }
  const fs::path src = CVLINT_SOURCE_DIR;
  for (const char* e : {"examples/cv.md", "examples/cv.tex"})
    out.push_back({(src / e).string(), test::readFile((src / e).string())});
  for (const auto& e : fs::directory_iterator(src / "tests/unit/pages/synthetic")) {
    auto ext = e.path().extension();
    if (ext == ".md" || ext == ".tex") out.push_back({e.path().string(), test::readFile(e.path().string())});
  }
  return out;
}

// Analyses as the CLI does (files beside the document readable, so the
// example CV meets its advert and LaTeX inputs are followed).
std::string run(const Doc& d, const std::string& text, bool cold) {
  if (cold) clearEngineCaches();
  DiskFileProvider files(fs::path(d.path).parent_path().string());
  AnalysisRequest req;
  req.path = d.path;
  req.text = text;
  req.files = &files;
  AnalysisResult r = analyze(req);
  return digest(r) + tracePageModel(*r.doc, r.config);
}

}  // namespace

TEST_CASE("memos: warm analyses give exactly the cold answer, on every corpus CV and as each is edited") {
  auto docs = documents();
  REQUIRE(docs.size() >= 20);
  size_t edits = 0;
  for (const Doc& d : docs) {
    INFO(d.path);
    std::string cold = run(d, d.text, true);
    REQUIRE(cold.find("pages ") == 0);
    CHECK(run(d, d.text, false) == cold);
    // Typing: a word inserted mid-line on up to 12 lines spread over the
    // document, each version analysed warm (the memos hold the earlier
    // versions' blocks) and then cold.
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < d.text.size(); ++i)
      if (d.text[i] == '\n') starts.push_back(i + 1);
    std::string text = d.text;
    size_t step = std::max<size_t>(1, starts.size() / 12);
    for (size_t li = 0; li + 1 < starts.size(); li += step) {
      size_t mid = starts[li] + (starts[li + 1] - starts[li]) / 2;
      while (mid > starts[li] && (static_cast<unsigned char>(d.text[mid]) & 0xC0) == 0x80) --mid;  // not inside a character
      size_t shift = text.size() - d.text.size();
      text.insert(mid + shift, "led 40% ");
      std::string warm = run(d, text, false);
      INFO("after an insertion on line " << li + 1);
      CHECK(warm == run(d, text, true));
      ++edits;
    }
  }
  CHECK(edits >= 200);
}

TEST_CASE("memos: the keyword scan of one text in two contexts keeps both answers apart") {
  // "Go" before "to market" is prose in an advert line but a name in a skills
  // list: the memo's key holds the context.
  const std::string text = "Go to market with Kubernetes";
  auto spans = [](const std::vector<kw::Mention>& ms) {
    std::string s;
    for (const kw::Mention& m : ms) s += std::to_string(m.skill) + "@" + std::to_string(m.begin) + " ";
    return s;
  };
  clearEngineCaches();
  const kw::Lexicon& lex = kw::taxonomy();
  std::string prose = spans(lex.scan(text, kw::Lexicon::Context::Prose));
  std::string list = spans(lex.scan(text, kw::Lexicon::Context::List));
  REQUIRE(prose != list);  // the premise: the contexts disagree on this text
  CHECK(spans(lex.scan(text, kw::Lexicon::Context::Prose)) == prose);
  CHECK(spans(lex.scan(text, kw::Lexicon::Context::List)) == list);
  clearEngineCaches();
  CHECK(spans(lex.scan(text, kw::Lexicon::Context::List)) == list);
  CHECK(spans(lex.scan(text, kw::Lexicon::Context::Prose)) == prose);
}
