#include "store/erasure_store.hpp"

#include "store/database.hpp"

namespace expeer {

std::optional<std::string> erasure_key_fingerprint(Database& db) {
    return db.guarded([&]() -> std::optional<std::string> {
        auto& query = db.cached("SELECT key_fingerprint FROM erasure_list");
        std::optional<std::string> fingerprint;
        if (query.next()) fingerprint = query.text(0);
        query.reset();
        return fingerprint;
    });
}

void record_erasure_key_fingerprint(Database& db, const std::string& fingerprint) {
    db.guarded([&] {
        auto& record = db.cached("INSERT INTO erasure_list (id, key_fingerprint) VALUES (1, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET key_fingerprint = excluded.key_fingerprint");
        record.bind(1, fingerprint);
        record.run();
    });
}

} // namespace expeer
