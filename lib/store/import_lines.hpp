// During an import, which line of the file each key (an email address, an event's id) came
// from, kept in a scratch table rather than in memory, so that a file of any size imports in
// bounded memory. Use it inside the import's transaction, and call clear() before committing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace expeer {

class Database;

class ImportLines {
public:
    explicit ImportLines(Database& db); // starts empty
    // Notes that `key` is on `line`; returns the earlier line if it was seen before.
    std::optional<std::size_t> remember(const std::string& key, std::size_t line);
    // The line `key` was noted on, if it was.
    std::optional<std::size_t> seen(const std::string& key);
    void clear();

private:
    Database& db_;
};

} // namespace expeer
