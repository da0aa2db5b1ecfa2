// Configuration: one schema for `.cvlint.json`, the LSP settings section
// `cvlint`, CLI flags and `cvlint:` directives (in increasing priority, with
// directives applying to their own file only). Parsing lives in config.cpp;
// this header stays free of JSON types so it can be included everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cvlint {

enum class Severity : uint8_t { Error, Warning, Info, Hint, Off };

const char* severityName(Severity s);                 // "error", "warning", ...
std::optional<Severity> parseSeverity(std::string_view s);

enum class Locale : uint8_t { EnGB, EnUS };

const char* localeName(Locale l);  // "en-GB" / "en-US"

// The role a LaTeX command plays, overridable in config (latex.commands).
enum class CommandRole : uint8_t { Text, Bullet, Entry, Heading, Ignore };

struct RenderProfile {
  std::string paper = "letter";  // pandoc's default LaTeX template: US letter
  double fontSizePt = 10;        // pandoc default: 10pt article
  std::string margin;            // empty = the template's default
};

struct Config {
  Locale locale = Locale::EnGB;
  int pages = 2;
  std::string role = "backend-developer";
  std::string job;                                  // advert path, relative to the config's folder
  std::map<std::string, Severity> rules;            // per-rule severity or Off
  std::vector<std::string> weakWords;               // extra weak openers
  std::vector<std::string> allowWords;              // never flagged
  std::map<std::string, CommandRole> latexCommands; // macro name -> role
  RenderProfile render;
  bool renderSet = false;                           // a render profile was configured
  bool exactPages = false;
  std::string trace = "off";
  std::string baseDir;                              // folder `job` is relative to
};

// A problem found while reading configuration: the key path and what is wrong.
struct ConfigError {
  std::string key;      // "rules.buzzword", "pages"
  std::string message;  // "expected a number"
};

// Merges a JSON object (text) into cfg. Unknown keys and bad values are
// reported in errors and leave cfg unchanged for that key; parsing never
// throws. Returns false when the text is not a JSON object at all.
bool mergeConfigJson(Config& cfg, std::string_view jsonText, std::vector<ConfigError>& errors);

// Applies `cvlint: key=value` directive settings (job, pages, locale, role).
void mergeDirectiveSettings(Config& cfg, const std::map<std::string, std::string>& settings,
                            std::vector<ConfigError>& errors);

}  // namespace cvlint
