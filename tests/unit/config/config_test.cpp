#include "config/config.hpp"

#include "../scratch.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace expeer;
using Catch::Matchers::Contains;

namespace {

Environment env_with(std::map<std::string, std::string> variables) {
    variables.emplace("HOME", "/home/tester");
    variables.emplace("USER", "tester");
    return Environment{std::move(variables)};
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::config);
        return e.what();
    }
    FAIL("no error");
    return "";
}

} // namespace

TEST_CASE("defaults follow the XDG directories and $USER") {
    const auto env = env_with({{"XDG_DATA_HOME", "/data"}});
    const Config config = load_config(env, {"/nonexistent/a.yaml", "/nonexistent/b.yaml", std::nullopt});
    CHECK(config.get("database") == "/data/expeer/expeer.db");
    CHECK(config.get("actor") == "tester");
    CHECK(config.entry("database").origin == "default");
    CHECK(load_config(env_with({}), {"/x", "/y", std::nullopt}).get("database") ==
          "/home/tester/.local/share/expeer/expeer.db");
}

TEST_CASE("each layer overrides the one before, and says where a value came from") {
    test::ScratchDir dir;
    const auto system = dir.write("system.yaml", "database: /srv/system.db\nbusy_timeout_ms: 1000\nactor: sys\n");
    const auto user = dir.write("user.yaml", "# mine\nbusy_timeout_ms: 2000\nmembers:\n  default_language: fr\n");
    const auto given = dir.write("given.yaml", "actor: given\n");
    const auto env = env_with({{"EXPEER_DB", "/env/expeer.db"}});

    Config config = load_config(env, {system, user, given});
    CHECK(config.get("database") == "/env/expeer.db");
    CHECK(config.entry("database").origin == "environment EXPEER_DB");
    CHECK(config.get_integer("busy_timeout_ms") == 2000);
    CHECK(config.entry("busy_timeout_ms").origin == user.string() + ":2");
    CHECK(config.get("members.default_language") == "fr");
    CHECK(config.entry("members.default_language").origin == user.string() + ":4");
    CHECK(config.get("actor") == "given");

    config.set("database", "/flag.db", "command line --db");
    CHECK(config.get("database") == "/flag.db");
    CHECK(config.entry("database").origin == "command line --db");
}

TEST_CASE("an unknown key names the file, the line and the key") {
    test::ScratchDir dir;
    const auto file = dir.write("c.yaml", "database: /a.db\nmembers:\n  default_langage: fr\n");
    const auto message = error_of([&] { load_config(env_with({}), {file, "/none", std::nullopt}); });
    CHECK(message == file.string() + ":3: unknown key 'members.default_langage'");
}

TEST_CASE("a value of the wrong type names the file, the line and the key") {
    test::ScratchDir dir;
    const auto file = dir.write("c.yaml", "\nbusy_timeout_ms: soon\n");
    CHECK(error_of([&] { load_config(env_with({}), {file, "/none", std::nullopt}); }) ==
          file.string() + ":2: 'busy_timeout_ms' must be a whole number, not 'soon'");
    const auto choice = dir.write("d.yaml", "members: {default_language: klingon}\n");
    CHECK_THAT(error_of([&] { load_config(env_with({}), {choice, "/none", std::nullopt}); }),
               Contains(":1: 'members.default_language' must be one of fr, en"));
    const auto list = dir.write("e.yaml", "database: [a, b]\n");
    CHECK_THAT(error_of([&] { load_config(env_with({}), {list, "/none", std::nullopt}); }),
               Contains(":1: 'database' must be a single value"));
}

TEST_CASE("broken YAML and a missing --config file are errors; missing optional files are not") {
    test::ScratchDir dir;
    const auto file = dir.write("c.yaml", "database: [unclosed\n");
    CHECK_THAT(error_of([&] { load_config(env_with({}), {file, "/none", std::nullopt}); }), Contains(file.string() + ":"));
    CHECK_THAT(error_of([&] { load_config(env_with({}), {"/none", "/none", dir / "missing.yaml"}); }),
               Contains("cannot read"));
    CHECK_NOTHROW(load_config(env_with({}), {"/none", "/none", std::nullopt}));
    CHECK_NOTHROW(load_config(env_with({}), {dir.write("empty.yaml", ""), "/none", std::nullopt}));
}

TEST_CASE("an environment variable of the wrong type is named") {
    CHECK(error_of([&] { load_config(env_with({{"EXPEER_BUSY_TIMEOUT_MS", "-5"}}), {"/n", "/n", std::nullopt}); }) ==
          "environment EXPEER_BUSY_TIMEOUT_MS: 'busy_timeout_ms' must be a whole number, not '-5'");
}

TEST_CASE("secret values are masked when shown, and only then") {
    Config config({{"smtp.password", ValueType::string, "", "EXPEER_SMTP_PASSWORD", true},
                   {"smtp.user", ValueType::string, "", "EXPEER_SMTP_USER", false}});
    config.load_environment(env_with({{"EXPEER_SMTP_PASSWORD", "hunter2"}, {"EXPEER_SMTP_USER", "letter"}}));
    CHECK(config.shown_value("smtp.password") == "********");
    CHECK(config.get("smtp.password") == "hunter2");
    CHECK(config.shown_value("smtp.user") == "letter");
}

TEST_CASE("the example configuration sets every key, and is valid") {
    const std::filesystem::path example = EXPEER_SOURCE_DIR "/config/expeer.example.yaml";
    Config config(expeer_config_keys(env_with({})));
    REQUIRE_NOTHROW(config.load_file(example, true));
    for (const auto& key : config.keys()) {
        INFO(key.name);
        const auto set = config.entries();
        const auto from_example = std::count_if(set.begin(), set.end(), [&](const auto& entry) {
            const std::string family = key.name.ends_with(".*") ? key.name.substr(0, key.name.size() - 1) : key.name;
            return (entry.first == key.name || (family != key.name && entry.first.starts_with(family))) &&
                   entry.second.origin.starts_with(example.string() + ":");
        });
        CHECK(from_example > 0);
    }
}

TEST_CASE("a family of keys takes one value per name, checked like any key") {
    test::ScratchDir dir;
    const auto file = dir.write("c.yaml", "library:\n  quota_mb: 100\n  space_quota_mb:\n    dossier-kivu: 5000\n    sahel: 20\n");
    Config config = load_config(env_with({}), {file, "/none", std::nullopt});
    CHECK(config.find("library.space_quota_mb.dossier-kivu") == std::optional<std::string>("5000"));
    CHECK(config.find("library.space_quota_mb.sahel") == std::optional<std::string>("20"));
    CHECK_FALSE(config.find("library.space_quota_mb.euromed"));
    CHECK(config.entry("library.space_quota_mb.sahel").origin == file.string() + ":5");
    const auto bad = dir.write("d.yaml", "library:\n  space_quota_mb:\n    sahel: lots\n");
    CHECK(error_of([&] { load_config(env_with({}), {bad, "/none", std::nullopt}); }) ==
          bad.string() + ":3: 'library.space_quota_mb.sahel' must be a whole number, not 'lots'");
}

TEST_CASE("a URL's user and password are masked wherever the value is shown") {
    test::ScratchDir dir;
    const auto file = dir.write("config.yaml", "smtp:\n  url: smtp://letter:s3cret@mail.example:587\n");
    ::chmod(file.c_str(), 0600);
    Config config = load_config(env_with({}), {"/nonexistent", "/nonexistent", file});
    CHECK(config.get("smtp.url") == "smtp://letter:s3cret@mail.example:587");
    CHECK(config.shown_value("smtp.url") == "smtp://***:***@mail.example:587/");
    CHECK(config.warnings().empty());
    config.set("smtp.url", "smtp://letter:a b@mail.example", "environment EXPEER_SMTP_URL");
    CHECK(config.shown_value("smtp.url") == "smtp://***@mail.example");
}

TEST_CASE("a configuration file holding a secret that others can read is warned about") {
    test::ScratchDir dir;
    const auto with_password = dir.write("a.yaml", "actor: x\nsmtp:\n  password: s3cret\n");
    const auto with_url = dir.write("b.yaml", "smtp:\n  url: smtp://u:s3cret@mail.example\n");
    const auto without = dir.write("c.yaml", "smtp:\n  url: smtp://mail.example\n");
    for (const auto& f : {with_password, with_url, without}) ::chmod(f.c_str(), 0644);
    const Config a = load_config(env_with({}), {with_password, "/nonexistent", std::nullopt});
    REQUIRE(a.warnings().size() == 1);
    CHECK(a.warnings()[0] == "'" + with_password.string() +
                                 "' holds smtp.password and others can read it (mode 644): chmod 600 it, or "
                                 "move the secret to the environment");
    const Config b = load_config(env_with({}), {with_url, "/nonexistent", std::nullopt});
    REQUIRE(b.warnings().size() == 1);
    CHECK_THAT(b.warnings()[0], Contains("holds smtp.url and others can read it"));
    CHECK(load_config(env_with({}), {without, "/nonexistent", std::nullopt}).warnings().empty());
    ::chmod(with_password.c_str(), 0600);
    CHECK(load_config(env_with({}), {with_password, "/nonexistent", std::nullopt}).warnings().empty());
}
