// The LaTeX tokenizer: a lossless, non-recursive scan of one file into
// tokens. Every source byte belongs to exactly one token, so the walker can
// map any prose byte back to its source byte.
//
// The walker also builds tokens from macro bodies (user \newcommand
// expansions): such a token keeps where its text lives (`tfile`, [b, e)) and
// says where it maps to in the reading stream (`mfile`, [mb, me): the
// invocation's name), with `mac` set.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace cvlint::latex {

enum class Tok : uint8_t {
  Text,       // a run of ordinary characters (may hold `--`, quotes)
  Space,      // spaces/tabs and at most one newline
  Par,        // whitespace holding a blank line
  Command,    // \name (letters, or one non-letter: \%, \\, \,)
  Begin,      // {
  End,        // }
  LBracket,   // [
  RBracket,   // ]
  Math,       // $ or $$
  Amp,        // &
  Param,      // #1 .. #9 or ##
  Tilde,      // ~
  Comment,    // % .. up to (not including) the line end
  Verbatim,   // raw body of a verbatim-like environment, or of \verb|..| (delimiters included)
  ExpEnd,     // internal: the end of a macro expansion (zero width, maps to the invocation end)
};

struct Token {
  Tok kind = Tok::Text;
  bool mac = false;       // produced by a macro body
  uint16_t tfile = 0;     // file holding the token's text
  uint16_t mfile = 0;     // file the token maps to
  uint32_t b = 0, e = 0;  // text bytes in tfile
  uint32_t mb = 0, me = 0;  // mapped source bytes in mfile (== b, e unless mac)
  uint32_t macro = 0;     // 1 + index of the macro whose body made it (0: none)
};

// Tokenizes a whole file. Never fails; an unterminated verbatim environment
// runs to the end of the text.
std::vector<Token> tokenize(std::string_view text, uint16_t file);

// The command name of a Command token's text ("\\section" -> "section").
inline std::string_view commandName(std::string_view tokenText) {
  return tokenText.size() > 1 ? tokenText.substr(1) : std::string_view{};
}

// True for environments whose content is raw text (verbatim, lstlisting,
// minted, comment, ...).
bool isVerbatimEnv(std::string_view name);

}  // namespace cvlint::latex
