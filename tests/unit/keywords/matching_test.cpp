// Matching the advert's keywords in the CV: exact (any case, optional
// punctuation), variant (another alias), missing; word boundaries; LaTeX
// escapes; positions from the prose source map; the weighted score.
#include <catch2/catch_test_macros.hpp>

#include "keywords/matcher.hpp"
#include "kw_support.hpp"

using namespace cvlint;
using namespace cvlint::kwtest;

namespace {
KeywordStatus statusOf(std::string_view cv, std::string_view advert, std::string_view keyword,
                       Format format = Format::Markdown) {
  auto res = lintWithAdvert(cv, advert, format);
  const KeywordMatch* m = match(res, keyword);
  REQUIRE(m);
  return m->status;
}
}  // namespace

TEST_CASE("matching: exact, any case, optional punctuation") {
  CHECK(statusOf("## Skills\n\n- PostgreSQL\n", "- PostgreSQL\n", "PostgreSQL") == KeywordStatus::Exact);
  CHECK(statusOf("## Skills\n\n- postgresql\n", "- PostgreSQL\n", "PostgreSQL") == KeywordStatus::Exact);
  CHECK(statusOf("## Skills\n\n- Nodejs\n", "- Node.js\n", "Node.js") == KeywordStatus::Exact);
  CHECK(statusOf("## Skills\n\n- node.js\n", "- Node.js\n", "Node.js") == KeywordStatus::Exact);
  CHECK(statusOf("## Skills\n\n- CI-CD\n", "- CI/CD\n", "CI/CD") == KeywordStatus::Variant);
  CHECK(statusOf("Built REST APIs.\n", "- REST API\n", "REST API") == KeywordStatus::Exact);
}

TEST_CASE("matching: aliases are variants") {
  CHECK(statusOf("- Tuned Postgres queries\n", "- PostgreSQL\n", "PostgreSQL") == KeywordStatus::Variant);
  CHECK(statusOf("- Ran k8s clusters\n", "- Kubernetes\n", "Kubernetes") == KeywordStatus::Variant);
  CHECK(statusOf("- Wrote services in Golang\n", "- Go\n", "Go") == KeywordStatus::Variant);
  CHECK(statusOf("- Deployed on Amazon Web Services\n", "- AWS\n", "AWS") == KeywordStatus::Variant);
  CHECK(statusOf("- Designed RESTful APIs\n", "- REST APIs\n", "REST APIs") == KeywordStatus::Variant);
  CHECK(statusOf("- Built a JS widget\n", "- JavaScript\n", "JavaScript") == KeywordStatus::Variant);
}

TEST_CASE("matching: word boundaries and traps in the CV") {
  CHECK(statusOf("- Built JavaScript widgets\n", "- Java\n", "Java") == KeywordStatus::Missing);
  CHECK(statusOf("- Built a Next.js site\n", "- Node.js\n", "Node.js") == KeywordStatus::Missing);
  CHECK(statusOf("- Improved scalability\n", "- Scala\n", "Scala") == KeywordStatus::Missing);
  CHECK(statusOf("- Wrote C++ tools\n", "- Languages: C, Python\n", "C") == KeywordStatus::Missing);
  CHECK(statusOf("- Go to market plan for the payments team\n", "- Go\n", "Go") == KeywordStatus::Missing);
  CHECK(statusOf("- Wrote payment services in Go\n", "- Go\n", "Go") == KeywordStatus::Exact);
  CHECK(statusOf("## Skills\n\n- Go\n", "- Go\n", "Go") == KeywordStatus::Exact);
  CHECK(statusOf("- Built APIs with Spring Boot\n", "- Spring\n", "Spring") == KeywordStatus::Exact);
}

TEST_CASE("matching: a longer name contains the shorter one an ATS would find") {
  CHECK(statusOf("- Moved jobs to AWS Lambda\n", "- AWS\n", "AWS") == KeywordStatus::Exact);
  CHECK(statusOf("- Moved jobs to AWS Lambda\n", "- AWS Lambda\n", "AWS Lambda") == KeywordStatus::Exact);
  CHECK(statusOf("- Moved jobs to AWS\n", "- AWS Lambda\n", "AWS Lambda") == KeywordStatus::Missing);
}

TEST_CASE("matching: Markdown and LaTeX escapes decode before matching") {
  CHECK(statusOf("## Skills\n\n- C\\#, F\\#\n", "- C#\n", "C#") == KeywordStatus::Exact);
  const char* tex =
      "\\documentclass{article}\n\\begin{document}\n\\section{Skills}\n"
      "\\begin{itemize}\n\\item C\\#, C++ and .NET\n\\end{itemize}\n\\end{document}\n";
  CHECK(statusOf(tex, "- C#\n", "C#", Format::Latex) == KeywordStatus::Exact);
  CHECK(statusOf(tex, "- .NET\n", ".NET", Format::Latex) == KeywordStatus::Exact);
  CHECK(statusOf(tex, "- C++\n", "C++", Format::Latex) == KeywordStatus::Exact);
}

TEST_CASE("matching: hits carry source ranges from the prose map") {
  std::string cv = "## Experience\n\n- Tuned **Postgres** queries\n";
  auto res = lintWithAdvert(cv, "- PostgreSQL\n");
  const KeywordMatch* m = match(res, "PostgreSQL");
  REQUIRE(m);
  REQUIRE(m->hits.size() == 1);
  const KeywordHit& h = m->hits[0];
  CHECK(cv.substr(h.range.begin, h.range.size()) == "Postgres");
  CHECK(h.found == "Postgres");
  CHECK_FALSE(h.exact);
  CHECK(h.editable);
}

TEST_CASE("matching: inline code is matched but never rewritten") {
  auto res = lintWithAdvert("- Tuned `Postgres` queries\n", "- PostgreSQL\n");
  const KeywordMatch* m = match(res, "PostgreSQL");
  REQUIRE(m);
  CHECK(m->status == KeywordStatus::Variant);
  REQUIRE(m->hits.size() == 1);
  CHECK(m->hits[0].code);
  CHECK(test::findings(res, "keyword-phrasing").empty());
}

TEST_CASE("matching: the score weights essential twice desirable") {
  // Essential: Python (present), Kubernetes (missing); desirable: Kafka (present).
  auto res = lintWithAdvert("## Skills\n\n- Python, Kafka\n", "## Essential\n- Python\n- Kubernetes\n## Nice to have\n- Kafka\n");
  REQUIRE(res.keywords);
  CHECK(res.keywords->score == (2.0 + 1.0) / (2.0 + 2.0 + 1.0));
  CHECK(res.keywords->fromAdvert);
  CHECK(res.keywords->source == "/mem/job.md");
}

TEST_CASE("matching: case folding goes beyond ASCII") {
  const kw::Lexicon& lex = kw::taxonomy();
  // Fullwidth letters are not folded to ASCII, but Unicode upper case is.
  CHECK(lex.scan("PYTHON and POSTGRESQL").size() == 2);
  auto ms = lex.scan("Zo\xC3\xAB used Python");  // a non-ASCII word before the skill keeps offsets
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].begin == 10);
}

TEST_CASE("matching: the role profile stands in without an advert") {
  auto res = test::lint("## Skills\n\n- Python, Docker\n", Format::Markdown);
  REQUIRE(res.keywords);
  CHECK_FALSE(res.keywords->fromAdvert);
  CHECK(res.keywords->source == "role:backend-developer");
  const KeywordMatch* m = match(res, "Python");
  REQUIRE(m);
  CHECK(m->status == KeywordStatus::Exact);
  Config c;
  c.role = "frontend-developer";
  auto fe = test::lint("## Skills\n\n- React\n", Format::Markdown, c);
  REQUIRE(match(fe, "React"));
  CHECK(match(fe, "React")->status == KeywordStatus::Exact);
}

TEST_CASE("matching: names the advert asks for are found leniently in CV prose") {
  CHECK(statusOf("- Analysed survey data in R\n", "- Languages: R, Python\n", "R") == KeywordStatus::Exact);
  CHECK(statusOf("- Go was our main language\n", "- Go\n", "Go") == KeywordStatus::Exact);
  // Clear prose still is not the name.
  CHECK(statusOf("- Go-live support for the new app\n", "- Go\n", "Go") == KeywordStatus::Missing);
  CHECK(statusOf("- Go to market plan\n", "- Go\n", "Go") == KeywordStatus::Missing);
  CHECK(statusOf("- Joined in Spring 2021\n", "- Java and Spring\n", "Spring") == KeywordStatus::Missing);
}

TEST_CASE("matching: total on arbitrary bytes") {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    junk.push_back(static_cast<char>((x >> 16) & 0xFF));
    if (i % 97 == 0) junk += " C++ Go, k8s .NET \xE2\x80\xA2 ## Essential\n- ";
  }
  auto ks = kw::extractAdvertKeywords(junk);
  CHECK(!ks.empty());
  auto res = lintWithAdvert(junk, junk);
  REQUIRE(res.keywords);
  for (const KeywordMatch& m : res.keywords->matches)
    for (const KeywordHit& h : m.hits) CHECK(h.range.end <= junk.size());
}

TEST_CASE("matching: a one-letter language in CV prose still needs a little context") {
  CHECK(statusOf("## Education\n\nA-levels: Maths (A), Physics (C)\n", "- Languages: C, Python\n", "C") ==
        KeywordStatus::Missing);
  CHECK(statusOf("- Wrote firmware in C for 3 sensors\n", "- Languages: C, Python\n", "C") == KeywordStatus::Exact);
  CHECK(statusOf("- Tools written in C and Python\n", "- Languages: C, Python\n", "C") == KeywordStatus::Exact);
}
