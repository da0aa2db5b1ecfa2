// Reading configuration from JSON (.cvlint.json, LSP settings) and from
// `cvlint:` directives. Every bad key or value becomes a ConfigError naming
// the key; nothing here throws out of these functions.
#include "config.hpp"

#include <nlohmann/json.hpp>

#include "keywords/taxonomy.hpp"
#include "rules/rule.hpp"

namespace cvlint {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Hint: return "hint";
    case Severity::Off: return "off";
  }
  return "off";
}

std::optional<Severity> parseSeverity(std::string_view s) {
  if (s == "error") return Severity::Error;
  if (s == "warning" || s == "warn") return Severity::Warning;
  if (s == "info" || s == "information") return Severity::Info;
  if (s == "hint") return Severity::Hint;
  if (s == "off" || s == "none") return Severity::Off;
  return std::nullopt;
}

const char* localeName(Locale l) { return l == Locale::EnUS ? "en-US" : "en-GB"; }

namespace {

using nlohmann::json;

std::optional<Locale> parseLocale(std::string_view s) {
  if (s == "en-GB" || s == "en_GB" || s == "en-gb") return Locale::EnGB;
  if (s == "en-US" || s == "en_US" || s == "en-us") return Locale::EnUS;
  return std::nullopt;
}

std::optional<CommandRole> parseRole(std::string_view s) {
  if (s == "text") return CommandRole::Text;
  if (s == "bullet") return CommandRole::Bullet;
  if (s == "entry") return CommandRole::Entry;
  if (s == "heading") return CommandRole::Heading;
  if (s == "ignore") return CommandRole::Ignore;
  return std::nullopt;
}

void err(std::vector<ConfigError>& errors, std::string key, std::string msg) {
  errors.push_back({std::move(key), std::move(msg)});
}

bool setPages(Config& cfg, const json& v, std::vector<ConfigError>& errors, const std::string& key) {
  if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 100) {
    err(errors, key, "expected a whole number of pages from 1 to 100");
    return false;
  }
  cfg.pages = static_cast<int>(v.get<long long>());
  return true;
}

void readStringList(const json& v, std::vector<std::string>& out, std::vector<ConfigError>& errors,
                    const std::string& key) {
  if (!v.is_array()) return err(errors, key, "expected an array of strings");
  std::vector<std::string> list;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) return err(errors, key + "[" + std::to_string(i) + "]", "expected a string");
    list.push_back(v[i].get<std::string>());
  }
  out = std::move(list);
}

void mergeObject(Config& cfg, const json& j, std::vector<ConfigError>& errors) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "locale") {
      auto l = v.is_string() ? parseLocale(v.get<std::string>()) : std::nullopt;
      if (!l) err(errors, k, "expected \"en-GB\" or \"en-US\"");
      else cfg.locale = *l;
    } else if (k == "pages") {
      setPages(cfg, v, errors, k);
    } else if (k == "role") {
      if (!v.is_string() || v.get<std::string>().empty()) err(errors, k, "expected a role name");
      else if (!lookupRoleProfile(v.get<std::string>()))
        err(errors, k, "unknown role `" + v.get<std::string>() + "` (known: " + roleNames() + ")");
      else cfg.role = v.get<std::string>();
    } else if (k == "job") {
      if (v.is_null()) cfg.job.clear();
      else if (!v.is_string()) err(errors, k, "expected a path to a job advert");
      else cfg.job = v.get<std::string>();
    } else if (k == "rules") {
      if (!v.is_object()) {
        err(errors, k, "expected an object of rule: severity");
        continue;
      }
      for (auto r = v.begin(); r != v.end(); ++r) {
        std::string key = "rules." + r.key();
        if (!findRule(r.key())) {
          err(errors, key, "unknown rule (see `cvlint rules`)");
          continue;
        }
        auto s = r.value().is_string() ? parseSeverity(r.value().get<std::string>()) : std::nullopt;
        if (!s) err(errors, key, "expected \"error\", \"warning\", \"info\", \"hint\" or \"off\"");
        else cfg.rules[r.key()] = *s;
      }
    } else if (k == "words") {
      if (!v.is_object()) {
        err(errors, k, "expected an object with \"weak\" and/or \"allow\" lists");
        continue;
      }
      for (auto w = v.begin(); w != v.end(); ++w) {
        if (w.key() == "weak") readStringList(w.value(), cfg.weakWords, errors, "words.weak");
        else if (w.key() == "allow") readStringList(w.value(), cfg.allowWords, errors, "words.allow");
        else err(errors, "words." + w.key(), "unknown key (expected \"weak\" or \"allow\")");
      }
    } else if (k == "latex") {
      if (!v.is_object()) {
        err(errors, k, "expected an object with \"commands\"");
        continue;
      }
      for (auto l = v.begin(); l != v.end(); ++l) {
        if (l.key() != "commands") {
          err(errors, "latex." + l.key(), "unknown key (expected \"commands\")");
          continue;
        }
        if (!l.value().is_object()) {
          err(errors, "latex.commands", "expected an object of command: role");
          continue;
        }
        for (auto c = l.value().begin(); c != l.value().end(); ++c) {
          auto role = c.value().is_string() ? parseRole(c.value().get<std::string>()) : std::nullopt;
          std::string name = c.key();
          if (!name.empty() && name[0] == '\\') name.erase(0, 1);
          if (!role) err(errors, "latex.commands." + c.key(), "expected \"text\", \"bullet\", \"entry\", \"heading\" or \"ignore\"");
          else cfg.latexCommands[name] = *role;
        }
      }
    } else if (k == "render") {
      if (!v.is_object()) {
        err(errors, k, "expected an object with paper, fontSize, margin");
        continue;
      }
      for (auto r = v.begin(); r != v.end(); ++r) {
        std::string key = "render." + r.key();
        if (r.key() == "paper") {
          std::string p = r.value().is_string() ? r.value().get<std::string>() : "";
          if (p != "a4" && p != "letter") err(errors, key, "expected \"a4\" or \"letter\"");
          else cfg.render.paper = p, cfg.renderSet = true;
        } else if (r.key() == "fontSize") {
          if (!r.value().is_number() || r.value().get<double>() < 5 || r.value().get<double>() > 30)
            err(errors, key, "expected a font size in points (10, 11 or 12)");
          else cfg.render.fontSizePt = r.value().get<double>(), cfg.renderSet = true;
        } else if (r.key() == "margin") {
          if (!r.value().is_string()) err(errors, key, "expected a TeX length such as \"2cm\"");
          else cfg.render.margin = r.value().get<std::string>(), cfg.renderSet = true;
        } else {
          err(errors, key, "unknown key (expected paper, fontSize or margin)");
        }
      }
    } else if (k == "exactPages") {
      if (!v.is_boolean()) err(errors, k, "expected true or false");
      else cfg.exactPages = v.get<bool>();
    } else if (k == "trace") {
      if (!v.is_string()) err(errors, k, "expected \"off\", \"messages\" or \"verbose\"");
      else cfg.trace = v.get<std::string>();
    } else if (k == "path" || k == "$schema") {
      // `path` is the client's own setting (where the binary is); ignore it here.
    } else {
      err(errors, k, "unknown setting");
    }
  }
}

}  // namespace

bool mergeConfigJson(Config& cfg, std::string_view jsonText, std::vector<ConfigError>& errors) {
  json j = json::parse(jsonText.begin(), jsonText.end(), nullptr, /*allow_exceptions=*/false,
                       /*ignore_comments=*/true);
  if (j.is_discarded()) {
    err(errors, "", "not valid JSON");
    return false;
  }
  if (j.is_null()) return true;
  if (!j.is_object()) {
    err(errors, "", "expected a JSON object");
    return false;
  }
  try {
    mergeObject(cfg, j, errors);
  } catch (const std::exception& e) {
    err(errors, "", e.what());
  }
  return true;
}

void mergeDirectiveSettings(Config& cfg, const std::map<std::string, std::string>& settings,
                            std::vector<ConfigError>& errors) {
  for (const auto& [k, v] : settings) {
    if (k == "job") {
      cfg.job = v;
    } else if (k == "pages") {
      int n = 0;
      bool ok = !v.empty() && v.size() < 4;
      for (char c : v) {
        if (!ok || c < '0' || c > '9') {  // no arithmetic on a value already refused
          ok = false;
          break;
        }
        n = n * 10 + (c - '0');
      }
      if (!ok || n < 1) err(errors, k, "expected a whole number of pages");
      else cfg.pages = n;
    } else if (k == "locale") {
      auto l = parseLocale(v);
      if (!l) err(errors, k, "expected en-GB or en-US");
      else cfg.locale = *l;
    } else if (k == "role") {
      if (!lookupRoleProfile(v)) err(errors, k, "unknown role `" + v + "` (known: " + roleNames() + ")");
      else cfg.role = v;
    } else {
      err(errors, k, "unknown directive setting (job, pages, locale, role)");
    }
  }
}

}  // namespace cvlint
