#include "news/news.hpp"

#include "members/registry.hpp"
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

#include <algorithm>

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

Member author_named(MemberStore& members, const std::string& who, std::vector<FieldError>& errors) {
    try {
        Member m = find_member(members, who);
        if (m.status != "active") errors.push_back({"author", who, fmt::format("is {}", m.status)});
        return m;
    } catch (const Error&) {
        errors.push_back({"author", shown_value(who), "no such member"});
        return {};
    }
}

std::string posting_time(const std::optional<std::string>& at, const Clock& clock, std::vector<FieldError>& errors) {
    if (!at) return format_timestamp(clock.now());
    if (!parse_timestamp(*at)) errors.push_back({"time", shown_value(*at), "must be a UTC time as 2024-05-01T10:00:00Z"});
    return *at;
}

} // namespace

NewsBoard::NewsBoard(Database& db, const Clock& clock, std::string actor)
    : db_(db), clock_(clock), actor_(std::move(actor)) {}

News NewsBoard::post(const std::string& space_slug, const std::string& author, const std::string& title,
                     const std::string& body, const std::optional<std::string>& at) {
    return db_.guarded([&] {
        auto transaction = db_.write_transaction();
        SpaceStore spaces(db_);
        MemberStore members(db_);
        std::vector<FieldError> errors;
        const auto space = spaces.find_by_slug(space_slug);
        if (!space) errors.push_back({"space", shown_value(space_slug), "no such space"});
        else if (space->archived_on) errors.push_back({"space", space_slug, "is archived"});
        const Member m = author_named(members, author, errors);
        if (const auto problem = text::single_line_field_problem(text::trim(title),
                                                                 text::limit_for(max_title_length)))
            errors.push_back({"title", shown_value(title), *problem});
        else if (text::trim(title).empty())
            errors.push_back({"title", "", "must not be empty"});
        check_body(errors, body);
        const std::string when = posting_time(at, clock_, errors);
        if (!errors.empty()) throw InvalidInput(std::move(errors));

        News news{0, space->id, m.id, text::nfc(text::trim(title)), text::nfc(body), when};
        news.id = insert_news(db_, news);
        record_activity(db_, {0, std::nullopt, when, m.id, "news", space->id, news.title});
        record_audit(db_, {0, format_timestamp(clock_.now()), actor_, "news.post", "news", std::to_string(news.id), ""});
        transaction.commit();
        return news;
    });
}

Comment NewsBoard::comment(std::int64_t news_id, const std::string& author, const std::string& body,
                           const std::optional<std::string>& at) {
    return db_.guarded([&] {
        auto transaction = db_.write_transaction();
        MemberStore members(db_);
        std::vector<FieldError> errors;
        const auto news = find_news(db_, news_id);
        if (!news) errors.push_back({"news", std::to_string(news_id), "no such news"});
        const Member m = author_named(members, author, errors);
        check_body(errors, body);
        const std::string when = posting_time(at, clock_, errors);
        if (!errors.empty()) throw InvalidInput(std::move(errors));

        Comment comment{0, news_id, m.id, text::nfc(body), when};
        comment.id = insert_comment(db_, comment);
        record_activity(db_, {0, std::nullopt, when, m.id, "comment", news->space_id, news->title});
        record_audit(db_, {0, format_timestamp(clock_.now()), actor_, "news.comment", "comment", std::to_string(comment.id), ""});
        transaction.commit();
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

    std::vector<NewsItem> items;
    for_each_news(db_, space_id, author_id, filter.since, [&](const News& news, std::size_t comment_count) {
        if (filter.limit && items.size() >= filter.limit) return;
        if (filter.public_only && !public_ids.count(news.space_id)) return;
        NewsItem item{news, all_spaces.at(news.space_id).slug, former_member, comment_count};
        if (news.author_id)
            if (const auto m = members.find_by_id(*news.author_id); m && m->status != "erased") item.author = m->display_name;
        items.push_back(std::move(item));
    });
    return items;
}

std::vector<Comment> NewsBoard::comments_of(std::int64_t news_id) { return expeer::comments_of(db_, news_id); }

} // namespace expeer
