#pragma once

#include "audit/audit.hpp"

namespace expeer {

class Database;

// Appends to the audit log; call it inside the transaction of the change it records.
void record_audit(Database& db, const AuditEntry& entry);

// Oldest first.
std::vector<AuditEntry> list_audit(Database& db, const AuditFilter& filter);

} // namespace expeer
