#include "letter/totals.hpp"

#include "store/letter_store.hpp"

#include <algorithm>

namespace expeer {

std::vector<IssueTotals> letter_totals(Database& db) {
    LetterStore store(db);
    auto approvals = store.approvals();
    // What follows an issue is counted until the next one is approved: an unsubscribe or a
    // bounce then answers the latest letter, as nearly as anonymous counts can tell.
    std::sort(approvals.begin(), approvals.end(),
              [](const auto& a, const auto& b) { return a.approved_at < b.approved_at; });
    std::vector<IssueTotals> out;
    for (std::size_t i = 0; i < approvals.size(); ++i) {
        IssueTotals t;
        t.issue = approvals[i].issue;
        t.approved_at = approvals[i].approved_at;
        if (i + 1 < approvals.size()) t.until = approvals[i + 1].approved_at;
        const auto counts = store.counts(t.issue);
        const auto count = [&](const char* status) { return counts.count(status) ? counts.at(status) : 0; };
        t.sent = count("sent");
        t.failed = count("failed");
        t.interrupted = count("interrupted");
        t.pending = count("pending") + count("sending");
        const auto after = store.aftermath(t.approved_at, t.until);
        t.bounced = after.bounced;
        t.complaints = after.complaints;
        t.unsubscribed = after.unsubscribed;
        out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.issue < b.issue; });
    return out;
}

} // namespace expeer
