// Advert parsing (see advert.hpp). The advert is not a CV, so it is not read
// through the CV front ends: lines are classified here (heading, bullet,
// prose), URLs are blanked out so a link's path names nothing, and every
// skill mention is weighted by the nearest importance phrase in its list
// item, then in its clause, then by its section heading.
#include "keywords/advert.hpp"

#include <algorithm>
#include <cstring>

#include "core/unicode.hpp"
#include "keywords/matcher.hpp"
#include "keywords/taxonomy.hpp"

namespace cvlint::kw {

namespace {

struct Phrase {
  const char* text;
  AdvertSection kind;
};

// Phrases inside a line that weight the skills near them. Desirable ones come
// first so "not essential" is found before "essential".
constexpr Phrase kMarkers[] = {
    {"nice to have", AdvertSection::Desirable},  {"nice-to-have", AdvertSection::Desirable},
    {"nice to haves", AdvertSection::Desirable}, {"not essential", AdvertSection::Desirable},
    {"not required", AdvertSection::Desirable},  {"not necessary", AdvertSection::Desirable},
    {"not a must", AdvertSection::Desirable},    {"not mandatory", AdvertSection::Desirable},
    {"don't need", AdvertSection::Desirable},    {"do not need", AdvertSection::Desirable},
    {"no need", AdvertSection::Desirable},       {"desirable", AdvertSection::Desirable},
    {"desired", AdvertSection::Desirable},       {"bonus", AdvertSection::Desirable},
    {"a plus", AdvertSection::Desirable},        {"big plus", AdvertSection::Desirable},
    {"plus points", AdvertSection::Desirable},   {"preferred", AdvertSection::Desirable},
    {"preferable", AdvertSection::Desirable},    {"preferably", AdvertSection::Desirable},
    {"ideally", AdvertSection::Desirable},       {"advantageous", AdvertSection::Desirable},
    {"an advantage", AdvertSection::Desirable},  {"beneficial", AdvertSection::Desirable},
    {"would be great", AdvertSection::Desirable}, {"would be nice", AdvertSection::Desirable},
    {"would be helpful", AdvertSection::Desirable}, {"helpful", AdvertSection::Desirable},
    {"optional", AdvertSection::Desirable},      {"useful", AdvertSection::Desirable},
    {"welcome", AdvertSection::Desirable},       {"appreciated", AdvertSection::Desirable},
    {"extra credit", AdvertSection::Desirable},  {"even better", AdvertSection::Desirable},
    {"great to have", AdvertSection::Desirable}, {"good to have", AdvertSection::Desirable},
    {"would love", AdvertSection::Desirable},    {"love to see", AdvertSection::Desirable},
    {"great if", AdvertSection::Desirable},      {"bonus if", AdvertSection::Desirable},
    {"essential", AdvertSection::Essential},     {"must", AdvertSection::Essential},
    {"must-have", AdvertSection::Essential},     {"required", AdvertSection::Essential},
    {"requirement", AdvertSection::Essential},   {"requirements", AdvertSection::Essential},
    {"mandatory", AdvertSection::Essential},     {"you will have", AdvertSection::Essential},
    {"you'll have", AdvertSection::Essential},   {"need to have", AdvertSection::Essential},
};

// Heading phrases, tried in this order (desirable before essential before
// the company's own sections).
constexpr Phrase kHeadings[] = {
    {"nice to have", AdvertSection::Desirable}, {"nice-to-have", AdvertSection::Desirable},
    {"desirable", AdvertSection::Desirable},    {"bonus", AdvertSection::Desirable},
    {"plus", AdvertSection::Desirable},         {"pluses", AdvertSection::Desirable},
    {"plusses", AdvertSection::Desirable},      {"preferred", AdvertSection::Desirable},
    {"ideally", AdvertSection::Desirable},      {"advantageous", AdvertSection::Desirable},
    {"would be great", AdvertSection::Desirable}, {"beneficial", AdvertSection::Desirable},
    {"great to have", AdvertSection::Desirable}, {"good to have", AdvertSection::Desirable},
    {"not essential", AdvertSection::Desirable}, {"optional", AdvertSection::Desirable},
    {"even better", AdvertSection::Desirable},  {"stand out", AdvertSection::Desirable},
    {"extra", AdvertSection::Desirable},        {"would love", AdvertSection::Desirable},
    {"love to see", AdvertSection::Desirable},  {"great if", AdvertSection::Desirable},
    {"it would be great", AdvertSection::Desirable},
    {"essential", AdvertSection::Essential},    {"requirement", AdvertSection::Essential},
    {"requirements", AdvertSection::Essential}, {"required", AdvertSection::Essential},
    {"must", AdvertSection::Essential},         {"must-have", AdvertSection::Essential},
    {"you will have", AdvertSection::Essential}, {"you'll have", AdvertSection::Essential},
    {"you have", AdvertSection::Essential},     {"looking for", AdvertSection::Essential},
    {"you'll need", AdvertSection::Essential},  {"you will need", AdvertSection::Essential},
    {"what you need", AdvertSection::Essential}, {"about you", AdvertSection::Essential},
    {"who you are", AdvertSection::Essential},  {"skills", AdvertSection::Essential},
    {"experience", AdvertSection::Essential},   {"qualifications", AdvertSection::Essential},
    {"ideal candidate", AdvertSection::Essential}, {"minimum", AdvertSection::Essential},
    {"your profile", AdvertSection::Essential}, {"you bring", AdvertSection::Essential},
    {"you'll bring", AdvertSection::Essential}, {"competencies", AdvertSection::Essential},
    {"criteria", AdvertSection::Essential},     {"person specification", AdvertSection::Essential},
    {"benefits", AdvertSection::Benefits},      {"what we offer", AdvertSection::Benefits},
    {"perks", AdvertSection::Benefits},         {"salary", AdvertSection::Benefits},
    {"package", AdvertSection::Benefits},       {"how to apply", AdvertSection::Benefits},
    {"compensation", AdvertSection::Benefits},  {"why join", AdvertSection::Benefits},
    {"in it for you", AdvertSection::Benefits}, {"interview process", AdvertSection::Benefits},
    {"equal opportunit", AdvertSection::Benefits}, {"diversity", AdvertSection::Benefits},
    {"about us", AdvertSection::Company},       {"who we are", AdvertSection::Company},
    {"the company", AdvertSection::Company},    {"our company", AdvertSection::Company},
    {"our mission", AdvertSection::Company},    {"our culture", AdvertSection::Company},
};

bool wholeAt(std::string_view lower, size_t pos, size_t len) {
  auto wordy = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (pos > 0 && wordy(lower[pos - 1])) return false;
  if (pos + len < lower.size() && wordy(lower[pos + len])) {
    // "equal opportunit" is a prefix phrase: let it run into the word.
    return lower[pos + len - 1] == 't' && std::string_view(lower.substr(pos, len)) == "equal opportunit";
  }
  return true;
}

struct Marker {
  size_t pos;
  size_t len;
  AdvertSection kind;
};

std::vector<Marker> findMarkers(std::string_view lower) {
  std::vector<Marker> out;
  std::vector<char> taken(lower.size(), 0);
  for (const Phrase& p : kMarkers) {
    size_t len = std::strlen(p.text);
    for (size_t pos = lower.find(p.text); pos != std::string_view::npos; pos = lower.find(p.text, pos + 1)) {
      if (!wholeAt(lower, pos, len)) continue;
      if (std::any_of(taken.begin() + static_cast<long>(pos), taken.begin() + static_cast<long>(pos + len),
                      [](char c) { return c != 0; }))
        continue;
      std::fill(taken.begin() + static_cast<long>(pos), taken.begin() + static_cast<long>(pos + len), 1);
      out.push_back({pos, len, p.kind});
    }
  }
  return out;
}

// The nearest marker to [b, e) among those inside [lo, hi), optionally
// skipping markers inside parentheses of the clause.
// "ideally" and "preferably" weigh what follows them only ("AWS, ideally
// with Lambda": Lambda is desirable, AWS is not).
bool forwardOnly(std::string_view lower, const Marker& m) {
  std::string_view t = lower.substr(m.pos, m.len);
  return t == "ideally" || t == "preferably";
}

const Marker* nearest(const std::vector<Marker>& ms, size_t b, size_t e, size_t lo, size_t hi,
                      const std::vector<char>* inParens, std::string_view lower) {
  const Marker* best = nullptr;
  size_t bestDist = SIZE_MAX;
  for (const Marker& m : ms) {
    if (m.pos < lo || m.pos + m.len > hi) continue;
    if (inParens && (*inParens)[m.pos]) continue;
    if (m.pos >= e && forwardOnly(lower, m)) continue;
    size_t d = m.pos >= e ? m.pos - e : (m.pos + m.len <= b ? b - (m.pos + m.len) : 0);
    if (d < bestDist) best = &m, bestDist = d;
  }
  return best;
}

struct Line {
  uint32_t begin = 0;  // advert byte of the line start
  std::string_view raw;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Strips a bullet marker; returns true when there was one.
bool stripBullet(std::string_view& s) {
  if (s.size() >= 2 && std::strchr("-*+", s[0]) && s[1] == ' ') {
    s.remove_prefix(2);
    return true;
  }
  // • · – ▪ ✔ ✓ ➤ ► ● ◦ ★ and an emoji tick.
  for (std::string_view b : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x96\xAA", "\xE2\x9C\x94", "\xE2\x9C\x93",
                             "\xE2\x9E\xA4", "\xE2\x96\xBA", "\xE2\x97\x8F", "\xE2\x97\xA6", "\xE2\x98\x85", "\xE2\x9C\x85"})
    if (s.substr(0, b.size()) == b) {
      s.remove_prefix(b.size());
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
      return true;
    }
  size_t d = 0;
  while (d < s.size() && d < 3 && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  if (d > 0 && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
    s.remove_prefix(d + 2);
    return true;
  }
  return false;
}

std::string_view stripEmphasis(std::string_view s) {
  while (!s.empty() && (s.front() == '*' || s.front() == '_')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '*' || s.back() == '_' || s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  return trim(s);
}

size_t wordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\t';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// URLs, e-mail addresses and Markdown link targets become spaces (same
// length), so "github.com/acme/react-app" names no skill.
std::string maskLinks(std::string_view s) {
  std::string out(s);
  auto blank = [&](size_t b, size_t e) { std::fill(out.begin() + static_cast<long>(b), out.begin() + static_cast<long>(e), ' '); };
  for (size_t i = 0; i < s.size(); ++i) {
    bool url = (s[i] == 'h' || s[i] == 'w') && (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]))) &&
               (s.compare(i, 7, "http://") == 0 || s.compare(i, 8, "https://") == 0 || s.compare(i, 4, "www.") == 0);
    if (s[i] == ']' && i + 1 < s.size() && s[i + 1] == '(') {
      size_t e = s.find(')', i + 2);
      if (e != std::string_view::npos) blank(i + 1, e + 1), i = e;
      continue;
    }
    if (url) {
      size_t e = i;
      while (e < s.size() && s[e] != ' ' && s[e] != ')' && s[e] != '>') ++e;
      blank(i, e);
      i = e;
      continue;
    }
    if (s[i] == '@' && i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) {
      size_t b = i, e = i;
      while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != '<') --b;
      while (e < s.size() && s[e] != ' ' && s[e] != ')' && s[e] != '>') ++e;
      blank(b, e);
      i = e;
    }
  }
  return out;
}

// Tech-shaped names the taxonomy does not know ("ClickHouse"-like camel case,
// "Foo.js", "X++", "Y#"), taken from requirement lists only.
bool techShaped(std::string_view t) {
  if (t.size() < 2 || t.size() > 30) return false;
  if (t.size() > 3 && (t.substr(t.size() - 3) == ".js" || t.substr(t.size() - 3) == ".JS")) return true;
  if (t.back() == '#' || (t.size() > 2 && t.substr(t.size() - 2) == "++")) return std::isupper(static_cast<unsigned char>(t[0])) != 0;
  bool lowerSeen = false, camel = false, digit = false;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::islower(c)) lowerSeen = true;
    else if (std::isupper(c) && lowerSeen && i > 0) camel = true;
    else if (std::isdigit(c)) digit = true;
    else if (c >= 0x80) return false;
  }
  // Acronyms and letter-digit names ("FHIR", "HL7") outside a stop list of
  // the words adverts shout or abbreviate that are not skills.
  static const char* kAcronymStop[] = {
      "AND", "THE", "FOR", "YOU", "OUR", "NOT", "ALL", "NEW", "MUST", "WILL", "CAN", "ARE", "WITH", "ESSENTIAL",
      "DESIRABLE", "REQUIRED", "PLUS", "BONUS", "NICE", "HAVE", "ROLE", "TEAM", "WORK", "JOB", "APPLY", "NOW",
      "UK", "USA", "EU", "EEA", "EMEA", "APAC", "CV", "HR", "CEO", "CTO", "CFO", "COO", "CIO", "VP", "STEM", "GCSE",
      "NVQ", "HND", "HNC", "BTEC", "PHD", "BSC", "MSC", "WFH", "OTE", "TBC", "FTE", "IR35", "DBS", "NHS", "FCA",
      "PLC", "LTD", "LLP", "ASAP", "FAQ", "GMT", "BST", "UTC", "PTO", "TOIL", "DEI", "EDI", "LGBTQ", "KPI", "KPIS",
      "OKR", "OKRS", "ROI", "B2B", "B2C", "SME", "SMES", "SAAS", "PAAS", "IAAS", "IT", "ICT", "QA", "UX", "UI",
      "API", "APIS", "AI", "SC", "DV", "NPPV", "BPSS", "UKVI", "ILR", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "AM", "PM",
      "ETC", "EG", "IE", "NB", "FYI", "TL", "DR", "MVP", "POC", "RFC", "SDK", "IDE", "OS", "PC", "MAC", "OK"};
  bool allUpper = std::none_of(t.begin(), t.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  if (!camel && allUpper && t.size() >= 2 && t.size() <= 6 && std::isupper(static_cast<unsigned char>(t[0])) &&
      std::all_of(t.begin(), t.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }) &&
      (t.size() >= 3 || digit)) {
    std::string up(t);
    for (const char* w : kAcronymStop)
      if (up == w) return false;
    return true;
  }
  if (!camel) return false;
  static const char* kStop[] = {"LinkedIn", "YouTube", "PayPal", "iPhone", "iPad", "McDonald", "PhD", "BSc", "MSc",
                                "MEng", "BEng", "BTech", "FinTech", "HealthTech", "EdTech", "PropTech", "InsurTech",
                                "RegTech", "LegalTech", "ClimateTech", "eCommerce", "SaaS", "PaaS", "IaaS", "WhatsApp",
                                "TikTok", "MacBook", "DevEx", "BlackRock", "JPMorgan", "HubSpot", "MSci", "MPhil",
                                "GitHub", "DevOps", "JavaScript", "TypeScript", "PostgreSQL", "MySQL"};
  for (const char* s : kStop)
    if (t == s) return false;
  return true;
}

}  // namespace

AdvertSection classifyAdvertHeading(std::string_view text) {
  // "What we're looking for", "You’ll have": the curly apostrophe reads as '.
  std::string norm;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
      norm.push_back('\'');
      i += 2;
    } else {
      norm.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    }
  }
  for (const Phrase& p : kHeadings) {
    size_t len = std::strlen(p.text);
    for (size_t pos = norm.find(p.text); pos != std::string::npos; pos = norm.find(p.text, pos + 1))
      if (wholeAt(norm, pos, len)) return p.kind;
  }
  return AdvertSection::Neutral;
}

std::vector<AdvertKeyword> extractAdvertKeywords(std::string_view advert) {
  std::vector<Line> lines;
  for (size_t b = 0; b <= advert.size();) {
    size_t e = advert.find('\n', b);
    if (e == std::string_view::npos) e = advert.size();
    lines.push_back({static_cast<uint32_t>(b), advert.substr(b, e - b)});
    if (e == advert.size()) break;
    b = e + 1;
  }
  const Lexicon& lex = taxonomy();
  std::vector<AdvertKeyword> out;
  Lexicon extras;  // tech-shaped names outside the taxonomy, keyed like skills
  const auto extraBase = static_cast<int32_t>(skillTable().size());

  auto record = [&](int32_t skill, uint32_t alias, bool haveAlias, std::string form, bool essential, uint32_t line,
                    ByteRange range) {
    std::string_view lt = trim(lines[line].raw);
    for (AdvertKeyword& k : out) {
      if (k.skill != skill) continue;
      if (haveAlias && std::find(k.aliases.begin(), k.aliases.end(), alias) == k.aliases.end()) k.aliases.push_back(alias);
      if (essential && !k.essential) {
        k.essential = true;
        k.line = line;
        k.lineText = std::string(lt);
        k.range = range;
      }
      return;
    }
    AdvertKeyword k;
    k.skill = skill;
    k.form = std::move(form);
    if (haveAlias) k.aliases.push_back(alias);
    k.essential = essential;
    k.line = line;
    k.lineText = std::string(lt);
    k.range = range;
    out.push_back(std::move(k));
  };

  AdvertSection section = AdvertSection::Neutral;
  // A table whose header row names the weights ("| Essential | Desirable |")
  // weighs each later row's cells by column.
  std::vector<AdvertSection> columns;
  for (uint32_t li = 0; li < lines.size(); ++li) {
    std::string_view raw = lines[li].raw;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view content = trim(raw);
    if (content.empty()) {
      columns.clear();  // a blank line ends a table
      continue;
    }
    // Setext underline or a horizontal rule: no words.
    if (content.find_first_not_of("=-_* ") == std::string_view::npos) continue;

    bool atx = false;
    if (content.front() == '#') {
      size_t h = content.find_first_not_of('#');
      if (h != std::string_view::npos && h <= 6 && content[h] == ' ') atx = true, content.remove_prefix(h + 1);
    }
    while (!atx && !content.empty() && content.front() == '>') content = trim(content.substr(1));
    bool bullet = !atx && stripBullet(content);
    std::string_view bare = stripEmphasis(content);
    bool setext = false;
    if (li + 1 < lines.size()) {
      std::string_view nx = trim(lines[li + 1].raw);
      setext = nx.size() >= 2 && nx.find_first_not_of('=') == std::string_view::npos;
      setext = setext || (nx.size() >= 2 && nx.find_first_not_of('-') == std::string_view::npos && !bullet);
    }
    bool bold = content.size() > 4 && (content.substr(0, 2) == "**" || content.substr(0, 2) == "__") &&
                content.find("**", 2) != std::string_view::npos &&
                stripEmphasis(content).size() + 6 >= content.size();
    bool colonEnded = !content.empty() && (content.back() == ':' || (content.size() > 3 && content.substr(content.size() - 3) == ":**")) &&
                      wordCount(bare) <= 8;

    std::string masked = maskLinks(raw);
    auto mentions = longestMentions(lex.scan(masked));
    bool shortPlain = !bullet && mentions.empty() && wordCount(bare) <= 5 && !bare.empty() && bare.back() != '.';
    AdvertSection headingKind = (atx || setext || bold || colonEnded || shortPlain) ? classifyAdvertHeading(bare)
                                                                                   : AdvertSection::Neutral;
    bool plainHeading = shortPlain && headingKind != AdvertSection::Neutral;
    bool heading = atx || setext || (bold && !bullet) || (colonEnded && (!bullet || headingKind != AdvertSection::Neutral)) ||
                   plainHeading;
    if (heading) section = headingKind;

    // Weight of a mention: nearest marker in its item, then its clause (outside
    // parentheses), else the section.
    std::string lower = asciiLower(masked);
    std::vector<Marker> markers = heading ? std::vector<Marker>{} : findMarkers(lower);
    std::vector<char> inParens(lower.size() + 1, 0);
    {
      int depth = 0;
      for (size_t i = 0; i < lower.size(); ++i) {
        if (lower[i] == '(') ++depth;
        inParens[i] = depth > 0;
        if (lower[i] == ')' && depth > 0) --depth;
      }
    }
    auto isClauseEnd = [&](size_t i) {
      char c = lower[i];
      if (c == ';' || c == '!' || c == '?') return true;
      return c == '.' && (i + 1 == lower.size() || lower[i + 1] == ' ');
    };
    // Table rows: cells between '|'; a weight header row sets the columns.
    std::vector<size_t> pipes;
    bool tableRow = !content.empty() && content.front() == '|';
    if (tableRow) {
      for (size_t i = 0; i < raw.size(); ++i)
        if (raw[i] == '|' && (i == 0 || raw[i - 1] != '\\')) pipes.push_back(i);
      bool header = false;
      std::vector<AdvertSection> kinds;
      for (size_t c = 0; c + 1 < pipes.size(); ++c) {
        AdvertSection k = classifyAdvertHeading(stripEmphasis(trim(raw.substr(pipes[c] + 1, pipes[c + 1] - pipes[c] - 1))));
        header = header || k == AdvertSection::Essential || k == AdvertSection::Desirable;
        kinds.push_back(k);
      }
      if (header && mentions.empty()) {
        columns = kinds;
        continue;
      }
      if (mentions.empty() && raw.find_first_not_of("|-: \t") != std::string_view::npos) columns.clear();  // another header row
    } else if (!columns.empty() && !content.empty()) {
      columns.clear();
    }
    auto columnOf = [&](size_t b) -> int {
      if (!tableRow || columns.empty()) return -1;
      for (size_t c = 0; c + 1 < pipes.size() && c < columns.size(); ++c)
        if (b > pipes[c] && b < pipes[c + 1]) return static_cast<int>(c);
      return -1;
    };

    auto weigh = [&](size_t b, size_t e) -> bool {
      if (int c = columnOf(b); c >= 0 && (columns[static_cast<size_t>(c)] == AdvertSection::Essential ||
                                        columns[static_cast<size_t>(c)] == AdvertSection::Desirable))
        return columns[static_cast<size_t>(c)] == AdvertSection::Essential;
      if (!heading) {
        size_t cs = b, ce = e;
        while (cs > 0 && !isClauseEnd(cs - 1)) --cs;
        while (ce < lower.size() && !isClauseEnd(ce)) ++ce;
        if (inParens[b]) {
          size_t ps = b, pe = e;
          while (ps > cs && lower[ps - 1] != '(') --ps;
          while (pe < ce && lower[pe] != ')') ++pe;
          if (const Marker* m = nearest(markers, b, e, ps, pe, nullptr, lower)) return m->kind == AdvertSection::Essential;
        }
        size_t is = b, ie = e;
        while (is > cs && !(lower[is - 1] == ',' && !inParens[is - 1])) --is;
        while (ie < ce && !(lower[ie] == ',' && !inParens[ie])) ++ie;
        if (const Marker* m = nearest(markers, b, e, is, ie, nullptr, lower)) return m->kind == AdvertSection::Essential;
        if (const Marker* m = nearest(markers, b, e, cs, ce, &inParens, lower)) return m->kind == AdvertSection::Essential;
      }
      return section == AdvertSection::Neutral || section == AdvertSection::Essential;
    };

    std::vector<ByteRange> taken;
    for (const Mention& m : mentions) {
      std::string_view text(raw.substr(m.begin, m.end - m.begin));
      std::string form;
      for (char c : text) {  // one space for any run of spaces or line breaks
        if (c == ' ' || c == '\t' || c == '\n') {
          if (!form.empty() && form.back() != ' ') form.push_back(' ');
        } else {
          form.push_back(c);
        }
      }
      // An all-lower-case mention ("docker") takes the taxonomy's casing.
      bool anyUpper = std::any_of(form.begin(), form.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
      if (!anyUpper) {
        const std::string& t = lex.alias(m.alias).form;
        if (Lexicon::keyOf(t) == Lexicon::keyOf(form)) form = t;
        else if (Lexicon::keyOf(t + "s") == Lexicon::keyOf(form)) form = t + "s";
      }
      ByteRange r{lines[li].begin + m.begin, lines[li].begin + m.end};
      record(static_cast<int32_t>(m.skill), m.alias, true, std::move(form), weigh(m.begin, m.end), li, r);
      taken.push_back({m.begin, m.end});
    }

    // Tech-shaped names outside the taxonomy, from requirement lists only.
    bool requirementList = (bullet || !markers.empty()) &&
                           (section == AdvertSection::Essential || section == AdvertSection::Desirable);
    if (!heading && requirementList) {
      size_t i = 0;
      while (i < masked.size()) {
        auto tokenChar = [&](char c) { return std::isalnum(static_cast<unsigned char>(c)) || std::strchr(".+#-", c); };
        if (!tokenChar(masked[i]) || (i > 0 && tokenChar(masked[i - 1]))) {
          ++i;
          continue;
        }
        size_t j = i;
        while (j < masked.size() && tokenChar(masked[j])) ++j;
        size_t e = j;
        while (e > i && (masked[e - 1] == '.' || masked[e - 1] == '-')) --e;
        std::string_view tok(std::string_view(masked).substr(i, e - i));
        bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const ByteRange& t) { return t.begin < e && i < t.end; });
        if (!overlaps && techShaped(tok)) {
          std::vector<Mention> known = extras.scan(tok);
          int32_t id;
          if (!known.empty() && known.front().begin == 0 && known.front().end == tok.size()) {
            id = static_cast<int32_t>(known.front().skill);
          } else {
            id = extraBase + static_cast<int32_t>(extras.aliasCount());
            extras.add(static_cast<uint32_t>(id), tok, 0);
          }
          record(id, 0, false, std::string(tok), weigh(i, e), li, {lines[li].begin + static_cast<uint32_t>(i), lines[li].begin + static_cast<uint32_t>(e)});
        }
        i = j;
      }
    }
  }
  return out;
}

}  // namespace cvlint::kw
