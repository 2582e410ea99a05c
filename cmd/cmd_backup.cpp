// expeer backup create|verify|restore
#include "commands.hpp"

#include "backup/backup.hpp"

#include <fmt/format.h>

namespace expeer::cli {

namespace {

struct Command {
    std::filesystem::path file;
    bool force = false;
    std::string format;
};

nlohmann::ordered_json summary_json(const std::filesystem::path& file, const BackupSummary& s) {
    nlohmann::ordered_json j;
    j["file"] = file.string();
    j["created_at"] = s.created_at;
    j["schema_version"] = s.schema_version;
    j["entries"] = s.entries;
    j["bytes"] = s.bytes;
    return j;
}

} // namespace

void add_backup_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<Command>();
        auto* create = group.add_subcommand("create", "Back up the database and every stored file to one file (mode 0600)");
        create->add_option("file", c->file, "The backup to write (a tar.gz)")->required();
        create->add_flag("--force", c->force, "Replace an existing file");
        create->callback([&, c] {
            action = [&, c] {
                const auto s = create_backup(context.database(DatabaseAccess::read_only), context.blobs(), context.clock(), c->file, c->force);
                context.say(fmt::format("expeer: backed up {} entries ({:.1f} MB) to '{}'", s.entries, s.bytes / 1e6,
                                        c->file.string()));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* verify = group.add_subcommand("verify", "Check every entry of a backup against its manifest");
        verify->add_option("file", c->file, "The backup")->required()->check(CLI::ExistingFile);
        add_format_option(*verify, c->format);
        verify->callback([&, c] {
            action = [&, c] { print_record(context.out, summary_json(c->file, verify_backup(c->file)), context.format(c->format)); };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* restore = group.add_subcommand("restore", "Restore a backup where there is no database yet (--db, EXPEER_DB)");
        restore->add_option("file", c->file, "The backup")->required()->check(CLI::ExistingFile);
        restore->callback([&, c] {
            action = [&, c] {
                const auto target = context.database_options();
                const auto s = restore_backup(c->file, target, context.blobs(), context.erasures(), context.clock(),
                                              context.config().get("actor"));
                context.say(fmt::format("expeer: restored {} entries to '{}' (schema version {}, backed up at {})", s.entries,
                                        target.shown(), s.schema_version, s.created_at));
                if (s.erasures_replayed > 0)
                    context.say(fmt::format("expeer: erased again {} member(s) erased since the backup was made",
                                            s.erasures_replayed));
            };
        });
    }
}

} // namespace expeer::cli
