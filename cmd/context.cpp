#include "context.hpp"

#include "members/registry.hpp"
#include "util/error.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

namespace expeer::cli {

Context::Context(Environment env, std::ostream& out_stream, std::ostream& err_stream, bool out_is_terminal,
                 bool err_is_terminal)
    : out(out_stream), err(err_stream), env_(std::move(env)), out_is_terminal_(out_is_terminal),
      err_is_terminal_(err_is_terminal) {}

Config& Context::config() {
    if (!config_) {
        ConfigSources sources = default_config_sources(env_);
        if (!options.config_file.empty()) sources.explicit_file = options.config_file;
        config_ = load_config(env_, sources);
        // Layer 6 of the precedence in config.hpp: the command line.
        if (!options.database.empty()) config_->set("database", options.database, "command line --db");
        if (!options.actor.empty()) config_->set("actor", options.actor, "command line --actor");
        for (const auto& warning : config_->warnings()) warn(warning);
    }
    return *config_;
}

const Clock& Context::clock() {
    if (!clock_) {
        // EXPEER_NOW fixes the time, for tests and reproducible demonstrations.
        if (const auto now = env_.get("EXPEER_NOW"); now && !now->empty()) {
            const auto at = parse_timestamp(*now);
            if (!at)
                throw Error(ErrorKind::config,
                            fmt::format("EXPEER_NOW must be a time as 2024-05-01T10:00:00Z, not '{}'", *now));
            clock_ = std::make_unique<FixedClock>(*at);
        } else {
            clock_ = std::make_unique<SystemClock>();
        }
    }
    return *clock_;
}

DatabaseOptions Context::database_options() { return database_options(config().get("database")); }

DatabaseOptions Context::database_options(const std::string& location) {
    DatabaseOptions options = database_at(location, static_cast<int>(config().get_integer("busy_timeout_ms")));
    // A server's password comes from the environment (or libpq's password file), never
    // from the database URL, which messages and `config show` print.
    if (options.on_server()) options.password = env_.get("EXPEER_DB_PASSWORD").value_or("");
    return options;
}

Database& Context::database(DatabaseAccess access) {
    if (!database_) {
        DatabaseOptions options = database_options();
        options.access = access;
        database_ = Database::open(options);
        // Keys stay by the rule the database records until `db migrate` computes them again.
        if (const auto warning = email_key_rule_warning(*database_, email_key_rule()))
            warn(*warning);
    }
    return *database_;
}

EmailKeyRule Context::email_key_rule() {
    return email_key_rule_named(config().get("members.email_local_part"))
        .value_or(EmailKeyRule::fold);
}

const Countries& Context::countries() {
    if (!countries_) countries_ = Countries::load(config().get("iso_codes_dir"), config().get("locale_dir"));
    return *countries_;
}

const Subdivisions& Context::subdivisions() {
    if (!subdivisions_) subdivisions_ = Subdivisions::load(config().get("iso_codes_dir"), config().get("locale_dir"));
    return *subdivisions_;
}

const RegionNames& Context::region_names() {
    if (!region_names_)
        region_names_ = read_region_names(std::filesystem::path(config().get("templates_dir")) / "map" / "region-names.yaml");
    return *region_names_;
}

ErasureList& Context::erasures() {
    if (!erasures_) {
        erasures_.emplace(beside_database("erasures_file", ".erasures", "the list of erased people"));
    }
    return *erasures_;
}

std::filesystem::path Context::beside_database(const std::string& key, const std::string& suffix, const char* what) {
    if (const std::string set = config().get(key); !set.empty()) return set;
    if (database_options().on_server())
        throw Error(ErrorKind::config, fmt::format("the database is on a server: set {} (where {} are kept on this "
                                                   "machine), in the configuration or the environment",
                                                   key, what));
    return config().get("database") + suffix;
}

BlobStore& Context::blobs() {
    if (!blobs_) {
        blobs_.emplace(beside_database("files_dir", ".files", "the contents of the file libraries"));
    }
    return *blobs_;
}

const PlatformSettings& Context::platform_settings() {
    if (!platform_settings_) platform_settings_ = expeer::platform_settings(config());
    return *platform_settings_;
}

TracimClient& Context::platform() {
    if (!platform_) {
        const auto& s = platform_settings();
        CurlTransport::Options options;
        options.base_url = s.url;
        options.headers = {"Tracim-Api-Key: " + s.api_key, "Tracim-Api-Login: " + s.login};
        options.timeout_seconds = s.timeout_seconds;
        options.retries = s.retries;
        options.retry_delay = std::chrono::milliseconds(s.retry_delay_ms);
        options.ca_file = s.ca_file;
        // Four connections: a pull asks for many small answers (a file's versions, a news
        // item's comments), and the platform answers several at once.
        platform_http_ = std::make_unique<TransportPool>(
            [options] { return std::make_unique<CurlTransport>(options); }, 4);
        platform_ = std::make_unique<TracimClient>(*platform_http_, s.login, s.page_size);
    }
    return *platform_;
}

Format Context::format(const std::string& requested) const {
    if (!requested.empty()) return parse_format(requested);
    return out_is_terminal_ ? Format::table : Format::csv;
}

void Context::say(const std::string& message) {
    if (!options.quiet) err << printable_lines(message) << '\n';
}

void Context::warn(const std::string& message) { say("expeer: warning: " + message); }

void Context::error(const std::string& message) {
    err << "expeer: error: " << printable_lines(message) << '\n';
}

} // namespace expeer::cli
