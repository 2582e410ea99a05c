// From expeer to the platform: an account for each member who has none there yet, and, when
// asked, the platform's memberships and roles made to match expeer's in the spaces both have.
// Idempotent: an account that exists already (the platform's code 2036, or found by its
// email) is linked, not created again; a membership there already (3008) is success. Each
// account's platform id is recorded in a transaction of its own as soon as it exists, so a
// run that dies leaves nothing half-recorded, and the next one links what it created.
#pragma once

#include "platform/tracim.hpp"

#include <string>
#include <vector>

namespace expeer {

class Clock;
class Countries;
class Database;

struct PushRequest {
    bool dry_run = false;
    // Which members: terms of an email, or country=, language=, organisation= (all must hold).
    std::vector<std::string> members;
    bool memberships = false;
};

struct PushedMember {
    std::string email;
    std::string outcome; // created, linked, failed (with dry_run: would create, would link)
    std::string detail;  // the platform's reason for a failure
};

struct PushedMembership {
    std::string space; // slug
    std::string email;
    std::string outcome; // added, role changed, removed, already, failed (or would ...)
    std::string detail;
};

struct PushReport {
    std::vector<PushedMember> members;
    std::vector<PushedMembership> memberships;
    std::size_t failed = 0;
    bool written = false;
};

struct PushContext {
    const Clock& clock;
    std::string actor;
    const Countries& countries;
    bool invite = false;   // the platform emails an invitation (platform.invite)
    std::string time_zone; // given to new accounts
};

PushReport push_platform(Database& db, TracimClient& tracim, const PushRequest& request,
                         const PushContext& context);

} // namespace expeer
