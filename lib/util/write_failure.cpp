#include "util/write_failure.hpp"

#include <cerrno>
#include <cstring>

namespace expeer {

std::string why_write_failed(int error_number) {
    const std::string said = std::strerror(error_number);
    switch (error_number) {
    case ENOSPC:
        return "the disk is full (" + said + ")";
    case EDQUOT:
        return "the disk quota is used up (" + said + ")";
    case EFBIG:
        return "the file grew larger than this process may write (" + said + "; see ulimit -f)";
    case EROFS:
        return "the file system is read-only (" + said + ")";
    default:
        return said;
    }
}

} // namespace expeer
