// Tracim's REST API as expeer uses it (../shared/tracim-api, checked against the backend of
// release 2025-04.00): typed calls, every answer checked field by field. A missing field, a
// value of the wrong type or an unknown enum value is an Error naming the call and the field;
// fields expeer does not use are ignored, as the platform may add some.
#pragma once

#include "platform/http.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <simdjson.h>
#include <string>
#include <vector>

namespace expeer {

struct TracimAbout {
    std::string name;
    std::string version;
    std::string build_version;
};

struct TracimUser {
    std::int64_t id = 0;
    std::optional<std::string> email;
    std::string public_name;
    std::optional<std::string> username;
    std::string profile; // users | trusted-users | administrators
    std::string lang;    // "" when none
    std::string timezone;
    std::string created; // YYYY-MM-DDTHH:MM:SSZ
    bool is_active = true;
    bool is_deleted = false;
};

struct TracimSpace {
    std::int64_t id = 0;
    std::string slug;
    std::string label;
    std::string access_type; // open | on_request | confidential
    std::optional<std::int64_t> parent_id;
    std::string default_user_role;
    std::string created;
    bool is_deleted = false;
};

struct TracimMember {
    std::int64_t user_id = 0;
    std::int64_t space_id = 0;
    std::string role; // reader | contributor | content-manager | workspace-manager
};

struct TracimContent {
    std::int64_t id = 0;
    std::int64_t space_id = 0;
    std::optional<std::int64_t> parent_id;
    std::string content_type;      // thread, file, folder, comment, html-document...
    std::string content_namespace; // content | upload | publication
    std::string label;
    std::string filename;
    std::string created;
    std::string modified;
    std::optional<std::int64_t> author_id;
    bool is_archived = false;
    bool is_deleted = false;
};

struct TracimComment {
    std::int64_t id = 0;
    std::int64_t parent_id = 0;
    std::optional<std::int64_t> author_id;
    std::string created;
    std::string raw_content; // HTML
};

struct TracimRevision {
    std::int64_t id = 0;
    std::string revision_type; // creation | revision | edition | archiving | deletion...
    std::string created;
    std::optional<std::int64_t> author_id;
    std::optional<std::int64_t> size;
    std::string filename;
};

struct TracimEvent {
    std::int64_t id = 0;
    std::string event_type; // content.created.thread, workspace_member.created...
    std::string created;
    std::optional<std::int64_t> author_id;
    std::optional<std::int64_t> space_id;
    std::optional<std::int64_t> content_id;
    std::string content_type;            // "" unless a content event
    std::string content_namespace;       // of the content, or of its parent for a comment
    std::string revision_type;           // of the revision the event is about
    std::string label;                   // the content's
    std::string filename;                // a file's name, with its extension
    std::optional<std::int64_t> user_id; // whom a workspace_member or user event is about
    std::string role;
};

struct NewTracimUser {
    std::string email;
    std::string public_name;
    std::string profile;
    std::string lang;
    std::string timezone;
    bool email_notification = false;
};

// An error the platform answered with: the caller decides (a space the login may not read is
// skipped, an account that exists already is linked). Uncaught, it is a failure naming the
// call, the status and the platform's code.
class PlatformRefusal : public Error {
  public:
    PlatformRefusal(const std::string& call, long status, std::optional<long> code,
                    const std::string& message);
    long status() const { return status_; }
    std::optional<long> code() const { return code_; }
    // Not there (any more): 404, or 400 with code 1001, 1002 or 1003.
    bool not_found() const;
    // The login may not do it: 403 (4002 insufficient profile, 4003 insufficient role).
    bool forbidden() const { return status_ == 403; }

  private:
    long status_;
    std::optional<long> code_;
};

class JsonFields;

class TracimClient {
  public:
    // `login` names the account in messages (a 401 says which login was refused).
    TracimClient(HttpTransport& http, std::string login, long page_size);

    TracimAbout about();
    TracimUser whoami();
    std::vector<TracimUser> users();
    std::vector<TracimSpace> spaces();
    std::vector<TracimMember> members(std::int64_t space);
    // Every content of the space (files, threads, folders, comments...) changed at or after
    // `since` (all when empty), the latest change first.
    void contents(std::int64_t space, const std::optional<std::string>& since,
                  const std::function<void(const TracimContent&)>& visit);
    // Whether the login may read the space's contents: one item asked for (a refusal throws).
    void probe_contents(std::int64_t space);
    // Whether the login may read `user`'s feed: one event asked for.
    void probe_events(std::int64_t user);
    std::vector<TracimComment> comments(std::int64_t space, std::int64_t content);   // oldest first
    std::vector<TracimRevision> revisions(std::int64_t space, std::int64_t content); // oldest first
    void revision_bytes(std::int64_t space, std::int64_t content, std::int64_t revision,
                        const BodySink& sink);
    // The events of `space` in the feed of `user` (a member: the feed holds the space's whole
    // history) newer than `after` and at or after `since` (either may be empty), newest first.
    void events(std::int64_t user, std::int64_t space, std::optional<std::int64_t> after,
                const std::optional<std::string>& since,
                const std::function<void(const TracimEvent&)>& visit);

    TracimUser create_user(const NewTracimUser& user);
    void add_member(std::int64_t space, std::int64_t user, const std::string& role);
    void set_role(std::int64_t space, std::int64_t user, const std::string& role);
    void remove_member(std::int64_t space, std::int64_t user);

  private:
    // The answer's JSON, after mapping an error status to PlatformRefusal (401: an Error of
    // kind permission naming the login).
    std::string call(const HttpRequest& request);
    [[noreturn]] void refuse(const HttpRequest& request, const HttpResponse& response) const;
    // The items of a keyset-paged list, page after page, while `wanted` holds of an item.
    // The next page is asked for while this one is read, when its last item is still wanted:
    // the platform's time and expeer's overlap. `visit` must not call the client meanwhile.
    void paged(HttpRequest request, const std::string& what,
               const std::function<bool(const JsonFields& item)>& wanted,
               const std::function<void(const JsonFields& item)>& visit);

    HttpTransport& http_;
    std::string login_;
    long page_size_;
};

// The login's account, which must be an administrator of the platform (`why` says what
// needs it); otherwise an Error of kind permission naming the account.
TracimUser require_administrator(TracimClient& tracim, const std::string& why);

// Tracim's profiles as expeer names them and back (administrators is admin).
std::string profile_from_tracim(const std::string& profile);
std::string profile_to_tracim(const std::string& profile);

// "tracim:user:12" and back: the platform's ids as expeer keeps them.
std::string platform_id(const char* kind, std::int64_t id);
std::optional<std::int64_t> platform_number(const std::string& external_id, const char* kind);

// Tracim's roles as expeer names them and back (workspace-manager is space-manager).
std::string space_role_from_tracim(const std::string& role);
std::string space_role_to_tracim(const std::string& role);

} // namespace expeer
