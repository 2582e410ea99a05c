// expeer library add|list|get|mv|rm|history
#include "commands.hpp"
#include "library/library.hpp"
#include "util/atomic_file.hpp"
#include "util/json.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>
#include <map>

namespace expeer::cli {

namespace {

SpaceLibrary library(Context& context, DatabaseAccess access = DatabaseAccess::read_write) {
    Config& config = context.config();
    // library.space_quota_mb.SLUG for that space, else library.quota_mb; the same for files.
    auto quota = [&config](const std::string& slug) -> SpaceQuota {
        const auto own = config.find("library.space_quota_mb." + slug);
        const auto own_files = config.find("library.space_max_files." + slug);
        return {std::stoull(own.value_or(config.get("library.quota_mb"))) * 1000 * 1000,
                std::stoull(own_files.value_or(config.get("library.max_files")))};
    };
    return SpaceLibrary(context.database(access), context.blobs(), context.clock(), config.get("actor"),
                        quota);
}

ArchiveLimits archive_limits(Context& context, const std::string& name_encoding) {
    Config& config = context.config();
    const auto mb = [&](const char* key) {
        return static_cast<std::uint64_t>(config.get_integer(key)) * 1000 * 1000;
    };
    return {mb("library.max_file_mb"), mb("library.max_archive_mb"),
            static_cast<double>(config.get_integer("library.max_compression_ratio")),
            static_cast<std::uint64_t>(config.get_integer("library.max_archive_entries")),
            name_encoding};
}

// "3 macOS folder settings (.DS_Store), 12 macOS resource forks (__MACOSX/)"
std::string skipped_summary(const std::vector<SkippedEntry>& skipped) {
    std::map<std::string, std::size_t> counts;
    for (const auto& entry : skipped)
        ++counts[entry.why];
    std::string out;
    for (const auto& [why, count] : counts)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", count, why);
    return out;
}

struct Command {
    std::string space, path, other, folder, output, format, name_encoding;
    Acting acting;
    std::vector<std::filesystem::path> files;
    std::optional<std::int64_t> revision;
    std::filesystem::path archive;
    bool tree = false;
    bool force = false;
    bool yes = false;
};

// A folder tree, as `tree` draws one: folders first, then files, each by name.
void print_tree(std::ostream& out, const std::vector<LibraryFile>& files) {
    struct Node {
        std::map<std::string, Node> folders;
        std::vector<std::string> files;
    } root;
    for (const auto& f : files) {
        Node* node = &root;
        std::string_view rest = f.path;
        for (auto slash = rest.find('/'); slash != std::string_view::npos; slash = rest.find('/')) {
            node = &node->folders[std::string(rest.substr(0, slash))];
            rest.remove_prefix(slash + 1);
        }
        node->files.push_back(
            fmt::format("{} ({} B, r{})", rest, f.current.size, f.current.revision));
    }
    const std::function<void(const Node&, const std::string&)> draw =
        [&](const Node& node, const std::string& indent) {
            std::vector<std::pair<std::string, const Node*>> entries;
            for (const auto& [name, child] : node.folders)
                entries.emplace_back(name + "/", &child);
            for (const auto& name : node.files)
                entries.emplace_back(name, nullptr);
            for (std::size_t i = 0; i < entries.size(); ++i) {
                const bool last = i + 1 == entries.size();
                out << indent << (last ? "└── " : "├── ") << entries[i].first << '\n';
                if (entries[i].second) draw(*entries[i].second, indent + (last ? "    " : "│   "));
            }
        };
    draw(root, "");
}

void library_purge(Context& context, const Command& c) {
    const PurgedFile p = library(context).purge(c.space, c.path, c.acting, c.yes);
    const std::string what = fmt::format(
        "'{}': {} file{}, {} revision{}, {} content{} ({:.1f} MB) no other file uses",
        printable(p.path), p.files, p.files == 1 ? "" : "s", p.revisions,
        p.revisions == 1 ? "" : "s", p.contents, p.contents == 1 ? "" : "s", p.bytes / 1e6);
    if (!p.applied) {
        context.say("expeer: would erase " + what);
        context.say("expeer: nothing was erased: run again with --yes to erase");
        return;
    }
    context.say("expeer: erased " + what);
    if (!p.wal_emptied) context.warn(old_copies_kept);
}

} // namespace

void add_library_commands(CLI::App& group, Context& context, Action& action) {
    {
        auto c = std::make_shared<Command>();
        auto* add = group.add_subcommand(
            "add", "Add files to a space's library (a new revision where the path exists)");
        add->add_option("space", c->space, "The space's slug")->required();
        add->add_option("files", c->files, "Files to add")->required();
        add->add_option("--folder", c->folder, "The folder to put them in (default: the top)");
        add_acting_options(*add, c->acting, "The member sharing them (a contributor): email address or id");
        add->callback([&, c] {
            action = [&, c] {
                for (const auto& f : library(context).add(c->space, c->files, c->folder, c->acting))
                    context.say(
                        f.unchanged
                            ? fmt::format(
                                  "expeer: {} unchanged: revision {} has the same content, no new "
                                  "revision",
                                  printable(f.path), f.revision)
                            : fmt::format("expeer: {} revision {}{}", printable(f.path), f.revision,
                                          f.stored_new_content ? "" : " (content already stored)"));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* import_command = group.add_subcommand(
            "import",
            "Add every file of an archive (zip, tar, tar.gz, tar.xz, 7z), all or nothing");
        import_command->add_option("space", c->space, "The space's slug")->required();
        import_command->add_option("archive", c->archive, "The archive")
            ->required()
            ->check(CLI::ExistingFile);
        import_command->add_option("--folder", c->folder,
                                   "The folder to put its contents in (default: the top)");
        add_acting_options(*import_command, c->acting,
                           "The member sharing them (a contributor): email address or id");
        import_command->add_option(
            "--name-encoding", c->name_encoding,
            "How to read names that are not UTF-8: cp437, cp850, latin1, cp1252... "
            "(default: a zip's "
            "names as CP437 where CP437 and CP850 agree, else refused)");
        import_command->callback([&, c] {
            action = [&, c] {
                const auto imported =
                    library(context).import_archive(c->space, c->archive, c->folder, c->acting,
                                                    archive_limits(context, c->name_encoding));
                std::size_t new_contents = 0, unchanged = 0;
                for (const auto& f : imported.added) {
                    new_contents += f.stored_new_content;
                    unchanged += f.unchanged;
                }
                const std::size_t added = imported.added.size() - unchanged;
                context.say(fmt::format(
                    "expeer: {} files added from '{}' ({} new contents, {} already stored){}",
                    added, printable(c->archive.string()), new_contents, added - new_contents,
                    unchanged ? fmt::format("; {} unchanged, no new revision", unchanged) : ""));
                if (!imported.guessed_encoding.empty())
                    context.say(fmt::format("expeer: note: names that are not UTF-8 were read as "
                                            "{} (Windows Explorer's "
                                            "zip): give --name-encoding if they look wrong",
                                            imported.guessed_encoding));
                if (!imported.skipped.empty())
                    context.say(fmt::format("expeer: note: skipped {} entries that macOS or "
                                            "Windows added on their own: {}",
                                            imported.skipped.size(),
                                            skipped_summary(imported.skipped)));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* exp = group.add_subcommand("export", "Write the current version of every file to an "
                                                   "archive, byte-identical for the same content");
        exp->add_option("space", c->space, "The space's slug")->required();
        exp->add_option("archive", c->archive, "The archive to write (mode 0600)")->required();
        exp->add_option("--format", c->format,
                        "zip or tar.gz (default: from the extension, else zip)")
            ->check(CLI::IsMember({"zip", "tar.gz"}));
        exp->add_flag("--force", c->force, "Replace an existing file");
        exp->callback([&, c] {
            action = [&, c] {
                const std::string name = c->archive.string();
                const bool tar =
                    c->format == "tar.gz" ||
                    (c->format.empty() && (name.ends_with(".tar.gz") || name.ends_with(".tgz")));
                AtomicFile file(c->archive, c->force);
                const auto count = library(context, DatabaseAccess::read_only).export_archive(
                    c->space, tar ? ArchiveFormat::tar_gz : ArchiveFormat::zip,
                    [&](std::string_view s) { file.write(s); });
                file.commit();
                context.say(fmt::format("expeer: {} files written to '{}'", count, name));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* list = group.add_subcommand("list", "List a space's files, by path");
        list->add_option("space", c->space, "The space's slug")->required();
        list->add_flag("--tree", c->tree, "Draw the folders as a tree");
        add_format_option(*list, c->format);
        list->callback([&, c] {
            action = [&, c] {
                auto lib = library(context, DatabaseAccess::read_only);
                const auto files = lib.list(c->space);
                if (c->tree) return print_tree(context.out, files);
                Records records;
                records.columns = {"path", "size", "revision", "revisions", "updated_at", "sha256"};
                records.table_columns = {"path", "size", "revision", "updated_at"};
                for (const auto& f : files) {
                    nlohmann::ordered_json row;
                    row["path"] = f.path;
                    row["size"] = f.current.size;
                    row["revision"] = f.current.revision;
                    row["revisions"] = f.revisions;
                    row["updated_at"] = f.current.added_at;
                    row["sha256"] = f.current.sha256;
                    records.rows.push_back(std::move(row));
                }
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* get =
            group.add_subcommand("get", "Write a file's content (its current revision by default)");
        get->add_option("space", c->space, "The space's slug")->required();
        get->add_option("path", c->path, "The file's path in the library")->required();
        get->add_option("-o,--output", c->output,
                        "Write to this file (mode 0600) instead of standard output");
        get->add_option("--revision", c->revision, "An older revision");
        get->add_flag("--force", c->force, "Replace an existing output file");
        get->callback([&, c] {
            action = [&, c] {
                auto lib = library(context, DatabaseAccess::read_only);
                if (c->output.empty() || c->output == "-") {
                    lib.get(c->space, c->path, c->revision,
                            [&](std::string_view s) { context.out << s; });
                    return;
                }
                AtomicFile file(c->output, c->force);
                lib.get(c->space, c->path, c->revision, [&](std::string_view s) { file.write(s); });
                file.commit();
            };
        });
    }
    {
        auto c = std::make_shared<Command>();
        auto* mv = group.add_subcommand("mv", "Move or rename a file in a library");
        mv->add_option("space", c->space, "The space's slug")->required();
        mv->add_option("from", c->path, "Its path now")->required();
        mv->add_option("to", c->other, "Its new path")->required();
        add_acting_options(*mv, c->acting, "Who moves it: email address or id (who added it, or a content manager)");
        mv->callback([&, c] { action = [&, c] { library(context).move(c->space, c->path, c->other, c->acting); }; });
    }
    {
        auto c = std::make_shared<Command>();
        auto* rm =
            group.add_subcommand("rm", "Remove a file from a library (its revisions are kept)");
        rm->add_option("space", c->space, "The space's slug")->required();
        rm->add_option("path", c->path, "The file's path")->required();
        add_acting_options(*rm, c->acting, "Who removes it: email address or id (who added it, or a content manager)");
        rm->callback([&, c] { action = [&, c] { library(context).remove(c->space, c->path, c->acting); }; });
    }
    {
        auto c = std::make_shared<Command>();
        auto* purge = group.add_subcommand(
            "purge", "Erase a file, every revision and the contents no other file uses "
                     "(a dry run without --yes)");
        purge->add_option("space", c->space, "The space's slug")->required();
        purge->add_option("path", c->path, "The file's path (a removed file's too)")->required();
        purge->add_flag("--yes", c->yes, "Erase for good (without it, say what would be erased)");
        add_acting_options(*purge, c->acting,
                           "Who purges it: email address or id (who added it, or a content manager)");
        purge->callback([&, c] { action = [&, c] { library_purge(context, *c); }; });
    }
    {
        auto c = std::make_shared<Command>();
        auto* history = group.add_subcommand("history", "List every revision of a file");
        history->add_option("space", c->space, "The space's slug")->required();
        history->add_option("path", c->path, "The file's path")->required();
        add_format_option(*history, c->format);
        history->callback([&, c] {
            action = [&, c] {
                Records records;
                records.columns = {"revision", "added_at", "added_by", "size", "sha256"};
                for (const auto& r : library(context, DatabaseAccess::read_only).history(c->space, c->path)) {
                    nlohmann::ordered_json row;
                    row["revision"] = r.revision;
                    row["added_at"] = r.added_at;
                    row["added_by"] = json_or_null(r.added_by);
                    row["size"] = r.size;
                    row["sha256"] = r.sha256;
                    records.rows.push_back(std::move(row));
                }
                print_records(context.out, records, context.format(c->format));
            };
        });
    }
}

} // namespace expeer::cli
