#include "store/database_copy.hpp"

#include "store/database.hpp"
#include "util/error.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace expeer {

namespace {

struct TableSpec {
    const char* name;
    const char* order;          // its key: the same order on both engines
    const char* self_reference; // a column naming a row of the same table, or nullptr
};

// Referenced tables before the tables that refer to them. schema_migrations is not copied:
// the destination's own records its schema.
const std::vector<TableSpec>& table_specs() {
    static const std::vector<TableSpec> specs = {
        {"audit_log", "id", nullptr},
        {"members", "id", nullptr},
        {"consent_events", "id", nullptr},
        {"import_lines", "email_key", nullptr},
        {"spaces", "id", "parent_id"},
        {"memberships", "id", nullptr},
        {"news", "id", nullptr},
        {"comments", "id", nullptr},
        {"talks", "id", nullptr},
        {"activities", "id", nullptr},
        {"blobs", "sha256", nullptr},
        {"library_files", "id", nullptr},
        {"library_revisions", "id", nullptr},
        {"stats_snapshots", "id", nullptr},
        {"letter_issues", "issue", nullptr},
        {"letter_sends", "issue, member_id", nullptr},
        {"letter_editions", "issue, language, copy", nullptr},
        {"published_figures", "output, cell", nullptr},
        {"platform_cursors", "space_id", nullptr},
        {"platform_folders", "external_id", nullptr},
        {"email_key_rule", "id", nullptr},
        {"erasure_list", "id", nullptr},
        {"maps", "id", nullptr},
        {"map_categories", "map_id, code", nullptr},
        {"map_records", "id", nullptr},
        {"letter_bounces", "message_key", nullptr},
        {"letter_suspensions", "member_id", nullptr},
    };
    return specs;
}

std::int64_t rows_in(Database& db, const std::string& table) {
    Statement count = db.prepare("SELECT count(*) FROM " + table);
    count.next();
    return count.integer(0);
}

void bind_value(Statement& to, int index, Statement& from, int column) {
    switch (from.kind(column)) {
    case ValueKind::null: to.bind(index, std::nullopt); break;
    case ValueKind::integer: to.bind(index, from.integer(column)); break;
    case ValueKind::real: to.bind(index, from.real(column)); break;
    case ValueKind::text: to.bind(index, from.text_view(column)); break;
    }
}

// A table's rows in key order, hashed value by value, as text: the same on both engines
// when the same values are there.
std::string fingerprint(Database& db, const TableSpec& table) {
    Sha256 hash;
    Statement rows = db.scan(fmt::format("SELECT * FROM {} ORDER BY {}", table.name, table.order));
    while (rows.next()) {
        for (int column = 0; column < rows.column_count(); ++column) {
            if (rows.is_null(column)) {
                hash.update("N;");
                continue;
            }
            const auto value = rows.text_view(column);
            hash.update(fmt::format("V{}:", value.size()));
            hash.update(value);
        }
        hash.update("\n");
    }
    return hash.hex_digest();
}

void copy_table(Database& from, Database& to, const TableSpec& table, CopiedTable& copied) {
    Statement rows = from.scan(fmt::format("SELECT * FROM {} ORDER BY {}", table.name, table.order));
    std::optional<Statement> insert;
    int self = -1;
    std::vector<std::pair<std::int64_t, std::int64_t>> links; // (id, what it refers to)
    while (rows.next()) {
        if (!insert) {
            std::string columns, parameters;
            for (int column = 0; column < rows.column_count(); ++column) {
                const std::string name = rows.column_name(column);
                if (table.self_reference && name == table.self_reference) self = column;
                columns += (column ? ", " : "") + name;
                parameters += column ? ", ?" : "?";
            }
            insert.emplace(to.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", table.name, columns, parameters)));
        }
        for (int column = 0; column < rows.column_count(); ++column) {
            // A row may refer to one copied after it: the reference is set once all are in.
            if (column == self && !rows.is_null(column)) {
                links.emplace_back(rows.integer(0), rows.integer(column));
                insert->bind(column + 1, std::nullopt);
                continue;
            }
            bind_value(*insert, column + 1, rows, column);
        }
        insert->run();
        insert->reset();
        ++copied.rows;
    }
    if (!links.empty()) {
        Statement link = to.prepare(fmt::format("UPDATE {} SET {} = ? WHERE id = ?", table.name, table.self_reference));
        for (const auto& [id, target] : links) {
            link.bind(1, target).bind(2, id).run();
            link.reset();
        }
    }
    if (std::string_view(table.order) == "id") to.continue_ids(table.name);
}

} // namespace

const std::vector<std::string>& copied_tables() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& spec : table_specs()) all.push_back(spec.name);
        return all;
    }();
    return names;
}

void require_new_database(Database& to, const std::string& why) {
    to.guarded([&] {
        for (const auto& table : table_specs())
            if (std::string_view(table.name) != "email_key_rule" && rows_in(to, table.name) > 0)
                throw Error(ErrorKind::cannot_create,
                            fmt::format("'{}' already holds data (table {}): {}", to.shown(), table.name, why));
    });
}

std::vector<CopiedTable> copy_database(Database& from, Database& to) {
    const auto from_status = from.status(), to_status = to.status();
    if (from_status.version != to_status.version)
        throw Error(ErrorKind::config,
                    fmt::format("'{}' is at schema version {} and '{}' at {}: bring both to this program's version "
                                "(expeer db migrate) first",
                                from.shown(), from_status.version, to.shown(), to_status.version));
    std::vector<CopiedTable> copied;
    from.read([&](Read&) {
        to.write([&](Write&) {
            require_new_database(to, "a network is copied only into a new database");
            to.prepare("DELETE FROM email_key_rule").run(); // the source's rule comes with it
            for (const auto& table : table_specs())
                copy_table(from, to, table, copied.emplace_back(CopiedTable{table.name, 0}));
            // Checked before committing: a copy that differs is not kept.
            for (const auto& table : table_specs())
                if (fingerprint(from, table) != fingerprint(to, table))
                    throw Error(ErrorKind::failure,
                                fmt::format("the copy of table {} differs from '{}': nothing was kept in '{}'",
                                            table.name, from.shown(), to.shown()));
        });
    });
    return copied;
}

} // namespace expeer
