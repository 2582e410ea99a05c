#include "map/map_record.hpp"

#include <array>
#include <string_view>

namespace expeer {

namespace {

struct Names {
    const char* name;
    const char* fr;
    const char* en;
};

constexpr std::array<Names, 4> genders = {{{"woman", "femme", "woman"},
                                           {"man", "homme", "man"},
                                           {"non-binary", "non binaire", "non-binary"},
                                           {"unknown", "non précisé", "not stated"}}};
constexpr std::array<Names, 5> statuses = {{{"open", "ouvert", "open"},
                                            {"in-court", "devant la justice", "in court"},
                                            {"decided", "jugé", "decided"},
                                            {"closed", "clos", "closed"},
                                            {"unknown", "non précisé", "not stated"}}};

const char* label_of(const Names& names, const std::string& language) { return language == "fr" ? names.fr : names.en; }

} // namespace

const char* gender_name(RecordGender gender) { return genders[static_cast<std::size_t>(gender)].name; }
const char* status_name(CaseStatus status) { return statuses[static_cast<std::size_t>(status)].name; }

std::optional<RecordGender> gender_named(const std::string& name) {
    for (std::size_t i = 0; i < genders.size(); ++i)
        if (name == genders[i].name) return static_cast<RecordGender>(i);
    return std::nullopt;
}

std::optional<CaseStatus> status_named(const std::string& name) {
    for (std::size_t i = 0; i < statuses.size(); ++i)
        if (name == statuses[i].name) return static_cast<CaseStatus>(i);
    return std::nullopt;
}

std::string gender_label(RecordGender gender, const std::string& language) {
    return label_of(genders[static_cast<std::size_t>(gender)], language);
}

std::string status_label(CaseStatus status, const std::string& language) {
    return label_of(statuses[static_cast<std::size_t>(status)], language);
}

const std::vector<RecordGender>& all_genders() {
    static const std::vector<RecordGender> all = {RecordGender::woman, RecordGender::man, RecordGender::non_binary,
                                                  RecordGender::unknown};
    return all;
}

const std::vector<CaseStatus>& all_statuses() {
    static const std::vector<CaseStatus> all = {CaseStatus::open, CaseStatus::in_court, CaseStatus::decided,
                                                CaseStatus::closed, CaseStatus::unknown};
    return all;
}

} // namespace expeer
