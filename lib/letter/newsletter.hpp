// The letter's life: a source file is created, approved (its checksum recorded), built into
// editions, sent, and archived for the website. The commands of `expeer letter` call these.
#pragma once

#include "letter/edition.hpp"
#include "letter/message.hpp"
#include "letter/sender.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace expeer {

class Clock;
class Config;
class Database;

// letter.dir, or "letters" in the directory that holds `beside` (the database's file, or on a
// server the directory of the libraries' contents).
std::filesystem::path letter_directory(const Config& config, const std::filesystem::path& beside);

// Writes the skeleton of ISSUE.yaml; refuses an existing one unless `replace`.
std::filesystem::path create_issue(const std::filesystem::path& directory, const std::string& issue, bool replace);

struct PreparedIssue {
    LetterSource source;
    bool allow_missing = false;
    std::map<std::string, LetterEdition> editions;         // fr, en: the members' copies
    std::map<std::string, LetterEdition> archive_editions; // the same for the web, no one's
    std::vector<PublishedFigure> published; // the counts of people it shows, for the ledger
};

// Reads, checks and renders an issue in both languages.
PreparedIssue prepare_issue(Database& db, const Config& config, const std::filesystem::path& directory,
                            const std::string& issue, bool allow_missing);

// Records the source's checksum, the editions as they are now (members' and archive's), the
// options, and, in the ledger of published figures, the counts of people the issue shows
// (frozen from then on: a later approval keeps them).
void approve_issue(Database& db, const PreparedIssue& prepared, const Clock& clock, const std::string& actor);
// Only an approved issue is sent, as it was approved: a changed source must be approved again.
void check_approved(Database& db, const LetterSource& source);

// The editions of an approved issue as they were approved, by language: "members" (to send)
// or "archive". An approval from before editions were kept renders them again, with the
// options it was given.
std::map<std::string, LetterEdition> editions_as_approved(Database& db, const Config& config,
                                                          const std::filesystem::path& directory,
                                                          const std::string& issue, const std::string& copy);

// Who would receive it now, per language (preferred, or the fallback).
std::map<std::string, std::int64_t> recipients_by_language(Database& db, const std::string& fallback_language);

// ISSUE.LANG.html, .txt and a sample .eml (to a fictional member) in `out`.
std::vector<std::filesystem::path> write_build(const PreparedIssue& prepared, const LetterSettings& settings,
                                               const std::filesystem::path& out, const Clock& clock);

} // namespace expeer
