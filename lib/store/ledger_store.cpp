#include "store/ledger_store.hpp"

#include "store/columns.hpp"
#include "store/database.hpp"

namespace expeer {

void replace_published_figures(Database& db, const std::string& output,
                               const std::vector<PublishedFigure>& figures) {
    db.guarded([&] {
        auto& remove = db.statement("DELETE FROM published_figures WHERE output = ?");
        remove.bind(1, output);
        remove.exec();
        auto& insert = db.statement(
            "INSERT INTO published_figures (output, cell, value, label, low, high, sensitive, "
            "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& f : figures) {
            insert.reset();
            insert.bind(1, output);
            insert.bind(2, f.cell);
            insert.bind(3, f.value);
            insert.bind(4, f.label);
            insert.bind(5, f.low);
            bind_optional(insert, 6, f.high);
            insert.bind(7, f.sensitive ? 1 : 0);
            insert.bind(8, f.published_at);
            insert.exec();
        }
    });
}

std::vector<PublishedFigure> published_figures(Database& db) {
    return db.guarded([&] {
        SQLite::Statement q(db.sql(),
                            "SELECT output, cell, value, label, low, high, sensitive, published_at "
                            "FROM published_figures ORDER BY output, cell");
        std::vector<PublishedFigure> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                           q.getColumn(2).getInt64(), q.getColumn(3).getString(),
                           q.getColumn(4).getInt64(), optional_integer(q.getColumn(5)),
                           q.getColumn(6).getInt() != 0, q.getColumn(7).getString()});
        return out;
    });
}

} // namespace expeer
