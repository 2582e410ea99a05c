// A record of the violation map: one case a legal-aid, research or monitoring project
// documented, as the map needs it and no more (no name, no exact place, no coordinates).
// Records are personal data: the notes stay in the database, never in a published file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

// A kind of violation in a map's vocabulary (its categories file): a code and its labels.
struct MapCategory {
    std::string code; // "gender-discrimination"
    std::string fr;
    std::string en;
};

enum class RecordGender { woman, man, non_binary, unknown };
enum class CaseStatus { open, in_court, decided, closed, unknown };

struct MapRecord {
    std::string id;       // the project's own stable id: importing a record again updates it
    std::string date;     // a day (2024-03-15) or a month (2024-03)
    std::string region;   // the region's ISO 3166-2 code (TN-11)
    std::string category; // a code of the map's vocabulary
    RecordGender gender = RecordGender::unknown;
    CaseStatus status = CaseStatus::unknown;
    std::optional<std::string> notes; // kept, never published
};

// Names as the database and the published files write them: "woman", "non-binary",
// "in-court"; and the labels a page shows, in "fr" or "en".
const char* gender_name(RecordGender gender);
const char* status_name(CaseStatus status);
std::optional<RecordGender> gender_named(const std::string& name);
std::optional<CaseStatus> status_named(const std::string& name);
std::string gender_label(RecordGender gender, const std::string& language);
std::string status_label(CaseStatus status, const std::string& language);
const std::vector<RecordGender>& all_genders();
const std::vector<CaseStatus>& all_statuses();

} // namespace expeer
