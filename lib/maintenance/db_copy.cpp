#include "maintenance/db_copy.hpp"

#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace expeer {

std::vector<CopiedTable> copy_network(const DatabaseOptions& from, const DatabaseOptions& to, const Clock& clock,
                                      const std::string& actor) {
    if (from.shown() == to.shown())
        throw Error(ErrorKind::usage, fmt::format("'{}' is both where to copy from and to", from.shown()));
    DatabaseOptions reading = from;
    reading.access = DatabaseAccess::read_only;
    const auto source = Database::open(reading);

    const bool new_file = !to.on_server() && !std::filesystem::exists(to.file);
    try {
        Database::init(to, clock);
        const auto target = Database::open(to);
        auto copied = copy_database(*source, *target);
        std::int64_t rows = 0;
        for (const auto& table : copied) rows += table.rows;
        record_audit(*target, {0, format_timestamp(clock.now()), actor, "db.copy", "database", "",
                               nlohmann::json{{"from", from.shown()}, {"rows", rows}}.dump()});
        return copied;
    } catch (...) {
        if (new_file) {
            std::error_code ignored;
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(to.file.string() + suffix, ignored);
        }
        throw;
    }
}

} // namespace expeer
