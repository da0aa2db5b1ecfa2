// The LaTeX command table: what each known command (LaTeX core, common
// packages, and the CV classes moderncv, Awesome-CV, AltaCV, deedy) means for
// the model, and the heuristics that classify user macros and entry fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/latex_lexer.hpp"

namespace cvlint::latex {

// Which CV class the document uses (decides argument orders of \cventry).
enum class CvClass : uint8_t { Article, ModernCv, AwesomeCv, AltaCv, Deedy, Yaac, Kip93, Twenty, McDowell };

enum class Cmd : uint8_t {
  Unknown,
  Skip,         // arguments per `spec` are not prose; nothing else
  Text,         // produces `text` (a symbol, an escape)
  Section,      // heading of `level`; spec says the optional/star handling
  Item,
  Begin,
  End,
  Input,
  Define,       // \newcommand, \renewcommand, \providecommand
  Def,          // \def
  Href,         // \href{url}{text}
  Url,          // \url{x}: shown as code
  Contact,      // \email{}, \phone[]{}, \social[]{}: `contact` kind
  Name,         // \name{first}{last}, \author{}
  HeaderLine,   // \title, \position, \tagline, \address: a paragraph of its own
  Entry,        // a CV class entry command; `fields` gives each argument's role
  CvItem,       // \cvitem{label}{text}, \cvskill{label}{text}: a paragraph "label: text"
  ListItem,     // \cvlistitem{text}: a bullet
  LineBreak,    // \\, \newline
  Space,        // \ , \quad: one space
  FontSwitch,   // \small, \large, \bfseries: an Other block at block level
  VSpace,       // \vspace{len}: an Other block with the raw length
  PageBreak,    // \newpage, \clearpage, \pagebreak
  Graphics,     // \includegraphics[..]{file}
  Photo,        // moderncv \photo[..]{file}
  Icon,         // \fa..., \faicon{x}: icon font
  Accent,       // \' \` \" \^ \~ \= \. \c \v \u \H: accent on the next letter
  Verb,         // \verb|..|
  MathOpen,     // \( or \[
  Box,          // \fbox{..}, \tcbox: a box around prose
  TwoColumn,    // \twocolumn
  NameSection,  // deedy \namesection{first}{last}{contacts}
  Prose,        // a paragraph of its 'P' arguments; 'o'/'m' in spec are skipped
  PageHead,     // fancyhdr \chead[..]{..}, \lfoot, ...: a contact line of its text (printed on every page)
};

// The role of an entry command's argument.
enum class ArgRole : uint8_t { Role, Org, Dates, Location, Desc, Extra, Skip, Guess };

enum class ContactCmd : uint8_t { Email, Phone, LinkedIn, GitHub, Website, Social, Address };

struct Builtin {
  Cmd cmd = Cmd::Unknown;
  const char* spec = "";      // Skip: arguments to read ('o' optional, 'm' mandatory)
  const char* text = "";      // Text: what it produces; Accent: the combining mark
  uint8_t level = 0;          // Section level
  ContactCmd contact = ContactCmd::Email;
  std::vector<ArgRole> fields;  // Entry: role of each mandatory argument
};

// The built-in meaning of a command (Cmd::Unknown when none).
const Builtin& findBuiltin(std::string_view name, CvClass cls);

// Environments.
enum class Env : uint8_t { Other, Document, List, Table, Columns, Minipage, Box, Graphics, Math, Verbatim, Transparent };
Env classifyEnv(std::string_view name);
// Arguments an environment takes after \begin{name} ('o'/'m' as in Builtin::spec).
const char* envSpec(std::string_view name);
bool isOrderedList(std::string_view name);

// Page-geometry commands of the preamble that the page model wants verbatim.
bool isPageLengthName(std::string_view lengthCommand);  // \textheight, \topmargin, ...

// Guesses the role of each argument of a user entry macro from its text:
// dates have a year or "Present"; "University"/"Ltd" name an organisation;
// "Engineer"/"BSc" a role; "City, ST" a location.
std::vector<ArgRole> guessFields(const std::vector<std::string>& argTexts);

bool looksLikeDate(std::string_view s);

// Small string helpers shared by the walker files.
std::string trimmed(std::string_view s);      // ASCII whitespace removed at both ends
std::string lowered(std::string_view s);      // ASCII lower case

}  // namespace cvlint::latex
