// Violation maps in the database: the map, its vocabulary of categories and its records.
// Only rows in and out: the rules are in lib/map.
#pragma once

#include "map/map_record.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct MapRow {
    std::int64_t id = 0;
    std::string slug;
    std::string country; // ISO 3166-1 alpha-2
    std::string title_fr;
    std::string title_en;
    std::string region_key; // the boundaries' property that holds the ISO 3166-2 code
    std::string boundaries; // the checked GeoJSON, as geo/boundaries stores it
    std::string attribution;
    std::optional<std::string> approved_checksum; // none: a draft
    std::optional<std::string> approved_at;
    std::optional<std::string> approved_by;
    std::string created_at;
    std::string updated_at;
};

enum class RecordChange { added, updated, unchanged };

class MapStore {
public:
    explicit MapStore(Database& db) : db_(db) {}

    std::optional<MapRow> find(const std::string& slug);
    std::vector<MapRow> all(); // by slug
    std::int64_t insert(const MapRow& map);
    void update(const MapRow& map); // everything but the id and created_at
    void remove(std::int64_t map_id); // with its categories and records

    std::vector<MapCategory> categories(std::int64_t map_id); // in the file's order
    void set_categories(std::int64_t map_id, const std::vector<MapCategory>& categories);

    RecordChange put_record(std::int64_t map_id, const MapRecord& record, const std::string& at);
    std::int64_t record_count(std::int64_t map_id);
    // Records whose category is not in the vocabulary (after the vocabulary changed).
    std::int64_t records_outside(std::int64_t map_id);
    void for_each_record(std::int64_t map_id, const std::function<void(const MapRecord&)>& visit);

private:
    Database& db_;
};

} // namespace expeer
