// Reading an outside party's JSON field by field: each read checks the field is there and of
// the right type, and an error says where: "GET /api/users: item 3: field 'email': expected a
// string or null, found a number". Fields nobody reads are ignored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace expeer {

// Parses an answer, refusing what is not JSON or is nested deeper than any real answer is
// (so that no input can make the parser or the tree's destruction run out of stack).
nlohmann::json parse_answer(const std::string& body, const std::string& where);

class JsonFields {
  public:
    JsonFields(const nlohmann::json& value, std::string where);

    std::int64_t integer(const char* name) const;
    std::optional<std::int64_t> optional_integer(const char* name) const; // absent or null
    std::string text(const char* name) const;
    std::optional<std::string> optional_text(const char* name) const; // absent or null
    bool boolean(const char* name) const;
    // One of `allowed`; anything else is an unknown value, named.
    std::string choice(const char* name, std::initializer_list<const char*> allowed) const;
    // A nested object (absent or null: nothing).
    std::optional<JsonFields> object(const char* name) const;
    const std::string& where() const { return where_; }

  private:
    const nlohmann::json& field(const char* name) const;
    [[noreturn]] void wrong(const char* name, const char* expected) const;

    const nlohmann::json& value_;
    std::string where_;
};

} // namespace expeer
