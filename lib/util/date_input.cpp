#include "util/date_input.hpp"

#include "util/error.hpp"
#include "util/printable.hpp"

#include <fmt/format.h>

#include <charconv>

namespace expeer {

using namespace std::chrono;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Reads between `min` and `max` digits at s[pos]; pos moves past them.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (pos + n < s.size() && n < max && is_digit(s[pos + n])) ++n;
    if (n < min) return std::nullopt;
    int value = 0;
    std::from_chars(s.data() + pos, s.data() + pos + n, value);
    pos += n;
    return value;
}

bool literal(std::string_view s, std::size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

// "Z", "+02:00", "+0200" or "+02" at s[pos].
std::optional<minutes> offset(std::string_view s, std::size_t& pos) {
    if (literal(s, pos, 'Z') || literal(s, pos, 'z')) return minutes(0);
    if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
    const int sign = s[pos++] == '-' ? -1 : 1;
    const auto h = digits(s, pos, 2, 2);
    if (!h || *h > 23) return std::nullopt;
    int m = 0;
    if (pos < s.size()) {
        literal(s, pos, ':');
        const auto mm = digits(s, pos, 2, 2);
        if (!mm || *mm > 59) return std::nullopt;
        m = *mm;
    }
    return minutes(sign * (*h * 60 + m));
}

std::optional<seconds> time_of_day(int h, int m, int s) {
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    return hours(h) + minutes(m) + seconds(s);
}

std::optional<year_month_day> day_of(int y, int m, int d) {
    const year_month_day day{year(y), month(static_cast<unsigned>(m)), std::chrono::day(static_cast<unsigned>(d))};
    return day.ok() ? std::optional(day) : std::nullopt;
}

// "HH:MM[:SS[.fff]]" then a zone, to the end of `s`.
std::optional<TimePoint> iso_time_after(year_month_day day, std::string_view s, std::size_t pos) {
    const auto h = digits(s, pos, 2, 2);
    if (!h || !literal(s, pos, ':')) return std::nullopt;
    const auto m = digits(s, pos, 2, 2);
    int sec = 0;
    if (m && literal(s, pos, ':')) {
        const auto ss = digits(s, pos, 2, 2);
        if (!ss) return std::nullopt;
        sec = *ss;
        if (literal(s, pos, '.') || literal(s, pos, ','))
            if (!digits(s, pos, 1, 9)) return std::nullopt;
    }
    const auto tod = m ? time_of_day(*h, *m, sec) : std::nullopt;
    const auto zone = offset(s, pos);
    if (!tod || !zone || pos != s.size()) return std::nullopt;
    return TimePoint(sys_days(day) + *tod - *zone);
}

// "7d", "36h", "2w": how long ago, at most about two hundred years.
std::optional<seconds> time_ago(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    std::size_t pos = 0;
    const auto n = digits(text, pos, 1, 6);
    if (!n || pos != text.size() - 1) return std::nullopt;
    const long count = *n;
    switch (text.back()) {
    case 'h': return hours(count);
    case 'd': return days(count);
    case 'w': return weeks(count);
    default: return std::nullopt;
    }
}

DateInput whole_day(sys_days day) { return {day, day + days(1), true}; }

} // namespace

std::optional<TimePoint> read_iso_time(std::string_view text) {
    if (text.size() < 11 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return std::nullopt;
    const auto day = parse_date(text.substr(0, 10));
    if (!day) return std::nullopt;
    return iso_time_after(*day, text, 11);
}

std::optional<DateInput> read_date_input(std::string_view text, TimePoint now) {
    const sys_days today = floor<days>(now);
    if (text == "now") return DateInput{now, now + seconds(1), false};
    if (text == "today") return whole_day(today);
    if (text == "yesterday") return whole_day(today - days(1));
    if (const auto ago = time_ago(text)) {
        if (*ago > days(366 * 200)) return std::nullopt;
        const TimePoint at = now - *ago;
        return DateInput{at, at + seconds(1), false};
    }
    if (const auto day = parse_date(text)) return whole_day(sys_days(*day));
    if (const auto at = read_iso_time(text)) return DateInput{*at, *at + seconds(1), false};
    return std::nullopt;
}

std::string date_input_forms() {
    return "a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), "
           "today, yesterday, now, or a time ago (36h, 7d, 2w)";
}

DateInput date_option(std::string_view option, std::string_view text, TimePoint now) {
    if (const auto input = read_date_input(text, now)) return *input;
    throw Error(ErrorKind::usage, fmt::format("{} '{}' is not a date or time: give {}", option, printable(text),
                                              date_input_forms()));
}

DateFormat::DateFormat(std::string_view pattern) : pattern_(pattern) {
    std::string expanded;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            expanded += pattern[i];
            continue;
        }
        const char d = i + 1 < pattern.size() ? pattern[++i] : '\0';
        if (d == 'F') expanded += "%Y-%m-%d";
        else if (d == 'T') expanded += "%H:%M:%S";
        else if (std::string_view("dmYHMSz%").find(d) != std::string_view::npos && d != '\0') expanded += {'%', d};
        else
            throw Error(ErrorKind::usage,
                        fmt::format("--date-format '{}': '%{}' is not supported: use %d %m %Y %H %M %S %z %F %T "
                                    "or %% (see expeer-members(1))",
                                    printable(pattern), printable(std::string_view(&d, d ? 1 : 0))));
    }
    const auto count = [&](std::string_view directive) {
        std::size_t n = 0;
        for (std::size_t i = 0; i + 1 < expanded.size(); ++i)
            if (expanded[i] == '%') {
                if (std::string_view(expanded).substr(i, 2) == directive) ++n;
                ++i;
            }
        return n;
    };
    for (const char* d : {"%d", "%m", "%Y"})
        if (count(d) != 1)
            throw Error(ErrorKind::usage,
                        fmt::format("--date-format '{}' must hold each of %d, %m and %Y once", printable(pattern)));
    for (const char* d : {"%H", "%M", "%S", "%z"})
        if (count(d) > 1)
            throw Error(ErrorKind::usage, fmt::format("--date-format '{}' holds {} twice", printable(pattern), d));
    has_time_ = count("%H") == 1;
    if (has_time_ != (count("%M") == 1) || (count("%S") && !has_time_) || (count("%z") && !has_time_))
        throw Error(ErrorKind::usage,
                    fmt::format("--date-format '{}': a time needs %H and %M (then %S and %z if wanted)", printable(pattern)));
    expanded_ = std::move(expanded);
}

TimePoint time_option(std::string_view option, std::string_view text, TimePoint now) {
    const DateInput input = date_option(option, text, now);
    if (input.whole_day)
        throw Error(ErrorKind::usage, fmt::format("{} '{}' is a day, not a time: give a time with Z or an offset "
                                                  "(2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), now, or a time ago "
                                                  "(36h)",
                                                  option, printable(text)));
    return input.start;
}

std::string day_option(std::string_view option, std::string_view text, TimePoint now) {
    return format_date(date_of(date_option(option, text, now).start));
}

TimePoint DateFormat::Reading::instant() const {
    return TimePoint(sys_days(day) + time_of_day.value_or(seconds(0)) - offset);
}

std::optional<DateFormat::Reading> DateFormat::read(std::string_view text) const {
    text = trimmed(text);
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    minutes zone{0};
    for (std::size_t i = 0; i < expanded_.size(); ++i) {
        if (expanded_[i] != '%') {
            if (!literal(text, pos, expanded_[i])) return std::nullopt;
            continue;
        }
        const char directive = expanded_[++i];
        std::optional<int> value;
        switch (directive) {
        case 'd': value = digits(text, pos, 1, 2); if (value) d = *value; break;
        case 'm': value = digits(text, pos, 1, 2); if (value) mo = *value; break;
        case 'Y': value = digits(text, pos, 4, 4); if (value) y = *value; break;
        case 'H': value = digits(text, pos, 1, 2); if (value) h = *value; break;
        case 'M': value = digits(text, pos, 2, 2); if (value) mi = *value; break;
        case 'S': value = digits(text, pos, 2, 2); if (value) s = *value; break;
        case 'z':
            if (const auto o = offset(text, pos)) {
                zone = *o;
                value = 0;
            }
            break;
        default: value = literal(text, pos, '%') ? std::optional(0) : std::nullopt; break;
        }
        if (!value) return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
    const auto day = day_of(y, mo, d);
    if (!day) return std::nullopt;
    Reading reading{*day, std::nullopt, zone};
    if (has_time_) {
        reading.time_of_day = time_of_day(h, mi, s);
        if (!reading.time_of_day) return std::nullopt;
    }
    return reading;
}

DateFormats::DateFormats(const std::vector<std::string>& patterns) {
    for (const auto& p : patterns) formats_.emplace_back(p);
}

std::optional<std::string> DateFormats::date(std::string_view text) const {
    for (const auto& f : formats_)
        if (const auto r = f.read(text)) return format_date(r->day);
    if (const auto day = parse_date(trimmed(text))) return format_date(*day);
    return std::nullopt;
}

std::optional<std::string> DateFormats::time(std::string_view text) const {
    for (const auto& f : formats_)
        if (const auto r = f.read(text); r && f.has_time()) return format_timestamp(r->instant());
    if (const auto at = read_iso_time(trimmed(text))) return format_timestamp(*at);
    return std::nullopt;
}

std::optional<std::string> DateFormats::date_or_time(std::string_view text) const {
    for (const auto& f : formats_)
        if (const auto r = f.read(text)) return format_timestamp(r->instant());
    if (const auto at = read_iso_time(trimmed(text))) return format_timestamp(*at);
    if (const auto day = parse_date(trimmed(text))) return format_timestamp(sys_days(*day));
    return std::nullopt;
}

std::string DateFormats::expected_date() const {
    std::string out;
    for (const auto& f : formats_) out += f.pattern() + ", ";
    return out + (out.empty() ? "" : "or ") + "2024-05-01";
}

std::string DateFormats::expected_time() const {
    std::string out;
    for (const auto& f : formats_)
        if (f.has_time()) out += f.pattern() + ", ";
    return out + (out.empty() ? "" : "or ") + "2024-05-01T10:00:00Z (or with an offset, +02:00)";
}

} // namespace expeer
