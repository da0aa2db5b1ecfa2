// Writing a user's file without ever losing it (`cvlint check --fix`): the new
// text goes to a temporary file in the same folder, is synced, gets the
// original's permission bits, and replaces the original by rename(2), so that a
// reader sees either the old file or the new one, never a part. Nothing is
// written when the file on disk no longer holds what was read (checked before
// the temporary file is made and again just before the rename), and on any
// error the original is left untouched and the temporary file removed. A
// symbolic link is followed: its target is replaced, the link kept.
#pragma once

#include <functional>
#include <string>

namespace cvlint {

// A test seam: called before each step ("tempfile", "write", "sync", "rename");
// returning false makes that step fail as an I/O error would.
using WriteStepHook = std::function<bool(const char* step)>;

// Replaces the file at `path` by `text` when it still holds `expected`.
// False with `error` set (one short phrase, no file contents) otherwise.
bool writeFileSafely(const std::string& path, const std::string& expected, const std::string& text,
                     std::string& error, const WriteStepHook& hook = nullptr);

}  // namespace cvlint
