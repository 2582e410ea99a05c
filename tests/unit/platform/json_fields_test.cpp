#include "platform/json_fields.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

using namespace expeer;
using Catch::Matchers::Contains;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("each field is checked, and an error says the call, the item and the field") {
    const JsonAnswer answer(R"({"user_id": 3, "email": null, "public_name": 7, "profile": "wizards",
                               "fields": {"author": {"user_id": "x"}}, "items": 1})",
                            "GET /api/users");
    const JsonFields f(answer.root(), "GET /api/users: item 3");
    CHECK(f.integer("user_id") == 3);
    CHECK_FALSE(f.optional_text("email"));
    CHECK_FALSE(f.optional_text("absent"));
    CHECK(error_of([&] { f.text("public_name"); }) ==
          "GET /api/users: item 3: field 'public_name': expected a string, found a number");
    CHECK(error_of([&] { f.text("missing"); }) ==
          "GET /api/users: item 3: field 'missing' is missing");
    CHECK_THAT(
        error_of([&] {
            f.choice("profile", {"users", "administrators"});
        }),
        Contains(
            "field 'profile': unknown value 'wizards' (expected one of users, administrators)"));
    CHECK(error_of([&] { f.object("fields")->object("author")->integer("user_id"); }) ==
          "GET /api/users: item 3: fields: author: field 'user_id': expected a whole number, found "
          "a string");
    CHECK(error_of([&] { f.list("items"); }) ==
          "GET /api/users: item 3: field 'items': expected a list, found a number");
    CHECK_THAT(error_of([] {
                   JsonAnswer a("[1]", "GET /x");
                   JsonFields(a.root(), "GET /x");
               }),
               Contains("GET /x: expected an object, found a list"));
}

TEST_CASE("what a hostile answer holds is never echoed raw") {
    const JsonAnswer answer(R"({"access_type": "secret\u001b[2J\u0007"})", "GET /api/workspaces");
    const auto message = error_of(
        [&] { JsonFields(answer.root(), "GET /api/workspaces").choice("access_type", {"open"}); });
    CHECK_THAT(message, Contains("'secret\\x1b[2J\\x07'"));
    CHECK(message.find('\x1b') == std::string::npos);
}

TEST_CASE("an answer that is not JSON, or nested without end, is refused without a crash") {
    CHECK_THAT(error_of([] { JsonAnswer("{\"items\": [1, 2", "GET /x"); }),
               Contains("GET /x: the answer is not valid JSON"));
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    CHECK_THAT(error_of([&] { JsonAnswer(deep, "GET /deep"); }), Contains("nested deeper than"));
}
