// expeer talks add|list|update
#include "commands.hpp"
#include "util/json.hpp"

#include "events/talks.hpp"
#include "util/date_input.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

TalkCalendar calendar(Context& context, DatabaseAccess access = DatabaseAccess::read_write) {
    return TalkCalendar(context.database(access), context.clock(), context.config().get("actor"));
}

void add_talk_options(CLI::App& command, TalkChanges& c) {
    command.add_option("--at", c.starts_at, "When it starts (2024-09-26T14:00:00Z, or with an offset: 2024-09-26T16:00+02:00)");
    command.add_option("--title-fr", c.title_fr, "The title in French");
    command.add_option("--title-en", c.title_en, "The title in English");
    command.add_option("--summary-fr", c.summary_fr, "A summary in French");
    command.add_option("--summary-en", c.summary_en, "A summary in English");
    command.add_option("--speakers", c.speakers, "Who speaks");
    command.add_option("--replay", c.replay_url, "The https:// address of the recording");
}

nlohmann::ordered_json talk_json(const Talk& t) {
    nlohmann::ordered_json j;
    j["id"] = t.id;
    j["starts_at"] = t.starts_at;
    j["title_fr"] = t.title_fr;
    j["title_en"] = t.title_en;
    j["speakers"] = json_or_null(t.speakers);
    j["replay_url"] = json_or_null(t.replay_url);
    j["summary_fr"] = json_or_null(t.summary_fr);
    j["summary_en"] = json_or_null(t.summary_en);
    return j;
}

} // namespace

void add_talks_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<TalkChanges>();
        auto* add = group.add_subcommand("add", "Add a webinar to the calendar");
        add_talk_options(*add, *c);
        add->callback([&, c] {
            action = [&, c] {
                if (c->starts_at) c->starts_at = format_timestamp(time_option("--at", *c->starts_at, context.clock().now()));
                context.say(fmt::format("expeer: added talk {}", calendar(context).add(*c).id));
            };
        });
    }
    {
        auto id = std::make_shared<std::int64_t>(0);
        auto c = std::make_shared<TalkChanges>();
        auto* update = group.add_subcommand("update", "Change a webinar (an empty value clears an optional field)");
        update->add_option("id", *id, "The talk's id")->required();
        add_talk_options(*update, *c);
        update->callback([&, id, c] {
            action = [&, id, c] {
                if (c->starts_at) c->starts_at = format_timestamp(time_option("--at", *c->starts_at, context.clock().now()));
                calendar(context).update(*id, *c);
                context.say(fmt::format("expeer: updated talk {}", *id));
            };
        });
    }
    {
        auto upcoming = std::make_shared<bool>(false);
        auto format = std::make_shared<std::string>();
        auto* list = group.add_subcommand("list", "List webinars, by date");
        list->add_flag("--upcoming", *upcoming, "Only those still to come");
        add_format_option(*list, *format);
        list->callback([&, upcoming, format] {
            action = [&, upcoming, format] {
                Records records;
                records.columns = {"id", "starts_at", "title_fr", "title_en", "speakers", "replay_url", "summary_fr", "summary_en"};
                records.table_columns = {"id", "starts_at", "title_en", "speakers"};
                for (const auto& talk : calendar(context, DatabaseAccess::read_only).list(*upcoming)) records.rows.push_back(talk_json(talk));
                print_records(context.out, records, context.format(*format));
            };
        });
    }
}

} // namespace expeer::cli
