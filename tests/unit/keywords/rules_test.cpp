// The keyword rules through the engine: missing-keyword (severity by weight,
// where it sits, related advert line, data, the never-safe "Add X to skills"
// fix in each syntax, the unreadable-advert finding, the capped role-profile
// findings) and keyword-phrasing (on the variant, replaced by the advert's
// form, silent when the exact form appears or without an advert).
#include <catch2/catch_test_macros.hpp>

#include "kw_support.hpp"

using namespace cvlint;
using namespace cvlint::kwtest;

namespace {
const char* kAdvert =
    "# Backend Engineer\n"
    "\n"
    "## Essential\n"
    "- Python and Kubernetes\n"
    "\n"
    "## Nice to have\n"
    "- Terraform\n";

std::string fixedText(const std::string& text, const Finding& f, size_t fix = 0) {
  REQUIRE(fix < f.fixes.size());
  return applyEdits(text, f.fixes[fix].edits);
}

const Finding* findingFor(const std::vector<Finding>& fs, std::string_view keyword) {
  for (const Finding& f : fs)
    for (const auto& [k, v] : f.data)
      if (k == "keyword" && std::get<std::string>(v) == keyword) return &f;
  return nullptr;
}
}  // namespace

TEST_CASE("missing-keyword: essential is a warning, desirable info, on the skills heading") {
  std::string cv = "# Jane Doe\n\n## Skills\n\n- Python\n- Docker\n";
  auto res = lintWithAdvert(cv, kAdvert);
  auto fs = test::findings(res, "missing-keyword");
  REQUIRE(fs.size() == 2);
  const Finding* k8s = findingFor(fs, "Kubernetes");
  const Finding* tf = findingFor(fs, "Terraform");
  REQUIRE(k8s);
  REQUIRE(tf);
  CHECK(k8s->severity == Severity::Warning);
  CHECK(tf->severity == Severity::Info);
  CHECK(cv.substr(k8s->range.begin, k8s->range.size()) == "## Skills");
  REQUIRE(k8s->related.size() == 1);
  CHECK(k8s->related[0].path == "/mem/job.md");
  CHECK(k8s->related[0].line == 3);
  bool importance = false;
  for (const auto& [k, v] : tf->data)
    if (k == "importance") importance = std::get<std::string>(v) == "desirable";
  CHECK(importance);
  CHECK(missingKeywords(res) == std::vector<std::string>{"Kubernetes", "Terraform"});
}

TEST_CASE("missing-keyword: nothing for keywords present in any form") {
  auto res = lintWithAdvert("## Skills\n\n- Python, k8s, Terraform\n", kAdvert);
  CHECK(test::findings(res, "missing-keyword").empty());
}

TEST_CASE("missing-keyword: at the top of the CV when there is no skills section") {
  std::string cv = "# Jane Doe\n\n## Experience\n\n- Built Python services\n";
  auto res = lintWithAdvert(cv, kAdvert);
  auto fs = test::findings(res, "missing-keyword");
  REQUIRE(!fs.empty());
  CHECK(cv.substr(fs[0].range.begin, fs[0].range.size()) == "# Jane Doe");
  CHECK(fs[0].fixes.empty());  // no skills list to add to
}

TEST_CASE("missing-keyword: the fix adds a bullet in the list's own style, never safe") {
  std::string cv = "## Skills\n\n* Python\n* Docker\n\n## Experience\n\n- Built things\n";
  auto res = lintWithAdvert(cv, kAdvert);
  auto fs = test::findings(res, "missing-keyword");
  const Finding* f = findingFor(fs, "Kubernetes");
  REQUIRE(f);
  REQUIRE(f->fixes.size() == 1);
  CHECK(f->fixes[0].title == "Add Kubernetes to skills");
  CHECK_FALSE(f->fixes[0].safe);
  CHECK(fixedText(cv, *f) == "## Skills\n\n* Python\n* Docker\n* Kubernetes\n\n## Experience\n\n- Built things\n");
}

TEST_CASE("missing-keyword: the fix appends to a comma list, on the line of the same kind") {
  std::string cv = "## Skills\n\n- Languages: Python, Go\n- Infrastructure: Docker, AWS.\n- Databases: PostgreSQL\n";
  auto res = lintWithAdvert(cv, kAdvert);
  auto fs = test::findings(res, "missing-keyword");
  const Finding* f = findingFor(fs, "Kubernetes");
  REQUIRE(f);
  CHECK(fixedText(cv, *f) ==
        "## Skills\n\n- Languages: Python, Go\n- Infrastructure: Docker, AWS, Kubernetes.\n- Databases: PostgreSQL\n");
  std::string para = "## Skills\n\nPython | Docker | AWS\n";
  auto res2 = lintWithAdvert(para, kAdvert);
  auto gs = test::findings(res2, "missing-keyword");
  const Finding* g = findingFor(gs, "Terraform");
  REQUIRE(g);
  CHECK(fixedText(para, *g) == "## Skills\n\nPython | Docker | AWS | Terraform\n");
}

TEST_CASE("missing-keyword: the fix in LaTeX escapes and uses \\item") {
  std::string tex =
      "\\documentclass{article}\n\\begin{document}\n\\section{Skills}\n\\begin{itemize}\n"
      "  \\item Python\n  \\item Docker\n\\end{itemize}\n\\end{document}\n";
  auto res = lintWithAdvert(tex, "## Essential\n- C#\n- Python\n", Format::Latex);
  auto fs = test::findings(res, "missing-keyword");
  const Finding* f = findingFor(fs, "C#");
  REQUIRE(f);
  REQUIRE(!f->fixes.empty());
  CHECK(fixedText(tex, *f) ==
        "\\documentclass{article}\n\\begin{document}\n\\section{Skills}\n\\begin{itemize}\n"
        "  \\item Python\n  \\item Docker\n  \\item C\\#\n\\end{itemize}\n\\end{document}\n");
  std::string list = "\\documentclass{article}\n\\begin{document}\n\\section{Skills}\nPython, Docker\n\\end{document}\n";
  auto res2 = lintWithAdvert(list, "## Essential\n- C#\n", Format::Latex);
  auto gs = test::findings(res2, "missing-keyword");
  const Finding* g = findingFor(gs, "C#");
  REQUIRE(g);
  REQUIRE(!g->fixes.empty());
  CHECK(fixedText(list, *g) == "\\documentclass{article}\n\\begin{document}\n\\section{Skills}\nPython, Docker, C\\#\n\\end{document}\n");
}

TEST_CASE("missing-keyword: an unreadable advert is one clear finding") {
  Config c;
  c.job = "/mem/nowhere.md";
  MemoryFiles files;
  AnalysisRequest req;
  req.path = "/mem/cv.md";
  req.text = "# Jane\n\n## Skills\n\n- Python\n";
  req.config = c;
  req.files = &files;
  auto res = analyze(req);
  auto fs = test::findings(res, "missing-keyword");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].severity == Severity::Warning);
  CHECK(fs[0].message.find("nowhere.md") != std::string::npos);
  CHECK(test::findings(res, "keyword-phrasing").empty());
}

TEST_CASE("missing-keyword: without an advert, a handful of profile keywords at info") {
  auto res = test::lint("# Jane\n\n## Skills\n\n- Excel\n", Format::Markdown);
  auto fs = test::findings(res, "missing-keyword");
  CHECK(fs.size() == 5);
  for (const Finding& f : fs) CHECK(f.severity == Severity::Info);
  // The most important of the profile first.
  CHECK(missingKeywords(res).front() == "Python");
  // Config still overrides.
  Config c;
  c.rules["missing-keyword"] = Severity::Off;
  CHECK(test::findings(test::lint("# Jane\n", Format::Markdown, c), "missing-keyword").empty());
}

TEST_CASE("keyword-phrasing: reported on the variant, fixed to the advert's form") {
  std::string cv = "## Experience\n\n- Tuned Postgres queries and ran k8s clusters\n";
  auto res = lintWithAdvert(cv, "- PostgreSQL\n- Kubernetes\n");
  auto fs = test::findings(res, "keyword-phrasing");
  REQUIRE(fs.size() == 2);
  CHECK(cv.substr(fs[0].range.begin, fs[0].range.size()) == "Postgres");
  CHECK(fs[0].severity == Severity::Info);
  REQUIRE(fs[0].fixes.size() == 1);
  CHECK(fs[0].fixes[0].title == "Replace with \"PostgreSQL\"");
  CHECK(fs[0].fixes[0].safe);
  CHECK(fs[0].fixes[0].preferred);
  CHECK(fixedText(cv, fs[0]) == "## Experience\n\n- Tuned PostgreSQL queries and ran k8s clusters\n");
  CHECK(cv.substr(fs[1].range.begin, fs[1].range.size()) == "k8s");
  CHECK(test::findings(res, "missing-keyword").empty());
}

TEST_CASE("keyword-phrasing: not when the exact form also appears, not without an advert") {
  auto res = lintWithAdvert("## Skills\n\n- PostgreSQL\n\n## Experience\n\n- Tuned Postgres queries\n", "- PostgreSQL\n");
  CHECK(test::findings(res, "keyword-phrasing").empty());
  CHECK(test::findings(test::lint("- Tuned Postgres queries\n", Format::Markdown), "keyword-phrasing").empty());
}

TEST_CASE("keyword rules: the JSON report fields") {
  auto res = lintWithAdvert("## Skills\n\n- Python, Postgres\n", "## Essential\n- Python\n- PostgreSQL\n- Redis\n");
  REQUIRE(res.keywords);
  const KeywordMatch* pg = match(res, "PostgreSQL");
  REQUIRE(pg);
  CHECK(pg->status == KeywordStatus::Variant);
  REQUIRE(!pg->hits.empty());
  CHECK(pg->hits.front().found == "Postgres");
  CHECK(match(res, "Redis")->status == KeywordStatus::Missing);
  CHECK(match(res, "Python")->status == KeywordStatus::Exact);
}

TEST_CASE("missing-keyword: the advert from a cvlint directive or beside the CV") {
  MemoryFiles files;
  files.files["/mem/adverts/acme.md"] = "## Essential\n- Kubernetes\n";
  files.files["/mem/cv.job.md"] = "## Essential\n- Terraform\n";
  AnalysisRequest req;
  req.path = "/mem/cv.md";
  req.text = "<!-- cvlint: job=adverts/acme.md -->\n# Jane\n\n## Skills\n\n- Python\n";
  req.files = &files;
  auto res = analyze(req);
  CHECK(missingKeywords(res) == std::vector<std::string>{"Kubernetes"});
  req.text = "# Jane\n\n## Skills\n\n- Python\n";
  auto beside = analyze(req);
  CHECK(missingKeywords(beside) == std::vector<std::string>{"Terraform"});
  REQUIRE(beside.keywords);
  CHECK(beside.keywords->source == "/mem/cv.job.md");
}

TEST_CASE("keyword-phrasing: a singular mention gets the singular advert form") {
  std::string cv = "## Experience\n\n- Developed a REST API for quotes\n";
  auto res = lintWithAdvert(cv, "- RESTful APIs\n");
  auto fs = test::findings(res, "keyword-phrasing");
  REQUIRE(fs.size() == 1);
  CHECK(fixedText(cv, fs[0]) == "## Experience\n\n- Developed a RESTful API for quotes\n");
  // Not when the singular is no name of the skill.
  std::string kube = "## Experience\n\n- Ran kube clusters\n";
  auto fs2 = test::findings(lintWithAdvert(kube, "- Kubernetes\n"), "keyword-phrasing");
  REQUIRE(fs2.size() == 1);
  CHECK(fixedText(kube, fs2[0]) == "## Experience\n\n- Ran Kubernetes clusters\n");
}
