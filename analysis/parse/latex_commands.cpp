// The LaTeX command table and the entry-field heuristics (see latex_commands.hpp).
#include "parse/latex_commands.hpp"

#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/unicode.hpp"
#include "parse/fold_ascii.hpp"

namespace cvlint::latex {

namespace {

using Map = std::unordered_map<std::string_view, Builtin>;

Builtin B(Cmd c, const char* spec = "") {
  Builtin b;
  b.cmd = c;
  b.spec = spec;
  return b;
}
Builtin T(const char* text) {
  Builtin b;
  b.cmd = Cmd::Text;
  b.text = text;
  return b;
}
Builtin S(uint8_t level) {
  Builtin b;
  b.cmd = Cmd::Section;
  b.level = level;
  b.spec = "o";
  return b;
}
Builtin C(ContactCmd k, const char* spec = "m") {
  Builtin b;
  b.cmd = Cmd::Contact;
  b.contact = k;
  b.spec = spec;
  return b;
}
Builtin E(std::vector<ArgRole> f, const char* spec = "") {
  Builtin b;
  b.cmd = Cmd::Entry;
  b.fields = std::move(f);
  b.spec = spec;
  return b;
}
Builtin A(const char* mark) {
  Builtin b;
  b.cmd = Cmd::Accent;
  b.text = mark;
  return b;
}

using R = ArgRole;

Map makeCommon() {
  Map m;
  // Escapes and symbols.
  for (const char* e : {"%", "&", "$", "#", "_", "{", "}"}) m[e] = T(e);
  m["\\"] = B(Cmd::LineBreak, "o");
  m["newline"] = B(Cmd::LineBreak);
  m["linebreak"] = B(Cmd::LineBreak, "o");
  m["par"] = B(Cmd::LineBreak);
  m[" "] = B(Cmd::Space);
  m["quad"] = B(Cmd::Space);
  m["qquad"] = B(Cmd::Space);
  m["enspace"] = B(Cmd::Space);
  m["hfill"] = B(Cmd::Space);
  m["hfil"] = B(Cmd::Space);
  m["dotfill"] = B(Cmd::Space);
  m["hspace"] = B(Cmd::Space, "m");
  m["hspace*"] = B(Cmd::Space, "m");
  m["pounds"] = T("\xC2\xA3");
  m["textsterling"] = T("\xC2\xA3");
  m["euro"] = T("\xE2\x82\xAC");
  m["texteuro"] = T("\xE2\x82\xAC");
  m["EUR"] = T("\xE2\x82\xAC");
  m["textdollar"] = T("$");
  m["ldots"] = T("\xE2\x80\xA6");
  m["dots"] = T("\xE2\x80\xA6");
  m["textellipsis"] = T("\xE2\x80\xA6");
  m["textbullet"] = T("\xE2\x80\xA2");
  m["textbar"] = T("|");
  m["textbackslash"] = T("\\");
  m["textendash"] = T("\xE2\x80\x93");
  m["textemdash"] = T("\xE2\x80\x94");
  m["textasciitilde"] = T("~");
  m["textasciicircum"] = T("^");
  m["textless"] = T("<");
  m["textgreater"] = T(">");
  m["textregistered"] = T("\xC2\xAE");
  m["texttrademark"] = T("\xE2\x84\xA2");
  m["copyright"] = T("\xC2\xA9");
  m["textcopyright"] = T("\xC2\xA9");
  m["textdegree"] = T("\xC2\xB0");
  m["slash"] = T("/");
  m["LaTeX"] = T("LaTeX");
  m["TeX"] = T("TeX");
  m["LaTeXe"] = T("LaTeX2e");
  m["ss"] = T("\xC3\x9F");
  m["o"] = T("\xC3\xB8");
  m["O"] = T("\xC3\x98");
  m["ae"] = T("\xC3\xA6");
  m["aa"] = T("\xC3\xA5");
  m["cdot"] = T("\xC2\xB7");
  m["textperiodcentered"] = T("\xC2\xB7");
  m["textquoteright"] = T("\xE2\x80\x99");
  m["textquoteleft"] = T("\xE2\x80\x98");
  m["textasteriskcentered"] = T("*");
  for (const char* nothing : {",", ";", ":", "!", "-", "/", "@", "today", "noindent", "indent", "centering",
                              "raggedright", "raggedleft", "hline", "toprule", "midrule", "bottomrule", "maketitle",
                              "protect", "relax", "null", "strut", "nobreak", "leavevmode", "makeatletter",
                              "makeatother", "item@", "smallskip", "medskip", "bigskip", "vfill", "break",
                              "columnbreak", "switchcolumn", "nopagebreak", "tableofcontents", "makecvtitle",
                              "makecvheader", "makecvfooter", "lastupdated", "sectionsep", "unskip", "ignorespaces",
                              "hrule", "titlerule", "xspace", "normalfont", "selectfont", "par@", "printbibliography",
                              "nocite@", "frenchspacing", "sloppy", "fussy", "appendix", "bibliographystyle@"})
    m[nothing] = B(Cmd::Skip);
  // Font and size switches: recorded for the page model.
  for (const char* f : {"tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE",
                        "huge", "Huge", "bfseries", "itshape", "scshape", "sffamily", "rmfamily", "ttfamily",
                        "mdseries", "upshape", "bf", "it", "sc", "sf", "rm", "tt", "em", "sl", "slshape"})
    m[f] = B(Cmd::FontSwitch);
  m["fontsize"] = B(Cmd::FontSwitch, "mm");
  m["vspace"] = B(Cmd::VSpace, "m");
  m["vspace*"] = B(Cmd::VSpace, "m");
  m["vskip"] = B(Cmd::Skip);
  m["newpage"] = B(Cmd::PageBreak);
  m["clearpage"] = B(Cmd::PageBreak);
  m["cleardoublepage"] = B(Cmd::PageBreak);
  m["pagebreak"] = B(Cmd::PageBreak, "o");
  m["twocolumn"] = B(Cmd::TwoColumn, "o");
  // Arguments that are not prose.
  for (const char* one : {"label", "ref", "pageref", "eqref", "cite", "nocite", "usepackage", "RequirePackage",
                          "documentclass", "pagestyle", "thispagestyle", "pagenumbering", "color", "definecolor",
                          "colorlet", "setmainfont", "setsansfont", "setmonofont", "newfontfamily", "fontspec",
                          "geometry", "hypersetup", "bibliography", "bibliographystyle", "addbibresource",
                          "linespread", "urlstyle", "setcounter", "addtocounter", "stepcounter", "newcounter",
                          "setlist", "titleformat", "titlespacing", "titlespacing*", "newlength", "settowidth",
                          "setlength", "addtolength", "rule", "cline", "cmidrule", "arrayrulecolor",
                          "rowcolor", "columncolor", "cellcolor", "pgfsetlength", "tikzset", "usetikzlibrary",
                          "newenvironment", "renewenvironment", "newgeometry", "fancyhf", "fancyhead", "fancyfoot",
                          "footnotetext@", "hyphenation",
                          "enlargethispage", "captionsetup", "graphicspath", "AtBeginDocument", "pdfbookmark",
                          "phantomsection", "let", "setmainlanguage", "selectlanguage", "babelfont", "defaultfontfeatures",
                          "colorbox@", "addvspace", "moderncvstyle", "moderncvcolor", "moderncvtheme", "nopagenumbers",
                          "setbool", "setboolean", "newif", "input@", "includeonly", "excludecomment",
                          "includecomment", "colorlet", "geometry", "columnratio", "setcolumnwidth", "resumestyle",
                          "setlist*", "addresssep", "fontdir", "acvHeaderSocialSep", "hspace@"})
    m[one] = B(Cmd::Skip, "om");
  m["definecolor"] = B(Cmd::Skip, "omm m");
  m["setlength"] = B(Cmd::Skip, "mm");
  m["addtolength"] = B(Cmd::Skip, "mm");
  m["setcounter"] = B(Cmd::Skip, "mm");
  m["rule"] = B(Cmd::Skip, "omm");
  m["titleformat"] = B(Cmd::Skip, "moomomo");
  m["titlespacing"] = B(Cmd::Skip, "mmmmo");
  m["titlespacing*"] = B(Cmd::Skip, "mmmmo");
  m["newenvironment"] = B(Cmd::Skip, "moomm");
  m["renewenvironment"] = B(Cmd::Skip, "moomm");
  m["fancyhead"] = B(Cmd::Skip, "om");
  m["textcolor"] = B(Cmd::Skip, "om");  // \textcolor{colour}{TEXT}: the text stays prose
  m["colorbox"] = B(Cmd::Skip, "om");
  m["hyperlink"] = B(Cmd::Skip, "m");
  m["raisebox"] = B(Cmd::Skip, "moo");
  m["makebox"] = B(Cmd::Skip, "oo");
  m["parbox"] = B(Cmd::Skip, "ooom");
  m["resizebox"] = B(Cmd::Skip, "mm");
  m["scalebox"] = B(Cmd::Skip, "mo");
  m["footnote"] = B(Cmd::Skip, "o");
  m["multicolumn"] = B(Cmd::Skip, "mm");
  m["multirow"] = B(Cmd::Skip, "omom");
  m["newcolumntype"] = B(Cmd::Skip, "mom");
  m["thanks"] = B(Cmd::Skip, "m");
  m["input"] = B(Cmd::Input, "m");
  m["include"] = B(Cmd::Input, "m");
  m["subfile"] = B(Cmd::Input, "m");
  m["newcommand"] = B(Cmd::Define);
  m["renewcommand"] = B(Cmd::Define);
  m["providecommand"] = B(Cmd::Define);
  m["newcommand*"] = B(Cmd::Define);
  m["renewcommand*"] = B(Cmd::Define);
  m["providecommand*"] = B(Cmd::Define);
  m["DeclareRobustCommand"] = B(Cmd::Define);
  m["def"] = B(Cmd::Def);
  m["gdef"] = B(Cmd::Def);
  m["edef"] = B(Cmd::Def);
  m["xdef"] = B(Cmd::Def);
  m["href"] = B(Cmd::Href, "o");
  m["url"] = B(Cmd::Url);
  m["nolinkurl"] = B(Cmd::Url);
  m["path"] = B(Cmd::Url);
  m["verb"] = B(Cmd::Verb);
  m["verb*"] = B(Cmd::Verb);
  m["("] = B(Cmd::MathOpen);
  m["["] = B(Cmd::MathOpen);
  m["begin"] = B(Cmd::Begin);
  m["end"] = B(Cmd::End);
  m["item"] = B(Cmd::Item, "o");
  m["part"] = S(1);
  m["chapter"] = S(1);
  m["section"] = S(1);
  m["subsection"] = S(2);
  m["subsubsection"] = S(3);
  m["paragraph"] = S(4);
  for (auto* s : {"part*", "chapter*", "section*", "subsection*", "subsubsection*", "paragraph*"}) {
    std::string_view sv(s);
    m[s] = m[sv.substr(0, sv.size() - 1)];
  }
  m["author"] = B(Cmd::Name, "o");
  m["name"] = B(Cmd::Name);
  m["includegraphics"] = B(Cmd::Graphics, "oom");
  m["fbox"] = B(Cmd::Box);
  m["framebox"] = B(Cmd::Box, "oo");
  m["tcbox"] = B(Cmd::Box, "o");
  m["faicon"] = B(Cmd::Icon, "m");
  m["icon"] = B(Cmd::Icon);
  for (const char* a : {"'", "`", "\"", "^", "~", "=", "."}) {
    static const std::unordered_map<std::string_view, const char*> marks = {
        {"'", "\xCC\x81"}, {"`", "\xCC\x80"}, {"\"", "\xCC\x88"}, {"^", "\xCC\x82"},
        {"~", "\xCC\x83"}, {"=", "\xCC\x84"}, {".", "\xCC\x87"}};
    m[a] = A(marks.at(a));
  }
  m["c"] = A("\xCC\xA7");
  m["v"] = A("\xCC\x8C");
  m["u"] = A("\xCC\x86");
  m["H"] = A("\xCC\x8B");
  m["k"] = A("\xCC\xA8");
  // Contact details (moderncv, Awesome-CV, AltaCV, and common resume macros).
  m["email"] = C(ContactCmd::Email);
  m["mailaddress"] = C(ContactCmd::Address);
  m["phone"] = C(ContactCmd::Phone, "om");
  m["mobile"] = C(ContactCmd::Phone);
  m["linkedin"] = C(ContactCmd::LinkedIn);
  m["github"] = C(ContactCmd::GitHub);
  m["gitlab"] = C(ContactCmd::Website);
  m["homepage"] = C(ContactCmd::Website);
  m["social"] = C(ContactCmd::Social, "om");
  m["address"] = C(ContactCmd::Address, "mmm");
  m["title"] = B(Cmd::HeaderLine, "m");
  m["position"] = B(Cmd::HeaderLine, "m");
  m["tagline"] = B(Cmd::HeaderLine, "m");
  m["quote"] = B(Cmd::HeaderLine, "m");
  m["extrainfo"] = B(Cmd::HeaderLine, "m");
  m["personalinfo"] = B(Cmd::Skip);  // its argument is walked: the contacts inside are recorded
  m["photo"] = B(Cmd::Photo, "oom");
  m["profilepic"] = B(Cmd::Photo, "m");  // twentysecondcv's sidebar photo
  m["born"] = B(Cmd::HeaderLine, "m");   // moderncv's date of birth: a line personal-details reads
  // fancyhdr's page head and foot: their text is printed on every page (a
  // name and contact details in latexcv's two-column template).
  for (const char* h : {"lhead", "chead", "rhead", "lfoot", "cfoot", "rfoot"}) m[h] = B(Cmd::PageHead, "o");
  m["cvsection"] = S(1);
  m["cvsubsection"] = S(2);
  m["cvitem"] = B(Cmd::CvItem, "o");
  m["cvskill"] = B(Cmd::CvItem);
  m["cvlistitem"] = B(Cmd::ListItem, "o");
  m["cvlistdoubleitem"] = B(Cmd::ListItem, "o");
  m["cvitemwithcomment"] = B(Cmd::CvItem, "o");
  m["cvtag"] = B(Cmd::Skip);  // its argument stays prose
  m["cvevent"] = E({R::Role, R::Org, R::Dates, R::Location});
  m["cvhonor"] = E({R::Role, R::Org, R::Location, R::Dates});
  m["cvachievement"] = B(Cmd::Prose, "mPP");
  m["photoR"] = B(Cmd::Photo, "mm");
  m["photoL"] = B(Cmd::Photo, "mm");
  m["runsubsection"] = S(2);
  m["descript"] = B(Cmd::Skip);
  m["namesection"] = B(Cmd::NameSection, "o");
  m["divider"] = B(Cmd::Skip);
  m["makecvheader"] = B(Cmd::Skip, "o");
  m["makecvfooter"] = B(Cmd::Skip, "mmm");
  m["printbibliography"] = B(Cmd::Skip, "o");
  m["lipsum"] = B(Cmd::Skip, "o");
  m["rotatebox"] = B(Cmd::Skip, "om");
  m["wheelchart"] = B(Cmd::Skip, "mmm");
  m["cvcolumn"] = B(Cmd::Skip, "o");
  m["cvskillhead"] = B(Cmd::Skip, "o");
  m["cvskilllegend"] = B(Cmd::Skip, "o");
  m["cvskilllegend*"] = B(Cmd::Skip, "o");
  m["cvskillentry"] = B(Cmd::Prose, "oPmPmP");
  m["cvskillentry*"] = B(Cmd::Prose, "oPmPmP");
  m["cdotp"] = T("\xC2\xB7");
  m["enskip"] = B(Cmd::Space);
  m["thinspace"] = B(Cmd::Space);
  m["hskip"] = B(Cmd::Skip);
  m["fontfamily"] = B(Cmd::Skip, "m");
  m["fontseries"] = B(Cmd::Skip, "m");
  m["fontshape"] = B(Cmd::Skip, "m");
  m["usefont"] = B(Cmd::Skip, "mmmm");
  m["char"] = B(Cmd::Skip);
  m["symbol"] = B(Cmd::Skip, "m");
  m["cvskillbar@"] = B(Cmd::Skip);
  return m;
}

const Map& common() {
  static const Map m = makeCommon();
  return m;
}

}  // namespace

const Builtin& findBuiltin(std::string_view name, CvClass cls) {
  static const Builtin unknown;
  static const Builtin icon = B(Cmd::Icon);
  static const Builtin modernEntry = E({R::Dates, R::Role, R::Org, R::Location, R::Extra, R::Desc}, "o");
  static const Builtin awesomeEntry = E({R::Role, R::Org, R::Location, R::Dates, R::Desc});
  if (name == "cventry") return cls == CvClass::ModernCv ? modernEntry : awesomeEntry;
  if (name == "cvsection" && cls == CvClass::ModernCv) return unknown;
  // Commands of the less common classes in the corpus (their .cls defines them).
  static const Builtin yaacExperience = E({R::Dates, R::Role, R::Org, R::Location, R::Extra, R::Desc, R::Extra});
  static const Builtin yaacSection = S(1);
  static const Builtin pairItem = B(Cmd::CvItem);
  static const Builtin kipEntry = E({R::Dates, R::Extra, R::Org, R::Role, R::Desc});
  static const Builtin headerLine = B(Cmd::HeaderLine, "m");
  static const Builtin twentyItem = E({R::Dates, R::Role, R::Location, R::Desc});
  static const Builtin altaSkill = B(Cmd::Prose, "Pm");
  static const Builtin modernSkill = B(Cmd::Skip, "m");
  static const Builtin twentyName = B(Cmd::Name);
  static const Builtin twentyAddress = C(ContactCmd::Address);
  static const Builtin twentyPhone = C(ContactCmd::Phone);
  static const Builtin twentyMail = C(ContactCmd::Email);
  static const Builtin twentySite = C(ContactCmd::Website);
  static const Builtin mcdowellContacts = C(ContactCmd::Address);  // \contacts{phone \linebreak email}: a contact line
  switch (cls) {
    case CvClass::AltaCv:
      if (name == "cvskill") return altaSkill;
      break;
    case CvClass::ModernCv:
      if (name == "cvskill") return modernSkill;
      break;
    case CvClass::Deedy:
      if (name == "descript" || name == "location") return headerLine;
      break;
    case CvClass::Yaac:
      if (name == "experience") return yaacExperience;
      if (name == "sectionTitle") return yaacSection;
      if (name == "keywordsentry" || name == "scholarshipentry") return pairItem;
      break;
    case CvClass::Kip93:
      if (name == "experience" || name == "education") return kipEntry;
      if (name == "summary" || name == "jobtitle") return headerLine;
      break;
    case CvClass::McDowell:
      if (name == "contacts") return mcdowellContacts;
      break;
    case CvClass::Twenty:
      if (name == "twentyitem") return twentyItem;
      // The sidebar's personal data: a name, header lines and contact lines
      // (\cvdate is the date of birth, a line of its own).
      if (name == "cvname") return twentyName;
      if (name == "cvjobtitle" || name == "cvdate") return headerLine;
      if (name == "cvaddress") return twentyAddress;
      if (name == "cvnumberphone") return twentyPhone;
      if (name == "cvmail") return twentyMail;
      if (name == "cvsite") return twentySite;
      if (name == "twentyitemshort") return pairItem;
      break;
    default:
      break;
  }
  const Map& m = common();
  auto it = m.find(name);
  if (it != m.end()) return it->second;
  // A starred form we do not list means what the plain one means (\\*, \newline*).
  if (name.size() > 1 && name.back() == '*') {
    auto plain = m.find(name.substr(0, name.size() - 1));
    if (plain != m.end()) return plain->second;
  }
  // fontawesome: \faGithub, \faEnvelope, \faicon{...}.
  if (name.size() > 2 && name[0] == 'f' && name[1] == 'a' && std::isupper(static_cast<unsigned char>(name[2]))) return icon;
  return unknown;
}

Env classifyEnv(std::string_view n) {
  if (n == "document") return Env::Document;
  if (n == "itemize" || n == "enumerate" || n == "description" || n == "cvitems" || n == "compactitem" ||
      n == "compactenum" || n == "compactdesc" || n == "itemize*" || n == "enumerate*" || n == "inparaenum" ||
      n == "tightemize" || n == "cvlist")
    return Env::List;
  if (n == "tabular" || n == "tabular*" || n == "tabularx" || n == "longtable" || n == "tabulary" || n == "tabu" ||
      n == "supertabular" || n == "xtabular" || n == "array")
    return Env::Table;
  if (n == "multicols" || n == "multicols*" || n == "paracol") return Env::Columns;
  if (n == "minipage") return Env::Minipage;
  if (n == "tcolorbox" || n == "framed" || n == "mdframed" || n == "shaded" || n == "tcbraster") return Env::Box;
  if (n == "tikzpicture" || n == "pgfpicture" || n == "picture") return Env::Graphics;
  if (n == "equation" || n == "equation*" || n == "align" || n == "align*" || n == "math" || n == "displaymath" ||
      n == "eqnarray" || n == "eqnarray*" || n == "gather" || n == "gather*" || n == "multline" || n == "multline*")
    return Env::Math;
  if (isVerbatimEnv(n)) return Env::Verbatim;
  return Env::Other;
}

const char* envSpec(std::string_view n) {
  if (n == "tabular" || n == "array") return "om";
  if (n == "tabular*" || n == "tabularx" || n == "tabulary") return "mom";
  if (n == "longtable" || n == "supertabular" || n == "xtabular" || n == "tabu") return "om";
  if (n == "multicols" || n == "multicols*" || n == "paracol") return "mo";
  if (n == "minipage") return "ooom";
  if (n == "tcolorbox" || n == "mdframed") return "o";
  if (n == "itemize" || n == "enumerate" || n == "description" || n == "cvitems" || n == "compactitem") return "o";
  if (n == "adjustwidth" || n == "adjustwidth*") return "mm";
  if (n == "tikzpicture") return "o";
  if (n == "wrapfigure") return "omom";
  if (n == "figure" || n == "table") return "o";
  if (n == "spacing") return "m";
  if (n == "list") return "mm";
  if (n == "cvcolumns" || n == "cvskills" || n == "cventries" || n == "cvhonors") return "";
  return "";
}

bool isOrderedList(std::string_view n) { return n == "enumerate" || n == "compactenum" || n == "inparaenum" || n == "enumerate*"; }

bool isPageLengthName(std::string_view n) {
  for (const char* s : {"textheight", "textwidth", "topmargin", "oddsidemargin", "evensidemargin", "headheight",
                        "headsep", "footskip", "marginparwidth", "voffset", "hoffset", "paperheight", "paperwidth",
                        "parskip", "baselineskip", "columnsep", "topskip", "footnotesep", "baselinestretch"})
    if (n == s) return true;
  return false;
}

namespace {

bool hasWord(const std::vector<std::string>& words, std::initializer_list<std::string_view> list) {
  for (const std::string& w : words)
    for (std::string_view l : list)
      if (w == l) return true;
  return false;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string folded = foldsAsAscii(s) ? asciiLower(s) : foldCase(s), cur;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) cur.push_back(c);
    else if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

std::string trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A year ("2019", not "12019") anywhere in s.
static bool hasYearDigits(std::string_view s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    bool left = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
    bool digits = std::isdigit(static_cast<unsigned char>(s[i])) && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
                  std::isdigit(static_cast<unsigned char>(s[i + 2])) && std::isdigit(static_cast<unsigned char>(s[i + 3]));
    bool right = i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]));
    if (left && digits && right && (s[i] == '1' || s[i] == '2')) return true;
  }
  return false;
}

static bool hasNowWord(const std::vector<std::string>& w) {
  return hasWord(w, {"present", "current", "now", "ongoing", "today", "20xx", "19xx"});
}

bool looksLikeDate(std::string_view s) { return hasYearDigits(s) || hasNowWord(words(s)); }

std::vector<ArgRole> guessFields(const std::vector<std::string>& texts) {
  std::vector<ArgRole> roles(texts.size(), R::Guess);
  // Each text is split into folded words at most once.
  std::vector<std::vector<std::string>> split(texts.size());
  std::vector<bool> isSplit(texts.size(), false);
  auto wordsOf = [&](size_t i) -> const std::vector<std::string>& {
    if (!isSplit[i]) split[i] = words(texts[i]), isSplit[i] = true;
    return split[i];
  };
  bool haveRole = false, haveOrg = false, haveDates = false, haveLoc = false;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].empty()) roles[i] = R::Skip;
    else if (!haveDates && (hasYearDigits(texts[i]) || hasNowWord(wordsOf(i)))) roles[i] = R::Dates, haveDates = true;
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    if (roles[i] != R::Guess) continue;
    const auto& w = wordsOf(i);
    static const std::unordered_set<std::string_view> kOrgWords = {
        "university", "college", "school", "institute", "inc", "ltd", "llc", "corp",
        "corporation", "company", "labs", "lab", "gmbh", "plc", "group", "academy", "bank",
        "hospital", "council", "agency", "technologies", "solutions", "foundation", "nhs",
        "polytechnic", "limited", "co", "studio", "systems"};
    static const std::unordered_set<std::string_view> kRoleWords = {
        "engineer", "developer", "intern", "manager", "assistant", "analyst",
        "scientist", "lead", "director", "consultant", "designer", "researcher",
        "bachelor", "master", "masters", "phd", "bsc", "msc", "ba", "ma", "beng",
        "meng", "degree", "diploma", "officer", "architect", "administrator",
        "technician", "specialist", "coordinator", "teacher", "student", "associate",
        "head", "programmer", "fellow", "tutor", "volunteer", "founder", "cto", "ceo",
        "bs", "ms", "gcse", "levels", "internship", "mba"};
    auto anyIn = [&](const std::unordered_set<std::string_view>& set) {
      for (const std::string& x : w)
        if (set.count(x)) return true;
      return false;
    };
    if (!haveOrg && anyIn(kOrgWords)) {
      roles[i] = R::Org, haveOrg = true;
    } else if (!haveRole && anyIn(kRoleWords)) {
      roles[i] = R::Role, haveRole = true;
    }
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    if (roles[i] != R::Guess || haveLoc) continue;
    const auto& w = wordsOf(i);
    bool comma = texts[i].find(',') != std::string::npos;
    if ((comma && w.size() <= 4) || hasWord(w, {"remote", "online", "hybrid"}) ) roles[i] = R::Location, haveLoc = true;
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    if (roles[i] != R::Guess) continue;
    if (!haveRole) roles[i] = R::Role, haveRole = true;
    else if (!haveOrg) roles[i] = R::Org, haveOrg = true;
    else if (!haveLoc && wordsOf(i).size() <= 4) roles[i] = R::Location, haveLoc = true;
    else roles[i] = R::Extra;
  }
  return roles;
}

}  // namespace cvlint::latex
