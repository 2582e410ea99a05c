#include "util/json_lines.hpp"

#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace expeer;

namespace {

// Through read_json_lines, the entry point the fuzzer uses.
std::vector<JsonLine> read_all(const std::string& text, JsonLinesLimits limits = {}) {
    return read_json_lines(text, "test.jsonl", limits);
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

} // namespace

TEST_CASE("one value a line, blank lines skipped, lines numbered as an editor does") {
    const auto lines = read_all("\xef\xbb\xbf{\"a\":1}\n\n  \n{\"b\":[2]}\r\nnot json\n[1]");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].value == nlohmann::json{{"a", 1}});
    CHECK(lines[0].line == 1);
    CHECK(lines[1].line == 4);
    CHECK(lines[1].text == "{\"b\":[2]}");
    CHECK(lines[2].line == 5);
    CHECK(lines[2].error == "is not valid JSON (at byte 2)");
    CHECK(lines[2].value.is_null());
    CHECK(lines[3].value == nlohmann::json::array({1}));
}

TEST_CASE("values nesting deeper than the limit are refused without recursing") {
    CHECK(read_all(nested(32))[0].error.empty());
    CHECK(read_all(nested(33))[0].error == "nests arrays and objects more than 32 deep");
    // The issue's 200,000 levels: a stack overflow if anything recursed on them.
    const auto deep = read_all("{\"id\":" + nested(200000) + "}\n{\"id\":2}\n");
    REQUIRE(deep.size() == 2);
    CHECK(deep[0].error == "nests arrays and objects more than 32 deep");
    CHECK(deep[1].value["id"] == 2);
    std::string objects;
    for (int i = 0; i < 100; ++i) objects += "{\"a\":";
    objects += "1" + std::string(100, '}');
    CHECK(read_all(objects)[0].error == "nests arrays and objects more than 32 deep");
    std::string error;
    CHECK(parse_json_bounded(nested(5), 5, error));
    CHECK_FALSE(parse_json_bounded(nested(6), 5, error));
}

TEST_CASE("a line longer than the limit ends the reading, with the line named") {
    const JsonLinesLimits small{100, 32};
    CHECK(read_all("{\"a\":\"" + std::string(90, 'x') + "\"}\n", small).size() == 1);
    CHECK_THROWS_WITH(read_all("{}\n{\"a\":\"" + std::string(100, 'x') + "\"}\n", small),
                      "test.jsonl:2: the line is longer than 100 bytes");
    CHECK_THROWS_WITH(read_all(std::string(300000, '\0'), small), "test.jsonl:1: the line is longer than 100 bytes");
    // Lines straddling the reader's chunks are read whole.
    std::string text;
    for (int i = 0; i < 200; ++i) text += "{\"n\":" + std::to_string(i) + ",\"pad\":\"" + std::string(997, 'p') + "\"}\n";
    const auto lines = read_all(text);
    REQUIRE(lines.size() == 200);
    CHECK(lines[199].value["n"] == 199);
}

TEST_CASE("lines ending in CR alone are read as lines") {
    const auto lines = read_all("{\"a\":1}\r{\"a\":2}\r\r{\"a\":3}");
    REQUIRE(lines.size() == 3);
    CHECK(lines[2].value["a"] == 3);
    CHECK(lines[2].line == 4);
    std::istringstream in("{}\r{}\r");
    JsonLinesReader reader(in, "mac.jsonl");
    JsonLine line;
    REQUIRE(reader.next(line));
    CHECK(reader.uses_cr_only());
}

TEST_CASE("a rejected line gets its reason, keys in their order") {
    CHECK(json_line_with_reason(R"({"z":1,"a":"x"})", "id: is required") ==
          "{\"z\":1,\"a\":\"x\",\"reason\":\"id: is required\"}\n");
    CHECK(json_line_with_reason("not json", "line: is not valid JSON") ==
          "{\"line\":\"not json\",\"reason\":\"line: is not valid JSON\"}\n");
    CHECK(json_line_with_reason("\xff", "r") == "{\"line\":\"\xef\xbf\xbd\",\"reason\":\"r\"}\n");
}
