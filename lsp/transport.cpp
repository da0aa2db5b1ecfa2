// The Content-Length framing decoder; see transport.hpp.
#include "transport.hpp"

#include <algorithm>

namespace cvlint::lsp {

namespace {

constexpr std::string_view kLengthHeader = "content-length:";

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Offset of the last case-insensitive `Content-Length:` in s, or npos.
size_t findLastLengthHeader(std::string_view s) {
  if (s.size() < kLengthHeader.size()) return std::string_view::npos;
  for (size_t i = s.size() - kLengthHeader.size() + 1; i-- > 0;) {
    bool match = true;
    for (size_t k = 0; k < kLengthHeader.size() && match; ++k) match = lower(s[i + k]) == kLengthHeader[k];
    if (match) return i;
  }
  return std::string_view::npos;
}

// Offset of the first `Content-Length:` in s, or of a start of one cut off
// by the end of s ("...Content-Le"); npos when there is neither.
size_t findFirstLengthHeader(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    size_t n = std::min(kLengthHeader.size(), s.size() - i);
    bool match = true;
    for (size_t k = 0; k < n && match; ++k) match = lower(s[i + k]) == kLengthHeader[k];
    if (match) return i;
  }
  return std::string_view::npos;
}

Frame error(std::string msg) {
  Frame f;
  f.kind = Frame::Kind::Error;
  f.error = std::move(msg);
  return f;
}

}  // namespace

void FrameDecoder::feed(std::string_view bytes) {
  compact();
  buf_.append(bytes);
}

void FrameDecoder::compact() {
  if (pos_ > 0 && (pos_ >= buf_.size() || pos_ > (size_t{1} << 16))) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

void FrameDecoder::resyncFrom(std::string_view badBody) {
  size_t at = findFirstLengthHeader(badBody);
  if (at == std::string_view::npos) return;
  std::string_view tail = badBody.substr(at);
  buf_.insert(pos_, tail);
}

std::optional<Frame> FrameDecoder::next() {
  for (;;) {
    std::string_view rest = std::string_view(buf_).substr(pos_);
    if (bodyBytes_) {
      if (rest.size() < *bodyBytes_) return std::nullopt;
      Frame f;
      f.body.assign(rest.substr(0, *bodyBytes_));
      pos_ += *bodyBytes_;
      bodyBytes_.reset();
      compact();
      return f;
    }
    size_t end = rest.find("\r\n\r\n");
    if (end == std::string_view::npos) {
      if (rest.size() <= kMaxHeaderBytes) return std::nullopt;
      // Garbage with no end of header in sight: keep only what may be the
      // start of the next header.
      size_t at = findLastLengthHeader(rest);
      size_t keep = at != std::string_view::npos && rest.size() - at < 256 ? rest.size() - at : 3;
      pos_ += rest.size() - keep;
      compact();
      return error("header block longer than 64 KiB without an end: skipped");
    }
    std::string_view header = rest.substr(0, end);
    pos_ += end + 4;
    if (header.empty()) continue;  // a stray blank line between messages
    size_t at = findLastLengthHeader(header);
    if (at == std::string_view::npos) {
      compact();
      return error("header without Content-Length: skipped");
    }
    std::string_view value = header.substr(at + kLengthHeader.size());
    size_t eol = value.find("\r\n");
    if (eol != std::string_view::npos) value = value.substr(0, eol);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.remove_suffix(1);
    bool digits = !value.empty() && value.size() <= 19 &&
                  std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      compact();
      return error("bad Content-Length value: skipped");
    }
    unsigned long long n = std::stoull(std::string(value));
    if (n > maxBody_) {
      // Refused without reserving memory: the bytes that follow are treated
      // as garbage until the next header.
      compact();
      return error("message of " + std::to_string(n) + " bytes is over the " + std::to_string(maxBody_ >> 20) +
                   " MiB limit: refused");
    }
    bodyBytes_ = static_cast<size_t>(n);
  }
}

std::string frameMessage(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace cvlint::lsp
