// The LaTeX tokenizer (see latex_lexer.hpp). One pass, no recursion.
#include "parse/latex_lexer.hpp"

#include <string>

namespace cvlint::latex {

namespace {

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@'; }

// Bytes that end a text run, as a table (the text loop reads every byte).
struct SpecialTable {
  bool t[256] = {};
  constexpr SpecialTable() {
    for (char c : {'\\', '{', '}', '[', ']', '$', '&', '#', '~', '%', ' ', '\t', '\r', '\n'})
      t[static_cast<unsigned char>(c)] = true;
  }
};
constexpr SpecialTable kSpecial;

bool isSpecial(char c) { return kSpecial.t[static_cast<unsigned char>(c)]; }

// Length of the UTF-8 sequence starting with lead byte c (1 for bad bytes).
size_t seqLen(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  if (c < 0xF8) return 4;
  return 1;
}

}  // namespace

bool isVerbatimEnv(std::string_view n) {
  return n == "verbatim" || n == "verbatim*" || n == "Verbatim" || n == "lstlisting" || n == "minted" ||
         n == "comment" || n == "alltt" || n == "BVerbatim" || n == "LVerbatim" || n == "filecontents" ||
         n == "filecontents*";
}

std::vector<Token> tokenize(std::string_view s, uint16_t file) {
  std::vector<Token> out;
  out.reserve(s.size() / 4 + 8);
  auto push = [&](Tok k, size_t b, size_t e) {
    Token t;
    t.kind = k;
    t.tfile = t.mfile = file;
    t.b = t.mb = static_cast<uint32_t>(b);
    t.e = t.me = static_cast<uint32_t>(e);
    out.push_back(t);
  };
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    char c = s[i];
    size_t start = i;
    switch (c) {
      case '\\': {
        ++i;
        if (i < n && isLetter(s[i])) {
          while (i < n && isLetter(s[i])) ++i;
        } else if (i < n) {
          i += seqLen(static_cast<unsigned char>(s[i]));
          if (i > n) i = n;
        }
        if (i < n && s[i] == '*') ++i;
        push(Tok::Command, start, i);
        std::string_view name = s.substr(start + 1, i - start - 1);
        if (name == "verb" || name == "verb*") {
          // \verb<d>...<d> on one line.
          if (i < n && s[i] != '\n' && s[i] != ' ') {
            char d = s[i];
            size_t j = i + 1;
            while (j < n && s[j] != d && s[j] != '\n') ++j;
            if (j < n && s[j] == d) ++j;
            push(Tok::Verbatim, i, j);
            i = j;
          }
        } else if (name == "begin" && i < n && s[i] == '{') {
          size_t close = s.find('}', i);
          if (close != std::string_view::npos) {
            std::string_view env = s.substr(i + 1, close - i - 1);
            if (isVerbatimEnv(env)) {
              push(Tok::Begin, i, i + 1);
              push(Tok::Text, i + 1, close);
              push(Tok::End, close, close + 1);
              std::string endTag = "\\end{" + std::string(env) + "}";
              size_t stop = s.find(endTag, close + 1);
              if (stop == std::string_view::npos) stop = n;
              if (stop > close + 1) push(Tok::Verbatim, close + 1, stop);
              i = stop;
            }
          }
        }
        break;
      }
      case '{': push(Tok::Begin, i, i + 1); ++i; break;
      case '}': push(Tok::End, i, i + 1); ++i; break;
      case '[': push(Tok::LBracket, i, i + 1); ++i; break;
      case ']': push(Tok::RBracket, i, i + 1); ++i; break;
      case '&': push(Tok::Amp, i, i + 1); ++i; break;
      case '~': push(Tok::Tilde, i, i + 1); ++i; break;
      case '$':
        i += (i + 1 < n && s[i + 1] == '$') ? 2 : 1;
        push(Tok::Math, start, i);
        break;
      case '#':
        i += (i + 1 < n && ((s[i + 1] >= '1' && s[i + 1] <= '9') || s[i + 1] == '#')) ? 2 : 1;
        push(Tok::Param, start, i);
        break;
      case '%':
        while (i < n && s[i] != '\n' && s[i] != '\r') ++i;
        push(Tok::Comment, start, i);
        break;
      case ' ': case '\t': case '\r': case '\n': {
        int newlines = 0;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
          if (s[i] == '\n') ++newlines;
          ++i;
        }
        push(newlines >= 2 ? Tok::Par : Tok::Space, start, i);
        break;
      }
      default:
        while (i < n && !isSpecial(s[i])) ++i;
        push(Tok::Text, start, i);
        break;
    }
  }
  return out;
}

}  // namespace cvlint::latex
