#include "store/map_store.hpp"

#include "store/database.hpp"

namespace expeer {

namespace {

constexpr const char* map_columns = "id, slug, country, title_fr, title_en, region_key, boundaries, attribution, "
                                    "approved_checksum, approved_at, approved_by, created_at, updated_at";

MapRow read_map(Statement& q) {
    return {q.integer(0),          q.text(1),           q.text(2),           q.text(3),  q.text(4),
            q.text(5),             q.text(6),           q.text(7),           q.optional_text(8),
            q.optional_text(9),    q.optional_text(10), q.text(11),          q.text(12)};
}

} // namespace

std::optional<MapRow> MapStore::find(const std::string& slug) {
    return db_.guarded([&]() -> std::optional<MapRow> {
        Statement q = db_.prepare(std::string("SELECT ") + map_columns + " FROM maps WHERE slug = ?");
        q.bind(1, slug);
        if (!q.next()) return std::nullopt;
        return read_map(q);
    });
}

std::vector<MapRow> MapStore::all() {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string("SELECT ") + map_columns + " FROM maps ORDER BY slug");
        std::vector<MapRow> maps;
        while (q.next()) maps.push_back(read_map(q));
        return maps;
    });
}

std::int64_t MapStore::insert(const MapRow& m) {
    return db_.guarded([&] {
        Statement q = db_.prepare("INSERT INTO maps (slug, country, title_fr, title_en, region_key, boundaries, "
                                  "attribution, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                  "RETURNING id");
        q.bind(1, m.slug).bind(2, m.country).bind(3, m.title_fr).bind(4, m.title_en).bind(5, m.region_key);
        q.bind(6, m.boundaries).bind(7, m.attribution).bind(8, m.created_at).bind(9, m.updated_at);
        q.next();
        const std::int64_t id = q.integer(0);
        q.reset();
        return id;
    });
}

void MapStore::update(const MapRow& m) {
    db_.guarded([&] {
        Statement q = db_.prepare("UPDATE maps SET title_fr = ?, title_en = ?, region_key = ?, boundaries = ?, "
                                  "attribution = ?, approved_checksum = ?, approved_at = ?, approved_by = ?, "
                                  "updated_at = ? WHERE id = ?");
        q.bind(1, m.title_fr).bind(2, m.title_en).bind(3, m.region_key).bind(4, m.boundaries).bind(5, m.attribution);
        q.bind(6, m.approved_checksum).bind(7, m.approved_at).bind(8, m.approved_by).bind(9, m.updated_at);
        q.bind(10, m.id);
        q.run();
    });
}

void MapStore::remove(std::int64_t map_id) {
    db_.guarded([&] {
        // Children first: the references are checked at the end of a migration only.
        for (const char* sql : {"DELETE FROM map_records WHERE map_id = ?", "DELETE FROM map_categories WHERE map_id = ?",
                                "DELETE FROM maps WHERE id = ?"}) {
            Statement q = db_.prepare(sql);
            q.bind(1, map_id);
            q.run();
        }
    });
}

std::vector<MapCategory> MapStore::categories(std::int64_t map_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT code, label_fr, label_en FROM map_categories WHERE map_id = ? "
                                  "ORDER BY position");
        q.bind(1, map_id);
        std::vector<MapCategory> out;
        while (q.next()) out.push_back({q.text(0), q.text(1), q.text(2)});
        return out;
    });
}

void MapStore::set_categories(std::int64_t map_id, const std::vector<MapCategory>& categories) {
    db_.guarded([&] {
        Statement clear = db_.prepare("DELETE FROM map_categories WHERE map_id = ?");
        clear.bind(1, map_id);
        clear.run();
        Statement insert = db_.prepare("INSERT INTO map_categories (map_id, position, code, label_fr, label_en) "
                                       "VALUES (?, ?, ?, ?, ?)");
        std::int64_t position = 0;
        for (const auto& c : categories) {
            insert.reset();
            insert.bind(1, map_id).bind(2, ++position).bind(3, c.code).bind(4, c.fr).bind(5, c.en);
            insert.run();
        }
    });
}

RecordChange MapStore::put_record(std::int64_t map_id, const MapRecord& r, const std::string& at) {
    return db_.guarded([&] {
        auto& existing = db_.cached("SELECT day, region, category, gender, status, notes FROM map_records "
                                    "WHERE map_id = ? AND record_id = ?");
        existing.bind(1, map_id).bind(2, r.id);
        std::optional<bool> same;
        if (existing.next())
            same = existing.text_view(0) == r.date && existing.text_view(1) == r.region &&
                   existing.text_view(2) == r.category && existing.text_view(3) == gender_name(r.gender) &&
                   existing.text_view(4) == status_name(r.status) && existing.optional_text(5) == r.notes;
        existing.reset();
        if (same && *same) return RecordChange::unchanged;
        auto& put = db_.cached("INSERT INTO map_records (map_id, record_id, day, region, category, gender, status, "
                               "notes, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (map_id, record_id) "
                               "DO UPDATE SET day = excluded.day, region = excluded.region, "
                               "category = excluded.category, gender = excluded.gender, status = excluded.status, "
                               "notes = excluded.notes, imported_at = excluded.imported_at");
        put.bind(1, map_id).bind(2, r.id).bind(3, r.date).bind(4, r.region).bind(5, r.category);
        put.bind(6, gender_name(r.gender)).bind(7, status_name(r.status)).bind(8, r.notes).bind(9, at);
        put.run();
        return same ? RecordChange::updated : RecordChange::added;
    });
}

std::int64_t MapStore::record_count(std::int64_t map_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*) FROM map_records WHERE map_id = ?");
        q.bind(1, map_id);
        q.next();
        return q.integer(0);
    });
}

std::int64_t MapStore::records_outside(std::int64_t map_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare("SELECT count(*) FROM map_records r WHERE r.map_id = ?1 AND NOT EXISTS "
                                  "(SELECT 1 FROM map_categories c WHERE c.map_id = ?1 AND c.code = r.category)");
        q.bind(1, map_id);
        q.next();
        return q.integer(0);
    });
}

void MapStore::for_each_record(std::int64_t map_id, const std::function<void(const MapRecord&)>& visit) {
    db_.guarded([&] {
        Statement q = db_.scan("SELECT record_id, day, region, category, gender, status, notes FROM map_records "
                               "WHERE map_id = ? ORDER BY record_id");
        q.bind(1, map_id);
        MapRecord r;
        while (q.next()) {
            r.id = q.text(0);
            r.date = q.text(1);
            r.region = q.text(2);
            r.category = q.text(3);
            r.gender = gender_named(q.text(4)).value_or(RecordGender::unknown);
            r.status = status_named(q.text(5)).value_or(CaseStatus::unknown);
            r.notes = q.optional_text(6);
            visit(r);
        }
    });
}

} // namespace expeer
