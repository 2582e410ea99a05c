#include "store/ledger_store.hpp"

#include "store/database.hpp"

namespace expeer {

void replace_published_figures(Database& db, const std::string& output,
                               const std::vector<PublishedFigure>& figures) {
    db.guarded([&] {
        auto& remove = db.cached("DELETE FROM published_figures WHERE output = ?");
        remove.bind(1, output);
        remove.run();
        auto& insert = db.cached(
            "INSERT INTO published_figures (output, cell, value, label, low, high, sensitive, "
            "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const auto& f : figures) {
            insert.reset();
            insert.bind(1, output);
            insert.bind(2, f.cell);
            insert.bind(3, f.value);
            insert.bind(4, f.label);
            insert.bind(5, f.low);
            insert.bind(6, f.high);
            insert.bind(7, f.sensitive ? 1 : 0);
            insert.bind(8, f.published_at);
            insert.run();
        }
    });
}

std::vector<PublishedFigure> published_figures(Database& db) {
    return db.guarded([&] {
        Statement q = db.prepare(
            "SELECT output, cell, value, label, low, high, sensitive, published_at "
            "FROM published_figures ORDER BY output, cell");
        std::vector<PublishedFigure> out;
        while (q.next())
            out.push_back({q.text(0), q.text(1), q.integer(2), q.text(3), q.integer(4),
                           q.optional_integer(5), q.integer(6) != 0, q.text(7)});
        return out;
    });
}

} // namespace expeer
