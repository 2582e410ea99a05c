#include "letter/edition.hpp"

#include "letter/markdown.hpp"
#include "letter/typography.hpp"
#include "stats/language.hpp"
#include "stats/period.hpp"
#include "util/error.hpp"
#include "util/template_file.hpp"
#include "util/html.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace expeer {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// What differs per member, marked with a character no text keeps (it is removed from them).
const std::string name_mark = "\x1e" "name" "\x1e";
const std::string unsubscribe_mark = "\x1e" "unsubscribe" "\x1e";

std::string clean(std::string text) {
    std::erase(text, '\x1e');
    return text;
}

struct Words {
    const char* en;
    const char* fr;
};

const std::map<std::string, Words>& words() {
    static const std::map<std::string, Words> all = {
        {"letter_name", {"The ExPEERience Letter", "La Lettre ExPEERience"}},
        {"greeting", {"Dear {},", "Bonjour {},"}},
        {"greeting_all", {"Dear members of the network,", "Chères et chers membres du réseau,"}},
        {"analyses", {"Analyses", "Analyses"}},
        {"events", {"Events", "Événements"}},
        {"opportunities", {"Opportunities", "Opportunités"}},
        {"press_review", {"Press review", "Revue de presse"}},
        {"talks", {"Coming talks", "Webinaires à venir"}},
        {"figures", {"The network in figures", "Le réseau en chiffres"}},
        {"spaces", {"Most active public spaces", "Espaces publics les plus actifs"}},
        {"files", {"New files in public spaces", "Nouveaux fichiers dans les espaces publics"}},
        {"activity", {"{} contribution", "{} contribution"}},
        {"activities", {"{} contributions", "{} contributions"}},
        {"replay", {"Replay", "Rediffusion"}},
        {"speakers", {"With {}", "Avec {}"}},
        {"only_fr", {"Only available in French.", "Disponible en français seulement."}},
        {"only_en", {"Only available in English.", "Disponible en anglais seulement."}},
        {"footer_why", {"You receive this letter as a member of the network who asked for it.",
                        "Vous recevez cette lettre en tant que membre du réseau qui l'a demandée."}},
        {"unsubscribe", {"Unsubscribe", "Se désabonner"}},
        {"view_online", {"Read it online", "Lire en ligne"}},
        {"other_language", {"Version française", "English version"}},
        {"in_month", {"in {}", "en {}"}},
        {"public_news", {"News published in public spaces", "Actualités publiées dans les espaces publics"}},
        {"public_files", {"Files shared in public spaces", "Fichiers partagés dans les espaces publics"}},
        {"references", {"Links", "Liens"}},
    };
    return all;
}

std::string word(const std::string& key, const std::string& language) {
    const auto& w = words().at(key);
    return language == "fr" ? w.fr : w.en;
}

std::string render(const std::filesystem::path& file, const data& context, bool html) {
    mustache tmpl{read_template_file(file)};
    if (!html) tmpl.set_custom_escape([](const std::string& s) { return s; });
    if (!tmpl.is_valid()) throw Error(ErrorKind::config, fmt::format("template '{}': {}", file.string(), tmpl.error_message()));
    return tmpl.render(context);
}

// A text that is not Markdown (a title, a label), set as the edition's language is.
std::string typeset(std::string text, const std::string& language) {
    return language == "fr" ? typography::french_spacing(text) : text;
}

// The text in `language`, or the other one with a note when allowed.
struct Chosen {
    std::string text;
    std::string note;
};
Chosen choose(const Bilingual& b, const std::string& language) {
    const auto& wanted = language == "fr" ? b.fr : b.en;
    if (wanted) return {clean(*wanted), ""};
    const auto& other = language == "fr" ? b.en : b.fr;
    if (other) return {clean(*other), word(language == "fr" ? "only_en" : "only_fr", language)};
    return {"", ""};
}

data item_data(const std::string& title, const std::string& body_markdown, const std::string& note,
               const std::vector<std::pair<std::string, std::string>>& links, const markdown::Rendering& rendering,
               const std::string& language) {
    data item;
    item.set("title", typeset(title, language));
    item.set("body_html", markdown::to_html(body_markdown, rendering));
    item.set("body_text", markdown::to_text(body_markdown, 72, rendering));
    if (!note.empty()) item.set("note", note);
    data link_list{data::type::list};
    for (const auto& [url, label] : links) {
        data link;
        link.set("url", url);
        link.set("label", label.empty() ? url : typeset(label, language));
        link_list.push_back(link);
    }
    item.set("links", link_list);
    return item;
}

} // namespace

std::string letter_name(const std::string& language) { return word("letter_name", language); }

const std::vector<std::string>& letter_languages() {
    static const std::vector<std::string> languages = {"fr", "en"};
    return languages;
}

LetterEdition build_edition(const LetterSource& source, const NetworkDigest& digest, const std::string& language,
                            const EditionOptions& options) {
    if (!options.allow_missing) {
        auto missing = missing_translations(source);
        if (!missing.empty()) throw InvalidInput(std::move(missing));
    }
    const ReportLanguage lang(language);
    LetterEdition edition;
    edition.language = language;
    edition.subject = typeset(choose(source.subject, language).text, language);
    // Every link of the text edition numbered across it, its address listed at the end.
    markdown::LinkReferences references;
    const markdown::Rendering rendering{language == "fr", &references};

    data context;
    context.set("lang", language);
    context.set("dir", "ltr");
    context.set("subject", edition.subject);
    context.set("letter_name", word("letter_name", language));
    const std::string month_name = lang.month_year_long(source.issue);
    context.set("issue_label", month_name);
    context.set("greeting", options.personal ? fmt::format(fmt::runtime(word("greeting", language)), name_mark)
                                             : word("greeting_all", language));
    const Chosen editorial = choose(source.editorial, language);
    context.set("editorial_html", markdown::to_html(editorial.text, rendering));
    context.set("editorial_text", markdown::to_text(editorial.text, 72, rendering));
    if (!editorial.note.empty()) context.set("editorial_note", editorial.note);
    // What an inbox shows after the subject; most show fewer than 120 characters.
    context.set("preheader", typography::shorten(markdown::to_text(editorial.text, 0, {language == "fr", nullptr}), 120));

    data sections{data::type::list};
    auto add_section = [&](const std::string& title, data items) {
        data section;
        section.set("title", title);
        section.set("items", items);
        sections.push_back(section);
    };
    for (const auto& section : source.sections) {
        if (section.items.empty()) continue;
        data items{data::type::list};
        for (const auto& item : section.items) {
            const Chosen title = choose(item.title, language), body = choose(item.body, language);
            std::vector<std::pair<std::string, std::string>> links;
            for (const auto& link : item.links) links.emplace_back(link.url, choose(link.label, language).text);
            items.push_back(
                item_data(title.text, body.text, title.note.empty() ? body.note : title.note, links, rendering, language));
        }
        add_section(word(section.id, language), items);
    }
    if (!digest.talks.empty()) {
        data items{data::type::list};
        for (const auto& talk : digest.talks) {
            const auto [day, time] = local_date_time(talk.starts_at, options.time_zone);
            std::string body = fmt::format("{}, {} ({})", lang.date(day), time, options.time_zone);
            const auto& summary = language == "fr" ? talk.summary_fr : talk.summary_en;
            if (summary) body += "\n\n" + clean(*summary);
            if (talk.speakers)
                body += "\n\n" + fmt::format(fmt::runtime(word("speakers", language)), markdown::escape(clean(*talk.speakers)));
            std::vector<std::pair<std::string, std::string>> links;
            if (talk.replay_url) links.emplace_back(*talk.replay_url, word("replay", language));
            items.push_back(
                item_data(clean(language == "fr" ? talk.title_fr : talk.title_en), body, "", links, rendering, language));
        }
        add_section(word("talks", language), items);
    }
    // The month the database's sections are about: the one before the issue's.
    const std::string in_month = fmt::format(fmt::runtime(word("in_month", language)), lang.month_year_long(digest.month));
    {
        const auto& joined = digest.new_members;
        const std::string members = joined.shown ? lang.number(*joined.shown)
                                    : joined.label == Label::fewer_than
                                        ? fmt::format(fmt::runtime(lang.text("fewer_than")), lang.number(digest.min_cell))
                                        : lang.text("hidden");
        // The annual report's words for the network's members; news and files are public spaces' only.
        const std::string body = fmt::format("- {}: {}\n- {}: {}\n- {}: {}\n", lang.text("new_members"), members,
                                             word("public_news", language), lang.number(digest.news),
                                             word("public_files", language), lang.number(digest.files));
        data items{data::type::list};
        items.push_back(item_data(in_month, body, "", {}, rendering, language));
        add_section(word("figures", language), items);
    }
    if (!digest.active_spaces.empty()) {
        std::string body;
        for (const auto& [label, count] : digest.active_spaces)
            body += "- " + markdown::escape(clean(label)) + " (" +
                    fmt::format(fmt::runtime(word(count == 1 ? "activity" : "activities", language)),
                                lang.number(count)) +
                    ")\n";
        data items{data::type::list};
        items.push_back(item_data(in_month, body, "", {}, rendering, language));
        add_section(word("spaces", language), items);
    }
    if (!digest.new_files.empty()) {
        std::string body;
        for (const auto& [space, file] : digest.new_files)
            body += "- " + markdown::escape(clean(file)) + " (" + markdown::escape(clean(space)) + ")\n";
        data items{data::type::list};
        items.push_back(item_data(in_month, body, "", {}, rendering, language));
        add_section(word("files", language), items);
    }
    context.set("sections", sections);
    data reference_list{data::type::list};
    for (std::size_t i = 0; i < references.urls().size(); ++i) {
        data reference;
        reference.set("number", std::to_string(i + 1));
        reference.set("url", references.urls()[i]);
        reference_list.push_back(reference);
    }
    if (!references.urls().empty()) context.set("references_title", word("references", language));
    context.set("references", reference_list);
    // The text template's own "Label: address", set as the rest of the edition.
    context.set("colon", language == "fr" ? "\u202F:" : ":");
    context.set("footer_why", word("footer_why", language));
    context.set("unsubscribe_label", word("unsubscribe", language));
    context.set("unsubscribe_url", options.personal ? unsubscribe_mark : options.unsubscribe_url);
    // The archive's copy is a web page: no one to unsubscribe, and it is what "online" links to.
    if (options.personal) context.set("personal", true);
    if (options.personal && !options.archive_url.empty()) {
        const std::string base = options.archive_url + (options.archive_url.ends_with('/') ? "" : "/");
        const std::string other = language == "fr" ? "en" : "fr";
        context.set("online_url", base + source.issue + "." + language + ".html");
        context.set("online_label", word("view_online", language));
        context.set("other_language_url", base + source.issue + "." + other + ".html");
        context.set("other_language_label", word("other_language", language));
        context.set("other_language", other);
    }

    edition.html = render(options.templates_dir / "letter" / "letter.html.mustache", context, true);
    edition.text = render(options.templates_dir / "letter" / "letter.txt.mustache", context, false);
    return edition;
}

namespace {

void replace_all(std::string& text, const std::string& mark, const std::string& value) {
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
        text.replace(at, mark.size(), value);
}

} // namespace

PersonalCopy personalise(const LetterEdition& edition, const std::string& name, const std::string& unsubscribe_url) {
    PersonalCopy copy{edition.html, edition.text};
    const std::string clean_name = clean(name);
    // Isolated, so that a name written right to left does not carry the greeting's comma
    // (or the sentence around it) along with it.
    replace_all(copy.html, name_mark, "<bdi>" + html_escape(clean_name) + "</bdi>");
    replace_all(copy.html, unsubscribe_mark, html_escape(unsubscribe_url));
    replace_all(copy.text, name_mark, clean_name);
    replace_all(copy.text, unsubscribe_mark, unsubscribe_url);
    return copy;
}

} // namespace expeer
