// A scratch directory for one test, removed afterwards, and the services tests share.
#pragma once

#include "config/config_keys.hpp"
#include "config/environment.hpp"
#include "geo/countries.hpp"
#include "util/clock.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace expeer::test {

class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "expeer-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }

private:
    std::filesystem::path path_;
};

// The countries of the machine's iso-codes package, loaded once for all tests.
inline const Countries& countries() {
    static const Countries loaded = [] {
        const auto keys = expeer_config_keys(Environment{});
        std::string iso, locale;
        for (const auto& k : keys) {
            if (k.name == "iso_codes_dir") iso = k.default_value;
            if (k.name == "locale_dir") locale = k.default_value;
        }
        return Countries::load(iso, locale);
    }();
    return loaded;
}

inline TimePoint at(const char* timestamp) { return *parse_timestamp(timestamp); }

} // namespace expeer::test
