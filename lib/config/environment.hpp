// A snapshot of the process environment, taken once in main and passed in, so the library
// never reads global state and tests can hand in their own.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace expeer {

struct Environment {
    std::map<std::string, std::string> variables;

    static Environment from_process(char** envp);
    std::optional<std::string> get(const std::string& name) const;
    // The variable, or `fallback` when it is unset or empty.
    std::string get_or(const std::string& name, const std::string& fallback) const;
};

} // namespace expeer
