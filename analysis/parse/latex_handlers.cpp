// The LaTeX walker, part 2: what commands and environments do — sections,
// lists, CV-class entries, user macros, contacts, layout facts, math.
#include <algorithm>

#include "parse/latex_walker.hpp"

namespace cvlint::latex {

namespace {

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

// moderncv's \photo and AltaCV's \photoR/\photoL are "\photo"; others by name.
std::string Walker::photoConstruct(const std::string& name) {
  return name.rfind("photo", 0) == 0 ? "\\photo" : "\\" + name;
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

// A command's layout fact with the range of the command and the [..] / {..}
// arguments that follow it (read from the token stream, not consumed):
// \includegraphics[width=2cm]{me.jpg}, \fbox{...}.
void Walker::commandLayout(LayoutKind k, std::string construct, const Token& at) {
  layout(k, std::move(construct), at);
  if (at.mac || frames_.empty()) return;
  const Frame& f = frames_.back();
  uint32_t end = at.me;
  size_t j = f.pos;
  for (;;) {
    while (j < f.toks.size() && f.toks[j].kind == Tok::Space) ++j;
    if (j >= f.toks.size() || f.toks[j].mac || f.toks[j].mfile != at.mfile) break;
    if (f.toks[j].kind == Tok::Begin && f.match[j] >= 0) {
      j = static_cast<size_t>(f.match[j]);
    } else if (f.toks[j].kind == Tok::LBracket) {
      size_t k2 = j + 1;
      int depth = 0;
      for (; k2 < f.toks.size() && k2 < j + 256; ++k2) {
        Tok kk = f.toks[k2].kind;
        if (kk == Tok::Begin) ++depth;
        else if (kk == Tok::End) --depth;
        else if (kk == Tok::RBracket && depth == 0) break;
        else if (kk == Tok::Par) k2 = f.toks.size();
      }
      if (k2 >= f.toks.size() || k2 >= j + 256 || f.toks[k2].kind != Tok::RBracket) break;
      j = k2;
    } else {
      break;
    }
    if (f.toks[j].mac || f.toks[j].mfile != at.mfile) break;
    end = std::max(end, f.toks[j].me);
    ++j;
  }
  doc_.layout.back().range.end = end;
}

void Walker::otherBlock(const Token& t, const std::string& name, std::string arg, uint32_t end) {
  if (mode_ != Mode::Body || inl_ || cur_ >= 0) return;
  openBlock(BlockKind::Other, t.mfile, t.mb, 0, name);
  doc_.blocks[cur_].arg = std::move(arg);
  lastEnd_ = std::max(t.me, end);
  closeBlock();
}

void Walker::addContact(ContactKind k, std::string value, uint16_t file, ByteRange r) {
  value = trimmed(std::move(value));
  if (value.empty()) return;
  doc_.contacts.push_back({k, std::move(value), file, r});
}

void Walker::urlContacts(const std::string& url, const Arg& a) {
  std::string l = lowered(url);
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
    doc_.latex.documentClass = trimmed(rawText(a.toks));
    std::string opts = rawText(opt.toks);
    size_t p = 0;
    while (p <= opts.size()) {
      size_t c = opts.find(',', p);
      if (c == std::string::npos) c = opts.size();
      std::string o = trimmed(opts.substr(p, c - p));
      if (!o.empty()) doc_.latex.classOptions.push_back(o);
      if (o == "twocolumn") layout(LayoutKind::Columns, "twocolumn", t);
      p = c + 1;
    }
    std::string cls = lowered(doc_.latex.documentClass);
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
      std::string n = trimmed(names.substr(p, c - p));
      if (!n.empty()) {
        doc_.latex.packages.push_back(n);
        if (hasOpt) doc_.latex.packageOptions[n] = trimmed(rawText(opt.toks));
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
    std::string len = trimmed(rawText(a.toks));
    if (!len.empty() && len[0] == '\\' && isPageLengthName(len.substr(1)))
      doc_.latex.preambleCommands.push_back(raw(v));
    return;
  }
  if (name == "begin") {
    readArg(a);
    if (trimmed(rawText(a.toks)) == "document") {
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
      commandLayout(LayoutKind::Photo, photoConstruct(name), t);
      skipSpec(b.spec);
      return;
    case Cmd::PageHead: pageHead(t, name); return;
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
      if (readArg(a)) urlContacts(trimmed(rawText(a.toks)), a);
      return;
    }
    case Cmd::Url:
      if (readArg(a)) {
        std::string url = trimmed(rawText(a.toks));
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
      otherBlock(t, name.back() == '*' ? name.substr(0, name.size() - 1) : name, trimmed(rawText(a.toks)),
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
      commandLayout(sawSection_ ? LayoutKind::Image : LayoutKind::Photo, "\\includegraphics", t);
      skipSpec(b.spec);
      return;
    case Cmd::Photo:
      commandLayout(LayoutKind::Photo, photoConstruct(name), t);
      skipSpec(b.spec);
      return;
    case Cmd::PageHead:
      if (block) pageHead(t, name);
      else skipSpec("om");
      return;
    case Cmd::Icon:
      if (layoutOnce_.insert("icon").second) commandLayout(LayoutKind::IconFont, "\\" + name, t);
      skipSpec(b.spec);
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
      commandLayout(LayoutKind::Box, "\\" + name, t);
      skipSpec(b.spec);
      return;
    case Cmd::TwoColumn:
      commandLayout(LayoutKind::Columns, "\\twocolumn", t);
      skipSpec(b.spec);
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

}  // namespace cvlint::latex
