// The LaTeX walker, part 1: the token stream (frames with explicit stacks),
// argument reading, and prose/block building with the source map.
#include <algorithm>

#include "parse/latex_walker.hpp"

namespace cvlint::latex {

namespace {

std::vector<int32_t> matchBraces(const std::vector<Token>& toks) {
  std::vector<int32_t> match(toks.size(), -1);
  std::vector<int32_t> open;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == Tok::Begin) open.push_back(static_cast<int32_t>(i));
    else if (toks[i].kind == Tok::End && !open.empty()) {
      match[open.back()] = static_cast<int32_t>(i);
      open.pop_back();
    }
  }
  return match;
}

}  // namespace

// ---------------------------------------------------------------------------
// The stream

void Walker::pushFile(uint16_t file, std::string path) {
  Frame f;
  f.toks = tokenize(doc_.files[file].text.view(), file);
  for (const Token& t : f.toks) {
    if (t.kind != Tok::Comment) continue;
    Comment c;
    c.text = std::string(text(t).substr(1));
    c.file = file;
    c.line = c.endLine = doc_.files[file].text.lineOf(t.b);
    c.range = {t.b, t.e};
    doc_.comments.push_back(std::move(c));
  }
  f.match = matchBraces(f.toks);
  f.isFile = true;
  f.path = std::move(path);
  frames_.push_back(std::move(f));
}

void Walker::pushTokens(std::vector<Token> toks) {
  if (toks.empty()) return;
  Frame f;
  f.match = matchBraces(toks);
  f.toks = std::move(toks);
  frames_.push_back(std::move(f));
}

bool Walker::moreSlow() {
  while (!frames_.empty() && frames_.back().pos >= frames_.back().toks.size()) {
    if (frames_.back().isFile && mode_ != Mode::Inline) {
      closeBlock();
      if (inputDepth_ > 0) --inputDepth_;
    }
    frames_.pop_back();
  }
  return !frames_.empty();
}

const Token& Walker::peek() {
  static const Token none{};
  if (!more()) return none;
  return frames_.back().toks[frames_.back().pos];
}

Token Walker::next() {
  if (!more()) return Token{Tok::ExpEnd};
  Frame& f = frames_.back();
  Token t = f.toks[f.pos++];
  if (!quiet_ && t.kind != Tok::Space && t.kind != Tok::Par && t.kind != Tok::Comment && t.kind != Tok::Command && cur_ >= 0 &&
      doc_.blocks[cur_].file == t.mfile)
    lastEnd_ = std::max(lastEnd_, t.me);
  return t;
}

bool Walker::nextIs(Tok kind) { return more() && peek().kind == kind; }

std::string_view Walker::text(const Token& t) const {
  if (t.tfile >= doc_.files.size()) return {};
  std::string_view v = doc_.files[t.tfile].text.view();
  if (t.b >= v.size() || t.e < t.b) return {};
  return v.substr(t.b, std::min<size_t>(t.e, v.size()) - t.b);
}

std::string Walker::rawText(const std::vector<Token>& toks) const {
  std::string s;
  for (const Token& t : toks)
    if (t.kind != Tok::ExpEnd && t.kind != Tok::Comment) s.append(text(t));
  return s;
}

void Walker::skipBlank(bool overPar) {
  while (more()) {
    Tok k = peek().kind;
    if (k == Tok::Space || k == Tok::Comment || k == Tok::ExpEnd || (overPar && k == Tok::Par)) next();
    else break;
  }
}

bool Walker::readArg(Arg& out) {
  out = Arg{};
  skipBlank();
  if (!more()) return false;
  Frame& f = frames_.back();
  const Token& t = f.toks[f.pos];
  if (t.kind == Tok::Begin) {
    int32_t m = f.match[f.pos];
    if (m < 0) return false;
    size_t b = f.pos;
    out.toks.assign(f.toks.begin() + static_cast<long>(b) + 1, f.toks.begin() + m);
    out.file = t.mfile;
    const Token& close = f.toks[m];
    out.outer = {t.mb, std::max(t.mb, close.me)};
    out.inner = {t.me, std::max(t.me, close.mb)};
    if (t.mac) out.inner = out.outer;
    // Consume through the closing brace; the caller decides whether the
    // argument belongs to the open block.
    f.pos = static_cast<size_t>(m) + 1;
    out.present = true;
    return true;
  }
  if (t.kind == Tok::End || t.kind == Tok::Par || t.kind == Tok::Math || t.kind == Tok::Amp) return false;
  if (t.kind == Tok::Text) {
    // One code point of a text run.
    Token one = t;
    std::string_view s = text(t);
    size_t n = 1;
    unsigned char c = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    n = std::min(n, s.size());
    one.e = one.b + static_cast<uint32_t>(n);
    if (!one.mac) one.me = one.e;
    Token& rest = f.toks[f.pos];
    if (n >= s.size()) ++f.pos;
    else {
      rest.b += static_cast<uint32_t>(n);
      if (!rest.mac) rest.mb = rest.b;
    }
    out.toks.push_back(one);
  } else {
    out.toks.push_back(f.toks[f.pos++]);
  }
  const Token& only = out.toks.front();
  out.file = only.mfile;
  out.outer = out.inner = {only.mb, only.me};
  out.present = true;
  return true;
}

bool Walker::readOpt(Arg& out) {
  out = Arg{};
  skipBlank();
  if (!nextIs(Tok::LBracket)) return false;
  Frame& f = frames_.back();
  size_t i = f.pos + 1;
  int depth = 0;
  size_t limit = std::min(f.toks.size(), f.pos + 4000);
  for (; i < limit; ++i) {
    Tok k = f.toks[i].kind;
    if (k == Tok::Par) return false;
    if (k == Tok::Begin) {
      if (f.match[i] < 0) return false;
      i = static_cast<size_t>(f.match[i]);
      continue;
    }
    if (k == Tok::LBracket) ++depth;
    if (k == Tok::RBracket) {
      if (depth == 0) break;
      --depth;
    }
  }
  if (i >= limit) return false;
  const Token& open = f.toks[f.pos];
  const Token& close = f.toks[i];
  out.toks.assign(f.toks.begin() + static_cast<long>(f.pos) + 1, f.toks.begin() + static_cast<long>(i));
  out.file = open.mfile;
  out.outer = {open.mb, std::max(open.mb, close.me)};
  out.inner = open.mac ? out.outer : ByteRange{open.me, std::max(open.me, close.mb)};
  f.pos = i + 1;
  out.present = true;
  return true;
}

void Walker::skipSpec(const char* spec) {
  Arg a;
  for (const char* p = spec; p && *p; ++p) {
    bool got = false;
    if (*p == 'o') got = readOpt(a);
    else if (*p == 'm') got = readArg(a);
    if (got && cur_ >= 0 && doc_.blocks[cur_].file == a.file) lastEnd_ = std::max(lastEnd_, a.outer.end);
  }
}

// ---------------------------------------------------------------------------
// Prose and blocks

bool Walker::verbatimOk(const Token& t) const { return !t.mac && t.tfile == t.mfile && t.mfile == sinkFile(); }

uint16_t Walker::sinkFile() const {
  if (inl_) return inlFile_;
  return cur_ >= 0 ? doc_.blocks[cur_].file : 0;
}

Prose* Walker::sink(const Token* openAt) {
  if (mode_ == Mode::Preamble) return nullptr;
  if (inl_) return inl_;
  if (cur_ < 0) {
    if (!openAt) return nullptr;
    openBlock(BlockKind::Paragraph, openAt->mfile, openAt->mb, 0, "");
  }
  return &doc_.blocks[cur_].prose;
}

void Walker::flushSpace(Prose& p) {
  if (pending_ && !p.text.empty() && p.text.back() != ' ' && p.text.back() != '\n') {
    if (pendExact_ && pendFile_ == sinkFile()) p.appendVerbatim(" ", pendB_);
    else appendMapped(p, " ", pendB_, pendE_, false);
  }
  pending_ = false;
}

// Synthetic text keeps the source map increasing: text a macro body adds
// after an argument (mapped to the macro's name, before that argument) maps
// to the empty range where the prose so far ends instead.
void Walker::appendMapped(Prose& p, std::string_view s, uint32_t b, uint32_t e, bool code) {
  if (!p.segments.empty() && b < p.segments.back().srcEnd) b = e = std::max(p.segments.back().srcEnd, b);
  if (code) p.appendCode(s, b, e);
  else p.appendSynthetic(s, b, e);
}

void Walker::space(const Token& t) {
  if (pending_) return;
  pending_ = true;
  pendFile_ = t.mfile;
  pendB_ = t.mb;
  pendE_ = t.me;
  pendExact_ = t.kind == Tok::Space && !t.mac && t.e == t.b + 1 && text(t) == " ";
}

void Walker::separator(const Token& t, std::string_view s) {
  Prose* p = sink(nullptr);
  if (!p || p->text.empty()) return;
  pending_ = false;
  appendMapped(*p, s, t.mb, t.me, false);
}

void Walker::emitStr(std::string_view s, const Token& at) { emitStr(s, at.mfile, at.mb, at.me); }

void Walker::emitStr(std::string_view s, uint16_t file, uint32_t b, uint32_t e) {
  Token at;
  at.mfile = file;
  at.mb = b;
  at.me = e;
  Prose* p = sink(&at);
  if (!p || s.empty()) return;
  flushSpace(*p);
  appendMapped(*p, s, b, e, false);
}

void Walker::emitCode(std::string_view s, uint16_t file, uint32_t b, uint32_t e) {
  Token at;
  at.mfile = file;
  at.mb = b;
  at.me = e;
  Prose* p = sink(&at);
  if (!p || s.empty()) return;
  flushSpace(*p);
  appendMapped(*p, s, b, e, true);
}

void Walker::emitText(const Token& t) {
  Prose* p = sink(&t);
  if (!p) return;
  flushSpace(*p);
  std::string_view s = text(t);
  if (!verbatimOk(t)) {
    std::string conv;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.substr(i, 3) == "---") conv += "\xE2\x80\x94", i += 2;
      else if (s.substr(i, 2) == "--") conv += "\xE2\x80\x93", i += 1;
      else if (s.substr(i, 2) == "``") conv += "\xE2\x80\x9C", i += 1;
      else if (s.substr(i, 2) == "''") conv += "\xE2\x80\x9D", i += 1;
      else if (s[i] == '`') conv += "\xE2\x80\x98";
      else conv.push_back(s[i]);
    }
    if (!conv.empty()) appendMapped(*p, conv, t.mb, t.me, false);
    return;
  }
  size_t run = 0;
  auto flush = [&](size_t upto) {
    if (upto > run) p->appendVerbatim(s.substr(run, upto - run), t.b + static_cast<uint32_t>(run));
  };
  for (size_t i = 0; i < s.size();) {
    // Only '-', '`' and '\'' start a ligature: skip to the next one.
    i = s.find_first_of("-`'", i);
    if (i == std::string_view::npos) break;
    const char* rep = nullptr;
    size_t len = 0;
    if (s.substr(i, 3) == "---") rep = "\xE2\x80\x94", len = 3;
    else if (s.substr(i, 2) == "--") rep = "\xE2\x80\x93", len = 2;
    else if (s.substr(i, 2) == "``") rep = "\xE2\x80\x9C", len = 2;
    else if (s.substr(i, 2) == "''") rep = "\xE2\x80\x9D", len = 2;
    else if (s[i] == '`') rep = "\xE2\x80\x98", len = 1;
    if (!rep) {
      ++i;
      continue;
    }
    flush(i);
    uint32_t b = t.b + static_cast<uint32_t>(i);
    p->appendSynthetic(rep, b, b + static_cast<uint32_t>(len));
    i += len;
    run = i;
  }
  flush(s.size());
}

int32_t Walker::openBlock(BlockKind k, uint16_t file, uint32_t begin, uint8_t level, std::string command) {
  closeBlock();
  Block b;
  b.kind = k;
  b.level = level;
  b.file = file;
  b.range = {begin, begin};
  b.line = doc_.files[file].text.lineOf(begin);
  b.command = std::move(command);
  doc_.blocks.push_back(std::move(b));
  cur_ = static_cast<int32_t>(doc_.blocks.size() - 1);
  lastEnd_ = begin;
  pending_ = false;
  return cur_;
}

void Walker::closeBlock() {
  if (cur_ < 0) return;
  Block& b = doc_.blocks[cur_];
  pending_ = false;
  b.range.end = std::max({b.range.end, lastEnd_, b.range.begin});
  // Macro arguments may be set in any order: the block covers all its prose.
  for (const Segment& s : b.prose.segments) {
    b.range.begin = std::min(b.range.begin, s.srcBegin);
    b.range.end = std::max(b.range.end, s.srcEnd);
  }
  b.line = doc_.files[b.file].text.lineOf(b.range.begin);
  bool empty = b.prose.text.empty();
  if (empty && b.kind == BlockKind::Paragraph && static_cast<size_t>(cur_) + 1 == doc_.blocks.size())
    doc_.blocks.pop_back();
  cur_ = -1;
}

void Walker::paragraphBreak() {
  mpAdjacent_ = false;
  if (inl_) {
    return;
  }
  if (cur_ >= 0 && doc_.blocks[cur_].kind == BlockKind::Bullet) return;  // an item goes on after a blank line
  closeBlock();
}

void Walker::lineBreak(const Token& t) {
  if (inl_) {
    space(t);
    return;
  }
  if (cur_ >= 0 && doc_.blocks[cur_].kind == BlockKind::Bullet && tableDepth_ == 0) {
    space(t);
    return;
  }
  closeBlock();
}

void Walker::appendProse(Prose& dst, const Prose& src) {
  for (const Segment& s : src.segments) {
    std::string_view piece = std::string_view(src.text).substr(s.textBegin, s.textEnd - s.textBegin);
    if (s.verbatim) dst.appendVerbatim(piece, s.srcBegin);
    else if (s.code) dst.appendCode(piece, s.srcBegin, s.srcEnd);
    else dst.appendSynthetic(piece, s.srcBegin, s.srcEnd);
  }
}

Prose Walker::collectProse(const Arg& a) {
  Prose out;
  if (a.toks.empty()) return out;
  if (nest_ >= kMaxNest) {
    for (const Token& t : a.toks)
      if (t.kind == Tok::Text && !t.mac) out.appendVerbatim(text(t), t.b);
    return out;
  }
  std::vector<Frame> savedFrames = std::move(frames_);
  frames_.clear();
  Mode savedMode = mode_;
  Prose* savedInl = inl_;
  uint16_t savedFile = inlFile_;
  bool savedPending = pending_, savedExact = pendExact_, savedPrev = prevComment_;
  uint16_t savedPF = pendFile_;
  uint32_t savedPB = pendB_, savedPE = pendE_, savedLast = lastEnd_;
  int32_t savedCur = cur_;
  int savedTable = tableDepth_;
  mode_ = Mode::Inline;
  inl_ = &out;
  inlFile_ = a.file;
  pending_ = false;
  prevComment_ = false;
  cur_ = -1;
  pushTokens(a.toks);
  ++nest_;
  loop();
  --nest_;
  frames_ = std::move(savedFrames);
  mode_ = savedMode;
  inl_ = savedInl;
  inlFile_ = savedFile;
  pending_ = savedPending;
  pendExact_ = savedExact;
  prevComment_ = savedPrev;
  pendFile_ = savedPF;
  pendB_ = savedPB;
  pendE_ = savedPE;
  lastEnd_ = savedLast;
  cur_ = savedCur;
  tableDepth_ = savedTable;
  // Trim a trailing space.
  return out;
}

ByteRange Walker::rangeOf(const Token& from, const Arg& last) const {
  uint32_t e = last.present ? std::max(last.outer.end, from.me) : from.me;
  return {from.mb, e};
}

void Walker::loop() {
  while (!stopped_ && more()) {
    Token t = next();
    bool afterComment = prevComment_;
    prevComment_ = false;
    switch (t.kind) {
      case Tok::Text:
        if (mode_ != Mode::Preamble) emitText(t);
        break;
      case Tok::Space:
        if (!afterComment && mode_ != Mode::Preamble) space(t);
        break;
      case Tok::Par:
        if (mode_ == Mode::Inline) space(t);
        else if (mode_ == Mode::Body) paragraphBreak();
        break;
      case Tok::Command: {
        // A control word swallows the spaces after it (`\pounds 5` -> "£5").
        std::string_view tn = text(t);
        bool word = tn.size() > 1 && std::isalpha(static_cast<unsigned char>(tn[1]));
        uint32_t swallowAt = UINT32_MAX;
        if (word && more() && peek().kind == Tok::Space && peek().tfile == t.tfile && peek().b == t.e) swallowAt = t.e;
        int32_t before = cur_;
        size_t count = doc_.blocks.size(), depth = frames_.size();
        command(t);
        // A command inside the open block extends it.
        if (cur_ >= 0 && cur_ == before && doc_.blocks.size() == count && frames_.size() <= depth &&
            doc_.blocks[cur_].file == t.mfile)
          lastEnd_ = std::max(lastEnd_, t.me);
        if (swallowAt != UINT32_MAX && more() && peek().kind == Tok::Space && peek().tfile == t.tfile &&
            peek().b == swallowAt)
          next();
        break;
      }
      case Tok::LBracket:
      case Tok::RBracket:
        if (mode_ != Mode::Preamble) {
          if (verbatimOk(t) && (inl_ || cur_ >= 0)) {
            Prose* p = sink(&t);
            flushSpace(*p);
            p->appendVerbatim(text(t), t.b);
          } else {
            emitStr(text(t), t);
          }
        }
        break;
      case Tok::Math:
        if (mode_ != Mode::Preamble) math(t);
        break;
      case Tok::Amp:
        if (mode_ != Mode::Preamble) separator(t, " | ");
        break;
      case Tok::Tilde:
        if (mode_ != Mode::Preamble) emitStr(" ", t);
        break;
      case Tok::Comment:
        prevComment_ = true;
        break;
      case Tok::Verbatim:
        if (mode_ == Mode::Body && !inl_) {
          closeBlock();
          openBlock(BlockKind::Code, t.mfile, t.mb, 0, "verbatim");
          lastEnd_ = t.me;
          closeBlock();
        }
        break;
      case Tok::End:
        // `}{`: arguments of a command we do not know are set apart; keep the words apart.
        if (mode_ != Mode::Preamble && more()) {
          const Frame& f = frames_.back();
          size_t j = f.pos;
          while (j < f.toks.size() && j < f.pos + 8 && (f.toks[j].kind == Tok::Comment || f.toks[j].kind == Tok::Space)) ++j;
          if (j < f.toks.size() && f.toks[j].kind == Tok::Begin && (j > f.pos || f.toks[j].b == t.e)) space(t);
        }
        break;
      case Tok::Begin:
      case Tok::Param:
      case Tok::ExpEnd:
        break;
    }
  }
}

}  // namespace cvlint::latex
