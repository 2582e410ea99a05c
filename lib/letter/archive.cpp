#include "letter/archive.hpp"

#include "config/config.hpp"
#include "letter/edition.hpp"
#include "letter/newsletter.hpp"
#include "stats/language.hpp"
#include "store/letter_store.hpp"
#include "util/atomic_file.hpp"
#include "util/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

namespace expeer {

namespace {

struct ArchivedIssue {
    std::string issue;       // "2024-09"
    std::string approved_at; // when its content was fixed: the feed's date
    std::map<std::string, LetterEdition> editions;
};

std::string other_language(const std::string& language) { return language == "fr" ? "en" : "fr"; }

// Links at the top of an archived issue: the issues before and after, the other language,
// every issue. Put after <body>, so that the edition itself stays as it was approved.
std::string navigation(const std::vector<ArchivedIssue>& issues, std::size_t at, const std::string& language) {
    const bool fr = language == "fr";
    const ReportLanguage words(language);
    const std::string link = "color:#2171b5;";
    std::vector<std::string> parts;
    if (at > 0)
        parts.push_back(fmt::format("<a href=\"{}.{}.html\" rel=\"prev\" style=\"{}\">← {}</a>", issues[at - 1].issue,
                                    language, link, html_escape(words.month_year_long(issues[at - 1].issue))));
    parts.push_back(fmt::format("<a href=\"index.{}.html\" style=\"{}\">{}</a>", language, link,
                                fr ? "Tous les numéros" : "All issues"));
    parts.push_back(fmt::format("<a href=\"{}.{}.html\" hreflang=\"{}\" lang=\"{}\" style=\"{}\">{}</a>",
                                issues[at].issue, other_language(language), other_language(language),
                                other_language(language), link, fr ? "English" : "Français"));
    if (at + 1 < issues.size())
        parts.push_back(fmt::format("<a href=\"{}.{}.html\" rel=\"next\" style=\"{}\">{} →</a>", issues[at + 1].issue,
                                    language, link, html_escape(words.month_year_long(issues[at + 1].issue))));
    std::string nav = "<nav style=\"font-family:system-ui,sans-serif;max-width:600px;margin:1rem auto;"
                      "padding:0 1rem;display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;\">";
    for (const auto& part : parts) nav += part;
    return nav + "</nav>\n";
}

std::string with_navigation(const std::string& html, const std::string& nav) {
    const auto body = html.find("<body");
    const auto end = body == std::string::npos ? std::string::npos : html.find('>', body);
    if (end == std::string::npos) return nav + html;
    return html.substr(0, end + 1) + "\n" + nav + html.substr(end + 1);
}

// Newest first, grouped by year.
std::string index_page(const std::vector<ArchivedIssue>& issues, const std::string& language) {
    const ReportLanguage words(language);
    const bool fr = language == "fr";
    const std::string title = fr ? "La Lettre ExPEERience : les numéros" : "The ExPEERience Letter: all issues";
    std::string html = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{0}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n<title>{1}</title>\n"
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.{0}.xml\" title=\"{2}\">\n"
        "</head>\n<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;\">\n"
        "<h1>{1}</h1>\n",
        language, html_escape(title), html_escape(letter_name(language)));
    std::string year;
    for (auto it = issues.rbegin(); it != issues.rend(); ++it) {
        const auto& subject = it->editions.at(language).subject;
        if (it->issue.substr(0, 4) != year) {
            if (!year.empty()) html += "</ul>\n";
            year = it->issue.substr(0, 4);
            html += fmt::format("<h2>{}</h2>\n<ul>\n", year);
        }
        html += fmt::format("<li><a href=\"{}.{}.html\">{}</a> – {}</li>\n", it->issue, language,
                            html_escape(words.month_year_long(it->issue)), html_escape(subject));
    }
    if (!year.empty()) html += "</ul>\n";
    if (issues.empty()) html += fr ? "<p>Aucun numéro pour l’instant.</p>\n" : "<p>No issue yet.</p>\n";
    html += fmt::format("<p><a href=\"feed.{}.xml\">{}</a> · <a href=\"index.{}.html\" hreflang=\"{}\">{}</a></p>\n"
                        "</body>\n</html>\n",
                        language, fr ? "Fil Atom" : "Atom feed", other_language(language), other_language(language),
                        fr ? "English" : "Français");
    return html;
}

// Atom (RFC 4287). Ids are tag URIs (RFC 4151) under the list's domain, stable whatever the
// website's address; links are relative to the feed, which sits beside the pages.
std::string atom_feed(const std::vector<ArchivedIssue>& issues, const std::string& language,
                      const std::string& authority) {
    const ReportLanguage words(language);
    std::string updated = "1970-01-01T00:00:00Z";
    for (const auto& i : issues) updated = std::max(updated, i.approved_at);
    std::string xml = fmt::format(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{0}\">\n"
        "<title>{1}</title>\n<id>tag:{2},2024:letter.{0}</id>\n<updated>{3}</updated>\n"
        "<author><name>{1}</name></author>\n"
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"feed.{0}.xml\"/>\n"
        "<link rel=\"alternate\" type=\"text/html\" href=\"index.{0}.html\"/>\n",
        language, html_escape(letter_name(language)), html_escape(authority), updated);
    for (auto it = issues.rbegin(); it != issues.rend(); ++it)
        xml += fmt::format("<entry>\n<title>{0}</title>\n<id>tag:{1},2024:letter.{2}.{3}</id>\n<updated>{4}</updated>\n"
                           "<link rel=\"alternate\" type=\"text/html\" href=\"{2}.{3}.html\"/>\n"
                           "<summary>{5}</summary>\n</entry>\n",
                           html_escape(it->editions.at(language).subject), html_escape(authority), it->issue, language,
                           it->approved_at, html_escape(words.month_year_long(it->issue)));
    return xml + "</feed>\n";
}

} // namespace

std::size_t write_archive(Database& db, const Config& config, const std::filesystem::path& directory,
                          const std::filesystem::path& out) {
    LetterStore store(db);
    std::vector<ArchivedIssue> issues; // oldest first
    for (const auto& approval : store.approvals()) {
        const auto counts = store.counts(approval.issue);
        if (!counts.count("sent") || counts.at("sent") == 0) continue;
        // As approved and sent, whatever the source or the database say now.
        issues.push_back({approval.issue, approval.approved_at,
                          editions_as_approved(db, config, directory, approval.issue, "archive")});
    }
    std::sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) { return a.issue < b.issue; });
    create_private_directories(out);
    auto write = [&](const std::string& name, const std::string& text) { write_file_atomically(out / name, text, true); };
    std::string authority = config.get("letter.list_id");
    if (authority.empty()) authority = "expeer.invalid";
    for (const auto& language : letter_languages()) {
        for (std::size_t i = 0; i < issues.size(); ++i)
            write(issues[i].issue + "." + language + ".html",
                  with_navigation(issues[i].editions.at(language).html, navigation(issues, i, language)));
        write("index." + language + ".html", index_page(issues, language));
        write("feed." + language + ".xml", atom_feed(issues, language, authority));
    }
    return issues.size();
}

} // namespace expeer
