// What a command may need, built once in main and only when first asked for: a command that
// never touches the database never opens it.
#pragma once

#include "config/config.hpp"
#include "config/environment.hpp"
#include "geo/countries.hpp"
#include "geo/subdivisions.hpp"
#include "map/region_names.hpp"
#include "library/blob_store.hpp"
#include "members/erasure_list.hpp"
#include "members/member.hpp"
#include "output.hpp"
#include "platform/http.hpp"
#include "platform/settings.hpp"
#include "platform/tracim.hpp"
#include "store/database.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace expeer::cli {

// Options that every command takes, before or after its name.
struct GlobalOptions {
    std::string database;    // --db
    std::string config_file; // --config
    std::string actor;       // --actor
    bool quiet = false;      // --quiet: nothing but data and errors, for cron
};

class Context {
public:
    Context(Environment env, std::ostream& out, std::ostream& err, bool out_is_terminal,
            bool err_is_terminal = false);

    GlobalOptions options;
    std::ostream& out;
    std::ostream& err;

    const Environment& environment() const { return env_; }
    Config& config();
    const Clock& clock();
    DatabaseOptions database_options();
    // Another database than the configured one, named by a file or a URL, with the same
    // settings (busy timeout, password).
    DatabaseOptions database_options(const std::string& location);
    // Must exist and be at this program's schema version. A command that only reads asks for
    // it read-only: it then works on a copy nobody may change (a mounted copy, mode 0444), and
    // a command that writes says clearly when the database cannot be written.
    Database& database(DatabaseAccess access = DatabaseAccess::read_write);
    // How addresses are to be compared, as members.email_local_part says.
    EmailKeyRule email_key_rule();
    const Countries& countries();
    const Subdivisions& subdivisions();
    // Other names of regions for the maps (templates_dir/map/region-names.yaml).
    const RegionNames& region_names();
    // The list of erased people: erasures_file, or DATABASE.erasures beside the database.
    ErasureList& erasures();
    // File contents: files_dir, or DATABASE.files beside the database.
    BlobStore& blobs();
    // The collaboration platform, as platform.* configures it (one connection, kept).
    const PlatformSettings& platform_settings();
    TracimClient& platform();

    // Table on a terminal, CSV otherwise, unless the command was given --format.
    Format format(const std::string& requested) const;
    // A message for the person at the terminal (stderr); silent under --quiet.
    void say(const std::string& message);
    // "expeer: warning: MESSAGE", silent under --quiet; "expeer: error: MESSAGE", always.
    // These and say() are the last line of defence against a value that was quoted in a
    // message unescaped: whatever a terminal would act on is escaped (printable_lines), the
    // message's own line breaks kept.
    void warn(const std::string& message);
    void error(const std::string& message);
    // Whether to draw progress: a terminal, and not --quiet.
    bool show_progress() const { return err_is_terminal_ && !options.quiet; }

    // What the command ends with when it does not throw: ok, or partial for a batch with
    // rejected items.
    ExitCode exit_code = ExitCode::ok;

private:
    // The file or directory `key` names; by default, the database's path with `suffix`,
    // which a database on a server has not.
    std::filesystem::path beside_database(const std::string& key, const std::string& suffix, const char* what);

    Environment env_;
    bool out_is_terminal_;
    bool err_is_terminal_;
    std::optional<Config> config_;
    std::unique_ptr<Clock> clock_;
    std::unique_ptr<Database> database_;
    std::optional<Countries> countries_;
    std::optional<Subdivisions> subdivisions_;
    std::optional<RegionNames> region_names_;
    std::optional<BlobStore> blobs_;
    std::optional<ErasureList> erasures_;
    std::optional<PlatformSettings> platform_settings_;
    std::unique_ptr<HttpTransport> platform_http_;
    std::unique_ptr<TracimClient> platform_;
};

// Set by the chosen subcommand's callback; run once parsing has succeeded.
using Action = std::function<void()>;

} // namespace expeer::cli
