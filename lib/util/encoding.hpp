// Turns text in a legacy encoding into UTF-8, piece by piece, for files that spreadsheets
// saved in Windows-1252 or Latin-1.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace expeer {

enum class Encoding { utf8, windows_1252, latin_1 };

// "utf-8", "windows-1252" (or "cp1252"), "latin-1" (or "iso-8859-1"); an Error otherwise.
Encoding parse_encoding(std::string_view name);

class ToUtf8 {
public:
    explicit ToUtf8(Encoding from);
    ~ToUtf8();
    ToUtf8(const ToUtf8&) = delete;
    ToUtf8& operator=(const ToUtf8&) = delete;

    // Appends the UTF-8 form of `input` to `output`. UTF-8 input is passed through as it is
    // (it is validated field by field later, with the line named).
    void convert(std::string_view input, std::string& output);

private:
    Encoding from_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace expeer
