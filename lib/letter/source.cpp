#include "letter/source.hpp"

#include "letter/markdown.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"
#include "util/yaml_text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

namespace expeer {

const std::vector<std::string>& letter_section_ids() {
    static const std::vector<std::string> ids = {"analyses", "events", "opportunities", "press_review"};
    return ids;
}

void check_issue_name(const std::string& issue) {
    if (issue.size() != 7 || issue[4] != '-' || !parse_date(issue + "-01"))
        throw Error(ErrorKind::usage, fmt::format("issue '{}': expected a year and a month, such as 2024-09", issue));
}

std::string new_letter_source(const std::string& issue) {
    check_issue_name(issue);
    return fmt::format(R"yaml(# The ExPEERience Letter, issue {0}. The format is described in expeer-letter(5).
# Every text is Markdown, in French (fr) and in English (en). The talks of the coming weeks,
# the network in figures, the most active public spaces and their new files are added from
# the database when the letter is built. Replace every [[...]]: an issue that still has one
# cannot be approved. The letter greets each member by name before the editorial.
subject:
  fr: "La Lettre ExPEERience – {0}"
  en: "The ExPEERience Letter – {0}"
editorial:
  fr: |
    [[L'éditorial]]
  en: |
    [[The editorial]]
sections:
  analyses:
    - title:
        fr: "[[Titre de l'analyse]]"
        en: "[[Title of the analysis]]"
      body:
        fr: |
          [[Texte de l'analyse.]]
        en: |
          [[Text of the analysis.]]
      links:
        - url: https://example.org/[[analysis]]
          label:
            fr: Lire l'analyse
            en: Read the analysis
  events: []
  opportunities: []
  press_review: []
)yaml",
                       issue);
}

namespace {

class Reader {
public:
    Reader(std::string file, const std::string& text) : file_(std::move(file)), text_(text) {}

    // A mapping's key as text; a key that is a list or a mapping is a problem, and empty.
    std::string key(const YAML::Node& node, const std::string& field) {
        if (node.IsScalar()) return node.Scalar();
        problem(node, field, "expected a name as key");
        return {};
    }

    void problem(const YAML::Node& node, const std::string& field, const std::string& reason) {
        errors_.push_back({fmt::format("{}:{}", file_, node.Mark().line + 1), field, reason});
    }

    Bilingual bilingual(const YAML::Node& node, const std::string& field, bool required) {
        Bilingual text;
        text.line = node ? static_cast<std::size_t>(node.Mark().line + 1) : 0;
        if (!node) {
            if (required) errors_.push_back({file_, field, "is required (fr and en)"});
            return text;
        }
        if (!node.IsMap()) {
            problem(node, field, "expected fr: and en:");
            return text;
        }
        for (const auto& entry : node) {
            const std::string language = key(entry.first, field);
            if (language != "fr" && language != "en") {
                if (!language.empty())
                    problem(entry.first, field,
                            fmt::format("'{}' is not a language of the letter (fr, en)", printable(language, 40)));
                continue;
            }
            if (!entry.second.IsScalar()) {
                problem(entry.second, field + "." + language, "expected text");
                continue;
            }
            std::string value = entry.second.Scalar();
            if (value.find_first_not_of(" \t\r\n") == std::string::npos) continue; // blank is missing
            (language == "fr" ? text.fr : text.en) = std::move(value);
            (language == "fr" ? text.fr_place : text.en_place) = place(entry.second);
        }
        return text;
    }

    // A Markdown text's images, each an error at its line.
    void refuse_images(const Bilingual& text, const std::string& field) {
        for (const auto& [value, place, language] :
             {std::tuple(text.fr, text.fr_place, "fr"), std::tuple(text.en, text.en_place, "en")}) {
            if (!value) continue;
            for (const auto& image : markdown::images(*value)) {
                const std::string where = fmt::format("{}:{}", file_, place.line_of(image.line));
                errors_.push_back(
                    {where, field + "." + language,
                     image.url.starts_with("data:")
                         ? "has an image: images are not supported"
                         : fmt::format("has an image from '{}': images are not supported, and one from another "
                                       "server would tell it who opens the letter, and when",
                                       printable(image.url, 80))});
            }
        }
    }

    std::vector<FieldError> errors_;

private:
    // yaml-cpp marks a block scalar at its indicator: its text starts on the next line.
    TextPlace place(const YAML::Node& scalar) const {
        const auto mark = scalar.Mark();
        const std::size_t line = static_cast<std::size_t>(mark.line + 1);
        const char indicator = mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size() ? text_[mark.pos] : ' ';
        if (indicator == '|') return {line + 1, true};
        if (indicator == '>') return {line + 1, false};
        return {line, false};
    }

    std::string file_;
    const std::string& text_;
};

} // namespace

LetterSource read_letter_source(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': create it with `expeer letter new`", file.string()));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse_letter_source(bytes.str(), file.stem().string(), file.filename().string());
}

LetterSource parse_letter_source(const std::string& text, const std::string& issue, const std::string& name) {
    const YAML::Node root = load_yaml_text(text, name);
    LetterSource source;
    source.issue = issue;
    source.sha256 = sha256_hex(text);
    Reader reader(name, text);
    if (!root.IsMap()) throw InvalidInput({{name, "YAML", "expected subject:, editorial: and sections:"}});
    for (const auto& entry : root) {
        const std::string key = reader.key(entry.first, "(top level)");
        if (!key.empty() && key != "subject" && key != "editorial" && key != "sections")
            reader.problem(entry.first, printable(key, 40), "unknown field (expected subject, editorial, sections)");
    }
    source.subject = reader.bilingual(root["subject"], "subject", true);
    source.editorial = reader.bilingual(root["editorial"], "editorial", false);
    reader.refuse_images(source.editorial, "editorial");
    const YAML::Node sections = root["sections"];
    if (sections && !sections.IsMap()) reader.problem(sections, "sections", "expected the sections by name");
    if (sections && sections.IsMap())
        for (const auto& entry : sections) {
            const std::string id = reader.key(entry.first, "sections");
            const auto& ids = letter_section_ids();
            if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end())
                reader.problem(entry.first, "sections." + printable(id, 40),
                               "unknown section (expected analyses, events, opportunities, press_review)");
        }
    for (const auto& id : letter_section_ids()) {
        LetterSection section{id, {}};
        const YAML::Node items = sections && sections.IsMap() ? sections[id] : YAML::Node();
        if (items && !items.IsNull() && !items.IsSequence()) reader.problem(items, "sections." + id, "expected a list of items");
        if (items && items.IsSequence())
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string where = fmt::format("sections.{}[{}]", id, i + 1);
                const YAML::Node node = items[i];
                if (!node.IsMap()) {
                    reader.problem(node, where, "expected title:, body: and links:");
                    continue;
                }
                LetterItem item;
                item.title = reader.bilingual(node["title"], where + ".title", true);
                item.body = reader.bilingual(node["body"], where + ".body", false);
                reader.refuse_images(item.body, where + ".body");
                if (const YAML::Node links = node["links"]; links && links.IsSequence())
                    for (std::size_t k = 0; k < links.size(); ++k) {
                        const std::string link_where = fmt::format("{}.links[{}]", where, k + 1);
                        const YAML::Node url = links[k].IsMap() ? links[k]["url"] : YAML::Node();
                        const std::string value = url && url.IsScalar() ? url.Scalar() : "";
                        if (!(value.starts_with("https://") || value.starts_with("http://") || value.starts_with("mailto:")) ||
                            value.find_first_of(" \"<>\r\n") != std::string::npos) {
                            reader.problem(url ? url : links[k], link_where + ".url",
                                           "expected an https://, http:// or mailto: address");
                            continue;
                        }
                        item.links.push_back({value, reader.bilingual(links[k]["label"], link_where + ".label", false),
                                              static_cast<std::size_t>(url.Mark().line + 1)});
                    }
                section.items.push_back(std::move(item));
            }
        source.sections.push_back(std::move(section));
    }
    if (!reader.errors_.empty()) throw InvalidInput(reader.errors_);
    return source;
}

std::vector<FieldError> missing_translations(const LetterSource& source) {
    std::vector<FieldError> missing;
    const std::string name = source.issue + ".yaml";
    auto check = [&](const Bilingual& text, const std::string& field) {
        if (text.fr.has_value() == text.en.has_value()) return;
        missing.push_back({fmt::format("{}:{}", name, text.line), field,
                           text.fr ? "no English text" : "no French text"});
    };
    check(source.subject, "subject");
    check(source.editorial, "editorial");
    for (const auto& section : source.sections)
        for (std::size_t i = 0; i < section.items.size(); ++i) {
            const auto where = fmt::format("sections.{}[{}]", section.id, i + 1);
            check(section.items[i].title, where + ".title");
            check(section.items[i].body, where + ".body");
            for (std::size_t k = 0; k < section.items[i].links.size(); ++k)
                check(section.items[i].links[k].label, fmt::format("{}.links[{}].label", where, k + 1));
        }
    return missing;
}

namespace {

const std::string placeholder_start = "[[", placeholder_end = "]]";

// The first placeholder of a text, and the line of the text it is on (from 1).
std::optional<std::pair<std::string, std::size_t>> first_placeholder(const std::string& text) {
    for (std::size_t start = text.find(placeholder_start); start != std::string::npos;
         start = text.find(placeholder_start, start + 1)) {
        const std::size_t end = text.find(placeholder_end, start + placeholder_start.size());
        if (end == std::string::npos || text.find('\n', start) < end) continue;
        const auto line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + start, '\n')) + 1;
        return std::pair(text.substr(start, end + placeholder_end.size() - start), line);
    }
    return std::nullopt;
}

} // namespace

std::vector<FieldError> placeholders_left(const LetterSource& source) {
    std::vector<FieldError> left;
    const std::string name = source.issue + ".yaml";
    auto add = [&](const std::string& placeholder, std::size_t line, const std::string& field) {
        left.push_back({fmt::format("{}:{}", name, line), field,
                        fmt::format("'{}' is still to be written", printable(placeholder, 60))});
    };
    auto check = [&](const Bilingual& text, const std::string& field) {
        if (text.fr)
            if (const auto found = first_placeholder(*text.fr))
                add(found->first, text.fr_place.line_of(found->second), field + ".fr");
        if (text.en)
            if (const auto found = first_placeholder(*text.en))
                add(found->first, text.en_place.line_of(found->second), field + ".en");
    };
    check(source.subject, "subject");
    check(source.editorial, "editorial");
    for (const auto& section : source.sections)
        for (std::size_t i = 0; i < section.items.size(); ++i) {
            const auto where = fmt::format("sections.{}[{}]", section.id, i + 1);
            const LetterItem& item = section.items[i];
            check(item.title, where + ".title");
            check(item.body, where + ".body");
            for (std::size_t k = 0; k < item.links.size(); ++k) {
                const auto link = fmt::format("{}.links[{}]", where, k + 1);
                if (const auto found = first_placeholder(item.links[k].url))
                    add(found->first, item.links[k].line, link + ".url");
                check(item.links[k].label, link + ".label");
            }
        }
    return left;
}

} // namespace expeer
