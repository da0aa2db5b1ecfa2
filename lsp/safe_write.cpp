// See safe_write.hpp.
#include "safe_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

namespace cvlint {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

}  // namespace

bool writeFileSafely(const std::string& pathIn, const std::string& expected, const std::string& text,
                     std::string& error, const WriteStepHook& hook) {
  auto step = [&](const char* s) { return !hook || hook(s); };
  // Follow a symbolic link: the rename must replace the target, not the link.
  std::error_code ec;
  fs::path canon = fs::canonical(pathIn, ec);
  if (ec) {
    error = "cannot resolve the path: " + ec.message();
    return false;
  }
  const std::string path = canon.string();
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "not a regular file";
    return false;
  }
  auto unchanged = [&] {
    auto now = slurp(path);
    return now && *now == expected;
  };
  if (!unchanged()) {
    error = "changed on disk since it was read; not written";
    return false;
  }
  std::string tmp = (canon.parent_path() / ("." + canon.filename().string() + ".cvlint-XXXXXX")).string();
  std::vector<char> buf(tmp.begin(), tmp.end());
  buf.push_back('\0');
  int fd = step("tempfile") ? ::mkstemp(buf.data()) : -1;
  if (fd < 0) {
    error = "cannot create a temporary file beside it";
    return false;
  }
  tmp = buf.data();
  auto fail = [&](const char* why) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    error = why;
    return false;
  };
  if (!step("write")) return fail("write failed");
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n <= 0) return fail("write failed");
    off += static_cast<size_t>(n);
  }
  if (!step("sync") || ::fsync(fd) != 0 || ::fchmod(fd, st.st_mode & 07777) != 0)
    return fail("cannot sync or set permissions");
  // Keep the owner when we may (running as root on someone else's file).
  if (::fchown(fd, st.st_uid, st.st_gid) != 0) { /* not permitted: keep ours */ }
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("write failed");
  // The window between the first check and here is where an editor may have
  // saved: look again, as late as possible.
  if (!unchanged()) return fail("changed on disk since it was read; not written");
  if (!step("rename") || ::rename(tmp.c_str(), path.c_str()) != 0) return fail("rename failed");
  return true;
}

}  // namespace cvlint
