#include "store/space_store.hpp"

#include "store/database.hpp"

namespace expeer {

namespace {

constexpr const char* space_columns = "id, slug, label, description, access, kind, parent_id, default_role, "
                                      "created_on, archived_on, created_at, updated_at";

Space read_space(Statement& row) {
    Space s;
    s.id = row.integer(0);
    s.slug = row.text(1);
    s.label = row.text(2);
    s.description = row.optional_text(3);
    s.access = row.text(4);
    s.kind = row.text(5);
    s.parent_id = row.optional_integer(6);
    s.default_role = row.text(7);
    s.created_on = row.text(8);
    s.archived_on = row.optional_text(9);
    s.created_at = row.text(10);
    s.updated_at = row.text(11);
    return s;
}

void bind_space(Statement& s, const Space& space) {
    s.bind(1, space.slug);
    s.bind(2, space.label);
    s.bind_no_copy(3, space.description);
    s.bind(4, space.access);
    s.bind(5, space.kind);
    s.bind(6, space.parent_id);
    s.bind(7, space.default_role);
    s.bind(8, space.created_on);
    s.bind_no_copy(9, space.archived_on);
    s.bind(10, space.created_at);
    s.bind(11, space.updated_at);
}

Membership read_membership(Statement& row) {
    return {row.integer(0), row.integer(1), row.integer(2), row.text(3), row.text(4), row.optional_text(5)};
}

constexpr const char* membership_columns = "id, space_id, member_id, role, joined_at, left_at";

} // namespace

std::optional<Space> SpaceStore::find_by_slug(std::string_view slug) {
    return db_.guarded([&]() -> std::optional<Space> {
        Statement q = db_.prepare(std::string("SELECT ") + space_columns + " FROM spaces WHERE slug = ?");
        q.bind(1, std::string(slug));
        if (!q.next()) return std::nullopt;
        return read_space(q);
    });
}

std::optional<Space> SpaceStore::find_by_id(std::int64_t id) {
    return db_.guarded([&]() -> std::optional<Space> {
        Statement q = db_.prepare(std::string("SELECT ") + space_columns + " FROM spaces WHERE id = ?");
        q.bind(1, id);
        if (!q.next()) return std::nullopt;
        return read_space(q);
    });
}

std::map<std::int64_t, Space> SpaceStore::all() {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string("SELECT ") + space_columns + " FROM spaces ORDER BY slug");
        std::map<std::int64_t, Space> spaces;
        while (q.next()) {
            Space s = read_space(q);
            spaces.emplace(s.id, std::move(s));
        }
        return spaces;
    });
}

std::int64_t SpaceStore::insert(const Space& space) {
    return db_.guarded([&] {
        Statement q = db_.prepare("INSERT INTO spaces (slug, label, description, access, kind, parent_id, "
                                  "default_role, created_on, archived_on, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        bind_space(q, space);
        q.next();
        return q.integer(0);
    });
}

void SpaceStore::update(const Space& space) {
    db_.guarded([&] {
        Statement q = db_.prepare("UPDATE spaces SET slug = ?, label = ?, description = ?, access = ?, "
                                  "kind = ?, parent_id = ?, default_role = ?, created_on = ?, "
                                  "archived_on = ?, created_at = ?, updated_at = ? WHERE id = ?");
        bind_space(q, space);
        q.bind(12, space.id);
        q.run();
    });
}

std::optional<Membership> SpaceStore::current_membership(std::int64_t space_id, std::int64_t member_id) {
    return db_.guarded([&]() -> std::optional<Membership> {
        auto& q = db_.cached(std::string("SELECT ") + membership_columns +
                             " FROM memberships WHERE space_id = ? AND member_id = ? AND left_at IS NULL");
        q.bind(1, space_id);
        q.bind(2, member_id);
        if (!q.next()) return std::nullopt;
        Membership m = read_membership(q);
        q.reset();
        return m;
    });
}

std::int64_t SpaceStore::open_membership(std::int64_t space_id, std::int64_t member_id, const std::string& role,
                                         const std::string& at) {
    return db_.guarded([&] {
        auto& q = db_.cached("INSERT INTO memberships (space_id, member_id, role, joined_at) VALUES (?, ?, ?, ?) "
                             "RETURNING id");
        q.bind(1, space_id);
        q.bind(2, member_id);
        q.bind(3, role);
        q.bind(4, at);
        q.next();
        const auto id = q.integer(0);
        q.reset();
        return id;
    });
}

void SpaceStore::close_membership(std::int64_t membership_id, const std::string& at) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE memberships SET left_at = ? WHERE id = ?");
        q.bind(1, at);
        q.bind(2, membership_id);
        q.run();
    });
}

void SpaceStore::set_role(std::int64_t membership_id, const std::string& role) {
    db_.guarded([&] {
        auto& q = db_.cached("UPDATE memberships SET role = ? WHERE id = ?");
        q.bind(1, role);
        q.bind(2, membership_id);
        q.run();
    });
}

std::vector<Membership> SpaceStore::memberships_of_space(std::int64_t space_id, bool include_former) {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string("SELECT ") + membership_columns + " FROM memberships WHERE space_id = ?" +
                                  (include_former ? "" : " AND left_at IS NULL") + " ORDER BY joined_at, id");
        q.bind(1, space_id);
        std::vector<Membership> out;
        while (q.next()) out.push_back(read_membership(q));
        return out;
    });
}

std::vector<Membership> SpaceStore::memberships_of_member(std::int64_t member_id) {
    return db_.guarded([&] {
        Statement q = db_.prepare(std::string("SELECT ") + membership_columns +
                                  " FROM memberships WHERE member_id = ? ORDER BY joined_at, id");
        q.bind(1, member_id);
        std::vector<Membership> out;
        while (q.next()) out.push_back(read_membership(q));
        return out;
    });
}

} // namespace expeer
