#include "map/record_reader.hpp"

#include "../error_kind.hpp"
#include "../scratch.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <map>

using namespace expeer;

namespace {

// Three governorates of Tunisia, by code and by name in French, English or Arabic.
RecordVocabulary vocabulary() {
    static const std::map<std::string, std::string> regions = {
        {"tn 11", "TN-11"}, {"tunis", "TN-11"},  {"تونس", "TN-11"},
        {"tn 61", "TN-61"}, {"sfax", "TN-61"},   {"صفاقس", "TN-61"},
        {"tn 12", "TN-12"}, {"ariana", "TN-12"}, {"l ariana", "TN-12"},
    };
    RecordVocabulary v;
    v.categories = {{"torture", "Torture", "Torture"},
                    {"arbitrary-detention", "Détention arbitraire", "Arbitrary detention"},
                    {"gender-discrimination", "Discrimination de genre", "Gender discrimination"}};
    v.region_code = [](std::string_view input) -> std::optional<std::string> {
        const auto it = regions.find(text::fold_words(input));
        if (it == regions.end()) return std::nullopt;
        return it->second;
    };
    v.region_suggestions = [](std::string_view input) {
        std::vector<std::string> out;
        for (const auto& [name, code] :
             {std::pair{"Tunis", "TN-11"}, {"Sfax", "TN-61"}, {"Ariana", "TN-12"}})
            if (text::edit_distance(text::fold_words(input), text::fold_words(name)) <= 2)
                out.push_back(fmt::format("{} ({})", name, code));
        return out;
    };
    return v;
}

RecordReadOptions options() {
    RecordReadOptions o;
    o.today = "2026-12-03";
    return o;
}

struct Outcome {
    std::vector<std::pair<MapRecord, std::size_t>> records;
    std::vector<RecordProblem> problems;
    RecordReading reading;
    std::string rejects;
};

Outcome read(const std::filesystem::path& file, RecordReadOptions o = options()) {
    Outcome out;
    o.on_rejected_text = [&](std::string_view text) { out.rejects += text; };
    out.reading = read_records(
        file, record_format_for(file), vocabulary(), o,
        [&](const MapRecord& record, std::size_t line) { out.records.emplace_back(record, line); },
        [&](const RecordProblem& problem) { out.problems.push_back(problem); });
    return out;
}

// The problems of one line, as "field 'value': reason".
std::vector<std::string> problems_on(const Outcome& outcome, std::size_t line) {
    std::vector<std::string> out;
    for (const auto& p : outcome.problems)
        if (p.line == line) out.push_back(fmt::format("{} '{}': {}", p.field, p.value, p.reason));
    return out;
}

std::string file_error(const std::filesystem::path& file, RecordReadOptions o = options()) {
    std::string message;
    CHECK(test::error_kind_of([&] { read(file, std::move(o)); }, &message) == ErrorKind::data);
    return message;
}

} // namespace

TEST_CASE("a CSV file with French headers and French values", "[map]") {
    test::ScratchDir dir;
    const auto out = read(
        dir.write("cas.csv", "Identifiant;Date;Gouvernorat;Catégorie;Sexe;Statut;Remarques\n"
                             "A-1;15/03/2024;Sfax;Détention arbitraire;Femme;En cours;Arrêtée\n"
                             "A-2;03/2024;tunis;TORTURE;H;Jugé;\n"
                             "A-3;2024-05-01;صفاقس;discrimination de genre;;Classé sans suite;\n"
                             " A-4 ;2024-06;TN-12;gender-discrimination;non binaire;devant le "
                             "tribunal;\"deux\nlignes\"\n"
                             "A-5;1/2/2020;L'Ariana;torture;nsp;clôturé;\n"));
    CHECK(out.problems.empty());
    CHECK(out.reading.lines == 5);
    CHECK(out.reading.rejected == 0);
    CHECK(out.reading.ignored_columns.empty());
    REQUIRE(out.records.size() == 5);

    const auto& [first, first_line] = out.records[0];
    CHECK(first_line == 2);
    CHECK(first.id == "A-1");
    CHECK(first.date == "2024-03-15");
    CHECK(first.region == "TN-61");
    CHECK(first.category == "arbitrary-detention");
    CHECK(first.gender == RecordGender::woman);
    CHECK(first.status == CaseStatus::open);
    CHECK(first.notes == "Arrêtée");

    CHECK(out.records[1].first.date == "2024-03");
    CHECK(out.records[1].first.region == "TN-11");
    CHECK(out.records[1].first.category == "torture");
    CHECK(out.records[1].first.gender == RecordGender::man);
    CHECK(out.records[1].first.status == CaseStatus::decided);
    CHECK_FALSE(out.records[1].first.notes);

    CHECK(out.records[2].first.region == "TN-61"); // by its Arabic name
    CHECK(out.records[2].first.gender == RecordGender::unknown);
    CHECK(out.records[2].first.status == CaseStatus::closed);

    CHECK(out.records[3].first.id == "A-4"); // trimmed
    CHECK(out.records[3].first.gender == RecordGender::non_binary);
    CHECK(out.records[3].first.status == CaseStatus::in_court);
    CHECK(out.records[3].first.notes == "deux\nlignes");

    CHECK(out.records[4].second == 7); // the quoted line break counts
    CHECK(out.records[4].first.date == "2020-02-01");
    CHECK(out.records[4].first.region == "TN-12");
}

TEST_CASE("a JSON Lines file", "[map]") {
    test::ScratchDir dir;
    const auto out = read(dir.write(
        "cases.jsonl",
        R"({"id":"j1","date":"2024-03-15","region":"Tunis","category":"torture","gender":"woman","status":"in-court","notes":"seen twice"})"
        "\n"
        R"({"id":42,"date":"2024-03","region":"TN-61","category":"Arbitrary detention","gender":null})"
        "\n"
        "not json\n"
        R"({"id":"j3","date":2024,"region":"Sfax","category":"torture"})"
        "\n"
        R"({"id":"j4","region":"Sfax","category":"torture","reason":"date: is required"})"
        "\n"
        R"({"id":"j\u0007","date":"2024-03","region":"Sfax","category":"torture"})"
        "\n"));
    CHECK(out.reading.lines == 6);
    CHECK(out.reading.rejected == 4);
    CHECK(out.reading.ignored_columns == std::vector<std::string>{"reason"});
    REQUIRE(out.records.size() == 2);
    CHECK(out.records[0].first.id == "j1");
    CHECK(out.records[0].first.status == CaseStatus::in_court);
    CHECK(out.records[0].first.notes == "seen twice");
    CHECK(out.records[1].first.id == "42");
    CHECK(out.records[1].second == 2);
    CHECK(out.records[1].first.category == "arbitrary-detention");

    REQUIRE(problems_on(out, 3).size() == 1);
    CHECK(problems_on(out, 3)[0].starts_with("line 'not json': "));
    CHECK(problems_on(out, 4) ==
          std::vector<std::string>{"date '2024': must be a string, not a number"});
    CHECK(problems_on(out, 5) == std::vector<std::string>{"date '': is required"});
    CHECK(problems_on(out, 6) ==
          std::vector<std::string>{"id 'j\\x07': contains a control character"});
    // Refused lines go back as they were, with their reason.
    CHECK(
        out.rejects.find(
            R"({"id":"j3","date":2024,"region":"Sfax","category":"torture","reason":"date: must be a string, not a number"})"
            "\n") != std::string::npos);
    CHECK(out.rejects.find(R"("reason":"date: is required"})") != std::string::npos);
}

TEST_CASE("each refused value is reported with its line and field", "[map]") {
    test::ScratchDir dir;
    const auto out = read(dir.write("cases.csv", "id,date,region,category,gender,status\n"
                                                 "r1,2024-03-15,Sfx,torture,,\n"          // 2
                                                 "r2,2024-03-15,Sfax,beating,,\n"         // 3
                                                 "r3,2024-13-01,Sfax,torture,,\n"         // 4
                                                 "r4,2027-01-05,Sfax,torture,,\n"         // 5
                                                 "r5,1989-12,Sfax,torture,,\n"            // 6
                                                 "r1,2024-03-15,Sfax,torture,,\n"         // 7
                                                 ",2024-03-15,Sfax,torture,,\n"           // 8
                                                 "r8,2024-03-15,Sfax,torture,x,\n"        // 9
                                                 "r9,2024-03-15,Sfax,torture,autre,\n"    // 10
                                                 "r10,2024-03-15,Sfax,torture,,pending\n" // 11
                                                 "r11,2024-03-15,,torture,,\n"            // 12
                                                 "r12,2026-12,Sfax,torture,f,closed\n"    // 13
                                                 "r13,2024-03-15,Sfax,torture,,,extra\n"  // 14
                                                 "r14,2026-12-04,Nowhere,,,\n"));         // 15
    CHECK(out.reading.lines == 14);
    CHECK(out.reading.rejected == 13);
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].second == 13);
    CHECK(out.records[0].first.date == "2026-12");

    using V = std::vector<std::string>;
    CHECK(problems_on(out, 2) == V{"region 'Sfx': unknown region (did you mean Sfax (TN-61)?)"});
    CHECK(problems_on(out, 3) ==
          V{"category 'beating': unknown category: use one of torture, arbitrary-detention, "
            "gender-discrimination (or their French or English labels)"});
    CHECK(problems_on(out, 4) == V{"date '2024-13-01': must be a day (2024-03-15 or 15/03/2024) or "
                                   "a month (2024-03 or 03/2024)"});
    CHECK(problems_on(out, 5) == V{"date '2027-01-05': is in the future (today is 2026-12-03)"});
    CHECK(problems_on(out, 6) == V{"date '1989-12': is before 1990"});
    CHECK(problems_on(out, 7) == V{"id 'r1': appears again: first on line 2"});
    CHECK(problems_on(out, 8) == V{"id '': is required"});
    CHECK(problems_on(out, 9) == V{"gender 'x': must be woman, man, non-binary or unknown (femme, "
                                   "homme, non binaire, inconnu; also f, h, m, "
                                   "nb, nsp), or be left empty"});
    CHECK(problems_on(out, 10) ==
          V{"gender 'autre': is ambiguous: write non-binary (non binaire) if that is what the "
            "person said, or unknown (inconnu)"});
    CHECK(problems_on(out, 11) ==
          V{"status 'pending': must be open, in-court, decided, closed or unknown (ouvert, en "
            "cours, devant le tribunal, jugé, clos, classé, inconnu), or be left empty"});
    CHECK(problems_on(out, 12) == V{"region '': is required"});
    CHECK(
        problems_on(out, 14) ==
        V{"line '': has 7 fields where the header has 6 (a separator inside an unquoted value?)"});
    // Several problems on one line, each reported.
    CHECK(problems_on(out, 15) == V{"date '2026-12-04': is in the future (today is 2026-12-03)",
                                    "region 'Nowhere': unknown region",
                                    "category '': is required"});
}

TEST_CASE("the field of a problem is the column as the file names it", "[map]") {
    test::ScratchDir dir;
    const auto out = read(dir.write("cas.csv", "Référence;Date;Région;Type\n"
                                               "1;2024-03-15;Sfaks;torture\n"
                                               "1;32/01/2024;Tunis;Torture\n"));
    CHECK(problems_on(out, 2) ==
          std::vector<std::string>{"Région 'Sfaks': unknown region (did you mean Sfax (TN-61)?)"});
    CHECK(problems_on(out, 3) ==
          std::vector<std::string>{
              "Référence '1': appears again: first on line 2",
              "Date '32/01/2024': must be a day (2024-03-15 or 15/03/2024) or a month (2024-03 "
              "or 03/2024)"});
}

TEST_CASE("a column that could identify a person or a place stops the file", "[map]") {
    test::ScratchDir dir;
    const auto file = dir.write(
        "cas.csv", "Identifiant;Nom;Date;Région;Catégorie\nA-1;Leila;2024-03;Sfax;torture\n");
    CHECK(file_error(file) ==
          file.string() + ":1: the map takes no names, contact details, birth dates, ages, exact "
                          "places or coordinates: remove the column 'Nom'");
    const auto two =
        dir.write("two.csv", "id,date,region,category,Date de naissance,GPS latitude\n");
    CHECK(file_error(two) ==
          two.string() + ":1: the map takes no names, contact details, birth dates, ages, exact "
                         "places or coordinates: remove the columns 'Date de naissance', "
                         "'GPS latitude'");
    // A word inside another is not one: "Nombre" holds "nom", but is only unknown.
    const auto count = dir.write("count.csv", "id,date,region,category,Nombre\n");
    CHECK(file_error(count).find(":1: unknown column 'Nombre': ") != std::string::npos);
}

TEST_CASE("an unknown or missing column stops the file", "[map]") {
    test::ScratchDir dir;
    const auto unknown =
        dir.write("u.csv", "id,date,region,category,pays\nr1,2024-03,Sfax,torture,TN\n");
    CHECK(file_error(unknown) ==
          unknown.string() +
              ":1: unknown column 'pays': the map reads only id, date, region, category, gender, "
              "status and notes (in French identifiant, date, région, catégorie, genre, statut, "
              "notes), and drops nothing silently: remove or rename it");
    const auto missing = dir.write("m.csv", "id,date,catégorie\n");
    CHECK(file_error(missing) ==
          missing.string() + ":1: no region column (region, région, gouvernorat, province)");
    const auto twice = dir.write("t.csv", "id,date,region,gouvernorat,category\n");
    CHECK(file_error(twice) ==
          twice.string() + ":1: two columns hold the region: 'region', 'gouvernorat'");
    const auto empty = dir.write("e.csv", "");
    CHECK(file_error(empty) ==
          empty.string() + ": the file is empty: the first line must name the columns");
}

TEST_CASE("a forbidden or unknown key stops a JSON Lines file at its line", "[map]") {
    test::ScratchDir dir;
    const std::string good = R"({"id":"a","date":"2024-03","region":"Sfax","category":"torture"})"
                             "\n";
    const auto named = dir.write(
        "n.jsonl",
        good + R"({"id":"b","date":"2024-03","region":"Sfax","category":"torture","name":"Leila"})"
               "\n");
    CHECK(file_error(named) ==
          named.string() + ":2: the map takes no names, contact details, birth dates, ages, "
                           "exact places or coordinates: remove the key 'name'");
    const auto other = dir.write("o.ndjson", good + R"({"id":"b","country":"TN"})"
                                                    "\n");
    CHECK(file_error(other).starts_with(other.string() +
                                        ":2: unknown key 'country': the map reads only id, date"));
}

TEST_CASE("refused CSV rows go back with a reason column, and can be read again", "[map]") {
    test::ScratchDir dir;
    const auto out = read(dir.write("cas.csv", "\xef\xbb\xbfid;date;region;category\r\n"
                                               "r1;2024-03-15;Sfax;torture\r\n"
                                               "r2;2024-03-15;Nowhere;=beating\r\n"));
    CHECK(out.records.size() == 1);
    // The reason holds the separator: quoted. The formula stays neutralised.
    CHECK(out.rejects ==
          "\xef\xbb\xbfid;date;region;category;reason\r\n"
          "r2;2024-03-15;Nowhere;'=beating;\"region: unknown region; category: unknown category: "
          "use one of torture, arbitrary-detention, gender-discrimination (or their French or "
          "English labels)\"\r\n");
    const auto again = read(dir.write("fixed.csv", out.rejects));
    CHECK(again.reading.ignored_columns == std::vector<std::string>{"reason"});
    CHECK(again.reading.rejected == 1);
    CHECK(again.rejects.starts_with(
        "\xef\xbb\xbfid;date;region;category;reason\r\n")); // no second reason column
}

TEST_CASE("a Windows-1252 CSV file is read with its encoding", "[map]") {
    test::ScratchDir dir;
    const std::string content = "Identifiant;R\xe9gion;Date;Cat\xe9gorie;Remarques\n"
                                "A-1;Sfax;2024-03;D\xe9tention arbitraire;arr\xeat\xe9\x65\n";
    const auto file = dir.write("cp1252.csv", content);
    auto cp1252 = options();
    cp1252.encoding = Encoding::windows_1252;
    const auto out = read(file, cp1252);
    REQUIRE(out.records.size() == 1);
    CHECK(out.records[0].first.category == "arbitrary-detention");
    CHECK(out.records[0].first.notes == "arrêtée");
    // Read as UTF-8, the header says what is wrong.
    CHECK(file_error(file).find(
              ":1: column 'R\\xe9gion' is not valid UTF-8 (saved by a spreadsheet in Windows-1252? "
              "read the file with that encoding)") != std::string::npos);
    // And so does a value.
    const auto value = read(dir.write(
        "value.csv", "id;date;region;category;notes\nA-1;2024-03;Sfax;torture;arr\xeat\n"));
    CHECK(problems_on(value, 2) ==
          std::vector<std::string>{"notes 'arr\\xeat': is not valid UTF-8 (saved by a "
                                   "spreadsheet in Windows-1252? read the file with that "
                                   "encoding)"});
}

TEST_CASE("values that are too long, or only invisible, are refused", "[map]") {
    test::ScratchDir dir;
    const auto out = read(dir.write(
        "long.csv", "id,date,region,category,notes\n" + std::string(65, 'x') +
                        ",2024-03,Sfax,torture,\n"
                        "ok,2024-03,Sfax,torture," +
                        std::string(2001, 'n') + "\n\xe2\x80\x8b,2024-03,Sfax,torture,\n"));
    REQUIRE(out.problems.size() == 3);
    CHECK(out.problems[0].reason == "is longer than 64 characters");
    CHECK(out.problems[1].field == "notes");
    CHECK(out.problems[1].reason == "is longer than 2000 characters");
    CHECK(out.problems[2].reason == "is empty: it has only invisible characters");
}

TEST_CASE("the format comes from the extension, and an unreadable file is no input", "[map]") {
    CHECK(record_format_for("cases.csv") == RecordFormat::csv);
    CHECK(record_format_for("CASES.CSV") == RecordFormat::csv);
    CHECK(record_format_for("cases.jsonl") == RecordFormat::jsonl);
    CHECK(record_format_for("cases.ndjson") == RecordFormat::jsonl);
    std::string message;
    CHECK(test::error_kind_of([] { record_format_for("cases.xlsx"); }, &message) ==
          ErrorKind::usage);
    CHECK(message == "cannot tell the format of 'cases.xlsx' from its name: it must end in .csv, "
                     ".jsonl or .ndjson");

    test::ScratchDir dir;
    CHECK(test::error_kind_of([&] { read(dir / "missing.csv"); }, &message) == ErrorKind::no_input);
    CHECK(message ==
          "cannot read '" + (dir / "missing.csv").string() + "': no such file or directory");
    std::filesystem::create_directory(dir / "folder.csv");
    CHECK(test::error_kind_of([&] { read(dir / "folder.csv"); }) == ErrorKind::no_input);
}

TEST_CASE("genders, statuses and dates as people write them", "[map]") {
    CHECK(read_record_gender("Féminin") == RecordGender::woman);
    CHECK(read_record_gender("MALE") == RecordGender::man);
    CHECK(read_record_gender("non-binary") == RecordGender::non_binary);
    CHECK(read_record_gender("Non précisé") == RecordGender::unknown);
    CHECK(read_record_gender("") == RecordGender::unknown);
    CHECK_FALSE(read_record_gender("other"));
    CHECK(read_case_status("Judiciarisé") == CaseStatus::in_court);
    CHECK(read_case_status("in court") == CaseStatus::in_court);
    CHECK(read_case_status("Décision rendue") == CaseStatus::decided);
    CHECK(read_case_status("clôturé") == CaseStatus::closed);
    CHECK(read_case_status("ouvert") == CaseStatus::open);
    CHECK_FALSE(read_case_status("pending"));
    CHECK(read_record_date("2024-03-15") == "2024-03-15");
    CHECK(read_record_date("5/3/2024") == "2024-03-05");
    CHECK(read_record_date("3/2024") == "2024-03");
    CHECK(read_record_date("2024-3") == "2024-03");
    CHECK_FALSE(read_record_date("2024-02-30"));
    CHECK_FALSE(read_record_date("2024"));
    CHECK_FALSE(read_record_date("15/03/24"));
    CHECK_FALSE(read_record_date("2024-03-15T10:00:00Z"));
}

TEST_CASE("with more than ten categories, an unknown one gets the nearest", "[map]") {
    test::ScratchDir dir;
    auto many = vocabulary();
    for (int i = 0; i < 9; ++i)
        many.categories.push_back({fmt::format("other-{}", i), fmt::format("Autre {}", i), ""});
    std::vector<RecordProblem> problems;
    read_records(dir.write("c.csv", "id,date,region,category\n"
                                    "1,2024-03,Sfax,tortur\n"
                                    "2,2024-03,Sfax,beating\n"),
                 RecordFormat::csv, many, options(), {},
                 [&](const RecordProblem& p) { problems.push_back(p); });
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].reason == "unknown category (did you mean torture?)");
    CHECK(problems[1].reason == "unknown category: the map has 12, listed in its vocabulary");
}
