#include "config/config_keys.hpp"

#include "config/environment.hpp"

#ifndef EXPEER_ISO_CODES_DIR
#define EXPEER_ISO_CODES_DIR "/usr/share/iso-codes/json"
#endif
#ifndef EXPEER_TEMPLATES_DIR
#define EXPEER_TEMPLATES_DIR "/usr/share/expeer/templates"
#endif
#ifndef EXPEER_LOCALE_DIR
#define EXPEER_LOCALE_DIR "/usr/share/locale"
#endif

namespace expeer {

std::vector<ConfigKey> expeer_config_keys(const Environment& env) {
    const std::string home = env.get_or("HOME", "/root");
    const std::string data_home = env.get_or("XDG_DATA_HOME", home + "/.local/share");
    return {
        {"database", ValueType::path, data_home + "/expeer/expeer.db", "EXPEER_DB", false, {},
         "the SQLite database file"},
        {"busy_timeout_ms", ValueType::integer, "30000", "EXPEER_BUSY_TIMEOUT_MS", false, {},
         "how long a command waits for another one's write to finish, in milliseconds"},
        {"actor", ValueType::string, env.get_or("USER", "unknown"), "EXPEER_ACTOR", false, {},
         "who is named in the audit log for the changes made"},
        {"members.default_language", ValueType::choice, "en", "EXPEER_MEMBERS_DEFAULT_LANGUAGE",
         false, {"fr", "en", "ar", "pt", "de", "es"},
         "preferred language given to a new member when none is given"},
        {"files_dir", ValueType::string, "", "EXPEER_FILES_DIR", false, {},
         "where file libraries keep their contents; empty: beside the database, in DATABASE.files"},
        {"library.quota_mb", ValueType::integer, "0", "EXPEER_LIBRARY_QUOTA_MB", false, {},
         "the most a space's library may hold, in megabytes; 0: no limit"},
        {"library.space_quota_mb.*", ValueType::integer, "", "", false, {},
         "the quota of one space, by its slug, in megabytes, instead of library.quota_mb"},
        {"library.max_file_mb", ValueType::integer, "500", "EXPEER_LIBRARY_MAX_FILE_MB", false, {},
         "the largest file an imported archive may hold, in megabytes"},
        {"library.max_archive_mb", ValueType::integer, "5000", "EXPEER_LIBRARY_MAX_ARCHIVE_MB", false, {},
         "the most an imported archive may unpack to, in megabytes"},
        {"library.max_compression_ratio", ValueType::integer, "100", "EXPEER_LIBRARY_MAX_COMPRESSION_RATIO", false, {},
         "how many times its own size an archive may unpack to before it is taken for a bomb"},
        {"stats.time_zone", ValueType::string, "UTC", "EXPEER_STATS_TIME_ZONE", false, {},
         "the time zone whose days and months reports count in (an IANA name: Europe/Brussels)"},
        {"stats.year_starts", ValueType::integer, "1", "EXPEER_STATS_YEAR_STARTS", false, {},
         "the month the report year starts in (8: August to July)"},
        {"stats.active_kinds", ValueType::string, "news,comment,file,login", "EXPEER_STATS_ACTIVE_KINDS", false, {},
         "the activities that make a member active, separated by commas"},
        {"stats.test_accounts", ValueType::string, "", "EXPEER_STATS_TEST_ACCOUNTS", false, {},
         "email patterns of test accounts, left out of statistics ('*' any characters), separated by commas"},
        {"stats.min_cell", ValueType::integer, "5", "EXPEER_STATS_MIN_CELL", false, {},
         "public reports hide every count of people below this"},
        {"stats.sensitive_countries", ValueType::string, "", "EXPEER_STATS_SENSITIVE_COUNTRIES", false, {},
         "countries public reports never show, by code or name, separated by commas"},
        {"stats.map_classes", ValueType::string, "1,19,35", "EXPEER_STATS_MAP_CLASSES", false, {},
         "the world map's classes of members per country: their lower bounds above 0"},
        {"stats.top_countries", ValueType::integer, "9", "EXPEER_STATS_TOP_COUNTRIES", false, {},
         "how many countries the report names as the main ones"},
        {"templates_dir", ValueType::path, EXPEER_TEMPLATES_DIR, "EXPEER_TEMPLATES_DIR", false, {},
         "the report's stylesheet and world map, and the newsletter's templates"},
        {"iso_codes_dir", ValueType::path, EXPEER_ISO_CODES_DIR, "EXPEER_ISO_CODES_DIR", false,
         {}, "the JSON files of Debian's iso-codes package"},
        {"locale_dir", ValueType::path, EXPEER_LOCALE_DIR, "EXPEER_LOCALE_DIR", false, {},
         "the gettext catalogues that translate iso-codes names"},
    };
}

} // namespace expeer
