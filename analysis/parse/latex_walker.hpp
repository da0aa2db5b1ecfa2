// The LaTeX walker: reads the token stream (files, \input files, user macro
// expansions) with explicit stacks and fills the document model. Internal to
// the LaTeX front end (latex.cpp, latex_walker.cpp, latex_handlers.cpp).
//
// Nothing here recurses on input structure except collectProse (an argument
// read as prose: a heading title, an entry field), which is bounded by
// kMaxNest and falls back to flat text beyond it.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "config.hpp"
#include "model.hpp"
#include "parse/latex_commands.hpp"
#include "parse/latex_lexer.hpp"

namespace cvlint {
class FileProvider;
}

namespace cvlint::latex {

constexpr int kMaxNest = 8;              // collectProse nesting
constexpr size_t kMaxFrames = 256;       // macro expansion depth
constexpr size_t kMaxExpandedTokens = 4'000'000;  // never more than this
constexpr size_t kExpandedTokensFloor = 20'000;    // budget: floor + per byte of source
constexpr size_t kExpandedTokensPerByte = 4;
constexpr int kMaxInputDepth = 16;

// A macro argument: its tokens (braces removed) and where it is in source.
struct Arg {
  std::vector<Token> toks;
  bool present = false;
  uint16_t file = 0;
  ByteRange outer;  // mapped range with the braces/brackets
  ByteRange inner;  // mapped range of the content
};

struct Macro {
  std::string name;
  int nargs = 0;
  bool hasOpt = false;
  std::vector<Token> optDefault;
  std::vector<Token> body;
  bool entry = false;        // classified as an entry header
  bool hasTable = false;     // body sets a tabular (recorded once as layout)
  bool tableNoted = false;
  std::string tableName;
};

enum class Mode : uint8_t { Preamble, Body, Inline };

struct Frame {
  std::vector<Token> toks;
  std::vector<int32_t> match;  // for each Begin token, index of its End (-1 if none)
  size_t pos = 0;
  bool isFile = false;
  std::string path;            // file frames: the resolved path (cycle guard)
};

struct EnvFrame {
  std::string name;
  Env kind = Env::Other;
  uint8_t base = 1;            // list: level of its bullets
  bool itemIsBullet = false;   // list: its current \item made a bullet
  bool ordered = false;
  int32_t fact = -1;           // layout fact this environment made: its range ends at \end{name}
};

class Walker {
 public:
  Walker(CvDocument& doc, const Config& config, const FileProvider* files);
  void run();

 private:
  void markTitle();

 private:
  // --- stream (latex_walker.cpp) ---
  void pushFile(uint16_t file, std::string path);
  void pushTokens(std::vector<Token> toks);
  // True while a token is left; pops finished frames (closing a file's
  // open block) first. The common case, tokens left in the top frame, is inline.
  bool more() {
    if (!frames_.empty() && frames_.back().pos < frames_.back().toks.size()) return true;
    return moreSlow();
  }
  bool moreSlow();
  const Token& peek();
  Token next();
  std::string_view text(const Token& t) const;
  std::string rawText(const std::vector<Token>& toks) const;
  void skipBlank(bool overPar = false);
  bool readArg(Arg& out);
  bool readOpt(Arg& out);
  bool nextIs(Tok kind);
  void skipSpec(const char* spec);
  // --- prose and blocks (latex_walker.cpp) ---
  void loop();
  bool verbatimOk(const Token& t) const;
  Prose* sink(const Token* openAt);
  uint16_t sinkFile() const;
  void flushSpace(Prose& p);
  void appendMapped(Prose& p, std::string_view s, uint32_t b, uint32_t e, bool code);
  void emitText(const Token& t);
  void emitStr(std::string_view s, const Token& at);
  void emitStr(std::string_view s, uint16_t file, uint32_t b, uint32_t e);
  void emitCode(std::string_view s, uint16_t file, uint32_t b, uint32_t e);
  void space(const Token& t);
  void separator(const Token& t, std::string_view s);
  int32_t openBlock(BlockKind k, uint16_t file, uint32_t begin, uint8_t level, std::string command);
  void closeBlock();
  void paragraphBreak();
  void lineBreak(const Token& t);
  Prose collectProse(const Arg& a);
  void appendProse(Prose& dst, const Prose& src);
  ByteRange rangeOf(const Token& from, const Arg& last) const;
  // --- commands (latex_handlers.cpp) ---
  void command(const Token& t);
  void preambleCommand(const Token& t, const std::string& name, const Builtin& b);
  void bodyCommand(const Token& t, const std::string& name, const Builtin& b);
  void applyRole(const Token& t, const std::string& name, CommandRole role);
  void beginEnv(const Token& t);
  void endEnv(const Token& t);
  // Skips to the matching \end{name}; returns where its argument ends (file, byte), or file = UINT16_MAX.
  std::pair<uint16_t, uint32_t> skipEnvBody(const std::string& name);
  // Extends layout fact `fact` to end at byte `end` of `file` (the end of its construct).
  void extendFact(int32_t fact, uint16_t file, uint32_t end);
  void math(const Token& t);
  std::string mathText(const std::vector<Token>& toks) const;
  void mathCommand(const Token& t, bool display);
  void item(const Token& t, const std::string& name);
  void heading(const Token& t, const std::string& name, uint8_t level);
  std::vector<Arg> readBraceArgs(size_t n);
  void entry(const Token& t, const std::string& name, std::vector<ArgRole> roles, std::vector<Arg> args,
             const Macro* m);
  void define(const Token& t, bool tex);
  void invoke(const Token& t, const Macro& m, size_t index);
  void readMacroArgs(const Macro& m, std::vector<Arg>& args);
  void contactCmd(const Token& t, const std::string& name, const Builtin& b);
  void nameCmd(const Token& t, const std::string& name);
  void headerLine(const Token& t, const std::string& name, const char* spec);
  void pageHead(const Token& t, const std::string& name);
  static std::string photoConstruct(const std::string& name);
  void cvItem(const Token& t, const std::string& name);
  void listItem(const Token& t, const std::string& name);
  void inputFile(const Token& t);
  void addContact(ContactKind k, std::string value, uint16_t file, ByteRange r);
  void urlContacts(const std::string& url, const Arg& a);
  void layout(LayoutKind k, std::string construct, const Token& at);
  void commandLayout(LayoutKind k, std::string construct, const Token& at);
  void otherBlock(const Token& t, const std::string& name, std::string arg, uint32_t end = 0);
  std::string macroName(const Token& t) const;
  bool hasStructure(const std::vector<Token>& toks) const;

  CvDocument& doc_;
  const Config& cfg_;
  const FileProvider* files_;
  CvClass cls_ = CvClass::Article;
  Mode mode_ = Mode::Body;
  std::vector<Frame> frames_;
  std::vector<EnvFrame> envs_;
  std::vector<Macro> macros_;
  std::unordered_map<std::string, size_t> macroIndex_;
  std::unordered_set<std::string> layoutOnce_;

  int32_t cur_ = -1;           // open block
  Prose* inl_ = nullptr;       // inline sink (collectProse)
  uint16_t inlFile_ = 0;
  bool pending_ = false;       // a space waits before the next text
  bool pendExact_ = false;
  uint16_t pendFile_ = 0;
  uint32_t pendB_ = 0, pendE_ = 0;
  uint32_t lastEnd_ = 0;
  bool prevComment_ = false;
  bool quiet_ = false;
  bool stopped_ = false;
  bool sawSection_ = false;
  int nest_ = 0;
  int inputDepth_ = 0;
  int tableDepth_ = 0;
  size_t expanded_ = 0;
  size_t selfCalls_ = 0;  // calls of a macro from its own body since the last call from the source
  bool budgetReported_ = false;
  uint32_t dcBegin_ = 0;
  // Side-by-side minipages.
  bool mpAdjacent_ = false;
  bool mpRecorded_ = false;
  size_t mpDepth_ = 0;
  Token mpFirst_;
};

}  // namespace cvlint::latex
