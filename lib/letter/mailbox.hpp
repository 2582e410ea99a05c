// Where returned mail is read from, chosen by the form of SOURCE, as storage backends are by
// URL scheme: a Maildir (a directory with cur/ and new/), an mbox file, or an IMAP folder
// (imaps://USER@HOST/FOLDER, through libcurl). Each gives its messages one at a time, as
// bytes, and changes nothing in the mailbox: what was read is remembered by the database.
#pragma once

#include <memory>
#include <optional>
#include <string>

namespace expeer {

struct MailboxMessage {
    std::string where; // for the report: "new/1726389062.M1P2.mail", "message 3", "UID 17"
    std::string bytes;
};

class Mailbox {
public:
    virtual ~Mailbox() = default;
    // The next message, or nothing when all were read. A mailbox that cannot be read is an
    // Error naming it (no_input for files, temporary or permission for a server).
    virtual std::optional<MailboxMessage> next() = 0;
};

// `imap_password` is used only for an IMAP URL (letter.bounce_password); never shown.
std::unique_ptr<Mailbox> open_mailbox(const std::string& source, const std::string& imap_password);

// The IMAP folder of an imaps:// URL (imap_mailbox.cpp).
std::unique_ptr<Mailbox> open_imap_mailbox(const std::string& url, const std::string& password);

} // namespace expeer
