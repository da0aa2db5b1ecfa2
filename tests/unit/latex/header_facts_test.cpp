// LaTeX front end: personal data and contact details that CV classes keep in
// their own header commands (twentysecondcv \profilepic, moderncv \born,
// fancyhdr page heads, McDowell's \contacts) reach the model as layout facts,
// blocks and contacts the conventions rules read.
#include <catch2/catch_test_macros.hpp>

#include <map>

#include "engine.hpp"
#include "testing.hpp"

using namespace cvlint;

namespace {

std::shared_ptr<CvDocument> parseTex(const std::string& text) {
  return parseDocument("cv.tex", text, Format::Latex, Config{}, nullptr);
}

std::string slice(const CvDocument& d, uint16_t file, ByteRange r) {
  std::string_view s = d.source(file).view();
  if (r.end > s.size() || r.begin > r.end) return "<bad range>";
  return std::string(s.substr(r.begin, r.end - r.begin));
}

std::vector<std::pair<ContactKind, std::string>> contactsOf(const CvDocument& d) {
  std::vector<std::pair<ContactKind, std::string>> out;
  for (const Contact& c : d.contacts) out.push_back({c.kind, slice(d, c.file, c.range)});
  return out;
}

}  // namespace

TEST_CASE("twentysecondcv: \\profilepic is a photo fact and its file name is no prose") {
  const std::string tex =
      "\\documentclass{twentysecondcv}\n\\begin{document}\n\\profilepic{jo-smith.jpg}\n\\cvname{Jo Smith}\n"
      "\\section{Experience}\nLed a team of 4.\n\\end{document}\n";
  auto d = parseTex(tex);
  int photos = 0;
  for (const LayoutFact& l : d->layout)
    if (l.kind == LayoutKind::Photo) {
      ++photos;
      CHECK(l.construct == "\\profilepic");
      CHECK(slice(*d, l.file, l.range) == "\\profilepic{jo-smith.jpg}");  // the command with its argument
      CHECK(l.line == 2);
    }
  CHECK(photos == 1);
  for (const Block& b : d->blocks) CHECK(b.prose.text.find("jo-smith") == std::string::npos);

  auto res = test::lint(tex, Format::Latex);
  auto pd = test::findings(res, "personal-details");
  REQUIRE(pd.size() == 1);
  CHECK(pd[0].message.find("photo") != std::string::npos);
  CHECK(test::fixed(tex, Format::Latex, "personal-details").find("profilepic") == std::string::npos);
  // The photo is personal-details' finding, not an ATS-layout image too.
  for (const Finding& f : test::findings(res, "ats-layout")) CHECK(f.message.find("profilepic") == std::string::npos);
}

TEST_CASE("moderncv: \\born is a header line personal-details reports and deletes") {
  const std::string tex =
      "\\documentclass{moderncv}\n\\name{Jo}{Smith}\n\\born{4 July 1990}\n\\email{jo@example.com}\n"
      "\\begin{document}\n\\makecvtitle\n\\section{Experience}\n\\cvitem{}{Led a team of 4.}\n\\end{document}\n";
  auto d = parseTex(tex);
  const Block* born = nullptr;
  for (const Block& b : d->blocks)
    if (b.command == "born") born = &b;
  REQUIRE(born);
  CHECK(born->prose.text == "4 July 1990");
  CHECK(slice(*d, born->file, born->range) == "\\born{4 July 1990}");
  CHECK(born->section == 0);

  auto pd = test::findings(test::lint(tex, Format::Latex), "personal-details");
  REQUIRE(pd.size() == 1);
  CHECK(pd[0].message.find("date of birth") != std::string::npos);
  std::string out = test::fixed(tex, Format::Latex, "personal-details");
  CHECK(out.find("born") == std::string::npos);
  CHECK(out.find("\\email{jo@example.com}") != std::string::npos);
}

TEST_CASE("fancyhdr page heads: contacts in \\chead are found; a page number makes no block") {
  const std::string tex =
      "\\documentclass{article}\n\\usepackage{fancyhdr}\n\\pagestyle{fancy}\n"
      "\\chead{\\small{Jo Smith $\\cdot$ \\textbf{jo@example.com} $\\cdot$ +44 7700 900123}}\n"
      "\\cfoot{\\thepage}\n\\lhead[]{}\n"
      "\\begin{document}\n\\section{Experience}\nLed a team of 4.\n\\end{document}\n";
  auto d = parseTex(tex);
  int heads = 0;
  for (const Block& b : d->blocks)
    if (b.command == "chead" || b.command == "cfoot" || b.command == "lhead") {
      ++heads;
      CHECK(b.command == "chead");
      CHECK(b.kind == BlockKind::Contact);
      CHECK(b.prose.text.find("jo@example.com") != std::string::npos);
    }
  CHECK(heads == 1);
  auto cs = contactsOf(*d);
  CHECK(cs == std::vector<std::pair<ContactKind, std::string>>{{ContactKind::Email, "jo@example.com"},
                                                               {ContactKind::Phone, "+44 7700 900123"}});
  auto ci = test::findings(test::lint(tex, Format::Latex), "contact-info");
  for (const Finding& f : ci) {
    CHECK(f.message.find("No email") == std::string::npos);
    CHECK(f.message.find("No phone") == std::string::npos);
  }
}

TEST_CASE("McDowell: \\contacts holds the phone and email") {
  const std::string tex =
      "\\documentclass[]{mcdowellcv}\n\\name{Jo Smith}\n\\address{1 High St \\linebreak Leeds}\n"
      "\\contacts{(0113) 496 0000 \\linebreak jo@example.com}\n"
      "\\begin{document}\n\\makeheader\n\\begin{cvsection}{Employment}\nLed a team of 4.\n\\end{cvsection}\n"
      "\\end{document}\n";
  auto d = parseTex(tex);
  auto cs = contactsOf(*d);
  CHECK(cs == std::vector<std::pair<ContactKind, std::string>>{{ContactKind::Phone, "(0113) 496 0000"},
                                                               {ContactKind::Email, "jo@example.com"}});
  // Outside McDowell's class \contacts is nobody's command.
  std::string plain = tex;
  plain.replace(plain.find("mcdowellcv"), 10, "article");
  CHECK(contactsOf(*parseTex(plain)).empty());
}

TEST_CASE("layout facts of commands cover their arguments") {
  const std::string tex =
      "\\documentclass{article}\n\\begin{document}\n\\section{Projects}\n"
      "\\includegraphics[width=2cm]{chart.png} and \\fbox{Boxed text} then \\faGithub\\ x\n\\end{document}\n";
  auto d = parseTex(tex);
  std::map<LayoutKind, std::string> got;
  for (const LayoutFact& l : d->layout) got[l.kind] = slice(*d, l.file, l.range);
  CHECK(got[LayoutKind::Image] == "\\includegraphics[width=2cm]{chart.png}");
  CHECK(got[LayoutKind::Box] == "\\fbox{Boxed text}");
  CHECK(got[LayoutKind::IconFont] == "\\faGithub");
  // The box's text is still prose.
  bool boxed = false;
  for (const Block& b : d->blocks) boxed = boxed || b.prose.text.find("Boxed text") != std::string::npos;
  CHECK(boxed);
}

TEST_CASE("layout facts of environments cover the whole construct; ats-layout marks its first line") {
  const std::string tex =
      "\\documentclass{article}\n\\begin{document}\n\\section{Skills}\n"
      "\\begin{tabular}{ll}\nGo & SQL \\\\\n\\end{tabular}\n"
      "\\begin{minipage}{0.5\\textwidth}\nLeft\n\\end{minipage}\n\\begin{minipage}{0.5\\textwidth}\nRight\n\\end{minipage}\n"
      "\\begin{tikzpicture}\n\\draw (0,0) -- (1,1);\n\\end{tikzpicture}\n\\end{document}\n";
  auto d = parseTex(tex);
  std::map<LayoutKind, std::string> got;
  for (const LayoutFact& l : d->layout) got[l.kind] = slice(*d, l.file, l.range);
  CHECK(got[LayoutKind::Table] == "\\begin{tabular}{ll}\nGo & SQL \\\\\n\\end{tabular}");
  CHECK(got[LayoutKind::Columns] ==
        "\\begin{minipage}{0.5\\textwidth}\nLeft\n\\end{minipage}\n\\begin{minipage}{0.5\\textwidth}\nRight\n\\end{minipage}");
  CHECK(got[LayoutKind::Graphics] == "\\begin{tikzpicture}\n\\draw (0,0) -- (1,1);\n\\end{tikzpicture}");
  auto ats = test::findings(test::lint(tex, Format::Latex), "ats-layout");
  std::vector<std::string> marked;
  for (const Finding& f : ats) marked.push_back(slice(*d, f.file, f.range));
  CHECK(marked == std::vector<std::string>{"\\begin{tabular}{ll}", "\\begin{minipage}{0.5\\textwidth}", "\\begin{tikzpicture}"});
}

TEST_CASE("twentysecondcv: the sidebar's personal data are a title, header lines and contact lines") {
  const std::string tex =
      "\\documentclass[]{twentysecondcv}\n\\begin{document}\n\\cvname{Jo Smith}\n\\cvjobtitle{Engineer}\n"
      "\\cvdate{1 May 1990}\n\\cvaddress{Leeds}\n\\cvnumberphone{+44 7700 900123}\n\\cvmail{jo@example.com}\n"
      "\\cvsite{https://jo.example.com}\n\\section{Experience}\nLed a team of 4.\n\\end{document}\n";
  auto d = parseTex(tex);
  std::vector<std::pair<std::string, std::string>> header;
  for (const Block& b : d->blocks)
    if (b.section == 0) header.push_back({b.command, b.prose.text});
  CHECK(header == std::vector<std::pair<std::string, std::string>>{{"cvname", "Jo Smith"},
                                                                   {"cvjobtitle", "Engineer"},
                                                                   {"cvdate", "1 May 1990"},
                                                                   {"cvaddress", "Leeds"},
                                                                   {"cvnumberphone", "+44 7700 900123"},
                                                                   {"cvmail", "jo@example.com"},
                                                                   {"cvsite", "https://jo.example.com"}});
  CHECK(d->blocks[0].kind == BlockKind::Title);
  auto cs = contactsOf(*d);
  CHECK(cs == std::vector<std::pair<ContactKind, std::string>>{{ContactKind::Phone, "+44 7700 900123"},
                                                               {ContactKind::Email, "jo@example.com"},
                                                               {ContactKind::Website, "https://jo.example.com"}});
}

TEST_CASE("twentysecondcv: \\cvdate is the date of birth personal-details reports; \\cvdate elsewhere is not") {
  const std::string tex =
      "\\documentclass{twentysecondcv}\n\\cvname{Jo Smith}\n\\cvjobtitle{Engineer}\n\\cvdate{1 January 1990}\n"
      "\\cvmail{jo@example.com}\n\\begin{document}\n\\makeprofile\n\\section{Experience}\nLed a team of 4.\n\\end{document}\n";
  auto pd = test::findings(test::lint(tex, Format::Latex), "personal-details");
  REQUIRE(pd.size() == 1);
  CHECK(pd[0].message.find("date of birth") != std::string::npos);
  std::string out = test::fixed(tex, Format::Latex, "personal-details");
  CHECK(out.find("1 January 1990") == std::string::npos);
  CHECK(out.find("\\cvmail{jo@example.com}") != std::string::npos);

  const std::string other =
      "\\documentclass{article}\n\\newcommand{\\cvdate}[1]{#1}\n\\begin{document}\n\\cvdate{March 2024}\n"
      "\\section{Experience}\nLed a team of 4.\n\\end{document}\n";
  CHECK(test::findings(test::lint(other, Format::Latex), "personal-details").empty());
}
