#include "config/secret_file.hpp"

#include "config/config.hpp"
#include "util/error.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace expeer {

namespace {

[[noreturn]] void bad(const Config& config, const std::string& key, const std::string& why) {
    throw Error(ErrorKind::config, fmt::format("{} '{}' ({}): {}", key, config.get(key),
                                               config.entry(key).origin, why));
}

constexpr std::size_t most = 64 * 1024; // a password or a key, not a file of them

} // namespace

std::string read_secret_file(const Config& config, const std::string& key) {
    const std::string& file = config.get(key);
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) bad(config, key, fmt::format("cannot be read: {}", std::strerror(errno)));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) bad(config, key, "is not a regular file");
    if (st.st_mode & 077)
        bad(config, key,
            fmt::format("others can read or change it (mode {:o}): chmod 600 it",
                        st.st_mode & 0777));
    std::string text(most, '\0');
    std::size_t size = 0;
    while (size < text.size()) {
        const ssize_t n = ::read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) bad(config, key, fmt::format("cannot be read: {}", std::strerror(errno)));
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }
    text.resize(size);
    text = text.substr(0, text.find('\n'));
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty()) bad(config, key, "is empty: its first line must be the secret");
    return text;
}

} // namespace expeer
