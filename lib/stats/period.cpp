#include "stats/period.hpp"

#include "util/clock.hpp"
#include "util/error.hpp"

#include <fmt/format.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <memory>

namespace expeer {

namespace {

using namespace std::chrono;

std::unique_ptr<icu::TimeZone> find_time_zone(const std::string& name) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
    icu::UnicodeString id;
    zone->getID(id);
    if (id == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID))
        throw Error(ErrorKind::usage,
                    fmt::format("unknown time zone '{}': give a name such as Europe/Brussels or UTC", name));
    return zone;
}

// The UTC instant of midnight at the start of `day` in `zone`.
std::string local_midnight(const icu::TimeZone& zone, year_month_day day) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(zone, status);
    calendar.clear();
    calendar.set(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())) - 1,
                 static_cast<int>(static_cast<unsigned>(day.day())), 0, 0, 0);
    const UDate millis = calendar.getTime(status);
    if (U_FAILURE(status)) throw Error(ErrorKind::failure, "cannot compute a date in the time zone");
    return format_timestamp(TimePoint(seconds(static_cast<std::int64_t>(millis / 1000))));
}

year_month_day checked_date(const std::string& text, const char* option) {
    const auto date = parse_date(text);
    if (!date || text.size() != 10)
        throw Error(ErrorKind::usage, fmt::format("{} '{}' is not a date (YYYY-MM-DD)", option, text));
    return *date;
}

year_month_day next_day(year_month_day d) { return year_month_day(sys_days(d) + days(1)); }

} // namespace

std::pair<std::string, std::string> local_date_time(const std::string& utc, const std::string& time_zone) {
    const auto instant = parse_timestamp(utc);
    if (!instant) return {utc.substr(0, 10), utc.substr(11, 5)};
    const auto zone = find_time_zone(time_zone);
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(*zone, status);
    calendar.setTime(static_cast<UDate>(instant->time_since_epoch().count()) * 1000.0, status);
    const auto field = [&](UCalendarDateFields f) { return calendar.get(f, status); };
    return {fmt::format("{:04}-{:02}-{:02}", field(UCAL_YEAR), field(UCAL_MONTH) + 1, field(UCAL_DATE)),
            fmt::format("{:02}:{:02}", field(UCAL_HOUR_OF_DAY), field(UCAL_MINUTE))};
}

Period make_period(const std::string& from, const std::string& to, const std::string& time_zone) {
    const auto first = checked_date(from, "--from");
    const auto last = checked_date(to, "--to");
    if (last < first)
        throw Error(ErrorKind::usage, fmt::format("--to {} is before --from {}", to, from));
    const auto zone = find_time_zone(time_zone);
    Period p{from, to, time_zone, local_midnight(*zone, first), local_midnight(*zone, next_day(last)), {}};
    const year_month_day after_last = next_day(last);
    year_month_day month_start = first;
    while (month_start < after_last) {
        const year_month ym(month_start.year(), month_start.month());
        year_month_day month_end = year_month_day((ym + months(1)) / 1);
        if (month_end > after_last) month_end = after_last;
        p.months.push_back({fmt::format("{:04}-{:02}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month())),
                            local_midnight(*zone, month_start), local_midnight(*zone, month_end)});
        month_start = month_end;
    }
    return p;
}

Period report_year(int year, int first_month, const std::string& time_zone) {
    if (first_month < 1 || first_month > 12)
        throw Error(ErrorKind::config, fmt::format("stats.year_starts {} is not a month (1 to 12)", first_month));
    const year_month start = year_month(std::chrono::year(first_month == 1 ? year : year - 1),
                                        month(static_cast<unsigned>(first_month)));
    const year_month_day first = start / 1;
    const year_month_day last = year_month_day(sys_days((start + years(1)) / 1) - days(1));
    return make_period(format_date(first), format_date(last), time_zone);
}

Period Period::previous() const {
    const auto first = *parse_date(from);
    const auto last = *parse_date(to);
    // A period of whole months moves by months (a year before a year, whatever leap days);
    // any other moves by its number of days.
    const bool whole_months = first.day() == day(1) && next_day(last).day() == day(1);
    if (whole_months) {
        const auto count = months.size();
        const year_month start = year_month(first.year(), first.month()) - std::chrono::months(count);
        const year_month_day before_first = year_month_day(sys_days(first) - days(1));
        return make_period(format_date(start / 1), format_date(before_first), time_zone);
    }
    const auto length = sys_days(last) - sys_days(first) + days(1);
    return make_period(format_date(year_month_day(sys_days(first) - length)),
                       format_date(year_month_day(sys_days(first) - days(1))), time_zone);
}

} // namespace expeer
