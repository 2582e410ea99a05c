#include "platform/check.hpp"

#include "util/printable.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace expeer {

PlatformCheck check_platform(TracimClient& tracim, const std::vector<std::string>& spaces) {
    PlatformCheck c;
    c.about = tracim.about();
    c.login = tracim.whoami();
    c.administrator = c.login.profile == "administrators";
    if (!c.administrator) {
        c.problems.push_back(fmt::format(
            "the account is a '{}' profile: a pull needs an administrator, who reads every "
            "account and space",
            printable(c.login.profile)));
        return c;
    }
    c.users = tracim.users().size();
    tracim.probe_events(c.login.id); // a pull reads each space's feed through a member's
    const auto all = tracim.spaces();
    for (const auto& space : all) {
        if (space.is_deleted) continue;
        ++c.spaces;
        if (!spaces.empty() && std::find(spaces.begin(), spaces.end(), space.slug) == spaces.end())
            continue;
        try {
            tracim.members(space.id);
            tracim.probe_contents(space.id);
        } catch (const PlatformRefusal& e) {
            if (!e.forbidden() && !e.not_found()) throw;
            c.unreadable.push_back(space.slug);
        }
    }
    for (const auto& slug : spaces)
        if (std::none_of(all.begin(), all.end(),
                         [&](const TracimSpace& s) { return s.slug == slug; }))
            c.problems.push_back(fmt::format(
                "platform.spaces names '{}', a space the platform does not have", printable(slug)));
    return c;
}

} // namespace expeer
