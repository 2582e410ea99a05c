#include "activity/import.hpp"

#include "activity/activity.hpp"
#include "store/activity_store.hpp"
#include "store/database.hpp"
#include "store/import_lines.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/json_lines.hpp"
#include "util/printable.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>

namespace expeer {

namespace {

const std::set<std::string> known_keys = {"id", "time", "member", "kind", "space", "content"};
constexpr std::size_t max_id_bytes = 200;
constexpr std::size_t max_content_characters = 1000;

using Json = nlohmann::json;

const char* type_name(const Json& value) {
    if (value.is_boolean()) return "true or false";
    if (value.is_number_float()) return "a number with a fraction";
    if (value.is_array()) return "an array";
    if (value.is_object()) return "an object";
    return "a number";
}

class LineChecker {
public:
    LineChecker(std::size_t line, const Json& object) : line_(line), object_(object) {}

    bool has(const char* key) const {
        const auto it = object_.find(key);
        return it != object_.end() && !it->is_null();
    }

    // The text of `key`, a string (or, with `whole_number`, an integer); a problem otherwise.
    std::optional<std::string> text(const char* key, bool whole_number = false) {
        const auto it = object_.find(key);
        if (it == object_.end() || it->is_null()) return std::nullopt;
        if (it->is_string()) return it->get<std::string>();
        if (whole_number && it->is_number_integer()) return it->dump();
        problem(key, it->dump(), fmt::format("must be a string{}, not {}", whole_number ? " or a whole number" : "",
                                             type_name(*it)));
        return std::nullopt;
    }

    void problem(const char* field, std::string_view value, const std::string& reason) {
        problems.push_back({line_, field, printable(value), reason});
    }

    std::vector<LineProblem> problems;

private:
    std::size_t line_;
    const Json& object_;
};

class ActivityImporter {
public:
    ActivityImporter(Database& db, const Clock& clock, const ActivityImportOptions& options,
                     const ActivityImportCallbacks& callbacks)
        : db_(db), options_(options), callbacks_(callbacks), members_(db), latest_(clock.now() + std::chrono::days(1)),
          earliest_(std::chrono::sys_days(*parse_date(earliest_activity_day))) {
        SpaceStore spaces(db);
        for (const auto& [id, space] : spaces.all()) space_ids_[space.slug] = id;
    }

    ActivityImportReport run(JsonLinesReader& reader, std::uint64_t total) {
        RejectsFile rejects(options_.invalid, options_.dry_run);
        db_.write([&](Write& w) {
            ImportLines seen(db_);
            JsonLine line;
            while (reader.next(line)) {
                import_line(line, seen, rejects);
                if (callbacks_.on_progress && report_.lines % 4096 == 0) callbacks_.on_progress(reader.bytes_read(), total);
            }
            if (callbacks_.on_progress) callbacks_.on_progress(reader.bytes_read(), total);
            if (options_.dry_run || !options_.invalid.may_commit(report_.rejected) || report_.added == 0)
                return w.discard();
            seen.clear();
            report_.written = true;
        });
        rejects.commit();
        return report_;
    }

private:
    void import_line(const JsonLine& line, ImportLines& seen, RejectsFile& rejects) {
        ++report_.lines;
        if (!line.error.empty() || !line.value.is_object()) {
            LineChecker check(line.line, line.value);
            check.problem("line", line.text, line.error.empty() ? "is not a JSON object" : line.error);
            return reject(line, check.problems, rejects);
        }
        note_unknown_keys(line.value);
        LineChecker check(line.line, line.value);
        Activity a = read_activity(check);
        // The same id twice in one file is one event told twice, or two events: only the first
        // may be counted once more.
        std::optional<std::size_t> earlier;
        if (a.external_id) earlier = seen.remember("id " + *a.external_id, line.line);
        const std::string event = "event " + sha256_hex(known_part(line.value).dump());
        if (check.problems.empty() && earlier) {
            if (seen.seen(event)) {
                ++report_.repeated;
                return;
            }
            check.problem("id", *a.external_id, fmt::format("appears again with other content: also on line {}", *earlier));
        }
        if (!check.problems.empty()) return reject(line, check.problems, rejects);
        seen.remember(event, line.line);
        if (record_activity(db_, a)) ++report_.added;
        else ++report_.already;
    }

    Activity read_activity(LineChecker& check) {
        Activity a;
        if (!check.has("id")) check.problem("id", "", "is required: the platform's id of the event");
        if (auto id = check.text("id", true)) {
            if (id->empty()) check.problem("id", *id, "must not be empty");
            else if (id->size() > max_id_bytes) check.problem("id", *id, fmt::format("is longer than {} bytes", max_id_bytes));
            else if (const auto p = text::single_line_problem(*id)) check.problem("id", *id, *p);
            else a.external_id = std::move(id);
        }
        read_time(check, a);
        const auto kind = check.text("kind");
        if (!check.has("kind")) check.problem("kind", "", "is required");
        else if (kind && std::find(activity_kinds().begin(), activity_kinds().end(), *kind) == activity_kinds().end())
            check.problem("kind", *kind, fmt::format("must be one of {}", fmt::join(activity_kinds(), ", ")));
        else if (kind) a.kind = *kind;
        const auto who = check.text("member", true);
        if (!check.has("member")) {
            check.problem("member", "", "is required (an email or the platform's account id)");
        } else if (who) {
            auto m = who->find('@') != std::string::npos ? members_.find_by_email(*who) : members_.find_by_external_id(*who);
            if (!m) check.problem("member", *who, "no such member");
            else a.member_id = m->id;
        }
        if (const auto space = check.text("space")) {
            const auto it = space_ids_.find(*space);
            if (it == space_ids_.end()) check.problem("space", *space, "no such space");
            else a.space_id = it->second;
        } else if (!check.has("space") && kind && *kind != "login") {
            check.problem("space", "", "is required for this kind");
        }
        a.content = check.text("content");
        if (a.content) {
            if (const auto p = text::single_line_field_problem(*a.content, text::limit_for(max_content_characters)))
                check.problem("content", *a.content, *p);
        }
        return a;
    }

    void read_time(LineChecker& check, Activity& a) {
        if (!check.has("time")) return check.problem("time", "", "is required");
        const auto time = check.text("time");
        if (!time) return;
        const auto at = options_.dates.time(*time);
        if (!at) return check.problem("time", *time, "must be a time as " + options_.dates.expected_time());
        const TimePoint t = *parse_timestamp(*at);
        if (t < earliest_) return check.problem("time", *time, fmt::format("is before {}", earliest_activity_day));
        if (t > latest_) return check.problem("time", *time, "is in the future");
        a.at = *at;
    }

    static Json known_part(const Json& object) {
        Json part = Json::object();
        for (const auto& key : known_keys)
            if (const auto it = object.find(key); it != object.end()) part[key] = *it;
        return part;
    }

    void note_unknown_keys(const Json& object) {
        for (const auto& [key, value] : object.items()) {
            if (known_keys.count(key)) continue;
            const std::string shown = printable(key);
            if (report_.unknown_keys.count(shown)) continue;
            if (report_.unknown_keys.size() < ActivityImportReport::max_unknown_keys) report_.unknown_keys.insert(shown);
            else ++report_.unknown_keys_left_out;
        }
    }

    void reject(const JsonLine& line, const std::vector<LineProblem>& problems, RejectsFile& rejects) {
        ++report_.rejected;
        std::vector<std::string> reasons;
        for (const auto& p : problems) {
            if (callbacks_.on_problem) callbacks_.on_problem(p);
            reasons.push_back(fmt::format("{}: {}", p.field, p.reason));
        }
        if (rejects.open()) rejects.write(json_line_with_reason(line.text, fmt::format("{}", fmt::join(reasons, "; "))));
    }

    Database& db_;
    const ActivityImportOptions& options_;
    const ActivityImportCallbacks& callbacks_;
    MemberStore members_;
    TimePoint latest_;
    TimePoint earliest_;
    std::map<std::string, std::int64_t> space_ids_;
    ActivityImportReport report_;
};

} // namespace

ActivityImportReport import_activities(Database& db, const Clock& clock, const ActivityImportOptions& options,
                                       const ActivityImportCallbacks& callbacks) {
    const std::string name = printable(options.file.string());
    std::ifstream in(options.file, std::ios::binary);
    if (!in || std::filesystem::is_directory(options.file))
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}'", name));
    std::error_code ignored;
    const std::uint64_t total = std::filesystem::file_size(options.file, ignored);
    JsonLinesReader reader(in, options.file.string());
    ActivityImporter importer(db, clock, options, callbacks);
    return importer.run(reader, total);
}

} // namespace expeer
