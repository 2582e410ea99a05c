// Reading an outside party's JSON field by field: each read checks the field is there and of
// the right type, and an error says where: "GET /api/users: item 3: field 'email': expected a
// string or null, found a number". Fields nobody reads are ignored. Parsed by simdjson
// (pages of events are megabytes; a tree of nodes would cost more than the network).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <simdjson.h>
#include <string>

namespace expeer {

// One answer, parsed; its values live as long as it does. Refuses what is not JSON or is
// nested deeper than any real answer is (the parser keeps no recursion on input depth).
class JsonAnswer {
  public:
    JsonAnswer(const std::string& body, const std::string& where);
    ~JsonAnswer(); // its parser goes back for the next answer
    JsonAnswer(const JsonAnswer&) = delete;
    JsonAnswer& operator=(const JsonAnswer&) = delete;
    simdjson::dom::element root() const { return root_; }

  private:
    std::unique_ptr<simdjson::dom::parser> parser_;
    simdjson::dom::element root_;
};

class JsonFields {
  public:
    JsonFields(simdjson::dom::element value, std::string where);

    std::int64_t integer(const char* name) const;
    std::optional<std::int64_t> optional_integer(const char* name) const; // absent or null
    std::string text(const char* name) const;
    std::optional<std::string> optional_text(const char* name) const; // absent or null
    bool boolean(const char* name) const;
    // One of `allowed`; anything else is an unknown value, named.
    std::string choice(const char* name, std::initializer_list<const char*> allowed) const;
    // A nested object (absent or null: nothing).
    std::optional<JsonFields> object(const char* name) const;
    // A nested list (absent: an Error).
    simdjson::dom::array list(const char* name) const;
    const std::string& where() const { return where_; }

  private:
    std::optional<simdjson::dom::element> find(const char* name) const;
    simdjson::dom::element field(const char* name) const;
    [[noreturn]] void wrong(const char* name, const char* expected) const;

    simdjson::dom::object object_;
    std::string where_;
};

} // namespace expeer
