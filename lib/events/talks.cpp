#include "events/talks.hpp"

#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/talk_store.hpp"
#include "util/clock.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace expeer {

namespace {

std::vector<FieldError> check(const TalkChanges& c) {
    std::vector<FieldError> errors;
    const auto line = [&](const char* field, const std::optional<std::string>& v, std::size_t max) {
        if (!v) return;
        if (const auto p = text::single_line_field_problem(*v, text::limit_for(max)))
            errors.push_back({field, shown_value(*v), *p});
    };
    const auto paragraph = [&](const char* field, const std::optional<std::string>& v) {
        if (!v) return;
        if (auto p = text::multi_line_problem(*v);
            p || (p = text::length_problem(*v, text::limit_for(4000))))
            errors.push_back({field, shown_value(*v), *p});
    };
    if (c.starts_at && !parse_timestamp(*c.starts_at))
        errors.push_back({"time", shown_value(*c.starts_at), "must be a UTC time as 2024-09-26T14:00:00Z"});
    line("French title", c.title_fr, 300);
    line("English title", c.title_en, 300);
    for (const auto& [field, value] : {std::pair{"French title", c.title_fr}, std::pair{"English title", c.title_en}})
        if (value && text::trim(*value).empty()) errors.push_back({field, "", "must not be empty"});
    paragraph("French summary", c.summary_fr);
    paragraph("English summary", c.summary_en);
    line("speakers", c.speakers, 500);
    if (c.replay_url && !c.replay_url->empty()) {
        const auto& url = *c.replay_url;
        if (!url.starts_with("https://") || url.size() <= 8 || url.find_first_of(" \t\r\n<>\"") != std::string::npos)
            errors.push_back({"replay link", shown_value(url), "must be an https:// address"});
    }
    return errors;
}

void apply(Talk& t, const TalkChanges& c, std::vector<std::string>& changed) {
    const auto set = [&](std::string& field, const std::optional<std::string>& v,
                         const char* name) {
        if (v && field != text::nfc(*v)) {
            field = text::nfc(*v);
            changed.push_back(name);
        }
    };
    const auto set_optional = [&](std::optional<std::string>& field, const std::optional<std::string>& v, const char* name) {
        if (!v) return;
        const auto value = v->empty() ? std::nullopt : std::optional(text::nfc(*v));
        if (field != value) {
            field = value;
            changed.push_back(name);
        }
    };
    set(t.starts_at, c.starts_at, "time");
    set(t.title_fr, c.title_fr, "French title");
    set(t.title_en, c.title_en, "English title");
    set_optional(t.summary_fr, c.summary_fr, "French summary");
    set_optional(t.summary_en, c.summary_en, "English summary");
    set_optional(t.speakers, c.speakers, "speakers");
    set_optional(t.replay_url, c.replay_url, "replay link");
}

} // namespace

TalkCalendar::TalkCalendar(Database& db, const Clock& clock, std::string actor)
    : db_(db), clock_(clock), actor_(std::move(actor)) {}

Talk TalkCalendar::add(const TalkChanges& c) {
    auto errors = check(c);
    if (!c.starts_at) errors.push_back({"time", "", "is required"});
    if (!c.title_fr) errors.push_back({"French title", "", "is required"});
    if (!c.title_en) errors.push_back({"English title", "", "is required"});
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    return db_.write([&](Write& w) {
        Talk t;
        std::vector<std::string> changed;
        apply(t, c, changed);
        t.created_at = t.updated_at = format_timestamp(clock_.now());
        t.id = save_talk(db_, t);
        w.audit({0, t.created_at, actor_, "talk.add", "talk", std::to_string(t.id), ""});
        return t;
    });
}

Talk TalkCalendar::update(std::int64_t id, const TalkChanges& c) {
    auto errors = check(c);
    if (!errors.empty()) throw InvalidInput(std::move(errors));
    return db_.write([&](Write& w) {
        auto t = find_talk(db_, id);
        if (!t) throw Error(ErrorKind::not_found, fmt::format("no talk {}", id));
        std::vector<std::string> changed;
        apply(*t, c, changed);
        if (changed.empty()) return *t;
        t->updated_at = format_timestamp(clock_.now());
        save_talk(db_, *t);
        w.audit({0, t->updated_at, actor_, "talk.update", "talk", std::to_string(id),
                 nlohmann::json{{"fields", changed}}.dump()});
        return *t;
    });
}

std::vector<Talk> TalkCalendar::list(bool upcoming) {
    return list_talks(db_, upcoming ? std::optional(format_timestamp(clock_.now())) : std::nullopt);
}

} // namespace expeer
