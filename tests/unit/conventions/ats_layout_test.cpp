// ats-layout: layout constructs an ATS mangles, one finding per construct on
// its first line, in Markdown and LaTeX, the non-layout look-alikes, and the
// real corpus through the real front ends: the multi-column and table-based
// templates are reported, the single-column ones are not.
//
// Jake's resume (and its sb2nov-derived cousins) sets each entry heading in a
// two-column `tabular*` stretched with \extracolsep{\fill}: "Role ... Dates"
// on one line. An ATS reads that row in order, so it is a single-column CV and
// the rule stays quiet on it (tested below, in both a snippet and the corpus).
#include <catch2/catch_test_macros.hpp>
#include <filesystem>

#include "conv_support.hpp"
#include "engine.hpp"

using namespace cvlint;
using namespace cvlint::convtest;

namespace {
const char* kRule = "ats-layout";
}

TEST_CASE("ats-layout: a Markdown pipe table is reported once, on its first line") {
  std::string cv = "# Jane\n\n## Skills\n\n| Skill | Years |\n| --- | --- |\n| Go | 5 |\n| SQL | 7 |\n";
  CHECK(test::annotate(cv, Format::Markdown, kRule) ==
        "# Jane\n\n## Skills\n\n| Skill | Years |\n^^^^^^^^^^^^^^^^^ ats-layout\n| --- | --- |\n| Go | 5 |\n| SQL | 7 |\n");
  auto fs = md(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("row by row") != std::string::npos);
}

TEST_CASE("ats-layout: a Markdown image in the body is reported") {
  auto fs = md("# Jane\n\n## Projects\n\n![Architecture diagram](arch.png)\n\n- Built it\n", kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("image") != std::string::npos);
}

TEST_CASE("ats-layout: a contact line with | separators and commented-out tables are not layout") {
  CHECK(md("# Jane\n\njane@example.com | 07700 900123 | github.com/jane\n\n## Skills\n\n- Go\n", kRule).empty());
  CHECK(md("# Jane\n\n<!--\n| a | b |\n| - | - |\n| 1 | 2 |\n-->\n\n## Skills\n\n- Go\n", kRule).empty());
}

TEST_CASE("ats-layout: LaTeX columns, boxes, graphics and layout tables") {
  struct Case {
    const char* preamble;
    const char* body;
    const char* what;
  };
  Case cases[] = {
      {"\\usepackage{multicol}\n", "\\section{Skills}\n\\begin{multicols}{2}\nGo\n\nSQL\n\\end{multicols}\n", "interleav"},
      {"\\usepackage{paracol}\n", "\\begin{paracol}{2}\nLeft\n\\switchcolumn\nRight\n\\end{paracol}\n", "interleav"},
      {"", "\\twocolumn\n\\section{Skills}\nGo and SQL\n", "interleav"},
      {"", "\\section{Skills}\n\\begin{tabular}{lll}\nGo & SQL & C \\\\\n\\end{tabular}\n", "row by row"},
      {"\\usepackage{tabularx}\n", "\\begin{tabularx}{\\textwidth}{XX}\nA & B \\\\\n\\end{tabularx}\n", "row by row"},
      {"\\usepackage{tcolorbox}\n", "\\begin{tcolorbox}\nSkills: Go\n\\end{tcolorbox}\n", "skip"},
      {"\\usepackage{framed}\n", "\\begin{framed}\nSkills: Go\n\\end{framed}\n", "skip"},
      {"\\usepackage{tikz}\n", "\\begin{tikzpicture}\n\\draw (0,0) -- (1,1);\n\\end{tikzpicture}\n", "graphics"},
      {"", "\\begin{minipage}{0.3\\textwidth}\nLeft\n\\end{minipage}\\hfill\n\\begin{minipage}{0.6\\textwidth}\nRight\n\\end{minipage}\n", ""},
  };
  for (const Case& c : cases) {
    std::string cv = tex(c.body, c.preamble);
    CAPTURE(cv);
    auto fs = latex(cv, kRule);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].message.find(c.what) != std::string::npos);
  }
}

TEST_CASE("ats-layout: the twocolumn class option") {
  std::string cv = "\\documentclass[11pt,twocolumn]{article}\n\\begin{document}\n\\section{Skills}\nGo\n\\end{document}\n";
  auto fs = latex(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("interleav") != std::string::npos);
}

TEST_CASE("ats-layout: fontawesome icons carrying contact details, once per line") {
  std::string cv = tex("\\faEnvelope\\ jane@example.com \\quad \\faPhone\\ 07700 900123\n\n\\section{Skills}\nGo\n",
                       "\\usepackage{fontawesome5}\n");
  auto fs = latex(cv, kRule);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("icon") != std::string::npos);
}

TEST_CASE("ats-layout: heading rows, macro definitions and comments are not layout") {
  // Jake's resume heading: a two-column tabular* stretched to the line.
  CHECK(latex(tex("\\section{Experience}\n\\begin{tabular*}{\\textwidth}{l@{\\extracolsep{\\fill}}r}\n"
                  "\\textbf{Engineer} & 2020 -- 2023 \\\\\n\\end{tabular*}\n"),
              kRule)
            .empty());
  // Layout inside a macro definition in the preamble is not content.
  CHECK(latex(tex("\\section{Skills}\nGo\n",
                  "\\newcommand{\\row}[2]{\\begin{tabular}{lll}#1 & #2 & x\\end{tabular}}\n"),
              kRule)
            .empty());
  CHECK(latex(tex("% \\begin{tabular}{lll}\n% a & b & c\n% \\end{tabular}\n\\section{Skills}\nGo\n"), kRule).empty());
  // Icons on a contact line in a later section are reported.
  CHECK(latex(tex("\\section{Skills}\nGo\n\\section{Contact}\n\\faEnvelope\\ jane@example.com\n",
                  "\\usepackage{fontawesome5}\n"),
              kRule)
            .size() == 1);
  // Icons decorating section titles carry no contact detail.
  CHECK(latex(tex("\\section{\\faCogs\\ Skills}\nGo, SQL\n", "\\usepackage{fontawesome}\n"), kRule).empty());
}

namespace {

std::vector<Finding> corpusFindings(const std::string& mainFile) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(CVLINT_CORPUS_DIR) / mainFile;
  DiskFileProvider files(path.parent_path().string());
  AnalysisRequest req;
  req.path = path.string();
  req.text = test::readFile(path.string());
  req.format = path.extension() == ".md" ? Format::Markdown : Format::Latex;
  req.files = &files;
  return test::findings(analyze(req), kRule);
}

}  // namespace

TEST_CASE("ats-layout: the corpus' multi-column and table-based templates are reported") {
  for (const char* f : {"altacv-sample/sample.tex", "altacv-mmayer/mmayer.tex", "awesome-cv-resume/resume.tex",
                        "awesome-cv-cv/cv.tex", "latexcv-sidebar/main.tex", "latexcv-two-column/main.tex",
                        "latexcv-rows/main.tex", "twentyseconds-cv/Twenty-Seconds_cv.tex",
                        "deedy-resume/deedy_resume-openfont.xtx"}) {
    CAPTURE(f);
    CHECK_FALSE(corpusFindings(f).empty());
  }
}

TEST_CASE("ats-layout: the corpus' single-column templates are not") {
  for (const char* f : {"jake-resume/resume.tex", "billryan-resume/resume.tex", "kip93-resume/example.tex",
                        "jeffrey-xiao-resume/resume.tex", "emanmks-resume/resume.tex", "latexcv-classic/main.tex",
                        "mcdowell-cv/McDowell_CV_Template.tex", "pandoc-resume/resume.md", "mikepqr-resume/resume.md",
                        "elipapa-markdown-cv/index.md", "there4-sample/sample.md", "there4-sample-long/sample_long.md",
                        "aonemd-resume/resume.md"}) {
    CAPTURE(f);
    auto fs = corpusFindings(f);
    std::string messages;
    for (const Finding& x : fs) messages += x.message + "\n";
    INFO(messages);
    CHECK(fs.empty());
  }
}

TEST_CASE("ats-layout: a photo is personal-details' finding, a QR code in the header is an image") {
  std::string photo = "# Jane\n\n![Photo of Jane](jane.jpg)\n\n## Skills\n\n- Go\n";
  CHECK(md(photo, kRule).empty());
  CHECK(md(photo, "personal-details").size() == 1);
  std::string qr = tex("\\includegraphics[width=88pt]{qrcode}\n\n\\section{Skills}\nGo\n", "\\usepackage{graphicx}\n");
  CHECK(latex(qr, kRule).size() == 1);
  CHECK(latex(qr, "personal-details").empty());
}
