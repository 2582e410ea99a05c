#include "platform/json_fields.hpp"

#include "util/error.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <vector>

namespace expeer {

namespace {

constexpr std::size_t max_depth = 32;

const char* type_name(simdjson::dom::element v) {
    switch (v.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
        return "null";
    case simdjson::dom::element_type::BOOL:
        return "true or false";
    case simdjson::dom::element_type::STRING:
        return "a string";
    case simdjson::dom::element_type::ARRAY:
        return "a list";
    case simdjson::dom::element_type::OBJECT:
        return "an object";
    case simdjson::dom::element_type::DOUBLE:
        return "a decimal number";
    default:
        return "a number";
    }
}

// Parsers kept for the next answers. A parser's buffers (about ten times the answer) grow to
// the largest answer it read; allocating them anew for each of a pull's thousands of pages
// cost time (a tenth of a pull's processor time) and memory that glibc's arenas kept.
class ParserPool {
public:
    std::unique_ptr<simdjson::dom::parser> take() {
        {
            const std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                auto parser = std::move(idle_.back());
                idle_.pop_back();
                return parser;
            }
        }
        return std::make_unique<simdjson::dom::parser>();
    }
    void give_back(std::unique_ptr<simdjson::dom::parser> parser) {
        // One that read an exceptional answer does not keep its memory for ordinary ones.
        if (parser->capacity() > max_kept_capacity) return;
        const std::lock_guard lock(mutex_);
        if (idle_.size() < max_idle) idle_.push_back(std::move(parser));
    }

private:
    static constexpr std::size_t max_idle = 8; // a pull reads up to about 8 answers at once
    static constexpr std::size_t max_kept_capacity = 8 << 20;
    std::mutex mutex_;
    std::vector<std::unique_ptr<simdjson::dom::parser>> idle_;
};

ParserPool& parsers() {
    static ParserPool pool;
    return pool;
}

} // namespace

JsonAnswer::JsonAnswer(const std::string& body, const std::string& where) : parser_(parsers().take()) {
    const std::size_t needed = std::max<std::size_t>(body.size(), 64);
    if ((parser_->capacity() < needed || parser_->max_depth() != max_depth) &&
        parser_->allocate(needed, max_depth) != simdjson::SUCCESS)
        throw Error(ErrorKind::failure,
                    fmt::format("{}: not enough memory to read the answer", where));
    const auto parsed = parser_->parse(body);
    if (parsed.error() == simdjson::DEPTH_ERROR)
        throw Error(ErrorKind::data, fmt::format("{}: the answer is nested deeper than {} levels",
                                                 where, max_depth));
    if (parsed.error())
        throw Error(ErrorKind::data, fmt::format("{}: the answer is not valid JSON ({})", where,
                                                 simdjson::error_message(parsed.error())));
    root_ = parsed.value_unsafe();
}

JsonAnswer::~JsonAnswer() {
    if (parser_) parsers().give_back(std::move(parser_));
}

JsonFields::JsonFields(simdjson::dom::element value, std::string where) : where_(std::move(where)) {
    if (value.get(object_) != simdjson::SUCCESS)
        throw Error(ErrorKind::data,
                    fmt::format("{}: expected an object, found {}", where_, type_name(value)));
}

std::optional<simdjson::dom::element> JsonFields::find(const char* name) const {
    simdjson::dom::element v;
    if (object_[name].get(v) != simdjson::SUCCESS) return std::nullopt;
    return v;
}

simdjson::dom::element JsonFields::field(const char* name) const {
    const auto v = find(name);
    if (!v) throw Error(ErrorKind::data, fmt::format("{}: field '{}' is missing", where_, name));
    return *v;
}

void JsonFields::wrong(const char* name, const char* expected) const {
    throw Error(ErrorKind::data, fmt::format("{}: field '{}': expected {}, found {}", where_, name,
                                             expected, type_name(field(name))));
}

std::int64_t JsonFields::integer(const char* name) const {
    std::int64_t out = 0;
    if (field(name).get(out) != simdjson::SUCCESS) wrong(name, "a whole number");
    return out;
}

std::optional<std::int64_t> JsonFields::optional_integer(const char* name) const {
    const auto v = find(name);
    if (!v || v->is_null()) return std::nullopt;
    std::int64_t out = 0;
    if (v->get(out) != simdjson::SUCCESS) wrong(name, "a whole number or null");
    return out;
}

std::string JsonFields::text(const char* name) const {
    std::string_view out;
    if (field(name).get(out) != simdjson::SUCCESS) wrong(name, "a string");
    return std::string(out);
}

std::optional<std::string> JsonFields::optional_text(const char* name) const {
    const auto v = find(name);
    if (!v || v->is_null()) return std::nullopt;
    std::string_view out;
    if (v->get(out) != simdjson::SUCCESS) wrong(name, "a string or null");
    return std::string(out);
}

bool JsonFields::boolean(const char* name) const {
    bool out = false;
    if (field(name).get(out) != simdjson::SUCCESS) wrong(name, "true or false");
    return out;
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
                            printable(value, 60), list));
}

std::optional<JsonFields> JsonFields::object(const char* name) const {
    const auto v = find(name);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_object()) wrong(name, "an object or null");
    return JsonFields(*v, where_ + ": " + name);
}

simdjson::dom::array JsonFields::list(const char* name) const {
    simdjson::dom::array out;
    if (field(name).get(out) != simdjson::SUCCESS) wrong(name, "a list");
    return out;
}

} // namespace expeer
