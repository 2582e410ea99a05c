#include "platform/json_fields.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace expeer {

namespace {

constexpr int max_depth = 32;

const char* type_name(const nlohmann::json& v) {
    switch (v.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::boolean:
        return "true or false";
    case nlohmann::json::value_t::string:
        return "a string";
    case nlohmann::json::value_t::array:
        return "a list";
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::number_float:
        return "a decimal number";
    default:
        return "a number";
    }
}

// A value as a message may quote it: short, with nothing a terminal would act on.
std::string printable(const nlohmann::json& v) {
    std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    std::string out;
    for (const unsigned char c : text)
        out += c < 0x20 || c == 0x7f ? fmt::format("\\x{:02x}", c) : std::string(1, c);
    return text::is_valid_utf8(out) ? out : "(not UTF-8)";
}

} // namespace

nlohmann::json parse_answer(const std::string& body, const std::string& where) {
    try {
        return nlohmann::json::parse(
            body, [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
                if (depth > max_depth)
                    throw Error(ErrorKind::data,
                                fmt::format("{}: the answer is nested deeper than {} levels", where,
                                            max_depth));
                return true;
            });
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(ErrorKind::data,
                    fmt::format("{}: the answer is not valid JSON (byte {})", where, e.byte));
    }
}

JsonFields::JsonFields(const nlohmann::json& value, std::string where)
    : value_(value), where_(std::move(where)) {
    if (!value_.is_object())
        throw Error(ErrorKind::data,
                    fmt::format("{}: expected an object, found {}", where_, type_name(value_)));
}

const nlohmann::json& JsonFields::field(const char* name) const {
    const auto it = value_.find(name);
    if (it == value_.end())
        throw Error(ErrorKind::data, fmt::format("{}: field '{}' is missing", where_, name));
    return *it;
}

void JsonFields::wrong(const char* name, const char* expected) const {
    throw Error(ErrorKind::data, fmt::format("{}: field '{}': expected {}, found {}", where_, name,
                                             expected, type_name(field(name))));
}

std::int64_t JsonFields::integer(const char* name) const {
    const auto& v = field(name);
    if (!v.is_number_integer()) wrong(name, "a whole number");
    return v.get<std::int64_t>();
}

std::optional<std::int64_t> JsonFields::optional_integer(const char* name) const {
    const auto it = value_.find(name);
    if (it == value_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) wrong(name, "a whole number or null");
    return it->get<std::int64_t>();
}

std::string JsonFields::text(const char* name) const {
    const auto& v = field(name);
    if (!v.is_string()) wrong(name, "a string");
    return v.get<std::string>();
}

std::optional<std::string> JsonFields::optional_text(const char* name) const {
    const auto it = value_.find(name);
    if (it == value_.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) wrong(name, "a string or null");
    return it->get<std::string>();
}

bool JsonFields::boolean(const char* name) const {
    const auto& v = field(name);
    if (!v.is_boolean()) wrong(name, "true or false");
    return v.get<bool>();
}

std::string JsonFields::choice(const char* name, std::initializer_list<const char*> allowed) const {
    const std::string value = text(name);
    for (const char* a : allowed)
        if (value == a) return value;
    std::string list;
    for (const char* a : allowed)
        list += (list.empty() ? "" : ", ") + std::string(a);
    throw Error(ErrorKind::data,
                fmt::format("{}: field '{}': unknown value '{}' (expected one of {})", where_, name,
                            printable(value), list));
}

std::optional<JsonFields> JsonFields::object(const char* name) const {
    const auto it = value_.find(name);
    if (it == value_.end() || it->is_null()) return std::nullopt;
    if (!it->is_object()) wrong(name, "an object or null");
    return JsonFields(*it, where_ + ": " + name);
}

} // namespace expeer
