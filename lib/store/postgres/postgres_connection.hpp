// The PostgreSQL engine: the store on a server, for networks that outgrow one machine.
#pragma once

#include "store/connection.hpp"
#include "store/database_options.hpp"

struct pg_conn;

namespace expeer {

class PostgresConnection final : public Connection {
public:
    // Connects to `options.url` (a URL that holds a password is refused: it would show in
    // every message and in `config show`). Throws StoreFailure, or an Error for the URL.
    explicit PostgresConnection(const DatabaseOptions& options);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    void execute(const std::string& sql) override;
    std::unique_ptr<StatementEngine> prepare(const std::string& sql) override;
    std::unique_ptr<StatementEngine> prepare_scan(const std::string& sql) override;
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
    void forget_statistics_of_empty_tables();
    void take_back_unused_ids();

    bool writing_ = false;
    int busy_timeout_ms_ = 0;

    pg_conn* connection_ = nullptr;
};

} // namespace expeer
