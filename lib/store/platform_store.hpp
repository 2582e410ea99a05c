// What a pull from the collaboration platform needs of the database beyond the other stores:
// rows found by the platform's ids, where each space's event feed stopped, the platform's
// folders, and the scrubbing of what a space that stopped being public must not keep.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace expeer {

class Database;

struct PlatformCursor {
    std::optional<std::int64_t> last_event_id;    // the newest event recorded
    std::optional<std::string> contents_modified; // the latest change of a content seen
    bool pulled_public = false;                   // whether the space was public then
};

struct PlatformFolder {
    std::string external_id;
    std::optional<std::string> parent_external_id;
    std::string label;
};

struct PulledRevision {
    std::int64_t file_id = 0;
    std::int64_t revision = 0;
    std::optional<std::string> sha256; // none when its bytes were not pulled
};

class PlatformStore {
  public:
    explicit PlatformStore(Database& db) : db_(db) {}

    // Spaces by their platform id; linking a local space gives it one.
    std::map<std::string, std::int64_t> spaces_by_external_id();
    void link_space(std::int64_t space_id, const std::string& external_id);

    std::optional<PlatformCursor> cursor(std::int64_t space_id);
    void save_cursor(std::int64_t space_id, const PlatformCursor& cursor, const std::string& at);
    // The next pull reads every content of the space again (it became public: its titles and
    // texts are wanted now).
    void forget_contents_cursor(std::int64_t space_id);

    void save_folder(std::int64_t space_id, const PlatformFolder& folder);
    std::map<std::string, PlatformFolder> folders(std::int64_t space_id);

    // News and comments by platform id: their local id.
    std::optional<std::int64_t> news_id(const std::string& external_id);
    std::optional<std::int64_t> comment_id(const std::string& external_id);
    // `body_external_id`: the platform comment whose text is the news' body, if any.
    void link_news(std::int64_t news_id, const std::string& external_id,
                   const std::optional<std::string>& body_external_id);
    std::optional<std::string> news_body_id(std::int64_t news_id);
    // Whether a platform comment is the text of a news item, not a comment.
    bool is_news_body(const std::string& external_id);
    void link_comment(std::int64_t comment_id, const std::string& external_id);
    // True when anything changed.
    bool update_news(std::int64_t news_id, const std::string& title, const std::string& body,
                     std::optional<std::int64_t> author_id, const std::string& posted_at);
    bool update_comment(std::int64_t comment_id, const std::string& body,
                        std::optional<std::int64_t> author_id, const std::string& posted_at);
    void delete_news(std::int64_t news_id); // with its comments
    void delete_comment(std::int64_t comment_id);

    // Library files and revisions by platform id.
    std::optional<std::int64_t> library_file_id(const std::string& external_id);
    void link_library_file(std::int64_t file_id, const std::string& external_id);
    std::optional<std::string> library_path(std::int64_t file_id);
    std::optional<PulledRevision> revision(const std::string& external_id);
    std::int64_t revision_count(std::int64_t file_id);
    void add_revision(std::int64_t file_id, std::int64_t revision,
                      const std::optional<std::string>& sha256, std::uint64_t size,
                      const std::string& at, std::optional<std::int64_t> member_id,
                      const std::string& external_id);
    void set_revision_content(const std::string& external_id, const std::string& sha256);
    // Versions of the space's files pulled without their bytes: (file, revision) platform ids.
    std::vector<std::pair<std::string, std::string>> revisions_without_bytes(std::int64_t space_id);

    // What a pull brought into a space that is not public must not keep its titles, bodies
    // or file names: a news title becomes `placeholder`, bodies are emptied, a file is named
    // "platform-file-ID". Returns how many rows changed.
    std::size_t scrub_space(std::int64_t space_id, const std::string& placeholder);

  private:
    std::optional<std::int64_t> id_by(const char* sql, const std::string& external_id);

    Database& db_;
};

} // namespace expeer
