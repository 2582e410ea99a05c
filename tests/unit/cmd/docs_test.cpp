// Every command and option the program has is documented in man/, and every --help works.
#include "commands.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace expeer;

namespace {

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Leaf {
    std::vector<std::string> path; // {"members", "add"}
    const CLI::App* app;
};

void collect(const CLI::App* app, std::vector<std::string> path, std::vector<Leaf>& out) {
    const auto subs = app->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) out.push_back({path, app});
    for (const CLI::App* sub : subs) {
        auto next = path;
        next.push_back(sub->get_name());
        collect(sub, next, out);
    }
}

std::vector<Leaf> all_commands(cli::Context& context, cli::Action& action, std::unique_ptr<CLI::App>& app) {
    app = cli::build_app(context, action);
    std::vector<Leaf> leaves;
    collect(app.get(), {}, leaves);
    return leaves;
}

// In roff, a '-' in running text is written '\-'.
std::string roff(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

} // namespace

TEST_CASE("every subcommand and each of its options is documented in its man page") {
    std::ostringstream out, err;
    cli::Context context(Environment{}, out, err, false);
    cli::Action action;
    std::unique_ptr<CLI::App> app;
    const auto leaves = all_commands(context, action, app);
    REQUIRE(leaves.size() >= 10);
    const std::filesystem::path man = EXPEER_SOURCE_DIR "/man";
    const std::string main_page = read_file(man / "expeer.1");
    for (const auto& leaf : leaves) {
        const std::string group = leaf.path.front();
        const std::string page = read_file(man / ("expeer-" + group + ".1"));
        std::string path;
        for (const auto& part : leaf.path) path += " " + roff(part);
        INFO("expeer" << path);
        REQUIRE_FALSE(page.empty());
        CHECK(main_page.find("expeer\\-" + roff(group)) != std::string::npos);
        const std::string heading = ".SS \"expeer" + path + "\"";
        CHECK(page.find(heading) != std::string::npos);
        for (const CLI::Option* option : leaf.app->get_options()) {
            for (const auto& name : option->get_lnames()) {
                if (name == "help") continue;
                INFO("option --" << name);
                CHECK(page.find("\\-\\-" + roff(name)) != std::string::npos);
            }
        }
    }
    // The global options are documented in expeer(1).
    for (const CLI::Option* option : app->get_options())
        for (const auto& name : option->get_lnames()) CHECK(main_page.find("\\-\\-" + roff(name)) != std::string::npos);
}

TEST_CASE("every subcommand answers --help on stdout with exit 0") {
    std::ostringstream unused_out, unused_err;
    cli::Context listing(Environment{}, unused_out, unused_err, false);
    cli::Action unused_action;
    std::unique_ptr<CLI::App> app;
    for (const auto& leaf : all_commands(listing, unused_action, app)) {
        std::vector<std::string> args = {"expeer"};
        args.insert(args.end(), leaf.path.begin(), leaf.path.end());
        args.push_back("--help");
        std::vector<const char*> argv;
        for (const auto& a : args) argv.push_back(a.c_str());
        std::ostringstream out, err;
        cli::Context context(Environment{}, out, err, false);
        INFO(args[1] << " " << args[2] << (args.size() > 4 ? " " + args[3] : ""));
        CHECK(cli::run(static_cast<int>(argv.size()), argv.data(), context) == 0);
        CHECK(out.str().find("Usage:") != std::string::npos);
        CHECK(err.str().empty());
    }
}
