// Files that hold nothing but a secret (smtp.password_file): read only when nobody else can.
#pragma once

#include <string>

namespace expeer {

class Config;

// The first line of the file the path key `key` names, without its line end. Refused (an
// Error of kind config naming the key, the file and where the key was set) when the file
// cannot be read, is empty, or when its group or others have any permission on it: as ssh
// refuses a private key others can read, since a secret they can read is theirs already,
// and a refusal is noticed where a warning in a cron job's mail is not. The check is made
// on the open file, so the file cannot be swapped between the check and the read.
std::string read_secret_file(const Config& config, const std::string& key);

} // namespace expeer
