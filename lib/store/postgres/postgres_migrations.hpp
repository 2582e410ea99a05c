// The schema's migrations in PostgreSQL's SQL, numbered as SQLite's (store/migrations.hpp).
#pragma once

#include "store/migrations.hpp"

#include <vector>

namespace expeer {

const std::vector<Migration>& postgres_migrations();

} // namespace expeer
