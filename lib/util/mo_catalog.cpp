#include "util/mo_catalog.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace expeer {

namespace {

constexpr std::uint32_t mo_magic = 0x950412de;

std::uint32_t byte_swap(std::uint32_t v) {
    return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >> 8) & 0xff00) | (v >> 24);
}

} // namespace

std::map<std::string, std::string> read_mo_catalog(const std::filesystem::path& file) {
    std::map<std::string, std::string> catalog;
    std::ifstream in(file, std::ios::binary);
    if (!in) return catalog;
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto bad = [&] {
        return Error(ErrorKind::config, fmt::format("'{}' is not a gettext catalogue", file.string()));
    };
    const auto word_at = [&](std::size_t offset, bool swap) {
        if (offset + 4 > bytes.size()) throw bad();
        std::uint32_t v;
        std::memcpy(&v, bytes.data() + offset, 4);
        return swap ? byte_swap(v) : v;
    };
    const std::uint32_t magic = word_at(0, false);
    const bool swap = magic != mo_magic;
    if (swap && byte_swap(magic) != mo_magic) throw bad();
    const std::uint32_t count = word_at(8, swap);
    const std::uint32_t originals = word_at(12, swap);
    const std::uint32_t translations = word_at(16, swap);
    const auto string_at = [&](std::uint32_t table, std::uint32_t index) {
        const std::uint32_t length = word_at(table + 8 * std::size_t(index), swap);
        const std::uint32_t offset = word_at(table + 8 * std::size_t(index) + 4, swap);
        if (std::size_t(offset) + length > bytes.size()) throw bad();
        return std::string(bytes.data() + offset, length);
    };
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string original = string_at(originals, i);
        if (original.empty()) continue; // the catalogue's own header
        catalog.emplace(std::move(original), string_at(translations, i));
    }
    return catalog;
}

} // namespace expeer
