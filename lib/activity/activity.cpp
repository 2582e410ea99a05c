#include "activity/activity.hpp"

#include "activity/import.hpp"
#include "store/activity_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/invalid_input.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace expeer {

const std::vector<std::string>& activity_kinds() {
    static const std::vector<std::string> kinds = {"news", "comment", "file", "membership", "login", "view"};
    return kinds;
}

namespace {

const std::set<std::string> known_keys = {"id", "time", "member", "kind", "space", "content"};

std::optional<std::string> text_of(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return it->dump();
}

} // namespace

ActivityImportReport import_activities(Database& db, const std::filesystem::path& file, bool dry_run,
                                       const std::function<void(const LineProblem&)>& on_problem,
                                       const std::function<void(std::uint64_t done, std::uint64_t total)>& on_progress) {
    std::ifstream in(file, std::ios::binary);
    if (!in || std::filesystem::is_directory(file))
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", file.string()));
    ActivityImportReport report;
    std::error_code ignored;
    const std::uint64_t total = std::filesystem::file_size(file, ignored);
    std::uint64_t done = 0;
    db.guarded([&] {
        auto transaction = db.write_transaction();
        MemberStore members(db);
        SpaceStore spaces(db);
        std::map<std::string, std::int64_t> space_ids;
        for (const auto& [id, space] : spaces.all()) space_ids[space.slug] = id;

        std::string raw;
        std::size_t line = 0;
        while (std::getline(in, raw)) {
            ++line;
            done += raw.size() + 1;
            if (on_progress && line % 4096 == 0) on_progress(done, total);
            if (!raw.empty() && raw.back() == '\r') raw.pop_back();
            if (raw.find_first_not_of(" \t") == std::string::npos) continue;
            ++report.lines;
            std::vector<LineProblem> problems;
            const auto problem = [&](const char* field, const std::string& value, const std::string& reason) {
                problems.push_back({line, field, shown_value(value), reason});
            };
            nlohmann::json object;
            try {
                object = nlohmann::json::parse(raw);
            } catch (const nlohmann::json::exception&) {
            }
            if (!object.is_object()) {
                problem("line", raw, "is not a JSON object");
            } else {
                for (const auto& [key, value] : object.items())
                    if (!known_keys.count(key)) report.unknown_keys.insert(key);
                Activity a;
                a.external_id = text_of(object, "id");
                if (!a.external_id || a.external_id->empty()) problem("id", "", "is required: the platform's id of the event");
                const auto time = text_of(object, "time");
                if (!time) problem("time", "", "is required");
                else if (!parse_timestamp(*time)) problem("time", *time, "must be a UTC time as 2024-05-01T10:00:00Z");
                else a.at = *time;
                const auto kind = text_of(object, "kind");
                if (!kind) problem("kind", "", "is required");
                else if (std::find(activity_kinds().begin(), activity_kinds().end(), *kind) == activity_kinds().end())
                    problem("kind", *kind, fmt::format("must be one of {}", fmt::join(activity_kinds(), ", ")));
                else a.kind = *kind;
                const auto who = text_of(object, "member");
                if (!who) {
                    problem("member", "", "is required (an email or the platform's account id)");
                } else {
                    auto m = who->find('@') != std::string::npos ? members.find_by_email(*who) : members.find_by_external_id(*who);
                    if (!m) problem("member", *who, "no such member");
                    else a.member_id = m->id;
                }
                if (const auto space = text_of(object, "space")) {
                    const auto it = space_ids.find(*space);
                    if (it == space_ids.end()) problem("space", *space, "no such space");
                    else a.space_id = it->second;
                } else if (kind && *kind != "login") {
                    problem("space", "", "is required for this kind");
                }
                a.content = text_of(object, "content");
                if (a.content) {
                    if (const auto p =
                            text::single_line_field_problem(*a.content, text::limit_for(1000)))
                        problem("content", *a.content, *p);
                }
                if (problems.empty()) {
                    if (record_activity(db, a)) ++report.added;
                    else ++report.already;
                }
            }
            if (!problems.empty()) {
                ++report.rejected;
                for (const auto& p : problems) on_problem(p);
            }
        }
        if (dry_run || report.rejected || report.added == 0) return;
        transaction.commit();
        report.written = true;
    });
    return report;
}

} // namespace expeer
