#include "util/encoding.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

namespace expeer {

Encoding parse_encoding(std::string_view name) {
    std::string n;
    for (char c : name) n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (n == "utf-8" || n == "utf8") return Encoding::utf8;
    if (n == "windows-1252" || n == "cp1252" || n == "windows1252") return Encoding::windows_1252;
    if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1") return Encoding::latin_1;
    throw Error(ErrorKind::usage,
                fmt::format("unknown encoding '{}': use utf-8, windows-1252 or latin-1", name));
}

struct ToUtf8::Impl {
    UConverter* converter = nullptr;
};

ToUtf8::ToUtf8(Encoding from) : from_(from), impl_(std::make_unique<Impl>()) {
    if (from_ == Encoding::utf8) return;
    UErrorCode status = U_ZERO_ERROR;
    impl_->converter = ucnv_open(from_ == Encoding::windows_1252 ? "windows-1252" : "ISO-8859-1", &status);
    if (U_FAILURE(status)) throw Error(ErrorKind::failure, "cannot load the character set converter");
}

ToUtf8::~ToUtf8() {
    if (impl_->converter) ucnv_close(impl_->converter);
}

void ToUtf8::convert(std::string_view input, std::string& output) {
    if (from_ == Encoding::utf8) {
        output.append(input);
        return;
    }
    // Single-byte encodings: at most three UTF-8 bytes for each input byte.
    std::u16string utf16(input.size(), u'\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = ucnv_toUChars(impl_->converter, utf16.data(), static_cast<int32_t>(utf16.size()),
                                         input.data(), static_cast<int32_t>(input.size()), &status);
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING)
        throw Error(ErrorKind::data, "cannot convert the file's characters to UTF-8");
    const std::size_t start = output.size();
    output.resize(start + static_cast<std::size_t>(length) * 3);
    int32_t written = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(output.data() + start, length * 3, &written, reinterpret_cast<const UChar*>(utf16.data()), length,
                &status);
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING)
        throw Error(ErrorKind::data, "cannot convert the file's characters to UTF-8");
    output.resize(start + static_cast<std::size_t>(written));
}

} // namespace expeer
