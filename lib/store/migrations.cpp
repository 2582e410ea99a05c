#include "store/migrations.hpp"

namespace expeer {

// The SQL is kept to what SQLite and PostgreSQL both accept where that costs nothing:
// TEXT times in ISO 8601 UTC, CHECK constraints for vocabularies, no SQLite-only types.
// Vocabulary checks are chains of OR, not IN lists: SQLite evaluates an IN list of three or
// more constants through a temporary b-tree built for every row written, which made a bulk
// import ten times slower.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, "member registry and audit log", R"sql(
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    country TEXT,
    organisation TEXT,
    occupation TEXT NOT NULL CHECK (occupation = 'lawyer' OR occupation = 'ngo-staff' OR occupation = 'researcher' OR occupation = 'activist' OR occupation = 'journalist' OR occupation = 'other'),
    language TEXT NOT NULL CHECK (language = 'fr' OR language = 'en' OR language = 'ar' OR language = 'pt' OR language = 'de' OR language = 'es'),
    profile TEXT NOT NULL CHECK (profile = 'member' OR profile = 'trusted' OR profile = 'admin'),
    newsletter_consent INTEGER NOT NULL CHECK (newsletter_consent IN (0, 1)),
    consent_at TEXT,
    consent_source TEXT,
    registered_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    external_id TEXT UNIQUE,
    search_text TEXT NOT NULL,
    organisation_key TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX members_country ON members (country);
CREATE INDEX members_status ON members (status);

CREATE TABLE consent_events (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
    source TEXT
);
CREATE INDEX consent_events_member ON consent_events (member_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    details TEXT
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
)sql"},
        // An erased member keeps their row, so what they wrote stays attributed to a "former
        // member" and counts stay right, but every personal column is emptied. SQLite changes
        // constraints only by rebuilding the table (foreign keys are off meanwhile).
        {2, "erasable members", R"sql(
CREATE TABLE members_new (
    id INTEGER PRIMARY KEY,
    email TEXT,
    email_key TEXT UNIQUE,
    display_name TEXT,
    country TEXT,
    organisation TEXT,
    occupation TEXT NOT NULL CHECK (occupation = 'lawyer' OR occupation = 'ngo-staff' OR occupation = 'researcher' OR occupation = 'activist' OR occupation = 'journalist' OR occupation = 'other'),
    language TEXT NOT NULL CHECK (language = 'fr' OR language = 'en' OR language = 'ar' OR language = 'pt' OR language = 'de' OR language = 'es'),
    profile TEXT NOT NULL CHECK (profile = 'member' OR profile = 'trusted' OR profile = 'admin'),
    newsletter_consent INTEGER NOT NULL CHECK (newsletter_consent IN (0, 1)),
    consent_at TEXT,
    consent_source TEXT,
    registered_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status = 'active' OR status = 'disabled' OR status = 'erased'),
    external_id TEXT UNIQUE,
    search_text TEXT NOT NULL,
    organisation_key TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    erased_at TEXT,
    CHECK ((status = 'erased') = (email IS NULL)),
    CHECK (status = 'erased' OR (email_key IS NOT NULL AND display_name IS NOT NULL))
);
INSERT INTO members_new (id, email, email_key, display_name, country, organisation, occupation,
    language, profile, newsletter_consent, consent_at, consent_source, registered_on, status,
    external_id, search_text, organisation_key, created_at, updated_at)
SELECT id, email, email_key, display_name, country, organisation, occupation, language, profile,
    newsletter_consent, consent_at, consent_source, registered_on, status, external_id,
    search_text, organisation_key, created_at, updated_at FROM members;
DROP TABLE members;
ALTER TABLE members_new RENAME TO members;
CREATE INDEX members_country ON members (country);
CREATE INDEX members_status ON members (status);
)sql"},
        // Which line of a file each email came from, during one import only: filled and emptied
        // inside the import's transaction, so it is empty for everyone else. A TEMP table would
        // get its own journal in a temporary file, and cost ten times as much per row.
        {3, "import scratch table", R"sql(
CREATE TABLE import_lines (
    email_key TEXT PRIMARY KEY,
    line INTEGER NOT NULL
);
)sql"},
        {4, "spaces, memberships, news, comments, talks and activities", R"sql(
CREATE TABLE spaces (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    description TEXT,
    access TEXT NOT NULL CHECK (access = 'open' OR access = 'on-request' OR access = 'confidential'),
    kind TEXT NOT NULL CHECK (kind = 'thematic' OR kind = 'regional' OR kind = 'project'),
    parent_id INTEGER REFERENCES spaces (id),
    default_role TEXT NOT NULL CHECK (default_role = 'reader' OR default_role = 'contributor'
        OR default_role = 'content-manager' OR default_role = 'space-manager'),
    created_on TEXT NOT NULL,
    archived_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX spaces_parent ON spaces (parent_id);

-- One row per stay of a member in a space: leaving closes it, joining again opens another.
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    role TEXT NOT NULL CHECK (role = 'reader' OR role = 'contributor' OR role = 'content-manager'
        OR role = 'space-manager'),
    joined_at TEXT NOT NULL,
    left_at TEXT
);
CREATE UNIQUE INDEX memberships_current ON memberships (space_id, member_id) WHERE left_at IS NULL;
CREATE INDEX memberships_member ON memberships (member_id);

CREATE TABLE news (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    author_id INTEGER REFERENCES members (id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    posted_at TEXT NOT NULL
);
CREATE INDEX news_space ON news (space_id, posted_at);
CREATE INDEX news_author ON news (author_id);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    news_id INTEGER NOT NULL REFERENCES news (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES members (id),
    body TEXT NOT NULL,
    posted_at TEXT NOT NULL
);
CREATE INDEX comments_news ON comments (news_id);
CREATE INDEX comments_author ON comments (author_id);

CREATE TABLE talks (
    id INTEGER PRIMARY KEY,
    starts_at TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    title_en TEXT NOT NULL,
    summary_fr TEXT,
    summary_en TEXT,
    speakers TEXT,
    replay_url TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX talks_starts ON talks (starts_at);

-- Everything members do, here or on the collaboration platform (logins and views are only
-- seen there). external_id is the platform's id, so importing the same history twice adds
-- nothing.
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,
    at TEXT NOT NULL,
    member_id INTEGER REFERENCES members (id),
    kind TEXT NOT NULL CHECK (kind = 'news' OR kind = 'comment' OR kind = 'file' OR kind = 'membership'
        OR kind = 'login' OR kind = 'view'),
    space_id INTEGER REFERENCES spaces (id),
    content TEXT
);
CREATE INDEX activities_at ON activities (at);
CREATE INDEX activities_member ON activities (member_id, at);
CREATE INDEX activities_space ON activities (space_id, at);
)sql"},
        // A file's contents are stored once, by SHA-256, outside the database; a library entry
        // is a path in a space, and each addition at that path is a new revision.
        {5, "file libraries", R"sql(
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL
);
CREATE TABLE library_files (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    path TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX library_files_path ON library_files (space_id, path) WHERE deleted_at IS NULL;
CREATE TABLE library_revisions (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES library_files (id),
    revision INTEGER NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs (sha256),
    size INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    added_by INTEGER REFERENCES members (id),
    UNIQUE (file_id, revision)
);
CREATE INDEX library_revisions_sha256 ON library_revisions (sha256);
)sql"},
        // Statistics count members as they were at a date, so a disabled member needs the date
        // they were disabled (the present status is not history). Reports read activities by
        // kind and period: one index covers those queries, so they never read the table. A
        // snapshot keeps a published report's figures as they were published.
        {6, "statistics", R"sql(
ALTER TABLE members ADD COLUMN disabled_at TEXT;
UPDATE members SET disabled_at = updated_at WHERE status = 'disabled';
CREATE INDEX activities_kind ON activities (kind, at, space_id, member_id);
CREATE TABLE stats_snapshots (
    id INTEGER PRIMARY KEY,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    taken_by TEXT NOT NULL,
    figures TEXT NOT NULL,
    UNIQUE (period_from, period_to)
);
)sql"},
        // The newsletter: an issue is approved with the checksum of its source, so that what
        // is sent is what was approved; every (issue, member) send is a row whose state
        // survives a crash, so a rerun never sends twice and finishes what was left.
        {7, "newsletter", R"sql(
CREATE TABLE letter_issues (
    issue TEXT PRIMARY KEY,
    source_sha256 TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    approved_by TEXT NOT NULL
);
CREATE TABLE letter_sends (
    issue TEXT NOT NULL REFERENCES letter_issues (issue),
    member_id INTEGER NOT NULL REFERENCES members (id),
    language TEXT NOT NULL CHECK (language = 'fr' OR language = 'en'),
    status TEXT NOT NULL CHECK (status = 'pending' OR status = 'sending' OR status = 'sent'
        OR status = 'failed' OR status = 'interrupted'),
    attempts INTEGER NOT NULL DEFAULT 0,
    reply TEXT,
    message_id TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (issue, member_id)
);
CREATE INDEX letter_sends_status ON letter_sends (issue, status);
CREATE INDEX letter_sends_member ON letter_sends (member_id);
)sql"},
        // The ledger of published figures: every count of people a public output showed, and
        // what its label told an outsider, so that later outputs are audited against it and
        // no subtraction between two of them pins a hidden count.
        {8, "published figures", R"sql(
CREATE TABLE published_figures (
    output TEXT NOT NULL,
    cell TEXT NOT NULL,
    value INTEGER NOT NULL,
    label TEXT NOT NULL CHECK (label IN ('exact', 'fewer_than', 'withheld', 'not_listed')),
    low INTEGER NOT NULL,
    high INTEGER,
    sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    published_at TEXT NOT NULL,
    PRIMARY KEY (output, cell)
);
)sql"},
        // The collaboration platform's ids on what a pull brings in, so a rerun updates instead
        // of adding again; where each space's event feed stopped; the platform's folders, for
        // the library paths. A revision pulled without its bytes has no content (sha256 NULL):
        // SQLite changes a column's constraint only by rebuilding its table.
        {9, "collaboration platform", R"sql(
ALTER TABLE spaces ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX spaces_external ON spaces (external_id);
ALTER TABLE news ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX news_external ON news (external_id);
-- A thread's text is its first comment on the platform: that comment is not a comment here.
ALTER TABLE news ADD COLUMN body_external_id TEXT;
CREATE INDEX news_body_external ON news (body_external_id);
ALTER TABLE comments ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX comments_external ON comments (external_id);
ALTER TABLE library_files ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX library_files_external ON library_files (external_id);
CREATE TABLE library_revisions_new (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES library_files (id),
    revision INTEGER NOT NULL,
    sha256 TEXT REFERENCES blobs (sha256),
    size INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    added_by INTEGER REFERENCES members (id),
    external_id TEXT UNIQUE,
    UNIQUE (file_id, revision)
);
INSERT INTO library_revisions_new (id, file_id, revision, sha256, size, added_at, added_by)
SELECT id, file_id, revision, sha256, size, added_at, added_by FROM library_revisions;
DROP TABLE library_revisions;
ALTER TABLE library_revisions_new RENAME TO library_revisions;
CREATE INDEX library_revisions_sha256 ON library_revisions (sha256);
CREATE TABLE platform_cursors (
    space_id INTEGER PRIMARY KEY REFERENCES spaces (id),
    last_event_id INTEGER,
    contents_modified TEXT,
    pulled_at TEXT NOT NULL,
    pulled_public INTEGER NOT NULL CHECK (pulled_public IN (0, 1))
);
CREATE TABLE platform_folders (
    external_id TEXT PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces (id),
    parent_external_id TEXT,
    label TEXT NOT NULL
);
)sql"},
        // News and comments are edited and deleted by their authors and moderators: an edit
        // keeps when it was made, and the activity a news item or comment made is tied to it,
        // so that deleting it deletes what it counted. Erasing an author deletes their content
        // and keeps the counts: SET NULL only unties those. Activities recorded before this are
        // tied where exactly one news item or comment matches (author, space, time and title).
        {10, "edits and deletions of news and comments", R"sql(
ALTER TABLE news ADD COLUMN edited_at TEXT;
ALTER TABLE comments ADD COLUMN edited_at TEXT;
ALTER TABLE activities ADD COLUMN news_id INTEGER REFERENCES news (id) ON DELETE SET NULL;
ALTER TABLE activities ADD COLUMN comment_id INTEGER REFERENCES comments (id) ON DELETE SET NULL;
CREATE INDEX activities_news ON activities (news_id) WHERE news_id IS NOT NULL;
CREATE INDEX activities_comment ON activities (comment_id) WHERE comment_id IS NOT NULL;
UPDATE activities SET news_id = (
    SELECT n.id FROM news n WHERE n.external_id IS NULL AND n.space_id = activities.space_id
        AND n.author_id = activities.member_id AND n.posted_at = activities.at AND n.title = activities.content)
WHERE kind = 'news' AND external_id IS NULL AND 1 = (
    SELECT count(*) FROM news n WHERE n.external_id IS NULL AND n.space_id = activities.space_id
        AND n.author_id = activities.member_id AND n.posted_at = activities.at AND n.title = activities.content);
UPDATE activities SET (news_id, comment_id) = (
    SELECT n.id, c.id FROM comments c JOIN news n ON n.id = c.news_id WHERE c.external_id IS NULL
        AND n.space_id = activities.space_id AND c.author_id = activities.member_id
        AND c.posted_at = activities.at AND n.title = activities.content)
WHERE kind = 'comment' AND external_id IS NULL AND 1 = (
    SELECT count(*) FROM comments c JOIN news n ON n.id = c.news_id WHERE c.external_id IS NULL
        AND n.space_id = activities.space_id AND c.author_id = activities.member_id
        AND c.posted_at = activities.at AND n.title = activities.content);
)sql"},
        // Addresses are compared by a rule the database records, since its keys were computed by
        // it. Until now only ASCII letters were folded ("ascii"), so "élodie@" typed composed and
        // decomposed made two members. A database with members keeps that rule until
        // `expeer db migrate` recomputes the keys by the configured one (members.email_local_part),
        // which refuses, naming them, two members who would become one; an empty one starts
        // with the new rule.
        {11, "email key rule", R"sql(
CREATE TABLE email_key_rule (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    rule TEXT NOT NULL CHECK (rule = 'ascii' OR rule = 'fold' OR rule = 'exact'),
    changed_at TEXT
);
INSERT INTO email_key_rule (id, rule)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM members WHERE email_key IS NOT NULL) THEN 'ascii' ELSE 'fold' END;
)sql"},
        // The erasure list (lib/members/erasure_list.hpp) lives outside the database, with its
        // key; the database records the key's fingerprint, so that a list gone missing or
        // replaced is noticed instead of letting erased people back in. Self-contained:
        // renumber freely at merge.
        {12, "fingerprint of the erasure list's key", R"sql(
CREATE TABLE erasure_list (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key_fingerprint TEXT NOT NULL
);
)sql"},
        {13, "violation maps: their regions, vocabulary and records", R"sql(
CREATE TABLE maps (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    country TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    title_en TEXT NOT NULL,
    region_key TEXT NOT NULL,
    boundaries TEXT NOT NULL,
    attribution TEXT NOT NULL,
    approved_checksum TEXT,
    approved_at TEXT,
    approved_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE map_categories (
    map_id INTEGER NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    PRIMARY KEY (map_id, code)
);
CREATE TABLE map_records (
    id INTEGER PRIMARY KEY,
    map_id INTEGER NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    record_id TEXT NOT NULL,
    day TEXT NOT NULL,
    region TEXT NOT NULL,
    category TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('woman', 'man', 'non-binary', 'unknown')),
    status TEXT NOT NULL CHECK (status IN ('open', 'in-court', 'decided', 'closed', 'unknown')),
    notes TEXT,
    imported_at TEXT NOT NULL,
    UNIQUE (map_id, record_id)
);
)sql"},
        // What was approved is what goes out: an approval keeps the editions it approved (the
        // members' copy, with placeholders for each one's name and link, and the archive's),
        // and the options it was given, so that a send or the archive renders nothing again.
        {14, "approved letter editions", R"sql(
ALTER TABLE letter_issues ADD COLUMN allow_missing INTEGER NOT NULL DEFAULT 0 CHECK (allow_missing IN (0, 1));
CREATE TABLE letter_editions (
    issue TEXT NOT NULL REFERENCES letter_issues (issue) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    copy TEXT NOT NULL CHECK (copy IN ('members', 'archive')),
    subject TEXT NOT NULL,
    html TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (issue, language, copy)
);
)sql"},
        // Returned mail (`letter bounces`): each report read is kept by its Message-ID, so that
        // reading it again counts nothing; a suspension names the address it is about, so that
        // a member given a new address receives the letter again, whichever way it was changed.
        // Both hold addresses: a member's erasure deletes their rows.
        {15, "letter bounces and suspensions", R"sql(
CREATE TABLE letter_bounces (
    message_key TEXT PRIMARY KEY,
    read_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind = 'hard' OR kind = 'soft' OR kind = 'delayed' OR kind = 'complaint'),
    member_id INTEGER REFERENCES members (id),
    email TEXT,
    status TEXT
);
CREATE INDEX letter_bounces_member ON letter_bounces (member_id);
CREATE TABLE letter_suspensions (
    member_id INTEGER PRIMARY KEY REFERENCES members (id),
    email TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind = 'hard' OR kind = 'soft'),
    bounces INTEGER NOT NULL,
    suspended_at TEXT NOT NULL
);
)sql"},
    };
    return all;
}

} // namespace expeer
