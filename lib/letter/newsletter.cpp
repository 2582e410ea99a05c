#include "letter/newsletter.hpp"

#include "audit/audit.hpp"
#include "config/config.hpp"
#include "letter/digest.hpp"
#include "stats/language.hpp"
#include "stats/settings.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/ledger_store.hpp"
#include "store/letter_store.hpp"
#include "util/atomic_file.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/html.hpp"

#include <fmt/format.h>

namespace expeer {

std::filesystem::path letter_directory(const Config& config, const std::filesystem::path& beside) {
    const std::string dir = config.get("letter.dir");
    if (!dir.empty()) return dir;
    return beside.parent_path() / "letters";
}

std::filesystem::path create_issue(const std::filesystem::path& directory, const std::string& issue, bool replace) {
    const std::string text = new_letter_source(issue);
    create_private_directories(directory);
    const auto file = directory / (issue + ".yaml");
    if (!replace && std::filesystem::exists(file))
        throw Error(ErrorKind::cannot_create, fmt::format("'{}' exists: edit it, or give --force to start again", file.string()));
    write_file_atomically(file, text, replace);
    return file;
}

PreparedIssue prepare_issue(Database& db, const Config& config, const std::filesystem::path& directory,
                            const std::string& issue, bool allow_missing) {
    check_issue_name(issue);
    PreparedIssue prepared;
    prepared.allow_missing = allow_missing;
    prepared.source = read_letter_source(directory / (issue + ".yaml"));
    const NetworkDigest digest =
        gather_digest(db, issue, config.get("stats.time_zone"), config.get_integer("stats.min_cell"),
                      stats_scope(config));
    EditionOptions options;
    options.templates_dir = config.get("templates_dir");
    options.allow_missing = allow_missing;
    options.unsubscribe_url = config.get("letter.unsubscribe_url");
    options.archive_url = config.get("letter.archive_url");
    if (!options.archive_url.empty() && !options.archive_url.starts_with("https://"))
        throw Error(ErrorKind::config, "letter.archive_url must be an https:// address");
    options.time_zone = config.get("stats.time_zone");
    for (const auto& language : letter_languages()) {
        options.personal = true;
        prepared.editions.emplace(language, build_edition(prepared.source, digest, language, options));
        options.personal = false;
        prepared.archive_editions.emplace(language, build_edition(prepared.source, digest, language, options));
    }
    prepared.published = digest.new_members.ledger_rows;
    return prepared;
}

void approve_issue(Database& db, const PreparedIssue& prepared, const Clock& clock, const std::string& actor) {
    const LetterSource& source = prepared.source;
    // The skeleton's [[...]] would otherwise go out to every member.
    if (auto left = placeholders_left(source); !left.empty()) throw InvalidInput(std::move(left));
    const std::string now = format_timestamp(clock.now());
    std::vector<PublishedFigure> figures = prepared.published;
    for (auto& f : figures)
        if (f.published_at.empty()) f.published_at = now;
    std::map<std::string, std::vector<StoredEdition>> kept;
    const auto keep = [&](const char* copy, const std::map<std::string, LetterEdition>& editions) {
        for (const auto& [language, e] : editions) kept[copy].push_back({language, e.subject, e.html, e.text});
    };
    keep("members", prepared.editions);
    keep("archive", prepared.archive_editions);
    db.write([&](Write& w) {
        LetterStore(db).approve({source.issue, source.sha256, now, actor, prepared.allow_missing}, kept);
        replace_published_figures(db, letter_output(source.issue), figures);
        w.audit({0, now, actor, "letter.approve", "letter", source.issue,
                 fmt::format("{{\"sha256\":\"{}\",\"allow_missing\":{}}}", source.sha256,
                             prepared.allow_missing)});
    });
}

void check_approved(Database& db, const LetterSource& source) {
    const auto approval = LetterStore(db).approval(source.issue);
    if (!approval)
        throw Error(ErrorKind::usage, fmt::format("issue {} is not approved: `expeer letter approve {}` first", source.issue,
                                                  source.issue));
    if (approval->source_sha256 != source.sha256)
        throw Error(ErrorKind::usage, fmt::format("issue {} changed since it was approved on {}: approve it again",
                                                  source.issue, approval->approved_at));
}

std::map<std::string, LetterEdition> editions_as_approved(Database& db, const Config& config,
                                                          const std::filesystem::path& directory,
                                                          const std::string& issue, const std::string& copy) {
    LetterStore store(db);
    const auto approval = store.approval(issue);
    if (!approval)
        throw Error(ErrorKind::usage, fmt::format("issue {} is not approved: `expeer letter approve {}` first", issue, issue));
    std::map<std::string, LetterEdition> editions;
    for (auto& e : store.approved_editions(issue, copy))
        editions.emplace(e.language, LetterEdition{e.language, std::move(e.subject), std::move(e.html), std::move(e.text)});
    if (!editions.empty()) return editions;
    // The archive always took what fell back; a send, what the approval allowed.
    PreparedIssue prepared = prepare_issue(db, config, directory, issue, copy == "archive" || approval->allow_missing);
    return copy == "archive" ? std::move(prepared.archive_editions) : std::move(prepared.editions);
}

std::map<std::string, std::int64_t> recipients_by_language(Database& db, const std::string& fallback_language) {
    std::map<std::string, std::int64_t> counts = {{"fr", 0}, {"en", 0}};
    LetterStore(db).for_each_subscriber([&](const Subscriber& s) {
        ++counts[s.language == "fr" || s.language == "en" ? s.language : fallback_language];
    });
    return counts;
}

std::vector<std::filesystem::path> write_build(const PreparedIssue& prepared, const LetterSettings& settings,
                                               const std::filesystem::path& out, const Clock& clock) {
    create_private_directories(out);
    std::vector<std::filesystem::path> written;
    auto write = [&](const std::string& name, const std::string& text) {
        write_file_atomically(out / name, text, true);
        written.push_back(out / name);
    };
    for (const auto& [language, edition] : prepared.editions) {
        const std::string base = prepared.source.issue + "." + language;
        const PersonalCopy sample = personalise(edition, language == "fr" ? "Amina Exemple" : "Amina Example",
                                                settings.unsubscribe_url + "?token=SAMPLE");
        write(base + ".html", sample.html);
        write(base + ".txt", sample.text);
        write(base + ".eml", letter_message(edition, prepared.source.issue, 0,
                                            language == "fr" ? "Amina Exemple" : "Amina Example", "member@example.org",
                                            settings, format_timestamp(clock.now()))
                                 .data);
    }
    return written;
}

} // namespace expeer
