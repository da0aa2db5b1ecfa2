// Builds the Layout of a document (see layout.hpp).
#include "length/layout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace cvlint::pages {

namespace {

constexpr double kInch = 72.27;

struct Paper {
  const char* name;
  double w, h;
};
constexpr Paper kPapers[] = {
    {"a4", 597.50787, 845.04684},   {"letter", 614.295, 794.96999}, {"a5", 421.10078, 597.50787},
    {"legal", 614.295, 1011.78},    {"executive", 520.34, 722.7},   {"b5", 501.68, 709.13},
};

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

// Splits "a=1, b={x,y}, c" at top-level commas.
std::vector<std::string_view> splitOptions(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (s[i] == ',' && depth == 0)) {
      auto part = trim(s.substr(b, i - b));
      if (!part.empty()) out.push_back(part);
      b = i + 1;
    } else if (s[i] == '{') {
      ++depth;
    } else if (s[i] == '}') {
      --depth;
    }
  }
  return out;
}

std::pair<std::string_view, std::string_view> keyValue(std::string_view opt) {
  size_t eq = opt.find('=');
  if (eq == std::string_view::npos) return {trim(opt), {}};
  auto v = trim(opt.substr(eq + 1));
  if (v.size() >= 2 && v.front() == '{' && v.back() == '}') v = trim(v.substr(1, v.size() - 2));
  return {trim(opt.substr(0, eq)), v};
}

void setSizes(Layout& l, int pt) {
  // size10.clo, size11.clo, size12.clo: (size, baselineskip) for \tiny..\Huge.
  static const SizeStep k10[10] = {{5, 6}, {7, 8}, {8, 9.5}, {9, 11}, {10, 12}, {12, 14}, {14.4, 18}, {17.28, 22}, {20.74, 25}, {24.88, 30}};
  static const SizeStep k11[10] = {{6, 7}, {8, 9.5}, {9, 11}, {10, 12}, {10.95, 13.6}, {12, 14}, {14.4, 18}, {17.28, 22}, {20.74, 25}, {24.88, 30}};
  static const SizeStep k12[10] = {{6, 7}, {8, 9.5}, {10, 12}, {10.95, 13.6}, {12, 14.5}, {14.4, 18}, {17.28, 22}, {20.74, 25}, {24.88, 30}, {24.88, 30}};
  const SizeStep* t = pt <= 10 ? k10 : pt == 11 ? k11 : k12;
  std::copy(t, t + 10, l.sizes);
  if (pt != 10 && pt != 11 && pt != 12) {
    // extsizes-like or unknown sizes: scale the 10pt table.
    for (int i = 0; i < 10; ++i) l.sizes[i] = {k10[i].size * pt / 10.0, k10[i].baselineskip * pt / 10.0};
  }
}

// The article class with its size option (size1x.clo): text block, lists,
// paragraph and heading spacing.
void articleDefaults(Layout& l, int pt) {
  setSizes(l, pt);
  double bs = l.sizes[kNormal].baselineskip;
  l.topskip = pt <= 10 ? 10 : pt == 11 ? 11 : 12;
  l.textW = std::min(l.paperW - 2 * kInch, pt <= 10 ? 345.0 : pt == 11 ? 360.0 : 390.0);
  l.textH = std::floor((l.paperH - 3.5 * kInch) / bs) * bs + l.topskip;
  l.parskip = {0, 1, 0};
  l.parindent = pt <= 10 ? 15 : pt == 11 ? 17 : 18;
  double em = l.sizes[kNormal].size;
  if (pt <= 10) {
    l.lists[0] = {{8, 2, 4}, {2, 1, 1}, {4, 2, 1}, {4, 2, 1}, 2.5 * em};
    l.lists[1] = {{4, 2, 1}, {2, 1, 1}, {2, 1, 1}, {2, 1, 1}, 2.2 * em};
    l.lists[2] = {{2, 1, 1}, {1, 0, 1}, {2, 1, 1}, {0, 0, 0}, 1.87 * em};
  } else if (pt == 11) {
    l.lists[0] = {{9, 3, 5}, {3, 1, 1}, {4.5, 2, 1}, {4.5, 2, 1}, 2.5 * em};
    l.lists[1] = {{4.5, 2, 1}, {3, 1, 1}, {2, 1, 1}, {2, 1, 1}, 2.2 * em};
    l.lists[2] = {{2, 1, 1}, {1, 0, 1}, {2, 1, 1}, {0, 0, 0}, 1.87 * em};
  } else {
    l.lists[0] = {{10, 4, 6}, {3, 2, 2}, {5, 2.5, 1}, {5, 2.5, 1}, 2.5 * em};
    l.lists[1] = {{5, 2.5, 1}, {3, 2, 2}, {2.5, 1, 1}, {2.5, 1, 1}, 2.2 * em};
    l.lists[2] = {{2.5, 1, 1}, {1, 0, 1}, {2.5, 1, 1}, {0, 0, 0}, 1.87 * em};
  }
  l.lists[3] = l.lists[2];
  l.lists[3].leftmargin = 1.7 * em;
  double ex = l.font(kNormal, "rm").ex();
  // article.cls \section .. \subparagraph.
  l.headings[0] = {{3.5 * ex, 1 * ex, 0.2 * ex}, {2.3 * ex, 0.2 * ex, 0}, kLarge2};
  l.headings[1] = {{3.25 * ex, 1 * ex, 0.2 * ex}, {1.5 * ex, 0.2 * ex, 0}, kLarge1};
  l.headings[2] = {{3.25 * ex, 1 * ex, 0.2 * ex}, {1.5 * ex, 0.2 * ex, 0}, kNormal};
  l.headings[3] = {{3.25 * ex, 1 * ex, 0.2 * ex}, {0, 0, 0}, kNormal, "bf", true};
  l.headings[4] = {{3.25 * ex, 1 * ex, 0.2 * ex}, {0, 0, 0}, kNormal, "bf", true};
  l.headings[5] = l.headings[4];
}

void applyGeometry(Layout& l, std::string_view opts) {
  std::optional<double> left, right, top, bottom, width, height;
  std::optional<double> hscale, vscale;
  bool any = false;
  double em = l.sizes[kNormal].size, ex = 0.43 * em;
  for (auto opt : splitOptions(opts)) {
    auto [k, v] = keyValue(opt);
    std::string key = lower(k);
    auto len = [&](std::string_view s) { return parseLength(s, em, ex, &l); };
    if (v.empty()) {
      for (const Paper& p : kPapers)
        if (key == std::string(p.name) + "paper") l.paperW = p.w, l.paperH = p.h;
      if (key == "landscape") std::swap(l.paperW, l.paperH);
      continue;
    }
    any = true;
    if (key == "paper" || key == "papername") {
      for (const Paper& p : kPapers)
        if (lower(v) == std::string(p.name) + "paper" || lower(v) == p.name) l.paperW = p.w, l.paperH = p.h;
    } else if (key == "margin") {
      // margin={h,v} or one value for all four.
      auto parts = splitOptions(v);
      auto a = parts.empty() ? std::nullopt : len(parts[0]);
      auto b = parts.size() > 1 ? len(parts[1]) : a;
      left = right = a;
      top = bottom = b;
    } else if (key == "hmargin") {
      auto parts = splitOptions(v);
      left = parts.empty() ? std::nullopt : len(parts[0]);
      right = parts.size() > 1 ? len(parts[1]) : left;
    } else if (key == "vmargin") {
      auto parts = splitOptions(v);
      top = parts.empty() ? std::nullopt : len(parts[0]);
      bottom = parts.size() > 1 ? len(parts[1]) : top;
    } else if (key == "left" || key == "lmargin" || key == "inner") {
      left = len(v);
    } else if (key == "right" || key == "rmargin" || key == "outer") {
      right = len(v);
    } else if (key == "top" || key == "tmargin") {
      top = len(v);
    } else if (key == "bottom" || key == "bmargin") {
      bottom = len(v);
    } else if (key == "textwidth" || key == "width" || key == "hsize") {
      width = len(v);
    } else if (key == "textheight" || key == "height" || key == "vsize") {
      height = len(v);
    } else if (key == "total" || key == "body") {
      auto parts = splitOptions(v);
      if (!parts.empty()) width = len(parts[0]);
      if (parts.size() > 1) height = len(parts[1]);
    } else if (key == "scale") {
      auto parts = splitOptions(v);
      if (!parts.empty()) hscale = vscale = std::strtod(std::string(parts[0]).c_str(), nullptr);
      if (parts.size() > 1) vscale = std::strtod(std::string(parts[1]).c_str(), nullptr);
    } else if (key == "hscale") {
      hscale = std::strtod(std::string(v).c_str(), nullptr);
    } else if (key == "vscale") {
      vscale = std::strtod(std::string(v).c_str(), nullptr);
    } else {
      any = any && true;
    }
  }
  (void)any;
  // geometry's defaults: a missing dimension is scale 0.7 of the paper, and a
  // single margin is mirrored (hmarginratio 1:1, vmarginratio 2:3).
  if (width) l.textW = *width;
  else if (left && right) l.textW = l.paperW - *left - *right;
  else if (left) l.textW = l.paperW - 2 * *left;
  else if (right) l.textW = l.paperW - 2 * *right;
  else l.textW = l.paperW * hscale.value_or(0.7);
  if (height) l.textH = *height;
  else if (top && bottom) l.textH = l.paperH - *top - *bottom;
  else if (top) l.textH = l.paperH - *top * 2.5;
  else if (bottom) l.textH = l.paperH - *bottom * 5.0 / 3.0;
  else l.textH = l.paperH * vscale.value_or(0.7);
}

// Reads "\cmd{\name}{value}" / "\cmd\name{value}": the length name and value.
bool lengthCommand(std::string_view src, std::string_view cmd, std::string& name, std::string_view& value) {
  if (!startsWith(src, cmd)) return false;
  size_t i = cmd.size();
  while (i < src.size() && std::isspace(static_cast<unsigned char>(src[i]))) ++i;
  bool braced = i < src.size() && src[i] == '{';
  if (braced) ++i;
  if (i >= src.size() || src[i] != '\\') return false;
  size_t b = ++i;
  while (i < src.size() && std::isalpha(static_cast<unsigned char>(src[i]))) ++i;
  name.assign(src.substr(b, i - b));
  if (braced) {
    while (i < src.size() && src[i] != '}') ++i;
    ++i;
  }
  while (i < src.size() && src[i] != '{') ++i;
  if (i >= src.size()) return false;
  size_t vb = ++i;
  int depth = 1;
  while (i < src.size() && depth > 0) {
    if (src[i] == '{') ++depth;
    else if (src[i] == '}') --depth;
    ++i;
  }
  value = src.substr(vb, (depth == 0 ? i - 1 : i) - vb);
  return true;
}

std::string_view firstArg(std::string_view src) {
  size_t b = src.find('{');
  if (b == std::string_view::npos) return {};
  size_t e = b + 1;
  int depth = 1;
  while (e < src.size() && depth > 0) {
    if (src[e] == '{') ++depth;
    else if (src[e] == '}') --depth;
    ++e;
  }
  return src.substr(b + 1, (depth == 0 ? e - 1 : e) - b - 1);
}

bool hasPackage(const LatexSetup& s, std::string_view name) {
  return std::find(s.packages.begin(), s.packages.end(), name) != s.packages.end();
}

void applyFontPackages(Layout& l, const LatexSetup& s) {
  struct Pkg {
    const char* name;
    const char* family;
  };
  static const Pkg kRoman[] = {
      {"lmodern", "lm"},       {"times", "times"},       {"mathptmx", "times"},   {"newtxtext", "times"},
      {"tgtermes", "times"},   {"txfonts", "times"},     {"charter", "charter"},  {"XCharter", "charter"},
      {"mathpazo", "palatino"}, {"palatino", "palatino"}, {"tgpagella", "palatino"}, {"newpxtext", "palatino"},
      {"pxfonts", "palatino"}, {"bookman", "bookman"},   {"tgbonum", "bookman"},  {"newcent", "newcent"},
      {"tgschola", "newcent"}, {"avant", "avant"},       {"tgadventor", "avant"}, {"fontspec", "lm"},
      {"libertine", "times"},  {"ebgaramond", "palatino"}, {"cmbright", "helvet"}, {"roboto", "helvet"},
      {"sourcesanspro", "helvet"}, {"lato", "helvet"},   {"opensans", "helvet"},  {"raleway", "helvet"},
      {"fontenc", ""},
  };
  for (const Pkg& p : kRoman)
    if (*p.family && hasPackage(s, p.name)) l.family = p.family;
  // Sans packages change the body font only together with \familydefault.
  bool sansDefault = false;
  for (const std::string& c : s.preambleCommands)
    if (c.find("familydefault") != std::string::npos && c.find("sfdefault") != std::string::npos) sansDefault = true;
  for (const char* p : {"roboto", "sourcesanspro", "lato", "opensans", "raleway", "cmbright"})
    if (hasPackage(s, p)) sansDefault = true;
  if (sansDefault) {
    if (hasPackage(s, "helvet") || hasPackage(s, "tgheros") || l.family == "helvet") l.family = "helvet";
    else if (l.family != "avant") l.bodyVariant = "sf";
  }
}

void applyPreambleCommand(Layout& l, std::string_view src) {
  src = trim(src);
  double em = l.sizes[kNormal].size;
  double ex = l.font(kNormal, "rm").ex();
  std::string name;
  std::string_view value;
  bool add = lengthCommand(src, "\\addtolength", name, value);
  bool set = !add && lengthCommand(src, "\\setlength", name, value);
  if (add || set) {
    auto v = parseLength(value, em, ex, &l);
    if (!v) return;
    double* target = nullptr;
    if (name == "textheight") target = &l.textH;
    else if (name == "textwidth") target = &l.textW;
    else if (name == "parindent") target = &l.parindent;
    else if (name == "topskip") target = &l.topskip;
    if (target) *target = add ? *target + *v : *v;
    if (name == "parskip") {
      l.parskip = {add ? l.parskip.w + *v : *v, 0, 0};
      if (value.find("plus") != std::string_view::npos) l.parskip.stretch = 2;
    }
    return;
  }
  if (startsWith(src, "\\linespread")) {
    double f = std::strtod(std::string(firstArg(src)).c_str(), nullptr);
    if (f > 0.3 && f < 4) l.linespread = f;
  } else if (startsWith(src, "\\setstretch") || src.find("\\baselinestretch") != std::string_view::npos) {
    std::string_view arg = firstArg(src);
    if (startsWith(src, "\\renewcommand")) {
      size_t close = src.find('}');
      arg = close == std::string_view::npos ? std::string_view{} : firstArg(src.substr(close + 1));
    }
    double f = std::strtod(std::string(arg).c_str(), nullptr);
    if (f > 0.3 && f < 4) l.linespread = f;
  } else if (startsWith(src, "\\geometry")) {
    applyGeometry(l, firstArg(src));
  } else if (startsWith(src, "\\raggedright") || startsWith(src, "\\RaggedRight")) {
    l.ragged = true;
  }
}

// Balanced {...} group starting at s[i] == '{': its content, i moved past it.
std::string_view braced(std::string_view s, size_t& i) {
  if (i >= s.size() || s[i] != '{') return {};
  size_t b = ++i;
  int depth = 1;
  while (i < s.size() && depth > 0) {
    if (s[i] == '\\') { i += 2; continue; }
    if (s[i] == '{') ++depth;
    else if (s[i] == '}') --depth;
    ++i;
  }
  return s.substr(b, (depth == 0 ? i - 1 : i) - b);
}

// Sum of \vspace{...} lengths in a macro body.
double vspaceIn(std::string_view body, const Layout& l) {
  double sum = 0;
  double em = l.sizes[kNormal].size;
  for (size_t p = body.find("\\vspace"); p != std::string_view::npos; p = body.find("\\vspace", p + 1)) {
    size_t i = p + 7;
    if (i < body.size() && body[i] == '*') ++i;
    while (i < body.size() && body[i] == ' ') ++i;
    std::string_view arg = braced(body, i);
    if (auto v = parseLength(arg, em, 0.43 * em, &l)) sum += *v;
  }
  return sum;
}

void skipSpaces(std::string_view s, size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '%')) {
    if (s[i] == '%') while (i < s.size() && s[i] != '\n') ++i;
    else ++i;
  }
}

// Reads the preamble for user macros' vertical space and titlesec formats.
void scanPreamble(Layout& l, std::string_view pre) {
  for (const char* def : {"\\newcommand", "\\renewcommand", "\\providecommand"}) {
    std::string_view d(def);
    for (size_t p = pre.find(d); p != std::string_view::npos; p = pre.find(d, p + 1)) {
      size_t i = p + d.size();
      if (i < pre.size() && pre[i] == '*') ++i;
      skipSpaces(pre, i);
      std::string name;
      if (i < pre.size() && pre[i] == '{') {
        std::string_view n = braced(pre, i);
        name = std::string(trim(n));
      } else if (i < pre.size() && pre[i] == '\\') {
        size_t b = i++;
        while (i < pre.size() && std::isalpha(static_cast<unsigned char>(pre[i]))) ++i;
        name = std::string(pre.substr(b, i - b));
      }
      if (name.empty()) continue;
      skipSpaces(pre, i);
      while (i < pre.size() && pre[i] == '[') {  // [n] and [default]
        size_t e = pre.find(']', i);
        if (e == std::string_view::npos) break;
        i = e + 1;
        skipSpaces(pre, i);
      }
      std::string_view body = braced(pre, i);
      double v = vspaceIn(body, l);
      if (v != 0) l.macroSkip[name] = v;
    }
  }
  // enumitem's \setlist[itemize]{itemsep=0pt, topsep=2pt, nosep, ...}: list spacing.
  for (size_t p = pre.find("\\setlist"); p != std::string_view::npos; p = pre.find("\\setlist", p + 1)) {
    size_t i = p + 8;
    skipSpaces(pre, i);
    int onlyLevel = -1;
    if (i < pre.size() && pre[i] == '[') {
      size_t e = pre.find(']', i);
      if (e == std::string_view::npos) break;
      std::string_view which = pre.substr(i + 1, e - i - 1);
      for (char c : which)
        if (c >= '1' && c <= '4') onlyLevel = c - '1';
      i = e + 1;
      skipSpaces(pre, i);
    }
    std::string_view opts = braced(pre, i);
    double em = l.sizes[kNormal].size;
    for (auto opt : splitOptions(opts)) {
      auto [k, v] = keyValue(opt);
      for (int lv = 0; lv < 4; ++lv) {
        if (onlyLevel >= 0 && lv != onlyLevel) continue;
        ListStyle& ls = l.lists[lv];
        auto len = parseLength(v, em, 0.43 * em, &l);
        if (k == "nosep") ls.topsep = ls.partopsep = ls.itemsep = ls.parsep = {0, 0, 0};
        else if (k == "noitemsep") ls.itemsep = ls.parsep = {0, 0, 0};
        else if (k == "itemsep" && len) ls.itemsep = {*len, 0, 0};
        else if (k == "topsep" && len) ls.topsep = {*len, 0, 0};
        else if (k == "parsep" && len) ls.parsep = {*len, 0, 0};
        else if (k == "partopsep" && len) ls.partopsep = {*len, 0, 0};
        else if ((k == "leftmargin" || k == "left") && len) ls.leftmargin = *len;
      }
    }
  }
  // \titleformat{\section}...: vertical space and a \titlerule in the format.
  static const char* kLevels[] = {"section", "subsection", "subsubsection"};
  for (size_t p = pre.find("\\titleformat"); p != std::string_view::npos; p = pre.find("\\titleformat", p + 1)) {
    size_t i = p + 12;
    if (i < pre.size() && pre[i] == '*') ++i;
    skipSpaces(pre, i);
    std::string_view which = trim(braced(pre, i));
    int level = -1;
    for (int k = 0; k < 3; ++k)
      if (which == std::string("\\") + kLevels[k]) level = k;
    if (level < 0) continue;
    size_t start = i;
    // The remaining arguments ([shape]{format}{label}{sep}{before}[after]).
    for (int args = 0; args < 7 && i < pre.size(); ++args) {
      skipSpaces(pre, i);
      if (i < pre.size() && pre[i] == '[') {
        size_t e = pre.find(']', i);
        if (e == std::string_view::npos) break;
        i = e + 1;
      } else if (i < pre.size() && pre[i] == '{') {
        braced(pre, i);
      } else {
        break;
      }
    }
    std::string_view all = pre.substr(start, i - start);
    HeadingStyle& hs = l.headings[level];
    double v = vspaceIn(all, l);
    if (all.find("\\titlerule") != std::string_view::npos) {
      // A rule under the title: TeX adds no interline glue after a rule, so
      // the next line sits its depth-free height below it.
      SizeStep st = l.sizes[kNormal];
      v += 0.4 - (st.baselineskip - 0.75 * st.size);
    }
    hs.after.w += v;
    if (all.find("\\large") != std::string_view::npos) hs.size = kLarge1;
    else if (all.find("\\Large") != std::string_view::npos) hs.size = kLarge2;
    else if (all.find("\\LARGE") != std::string_view::npos) hs.size = kLarge3;
    else if (all.find("\\huge") != std::string_view::npos) hs.size = kHuge1;
    else if (all.find("\\normalsize") != std::string_view::npos) hs.size = kNormal;
  }
}

}  // namespace

namespace {

constexpr std::string_view kCachedVariants[5] = {"rm", "bf", "it", "sf", "sfbf"};

int cachedVariant(std::string_view v) {
  for (int k = 0; k < 5; ++k)
    if (v == kCachedVariants[k]) return k;
  return -1;
}

}  // namespace

Font Layout::font(SizeIdx i, std::string_view variant) const {
  Font* cached = nullptr;
  if (fontsReady && i < 10) {
    int k = cachedVariant(variant);
    if (k >= 0) {
      cached = &fontCache[i][k];
      if (cached->row) return *cached;
    }
  }
  std::string_view v = variant;
  if (bodyVariant == "sf") v = variant == "bf" ? "sfbf" : "sf";
  Font f = makeFont(family, v, sizes[i].size);
  if (cached) *cached = f;
  return f;
}

void Layout::prepareFonts() {
  for (auto& row : fontCache)
    for (Font& f : row) f = Font{};
  fontsReady = true;
}

std::optional<double> parseLength(std::string_view s, double em, double ex, const Layout* relTo) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  double sign = 1;
  while (i < s.size() && (s[i] == '-' || s[i] == '+' || s[i] == ' ')) {
    if (s[i] == '-') sign = -sign;
    ++i;
  }
  size_t nb = i;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == ',')) ++i;
  double num = 1;
  if (i > nb) {
    std::string n(s.substr(nb, i - nb));
    std::replace(n.begin(), n.end(), ',', '.');
    num = std::strtod(n.c_str(), nullptr);
  }
  while (i < s.size() && s[i] == ' ') ++i;
  std::string_view unit = s.substr(i);
  // Only the natural width counts; "plus"/"minus" parts are ignored.
  if (size_t p = unit.find(" plus"); p != std::string_view::npos) unit = unit.substr(0, p);
  if (size_t p = unit.find(" minus"); p != std::string_view::npos) unit = unit.substr(0, p);
  unit = trim(unit);
  double k;
  if (unit == "pt") k = 1;
  else if (unit == "in") k = kInch;
  else if (unit == "cm") k = kInch / 2.54;
  else if (unit == "mm") k = kInch / 25.4;
  else if (unit == "bp") k = kInch / 72;
  else if (unit == "pc") k = 12;
  else if (unit == "dd") k = 1238.0 / 1157;
  else if (unit == "cc") k = 12 * 1238.0 / 1157;
  else if (unit == "sp") k = 1.0 / 65536;
  else if (unit == "em") k = em;
  else if (unit == "ex") k = ex;
  else if (unit == "px") k = kInch / 72;
  else if (relTo && (unit == "\\textwidth" || unit == "\\linewidth" || unit == "\\columnwidth" || unit == "\\hsize"))
    k = relTo->textW;
  else if (relTo && (unit == "\\textheight" || unit == "\\vsize")) k = relTo->textH;
  else if (relTo && unit == "\\paperwidth") k = relTo->paperW;
  else if (relTo && unit == "\\paperheight") k = relTo->paperH;
  else if (relTo && unit == "\\baselineskip") k = relTo->size(kNormal).baselineskip;
  else if (relTo && unit == "\\parskip") k = relTo->parskip.w;
  else if (unit == "\\fill" || unit == "\\stretch") k = 0;
  else if (i == nb && unit.empty()) return std::nullopt;
  else return std::nullopt;
  return sign * num * k;
}

namespace {

// A top-level key of a Markdown document's YAML front matter: a scalar
// ("geometry: margin=2cm", quotes dropped) or a list ("geometry:" then
// "- margin=2cm" lines, joined with commas). Empty when absent.
std::string yamlValue(const CvDocument& doc, std::string_view key) {
  if (!doc.hasFrontMatter || doc.files.empty()) return {};
  std::string_view s = doc.source(0).view();
  if (s.substr(0, 3) != "---") return {};
  size_t p = s.find('\n');
  std::string out;
  bool inList = false;
  while (p != std::string_view::npos && p + 1 < s.size()) {
    size_t b = p + 1;
    size_t e = s.find('\n', b);
    std::string_view line = s.substr(b, (e == std::string_view::npos ? s.size() : e) - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") break;
    std::string_view t = trim(line);
    if (inList) {
      if (t.substr(0, 2) == "- ") {
        std::string_view v = trim(t.substr(2));
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
        if (!out.empty()) out += ',';
        out += v;
      } else if (!t.empty()) {
        break;
      }
    } else if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == ':') {
      std::string_view v = trim(line.substr(key.size() + 1));
      if (v.empty()) {
        inList = true;
      } else {
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
        if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
        return std::string(v);
      }
    }
    p = e;
  }
  return out;
}

Layout buildLayout(const CvDocument& doc, const Config& config) {
  Layout l;
  if (doc.format != Format::Latex) {
    // pandoc's default LaTeX template (pandoc 2.17): article, 10pt, US
    // letter, lmodern, parskip (6pt plus 2pt, lists without topsep), no
    // geometry unless a margin is set. The render profile overrides it.
    const RenderProfile& r = config.render;
    // The document's YAML metadata is what pandoc's template reads:
    // papersize, fontsize, geometry and linestretch win over the profile's
    // defaults; a margin set in the profile (the command line) wins over them.
    std::string paper = r.paper, ySize = yamlValue(doc, "fontsize"), yPaper = yamlValue(doc, "papersize");
    if (!yPaper.empty()) paper = yPaper;
    for (const Paper& p : kPapers)
      if (lower(paper) == p.name || lower(paper) == std::string(p.name) + "paper") l.paperW = p.w, l.paperH = p.h;
    int pt = static_cast<int>(std::lround(r.fontSizePt > 0 ? r.fontSizePt : 10));
    if (int y = std::atoi(ySize.c_str()); y == 10 || y == 11 || y == 12) pt = y;
    articleDefaults(l, pt);
    l.family = "lm";
    l.pandoc = true;
    // The template loads microtype when installed (TeX Live ships it) with
    // its defaults: expansion 20/1000 both ways, protrusion (basicmath set).
    l.fontExpansion = 0.02;
    l.protrusion = true;
    double bs = l.sizes[kNormal].baselineskip;
    l.parskip = {0.5 * bs, 2, 0};
    l.parindent = 0;
    for (ListStyle& ls : l.lists) {
      ls.topsep = {0, 0, 0};
      ls.partopsep = {0, 0, 0};
      ls.itemsep = {0, 0, 0};
      ls.parsep = l.parskip;
    }
    if (std::string g = yamlValue(doc, "geometry"); !g.empty() && r.margin.empty()) applyGeometry(l, g);
    if (!r.margin.empty()) applyGeometry(l, "margin=" + r.margin);
    if (std::string ls = yamlValue(doc, "linestretch"); !ls.empty()) {
      double v = std::atof(ls.c_str());
      if (v >= 0.5 && v <= 3) l.linespread = v;
    }
    return l;
  }
  const LatexSetup& s = doc.latex;
  int pt = 10;
  for (const std::string& o : s.classOptions) {
    std::string lo = lower(trim(o));
    if (lo.size() > 2 && lo.substr(lo.size() - 2) == "pt") {
      int v = std::atoi(lo.c_str());
      // The standard classes know only 10pt, 11pt and 12pt (others are
      // ignored with a warning); the ext* classes and moderncv add more.
      bool ext = s.documentClass.rfind("ext", 0) == 0 || s.documentClass == "moderncv";
      if ((v == 10 || v == 11 || v == 12) || (ext && v >= 8 && v <= 20)) pt = v;
    }
    for (const Paper& p : kPapers)
      if (lo == std::string(p.name) + "paper" || lo == p.name) l.paperW = p.w, l.paperH = p.h;
    if (lo == "landscape") std::swap(l.paperW, l.paperH);
  }
  l.cls = s.documentClass.empty() ? "article" : s.documentClass;
  articleDefaults(l, pt);
  applyFontPackages(l, s);
  for (const std::string& o : s.classOptions)
    if (lower(trim(o)) == "sans") l.bodyVariant = "sf";
  if (hasPackage(s, "fullpage")) {
    // fullpage.sty: one-inch margins all round (head and foot inside them).
    l.textW = l.paperW - 2 * kInch;
    l.textH = l.paperH - 2 * kInch;
  }
  if (hasPackage(s, "geometry")) {
    auto it = s.packageOptions.find("geometry");
    applyGeometry(l, it == s.packageOptions.end() ? std::string_view{} : std::string_view(it->second));
  }
  if (hasPackage(s, "microtype")) {
    // microtype's defaults under pdfTeX: protrusion and expansion (20/1000)
    // on. XeTeX (fontspec) has no font expansion; an option can turn either off.
    auto it = s.packageOptions.find("microtype");
    std::string opts = it == s.packageOptions.end() ? std::string() : lower(it->second);
    opts.erase(std::remove(opts.begin(), opts.end(), ' '), opts.end());
    bool off = opts.find("final=false") != std::string::npos || opts.find("draft") != std::string::npos;
    l.protrusion = !off && opts.find("protrusion=false") == std::string::npos;
    if (!off && opts.find("expansion=false") == std::string::npos && !hasPackage(s, "fontspec")) l.fontExpansion = 0.02;
  }
  if (hasPackage(s, "parskip")) {
    l.parskip = {0.5 * l.sizes[kNormal].baselineskip, 2, 0};
    l.parindent = 0;
    for (ListStyle& ls : l.lists) ls.topsep = ls.partopsep = ls.itemsep = {0, 0, 0}, ls.parsep = l.parskip;
  }
  if (l.cls == "moderncv") {
    // moderncv (casual/classic): measured on the corpus template at 11pt.
    // Section titles sit beside a coloured rule in the hints column; entry
    // descriptions and their lists are \small and compact; contact details go
    // to the footer or beside the name, not into the body.
    double k = l.sizes[kNormal].size / 10.95;
    l.moderncv = true;
    l.hintColumn = 0.2 * l.textW;
    l.parskip = {0, 0, 0};
    l.parindent = 0;
    l.headings[0] = {{14.5 * k, 2, 1}, {5.2 * k, 1, 0}, kNormal, "rm"};
    l.headings[1] = {{4.1 * k, 2, 1}, {3.2 * k, 1, 0}, kNormal, "rm"};
    for (ListStyle& ls : l.lists) ls.topsep = ls.partopsep = ls.itemsep = ls.parsep = {0, 0, 0};
    l.titleHeight = 126 * k;
    // \photo[64pt]{picture} beside the name makes the title block taller
    // than the name and title alone (about 30pt of them, measured).
    for (const LayoutFact& f : doc.layout) {
      if (f.kind != LayoutKind::Photo || f.file != 0 || f.range.begin >= doc.source(0).view().size()) continue;
      std::string_view rest = doc.source(0).view().substr(f.range.begin, 80);
      double h = 64;
      if (size_t b = rest.find('['); b != std::string_view::npos && b < 10) {
        size_t e = rest.find(']', b);
        if (e != std::string_view::npos)
          if (auto v = parseLength(rest.substr(b + 1, e - b - 1), 10, 4.3, &l)) h = *v;
      }
      l.titleHeight += std::max(0.0, h - 30);
    }
  }
  for (const std::string& c : s.preambleCommands) applyPreambleCommand(l, c);
  if (s.preamble.end > s.preamble.begin && !doc.files.empty()) {
    std::string_view src = doc.source(0).view();
    if (s.preamble.end <= src.size()) scanPreamble(l, src.substr(s.preamble.begin, s.preamble.end - s.preamble.begin));
  }
  if (hasPackage(s, "setspace") && l.linespread == 1) {
    for (const std::string& c : s.preambleCommands) {
      if (c.find("onehalfspacing") != std::string::npos) l.linespread = pt <= 10 ? 1.25 : pt == 11 ? 1.213 : 1.241;
      if (c.find("doublespacing") != std::string::npos) l.linespread = pt <= 10 ? 1.667 : pt == 11 ? 1.618 : 1.655;
    }
  }
  l.textH = std::max(l.textH, 100.0);
  l.textW = std::max(l.textW, 50.0);
  return l;
}

}  // namespace

Layout layoutFor(const CvDocument& doc, const Config& config) {
  Layout l = buildLayout(doc, config);
  l.prepareFonts();
  return l;
}

}  // namespace cvlint::pages
