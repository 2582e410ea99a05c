// The kind of expeer Error a call throws, and its message: a test fails when it throws none.
#pragma once

#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <string>

namespace expeer::test {

inline ErrorKind error_kind_of(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    FAIL("no error");
    return ErrorKind::failure;
}

} // namespace expeer::test
