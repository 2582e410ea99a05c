#include "map/record_reader.hpp"

#include "util/clock.hpp"
#include "util/csv.hpp"
#include "util/csv_writer.hpp"
#include "util/date_input.hpp"
#include "util/error.hpp"
#include "util/json_lines.hpp"
#include "util/printable.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace expeer {

namespace {

enum class Field { id, date, region, category, gender, status, notes, reason };
constexpr std::size_t field_count = 8;

std::size_t index_of(Field field) {
    return static_cast<std::size_t>(field);
}

struct FieldInfo {
    Field field;
    const char* name; // the JSON key, and the field's English name
    bool required;
    // As text::fold_words writes them: case, accents and punctuation aside.
    std::vector<const char*> headers;
    const char* shown_headers; // for "no region column (...)"
};

// clang-format off
const std::vector<FieldInfo>& fields() {
    static const std::vector<FieldInfo> all = {
        {Field::id, "id", true, {"id", "identifiant", "reference", "ref", "numero", "case id"},
         "id, identifiant, référence, numéro"},
        {Field::date, "date", true, {"date", "date des faits"}, "date"},
        {Field::region, "region", true, {"region", "gouvernorat", "province", "wilaya", "region code", "code region"},
         "region, région, gouvernorat, province"},
        {Field::category, "category", true, {"category", "categorie", "type", "type de violation", "violation"},
         "category, catégorie, type"},
        {Field::gender, "gender", false, {"gender", "genre", "sexe", "sex"}, "gender, genre, sexe"},
        {Field::status, "status", false, {"status", "statut", "etat", "etat du dossier", "case status"},
         "status, statut, état"},
        {Field::notes, "notes", false,
         {"notes", "note", "remarques", "remarque", "commentaire", "commentaires", "comments", "comment"},
         "notes, remarques, commentaire"},
        // The column a rejects file adds, so that it can be read again once fixed.
        {Field::reason, "reason", false, {"reason"}, "reason"},
    };
    return all;
}
// clang-format on

constexpr const char* accepted_fields =
    "id, date, region, category, gender, status and notes (in French identifiant, "
    "date, région, catégorie, genre, statut, notes)";

// Words of a header (folded) that name what could identify a person or an exact place. Word by
// word, so that "Nom de la victime" and "Date de naissance" are caught but "Nombre" is not.
bool identifies(std::string_view header) {
    // clang-format off
    static const std::set<std::string, std::less<>> words = {
        "name", "nom", "prenom", "firstname", "lastname", "surname", "fullname", "victim", "victime",
        "identity", "identite", "passport", "passeport", "cin", "photo",
        "address", "adresse", "addresse", "lieu", "lieux", "place", "emplacement", "city", "ville", "village",
        "town", "street", "rue", "quartier", "postal", "postcode", "zip",
        "latitude", "longitude", "lat", "lon", "lng", "coordinates", "coordonnees", "gps", "geolocalisation",
        "phone", "telephone", "tel", "mobile", "whatsapp", "email", "mail", "courriel",
        "birth", "birthday", "naissance", "age"};
    // clang-format on
    const std::string folded = text::fold_words(header);
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', start), folded.size());
        const std::string_view word = std::string_view(folded).substr(start, end - start);
        if (words.count(word) ||
            (word.size() > 3 && word.back() == 's' && words.count(word.substr(0, word.size() - 1))))
            return true;
        start = end + 1;
    }
    return false;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::vector<std::string> quoted;
    for (const auto& n : names)
        quoted.push_back("'" + n + "'");
    return fmt::format("{}", fmt::join(quoted, ", "));
}

// `what` is "column" or "key"; `names` are already printable.
std::string forbidden_message(const char* what, const std::vector<std::string>& names) {
    return fmt::format(
        "the map takes no names, contact details, birth dates, ages, exact places or coordinates: "
        "remove the {}{} {}",
        what, names.size() > 1 ? "s" : "", quoted_list(names));
}

std::string unknown_message(const char* what, const std::vector<std::string>& names) {
    return fmt::format(
        "unknown {}{} {}: the map reads only {}, and drops nothing silently: remove or rename it",
        what, names.size() > 1 ? "s" : "", quoted_list(names), accepted_fields);
}

// One value of a line, with the column or key it came from as the file writes it.
struct Cell {
    std::string name;
    std::string value;     // trimmed
    bool reported = false; // already refused while reading (a JSON number where text goes)
};

struct Line {
    std::size_t number = 0;
    std::array<std::optional<Cell>, field_count> cells;
    std::vector<RecordProblem> problems; // found while reading it
    bool unreadable = false;             // its fields cannot be trusted: no field is checked
    std::vector<std::string> fields;     // CSV: the row as read, for the rejects file
    std::string text;                    // JSON Lines: the line as read
};

// A format: CSV has one header; JSON Lines names its keys on each line.
class LineSource {
  public:
    virtual ~LineSource() = default;
    virtual bool next(Line& line) = 0;
    // The rejects file's first line (nothing for JSON Lines), and one refused line with a reason.
    virtual std::string rejects_header() const = 0;
    virtual std::string rejected_text(const Line& line, const std::string& reason) const = 0;
    const std::vector<std::string>& ignored() const { return ignored_; }

  protected:
    std::vector<std::string> ignored_;
};

class CsvSource : public LineSource {
  public:
    CsvSource(std::istream& in, const std::string& file, Encoding encoding)
        : reader_(in, file, encoding), file_(printable(file)) {
        CsvRecord header;
        if (!reader_.next(header))
            throw Error(
                ErrorKind::data,
                fmt::format("{}: the file is empty: the first line must name the columns", file_));
        headers_ = std::move(header.fields);
        recognise(header.line, encoding);
    }

    bool next(Line& line) override {
        CsvRecord record;
        if (!reader_.next(record)) return false;
        line = Line{};
        line.number = record.line;
        line.fields = std::move(record.fields);
        for (auto& field : line.fields)
            field = restore_formula(field); // exports neutralise formulas
        if (line.fields.size() > headers_.size()) {
            line.unreadable = true;
            line.problems.push_back(
                {line.number, "line", "",
                 fmt::format("has {} fields where the header has {} (a separator inside an "
                             "unquoted value?)",
                             line.fields.size(), headers_.size())});
        }
        for (std::size_t i = 0; i < headers_.size(); ++i)
            if (layout_[i])
                line.cells[index_of(*layout_[i])] =
                    Cell{headers_[i],
                         i < line.fields.size() ? text::trim(line.fields[i]) : std::string()};
        return true;
    }

    std::string rejects_header() const override {
        auto fields = headers_;
        if (!reason_column_) fields.push_back("reason");
        return (reader_.had_byte_order_mark() ? "\xef\xbb\xbf" : "") +
               csv_line(fields, reader_.separator(), reader_.uses_crlf());
    }

    std::string rejected_text(const Line& line, const std::string& reason) const override {
        std::vector<std::string> fields = line.fields; // csv_line neutralises formulas again
        fields.resize(std::max(fields.size(), headers_.size()));
        if (reason_column_)
            fields[*reason_column_] = reason;
        else
            fields.push_back(reason);
        return csv_line(fields, reader_.separator(), reader_.uses_crlf());
    }

  private:
    // Which field each column holds; an Error naming every column that stops the file.
    void recognise(std::size_t line, Encoding encoding) {
        std::vector<std::string> forbidden, unknown, problems;
        for (std::size_t i = 0; i < headers_.size(); ++i) {
            const std::string& header = headers_[i];
            if (encoding == Encoding::utf8 && !text::is_valid_utf8(header))
                throw Error(
                    ErrorKind::data,
                    fmt::format("{}:{}: column '{}' is not valid UTF-8 (saved by a spreadsheet in "
                                "Windows-1252? read the file with that encoding)",
                                file_, line, printable(header)));
            const std::string key = text::fold_words(header);
            std::optional<Field> field;
            for (const auto& info : fields())
                if (std::any_of(info.headers.begin(), info.headers.end(),
                                [&](const char* h) { return key == h; }))
                    field = info.field;
            if (!field && key.empty())
                problems.push_back(fmt::format("column {} has no header", i + 1));
            else if (!field && identifies(header))
                forbidden.push_back(printable(header));
            else if (!field)
                unknown.push_back(printable(header));
            if (field == Field::reason) {
                reason_column_ = i;
                ignored_.push_back(printable(header));
            }
            layout_.push_back(field);
        }
        if (!forbidden.empty()) problems.push_back(forbidden_message("column", forbidden));
        if (!unknown.empty()) problems.push_back(unknown_message("column", unknown));
        for (const auto& info : fields()) {
            std::vector<std::string> holding;
            for (std::size_t i = 0; i < layout_.size(); ++i)
                if (layout_[i] == info.field) holding.push_back(printable(headers_[i]));
            if (holding.size() > 1)
                problems.push_back(
                    fmt::format("two columns hold the {}: {}", info.name, quoted_list(holding)));
            if (holding.empty() && info.required)
                problems.push_back(fmt::format("no {} column ({})", info.name, info.shown_headers));
        }
        if (!problems.empty())
            throw Error(ErrorKind::data,
                        fmt::format("{}:{}: {}", file_, line, fmt::join(problems, "; ")));
    }

    CsvReader reader_;
    std::string file_; // as messages show it
    std::vector<std::string> headers_;
    std::vector<std::optional<Field>> layout_; // by position
    std::optional<std::size_t> reason_column_;
};

const char* json_type(const nlohmann::json& value) {
    if (value.is_boolean()) return "true or false";
    if (value.is_number()) return "a number";
    if (value.is_array()) return "an array";
    return "an object";
}

class JsonlSource : public LineSource {
  public:
    JsonlSource(std::istream& in, const std::string& file)
        : reader_(in, file), file_(printable(file)) {}

    bool next(Line& line) override {
        JsonLine json;
        if (!reader_.next(json)) return false;
        line = Line{};
        line.number = json.line;
        line.text = std::move(json.text);
        if (!json.error.empty() || !json.value.is_object()) {
            line.unreadable = true;
            line.problems.push_back({line.number, "line", printable(line.text),
                                     json.error.empty() ? "is not a JSON object" : json.error});
            return true;
        }
        for (const auto& [key, value] : json.value.items())
            read_key(line, key, value);
        return true;
    }

    std::string rejects_header() const override { return ""; }
    std::string rejected_text(const Line& line, const std::string& reason) const override {
        return json_line_with_reason(line.text, reason);
    }

  private:
    void read_key(Line& line, const std::string& key, const nlohmann::json& value) {
        const Field field = field_of(key, line.number);
        if (field == Field::reason) {
            if (ignored_.empty()) ignored_.push_back(printable(key));
            return;
        }
        auto& cell = line.cells[index_of(field)];
        if (cell) { // "Region" beside "region": nlohmann keeps both
            line.problems.push_back(
                {line.number, printable(key), "",
                 fmt::format("is the {} again: also given as '{}'", fields()[index_of(field)].name,
                             printable(cell->name))});
            cell->reported = true;
            return;
        }
        if (value.is_null()) return; // as if absent
        cell = Cell{key, "", false};
        if (value.is_string())
            cell->value = text::trim(value.get<std::string>());
        else if (field == Field::id && value.is_number_integer())
            cell->value = value.dump();
        else {
            cell->reported = true;
            line.problems.push_back(
                {line.number, printable(key), printable(value.dump()),
                 fmt::format("must be a string{}, not {}",
                             field == Field::id ? " or a whole number" : "", json_type(value))});
        }
    }

    // The field a key names (its English name, case aside); an Error for any other key.
    Field field_of(const std::string& key, std::size_t line) const {
        const std::string folded = text::fold_words(key);
        for (const auto& info : fields())
            if (folded == info.name) return info.field;
        const std::vector<std::string> names = {printable(key)};
        throw Error(ErrorKind::data, fmt::format("{}:{}: {}", file_, line,
                                                 identifies(key) ? forbidden_message("key", names)
                                                                 : unknown_message("key", names)));
    }

    JsonLinesReader reader_;
    std::string file_;
};

// "other" is refused rather than taken as non-binary: in the projects' forms it also stands
// for a trans woman or man, an intersex person, a group of people or "would not say", and the
// map would publish a count of non-binary people that is not one. The reason says what to
// write instead.
bool is_other(std::string_view text) {
    const std::string key = text::fold_words(text);
    return key == "other" || key == "others" || key == "autre" || key == "autres";
}

template <typename Value>
std::optional<Value> spelt(std::string_view text,
                           const std::vector<std::pair<std::string, Value>>& spellings) {
    const std::string key = text::fold_words(text);
    for (const auto& [spelling, value] : spellings)
        if (key == spelling) return value;
    return std::nullopt;
}

const std::vector<std::pair<std::string, RecordGender>>& gender_spellings() {
    static const auto all = [] {
        using G = RecordGender;
        // clang-format off
        std::vector<std::pair<std::string, G>> out = {
            {"female", G::woman}, {"f", G::woman}, {"feminin", G::woman}, {"feminine", G::woman},
            {"male", G::man}, {"m", G::man}, {"h", G::man}, {"masculin", G::man},
            {"non binary", G::non_binary}, {"nonbinary", G::non_binary}, {"nb", G::non_binary},
            {"inconnu", G::unknown}, {"inconnue", G::unknown}, {"non precise", G::unknown},
            {"non precisee", G::unknown}, {"nsp", G::unknown}, {"ne sait pas", G::unknown},
            {"not known", G::unknown},
        };
        // clang-format on
        for (const auto g : all_genders())
            for (const auto& s :
                 {std::string(gender_name(g)), gender_label(g, "fr"), gender_label(g, "en")})
                out.emplace_back(text::fold_words(s), g);
        return out;
    }();
    return all;
}

const std::vector<std::pair<std::string, CaseStatus>>& status_spellings() {
    static const auto all = [] {
        using S = CaseStatus;
        // clang-format off
        std::vector<std::pair<std::string, S>> out = {
            {"ouvert", S::open}, {"ouverte", S::open}, {"en cours", S::open},
            {"devant le tribunal", S::in_court}, {"en justice", S::in_court},
            {"judiciarise", S::in_court}, {"judiciarisee", S::in_court},
            {"juge", S::decided}, {"jugee", S::decided}, {"decide", S::decided}, {"decidee", S::decided},
            {"decision rendue", S::decided},
            {"clos", S::closed}, {"close", S::closed}, {"cloture", S::closed}, {"cloturee", S::closed},
            {"classe", S::closed}, {"classee", S::closed}, {"classe sans suite", S::closed},
            {"inconnu", S::unknown}, {"inconnue", S::unknown}, {"non precise", S::unknown},
        };
        // clang-format on
        for (const auto s : all_statuses())
            for (const auto& n :
                 {std::string(status_name(s)), status_label(s, "fr"), status_label(s, "en")})
                out.emplace_back(text::fold_words(n), s);
        return out;
    }();
    return all;
}

// Checks the fields of each line, and remembers the ids seen.
class RecordChecker {
  public:
    RecordChecker(const RecordVocabulary& vocabulary, const RecordReadOptions& options,
                  RecordFormat format)
        : vocabulary_(vocabulary), today_(options.today),
          utf8_hint_(format == RecordFormat::csv && options.encoding == Encoding::utf8) {
        for (const auto& c : vocabulary.categories)
            for (const auto& name : {c.code, c.fr, c.en})
                if (!name.empty()) category_codes_.emplace(text::fold_words(name), c.code);
    }

    // The record, or nothing and the line's problems added to `problems` (which holds those
    // found while reading it).
    std::optional<MapRecord> check(const Line& line, std::vector<RecordProblem>& problems) {
        if (line.unreadable) return std::nullopt;
        MapRecord record;
        for (const auto& info : fields()) {
            const auto& cell = line.cells[index_of(info.field)];
            if (cell && cell->reported) continue;
            if (!cell || cell->value.empty()) {
                if (info.required)
                    problems.push_back(
                        {line.number, cell ? printable(cell->name) : info.name, "", "is required"});
                continue;
            }
            if (const auto reason = check_field(info.field, cell->value, line.number, record))
                problems.push_back(
                    {line.number, printable(cell->name), printable(cell->value), *reason});
        }
        if (!problems.empty()) return std::nullopt;
        return record;
    }

  private:
    // Why `value` cannot be the field, or nothing once it is in `record`.
    std::optional<std::string> check_field(Field field, const std::string& value, std::size_t line,
                                           MapRecord& record) {
        const auto text_problem = field == Field::notes
                                      ? text_problem_of_notes(value)
                                      : text::single_line_field_problem(
                                            value, text::limit_for(field == Field::id ? 64 : 100));
        if (text_problem)
            return *text_problem == "is not valid UTF-8" && utf8_hint_
                       ? *text_problem + " (saved by a spreadsheet in Windows-1252? read the file "
                                         "with that encoding)"
                       : *text_problem;
        switch (field) {
        case Field::id:
            return check_id(value, line, record);
        case Field::date:
            return check_date(value, record);
        case Field::region:
            return check_region(value, record);
        case Field::category:
            return check_category(value, record);
        case Field::gender:
            if (const auto gender = read_record_gender(value))
                record.gender = *gender;
            else if (is_other(value))
                return std::string(
                    "is ambiguous: write non-binary (non binaire) if that is what the person said, "
                    "or unknown (inconnu)");
            else
                return std::string("must be woman, man, non-binary or unknown (femme, homme, "
                                   "non binaire, inconnu; also f, h, m, nb, nsp), or be left empty");
            break;
        case Field::status:
            if (const auto status = read_case_status(value))
                record.status = *status;
            else
                return std::string("must be open, in-court, decided, closed or unknown (ouvert, "
                                   "en cours, devant le tribunal, jugé, clos, classé, inconnu), "
                                   "or be left empty");
            break;
        case Field::notes:
            record.notes = value;
            break;
        case Field::reason:
            break;
        }
        return std::nullopt;
    }

    static std::optional<std::string> text_problem_of_notes(const std::string& value) {
        if (auto problem = text::multi_line_problem(value)) return problem;
        return text::length_problem(value, text::limit_for(2000));
    }

    std::optional<std::string> check_id(const std::string& value, std::size_t line,
                                        MapRecord& record) {
        std::string id = text::nfc(value);
        const auto [first, inserted] = first_line_of_id_.emplace(id, line);
        if (!inserted) return fmt::format("appears again: first on line {}", first->second);
        record.id = std::move(id);
        return std::nullopt;
    }

    std::optional<std::string> check_date(const std::string& value, MapRecord& record) const {
        const auto date = read_record_date(value);
        if (!date)
            return std::string(
                "must be a day (2024-03-15 or 15/03/2024) or a month (2024-03 or 03/2024)");
        // A month compares with the month of a day: "2026-12" is not after 2026-12-03.
        const std::string_view earliest = earliest_record_day.substr(0, date->size());
        if (*date < earliest) return fmt::format("is before {}", earliest_record_day.substr(0, 4));
        if (*date > std::string_view(today_).substr(0, date->size()))
            return fmt::format("is in the future (today is {})", today_);
        record.date = *date;
        return std::nullopt;
    }

    std::optional<std::string> check_region(const std::string& value, MapRecord& record) const {
        if (auto code = vocabulary_.region_code(value)) {
            record.region = std::move(*code);
            return std::nullopt;
        }
        std::vector<std::string> suggestions;
        if (vocabulary_.region_suggestions)
            for (const auto& s : vocabulary_.region_suggestions(value))
                suggestions.push_back(printable(s));
        if (suggestions.empty()) return std::string("unknown region");
        return fmt::format("unknown region (did you mean {}?)", fmt::join(suggestions, ", "));
    }

    std::optional<std::string> check_category(const std::string& value, MapRecord& record) const {
        const std::string key = text::fold_words(value);
        if (const auto it = category_codes_.find(key); it != category_codes_.end()) {
            record.category = it->second;
            return std::nullopt;
        }
        const auto& categories = vocabulary_.categories;
        if (categories.empty()) return std::string("unknown category: the map has none");
        if (categories.size() <= 10) {
            std::vector<std::string> codes;
            for (const auto& c : categories)
                codes.push_back(printable(c.code));
            return fmt::format(
                "unknown category: use one of {} (or their French or English labels)",
                fmt::join(codes, ", "));
        }
        // Too many to list: the nearest, if one is near.
        std::size_t best = std::max<std::size_t>(2, key.size() / 3) + 1;
        std::string nearest;
        for (const auto& [name, code] : category_codes_)
            if (const auto d = text::edit_distance(key, name); d < best) {
                best = d;
                nearest = code;
            }
        if (nearest.empty())
            return fmt::format("unknown category: the map has {}, listed in its vocabulary",
                               categories.size());
        return fmt::format("unknown category (did you mean {}?)", printable(nearest));
    }

    const RecordVocabulary& vocabulary_;
    std::string today_;
    bool utf8_hint_;
    std::map<std::string, std::string> category_codes_;             // folded code or label -> code
    std::unordered_map<std::string, std::size_t> first_line_of_id_; // the one memory that grows
};

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

} // namespace

RecordFormat record_format_for(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".csv") return RecordFormat::csv;
    if (extension == ".jsonl" || extension == ".ndjson") return RecordFormat::jsonl;
    throw Error(ErrorKind::usage,
                fmt::format("cannot tell the format of '{}' from its name: it must end in .csv, "
                            ".jsonl or .ndjson",
                            printable(file.string())));
}

std::optional<RecordGender> read_record_gender(std::string_view text) {
    if (text::fold_words(text).empty()) return RecordGender::unknown;
    return spelt(text, gender_spellings());
}

std::optional<CaseStatus> read_case_status(std::string_view text) {
    if (text::fold_words(text).empty()) return CaseStatus::unknown;
    return spelt(text, status_spellings());
}

std::optional<std::string> read_record_date(std::string_view text) {
    static const DateFormat iso("%Y-%m-%d");
    static const DateFormat french("%d/%m/%Y");
    const std::string value = text::trim(text);
    if (value.size() > 10) return std::nullopt; // 2024-03-15 is the longest
    for (const DateFormat* format : {&iso, &french})
        if (const auto reading = format->read(value)) return format_date(reading->day);
    // A month, read as its first day.
    if (const auto reading = iso.read(value + "-01")) return format_date(reading->day).substr(0, 7);
    if (const auto reading = french.read("01/" + value))
        return format_date(reading->day).substr(0, 7);
    return std::nullopt;
}

RecordReading read_records(const std::filesystem::path& file, RecordFormat format,
                           const RecordVocabulary& vocabulary, const RecordReadOptions& options,
                           const std::function<void(const MapRecord&, std::size_t line)>& on_record,
                           const std::function<void(const RecordProblem&)>& on_problem) {
    if (!vocabulary.region_code)
        throw Error(ErrorKind::failure, "reading map records: no region lookup was given");
    if (options.today.size() != 10 || !parse_date(options.today))
        throw Error(ErrorKind::failure, fmt::format("reading map records: today '{}' is not a day",
                                                    printable(options.today)));
    const std::string name = printable(file.string());
    if (format == RecordFormat::jsonl && options.encoding != Encoding::utf8)
        throw Error(ErrorKind::usage,
                    "JSON Lines files are always UTF-8: an encoding applies to CSV only");
    std::error_code ignored;
    if (std::filesystem::is_directory(file, ignored))
        throw Error(ErrorKind::no_input, fmt::format("cannot read '{}': it is a directory", name));
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::no_input,
                    fmt::format("cannot read '{}': {}", name, lower_first(std::strerror(errno))));

    std::unique_ptr<LineSource> source;
    if (format == RecordFormat::jsonl)
        source = std::make_unique<JsonlSource>(in, file.string());
    else
        source = std::make_unique<CsvSource>(in, file.string(), options.encoding);
    if (options.on_rejected_text)
        if (const std::string header = source->rejects_header(); !header.empty())
            options.on_rejected_text(header);

    RecordChecker checker(vocabulary, options, format);
    RecordReading reading;
    Line line;
    while (source->next(line)) {
        ++reading.lines;
        std::vector<RecordProblem> problems = std::move(line.problems);
        if (const auto record = checker.check(line, problems)) {
            if (on_record) on_record(*record, line.number);
            continue;
        }
        ++reading.rejected;
        std::vector<std::string> reasons;
        for (const auto& problem : problems) {
            if (on_problem) on_problem(problem);
            reasons.push_back(fmt::format("{}: {}", problem.field, problem.reason));
        }
        if (options.on_rejected_text)
            options.on_rejected_text(
                source->rejected_text(line, fmt::format("{}", fmt::join(reasons, "; "))));
    }
    reading.ignored_columns = source->ignored();
    return reading;
}

} // namespace expeer
