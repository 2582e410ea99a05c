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
         "the SQLite database file, or a PostgreSQL database as postgresql://USER@HOST/NAME (any libpq URI; "
         "its password in EXPEER_DB_PASSWORD or PGPASSFILE)"},
        {"busy_timeout_ms", ValueType::integer, "30000", "EXPEER_BUSY_TIMEOUT_MS", false, {},
         "how long a command waits for another one's write to finish, in milliseconds"},
        {"actor", ValueType::string, env.get_or("USER", "unknown"), "EXPEER_ACTOR", false, {},
         "who is named in the audit log for the changes made"},
        {"members.default_language", ValueType::choice, "en", "EXPEER_MEMBERS_DEFAULT_LANGUAGE",
         false, {"fr", "en", "ar", "pt", "de", "es"},
         "preferred language given to a new member when none is given"},
        {"members.email_local_part", ValueType::choice, "fold", "EXPEER_MEMBERS_EMAIL_LOCAL_PART", false,
         {"fold", "exact"},
         "how the part of an address before '@' is compared: fold (ÉLODIE@ is élodie@, as every mail "
         "provider does) or exact (case kept); 'expeer db migrate' applies a change"},
        {"files_dir", ValueType::string, "", "EXPEER_FILES_DIR", false, {},
         "where file libraries keep their contents; empty: beside the database, in DATABASE.files (required "
         "with a PostgreSQL database)"},
        {"erasures_file", ValueType::string, "", "EXPEER_ERASURES_FILE", false, {},
         "the list of erased people (keyed hashes and their key); empty: beside the database, in "
         "DATABASE.erasures (required with a PostgreSQL database)"},
        {"library.quota_mb", ValueType::integer, "0", "EXPEER_LIBRARY_QUOTA_MB", false, {},
         "the most a space's library may hold, in megabytes; 0: no limit"},
        {"library.space_quota_mb.*", ValueType::integer, "", "", false, {},
         "the quota of one space, by its slug, in megabytes, instead of library.quota_mb"},
        {"library.max_files", ValueType::integer, "50000", "EXPEER_LIBRARY_MAX_FILES", false, {},
         "the most files a space's library may hold, removed ones too until purged; 0: no limit"},
        {"library.space_max_files.*", ValueType::integer, "", "", false, {},
         "the most files of one space, by its slug, instead of library.max_files"},
        {"library.max_archive_entries", ValueType::integer, "10000", "EXPEER_LIBRARY_MAX_ARCHIVE_ENTRIES", false, {},
         "the most entries (files and folders) an imported archive may hold"},
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
        {"letter.dir", ValueType::string, "", "EXPEER_LETTER_DIR", false, {},
         "where the letter's issues are written (ISSUE.yaml); empty: 'letters' beside the database"},
        {"letter.from", ValueType::string, "", "EXPEER_LETTER_FROM", false, {}, "the letter's sender address"},
        {"letter.from_name", ValueType::string, "The ExPEERience Letter", "EXPEER_LETTER_FROM_NAME", false, {},
         "the sender's name"},
        {"letter.from_name_fr", ValueType::string, "", "EXPEER_LETTER_FROM_NAME_FR", false, {},
         "the sender's name on the French edition (empty: letter.from_name)"},
        {"letter.from_name_en", ValueType::string, "", "EXPEER_LETTER_FROM_NAME_EN", false, {},
         "the sender's name on the English edition (empty: letter.from_name)"},
        {"letter.archive_url", ValueType::string, "", "EXPEER_LETTER_ARCHIVE_URL", false, {},
         "the https:// address where `letter archive` is published: each message links to its page "
         "there and to the other language's (empty: no links)"},
        {"letter.list_id", ValueType::string, "", "EXPEER_LETTER_LIST_ID", false, {},
         "the List-Id of the letter (RFC 2919): a domain-like name such as letter.network.example"},
        {"letter.unsubscribe_mailto", ValueType::string, "", "EXPEER_LETTER_UNSUBSCRIBE_MAILTO", false, {},
         "the address that unsubscribes whoever writes to it"},
        {"letter.unsubscribe_url", ValueType::string, "", "EXPEER_LETTER_UNSUBSCRIBE_URL", false, {},
         "the https:// page that unsubscribes in one click; each message adds the member's token"},
        {"letter.token_secret", ValueType::string, "", "EXPEER_LETTER_TOKEN_SECRET", true, {},
         "the secret that signs unsubscribe tokens (at least 16 characters)"},
        {"letter.fallback_language", ValueType::choice, "en", "EXPEER_LETTER_FALLBACK_LANGUAGE", false, {"fr", "en"},
         "the letter's language for members who prefer neither French nor English"},
        {"letter.connections", ValueType::integer, "4", "EXPEER_LETTER_CONNECTIONS", false, {},
         "how many SMTP connections send at once (1 to 32)"},
        {"letter.per_second", ValueType::integer, "0", "EXPEER_LETTER_PER_SECOND", false, {},
         "the most messages sent per second; 0: no limit"},
        {"letter.per_hour", ValueType::integer, "0", "EXPEER_LETTER_PER_HOUR", false, {},
         "the most messages sent per hour, all issues together; 0: no limit"},
        {"letter.max_error_percent", ValueType::integer, "10", "EXPEER_LETTER_MAX_ERROR_PERCENT", false, {},
         "sending stops when more than this share of addresses fail permanently (after 20)"},
        {"letter.max_attempts", ValueType::integer, "3", "EXPEER_LETTER_MAX_ATTEMPTS", false, {},
         "how many times one run tries an address that fails temporarily"},
        {"smtp.url", ValueType::string, "smtp://localhost:25", "EXPEER_SMTP_URL", false, {},
         "the SMTP server: smtp://HOST:PORT (STARTTLS required but on localhost) or smtps://HOST:PORT"},
        {"smtp.user", ValueType::string, "", "EXPEER_SMTP_USER", false, {}, "the SMTP user name, if the server wants one"},
        {"smtp.password", ValueType::string, "", "EXPEER_SMTP_PASSWORD", true, {},
         "the SMTP password: from the environment, never a command-line flag"},
        {"smtp.password_file", ValueType::path, "", "EXPEER_SMTP_PASSWORD_FILE", false, {},
         "a file whose first line is the SMTP password (mode 0600)"},
        {"smtp.timeout_seconds", ValueType::integer, "60", "EXPEER_SMTP_TIMEOUT_SECONDS", false, {},
         "how long one message may take before it is retried later"},
        {"platform.url", ValueType::string, "", "EXPEER_PLATFORM_URL", false, {},
         "the collaboration platform (Tracim): https://HOST; http:// only to this machine or with platform.insecure_http"},
        {"platform.login", ValueType::string, "", "EXPEER_PLATFORM_LOGIN", false, {},
         "the account the API key acts as (an email or a user name): an administrator"},
        {"platform.api_key", ValueType::string, "", "EXPEER_PLATFORM_API_KEY", true, {},
         "the platform's API key: from the environment or platform.api_key_file, never a command-line flag"},
        {"platform.api_key_file", ValueType::path, "", "EXPEER_PLATFORM_API_KEY_FILE", false, {},
         "a file whose first line is the API key (mode 0600)"},
        {"platform.invite", ValueType::boolean, "false", "EXPEER_PLATFORM_INVITE", false, {},
         "whether the platform emails an invitation to each account `platform push` creates"},
        {"platform.spaces", ValueType::string, "", "EXPEER_PLATFORM_SPACES", false, {},
         "the spaces whose contents and activity a pull reads, by slug, separated by commas; empty: all"},
        {"platform.timeout_seconds", ValueType::integer, "30", "EXPEER_PLATFORM_TIMEOUT_SECONDS", false, {},
         "how long one call to the platform may take before it is tried again"},
        {"platform.retries", ValueType::integer, "4", "EXPEER_PLATFORM_RETRIES", false, {},
         "how many times a call that failed for a passing reason (5xx, timeout, refused) is tried again"},
        {"platform.retry_delay_ms", ValueType::integer, "1000", "EXPEER_PLATFORM_RETRY_DELAY_MS", false, {},
         "the first wait before a call is tried again, in milliseconds; it doubles each time"},
        {"platform.page_size", ValueType::integer, "500", "EXPEER_PLATFORM_PAGE_SIZE", false, {},
         "how many items a pull asks for in one page (contents, comments, events)"},
        {"platform.insecure_http", ValueType::boolean, "false", "EXPEER_PLATFORM_INSECURE_HTTP", false, {},
         "allow plain http:// to another machine: the API key would cross the network unencrypted"},
        {"platform.ca_file", ValueType::path, "", "EXPEER_PLATFORM_CA_FILE", false, {},
         "a file of certificates to trust for the platform, besides the system's"},
        {"templates_dir", ValueType::path, EXPEER_TEMPLATES_DIR, "EXPEER_TEMPLATES_DIR", false, {},
         "the report's stylesheet and world map, and the newsletter's templates"},
        {"iso_codes_dir", ValueType::path, EXPEER_ISO_CODES_DIR, "EXPEER_ISO_CODES_DIR", false,
         {}, "the JSON files of Debian's iso-codes package"},
        {"locale_dir", ValueType::path, EXPEER_LOCALE_DIR, "EXPEER_LOCALE_DIR", false, {},
         "the gettext catalogues that translate iso-codes names"},
    };
}

} // namespace expeer
