// Engine-side helpers for the editor features (hover, code actions,
// completion, outline): plain structs and source byte offsets, no LSP types.
// The language server wraps each in a short adapter (lsp/features.cpp; named apart from it so that includes never pick the wrong one); the
// CLI's --fix could share safeFixEdits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine.hpp"

namespace cvlint {

// Findings of file `file` whose range holds srcByte (an empty range holds its
// own position; a range's end counts too, so a cursor just after a word finds it).
std::vector<const Finding*> findingsAt(const AnalysisResult& res, uint16_t file, uint32_t srcByte);

// Findings of file `file` intersecting [begin, end] (an empty selection is a point).
std::vector<const Finding*> findingsIn(const AnalysisResult& res, uint16_t file, ByteRange range);

// The fix `fix-all` takes for a finding: the preferred safe one, else the
// first safe one; null when none is safe.
const Fix* chosenSafeFix(const Finding& f);

// Every finding's chosen safe fix whose edits lie in the main file and do not
// overlap an edit already taken (whole fixes only), in finding order.
std::vector<Edit> safeFixEdits(const AnalysisResult& res);

// The edit inserting a `cvlint-disable-next-line RULE` directive above the
// line of a finding, in the file's comment syntax, with that line's indentation.
Edit suppressionEdit(const AnalysisResult& res, const Finding& f);

// Completion at the start of a bullet: when srcByte sits in the first word of
// a list item (after `- `, `* `, `+ `, `1. `, `\item `, or `\resumeItem{`),
// the range of the partial word typed so far (possibly empty).
std::optional<ByteRange> bulletOpeningWord(const SourceText& text, Format format, uint32_t srcByte);

}  // namespace cvlint
