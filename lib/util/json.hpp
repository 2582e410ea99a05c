// JSON for optional values: the value, or null.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace expeer {

template <typename T>
nlohmann::ordered_json json_or_null(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

} // namespace expeer
