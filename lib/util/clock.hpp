// The time, as a service: commands take a Clock so tests can fix it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace expeer {

using TimePoint = std::chrono::sys_seconds;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock : public Clock {
public:
    TimePoint now() const override;
};

class FixedClock : public Clock {
public:
    explicit FixedClock(TimePoint at) : at_(at) {}
    TimePoint now() const override { return at_; }

private:
    TimePoint at_;
};

// "2024-05-01T10:00:00Z": how times are stored and printed, in UTC.
std::string format_timestamp(TimePoint t);
std::optional<TimePoint> parse_timestamp(std::string_view s);

// "2024-05-01": a calendar date, checked (no 31 February).
std::string format_date(std::chrono::year_month_day d);
std::optional<std::chrono::year_month_day> parse_date(std::string_view s);
std::chrono::year_month_day date_of(TimePoint t);

} // namespace expeer
