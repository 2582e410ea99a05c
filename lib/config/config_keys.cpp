#include "config/config_keys.hpp"

#include "config/environment.hpp"

#ifndef EXPEER_ISO_CODES_DIR
#define EXPEER_ISO_CODES_DIR "/usr/share/iso-codes/json"
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
        {"iso_codes_dir", ValueType::path, EXPEER_ISO_CODES_DIR, "EXPEER_ISO_CODES_DIR", false,
         {}, "the JSON files of Debian's iso-codes package"},
        {"locale_dir", ValueType::path, EXPEER_LOCALE_DIR, "EXPEER_LOCALE_DIR", false, {},
         "the gettext catalogues that translate iso-codes names"},
    };
}

} // namespace expeer
