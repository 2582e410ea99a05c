// Problems with what a person typed, all reported at once, so a form or a file can be fixed
// in one go. Thrown as one error (exit status 65) when nothing may be written.
#pragma once

#include "util/error.hpp"

#include <string>
#include <vector>

namespace expeer {

struct FieldError {
    std::string field;  // "email", "country"...
    std::string value;  // as given, cut if long, control characters shown as escapes
    std::string reason; // "unknown country (did you mean Tunisia (TN)?)"
};

// One line for a field error: "country 'Narnia': unknown country".
std::string describe(const FieldError& error);

// A value safe to show in a one-line message: control characters escaped, long values cut.
std::string shown_value(std::string_view value);

class InvalidInput : public Error {
public:
    explicit InvalidInput(std::vector<FieldError> errors);
    const std::vector<FieldError>& errors() const { return errors_; }

private:
    std::vector<FieldError> errors_;
};

} // namespace expeer
