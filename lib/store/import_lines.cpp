#include "store/import_lines.hpp"

#include "store/database.hpp"

namespace expeer {

ImportLines::ImportLines(Database& db) : db_(db) { clear(); }

void ImportLines::clear() {
    db_.guarded([&] { db_.prepare("DELETE FROM import_lines").run(); });
}

// The column is named email_key for the member import it was made for; it holds any key.
std::optional<std::size_t> ImportLines::remember(const std::string& key, std::size_t line) {
    return db_.guarded([&]() -> std::optional<std::size_t> {
        auto& insert = db_.cached("INSERT INTO import_lines (email_key, line) VALUES (?, ?) "
                                  "ON CONFLICT (email_key) DO NOTHING");
        insert.bind(1, key);
        insert.bind(2, static_cast<std::int64_t>(line));
        if (insert.run() == 1) return std::nullopt;
        return seen(key);
    });
}

std::optional<std::size_t> ImportLines::seen(const std::string& key) {
    return db_.guarded([&]() -> std::optional<std::size_t> {
        auto& earlier = db_.cached("SELECT line FROM import_lines WHERE email_key = ?");
        earlier.bind(1, key);
        std::optional<std::size_t> line;
        if (earlier.next()) line = static_cast<std::size_t>(earlier.integer(0));
        earlier.reset();
        return line;
    });
}

} // namespace expeer
