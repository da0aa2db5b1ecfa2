// The wording rules end to end, in Markdown and LaTeX: input -> finding,
// input -> fixed text, traps and non-ASCII text around the findings.
#include <catch2/catch_test_macros.hpp>

#include "helpers.hpp"

using namespace cvlint;
using namespace cvlint::test;
using namespace wordingtest;

constexpr Format MD = Format::Markdown;
constexpr Format TEX = Format::Latex;

TEST_CASE("unquantified: findings and placeholder fixes", "[unquantified]") {
  CHECK(fixed(md("- Reduced API response times using Redis caching — Zoë’s idea\n"), MD, "unquantified") ==
        md("- Reduced API response times by \\<N>% using Redis caching — Zoë’s idea\n"));
  CHECK(fixed(md("- Improved **test coverage** of the naïve parser.\n"), MD, "unquantified") ==
        md("- Improved **test coverage** of the naïve parser by \\<N>%.\n"));
  CHECK(fixed(md("- Built a search service for the café app\n"), MD, "unquantified") ==
        md("- Built a search service for the café app, improving \\<metric> by \\<N>%\n"));
  CHECK(fixed(tex("  \\item Reduced deploy times with Argo CD at Caf\\'e Ltd\n"), TEX, "unquantified") ==
        tex("  \\item Reduced deploy times by \\textless{}N\\textgreater{}\\% with Argo CD at Caf\\'e Ltd\n"));
  // A wrapped bullet is one bullet.
  CHECK(count(md("- Migrated the billing service\n  to AWS, cutting costs by 30%\n"), MD, "unquantified") == 0);
  CHECK(count(md("- Migrated the billing service\n  to AWS and Java 17\n"), MD, "unquantified") == 1);
  CHECK(count(tex("  \\item Cut hosting costs by 40\\% in 2021\n"), TEX, "unquantified") == 0);
  CHECK(count(tex("  \\item Saved \\pounds{}4m a year\n"), TEX, "unquantified") == 0);
  CHECK(count(tex("  \\item Made CI $3\\times$ faster\n"), TEX, "unquantified") == 0);
  for (const char* trap : {"- Upgraded services from Vue 2 to Vue 3 in 2019–2021\n", "- Achieved ISO 27001 for Microsoft 365\n",
                           "- Moved backups to S3 over HTTP/2\n"})
    CHECK(count(md(trap), MD, "unquantified") == 1);
  CHECK(count("# Zoë\n\n## Education\n\n- Dissertation on compilers\n", MD, "unquantified") == 0);
  CHECK(count(md("- Stack: Go, Kafka, Postgres\n"), MD, "unquantified") == 0);
}

TEST_CASE("placeholders stay visible and re-lint clean", "[unquantified]") {
  // In Markdown `<N>` alone would be raw HTML (rendered as nothing): it is escaped.
  std::string once = fixed(md("- Reduced deploy times with caching\n"), MD, "unquantified");
  CHECK(once == md("- Reduced deploy times by \\<N>% with caching\n"));
  CHECK(count(once, MD, "unquantified") == 0);
  // LaTeX with T1 fonts has the < and > glyphs; without, they are spelled out.
  std::string t1 = "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n\\section{Experience}\n"
                   "\\begin{itemize}\n\\item Cut deploy times with caching\n\\end{itemize}\n\\end{document}\n";
  std::string fixedT1 = fixed(t1, TEX, "unquantified");
  CHECK(fixedT1.find("\\item Cut deploy times by <N>\\% with caching\n") != std::string::npos);
  CHECK(count(fixedT1, TEX, "unquantified") == 0);
  std::string plain = fixed(tex("  \\item Cut deploy times with caching\n"), TEX, "unquantified");
  CHECK(count(plain, TEX, "unquantified") == 0);
  CHECK(count(fixed(md("- Migrated several services\n"), MD, "vague-quantity"), MD, "vague-quantity") == 0);
}

TEST_CASE("vague-quantity: findings and fixes", "[vague-quantity]") {
  CHECK(fixed(md("- Migrated several services to Kubernetes at Zoë’s café\n"), MD, "vague-quantity") ==
        md("- Migrated \\<N> services to Kubernetes at Zoë’s café\n"));
  CHECK(fixed(md("- Significantly reduced page load times with lazy loading\n"), MD, "vague-quantity") ==
        md("- Reduced page load times by \\<N>% with lazy loading\n"));
  CHECK(fixed(md("- Made the naïve parser significantly faster\n"), MD, "vague-quantity") ==
        md("- Made the naïve parser \\<N>% faster\n"));
  CHECK(fixed(md("- Delivered a huge reduction in costs\n"), MD, "vague-quantity") ==
        md("- Delivered a \\<N>% reduction in costs\n"));
  CHECK(fixed(tex("  \\item Built a lot of R\\&D tooling\n"), TEX, "vague-quantity") ==
        tex("  \\item Built \\textless{}N\\textgreater{} R\\&D tooling\n"));
  CHECK(fixed(tex("  \\item Greatly reduced build times\n"), TEX, "vague-quantity") ==
        tex("  \\item Reduced build times by \\textless{}N\\textgreater{}\\%\n"));
  CHECK(count(md("- Modelled many-to-many relations\n"), MD, "vague-quantity") == 0);
  CHECK(count(md("- Wrote `many` helpers in code\n"), MD, "vague-quantity") == 0);
  CHECK(count(md("<!-- many various several -->\n- Built it\n"), MD, "vague-quantity") == 0);
  CHECK(count(tex("  % numerous things\n  \\item Built it\n"), TEX, "vague-quantity") == 0);
}

TEST_CASE("first-person: findings and fixes", "[first-person]") {
  CHECK(fixed(md("- I built the naïve payments API\n"), MD, "first-person") == md("- Built the naïve payments API\n"));
  CHECK(fixed(md("- Led my team of five at Café Ltd\n"), MD, "first-person") == md("- Led the team of five at Café Ltd\n"));
  CHECK(fixed(tex("  \\item I rebuilt the R\\&D portal\n"), TEX, "first-person") == tex("  \\item Rebuilt the R\\&D portal\n"));
  CHECK(count(md("- Taught myself Rust and helped me\n"), MD, "first-person") == 2);
  for (const char* trap : {"- Optimised disk I/O on the ingest path\n", "- Added i18n to the app\n",
                           "- Catalogued letters of Elizabeth I for the archive\n", "- Studied Type I errors in A/B tests\n",
                           "- Published at https://example.com/me/my-blog\n", "- Wrote `my_func` for the SDK\n",
                           "- Built MY-ME tooling\n", "- Type I diabetes study\n"})
    CHECK(count(md(trap), MD, "first-person") == 0);
  CHECK(count(tex("  \\item Built \\href{https://github.com/me/my-repo}{a tool}\n"), TEX, "first-person") == 0);
  CHECK(count(tex("  % I wrote this\n  \\item Built it\n"), TEX, "first-person") == 0);
}

TEST_CASE("buzzword: findings and removal", "[buzzword]") {
  std::string summary = "# Zoë\n\n## Summary\n\nA hard-working, detail-oriented engineer from Zürich.\n";
  CHECK(fixed(summary, MD, "buzzword") == "# Zoë\n\n## Summary\n\nA detail-oriented engineer from Zürich.\n");
  CHECK(fixed("# Zoë\n\n## Summary\n\nA results-driven engineer.\n", MD, "buzzword") ==
        "# Zoë\n\n## Summary\n\nAn engineer.\n");
  CHECK(fixed(md("- Known as a reliable engineer and a team player\n"), MD, "buzzword") ==
        md("- Known as a reliable engineer\n"));
  CHECK(count(md("- Passionate about thinking outside the box\n"), MD, "buzzword") == 2);
  CHECK(fixTitles(md("- Passionate about Rust\n"), MD, "buzzword").empty());
  CHECK(count(md("- Built with the `team player` flag\n"), MD, "buzzword") == 0);
  CHECK(count(md("- Used dynamic programming and Ninja builds\n"), MD, "buzzword") == 0);
  Config c;
  c.allowWords = {"team player"};
  CHECK(count(md("- A team player\n"), MD, "buzzword", c) == 0);
  CHECK(fixed(tex("  \\item Hard-working, self-motivated engineer at Caf\\'e Ltd\n"), TEX, "buzzword") ==
        tex("  \\item Self-motivated engineer at Caf\\'e Ltd\n"));
  CHECK(count(tex("  % team player\n  \\item Built it\n"), TEX, "buzzword") == 0);
}

TEST_CASE("passive-voice: findings", "[passive-voice]") {
  CHECK(annotate(md("- The café’s billing service was migrated to AWS\n"), MD, "passive-voice") ==
        md("- The café’s billing service was migrated to AWS\n"
           "                             ^^^^^^^^^^^^ passive-voice\n"));
  CHECK(count(md("- Services were successfully rebuilt in Go\n"), MD, "passive-voice") == 1);
  CHECK(count(md("- Was based in London; was responsible for QA\n"), MD, "passive-voice") == 0);
  CHECK(count(md("- Migrated the service, which was `deprecated` upstream\n"), MD, "passive-voice") == 0);
  CHECK(count(tex("  \\item The API was written in Rust\n"), TEX, "passive-voice") == 1);
  CHECK(count(tex("  % it was built\n  \\item Built it\n"), TEX, "passive-voice") == 0);
}

TEST_CASE("repeated-verb: findings, related and alternatives", "[repeated-verb]") {
  std::string cv = md("- Developed the payments API\n- Developed a fraud model for Zoë’s team\n- Built the CI\n"
                      "- Developed the CI pipeline\n");
  auto fs = findings(lint(cv, MD), "repeated-verb");
  REQUIRE(fs.size() == 3);
  CHECK(fs[0].related.size() == 2);
  CHECK(fs[0].message == "\"Developed\" opens 3 bullets: vary the verb");
  // Built already opens a bullet, so it is not offered.
  CHECK(fixed(cv, MD, "repeated-verb") == md("- Created the payments API\n- Developed a fraud model for Zoë’s team\n"
                                             "- Built the CI\n- Developed the CI pipeline\n"));
  CHECK(count(md("- Developed A\n- Developed B\n- Built C\n"), MD, "repeated-verb") == 0);
  CHECK(count(tex("  \\item Optimised A\n  \\item Optimised B\n  \\item Optimised C\n"), TEX, "repeated-verb") == 3);
  Config us;
  us.locale = Locale::EnUS;
  CHECK(fixTitles(tex("  \\item Led A\n  \\item Led B\n  \\item Led C\n"), TEX, "repeated-verb", us).front() ==
        "Replace with \"Managed\"");
}

TEST_CASE("long-bullet: findings", "[long-bullet]") {
  std::string longText(40, 'x');
  std::string bullet = "- Designed and built the internal reporting platform used by finance, sales and operations at "
                       "Café Ltd, including the data pipeline, the dashboards and the alerting, working closely with "
                       "the stakeholders in Zürich\n";
  CHECK(count(md(bullet), MD, "long-bullet") == 1);
  CHECK(count(md("- Designed and built the internal reporting platform used by finance, sales and operations\n"), MD,
              "long-bullet") == 0);
  // Markup and URLs do not count towards the rendered length.
  CHECK(count(md("- Built [the platform](https://example.com/a/very/long/path/that/goes/on/and/on/and/on/and/on/"
                 "for/ever/and/ever/until/it/is/long/enough/to/wrap/three/lines/if/it/counted/at/all/really) for Zoë\n"),
              MD, "long-bullet") == 0);
  CHECK(count(tex("  \\item " + bullet.substr(2)), TEX, "long-bullet") == 1);
}

TEST_CASE("no-action-verb: findings and suggestions", "[no-action-verb]") {
  CHECK(annotate(md("- Backend work on the café payments platform\n"), MD, "no-action-verb") ==
        md("- Backend work on the café payments platform\n"
           "  ^^^^^^^ no-action-verb\n"));
  CHECK(fixed(md("- Backend work on the café payments platform\n"), MD, "no-action-verb") ==
        md("- Maintained backend work on the café payments platform\n"));
  for (const char* ok : {"- Built the API\n", "- Co-founded the society\n", "- Re-architected the ledger\n",
                         "- Dockerised the monolith\n", "- Responsible for QA\n", "- Stack: Go, Kafka\n",
                         "- Successfully shipped the app\n", "- Building a compiler\n", "- Oversaw hiring\n"})
    CHECK(count(md(ok), MD, "no-action-verb") == 0);
  CHECK(count(tex("  \\item Key contributor to the mobile app\n"), TEX, "no-action-verb") == 1);
  CHECK(fixed(md("- Kafka consumer for the café orders\n"), MD, "no-action-verb") ==
        md("- Delivered Kafka consumer for the café orders\n"));
  // Labels before the opening, present tense, and a figure first.
  for (const char* ok : {"- Payments: rebuilt the ledger\n", "- Full-stack developer - Wrote the API\n",
                         "- **Instructor (2003 – 2005):** Taught two courses\n", "- Communicate with managers daily\n",
                         "- 52 of 2500 applicants chosen as fellows\n"})
    CHECK(count(md(ok), MD, "no-action-verb") == 0);
  CHECK(fixed(md("- Payments team – Responsible for maintaining the ledger\n"), MD, "weak-verb") ==
        md("- Payments team – Maintained the ledger\n"));
  CHECK(count("# Zoë\n\n## Skills\n\n- Python, Go, Rust\n", MD, "no-action-verb") == 0);
}

TEST_CASE("wording rules: every rule has an id, summary and explanation", "[wording]") {
  for (const char* id : {"weak-verb", "unquantified", "no-action-verb", "vague-quantity", "first-person", "buzzword",
                         "passive-voice", "repeated-verb", "long-bullet"}) {
    INFO(id);
    const Rule* r = findRule(id);
    REQUIRE(r);
    CHECK_FALSE(r->summary().empty());
    CHECK(r->explanation().find("# ") == std::string_view::npos);  // the CLI and hover add the title
    CHECK(r->explanation().find("Before") != std::string_view::npos);
  }
  CHECK(findRule("weak-verb")->defaultSeverity() == Severity::Warning);
  CHECK(findRule("unquantified")->defaultSeverity() == Severity::Info);
  CHECK(findRule("repeated-verb")->defaultSeverity() == Severity::Hint);
  CHECK(findRule("long-bullet")->defaultSeverity() == Severity::Hint);
}

TEST_CASE("wording rules stay bounded on a pathological bullet", "[wording]") {
  std::string bullet = "- ";
  for (int i = 0; i < 2000; ++i) bullet += "many I my was built team player significantly ";
  auto res = lint(md(bullet + "\n"), MD);
  for (const char* id : {"vague-quantity", "first-person", "buzzword", "passive-voice"}) {
    INFO(id);
    size_t n = findings(res, id).size();
    CHECK(n > 0);
    CHECK(n <= 10);
  }
}
