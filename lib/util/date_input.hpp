// Dates and times as people and other programs write them: in a command's options (--since,
// --from, --to, --at) and, with --date-format, in the files an import reads. One parser, so
// that every option accepts the same forms and refuses the same mistakes: comparing what was
// typed as text made "--since yesterday" match nothing and "--since 01/12/2026" everything.
#pragma once

#include "util/clock.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace expeer {

// What was named, as the interval [start, end): a day covers its 24 hours (UTC), a time the
// second it names. An option meaning "from" takes the start, one meaning "up to, included"
// the end.
struct DateInput {
    TimePoint start;
    TimePoint end; // excluded
    bool whole_day = false;
};

// "2024-05-01"; "2024-05-01T10:00:00Z" or with an offset ("+02:00"; seconds and their
// fraction optional, a space may stand for the T); and, relative to `now`: "now", "today",
// "yesterday" and a time ago as a number and a unit, "36h", "7d", "2w". Days are UTC days.
// Anything else, a time without Z or offset included, is nothing.
std::optional<DateInput> read_date_input(std::string_view text, TimePoint now);

// The forms read_date_input accepts, as an error message lists them.
std::string date_input_forms();

// For a command-line option: what `text` names, or a usage error naming the option, the value
// and the forms accepted.
DateInput date_option(std::string_view option, std::string_view text, TimePoint now);
// For an option that takes a moment (--at): a time, not a whole day ("2024-05-01" would be
// midnight, rarely what was meant).
TimePoint time_option(std::string_view option, std::string_view text, TimePoint now);
// For an option that takes a day: the (UTC) day of what `text` names, "2024-05-01".
std::string day_option(std::string_view option, std::string_view text, TimePoint now);

// A time as a file writes it in ISO 8601, with Z or an offset ("2024-05-01T12:00:00+02:00"),
// seconds optional, any fraction of a second dropped.
std::optional<TimePoint> read_iso_time(std::string_view text);

// A date or time a source writes its own way, as --date-format describes it: %d and %m (one
// or two digits), %Y (four), %H (one or two), %M and %S (two), %z (Z, +02:00 or +0200), %F
// (%Y-%m-%d), %T (%H:%M:%S), %% for a %; anything else stands for itself. A time without %z
// is in UTC.
class DateFormat {
public:
    // An Error (usage) naming what is wrong with the pattern.
    explicit DateFormat(std::string_view pattern);

    struct Reading {
        std::chrono::year_month_day day;                // as written
        std::optional<std::chrono::seconds> time_of_day; // when the pattern has a time
        std::chrono::minutes offset{0};                  // east of UTC
        // The instant, in UTC; the start of the day when there is no time.
        TimePoint instant() const;
    };
    // The date (and time) in `text`, surrounding blanks aside; nothing if it does not match
    // or names no real day or time (31/02, 25:00).
    std::optional<Reading> read(std::string_view text) const;

    const std::string& pattern() const { return pattern_; }
    bool has_time() const { return has_time_; }

private:
    std::string pattern_;  // as given
    std::string expanded_; // %F and %T spelt out
    bool has_time_ = false;
};

// Several formats, tried in order, then ISO 8601: what an import's --date-format gives.
class DateFormats {
public:
    DateFormats() = default;
    explicit DateFormats(const std::vector<std::string>& patterns);

    // "2024-05-01", or the day a format reads.
    std::optional<std::string> date(std::string_view text) const;
    // "2024-05-01T10:00:00Z", from an ISO time with Z or offset, or a format with a time.
    std::optional<std::string> time(std::string_view text) const;
    // A date, as the start of its day, or a time: for fields that take either.
    std::optional<std::string> date_or_time(std::string_view text) const;

    bool empty() const { return formats_.empty(); }
    // How a value should be written, for error messages: "15/03/2024 or 2024-05-01".
    std::string expected_date() const;
    std::string expected_time() const;

private:
    std::vector<DateFormat> formats_;
};

} // namespace expeer
