#include "store/database_options.hpp"

namespace expeer {

namespace {

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

} // namespace

DatabaseOptions database_at(const std::string& location, int busy_timeout_ms) {
    DatabaseOptions options;
    options.busy_timeout_ms = busy_timeout_ms;
    if (starts_with(location, "postgresql://") || starts_with(location, "postgres://")) options.url = location;
    else if (starts_with(location, "sqlite://")) options.file = location.substr(std::string_view("sqlite://").size());
    else options.file = location;
    return options;
}

} // namespace expeer
