#include "store/space_store.hpp"

#include "store/database.hpp"
#include "store/columns.hpp"

namespace expeer {

namespace {

constexpr const char* space_columns = "id, slug, label, description, access, kind, parent_id, default_role, "
                                      "created_on, archived_on, created_at, updated_at";

Space read_space(SQLite::Statement& row) {
    Space s;
    s.id = row.getColumn(0).getInt64();
    s.slug = row.getColumn(1).getString();
    s.label = row.getColumn(2).getString();
    s.description = optional_text(row.getColumn(3));
    s.access = row.getColumn(4).getString();
    s.kind = row.getColumn(5).getString();
    s.parent_id = optional_integer(row.getColumn(6));
    s.default_role = row.getColumn(7).getString();
    s.created_on = row.getColumn(8).getString();
    s.archived_on = optional_text(row.getColumn(9));
    s.created_at = row.getColumn(10).getString();
    s.updated_at = row.getColumn(11).getString();
    return s;
}

void bind_space(SQLite::Statement& s, const Space& space) {
    s.bind(1, space.slug);
    s.bind(2, space.label);
    bind_optional(s, 3, space.description);
    s.bind(4, space.access);
    s.bind(5, space.kind);
    bind_optional(s, 6, space.parent_id);
    s.bind(7, space.default_role);
    s.bind(8, space.created_on);
    bind_optional(s, 9, space.archived_on);
    s.bind(10, space.created_at);
    s.bind(11, space.updated_at);
}

Membership read_membership(SQLite::Statement& row) {
    return {row.getColumn(0).getInt64(), row.getColumn(1).getInt64(), row.getColumn(2).getInt64(),
            row.getColumn(3).getString(), row.getColumn(4).getString(), optional_text(row.getColumn(5))};
}

constexpr const char* membership_columns = "id, space_id, member_id, role, joined_at, left_at";

} // namespace

std::optional<Space> SpaceStore::find_by_slug(std::string_view slug) {
    return db_.guarded([&]() -> std::optional<Space> {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + space_columns + " FROM spaces WHERE slug = ?");
        q.bind(1, std::string(slug));
        if (!q.executeStep()) return std::nullopt;
        return read_space(q);
    });
}

std::optional<Space> SpaceStore::find_by_id(std::int64_t id) {
    return db_.guarded([&]() -> std::optional<Space> {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + space_columns + " FROM spaces WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep()) return std::nullopt;
        return read_space(q);
    });
}

std::map<std::int64_t, Space> SpaceStore::all() {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + space_columns + " FROM spaces ORDER BY slug");
        std::map<std::int64_t, Space> spaces;
        while (q.executeStep()) {
            Space s = read_space(q);
            spaces.emplace(s.id, std::move(s));
        }
        return spaces;
    });
}

std::int64_t SpaceStore::insert(const Space& space) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "INSERT INTO spaces (slug, label, description, access, kind, parent_id, "
                                       "default_role, created_on, archived_on, created_at, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bind_space(q, space);
        q.exec();
        return db_.sql().getLastInsertRowid();
    });
}

void SpaceStore::update(const Space& space) {
    db_.guarded([&] {
        SQLite::Statement q(db_.sql(), "UPDATE spaces SET slug = ?, label = ?, description = ?, access = ?, "
                                       "kind = ?, parent_id = ?, default_role = ?, created_on = ?, "
                                       "archived_on = ?, created_at = ?, updated_at = ? WHERE id = ?");
        bind_space(q, space);
        q.bind(12, space.id);
        q.exec();
    });
}

std::optional<Membership> SpaceStore::current_membership(std::int64_t space_id, std::int64_t member_id) {
    return db_.guarded([&]() -> std::optional<Membership> {
        auto& q = db_.statement(std::string("SELECT ") + membership_columns +
                                " FROM memberships WHERE space_id = ? AND member_id = ? AND left_at IS NULL");
        q.bind(1, space_id);
        q.bind(2, member_id);
        if (!q.executeStep()) return std::nullopt;
        Membership m = read_membership(q);
        q.reset();
        return m;
    });
}

std::int64_t SpaceStore::open_membership(std::int64_t space_id, std::int64_t member_id, const std::string& role,
                                         const std::string& at) {
    return db_.guarded([&] {
        auto& q = db_.statement("INSERT INTO memberships (space_id, member_id, role, joined_at) VALUES (?, ?, ?, ?)");
        q.bind(1, space_id);
        q.bind(2, member_id);
        q.bind(3, role);
        q.bind(4, at);
        q.exec();
        return db_.sql().getLastInsertRowid();
    });
}

void SpaceStore::close_membership(std::int64_t membership_id, const std::string& at) {
    db_.guarded([&] {
        auto& q = db_.statement("UPDATE memberships SET left_at = ? WHERE id = ?");
        q.bind(1, at);
        q.bind(2, membership_id);
        q.exec();
    });
}

void SpaceStore::set_role(std::int64_t membership_id, const std::string& role) {
    db_.guarded([&] {
        auto& q = db_.statement("UPDATE memberships SET role = ? WHERE id = ?");
        q.bind(1, role);
        q.bind(2, membership_id);
        q.exec();
    });
}

std::vector<Membership> SpaceStore::memberships_of_space(std::int64_t space_id, bool include_former) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + membership_columns + " FROM memberships WHERE space_id = ?" +
                                           (include_former ? "" : " AND left_at IS NULL") + " ORDER BY joined_at, id");
        q.bind(1, space_id);
        std::vector<Membership> out;
        while (q.executeStep()) out.push_back(read_membership(q));
        return out;
    });
}

std::vector<Membership> SpaceStore::memberships_of_member(std::int64_t member_id) {
    return db_.guarded([&] {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + membership_columns +
                                           " FROM memberships WHERE member_id = ? ORDER BY joined_at, id");
        q.bind(1, member_id);
        std::vector<Membership> out;
        while (q.executeStep()) out.push_back(read_membership(q));
        return out;
    });
}

} // namespace expeer
