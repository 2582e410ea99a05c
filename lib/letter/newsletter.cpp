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
                            const std::string& issue, bool allow_missing, bool personal) {
    check_issue_name(issue);
    PreparedIssue prepared;
    prepared.source = read_letter_source(directory / (issue + ".yaml"));
    const NetworkDigest digest =
        gather_digest(db, issue, config.get("stats.time_zone"), config.get_integer("stats.min_cell"),
                      stats_scope(config));
    EditionOptions options;
    options.templates_dir = config.get("templates_dir");
    options.allow_missing = allow_missing;
    options.personal = personal;
    options.unsubscribe_url = config.get("letter.unsubscribe_url");
    options.time_zone = config.get("stats.time_zone");
    for (const auto& language : letter_languages())
        prepared.editions.emplace(language, build_edition(prepared.source, digest, language, options));
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
    db.write([&](Write& w) {
        LetterStore(db).approve({source.issue, source.sha256, now, actor});
        replace_published_figures(db, letter_output(source.issue), figures);
        w.audit({0, now, actor, "letter.approve", "letter", source.issue,
                 fmt::format("{{\"sha256\":\"{}\"}}", source.sha256)});
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

std::size_t write_archive(Database& db, const Config& config, const std::filesystem::path& directory,
                          const std::filesystem::path& out) {
    LetterStore store(db);
    std::vector<std::string> issues;
    for (const auto& approval : store.approvals()) {
        const auto counts = store.counts(approval.issue);
        if (counts.count("sent") && counts.at("sent") > 0) issues.push_back(approval.issue);
    }
    create_private_directories(out);
    auto write = [&](const std::string& name, const std::string& text) { write_file_atomically(out / name, text, true); };
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> index; // language -> (issue, subject)
    for (const auto& issue : issues) {
        const PreparedIssue prepared = prepare_issue(db, config, directory, issue, true, false);
        for (const auto& [language, edition] : prepared.editions) {
            write(issue + "." + language + ".html", edition.html);
            index[language].emplace_back(issue, edition.subject);
        }
    }
    for (const auto& language : letter_languages()) {
        const ReportLanguage words(language);
        const std::string title = language == "fr" ? "La Lettre ExPEERience : les numéros" : "The ExPEERience Letter: all issues";
        std::string html = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                       "<title>{}</title>\n</head>\n<body style=\"font-family:system-ui,sans-serif;"
                                       "max-width:40rem;margin:2rem auto;padding:0 1rem;\">\n<h1>{}</h1>\n<ul>\n",
                                       language, html_escape(title), html_escape(title));
        auto& entries = index[language];
        std::sort(entries.rbegin(), entries.rend()); // newest first
        for (const auto& [issue, subject] : entries)
            html += fmt::format("<li><a href=\"{}.{}.html\">{}</a> – {}</li>\n", issue, language,
                                html_escape(words.month_year_long(issue)), html_escape(subject));
        html += fmt::format("</ul>\n<p><a href=\"index.{}.html\">{}</a></p>\n</body>\n</html>\n",
                            language == "fr" ? "en" : "fr", language == "fr" ? "English" : "Français");
        write("index." + language + ".html", html);
    }
    return issues.size();
}

} // namespace expeer
