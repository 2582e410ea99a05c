#include "util/clock.hpp"

#include <fmt/format.h>

#include <charconv>

namespace expeer {

TimePoint SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

namespace {

bool read_number(std::string_view s, std::size_t pos, std::size_t digits, int& out) {
    if (pos + digits > s.size()) return false;
    const char* first = s.data() + pos;
    const char* last = first + digits;
    for (const char* p = first; p != last; ++p)
        if (*p < '0' || *p > '9') return false;
    return std::from_chars(first, last, out).ec == std::errc();
}

} // namespace

std::string format_date(std::chrono::year_month_day d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!read_number(s, 0, 4, y) || !read_number(s, 5, 2, m) || !read_number(s, 8, 2, d))
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(y),
                                           std::chrono::month(static_cast<unsigned>(m)),
                                           std::chrono::day(static_cast<unsigned>(d))};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::chrono::year_month_day date_of(TimePoint t) {
    return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t));
}

std::string format_timestamp(TimePoint t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss time(t - day);
    return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(std::chrono::year_month_day(day)),
                       time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::optional<TimePoint> parse_timestamp(std::string_view s) {
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return std::nullopt;
    const auto date = parse_date(s.substr(0, 10));
    int h = 0, m = 0, sec = 0;
    if (!date || !read_number(s, 11, 2, h) || !read_number(s, 14, 2, m) ||
        !read_number(s, 17, 2, sec) || h > 23 || m > 59 || sec > 59)
        return std::nullopt;
    return std::chrono::sys_days(*date) + std::chrono::hours(h) + std::chrono::minutes(m) +
           std::chrono::seconds(sec);
}

} // namespace expeer
