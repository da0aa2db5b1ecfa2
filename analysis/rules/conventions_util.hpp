// Helpers shared by the CV convention rules (personal-details, ats-layout,
// missing-section, summary-length, skills-count, section-order,
// contact-info, spelling-variant, date-format): words of prose, whole-line
// deletions built from model ranges, case copying, entry dates parsed into
// comparable points, and the way back from an entry Field to source bytes.
// Nothing here searches the source for text: positions come from the prose
// source map or from ranges the front ends recorded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace cvlint::conv {

// A word of prose: [begin, end) text bytes; letters/digits, with inner
// apostrophes and hyphens kept out (each part is its own word).
struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
};
std::vector<Word> words(std::string_view text);

// ASCII-lowercased copy (byte offsets preserved).
std::string lower(std::string_view s);

// `replacement` with the case pattern of `model`: all caps, capitalised or
// as given (lower case).
std::string matchCase(std::string_view model, std::string_view replacement);

Finding makeFinding(std::string_view rule, uint16_t file, ByteRange range, std::string message);

// True when the text outside `range` on its first and last lines is blank.
bool aloneOnLines(const SourceText& src, ByteRange range);
// The whole lines holding `range`, with the final line break: deleting it
// removes the lines cleanly.
ByteRange wholeLines(const SourceText& src, ByteRange range);
// A deletion of `range`: whole lines when nothing else shares them, else the
// range itself.
Edit deletion(const CvDocument& doc, uint16_t file, ByteRange range);

// A LaTeX command's range extended over the optional and mandatory arguments
// that follow it (`\photo` -> `\photo[64pt]{jane}`); other ranges unchanged.
// Layout facts record the command token only.
ByteRange withArguments(const SourceText& src, ByteRange range);

// A layout fact that is a photo of the person: a Photo fact, or an image in
// the header or named like one (photo, headshot, avatar), but never a QR
// code, logo or badge. personal-details reports these; ats-layout does not.
bool isPhoto(const CvDocument& doc, const LayoutFact& l);

// The first line of a range (for findings reported "on the first line").
ByteRange firstLine(const SourceText& src, ByteRange range);

// Where a finding about the whole CV is shown ("no skills section", a
// missing keyword): the first line of the document's first block; in LaTeX,
// of the CV's name (\name, \author, wherever it is set), else of the first
// block with text after \begin{document} in the main file, else the
// \begin{document} line itself (not a preamble's banner comment, a \vspace,
// or a section inside an \input file). A document without blocks: its first
// non-blank line.
struct DocumentAnchor {
  uint16_t file = 0;
  ByteRange range;
};
DocumentAnchor documentAnchor(const CvDocument& doc);

// Where an entry Field sits in prose: the block whose source map covers it
// and the text offset inside its prose. Null prose when the field cannot be
// mapped (then only the whole field range is known).
struct FieldText {
  std::string_view text;      // the field's text
  const Prose* prose = nullptr;
  uint32_t textBegin = 0;     // offset of `text` in prose->text
  uint16_t file = 0;
  ByteRange whole;            // the field's source range
  bool identity = false;      // source bytes of `whole` equal `text`
  // Source range of [b, e) of `text`; the whole field when unmapped.
  ByteRange range(uint32_t b, uint32_t e) const;
  // True when [b, e) of `text` can be replaced exactly in source.
  bool editable(uint32_t b, uint32_t e) const;
};
// `nearBlock` (an entry's header block) is where to look first.
FieldText locateField(const CvDocument& doc, const Field& field, int32_t nearBlock = -1);

// --- dates ---------------------------------------------------------------------

enum class DateStyle : uint8_t {
  MonthShort,     // Jan 2020
  MonthShortDot,  // Jan. 2020
  MonthLong,      // January 2020
  Slash,          // 01/2020
  Iso,            // 2020-01
  Year,           // 2020
  Ongoing,        // Present, Current, Now
};
const char* dateStyleName(DateStyle s);

struct DatePoint {
  DateStyle style = DateStyle::Year;
  int year = 0;
  int month = 0;          // 1..12, 0 when absent
  bool ambiguous = false; // "May 2020", "June 2020": fits short and long styles
  bool padded = true;     // Slash: "01/2020" (true) or "1/2020"
  uint32_t begin = 0;     // text bytes in the parsed string
  uint32_t end = 0;
};

struct DateRange {
  std::vector<DatePoint> points;  // in order (start, end)
  // The separator between the two points, when there are two.
  uint32_t sepBegin = 0, sepEnd = 0;
  std::string sep;                // "–", "-", "—", "to" (as written, spaces trimmed)
};

// Parses the dates of an entry ("Jan 2020 – Present", "2019-2021",
// "01/2020 - 12/2021", "2020-01 to 2021-03").
DateRange parseDates(std::string_view text);

// Writes a point in a style (month names in English, short names three letters).
std::string formatDate(const DatePoint& p, DateStyle style, bool padded);

// Months since year 0 for comparisons; `latestYear` stands in for Ongoing.
int monthIndex(const DatePoint& p, bool isEnd, int latestMonthIndex);

// The document's heading syntax for a new section: "## Skills\n\n- \n" or
// "\section{Skills}\n".
std::string headingSkeleton(const CvDocument& doc, std::string_view title, bool withList);

// True when a role name is technical (developer, engineer, data, devops, ...).
bool isTechnicalRole(std::string_view role);

}  // namespace cvlint::conv
