// The skills taxonomy and the role profiles, kept as data (data/skills.cpp,
// data/roles.cpp): each skill has a canonical form, a category and its
// aliases, written in a small alias language so the table stays readable:
//
//   "PostgreSQL|Postgres|psql"   aliases separated by '|', the first is canonical
//   "!React"                     case-sensitive: "react to incidents" is not React
//   "?Go"                        case-sensitive and only in a skill-ish context
//                                (a list of skills, "in Go", "Go services")
//   "%C"                         case-sensitive and only when clearly listed
//                                (next to other skills, after "Languages:")
//   "REST API(s)"                plural tolerant: "REST API" and "REST APIs"
//
// Matching folds case (unless '!', '?', '%') and treats '.', '-', '_' and
// spaces inside a name as optional, so "Node.js", "NodeJS" and "node js" are
// one key; '+', '#' and '/' are significant (C++, C#, CI/CD).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace cvlint {

enum class SkillCategory : uint8_t {
  Language,
  Frontend,
  Backend,
  Mobile,
  Database,
  Cloud,
  DevOps,
  Data,
  Testing,
  Practice,
  Methodology,
  Security,
  Tool,
  Certification,
};

const char* skillCategoryName(SkillCategory c);

struct SkillDef {
  SkillCategory category;
  const char* aliases;  // the alias language above; the first alias is canonical
};

// Every skill, in table order (the index is the skill id).
std::span<const SkillDef> skillTable();

struct RoleProfile {
  const char* name;        // "backend-developer"
  const char* title;       // "backend developer"
  const char* const* skills;  // canonical names, most important first; null-terminated
  int essentialCount;      // the first N are core (essential), the rest desirable
};

std::span<const RoleProfile> roleProfiles();
// The profile of a role name (aliases like "sre", "backend" accepted); the
// backend-developer profile when the name is unknown.
const RoleProfile& findRoleProfile(std::string_view name);
// The same, null when the name is no known role or alias (config checks it).
const RoleProfile* lookupRoleProfile(std::string_view name);
// The canonical role names, comma-separated, for error messages.
std::string roleNames();

}  // namespace cvlint
