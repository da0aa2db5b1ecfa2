// The LaTeX walker, part 2: what commands and environments do — sections,
// lists, CV-class entries, user macros, contacts, layout facts, math.
#include <algorithm>

#include "parse/latex_walker.hpp"

namespace cvlint::latex {

namespace {

std::string trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string Walker::macroName(const Token& t) const {
  if (t.macro == 0 || t.macro > macros_.size()) return "item";
  return macros_[t.macro - 1].name;
}

bool Walker::hasStructure(const std::vector<Token>& toks) const {
  for (const Token& t : toks) {
    if (t.kind != Tok::Command) continue;
    std::string_view n = commandName(text(t));
    if (n == "begin" || n == "item" || n == "section" || n == "cvitem" || n == "cvlistitem") return true;
    auto it = macroIndex_.find(std::string(n));
    if (it != macroIndex_.end()) {
      for (const Token& b : macros_[it->second].body)
        if (b.kind == Tok::Command && (commandName(text(b)) == "item" || commandName(text(b)) == "begin")) return true;
    }
  }
  return false;
}

void Walker::layout(LayoutKind k, std::string construct, const Token& at) {
  LayoutFact f;
  f.kind = k;
  f.construct = std::move(construct);
  f.file = at.mfile;
  f.range = {at.mb, at.me};
  f.line = doc_.files[at.mfile].text.lineOf(at.mb);
  doc_.layout.push_back(std::move(f));
}

void Walker::otherBlock(const Token& t, const std::string& name, std::string arg, uint32_t end) {
  if (mode_ != Mode::Body || inl_ || cur_ >= 0) return;
  openBlock(BlockKind::Other, t.mfile, t.mb, 0, name);
  doc_.blocks[cur_].arg = std::move(arg);
  lastEnd_ = std::max(t.me, end);
  closeBlock();
}

void Walker::addContact(ContactKind k, std::string value, uint16_t file, ByteRange r) {
  value = trim(std::move(value));
  if (value.empty()) return;
  doc_.contacts.push_back({k, std::move(value), file, r});
}

void Walker::urlContacts(const std::string& url, const Arg& a) {
  std::string l = lower(url);
  bool exact = !a.toks.empty() && !a.toks.front().mac;
  if (startsWith(l, "mailto:")) {
    ByteRange r = a.inner;
    if (exact && r.size() >= 7) r.begin += 7;
    addContact(ContactKind::Email, url.substr(7), a.file, r);
  } else if (startsWith(l, "tel:")) {
    ByteRange r = a.inner;
    if (exact && r.size() >= 4) r.begin += 4;
    addContact(ContactKind::Phone, url.substr(4), a.file, r);
  } else if (l.find("linkedin.com") != std::string::npos) {
    addContact(ContactKind::LinkedIn, url, a.file, a.inner);
  } else if (l.find("github.com") != std::string::npos) {
    addContact(ContactKind::GitHub, url, a.file, a.inner);
  }
}

// ---------------------------------------------------------------------------

void Walker::command(const Token& t) {
  std::string name(commandName(text(t)));
  if (mode_ != Mode::Preamble) {
    auto ov = cfg_.latexCommands.find(name);
    if (ov != cfg_.latexCommands.end()) {
      applyRole(t, name, ov->second);
      return;
    }
  }
  const Builtin& b = findBuiltin(name, cls_);
  if (b.cmd == Cmd::Define || b.cmd == Cmd::Def) {
    define(t, b.cmd == Cmd::Def);
    return;
  }
  if (mode_ == Mode::Preamble) {
    preambleCommand(t, name, b);
    return;
  }
  auto it = macroIndex_.find(name);
  if (it != macroIndex_.end()) {
    invoke(t, macros_[it->second], it->second);
    return;
  }
  bodyCommand(t, name, b);
}

void Walker::preambleCommand(const Token& t, const std::string& name, const Builtin& b) {
  Arg opt, a, v;
  auto raw = [&](const Arg& last) {
    ByteRange r = rangeOf(t, last);
    if (t.mac || t.tfile != t.mfile) return std::string();
    return std::string(doc_.files[t.tfile].text.view().substr(r.begin, r.size()));
  };
  if (name == "documentclass") {
    dcBegin_ = t.mb;
    readOpt(opt);
    readArg(a);
    doc_.latex.documentClass = trim(rawText(a.toks));
    std::string opts = rawText(opt.toks);
    size_t p = 0;
    while (p <= opts.size()) {
      size_t c = opts.find(',', p);
      if (c == std::string::npos) c = opts.size();
      std::string o = trim(opts.substr(p, c - p));
      if (!o.empty()) doc_.latex.classOptions.push_back(o);
      if (o == "twocolumn") layout(LayoutKind::Columns, "twocolumn", t);
      p = c + 1;
    }
    std::string cls = lower(doc_.latex.documentClass);
    if (cls == "moderncv") cls_ = CvClass::ModernCv;
    else if (cls == "awesome-cv") cls_ = CvClass::AwesomeCv;
    else if (cls.find("altacv") != std::string::npos) cls_ = CvClass::AltaCv;
    else if (cls.find("deedy") != std::string::npos) cls_ = CvClass::Deedy;
    else if (cls.find("yaac") != std::string::npos) cls_ = CvClass::Yaac;
    else if (cls == "resume") cls_ = CvClass::Kip93;
    else if (cls.find("twentysecond") != std::string::npos) cls_ = CvClass::Twenty;
    else if (cls.find("mcdowell") != std::string::npos) cls_ = CvClass::McDowell;
    return;
  }
  if (name == "usepackage" || name == "RequirePackage") {
    bool hasOpt = readOpt(opt);
    readArg(a);
    std::string names = rawText(a.toks);
    size_t p = 0;
    while (p <= names.size()) {
      size_t c = names.find(',', p);
      if (c == std::string::npos) c = names.size();
      std::string n = trim(names.substr(p, c - p));
      if (!n.empty()) {
        doc_.latex.packages.push_back(n);
        if (hasOpt) doc_.latex.packageOptions[n] = trim(rawText(opt.toks));
        if (n == "geometry" && hasOpt) doc_.latex.preambleCommands.push_back(raw(a));
      }
      p = c + 1;
    }
    return;
  }
  if (name == "geometry" || name == "linespread" || name == "pagestyle") {
    readArg(a);
    doc_.latex.preambleCommands.push_back(raw(a));
    return;
  }
  if (name == "setlength" || name == "addtolength") {
    readArg(a);
    readArg(v);
    std::string len = trim(rawText(a.toks));
    if (!len.empty() && len[0] == '\\' && isPageLengthName(len.substr(1)))
      doc_.latex.preambleCommands.push_back(raw(v));
    return;
  }
  if (name == "begin") {
    readArg(a);
    if (trim(rawText(a.toks)) == "document") {
      doc_.latex.hasDocumentEnv = true;
      doc_.latex.preamble = {dcBegin_, a.outer.end};
      mode_ = Mode::Body;
    }
    return;
  }
  switch (b.cmd) {
    case Cmd::Input: inputFile(t); return;
    case Cmd::Contact: contactCmd(t, name, b); return;
    case Cmd::Name: nameCmd(t, name); return;
    case Cmd::HeaderLine: headerLine(t, name, b.spec); return;
    case Cmd::Photo:
      skipSpec(b.spec);
      layout(LayoutKind::Photo, "\\photo", t);
      return;
    case Cmd::Skip: skipSpec(b.spec); return;
    default: return;
  }
}

void Walker::bodyCommand(const Token& t, const std::string& name, const Builtin& b) {
  Arg a, o;
  bool block = mode_ == Mode::Body && !inl_;
  switch (b.cmd) {
    case Cmd::Unknown:
      return;
    case Cmd::Skip:
      skipSpec(b.spec);
      if (name == "char" && nextIs(Tok::Text)) {
        // \char"F015, \char'101, \char65: a glyph by number, not prose.
        Arg n;
        readArg(n);
        while (nextIs(Tok::Text)) {
          std::string_view r = text(peek());
          size_t k = 0;
          while (k < r.size() && std::isxdigit(static_cast<unsigned char>(r[k]))) ++k;
          if (k == 0) break;
          if (k < r.size()) {
            Frame& f = frames_.back();
            f.toks[f.pos].b += static_cast<uint32_t>(k);
            if (!f.toks[f.pos].mac) f.toks[f.pos].mb = f.toks[f.pos].b;
            break;
          }
          next();
        }
      }
      return;
    case Cmd::Prose: {
      std::vector<Arg> parts;
      for (const char* p = b.spec; *p; ++p) {
        Arg x;
        if (*p == 'o') readOpt(x);
        else if (*p == 'm') readArg(x);
        else if (*p == 'P' && readArg(x)) parts.push_back(std::move(x));
      }
      if (!block) {
        for (size_t i = parts.size(); i-- > 0;) pushTokens(parts[i].toks);
        return;
      }
      closeBlock();
      std::vector<Prose> ps;
      for (const Arg& x : parts) ps.push_back(collectProse(x));
      openBlock(BlockKind::Paragraph, t.mfile, t.mb, 0, name);
      for (size_t i = 0; i < ps.size(); ++i) {
        Prose& dst = doc_.blocks[cur_].prose;
        if (!dst.text.empty() && !ps[i].text.empty())
          dst.appendSynthetic(" ", parts[i].outer.begin, parts[i].outer.begin + 1);
        appendProse(dst, ps[i]);
        if (parts[i].file == t.mfile) lastEnd_ = std::max(lastEnd_, parts[i].outer.end);
      }
      closeBlock();
      return;
    }
    case Cmd::Text:
      emitStr(b.text, t);
      return;
    case Cmd::Section:
      skipSpec(b.spec);
      if (block) heading(t, name, b.level);
      return;
    case Cmd::Item:
      item(t, name);
      return;
    case Cmd::Begin: beginEnv(t); return;
    case Cmd::End: endEnv(t); return;
    case Cmd::Input:
      if (block) inputFile(t);
      else readArg(a);
      return;
    case Cmd::Define:
    case Cmd::Def: return;
    case Cmd::Href: {
      skipSpec(b.spec);
      if (readArg(a)) urlContacts(trim(rawText(a.toks)), a);
      return;
    }
    case Cmd::Url:
      if (readArg(a)) {
        std::string url = trim(rawText(a.toks));
        urlContacts(url, a);
        emitCode(url, a.file, a.inner.begin, a.inner.end);
      }
      return;
    case Cmd::Contact:
      if (block) contactCmd(t, name, b);
      else skipSpec("o");
      return;
    case Cmd::Name:
      if (block) nameCmd(t, name);
      return;
    case Cmd::HeaderLine:
      if (block) headerLine(t, name, b.spec);
      return;
    case Cmd::Entry:
      skipSpec(b.spec);
      if (block) entry(t, name, b.fields, readBraceArgs(b.fields.size()), nullptr);
      return;
    case Cmd::CvItem:
      if (block) cvItem(t, name);
      return;
    case Cmd::ListItem:
      if (block) listItem(t, name);
      return;
    case Cmd::LineBreak:
      skipSpec(b.spec);
      if (name == "par") paragraphBreak();
      else lineBreak(t);
      return;
    case Cmd::Space:
      skipSpec(b.spec);
      space(t);
      return;
    case Cmd::FontSwitch:
      skipSpec(b.spec);
      otherBlock(t, name, "");
      return;
    case Cmd::VSpace:
      readArg(a);
      otherBlock(t, name.back() == '*' ? name.substr(0, name.size() - 1) : name, trim(rawText(a.toks)),
                 a.file == t.mfile ? a.outer.end : 0);
      return;
    case Cmd::PageBreak:
      skipSpec(b.spec);
      if (block) {
        closeBlock();
        otherBlock(t, name, "");
      }
      return;
    case Cmd::Graphics:
      skipSpec(b.spec);
      layout(sawSection_ ? LayoutKind::Image : LayoutKind::Photo, "\\includegraphics", t);
      return;
    case Cmd::Photo:
      skipSpec(b.spec);
      layout(LayoutKind::Photo, "\\photo", t);
      return;
    case Cmd::Icon:
      skipSpec(b.spec);
      if (layoutOnce_.insert("icon").second) layout(LayoutKind::IconFont, "\\" + name, t);
      return;
    case Cmd::Accent: {
      if (!readArg(a)) return;
      std::string base = rawText(a.toks);
      if (base == "\\i") base = "i";
      if (base == "\\j") base = "j";
      std::string s = base + b.text;
      emitStr(s, t.mfile, t.mb, std::max(t.me, a.outer.end));
      return;
    }
    case Cmd::Verb:
      if (nextIs(Tok::Verbatim)) {
        Token v = next();
        std::string_view s = text(v);
        if (s.size() >= 2) s = s.substr(1, s.size() - 2);
        emitCode(s, v.mfile, v.mb, v.me);
      }
      return;
    case Cmd::MathOpen:
      mathCommand(t, name == "[");
      return;
    case Cmd::Box:
      skipSpec(b.spec);
      layout(LayoutKind::Box, "\\" + name, t);
      return;
    case Cmd::TwoColumn:
      skipSpec(b.spec);
      layout(LayoutKind::Columns, "\\twocolumn", t);
      return;
    case Cmd::NameSection: {
      skipSpec(b.spec);
      Arg first, last, rest;
      readArg(first);
      readArg(last);
      if (block) {
        closeBlock();
        Prose p = collectProse(first);
        Prose q = collectProse(last);
        openBlock(BlockKind::Title, t.mfile, t.mb, 0, name);
        Prose& dst = doc_.blocks[cur_].prose;
        appendProse(dst, p);
        if (!p.text.empty() && !q.text.empty()) dst.appendSynthetic(" ", last.outer.begin, last.outer.begin + 1);
        appendProse(dst, q);
        closeBlock();
      }
      if (readArg(rest)) pushTokens(rest.toks);
      return;
    }
  }
}

void Walker::applyRole(const Token& t, const std::string& name, CommandRole role) {
  auto it = macroIndex_.find(name);
  const Macro* m = it != macroIndex_.end() ? &macros_[it->second] : nullptr;
  std::vector<Arg> args;
  if (m) {
    readMacroArgs(*m, args);
  } else {
    Arg a;
    while (true) {
      skipBlank();
      if (nextIs(Tok::LBracket)) {
        if (!readOpt(a)) break;
        continue;
      }
      if (!nextIs(Tok::Begin) || !readArg(a)) break;
      args.push_back(a);
      if (args.size() >= 9) break;
    }
  }
  bool block = mode_ == Mode::Body && !inl_;
  switch (role) {
    case CommandRole::Ignore: return;
    case CommandRole::Text:
      for (size_t i = args.size(); i-- > 0;) pushTokens(args[i].toks);
      return;
    case CommandRole::Heading:
    case CommandRole::Bullet: {
      if (!block) {
        for (size_t i = args.size(); i-- > 0;) pushTokens(args[i].toks);
        return;
      }
      closeBlock();
      bool bullet = role == CommandRole::Bullet;
      uint8_t level = 1;
      if (bullet)
        for (size_t i = envs_.size(); i-- > 0;)
          if (envs_[i].kind == Env::List) {
            level = envs_[i].base;
            break;
          }
      std::vector<Prose> parts;
      for (const Arg& a : args) parts.push_back(collectProse(a));
      openBlock(bullet ? BlockKind::Bullet : BlockKind::Heading, t.mfile, t.mb, level, name);
      Block& blk = doc_.blocks[cur_];
      blk.markerRange = {t.mb, t.me};
      for (size_t i = 0; i < parts.size(); ++i) {
        if (i && !blk.prose.text.empty() && !parts[i].text.empty())
          blk.prose.appendSynthetic(" ", args[i].outer.begin, args[i].outer.begin + 1);
        appendProse(blk.prose, parts[i]);
      }
      if (!args.empty()) lastEnd_ = std::max(lastEnd_, args.back().outer.end);
      if (!bullet) sawSection_ = true;
      closeBlock();
      return;
    }
    case CommandRole::Entry:
      if (block) entry(t, name, std::vector<ArgRole>(args.size(), ArgRole::Guess), std::move(args), m);
      else
        for (size_t i = args.size(); i-- > 0;) pushTokens(args[i].toks);
      return;
  }
}

void Walker::heading(const Token& t, const std::string& name, uint8_t level) {
  Arg a;
  readArg(a);
  closeBlock();
  Prose p = collectProse(a);
  std::string cmd = name;
  if (!cmd.empty() && cmd.back() == '*') cmd.pop_back();
  openBlock(BlockKind::Heading, t.mfile, t.mb, level, t.mac ? macroName(t) : cmd);
  Block& b = doc_.blocks[cur_];
  b.markerRange = {t.mb, t.me};
  appendProse(b.prose, p);
  lastEnd_ = std::max(lastEnd_, rangeOf(t, a).end);
  closeBlock();
  sawSection_ = true;
  mpAdjacent_ = false;
}

void Walker::item(const Token& t, const std::string& name) {
  Arg label;
  readOpt(label);
  if (mode_ != Mode::Body || inl_) {
    if (label.present) pushTokens(label.toks);
    return;
  }
  EnvFrame* list = nullptr;
  for (size_t i = envs_.size(); i-- > 0;)
    if (envs_[i].kind == Env::List) {
      list = &envs_[i];
      break;
    }
  uint8_t level = list ? list->base : 1;
  closeBlock();
  Prose lp = collectProse(label);
  openBlock(BlockKind::Bullet, t.mfile, t.mb, level, t.mac ? macroName(t) : "item");
  Block& b = doc_.blocks[cur_];
  b.markerRange = {t.mb, t.me};
  b.ordered = list && list->ordered;
  if (!lp.text.empty()) {
    appendProse(b.prose, lp);
    b.prose.appendSynthetic(" ", label.outer.end > 0 ? label.outer.end - 1 : 0, label.outer.end);
  }
  if (list) list->itemIsBullet = true;
}

std::vector<Arg> Walker::readBraceArgs(size_t n) {
  std::vector<Arg> args;
  for (size_t i = 0; i < n; ++i) {
    Arg a;
    skipBlank();
    if (!nextIs(Tok::Begin) || !readArg(a)) break;
    args.push_back(std::move(a));
  }
  return args;
}

void Walker::entry(const Token& t, const std::string& name, std::vector<ArgRole> roles, std::vector<Arg> args,
                   const Macro* m) {
  closeBlock();
  bool guess = false;
  for (ArgRole r : roles) guess = guess || r == ArgRole::Guess;
  std::vector<Prose> prose(args.size());
  std::vector<bool> content(args.size(), false);
  std::vector<std::string> texts(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    ArgRole r = i < roles.size() ? roles[i] : ArgRole::Extra;
    if (r == ArgRole::Desc || hasStructure(args[i].toks)) {
      content[i] = true;
      continue;
    }
    prose[i] = collectProse(args[i]);
    texts[i] = prose[i].text;
  }
  // A long free-text argument is the entry's description, not part of its header.
  for (size_t i = 0; i < args.size(); ++i) {
    ArgRole r = i < roles.size() ? roles[i] : ArgRole::Guess;
    if (!content[i] && (r == ArgRole::Extra || r == ArgRole::Guess) && texts[i].size() > 80) {
      content[i] = true;
      prose[i] = Prose{};
      texts[i].clear();
    }
  }
  if (guess || roles.size() < args.size()) {
    std::vector<ArgRole> g = guessFields(texts);
    for (size_t i = 0; i < args.size(); ++i)
      if (i >= roles.size() || roles[i] == ArgRole::Guess) {
        if (i >= roles.size()) roles.push_back(g[i]);
        else roles[i] = g[i];
      }
  }
  ByteRange range{t.mb, t.me};
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i].file == t.mfile && !content[i]) range.end = std::max(range.end, args[i].outer.end);
  int32_t bi = openBlock(BlockKind::EntryHeader, t.mfile, t.mb, 0, name);
  Entry e;
  e.file = t.mfile;
  e.line = doc_.blocks[bi].line;
  e.headerBlock = bi;
  for (size_t i = 0; i < args.size(); ++i) {
    if (content[i] || prose[i].text.empty()) continue;
    Prose& dst = doc_.blocks[bi].prose;
    if (!dst.text.empty()) dst.appendSynthetic(" | ", args[i].outer.begin, args[i].outer.begin + 1);
    appendProse(dst, prose[i]);
    cvlint::Field f;
    f.text = prose[i].text;
    f.range = prose[i].sourceRange();
    f.file = args[i].file;
    switch (roles[i]) {
      case ArgRole::Role: if (!e.role.present()) e.role = f; break;
      case ArgRole::Org: if (!e.organisation.present()) e.organisation = f; break;
      case ArgRole::Dates: if (!e.dates.present()) e.dates = f; break;
      case ArgRole::Location: if (!e.location.present()) e.location = f; break;
      default: break;
    }
  }
  lastEnd_ = std::max(lastEnd_, range.end);
  closeBlock();
  Block& hb = doc_.blocks[bi];
  hb.markerRange = {t.mb, t.me};
  e.range = hb.range;
  hb.entry = static_cast<int32_t>(doc_.entries.size());
  doc_.entries.push_back(std::move(e));
  if (m && m->hasTable && layoutOnce_.insert("macro-table").second) layout(LayoutKind::Table, m->tableName, t);
  for (size_t i = args.size(); i-- > 0;)
    if (content[i]) pushTokens(args[i].toks);
}

void Walker::cvItem(const Token& t, const std::string& name) {
  skipSpec("o");
  Arg label, body, comment;
  readArg(label);
  readArg(body);
  if (name == "cvitemwithcomment") readArg(comment);
  closeBlock();
  Prose lp = collectProse(label);
  bool structured = hasStructure(body.toks);
  Prose bp = structured ? Prose{} : collectProse(body);
  Prose cp = collectProse(comment);
  openBlock(BlockKind::Paragraph, t.mfile, t.mb, 0, name);
  Prose& dst = doc_.blocks[cur_].prose;
  appendProse(dst, lp);
  if (!lp.text.empty() && !bp.text.empty()) dst.appendSynthetic(": ", body.outer.begin, body.outer.begin + 1);
  appendProse(dst, bp);
  if (!dst.text.empty() && !cp.text.empty()) dst.appendSynthetic(" \xE2\x80\x94 ", comment.outer.begin, comment.outer.begin + 1);
  appendProse(dst, cp);
  lastEnd_ = std::max(lastEnd_, std::max({label.outer.end, body.outer.end, comment.outer.end}));
  closeBlock();
  if (structured) pushTokens(body.toks);
}

void Walker::listItem(const Token& t, const std::string& name) {
  skipSpec("o");
  int n = name == "cvlistdoubleitem" ? 2 : 1;
  for (int i = 0; i < n; ++i) {
    Arg a;
    if (!readArg(a)) return;
    closeBlock();
    Prose p = collectProse(a);
    openBlock(BlockKind::Bullet, t.mfile, i == 0 ? t.mb : a.outer.begin, 1, name);
    Block& b = doc_.blocks[cur_];
    b.markerRange = {t.mb, t.me};
    appendProse(b.prose, p);
    lastEnd_ = std::max(lastEnd_, a.outer.end);
    closeBlock();
  }
}

void Walker::contactCmd(const Token& t, const std::string& name, const Builtin& b) {
  Arg opt, a;
  readOpt(opt);
  if (!readArg(a)) return;
  std::vector<Arg> more;
  if (b.contact == ContactCmd::Address) {
    for (int i = 0; i < 2; ++i) {
      skipBlank();
      Arg x;
      if (!nextIs(Tok::Begin) || !readArg(x)) break;
      more.push_back(std::move(x));
    }
  }
  closeBlock();
  Prose p = collectProse(a);
  openBlock(BlockKind::Contact, t.mfile, t.mb, 0, name);
  appendProse(doc_.blocks[cur_].prose, p);
  for (const Arg& x : more) {
    Prose q = collectProse(x);
    Prose& dst = doc_.blocks[cur_].prose;
    if (!dst.text.empty() && !q.text.empty()) dst.appendSynthetic(", ", x.outer.begin, x.outer.begin + 1);
    appendProse(dst, q);
    lastEnd_ = std::max(lastEnd_, x.outer.end);
  }
  lastEnd_ = std::max(lastEnd_, a.outer.end);
  closeBlock();
  std::string value = p.text;
  ByteRange r = p.segments.empty() ? a.inner : p.sourceRange();
  switch (b.contact) {
    case ContactCmd::Email: addContact(ContactKind::Email, value, a.file, r); break;
    case ContactCmd::Phone: addContact(ContactKind::Phone, value, a.file, r); break;
    case ContactCmd::LinkedIn: addContact(ContactKind::LinkedIn, value, a.file, r); break;
    case ContactCmd::GitHub: addContact(ContactKind::GitHub, value, a.file, r); break;
    case ContactCmd::Website: addContact(ContactKind::Website, value, a.file, r); break;
    case ContactCmd::Social: {
      std::string kind = lower(trim(rawText(opt.toks)));
      ContactKind k = kind == "linkedin" ? ContactKind::LinkedIn : kind == "github" ? ContactKind::GitHub : ContactKind::Website;
      addContact(k, value, a.file, r);
      break;
    }
    case ContactCmd::Address: break;
  }
}

void Walker::nameCmd(const Token& t, const std::string& name) {
  Arg opt, first, last;
  readOpt(opt);
  if (!readArg(first)) return;
  skipBlank();
  if (nextIs(Tok::Begin)) readArg(last);
  closeBlock();
  Prose p = collectProse(first);
  Prose q = collectProse(last);
  openBlock(BlockKind::Title, t.mfile, t.mb, 0, name);
  Prose& dst = doc_.blocks[cur_].prose;
  appendProse(dst, p);
  if (!p.text.empty() && !q.text.empty()) dst.appendSynthetic(" ", last.outer.begin, last.outer.begin + 1);
  appendProse(dst, q);
  lastEnd_ = std::max({lastEnd_, first.outer.end, last.outer.end});
  closeBlock();
}

void Walker::headerLine(const Token& t, const std::string& name, const char* spec) {
  Arg a;
  if (!readArg(a)) return;
  closeBlock();
  Prose p = collectProse(a);
  openBlock(BlockKind::Paragraph, t.mfile, t.mb, 0, name);
  appendProse(doc_.blocks[cur_].prose, p);
  lastEnd_ = std::max(lastEnd_, a.outer.end);
  closeBlock();
}

}  // namespace cvlint::latex
