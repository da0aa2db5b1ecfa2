// The LaTeX walker, part 3: commands that make blocks of their own — config
// roles, headings, \item, CV-class entries, \cvitem lines, contacts, names.
#include <algorithm>

#include "parse/latex_walker.hpp"

namespace cvlint::latex {

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
      std::string kind = lowered(trimmed(rawText(opt.toks)));
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

// \chead[even]{odd} and its kin: the text printed in the page head or foot
// is a contact line (the structure pass finds the email and phone in it);
// an empty or text-less head (\thepage) makes no block.
void Walker::pageHead(const Token& t, const std::string& name) {
  Arg opt, a;
  readOpt(opt);
  if (!readArg(a)) return;
  closeBlock();
  Prose p = collectProse(a);
  bool words = false;
  for (char c : p.text) words = words || std::isalnum(static_cast<unsigned char>(c));
  if (!words) return;
  openBlock(BlockKind::Contact, t.mfile, t.mb, 0, name);
  appendProse(doc_.blocks[cur_].prose, p);
  lastEnd_ = std::max(lastEnd_, a.outer.end);
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
