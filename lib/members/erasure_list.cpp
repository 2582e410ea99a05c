#include "members/erasure_list.hpp"

#include "members/member.hpp"
#include "store/erasure_store.hpp"
#include "util/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sstream>
#include <unistd.h>

namespace expeer {

namespace {

constexpr std::size_t key_bytes = 32;
constexpr const char* header =
    "# expeer erasure list 1: keyed hashes of erased addresses, and the key. Keep it "
    "private and apart from backups.";

std::string hex(const unsigned char* data, std::size_t size) {
    std::string out;
    for (std::size_t i = 0; i < size; ++i)
        out += fmt::format("{:02x}", data[i]);
    return out;
}

std::string unhex(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        out += static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16));
    return out;
}

std::string hmac_hex(const std::string& key, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &length))
        throw Error(ErrorKind::failure, "cannot compute an HMAC-SHA256");
    return hex(digest, length);
}

} // namespace

std::string erased_reason(const ErasedAddress& erasure) {
    return fmt::format("was erased at the person's request (on {}; give --allow-erased only if "
                       "they asked to come back)",
                       erasure.erased_at.substr(0, 10));
}

ErasureList::ErasureList(std::filesystem::path file) : file_(std::move(file)) {
    std::ifstream in(file_);
    if (!in) {
        if (std::filesystem::exists(file_))
            throw Error(ErrorKind::no_input,
                        fmt::format("cannot read the erasure list '{}'", file_.string()));
        return;
    }
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::istringstream words(line);
        std::string kind, value, at, content;
        words >> kind >> value >> at >> content;
        const bool is_hash =
            value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string::npos;
        if (kind.empty() || kind[0] == '#') continue;
        if (kind == "key" && is_hash && key_.empty())
            key_ = unhex(value);
        else if (kind == "erased" && is_hash && !at.empty())
            entries_[value] = ErasedAddress{value, at, content == "deleted"};
        else if (kind == "returned" && is_hash)
            entries_[value] = std::nullopt;
        else
            throw Error(
                ErrorKind::data,
                fmt::format(
                    "the erasure list '{}' is damaged on line {}: without it, erased people "
                    "could come back; restore it from where it is kept",
                    file_.string(), number));
    }
    if (key_.empty() && !entries_.empty())
        throw Error(
            ErrorKind::data,
            fmt::format("the erasure list '{}' holds no key: restore it from where it is kept",
                        file_.string()));
}

std::string ErasureList::fingerprint() const {
    return hmac_hex(key_, "expeer erasure list key fingerprint").substr(0, 16);
}

void ErasureList::check_matches(Database& db) const {
    const std::optional<std::string> recorded = erasure_key_fingerprint(db);
    if (!recorded || (!key_.empty() && *recorded == fingerprint())) return;
    throw Error(
        ErrorKind::config,
        fmt::format(
            "the erasure list '{}' {}: without it, people erased from this database could come "
            "back; "
            "put the list kept with this database back there (see expeer-members(1), ERASURE)",
            file_.string(), key_.empty() ? "is missing" : "was made for another database"));
}

std::optional<ErasedAddress> ErasureList::find(std::string_view email) const {
    if (key_.empty()) return std::nullopt;
    const auto it = entries_.find(hash(email));
    if (it == entries_.end()) return std::nullopt;
    return it->second;
}

std::vector<ErasedAddress> ErasureList::erased() const {
    std::vector<ErasedAddress> out;
    for (const auto& [hash, entry] : entries_)
        if (entry) out.push_back(*entry);
    return out;
}

// Always by the widest rule, whatever members.email_local_part says: an erased person must not
// come back by typing their address in other letters, nor after the setting changes.
std::string ErasureList::hash(std::string_view email) const {
    return hmac_hex(key_, email_key(email, EmailKeyRule::fold));
}

void ErasureList::create() {
    unsigned char key[key_bytes];
    if (RAND_bytes(key, sizeof key) != 1)
        throw Error(ErrorKind::failure, "cannot draw a random key for the erasure list");
    const int fd =
        ::open(file_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw Error(ErrorKind::cannot_create, fmt::format("cannot create the erasure list '{}': {}",
                                                          file_.string(), std::strerror(errno)));
    ::close(fd);
    key_.assign(reinterpret_cast<const char*>(key), sizeof key);
    append(std::string(header) + "\nkey " + hex(key, sizeof key) + "\n");
}

void ErasureList::append(const std::string& text) {
    const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    bool ok = fd >= 0;
    for (std::string_view rest = text; ok && !rest.empty();) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) rest.remove_prefix(static_cast<std::size_t>(n));
    }
    ok = ok && ::fsync(fd) == 0;
    const int saved = errno;
    if (fd >= 0) ::close(fd);
    if (!ok)
        throw Error(ErrorKind::io,
                    fmt::format("cannot write the erasure list '{}': {}; nothing was erased",
                                file_.string(), std::strerror(saved)));
}

void ErasureList::record_key(Database& db) const {
    if (key_.empty()) return;
    record_erasure_key_fingerprint(db, fingerprint());
}

void ErasureList::record_erasure(Database& db, std::string_view email, const std::string& at,
                                 bool content_deleted) {
    check_matches(db);
    if (key_.empty()) create();
    const std::string h = hash(email);
    append(fmt::format("erased {} {} {}\n", h, at, content_deleted ? "deleted" : "kept"));
    entries_[h] = ErasedAddress{h, at, content_deleted};
    record_key(db);
}

void ErasureList::record_return(std::string_view email, const std::string& at) {
    if (key_.empty()) return;
    const std::string h = hash(email);
    append(fmt::format("returned {} {}\n", h, at));
    entries_[h] = std::nullopt;
}

} // namespace expeer
