#include "demo/seed.hpp"

#include "audit/audit.hpp"
#include "store/activity_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/member_store.hpp"
#include "store/news_store.hpp"
#include "store/space_store.hpp"
#include "util/clock.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <numeric>
#include <random>

namespace expeer {

namespace {

using namespace std::chrono;

// The 2023-2024 report: members per country at the end of July 2024 (the nine main ones,
// then 46 more with fewer), and news and files per month from August to July.
constexpr std::array<std::pair<const char*, int>, 9> main_countries = {{
    {"CD", 173}, {"TN", 123}, {"BE", 103}, {"FR", 56}, {"UG", 47}, {"BI", 35}, {"MA", 20}, {"NE", 19}, {"CF", 13},
}};
constexpr std::array<const char*, 46> other_countries = {
    "CM", "SN", "CI", "ML", "BF", "TD", "RW", "KE", "GN", "TG", "BJ", "MG", "DZ", "CH", "CA", "HT",
    "CG", "GA", "SD", "SS", "ET", "NG", "GH", "LB", "EG", "LY", "MR", "DE", "NL", "ES", "IT", "GB",
    "US", "LU", "PT", "SE", "CO", "GT", "PH", "MM", "TZ", "MZ", "ZA", "LR", "SL", "DJ"};
constexpr std::array<int, 12> news_series = {135, 143, 97, 81, 84, 113, 89, 129, 111, 126, 112, 104};
constexpr std::array<int, 12> file_series = {102, 116, 82, 37, 50, 66, 125, 105, 117, 58, 105, 121};

constexpr const char* first_names[] = {"Amani", "Salma", "Pieter", "Claire", "Grace", "Jean", "Yousra", "Moussa",
                                       "Aline", "Karim", "Fatou", "Emmanuel", "Nadia", "Olivier", "Esther", "Idrissa",
                                       "Sophie", "Thierry", "Leila", "Patrick", "Mariam", "Hugo", "Aïcha", "Didier",
                                       "Zainab", "Lucas", "Rose", "Omar", "Inès", "Joseph"};
constexpr const char* last_names[] = {"Mukendi", "Ben Salah", "Janssens", "Martin", "Nakato", "Ndayishimiye",
                                      "El Idrissi", "Issoufou", "Kabongo", "Trabelsi", "Diallo", "Ouedraogo",
                                      "Mbeki", "Lambert", "Habimana", "Traoré", "Dupont", "Nkurunziza", "Haddad",
                                      "Kasongo", "Sow", "Peeters", "Mansouri", "Tshibanda", "Okello", "Bah"};
constexpr const char* occupations[] = {"lawyer", "ngo-staff", "researcher", "activist", "journalist", "other"};
constexpr const char* themes[] = {"justice transitionnelle", "detention", "liberte d'expression", "defenseurs",
                                  "droits des femmes", "migrations", "torture", "elections", "terres", "enfance"};

class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    // In [0, n): the engine's raw output, so every platform gives the same network.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N]) { return items[below(N)]; }
    template <typename T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::mt19937_64 engine_;
};

sys_days day_of(int y, unsigned m, unsigned d) { return sys_days(year(y) / month(m) / day(d)); }

// An instant in the month starting at (y, m), away from its edges so that no time zone moves
// it to another month.
std::string time_in_month(Random& rng, int y, unsigned m) {
    const auto day = day_of(y, m, 2) + days(static_cast<int>(rng.below(26)));
    // One draw a statement: the order of operands and arguments is the compiler's, and the
    // demo must be the same network whichever built it.
    const auto hour = hours(8 + static_cast<int>(rng.below(10)));
    const auto minute = minutes(static_cast<int>(rng.below(60)));
    const auto t = TimePoint(day) + hour + minute;
    return format_timestamp(t);
}

std::string date_between(Random& rng, sys_days from, sys_days to) { // both included
    const auto span = (to - from).count() + 1;
    return format_date(year_month_day(from + days(static_cast<int>(rng.below(static_cast<std::size_t>(span))))));
}

std::pair<int, unsigned> add_months(int y, unsigned m, int count) {
    const int index = y * 12 + static_cast<int>(m) - 1 + count;
    return {index / 12, static_cast<unsigned>(index % 12) + 1};
}

} // namespace

SeedSummary seed_demo_network(Database& db, const Clock& clock, const std::string& actor) {
    MemberStore members(db);
    SpaceStore spaces(db);
    if (members.count_all() > 0 || !spaces.all().empty())
        throw Error(ErrorKind::cannot_create, fmt::format("'{}' is not empty: the demo network goes into a new database "
                                                          "(expeer db init)", db.shown()));
    Random rng(20240731);
    const std::string now = format_timestamp(clock.now());
    SeedSummary summary;
    const sys_days period_start = day_of(2023, 8, 1), period_end = day_of(2024, 7, 31);
    const sys_days network_start = day_of(2019, 9, 1);

    return db.write([&](Write& w) {

        // Who is counted at the end of July 2024, country by country.
        std::vector<std::string> countries;
        for (const auto& [code, count] : main_countries) countries.insert(countries.end(), static_cast<std::size_t>(count), code);
        // 242 more members in 46 countries, from 12 down to 1 each.
        int remaining = 831 - static_cast<int>(countries.size());
        for (std::size_t i = 0; i < other_countries.size(); ++i) {
            const int left_after = static_cast<int>(other_countries.size() - i - 1);
            int count = std::max(1, 12 - static_cast<int>(i) / 4);
            count = std::min(count, remaining - left_after);
            countries.insert(countries.end(), static_cast<std::size_t>(count), other_countries[i]);
            remaining -= count;
        }
        countries.insert(countries.end(), static_cast<std::size_t>(std::max(0, remaining)), "CD");
        for (std::size_t i = countries.size(); i > 1; --i) std::swap(countries[i - 1], countries[rng.below(i)]);

        struct Seeded {
            std::int64_t id;
            bool counted_at_end;
            bool counted_before; // at the end of July 2023
        };
        std::vector<Seeded> people;
        auto add_member = [&](const std::string& country, const std::string& registered_on, const std::string& status,
                              const std::optional<std::string>& disabled_on, bool test) {
            Member m;
            const std::string first = rng.pick(first_names), last = rng.pick(last_names);
            const auto n = people.size() + 1;
            m.display_name = test ? fmt::format("Test account {}", n) : first + " " + last;
            m.email = test ? fmt::format("qa{}@test.expeer.example", n)
                           : fmt::format("member{:04}@example.org", n);
            m.country = country;
            m.occupation = rng.pick(occupations);
            m.language = country == "BE" || country == "FR" || country == "CD" || country == "TN" || country == "BI" ||
                                 country == "MA" || country == "NE" || country == "CF" || rng.below(3) == 0
                             ? "fr"
                             : "en";
            m.newsletter_consent = rng.below(10) < 8;
            if (m.newsletter_consent) {
                m.consent_at = registered_on + "T09:00:00Z";
                m.consent_source = "registration form";
            }
            m.registered_on = registered_on;
            m.status = status;
            m.created_at = registered_on + "T09:00:00Z";
            m.updated_at = disabled_on ? *disabled_on + "T12:00:00Z" : m.created_at; // when disabled
            const auto id = members.insert(m);
            ++summary.members;
            return id;
        };
        // 511 counted members who joined before the period, 320 during it.
        for (std::size_t i = 0; i < countries.size(); ++i) {
            const bool during = i < 320;
            const auto registered = during ? date_between(rng, period_start, period_end)
                                           : date_between(rng, network_start, period_start - days(1));
            people.push_back({add_member(countries[i], registered, "active", std::nullopt, false), true, !during});
        }
        // 13 who left during the period, 53 who left before it, 10 test accounts: 907 accounts.
        for (int i = 0; i < 13; ++i) {
            const auto registered = date_between(rng, network_start, period_start - days(400));
            const auto left = date_between(rng, period_start, period_end);
            const auto& country = countries[rng.below(countries.size())];
            people.push_back({add_member(country, registered, "disabled", left, false), false, true});
        }
        for (int i = 0; i < 53; ++i) {
            const auto registered = date_between(rng, network_start, day_of(2021, 12, 31));
            const auto left = date_between(rng, day_of(2022, 1, 1), period_start - days(400));
            const auto& country = countries[rng.below(countries.size())];
            people.push_back({add_member(country, registered, "disabled", left, false), false, false});
        }
        for (int i = 0; i < 10; ++i)
            people.push_back({add_member("BE", date_between(rng, network_start, period_start - days(1)), "active",
                                         std::nullopt, true),
                              false, false});

        // 320 spaces: 30 open, 290 on request or confidential; 306 of them see activity.
        std::vector<std::int64_t> space_ids;
        for (int i = 0; i < 320; ++i) {
            Space s;
            const bool open = i < 30;
            s.kind = i % 3 == 0 ? "regional" : i % 3 == 1 ? "thematic" : "project";
            s.slug = fmt::format("{}-{:03}", s.kind == "regional" ? "region" : s.kind == "thematic" ? "theme" : "project", i + 1);
            s.label = fmt::format("{} {}", s.kind == "regional" ? "Réseau régional" : s.kind == "thematic" ? "Groupe" : "Projet",
                                  i + 1);
            s.description = fmt::format("Espace fictif de démonstration : {}.", themes[i % 10]);
            s.access = open ? "open" : i % 4 == 0 ? "on-request" : "confidential";
            s.created_on = date_between(rng, network_start, period_start - days(30));
            s.created_at = s.created_on + "T09:00:00Z";
            s.updated_at = s.created_at;
            space_ids.push_back(spaces.insert(s));
            ++summary.spaces;
        }
        const std::vector<std::int64_t> active_spaces(space_ids.begin(), space_ids.begin() + 306);

        // Who is active: 514 of the counted members in the period (134 of them new), 330 of
        // those counted a year earlier in the year before.
        std::vector<std::int64_t> active_now, active_before;
        {
            std::vector<std::size_t> new_ones, older, before;
            for (std::size_t i = 0; i < people.size(); ++i) {
                if (people[i].counted_at_end && !people[i].counted_before) new_ones.push_back(i);
                if (people[i].counted_at_end && people[i].counted_before) older.push_back(i);
                if (people[i].counted_before) before.push_back(i);
            }
            for (auto* group : {&new_ones, &older, &before})
                for (std::size_t i = group->size(); i > 1; --i) std::swap((*group)[i - 1], (*group)[rng.below(i)]);
            for (std::size_t i = 0; i < 134; ++i) active_now.push_back(people[new_ones[i]].id);
            for (std::size_t i = 0; i < 380; ++i) active_now.push_back(people[older[i]].id);
            for (std::size_t i = 0; i < 330; ++i) active_before.push_back(people[before[i]].id);
        }
        for (const auto id : active_now)
            spaces.open_membership(rng.pick(space_ids), id, "contributor", "2023-07-01T09:00:00Z");

        auto activity = [&](const std::string& at, std::int64_t member, const char* kind, std::optional<std::int64_t> space,
                            std::optional<std::string> content) {
            record_activity(db, {0, std::nullopt, at, member, kind, space, std::move(content)});
            ++summary.activities;
        };
        auto post_news = [&](const std::string& at, std::int64_t author, std::int64_t space) {
            News news{0,  space, author, fmt::format("Note de veille n° {}", summary.news + 1),
                      "Texte fictif, écrit pour la démonstration d'expeer.", at, std::nullopt, std::nullopt};
            const auto id = insert_news(db, news);
            ++summary.news;
            // Tied to the news, as a post is: deleting it deletes what it counted.
            record_content_activity(db, {0, std::nullopt, at, author, "news", space, news.title}, id, std::nullopt);
            ++summary.activities;
            return id;
        };
        auto comment = [&](const std::string& at, std::int64_t author, std::int64_t news_id, std::int64_t space) {
            const auto id = insert_comment(db, {0, news_id, author, "Merci pour ce partage.", at, std::nullopt, std::nullopt});
            ++summary.comments;
            record_content_activity(db, {0, std::nullopt, at, author, "comment", space, std::nullopt}, news_id, id);
            ++summary.activities;
        };
        auto share_file = [&](const std::string& at, std::int64_t author, std::int64_t space) {
            activity(at, author, "file", space, fmt::format("document-{:05}.pdf", summary.activities + 1));
        };

        // Every active member logs in a few times in their year.
        for (const auto& [group, first_year] : {std::pair{&active_now, 2023}, std::pair{&active_before, 2022}})
            for (const auto id : *group) {
                const int logins = 1 + static_cast<int>(rng.below(8));
                for (int i = 0; i < logins; ++i) {
                    const auto [y, m] = add_months(first_year, 8, static_cast<int>(rng.below(12)));
                    activity(time_in_month(rng, y, m), id, "login", std::nullopt, std::nullopt);
                }
            }
        // The period follows the report's series; each of the 306 active spaces gets at least
        // one item. The year before has about three quarters as much, the years before less.
        std::size_t next_space = 0;
        auto space_for = [&]() { return next_space < active_spaces.size() ? active_spaces[next_space++] : rng.pick(active_spaces); };
        for (int month = 0; month < 12; ++month) {
            const auto [y, m] = add_months(2023, 8, month);
            std::vector<std::pair<std::int64_t, std::int64_t>> posted; // news id, space
            for (int i = 0; i < news_series[static_cast<std::size_t>(month)]; ++i) {
                const auto space = space_for();
                const auto author = rng.pick(active_now);
                const auto at = time_in_month(rng, y, m);
                posted.emplace_back(post_news(at, author, space), space);
            }
            for (int i = 0; i < 50; ++i) {
                const auto& [news_id, space] = posted[rng.below(posted.size())];
                const auto author = rng.pick(active_now);
                comment(time_in_month(rng, y, m), author, news_id, space);
            }
            for (int i = 0; i < file_series[static_cast<std::size_t>(month)]; ++i) {
                const auto space = space_for();
                const auto author = rng.pick(active_now);
                share_file(time_in_month(rng, y, m), author, space);
            }
        }
        // Before the period: 4,418 files and 3,662 news and comments in all by its end.
        auto history = [&](int first_year, unsigned first_month, int months, int news, int comments, int files,
                           const std::vector<std::int64_t>& authors) {
            auto when = [&] {
                const auto [y, m] = add_months(first_year, first_month, static_cast<int>(rng.below(static_cast<std::size_t>(months))));
                return time_in_month(rng, y, m);
            };
            std::vector<std::pair<std::int64_t, std::int64_t>> posted;
            for (int i = 0; i < news; ++i) {
                const auto space = rng.pick(space_ids);
                const auto author = rng.pick(authors);
                posted.emplace_back(post_news(when(), author, space), space);
            }
            for (int i = 0; i < comments; ++i) {
                const auto& [news_id, space] = posted[rng.below(posted.size())];
                const auto author = rng.pick(authors);
                comment(when(), author, news_id, space);
            }
            for (int i = 0; i < files; ++i) {
                const auto space = rng.pick(space_ids);
                const auto author = rng.pick(authors);
                share_file(when(), author, space);
            }
        };
        history(2022, 8, 12, 1000, 400, 900, active_before);
        std::vector<std::int64_t> early;
        for (const auto& p : people)
            if (p.counted_before) early.push_back(p.id);
        history(2019, 9, 35, 238, 100, 4418 - 1084 - 900, early);

        w.audit({0, now, actor, "demo.seed", "database", "", fmt::format("{{\"members\":{}}}", summary.members)});
        return summary;
    });
}

} // namespace expeer
