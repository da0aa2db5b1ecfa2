// The LaTeX front end: constructs, CV classes, user macros, \input, layout
// facts, the source map (on fixtures and on every corpus LaTeX document),
// hostile input, and golden dumps of the synthetic fixtures.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "dump.hpp"
#include "engine.hpp"
#include "testing.hpp"

using namespace cvlint;
namespace fs = std::filesystem;

namespace {

// Files held in memory, keyed by path.
class MemFiles : public FileProvider {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& p) const override {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  bool allowed(const std::string& p) const override { return p.rfind("..", 0) != 0 && p.rfind("/", 0) != 0; }
};

std::shared_ptr<CvDocument> parse(const std::string& text, const Config& cfg = {}, const FileProvider* files = nullptr,
                                  const std::string& path = "cv.tex") {
  return parseDocument(path, text, Format::Latex, cfg, files);
}

std::vector<const Block*> blocksOf(const CvDocument& d, BlockKind k) {
  std::vector<const Block*> out;
  for (const Block& b : d.blocks)
    if (b.kind == k) out.push_back(&b);
  return out;
}

// Every verbatim prose byte equals its source byte; synthetic segments map
// inside their block; segments are contiguous and cover the text.
std::string checkSourceMap(const CvDocument& d) {
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const Block& b = d.blocks[i];
    std::string_view src = d.source(b.file).view();
    uint32_t at = 0;
    std::string where = d.files[b.file].path + " block " + std::to_string(i) + " L" + std::to_string(b.line + 1);
    if (b.range.end < b.range.begin || b.range.end > src.size()) return where + ": bad range";
    for (const Segment& s : b.prose.segments) {
      if (s.textBegin != at) return where + ": segments not contiguous";
      at = s.textEnd;
      if (s.verbatim) {
        if (s.srcEnd > src.size() || s.srcEnd - s.srcBegin != s.textEnd - s.textBegin) return where + ": bad verbatim size";
        if (src.substr(s.srcBegin, s.srcEnd - s.srcBegin) != std::string_view(b.prose.text).substr(s.textBegin, s.textEnd - s.textBegin))
          return where + ": verbatim text differs from source";
      }
      if (s.srcBegin < b.range.begin || s.srcEnd > b.range.end) return where + ": segment maps outside its block";
    }
    if (at != b.prose.text.size()) return where + ": segments do not cover the text";
  }
  return "";
}

std::string sourceDir() { return CVLINT_SOURCE_DIR; }

}  // namespace

TEST_CASE("sections, starred sections and subsections become headings") {
  auto d = parse("\\documentclass{article}\n\\begin{document}\n\\section{Work Experience}\n\\section*{Skills}\n\\subsection[short]{Acme}\n\\end{document}\n");
  auto h = blocksOf(*d, BlockKind::Heading);
  REQUIRE(h.size() == 3);
  CHECK(h[0]->prose.text == "Work Experience");
  CHECK(h[0]->level == 1);
  CHECK(h[1]->prose.text == "Skills");
  CHECK(h[2]->level == 2);
  CHECK(h[2]->command == "subsection");
  CHECK(d->sections.size() == 3);
  CHECK(d->sections[1].kind == SectionKind::Experience);
  CHECK(d->latex.hasDocumentEnv);
  CHECK(d->latex.documentClass == "article");
}

TEST_CASE("itemize, enumerate and description items are bullets with nesting levels") {
  std::string src =
      "\\begin{itemize}\n\\item First point\n\\begin{enumerate}\n\\item Inner\n\\end{enumerate}\n\\item[Tools:] Go\n\\end{itemize}\n";
  auto d = parse(src);
  auto b = blocksOf(*d, BlockKind::Bullet);
  REQUIRE(b.size() == 3);
  CHECK(b[0]->prose.text == "First point");
  CHECK(b[0]->level == 1);
  CHECK(b[0]->command == "item");
  CHECK(src.substr(b[0]->markerRange.begin, b[0]->markerRange.size()) == "\\item");
  CHECK(b[1]->level == 2);
  CHECK(b[1]->ordered);
  CHECK(b[2]->prose.text == "Tools: Go");
  CHECK(checkSourceMap(*d).empty());
}

TEST_CASE("comments are recorded and carry cvlint directives") {
  auto d = parse("% cvlint-disable-next-line weak-verb\nResponsible for things % trailing\n% cvlint: job=x.md\n");
  REQUIRE(d->comments.size() == 3);
  CHECK(d->comments[0].text == " cvlint-disable-next-line weak-verb");
  CHECK(d->comments[0].line == 0);
  CHECK(d->settings.at("job") == "x.md");
  REQUIRE(!d->suppressions.empty());
  CHECK(d->suppressions[0].firstLine == 1);
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text == "Responsible for things");
}

TEST_CASE("escapes, dashes, quotes and ties decode as synthetic segments") {
  std::string src = "Grew revenue 40\\% in C\\# and R\\&D --- ``fast'' ~ \\pounds 5 -- 6 \\$ \\_ \\{x\\}";
  auto d = parse(src);
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text == "Grew revenue 40% in C# and R&D \xE2\x80\x94 \xE2\x80\x9C" "fast\xE2\x80\x9D  \xC2\xA3" "5 \xE2\x80\x93 6 $ _ {x}");
  const Prose& pr = p[0]->prose;
  size_t pct = pr.text.find('%');
  CHECK(!pr.isVerbatim(static_cast<uint32_t>(pct), static_cast<uint32_t>(pct + 1)));
  CHECK(pr.toSource(static_cast<uint32_t>(pct), static_cast<uint32_t>(pct + 1)) == ByteRange{15, 17});
  CHECK(pr.isVerbatim(0, 12));
  CHECK(checkSourceMap(*d).empty());
}

TEST_CASE("math: inline math is code, display math is dropped") {
  auto d = parse("Cut cost by $O(n)$ and \\(x\\) here.\n\n\\[ y = 1 \\]\n$$ z $$\n\\begin{equation}q\\end{equation}\n");
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text == "Cut cost by O(n) and x here.");
  CHECK(p[0]->prose.overlapsCode(12, 13));
  CHECK(!p[0]->prose.overlapsCode(0, 3));
}

TEST_CASE("verbatim-like environments are skipped") {
  auto d = parse("\\begin{verbatim}\n\\item no \\section{no}\n\\end{verbatim}\n\\begin{lstlisting}\n\\item x\n\\end{lstlisting}\n\\begin{comment}\n\\section{Hidden}\n\\end{comment}\nText\n");
  CHECK(blocksOf(*d, BlockKind::Bullet).empty());
  CHECK(blocksOf(*d, BlockKind::Heading).empty());
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text == "Text");
  CHECK(blocksOf(*d, BlockKind::Code).size() == 3);
}

TEST_CASE("line breaks and blank lines split paragraphs; preamble is not prose") {
  auto d = parse("\\documentclass{article}\nPreamble text\n\\begin{document}\nOne\ntwo\\\\ Three\n\nFour\n\\end{document}\nAfter\n");
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 3);
  CHECK(p[0]->prose.text == "One two");
  CHECK(p[1]->prose.text == "Three");
  CHECK(p[2]->prose.text == "Four");
  CHECK(d->latex.preamble.begin == 0);
}

TEST_CASE("non-prose arguments never reach prose") {
  auto d = parse(
      "See \\href{https://example.com/x}{my site}, \\label{l} \\textcolor{red}{red text} \\hspace{3pt}and "
      "\\textbf{bold} \\emph{em} \\textit{it}\\footnote{n} \\cite{k}.");
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text.find("example.com") == std::string::npos);
  CHECK(p[0]->prose.text.find("red text") != std::string::npos);
  CHECK(p[0]->prose.text.find("red ") == p[0]->prose.text.find("red text"));
  CHECK(p[0]->prose.text.find("3pt") == std::string::npos);
  CHECK(p[0]->prose.text.find("my site") != std::string::npos);
  CHECK(p[0]->prose.text.find("bold em it") != std::string::npos);
}

TEST_CASE("layout commands become Other blocks for the page model") {
  auto d = parse("\\vspace{-4pt}\n\\small\n\\newpage\n\\clearpage\nText\n");
  auto o = blocksOf(*d, BlockKind::Other);
  REQUIRE(o.size() == 4);
  CHECK(o[0]->command == "vspace");
  CHECK(o[0]->arg == "-4pt");
  CHECK(o[1]->command == "small");
  CHECK(o[2]->command == "newpage");
  CHECK(o[3]->command == "clearpage");
}

TEST_CASE("user macros: bullet macros, entry macros and list wrappers (Jake's resume)") {
  std::string src = test::readFile(sourceDir() + "/tests/golden/latex/jake.tex");
  REQUIRE(!src.empty());
  auto d = parse(src);
  auto b = blocksOf(*d, BlockKind::Bullet);
  REQUIRE(b.size() == 2);
  CHECK(b[0]->prose.text == "Built a billing API in Go serving 2M requests a day");
  CHECK(b[0]->command == "resumeItem");
  CHECK(b[0]->level == 1);
  CHECK(src.substr(b[0]->markerRange.begin, b[0]->markerRange.size()) == "\\resumeItem");
  CHECK(b[1]->prose.text == "Was responsible for the on-call rota");
  REQUIRE(d->entries.size() == 2);
  const Entry& e = d->entries[0];
  CHECK(e.role.text == "Software Engineer");
  CHECK(e.organisation.text == "Example Systems Ltd");
  CHECK(e.dates.text == "Jan 2021 \xE2\x80\x93 Present");
  CHECK(e.location.text == "Leeds, UK");
  CHECK(src.substr(e.role.range.begin, e.role.range.size()) == "Software Engineer");
  CHECK(e.bullets.size() == 2);
  CHECK(d->blocks[e.headerBlock].kind == BlockKind::EntryHeader);
  CHECK(d->blocks[e.headerBlock].entry == 0);
  CHECK(d->entries[1].organisation.text == "University of Somewhere");
  CHECK(d->entries[1].role.text == "BSc Computer Science");
  // tabular* inside the entry macro: recorded once.
  int tables = 0;
  for (const LayoutFact& l : d->layout) tables += l.kind == LayoutKind::Table;
  CHECK(tables == 1);
  CHECK(checkSourceMap(*d).empty());
}

TEST_CASE("config overrides a command's role") {
  std::string src = "\\newcommand{\\achievement}[1]{\\textbullet~#1\\\\}\n\\achievement{Won the prize}\n\\skipme{secret}\n\\mybox{Heading text}\n";
  Config cfg;
  cfg.latexCommands["achievement"] = CommandRole::Bullet;
  cfg.latexCommands["skipme"] = CommandRole::Ignore;
  cfg.latexCommands["mybox"] = CommandRole::Heading;
  auto d = parse(src, cfg);
  auto b = blocksOf(*d, BlockKind::Bullet);
  REQUIRE(b.size() == 1);
  CHECK(b[0]->prose.text == "Won the prize");
  CHECK(b[0]->command == "achievement");
  for (const Block& x : d->blocks) CHECK(x.prose.text.find("secret") == std::string::npos);
  auto h = blocksOf(*d, BlockKind::Heading);
  REQUIRE(h.size() == 1);
  CHECK(h[0]->prose.text == "Heading text");
  // Without the override the macro expands to running text.
  auto d2 = parse(src);
  CHECK(blocksOf(*d2, BlockKind::Bullet).empty());
}

TEST_CASE("moderncv: cventry, cvitem, contacts, name and photo") {
  std::string src = test::readFile(sourceDir() + "/tests/golden/latex/moderncv.tex");
  auto d = parse(src);
  REQUIRE(d->entries.size() == 1);
  CHECK(d->entries[0].dates.text == "2020\xE2\x80\x93" "2024");
  CHECK(d->entries[0].role.text == "Data Engineer");
  CHECK(d->entries[0].organisation.text == "Example Analytics");
  CHECK(d->entries[0].location.text == "London");
  CHECK(d->entries[0].bullets.size() == 2);
  auto t = blocksOf(*d, BlockKind::Title);
  REQUIRE(t.size() == 1);
  CHECK(t[0]->prose.text == "Sam Sample");
  std::map<ContactKind, std::string> c;
  for (const Contact& x : d->contacts) c[x.kind] = x.value;
  CHECK(c[ContactKind::Email] == "sam@example.com");
  CHECK(c[ContactKind::LinkedIn] == "sam-sample");
  CHECK(c[ContactKind::GitHub] == "samsample");
  CHECK(c.count(ContactKind::Phone));
  bool photo = false;
  for (const LayoutFact& l : d->layout) photo = photo || l.kind == LayoutKind::Photo;
  CHECK(photo);
  CHECK(d->latex.documentClass == "moderncv");
  CHECK(d->latex.packageOptions.at("geometry") == "scale=0.75");
  REQUIRE(!d->latex.preambleCommands.empty());
  CHECK(d->latex.preambleCommands[0] == "\\usepackage[scale=0.75]{geometry}");
}

TEST_CASE("Awesome-CV with \\input: files, cventry order, cvitems, missing input") {
  MemFiles files;
  std::string dir = sourceDir() + "/tests/golden/latex/awesome/";
  files.files["awesome/sections/experience.tex"] = test::readFile(dir + "sections/experience.tex");
  auto d = parse(test::readFile(dir + "cv.tex"), {}, &files, "awesome/cv.tex");
  REQUIRE(d->files.size() == 2);
  CHECK(d->files[1].path == "awesome/sections/experience.tex");
  REQUIRE(d->entries.size() == 1);
  const Entry& e = d->entries[0];
  CHECK(e.role.text == "Site Reliability Engineer");
  CHECK(e.organisation.text == "Example Cloud Ltd");
  CHECK(e.location.text == "Bristol, UK");
  CHECK(e.dates.text == "Mar. 2019 - Present");
  CHECK(e.file == 1);
  REQUIRE(e.bullets.size() == 2);
  CHECK(d->blocks[e.bullets[0]].file == 1);
  CHECK(d->blocks[e.bullets[0]].prose.text == "Reduced paging volume by 60% with SLO-based alerts.");
  REQUIRE(d->problems.size() == 1);
  CHECK(d->problems[0].message.find("missing.tex") != std::string::npos);
  CHECK(checkSourceMap(*d).empty());
}

TEST_CASE("\\input cycles and outside paths are refused") {
  MemFiles files;
  files.files["a.tex"] = "\\input{b}\nA text\n";
  files.files["b.tex"] = "\\input{a}\nB text\n";
  auto d = parse("\\input{a}\n\\input{../secret}\n", {}, &files, "main.tex");
  CHECK(d->files.size() == 3);
  bool cycle = false, outside = false;
  for (const ParseProblem& p : d->problems) {
    cycle = cycle || p.message.find("cycle") != std::string::npos;
    outside = outside || p.message.find("outside") != std::string::npos;
  }
  CHECK(cycle);
  CHECK(outside);
}

TEST_CASE("layout facts: tables, columns, minipages, boxes, graphics, icons, images") {
  auto d = parse(
      "\\documentclass[twocolumn]{article}\n\\begin{document}\n\\includegraphics{me}\n\\faEnvelope\\ a\n"
      "\\begin{minipage}{0.5\\textwidth}L\\end{minipage}\\hfill\n\\begin{minipage}{0.5\\textwidth}R\\end{minipage}\n\n"
      "\\section{X}\n\\begin{tabular}{ll}a & b\\\\\\end{tabular}\n\\begin{multicols}{2}x\\end{multicols}\n"
      "\\begin{tcolorbox}y\\end{tcolorbox}\n\\begin{tikzpicture}\\node{z};\\end{tikzpicture}\n\\includegraphics{logo}\n"
      "% \\begin{tabular}{l}\\end{tabular}\n\\end{document}\n");
  std::map<LayoutKind, int> n;
  for (const LayoutFact& l : d->layout) ++n[l.kind];
  CHECK(n[LayoutKind::Columns] == 3);  // twocolumn, minipages, multicols
  CHECK(n[LayoutKind::Table] == 1);
  CHECK(n[LayoutKind::Box] == 1);
  CHECK(n[LayoutKind::Graphics] == 1);
  CHECK(n[LayoutKind::IconFont] == 1);
  CHECK(n[LayoutKind::Photo] == 1);
  CHECK(n[LayoutKind::Image] == 1);
  for (const Block& b : d->blocks) CHECK(b.prose.text.find('z') == std::string::npos);
}

TEST_CASE("a fragment without \\documentclass is body") {
  auto d = parse("\\cvsection{Experience}\n\\begin{itemize}\\item Did it\\end{itemize}\n");
  CHECK(blocksOf(*d, BlockKind::Heading).size() == 1);
  CHECK(blocksOf(*d, BlockKind::Bullet).size() == 1);
}

TEST_CASE("hostile input never crashes or overflows") {
  Config cfg;
  SECTION("20,000 open braces") {
    auto d = parse(std::string(20000, '{') + "text" + "\\section{" + std::string(20000, '{'));
    CHECK(checkSourceMap(*d).empty());
  }
  SECTION("10,000 nested environments") {
    std::string s;
    for (int i = 0; i < 10000; ++i) s += "\\begin{itemize}\\item x";
    for (int i = 0; i < 10000; ++i) s += "\\end{itemize}";
    auto d = parse(s);
    CHECK(blocksOf(*d, BlockKind::Bullet).size() == 10000);
    CHECK(checkSourceMap(*d).empty());
  }
  SECTION("unterminated everything") {
    for (const char* s : {"\\section{", "\\begin{verbatim}\nx", "$x", "\\[x", "\\verb|x", "\\href{", "\\item[",
                          "\\newcommand{\\x}[", "\\begin{itemize}\\item", "\\", "\\documentclass{article}\\begin{document",
                          "\\cventry{a}{b", "\\def\\x#1#2{", "%"}) {
      auto d = parse(s);
      CHECK(checkSourceMap(*d).empty());
    }
  }
  SECTION("invalid UTF-8") {
    auto d = parse("\\section{\xFF\xFE}\n\\item \xC3(\x80\n\\'\xE2\n");
    CHECK(checkSourceMap(*d).empty());
  }
  SECTION("\\def loops stop") {
    auto d = parse("\\def\\a{\\a}\\a\n\\def\\b{\\b\\b}\\b\n\\newcommand{\\c}{x\\c}\\c\nend\n");
    CHECK(!d->problems.empty());
    CHECK(checkSourceMap(*d).empty());
  }
}

TEST_CASE("source map is exact on the golden fixtures") {
  for (const char* f : {"article.tex", "jake.tex", "moderncv.tex"}) {
    auto d = parse(test::readFile(sourceDir() + "/tests/golden/latex/" + f));
    INFO(f);
    CHECK(checkSourceMap(*d).empty());
  }
}

namespace {

struct CorpusDoc {
  std::string id, dir, main;
};

std::vector<CorpusDoc> corpusLatex() {
  std::vector<CorpusDoc> out;
  std::string corpus = CVLINT_CORPUS_DIR;
  std::string m = test::readFile(corpus + "/manifest.json");
  if (m.empty()) return out;
  auto j = nlohmann::json::parse(m, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.value("format", "") != "latex") continue;
    std::string id = e.value("id", "");
    out.push_back({id, corpus + "/" + id, corpus + "/" + e.value("main", "")});
  }
  return out;
}

}  // namespace

TEST_CASE("every corpus LaTeX document parses with an exact source map, sections and bullets") {
  auto docs = corpusLatex();
  REQUIRE(docs.size() >= 20);
  // Documents whose source honestly has no \item or \section-like command:
  // kip93 (its class makes the headings), the latexcv-* templates (entries and
  // tables, no lists), twentyseconds (\twentyitem entries, no lists),
  // latexcv-rows (\metasection tables, no headings either).
  std::set<std::string> noBullets = {"kip93-resume", "latexcv-classic", "latexcv-rows", "latexcv-sidebar",
                                     "latexcv-two-column", "twentyseconds-cv"};
  std::set<std::string> noSections = {"kip93-resume", "latexcv-rows"};
  for (const CorpusDoc& c : docs) {
    INFO(c.id);
    DiskFileProvider files(c.dir);
    auto d = parseDocument(c.main, test::readFile(c.main), Format::Latex, {}, &files);
    CHECK(checkSourceMap(*d) == "");
    size_t sections = d->sections.size() - 1, bullets = blocksOf(*d, BlockKind::Bullet).size();
    if (!noSections.count(c.id)) CHECK(sections >= 1);
    else CHECK(sections == 0);
    if (!noBullets.count(c.id)) CHECK(bullets >= 1);
    else CHECK(bullets == 0);
    for (const ParseProblem& p : d->problems) CHECK(p.message.find("not found") == std::string::npos);
  }
}

TEST_CASE("golden dumps of the LaTeX fixtures") {
  std::string dir = sourceDir() + "/tests/golden/latex/";
  for (const char* f : {"article", "jake", "moderncv"}) {
    INFO(f);
    auto d = parse(test::readFile(dir + f + ".tex"), {}, nullptr, std::string(f) + ".tex");
    CHECK(test::matchesGolden(dir + f + ".dump", dumpDocument(*d, true)));
  }
  MemFiles files;
  files.files["awesome/sections/experience.tex"] = test::readFile(dir + "awesome/sections/experience.tex");
  auto d = parse(test::readFile(dir + "awesome/cv.tex"), {}, &files, "awesome/cv.tex");
  CHECK(test::matchesGolden(dir + "awesome/cv.dump", dumpDocument(*d, true)));
}

TEST_CASE("a template's own entry macro: fields guessed, long text becomes the description") {
  std::string src =
      "\\newcommand{\\cvevent}[4]{\\begin{tabular*}{1\\textwidth}{p{13cm} p{3cm}}\\textbf{#2} - #3 & #1\\end{tabular*}\\\\#4}\n"
      "\\section{Experience}\n"
      "\\cvevent{2016 - present}{Data Analyst}{Example Council}{Built the reporting pipeline for twelve departments and trained "
      "forty staff to use the dashboards every week.}\n";
  auto d = parse(src);
  REQUIRE(d->entries.size() == 1);
  CHECK(d->entries[0].dates.text == "2016 - present");
  CHECK(d->entries[0].role.text == "Data Analyst");
  CHECK(d->entries[0].organisation.text == "Example Council");
  const Block& h = d->blocks[d->entries[0].headerBlock];
  CHECK(h.prose.text.find("Built") == std::string::npos);
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text.rfind("Built the reporting pipeline", 0) == 0);
  CHECK(checkSourceMap(*d).empty());
}

TEST_CASE("AltaCV, yaac and mcdowell entry commands") {
  auto alta = parse("\\documentclass{altacv}\n\\begin{document}\n\\cvsection{Experience}\n\\cvevent{Analyst}{Example Bank}{Jan 2020 -- Present}{Leeds}\n\\begin{itemize}\\item Did X\\end{itemize}\n\\end{document}\n");
  REQUIRE(alta->entries.size() == 1);
  CHECK(alta->entries[0].role.text == "Analyst");
  CHECK(alta->entries[0].organisation.text == "Example Bank");
  CHECK(alta->entries[0].location.text == "Leeds");
  CHECK(alta->entries[0].bullets.size() == 1);
  auto yaac = parse("\\documentclass{yaac-another-awesome-cv}\n\\begin{document}\n\\sectionTitle{Experience}{\\faSuitcase}\n"
                    "\\experience{Today}{Developer}{Example SAS}{Paris}{2015}{\\begin{itemize}\\item Built Y\\end{itemize}}{Java, Go}\n\\end{document}\n");
  REQUIRE(yaac->entries.size() == 1);
  CHECK(yaac->entries[0].role.text == "Developer");
  CHECK(yaac->entries[0].organisation.text == "Example SAS");
  CHECK(yaac->entries[0].bullets.size() == 1);
  CHECK(yaac->sections.size() == 2);
  auto mc = parse("\\documentclass{mcdowellcv}\n\\begin{document}\n\\begin{cvsection}{Employment}\n"
                  "\\begin{cvsubsection}{Intern}{Example Corp}{Summer 2004}\n\\begin{itemize}\\item Wrote Z\\end{itemize}\n"
                  "\\end{cvsubsection}\n\\end{cvsection}\n\\end{document}\n");
  REQUIRE(mc->entries.size() == 1);
  CHECK(mc->entries[0].role.text == "Intern");
  CHECK(mc->entries[0].dates.text == "Summer 2004");
  CHECK(mc->sections.size() == 2);
  CHECK(mc->sections[1].kind == SectionKind::Experience);
}

TEST_CASE("words stay apart across unknown macro arguments; glyph numbers are not prose") {
  auto d = parse("\\datedline{Example Ltd}{2019 -- 2021}%\n  {Leeds}\n\n\\iconentry{\\char\"F015}{me.example}\n");
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 2);
  CHECK(p[0]->prose.text == "Example Ltd 2019 \xE2\x80\x93 2021 Leeds");
  CHECK(p[1]->prose.text == "me.example");
  CHECK(checkSourceMap(*d).empty());
}

TEST_CASE("a line break inside a bullet is a space; a control word eats the spaces after it") {
  auto d = parse("\\begin{itemize}\\item Line one\\\\ line two\\item A\\\\*[2pt]B\\end{itemize}\n\\small Cost \\pounds 5\n");
  auto b = blocksOf(*d, BlockKind::Bullet);
  REQUIRE(b.size() == 2);
  CHECK(b[0]->prose.text == "Line one line two");
  CHECK(b[1]->prose.text == "A B");
  auto p = blocksOf(*d, BlockKind::Paragraph);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->prose.text == "Cost \xC2\xA3" "5");
}

TEST_CASE("random LaTeX-like input: total, and the source map stays exact") {
  // Deterministic: pieces that exercise every tokenizer and walker path.
  static const char* pieces[] = {"\\section{", "\\item ", "\\begin{itemize}", "\\end{itemize}", "{", "}", "[", "]",
                                 "$", "$$", "\\(", "\\)", "\\\\", "%c\n", "\n\n", " ", "~", "--", "``", "''", "\\%",
                                 "\\newcommand{\\m}[1]{\\item #1}", "\\m{x}", "\\def\\d{\\d}", "\\href{u}{t}",
                                 "\\cventry{a}{b}{c}{d}{e}", "\\begin{verbatim}", "\\end{verbatim}", "\\verb|v|",
                                 "\\'e", "\\begin{tabular}{ll}", "&", "\\end{tabular}", "word", "\xC3\xA9", "\xFF",
                                 "\\begin{document}", "\\documentclass{article}", "\\input{x}", "#1", "\\name{a}{b}"};
  uint32_t seed = 12345;
  auto rnd = [&]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  MemFiles files;
  files.files["x.tex"] = "\\item from input {";
  for (int doc = 0; doc < 1500; ++doc) {
    std::string s;
    int n = static_cast<int>(rnd() % 60);
    for (int i = 0; i < n; ++i) s += pieces[rnd() % (sizeof(pieces) / sizeof(pieces[0]))];
    auto d = parse(s, {}, &files);
    std::string err = checkSourceMap(*d);
    INFO(s);
    REQUIRE(err == "");
  }
}
