// Why a write failed, in words a person can act on: a full disk is called one, whichever of
// ENOSPC, EDQUOT or EFBIG the kernel said.
#pragma once

#include <string>

namespace expeer {

// "the disk is full (No space left on device)" for ENOSPC, and so on; strerror otherwise.
std::string why_write_failed(int error_number);

} // namespace expeer
