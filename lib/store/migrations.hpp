// Numbered schema migrations. A migration is never edited once released: changes are new
// migrations. Each records itself in schema_migrations.
#pragma once

#include <string_view>
#include <vector>

namespace expeer {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

const std::vector<Migration>& migrations();

} // namespace expeer
