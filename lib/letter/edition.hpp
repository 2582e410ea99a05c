// One language's edition of an issue: subject, HTML and plain text, rendered from the
// templates in templates/letter/ (kainjow-mustache; every text from the source or the
// database is escaped) with placeholders for what differs per member.
#pragma once

#include "letter/digest.hpp"
#include "letter/source.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace expeer {

struct LetterEdition {
    std::string language;
    std::string subject;
    std::string html;
    std::string text;
};

struct EditionOptions {
    std::filesystem::path templates_dir; // holds letter/letter.html.mustache, letter/letter.txt.mustache
    bool allow_missing = false;          // a missing translation falls back, with a note
    bool personal = true;                // false: the web archive's copy, with no one's name
    std::string unsubscribe_url;         // the web page; members' copies add their token
    std::string archive_url;             // where the archive is published: members' copies link there
    std::string time_zone = "UTC";       // the network's, for the talks' times
};

// Missing translations are an InvalidInput listing each, unless allow_missing.
LetterEdition build_edition(const LetterSource& source, const NetworkDigest& digest, const std::string& language,
                            const EditionOptions& options);

// A member's copy: their name in the greeting, their unsubscribe link.
struct PersonalCopy {
    std::string html;
    std::string text;
};
PersonalCopy personalise(const LetterEdition& edition, const std::string& name, const std::string& unsubscribe_url);

const std::vector<std::string>& letter_languages(); // fr, en
// "La Lettre ExPEERience", "The ExPEERience Letter": the name the editions carry.
std::string letter_name(const std::string& language);

} // namespace expeer
