// The reader of a violation map's records, as a project exports them from a spreadsheet or a
// database (or an attacker writes them). The first byte picks the format and, for CSV, the
// encoding the file is declared in; the rest is the file. What the reader lets through is
// checked as a caller stores it, and every refused line goes to the rejects writer.
#include "fuzz_target.hpp"
#include "map/record_reader.hpp"
#include "util/text.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The file the reader opens: one per process, rewritten for each input. A memfd leaves
// nothing behind in /tmp, whatever stops the fuzzer.
const std::string& input_path() {
    static const std::string path = [] {
        const int fd = memfd_create("map_records_fuzz", 0);
        if (fd < 0) {
            std::perror("map_records_fuzz: memfd_create");
            std::abort();
        }
        return "/proc/self/fd/" + std::to_string(fd);
    }();
    return path;
}

void write_input(const std::uint8_t* data, std::size_t size) {
    const int fd = std::stoi(input_path().substr(std::string_view("/proc/self/fd/").size()));
    if (ftruncate(fd, 0) != 0) std::abort();
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
        if (n <= 0) std::abort();
        done += static_cast<std::size_t>(n);
    }
}

const expeer::RecordVocabulary& vocabulary() {
    static const expeer::RecordVocabulary known = [] {
        expeer::RecordVocabulary v;
        v.categories = {{"gender", "genre", "gender"},
                        {"origin", "origine", "origin"},
                        {"disability", "handicap", "disability"}};
        v.region_code = [](std::string_view text) -> std::optional<std::string> {
            const std::string key = expeer::text::fold_words(text);
            if (key == expeer::text::fold_words("TN-11") || key == "tunis") return "TN-11";
            if (key == expeer::text::fold_words("TN-61") || key == "sfax") return "TN-61";
            return std::nullopt;
        };
        v.region_suggestions = [](std::string_view text) -> std::vector<std::string> {
            if (!text.empty() && text[0] == 'S') return {"Sfax (TN-61)"};
            return {};
        };
        return v;
    }();
    return known;
}

constexpr std::string_view today = "2024-09-15";

bool is_digits(std::string_view s) {
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// ^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$
bool is_record_date(std::string_view date) {
    if (date.size() != 7 && date.size() != 10) return false;
    if (!is_digits(date.substr(0, 4)) || date[4] != '-' || !is_digits(date.substr(5, 2)))
        return false;
    return date.size() == 7 || (date[7] == '-' && is_digits(date.substr(8, 2)));
}

void check(bool holds) {
    if (!holds) __builtin_trap();
}

// What a caller storing the record relies on.
void check_record(const expeer::MapRecord& record, std::size_t line) {
    using expeer::text::is_valid_utf8;
    check(line > 0);
    check(!record.id.empty() && is_valid_utf8(record.id));
    check(is_valid_utf8(record.date) && is_record_date(record.date));
    check(record.date <= today.substr(0, record.date.size()));
    check(is_valid_utf8(record.region));
    check(record.region == "TN-11" || record.region == "TN-61");
    check(is_valid_utf8(record.category));
    check(record.category == "gender" || record.category == "origin" ||
          record.category == "disability");
    check(!record.notes || is_valid_utf8(*record.notes));
}

// What a caller prints: every part of a problem is text a terminal can show.
void check_problem(const expeer::RecordProblem& problem) {
    using expeer::text::is_valid_utf8;
    check(problem.line > 0);
    check(!problem.field.empty() && is_valid_utf8(problem.field));
    check(is_valid_utf8(problem.value));
    check(!problem.reason.empty() && is_valid_utf8(problem.reason));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // 0-2: CSV in each encoding; 3: JSON Lines (always UTF-8: another encoding is refused
    // before the file is read, so no input is spent on that).
    struct Choice {
        expeer::RecordFormat format;
        expeer::Encoding encoding;
    };
    const Choice choices[] = {{expeer::RecordFormat::csv, expeer::Encoding::utf8},
                              {expeer::RecordFormat::csv, expeer::Encoding::windows_1252},
                              {expeer::RecordFormat::csv, expeer::Encoding::latin_1},
                              {expeer::RecordFormat::jsonl, expeer::Encoding::utf8}};
    const Choice choice = choices[data[0] % 4];
    write_input(data + 1, size - 1);

    std::string rejects;
    expeer::RecordReadOptions options;
    options.today = std::string(today);
    options.encoding = choice.encoding;
    options.on_rejected_text = [&](std::string_view text) { rejects.append(text); };
    expeer::fuzz::expect_answer_or_refusal([&] {
        const auto reading = expeer::read_records(input_path(), choice.format, vocabulary(),
                                                  options, check_record, check_problem);
        check(reading.rejected <= reading.lines);
        check(reading.ignored_columns.size() <= 1);
    });
    return 0;
}
