// The structure rules: missing-section (with its heading-skeleton fix),
// summary-length, skills-count, section-order and contact-info, in Markdown
// and LaTeX.
#include <catch2/catch_test_macros.hpp>

#include "conv_support.hpp"
#include "engine.hpp"

using namespace cvlint;
using namespace cvlint::convtest;
using test::fixed;

namespace {

const char* kContact = "jane@example.com | 07700 900123 | github.com/jane\n\n";
const char* kSummary = "## Summary\n\nBackend engineer who builds payment APIs in Go.\n\n";
const char* kSkills = "## Skills\n\nGo, Python, PostgreSQL, Redis, Docker, Kubernetes, AWS, Terraform\n\n";
const char* kExperience = "## Experience\n\n**Engineer**, Acme, Jan 2019 \xE2\x80\x93 Dec 2023\n\n- Built the billing API\n\n";
const char* kEducation = "## Education\n\n**BSc Computer Science**, Leeds, 2015 \xE2\x80\x93 2018\n\n";

std::string cv(std::initializer_list<const char*> parts) {
  std::string s = "# Jane Doe\n\n";
  s += kContact;
  for (const char* p : parts) s += p;
  return s;
}

}  // namespace

TEST_CASE("missing-section: a complete CV has no finding") {
  CHECK(md(cv({kSummary, kSkills, kExperience, kEducation}), "missing-section").empty());
}

namespace {
class AdvertFiles : public FileProvider {
 public:
  std::optional<std::string> read(const std::string& path) const override {
    if (path.size() >= 6 && path.compare(path.size() - 6, 6, "job.md") == 0)
      return std::string("# Backend Engineer\n\n## Essential\n\n- Go\n- AWS Certified Solutions Architect\n");
    return std::nullopt;
  }
  bool allowed(const std::string&) const override { return true; }
};
}  // namespace

TEST_CASE("missing-section: certifications are suggested when the advert names one") {
  AdvertFiles files;
  AnalysisRequest req;
  req.path = "cv.md";
  req.text = cv({kSummary, kSkills, kExperience, kEducation});
  req.format = Format::Markdown;
  req.config.job = "job.md";
  req.files = &files;
  auto fs = test::findings(analyze(req), "missing-section");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("AWS Certified Solutions Architect") != std::string::npos);
  CHECK(applyEdits(req.text, fs[0].fixes.at(0).edits).find("## Certifications") != std::string::npos);
}

TEST_CASE("missing-section: each missing section is reported with a skeleton where it belongs") {
  auto fs = md(cv({kSummary, kExperience, kEducation}), "missing-section");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("skills") != std::string::npos);
  REQUIRE(fs[0].fixes.size() == 1);
  CHECK_FALSE(fs[0].fixes[0].safe);  // --fix never adds empty sections
  // Skills go before Experience.
  CHECK(fixed(cv({kSummary, kExperience, kEducation}), Format::Markdown, "missing-section") ==
        cv({kSummary, "## Skills\n\n- \n\n", kExperience, kEducation}));
  // A summary goes before the first section.
  CHECK(fixed(cv({kSkills, kExperience, kEducation}), Format::Markdown, "missing-section") ==
        cv({"## Summary\n\n", kSkills, kExperience, kEducation}));
  // Education after everything else: appended at the end.
  CHECK(fixed(cv({kSummary, kSkills, kExperience}), Format::Markdown, "missing-section") ==
        cv({kSummary, kSkills, kExperience, "## Education\n\n"}));
}

TEST_CASE("missing-section: sections one level down under a subtitle still count") {
  std::string cv = "# Jane Doe\n\n## Senior PHP Developer\n\n### Profile\n\nBuilds things.\n\n### Skills\n\n- Go\n\n"
                   "### Experience\n\n- Built it\n\n### Education\n\nBSc, Leeds, 2015 \xE2\x80\x93 2018\n";
  CHECK(md(cv, "missing-section").empty());
}

TEST_CASE("missing-section: a document with no recognised heading is left alone") {
  CHECK(md("- Built the billing API\n", "missing-section").empty());
}

TEST_CASE("missing-section: LaTeX skeletons use the document's heading command") {
  std::string body = "\\section{Summary}\nBackend engineer.\n\\section{Experience}\n\\textbf{Engineer}, Acme, 2019--2023\n"
                     "\\section{Education}\nBSc, Leeds, 2015--2018\n";
  std::string want = "\\section{Summary}\nBackend engineer.\n\\section{Skills}\n\n\\section{Experience}\n"
                     "\\textbf{Engineer}, Acme, 2019--2023\n\\section{Education}\nBSc, Leeds, 2015--2018\n";
  CHECK(fixed(tex(body), Format::Latex, "missing-section") == tex(want));
}

TEST_CASE("summary-length: over three rendered lines is reported, three is not") {
  std::string longSummary(300, 'x');
  for (size_t i = 9; i < longSummary.size(); i += 10) longSummary[i] = ' ';
  std::string shortSummary = longSummary.substr(0, 280);
  auto withSummary = [&](const std::string& s) {
    return "# Jane Doe\n\n## Summary\n\n" + s + "\n\n## Skills\n\n- Go\n";
  };
  CHECK(md(withSummary(longSummary), "summary-length").size() == 1);
  CHECK(md(withSummary(shortSummary), "summary-length").empty());
  CHECK(latex(tex("\\section{Profile}\n" + longSummary + "\n\\section{Skills}\nGo\n"), "summary-length").size() == 1);
}

TEST_CASE("skills-count: 8-10 items pass, fewer or more are reported on the heading") {
  auto skills = [](const std::string& list) { return "# Jane Doe\n\n## Skills\n\n" + list + "\n\n## Experience\n\n- Built it\n"; };
  CHECK(md(skills("Go, Python, SQL, Redis, Docker, Kubernetes, AWS, Terraform"), "skills-count").empty());
  CHECK(md(skills("- Languages: Go, Python, SQL, TypeScript\n- Tools: Docker, Kubernetes, AWS, Terraform, Git"), "skills-count").empty());
  auto few = md(skills("Go, Python"), "skills-count");
  REQUIRE(few.size() == 1);
  CHECK(at(skills("Go, Python"), few[0]) == "## Skills");
  CHECK(md(skills("A, B, C, D, E, F, G, H, I, J, K, L"), "skills-count").size() == 1);
  CHECK(latex(tex("\\section{Skills}\nGo, Python, SQL\n"), "skills-count").size() == 1);
  CHECK(latex(tex("\\section{Skills}\n\\begin{itemize}\n\\item Go\n\\item Python\n\\item SQL\n\\item Redis\n\\item Docker\n"
                  "\\item Kubernetes\n\\item AWS\n\\item Terraform\n\\end{itemize}\n"),
              "skills-count")
            .empty());
}

TEST_CASE("section-order: education first is fine for a graduate, not after 2+ years of work") {
  const char* eduFirst = "## Education\n\n**BSc Computer Science**, Leeds, 2015 \xE2\x80\x93 2018\n\n";
  std::string senior = cv({eduFirst, "## Experience\n\n**Engineer**, Acme, Jan 2019 \xE2\x80\x93 Dec 2023\n\n- Built it\n"});
  auto fs = md(senior, "section-order");
  REQUIRE(fs.size() == 1);
  CHECK(at(senior, fs[0]) == "## Education");
  std::string graduate = cv({eduFirst, "## Experience\n\n**Intern**, Acme, Jun 2023 \xE2\x80\x93 Sep 2023\n\n- Built it\n"});
  CHECK(md(graduate, "section-order").empty());
  CHECK(md(cv({kExperience, kEducation}), "section-order").empty());
  // Overlapping jobs count once: two parallel one-year jobs are one year.
  std::string parallel = cv({eduFirst, "## Experience\n\n**Engineer**, Acme, Jan 2022 \xE2\x80\x93 Dec 2022\n\n- Built it\n\n"
                                       "**Tutor**, Code Club, Jan 2022 \xE2\x80\x93 Dec 2022\n\n- Taught it\n"});
  CHECK(md(parallel, "section-order").empty());
}

TEST_CASE("section-order: LaTeX sections and entries") {
  std::string senior = tex("\\section{Education}\n\\textbf{BSc}, Leeds, 2012--2015\n\n\\section{Experience}\n"
                           "\\textbf{Engineer}, Acme, 2016--2022\n\n");
  auto fs = latex(senior, "section-order");
  REQUIRE(fs.size() == 1);
  CHECK(at(senior, fs[0]) == "\\section{Education}");
  CHECK(latex(tex("\\section{Education}\n\\textbf{BSc}, Leeds, 2012--2015\n\n\\section{Experience}\n"
                  "\\textbf{Intern}, Acme, Jun 2015--Sep 2015\n\n"),
              "section-order")
            .empty());
}

TEST_CASE("contact-info: email, phone and a profile for technical roles") {
  CHECK(md(cv({kSummary}), "contact-info").empty());
  auto fs = md("# Jane Doe\n\n## Summary\n\nEngineer.\n", "contact-info");
  CHECK(fs.size() == 3);
  auto nophone = md("# Jane Doe\n\njane@example.com | linkedin.com/in/jane\n\n## Summary\n\nEngineer.\n", "contact-info");
  REQUIRE(nophone.size() == 1);
  CHECK(nophone[0].message.find("phone") != std::string::npos);
  Config chef;
  chef.role = "chef";
  CHECK(md("# Jane Doe\n\njane@example.com | 07700 900123\n\n## Summary\n\nChef.\n", "contact-info", chef).empty());
  CHECK(md("# Jane Doe\n\njane@example.com | 07700 900123\n\n## Summary\n\nEngineer.\n", "contact-info").size() == 1);
  CHECK(latex(tex("Jane Doe\\\\\njane@example.com \\textbar{} 07700 900123 \\textbar{} github.com/jane\n\\section{Summary}\nEngineer.\n"),
              "contact-info")
            .empty());
}

TEST_CASE("structure: document-level findings in LaTeX sit at the CV's name or the top of its body, not in the preamble") {
  // A banner comment on line 1, a preamble \chead line and a \vspace before
  // the name: "no skills section" and the missing keywords belong at the name.
  std::string text =
      "%------------------ banner ------------------%\n\\documentclass{article}\n\\usepackage{fancyhdr}\n"
      "\\chead{\\small{Jane Doe $\\cdot$ jane@example.com}}\n\\begin{document}\n\\vspace{2mm}\n"
      "{\\Huge Jane Doe}\n\n\\section{Experience}\n\\begin{itemize}\n\\item Built the billing API\n"
      "\\end{itemize}\n\\end{document}\n";
  auto sections = latex(text, "missing-section");
  REQUIRE(!sections.empty());
  for (const Finding& f : sections) CHECK(at(text, f) == "Jane Doe}");
  auto keywords = latex(text, "missing-keyword");
  REQUIRE(!keywords.empty());
  for (const Finding& f : keywords) CHECK(at(text, f) == "Jane Doe}");
  // A missing phone number is shown at the name too, or, with no name
  // found, on the contact line.
  auto contacts = latex(text, "contact-info");
  REQUIRE(!contacts.empty());
  for (const Finding& f : contacts) CHECK(at(text, f) == "Jane Doe}");
  std::string nameless = text;
  nameless.replace(nameless.find("{\\Huge Jane Doe}"), 16, "Experienced engineer.");
  auto contactLine = latex(nameless, "contact-info");
  REQUIRE(!contactLine.empty());
  for (const Finding& f : contactLine) CHECK(at(nameless, f).rfind("\\chead{", 0) == 0);

  // A body whose text is all in \input files (not read here): the
  // \begin{document} line.
  std::string inputs = tex("\\input{experience}\n\\input{education}\n", "% banner\n\\usepackage{enumitem}\n");
  auto none = latex(inputs, "missing-keyword");
  REQUIRE(!none.empty());
  for (const Finding& f : none) CHECK(at(inputs, f) == "\\begin{document}");
}
