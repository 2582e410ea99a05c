// Writes a file so that readers see the old content or the whole new one, never half of it:
// a temporary file beside the target (mode 0600), fsync, rename, fsync of the directory.
// And a set of files the same way (AtomicDirectory): a report's files, all or none.
//
// Every file expeer writes where a person said goes through here, so the rules live in one
// place: only a regular file is ever replaced (a FIFO, a device such as /dev/full, a
// directory or a symbolic link is refused, --force or not: replacing /dev/null with a file
// of members' addresses breaks the system and leaves the data where nobody looks), a
// symbolic link is never followed, neither as the target nor as the directory it is in
// (O_NOFOLLOW on both; the directories above may be links, as system layouts use them), and
// everything after the check is done relative to that directory's descriptor, so swapping
// the directory for a link meanwhile changes nothing.
//
// The temporary is locked while in use; one a killed process left is removed by the next
// write of the same target (util/scratch_file).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace expeer {

// Creates each missing directory of `dir` with mode 0700: who is in the network is nobody
// else's business, not even other accounts on the machine.
void create_private_directories(const std::filesystem::path& dir);

// The directory a file is written into, opened without following a link: its descriptor,
// closed on destruction.
class DirectoryHandle {
public:
    // `dir` empty means the current directory.
    explicit DirectoryHandle(const std::filesystem::path& dir);
    ~DirectoryHandle();
    DirectoryHandle(const DirectoryHandle&) = delete;
    DirectoryHandle& operator=(const DirectoryHandle&) = delete;
    int fd() const { return fd_; }

private:
    int fd_ = -1;
};

class AtomicFile {
public:
    // Refuses an existing `target` unless `overwrite`, and anything but a regular file even
    // then. Nothing appears at `target` before commit(); a destroyed AtomicFile that was not
    // committed leaves nothing behind.
    AtomicFile(std::filesystem::path target, bool overwrite);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view data);
    void commit();
    const std::filesystem::path& target() const { return target_; }
    // The file as written so far, under its temporary name, for work that must be done on it
    // before it appears (a restored database is brought up to date first). Still locked.
    std::filesystem::path written_so_far();

private:
    void flush_buffer();
    void replace(); // commit()'s rename under --force

    std::filesystem::path target_;
    std::string name_;      // the target's name in directory_
    std::string temporary_; // the temporary file's name in directory_
    DirectoryHandle directory_;
    bool overwrite_;
    int fd_ = -1;
    std::string buffer_;
};

// The whole of `text` as `target`, through an AtomicFile.
void write_file_atomically(const std::filesystem::path& target, std::string_view text, bool overwrite);

// A directory of files that appears whole or not at all: the files are written into a
// temporary directory beside `target` (0700, each file 0600), which then takes the target's
// place in one rename. Files of an existing target that this set does not rewrite (another
// year's report) are kept, linked into the new directory; a target holding anything but
// regular files is refused before anything is written, as is a target that is a link.
// Destroyed without commit(), it removes the temporary directory and all in it.
class AtomicDirectory {
public:
    explicit AtomicDirectory(std::filesystem::path target);
    ~AtomicDirectory();
    AtomicDirectory(const AtomicDirectory&) = delete;
    AtomicDirectory& operator=(const AtomicDirectory&) = delete;

    // One file of the set, by its name (no '/'); written and synced at once.
    void write(const std::string& name, std::string_view text);
    void commit();
    const std::filesystem::path& target() const { return target_; }

private:
    void keep_old_files(int old_fd);
    void swap_in();

    std::filesystem::path target_;
    std::string name_;
    std::string temporary_;
    DirectoryHandle parent_;
    int fd_ = -1; // the temporary directory
    bool existed_ = false;
    bool committed_ = false;
    std::set<std::string> written_;
};

} // namespace expeer
