// Helpers for the keyword tests: an in-memory FileProvider holding the advert,
// a lint() that reads it as the `job` setting, and the advert's keywords.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine.hpp"
#include "keywords/advert.hpp"
#include "keywords/keywords.hpp"
#include "testing.hpp"

namespace cvlint::kwtest {

class MemoryFiles : public FileProvider {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> read(const std::string& path) const override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  bool allowed(const std::string&) const override { return true; }
};

// Lints a CV (cv.md / cv.tex in /mem) against an advert at /mem/job.md.
inline AnalysisResult lintWithAdvert(std::string_view cv, std::string_view advert, Format format = Format::Markdown,
                                     Config config = {}) {
  static MemoryFiles files;  // AnalysisResult keeps no pointer to it, but keep it alive anyway
  files.files.clear();
  files.files["/mem/job.md"] = std::string(advert);
  config.job = "/mem/job.md";
  AnalysisRequest req;
  req.path = format == Format::Latex ? "/mem/cv.tex" : "/mem/cv.md";
  req.text = std::string(cv);
  req.format = format;
  req.config = config;
  req.files = &files;
  return analyze(req);
}

// The keyword forms an advert yields, in order.
inline std::vector<std::string> forms(std::string_view advert) {
  std::vector<std::string> out;
  for (const kw::AdvertKeyword& k : kw::extractAdvertKeywords(advert)) out.push_back(k.form);
  return out;
}

inline bool has(const std::vector<std::string>& xs, std::string_view x) {
  for (const std::string& s : xs)
    if (s == x) return true;
  return false;
}

inline const kw::AdvertKeyword* keyword(const std::vector<kw::AdvertKeyword>& ks, std::string_view form) {
  for (const kw::AdvertKeyword& k : ks)
    if (k.form == form) return &k;
  return nullptr;
}

inline const KeywordMatch* match(const AnalysisResult& res, std::string_view keyword) {
  if (!res.keywords) return nullptr;
  for (const KeywordMatch& m : res.keywords->matches)
    if (m.keyword == keyword) return &m;
  return nullptr;
}

inline std::vector<std::string> missingKeywords(const AnalysisResult& res) {
  std::vector<std::string> out;
  for (const Finding& f : test::findings(res, "missing-keyword"))
    for (const auto& [k, v] : f.data)
      if (k == "keyword") out.push_back(std::get<std::string>(v));
  return out;
}

}  // namespace cvlint::kwtest
