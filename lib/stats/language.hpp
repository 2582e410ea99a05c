// A report's words and numbers in one language: labels, definitions, month names and number
// formatting from ICU ("1 234" and "janv." in French), country names from iso-codes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

class ReportLanguage {
public:
    explicit ReportLanguage(const std::string& code); // "fr" or "en"
    ~ReportLanguage();
    ReportLanguage(ReportLanguage&&) noexcept;

    const std::string& code() const { return code_; }
    // A text of the report by key (an unknown key is a bug: an Error).
    const std::string& text(std::string_view key) const;
    std::string number(std::int64_t n) const;
    std::string signed_number(std::int64_t n) const; // "+307", "−12", "0"
    std::string month_short(const std::string& year_month) const; // "août"
    std::string month_year(const std::string& year_month) const;  // "janv. 2024", for charts and tables
    std::string month_year_long(const std::string& year_month) const; // "janvier 2024", for prose
    std::string date(const std::string& ymd) const;                 // "1 août 2023"

    static const std::vector<std::string>& supported();

private:
    struct Icu;
    std::string code_;
    std::unique_ptr<Icu> icu_;
};

} // namespace expeer
