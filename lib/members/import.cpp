#include "members/import.hpp"

#include "members/changes.hpp"
#include "members/erasure_list.hpp"
#include "members/import_columns.hpp"
#include "members/validation.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/import_lines.hpp"
#include "store/member_store.hpp"
#include "store/space_store.hpp"
#include "spaces/registry.hpp"
#include "spaces/space.hpp"
#include "util/atomic_file.hpp"
#include "util/clock.hpp"
#include "util/csv.hpp"
#include "util/csv_writer.hpp"
#include "util/error.hpp"
#include "util/json_lines.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace expeer {

ImportFormat import_format_for(const std::filesystem::path& file) {
    const auto extension = file.extension().string();
    return extension == ".jsonl" || extension == ".ndjson" ? ImportFormat::jsonl : ImportFormat::csv;
}

namespace {

// One row of the file, whatever its format: cells in the order of the headers.
struct Row {
    std::size_t line = 0;
    std::vector<std::string> cells;
    std::string raw; // JSON Lines: the line as it was, for the rejects file
};

class RowSource {
public:
    virtual ~RowSource() = default;
    virtual bool next(Row& row) = 0;
    virtual const std::vector<std::string>& headers() const = 0;
    virtual std::uint64_t bytes_read() const = 0;
    // CSV has one header line; JSON Lines may bring new keys on any line.
    virtual bool fixed_columns() const = 0;
    // The header line, then rejected rows with a reason, in the input's own format.
    virtual std::string rejects_header() const = 0;
    virtual std::string rejected_row(const Row& row, const std::string& reason) const = 0;
};

class CsvSource : public RowSource {
public:
    CsvSource(std::istream& in, const std::string& name, Encoding encoding) : reader_(in, name, encoding) {
        CsvRecord header;
        if (!reader_.next(header))
            throw Error(ErrorKind::data, fmt::format("{}: the file is empty: the first line must name the columns",
                                                     printable(name)));
        headers_ = std::move(header.fields);
        header_line_ = header.line;
    }
    bool next(Row& row) override {
        CsvRecord record;
        if (!reader_.next(record)) return false;
        row.line = record.line;
        row.cells = std::move(record.fields);
        for (auto& cell : row.cells) cell = restore_formula(cell); // exports neutralise formulas
        return true;
    }
    const std::vector<std::string>& headers() const override { return headers_; }
    std::uint64_t bytes_read() const override { return reader_.bytes_read(); }
    bool fixed_columns() const override { return true; }
    std::string rejects_header() const override {
        auto fields = headers_;
        fields.push_back("reason");
        return (reader_.had_byte_order_mark() ? "\xef\xbb\xbf" : "") + csv_line(fields, reader_.separator(), reader_.uses_crlf());
    }
    std::string rejected_row(const Row& row, const std::string& reason) const override {
        std::vector<std::string> fields = row.cells; // csv_line neutralises formulas again
        fields.resize(std::max(fields.size(), headers_.size()));
        fields.push_back(reason);
        return csv_line(fields, reader_.separator(), reader_.uses_crlf());
    }

private:
    CsvReader reader_;
    std::vector<std::string> headers_;
    std::size_t header_line_ = 1;
};

class JsonlSource : public RowSource {
public:
    JsonlSource(std::istream& in, std::string name) : reader_(in, name), name_(printable(name)) {
        // The first object names the keys the columns are recognised from.
        if (read(pending_)) has_pending_ = true;
        else throw Error(ErrorKind::data, fmt::format("{}: the file has no JSON object", name_));
    }
    bool next(Row& row) override {
        if (has_pending_) {
            has_pending_ = false;
            row = std::move(pending_);
            return true;
        }
        return read(row);
    }
    bool fixed_columns() const override { return false; }
    const std::vector<std::string>& headers() const override { return headers_; }
    std::uint64_t bytes_read() const override { return reader_.bytes_read(); }
    std::string rejects_header() const override { return ""; }
    std::string rejected_row(const Row& row, const std::string& reason) const override {
        return json_line_with_reason(row.raw, reason);
    }

private:
    bool read(Row& row) {
        JsonLine line;
        if (!reader_.next(line)) return false;
        if (!line.error.empty() || !line.value.is_object())
            throw Error(ErrorKind::data, fmt::format("{}:{}: not a JSON object{}", name_, line.line,
                                                     line.error.empty() ? "" : ": it " + line.error));
        row.line = line.line;
        row.raw = std::move(line.text);
        row.cells.assign(headers_.size(), "");
        for (const auto& [key, value] : line.value.items()) {
            auto it = std::find(headers_.begin(), headers_.end(), key);
            if (it == headers_.end()) {
                // Each new key is a column: as many as a CSV record may have fields.
                if (headers_.size() == CsvLimits{}.max_fields)
                    throw Error(ErrorKind::data, fmt::format("{}:{}: key '{}': more than {} different keys in the file",
                                                             name_, line.line, printable(key), headers_.size()));
                headers_.push_back(key);
                row.cells.push_back("");
                it = headers_.end() - 1;
            }
            row.cells[static_cast<std::size_t>(it - headers_.begin())] = cell_text(value);
        }
        return true;
    }

    static std::string cell_text(const nlohmann::json& value) {
        if (value.is_null()) return "";
        if (value.is_string()) return value.get<std::string>();
        if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
        return value.dump(); // depth bounded by the reader
    }

    JsonLinesReader reader_;
    std::string name_;
    std::vector<std::string> headers_;
    Row pending_;
    bool has_pending_ = false;
};

std::optional<bool> parse_yes_no(const std::string& value) {
    const std::string v = text::fold_words(value);
    if (v == "yes" || v == "oui" || v == "true" || v == "vrai" || v == "1" || v == "x" || v == "y" || v == "o")
        return true;
    if (v == "no" || v == "non" || v == "false" || v == "faux" || v == "0" || v == "n") return false;
    return std::nullopt;
}

// The short reason a row was rejected, for the per-reason counts: "country: unknown country".
std::string reason_kind(const std::string& column, const std::string& reason) {
    const std::string kind = reason.substr(0, reason.find(" ("));
    if (kind.starts_with("appears again")) return column + ": appears twice in the file";
    if (kind.starts_with("has ") && column.empty()) return "more fields than the header";
    if (const auto of = kind.find(" of member "); of != std::string::npos) return column + ": " + kind.substr(0, of) + " of another member";
    return column.empty() ? kind : column + ": " + kind;
}

class Importer {
public:
    Importer(Database& db, const Countries& countries, const Clock& clock, const ImportOptions& options,
             const ImportCallbacks& callbacks, const ErasedAddresses& erased)
        : db_(db), countries_(countries), options_(options), callbacks_(callbacks), erased_(erased), store_(db),
          file_(printable(options.file.string())) {
        const TimePoint now = clock.now();
        context_ = {format_timestamp(now), format_date(date_of(now)), options.default_language,
                    "expeer members import", std::nullopt};
    }

    ImportReport run(RowSource& source) {
        const ColumnMap map = options_.map_file ? load_column_map(*options_.map_file) : ColumnMap{};
        layout_ = recognise_columns(source.headers(), map);
        if (!layout_.problems.empty())
            throw Error(ErrorKind::data, fmt::format("{}:1: {}", file_, fmt::join(layout_.problems, "; ")));
        for (const auto& header : layout_.unknown) report_.unknown_columns.push_back(printable(header));
        erased_.list.check_matches(db_);
        if (options_.space) {
            SpaceStore spaces(db_);
            space_ = find_space(spaces, *options_.space);
            if (space_->archived_on)
                throw Error(ErrorKind::data, fmt::format("space '{}' is archived", printable(*options_.space)));
            const auto& roles = space_vocabulary::roles();
            if (options_.space_role && std::find(roles.begin(), roles.end(), *options_.space_role) == roles.end())
                throw Error(ErrorKind::usage, fmt::format("role '{}' must be one of {}", printable(*options_.space_role),
                                                          fmt::join(roles, ", ")));
        }

        RejectsFile rejects(options_.invalid, options_.dry_run);
        rejects_ = &rejects;
        rejects.write(source.rejects_header());
        std::error_code ignored;
        const std::uint64_t total = std::filesystem::file_size(options_.file, ignored);

        db_.write([&](Write& w) {
            ImportLines lines(db_);
            Row row;
            while (source.next(row)) {
                if (!source.fixed_columns() && row.cells.size() > layout_.columns.size())
                    extend_layout(source.headers());
                import_row(row, source, lines);
                if (callbacks_.on_progress && report_.rows % 1024 == 0) callbacks_.on_progress(source.bytes_read(), total);
            }
            if (callbacks_.on_progress) callbacks_.on_progress(source.bytes_read(), total);
            const bool changed = report_.created + report_.updated + report_.joined_space > 0;
            if (options_.dry_run || !options_.invalid.may_commit(report_.rejected) || !changed)
                return w.discard();
            lines.clear();
            w.audit({0, context_.now, options_.actor, "members.import", "import", "",
                     nlohmann::json{{"created", report_.created}, {"updated", report_.updated},
                                    {"rejected", report_.rejected}}
                         .dump()});
            report_.written = true;
        });
        rejects.commit();
        rejects_ = nullptr;
        // Noted once they are in: a crash before leaves them refused again, never erased anew.
        if (report_.written)
            for (const auto& email : returned_) erased_.list.record_return(email, context_.now);
        return report_;
    }

private:
    // Without --date-format, a date written another way gets a pointer to it.
    std::string date_format_hint() const {
        return options_.dates.empty() ? " (written another way? see --date-format)" : "";
    }

    // JSON Lines may name new keys on any line.
    void extend_layout(const std::vector<std::string>& headers) {
        for (std::size_t i = layout_.columns.size(); i < headers.size(); ++i) {
            const auto one = recognise_columns({headers[i]}, {});
            layout_.columns.push_back(one.columns.front());
            if (!one.columns.front()) report_.unknown_columns.push_back(headers[i]);
        }
    }

    const std::string& header_of(Column column, const std::vector<std::string>& headers) const {
        for (std::size_t i = 0; i < layout_.columns.size(); ++i)
            if (layout_.columns[i] == column) return headers[i];
        static const std::string none;
        return none;
    }

    // The file's header for a field that validation names.
    std::string header_for_field(const std::string& field, const std::vector<std::string>& headers) const {
        static const std::map<std::string, Column> fields = {
            {"email", Column::email},
            {"name", Column::name},
            {"country", Column::country},
            {"organisation", Column::organisation},
            {"occupation", Column::occupation},
            {"language", Column::language},
            {"profile", Column::profile},
            {"consent source", Column::consent_source},
            {"registration date", Column::registered_on},
            {"external id", Column::external_id},
            {"status", Column::status},
            {"disabled at", Column::disabled_at},
        };
        const auto it = fields.find(field);
        if (it == fields.end()) return field;
        const std::string& header = header_of(it->second, headers);
        if (!header.empty()) return header;
        if (it->second == Column::name) { // made of first and last names
            const std::string& first = header_of(Column::first_name, headers);
            if (!first.empty()) return first;
        }
        return field;
    }

    void reject(const Row& row, const RowSource& source, const std::vector<ImportProblem>& problems) {
        ++report_.rejected;
        std::vector<std::string> reasons;
        for (const auto& problem : problems) {
            if (callbacks_.on_problem) callbacks_.on_problem(problem);
            ++report_.rejected_by_reason[reason_kind(problem.column, problem.reason)];
            reasons.push_back(problem.column.empty() ? problem.reason : fmt::format("{}: {}", problem.column, problem.reason));
        }
        if (rejects_->open()) rejects_->write(source.rejected_row(row, fmt::format("{}", fmt::join(reasons, "; "))));
    }

    void import_row(const Row& row, const RowSource& source, ImportLines& lines) {
        ++report_.rows;
        const auto& headers = source.headers();
        std::vector<ImportProblem> problems;
        const auto problem = [&](const std::string& column, const std::string& value, const std::string& reason) {
            problems.push_back({row.line, printable(column), printable(value), reason});
        };

        if (source.fixed_columns() && row.cells.size() > headers.size()) {
            problem("", "", fmt::format("has {} fields where the header has {} (a separator inside an "
                                        "unquoted value?)", row.cells.size(), headers.size()));
            return reject(row, source, problems);
        }
        MemberChanges changes;
        std::string first_name, last_name;
        ChangeContext context = context_;
        for (std::size_t i = 0; i < row.cells.size() && i < layout_.columns.size(); ++i) {
            const std::string& cell = row.cells[i];
            if (!layout_.columns[i] || cell.empty()) continue; // empty: left as it is
            switch (*layout_.columns[i]) {
            case Column::email: changes.email = cell; break;
            case Column::name: changes.display_name = cell; break;
            case Column::first_name: first_name = cell; break;
            case Column::last_name: last_name = cell; break;
            case Column::country: changes.country = cell; break;
            case Column::organisation: changes.organisation = cell; break;
            case Column::occupation: changes.occupation = cell; break;
            case Column::language: changes.language = cell; break;
            case Column::profile: changes.profile = cell; break;
            case Column::consent_source: changes.consent_source = cell; break;
            case Column::registered_on:
                if (auto day = options_.dates.date(cell)) changes.registered_on = day;
                else problem(headers[i], cell, "must be a date as " + options_.dates.expected_date() + date_format_hint());
                break;
            case Column::status: changes.status = cell; break;
            case Column::disabled_at:
                if (auto at = options_.dates.date_or_time(cell)) changes.disabled_at = at;
                else problem(headers[i], cell, fmt::format("must be a date as {} or a time as {}{}",
                                                           options_.dates.expected_date(),
                                                           options_.dates.expected_time(), date_format_hint()));
                break;
            case Column::external_id: changes.external_id = cell; break;
            case Column::newsletter:
                if (auto consent = parse_yes_no(cell)) changes.newsletter_consent = consent;
                else problem(headers[i], cell, "must be yes or no (oui, non, 1, 0)");
                break;
            case Column::consent_at:
                if (auto at = options_.dates.date_or_time(cell)) context.consent_at = at;
                else problem(headers[i], cell, fmt::format("must be a date as {} or a time as {}{}",
                                                           options_.dates.expected_date(),
                                                           options_.dates.expected_time(), date_format_hint()));
                break;
            case Column::ignored: break;
            }
        }
        if (!changes.display_name && (!first_name.empty() || !last_name.empty()))
            changes.display_name = text::trim(first_name + " " + last_name);

        NormalizedChanges normalized = normalize_changes(changes, countries_);
        for (const auto& e : normalized.errors)
            problem(header_for_field(e.field, headers), e.value,
                    e.reason == "is not valid UTF-8" && options_.encoding == Encoding::utf8
                        ? "is not valid UTF-8 (saved by a spreadsheet in another encoding? try --encoding windows-1252)"
                        : e.reason);
        const auto& c = normalized.changes;
        if (!changes.email) problem(header_of(Column::email, headers), "", "is required");
        if (!problems.empty()) return reject(row, source, problems);

        if (const auto earlier = lines.remember(store_.key_for(*c.email), row.line)) {
            problem(header_of(Column::email, headers), *c.email, fmt::format("appears again: also on line {}", *earlier));
            return reject(row, source, problems);
        }
        auto existing = store_.find_by_email(*c.email);
        if (c.external_id) {
            const auto owner = store_.find_by_external_id(*c.external_id);
            if (owner && (!existing || owner->id != existing->id)) {
                problem(header_of(Column::external_id, headers), *c.external_id,
                        fmt::format("is already the id of member {}", owner->id));
                return reject(row, source, problems);
            }
        }
        if (existing) return update_existing(*existing, c, context, row, source, problems, headers);

        if (!c.display_name) {
            problem(header_of(Column::name, headers), "", "is required for a new member");
            return reject(row, source, problems);
        }
        const auto erasure = erased_.list.find(*c.email);
        if (erasure && !erased_.allow) {
            problem(header_of(Column::email, headers), *c.email, erased_reason(*erasure));
            return reject(row, source, problems);
        }
        Member member = new_member(c, context);
        member.id = store_.insert(member);
        if (member.newsletter_consent) store_.record_consent(member.id, *member.consent_at, true, member.consent_source);
        record_audit(db_, {0, context.now, options_.actor, "member.add", "member", std::to_string(member.id),
                           erasure ? R"({"via":"import","erased_before":true})" : R"({"via":"import"})"});
        if (erasure) returned_.push_back(member.email);
        ++report_.created;
        join_the_space(member.id);
    }

    // --space: every member of the file joins, new or already known.
    void join_the_space(std::int64_t member_id) {
        if (space_ && join_space(db_, *space_, member_id, options_.space_role.value_or(space_->default_role), context_.now,
                                 options_.actor))
            ++report_.joined_space;
    }

    void update_existing(Member& member, const MemberChanges& c, const ChangeContext& context, const Row& row,
                         const RowSource& source, std::vector<ImportProblem>& problems,
                         const std::vector<std::string>& headers) {
        switch (options_.on_existing) {
        case OnExisting::skip:
            ++report_.skipped;
            return join_the_space(member.id);
        case OnExisting::error:
            problems.push_back({row.line, header_of(Column::email, headers), *c.email,
                                fmt::format("is already the address of member {}", member.id)});
            return reject(row, source, problems);
        case OnExisting::update: break;
        }
        const AppliedChanges applied = apply_changes(member, c, context);
        join_the_space(member.id);
        if (applied.fields.empty()) {
            ++report_.unchanged;
            return;
        }
        store_.update(member);
        if (applied.consent_changed)
            store_.record_consent(member.id, *member.consent_at, member.newsletter_consent, member.consent_source);
        record_audit(db_, {0, context.now, options_.actor, "member.update", "member", std::to_string(member.id),
                           nlohmann::json{{"fields", applied.fields}, {"via", "import"}}.dump()});
        ++report_.updated;
    }

    Database& db_;
    const Countries& countries_;
    const ImportOptions& options_;
    const ImportCallbacks& callbacks_;
    const ErasedAddresses& erased_;
    std::vector<std::string> returned_; // erased people let back in (--allow-erased)
    MemberStore store_;
    ChangeContext context_;
    ColumnLayout layout_;
    ImportReport report_;
    RejectsFile* rejects_ = nullptr; // during run()
    std::string file_;               // the file's name as messages show it
    std::optional<Space> space_;
};

} // namespace

ImportReport import_members(Database& db, const Countries& countries, const Clock& clock,
                            const ImportOptions& options, const ImportCallbacks& callbacks,
                            const ErasedAddresses& erased) {
    std::ifstream in(options.file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::no_input,
                    fmt::format("cannot read '{}': {}", printable(options.file.string()), std::strerror(errno)));
    if (std::filesystem::is_directory(options.file))
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': it is a directory", printable(options.file.string())));
    const ImportFormat format = options.format.value_or(import_format_for(options.file));
    std::unique_ptr<RowSource> source;
    if (format == ImportFormat::jsonl) {
        if (options.encoding != Encoding::utf8)
            throw Error(ErrorKind::usage, "JSON Lines files are always UTF-8: --encoding applies to CSV only");
        source = std::make_unique<JsonlSource>(in, options.file.string());
    } else {
        source = std::make_unique<CsvSource>(in, options.file.string(), options.encoding);
    }
    Importer importer(db, countries, clock, options, callbacks, erased);
    return importer.run(*source);
}

} // namespace expeer
