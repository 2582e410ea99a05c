// The SQLite engine: the store in one file, on SQLite's own C interface.
#pragma once

#include "store/connection.hpp"
#include "store/database_options.hpp"

struct sqlite3;

namespace expeer {

class SqliteConnection final : public Connection {
public:
    // Opens `options.file`, which must exist, as `options.access` says, and sets it up: WAL,
    // foreign keys, page cache, secure_delete. Throws StoreFailure, or an Error when the
    // file cannot be written for a command that changes it, or read for one that reads.
    explicit SqliteConnection(const DatabaseOptions& options);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    void execute(const std::string& sql) override;
    std::unique_ptr<StatementEngine> prepare(const std::string& sql) override;
    void begin(TransactionMode mode) override;
    void commit() override;
    void roll_back() override;
    bool has_table(const std::string& name) override;
    std::int64_t table_count() override;
    std::vector<std::string> table_names() override;
    void continue_ids(const std::string& table) override;
    void check_references(bool each_statement) override;
    std::string broken_reference() override;
    std::vector<MissingParent> rows_without_parent() override;
    std::vector<std::string> damage() override;
    bool forget_deleted_rows() override;
    void overwrite_deleted_data() override;
    void snapshot_to(const std::filesystem::path& target) override;
    std::unique_ptr<JobLock> lock_job(const std::string& job, const std::string& what) override;
    const std::vector<Migration>& migrations() const override;

private:
    std::int64_t integer(const std::string& sql);
    void set_up(const DatabaseOptions& options);

    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

} // namespace expeer
