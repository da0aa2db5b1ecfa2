// The Markdown front end, on md4c. md4c parses (CommonMark + pipe tables,
// strikethrough, permissive autolinks, HTML kept so comments reach us) and
// calls us back in document order; every text callback points into the buffer
// we gave it, so `ptr - base` is the exact source byte offset of that text.
// From those events this file builds, in reading order, the flat blocks of the
// model (headings, bullets, paragraphs, code, tables) with prose and an exact
// source map, plus layout facts (tables, images, photos), contacts from link
// targets and the HTML comments that carry cvlint directives.
//
// md4c reports no block offsets, so block ranges are derived from the first
// and last source byte of the block's text: back to the list marker or the
// heading's `#`s, forward to the end of the last line. Every such scan is
// bounded below by the end of the previous text (`cursor_`), so the whole pass
// stays linear. Nesting is held in explicit stacks (frames_, spans_): depth is
// unbounded in hostile input and nothing here recurses.
//
// At any time at most one block is collecting text (`sink_`): a list item's
// own text is flushed as its bullet as soon as a nested block starts, so the
// nested items follow it in reading order.
#include <md4c.h>

#include <algorithm>
#include <cstring>

#include "parse/md_internal.hpp"
#include "parse/parse.hpp"

namespace cvlint {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isAsciiPunct(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60) || (u >= 0x7B && u <= 0x7E);
}

// The block currently collecting text.
struct Sink {
  bool open = false;
  Block block;
  uint32_t first = kNone;   // first source byte of any text seen in the block
  uint32_t last = 0;        // end of the last text seen
  uint32_t begin = kNone;   // block start, computed when the first text arrives
  uint32_t markerBegin = kNone;
  uint32_t bound = 0;       // end of the text before the block: back-scans stop there
  std::string pending;      // separator or out-of-buffer text waiting for its range
  bool pendingCode = false;
  char fence = 0;           // code blocks: fence character, 0 when indented
  int liFrame = -1;         // bullets: index in frames_ of the list item
  bool definition = false;  // holds a pandoc definition's text
};

enum class LiState : uint8_t { NoBullet, BulletOpen, Done };

struct Frame {
  MD_BLOCKTYPE type;
  bool ownsSink = false;
  bool ordered = false;        // lists
  LiState li = LiState::NoBullet;
  bool isDef = false;          // a pandoc definition: a container, not a bullet
};

// An open link or image span.
struct Span {
  MD_SPANTYPE type;
  uint32_t first = kNone;  // first/last source byte of the text inside (nested spans included)
  uint32_t last = 0;
  uint32_t bound = 0;      // cursor when the span opened: scans never go below it
  std::string href;        // link target / image source, raw
  uint32_t attrBegin = kNone;  // start of href/src when it lies in the buffer
  uint32_t attrEnd = kNone;    // end of the href/src/title attribute when it lies in the buffer
  std::string alt;         // images: the alt text (capped), for photo detection
};

class Builder {
 public:
  Builder(CvDocument& doc, const char* base, uint32_t size, std::vector<uint32_t> defs)
      : doc_(doc), base_(base), size_(size), defs_(std::move(defs)) {}

  void run(unsigned flags) {
    MD_PARSER p{};
    p.flags = flags;
    p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enterBlock(t, d); };
    p.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leaveBlock(t, d); };
    p.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enterSpan(t, d); };
    p.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leaveSpan(t, d); };
    p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<Builder*>(u)->text(t, s, n); };
    int rc = md_parse(base_, size_, &p, this);
    closeSink();
    if (rc != 0) doc_.problems.push_back({"the Markdown parser stopped early (out of memory?)", 0, {0, 0}});
  }

 private:
  const LineIndex& lines() const { return doc_.files[0].text.lines(); }

  // lineOf for the mostly increasing offsets a pass in source order asks
  // about: a few steps forward from the last answer, else a binary search.
  uint32_t lineAt(uint32_t srcByte) {
    const LineIndex& li = lines();
    uint32_t h = lineHint_, n = li.lineCount();
    if (h < n && li.lineStart(h) <= srcByte) {
      for (int k = 0; k < 8; ++k, ++h)
        if (h + 1 >= n || li.lineStart(h + 1) > srcByte) return lineHint_ = h;
    }
    return lineHint_ = li.lineOf(srcByte);
  }

  // End of the content of the line holding srcByte, trailing blanks trimmed
  // (never before `atLeast`).
  uint32_t lineEndTrim(uint32_t srcByte, uint32_t atLeast) {
    uint32_t e = lines().lineEnd(lineAt(srcByte));
    while (e > atLeast && isSpace(base_[e - 1])) --e;
    return std::max(e, atLeast);
  }

  // --- blocks --------------------------------------------------------------

  Frame* top() { return frames_.empty() ? nullptr : &frames_.back(); }

  int enterBlock(MD_BLOCKTYPE type, void* detail) {
    Frame f{type};
    Frame* parent = top();
    bool tableInner = type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY || type == MD_BLOCK_TR ||
                      type == MD_BLOCK_TH || type == MD_BLOCK_TD;
    if (type == MD_BLOCK_DOC) {
      frames_.push_back(f);
      return 0;
    }
    if (tableInner) {
      if ((type == MD_BLOCK_TH || type == MD_BLOCK_TD) && sink_.open && !sink_.block.prose.text.empty())
        sink_.pending = " | ", sink_.pendingCode = false;
      frames_.push_back(f);
      return 0;
    }
    if (type == MD_BLOCK_P && parent && parent->type == MD_BLOCK_LI && parent->li != LiState::Done) {
      // A list item's own paragraph: its text is the bullet's prose.
      if (parent->li == LiState::BulletOpen) {
        if (sink_.open && !sink_.block.prose.text.empty()) sink_.pending = " ", sink_.pendingCode = false;
      } else {
        openBullet(*parent);
      }
      frames_.push_back(f);
      return 0;
    }
    // Any other block ends what was collecting text, and ends a parent list
    // item's own text: what follows in it is nested.
    closeSink();
    if (parent && parent->type == MD_BLOCK_LI) parent->li = LiState::Done;
    switch (type) {
      case MD_BLOCK_UL: f.ordered = false; break;
      case MD_BLOCK_OL: f.ordered = true; break;
      case MD_BLOCK_LI:
        f.ordered = parent && parent->type == MD_BLOCK_OL;
        ++liDepth_;
        break;
      case MD_BLOCK_H:
        openSink(BlockKind::Heading);
        sink_.block.level = static_cast<uint8_t>(std::clamp(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level, 1u, 6u));
        f.ownsSink = true;
        seenHeading_ = true;
        break;
      case MD_BLOCK_P:
        openSink(BlockKind::Paragraph);
        f.ownsSink = true;
        break;
      case MD_BLOCK_CODE:
        openSink(BlockKind::Code);
        sink_.fence = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char;
        f.ownsSink = true;
        break;
      case MD_BLOCK_TABLE:
        openSink(BlockKind::Table);
        f.ownsSink = true;
        break;
      case MD_BLOCK_HTML:
        htmlFirst_ = kNone;
        htmlLast_ = 0;
        break;
      default: break;  // QUOTE, HR
    }
    frames_.push_back(f);
    return 0;
  }

  int leaveBlock(MD_BLOCKTYPE type, void*) {
    if (frames_.empty()) return 0;
    Frame f = frames_.back();
    frames_.pop_back();
    if (f.ownsSink) closeSink();
    if (type == MD_BLOCK_P && !frames_.empty() && frames_.back().type == MD_BLOCK_LI && frames_.back().isDef &&
        frames_.back().li == LiState::BulletOpen) {
      // A definition's first paragraph goes with its term; later ones
      // ("*Thesis title: ...*") are paragraphs of their own.
      closeSink();
      frames_.back().li = LiState::Done;
    }
    if (type == MD_BLOCK_LI) {
      closeSink();  // the item's own text, or a paragraph after its nested list
      if (!f.isDef) --liDepth_;
    }
    if (type == MD_BLOCK_HTML && htmlFirst_ != kNone) scanHtml(htmlFirst_, htmlLast_, true);
    return 0;
  }

  void openSink(BlockKind kind) {
    closeSink();
    sink_ = Sink{};
    sink_.open = true;
    sink_.block.kind = kind;
    sink_.block.prose.segments.reserve(4);  // most blocks have 1-4 segments: one allocation
  }

  void openBullet(Frame& li) {
    openSink(BlockKind::Bullet);
    sink_.block.level = static_cast<uint8_t>(std::min(liDepth_, 255));
    sink_.block.ordered = li.ordered;
    sink_.liFrame = static_cast<int>(&li - frames_.data());
    li.li = LiState::BulletOpen;
  }

  // Text straight inside a list item (a tight list has no paragraph blocks).
  void ensureSinkForText() {
    if (sink_.open) return;
    Frame* f = top();
    if (f && f->type == MD_BLOCK_LI) {
      if (f->li == LiState::NoBullet) {
        openBullet(*f);
      } else {
        openSink(BlockKind::Paragraph);
      }
      return;
    }
    openSink(BlockKind::Paragraph);  // defensive: text outside any known block
  }

  // The list marker before a bullet's first text: "- ", "* ", "+ ", "12. ", "3) ".
  // The item's text may start on the line after the marker ("-\n  text").
  void findMarker(uint32_t contentBegin, uint32_t bound) {
    uint32_t q = contentBegin;
    int newlines = 0;
    while (q > bound) {
      char c = base_[q - 1];
      if (isSpace(c) || c == '\r') {
        --q;
      } else if (c == '\n' && newlines < 1) {
        --q;
        ++newlines;
      } else {
        break;
      }
    }
    if (q <= bound) return;
    char c = base_[q - 1];
    if (c == '-' || c == '*' || c == '+') {
      sink_.markerBegin = q - 1;
    } else if (c == '.' || c == ')') {
      uint32_t d = q - 1;
      while (d > bound && d + 10 > q && base_[d - 1] >= '0' && base_[d - 1] <= '9') --d;
      if (d < q - 1) sink_.markerBegin = d;
    }
  }

  // Called with the first text of the block (before cursor_ moves past it).
  void startBlockAt(uint32_t src) {
    uint32_t bound = std::min(cursor_, src);
    sink_.bound = bound;
    // Back over opening markup on the same line ("**", "[", "![", "`", "<").
    uint32_t b = src;
    while (b > bound && !isSpace(base_[b - 1]) && base_[b - 1] != '\n' && base_[b - 1] != '\r' && base_[b - 1] != '>')
      --b;
    if (sink_.block.kind == BlockKind::Table) {
      while (b > bound && base_[b - 1] != '\n' && base_[b - 1] != '>' && (isSpace(base_[b - 1]) || base_[b - 1] == '|'))
        --b;
      while (b < src && isSpace(base_[b])) ++b;
    }
    sink_.begin = b;
    if (sink_.block.kind == BlockKind::Bullet) {
      findMarker(b, bound);
      if (sink_.markerBegin != kNone && std::binary_search(defs_.begin(), defs_.end(), sink_.markerBegin))
        becomeDefinition();
    }
  }

  // The list item is a pandoc definition (its '-' was a ':'): it is not a
  // bullet and not a nesting level, and its text continues its term ("2019 –
  // 2021\n:   Engineer, Acme" is one entry header) when the term is the block
  // just before it.
  void becomeDefinition() {
    if (sink_.liFrame >= 0 && sink_.liFrame < static_cast<int>(frames_.size())) {
      Frame& li = frames_[sink_.liFrame];
      if (!li.isDef) {
        li.isDef = true;
        --liDepth_;
      }
    }
    uint32_t marker = sink_.markerBegin;
    sink_.markerBegin = kNone;
    sink_.block.kind = BlockKind::Paragraph;
    sink_.block.level = 0;
    sink_.block.ordered = false;
    sink_.definition = true;
    // A second definition of the same term stands alone.
    if (doc_.blocks.empty() || lastWasDefinition_) return;
    Block& prev = doc_.blocks.back();
    if ((prev.kind != BlockKind::Paragraph && prev.kind != BlockKind::Bullet) || prev.prose.text.empty() ||
        prev.range.end > marker || lineAt(marker) > lineAt(prev.range.end) + 2)
      return;
    bool bullet = prev.kind == BlockKind::Bullet;
    sink_.begin = bullet ? prev.markerRange.end : prev.range.begin;
    sink_.markerBegin = bullet ? prev.markerRange.begin : kNone;
    sink_.block = std::move(prev);
    doc_.blocks.pop_back();
    sink_.pending = ": ";
    sink_.pendingCode = false;
  }

  void track(uint32_t src, uint32_t n) {
    if (!sink_.open) return;
    if (sink_.first == kNone) {
      sink_.first = src;
      startBlockAt(src);
    }
    sink_.last = std::max(sink_.last, src + n);
  }

  void closeSink() {
    if (!sink_.open) return;
    sink_.open = false;
    Block& b = sink_.block;
    if (sink_.first == kNone) return;  // no text at all: nothing to place
    lastWasDefinition_ = sink_.definition;
    bool keepEmpty = b.kind == BlockKind::Code;
    md::trimProse(b.prose);
    if (!keepEmpty && b.prose.text.empty()) return;
    uint32_t last = std::max(sink_.last, sink_.first + 1) - 1;  // last byte of the text
    uint32_t begin = sink_.begin;
    uint32_t end = lineEndTrim(last, sink_.last);
    const LineIndex& li = lines();
    switch (b.kind) {
      case BlockKind::Bullet:
        if (sink_.markerBegin != kNone) {
          b.markerRange = {sink_.markerBegin, begin};
          begin = sink_.markerBegin;
        } else {
          b.markerRange = {begin, begin};
        }
        break;
      case BlockKind::Heading: {
        md::dropHeadingAttributes(b.prose);
        // ATX: the `#`s before the text on its line; otherwise setext, whose
        // underline is the next line.
        uint32_t q = begin, lineStart = li.lineStart(lineAt(begin));
        while (q > lineStart && isSpace(base_[q - 1])) --q;
        uint32_t h = q;
        while (h > lineStart && base_[h - 1] == '#') --h;
        if (q - h >= 1 && q - h <= 6 && (h == lineStart || isSpace(base_[h - 1]) || base_[h - 1] == '>')) {
          b.markerRange = {h, begin};
          begin = h;
        } else {
          b.markerRange = {begin, begin};
          uint32_t next = lineAt(last) + 1;
          if (next < li.lineCount()) {
            uint32_t s = li.lineStart(next), e = li.lineEnd(next);
            while (s < e && (isSpace(base_[s]) || base_[s] == '>')) ++s;
            if (s < e && (base_[s] == '=' || base_[s] == '-')) end = lineEndTrim(s, s + 1);
          }
        }
        break;
      }
      case BlockKind::Code: {
        uint32_t firstLine = lineAt(sink_.first);
        begin = li.lineStart(firstLine);
        if (sink_.fence) {
          // The opening fence: the nearest line above made of fence characters.
          for (uint32_t l = firstLine; l > 0 && li.lineStart(l) > sink_.bound;) {
            --l;
            uint32_t s = li.lineStart(l), e = li.lineEnd(l);
            while (s < e && (isSpace(base_[s]) || base_[s] == '>')) ++s;
            if (e - s >= 3 && base_[s] == sink_.fence && base_[s + 1] == sink_.fence && base_[s + 2] == sink_.fence) {
              begin = s;
              break;
            }
          }
          uint32_t next = lineAt(last) + 1;
          if (next < li.lineCount()) {
            uint32_t s = li.lineStart(next), e = li.lineEnd(next);
            while (s < e && (isSpace(base_[s]) || base_[s] == '>')) ++s;
            if (e - s >= 3 && base_[s] == sink_.fence) end = lineEndTrim(s, s + 1);
          }
        }
        break;
      }
      default: break;
    }
    b.file = 0;
    b.range = {begin, std::max(begin, end)};
    b.line = lineAt(begin);
    if (b.kind == BlockKind::Table) {
      LayoutFact lf{LayoutKind::Table, "pipe table", 0, b.line, b.range, false};
      doc_.layout.push_back(std::move(lf));
    }
    doc_.blocks.push_back(std::move(b));
  }

  // --- prose ---------------------------------------------------------------

  bool proseWanted() const {
    if (!sink_.open || imgDepth_ > 0) return false;
    BlockKind k = sink_.block.kind;
    return k != BlockKind::Code;
  }

  void flushPending(uint32_t src) {
    if (sink_.pending.empty()) return;
    Prose& p = sink_.block.prose;
    if (!p.text.empty()) {
      uint32_t from = p.segments.empty() ? src : std::min(p.segments.back().srcEnd, src);
      if (sink_.pendingCode) p.appendCode(sink_.pending, from, src);
      else p.appendSynthetic(sink_.pending, from, src);
    }
    sink_.pending.clear();
    sink_.pendingCode = false;
  }

  void addPending(std::string_view s, bool code) {
    if (!sink_.pending.empty() && sink_.pendingCode != code) sink_.pending.clear();
    // One space per break: none after a space already in the prose or pending.
    if (s == " " && !code && ((!sink_.pending.empty() && sink_.pending.back() == ' ') ||
                              (sink_.pending.empty() && !sink_.block.prose.text.empty() &&
                               sink_.block.prose.text.back() == ' ')))
      return;
    sink_.pending += s;
    sink_.pendingCode = code;
  }

  uint32_t proseEnd() const {
    const Prose& p = sink_.block.prose;
    return p.segments.empty() ? 0 : p.segments.back().srcEnd;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE n) {
    bool inBuf = s >= base_ && s <= base_ + size_ && n <= static_cast<MD_SIZE>(base_ + size_ - s);
    uint32_t src = inBuf ? static_cast<uint32_t>(s - base_) : kNone;
    uint32_t cursorBefore = cursor_;
    if (top() && top()->type == MD_BLOCK_HTML) {
      // An HTML block: no prose; its extent is scanned for comments at its end.
      if (inBuf && n > 0) {
        if (htmlFirst_ == kNone) htmlFirst_ = src;
        htmlLast_ = std::max(htmlLast_, src + n);
        cursor_ = std::max(cursor_, src + n);
      }
      return 0;
    }
    if (!sink_.open) ensureSinkForText();
    // Inline HTML: md4c only reports a comment it saw closed, so the first
    // "-->" after its start ends it.
    if (type == MD_TEXT_HTML && inBuf && src >= htmlScanned_) scanHtml(src, src + n, false);
    if (inBuf && n > 0) {
      track(src, n);
      if (!spans_.empty()) {
        Span& sp = spans_.back();
        if (sp.first == kNone) sp.first = src;
        sp.last = std::max(sp.last, src + n);
      }
      cursor_ = std::max(cursor_, src + n);
    }
    if (!imgs_.empty()) {
      // Alt text: kept for photo detection only, never prose.
      Span& img = spans_[imgs_.back()];
      if (img.alt.size() < 512) img.alt.append(s, std::min<size_t>(n, 512));
      return 0;
    }
    if (!proseWanted()) return 0;
    Prose& p = sink_.block.prose;
    std::string_view t(s, n);
    switch (type) {
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: addPending(" ", false); return 0;
      case MD_TEXT_HTML:
        // Inline HTML is markup; a <br> still separates words.
        if (n >= 3 && (t.substr(0, 3) == "<br" || t.substr(0, 3) == "<BR")) addPending(" ", false);
        return 0;
      case MD_TEXT_NULLCHAR: {
        uint32_t at = std::min(cursorBefore, size_);
        uint32_t e = at < size_ && base_[at] == '\0' ? at + 1 : at;
        flushPending(at);
        track(at, e - at);
        p.appendSynthetic("\xEF\xBF\xBD", std::max(at, proseEnd()), std::max(e, proseEnd()));
        cursor_ = std::max(cursor_, e);
        return 0;
      }
      default: break;
    }
    if (!inBuf) {
      // md4c's own text (a newline inside a code span becomes " "): mapped
      // with the source between its neighbours once the next text arrives.
      addPending(t, type == MD_TEXT_CODE);
      return 0;
    }
    if (n == 0) return 0;
    if (src < proseEnd()) {
      // Out of source order (never seen with md4c): keep the map sorted.
      p.appendSynthetic(t, proseEnd(), proseEnd());
      return 0;
    }
    // A backslash escape: md4c skipped the backslash, which the map covers.
    bool escape = type == MD_TEXT_NORMAL && src > 0 && src > cursorBefore && src - 1 >= proseEnd() &&
                  base_[src - 1] == '\\' && isAsciiPunct(base_[src]);
    flushPending(escape ? src - 1 : src);
    if (type == MD_TEXT_CODE) {
      p.appendCode(t, src, src + n);
    } else if (type == MD_TEXT_ENTITY) {
      if (auto dec = md::decodeEntity(t)) p.appendSynthetic(*dec, src, src + n);
      else p.appendVerbatim(t, src);
    } else if (escape) {
      p.appendSynthetic(t.substr(0, 1), src - 1, src + 1);
      if (n > 1) p.appendVerbatim(t.substr(1), src + 1);
    } else {
      p.appendVerbatim(t, src);
    }
    return 0;
  }

  // --- spans ---------------------------------------------------------------

  static void attrInto(const MD_ATTRIBUTE& a, std::string& out) {
    if (a.text && a.size) out.assign(a.text, std::min<MD_SIZE>(a.size, 4096));
  }

  uint32_t attrEnd(const MD_ATTRIBUTE& a) const {
    if (!a.text || !a.size || a.text < base_ || a.text > base_ + size_ || a.size > static_cast<MD_SIZE>(base_ + size_ - a.text))
      return kNone;
    return static_cast<uint32_t>(a.text - base_) + a.size;
  }

  void setAttr(Span& sp, const MD_ATTRIBUTE& target, const MD_ATTRIBUTE& title) const {
    uint32_t e1 = attrEnd(target), e2 = attrEnd(title);
    if (e1 != kNone) sp.attrBegin = e1 - target.size;
    sp.attrEnd = e2 != kNone && (e1 == kNone || e2 > e1) ? e2 : e1;
  }

  int enterSpan(MD_SPANTYPE type, void* detail) {
    Span sp;
    sp.type = type;
    sp.bound = cursor_;
    if (type == MD_SPAN_A) {
      auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      attrInto(d->href, sp.href);
      setAttr(sp, d->href, d->title);
    } else if (type == MD_SPAN_IMG) {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      attrInto(d->src, sp.href);
      setAttr(sp, d->src, d->title);
      ++imgDepth_;
      imgs_.push_back(spans_.size());
    }
    spans_.push_back(std::move(sp));
    return 0;
  }

  // Source range of a link or image: from its opening "[" / "![" / "<" to
  // the ")" / ">" after its target, as far as the buffer shows them.
  ByteRange spanRange(const Span& sp) {
    uint32_t b = sp.first, e = sp.last;
    if (b == kNone) {
      // No text ("![](me.jpg)"): start from the target, back over "![](".
      if (sp.attrBegin == kNone || sp.attrBegin < sp.bound) return {sp.bound, sp.bound};
      b = e = sp.attrBegin;
      while (b > sp.bound && b + 4 > sp.attrBegin && std::strchr("![](<", base_[b - 1]) && base_[b - 1] != '\0') --b;
    }
    while (b > sp.bound && base_[b - 1] != '\0' && std::strchr("[<!*_~", base_[b - 1])) --b;
    // The target lies after the text on the same line when it is inline.
    if (sp.attrEnd != kNone && sp.attrEnd >= e && lineAt(sp.attrEnd - 1) == lineAt(e > 0 ? e - 1 : 0))
      e = sp.attrEnd;
    for (int k = 0; k < 4 && e < size_ && (base_[e] == ')' || base_[e] == '>' || base_[e] == '"' || base_[e] == '\'' ||
                                           (base_[e] == ']' && k == 0));
         ++k)
      ++e;
    return {b, std::max(b, e)};
  }

  int leaveSpan(MD_SPANTYPE type, void*) {
    if (spans_.empty()) return 0;
    Span sp = std::move(spans_.back());
    spans_.pop_back();
    if (!spans_.empty()) {
      Span& parent = spans_.back();
      if (sp.first != kNone) {
        parent.first = std::min(parent.first, sp.first);
        parent.last = std::max(parent.last, sp.last);
      }
    }
    if (type == MD_SPAN_A) {
      std::string value;
      if (auto kind = md::classifyLink(sp.href, value)) {
        Contact c{*kind, std::move(value), 0, spanRange(sp)};
        doc_.contacts.push_back(std::move(c));
      }
    } else if (type == MD_SPAN_IMG) {
      --imgDepth_;
      if (!imgs_.empty()) imgs_.pop_back();
      md::addImage(doc_, spanRange(sp), sp.alt, sp.href, seenHeading_);
    }
    return 0;
  }

  // Comments, <img>, <table> and <a href> in raw HTML source [b, e).
  void scanHtml(uint32_t b, uint32_t e, bool block) {
    htmlScanned_ = md::scanHtml(doc_, std::string_view(base_, size_), {b, e}, htmlScanned_, block, seenHeading_);
  }

  CvDocument& doc_;
  const char* base_;
  uint32_t size_;
  Sink sink_;
  std::vector<Frame> frames_;
  std::vector<Span> spans_;
  int liDepth_ = 0;
  int imgDepth_ = 0;
  bool seenHeading_ = false;
  bool lastWasDefinition_ = false;  // the last block placed holds a definition
  uint32_t cursor_ = 0;        // end of the last text seen: every back-scan stops here
  std::vector<uint32_t> defs_;  // pandoc definition markers, sorted
  std::vector<size_t> imgs_;   // indices into spans_ of the open images
  uint32_t htmlFirst_ = kNone, htmlLast_ = 0;
  uint32_t htmlScanned_ = 0;   // comments are found once, in source order
  uint32_t lineHint_ = 0;      // lineAt's last answer
};

}  // namespace

void parseMarkdown(CvDocument& doc, const Config&) {
  if (doc.files.empty()) return;
  const std::string& text = doc.files[0].text.bytes();
  // md4c reads a copy when we must change bytes it would misread; the copy
  // has the same length, so every offset into it is an offset into the source.
  std::string copy;
  const char* base = text.data();
  std::vector<uint32_t> defs = md::findDefinitionMarkers(text);
  if (md::mayHavePreamble(text) || !defs.empty()) {
    copy = text;
    doc.hasFrontMatter = md::blankPreamble(copy);
    // A ':' line inside the (now blank) front matter is not a definition.
    defs.erase(std::remove_if(defs.begin(), defs.end(), [&](uint32_t d) { return copy[d] == ' '; }), defs.end());
    for (uint32_t d : defs) copy[d] = '-';
    base = copy.data();
  }
  Builder b(doc, base, static_cast<uint32_t>(text.size()), std::move(defs));
  b.run(MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS);
}

}  // namespace cvlint
