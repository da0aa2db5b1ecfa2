// The LaTeX walker, part 4: environments, math, user macro definitions and
// expansion, and \input files.
#include <algorithm>
#include <filesystem>

#include "engine.hpp"
#include "parse/latex_walker.hpp"

namespace cvlint::latex {

namespace {

// Collapses whitespace runs to one space.
std::string squeeze(std::string_view s) {
  std::string out;
  bool sp = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      sp = !out.empty();
      continue;
    }
    if (sp) out.push_back(' ');
    sp = false;
    out.push_back(c);
  }
  return out;
}

// Readable text of inline math: symbols as characters, other commands and
// grouping dropped (`$\sim$50\%` -> "~", `$|$` -> "|", `$O(n^2)$` -> "O(n2)").
const char* mathSymbol(std::string_view n) {
  static const std::pair<const char*, const char*> table[] = {
      {"cdot", "\xC2\xB7"}, {"cdotp", "\xC2\xB7"}, {"bullet", "\xE2\x80\xA2"}, {"sim", "~"}, {"approx", "\xE2\x89\x88"},
      {"times", "\xC3\x97"}, {"pm", "\xC2\xB1"}, {"leq", "\xE2\x89\xA4"}, {"le", "\xE2\x89\xA4"},
      {"geq", "\xE2\x89\xA5"}, {"ge", "\xE2\x89\xA5"}, {"rightarrow", "\xE2\x86\x92"}, {"to", "\xE2\x86\x92"},
      {"leftarrow", "\xE2\x86\x90"}, {"Rightarrow", "\xE2\x87\x92"}, {"uparrow", "\xE2\x86\x91"},
      {"downarrow", "\xE2\x86\x93"}, {"%", "%"}, {"#", "#"}, {"$", "$"}, {"&", "&"}, {"_", "_"}, {"{", "{"}, {"}", "}"},
      {"mid", "|"}, {"vert", "|"}, {"lvert", "|"}, {"rvert", "|"}, {"ast", "*"}, {"star", "*"}, {"circ", "\xC2\xB0"},
      {"degree", "\xC2\xB0"}, {"infty", "\xE2\x88\x9E"}, {"mu", "\xCE\xBC"}, {"alpha", "\xCE\xB1"}, {"beta", "\xCE\xB2"},
      {"lambda", "\xCE\xBB"}, {"pi", "\xCF\x80"}, {"sigma", "\xCF\x83"}, {"Delta", "\xCE\x94"}, {"ldots", "\xE2\x80\xA6"},
      {"dots", "\xE2\x80\xA6"}, {"cdots", "\xE2\x8B\xAF"}, {",", " "}, {" ", " "}, {"quad", " "}, {"backslash", "\\"},
      {"diamond", "\xE2\x8B\x84"}, {"blacksquare", "\xE2\x96\xA0"}, {"checkmark", "\xE2\x9C\x93"}};
  for (const auto& [k, v] : table)
    if (n == k) return v;
  return nullptr;
}

}  // namespace

std::string Walker::mathText(const std::vector<Token>& toks) const {
  std::string out;
  for (const Token& t : toks) {
    std::string_view s = text(t);
    switch (t.kind) {
      case Tok::Command:
        if (const char* sym = mathSymbol(commandName(s))) out += sym;
        break;
      case Tok::Text:
        for (char c : s)
          if (c != '^' && c != '_') out.push_back(c);
        break;
      case Tok::Space: case Tok::Par: case Tok::Tilde: out.push_back(' '); break;
      case Tok::LBracket: case Tok::RBracket: case Tok::Amp: out.append(s); break;
      default: break;
    }
  }
  return squeeze(out);
}

// ---------------------------------------------------------------------------
// Environments

void Walker::beginEnv(const Token& t) {
  Arg a;
  if (!readArg(a)) return;
  std::string name = trimmed(rawText(a.toks));
  Env k = classifyEnv(name);
  if (inl_ || mode_ != Mode::Body) {
    if (k == Env::Math || k == Env::Graphics) skipEnvBody(name);
    else if (k == Env::Verbatim && nextIs(Tok::Verbatim)) next();
    else skipSpec(envSpec(name));
    return;
  }
  EnvFrame f;
  f.name = name;
  f.kind = k;
  if (cls_ == CvClass::McDowell && (name == "cvsection" || name == "cvsubsection")) {
    // mcdowellcv: \begin{cvsection}{Title}, \begin{cvsubsection}{Role}{Org}{Dates}.
    if (name == "cvsection") heading(t, name, 1);
    else entry(t, name, {ArgRole::Role, ArgRole::Org, ArgRole::Dates}, readBraceArgs(3), nullptr);
    envs_.push_back(std::move(f));
    return;
  }
  switch (k) {
    case Env::Document:
      return;
    case Env::List: {
      closeBlock();
      for (size_t i = envs_.size(); i-- > 0;)
        if (envs_[i].kind == Env::List) {
          f.base = static_cast<uint8_t>(std::min(250, envs_[i].base + (envs_[i].itemIsBullet ? 1 : 0)));
          break;
        }
      f.ordered = isOrderedList(name);
      skipSpec("o");
      envs_.push_back(std::move(f));
      return;
    }
    case Env::Table: {
      skipSpec(envSpec(name));
      closeBlock();
      if (t.mac && t.macro > 0 && t.macro <= macros_.size()) {
        if (layoutOnce_.insert("macro-table").second) layout(LayoutKind::Table, name, t);
      } else {
        layout(LayoutKind::Table, name, t);
        f.fact = static_cast<int32_t>(doc_.layout.size() - 1);
      }
      ++tableDepth_;
      envs_.push_back(std::move(f));
      return;
    }
    case Env::Columns:
      skipSpec(envSpec(name));
      closeBlock();
      layout(LayoutKind::Columns, name, t);
      if (!t.mac) f.fact = static_cast<int32_t>(doc_.layout.size() - 1);
      envs_.push_back(std::move(f));
      return;
    case Env::Minipage:
      skipSpec(envSpec(name));
      closeBlock();
      if (mpAdjacent_ && mpDepth_ == envs_.size()) {
        if (!mpRecorded_) {
          // The pair, from the first minipage's \begin to this one's \end.
          layout(LayoutKind::Columns, "minipage", mpFirst_);
          if (!mpFirst_.mac && !t.mac) f.fact = static_cast<int32_t>(doc_.layout.size() - 1);
        }
        mpRecorded_ = true;
      } else {
        mpFirst_ = t;
        mpRecorded_ = false;
      }
      mpAdjacent_ = false;
      envs_.push_back(std::move(f));
      return;
    case Env::Box:
      skipSpec(envSpec(name));
      closeBlock();
      layout(LayoutKind::Box, name, t);
      if (!t.mac) f.fact = static_cast<int32_t>(doc_.layout.size() - 1);
      envs_.push_back(std::move(f));
      return;
    case Env::Graphics:
      closeBlock();
    {
      layout(LayoutKind::Graphics, name, t);
      auto fact = static_cast<int32_t>(doc_.layout.size() - 1);
      auto [file, end] = skipEnvBody(name);
      if (!t.mac) extendFact(fact, file, end);
      return;
    }
    case Env::Math:
      skipEnvBody(name);
      return;
    case Env::Verbatim:
      closeBlock();
      if (nextIs(Tok::Verbatim)) {
        Token v = next();
        openBlock(BlockKind::Code, v.mfile, t.mb, 0, name);
        lastEnd_ = v.me;
        closeBlock();
      }
      envs_.push_back(std::move(f));
      return;
    case Env::Other:
    case Env::Transparent:
      skipSpec(envSpec(name));
      if (cur_ >= 0 && doc_.blocks[cur_].kind != BlockKind::Bullet) closeBlock();
      envs_.push_back(std::move(f));
      return;
  }
}

void Walker::endEnv(const Token& t) {
  Arg a;
  if (!readArg(a)) return;
  if (inl_ || mode_ != Mode::Body) return;
  std::string name = trimmed(rawText(a.toks));
  if (name == "document") {
    closeBlock();
    stopped_ = true;
    return;
  }
  size_t i = envs_.size();
  while (i > 0 && envs_[i - 1].name != name) --i;
  if (i == 0) return;
  while (envs_.size() >= i) {
    EnvFrame f = std::move(envs_.back());
    envs_.pop_back();
    // The construct ends with its \end{name} (an environment left open by a
    // bad nesting ends here too).
    if (!t.mac) extendFact(f.fact, a.file, a.outer.end);
    switch (f.kind) {
      case Env::Table:
        closeBlock();
        if (tableDepth_ > 0) --tableDepth_;
        break;
      case Env::Minipage:
        closeBlock();
        mpAdjacent_ = true;
        mpDepth_ = envs_.size();
        break;
      case Env::List:
      case Env::Columns:
      case Env::Box:
        closeBlock();
        break;
      default:
        if (cur_ >= 0 && doc_.blocks[cur_].kind != BlockKind::Bullet) closeBlock();
        break;
    }
  }
}

std::pair<uint16_t, uint32_t> Walker::skipEnvBody(const std::string& name) {
  int depth = 0;
  while (more()) {
    Token t = next();
    if (t.kind != Tok::Command) continue;
    std::string_view n = commandName(text(t));
    if (n != "begin" && n != "end") continue;
    Arg a;
    if (!readArg(a)) continue;
    if (trimmed(rawText(a.toks)) != name) continue;
    if (n == "begin") ++depth;
    else if (depth-- == 0) return {a.file, a.outer.end};
  }
  return {UINT16_MAX, 0};
}

void Walker::extendFact(int32_t fact, uint16_t file, uint32_t end) {
  if (fact < 0 || static_cast<size_t>(fact) >= doc_.layout.size()) return;
  LayoutFact& l = doc_.layout[fact];
  if (l.file == file && end > l.range.end) l.range.end = end;
}

// ---------------------------------------------------------------------------
// Math

void Walker::math(const Token& open) {
  std::string_view delim = text(open);
  bool display = delim == "$$";
  std::vector<Token> body;
  bool closed = false;
  Token close = open;
  while (more()) {
    if (peek().kind == Tok::Par) break;
    Token t = next();
    if (t.kind == Tok::Math) {
      close = t;
      closed = true;
      break;
    }
    body.push_back(t);
  }
  if (!closed || display) return;
  std::string s = mathText(body);
  if (open.mfile == close.mfile) emitCode(s, open.mfile, open.mb, std::max(open.me, close.me));
}

void Walker::mathCommand(const Token& open, bool display) {
  std::vector<Token> body;
  Token close = open;
  bool closed = false;
  while (more()) {
    Token t = next();
    if (t.kind == Tok::Command) {
      std::string_view n = commandName(text(t));
      if ((display && n == "]") || (!display && n == ")")) {
        close = t;
        closed = true;
        break;
      }
    }
    body.push_back(t);
  }
  if (!closed || display) return;
  std::string s = mathText(body);
  if (open.mfile == close.mfile) emitCode(s, open.mfile, open.mb, std::max(open.me, close.me));
}

// ---------------------------------------------------------------------------
// User macros

void Walker::define(const Token& t, bool tex) {
  Macro m;
  skipBlank();
  if (!more()) return;
  if (nextIs(Tok::Begin)) {
    Arg a;
    if (!readArg(a)) return;
    for (const Token& x : a.toks)
      if (x.kind == Tok::Command) {
        m.name = std::string(commandName(text(x)));
        break;
      }
  } else if (nextIs(Tok::Command)) {
    m.name = std::string(commandName(text(next())));
  } else {
    return;
  }
  Arg body;
  if (tex) {
    bool delimited = false;
    int guard = 0;
    while (more() && peek().kind != Tok::Begin && guard++ < 64) {
      Token p = next();
      if (p.kind == Tok::Param) ++m.nargs;
      else if (p.kind != Tok::Space && p.kind != Tok::Comment) delimited = true;
      if (p.kind == Tok::Par) return;
    }
    if (!readArg(body) || delimited) return;
  } else {
    Arg n, d;
    if (readOpt(n)) m.nargs = std::clamp(std::atoi(trimmed(rawText(n.toks)).c_str()), 0, 9);
    if (m.nargs > 0 && readOpt(d)) {
      m.hasOpt = true;
      m.optDefault = d.toks;
    }
    if (!readArg(body)) return;
  }
  if (m.name.empty()) return;
  m.body = std::move(body.toks);
  // Structural built-ins keep their meaning even when a class or template redefines them.
  const Builtin& b = findBuiltin(m.name, cls_);
  bool forceEntry = false;
  switch (b.cmd) {
    case Cmd::Section: case Cmd::Item: case Cmd::Begin: case Cmd::End: case Cmd::Input: case Cmd::Define:
    case Cmd::Def: case Cmd::LineBreak: case Cmd::Href: case Cmd::Url: case Cmd::Verb: case Cmd::MathOpen:
      return;
    case Cmd::Entry:
      // A template's own entry command (latexcv's \cvevent{dates}{role}{org}{text}):
      // its argument order is its own, so the fields are guessed.
      if (m.nargs >= 2) forceEntry = true;
      break;
    case Cmd::CvItem: case Cmd::ListItem: case Cmd::Contact: case Cmd::Name:
    case Cmd::HeaderLine: case Cmd::NameSection:
      if (m.nargs >= 1) return;
      break;
    default:
      break;
  }
  // Classify: several arguments set into a tabular / \hfill / columns: an entry header.
  bool hasTable = false, hasList = false, hasFill = false, hasAmp = false, hasBreak = false;
  for (size_t i = 0; i < m.body.size(); ++i) {
    const Token& x = m.body[i];
    if (x.kind == Tok::Amp) hasAmp = true;
    if (x.kind != Tok::Command) continue;
    std::string_view n = commandName(text(x));
    if (n == "hfill" || n == "hfil") hasFill = true;
    if (n == "\\") hasBreak = true;
    if (n == "begin" && i + 2 < m.body.size() && m.body[i + 1].kind == Tok::Begin) {
      Env k = classifyEnv(text(m.body[i + 2]));
      if (k == Env::Table && !hasTable) hasTable = true, m.tableName = std::string(text(m.body[i + 2]));
      if (k == Env::List) hasList = true;
    }
  }
  m.hasTable = hasTable;
  m.entry = forceEntry || (!hasList && ((m.nargs >= 2 && (hasTable || hasFill || hasAmp)) || (m.nargs >= 3 && hasBreak)));
  auto it = macroIndex_.find(m.name);
  if (it != macroIndex_.end()) {
    macros_[it->second] = std::move(m);
  } else {
    macroIndex_[m.name] = macros_.size();
    macros_.push_back(std::move(m));
  }
}

void Walker::readMacroArgs(const Macro& m, std::vector<Arg>& args) {
  int mandatory = m.nargs;
  if (m.hasOpt) {
    Arg o;
    if (!readOpt(o)) {
      o = Arg{};
      o.toks = m.optDefault;
      o.present = true;
    }
    args.push_back(std::move(o));
    --mandatory;
  }
  for (int i = 0; i < mandatory; ++i) {
    Arg a;
    if (!readArg(a)) break;
    args.push_back(std::move(a));
  }
}

void Walker::invoke(const Token& t, const Macro& mc, size_t index) {
  std::vector<Arg> args;
  readMacroArgs(mc, args);
  if (mc.hasOpt && !args.empty() && args[0].toks.size() && !args[0].outer.size()) {
    // The default of an optional argument maps to the invocation, not the definition.
    for (Token& x : args[0].toks) {
      x.mac = true;
      x.mfile = t.mfile;
      x.mb = t.mb;
      x.me = t.me;
    }
    args[0].file = t.mfile;
    args[0].outer = args[0].inner = {t.mb, t.me};
  }
  if (mc.entry && mode_ == Mode::Body && !inl_) {
    bool ok = mc.nargs >= 3;
    for (const Arg& a : args) ok = ok || looksLikeDate(rawText(a.toks));
    if (ok) {
      std::vector<ArgRole> roles(args.size(), ArgRole::Guess);
      entry(t, mc.name, std::move(roles), std::move(args), &mc);
      return;
    }
  }
  // Budgets. A call from the source starts a new count of self-calls: a
  // macro calling itself from its own body is linear recursion at best
  // (bounded by the frame depth) and a doubling bomb at worst (\x -> \x\x:
  // 2^depth calls, all within the depth limit). The token budget scales with
  // the source, so mutually recursive or chained macros ("billion laughs")
  // stop at a CV-sized expansion instead of millions of tokens.
  if (!t.mac) selfCalls_ = 0;
  else if (t.macro == index + 1) ++selfCalls_;
  size_t sourceBytes = 0;
  for (const SourceFile& f : doc_.files) sourceBytes += f.text.view().size();
  const size_t budget = std::min(kMaxExpandedTokens, kExpandedTokensFloor + kExpandedTokensPerByte * sourceBytes);
  if (frames_.size() >= kMaxFrames || selfCalls_ > kMaxFrames || expanded_ > budget) {
    if (!budgetReported_) {
      doc_.problems.push_back({"macro \\" + mc.name + " expands too deeply or too often: expansion stopped",
                               t.mfile, {t.mb, t.me}});
      budgetReported_ = true;
    }
    return;
  }
  uint32_t end = t.me;
  for (const Arg& a : args)
    if (a.file == t.mfile) end = std::max(end, a.outer.end);
  std::vector<Token> out;
  out.reserve(mc.body.size() + 8);
  for (const Token& x : mc.body) {
    if (x.kind == Tok::Param) {
      std::string_view p = text(x);
      if (p.size() == 2 && p[1] >= '1' && p[1] <= '9') {
        size_t k = static_cast<size_t>(p[1] - '1');
        if (k < args.size()) out.insert(out.end(), args[k].toks.begin(), args[k].toks.end());
        continue;
      }
    }
    Token y = x;
    y.mac = true;
    y.mfile = t.mfile;
    y.mb = t.mb;
    y.me = t.me;
    y.macro = static_cast<uint32_t>(index + 1);
    out.push_back(y);
  }
  Token endTok;
  endTok.kind = Tok::ExpEnd;
  endTok.mac = true;
  endTok.tfile = endTok.mfile = t.mfile;
  endTok.mb = endTok.me = end;
  out.push_back(endTok);
  expanded_ += out.size();
  pushTokens(std::move(out));
}

// ---------------------------------------------------------------------------
// \input files

void Walker::inputFile(const Token& t) {
  Arg a;
  if (!readArg(a)) return;
  std::string rel = trimmed(rawText(a.toks));
  if (rel.empty() || inl_) return;
  bool quiet = mode_ == Mode::Preamble;
  auto problem = [&](const std::string& msg) {
    if (!quiet) doc_.problems.push_back({msg, t.mfile, {t.mb, std::max(t.me, a.outer.end)}});
  };
  if (!files_) {
    problem("cannot read \\input file " + rel + ": no file access");
    return;
  }
  if (inputDepth_ >= kMaxInputDepth) {
    problem("\\input nesting deeper than 16: " + rel + " not read");
    return;
  }
  namespace fs = std::filesystem;
  fs::path base = fs::path(doc_.files[0].path).parent_path();
  std::vector<std::string> cands;
  auto join = [&](const std::string& r) { return (base / fs::path(r)).lexically_normal().string(); };
  if (rel.size() < 4 || rel.compare(rel.size() - 4, 4, ".tex") != 0) cands.push_back(join(rel + ".tex"));
  cands.push_back(join(rel));
  bool outside = false;
  for (const std::string& p : cands) {
    if (!files_->allowed(p)) {
      outside = true;
      continue;
    }
    std::optional<std::string> txt = files_->read(p);
    if (!txt) continue;
    for (const Frame& f : frames_)
      if (f.isFile && f.path == p) {
        problem("\\input cycle: " + rel + " is already being read");
        return;
      }
    if (doc_.files.size() >= 60000) return;
    closeBlock();
    auto idx = static_cast<uint16_t>(doc_.files.size());
    doc_.files.push_back({p, SourceText(std::move(*txt))});
    ++inputDepth_;
    pushFile(idx, p);
    return;
  }
  problem(outside ? "\\input file is outside the workspace: " + rel : "\\input file not found: " + rel);
}

}  // namespace cvlint::latex
