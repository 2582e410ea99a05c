// The period a report covers: whole days in the installation's time zone, both ends included,
// turned into the UTC instants activities are stored with.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace expeer {

struct Month {
    std::string label;     // "2023-08"
    std::string start_utc; // first instant of the month (or of the period), included
    std::string end_utc;   // first instant after it, excluded
};

struct Period {
    std::string from;      // YYYY-MM-DD, included
    std::string to;        // YYYY-MM-DD, included
    std::string time_zone; // IANA name: "Europe/Brussels"
    std::string start_utc; // from's midnight, in UTC
    std::string end_utc;   // the midnight after `to`, in UTC (excluded)
    std::vector<Month> months; // every calendar month the period touches, in order

    // The period of the same length that ends the day before this one starts: as many whole
    // months when this one is whole months (a year before a year), otherwise as many days.
    Period previous() const;
    bool operator==(const Period&) const = default;
};

// A stored UTC instant as the local date and time in `time_zone`: {"2024-09-26", "16:00"}.
std::pair<std::string, std::string> local_date_time(const std::string& utc, const std::string& time_zone);

// Both dates checked (a usage error names the bad one); `to` may not be before `from`.
Period make_period(const std::string& from, const std::string& to, const std::string& time_zone);
// The report year that ends in `year`: from the first day of `first_month` in the year
// before (or in `year` itself when the year starts in January) to the day before it.
Period report_year(int year, int first_month, const std::string& time_zone);

} // namespace expeer
