#include "news/news.hpp"

#include "members/registry.hpp"
#include "spaces/permissions.hpp"
#include "spaces/registry.hpp"
#include "spaces/visibility.hpp"
#include "store/activity_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "store/news_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace expeer {

namespace {

constexpr std::size_t max_title_length = 300;
constexpr std::size_t max_body_length = 100000;

void check_body(std::vector<FieldError>& errors, const std::string& body) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"body", "", "must not be empty"});
    else if (auto problem = text::multi_line_problem(body);
             problem || (problem = text::length_problem(body, {max_body_length, max_body_length})))
        errors.push_back({"body", shown_value(body), *problem});
}

// The author `as` names: an unknown one is reported with the other field errors. Whether
// they may write is for authorize().
std::optional<Member> author_named(MemberStore& members, const std::optional<std::string>& as,
                                   std::vector<FieldError>& errors) {
    if (!as) {
        errors.push_back({"author", "", "is required (--as)"});
        return std::nullopt;
    }
    try {
        return find_member(members, *as);
    } catch (const Error&) {
        errors.push_back({"author", shown_value(*as), "no such member"});
        return std::nullopt;
    }
}

void check_title(std::vector<FieldError>& errors, const std::string& title) {
    if (const auto problem = text::single_line_field_problem(text::trim(title), text::limit_for(max_title_length)))
        errors.push_back({"title", shown_value(title), *problem});
    else if (text::trim(title).empty())
        errors.push_back({"title", "", "must not be empty"});
}

std::string posting_time(const std::optional<std::string>& at, const Clock& clock, std::vector<FieldError>& errors) {
    if (!at) return format_timestamp(clock.now());
    if (!parse_timestamp(*at)) errors.push_back({"time", shown_value(*at), "must be a UTC time as 2024-05-01T10:00:00Z"});
    return *at;
}

// What was pulled from the platform is changed there; the next pull brings the change.
void refuse_pulled(const char* what, std::int64_t id, const std::optional<std::string>& external_id) {
    if (external_id)
        throw InvalidInput({{what, std::to_string(id),
                             "came from the collaboration platform: change it there, the next pull brings the change"}});
}

News news_numbered(Database& db, std::int64_t id) {
    auto news = find_news(db, id);
    if (!news) throw Error(ErrorKind::not_found, fmt::format("no news {}", id));
    return *news;
}

Comment comment_numbered(Database& db, std::int64_t id) {
    auto comment = find_comment(db, id);
    if (!comment) throw Error(ErrorKind::not_found, fmt::format("no comment {}", id));
    return *comment;
}

Space space_of(Database& db, std::int64_t space_id) { return *SpaceStore(db).find_by_id(space_id); }

// Changing what someone wrote: their own needs contributor, another's content-manager.
Authority authorize_change(Database& db, const Space& space, const Acting& who,
                           const std::optional<std::int64_t>& author_id, const std::string& what) {
    std::optional<Member> member;
    if (who.as) {
        MemberStore members(db);
        member = find_member(members, *who.as);
    }
    const bool own = member && author_id == member->id;
    return authorize(db, space, member, who.as_admin, own ? SpaceAction::change_own : SpaceAction::change_others,
                     own ? what : what + " of another member");
}

std::string author_name(MemberStore& members, const std::optional<std::int64_t>& author_id) {
    if (author_id)
        if (const auto m = members.find_by_id(*author_id); m && m->status != "erased") return m->display_name;
    return former_member;
}

} // namespace

NewsBoard::NewsBoard(Database& db, const Clock& clock, std::string actor)
    : db_(db), clock_(clock), actor_(std::move(actor)) {}

News NewsBoard::post(const std::string& space_slug, const Acting& author, const std::string& title,
                     const std::string& body, const std::optional<std::string>& at) {
    return db_.write([&](Write& w) {
        SpaceStore spaces(db_);
        MemberStore members(db_);
        std::vector<FieldError> errors;
        const auto space = spaces.find_by_slug(space_slug);
        if (!space) errors.push_back({"space", shown_value(space_slug), "no such space"});
        const auto m = author_named(members, author.as, errors);
        // Who may post is settled before what they wrote is looked at.
        Authority authority;
        if (space && m) authority = authorize(db_, *space, m, author.as_admin, SpaceAction::post, "post news");
        check_title(errors, title);
        check_body(errors, body);
        const std::string when = posting_time(at, clock_, errors);
        if (!errors.empty()) throw InvalidInput(std::move(errors));

        News news{0, space->id, m->id, text::nfc(text::trim(title)), text::nfc(body), when, std::nullopt, std::nullopt};
        news.id = insert_news(db_, news);
        record_content_activity(db_, {0, std::nullopt, when, m->id, "news", space->id, news.title}, news.id, std::nullopt);
        w.audit({0, format_timestamp(clock_.now()), actor_, "news.post", "news", std::to_string(news.id),
                 authority.audit_details()});
        return news;
    });
}

Comment NewsBoard::comment(std::int64_t news_id, const Acting& author, const std::string& body,
                           const std::optional<std::string>& at) {
    return db_.write([&](Write& w) {
        MemberStore members(db_);
        std::vector<FieldError> errors;
        const auto news = find_news(db_, news_id);
        if (!news) errors.push_back({"news", std::to_string(news_id), "no such news"});
        const auto m = author_named(members, author.as, errors);
        Authority authority;
        if (news && m)
            authority = authorize(db_, space_of(db_, news->space_id), m, author.as_admin, SpaceAction::post, "comment");
        check_body(errors, body);
        const std::string when = posting_time(at, clock_, errors);
        if (!errors.empty()) throw InvalidInput(std::move(errors));

        Comment comment{0, news_id, m->id, text::nfc(body), when, std::nullopt, std::nullopt};
        comment.id = insert_comment(db_, comment);
        record_content_activity(db_, {0, std::nullopt, when, m->id, "comment", news->space_id, news->title}, news_id,
                                comment.id);
        w.audit({0, format_timestamp(clock_.now()), actor_, "news.comment", "comment", std::to_string(comment.id),
                 authority.audit_details()});
        return comment;
    });
}

std::vector<NewsItem> NewsBoard::list(const NewsFilter& filter) {
    SpaceStore spaces(db_);
    MemberStore members(db_);
    const auto all_spaces = spaces.all();
    std::optional<std::int64_t> space_id, author_id;
    if (filter.space) space_id = find_space(spaces, *filter.space).id;
    if (filter.author) author_id = find_member(members, *filter.author).id;
    const auto public_ids = public_space_ids(all_spaces);
    std::optional<std::set<std::int64_t>> readable; // by filter.reader
    if (filter.reader) {
        const Member reader = find_member(members, *filter.reader);
        readable.emplace();
        for (const auto& [id, space] : all_spaces) {
            Standing standing{reader.status, reader.profile, std::nullopt, public_ids.count(id) > 0,
                              space.archived_on.has_value()};
            if (const auto membership = spaces.current_membership(id, reader.id)) standing.role = membership->role;
            if (decide(SpaceAction::read, standing).allowed()) readable->insert(id);
        }
    }

    std::vector<NewsItem> items;
    for_each_news(db_, space_id, author_id, filter.since, [&](const News& news, std::size_t comment_count) {
        if (filter.limit && items.size() >= filter.limit) return;
        if (filter.public_only && !public_ids.count(news.space_id)) return;
        if (readable && !readable->count(news.space_id)) return;
        items.push_back({news, all_spaces.at(news.space_id).slug, author_name(members, news.author_id), comment_count});
    });
    return items;
}

NewsItem NewsBoard::show(std::int64_t news_id, const std::optional<std::string>& reader) {
    const News news = news_numbered(db_, news_id);
    const Space space = space_of(db_, news.space_id);
    if (reader) authorize(db_, space, Acting{reader, false}, SpaceAction::read, fmt::format("read news {}", news_id));
    MemberStore members(db_);
    return {news, space.slug, author_name(members, news.author_id), expeer::comments_of(db_, news_id).size()};
}

std::vector<CommentItem> NewsBoard::comments_of(std::int64_t news_id, const std::optional<std::string>& reader) {
    const News news = news_numbered(db_, news_id);
    if (reader)
        authorize(db_, space_of(db_, news.space_id), Acting{reader, false}, SpaceAction::read,
                  fmt::format("read the comments of news {}", news_id));
    MemberStore members(db_);
    std::vector<CommentItem> items;
    for (auto& c : expeer::comments_of(db_, news_id)) {
        std::string author = author_name(members, c.author_id);
        items.push_back({std::move(c), std::move(author)});
    }
    return items;
}

CommentItem NewsBoard::show_comment(std::int64_t comment_id, const std::optional<std::string>& reader) {
    Comment comment = comment_numbered(db_, comment_id);
    if (reader)
        authorize(db_, space_of(db_, news_numbered(db_, comment.news_id).space_id), Acting{reader, false},
                  SpaceAction::read, fmt::format("read comment {}", comment_id));
    MemberStore members(db_);
    std::string author = author_name(members, comment.author_id);
    return {std::move(comment), std::move(author)};
}

bool NewsBoard::edit(std::int64_t news_id, const NewsEdit& edit, const Acting& who) {
    return db_.write([&](Write& w) {
        News news = news_numbered(db_, news_id);
        const Authority authority =
            authorize_change(db_, space_of(db_, news.space_id), who, news.author_id, fmt::format("edit news {}", news_id));
        refuse_pulled("news", news_id, news.external_id);
        std::vector<FieldError> errors;
        if (edit.title) check_title(errors, *edit.title);
        if (edit.body) check_body(errors, *edit.body);
        if (!errors.empty()) throw InvalidInput(std::move(errors));
        std::vector<std::string> fields;
        if (const auto title = edit.title ? text::nfc(text::trim(*edit.title)) : news.title; title != news.title) {
            news.title = title;
            fields.push_back("title");
        }
        if (const auto body = edit.body ? text::nfc(*edit.body) : news.body; body != news.body) {
            news.body = body;
            fields.push_back("body");
        }
        if (fields.empty()) return false;
        news.edited_at = format_timestamp(clock_.now());
        save_news_edit(db_, news);
        w.audit({0, *news.edited_at, actor_, "news.edit", "news", std::to_string(news_id),
                 authority.audit_details(nlohmann::json{{"fields", fields}}.dump())});
        return true;
    });
}

// The audit entry of a deletion names ids only, never a title or a text, whatever the space:
// what is deleted is often deleted because of what it said.
Deletion NewsBoard::remove(std::int64_t news_id, const Acting& who) {
    return db_.write([&](Write& w) {
        const News news = news_numbered(db_, news_id);
        const Authority authority = authorize_change(db_, space_of(db_, news.space_id), who, news.author_id,
                                                     fmt::format("delete news {}", news_id));
        refuse_pulled("news", news_id, news.external_id);
        const Deletion deletion{delete_news(db_, news_id)};
        nlohmann::json details{{"space", news.space_id}, {"comments", deletion.comments}};
        details["author"] = news.author_id ? nlohmann::json(*news.author_id) : nlohmann::json(nullptr);
        w.audit({0, format_timestamp(clock_.now()), actor_, "news.delete", "news", std::to_string(news_id),
                 authority.audit_details(details.dump())});
        return deletion;
    });
}

bool NewsBoard::edit_comment(std::int64_t comment_id, const std::string& body, const Acting& who) {
    return db_.write([&](Write& w) {
        Comment comment = comment_numbered(db_, comment_id);
        const Space space = space_of(db_, news_numbered(db_, comment.news_id).space_id);
        const Authority authority =
            authorize_change(db_, space, who, comment.author_id, fmt::format("edit comment {}", comment_id));
        refuse_pulled("comment", comment_id, comment.external_id);
        std::vector<FieldError> errors;
        check_body(errors, body);
        if (!errors.empty()) throw InvalidInput(std::move(errors));
        const std::string stored = text::nfc(body);
        if (stored == comment.body) return false;
        comment.body = stored;
        comment.edited_at = format_timestamp(clock_.now());
        save_comment_edit(db_, comment);
        w.audit({0, *comment.edited_at, actor_, "comment.edit", "comment", std::to_string(comment_id),
                 authority.audit_details(R"({"fields":["body"]})")});
        return true;
    });
}

void NewsBoard::remove_comment(std::int64_t comment_id, const Acting& who) {
    db_.write([&](Write& w) {
        const Comment comment = comment_numbered(db_, comment_id);
        const Space space = space_of(db_, news_numbered(db_, comment.news_id).space_id);
        const Authority authority =
            authorize_change(db_, space, who, comment.author_id, fmt::format("delete comment {}", comment_id));
        refuse_pulled("comment", comment_id, comment.external_id);
        delete_comment(db_, comment_id);
        nlohmann::json details{{"news", comment.news_id}};
        details["author"] = comment.author_id ? nlohmann::json(*comment.author_id) : nlohmann::json(nullptr);
        w.audit({0, format_timestamp(clock_.now()), actor_, "comment.delete", "comment",
                 std::to_string(comment_id), authority.audit_details(details.dump())});
    });
}

} // namespace expeer
