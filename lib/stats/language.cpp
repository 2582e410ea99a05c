#include "stats/language.hpp"

#include "util/error.hpp"

#include <fmt/format.h>
#include <unicode/datefmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>

#include <map>

namespace expeer {

namespace {

struct Texts {
    std::string en;
    std::string fr;
};

// Every word of the report. Definitions say exactly what is counted, for anyone to check.
const std::map<std::string_view, Texts>& texts() {
    static const std::map<std::string_view, Texts> all = {
        {"title", {"Annual report of the network", "Rapport annuel du réseau"}},
        {"period", {"Period", "Période"}},
        {"compared_with", {"Compared with", "Comparée à"}},
        {"time_zone", {"time zone", "fuseau horaire"}},
        {"internal", {"INTERNAL: exact figures, not for publication", "INTERNE : chiffres exacts, à ne pas publier"}},
        {"public_note", {"Counts of fewer than {} people are hidden, and so are the cells that would reveal them.",
                         "Les effectifs de moins de {} personnes sont masqués, ainsi que les cases qui permettraient de les retrouver."}},
        {"snapshot_note", {"Figures as frozen on {}.", "Chiffres tels que figés le {}."}},
        {"previous_note", {"The previous period's figures are those frozen on {} for its report.",
                           "Les chiffres de la période précédente sont ceux figés le {} pour son rapport."}},
        {"covered_one", {"One more count is hidden so that no hidden count can be worked out from the others.",
                         "Un autre effectif est masqué pour qu'aucun effectif masqué ne puisse être déduit des autres."}},
        {"covered_many", {"{} more counts are hidden so that no hidden count can be worked out from the others.",
                          "{} autres effectifs sont masqués pour qu'aucun effectif masqué ne puisse être déduit des autres."}},
        {"coarsened_one", {"One count is shown as \"hidden\" rather than \"fewer than {}\", which would narrow it down.",
                           "Un effectif est indiqué « masqué » plutôt que « moins de {} », qui permettrait de le cerner."}},
        {"coarsened_many", {"{} counts are shown as \"hidden\" rather than \"fewer than {}\", which would narrow them down.",
                            "{} effectifs sont indiqués « masqué » plutôt que « moins de {} », qui permettrait de les cerner."}},
        {"figure", {"Figure", "Indicateur"}},
        {"key_figures", {"Key figures", "Chiffres clés"}},
        {"colon", {": ", " : "}},
        {"this_period", {"This period", "Cette période"}},
        {"previous_period", {"Previous period", "Période précédente"}},
        {"change", {"Change", "Évolution"}},
        {"fewer_than", {"fewer than {}", "moins de {}"}},
        {"hidden", {"hidden", "masqué"}},
        {"of", {"of", "sur"}},
        {"registered_members", {"Registered members", "Membres inscrits"}},
        {"accounts", {"Accounts", "Comptes"}},
        {"new_members", {"New members", "Nouveaux membres"}},
        {"active_members", {"Active members", "Membres actifs"}},
        {"new_active_members", {"New members who became active", "Nouveaux membres devenus actifs"}},
        {"news", {"News published", "Actualités publiées"}},
        {"comments", {"Comments", "Commentaires"}},
        {"news_and_comments_total", {"News and comments, since the beginning", "Actualités et commentaires, depuis le début"}},
        {"files", {"Files shared", "Fichiers partagés"}},
        {"files_total", {"Files shared, since the beginning", "Fichiers partagés, depuis le début"}},
        {"active_spaces", {"Active spaces", "Espaces actifs"}},
        {"spaces", {"Spaces", "Espaces"}},
        {"public_activity", {"Activity in public spaces", "Activité dans les espaces publics"}},
        {"confidential_activity", {"Activity in confidential spaces", "Activité dans les espaces confidentiels"}},
        {"outside_spaces_activity", {"Activity outside spaces", "Activité hors des espaces"}},
        {"countries", {"Countries", "Pays"}},
        {"news_per_month", {"News published per month", "Actualités publiées par mois"}},
        {"files_per_month", {"Files shared per month", "Fichiers partagés par mois"}},
        {"month", {"Month", "Mois"}},
        {"total", {"Total", "Total"}},
        {"per_month", {"about {} a month", "environ {} par mois"}},
        {"members_by_country", {"Members by country", "Membres par pays"}},
        {"country", {"Country", "Pays"}},
        {"members", {"Members", "Membres"}},
        {"not_given", {"Country not given", "Pays non indiqué"}},
        {"members_in_countries", {"Members in {} countries", "Membres dans {} pays"}},
        {"top_countries", {"Mainly", "Principalement"}},
        {"map_title", {"Members by country, world map", "Carte du monde des membres par pays"}},
        {"map_description", {"World map in the Equal Earth projection: each country is coloured by its number of members, in {} classes: {}.",
                             "Carte du monde en projection Equal Earth : chaque pays est coloré selon son nombre de membres, en {} classes : {}."}},
        {"map_not_shown", {"not shown", "non affiché"}},
        {"map_attribution", {"Country outlines: Natural Earth (public domain), via world-atlas by Mike Bostock (ISC licence).",
                             "Contours des pays : Natural Earth (domaine public), via world-atlas de Mike Bostock (licence ISC)."}},
        {"chart_description", {"Bar chart, one bar per month from {} to {}; the values are in the table below.",
                               "Diagramme en barres, une barre par mois de {} à {} ; les valeurs figurent dans le tableau ci-dessous."}},
        {"and_more", {"{} and more", "{} et plus"}},
        {"definitions", {"Definitions", "Définitions"}},
        {"def_counted", {"Members are counted as they were at the end of each period: registered by its last day, and neither disabled nor erased before it ended. Test accounts (email addresses matching the configured patterns) are never counted, nor is their activity.",
                         "Les membres sont comptés tels qu'ils étaient à la fin de chaque période : inscrits au plus tard le dernier jour, ni désactivés ni effacés avant la fin. Les comptes de test (adresses correspondant aux motifs configurés) ne sont jamais comptés, ni leur activité."}},
        {"def_registered_members", {"Members counted at the end of the period. The change is the net growth: new members minus those disabled or erased.",
                                    "Membres comptés à la fin de la période. L'évolution est la croissance nette : nouveaux membres moins ceux désactivés ou effacés."}},
        {"def_accounts", {"Every account registered by the end of the period, including disabled, erased and test accounts.",
                          "Tous les comptes inscrits à la fin de la période, y compris désactivés, effacés et de test."}},
        {"def_new_members", {"Members registered during the period and still counted at its end (gross growth).",
                             "Membres inscrits pendant la période et toujours comptés à sa fin (croissance brute)."}},
        {"def_active_members", {"Registered members with at least one of these activities in the period: {}.",
                                "Membres inscrits ayant eu au moins une de ces activités pendant la période : {}."}},
        {"def_new_active_members", {"Active members registered during the period.", "Membres actifs inscrits pendant la période."}},
        {"def_news", {"News posted in any space during the period.", "Actualités publiées dans un espace pendant la période."}},
        {"def_comments", {"Comments on news during the period.", "Commentaires d'actualités pendant la période."}},
        {"def_news_and_comments_total", {"News and comments from the beginning to the end of the period.",
                                         "Actualités et commentaires du début jusqu'à la fin de la période."}},
        {"def_files", {"Files added to a library during the period (each new version of a file counts).",
                       "Fichiers ajoutés à une bibliothèque pendant la période (chaque nouvelle version compte)."}},
        {"def_files_total", {"Files shared from the beginning to the end of the period.",
                             "Fichiers partagés du début jusqu'à la fin de la période."}},
        {"def_active_spaces", {"Spaces where at least one of the activities above happened during the period, out of the spaces that existed during it.",
                               "Espaces où au moins une des activités ci-dessus a eu lieu pendant la période, sur les espaces existant pendant celle-ci."}},
        {"def_public_activity", {"Activities in spaces that are open, as are all the spaces above them; every other space counts as confidential.",
                                 "Activités dans les espaces ouverts dont tous les espaces parents sont ouverts ; tout autre espace compte comme confidentiel."}},
        {"def_countries", {"Countries where at least one registered member lives, as members declared it.",
                           "Pays où réside au moins un membre inscrit, tel que déclaré par les membres."}},
        {"def_public", {"Public outputs hide every count of people below {0} (shown as \"fewer than {0}\"), and hide other counts (\"hidden\") until none of the hidden ones can be worked out, neither from this report's totals nor with the reports and letters published before: each could still be any of several values, as many as \"fewer than {0}\" allows. Where \"fewer than {0}\" would itself narrow a count down, it is shown as \"hidden\". The smallest shown countries are hidden first. Some countries are never shown, for the members' safety; they are not counted in the number of countries. Counts of people are never crossed with another attribute.",
                        "Les sorties publiques masquent tout effectif de moins de {0} personnes (« moins de {0} ») et masquent d'autres effectifs (« masqué ») jusqu'à ce qu'aucun effectif masqué ne puisse être déduit, ni des totaux de ce rapport ni avec les rapports et lettres publiés auparavant : chacun peut encore prendre plusieurs valeurs, autant que « moins de {0} » en admet. Là où « moins de {0} » permettrait à lui seul de cerner un effectif, celui-ci est indiqué « masqué ». Les plus petits pays affichés sont masqués en premier. Certains pays ne sont jamais affichés, pour la sécurité des membres ; ils ne sont pas comptés dans le nombre de pays. Les effectifs de personnes ne sont jamais croisés avec un autre attribut."}},
        {"def_months", {"Months run from midnight to midnight in the time zone of the report.",
                        "Les mois vont de minuit à minuit dans le fuseau horaire du rapport."}},
        {"kind_news", {"news", "actualité"}},
        {"kind_comment", {"comment", "commentaire"}},
        {"kind_file", {"file", "fichier"}},
        {"kind_membership", {"joining or leaving a space", "entrée ou sortie d'un espace"}},
        {"kind_login", {"login", "connexion"}},
        {"kind_view", {"view", "consultation"}},
    };
    return all;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

} // namespace

struct ReportLanguage::Icu {
    std::unique_ptr<icu::NumberFormat> numbers;
    std::vector<std::string> short_months;
    std::vector<std::string> standalone_months;
    std::unique_ptr<icu::DateFormat> long_dates;
};

const std::vector<std::string>& ReportLanguage::supported() {
    static const std::vector<std::string> codes = {"fr", "en"};
    return codes;
}

ReportLanguage::ReportLanguage(const std::string& code) : code_(code), icu_(std::make_unique<Icu>()) {
    if (code != "fr" && code != "en")
        throw Error(ErrorKind::usage, fmt::format("report language '{}': expected fr or en", code));
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(code.c_str());
    icu_->numbers.reset(icu::NumberFormat::createInstance(locale, status));
    icu::DateFormatSymbols symbols(locale, status);
    int32_t count = 0;
    const icu::UnicodeString* shorts =
        symbols.getMonths(count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::ABBREVIATED);
    for (int32_t i = 0; i < count && i < 12; ++i) icu_->short_months.push_back(utf8(shorts[i]));
    const icu::UnicodeString* wide =
        symbols.getMonths(count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::WIDE);
    for (int32_t i = 0; i < count && i < 12; ++i) icu_->standalone_months.push_back(utf8(wide[i]));
    icu_->long_dates.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale));
    if (U_FAILURE(status) || !icu_->numbers || !icu_->long_dates || icu_->short_months.size() != 12 ||
        icu_->standalone_months.size() != 12)
        throw Error(ErrorKind::config, fmt::format("ICU has no data for the language '{}'", code));
    icu_->long_dates->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
}

ReportLanguage::~ReportLanguage() = default;
ReportLanguage::ReportLanguage(ReportLanguage&&) noexcept = default;

const std::string& ReportLanguage::text(std::string_view key) const {
    const auto it = texts().find(key);
    if (it == texts().end()) throw Error(ErrorKind::failure, fmt::format("the report has no text '{}'", key));
    return code_ == "fr" ? it->second.fr : it->second.en;
}

std::string ReportLanguage::number(std::int64_t n) const {
    icu::UnicodeString out;
    icu_->numbers->format(static_cast<int64_t>(n), out);
    return utf8(out);
}

std::string ReportLanguage::signed_number(std::int64_t n) const {
    if (n > 0) return "+" + number(n);
    if (n < 0) return "\u2212" + number(-n); // a minus sign, not a hyphen
    return number(0);
}

namespace {

std::pair<int, int> year_and_month(const std::string& ym) {
    return {std::stoi(ym.substr(0, 4)), std::stoi(ym.substr(5, 2))};
}

} // namespace

std::string ReportLanguage::month_short(const std::string& year_month) const {
    return icu_->short_months.at(static_cast<std::size_t>(year_and_month(year_month).second - 1));
}

std::string ReportLanguage::month_year(const std::string& year_month) const {
    const auto [year, month] = year_and_month(year_month);
    return fmt::format("{} {}", icu_->short_months.at(static_cast<std::size_t>(month - 1)), year);
}

std::string ReportLanguage::month_year_long(const std::string& year_month) const {
    const auto [year, month] = year_and_month(year_month);
    return fmt::format("{} {}", icu_->standalone_months.at(static_cast<std::size_t>(month - 1)), year);
}

std::string ReportLanguage::date(const std::string& ymd) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone("UTC"), status);
    calendar.clear();
    calendar.set(std::stoi(ymd.substr(0, 4)), std::stoi(ymd.substr(5, 2)) - 1, std::stoi(ymd.substr(8, 2)));
    const UDate when = calendar.getTime(status);
    icu::UnicodeString out;
    icu_->long_dates->format(when, out);
    return utf8(out);
}

} // namespace expeer
