#include "store/migrations.hpp"

namespace expeer {

// The SQL is kept to what SQLite and PostgreSQL both accept where that costs nothing:
// TEXT times in ISO 8601 UTC, CHECK constraints for vocabularies, no SQLite-only types.
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
    occupation TEXT NOT NULL CHECK (occupation IN
        ('lawyer', 'ngo-staff', 'researcher', 'activist', 'journalist', 'other')),
    language TEXT NOT NULL CHECK (language IN ('fr', 'en', 'ar', 'pt', 'de', 'es')),
    profile TEXT NOT NULL CHECK (profile IN ('member', 'trusted', 'admin')),
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
    occupation TEXT NOT NULL CHECK (occupation IN
        ('lawyer', 'ngo-staff', 'researcher', 'activist', 'journalist', 'other')),
    language TEXT NOT NULL CHECK (language IN ('fr', 'en', 'ar', 'pt', 'de', 'es')),
    profile TEXT NOT NULL CHECK (profile IN ('member', 'trusted', 'admin')),
    newsletter_consent INTEGER NOT NULL CHECK (newsletter_consent IN (0, 1)),
    consent_at TEXT,
    consent_source TEXT,
    registered_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'disabled', 'erased')),
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
    };
    return all;
}

} // namespace expeer
