#include "platform/tracim.hpp"

#include "platform/json_fields.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>
#include <future>
#include <nlohmann/json.hpp>

namespace expeer {

PlatformRefusal::PlatformRefusal(const std::string& call, long status, std::optional<long> code,
                                 const std::string& message)
    : Error(ErrorKind::failure,
            fmt::format("{}: the platform refused it (HTTP {}{}){}", call, status,
                        code ? fmt::format(", code {}", *code) : std::string(),
                        message.empty() ? std::string() : ": " + message)),
      status_(status), code_(code) {}

bool PlatformRefusal::not_found() const {
    return status_ == 404 ||
           (status_ == 400 && code_ && (*code_ == 1001 || *code_ == 1002 || *code_ == 1003));
}

TracimUser require_administrator(TracimClient& tracim, const std::string& why) {
    TracimUser me = tracim.whoami();
    if (me.profile != "administrators")
        throw Error(
            ErrorKind::permission,
            fmt::format(
                "the platform account '{}' is not an administrator: {} (give platform.login an "
                "administrator's account)",
                printable(me.username.value_or(me.public_name)), why));
    return me;
}

std::string profile_from_tracim(const std::string& profile) {
    if (profile == "administrators") return "admin";
    if (profile == "trusted-users") return "trusted";
    return "member";
}

std::string profile_to_tracim(const std::string& profile) {
    if (profile == "admin") return "administrators";
    if (profile == "trusted") return "trusted-users";
    return "users";
}

std::string platform_id(const char* kind, std::int64_t id) {
    return fmt::format("tracim:{}:{}", kind, id);
}

std::optional<std::int64_t> platform_number(const std::string& external_id, const char* kind) {
    const std::string prefix = fmt::format("tracim:{}:", kind);
    if (!external_id.starts_with(prefix) || external_id.size() == prefix.size() ||
        external_id.size() > prefix.size() + 18)
        return std::nullopt;
    std::int64_t n = 0;
    for (const char c : external_id.substr(prefix.size())) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::string space_role_from_tracim(const std::string& role) {
    return role == "workspace-manager" ? "space-manager" : role;
}
std::string space_role_to_tracim(const std::string& role) {
    return role == "space-manager" ? "workspace-manager" : role;
}

TracimClient::TracimClient(HttpTransport& http, std::string login, long page_size)
    : http_(http), login_(std::move(login)), page_size_(page_size) {}

namespace {

HttpRequest get(std::string path, std::vector<std::pair<std::string, std::string>> query = {}) {
    return {"GET", std::move(path), std::move(query), std::nullopt};
}

std::string id(std::int64_t n) {
    return std::to_string(n);
}

// A short, printable extract of what the platform said about an error.
std::string platform_message(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("message") || !j["message"].is_string()) return {};
    return printable(j["message"].get<std::string>());
}

std::optional<std::int64_t> user_of(const JsonFields& f, const char* name) {
    const auto who = f.object(name);
    return who ? std::optional<std::int64_t>(who->integer("user_id")) : std::nullopt;
}

bool every(const JsonFields&) {
    return true;
}

constexpr std::initializer_list<const char*> roles = {"reader", "contributor", "content-manager",
                                                      "workspace-manager"};

TracimUser user_from(const JsonFields& f) {
    TracimUser u;
    u.id = f.integer("user_id");
    u.email = f.optional_text("email");
    u.public_name = f.text("public_name");
    u.username = f.optional_text("username");
    u.profile = f.choice("profile", {"users", "trusted-users", "administrators"});
    u.lang = f.optional_text("lang").value_or("");
    u.timezone = f.optional_text("timezone").value_or("");
    u.created = f.text("created");
    u.is_active = f.boolean("is_active");
    u.is_deleted = f.boolean("is_deleted");
    return u;
}

TracimContent content_from(const JsonFields& f) {
    TracimContent c;
    c.id = f.integer("content_id");
    c.space_id = f.integer("workspace_id");
    c.parent_id = f.optional_integer("parent_id");
    c.content_type = f.text("content_type");
    c.content_namespace = f.choice("content_namespace", {"content", "upload", "publication"});
    c.label = f.text("label");
    c.filename = f.optional_text("filename").value_or(c.label);
    c.created = f.text("created");
    c.modified = f.text("modified");
    c.author_id = user_of(f, "author");
    c.is_archived = f.boolean("is_archived");
    c.is_deleted = f.boolean("is_deleted");
    return c;
}

TracimEvent event_from(const JsonFields& f) {
    TracimEvent e;
    e.id = f.integer("event_id");
    e.event_type = f.text("event_type");
    e.created = f.text("created");
    const auto fields = f.object("fields");
    if (!fields) return e;
    e.author_id = user_of(*fields, "author");
    if (const auto w = fields->object("workspace")) e.space_id = w->integer("workspace_id");
    if (const auto c = fields->object("content")) {
        e.content_id = c->integer("content_id");
        e.content_type = c->text("content_type");
        e.content_namespace =
            c->optional_text("content_namespace")
                .value_or(c->optional_text("parent_content_namespace").value_or("content"));
        e.revision_type = c->optional_text("current_revision_type").value_or("");
        e.label = c->optional_text("label").value_or("");
        e.filename = c->optional_text("filename").value_or(e.label);
    }
    e.user_id = user_of(*fields, "user");
    if (const auto m = fields->object("member")) e.role = m->optional_text("role").value_or("");
    return e;
}

} // namespace

void TracimClient::refuse(const HttpRequest& request, const HttpResponse& r) const {
    const std::string where = describe_call(request);
    if (r.status == 401)
        throw Error(ErrorKind::permission,
                    fmt::format("{}: the platform refused the login '{}' with this API key: check "
                                "platform.login and "
                                "the key",
                                where, login_));
    std::optional<long> code;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(r.body);
        if (j.is_object() && j.contains("code") && j["code"].is_number_integer())
            code = j["code"].get<long>();
    } catch (const nlohmann::json::exception&) {
        // an error page, not JSON: the status says enough
    }
    throw PlatformRefusal(where, r.status, code, platform_message(j));
}

std::string TracimClient::call(const HttpRequest& request) {
    HttpResponse r = http_.send(request);
    if (r.status < 200 || r.status >= 300) refuse(request, r);
    return std::move(r.body);
}

void TracimClient::paged(HttpRequest request, const std::string& what,
                         const std::function<bool(const JsonFields&)>& wanted,
                         const std::function<void(const JsonFields&)>& visit) {
    request.query.emplace_back("count", std::to_string(page_size_));
    const std::size_t token_at = request.query.size();
    auto page_request = [&](const std::string& token) {
        HttpRequest page = request;
        page.query.resize(token_at);
        if (!token.empty()) page.query.emplace_back("page_token", token);
        return page;
    };
    std::size_t n = 0;
    HttpRequest page = page_request("");
    std::string body = call(page);
    for (;;) {
        const std::string where = describe_call(page);
        const JsonAnswer answer(body, where);
        // Before 4.0 some lists came bare, not in pages.
        simdjson::dom::array items;
        bool has_next = false;
        std::string token;
        if (answer.root().is_object()) {
            const JsonFields envelope(answer.root(), where);
            has_next = envelope.boolean("has_next");
            if (has_next) token = envelope.text("next_page_token");
            items = envelope.list("items");
        } else if (answer.root().get(items) != simdjson::SUCCESS) {
            throw Error(ErrorKind::data, fmt::format("{}: expected a page of {}", where, what));
        }
        const std::size_t count = items.size();
        bool more = has_next && count > 0;
        if (more) {
            simdjson::dom::element last = items.at(count - 1).value_unsafe();
            more = wanted(JsonFields(last, fmt::format("{}: item {}", where, n + count)));
        }
        // Declared first, destroyed last: a future left waiting (an item threw) still finds
        // its request alive. The task owns a copy anyway.
        HttpRequest next_page;
        std::future<std::string> next;
        if (more) {
            next_page = page_request(token);
            next = std::async(std::launch::async,
                              [this, request = next_page] { return call(request); });
        }
        for (const auto item : items) {
            const JsonFields f(item, fmt::format("{}: item {}", where, ++n));
            if (!wanted(f)) break;
            visit(f);
        }
        if (!more) return;
        body = next.get();
        page = next_page;
    }
}

TracimAbout TracimClient::about() {
    const auto request = get("/api/system/about");
    const JsonAnswer answer(call(request), describe_call(request));
    const JsonFields f(answer.root(), describe_call(request));
    return {f.text("name"), f.text("version"), f.optional_text("build_version").value_or("")};
}

TracimUser TracimClient::whoami() {
    const auto request = get("/api/auth/whoami");
    const JsonAnswer answer(call(request), describe_call(request));
    return user_from(JsonFields(answer.root(), describe_call(request)));
}

namespace {

template <typename Row, typename Read>
std::vector<Row> list_of(const std::string& body, const std::string& where, Read&& read) {
    const JsonAnswer answer(body, where);
    simdjson::dom::array items;
    if (answer.root().get(items) != simdjson::SUCCESS)
        throw Error(ErrorKind::data, fmt::format("{}: expected a list", where));
    std::vector<Row> out;
    std::size_t n = 0;
    for (const auto item : items)
        out.push_back(read(JsonFields(item, fmt::format("{}: item {}", where, ++n))));
    return out;
}

} // namespace

std::vector<TracimUser> TracimClient::users() {
    const auto request = get("/api/users");
    const std::string where = describe_call(request);
    return list_of<TracimUser>(call(request), where, user_from);
}

std::vector<TracimSpace> TracimClient::spaces() {
    const auto request = get("/api/workspaces");
    const std::string where = describe_call(request);
    return list_of<TracimSpace>(call(request), where, [](const JsonFields& f) {
        TracimSpace s;
        s.id = f.integer("workspace_id");
        s.slug = f.text("slug");
        s.label = f.text("label");
        s.access_type = f.choice("access_type", {"open", "on_request", "confidential"});
        s.parent_id = f.optional_integer("parent_id");
        s.default_user_role = f.choice("default_user_role", roles);
        s.created = f.text("created");
        s.is_deleted = f.boolean("is_deleted");
        return s;
    });
}

std::vector<TracimMember> TracimClient::members(std::int64_t space) {
    // Disabled accounts are members too: without this their memberships would seem to end.
    const auto request =
        get("/api/workspaces/" + id(space) + "/members", {{"show_disabled_user", "1"}});
    const std::string where = describe_call(request);
    return list_of<TracimMember>(call(request), where, [](const JsonFields& f) {
        return TracimMember{f.integer("user_id"), f.integer("workspace_id"),
                            f.choice("role", roles)};
    });
}

void TracimClient::contents(std::int64_t space, const std::optional<std::string>& since,
                            const std::function<void(const TracimContent&)>& visit) {
    paged(
        get("/api/workspaces/" + id(space) + "/contents",
            // Archived contents are history too: an archived thread was news when it was posted.
            {{"namespaces_filter", "content,upload,publication"},
             {"show_archived", "1"},
             {"sort", "modified:desc"}}),
        "contents", [&](const JsonFields& f) { return !since || f.text("modified") >= *since; },
        [&](const JsonFields& f) { visit(content_from(f)); });
}

void TracimClient::probe_contents(std::int64_t space) {
    call(get("/api/workspaces/" + id(space) + "/contents",
             {{"namespaces_filter", "content,upload,publication"}, {"count", "1"}}));
}

void TracimClient::probe_events(std::int64_t user) {
    call(get("/api/users/" + id(user) + "/messages", {{"include_not_sent", "1"}, {"count", "1"}}));
}

std::vector<TracimComment> TracimClient::comments(std::int64_t space, std::int64_t content) {
    std::vector<TracimComment> out;
    paged(get("/api/workspaces/" + id(space) + "/contents/" + id(content) + "/comments"),
          "comments", every, [&](const JsonFields& f) {
              out.push_back({f.integer("content_id"), f.integer("parent_id"), user_of(f, "author"),
                             f.text("created"), f.optional_text("raw_content").value_or("")});
          });
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.created < b.created; });
    return out;
}

std::vector<TracimRevision> TracimClient::revisions(std::int64_t space, std::int64_t content) {
    std::vector<TracimRevision> out;
    paged(get("/api/workspaces/" + id(space) + "/files/" + id(content) + "/revisions"), "revisions",
          every, [&](const JsonFields& f) {
              out.push_back({f.integer("revision_id"), f.text("revision_type"), f.text("created"),
                             user_of(f, "author"), f.optional_integer("size"),
                             f.optional_text("filename").value_or("")});
          });
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.created < b.created; });
    return out;
}

void TracimClient::revision_bytes(std::int64_t space, std::int64_t content, std::int64_t revision,
                                  const BodySink& sink) {
    const auto request = get("/api/workspaces/" + id(space) + "/files/" + id(content) +
                                 "/revisions/" + id(revision) + "/raw/content",
                             {{"force_download", "1"}});
    const HttpResponse r = http_.send(request, &sink);
    if (r.status < 200 || r.status >= 300) refuse(request, r);
}

void TracimClient::events(std::int64_t user, std::int64_t space, std::optional<std::int64_t> after,
                          const std::optional<std::string>& since,
                          const std::function<void(const TracimEvent&)>& visit) {
    paged(
        get("/api/users/" + id(user) + "/messages",
            {{"workspace_ids", id(space)}, {"include_not_sent", "1"}}),
        "events",
        [&](const JsonFields& f) {
            return (!after || f.integer("event_id") > *after) &&
                   (!since || f.text("created") >= *since);
        },
        [&](const JsonFields& f) { visit(event_from(f)); });
}

TracimUser TracimClient::create_user(const NewTracimUser& u) {
    nlohmann::json body = {{"email", u.email},       {"public_name", u.public_name},
                           {"profile", u.profile},   {"lang", u.lang},
                           {"timezone", u.timezone}, {"email_notification", u.email_notification}};
    const HttpRequest request{"POST", "/api/users", {}, body.dump()};
    const JsonAnswer answer(call(request), describe_call(request));
    return user_from(JsonFields(answer.root(), describe_call(request)));
}

void TracimClient::add_member(std::int64_t space, std::int64_t user, const std::string& role) {
    const nlohmann::json body = {{"user_id", user}, {"role", space_role_to_tracim(role)}};
    call({"POST", "/api/workspaces/" + id(space) + "/members", {}, body.dump()});
}

void TracimClient::set_role(std::int64_t space, std::int64_t user, const std::string& role) {
    const nlohmann::json body = {{"role", space_role_to_tracim(role)}};
    call({"PUT", "/api/workspaces/" + id(space) + "/members/" + id(user), {}, body.dump()});
}

void TracimClient::remove_member(std::int64_t space, std::int64_t user) {
    call({"DELETE", "/api/workspaces/" + id(space) + "/members/" + id(user), {}, std::nullopt});
}

} // namespace expeer
