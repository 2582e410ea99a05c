// Whether everything a pull needs works: the platform answers, the key acts as the login, the
// login is an administrator, and it can read the contents of the spaces a pull reads.
#pragma once

#include "platform/tracim.hpp"

#include <string>
#include <vector>

namespace expeer {

struct PlatformCheck {
    TracimAbout about;
    TracimUser login;
    bool administrator = false;
    std::size_t users = 0;
    std::size_t spaces = 0;
    std::vector<std::string> unreadable; // slugs of spaces whose contents the login cannot read
    std::vector<std::string> problems;   // what stops a pull
};

// `spaces`: the slugs a pull reads (empty: all). A bad key or login is an Error of kind
// permission, an unreachable platform one of kind temporary.
PlatformCheck check_platform(TracimClient& tracim, const std::vector<std::string>& spaces);

} // namespace expeer
